"""Feeds → raw ``Document``s: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed read directly.

Each entry becomes one document. When the feed carries the full article (``content:encoded``, Atom
``content``, JSON Feed ``content_html``/``content_text``) that text is used; otherwise the entry's link is
fetched with the safe :class:`~storyline.ingest.web.Fetcher`. The entry's date becomes ``published`` (the
page's own date is the fallback), its author the byline, the feed's title (or the label from
``sources.toml``) the outlet. At most ``fetch.max_feed_items`` entries are read from one feed.

For polling (``storyline watch``) a :class:`SeenEntries` remembers entry ids and the feed's
ETag/Last-Modified, so a poll sends a conditional GET and ingests only new entries. An entry is marked seen
only after the consumer has taken its document, and never when it failed for a reason that may pass
(timeout, 5xx).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from storyline.errors import FetchError, IngestError
from storyline.ingest.document import make_document, parse_date
from storyline.ingest.files import valid_unicode
from storyline.ingest.html import document_from_html
from storyline.ingest.local_dates import local_date, stamp
from storyline.ingest.web import Fetched, Fetcher, is_transient, page_document
from storyline.model import Document, Skipped
from storyline.settings import Settings

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.8, */*;q=0.1"
)
JSON_FEED_TYPES = ("application/feed+json", "application/json")
# A numeric character reference to no Unicode character ("&#2222200000;") crashes feedparser's lenient parser
# (OverflowError in chr()); it is read as U+FFFD so the feed's other entries survive.
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]{1,16})|0*([0-9]{1,20}));")  # longer: refused
MAX_CODE_POINT = 0x10FFFF
# A feed that declares entities is refused outright: news feeds never need them, attacks (billion laughs,
# external entities reading local files) always do.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
# The same declaration where it is not those ASCII bytes: UTF-16/32 are found by dropping their NUL bytes, the
# EBCDIC code pages (which feedparser decodes before its XML parser sees the text) by their own bytes.
_EBCDIC_ENTITY_MARKERS = frozenset(
    "<!ENTITY".encode(codec) for codec in ("cp037", "cp273", "cp500", "cp1026", "cp1140")
)


@dataclass(frozen=True)
class Validators:
    """What a server gave to make the next request conditional."""

    etag: str | None = None
    last_modified: str | None = None


class SeenEntries(Protocol):
    """Memory of a feed between polls, implemented by the store: entry ids and HTTP validators per feed."""

    def contains(self, feed: str, entry_id: str) -> bool: ...

    def add(self, feed: str, entry_id: str) -> None: ...

    def etag(self, feed: str) -> Validators | None: ...

    def set_etag(self, feed: str, validators: Validators) -> None: ...


class MemorySeen:
    """``SeenEntries`` kept in memory: for one process, tests, and ``ingest`` runs without a store."""

    def __init__(self) -> None:
        self.entries: set[tuple[str, str]] = set()
        self.validators: dict[str, Validators] = {}

    def contains(self, feed: str, entry_id: str) -> bool:
        return (feed, entry_id) in self.entries

    def add(self, feed: str, entry_id: str) -> None:
        self.entries.add((feed, entry_id))

    def etag(self, feed: str) -> Validators | None:
        return self.validators.get(feed)

    def set_etag(self, feed: str, validators: Validators) -> None:
        self.validators[feed] = validators


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, with whatever the feed said about it."""

    id: str
    link: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    content_html: str | None = None  # the full article, when the feed carries it
    content_text: str | None = None  # JSON Feed's plain-text full article


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(source: str, data: bytes, media_type: str = "") -> Feed:
    """The feed's title and entries; raises ``IngestError`` for something that is not a readable feed."""
    if declares_entities(data):
        raise IngestError(source, "feed declares XML entities (refused: entity-expansion and XXE attacks)")
    head = data[:200].lstrip()
    if media_type in JSON_FEED_TYPES or head.startswith(b"{"):
        return _parse_json_feed(source, data)
    return _parse_xml_feed(source, data)


def declares_entities(data: bytes) -> bool:
    """Whether the XML declares entities, in whatever encoding it is written (a UTF-16 billion-laughs too)."""
    if _ENTITY_DECLARATION.search(data) or _ENTITY_DECLARATION.search(data.replace(b"\x00", b"")):
        return True
    return any(marker in data for marker in _EBCDIC_ENTITY_MARKERS)


def _parse_xml_feed(source: str, data: bytes) -> Feed:
    import feedparser

    try:
        parsed = feedparser.parse(
            _CHARACTER_REFERENCE.sub(_possible_character, data),
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except (
        ValueError,
        LookupError,
        RecursionError,
        OverflowError,  # an impossible character reference too long for the substitution
    ) as exc:  # feedparser's encoding sniffing on mangled bytes
        raise IngestError(source, f"malformed feed ({type(exc).__name__}: {exc})") from exc
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        problem = parsed.get("bozo_exception") or "no RSS or Atom entries"
        raise IngestError(source, f"malformed feed ({problem})")
    entries = tuple(_xml_entry(entry) for entry in parsed.entries)
    return Feed(title=_text(parsed.feed.get("title")), entries=entries)


def _possible_character(match: re.Match[bytes]) -> bytes:
    """The reference itself when it names a Unicode character, else one to U+FFFD (the replacement character)."""
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    return match.group(0) if code <= MAX_CODE_POINT else b"&#xFFFD;"


def _xml_entry(entry: Any) -> FeedEntry:
    contents = entry.get("content") or []
    full = max((c.get("value", "") for c in contents), key=len, default="") or None
    # dict.get: feedparser's own lookup maps a missing "updated_parsed" to "published_parsed" with a warning
    when = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    written = stamp(dict.get(entry, "published") or dict.get(entry, "updated"))
    link = _text(entry.get("link"))
    title = _text(entry.get("title"))
    return FeedEntry(
        id=_text(entry.get("id")) or link or f"{title or ''}|{entry.get('published', '')}",
        link=link,
        title=title,
        author=_text(entry.get("author")),
        # feedparser's parsed dates are in UTC: the date is read from the entry's own timestamp instead
        published=_local(written, link) if written else (dt.date(*when[:3]) if when else None),
        content_html=full,
    )


def _local(moment: dt.datetime, link: str | None) -> dt.date:
    """The date of an entry's timestamp where it was published (``local_dates.local_date``)."""
    return local_date(moment, urlsplit(link).hostname if link else None)


def _parse_json_feed(source: str, data: bytes) -> Feed:
    try:
        value = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        raise IngestError(source, f"malformed JSON feed ({exc})") from exc
    if not isinstance(value, dict) or not isinstance(value.get("items"), list):
        raise IngestError(source, "malformed JSON feed (no 'items' list)")
    entries = tuple(_json_entry(item) for item in value["items"] if isinstance(item, dict))
    return Feed(title=_text(value.get("title")), entries=entries)


def _json_entry(item: dict[str, Any]) -> FeedEntry:
    link = _text(item.get("url")) or _text(item.get("external_url"))
    authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    names = [a.get("name") for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
    return FeedEntry(
        id=_text(item.get("id")) or link or _text(item.get("title")) or "",
        link=link,
        title=_text(item.get("title")),
        author=_text(", ".join(names)),
        published=_json_date(item.get("date_published"), link) or _json_date(item.get("date_modified"), link),
        content_html=_text(item.get("content_html")),
        content_text=_text(item.get("content_text")),
    )


def _json_date(value: object, link: str | None) -> dt.date | None:
    written = stamp(value)
    return _local(written, link) if written else parse_date(value)


def _text(value: Any) -> str | None:
    return valid_unicode(value).strip() or None if isinstance(value, str) else None


def read_feed_url(
    url: str,
    settings: Settings,
    *,
    seen: SeenEntries | None = None,
    fetcher: Fetcher | None = None,
    outlet: str | None = None,
) -> Iterator[Document | Skipped]:
    """Documents for the feed's (new) entries; a conditional GET when ``seen`` remembers validators."""
    own = fetcher is None
    active = fetcher or Fetcher(settings.fetch)
    try:
        yield from _poll(url, settings, active, seen, outlet)
    finally:
        if own:
            active.close()


def _poll(
    url: str, settings: Settings, fetcher: Fetcher, seen: SeenEntries | None, outlet: str | None
) -> Iterator[Document | Skipped]:
    try:
        fetched = fetcher.fetch(url, accept=FEED_ACCEPT, headers=_conditional_headers(seen, url))
        if fetched.status == 304:
            return
        feed = parse_feed(url, fetched.body, fetched.media_type)
    except IngestError as exc:
        yield Skipped(url, "ingest", exc.reason)
        return
    complete = yield from entry_documents(url, feed, settings, fetcher, seen=seen, outlet=outlet)
    if seen is not None and complete:
        seen.set_etag(url, Validators(fetched.etag, fetched.last_modified))


def read_fetched_feed(
    url: str, fetched: Fetched, settings: Settings, fetcher: Fetcher, *, outlet: str | None = None
) -> Iterator[Document | Skipped]:
    """Documents for the entries of a feed already fetched (``storyline ingest FEED_URL``)."""
    try:
        feed = parse_feed(url, fetched.body, fetched.media_type)
    except IngestError as exc:
        yield Skipped(url, "ingest", exc.reason)
        return
    yield from entry_documents(url, feed, settings, fetcher, outlet=outlet)


def _conditional_headers(seen: SeenEntries | None, url: str) -> dict[str, str]:
    validators = seen.etag(url) if seen is not None else None
    headers = {}
    if validators is not None and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators is not None and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def read_feed_file(
    path: Path, settings: Settings, *, fetcher: Fetcher | None = None, outlet: str | None = None
) -> Iterator[Document | Skipped]:
    """Documents for a feed saved on disk; entries without full content are fetched by their links."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.ingest.max_document_bytes:
            yield Skipped(source, "ingest", f"feed file is {size:,} bytes, over ingest.max_document_bytes")
            return
        feed = parse_feed(source, path.read_bytes())
    except OSError as exc:
        yield Skipped(source, "ingest", f"cannot read the feed file ({exc.strerror or exc})")
        return
    except IngestError as exc:
        yield Skipped(source, "ingest", exc.reason)
        return
    lazy = _LazyFetcher(settings, fetcher)
    try:
        yield from entry_documents(source, feed, settings, lazy, outlet=outlet)
    finally:
        lazy.close()


class _LazyFetcher:
    """A fetcher opened only if an entry needs its link fetched (a feed file with full content never does)."""

    def __init__(self, settings: Settings, fetcher: Fetcher | None) -> None:
        self.settings, self.given = settings, fetcher
        self.opened: Fetcher | None = None

    def get(self) -> Fetcher:
        if self.given is not None:
            return self.given
        if self.opened is None:
            self.opened = Fetcher(self.settings.fetch)
        return self.opened

    def close(self) -> None:
        if self.opened is not None:
            self.opened.close()


def entry_documents(
    feed_source: str,
    feed: Feed,
    settings: Settings,
    fetcher: Fetcher | _LazyFetcher,
    *,
    seen: SeenEntries | None = None,
    outlet: str | None = None,
) -> Iterator[Document | Skipped]:
    """One document (or ``Skipped``) per new entry; returns whether every entry was settled for good."""
    lazy = fetcher if isinstance(fetcher, _LazyFetcher) else _LazyFetcher(settings, fetcher)
    complete = True
    for entry in feed.entries[: settings.fetch.max_feed_items]:
        if seen is not None and seen.contains(feed_source, entry.id):
            continue
        item, transient = _entry_document(feed_source, feed, entry, settings, lazy, outlet)
        yield item
        if transient:
            complete = False
        elif seen is not None:
            seen.add(
                feed_source, entry.id
            )  # after the consumer took the item: a kill before this re-reads it
    return complete


def _entry_document(
    feed_source: str,
    feed: Feed,
    entry: FeedEntry,
    settings: Settings,
    fetcher: _LazyFetcher,
    outlet: str | None,
) -> tuple[Document | Skipped, bool]:
    """The entry's document and whether a failure may pass on a later poll."""
    entry = _absolute_link(feed_source, entry)
    source = entry.link or f"{feed_source}#{entry.id}"
    document = _carried_document(source, entry, settings)
    if document is None and entry.link:
        try:
            fetched = fetcher.get().fetch(entry.link)
        except FetchError as exc:
            return Skipped(source, "ingest", exc.reason), is_transient(exc)
        document = page_document(source, fetched, settings)
    if document is None:
        return Skipped(source, "ingest", "feed entry has neither full content nor a link"), False
    if isinstance(document, Skipped):
        return document, False
    return _with_entry_metadata(document, feed_source, feed, entry, outlet), False


def _absolute_link(feed_source: str, entry: FeedEntry) -> FeedEntry:
    """A relative entry link ("/news/1") resolved against the feed URL (feed files keep theirs)."""
    if not entry.link or not feed_source.lower().startswith(("http://", "https://")):
        return entry
    try:
        return dataclasses.replace(entry, link=urljoin(feed_source, entry.link))
    except ValueError:
        return entry


def _carried_document(source: str, entry: FeedEntry, settings: Settings) -> Document | None:
    """The full article the feed itself carries, if it is long enough to be one."""
    if entry.content_html:
        page = f"<html><body><article>{entry.content_html}</article></body></html>"
        document = document_from_html(source, page, settings.ingest, url=entry.link)
        if isinstance(document, Document):
            return document
        text = _strip_tags(entry.content_html)
        if len(text.strip()) >= settings.ingest.min_text_chars:
            return make_document(source, text, url=entry.link)
    if entry.content_text and len(entry.content_text.strip()) >= settings.ingest.min_text_chars:
        return make_document(source, entry.content_text, url=entry.link)
    return None


_TAG = re.compile(r"<[^>]{0,2000}>")
_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)


def _strip_tags(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs kept as lines (fallback when extraction finds nothing)."""
    return html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", fragment)))


def _with_entry_metadata(
    document: Document, feed_source: str, feed: Feed, entry: FeedEntry, outlet: str | None
) -> Document:
    hints = {**document.hints, "feed": feed_source, "feed_entry_id": entry.id}
    return dataclasses.replace(
        document,
        url=entry.link or document.url,
        title=entry.title or document.title,
        byline=document.byline or entry.author,
        published=entry.published or document.published,
        outlet=outlet or document.outlet or feed.title,
        hints=hints,
    )
