"""The language of the tool's own words: every label of the reports, the digest,
the trends and the email, in English (the default) or French.

Labels are gettext messages; the catalogs are ``.po`` files in
``hrc_report/locale/<lang>/LC_MESSAGES/hrc_report.po``, compiled by Babel when
first used (a few milliseconds), so the repository holds only text a translator
edits. ``scripts/update-catalog.py`` extracts the messages from the code and
templates and merges them into each catalog. Dates and numbers are written the
way each language writes them, by Babel's CLDR data.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import importlib.resources
import io

#: The languages a report can be written in; the first is the default.
LANGUAGES = ("en", "fr")
#: Babel's locale for each: the UN writes British English.
LOCALES = {"en": "en_GB", "fr": "fr_FR"}
DOMAIN = "hrc_report"


#: A colon as each language writes it: French puts a no-break space before it.
COLONS = {"en": ": ", "fr": "\u00a0: "}


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; it is translated where shown."""
    return message


def check_language(lang: str, where: str = "--lang") -> str:
    from .models import HrcReportError

    if lang not in LANGUAGES:
        raise HrcReportError(f"{where} {lang!r}: reports can be written in {' or '.join(LANGUAGES)}")
    return lang


def catalog_path(lang: str):
    return importlib.resources.files("hrc_report").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.po")


@functools.lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` (English is the messages themselves)."""
    if lang == LANGUAGES[0]:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_path(lang).open("rb") as stream:
        catalog = read_po(stream, locale=LOCALES[lang], domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def long_date(value: str | None, lang: str) -> str:
    """'2023-10-09' -> 'Monday, 9 October 2023' / 'lundi 9 octobre 2023'; other text as it is."""
    return _date(value, lang, "full")


def short_date(value: str | None, lang: str) -> str:
    """'2023-10-09' -> '9 Oct 2023' / '9 oct. 2023' (tables and charts)."""
    return _date(value, lang, "medium")


def _date(value: str | None, lang: str, length: str) -> str:
    if not value:
        return "—"
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    from babel.dates import format_date

    return format_date(day, format=length, locale=LOCALES[lang])


def number(value, lang: str, pattern: str | None = None) -> str:
    """1234.5 -> '1,234.5' / '1 234,5' (CLDR's grouping and decimal signs)."""
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(share: float, lang: str) -> str:
    """0.73 -> '73%' / '73 %'."""
    from babel.numbers import format_percent

    return format_percent(share, locale=LOCALES[lang])
