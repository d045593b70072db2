"""Property tests for functions that read article text and URLs: time expressions, metadata recovery, URLs.

- ``timex.candidates`` / ``timex.resolve``: never raise on any string and any document date; spans lie inside
  the text and TIMEX3 values have TIMEX3 shape.
- ``metadata.recover``: dateline, outlet, byline and title recovery on arbitrary text never raise, and what it
  reads out of the text (title, byline, dateline place) is really there.
- ``netguard.validate`` on whole arbitrary URL strings and arbitrary resolver answers (tests/test_ssrf.py
  already fuzzes host notations with a fixed public answer): refused with our error, or a public address that
  the resolver gave. Nothing is resolved for real and nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re

from hypothesis import given
from hypothesis import strategies as st

from fuzz_settings import fuzz_settings
from storyline.analyze.timex import candidates, resolve
from storyline.errors import FetchError
from storyline.ingest.document import make_document
from storyline.ingest.metadata import recover
from storyline.ingest.netguard import is_public, validate

FUZZ = fuzz_settings(100)

# Pieces of news text around dates and times, so the rules fire often; arbitrary text fills the gaps.
TIME_WORDS = st.sampled_from(
    [
        "on Monday",
        "last week",
        "next year",
        "two months later",
        "March 14",
        "14 March 2021",
        "2021-03-14",
        "03/14/2021",
        "31/02/2021",
        "at 10:35",
        "at 25:99 p.m.",
        "in the first quarter",
        "Q4 2020",
        "mid-1996",
        "the 1990s",
        "this summer",
        "the following year",
        "5 1/2 hours",
        "a year and a half",
        "twice a week",
        "until Friday",
        "since 9999",
        "in 0001",
        "February 29",
        "the 31st",
        "tonight",
        "this morning",
        "20 years ago",
        "year-end",
        "the previous day",
        "H1 2020",
        "winter 2021",
        "on Sunday, November 10, 2020",
        "99999999999 days",
        "0 days",
        "1e308 years",
        "-5 weeks",
        "Dec. 32",
        "noon",
        "midnight",
        "yesterday",
    ]
)
TIMEX_TEXT = st.lists(st.one_of(TIME_WORDS, st.text(max_size=15)), max_size=8).map(" ".join)
ANCHORS = st.one_of(st.none(), st.dates(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))

# TIMEX3 values: a date or time (year/decade/century, month, week, quarter, half, season, weekend, day, part
# of day or clock), a duration, or a reference word. X stands for an unknown digit.
_DATE = r"(\d{1,4}|X{1,4})(-(\d{2}|XX|W\d{2}|WXX|Q[1-4X]|H[12X]|SP|SU|FA|WI))?(-(\d{2}|XX|WE|[1-7X]))?"
_TIME = r"(T(\d{2}(:\d{2})?|MO|MI|AF|EV|NI|DT))?"
_DURATION = (
    r"P((\d+(\.\d+)?|X)[YMWDQ]|T((\d+(\.\d+)?|X)[HMS])+)+|P(\d+(\.\d+)?|X)[YMWDQ]T((\d+(\.\d+)?|X)[HMS])+"
)
TIMEX3_VALUE = re.compile(rf"({_DATE}{_TIME}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)")
TIMEX3_TYPES = {"DATE", "TIME", "DURATION", "SET"}


@FUZZ
@given(TIMEX_TEXT, ANCHORS, ANCHORS, st.sampled_from([None, False, True]))
def test_timex_resolve_never_raises_and_values_look_like_timex3(text, anchor, ref, future):
    found = resolve(text, anchor, ref=ref, future=future)
    if found is None:
        return
    assert 0 <= found.start < found.end <= len(text)
    assert text[found.start : found.end] == found.text
    assert found.type in TIMEX3_TYPES
    assert found.value is None or TIMEX3_VALUE.fullmatch(found.value), found


@FUZZ
@given(st.one_of(TIMEX_TEXT, st.text(max_size=200)))
def test_timex_candidates_lie_inside_the_text(text):
    for match in candidates(text):
        assert 0 <= match.start < match.end <= len(text)


# Text that looks like the head of a news item and then breaks.
HEAD_PIECES = st.sampled_from(
    [
        "BAKU, March 14. /TASS/. ",
        "WASHINGTON (AP) — ",
        "ANKARA (AA) - ",
        "(Reuters) - ",
        "By Aisha Jabbarova\n",
        "By \n",
        "By By By ",
        "Reporting by Lena Dorn; Editing by Tom Reis\n",
        "News Service AA\n",
        "© EPA-EFE\n",
        "Talks resume in Varna\n",
        "\n\n",
        "\u200b",
        "\u202e",
        "\x00",
        "\x1b[31m",
        "\ufeff",
        ", March 32. ",
        "/TASS/",
        "MOSCOW, ",
        "November 10, 2020\n",
        "Tuesday, 3 May 2026 10:00\n",
        "Home | News | World\n",
        '"',
        "“",
        "ORLEN, Feb. 30 (KBA) — ",
        "   ",
        "\t",
        "A" * 300,
        "\u00ad",
    ]
)
HEAD_TEXT = st.lists(st.one_of(HEAD_PIECES, st.text(max_size=40)), max_size=25).map("".join)
_SPACE = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    return _SPACE.sub(" ", text).casefold()


@FUZZ
@given(
    HEAD_TEXT,
    st.sampled_from([None, "en", "ru", "xx"]),
    st.sampled_from([None, "https://tass.example/world/1", "http://[::1]/", "not a url"]),
)
def test_metadata_recovery_finds_only_what_the_text_says(text, language, url):
    document = make_document("fuzz.txt", text, language=language, url=url)
    recovered = recover(document)
    assert recovered.text == document.text and recovered.id == document.id
    body = _squeezed(recovered.text)
    for value in (recovered.title, recovered.byline, recovered.dateline_place):
        if value is not None:
            assert value.strip(), repr(value)
            assert _squeezed(value) in body, (value, recovered.text[:300])
    assert recovered.outlet is None or recovered.outlet.strip()
    assert recovered.published is None or isinstance(recovered.published, dt.date)


# URL validation ----------------------------------------------------------------------------------------------

ADDRESSES = st.one_of(
    st.ip_addresses().map(str),
    st.sampled_from(
        [
            "127.0.0.1",
            "10.1.2.3",
            "169.254.169.254",
            "::1",
            "::ffff:127.0.0.1",
            "8.8.8.8",
            "2001:4860:4860::8888",
            "not-an-ip",
            "",
            "999.1.1.1",
            "fe80::1%eth0",
        ]
    ),
)
URL_PIECES = st.sampled_from(
    [
        "http://",
        "https://",
        "HTTP://",
        "file://",
        "gopher://",
        "ftp://",
        "//",
        "news.example",
        "127.0.0.1",
        "[::1]",
        "[",
        "]",
        ":",
        ":80",
        ":99999",
        ":-1",
        "@",
        "user:pw@",
        "/",
        "?",
        "#",
        "%00",
        "%2e",
        "\\",
        "\x00",
        "\u202e",
        "xn--",
        "ex\u0430mple.com",
        "0x7f.1",
        "2130706433",
        ".",
        "..",
        " ",
    ]
)
URLS = st.one_of(st.lists(st.one_of(URL_PIECES, st.text(max_size=10)), max_size=10).map("".join), st.text())


@FUZZ
@given(URLS, st.lists(ADDRESSES, max_size=4), st.booleans())
def test_validate_refuses_or_returns_an_address_it_checked(url, answers, resolver_fails):
    def resolver(host: str, port: int) -> list[str]:
        if resolver_fails:
            raise OSError("no such host")
        return answers

    try:
        target = validate(url, resolver=resolver)
    except FetchError as exc:  # UnsafeURLError is a FetchError: refused or unresolvable, with a reason
        assert exc.reason
        return
    assert target.scheme in ("http", "https") and target.host
    address = ipaddress.ip_address(target.ip)
    assert is_public(address)
    literal = target.host.strip("[]")
    assert target.ip in answers or _same_address(literal, address), (url, answers, target)


def _same_address(literal: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    from storyline.ingest.netguard import ip_literal

    return ip_literal(literal) == address
