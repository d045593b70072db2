"""Cues carried by a noun or an adjective: a verb with its object noun ("made the case that …", "took aim at
X", "expressed concern about Y"), a noun with its preposition ("a call for a ban", "her criticism of the plan")
and an adjective of stance or belief with its preposition or that-clause ("were critical of X", "officials angry
about Y", "is confident that …").

Each function reads tokens already tagged or parsed (no parse of its own) and returns token ranges; the
attribution around them (speaker, record) is built by ``quote_attributions``. Ranges are inclusive token
indexes of one parsed sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from storyline.analyze.event_context import lexicon as event_lexicon
from storyline.analyze.event_senses import market_quantity
from storyline.analyze.quote_contents import content_of
from storyline.analyze.quote_spans import (
    SUBJECT_DEPS,
    TIME_ENTITIES,
    VERBAL_POS,
    quote_mark,
    to_infinitive,
    trim,
    verb_group_start,
)
from storyline.analyze.quote_trees import children, lefts, rights

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.quote_cues import CueTable

NOUN_CUE_DEPS = frozenset({"det", "amod"})  # "a call for", "direct criticism of": part of a noun's cue
LIGHT_CLAUSE_DEPS = frozenset({"ccomp", "acl", "relcl", "advcl", "xcomp"})  # "made the point that …"
MAX_LIGHT_GAP = 4  # words between a verb and its noun ("made several controversial statements")
# what an adjective after a noun may describe ("officials angry about")
NOUN_HEADS = frozenset({"NOUN", "PROPN"})


class AdjectiveCue(NamedTuple):
    """An adjective's cue and content, with the noun holding the stance or the verb whose subject holds it."""

    cue: tuple[int, int]
    content: tuple[int, int]
    holder: Token | None
    verb: Token | None


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
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.i + MAX_LIGHT_GAP + 1, len(doc))):  # no Span: asked in planning
        word = doc[i]
        if _light_pair(verb, word, table):
            return True
        if word.is_punct or word.pos_ in VERBAL_POS:
            return False
    return False


def light_noun(verb: Token, table: CueTable) -> Token | None:
    """The object noun that states something with ``verb`` ("made *the case*", "expressed *concern*"), or
    ``None``."""
    return next((c for c in rights(verb) if c.dep_ == "dobj" and _light_pair(verb, c, table)), None)


def _light_pair(verb: Token, noun: Token, table: CueTable) -> bool:
    """Whether ``verb`` and ``noun`` (as written or as its lemma: "remarks", "remark") are a light-noun cue."""
    lemma = verb.lemma_.lower()
    return (lemma, noun.lower_) in table.light_nouns or (lemma, noun.lemma_.lower()) in table.light_nouns


def light_reading(
    doc: Doc, verb: Token, noun: Token, table: CueTable
) -> tuple[tuple[int, int] | None, int] | None:
    """ "She made the case that …", "took aim at Trump", "expressed concern about X": the content and the
    end of the cue, which runs from the verb group over the noun when a clause follows (its that-clause or
    infinitive), or over a cue participle hung on the noun ("issued a statement saying that …", the participle's
    content), else over the noun and the preposition whose object is the content ("made the case to voters
    that …" keeps the addressee out). ``None`` when the verb is to be read as usual: without a clause or a
    preposition, and for a stance verb whose noun has a possessor or an adjective ("expressed their support
    for X": PolNeAR's cue is "expressed", the content the whole object)."""
    clauses = [
        c
        for head in (noun, verb)
        for c in rights(head)
        if c.i > noun.i and c.dep_ in LIGHT_CLAUSE_DEPS and clause_opening(c, table)
    ]
    following = [c for c in rights(noun) if c.dep_ == "prep"] + [
        c
        for c in rights(verb)
        if c.i == noun.i + 1 and c.dep_ == "prep"  # "took aim at"
    ]
    prep = following[0] if following and following[0].lower_ in table.light_preps else None  # not "to … in"
    target = (
        next((g for g in children(prep) if g.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
    )
    modified = any(
        c.dep_ in {"poss", "amod"} for c in lefts(noun)
    )  # "expressed their support", "… grave concern"
    if modified and verb.lemma_.lower() in table.all_verbs:
        return None
    if clauses:
        return trim(doc, clauses[0].left_edge.i, clauses[0].right_edge.i), noun.i
    reporting = _reporting_participle(noun, table)
    content = content_of(doc, reporting, table) if reporting is not None else None
    if reporting is not None and content is not None and not quote_mark(doc[content[0] - 1]):
        return content, reporting.i  # "issued a statement saying that …"; a quotation stays the participle's
    if prep is not None and target is not None and target.ent_type_ not in TIME_ENTITIES:
        return trim(doc, target.left_edge.i, target.right_edge.i), prep.i
    return None


def _reporting_participle(noun: Token, table: CueTable) -> Token | None:
    """The cue participle after a noun of statement ("a statement *saying* …", "a letter *calling* …")."""
    return next(
        (
            c
            for c in rights(noun)
            if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in table.all_verbs
        ),
        None,
    )


def clause_opening(clause: Token, table: CueTable) -> bool:
    """A clause opened by "that" (not a relative "that" standing for the noun) or by the "to" of an
    infinitive ("a desire to run")."""
    first = clause.left_edge
    if first.lower_ in table.that:
        return first.dep_ == "mark"
    return to_infinitive(clause)


def noun_prep(noun: Token, table: CueTable) -> Token | None:
    """The preposition right after a cue noun that takes one ("a call for", "criticism of"), if any."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or following.head.i != noun.i:
        return None
    pair = (noun.lemma_.lower(), following.lower_)
    if pair in table.owned_noun_preps and any(c.dep_ == "poss" for c in children(noun)):
        return following
    return following if pair in table.noun_preps and not _market(noun) else None


def _market(noun: Token) -> bool:
    """A market quantity, no demand made ("weak demand for electric cars", "cut demand for exports"): the
    event lexicon's test (``event_senses.market_quantity``)."""
    lex = event_lexicon(noun.doc.lang_)
    return lex is not None and market_quantity(lex, noun)


def noun_prep_reading(noun: Token, table: CueTable) -> NounCue | None:
    """ "Her call for a ban", "direct criticism of Trump": the noun with its modifiers and preposition is
    the cue (as PolNeAR marks it), the preposition's object the content, the possessor the source."""
    prep = noun_prep(noun, table)
    objects = [c for c in children(prep) if c.dep_ in {"pobj", "pcomp"}] if prep is not None else []
    if prep is None or not objects:
        return None
    content = trim(noun.doc, objects[0].left_edge.i, objects[0].right_edge.i)
    if content is None:
        return None
    owners = [c for c in children(noun) if c.dep_ == "poss"]
    return NounCue((noun_cue_start(noun), prep.i), content, owners[0] if owners else None)


def noun_cue_start(noun: Token) -> int:
    """Where a cue noun's span starts: at its article and adjectives ("a call for", "an assertion that", "his
    stern warning that"; PolNeAR keeps the article in 140 of the 144 "a/an/the" + statement noun cues on
    train), not at its possessor, the source. A name or a number among them ("a CNN report", "the 1999
    admission") names the source or the time, not the statement: the noun alone is the cue then."""
    modifiers = [c.left_edge.i for c in children(noun) if c.i < noun.i and c.dep_ in NOUN_CUE_DEPS]
    start = min(modifiers, default=noun.i)
    others = [c for c in lefts(noun) if c.i >= start and c.dep_ not in NOUN_CUE_DEPS]
    return noun.i if others else start


def adjective_cue_ahead(adjective: Token, table: CueTable) -> bool:
    """An adjective of stance with its preposition ("critical of", "worried about") or of belief before "that"
    ("confident that") or of intention before an infinitive ("eager to"), from the tags alone."""
    doc = adjective.doc
    if adjective.pos_ != "ADJ" or adjective.i + 1 >= len(doc):
        return False
    following = doc[adjective.i + 1].lower_
    if adjective.lower_ in table.adjective_clauses and following in table.that:
        return True
    if adjective.lower_ in table.adjective_infinitives and following == "to":
        return True
    return (adjective.lower_, following) in table.adjective_preps


def adjective_reading(adjective: Token, table: CueTable) -> AdjectiveCue | None:
    """ "Republicans have been critical of her emails", "officials angry about the mandates", "many of them
    deeply skeptical about him", "aides were confident that he would win": the preposition's object or the
    that-clause is the content; the cue runs over the adjective (with its adverbs) and the preposition, from the
    group of the verb it completes when there is one, as PolNeAR marks it. The holder is the verb's subject
    (left to the caller), the noun the adjective follows, or the adjective's own subject."""
    if not adjective_cue_ahead(adjective, table):
        return None
    found = _adjective_content(adjective, table)
    if found is None:
        return None
    content, end = found
    head = adjective.head
    if adjective.dep_ == "acomp" and head.pos_ in VERBAL_POS and head.i < adjective.i:
        return AdjectiveCue((verb_group_start(head), end), content, None, head)
    adverbs = [c.left_edge.i for c in children(adjective) if c.dep_ == "advmod" and c.i < adjective.i]
    start = min(adverbs, default=adjective.i)
    subjects = [c for c in children(adjective) if c.dep_ in SUBJECT_DEPS and c.i < adjective.i]
    if subjects:  # "many of them deeply skeptical about him"
        return AdjectiveCue((start, end), content, subjects[0], None)
    if adjective.dep_ == "amod" and head.pos_ in NOUN_HEADS and head.i < adjective.i:  # "officials angry"
        return AdjectiveCue((start, end), content, head, None)
    return None


def _adjective_content(adjective: Token, table: CueTable) -> tuple[tuple[int, int], int] | None:
    """The content of an adjective cue (its preposition's object or its that-clause, hung on the adjective or
    on the verb it completes) and the end of the cue (the preposition, or the adjective before a clause)."""
    doc, following = adjective.doc, adjective.doc[adjective.i + 1]
    if following.lower_ in table.that:
        clauses = [
            c
            for head in (adjective, adjective.head)
            for c in children(head)
            if c.dep_ == "ccomp" and c.left_edge.i == following.i
        ]
        content = trim(doc, following.i, clauses[0].right_edge.i) if clauses else None
        return (content, adjective.i) if content is not None else None
    if following.lower_ == "to" and adjective.lower_ in table.adjective_infinitives:  # "eager to run"
        verbs = [c for c in children(adjective) if c.dep_ == "xcomp" and c.left_edge.i == following.i]
        content = trim(doc, following.i, verbs[0].right_edge.i) if verbs else None
        return (content, adjective.i) if content is not None else None
    objects = [c for c in children(following) if c.dep_ in {"pobj", "pcomp"}]
    if following.head.i != adjective.i or not objects:
        return None
    content = trim(doc, objects[0].left_edge.i, objects[0].right_edge.i)
    return (content, following.i) if content is not None else None
