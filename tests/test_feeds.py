"""Feeds on a local server: RSS 2.0, Atom and JSON Feed, full content vs. fetched links, polling memory."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st

from fuzz_settings import fuzz_settings
from localserver import LocalServer, Route, article_html, serve
from storyline.errors import IngestError
from storyline.ingest.feeds import MemorySeen, entry_documents, parse_feed, read_feed_file, read_feed_url
from storyline.ingest.web import Fetcher
from storyline.model import Document, Skipped
from storyline.settings import Settings

FULL_STORY = (
    "<p>The national weather service issued a flood warning for the Lower Aren valley on Thursday "
    "after two days "
    "of heavy rain swelled the river to its highest level since 2013.</p>"
    "<p>Local officials opened three emergency shelters and asked residents of riverside streets to "
    "move cars "
    "and valuables to higher ground before nightfall.</p>"
)
LINKED_STORY = article_html(
    "Rail strike called off",
    [
        "Train drivers called off a planned 48-hour strike on Wednesday evening after the rail "
        "operator agreed to "
        "reopen talks on shift patterns and overtime pay, their union said.",
        "Commuter services across the region will run normally on Friday, the operator said, although some "
        "night trains cancelled in advance will not be restored in time.",
    ],
    date="2024-02-07",
)
RSS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Courier</title><link>{base}/</link><description>News</description>
<item><title>Flood warning for the Aren valley</title><link>{base}/flood</link><guid>flood-1</guid>
  <pubDate>Thu, 14 Mar 2024 09:30:00 GMT</pubDate><dc:creator>Mara Volk</dc:creator>
  <description>Heavy rain swells the river.</description>
  <content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>Rail strike called off</title><link>{base}/strike</link><guid>strike-1</guid>
  <pubDate>Wed, 07 Feb 2024 20:00:00 GMT</pubDate>
  <description>Drivers and operator to talk.</description></item>
<item><title>Missing page</title><link>{base}/gone</link><guid>gone-1</guid></item>
</channel></rss>"""
ATOM_XML = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Aren Daily</title><id>urn:aren</id>
<updated>2024-03-15T08:00:00Z</updated>
<entry><title>Flood warning for the Aren valley</title><id>urn:aren:flood</id>
  <link href="{base}/flood-atom"/><updated>2024-03-15T08:00:00Z</updated>
  <published>2024-03-14T10:00:00Z</published>
  <author><name>Petr Lind</name></author><content type="html">{full_escaped}</content></entry>
<entry><title>Rail strike called off</title><id>urn:aren:strike</id><link href="{base}/strike"/>
  <updated>2024-02-08T07:00:00Z</updated><summary>Talks to resume.</summary></entry>
</feed>"""


def json_feed(base: str) -> bytes:
    plain = (
        "Ferry services to the outer islands were suspended on Saturday as gale-force winds reached "
        "90 kilometres "
        "an hour, the ferry company said.\n\nThe company expects to resume sailings on Monday morning if the "
        "forecast holds, and passengers with tickets will be rebooked automatically."
    )
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Island Herald",
            "items": [
                {
                    "id": "ferry",
                    "url": f"{base}/ferry",
                    "title": "Ferries suspended",
                    "content_text": plain,
                    "date_published": "2024-01-20T06:00:00+01:00",
                    "authors": [{"name": "Ola Brenn"}],
                },
                {"id": "flood", "url": f"{base}/flood", "content_html": FULL_STORY, "title": "Flood warning"},
                {"id": "strike", "url": f"{base}/strike", "summary": "Drivers and operator to talk."},
            ],
        }
    ).encode()


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    for state in serve():
        base = state.url("")
        xml = {"Content-Type": "application/rss+xml"}
        state.routes["/rss"] = Route(RSS_XML.format(base=base, full=FULL_STORY).encode(), headers=xml)
        escaped = FULL_STORY.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        atom = ATOM_XML.format(base=base, full_escaped=escaped).encode()
        state.routes["/atom"] = Route(atom, headers={"Content-Type": "application/atom+xml"})
        state.routes["/feed.json"] = Route(json_feed(base), headers={"Content-Type": "application/feed+json"})
        state.routes["/strike"] = Route(LINKED_STORY)
        yield state


def settings(**fetch: object) -> Settings:
    base = {"fetch.allow_private": True, "fetch.politeness_seconds": 0.0, "fetch.retries": 0}
    return Settings().override({**base, **{f"fetch.{k}": v for k, v in fetch.items()}})


def by_title(items: list[Document | Skipped]) -> dict[str, Document]:
    return {d.title or "": d for d in items if isinstance(d, Document)}


def test_rss_full_content_is_used_and_links_are_fetched(server: LocalServer) -> None:
    items = list(read_feed_url(server.url("/rss"), settings()))
    docs = by_title(items)
    flood = docs["Flood warning for the Aren valley"]
    assert "three emergency shelters" in flood.text
    assert flood.published == dt.date(2024, 3, 14)
    assert flood.byline == "Mara Volk"
    assert flood.url == server.url("/flood")
    assert flood.hints["feed"] == server.url("/rss")
    assert "/flood" not in server.paths()  # full content in the feed: the page was not fetched
    strike = docs["Rail strike called off"]
    assert "48-hour strike" in strike.text
    assert strike.published == dt.date(2024, 2, 7)
    [gone] = [s for s in items if isinstance(s, Skipped)]
    assert gone.source == server.url("/gone") and "HTTP 404" in gone.reason


def test_atom_entries_use_published_date_and_author(server: LocalServer) -> None:
    docs = by_title(list(read_feed_url(server.url("/atom"), settings())))
    flood = docs["Flood warning for the Aren valley"]
    assert flood.published == dt.date(2024, 3, 14)
    assert flood.byline == "Petr Lind"
    assert "higher ground" in flood.text
    assert docs["Rail strike called off"].published == dt.date(2024, 2, 8)


def test_json_feed_items(server: LocalServer) -> None:
    docs = by_title(list(read_feed_url(server.url("/feed.json"), settings())))
    ferry = docs["Ferries suspended"]
    assert ferry.published == dt.date(2024, 1, 20)
    assert ferry.byline == "Ola Brenn"
    assert "gale-force winds" in ferry.text
    assert "Lower Aren valley" in docs["Flood warning"].text
    assert (
        "48-hour strike" in docs["Rail strike called off"].text
    )  # no content: link fetched, page title used


def test_outlet_label_overrides_feed_title(server: LocalServer) -> None:
    docs = list(read_feed_url(server.url("/rss"), settings(), outlet="Courier"))
    assert {d.outlet for d in docs if isinstance(d, Document)} == {"Courier"}


def test_max_feed_items_caps_entries(server: LocalServer) -> None:
    items = list(read_feed_url(server.url("/rss"), settings(max_feed_items=1)))
    assert [i.title for i in items if isinstance(i, Document)] == ["Flood warning for the Aren valley"]
    assert len(items) == 1


@pytest.mark.parametrize(
    "body, fragment",
    [
        (b"<html><body>not a feed</body></html>", "malformed feed"),
        (b"<rss><channel><item><title>broken", "neither full content nor a link"),  # salvaged, then skipped
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            b"<rss><channel><title>&lol2;</title></channel></rss>",
            "declares XML entities",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<rss><channel><item><title>&xxe;</title></item></channel></rss>",
            "declares XML entities",
        ),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}', "no 'items' list"),
        (b'{"items": [', "malformed JSON feed"),
    ],
    ids=["html", "truncated", "billion-laughs", "xxe", "json-no-items", "json-truncated"],
)
def test_malformed_feeds_become_skipped(server: LocalServer, body: bytes, fragment: str) -> None:
    server.routes["/bad"] = Route(body, headers={"Content-Type": "application/xml"})
    [item] = list(read_feed_url(server.url("/bad"), settings()))
    assert isinstance(item, Skipped)
    assert fragment in item.reason


def test_unreachable_feed_is_one_skipped(server: LocalServer) -> None:
    [item] = list(read_feed_url(server.url("/no-such-feed"), settings()))
    assert isinstance(item, Skipped) and "HTTP 404" in item.reason


def test_feed_file_with_full_content_needs_no_network(tmp_path: Path) -> None:
    path = tmp_path / "courier.rss"
    path.write_text(RSS_XML.format(base="http://192.0.2.1", full=FULL_STORY), encoding="utf-8")
    items = list(read_feed_file(path, settings(max_feed_items=1)))
    [doc] = items
    assert isinstance(doc, Document)
    assert doc.source == "http://192.0.2.1/flood"
    assert "emergency shelters" in doc.text


def test_feed_file_links_go_through_the_guard(tmp_path: Path) -> None:
    path = tmp_path / "courier.rss"
    path.write_text(RSS_XML.format(base="http://10.0.0.9", full=FULL_STORY), encoding="utf-8")
    items = list(read_feed_file(path, Settings()))
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 2 and all("refused" in s.reason for s in skipped)


def test_parse_feed_reads_entry_fields() -> None:
    feed = parse_feed("x", RSS_XML.format(base="http://news.example", full=FULL_STORY).encode())
    assert feed.title == "Valley Courier"
    assert [e.id for e in feed.entries] == ["flood-1", "strike-1", "gone-1"]
    assert feed.entries[1].content_html is None


def test_character_reference_to_no_character_keeps_the_feed() -> None:
    """ "&#2222200000;" names no Unicode character (feedparser's lenient parser crashed on it in chr()): it
    reads as U+FFFD and the entries survive; one of more digits than any code point needs is refused."""
    broken = RSS_XML.format(base="http://news.example", full=FULL_STORY).replace(
        "Valley Courier", "Valley &#2222200000; Courier &#x7FFFFFFFFF;"
    )
    feed = parse_feed("x", broken.encode())
    assert feed.title == "Valley \ufffd Courier \ufffd"
    assert [e.id for e in feed.entries] == ["flood-1", "strike-1", "gone-1"]
    with pytest.raises(IngestError, match="malformed feed"):
        parse_feed("x", broken.replace("&#2222200000;", "&#1234567890123456789012345;").encode())


def test_seen_entries_and_conditional_get(server: LocalServer) -> None:
    rss = server.routes["/rss"]

    def conditional(handler: object) -> Route | None:
        if getattr(handler, "headers", {}).get("If-None-Match") == '"v1"':
            return Route(status=304, headers={})
        return None

    server.routes["/rss"] = Route(rss.body, headers={**rss.headers, "ETag": '"v1"'}, respond=conditional)
    seen = MemorySeen()
    first = list(read_feed_url(server.url("/rss"), settings(), seen=seen))
    assert len(first) == 3
    assert seen.contains(server.url("/rss"), "strike-1")
    assert seen.etag(server.url("/rss")).etag == '"v1"'  # type: ignore[union-attr]
    assert list(read_feed_url(server.url("/rss"), settings(), seen=seen)) == []  # 304: nothing new
    seen.validators.clear()
    assert list(read_feed_url(server.url("/rss"), settings(), seen=seen)) == []  # 200, but all entries seen


def test_transient_failure_is_retried_on_the_next_poll(server: LocalServer) -> None:
    answers = iter([Route(b"busy", 503, {"Content-Type": "text/plain"}), Route(LINKED_STORY)])
    server.routes["/strike"] = Route(respond=lambda _h: next(answers))
    seen = MemorySeen()
    first = list(read_feed_url(server.url("/rss"), settings(), seen=seen))
    assert any(isinstance(i, Skipped) and "503" in i.reason for i in first)
    assert not seen.contains(server.url("/rss"), "strike-1")
    assert seen.etag(server.url("/rss")) is None  # incomplete poll: the next one is not conditional
    second = list(read_feed_url(server.url("/rss"), settings(), seen=seen))
    assert [d.title for d in second if isinstance(d, Document)] == ["Rail strike called off"]


def test_read_url_on_a_feed_reads_its_entries(server: LocalServer) -> None:
    from storyline.ingest.sources import load

    items = list(load([server.url("/atom")], settings()))
    assert sorted(d.title or "" for d in items if isinstance(d, Document)) == [
        "Flood warning for the Aren valley",
        "Rail strike called off",
    ]


def _refuse_dns(host: str, port: int) -> list[str]:
    raise OSError("no DNS in tests")


SEED_FEEDS = [
    RSS_XML.format(base="http://news.example", full=FULL_STORY).encode(),
    ATOM_XML.format(base="http://news.example", full_escaped="&lt;p&gt;short&lt;/p&gt;").encode(),
    json_feed("http://news.example"),
]


@fuzz_settings(150)
@hypothesis.given(
    seed=st.sampled_from(SEED_FEEDS),
    cut=st.floats(min_value=0.0, max_value=1.0),
    junk=st.binary(max_size=40),
    at=st.floats(min_value=0.0, max_value=1.0),
)
def test_mangled_feeds_yield_only_documents_or_skipped(
    seed: bytes, cut: float, junk: bytes, at: float
) -> None:
    """Property: a cut or spliced feed gives a Feed or an IngestError; its entries Documents or Skipped."""
    point = int(at * len(seed))
    data = (seed[:point] + junk + seed[point:])[: max(1, int(cut * (len(seed) + len(junk))))]
    try:
        feed = parse_feed("fuzz", data)
    except IngestError as exc:
        assert exc.reason
        return
    config = Settings()
    with Fetcher(config.fetch, resolver=_refuse_dns) as fetcher:
        for item in entry_documents("fuzz", feed, config, fetcher):
            assert isinstance(item, (Document, Skipped))


def test_relative_entry_links_are_resolved_against_the_feed_url(server: LocalServer) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Relative</title>'
        "<item><title>Strike</title><link>/strike</link><guid>r1</guid></item></channel></rss>"
    )
    server.routes["/news/rel.xml"] = Route(feed.encode(), headers={"Content-Type": "application/rss+xml"})
    [doc] = list(read_feed_url(server.url("/news/rel.xml"), settings()))
    assert isinstance(doc, Document) and doc.url == server.url("/strike")
