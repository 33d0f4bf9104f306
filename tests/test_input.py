"""Input hygiene: encodings, file kinds and sizes, invisible characters, what reaches the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import threading

import pytest
from click.testing import CliRunner

from hrc_report.cli import main
from hrc_report.source import read_source

from conftest import CASES

PAIR = CASES / "cd-plenary"
GOLD = json.loads((PAIR / "gold.json").read_text("utf-8"))


def _compare(tmp_path, en, fr, *extra):
    return CliRunner().invoke(main, ["compare", str(en), str(fr), "--out", str(tmp_path / "out"), "--format", "json", *extra])


def _mismatches(tmp_path):
    data = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    return {(m["list"], m["id"], m["issue"]) for m in data["speaker_mismatches"]}


GOLD_MISMATCHES = {(m["list"], m["id"], f"missing_in_{m['missing_in']}") for m in GOLD["speaker_mismatches"]}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_its_bom_is_read(tmp_path, encoding):
    fr = tmp_path / "fr.txt"
    text = PAIR.joinpath("fr.txt").read_text("utf-8")
    fr.write_bytes(("\ufeff" + text).encode(encoding) if encoding == "utf-16-be" else text.encode(encoding))
    result = _compare(tmp_path, PAIR / "en.txt", fr)
    assert result.exit_code == 0, result.output
    assert _mismatches(tmp_path) == GOLD_MISMATCHES


def test_a_file_that_mixes_encodings_is_refused_at_its_line(tmp_path):
    lines = PAIR.joinpath("fr.txt").read_text("utf-8").split("\n")
    lines[6] = lines[6] + " Genève"
    data = "\n".join(lines).encode("utf-8").replace("Genève".encode("utf-8"), "Genève".encode("cp1252"), 1)
    fr = tmp_path / "fr.txt"
    fr.write_bytes(data)
    expected_line = data[: data.index("Genève".encode("cp1252"))].count(b"\n") + 1
    result = _compare(tmp_path, PAIR / "en.txt", fr)
    assert result.exit_code == 2
    assert f"line {expected_line}: byte 0xE8 is not UTF-8" in result.output and "mixes encodings" in result.output
    assert not (tmp_path / "out" / "report.json").exists()


def test_windows_1252_alone_is_still_read(tmp_path):
    fr = tmp_path / "fr.txt"
    fr.write_bytes(PAIR.joinpath("fr.txt").read_text("utf-8").replace("’", "'").replace("–", "-").encode("cp1252"))
    assert "Conférence" in read_source(fr)


def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = {}

    def run():
        outcome["result"] = _compare(tmp_path, PAIR / "en.txt", fifo)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "reading a FIFO hung"
    assert outcome["result"].exit_code == 2 and "not a regular file" in outcome["result"].output


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as file:
        file.truncate(2_000_000_000)  # sparse: 2 GB that take no disk and must not be read
    result = _compare(tmp_path, PAIR / "en.txt", huge)
    assert result.exit_code == 2 and "too large for a meeting summary" in result.output


def test_invisible_characters_inside_names_change_nothing(tmp_path):
    text = PAIR.joinpath("fr.txt").read_text("utf-8")
    for name, spoiled in (("Maroc", "Ma\u200broc"), ("Royaume-Uni", "Royaume\u00ad-Uni"), ("Brésil", "Br\u2060ésil"),
                          ("Égypte", "\u202aÉgypte\u202c")):
        assert name in text
        text = text.replace(name, spoiled)
    fr = tmp_path / "fr.txt"
    fr.write_text(text, encoding="utf-8")
    result = _compare(tmp_path, PAIR / "en.txt", fr)
    assert result.exit_code == 0, result.output
    assert _mismatches(tmp_path) == GOLD_MISMATCHES


def test_escape_codes_and_bidi_overrides_never_reach_the_terminal(tmp_path):
    lines = PAIR.joinpath("en.txt").read_text("utf-8").split("\n")
    title_at = next(i for i, line in enumerate(lines) if "Conference on Disarmament Hears" in line)
    lines[title_at] = lines[title_at].replace("Hears", "Hears \x1b[31mRED\x1b[0m \u202etxet")
    en = tmp_path / "en\x1b[2J.txt"
    en.write_text("\n".join(lines), encoding="utf-8")
    result = _compare(tmp_path, en, PAIR / "fr.txt")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output


@pytest.mark.slow
def test_a_long_unbroken_word_wraps_in_the_pdf(tmp_path):
    word = "Human" + "rights" * 40
    text = PAIR.joinpath("en.txt").read_text("utf-8").replace("stalemate", word, 1)
    en = tmp_path / "en.txt"
    en.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(en), str(PAIR / "fr.txt"), "--out", str(tmp_path / "out"), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    shown = subprocess.run(["pdftotext", str(tmp_path / "out" / "report.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "".join(shown.split()).count(word) >= 1, "the whole word is on the page, wrapped, not clipped"
