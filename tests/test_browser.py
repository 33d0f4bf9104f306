"""A real browser (Debian's headless Chromium, network off) shows what a reader needs."""

from __future__ import annotations

import re
import shutil
import subprocess

from click.testing import CliRunner

from hrc_report.cli import main

from conftest import PAIR, CASES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def browse(page, folder, *extra):
    """Open ``page`` headless with no network at all; returns the command's result."""
    assert CHROMIUM, "Debian's chromium is needed for this test (make test installs it)"
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         f"--user-data-dir={folder / 'profile'}", "--window-size=1200,1600", *extra, page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )


def rendered_text(page, folder):
    """The page as the browser lays it out: printed to PDF, then read back."""
    pdf = folder / f"{page.stem}-printed.pdf"
    browse(page, folder, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.is_file() and pdf.stat().st_size > 1000
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_report_in_a_browser(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", str(out), "--format", "html"]).exit_code == 0
    text = rendered_text(out / "report.html", tmp_path)
    # the at-a-glance box: labels in one row, their counts in the next
    assert re.search(r"Speakers, all lists\s+Only in English\s+Only in French\s*\n\s*74 EN · 74 FR\s+2\s+2\s*\n", text), text[:1500]
    for row in ("Cuba", "Sri Lanka", "Mozambique", "Prahar", "Géorgie"):
        assert row in text
    shot = tmp_path / "report.png"
    browse(out / "report.html", tmp_path, f"--screenshot={shot}")
    assert shot.is_file() and shot.stat().st_size > 20_000


def test_digest_in_a_browser(tmp_path):
    runner = CliRunner()
    db = tmp_path / "a.sqlite"
    files = [CASES / c / f"{lang}.txt" for c in ("hrc54-item10", "cd-plenary") for lang in ("en", "fr")]
    assert runner.invoke(main, ["ingest", *map(str, files), "--db", str(db), "--date", "2023-10-11"]).exit_code == 0
    result = runner.invoke(main, ["digest", "--week", "2023-W41", "--db", str(db), "--out", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    text = rendered_text(tmp_path / "d" / "digest.html", tmp_path)
    assert re.search(r"Meetings compared\s+Speaker-list mismatches\s+Coverage differences", text)
    assert re.search(r"\n\s*2\s+6\s+4\s*\n", text), text[:1500]
    assert "Sri Lanka" in text and "Pakistan" in text
    shot = tmp_path / "digest.png"
    browse(tmp_path / "d" / "digest.html", tmp_path, f"--screenshot={shot}")
    assert shot.is_file() and shot.stat().st_size > 20_000
