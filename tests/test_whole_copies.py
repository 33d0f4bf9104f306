"""What only one version says is a difference only when the other copy is whole.

A copy without the page's closing lines (no closing code, no disclaimer: a
mirror's copy, a page beginning) may end before the page does, even when its
last sentence is complete; what only the other version says is then "could not
be checked", never "only in". Expected values come from the pair's gold.
"""

from __future__ import annotations

import json

import pytest

from hrc_report.parse import parse_summary
from hrc_report.pipeline import compare_summaries
from hrc_report.render import render_html

from conftest import CASES

PAIR = CASES / "cat77-closing"


def _without_closing_lines(text: str) -> str:
    """The page as a mirror or an excerpt holds it: up to the disclaimer, ending on a full stop."""
    return text[: text.index("Ce communiqué est produit")].rstrip()


@pytest.fixture(scope="module")
def gold():
    return json.loads((PAIR / "gold.json").read_text("utf-8"))


def _compare(fr_text: str):
    en = parse_summary((PAIR / "en.txt").read_text("utf-8"), "en.txt")
    fr = parse_summary(fr_text, "fr.txt")
    return compare_summaries(en, fr)


def test_only_in_english_is_withheld_against_a_french_copy_without_its_end(gold):
    comparison = _compare(_without_closing_lines((PAIR / "fr.txt").read_text("utf-8")))
    planted_en_only = [flag for flag in gold["coverage"] if flag.get("only_in") == "en"]
    assert planted_en_only  # the pair plants passages only in the English
    assert not [flag for flag in comparison.coverage if flag.only_in == "en"]
    assert comparison.not_checked["en"] >= len(planted_en_only)
    # a difference both versions speak of is still a difference
    both = [flag for flag in gold["coverage"] if "only_in" not in flag]
    assert len([flag for flag in comparison.coverage if flag.only_in is None]) == len(both)
    html = render_html(comparison)
    assert "The French copy lacks the page&#39;s closing lines" in html or "The French copy lacks the page's closing lines" in html


def test_the_whole_french_copy_keeps_the_english_only_flags(gold):
    comparison = _compare((PAIR / "fr.txt").read_text("utf-8"))
    planted_en_only = [flag for flag in gold["coverage"] if flag.get("only_in") == "en"]
    assert len([flag for flag in comparison.coverage if flag.only_in == "en"]) == len(planted_en_only)
    assert comparison.not_checked["en"] == 0


def test_no_claim_that_each_version_covers_the_other_when_passages_were_withheld():
    from dataclasses import replace

    comparison = _compare(_without_closing_lines((PAIR / "fr.txt").read_text("utf-8")))
    nothing_flagged = replace(comparison, coverage=())
    html = render_html(nothing_flagged)
    assert "each version covers what the other says" not in html
    assert "among the passages that could be checked" in html
    whole = replace(nothing_flagged, not_checked={"en": 0, "fr": 0})
    assert "each version covers what the other says" in render_html(whole)
