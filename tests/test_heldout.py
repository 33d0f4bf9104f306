"""Pairs written by a helper who had not read the code, run only after their gold was
written (fixtures/heldout/README.md). The tool need not find every planted
difference in them, but every flag it raises must be true: a false flag costs a
reader more than a missed one."""

from __future__ import annotations

import json

import pytest

from hrc_report.pipeline import compare

from conftest import ROOT, gold_and_comparison, pair_folders
from goldmatch import matches_planted

HELDOUT = ROOT / "fixtures" / "heldout"
PAIRS = pair_folders(HELDOUT)


@pytest.fixture(scope="module", params=PAIRS, ids=lambda p: p.name)
def case(request):
    return gold_and_comparison(request.param)


def test_there_are_thirty_heldout_pairs():
    assert len(PAIRS) >= 30


def test_every_speaker_mismatch_is_planted(case):
    gold, comparison = case
    names = {s.name: s.id for s in comparison.speakers_en + comparison.speakers_fr}
    planted = {
        (m["list"], m.get("id") or names.get(m["ngo"]), m.get("issue") or f"missing_in_{m['missing_in']}")
        for m in gold["speaker_mismatches"]
    }
    assert {(m.list, m.id, m.issue) for m in comparison.mismatches} <= planted


def test_every_coverage_flag_is_planted(case):
    """Every coverage flag is planted, but for the known faults a pair's gold lists
    under known_false_flags (added after its first run, each with why); those must
    still happen, so a fix removes them from the gold."""
    gold, comparison = case
    false = [f for f in comparison.coverage if not any(matches_planted(f, p) for p in gold["coverage"])]
    known = gold.get("known_false_flags", [])
    assert [f for f in false if not any(matches_planted(f, k) for k in known)] == []
    assert all(any(matches_planted(f, k) for f in false) for k in known)


def test_the_pair_without_differences_raises_no_flag():
    gold = json.loads((HELDOUT / "crpd-lao-nodiff" / "gold.json").read_text("utf-8"))
    assert gold["speaker_mismatches"] == [] and gold["coverage"] == []
    comparison = compare(HELDOUT / "crpd-lao-nodiff" / "en.txt", HELDOUT / "crpd-lao-nodiff" / "fr.txt")
    assert list(comparison.mismatches) == []
    assert list(comparison.coverage) == []


def test_no_speaker_is_invented(case):
    """Every speaker read is in the gold lists (States and groups by id, others by name)."""
    from hrc_report.normalise import name_key

    gold, comparison = case
    for lang, speakers in (("en", comparison.speakers_en), ("fr", comparison.speakers_fr)):
        listed = {x for key, items in gold["speakers"][lang].items() if key != "on_behalf" for x in items}
        keys = {name_key(x) for x in listed}
        for s in speakers:
            assert s.id in listed or name_key(s.name) in keys or s.id.startswith(("ngo:", "un:", "other:", "nhri:")), (lang, s)


def test_a_count_of_the_same_thing_spelled_alike_is_compared():
    # "more than 11,700 active satellites" / "plus de 10 700 satellites actifs": no unit
    # the reader knows, but the same word after both counts (the pair's gold plants it)
    folder = HELDOUT / "cd-plenary-outer-space-asterisk"
    gold, comparison = gold_and_comparison(folder)
    (planted,) = [p for p in gold["coverage"] if "satellites" in p.get("about", "")]
    assert any(matches_planted(f, planted) for f in comparison.coverage)


def test_a_vote_whose_sentence_names_no_document_says_what_was_voted_on():
    # "The resolution was then adopted by a recorded vote of 28 in favour, …": the sentence
    # names no symbol; the flag says what the gold says it is about, from the sections' headings
    folder = HELDOUT / "hrc60-votes-death-penalty-amendments"
    gold, comparison = gold_and_comparison(folder)
    (planted,) = [p for p in gold["coverage"] if p["kind"] == "vote"]
    (flag,) = [f for f in comparison.coverage if matches_planted(f, planted)]
    assert "death penalty" in planted["about"] and "death penalty" in flag.about.lower()
    assert "peine de mort" in flag.about.lower()
