"""HTML and PDF: what a reader sees, escaped and self-contained."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from hrc_report.fetcher import LocalOnlyFetcher, RefusedURL
from hrc_report.pipeline import write_reports, Options
from hrc_report.render import render_html

from conftest import ROOT


def test_html_shows_counts_and_every_mismatch(comparison):
    html = render_html(comparison)
    assert re.search(r'id="count-missing-in-fr">\s*2<', html)
    assert re.search(r'id="count-missing-in-en">\s*2<', html)
    assert re.search(r'id="count-on-behalf-differs">\s*1<', html)
    rows = re.findall(r'<tr class="mismatch (\w+)">', html)
    assert sorted(rows) == sorted(m.issue for m in comparison.mismatches)


def test_html_is_self_contained(comparison):
    html = render_html(comparison)
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:|//)', html, re.I)
    assert "<link" not in html and "<script" not in html and "@import" not in html


def test_document_text_is_escaped(comparison):
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">{{ 7*7 }}'
    html = render_html(replace(comparison, en=replace(comparison.en, title=evil)))
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html  # shown as text, never evaluated


def test_fetcher_refuses_the_network():
    with pytest.raises(RefusedURL):
        LocalOnlyFetcher().fetch("http://example.org/tracker.png")
    with pytest.raises(RefusedURL):
        LocalOnlyFetcher().fetch("file:///etc/passwd")
    assert LocalOnlyFetcher().fetch("data:text/plain,ok").read() == b"ok"


@pytest.mark.slow
def test_pdf_pages_text_and_first_page(tmp_path, comparison):
    written = write_reports(comparison, tmp_path, Options(formats=("pdf",)))
    pdf = written["pdf"]
    reader = PdfReader(pdf)
    pages = len(reader.pages)
    texts = [page.extract_text() for page in reader.pages]
    # The footer numbers agree with the real page count on every page.
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {pages}" in text
    # Page 1 is the briefing page: codes, the at-a-glance box and the mismatches.
    first = texts[0]
    assert "HRC23.148E" in first and "At a glance" in first
    for name in ("Cuba", "Sri Lanka", "Mozambique", "Prahar", "Géorgie"):
        assert name in first
    # The lists start on a page of their own after the sections side by side, and
    # every section of both versions is printed once or more.
    lists_page = next(n for n, text in enumerate(texts) if "Speaker lists side by side" in text)
    sections_page = next(n for n, text in enumerate(texts) if "The two versions side by side" in text)
    assert 0 < sections_page < lists_page < pages - 1
    everything = "".join(texts)
    for lang in ("en", "fr"):
        for section in comparison.sections[lang]:
            if section.kind in ("body", "next_meeting"):
                assert section.id in everything
    # The 148 speakers take rows of one line: two to four pages.
    assert 2 <= pages - lists_page <= 4
    # French accents survive (fonts carry them) — checked with poppler too.
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Fédération de Russie" in poppler and "Bahreïn" in poppler


def test_on_behalf_reads_as_each_version_wrote_it():
    from hrc_report.render import behalf

    # a group kept with its article reads after the version's own words
    assert behalf("du Groupe africain", "fr") == "au nom du Groupe africain"
    assert behalf("d’un groupe de pays", "fr") == "au nom d’un groupe de pays"
    assert behalf("the African Group", "en") == "on behalf of the African Group"
    # a group the version put in brackets ("Koweït (Conseil de coopération du Golfe)") stays there
    assert behalf("Conseil de coopération du Golfe", "fr") == "(Conseil de coopération du Golfe)"
    assert behalf("Group of Arab States", "en") == "(Group of Arab States)"


def test_the_speaker_tables_claim_no_difference_the_comparison_could_not_establish():
    # held-out round 9: the French names Cuba only in prose and has no list of other
    # speakers; its tables must not say "only in English" where the comparison says
    # "could not compare" (a user's review found them contradicting each other)
    from hrc_report.pipeline import compare

    pair = ROOT / "fixtures" / "heldout" / "hrc63-ie-older-persons-theme-parentheses"
    comparison = compare(pair / "en.txt", pair / "fr.txt")
    html = render_html(comparison)
    unsure = {(u.list, u.id) for u in comparison.uncertain}
    one_sided = {lc.list for lc in comparison.lists if not lc.count_en or not lc.count_fr}
    assert ("discussion", "CUB") in unsure and one_sided, (unsure, one_sided)
    for lc in comparison.lists:
        for row in lc.rows:
            if row.status in ("only_en", "only_fr") and (lc.list in one_sided or (lc.list, row.id) in unsure):
                name = (row.en or row.fr).name
                cells = re.findall(r'<tr class="([^"]*)">\s*<td class="mark">([^<]*)</td>\s*<td lang="en">' + re.escape(name)
                                    if row.en else
                                    r'<tr class="([^"]*)">\s*<td class="mark">([^<]*)</td>\s*<td lang="en"></td>\s*<td lang="fr">' + re.escape(name), html)
                assert cells and all(klass.startswith("unsure") and label == "could not compare" for klass, label in cells), (name, cells)
