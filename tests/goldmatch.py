"""How a flag is matched with a planted difference of a pair's gold: one rule for
the tests (tests/test_cases.py, tests/test_heldout.py) and the bench
(bench/evaluate.py), so the figures and the assertions count the same thing."""

from __future__ import annotations

import re


def _spaced(text: str) -> str:
    """No-break and narrow no-break spaces as plain spaces ("2\u202f417" is "2 417")."""
    return " ".join(text.split())


def matches_planted(flag, planted: dict) -> bool:
    """Does a coverage flag report a planted difference? A passage only in one version
    may be planted as the number or date it holds."""
    only_in_passage = flag.kind == "topic" and planted.get("only_in") and planted.get("keywords")
    if flag.kind != planted["kind"] and not only_in_passage:
        return False
    if planted.get("keywords"):
        words = _spaced(" ".join(filter(None, [flag.about, flag.en, flag.fr])).lower())
        return flag.only_in == planted.get("only_in") and all(_spaced(k.lower()) in words for k in planted["keywords"])
    # a fact the flag shows with its context (the period "from 30 October to 24 November
    # 2023" holds the planted closing date "24 November 2023"), or alone (the count "11"
    # of the planted "11 women and seven men")
    if flag.only_in is not None or not (flag.en and flag.fr):
        return False
    en, fr, planted_en, planted_fr = map(_spaced, (flag.en, flag.fr, planted["en"], planted["fr"]))
    return (planted_en in en and planted_fr in fr) or (_word_in(en, planted_en) and _word_in(fr, planted_fr))


def _word_in(part: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) is not None
