"""Word senses of event triggers that only the parse can tell apart.

A trigger word is typed from the lexicon before any parse, by its lemma alone. A few words name two different
happenings in news: "strike" is an attack ("a drone strike", "jets struck the depot") and a work stoppage ("the
nurses' strike", "the union called a strike", "dockworkers will strike over pay"). Labour news is common
enough that calling every strike an attack would put walkouts on a war timeline; the parse shows who strikes
and over what, which decides the sense. So with "attack": armed in war news, criticism in campaign news
("Trump attacked Clinton over her emails"); the target, the attacker and the words around it tell which.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING

from storyline.analyze.event_context import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    Lexicon,
    Trigger,
    antecedent,
    cause_antecedent,
    negative,
    span_or_figure,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from storyline.analyze.event_words import Parse, Word
    from storyline.analyze.nlp import Parsed
    from storyline.model import Event

STOPPAGE_TYPE = "PROTEST"  # PLOVER files strikes and walkouts under PROTEST
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "nummod"})
GOVERNOR_DEPS = frozenset({"dobj", "obj", "pobj", "prep", "attr", "nsubj", "nsubjpass"})
MOTIVE_PREPS = frozenset({"over", "for", "by"})  # "strike over pay", "a strike by nurses"
VERBAL_TYPE = "ACCUSE"  # an attack in words is criticism (PLOVER DISAPPROVE)
VERBAL_MOTIVE_PREPS = frozenset({"for", "over"})
ATTACKED_PREPS = frozenset({"on", "against", "at", "toward", "towards"})
NAMED_ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})
ACCIDENT_TYPE = "DISASTER"
DISMISSAL_TYPE = "APPOINT"  # offices given and taken away are one type (appointments, dismissals)
SIMILE_PREPS = frozenset({"like"})  # "spread like wildfire"
# "to die", "dying", "they die": no death told as one that happened
UNTOLD_TAGS = frozenset({"VB", "VBG", "VBP"})
CAUSE_PREPS = frozenset({"in", "after", "during", "following"})  # "killed in a crash", "after the quake"


def work_stoppage(lex: Lexicon, parse: Parse, trigger: Trigger) -> Trigger:
    """``trigger`` as a PROTEST when it is a stoppage word (``lex.stoppage_words``) that the parse shows to be
    a work stoppage (``is_stoppage``); else as the lexicon made it."""
    token = parse[trigger.index]
    if trigger.words or token.lemma_.lower() not in lex.stoppage_words:
        return trigger
    if any(c.dep_ in OBJECT_DEPS for c in token.children):  # workers strike; "the driver struck her" hit her
        return trigger
    return dataclasses.replace(trigger, type=STOPPAGE_TYPE) if is_stoppage(lex, token) else trigger


def is_stoppage(lex: Lexicon, token: Word) -> bool:
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


def stoppages_throughout(lex: Lexicon, parsed: Parsed, events: list[Event]) -> list[Event]:
    """``events`` with a bare stoppage noun read as the work stoppage the document already named: once "a
    nationwide **strike**" or "the union's strike" was seen as a PROTEST, "**the strike** grounded flights" and
    "despite **the strike**" are the same walkout, not an attack (one sense per article). Only nouns without any
    participant change: "air **strikes** against Islamic State" keeps its target and stays an attack.
    """
    if not any(e.type == STOPPAGE_TYPE and _stoppage_noun(lex, parsed, e) for e in events):
        return events
    return [
        dataclasses.replace(e, type=STOPPAGE_TYPE)
        if e.type == "ATTACK" and not e.participants and _stoppage_noun(lex, parsed, e)
        else e
        for e in events
    ]


def _stoppage_noun(lex: Lexicon, parsed: Parsed, event: Event) -> bool:
    """Whether ``event``'s trigger ends in a stoppage word tagged as a noun ("strike", "a general strike")."""
    span = parsed.doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    return last.lemma_.lower() in lex.stoppage_words and last.pos_ == "NOUN"


def _signs_around(token: Word, modifiers: list[Word]) -> list[Word]:
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


def _subjects(token: Word) -> list[Word]:
    """``token``'s subjects with their own modifiers ("rail workers", "the teachers' union")."""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    return subjects + [m for s in subjects for m in s.children if m.dep_ in MODIFIER_DEPS]


def _is_sign(lex: Lexicon, word: Word) -> bool:
    return word.lemma_.lower() in lex.stoppage_signs or word.lower_ in lex.stoppage_signs


# ---------------------------------------------------------------------------------------------- verbal attacks


def verbal_attack(lex: Lexicon, parse: Parse, trigger: Trigger) -> Trigger:
    """``trigger`` as an ACCUSE when it is an attack word (``lex.verbal_attack_words``) that the parse shows to
    be an attack in words (``is_verbal``); else as the lexicon made it."""
    token = parse[trigger.index]
    if trigger.words or token.lemma_.lower() not in lex.verbal_attack_words:
        return trigger
    return dataclasses.replace(trigger, type=VERBAL_TYPE) if is_verbal(lex, token) else trigger


def is_verbal(lex: Lexicon, token: Word) -> bool:
    """Whether the attack is made of words: campaign news says "Trump attacked Clinton" far more often than any
    armed attack on a named person.

    Signs: a modifier such as "political" or "personal"; a verb such as "leveled" over the noun; a motive
    ("attacked Rubio **for** not answering", "over her emails"); a verb of saying beside it ("attacked Trump,
    **saying** …"); an idea as the target ("attacked his **record**"); or a named person as the target with no
    actor but a name or a pronoun ("Christie attacked Rubio", "attacks on Trump"). A weapon ("attacked him
    **with** a knife") or a common noun as the attacker ("a gunman attacked Smith") keeps it an armed attack.
    """
    anchor = _noun_anchor(token)
    if any(
        c.lemma_.lower() in lex.verbal_attack_modifiers for c in token.children if c.dep_ in MODIFIER_DEPS
    ):
        return True
    if anchor is not None and anchor.lemma_.lower() in lex.verbal_attack_anchors:
        return True
    heads = [token] if anchor is None else [token, anchor]
    if any(_motives(head) or _speech_clause(lex, head) for head in heads):
        return True
    if _prep_objects(token, frozenset({"with"})):
        return False
    targets = _attacked(token)
    if any(t.lemma_.lower() in lex.verbal_attack_targets for t in targets):
        return True
    return _named_on_both_sides(targets, _attackers(token, anchor))


def is_armed(lex: Lexicon, token: Word) -> bool:
    """Whether an attack is one of force on the parse's own evidence, not merely for want of a sign of words: no
    such sign (``is_verbal``), and a weapon, or, in a sentence with no quotation (which an attack beside it is
    made of: "“…,” the campaign attacked"), attackers that are neither people nor pronouns with no person
    attacked ("gunmen attacked the village", "Russian forces attacked Kharkiv"). "He attacked the media" shows
    neither, and the quote rules keep it a stance."""
    if is_verbal(lex, token):
        return False
    if _prep_objects(token, frozenset({"with"})):
        return True
    if any(t.is_quote for t in token.doc):
        return False
    attackers = _attackers(token, _noun_anchor(token))
    if not attackers or any(t.ent_type_ == "PERSON" for t in _attacked(token)):
        return False
    return all(a.pos_ != "PRON" and a.ent_type_ != "PERSON" for a in attackers)


def _noun_anchor(token: Word) -> Word | None:
    """The verb a noun attack is the object of ("leveled an attack"), or ``None`` for a verb."""
    if token.pos_ != "NOUN" or token.dep_ not in OBJECT_DEPS:
        return None
    return token.head


def _motives(token: Word) -> list[Word]:
    """What "for" or "over" says an attack in words was about ("attacked him for his votes"); not a length of
    time ("attacked the convoy for two hours")."""
    return [g for g in _prep_objects(token, VERBAL_MOTIVE_PREPS) if not span_or_figure(g)]


def _prep_objects(token: Word, preps: frozenset[str]) -> list[Word]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children]


def _speech_clause(lex: Lexicon, token: Word) -> bool:
    """A verb of saying hanging on ``token`` as a clause or as the means after "by": "attacked Trump, saying …",
    "calling him …", "attacked Christie by accusing him of …"."""
    saying = lex.speech_verbs | {"call", "accuse"}
    by = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"]
    means = [g for c in by for g in c.children if g.dep_ == "pcomp"]
    clauses = [c for c in token.children if c.dep_ in ("advcl", "xcomp")]
    return any(c.lemma_.lower() in saying for c in clauses + means)


def _attacked(token: Word) -> list[Word]:
    """Who or what is attacked: the object, the passive subject, or the object of "on"/"against"."""
    found = [c for c in token.children if c.dep_ in OBJECT_DEPS | {"nsubjpass"}]
    return found + _prep_objects(token, ATTACKED_PREPS)


def _attackers(token: Word, anchor: Word | None) -> list[Word]:
    """Who attacks: the subject, the "by" agent, the possessive of a noun or the subject of its verb."""
    found = [c for c in token.children if c.dep_ in SUBJECT_DEPS | {"poss"}]
    found += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    if anchor is not None:
        found += [c for c in anchor.children if c.dep_ in SUBJECT_DEPS]
    return found


def _named_on_both_sides(targets: list[Word], attackers: list[Word]) -> bool:
    """A named person attacked by no one, a name or a pronoun; or anyone attacked by a named person."""
    named_actor = any(a.ent_type_ in NAMED_ACTOR_TYPES for a in attackers)
    if any(t.ent_type_ == "PERSON" for t in targets):
        return all(a.ent_type_ in NAMED_ACTOR_TYPES or a.pos_ == "PRON" for a in attackers)
    return named_actor and any(t.pos_ == "PRON" for t in targets)


# ---------------------------------------------------------------------------------------------- no happening


def names_no_happening(lex: Lexicon, parse: Parse, trigger: Trigger) -> bool:
    """Whether a trigger is part of a set phrase ("dead on **arrival**", "email **address**", "**sign** up"), is
    the name a verb of naming gives ("called it a **threat**"), or a noun trigger names an illness ("a **heart**
    attack", "cardiac arrest") or, as a compound before another noun, a kind of thing ("**assault** rifles",
    "**attack** ads", "a **bomb** squad").

    Obituaries and gun-law stories use these words often; on a timeline they would be attacks and arrests
    that never happened.
    """
    token = parse[trigger.index]
    if _in_idiom(lex, parse, token.i):
        return True
    if trigger.words or token.pos_ != "NOUN":
        return False
    modifiers = (c for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
    if any(c.lemma_.lower() in lex.illness_modifiers for c in modifiers):
        return True
    if _mass_sense(lex, token):
        return True
    if token.dep_ == "oprd" and token.head.lemma_.lower() in lex.naming_verbs:
        return True  # "calling the attack an existential threat": what the attack is called, no threat made
    return token.dep_ == "compound" and token.head.lemma_.lower() in lex.kind_heads


def _mass_sense(lex: Lexicon, noun: Word) -> bool:
    """A noun of ``lex.mass_nouns`` in its uncountable sense: singular, with no determiner, possessive or number,
    and no name before it ("free **speech** rights", "hate **speech**", "more **talk** and no action"; but "a
    speech", "his speech", a headline's "Obama **speech** on trade"), nor a topic or a party after it unless an
    adjective says it is the mass ("talk on limiting missiles" is talks; "free speech on campus" is not)."""
    if noun.lemma_.lower() not in lex.mass_nouns or noun.tag_ != "NN":
        return False
    children = list(noun.children)
    if any(c.dep_ in ("det", "poss", "nummod") or c.pos_ == "PROPN" or c.ent_type_ for c in children):
        return False
    preps = lex.topic_preps | lex.participant_preps  # a headline's "negotiators return for talk on missiles"
    return any(c.dep_ == "amod" for c in children) or not any(c.lower_ in preps for c in children)


def counted(lex: Lexicon, parse: Parse, trigger: Trigger) -> bool:
    """Whether a plural noun trigger is a tally in crime or casualty figures, no happening of its own: a number
    of them a place had or a total included ("Ferguson had two **murders** in 2014", "6,000 crimes, including 80
    **murders**", "with 159 **homicides**"), or a share of them ("82 percent of **murders**")."""
    token = parse[trigger.index]
    if trigger.words or token.pos_ != "NOUN" or token.tag_ != "NNS":
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in lex.share_nouns:
        return True
    if not any(c.dep_ == "nummod" for c in token.children):
        return False
    if token.dep_ in ("dobj", "obj"):
        return head.lemma_.lower() in lex.tally_verbs
    return token.dep_ == "pobj" and head.lower_ in lex.tally_preps


def figurative_disaster(parse: Parse, trigger: Trigger) -> bool:
    """Whether a disaster's noun is a figure of speech or a kind: "a **flood** of donations", "a **blizzard** of
    tweets", "Italy's **quake** zone", "**hurricane** season", "spread like **wildfire**"."""
    token = parse[trigger.index]
    if trigger.type != ACCIDENT_TYPE or token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ == "pobj" and token.head.lower_ in SIMILE_PREPS:
        return True
    return token.dep_ == "compound" or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def allegation(lex: Lexicon, parse: Parse, trigger: Trigger) -> Trigger:
    """``trigger`` as an ACCUSE when an ARREST verb such as "charge" (``lex.allegation_verbs``) takes a clause:
    "the complaint **charged** that the shooting was gang-related", "critics charge that the rule guts the
    law" say something, they bring no one to court; else as it was."""
    token = parse[trigger.index]
    if trigger.words or trigger.type != "ARREST" or token.lemma_.lower() not in lex.allegation_verbs:
        return trigger
    if any(c.dep_ == "ccomp" for c in token.children):
        return dataclasses.replace(trigger, type=VERBAL_TYPE)
    return trigger


def dismissal(lex: Lexicon, parse: Parse, trigger: Trigger) -> Trigger:
    """``trigger`` as an APPOINT when a REJECT verb such as "dismiss" (``lex.dismissal_verbs``) takes a person
    or an office holder as its object (``dismisses_someone``): "Ruto **dismissed** his entire cabinet" takes
    offices away, "**dismissed** the accusations" rejects them; else as it was."""
    token = parse[trigger.index]
    if trigger.words or trigger.type != "REJECT" or not dismisses_someone(lex, token):
        return trigger
    return dataclasses.replace(trigger, type=DISMISSAL_TYPE)


def dismisses_someone(lex: Lexicon, verb: Word | Token) -> bool:
    """Whether ``verb`` dismisses a person from office: a dismissal verb whose object is a named person or an
    office holder (``lex.office_holders``), not judged "as" something ("dismissed Smith as a liar")."""
    if verb.lemma_.lower() not in lex.dismissal_verbs:
        return False
    children = list(verb.children)
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
        return False
    objects = [c for c in children if c.dep_ in ("dobj", "obj")]
    objects += [c for c in children if c.dep_ in PASSIVE_SUBJECT_DEPS]  # "the minister was dismissed"
    return any(o.ent_type_ == "PERSON" or o.lemma_.lower() in lex.office_holders for o in objects)


def fire(lex: Lexicon, parse: Parse, trigger: Trigger) -> Trigger | None:
    """A fire noun (``lex.blaze_nouns``) as a DISASTER when the parse shows a fire (``_burning``), as an ATTACK
    when it was set on purpose ("an **arson** fire", "a fire **set** by teenagers"), else ``None``: "came under
    fire", "held his fire", "sniper fire" name no fire."""
    token = parse[trigger.index]
    if trigger.words or token.pos_ != "NOUN" or token.lemma_.lower() not in lex.blaze_nouns:
        return trigger
    if not _burning(lex, token):
        return None
    return dataclasses.replace(trigger, type="ATTACK" if _set_on_purpose(lex, token) else ACCIDENT_TYPE)


def _set_on_purpose(lex: Lexicon, token: Word) -> bool:
    """A fire its own words say was set ("an **arson** fire", "a fire **set** by teenagers"), or the verb it is
    the subject of ("the fire **was set** at the entrance", "the fire was **deliberately** lit")."""
    if any(t.lemma_.lower() in lex.deliberate_words for t in token.subtree):
        return True
    if token.dep_ not in SUBJECT_DEPS and token.dep_ != "nsubjpass":
        return False
    verb = token.head
    return any(w.lemma_.lower() in lex.deliberate_words for w in (verb, *verb.children))


def _burning(lex: Lexicon, token: Word) -> bool:
    """Whether a fire noun names a fire: what it does, what it caused, where or whose it was (see
    ``lex.blaze_nouns``); weapon fire never."""
    children = list(token.children)
    if any(c.lemma_.lower() in lex.gunfire_modifiers for c in children if c.dep_ in MODIFIER_DEPS):
        return False
    head = token.head
    if token.dep_ in ("dobj", "obj"):
        return head.lemma_.lower() in lex.fire_fighting_verbs
    if token.dep_ in SUBJECT_DEPS or token.dep_ == "nsubjpass":
        return True
    if token.dep_ == "pobj" and head.lower_ in lex.fire_cause_preps:
        return True
    if any(c.dep_ == "prep" and c.lower_ in lex.fire_place_preps for c in children):
        return True
    return any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in children)


def sourcing_note(lex: Lexicon, parse: Parse, trigger: Trigger) -> bool:
    """Whether a trigger only states a source's terms: "a White House official, who **requested** anonymity",
    "speaking on condition of anonymity to **discuss** the talks", "were not authorized to **discuss** them",
    "did not respond to a **request** for comment".

    Wire stories carry these clauses in nearly every sourced paragraph; none of them happened on the timeline.
    """
    token = parse[trigger.index]
    if token.pos_ == "VERB" and any(_mentions_sourcing(lex, c) for c in token.children):
        return True
    if token.pos_ == "NOUN" and any(_for_comment(lex, c) for c in token.children):
        return True  # "did not respond to a request for comment"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ not in ("xcomp", "advcl") or not infinitive or token.head.i == token.i:
        return False  # "speaking on condition of anonymity to discuss": the purpose of the sourcing
    head = token.head
    if head.lemma_.lower() in lex.permission_heads and any(c.dep_ == "neg" for c in head.children):
        return True  # "not authorized to discuss": nothing was discussed, for the record
    return any(_mentions_sourcing(lex, c) for c in head.children)


def _for_comment(lex: Lexicon, child: Word) -> bool:
    """A phrase "for comment" on a request ("a request for comment", "requests for comment on the report")."""
    return (
        child.dep_ == "prep"
        and child.lower_ == "for"
        and any(c.dep_ == "pobj" and c.lemma_.lower() in lex.comment_words for c in child.children)
    )


def _mentions_sourcing(lex: Lexicon, child: Word) -> bool:
    """An object "anonymity", an adverb "anonymously", or a phrase "on (the) condition of anonymity": not any
    phrase that holds the word further down ("an aide who requested anonymity" names a person)."""
    if child.dep_ in ("dobj", "obj", "advmod"):
        return child.lemma_.lower() in lex.sourcing_words
    if child.dep_ != "prep":
        return False
    objects = [o for o in child.children if o.dep_ == "pobj"]
    objects += [
        o for obj in objects for p in obj.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
    ]
    return any(o.lemma_.lower() in lex.sourcing_words for o in objects)


def names_a_market(lex: Lexicon, parse: Parse, trigger: Trigger) -> bool:
    """Whether a noun trigger names a market quantity: "spur **demand**", "domestic **demand** growth", "very
    much in **demand**", "**Demand** for masks exploded". Economic news uses the word as often as political news
    uses it for a demand made."""
    return market_quantity(lex, parse[trigger.index])


def market_quantity(lex: Lexicon, token: Word | Token) -> bool:
    """``names_a_market`` for one noun (a parsed word or a spaCy token, as the quote extractor has)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lex.market_nouns:
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.market_modifiers for c in token.children):
        return True
    if token.dep_ == "compound" and token.head.lemma_.lower() in lex.market_heads:  # "demand growth"
        return True
    bare = not any(c.dep_ in ("det", "poss") for c in token.children)
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "in" and bare:
        return True
    if token.dep_ == "nsubj" and head.lemma_.lower() in lex.market_change_verbs and bare:
        return True  # "Demand for masks exploded"; "The demand for a recount grew" is one made
    return token.dep_ in ("dobj", "obj") and head.lemma_.lower() in lex.market_verbs and bare


def _in_idiom(lex: Lexicon, parse: Parse, index: int) -> bool:
    """Whether the token at ``index`` is inside one of the lexicon's set phrases, compared by lemma ("declared
    dead on **arrival**", "enter your email **addresses**")."""
    for offset, words in _idiom_places(lex.idioms).get(parse[index].lemma_.lower(), ()):
        start = index - offset
        if start >= 0 and tuple(t.lemma_.lower() for t in parse[start : start + len(words)]) == words:
            return True
    return False


@functools.lru_cache(maxsize=8)
def _idiom_places(idioms: frozenset[str]) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """Each word of the set phrases, with where it stands in each phrase that holds it: a trigger is looked
    up once, not compared with every phrase (triggers are many, set phrases rare)."""
    places: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for idiom in idioms:
        words = tuple(idiom.split())
        for offset, word in enumerate(words):
            places.setdefault(word, []).append((offset, words))
    return places


def accident(lex: Lexicon, parse: Parse, trigger: Trigger) -> Trigger:
    """``trigger`` as a DISASTER when an ATTACK verb of harm has an accident or a natural force for its cause
    ("Two workers were killed after chlorine gas leaked", "A fire killed three", "homes destroyed by the
    flood"), and so is a death from one ("died in a **crash**"); else as it was."""
    token = parse[trigger.index]
    if trigger.type == "ATTACK" and not trigger.words and token.lemma_.lower() in lex.blast_verbs:
        # "the plane exploded": an accident unless a bomb, a device or an attacker is among its words
        return dataclasses.replace(trigger, type=ACCIDENT_TYPE) if _accidental_burst(lex, token) else trigger
    if not trigger.words and token.pos_ == "VERB" and token.lemma_.lower() in lex.death_verbs:
        # "died and … were hurt in a crash": what the joined verb's cause says
        accidental = any(_accidental(lex, child) for child in (*token.children, *_joined_children(token)))
        return dataclasses.replace(trigger, type=ACCIDENT_TYPE) if accidental else trigger
    if trigger.type != "ATTACK" or trigger.words or token.lemma_.lower() not in lex.harm_verbs:
        return trigger
    dependents = [*token.children, *_subject_above(token)]
    if any(_natural_subject(lex, child) for child in dependents) or _after_burst(lex, token):
        return dataclasses.replace(trigger, type=ACCIDENT_TYPE)
    if any(_attacker(lex, child) for child in dependents):
        return trigger  # "Rebels killed two villagers after the storm"
    # "killed and … hurt after a leak": the joined verb's cause is the killing's too
    if any(_accidental(lex, child) for child in (*dependents, *_joined_children(token))):
        return dataclasses.replace(trigger, type=ACCIDENT_TYPE)
    return trigger


def injury(lex: Lexicon, parse: Parse, trigger: Trigger) -> Trigger | None:
    """A verb of injury (``lex.injury_verbs``) as the casualty its cause makes it: a DISASTER after an accident
    ("60 **hurt** in a mine explosion", "two miners were **injured** when a gas pipe burst"), an ATTACK by an
    attacker or in an attack ("**hurt** by gunmen", "**injured** in an ambush"); ``None`` with no cause named or
    with an object ("it **hurt** sales", "the blast **injured** six": the blast is the event, its victims its
    participants), where the word names no happening of its own or a figure of speech, and with a negative
    subject ("nobody was hurt")."""
    token = parse[trigger.index]
    if trigger.words or token.lemma_.lower() not in lex.injury_verbs:
        return trigger
    if token.pos_ != "VERB" or any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in token.children):
        return None
    if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and negative(lex, c) for c in token.children):
        return None  # "nobody was hurt, but the fire on Friday …": no casualty, and the date is the fire's
    dependents = [*token.children, *_joined_children(token)]
    if any(_accidental(lex, child) for child in dependents):
        return dataclasses.replace(trigger, type=ACCIDENT_TYPE)
    if any(_violent_cause(lex, child) for child in dependents):
        return dataclasses.replace(trigger, type="ATTACK")
    return None


def _violent_cause(lex: Lexicon, child: Word) -> bool:
    """Whether a dependent of an injury verb names an attacker or a weapon ("by **gunmen**", "by a **bomb**") or
    an attack as its cause ("in an **ambush**", "when militants **opened fire**", "in an **explosion** at a bus
    stop"). Any other agent is no attack: business news says "earnings were hurt by higher costs"."""
    if child.dep_ == "agent":
        return any(_attack_named(lex, t) for t in child.subtree)
    if child.dep_ == "prep" and child.lower_ in CAUSE_PREPS:
        objects = [o for o in child.children if o.dep_ == "pobj"]
        return any(_attack_named(lex, o) for o in objects) or any(
            o.lemma_.lower() in lex.blast_nouns and not _accidental_blast(lex, o) for o in objects
        )
    return child.dep_ == "advcl" and any(_attack_named(lex, t) for t in child.subtree)


def _attack_named(lex: Lexicon, token: Word) -> bool:
    """An ATTACK trigger word or phrase ("ambush", "shelling", "opened fire") or an attack source ("bomb")."""
    lemma = token.lemma_.lower()
    table = lex.verbs if token.pos_ == "VERB" else lex.nouns
    if table.get(lemma) == "ATTACK" or _attack_word(lex, token):
        return True
    seconds = {second for second, kind in lex.phrases.get(lemma, ()) if kind == "ATTACK"}
    return any(c.lemma_.lower() in seconds for c in token.children)


def _accidental_burst(lex: Lexicon, verb: Word) -> bool:
    """A verb of bursting (``lex.blast_verbs``) whose subject is an accidental source or a vehicle ("a boiler
    exploded", "the plane exploded after take-off") and whose words hold no attack source ("a car bomb
    exploded", "the bus exploded after a device went off"): news tells bombings with the same verb, so a bare
    one or one with any other subject stays an attack."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    sources = [m for s in subjects for m in (s, *s.children) if m is s or m.dep_ in MODIFIER_DEPS]
    named = any(w.lemma_.lower() in lex.accident_sources | lex.blast_subjects for w in sources)
    return named and not any(_attack_word(lex, t) for t in verb.subtree)


def _after_burst(lex: Lexicon, verb: Word) -> bool:
    """A subjectless participle on an accidental burst ("the plane exploded after take-off, **killing** all 80
    on board"): the accident did the harm."""
    head = verb.head
    if not _subject_above(verb) or head.lemma_.lower() not in lex.blast_verbs:
        return False
    return _accidental_burst(lex, head)


def _joined_children(verb: Word) -> list[Word]:
    """The dependents of the verbs coordinated with ``verb`` (``_joined_verbs``): a cause one of them names is
    theirs together."""
    return [child for joined in _joined_verbs(verb) for child in joined.children]


def _joined_verbs(verb: Word) -> list[Word]:
    """The verbs coordinated with ``verb``, also where the parser hung both on a verb of saying instead of
    joining them ("Two were killed and 140 were hospitalized after a leak, officials said")."""
    joined = list(verb.conjuncts)
    if any(c.dep_ == "cc" for c in verb.children) and verb.head.i != verb.i:
        joined += [s for s in verb.head.children if s.i > verb.i and s.dep_ == verb.dep_ and s.pos_ == "VERB"]
    # or made the verb of saying the last conjunct, the second verb its complement: "killed and [140 were
    # hospitalized after a leak], officials said"
    joined += [
        c for conj in verb.conjuncts for c in conj.children if c.dep_ == "ccomp" and verb.i < c.i < conj.i
    ]
    return joined


def _natural_subject(lex: Lexicon, child: Word) -> bool:
    """Whether a subject is an accident or a natural force, also where the parser hung it on a measure ("a
    magnitude 5.8 earthquake" as "magnitude" with the quake in apposition) or named it ("Hurricane Otis, which
    killed 52", through the relative pronoun's antecedent)."""
    if child.dep_ not in SUBJECT_DEPS:
        return False
    cause = cause_antecedent(lex, child)
    nouns = (cause, *(c for t in {child, cause} for c in t.children if c.dep_ in ("appos", "compound")))
    return any(_accident_noun(lex, noun) for noun in nouns)


def _subject_above(verb: Word) -> list[Word]:
    """The subject a subjectless participle shares with the verb it hangs on ("a quake struck Iran, killing
    seven")."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
        return []
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]


def _attacker(lex: Lexicon, child: Word) -> bool:
    """Whether an active subject or a "by" agent of a harm verb names someone or something other than an
    accident (soldiers, rockets, gunfire)."""
    if child.dep_ == "agent":
        return any(not _accident_agent(lex, o) for o in child.children if o.dep_ == "pobj")
    # a relative pronoun stands for the noun it describes: "the rebels who killed", "the fire that destroyed"
    return child.dep_ in SUBJECT_DEPS and not _accident_noun(lex, cause_antecedent(lex, child))


def _accident_agent(lex: Lexicon, noun: Word) -> bool:
    """An accident as a "by" agent: "fire" only as a fire ("destroyed by a fire"), not as gunfire ("killed by
    rocket fire", "by fire from the ridge")."""
    if not _accident_noun(lex, noun):
        return False
    if noun.lower_ != "fire":
        return True
    children = list(noun.children)
    return any(c.dep_ == "det" for c in children) and not any(
        c.dep_ in ("compound", "amod") for c in children
    )


def _accidental(lex: Lexicon, child: Word) -> bool:
    """Whether a dependent of a harm verb names an accident as its cause (see ``accident``)."""
    if child.dep_ in SUBJECT_DEPS:
        return _accident_noun(lex, cause_antecedent(lex, child))  # "the fire that destroyed": the fire
    if child.dep_ == "prep" and child.lower_ in CAUSE_PREPS:
        return any(_accident_noun(lex, o) or _leaked(lex, o) for o in child.children if o.dep_ == "pobj")
    if child.dep_ == "agent":
        return any(_accident_agent(lex, o) for o in child.children if o.dep_ == "pobj")
    if child.dep_ == "advcl":
        if child.lemma_.lower() in lex.blast_verbs:  # "when a gas pipe burst", "after the boiler exploded"
            return _accidental_burst(lex, child)
        subjects = (c for c in child.children if c.dep_ in SUBJECT_DEPS)
        return child.lemma_.lower() in lex.accident_verbs or any(_accident_noun(lex, c) for c in subjects)
    return False


def _leaked(lex: Lexicon, noun: Word) -> bool:
    """A noun the parser gave the clause's accident verb as a participle: "after chlorine gas **leaked** from a
    tank" read as "after [gas leaked]" (a clause) or "after [gas [leaked]]" (a noun and its participle)."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in lex.accident_verbs for c in noun.children)


def _accident_noun(lex: Lexicon, noun: Word) -> bool:
    """An accident or a natural force, not one set on purpose ("an arson fire", "a fire set by teenagers"); an
    explosion only with an accidental source (``_accidental_blast``)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.lemma_.lower() in lex.blast_nouns:
        return _accidental_blast(lex, noun)
    if noun.lemma_.lower() not in lex.accident_nouns:
        return False
    if any(c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in lex.gunfire_modifiers for c in noun.children):
        return False  # "sniper fire killed two soldiers" is an attack
    return not any(t.lemma_.lower() in lex.deliberate_words for t in noun.subtree)


def _accidental_blast(lex: Lexicon, noun: Word) -> bool:
    """An explosion or a blast an accidental source (``lex.accident_sources``) set off, named by a modifier ("a
    **gas** explosion", "a **boiler** blast") or by the object of its "of"/"at"/"in" phrase ("an explosion at a
    chemical **plant**"; the place's own modifiers do not count: "at the gas station" is no gas). News tells
    bombings with the same nouns, so a bare one stays an attack, and so does one with a bomb, a suicide bomber or
    an attacker among its words ("a car **bomb** blast", "a **land** mine explosion"); a name is no such word
    ("the Shell refinery")."""
    if any(_attack_word(lex, t) for t in noun.subtree):
        return False
    places = [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in lex.blast_source_preps
        for o in c.children
        if o.dep_ == "pobj"
    ]
    sources = [c for c in noun.children if c.dep_ in MODIFIER_DEPS] + places
    return any(w.lemma_.lower() in lex.accident_sources for w in sources)


def _attack_word(lex: Lexicon, token: Word) -> bool:
    """A word of a blast's phrase that makes it a bombing or a deliberate act ("bomb", "suicide", "arson"); not a
    name ("Shell"), nor "set off", what any explosion does."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" or (lemma == "set" and any(c.dep_ == "prt" for c in token.children)):
        return False
    return lemma in lex.attack_sources or lemma in lex.deliberate_words


# ---------------------------------------------------------------------------------------------- object senses


def unaccepted(lex: Lexicon, parse: Parse, trigger: Trigger) -> bool:
    """Whether "accept" (``lex.consent_verbs``) takes something other than an offer or its terms: refugees,
    donations, an award, a nomination, a fact ("accepted $200,000 from donors", "will accept the nomination",
    "accepted that he lost"). Only "accepted the **proposal**", "accepted an **invitation**" (``consent_objects``)
    is an agreement; the others are no event, and a noun trigger among them ("the nomination") stands alone."""
    token = parse[trigger.index]
    if trigger.words or token.pos_ != "VERB" or token.lemma_.lower() not in lex.consent_verbs:
        return False
    return not any(o.lemma_.lower() in lex.consent_objects for o in _things_acted_on(token))


def purchase(lex: Lexicon, parse: Parse, trigger: Trigger) -> bool:
    """Whether "order" (``lex.purchase_verbs``) is a purchase, no command: its object is goods
    (``lex.goods_nouns``) or a counted thing, or comes from a supplier ("ordered 20 **aircraft**", "the
    **valves** were ordered in March", "ordered the parts **from** a Dutch firm"). A to-infinitive, a clause, a
    destination ("ordered 300 troops **to** Cameroon"), a person or an event noun ordered ("ordered an
    investigation", "ordered four murders") keep it a command."""
    token = parse[trigger.index]
    if trigger.words or token.pos_ != "VERB" or token.lemma_.lower() not in lex.purchase_verbs:
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "oprd") for c in token.children):
        return False
    preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "advmod")}
    things = _things_acted_on(token)
    if preps & lex.command_preps or not things:
        return False
    supplier = "from" in preps
    return all(_goods(lex, thing, supplier) for thing in things)


def _goods(lex: Lexicon, thing: Word, supplier: bool) -> bool:
    """A thing one buys: goods, or anything counted or from a supplier that is no one and no event."""
    lemma = thing.lemma_.lower()
    if lemma in lex.goods_nouns:
        return True
    if thing.pos_ != "NOUN" or thing.ent_type_ or lemma in lex.nouns or lemma in lex.verbs:
        return False
    return supplier or any(c.dep_ == "nummod" for c in thing.children)


def _things_acted_on(verb: Word) -> list[Word]:
    """What a verb is done to, with its conjuncts: the direct object, the subject of a passive (through a
    relative pronoun), or the noun a past participle describes ("the valves **ordered** in March")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]
    found = [antecedent(t) for t in found]
    return found + [c for t in found for c in t.conjuncts]


def death_by_cause(lex: Lexicon, parse: Parse, trigger: Trigger, triggers: set[int]) -> bool:
    """Whether a death or an injury verb (``lex.death_verbs``, ``lex.injury_verbs``) is none of its own: not
    told as having happened (a bare form or a gerund: "will not allow people **to die**", "do or **die**", "old
    habits **die** hard"), or with another trigger for its cause in a phrase of its own ("died **in** a
    firefight", "died **as a result of** torture", "died **after** the attack", "nobody was hurt **in** the
    fire"): PLOVER codes the violence, not the death, so the cause's event carries it (with its date)."""
    token = parse[trigger.index]
    lemma = token.lemma_.lower()
    if (
        trigger.words
        or token.pos_ != "VERB"
        or (lemma not in lex.death_verbs and lemma not in lex.injury_verbs)
    ):
        return False
    if token.tag_ in UNTOLD_TAGS:
        return True
    phrases = (c for c in token.children if c.dep_ in ("prep", "agent", "advcl"))
    return any(t.i in triggers and t.i != token.i for c in phrases for t in c.subtree)
