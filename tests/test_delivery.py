"""Never send twice, never lose one: delivery against a real SMTP server that misbehaves.

The server (aiosmtpd on 127.0.0.1, tests/conftest.py) goes silent past the
client's timeout after taking the message, drops the connection after taking
it, or refuses one recipient; two runs race for the same week; a digest is
stopped with SIGTERM. Every case is run as a user runs it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hrc_report.archive import Archive

from conftest import SMTP_PASSWORD
from test_digest import WEEK, cli, make_inbox

ENV = {"HRC_REPORT_SMTP_PASSWORD": SMTP_PASSWORD}
COMMAND = str(Path(sys.executable).parent / "hrc-report")


@pytest.fixture
def ingested(tmp_path, archive_db):
    result = cli("ingest", make_inbox(tmp_path), "--db", archive_db, "--date", "2023-10-11")
    assert result.exit_code == 0, result.output
    return archive_db


def _digest(tmp_path, db, config, *extra):
    return cli("digest", "--week", WEEK, "--db", db, "--out", tmp_path / "d", "--email", "--config", config, "--jobs", "1",
               *extra, env=ENV)


@pytest.mark.parametrize("misbehaviour", ["silent past the timeout", "drops the connection"])
def test_a_message_taken_without_an_answer_is_never_sent_again(tmp_path, ingested, smtp_server, misbehaviour):
    if misbehaviour == "silent past the timeout":
        smtp_server.silent_for = 2.5
    else:
        smtp_server.drop_after_taking = True
    config = smtp_server.config(tmp_path, timeout=1)
    first = _digest(tmp_path, ingested, config)
    assert first.exit_code == 2 and "outcome unknown" in first.output, first.output
    assert "after 1 try" not in first.output and "tries" not in first.output  # not retried
    time.sleep(smtp_server.silent_for)
    for _ in range(2):
        again = _digest(tmp_path, ingested, config)
        assert again.exit_code == 0 and "already sent" in again.output and "unknown" in again.output, again.output
    assert len(smtp_server.received) == 1
    with Archive(ingested) as archive:
        assert [s for _, s, _, _ in archive.deliveries(WEEK)] == ["sending", "sending", "unknown", "unknown"]


def test_one_refused_recipient_is_sent_on_the_next_run(tmp_path, ingested, smtp_server):
    smtp_server.refused_recipients = {"ngo-desk@example.org"}
    config = smtp_server.config(tmp_path)
    first = _digest(tmp_path, ingested, config)
    assert first.exit_code == 2 and "refused by the server: ngo-desk@example.org (550" in first.output, first.output
    assert smtp_server.recipients == [["briefing@example.org"]]
    with Archive(ingested) as archive:
        assert archive.last_delivery(WEEK, "briefing@example.org") == "sent"
        assert archive.last_delivery(WEEK, "ngo-desk@example.org") == "refused"
    smtp_server.refused_recipients = set()
    second = _digest(tmp_path, ingested, config)
    assert second.exit_code == 0, second.output
    assert smtp_server.recipients == [["briefing@example.org"], ["ngo-desk@example.org"]]
    third = _digest(tmp_path, ingested, config)
    assert "already sent" in third.output and len(smtp_server.received) == 2


def test_two_runs_at_once_send_one_message(tmp_path, ingested, smtp_server):
    smtp_server.silent_for = 1.0  # slow, but within the client's timeout
    config = smtp_server.config(tmp_path)
    runs = [
        subprocess.Popen([COMMAND, "digest", "--week", WEEK, "--db", str(ingested), "--out", str(tmp_path / f"d{n}"),
                          "--email", "--config", str(config), "--jobs", "1"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={"PATH": "/usr/bin:/bin", **ENV, "HRC_REPORT_CACHE_DIR": str(tmp_path / "cache")})
        for n in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert len(smtp_server.received) == 1
    assert sum("already sent" in out for out, _ in outputs) == 1


def test_sigterm_leaves_no_process_behind(tmp_path, archive_db):
    from conftest import CASES

    files = [str(p) for p in sorted(CASES.glob("*/*.txt"))]  # eleven meetings: enough to run two workers
    assert cli("ingest", *files, "--db", archive_db, "--date", "2023-10-11").exit_code == 0
    digest = subprocess.Popen(
        [COMMAND, "digest", "--week", WEEK, "--db", str(archive_db), "--out", str(tmp_path / "d"), "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={"PATH": "/usr/bin:/bin", "HRC_REPORT_CACHE_DIR": str(tmp_path / "cache")},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_group(digest.pid)) < 3:  # the digest and its two workers
        time.sleep(0.05)
    assert len(_group(digest.pid)) >= 3, "the workers never started"
    digest.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _group(digest.pid):
        digest.poll()
        time.sleep(0.1)
    digest.poll()
    assert _group(digest.pid) == [], "processes left 5 s after SIGTERM"
    assert digest.returncode == 143


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


def test_archive_creation_is_one_transaction_and_a_damaged_file_is_named(tmp_path):
    path = tmp_path / "a.sqlite"
    runs = [subprocess.Popen([sys.executable, "-c", f"from hrc_report.archive import Archive; Archive({str(path)!r}).close()"])
            for _ in range(4)]
    assert [run.wait(timeout=60) for run in runs] == [0, 0, 0, 0]
    with sqlite3.connect(path) as db:
        assert {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} >= {"documents", "sends", "deliveries"}
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    result = cli("pairs", "--week", WEEK, "--db", damaged)
    assert result.exit_code == 2
    assert str(damaged) in result.output and ".recover" in result.output and "Traceback" not in result.output


def test_an_archive_of_schema_1_keeps_what_it_sent(tmp_path):
    path = tmp_path / "old.sqlite"
    from hrc_report.archive import MIGRATIONS

    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("PRAGMA user_version = 1")
        db.execute("INSERT INTO sends (week, recipients, status, at) VALUES (?, ?, 'sent', '2023-10-14T08:00:00+00:00')",
                   (WEEK, "a@example.org,b@example.org"))
    with Archive(path) as archive:
        assert archive.last_delivery(WEEK, "a@example.org") == archive.last_delivery(WEEK, "b@example.org") == "sent"


def test_leftover_temporary_files_are_cleaned_on_the_next_run(tmp_path):
    from conftest import CASES

    out = tmp_path / "out"
    out.mkdir()
    old = out / ".report.json.abc123.tmp"
    old.write_bytes(b"half a report")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = out / ".report.html.def456.tmp"  # another run may be writing it right now
    fresh.write_bytes(b"being written")
    pair = CASES / "cd-plenary"
    result = cli("compare", pair / "en.txt", pair / "fr.txt", "--out", out, "--format", "json")
    assert result.exit_code == 0, result.output
    assert not old.exists() and fresh.exists()


def test_codes_that_differ_only_in_punctuation_get_their_own_folders():
    from hrc_report.archive import StoredDocument
    from hrc_report.pairing import Pair

    def pair(code):
        en = StoredDocument(1, "h1", "en.txt", "en", f"{code}E", "t", None, None, "b", "t", None)
        fr = StoredDocument(2, "h2", "fr.txt", "fr", f"{code}F", "t", None, None, "b", "t", None)
        return Pair(en, fr, "code", 1.0)

    keys = {pair(code).key for code in ("DC23/012", "DC23.012", "DC23012")}
    assert len(keys) == 3 and all("/" not in k and "." not in k for k in keys)
    assert pair("HRC23.148").key == "HRC23-148"
