#!/usr/bin/env python3
"""Extract the tool's messages from the code and templates and merge them into
each language's catalog (hrc_report/locale/<lang>/LC_MESSAGES/hrc_report.po).

    python scripts/update-catalog.py          # update the catalogs; new messages come untranslated
    python scripts/update-catalog.py --check  # exit 1 if a catalog lacks a message or a translation

Messages are found by Babel: ``_()``, ``gettext()``, ``ngettext()`` and ``N_()``
in Python, the same calls in the Jinja2 templates. A translator edits the .po
file; nothing else needs building (the catalog is compiled when first used).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "hrc_report" / "locale"
LANGUAGES = ("fr",)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
JINJA = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}


def extract() -> Catalog:
    """Every message of the code and the templates, with where it is used."""
    template = Catalog(project="hrc-report", domain="hrc_report")
    sources = (
        (ROOT / "hrc_report", [("**.py", "python")], {}),
        (ROOT / "templates", [("**.html", "jinja2"), ("**.txt", "jinja2"), ("**.css", "jinja2")],
         {"**.html": JINJA, "**.txt": JINJA, "**.css": JINJA}),
    )
    for folder, method_map, options_map in sources:
        for filename, line, message, comments, context in extract_from_dir(
            folder, method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True
        ):
            where = (str((folder / filename).relative_to(ROOT)), line)
            template.add(message, None, [where], auto_comments=comments, context=context)
    return template


def catalog_file(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "hrc_report.po"


def problems(lang: str, template: Catalog) -> list[str]:
    """What a catalog lacks: messages not in it, or in it untranslated."""
    with catalog_file(lang).open("rb") as stream:
        catalog = read_po(stream, locale=lang)
    found = []
    for message in template:
        if not message.id:
            continue
        known = catalog.get(message.id)
        if known is None:
            found.append(f"{lang}: missing {message.id!r}")
        elif not (all(known.string) if isinstance(known.string, tuple) else known.string) or known.fuzzy:
            found.append(f"{lang}: untranslated {message.id!r}")
    return found


def update(lang: str, template: Catalog) -> None:
    path = catalog_file(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        with path.open("rb") as stream:
            catalog = read_po(stream, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="hrc-report", domain="hrc_report")
    catalog.update(template, no_fuzzy_matching=True)
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, ignore_obsolete=True, include_previous=False)
    path.write_bytes(out.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report what the catalogs lack; change nothing")
    args = parser.parse_args()
    template = extract()
    if args.check:
        found = [problem for lang in LANGUAGES for problem in problems(lang, template)]
        print("\n".join(found) or f"catalogs complete: {sum(1 for m in template if m.id)} messages")
        return 1 if found else 0
    for lang in LANGUAGES:
        update(lang, template)
        print(f"updated {catalog_file(lang).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
