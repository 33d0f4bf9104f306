"""The watch list and the week's CSV, checked against the gold of the pairs."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from hrc_report.cli import main

from conftest import CASES
from test_digest import WEEK, cli

PAIR = CASES / "hrc54-item10"
GOLD = json.loads((PAIR / "gold.json").read_text("utf-8"))


def test_watched_delegations_show_their_planted_omissions(tmp_path):
    # the delegations the gold says are in one version's discussion list only, and one in both
    planted = {m["id"]: m["missing_in"] for m in GOLD["speaker_mismatches"] if m.get("id") and m["list"] == "discussion" and "missing_in" in m}
    both = next(i for i in GOLD["speakers"]["en"]["discussion"] if i in GOLD["speakers"]["fr"]["discussion"] and i not in planted)
    watch = ",".join([*planted, both, "Fédération de Russie"])
    result = CliRunner().invoke(main, ["compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", str(tmp_path / "o"),
                                       "--format", "json,html", "--watch", watch])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "o" / "report.json").read_text("utf-8"))
    watched = {w["id"]: w for w in data["watch"]}
    assert set(watched) == set(planted) | {both, "RUS"}
    for ident, missing_in in planted.items():
        other = "fr" if missing_in == "en" else "en"
        assert watched[ident][f"lists_{missing_in}"] == [] and "discussion" in watched[ident][f"lists_{other}"]
    assert "discussion" in watched[both]["lists_en"] and "discussion" in watched[both]["lists_fr"]
    html = (tmp_path / "o" / "report.html").read_text("utf-8")
    assert html.count('class="tag watched"') >= len(planted) + 1


def test_an_unknown_watch_name_is_an_error_that_names_it(tmp_path):
    result = CliRunner().invoke(main, ["compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", str(tmp_path / "o"),
                                       "--watch", "CHE,Atlantis"])
    assert result.exit_code == 2 and "'Atlantis'" in result.output
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_the_digest_opens_with_the_watched_and_writes_a_csv(tmp_path, archive_db):
    from test_digest import make_inbox

    assert cli("ingest", make_inbox(tmp_path), "--db", archive_db, "--date", "2023-10-11").exit_code == 0
    out = tmp_path / "d"
    result = cli("digest", "--week", WEEK, "--db", archive_db, "--out", out, "--watch", "LKA,CUB", "--jobs", "1")
    assert result.exit_code == 0, result.output
    html = (out / "digest.html").read_text("utf-8")
    assert html.index("Watched this week") < html.index('class="meeting-digest"')
    with (out / "digest.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    report = json.loads((out / "meetings" / "HRC23-148" / "report.json").read_text("utf-8"))
    mine = [r for r in rows if r["meeting"] == "HRC23-148"]
    assert len([r for r in mine if r["flag"] == "speaker"]) == len(report["speaker_mismatches"])
    assert len([r for r in mine if r["flag"] == "coverage"]) == len(report["coverage"])
    assert {r["id"] for r in mine if r["flag"] == "speaker"} >= {"LKA", "CUB"}
