"""Crawl state for incremental harvests: what a site's earlier runs saw, behind a small interface.

`StateStore` is the protocol the crawl uses; `SqliteStateStore` keeps it in one SQLite file
per site (``output/state/<site>.sqlite``).  A Redis store (distributed crawling) only has
to implement the same methods.

What is kept:

- **articles**: key (the spider's dedupe key, ``aid:N`` or a canonical URL), URL, content
  hash, publication time, first and last seen, and a status: ``live`` (written),
  ``deleted`` (HTTP 404 showmessage: not requested again) or ``failed`` (lost in a run:
  requested again at the start of the next one);
- **confirmed**: an article becomes *confirmed* when a run that saw it walked every channel
  to its end (finish reason ``finished``).  Only confirmed articles stop a channel's
  pagination: a run that was killed half-way must not make the next run stop early.
  Unconfirmed live articles are still *done*: never fetched or written twice;
- **channels**: per list URL (page 1), the newest article seen there and when;
- **failed_lists**: list pages a run could not read: the next run reads them first (their
  articles may be on no other list, and the stop rule would not reach them);
- **runs**: one row per run (started, finished, status, output path, mode), so a killed run
  is resumed with the same output file.

Writes are committed one by one in WAL mode with ``synchronous=NORMAL``: a killed process
loses nothing that was committed (the WAL is in the OS cache); only a power cut can lose
the last commits, and the resume logic re-derives written articles from the output anyway.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

SCHEMA_VERSION = 1
LIVE, DELETED, FAILED = "live", "deleted", "failed"
RUNNING, INTERRUPTED, FINISHED, PARTIAL = "running", "interrupted", "finished", "partial"
# A run in one of these states did not end its walk and is continued by the next run.
RESUMABLE = (RUNNING, INTERRUPTED)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    content_hash TEXT,
    published_at TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    status TEXT NOT NULL,
    confirmed INTEGER NOT NULL DEFAULT 0,
    run INTEGER
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at);
CREATE TABLE IF NOT EXISTS channels (
    url TEXT PRIMARY KEY,
    newest_key TEXT,
    newest_url TEXT,
    newest_date TEXT,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS failed_lists (url TEXT PRIMARY KEY, failed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    mode TEXT NOT NULL,
    output TEXT NOT NULL,
    written INTEGER NOT NULL DEFAULT 0
);
"""


class StateError(Exception):
    """A state file that cannot be used (not SQLite, a newer schema); the message is one line."""


@dataclass(frozen=True)
class RunInfo:
    """The run this process works on: new, or an unfinished one it continues."""

    id: int
    output: str
    mode: str
    resumed: bool
    started_at: str


@dataclass(frozen=True)
class StoredArticle:
    key: str
    url: str
    content_hash: str | None
    published_at: str | None
    status: str


class StateStore(Protocol):
    """What the crawl needs from a site's state (SQLite here; Redis for distributed runs).

    Keys are the spider's dedupe keys (``aid:N`` or a canonical URL); times are aware datetimes
    in, ISO 8601 UTC strings out.  `spiders.incremental` is the only user.
    """

    @property
    def location(self) -> str: ...

    def begin_run(self, output: str, mode: str, now: datetime) -> RunInfo: ...

    def last_run_status(self) -> str | None: ...

    def known_keys(self) -> set[str]: ...

    def done_keys(self) -> set[str]: ...

    def article(self, key: str) -> StoredArticle | None: ...

    def articles_with_status(self, status: str) -> list[StoredArticle]: ...

    def published_since(self, moment: datetime) -> list[StoredArticle]: ...

    def record_article(
        self, key: str, url: str, content_hash: str | None, published_at: str | None, now: datetime
    ) -> None: ...

    def record_many(self, rows: Iterable[tuple[str, str, str | None, str | None]], now: datetime) -> None: ...

    def record_status(self, key: str, url: str, status: str, now: datetime) -> None: ...

    def touch(self, keys: Iterable[str], now: datetime) -> None: ...

    def counts(self) -> dict[str, int]: ...

    def record_channel(
        self, url: str, newest_key: str | None, newest_url: str | None, newest_date: str | None, now: datetime
    ) -> None: ...

    def channels(self) -> dict[str, dict[str, str | None]]: ...

    def record_list_failed(self, url: str, now: datetime) -> None: ...

    def list_recovered(self, url: str) -> None: ...

    def failed_lists(self) -> list[str]: ...

    def finish_run(self, run: RunInfo, status: str, written: int, now: datetime) -> None: ...

    def close(self) -> None: ...


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class SqliteStateStore:
    """`StateStore` in one SQLite file (created with its folder on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)  # autocommit: one write, one commit
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            version = int(self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise StateError(f"state file {self.path} cannot be used: {exc}") from None
        if version > SCHEMA_VERSION:
            raise StateError(f"state file {self.path} was written by a newer citynews (schema {version})")
        if "run" not in {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}:
            self.db.execute("ALTER TABLE articles ADD COLUMN run INTEGER")  # files from before the column
        self.run_id: int | None = None  # the run under way: its articles are told apart in done_keys

    @property
    def location(self) -> str:
        return str(self.path)

    # --- runs ------------------------------------------------------------------------
    def begin_run(self, output: str, mode: str, now: datetime) -> RunInfo:
        """Continue the last run if it did not end its walk, else start a new one writing `output`."""
        row = self.db.execute(
            "SELECT id, output, mode, status, started_at FROM runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row and row[3] in RESUMABLE:
            self.db.execute("UPDATE runs SET status=? WHERE id=?", (RUNNING, row[0]))
            self.run_id = row[0]
            return RunInfo(row[0], row[1], row[2], True, row[4])
        started = _iso(now)
        cursor = self.db.execute("INSERT INTO runs (started_at, status, mode, output) VALUES (?, ?, ?, ?)",
                                 (started, RUNNING, mode, output))
        self.run_id = int(cursor.lastrowid or 0)
        return RunInfo(self.run_id, output, mode, False, started)

    def last_run_status(self) -> str | None:
        row = self.db.execute("SELECT status FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def finish_run(self, run: RunInfo, status: str, written: int, now: datetime) -> None:
        """Close the run; a completed walk (``finished``) confirms every article it and its
        interrupted predecessors saw."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("UPDATE runs SET status=?, finished_at=?, written=written+? WHERE id=?",
                            (status, _iso(now), written, run.id))
            if status == FINISHED:
                self.db.execute("UPDATE articles SET confirmed=1 WHERE confirmed=0")

    # --- articles --------------------------------------------------------------------
    def known_keys(self) -> set[str]:
        """Keys that end a channel's pagination: confirmed articles, deleted and failed ones."""
        rows = self.db.execute("SELECT key FROM articles WHERE confirmed=1 OR status!=?", (LIVE,))
        return {key for (key,) in rows}

    def done_keys(self) -> set[str]:
        """Live articles written by an earlier run whose walk has not been confirmed (never write them twice).

        The run under way is left out: what it wrote is what its ``.part`` file holds (the
        resume reads it from there), so an article the state has but the file lost (a power
        cut) is written again.
        """
        rows = self.db.execute("SELECT key FROM articles WHERE confirmed=0 AND status=? AND run IS NOT ?",
                               (LIVE, self.run_id))
        return {key for (key,) in rows}

    def article(self, key: str) -> StoredArticle | None:
        row = self.db.execute(
            "SELECT key, url, content_hash, published_at, status FROM articles WHERE key=?", (key,)
        ).fetchone()
        return StoredArticle(*row) if row else None

    def articles_with_status(self, status: str) -> list[StoredArticle]:
        rows = self.db.execute(
            "SELECT key, url, content_hash, published_at, status FROM articles WHERE status=?", (status,)
        )
        return [StoredArticle(*row) for row in rows]

    def published_since(self, moment: datetime) -> list[StoredArticle]:
        """Live articles published at or after `moment` (for ``--recheck-days``)."""
        rows = self.db.execute(
            "SELECT key, url, content_hash, published_at, status FROM articles WHERE status=? AND published_at>=?",
            (LIVE, _iso(moment)))
        return [StoredArticle(*row) for row in rows]

    def record_article(
        self, key: str, url: str, content_hash: str | None, published_at: str | None, now: datetime
    ) -> None:
        """A written article (new, or re-fetched with a changed text)."""
        stamp = _iso(now)
        self.db.execute(
            "INSERT INTO articles (key, url, content_hash, published_at, first_seen, last_seen, status, run) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET url=excluded.url, "
            "content_hash=excluded.content_hash, published_at=excluded.published_at, last_seen=excluded.last_seen, "
            "status=excluded.status, run=excluded.run",
            (key, url, content_hash, _utc(published_at), stamp, stamp, LIVE, self.run_id))

    def record_many(self, rows: Iterable[tuple[str, str, str | None, str | None]], now: datetime) -> None:
        """`record_article` for many (key, url, hash, published_at) in one transaction."""
        with self.db:
            self.db.execute("BEGIN")
            for key, url, content_hash, published_at in rows:
                self.record_article(key, url, content_hash, published_at, now)

    def record_status(self, key: str, url: str, status: str, now: datetime) -> None:
        """A deleted or failed article; never downgrades a live one to failed."""
        stamp = _iso(now)
        self.db.execute(
            "INSERT INTO articles (key, url, first_seen, last_seen, status) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET last_seen=excluded.last_seen, status=CASE "
            "WHEN articles.status=? AND excluded.status=? THEN articles.status ELSE excluded.status END",
            (key, url, stamp, stamp, status, LIVE, FAILED))

    def touch(self, keys: Iterable[str], now: datetime) -> None:
        """Articles seen again (on a list page or re-fetched unchanged): move their last_seen."""
        stamp = _iso(now)
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("UPDATE articles SET last_seen=? WHERE key=?", ((stamp, key) for key in keys))

    # --- channels --------------------------------------------------------------------
    def record_channel(
        self, url: str, newest_key: str | None, newest_url: str | None, newest_date: str | None, now: datetime
    ) -> None:
        self.db.execute(
            "INSERT INTO channels VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
            "newest_key=excluded.newest_key, newest_url=excluded.newest_url, newest_date=excluded.newest_date, "
            "seen_at=excluded.seen_at",
            (url, newest_key, newest_url, newest_date, _iso(now)))

    def channels(self) -> dict[str, dict[str, str | None]]:
        rows = self.db.execute("SELECT url, newest_key, newest_url, newest_date, seen_at FROM channels ORDER BY url")
        return {r[0]: {"newest_key": r[1], "newest_url": r[2], "newest_date": r[3], "seen_at": r[4]} for r in rows}

    # --- list pages a run could not read (read first by the next run) ---------------
    def record_list_failed(self, url: str, now: datetime) -> None:
        self.db.execute("INSERT OR REPLACE INTO failed_lists VALUES (?, ?)", (url, _iso(now)))

    def list_recovered(self, url: str) -> None:
        self.db.execute("DELETE FROM failed_lists WHERE url=?", (url,))

    def failed_lists(self) -> list[str]:
        return [url for (url,) in self.db.execute("SELECT url FROM failed_lists ORDER BY url")]

    def counts(self) -> dict[str, int]:
        """Articles by status (for the manifest)."""
        return {status: n for status, n in self.db.execute("SELECT status, COUNT(*) FROM articles GROUP BY status")}

    def close(self) -> None:
        self.db.close()

    def __iter__(self) -> Iterator[StoredArticle]:
        rows = self.db.execute("SELECT key, url, content_hash, published_at, status FROM articles ORDER BY key")
        return (StoredArticle(*row) for row in rows)


def _utc(published_at: str | None) -> str | None:
    """Store times in UTC so that text comparison is time comparison."""
    if not published_at:
        return None
    try:
        return _iso(datetime.fromisoformat(published_at))
    except ValueError:
        return None


def open_store(state_dir: str | Path, name: str) -> StateStore:
    """The state store of site `name` (a Redis store for distributed runs plugs in here)."""
    return SqliteStateStore(state_path(state_dir, name))


def state_path(state_dir: str | Path, name: str) -> Path:
    """``<state dir>/<safe name>.sqlite``."""
    return Path(state_dir) / f"{safe_name(name)}.sqlite"


def safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "site"
