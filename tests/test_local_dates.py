"""Publication dates in the publisher's time: timestamps with offsets, UTC stamps on country-code domains,
feeds whose parser normalizes to UTC, pages that write one moment twice."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.ingest.feeds import parse_feed
from storyline.ingest.html import document_from_html
from storyline.ingest.local_dates import local_date, page_date, stamp
from storyline.model import Document
from storyline.settings import IngestSettings


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-03-09T01:30:00+03:00", dt.datetime(2021, 3, 8, 22, 30, tzinfo=dt.UTC)),
        ("2022-11-06T23:00:00.000Z", dt.datetime(2022, 11, 6, 23, 0, tzinfo=dt.UTC)),
        ("2022-05-05 21:00:00 -0500", dt.datetime(2022, 5, 6, 2, 0, tzinfo=dt.UTC)),
        ("Tue, 09 Mar 2021 01:30:00 +0300", dt.datetime(2021, 3, 8, 22, 30, tzinfo=dt.UTC)),
        ("Wed, 04 May 2022 02:41:00 GMT", dt.datetime(2022, 5, 4, 2, 41, tzinfo=dt.UTC)),
        ("2021-03-09", None),  # a date, no time: nothing to convert
        ("2022-5-5 22:17:36", None),  # a time with no offset: local to a place we do not know
        ("Mon, 8 Mar 2021", None),
        ("2021-02-30T10:00:00Z", None),  # no such day
        (None, None),
    ],
)
def test_stamp_reads_times_with_offsets_only(value: str | None, expected: dt.datetime | None) -> None:
    assert stamp(value) == expected


@pytest.mark.parametrize(
    "written, host, expected",
    [
        # the offset the timestamp was written with decides, wherever the site is
        ("2021-03-09T01:30:00+03:00", "tass.com", "2021-03-09"),
        ("2021-03-09T01:30:00+03:00", "www.nytimes.com", "2021-03-09"),
        # UTC on a country's domain: that country's date when all its zones agree (Türkiye, Germany, Bolivia)
        ("2021-03-08T22:30:00Z", "www.aa.com.tr", "2021-03-09"),
        ("2022-11-06T23:00:00Z", "beige.de", "2022-11-07"),
        ("Wed, 04 May 2022 02:41:00 GMT", "eldeber.com.bo", "2022-05-03"),
        ("2024-01-15T23:30:00Z", "www.bbc.co.uk", "2024-01-15"),  # London is on UTC in January
        ("2024-07-15T23:30:00Z", "www.bbc.co.uk", "2024-07-16"),  # and on UTC+1 in July
        # no country, or one with several offsets: the UTC date as written
        ("2021-03-08T22:30:00Z", "www.reuters.com", "2021-03-08"),
        ("2021-03-08T22:30:00Z", "ria.ru", "2021-03-08"),  # Kaliningrad to Kamchatka
        ("2021-03-08T22:30:00Z", "elpais.es", "2021-03-08"),  # the Canaries are an hour behind Madrid
        ("2021-03-08T22:30:00Z", "startup.io", "2021-03-08"),  # a domain sold as a generic name
        ("2021-03-08T22:30:00Z", "eltiempo.com.co", "2021-03-08"),  # Bogotá is behind UTC: same date
        ("2021-03-09T03:30:00Z", "eltiempo.com.co", "2021-03-08"),
        ("2021-03-09T03:30:00Z", "news.co", "2021-03-09"),
        # midnight UTC is a date a publishing system stored as a time, not a moment of the day
        ("2021-03-09T00:00:00Z", "eltiempo.com.co", "2021-03-09"),
        ("2021-03-09T03:30:00Z", None, "2021-03-09"),
    ],
)
def test_local_date(written: str, host: str | None, expected: str) -> None:
    moment = stamp(written)
    assert moment is not None
    assert local_date(moment, host).isoformat() == expected


def test_page_date_prefers_the_same_moment_written_with_a_local_offset() -> None:
    html = (
        '<meta property="article:published_time" content="2022-05-04T03:37:37+00:00">'
        '<meta property="article:modified_time" content="2022-05-04T03:37:41+00:00">'
        '<time datetime="2022-05-03T23:37:37-04:00">May 3</time>'
        '<time datetime="2017-10-12T21:06:39-04:00">an old comment</time>'
    )
    assert page_date(html, dt.date(2022, 5, 4), "24ora.com") == dt.date(2022, 5, 3)


def test_page_date_keeps_the_date_found_when_nothing_says_otherwise() -> None:
    found = dt.date(2022, 5, 5)
    assert page_date('<meta content="2022-05-05T21:00:00-05:00">', found, "elespectador.com") == found
    assert page_date('<meta content="2022-05-05">', found, "beige.de") == found
    # two UTC stamps of the date found that give two local dates: no way to tell which is the article's
    two = '<meta content="2022-05-05T12:00:00Z"><meta content="2022-05-05T23:30:00Z">'
    assert page_date(two, found, "beige.de") == found


def _page(head: str, url: str) -> Document:
    paragraphs = "".join(
        f"<p>The regional court in Velmora adjourned the harbour fraud trial for a {day} time on "
        f"Thursday, after the defence asked for more time to read the prosecution's new evidence.</p>"
        for day in ("first", "second", "third", "fourth", "fifth")
    )
    html = f"<html><head><title>Trial adjourned</title>{head}</head><body><article>{paragraphs}</article></body></html>"
    document = document_from_html("trial.html", html.encode(), IngestSettings(), url=url)
    assert isinstance(document, Document)
    return document


def test_page_published_late_in_the_evening_keeps_its_local_date() -> None:
    head = '<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">'
    assert _page(head, "https://www.velmora-zeitung.de/gericht/prozess").published == dt.date(2022, 11, 7)
    assert _page(head, "https://www.velmora-news.com/court/trial").published == dt.date(2022, 11, 6)


def test_page_timestamp_wins_over_the_date_in_its_url() -> None:
    """The path's date is often the day the story was filed; the metadata's timestamp is its publication."""
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Trial adjourned", "datePublished": "2022-05-08T06:00:00-05:00"}</script>'
    )
    url = "https://velmora-news.example/2022/05/02/trial-adjourned"
    assert _page(head, url).published == dt.date(2022, 5, 8)
    assert _page("", url).published == dt.date(2022, 5, 2)  # no date in the page: the URL's is used


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks</title><link>https://tass.example/talks</link>
  <pubDate>Tue, 09 Mar 2021 01:30:00 +0300</pubDate><description>Talks in Moscow.</description></item>
<item><title>Statement</title><link>https://www.aa.com.tr/en/statement</link>
  <pubDate>Mon, 08 Mar 2021 22:30:00 GMT</pubDate><description>A statement.</description></item>
<item><title>Vote</title><link>https://wire.example/vote</link>
  <pubDate>Mon, 08 Mar 2021 22:30:00 GMT</pubDate><description>A vote.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<id>urn:a</id><updated>2021-03-09T01:30:00+03:00</updated>
<entry><title>Talks</title><id>urn:a:1</id><link href="https://tass.example/talks"/>
  <updated>2021-03-09T01:30:00+03:00</updated><summary>Talks.</summary></entry></feed>"""


def test_feed_entries_keep_the_date_of_their_own_offset() -> None:
    """feedparser normalizes entry times to UTC: 01:30 in Moscow on 9 March became 8 March."""
    dates = {e.title: e.published for e in parse_feed("wire.rss", RSS.encode()).entries}
    assert dates == {
        "Talks": dt.date(2021, 3, 9),
        "Statement": dt.date(2021, 3, 9),  # GMT on a Turkish domain: 01:30 in Ankara
        "Vote": dt.date(2021, 3, 8),
    }
    [entry] = parse_feed("a.atom", ATOM.encode()).entries
    assert entry.published == dt.date(2021, 3, 9)
