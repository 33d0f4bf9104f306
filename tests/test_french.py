"""Reports in French: every label from the catalog, dates and numbers written the French way.

"No English label" is checked against the catalog's source strings: in the tool's
own words (everything outside the elements marked lang="en", which hold the English
document's text), no English message of the catalog may appear untranslated.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from hrc_report.i18n import catalog_path

from conftest import CASES, ROOT
from test_digest import WEEK, cli, make_inbox



class _ToolWords(HTMLParser):
    """The text of a page outside elements in English (lang="en" and their children
    until another lang attribute): the tool's own words and the French document."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") or (self.stack[-1] if self.stack else "fr")
        self.stack.append(lang.split("-")[0])

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.lasttag == "style":
            # the style sheet's selectors are not words; its page labels are
            self.words += re.findall(r'content:\s*"([^"]*)"', data)
        elif not self.stack or self.stack[-1] != "en":
            self.words.append(data)


def tool_words(html: str) -> str:
    parser = _ToolWords()
    parser.feed(html)
    return " ".join(parser.words)


def english_leftovers(text: str) -> list[str]:
    """The catalog's English messages (their literal parts) found in ``text``."""
    with catalog_path("fr").open("rb") as stream:
        catalog = read_po(stream, locale="fr")
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for source in ids:
            for part in re.split(r"%\(\w+\)s", source):
                part = part.strip(" :;,.()“”")
                # a part the French keeps as it is ("EN", "Date", "Source") is not English left over
                # a short word alone ("and", "of") may be in an English name the French version quotes
                if (len(part) < 4 and " " not in part) or any(part in s for s in strings):
                    continue
                if re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text):
                    found.append(part)
    return found


@pytest.fixture(scope="module")
def french_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("fr")
    pair = CASES / "hrc-dialogue-nodiff"
    for lang in ("en", "fr"):
        result = cli("compare", pair / "en.txt", pair / "fr.txt", "--out", out / lang, "--format", "html,json", "--lang", lang)
        assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("pair", ["hrc54-item10", "hrc-fr-nolist", "hrc-reply-concerned"])
def test_the_french_report_has_no_english_label(tmp_path, pair):
    # pairs with every kind of table: mismatches, could-not-compare, a version with no list
    result = cli("compare", CASES / pair / "en.txt", CASES / pair / "fr.txt", "--out", tmp_path, "--format", "html",
                 "--lang", "fr", "--force")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report.html").read_text("utf-8")
    assert '<html lang="fr">' in html
    assert english_leftovers(tool_words(html)) == []


def test_the_english_report_is_unchanged_by_the_catalog(french_report):
    html = (french_report / "en" / "report.html").read_text("utf-8")
    assert "At a glance" in html and "En bref" not in html


def test_dates_and_shares_are_written_the_french_way(french_report):
    data = json.loads((french_report / "fr" / "report.json").read_text("utf-8"))
    # The pair's own date line: 6 March 2025, a Thursday.
    assert data["documents"]["en"]["date"] == "2025-03-06"
    fr = (french_report / "fr" / "report.html").read_text("utf-8")
    en = (french_report / "en" / "report.html").read_text("utf-8")
    assert "jeudi 6 mars 2025" in fr and "Thursday, 6 March 2025" in en
    share = round(100 * data["covered"]["en"])
    assert f"{share}\u00a0% couvert" in fr and f"{share}% covered" in en


def test_the_json_is_the_same_in_both_languages(french_report):
    assert (french_report / "en" / "report.json").read_bytes() == (french_report / "fr" / "report.json").read_bytes()


def test_the_french_digest_and_email_have_no_english_label(tmp_path, archive_db):
    assert cli("ingest", make_inbox(tmp_path), "--db", archive_db, "--date", "2023-10-11").exit_code == 0
    out = tmp_path / "d"
    result = cli("digest", "--week", WEEK, "--db", archive_db, "--out", out, "--jobs", "1", "--lang", "fr", "--watch", "CUB",
                 "--dry-run", "--to", "desk@example.org", "--from", "hrc@example.org")
    assert result.exit_code == 0, result.output
    for name in ("digest.html", "email.html"):
        assert english_leftovers(tool_words((out / name).read_text("utf-8"))) == [], name
    # the plain-text part has no markup: its English document titles are removed by hand
    text = (out / "email.txt").read_text("utf-8")
    titles = [line.strip() for line in text.splitlines() if line.startswith("== ")]
    for title in titles:
        text = text.replace(title, "")
    assert english_leftovers(text) == []
    assert "Résumé hebdomadaire 2023-W41" in text and "lundi 9 octobre 2023" in text
    message = email.message_from_bytes((out / "digest-2023-W41.eml").read_bytes(), policy=email.policy.default)
    assert "séances" in message["Subject"]
    for report in (out / "meetings").glob("*/report.html"):
        assert english_leftovers(tool_words(report.read_text("utf-8"))) == [], report


def test_the_french_trends_have_no_english_label(tmp_path, archive_db):
    assert cli("ingest", make_inbox(tmp_path), "--db", archive_db, "--date", "2023-10-11").exit_code == 0
    assert cli("digest", "--week", WEEK, "--db", archive_db, "--out", tmp_path / "d", "--jobs", "1").exit_code == 0
    result = cli("trends", "--from", WEEK, "--to", WEEK, "--db", archive_db, "--out", tmp_path / "t", "--lang", "fr")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "t" / "trends.html").read_text("utf-8")
    assert english_leftovers(tool_words(html)) == []
    assert "Délégations le plus souvent omises" in html


def test_a_bad_language_in_the_config_is_refused_before_any_work(tmp_path, archive_db):
    config = tmp_path / "c.toml"
    config.write_text('[digest]\nlang = "de"\n', encoding="utf-8")
    result = cli("digest", "--week", WEEK, "--db", archive_db, "--out", tmp_path / "d", "--config", config)
    assert result.exit_code == 2 and "[digest] lang 'de'" in result.output
    assert not (tmp_path / "d").exists()


def test_every_message_of_the_code_is_in_the_catalog_and_translated():
    check = subprocess.run([sys.executable, ROOT / "scripts" / "update-catalog.py", "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("lang, unit, label", [("fr", "year", "années"), ("en", "year", "years"),
                                               ("fr", "day", "jours"), ("en", "country", "countries")])
def test_a_count_flag_names_what_is_counted_in_the_plural(lang, unit, label):
    # "14 years" / "17 ans" differ: the report says "années : 14 / 17", not "an : 14 / 17"
    from hrc_report.i18n import translations
    from hrc_report.render import describe_flag

    flag = {"kind": "number", "unit": unit, "values": "14 / 17", "subject": None, "about": unit}
    assert describe_flag(flag, lang, translations(lang).gettext).startswith(label)


def test_the_two_leads_are_said_to_be_linked_as_leads_not_by_a_score(french_report):
    # the leads are linked because each opens its version (FORMATS.md), not by their words
    data = json.loads((french_report / "fr" / "report.json").read_text("utf-8"))
    fr_lead = data["sections"]["fr"][0]["id"]
    for lang, words in (("fr", "les deux chapeaux"), ("en", "the two leads")):
        html = (french_report / lang / "report.html").read_text("utf-8")
        assert f'<span class="sid">{fr_lead} · {words}</span>' in html
        assert html.count(words) == 1
