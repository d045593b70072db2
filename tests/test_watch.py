"""``watch``: rounds of polling against a local server, only new entries stored, errors survived, Ctrl-C."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from localserver import LocalServer, Route, serve
from storyline.errors import SettingsError, StoreError
from storyline.ingest.source_list import SourceSpec
from storyline.ingest.watch import MemoryWatchStore, parse_interval, watch
from storyline.model import Document, Skipped
from storyline.pipeline import watch_feeds
from storyline.settings import Settings

STORY = (
    "<p>The {n} stage of the coastal cycling race was shortened on {day} because of strong crosswinds, "
    "organisers said, and riders finished in the harbour town instead of on the cliff road.</p>"
    "<p>{outcome}</p>"
)
OUTCOMES = {
    "s1": "The overall leader kept her yellow jersey, finishing in the main group, while two riders "
    "abandoned after a crash in the final kilometres.",
    "s2": "A breakaway of five riders held off the peloton by forty seconds, and the youngest of them took "
    "his first professional win in a sprint on the quay.",
    "s3": "Rain made the descent treacherous, and race officials neutralised the last ten kilometres after "
    "several riders slid off the road on the same bend.",
}


def rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid><link>http://race.example/{guid}</link>"
        f"<content:encoded><![CDATA[{STORY.format(n=guid, day='Sunday', outcome=OUTCOMES[guid])}]]>"
        "</content:encoded></item>"
        for guid, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Race Daily</title>{body}</channel></rss>"
    ).encode()


class Rounds(threading.Event):
    """A stop event whose wait runs a hook instead of sleeping: each round can change the world."""

    def __init__(self, hook: Callable[[int], None]) -> None:
        super().__init__()
        self.hook, self.waits = hook, 0

    def wait(self, timeout: float | None = None) -> bool:
        self.waits += 1
        self.hook(self.waits)
        return self.is_set()


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    yield from serve()


def settings() -> Settings:
    return Settings().override(
        {"fetch.allow_private": True, "fetch.politeness_seconds": 0.0, "fetch.retries": 0}
    )


def etag_route(body: bytes, tag: str) -> Route:
    def conditional(handler: object) -> Route | None:
        if getattr(handler, "headers", {}).get("If-None-Match") == tag:
            return Route(status=304, headers={"ETag": tag})
        return None

    return Route(body, headers={"Content-Type": "application/rss+xml", "ETag": tag}, respond=conditional)


def test_only_new_entries_are_stored_and_unchanged_feeds_cost_a_304(server: LocalServer) -> None:
    server.routes["/rss"] = etag_route(rss([("s1", "Stage one"), ("s2", "Stage two")]), '"a"')

    def between(round_done: int) -> None:
        if round_done == 2:
            server.routes["/rss"] = etag_route(rss([("s3", "Stage three"), ("s1", "Stage one")]), '"b"')

    store = MemoryWatchStore()
    lines: list[str] = []
    report = watch(
        [server.url("/rss")], settings(), store, 0, Rounds(between), log=lines.append, max_rounds=3
    )
    titles = [i.title for i in store.items if isinstance(i, Document)]
    assert titles == ["Stage one", "Stage two", "Stage three"]
    assert (report.rounds, report.documents, report.failures) == (3, 3, 0)
    feed_headers = [h for path, h in server.requests if path == "/rss"]
    assert [h.get("if-none-match") for h in feed_headers] == [None, '"a"', '"a"']
    assert store.etag(server.url("/rss")).etag == '"b"'  # type: ignore[union-attr]
    assert "new: Stage three" in lines


def test_transient_errors_are_survived_and_retried(server: LocalServer) -> None:
    server.routes["/rss"] = Route(b"overloaded", 503, {"Content-Type": "text/plain"})

    def between(round_done: int) -> None:
        server.routes["/rss"] = etag_route(rss([("s1", "Stage one")]), '"a"')

    store = MemoryWatchStore()
    report = watch([server.url("/rss")], settings(), store, 0, Rounds(between), max_rounds=2)
    assert [type(i).__name__ for i in store.items] == ["Skipped", "Document"]
    assert isinstance(store.items[0], Skipped) and "503" in store.items[0].reason
    assert report.documents == 1


def test_outlet_label_from_source_spec(server: LocalServer) -> None:
    server.routes["/rss"] = etag_route(rss([("s1", "Stage one")]), '"a"')
    store = MemoryWatchStore()
    spec = SourceSpec("race", "feed", server.url("/rss"), outlet="Race Daily Sport")
    watch([spec], settings(), store, 0, threading.Event(), max_rounds=1)
    [doc] = store.items
    assert isinstance(doc, Document) and doc.outlet == "Race Daily Sport"


class InterruptingStore(MemoryWatchStore):
    def save(self, item: Document | Skipped) -> None:
        super().save(item)
        if len(self.items) == 1:
            raise KeyboardInterrupt


def test_ctrl_c_stops_cleanly_and_keeps_what_was_saved(server: LocalServer) -> None:
    server.routes["/rss"] = etag_route(rss([("s1", "Stage one"), ("s2", "Stage two")]), '"a"')
    store = InterruptingStore()
    report = watch([server.url("/rss")], settings(), store, 0, threading.Event())
    assert report.interrupted
    assert len(store.items) == 1
    assert not store.contains(server.url("/rss"), "s1")  # interrupted before it was marked: re-read next time


def test_stop_event_set_before_start_polls_nothing(server: LocalServer) -> None:
    stop = threading.Event()
    stop.set()
    assert watch([server.url("/rss")], settings(), MemoryWatchStore(), 60, stop).rounds == 0
    assert server.requests == []


def test_a_broken_store_stops_the_watch(server: LocalServer) -> None:
    server.routes["/rss"] = etag_route(rss([("s1", "Stage one")]), '"a"')

    class Broken(MemoryWatchStore):
        def save(self, item: Document | Skipped) -> None:
            raise StoreError("disk full")

    with pytest.raises(StoreError):
        watch([server.url("/rss")], settings(), Broken(), 0, threading.Event(), max_rounds=3)


@pytest.mark.parametrize(
    "text, seconds", [("90", 90.0), ("45s", 45.0), ("10m", 600.0), ("1.5h", 5400.0), ("1d", 86400.0)]
)
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "ten minutes", "10x", "0s", "-5m"])
def test_parse_interval_rejects(text: str) -> None:
    with pytest.raises(SettingsError):
        parse_interval(text)


def test_watch_feeds_over_the_sqlite_store_remembers_between_runs(
    server: LocalServer, tmp_path: Path
) -> None:
    from storyline.store.sqlite import Store

    server.routes["/rss"] = etag_route(rss([("s1", "Stage one"), ("s2", "Stage two")]), '"a"')
    db = tmp_path / "watch.db"
    with Store.open(db) as store:
        first = watch_feeds([server.url("/rss")], settings(), store, every_seconds=60, once=True)
    with Store.open(db) as store:  # a new run: memory comes from the store
        second = watch_feeds([server.url("/rss")], settings(), store, every_seconds=60, once=True)
        assert store.document_count() == 2
    assert (first.documents, second.documents) == (2, 0)
    feed_headers = [h for path, h in server.requests if path == "/rss"]
    assert feed_headers[-1].get("if-none-match") == '"a"'
