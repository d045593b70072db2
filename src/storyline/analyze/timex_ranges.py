"""Ranges: the second end read after the first, the bare day of "March 21-22", the two counts of "two to three weeks".

TimeML writes a range as two TIMEX3 elements, one per end ("from [Monday] to [Friday]", "April [24] and
[25]"), and TempEval-3 annotates them that way. Two things follow that a single pattern match cannot see:
the second end of "from Friday to Monday" or "December to February" must be resolved after the first, not on
its own; and in "March 21-22" or "10-11 November 2020" the bare day has no month of its own, so it takes the
month and year of the full date beside it. A counted range, "two to three weeks", is two durations too
(P2W and P3W), which keeps both counts where one vague "PXW" would lose them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

from storyline.analyze.timex_patterns import LEXICONS, Match
from storyline.analyze.timex_resolve import Context, Norm, Point, normalize, shift

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

# a range's second end given without its year or week is the first one after its start ("from Friday to
# Monday", "December to February"): how far to move it, by the rule that found it
RANGE_CYCLES = {"weekday": ("W", 1), "month": ("Y", 1), "mdy": ("Y", 1), "dmy": ("Y", 1)}
# rules whose count may be a range, read as two expressions: "two to three weeks", "six to eight weeks ago"
COUNTED_RULES = ("duration", "ago")
# rules whose match is one calendar day with its month named: "March 21", "10 November 2020"
DAY_RULES = ("mdy", "dmy")
# rules whose match may lack a year the end of a range supplies: "March", "March 3", "3 March"
YEARLESS_RULES = ("month", *DAY_RULES)
# a month or day whose year nothing gave: "March" or "March 3" in an undated article
OPEN_YEAR = re.compile(r"XXXX-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")


def range_end(
    text: str, prev: tuple[Match, Norm] | None, m: Match, norm: Norm, dct: dt.date | None, language: str
) -> Norm:
    """The second end of "from Monday to Friday" resolved after the first, not on its own; never moved across
    the document date (in "from Monday through Thursday last week" the first end is the one to doubt)."""
    cycle = RANGE_CYCLES.get(m.rule)
    if cycle is None or prev is None or norm.point is None or norm.anchor != "dct" or norm.type != "DATE":
        return norm
    before, first = prev
    between = " ".join(text[before.end : m.start].lower().split())
    if (
        between not in LEXICONS[language].range_words
        or first.point is None
        or first.point.grain != norm.point.grain
        or norm.point.date >= first.point.date
    ):
        return norm
    point = dataclasses.replace(norm.point, date=shift(norm.point.date, *cycle))
    if dct is None or (point.date > dct) != (norm.point.date > dct):
        return norm
    return dataclasses.replace(norm, value=point.value(), point=point)


def year_from_range_end(
    text: str, prev: tuple[Match, Norm], m: Match, norm: Norm, language: str
) -> Norm | None:
    """The first end of "from March to May 2019" (or "between November and February 2019") re-read in the
    year the second end names, a year earlier when its month comes later; ``None`` when nothing changes.

    Read on its own, the yearless first end was put in the document's year, which a range ending in a named
    year contradicts ("March" came out 2021-03 in a 2021 article about 2019)."""
    if norm.anchor != "absolute" or norm.point is None or not m.groups.get("year"):
        return None
    before, first = prev
    start = _yearless(first)
    if before.rule not in YEARLESS_RULES or before.groups.get("year") or start is None:
        return None
    between = " ".join(text[before.end : m.start].lower().split())
    if between not in (*LEXICONS[language].range_words, *LEXICONS[language].day_range_words):
        return None
    end = norm.point.date
    year = end.year - 1 if start.date.month > end.month else end.year
    try:
        point = dataclasses.replace(start, date=start.date.replace(year=year))
    except ValueError:  # February 29 in a year without one
        return None
    return dataclasses.replace(first, value=point.value(), point=point, anchor="absolute")


def _yearless(first: Norm) -> Point | None:
    """A month or day read without its year: put in the document's year, or left open in an undated one
    ("XXXX-03"; the point's year, 2000, a leap year, is a placeholder the caller replaces)."""
    if first.anchor == "dct" and first.point is not None and first.point.grain in ("month", "day"):
        return first.point
    found = OPEN_YEAR.fullmatch(first.value or "") if first.anchor is None else None
    if found is None:
        return None
    month, day = int(found["month"]), found["day"]
    return Point(dt.date(2000, month, int(day or 1)), "day" if day else "month")


@functools.lru_cache(maxsize=8)
def _partner_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the day after "March 21": "-22", the day before "11 November": "10-") for ``language``."""
    words = sorted(LEXICONS[language].day_range_words, key=len, reverse=True)
    joiners = "|".join(re.escape(w) for w in words)
    after = re.compile(rf"\s*(?:{joiners})\s*([0-3]?\d)\b(?![.:,]?\d)")
    before = re.compile(rf"(?<!\d)([0-3]?\d)\s*(?:{joiners})\s*$")
    return after, before


def day_partner(doc: SpacyDoc, text: str, m: Match, norm: Norm, language: str) -> tuple[Match, Norm] | None:
    """The bare day joined to a full date: "21-22" after "March", "10-" before "11 November 2020".

    The partner lies after a month-first date and before a day-first one, must name a later (after) or earlier
    (before) day of the same month, and must not count something: "on March 3 and 4 people were hurt" has
    no second date, which the tag of the word after the number tells.
    """
    if m.rule not in DAY_RULES or not LEXICONS[language].day_range_words:
        return None
    if norm.point is None or norm.point.grain != "day":
        return None
    first = norm.point.date  # ``text`` is the document's: spaCy's ``doc.text`` rebuilds it on every access
    after, before = _partner_patterns(language)
    if m.rule == "mdy":  # "March 21-22": the partner follows (a year after the first day ends the range)
        if m.groups.get("year"):
            return None
        found = after.match(text, m.end)
    else:  # "10-11 November 2020": it comes first
        found = before.search(text, max(0, m.start - 12), m.start)
    if found is None:
        return None
    later = m.rule == "mdy"
    day = int(found[1])
    try:
        date = first.replace(day=day)
    except ValueError:
        return None
    if (date > first) != later or date == first or _counts_something(doc, text, found.end(1)):
        return None
    point = Point(date, "day")
    partner = Match(found.start(1), found.end(1), m.rule, {})
    return partner, dataclasses.replace(norm, value=point.value(), point=point, mod=None)


def _counts_something(doc: SpacyDoc, text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is followed by a noun it counts ("3 and 4 people")."""
    after = doc.char_span(end, min(len(text), end + 40), alignment_mode="expand")
    return after is not None and len(after) > 0 and after[0].pos_ == "NOUN"


def count_range(text: str, m: Match, ctx: Context) -> list[tuple[Match, Norm]] | None:
    """ "two to three weeks" (or "two or three weeks") as TimeML writes it: "two" (P2W) and "three weeks" (P3W),
    "six to eight weeks ago" the two weeks counted back; None for other matches. An article or relative before
    the range governs both counts: "the next 12 to 18 months" is one period of a length not given (PXM), and
    "the next 12" no expression."""
    low, high = m.groups.get("low"), m.groups.get("num")
    if m.rule not in COUNTED_RULES or not low or not high or m.groups.get("the") or m.groups.get("rel"):
        return None
    low_end = text.find(low, m.start, m.end) + len(low)
    high_start = text.find(high, low_end, m.end)
    if low_end < len(low) or high_start < 0:
        return None
    first = normalize(m.rule, {**m.groups, "low": None, "num": low, "andhalf": None}, ctx)
    second = normalize(m.rule, {**m.groups, "low": None}, ctx)
    if first.value is None or second.value is None:
        return None
    return [
        (Match(m.start, low_end, m.rule, m.groups), first),
        (Match(high_start, m.end, m.rule, m.groups), second),
    ]
