"""Cues carried by a noun: a verb with its object noun ("made the case that …", "took aim at X", "expressed
concern about Y") and a noun with its preposition ("a call for a ban", "her criticism of the plan").

Each function reads tokens already tagged or parsed (no parse of its own) and returns token ranges; the
attribution around them (speaker, record) is built by ``quote_attributions``. Ranges are inclusive token
indexes of one parsed sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from storyline.analyze.quote_spans import VERBAL_POS, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.quote_cues import CueTable

NOUN_CUE_DEPS = frozenset({"det", "amod"})  # "a call for", "direct criticism of": part of a noun's cue
LIGHT_CLAUSE_DEPS = frozenset({"ccomp", "acl", "relcl", "advcl", "xcomp"})  # "made the point that …"
MAX_LIGHT_GAP = 4  # words between a verb and its noun ("made several controversial statements")
TIME_ENTITIES = frozenset({"DATE", "TIME"})  # "made comments on Tuesday": the day is no content


class NounCue(NamedTuple):
    """A noun's cue, its content and the possessor that names the source (token ranges, inclusive)."""

    cue: tuple[int, int]
    content: tuple[int, int]
    owner: Token | None


def light_noun_ahead(verb: Token, table: CueTable) -> bool:
    """A noun that makes ``verb`` a cue with it ("made the case", "took a shot") within the next few words,
    read from the tags alone (planning): the parse decides whether it is the verb's object."""
    if verb.pos_ != "VERB":
        return False
    for word in verb.doc[verb.i + 1 : verb.i + MAX_LIGHT_GAP + 1]:
        if _light_pair(verb, word, table):
            return True
        if word.is_punct or word.pos_ in VERBAL_POS:
            return False
    return False


def light_noun(verb: Token, table: CueTable) -> Token | None:
    """The object noun that states something with ``verb`` ("made *the case*", "expressed *concern*"), or
    ``None``."""
    return next((c for c in verb.rights if c.dep_ == "dobj" and _light_pair(verb, c, table)), None)


def _light_pair(verb: Token, noun: Token, table: CueTable) -> bool:
    """Whether ``verb`` and ``noun`` (as written or as its lemma: "remarks", "remark") are a light-noun cue."""
    lemma = verb.lemma_.lower()
    return (lemma, noun.lower_) in table.light_nouns or (lemma, noun.lemma_.lower()) in table.light_nouns


def light_reading(
    doc: Doc, verb: Token, noun: Token, table: CueTable
) -> tuple[tuple[int, int] | None, int] | None:
    """ "She made the case that …", "took aim at Trump", "expressed concern about X": the content and the
    end of the cue, which runs from the verb group over the noun when a clause follows (its that-clause or
    infinitive), else over the noun and the preposition whose object is the content ("made the case to voters
    that …" keeps the addressee out). ``None`` when the verb is to be read as usual: without a clause or a
    preposition, and for a stance verb whose noun has a possessor or an adjective ("expressed their support
    for X": PolNeAR's cue is "expressed", the content the whole object)."""
    clauses = [
        c
        for head in (noun, verb)
        for c in head.rights
        if c.i > noun.i and c.dep_ in LIGHT_CLAUSE_DEPS and clause_opening(c, table)
    ]
    following = [c for c in noun.rights if c.dep_ == "prep"] + [
        c
        for c in verb.rights
        if c.i == noun.i + 1 and c.dep_ == "prep"  # "took aim at"
    ]
    prep = following[0] if following and following[0].lower_ in table.light_preps else None  # not "to … in"
    target = (
        next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
    )
    modified = any(
        c.dep_ in {"poss", "amod"} for c in noun.lefts
    )  # "expressed their support", "… grave concern"
    if modified and verb.lemma_.lower() in table.all_verbs:
        return None
    if clauses:
        return trim(doc, clauses[0].left_edge.i, clauses[0].right_edge.i), noun.i
    if prep is not None and target is not None and target.ent_type_ not in TIME_ENTITIES:
        return trim(doc, target.left_edge.i, target.right_edge.i), prep.i
    return None


def clause_opening(clause: Token, table: CueTable) -> bool:
    """A clause opened by "that" (not a relative "that" standing for the noun) or by the "to" of an
    infinitive ("a desire to run")."""
    first = clause.left_edge
    if first.lower_ in table.that:
        return first.dep_ == "mark"
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def noun_prep(noun: Token, table: CueTable) -> Token | None:
    """The preposition right after a cue noun that takes one ("a call for", "criticism of"), if any."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or following.head.i != noun.i:
        return None
    pair = (noun.lemma_.lower(), following.lower_)
    if pair in table.owned_noun_preps and any(c.dep_ == "poss" for c in noun.children):
        return following
    return following if pair in table.noun_preps else None


def noun_prep_reading(noun: Token, table: CueTable) -> NounCue | None:
    """ "Her call for a ban", "direct criticism of Trump": the noun with its modifiers and preposition is
    the cue (as PolNeAR marks it), the preposition's object the content, the possessor the source."""
    prep = noun_prep(noun, table)
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}] if prep is not None else []
    if prep is None or not objects:
        return None
    content = trim(noun.doc, objects[0].left_edge.i, objects[0].right_edge.i)
    if content is None:
        return None
    modifiers = [c.left_edge.i for c in noun.children if c.i < noun.i and c.dep_ in NOUN_CUE_DEPS]
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return NounCue((min(modifiers, default=noun.i), prep.i), content, owners[0] if owners else None)
