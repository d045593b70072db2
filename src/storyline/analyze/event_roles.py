"""Who took part in an event and where it happened, read off the dependency parse of its sentence.

Reads the trigger, the words it hangs on (its anchors) and the document's entities; gives ``events`` the
:class:`~storyline.model.Participant` records (actor, target, participant) and the place name of one event.
Why apart from ``events``: finding the trigger decides *whether* something happened; walking subjects,
objects, prepositions and conjuncts to name who and where is a job of its own, with its own word lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from storyline.analyze.event_context import (
    CLAUSE_DEPS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_TAGS,
    SUBJECT_DEPS,
    Context,
    Lexicon,
    Site,
    Trigger,
    antecedent,
    cause_antecedent,
    has_demand_modal,
    is_clause_prep,
    span_or_figure,
)
from storyline.analyze.event_senses import ACCIDENT_TYPE
from storyline.analyze.quote_contents import saying_goes_on
from storyline.analyze.roles import RoleTable
from storyline.analyze.roles import table as role_table
from storyline.model import Entity, Participant

if TYPE_CHECKING:
    from spacy.tokens import Span

    from storyline.analyze.event_words import Parse, Word

__all__ = ["counted_by", "first_conjunct", "participants", "place"]

PASSIVE_AUX_DEPS = frozenset({"auxpass", "aux:pass"})
# a verb without a subject borrows its head's ("plans to visit", "is ready to sign")
CLIMB_DEPS = frozenset({"xcomp", "conj", "acomp"})
PARTY_TYPES = frozenset({"CONSULT", "MEET", "SIGN"})  # events with another party, named "with" it
# what shows a headline's past verb is active after all: an object, an auxiliary ("have detained"), a clause
HEADLINE_ACTIVE_DEPS = OBJECT_DEPS | {"aux", "ccomp", "xcomp", "prt"}
# Events one takes part in by speaking at them ("said at the summit", "told reporters during the visit"); a
# speaker "in the worst violence in a decade" only dates what was said by it.
SPOKEN_IN_TYPES = frozenset({"MEET", "CONSULT", "STATEMENT", "VISIT", "SIGN", "PROTEST"})
CALLED_DEPS = frozenset({"dobj", "dative"})  # "congratulated Ionescu in a phone call": the other party
NP_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "flat", "case", "nummod"})
ACTOR_MODIFIER_DEPS = frozenset(
    {"poss", "amod", "compound", "nmod"}
)  # "Armenia's attack", "Azerbaijani shelling"
ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})
# what "on" names as a target: "sanctions on Russia", "an attack on the embassy", not "killed on the Tavra River"
NAMED_TARGET_TYPES = ACTOR_ENTITY_TYPES | {"FAC"}
TIME_ENTITY_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"})
# what the other name of a headline's "A, B agree" is parsed as, beside the subject (a common noun only as a
# second subject: "Verizon, striking unions reach deal")
PAIR_MODIFIER_DEPS = frozenset({"npadvmod", "nmod", "nsubj", "dep"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT", "EX"})


def participants(
    ctx: Context, site: Site, trigger: Trigger, anchors: list[int], place: str | None
) -> tuple[Participant, ...]:
    """Actors, targets and co-participants, each conjunct its own participant, deduplicated by name.

    Trigger words are never participants: "signed a statement" has no participant "statement", and "exchanged
    fire" or "blocked the main road" none "fire" or "road" (the second word of a phrase trigger is part of it).
    """
    found: list[Participant] = []
    trigger_token = site.parse[trigger.index]
    counter = counted_by(ctx.lexicon, trigger_token)
    for role, word in _role_tokens(ctx.lexicon, site.parse, trigger, anchors, site.headline):
        token = antecedent(word)
        if cause_antecedent(ctx.lexicon, word).i != token.i:
            continue  # "the clash at the crossing that killed four": the cause is an event, no participant
        if (
            trigger.type == ACCIDENT_TYPE
            and role == "actor"
            and token.lemma_.lower() in ctx.lexicon.accident_nouns
        ):
            continue  # "the famine killed millions": a disaster is nobody
        if _sibling(token, trigger_token):
            continue  # "the meeting and Trump's stance could pave the way": the stance is no participant
        if counter.i != trigger_token.i and token.i == counter.i:
            continue  # "held a new round of talks": the round is the talks
        shares: dict[int, Word] = {}  # noun -> the bare modifier coordinated with it
        members = _conjuncts(token) + (_comma_names(token) if site.headline else [])
        for member in members:
            if (
                member.i in site.triggers
                or member.i in trigger.words
                or _holds_phrase_word(site, trigger, member)
            ):
                continue
            shared = _shared_head(member)
            if shared is not None:
                shares[shared.i] = member
                continue
            named = _appositive_name(_of_phrase(ctx.lexicon, member))
            participant = _participant(ctx, site.sentence, named, role, shares.get(named.i))
            if participant is None or participant.name == place:
                continue
            if site.headline and _holds_trigger(participant.name, trigger):
                continue
            if all(p.name != participant.name for p in found):
                found.append(participant)
    return tuple(found)


def _holds_phrase_word(site: Site, trigger: Trigger, member: Word) -> bool:
    """A noun a phrase trigger's second word hangs on, directly or through "of" ("fired **volleys** of
    teargas": the "teargas" of "fire teargas"): what was fired, no one."""
    for k in trigger.words:
        if k == trigger.index:
            continue  # the head word hangs on whoever does it ("a book calling for …")
        head = site.parse[k].head
        if head.i == member.i or (head.lower_ == "of" and head.head.i == member.i):
            return True
    return False


def _role_tokens(
    lex: Lexicon, parse: Parse, trigger: Trigger, anchors: list[int], headline: bool = False
) -> Iterator[tuple[str, Word]]:
    trigger_token = parse[trigger.index]
    noun = counted_by(lex, trigger_token)  # "rounds of talks took place": the round is the verb's subject
    amount = amount_in(trigger_token)
    for anchor in (parse[a] for a in anchors):
        predicate = _object_predicate(anchor, trigger_token)
        escalation = anchor.i == trigger_token.i and _escalation(lex, anchor)
        if escalation:
            pass  # "tensions exploded into war": what grew took no part in the fighting
        elif anchor.i == trigger_token.i:
            yield from _subject_roles(lex, anchor, headline)
        elif trigger.type == ACCIDENT_TYPE:
            pass  # nobody does a flood: "firefighters battled a wildfire" fought it
        elif predicate is None or anchor.lemma_ not in lex.naming_verbs:  # the verb of a noun ("held talks")
            yield from _anchor_subject_roles(lex, anchor, trigger_token)
        for child in anchor.children:
            if child.i == trigger_token.i or _coordinated(child, trigger_token) or child == predicate:
                continue  # "declared martial law and a mobilisation": the law is a sibling, not a participant
            if amount is not None and child.i == amount.i:
                continue  # "sent 20 million euros in aid": the sum is no participant
            if child.dep_ in OBJECT_DEPS:
                if _object_takes_part(lex, anchor, noun, child):
                    yield "target", child
                if trigger.type in PARTY_TYPES:
                    yield from _object_party(lex, child)
            elif child.dep_ == "prep" and not (escalation and child.lower_ in lex.escalation_preps):
                yield from _prep_roles(lex, child)
            elif child.dep_ == "ccomp" and trigger.type == "DEMAND":
                yield from _demanded_of(lex, child)
    if trigger_token.pos_ == "NOUN":
        undergone = trigger_token.lemma_.lower() in lex.undergone_nouns and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in trigger_token.children
        )  # "Russia's arrest of the journalist": the owner arrests
        for child in trigger_token.children:
            if undergone and (child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN")):
                yield "target", child  # "Navalny's arrest", "his release", "the Khashoggi murder"
            elif child.dep_ in ACTOR_MODIFIER_DEPS and child.ent_type_ in ACTOR_ENTITY_TYPES:
                yield "actor", child
            elif child.dep_ == "prep" and child.lower_ in lex.noun_object_preps:
                yield from _named_objects(child)
            elif child.dep_ == "prep":
                yield from _prep_roles(lex, child)
        if trigger.type in SPOKEN_IN_TYPES:
            yield from _speaker_roles(lex, trigger_token)


def _object_party(lex: Lexicon, obj: Word) -> Iterator[tuple[str, Word]]:
    """The other party named after the object of a talk or a signing, where the parser hung "with" on the object
    ("discussed **the war** with Putin", "signed the deal with Ankara"): a named actor only."""
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in lex.party_preps:
            yield from (
                (role, word) for role, word in _prep_roles(lex, prep) if word.ent_type_ in ACTOR_ENTITY_TYPES
            )


def amount_in(noun: Word) -> Word | None:
    """The amount, object of a verb, that is given "in" ``noun`` ("pledged **$10 million** in aid", "send **20
    million euros** in aid"), else ``None``: a sum, no participant of the aid."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.dep_ not in ("dobj", "obj"):
        return None
    amount = prep.head
    counted = any(c.dep_ == "nummod" for c in amount.children)  # "20 million euros"
    return amount if amount.tag_ in ("$", "CD") or amount.ent_type_ == "MONEY" or counted else None


def counted_by(lex: Lexicon, noun: Word) -> Word:
    """The noun that counts ``noun`` or the first noun it is listed with in "a new round of talks", "a series
    of fundraisers and speeches" (``lex.counting_nouns``): its verb is the event's, and it is no participant;
    else ``noun`` itself."""
    first = first_conjunct(noun)  # "a series of fundraisers, speeches and other events"
    of = first.head
    if first.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return noun
    counter = of.head
    return counter if counter.lemma_.lower() in lex.counting_nouns else noun


def first_conjunct(noun: Word) -> Word:
    """The first noun of the list ``noun`` is in ("declared martial law and mobilisation": "law"), else
    ``noun``: the list's verb and counting noun hang on it."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _escalation(lex: Lexicon, verb: Word) -> bool:
    """A burst into something ("tensions boiled over and exploded into large-scale military action"): a figure
    of speech for a conflict that grew, so neither its subject nor what it grew into took part in it."""
    return verb.lemma_.lower() in lex.blast_verbs and any(
        c.dep_ == "prep" and c.lower_ in lex.escalation_preps for c in verb.children
    )


def _anchor_subject_roles(lex: Lexicon, verb: Word, noun: Word) -> Iterator[tuple[str, Word]]:
    """The subjects of the verb a noun trigger hangs on, as far as they take part in the noun's event.

    Who breaks, causes, mentions or hails an event takes no part in it ("violated the truce", "incites
    violence", "mentioned the violence"); who faces or draws it is its target ("the plan drew criticism"); the
    subject of "be" is the event itself unless it names an actor ("the acknowledgement was an attack", but
    "Trump is a threat"), and so is the subject of a verb of membership ("the measures include travel bans");
    and a noun the parser made the object of a verb of saying, before a clause without a
    subject, is that clause's subject ("told reporters violence would be punished"). A noun owned by a name
    has its actor ("blasted **Trump's** call for a wall": the subject judged it, Trump called); one owned by
    a pronoun is mostly the subject's own ("renewed **its** calls").
    """
    lemma = verb.lemma_
    if lemma in lex.breach_verbs | lex.cause_verbs | lex.appraisal_verbs or _said_subject(lex, verb, noun):
        return
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
        return
    roles = _subject_roles(lex, verb)
    if noun.dep_ == "attr" or lemma in lex.membership_verbs:
        roles = ((role, token) for role, token in roles if _names_actor(token))
    if lemma in lex.reception_verbs:
        roles = (("target", token) for _, token in roles)
    yield from roles


def _said_subject(lex: Lexicon, verb: Word, noun: Word) -> bool:
    """Whether ``noun``, parsed as the object of a verb of saying, is the subject of the clause after it."""
    if noun.dep_ not in OBJECT_DEPS or verb.lemma_ not in lex.speech_verbs:
        return False
    return any(
        c.dep_ == "ccomp"
        and c.i > noun.i
        and not any(g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for g in c.children)
        for c in verb.children
    )


def _object_predicate(verb: Word, noun: Word) -> Word | None:
    """What a verb says a noun trigger, its object, is: "a betrayal" in "called the vote a betrayal", "a
    priority" in "made the deal a priority" (an object predicate, or a second object the parser made of it).

    The predicate is no participant; after ``naming_verbs`` the subject only judges the event and takes no part
    in it either ("Rubio called the statement offensive"), while "Obama made the deal a priority" keeps him.
    """
    if noun.i == verb.i or noun.dep_ not in OBJECT_DEPS:
        return None
    return next((c for c in verb.children if c.dep_ == "oprd" or (c.dep_ == "dobj" and c.i > noun.i)), None)


def _names_actor(token: Word) -> bool:
    """A name, a pronoun or a named entity: who can be something ("Trump is a threat"), unlike a common noun."""
    return token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ACTOR_ENTITY_TYPES


def _demanded_of(lex: Lexicon, clause: Word) -> Iterator[tuple[str, Word]]:
    """Whom a demand is made of: the subject of a "must" clause ("said that Sudan must return …")."""
    if has_demand_modal(clause, lex):
        for child in clause.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ != "PRON":  # not "the bridge must be repaired"
                yield "target", child


def _sibling(token: Word, trigger: Word) -> bool:
    """Whether ``token`` is the trigger or coordinated with it: what is listed with an event is no participant."""
    return token.i == trigger.i or _coordinated(token, trigger) or _coordinated(trigger, token)


def _coordinated(token: Word, trigger: Word) -> bool:
    """Whether ``trigger`` is a conjunct of ``token`` (the first conjunct carries the verb link)."""
    current = trigger
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
        if current.i == token.i:
            return True
    return False


def _object_takes_part(lex: Lexicon, anchor: Word, trigger: Word, obj: Word) -> bool:
    """Whether a direct object of the trigger or its verb names a participant rather than a topic or a predicate.

    "discussed the situation" names what was talked about, and a noun trigger that is the subject of a verb of
    being or containing ("her visit had great importance", "the deal stipulates the opening of …") says what
    the event is: there only a named actor or place counts ("discussed Ukraine"). What a fight is fought is
    the fighting itself ("fought two wars"), never a participant, and an instrument driven "into" someone or
    aimed "at" them is what it was done with.
    """
    if anchor.lemma_ in lex.contest_words and obj.lemma_.lower() in lex.fought_objects:
        return False  # "fought two wars": the fighting itself
    if obj.lemma_.lower() in lex.instrument_nouns and (
        _aimed(lex, anchor) or anchor.lemma_ in lex.aiming_verbs
    ):
        # "rammed a car into the crowd", "fired 88 missiles and 63 drones": what it was done with
        return False
    topic = anchor.lemma_ in lex.content_object_verbs and obj.dep_ in ("dobj", "obj")
    subject = anchor.i != trigger.i and trigger.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
    predicate = subject and anchor.lemma_ in lex.predicate_verbs
    if not (topic or predicate or (subject and _consequence(lex, anchor, trigger))):
        return True
    return obj.ent_type_ in ACTOR_ENTITY_TYPES | PLACE_ENTITY_TYPES


def _aimed(lex: Lexicon, verb: Word) -> bool:
    """Whether the verb has a preposition of where an instrument is driven or aimed ("into", "at")."""
    return any(c.dep_ == "prep" and c.lower_ in lex.driven_preps | lex.aimed_preps for c in verb.children)


def _instrument_object(lex: Lexicon, verb: Word) -> bool:
    """Whether the verb's direct object is an instrument, or a number of them ("fired rockets", "fired dozens of
    missiles")."""
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "obj"):
            continue
        if any(word.lemma_.lower() in lex.instrument_nouns for word in [obj, *_of_objects(obj)]):
            return True
    return False


def _consequence(lex: Lexicon, verb: Word, subject: Word) -> bool:
    """Whether a noun trigger is the active subject of a verb that says what the event led to, not whom it
    struck: one outside the trigger lexicon and ``impact_verbs`` ("the attacks changed the campaign", "the
    meeting produced favorable optics"; but "the attack killed two soldiers", "the strike affected consumers")."""
    lemma = verb.lemma_.lower()
    return subject.dep_ in SUBJECT_DEPS and lemma not in lex.verbs and lemma not in lex.impact_verbs


def _speaker_roles(lex: Lexicon, noun: Word) -> Iterator[tuple[str, Word]]:
    """Who spoke at a noun event took part in it: "X said at a meeting with Y" makes X an actor of the meeting.

    A call or a conversation has two parties, so whoever did anything in one took part, and so did the one it
    was done to: "von der Leyen congratulated Ionescu in a phone call" is a call between the two.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in lex.setting_preps:
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    said = verb.lemma_ in lex.speech_verbs or any(
        c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.speech_nouns for c in verb.children
    )  # "made the remarks during the meeting"
    actors = ((role, token) for role, token in _subject_roles(lex, verb) if role == "actor")
    call = noun.lemma_.lower() in lex.call_nouns and verb.pos_ == "VERB"  # not "the answer was indistinct"
    if said:
        yield from actors
    elif call and verb.lemma_ not in lex.occurrence_verbs:
        yield from actors  # not "his name came up in every conversation": what comes up takes no part
    if call:
        yield from (
            ("target", c)
            for c in verb.children
            if c.dep_ in CALLED_DEPS and c.ent_type_ in ACTOR_ENTITY_TYPES
        )


def _subject_roles(lex: Lexicon, verb: Word, headline: bool = False) -> Iterator[tuple[str, Word]]:
    """Subjects of ``verb`` or, for a subjectless complement, of the verb it depends on.

    A borrowed subject acts ("Putin is expected to host…"), unless ``verb`` is passive itself: then it undergoes
    the act, whoever did the head verb's ("was detained by police and should be freed", "needs to be destroyed"),
    and so does whoever dies ("**two passengers** died": no one's act, they are its target), and the subject of
    a headline's bare participle (``_headline_passive``).
    """
    current, passive = verb, False
    undergoes = (
        any(c.dep_ in PASSIVE_AUX_DEPS for c in verb.children)
        or verb.lemma_.lower() in lex.death_verbs
        or (headline and _headline_passive(lex, verb))
    )
    while True:
        doer = _controller(lex, current, verb) if current is not verb else None
        if doer is not None:
            yield ("target" if undergoes else "actor"), doer  # "asked the DOJ to investigate"
            return
        for child in _without_split_subjects(current):
            if child.dep_ in PASSIVE_SUBJECT_DEPS and (current is verb or passive):
                yield "target", child
                yield from _agents(lex, current)
                if current is not verb:
                    yield from _agents(lex, verb)
                return
            if undergoes and child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                yield "target", child
                yield from _agents(lex, verb)
                return
            if child.dep_ in SUBJECT_DEPS or (current is not verb and child.dep_ in PASSIVE_SUBJECT_DEPS):
                yield "actor", child  # "Putin is expected to host…": the raised subject acts
                return
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            yield from _modified_noun_role(current)
            return
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i or _listed_noun(current):
            return
        passive = (current is verb or passive) and _passive_conjunct(current)  # conjuncts all the way up
        current = (
            _quoted_conjunct_cue(current) or saying_goes_on(current, lex.passive_object_verbs) or current.head
        )


def _without_split_subjects(verb: Word) -> list[Word]:
    """``verb``'s children, of two active subjects with no punctuation between them only the one nearer the
    verb: they are one noun phrase the parser split ("A **magnitude** 6.8 **earthquake** struck": the
    earthquake struck). With punctuation between, they are a misparse of another kind ("In declaring X's
    **statements** as "not Christian," the **pope** demonstrated"), left as they are."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    if len(subjects) < 2 or _punctuation_between(verb, subjects[0].i, subjects[-1].i):
        return children
    return [c for c in children if c.dep_ not in SUBJECT_DEPS or c.i >= verb.i or c.i == subjects[-1].i]


def _punctuation_between(token: Word, start: int, end: int) -> bool:
    """Whether a punctuation mark lies between the words ``start`` and ``end`` of ``token``'s parse."""
    return any(t.pos_ == "PUNCT" for t in token.doc[start:end])


def _listed_noun(token: Word) -> bool:
    """A noun listed after another ("asset freezes and travel bans"): it borrows no subject from the first, which
    has one only where the parser misread the list ("asset" the subject of "freezes"); the list's verb is found
    as the noun's anchor instead."""
    return token.dep_ == "conj" and token.pos_ == "NOUN" and token.head.pos_ == "NOUN"


def _headline_passive(lex: Lexicon, verb: Word) -> bool:
    """A headline's past participle without "was" ("Plant director detained over leak", "Two soldiers killed in
    border clash"), which the parser reads as an active past: a verb that always takes an object
    (``lex.object_verbs``) has none here, so its subject underwent the act."""
    return (
        verb.tag_ in ("VBD", "VBN")
        and verb.lemma_.lower() in lex.object_verbs
        and not any(c.dep_ in HEADLINE_ACTIVE_DEPS for c in verb.children)
    )


def _quoted_conjunct_cue(conjunct: Word) -> Word | None:
    """The verb of saying a conjunct goes on when the parser hung it on a verb inside the quotation before it.

    'the spokesman said the island had been "occupied by force" and called on Selmar to withdraw': "called" is
    parsed as a conjunct of "occupied", but the quotation closing between them ends what was said, so the
    conjunct continues the sentence's own verb, and its doer is the spokesman, not the island. Only for a
    clause after its verb of saying whose quotation opened and closed before the conjunct; a quotation running
    on across "and" ('will be pursuing funds and will "compete …"') leaves the parse alone.
    """
    head = conjunct.head
    if conjunct.dep_ != "conj" or head.dep_ != "ccomp" or not head.head.i < head.i < conjunct.i:
        return None
    doc = conjunct.doc
    marks = [t for t in doc[head.head.i + 1 : conjunct.i] if t.is_quote and t.tag_ != "POS"]
    closed_after_head = any(t.i > head.i for t in marks)
    return head.head if marks and len(marks) % 2 == 0 and closed_after_head else None


def _modified_noun_role(participle: Word) -> Iterator[tuple[str, Word]]:
    """The noun a participle describes takes part: it underwent a past participle ("four guards **killed** in a
    clash", a headline's and a caption's way of saying "were killed") and did a present one ("gunmen
    **attacking** the convoy")."""
    if participle.tag_ == "VBN":
        yield "target", participle.head
    elif participle.tag_ == "VBG":
        yield "actor", participle.head


def _controller(lex: Lexicon, head: Word, verb: Word) -> Word | None:
    """The object of a verb like "ask" or "force" that the to-infinitive under it hangs on: who does what that
    infinitive says ("Republicans asked **the DOJ** to investigate", "the leak forced **Schultz** to resign")."""
    if head.lemma_ not in lex.object_control_verbs:
        return None
    complement = next(
        (c for c in head.children if c.dep_ == "xcomp" and c.i <= verb.i <= c.right_edge.i), None
    )
    if complement is None:
        return None
    return next((c for c in head.children if c.dep_ in OBJECT_DEPS and c.i < complement.i), None)


def _passive_conjunct(token: Word) -> bool:
    """A bare participle coordinated with a passive ("was shot and **killed** by police"): passive too, so the
    subject it shares is what was done to, not who did it. One with an object of its own is active ("had been
    wounded and **accused** the rebels of the attack")."""
    return (
        token.dep_ == "conj"
        and token.tag_ == "VBN"
        and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") or c.dep_ in OBJECT_DEPS
            for c in token.children
        )
        and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in token.head.children)
    )


def _agents(lex: Lexicon, verb: Word) -> Iterator[tuple[str, Word]]:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in lex.agent_preps):
            # not "signed and ratified by the time anybody is elected", nor "occupied by force"
            yield from (
                ("actor", g)
                for g in child.children
                if g.dep_ == "pobj" and g.lemma_ != "time" and not _manner(lex, g)
            )


def _manner(lex: Lexicon, noun: Word) -> bool:
    """A bare singular noun of means after "by" ("by force", "by mistake", "by video link"), not "by the forces"."""
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    return bare and noun.tag_ == "NN" and noun.lemma_.lower() in lex.manner_nouns


def _prep_roles(lex: Lexicon, prep: Word) -> Iterator[tuple[str, Word]]:
    word = prep.lower_
    role = "target" if word in lex.target_preps else "participant" if word in lex.participant_preps else None
    if _aimed_at(lex, prep):
        role = "target"  # "fired rockets at Israel"
    if (
        role == "target"
        and (word == "to" or word in lex.driven_preps)
        and prep.head.lemma_.lower() in lex.sending_verbs
    ):
        return  # "deported to Egypt": where they were sent
    named = word in lex.named_target_preps
    for obj in _prep_objects(prep):
        if word in lex.instrument_preps and obj.lemma_.lower() in lex.instrument_nouns:
            continue  # "attacked him with a knife": what it was done with
        if role == "target" and (_outcome(lex, obj) or span_or_figure(obj)):
            continue  # "stabbed to death", "sentenced to life", "to 12 years", "by 5 percent": how it ended
        if role is not None:
            yield role, obj
        elif named and obj.ent_type_ in NAMED_TARGET_TYPES and not _medium(lex, obj):
            yield "target", obj


def _outcome(lex: Lexicon, obj: Word) -> bool:
    """How an act ended or what a court sent someone to ("to death", "to life in prison"), not a life someone
    owns ("a threat to **their life**")."""
    return obj.lemma_.lower() in lex.outcome_nouns and not any(c.dep_ == "poss" for c in obj.children)


def _medium(lex: Lexicon, obj: Word) -> bool:
    """A network or platform named after "on" ("announced on Twitter", "Fox News"): where, not whom."""
    name = " ".join(t.text for t in obj.lefts if t.dep_ == "compound") + " " + obj.text
    return obj.text in lex.media_names or name.strip() in lex.media_names


def _named_objects(prep: Word) -> Iterator[tuple[str, Word]]:
    """A named actor after "of" is what a noun event was done to: "the appointment of Ann Linde"."""
    for obj in prep.children:
        if obj.dep_ == "pobj" and obj.ent_type_ in ACTOR_ENTITY_TYPES:
            yield "target", obj


def _prep_objects(prep: Word) -> Iterator[Word]:
    """The objects of a preposition; a named actor after a participle the parser took for a gerund counts too.

    "a meeting with visiting Foreign Minister Linde" is parsed with "visiting" as the preposition's clause and
    "Linde" as its direct object.
    """
    for child in prep.children:
        if child.dep_ == "pobj":
            yield child
        elif child.dep_ == "pcomp" and child.tag_ == "VBG":
            yield from (
                g for g in child.children if g.dep_ in OBJECT_DEPS and g.ent_type_ in ACTOR_ENTITY_TYPES
            )


def _appositive_name(token: Word) -> Word:
    """A named actor in apposition to a common noun ("the Dutch foreign minister Wopke Hoekstra" -> Hoekstra)."""
    if token.ent_type_ or token.pos_ != "NOUN":
        return token
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ in ACTOR_ENTITY_TYPES:
            return child
    return token


def _of_phrase(lex: Lexicon, token: Word) -> Word:
    """What a generic head introduces ("the town of Tartar" -> Tartar, "thousands of people" -> people)."""
    lemma = token.lemma_.lower()
    generic = lemma in lex.place_nouns or lemma in lex.quantity_nouns or token.pos_ == "NUM"
    if not generic:
        return token
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in prep.children:
            if obj.dep_ == "pobj":
                return obj
    return token


def _shared_head(token: Word) -> Word | None:
    """The noun a bare proper modifier shares with its conjunct, which the parser made the phrase's head.

    "Kyrgyz and Tajik border guards" is parsed with "Kyrgyz" as the subject and "guards" as its conjunct: the
    guards are one participant, not the country "Kyrgyz" and the "Tajik border guards".
    """
    if token.pos_ not in ("PROPN", "ADJ") or any(
        c.dep_ not in ("cc", "conj", "punct") for c in token.children
    ):
        return None
    for conj in (c for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        first = next(iter(conj.lefts), None)
        if first is not None and first.dep_ in ("compound", "amod") and first.pos_ in ("PROPN", "ADJ"):
            return conj
    return None


def _conjuncts(token: Word) -> list[Word]:
    """``token`` and the nouns coordinated with it ("Putin, Aliyev and Pashinyan")."""
    members = [token]
    title_ends: dict[int, int] = {}  # a name read across "and" -> where the next name's title ends
    for member in members:
        for c in member.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON") and not _ends_of_list(member, c):
                if c.i >= title_ends.get(member.i, 0):  # not "Kosovo" of "… and Kosovo Prime Minister Kurti"
                    members.append(c)
            elif _name_before_and(member, c):
                members.append(c)
                title_ends[c.i] = member.i
    return members


def _name_before_and(name: Word, child: Word) -> bool:
    """A person's name the parser hung on the next one across "and" ("Serbian President Aleksandar **Vucic**
    and Kosovo Prime Minister Albin Kurti met": "Vucic" a modifier of "Kurti"): a conjunct of its own."""
    return (
        child.i < name.i
        and child.dep_ in ("nmod", "compound")
        and child.ent_type_ == "PERSON"
        and name.ent_type_ == "PERSON"
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in child.children)
    )


def _holds_trigger(name: str, trigger: Trigger) -> bool:
    """Whether a participant's name holds its own trigger word: the recognizer reads a title-case headline's
    words as one long name ("Clinton Slams Trump On Trade", "Worker Kills 2 Women", "Obama's Terror Speech")."""
    return trigger.text.casefold() in name.casefold().split()


def _comma_names(subject: Word) -> list[Word]:
    """The other name of a headline's "A, B" subject, which the parser reads as one name in apposition to the
    other ("Oskaria, Varnia agree on …"), as a modifier of the verb ("Israel, Hamas agree to …") or of the
    subject ("Armenia, Azerbaijan agree to …") or as a second subject ("Verizon, striking unions reach deal"): a
    headline writes "and" as a comma, so both take part."""
    if subject.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or subject.pos_ != "PROPN":
        return []
    doc = subject.doc
    found = [
        c
        for c in subject.rights
        if c.dep_ == "appos" and c.pos_ == "PROPN" and _comma_between(doc, subject, c.left_edge.i)
    ]
    # "Armenia, Azerbaijan agree": the first name read as the subject's modifier
    found += [c for c in subject.lefts if _pair_member(c) and _comma_between(doc, c, subject.i)]
    found += [
        c
        for c in subject.head.children
        if c.i != subject.i
        and _pair_member(c)
        and (_comma_between(doc, c, subject.left_edge.i) or _comma_between(doc, subject, c.left_edge.i))
    ]
    return found


def _pair_member(token: Word) -> bool:
    """A name beside a headline's subject as the parser hangs one, or a common noun as a second subject."""
    if token.pos_ == "PROPN":
        return token.dep_ in PAIR_MODIFIER_DEPS
    return token.pos_ == "NOUN" and token.dep_ in SUBJECT_DEPS


def _comma_between(doc: Parse, first: Word, second: int) -> bool:
    """Whether nothing but a comma comes between the name ``first`` and the token at ``second``."""
    return second == first.i + 2 and doc[first.i + 1].text == ","


def _ends_of_list(head: Word, conj: Word) -> bool:
    """A name the parser hung on the noun before a list of names after "of" ("the leaders of Russia,
    Azerbaijan, and Armenia signed": "Armenia" a conjunct of "leaders"): the list's last member, not a
    participant of its own."""
    if head.pos_ != "NOUN" or conj.pos_ != "PROPN":
        return False
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < conj.i), None)
    first = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return first is not None and first.pos_ == "PROPN" and any(c.dep_ == "conj" for c in first.children)


def _participant(
    ctx: Context, sentence: Span, token: Word, role: str, left: Word | None = None
) -> Participant | None:
    """A participant named by its document entity, else by its named-entity span, else by its noun phrase.

    ``left`` is a bare modifier coordinated with the phrase ("Kyrgyz" in "Kyrgyz and Tajik border guards"),
    where the common-noun name starts.
    """
    if token.ent_type_ in TIME_ENTITY_TYPES or token.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    start, end = _noun_phrase(sentence, token)
    if left is not None:
        start = sentence.start_char + left.idx
    head_start = sentence.start_char + token.idx
    entity = _entity_at(ctx, head_start, head_start + len(token.text))  # must cover the head word:
    if entity is None and token.pos_ == "PROPN":  # a name the recognizer missed here but found elsewhere
        entity = ctx.entity_index.named(token.text) if ctx.entity_index is not None else None
    if entity is not None:  # "Armenian forces" is not the NORP entity "Armenian"
        return Participant(role, entity.name, entity.id)
    # an unresolved "he" or "everything" names nobody; "-" or "co" from a broken parse neither
    if token.tag_ in PRONOUN_TAGS or token.pos_ == "PRON" or not _word_like(token):
        return None
    name = _named_span(ctx, sentence, token) or ctx.parsed.document.text[start:end]
    return Participant(role, name)


def _entity_at(ctx: Context, start: int, end: int) -> Entity | None:
    """The entity whose mention overlaps ``[start, end)`` most (``model.EntityIndex``)."""
    assert ctx.entity_index is not None
    return ctx.entity_index.at(start, end)


def _word_like(token: Word) -> bool:
    text = token.text
    return any(ch.isalpha() for ch in text) and (len(text) > 2 or text.isupper())


def _noun_phrase(sentence: Span, token: Word) -> tuple[int, int]:
    """Character offsets of ``token`` with its left modifiers ("Azerbaijani President Ilham Aliyev")."""
    left = token
    for child in token.lefts:
        if child.dep_ in NP_MODIFIER_DEPS:
            left = child.left_edge if child.left_edge.i < left.i else left
            break
    while left.i < token.i and left.tag_ in RELATIVE_TAGS:
        left = left.nbor()  # "whose armed forces" -> "armed forces"
    doc = token.doc
    while left.i >= 2 and doc[left.i - 1].text == "-" and _glued(doc[left.i - 2], doc[left.i - 1]):
        left = doc[left.i - 2]  # "co-chairs", split by the tokenizer into "co", "-", "chairs"
    right = token
    for child in token.rights:
        if child.dep_ in ("flat", "compound") and child.i == right.i + 1:
            right = child
    offset = sentence.start_char
    return offset + left.idx, offset + right.idx + len(right.text)


def _glued(first: Word, hyphen: Word) -> bool:
    """Whether ``first`` and ``hyphen`` are written without spaces, as parts of one hyphenated word."""
    return first.is_alpha and not first.whitespace_ and not hyphen.whitespace_


def _named_span(ctx: Context, sentence: Span, token: Word) -> str | None:
    """The named-entity span of the whole document that covers ``token``, if any."""
    doc = ctx.parsed.doc
    absolute = doc[sentence.start + token.i]
    if not absolute.ent_type_:
        return None
    first = last = absolute.i
    while doc[first].ent_iob_ == "I" and first > 0:
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return doc[first : last + 1].text.removeprefix("the ").removeprefix("The ")


# ---------------------------------------------------------------------------------------------- place


def place(ctx: Context, sentence: Span, parse: Parse, anchors: list[int]) -> str | None:
    """The first location in an "in"/"at" phrase under the trigger, its verb or their objects.

    Half of the sentences with an event have no such phrase at all: a look at their words spares the walk."""
    preps = ctx.lexicon.place_preps
    if not any(word.lower_ in preps and word.dep_ == "prep" for word in parse):
        return _modifier_place(ctx, sentence, parse[anchors[0]])
    frontier = [parse[a] for a in anchors]
    seen: set[int] = set()
    while frontier:
        token = frontier.pop(0)
        if token.i in seen:
            continue
        seen.add(token.i)
        for child in token.children:
            if (
                child.dep_ in CLAUSE_DEPS
                or child.dep_ in ("ccomp", "xcomp")
                or is_clause_prep(child, ctx.lexicon)
                or _infinitive_of_noun(child)
            ):
                continue
            if (
                child.dep_ == "prep"
                and child.lower_ in ctx.lexicon.place_preps
                and not _aimed_at(ctx.lexicon, child)
            ):
                name = _location(ctx, sentence, child)
                if name is not None:
                    return name
            frontier.append(child)
    return _modifier_place(ctx, sentence, parse[anchors[0]])


def _of_objects(noun: Word) -> list[Word]:
    """What follows a noun's "of" ("dozens **of missiles**", "the resort **of Sochi**")."""
    return [g for p in noun.children if p.lower_ == "of" for g in p.children]


def _aimed_at(lex: Lexicon, prep: Word) -> bool:
    """Whether ``prep`` names what an instrument was aimed at ("fired rockets at Israel"): a target
    (``_prep_roles``), not a place."""
    verb = prep.head
    aiming = prep.lower_ in lex.aimed_preps and verb.lemma_.lower() in lex.aiming_verbs
    return aiming and _instrument_object(lex, verb)


def _infinitive_of_noun(child: Word) -> bool:
    """An infinitive on a noun ("his call for permission **to strike** targets inside Russia"): where that
    would happen, not where the event did."""
    return child.dep_ == "acl" and any(c.tag_ == "TO" for c in child.children)


def _modifier_place(ctx: Context, sentence: Span, trigger: Word) -> str | None:
    """A city or region naming a noun event ("the Orlando shooting", "the Iowa caucuses"): where it took place,
    not who acted (a named place is never also a participant). A country there is a party ("the US strike")."""
    roles = role_table(ctx.parsed.document.language or "en")
    if trigger.pos_ != "NOUN" or roles is None:
        return None
    for child in trigger.children:
        if child.dep_ != "compound" or child.i > trigger.i:
            continue
        entity = _entity_at(ctx, *_noun_phrase(sentence, child))
        if entity is not None and entity.type in PLACE_ENTITY_TYPES and not _country(entity.name, roles):
            return entity.name
    return None


def _country(name: str, roles: RoleTable) -> bool:
    """A listed country, or any name in capitals ("U.S", "F.B.I", both read as places by the model)."""
    return (
        not any(ch.islower() for ch in name)
        or name.lower() in roles.demonyms
        or name in roles.demonyms.values()
    )


def _location(ctx: Context, sentence: Span, prep: Word) -> str | None:
    """The place an "in"/"at" phrase names: its object, the name after a common noun's "of" ("the Black Sea
    resort of Sochi" is Sochi, not the sea its phrase names), or a name before its noun ("the Tovuz region")."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lemma_.lower() in ctx.lexicon.not_place_heads:
            continue  # "in support of EU membership": why, not where
        of_objects = _of_objects(obj)
        compounds = [c for c in obj.children if c.dep_ == "compound"]
        order = [*of_objects, obj] if obj.pos_ == "NOUN" else [obj, *of_objects]
        for candidate in [*order, *compounds]:
            start, end = _noun_phrase(sentence, candidate)
            entity = _entity_at(ctx, start, end)
            if entity is not None and entity.type in PLACE_ENTITY_TYPES:
                return entity.name
            if entity is None and candidate.ent_type_ in PLACE_ENTITY_TYPES:
                return _named_span(ctx, sentence, candidate)
    return None
