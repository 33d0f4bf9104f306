"""Trends over three weeks of fixture meetings, checked against the pairs' gold and
against the per-meeting reports the digests wrote."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from html import unescape

import pytest

from conftest import CASES
from test_digest import cli

#: Three ISO weeks of meetings: the fixture pairs that carry no date of their own.
WEEKS = {
    "2024-W08": {"hrc54-item10": "2024-02-19", "hrc54-votes": "2024-02-20", "cat77-closing": "2024-02-21"},
    "2024-W09": {"hrc-votes-groups": "2024-02-26", "cd-plenary": "2024-02-27"},
    "2024-W10": {"cerd-review": "2024-03-05", "cd-plenary-2": "2024-03-06"},
}
PAIRS = {pair: date for week in WEEKS.values() for pair, date in week.items()}


def gold(pair: str) -> dict:
    return json.loads((CASES / pair / "gold.json").read_text("utf-8"))


def planted(pairs) -> dict[str, Counter]:
    """Per delegation id, in how many meetings the gold plants each speaker-list difference
    (a delegation missing from several lists of one meeting counts once)."""
    counts = {"missing_en": Counter(), "missing_fr": Counter(), "on_behalf_differs": Counter()}
    for pair in pairs:
        per_meeting = {key: set() for key in counts}
        for m in gold(pair)["speaker_mismatches"]:
            if not m.get("id"):
                continue  # NGOs are named, not given ids, in the gold
            key = "on_behalf_differs" if m.get("issue") == "on_behalf_differs" else f"missing_{m['missing_in']}"
            per_meeting[key].add(m["id"])
        for key, ids in per_meeting.items():
            counts[key].update(ids)
    return counts


def watchable(pairs) -> list[str]:
    ids = planted(pairs)
    return sorted(set(ids["missing_en"]) | set(ids["missing_fr"]))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Three weeks ingested and each week's digest built (which stores its comparisons)."""
    folder = tmp_path_factory.mktemp("trends")
    db = folder / "archive.sqlite"
    for pair, date in PAIRS.items():
        result = cli("ingest", CASES / pair / "en.txt", CASES / pair / "fr.txt", "--db", db, "--date", date)
        assert result.exit_code == 0, result.output
    watch = ",".join(watchable(PAIRS))
    for week in WEEKS:
        result = cli("digest", "--week", week, "--db", db, "--out", folder / week, "--jobs", "1", "--watch", watch)
        assert result.exit_code == 0, result.output
    return folder, db


@pytest.fixture(scope="module")
def trends(archive):
    folder, db = archive
    out = folder / "trends"
    result = cli("trends", "--from", "2024-W08", "--to", "2024-W10", "--db", db, "--out", out)
    assert result.exit_code == 0, result.output
    with (out / "trends.csv").open(encoding="utf-8") as file:
        return out, list(csv.DictReader(file))


def test_the_three_files_are_written(trends):
    out, rows = trends
    assert (out / "trends.pdf").read_bytes().startswith(b"%PDF")
    html = (out / "trends.html").read_text("utf-8")
    assert "<svg" in html and "<script" not in html
    assert {r["table"] for r in rows} == {"delegation", "meeting", "body_week"}


def test_delegation_counts_are_the_planted_differences(trends):
    _, rows = trends
    expected = planted(PAIRS)
    found = {(r["id"], r["measure"]): int(r["value"]) for r in rows if r["table"] == "delegation"}
    states = {ident for ident, _ in found if not ident.startswith("ngo:")}
    for measure, counts in expected.items():
        for ident in states:
            assert found[(ident, measure)] == counts.get(ident, 0), (ident, measure)


def test_how_often_each_delegation_spoke_is_counted_from_the_gold_lists(trends):
    _, rows = trends
    spoke = Counter()
    for pair in PAIRS:
        lists = gold(pair)["speakers"]
        # NGOs are listed by name in the gold; States, groups and bodies by id
        spoke.update({i for lang in ("en", "fr") for ids in lists[lang].values() for i in ids if re.match(r"^([A-Z]{3}|EU|[a-z]+:\S+)$", i)})
    found = {r["id"]: int(r["value"]) for r in rows if r["table"] == "delegation" and r["measure"] == "spoke"}
    for ident, count in spoke.items():
        assert found[ident] == count, ident


def test_meeting_rows_match_each_meetings_report(archive, trends):
    folder, _ = archive
    _, rows = trends
    meetings = {}
    for r in rows:
        if r["table"] == "meeting":
            meetings.setdefault(r["meeting"], {})[r["measure"]] = r["value"]
    assert len(meetings) == len(PAIRS)
    for report_path in folder.glob("2024-W*/meetings/*/report.json"):
        report = json.loads(report_path.read_text("utf-8"))
        code = " / ".join(report["documents"][lang]["code"] for lang in ("en", "fr"))
        row = meetings[code]
        issues = Counter(m["issue"] for m in report["speaker_mismatches"])
        kinds = Counter(f["kind"] for f in report["coverage"])
        for issue in ("missing_in_en", "missing_in_fr", "on_behalf_differs"):
            assert int(row[issue]) == issues[issue], (code, issue)
        for kind in ("vote", "number", "date", "time", "state", "topic"):
            assert int(row[kind]) == kinds[kind], (code, kind)
        assert float(row["covered_en"]) == pytest.approx(report["covered"]["en"], abs=5e-4)


def test_body_and_week_totals_add_up_the_meetings(trends):
    _, rows = trends
    by_meeting = Counter()
    for r in rows:
        if r["table"] == "meeting" and r["measure"] not in ("covered_en", "covered_fr"):
            by_meeting[(r["body"], r["week"], r["measure"])] += int(r["value"])
    totals = {(r["body"], r["week"], r["measure"]): int(r["value"]) for r in rows if r["table"] == "body_week"}
    assert totals == dict(by_meeting)
    assert {(body, week) for body, week, _ in totals} == {("HRC", "2024-W08"), ("CAT", "2024-W08"), ("HRC", "2024-W09"),
                                                         ("DC", "2024-W09"), ("CERD", "2024-W10"), ("DC", "2024-W10")}


def test_the_watch_section_lists_exactly_the_planted_omissions(archive):
    folder, _ = archive
    from hrc_report.names import load_index

    names = load_index().names
    for week, pairs in WEEKS.items():
        expected = Counter({
            (names[m["id"]]["en"], gold(pair)["en"]["code"]): 1
            for pair in pairs for m in gold(pair)["speaker_mismatches"] if m.get("id") and "missing_in" in m
        })
        html = (folder / week / "digest.html").read_text("utf-8")
        section = html[html.index('id="watched"'):html.index("</table>", html.index('id="watched"'))]
        flagged = Counter()
        for row in re.findall(r'<tr class="flagged">\s*<td>(.*?)</td><td>(.*?)</td>', section):
            name, code = unescape(row[0]), unescape(row[1]).split(" / ")[0]
            flagged[(name, code)] += 1
        assert flagged == expected, week


def test_a_session_is_read_from_the_meetings_titles(archive):
    folder, db = archive
    # The Committee against Torture's seventy-seventh session is named in the pair's headline.
    out = folder / "cat77"
    result = cli("trends", "--session", "cat77", "--db", db, "--out", out)
    assert result.exit_code == 0, result.output
    with (out / "trends.csv").open(encoding="utf-8") as file:
        meetings = {r["meeting"] for r in csv.DictReader(file) if r["table"] == "meeting"}
    assert meetings == {"CAT/23/017E / CAT/23/017F"}


@pytest.mark.parametrize("args, message", [
    (("--from", "2024-W10", "--to", "2024-W08"), "comes after"),
    (("--from", "2030-W01", "--to", "2030-W02"), "no stored comparison"),
    (("--session", "HRC99"), "no stored comparison of that session"),
    (("--from", "2024-W08"), "give --from and --to"),
    (("--from", "2024-08", "--to", "2024-W10"), "expected an ISO week"),
])
def test_bad_periods_are_one_line_errors(archive, tmp_path, args, message):
    _, db = archive
    result = cli("trends", *args, "--db", db, "--out", tmp_path / "t")
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "t" / "trends.html").exists()
