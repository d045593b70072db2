"""Turning extracted text plus whatever metadata a source carried into a raw ``Document``.

Identity is the content: the id is a prefix of the SHA-256 of the normalized text, so the same article read
from a file, a feed and a WARC record is one document, stored once.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from collections.abc import Mapping

from storyline.ingest.language import detect
from storyline.ingest.metadata import date_line, full_dates
from storyline.model import Document

_SPACE = re.compile(r"\s+")
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_WORD = re.compile(r"[^\W\d_]{3,}")  # a month or weekday name, in any script
MAX_WRITTEN_DATE_CHARS = 64
# the languages a written-out metadata date is tried in: trying all of dateparser's (~200) takes a second for
# every string that is no date, these a few milliseconds
METADATA_DATE_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "az", "ar", "zh", "ja",
)  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ID_HEX_CHARS = 16  # 64 bits of the content hash: collisions stay negligible far beyond a billion articles


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no control characters and no trailing spaces: the text every stage sees."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\ufeff", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def content_hash(text: str) -> str:
    """SHA-256 of the text with case and whitespace folded, so re-wrapping an article does not change it."""
    folded = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def make_document(
    source: str,
    text: str,
    *,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    byline: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
    hints: Mapping[str, str] | None = None,
) -> Document:
    """A raw document: normalized text, content identity, detected language and the metadata given."""
    text = normalize_text(text)
    digest = content_hash(text)
    return Document(
        id=digest[:ID_HEX_CHARS],
        source=source,
        text=text,
        language=language or detect(text),
        outlet=outlet or None,
        title=title or None,
        byline=byline or None,
        published=published,
        url=url or None,
        content_hash=digest,
        hints=dict(hints or {}),
    )


def parse_date(value: object) -> dt.date | None:
    """A date from metadata: ISO-like ("2021-03-14", "2021-03-14T10:00:00Z") or written out (``_written_date``);
    ``None`` if it is neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return _written_date(" ".join(value.split()))
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _written_date(text: str) -> dt.date | None:
    """A date written out in a metadata field, read as the same words on a page are: a date line
    (``metadata.date_line``: "November 12, 2011", "Published: 21.04.2026 20:40", dots day-first), else the one
    full date in it ("Sat Nov 12 2011, 01:19 hrs"), else by dateparser when a word names the month ("14 марта
    2021", "Mardi 3 mai 2022"). "04/05/2026" (April or May?) and "yesterday" (relative to what?) stay unknown."""
    if len(text) > MAX_WRITTEN_DATE_CHARS or not _WRITTEN_YEAR.search(text):
        return None
    line = date_line(text)
    if line is not None:
        return line.date
    dates = set(full_dates(text))
    if len(dates) == 1:
        return dates.pop()
    if dates or not _WORD.search(text):
        return None
    found = _date_parser().get_date_data(text)
    return found.date_obj.date() if found.date_obj is not None and found.period == "day" else None


@functools.cache
def _date_parser():  # type: ignore[no-untyped-def]
    """One dateparser parser per process (building one loads its language data)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(METADATA_DATE_LANGUAGES),
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
