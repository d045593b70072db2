"""The only module that knows the order of stages: ingest → clean → analyze → link.

Each stage is a function over a batch of ``Document``s. ``analyze`` runs everything in memory; with a store it
becomes incremental: :func:`ingest` commits every batch (a crash loses nothing committed) and links new articles
on arrival, :func:`analyze_store` analyzes only what has no analysis yet (a killed run resumes where it stopped).
"""

from __future__ import annotations

import dataclasses
import functools
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from storyline import clean
from storyline.analyze import entities, events, nlp, quotes, timex
from storyline.engines.local import map_batches
from storyline.ingest import metadata, sources, watch
from storyline.ingest.feeds import Validators
from storyline.ingest.source_list import SourceSpec
from storyline.link.reuse import ReuseIndex
from storyline.link.stories import StoryIndex
from storyline.model import Analysis, Document, Reuse, Skipped, Story
from storyline.settings import AnalyzeSettings, Settings
from storyline.store import links
from storyline.store.sqlite import AddResult, Store, insert_documents, last_seq

if TYPE_CHECKING:
    from spacy.tokens import Span

ANALYZER_VERSION = "17"  # bump when extractor output changes: stored analyses of older versions are redone
# the extractors that read dependency parses, each saying which sentences it will parse
PARSE_PLANNERS = (quotes.sentences_to_parse, events.sentences_to_parse)
ANALYZE_BATCH = 16  # documents per analysis task (and per commit of analyses)

Progress = Callable[[str, int], None]  # (stage, documents just finished)
Planner = Callable[[nlp.Parsed, AnalyzeSettings], list["Span"]]  # an extractor's sentences to parse


def _no_progress(stage: str, done: int) -> None:
    del stage, done


@dataclass
class IngestReport:
    """What ``ingest`` did: new document ids, ids already stored, and sources skipped with reasons."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


# ingest + clean ----------------------------------------------------------------------------------------------


def read(source_list: Iterable[str | SourceSpec], settings: Settings) -> Iterator[Document | Skipped]:
    """Raw documents with the metadata their text states, in source order."""
    for item in sources.load(source_list, settings):
        yield item if isinstance(item, Skipped) else metadata.recover(item)


def batches(items: Iterable[Document | Skipped], size: int) -> Iterator[tuple[list[Document], list[Skipped]]]:
    """Split a stream into (documents, skipped) batches of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield ([d for d in chunk if isinstance(d, Document)], [s for s in chunk if isinstance(s, Skipped)])


def clean_batch(documents: list[Document], settings: Settings) -> list[Document]:
    return clean.clean(documents, settings.clean) if documents else []


# analyze -----------------------------------------------------------------------------------------------------


def analyze_batch(documents: list[Document], settings: AnalyzeSettings) -> list[Document | Skipped]:
    """Entities, time expressions, quotes and events for each document (picklable: runs in worker processes)."""
    results: list[Document | Skipped] = []
    plan = functools.partial(sentences_to_parse, settings=settings)
    for document, parsed in zip(documents, nlp.parse_batch(documents, settings, plan), strict=True):
        if parsed is None:
            results.append(_unsupported(document))
            continue
        try:
            results.append(analyze_parsed(parsed, settings))
        except Exception as exc:  # one bad document must not stop the batch; it is reported, not dropped
            results.append(
                Skipped(document.source, "analyze", f"analysis failed: {type(exc).__name__}: {exc}")
            )
    return results


def sentences_to_parse(
    parsed: nlp.Parsed, settings: AnalyzeSettings, planners: Sequence[Planner] = PARSE_PLANNERS
) -> list[Span]:
    """The sentences the quote and event extractors (``planners``) will need parsed, so they are parsed in one
    batch.

    A document whose planning fails gets no plan: its extraction then fails the same way and is reported as
    skipped, instead of the whole batch failing here.
    """
    try:
        return [sentence for plan in planners for sentence in plan(parsed, settings)]
    except Exception:
        return []


def analyze_parsed(parsed: nlp.Parsed, settings: AnalyzeSettings) -> Document:
    """One parsed document with its entities, time expressions, quotes and events (the bench times this)."""
    found_entities = entities.extract(parsed, settings=settings)
    found_timexes = timex.extract(parsed)
    found_quotes = quotes.extract(parsed, found_entities, settings=settings)
    found_events = events.extract(parsed, found_entities, found_timexes, settings=settings)
    document = parsed.document
    hints = dict(document.hints)
    if document.published is None and (bound := timex.published_lower_bound(found_timexes, parsed)):
        hints["published_after"] = bound
    return dataclasses.replace(
        document,
        entities=tuple(found_entities),
        timexes=tuple(found_timexes),
        quotes=tuple(found_quotes),
        events=tuple(found_events),
        hints=hints,
    )


def _unsupported(document: Document) -> Document:
    hints = {**document.hints, "analysis": f"no analyzer for language {document.language or 'unknown'}"}
    return dataclasses.replace(document, hints=hints)


def analyze_documents(
    documents: list[Document], settings: Settings, progress: Progress = _no_progress
) -> Iterator[list[Document | Skipped]]:
    """Analyzed batches, in order, computed in ``settings.analyze.processes`` worker processes."""
    chunks = [documents[i : i + ANALYZE_BATCH] for i in range(0, len(documents), ANALYZE_BATCH)]
    for chunk, result in zip(chunks, map_batches(analyze_batch, chunks, settings.analyze), strict=True):
        progress("analyze", len(chunk))
        yield result


# link --------------------------------------------------------------------------------------------------------


def link(documents: list[Document], settings: Settings) -> tuple[list[Reuse], list[Story]]:
    """Reuse links and stories for documents taken in publication order (then the order given)."""
    reuse_index, story_index = ReuseIndex(settings.link), StoryIndex(settings.link)
    found: list[Reuse] = []
    for document in chronological(documents):
        found.extend(reuse_index.add(document))
        story_index.add(document)
    return found, story_index.stories()


def chronological(documents: Iterable[Document]) -> list[Document]:
    """Documents by publication date; undated ones keep their place after the dated (ingestion order)."""
    indexed = list(enumerate(documents))
    indexed.sort(key=lambda pair: (pair[1].published is None, pair[1].published or 0, pair[0]))
    return [document for _, document in indexed]


class StoreLinker:
    """Stores batches and links each new document on arrival, in the same transaction.

    The link indexes are loaded from the store once and then kept up to date in memory, so adding a document
    costs the same however large the store is. When another process has written since (two ingests on one
    store), the indexes are reloaded first, so no document is linked against a stale picture.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._indexes: tuple[ReuseIndex, StoryIndex] | None = None
        self._seen_seq = -1

    def add(self, documents: list[Document]) -> AddResult:
        with self.store.transaction() as conn:
            try:
                reuse_index, story_index = self._current(conn)
                result = insert_documents(conn, documents)
                added = set(result.added)
                for document in documents:
                    if document.id in added:
                        links.link_document(conn, reuse_index, story_index, document)
                self._seen_seq = last_seq(conn)
            except BaseException:
                self._indexes = None  # memory may be ahead of the rolled-back database: reload next time
                raise
        return result

    def _current(self, conn: sqlite3.Connection) -> tuple[ReuseIndex, StoryIndex]:
        if self._indexes is None or last_seq(conn) != self._seen_seq:
            self._indexes = (
                links.load_reuse_index(conn, self.settings.link),
                links.load_story_index(conn, self.settings.link),
            )
        return self._indexes


def recluster(store: Store, settings: Settings) -> list[Story]:
    """Rebuild every story from scratch over the stored documents (``storyline recluster``)."""
    with store.transaction() as conn:
        index = links.load_story_index(conn, settings.link)
        stories = index.recluster(store.documents())
        links.save_recluster(conn, index)
    return stories


def stored_links(store: Store, settings: Settings) -> tuple[list[Reuse], list[Story]]:
    """The reuse links and stories the store holds."""
    with store.transaction() as conn:
        return links.reuse_links(conn), links.load_story_index(conn, settings.link).stories()


# whole runs --------------------------------------------------------------------------------------------------


def analyze(
    source_list: Iterable[str],
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    progress: Progress = _no_progress,
) -> Analysis:
    """Every stage over ``source_list``, in memory, or through ``store`` (incremental and resumable)."""
    settings = settings or Settings()
    if store is not None:
        report = ingest(source_list, store, settings, progress)
        return analyze_store(store, settings, progress, extra_skipped=report.skipped)
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for batch, batch_skipped in batches(read(source_list, settings), settings.ingest.batch_size):
        skipped.extend(batch_skipped)
        fresh = [d for d in batch if not (d.content_hash in seen or seen.add(d.content_hash))]  # type: ignore[func-returns-value]
        documents.extend(clean_batch(fresh, settings))
        progress("ingest", len(batch))
    analyzed: list[Document] = []
    for results in analyze_documents(documents, settings, progress):
        analyzed.extend(d for d in results if isinstance(d, Document))
        skipped.extend(s for s in results if isinstance(s, Skipped))
    reuse, stories = link(analyzed, settings)
    return Analysis(tuple(analyzed), tuple(skipped), tuple(reuse), tuple(stories))


def ingest(
    source_list: Iterable[str | SourceSpec],
    store: Store,
    settings: Settings,
    progress: Progress = _no_progress,
) -> IngestReport:
    """Read, clean, store and link new articles, one committed batch at a time."""
    report = IngestReport()
    linker = StoreLinker(store, settings)
    for batch, batch_skipped in batches(sources.load(source_list, settings), settings.ingest.batch_size):
        report.skipped.extend(batch_skipped)
        stored = {d.id for d in batch if store.has_document(d.content_hash)}
        report.duplicates.extend(stored)
        fresh = [
            metadata.recover(d) for d in batch if d.id not in stored
        ]  # a re-run skips known articles early
        cleaned = clean_batch(fresh, settings)
        result = linker.add(cleaned)
        report.added.extend(result.added)
        report.duplicates.extend(result.duplicates)
        if batch_skipped:
            store.add_skipped(batch_skipped)
        progress("ingest", len(batch) + len(batch_skipped))
    return report


def analyze_store(
    store: Store,
    settings: Settings,
    progress: Progress = _no_progress,
    *,
    extra_skipped: Iterable[Skipped] = (),
) -> Analysis:
    """Analyze every stored document that has no analysis yet, then return the whole store's analysis."""
    pending = store.documents(store.unanalyzed_ids(ANALYZER_VERSION), with_analysis=False)
    for results in analyze_documents(pending, settings, progress):
        store.save_analyses([d for d in results if isinstance(d, Document)], ANALYZER_VERSION)
        failed = [s for s in results if isinstance(s, Skipped)]
        if failed:
            store.add_skipped(failed)
    documents = store.documents()
    skipped = {(s.source, s.stage): s for s in [*store.skipped(), *extra_skipped]}
    reuse, stories = stored_links(store, settings)
    return Analysis(tuple(documents), tuple(skipped.values()), tuple(reuse), tuple(stories))


# watch ---------------------------------------------------------------------------------------------------------


def watch_feeds(
    feeds: Sequence[str | SourceSpec],
    settings: Settings,
    store: Store,
    *,
    every_seconds: float,
    once: bool = False,
    report: Callable[[str], None] = lambda line: None,
    stop_event: threading.Event | None = None,
) -> watch.WatchReport:
    """``storyline watch`` over the SQLite store: ``ingest.watch.watch`` with the store as memory and sink."""
    return watch.watch(
        feeds,
        settings,
        StoreWatchAdapter(store, settings),
        every_seconds,
        stop_event or threading.Event(),
        log=report,
        max_rounds=1 if once else None,
    )


class StoreWatchAdapter:
    """The SQLite ``Store`` as a :class:`WatchStore`.

    A new document goes the way ``pipeline.ingest`` sends one (metadata recovered from the text, cleaned,
    stored and linked in one transaction) before its entry is marked seen, so a kill in between re-reads the
    entry rather than losing it. Cleaning sees one document at a time here, so the "line repeated across an
    outlet's articles" rule cannot fire within a poll.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store, self.settings = store, settings
        self._linker = StoreLinker(store, settings)

    def contains(self, feed: str, entry_id: str) -> bool:
        return bool(self.store.seen_entry(feed, entry_id))

    def add(self, feed: str, entry_id: str) -> None:
        self.store.add_seen_entry(feed, entry_id)

    def etag(self, feed: str) -> Validators | None:
        state = self.store.feed_state(feed)
        if not (state.get("etag") or state.get("last_modified")):
            return None
        return Validators(state.get("etag"), state.get("last_modified"))

    def set_etag(self, feed: str, validators: Validators) -> None:
        self.store.set_feed_state(feed, validators.etag, validators.last_modified)

    def save(self, item: Document | Skipped) -> None:
        if isinstance(item, Skipped):
            self.store.add_skipped([item])
            return
        document = metadata.recover(item)
        if not self.store.has_document(document.content_hash):
            self._linker.add(clean_batch([document], self.settings))
