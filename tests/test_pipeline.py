"""The whole pipeline on the bundled sample corpus, checked against its hand-written manifest (our own gold)."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from conftest import SAMPLE
from storyline import analyze
from storyline.model import Analysis, Document

MANIFEST = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze([str(SAMPLE / "articles")])


def name(document: Document) -> str:
    """The manifest's key for a document: its file name, with ``#n`` for a JSONL record."""
    return document.source.rsplit("/", 1)[-1].replace(".jsonl:", ".jsonl#")


@pytest.fixture(scope="module")
def by_name(analysis) -> dict[str, Document]:
    return {name(d): d for d in analysis.documents}


def expected(field: str) -> dict[str, object]:
    return {entry["file"]: entry[field] for entry in MANIFEST["documents"]}


def test_every_article_is_read_and_nothing_skipped(analysis, by_name):
    assert analysis.skipped == ()
    assert set(by_name) == set(expected("story"))


def test_stories_match_the_manifest(analysis, by_name):
    ids = {d.id: key for key, d in by_name.items()}
    found = {frozenset(ids[doc] for doc in story.docs) for story in analysis.stories}
    gold: dict[object, set[str]] = defaultdict(set)
    for key, story in expected("story").items():
        gold[story].add(key)
    assert found == {frozenset(group) for group in gold.values()}


def test_republication_is_a_near_duplicate_of_the_earlier_wire_story(analysis, by_name):
    for key, original in expected("near_duplicate_of").items():
        if original:
            pair = (by_name[original].id, by_name[key].id)
            assert any((r.doc_a, r.doc_b) == pair and r.near_duplicate for r in analysis.reuse)


def test_copied_background_paragraphs_are_found(analysis, by_name):
    for passage in MANIFEST["copied_passages"].values():
        origin = by_name[passage["original"]]
        copies = [d for d in analysis.documents if d.id != origin.id and passage["text"][:60] in d.text]
        for copy in copies:
            links = [r for r in analysis.reuse if {r.doc_a, r.doc_b} == {origin.id, copy.id}]
            assert links and links[0].passages, (passage["original"], name(copy))


def test_most_planted_quotes_are_found_with_their_speaker(by_name):
    planted = [(key, q) for key, quotes in expected("quotes").items() for q in quotes]
    found = 0
    for key, quote in planted:
        document = by_name[key]
        start = document.text.find(quote["starts_with"])
        found += any(
            q.start <= start < q.end and q.speaker and quote["speaker"].split()[-1] in q.speaker
            for q in document.quotes
        )
    assert found / len(planted) >= 0.9, f"{found} of {len(planted)} quotes with the right speaker"


def test_most_planted_time_expressions_resolve(by_name):
    planted = [(key, t) for key, timexes in expected("timexes").items() for t in timexes]
    resolved = sum(
        any(
            t.text.endswith(timex["text"].split()[-1]) and t.value == timex["value"]
            for t in by_name[key].timexes
        )
        for key, timex in planted
    )
    assert resolved / len(planted) >= 0.8, f"{resolved} of {len(planted)} time expressions"


def test_undated_article_keeps_its_weekday_as_a_hint(by_name):
    for key, published in expected("published").items():
        if published is None:
            assert by_name[key].published is None
            assert by_name[key].hints.get("weekday")


def test_public_analyze_stays_a_function_after_the_stage_package_is_imported(tmp_path):
    """Regression: importing storyline.analyze.nlp used to rebind storyline.analyze to the package."""
    import storyline
    import storyline.analyze.nlp

    assert callable(storyline.analyze)
    (tmp_path / "a.txt").write_text(
        "Dock workers at the port extended their strike on Tuesday, the union said. " * 5
    )
    assert len(storyline.analyze([str(tmp_path)]).documents) == 1
