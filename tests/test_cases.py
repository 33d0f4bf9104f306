"""Every pair in fixtures/cases/ against its gold file: a new case is just a new folder.

Each gold file was written with the pair, before the code ran on it. It names
the speakers, the planted speaker-list mismatches and coverage differences,
and texts that must not be flagged.
"""

from __future__ import annotations


import pytest


from conftest import CASES, gold_and_comparison, pair_folders

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


def _matches(flag, planted):
    """Does a flag report a planted difference? As bench/evaluate.py matches them: a
    passage only in one version may be planted as the number or date it holds; white
    space is compared as plain spaces."""
    only_in_passage = flag.kind == "topic" and planted.get("only_in") and planted.get("keywords")
    if flag.kind != planted["kind"] and not only_in_passage:
        return False
    if planted.get("keywords"):
        words = " ".join(" ".join(filter(None, [flag.about, flag.en, flag.fr])).lower().split())
        return flag.only_in == planted.get("only_in") and all(
            " ".join(k.lower().split()) in words for k in planted["keywords"])
    return flag.only_in is None and flag.en == planted["en"] and flag.fr == planted["fr"]


def test_planted_coverage_is_flagged_with_the_right_side(case):
    gold, comparison = case
    for planted in gold["coverage"]:
        assert any(_matches(f, planted) for f in comparison.coverage), (planted, comparison.coverage)


def test_at_most_three_other_coverage_flags(case):
    gold, comparison = case
    others = [f for f in comparison.coverage if not any(_matches(f, p) for p in gold["coverage"])]
    assert len(others) <= 3, others


def test_not_differences_are_not_flagged(case):
    gold, comparison = case
    flagged = " ".join(f"{f.en} {f.fr}" for f in comparison.coverage if f.kind != "topic")
    for text in gold.get("not_flagged_texts", []):
        assert text not in flagged
