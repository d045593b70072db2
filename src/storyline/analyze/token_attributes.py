"""A faster stand-in for spaCy's ``attribute_ruler``: the same rules, applied by dictionary lookup.

The English models map fine-grained tags to coarse POS, morphology and a few lemmas with an ``AttributeRuler``
(a token ``Matcher`` over ~180 patterns). On news text it costs about as much as the tagger and lemmatizer
together, although nearly every pattern looks at one token's tag and lower-case form only. :class:`FastRuler`
reads the ruler's own patterns at load time and applies them with a per-(word, tag) cache, with the same
precedence (a later pattern overrides an earlier one). Patterns on dependency labels cannot match before a
parse, exactly as in the original, and are dropped. ``tests/test_entities.py`` checks the output is identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc, Token

Test = Callable[[Any], bool]
SUPPORTED = frozenset({"TAG", "LOWER", "IS_SPACE"})


@dataclass(frozen=True)
class Rule:
    index: int  # position in the ruler: later rules win
    tests: tuple[tuple[tuple[str, Test], ...], ...]  # per pattern token: (attribute, test)
    target: int  # which matched token gets the attributes
    attrs: Mapping[str, str]


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


def _value(token: Token, key: str) -> Any:
    if key == "TAG":
        return token.tag_
    if key == "LOWER":
        return token.lower_
    return token.is_space


class FastRuler:
    """Apply an ``AttributeRuler``'s parse-independent patterns to a tagged ``Doc``."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.single: list[Rule] = []
        self.multi: list[Rule] = []
        for index, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if any(not set(tok) <= SUPPORTED for tok in pattern):
                    continue  # needs a dependency label: never matches before a parse
                tests = tuple(tuple((k, _test(v)) for k, v in tok.items()) for tok in pattern)
                rule = Rule(index, tests, entry.get("index", 0), entry["attrs"])
                (self.single if len(pattern) == 1 else self.multi).append(rule)
        self._multi_by_first: dict[str, tuple[Rule, ...]] = {}
        self._multi_any: tuple[Rule, ...] = ()
        for rule in self.multi:
            first = dict(ruler.patterns[rule.index]["patterns"][0][0]).get("LOWER")
            if isinstance(first, str):
                self._multi_by_first[first] = (*self._multi_by_first.get(first, ()), rule)
            else:
                self._multi_any = (*self._multi_any, rule)
        self._cache: dict[tuple[str, str, bool], list[tuple[int, Mapping[str, str]]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        hits: dict[int, list[tuple[int, Mapping[str, str]]]] = {}
        for token in doc:
            for rule in self._multi_by_first.get(token.lower_, ()) + self._multi_any:
                width = len(rule.tests)
                start = token.i
                if start + width <= len(doc) and all(
                    self._matches(doc[start + k], rule.tests[k]) for k in range(width)
                ):
                    hits.setdefault(start + rule.target, []).append((rule.index, rule.attrs))
        for token in doc:
            found = self._single(token)
            extra = hits.get(token.i)
            if extra:
                found = sorted(found + extra, key=lambda pair: pair[0])
            for _, attrs in found:
                _set(token, attrs)
        return doc

    def _single(self, token: Token) -> list[tuple[int, Mapping[str, str]]]:
        key = (token.lower_, token.tag_, token.is_space)
        found = self._cache.get(key)
        if found is None:
            found = [(r.index, r.attrs) for r in self.single if self._matches(token, r.tests[0])]
            self._cache[key] = found
        return found

    @staticmethod
    def _matches(token: Token, tests: tuple[tuple[str, Test], ...]) -> bool:
        return all(test(_value(token, key)) for key, test in tests)


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
