"""Render a comparison as HTML (Jinja2) and PDF (WeasyPrint, from the same HTML)."""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from . import i18n
from .i18n import N_
from .lists import ISSUE_TITLES, LIST_TITLES
from .models import Comparison
from .report import counts

log = logging.getLogger(__name__)

#: Section kinds shown side by side (lists have their own tables; links and the
#: disclaimer are the same in every release).
SHOWN_KINDS = ("body", "next_meeting")

STATUS_TITLES = {
    "same": N_("same"),
    "only_en": N_("only in EN"),
    "only_fr": N_("only in FR"),
    "on_behalf_differs": N_("on behalf differs"),
}
#: Coverage flag kinds, and the fact kinds a fact flag falls back on when it names no subject.
KIND_TITLES = {
    "topic": N_("topic"),
    "state": N_("State"),
    "number": N_("number"),
    "vote": N_("vote"),
    "date": N_("date"),
    "time": N_("time"),
}
#: A trend table's columns: the speaker-list issues, by which version lacks the speaker.
ISSUE_COLUMNS = {
    "missing_in_en": N_("not in English lists"),
    "missing_in_fr": N_("not in French lists"),
    "on_behalf_differs": N_("on behalf differs"),
}
PART_TITLES = {"morning": N_("morning"), "afternoon": N_("afternoon"), "midday": N_("midday"), "evening": N_("evening")}
#: Units the fact reader knows beyond the vocabulary's concepts.
UNIT_TITLES = {"percent": N_("per cent")}
#: Subjects of facts the tool names itself (the others are the documents' own words).
SUBJECT_TITLES = {"next meeting": N_("next meeting")}


def templates_folder() -> Path:
    """Inside an installed package, or the repository's templates/ when run from a checkout."""
    here = Path(__file__).parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "report.html").is_file():
            return candidate
    raise RuntimeError(f"hrc-report's templates are missing (looked in {here / 'templates'})")


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's compiled templates kept in the user cache folder: compiling them
    is 0.1 s of every cold run that writes HTML. Jinja2 checks each template's
    source checksum, so an edited template is compiled anew; a cache that cannot
    be written only costs that time again."""

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as error:
            log.info("compiled template not cached (%s)", error)


@functools.lru_cache(maxsize=None)
def _bytecode_cache(lang: str) -> jinja2.BytecodeCache | None:
    from .cache import key_of
    from .web import cache_folder

    # The environment's options (this file), Jinja2's version and the language
    # shape the compiled code: Jinja2 folds a filter on a constant
    # ({{ "only_fr"|status_title }}) into the translated text when it compiles.
    key = key_of([Path(__file__).read_bytes(), jinja2.__version__])
    folder = cache_folder() / "templates" / key / lang
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log.info("compiled templates not cached (%s)", error)
        return None
    return _TemplateCache(str(folder))


@functools.lru_cache(maxsize=None)
def environment(lang: str = "en") -> jinja2.Environment:
    """The templates, with the tool's words in ``lang`` (document text stays as written)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_folder())),
        # Document text is untrusted: escape it in every template but the
        # plain-text email part, where HTML escapes would show as-is.
        autoescape=jinja2.select_autoescape(disabled_extensions=("txt",), default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=_bytecode_cache(lang),
    )
    translation = i18n.translations(lang)
    env.install_gettext_translations(translation, newstyle=True)
    gettext = translation.gettext
    env.globals["ui_lang"] = lang
    env.globals["colon"] = i18n.COLONS[lang]
    # the translation alone, for messages that format their own values (pairing's reasons)
    env.globals["plain_gettext"] = gettext
    env.filters["list_title"] = lambda name: gettext(LIST_TITLES.get(name, name))
    env.filters["issue_title"] = lambda name: gettext(ISSUE_TITLES.get(name, name))
    env.filters["status_title"] = lambda name: gettext(STATUS_TITLES.get(name, name))
    env.filters["kind_title"] = lambda name: gettext(KIND_TITLES.get(name, name))
    env.filters["flag_kind_title"] = lambda name: gettext(ISSUE_COLUMNS.get(name) or KIND_TITLES.get(name, name))
    env.filters["part_title"] = lambda name: gettext(PART_TITLES[name]) if name in PART_TITLES else (name or "—")
    env.filters["about"] = lambda flag: describe_flag(flag, lang, gettext)
    env.filters["behalf"] = behalf
    env.filters["long_date"] = lambda value: i18n.long_date(value, lang)
    env.filters["short_date"] = lambda value: i18n.short_date(value, lang)
    env.filters["num"] = lambda value, pattern=None: i18n.number(value, lang, pattern)
    env.filters["percent"] = lambda share: i18n.percent(share, lang)
    env.filters["highlight"] = highlight
    env.filters["css_counters"] = css_counters
    return env


#: How each version writes "on behalf of" before a group kept as written with its article.
_BEHALF = {"en": ("on behalf of", re.compile(r"^(?:the|a|an)\s", re.I)),
           "fr": ("au nom", re.compile(r"^(?:de|du|des)\s|^d['’]", re.I))}


def behalf(group: str, lang: str) -> str:
    """"on behalf of the African Group" / « au nom du Groupe africain », as the version
    wrote it; a group the version put in brackets after the name ("Koweït (Conseil de
    coopération du Golfe)") stays in brackets, where no preposition is missing."""
    words, written = _BEHALF[lang]
    return f"{words} {group}" if written.match(group) else f"({group})"


def describe_flag(flag, lang: str, gettext) -> str:
    """What a coverage flag is about, in the report's language. ``flag`` is a
    CoverageFlag or its JSON (the digest reads the stored JSON)."""
    get = flag.get if isinstance(flag, dict) else lambda key: getattr(flag, key, None)
    kind = get("kind")
    if kind == "state":
        name = get("en") if get("only_in") == "en" else get("fr")
        where = gettext("named only in the English version") if get("only_in") == "en" else gettext("named only in the French version")
        return f"{name}{i18n.COLONS[lang]}{where}"
    if get("values") is None:
        return get("about")  # a topic: its key terms, words of the document
    if get("subject") in SUBJECT_TITLES:
        subject = gettext(SUBJECT_TITLES[get("subject")])
    elif get("subject"):
        subject = gettext("resolution on %(topic)s") % {"topic": get("subject")} if get("resolution") else get("subject")
    elif get("unit"):
        from .align import load_vocabulary

        unit = get("unit")
        subject = gettext(UNIT_TITLES[unit]) if unit in UNIT_TITLES else load_vocabulary().term(unit, lang)
    else:
        subject = gettext(KIND_TITLES.get(kind, kind))
    return f"{subject}{i18n.COLONS[lang]}{get('values')}"


def css_counters(message: str) -> Markup:
    """'Page %(page)s of %(pages)s' (translated) as a CSS content value with page counters."""
    parts = re.split(r"%\((page|pages)\)s", str(message))
    out = []
    for n, part in enumerate(parts):
        if n % 2:
            out.append(f"counter({part})")
        elif part:
            out.append('"' + part.replace("\\", "").replace('"', "") + '"')
    return Markup(" ".join(out))


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
    # what the view says of a link: its score, or why it holds when no score
    # could (two leads are linked because each opens its version)
    scores: dict[tuple[str, str], float | str] = {}
    for link in comparison.alignment:
        if link.fr in fr_by_id:
            links.setdefault(link.en, []).append(fr_by_id[link.fr])
            scores[(link.en, link.fr)] = link.basis if link.basis == "lead" else link.score
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


def render_html(comparison: Comparison, lang: str = "en") -> str:
    return environment(lang).get_template("report.html").render(
        c=comparison,
        counts=counts(comparison),
        list_titles=LIST_TITLES,
        rows=section_rows(comparison),
        marks=marks(comparison),
        header_differs={d.field for d in comparison.header_differences},
        watched_ids={w.id for w in comparison.watch},
        unsure_ids={(u.list, u.id) for u in comparison.uncertain},
    )


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    from .fetcher import url_fetcher

    # A fixed base URL: relative links never resolve against the user's folder.
    document = HTML(string=html, base_url="file:///nonexistent/", url_fetcher=url_fetcher())
    return document.write_pdf()
