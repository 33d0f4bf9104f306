"""Fetch published summaries, as a good citizen of the sites that publish them.

- requests with requests-cache: an on-disk cache (SQLite) in the user cache
  folder (platformdirs) that keeps a page for good even when the server sends
  no caching headers: a published summary does not change once out. `refresh`
  fetches again.
- A User-Agent naming the tool, a timeout, at most one request a second to a
  host, three tries with backoff on 429 and 5xx answers (honouring
  Retry-After), redirects followed only within the same site.
- Only http and https, HTML or plain text, at most MAX_BYTES.

The English and French versions of a meeting share the URL's slug, with the
language as the path's first segment (ungeneva.org
/en/news-media/meeting-summary/YYYY/MM/slug, ohchr.org /en/news/YYYY/MM/slug);
:func:`other_language_url` applies that rule. The page's language is still
read from its text: a /es/ page may hold English text.
"""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from . import __version__
from .models import HrcReportError
from .source import MAX_BYTES, article_text, invisible_removed

USER_AGENT = f"hrc-report/{__version__} (compares the English and French UN Geneva meeting summaries)"
#: Seconds to wait for a server; HRC_REPORT_HTTP_TIMEOUT overrides it.
TIMEOUT = 20.0
TRIES = 3
#: The longest Retry-After we honour; a server asking for more is reported as busy.
MAX_RETRY_AFTER = 60.0
MIN_INTERVAL = 1.0
MAX_REDIRECTS = 5
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
LANGUAGE_SEGMENT = re.compile(r"^/(?P<lang>en|fr|es|ar|ru|zh)(?=/|$)")
LANGUAGE_NAMES = {"en": "English", "fr": "French"}

_last_request: dict[str, float] = {}
_lock = threading.Lock()


def is_url(text: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text))


def other_language_url(url: str, lang: str) -> str:
    """The same page in ``lang``: the path's first segment is the language."""
    parts = urlsplit(url)
    if not LANGUAGE_SEGMENT.match(parts.path):
        raise HrcReportError(
            f"cannot tell where the {LANGUAGE_NAMES.get(lang, lang)} version of {url} is "
            "(its path does not start with a language such as /en/ or /fr/): give both URLs or files"
        )
    return urlunsplit(parts._replace(path=LANGUAGE_SEGMENT.sub(f"/{lang}", parts.path, count=1)))


def cache_folder() -> Path:
    override = os.environ.get("HRC_REPORT_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("hrc-report"))


@dataclass
class Page:
    url: str
    #: where the text came from after redirects
    final_url: str
    text: str
    from_cache: bool


class Fetcher:
    """One HTTP session with its on-disk cache."""

    def __init__(self, refresh: bool = False, folder: Path | None = None):
        import requests_cache

        self.refresh = refresh
        self.timeout = float(os.environ.get("HRC_REPORT_HTTP_TIMEOUT", TIMEOUT))
        folder = folder or cache_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HrcReportError(f"cannot create the download cache folder {folder}: {error.strerror or error}") from None
        self.session = requests_cache.CachedSession(
            str(folder / "http-cache"),
            backend="sqlite",
            expire_after=requests_cache.NEVER_EXPIRE,
            cache_control=False,
            allowable_codes=(200,),
            filter_fn=_cacheable,
        )
        self.session.headers["User-Agent"] = USER_AGENT

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def page(self, url: str, what: str = "the page") -> Page:
        """Fetch ``url`` and return its article text; raises HrcReportError with a line a user understands."""
        _check_scheme(url)
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            response = self._get(current, what)
            if response.status_code in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                target = urljoin(current, response.headers["Location"])
                _check_scheme(target)
                if _site(target) != _site(url):
                    raise HrcReportError(f"{what} at {url} redirects to another site ({urlsplit(target).hostname}); not followed")
                current = target
                continue
            return Page(url, current, _text(response, current, what), bool(getattr(response, "from_cache", False)))
        raise HrcReportError(f"{what} at {url}: too many redirects")

    def _get(self, url: str, what: str):
        import requests

        host = urlsplit(url).hostname or ""
        cached = not self.refresh and self.session.cache.contains(url=url)
        for attempt in range(1, TRIES + 1):
            if not cached:
                _wait_for(host)
            try:
                response = self.session.get(url, timeout=self.timeout, allow_redirects=False, force_refresh=self.refresh)
            except requests.Timeout:
                raise HrcReportError(f"could not reach {host}: timed out after {self.timeout:g} s") from None
            except requests.RequestException as error:
                reason = str(error.__context__ or error).split(":")[-1].strip() or type(error).__name__
                raise HrcReportError(f"could not reach {host}: {reason}") from None
            if response.status_code == 404:
                raise HrcReportError(f"no {what} at {url} (404)")
            if response.status_code == 429 or response.status_code >= 500:
                delay = _retry_after(response.headers.get("Retry-After"), attempt)
                if attempt == TRIES or delay is None:
                    raise HrcReportError(f"{host} is busy: {what} at {url} answered {response.status_code} after {attempt} tries")
                time.sleep(delay)
                continue
            if response.status_code >= 400:
                raise HrcReportError(f"could not fetch {what} at {url} ({response.status_code})")
            return response
        raise AssertionError("unreachable")


def _check_scheme(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        raise HrcReportError(f"{url}: only http and https addresses can be fetched")


def _site(url: str) -> str:
    """ungeneva.org and www.ungeneva.org are one site."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") + f":{urlsplit(url).port or ''}"


def _wait_for(host: str) -> None:
    """At most one request a second to a host."""
    with _lock:
        wait = _last_request.get(host, 0.0) + MIN_INTERVAL - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        _last_request[host] = time.monotonic()


def _retry_after(value: str | None, attempt: int) -> float | None:
    if value is None:
        return float(2 ** (attempt - 1))
    try:
        delay = float(value)
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            delay = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return float(2 ** (attempt - 1))
    return max(0.0, delay) if delay <= MAX_RETRY_AFTER else None


def _content_type(response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


def _cacheable(response) -> bool:
    return _content_type(response) in TEXT_TYPES and len(response.content) <= MAX_BYTES


def _text(response, url: str, what: str) -> str:
    kind = _content_type(response)
    if kind not in TEXT_TYPES:
        raise HrcReportError(f"{what} at {url} is not a web page ({kind or 'no content type'})")
    length = response.headers.get("Content-Length")
    if (length and length.isdigit() and int(length) > MAX_BYTES) or len(response.content) > MAX_BYTES:
        raise HrcReportError(f"{what} at {url} is larger than a meeting summary (limit {MAX_BYTES:,} bytes)")
    response.encoding = response.encoding or response.apparent_encoding
    body = response.text
    return invisible_removed(body) if kind == "text/plain" else page_text(body, url)


def page_text(html: str, url: str) -> str:
    """The headline and the article of a published page, as plain text."""
    import trafilatura

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True, include_comments=False,
                                           include_tables=False)
    title = getattr(document, "title", None) if document is not None else None
    text = article_text(html, url)
    if title and title.strip() and title.strip() not in text[:500]:
        text = f"{title.strip()}\n\n{text}"
    return text
