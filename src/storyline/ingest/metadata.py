"""Metadata a plain-text article states about itself: outlet, title, byline, dateline place and date.

Runs on the RAW text, before cleaning, because the evidence lives in exactly the lines cleaning removes
("News Service AA", "By Aisha Jabbarova", "BAKU, March 14. /TASS/."). It only fills what the text states:
metadata already set from HTML/JSON is kept, and what the text does not say stays ``None``. Weaker evidence
goes into ``Document.hints``: ``dateline_date`` ("--03-14") when the year cannot be told, ``weekday`` when the
lead only says "on Wednesday", ``published_after`` (the latest full date the text mentions).

The publication date comes from a dateline that states its year, else from a bare date line above the body
("3 APR 2026, 11:20", "Published: 26.04.2026 09:30", "May 4, 2026"), else from a year-less dateline whose
year the text pins down. The outlet is the publisher the head credits ("By Tavra Valley Today", "News
Service KBA", a masthead line over the site menu), else the dateline's agency ("/NPA/", "(LBN) -"), else a
label or closing credit, else the URL host; a credited name is taken as written when the table does not know
it. An outlet is never the title or the byline.

Known agencies live in ``storyline/data/agencies.toml`` and language word lists (months, weekdays, navigation
lines) in ``storyline/data/boilerplate.toml``; both are data, so adding an outlet or a language is an edit of
a table. Every regular expression is anchored on literal words or bounded repetitions, so each runs in time
linear in the text (they are exercised on megabyte-sized adversarial inputs).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from storyline.data import agency_entries, load_table
from storyline.model import Document

HEAD_CHARS = 3000  # credits, bylines and datelines sit in the first lines; the rest is never scanned for them
HEAD_LINES = 12  # non-empty lines inspected for a title, a byline or a dateline
DATE_LINES = 20  # non-empty lines searched for a bare date line ("Published: 26.04.2026"): menus come first
TAIL_CHARS = 300  # closing credits ("— AFP") sit in the last line
MAX_ISSUER_WORDS = 14  # "Ministry of … , Astana, 12 March 2025": a longer text before the date is a sentence
MAX_LINE_CHARS = 400  # a longer line is cut before the per-line patterns run (bounds the work per line)
TITLE_MAX_CHARS = 200  # a heading is short…
TITLE_MIN_WORDS = 2  # …but more than a single word ("Politics", "Home")
TITLE_MAX_WORDS = 30
BODY_MIN_WORDS = 12  # a line this long that ends with a period is body text: stop looking for a title
BYLINE_MAX_WORDS = 4  # words in one person's name after "By"
OUTLET_MAX_WORDS = 5  # words in an outlet's name credited as written ("By Tavra Valley Today", "/NPA/")
MENU_MIN_ITEMS = 3  # "Home | Politics | Economy": this many "|"-separated items make a menu line…
MENU_ITEM_WORDS = 3  # …each of at most this many words
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

    place: str | None
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
    stamp = _stamp_date(_head_lines(head, DATE_LINES), words)
    lead = _first_weekday(head, words) if doc.published is None else None
    published = doc.published or _published(doc.text, dateline, stamp, dates, lead, doc.language, hints)
    if published is None and lead:
        hints.setdefault("weekday", lead[0])
    outlet = doc.outlet or find_outlet(doc.text, dateline, doc.url, doc.language)
    outlets = frozenset({outlet.casefold()} if outlet else ())  # HTML: the sitename; text: the credit
    return dataclasses.replace(
        doc,
        outlet=outlet,
        title=doc.title or find_title(lines, words, outlets),
        byline=doc.byline or find_byline(lines, words, outlets),
        dateline_place=doc.dateline_place
        or (dateline.place.title() if dateline and dateline.place else None),
        published=published,
        hints=hints,
    )


# ---------------------------------------------------------------------------------------------- data tables


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
        for entry in agency_entries()
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
    future_verbs: frozenset[str]  # "will", "due": the lead's weekday after them lies ahead of its verb
    date_labels: tuple[str, ...]  # "Published": a date line naming the publication date
    update_labels: tuple[str, ...]  # "Updated": a date line naming a later change
    outlet_words: frozenset[str]  # "Today", "Herald": the last word of a publisher's name
    staff_words: tuple[str, ...]  # "Staff", "Staff Reporter": a credit to the outlet's staff, no person
    issuer_joiners: frozenset[str]  # "of", "the": the lower-case words of a press release issuer's name


@functools.cache
def _words(language: str | None) -> Words:
    tables = load_table("boilerplate.toml") or {}
    table = tables.get(language or DEFAULT_LANGUAGE, tables[DEFAULT_LANGUAGE])
    english = tables[DEFAULT_LANGUAGE]
    numbers = {name: i + 1 for i, names in enumerate(table["months"]) for name in names.split("|")}
    numbers |= {name.upper(): n for name, n in numbers.items()}  # "3 APR 2026", "MARCH 14": capitals too

    def both(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*table.get(key, []), *english.get(key, [])]))

    return Words(
        month_pattern="|".join(sorted(map(re.escape, numbers), key=len, reverse=True)),
        month_number=numbers,
        weekdays=tuple(table["weekdays"]),
        nav=frozenset(table.get("nav", [])) | frozenset(english["nav"]),
        byline=tuple(table.get("byline", english["byline"])),
        last_year=tuple(table.get("last_year", ())),
        not_places=frozenset(table.get("not_places", [])) | frozenset(english.get("not_places", [])),
        future_cues=frozenset(table.get("future_cues", [])),
        future_verbs=frozenset(table.get("future_verbs", [])),
        date_labels=both("date_labels"),
        update_labels=both("update_labels"),
        outlet_words=frozenset(both("outlet_words")),
        staff_words=tuple(sorted(both("staff_words"), key=len, reverse=True)),
        issuer_joiners=frozenset(table.get("issuer_joiners", [])),
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
    """The outlet credited by the article's publisher lines, dateline, label lines or closing credit, else by
    its URL host.

    Publisher lines come first ("By Tavra Valley Today", "News Service KBA", a masthead line): a portal that
    republishes a wire story keeps the wire's dateline ("/NPA/") but is still the outlet. A credited name
    that ``agencies.toml`` does not know is taken as written; the table only canonicalizes known ones.
    """
    words = _words(language)
    head = text[:HEAD_CHARS]
    publisher = _publisher_line(_head_lines(head), words)
    if publisher:
        return publisher
    if dateline and dateline.credit:
        return canonical_agency(dateline.credit) or dateline.credit
    patterns = _credit_patterns(words.byline)
    for pattern in patterns.head:
        match = pattern.search(head)
        if match:
            return canonical_agency(match["alias"])
    match = patterns.tail.search(text[-TAIL_CHARS:])
    if match:
        return canonical_agency(match["alias"])
    return _extra_pattern_outlet(head) or outlet_from_url(url)


def _publisher_line(lines: list[str], words: Words) -> str | None:
    """The outlet a head line credits: "By <outlet>", "News Service <name>", or a masthead as first line."""
    if _is_masthead(lines, words):
        return canonical_agency(lines[0]) or lines[0]
    for line in lines:
        for label in (*words.byline, "News Service"):
            if line.startswith(label + " "):
                name = without_staff(line[len(label) :].strip().rstrip("."), words)
                known = canonical_agency(name)
                if known or (label == "News Service" and _is_name(name)) or is_outlet_name(name, words):
                    return known or name
    return None


def _is_masthead(lines: list[str], words: Words) -> bool:
    """A first line naming an outlet ("The Selmar Herald") with the site menu right under it.

    The menu is required because a Title-Case headline can end in an outlet word too ("Markets Rally On
    Jobs News"); a headline is followed by its standfirst or body, not by "Home | Politics | …".
    """
    if len(lines) < 2 or lines[0].startswith(tuple(b + " " for b in words.byline)):
        return False
    name = lines[0]
    named = canonical_agency(name) is not None or (
        _is_name(name) and len(name.split()) >= 2 and name.split()[-1] in words.outlet_words
    )
    return named and (lines[1].casefold() in words.nav or is_menu_line(lines[1]))


def is_menu_line(line: str) -> bool:
    """ "Home | Politics | Economy | Region": several short items separated by bars or middle dots."""
    items = [item.strip() for item in re.split(r"[|·•]", line)]
    return len(items) >= MENU_MIN_ITEMS and all(0 < len(item.split()) <= MENU_ITEM_WORDS for item in items)


def is_outlet_name(name: str, words: Words | None = None) -> bool:
    """Whether a short capitalized name is a publisher's ("Tavra Valley Today", "The Moscow Times").

    Known agencies are; otherwise the name must be a name ending in an outlet word, or start with "The"
    (a person's byline never does).
    """
    words = words or _words(None)
    if canonical_agency(name):
        return True
    tokens = name.split()
    if not (_is_name(name) and len(tokens) >= 2):
        return False
    return tokens[-1] in words.outlet_words or tokens[0] == "The"


def _is_name(name: str) -> bool:
    """A short run of capitalized words ("KBA", "Tavra Valley Today"), no digits or sentence punctuation."""
    tokens = name.split()
    return (
        0 < len(tokens) <= OUTLET_MAX_WORDS
        and all(t[0].isupper() or t in {"of", "the", "and", "de", "&"} for t in tokens)
        and not any(c.isdigit() or c in '.,;:!?"“”' for c in name.rstrip("."))
    )


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
        rf"(?:/(?P<place2>{word}(?:[ \t-]{word}){{0,3}}))?"  # "GAZA CITY/JERUSALEM": reported from both
        rf"(?:,[ \t](?!{month}\b)(?P<region>[A-Z][a-z]{{1,10}}\."
        r"|[A-Z][a-z]{1,20}(?:[ \t][A-Z][a-z]{1,20}){0,2}(?=[ \t]?[(/]|,|[ \t]+(?:--|[-–—])[ \t])))?"  # "BRASK,
        # Varnia (LBN) -", "SANTIAGO, Chile —" (a spaced dash after the region: no agency credit at all)
        rf"(?:,?[ \t](?:{date}))?"
        r"(?:,[ \t](?P<agency>[^\W\d_][\w.&-]{1,30}))?"  # "Baku, July 14, AZERTAC": an agency after a comma
        r"\.?[ \t]?"
        r"(?P<credit>/[ \t]?[^/\n]{1,40}?[ \t]?/|\([^()\n]{1,40}\))?"
        r"\.?(?:[ \t]*(?P<dash>--|[-–—]))?(?=\s|$)"
    )


def _find_dateline(lines: list[str], words: Words) -> Dateline | None:
    for line in lines:
        found = _line_dateline(line, words)
        if found:
            return found[1]
    return None


def _line_dateline(line: str, words: Words) -> tuple[re.Match[str], Dateline] | None:
    """The dateline ``line`` opens with, and the match that read it, or ``None``."""
    match = _dateline_pattern(words.month_pattern).match(line[:MAX_LINE_CHARS])
    dateline = _to_dateline(match, words) if match else None
    if match and dateline:
        return match, dateline
    return _placeless_dateline(line, words)


@functools.cache
def _placeless_pattern(month_pattern: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<month>{month_pattern})\.?[ \t](?P<day>\d{{1,2}})(?:,?[ \t](?P<year>\d{{4}}))?"
        r"[ \t]?\((?P<credit>[^()\n]{1,40})\)[ \t]*(?:--|[-–—])(?=\s)"
    )


def _placeless_dateline(line: str, words: Words) -> tuple[re.Match[str], Dateline] | None:
    """A dateline with a date and a known agency's credit but no place ("March 25 (Reuters) - Boeing…", as
    wire stories filed from no one city open), or ``None``."""
    match = _placeless_pattern(words.month_pattern).match(line[:MAX_LINE_CHARS])
    if match is None or not canonical_agency(match["credit"]):
        return None
    year = int(match["year"]) if match["year"] else None
    month, day = words.month_number[match["month"]], int(match["day"])
    return match, Dateline(place=None, month=month, day=day, year=year, credit=match["credit"])


@dataclass(frozen=True)
class DatelineSpan:
    """Where a dateline sits at the start of a line: its length (with the space after it) and the character
    ranges of its place names ("BRASK", "Varnia" in "BRASK, Varnia (LBN) - ")."""

    length: int
    places: tuple[tuple[int, int], ...]


def dateline_span(line: str, language: str | None = None) -> DatelineSpan | None:
    """The dateline ``line`` opens with ("BRASK, Varnia (LBN) - ", "BAKU, March 14. /TASS/. "), or ``None``.

    The analysis reads this to cut the dateline off the first sentence (parsed as part of it, its place names
    become the subject or the object of the sentence's verb) and to label its places as places, which the
    entity recognizer misses in capitals ("BAKU") or runs on into the sentence ("Oskaria (LBN) - Two").
    """
    found = _line_dateline(line, _words(language))
    if found is None:
        return None
    match = found[0]
    groups = [group for group in ("place", "place2", "region") if group in match.re.groupindex]
    places = tuple(match.span(group) for group in groups if match[group])
    return DatelineSpan(len(line) - len(line[match.end() :].lstrip()), places)


def _to_dateline(match: re.Match[str], words: Words) -> Dateline | None:
    place = match["place"]
    month_name = match["month"] or match["month2"]
    agency = canonical_agency(match["agency"]) if match["agency"] else None
    alone = bool(match["dash"]) or not match.string[match.end() :].strip()
    if match["agency"] and not (agency and month_name and alone):
        return None  # "Baku, July 14, Reuters reported …": only a known agency after a date ends a dateline
    capitals = place == place.upper() and (match["place2"] or "").upper() == (match["place2"] or "")
    if not (any(c.isalpha() for c in place) and (capitals or agency) and len(place) > 1):
        return None  # a place in title case only before a date and a known agency ("Baku, 14 July, AZERTAC")
    if (
        not (month_name or match["credit"] or match["dash"])
        or canonical_agency(place)
        or place in words.not_places
    ):
        return None
    if not (month_name or match["credit"]) and len(match.string.split()) < BODY_MIN_WORDS:
        return None  # "KFT - Kraftfahrzeugtechnik": a dash alone makes a dateline only before a body sentence
    credit = (match["credit"] or "").strip("/() \t") or match["agency"]
    if credit and not (canonical_agency(credit) or _is_name(credit)):
        credit = None  # "(local time)": not a name, so it credits no outlet
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
        if _future_cued(text, match.start(), words):
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
    text: str,
    dateline: Dateline | None,
    stamp: dt.date | None,
    dates: list[dt.date],
    lead: re.Match[str] | None,
    language: str | None,
    hints: dict[str, str],
) -> dt.date | None:
    """The publication date: a dateline with its year, else the page's date line ("21 APR 2026, 19:05"),
    else the dateline's date with an inferred year (``lead``: the lead's first weekday); else ``None`` and the
    ``dateline_date`` hint."""
    if dateline and dateline.year and dateline.month and dateline.day:
        date = _safe_date(dateline.year, dateline.month, dateline.day)
        if date:
            return date
    if stamp:
        return stamp
    if not dateline or dateline.month is None or dateline.day is None:
        return None
    words = _words(language)
    last_year = _says_last_year(text, words)
    bounds = dates + month_years(text, language)
    number = _weekday_forms(words.weekdays)[lead[0]] if lead else None  # the lead's weekday
    ahead = _weekday_ahead(text, lead, words) if lead else True
    year = dateline.year or infer_year(
        dateline.month, dateline.day, bounds, _years(text, words), last_year, number, weekday_ahead=ahead
    )
    date = _safe_date(year, dateline.month, dateline.day) if year else None
    if date is None:
        hints.setdefault("dateline_date", f"--{dateline.month:02d}-{dateline.day:02d}")
    return date


@functools.cache
def _month_year_pattern(month_pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<m>{month_pattern})\.?,?[ \t](?:of[ \t])?(?P<y>\d{{4}})\b")


def month_years(text: str, language: str | None = None) -> list[dt.date]:
    """The first day of every past month the text names with its year ("in February 2026").

    A weaker bound than a full date, used only to place a year-less dateline: "an inspection in February
    2026 found…" says the article was written in or after February 2026. Months marked as ahead ("until
    June 2027") are left out, like future full dates.
    """
    words = _words(language)
    bounds = []
    for match in _month_year_pattern(words.month_pattern).finditer(text):
        if _future_cued(text, match.start(), words):
            continue
        year = int(match["y"])
        if YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            bounds.append(dt.date(year, words.month_number[match["m"]], 1))
    return bounds


# A date line: "3 APR 2026, 11:20", "Published: 26.04.2026 09:30", "May 4, 2026", "Tuesday, 2026-04-21".
_TIME = (
    r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]?[ap]\.?m\.?)?"  # 11:20, 4.30 pm
    r"(?:[ \t]?\(?(?:[A-Z]{2,5})(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?"  # GMT, (UTC+3)
)


@functools.cache
def _date_line_pattern(
    month_pattern: str, label_words: tuple[str, ...], weekdays: tuple[str, ...]
) -> re.Pattern[str]:
    month = rf"(?:{month_pattern})"
    labels = "|".join(sorted(map(re.escape, label_words), key=len, reverse=True)) or "(?!)"
    weekday = "|".join(map(re.escape, _weekday_forms(weekdays))) or "(?!)"
    date = (
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \t](?:of[ \t])?(?P<m>{month})\.?,?[ \t](?P<y>\d{{4}})"
        rf"|(?P<m2>{month})\.?[ \t](?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t](?P<y2>\d{{4}})"
        r"|(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4})"  # dots: day first wherever they are used
        r"|(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<sy>\d{4})"  # slashes: day or month first, told apart below
        r"|(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    )
    return re.compile(
        rf"(?:(?P<label>{labels})[ \t]*:?[ \t]*)?"
        rf"(?:{_TIME}[ \t]*[,|–-]?[ \t]*)?"
        rf"(?:(?:{weekday})\.?,?[ \t]+)?"
        rf"(?:{date})"
        rf"(?:(?:[ \t]*[,|/–-]|[ \t]+at|[ \t])[ \t]*{_TIME})?[ \t]*",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class DateLine:
    """A line that is only a date (and time): the page's own stamp, not article text."""

    date: dt.date
    update: bool  # labelled as a later change ("Updated: …"), so not the publication date


def date_line(line: str, language: str | None = None) -> DateLine | None:
    """The date a bare date line states ("21 APR 2026, 19:05", "Published: 21.04.2026 20:40"), else ``None``.

    Day-first numeric dates are read when unambiguous: dots are day-first everywhere they are used; with
    slashes the order is only known when one of the two numbers exceeds 12 ("21/04/2026", "04/21/2026").
    """
    return _date_line(line, _words(language))


def _date_line(line: str, words: Words) -> DateLine | None:
    labels = (*words.date_labels, *words.update_labels)
    pattern = _date_line_pattern(words.month_pattern, labels, words.weekdays)
    line = line.strip()[:MAX_LINE_CHARS]
    match = pattern.fullmatch(line) or _issuer_date(line, pattern, words.issuer_joiners)
    if not match:
        return None
    date = _line_date(match, words)
    if date is None or not YEAR_RANGE[0] <= date.year <= YEAR_RANGE[1]:
        return None
    label = (match["label"] or "").casefold()
    return DateLine(date, update=label in {u.casefold() for u in words.update_labels})


def _line_date(match: re.Match[str], words: Words) -> dt.date | None:
    names = {name.casefold(): number for name, number in words.month_number.items()}
    if match["m"] or match["m2"]:
        month = names[(match["m"] or match["m2"]).casefold()]
        return _safe_date(int(match["y"] or match["y2"]), month, int(match["d"] or match["d2"]))
    if match["nd"]:
        return _safe_date(int(match["ny"]), int(match["nm"]), int(match["nd"]))
    if match["sa"]:
        a, b = int(match["sa"]), int(match["sb"])
        if (a > 12) == (b > 12):
            return None  # "04/05/2026": April 5 or 4 May — not guessed
        return _safe_date(int(match["sy"]), b, a) if a > 12 else _safe_date(int(match["sy"]), a, b)
    return _safe_date(int(match["iy"]), int(match["im"]), int(match["id"]))


def _issuer_date(line: str, pattern: re.Pattern[str], joiners: frozenset[str]) -> re.Match[str] | None:
    """The full date closing a press release's header line after a comma ("Ministry of Foreign Affairs of
    the Republic of Kazakhstan, Astana, 12 March 2025"): a short line of capitalized names and the language's
    ``joiners``, no sentence (a language without joiners listed takes names alone)."""
    head, comma, tail = line.rpartition(",")
    words = head.replace(",", " ").split()
    if not comma or len(words) > MAX_ISSUER_WORDS or not all(w[:1].isupper() or w in joiners for w in words):
        return None
    return pattern.fullmatch(tail.strip())


def _stamp_date(lines: list[str], words: Words) -> dt.date | None:
    """The first publication date line above the body (an "Updated: …" line is skipped)."""
    for line in lines:
        if _is_body(line):
            return None
        found = _date_line(line, words)
        if found and not found.update:
            return found.date
    return None


def infer_year(
    month: int,
    day: int,
    dates: list[dt.date],
    years: set[int],
    last_year: bool = False,
    weekday: int | None = None,
    weekday_ahead: bool = True,
) -> int | None:
    """The year of a year-less dateline ("March 14"), from the years the text itself states.

    Rule: events an article reports usually precede its publication, so the dateline date must not fall before
    the latest explicit full date ``L`` the text mentions. Candidate years are the four-digit years the text
    mentions (plus the year after each of them when it says "last year"). The answer is the smallest
    candidate ``Y >= L.year`` with ``date(Y, month, day) >= L``, accepted only if it lies less than
    ``MAX_YEAR_GAP_DAYS`` after ``L``. Without a full date, only "last year" pins the year: ``Y`` is one after
    the latest year mentioned, unless the lead's ``weekday`` (0 = Monday) is the dateline's day in the latest
    year mentioned and not in the year after ("LONDON, Aug 3 - The bank raised rates on Thursday … in October
    last year … by the end of 2023": 2023, whose Aug 3 was a Thursday; the year named may be the article's own).
    The weekday can mislead: a lead telling of the day before a dateline in the year after reads the same way,
    but a wire lead's weekday is more often the dateline's own day.
    With a full date, a year whose dateline day does not fit the lead's weekday gives way to the one year up to the
    latest named that does, or to the next year when the lead tells of the day after the dateline in the past
    (``_weekday_year``; ``weekday_ahead`` says the lead's verb may lie ahead, "will meet on Tuesday"). When no
    year named has the dateline on or after ``L``, the first year that does is taken if the lead's weekday is its
    day or the day before ("MOSCOW, June 25 … on Tuesday … in July 2023": 2024). Anything else is ``None``: a
    guess would poison every relative date resolved against it.
    """
    candidates = set(years) | {d.year for d in dates}
    if last_year:
        candidates |= {y + 1 for y in candidates}
    if not dates:
        return _year_after_last_year(month, day, years, weekday) if last_year and years else None
    latest = max(dates)
    for year in sorted(y for y in candidates if y >= latest.year):
        date = _safe_date(year, month, day)
        if date and date >= latest:
            if (date - latest).days >= MAX_YEAR_GAP_DAYS:
                return None
            return _weekday_year(month, day, year, max(candidates), weekday, weekday_ahead)
    return _weekday_year_after(month, day, latest, weekday)


def _weekday_year(month: int, day: int, year: int, last: int, weekday: int | None, ahead: bool = True) -> int:
    """``year``, unless its ``month``/``day`` falls neither on the lead's ``weekday`` nor a day before or after
    it (a lead tells of the dateline's own day, the day before or the next) and exactly one year up to ``last``,
    the latest year the text names, has it on that weekday ("STOCKHOLM, Oct 24 - … reported a loss on Tuesday
    … its steepest drop since March 2020 … margins to recover in the first half of 2024": 2023, not 2020,
    whose Oct 24 was a Saturday). A lead not told as ahead (``ahead`` False) cannot report the day after its
    dateline: then the next year is taken when the day is its weekday ("SANTIAGO, March 7 - Boric replaced his
    ministers on Tuesday … since March 2022": 2023; March 7, 2022 was a Monday)."""
    date = _safe_date(year, month, day)
    if weekday is None or date is None:
        return year
    days = _days_after(date, weekday)
    if days in (0, 1):
        return year
    if days == 6:
        following = _safe_date(year + 1, month, day)
        return year + 1 if not ahead and following and following.weekday() == weekday else year
    fitting = [
        y for y in range(year + 1, last + 1) if (d := _safe_date(y, month, day)) and d.weekday() == weekday
    ]
    return fitting[0] if len(fitting) == 1 else year


def _weekday_year_after(month: int, day: int, latest: dt.date, weekday: int | None) -> int | None:
    """The first year whose ``month``/``day`` falls on or after ``latest`` (less than a year after it), if the
    lead's ``weekday`` is that date's own or the day before ("TBILISI, Oct 27 … won Saturday's election"); else
    ``None``."""
    date = _safe_date(latest.year, month, day)
    if date is None or date < latest:
        date = _safe_date(latest.year + 1, month, day)
    if weekday is None or date is None or (date - latest).days >= MAX_YEAR_GAP_DAYS:
        return None
    return date.year if _days_after(date, weekday) in (0, 1) else None


def _days_after(date: dt.date, weekday: int) -> int:
    """How many days ``date`` falls after the last ``weekday`` (0 = Monday) on or before it: 0 on that day, 1
    the day after (a lead telling of the day before its dateline), 6 the day before."""
    return (date.weekday() - weekday) % 7


def _weekday_ahead(text: str, lead: re.Match[str], words: Words) -> bool:
    """Whether the lead's first weekday (``lead``, found in ``text``) may tell of a day ahead: a word of
    ``future_verbs`` stands in its sentence before it ("will meet on Tuesday"), or the language has no such list
    (then nothing is ruled out)."""
    if not words.future_verbs:
        return True
    before = re.split(r"[.!?\n]\s", text[: lead.start()])[-1].casefold()
    return any(word in words.future_verbs for word in re.findall(r"[\w']+", before))


def _year_after_last_year(month: int, day: int, years: set[int], weekday: int | None) -> int:
    """The year after the latest one mentioned, or that year itself when only its ``month``/``day`` falls on
    the lead's ``weekday`` (``infer_year``)."""
    latest = max(years)
    named, after = _safe_date(latest, month, day), _safe_date(latest + 1, month, day)
    if (
        weekday is not None
        and named
        and named.weekday() == weekday
        and not (after and after.weekday() == weekday)
    ):
        return latest
    return latest + 1


def _years(text: str, words: Words) -> set[int]:
    """The four-digit years the text names, but those marked as ahead ("would not break even before 2026",
    "until 2030"): those say nothing of when it was written."""
    years = set()
    for match in _YEAR.finditer(text):
        if YEAR_RANGE[0] <= int(match[0]) <= YEAR_RANGE[1] and not _future_cued(text, match.start(), words):
            years.add(int(match[0]))
    return years


def _future_cued(text: str, start: int, words: Words) -> bool:
    """Whether a future cue stands among the last words before the date at ``start`` ("due", "until")."""
    before = text[max(0, start - FUTURE_CUE_CHARS) : start].casefold().split()
    return any(word in words.future_cues for word in before[-FUTURE_CUE_WORDS:])


def _says_last_year(text: str, words: Words) -> bool:
    lowered = text.casefold()
    return any(phrase in lowered for phrase in words.last_year)


def _first_weekday(head: str, words: Words) -> re.Match[str] | None:
    """The first weekday named in the article's head (the lead's, as a rule), or ``None``."""
    return _weekday_pattern(words.weekdays).search(head) if words.weekdays else None


@functools.cache
def _weekday_pattern(weekdays: tuple[str, ...]) -> re.Pattern[str]:
    forms = sorted(_weekday_forms(weekdays), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b")


@functools.cache
def _weekday_forms(weekdays: tuple[str, ...]) -> dict[str, int]:
    """Every written form of a weekday (a table's "пятница|пятницу": the cases a language declines it in) and
    its number, Monday 0."""
    return {form: number for number, names in enumerate(weekdays) for form in names.split("|")}


# ---------------------------------------------------------------------------------------------- title, byline


def _head_lines(head: str, limit: int = HEAD_LINES) -> list[str]:
    return [line.strip() for line in head.split("\n") if line.strip()][:limit]


def find_title(
    lines: list[str], words: Words | None = None, outlets: frozenset[str] = frozenset()
) -> str | None:
    """The first heading-like line before the body: short, capitalized, no final period, not a credit,
    not a menu and not the outlet's own name (``outlets``, case-folded) or masthead."""
    words = words or _words(None)
    masthead = _is_masthead(lines, words)
    for k, line in enumerate(lines):
        if _is_body(line) or _line_dateline(line, words):
            return None
        if (k == 0 and masthead) or line.casefold() in outlets or is_menu_line(line):
            continue
        if _is_title(line, words):
            return line
    return None


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


def find_byline(
    lines: list[str], words: Words | None = None, outlets: frozenset[str] = frozenset()
) -> str | None:
    """The person in a "By …" line ("By Aisha Jabbarova"); "By Azernews", "By Tavra Valley Today" or a name
    in ``outlets`` (the document's outlet or site name, case-folded) credit an outlet, not a person."""
    words = words or _words(None)
    for line in lines:
        for word in words.byline:
            if line.startswith(word + " "):
                credit = line[len(word) :].strip().rstrip(".")
                if without_staff(credit, words) != credit:
                    continue  # "By Al Jazeera Staff", "By Staff Reporter": no person
                names = person_names(credit)
                if names and not any(
                    name.casefold() in outlets or is_outlet_name(name, words) for name in names.split("; ")
                ):
                    return names
    return None


def without_staff(credit: str, words: Words) -> str:
    """``credit`` without the staff words closing it ("Al Jazeera Staff" -> "Al Jazeera", "Staff Reporter" ->
    ""), or as it was."""
    for staff in words.staff_words:
        if credit == staff or credit.endswith(" " + staff):
            return credit[: -len(staff)].strip()
    return credit


def person_names(credit: str) -> str | None:
    """The people a credit names, joined by "; " as trafilatura joins a page's authors, or None: "Ann Lee",
    "Ann Lee and Ben Ott", "Ann Lee, Ben Ott & Carla Diaz" (a list: its last comma part names two).

    A comma that closes no list ends the credit: "Ann Lee, Reuters" and "Aisha Jabbarova, Azernews staff
    writer" credit Ann Lee and Aisha Jabbarova alone, as "Ann Lee and Reuters" credits Ann Lee. The people
    named before the first name that is no person's are the writers ("Ann Lee and Ben Ott, AP and Reuters":
    the agencies helped, the writers are both). Every name must read as a person's (``person_name``) as
    written. The split at "and", "&", "und" is trafilatura's (``normalize_authors``), not a table of ours.
    """
    first, *rest = credit.split(",")
    if rest and len(_split_names(rest[-1])) < 2:
        credit = first
    names = _split_names(credit)
    # not title-cased by the split ("agencies" -> "Agencies")
    writers = list(itertools.takewhile(lambda name: name in credit and person_name(name), names))
    if writers and len(names) > 1:
        return "; ".join(writers)
    # one name, or one the split broke ("Ann and Ben Lee"); a comma is in no one name ("Land, Sea and Air")
    return person_name(first.strip())


def _split_names(credit: str) -> list[str]:
    """``credit`` split into names by trafilatura's ``normalize_authors`` (which also drops handles, e-mail
    addresses and numbers); imported here, since plain-text ingest needs trafilatura only for a byline."""
    from trafilatura.json_metadata import normalize_authors

    return (normalize_authors(None, credit) or "").split("; ")


def person_name(name: str) -> str | None:
    """``name`` when it reads as one person's name (two to four capitalized words, no agency), else None."""
    tokens = name.split()
    if not 2 <= len(tokens) <= BYLINE_MAX_WORDS or canonical_agency(name):
        return None
    if all(t[0].isupper() or t in {"and", "de", "van", "von", "al", "bin"} for t in tokens):
        return name
    return None
