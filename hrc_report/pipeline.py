"""The stages chained: read, parse, resolve names, compare, render, write."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .align import align_sections, build_sections
from .compare import compare_speakers
from .coverage import covered_share, find_coverage
from .models import Comparison, HrcReportError, Summary
from .names import load_index, resolve_speakers, unify_ngos
from .output import prepare_folder, write_atomic
from .parse import parse_summary
from .report import dumps, to_json, validate
from .source import read_source

FORMATS = ("html", "pdf", "json")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """Defaults shared by the command line and the API."""

    formats: tuple[str, ...] = FORMATS


def parse_file(path: str | os.PathLike[str]) -> Summary:
    index = load_index()
    summary = parse_summary(read_source(path), source=str(path), is_known=index.__contains__)
    log.info(
        "%s: %s (langdetect), code %s, part %s, %d paragraphs, %d listed speakers",
        path, summary.language, summary.code or "none", summary.part or "unknown",
        len(summary.paragraphs), len(summary.speaker_entries),
    )
    return summary


def compare_summaries(first: Summary, second: Summary) -> Comparison:
    """Compare two parsed versions, given in either order."""
    if first.language == second.language:
        raise HrcReportError(
            f"{first.source} and {second.source} are both in "
            f"{'English' if first.language == 'en' else 'French'}: give one English and one French summary"
        )
    en, fr = (first, second) if first.language == "en" else (second, first)
    index = load_index()
    speakers_en = resolve_speakers(en.speaker_entries, "en", index)
    speakers_fr = resolve_speakers(fr.speaker_entries, "fr", index)
    speakers_en, speakers_fr = unify_ngos(speakers_en, speakers_fr)
    lists, mismatches = compare_speakers(speakers_en, speakers_fr)
    sections_en, sections_fr = build_sections(en, index), build_sections(fr, index)
    alignment = align_sections(sections_en, sections_fr)
    coverage = find_coverage(sections_en, sections_fr, alignment, index)
    log.info(
        "%d EN and %d FR sections, %d links, %d coverage differences, %d speaker mismatches",
        len(sections_en), len(sections_fr), len(alignment.links), len(coverage), len(mismatches),
    )
    return Comparison(
        en=en,
        fr=fr,
        speakers_en=tuple(speakers_en),
        speakers_fr=tuple(speakers_fr),
        mismatches=tuple(mismatches),
        lists=tuple(lists),
        states_mentioned={
            "en": index.states_in("\n".join([en.title, en.body_text()])),
            "fr": index.states_in("\n".join([fr.title, fr.body_text()])),
        },
        sections={"en": sections_en, "fr": sections_fr},
        alignment=alignment.links,
        coverage=coverage,
        covered={
            "en": round(covered_share(sections_en, coverage, "en"), 3),
            "fr": round(covered_share(sections_fr, coverage, "fr"), 3),
        },
    )


def compare(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> Comparison:
    """Parse and compare two summary files, given in either order."""
    return compare_summaries(parse_file(first), parse_file(second))


def parse_formats(text: str) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise HrcReportError(f"--format: unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    return wanted


def write_reports(comparison: Comparison, folder: str | os.PathLike[str], options: Options = Options()) -> dict[str, Path]:
    """Render everything first, then write each file atomically."""
    from .render import render_html, render_pdf

    folder = prepare_folder(folder)
    rendered: dict[str, bytes] = {}
    if "json" in options.formats:
        data = to_json(comparison)
        validate(data)
        rendered["json"] = dumps(data).encode("utf-8")
    if "html" in options.formats or "pdf" in options.formats:
        html = render_html(comparison)
        if "html" in options.formats:
            rendered["html"] = html.encode("utf-8")
        if "pdf" in options.formats:
            rendered["pdf"] = render_pdf(html)
    written = {}
    for fmt in FORMATS:
        if fmt in rendered:
            path = folder / f"report.{fmt}"
            write_atomic(path, rendered[fmt])
            written[fmt] = path
    return written
