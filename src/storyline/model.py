"""The one document model every stage reads and extends.

Frozen dataclasses only, no I/O and no third-party types: storage, reports and the web app depend on this
module and never on spaCy. Every extracted item carries character offsets (``start``, ``end``) into the
cleaned ``Document.text`` of the document it came from, so any claim in a report can be traced back to its
source sentence. Stages return new objects with :func:`dataclasses.replace`; nothing is mutated in place.

Ids are stable: a document's id is derived from its normalized content, and every item's id is derived from
its document id and its offsets, so re-running a stage on the same text yields the same ids.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]
CueClass = Literal["speech", "finding", "belief", "intention", "stance"]
EventStatus = Literal["past", "ongoing", "future"]
MentionKind = Literal["name", "title", "pronoun", "nominal"]


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end}): need 0 <= start <= end")

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]


@dataclass(frozen=True)
class Mention:
    """One place in a document where an entity is named or referred to."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"
    metonym: bool = False  # "Baku" meaning Azerbaijan's government rather than the city


@dataclass(frozen=True)
class Entity:
    """A person, organization, place… as one document refers to it (canonical within the document).

    ``name`` is the fullest name the document uses ("Ilham Aliyev"); ``titles`` collects the roles attached to
    it ("Azerbaijani President"); ``mentions`` lists every reference including surnames, descriptions
    ("the Azerbaijani leader") and pronouns resolved to it.
    """

    id: str
    doc_id: str
    name: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, EVENT, FAC
    mentions: tuple[Mention, ...] = ()
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Timex:
    """A time expression normalized to a TIMEX3 value ("2021-03-14", "P4M", "2014-SU", "1992/1994").

    In a document with no date, what the words fix is kept and the rest left open, as TIMEX3 writes it ("November
    10": "XXXX-11-10", "Sunday": "XXXX-WXX-7"; anchor ``None``); ``value`` is ``None`` when even that is unknown
    ("last year" there). ``anchor`` says what it was resolved against: "dct" (the document's date), "ref" (an
    earlier time the sentence refers back to), "absolute" (needs no anchor) or ``None``. ``point`` is set on a
    DURATION counted from a known time ("three days later" after "March 2": value "P3D", point "2021-03-05"): the
    calendar time the span of time lands on, which TimeML's value does not carry but a timeline needs.
    """

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    anchor: str | None = None
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, APPROX, START, END…
    point: str | None = None  # for a DURATION counted from a known time: the date it lands on ("2021-03-05")


@dataclass(frozen=True)
class Quote:
    """Something a speaker said: direct ("…"), partial (a quoted fragment inside reported speech) or indirect."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None  # canonical name, or the institution ("the press service")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None  # Entity.id within the same document
    cue: str | None = None  # "said", "stressed", "according to"
    cue_start: int | None = None
    cue_end: int | None = None
    # what the cue attributes: words said or written ("said", "according to", a label's colon, "his claim that"),
    # what a study found ("a poll showed"), a belief ("thinks"), an intention ("wants to") or a stance taken in
    # words or deeds ("criticized", "called him a liar"); a report that wants only what was said keeps "speech"
    cue_class: CueClass | None = None


@dataclass(frozen=True)
class Participant:
    """An entity taking part in an event, with its role ("actor", "target", "participant")."""

    role: str
    name: str
    entity: str | None = None  # Entity.id within the same document


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when and where, as one sentence of one document reports it."""

    id: str
    doc_id: str
    type: str  # MEET, SIGN, ATTACK… see analyze/events.py for the ontology
    trigger: str
    start: int  # the trigger's offsets
    end: int
    sentence_start: int
    sentence_end: int
    participants: tuple[Participant, ...] = ()
    place: str | None = None
    date: str | None = None  # TIMEX3 value
    date_source: str | None = None  # "timex", "reference" (the sentence's reference time) or None
    status: EventStatus = "past"


@dataclass(frozen=True)
class Document:
    """One article: cleaned text, recovered metadata and whatever the analysis stages have added.

    ``published`` is the document creation time, or an honest ``None``; ``hints`` keeps weaker evidence that is
    not promoted to metadata ("weekday": "Wednesday", "published_after": "2021-01-11", "html_title": …).
    ``removed`` lists the boilerplate lines cleaning took out, for inspection; offsets never point into them.
    """

    id: str
    source: str
    text: str
    language: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    dateline_place: str | None = None
    url: str | None = None
    content_hash: str = ""
    hints: Mapping[str, str] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Skipped:
    """A source or document that a stage could not use, with a reason a person can act on."""

    source: str
    stage: str  # "ingest", "clean", "analyze", "link"
    reason: str


@dataclass(frozen=True)
class Passage:
    """A stretch of text shared by two documents: its span in each and how alike the two are (0..1)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float


@dataclass(frozen=True)
class Reuse:
    """Text shared between two documents. ``doc_a`` is the earlier one (the likely origin)."""

    doc_a: str
    doc_b: str
    score: float  # estimated Jaccard similarity of the two documents' shingle sets
    near_duplicate: bool = False
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True)
class Story:
    """Documents about one ongoing storyline, split into occasions (coverage of the same happening)."""

    id: str
    title: str
    docs: tuple[str, ...]
    occasions: tuple[tuple[str, ...], ...] = ()
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """The result of a run: documents with their annotations plus every cross-document link."""

    documents: tuple[Document, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    reuse: tuple[Reuse, ...] = ()
    stories: tuple[Story, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The output contract (see docs/output-schema.json)."""
        from storyline.report.json import analysis_to_dict

        return analysis_to_dict(self)

    def to_json(self, path: str) -> None:
        """Write the output contract to ``path`` as UTF-8 JSON."""
        from storyline.report.json import write_json

        write_json(self, path)


def as_plain(value: Any) -> Any:
    """Dataclasses, tuples and dates turned into JSON-ready dicts, lists and ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [as_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): as_plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class EntityIndex:
    """``entity_at`` over one document's entities, answered from their mentions sorted by start: each quote of
    a document asks for its speaker, and scanning every mention of every entity per quote was a tenth of the
    quote extractor's time."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        entities = list(entities)
        pairs = ((entity, mention) for entity in entities for mention in entity.mentions)
        mentions = [(m.start, order, m.end, entity) for order, (entity, m) in enumerate(pairs)]
        self._mentions = sorted(mentions, key=lambda item: (item[0], item[1]))
        self._starts = [item[0] for item in self._mentions]
        self._longest = max((end - start for start, _, end, _ in mentions), default=0)
        self._names: dict[str, list[Entity]] = {}
        for entity in entities:
            surname = entity.name.split()[-1:] if entity.type == "PERSON" else []
            for name in {n.casefold() for n in (entity.name, *entity.aliases, *surname)}:
                self._names.setdefault(name, []).append(entity)

    def at(self, start: int, end: int) -> Entity | None:
        """What ``entity_at`` answers: the longest overlap wins, the first entity (then mention) on a tie."""
        best: tuple[int, int, Entity] | None = None
        index = bisect.bisect_left(self._starts, end) - 1  # mentions starting before ``end``
        while index >= 0 and self._mentions[index][0] > start - self._longest:  # and ending after ``start``
            mention_start, order, mention_end, entity = self._mentions[index]
            overlap = min(end, mention_end) - max(start, mention_start)
            if overlap > 0 and (best is None or (overlap, -order) > (best[0], -best[1])):
                best = (overlap, order, entity)
            index -= 1
        return best[2] if best else None

    def within(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """The mentions lying wholly inside ``[start, end)``, as (start, end, entity), in text order."""
        index = bisect.bisect_left(self._starts, start)
        found = []
        while index < len(self._mentions) and self._mentions[index][0] < end:
            mention_start, _, mention_end, entity = self._mentions[index]
            if mention_end <= end:
                found.append((mention_start, mention_end, entity))
            index += 1
        return found

    def named(self, text: str) -> Entity | None:
        """The one entity called ``text`` (its name, an alias or a person's surname, case aside), or ``None``:
        the recognizer misses some mentions of a name it found elsewhere ("Dion added" after "Dion said"), and
        a speaker or participant there is still that entity. Two entities of one name answer nothing."""
        found = self._names.get(" ".join(text.split()).casefold(), [])
        return found[0] if len(found) == 1 else None


def entity_at(entities: tuple[Entity, ...] | list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)`` (the longest overlap wins), or ``None``."""
    best: tuple[int, Entity] | None = None
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, entity)
    return best[1] if best else None
