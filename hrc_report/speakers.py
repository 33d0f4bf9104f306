"""Find speaker-list sentences and split them into names.

English lists follow each topic ("Speaking in the discussion were A, B and
C."); French lists usually stand at the end of the page behind asterisks
("*Liste des intervenants : A, B et C.") or sit inside a sentence between
dashes or after a colon. Names of NGOs may hold commas and "and"
("Maat for Peace, Development and Human Rights Association"), so the split
is careful: it only cuts where the pieces still read as names.
"""

from __future__ import annotations

import re
from typing import Callable

from .models import SpeakerEntry

I = re.IGNORECASE

_NGO_WORDS = r"(?:non-?governmental organi[sz]ations?|civil society organi[sz]ations?|NGOs)"
_NGO_WORDS_FR = r"(?:organisations non gouvernementales|ONG|organisations de la société civile)"

#: (pattern for the words that open a list, the list it introduces)
LIST_OPENERS: dict[str, list[tuple[re.Pattern[str], str]]] = {
    "en": [
        (re.compile(r"^Speaking in (?:the )?right of reply[^:]*?\b(?:were|was)\s*:?\s*", I), "right_of_reply"),
        (re.compile(r"^Speaking as (?:the )?(?:country|countries|State|States) concerned\b[^:]*?\b(?:were|was)\s*:?\s*", I), "concerned"),
        (re.compile(rf"^(?:Also speaking were|Also taking the floor were|Also speaking was)\s+the following {_NGO_WORDS}\s*:?\s*", I), "ngos"),
        (re.compile(rf"^The following {_NGO_WORDS} (?:also )?(?:took the floor|spoke)\s*:\s*", I), "ngos"),
        (re.compile(r"^Also (?:speaking|taking the floor) (?:were|was)(?: the following[^:]*:)?\s*", I), "others"),
        (re.compile(r"^Speaking(?: [^.:]*?)? (?:were|was)\s*:?\s*", I), "discussion"),
    ],
    "fr": [
        (re.compile(rf"^\*+\s*Liste des {_NGO_WORDS_FR}[^:]*:\s*", I), "ngos"),
        (re.compile(r"^\*+\s*Liste des (?:intervenants|orateurs|délégations|participants)[^:]*:\s*", I), "discussion"),
        (re.compile(r"^(?:Les délégations suivantes|Les pays suivants|Les États suivants) ont exercé (?:leur|le) droit de réponse\s*:\s*", I), "right_of_reply"),
        (re.compile(r"^Ont exercé (?:leur|le|un) droit de réponse\s*:\s*", I), "right_of_reply"),
        (re.compile(r"^(?:A|Ont) (?:également |aussi )?pris la parole en tant que (?:pays|État|États) concernés?\s*:\s*", I), "concerned"),
        (re.compile(rf"^(?:Les |Des )?{_NGO_WORDS_FR} suivantes ont (?:également |aussi )?pris la parole\s*:\s*", I), "ngos"),
        (re.compile(r"^Ont (?:également|aussi) pris la parole\s*:\s*", I), "others"),
        (re.compile(r"^Ont pris la parole\s*:\s*", I), "discussion"),
    ],
}

#: "A, B and C spoke in the discussion."
EN_LIST_CLOSER = re.compile(r"^(?P<names>.+?)\s+(?:spoke|took the floor) (?:in|during) the (?:discussion|debate|dialogue)\.?$", I)

#: Where an "also speaking" list turns from other speakers to NGOs.
NGO_TURN = {
    "en": re.compile(rf",?\s*(?:as well as|and)\s+(?:by\s+)?(?:the following|representatives of the following)\s+{_NGO_WORDS}\s*:?\s*", I),
    "fr": re.compile(rf",?\s*(?:ainsi que|et)\s+(?:par\s+)?(?:les|des)\s+(?:représentants des\s+)?{_NGO_WORDS_FR}(?: suivantes)?\s*:\s*", I),
}

#: A list inside a French sentence: "… délégations – A, B, C – et de …" or "… délégations : A, B et C."
#: The names part is bounded so a keyword with no closing dash cannot make
#: every match scan to the end of a long paragraph.
FR_INLINE = [
    re.compile(r"\b(?:délégations|pays|intervenants|orateurs)\*?\s+[–—]\s+(?P<names>[^–—]{1,3000}?)\s+[–—]"),
    re.compile(r"\b(?:délégations|pays|intervenants|orateurs)\*?\s*:\s+(?P<names>[^.:;]{1,3000})\."),
]

_ON_BEHALF = {
    "en": re.compile(r"^(?P<name>.+?),?\s+\(?(?:speaking )?on behalf of\s+(?P<group>.+?)\)?$", I),
    "fr": re.compile(r"^(?P<name>.+?),?\s+\(?(?:s'exprimant |s’exprimant )?au nom\s+(?P<group>d.+?)\)?$", I),
}
_ARTICLE_FR = re.compile(r"^(?:le |la |les |l['’])(?=\S)", I)
_LEADING_AND = {"en": re.compile(r"^and\s+", I), "fr": re.compile(r"^et\s+", I)}
_LAST_AND = {"en": " and ", "fr": " et "}
#: Prose lists say what each speaker did: "la Chine, qui a demandé …".
_RELATIVE = r"(?:qui|dont|lequel|laquelle|lesquels|lesquelles|which|who|whose)"
_RELATIVE_CLAUSE = re.compile(rf",?\s+{_RELATIVE}\s")
#: Pieces that only make sense with the name before them.
_ATTACHED = re.compile(rf"^(?:\(?(?:speaking )?(?:on behalf of|au nom d|s.exprimant au nom)|(?-i:{_RELATIVE})\s)", I)
#: "X for Peace" + ", " + "Development and Human Rights Association": one NGO.
_ENDS_WITH_FOR_WORD = re.compile(r"\b(?:for|of|pour|de)\s+[A-Z][\w'’-]*$")


def split_top_level(text: str, separators: str = ",;") -> list[str]:
    """Split on separators that are not inside parentheses."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def split_names(text: str, lang: str, is_known: Callable[[str], bool] = lambda name: False) -> list[tuple[str, str | None]]:
    """Split a list into (name, on behalf of) pairs, in order.

    ``is_known`` says whether a string is a name the resolver knows; it keeps
    known names with commas or "and" whole and confirms where to cut.
    """
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;, ")
    chunks = split_top_level(text)
    if not chunks:
        return []

    # A trailing "on behalf of ..." or "qui a ..." cut off by a comma belongs to the name before it.
    merged: list[str] = []
    for chunk in chunks:
        if merged and _ATTACHED.match(chunk):
            merged[-1] = f"{merged[-1]} {chunk}"
        else:
            merged.append(chunk)
    chunks = merged

    # The last item is joined by "and"/"et": "…, Angola and Ethiopia" or, with
    # the serial comma, "…, and Tripla Difesa …".
    serial_comma = len(chunks) > 1 and bool(_LEADING_AND[lang].match(chunks[-1]))
    if serial_comma:
        chunks[-1] = _LEADING_AND[lang].sub("", chunks[-1])

    # Glue back NGO names that hold a comma.
    names: list[str] = []
    glued_last = False
    for chunk in chunks:
        glued_last = bool(names) and _continues(names[-1], chunk, lang, is_known)
        if glued_last:
            names[-1] = f"{names[-1]}, {chunk}"
        else:
            names.append(chunk)
    if not serial_comma and not glued_last:
        names[-1:] = _split_last(names[-1], lang, is_known)
    return [_on_behalf(cleaned, lang) for cleaned in (_clean(name, lang) for name in names) if cleaned]


def _clean(name: str, lang: str) -> str:
    """Drop what prose adds around a name: 'et le Bélarus, qui a rejeté …' -> 'Bélarus'."""
    name = _RELATIVE_CLAUSE.split(_LEADING_AND[lang].sub("", name), maxsplit=1)[0].strip()
    return _ARTICLE_FR.sub("", name) if lang == "fr" else name


def _split_last(chunk: str, lang: str, is_known: Callable[[str], bool]) -> list[str]:
    word = _LAST_AND[lang]
    if word not in chunk or is_known(chunk):
        return [chunk]
    left, right = chunk.rsplit(word, 1)
    left_name = _ON_BEHALF[lang].sub(r"\g<name>", left)
    if is_known(right) or is_known(_ON_BEHALF[lang].sub(r"\g<name>", right)) or is_known(left_name):
        return [left, right]
    # Unknown names: cut only where both sides still read as names; a single
    # word after "and" ("Human Rights and Development") is part of the name.
    right_words = right.split()
    if len(right_words) >= 2 and right_words[0][:1].isupper() and right_words[1][:1].isupper():
        return [left, right]
    return [chunk]


def _bare(name: str, lang: str) -> str:
    """The name as it will be resolved: cleaned, without its "on behalf of" part."""
    return _on_behalf(_clean(name, lang), lang)[0]


def _continues(previous: str, chunk: str, lang: str, is_known: Callable[[str], bool]) -> bool:
    if is_known(f"{previous}, {chunk}"):
        return True
    parts = _split_last(chunk, lang, is_known)
    if is_known(_bare(chunk, lang)) or is_known(_bare(previous, lang)) or (
        len(parts) == 2 and all(is_known(_bare(part, lang)) for part in parts)
    ):
        return False
    if _bare(chunk, lang)[:1].islower():
        return True
    return bool(_ENDS_WITH_FOR_WORD.search(previous)) and (" and " in chunk or " et " in chunk)


def _on_behalf(name: str, lang: str) -> tuple[str, str | None]:
    match = _ON_BEHALF[lang].match(name)
    if not match:
        return name.strip(), None
    # Kept as written ("d’un groupe de pays"); the resolver drops the preposition.
    return match["name"].strip(" ,("), match["group"].strip()


def extract_lists(text: str, lang: str, line: int, is_known: Callable[[str], bool]) -> tuple[bool, list[SpeakerEntry]]:
    """Speaker entries in one paragraph; True when the paragraph is a list.

    A French body paragraph can hold a list inside a sentence; it stays a body
    paragraph but its names are still entries.
    """
    for opener, context in LIST_OPENERS[lang]:
        match = opener.match(text)
        if match:
            return True, _entries(text[match.end():], context, lang, line, is_known)
    if lang == "en":
        match = EN_LIST_CLOSER.match(text)
        if match and match["names"].count(",") >= 1:
            return True, _entries(match["names"], "discussion", lang, line, is_known)
        return False, []
    entries: list[SpeakerEntry] = []
    for pattern in FR_INLINE:
        for match in pattern.finditer(text):
            names = match["names"]
            if names.count(",") >= 1:
                entries += _entries(names, "discussion", lang, line, is_known)
        if entries:
            break
    return False, entries


def _entries(text: str, context: str, lang: str, line: int, is_known) -> list[SpeakerEntry]:
    parts = NGO_TURN[lang].split(text, maxsplit=1)
    groups = [(context, parts[0])]
    if len(parts) == 2:
        groups.append(("ngos", parts[1]))
    entries = []
    for group_context, group_text in groups:
        for name, on_behalf in split_names(group_text, lang, is_known):
            entries.append(SpeakerEntry(group_context, name, on_behalf, line))
    return entries
