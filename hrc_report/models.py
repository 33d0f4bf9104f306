"""Plain dataclasses passed from one stage to the next.

parse -> (Summary with SpeakerEntry) -> names -> (Speaker) -> compare ->
(Comparison) -> render. The JSON report is a Comparison serialised by
:mod:`hrc_report.report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable


class HrcReportError(Exception):
    """A problem the user can fix: bad input, an unwritable folder.

    The CLI prints it as one line and exits with status 2.
    """

    exit_code = 2


@dataclass(frozen=True)
class Span:
    """An entity found in a paragraph's text by the reader's one scan."""

    #: what it is: "state"
    kind: str
    id: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    index: int
    #: body, heading, speakers, next_meeting, links, disclaimer, separator
    kind: str
    text: str
    #: 1-based line of the source file where the paragraph starts
    line: int
    #: the paragraph's sentences, split once by the reader and shared by every stage
    sentences: tuple[str, ...] = ()
    #: indices of the sentences that are speaker lists (not prose to compare)
    list_sentences: tuple[int, ...] = ()
    #: the entities named in the text (found once, by the reader)
    spans: tuple[Span, ...] = ()
    #: where each sentence starts in ``text``
    sentence_starts: tuple[int, ...] = ()

    def states(self, sentences: Iterable[int] | None = None) -> frozenset[str]:
        """Ids of the States named in the paragraph, or in the given sentences only."""
        if sentences is None:
            return frozenset(s.id for s in self.spans if s.kind == "state")
        bounds = list(self.sentence_starts) + [len(self.text)]
        ranges = [(bounds[n], bounds[n + 1]) for n in sentences]
        return frozenset(s.id for s in self.spans if s.kind == "state" and any(a <= s.start < b for a, b in ranges))

    def sentence_spans(self, n: int) -> tuple[Span, ...]:
        """The State spans of sentence ``n``, with offsets in that sentence."""
        if not self.sentence_starts:
            return ()
        start = self.sentence_starts[n]
        end = start + len(self.sentences[n])
        return tuple(Span(s.kind, s.id, s.start - start, s.end - start)
                     for s in self.spans if s.kind == "state" and start <= s.start and s.end <= end)


@dataclass(frozen=True)
class Fact:
    """A number, date, time or vote in a paragraph, comparable across languages."""

    kind: str  # number, time, date, vote
    value: tuple
    #: what a reader sees: the words in the text
    text: str
    start: int
    end: int
    #: for numbers: the unit word after the count (its vocabulary concept when known)
    unit: str | None = None
    approximate: bool = False


@dataclass(frozen=True)
class Section:
    """A unit of one version that the alignment links: a paragraph under its heading."""

    id: str
    lang: str
    kind: str
    heading: str | None
    text: str
    #: the prose sentences (speaker-list sentences left out)
    sentences: tuple[str, ...]
    anchors: frozenset[str] = frozenset()
    concepts: frozenset[str] = frozenset()
    #: numbers, dates, times and votes in the text
    facts: tuple[Fact, ...] = ()
    #: ids of the States named in its prose (body sections only)
    states: frozenset[str] = frozenset()
    #: ids of every State it names, lists included
    mentioned: frozenset[str] = frozenset()
    #: per prose sentence, the States it names
    sentence_states: tuple[frozenset[str], ...] = ()
    #: per prose sentence, what the encoder reads: the sentence without its lists of names
    encoder_sentences: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    en: str
    fr: str
    score: float
    cosine: float
    #: why the sections are linked: "content" (they say the same) or "lead" (both
    #: open the summary, which says when and what: a link by structure; and any
    #: two leads of one kind of meeting read alike, "The Council held a dialogue
    #: with the Special Rapporteur on …", so it is no evidence of one meeting)
    basis: str = "content"


@dataclass(frozen=True)
class CoverageFlag:
    """Something one version says that the other does not, or says differently."""

    #: topic, state, number, vote, date, time
    kind: str
    #: "en" or "fr"; None when both speak of it but disagree
    only_in: str | None
    en: str | None
    fr: str | None
    about: str
    #: "en"/"fr" -> the section ids it stands in
    sections: dict[str, list[str]]
    #: for facts: the whole sentence holding each value, so a reader can check
    sentence_en: str | None = None
    sentence_fr: str | None = None
    #: the States the flagged passage names (not in the JSON)
    states: frozenset[str] = frozenset()
    #: for facts, the parts of ``about`` (which is English) so a report in another
    #: language can say it: a document symbol or the topic of "resolution on …" as
    #: written, the unit, and the two values
    subject: str | None = None
    resolution: bool = False
    unit: str | None = None
    values: str | None = None

    def to_json(self) -> dict:
        data = {"kind": self.kind, "only_in": self.only_in, "en": self.en, "fr": self.fr,
                "about": self.about, "sections": self.sections}
        if self.sentence_en is not None or self.sentence_fr is not None:
            data.update(sentence_en=self.sentence_en, sentence_fr=self.sentence_fr)
        if self.values is not None:
            data.update(subject=self.subject, resolution=self.resolution, unit=self.unit, values=self.values)
        return data


@dataclass(frozen=True)
class SpeakerEntry:
    """One name as the parser found it in a speaker list, not yet resolved."""

    #: the list the sentence introduces: discussion, others, ngos, right_of_reply, concerned
    context: str
    name: str
    on_behalf_of: str | None
    line: int
    #: named in a sentence that tells what the speaker said ("The representative of
    #: Egypt also recalled …"), not in a list: a second such mention is the same speaker
    told: bool = False


@dataclass(frozen=True)
class Summary:
    """One language version of a meeting summary, as parsed."""

    source: str
    language: str
    language_detected: str
    code: str | None
    title: str
    part: str | None
    date: str | None
    label: str | None
    paragraphs: tuple[Paragraph, ...]
    speaker_entries: tuple[SpeakerEntry, ...]
    #: what the reader could not establish, for the user ("no closing code found")
    warnings: tuple[str, ...] = ()
    #: the text stops mid-sentence with no closing lines: a copy cut short
    cut_off: bool = False
    #: the page's closing lines (code or disclaimer) are there; without them (a
    #: mirror's copy, a page beginning) the copy may end before the page does
    closed: bool = True
    #: which body met ("HRC", "CAT", "CD") and its session ("HRC54"), when the text says
    body_name: str | None = None
    session: str | None = None

    @property
    def url(self) -> str | None:
        """The published page's address, when the summary was fetched from one."""
        return self.source if self.source.startswith(("http://", "https://")) else None

    def body_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class NameMatch:
    name: str
    id: str
    kind: str
    #: exact, fuzzy, pattern (NHRI by its wording), new (an NGO seen for the first time), unresolved
    method: str
    score: float


@dataclass(frozen=True)
class Speaker:
    list: str
    name: str
    id: str
    kind: str
    on_behalf_of: str | None
    on_behalf_of_id: str | None
    match: str = "exact"
    line: int = 0
    #: False when the "on behalf of" words name no group the resolver knows
    on_behalf_known: bool = True

    @property
    def certain(self) -> bool:
        """Resolved to a known entity (not a new NGO name, not unresolved). A national
        institution known by its wording alone, with no State found in its name
        ("nhri:the-national-human-rights-commission-of-korea"), may be the other
        version's institution of a State: not certain."""
        if self.match == "pattern":
            return not self.id.startswith("nhri:") or self.id[5:].isupper()
        return self.match in ("exact", "fuzzy")


@dataclass(frozen=True)
class SpeakerMismatch:
    list: str
    id: str
    #: missing_in_en, missing_in_fr, on_behalf_differs
    issue: str
    name_en: str | None
    name_fr: str | None
    on_behalf_en: str | None = None
    on_behalf_fr: str | None = None


@dataclass(frozen=True)
class Uncertain:
    """A possible difference the tool cannot establish: it says "could not compare"."""

    list: str
    id: str
    why: str
    name_en: str | None
    name_fr: str | None


@dataclass(frozen=True)
class ListNote:
    """A whole list (or, with ``list`` None, every list) that one version lacks."""

    list: str | None
    #: the version without it: "en" or "fr"
    missing_in: str


@dataclass(frozen=True)
class DiffRow:
    """One row of the side-by-side speaker table, in diff order."""

    #: same, only_en, only_fr, on_behalf_differs
    status: str
    id: str
    en: Speaker | None
    fr: Speaker | None
    #: present on both sides but at another place in the order
    moved: bool = False


@dataclass(frozen=True)
class ListComparison:
    list: str
    rows: tuple[DiffRow, ...]
    count_en: int
    count_fr: int
    #: None when the list is present in only one version
    order_differs: bool | None


@dataclass(frozen=True)
class HeaderDifference:
    field: str
    en: str
    fr: str


@dataclass(frozen=True)
class SpeakerComparison:
    lists: tuple[ListComparison, ...]
    mismatches: tuple[SpeakerMismatch, ...]
    uncertain: tuple[Uncertain, ...]
    notes: tuple[ListNote, ...]


@dataclass(frozen=True)
class Comparison:
    en: Summary
    fr: Summary
    speakers_en: tuple[Speaker, ...]
    speakers_fr: tuple[Speaker, ...]
    mismatches: tuple[SpeakerMismatch, ...]
    lists: tuple[ListComparison, ...]
    states_mentioned: dict[str, list[str]] = field(default_factory=dict)
    #: "en"/"fr" -> Section units, in document order
    sections: dict[str, list[Section]] = field(default_factory=lambda: {"en": [], "fr": []})
    #: one Link per linked pair of sections
    alignment: list[Link] = field(default_factory=list)
    #: what one version covers and the other does not, most important first
    coverage: list[CoverageFlag] = field(default_factory=list)
    #: "en"/"fr" -> share of that version's body text the other version covers too
    covered: dict[str, float] = field(default_factory=dict)
    #: possible speaker differences the tool could not establish
    uncertain: tuple[Uncertain, ...] = ()
    #: lists one version lacks entirely (said once, not as one mismatch per speaker)
    list_notes: tuple[ListNote, ...] = ()
    #: header fields (date, part) the two versions give differently
    header_differences: tuple["HeaderDifference", ...] = ()
    #: "only in" coverage flags withheld because the other version is cut off
    #: (what it would have said past the cut cannot be known), per version they were about
    not_checked: dict[str, int] = field(default_factory=dict)
    #: watch.Watched, one per watched speaker, when a watch list was given
    watch: tuple = ()

    @property
    def code(self) -> str:
        codes = [c for c in (self.en.code, self.fr.code) if c]
        return " / ".join(codes) if codes else "no code"
