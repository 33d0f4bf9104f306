"""Every pair in fixtures/cases/ against its gold file: a new case is just a new folder.

Each gold file was written with the pair, before the code ran on it. It names
the speakers, the planted speaker-list mismatches and coverage differences,
and texts that must not be flagged.
"""

from __future__ import annotations


import pytest


from conftest import CASES, gold_and_comparison, pair_folders
from goldmatch import matches_planted

CASE_DIRS = pair_folders(CASES)


@pytest.fixture(scope="module", params=CASE_DIRS, ids=lambda p: p.name)
def case(request):
    return gold_and_comparison(request.param)


def test_there_are_cases_of_each_kind():
    names = {p.name for p in CASE_DIRS}
    assert {"hrc54-item10", "hrc54-votes", "cat77-closing", "cd-plenary"} <= names


def test_header(case):
    gold, comparison = case
    for lang, summary in (("en", comparison.en), ("fr", comparison.fr)):
        assert (summary.language, summary.code, summary.title, summary.part) == (
            gold[lang]["language"], gold[lang]["code"], gold[lang]["title"], gold[lang]["part"]
        )


def test_speaker_lists(case):
    gold, comparison = case
    for lang, speakers in (("en", comparison.speakers_en), ("fr", comparison.speakers_fr)):
        lists = gold["speakers"][lang]
        for list_name, expected in lists.items():
            if list_name == "on_behalf":
                continue
            found = [s for s in speakers if s.list == list_name]
            if all(len(x) == 3 and x.isupper() or x == "EU" for x in expected):
                assert [s.id for s in found] == expected, (lang, list_name)
            else:  # NGO and NHRI lists are given by name
                assert [s.name for s in found] == expected, (lang, list_name)
        behalf = {s.id: s for s in speakers if s.on_behalf_of}
        assert set(behalf) == set(lists.get("on_behalf", {})), lang
        for ident, group in lists.get("on_behalf", {}).items():
            if ":" in group:
                assert behalf[ident].on_behalf_of_id == group
        assert all(s.match != "unresolved" for s in speakers)


def test_speaker_mismatches(case):
    gold, comparison = case
    ngo_ids = {s.name: s.id for s in comparison.speakers_en + comparison.speakers_fr}
    expected = {
        (m["list"], m.get("id") or ngo_ids[m["ngo"]], m.get("issue") or f"missing_in_{m['missing_in']}")
        for m in gold["speaker_mismatches"]
    }
    assert {(m.list, m.id, m.issue) for m in comparison.mismatches} == expected


def test_planted_coverage_is_flagged_with_the_right_side(case):
    gold, comparison = case
    for planted in gold["coverage"]:
        assert any(matches_planted(f, planted) for f in comparison.coverage), (planted, comparison.coverage)


def test_at_most_three_other_coverage_flags(case):
    gold, comparison = case
    others = [f for f in comparison.coverage if not any(matches_planted(f, p) for p in gold["coverage"])]
    assert len(others) <= 3, others


def test_not_differences_are_not_flagged(case):
    gold, comparison = case
    # a flag of a planted difference may show a same text as its context (the period
    # "from 30 October to 24 November 2023" differs by its last day, not its first)
    flagged = " ".join(f"{f.en} {f.fr}" for f in comparison.coverage
                       if f.kind != "topic" and not any(matches_planted(f, p) for p in gold["coverage"]))
    for text in gold.get("not_flagged_texts", []):
        assert text not in flagged
