from __future__ import annotations

import sqlite3

import pytest

from storyline.errors import StoreError
from storyline.ingest.document import make_document
from storyline.model import Entity, Mention, Quote, Skipped, Timex
from storyline.store.schema import MIGRATIONS
from storyline.store.sqlite import Store

TEXT = (
    "VARNA, May 3. /NPA/. The two delegations met in Varna on Sunday to discuss the river treaty, "
    'Foreign Minister Lena Dorn said, adding that "the water belongs to both banks".'
)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "test.db") as opened:
        yield opened


def test_new_store_is_migrated_and_in_wal_mode(store):
    version = store.connection.execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS)
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_same_article_twice_is_stored_once(store):
    first = make_document("a.txt", TEXT)
    again = make_document("copy/a.txt", TEXT.replace(" ", "  "))
    assert store.add_documents([first]).added == (first.id,)
    result = store.add_documents([again])
    assert result.added == () and result.duplicates == (first.id,)
    assert store.document_count() == 1


def test_documents_round_trip_with_analysis(store):
    document = make_document("a.txt", TEXT, outlet="NPA", title="Talks", url="https://npa.example/1")
    store.add_documents([document])
    entity = Entity(
        id=f"{document.id}:e0",
        doc_id=document.id,
        name="Lena Dorn",
        type="PERSON",
        mentions=(Mention(118, 127, "Lena Dorn"),),
        titles=("Foreign Minister",),
    )
    timex = Timex(
        id=f"{document.id}:t1",
        doc_id=document.id,
        start=71,
        end=80,
        text="on Sunday",
        type="DATE",
        value="2026-05-03",
        anchor="dct",
    )
    quote = Quote(
        id=f"{document.id}:q1",
        doc_id=document.id,
        start=150,
        end=180,
        text="the water belongs",
        kind="partial",
        speaker="Lena Dorn",
        speaker_entity=entity.id,
    )
    analyzed = document.__class__(
        **{**document.__dict__, "entities": (entity,), "timexes": (timex,), "quotes": (quote,)}
    )
    store.save_analyses([analyzed], "1")
    (loaded,) = store.documents()
    assert loaded == analyzed
    assert store.unanalyzed_ids("1") == [] and store.unanalyzed_ids("2") == [document.id]


def test_skipped_sources_are_kept_with_their_reason(store):
    store.add_skipped([Skipped("bad.pdf", "ingest", "not a text article: looks like a PDF document")])
    store.add_skipped([Skipped("bad.pdf", "ingest", "not a text article: looks like a PDF document")])
    assert store.skipped() == [Skipped("bad.pdf", "ingest", "not a text article: looks like a PDF document")]


def test_failed_batch_leaves_committed_documents(store):
    kept = make_document("a.txt", TEXT)
    store.add_documents([kept])
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("DELETE FROM documents")
        raise RuntimeError("crash in the middle of a batch")
    assert [d.id for d in store.documents()] == [kept.id]


def test_stats_counts(store):
    store.add_documents([make_document("a.txt", TEXT, outlet="NPA"), make_document("b.txt", TEXT + " More.")])
    stats = store.stats()
    assert (stats.documents, stats.analyzed, stats.outlets) == (2, 0, 1)
    assert store.outlet_counts() == [("(unknown)", 1), ("NPA", 1)]


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match=r"notes\.db: not a usable storyline database"):
        Store.open(path)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nope" / "x.db")


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    connection.close()
    with pytest.raises(StoreError, match="newer than this storyline"):
        Store.open(path)


def test_open_retries_a_lock_reported_at_once_and_gives_up_on_other_errors(monkeypatch):
    """Switching a file to WAL while another process creates or checkpoints it can fail with "database is
    locked" without waiting; opening tries again instead of calling the database unusable."""
    from storyline.store import sqlite as store_sqlite

    monkeypatch.setattr(store_sqlite.time, "sleep", lambda _seconds: None)
    calls = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "connection"

    assert store_sqlite._retry_locked(flaky) == "connection"
    assert len(calls) == 3

    def broken() -> str:
        calls.append(1)
        raise sqlite3.OperationalError("file is not a database")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="not a database"):
        store_sqlite._retry_locked(broken)
    assert len(calls) == 1
