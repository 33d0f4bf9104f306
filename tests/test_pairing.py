"""Pairing English and French versions without codes, as copies from mirrors come."""

from __future__ import annotations

import re
from pathlib import Path

from hrc_report.archive import Archive
from hrc_report.pairing import pair_documents

from conftest import CASES
from test_digest import cli

CODE = re.compile(r"\n\s*[A-Z]{2,6}/?\d{2}[./]\d{2,4}[EF]\s*$")


def _ingest(tmp_path, db, cases, dates):
    """Each case's two versions, codes removed, ingested with its --date."""
    for case, date in zip(cases, dates):
        for lang in ("en", "fr"):
            path = tmp_path / f"{case}-{lang}.txt"
            path.write_text(CODE.sub("\n", (CASES / case / f"{lang}.txt").read_text("utf-8")), encoding="utf-8")
            assert cli("ingest", path, "--db", db, "--date", date).exit_code == 0


def _right(pair) -> bool:
    return Path(pair.en.source).name.rsplit("-", 1)[0] == Path(pair.fr.source).name.rsplit("-", 1)[0]


def test_one_meeting_a_day_pairs_without_codes(tmp_path):
    db = tmp_path / "a.sqlite"
    cases = ["hrc54-item10", "hrc54-votes", "hrc-votes-groups"]
    _ingest(tmp_path, db, cases, ["2023-10-09", "2023-10-10", "2023-10-11"])
    with Archive(db) as archive:
        pairing = pair_documents(archive.documents("2023-W41"))
    assert len(pairing.pairs) == 3 and all(_right(p) for p in pairing.pairs), pairing
    assert pairing.unpaired == []


def test_a_week_of_meetings_without_codes_pairs_only_what_it_can_establish(tmp_path):
    db = tmp_path / "a.sqlite"
    cases = sorted(p.name for p in CASES.iterdir() if (p / "gold.json").is_file())
    _ingest(tmp_path, db, cases, [f"2023-10-{9 + n % 3:02d}" for n in range(len(cases))])
    with Archive(db) as archive:
        documents = archive.documents()
        pairing = pair_documents(documents)
    assert all(_right(p) for p in pairing.pairs), [(p.en.source, p.fr.source) for p in pairing.pairs]
    assert len(pairing.pairs) >= 0.7 * len(cases)
    assert len(pairing.pairs) * 2 + len(pairing.unpaired) == len(documents), "nothing is dropped"


def test_versions_of_different_years_never_pair(tmp_path):
    """Everything given one date: the 2016 French page (its own date line) stays apart from a 2023 meeting."""
    db = tmp_path / "a.sqlite"
    for case, lang in (("hrc54-item10", "en"), ("hrc-upr-mirror", "fr")):
        path = tmp_path / f"{case}-{lang}.txt"
        path.write_text(CODE.sub("\n", (CASES / case / f"{lang}.txt").read_text("utf-8")), encoding="utf-8")
        assert cli("ingest", path, "--db", db, "--date", "2016-09-29").exit_code == 0
    with Archive(db) as archive:
        pairing = pair_documents(archive.documents("2016-W39"))
    assert pairing.pairs == []


def test_a_date_given_later_reaches_a_stored_undated_document(tmp_path):
    db = tmp_path / "a.sqlite"
    path = tmp_path / "en.txt"
    path.write_text(CODE.sub("\n", (CASES / "hrc54-item10" / "en.txt").read_text("utf-8")), encoding="utf-8")
    first = cli("ingest", path, "--db", db)
    assert "no date" in first.output
    assert cli("ingest", path, "--db", db, "--date", "2023-10-11").exit_code == 0
    with Archive(db) as archive:
        (document,) = archive.documents("2023-W41")
    assert document.date == "2023-10-11" and document.date_from == "given"


def test_the_archive_can_be_seen_and_corrected(tmp_path):
    """List, re-date, pair by hand, replace a superseded version, remove."""
    db = tmp_path / "a.sqlite"
    texts = {lang: CODE.sub("\n", (CASES / "cd-plenary" / f"{lang}.txt").read_text("utf-8")) for lang in ("en", "fr")}
    for lang, text in texts.items():
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
    assert cli("ingest", tmp_path / "en.txt", tmp_path / "fr.txt", "--db", db).exit_code == 0
    listed = cli("docs", "--undated", "--db", db)
    assert "2 documents" in listed.output and "no date" in listed.output
    notice = cli("pairs", "--week", "2023-W11", "--db", db)
    assert "2 documents have no date and are in no week" in notice.output
    with Archive(db) as archive:
        en, fr = sorted(archive.undated(), key=lambda d: d.language)
    for document in (en, fr):
        assert cli("redate", document.id, "2023-03-14", "--db", db).exit_code == 0
    assert cli("pair", fr.id, en.id, "--db", db).exit_code == 0
    with Archive(db) as archive:
        pairing = pair_documents(archive.documents("2023-W11"), by_hand=archive.manual_pairs())
    assert [(p.en.id, p.fr.id, p.method) for p in pairing.pairs] == [(en.id, fr.id, "by hand")]
    assert f"paired with {fr.id} (by hand)" in cli("docs", "--week", "2023-W11", "--db", db).output
    assert cli("unpair", en.id, "--db", db).exit_code == 0
    with Archive(db) as archive:
        pairing = pair_documents(archive.documents("2023-W11"), by_hand=archive.manual_pairs(), kept_apart=archive.kept_apart())
    assert pairing.pairs == [] and {u.document.id for u in pairing.unpaired} == {en.id, fr.id}
    assert cli("remove", fr.id, "--db", db).exit_code == 0
    assert "1 document\n" in cli("docs", "--week", "2023-W11", "--db", db).output
    assert cli("redate", 999, "2023-03-14", "--db", db).exit_code == 2


def test_a_corrected_version_with_the_same_code_supersedes_the_first(tmp_path):
    db = tmp_path / "a.sqlite"
    en = (CASES / "cd-plenary" / "en.txt").read_text("utf-8")
    (tmp_path / "en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "en-corrected.txt").write_text(en.replace("a dozen delegations", "twelve delegations"), encoding="utf-8")
    (tmp_path / "fr.txt").write_text((CASES / "cd-plenary" / "fr.txt").read_text("utf-8"), encoding="utf-8")
    for name in ("en.txt", "fr.txt", "en-corrected.txt"):
        assert cli("ingest", tmp_path / name, "--db", db, "--date", "2023-03-14").exit_code == 0
    with Archive(db) as archive:
        pairing = pair_documents(archive.documents("2023-W11"))
    (pair,) = pairing.pairs
    assert pair.en.source.endswith("en-corrected.txt") and pair.method == "code"
    (left,) = pairing.unpaired
    assert left.document.source.endswith("en.txt") and left.reason.startswith("superseded by document")


DATE_LINE = re.compile(r"(?im)^\s*\d{1,2}\s+[a-zéû]+\s+\d{4}\s*$")


def test_a_week_of_mirror_copies_two_meetings_a_day_pairs_completely(tmp_path):
    """Ten meetings of four bodies, no codes and no date lines (as mirrors copy them),
    two a day over five days, each day's date given at ingest: every meeting paired, rightly."""
    db = tmp_path / "a.sqlite"
    cases = sorted(p.name for p in CASES.iterdir() if (p / "gold.json").is_file())[:10]
    for n, case in enumerate(cases):
        for lang in ("en", "fr"):
            path = tmp_path / f"{case}-{lang}.txt"
            text = DATE_LINE.sub("", CODE.sub("\n", (CASES / case / f"{lang}.txt").read_text("utf-8")))
            path.write_text(text, encoding="utf-8")
            assert cli("ingest", path, "--db", db, "--date", f"2023-10-{9 + n // 2:02d}").exit_code == 0
    with Archive(db) as archive:
        pairing = pair_documents(archive.documents("2023-W41"))
    assert len(pairing.pairs) == len(cases), [u.reason for u in pairing.unpaired]
    assert all(_right(p) for p in pairing.pairs)
