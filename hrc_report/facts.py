"""Facts that can be compared across languages: numbers with their unit, times,
dates, vote counts and document symbols.

Equal values written differently are equal: "nine"/"neuf", "twenty-eight"/
"vingt-huit", "3 p.m."/"15 heures", "Friday, 13 October"/"vendredi 13
octobre". Approximate counts ("a dozen", "une dizaine") are ranges.
"""

from __future__ import annotations

import re

from .models import Fact
from .normalise import clean_punctuation, fold, fold_same_length

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
#: "from 12 to 16 January 2026", "12-16 January", "du 19 au 23 janvier 2026", "from 30 September to
#: 4 October": one period, compared whole (its first day is no count of its own).
DATE_RANGE = re.compile(
    rf"\b(?:(?:from|du)\s+)?(?P<d1>\d{{1,2}})(?:er)?(?:\s+(?P<m1>{_MONTHS}))?\s*(?:-|–|to|au|and|et)\s*"
    rf"(?P<d2>\d{{1,2}})(?:er)?\s+(?P<m2>{_MONTHS})(?:,?\s+(?P<y>\d{{4}}))?\b"
)
VOTE = re.compile(
    rf"(?P<for>{_COUNT})\s+(?:votes?\s+|voix\s+)?(?:in favour|pour)\b[^.;]{{0,20}}?(?P<against>{_COUNT})\s+(?:votes?\s+|voix\s+)?(?:against|contre)\b"
    rf"(?:[^.;]{{0,20}}?(?P<abstain>{_COUNT})\s+abstentions?)?"
)
SYMBOL = re.compile(r"\b[A-Z]{1,5}(?:/[A-Z0-9.\-]+){2,}\b|\b(?:resolution|résolution|decision|décision)\s+\d{1,3}/\d{1,3}\b", re.IGNORECASE)
_DIGIT_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)*"
_NUMBER_TOKEN = re.compile(
    rf"\b(?:(?:une?|a)\s+)?(?P<n>(?:{_DIGIT_NUMBER})(?!\s*(?:st|nd|rd|th|e|er|ème|eme)\b)|{_WORD_NUMBER})\b"
)
#: "2.4 million", "2,4 millions", "12 milliards", "2.7 trillion": the scale multiplies the count.
_SCALE_AFTER = re.compile(r"^\s+(?:de\s+)?(?P<scale>millions?|milliards?|billions?|trillions?|thousands?)\b")
SCALE_WORDS = {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
               "billion": 10**9, "billions": 10**9, "trillion": 10**12, "trillions": 10**12,
               "thousand": 10**3, "thousands": 10**3}
#: A French "billion" is a million millions (an English trillion).
SCALE_WORDS_FR = {**SCALE_WORDS, "billion": 10**12, "billions": 10**12}
#: "40 per cent" = "40 %" = "40 pour cent": a percentage ("cent" is not a hundred there).
_PERCENT_AFTER = re.compile(r"^\s*(?:%|per\s?cent\b|percent\b|pour\s?cent\b)")
#: A number that names a part of a text, not a count: "article 7", "paragraph 3", "item 4",
#: « point 4 de l'ordre du jour », "rule 129", "chapter II".
_REFERENCE_BEFORE = re.compile(r"\b(?:articles?|paragraphs?|paragraphes?|items?|points?|rules?|chapters?|chapitres?|"
                               r"sections?|annex|annexe|alinéas?|alineas?|no\.?|n°)\s*$", re.IGNORECASE)
_APPROX_BEFORE = re.compile(r"(?:almost|nearly|about|around|some|over|more than|at least|close to|pr[eè]s de|environ|quelque|plus de|au moins|presque)\s*$", re.IGNORECASE)


def words_to_number(phrase: str, lang: str | None = None) -> int | float | None:
    """'twenty-eight' -> 28, 'vingt-huit' -> 28, 'quatre-vingt-dix' -> 90, '1,200' -> 1200,
    '12 500' -> 12500, '2,4' (French) -> 2.4.

    Number words are read by text2num (maintained, English and French); digits
    by :func:`digits_value`, which knows each language's separators.
    """
    phrase = clean_punctuation(phrase).strip()
    if phrase[:1].isdigit():
        return digits_value(phrase, lang)
    from text_to_num import text2num

    words = fold(phrase)
    for language in ((lang,) if lang else ("en", "fr")):
        try:
            return text2num(words, language)
        except ValueError:
            continue
    return None


_SPACE_GROUPS = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$")
_COMMA_GROUPS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DOT_GROUPS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")


def digits_value(text: str, lang: str | None = None) -> int | float | None:
    """A number written in digits, as each language writes it: English 12,500 and
    3.5; French 12 500 (a space, no-break or narrow no-break), 12.500 and 2,4."""
    text = text.strip()
    if _SPACE_GROUPS.match(text):
        text = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".")
    elif _COMMA_GROUPS.match(text) and not (lang == "fr" and text.count(",") == 1 and "." not in text and len(text) <= 5):
        text = text.replace(",", "")
    elif lang == "fr" and _DOT_GROUPS.match(text):
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def _month_number(month: str) -> int:
    return (EN_MONTHS.index(month) if month in EN_MONTHS else FR_MONTHS.index(month)) + 1


def _spans(pattern: re.Pattern[str], text: str):
    return [(m.start(), m.end(), m) for m in pattern.finditer(text)]


def extract(text: str, units: dict[str, str] | None = None, lang: str | None = None) -> list[Fact]:
    """All comparable facts in ``text``, in order. ``units`` maps a folded word to its
    concept; ``lang`` says how digits are grouped (French 2,4 is 2.4)."""
    units = units or {}
    plain = clean_punctuation(text)
    # positions found in `folded` must point at the same words in `plain`
    folded = fold_same_length(plain)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for start, end, m in _spans(VOTE, folded):
        counts = tuple(words_to_number(m[g].strip(), lang) if m[g] else None for g in ("for", "against", "abstain"))
        if counts[0] is not None and counts[1] is not None:
            facts.append(Fact("vote", counts, plain[start:end], start, end))
            taken.append((start, end))
    for start, end, m in _spans(SYMBOL, plain):
        taken.append((start, end))
    for start, end, m in _spans(DATE_RANGE, folded):
        if not free(start, end):
            continue
        second = _month_number(m["m2"])
        value = (_month_number(m["m1"]) if m["m1"] else second, int(m["d1"]), second, int(m["d2"]))
        facts.append(Fact("date", value + ((int(m["y"]),) if m["y"] else ()), plain[start:end], start, end))
        taken.append((start, end))
    for start, end, m in _spans(DATE, folded):
        if not free(start, end):
            continue
        day, month = (m["d1"], m["m1"]) if m["d1"] else (m["d2"], m["m2"])
        value = (_month_number(month), int(day)) + ((int(m["y"]),) if m["y"] else ())
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
    # Years ("in 2023") are dates, not counts: a year of its own is a fact of its own kind,
    # compared only between two sentences that say the same thing (coverage._years).
    for m in re.finditer(r"\b(?:19|20)\d{2}\b", folded):
        if free(m.start(), m.end()):
            facts.append(Fact("year", (int(m.group(0)),), plain[m.start():m.end()], m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _NUMBER_TOKEN.finditer(folded):
        start, end = m.start("n"), m.end("n")
        if not free(start, end) or _REFERENCE_BEFORE.search(folded[max(0, start - 20):start]):
            continue
        token = m["n"]
        approximate = token in APPROXIMATE
        value = APPROXIMATE[token] if approximate else words_to_number(token, lang)
        if value is None or (not token[0].isdigit() and value == 1):
            continue
        unit = None
        if percent := _PERCENT_AFTER.match(folded[end:]):
            unit, end = "percent", end + percent.end()
        elif scale := _SCALE_AFTER.match(folded[end:]):
            scales = SCALE_WORDS_FR if lang == "fr" else SCALE_WORDS
            value, end = round(value * scales[scale["scale"]], 3), end + scale.end()
        taken.append((start, end))
        before = folded[max(0, m.start() - 25):m.start()]
        qualifier = _APPROX_BEFORE.search(before)
        first = m.start() - (len(before) - qualifier.start()) if qualifier else m.start()
        unit = unit or _unit_after(folded, end, units)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
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
    if a.kind == "date":
        return _same_date(a.value, b.value)
    return a.value == b.value


def _same_date(a: tuple, b: tuple) -> bool:
    """(month, day[, year]) or a period (month, day, month, day[, year]). A version
    that leaves the year out says the same date; one that gives only the first or
    last day of a period ("jusqu'au 23 septembre") says the same as the period."""
    def days(value: tuple) -> list[tuple]:
        return [value[:2]] if len(value) in (2, 3) else [value[:2], value[2:4]]

    def year(value: tuple) -> int | None:
        return value[-1] if len(value) in (3, 5) else None

    if year(a) and year(b) and year(a) != year(b):
        return False
    if len(days(a)) == len(days(b)):
        return days(a) == days(b)
    single, period = (a, b) if len(days(a)) == 1 else (b, a)
    return days(single)[0] in days(period)
