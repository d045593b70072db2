"""Regression tests for crashes and bypasses found by bench/fuzz_corpus.py and the hypothesis suite.

Each test is named after what broke; the docstring says how it was found.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.errors import IngestError
from storyline.ingest.feeds import parse_feed, read_feed_file
from storyline.ingest.files import read_file
from storyline.model import Document, Skipped
from storyline.settings import IngestSettings, Settings
from storyline.store.sqlite import Store

ARTICLE = (
    "The harbour authority of Selmar reopened the northern pier on Tuesday after three weeks of repairs, "
    "a spokeswoman said, adding that ferries to the islands would run on the summer timetable again. "
    "Fishermen had complained that the closure cost them a third of their catch."
)


def _utf8_safe(value: str | None) -> bool:
    return value is None or bool(value.encode("utf-8"))


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d"])
def test_jsonl_lone_surrogate_escapes_become_replacement_characters(tmp_path: Path, escape: str) -> None:
    """bench/fuzz_corpus.py 'lone-surrogates-json': json.loads turned "\\ud800" into a lone surrogate and
    make_document's content hash (UTF-8) raised UnicodeEncodeError, killing the whole ingest run."""
    record = json.dumps(
        {"title": "Pier reopens X", "byline": "By X", "outlet": "X", "text": f"X {ARTICLE} X"}
    )
    path = tmp_path / "feed.jsonl"
    path.write_text(record.replace("X", escape).replace("\\\\", "\\"), encoding="utf-8")
    (document,) = read_file(path, IngestSettings())
    assert isinstance(document, Document)
    assert "\ufffd" in document.text and ARTICLE in document.text
    assert all(_utf8_safe(v) for v in (document.text, document.title, document.byline, document.outlet))
    with Store.open(tmp_path / "store.db") as store:
        assert list(store.add_documents([document]).added) == [document.id]


def test_paired_surrogate_escapes_still_give_the_astral_character(tmp_path: Path) -> None:
    """The fix must not touch a valid escaped pair: "\\ud83d\\udcf0" is the newspaper emoji."""
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": f"\U0001f4f0 {ARTICLE}"}), encoding="utf-8")
    (document,) = read_file(path, IngestSettings())
    assert isinstance(document, Document) and document.text.startswith("\U0001f4f0")


def test_json_feed_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    """Same crash through a JSON Feed: item title, author and content_text carried lone surrogates."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Harbour \\ud800 News",
        "items": [
            {
                "id": "1",
                "title": "Pier \\udfff",
                "authors": [{"name": "Lena \\ud800"}],
                "content_text": ARTICLE,
            }
        ],
    }
    path = tmp_path / "feed.xml"
    path.write_text(json.dumps(feed).replace("\\\\", "\\"), encoding="utf-8")
    (document,) = read_feed_file(path, Settings())
    assert isinstance(document, Document)
    assert document.title == "Pier \ufffd" and document.byline == "Lena \ufffd"
    assert _utf8_safe(document.outlet)


def _billion_laughs(encoding: str) -> bytes:
    levels = ['<!ENTITY a0 "ha">'] + [f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE rss [{"".join(levels)}]><rss version="2.0">'
        "<channel><title>&a9;</title><item><title>t</title><description>&a9;</description></item></channel></rss>"
    ).encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "cp037", "cp500"])
def test_billion_laughs_in_utf16_or_ebcdic_is_refused_before_parsing(encoding: str) -> None:
    """bench/fuzz_corpus.py 'utf16-billion-laughs': the '<!ENTITY' byte check missed UTF-16/32 and EBCDIC
    feeds, so expat expanded entities until its amplification guard stopped it (2 s, +60 MB per file)."""
    with pytest.raises(IngestError, match="declares XML entities"):
        parse_feed("laughs.xml", _billion_laughs(encoding))


def test_utf16_feed_without_entities_is_still_read() -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>Harbour News</title>'
        f"<item><title>Pier reopens</title><description>{ARTICLE}</description></item></channel></rss>"
    )
    parsed = parse_feed("harbour.xml", feed.encode("utf-16"))
    assert parsed.title == "Harbour News" and parsed.entries[0].title == "Pier reopens"


def test_broken_jsonl_lines_are_skipped_one_by_one(tmp_path: Path) -> None:
    """bench/fuzz_corpus.py 'broken-jsonl': 10,000 bad lines, one good; each bad line is its own Skipped.
    A record whose text was only "\\u0000" became a Document with empty text (now: too short)."""
    bad = ['{"text": ', "{", "[]", "null", '{"html": 5}', '{"text": "\\u0000"}', "[" * 2_000]
    lines = [bad[i % len(bad)] for i in range(700)] + [json.dumps({"text": ARTICLE})]
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_file(path, IngestSettings()))
    assert sum(isinstance(i, Document) for i in items) == 1
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 700 and all(s.reason for s in skipped)


@pytest.mark.parametrize("content", [b"", b"   \n", b"\xef\xbb\xbf"])
def test_empty_feed_file_is_skipped_not_a_crash(tmp_path: Path, content: bytes) -> None:
    """tests/fuzz/test_fuzz_feeds.py: feedparser's result for empty input has no 'version' key, and
    ``parsed.version`` raised AttributeError (an empty .rss file stopped the whole ingest run)."""
    path = tmp_path / "empty.rss"
    path.write_bytes(content)
    (item,) = read_feed_file(path, Settings())
    assert isinstance(item, Skipped) and "malformed feed" in item.reason


@pytest.mark.parametrize("text", ["0 days", "after 0 hours"])
def test_zero_duration_is_a_valid_timex3_value(text: str) -> None:
    """tests/fuzz/test_fuzz_text.py: "0 days" resolved to the DURATION value "P", which is not TIMEX3."""
    from storyline.analyze.timex import resolve

    found = resolve(text, dt.date(2026, 6, 2))
    assert found is not None and found.value in {"P0D", "PT0H"}


def test_sketch_of_a_one_megabyte_line_stays_small() -> None:
    """bench/fuzz_corpus.py one-megabyte-line: MinHash.update_batch built a 250,000 × 128 matrix (~600 MB peak)
    for one document; sketches are now hashed in chunks."""
    import tracemalloc

    from storyline.ingest.document import make_document
    from storyline.link.reuse import sketch
    from storyline.settings import LinkSettings

    document = make_document("line.txt", "1 " * 500_000, language="en")
    tracemalloc.start()
    try:
        sketch(document, LinkSettings())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 150_000_000, f"{peak / 1e6:.0f} MB"
