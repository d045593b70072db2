"""Word senses of event triggers that only the parse can tell apart.

A trigger word is typed from the lexicon before any parse, by its lemma alone. A few words name two different
happenings in news: "strike" is an attack ("a drone strike", "jets struck the depot") and a work stoppage ("the
nurses' strike", "the union called a strike", "dockworkers will strike over pay"). Labour news is common
enough that calling every strike an attack would put walkouts on a war timeline; the parse shows who strikes
and over what, which decides the sense.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from storyline.analyze.event_context import OBJECT_DEPS, SUBJECT_DEPS, Lexicon, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STOPPAGE_TYPE = "PROTEST"  # PLOVER files strikes and walkouts under PROTEST
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "nummod"})
GOVERNOR_DEPS = frozenset({"dobj", "obj", "pobj", "prep", "attr", "nsubj", "nsubjpass"})
MOTIVE_PREPS = frozenset({"over", "for", "by"})  # "strike over pay", "a strike by nurses"


def work_stoppage(lex: Lexicon, parse: Doc, trigger: Trigger) -> Trigger:
    """``trigger`` as a PROTEST when it is a stoppage word (``lex.stoppage_words``) that the parse shows to be
    a work stoppage (``is_stoppage``); else as the lexicon made it."""
    token = parse[trigger.index]
    if trigger.words or token.lemma_.lower() not in lex.stoppage_words:
        return trigger
    if any(c.dep_ in OBJECT_DEPS for c in token.children):  # workers strike; "the driver struck her" hit her
        return trigger
    return dataclasses.replace(trigger, type=STOPPAGE_TYPE) if is_stoppage(lex, token) else trigger


def is_stoppage(lex: Lexicon, token: Token) -> bool:
    """Whether workers, a union or pay (``lex.stoppage_signs``) strike here, or the strike is a stoppage's kind.

    The signs count as the striking verb's subject, as a modifier of the noun ("the teachers' strike", "a
    rail workers strike"), as the object of "over"/"for"/"by" ("a strike by nurses", "strike over pensions"),
    as the subject of the verb the noun completes ("the union called a strike", "nurses went on strike"), or as
    the noun a "striking" describes ("striking miners"). A length or reach (``lex.stoppage_modifiers``)
    modifying the noun ("a 48-hour strike", "a nationwide strike") or a protest coordinated with it ("strikes
    and demonstrations") is a sign too.
    """
    modifiers = [c for c in token.children if c.dep_ in MODIFIER_DEPS]
    if any(m.lemma_.lower() in lex.stoppage_modifiers for c in modifiers for m in (c, *c.children)):
        return True
    if any(lex.nouns.get(c.lemma_.lower()) == STOPPAGE_TYPE for c in token.conjuncts):
        return True
    return any(_is_sign(lex, word) for word in _signs_around(token, modifiers))


def _signs_around(token: Token, modifiers: list[Token]) -> list[Token]:
    """The words that say who strikes or why: modifiers, motive objects and the subjects above."""
    words = list(modifiers)
    if token.dep_ == "amod":  # "striking workers"
        words.append(token.head)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in MOTIVE_PREPS):
        words.extend(c for c in prep.children if c.dep_ == "pobj")
    words.extend(_subjects(token))
    head = token
    while head.dep_ in GOVERNOR_DEPS and head.head is not head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
        words.extend(_subjects(head))
    return words


def _subjects(token: Token) -> list[Token]:
    """``token``'s subjects with their own modifiers ("rail workers", "the teachers' union")."""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    return subjects + [m for s in subjects for m in s.children if m.dep_ in MODIFIER_DEPS]


def _is_sign(lex: Lexicon, word: Token) -> bool:
    return word.lemma_.lower() in lex.stoppage_signs or word.lower_ in lex.stoppage_signs
