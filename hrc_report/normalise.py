"""Text normalisation shared by the name resolver and the comparisons.

Two spellings of a name that differ only in case, accents, apostrophes,
hyphens or a leading article must compare equal: French capitals often lose
their accent (Etats-Unis), apostrophes come straight or curly, and
Sao-Tomé-et-Principe is written with and without hyphens.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u00b4\u0060\u2032"), "'")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_LEADING_ARTICLE = re.compile(r"^(?:(?:the|les|le|la)\s+|l'\s*)")
_TRAILING_THE = re.compile(r"\s*\(the\)$")
_NON_WORD = re.compile(r"[^0-9a-z']+")


def clean_punctuation(text: str) -> str:
    """Unify apostrophes and dashes, keep everything else as written."""
    return text.translate(_APOSTROPHES).translate(_DASHES)


# The same names and words are folded thousands of times a run (every list entry,
# every candidate cut of a list): the results are kept.
@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case and strip accents (œ becomes oe)."""
    text = unicodedata.normalize("NFKD", clean_punctuation(text).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


def _fold_char(ch: str) -> str:
    lower = ch.lower()
    if len(lower) != 1:
        lower = ch
    base = unicodedata.normalize("NFD", lower)[:1] or lower
    return lower if unicodedata.combining(base) else base


def fold_same_length(text: str) -> str:
    """Like :func:`fold`, one character for one character, so a position in the
    result is the same position in ``text`` (for marking words in the original)."""
    return "".join(map(_fold_char, clean_punctuation(text)))


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The key under which a name is looked up: folded, no article, words only.

    >>> name_key("l’Iran (République islamique d’)")
    "iran republique islamique d'"
    """
    key = _TRAILING_THE.sub("", fold(name).strip())
    key = _LEADING_ARTICLE.sub("", key)
    key = key.replace("&", " and ")
    key = _NON_WORD.sub(" ", key).strip(" '")
    key = re.sub(r"\bst\b", "saint", key)
    return re.sub(r"\s+", " ", key)


def slug(name: str) -> str:
    """An id-friendly slug: 'Georgia Public Defender’s Office' -> 'georgia-public-defenders-office'."""
    text = fold(name).replace("'", "")
    made = re.sub(r"[^0-9a-z]+", "-", text).strip("-")
    # A name in a script with no Latin letters still needs a stable id.
    return made or "u" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
