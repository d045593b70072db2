"""Analysis in worker processes gives what analysis in this process gives, in the same order."""

from __future__ import annotations

import dataclasses

import pytest

from storyline import pipeline
from storyline.analyze import nlp
from storyline.errors import ModelNotFoundError
from storyline.ingest.document import make_document
from storyline.model import Document
from storyline.settings import Settings
from synthetic import article

COUNT = pipeline.ANALYZE_BATCH * 2 + 3  # three batches: two workers both get work, one gets two


def analyzed(processes: int) -> list[Document]:
    settings = Settings()
    settings = dataclasses.replace(
        settings, analyze=dataclasses.replace(settings.analyze, processes=processes)
    )
    documents = [make_document(f"synthetic-{i}", article(i), language="en") for i in range(COUNT)]
    results = [d for batch in pipeline.analyze_documents(documents, settings) for d in batch]
    assert all(isinstance(d, Document) for d in results)
    return results  # type: ignore[return-value]


def test_two_worker_processes_match_one_process():
    try:
        nlp.load(Settings().analyze.spacy_model)
    except ModelNotFoundError:
        pytest.skip("spaCy model not installed")
    alone, pooled = analyzed(1), analyzed(2)
    assert [d.id for d in pooled] == [d.id for d in alone]
    assert sum(len(d.quotes) for d in alone) >= COUNT  # every article has a quote
    for one, other in zip(alone, pooled, strict=True):
        assert other.entities == one.entities
        assert other.timexes == one.timexes
        assert other.quotes == one.quotes
        assert other.events == one.events
