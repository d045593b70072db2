"""End to end on the bundled sample corpus: ingest + recover + clean against its gold manifest.

The sample (``storyline/sample``) is fictional and ships with the package, so this runs in a fresh clone.
Every metadata field the manifest gives is compared exactly; every boilerplate line it lists must be gone
from the cleaned text, and every planted quote and time expression must still be in it (cleaning that
removes content would pass the first check alone).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from storyline import clean, pipeline
from storyline.model import Document
from storyline.settings import Settings

SAMPLE = Path(str(resources.files("storyline").joinpath("sample")))
MANIFEST: dict[str, Any] = json.loads((SAMPLE / "manifest.json").read_text("utf-8"))
GOLD = {record["file"]: record for record in MANIFEST["documents"]}
FIELDS = ("outlet", "title", "byline", "dateline_place", "published")
SUBSTRING_MIN_WORDS = 4  # a boilerplate entry this long must not occur anywhere, even inside a line
MIN_FIELD_ACCURACY = 1.0  # the sample is small and written for this pipeline: every field is expected right


def _key(source: str) -> str:
    """The manifest's name for a source: "lbn_feed.jsonl:2" (reader) → "lbn_feed.jsonl#2" (manifest)."""
    name = Path(source).name
    file, _, record = name.rpartition(":")
    return f"{file}#{record}" if file.endswith(".jsonl") and record.isdigit() else name


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Document]:
    settings = Settings()
    folder = SAMPLE / MANIFEST["corpus_dir"]
    items = list(pipeline.read(sorted(str(p) for p in folder.iterdir()), settings))
    documents = [item for item in items if isinstance(item, Document)]
    assert len(documents) == len(items), [item for item in items if not isinstance(item, Document)]
    return {_key(doc.source): doc for doc in clean.clean(documents, settings.clean)}


def _value(doc: Document, field: str) -> str | None:
    value = getattr(doc, field)
    return value.isoformat() if hasattr(value, "isoformat") else value


def test_every_manifest_document_is_read(cleaned: dict[str, Document]) -> None:
    assert set(cleaned) == set(GOLD)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("key", sorted(GOLD))
def test_metadata_field_matches_manifest(cleaned: dict[str, Document], key: str, field: str) -> None:
    assert _value(cleaned[key], field) == GOLD[key][field]


def test_metadata_accuracy(cleaned: dict[str, Document]) -> None:
    """The overall rate, for the record (the per-field test above names each miss)."""
    pairs = [(_value(cleaned[k], f), GOLD[k][f]) for k in GOLD for f in FIELDS]
    accuracy = sum(got == want for got, want in pairs) / len(pairs)
    assert accuracy >= MIN_FIELD_ACCURACY


@pytest.mark.parametrize("key", sorted(GOLD))
def test_boilerplate_lines_are_removed(cleaned: dict[str, Document], key: str) -> None:
    """No listed line survives as a line; a longer one not even inside another line ("Politics" may)."""
    text = cleaned[key].text
    lines = set(text.split("\n"))
    survivors = [
        line
        for line in GOLD[key]["boilerplate_lines"]
        if line in lines or (len(line.split()) >= SUBSTRING_MIN_WORDS and line in text)
    ]
    assert survivors == []


@pytest.mark.parametrize("key", sorted(GOLD))
def test_planted_content_survives_cleaning(cleaned: dict[str, Document], key: str) -> None:
    text = cleaned[key].text
    quotes = [q["starts_with"] for q in GOLD[key].get("quotes", [])]
    timexes = [t["text"] for t in GOLD[key].get("timexes", [])]
    assert [s for s in [*quotes, *timexes] if s not in text] == []


@pytest.mark.parametrize("key", sorted(GOLD))
def test_title_is_kept_once(cleaned: dict[str, Document], key: str) -> None:
    doc = cleaned[key]
    assert doc.title and doc.text.count(doc.title) <= 1
