"""quote_trees: the lists it reads a parse from are spaCy's own answers, for whichever doc is asked about."""

from __future__ import annotations

import sys
import threading

import pytest

from storyline.analyze import nlp, quote_trees
from storyline.errors import ModelNotFoundError
from storyline.settings import AnalyzeSettings


@pytest.fixture(scope="module")
def parses():
    """Two parsed sentences of different shapes."""
    try:
        model = nlp.load(AnalyzeSettings().spacy_model)
    except ModelNotFoundError:
        pytest.skip("spaCy model not installed")
    return [
        model("“We will not sign it,” the foreign minister of Varnia told reporters in Ostrava on Monday."),
        model(
            "Officials said the convoy, which left at dawn, had reached the border town after a long delay."
        ),
    ]


def _same_as_spacy(doc) -> bool:
    return all(
        quote_trees.children(t) == list(t.children)
        and quote_trees.lefts(t) == list(t.lefts)
        and quote_trees.rights(t) == list(t.rights)
        and quote_trees.subtree(t) == list(t.subtree)
        for t in doc
    ) and quote_trees.tokens(doc) == list(doc)


def test_lists_match_spacy_when_docs_alternate(parses) -> None:
    first, second = parses
    assert _same_as_spacy(first) and _same_as_spacy(second) and _same_as_spacy(first)
    # asked token by token in turn: each answer is still its own doc's
    for a, b in zip(first, second, strict=False):  # the docs differ in length
        assert quote_trees.children(a) == list(a.children)
        assert quote_trees.children(b) == list(b.children)


def test_threads_asking_about_different_docs_get_their_own_lists(parses) -> None:
    results: list[bool] = []

    def ask(doc) -> None:
        results.append(all(_same_as_spacy(doc) for _ in range(50)))

    threads = [threading.Thread(target=ask, args=(doc,)) for doc in parses * 2]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so that they interleave inside quote_trees
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert results == [True] * 4
