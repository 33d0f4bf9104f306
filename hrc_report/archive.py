"""The archive of ingested summaries and sent digests: one SQLite file.

Each document is stored once, keyed by the hash of its text; ingesting the
same file again changes nothing. The schema is versioned with
``PRAGMA user_version`` and migrated forward by :func:`Archive.migrate`.
"""

from __future__ import annotations

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
]


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

    @property
    def code_key(self) -> str | None:
        """The code without its language letter: HRC23.148E and HRC23.148F share HRC23.148."""
        return self.code[:-1] if self.code else None


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


class Archive:
    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.migrate()
        except sqlite3.DatabaseError as error:
            raise HrcReportError(f"{self.path}: not a usable hrc-report archive ({error})") from None
        except OSError as error:
            raise HrcReportError(f"{self.path}: cannot open the archive ({error.strerror or error})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise HrcReportError(f"{self.path}: made by a newer hrc-report (schema {version}); upgrade hrc-report")
        for number in range(version, len(MIGRATIONS)):
            with self.db:
                self.db.executescript(MIGRATIONS[number])
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def add(self, *, text: str, source: str, language: str, code: str | None, title: str, part: str | None,
            date: str | None, body: str) -> tuple[int, bool]:
        """Store a document once; (its id, whether it was new)."""
        digest = content_hash(text)
        row = self.db.execute("SELECT id FROM documents WHERE hash = ?", (digest,)).fetchone()
        if row:
            return row[0], False
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO documents (hash, source, language, code, title, part, date, body, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (digest, source, language, code, title, part, date, body, text),
            )
        return cursor.lastrowid, True

    def documents(self, week: str | None = None) -> list[StoredDocument]:
        query = "SELECT id, hash, source, language, code, title, part, date, body, text FROM documents"
        args: tuple = ()
        if week:
            monday, sunday = week_bounds(week)
            query += " WHERE date BETWEEN ? AND ?"
            args = (monday.isoformat(), sunday.isoformat())
        return [StoredDocument(*row) for row in self.db.execute(query + " ORDER BY date, code, id", args)]

    def undated(self) -> list[StoredDocument]:
        rows = self.db.execute(
            "SELECT id, hash, source, language, code, title, part, date, body, text FROM documents WHERE date IS NULL ORDER BY id"
        )
        return [StoredDocument(*row) for row in rows]

    def was_sent(self, week: str, recipients: str) -> bool:
        row = self.db.execute(
            "SELECT status FROM sends WHERE week = ? AND recipients = ? ORDER BY id DESC LIMIT 1", (week, recipients)
        ).fetchone()
        return bool(row) and row[0] == "sent"

    def record_send(self, week: str, recipients: str, status: str, message_id: str | None = None, error: str | None = None) -> None:
        at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self.db:
            self.db.execute(
                "INSERT INTO sends (week, recipients, status, at, message_id, error) VALUES (?, ?, ?, ?, ?, ?)",
                (week, recipients, status, at, message_id, error),
            )

    def sends(self, week: str) -> list[tuple[str, str, str, str | None]]:
        return self.db.execute(
            "SELECT recipients, status, at, error FROM sends WHERE week = ? ORDER BY id", (week,)
        ).fetchall()
