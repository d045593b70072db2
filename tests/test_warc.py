"""WARC archives built here with warcio: HTML responses, other records, damage and bombs."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from pathlib import Path

import hypothesis
import pytest
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from fuzz_settings import fuzz_settings
from storyline.ingest.sources import read_path
from storyline.ingest.warc import read_warc
from storyline.model import Document, Skipped
from storyline.settings import Settings

STORIES = {
    "https://news.example/tram": (
        "Tram line extension approved",
        "The city council of Northbridge voted on Monday to extend the tram line by four stops, "
        "ending a year "
        "of debate over costs. Construction is due to start in the autumn and last two years, the "
        "mayor said, "
        "and the council will borrow part of the 90 million euros needed.",
    ),
    "https://news.example/library": (
        "Old library reopens",
        "The central library reopened on Saturday after an eighteen-month renovation that added a children's "
        "wing and a rooftop reading room. Librarians said more than two thousand people visited on the first "
        "day, many of them families from the surrounding districts.",
    ),
}


def page(title: str, text: str, date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
        f"<p>{text}</p></article></body></html>"
    ).encode()


def response(
    writer: WARCWriter,
    uri: str,
    body: bytes,
    *,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    extra: list[tuple[str, str]] | None = None,
    warc_date: str = "2021-03-14T10:00:00Z",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": warc_date},
    )
    writer.write_record(record)


def build(path: Path, *, gz: bool = True) -> Path:
    """An archive like a CC-NEWS file: warcinfo, requests, HTML and non-HTML responses."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "storyline-tests"}))
        tram_title, tram_text = STORIES["https://news.example/tram"]
        request = writer.create_warc_record(
            "https://news.example/tram", "request", payload=io.BytesIO(b"GET /tram HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        response(writer, "https://news.example/tram", page(tram_title, tram_text, date="2021-03-12"))
        response(
            writer,
            "https://news.example/logo.png",
            b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
            content_type="image/png",
        )
        response(writer, "https://news.example/missing", b"gone", status="404 Not Found")
        lib_title, lib_text = STORIES["https://news.example/library"]
        response(
            writer,
            "https://news.example/library",
            gzip.compress(page(lib_title, lib_text)),
            extra=[("Content-Encoding", "gzip")],
        )
        cyrillic = page("Новый мост", "Мэр заявил во вторник, что новый мост через реку откроют осенью. " * 4)
        response(
            writer,
            "https://news.example/ru",
            cyrillic.decode().encode("cp1251"),
            content_type="text/html; charset=windows-1251",
        )
    return path


@pytest.fixture(params=[True, False], ids=["warc.gz", "warc"])
def archive(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    gz = bool(request.param)
    return build(tmp_path / ("news.warc.gz" if gz else "news.warc"), gz=gz)


def test_html_responses_become_documents(archive: Path) -> None:
    items = list(read_warc(archive, Settings()))
    docs = {d.url: d for d in items if isinstance(d, Document)}
    assert set(docs) == {
        "https://news.example/tram",
        "https://news.example/library",
        "https://news.example/ru",
    }
    tram = docs["https://news.example/tram"]
    assert tram.source == f"{archive}#https://news.example/tram"
    assert tram.title == "Tram line extension approved"
    assert "90 million euros" in tram.text
    assert tram.published == dt.date(2021, 3, 12)  # the page's own date wins
    assert tram.hints["warc_date"] == "2021-03-14"
    library = docs["https://news.example/library"]  # gzip Content-Encoding inside the record
    assert "rooftop reading room" in library.text
    assert library.published == dt.date(2021, 3, 14)  # no date on the page: the capture date
    assert library.hints["published_from"] == "warc-date"
    assert "новый мост через реку" in docs["https://news.example/ru"].text


def test_non_html_and_error_responses_are_skipped_with_reasons(archive: Path) -> None:
    skipped = {
        s.source.split("#", 1)[1]: s.reason for s in read_warc(archive, Settings()) if isinstance(s, Skipped)
    }
    assert skipped == {
        "https://news.example/logo.png": "not an HTML page (Content-Type image/png)",
        "https://news.example/missing": "archived response is HTTP 404, not a page",
    }


def test_sources_dispatch_reads_warc_by_name(archive: Path) -> None:
    assert sum(isinstance(i, Document) for i in read_path(archive, Settings())) == 3


@pytest.mark.parametrize("fraction", [0.5, 0.7, 0.9])
def test_truncated_archive_keeps_earlier_records_and_says_where_it_broke(
    archive: Path, fraction: float
) -> None:
    data = archive.read_bytes()
    archive.write_bytes(data[: int(len(data) * fraction)])
    items = list(read_warc(archive, Settings()))
    assert items, "something must be reported"
    assert isinstance(items[-1], Skipped)
    assert (
        "truncated" in items[-1].reason or "not a page" in items[-1].reason or "corrupt" in items[-1].reason
    )
    assert any(isinstance(i, Document) for i in items) or fraction < 0.6


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"", None),
        (b"this is not an archive at all\n" * 20, "corrupt"),
        (b"\x1f\x8b\x08\x00garbage", "corrupt"),
    ],
    ids=["empty", "text", "bad-gzip"],
)
def test_files_that_are_not_archives(tmp_path: Path, content: bytes, fragment: str | None) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(content)
    items = list(read_warc(path, Settings()))
    if fragment is None:
        assert items == []
    else:
        [item] = items
        assert isinstance(item, Skipped) and fragment in item.reason


def test_missing_archive_is_skipped(tmp_path: Path) -> None:
    [item] = list(read_warc(tmp_path / "nope.warc.gz", Settings()))
    assert isinstance(item, Skipped) and "cannot read" in item.reason


def test_gzip_bomb_inside_a_record_is_stopped_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        bomb = gzip.compress(b"<html><body>" + b" " * 50_000_000, compresslevel=9)
        response(writer, "https://bomb.example/", bomb, extra=[("Content-Encoding", "gzip")])
        title, text = STORIES["https://news.example/tram"]
        response(writer, "https://news.example/tram", page(title, text))
    settings = Settings().override({"ingest.max_document_bytes": 1_000_000})
    items = list(read_warc(path, settings))
    assert isinstance(items[0], Skipped) and "over ingest.max_document_bytes" in items[0].reason
    assert isinstance(items[1], Document)


def test_record_declaring_a_huge_length_stops_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "huge.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        title, text = STORIES["https://news.example/tram"]
        response(writer, "https://news.example/tram", page(title, text))
        response(writer, "https://huge.example/", b"<html>" + b"x" * 300_000)
    settings = Settings().override({"ingest.max_warc_record_bytes": 100_000})
    items = list(read_warc(path, settings))
    assert isinstance(items[0], Document)
    assert isinstance(items[1], Skipped) and "decompression bomb" in items[1].reason


@fuzz_settings(60)
@hypothesis.given(
    cut=st.floats(min_value=0.0, max_value=1.0),
    flips=st.lists(st.tuples(st.floats(min_value=0.0, max_value=0.999), st.integers(0, 255)), max_size=8),
    gz=st.booleans(),
)
def test_damaged_archives_yield_only_documents_or_skipped(
    tmp_path: Path, cut: float, flips: list, gz: bool
) -> None:
    """Property: a truncated or bit-flipped archive never raises; every item is a Document or a Skipped."""
    data = bytearray(build(tmp_path / "seed.warc", gz=gz).read_bytes())
    for where, value in flips:
        data[int(where * len(data))] = value
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data[: max(1, int(cut * len(data)))]))
    for item in read_warc(path, Settings()):
        assert isinstance(item, (Document, Skipped))
        if isinstance(item, Skipped):
            assert item.reason
