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
from collections.abc import Callable
from pathlib import Path

import pytest

from synthetic import write_folder

ARTICLES = 1000
KILLS = 20
BATCH = 12  # documents per committed batch: 84 commits to land 20 kills between
ANALYZE_KILLS = 5  # 320 documents are analyzed and committed 16 at a time: 20 commits


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
        if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
            return  # killed before the schema's first commit: an empty, valid database
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


def wait_for_commit(process: subprocess.Popen[bytes], before: int, progress: Callable[[], int]) -> bool:
    """Wait until the process has committed something new; False if it finished first."""
    while progress() <= before:
        if process.poll() is not None:
            return False
        time.sleep(0.05)
    return True


def kill_repeatedly(args: list[str], db: Path, rng: random.Random, progress: Callable[[], int]) -> int:
    """SIGKILL the command at random moments after each new commit, KILLS times; returns the kill count.

    Each kill lands mid-work: after the run has committed at least one batch, at a random point of the next
    one or two. The pause is short because a batch of 12 commits in about 70 ms here: a pause of up to 0.6 s let
    each run commit ~50 documents, and 1,000 of them ran out after 17-19 kills.
    """
    kills = 0
    while kills < KILLS:
        before = progress()
        process = run_cli(*args)
        if not wait_for_commit(process, before, progress):
            assert process.returncode == 0, process.stderr.read().decode() if process.stderr else ""
            break
        time.sleep(rng.uniform(0.0, 0.15))
        committed = snapshot(db)
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        after = snapshot(db)
        assert committed.items() <= after.items(), "a committed document disappeared after kill -9"
        check_integrity(db)
    return kills


@pytest.mark.slow
def test_kill_during_ingest_loses_and_duplicates_nothing(tmp_path):
    folder = tmp_path / "articles"
    write_folder(folder, ARTICLES)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    rng = random.Random(20261125)
    ingest = ["--set", f"ingest.batch_size={BATCH}", "ingest", str(folder), "--db"]
    kills = kill_repeatedly([*ingest, str(killed_db)], killed_db, rng, lambda: len(snapshot(killed_db)))
    assert kills >= KILLS
    finish = run_cli(*ingest, str(killed_db))
    assert finish.wait() == 0
    clean = run_cli(*ingest, str(clean_db))
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
    write_folder(folder, 320)
    db = tmp_path / "analyze.db"
    assert run_cli("ingest", str(folder), "--db", str(db)).wait() == 0
    rng = random.Random(11)
    kills = 0
    while kills < ANALYZE_KILLS:
        before = analyses(db)
        process = run_cli("analyze", "--db", str(db))
        if not wait_for_commit(process, len(before), lambda: len(analyses(db))):
            break
        time.sleep(rng.uniform(0.0, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        after = analyses(db)
        assert before.items() <= after.items(), "an analysis finished before the kill was redone or lost"
        check_integrity(db)
    assert kills >= ANALYZE_KILLS
    done_before_finish = analyses(db)
    assert run_cli("analyze", "--db", str(db)).wait() == 0
    final = analyses(db)
    assert len(final) == 320
    assert done_before_finish.items() <= final.items()
