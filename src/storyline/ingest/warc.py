"""WARC archives (``.warc``, ``.warc.gz``, the format of Common Crawl's CC-NEWS) → raw ``Document``s.

The archive is streamed record by record with warcio, never loaded whole: memory stays flat however large the
file. Only ``response`` records are read; each HTML response becomes a document whose ``url`` is the record's
target URI. ``WARC-Date`` (when the page was captured) is kept as a hint and becomes ``published`` only when
the page itself carries no date — a crawl date is an upper bound, so ``hints["published_from"]`` says so.

Bad input never stops the run: a non-HTML or oversized response is a ``Skipped`` for that record; a truncated
or corrupt archive yields the records read so far plus one ``Skipped`` saying where it broke. A record that
declares more than ``ingest.max_warc_record_bytes`` is treated as a decompression bomb: skipping it would mean
inflating it, so reading the archive stops there.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from storyline.ingest.document import parse_date
from storyline.ingest.web import Fetched, page_document
from storyline.model import Document, Skipped
from storyline.settings import Settings

# What warcio raises (besides its own ArchiveLoadFailed) when an archive is cut short or damaged; its parsers
# also fail with AttributeError/TypeError on a header cut in the middle, so those count as damage too.
_DAMAGE = (EOFError, zlib.error, OSError, ValueError, KeyError, IndexError, AttributeError, TypeError)


TRUNCATED = "record cut short: the archive is truncated"
DRAIN_BYTES = 65_536  # read size when draining a record to learn whether it is complete


def read_warc(path: Path, settings: Settings) -> Iterator[Document | Skipped]:
    """Documents from every HTML response record of the archive, streamed."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Skipped(source, "ingest", f"cannot read the archive ({exc.strerror or exc})")
        return
    with handle:
        yield from read_warc_stream(source, handle, settings)


def read_warc_stream(source: str, stream: BinaryIO, settings: Settings) -> Iterator[Document | Skipped]:
    """Documents from an open WARC stream (a file, or any readable binary stream such as an S3 object)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    damage = (ArchiveLoadFailed, *_DAMAGE)
    archive = ArchiveIterator(stream, check_digests=False)
    records = iter(archive)
    count = 0
    while True:
        try:
            with contextlib.redirect_stderr(
                io.StringIO()
            ):  # warcio prints warnings; we report Skipped instead
                record = next(records)
        except StopIteration:
            yield from _trailing_damage(source, stream, archive, count)
            return
        except damage as exc:
            where = f"after {count} records" if count else "at the start"
            yield Skipped(
                source, "ingest", f"archive truncated or corrupt {where} ({_short(exc)}); rest not read"
            )
            return
        count += 1
        if not record.rec_headers.get_header("Content-Length"):
            where = f"at record {count}" if count > 1 else "at the start"
            yield Skipped(
                source, "ingest", f"not a WARC record {where} (no Content-Length): truncated or corrupt"
            )
            return
        declared = _declared_length(record)
        if declared > settings.ingest.max_warc_record_bytes:
            reason = (
                f"record {count} declares {declared:,} bytes, over ingest.max_warc_record_bytes: "
                "treated as a decompression bomb; rest of the archive not read"
            )
            yield Skipped(source, "ingest", reason)
            return
        item = _record_item(source, record, settings, damage)
        if item is not None:
            yield item


def _trailing_damage(source: str, stream: BinaryIO, archive: Any, count: int) -> Iterator[Skipped]:
    """A ``Skipped`` when bytes follow the last complete record: the archive was cut inside a header."""
    try:
        tail = stream.tell() - int(archive.offset)
    except (OSError, AttributeError, TypeError, ValueError):
        return
    if tail > 0:
        yield Skipped(
            source,
            "ingest",
            f"archive truncated or corrupt: {tail:,} bytes after record {count} are not a record",
        )


def _declared_length(record: Any) -> int:
    value = record.rec_headers.get_header("Content-Length") or "0"
    return int(value) if value.strip().isdigit() else 0


def _record_item(
    source: str, record: Any, settings: Settings, damage: tuple[type[BaseException], ...]
) -> Document | Skipped | None:
    """One response record as a document; ``None`` for records that are not responses (requests, metadata)."""
    if record.rec_type != "response":
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{source}#{uri}" if uri else source
    status = record.http_headers.get_statuscode() or "" if record.http_headers is not None else None
    if status != "200":
        if _cut_short(record, damage):
            return Skipped(where, "ingest", TRUNCATED)
        if status is None:
            return Skipped(where, "ingest", "response record without HTTP headers")
        return Skipped(where, "ingest", f"archived response is HTTP {status or '?'}, not a page")
    limit = settings.ingest.max_document_bytes
    try:
        body = record.content_stream().read(limit + 1)
    except damage as exc:
        return Skipped(where, "ingest", f"record body cannot be read ({_short(exc)})")
    if len(body) > limit:
        return Skipped(where, "ingest", f"page is over ingest.max_document_bytes ({limit:,} bytes)")
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Skipped(where, "ingest", TRUNCATED)
    fetched = _as_fetched(uri, record, body)
    document = page_document(where, fetched, settings)
    if isinstance(document, Skipped):
        return document
    return _with_capture_date(document, record.rec_headers.get_header("WARC-Date"))


def _cut_short(record: Any, damage: tuple[type[BaseException], ...]) -> bool:
    """Whether the record's block ends before its declared length (the archive was cut inside it)."""
    stream = record.raw_stream
    try:
        while stream.read(DRAIN_BYTES):
            pass
    except damage:
        return True
    return getattr(stream, "limit", 0) > 0


def _as_fetched(uri: str, record: Any, body: bytes) -> Fetched:
    content_type = record.http_headers.get_header("Content-Type") or ""
    media_type, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return Fetched(url=uri, status=200, media_type=media_type.strip().lower(), charset=charset, body=body)


def _with_capture_date(document: Document, warc_date: str | None) -> Document:
    """``WARC-Date`` kept as a hint; promoted to ``published`` only when the page had no date of its own."""
    captured = parse_date(warc_date)
    if captured is None:
        return document
    hints = {**document.hints, "warc_date": captured.isoformat()}
    if document.published is not None:
        return dataclasses.replace(document, hints=hints)
    hints["published_from"] = "warc-date"
    return dataclasses.replace(document, published=captured, hints=hints)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:160]}" if text else type(exc).__name__
