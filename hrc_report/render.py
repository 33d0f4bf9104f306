"""Render a comparison as HTML (Jinja2) and PDF (WeasyPrint, from the same HTML)."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .lists import LIST_TITLES
from .models import Comparison
from .report import counts

#: Section kinds shown side by side (lists have their own tables; links and the
#: disclaimer are the same in every release).
SHOWN_KINDS = ("body", "next_meeting")

ISSUE_TITLES = {
    "missing_in_fr": "only in English",
    "missing_in_en": "only in French",
    "on_behalf_differs": "“on behalf of” differs",
}
STATUS_TITLES = {
    "same": "same",
    "only_en": "only in EN",
    "only_fr": "only in FR",
    "on_behalf_differs": "on behalf differs",
}


def templates_folder() -> Path:
    """Inside an installed package, or the repository's templates/ when run from a checkout."""
    here = Path(__file__).parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "report.html").is_file():
            return candidate
    raise RuntimeError(f"hrc-report's templates are missing (looked in {here / 'templates'})")


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_folder())),
        # Document text is untrusted: escape it in every template but the
        # plain-text email part, where HTML escapes would show as-is.
        autoescape=jinja2.select_autoescape(disabled_extensions=("txt",), default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["list_title"] = lambda name: LIST_TITLES.get(name, name)
    env.filters["issue_title"] = lambda name: ISSUE_TITLES.get(name, name)
    env.filters["status_title"] = lambda name: STATUS_TITLES.get(name, name)
    env.filters["highlight"] = highlight
    return env


def highlight(text: str, phrases) -> Markup:
    """Escape ``text`` and wrap each phrase from ``phrases`` in <mark>."""
    spans = []
    for phrase in phrases:
        if not phrase:
            continue
        start = text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + len(phrase))
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out += [escape(text[position:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def section_rows(comparison: Comparison) -> list[dict]:
    """One row per English section with its French counterparts; French sections
    with no counterpart sit after the row holding their French predecessor."""
    en = [s for s in comparison.sections["en"] if s.kind in SHOWN_KINDS]
    fr = [s for s in comparison.sections["fr"] if s.kind in SHOWN_KINDS]
    fr_by_id = {s.id: s for s in fr}
    links: dict[str, list] = {}
    scores: dict[tuple[str, str], float] = {}
    for link in comparison.alignment:
        if link.fr in fr_by_id:
            links.setdefault(link.en, []).append(fr_by_id[link.fr])
            scores[(link.en, link.fr)] = link.score
    linked_fr = {s.id for group in links.values() for s in group}
    rows = [{"en": s, "fr": links.get(s.id, []), "scores": [scores[(s.id, f.id)] for f in links.get(s.id, [])]} for s in en]
    for position, section in enumerate(fr):
        if section.id in linked_fr:
            continue
        before = {f.id for f in fr[:position]}
        at = 0
        for index, row in enumerate(rows):
            if any(f.id in before for f in row["fr"]):
                at = index + 1
        rows.insert(at, {"en": None, "fr": [section], "scores": []})
    return rows


def marks(comparison: Comparison) -> dict[str, list[str]]:
    """Section id -> the words behind its coverage flags."""
    found: dict[str, list[str]] = {}
    for flag in comparison.coverage:
        for lang in ("en", "fr"):
            for section_id in flag.sections[lang]:
                if getattr(flag, lang):
                    found.setdefault(section_id, []).append(getattr(flag, lang))
    return found


def render_html(comparison: Comparison) -> str:
    return environment().get_template("report.html").render(
        c=comparison,
        counts=counts(comparison),
        list_titles=LIST_TITLES,
        rows=section_rows(comparison),
        marks=marks(comparison),
        header_differs={d.field for d in comparison.header_differences},
        watched_ids={w.id for w in comparison.watch},
    )


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    from .fetcher import url_fetcher

    # A fixed base URL: relative links never resolve against the user's folder.
    document = HTML(string=html, base_url="file:///nonexistent/", url_fetcher=url_fetcher())
    return document.write_pdf()
