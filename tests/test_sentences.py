"""Sentences come out as pysbd's own non-destructive segmentation gives them."""

from __future__ import annotations

from pathlib import Path

import pysbd
import pytest

from hrc_report.sentences import split_sentences

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGES = sorted(FIXTURES.glob("*/*/en.txt")) + sorted(FIXTURES.glob("*/*/fr.txt"))


def _paragraphs(path: Path) -> list[str]:
    return [p for p in path.read_text("utf-8").split("\n\n") if p.strip()]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_sentences_as_pysbd_segment(path):
    lang = path.stem
    segmenter = pysbd.Segmenter(language=lang, clean=False)
    for paragraph in _paragraphs(path):
        expected = tuple(s.strip() for s in segmenter.segment(paragraph) if s.strip())
        assert split_sentences(paragraph, lang) == expected


def test_text_the_processor_changes_falls_back_to_segment():
    # pysbd's processor rewrites nothing here, so build the case by hand: the
    # fallback must give segment()'s result whenever characters would differ.
    from hrc_report import sentences

    class Changed:
        def processor(self, text):
            class P:
                def process(self_inner):
                    return ["Changed text."]
            return P()

        def segment(self, text):
            return ["The original.", " Text. "]

    assert sentences._pysbd_sentences(Changed(), "The original. Text.") == ["The original.", " Text. "]
