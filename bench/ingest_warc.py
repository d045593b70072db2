"""WARC ingest throughput and memory: records/s and peak RSS, to show that reading is streamed.

Generates synthetic CC-NEWS-like archives (gzip-per-record WARC, HTML responses with inline scripts like real
news pages), ingests each with ``storyline.ingest.warc.read_warc`` in a fresh process, and prints records/s
and peak RSS. Memory should stay flat as the archive grows: compare the 1,000- and 10,000-record rows.

    python bench/ingest_warc.py                    # 1,000 vs 10,000 records
    python bench/ingest_warc.py --records 5000     # one size
    python bench/ingest_warc.py --gigabytes 1 --random-kb 30   # a ~1 GB archive (slow: minutes)

Archives are written under --dir (default: a temporary folder under /tmp), deleted afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = [
    "Northbridge",
    "Calder",
    "Port Ellis",
    "Marrow Bay",
    "Elmstead",
    "Kestrel Point",
    "Ashby",
    "Dunmore",
]
PEOPLE = ["Anna Lorne", "Tomas Veil", "Ruth Okafor", "Jan Pietersen", "Mei Tanaka", "Carlos Ibarra"]
BODIES = [
    "city council",
    "port authority",
    "health ministry",
    "transport agency",
    "water board",
    "school district",
]
ACTIONS = [
    "approved a plan to extend the tram line by {n} stops",
    "announced {n} million euros for flood defences",
    "postponed a vote on the new budget by {n} weeks",
    "opened an inquiry into delays that affected {n} thousand travellers",
    "signed a contract for {n} electric buses",
]
SCRIPT_LINE = "window.dataLayer=window.dataLayer||[];dataLayer.push({'event':'pageview','slot':%d});\n"


def article(rng: random.Random, number: int) -> tuple[str, str]:
    """A title and ~6 paragraphs of plausible local news, different for every record."""
    place, person, body = rng.choice(PLACES), rng.choice(PEOPLE), rng.choice(BODIES)
    title = f"{place} {body} {rng.choice(ACTIONS).format(n=rng.randint(2, 90))} (#{number})"
    paragraphs = []
    for _ in range(6):
        action = rng.choice(ACTIONS).format(n=rng.randint(2, 90))
        paragraphs.append(
            f"The {body} of {place} {action} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
            f"{person} told reporters, adding that residents of {rng.choice(PLACES)} would be consulted "
            f"before work begins in {rng.choice(['spring', 'autumn', 'the new year'])}."
        )
    return title, "".join(f"<p>{p}</p>" for p in paragraphs)


def page_html(rng: random.Random, number: int, padding_bytes: int, random_bytes: int = 0) -> bytes:
    """A news page: ``padding_bytes`` of repetitive script plus ``random_bytes`` of incompressible state
    (like the JSON blobs of modern sites), so the archive's compressed size is realistic when asked."""
    title, body = article(rng, number)
    script = "".join(SCRIPT_LINE % i for i in range(padding_bytes // len(SCRIPT_LINE)))
    if random_bytes:
        script += f"window.__STATE__='{base64.b64encode(rng.randbytes(random_bytes * 3 // 4)).decode()}';"
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="2024-04-{rng.randint(1, 30):02d}T08:00:00Z">'
        f"<script>{script}</script></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>{body}</article>"
        f"<footer>All rights reserved.</footer></body></html>"
    ).encode()


def generate(path: Path, records: int, padding_bytes: int, random_bytes: int = 0, seed: int = 7) -> int:
    """Write ``records`` HTML responses; returns the archive's size in bytes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for number in range(records):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news.example/{number}",
                "response",
                payload=io.BytesIO(page_html(rng, number, padding_bytes, random_bytes)),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-01T12:00:00Z"},
            )
            writer.write_record(record)
    return path.stat().st_size


def records_for_gigabytes(gigabytes: float, padding_bytes: int, random_bytes: int) -> int:
    """How many records make an archive of about ``gigabytes`` (calibrated on a small sample)."""
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "sample.warc.gz"
        size = generate(sample, 200, padding_bytes, random_bytes)
    return max(1, int(gigabytes * 1e9 / (size / 200)))


def measure(path: Path) -> dict[str, float]:
    """Ingest ``path`` in this process and report counts, time and RSS (run in a fresh child process)."""
    import trafilatura  # noqa: F401  (imported before the baseline so its import is not counted as growth)

    from storyline.ingest.warc import read_warc
    from storyline.model import Document
    from storyline.settings import Settings

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    documents = skipped = 0
    for item in read_warc(path, Settings()):
        if isinstance(item, Document):
            documents += 1
        else:
            skipped += 1
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "documents": documents,
        "skipped": skipped,
        "seconds": seconds,
        "baseline_mb": baseline,
        "peak_mb": peak,
    }


def run_child(path: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--records", type=int, nargs="*", help="archive sizes in records (default 1000 10000)"
    )
    parser.add_argument("--gigabytes", type=float, help="build one archive of about this many GB instead")
    parser.add_argument(
        "--padding-kb", type=int, default=40, help="inline script per page, KB (real pages: 50-300)"
    )
    parser.add_argument(
        "--random-kb",
        type=int,
        default=0,
        help="incompressible inline state per page, KB (for --gigabytes: 30)",
    )
    parser.add_argument("--dir", type=Path, default=None, help="where archives are written (default: /tmp/…)")
    parser.add_argument("--keep", action="store_true", help="keep the generated archives")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    padding, random_bytes = args.padding_kb * 1024, args.random_kb * 1024
    sizes = (
        [records_for_gigabytes(args.gigabytes, padding, random_bytes)]
        if args.gigabytes
        else (args.records or [1000, 10000])
    )
    folder = Path(tempfile.mkdtemp(prefix="storyline-warc-bench-", dir=args.dir or "/tmp"))
    print(
        f"{'records':>9} {'archive MB':>11} {'docs':>7} {'skipped':>7} {'seconds':>8} {'records/s':>9} "
        f"{'RSS before MB':>13} {'peak RSS MB':>11}"
    )
    try:
        for records in sizes:
            path = folder / f"bench-{records}.warc.gz"
            size = generate(path, records, padding, random_bytes)
            result = run_child(path)
            rate = (result["documents"] + result["skipped"]) / result["seconds"]
            print(
                f"{records:>9,} {size / 1e6:>11,.1f} {result['documents']:>7,.0f} {result['skipped']:>7,.0f} "
                f"{result['seconds']:>8.1f} {rate:>9.1f} "
                f"{result['baseline_mb']:>13.0f} {result['peak_mb']:>11.0f}"
            )
            if not args.keep:
                path.unlink()
    finally:
        if not args.keep:
            for leftover in folder.glob("*"):
                leftover.unlink()
            folder.rmdir()


if __name__ == "__main__":
    main()
