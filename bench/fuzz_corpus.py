"""Hostile-input benchmark: ≥ 10,000 malformed files through the real CLI; crashes must be 0.

Generates the corpus at run time (never committed) in a temporary folder, one sub-folder per kind of damage,
runs ``storyline ingest`` on each sub-folder in its own process and prints, per kind: files, crashes (a
traceback or an exit code other than 0/1), documents added, items already stored (the same text twice), items
skipped with a reason (one per file, or one per bad line of a JSONL file), the peak RSS of that child process
alone (``os.wait4``) and its time.

    python bench/fuzz_corpus.py [--files 10000] [--seed 7] [--keep]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BODY = (
    "VARNA, May 3. /NPA/. The delegations of the two republics met on Sunday to discuss the river treaty, "
    'Foreign Minister Lena Dorn said, adding that "the water belongs to both banks". '
)


def _truncated_utf8(rng: random.Random) -> bytes:
    data = (BODY + "Привет — “quotes” ünïcödé " * rng.randint(1, 30)).encode("utf-8")
    return data[: rng.randint(1, len(data))]


def _mixed_encodings(rng: random.Random) -> bytes:
    return (
        BODY.encode("utf-8")
        + "Переговоры в Варне".encode("cp1251")
        + "Café déjà".encode("latin-1") * rng.randint(1, 9)
    )


def _nul_bytes(rng: random.Random) -> bytes:
    data = bytearray((BODY * 3).encode())
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = 0
    return bytes(data)


def _one_megabyte_line(rng: random.Random) -> bytes:
    unit = rng.choice(["a", "1 ", "May ", '"', "<", "BAKU, March 14. /TASS/. ", "(", "-"])
    return (unit * (1_000_000 // len(unit))).encode()


def _deep_html(rng: random.Random) -> bytes:
    depth = rng.choice([1000, 5000, 10_000])
    return ("<html><body>" + "<div>" * depth + BODY + "</div>" * depth + "</body></html>").encode()


def _many_blocks(rng: random.Random) -> bytes:
    """Thousands of one-letter blocks before a short article: jusText, trafilatura's fallback, was quadratic."""
    tag = rng.choice(["h1", "p", "div", "li"])
    blocks = f"<{tag}>x</{tag}>" * rng.choice([5000, 10_000, 20_000])
    return f"<html><body>{blocks}<article><p>{BODY * 3}</p></article></body></html>".encode()


def _giant_attribute(rng: random.Random) -> bytes:
    value = "x" * rng.randint(100_000, 2_000_000)
    return f"<html><body><p title='{value}'>{BODY * 3}</p></body></html>".encode()


def _invisible_characters(rng: random.Random) -> bytes:
    marks = ["\u200b", "\u200c", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad"]
    return "".join(c + rng.choice(marks) for c in BODY * 3).encode()


def _broken_jsonl(rng: random.Random) -> bytes:
    broken = [
        '{"text": ',
        "{",
        '{"text": "x"',
        "[]",
        "null",
        '{"html": 5}',
        '{"text": "\\u0000"}',
        "\u202e{",
        '{"text": "\\ud800 lone surrogate"}',
        '{"title": "\\udfff", "text": 7}',
        "[" * 2_000,
    ]
    lines = [rng.choice(broken) for _ in range(10_000)]
    lines.insert(rng.randrange(len(lines)), json.dumps({"text": BODY * 3, "title": "Talks"}))
    return "\n".join(lines).encode()


def _billion_laughs(rng: random.Random) -> bytes:
    levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(levels)}]><rss version="2.0"><channel>'
        f"<title>&lol9;</title><item><title>t{rng.random()}</title><description>&lol9;</description>"
        "</item></channel></rss>"
    ).encode()


def _external_entity(rng: random.Random) -> bytes:
    target = rng.choice(["file:///etc/passwd", "http://127.0.0.1:9/secret", "file:///dev/zero"])
    return (
        f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY xxe SYSTEM "{target}">]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title><entry><title>&xxe;</title>'
        f"<content>&xxe; {BODY}</content></entry></feed>"
    ).encode()


def _warc_gzip_bomb(rng: random.Random) -> bytes:
    size = rng.choice([50_000_000, 200_000_000])
    header = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/{rng.random()}\r\n"
        f"WARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {size}\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>"
    )
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as archive:
        archive.write(header.encode())
        chunk = b"\x00" * 1_000_000
        for _ in range(size // len(chunk)):
            archive.write(chunk)
    return buffer.getvalue()


def _lone_surrogates_json(rng: random.Random) -> bytes:
    """JSON escapes that decode to lone UTF-16 surrogates: valid JSON, text no UTF-8 encoder accepts."""
    mark = rng.choice(["\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d"])
    record = {
        "title": f"Talks {mark}",
        "byline": f"By {mark}",
        "text": f"{mark} {BODY * 3} {mark}",
        "outlet": mark,
    }
    return json.dumps(record).replace("\\\\", "\\").encode()


def _utf16_billion_laughs(rng: random.Random) -> bytes:
    """Entity declarations in an encoding where ``<!ENTITY`` is not those ASCII bytes (UTF-16/32, EBCDIC)."""
    encoding = rng.choice(["utf-16", "utf-16-be", "utf-32", "cp037"])
    text = _billion_laughs(rng).decode().replace('version="1.0"?>', f'version="1.0" encoding="{encoding}"?>')
    return text.encode(encoding)


def _mangled_feed(rng: random.Random) -> bytes:
    """A plausible RSS, Atom or JSON feed with bytes flipped, cut or duplicated."""
    items = "".join(
        f"<item><title>Talks {i}</title><link>http://127.0.0.1:9/{i}</link><pubDate>Sun, 03 May 2026 "
        f"10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{BODY * 2}</p>]]></content:encoded></item>"
        for i in range(rng.randint(1, 5))
    )
    feeds = [
        f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>NPA</title>{items}</channel></rss>",
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>NPA</title><entry><id>1</id><title>x</title>'
        f'<content type="html">&lt;p&gt;{BODY * 2}&lt;/p&gt;</content></entry></feed>',
        json.dumps(
            {
                "version": "https://jsonfeed.org/version/1.1",
                "title": "NPA",
                "items": [{"id": "1", "content_text": BODY * 2, "date_published": "2026-05-03"}],
            }
        ),
    ]
    data = bytearray(rng.choice(feeds).encode())
    for _ in range(rng.randint(1, 12)):
        action, at = rng.random(), rng.randrange(len(data))
        if action < 0.5:
            data[at] = rng.randrange(256)
        elif action < 0.8:
            del data[at : at + rng.randint(1, 40)]
        else:
            data[at:at] = data[at : at + rng.randint(1, 200)] * rng.randint(1, 30)
    return bytes(data)


def _warc_record(uri: str, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-05-03T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def _damaged_warc(rng: random.Random) -> bytes:
    """A few good records (some gzip members), then cut, bit-flipped or with a lying Content-Length."""
    records = []
    for i in range(rng.randint(1, 4)):
        record = _warc_record(
            f"http://news.example/{rng.random()}/{i}",
            f"<html><body><article><p>{BODY * 3}</p></article></body></html>".encode(),
        )
        records.append(gzip.compress(record) if rng.random() < 0.5 else record)
    data = bytearray(b"".join(records))
    damage = rng.random()
    if damage < 0.4:
        del data[rng.randrange(len(data)) :]
    elif damage < 0.8:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    else:
        data = bytearray(bytes(data).replace(b"Content-Length: ", b"Content-Length: 9", 1))
    return bytes(data)


def _random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(0, 5000))


KINDS: dict[str, tuple[str, Callable[[random.Random], bytes], float]] = {
    # kind: (file suffix, generator, relative share of the files; the big and slow kinds get few)
    "truncated-utf8": (".txt", _truncated_utf8, 0.14),
    "mixed-encodings": (".txt", _mixed_encodings, 0.08),
    "nul-bytes": (".txt", _nul_bytes, 0.08),
    "invisible-characters": (".txt", _invisible_characters, 0.08),
    "random-bytes": (".txt", _random_bytes, 0.14),
    "one-megabyte-line": (".txt", _one_megabyte_line, 0.004),
    "deep-html": (".html", _deep_html, 0.01),
    "giant-attribute": (".html", _giant_attribute, 0.004),
    "many-blocks": (".html", _many_blocks, 0.002),
    "broken-jsonl": (".jsonl", _broken_jsonl, 0.002),
    "lone-surrogates-json": (".jsonl", _lone_surrogates_json, 0.04),
    "billion-laughs": (".rss", _billion_laughs, 0.08),
    "utf16-billion-laughs": (".xml", _utf16_billion_laughs, 0.04),
    "external-entity": (".xml", _external_entity, 0.08),
    "mangled-feed": (".xml", _mangled_feed, 0.1),
    "damaged-warc": (".warc", _damaged_warc, 0.06),
    "warc-gzip-bomb": (".warc.gz", _warc_gzip_bomb, 0.0005),
}
MIN_PER_KIND = 2


def plan(total: int) -> dict[str, int]:
    """Files per kind: shares scaled to ``total``, at least ``MIN_PER_KIND`` each, summing to ≥ ``total``."""
    weight = sum(share for _, _, share in KINDS.values())
    counts = {kind: max(MIN_PER_KIND, round(total * share / weight)) for kind, (_, _, share) in KINDS.items()}
    largest = max(KINDS, key=lambda kind: KINDS[kind][2])
    counts[largest] += max(0, total - sum(counts.values()))
    return counts


def generate(root: Path, total: int, seed: int = 7) -> dict[str, int]:
    """Write at least ``total`` files (at least two per kind); how many of each kind."""
    rng = random.Random(seed)
    counts = plan(total)
    for kind, (suffix, make, _) in KINDS.items():
        folder = root / kind
        folder.mkdir(parents=True)
        for index in range(counts[kind]):
            (folder / f"{kind}-{index:05d}{suffix}").write_bytes(make(rng))
    return counts


SUMMARY = re.compile(r"(\d+) added, (\d+) already stored, (\d+) skipped")
SKIPPED_LINE = re.compile(r"^skipped .+\(\w+\): \S", re.MULTILINE)  # "skipped SOURCE (stage): reason"


def run_kind(folder: Path, db: Path) -> dict[str, object]:
    """Ingest one folder in a child process: crash, counts, that child's own peak RSS and seconds.

    ``os.wait4`` returns the resource usage of that one child (RUSAGE_CHILDREN would be a running maximum over
    every child so far, so each kind would show the largest peak of the kinds before it).
    """
    command = [sys.executable, "-m", "storyline", "--quiet", "ingest", str(folder), "--db", str(db)]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        stdout.seek(0)
        stderr.seek(0)
        out, err = (f.read().decode("utf-8", "replace") for f in (stdout, stderr))
    crashed = "Traceback" in err or process.returncode not in (0, 1)
    summary = SUMMARY.search(out)
    added, stored, skipped = (int(n) for n in summary.groups()) if summary else (0, 0, 0)
    return {
        "crashed": crashed,
        "added": added,
        "duplicates": stored,
        "skipped": skipped,
        "reasons": len(SKIPPED_LINE.findall(err)),
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "exit": process.returncode,
        "stderr": err[-3000:] if crashed else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--files", type=int, default=10_000, help="approximate number of files (default 10,000)"
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed of the generator (default 7)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="storyline-fuzz-"))
    crashes = 0
    try:
        started = time.perf_counter()
        counts = generate(root / "corpus", args.files, args.seed)
        print(
            f"generated {sum(counts.values())} files in {root / 'corpus'} "
            f"({time.perf_counter() - started:.0f} s)"
        )
        print(
            f"{'kind':22} {'files':>6} {'crash':>5} {'exit':>4} {'added':>6} {'dup':>5} {'skipped':>7} "
            f"{'reasons':>7} {'seconds':>8} {'peak MB':>8}",
            flush=True,
        )
        for kind, files in counts.items():
            result = run_kind(root / "corpus" / kind, root / f"{kind}.db")
            crashes += int(bool(result["crashed"]))
            print(
                f"{kind:22} {files:>6} {int(bool(result['crashed'])):>5} {result['exit']:>4} "
                f"{result['added']:>6} "
                f"{result['duplicates']:>5} {result['skipped']:>7} {result['reasons']:>7} "
                f"{result['seconds']:>8.1f} {result['peak_mb']:>8.0f}",
                flush=True,
            )
            if result["crashed"]:
                print(result["stderr"], flush=True)
        print(
            f"total files {sum(counts.values())}, kinds that crashed: {crashes}, "
            f"{time.perf_counter() - started:.0f} s in all"
        )
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
