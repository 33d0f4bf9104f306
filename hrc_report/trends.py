"""Divergence over weeks or a whole session, from the comparisons the digests stored.

Nothing is compared again: each meeting's report.json, kept in the archive when
its week's digest was built, is read back. For each speaker: how often it was
listed, and how often one version left it out or gave another "on behalf of";
for each meeting: how much of each version the other covers; for each body and
week: how many flags of each kind.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from dataclasses import dataclass, field

from .archive import Archive, StoredReport, iso_week, week_bounds
from .models import HrcReportError
from .output import prepare_folder, write_atomic

#: What a meeting's flags are counted as, in the order of the tables.
FLAG_KINDS = ("missing_in_en", "missing_in_fr", "on_behalf_differs", "vote", "number", "date", "time", "state", "topic")
#: How many delegations each "most often left out" chart shows.
CHART_TOP = 10


@dataclass(frozen=True)
class MeetingTrend:
    key: str
    code: str
    date: str | None
    week: str
    body: str
    session: str | None
    title_en: str
    title_fr: str
    covered_en: float
    covered_fr: float
    #: FLAG_KINDS -> how many of each this meeting's report holds
    flags: dict[str, int]


@dataclass(frozen=True)
class DelegationTrend:
    id: str
    name_en: str
    name_fr: str
    kind: str
    #: meetings whose lists name it, in either version
    spoke: int
    #: meetings where the French lists name it and the English ones do not, and the other way round
    missing_en: int
    missing_fr: int
    on_behalf_differs: int

    @property
    def missing(self) -> int:
        return self.missing_en + self.missing_fr


@dataclass(frozen=True)
class Trends:
    #: what was asked: "2024-W08 to 2024-W14" or a session
    period: str
    first_week: str | None
    last_week: str | None
    session: str | None
    meetings: list[MeetingTrend]
    delegations: list[DelegationTrend]
    #: (body, week) -> FLAG_KINDS counts
    by_body_week: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    lang: str = "en"

    def most_missing(self, side: str) -> list[DelegationTrend]:
        """The delegations most often missing from one version's lists (``en`` or ``fr``)."""
        rows = [d for d in self.delegations if getattr(d, f"missing_{side}")]
        return sorted(rows, key=lambda d: (-getattr(d, f"missing_{side}"), d.name_en))[:CHART_TOP]


def build_trends(archive: Archive, first_week: str | None = None, last_week: str | None = None,
                 session: str | None = None, lang: str = "en") -> Trends:
    """The trends of the stored comparisons from ``first_week`` to ``last_week``, or of one session."""
    if session:
        session = session.strip().upper()
        reports = [(r, data) for r, data in _parsed(archive.reports()) if _session_of(data) == session]
        period = session
        if not reports:
            raise HrcReportError(f"--session {session}: no stored comparison of that session (meetings carry their session "
                                 "in their title or lead; build the weeks' digests first)")
    else:
        if not first_week or not last_week:
            raise HrcReportError("give --from and --to (ISO weeks such as 2024-W08), or --session")
        first, last = iso_week(first_week), iso_week(last_week)
        if week_bounds(first)[0] > week_bounds(last)[0]:
            raise HrcReportError(f"--from {first} comes after --to {last}")
        reports = _parsed(archive.reports(first, last))
        period = f"{first} – {last}"
        first_week, last_week = first, last
        if not reports:
            raise HrcReportError(f"no stored comparison from {first} to {last}: build those weeks' digests first")
    meetings = [_meeting(r, data) for r, data in reports]
    by_body_week: dict[tuple[str, str], Counter] = {}
    for meeting in meetings:
        by_body_week.setdefault((meeting.body, meeting.week), Counter()).update(meeting.flags)
    return Trends(
        period, first_week, last_week, session, meetings, _delegations(data for _, data in reports),
        {key: {kind: counts.get(kind, 0) for kind in FLAG_KINDS} for key, counts in sorted(by_body_week.items())},
        lang,
    )


def _parsed(stored: list[StoredReport]) -> list[tuple[StoredReport, dict]]:
    """Each stored comparison with its report.json read, once."""
    return [(r, json.loads(r.report)) for r in stored]


def _session_of(data: dict) -> str | None:
    documents = data["documents"]
    return documents["en"].get("session") or documents["fr"].get("session")


def _meeting(stored: StoredReport, data: dict) -> MeetingTrend:
    en, fr = data["documents"]["en"], data["documents"]["fr"]
    flags = Counter(m["issue"] for m in data["speaker_mismatches"])
    flags.update(f["kind"] for f in data["coverage"])
    code = " / ".join(c for c in (en["code"], fr["code"]) if c) or "—"
    return MeetingTrend(
        key=f"{stored.en_id}-{stored.fr_id}", code=code, date=stored.date, week=stored.week,
        body=en.get("body") or fr.get("body") or "—", session=_session_of(data),
        title_en=en["title"], title_fr=fr["title"],
        covered_en=data["covered"]["en"], covered_fr=data["covered"]["fr"],
        flags={kind: flags.get(kind, 0) for kind in FLAG_KINDS},
    )


def _delegations(reports) -> list[DelegationTrend]:
    spoke: Counter = Counter()
    missing = {"missing_in_en": Counter(), "missing_in_fr": Counter(), "on_behalf_differs": Counter()}
    names: dict[str, dict[str, str]] = {}
    kinds: dict[str, str] = {}
    for data in reports:
        listed = set()
        for lang in ("en", "fr"):
            for speaker in data["speakers"][lang]:
                listed.add(speaker["id"])
                names.setdefault(speaker["id"], {}).setdefault(lang, speaker["name"])
                kinds.setdefault(speaker["id"], speaker["kind"])
        spoke.update(listed)
        # one count per meeting, however many lists the speaker is missing from
        for issue, counter in missing.items():
            counter.update({m["id"] for m in data["speaker_mismatches"] if m["issue"] == issue})
    from .names import load_index

    # The index's name in each language; a speaker it does not know keeps its name as written.
    known = load_index().names
    rows = []
    for ident in spoke:
        name = {**names[ident], **{lang: n for lang, n in known.get(ident, {}).items() if lang in ("en", "fr") and n}}
        rows.append(DelegationTrend(
            ident, name.get("en") or name["fr"], name.get("fr") or name["en"], kinds[ident], spoke[ident],
            missing["missing_in_en"][ident], missing["missing_in_fr"][ident], missing["on_behalf_differs"][ident],
        ))
    return sorted(rows, key=lambda d: (-d.missing - d.on_behalf_differs, -d.spoke, d.name_en))


# --- output -----------------------------------------------------------------------------

CSV_COLUMNS = ("table", "week", "body", "meeting", "date", "id", "name", "measure", "value")


def trends_csv(trends: Trends) -> bytes:
    """One long table, for a spreadsheet's pivot: a row per delegation, meeting or
    body-week and measure."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for d in trends.delegations:
        for measure in ("spoke", "missing_en", "missing_fr", "on_behalf_differs"):
            writer.writerow(("delegation", "", "", "", "", d.id, d.name_fr if trends.lang == "fr" else d.name_en,
                             measure, getattr(d, measure)))
    for m in trends.meetings:
        base = ("meeting", m.week, m.body, m.code, m.date or "", m.key, m.title_fr if trends.lang == "fr" else m.title_en)
        writer.writerow(base + ("covered_en", f"{m.covered_en:.3f}"))
        writer.writerow(base + ("covered_fr", f"{m.covered_fr:.3f}"))
        for kind in FLAG_KINDS:
            writer.writerow(base + (kind, m.flags[kind]))
    for (body, week), counts in trends.by_body_week.items():
        for kind in FLAG_KINDS:
            writer.writerow(("body_week", week, body, "", "", "", "", kind, counts[kind]))
    return out.getvalue().encode("utf-8")


def render_trends_html(trends: Trends) -> str:
    from .render import environment

    return environment(trends.lang).get_template("trends.html").render(t=trends, kinds=FLAG_KINDS)


def write_trends(trends: Trends, out: str | os.PathLike[str]) -> dict[str, str]:
    """trends.html, trends.pdf and trends.csv, each rendered before any is written."""
    from .render import render_pdf

    folder = prepare_folder(out)
    html = render_trends_html(trends)
    files = {"trends.html": html.encode("utf-8"), "trends.pdf": render_pdf(html), "trends.csv": trends_csv(trends)}
    for name, data in files.items():
        write_atomic(folder / name, data)
    return {name: str(folder / name) for name in files}
