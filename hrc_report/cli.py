"""The ``hrc-report`` command: a thin layer over the library.

Exit status: 0 success; 2 bad input or usage (one line on stderr); 1 an
internal error (one line; ``--verbose`` shows the traceback).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import signal
import sys
import threading
import traceback

import click

from . import __version__
from .i18n import LANGUAGES
from .models import HrcReportError
from .output import prepare_folder
from .pipeline import FORMATS, Options, compare, parse_formats, write_reports
from .report import counts
from .lists import ISSUE_TITLES, LIST_TITLES


#: What must never reach the terminal from a document or a file name: control
#: characters (escape sequences) and bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _safe(text) -> str:
    return _UNSAFE.sub("", str(text))


def echo(text="", err: bool = False) -> None:
    """click.echo for anything that may hold document text or a file name."""
    click.echo(_safe(text), err=err)


class _Terminated(BaseException):
    """SIGTERM (cron, systemd, timeout): unwind like Ctrl-C, so workers and files are cleaned up."""


def _on_sigterm(signum, frame):
    raise _Terminated


class _Group(click.Group):
    """Turns every error into one line on stderr and a known exit status."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except HrcReportError as error:
            echo(f"hrc-report: error: {error}", err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("hrc-report: interrupted", err=True)
            ctx.exit(130)
        except _Terminated:
            click.echo("hrc-report: stopped (SIGTERM)", err=True)
            ctx.exit(143)
        except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback for users
            if ctx.obj and ctx.obj.get("verbose"):
                traceback.print_exc()
            first_line = (str(error).splitlines() or [""])[0]
            click.echo(f"hrc-report: internal error: {type(error).__name__}: {first_line} (run with --verbose for details)", err=True)
            ctx.exit(1)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="hrc-report")
@click.option("--verbose", "-v", is_flag=True, help="Show more detail, and a traceback on internal errors.")
@click.pass_context
def main(ctx, verbose):
    """Compare the English and French summaries of a UN Human Rights Council meeting."""
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _on_sigterm)
    # Other libraries (WeasyPrint, fontTools) speak only about errors; --verbose is about our steps.
    logging.basicConfig(level=logging.ERROR, format="hrc-report: %(message)s")
    logging.getLogger("hrc_report").setLevel(logging.INFO if verbose else logging.ERROR)


#: The language of the reports' own words; document text stays as written.
LANG_OPTION = click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                           help="Language of the report's labels, dates and numbers (default en; for the digest also [digest] lang).")


@main.command("compare")
@click.argument("first")
@click.argument("second", required=False)
@click.option("--out", "out", default="out", show_default=True, type=click.Path(file_okay=False), help="Folder for the reports.")
@click.option(
    "--format", "formats", default=",".join(Options().formats), show_default=True,
    help=f"Which reports to write, comma-separated: {', '.join(FORMATS)}.",
)
@click.option("--force", is_flag=True, help="Compare even when the two files look like different meetings.")
@click.option("--refresh", is_flag=True, help="Fetch pages again instead of using the download cache.")
@click.option("--watch", help="Speakers to follow, comma-separated ids or names: CHE,EU,ngo:amnesty-international.")
@LANG_OPTION
def compare_command(first, second, out, formats, force, refresh, watch, lang):
    """Compare two versions of one meeting summary (English and French, in either order).

    FIRST and SECOND are files or http(s) URLs of the published pages; with one
    URL alone, the other language's page is found and fetched too.

    Example:

        hrc-report compare https://www.ungeneva.org/en/news-media/meeting-summary/2023/10/slug

        hrc-report compare en.txt fr.txt --out reports/hrc54-item10
    """
    options = Options(formats=parse_formats(formats), lang=lang or "en")
    watched = _watch_ids(watch)
    created = not os.path.exists(out)
    prepare_folder(out)  # a folder that cannot be written is found before any work
    try:
        comparison = compare(first, second, force=force, refresh=refresh, watch=watched)
    except HrcReportError:
        if created and not os.listdir(out):
            os.rmdir(out)  # a run that wrote nothing leaves nothing behind
        raise
    for warning in comparison.en.warnings + comparison.fr.warnings:
        echo(f"hrc-report: warning: {warning}", err=True)
    written = write_reports(comparison, out, options)
    _print_summary(comparison)
    for fmt, path in written.items():
        echo(f"wrote {path}")


def _watch_ids(text: str | None, more: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The watch list as ids; an unknown name is an error that names it (before any work)."""
    tokens = [*(text.split(",") if text else []), *more]
    if not tokens:
        return ()
    from .names import load_index
    from .watch import resolve_watch

    return resolve_watch(tokens, load_index())


def _config_lang(path: str | None) -> str:
    """[digest] lang in the config, checked before any work; English by default."""
    if not path:
        return "en"
    from .i18n import check_language
    from .send import read_toml

    return check_language(read_toml(path).get("digest", {}).get("lang", "en"), f"{path}: [digest] lang")


def _config_watch(path: str | None) -> tuple[str, ...]:
    if not path:
        return ()
    from .send import read_toml

    return tuple(read_toml(path).get("watch", {}).get("speakers", ()))


def _print_summary(comparison) -> None:
    figures = counts(comparison)
    echo(f"{comparison.code}: {comparison.en.title}")
    for lc in comparison.lists:
        order = "; order differs" if lc.order_differs else ""
        click.echo(f"  {LIST_TITLES[lc.list]}: {lc.count_en} EN, {lc.count_fr} FR{order}")
    mismatches = figures["speaker_mismatches"]
    click.echo(
        f"  mismatches: {mismatches['missing_in_fr']} only in English, {mismatches['missing_in_en']} only in French, "
        f"{mismatches['on_behalf_differs']} on-behalf differs"
    )
    for m in comparison.mismatches:
        name = m.name_en or m.name_fr
        echo(f"    - {LIST_TITLES[m.list]}: {name} ({m.id}) {ISSUE_TITLES[m.issue]}")
    for note in comparison.list_notes:
        version = "English" if note.missing_in == "en" else "French"
        what = f"has no list of {LIST_TITLES[note.list].lower()}" if note.list else "lists no speakers"
        click.echo(f"  the {version} version {what}: not compared")
    if comparison.uncertain:
        click.echo(f"  could not compare: {len(comparison.uncertain)} (names not recognised on one side)")
    for difference in comparison.header_differences:
        click.echo(f"  {difference.field} differs: {difference.en} (EN) / {difference.fr} (FR)")
    for w in comparison.watch:
        lists = lambda names: ", ".join(names) or "not listed"  # noqa: E731
        behalf = f"; on behalf of {w.on_behalf}" if w.on_behalf in ("differs", "unknown") else ""
        echo(f"  watched {w.name} ({w.id}): EN {lists(w.lists_en)}; FR {lists(w.lists_fr)}{behalf}")
    where = {"en": "only in English", "fr": "only in French", None: "different"}
    withheld = {lang: n for lang, n in comparison.not_checked.items() if n}
    checked = "; not checked (the other copy may not be whole): " + ", ".join(
        f"{n} only in {'English' if lang == 'en' else 'French'}" for lang, n in sorted(withheld.items())) if withheld else ""
    click.echo(f"  coverage differences: {len(comparison.coverage)}{checked}")
    for flag in comparison.coverage:
        echo(f"    - {flag.kind}, {where[flag.only_in]}: {flag.about}")


@main.command("names")
@click.option("--lang", type=click.Choice(["en", "fr"]), required=True,
              help="Language of the names (the index holds both languages, so a name in the other one still resolves).")
@click.option("--context", type=click.Choice(["discussion", "ngos"]), default="discussion", show_default=True,
              help="Read unknown names as NGOs (ngos) or not (discussion).")
def names_command(lang, context):
    """Resolve names read one a line from standard input: prints name, id, kind.

    Example:

        printf 'Fédération de Russie\\nEtats-Unis\\n' | hrc-report names --lang fr
    """
    from .names import load_index

    index = load_index()
    for line in sys.stdin:
        name = line.strip()
        if not name:
            continue
        match = index.resolve(name, context)
        echo(f"{name}\t{match.id}\t{match.kind if match.id else ''}")


DB_OPTION = click.option(
    "--db", type=click.Path(dir_okay=False), default=None,
    help="The archive file (default: hrc-report/archive.sqlite in your data folder).",
)


@contextlib.contextmanager
def _archive(db):
    """The archive, with a damaged page met later (not only at opening) named as such."""
    import sqlite3

    from .archive import Archive, default_path

    path = db or default_path()
    with Archive(path) as archive:
        try:
            yield archive
        except sqlite3.DatabaseError as error:
            raise HrcReportError(
                f"{path}: the archive is damaged or locked ({error}); if damaged, recover what it holds with "
                f"`sqlite3 {path} .recover | sqlite3 recovered.sqlite`"
            ) from None


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--date", help="Meeting date (YYYY-MM-DD) for documents that do not carry one.")
@click.option("--refresh", is_flag=True, help="Fetch pages again instead of using the download cache.")
def ingest_command(paths, db, date, refresh):
    """Store summaries (.txt, saved .html pages; files, folders or http(s) URLs) in the archive.

    Example:

        hrc-report ingest downloads/hrc54/ --date 2023-10-11
    """
    from .ingest import check_date, ingest

    date = check_date(date)
    with _archive(db) as archive:
        results = ingest(archive, paths, date, refresh)
    for result in results:
        echo(f"{result.status:<9} {result.path}: {result.detail}", err=result.status == "refused")
    added = sum(r.status == "added" for r in results)
    refused = sum(r.status == "refused" for r in results)
    click.echo(f"{added} added, {sum(r.status == 'unchanged' for r in results)} already there, {refused} refused")
    if not results:
        raise HrcReportError("no .txt or .html files found in " + ", ".join(paths))
    if refused:
        sys.exit(2)


@main.command("docs")
@click.option("--week", help="ISO week, e.g. 2023-W41 (default: every document).")
@click.option("--undated", is_flag=True, help="Only the documents without a date (they are in no week).")
@DB_OPTION
def docs_command(week, undated, db):
    """List the archive's documents: id, language, code, date (and where it came from), part, title, file, pair.

    Example:

        hrc-report docs --week 2023-W41
    """
    from .pairing import pair_documents

    with _archive(db) as archive:
        documents = archive.undated() if undated else archive.documents(week)
        pairing = pair_documents(documents, by_hand=archive.manual_pairs(), kept_apart=archive.kept_apart()) if documents else None
    partner = {}
    for pair in pairing.pairs if pairing else ():
        partner[pair.en.id], partner[pair.fr.id] = f"paired with {pair.fr.id} ({pair.method})", f"paired with {pair.en.id} ({pair.method})"
    for item in pairing.unpaired if pairing else ():
        partner[item.document.id] = f"unpaired: {item.reason}"
    for d in documents:
        when = f"{d.date} ({d.date_from})" if d.date else "no date"
        echo(f"{d.id:>5}  {d.language}  {d.code or '-':<14} {when:<22} {d.part or '-':<9} {d.title[:60]}  [{d.source}]  {partner.get(d.id, '')}")
    click.echo(f"{len(documents)} document{'s' if len(documents) != 1 else ''}")


@main.command("redate")
@click.argument("ident", type=int)
@click.argument("date")
@DB_OPTION
def redate_command(ident, date, db):
    """Give a document its meeting date (YYYY-MM-DD).

    Example:

        hrc-report redate 12 2023-10-11
    """
    from .ingest import check_date

    date = check_date(date)
    with _archive(db) as archive:
        archive.set_date(ident, date)
    click.echo(f"document {ident}: date {date}")


@main.command("remove")
@click.argument("idents", type=int, nargs=-1, required=True)
@DB_OPTION
def remove_command(idents, db):
    """Remove documents from the archive.

    Example:

        hrc-report remove 12 13
    """
    with _archive(db) as archive:
        for ident in idents:
            archive.remove(ident)
    click.echo(f"removed {len(idents)} document{'s' if len(idents) != 1 else ''}")


@main.command("pair")
@click.argument("first", type=int)
@click.argument("second", type=int)
@DB_OPTION
def pair_command(first, second, db):
    """Pair an English and a French document by hand: wins over codes and content.

    Example:

        hrc-report pair 12 17
    """
    with _archive(db) as archive:
        en, fr = archive.pair_by_hand(first, second)
    click.echo(f"paired English document {en} with French document {fr}")


@main.command("unpair")
@click.argument("ident", type=int)
@DB_OPTION
def unpair_command(ident, db):
    """Keep a document out of any pair (a human decision that wins over automatic pairing).

    Example:

        hrc-report unpair 12
    """
    with _archive(db) as archive:
        archive.keep_apart(ident)
    click.echo(f"document {ident} is kept out of any pair")


@main.command("pairs")
@click.option("--week", required=True, help="ISO week, e.g. 2023-W41.")
@DB_OPTION
def pairs_command(week, db):
    """Show how the week's documents pair up, English with French.

    Example:

        hrc-report pairs --week 2023-W41
    """
    from .pairing import pair_documents

    with _archive(db) as archive:
        pairing = pair_documents(archive.documents(week), by_hand=archive.manual_pairs(), kept_apart=archive.kept_apart())
    for pair in pairing.pairs:
        how = "code" if pair.method == "code" else f"content, confidence {pair.confidence:.2f}"
        echo(f"{pair.en.date or 'no date'}  {pair.en.code or '-':<12} {pair.fr.code or '-':<12} ({how})  {pair.en.title}")
    for item in pairing.unpaired:
        document = item.document
        echo(f"unpaired  {document.language} {document.code or '-'} {document.source}: {item.reason}")
    click.echo(f"{len(pairing.pairs)} pairs, {len(pairing.unpaired)} unpaired")
    _undated_notice(db)


def _undated_notice(db) -> None:
    """Documents without a date are in no week: say so rather than leave them out silently."""
    with _archive(db) as archive:
        count = len(archive.undated())
    if count:
        click.echo(f"{count} document{'s have' if count > 1 else ' has'} no date and {'are' if count > 1 else 'is'} in no week: "
                   "see `hrc-report docs --undated`, then `hrc-report redate ID YYYY-MM-DD`", err=True)


@main.command("digest")
@click.option("--week", required=True, help="ISO week, e.g. 2023-W41.")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for the digest and the meetings' reports.")
@DB_OPTION
@click.option("--email", is_flag=True, help="Send the digest by email.")
@click.option("--dry-run", is_flag=True, help="Write the email as a .eml file instead of sending it.")
@click.option("--force", is_flag=True, help="Send even if this week's digest already went to these recipients.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file with [smtp] and [digest] settings.")
@click.option("--to", "recipients", multiple=True, help="Recipient (repeat for several).")
@click.option("--from", "sender", help="Sender address.")
@click.option("--smtp-host", help="SMTP server.")
@click.option("--smtp-port", type=int, help="SMTP port.")
@click.option("--smtp-security", type=click.Choice(["starttls", "ssl", "none"]), help="How to secure the connection.")
@click.option("--smtp-user", help="SMTP user; the password comes from HRC_REPORT_SMTP_PASSWORD or the config file.")
@click.option("--jobs", type=click.IntRange(1, 8), default=2, show_default=True, help="Worker processes.")
@click.option("--meeting-pdfs", is_flag=True, help="Also render each meeting's full report as PDF (HTML and JSON always).")
@click.option("--reports-url", help="Where the output folder is published: links in the digest and the email become absolute.")
@click.option("--resend", is_flag=True, help="Send the digest already in --out again, without comparing anything (implies --email --force).")
@click.option("--watch", help="Speakers to follow, comma-separated ids or names (also [watch] speakers in the config).")
@LANG_OPTION
def digest_command(week, out, db, email, dry_run, force, config_path, recipients, sender, smtp_host, smtp_port,
                   smtp_security, smtp_user, jobs, meeting_pdfs, reports_url, resend, watch, lang):
    """Compare every meeting of a week and write (and optionally email) the digest.

    Example:

        hrc-report digest --week 2023-W41 --out digests/2023-W41 --email --config mail.toml
    """
    from .digest import already_sent, build_digest, deliver
    from .send import config_warnings, load_config

    config = None
    watched = _watch_ids(watch, _config_watch(config_path))
    lang = lang or _config_lang(config_path)
    if resend:
        email, force = True, True
    if email or dry_run:
        # Check the mail settings before the long part, so a typo fails fast.
        config = load_config(config_path, dict(os.environ), host=smtp_host, port=smtp_port, security=smtp_security,
                             user=smtp_user, sender=sender, recipients=tuple(recipients), reports_url=reports_url)
        reports_url = config.reports_url
        for warning in config_warnings(config_path, config):
            echo(f"hrc-report: warning: {warning}", err=True)

    @contextlib.contextmanager
    def progress(total):
        with click.progressbar(length=total, label="Comparing meetings", file=sys.stderr) as bar:
            yield bar.update

    if resend:
        from pathlib import Path

        from .digest import resend as send_again

        with _archive(db) as archive:
            echo(send_again(archive, Path(out), config, force=True))
        return
    with _archive(db) as archive:
        if config is not None and not dry_run and not force:
            from .archive import DONE_OR_MAYBE, iso_week

            the_week = iso_week(week)
            states = {r: archive.last_delivery(the_week, r) for r in config.recipients}
            if all(state in DONE_OR_MAYBE for state in states.values()):
                # Checked before the work: nothing to compute for a digest that went out.
                echo(already_sent(the_week, states))
                return
        digest = build_digest(archive, week, out, progress=progress, workers=jobs, meeting_pdfs=meeting_pdfs,
                              reports_url=reports_url, watch=watched, lang=lang)
        click.echo(
            f"{digest.week}: {digest.totals['meetings']} meetings, {digest.totals['speaker_mismatches']} speaker mismatches, "
            f"{digest.totals['coverage']} coverage differences, {digest.totals['unpaired']} unpaired documents"
        )
        echo(f"wrote {os.path.join(out, 'digest.html')}, {os.path.join(out, 'digest.pdf')}")
        _undated_notice(db)
        if digest.failed:
            for failure in digest.failed:
                echo(f"hrc-report: could not compare {failure.pair.key}: {failure.reason}", err=True)
        if config is not None:
            from pathlib import Path

            click.echo(deliver(archive, digest, Path(out), config, dry_run=dry_run, force=force))
        if digest.failed:
            raise HrcReportError(f"{len(digest.failed)} meeting{'s' if len(digest.failed) > 1 else ''} of {digest.week} "
                                 "could not be compared (listed in the digest); the others were")


@main.command("trends")
@click.option("--from", "first_week", help="First ISO week, e.g. 2024-W08.")
@click.option("--to", "last_week", help="Last ISO week, e.g. 2024-W14.")
@click.option("--session", help="A session instead of weeks, e.g. HRC55 (meetings whose title or lead names it).")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder for trends.html, trends.pdf and trends.csv.")
@DB_OPTION
@LANG_OPTION
def trends_command(first_week, last_week, session, out, db, lang):
    """Divergence over several weeks or a session, from the comparisons each week's digest stored.

    Example:

        hrc-report trends --from 2024-W08 --to 2024-W14 --out trends/spring
    """
    from .trends import build_trends, write_trends

    if session and (first_week or last_week):
        raise HrcReportError("give --session or --from/--to, not both")
    prepare_folder(out)
    with _archive(db) as archive:
        trends = build_trends(archive, first_week, last_week, session, lang=lang or "en")
    written = write_trends(trends, out)
    echo(f"{trends.period}: {len(trends.meetings)} meetings, {len(trends.delegations)} speakers")
    echo("wrote " + ", ".join(written.values()))


if __name__ == "__main__":  # pragma: no cover
    main()
