"""The weekly digest: every meeting of a week, where its two versions differ.

Writes ``digest.html`` and ``digest.pdf`` and, beside them, each meeting's
full report in ``meetings/<code>/``. Meetings are compared in two worker
processes (the machine has two cores); the name index, language profiles and
templates are loaded once, before the workers fork; each worker loads its own
sentence encoder, limited to one BLAS thread.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, ContextManager

from .archive import Archive, iso_week, week_bounds
from .models import HrcReportError
from .web import is_url
from .output import prepare_folder, write_atomic
from .pairing import Pair, Unpaired, pair_documents

#: How many flags of each kind a meeting shows in the digest; the full report has all.
TOP = 5
#: Below this many meetings, starting workers costs more than it saves.
PARALLEL_FROM = 4
#: Meetings a worker process compares before it is replaced by a fresh one.
WORKER_MEETINGS = 50


@dataclass(frozen=True)
class MeetingDigest:
    key: str
    code: str
    title_en: str
    title_fr: str
    date: str | None
    method: str
    confidence: float
    counts: dict
    mismatches: list[dict]
    coverage: list[dict]
    #: relative to the digest folder
    report: str
    #: the published pages, when the documents were fetched from them
    url_en: str | None = None
    url_fr: str | None = None
    #: the watched speakers this meeting lists or names (watch.Watched as data)
    watch: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Failed:
    pair: Pair
    reason: str


@dataclass(frozen=True)
class Digest:
    week: str
    monday: str
    sunday: str
    meetings: list[MeetingDigest]
    unpaired: list[Unpaired]
    totals: dict = field(default_factory=dict)
    #: where the digest folder is published (an intranet, a shared site): links are made absolute
    reports_url: str | None = None
    #: meetings that could not be compared, with the reason
    failed: list["Failed"] = field(default_factory=list)
    #: the language of the digest's and the reports' own words
    lang: str = "en"

    def link(self, meeting: "MeetingDigest", briefing: bool = False) -> str:
        """Where a meeting's full report is, seen from the digest: published, inside the
        briefing PDF, or beside the digest."""
        if self.reports_url:
            return f"{self.reports_url.rstrip('/')}/{meeting.report}"
        return f"#report-{meeting.key}" if briefing else meeting.report


def _compare_one(job: tuple) -> dict:
    """Compare one stored pair and write its reports; runs in a worker process."""
    from .parse import parse_summary
    from .pipeline import Options, compare_summaries, write_reports
    from .report import counts, dumps, to_json

    key, en_text, en_source, fr_text, fr_source, folder, formats, watch, lang = job
    try:
        # The pairing already decided these are one meeting: no second guess here.
        comparison = compare_summaries(parse_summary(en_text, en_source), parse_summary(fr_text, fr_source), force=True,
                                       watch=watch)
        write_reports(comparison, folder, Options(formats=formats, lang=lang))
    except Exception as error:  # noqa: BLE001 - one meeting must not sink the week: it is listed with the reason
        reason = str(error) if isinstance(error, HrcReportError) else f"internal error: {type(error).__name__}: {error}"
        return {"key": key, "error": reason.splitlines()[0] if reason else type(error).__name__}
    data = to_json(comparison)
    return {"key": key, "counts": counts(comparison), "mismatches": data["speaker_mismatches"], "coverage": data["coverage"],
            "watch": data["watch"], "report": dumps(data)}


def _warm_up(with_encoder: bool = True) -> None:
    from .encoder import encoder
    from .language import _factory
    from .names import load_index
    from .render import environment

    load_index()
    _factory()
    environment()
    if with_encoder:
        encoder()


def _start_worker() -> None:
    """Each worker takes one core: one BLAS thread, its own encoder; and dies with
    its parent, however the parent dies (SIGKILL included): Linux's parent-death
    signal, checked once in case the parent is already gone."""
    from threadpoolctl import threadpool_limits

    _die_with_parent()
    from .encoder import encoder

    threadpool_limits(1)
    encoder()


def _die_with_parent() -> None:
    import ctypes
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler unwinds; a worker just ends
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the parent's own handlers still end the workers
    if os.getppid() == 1:
        os._exit(1)


def _in_workers(jobs: list, workers: int):
    """Compare ``jobs`` in worker processes; none outlives the call, however it ends."""
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
    try:
        yield from pool.map(_compare_one, jobs, chunksize=1)
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM) or failed: stop the workers now.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _no_progress(total: int):
    return contextlib.nullcontext(lambda done: None)


def build_digest(
    archive: Archive,
    week: str,
    out: str | os.PathLike[str],
    progress: Callable[[int], ContextManager[Callable[[int], None]]] = _no_progress,
    workers: int = 2,
    meeting_pdfs: bool = False,
    reports_url: str | None = None,
    watch: tuple[str, ...] = (),
    lang: str = "en",
) -> Digest:
    """Compare every meeting of ``week`` and write the digest into ``out``.

    ``progress(total)`` gives a context manager yielding ``update(done)``,
    e.g. a click progress bar. Each meeting's full report is written as HTML
    and JSON; its PDF (most of the time a meeting takes, and most readers never
    open it) only with ``meeting_pdfs``.
    """
    monday, sunday = week_bounds(week)
    week = iso_week(week)
    folder = prepare_folder(out)
    pairing = pair_documents(archive.documents(week), by_hand=archive.manual_pairs(), kept_apart=archive.kept_apart())
    formats = ("html", "pdf", "json") if meeting_pdfs else ("html", "json")
    if not pairing.pairs and not pairing.unpaired:
        raise HrcReportError(f"no summaries in the archive for {week} ({monday} to {sunday}): ingest some first")
    jobs = [
        (pair.key, pair.en.text, pair.en.source, pair.fr.text, pair.fr.source, str(folder / "meetings" / pair.key), formats,
         tuple(watch), lang)
        for pair in pairing.pairs
    ]
    results: dict[str, dict] = {}
    parallel = workers > 1 and len(jobs) >= PARALLEL_FROM
    # What every worker needs is loaded once here and shared by the fork; the
    # encoder is loaded by each worker, with its own thread limit.
    _warm_up(with_encoder=not parallel)
    with progress(len(jobs)) as update:
        if parallel:
            # Fresh workers every WORKER_MEETINGS meetings: what a long run leaves in
            # a worker (caches, fragmented memory) goes with it.
            for start in range(0, len(jobs), WORKER_MEETINGS):
                for result in _in_workers(jobs[start:start + WORKER_MEETINGS], workers):
                    results[result["key"]] = result
                    update(1)
        else:
            for job in jobs:
                result = _compare_one(job)
                results[result["key"]] = result
                update(1)

    failed = [Failed(pair, results[pair.key]["error"]) for pair in pairing.pairs if "error" in results[pair.key]]
    # Kept for `trends`, which reads a session's comparisons instead of making them again.
    for pair in pairing.pairs:
        if "error" not in results[pair.key]:
            archive.store_report(pair.en.id, pair.fr.id, week, pair.en.date or pair.fr.date, results[pair.key]["report"])
    meetings = [_meeting(pair, results[pair.key]) for pair in pairing.pairs if "error" not in results[pair.key]]
    totals = {
        "meetings": len(meetings),
        "speaker_mismatches": sum(len(m.mismatches) for m in meetings),
        "coverage": sum(len(m.coverage) for m in meetings),
        "unpaired": len(pairing.unpaired),
        "failed": len(failed),
    }
    digest = Digest(week, monday.isoformat(), sunday.isoformat(), meetings, pairing.unpaired, totals, reports_url, failed, lang)
    write_digest(digest, folder)
    return digest


def _meeting(pair: Pair, result: dict) -> MeetingDigest:
    code = " / ".join(c for c in (pair.en.code, pair.fr.code) if c)
    return MeetingDigest(
        key=pair.key,
        code=code,
        title_en=pair.en.title,
        title_fr=pair.fr.title,
        date=pair.en.date or pair.fr.date,
        method=pair.method,
        confidence=pair.confidence,
        counts=result["counts"],
        mismatches=result["mismatches"],
        coverage=result["coverage"],
        report=f"meetings/{pair.key}/report.html",
        url_en=pair.en.source if is_url(pair.en.source) else None,
        url_fr=pair.fr.source if is_url(pair.fr.source) else None,
        watch=[w for w in result.get("watch", []) if w["lists_en"] or w["lists_fr"] or w["named_en"] or w["named_fr"]],
    )


def render_digest_html(digest: Digest, briefing: bool = False) -> str:
    from .render import environment

    return environment(digest.lang).get_template("digest.html").render(d=digest, top=TOP, briefing=briefing)


def render_digest_email(digest: Digest) -> str:
    """The email's HTML part: tables and bars as table cells (no SVG, no flexbox),
    styles inlined when the message is built, so Gmail and Outlook show it."""
    from .render import environment

    return environment(digest.lang).get_template("digest_email.html").render(d=digest, top=TOP)


def render_briefing_pdf(digest: Digest, folder: Path) -> bytes:
    """One PDF to take away: the digest, then each meeting's full report, with
    bookmarks and links from each digest entry to its meeting."""
    from weasyprint import HTML

    from .fetcher import url_fetcher

    def render(html: str, first_page: int):
        # One numbering through the whole PDF: each document starts where the last
        # ended ("Page 12"), the total being unknown until all are laid out.
        numbering = (f"<style>@page {{ @bottom-right {{ content: {css_counters(page_label)}; }} }} "
                     f"@page :first {{ counter-reset: page {first_page}; }}</style>")
        html = html.replace("</head>", numbering + "</head>", 1)
        return HTML(string=html, base_url="file:///nonexistent/", url_fetcher=url_fetcher()).render()

    from .i18n import translations
    from .render import css_counters

    page_label = translations(digest.lang).gettext("Page %(page)s")
    documents = [render(render_digest_html(digest, briefing=True), 1)]
    for meeting in digest.meetings:
        report = (folder / meeting.report).read_text("utf-8")
        # The anchor the digest links to, on the report's first page.
        report = report.replace("<body>", f'<body><div id="report-{meeting.key}"></div>', 1)
        documents.append(render(report, 1 + sum(len(d.pages) for d in documents)))
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


def render_digest_text(digest: Digest) -> str:
    from .render import environment

    return environment(digest.lang).get_template("digest.txt").render(d=digest, top=TOP)


def write_digest(digest: Digest, folder: Path) -> dict[str, Path]:
    from .render import render_pdf

    html = render_digest_html(digest)
    pdf = render_pdf(html)
    # What the email is made of, kept beside the digest so --resend needs no recomputing.
    email_parts = {"week": digest.week, "subject": subject(digest), "reports_url": digest.reports_url}
    written = {}
    for name, data in (
        ("digest.html", html.encode("utf-8")), ("digest.pdf", pdf), ("digest.csv", digest_csv(digest)),
        (EMAIL_TEXT, render_digest_text(digest).encode("utf-8")), (EMAIL_HTML, render_digest_email(digest).encode("utf-8")),
        (EMAIL_META, json.dumps(email_parts, ensure_ascii=False, indent=1).encode("utf-8")),
    ):
        write_atomic(folder / name, data)
        written[name] = folder / name
    return written


EMAIL_TEXT, EMAIL_HTML, EMAIL_META = "email.txt", "email.html", "email.json"
CSV_COLUMNS = ("week", "meeting", "code", "date", "flag", "kind", "where", "id", "about", "en", "fr")


def digest_csv(digest: Digest) -> bytes:
    """One row per flag of the week, for people who work in spreadsheets."""
    import csv
    import io

    from .i18n import translations
    from .render import describe_flag

    gettext = translations(digest.lang).gettext
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in digest.meetings:
        base = (digest.week, m.key, m.code, m.date or "")
        for x in m.mismatches:
            writer.writerow(base + ("speaker", x["issue"], x["list"], x["id"], "", x["name_en"] or "", x["name_fr"] or ""))
        for f in m.coverage:
            writer.writerow(base + ("coverage", f["kind"], f["only_in"] or "both", "", describe_flag(f, digest.lang, gettext), f["en"] or "", f["fr"] or ""))
    return out.getvalue().encode("utf-8")


def resend(archive: Archive, folder: Path, config, *, force: bool = False) -> str:
    """Send a digest folder written earlier, as it is: nothing is compared again."""
    from .send import build_message

    try:
        meta = json.loads((folder / EMAIL_META).read_text("utf-8"))
        text, html = (folder / EMAIL_TEXT).read_text("utf-8"), (folder / EMAIL_HTML).read_text("utf-8")
    except (OSError, ValueError):
        raise HrcReportError(f"{folder}: no digest to resend here (run `hrc-report digest` first)") from None
    week = meta["week"]
    briefing = folder / "briefing.pdf"
    if meta.get("reports_url") or not briefing.is_file():
        attachment, name = (folder / "digest.pdf").read_bytes(), f"hrc-report-digest-{week}.pdf"
    else:
        attachment, name = briefing.read_bytes(), f"hrc-report-briefing-{week}.pdf"
    message = build_message(config, meta["subject"], text, html, attachment, name)
    return _send(archive, week, message, config, force)


def subject(digest: Digest) -> str:
    from .i18n import number, translations

    gettext = translations(digest.lang).gettext
    counts = {name: number(digest.totals[key], digest.lang)
              for name, key in (("meetings", "meetings"), ("mismatches", "speaker_mismatches"), ("coverage", "coverage"))}
    return f"hrc-report {digest.week}: " + gettext(
        "%(meetings)s meetings, %(mismatches)s speaker mismatches, %(coverage)s coverage differences"
        " — versions anglaise et française") % counts


def deliver(archive: Archive, digest: Digest, folder: Path, config, *, dry_run: bool = False, force: bool = False) -> str:
    """Email the digest once per week and recipient; returns what happened, for the terminal.

    Each recipient is claimed in the archive ('sending') before the message
    goes out and settled after: sent, refused (sent again next run), failed
    (nothing left: sent again next run) or unknown (the server went silent
    after taking the message: not sent again without ``force``). A run killed
    between the two leaves 'sending', which later runs also do not repeat.
    Raises :class:`HrcReportError` when a recipient was not reached for sure.
    """
    from .send import build_message

    # With the reports published, the email links to them and carries the digest PDF;
    # without, it carries one briefing PDF holding every meeting's full report.
    if digest.reports_url:
        attachment, name = (folder / "digest.pdf").read_bytes(), f"hrc-report-digest-{digest.week}.pdf"
    else:
        attachment, name = render_briefing_pdf(digest, folder), f"hrc-report-briefing-{digest.week}.pdf"
        write_atomic(folder / "briefing.pdf", attachment)
    message = build_message(config, subject(digest), render_digest_text(digest), render_digest_email(digest), attachment, name)
    if dry_run:
        path = folder / f"digest-{digest.week}.eml"
        write_atomic(path, message.as_bytes())
        return f"wrote {path} (not sent)"
    return _send(archive, digest.week, message, config, force)


def _send(archive: Archive, week: str, message, config, force: bool) -> str:
    """Claim the recipients, send, and settle what happened to each."""
    from .send import send_message

    to_send, skipped = archive.claim(week, config.recipients, force)
    if not to_send:
        return already_sent(week, skipped)
    try:
        outcome = send_message(message, config, to_send)
    except HrcReportError as error:
        archive.settle(week, {r: ("failed", str(error)) for r in to_send}, None)
        raise HrcReportError(f"{error}; recorded as not sent (the next run sends it)") from None
    states = {r: ("sent", None) for r in outcome.accepted}
    states |= {r: ("refused", why) for r, why in outcome.refused.items()}
    states |= {r: ("unknown", outcome.detail) for r in outcome.unknown}
    try:
        archive.settle(week, states, outcome.message_id)
    except Exception as error:  # noqa: BLE001 - the message is out: say so whatever went wrong here
        raise HrcReportError(
            f"the {week} digest went to the server but the archive could not record it ({error}); "
            "the recipients stay marked as being sent to, so no later run sends it again without --force"
        ) from None
    return _outcome_line(week, outcome, skipped)


def already_sent(week: str, skipped: dict[str, str]) -> str:
    states = ", ".join(f"{r} ({state})" for r, state in skipped.items())
    return f"already sent the {week} digest (or its delivery is unknown): {states}; use --force to send it again"


def _outcome_line(week: str, outcome, skipped: dict[str, str]) -> str:
    done = f"sent the {week} digest to {', '.join(outcome.accepted)}" if outcome.accepted else f"the {week} digest reached no one"
    problems = []
    if outcome.refused:
        problems.append("refused by the server: " + "; ".join(f"{r} ({why})" for r, why in outcome.refused.items())
                        + " (recorded as not sent: the next run sends to them)")
    if outcome.unknown:
        problems.append(f"outcome unknown for {', '.join(outcome.unknown)}: {outcome.detail}; it may have been delivered, "
                        "so it is not sent again without --force")
    if problems:
        raise HrcReportError(f"{done}; " + "; ".join(problems))
    return done + (f" (already done for {', '.join(skipped)})" if skipped else "")