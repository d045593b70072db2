"""``sources.toml``: named feeds and sites with outlet labels; mistakes named before any fetch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from localserver import LocalServer, Route, article_html, serve
from storyline.errors import SettingsError
from storyline.ingest.source_list import SourceSpec, load_source_list, parse_source_list, read_sources
from storyline.model import Document
from storyline.settings import Settings

GOOD = """
[feeds.courier]
url = "https://courier.example/rss"
outlet = "Valley Courier"

[feeds.herald]
url = "https://herald.example/feed.json"

[sites.gazette]
urls = ["https://gazette.example/a.html", "https://gazette.example/b.html"]
outlet = "Gazette"
"""


def test_good_list_parses_in_order() -> None:
    assert parse_source_list(GOOD) == [
        SourceSpec("courier", "feed", "https://courier.example/rss", "Valley Courier"),
        SourceSpec("herald", "feed", "https://herald.example/feed.json", None),
        SourceSpec("gazette", "page", "https://gazette.example/a.html", "Gazette"),
        SourceSpec("gazette", "page", "https://gazette.example/b.html", "Gazette"),
    ]


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("[feeds.x]\nurl = ", "not valid TOML"),
        ("[feed.x]\nurl = 'https://a.example/'", "unknown table(s) ['feed']"),
        ("[feeds.x]\noutlet = 'X'", "[feeds.x] needs a url"),
        ("[feeds.x]\nurl = 'file:///etc/passwd'", "is not an http(s) URL"),
        ("[feeds.x]\nurl = 'https://a.example/'\nlabel = 'X'", "unknown field(s) ['label']"),
        ("[sites.x]\nurls = ['https://a.example/', 3]", "3 is not an http(s) URL"),
        ("[feeds.x]\nurl = 'https://a.example/'\noutlet = ''", "'outlet' must be a non-empty string"),
        ("feeds = 3", "[feeds] must hold named tables"),
    ],
)
def test_mistakes_are_named(text: str, fragment: str) -> None:
    with pytest.raises(SettingsError) as info:
        parse_source_list(text, origin="my-sources.toml")
    assert fragment in str(info.value)
    assert str(info.value).startswith("my-sources.toml")


def test_missing_file_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read"):
        load_source_list(tmp_path / "absent.toml")


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    yield from serve()


def test_read_sources_applies_outlet_labels(server: LocalServer, tmp_path: Path) -> None:
    paragraphs = [
        "The regional assembly passed the new water law on Thursday by 61 votes to 40, after amendments that "
        "exempt small farms from metering for five years.",
        "Environmental groups called the exemption a loophole, while the farmers' union said it would "
        "protect family holdings during a difficult transition.",
    ]
    server.routes["/law.html"] = Route(article_html("Water law passed", paragraphs))
    path = tmp_path / "sources.toml"
    path.write_text(
        f'[sites.gazette]\nurl = "{server.url("/law.html")}"\noutlet = "Gazette"\n', encoding="utf-8"
    )
    config = Settings().override({"fetch.allow_private": True, "fetch.politeness_seconds": 0.0})
    [doc] = list(read_sources(load_source_list(path), config))
    assert isinstance(doc, Document)
    assert doc.outlet == "Gazette"
    assert doc.title == "Water law passed"
