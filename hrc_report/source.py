"""Read a summary file as text, refusing what is not text with a clear error."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from .models import HrcReportError

#: A summary is a few pages; anything far larger is not one (and would make
#: every later stage slow). 20 MB leaves room for a saved page with markup.
MAX_BYTES = 20_000_000


def read_source(path: str | os.PathLike[str]) -> str:
    """The file's text with line ends made ``\\n``; raises :class:`HrcReportError`."""
    path = Path(path)
    try:
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
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, where: str) -> str:
    if len(data) > MAX_BYTES:
        raise HrcReportError(f"{where}: {len(data):,} bytes is too large for a meeting summary (limit {MAX_BYTES:,})")
    if not data.strip():
        raise HrcReportError(f"{where}: the file is empty")
    if b"\x00" in data[:8192]:
        raise HrcReportError(f"{where}: binary data, not a text summary (found NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older pages saved from Windows browsers arrive as cp1252.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise HrcReportError(f"{where}: not UTF-8 or Windows-1252 text (byte {error.start})") from None
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise HrcReportError(f"{where}: binary data, not a text summary ({controls} control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
