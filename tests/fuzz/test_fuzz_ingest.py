"""Property tests for everything that reads outside bytes or text on the way in.

Property: a ``Document`` or a ``Skipped`` with a reason — never an unhandled exception — and, after cleaning,
offsets that stay inside the text.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_settings import fuzz_settings
from storyline.clean import clean
from storyline.ingest.document import make_document
from storyline.ingest.files import decode, read_file, read_jsonl
from storyline.ingest.html import MAX_FALLBACK_BLOCKS, document_from_html
from storyline.ingest.metadata import recover
from storyline.model import Document, Skipped
from storyline.report.terminal import plain
from storyline.settings import CleanSettings, IngestSettings

FUZZ = fuzz_settings(120)
INGEST = IngestSettings(min_text_chars=1)

# Text that looks like news and then breaks: datelines, quotes, credits, odd Unicode and control characters.
FRAGMENTS = st.sampled_from(
    [
        "BAKU, March 14. /TASS/. ",
        "WASHINGTON (AP) — ",
        "(Reuters) - ",
        "By Aisha Jabbarova\n",
        "News Service AA\n",
        "© EPA-EFE/POOL\n",
        "All news\n",
        "\u200b",
        "\u202e",
        "\x00",
        "\x1b[31m",
        "\ufeff",
        "\r\n",
        "\n\n",
        '"',
        "“",
        "”",
        "On Sunday, ",
        "last year ",
        "November 10, 2020",
        "Cookies are used\n",
        " ",
        "::",
        "<p>",
    ]
)
NEWSY = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=30).map("".join)


def is_result(item: object) -> bool:
    return isinstance(item, Document) or (isinstance(item, Skipped) and bool(item.reason))


@FUZZ
@given(st.binary(max_size=4000))
def test_decode_never_raises(data):
    result = decode(data)
    assert result is None or isinstance(result, str)


@FUZZ
@given(st.binary(max_size=3000))
def test_any_file_becomes_a_document_or_a_reason(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "input.txt"
    path.write_bytes(data)
    assert all(is_result(item) for item in read_file(path, INGEST))


@FUZZ
@given(
    st.lists(
        st.one_of(st.text(max_size=80), st.builds(lambda t: json.dumps({"text": t}), NEWSY)), max_size=20
    )
)
def test_jsonl_lines_never_raise(lines):
    items = list(read_jsonl("feed.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"), INGEST))
    assert all(is_result(item) for item in items)


@FUZZ
@given(
    st.recursive(
        st.text(max_size=30),
        lambda inner: st.builds(
            lambda tag, body, attr: f"<{tag} class='{attr}'>{body}</{tag}>",
            st.sampled_from(["div", "p", "article", "nav", "script", "table", "b"]),
            inner,
            st.text(max_size=20),
        ),
        max_leaves=30,
    )
)
def test_html_never_raises(html):
    assert is_result(document_from_html("page.html", f"<html><body>{html}</body></html>", INGEST))


def test_deeply_nested_html_is_handled():
    html = "<div>" * 10_000 + "Deep text about the treaty talks." * 20 + "</div>" * 10_000
    assert is_result(document_from_html("deep.html", html, INGEST))


ARTICLE = "".join(
    f"<p>The ferry to Ostrand ran late on its {day} crossing, and the harbour office blamed the fog.</p>"
    for day in ("first", "second", "third", "fourth", "fifth")
)


def _spy_on_fast(monkeypatch) -> list[bool]:
    """The ``fast`` argument of every trafilatura extraction ``document_from_html`` makes."""
    import trafilatura

    calls: list[bool] = []
    extract = trafilatura.bare_extraction

    def spy(*args, **kwargs):
        calls.append(kwargs.get("fast", False))
        return extract(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    return calls


@pytest.mark.parametrize(
    "blocks",
    [
        "<h1>x</h1>" * (MAX_FALLBACK_BLOCKS + 1),
        "<p>x</p>" * (MAX_FALLBACK_BLOCKS + 1),
        "<div>x</div>" * (MAX_FALLBACK_BLOCKS + 1),
        "<ul>" + "<li>x</li>" * MAX_FALLBACK_BLOCKS + "</ul>",
        "x<br><br>" * (MAX_FALLBACK_BLOCKS // 2 + 1),
    ],
    ids=["h1", "p", "div", "li", "br"],
)
def test_page_of_many_blocks_skips_the_fallback_extractors_and_keeps_its_text(monkeypatch, blocks):
    """jusText's cost grows with the square of a run of short paragraphs: past ``MAX_FALLBACK_BLOCKS`` the
    page is extracted in trafilatura's ``fast`` mode, which is linear (times in docs/RELIABILITY.md)."""
    calls = _spy_on_fast(monkeypatch)
    html = f"<html><body>{blocks}<article>{ARTICLE}</article></body></html>"
    document = document_from_html("blocks.html", html, INGEST)
    assert calls == [True]
    assert isinstance(document, Document)
    assert "the harbour office blamed the fog" in document.text


def test_ordinary_page_keeps_the_fallback_extractors(monkeypatch):
    calls = _spy_on_fast(monkeypatch)
    html = f"<html><body><h1>Ferry late</h1><article>{ARTICLE}</article></body></html>"
    document = document_from_html("page.html", html, INGEST)
    assert calls == [False]
    assert isinstance(document, Document)


@FUZZ
@given(NEWSY)
def test_metadata_and_cleaning_keep_a_valid_document(text):
    document = make_document("fuzz.txt", text)
    recovered = recover(document)
    assert isinstance(recovered, Document)
    (cleaned,) = clean([recovered], CleanSettings())
    assert isinstance(cleaned.text, str)
    assert cleaned.id == document.id
    for value in (cleaned.title, cleaned.byline, cleaned.outlet, cleaned.dateline_place):
        assert value is None or (isinstance(value, str) and value.strip())


@FUZZ
@given(st.text())
def test_terminal_text_has_no_control_characters(text):
    shown = plain(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in shown)
