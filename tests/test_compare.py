"""Speaker-list comparison on the bundled pair, checked against its gold file."""

from __future__ import annotations

import json

from hrc_report.compare import compare_list, diff_ids
from hrc_report.models import Speaker


def test_speaker_counts_per_list_match_gold(gold, comparison):
    for lang, speakers in (("en", comparison.speakers_en), ("fr", comparison.speakers_fr)):
        for list_name, names in gold["speakers"][lang].items():
            if list_name == "on_behalf":
                continue
            assert sum(1 for s in speakers if s.list == list_name) == len(names), (lang, list_name)


def test_state_lists_match_gold_ids_in_order(gold, comparison):
    for lang, speakers in (("en", comparison.speakers_en), ("fr", comparison.speakers_fr)):
        for list_name in ("discussion", "right_of_reply"):
            assert [s.id for s in speakers if s.list == list_name] == gold["speakers"][lang][list_name]
        behalf = {s.id: s.on_behalf_of_id for s in speakers if s.on_behalf_of}
        assert set(behalf) == set(gold["speakers"][lang]["on_behalf"])
        assert set(behalf.values()) == {"group:group-of-countries"}


def test_every_speaker_resolves(comparison):
    unresolved = [s.name for s in comparison.speakers_en + comparison.speakers_fr if s.match == "unresolved"]
    assert unresolved == []


def test_order_is_the_same_in_both_versions(comparison):
    assert {lc.list: lc.order_differs for lc in comparison.lists} == {
        "discussion": False, "others": False, "ngos": False, "right_of_reply": False,
    }


def _speakers(ids, behalf=None):
    behalf = behalf or {}
    return [Speaker("discussion", i, i, "state", behalf.get(i), behalf.get(i)) for i in ids]


def test_order_difference_and_moved_rows():
    lc, mismatches, _ = compare_list("discussion", _speakers(["A", "B", "C", "D"]), _speakers(["A", "C", "B", "E"]))
    assert lc.order_differs is True
    assert [(m.id, m.issue) for m in mismatches] == [("D", "missing_in_fr"), ("E", "missing_in_en")]
    moved = [r.id for r in lc.rows if r.moved]
    assert moved and set(moved) <= {"B", "C"}
    assert {r.id for r in lc.rows if r.status == "only_en"} == {"D"}
    assert {r.id for r in lc.rows if r.status == "only_fr"} == {"E"}


def test_on_behalf_differs_row():
    lc, mismatches, _ = compare_list("discussion", _speakers(["A", "B"], {"B": "g1"}), _speakers(["A", "B"], {"B": "g2"}))
    assert [(m.id, m.issue) for m in mismatches] == [("B", "on_behalf_differs")]
    assert [r.status for r in lc.rows] == ["same", "on_behalf_differs"]
    assert lc.order_differs is False


def test_diff_ids_uses_whole_ids():
    # Ids that share letters must not be split into character diffs.
    assert diff_ids(["RUS", "USA"], ["RUS", "UZB", "USA"]) == [(0, ["RUS"]), (1, ["UZB"]), (0, ["USA"])]


def test_a_sentence_pointing_to_the_site_is_no_coverage_difference(tmp_path):
    """One version adds where the meeting summaries can be read: site furniture, not a
    topic only it covers."""
    from hrc_report.pipeline import compare

    from conftest import PAIR

    gold = json.loads((PAIR / "gold.json").read_text("utf-8"))
    fr = (PAIR / "fr.txt").read_text("utf-8").split("\n\n")
    body = next(n for n, p in enumerate(fr) if len(p) > 300)
    fr[body] += (" Les comptes rendus des séances publiques tenues au cours de la session peuvent être consultés sur le site"
                 " Web du Service de l'information des Nations Unies à Genève.")
    (tmp_path / "fr.txt").write_text("\n\n".join(fr), encoding="utf-8")
    comparison = compare(PAIR / "en.txt", tmp_path / "fr.txt")
    topics = [f for f in comparison.coverage if f.kind == "topic" and f.only_in == "fr"]
    assert not any("site" in (f.fr or "") for f in topics)
    assert len(topics) == sum(1 for p in gold["coverage"] if p["kind"] == "topic" and p.get("only_in") == "fr")
