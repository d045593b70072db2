"""Files on disk: plain text, HTML and JSON/JSONL, in any common encoding.

Each file becomes zero or more raw ``Document``s, or a ``Skipped`` naming the file and the reason. Files are
size-checked before they are read and sniffed for binary content, so a PDF or a 50 MB dump is refused cheaply.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from storyline.ingest.document import make_document, parse_date
from storyline.ingest.html import document_from_html
from storyline.model import Document, Skipped
from storyline.settings import IngestSettings

BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "gzip-compressed data (name it .warc.gz if it is a WARC archive)",
}
# Encodings news text comes in when it is not UTF-8. Limiting the detector to these keeps it from choosing a rare
# code page (Baltic, Mac…) that happens to score well on a short Western text.
LEGACY_ENCODINGS = [
    "cp1252",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "cp1250",
    "cp1254",
    "cp1253",
    "cp1256",
    "cp1255",
    "utf_16",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
]
# decodings this close to the cleanest are equally plausible: the commoner encoding wins
CHAOS_TOLERANCE = 0.02
# What JSON escapes such as "\ud800" decode to when no partner follows: valid JSON, but no UTF-8 encoder
# (the content hash, the store) accepts them, so they become U+FFFD. json.loads already joins valid pairs.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


def read_file(path: Path, settings: IngestSettings) -> Iterator[Document | Skipped]:
    """Documents from one text, HTML or JSON(L) file."""
    source = str(path)
    data = _read_bytes(path, settings)
    if isinstance(data, Skipped):
        yield data
        return
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from read_jsonl(source, data, settings)
        return
    text = decode(data)
    if text is None:
        yield Skipped(source, "ingest", "cannot decode the file as text in any common encoding")
    elif suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield document_from_html(source, text, settings)
    elif len(text.strip()) < settings.min_text_chars:
        yield Skipped(source, "ingest", f"too short to be an article ({len(text.strip())} characters)")
    else:
        yield make_document(source, text)


def _read_bytes(path: Path, settings: IngestSettings) -> bytes | Skipped:
    source = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            return Skipped(source, "ingest", "the file is empty")
        if size > settings.max_document_bytes:
            return Skipped(source, "ingest", f"file is {size:,} bytes, over ingest.max_document_bytes")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(source, "ingest", f"cannot read the file ({exc.strerror or exc})")
    kind = binary_kind(data[: settings.binary_sniff_bytes])
    if kind:
        return Skipped(source, "ingest", f"not a text article: looks like {kind}")
    return data


def binary_kind(head: bytes) -> str | None:
    """What binary format ``head`` starts with, or ``None`` if it looks like text."""
    for signature, kind in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes) -> str | None:
    """Text from bytes: UTF-8 (with or without BOM) first, else the encoding charset-normalizer finds."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data, cp_isolation=LEGACY_ENCODINGS))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + CHAOS_TOLERANCE]
    return str(
        min(
            plausible,
            key=lambda m: (
                LEGACY_ENCODINGS.index(m.encoding)
                if m.encoding in LEGACY_ENCODINGS
                else len(LEGACY_ENCODINGS)
            ),
        )
    )


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def read_jsonl(source: str, data: bytes, settings: IngestSettings) -> Iterator[Document | Skipped]:
    """One article per line (or one JSON object / array for the whole file); bad lines are skipped one by one."""
    text = decode(data)
    if text is None:
        yield Skipped(source, "ingest", "cannot decode the JSON file as text")
        return
    records = _whole_json(text)
    lines = enumerate(text.split("\n"), start=1) if records is None else None
    if records is not None:
        for number, record in enumerate(records, start=1):
            yield _record_document(f"{source}#{number}", record, settings)
        return
    assert lines is not None
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{source}:{number}"
        if len(line) > settings.max_jsonl_line_bytes:
            yield Skipped(where, "ingest", "JSONL line too long (over ingest.max_jsonl_line_bytes)")
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Skipped(where, "ingest", f"line is not valid JSON ({getattr(exc, 'msg', exc)})")
            continue
        yield _record_document(where, record, settings)


def _whole_json(text: str) -> list[Any] | None:
    """The records of a file that is a single JSON object or array, or ``None`` for JSON Lines."""
    stripped = text.strip()
    if not stripped.startswith(("[", "{")) or "\n" not in stripped:
        return None
    try:
        value = json.loads(stripped)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, list) else [value]


def _record_document(where: str, record: Any, settings: IngestSettings) -> Document | Skipped:
    """A document from one JSON record with ``text`` or ``html`` and optional url/title/published/outlet."""
    if not isinstance(record, dict):
        return Skipped(where, "ingest", "JSON record is not an object with a 'text' or 'html' field")
    fields = {k: record.get(k) for k in ("url", "title", "outlet", "byline", "author", "published", "date")}
    if isinstance(record.get("html"), str) and not isinstance(record.get("text"), str):
        document = document_from_html(where, valid_unicode(record["html"]), settings, url=_str(fields["url"]))
    elif isinstance(record.get("text"), str) and record["text"].strip():
        document = make_document(where, valid_unicode(record["text"]))
    else:
        return Skipped(where, "ingest", "JSON record has no 'text' or 'html' string")
    if isinstance(document, Skipped):
        return document
    if len(document.text) < settings.min_text_chars:  # "\u0000" or blanks only: nothing left once normalized
        return Skipped(where, "ingest", f"too short to be an article ({len(document.text)} characters)")
    return _with_record_metadata(document, fields)


def _with_record_metadata(document: Document, fields: dict[str, Any]) -> Document:
    import dataclasses

    published = parse_date(fields["published"]) or parse_date(fields["date"])
    return dataclasses.replace(
        document,
        url=_str(fields["url"]) or document.url,
        title=_str(fields["title"]) or document.title,
        outlet=_str(fields["outlet"]) or document.outlet,
        byline=_str(fields["byline"]) or _str(fields["author"]) or document.byline,
        published=published or document.published,
    )


def _str(value: Any) -> str | None:
    return valid_unicode(value).strip() or None if isinstance(value, str) else None


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (from JSON escapes) replaced by U+FFFD, so it can be encoded as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text)
