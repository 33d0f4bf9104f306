"""Pair the English and French versions of the same meeting.

By code first (HRC23.148E with HRC23.148F). Documents without a partner by
code are paired by what they say: same body (Council, Committee, Conference),
same date, and shared States, numbers and Council vocabulary, with a
confidence. Nothing is dropped: every document ends in a pair or in the
unpaired list with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .align import jaccard, load_vocabulary
from .archive import StoredDocument
from .facts import extract
from .names import NameIndex, load_index

#: Least content score for a pair without codes, and how far ahead of the
#: runner-up it must be; below either, the documents are listed as ambiguous.
MIN_CONFIDENCE = 0.30
MIN_MARGIN = 0.10

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
    reason: str


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


def pair_documents(documents: list[StoredDocument], index: NameIndex | None = None) -> Pairing:
    index = index or load_index()
    pairs: list[Pair] = []
    unpaired: list[Unpaired] = []

    by_code: dict[str, list[StoredDocument]] = {}
    rest: list[StoredDocument] = []
    for document in documents:
        if document.code_key:
            by_code.setdefault(document.code_key, []).append(document)
        else:
            rest.append(document)
    for key, group in sorted(by_code.items()):
        en = [d for d in group if d.language == "en"]
        fr = [d for d in group if d.language == "fr"]
        if len(en) == 1 and len(fr) == 1:
            pairs.append(Pair(en[0], fr[0], "code", 1.0))
        elif len(en) > 1 or len(fr) > 1:
            for document in group:
                unpaired.append(Unpaired(document, f"{len(en)} English and {len(fr)} French versions share the code {key}"))
        else:
            rest += group

    english = [d for d in rest if d.language == "en"]
    french = [d for d in rest if d.language == "fr"]
    features = {d.id: _features(d, index) for d in english + french}
    candidates = []
    for a in english:
        for b in french:
            if a.date and b.date and a.date != b.date:
                continue
            body_a, body_b = body_of(a), body_of(b)
            if body_a and body_b and body_a != body_b:
                continue
            score = jaccard(features[a.id], features[b.id])
            if a.part and b.part and a.part == b.part:
                score += 0.05
            candidates.append((round(score, 3), a, b))
    candidates.sort(key=lambda item: (-item[0], item[1].id, item[2].id))

    # Each document's candidates, best first, to find a pair's closest rival quickly.
    options: dict[int, list[tuple[float, int]]] = {}
    for score, a, b in candidates:
        options.setdefault(a.id, []).append((score, b.id))
        options.setdefault(b.id, []).append((score, a.id))
    best = {ident: scores[0][0] for ident, scores in options.items()}
    used: set[int] = set()

    def best_free(ident: int, partner: int) -> float:
        return next((score for score, other in options[ident] if other != partner and other not in used), 0.0)

    for score, a, b in candidates:
        if score < MIN_CONFIDENCE:
            break
        if a.id in used or b.id in used:
            continue
        if score - max(best_free(a.id, b.id), best_free(b.id, a.id)) < MIN_MARGIN:
            continue  # another document is about as close: ambiguous, listed below
        used |= {a.id, b.id}
        pairs.append(Pair(a, b, "content", score))

    for document in english + french:
        if document.id in used:
            continue
        if document.id not in best:
            # no version in the other language from the same body on the same day
            reason = f"no {'French' if document.language == 'en' else 'English'} version this week"
        elif best.get(document.id, 0.0) < MIN_CONFIDENCE:
            reason = "no version in the other language says the same things"
        else:
            reason = "ambiguous: more than one version in the other language is as close"
        unpaired.append(Unpaired(document, reason))
    pairs.sort(key=lambda p: (p.en.date or "", p.key))
    unpaired.sort(key=lambda u: (u.document.date or "", u.document.id))
    return Pairing(pairs, unpaired)
