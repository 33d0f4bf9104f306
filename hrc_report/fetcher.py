"""The only way WeasyPrint may load anything: our own files and data: URLs.

A report is built from text found on the web; nothing in it may make the
renderer reach the network or read files outside the package.
"""

from __future__ import annotations

from pathlib import Path

from weasyprint.urls import URLFetcher

STATIC = Path(__file__).parent / "static"


class RefusedURL(ValueError):
    pass


class LocalOnlyFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, timeout=1)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file:"):
            from urllib.request import url2pathname

            path = Path(url2pathname(url.removeprefix("file:").split("?")[0])).resolve()
            if path.is_relative_to(STATIC.resolve()):
                return super().fetch(url, headers)
        raise RefusedURL(f"hrc-report loads nothing from outside the package: {url[:80]}")


def url_fetcher() -> LocalOnlyFetcher:
    return LocalOnlyFetcher()
