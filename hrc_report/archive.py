"""The archive of ingested summaries and sent digests: one SQLite file.

Each document is stored once, keyed by the hash of its text; ingesting the
same file again changes nothing. The schema is versioned with
``PRAGMA user_version`` and migrated forward by :func:`Archive.migrate`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .models import HrcReportError

#: Each entry takes the schema from version N to N+1.
MIGRATIONS = [
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        language TEXT NOT NULL,
        code TEXT,
        title TEXT NOT NULL,
        part TEXT,
        date TEXT,
        body TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX documents_date ON documents (date);
    CREATE TABLE sends (
        id INTEGER PRIMARY KEY,
        week TEXT NOT NULL,
        recipients TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
        at TEXT NOT NULL,
        message_id TEXT,
        error TEXT
    );
    CREATE INDEX sends_week ON sends (week, recipients);
    """,
    # 2: one row per recipient and attempt, with the states a delivery can end in
    """
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        week TEXT NOT NULL,
        recipient TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'refused', 'failed', 'unknown')),
        at TEXT NOT NULL,
        message_id TEXT,
        detail TEXT
    );
    CREATE INDEX deliveries_week ON deliveries (week, recipient);
    """,
    # 3: where a document's date came from: its own text, or the user (ingest --date)
    """
    ALTER TABLE documents ADD COLUMN date_from TEXT CHECK (date_from IN ('document', 'given'))
    """,
    # 4: pairs a user made by hand, which pairing takes before any other
    """
    CREATE TABLE manual_pairs (
        en_id INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
        fr_id INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE
    );
    CREATE TABLE kept_apart (
        id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE
    )
    """,
    # 5: each meeting's comparison (its report.json) as the digest made it, for trends
    """
    CREATE TABLE reports (
        en_id INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
        fr_id INTEGER NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
        week TEXT NOT NULL,
        date TEXT,
        report TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX reports_week ON reports (week)
    """,
]
#: Delivery states after which a recipient is not sent the week's digest again
#: without --force: it was delivered, or it may have been (a run cut off while
#: sending, or a server that went silent after taking the message).
DONE_OR_MAYBE = ("sent", "sending", "unknown")
#: Seconds a run waits for another run's lock on the archive.
BUSY_TIMEOUT = 30


COLUMNS = "id, hash, source, language, code, title, part, date, body, text, date_from"


def _key(recipient: str) -> str:
    """A recipient as the archive knows it: the address alone, lower case."""
    from email.utils import parseaddr

    return (parseaddr(recipient)[1] or recipient).strip().lower()


def default_path() -> Path:
    """The archive in the user's data folder (XDG_DATA_HOME, else ~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "hrc-report" / "archive.sqlite"


@dataclass(frozen=True)
class StoredDocument:
    id: int
    hash: str
    source: str
    language: str
    code: str | None
    title: str
    part: str | None
    date: str | None
    body: str
    text: str
    #: "document" (read from its text), "given" (ingest --date) or None (no date)
    date_from: str | None = None

    @property
    def code_key(self) -> str | None:
        """The code without its language letter: HRC23.148E and HRC23.148F share HRC23.148."""
        return self.code[:-1] if self.code else None


@dataclass(frozen=True)
class StoredReport:
    """One meeting's comparison as the digest stored it (report.json text)."""

    en_id: int
    fr_id: int
    week: str
    date: str | None
    report: str


def content_hash(text: str) -> str:
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def week_bounds(week: str) -> tuple[dt.date, dt.date]:
    """'2023-W41' -> (Monday, Sunday) of that ISO week."""
    try:
        year, number = week.upper().split("-W")
        monday = dt.date.fromisocalendar(int(year), int(number), 1)
    except ValueError:
        raise HrcReportError(f"--week {week!r}: expected an ISO week such as 2023-W41") from None
    return monday, monday + dt.timedelta(days=6)


def iso_week(week: str) -> str:
    """A week as written ('2023-w41', '2023-W1') in its one spelling: '2023-W41', '2023-W01'."""
    monday, _ = week_bounds(week)
    return f"{monday.isocalendar().year}-W{monday.isocalendar().week:02d}"


class Archive:
    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Transactions are ours (BEGIN IMMEDIATE where several runs may write).
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.migrate()
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise HrcReportError(f"{self.path}: the archive is locked by another hrc-report run; try again when it ends") from None
            raise HrcReportError(f"{self.path}: cannot open the archive ({error})") from None
        except sqlite3.DatabaseError as error:
            raise HrcReportError(
                f"{self.path}: the archive is damaged ({error}); recover what it holds with "
                f"`sqlite3 {self.path} .recover | sqlite3 recovered.sqlite`, or move it away to start a new one"
            ) from None
        except OSError as error:
            raise HrcReportError(f"{self.path}: cannot open the archive ({error.strerror or error})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def migrate(self) -> None:
        """Bring the schema up to date, each step in one transaction: a crash part-way
        leaves the archive as it was, and two runs creating it at once wait for each other."""
        for number in range(len(MIGRATIONS)):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                if version > len(MIGRATIONS):
                    raise HrcReportError(f"{self.path}: made by a newer hrc-report (schema {version}); upgrade hrc-report")
                if version == number:
                    for statement in filter(str.strip, MIGRATIONS[number].split(";")):
                        self.db.execute(statement)
                    if number == 1:
                        self._carry_old_sends()
                    self.db.execute(f"PRAGMA user_version = {number + 1}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def add(self, *, text: str, source: str, language: str, code: str | None, title: str, part: str | None,
            date: str | None, body: str, date_from: str | None = None) -> tuple[int, bool]:
        """Store a document once; (its id, whether it was new). A stored document
        whose date was not read from its text takes a newly given date."""
        digest = content_hash(text)
        with self._transaction():
            row = self.db.execute("SELECT id, date_from FROM documents WHERE hash = ?", (digest,)).fetchone()
            if row:
                if date and date_from == "given" and row[1] != "document":
                    self.db.execute("UPDATE documents SET date = ?, date_from = 'given' WHERE id = ?", (date, row[0]))
                return row[0], False
            cursor = self.db.execute(
                "INSERT INTO documents (hash, source, language, code, title, part, date, body, text, date_from)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (digest, source, language, code, title, part, date, body, text, date_from if date else None),
            )
        return cursor.lastrowid, True

    def documents(self, week: str | None = None) -> list[StoredDocument]:
        query = f"SELECT {COLUMNS} FROM documents"
        args: tuple = ()
        if week:
            monday, sunday = week_bounds(week)
            query += " WHERE date BETWEEN ? AND ?"
            args = (monday.isoformat(), sunday.isoformat())
        return [StoredDocument(*row) for row in self.db.execute(query + " ORDER BY date, code, id", args)]

    def document(self, ident: int) -> StoredDocument:
        row = self.db.execute(f"SELECT {COLUMNS} FROM documents WHERE id = ?", (ident,)).fetchone()
        if row is None:
            raise HrcReportError(f"{self.path}: no document {ident} (see `hrc-report archive list`)")
        return StoredDocument(*row)

    def set_date(self, ident: int, date: str) -> None:
        self.document(ident)
        with self._transaction():
            self.db.execute("UPDATE documents SET date = ?, date_from = 'given' WHERE id = ?", (date, ident))

    def remove(self, ident: int) -> None:
        self.document(ident)
        with self._transaction():
            self.db.execute("DELETE FROM documents WHERE id = ?", (ident,))

    def pair_by_hand(self, first: int, second: int) -> tuple[int, int]:
        """Pair two documents (one English, one French); undoes their earlier hand pairs."""
        a, b = self.document(first), self.document(second)
        if {a.language, b.language} != {"en", "fr"}:
            raise HrcReportError(f"documents {first} and {second} are both in {a.language}: pair an English with a French one")
        en, fr = (a, b) if a.language == "en" else (b, a)
        with self._transaction():
            self.db.execute("DELETE FROM manual_pairs WHERE en_id = ? OR fr_id = ?", (en.id, fr.id))
            self.db.execute("DELETE FROM kept_apart WHERE id IN (?, ?)", (en.id, fr.id))
            self.db.execute("INSERT INTO manual_pairs (en_id, fr_id) VALUES (?, ?)", (en.id, fr.id))
        return en.id, fr.id

    def keep_apart(self, ident: int) -> None:
        """A human decision: this document is in no pair (its hand pair, if any, is undone)."""
        self.document(ident)
        with self._transaction():
            self.db.execute("DELETE FROM manual_pairs WHERE en_id = ? OR fr_id = ?", (ident, ident))
            self.db.execute("INSERT OR IGNORE INTO kept_apart (id) VALUES (?)", (ident,))

    def kept_apart(self) -> set[int]:
        return {row[0] for row in self.db.execute("SELECT id FROM kept_apart")}

    def manual_pairs(self) -> list[tuple[int, int]]:
        return self.db.execute("SELECT en_id, fr_id FROM manual_pairs ORDER BY en_id").fetchall()

    def undated(self) -> list[StoredDocument]:
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM documents WHERE date IS NULL ORDER BY id"
        )
        return [StoredDocument(*row) for row in rows]

    def store_report(self, en_id: int, fr_id: int, week: str, date: str | None, report: str) -> None:
        """Keep a meeting's report.json; a document is in one stored comparison at a
        time, so a pair made again (by hand, after a new ingest) replaces the old one."""
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._transaction():
            self.db.execute("DELETE FROM reports WHERE en_id IN (?, ?) OR fr_id IN (?, ?)", (en_id, fr_id, en_id, fr_id))
            self.db.execute("INSERT INTO reports (en_id, fr_id, week, date, report, at) VALUES (?, ?, ?, ?, ?, ?)",
                            (en_id, fr_id, week, date, report, at))

    def reports(self, first_week: str | None = None, last_week: str | None = None) -> list[StoredReport]:
        """The stored comparisons of the meetings from ``first_week`` to ``last_week`` (all
        without them), in date order."""
        query, args = "SELECT en_id, fr_id, week, date, report FROM reports", ()
        if first_week and last_week:
            query += " WHERE date BETWEEN ? AND ?"
            args = (week_bounds(first_week)[0].isoformat(), week_bounds(last_week)[1].isoformat())
        return [StoredReport(*row) for row in self.db.execute(query + " ORDER BY date, en_id", args)]

    def _carry_old_sends(self) -> None:
        """Schema 1 recorded a send per recipient list: what was sent stays sent."""
        rows = self.db.execute("SELECT week, recipients, at, message_id FROM sends WHERE status = 'sent' ORDER BY id").fetchall()
        for week, recipients, at, message_id in rows:
            for recipient in filter(None, recipients.split(",")):
                self.db.execute(
                    "INSERT INTO deliveries (week, recipient, status, at, message_id, detail) VALUES (?, ?, 'sent', ?, ?, ?)",
                    (week, recipient.strip().lower(), at, message_id, "sent before schema 2"),
                )

    @contextlib.contextmanager
    def _transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def last_delivery(self, week: str, recipient: str) -> str | None:
        row = self.db.execute(
            "SELECT status FROM deliveries WHERE week = ? AND recipient = ? ORDER BY id DESC LIMIT 1", (week, _key(recipient))
        ).fetchone()
        return row[0] if row else None

    def claim(self, week: str, recipients, force: bool = False) -> tuple[list[str], dict[str, str]]:
        """Mark the recipients this run will send to as 'sending', in one transaction.

        Returns (to send, skipped with their state). A recipient already sent to,
        being sent to by another run, or whose delivery is unknown is skipped
        unless ``force``: never twice without being asked.
        """
        to_send, skipped = [], {}
        with self._transaction():
            for recipient in recipients:
                state = self.last_delivery(week, recipient)
                if state in DONE_OR_MAYBE and not force:
                    skipped[recipient] = state
                    continue
                self._record(week, recipient, "sending", None, None)
                to_send.append(recipient)
        return to_send, skipped

    def settle(self, week: str, outcomes: dict[str, tuple[str, str | None]], message_id: str | None) -> None:
        """Record how each claimed recipient's delivery ended: sent, refused, failed or unknown."""
        with self._transaction():
            for recipient, (status, detail) in outcomes.items():
                self._record(week, recipient, status, message_id, detail)

    def _record(self, week, recipient, status, message_id, detail) -> None:
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute(
            "INSERT INTO deliveries (week, recipient, status, at, message_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (week, _key(recipient), status, at, message_id, detail),
        )

    def deliveries(self, week: str) -> list[tuple[str, str, str, str | None]]:
        """(recipient, status, at, detail) of every attempt for ``week``, in order."""
        return self.db.execute(
            "SELECT recipient, status, at, detail FROM deliveries WHERE week = ? ORDER BY id", (week,)
        ).fetchall()
