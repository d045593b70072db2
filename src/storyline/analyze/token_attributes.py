"""A faster stand-in for spaCy's ``attribute_ruler``: the same rules, applied by dictionary lookup.

The English models map fine-grained tags to coarse POS, morphology and a few lemmas with an ``AttributeRuler``
(a token ``Matcher`` over ~180 patterns). On news text it costs about as much as the tagger and lemmatizer
together, although nearly every pattern looks at one token's tag and lower-case form only. :class:`FastRuler`
reads the ruler's own patterns at load time and applies them through token arrays, cached per (word, tag)
row, with the same precedence (a later pattern overrides an earlier one); a pattern for given words is only
tried on those words (``nlp`` adds 65 for verb lemmas). Patterns on dependency labels cannot
match before a parse, exactly as in the original, and are dropped. ``tests/test_entities.py`` checks the
output is identical.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

Test = Callable[[Any], bool]
SUPPORTED = frozenset({"TAG", "LOWER", "IS_SPACE"})
SET_ATTRIBUTE_NAMES = ("POS", "TAG", "LEMMA", "MORPH")  # what the English rulers set
ROW_CACHE_LIMIT = 200_000  # distinct (word, tag) rows remembered; ~40 MB, then the cache starts again


@functools.lru_cache(maxsize=1)
def _set_attribute_ids() -> list[int]:
    from spacy.attrs import IDS

    return [IDS[name] for name in SET_ATTRIBUTE_NAMES]


@dataclass(frozen=True)
class Rule:
    index: int  # position in the ruler: later rules win
    tests: tuple[tuple[tuple[str, Test], ...], ...]  # per pattern token: (attribute, test)
    target: int  # which matched token gets the attributes
    attrs: Mapping[str, str]
    words: tuple[str | None, ...]  # per pattern token: the literal lower-case word it must be, if any
    word_set: frozenset[str] | None  # for a one-token pattern: the lower-case words it can match, if limited
    only_tag: str | None  # for a one-token pattern that tests nothing but its tag: the tag it must be


def _test(value: Any) -> Test:
    if isinstance(value, dict):
        if "IN" in value:
            allowed = frozenset(value["IN"])
            return lambda v: v in allowed
        if "NOT_IN" in value:
            banned = frozenset(value["NOT_IN"])
            return lambda v: v not in banned
        if "REGEX" in value:
            pattern = re.compile(value["REGEX"])
            return lambda v: bool(pattern.search(v))
        raise ValueError(f"unsupported pattern operator {value}")
    return lambda v: v == value


class FastRuler:
    """Apply an ``AttributeRuler``'s parse-independent patterns to a tagged ``Doc``."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.strings import hash_string

        self.single: list[Rule] = []
        self.multi: list[Rule] = []
        for index, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if any(not set(tok) <= SUPPORTED for tok in pattern):
                    continue  # needs a dependency label: never matches before a parse
                tests = tuple(tuple((k, _test(v)) for k, v in tok.items()) for tok in pattern)
                words = tuple(w if isinstance(w := tok.get("LOWER"), str) else None for tok in pattern)
                word_set = _word_set(pattern[0].get("LOWER")) if len(pattern) == 1 else None
                tag = pattern[0].get("TAG")
                only_tag = (
                    tag
                    if len(pattern) == 1 and pattern[0].keys() == {"TAG"} and isinstance(tag, str)
                    else None
                )
                rule = Rule(index, tests, entry.get("index", 0), entry["attrs"], words, word_set, only_tag)
                (self.single if len(pattern) == 1 else self.multi).append(rule)
        self._single_by_word: dict[str, list[Rule]] = {}  # one-token rules limited to some words, by word
        # one-token rules on any word: most only test that the tag is one value (56 of 59 in the English
        # models), so a new word tries only the rules for its own tag instead of every tag's
        self._single_by_tag: dict[str, list[Rule]] = {}
        self._single_any: list[Rule] = []
        for rule in self.single:
            for word in rule.word_set or ():
                self._single_by_word.setdefault(word, []).append(rule)
            if rule.word_set is None and rule.only_tag is not None:
                self._single_by_tag.setdefault(rule.only_tag, []).append(rule)
            elif rule.word_set is None:
                self._single_any.append(rule)
        # keyed by the hash of one literal word (the LOWER value ``Doc.to_array`` gives), so the document's
        # tokens are looked up from an array instead of a ``Token`` object each
        self._multi_by_word: dict[int, tuple[tuple[Rule, int], ...]] = {}
        self._multi_any: tuple[Rule, ...] = ()
        for rule in self.multi:
            literal = next((k for k, word in enumerate(rule.words) if word is not None), None)
            if literal is None:
                self._multi_any = (*self._multi_any, rule)
                continue
            key = hash_string(rule.words[literal])
            self._multi_by_word[key] = (*self._multi_by_word.get(key, ()), (rule, literal))
        self._cache: dict[tuple[str, str, bool], list[tuple[int, Mapping[str, str]]]] = {}
        self._row_cache: dict[tuple[int, ...], tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set POS, TAG, LEMMA and MORPH as the ruler would, through arrays: one dictionary lookup per token
        for the single-token rules (cached per word form and current values), token objects only where a
        multi-token rule matches."""
        from spacy.attrs import IS_SPACE, LOWER, TAG

        rows = doc.to_array([LOWER, TAG, IS_SPACE, *_set_attribute_ids()]).tolist()
        hits = self._multi_hits(doc, [row[0] for row in rows])
        cache = self._row_cache
        if len(cache) > ROW_CACHE_LIMIT:
            cache.clear()
        values = []
        for i, row in enumerate(map(tuple, rows)):
            new = cache.get(row) if i not in hits else row[3:]
            if new is None:
                new = cache[row] = self._single_row(doc, row)
            values.append(new)
        doc.from_array(_set_attribute_ids(), numpy.array(values, dtype="uint64"))
        for i, extra in hits.items():
            token = doc[i]
            for _, attrs in sorted(self._single(token) + extra, key=lambda pair: pair[0]):
                _set(token, attrs)
        return doc

    def _single_row(self, doc: Doc, row: tuple[int, ...]) -> tuple[int, ...]:
        """The (POS, TAG, LEMMA, MORPH) values after the single-token rules, for a token whose (LOWER, TAG,
        IS_SPACE, POS, TAG, LEMMA, MORPH) array row is ``row``."""
        strings = doc.vocab.strings
        key = (strings[row[0]], strings[row[1]] if row[1] else "", bool(row[2]))
        found = {name: old for name, old in zip(SET_ATTRIBUTE_NAMES, row[3:], strict=True)}
        for _, attrs in self._single_for(key):
            for name, value in attrs.items():
                if name in found:
                    found[name] = _array_value(doc, name, value)
        return tuple(found[name] for name in SET_ATTRIBUTE_NAMES)

    def _multi_hits(self, doc: Doc, lowers: list[int]) -> dict[int, list[tuple[int, Mapping[str, str]]]]:
        """Multi-token rule matches, by the token that gets their attributes; only tokens that are a rule's
        literal word are tried (the English rules all have one). ``lowers``: each token's LOWER hash."""
        hits: dict[int, list[tuple[int, Mapping[str, str]]]] = {}
        by_word = self._multi_by_word
        candidates = [(rule, i - at) for i, lower in enumerate(lowers) for rule, at in by_word.get(lower, ())]
        if self._multi_any:
            candidates += [(rule, i) for i in range(len(doc)) for rule in self._multi_any]
        for rule, start in candidates:
            width = len(rule.tests)
            if (
                start >= 0
                and start + width <= len(doc)
                and all(self._matches(doc[start + k], rule.tests[k]) for k in range(width))
            ):
                hits.setdefault(start + rule.target, []).append((rule.index, rule.attrs))
        return hits

    def _single_for(self, key: tuple[str, str, bool]) -> list[tuple[int, Mapping[str, str]]]:
        found = self._cache.get(key)
        if found is None:
            lower, tag, is_space = key
            tried = [
                *self._single_by_word.get(lower, ()),
                *self._single_by_tag.get(tag, ()),
                *self._single_any,
            ]
            rules = sorted(tried, key=lambda r: r.index)
            found = [(r.index, r.attrs) for r in rules if _matches_values(lower, tag, is_space, r.tests[0])]
            self._cache[key] = found
        return found

    def _single(self, token: Token) -> list[tuple[int, Mapping[str, str]]]:
        return self._single_for((token.lower_, token.tag_, token.is_space))

    @staticmethod
    def _matches(token: Token, tests: tuple[tuple[str, Test], ...]) -> bool:
        return _matches_values(token.lower_, token.tag_, token.is_space, tests)


def _word_set(value: Any) -> frozenset[str] | None:
    """The words a pattern token's LOWER test can match: one literal or an ``IN`` list; ``None`` when any."""
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, dict) and "IN" in value:
        return frozenset(value["IN"])
    return None


def _matches_values(lower: str, tag: str, is_space: bool, tests: tuple[tuple[str, Test], ...]) -> bool:
    """Whether a token with these attributes passes every test of one pattern token."""
    values = {"LOWER": lower, "TAG": tag, "IS_SPACE": is_space}
    return all(test(values[key]) for key, test in tests)


def _array_value(doc: Doc, name: str, value: str) -> int:
    """The integer ``Doc.from_array`` takes for attribute ``name`` set to ``value``."""
    if name == "MORPH":
        return doc.vocab.morphology.add(value)
    if name == "POS":
        from spacy.parts_of_speech import IDS as POS_IDS

        return POS_IDS[value]
    return doc.vocab.strings.add(value)


def _set(token: Token, attrs: Mapping[str, str]) -> None:
    for key, value in attrs.items():
        if key == "POS":
            token.pos_ = value
        elif key == "TAG":
            token.tag_ = value
        elif key == "LEMMA":
            token.lemma_ = value
        elif key == "MORPH":
            token.set_morph(value)


class FastLemmatizer:
    """spaCy's lemmatizer applied through arrays: its own ``lemmatize`` runs once per distinct (word, POS,
    morphology), later tokens take the cached lemma. Same output; a rule lemmatizer's result depends on
    nothing else, and lemmas the attribute ruler set are kept unless the lemmatizer overwrites."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not self.lemmatizer._validated:
            return self.lemmatizer(doc)  # the first call validates the tables, with spaCy's own error
        cache = self._cache
        if len(cache) > ROW_CACHE_LIMIT:
            cache.clear()
        overwrite = self.lemmatizer.overwrite
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = cache[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(found)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc
