"""hrc-report: where the English and French summaries of a UN meeting differ.

The public API is what this module exposes.
"""

import logging

from .models import (
    Comparison,
    DiffRow,
    HrcReportError,
    ListComparison,
    NameMatch,
    Paragraph,
    Speaker,
    SpeakerEntry,
    SpeakerMismatch,
    Summary,
)

__version__ = "0.1.0"

__all__ = [
    "Comparison",
    "align_sections",
    "build_digest",
    "build_sections",
    "DiffRow",
    "HrcReportError",
    "ListComparison",
    "NameMatch",
    "Paragraph",
    "Speaker",
    "SpeakerEntry",
    "SpeakerMismatch",
    "Summary",
    "compare",
    "compare_summaries",
    "parse_summary",
    "render_html",
    "render_pdf",
    "resolve_speakers",
    "write_reports",
]

# The library logs; the command line decides where logs go.
logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name):
    # Keep `import hrc_report` light: WeasyPrint and the name index load on first use.
    if name in ("compare", "compare_summaries", "write_reports"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "parse_summary":
        from .parse import parse_summary

        return parse_summary
    if name in ("render_html", "render_pdf"):
        from . import render

        return getattr(render, name)
    if name == "build_digest":
        from .digest import build_digest

        return build_digest
    if name in ("align_sections", "build_sections"):
        from . import align

        return getattr(align, name)
    if name == "resolve_speakers":
        from .names import resolve_speakers

        return resolve_speakers
    raise AttributeError(name)
