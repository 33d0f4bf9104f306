"""Pair the English and French versions of the same meeting.

By code first (HRC23.148E with HRC23.148F). Documents without a partner by
code are paired by what they say: same body (Council, Committee, Conference),
same date, and shared States, numbers and Council vocabulary, with a
confidence. Nothing is dropped: every document ends in a pair or in the
unpaired list with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np

from .align import jaccard, load_vocabulary
from .archive import StoredDocument
from .facts import extract
from .i18n import N_
from .names import NameIndex, load_index

#: A pair without codes: each document must be the other's best candidate by at
#: least this much (0.5 x the multilingual cosine of the two texts + 0.5 x the
#: overlap of States, numbers and Council terms). On the 33 fixture and real
#: documents the true partner is the best candidate for 30; absolute scores do
#: not separate true from false pairs (true from 0.33, false up to 0.51), the
#: competition does.
MIN_MARGIN = 0.05
#: ... and, unless it is the only candidate either has, at least this score.
MIN_CONFIDENCE = 0.30
#: The only candidate on the same day and body is paired from this score: texts
#: that share nothing (a cosine near 0.3) are not one meeting.
MIN_UNIQUE = 0.20

_BODIES = [
    ("HRC", re.compile(r"human rights council|conseil des droits de l.homme", re.I)),
    ("CAT", re.compile(r"committee against torture|comit[ée] contre la torture", re.I)),
    ("DC", re.compile(r"conference on disarmament|conf[ée]rence du d[ée]sarmement", re.I)),
    ("CERD", re.compile(r"elimination of racial discrimination|l.[ée]limination de la discrimination raciale", re.I)),
    ("CRC", re.compile(r"committee on the rights of the child|comit[ée] des droits de l.enfant", re.I)),
]


@dataclass(frozen=True)
class Pair:
    en: StoredDocument
    fr: StoredDocument
    #: code or content
    method: str
    confidence: float

    @property
    def key(self) -> str:
        """A folder name made only of safe characters, never raw document text."""
        if self.en.code_key and self.en.code_key == self.fr.code_key:
            # One character for one: codes that differ only in punctuation
            # (DC23/012, DC23.012) never share a folder.
            return "".join(
                c if c.isascii() and c.isalnum() else {".": "-", "/": "_"}.get(c, f"x{ord(c):x}") for c in self.en.code_key
            )
        return f"{self.en.date or 'undated'}-en{self.en.id}-fr{self.fr.id}"


@dataclass(frozen=True)
class Unpaired:
    document: StoredDocument
    #: a catalog message (reports in French translate it) and its values
    message: str
    values: tuple[tuple[str, object], ...] = ()

    @property
    def reason(self) -> str:
        return self.message % dict(self.values)

    def reason_in(self, gettext) -> str:
        return gettext(self.message) % dict(self.values)


@dataclass(frozen=True)
class Pairing:
    pairs: list[Pair]
    unpaired: list[Unpaired]


def body_of(document: StoredDocument) -> str | None:
    if document.code:
        return re.match(r"[A-Z]+", document.code).group(0)
    for body, pattern in _BODIES:
        if pattern.search(document.title) or pattern.search(document.body[:600]):
            return body
    return None


def _features(document: StoredDocument, index: NameIndex) -> frozenset[str]:
    vocabulary = load_vocabulary()
    states = {f"state:{s}" for s in index.states_in(document.text)}
    facts = {f"{f.kind}:{f.value}" for f in extract(document.body, vocabulary.units)}
    concepts = {f"concept:{c}" for c in vocabulary.concepts_in(document.body, document.language)}
    return frozenset(states | facts | concepts)


def _vectors(documents: list[StoredDocument]) -> dict[int, np.ndarray]:
    """Each document's meaning: the mean multilingual vector of its first paragraphs."""
    from .encoder import encoder

    vectors = {}
    for document in documents:
        paragraphs = [p.strip() for p in document.body.split("\n\n") if p.strip()][:8] or [document.title]
        vector = np.asarray(encoder().encode(paragraphs), dtype=np.float64).mean(axis=0)
        vectors[document.id] = vector / (np.linalg.norm(vector) or 1.0)
    return vectors


_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


def _year(document: StoredDocument) -> str | None:
    """The meeting's year: its date's, else the latest year its text names."""
    if document.date and document.date_from != "given":
        return document.date[:4]
    years = _YEAR.findall(document.body[:4000])
    return max(years) if years else None


def _comparable(a: StoredDocument, b: StoredDocument) -> bool:
    """Could these be one meeting? The same date when both read one from their text,
    at most a day apart when either date was given at ingest (a guess), the same
    year, the same body."""
    if a.date and b.date and a.date != b.date:
        if a.date_from != "given" and b.date_from != "given":
            return False
        if abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days) > 1:
            return False
    year_a, year_b = _year(a), _year(b)
    if year_a and year_b and year_a != year_b:
        return False
    body_a, body_b = body_of(a), body_of(b)
    return not (body_a and body_b and body_a != body_b)


def pair_documents(
    documents: list[StoredDocument], index: NameIndex | None = None, by_hand: list[tuple[int, int]] = (),
    kept_apart: set[int] = frozenset(),
) -> Pairing:
    """Pairs by hand first, then by code, then by content; nothing is dropped."""
    index = index or load_index()
    pairs: list[Pair] = []
    unpaired: list[Unpaired] = [Unpaired(d, N_("kept out of any pair by hand (hrc-report unpair)")) for d in documents if d.id in kept_apart]
    documents = [d for d in documents if d.id not in kept_apart]

    present = {d.id: d for d in documents}
    for en_id, fr_id in by_hand:
        if en_id in present and fr_id in present:
            pairs.append(Pair(present.pop(en_id), present.pop(fr_id), "by hand", 1.0))
    documents = [d for d in documents if d.id in present]

    by_code: dict[str, list[StoredDocument]] = {}
    rest: list[StoredDocument] = []
    for document in documents:
        if document.code_key:
            by_code.setdefault(document.code_key, []).append(document)
        else:
            rest.append(document)
    for key, group in sorted(by_code.items()):
        en = sorted((d for d in group if d.language == "en"), key=lambda d: d.id)
        fr = sorted((d for d in group if d.language == "fr"), key=lambda d: d.id)
        # A corrected version ingested later with the same code supersedes the earlier one.
        for versions in (en, fr):
            for older in versions[:-1]:
                unpaired.append(Unpaired(older, N_("superseded by document %(id)s, a later version with the code %(code)s"),
                                         (("id", versions[-1].id), ("code", older.code))))
        if en and fr:
            pairs.append(Pair(en[-1], fr[-1], "code", 1.0))
        else:
            rest += [versions[-1] for versions in (en, fr) if versions]

    english = [d for d in rest if d.language == "en"]
    french = [d for d in rest if d.language == "fr"]
    content, reasons = _pair_by_content(english, french, index)
    pairs += content
    unpaired += [Unpaired(document, reasons[document.id]) for document in english + french if document.id in reasons]
    pairs.sort(key=lambda p: (p.en.date or "", p.key))
    unpaired.sort(key=lambda u: (u.document.date or "", u.document.id))
    return Pairing(pairs, unpaired)


def _pair_by_content(english, french, index) -> tuple[list[Pair], dict[int, str]]:
    """Pairs by what the versions say, each the other's clear best; the reason for each left out."""
    options: dict[int, list[tuple[float, int]]] = {d.id: [] for d in english + french}
    candidates = [(a, b) for a in english for b in french if _comparable(a, b)]
    if candidates:
        features = {d.id: _features(d, index) for d in english + french}
        vectors = _vectors(english + french)
        for a, b in candidates:
            score = 0.5 * float(vectors[a.id] @ vectors[b.id]) + 0.5 * jaccard(features[a.id], features[b.id])
            if a.part and b.part and a.part == b.part:
                score += 0.05
            options[a.id].append((round(score, 3), b.id))
            options[b.id].append((round(score, 3), a.id))
    for scores in options.values():
        scores.sort(key=lambda item: (-item[0], item[1]))
    by_id = {d.id: d for d in english + french}
    pairs, used = [], set()
    changed = True
    while changed:  # pair clear mutual bests, then look again among what is left
        changed = False
        for a in english:
            if a.id in used:
                continue
            free = [(score, other) for score, other in options[a.id] if other not in used]
            if not free:
                continue
            score, b_id = free[0]
            rivals_a = [s for s, o in free[1:]]
            rivals_b = [s for s, o in options[b_id] if o != a.id and o not in used]
            best_of_b = next((o for s, o in options[b_id] if o not in used), None)
            runner_up = max(rivals_a[:1] + rivals_b[:1], default=None)
            unique = runner_up is None
            if best_of_b != a.id:
                continue
            if unique and score >= MIN_UNIQUE or (not unique and score >= MIN_CONFIDENCE and score - runner_up >= MIN_MARGIN):
                pairs.append(Pair(a, by_id[b_id], "content", score))
                used |= {a.id, b_id}
                changed = True
    reasons = {}
    for document in english + french:
        if document.id in used:
            continue
        english_missing = document.language == "fr"
        if not options[document.id]:
            reasons[document.id] = (N_("no English version this week from the same body on the same day") if english_missing
                                    else N_("no French version this week from the same body on the same day"))
        elif options[document.id][0][0] < MIN_UNIQUE:
            reasons[document.id] = (N_("no English version says the same things") if english_missing
                                    else N_("no French version says the same things"))
        else:
            reasons[document.id] = (N_("ambiguous: more than one English version is as close") if english_missing
                                    else N_("ambiguous: more than one French version is as close"))
    return pairs, reasons
