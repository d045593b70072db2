from __future__ import annotations

import json

import pytest

from storyline.model import Analysis, Document
from storyline.report.terminal import plain, safe


@pytest.mark.parametrize(
    "hostile, shown",
    [
        ("Breaking\x1b[2J\x1b[31m news", "Breaking news"),
        ("Title\x1b]0;pwned\x07 here", "Title here"),
        ("bell\x07 and\x00 nul", "bell and nul"),
        ("right\u202eto-left", "rightto-left"),
        ("line\nbreak\ttab", "line break tab"),
    ],
)
def test_escape_sequences_never_reach_the_terminal(hostile, shown):
    assert plain(hostile) == shown


def test_rich_markup_in_titles_stays_literal():
    assert safe("[bold red]fake[/bold red]") == "\\[bold red]fake\\[/bold red]"


def test_long_text_is_shortened():
    assert plain("x" * 500, limit=10) == "x" * 9 + "…"


def test_json_output_keeps_hostile_text_verbatim_and_valid(tmp_path):
    title = "<script>alert(1)</script>\x1b[31m\u2028\x00"
    document = Document(id="d1", source="a.txt", text="Body text.", title=title)
    path = tmp_path / "out.json"
    Analysis(documents=(document,)).to_json(str(path))
    raw = path.read_text(encoding="utf-8")
    assert "\x1b" not in raw and "\x00" not in raw
    assert json.loads(raw)["documents"][0]["title"] == title
