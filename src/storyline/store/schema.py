"""Schema migrations: an ordered list, applied once each, tracked in ``PRAGMA user_version``.

Append a new step to add tables or columns; never edit a step that has shipped, since databases in the field
have already run it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

DOCUMENTS = """
CREATE TABLE documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,        -- ingestion order: ties in publication date break on it
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,            -- normalized-content SHA-256: the idempotency key
    source TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    byline TEXT,
    published TEXT,
    dateline_place TEXT,
    language TEXT,
    text TEXT NOT NULL,
    hints TEXT NOT NULL DEFAULT '{}',
    removed TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE TABLE analyses (
    doc_id TEXT NOT NULL REFERENCES documents (id),
    version TEXT NOT NULL,                        -- analyzer version: a new one re-analyzes, an old one resumes
    payload TEXT NOT NULL,
    analyzed_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, version)
);
CREATE TABLE skipped (
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (source, stage)
);
CREATE TABLE feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
CREATE TABLE feed_entries (feed TEXT NOT NULL, entry_id TEXT NOT NULL, at TEXT NOT NULL,
                           PRIMARY KEY (feed, entry_id));
"""


def _documents(conn: sqlite3.Connection) -> None:
    for statement in DOCUMENTS.split(";"):
        if statement.strip():
            conn.execute(statement)


def _link_tables(conn: sqlite3.Connection) -> None:
    from storyline.store.links import create_tables

    create_tables(conn)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_documents, _link_tables]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the steps this database has not run yet (inside the caller's transaction); the new version."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        from storyline.errors import StoreError

        raise StoreError(f"database schema version {version} is newer than this storyline; upgrade storyline")
    for step in MIGRATIONS[version:]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
    return len(MIGRATIONS)
