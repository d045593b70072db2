"""The safe fetcher against a local server: pages, redirects, limits, robots.txt, charsets and bad answers."""

from __future__ import annotations

import datetime as dt
import gzip
import socket
from collections.abc import Iterator

import brotli
import pytest

from localserver import LocalServer, Route, article_html, serve
from storyline.ingest.web import Fetcher, Inflater, read_url
from storyline.model import Document, Skipped
from storyline.settings import Settings

PARAGRAPHS = [
    "Port authorities in Valmora said on Tuesday that the new container terminal would open in the spring, "
    "doubling the harbour's capacity after three years of construction delays.",
    "The regional transport minister, Ilse Marten, told reporters the terminal had cost 240 million euros "
    "and that two shipping lines had already signed long-term contracts for berths.",
    "Dock workers' unions welcomed the opening but warned that automation of the cranes could cut hundreds "
    "of jobs unless the operator kept its promise to retrain staff.",
]
PAGE = article_html("Valmora opens container terminal", PARAGRAPHS, date="2023-04-11", author="Jon Reede")


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    yield from serve()


def settings(**fetch: object) -> Settings:
    base = {"fetch.allow_private": True, "fetch.politeness_seconds": 0.0, "fetch.retries": 0}
    return Settings().override({**base, **{f"fetch.{k}": v for k, v in fetch.items()}})


def one(server: LocalServer, path: str, config: Settings | None = None) -> Document | Skipped:
    [item] = list(read_url(server.url(path), config or settings()))
    return item


def test_article_page_becomes_a_document_with_metadata(server: LocalServer) -> None:
    server.routes["/news/terminal"] = Route(PAGE)
    doc = one(server, "/news/terminal")
    assert isinstance(doc, Document)
    assert doc.source == server.url("/news/terminal")
    assert doc.title == "Valmora opens container terminal"
    assert doc.published == dt.date(2023, 4, 11)
    assert doc.byline == "Jon Reede"
    assert doc.url == server.url("/news/terminal")
    assert "240 million euros" in doc.text
    assert server.requests[-1][1]["user-agent"].startswith("storyline/")


def test_redirect_chain_is_followed_and_final_url_kept(server: LocalServer) -> None:
    server.routes["/a"] = Route(status=301, headers={"Location": "/b"})
    server.routes["/b"] = Route(status=302, headers={"Location": server.url("/c")})
    server.routes["/c"] = Route(status=307, headers={"Location": "final"})
    server.routes["/final"] = Route(PAGE)
    doc = one(server, "/a")
    assert isinstance(doc, Document)
    assert doc.hints["fetched_url"] == server.url("/final")
    assert [p for p in server.paths() if p != "/robots.txt"] == ["/a", "/b", "/c", "/final"]


def test_redirect_loop_stops_at_the_cap(server: LocalServer) -> None:
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    item = one(server, "/loop", settings(max_redirects=3))
    assert isinstance(item, Skipped)
    assert "more than 3 redirects" in item.reason
    assert server.paths().count("/loop") == 4


@pytest.mark.parametrize(
    "route, fragment",
    [
        (Route(b"gone", 404, {"Content-Type": "text/html"}), "HTTP 404 Not Found"),
        (Route(b"boom", 500, {"Content-Type": "text/html"}), "HTTP 500 Internal Server Error"),
        (
            Route(b"%PDF-1.7", 200, {"Content-Type": "application/pdf"}),
            "not an HTML page (Content-Type application/pdf)",
        ),
        (Route(b"x" * 3000, 200, {"Content-Type": "text/html"}), "over fetch.max_bytes"),
        (Route(b"<html><body><p>Short.</p></body></html>"), "no article"),
    ],
    ids=["404", "500", "non-html", "oversized", "no-article"],
)
def test_bad_answers_become_skipped_with_a_reason(server: LocalServer, route: Route, fragment: str) -> None:
    server.routes["/page"] = route
    item = one(server, "/page", settings(max_bytes=2000))
    assert isinstance(item, Skipped)
    assert item.stage == "ingest"
    assert fragment in item.reason


@pytest.mark.parametrize(
    "location, fragment",
    [("http://[broken", "malformed"), ("ftp://files.example/x", "unsupported scheme 'ftp'")],
)
def test_bad_redirect_targets_are_skipped(server: LocalServer, location: str, fragment: str) -> None:
    server.routes["/go"] = Route(status=302, headers={"Location": location})
    item = one(server, "/go")
    assert isinstance(item, Skipped)
    assert fragment in item.reason
    assert "/go" in server.paths()  # the first hop was fetched; the redirect target was refused


@pytest.mark.parametrize(
    "encoding, body",
    [
        ("gzip", b"\x1f\x8b\x08\x00not really gzip"),
        ("br", b"not brotli at all" * 4),
        ("zstd", b"\x28\xb5\x2f\xfd"),
    ],
)
def test_corrupt_or_unknown_compression_is_skipped(server: LocalServer, encoding: str, body: bytes) -> None:
    server.routes["/c"] = Route(body, headers={"Content-Type": "text/html", "Content-Encoding": encoding})
    item = one(server, "/c")
    assert isinstance(item, Skipped)
    assert "compressed body" in item.reason or "unsupported Content-Encoding" in item.reason


def test_slow_endpoint_times_out(server: LocalServer) -> None:
    server.routes["/slow"] = Route(PAGE, delay=1.5)
    item = one(server, "/slow", settings(timeout_seconds=0.3))
    assert isinstance(item, Skipped)
    assert "timed out" in item.reason


def test_transient_5xx_is_retried_with_backoff(server: LocalServer) -> None:
    answers = iter([Route(b"busy", 503, {"Content-Type": "text/plain"}), Route(PAGE)])
    server.routes["/flaky"] = Route(respond=lambda _handler: next(answers))
    sleeps: list[float] = []
    config = settings(retries=2, backoff_seconds=0.5)
    with Fetcher(config.fetch, sleep=sleeps.append) as fetcher:
        [doc] = list(read_url(server.url("/flaky"), config, fetcher=fetcher))
    assert isinstance(doc, Document)
    assert sleeps == [0.5]


def test_gzip_bomb_is_stopped_by_decompressed_bytes(server: LocalServer) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    server.routes["/bomb"] = Route(bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    item = one(server, "/bomb", settings(max_bytes=1_000_000))
    assert isinstance(item, Skipped)
    assert "exceeds fetch.max_bytes" in item.reason


def test_inflater_never_produces_more_than_one_step_past_the_limit() -> None:
    inflater = Inflater("http://x/", "gzip", 200_000)
    produced = 0
    with pytest.raises(Exception, match="max_bytes"):
        for piece in inflater.feed(gzip.compress(b"a" * 10_000_000)):
            produced += len(piece)
    assert produced <= 200_000


@pytest.mark.parametrize("encoding, compress", [("gzip", gzip.compress), ("br", brotli.compress)])
def test_compressed_pages_are_decoded(server: LocalServer, encoding: str, compress: object) -> None:
    assert callable(compress)
    server.routes["/z"] = Route(
        compress(PAGE), headers={"Content-Type": "text/html", "Content-Encoding": encoding}
    )
    doc = one(server, "/z")
    assert isinstance(doc, Document)
    assert "Ilse Marten" in doc.text


@pytest.mark.parametrize(
    "headers, meta",
    [
        ({"Content-Type": "text/html; charset=windows-1251"}, ""),
        ({"Content-Type": "text/html"}, '<meta charset="windows-1251">'),
    ],
    ids=["header", "meta"],
)
def test_charset_from_header_or_meta(server: LocalServer, headers: dict[str, str], meta: str) -> None:
    russian = (
        "Мэр Северогорска заявил во вторник, что новый мост через реку откроют осенью. "
        "Строительство обошлось городу в два миллиарда рублей и заняло четыре года. "
        "Жители давно жаловались на пробки у старой переправы, которую закроют на ремонт."
    )
    html = (
        f"<html><head>{meta}<title>Мост</title></head><body><article><p>{russian}</p></article></body></html>"
    )
    server.routes["/ru"] = Route(html.encode("windows-1251"), headers=headers)
    doc = one(server, "/ru")
    assert isinstance(doc, Document)
    assert "новый мост через реку" in doc.text


def test_robots_txt_disallowing_a_path_is_honoured(server: LocalServer) -> None:
    server.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}
    )
    server.routes["/private/page"] = Route(PAGE)
    server.routes["/public/page"] = Route(PAGE)
    config = settings()
    with Fetcher(config.fetch) as fetcher:
        [blocked] = list(read_url(server.url("/private/page"), config, fetcher=fetcher))
        [allowed] = list(read_url(server.url("/public/page"), config, fetcher=fetcher))
    assert isinstance(blocked, Skipped)
    assert "robots.txt" in blocked.reason
    assert isinstance(allowed, Document)
    assert server.paths().count("/robots.txt") == 1  # cached per host
    assert "/private/page" not in server.paths()


def test_unreachable_robots_txt_refuses_for_now_and_is_asked_again(server: LocalServer) -> None:
    answers = iter([Route(b"down", 503, {"Content-Type": "text/plain"}), Route(b"User-agent: *\nAllow: /\n")])
    server.routes["/robots.txt"] = Route(respond=lambda _h: next(answers))
    server.routes["/page"] = Route(PAGE)
    config = settings()
    with Fetcher(config.fetch) as fetcher:
        [first] = list(read_url(server.url("/page"), config, fetcher=fetcher))
        [second] = list(read_url(server.url("/page"), config, fetcher=fetcher))
    assert isinstance(first, Skipped) and "robots.txt answered 503" in first.reason
    assert isinstance(second, Document)
    assert server.paths().count("/robots.txt") == 2


def test_robots_can_be_ignored_by_setting(server: LocalServer) -> None:
    server.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /\n", headers={"Content-Type": "text/plain"}
    )
    server.routes["/page"] = Route(PAGE)
    assert isinstance(one(server, "/page", settings(respect_robots=False)), Document)


def test_politeness_delay_between_requests_to_one_host(server: LocalServer) -> None:
    server.routes["/p1"] = Route(PAGE)
    server.routes["/p2"] = Route(PAGE)
    now = [100.0]
    sleeps: list[float] = []
    config = settings(politeness_seconds=2.0)
    with Fetcher(config.fetch, clock=lambda: now[0], sleep=sleeps.append) as fetcher:
        fetcher.fetch(server.url("/p1"))
        fetcher.fetch(server.url("/p2"))
    assert sleeps and all(s == pytest.approx(2.0) for s in sleeps)  # robots, p1 and p2 are spaced by 2 s


def test_unreachable_host_is_skipped() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [item] = list(read_url(f"http://127.0.0.1:{port}/x", settings(respect_robots=False)))
    assert isinstance(item, Skipped)
    assert "cannot connect" in item.reason
