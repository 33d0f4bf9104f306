"""The comparison as data: ``report.json`` (schema ``hrc-report/comparison/1``).

Other tools read this file, so the keys follow ../shared/report-json.md; new
keys may be added, none renamed. The JSON Schema ships in the package.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections import Counter
from typing import Any

from .models import Comparison, DiffRow, HrcReportError, Speaker, Summary

SCHEMA_ID = "hrc-report/comparison/1"
MISMATCH_KINDS = ("missing_in_en", "missing_in_fr", "on_behalf_differs")


def _document(summary: Summary) -> dict[str, Any]:
    return {
        "language": summary.language,
        "language_detected": summary.language_detected,
        "code": summary.code,
        "title": summary.title,
        "part": summary.part,
        "date": summary.date,
        "source": summary.source,
        "url": summary.url,
        "label": summary.label,
        "body": summary.body_name,
        "session": summary.session,
    }


def _speaker(speaker: Speaker) -> dict[str, Any]:
    return {
        "list": speaker.list,
        "name": speaker.name,
        "id": speaker.id,
        "kind": speaker.kind,
        "on_behalf_of": speaker.on_behalf_of,
        "on_behalf_of_id": speaker.on_behalf_of_id,
        "match": speaker.match,
        "line": speaker.line,
    }


def _row(row: DiffRow) -> dict[str, Any]:
    return {
        "status": row.status,
        "id": row.id,
        "moved": row.moved,
        "en": row.en.name if row.en else None,
        "fr": row.fr.name if row.fr else None,
        "on_behalf_en": row.en.on_behalf_of if row.en else None,
        "on_behalf_fr": row.fr.on_behalf_of if row.fr else None,
    }


def counts(comparison: Comparison) -> dict[str, Any]:
    """The at-a-glance figures, shared by the JSON, the HTML and the terminal."""
    by_issue = Counter(m.issue for m in comparison.mismatches)
    return {
        "speakers": {"en": len(comparison.speakers_en), "fr": len(comparison.speakers_fr)},
        "speaker_mismatches": {kind: by_issue.get(kind, 0) for kind in MISMATCH_KINDS},
        "lists_in_other_order": sorted(c.list for c in comparison.lists if c.order_differs),
        "unresolved": {
            "en": sum(1 for s in comparison.speakers_en if s.match == "unresolved"),
            "fr": sum(1 for s in comparison.speakers_fr if s.match == "unresolved"),
        },
        "coverage": dict(sorted(Counter(c.kind for c in comparison.coverage).items())),
        "could_not_compare": len(comparison.uncertain),
        "header_differences": len(comparison.header_differences),
    }


def to_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "documents": {"en": _document(comparison.en), "fr": _document(comparison.fr)},
        "speakers": {
            "en": [_speaker(s) for s in comparison.speakers_en],
            "fr": [_speaker(s) for s in comparison.speakers_fr],
        },
        "speaker_mismatches": [
            {
                "list": m.list,
                "id": m.id,
                "issue": m.issue,
                "name_en": m.name_en,
                "name_fr": m.name_fr,
                "on_behalf_en": m.on_behalf_en,
                "on_behalf_fr": m.on_behalf_fr,
            }
            for m in comparison.mismatches
        ],
        "order_differs": {c.list: c.order_differs for c in comparison.lists if c.order_differs is not None},
        "states_mentioned": comparison.states_mentioned,
        "sections": {
            lang: [{"id": s.id, "heading": s.heading, "text": s.text, "kind": s.kind} for s in sections]
            for lang, sections in comparison.sections.items()
        },
        "alignment": [
            {"en": [link.en], "fr": [link.fr], "score": link.score, "cosine": link.cosine} for link in comparison.alignment
        ],
        "coverage": [flag.to_json() for flag in comparison.coverage],
        "covered": comparison.covered,
        "speaker_lists": [
            {"list": c.list, "count_en": c.count_en, "count_fr": c.count_fr, "rows": [_row(r) for r in c.rows]}
            for c in comparison.lists
        ],
        "counts": counts(comparison),
        # what the tool could not establish: never reported as a difference
        "could_not_compare": [
            {"list": u.list, "id": u.id, "why": u.why, "name_en": u.name_en, "name_fr": u.name_fr}
            for u in comparison.uncertain
        ],
        "list_notes": [{"list": n.list, "missing_in": n.missing_in} for n in comparison.list_notes],
        "header_differences": [{"field": d.field, "en": d.en, "fr": d.fr} for d in comparison.header_differences],
        "warnings": list(comparison.en.warnings + comparison.fr.warnings),
        "cut_off": {"en": comparison.en.cut_off, "fr": comparison.fr.cut_off},
        "coverage_not_checked": comparison.not_checked,
        "watch": [w.to_json() for w in comparison.watch],
    }


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = importlib.resources.files("hrc_report").joinpath("data", "report.schema.json").read_text("utf-8")
    return json.loads(text)


def validate(data: dict[str, Any]) -> None:
    """Raise :class:`HrcReportError` if ``data`` breaks the published contract.

    The tests run this on every fixture's and held-out pair's report and on 500
    damaged inputs (tests/test_properties.py): whether to_json keeps the contract
    depends on this code, not on the input, so it is checked there rather than
    at every run, where importing jsonschema and checking cost 0.09 s of a 1.1 s
    cold compare (bench/speed.py).
    """
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(top)"
        raise HrcReportError(f"report.json would break its schema at {where}: {error.message}")


def dumps(data: dict[str, Any]) -> str:
    # sort_keys off: the contract's key order reads better; insertion order is fixed.
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
