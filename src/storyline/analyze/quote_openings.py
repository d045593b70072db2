"""Which tokens of a document may open a cue, read from its token arrays in one pass.

Planning (``cue_sentences``) asks of every token of a document whether it opens a cue, and extraction
(``sentence_attributions``) asks it again of every token of a parsed sentence: nearly a million questions per
thousand articles, each a Python call that looks at the token's neighbours. Almost every answer is no, and
the word alone tells: a cue opens with a word of the cue table's lists ("according", "reportedly", "show") or with a
verb, noun or adjective whose lemma (or, for adjectives, whose word) is one of the table's. ``openings``
finds those few tokens with array operations (a lemma's spelling is read once per process), so the full
tests run on them alone. It must accept every token either test can accept: when a cue of a new shape is
added to the table, its first word belongs in one of the ``opening_*`` sets of ``CueTable``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import ADJ, NOUN, VERB
from spacy.strings import hash_string

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

    from storyline.analyze.quote_cues import CueTable


def openings(doc: Doc, table: CueTable) -> list[int]:
    """The indexes of the tokens of ``doc`` that may open a cue (a superset of the cues), in order."""
    if not len(doc):
        return []
    lower, lemma, pos = doc.to_array([LOWER, LEMMA, POS]).T
    may_open = np.isin(lower, _hashes(table.opening_words))
    adjectives = pos == ADJ
    may_open[adjectives] |= np.isin(lower[adjectives], _hashes(table.opening_adjectives))
    for tag, words in ((VERB, table.opening_verbs), (NOUN, table.opening_nouns)):
        chosen = pos == tag
        may_open[chosen] |= _lemma_listed(lemma[chosen], doc.vocab.strings, words)
    return np.flatnonzero(may_open).tolist()


@functools.cache
def _hashes(words: frozenset[str]) -> np.ndarray:
    """The string hashes of ``words``: a word's lower-case form is one of them exactly when it is listed."""
    return np.array(sorted(hash_string(word) for word in words), dtype=np.uint64)


def _lemma_listed(lemmas: np.ndarray, strings: StringStore, words: frozenset[str]) -> np.ndarray:
    """Whether each hashed lemma, lower-cased, is one of ``words``; each lemma read once per process."""
    known = _LEMMAS_SEEN.setdefault(words, {})
    found = [known[h] if h in known else _remember(h, strings, words, known) for h in lemmas.tolist()]
    return np.array(found, dtype=bool)


def _remember(lemma: int, strings: StringStore, words: frozenset[str], known: dict[int, bool]) -> bool:
    known[lemma] = listed = strings[lemma].lower() in words
    return listed


_LEMMAS_SEEN: dict[frozenset[str], dict[int, bool]] = {}  # per word set: lemma hash -> listed, lower-cased
