"""Hostile text in a summary stays text everywhere, and nothing is loaded from the network."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
from pathlib import Path

import pytest

from hrc_report import fetcher
from hrc_report.archive import StoredDocument
from hrc_report.cli import main
from hrc_report.pairing import Pair
from click.testing import CliRunner

from conftest import CASES

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
LINK = '<a href="javascript:alert(3)">details</a>'
CSS = "<style>body{background:url(http://tracker.example/x.png)}</style>"
JINJA = "{{ 7*7 }} {% include 'base.html' %}"


def hostile_pair(folder: Path) -> tuple[Path, Path]:
    en = (CASES / "cd-plenary" / "en.txt").read_text("utf-8")
    en = en.replace("Hears Address", f"Hears {SCRIPT} Address")
    en = en.replace(
        "In the discussion that followed,",
        f"In the discussion that followed, one delegate quoted {IMG} and {LINK}, then {CSS} and {JINJA};",
    )
    en = en.replace("Speaking in the discussion were Morocco,", f"Speaking in the discussion were Morocco, {SCRIPT} Watch,")
    (folder / "en.txt").write_text(en, encoding="utf-8")
    return folder / "en.txt", CASES / "cd-plenary" / "fr.txt"


@pytest.fixture
def fetched(monkeypatch):
    """Every URL WeasyPrint asks our fetcher for."""
    urls = []
    original = fetcher.LocalOnlyFetcher.fetch

    def spy(self, url, headers=None):
        urls.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(fetcher.LocalOnlyFetcher, "fetch", spy)
    return urls


def test_hostile_text_is_text_in_html_pdf_and_json(tmp_path, fetched):
    en, fr = hostile_pair(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compare", str(en), str(fr), "--out", str(out)])
    assert result.exit_code == 0, result.output

    html = (out / "report.html").read_text("utf-8")
    for raw in (SCRIPT, IMG, LINK, CSS):
        assert raw not in html
    assert "<script" not in html and "<img" not in html and "javascript:" not in html.replace("javascript:alert(3)&#34;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html.split("{{ 7*7 }}")[0][-5:]

    data = json.loads((out / "report.json").read_text("utf-8"))
    assert SCRIPT in data["documents"]["en"]["title"]
    assert any(SCRIPT in s["name"] for s in data["speakers"]["en"])

    text = subprocess.run(["pdftotext", str(out / "report.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "<script>alert(1)</script>" in text.replace("\n", "")
    # nothing in the document made the renderer fetch anything
    assert not [u for u in fetched if not u.startswith("data:")]


def test_hostile_text_in_the_digest_email(tmp_path):
    en, fr = hostile_pair(tmp_path)
    db = tmp_path / "a.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(en), str(fr), "--db", str(db), "--date", "2023-10-11"]).exit_code == 0
    result = runner.invoke(main, ["digest", "--week", "2023-W41", "--db", str(db), "--out", str(tmp_path / "d"),
                                  "--dry-run", "--to", "a@example.org", "--from", "b@example.org"])
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes((tmp_path / "d" / "digest-2023-W41.eml").read_bytes(), policy=email.policy.default)
    page = message.get_body(("html",)).get_content()
    assert SCRIPT not in page and "&lt;script&gt;" in page
    assert SCRIPT in message.get_body(("plain",)).get_content()


def test_fetcher_refuses_everything_but_data_and_package_files(tmp_path):
    refuse = fetcher.LocalOnlyFetcher()
    for url in ("http://tracker.example/x.png", "https://example.org/a.css", "ftp://example.org/x",
                f"file://{tmp_path}/x.css", "file:///etc/passwd", "javascript:alert(1)"):
        with pytest.raises(fetcher.RefusedURL):
            refuse.fetch(url)


def test_output_names_never_come_from_document_text():
    def doc(i, code):
        return StoredDocument(i, "h", "s", "en" if i == 1 else "fr", code, "t", None, "2023-10-11", "b", "x")

    pair = Pair(doc(1, "../../etc/passwdE"), doc(2, "../../etc/passwdF"), "code", 1.0)
    assert "/" not in pair.key and ".." not in pair.key
