"""Hostile-input benchmark: ≥ 10,000 malformed files through the real CLI; crashes must be 0.

Generates the corpus at run time (never committed) in a temporary folder, one sub-folder per kind of damage,
runs ``storyline ingest`` on each sub-folder in its own process and prints, per kind: files, crashes (a
traceback or an exit code other than 0/1), documents stored, sources skipped with a reason, peak RSS and time.

    python bench/fuzz_corpus.py [--per-kind 1000] [--keep]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BODY = (
    "VARNA, May 3. /NPA/. The delegations of the two republics met on Sunday to discuss the river treaty, "
    "Foreign Minister Lena Dorn said, adding that \"the water belongs to both banks\". "
)


def _truncated_utf8(rng: random.Random) -> bytes:
    data = (BODY + "Привет — “quotes” ünïcödé " * rng.randint(1, 30)).encode("utf-8")
    return data[: rng.randint(1, len(data))]


def _mixed_encodings(rng: random.Random) -> bytes:
    return BODY.encode("utf-8") + "Переговоры в Варне".encode("cp1251") + "Café déjà".encode("latin-1") * rng.randint(1, 9)


def _nul_bytes(rng: random.Random) -> bytes:
    data = bytearray((BODY * 3).encode())
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = 0
    return bytes(data)


def _one_megabyte_line(rng: random.Random) -> bytes:
    unit = rng.choice(["a", "1 ", "May ", "\"", "<", "BAKU, March 14. /TASS/. ", "(", "-"])
    return (unit * (1_000_000 // len(unit))).encode()


def _deep_html(rng: random.Random) -> bytes:
    depth = rng.choice([1000, 5000, 10_000])
    return ("<html><body>" + "<div>" * depth + BODY + "</div>" * depth + "</body></html>").encode()


def _giant_attribute(rng: random.Random) -> bytes:
    value = "x" * rng.randint(100_000, 2_000_000)
    return f"<html><body><p title='{value}'>{BODY * 3}</p></body></html>".encode()


def _invisible_characters(rng: random.Random) -> bytes:
    marks = ["\u200b", "\u200c", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad"]
    return "".join(c + rng.choice(marks) for c in BODY * 3).encode()


def _broken_jsonl(rng: random.Random) -> bytes:
    lines = [rng.choice(['{"text": ', "{", '{"text": "x"', "[]", "null", '{"html": 5}', "\x00"]) for _ in range(10_000)]
    lines.insert(rng.randrange(len(lines)), json.dumps({"text": BODY * 3, "title": "Talks"}))
    return "\n".join(lines).encode()


def _billion_laughs(rng: random.Random) -> bytes:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(levels)}]><rss version="2.0"><channel>'
            f"<title>&lol9;</title><item><title>t{rng.random()}</title><description>&lol9;</description>"
            "</item></channel></rss>").encode()


def _external_entity(rng: random.Random) -> bytes:
    target = rng.choice(["file:///etc/passwd", "http://127.0.0.1:9/secret", "file:///dev/zero"])
    return (f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "{target}">]>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title><entry><title>&xxe;</title>'
            f"<content>&xxe; {BODY}</content></entry></feed>").encode()


def _warc_gzip_bomb(rng: random.Random) -> bytes:
    size = rng.choice([50_000_000, 200_000_000])
    header = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/{rng.random()}\r\n"
              f"WARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
              f"Content-Length: {size}\r\n\r\n"
              "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as archive:
        archive.write(header.encode())
        chunk = b"\x00" * 1_000_000
        for _ in range(size // len(chunk)):
            archive.write(chunk)
    return buffer.getvalue()


def _random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(0, 5000))


KINDS: dict[str, tuple[str, Callable[[random.Random], bytes], float]] = {
    # kind: (file suffix, generator, share of files)
    "truncated-utf8": (".txt", _truncated_utf8, 0.16),
    "mixed-encodings": (".txt", _mixed_encodings, 0.12),
    "nul-bytes": (".txt", _nul_bytes, 0.12),
    "invisible-characters": (".txt", _invisible_characters, 0.12),
    "random-bytes": (".txt", _random_bytes, 0.16),
    "one-megabyte-line": (".txt", _one_megabyte_line, 0.004),
    "deep-html": (".html", _deep_html, 0.01),
    "giant-attribute": (".html", _giant_attribute, 0.004),
    "broken-jsonl": (".jsonl", _broken_jsonl, 0.002),
    "billion-laughs": (".rss", _billion_laughs, 0.12),
    "external-entity": (".xml", _external_entity, 0.12),
    "warc-gzip-bomb": (".warc.gz", _warc_gzip_bomb, 0.0005),
}


def generate(root: Path, total: int, seed: int = 7) -> dict[str, int]:
    """Write about ``total`` files (at least one per kind); how many of each kind."""
    rng = random.Random(seed)
    counts = {}
    for kind, (suffix, make, share) in KINDS.items():
        folder = root / kind
        folder.mkdir(parents=True)
        counts[kind] = max(2, round(total * share))
        for index in range(counts[kind]):
            (folder / f"{kind}-{index:05d}{suffix}").write_bytes(make(rng))
    return counts


def run_kind(folder: Path, db: Path) -> dict[str, object]:
    """Ingest one folder in a child process; crashes, documents, skipped, peak RSS and seconds."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    process = subprocess.run(
        [sys.executable, "-m", "storyline", "--quiet", "ingest", str(folder), "--db", str(db)],
        capture_output=True, text=True, errors="replace",
    )
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    crashed = "Traceback" in process.stderr or process.returncode not in (0, 1)
    connection = sqlite3.connect(db)
    documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    skipped = connection.execute("SELECT count(*) FROM skipped WHERE reason != ''").fetchone()[0]
    connection.close()
    return {"crashed": crashed, "documents": documents, "skipped": skipped, "seconds": seconds,
            "peak_mb": max(peak_kb, before) / 1024, "stderr": process.stderr[-2000:] if crashed else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000, help="approximate number of files (default 10,000)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="storyline-fuzz-"))
    try:
        counts = generate(root / "corpus", args.files)
        print(f"generated {sum(counts.values())} files in {root / 'corpus'}")
        print(f"{'kind':22} {'files':>6} {'crash':>5} {'docs':>5} {'skipped':>7} {'seconds':>8} {'peak MB':>8}")
        crashes = 0
        for kind, files in counts.items():
            result = run_kind(root / "corpus" / kind, root / f"{kind}.db")
            crashes += int(bool(result["crashed"]))
            print(f"{kind:22} {files:>6} {int(bool(result['crashed'])):>5} {result['documents']:>5} "
                  f"{result['skipped']:>7} {result['seconds']:>8.1f} {result['peak_mb']:>8.0f}")
            if result["crashed"]:
                print(result["stderr"])
        print(f"total files {sum(counts.values())}, kinds that crashed: {crashes}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
