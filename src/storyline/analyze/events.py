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

Dates: an attached timex wins ("timex"); else the sentence's reference time ("reference"): a resolved date
in the same sentence attached to no event ("the ministry said on Sunday that…"), else the most recent
resolved date earlier in the same paragraph; else ``None``. Never the publication date: background events
("the 2020 war") do not share it, and an honest unknown beats a wrong date on a timeline.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.analyze.nlp import line_pieces
from storyline.data import load_table
from storyline.model import Entity, Event, EventStatus, Participant, Timex
from storyline.settings import AnalyzeSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.analyze.nlp import Parsed

__all__ = ["EVENT_TYPES", "Lexicon", "extract", "lexicon"]

EVENT_TYPES = (
    "AGREE", "SIGN", "MEET", "CONSULT", "STATEMENT", "VISIT", "ATTACK", "CEASEFIRE", "DEPLOY", "WITHDRAW",
    "PROTEST", "ACCUSE", "DEMAND", "REJECT", "THREATEN", "AID", "ELECTION", "APPOINT", "SANCTION", "ARREST",
    "COOPERATE", "OTHER",
)  # fmt: skip
FRAME_TYPE = "STATEMENT"  # announcing something is a frame: the announced event is what happened

# Dependency labels (spaCy's English ClearNLP labels plus their Universal Dependencies names)
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "nsubj:pass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative"})
CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl:relcl", "parataxis", "appos"})  # separate happenings
NOUN_TRIGGER_DEPS = (
    OBJECT_DEPS | SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"attr"}
)  # "held talks", "talks began"
CLIMB_DEPS = frozenset({"xcomp", "conj"})  # a verb without a subject borrows its head's ("plans to visit")
NP_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "flat", "case", "nummod"})
ACTOR_MODIFIER_DEPS = frozenset(
    {"poss", "amod", "compound", "nmod"}
)  # "Armenia's attack", "Azerbaijani shelling"
ACTOR_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})
TIME_ENTITY_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"})
RELATIVE_TAGS = frozenset({"WP", "WP$", "WDT"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT", "EX"})
MAX_MENTION_CHARS = 300  # longer entity mentions are not looked for (bounds the index scan)
PHRASE_WINDOW = 3  # tokens between the two words of a phrase trigger ("sent humanitarian aid")
IGNORED = -1  # the owner of a timex that dates something other than an event
DATE_VALUE = re.compile(r"^\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?")  # a TIMEX3 value that names a calendar date


@dataclass(frozen=True)
class Lexicon:
    """One language's trigger words and grammatical markers (loaded from data/events_<lang>.toml)."""

    verbs: dict[str, str]  # lemma -> event type
    nouns: dict[str, str]
    phrases: dict[str, tuple[tuple[str, str], ...]]  # first lemma -> ((second lemma, type), …)
    plover: dict[str, tuple[str, ...]]  # event type -> PLOVER categories
    future_aux: frozenset[str]
    future_heads: frozenset[str]
    ongoing_heads: frozenset[str]
    ongoing_modifiers: frozenset[str]
    place_preps: frozenset[str]
    target_preps: frozenset[str]
    named_target_preps: frozenset[str]
    participant_preps: frozenset[str]
    agent_preps: frozenset[str]
    clause_preps: frozenset[str]
    hypothetical_marks: frozenset[str]
    topic_preps: frozenset[str]
    place_nouns: frozenset[str]
    quantity_nouns: frozenset[str]


@dataclass(frozen=True)
class Trigger:
    """A trigger word (or the head word of a phrase) found in a sentence, before parsing."""

    index: int  # token index within the sentence
    type: str
    start: int  # character offsets into Document.text
    end: int
    text: str


@dataclass(frozen=True)
class Site:
    """One parsed sentence: its span in the document, its parse and where its trigger words are."""

    sentence: Span
    parse: Doc
    triggers: set[int]  # token indexes of every trigger word, folded ones included


@dataclass(frozen=True)
class Context:
    """What every helper needs about one document, bundled so signatures stay short."""

    parsed: Parsed
    entities: Sequence[Entity]
    timexes: Sequence[Timex]  # sorted by start
    lexicon: Lexicon
    settings: AnalyzeSettings
    timex_starts: list[int] = field(default_factory=list)
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)  # sorted by start
    mention_starts: list[int] = field(default_factory=list)


@functools.lru_cache(maxsize=8)
def lexicon(language: str = "en") -> Lexicon | None:
    """The trigger lexicon for ``language``, or ``None`` when storyline has none for it yet."""
    data = load_table(f"events_{language}.toml")
    if data is None:
        return None
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    phrases: dict[str, list[tuple[str, str]]] = {}
    plover: dict[str, tuple[str, ...]] = {}
    for name, table in data["types"].items():
        verbs.update(dict.fromkeys(table.get("verbs", []), name))
        nouns.update(dict.fromkeys(table.get("nouns", []), name))
        for phrase in table.get("phrases", []):
            first, second = phrase.split()
            phrases.setdefault(first, []).append((second, name))
        plover[name] = tuple(table.get("plover", []))
    markers = {key: frozenset(value) for key, value in data["markers"].items()}
    return Lexicon(verbs, nouns, {k: tuple(v) for k, v in phrases.items()}, plover, **markers)


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
    spans = ((m.start, m.end, e) for e in entities for m in e.mentions if m.end > m.start)
    mentions = sorted(spans, key=lambda item: (item[0], item[1]))  # entities themselves are unordered
    ctx = Context(
        parsed, entities, ordered, lex, settings or AnalyzeSettings(),
        [t.start for t in ordered], mentions, [m[0] for m in mentions],
    )  # fmt: skip
    to_parse = {(s.start_char, s.end_char) for s in sentences_to_parse(parsed, ctx.settings)}
    events: list[Event] = []
    for sentence in _pieces(parsed):
        triggers = _triggers(parsed, sentence, lex)
        if not triggers:
            continue
        if (sentence.start_char, sentence.end_char) in to_parse:
            events.extend(sentence_events(ctx, sentence, triggers))
        else:  # too long to parse, or past the document's cap on parsed sentences
            events.extend(bare_event(ctx, sentence, t) for t in triggers)
    return events


def sentences_to_parse(parsed: Parsed, settings: AnalyzeSettings | None = None) -> list[Span]:
    """The sentences ``extract`` will ask a parse for, so that ``nlp.parse_batch`` can parse them in a batch."""
    lex = lexicon(parsed.document.language or "en")
    if lex is None:
        return []
    settings = settings or AnalyzeSettings()
    wanted: list[Span] = []
    for sentence in _pieces(parsed):
        if len(wanted) >= settings.event_max_parsed_sentences:
            break
        if len(sentence) <= settings.event_max_sentence_tokens and _triggers(parsed, sentence, lex):
            wanted.append(sentence)
    return wanted


def _pieces(parsed: Parsed) -> Iterator[Span]:
    """The document's sentences, cut at line breaks: the units events are looked for in."""
    return (piece for sentence in parsed.sentences for piece in line_pieces(sentence))


def _triggers(parsed: Parsed, sentence: Span, lex: Lexicon) -> list[Trigger]:
    """``find_triggers``, remembered per sentence so that planning and extraction look only once."""
    found = parsed.memo.setdefault("events.triggers", {})
    key = (sentence.start_char, sentence.end_char)
    if key not in found:
        found[key] = find_triggers(sentence, lex)
    return found[key]


# ---------------------------------------------------------------------------------------------- triggers


def find_triggers(sentence: Span, lex: Lexicon) -> list[Trigger]:
    """Lexicon hits in ``sentence`` (tagged, not parsed): phrases first, then single verbs and nouns."""
    lemmas = [token.lemma_.lower() for token in sentence]
    claimed: set[int] = set()
    found: dict[int, Trigger] = {}
    for i, lemma in enumerate(lemmas):
        for second, kind in lex.phrases.get(lemma, ()):
            j = _phrase_end(lemmas, i, second)
            if j is not None:
                head = i if sentence[i].pos_ in ("VERB", "AUX") else j
                found[head] = _phrase_trigger(sentence, head, i, j, kind)
                claimed.update(range(i, j + 1))
                break
    for i, token in enumerate(sentence):
        if i in claimed:
            continue
        table = lex.verbs if token.pos_ == "VERB" else lex.nouns if token.pos_ == "NOUN" else None
        kind = table.get(lemmas[i]) if table is not None else None
        if kind is not None:
            found[i] = _phrase_trigger(sentence, i, i, i, kind)
    return [found[i] for i in sorted(found)]


def _phrase_end(lemmas: list[str], first: int, second: str) -> int | None:
    for j in range(first + 1, min(first + 1 + PHRASE_WINDOW, len(lemmas))):
        if lemmas[j] == second:
            return j
    return None


def _phrase_trigger(sentence: Span, head: int, first: int, last: int, kind: str) -> Trigger:
    """A trigger over its head word, or over the whole phrase when nothing but punctuation splits it."""
    if any(not sentence[k].is_punct for k in range(first + 1, last)):
        first = last = head  # "sent humanitarian aid": the span is the head word alone
    span = sentence[first : last + 1]  # never doc.text: that rebuilds the whole document's string
    return Trigger(head, kind, span.start_char, span.end_char, span.text)


# ---------------------------------------------------------------------------------------------- sentences


def bare_event(ctx: Context, sentence: Span, trigger: Trigger) -> Event:
    """An event without participants, for a sentence too long (or a document too large) to parse."""
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
    )


def sentence_events(ctx: Context, sentence: Span, triggers: list[Trigger]) -> Iterator[Event]:
    """Parse ``sentence`` once and build an event for every trigger that is not part of another."""
    parse = ctx.parsed.parse(sentence)
    if len(parse) < len(sentence):  # the parse cache holds a shorter span starting at the same character
        yield from (bare_event(ctx, sentence, t) for t in triggers if t.index >= len(parse))
        triggers = [t for t in triggers if t.index < len(parse)]
    by_index = {t.index: t for t in triggers}
    kept = [t for t in triggers if _independent(ctx.lexicon, parse, t, by_index)]
    frames = {i for t in triggers if (i := _frame_of(ctx.lexicon, parse, t, by_index)) is not None}
    kept = [t for t in kept if t.index not in frames]
    anchors = {t.index: _anchors(parse, t) for t in kept}
    dates = _attached_dates(ctx, sentence, parse, anchors)
    reference = _reference_date(ctx, sentence, dates)
    owner = {a: index for index, group in anchors.items() for a in group}
    for trigger in kept:
        if not _reported(ctx.lexicon, parse, trigger, anchors[trigger.index]):
            continue
        date = dates.get(trigger.index) or _coordinated_date(parse[trigger.index], owner, dates)
        site = Site(sentence, parse, set(by_index))
        yield _event(ctx, site, trigger, anchors[trigger.index], date, reference)


def _event(
    ctx: Context, site: Site, trigger: Trigger, anchors: list[int], date: str | None, reference: str | None
) -> Event:
    sentence, parse = site.sentence, site.parse
    place = _place(ctx, sentence, parse, anchors)
    chosen = date or reference
    return dataclasses.replace(
        bare_event(ctx, sentence, trigger),
        participants=_participants(ctx, site, trigger, anchors, place),
        place=place,
        date=chosen,
        date_source="timex" if date else "reference" if reference else None,
        status=_status(ctx, parse, trigger, anchors, chosen),
    )


def _independent(lex: Lexicon, parse: Doc, trigger: Trigger, by_index: dict[int, Trigger]) -> bool:
    """False when the trigger sits inside another (non-frame) trigger's complement or purpose clause."""
    token = parse[trigger.index]
    while token.head.i != token.i:
        head = token.head
        other = by_index.get(head.i)
        if other is not None and other.type != FRAME_TYPE and _purpose(token):
            return False  # "marched … to demand reforms": the demand is what the march is for
        if token.dep_ in CLAUSE_DEPS or _is_clause_prep(token, lex):
            return True
        if other is not None and other.type != FRAME_TYPE:
            return token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        token = head
    return True


def _purpose(token: Token) -> bool:
    """An infinitival adverbial clause: "met in Ankara to discuss relief", "travel to Ankara to sign"."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _frame_of(lex: Lexicon, parse: Doc, trigger: Trigger, by_index: dict[int, Trigger]) -> int | None:
    """The index of an announcement trigger whose content is ``trigger`` ("announced … will withdraw")."""
    token = parse[trigger.index]
    while token.head.i != token.i:
        if token.dep_ in CLAUSE_DEPS or _is_clause_prep(token, lex):
            return None
        other = by_index.get(token.head.i)
        if other is not None:
            return other.index if other.type == FRAME_TYPE and trigger.type != FRAME_TYPE else None
        token = token.head
    return None


def _is_clause_prep(token: Token, lex: Lexicon) -> bool:
    """A link that starts a separate happening: a circumstantial preposition or a coordinated verb."""
    if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ == "prep" and token.lower_ in lex.clause_preps


def _anchors(parse: Doc, trigger: Trigger) -> list[int]:
    """The trigger plus, for a noun, the verb it hangs on ("held talks", "talks were held")."""
    token = parse[trigger.index]
    anchors = [token.i]
    first = token
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head  # "declared martial law and mobilisation": the verb of the first conjunct
    light = first.head.pos_ in ("VERB", "AUX") and first.dep_ in NOUN_TRIGGER_DEPS
    if token.pos_ != "VERB" and first.head.i != first.i and light:
        anchors.append(first.head.i)
    return anchors


def _reported(lex: Lexicon, parse: Doc, trigger: Trigger, anchors: list[int]) -> bool:
    """False for what the sentence says did not or might not happen, or merely names.

    Negated ("did not attack") and conditional ("if the speaker visited") events are dropped, and so is a noun
    trigger hanging on another noun ("a crackdown on protests"): it names a topic, not a happening.
    """
    for anchor in (parse[a] for a in anchors):
        if any(
            c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks)
            for c in anchor.children
        ):
            return False
    token = parse[trigger.index]
    topic = token.dep_ == "pobj" and token.head.lower_ in lex.topic_preps
    nominal_topic = topic and token.head.head.pos_ in ("NOUN", "PROPN")
    return not (token.pos_ == "NOUN" and nominal_topic)


def _coordinated_date(token: Token, owner: dict[int, int], dates: dict[int | None, str]) -> str | None:
    """A coordinated verb shares its first conjunct's date ("met on Monday and agreed to…")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.i in owner and owner[token.i] in dates:
            return dates[owner[token.i]]
    return None


# ---------------------------------------------------------------------------------------------- participants


def _participants(
    ctx: Context, site: Site, trigger: Trigger, anchors: list[int], place: str | None
) -> tuple[Participant, ...]:
    """Actors, targets and co-participants, each conjunct its own participant, deduplicated by name.

    Trigger words are never participants: "signed a statement" has no participant "statement".
    """
    found: list[Participant] = []
    for role, token in _role_tokens(ctx.lexicon, site.parse, trigger, anchors):
        for member in _conjuncts(token):
            if member.i in site.triggers:
                continue
            participant = _participant(ctx, site.sentence, _of_phrase(ctx.lexicon, member), role)
            if participant is None or participant.name == place:
                continue
            if all(p.name != participant.name for p in found):
                found.append(participant)
    return tuple(found)


def _role_tokens(
    lex: Lexicon, parse: Doc, trigger: Trigger, anchors: list[int]
) -> Iterator[tuple[str, Token]]:
    trigger_token = parse[trigger.index]
    for anchor in (parse[a] for a in anchors):
        yield from _subject_roles(lex, anchor)
        for child in anchor.children:
            if child.i == trigger_token.i:
                continue
            if child.dep_ in OBJECT_DEPS:
                yield "target", child
            elif child.dep_ == "prep":
                yield from _prep_roles(lex, child)
    if trigger_token.pos_ == "NOUN":
        for child in trigger_token.children:
            if child.dep_ in ACTOR_MODIFIER_DEPS and child.ent_type_ in ACTOR_ENTITY_TYPES:
                yield "actor", child
            elif child.dep_ == "prep":
                yield from _prep_roles(lex, child)


def _subject_roles(lex: Lexicon, verb: Token) -> Iterator[tuple[str, Token]]:
    """Subjects of ``verb`` or, for a subjectless complement, of the verb it depends on."""
    current = verb
    while True:
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS or (current is not verb and child.dep_ in PASSIVE_SUBJECT_DEPS):
                yield "actor", child  # "Putin is expected to host…": the raised subject acts
                return
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                yield "target", child
                yield from _agents(lex, current)
                return
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return
        current = current.head


def _agents(lex: Lexicon, verb: Token) -> Iterator[tuple[str, Token]]:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in lex.agent_preps):
            yield from (("actor", g) for g in child.children if g.dep_ == "pobj")


def _prep_roles(lex: Lexicon, prep: Token) -> Iterator[tuple[str, Token]]:
    word = prep.lower_
    role = "target" if word in lex.target_preps else "participant" if word in lex.participant_preps else None
    named = word in lex.named_target_preps
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        if role is not None:
            yield role, obj
        elif named and obj.ent_type_ in ACTOR_ENTITY_TYPES | PLACE_ENTITY_TYPES:
            yield "target", obj


def _of_phrase(lex: Lexicon, token: Token) -> Token:
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


def _conjuncts(token: Token) -> list[Token]:
    """``token`` and the nouns coordinated with it ("Putin, Aliyev and Pashinyan")."""
    members = [token]
    for member in members:
        members.extend(c for c in member.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"))
    return members


def _participant(ctx: Context, sentence: Span, token: Token, role: str) -> Participant | None:
    """A participant named by its document entity, else by its named-entity span, else by its noun phrase."""
    if token.ent_type_ in TIME_ENTITY_TYPES or token.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    start, end = _noun_phrase(sentence, token)
    head_start = sentence.start_char + token.idx
    entity = _entity_at(ctx, head_start, head_start + len(token.text))  # must cover the head word:
    if entity is not None:  # "Armenian forces" is not the NORP entity "Armenian"
        return Participant(role, entity.name, entity.id)
    if token.tag_ in PRONOUN_TAGS or not _word_like(token):
        return None  # an unresolved "he" names nobody; "-" or "co" from a broken parse neither
    name = _named_span(ctx, sentence, token) or ctx.parsed.document.text[start:end]
    return Participant(role, name)


def _entity_at(ctx: Context, start: int, end: int) -> Entity | None:
    """``model.entity_at`` over an index: the entity whose mention overlaps ``[start, end)`` most."""
    best: tuple[int, Entity] | None = None
    index = bisect.bisect_left(ctx.mention_starts, end) - 1
    while index >= 0 and ctx.mentions[index][0] > start - MAX_MENTION_CHARS:
        mention_start, mention_end, entity = ctx.mentions[index]
        overlap = min(end, mention_end) - max(start, mention_start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, entity)
        index -= 1
    return best[1] if best else None


def _word_like(token: Token) -> bool:
    text = token.text
    return any(ch.isalpha() for ch in text) and (len(text) > 2 or text.isupper())


def _noun_phrase(sentence: Span, token: Token) -> tuple[int, int]:
    """Character offsets of ``token`` with its left modifiers ("Azerbaijani President Ilham Aliyev")."""
    left = token
    for child in token.lefts:
        if child.dep_ in NP_MODIFIER_DEPS:
            left = child.left_edge if child.left_edge.i < left.i else left
            break
    while left.i < token.i and left.tag_ in RELATIVE_TAGS:
        left = left.nbor()  # "whose armed forces" -> "armed forces"
    right = token
    for child in token.rights:
        if child.dep_ in ("flat", "compound") and child.i == right.i + 1:
            right = child
    offset = sentence.start_char
    return offset + left.idx, offset + right.idx + len(right.text)


def _named_span(ctx: Context, sentence: Span, token: Token) -> str | None:
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


def _place(ctx: Context, sentence: Span, parse: Doc, anchors: list[int]) -> str | None:
    """The first location in an "in"/"at" phrase under the trigger, its verb or their objects."""
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
                or _is_clause_prep(child, ctx.lexicon)
            ):
                continue
            if child.dep_ == "prep" and child.lower_ in ctx.lexicon.place_preps:
                name = _location(ctx, sentence, child)
                if name is not None:
                    return name
            frontier.append(child)
    return None


def _location(ctx: Context, sentence: Span, prep: Token) -> str | None:
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        of_objects = (g for p in obj.children if p.lower_ == "of" for g in p.children)
        compounds = (c for c in obj.children if c.dep_ == "compound")  # "the Tovuz region"
        for candidate in [obj, *of_objects, *compounds]:
            start, end = _noun_phrase(sentence, candidate)
            entity = _entity_at(ctx, start, end)
            if entity is not None and entity.type in PLACE_ENTITY_TYPES:
                return entity.name
            if entity is None and candidate.ent_type_ in PLACE_ENTITY_TYPES:
                return _named_span(ctx, sentence, candidate)
    return None


# ---------------------------------------------------------------------------------------------- dates


def _date_value(timex: Timex) -> str | None:
    """The calendar part of a resolved DATE/TIME timex ("2020-11-09"), else ``None``."""
    if timex.type not in ("DATE", "TIME") or timex.value is None:
        return None
    match = DATE_VALUE.match(timex.value)
    return match.group(0) if match else None


def _attached_dates(
    ctx: Context, sentence: Span, parse: Doc, anchors: dict[int, list[int]]
) -> dict[int | None, str]:
    """Trigger index -> date of the first timex whose head path reaches it; key ``None``: attached to none."""
    owner = {a: trigger for trigger, group in anchors.items() for a in group}
    dates: dict[int | None, str] = {}
    first = bisect.bisect_left(ctx.timex_starts, sentence.start_char)
    last = bisect.bisect_left(ctx.timex_starts, sentence.end_char)
    for timex in ctx.timexes[first:last]:
        if timex.end > sentence.end_char:
            continue
        value = _date_value(timex)
        if value is None:
            continue
        token = _timex_root(sentence, parse, timex)
        target = _owning_trigger(token, owner) if token is not None else None
        if target != IGNORED:
            dates.setdefault(target, value)
    return dates


def _timex_root(sentence: Span, parse: Doc, timex: Timex) -> Token | None:
    start, end = timex.start - sentence.start_char, timex.end - sentence.start_char
    tokens = [t for t in parse if t.idx < end and t.idx + len(t.text) > start]
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return roots[0] if roots else None


def _owning_trigger(token: Token, owner: dict[int, int]) -> int | None:
    """The first trigger (or its verb) met walking up from ``token``; stops at a new clause.

    ``IGNORED`` when the timex dates some other noun on the way ("expelled diplomats over a 2014 explosion").
    """
    start = token
    while True:
        if token.i in owner:
            return owner[token.i]
        if token is not start and token.pos_ in ("NOUN", "PROPN"):
            return IGNORED
        if token.head.i == token.i or token.dep_ in ("ccomp", "advcl", "relcl", "parataxis"):
            return None
        token = token.head


def _reference_date(ctx: Context, sentence: Span, dates: dict[int | None, str]) -> str | None:
    """The sentence's reference time: an unattached date in it, else the paragraph's last earlier date."""
    if None in dates:
        return dates[None]
    text = ctx.parsed.document.text
    before = bisect.bisect_left(ctx.timex_starts, sentence.start_char)
    for index in range(before - 1, -1, -1):
        timex = ctx.timexes[index]
        if timex.end > sentence.start_char:
            continue
        if ctx.settings.event_reference_same_paragraph and "\n" in text[timex.end : sentence.start_char]:
            return None
        value = _date_value(timex)
        if value is not None:
            return value
    return None


# ---------------------------------------------------------------------------------------------- status


def _status(ctx: Context, parse: Doc, trigger: Trigger, anchors: list[int], date: str | None) -> EventStatus:
    """Future from modals and planning heads or a date after publication; ongoing from aspect; else past."""
    lex = ctx.lexicon
    if _after_publication(ctx, date):
        return "future"
    for anchor in (parse[a] for a in anchors):
        chain = _complement_chain(anchor)
        if any(_aux_lemmas(t) & lex.future_aux for t in chain):
            return "future"
        if any(t.lemma_.lower() in lex.future_heads for t in chain[1:]):
            return "future"
        if any(t.lemma_.lower() in lex.ongoing_heads for t in chain[1:]) or _progressive(anchor):
            return "ongoing"
        if anchor.tag_ in ("VBZ", "VBP") and not _aux_lemmas(anchor):
            return "ongoing"
    if any(c.lower_ in lex.ongoing_modifiers for c in parse[trigger.index].children):
        return "ongoing"
    return "past"


def _complement_chain(token: Token) -> list[Token]:
    """``token`` and the heads it complements ("ready to sign" -> sign, ready, is)."""
    chain = [token]
    while token.dep_ in ("xcomp", "acomp", "pcomp", "pobj", "prep", "ccomp") and token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.pos_ == "VERB":
            break
        token = token.head
        chain.append(token)
    return chain


def _aux_lemmas(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _progressive(token: Token) -> bool:
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in token.children)


def _after_publication(ctx: Context, date: str | None) -> bool:
    published = ctx.parsed.document.published
    if date is None or published is None:
        return False
    return date > published.isoformat()[: len(date)]
