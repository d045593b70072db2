"""``storyline watch``: poll feeds every N seconds and store only what is new.

Each round polls every feed once through one shared :class:`~storyline.ingest.web.Fetcher` (so robots.txt and
the per-host delay carry over between rounds). The store remembers, per feed, the entry ids already ingested
and the last ETag/Last-Modified (:class:`~storyline.ingest.feeds.SeenEntries`), so a poll is a conditional GET
and an unchanged feed costs one 304. An entry is marked seen only after the store saved its document.

A feed that fails (unreachable, timeout, malformed) is reported and tried again next round; the loop ends when
``stop_event`` is set or on Ctrl-C, after the item in hand has been saved.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from storyline.errors import SettingsError, StoreError
from storyline.ingest.feeds import MemorySeen, SeenEntries, read_feed_url
from storyline.ingest.source_list import SourceSpec
from storyline.ingest.web import Fetcher
from storyline.model import Document, Skipped
from storyline.settings import Settings

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
MIN_INTERVAL_SECONDS = 1.0  # polling faster than this is never polite


class WatchStore(SeenEntries, Protocol):
    """Where watched entries go: ``save`` commits one item; the ``SeenEntries`` methods remember feeds."""

    def save(self, item: Document | Skipped) -> None: ...


class MemoryWatchStore(MemorySeen):
    """A ``WatchStore`` in memory, for tests and dry runs."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Document | Skipped] = []

    def save(self, item: Document | Skipped) -> None:
        self.items.append(item)


@dataclass
class WatchReport:
    """Running totals of a watch session (what the CLI prints when it stops)."""

    rounds: int = 0
    documents: int = 0
    skipped: int = 0
    failures: int = 0  # feed polls that ended in an unexpected error (the loop went on)
    interrupted: bool = False


def parse_interval(text: str) -> float:
    """Seconds in "90", "45s", "10m", "2h" or "1d"; raises ``SettingsError`` for anything else."""
    match = _INTERVAL.match(text)
    if not match:
        raise SettingsError(f"--every {text!r}: write a number with an optional unit s/m/h/d, e.g. 10m")
    seconds = float(match[1]) * _UNIT_SECONDS[match[2].lower()]
    if seconds < MIN_INTERVAL_SECONDS:
        raise SettingsError(f"--every {text!r}: poll at most once a second")
    return seconds


def watch(
    feeds: Sequence[str | SourceSpec],
    settings: Settings,
    store: WatchStore,
    every_seconds: float,
    stop_event: threading.Event,
    *,
    fetcher: Fetcher | None = None,
    log: Callable[[str], None] = lambda line: None,
    max_rounds: int | None = None,
) -> WatchReport:
    """Poll ``feeds`` until ``stop_event`` is set, Ctrl-C, or ``max_rounds``; returns the totals."""
    report = WatchReport()
    own = fetcher is None
    active = fetcher or Fetcher(settings.fetch)
    try:
        while not stop_event.is_set():
            report.rounds += 1
            for feed in feeds:
                if stop_event.is_set():
                    break
                _poll_feed(feed, settings, store, active, report, log)
            if max_rounds is not None and report.rounds >= max_rounds:
                break
            stop_event.wait(every_seconds)
    except KeyboardInterrupt:
        report.interrupted = True
        log("interrupted: stopped cleanly; entries already saved stay saved")
    finally:
        if own:
            active.close()
    return report


def _poll_feed(
    feed: str | SourceSpec,
    settings: Settings,
    store: WatchStore,
    fetcher: Fetcher,
    report: WatchReport,
    log: Callable[[str], None],
) -> None:
    """One poll of one feed; an unexpected error is reported and the loop goes on to the next feed."""
    url, outlet = (feed.url, feed.outlet) if isinstance(feed, SourceSpec) else (feed, None)
    try:
        for item in read_feed_url(url, settings, seen=store, fetcher=fetcher, outlet=outlet):
            store.save(item)
            if isinstance(item, Document):
                report.documents += 1
                log(f"new: {item.title or item.url or item.source}")
            else:
                report.skipped += 1
                log(f"skipped {item.source}: {item.reason}")
    except StoreError:
        raise  # the store itself is broken: polling on would lose every entry
    except Exception as exc:  # a watcher must outlive one bad feed or page; the line names what broke
        report.failures += 1
        log(f"{url}: poll failed ({type(exc).__name__}: {exc}); will retry next round")
