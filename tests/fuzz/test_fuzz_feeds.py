"""Property tests for feeds and WARC records: mangled bytes give Documents or Skipped reasons, never a crash.

Feeds are built as plausible RSS, Atom and JSON Feed documents and then damaged (bytes flipped, cut, repeated),
or carry entity attacks (billion laughs, external entities) in several encodings. Entries without full content
would be fetched: a stub fetcher refuses every fetch, so nothing leaves the machine.
"""

from __future__ import annotations

import gzip
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from fuzz_settings import fuzz_settings
from storyline.errors import FetchError, IngestError
from storyline.ingest.feeds import Feed, entry_documents, parse_feed
from storyline.ingest.warc import read_warc_stream
from storyline.model import Document, Skipped
from storyline.settings import IngestSettings, Settings

FUZZ = fuzz_settings(100)
SETTINGS = Settings(ingest=IngestSettings(min_text_chars=20))
BODY = (
    "ORLEN, June 2. /KBA/. The port workers' union of Orlen ended its strike on Tuesday after the harbour board "
    "agreed to a new shift plan, the union's chair Maris Odell told reporters."
)


class OfflineFetcher:
    """Stands in for the network: every entry link fails the way an unreachable host does."""

    def fetch(self, url: str, **_: object) -> None:
        raise FetchError(url, "offline in fuzz tests")


def _rss(items: list[str]) -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>https://news.example/{i}</link><guid>{i}</guid><author>{t}</author>"
        f"<pubDate>Tue, 02 Jun 2026 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{t} {BODY}</p>]]>"
        "</content:encoded></item>"
        for i, t in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>KBA</title>{entries}'
        "</channel></rss>"
    )


def _atom(items: list[str]) -> str:
    entries = "".join(
        f"<entry><id>urn:{i}</id><title>{t}</title><updated>2026-06-02T10:00:00Z</updated>"
        f'<author><name>{t}</name></author><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry>'
        for i, t in enumerate(items)
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>KBA</title>{entries}</feed>'


def _json_feed(items: list[str]) -> str:
    entries = [
        {
            "id": str(i),
            "title": t,
            "url": f"https://news.example/{i}",
            "content_text": f"{t} {BODY}",
            "date_published": t,
            "authors": [{"name": t}, t],
        }
        for i, t in enumerate(items)
    ]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "KBA", "items": entries})


@st.composite
def damaged(draw: st.DrawFn, document: bytes) -> bytes:
    """``document`` with a few bytes flipped, spans deleted or repeated, or cut at a random point."""
    data = bytearray(document)
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "delete", "repeat", "cut", "insert"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 50))]
        elif action == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 100))] * draw(st.integers(1, 20))
        elif action == "cut":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(max_size=20))
    return bytes(data)


TITLES = st.lists(st.text(max_size=30).map(lambda t: t.replace("]]>", "")), min_size=0, max_size=4)
FEEDS = st.tuples(
    TITLES, st.sampled_from([_rss, _atom, _json_feed]), st.sampled_from(["utf-8", "utf-16", "latin-1"])
)


def _encoded(titles: list[str], build: object, encoding: str) -> bytes:
    text = build(titles)  # type: ignore[operator]
    return text.encode(encoding, "xmlcharrefreplace" if build is not _json_feed else "replace")


def _check_feed(data: bytes) -> None:
    try:
        feed = parse_feed("fuzz.xml", data)
    except IngestError as exc:
        assert exc.reason
        return
    assert isinstance(feed, Feed)
    for item in entry_documents("fuzz.xml", feed, SETTINGS, OfflineFetcher()):  # type: ignore[arg-type]
        assert isinstance(item, Document | Skipped)
        if isinstance(item, Skipped):
            assert item.reason
        else:
            assert item.text.strip() and item.text.encode("utf-8")
            for value in (item.title, item.byline, item.outlet, item.url):
                assert value is None or (isinstance(value, str) and value.encode("utf-8"))


@FUZZ
@given(FEEDS.flatmap(lambda spec: damaged(_encoded(*spec))))
def test_mangled_feeds_give_documents_or_reasons(data: bytes) -> None:
    _check_feed(data)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_a_feed(data: bytes) -> None:
    _check_feed(data)


def _entity_attack(kind: str, depth: int, width: int) -> str:
    if kind == "laughs":
        levels = ['<!ENTITY e0 "ha">'] + [
            f'<!ENTITY e{i} "{f"&e{i - 1};" * width}">' for i in range(1, depth)
        ]
        subset, ref = "".join(levels), f"&e{depth - 1};"
    elif kind == "external":
        subset, ref = '<!ENTITY e SYSTEM "file:///etc/passwd">', "&e;"
    else:  # a parameter entity fetching an external DTD
        subset, ref = '<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;', "x"
    return (
        f'<?xml version="1.0" encoding="ENC"?><!DOCTYPE rss [{subset}]><rss version="2.0"><channel>'
        f"<title>{ref}</title><item><title>{ref}</title><description>{ref} {BODY}</description></item>"
        "</channel></rss>"
    )


@FUZZ
@given(
    kind=st.sampled_from(["laughs", "external", "parameter"]),
    depth=st.integers(2, 12),
    width=st.integers(2, 12),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp037", "cp500"]),
    case=st.sampled_from(["<!ENTITY", "<!entity", "<!Entity"]),
)
def test_entity_attacks_are_refused_in_any_encoding(
    kind: str, depth: int, width: int, encoding: str, case: str
) -> None:
    document = _entity_attack(kind, depth, width).replace("ENC", encoding).replace("<!ENTITY", case)
    try:
        feed = parse_feed("attack.xml", document.encode(encoding))
    except IngestError as exc:
        assert "entities" in exc.reason or "malformed" in exc.reason
        return
    for entry in feed.entries:  # a lower-case "<!entity" is not XML: whatever is read must not be expanded
        for value in (entry.title, entry.content_html, feed.title):
            assert value is None or ("root:" not in value and value.count("ha") < 100)


# WARC --------------------------------------------------------------------------------------------------------


def _record(uri: str, body: bytes, status: str = "200 OK", content_type: str = "text/html") -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-06-02T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


PAGE = f"<html><head><title>Strike ends</title></head><body><article><p>{BODY}</p></article></body></html>"
RECORDS = st.lists(
    st.tuples(
        st.sampled_from(["https://news.example/a", "https://news.example/b", "", "not a uri", "\u202e://x"]),
        st.sampled_from([PAGE.encode(), b"", b"\x00" * 50, PAGE.encode("utf-16"), b"%PDF-1.4"]),
        st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "xyz"]),
        st.sampled_from(["text/html", "application/pdf", "text/html; charset=bogus", ""]),
        st.booleans(),  # gzip member
    ),
    min_size=1,
    max_size=4,
)


@FUZZ
@given(
    RECORDS.flatmap(
        lambda records: damaged(
            b"".join(
                gzip.compress(_record(u, b, s, c)) if z else _record(u, b, s, c) for u, b, s, c, z in records
            )
        )
    )
)
def test_mangled_warc_records_give_documents_or_reasons(data: bytes) -> None:
    items = list(read_warc_stream("fuzz.warc", io.BytesIO(data), SETTINGS))
    for item in items:
        assert isinstance(item, Document | Skipped)
        assert item.reason if isinstance(item, Skipped) else item.text.strip()


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_as_a_warc(data: bytes) -> None:
    for item in read_warc_stream("fuzz.warc", io.BytesIO(data), SETTINGS):
        assert isinstance(item, Document | Skipped)
        assert item.reason if isinstance(item, Skipped) else item.text.strip()
