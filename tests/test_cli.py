"""The command line as a user runs it: outputs, the summary, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrc_report.cli import main

from conftest import PAIR

HRC_REPORT = str(Path(sys.executable).parent / "hrc-report")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_compare_json_only_either_order(tmp_path):
    forward = run("compare", PAIR / "en.txt", PAIR / "fr.txt", "--out", tmp_path / "a", "--format", "json")
    backward = run("compare", PAIR / "fr.txt", PAIR / "en.txt", "--out", tmp_path / "b", "--format", "json")
    assert forward.exit_code == backward.exit_code == 0, forward.output + backward.output
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["report.json"]
    a = json.loads((tmp_path / "a" / "report.json").read_text("utf-8"))
    b = json.loads((tmp_path / "b" / "report.json").read_text("utf-8"))
    assert a["documents"]["en"]["code"] == b["documents"]["en"]["code"] == "HRC23.148E"
    assert a["speaker_mismatches"] == b["speaker_mismatches"]


def test_terminal_summary_names_counts_and_mismatches(tmp_path):
    result = run("compare", PAIR / "en.txt", PAIR / "fr.txt", "--out", tmp_path, "--format", "json")
    assert "Speakers in the discussion: 40 EN, 40 FR" in result.output
    assert "Non-governmental organizations: 28 EN, 27 FR" in result.output
    assert "Right of reply: 5 EN, 6 FR" in result.output
    assert "2 only in English, 2 only in French, 1 on-behalf differs" in result.output
    for name in ("Cuba", "Sri Lanka", "Mozambique", "Prahar", "Géorgie"):
        assert name in result.output
    assert "coverage differences: 3" in result.output
    assert "number, different: year: almost nine / près de dix" in result.output


def test_console_script_from_another_folder_writes_all_three(tmp_path):
    """The installed command finds its templates and data wherever it runs."""
    result = subprocess.run(
        [HRC_REPORT, "compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", "reports/x", "--format", "html,json"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "reports" / "x").iterdir()) == ["report.html", "report.json"]


def _bad(tmp_path, *args):
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    result = subprocess.run([HRC_REPORT, *map(str, args), "--out", str(out)], capture_output=True, text=True, cwd=tmp_path)
    return result, out


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file"),
        (lambda d: (d / "empty.txt").write_text("  \n\n") and d / "empty.txt", "empty.txt: the file is empty"),
        (lambda d: (d / "data.bin").write_bytes(bytes(range(256)) * 20) and d / "data.bin", "data.bin: binary data"),
        (lambda d: (d / "notes.txt").write_text(
            "Shopping\n\nWe need to buy bread, milk, cheese and a large basket of vegetables for the weekend, "
            "and remember to call the plumber about the kitchen sink before Friday.\n") and d / "notes.txt",
         "notes.txt: not a meeting summary"),
    ],
)
def test_bad_first_file_is_one_line_exit_2_and_no_report(tmp_path, make, message):
    bad = make(tmp_path)
    result, out = _bad(tmp_path, "compare", bad, PAIR / "fr.txt")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert message in result.stderr
    assert list(out.iterdir()) == []


def test_a_failed_run_leaves_no_output_folder_it_made(tmp_path):
    out = tmp_path / "new" / "reports"
    result = subprocess.run([HRC_REPORT, "compare", str(tmp_path / "missing.txt"), str(PAIR / "fr.txt"), "--out", str(out)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and "no such file" in result.stderr
    assert not out.exists()


def test_two_english_files(tmp_path):
    result, out = _bad(tmp_path, "compare", PAIR / "en.txt", PAIR / "en.txt")
    assert result.returncode == 2
    assert "are both in English" in result.stderr and result.stderr.count("\n") == 1
    assert list(out.iterdir()) == []


def test_output_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = subprocess.run(
        [HRC_REPORT, "compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", str(blocker / "sub")],
        capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert "cannot create the output folder" in result.stderr and "Traceback" not in result.stderr


def test_unknown_format_is_a_usage_error(tmp_path):
    result = run("compare", PAIR / "en.txt", PAIR / "fr.txt", "--out", tmp_path, "--format", "docx")
    assert result.exit_code == 2
    assert "unknown format docx" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_two_runs_give_identical_reports(tmp_path):
    """JSON and HTML byte for byte; the PDF's text and page count (its metadata may differ)."""
    for name in ("a", "b"):
        result = subprocess.run(
            [HRC_REPORT, "compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", name],
            cwd=tmp_path, capture_output=True, text=True,
        )
        assert result.returncode == 0, result.stderr
    for report in ("report.json", "report.html"):
        assert (tmp_path / "a" / report).read_bytes() == (tmp_path / "b" / report).read_bytes()
    texts = [
        subprocess.run(["pdftotext", str(tmp_path / n / "report.pdf"), "-"], capture_output=True, text=True, check=True).stdout
        for n in ("a", "b")
    ]
    assert texts[0] == texts[1] and texts[0].count("\f") == texts[1].count("\f") > 1


def test_verbose_shows_what_was_read(tmp_path):
    result = subprocess.run(
        [HRC_REPORT, "--verbose", "compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", str(tmp_path), "--format", "json"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0
    assert "en.txt: en (langdetect), code HRC23.148E, part morning" in result.stderr
    assert "74 listed speakers" in result.stderr
    quiet = subprocess.run([HRC_REPORT, "compare", str(PAIR / "en.txt"), str(PAIR / "fr.txt"), "--out", str(tmp_path), "--format", "json"],
                           capture_output=True, text=True)
    assert quiet.stderr == ""
