"""Turning a found time expression into a TIMEX3 type and value, anchored at the document date or a reference.

The anchoring rules are ours (dateparser does not know what a news article's "Sunday" or "November 10" means):

- past by default: a weekday, a month or a year-less date means the most recent one on or before the document
  creation time (DCT); in a future-tense sentence, the next one after it;
- "last"/"this past" X is the X strictly before the DCT's, "next"/"this coming" X the one strictly after
  ("last summer" said in July is the one a year before);
- "two months later", "a year earlier", "the next day", "that day" count from the *reference time*: the last
  resolved date mentioned before them in the document (falling back to the DCT when there is none);
- "N units ago" counts back from the DCT;
- a company report's "the latest period", "the 1988 quarter" is the last quarter completed by the DCT (or the
  quarter the text is about); "the year ended March 31" is twelve months (P1Y), not a calendar year;
- named days come from the lexicon's rules: fixed dates, the n-th (or last) weekday of a month, days counted
  from Easter (computed, Gregorian);
- with no DCT (and, for "later"/"earlier", no reference), anything relative keeps ``value=None``.

Ranges such as "1992-1994" become one expression of type DURATION with the ISO-8601 interval value "1992/1994"
(TimeML would annotate two points and a duration between them; one record is what our timeline needs).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from storyline.analyze.timex_patterns import LEXICONS, Lexicon

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each season (northern hemisphere)
# a season starting this many months after the document's month is last year's ("this winter" said in March)
WINTER_REACH = 8
UNDATED_DECADE_LIMIT = 2030  # without a DCT, "'30s" is the 1930s and "'20s" the 2020s
# A sentence's tense picks between last year's and next year's "November 10" only while that choice lies
# within this many days of the document date; further away the closest one wins (tuned on TempEval-3 train).
TENSE_REACH_DAYS = 300
LATEST_WEEKEND_LOOKBACK = 2  # Monday to Wednesday (weekday 0-2): a past "this weekend" is the last one
# a day without a year this soon after a reference date of an earlier year is in that story's year
STORY_FOLLOW_DAYS = 60
# a report's spans of months are whole quarters ("the nine months", "the first six months")
QUARTER_MONTHS = 3
YEAR_MONTHS = 12

Groups = Mapping[str, str | None]


@dataclass(frozen=True)
class Point:
    """A resolved calendar time: a date and how precisely it is known ("day", "month", "year", "week"…)."""

    date: dt.date
    grain: str
    code: str = ""  # season code for grain "season", part of day for "pod"

    def value(self) -> str:
        d, g = self.date, self.grain
        if g == "day":
            return d.isoformat()
        if g == "pod":
            return f"{d.isoformat()}T{self.code}"
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if g == "weekend" else "")
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
        if g == "season":
            return f"{d.year:04d}-{self.code}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        if g == "century":
            return f"{d.year // 100:02d}"
        return f"{d.year:04d}"


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against."""

    dct: dt.date | None
    ref: Point | None = None  # the last resolved date mentioned before the expression
    future: bool | None = (
        False  # the sentence speaks of the future (True), the past (False) or neither (None)
    )
    language: str = "en"

    @property
    def lex(self) -> Lexicon:
        return LEXICONS[self.language]


@dataclass(frozen=True)
class Norm:
    """The TIMEX3 reading of one expression; ``point`` is set when the value is a calendar time (for refs)."""

    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    point: Point | None = None


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, the day clipped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    return dt.date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` of a TIMEX unit (Y, M, W, D, Q, DE, CE, WE)."""
    if unit in ("D",):
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(d, n * months)


GRAIN_ORDER = {"day": 0, "pod": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "half": 3, "season": 3,
               "year": 4, "decade": 5, "century": 6}  # fmt: skip
COARSE_REF_GRAINS = frozenset({"quarter", "half", "season"})  # kept by "a year earlier" counted from them
# a company report's periods: "a year ago" (counted from the DCT) means the same period a year before only after
# one of these ("net rose in the third quarter from $2 million a year ago"), not after "this summer"
REPORT_GRAINS = frozenset({"quarter", "half"})
GRAIN = {"D": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
         "CE": "century"}  # fmt: skip


def _words(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def number(text: str | None, lex: Lexicon) -> float | None:
    """The count a number phrase gives ("twenty four" → 24, "3" → 3), ``None`` for a vague one ("several")."""
    words = _words(text).replace("-", " ")
    if not words:
        return 1
    if words[0].isdigit():
        return float(words.replace(",", ""))  # "2,500 years ago"
    if words in lex.numbers:
        return lex.numbers[words]
    if words in lex.pair_words:
        return 2
    parts = words.split()
    if parts[0] in lex.tens:
        return lex.tens[parts[0]] + (lex.numbers.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


def year_number(text: str | None, lex: Lexicon) -> int:
    """A year in digits or words: "1996", "nineteen ninety-six" → 1996, "the year two thousand" → 2000."""
    words = _words(text).replace("-", " ")
    if words.isdigit():
        return int(words)
    the_year = _words(lex.the_year)
    if the_year and words.startswith(the_year + " "):
        words = words[len(the_year) + 1 :]
    parts = words.split()
    if parts and parts[0] in lex.century_words:
        base, rest = lex.century_words[parts[0]] * 100, parts[1:]
    else:
        head = next((m for m in lex.millennium_words if words.startswith(m)), None)
        if head is None:
            raise ValueError(f"not a year: {text!r}")
        base, rest = lex.millennium_words[head], words[len(head) :].split()
    rest = [w for w in rest if w not in ("and", "oh", "o")]
    return base + int(number(" ".join(rest), lex) or 0) if rest else base


def _fmt_count(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


# A fractional count uses the next smaller unit: "5 1/2 hours" → PT5H30M, "a year and a half" → P1Y6M.
SMALLER_UNIT = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
}


def _part(n: float, unit: str) -> str:
    return f"{_fmt_count(n)}{'M' if unit == 'MIN' else unit}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, PT5H, P2W, PXM for an unknown count; decades and centuries in years."""
    if n is None:
        if unit in ("DE", "CE"):
            return "PXY"
        return f"PTX{'M' if unit == 'MIN' else unit}" if unit in ("H", "MIN", "S") else f"PX{unit}"
    if unit in ("DE", "CE"):
        return f"P{_fmt_count(n * (10 if unit == 'DE' else 100))}Y"
    whole, rest = int(n), n - int(n)
    parts = [(whole, unit)] if whole or not rest else []  # a zero count is still a duration: P0D, PT0H
    if rest and unit in SMALLER_UNIT and (rest * SMALLER_UNIT[unit][1]).is_integer():
        parts.append((rest * SMALLER_UNIT[unit][1], SMALLER_UNIT[unit][0]))
    elif rest:
        parts = [(n, unit)]
    date = "".join(_part(k, u) for k, u in parts if u not in ("H", "MIN", "S"))
    time = "".join(_part(k, u) for k, u in parts if u in ("H", "MIN", "S"))
    return f"P{date}" + (f"T{time}" if time else "")


def _mod(lex: Lexicon, text: str | None) -> str | None:
    key = _words(text)
    return lex.modifiers.get(key) or lex.modifiers.get(key.rstrip("-")) if key else None


def nearest(candidates: list[dt.date], dct: dt.date, future: bool | None, *, strict: bool = False) -> dt.date:
    """The last candidate on or before ``dct`` (past), the first on or after it (future), else the closest."""
    closest = min(candidates, key=lambda c: (abs((c - dct).days), c > dct))
    if future is None:
        return closest
    if future:
        after = [c for c in candidates if c > dct or (c == dct and not strict)]
        chosen = min(after) if after else max(candidates)
    else:
        before = [c for c in candidates if c < dct or (c == dct and not strict)]
        chosen = max(before) if before else min(candidates)
    if not strict and abs((chosen - dct).days) > TENSE_REACH_DAYS:
        return closest  # "extended to Nov. 16" in late October: the tense is the extension's, not the date's
    return chosen


def _in_years(dct: dt.date, month: int, day: int) -> list[dt.date]:
    out = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        if 1 <= year <= 9999:
            out.append(dt.date(year, month, min(day, calendar.monthrange(year, month)[1])))
    return out


def _direction(ctx: Context, rel: str | None) -> tuple[bool | None, bool] | None:
    """(future, strict) for a relative word, else for the sentence's tense; None for "this"."""
    if rel is None:
        return ctx.future, False  # an unknown tense (None) picks the closest
    step = ctx.lex.relatives.get(_words(rel))
    if step is None or step == 0:
        return None
    return step > 0, True


def _dated(point: Point, anchor: str, type_: str = "DATE", mod: str | None = None) -> Norm:
    return Norm(type_, point.value(), mod, anchor, point)


def _unresolved(type_: str = "DATE", mod: str | None = None) -> Norm:
    return Norm(type_, None, mod)


def _underspecified(value: str, type_: str = "DATE", mod: str | None = None) -> Norm:
    """What the words fix when nothing anchors the rest ("November 10" in an undated article: XXXX-11-10, as
    TIMEX3 writes it): the year is never guessed, and with no point the value dates no event and no span."""
    return Norm(type_, value, mod)


# --- rule resolvers: each takes the rule's named groups and the context ------------------------------------


def _absolute_day(
    year: int, month: int, day: int, hour: str | None = None, minute: str | None = None
) -> Norm:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return _unresolved()
    if hour is not None:
        return Norm("TIME", f"{date.isoformat()}T{int(hour):02d}:{int(minute or 0):02d}", None, "absolute")
    return _dated(Point(date, "day"), "absolute")


def r_iso(g: Groups, ctx: Context) -> Norm:
    return _absolute_day(
        int(g["year"] or 0), int(g["month"] or 0), int(g["day"] or 0), g["hour"], g["minute"]
    )


def r_numeric(g: Groups, ctx: Context) -> Norm:
    """ "14.03.2021" is day-month; "03/14/2021" month/day (US wire style) unless the first part exceeds 12."""
    a, b = int(g["day"] or 0), int(g["month"] or 0)
    if g.get("sep") == "/" and b <= 12 and a <= 12:
        a, b = b, a
    if b > 12:
        a, b = b, a
    return _absolute_day(int(g["year"] or 0), b, a)


def _day_of_month(g: Groups, ctx: Context) -> Norm:
    """ "November 10": in the year the text gives, else the one the tense points to (closest when unknown)."""
    month = ctx.lex.months[(g["monthname"] or "").rstrip(".")]
    day = int("".join(ch for ch in g["day"] or "" if ch.isdigit()))
    if not 1 <= day <= 31:
        return _unresolved()
    if g["year"]:
        return _absolute_day(year_number(g["year"], ctx.lex), month, day)
    if day > calendar.monthrange(2000, month)[1]:  # 2000 is leap: February 29 is allowed
        return _unresolved()
    if ctx.dct is None:
        return _underspecified(f"XXXX-{month:02d}-{day:02d}")
    candidates = _in_years(ctx.dct, month, day)
    if (follow := _shortly_after_ref(ctx, month, day)) is not None:
        return _dated(Point(follow, "day"), "ref")
    if g.get("wd"):  # "Monday, Oct. 26": the year whose Oct. 26 is a Monday
        name = (g["wd"] or "").rstrip(".")
        weekday = ctx.lex.weekdays.get(name, ctx.lex.weekday_abbreviations.get(name, -1))
        candidates = [c for c in candidates if c.weekday() == weekday] or candidates
    return _dated(Point(nearest(candidates, ctx.dct, ctx.future), "day"), "dct")


def r_month(g: Groups, ctx: Context) -> Norm:
    month = ctx.lex.months[(g["monthname"] or "").rstrip(".")]
    mod = _mod(ctx.lex, g["mod"])
    if g["year"]:
        return _dated(Point(dt.date(year_number(g["year"], ctx.lex), month, 1), "month"), "absolute", mod=mod)
    if g.get("refyear"):  # "October of that year": the year of the reference time
        if ctx.ref is None:
            return _unresolved(mod=mod)
        return _dated(Point(dt.date(ctx.ref.date.year, month, 1), "month"), "ref", mod=mod)
    ref = ctx.ref
    if g.get("that") and ref is not None and GRAIN_ORDER[ref.grain] <= GRAIN_ORDER["year"]:
        # "the 1968 convention … Humphrey's loss that November": the month of the reference year, as "that spring"
        return _dated(Point(dt.date(ref.date.year, month, 1), "month"), "ref", mod=mod)
    if g["rel"] and _words(g["rel"]) in ctx.lex.ref_relatives and ref is not None:
        # "took office in March 2022 after a runoff the previous December": counted from the reference time
        direction = _direction(ctx, g["rel"])
        if direction is not None:
            base = dt.date(ref.date.year, ref.date.month, 1)
            date = nearest(_in_years(base, month, 1), base, direction[0], strict=direction[1])
            return _dated(Point(date, "month"), "ref", mod=mod)
    if ctx.dct is None:
        return _unresolved(mod=mod) if g.get("relyear") else _underspecified(f"XXXX-{month:02d}", mod=mod)
    if g.get("relyear"):  # "June last year"
        year = ctx.dct.year + ctx.lex.relatives.get(_words(g["relyear"]), 0)
        return _dated(Point(dt.date(year, month, 1), "month"), "dct", mod=mod)
    first = dt.date(ctx.dct.year, ctx.dct.month, 1)
    direction = _direction(ctx, g["rel"])
    if direction is None:
        date = dt.date(ctx.dct.year, month, 1)
    else:
        date = nearest(_in_years(first, month, 1), first, direction[0], strict=direction[1])
    return _dated(Point(date, "month"), "dct", mod=mod)


def _shortly_after_ref(ctx: Context, month: int, day: int) -> dt.date | None:
    """ "On December 16, 2010 … she returned on December 27": a day without a year, in the weeks after a
    reference date of another year than the document's, continues that story."""
    ref = ctx.ref
    if ref is None or ref.grain != "day" or ctx.dct is None or ref.date.year == ctx.dct.year:
        return None
    for year in (ref.date.year, ref.date.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        if 0 < (date - ref.date).days <= STORY_FOLLOW_DAYS:
            return date
    return None


def _clock(hour: int, minute: int, ampm: str | None) -> str | None:
    if ampm:
        half = ampm.lower()[0]
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 24:
        return None
    return f"{hour:02d}:{minute:02d}"


def _day_from(g: Groups, ctx: Context, *, wd_key: str = "wd") -> tuple[dt.date, str] | None:
    """The day a time of day belongs to: a weekday or "today"-word in the span, else the DCT."""
    if g.get("monthname") and g.get("day"):  # "5 p.m. EST, Nov. 9"
        norm = _day_of_month(g, ctx)
        return (norm.point.date, norm.anchor or "dct") if norm.point is not None else None
    if ctx.dct is None:
        return None
    wd = g.get(wd_key) or g.get("wd0")
    if wd:
        target = ctx.lex.weekdays[wd]
        days = [ctx.dct + dt.timedelta(days=k) for k in range(-7, 8)]
        return nearest([d for d in days if d.weekday() == target], ctx.dct, bool(ctx.future)), "dct"
    if g.get("dayw"):
        return ctx.dct + dt.timedelta(days=ctx.lex.day_words[_words(g["dayw"])]), "dct"
    # "at 10:35 a.m." after "on Friday": that Friday; not a day still ahead in a past-tense sentence ("they need
    # to caucus Monday night. They set out just after 2 p.m." in a Sunday paper is Sunday's)
    if (
        ctx.ref is not None
        and ctx.ref.grain in ("day", "pod")
        and not (ctx.future is False and ctx.ref.date > ctx.dct)
    ):
        return ctx.ref.date, "ref"
    return ctx.dct, "dct"


def r_time(g: Groups, ctx: Context) -> Norm:
    clock = _clock(int(g["hour"] or 0), int(g["minute"] or 0), g.get("ampm"))
    day = _day_from(g, ctx)
    if clock is None:
        return Norm("TIME", None)
    if day is None:
        return Norm("TIME", None)
    return Norm("TIME", f"{day[0].isoformat()}T{clock}", None, day[1], Point(day[0], "day"))


def r_noon(g: Groups, ctx: Context) -> Norm:
    clock = ctx.lex.noon_words[_words(g["noon"])]
    day = _day_from(g, ctx)
    if day is None:
        return Norm("TIME", None)
    return Norm("TIME", f"{day[0].isoformat()}T{clock}", None, day[1], Point(day[0], "day"))


def _with_pod(date: dt.date, pod: str | None, ctx: Context, anchor: str, mod: str | None = None) -> Norm:
    if pod:
        code = ctx.lex.parts_of_day[_words(pod)]
        return Norm("TIME", f"{date.isoformat()}T{code}", mod, anchor, Point(date, "day"))
    return _dated(Point(date, "day"), anchor, mod=mod)


def r_weekday(g: Groups, ctx: Context) -> Norm:
    mod = _mod(ctx.lex, g["mod"])
    target = ctx.lex.weekdays[g["wd"] or ""]
    if ctx.dct is None:  # "on Sunday": a Sunday, XXXX-WXX-7
        pod = f"T{ctx.lex.parts_of_day[_words(g['pod'])]}" if g["pod"] else ""
        return _underspecified(f"XXXX-WXX-{target + 1}{pod}", "TIME" if pod else "DATE", mod)
    days = [
        ctx.dct + dt.timedelta(days=k)
        for k in range(-7, 8)
        if (ctx.dct + dt.timedelta(days=k)).weekday() == target
    ]
    rel = _words(g["rel"])
    if rel in ctx.lex.ref_relatives and ctx.ref is not None and ctx.ref.grain in ("day", "pod"):
        # "down 4.5% from the previous Friday" after a Friday: the one before the reference day
        step = ctx.lex.relatives[rel]
        near = [ctx.ref.date + dt.timedelta(days=step * k) for k in range(1, 8)]
        date = next(d for d in near if d.weekday() == target)
        return _with_pod(date, g["pod"], ctx, "ref", mod)
    direction = _direction(ctx, g["rel"])
    if direction is not None and direction[0] is None:
        # a weekday in a sentence of unknown tense: the last one, except the day after the document's ("Tuesday's
        # primary" in a Monday paper is tomorrow's, not six days gone)
        direction = ((ctx.dct + dt.timedelta(days=1)).weekday() == target, direction[1])
    if direction is None:  # "this Sunday": the one in the DCT's week
        monday = ctx.dct - dt.timedelta(days=ctx.dct.weekday())
        date = monday + dt.timedelta(days=target)
    else:
        date = nearest(days, ctx.dct, direction[0], strict=direction[1])
    return _with_pod(date, g["pod"], ctx, "dct", mod)


def r_dayword(g: Groups, ctx: Context) -> Norm:
    mod = _mod(ctx.lex, g["mod"])
    if ctx.dct is None:
        return _unresolved("TIME" if g["pod"] else "DATE", mod)
    date = ctx.dct + dt.timedelta(days=ctx.lex.day_words[_words(g["dayw"])])
    return _with_pod(date, g["pod"], ctx, "dct", mod)


def r_tonight(g: Groups, ctx: Context) -> Norm:
    mod = _mod(ctx.lex, g.get("mod"))
    if ctx.dct is None:
        return _unresolved("TIME", mod)
    if g["lastnight"]:
        return _with_pod(ctx.dct - dt.timedelta(days=1), "night", ctx, "dct", mod)
    return _with_pod(ctx.dct, g["pod"] or "night", ctx, "dct", mod)


def _quarter_year(ctx: Context, q: int, g: Groups) -> int | None:
    for key in ("year", "yearq"):
        if g.get(key):
            return int(g[key] or 0)
    rel = g.get("rely") or g.get("relq")
    if ctx.dct is None:
        return None
    if g.get("theyear"):  # "the second half of the year": the DCT's
        return ctx.dct.year
    if rel:
        return ctx.dct.year + ctx.lex.relatives.get(_words(rel), 0)
    current = (ctx.dct.month - 1) // 3 + 1
    if q > current + 1 and not ctx.future:  # "the fourth quarter" read in February: last year's
        return ctx.dct.year - 1
    return ctx.dct.year


def r_quarter(g: Groups, ctx: Context) -> Norm:
    """ "the third quarter", "the latter half of 1990", "the first two quarters of 1990" (the first half)."""
    half = _words(g["half"]) == "half" or bool(g.get("pair"))
    final = 2 if half else 4  # "the latter half", "the last quarter" of a year
    n = final if _words(g["ord"]) in ctx.lex.final_part_words else ctx.lex.ordinals.get(_words(g["ord"]))
    if n is None or n > (2 if half else 4):
        return _unresolved()
    year = _quarter_year(ctx, n if not half else 2 * n, g)
    if year is None:
        return _unresolved()
    anchor = "absolute" if g.get("year") or g.get("yearq") else "dct"
    month = (n - 1) * (6 if half else 3) + 1
    return _dated(Point(dt.date(year, month, 1), "half" if half else "quarter"), anchor)


def r_qabbr(g: Groups, ctx: Context) -> Norm:
    """ "Q4", "Q1 2013", "H2": a quarter or half, in the year given or the one ``_quarter_year`` picks."""
    half, n = g["qh"] == "H", int(g["n"] or 0)
    if n > (2 if half else 4):
        return _unresolved()
    year = _quarter_year(ctx, 2 * n if half else n, g)
    if year is None:
        return _unresolved()
    month = (n - 1) * (6 if half else 3) + 1
    anchor = "absolute" if g.get("year") else "dct"
    return _dated(Point(dt.date(year, month, 1), "half" if half else "quarter"), anchor)


def _season_point(ctx: Context, code: str, step: int | None, future: bool | None, dct: dt.date) -> Point:
    """The season a relative word (``step``) or the sentence's tense picks. A bare season told in the past ("was
    organizing in the spring" in a January paper) is the last one begun by the DCT: a season lasts three
    months, so the reach that keeps a past day near the DCT would wrongly send last spring into the next."""
    start = SEASON_START[code]
    candidates = [dt.date(y, start, 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    this = dt.date(dct.year, start, 1)
    if step == 0:
        if start > dct.month + WINTER_REACH:  # "this winter" said in March: the one begun last December
            this = dt.date(dct.year - 1, start, 1)
        return Point(this, "season", code)
    current = dt.date(dct.year, dct.month, 1)
    if step is None and future is False:
        return Point(max(c for c in candidates if c <= current), "season", code)
    if step is None:
        return Point(nearest(candidates, current, future), "season", code)
    if start <= dct.month < start + 3:  # "last summer" said in July: not this one, the one before
        current = this
    return Point(nearest(candidates, current, step > 0, strict=True), "season", code)


def r_relunit(g: Groups, ctx: Context) -> Norm:
    rel = _words(g["rel"])
    step = ctx.lex.relatives.get(rel, 0)
    word = _words(g["unit"])
    mod = _mod(ctx.lex, g["mod"])
    if word in ctx.lex.seasons:
        if ctx.dct is None:
            return _unresolved(mod=mod)
        return _dated(_season_point(ctx, ctx.lex.seasons[word], step, ctx.future, ctx.dct), "dct", mod=mod)
    unit = ctx.lex.units[word]
    # "the coming months", "the next day or two": a stretch of unknown length
    if (word.endswith("s") and unit != "S") or g.get("ortwo"):
        return Norm("DURATION", duration_value(None, unit), mod)
    if unit in ("H", "MIN", "S"):
        return Norm("DURATION", duration_value(1, unit), mod)
    if unit == "D":
        return _day_from_ref(step, ctx)
    # "the following year", and "the next month" told in the past ("was arrested in May and convicted the next
    # month"): counted from the reference time ("the next decade" stays a stretch of time: "the deficit projected
    # over the next decade")
    told_next = rel.startswith("the ") and step > 0 and ctx.future is False and unit not in ("DE", "CE")
    if rel in ctx.lex.ref_relatives or told_next:
        base, anchor = (ctx.ref.date, "ref") if ctx.ref is not None else (ctx.dct, "dct")
        if base is None or (ctx.ref is not None and GRAIN_ORDER[ctx.ref.grain] > GRAIN_ORDER[GRAIN[unit]]):
            return _unresolved(mod=mod)
        return _dated(Point(shift(base, unit, step), GRAIN[unit]), anchor, mod=mod)
    # "the past month": a stretch of time ending now; "the past year", "over the next year" are written as last and
    # next year, as TempEval-3 train has all three of its own (and "the past decade" as P10Y)
    if rel.startswith("the ") and step != 0 and unit in ("M", "W", "Q", "DE", "CE") and not g["fiscal"]:
        return Norm("DURATION", duration_value(1, unit), mod)
    if ctx.dct is None:
        return _unresolved(mod=mod)
    date = shift(ctx.dct, unit, step)
    if unit == "WE" and step == 0 and ctx.future is False and ctx.dct.weekday() <= LATEST_WEEKEND_LOOKBACK:
        # early in the week a past "noticed this weekend" is the one just gone; by Thursday "this weekend" is the
        # coming one even after a past verb ("set the stage for another rout this weekend")
        date = _weekend(ctx.dct, False)
    return _dated(Point(date, GRAIN[unit]), "dct", mod=mod)


def _day_from_ref(step: int, ctx: Context, mod: str | None = None) -> Norm:
    """ "the next day", "the day before", "that day": ``step`` days from the reference day (else the DCT's); after
    a reference month, a day of it the text does not name ("in July 2008 … the day before" is 2008-07-XX, not the
    day before the document's)."""
    if ctx.ref is not None and ctx.ref.grain == "month":
        return Norm("DATE", f"{ctx.ref.value()}-XX", mod, "ref")
    base, anchor = _reference_day(ctx)
    if base is None:
        return _unresolved(mod=mod)
    return _dated(Point(base + dt.timedelta(days=step), "day"), anchor, mod=mod)


def r_modpod(g: Groups, ctx: Context) -> Norm:
    """ "mid-afternoon yesterday", "by late morning": the part of the day named, on the reference day."""
    day = _day_from(g, ctx)
    mod = _mod(ctx.lex, g["mod"])
    if day is None:
        return _unresolved("TIME", mod)
    return _with_pod(day[0], g["pod"], ctx, day[1], mod)


def r_relpod(g: Groups, ctx: Context) -> Norm:
    """ "the next morning", "the previous night": a part of the day after or before the reference day."""
    base, anchor = _reference_day(ctx)
    if base is None:
        return _unresolved("TIME")
    step = ctx.lex.relatives.get(_words(g["rel"]), 0)
    return _with_pod(base + dt.timedelta(days=step), g["pod"], ctx, anchor, _mod(ctx.lex, g["mod"]))


def r_inpod(g: Groups, ctx: Context) -> Norm:
    """ "in the morning", "in the afternoon": that part of the reference day."""
    base, anchor = _reference_day(ctx)
    return _unresolved("TIME") if base is None else _with_pod(base, g["pod"], ctx, anchor)


def r_attime(g: Groups, ctx: Context) -> Norm:
    """ "at the time": the past the text is telling of, as TempEval-3 train annotates it."""
    return Norm("DATE", "PAST_REF", None, "dct")


def r_nthday(g: Groups, ctx: Context) -> Norm:
    """ "today is the eighth day of the blockade": the day the document is written."""
    if ctx.dct is None:
        return _unresolved()
    return _dated(Point(ctx.dct, "day"), "dct")


def r_dayoffset(g: Groups, ctx: Context) -> Norm:
    """ "the day before", "the day after" with no day named after them: from the reference day."""
    return _day_from_ref(ctx.lex.day_offsets[_words(g["offset"]).lower()], ctx)


def _reference_day(ctx: Context) -> tuple[dt.date | None, str]:
    if ctx.ref is not None and ctx.ref.grain in ("day", "pod"):
        return ctx.ref.date, "ref"
    return ctx.dct, "dct"


def _latest_quarter(dct: dt.date) -> dt.date:
    """The last quarter that has ended by the DCT (what a company's report calls "the quarter")."""
    return add_months(dt.date(dct.year, (dct.month - 1) // 3 * 3 + 1, 1), -3)


def r_theunit(g: Groups, ctx: Context) -> Norm:
    """ "the quarter" (the last one reported), "the year" (the DCT's); "that year", "the same month", "that day"
    (the reference time's)."""
    mod = _mod(ctx.lex, g["mod"])
    if g["day"]:  # "last October … that same day": 2015-10-XX
        return _day_from_ref(0, ctx, mod)
    unit = _words(g["unit"])
    if unit == "year" and g.get("ended"):  # "the year ended March 31": twelve months, not a calendar year
        return Norm("DURATION", duration_value(1, "Y"), mod)
    grain = unit  # "the decade", "the century": the document's, like "the year"
    if (_words(g["the"]) == "that" or _words(g.get("same")) == "same") and ctx.ref is not None:
        if GRAIN_ORDER[ctx.ref.grain] > GRAIN_ORDER[grain]:  # "in 2014 … that month": some month of 2014
            return Norm("DATE", _unknown_within(ctx.ref, grain), mod, "ref")
        return _dated(Point(ctx.ref.date, grain), "ref", mod=mod)
    if ctx.dct is None:
        return _unresolved(mod=mod)
    if unit == "quarter":
        return _dated(Point(_latest_quarter(ctx.dct), "quarter"), "dct", mod=mod)
    if unit == "weekend":
        return _dated(Point(_weekend(ctx.dct, bool(ctx.future)), "weekend"), "dct", mod=mod)
    return _dated(Point(ctx.dct, grain), "dct", mod=mod)


def _unknown_within(ref: Point, grain: str) -> str | None:
    """A month, week or quarter of the reference's year that the text does not name: "2014-XX", "2014-WXX",
    "2014-QX" (None for a coarser ``grain``). Its first one ("2014-01") would be a guess."""
    unknown = {"month": "-XX", "week": "-WXX", "weekend": "-WXX-WE", "quarter": "-QX", "half": "-HX"}.get(
        grain
    )
    return None if unknown is None else f"{ref.date.year:04d}{unknown}"


def r_modunit(g: Groups, ctx: Context) -> Norm:
    """ "earlier in the year", "later in the month": the document's year or month, with the modifier."""
    mod = _mod(ctx.lex, g["mod"])
    unit = _words(g["unit"])
    if ctx.dct is None:
        return _unresolved(mod=mod)
    return _dated(Point(ctx.dct, unit), "dct", mod=mod)


def r_longunit(g: Groups, ctx: Context) -> Norm:
    """ "a decades-long dispute" (PXY), "a two-year-long war" (P2Y), "weeklong talks" (P1W)."""
    word = _words(g["unit"])
    unit = ctx.lex.units[word]
    plural = word.endswith("s") and unit != "S"
    count = None if plural and not g.get("num") else number(g.get("num"), ctx.lex)
    return Norm("DURATION", duration_value(count, unit))


def r_podhour(g: Groups, ctx: Context) -> Norm:
    """ "4 in the morning", "10 at night": a clock time whose half of the day the phrase gives."""
    ampm = ctx.lex.pod_hours[_words(g["podhour"])]
    return r_time({**g, "minute": None, "ampm": ampm}, ctx)


SATURDAY = 5
SUNDAY = 6
HALF_WEEK = 3  # a Saturday at most this many days after a holiday is the one nearest it


def _weekend(dct: dt.date, future: bool) -> dt.date:
    """ "the weekend": the last one begun by the DCT (a Monday's "over the weekend"), else the next one; on a
    Sunday the one still under way ("expects the deal to be finalized over the weekend" is today's)."""
    if future:
        if dct.weekday() == SUNDAY:
            return dct - dt.timedelta(days=1)
        return dct + dt.timedelta(days=(SATURDAY - dct.weekday()) % 7)
    return dct - dt.timedelta(days=(dct.weekday() - SATURDAY) % 7)


def r_latest(g: Groups, ctx: Context) -> Norm:
    """ "the latest quarter", "the latest period" (a report's quarter), "the latest fiscal year": the last
    one completed by the DCT."""
    if ctx.dct is None:
        return _unresolved()
    if _words(g["unit"]) == "year":
        return _dated(Point(dt.date(ctx.dct.year - 1, 1, 1), "year"), "dct")
    return _dated(Point(_latest_quarter(ctx.dct), "quarter"), "dct")


def _report_year(ctx: Context) -> bool:
    """The text speaks of the year of the last quarter ended by the DCT, as after "the first nine months"."""
    ref, dct = ctx.ref, ctx.dct
    return (
        ref is not None
        and dct is not None
        and ref.grain == "year"
        and ref.date.year == _latest_quarter(dct).year
    )


def r_yearperiod(g: Groups, ctx: Context) -> Norm:
    """ "the 1988 quarter", "the 1989 period" in an earnings report: the quarter the text is about (the
    reference quarter, else the last one completed by the DCT) in the year given."""
    year = year_number(g["year"], ctx.lex)
    if _report_year(ctx):  # "net for the nine months rose from $2 million in the 1988 period"
        return _dated(Point(dt.date(year, 1, 1), "year"), "absolute")
    if ctx.ref is not None and ctx.ref.grain == "quarter":
        month, anchor = ctx.ref.date.month, "ref"
    elif ctx.dct is not None:
        month, anchor = _latest_quarter(ctx.dct).month, "dct"
    else:
        return _dated(Point(dt.date(year, 1, 1), "year"), "absolute")
    return _dated(Point(dt.date(year, (month - 1) // 3 * 3 + 1, 1), "quarter"), anchor)


def r_present(g: Groups, ctx: Context) -> Norm:
    """ "current conditions" (PRESENT_REF); "the then current price" (a present now past: PAST_REF)."""
    return Norm("DATE", "PAST_REF" if g.get("then") else "PRESENT_REF", None, "dct")


def r_yearago(g: Groups, ctx: Context) -> Norm:
    if ctx.dct is None:
        return _unresolved()
    unit = _words(g["unit"])
    if unit == "year":
        return _dated(Point(add_months(ctx.dct, -12), "year"), "dct")
    if unit == "month":
        return _dated(Point(add_months(ctx.dct, -12), "month"), "dct")
    if not unit and ctx.ref is not None and _report_year(ctx):  # "for the nine months … year-earlier profit"
        return _dated(Point(dt.date(ctx.ref.date.year - 1, 1, 1), "year"), "ref")
    n = ctx.lex.ordinals.get(_words(g.get("ord")))
    if n is not None and 1 <= n <= 4:  # "the year-ago third quarter": that quarter, a year before its year
        year = _quarter_year(ctx, n, {})
        return (
            _unresolved()
            if year is None
            else _dated(Point(dt.date(year - 1, 3 * n - 2, 1), "quarter"), "dct")
        )
    return _dated(Point(add_months(_latest_quarter(ctx.dct), -12), "quarter"), "dct")


def r_periodago(g: Groups, ctx: Context) -> Norm:
    """ "the corresponding period last year", "the quarter a year ago": the quarter (or month) the text speaks of,
    a year before; with none, the last quarter ended by the DCT, as for "the year-ago period"."""
    if ctx.ref is not None and ctx.ref.grain in ("quarter", "month"):
        return _dated(Point(add_months(ctx.ref.date, -12), ctx.ref.grain), "ref")
    if ctx.dct is None:
        return _unresolved()
    return _dated(Point(add_months(_latest_quarter(ctx.dct), -12), "quarter"), "dct")


def r_season(g: Groups, ctx: Context) -> Norm:
    code = ctx.lex.seasons[_words(g["season"])]
    point = Point(dt.date(year_number(g["year"], ctx.lex), SEASON_START[code], 1), "season", code)
    return _dated(point, "absolute", mod=_mod(ctx.lex, g["mod"]))


def r_bareseason(g: Groups, ctx: Context) -> Norm:
    """ "in the spring" by the tense, from the DCT; "that spring" in the year of the reference time ("the 2012
    race … a truce that fall" is 2012-FA), as "that year" is."""
    mod = _mod(ctx.lex, g["mod"])
    code = ctx.lex.seasons[_words(g["season"])]
    ref = ctx.ref
    if g.get("that") and ref is not None and GRAIN_ORDER[ref.grain] <= GRAIN_ORDER["year"]:
        return _dated(Point(dt.date(ref.date.year, SEASON_START[code], 1), "season", code), "ref", mod=mod)
    if ctx.dct is None:
        return _unresolved(mod=mod)
    return _dated(_season_point(ctx, code, None, ctx.future, ctx.dct), "dct", mod=mod)


def r_year(g: Groups, ctx: Context) -> Norm:
    year = year_number(g["year"], ctx.lex)
    return _dated(Point(dt.date(year, 1, 1), "year"), "absolute", mod=_mod(ctx.lex, g.get("mod")))


def r_yearrange(g: Groups, ctx: Context) -> Norm:
    first, second = g["year"] or "", g["year2"] or ""
    if len(second) == 2:
        second = first[:2] + second
    if int(second) <= int(first):
        return Norm("DATE", None)
    return Norm("DURATION", f"{first}/{second}", None, "absolute")


def r_decade(g: Groups, ctx: Context) -> Norm:
    """ "the 1990s" → 199; "the '90s" → the latest such decade begun by the DCT (by 2030 when undated)."""
    mod = _mod(ctx.lex, g["mod"])
    if g["dec"]:
        year = int(g["dec"]) * 10
    else:
        latest = ctx.dct.year if ctx.dct else UNDATED_DECADE_LIMIT
        year = latest // 100 * 100 + int(g["dec2"] or g.get("dec3") or 0) * 10
        if year > latest:
            year -= 100
    return _dated(Point(dt.date(year, 1, 1), "decade"), "absolute", mod=mod)


def r_century(g: Groups, ctx: Context) -> Norm:
    n = int(g["ord"] or 0) if g["ord"] else ctx.lex.century_ordinals.get(_words(g.get("ordword")), 0)
    if not 1 <= n <= 21:
        return _unresolved()
    return _dated(
        Point(dt.date((n - 1) * 100 or 1, 1, 1), "century"), "absolute", mod=_mod(ctx.lex, g["mod"])
    )


SHORT_UNITS = frozenset({"H", "MIN", "S"})  # units below a day: "an hour later" names no calendar time
# "three days later", "a week earlier": TimeML writes the span of time (P3D, "later" its signal) and TempEval-3
# train does so for every such count of days; the day it lands on is kept as the Norm's point. A year or a
# quarter counted back ("a year earlier") is written as the date itself, so coarser units stay dates.
SPAN_UNITS = frozenset({"D", "W"})


def r_ago(g: Groups, ctx: Context) -> Norm:
    """ "three years ago" counts from the DCT; "two months later", "a year earlier" from the reference."""
    lex = ctx.lex
    unit = lex.units[_words(g["unit"])]
    n = number(g["num"], lex)
    if n is not None and g.get("halfof"):  # "half an hour later"
        n /= 2
    n = _fraction(g, n)
    if n is not None and n != int(n) and unit in ("DE", "CE"):  # "half a century ago" is 50 years back
        n, unit = round(n * (10 if unit == "DE" else 100), 6), "Y"
    how = lex.ago[_words(g["ago"])]
    mod = lex.approx.get(_words(g["approx"])) if g["approx"] else None
    if how.startswith("ref") and (unit in SHORT_UNITS or n is None):
        # "an hour later", "a few days earlier": no calendar time to count to, the span of time is what is known
        # ("later" its signal, as TimeML has it; TempEval-3 train writes PT1H, PXD for them)
        return Norm("DURATION", duration_value(n, unit), mod)
    if n is None:
        return Norm("DATE", "FUTURE_REF" if how.endswith("+") else "PAST_REF", mod, "dct")
    if unit in SHORT_UNITS or n != int(n):  # "two hours ago": the clock time is not known
        return Norm("TIME" if unit in SHORT_UNITS else "DATE", None, mod)
    steps = (1 if how.endswith("+") else -1) * int(n)
    ref = ctx.ref
    counted_back = how.startswith("ref") and unit in ("Y", "DE", "CE")  # "a year earlier", "a decade earlier"
    if ref is not None and (
        (counted_back and ref.grain in COARSE_REF_GRAINS) or (unit == "Y" and ref.grain in REPORT_GRAINS)
    ):
        # "profit rose in the third quarter from $2 million a year ago": the same quarter a year before
        return _dated(Point(shift(ref.date, unit, steps), ref.grain, ref.code), "ref", mod=mod)
    grain = "year" if unit in ("DE", "CE") else "day" if unit in ("D", "WE") else GRAIN[unit]
    # "two months later" than "2020", or than nothing ("a year later" opening a text): no knowable month or year,
    # the span of time the text gives ("three days later" keeps a point counted from the document date, below)
    no_base = ref is None and how.endswith("+") and unit not in SPAN_UNITS
    if how.startswith("ref") and (
        no_base or (ref is not None and GRAIN_ORDER[ref.grain] > GRAIN_ORDER[grain])
    ):
        return Norm("DURATION", duration_value(n, unit), mod)
    if how.startswith("ref") and ref is not None:
        base, anchor = ref.date, "ref"
    else:
        base, anchor = ctx.dct, "dct"
    point = Point(shift(base, unit, steps), grain) if base is not None else None
    if how.startswith("ref") and unit in SPAN_UNITS:
        return Norm("DURATION", duration_value(n, unit), mod, anchor if point else None, point)
    if point is None:
        return _unresolved(mod=mod)
    if how == "ref+" and ctx.dct is not None and point.date > ctx.dct and not ctx.future:
        # "HP remains a firm … a decade later" after "last year": counted from a reference it does not count from,
        # a later year past the document's told as no future is the span of time the text gives
        return Norm("DURATION", duration_value(n, unit), mod)
    return _dated(point, anchor, mod=mod)


def _fraction(g: Groups, n: float | None) -> float | None:
    """ "a half-century" is half a century, "a quarter-century" a quarter of one."""
    frac = (g.get("frac") or "").lower()
    if n is None or not frac:
        return n
    return n * (0.5 if frac == "half" else 0.25)


def r_duration(g: Groups, ctx: Context) -> Norm:
    lex = ctx.lex
    unit = lex.units[_words(g["unit"])]
    n = None if g.get("low") else _fraction(g, number(g["num"], lex))  # "two to three weeks": no single count
    if n is not None and (g.get("half") or g.get("andhalf")):
        n += 0.5
    mod = lex.approx.get(_words(g["approx"])) if g["approx"] else None
    point = _year_to_date(g, ctx, n, unit)
    return Norm("DURATION", duration_value(n, unit), mod, "dct" if point else None, point)


def _year_to_date(g: Groups, ctx: Context, n: float | None, unit: str) -> Point | None:
    """ "the nine months", "the first six months" of a report: the months of its year so far, so that year is
    the reference time ("net for the nine months rose from $2 million a year earlier": 1988, not the quarter
    spoken of before)."""
    rel = _words(g.get("rel")).lower()
    if (
        ctx.dct is None
        or not g.get("the")
        or unit != "M"
        or n is None
        or n % QUARTER_MONTHS
        or n >= YEAR_MONTHS
    ):
        return None
    if rel and rel not in ctx.lex.to_date:
        return None
    return Point(dt.date(_latest_quarter(ctx.dct).year, 1, 1), "year")


def r_halfunit(g: Groups, ctx: Context) -> Norm:
    mod = ctx.lex.approx.get(_words(g["approx"])) if g["approx"] else None
    return Norm("DURATION", duration_value(0.5, ctx.lex.units[_words(g["unit"])]), mod)


def r_bareunit(g: Groups, ctx: Context) -> Norm:
    unit = ctx.lex.units[_words(g["unit"])]
    mod = ctx.lex.approx.get(_words(g["approx"])) if g["approx"] else None
    return Norm("DURATION", duration_value(None, unit), mod)


def r_set(g: Groups, ctx: Context) -> Norm:
    lex = ctx.lex
    word = g["unit"] or ""
    if word in lex.weekdays:
        return Norm("SET", f"XXXX-WXX-{lex.weekdays[word] + 1}")
    if word in lex.months:
        return Norm("SET", f"XXXX-{lex.months[word]:02d}")
    if _words(word) in lex.seasons:
        return Norm("SET", f"XXXX-{lex.seasons[_words(word)]}")
    if _words(word) in lex.parts_of_day:  # "every night": as TimeML writes "Tuesday nights" without the day
        return Norm("SET", f"XXXX-XX-XXT{lex.parts_of_day[_words(word)]}")
    unit = lex.units[_words(word)]
    n = 2 if _words(g["num"]) == "other" else number(g["num"], lex)
    return Norm("SET", duration_value(n, unit))


def r_weekdays(g: Groups, ctx: Context) -> Norm:
    """ "on Mondays", "Sunday nights": every such day (a SET), with its part of day when given."""
    lex = ctx.lex
    day = lex.weekday_plurals[g["wds"]] if g.get("wds") else lex.weekdays[g["wd"] or ""]
    pod = g.get("pods") or g.get("pods2")
    return Norm("SET", f"XXXX-WXX-{day + 1}" + (f"T{lex.pod_plurals[_words(pod)]}" if pod else ""))


def r_pluralset(g: Groups, ctx: Context) -> Norm:
    """ "on weekends": every one of them."""
    return Norm("SET", ctx.lex.plural_sets[_words(g["plural"])])


def r_worddecade(g: Groups, ctx: Context) -> Norm:
    """ "the nineties": the latest such decade begun by the DCT, as for "the '90s"; "the nineteen fifties" in the
    century its word names."""
    tens = ctx.lex.decade_words[_words(g["decword"])]
    if g.get("cent"):
        century = ctx.lex.century_words[_words(g["cent"])]
        return r_decade({"mod": g["mod"], "dec": f"{century}{tens}", "dec2": None}, ctx)
    return r_decade({"mod": g["mod"], "dec": None, "dec2": str(tens)}, ctx)


def r_weekof(g: Groups, ctx: Context) -> Norm:
    """ "the week of March 6": the calendar week holding that day."""
    norm = _day_of_month(g, ctx)
    if norm.point is None:
        return _unresolved()
    return _dated(Point(norm.point.date, "week"), norm.anchor or "dct")


def r_times(g: Groups, ctx: Context) -> Norm:
    """ "twice a week" → SET P1W (TIMEX3 keeps the count in ``freq``, which our record does not carry)."""
    return Norm("SET", duration_value(1, ctx.lex.units[_words(g["unit"])]))


def r_freq(g: Groups, ctx: Context) -> Norm:
    return Norm("SET", ctx.lex.frequencies[_words(g["freq"])])


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    return dt.date(year, month, (h + weekday_shift - 7 * m + 33 * month + 19) % 32)


def _holiday_in(year: int, rule: tuple[int, ...]) -> dt.date:
    """A table rule: (month, day); (0, days from Easter); (month, -weekday-1, n[, first day counted]), the
    n-th such weekday on or after that day, the last one for n = -1."""
    if rule[0] == 0:
        return easter(year) + dt.timedelta(days=rule[1])
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, weekday, n = rule[0], -rule[1] - 1, rule[2]
    if n < 0:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))
    first = dt.date(year, month, rule[3] if len(rule) > 3 else 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def r_holiday(g: Groups, ctx: Context) -> Norm:
    """ "Christmas", "last Thanksgiving": the named day; "Easter week" the calendar week holding it, "Memorial Day
    weekend" the weekend nearest it (the one before a Monday holiday, the one after a Thursday)."""
    norm = _holiday_day(g, ctx)
    span = ctx.lex.holiday_spans.get(_words(g.get("span")))
    if span is None or norm.point is None:
        return norm
    day = norm.point.date
    if span == "weekend":
        step = (SATURDAY - day.weekday()) % 7
        day += dt.timedelta(days=step if step <= HALF_WEEK else step - 7)
    return _dated(Point(day, span), norm.anchor or "dct")


def _holiday_day(g: Groups, ctx: Context) -> Norm:
    """The named day in the year given, else as a year-less date."""
    name = " ".join((g["holiday"] or "").split())
    rule = ctx.lex.holidays[name]
    if g["year"] or g.get("year0"):  # "Christmas 2015", "the 1988 Super Tuesday"
        return _dated(Point(_holiday_in(int(g["year"] or g["year0"] or 0), rule), "day"), "absolute")
    if ctx.dct is None:
        return _unresolved()
    direction = _direction(ctx, g["rel"])
    future, strict = direction if direction is not None else (None, False)
    years = [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]
    if name in ctx.lex.quadrennial_days:  # "Super Tuesday" said in 2015 is 2016's (or 2012's)
        leap = ctx.dct.year - ctx.dct.year % 4
        years = [leap - 4, leap, leap + 4]
    elif name in ctx.lex.even_year_days and ctx.dct.year % 2 == 0:
        years = [ctx.dct.year - 2, ctx.dct.year, ctx.dct.year + 2]
    candidates = [_holiday_in(y, rule) for y in years]
    return _dated(Point(nearest(candidates, ctx.dct, future, strict=strict), "day"), "dct")


def r_namedday(g: Groups, ctx: Context) -> Norm:
    """ "9/11": the day's one date. No point: a passing mention of the event is no reference time."""
    return Norm("DATE", ctx.lex.named_days[_words(g["named"])], None, "absolute")


def r_yearend(g: Groups, ctx: Context) -> Norm:
    """ "year-end", "year's end": the end of the DCT's year, or of the year before in a past-tense sentence
    written before December ("the index is up 15% since year-end" said in October is last year's end)."""
    if ctx.dct is None:
        return _unresolved(mod="END")
    year = ctx.dct.year - 1 if ctx.future is False and ctx.dct.month < 12 else ctx.dct.year
    return _dated(Point(dt.date(year, 1, 1), "year"), "dct", mod="END")


def r_ref(g: Groups, ctx: Context) -> Norm:
    """A reference ("now" PRESENT_REF) is a date; a length of no stated size ("a while" PXX) a duration."""
    value = ctx.lex.refs[_words(g["ref"])]
    if value.endswith("_REF"):
        return Norm("DATE", value, None, "dct")
    return Norm("DURATION", value)


RESOLVERS: dict[str, Callable[[Groups, Context], Norm]] = {
    "iso": r_iso,
    "numeric": r_numeric,
    "mdy": _day_of_month,
    "mdycomma": _day_of_month,
    "dmy": _day_of_month,
    "month": r_month,
    "time": r_time,
    "clock": r_time,
    "noon": r_noon,
    "weekday": r_weekday,
    "dayword": r_dayword,
    "nthday": r_nthday,
    "tonight": r_tonight,
    "quarter": r_quarter,
    "relunit": r_relunit,
    "theunit": r_theunit,
    "latest": r_latest,
    "yearperiod": r_yearperiod,
    "relpod": r_relpod,
    "inpod": r_inpod,
    "attime": r_attime,
    "dayoffset": r_dayoffset,
    "modpod": r_modpod,
    "present": r_present,
    "yearago": r_yearago,
    "periodago": r_periodago,
    "season": r_season,
    "bareseason": r_bareseason,
    "year": r_year,
    "fiscalyear": r_year,
    "yearrange": r_yearrange,
    "decade": r_decade,
    "ago": r_ago,
    "duration": r_duration,
    "bareunit": r_bareunit,
    "halfunit": r_halfunit,
    "set": r_set,
    "freq": r_freq,
    "times": r_times,
    "ref": r_ref,
    "century": r_century,
    "holiday": r_holiday,
    "weekdays": r_weekdays,
    "worddecade": r_worddecade,
    "pluralset": r_pluralset,
    "weekof": r_weekof,
    "modunit": r_modunit,
    "qabbr": r_qabbr,
    "zoneclock": r_time,
    "longunit": r_longunit,
    "podhour": r_podhour,
    "yearend": r_yearend,
    "namedday": r_namedday,
}


def normalize(rule: str, groups: Groups, ctx: Context) -> Norm:
    """The TIMEX3 reading of a match of ``rule``; an impossible date (February 30) gives ``value=None``."""
    try:
        return RESOLVERS[rule](groups, ctx)
    except (ValueError, OverflowError, KeyError):
        return Norm("DATE", None)
