"""The publication date as the publisher's readers saw it, from a timestamp with a UTC offset.

A feed or a page often states its time in UTC ("2021-03-08T22:30:00Z", "Mon, 08 Mar 2021 22:30:00 GMT") or
with an offset a feed reader normalizes to UTC. A story TASS published at 01:30 Moscow time on 9 March then
carries the date 8 March, and every "on Tuesday" or "yesterday" in it is anchored a day off. The date kept is
the one written with the publisher's own offset: where a timestamp gives it, that; where it is in UTC, the
date in the country of the site's country-code domain when that country has a single UTC offset at that
moment (Germany, Bolivia, Türkiye; not Russia, Spain or the United States), else the UTC date as written.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re

# A timestamp with a time and a UTC offset: ISO 8601 or RFC 822 (RSS). Times without an offset are local to an
# unknown place and are left to the date they are written with.
_ISO = re.compile(
    r"(?<![\w.:-])(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(Z|[+-]\d{2}:?\d{2})(?![\w:])"
)
_RFC822 = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+"
    r"(?:GMT|UTC|UT|Z|[+-]\d{4})\b"
)
# Country-code domains sold worldwide as generic names: a site under one says nothing of where it is, unless
# it sits under the country's own second level ("eltiempo.com.co").
_GENERIC_TLDS = frozenset(
    {
        "io",
        "co",
        "tv",
        "me",
        "fm",
        "ai",
        "ly",
        "cc",
        "ws",
        "to",
        "gg",
        "sh",
        "la",
        "nu",
        "tk",
        "gl",
        "ms",
        "cx",
    }
)
_SECOND_LEVELS = frozenset(["com", "org", "net", "gov", "gob", "edu", "ac", "co", "or", "ne", "go"])
_TLD_COUNTRY = {"uk": "gb"}  # the one domain that differs from its ISO 3166 code


def stamp(value: object) -> dt.datetime | None:
    """The first timestamp in ``value`` that has a time and a UTC offset, as an aware datetime, or None."""
    if not isinstance(value, str):
        return None
    found = _stamps(value)
    return found[0] if found else None


def local_date(moment: dt.datetime, host: str | None) -> dt.date:
    """The date ``moment`` was written with, or, for a moment written in UTC, the date in the country of the
    host's country-code domain when all of that country's time zones agree on the offset then."""
    if moment.utcoffset() != dt.timedelta(0) or _midnight_utc(moment):
        return moment.date()
    zones = _zones(_country(host))
    if len({moment.astimezone(zone).utcoffset() for zone in zones}) != 1:
        return moment.date()
    return moment.astimezone(zones[0]).date()


def page_date(html: str, found: dt.date, host: str | None) -> dt.date:
    """The page's publication date ``found`` (the date part of a timestamp, as htmldate reads it) in its
    publisher's time: where the page writes that date only in UTC stamps, the date of the same moment written
    with a local offset elsewhere in the page ("2022-05-04T03:37:37+00:00" and "2022-05-03T23:37:37-04:00"),
    else ``local_date``; unchanged when the dates so found disagree or no stamp is in UTC."""
    stamps = _stamps(html)
    in_utc = [s for s in stamps if s.date() == found and s.utcoffset() == dt.timedelta(0)]
    if not in_utc:
        return found
    local = {s.astimezone(dt.UTC): s.date() for s in stamps if s.utcoffset() != dt.timedelta(0)}
    dates = {local[s] for s in in_utc if s in local} or {local_date(s, host) for s in in_utc}
    return dates.pop() if len(dates) == 1 else found


def _stamps(text: str) -> list[dt.datetime]:
    """Every timestamp with an offset in ``text``, in order of their position."""
    found: list[tuple[int, dt.datetime]] = []
    for match in _ISO.finditer(text):
        year, month, day, hour, minute, second, zone = match.groups()
        try:
            found.append(
                (
                    match.start(),
                    dt.datetime(
                        int(year),
                        int(month),
                        int(day),
                        int(hour),
                        int(minute),
                        int(second or 0),
                        tzinfo=_offset(zone),
                    ),
                )
            )
        except ValueError:
            continue
    for match in _RFC822.finditer(text):
        try:
            moment = email.utils.parsedate_to_datetime(match.group(0))
        except (TypeError, ValueError):
            continue
        if moment.tzinfo is not None:
            found.append((match.start(), moment))
    return [moment for _, moment in sorted(found, key=lambda pair: pair[0])]


def _offset(zone: str) -> dt.timezone:
    if zone == "Z":
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _midnight_utc(moment: dt.datetime) -> bool:
    """00:00:00 in UTC: a date stored as a timestamp by a publishing system, not a time of day."""
    return moment.time() == dt.time(0, 0)


def _country(host: str | None) -> str | None:
    """The ISO country code a host's country-code domain names ("www.beige.de" → "de"), or None."""
    labels = [label for label in (host or "").casefold().rstrip(".").split(".") if label]
    if len(labels) < 2 or len(labels[-1]) != 2 or not labels[-1].isalpha():
        return None
    tld = labels[-1]
    if tld in _GENERIC_TLDS and not (len(labels) >= 3 and labels[-2] in _SECOND_LEVELS):
        return None
    return _TLD_COUNTRY.get(tld, tld)


@functools.lru_cache(maxsize=512)
def _zones(country: str | None) -> tuple[dt.tzinfo, ...]:
    """The tz database's zones of a country (pytz's table of ``zone.tab``), none for an unknown code."""
    import pytz

    if not country:
        return ()
    try:
        names = pytz.country_timezones[country]
    except KeyError:
        return ()
    return tuple(pytz.timezone(name) for name in names)
