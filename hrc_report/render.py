"""Render a comparison as HTML (Jinja2) and PDF (WeasyPrint, from the same HTML)."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from .models import Comparison
from .report import counts

LIST_TITLES = {
    "discussion": "Speakers in the discussion",
    "others": "Other speakers (national human rights institutions, UN bodies)",
    "ngos": "Non-governmental organizations",
    "right_of_reply": "Right of reply",
    "concerned": "Country concerned",
}
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
        # Document text is untrusted: escape everything, in every template.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["list_title"] = lambda name: LIST_TITLES.get(name, name)
    env.filters["issue_title"] = lambda name: ISSUE_TITLES.get(name, name)
    env.filters["status_title"] = lambda name: STATUS_TITLES.get(name, name)
    return env


def render_html(comparison: Comparison) -> str:
    return environment().get_template("report.html").render(
        c=comparison,
        counts=counts(comparison),
        list_titles=LIST_TITLES,
    )


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    from .fetcher import url_fetcher

    # A fixed base URL: relative links never resolve against the user's folder.
    document = HTML(string=html, base_url="file:///nonexistent/", url_fetcher=url_fetcher())
    return document.write_pdf()
