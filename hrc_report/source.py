"""Read a summary file as text, refusing what is not text with a clear error."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from .models import HrcReportError

#: A summary is a few pages; anything far larger is not one (and would make
#: every later stage slow). 20 MB leaves room for a saved page with markup.
MAX_BYTES = 20_000_000


def read_source(path: str | os.PathLike[str]) -> str:
    """The file's text with line ends made ``\\n``; raises :class:`HrcReportError`.

    The size and the kind of file are checked before anything is read: a 2 GB
    file is refused without loading it, a FIFO or a device is not opened.
    """
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise HrcReportError(f"{path}: not a regular file (a pipe or a device?); give a saved summary file")
        if info.st_size > MAX_BYTES:
            raise HrcReportError(f"{path}: {info.st_size:,} bytes is too large for a meeting summary (limit {MAX_BYTES:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise HrcReportError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise HrcReportError(f"{path}: is a folder, not a summary file") from None
    except PermissionError:
        raise HrcReportError(f"{path}: cannot be read (permission denied)") from None
    except OSError as error:
        raise HrcReportError(f"{path}: cannot be read ({error.strerror or error})") from None
    text = decode(data, str(path))
    if path.suffix.lower() in HTML_SUFFIXES:
        return article_text(text, str(path))
    return text


HTML_SUFFIXES = (".html", ".htm")


def article_text(html: str, where: str) -> str:
    """The article of a saved web page, as plain text (trafilatura, a maintained extractor)."""
    import trafilatura

    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False, favor_recall=True
    )
    if not text or not text.strip():
        raise HrcReportError(f"{where}: no article text found in this web page")
    return invisible_removed(text.replace("\r\n", "\n").replace("\r", "\n"))


#: Characters that do not show but break matching: zero-width spaces and joiners,
#: the word joiner, a BOM inside the text, soft hyphens, and bidirectional
#: controls (which could also reorder what a reader sees).
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def invisible_removed(text: str) -> str:
    return INVISIBLE.sub("", text)


def _decoded(data: bytes, where: str) -> str:
    """UTF-8 (strictly), UTF-16 with its BOM, or Windows-1252 for older saved pages; a
    file that mixes UTF-8 with another encoding is refused at the line of its first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise HrcReportError(f"{where}: not valid UTF-16 text (byte {error.start})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = error.start
    # Valid UTF-8 sequences elsewhere mean the file is UTF-8 with a stray byte: decoding
    # it all as cp1252 would turn every accent into mojibake ("AlgÃ©rie").
    if re.search(rb"[\xc2-\xf4][\x80-\xbf]+", data) and data.decode("utf-8", errors="replace").count("\ufffd") < len(
        re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data)
    ):
        line = data.count(b"\n", 0, bad) + 1
        raise HrcReportError(
            f"{where}, line {line}: byte 0x{data[bad]:02X} is not UTF-8 in a UTF-8 file (the file mixes encodings); "
            "save it again as UTF-8"
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise HrcReportError(f"{where}: not UTF-8 or Windows-1252 text (byte {error.start})") from None


def decode(data: bytes, where: str) -> str:
    if len(data) > MAX_BYTES:
        raise HrcReportError(f"{where}: {len(data):,} bytes is too large for a meeting summary (limit {MAX_BYTES:,})")
    if not data.strip():
        raise HrcReportError(f"{where}: the file is empty")
    is_utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data[:8192] and not is_utf16:
        raise HrcReportError(f"{where}: binary data, not a text summary (found NUL bytes)")
    text = _decoded(data, where)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 100) or "\x00" in text:
        raise HrcReportError(f"{where}: binary data, not a text summary ({controls} control characters)")
    return invisible_removed(text.replace("\r\n", "\n").replace("\r", "\n"))
