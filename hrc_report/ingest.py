"""Put summaries into the archive: files and folders of .txt and saved .html pages."""

from __future__ import annotations

from contextlib import nullcontext

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .archive import Archive
from .models import HrcReportError
from .web import Fetcher, is_url
from .names import load_index
from .parse import parse_summary
from .source import HTML_SUFFIXES, read_source

SUFFIXES = (".txt",) + HTML_SUFFIXES


@dataclass(frozen=True)
class Ingested:
    path: str
    #: added, unchanged, refused
    status: str
    detail: str = ""


def files_under(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The files named, and the summary files inside the folders named, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def check_date(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise HrcReportError(f"--date {text!r}: expected a date such as 2023-10-11") from None


def ingest(archive: Archive, paths: Iterable[str | os.PathLike[str]], date: str | None = None, refresh: bool = False) -> list[Ingested]:
    """Parse and store each file or published page (http/https URL); one that is
    not a summary is refused, the others go on."""
    index = load_index()
    results = []
    urls = [p for p in paths if isinstance(p, str) and is_url(p)]
    files = [p for p in paths if not (isinstance(p, str) and is_url(p))]
    with Fetcher(refresh=refresh) if urls else nullcontext() as fetcher:
        for source in [*urls, *files_under(files)]:
            try:
                text = fetcher.page(source).text if isinstance(source, str) else read_source(source)
                summary = parse_summary(text, str(source), index=index)
            except HrcReportError as error:
                results.append(Ingested(str(source), "refused", str(error)))
                continue
            _, new = archive.add(
                text=text, source=str(source), language=summary.language, code=summary.code, title=summary.title,
                part=summary.part, date=summary.date or date,
                body=summary.body_text(), date_from="document" if summary.date else "given" if date else None,
            )
            where = summary.code or "no code"
            when = summary.date or date or "no date: give --date, or it is in no week"
            results.append(Ingested(str(source), "added" if new else "unchanged", f"{summary.language}, {where}, {when}"))
    return results
