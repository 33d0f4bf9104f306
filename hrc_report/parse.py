"""Parse the plain text of a meeting summary, English or French.

The text is what a browser copy or an extractor gives of the published page:
navigation line, title (maybe with "MORNING - "), label, body paragraphs,
speaker lists, the next-meeting line, the disclaimer and the closing code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
from .language import detect_language
from .models import HrcReportError, Paragraph, SpeakerEntry, Summary
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
        if not has_blank:
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


def parse_summary(text: str, source: str = "<text>", is_known=None) -> Summary:
    """Parse one summary. ``is_known`` lets the list splitter ask the name
    resolver which strings are names (default: the bundled name index).

    Raises :class:`HrcReportError` when the text is not an English or French
    meeting summary.
    """
    if len(text) > MAX_CHARS:
        raise HrcReportError(
            f"{source}: {len(text):,} characters is more than a meeting summary holds (limit {MAX_CHARS:,})"
        )
    if is_known is None:
        from .names import load_index

        is_known = load_index().__contains__
    blocks = _blocks(text)
    if not blocks:
        raise HrcReportError(f"{source}: the file is empty")

    code = None
    code_match = None
    last_line = text.rstrip().rsplit("\n", 1)[-1].strip()
    tail = P.CODE_AT_END.search(last_line)
    if tail:
        code = tail["code"]
        code_match = P.CODE.match(code)
        last = blocks[-1]
        remainder = last.text[: -len(code)].strip()
        if remainder:
            last.text = remainder
        else:
            blocks.pop()

    position = 0
    if blocks and P.NAVIGATION.match(blocks[0].text):
        position = 1

    title, part, date, label = "", None, None, None
    if position < len(blocks) and len(blocks[position].text) <= 400:
        title = blocks[position].text
        prefix = P.TITLE_PART_PREFIX.match(title)
        if prefix:
            part = P.PART_WORDS.get(prefix["part"].lower())
            title = title[prefix.end():]
        position += 1

    # Label, date line and a part on its own line may follow in any order.
    while position < len(blocks):
        block = blocks[position].text
        if P.LABEL.match(block) and label is None:
            label = block
        elif (m := P.DATE_LINE.match(block)) and date is None:
            date = _date(m["day"], m["month"], m["year"])
        elif (m := P.PART_LINE.match(block)) and part is None:
            part = P.PART_WORDS.get(m["part"].lower())
        else:
            break
        position += 1

    paragraphs: list[Paragraph] = []
    entries: list[SpeakerEntry] = []
    for block in blocks[position:]:
        body = block.text
        if not paragraphs and (m := P.DATELINE.match(body)):
            date = date or _date(m["day"], m["month"], m["year"])
            body = body[m.end():]
        kind = _kind(body)
        paragraphs.append(Paragraph(len(paragraphs), kind, body, block.line))

    body_paragraphs = [p.text for p in paragraphs if p.kind == "body"]
    language, _ = detect_language(body_paragraphs or [title])
    code_language = {"E": "en", "F": "fr"}[code_match["lang"]] if code_match else None
    if language is None:
        raise HrcReportError(f"{source}: too little running text to tell its language (English or French expected)")
    if language not in ("en", "fr"):
        raise HrcReportError(f"{source}: the text is in '{language}', not English or French")
    if code_language and code_language != language:
        raise HrcReportError(
            f"{source}: the closing code {code} says {code_language.upper()} but the text reads as {language.upper()}"
        )

    final: list[Paragraph] = []
    for paragraph in paragraphs:
        is_list, found = extract_lists(paragraph.text, language, paragraph.line, is_known)
        entries += found
        if len(entries) > MAX_SPEAKERS:
            raise HrcReportError(
                f"{source}, line {paragraph.line}: more than {MAX_SPEAKERS:,} speakers listed; "
                "that is not a meeting summary's speaker list"
            )
        kind = "speakers" if is_list and found else paragraph.kind
        if kind == "heading" and is_list:
            kind = "speakers"
        final.append(Paragraph(paragraph.index, kind, paragraph.text, paragraph.line))

    markers = [code, label, any(p.kind in ("disclaimer", "next_meeting") for p in final), entries]
    if not any(markers) or not body_paragraphs:
        raise HrcReportError(
            f"{source}: not a meeting summary (no closing code, label, speaker list, "
            f"next-meeting line or disclaimer found)"
        )

    if part is None:
        lead = " ".join(body_paragraphs[:1])
        for pattern, value in P.PART_IN_TEXT:
            if pattern.search(lead):
                part = value
                break

    return Summary(
        source=source,
        language=language,
        language_detected=language,
        code=code,
        title=title,
        part=part,
        date=date,
        label=label,
        paragraphs=tuple(final),
        speaker_entries=tuple(entries),
    )
