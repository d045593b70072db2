"""The embedded store: SQLite in WAL mode, one row per article, analyses beside them, link indexes next to both.

Why SQLite: one file, no server, transactions that survive ``kill -9`` and a reader that can run beside writers
(WAL gives readers a consistent snapshot). Every write is a short ``BEGIN IMMEDIATE`` transaction, so two
ingesting processes queue behind each other instead of failing; the busy timeout absorbs the wait. Documents are
keyed on their normalized-content hash, so ingesting the same article twice stores it once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from storyline.errors import StoreError
from storyline.model import Document, Skipped
from storyline.settings import Settings
from storyline.store import codec
from storyline.store.schema import migrate

BUSY_TIMEOUT_MS = 60_000  # how long a writer waits for another writer before giving up
LOCK_RETRIES = 5  # extra attempts when SQLite still reports "database is locked" after the busy timeout
T = TypeVar("T")


@dataclass(frozen=True)
class AddResult:
    """What storing a batch did: ids newly stored and ids that were already there (duplicates)."""

    added: tuple[str, ...]
    duplicates: tuple[str, ...]


@dataclass(frozen=True)
class StoreStats:
    documents: int
    analyzed: int
    skipped: int
    outlets: int
    stories: int


def _retry_locked(action: Callable[[], T]) -> T:
    """``action()``, tried again while SQLite reports "database is locked" at once. Opening a file that another
    process is creating, switching to WAL or checkpointing can fail that way without waiting out the busy
    timeout (seen with two ingests and a reader starting together); a busy write is retried the same way."""
    for attempt in range(LOCK_RETRIES):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(0.2 * (attempt + 1))
    return action()


def _connect(target: str) -> sqlite3.Connection:
    """A connection in WAL mode with the busy timeout set and the schema up to date (closed again on failure)."""
    connection = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN IMMEDIATE")
        try:
            migrate(connection)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    except BaseException:
        connection.close()
        raise
    return connection


class Store:
    """A storyline database. Open with :meth:`Store.open`; use as a context manager to close it."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path = "storyline.db", settings: Settings | None = None) -> Store:
        """Open or create the database at ``path`` and bring its schema up to date."""
        del settings  # reserved: per-store settings (next wave)
        target = str(path)
        if target != ":memory:":
            parent = Path(target).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"{target}: folder {parent} does not exist; create it or choose another --db"
                )
        try:
            return cls(_retry_locked(lambda: _connect(target)), target)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{target}: not a usable storyline database ({exc})") from exc

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken at once (``BEGIN IMMEDIATE``), retried while another writer holds the lock."""
        for attempt in range(LOCK_RETRIES + 1):
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == LOCK_RETRIES:
                    raise StoreError(
                        f"{self.path}: cannot start a write ({exc}); another process holds it"
                    ) from exc
                time.sleep(0.2 * (attempt + 1))
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # documents -------------------------------------------------------------------------------------------

    def add_documents(self, documents: Iterable[Document]) -> AddResult:
        """Store a batch in one transaction; an article whose content is already stored counts as a duplicate."""
        with self.transaction() as conn:
            return insert_documents(conn, documents)

    def has_document(self, content_hash: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,))
        return row.fetchone() is not None

    def documents(self, ids: Iterable[str] | None = None, *, with_analysis: bool = True) -> list[Document]:
        """Stored documents in ingestion order (all, or those with the given ids), with their analyses."""
        sql = f"SELECT {codec.DOCUMENT_COLUMNS} FROM documents"
        rows = self.connection.execute(sql + " ORDER BY seq").fetchall()
        if ids is not None:
            wanted = set(ids)
            rows = [row for row in rows if row[0] in wanted]
        documents = [codec.document_from_row(row) for row in rows]
        return self._with_analyses(documents) if with_analysis else documents

    def document_count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM documents").fetchone()[0])

    # analyses --------------------------------------------------------------------------------------------

    def unanalyzed_ids(self, version: str) -> list[str]:
        """Documents with no analysis by analyzer ``version`` yet, in ingestion order (what a resume must do)."""
        rows = self.connection.execute(
            "SELECT d.id FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id AND a.version = ?"
            " WHERE a.doc_id IS NULL ORDER BY d.seq",
            (version,),
        )
        return [row[0] for row in rows]

    def save_analyses(self, documents: Iterable[Document], version: str) -> None:
        """Store each document's entities, timexes, quotes and events (one transaction per call)."""
        now = _now()
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO analyses (doc_id, version, payload, analyzed_at) VALUES (?,?,?,?)",
                [(d.id, version, codec.analysis_payload(d), now) for d in documents],
            )

    def _with_analyses(self, documents: list[Document]) -> list[Document]:
        rows = self.connection.execute("SELECT doc_id, payload FROM analyses").fetchall()
        payloads = {doc_id: payload for doc_id, payload in rows}
        return [codec.with_analysis(d, payloads[d.id]) if d.id in payloads else d for d in documents]

    # skipped ---------------------------------------------------------------------------------------------

    def add_skipped(self, skipped: Iterable[Skipped]) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO skipped (source, stage, reason, at) VALUES (?,?,?,?)",
                [(s.source, s.stage, s.reason, _now()) for s in skipped],
            )

    def skipped(self) -> list[Skipped]:
        rows = self.connection.execute("SELECT source, stage, reason FROM skipped ORDER BY at, source")
        return [Skipped(*row) for row in rows]

    # feeds (storyline watch) -----------------------------------------------------------------------------

    def feed_state(self, feed: str) -> dict[str, Any]:
        row = self.connection.execute(
            "SELECT etag, last_modified FROM feeds WHERE url = ?", (feed,)
        ).fetchone()
        return {"etag": row[0], "last_modified": row[1]} if row else {"etag": None, "last_modified": None}

    def set_feed_state(self, feed: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO feeds (url, etag, last_modified) VALUES (?,?,?) ON CONFLICT(url) DO UPDATE"
                " SET etag = excluded.etag, last_modified = excluded.last_modified",
                (feed, etag, last_modified),
            )

    def seen_entry(self, feed: str, entry_id: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM feed_entries WHERE feed = ? AND entry_id = ?", (feed, entry_id)
        ).fetchone()
        return row is not None

    def add_seen_entry(self, feed: str, entry_id: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO feed_entries (feed, entry_id, at) VALUES (?,?,?)",
                (feed, entry_id, _now()),
            )

    # summary ---------------------------------------------------------------------------------------------

    def stats(self) -> StoreStats:
        """Counts read in one snapshot (a single read transaction), consistent even while others write."""
        with _read_snapshot(self.connection) as conn:
            one = lambda sql: int(conn.execute(sql).fetchone()[0])  # noqa: E731
            return StoreStats(
                documents=one("SELECT count(*) FROM documents"),
                analyzed=one("SELECT count(DISTINCT doc_id) FROM analyses"),
                skipped=one("SELECT count(*) FROM skipped"),
                outlets=one("SELECT count(DISTINCT outlet) FROM documents"),
                stories=_story_count(conn),
            )

    def outlet_counts(self) -> list[tuple[str, int]]:
        rows = self.connection.execute(
            "SELECT coalesce(outlet, '(unknown)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        return [(str(outlet), int(n)) for outlet, n in rows]


def insert_documents(conn: sqlite3.Connection, documents: Iterable[Document]) -> AddResult:
    """Insert inside the caller's transaction; content already stored is reported as a duplicate."""
    added: list[str] = []
    duplicates: list[str] = []
    now = _now()
    for document in documents:
        cursor = conn.execute(
            "INSERT INTO documents (id, content_hash, source, url, outlet, title, byline, published,"
            " dateline_place, language, text, hints, removed, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (*codec.document_row(document), now),
        )
        (added if cursor.rowcount == 1 else duplicates).append(document.id)
    return AddResult(tuple(added), tuple(duplicates))


def last_seq(conn: sqlite3.Connection) -> int:
    """The ingestion number of the newest stored document (0 for an empty store)."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0])


@contextmanager
def _read_snapshot(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    connection.execute("BEGIN")
    try:
        yield connection
    finally:
        connection.execute("COMMIT")


def _story_count(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='story_members'"
    ).fetchone()
    if not exists:
        return 0
    return int(conn.execute("SELECT count(DISTINCT story_id) FROM story_members").fetchone()[0])


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
