"""Facts that can be compared across languages: numbers with their unit, times,
dates, vote counts and document symbols.

Equal values written differently are equal: "nine"/"neuf", "twenty-eight"/
"vingt-huit", "3 p.m."/"15 heures", "Friday, 13 October"/"vendredi 13
octobre". Approximate counts ("a dozen", "une dizaine") are ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import clean_punctuation, fold, fold_same_length

EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
FR_UNITS = {
    "zero": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
}
FR_TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
SCALES = {"hundred": 100, "cent": 100, "cents": 100, "thousand": 1000, "mille": 1000,
          "million": 10**6, "millions": 10**6, "billion": 10**9, "milliard": 10**9, "milliards": 10**9}
#: Approximate counts: (value, relative spread)
APPROXIMATE = {
    "dozen": 12, "douzaine": 12, "dizaine": 10, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "centaine": 100, "dozens": 24, "dizaines": 20,
}

EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december"]
FR_MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
             "octobre", "novembre", "decembre"]
_MONTHS = "|".join(EN_MONTHS + FR_MONTHS)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"

_WORD_NUMBER = r"[a-z]+(?:-[a-z]+)*(?:\s+et\s+(?:un|une|onze))?"
_COUNT = rf"(?:\d[\d,. ]*|{_WORD_NUMBER})"

TIME = re.compile(r"\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?)|\b(?P<fh>\d{1,2})\s*(?:heures?|h)(?:\s*(?P<fm>\d{2}))?\b|(?<!-)\b(?P<noon>noon|midi)\b")
DATE = re.compile(
    rf"\b(?:(?:{_WEEKDAYS}),?\s+)?(?:(?P<d1>\d{{1,2}})(?:er)?\s+(?P<m1>{_MONTHS})|(?P<m2>{_MONTHS})\s+(?P<d2>\d{{1,2}})(?!\d))(?:,?\s+(?P<y>\d{{4}}))?\b"
)
VOTE = re.compile(
    rf"(?P<for>{_COUNT})\s+(?:votes?\s+|voix\s+)?(?:in favour|pour)\b[^.;]{{0,20}}?(?P<against>{_COUNT})\s+(?:votes?\s+|voix\s+)?(?:against|contre)\b"
    rf"(?:[^.;]{{0,20}}?(?P<abstain>{_COUNT})\s+abstentions?)?"
)
SYMBOL = re.compile(r"\b[A-Z]{1,5}(?:/[A-Z0-9.\-]+){2,}\b|\b(?:resolution|résolution|decision|décision)\s+\d{1,3}/\d{1,3}\b", re.IGNORECASE)
_NUMBER_TOKEN = re.compile(rf"\b(?:(?:une?|a)\s+)?(?P<n>\d+(?:[,.]\d+)*(?!\s*(?:st|nd|rd|th|e|er|ème|eme)\b)|{_WORD_NUMBER})\b")
_APPROX_BEFORE = re.compile(r"(?:almost|nearly|about|around|some|over|more than|at least|close to|pr[eè]s de|environ|quelque|plus de|au moins|presque)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    kind: str  # number, time, date, vote
    value: tuple
    #: what a reader sees: the words in the text
    text: str
    start: int
    end: int
    #: for numbers: the unit word after the count (its vocabulary concept when known)
    unit: str | None = None
    approximate: bool = False


def words_to_number(phrase: str) -> int | None:
    """'twenty-eight' -> 28, 'vingt-huit' -> 28, 'quatre-vingt-dix' -> 90, '1,200' -> 1200."""
    phrase = fold(phrase).strip()
    if re.fullmatch(r"\d+(?:[,. ]\d{3})*", phrase):
        return int(re.sub(r"[,. ]", "", phrase))
    if re.fullmatch(r"\d+", phrase):
        return int(phrase)
    parts = [p for p in re.split(r"[-\s]+", phrase) if p and p != "et" and p != "and"]
    if not parts:
        return None
    total, current = 0, 0
    i = 0
    while i < len(parts):
        part = parts[i]
        if part == "quatre" and i + 1 < len(parts) and parts[i + 1] in ("vingt", "vingts"):
            current += 80
            i += 2
            continue
        if part in EN_UNITS:
            current += EN_UNITS[part]
        elif part in FR_UNITS:
            current += FR_UNITS[part]
        elif part in EN_TENS:
            current += EN_TENS[part]
        elif part in FR_TENS:
            current += FR_TENS[part]
        elif part in ("un", "une", "one"):
            current += 1
        elif part in SCALES:
            scale = SCALES[part]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
        i += 1
    return total + current


def _spans(pattern: re.Pattern[str], text: str):
    return [(m.start(), m.end(), m) for m in pattern.finditer(text)]


def extract(text: str, units: dict[str, str] | None = None) -> list[Fact]:
    """All comparable facts in ``text``, in order. ``units`` maps a folded word to its concept."""
    units = units or {}
    plain = clean_punctuation(text)
    # positions found in `folded` must point at the same words in `plain`
    folded = fold_same_length(plain)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for start, end, m in _spans(VOTE, folded):
        counts = tuple(words_to_number(m[g]) if m[g] else None for g in ("for", "against", "abstain"))
        if counts[0] is not None and counts[1] is not None:
            facts.append(Fact("vote", counts, plain[start:end], start, end))
            taken.append((start, end))
    for start, end, m in _spans(SYMBOL, plain):
        taken.append((start, end))
    for start, end, m in _spans(DATE, folded):
        if not free(start, end):
            continue
        day, month = (m["d1"], m["m1"]) if m["d1"] else (m["d2"], m["m2"])
        month_number = (EN_MONTHS.index(month) if month in EN_MONTHS else FR_MONTHS.index(month)) + 1
        value = (month_number, int(day)) + ((int(m["y"]),) if m["y"] else ())
        facts.append(Fact("date", value, plain[start:end], start, end))
        taken.append((start, end))
    for start, end, m in _spans(TIME, folded):
        if not free(start, end):
            continue
        if m["noon"]:
            minutes = 12 * 60
        elif m["ampm"]:
            hour = int(m["h"]) % 12 + (12 if m["ampm"].startswith("p") else 0)
            minutes = hour * 60 + int(m["m"] or 0)
        else:
            minutes = int(m["fh"]) * 60 + int(m["fm"] or 0)
        facts.append(Fact("time", (minutes,), plain[start:end], start, end))
        taken.append((start, end))
    # Years ("in 2023") are dates, not counts.
    for m in re.finditer(r"\b(?:19|20)\d{2}\b", folded):
        taken.append((m.start(), m.end()))
    for m in _NUMBER_TOKEN.finditer(folded):
        start, end = m.start("n"), m.end("n")
        if not free(start, end):
            continue
        token = m["n"]
        approximate = token in APPROXIMATE
        value = APPROXIMATE[token] if approximate else words_to_number(token)
        if value is None or (not token[0].isdigit() and value == 1):
            continue
        before = folded[max(0, m.start() - 25):m.start()]
        qualifier = _APPROX_BEFORE.search(before)
        first = m.start() if m["n"] != m.group(0) or not qualifier else m.start()
        if qualifier:
            first = m.start() - (len(before) - qualifier.start())
        unit = _unit_after(folded, end, units)
        facts.append(Fact("number", (value,), plain[first:end].strip(), first, end, unit, approximate or bool(qualifier)))
    facts.sort(key=lambda f: f.start)
    return facts


def _unit_after(folded: str, end: int, units: dict[str, str]) -> str | None:
    """The first known unit word within three words after a count ('nine devastating years')."""
    following = re.findall(r"[a-z'-]+", folded[end:end + 60])[:4]
    for word in following:
        word = word.removeprefix("d'").removeprefix("l'")
        if word in ("de", "d", "of"):
            continue
        if word in units:
            return units[word]
    return None


def same_value(a: Fact, b: Fact) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "number" and (a.approximate or b.approximate) and (a.text.split()[-1] in APPROXIMATE or b.text.split()[-1] in APPROXIMATE):
        # "a dozen" and "une dizaine" are both "about ten or twelve"
        low, high = sorted((a.value[0], b.value[0]))
        return high <= low * 1.25
    if a.kind == "date" and (len(a.value) == 2 or len(b.value) == 2):
        return a.value[:2] == b.value[:2]
    return a.value == b.value
