"""report.json: the contract in ../shared/report-json.md, validated by the shipped schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from hrc_report.models import HrcReportError
from hrc_report.report import schema, to_json, validate


def test_report_validates_and_has_contract_keys(comparison):
    data = to_json(comparison)
    validate(data)
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert data["schema"] == "hrc-report/comparison/1"
    assert data["documents"]["en"]["code"] == "HRC23.148E" and data["documents"]["fr"]["code"] == "HRC23.148F"
    assert {"list", "name", "id", "kind", "on_behalf_of", "on_behalf_of_id"} <= set(data["speakers"]["fr"][0])
    assert data["sections"] == {"en": [], "fr": []} or data["sections"]["en"]


def test_states_mentioned(comparison):
    mentioned = to_json(comparison)["states_mentioned"]
    # Afghanistan is named only in the French version; Cuba speaks only in the English one.
    assert "AFG" in mentioned["fr"] and "AFG" not in mentioned["en"]
    assert "CUB" in mentioned["en"] and "CUB" not in mentioned["fr"]
    assert {"GEO", "KHM", "YEM", "RUS"} <= set(mentioned["en"]) & set(mentioned["fr"])
    assert mentioned["en"] == sorted(mentioned["en"])


def test_schema_rejects_a_broken_report(comparison):
    data = json.loads(json.dumps(to_json(comparison)))
    data["speaker_mismatches"][0]["issue"] = "missing_somewhere"
    with pytest.raises(HrcReportError, match="speaker_mismatches/0/issue"):
        validate(data)


def test_the_list_kinds_and_the_schema_agree():
    """A list kind is added in one place (hrc_report/lists.py); the schema must know it."""
    from hrc_report.lists import LIST_ORDER
    from hrc_report.report import schema

    assert schema()["$defs"]["list"]["enum"] == list(LIST_ORDER)
