"""Metadata a plain-text article states about itself: outlet, title, byline, dateline place and date.

Runs on the RAW text, before cleaning, because the evidence lives in exactly the lines cleaning removes
("News Service AA", "By Aisha Jabbarova", "BAKU, March 14. /TASS/."). It only fills what the text states:
metadata already set from HTML/JSON is kept, and what the text does not say stays ``None``. Weaker evidence
goes into ``Document.hints``: ``dateline_date`` ("--03-14") when the year cannot be told, ``weekday`` when the
lead only says "on Wednesday", ``published_after`` (the latest full date the text mentions).

Known agencies live in ``storyline/data/agencies.toml`` and language word lists (months, weekdays, navigation
lines) in ``storyline/data/boilerplate.toml``; both are data, so adding an outlet or a language is an edit of
a table. Every regular expression is anchored on literal words or bounded repetitions, so each runs in time
linear in the text (they are exercised on megabyte-sized adversarial inputs).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from storyline.model import Document

HEAD_CHARS = 3000  # credits, bylines and datelines sit in the first lines; the rest is never scanned for them
HEAD_LINES = 12  # non-empty lines inspected for a title, a byline or a dateline
TAIL_CHARS = 300  # closing credits ("— AFP") sit in the last line
MAX_LINE_CHARS = 400  # a longer line is cut before the per-line patterns run (bounds the work per line)
TITLE_MAX_CHARS = 200  # a heading is short…
TITLE_MIN_WORDS = 2  # …but more than a single word ("Politics", "Home")
TITLE_MAX_WORDS = 30
BODY_MIN_WORDS = 12  # a line this long that ends with a period is body text: stop looking for a title
BYLINE_MAX_WORDS = 4  # words in one person's name after "By"
MAX_YEAR_GAP_DAYS = 366  # an inferred publication date lies less than a year after the latest dated event
YEAR_RANGE = (1900, 2099)  # four-digit numbers outside this range are not years
DEFAULT_LANGUAGE = "en"
FUTURE_CUE_WORDS = (
    2  # "due Oct. 15, 1999", "expires on Dec. 31": a future cue among the two words before a date
)
FUTURE_CUE_CHARS = 40  # …looked for in this many characters before it


@dataclass(frozen=True)
class Agency:
    """One known outlet: the canonical name and how articles credit it."""

    name: str
    aliases: tuple[str, ...]
    hosts: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dateline:
    """ "BAKU, March 14. /TASS/." read apart: place, month/day (year if stated) and the credited agency."""

    place: str
    month: int | None = None
    day: int | None = None
    year: int | None = None
    credit: str | None = None


def recover(doc: Document) -> Document:
    """The document with outlet, title, byline, dateline place and publication date filled from its text."""
    head = doc.text[:HEAD_CHARS]
    lines = _head_lines(head)
    words = _words(doc.language)
    dateline = _find_dateline(lines, words)
    hints = dict(doc.hints)
    dates = full_dates(doc.text, doc.language)
    if dates:
        hints.setdefault("published_after", max(dates).isoformat())
    published = doc.published or _published(doc.text, dateline, dates, doc.language, hints)
    if published is None:
        weekday = _first_weekday(head, words)
        if weekday:
            hints.setdefault("weekday", weekday)
    return dataclasses.replace(
        doc,
        outlet=doc.outlet or find_outlet(doc.text, dateline, doc.url, doc.language),
        title=doc.title or find_title(lines, words),
        byline=doc.byline or find_byline(lines, words),
        dateline_place=doc.dateline_place or (dateline.place.title() if dateline else None),
        published=published,
        hints=hints,
    )


# ---------------------------------------------------------------------------------------------- data tables


def _load_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("storyline").joinpath("data", name).read_text("utf-8"))


@functools.cache
def agencies() -> tuple[Agency, ...]:
    """The known agencies from ``data/agencies.toml`` (read once per process)."""
    return tuple(
        Agency(
            name=entry["name"],
            aliases=tuple(entry.get("aliases", [entry["name"]])),
            hosts=tuple(entry.get("hosts", ())),
            patterns=tuple(entry.get("patterns", ())),
        )
        for entry in _load_toml("agencies.toml")["agency"]
    )


@dataclass(frozen=True)
class Words:
    """The compiled language tables one document needs."""

    month_pattern: str  # regex alternation of month names, longest first
    month_number: dict[str, int]
    weekdays: tuple[str, ...]
    nav: frozenset[str]
    byline: tuple[str, ...]
    last_year: tuple[str, ...]
    not_places: frozenset[str]  # "BREAKING", "UPDATE": capitals at a line start that are not a dateline
    future_cues: frozenset[str]  # "due", "until": the date after them lies ahead of the text


@functools.cache
def _words(language: str | None) -> Words:
    tables = _load_toml("boilerplate.toml")
    table = tables.get(language or DEFAULT_LANGUAGE, tables[DEFAULT_LANGUAGE])
    english = tables[DEFAULT_LANGUAGE]
    numbers = {name: i + 1 for i, names in enumerate(table["months"]) for name in names.split("|")}
    return Words(
        month_pattern="|".join(sorted(map(re.escape, numbers), key=len, reverse=True)),
        month_number=numbers,
        weekdays=tuple(table["weekdays"]),
        nav=frozenset(table.get("nav", [])) | frozenset(english["nav"]),
        byline=tuple(table.get("byline", english["byline"])),
        last_year=tuple(table.get("last_year", ())),
        not_places=frozenset(table.get("not_places", [])) | frozenset(english.get("not_places", [])),
        future_cues=frozenset(table.get("future_cues", [])),
    )


@functools.cache
def _alias_index() -> dict[str, str]:
    """Alias (as written and in upper case) → canonical agency name."""
    index: dict[str, str] = {}
    for agency in agencies():
        for alias in (agency.name, *agency.aliases):
            index.setdefault(alias, agency.name)
            index.setdefault(alias.upper(), agency.name)
    return index


def canonical_agency(name: str) -> str | None:
    """The canonical name of a known agency credited as ``name`` ("AA" → "Anadolu Agency"), else ``None``."""
    return _alias_index().get(name.strip())


# ---------------------------------------------------------------------------------------------- outlet


@dataclass(frozen=True)
class _CreditPatterns:
    head: tuple[re.Pattern[str], ...]  # tried in order on the first lines
    tail: re.Pattern[str]  # tried on the last characters


@functools.cache
def _credit_patterns(byline_words: tuple[str, ...]) -> _CreditPatterns:
    alias = "|".join(sorted(map(re.escape, _alias_index()), key=len, reverse=True))
    a = rf"(?P<alias>{alias})"
    by = "|".join(map(re.escape, byline_words))
    head = (
        re.compile(rf"^[ \t]*(?:{by}|News Service|Source:|Via)[ \t]+{a}[ \t]*\.?[ \t]*$", re.M),
        re.compile(rf"/[ \t]?{a}[ \t]?/"),
        re.compile(rf"\({a}\)[ \t]*(?:--|[-–—:])"),
        re.compile(rf"^[ \t]*\({a}\)", re.M),
    )
    tail = re.compile(rf"(?:(?:^|[\s.])(?:--|[-–—])[ \t]?\(?|\(){a}\)?\.?\s*\Z")
    return _CreditPatterns(head, tail)


def find_outlet(
    text: str, dateline: Dateline | None, url: str | None, language: str | None = None
) -> str | None:
    """The outlet credited by the article's dateline, label lines or closing credit, else by its URL host."""
    if dateline and dateline.credit and canonical_agency(dateline.credit):
        return canonical_agency(dateline.credit)
    patterns = _credit_patterns(_words(language).byline)
    head = text[:HEAD_CHARS]
    for pattern in patterns.head:
        match = pattern.search(head)
        if match:
            return canonical_agency(match["alias"])
    match = patterns.tail.search(text[-TAIL_CHARS:])
    if match:
        return canonical_agency(match["alias"])
    return _extra_pattern_outlet(head) or outlet_from_url(url)


def _extra_pattern_outlet(head: str) -> str | None:
    for name, patterns in _extra_patterns():
        if any(pattern.search(head) for pattern in patterns):
            return name
    return None


@functools.cache
def _extra_patterns() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """The agencies' own ``patterns``, compiled once (a bad one fails loudly, naming the agency)."""
    compiled = []
    for agency in agencies():
        try:
            compiled.append((agency.name, tuple(re.compile(p) for p in agency.patterns)))
        except re.error as exc:
            raise ValueError(
                f"agencies.toml: bad pattern for {agency.name!r}: {exc}; fix or remove it"
            ) from exc
    return tuple(c for c in compiled if c[1])


def outlet_from_url(url: str | None) -> str | None:
    """The known agency publishing at the URL's host (or a parent domain of it), else ``None``."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    for agency in agencies():
        if any(host == h or host.endswith("." + h) for h in agency.hosts):
            return agency.name
    return None


# ---------------------------------------------------------------------------------------------- dateline


@functools.cache
def _dateline_pattern(month_pattern: str) -> re.Pattern[str]:
    month = rf"(?:{month_pattern})"
    word = r"[^\W\d_](?:[^\W\d_]|['’.])*"  # a letter, then letters, apostrophes or periods
    date = (
        rf"(?P<month>{month})\.?[ \t](?P<day>\d{{1,2}})(?:,?[ \t](?P<year>\d{{4}}))?"
        rf"|(?P<day2>\d{{1,2}})[ \t](?P<month2>{month})\.?(?:,?[ \t](?P<year2>\d{{4}}))?"
    )
    return re.compile(
        rf"(?P<place>{word}(?:[ \t-]{word}){{0,3}})"
        rf"(?:,[ \t](?!{month}\b)(?P<region>[A-Z][a-z]{{1,10}}\.))?"
        rf"(?:,?[ \t](?:{date}))?"
        r"\.?[ \t]?"
        r"(?P<credit>/[ \t]?[^/\n]{1,40}?[ \t]?/|\([^()\n]{1,40}\))?"
        r"\.?(?:[ \t]*(?P<dash>--|[-–—]))?(?=\s|$)"
    )


def _find_dateline(lines: list[str], words: Words) -> Dateline | None:
    pattern = _dateline_pattern(words.month_pattern)
    for line in lines:
        match = pattern.match(line[:MAX_LINE_CHARS])
        dateline = _to_dateline(match, words) if match else None
        if dateline:
            return dateline
    return None


def _to_dateline(match: re.Match[str], words: Words) -> Dateline | None:
    place = match["place"]
    month_name = match["month"] or match["month2"]
    if not (any(c.isalpha() for c in place) and place == place.upper() and len(place) > 1):
        return None
    if (
        not (month_name or match["credit"] or match["dash"])
        or canonical_agency(place)
        or place in words.not_places
    ):
        return None
    if not (month_name or match["credit"]) and len(match.string.split()) < BODY_MIN_WORDS:
        return None  # "KFT - Kraftfahrzeugtechnik": a dash alone makes a dateline only before a body sentence
    credit = (match["credit"] or "").strip("/() \t") or None
    year = match["year"] or match["year2"]
    return Dateline(
        place=place,
        month=words.month_number[month_name] if month_name else None,
        day=int(match["day"] or match["day2"]) if month_name else None,
        year=int(year) if year else None,
        credit=credit,
    )


# ---------------------------------------------------------------------------------------------- dates


@functools.cache
def _full_date_pattern(month_pattern: str) -> re.Pattern[str]:
    month = rf"\b(?:{month_pattern})"
    return re.compile(
        rf"(?P<m>{month})\.?,?[ \t](?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t](?P<y>\d{{4}})\b"
        rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t](?:of[ \t])?(?P<m2>{month})\.?,?[ \t](?P<y2>\d{{4}})\b"
        r"|\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b"
    )


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def full_dates(text: str, language: str | None = None) -> list[dt.date]:
    """Every explicit past day-month-year date in the text ("January 11, 2021", "11 Jan 2021", "2021-01-11").

    Dates the text marks as ahead of it ("bonds due March 1, 2011", "until Dec. 31, 1994", "the year ending
    June 30, 1990") are left out: they do not precede publication, so they bound nothing.
    """
    words = _words(language)
    dates = []
    for match in _full_date_pattern(words.month_pattern).finditer(text):
        before = text[max(0, match.start() - FUTURE_CUE_CHARS) : match.start()].casefold().split()
        if any(word in words.future_cues for word in before[-FUTURE_CUE_WORDS:]):
            continue
        if match["iy"]:
            parts = (int(match["iy"]), int(match["im"]), int(match["id"]))
        else:
            name = match["m"] or match["m2"]
            parts = (int(match["y"] or match["y2"]), words.month_number[name], int(match["d"] or match["d2"]))
        date = _safe_date(*parts)
        if date and YEAR_RANGE[0] <= date.year <= YEAR_RANGE[1]:
            dates.append(date)
    return dates


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _published(
    text: str, dateline: Dateline | None, dates: list[dt.date], language: str | None, hints: dict[str, str]
) -> dt.date | None:
    """The dateline's date, its year stated or inferred; else ``None`` and the ``dateline_date`` hint."""
    if not dateline or dateline.month is None or dateline.day is None:
        return None
    last_year = _says_last_year(text, _words(language))
    year = dateline.year or infer_year(dateline.month, dateline.day, dates, _years(text), last_year)
    date = _safe_date(year, dateline.month, dateline.day) if year else None
    if date is None:
        hints.setdefault("dateline_date", f"--{dateline.month:02d}-{dateline.day:02d}")
    return date


def infer_year(
    month: int, day: int, dates: list[dt.date], years: set[int], last_year: bool = False
) -> int | None:
    """The year of a year-less dateline ("March 14"), from the years the text itself states.

    Rule: events an article reports usually precede its publication, so the dateline date must not fall before
    the latest explicit full date ``L`` the text mentions. Candidate years are the four-digit years the text
    mentions (plus the year after each of them when it says "last year"). The answer is the smallest
    candidate ``Y >= L.year`` with ``date(Y, month, day) >= L``, accepted only if it lies less than
    ``MAX_YEAR_GAP_DAYS`` after ``L``. Without a full date, only "last year" pins the year: ``Y`` is one after
    the latest year mentioned. Anything else is ``None``: a guess would poison every relative date resolved
    against it.
    """
    candidates = set(years) | {d.year for d in dates}
    if last_year:
        candidates |= {y + 1 for y in candidates}
    if not dates:
        return max(years) + 1 if last_year and years else None
    latest = max(dates)
    for year in sorted(y for y in candidates if y >= latest.year):
        date = _safe_date(year, month, day)
        if date and date >= latest:
            return year if (date - latest).days < MAX_YEAR_GAP_DAYS else None
    return None


def _years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text) if YEAR_RANGE[0] <= int(y) <= YEAR_RANGE[1]}


def _says_last_year(text: str, words: Words) -> bool:
    lowered = text.casefold()
    return any(phrase in lowered for phrase in words.last_year)


def _first_weekday(head: str, words: Words) -> str | None:
    match = _weekday_pattern(words.weekdays).search(head) if words.weekdays else None
    return match[0] if match else None


@functools.cache
def _weekday_pattern(weekdays: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, weekdays))})\b")


# ---------------------------------------------------------------------------------------------- title, byline


def _head_lines(head: str) -> list[str]:
    return [line.strip() for line in head.split("\n") if line.strip()][:HEAD_LINES]


def find_title(lines: list[str], words: Words | None = None) -> str | None:
    """The first heading-like line before the body: short, capitalized, no final period, not a credit."""
    words = words or _words(None)
    dateline = _dateline_pattern(words.month_pattern)
    for line in lines:
        if _is_body(line) or _dateline_match(dateline, line, words):
            return None
        if _is_title(line, words):
            return line
    return None


def _dateline_match(pattern: re.Pattern[str], line: str, words: Words) -> bool:
    match = pattern.match(line[:MAX_LINE_CHARS])
    return bool(match and _to_dateline(match, words))


def _is_body(line: str) -> bool:
    return line.endswith(".") and len(line.split()) >= BODY_MIN_WORDS


def _is_title(line: str, words: Words) -> bool:
    n_words = len(line.split())
    return (
        len(line) <= TITLE_MAX_CHARS
        and TITLE_MIN_WORDS <= n_words <= TITLE_MAX_WORDS
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘«")
        and line[-1] not in ".,;:"
        and line.casefold() not in words.nav
        and not _is_credit_line(line, words)
        and "©" not in line
        and not _PHOTO_CREDIT.search(line)
    )


_PHOTO_CREDIT = re.compile(r"\b[A-Z][A-Z-]{1,20}/[A-Z]")  # "EPA-EFE/TATYANA ZENKOVICH", "REUTERS/Evelyn"


def _is_credit_line(line: str, words: Words) -> bool:
    starts = (*words.byline, "News Service", "Source:", "Via")
    return any(line.startswith(word + " ") for word in starts)


def find_byline(lines: list[str], words: Words | None = None) -> str | None:
    """The person in a "By …" line ("By Aisha Jabbarova"); "By Azernews" credits an outlet, not a person."""
    words = words or _words(None)
    for line in lines:
        for word in words.byline:
            if line.startswith(word + " "):
                name = _person(line[len(word) :].split(",")[0].strip().rstrip("."))
                if name:
                    return name
    return None


def _person(name: str) -> str | None:
    tokens = name.split()
    if not 2 <= len(tokens) <= BYLINE_MAX_WORDS or canonical_agency(name):
        return None
    if all(t[0].isupper() or t in {"and", "de", "van", "von", "al", "bin"} for t in tokens):
        return name
    return None
