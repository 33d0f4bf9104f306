"""Starting from published pages: a real local HTTP server shaped like the sites.

The server serves meeting-summary pages under both path schemes (ungeneva.org
/en/news-media/meeting-summary/…, ohchr.org /en/news/…), and the ways real
servers misbehave: a 404, a 429 with Retry-After, a slow answer, a redirect, a
page in the wrong language, a huge body, a PDF. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from hrc_report.cli import main
from hrc_report.models import HrcReportError
from hrc_report.web import other_language_url

from conftest import CASES

PAIR = CASES / "cd-plenary"


def _html(text: str, lang: str) -> bytes:
    """A page shaped like the site's: navigation, headline, label, body paragraphs."""
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    nav, title, label, body = blocks[0], blocks[1], blocks[2], blocks[3:]
    paragraphs = "".join(f"<p>{escape(b)}</p>" for b in body)
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{escape(title)} | UN GENEVA</title></head><body>'
        f'<nav><a href="#main">{escape(nav)}</a><ul><li>Home</li><li>News</li></ul></nav>'
        f'<main id="main"><article><h1>{escape(title)}</h1><div class="label">{escape(label)}</div>{paragraphs}</article></main>'
        f"<footer>Follow us</footer></body></html>"
    ).encode("utf-8")


EN = _html((PAIR / "en.txt").read_text("utf-8"), "en")
FR = _html((PAIR / "fr.txt").read_text("utf-8"), "fr")


class Site(BaseHTTPRequestHandler):
    hits: list[str] = []
    routes: dict = {}

    def do_GET(self):  # noqa: N802 - the http.server name
        self.close_connection = True
        Site.hits.append(self.path)
        route = Site.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        status, headers, body = route() if callable(route) else route
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the slow page, the huge one)

    def log_message(self, *args):
        pass


HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    slug = "2025/03/conference-hears-norway"
    busy = {"n": 0}

    def once_busy():
        busy["n"] += 1
        return (429, {"Retry-After": "1"}, b"") if busy["n"] == 1 else (200, HTML, FR)

    def slow():
        time.sleep(3)
        return 200, HTML, EN

    Site.routes = {
        f"/en/news-media/meeting-summary/{slug}": (200, HTML, EN),
        f"/fr/news-media/meeting-summary/{slug}": (200, HTML, FR),
        f"/en/news/{slug}": (200, HTML, EN),
        f"/fr/news/{slug}": once_busy,
        "/en/news-media/meeting-summary/2025/03/no-french": (200, HTML, EN),
        "/en/news-media/meeting-summary/2025/03/moved": (301, {"Location": f"/en/news-media/meeting-summary/{slug}"}, b""),
        "/en/news-media/meeting-summary/2025/03/elsewhere": (302, {"Location": "http://example.invalid/x"}, b""),
        "/en/news-media/meeting-summary/2025/03/wrong-language": (200, HTML, EN),
        "/fr/news-media/meeting-summary/2025/03/wrong-language": (200, HTML, EN),
        "/en/news-media/meeting-summary/2025/03/huge": (200, HTML, b"<p>" + b"x" * 21_000_000 + b"</p>"),
        "/en/news-media/meeting-summary/2025/03/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
        "/en/news-media/meeting-summary/2025/03/slow": slow,
    }
    yield base, slug
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HRC_REPORT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HRC_REPORT_HTTP_TIMEOUT", "1")
    Site.hits = []


def _run(*args):
    return CliRunner().invoke(main, [*map(str, args)])


@pytest.mark.parametrize("url, lang, expected", [
    ("https://www.ungeneva.org/en/news-media/meeting-summary/2023/10/le-conseil-des-droits", "fr",
     "https://www.ungeneva.org/fr/news-media/meeting-summary/2023/10/le-conseil-des-droits"),
    ("https://www.ohchr.org/fr/news/2022/10/human-rights-council-concludes", "en",
     "https://www.ohchr.org/en/news/2022/10/human-rights-council-concludes"),
    ("https://www.ungeneva.org/es/news-media/meeting-summary/2023/03/slug", "fr",
     "https://www.ungeneva.org/fr/news-media/meeting-summary/2023/03/slug"),
])
def test_the_path_rule_on_real_url_shapes(url, lang, expected):
    assert other_language_url(url, lang) == expected


def test_a_url_without_a_language_cannot_give_the_other_version():
    with pytest.raises(HrcReportError, match="cannot tell where the French version"):
        other_language_url("https://reliefweb.int/report/world/council-holds-dialogue", "fr")


def test_one_url_finds_the_other_language_and_caches_both(site, tmp_path):
    base, slug = site
    url = f"{base}/en/news-media/meeting-summary/{slug}"
    result = _run("compare", url, "--out", tmp_path / "out", "--format", "json,html")
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert data["documents"]["en"]["url"] == url
    assert data["documents"]["fr"]["url"] == url.replace("/en/", "/fr/")
    assert data["documents"]["en"]["code"] == "DC23/012E" and data["documents"]["fr"]["code"] == "DC23/012F"
    # the gold of the pair: Pakistan missing in the French list
    assert [(m["id"], m["issue"]) for m in data["speaker_mismatches"]] == [("PAK", "missing_in_fr")]
    html = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert f'href="{url}"' in html and f'href="{url.replace("/en/", "/fr/")}"' in html
    assert len(Site.hits) == 2
    assert _run("compare", url, "--out", tmp_path / "again", "--format", "json").exit_code == 0
    assert len(Site.hits) == 2, "a second run makes no request"
    assert _run("compare", url, "--out", tmp_path / "fresh", "--format", "json", "--refresh").exit_code == 0
    assert len(Site.hits) == 4, "--refresh fetches both pages again"


def test_french_url_of_the_ohchr_scheme_with_a_429_first(site, tmp_path):
    base, slug = site
    result = _run("compare", f"{base}/fr/news/{slug}", "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    assert Site.hits.count(f"/fr/news/{slug}") == 2, "the 429 is retried after its Retry-After"


def test_url_and_file_mixed(site, tmp_path):
    base, slug = site
    result = _run("compare", PAIR / "fr.txt", f"{base}/en/news-media/meeting-summary/{slug}", "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output


def test_a_redirect_within_the_site_is_followed(site, tmp_path):
    base, _ = site
    result = _run("compare", f"{base}/en/news-media/meeting-summary/2025/03/moved", PAIR / "fr.txt", "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("path, message", [
    ("no-french", "no French version at http://127.0.0.1:{port}/fr/news-media/meeting-summary/2025/03/no-french (404)"),
    ("wrong-language", "the French page at http://127.0.0.1:{port}/fr/news-media/meeting-summary/2025/03/wrong-language holds English text"),
    ("elsewhere", "redirects to another site (example.invalid); not followed"),
    ("huge", "larger than a meeting summary"),
    ("pdf", "is not a web page (application/pdf)"),
    ("slow", "could not reach 127.0.0.1: timed out after 1 s"),
])
def test_errors_a_user_understands(site, tmp_path, path, message):
    base, _ = site
    port = base.rsplit(":", 1)[1]
    result = _run("compare", f"{base}/en/news-media/meeting-summary/2025/03/{path}", "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert message.format(port=port) in result.output
    assert not any((tmp_path / "out").glob("report.*")), "nothing written"


def test_only_http_and_https(tmp_path):
    result = _run("compare", "ftp://127.0.0.1/en/x", "--out", tmp_path / "out")
    assert result.exit_code == 2 and "only http and https" in result.output


def test_ingest_stores_fetched_pages_with_their_url(site, tmp_path):
    from hrc_report.archive import Archive

    base, slug = site
    urls = [f"{base}/en/news-media/meeting-summary/{slug}", f"{base}/fr/news-media/meeting-summary/{slug}"]
    db = tmp_path / "a.sqlite"
    result = _run("ingest", *urls, "--db", db, "--date", "2023-03-14")
    assert result.exit_code == 0, result.output
    with Archive(db) as archive:
        assert sorted(d.source for d in archive.documents("2023-W11")) == sorted(urls)
    result = _run("digest", "--week", "2023-W11", "--db", db, "--out", tmp_path / "digest")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "digest" / "digest.html").read_text("utf-8")
    assert all(f'href="{url}"' in html for url in urls), "the digest links to both published pages"
