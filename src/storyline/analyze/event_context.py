"""What the event modules share: the lexicon record, the trigger and parsed-sentence records, the per-document
context and the dependency labels more than one of them reads.

Why a module of its own: ``events`` (triggers and assembly), ``event_roles`` (participants and place) and
``event_time`` (dates and status) all take these, and keeping them here lets the three import it without
importing each other in a circle.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.data import load_table
from storyline.model import Entity, EntityIndex, Timex
from storyline.settings import AnalyzeSettings

if TYPE_CHECKING:
    from spacy.tokens import Span

    from storyline.analyze.event_words import Parse, Word
    from storyline.analyze.nlp import Parsed

__all__ = [
    "CLAUSE_DEPS",
    "OBJECT_DEPS",
    "PASSIVE_SUBJECT_DEPS",
    "SUBJECT_DEPS",
    "Context",
    "Lexicon",
    "Site",
    "Trigger",
    "antecedent",
    "cause_antecedent",
    "is_clause_prep",
    "is_headline",
]

# Dependency labels (spaCy's English ClearNLP labels plus their Universal Dependencies names)
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative"})
CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl:relcl", "parataxis", "appos"})  # separate happenings
RELATIVE_TAGS = frozenset({"WP", "WP$", "WDT"})  # "who", "whose", "which"/"that" opening a relative clause
# a place preposition's object that is no place but someone who can act
NO_PLACE_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP"})
SPAN_ENTITY_TYPES = frozenset({"DATE", "TIME", "PERCENT", "QUANTITY"})  # a term or a figure is nobody
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})
HEADLINE_CHARS = 600  # a line without a closing mark that starts this near the top is a title or a subtitle
CLOSING_MARKS = (".", "!", "?", "…", '"', "”", "'", "’", ":")  # what ends a sentence of prose, not a title


@dataclass(frozen=True)
class Lexicon:
    """One language's trigger words and grammatical markers (loaded from data/events_<lang>.toml)."""

    verbs: dict[str, str]  # lemma -> event type
    nouns: dict[str, str]
    phrases: dict[str, tuple[tuple[str, str], ...]]  # first lemma -> ((second lemma, type), …)
    plover: dict[str, tuple[str, ...]]  # event type -> PLOVER categories
    adjectives: dict[str, str]  # triggers only with a to-infinitive: "is willing to withdraw"
    future_aux: frozenset[str]
    scheduling_heads: frozenset[
        str
    ]  # "the meeting is scheduled for …": a noun event they have as subject is ahead
    possibility_aux: frozenset[str]  # "could be signed", "may resume": not yet, unless with a perfect
    perfect_aux: frozenset[str]  # "may have attacked": it may have happened
    future_heads: frozenset[str]
    request_heads: frozenset[str]  # "asked Rome to declare": the infinitive is wanted, not yet done
    ongoing_heads: frozenset[str]
    ongoing_modifiers: frozenset[str]
    future_modifiers: frozenset[str]  # "the upcoming visit": a noun event still ahead
    lead_up_words: frozenset[str]  # "ahead of the referendum": the referendum is still ahead
    background_preps: frozenset[str]  # "hope to revive talks after the collapse": the collapse is not planned
    place_preps: frozenset[str]
    target_preps: frozenset[str]
    named_target_preps: frozenset[str]
    instrument_preps: frozenset[
        str
    ]  # "with a knife": an instrument, when ``instrument_nouns`` holds its noun
    instrument_nouns: frozenset[str]
    driven_preps: frozenset[str]  # "rammed a car into the crowd": the car is the instrument
    aimed_preps: frozenset[str]  # "fired rockets at Israel": with a weapon as the object, its target
    aiming_verbs: frozenset[str]  # "fire", "throw": the verbs that aim a weapon
    media_names: frozenset[str]  # "on Twitter", "on CNN": where it was said, not to whom
    participant_preps: frozenset[str]
    noun_object_preps: frozenset[str]  # "the arrest of Navalny": a named object of a noun trigger
    agent_preps: frozenset[str]
    clause_preps: frozenset[str]
    hypothetical_marks: frozenset[str]
    negative_pronouns: frozenset[str]  # "nobody was arrested": no event
    negative_determiners: frozenset[str]  # "no one", "no talks were held", "neither side fired"
    topic_preps: frozenset[str]
    place_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    objectless_verbs: frozenset[str]  # triggers only without an object ("demonstrate the will": no protest)
    reaction_verbs: frozenset[str]  # "the plan was met with protests": no meeting in the passive with "with"
    speech_verbs: frozenset[str]  # "X said at a meeting with Y": X took part in the meeting
    speech_nouns: frozenset[str]
    setting_preps: frozenset[str]
    cancel_verbs: frozenset[str]  # "cancelled the visit": no visit took place
    giving_verbs: frozenset[str]  # "pledged $10 million in aid": the aid is the event
    approval_verbs: frozenset[str]  # "approved the appointment": the appointment is the event
    predicate_verbs: frozenset[str]  # "the visit had great importance": the object is no participant
    content_object_verbs: frozenset[
        str
    ]  # "discussed the situation": the object is content, not a participant
    cause_verbs: frozenset[str]  # "a death that triggered riots": the subject caused it, took no part
    breach_verbs: frozenset[str]  # "violated the truce": the subject is no party to the truce
    appraisal_verbs: frozenset[str]  # "mentioned the violence": the subject only speaks of the event
    naming_verbs: frozenset[str]  # "called the vote a betrayal": with an object predicate, a judgement
    declared_acts: frozenset[str]  # "declared independence": an act a naming verb enacts
    declared_act_heads: frozenset[str]  # "declared a state of emergency": the act named after "of"
    reception_verbs: frozenset[str]  # "faced criticism": the subject is what the event is aimed at
    manner_nouns: frozenset[str]  # "occupied by force": how it was done, not who did it
    object_control_verbs: frozenset[str]  # "asked the network to donate": the network would donate
    # "agreed to hold talks next month": the talks' month, not the agreeing's
    commitment_verbs: frozenset[str]
    addressing_calls: frozenset[str]  # "call on": the addressee does what the to-infinitive says
    passive_object_verbs: frozenset[str]  # "had been arrested and denied bail": a passive keeping its object
    impact_verbs: frozenset[str]  # "the strike affected consumers": a noun event's subject verb with a target
    demand_modals: frozenset[str]  # "said that Sudan must return …": the saying is a demand
    quantity_words: frozenset[str]  # "fired more than 100 rockets": not counted between a phrase's words
    stoppage_words: frozenset[str]  # "strike": an attack, or a work stoppage when ``stoppage_signs`` say so
    stoppage_signs: frozenset[str]  # "union", "nurse", "wage": who strikes or why in a work stoppage
    stoppage_modifiers: frozenset[str]  # "a 48-hour strike": signs only as a modifier of the noun
    verbal_attack_words: frozenset[str]  # "attack": armed, or words when a speech sign says so
    verbal_attack_modifiers: frozenset[str]  # "political attacks": words, not force
    verbal_attack_targets: frozenset[str]  # "attacked his record": an idea, not a body
    verbal_attack_anchors: frozenset[str]  # "leveled an attack": words, not force
    idioms: frozenset[str]  # "dead on arrival", "email address": set phrases that name no event
    illness_modifiers: frozenset[str]  # "a heart attack": an illness, no event
    kind_heads: frozenset[str]  # "assault rifles": a kind of thing, no event
    rising_verbs: frozenset[str]  # "the odds have shot up": a rise, no attack
    rise_goals: frozenset[str]  # "shot to fame"
    goal_nouns: frozenset[str]  # "met the deadline": no meeting
    fire_nouns: frozenset[str]  # "fought the blaze": firefighting, no attack
    blaze_nouns: frozenset[str]  # "fire", "blaze": a DISASTER only with a sign of a fire (event_senses.fire)
    gunfire_modifiers: frozenset[str]  # "sniper fire": weapon fire, no fire
    fire_fighting_verbs: frozenset[str]  # "crews tackled the blaze": there was a fire
    fire_cause_preps: frozenset[str]  # "damaged in a fire"
    fire_place_preps: frozenset[str]  # "a fire at the church"
    allegation_verbs: frozenset[str]  # "charged that …": an accusation, no charge in court
    dismissal_verbs: frozenset[str]  # "dismissed the cabinet": an office taken away, no rejection
    office_holders: frozenset[str]  # "cabinet", "minister": whom a dismissal takes an office from
    tally_verbs: frozenset[str]  # "had two murders": a count
    tally_preps: frozenset[str]  # "including 80 murders", "with 159 homicides"
    share_nouns: frozenset[str]  # "82 percent of murders"
    time_heads: frozenset[str]  # "election day": a noun event's own time
    weather_verbs: frozenset[str]  # "freeze": the weather with ``weather_nouns`` ("in freezing rain")
    weather_nouns: frozenset[str]
    mass_nouns: frozenset[str]  # "free speech": bare and singular, no happening
    comment_words: frozenset[str]  # "a request for comment": a reporter's, no demand
    day_parts: frozenset[str]  # "before dawn on Tuesday": the date hangs on a part of the day
    outcome_nouns: frozenset[str]  # "stabbed to death", "sentenced to life": no target
    contest_words: frozenset[str]  # "fight", "battle": a contest or an effort with the signs below
    contest_modifiers: frozenset[str]  # "a legal battle", "a losing battle"
    fought_objects: frozenset[str]  # "fought two wars": the fighting itself, no target
    risk_subjects: frozenset[str]  # "tensions threatened to escalate": a risk, no threat
    particle_senses: frozenset[str]  # "sign off": a verb and its particle naming another act
    preposition_senses: frozenset[str]  # "slam into": a verb and its preposition naming another act
    undergone_nouns: frozenset[str]  # "Navalny's arrest": the owner undergoes it, the target
    sending_verbs: frozenset[str]  # "deported to Egypt": where one is sent, no target
    thing_pronouns: frozenset[str]  # "fight this": a contest over a thing, no fighting
    not_place_heads: frozenset[str]  # "in support of": why, not where
    onset_heads: frozenset[str]  # "begin withdrawing": the event's start, asked or planned as the event is
    figurative_objects: frozenset[str]  # "struck a chord", "captured the imagination": no attack
    figurative_particles: frozenset[str]  # "struck up a conversation", "struck down the law"
    figurative_particle_verbs: frozenset[str]  # the verbs those particles make figurative ("strike")
    fire_starting_verbs: frozenset[str]  # "set the fire": arson stays an attack
    harm_verbs: frozenset[str]  # ATTACK verbs an accident or a natural force can do: "killed in a fire"
    accident_nouns: frozenset[str]  # "a leak", "the earthquake": what killed or destroyed, with no attacker
    accident_verbs: frozenset[str]  # "after chlorine gas leaked", "when the bus overturned"
    deliberate_words: frozenset[str]  # "an arson fire", "a fire set by teenagers": no accident
    blast_nouns: frozenset[str]  # "explosion", "blast": an accident only with ``accident_sources``
    blast_source_preps: frozenset[str]  # "an explosion at a chemical plant": where its source is named
    accident_sources: frozenset[str]  # "a gas explosion", "a boiler blast"
    attack_sources: frozenset[str]  # "a car bomb blast", "a suicide explosion": an attack
    blast_verbs: frozenset[
        str
    ]  # "explode", "burst": an accident with ``blast_subjects``/``accident_sources``
    blast_subjects: frozenset[str]  # "the plane exploded": a vehicle that blew up, no attacker named
    blast_figure_words: frozenset[str]  # "sales exploded", "exploded in popularity": a fast rise, no blast
    escalation_preps: frozenset[str]  # "tensions exploded into war": an escalation, no participants
    struck_preps: frozenset[str]  # "an attack on a convoy that killed two": what was struck killed no one
    counting_nouns: frozenset[str]  # "held a round of talks": the verb of the counting noun is the event's
    membership_verbs: frozenset[
        str
    ]  # "the measures include travel bans": the subject is what the event is part of
    absence_preps: frozenset[str]  # "passed the bill without a vote": the event did not take place
    hosting_verbs: frozenset[str]  # "received a delegation": a meeting only with a person received
    visitor_nouns: frozenset[str]  # "delegation", "guest": a person received, with people's titles and names
    failure_heads: frozenset[str]  # "failed to agree", "were unable to agree": the infinitive did not happen
    party_preps: frozenset[str]  # "discussed the war with Putin": the other party, on the object
    call_nouns: frozenset[str]  # "congratulated X in a phone call": the verb's subject and object took part
    injury_verbs: frozenset[str]  # "hurt", "injure": an event only as a casualty with a cause named
    occurrence_verbs: frozenset[str]  # "the talks will take place": the subject event takes the verb's tense
    market_nouns: frozenset[
        str
    ]  # "demand": a market quantity when ``market_modifiers``/``market_verbs`` say so
    market_modifiers: frozenset[str]
    market_heads: frozenset[str]  # "demand growth": the noun a market quantity modifies
    market_verbs: frozenset[str]
    market_change_verbs: frozenset[str]  # "Demand for masks exploded": rising or falling, a market quantity
    sourcing_words: frozenset[str]  # "requested anonymity", "spoke anonymously": a source's terms, no event
    permission_heads: frozenset[str]  # "not authorized to discuss": no discussion
    time_preps: frozenset[str]  # "In a 1963 speech, he declared": an opening phrase that sets the time
    stretch_starts: frozenset[str]  # "since last July": the start of a stretch, no reference time
    baseline_words: frozenset[str]  # "fell 2% from a year earlier": a baseline, no reference time
    stretch_ends: frozenset[str]  # "from 2007 to 2012": no baseline but a stretch
    then_words: frozenset[str]  # "in May, when they signed": the clause happened at that date
    # "accept": an agreement only with ``consent_objects`` ("accepted the offer")
    consent_verbs: frozenset[str]
    consent_objects: frozenset[str]
    purchase_verbs: frozenset[str]  # "order": a purchase, no command, with ``goods_nouns`` or a counted thing
    goods_nouns: frozenset[str]
    command_preps: frozenset[str]  # "ordered 300 troops to Cameroon": where sent, a command
    death_verbs: frozenset[str]  # "die": an OTHER, unless another trigger says why ("died in a firefight")
    object_verbs: frozenset[str]  # "detain": never without an object, so a headline's "X detained" is passive
    decision_votes: frozenset[str]  # "vote": no election with an infinitive or a ``measure_nouns`` object
    decision_vote_preps: frozenset[str]
    measure_nouns: frozenset[str]
    exclusion_verbs: frozenset[str]  # "rule" (out): what it takes did not happen; negated, it may

    @functools.cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every lemma that can start a trigger (``events.find_triggers``): a trigger verb, noun or adjective, a
        phrase's first word, or a demand modal (beside which a verb of saying is one)."""
        return (
            frozenset(self.verbs)
            | set(self.nouns)
            | set(self.adjectives)
            | set(self.phrases)
            | self.demand_modals
        )


@functools.lru_cache(maxsize=8)
def lexicon(language: str = "en") -> Lexicon | None:
    """The trigger lexicon for ``language``, or ``None`` when storyline has none for it yet."""
    data = load_table(f"events_{language}.toml")
    if data is None:
        return None
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    phrases: dict[str, list[tuple[str, str]]] = {}
    plover: dict[str, tuple[str, ...]] = {}
    for name, table in data["types"].items():
        verbs.update(dict.fromkeys(table.get("verbs", []), name))
        nouns.update(dict.fromkeys(table.get("nouns", []), name))
        adjectives.update(dict.fromkeys(table.get("adjectives", []), name))
        for phrase in table.get("phrases", []):
            first, second = phrase.split()
            phrases.setdefault(first, []).append((second, name))
        plover[name] = tuple(table.get("plover", []))
    markers = {key: frozenset(value) for key, value in data["markers"].items()}
    return Lexicon(verbs, nouns, {k: tuple(v) for k, v in phrases.items()}, plover, adjectives, **markers)


@dataclass(frozen=True)
class Trigger:
    """A trigger word (or the head word of a phrase) found in a sentence, before parsing."""

    index: int  # token index within the sentence
    type: str
    start: int  # character offsets into Document.text
    end: int
    text: str
    words: tuple[int, ...] = ()  # token indexes of both words of a phrase trigger ("blocked the main road")


@dataclass(frozen=True)
class Site:
    """One parsed sentence: its span in the document, its parse and where its trigger words are."""

    sentence: Span
    parse: Parse
    triggers: set[int]  # token indexes of every trigger word, folded ones included
    headline: bool = False  # the document's title or a line like it (``is_headline``)


@dataclass(frozen=True)
class Context:
    """What every helper needs about one document, bundled so signatures stay short."""

    parsed: Parsed
    entities: Sequence[Entity]
    timexes: Sequence[Timex]  # sorted by start
    lexicon: Lexicon
    settings: AnalyzeSettings
    timex_starts: list[int] = field(default_factory=list)
    entity_index: EntityIndex | None = None  # the entities' mentions, for "which entity is at this span"


def span_or_figure(noun: Word) -> bool:
    """A length of time or a figure ("to 12 years", "for two hours", "by 5 percent"): nobody, and no motive."""
    counted = noun.lemma_.lower() in TIME_UNITS and any(c.dep_ == "nummod" for c in noun.children)
    return counted or noun.ent_type_ in SPAN_ENTITY_TYPES


def excluded_by(lex: Lexicon, word: Word) -> Word | None:
    """The verb that rules ``word`` out ("ruled out a ceasefire", "did not rule out sending troops"), if any:
    its object or complement, under a verb of ``exclusion_verbs`` with the particle "out"."""
    head = word.head
    taken = word.dep_ in ("dobj", "obj", "xcomp", "pcomp") or (word.dep_ == "advcl" and word.tag_ == "VBG")
    if not taken or head.i > word.i or head.lemma_.lower() not in lex.exclusion_verbs:
        return None  # "ruled out sending troops" may hang the gerund as an adverbial clause
    return head if any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children) else None


def negative(lex: Lexicon, noun: Word) -> bool:
    """A noun phrase that says none took part or took place: "nobody", "no one", "no talks", "neither side"."""
    if noun.lower_ in lex.negative_pronouns:
        return True
    return any(c.dep_ == "det" and c.lower_ in lex.negative_determiners for c in noun.children)


def has_demand_modal(clause: Word, lex: Lexicon) -> bool:
    """Whether a clause's verb has a demand modal as its auxiliary ("Sudan must return …")."""
    return any(c.dep_ == "aux" and c.lower_ in lex.demand_modals for c in clause.children)


def phrase_children(verb: Word, dep: str, phrases: frozenset[str]) -> list[Word]:
    """The ``dep`` children of ``verb`` that make with its lemma one of ``phrases`` ("sign off", "slam into",
    "call on"), in text order."""
    lemma = verb.lemma_.lower()
    return [c for c in verb.children if c.dep_ == dep and f"{lemma} {c.lower_}" in phrases]


def is_clause_prep(token: Word, lex: Lexicon) -> bool:
    """A link that starts a separate happening: a circumstantial preposition or a coordinated verb."""
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ == "prep" and token.lower_ in lex.clause_preps


def antecedent(token: Word) -> Word:
    """A relative pronoun's noun ("Hungary, **which** had threatened to veto": Hungary), else ``token``."""
    clause = token.head
    if token.tag_ in RELATIVE_TAGS and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return token


def _before_date(token: Word, noun: Word) -> Word:
    """The noun before a date that stands between it and a relative "that"/"which" ("a cyclone **last
    September** that killed 50 people": the parser hangs the clause on the date, or on no noun at all), else
    ``noun``."""
    i = token.i - 1
    while i >= 0 and token.doc[i].ent_type_ == "DATE":
        i -= 1
    if i == token.i - 1 or i < 0 or token.doc[i].pos_ != "NOUN":
        return noun
    return token.doc[i]


def cause_antecedent(lex: Lexicon, token: Word) -> Word:
    """What a relative pronoun that is the subject of a harm verb stands for: its noun (``antecedent``), except
    a place after an event noun, where the event noun is meant ("the clash at the Brask **crossing** that killed
    four border guards": the clash killed them; "the explosion at a chemical plant that killed two"), and what
    an attack struck ("an attack on a humanitarian aid **convoy** that killed two drivers"), also through the
    "of" of the thing that place holds ("the collapse of a station canopy in **Novi Sad**, which killed 15").

    The parser hangs such a clause on the nearest noun, but a place cannot kill, wound or destroy. The clause
    is moved to the event noun rather than the actor just dropped: that noun is the killing's cause, so it is no
    participant (it is a trigger, or an explosion), and the sense rules then read the right cause (an accident
    or an attack)."""
    noun = antecedent(token)
    if token.dep_ in SUBJECT_DEPS and token.tag_ == "WDT" and (noun.i == token.i or noun.ent_type_ == "DATE"):
        noun = _before_date(token, noun)  # "a cyclone last September that killed 50"
    if noun.i == token.i or token.dep_ not in SUBJECT_DEPS or token.head.lemma_.lower() not in lex.harm_verbs:
        return noun  # a place can be destroyed ("the bridge that the rebels destroyed"), it cannot destroy
    prep = noun.head
    struck = prep.lower_ in lex.struck_preps and token.tag_ == "WDT"  # "that", "which": no "who"
    if noun.dep_ != "pobj" or not (prep.lower_ in lex.place_preps or struck):
        return noun
    if noun.ent_type_ == "PERSON" or (
        noun.ent_type_ in NO_PLACE_ENTITY_TYPES and prep.lower_ in lex.struck_preps
    ):
        return noun  # who can kill; a body "in" a place is that place, misread ("in Novi Sad" as ORG)
    event = prep.head
    if event.dep_ == "pobj" and event.head.lower_ == "of" and not _cause_noun(lex, event):
        event = event.head.head  # "the collapse of a station canopy in Novi Sad, which killed 15 people"
    return event if _cause_noun(lex, event) else noun


def _cause_noun(lex: Lexicon, word: Word) -> bool:
    """An event, accident or blast noun: what can kill, wound or destroy."""
    lemma = word.lemma_.lower()
    return word.pos_ == "NOUN" and (
        lemma in lex.nouns or lemma in lex.accident_nouns or lemma in lex.blast_nouns
    )


def is_headline(parsed: Parsed, sentence: Span) -> bool:
    """Whether ``sentence`` is the document's title as its text repeats it, or a line near the top without a
    sentence's closing mark (a subtitle: "Sluice gates to be reopened, observers to patrol the island").

    Asked several times of each sentence with a trigger (planning, the headline re-reading, the events' site),
    so the answer is kept per sentence: the lines near the top are told apart by their text."""
    memo = parsed.memo.setdefault("events.is_headline", {})
    key = (sentence.start_char, sentence.end_char)
    if key not in memo:
        memo[key] = _is_headline(parsed, sentence)
    return bool(memo[key])


def _is_headline(parsed: Parsed, sentence: Span) -> bool:
    title = parsed.document.title
    start, end = sentence.start_char, sentence.end_char
    long_enough = title is not None and end - start >= len(title.strip())
    if start >= HEADLINE_CHARS and not long_enough:
        return False  # asked of every sentence with a trigger: most are settled without building their text
    whole = parsed.document.text
    text = whole[start:end].strip()  # the sentence's text, cut from the document's (Span.text rebuilds it)
    if title and text == title.strip():
        return True
    at_line_start = start == 0 or whole[start - 1] == "\n"
    unclosed = not text.endswith(CLOSING_MARKS)
    return at_line_start and unclosed and start < HEADLINE_CHARS
