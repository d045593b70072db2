"""Sources in, raw documents out: each path, folder, glob, URL, feed or listed source sent to its reader.

A source that cannot be used becomes a ``Skipped`` naming it and the reason; it never stops the others. All the
URLs of one run share one fetcher, so robots.txt is read once per host and the politeness delay holds across them.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.ingest.files import read_file
from storyline.ingest.source_list import SourceSpec, read_sources
from storyline.ingest.web import Fetcher, read_url
from storyline.model import Document, Skipped
from storyline.settings import Settings

WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


def load(sources: Iterable[str | SourceSpec], settings: Settings) -> Iterator[Document | Skipped]:
    """Raw documents from every source, in the order given (folders in sorted path order)."""
    with _SharedFetcher(settings) as fetcher:
        for source in sources:
            if isinstance(source, SourceSpec):
                yield from read_sources([source], settings, fetcher=fetcher.get())
            else:
                yield from _load_one(str(source), settings, fetcher)


class _SharedFetcher:
    """One fetcher for the whole run, opened only if some source is a URL."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._fetcher: Fetcher | None = None

    def get(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings.fetch)
        return self._fetcher

    def __enter__(self) -> _SharedFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def _load_one(source: str, settings: Settings, fetcher: _SharedFetcher) -> Iterator[Document | Skipped]:
    if source.lower().startswith(("http://", "https://")):
        yield from read_url(source, settings, fetcher=fetcher.get())
        return
    if "://" in source or source.lower().startswith(("file:", "gopher:", "ftp:", "data:")):
        yield Skipped(source, "ingest", "unsupported scheme: only http(s) URLs and local paths are read")
        return
    paths = expand(source, settings)
    if paths is None:
        yield Skipped(source, "ingest", "no such file or folder")
        return
    for path in paths:
        yield from read_path(path, settings)


def expand(source: str, settings: Settings) -> list[Path] | None:
    """The files a source names: itself, every readable file under a folder, or the matches of a glob."""
    path = Path(source).expanduser()
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, settings))
    if path.exists():
        return [path]
    if glob.has_magic(source):
        matches = sorted(Path(p) for p in glob.glob(source, recursive=True))
        return [p for p in matches if p.is_file()] or None
    return None


def _wanted(path: Path, settings: Settings) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and name.endswith(tuple(settings.ingest.extensions) + FEED_SUFFIXES)


def read_path(path: Path, settings: Settings) -> Iterator[Document | Skipped]:
    """Documents from one local file, chosen by its name: WARC archive, feed file, or article file."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        from storyline.ingest.warc import read_warc

        yield from read_warc(path, settings)
    elif name.endswith(FEED_SUFFIXES):
        from storyline.ingest.feeds import read_feed_file

        yield from read_feed_file(path, settings)
    else:
        yield from read_file(path, settings.ingest)
