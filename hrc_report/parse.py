"""Parse the plain text of a meeting summary, English or French.

The text is what a browser copy or an extractor gives of the published page:
navigation line, title (maybe with "MORNING - "), label, body paragraphs,
speaker lists, the next-meeting line, the disclaimer and the closing code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import patterns as P
from .language import detect_language
from .models import HrcReportError, Paragraph, Span, SpeakerEntry, Summary
from .normalise import name_key
from .sentences import split_sentences
from .settings import DEFAULT, Settings
from .speakers import extract_lists

#: A title or heading is short; a body paragraph is not.
MAX_HEADING = 160
#: The longest summaries (a day of Universal Periodic Review outcomes) run to
#: about 60,000 characters; four times that is still a summary, more is not,
#: and would make the alignment stage slow.
MAX_CHARS = 250_000
#: A meeting hears a few hundred speakers at the most.
MAX_SPEAKERS = 2_000


@dataclass
class _Block:
    line: int
    text: str


def _blocks(text: str) -> list[_Block]:
    """Paragraphs separated by blank lines (a line of spaces or NBSP is blank).

    Text with no blank line at all (some extractors) has one paragraph per line.
    """
    lines = text.split("\n")
    has_blank = any(not line.strip() for line in lines[:-1]) if len(lines) > 1 else False
    blocks: list[_Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append(_Block(start, " ".join(current)))
                current = []
            continue
        if not has_blank or _stands_alone(stripped):
            # A label, date or part line next to a sub-title is a block of its own.
            if current:
                blocks.append(_Block(start, " ".join(current)))
                current = []
            blocks.append(_Block(number, stripped))
            continue
        if not current:
            start = number
        current.append(stripped)
    if current:
        blocks.append(_Block(start, " ".join(current)))
    for block in blocks:
        block.text = re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", block.text)
    return blocks


def _stands_alone(line: str) -> bool:
    line = re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", line)
    # a line of site furniture too ("Pays", "Voir l'original" around a copied page)
    return bool(P.NAVIGATION.match(line) or P.LABEL.match(line) or P.DATE_LINE.match(line) or P.PART_LINE.match(line)
                or P.BREADCRUMB.match(line) or P.SITE_FURNITURE.match(line))


def _date(day: str, month: str, year: str) -> str | None:
    month = month.lower()
    for months in (P.EN_MONTHS, P.FR_MONTHS):
        names = [m.replace("é", "e").replace("û", "u") for m in months]
        plain = month.replace("é", "e").replace("û", "u")
        if plain in names:
            number = names.index(plain) + 1
            if 1 <= int(day) <= 31:
                return f"{int(year):04d}-{number:02d}-{int(day):02d}"
    return None


def _kind(text: str) -> str:
    if P.SEPARATOR.match(text):
        return "separator"
    if P.DISCLAIMER.match(text):
        return "disclaimer"
    if P.NEXT_MEETING.match(text):
        return "next_meeting"
    if P.LINKS.match(text):
        return "links"
    if len(text) <= MAX_HEADING and not text.rstrip().endswith((".", ":", ";", ",", "»", '"')) and len(text.split()) <= 14:
        return "heading"
    return "body"


@dataclass
class _Header:
    title: str = ""
    part: str | None = None
    date: str | None = None
    label: str | None = None
    #: index of the first block after the header
    end: int = 0


def parse_summary(text: str, source: str = "<text>", index=None, settings: Settings = DEFAULT) -> Summary:
    """Parse one summary: header, paragraphs, language, speaker lists.

    ``index`` is the name resolver (default: the bundled one); speaker lists
    are found by the names they hold. Raises :class:`HrcReportError` when the
    text is not an English or French meeting summary.
    """
    if len(text) > MAX_CHARS:
        raise HrcReportError(
            f"{source}: {len(text):,} characters is more than a meeting summary holds (limit {MAX_CHARS:,})"
        )
    if index is None:
        from .names import load_index

        index = load_index()
    blocks = _blocks(text)
    if not blocks:
        raise HrcReportError(f"{source}: the file is empty")
    code, code_match = _take_code(text, blocks)
    header = _read_header(blocks)
    paragraphs, date = _paragraphs(blocks[header.end:], header.date)
    body = [p.text for p in paragraphs if p.kind == "body"]
    language = _language(body or [header.title], code, code_match, source)
    paragraphs, entries = _find_lists(paragraphs, language, index, settings, source)
    if not _is_summary(code, header, paragraphs, entries, body):
        raise HrcReportError(
            f"{source}: not a meeting summary (no closing code, label, speaker list, next-meeting line, "
            f"disclaimer or lead naming the Council, a Committee or the Conference found)"
        )
    warnings = () if code else (f"{source}: no closing code found (a copy that lost it?); read without one",)
    cut_off = _cut_off(code, paragraphs)
    if cut_off:
        warnings += (f"{source}: the text stops mid-sentence: a copy cut short; what it would say past the cut is not compared",)
    body_name, session = body_and_session(code_match, header.title, body, language)
    return Summary(
        source=source,
        language=language,
        language_detected=language,
        code=code,
        title=header.title,
        part=header.part or _part_in_lead(body),
        date=date,
        label=header.label,
        paragraphs=tuple(paragraphs),
        speaker_entries=tuple(entries),
        warnings=warnings,
        cut_off=cut_off,
        closed=bool(code) or any(p.kind == "disclaimer" for p in paragraphs),
        body_name=body_name,
        session=session,
    )


def _take_code(text: str, blocks: list[_Block]):
    """The closing code on the last line (removed from the blocks), or None."""
    last_line = text.rstrip().rsplit("\n", 1)[-1].strip()
    tail = P.CODE_AT_END.search(last_line)
    if not tail:
        return None, None
    code = tail["code"]
    last = blocks[-1]
    remainder = last.text[: -len(code)].strip()
    if remainder:
        last.text = remainder
    else:
        blocks.pop()
    return code, P.CODE.match(code)


def _is_furniture(text: str) -> bool:
    return bool(P.NAVIGATION.match(text) or P.BREADCRUMB.match(text) or P.SITE_FURNITURE.match(text))


def _read_header(blocks: list[_Block]) -> _Header:
    """Navigation, breadcrumbs, headline, label, date line and part line, in any order.

    The headline is the first short block that names the body or what it did
    (or, failing that, the first short block that is not site furniture).
    """
    header = _Header()
    lead = next((i for i, b in enumerate(blocks) if is_lead(b.text)), len(blocks))
    # the headline comes before the body: before the lead, and before any block as long as
    # a paragraph (a lead in a shape of its own, "La Fédération de Russie mène …")
    body = next((i for i, b in enumerate(blocks) if len(b.text) > 400), len(blocks))
    candidates = list(range(min(lead, body, 12)))
    titles = [i for i in candidates if not _is_furniture(blocks[i].text) and not _header_line(blocks[i].text)]
    named = [i for i in titles if P.HEADLINE_HINT.search(blocks[i].text)]
    # a headline in capitals is the page's own, before any sub-title that names the body
    # ("DES INSTRUMENTS MAJEURS … ONT ÉTÉ ABANDONNÉS", then "Tel est le constat … à la Conférence")
    capitals = [i for i in titles if _in_capitals(blocks[i].text)]
    title_at = (capitals or named or titles or [None])[0]
    if title_at is None:
        header.end = 1 if blocks and P.NAVIGATION.match(blocks[0].text) else 0
        return header
    header.title = blocks[title_at].text
    prefix = P.TITLE_PART_PREFIX.match(header.title)
    if prefix:
        header.part = P.PART_WORDS.get(prefix["part"].lower())
        header.title = header.title[prefix.end():]
    for i in candidates:
        if i == title_at:
            continue
        if i > title_at and not _header_line(blocks[i].text) and not _is_furniture(blocks[i].text):
            break  # a sub-title: it starts the body
        _read_header_line(blocks[i].text, header)
        header.end = i + 1
    header.end = max(header.end, title_at + 1)
    return header


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _header_line(text: str) -> bool:
    return bool(P.LABEL.match(text) or P.DATE_LINE.match(text) or P.PART_LINE.match(text))


def _read_header_line(text: str, header: _Header) -> None:
    if P.LABEL.match(text) and header.label is None:
        header.label = text
    elif (m := P.DATE_LINE.match(text)) and header.date is None:
        header.date = _date(m["day"], m["month"], m["year"])
    elif (m := P.PART_LINE.match(text)) and header.part is None:
        header.part = P.PART_WORDS.get(m["part"].lower())
    elif P.BREADCRUMB.match(text) and header.label is None and not P.NAVIGATION.match(text):
        header.label = text


def is_lead(text: str) -> bool:
    """The first sentence of the body: long, and says which body met."""
    text = P.DATELINE.sub("", text)
    # A long headline also names the Council; a lead is a sentence and ends like one.
    return len(text) > 120 and text.rstrip().endswith((".", ":")) and bool(P.LEAD_BODY.search(text[:300]))


def _paragraphs(blocks: list[_Block], date: str | None) -> tuple[list[Paragraph], str | None]:
    """Body blocks with their kinds; a "GENEVA (20 June 2017) -" dateline gives the date."""
    paragraphs: list[Paragraph] = []
    for block in blocks:
        body = block.text
        if not any(p.kind == "body" for p in paragraphs) and (m := P.DATELINE.match(body)):
            date = date or _date(m["day"], m["month"], m["year"])
            body = body[m.end():]
        paragraphs.append(Paragraph(len(paragraphs), _kind(body), body, block.line))
    return _subtitle_before_lead(paragraphs), date


#: A sub-title is at most this long; longer text before the lead is body.
MAX_SUBTITLE = 300


def _subtitle_before_lead(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A short paragraph between the title and the lead is the sub-title, even when it
    ends like a sentence ("Il entend une déclaration du Sous-Secrétaire …."): it
    announces the section that follows, and is not a passage of its own."""
    body = [n for n, p in enumerate(paragraphs) if p.kind == "body"]
    if len(body) < 2:
        return paragraphs
    first, second = paragraphs[body[0]], paragraphs[body[1]]
    if len(first.text) <= MAX_SUBTITLE and not is_lead(first.text) and is_lead(second.text):
        paragraphs[body[0]] = Paragraph(first.index, "heading", first.text, first.line)
    return paragraphs


def _language(body: list[str], code, code_match, source: str) -> str:
    language, _ = detect_language(body)
    code_language = {"E": "en", "F": "fr"}[code_match["lang"]] if code_match else None
    if language is None:
        raise HrcReportError(f"{source}: too little running text to tell its language (English or French expected)")
    if language not in ("en", "fr"):
        raise HrcReportError(f"{source}: the text is in '{language}', not English or French")
    if code_language and code_language != language:
        raise HrcReportError(
            f"{source}: the closing code {code} says {code_language.upper()} but the text reads as {language.upper()}"
        )
    return language


def _find_lists(paragraphs: list[Paragraph], language: str, index, settings: Settings, source: str):
    """Split each paragraph into sentences once, and read its speaker lists."""
    final: list[Paragraph] = []
    entries: list[SpeakerEntry] = []
    lead = next((p.index for p in paragraphs if p.kind == "body"), None)
    for paragraph in paragraphs:
        sentences = split_sentences(paragraph.text, language)
        found: list[SpeakerEntry] = []
        is_list, listed = False, ()
        if paragraph.kind in ("body", "heading"):
            is_list, found, listed = extract_lists(paragraph.text, language, paragraph.line, index.known, settings, sentences)
        entries += _not_told_again(found, entries)
        if len(entries) > MAX_SPEAKERS:
            raise HrcReportError(
                f"{source}, line {paragraph.line}: more than {MAX_SPEAKERS:,} speakers listed; "
                "that is not a meeting summary's speaker list"
            )
        # The lead stays the lead even when it names the speakers or the States
        # reviewed ("… sur les rapports de Bolivie, Estonie, …"): it is what the
        # other version's lead is aligned with. Its names are still read as lists.
        is_the_lead = paragraph.index == lead and is_lead(paragraph.text)
        kind = "speakers" if is_list and found and not is_the_lead else paragraph.kind
        final.append(Paragraph(
            paragraph.index, kind, paragraph.text, paragraph.line, sentences, listed,
            _nationalities(paragraph.text, index.state_spans(paragraph.text), index.known), _starts(paragraph.text, sentences),
        ))
    return final, entries


def _nationalities(text: str, spans: list[Span], known=lambda name: False) -> tuple[Span, ...]:
    """The State spans, those that name no State the meeting dealt with marked as such,
    so no State flag or speaker rests on them: a person's nationality ("M. Francisco
    Carrión Mena (Équateur)") and a currency (« 1,2 million de dollars des États-Unis »)."""
    def nationality(span: Span) -> bool:
        # a span runs from its first word's start to its last word's end: "(Équateur)."
        written = text[span.start:span.end]
        if not (written.startswith("(") and written.rstrip(".,;:").endswith(")")):
            return False
        before = text[max(0, span.start - 80):span.start + 1]
        if P.PERSON_BEFORE_PARENTHESIS.search(before):
            return True
        # a name of no group, State or body the index knows is a person's
        name = P.NAME_BEFORE_PARENTHESIS.search(before)
        return bool(name) and not known(name["name"])

    def currency(span: Span) -> bool:
        return bool(P.CURRENCY_BEFORE.search(text[max(0, span.start - 20):span.start])
                    or P.CURRENCY_AFTER.match(text[span.end:span.end + 10]))

    return tuple(replace(span, kind="nationality") if nationality(span)
                 else replace(span, kind="currency") if currency(span) else span for span in spans)


def _not_told_again(found: list[SpeakerEntry], before: list[SpeakerEntry]) -> list[SpeakerEntry]:
    """A speaker told in prose a second time ("La représentante de l'Égypte a déploré …
    La représentante de l'Égypte a en outre rappelé …") is one speaker; a list naming a
    speaker again (a second right of reply) is kept."""
    seen = {(e.context, name_key(e.name)) for e in before}
    kept = []
    for entry in found:
        key = (entry.context, name_key(entry.name))
        if not (entry.told and key in seen):
            kept.append(entry)
        seen.add(key)
    return kept


def _starts(text: str, sentences: tuple[str, ...]) -> tuple[int, ...]:
    """Where each sentence starts in the paragraph (the splitter returns them in order)."""
    starts, position = [], 0
    for sentence in sentences:
        found = text.find(sentence, position)
        starts.append(found if found >= 0 else position)
        position = starts[-1] + len(sentence) if found >= 0 else position
    return tuple(starts)


def _is_summary(code, header: _Header, paragraphs: list[Paragraph], entries, body: list[str]) -> bool:
    if not body:
        return False
    leads = [P.DATELINE.sub("", text)[:400] for text in body[:2]]
    markers = [
        code,
        header.label,
        any(p.kind in ("disclaimer", "next_meeting") for p in paragraphs),
        entries,
        any(P.LEAD_BODY.search(lead) and P.LEAD_MEETING.search(lead) for lead in leads),
    ]
    return any(markers)


def _cut_off(code, paragraphs: list[Paragraph]) -> bool:
    """A copy cut short: no closing code or disclaimer, and the last paragraph stops mid-sentence."""
    if code or any(p.kind == "disclaimer" for p in paragraphs) or not paragraphs:
        return False
    return not paragraphs[-1].text.rstrip().endswith((".", "!", "?", "»", "”", '"', ")", ":"))


def _part_in_lead(body: list[str]) -> str | None:
    """The part of the day the lead's main clause gives: the first one it names.

    "Cet après-midi, le Conseil a achevé son dialogue, entamé ce matin, …" is
    an afternoon meeting: the earliest mention wins, not the first pattern.
    """
    lead = next((text for text in body[:3] if is_lead(text)), " ".join(body[:1]))
    found = [
        (m.start(), value) for pattern, value in P.PART_IN_TEXT for m in pattern.finditer(lead)
        if not P.PREVIOUS_DAY.search(lead[max(0, m.start() - 12):m.start()])  # "hier après-midi et ce matin"
    ]
    return min(found)[1] if found else None


def body_and_session(code_match, title: str, body: list[str], language: str) -> tuple[str | None, str | None]:
    """Which body met ("HRC", "CAT") and its session ("HRC54"), when the code,
    headline or lead says so: the closing code's letters name the body; the
    first numbered session in the headline, else in the lead, is the session."""
    lead = " ".join(body[:2])
    named = code_match["body"] if code_match else None
    if named is None:
        found = [(m.start(), acronym) for text in (title, lead) for acronym, pattern in P.BODY_NAMES
                 for m in [pattern.search(text)] if m]
        named = min(found)[1] if found else None
    for text in (title, lead):
        number = _session_number(text, language)
        if number and named:
            return named, f"{named}{number}"
    return named, None


def _session_number(text: str, language: str) -> int | None:
    from text_to_num import alpha2digit

    # text2num reads "fortieth" but not "sixtieth": the tens' ordinals are read as cardinals + "th".
    text = re.sub(r"\b(\w+)tieth\b", r"\1ty th", text, flags=re.I)
    digits = alpha2digit(text, language)
    digits = re.sub(r"\b(\d+) th\b", r"\1th", digits)
    found = P.SESSION.search(digits)
    return int(found.group(1)) if found else None
