"""Resource limits in Settings that had no test of their own: each is enforced, and by bytes read.

Covered elsewhere: fetch.max_bytes on a declared length and on a gzip bomb, fetch.timeout_seconds,
fetch.max_redirects (tests/test_web.py); fetch.max_feed_items (tests/test_feeds.py);
ingest.max_document_bytes for files (tests/test_files.py) and WARC pages, ingest.max_warc_record_bytes
(tests/test_warc.py). The network here is an ``httpx.MockTransport``: nothing leaves the process.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import httpx

from storyline.ingest.feeds import read_feed_file
from storyline.ingest.files import read_file
from storyline.ingest.web import Fetcher, read_url
from storyline.model import Skipped
from storyline.settings import IngestSettings, Settings

ARTICLE = (
    "The harbour authority of Selmar reopened the northern pier on Tuesday after three weeks of repairs, "
    "a spokeswoman said, adding that ferries to the islands would run on the summer timetable again."
)
CHUNK = 64 * 1024


def fetch_settings(**fetch: object) -> Settings:
    base = {
        "fetch.allow_private": True,
        "fetch.politeness_seconds": 0.0,
        "fetch.retries": 0,
        "fetch.respect_robots": False,
    }
    return Settings().override({**base, **{f"fetch.{k}": v for k, v in fetch.items()}})


class EndlessBody:
    """A response body of unknown length (no Content-Length) that counts how much of it was read."""

    def __init__(self) -> None:
        self.chunks_read = 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in itertools.count():
            self.chunks_read += 1
            yield b"<p>" + b"x" * (CHUNK - 3)


def fetch_one(settings: Settings, body: EndlessBody, **fetcher_options: object) -> Skipped:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=body)

    transport = httpx.MockTransport(answer)
    with Fetcher(settings.fetch, transport=transport, **fetcher_options) as fetcher:  # type: ignore[arg-type]
        [item] = list(read_url("http://127.0.0.1/endless", settings, fetcher=fetcher))
    assert isinstance(item, Skipped)
    return item


def test_body_without_length_is_cut_at_fetch_max_bytes_read() -> None:
    """No Content-Length to refuse up front: reading stops one chunk past the limit, not at the end."""
    body = EndlessBody()
    item = fetch_one(fetch_settings(max_bytes=1_000_000), body)
    assert "fetch.max_bytes" in item.reason
    assert body.chunks_read <= 1_000_000 // CHUNK + 2


def test_dripping_response_is_stopped_by_fetch_response_seconds() -> None:
    """A server sending a little at a time never trips the per-read timeout; the whole-response clock does."""
    ticks = itertools.count(step=50.0)  # each look at the clock: 50 s later
    body = EndlessBody()
    item = fetch_one(
        fetch_settings(response_seconds=120.0, max_bytes=10**12), body, clock=lambda: next(ticks)
    )
    assert "took over 120 s" in item.reason
    assert body.chunks_read <= 4


def test_feed_file_over_max_document_bytes_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.rss"
    path.write_bytes(b"<rss>" + b" " * 5000 + b"</rss>")
    settings = Settings().override({"ingest.max_document_bytes": 1000})
    [item] = list(read_feed_file(path, settings))
    assert isinstance(item, Skipped) and "over ingest.max_document_bytes" in item.reason


def test_jsonl_line_over_max_jsonl_line_bytes_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    lines = [
        json.dumps({"text": ARTICLE}),
        json.dumps({"text": ARTICLE + " x" * 3000}),
        json.dumps({"text": "y"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_file(path, IngestSettings(max_jsonl_line_bytes=1000, min_text_chars=1)))
    assert [type(i).__name__ for i in items] == ["Document", "Skipped", "Document"]
    assert "max_jsonl_line_bytes" in items[1].reason and items[1].source.endswith(":2")
