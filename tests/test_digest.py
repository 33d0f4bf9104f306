"""Archive, pairing, the weekly digest and its email, against a real SMTP server."""

from __future__ import annotations

import email
import email.policy
import html
import io
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrc_report.archive import MIGRATIONS, Archive
from hrc_report.cli import main
from hrc_report.pairing import pair_documents

from conftest import CASES, SMTP_PASSWORD

WEEK = "2023-W41"


def make_inbox(folder: Path) -> Path:
    """Six documents of three meetings plus a lone one: codes, one pair without codes, one saved page."""
    inbox = folder / "inbox"
    inbox.mkdir()
    shutil.copy(CASES / "hrc54-item10" / "en.txt", inbox / "hrc54-en.txt")
    shutil.copy(CASES / "hrc54-item10" / "fr.txt", inbox / "hrc54-fr.txt")
    shutil.copy(CASES / "hrc54-votes" / "en.txt", inbox / "votes-en.txt")
    paragraphs = [p.strip() for p in (CASES / "hrc54-votes" / "fr.txt").read_text("utf-8").split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs[2:])
    (inbox / "votes-fr.html").write_text(
        f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{html.escape(paragraphs[1])}</title></head>"
        f"<body><nav><a href='/fr'>Accueil</a></nav><main><article><h1>{html.escape(paragraphs[1])}</h1>{body}"
        "</article></main><footer><p>Nations Unies Genève</p></footer></body></html>",
        encoding="utf-8",
    )
    for lang in ("en", "fr"):
        text = (CASES / "cd-plenary" / f"{lang}.txt").read_text("utf-8")
        (inbox / f"cd-{lang}.txt").write_text(re.sub(r"\n\s*DC23/012[EF]\s*$", "\n", text), encoding="utf-8")
    shutil.copy(CASES / "cat77-closing" / "en.txt", inbox / "cat-en.txt")
    return inbox


def cli(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


@pytest.fixture
def ingested(tmp_path, archive_db):
    inbox = make_inbox(tmp_path)
    result = cli("ingest", inbox, "--db", archive_db, "--date", "2023-10-11")
    assert result.exit_code == 0, result.output
    return archive_db


def test_ingest_stores_each_document_once(tmp_path, ingested):
    with Archive(ingested) as archive:
        before = archive.documents(WEEK)
    assert len(before) == 7
    again = cli("ingest", tmp_path / "inbox", "--db", ingested, "--date", "2023-10-11")
    assert "0 added, 7 already there, 0 refused" in again.output
    with Archive(ingested) as archive:
        assert archive.documents(WEEK) == before
    # the saved web page was read through its article text
    votes_fr = next(d for d in before if d.source.endswith("votes-fr.html"))
    assert votes_fr.code == "HRC23.152F" and votes_fr.language == "fr" and "<p>" not in votes_fr.text


def test_date_comes_from_the_document_when_it_has_one(tmp_path, archive_db):
    dated = tmp_path / "dated.txt"
    text = (CASES / "cd-plenary" / "en.txt").read_text("utf-8")
    dated.write_text(text.replace("Meeting Summaries\n", "Meeting Summaries\n\n14 March 2023\n"), encoding="utf-8")
    assert cli("ingest", dated, "--db", archive_db, "--date", "2023-10-11").exit_code == 0
    with Archive(archive_db) as archive:
        assert [d.date for d in archive.documents()] == ["2023-03-14"]


def test_schema_is_versioned(archive_db):
    Archive(archive_db).close()
    with sqlite3.connect(archive_db) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_pairing_by_code_then_content_and_nothing_dropped(ingested):
    with Archive(ingested) as archive:
        pairing = pair_documents(archive.documents(WEEK))
    methods = {(p.en.code, p.fr.code): p.method for p in pairing.pairs}
    assert methods == {("HRC23.148E", "HRC23.148F"): "code", ("HRC23.152E", "HRC23.152F"): "code", (None, None): "content"}
    content = next(p for p in pairing.pairs if p.method == "content")
    assert "Disarmament" in content.en.title and "désarmement" in content.fr.title
    assert [(u.document.code, u.reason) for u in pairing.unpaired] == [("CAT/23/017E", "no French version this week from the same body on the same day")]


def test_pairs_command(ingested):
    result = cli("pairs", "--week", WEEK, "--db", ingested)
    assert result.exit_code == 0
    assert "3 pairs, 1 unpaired" in result.output
    assert re.search(r"content, confidence 0\.\d\d", result.output)


def _messages(server):
    return [email.message_from_bytes(raw, policy=email.policy.default) for raw in server.received]


def test_digest_email_sent_once_then_forced(tmp_path, ingested, smtp_server):
    config = smtp_server.config(tmp_path)
    out = tmp_path / "digest"
    env = {"HRC_REPORT_SMTP_PASSWORD": SMTP_PASSWORD}
    first = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--email", "--config", config, env=env)
    assert first.exit_code == 0, first.output
    assert "sent the 2023-W41 digest" in first.output
    assert SMTP_PASSWORD not in first.output
    (message,) = _messages(smtp_server)
    assert message["Subject"].endswith("versions anglaise et française")
    assert message["To"] == "briefing@example.org, ngo-desk@example.org"
    text = message.get_body(("plain",)).get_content()
    page = message.get_body(("html",)).get_content()
    assert "3 meetings compared, 6 speaker-list mismatches, 7 coverage differences" in text
    assert "Sri Lanka" in text and "Sri Lanka" in page
    assert "<style" not in page and 'style="' in page  # CSS inlined for mail readers
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == (out / "digest.pdf").read_bytes()  # reports published: the digest PDF
    for key in ("HRC23-148", "HRC23-152"):
        # a meeting's PDF only with --meeting-pdfs
        assert sorted(p.name for p in (out / "meetings" / key).iterdir()) == ["report.html", "report.json"]

    again = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--email", "--config", config, env=env)
    assert again.exit_code == 0 and "already sent" in again.output
    assert len(smtp_server.received) == 1

    forced = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--email", "--config", config, "--force", env=env)
    assert forced.exit_code == 0, forced.output
    assert len(smtp_server.received) == 2


def test_server_down_is_recorded_and_the_next_run_sends(tmp_path, ingested, smtp_server):
    config = smtp_server.config(tmp_path)
    env = {"HRC_REPORT_SMTP_PASSWORD": SMTP_PASSWORD}
    smtp_server.stop()
    down = subprocess.run(
        [str(Path(sys.executable).parent / "hrc-report"), "digest", "--week", WEEK, "--db", str(ingested),
         "--out", str(tmp_path / "d"), "--email", "--config", str(config)],
        capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HRC_REPORT_SMTP_PASSWORD": SMTP_PASSWORD},
    )
    assert down.returncode == 2
    assert "could not send the digest via 127.0.0.1" in down.stderr and "connection refused" in down.stderr
    assert "after 3 tries" in down.stderr and "recorded as not sent" in down.stderr
    assert "Traceback" not in down.stderr and SMTP_PASSWORD not in down.stderr + down.stdout
    with Archive(ingested) as archive:
        # each recipient: claimed, then recorded as failed
        assert [row[1] for row in archive.deliveries(WEEK)] == ["sending", "sending", "failed", "failed"]
    smtp_server.start()
    back = cli("digest", "--week", WEEK, "--db", ingested, "--out", tmp_path / "d", "--email", "--config", config, env=env)
    assert back.exit_code == 0, back.output
    assert len(smtp_server.received) == 1
    with Archive(ingested) as archive:
        assert [row[1] for row in archive.deliveries(WEEK)][-2:] == ["sent", "sent"]


def test_a_4xx_answer_is_retried(tmp_path, ingested, smtp_server):
    smtp_server.refuse_next = 1
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", tmp_path / "d", "--email",
                 "--config", smtp_server.config(tmp_path), env={"HRC_REPORT_SMTP_PASSWORD": SMTP_PASSWORD})
    assert result.exit_code == 0, result.output
    assert len(smtp_server.received) == 1


def test_wrong_password_fails_without_retrying(tmp_path, ingested, smtp_server):
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", tmp_path / "d", "--email",
                 "--config", smtp_server.config(tmp_path), env={"HRC_REPORT_SMTP_PASSWORD": "not-the-pw-4321"})
    assert result.exit_code == 2
    assert "after 1 try" in result.output and "535" in result.output and "not-the-pw-4321" not in result.output
    assert smtp_server.received == []


def test_dry_run_writes_the_eml_and_sends_nothing(tmp_path, ingested, smtp_server):
    out = tmp_path / "d"
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--dry-run",
                 "--to", "desk@example.org", "--from", "hrc@example.org")
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes((out / "digest-2023-W41.eml").read_bytes(), policy=email.policy.default)
    assert message["To"] == "desk@example.org"
    assert smtp_server.received == []


def test_there_is_no_password_option():
    result = cli("digest", "--help")
    assert "--password" not in result.output and "HRC_REPORT_SMTP_PASSWORD" in result.output


def test_empty_week_is_a_clear_error(tmp_path, ingested):
    result = cli("digest", "--week", "2023-W02", "--db", ingested, "--out", tmp_path / "d")
    assert result.exit_code == 2
    assert "no summaries in the archive for 2023-W02" in result.output


def test_two_equally_close_candidates_are_listed_not_guessed(tmp_path, archive_db):
    """Two French copies of one uncoded meeting (a mirror without the navigation
    line): no pair is forced, all three are listed."""
    for name, lang, mirror in (("en.txt", "en", False), ("fr.txt", "fr", False), ("fr-copy.txt", "fr", True)):
        text = re.sub(r"\n\s*DC23/012[EF]\s*$", "\n", (CASES / "cd-plenary" / f"{lang}.txt").read_text("utf-8"))
        if mirror:
            text = text.replace("Aller au contenu principal\n", "")
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert cli("ingest", tmp_path / "en.txt", tmp_path / "fr.txt", tmp_path / "fr-copy.txt",
               "--db", archive_db, "--date", "2023-10-11").exit_code == 0
    with Archive(archive_db) as archive:
        pairing = pair_documents(archive.documents(WEEK))
    assert pairing.pairs == []
    assert [u.reason.split(":")[0] for u in pairing.unpaired] == ["ambiguous"] * 3


def test_meeting_pdfs_only_when_asked(tmp_path, ingested):
    out = tmp_path / "with-pdfs"
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--meeting-pdfs", "--jobs", "1")
    assert result.exit_code == 0, result.output
    for key in ("HRC23-148", "HRC23-152"):
        assert sorted(p.name for p in (out / "meetings" / key).iterdir()) == ["report.html", "report.json", "report.pdf"]


def test_a_non_ascii_password_is_never_quoted(tmp_path, ingested, smtp_server):
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", tmp_path / "d", "--email",
                 "--config", smtp_server.config(tmp_path), env={"HRC_REPORT_SMTP_PASSWORD": "mot-de-pässe-ü"})
    assert result.exit_code == 2, result.output
    assert "password is not shown" in result.output
    assert not any(ch in result.output for ch in "äü") and "position" not in result.output
    assert smtp_server.received == []


def test_warnings_about_a_readable_password_and_no_tls(tmp_path):
    from hrc_report.send import config_warnings, load_config

    path = tmp_path / "mail.toml"
    path.write_text('[smtp]\nhost = "127.0.0.1"\nsecurity = "none"\nuser = "u"\npassword = "pw"\n'
                    '[digest]\nfrom = "a@example.org"\nto = ["b@example.org"]\n', encoding="utf-8")
    path.chmod(0o644)
    warnings = config_warnings(str(path), load_config(str(path), {}))
    assert any("others can read it" in w for w in warnings) and any("without TLS" in w for w in warnings)
    assert not any("pw" in w.split() for w in warnings)
    path.chmod(0o600)
    assert not any("others can read it" in w for w in config_warnings(str(path), load_config(str(path), {})))


def test_mail_settings_are_checked_before_any_work(tmp_path, ingested):
    bad = tmp_path / "bad.toml"
    bad.write_text('[smtp]\nhost = "127.0.0.1"\nhostname = "x"\n[digest]\nfrom = "a@example.org"\nto = "x@y.org"\n', encoding="utf-8")
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", tmp_path / "d", "--email", "--config", bad)
    assert result.exit_code == 2 and "unknown key in [smtp]: hostname" in result.output
    assert not (tmp_path / "d" / "digest.html").exists(), "nothing computed"
    bad.write_text('[smtp]\nhost = "127.0.0.1"\n[digest]\nfrom = "a@example.org"\nto = 42\n', encoding="utf-8")
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", tmp_path / "d", "--email", "--config", bad)
    assert result.exit_code == 2 and "must be a list of addresses" in result.output
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", tmp_path / "d", "--dry-run",
                 "--to", "Jean Dupont", "--from", "a@example.org")
    assert result.exit_code == 2 and "'Jean Dupont': not an email address" in result.output


def test_a_display_name_is_kept_whole(tmp_path, ingested):
    out = tmp_path / "d"
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--dry-run",
                 "--to", "Jean Dupont <jean.dupont@example.org>", "--from", "hrc@example.org")
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes((out / "digest-2023-W41.eml").read_bytes(), policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "jean.dupont@example.org"
    assert message["To"].addresses[0].display_name == "Jean Dupont"


def test_with_reports_url_every_link_in_the_email_and_the_pdf_opens_from_anywhere(tmp_path, ingested, smtp_server):
    import pypdf

    from conftest import REPORTS_URL

    out = tmp_path / "digest"
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--email", "--config", smtp_server.config(tmp_path),
                 env={"HRC_REPORT_SMTP_PASSWORD": SMTP_PASSWORD})
    assert result.exit_code == 0, result.output
    (message,) = _messages(smtp_server)
    page = message.get_body(("html",)).get_content()
    links = re.findall(r'href="([^"]+)"', page)
    assert links and all(link.startswith(REPORTS_URL) for link in links), links  # no published pages: all ours
    assert f"{REPORTS_URL}/meetings/HRC23-148/report.html" in links
    assert f"full report: {REPORTS_URL}/meetings/HRC23-148/report.html" in message.get_body(("plain",)).get_content()
    assert "<svg" not in page and "flex" not in page, "what mail clients do not render"
    (attachment,) = list(message.iter_attachments())
    uris = [annotation.get_object()["/A"]["/URI"] for pdf_page in pypdf.PdfReader(io.BytesIO(attachment.get_content())).pages
            for annotation in pdf_page.get("/Annots", []) if "/URI" in annotation.get_object().get("/A", {})]
    assert f"{REPORTS_URL}/meetings/HRC23-148/report.html" in uris


def test_without_reports_url_the_email_carries_one_briefing_pdf(tmp_path, ingested, smtp_server):
    import pypdf

    out = tmp_path / "digest"
    config = smtp_server.config(tmp_path, reports_url=None)
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--email", "--config", config,
                 env={"HRC_REPORT_SMTP_PASSWORD": SMTP_PASSWORD})
    assert result.exit_code == 0, result.output
    (message,) = _messages(smtp_server)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "hrc-report-briefing-2023-W41.pdf"
    assert "The attached PDF holds this digest and every meeting's full report." in message.get_body(("plain",)).get_content()
    briefing = pypdf.PdfReader(io.BytesIO(attachment.get_content()))
    digest_pages = len(pypdf.PdfReader(out / "digest.pdf").pages)
    assert len(briefing.pages) > digest_pages + 2, "the digest, then every meeting's report"
    titles = [item.title for item in briefing.outline if not isinstance(item, list)]
    assert sum(t == "English and French summaries compared" for t in titles) == 3, titles
    # the digest's "full report" links go to the meetings' pages inside the PDF
    internal = [a.get_object() for p in briefing.pages[:digest_pages] for a in p.get("/Annots", [])
                if a.get_object().get("/Dest") is not None or a.get_object().get("/A", {}).get("/S") == "/GoTo"]
    assert len(internal) >= 3
    # every meeting's report is in it: its codes and its mismatches, as pdftotext reads them
    (out / "attached.pdf").write_bytes(attachment.get_content())
    text = subprocess.run(["pdftotext", str(out / "attached.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    for code in ("HRC23.148E", "HRC23.148F", "HRC23.152E", "HRC23.152F"):
        assert text.count(code) >= 1, code
    for name in ("Sri Lanka", "Mozambique", "Prahar", "Pakistan"):
        assert name in text
    # one page numbering through the whole PDF, so "page 12" finds one page
    pages = text.split("\f")[: len(briefing.pages)]
    assert [f"Page {n}" in page for n, page in enumerate(pages, 1)] == [True] * len(pages)
    page = message.get_body(("html",)).get_content()
    assert not [link for link in re.findall(r'href="([^"]+)"', page) if not link.startswith(("http://", "https://"))]


def test_a_string_to_is_one_address(tmp_path):
    from hrc_report.send import load_config

    path = tmp_path / "mail.toml"
    path.write_text('[smtp]\nhost = "127.0.0.1"\n[digest]\nfrom = "a@example.org"\nto = "x@y.org"\n', encoding="utf-8")
    assert load_config(str(path), {}).recipients == ("x@y.org",)


def test_one_meeting_that_fails_does_not_sink_the_week(tmp_path, ingested, monkeypatch):
    from hrc_report import pipeline
    from hrc_report.digest import build_digest

    real = pipeline.compare_summaries

    def failing(first, second, *args, **kwargs):
        if "hrc54-en" in first.source or "hrc54-en" in second.source:
            raise RuntimeError("a bug met on this meeting")
        return real(first, second, *args, **kwargs)

    monkeypatch.setattr(pipeline, "compare_summaries", failing)
    with Archive(ingested) as archive:
        digest = build_digest(archive, WEEK, tmp_path / "d", workers=1)
    assert [f.pair.key for f in digest.failed] == ["HRC23-148"]
    assert "internal error: RuntimeError: a bug met on this meeting" in digest.failed[0].reason
    assert len(digest.meetings) == 2, "the other meetings were compared"
    assert "could not be compared" in (tmp_path / "d" / "digest.html").read_text("utf-8")


def test_the_email_html_in_a_real_browser(tmp_path, ingested):
    """What a mail reader shows: the HTML part opened in headless Chromium, printed, read back."""
    from test_browser import rendered_text

    out = tmp_path / "d"
    result = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--dry-run", "--to", "desk@example.org",
                 "--from", "hrc@example.org", "--reports-url", "https://intranet.example.org/w41")
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes((out / "digest-2023-W41.eml").read_bytes(), policy=email.policy.default)
    page = tmp_path / "email.html"
    page.write_text(message.get_body(("html",)).get_content(), encoding="utf-8")
    text = rendered_text(page, tmp_path)
    # the at-a-glance table: four labels in columns, their counts in the row below
    assert re.search(r"Meetings\s+Speaker-list\s+Coverage\s+Documents without a\s*\ncompared\s+mismatches\s+differences\s+partner", text), text[:800]
    assert re.search(r"\n\s*3\s+6\s+7\s+1\s*\n", text), text[:800]
    assert "Human Rights Council Concludes General Debate" in text and "Sri Lanka" in text


def test_resend_sends_the_folder_as_it_is(tmp_path, ingested, smtp_server):
    out = tmp_path / "d"
    config = smtp_server.config(tmp_path)
    env = {"HRC_REPORT_SMTP_PASSWORD": SMTP_PASSWORD}
    assert cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--email", "--config", config, env=env).exit_code == 0
    (out / "meetings").rename(tmp_path / "moved-away")  # nothing is compared or re-rendered again
    again = cli("digest", "--week", WEEK, "--db", ingested, "--out", out, "--resend", "--config", config, env=env)
    assert again.exit_code == 0, again.output
    first, second = _messages(smtp_server)
    assert first["Subject"] == second["Subject"]
    assert first.get_body(("plain",)).get_content() == second.get_body(("plain",)).get_content()
    nothing = cli("digest", "--week", WEEK, "--db", ingested, "--out", tmp_path / "empty", "--resend", "--config", config, env=env)
    assert nothing.exit_code == 2 and "no digest to resend here" in nothing.output
