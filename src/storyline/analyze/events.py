"""Events: who did what to whom, when and where, one record per trigger a sentence reports.

Reads a :class:`~storyline.analyze.nlp.Parsed` document with its entities and timexes; returns
:class:`~storyline.model.Event` records. The ontology (``EVENT_TYPES``) is adapted from PLOVER and documented
with its trigger words and its PLOVER mapping in docs/EVENTS.md.

Why this shape: a lemma lookup over the tagged tokens is cheap, so every sentence is scanned; the dependency
parse is expensive, so only sentences with a trigger are parsed, and the parse then gives the participants
(subject, objects, conjuncts), the place ("in"/"at" + a location), the date (a timex attached to the trigger)
and the status (tense, aspect, "will", "plans to"). Triggers nested inside another trigger's complement
("agreed to a ceasefire", "accused Baku of shelling") describe its content, not a separate happening, and are
folded into it; a bare announcement frame ("announced that troops will withdraw") gives way to its content.

Layout: this module finds triggers, folds nested ones and assembles the records; ``event_roles`` names the
participants and the place, ``event_time`` the date and the status (its docstring says which date wins), and
``event_context`` holds the records and dependency labels the three share.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from storyline.analyze import event_roles, event_senses, event_time
from storyline.analyze.event_context import (
    CLAUSE_DEPS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    Context,
    Lexicon,
    Site,
    Trigger,
    antecedent,
    excluded_by,
    has_demand_modal,
    is_clause_prep,
    is_headline,
    lexicon,
    negative,
    phrase_children,
)
from storyline.analyze.event_words import Parse, Word, lemmas_and_tags
from storyline.analyze.quote_headlines import headline_reading, parsed_reading
from storyline.analyze.roles import table as role_table
from storyline.model import Entity, EntityIndex, Event, Timex
from storyline.settings import AnalyzeSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.analyze.nlp import Parsed

__all__ = ["EVENT_TYPES", "Lexicon", "extract", "lexicon"]

EVENT_TYPES = (
    "AGREE", "SIGN", "MEET", "CONSULT", "STATEMENT", "VISIT", "ATTACK", "CEASEFIRE", "DEPLOY", "WITHDRAW",
    "PROTEST", "ACCUSE", "DEMAND", "REJECT", "THREATEN", "AID", "ELECTION", "APPOINT", "SANCTION", "ARREST",
    "COOPERATE", "DISASTER", "OTHER",
)  # fmt: skip
FRAME_TYPE = "STATEMENT"  # announcing something is a frame: the announced event is what happened
AID_TYPE = "AID"  # aid a verb of giving pledges is the aid's event (``_approved``)
PREPOSITIONAL_PARTS = frozenset({"on", "upon", "for"})  # the second word of "call on", "call for", "push for"
ADDRESSEE_PARTS = frozenset({"on", "upon"})  # "call on X": a date right after them is no addressee
THREAT_TYPE = "THREATEN"  # a threat, unless a thing at risk "threatens to" (``_risk``)
DEMAND_TYPE = "DEMAND"  # what a verb of saying becomes over a "must" clause ("said Sudan must return …")

NOUN_TRIGGER_DEPS = (
    OBJECT_DEPS | SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"attr"}
)  # "held talks", "talks began"
OBJECTLESS_BREAKERS = frozenset({"dobj", "obj", "ccomp"})  # what an objectless-only verb must not have
PASSIVE_MARKS = frozenset({"auxpass", "nsubjpass"})  # what a passive verb has
WORD_TABLES = {"VERB": "verbs", "NOUN": "nouns", "ADJ": "adjectives"}  # part of speech -> lexicon table
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod"})  # how the parser hangs "up", "down", "through", "home"
PHRASE_WINDOW = 3  # tokens between the two words of a phrase trigger ("sent humanitarian aid")


def extract(
    parsed: Parsed,
    entities: Sequence[Entity],
    timexes: Sequence[Timex],
    *,
    settings: AnalyzeSettings | None = None,
) -> list[Event]:
    """Every event the document reports, in text order; ``[]`` for a language without a lexicon."""
    lex = lexicon(parsed.document.language or "en")
    if lex is None:
        return []
    ordered = sorted(timexes, key=lambda t: t.start)
    ctx = Context(
        parsed, entities, ordered, lex, settings or AnalyzeSettings(),
        [t.start for t in ordered], EntityIndex(entities),
    )  # fmt: skip
    to_parse = {(s.start_char, s.end_char) for s in _checked_sentences(parsed, lex, ctx.settings)}
    events: list[Event] = []
    for sentence, triggers in _sentence_triggers(parsed, lex):
        if (sentence.start_char, sentence.end_char) in to_parse:
            events.extend(sentence_events(ctx, sentence, triggers))
        else:  # too long to parse, or past the document's cap on parsed sentences
            events.extend(bare_event(ctx, sentence, t) for t in _unchecked(lex, sentence, triggers))
    return event_senses.stoppages_throughout(lex, parsed, events)


def sentences_to_parse(parsed: Parsed, settings: AnalyzeSettings | None = None) -> list[Span]:
    """The sentences ``extract`` will ask a parse for, so that ``nlp.parse_batch`` can parse them in a batch.

    A headline read from its re-reading (``headline_doc``) is checked on that, never on its own parse, so it is
    not planned.
    """
    lex = lexicon(parsed.document.language or "en")
    if lex is None:
        return []
    checked = _checked_sentences(parsed, lex, settings or AnalyzeSettings())
    return [sentence for sentence in checked if headline_doc(parsed, sentence, lex) is None]


def _checked_sentences(parsed: Parsed, lex: Lexicon, settings: AnalyzeSettings) -> list[Span]:
    """The sentences whose triggers ``sentence_events`` checks on a parse (or a headline's re-reading); the
    triggers of the others make bare events: a sentence too long to parse, or past the document's cap.

    Planning and extraction both ask, so the list is kept per document (and per cap)."""
    memo = parsed.memo.setdefault("events.checked", {})
    caps = (settings.event_max_parsed_sentences, settings.event_max_sentence_tokens)
    if caps in memo:
        return list(memo[caps])
    wanted: list[Span] = []
    for sentence, _ in _sentence_triggers(parsed, lex):
        if len(wanted) >= settings.event_max_parsed_sentences:
            break
        if len(sentence) <= settings.event_max_sentence_tokens:
            wanted.append(sentence)
    memo[caps] = wanted
    return list(wanted)


def _sentence_triggers(parsed: Parsed, lex: Lexicon) -> list[tuple[Span, list[Trigger]]]:
    """Every piece of the document (its sentences cut at line breaks, ``Parsed.pieces``) that has a trigger,
    with its triggers (``find_triggers``), in text order.

    Found once per document, since planning and extraction both walk them. Half the pieces have no lexicon
    word at all: one pass over the document's lemmas finds the words, so that such a piece is passed over
    without slicing its lemmas; a headline is looked at whatever its words, as its re-reading may lemmatize
    them otherwise ("Talks" read as a name)."""
    found: list[tuple[Span, list[Trigger]]] | None = parsed.memo.get("events.triggers")
    if found is not None:
        return found
    lemmas, tags = lemmas_and_tags(parsed.doc)
    words = lex.trigger_words
    hits = [i for i, lemma in enumerate(lemmas) if lemma in words]
    found = []
    for sentence in parsed.pieces:
        start, end = sentence.start, sentence.end
        headline = headline_doc(parsed, sentence, lex)
        if headline is not None:
            triggers = find_triggers(
                sentence, lex, [t.lemma_.lower() for t in headline], [t.pos_ for t in headline]
            )
        elif has_between(hits, start, end):
            triggers = find_triggers(sentence, lex, lemmas[start:end], tags[start:end])
        else:
            continue
        if triggers:
            found.append((sentence, triggers))
    parsed.memo["events.triggers"] = found
    return found


def has_between(ordered: Sequence[int], start: int, end: int) -> bool:
    """Whether the sorted ``ordered`` holds a number from ``start`` up to (not including) ``end``."""
    k = bisect.bisect_left(ordered, start)
    return k < len(ordered) and ordered[k] < end


def headline_doc(parsed: Parsed, sentence: Span, lex: Lexicon) -> Doc | None:
    """A headline's re-reading (``quote_headlines.headline_reading``) with the document's entity labels, or
    ``None`` for a sentence that is no headline or whose own parse will do.

    The tagger misreads headlines: "Armenia, Azerbaijan sign peace deal" has "sign" as a noun before "deal",
    "Putin To Visit Baku" a name "Visit". The re-reading has the same tokens, so trigger indexes and offsets
    hold; it has no entities of its own, and the roles need them ("Azerbaijan" is a GPE).
    """
    if not is_headline(parsed, sentence):
        return None
    memo = parsed.memo.setdefault("events.headlines", {})
    key = (sentence.start_char, sentence.end_char)
    if key not in memo:
        reading = headline_reading(parsed, sentence, frozenset(lex.verbs), "events", verbless=True)
        memo[key] = _with_entities(parsed_reading(parsed, reading), sentence) if reading is not None else None
    return memo[key]


def _with_entities(reading: Doc, sentence: Span) -> Doc | None:
    """``reading`` with the words (a title-case line is read in lower case) and entity labels of ``sentence``'s
    tokens; ``None`` when their tokens differ."""
    from spacy.tokens import Doc

    if [t.idx for t in reading] != [t.idx - sentence.start_char for t in sentence]:
        return None
    return Doc(
        reading.vocab,
        words=[t.text for t in sentence],
        spaces=[bool(t.whitespace_) for t in reading],
        tags=[t.tag_ for t in reading],
        pos=[t.pos_ for t in reading],
        lemmas=[t.lemma_ for t in reading],
        heads=[t.head.i for t in reading],
        deps=[t.dep_ for t in reading],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in sentence],
    )


# ---------------------------------------------------------------------------------------------- triggers


def find_triggers(
    sentence: Span, lex: Lexicon, lemmas: list[str] | None = None, tags: list[str] | None = None
) -> list[Trigger]:
    """Lexicon hits in ``sentence`` (tagged, not parsed): phrases first, then single verbs and nouns.

    ``lemmas`` (lower case) and ``tags`` (coarse parts of speech) of the sentence's tokens, when the caller has
    them from the document's arrays (``event_words.lemmas_and_tags``), spare a spaCy ``Token`` object per word."""
    if lemmas is None or tags is None:
        lemmas = [token.lemma_.lower() for token in sentence]
        tags = [token.pos_ for token in sentence]
    words = lex.trigger_words
    hits = [i for i, lemma in enumerate(lemmas) if lemma in words]  # most words are none
    if not hits:
        return []
    claimed: set[int] = set()
    found: dict[int, Trigger] = {}
    for i in hits:
        if i in claimed:
            continue  # "phone call on Friday": the "call" of "phone call" starts no "call on"
        lemma = lemmas[i]
        for second, kind in lex.phrases.get(lemma, ()):
            j = _phrase_end(lemmas, tags, i, second, lex.quantity_words)
            if (
                j is not None
                and not _split_phrase(lemmas, tags, i, j)
                and not _split_preposition(sentence, lemmas, tags, i, j)
            ):
                head = (
                    i
                    if tags[i] in ("VERB", "AUX")
                    or tags[j] in ("ADP", "PART")
                    or _noun_of(lemmas, tags, i, j)
                    else j
                )
                found[head] = _phrase_trigger(sentence, head, i, j, kind)
                claimed.update(range(i, j + 1))
                break
    modal = any(lemmas[i] in lex.demand_modals for i in hits)  # before or after the verb of saying
    for i in range(len(tags)) if modal else hits:  # a verb of saying is a trigger only beside a modal
        tag = tags[i]
        if i in claimed:
            continue
        if modal and tag == "VERB" and _saying(lex, lemmas[i]):
            found[i] = _phrase_trigger(sentence, i, i, i, DEMAND_TYPE)  # checked on the parse: _modal_demand
            continue
        if lemmas[i] not in lex.verbs and lemmas[i] not in lex.nouns and lemmas[i] not in lex.adjectives:
            continue
        table = WORD_TABLES.get(tag)
        kind = getattr(lex, table).get(lemmas[i]) if table is not None else None
        if kind is not None:
            found[i] = _phrase_trigger(sentence, i, i, i, kind)
    return [found[i] for i in sorted(found)]


def _saying(lex: Lexicon, lemma: str) -> bool:
    """A verb of saying or announcing: "say", "reiterate", "declare", "announce"."""
    return lemma in lex.speech_verbs or lex.verbs.get(lemma) == FRAME_TYPE


def _phrase_end(
    lemmas: list[str], tags: list[str], first: int, second: str, quantities: frozenset[str]
) -> int | None:
    """Where a phrase's ``second`` word follows its first within ``PHRASE_WINDOW`` words, the words of a
    quantity before a noun not counted ("fired more than 100 rockets"; but "pull hundreds of millions of people
    out of poverty" is no withdrawal)."""
    counted = skipped = 0
    for j in range(first + 1, len(lemmas)):
        if lemmas[j] == second:
            return None if skipped and counted + skipped >= PHRASE_WINDOW and tags[j] != "NOUN" else j
        if tags[j] == "NUM" or lemmas[j] in quantities:
            skipped += 1
        else:
            counted += 1
        if counted >= PHRASE_WINDOW:
            return None
    return None


def _split_phrase(lemmas: list[str], tags: list[str], first: int, second: int) -> bool:
    """A verb-and-particle phrase ("call on", "call for") whose first word is a noun with words between: "a
    distress **call** from seamen **on** board" and "**calls** dropped **on** the iPhone" are no demands; nor is
    a verb-and-object phrase whose verb is a noun there ("the **fire** at the **gas** station" fires no gas)."""
    if _noun_of(lemmas, tags, first, second):
        return False  # "an exchange of fire"
    verb = tags[first] in ("VERB", "AUX")
    apart = any(tags[k] != "PUNCT" for k in range(first + 1, second))  # "cease-fire" is one word
    return apart and ((not verb and tags[second] in ("ADP", "PART")) or tags[first] == "NOUN")


def _split_preposition(sentence: Span, lemmas: list[str], tags: list[str], first: int, second: int) -> bool:
    """A verb and a preposition of a prepositional verb ("call on", "call for", "push for") with anything but
    adverbs or a date between: "**calling** the attack **on** parliament a threat" names it, "called urgently
    for" and "called on Sunday for" ask; "called **on** Sunday" calls on no one."""
    if lemmas[second] not in PREPOSITIONAL_PARTS:
        return False
    dated = second + 1 < len(sentence) and sentence[second + 1].ent_type_ == "DATE"
    if dated and lemmas[second] in ADDRESSEE_PARTS:
        return True  # "called on Sunday"; "called for Monday's vote to be delayed" still asks
    between = range(first + 1, second)
    return any(tags[k] != "ADV" and not _dated(sentence, tags, k) for k in between)


def _dated(sentence: Span, tags: list[str], k: int) -> bool:
    """A word of a date, or the preposition before one ("on Sunday")."""
    if tags[k] == "ADP" and k + 1 < len(sentence):
        k += 1
    return sentence[k].ent_type_ == "DATE"


def _noun_of(lemmas: list[str], tags: list[str], first: int, second: int) -> bool:
    """A phrase whose first word is a noun the second completes with "of" ("an **exchange** of fire"): the noun
    heads it, and a date or a place hung on it is the phrase's."""
    return tags[first] == "NOUN" and second == first + 2 and lemmas[first + 1] == "of"


def _phrase_trigger(sentence: Span, head: int, first: int, last: int, kind: str) -> Trigger:
    """A trigger over its head word, or over the whole phrase when nothing but punctuation splits it."""
    words = (first, last) if last > first else ()
    if any(not sentence[k].is_punct for k in range(first + 1, last)):
        first = last = head  # "sent humanitarian aid": the span is the head word alone
    if first == last:  # one word: its own offsets and text, without making a Span
        token = sentence[first]
        return Trigger(head, kind, token.idx, token.idx + len(token.text), token.text, words)
    span = sentence[first : last + 1]  # never doc.text: that rebuilds the whole document's string
    return Trigger(head, kind, span.start_char, span.end_char, span.text, words)


# ---------------------------------------------------------------------------------------------- sentences


def bare_event(ctx: Context, sentence: Span, trigger: Trigger, **details: Any) -> Event:
    """An event without participants, for a sentence too long (or a document too large) to parse; with
    ``details`` (participants, place, date, status), the event ``_event`` read off the parse, made in one go."""
    doc_id = ctx.parsed.document.id
    return Event(
        id=f"{doc_id}:v{trigger.start}-{trigger.end}",
        doc_id=doc_id,
        type=trigger.type,
        trigger=trigger.text,
        start=trigger.start,
        end=trigger.end,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        **details,
    )


def sentence_events(ctx: Context, sentence: Span, triggers: list[Trigger]) -> Iterator[Event]:
    """Parse ``sentence`` once and build an event for every trigger that is not part of another."""
    parse = Parse(headline_doc(ctx.parsed, sentence, ctx.lexicon) or ctx.parsed.parse(sentence))
    try:
        yield from _parsed_events(ctx, sentence, parse, triggers)
    finally:
        parse.release()


def _parsed_events(ctx: Context, sentence: Span, parse: Parse, triggers: list[Trigger]) -> Iterator[Event]:
    """``sentence_events`` on the parse's words."""
    if len(parse) < len(sentence):  # the parse cache holds a shorter span starting at the same character
        beyond = [t for t in triggers if t.index >= len(parse)]
        yield from (bare_event(ctx, sentence, t) for t in _unchecked(ctx.lexicon, sentence, beyond))
        triggers = [t for t in triggers if t.index < len(parse)]
    triggers = [t for t in (_modal_demand(ctx.lexicon, parse, t) for t in triggers) if t is not None]
    triggers = [event_senses.work_stoppage(ctx.lexicon, parse, t) for t in triggers]
    triggers = [event_senses.verbal_attack(ctx.lexicon, parse, t) for t in triggers]
    triggers = [event_senses.accident(ctx.lexicon, parse, t) for t in triggers]
    triggers = [t for t in (event_senses.injury(ctx.lexicon, parse, t) for t in triggers) if t is not None]
    triggers = [event_senses.allegation(ctx.lexicon, parse, t) for t in triggers]
    triggers = [event_senses.dismissal(ctx.lexicon, parse, t) for t in triggers]
    triggers = [t for t in (event_senses.fire(ctx.lexicon, parse, t) for t in triggers) if t is not None]
    indexes = {t.index for t in triggers}
    triggers = [
        t
        for t in triggers
        if not _opening_modifier(parse, t)
        and not event_senses.names_no_happening(ctx.lexicon, parse, t)
        and not event_senses.sourcing_note(ctx.lexicon, parse, t)
        and not event_senses.names_a_market(ctx.lexicon, parse, t)
        and not event_senses.figurative_disaster(parse, t)
        and not event_senses.counted(ctx.lexicon, parse, t)
        and not event_senses.unaccepted(ctx.lexicon, parse, t)
        and not event_senses.purchase(ctx.lexicon, parse, t)
        and not event_senses.death_by_cause(ctx.lexicon, parse, t, indexes)
        and not _received_no_guest(ctx.lexicon, parse, t)
    ]
    by_index = {t.index: t for t in triggers}
    kept = [
        t
        for t in triggers
        if _independent(ctx.lexicon, parse, t, by_index) and not _other_sense(ctx.lexicon, parse, t)
    ]
    frames = {i for t in triggers if (i := _frame_of(ctx.lexicon, parse, t, by_index)) is not None}
    kept = [t for t in kept if t.index not in frames]
    anchors = {t.index: _anchors(ctx.lexicon, parse, t) for t in kept}
    dates = event_time.attached_dates(ctx, sentence, parse, anchors, set(by_index))
    references = event_time.reference_dates(ctx, sentence, dates)
    owner = {a: index for index, group in anchors.items() for a in group}
    types = {t.index: t.type for t in kept}
    site = Site(sentence, parse, set(by_index), is_headline(ctx.parsed, sentence))
    for trigger in kept:
        if not _reported(ctx.lexicon, parse, trigger, anchors[trigger.index]):
            continue
        date = dates.get(trigger.index) or event_time.coordinated_date(
            parse[trigger.index], owner, dates, types
        )
        refs, own = references, (dates.get(None), dates.get(event_time.SAYING))
        told = dates.get(event_time.QUOTED)
        if told is not None and event_time.quoted(ctx, trigger.start):
            refs, own = [told], (told, None)  # "… a mandate in November," they wrote: the quotation's time
        yield _event(ctx, site, trigger, anchors[trigger.index], date, refs, own)


def _modal_demand(lex: Lexicon, parse: Parse, trigger: Trigger) -> Trigger | None:
    """A verb of saying taken for a DEMAND by ``find_triggers``, checked on the parse (``_unchecked`` without one).

    It stays a DEMAND when a complement clause of its own has a demand modal and an active subject that is no
    pronoun, the party the demand is made of ("said that Sudan must return …", "declared China must drop …"; not
    "said the bridge must be repaired"); else it falls back to its lexicon type ("announced" stays a STATEMENT)
    or is no trigger ("said").
    """
    token = parse[trigger.index]
    if not _modal_candidate(lex, token, trigger):
        return trigger
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if has_demand_modal(clause, lex) and subject is not None and subject.pos_ != "PRON":
            return trigger
    return _lexicon_sense(lex, token, trigger)


def _opening_modifier(parse: Parse, trigger: Trigger) -> bool:
    """A past participle opening the sentence before the noun it describes ("Newly appointed Prime Minister X
    has refused …", "Elected President X said …"), whatever the parser made of it (it may take it for the
    root and hang the real verb under it): it names a state, as "the occupied territories" does, and folds
    nothing.
    """
    token = parse[trigger.index]
    if token.tag_ != "VBN" or trigger.words or token.i + 1 >= len(parse):
        return False
    before = all(parse[k].pos_ == "ADV" for k in range(token.i))
    own = any(c.dep_ in SUBJECT_DEPS | PASSIVE_MARKS | {"aux"} for c in token.children)
    return before and not own and parse[token.i + 1].pos_ in ("ADJ", "PROPN", "NOUN")


def _modal_candidate(lex: Lexicon, token: Token | Word, trigger: Trigger) -> bool:
    """Whether ``trigger`` is a verb of saying that ``find_triggers`` made a DEMAND for a later "must"."""
    lemma = token.lemma_.lower()
    return (
        trigger.type == DEMAND_TYPE
        and not trigger.words
        and lex.verbs.get(lemma) != DEMAND_TYPE
        and _saying(lex, lemma)
    )


def _lexicon_sense(lex: Lexicon, token: Token | Word, trigger: Trigger) -> Trigger | None:
    """The trigger with its verb's own lexicon type ("announced": STATEMENT), or ``None`` for none ("said")."""
    kind = lex.verbs.get(token.lemma_.lower())
    return dataclasses.replace(trigger, type=kind) if kind is not None else None


def _unchecked(lex: Lexicon, sentence: Span, triggers: list[Trigger]) -> list[Trigger]:
    """Triggers of a sentence that is not parsed: a "must" DEMAND cannot be checked there, so it is dropped."""
    out = []
    for trigger in triggers:
        token = sentence[trigger.index]
        kept = _lexicon_sense(lex, token, trigger) if _modal_candidate(lex, token, trigger) else trigger
        if kept is not None and token.lemma_ not in lex.hosting_verbs:  # whom it received needs the parse
            out.append(kept)
    return out


def _decides(lex: Lexicon, vote: Token) -> bool:
    """Whether a vote decides a measure rather than elects anyone: "the board voted to keep the rate", "the
    Senate voted against the bill", "lawmakers will vote on the budget" (its result is its own event, if any)."""
    kids = list(vote.children)
    if any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in kids):
        return True
    preps = [c for c in kids if c.dep_ == "prep" and c.lower_ in lex.decision_vote_preps]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in lex.measure_nouns for o in objects)


def _other_sense(lex: Lexicon, parse: Parse, trigger: Trigger) -> bool:
    """Whether the trigger verb is used in a sense that is no event: an objectless-only verb with a direct
    object or a clausal one, or in the passive ("the provocations committed by", "crimes were committed"; "is
    committed to opening up the economy" pledges, as PLOVER reads it), a reaction verb in the passive with
    "with" ("was met with protests"), a verb whose particle or preposition makes it another ("signed them up
    for", "slammed into"), a thing at risk that "threatens to" (``_risk``), a rise ("the odds have shot up"),
    or the weather ("in freezing rain").

    "demonstrate the resolve" has a direct object; "demonstrate the will of both sides to move on" is parsed
    with "will" as the subject of a complement clause (ccomp), and "demonstrate that …" has one too.
    """
    token = parse[trigger.index]
    if token.pos_ == "ADJ" and not trigger.words:  # "willing to withdraw", not "willing buyers"
        return not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in token.children)
    if token.lemma_ in lex.reaction_verbs and _passive_with(token):
        return True
    if phrase_children(token, "prt", lex.particle_senses):
        return True  # "the groups that signed them up for five-figure fees" enrolled them, signing nothing
    if phrase_children(token, "prep", lex.preposition_senses):
        return True  # "the storm slammed into the coast" struck it, criticizing nothing
    if trigger.type == THREAT_TYPE and _risk(lex, token):
        return True
    if token.lemma_ in lex.rising_verbs and _rose(lex, token):
        return True
    if token.lemma_ in lex.weather_verbs and _of_weather(lex, token):
        return True
    if token.lemma_ in lex.decision_votes and trigger.type == "ELECTION" and _decides(lex, token):
        return True
    if token.lemma_ in lex.blast_verbs and _grew(lex, token):
        return True
    if token.pos_ == "VERB" and not trigger.words and _met_goal_or_fire(lex, token, trigger.type):
        return True
    verbal = token.pos_ == "VERB" or token.lower_.endswith("ing")  # a gerund read as a noun: "fighting graft"
    if verbal and not trigger.words and trigger.type == "ATTACK" and _figurative(lex, token):
        return True
    if not trigger.words and trigger.type == "ATTACK" and _contest(lex, token):
        return True
    if token.lemma_ not in lex.objectless_verbs:
        return False
    kids = token.children
    passive = token.tag_ == "VBN" and (token.dep_ == "acl" or any(c.dep_ == "nsubjpass" for c in kids))
    bound = any(c.lower_ == "to" and c.dep_ in ("prep", "aux", "xcomp") for c in kids)  # "is committed to"
    return (passive and not bound) or any(c.dep_ in OBJECTLESS_BREAKERS for c in kids)


def _of_weather(lex: Lexicon, token: Word) -> bool:
    """ "in freezing rain", "freezing temperatures": the weather, whatever the parser made the noun."""
    nouns = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if token.dep_ == "amod":
        nouns.append(token.head)
    return any(n.lemma_.lower() in lex.weather_nouns for n in nouns)


def _rose(lex: Lexicon, token: Word) -> bool:
    """ "have shot up this week" ("up" and no object) or "shot to fame": a rise."""
    deps = {c.dep_ for c in token.children}
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children) and not deps & OBJECTLESS_BREAKERS:
        return True
    goals = (g for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children)
    return any(g.lemma_.lower() in lex.rise_goals for g in goals)


def _grew(lex: Lexicon, token: Word) -> bool:
    """ "sales exploded", "shares exploded higher", "the app exploded in popularity": a quantity that grew fast
    (``lex.blast_figure_words`` as the subject or after "in"), no blast. Business news uses the verb so."""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    after_in = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children]
    return any(w.lemma_.lower() in lex.blast_figure_words for w in (*subjects, *after_in))


def _received_no_guest(lex: Lexicon, parse: Parse, trigger: Trigger) -> bool:
    """A verb of receiving that receives no person, and so is no meeting ("received a letter", "received 51
    percent of the vote"); a noun event it receives keeps its own trigger ("received a phone call")."""
    token = parse[trigger.index]
    if token.lemma_ not in lex.hosting_verbs:
        return False
    roles = role_table(parse.spacy.lang_)
    titles = roles.heads if roles is not None else frozenset()
    guests = (  # not a possessor the parser took for an object ("received the congressman’s photos")
        c
        for c in token.children
        if c.dep_ in ("dobj", "obj", "nsubjpass") and not any(g.dep_ == "case" for g in c.children)
    )
    return not any(
        c.ent_type_ == "PERSON" or c.lemma_.lower() in lex.visitor_nouns or c.lemma_.lower() in titles
        for c in guests
    )


def _met_goal_or_fire(lex: Lexicon, token: Word, kind: str) -> bool:
    """A meeting whose subject or object is a goal ("their objective has been met", "met the deadline", "make
    ends meet"), or an attack on a fire ("firefighters fought the blaze"; setting one is still an attack)."""
    if kind == "ATTACK":  # the fire as object only: "the blaze destroyed the store" stays what it was
        objects = (c for c in token.children if c.dep_ in ("dobj", "obj"))
        return token.lemma_ not in lex.fire_starting_verbs and any(
            c.lemma_ in lex.fire_nouns for c in objects
        )
    if kind != "MEET":
        return False
    nouns = lex.goal_nouns
    found = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass")]
    if token.dep_ in ("relcl", "acl") and token.head.pos_ == "NOUN":  # "a threshold met only by Trump"
        found.append(token.head.lemma_.lower())
    if token.dep_ == "ccomp" and token.head.lemma_ == "make":  # "make ends meet"
        found += [c.lemma_.lower() for c in token.head.children if c.dep_ in ("dobj", "nsubj")]
    return any(word in nouns for word in found)


def _figurative(lex: Lexicon, token: Word) -> bool:
    """An attack verb used as a figure of speech, told by its object ("struck a **chord**", "captured the
    **imagination**", "fought back **tears**", "captured two **wins**") or, for a verb such as "strike", by a
    particle with an object ("struck **up** a conversation", "struck **down** the law"). ECB+ news of sports,
    obituaries and courts uses these often; they are no violence on a timeline. "rammed the bill **through**"
    and "rammed **home** the point" push, they hit nothing."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if token.lower_.endswith("ing"):  # "made fighting graft a priority": a gerund's object the parser missed
        objects += token.doc[token.i + 1 : token.i + 2]
    if any(c.lemma_.lower() in lex.figurative_objects for c in objects):
        return True
    if token.lemma_.lower() not in lex.figurative_particle_verbs:
        return False
    particles = [
        c for c in token.children if c.dep_ in PARTICLE_DEPS and c.lower_ in lex.figurative_particles
    ]
    objects += [c for c in token.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"]  # "home the point"
    objects += [g for p in particles for g in p.children if g.dep_ == "pobj"]  # "rammed through a budget"
    return bool(particles) and bool(objects)


def _contest(lex: Lexicon, token: Word) -> bool:
    """A fight or battle that is a contest or an effort, no violence: a modifier says which ("a **legal**
    battle", "the **turnover** battle", "a **losing** battle"), or the verb strives for what its to-infinitive
    says ("fought **to keep** the protections", "fighting **to defend** the Constitution"), or its object is a
    pronoun of a thing ("I will fight **this** to the end", "we will fight **it** in court")."""
    if token.lemma_.lower() not in lex.contest_words:
        return False
    modifiers = (c for c in token.children if c.dep_ in ("amod", "compound", "nmod"))
    if any(c.lemma_.lower() in lex.contest_modifiers for c in modifiers):
        return True
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if token.pos_ != "VERB" or objects:
        return (
            token.pos_ == "VERB"
            and any(c.lower_ in lex.thing_pronouns for c in objects)
            and not any(c.dep_ == "prt" for c in token.children)  # "fought it out" fought
        )
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in token.children
    )


def _passive_with(token: Word) -> bool:
    """ "was met with resistance": a passive verb with a "with" phrase (a reaction, not a meeting)."""
    deps = {c.dep_ for c in token.children}
    return bool(deps & PASSIVE_MARKS) and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def _event(
    ctx: Context,
    site: Site,
    trigger: Trigger,
    anchors: list[int],
    date: str | None,
    references: list[str],
    own: tuple[str | None, str | None] = (None, None),
) -> Event:
    """The event of one trigger; ``own``: the sentence's own reference time and its date of saying, which an
    event still ahead may take or not (``event_time.fitting_reference``)."""
    sentence, parse = site.sentence, site.parse
    place = event_roles.place(ctx, sentence, parse, anchors)
    if date is None and event_time.names_background(ctx.lexicon, parse[trigger.index]):
        references = []
    status = event_time.status(ctx, site, trigger, anchors, date)
    planned = own if status == "future" else None
    reference = (
        event_time.fitting_reference(ctx, parse, anchors, references, planned) if date is None else None
    )
    chosen = date or reference
    if reference is not None and event_time.after_publication(ctx, reference):
        status = "future"  # what the grammar left open, a date after publication settles
    return bare_event(
        ctx,
        sentence,
        trigger,
        participants=event_roles.participants(ctx, site, trigger, anchors, place),
        place=place,
        date=chosen,
        date_source="timex" if date else "reference" if reference else None,
        status=status,
    )


def _independent(lex: Lexicon, parse: Parse, trigger: Trigger, by_index: dict[int, Trigger]) -> bool:
    """False when the trigger sits inside another (non-frame) trigger's complement or purpose clause."""
    token = parse[trigger.index]
    while token.head.i != token.i:
        head = token.head
        other = by_index.get(head.i)
        if other is not None and other.type != FRAME_TYPE and _purpose(token):
            return False  # "marched … to demand reforms": the demand is what the march is for
        if token.dep_ in CLAUSE_DEPS or is_clause_prep(token, lex):
            return True
        if other is not None and other.type != FRAME_TYPE:
            return token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or _approved(lex, parse, token, trigger)
        token = head
    return True


def _approved(lex: Lexicon, parse: Parse, token: Word, trigger: Trigger) -> bool:
    """A noun trigger that is the direct object of a verb of approval: "approved the appointment of X"; or aid
    that a verb of giving pledges, as its object or as the amount's ("pledged aid", "pledged $10 million in
    emergency aid").

    The approval is how the appointment (or deployment, or sanction) came about: the object is the event and
    the approving verb its frame, as an announcement is ("announced … will withdraw"); a pledge of aid is that
    aid's event, not an agreement.
    """
    noun = parse[trigger.index]
    if token.dep_ not in ("dobj", "obj") or noun.pos_ != "NOUN":
        return False
    if token.i == trigger.index and token.head.lemma_ in lex.approval_verbs:
        return True
    if token.i == trigger.index:
        return trigger.type == AID_TYPE and token.head.lemma_ in lex.giving_verbs  # "pledged aid"
    return _aid_giver(lex, trigger, noun) is token.head


def _aid_giver(lex: Lexicon, trigger: Trigger, noun: Word) -> Word | None:
    """The verb of giving whose amount is given "in" the aid ``noun`` ("**pledged** $10 million in aid"), else
    ``None``: the aid's anchor, and the verb it is no agreement of."""
    amount = event_roles.amount_in(noun) if trigger.type == AID_TYPE else None
    verb = amount.head if amount is not None else None
    return verb if verb is not None and verb.pos_ == "VERB" and verb.lemma_ in lex.giving_verbs else None


def _purpose(token: Word) -> bool:
    """An infinitival adverbial clause: "met in Ankara to discuss relief", "travel to Ankara to sign"."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _frame_of(lex: Lexicon, parse: Parse, trigger: Trigger, by_index: dict[int, Trigger]) -> int | None:
    """The index of an announcement trigger whose content is ``trigger`` ("announced … will withdraw")."""
    token = parse[trigger.index]
    while token.head.i != token.i:
        if token.dep_ in CLAUSE_DEPS or is_clause_prep(token, lex):
            return None
        other = by_index.get(token.head.i)
        if other is not None and _approved(lex, parse, token, trigger) and other.type != trigger.type:
            return other.index
        if other is not None:
            return other.index if other.type == FRAME_TYPE and trigger.type != FRAME_TYPE else None
        token = token.head
    return None


def _risk(lex: Lexicon, verb: Word) -> bool:
    """ "Tensions that had threatened to escalate", "the fire threatens to spread": a thing at risk of something
    (``lex.risk_subjects``, through a relative pronoun too), threatening nobody."""
    if not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    subjects = (antecedent(c) for c in verb.children if c.dep_ in SUBJECT_DEPS)
    return any(s.lemma_.lower() in lex.risk_subjects for s in subjects)


def _holder(noun: Word) -> Word:
    """The noun an event noun is "of" ("a package **of** aid", "a round of talks"), else the event noun."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def _cancelled(lex: Lexicon, verb: Word) -> bool:
    """A verb of cancelling, alone or with its particle ("cancelled", "called off"): its object did not happen."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return lemma in lex.cancel_verbs or (particle is not None and f"{lemma} {particle}" in lex.cancel_verbs)


def _absent(lex: Lexicon, word: Word) -> bool:
    """The object of a preposition of absence ("without a vote", "without firing a shot"): it did not happen."""
    return word.dep_ in ("pobj", "pcomp") and word.head.lower_ in lex.absence_preps


def _ruled_out(lex: Lexicon, word: Word) -> bool:
    """What a verb rules out, not negated ("ruled out a ceasefire"): it will not happen. "did not rule out" leaves
    it possible (``event_time.status``: future)."""
    verb = excluded_by(lex, word)
    return verb is not None and not any(c.dep_ == "neg" for c in verb.children)


def _failed(lex: Lexicon, word: Word) -> bool:
    """The infinitive of a verb or adjective of failure ("failed to agree", "were unable to elect a speaker",
    "declined to meet"): it did not happen."""
    return word.dep_ == "xcomp" and word.head.lemma_.lower() in lex.failure_heads


def _anchors(lex: Lexicon, parse: Parse, trigger: Trigger) -> list[int]:
    """The trigger plus, for a noun, the verb it hangs on ("held talks", "talks were held", "will hold a new
    round of talks")."""
    token = parse[trigger.index]
    anchors = [token.i]
    # "declared martial law and mobilisation": the verb of the first conjunct, or of the noun counting it
    first = event_roles.counted_by(lex, event_roles.first_conjunct(token))
    light = first.head.pos_ in ("VERB", "AUX") and first.dep_ in NOUN_TRIGGER_DEPS
    if token.pos_ != "VERB" and first.head.i != first.i and light:
        anchors.append(first.head.i)
    elif (giver := _aid_giver(lex, trigger, token)) is not None:
        anchors.append(giver.i)  # "sent 20 million euros in aid": the verb of the amount is the aid's
    elif token.pos_ == "ADJ" and token.dep_ == "acomp":
        anchors.append(token.head.i)  # "Norway is willing to send …": the copula has the subject
    elif (call := _phrase_call(lex, parse, trigger)) is not None:
        anchors.append(call.i)  # "held a phone call with Putin": the call has the other party
    return anchors


def _phrase_call(lex: Lexicon, parse: Parse, trigger: Trigger) -> Word | None:
    """The conversation noun a verb trigger holds as its object ("**held** a conference **call**"), or None."""
    verb = parse[trigger.index]
    nouns = (parse[k] for k in trigger.words if k != verb.i)
    return next(
        (
            n
            for n in nouns
            if n.head.i == verb.i and n.dep_ in OBJECT_DEPS and n.lemma_.lower() in lex.call_nouns
        ),
        None,
    )


def _reported(lex: Lexicon, parse: Parse, trigger: Trigger, anchors: list[int]) -> bool:
    """False for what the sentence says did not or might not happen, or merely names.

    Negated ("did not attack", "nobody was arrested", "arrested no one", "held no talks", "without a vote",
    "failed to agree", "has no plans to meet") and conditional ("if the speaker visited") events are dropped,
    and so is a noun trigger hanging on another noun ("a crackdown on protests"): it names a topic, not a
    happening; a past participle modifying a noun ("the occupied territories") describes a state; a cancelled
    or postponed noun event ("called off the talks") did not take place; what is ruled out will not
    (``_ruled_out``), but what is not ruled out may ("has not ruled out new sanctions": its "not" is the ruling
    out's).
    """
    excluder = excluded_by(lex, parse[trigger.index])
    for anchor in (parse[a] for a in anchors):
        if any(
            (c.dep_ == "neg" and not (excluder is not None and anchor.i == excluder.i))
            or (c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks)
            or (c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"dobj"} and negative(lex, c))
            for c in anchor.children
        ):
            return False
        if anchor.dep_ in ("acl", "xcomp") and anchor.head.pos_ == "NOUN" and negative(lex, anchor.head):
            return False  # "has no plans to meet Zelensky", "no intention to attack"
    if any(_ruled_out(lex, parse[a]) for a in anchors):
        return False  # "ruled out a ceasefire", "ruled out sending troops"
    if any(_absent(lex, parse[a]) or _failed(lex, parse[a]) for a in anchors):
        return False  # "pushed the bill through without a vote", "failed to agree on a plan"
    token = parse[trigger.index]
    if negative(lex, token):
        return False  # "held no talks"
    held = _holder(token)  # "blocked a package of aid": the package's verb tells the aid's fate
    if (
        token.pos_ == "NOUN"
        and held.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        and _cancelled(lex, held.head)
    ):
        return False
    if token.dep_ == "amod" and token.tag_ == "VBN":
        return (
            False  # "the occupied territories", "newly appointed Prime Minister X": a state, not a happening
        )
    topic = token.dep_ == "pobj" and token.head.lower_ in lex.topic_preps
    nominal_topic = topic and token.head.head.pos_ in ("NOUN", "PROPN")
    return not (token.pos_ == "NOUN" and nominal_topic)
