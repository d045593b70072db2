"""When an event happened and whether it is past, ongoing or future, read off the timexes and the parse.

Reads the document's resolved timexes and the parse of the event's sentence; gives ``events`` a date (and
where it came from) and an :data:`~storyline.model.EventStatus` for one event. Why apart from ``events``:
dating and tense are questions of time, answered from the resolved timexes and the verb's auxiliaries, not
from the words that trigger an event.

Dates: an attached timex wins ("timex"); else the sentence's reference time ("reference"): a resolved date
in the same sentence attached to no event ("the ministry said on Sunday that…"), else the most recent
resolved date earlier in the same paragraph that fits the event's tense; else ``None``. Never the publication
date: background events ("the 2020 war") do not share it, and an honest unknown beats a wrong date on a
timeline.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from storyline.analyze.event_context import (
    SUBJECT_DEPS,
    TIME_UNITS,
    Context,
    Lexicon,
    Site,
    Trigger,
    excluded_by,
    phrase_children,
)
from storyline.analyze.quote_cues import cues_for
from storyline.analyze.quote_marks import Inside, inside_quotations
from storyline.model import EventStatus, Timex

if TYPE_CHECKING:
    from spacy.tokens import Span

    from storyline.analyze.event_words import Parse, Word

__all__ = ["attached_dates", "coordinated_date", "fitting_reference", "reference_dates", "status"]

COMPLEMENT_DEPS = ("xcomp", "acomp", "pcomp", "pobj", "prep", "ccomp", "conj")  # links status climbs
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl"})  # "calls [to resign]", "demand for him [to resign]"
UNDATED_NAMES = frozenset({"GPE", "LOC", "FAC", "PERSON", "NORP", "ORG"})  # names a timex cannot date
PRESENT_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})  # "will cooperate"; not "would"
PAST_TAGS = frozenset({"VBD", "VBN"})  # "agreed", "had agreed": a commitment already made
CASE_TYPES = frozenset({"ARREST", "ACCUSE"})  # their circumstance names a crime, with its own time
IGNORED = -1  # the owner of a timex that dates something other than an event
STRETCH_WORD_CHARS = 12  # how far before a timex its "since" is looked for
SAYING = -2  # the key of the sentence's date of saying ("said on Monday"), besides its reference time (None)
QUOTED = -3  # the key of a quotation's own reference time: it dates what the quotation tells, nothing outside
TIMEX_LINK_DEPS = frozenset({"pobj", "prep", "npadvmod", "nmod", "compound", "amod", "det", "nummod"})
# a TIMEX3 value that names a calendar date, or the part of one an undated article fixes ("XXXX-01-11")
DATE_VALUE = re.compile(r"^(\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?|XXXX-(WXX-\d|\d{2}(-\d{2})?))")
WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})")  # "2016-W23": an ISO week
YEAR_VALUE = re.compile(r"^\d{4}$")  # "2003": a year and no more
RANGE_VALUE = re.compile(r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$")  # "1992-1994": 1992/1994


def _date_value(timex: Timex) -> str | None:
    """The calendar part of a resolved DATE/TIME timex ("2020-11-09"), the day a counted span lands on
    ("three days later": P3D with point "2020-11-12"), or a span between two calendar dates ("in 1992-1994":
    1992/1994, which sorts with its first year on a timeline), or what an undated article's words fix ("on Jan.
    11": XXXX-01-11, so the event keeps its own day and takes no reference time from an earlier sentence), else
    ``None``."""
    if timex.value is not None and RANGE_VALUE.match(timex.value):
        return timex.value
    value = timex.point if timex.point is not None else timex.value
    if (timex.type not in ("DATE", "TIME") and timex.point is None) or value is None:
        return None
    match = DATE_VALUE.match(value)
    return match.group(0) if match else None


def attached_dates(
    ctx: Context,
    sentence: Span,
    parse: Parse,
    anchors: dict[int, list[int]],
    folded: Collection[int] = (),
) -> dict[int | None, str]:
    """Trigger index -> date of the first timex whose head path reaches it; key ``None``: attached to none.

    ``folded`` holds the sentence's trigger words, kept or folded into another: a date on a folded noun event
    the verb's circumstance names ("killed in an **attack** on Thursday") is that verb's (``_owning_trigger``)."""
    owner = {a: trigger for trigger, group in anchors.items() for a in group}
    quoted = _quotations(ctx)
    dates: dict[int | None, str] = {}
    first = bisect.bisect_left(ctx.timex_starts, sentence.start_char)
    last = bisect.bisect_left(ctx.timex_starts, sentence.end_char)
    for timex in ctx.timexes[first:last]:
        if timex.end > sentence.end_char:
            continue
        value = _date_value(timex)
        if value is None:
            continue
        baseline = _baseline(ctx, timex)
        tokens = _timex_tokens(sentence, parse, timex)
        token = _timex_root(tokens)
        target = _owning_trigger(token, owner, folded, ctx.lexicon) if token is not None else None
        told = quoted(timex.start)
        if told and target is None:  # the reference time of the quotation only
            dates.setdefault(QUOTED, value)
            continue
        if told and target != IGNORED and not quoted(sentence[target].idx):
            continue  # a date inside a quotation dates only what it tells ("… as we did in 2022," he said)
        if token is not None and _in_relative_clause(token):  # no reference time for the sentences after it
            ctx.parsed.memo.setdefault("events.background_timexes", set()).add(timex.start)
        if target not in (None, IGNORED) and _committed_ahead(ctx, token, value):
            target = IGNORED  # "agreed to hold talks next month": the talks' month, not the agreeing's
        if target != IGNORED and not (target is None and baseline):
            dates.setdefault(target, value)  # "fell 2% from a year earlier" dates no event of the sentence
        if (then := _then_clause(ctx.lexicon, parse, tokens, owner)) is not None:
            dates.setdefault(then, value)
        if target is None and token is not None and _said_on(ctx.lexicon, token):
            dates.setdefault(SAYING, value)
        if _opening_phrase(ctx.lexicon, parse, tokens):  # it also dates the rest of the sentence
            dates.setdefault(None, value)
    return dates


def quoted(ctx: Context, offset: int) -> bool:
    """Whether ``offset`` lies inside one of the document's quotations."""
    return _quotations(ctx)(offset)


def _quotations(ctx: Context) -> Inside:
    """The document's quotations (``quote_marks.inside_quotations``), asked "is this offset inside one?"."""
    return inside_quotations(ctx.parsed, cues_for(ctx.parsed.document.language))


def _said_on(lex: Lexicon, token: Word) -> bool:
    """Whether a date is the time of a verb of saying ("said **on Monday** that …", "**on Wednesday** said")."""
    while token.dep_ in TIMEX_LINK_DEPS and token.head.i != token.i:
        token = token.head
    return token.pos_ == "VERB" and token.lemma_.lower() in lex.speech_verbs


def _then_clause(lex: Lexicon, parse: Parse, tokens: list[Word], owner: dict[int, int]) -> int | None:
    """The trigger of a clause set off by a comma right after the timex and opened by "when" ("last met **in
    May**, when the two sides signed a joint statement"): it happened at that date. ``None`` if there is none."""
    if not tokens or tokens[-1].i + 2 >= len(parse):
        return None
    comma, word = parse[tokens[-1].i + 1], parse[tokens[-1].i + 2]
    if comma.text != "," or word.lower_ not in lex.then_words:
        return None
    return owner.get(word.head.i)


def _in_relative_clause(token: Word) -> bool:
    """Whether ``token`` lies in a relative clause ("Snow Leopard, which was released **in 2009**", "the
    blizzard that hit his state **last month**"): that date is the background of the thing described, not the
    time the next sentences tell of. Only there: a participle's date ("a statement issued **late Tuesday**")
    was as often the news's own (PolNeAR train), and the sentence's own unattached date is left alone (it
    lowered the hand set's date accuracy)."""
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "acl:relcl") and not _cleft(token.head):
            return True
        token = token.head
    return False


def _cleft(noun: Word) -> bool:
    """The focus of a cleft sentence ("It was **narcotics** that first sent him to prison, in 1959"): its
    relative clause is what the sentence tells, not a thing's background."""
    verb = noun.head
    return noun.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)


def _timex_tokens(sentence: Span, parse: Parse, timex: Timex) -> list[Word]:
    start, end = timex.start - sentence.start_char, timex.end - sentence.start_char
    return [t for t in parse if t.idx < end and t.idx + len(t.text) > start]


def _timex_root(tokens: list[Word]) -> Word | None:
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return roots[0] if roots else None


def _opening_phrase(lex: Lexicon, parse: Parse, tokens: list[Word]) -> bool:
    """A timex in the phrase opening the sentence and closed by a comma, alone ("Jan. 11, …") or after a
    preposition of time ("In 1992-1994, tensions boiled over and exploded…", "In a 1963 speech, he declared"):
    it dates the sentence, whatever noun the parser hung it on (there "tensions", read as the root, or
    "speech")."""
    comma = next((t.i for t in parse if t.text == ","), None)
    if not tokens or comma is None or tokens[-1].i >= comma:
        return False
    if tokens[0].i == 0:
        return comma == tokens[-1].i + 1
    opener = parse[0]
    inside = {t.i for t in opener.subtree}
    return opener.lower_ in lex.time_preps and all(i in inside for i in range(1, comma))


def _owning_trigger(
    token: Word, owner: dict[int, int], folded: Collection[int] = (), lex: Lexicon | None = None
) -> int | None:
    """The first trigger (or its verb) met walking up from ``token``; stops at a new clause.

    ``IGNORED`` when the timex dates some other noun on the way ("expelled diplomats over a 2014 explosion"),
    but not a named place or party, which has no time of its own: "killed at the Brask crossing on the Tavra
    River on Thursday", where the parser hung the day on the river; nor a part of the day ("struck before dawn on
    Tuesday"); nor a folded noun event in the verb's circumstance (``_circumstance``), which happened then with
    it: "wounded in **clashes** on Thursday". Also ``IGNORED``: a date in a relative clause on a noun that is
    no event, and the deadline of an act ordered (``_demanded_act``); ``None`` (the sentence's reference time)
    past a new clause, a conjunct with a subject of its own included ("… were killed, the ministry said on
    Friday").
    """
    start = token
    while True:
        if token.i in owner:
            return owner[token.i]
        named = (
            token.ent_type_ in UNDATED_NAMES
            or (token.i in folded and _circumstance(lex, token))
            or (lex is not None and token.lemma_.lower() in lex.day_parts)  # "before dawn on Tuesday"
        )
        if token is not start and token.pos_ in ("NOUN", "PROPN") and not named:
            return IGNORED
        # a relative clause's date is its noun's: an event's ("the talks that began on Monday"), else no
        # one's ("a crisis that began last year")
        if token.dep_ in ("relcl", "acl:relcl"):
            return owner.get(token.head.i, IGNORED)
        if _demanded_act(lex, token):
            return IGNORED  # the date of the act demanded ("ordered the plant to replace them by June")
        if token.dep_ == "advcl" and _before_mark(start, token):
            token = token.head  # "froze the process this year after parliament passed …" misparsed
            continue
        if token.head.i == token.i or token.dep_ in ("ccomp", "advcl", "parataxis"):
            return None
        if token.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in token.children):
            return None  # a clause of its own: "… were killed, the ministry said on Friday"
        token = token.head


def _committed_ahead(ctx: Context, token: Word | None, value: str) -> bool:
    """Whether a date after publication lies in the to-infinitive of a past commitment (``commitment_verbs``:
    "agreed to hold talks next month"): it dates the act committed to, not the commitment already made. A
    date before publication may be the commitment's ("the court agreed to take a second look at it last
    June")."""
    lex = ctx.lexicon
    while token is not None and token.head.i != token.i and token.dep_ not in ("ccomp", "advcl", "relcl"):
        head = token.head
        if token.dep_ == "xcomp" and head.lemma_.lower() in lex.commitment_verbs and head.tag_ in PAST_TAGS:
            return after_publication(ctx, value)
        token = head
    return False


def _before_mark(word: Word, clause: Word) -> bool:
    """Whether ``word`` comes before the subordinator opening ``clause`` ("this year **after** parliament
    passed …"): the parser hung it on the clause, but it stands outside it."""
    return any(c.dep_ == "mark" and word.i < c.i for c in clause.children)


def _demanded_act(lex: Lexicon | None, verb: Word) -> bool:
    """Whether ``verb`` is the to-infinitive of what someone was asked or ordered to do ("ordered **the plant**
    to replace the valves by June"): its date is the deadline of that act, not the order's. Only with the
    object that does it, or the addressee after a preposition of ``addressing_calls`` ("called on Georgians to rally
    on Monday"): "is expected to run in 2017" dates the running."""
    head = verb.head
    if lex is None or verb.dep_ != "xcomp":
        return False
    if head.lemma_.lower() in lex.object_control_verbs:
        return any(c.dep_ in ("dobj", "obj") and c.i < verb.i for c in head.children)
    calls = [
        *phrase_children(head, "prep", lex.addressing_calls),
        *phrase_children(head, "prt", lex.addressing_calls),
    ]
    return any(c.i < verb.i for c in calls)  # "called on Georgians to rally": "on" a preposition or particle


def _circumstance(lex: Lexicon | None, noun: Word) -> bool:
    """A noun after a preposition other than "of" on a verb: "killed **in** an attack", "wounded **in**
    clashes"; not "accused Baku **of** shelling", whose date may be the shelling's alone, nor the crime a charge
    or a blame is about (``CASE_TYPES``: "charged **in** the 1967 slayings" this morning)."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ == "of" or verb.pos_ not in ("VERB", "AUX"):
        return False
    return lex is None or lex.verbs.get(verb.lemma_.lower()) not in CASE_TYPES


def reference_dates(ctx: Context, sentence: Span, dates: dict[int | None, str]) -> list[str]:
    """The sentence's reference times, best first: an unattached date in it alone, else the paragraph's
    earlier dates, the most recent first (``fitting_reference`` takes the first that fits the event's tense:
    "Jobs said yesterday that … until September 30. Jobs also said that …" is a saying of yesterday, not of
    September 30). A year naming a thing (``_modifies_a_noun``) and a date in a relative clause of a sentence
    already read (``attached_dates`` marks it; a sentence with no trigger has no parse) are no reference
    times, nor is a date inside a quotation for a sentence outside one."""
    if None in dates:
        return [dates[None]]
    background = ctx.parsed.memo.get("events.background_timexes", set())
    quoted = _quotations(ctx)
    told = quoted(sentence.start_char + 1)  # a sentence of a quotation: the quotation's dates are its own
    found: list[str] = []
    before = bisect.bisect_left(ctx.timex_starts, sentence.start_char)
    # the last line break before the sentence: a timex ending after it is in the sentence's paragraph
    line_break = ctx.parsed.document.text.rfind("\n", 0, sentence.start_char)
    for index in range(before - 1, -1, -1):
        timex = ctx.timexes[index]
        if timex.end > sentence.start_char:
            continue
        if ctx.settings.event_reference_same_paragraph and line_break >= timex.end:
            break
        value = _reference_value(ctx, timex)
        if value is not None and timex.start not in background and (told or not quoted(timex.start)):
            found.append(value)
    return found


def _reference_value(ctx: Context, timex: Timex) -> str | None:
    """``_date_value`` of a timex that names no thing's date (``_modifies_a_noun``) and no stretch's start
    (``_stretch_start``), else ``None``; kept per document, as every later sentence of the timex's paragraph
    asks again."""
    memo: dict[tuple[object, ...], str | None] = ctx.parsed.memo.setdefault("events.reference_values", {})
    key = (timex.start, timex.end, timex.type, timex.value, timex.point)
    if key not in memo:
        value = _date_value(timex)
        background = value is None or _modifies_a_noun(ctx, timex) or _stretch_start(ctx, timex)
        background = background or _baseline(ctx, timex)
        memo[key] = None if background else value
    return memo[key]


def _stretch_start(ctx: Context, timex: Timex) -> bool:
    """Whether the timex is where a stretch of time began ("where it has been **since last July**"): what
    follows is told of a later time."""
    return _word_before(ctx, timex) in ctx.lexicon.stretch_starts


def _baseline(ctx: Context, timex: Timex) -> bool:
    """Whether the timex is what a change is measured from ("fell 1.4 percent **from a year earlier**", "higher
    **than a year ago**"), not the time of anything the sentence tells; "from 2007 to 2012" is a stretch."""
    if _word_before(ctx, timex) not in ctx.lexicon.baseline_words:
        return False
    if timex.value is not None and RANGE_VALUE.match(timex.value):
        return False  # "from 1948-1982": a stretch
    after = ctx.parsed.document.text[timex.end : timex.end + STRETCH_WORD_CHARS].replace(",", " , ").split()
    if after[:1] == [","] and len(after) > 1 and after[1].casefold() in ctx.lexicon.then_words:
        return False  # "reversed from 2008, when she sought …": what the next clause tells happened then
    return not after or after[0].casefold().strip(".") not in ctx.lexicon.stretch_ends


def _word_before(ctx: Context, timex: Timex) -> str:
    """The word right before a timex, in lower case ("" at the start): read off the text, as the sentence that
    holds it may have no parse."""
    before = ctx.parsed.document.text[max(0, timex.start - STRETCH_WORD_CHARS) : timex.start].split()
    return before[-1].casefold() if before else ""


def _modifies_a_noun(ctx: Context, timex: Timex) -> bool:
    """Whether a year stands between a determiner or a possessive and a noun ("a breach of **the 1991**
    settlement", "**its 2003** launch", "**Apple's 2010** conference"): it is that thing's date, a background
    the paragraph names, not the time its next sentences tell of. A day there is the news's own time ("in **a
    Wednesday** media event, Apple released…"). Read off the tags, as the sentence that holds it may have no
    parse."""
    if timex.value is None or not YEAR_VALUE.match(timex.value):
        return False
    doc = ctx.parsed.doc
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.start == 0 or span.end >= len(doc):
        return False
    before, after = doc[span.start - 1], doc[span.end]
    return before.tag_ in ("DT", "PRP$", "POS") and after.pos_ in ("NOUN", "PROPN")


def coordinated_date(
    token: Word, owner: dict[int, int], dates: dict[int | None, str], types: dict[int, str]
) -> str | None:
    """A coordinated verb shares its first conjunct's date ("met on Monday and agreed to…"), a participle of
    result its verb's ("struck on Tuesday, killing at least 230"), and an event noun the subject of a verb of
    its own type that verb's ("A strong earthquake struck eastern Turkey on Tuesday": ``types`` holds each
    trigger's type by index)."""
    while token.head.i != token.i and (
        token.dep_ == "conj" or _result_participle(token) or _same_event_subject(token, types)
    ):
        token = token.head
        if token.i in owner and owner[token.i] in dates:
            return dates[owner[token.i]]
    return None


def _result_participle(token: Word) -> bool:
    """A participle clause after its verb with no conjunction of its own: ", killing at least 230 people"."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.i > token.head.i
        and not any(c.dep_ in ("mark", "advmod") for c in token.children)
    )


def _same_event_subject(token: Word, types: dict[int, str]) -> bool:
    """An event noun that is the subject of a trigger of the same type: the same happening told twice."""
    own = types.get(token.i)
    return (
        own is not None and token.dep_ == "nsubj" and token.pos_ == "NOUN" and types.get(token.head.i) == own
    )


# ---------------------------------------------------------------------------------------------- status


def fitting_reference(
    ctx: Context,
    parse: Parse,
    anchors: list[int],
    references: list[str],
    planned: tuple[str | None, str | None] | None = None,
) -> str | None:
    """The first of ``references`` whose side of publication does not contradict the grammar: a reference
    time is only borrowed from the sentence or the paragraph, and "which forces have held since the clash"
    after "the gates reopen from May 1" is no clash on May 1, nor is "he will cooperate" after "the valves were
    ordered in March" a cooperation in March ("would" may look forward from a past time, so only "will" and
    "shall" count). A date that does not fit is a plan or a background the paragraph mentions, not its
    narrative time, so an earlier date of the paragraph is tried next. An event still ahead (``planned``: the
    sentence's own reference time and its date of saying, for an event whose status is future) takes the
    sentence's own date ("is expected to act at its meeting in December") or one after publication, not the
    date of a saying ("said on Monday that the leaders would meet" is no meeting on Monday) nor an earlier
    sentence's."""
    tokens = [parse[a] for a in anchors]
    own, saying = planned if planned is not None else (None, None)
    for reference in references:
        if after_publication(ctx, reference) and _told_past(ctx.lexicon, tokens):
            continue
        if _before_publication(ctx, reference) and _told_future(tokens):
            continue
        if planned and not after_publication(ctx, reference) and (reference != own or reference == saying):
            continue
        return reference
    return None


def names_background(lex: Lexicon, trigger: Word) -> bool:
    """Whether a noun trigger only modifies another noun, naming the event that thing belongs to ("the **murder**
    trial starts Monday", "arraigned on two **murder** charges today", "the **shooting** victims were buried on
    Friday"): the sentence's time is the trial's, the charges', the burial's, so the event borrows none. A time
    noun is the event's own time ("on **election** day", ``lex.time_heads``). Nor does an event told as a
    stretch of time ("bowing to pressure from weeks of **protests**", "after two years of **talks**"): it took
    no single day of the sentence's ("the day of the shooting" is one day)."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        return _stretch(trigger.head.head)
    if trigger.dep_ != "compound" or trigger.pos_ != "NOUN" or trigger.head.pos_ not in ("NOUN", "PROPN"):
        return False
    return trigger.head.lemma_.lower() not in lex.time_heads


def _stretch(unit: Word) -> bool:
    """A length of time: a time unit in the plural or counted ("weeks", "eight days", "a week")."""
    if unit.lemma_.lower() not in TIME_UNITS:
        return False
    counted = any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for c in unit.children)
    return unit.tag_ == "NNS" or counted


def _told_past(lex: Lexicon, anchors: list[Word]) -> bool:
    """Whether the anchors say past: a past-tense or perfect verb ("clashed", "have held"), a past participle
    describing a noun ("under the arrangement announced at a news conference"), or a noun event in a phrase of
    what came before ("since the clash", "after the collapse")."""
    for anchor in anchors:
        chain = _complement_chain(lex, anchor)
        if any(_past_form(token) for token in chain):
            return True
        if chain[-1].dep_ == "prep" and chain[-1].lower_ in lex.background_preps:
            return True
    return False


def _told_future(anchors: list[Word]) -> bool:
    """Whether an anchor itself takes "will" or "shall" ("will cooperate"), the future seen from today."""
    return any(_aux_lemmas(anchor) & PRESENT_FUTURE_AUX for anchor in anchors)


def _past_form(verb: Word) -> bool:
    """A past-tense verb, a perfect, or a past participle describing a noun ("the arrangement announced")."""
    if verb.tag_ == "VBD" or _aux_lemmas(verb) & {"have", "has", "had"}:
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


def status(ctx: Context, site: Site, trigger: Trigger, anchors: list[int], date: str | None) -> EventStatus:
    """Future from modals and planning heads or a date after publication; ongoing from aspect; else past.

    A headline's simple present tells a happening just reported, not one going on ("Armenia, Azerbaijan sign
    ceasefire"): it reads as past; its bare to-infinitive ("… to sign ceasefire") as future.
    """
    lex, parse = ctx.lexicon, site.parse
    if after_publication(ctx, date) or _scheduled(lex, parse[trigger.index]):
        return "future"
    if any(excluded_by(lex, parse[a]) is not None for a in anchors):
        return "future"  # "did not rule out sending troops": a possibility (ruled out, it is no event at all)
    headline, told_past = site.headline, False
    for anchor in (parse[a] for a in anchors):
        if not _tells_tense(lex, parse[trigger.index], anchor):
            if _aux_lemmas(anchor) & lex.future_aux:  # not "the strike could spread": it exists
                return "future"
            continue
        if headline and _headline_plan(lex, anchor):
            return "future"
        chain = _complement_chain(lex, anchor)
        if any(_future(lex, t) for t in chain):
            return "future"
        if any(_planned_by(lex, below, head) for below, head in itertools.pairwise(chain)):
            return "future"
        if anchor.i == trigger.index and _requested(lex, chain):
            return "future"
        if _planned_object(lex, parse[trigger.index], anchor):
            return "future"
        if any(t.lemma_.lower() in lex.ongoing_heads for t in chain[1:]) or _progressive(anchor):
            return "ongoing"
        if anchor.tag_ in ("VBZ", "VBP") and not _aux_lemmas(anchor) and not headline:
            return "ongoing"
        told_past = told_past or _past_form(anchor)
    token = parse[trigger.index]
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "det", "advmod")}
    if (modifiers & lex.future_modifiers or _led_up_to(lex, token)) and not (
        told_past or _before_publication(ctx, date)
    ):
        return "future"  # "the upcoming visit"; not "attended the next meeting", "his next speech, on May 28"
    if modifiers & lex.ongoing_modifiers:
        return "ongoing"
    return "past"


def _led_up_to(lex: Lexicon, noun: Word) -> bool:
    """A noun event after "ahead of" told from the present ("the changes come ahead of a Sept. 4 referendum";
    not "tensions rose ahead of the 2020 election", told from a past before it)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ not in lex.lead_up_words:
        return False
    return not _past_form(prep.head.head)


def _scheduled(lex: Lexicon, noun: Word) -> bool:
    """A noun event that is the subject of a planning head in the present ("the meeting **is scheduled** for
    Dec. 12", "the vote is set for Sunday"; not "was scheduled for Monday", which may have come and gone)."""
    head = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "nsubjpass" or head.lemma_.lower() not in lex.scheduling_heads:
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)


def _tells_tense(lex: Lexicon, trigger: Word, anchor: Word) -> bool:
    """Whether ``anchor`` (the trigger or the verb a noun trigger hangs on) says when the event is: a verb
    with the event as its active subject only does if it says the event happens ("the talks begin today"), not
    when it says something of the event ("the deal stipulates the opening of corridors" is no ongoing deal,
    "the Orlando attack now ranks as the deadliest" no ongoing attack); a future auxiliary there still counts
    (``status`` checks it: "the discussion will focus on …")."""
    if anchor.i == trigger.i or trigger.dep_ != "nsubj":
        return True
    return anchor.lemma_.lower() in lex.occurrence_verbs


def _complement_chain(lex: Lexicon, token: Word) -> list[Word]:
    """``token`` and the heads it complements ("ready to sign" -> sign, ready, is).

    A bare verb coordinated with another shares its auxiliary and its head ("will withdraw and hand over",
    "scheduled to meet and discuss"). A phrase of what came before or caused the event ("after the
    collapse", "amid fighting") is no part of what a planning head plans ("hope to revive talks after the
    collapse of the truce": the collapse is past).
    """
    chain = [token]
    while token.dep_ in COMPLEMENT_DEPS and token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.pos_ == "VERB":
            break
        if token.dep_ == "prep" and token.lower_ in lex.background_preps:
            break
        if token.dep_ == "conj" and not _shares_head_tense(token):
            break
        token = token.head
        chain.append(token)
    return chain


def _planned_by(lex: Lexicon, below: Word, head: Word) -> bool:
    """Whether ``head``, reached from ``below`` in a complement chain, is a planning head over it ("set to
    meet", "prepare for the talks"); a phrase of the head's own occasion is not planned by it ("had set the
    tone in a televised **address**": the address happened)."""
    occasion = below.dep_ == "prep" and below.lower_ in lex.setting_preps
    return head.lemma_.lower() in lex.future_heads and not occasion


def _planned_object(lex: Lexicon, noun: Word, verb: Word) -> bool:
    """Whether a noun event is the object of a planning verb not in the past ("the opposition plans another
    **rally** on Friday", "is preparing an **offensive**"; not "the cell that planned the **attack**" or "was
    seeking the nomination", told from a past that may have seen it happen). "Considering arson" weighs a
    cause of what happened, so "consider" is left out."""
    past = verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    )
    lemma = verb.lemma_.lower()
    return (
        noun.i != verb.i
        and noun.dep_ in ("dobj", "obj")
        and noun.head.i == verb.i
        and lemma in lex.future_heads
        and lemma != "consider"
        and not past
    )


def _requested(lex: Lexicon, chain: list[Word]) -> bool:
    """Whether a verb trigger (or a bare verb coordinated with it) is the to-infinitive a request asks for
    ("asked Rome [to declare]", "faced calls [to resign]", "asks the force to begin [withdrawing]"). Only the
    verb itself: what it acts on or is done by may exist already ("asked to defend his criticism", "pressured
    them to stop by threatening")."""
    verb = chain[0]
    if verb.head.pos_ == "NOUN" and verb.dep_ in NOUN_CLAUSE_DEPS and verb.tag_ == "VB":
        return verb.head.lemma_.lower() in lex.request_heads and any(c.lower_ == "to" for c in verb.children)
    for below, head in itertools.pairwise(chain):
        if below.dep_ == "xcomp" and head.lemma_.lower() in lex.onset_heads:
            continue  # "asks the force to begin withdrawing": the beginning is what is asked
        if below.dep_ != "conj":
            return head.lemma_.lower() in lex.request_heads and below.dep_ == "xcomp" and below.tag_ == "VB"
    return False


def _shares_head_tense(verb: Word) -> bool:
    """Whether a coordinated verb is a bare form with no auxiliary of its own, so its tense is its head's."""
    return verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") and not _aux_lemmas(verb)


def _headline_plan(lex: Lexicon, verb: Word) -> bool:
    """Whether a headline verb is a to-infinitive on no verb of its own, or on a verb of saying reporting it:
    "Armenia and Azerbaijan to sign ceasefire" and "Kremlin says Putin, Xi to meet" announce a plan."""
    governed = verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX", "ADJ")
    reported = verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in lex.speech_verbs
    return (reported or not governed) and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _aux_lemmas(token: Word) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def _future(lex: Lexicon, token: Word) -> bool:
    """A future auxiliary ("will sign"), or one of possibility without a perfect ("could be signed", "may
    resume"; not "may have attacked", which may have happened)."""
    auxiliaries = _aux_lemmas(token)
    possible = auxiliaries & lex.possibility_aux and not auxiliaries & lex.perfect_aux
    return bool(auxiliaries & lex.future_aux or possible)


def _progressive(token: Word) -> bool:
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in token.children)


def after_publication(ctx: Context, date: str | None) -> bool:
    """Whether all of ``date`` lies after the document's publication day."""
    span = _calendar_span(date)
    published = ctx.parsed.document.published
    return span is not None and published is not None and span[0] > published.isoformat()


def _before_publication(ctx: Context, date: str | None) -> bool:
    """Whether all of ``date`` lies before the document's publication day."""
    span = _calendar_span(date)
    published = ctx.parsed.document.published
    return span is not None and published is not None and span[1] < published.isoformat()


def _calendar_span(date: str | None) -> tuple[str, str] | None:
    """The first and last day a calendar value covers, as ISO text padded to compare with a day ("2021-03" ->
    "2021-03-00" … "2021-03-99"); ``None`` for no value or one without a year."""
    if date is None or date.startswith("XXXX") or not DATE_VALUE.match(date):
        return None
    if week := WEEK_VALUE.match(date):  # compared as text, "2016-W23" would follow every day of 2016
        try:
            monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:  # no such week
            return None
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    day = DATE_VALUE.match(date)[0]  # type: ignore[index]
    if "-W" in day or "XXXX" in day:
        return None
    return day + "-00-00"[len(day) - 4 :], day + "-99-99"[len(day) - 4 :]
