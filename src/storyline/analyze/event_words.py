"""A parsed sentence as plain Python records, read from spaCy's token arrays once per sentence.

The event rules (``events``, ``event_senses``, ``event_roles``, ``event_time``) ask each word of a parsed
sentence for its labels and links many times over: a trigger's children are walked by a dozen sense checks,
its anchors by the roles, the place and the status. Each such question of a spaCy ``Token`` decodes a string
or makes a new generator of new ``Token`` lookups (``token.children`` costs about half a microsecond); here
the labels are plain attributes and the children a tuple, built once per parse from ``Doc.to_array``.

``Word`` answers the part of spaCy's ``Token`` interface the event rules read, with the same values; what
they ask rarely (the edges of a subtree, conjuncts, lexical flags) is asked of the spaCy token itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Parse", "Word", "lemmas_and_tags"]

IOB_STRINGS = ("", "I", "O", "B")  # spaCy's ENT_IOB codes as ``Token.ent_iob_`` spells them
_COLUMNS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "ENT_IOB", "SPACY", "HEAD")
HALF_RANGE, FULL_RANGE = 2**63, 2**64  # a head offset comes as an unsigned 64-bit number


class Word:
    """One word of a parsed sentence with the labels and links the event rules read (as ``Token`` names them)."""

    __slots__ = (
        "children",
        "dep_",
        "doc",
        "ent_iob_",
        "ent_type_",
        "head",
        "i",
        "idx",
        "lemma_",
        "lower_",
        "pos_",
        "tag_",
        "text",
        "whitespace_",
    )

    i: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    ent_type_: str
    ent_iob_: str
    whitespace_: str
    idx: int
    head: Word
    children: tuple[Word, ...]
    doc: Parse

    @property
    def lefts(self) -> list[Word]:
        i = self.i
        return [c for c in self.children if c.i < i]

    @property
    def rights(self) -> list[Word]:
        i = self.i
        return [c for c in self.children if c.i > i]

    @property
    def subtree(self) -> Iterator[Word]:
        """The word and everything under it, in the order ``Token.subtree`` gives them."""
        for word in self.lefts:
            yield from word.subtree
        yield self
        for word in self.rights:
            yield from word.subtree

    @property
    def left_edge(self) -> Word:
        return self.doc[self.doc.spacy[self.i].left_edge.i]

    @property
    def right_edge(self) -> Word:
        return self.doc[self.doc.spacy[self.i].right_edge.i]

    @property
    def conjuncts(self) -> tuple[Word, ...]:
        return tuple(self.doc[t.i] for t in self.doc.spacy[self.i].conjuncts)

    @property
    def is_punct(self) -> bool:
        return bool(self.doc.spacy[self.i].is_punct)

    @property
    def is_quote(self) -> bool:
        return bool(self.doc.spacy[self.i].is_quote)

    @property
    def is_alpha(self) -> bool:
        return bool(self.doc.spacy[self.i].is_alpha)

    def nbor(self, offset: int = 1) -> Word:
        return self.doc[self.i + offset]

    def __repr__(self) -> str:
        return self.text


class Parse(list[Word]):
    """A parsed sentence (``Parsed.parse``, or a headline's re-reading) as ``Word`` records, indexed as the Doc.

    A list of its words: the rules look a word up by its index over a hundred thousand times per hundred
    documents, and a list answers ``parse[i]`` without a call into Python."""

    __slots__ = ("spacy",)

    def __init__(self, doc: Doc) -> None:
        super().__init__(_words(doc, self))
        self.spacy = doc

    def release(self) -> None:
        """Unlink the words (from their heads, children and this parse), so that they are freed as soon as the
        caller is done, not left for the garbage collector."""
        for word in self:
            del word.head, word.children, word.doc
        self.clear()


def _words(doc: Doc, parse: Parse) -> list[Word]:
    """One ``Word`` per token from one ``to_array`` call, then the heads and children linked.

    Built for every parsed sentence with a trigger, so kept to one pass over plain lists: each string hash is
    a single lookup in the vocabulary's ``_Strings``."""
    strings, names = _strings_of(doc.vocab.strings), _pos_names()
    rows = doc.to_array(_column_ids()).tolist()
    words: list[Word] = []
    heads: list[int] = []
    offset = 0
    for i, (orth, lower, lemma, pos, tag, dep, ent_type, iob, space, head) in enumerate(rows):
        word = Word()
        text = word.text = strings[orth]
        word.i, word.doc, word.idx = i, parse, offset
        word.lower_, word.lemma_ = strings[lower], strings[lemma]
        word.tag_, word.dep_ = strings[tag], strings[dep]
        word.pos_, word.ent_type_, word.ent_iob_ = names[pos], strings[ent_type], IOB_STRINGS[iob]
        word.whitespace_ = " " if space else ""
        offset += len(text) + space
        words.append(word)
        heads.append(i + head if head < HALF_RANGE else i + head - FULL_RANGE)  # a negative offset wraps
    kids: list[list[Word]] = [[] for _ in words]
    for word, head in zip(words, heads, strict=True):
        word.head = words[head]
        if head != word.i:
            kids[head].append(word)
    for word, children in zip(words, kids, strict=True):
        word.children = tuple(children)
    return words


def lemmas_and_tags(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's lemma in lower case and its coarse part of speech ("VERB", "NOUN"…), as the lexicon is
    looked up in (``events.find_triggers``), from one ``to_array`` call.

    The trigger search reads them for every word of every document: a table of lower-cased lemmas kept per
    process, read with ``map``, takes about half the time of lower-casing each word's lemma on the way."""
    from spacy.attrs import LEMMA, POS

    lemmas, tags = doc.to_array([LEMMA, POS]).T.tolist()
    return list(map(_lower_strings_of(doc.vocab.strings).__getitem__, lemmas)), list(
        map(_pos_names().__getitem__, tags)
    )


@functools.cache
def _column_ids() -> list[int]:
    """The spaCy attribute ids of ``_COLUMNS``."""
    from spacy.attrs import IDS

    return [IDS[name] for name in _COLUMNS]


class _Strings(dict[int, str]):
    """String hash -> its text, each hash looked up in the vocabulary's string ``store`` once per process."""

    def __init__(self, store: Any) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, value: int) -> str:
        text = self[value] = self.store[value] if value else ""
        return text


@functools.cache
def _strings_of(store: Any) -> _Strings:
    """The ``_Strings`` of one vocabulary's string store: one per loaded model, so that a model's words are never
    looked up in another's store (two languages analyzed in two threads)."""
    return _Strings(store)


class _LowerStrings(_Strings):
    """String hash -> its text in lower case, each hash lowered once per process."""

    def __missing__(self, value: int) -> str:
        text = self[value] = self.store[value].lower() if value else ""
        return text


@functools.cache
def _lower_strings_of(store: Any) -> _LowerStrings:
    """The ``_LowerStrings`` of one vocabulary's string store (see ``_strings_of``)."""
    return _LowerStrings(store)


@functools.cache
def _pos_names() -> dict[int, str]:
    """spaCy's coarse part-of-speech names by number, as ``Token.pos_`` spells them."""
    from spacy.parts_of_speech import NAMES

    return dict(NAMES)
