"""The stages chained: read, parse, resolve names, compare, render, write."""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .align import align_sections, build_sections, state_runs
from .compare import compare_speakers
from .coverage import checkable, covered_shares, find_coverage
from .i18n import N_
from .models import Comparison, HeaderDifference, HrcReportError, SpeakerComparison, Summary, Uncertain
from .patterns import CODE, REPORT_SUBJECT, SENTENCE_OPENING, SPEAKING_CUE, SUBJECT_VERB
from .settings import DEFAULT, Settings
from .names import load_index, resolve_speakers, unify_ngos
from .output import prepare_folder, write_atomic
from .parse import parse_summary
from .report import dumps, to_json
from .source import read_source
from .web import LANGUAGE_NAMES, Fetcher, is_url, other_language_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """Defaults shared by the command line and the API."""

    #: every format of RENDERERS
    formats: tuple[str, ...] = field(default_factory=lambda: FORMATS)
    #: the language of the report's own words (labels, dates, numbers); the JSON is language-neutral
    lang: str = "en"


def parse_file(path: str | os.PathLike[str], settings: Settings = DEFAULT, fetcher=None, what: str = "the page") -> Summary:
    """Parse a summary file, or a published page when ``path`` is an http(s) URL."""
    index = load_index()
    if isinstance(path, str) and is_url(path):
        if fetcher is None:
            with Fetcher() as own:
                text = own.page(path, what).text
        else:
            text = fetcher.page(path, what).text
    else:
        text = read_source(path)
    summary = parse_summary(text, source=str(path), index=index, settings=settings)
    log.info(
        "%s: %s (langdetect), code %s, part %s, %d paragraphs, %d listed speakers",
        path, summary.language, summary.code or "none", summary.part or "unknown",
        len(summary.paragraphs), len(summary.speaker_entries),
    )
    return summary


def compare_summaries(
    first: Summary, second: Summary, settings: Settings = DEFAULT, force: bool = False, watch: tuple[str, ...] = ()
) -> Comparison:
    """Compare two parsed versions, given in either order.

    Two versions of different meetings (their codes differ, or no section of
    one aligns with any of the other) are refused unless ``force``.
    """
    if first.language == second.language:
        raise HrcReportError(
            f"{first.source} and {second.source} are both in "
            f"{'English' if first.language == 'en' else 'French'}: give one English and one French summary"
        )
    en, fr = (first, second) if first.language == "en" else (second, first)
    if not force and en.code and fr.code and _meeting_key(en.code) != _meeting_key(fr.code):
        raise HrcReportError(
            f"{en.source} ({en.code}) and {fr.source} ({fr.code}) are different meetings; --force compares them anyway"
        )
    index = load_index()
    speakers_en = _one_concerned_each(resolve_speakers(en.speaker_entries, "en", index))
    speakers_fr = _one_concerned_each(resolve_speakers(fr.speaker_entries, "fr", index))
    speakers_en, speakers_fr = unify_ngos(speakers_en, speakers_fr, index)
    # every State named anywhere, lists included (the contract of report.json)
    states_mentioned = {
        lang: sorted(set().union(*(p.states() for p in summary.paragraphs), index.states_in(summary.title)))
        for lang, summary in (("en", en), ("fr", fr))
    }
    lists = compare_speakers(speakers_en, speakers_fr, {
        "en": _in_unread_lists(en, index, settings, {s.id for s in speakers_en}),
        "fr": _in_unread_lists(fr, index, settings, {s.id for s in speakers_fr}),
    }, {"en": _report_subjects(en), "fr": _report_subjects(fr)})
    # a speaker missing from a copy cut short may be past its end
    lists = _whole_copies_only(lists, {"en": en.cut_off, "fr": fr.cut_off})
    sections_en, sections_fr = build_sections(en, index), build_sections(fr, index)
    alignment = align_sections(sections_en, sections_fr, settings)
    if not force and not _aligns(alignment, sections_en, sections_fr):
        raise HrcReportError(
            f"{en.source} and {fr.source} share no content: they look like different meetings; --force compares them anyway"
        )
    coverage, not_checked = checkable(
        # what only one version says is established only against a whole copy of the other
        find_coverage(sections_en, sections_fr, alignment, index, settings, _listed_speakers(speakers_en, speakers_fr)),
        {"en": en.cut_off or not en.closed, "fr": fr.cut_off or not fr.closed},
    )
    log.info(
        "%d EN and %d FR sections, %d links, %d coverage differences, %d speaker mismatches",
        len(sections_en), len(sections_fr), len(alignment.links), len(coverage), len(lists.mismatches),
    )
    comparison = Comparison(
        en=en,
        fr=fr,
        speakers_en=tuple(speakers_en),
        speakers_fr=tuple(speakers_fr),
        mismatches=lists.mismatches,
        lists=lists.lists,
        states_mentioned=states_mentioned,
        sections={"en": sections_en, "fr": sections_fr},
        alignment=alignment.links,
        coverage=coverage,
        covered=covered_shares(sections_en, sections_fr, alignment, coverage),
        uncertain=lists.uncertain,
        list_notes=lists.notes,
        header_differences=_header_differences(en, fr),
        not_checked=not_checked,
    )
    if watch:
        from .watch import watch_comparison

        comparison = replace(comparison, watch=watch_comparison(comparison, watch, index))
    return comparison


def _in_unread_lists(summary: Summary, index, settings: Settings, listed: set[str]) -> set[str]:
    """Ids named in sentences that look like speaker lists, read or not: States with a
    speaking cue (speakers.list_like), and known names of any kind where a speaking
    cue stands with two or more of them. A speaker the other version lists and this
    one names there is not established as missing (what was read is listed anyway).
    So are the States of a sentence with a speaking cue that names a listed speaker:
    a list the reader took only in part ("sont intervenus le Brésil, qui …, et le
    Mexique, qui …")."""
    from .speakers import list_like, names_in_list_like

    found: set[str] = set()
    for paragraph in summary.paragraphs:
        for number, sentence in enumerate(paragraph.sentences):
            states = paragraph.states([number])
            if list_like(sentence, len(states), settings) or (
                    states & listed and len(states) >= 2 and SPEAKING_CUE.search(sentence)):
                found |= states
            found |= {index.resolve(name).id for name in names_in_list_like(sentence, summary.language, index.known)}
            found |= _sentence_subjects(sentence, paragraph.sentence_spans(number))
    return found


def _sentence_subjects(sentence: str, spans) -> set[str]:
    """The States that open a sentence as its subject ("L'Arménie et Cuba ont mis l'accent
    sur …", "Cuba stressed …"): the version tells what they said, so a list of the other
    version naming them is not established as leaving them out."""
    runs = state_runs(sentence, spans, 1)
    if not runs or runs[0][0] > SENTENCE_OPENING.match(sentence).end() or not SUBJECT_VERB.match(sentence[runs[0][1]:]):
        return set()
    start, end = runs[0]
    return {span.id for span in spans if start <= span.start and span.end <= end}


def _whole_copies_only(lists: SpeakerComparison, partial: dict[str, bool]) -> SpeakerComparison:
    """Speakers missing from a version cut short are "could not compare": its list may go
    on past the copy's end ("…, Argentina, Iran, Sweden, Turkey, " at a page beginning's
    cut). A copy that only lacks the page's closing lines still ends on a whole sentence;
    its lists are read as they stand."""
    kept, unsure = [], list(lists.uncertain)
    for m in lists.mismatches:
        side = {"missing_in_en": "en", "missing_in_fr": "fr"}.get(m.issue)
        if side and partial[side]:
            unsure.append(Uncertain(m.list, m.id, N_("the other version's copy may end before its list does"), m.name_en, m.name_fr))
        else:
            kept.append(m)
    return replace(lists, mismatches=tuple(kept), uncertain=tuple(unsure))


def _listed_speakers(en: list, fr: list) -> dict[str, frozenset[str]]:
    """The ids each version lists as speakers, when both versions list speakers (the
    speaker lists are then compared); none otherwise."""
    if not en or not fr:
        return {"en": frozenset(), "fr": frozenset()}
    return {"en": frozenset(s.id for s in en), "fr": frozenset(s.id for s in fr)}


def _report_subjects(summary: Summary) -> set[str]:
    """States named in a sentence about reports ("after adopting its concluding
    observations on the reports of Uruguay, El Salvador, …"): their review is reported."""
    return {state for paragraph in summary.paragraphs for number, sentence in enumerate(paragraph.sentences)
            if REPORT_SUBJECT.search(sentence) for state in paragraph.states([number])}


def _one_concerned_each(speakers: list) -> list:
    """A State named as the country concerned in its own sentence and again in a
    list ("X, speaking as the country concerned, said …" / "X spoke as the country
    concerned.") is one speaker."""
    seen: set[str] = set()
    kept = []
    for speaker in speakers:
        if speaker.list == "concerned":
            if speaker.id in seen:
                continue
            seen.add(speaker.id)
        kept.append(speaker)
    return kept


def _meeting_key(code: str) -> str:
    """The code without its language letter and punctuation: HRC23.148E -> HRC23148."""
    match = CODE.match(code)
    return f"{match['body']}{match['year']}{int(match['number'])}" if match else code


def _aligns(alignment, en, fr) -> bool:
    """Do the two versions share anything? Short or list-only texts get the benefit of the doubt."""
    body = {s.id for s in en if s.kind == "body"}
    return len(body) + sum(s.kind == "body" for s in fr) < 4 or any(
        link.en in body and link.basis == "content" for link in alignment.links)


def _header_differences(en: Summary, fr: Summary) -> tuple[HeaderDifference, ...]:
    """Date and part of the day, when both versions give them and they differ."""
    return tuple(
        HeaderDifference(name, a, b)
        for name, a, b in (("date", en.date, fr.date), ("part", en.part, fr.part))
        if a and b and a != b
    )


def compare(
    first: str | os.PathLike[str], second: str | os.PathLike[str] | None = None, settings: Settings = DEFAULT,
    force: bool = False, refresh: bool = False, watch: tuple[str, ...] = (),
) -> Comparison:
    """Parse and compare two summaries (files or URLs, in either order).

    With one URL only, the other language's page is found by the sites' path
    rule (/en/ <-> /fr/) and fetched too; its language is checked from its text.
    """
    fetcher = Fetcher(refresh=refresh) if any(isinstance(x, str) and is_url(x) for x in (first, second)) else None
    try:
        one = parse_file(first, settings, fetcher)
        if second is None:
            if not (isinstance(first, str) and is_url(first)):
                raise HrcReportError(f"{first}: give the other language's version too (a file or URL), or a URL to find it from")
            lang = "fr" if one.language == "en" else "en"
            what = f"{LANGUAGE_NAMES[lang]} version"
            second = other_language_url(first, lang)
            two = parse_file(second, settings, fetcher, what)
            if two.language != lang:
                raise HrcReportError(f"the {what.split()[0]} page at {second} holds {LANGUAGE_NAMES[two.language]} text")
        else:
            two = parse_file(second, settings, fetcher)
    finally:
        if fetcher is not None:
            fetcher.close()
    return compare_summaries(one, two, settings, force, watch)


def parse_formats(text: str) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise HrcReportError(f"--format: unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    return wanted


class _Rendering:
    """One comparison's outputs, each made on demand and once (the PDF is made from the HTML)."""

    def __init__(self, comparison: Comparison, lang: str = "en"):
        self.comparison = comparison
        self.lang = lang

    @functools.cached_property
    def html_text(self) -> str:
        from .render import render_html

        return render_html(self.comparison, self.lang)


def _json(rendering: _Rendering) -> bytes:
    return dumps(to_json(rendering.comparison)).encode("utf-8")


def _html(rendering: _Rendering) -> bytes:
    return rendering.html_text.encode("utf-8")


def _pdf(rendering: _Rendering) -> bytes:
    from .render import render_pdf

    return render_pdf(rendering.html_text)


#: Output formats, by name, in the order they are written: a new format is one entry here.
RENDERERS = {"html": _html, "pdf": _pdf, "json": _json}
FORMATS = tuple(RENDERERS)


def write_reports(comparison: Comparison, folder: str | os.PathLike[str], options: Options = Options()) -> dict[str, Path]:
    """Render everything first, then write each file atomically."""
    folder = prepare_folder(folder)
    rendering = _Rendering(comparison, options.lang)
    rendered = {fmt: make(rendering) for fmt, make in RENDERERS.items() if fmt in options.formats}
    written = {}
    for fmt, data in rendered.items():
        path = folder / f"report.{fmt}"
        write_atomic(path, data)
        written[fmt] = path
    return written
