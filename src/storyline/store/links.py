"""SQLite persistence of the link indexes: reuse sketches and links, story clusters and their vocabulary.

The store calls :func:`create_tables` from its migrations and passes its connection to everything here;
nothing here opens, commits or closes a connection, so every write lands in the caller's transaction.

Adding one document writes only what that document changed (:func:`link_document`): its sketch, its reuse
links, its membership row, the two clusters it joined and the document frequencies of its terms — never the
whole index. Loading (:func:`load_reuse_index`, :func:`load_story_index`) rebuilds the in-memory indexes from
these rows; :func:`save_recluster` is the one full rewrite, for ``storyline recluster``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from storyline.link.reuse import ReuseEntry, ReuseIndex, sketch
from storyline.link.stories import Cluster, StoryAssignment, StoryIndex, features
from storyline.model import Document, Passage, Reuse
from storyline.settings import LinkSettings

__all__ = [
    "LinkResult",
    "create_tables",
    "link_document",
    "load_reuse_index",
    "load_story_index",
    "reuse_links",
    "save_recluster",
]

TABLES = """
CREATE TABLE IF NOT EXISTS reuse_sketches (
    doc_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,                  -- insertion order: the origin when publication dates tie or lack
    published TEXT,
    content_hash TEXT NOT NULL,
    hashvalues BLOB NOT NULL,              -- MinHash signature, num_perm little-endian uint32
    fingerprints BLOB NOT NULL             -- winnowing fingerprints, little-endian uint32
);
CREATE TABLE IF NOT EXISTS reuse_links (
    doc_a TEXT NOT NULL,                   -- the earlier document (likely origin)
    doc_b TEXT NOT NULL,
    score REAL NOT NULL,
    near_duplicate INTEGER NOT NULL,
    passages TEXT NOT NULL,                -- JSON [[a_start, a_end, b_start, b_end, score], ...]
    PRIMARY KEY (doc_a, doc_b)
);
CREATE INDEX IF NOT EXISTS reuse_links_doc_b ON reuse_links (doc_b);
CREATE TABLE IF NOT EXISTS story_terms (
    term TEXT PRIMARY KEY,
    df INTEGER NOT NULL,                   -- documents using the term
    common_df INTEGER NOT NULL             -- documents writing it in lowercase
);
CREATE TABLE IF NOT EXISTS story_clusters (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,                    -- "story" or "occasion"
    story_id TEXT NOT NULL,
    title TEXT NOT NULL,
    title_score REAL NOT NULL,
    size INTEGER NOT NULL,
    first TEXT,
    last TEXT,
    updated INTEGER NOT NULL,
    sums TEXT NOT NULL,                    -- JSON {term: summed normalized log tf}
    occasions TEXT NOT NULL                -- JSON list of occasion ids (stories only)
);
CREATE TABLE IF NOT EXISTS story_members (
    doc_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    occasion_id TEXT NOT NULL,
    similarity REAL NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members (story_id);
"""


@dataclass(frozen=True)
class LinkResult:
    """What linking one new document found: reuse links to earlier documents and its story placement."""

    reuse: tuple[Reuse, ...]
    story: StoryAssignment


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the link tables if missing (idempotent; called from the store's migrations)."""
    for statement in TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)


def link_document(
    conn: sqlite3.Connection, reuse: ReuseIndex, stories: StoryIndex, doc: Document
) -> LinkResult:
    """Link ``doc`` against both indexes and save what changed, inside the caller's transaction."""
    if doc.id in reuse and doc.id in stories.members:
        return LinkResult((), stories.members[doc.id])
    links = reuse.add(doc, sketch(doc, reuse.settings))
    if doc.id in reuse:
        _save_sketch(conn, reuse.entry(doc.id))
        _save_links(conn, links)
    found = features(doc, stories.settings)
    assignment = stories.add(doc, found)
    if not stories.frozen_idf:
        conn.executemany(
            "INSERT INTO story_terms VALUES (?, 1, ?) ON CONFLICT (term) DO UPDATE "
            "SET df = df + 1, common_df = common_df + excluded.common_df",
            [(term, int(term in found.common)) for term in found.vector],
        )
    _save_member(conn, doc.id, assignment, len(stories.members))
    for cluster_id in (assignment.story_id, assignment.occasion_id):
        _save_cluster(conn, stories.clusters[cluster_id])
    if stories.last_fold is not None:
        _save_fold(conn, stories, *stories.last_fold)
    return LinkResult(tuple(links), assignment)


def _save_fold(conn: sqlite3.Connection, stories: StoryIndex, folded: str, kept: str) -> None:
    """Record that story ``folded`` became part of ``kept``: only the rows of the folded story change."""
    conn.execute("DELETE FROM story_clusters WHERE id = ?", (folded,))
    conn.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (kept, folded))
    conn.execute("UPDATE story_clusters SET story_id = ? WHERE story_id = ?", (kept, folded))
    _save_cluster(conn, stories.clusters[kept])


# reuse ---------------------------------------------------------------------------------------------------


def _save_sketch(conn: sqlite3.Connection, entry: ReuseEntry) -> None:
    fingerprints = np.asarray(entry.fingerprints, dtype="<u4").tobytes()
    conn.execute(
        "INSERT OR REPLACE INTO reuse_sketches VALUES (?, ?, ?, ?, ?, ?)",
        (
            entry.doc_id,
            entry.seq,
            _iso(entry.published),
            entry.content_hash,
            np.asarray(entry.hashvalues, dtype="<u4").tobytes(),
            fingerprints,
        ),
    )


def _save_links(conn: sqlite3.Connection, links: Iterable[Reuse]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO reuse_links VALUES (?, ?, ?, ?, ?)",
        [
            (
                r.doc_a,
                r.doc_b,
                r.score,
                int(r.near_duplicate),
                json.dumps([[p.a_start, p.a_end, p.b_start, p.b_end, p.score] for p in r.passages]),
            )
            for r in links
        ],
    )


def load_reuse_index(
    conn: sqlite3.Connection,
    settings: LinkSettings | None = None,
    text_of: Callable[[str], str | None] | None = None,
) -> ReuseIndex:
    """The saved reuse index; texts for alignment from ``text_of``, else the store's documents table."""
    index = ReuseIndex(settings, text_of or _documents_text(conn))
    rows = conn.execute(
        "SELECT doc_id, seq, published, content_hash, hashvalues, fingerprints "
        "FROM reuse_sketches ORDER BY seq"
    )
    for doc_id, seq, published, content_hash, hashvalues, fingerprints in rows:
        index.insert(
            ReuseEntry(
                doc_id,
                seq,
                _date(published),
                content_hash,
                np.frombuffer(hashvalues, dtype="<u4").astype(np.uint32),
                np.frombuffer(fingerprints, dtype="<u4").astype(np.uint32),
            )
        )
    return index


def _documents_text(conn: sqlite3.Connection) -> Callable[[str], str | None]:
    """A text lookup in the store's ``documents`` table (None when the table or the row is missing)."""

    def text_of(doc_id: str) -> str | None:
        try:
            row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        except sqlite3.OperationalError:  # no documents table: a links-only database
            return None
        return str(row[0]) if row else None

    return text_of


def reuse_links(conn: sqlite3.Connection, doc_id: str | None = None) -> list[Reuse]:
    """Saved reuse links, all or those touching one document."""
    sql = "SELECT doc_a, doc_b, score, near_duplicate, passages FROM reuse_links"
    rows = (
        conn.execute(sql + " WHERE doc_a = ? OR doc_b = ?", (doc_id, doc_id)) if doc_id else conn.execute(sql)
    )
    return [
        Reuse(a, b, float(score), bool(near), tuple(Passage(*p) for p in json.loads(passages)))
        for a, b, score, near, passages in rows
    ]


# stories -------------------------------------------------------------------------------------------------


def _save_member(conn: sqlite3.Connection, doc_id: str, assignment: StoryAssignment, seq: int) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO story_members VALUES (?, ?, ?, ?, ?)",
        (doc_id, assignment.story_id, assignment.occasion_id, assignment.similarity, seq),
    )


def _save_cluster(conn: sqlite3.Connection, cluster: Cluster) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO story_clusters VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            cluster.id,
            cluster.kind,
            cluster.story_id,
            cluster.title,
            cluster.title_score,
            cluster.size,
            _iso(cluster.first),
            _iso(cluster.last),
            cluster.updated,
            json.dumps(cluster.sums),
            json.dumps(cluster.occasions),
        ),
    )


def load_story_index(conn: sqlite3.Connection, settings: LinkSettings | None = None) -> StoryIndex:
    """The story index as saved: vocabulary, clusters (re-indexed by their heaviest terms) and members."""
    index = StoryIndex(settings)
    for term, df, common_df in conn.execute("SELECT term, df, common_df FROM story_terms"):
        index.df[term], index.common_df[term] = int(df), int(common_df)
    rows = conn.execute(
        "SELECT id, kind, story_id, title, title_score, size, first, last, updated, sums, "
        "occasions FROM story_clusters ORDER BY updated"
    )
    for cid, kind, story_id, title, title_score, size, first, last, updated, sums, occasions in rows:
        index.clusters[cid] = Cluster(
            cid,
            kind,
            story_id,
            json.loads(sums),
            int(size),
            _date(first),
            _date(last),
            title,
            float(title_score),
            [],
            json.loads(occasions),
            int(updated),
        )
    members = conn.execute("SELECT doc_id, story_id, occasion_id, similarity FROM story_members ORDER BY seq")
    for doc_id, story_id, occasion_id, similarity in members:
        index.members[doc_id] = StoryAssignment(story_id, occasion_id, float(similarity))
        for cluster_id in (story_id, occasion_id):
            index.clusters[cluster_id].docs.append(doc_id)
    index.n_docs = len(index.members)
    for cluster in index.clusters.values():  # oldest first, so the most recent stay at the head of postings
        index.reindex(cluster)
    return index


def save_recluster(conn: sqlite3.Connection, index: StoryIndex) -> None:
    """Replace the saved stories with a reclustered index (the one full rewrite, for ``storyline recluster``).

    The vocabulary table keeps its running counts: a recluster changes clusters, not what documents say.
    """
    conn.execute("DELETE FROM story_clusters")
    conn.execute("DELETE FROM story_members")
    for cluster in index.clusters.values():
        _save_cluster(conn, cluster)
    for seq, (doc_id, assignment) in enumerate(index.members.items(), start=1):
        _save_member(conn, doc_id, assignment, seq)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
