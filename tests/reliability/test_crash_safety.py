"""kill -9 in the middle of ``storyline ingest`` / ``analyze``: nothing committed is lost, nothing duplicated.

The proof DESIGN.md promises: a subprocess is SIGKILLed at random moments, restarted each time, and the store is
checked after every kill (integrity, committed rows still there exactly once) and at the end against one clean,
uninterrupted run (same documents, same stories).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from synthetic import write_folder

ARTICLES = 2000
KILLS = 20


def run_cli(*args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "storyline", "--quiet", *args]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def snapshot(db: Path) -> dict[str, str]:
    """Committed documents (id → content hash) as a separate reader sees them."""
    if not db.exists():
        return {}
    connection = sqlite3.connect(db, timeout=60)
    try:
        return dict(connection.execute("SELECT id, content_hash FROM documents").fetchall())
    except sqlite3.OperationalError:  # the very first run was killed before the schema was committed
        return {}
    finally:
        connection.close()


def check_integrity(db: Path) -> None:
    connection = sqlite3.connect(db, timeout=60)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        total, distinct = connection.execute(
            "SELECT count(*), count(DISTINCT content_hash) FROM documents"
        ).fetchone()
        assert total == distinct
    finally:
        connection.close()


def stories(db: Path) -> set[frozenset[str]]:
    """Story membership as a partition of document ids (story ids themselves may be named differently)."""
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute("SELECT story_id, doc_id FROM story_members").fetchall()
    finally:
        connection.close()
    groups: dict[str, set[str]] = {}
    for story, doc in rows:
        groups.setdefault(story, set()).add(doc)
    return {frozenset(g) for g in groups.values()}


def kill_repeatedly(args: list[str], db: Path, rng: random.Random, progress: callable) -> int:
    """SIGKILL the command at random moments until it has been killed KILLS times; returns the kill count."""
    kills = 0
    for _ in range(KILLS * 5):
        before = progress()
        process = run_cli(*args)
        time.sleep(rng.uniform(1.0, 4.0))
        if process.poll() is not None:
            assert process.returncode == 0, process.stderr.read().decode() if process.stderr else ""
            break
        committed = snapshot(db)
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        after = snapshot(db)
        assert committed.items() <= after.items(), "a committed document disappeared after kill -9"
        assert before <= len(after)
        check_integrity(db)
        if kills >= KILLS:
            break
    return kills


@pytest.mark.slow
def test_kill_during_ingest_loses_and_duplicates_nothing(tmp_path):
    folder = tmp_path / "articles"
    write_folder(folder, ARTICLES)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    rng = random.Random(20261125)
    kills = kill_repeatedly(
        ["ingest", str(folder), "--db", str(killed_db)], killed_db, rng, lambda: len(snapshot(killed_db))
    )
    assert kills >= KILLS
    finish = run_cli("ingest", str(folder), "--db", str(killed_db))
    assert finish.wait() == 0
    clean = run_cli("ingest", str(folder), "--db", str(clean_db))
    assert clean.wait() == 0
    check_integrity(killed_db)
    assert snapshot(killed_db) == snapshot(clean_db)
    assert len(snapshot(clean_db)) == ARTICLES
    assert stories(killed_db) == stories(clean_db)


def analyses(db: Path) -> dict[str, str]:
    """Analyzed documents (id → when it was analyzed)."""
    connection = sqlite3.connect(db, timeout=60)
    try:
        return dict(connection.execute("SELECT doc_id, analyzed_at FROM analyses").fetchall())
    finally:
        connection.close()


@pytest.mark.slow
def test_killed_analyze_resumes_without_redoing_finished_documents(tmp_path):
    folder = tmp_path / "articles"
    write_folder(folder, 160)
    db = tmp_path / "analyze.db"
    assert run_cli("ingest", str(folder), "--db", str(db)).wait() == 0
    rng = random.Random(11)
    kills = 0
    for _ in range(15):
        before = analyses(db)
        process = run_cli("analyze", "--db", str(db))
        time.sleep(rng.uniform(4.0, 8.0))
        if process.poll() is not None:
            break
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        after = analyses(db)
        assert before.items() <= after.items(), "an analysis finished before the kill was redone or lost"
        check_integrity(db)
    assert kills >= 3
    done_before_finish = analyses(db)
    assert run_cli("analyze", "--db", str(db)).wait() == 0
    final = analyses(db)
    assert len(final) == 160
    assert done_before_finish.items() <= final.items()
