"""Time expressions: find them in a parsed document and normalize them to TIMEX3 values.

Reads a ``Parsed`` document (its text, its creation time ``document.published`` and the spaCy sentences and
POS tags) and returns ``Timex`` records. Detection is our own linear-time patterns over per-language word
tables (``timex_patterns``). spaCy's DATE/TIME entities were measured as extra spans (those our patterns miss,
with a time word and not an age): on TempEval-3 train relaxed F1 stayed at 93.9 while value F1 fell 0.9 points
(their spans come without values), so they are not used. spaCy's tags decide the one thing patterns cannot:
whether the sentence speaks of the future, which flips "on Sunday" or "in July" from the last one to the next
(a future verb group, or a simple present before the expression: news write "the trial opens Monday"; a
simple or past perfect past wins over "until"/"by"; ``timex_tense`` reads it). Values are anchored by
``timex_resolve`` at the document date or at the reference time, the last date the text resolved before the
expression (for "two months later", "the next day"); the second end of "from Friday to Monday" is put after
the first. Two readings are dropped here because they need the tokens around a match: a unit after a quantity
is a rate ("$5 million a year"), and a sentence opening "Now," is a discourse marker.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.analyze.nlp import sentence_of
from storyline.analyze.timex_patterns import LEXICONS, Lexicon, Match, choose, find
from storyline.analyze.timex_ranges import DAY_RULES, count_range, day_partner, range_end, year_from_range_end
from storyline.analyze.timex_resolve import GRAIN, Context, Norm, Point, add_months, normalize, shift
from storyline.analyze.timex_tense import (
    NOUN_TAGS,
    TENSE_WORDS,
    TenseWords,
    group_end,
    is_verb,
    tense,
    verb_group,
)
from storyline.model import Timex

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from storyline.analyze.nlp import Parsed

__all__ = ["Resolved", "extract", "published_lower_bound", "resolve"]


# grains of resolved dates that become the reference time for "two months later", "that day"
OFFSET_CUE_CHARS = 30  # how far before an expression "the day before" is looked for
WORD_BEFORE_CHARS = 12  # how far back the one word before an expression is read ("throughout" and its space)
# a story whose text holds this many different words of a game tells of one: its bare halves and quarters are the
# game's even in a sentence with no such word ("the Colts capitalized in the fourth quarter")
GAME_STORY_WORDS = 2
REF_GRAINS = frozenset({"day", "pod", "month", "year", "week", "quarter", "season"})
# rules whose match is a count back or forward from another time ("a year ago", "year-earlier", "two days
# later"): never a reference time of their own
OFFSET_RULES = frozenset({"ago", "yearago", "periodago"})
RATE_WINDOW = (
    3  # how many tokens before "a year" are searched for the quantity of a rate ("$500 million a year")
)


@dataclass(frozen=True)
class Resolved:
    """One expression found in a string by ``resolve``: its text, TIMEX3 type, value and mod."""

    text: str
    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _trimmed(match: Match, text: str, language: str) -> Match:
    """TempEval span convention: a hyphenated modifier leaves out the article ("the third-quarter loss",
    "the 45-day strike", "the year-ago results" → "third-quarter", "45-day", "year-ago"), and a reference word
    leaves out its signal ("to this day" → "this day"). Both words come from the language's table."""
    lex = LEXICONS[language]
    covered = text[match.start : match.end]
    first, space, _ = covered.partition(" ")
    after_first = match.start + len(first) + len(space)
    if match.rule == "ref" and space and first.lower() in lex.ref_signals:
        return dataclasses.replace(match, start=after_first)
    if not space or not lex.definite_article or first.lower() != lex.definite_article:
        return match
    hyphenated = bool(match.rule in ("quarter", "century") and match.groups.get("hyphen"))
    if match.rule == "duration" and not match.groups.get("rel"):
        hyphenated = "-" in covered and " " not in covered[after_first - match.start :].strip()
    if match.rule == "yearago" and not match.groups.get("unit"):
        hyphenated = "-" in covered
    return dataclasses.replace(match, start=after_first) if hyphenated else match


def _with_span_noun(match: Match, text: str, language: str) -> Match:
    """ "a three-year period", "its one-year term": a hyphenated count of units right before a noun that names a
    stretch of time is one expression with it, an article right before the count included (a possessive is
    not: "its"); with a word between ("the extra seven-day period", "the 14-day waiting period") the count
    stays alone, as TempEval-3 train marks it."""
    lex = LEXICONS[language]
    words = text[match.start : match.end].split()
    if match.rule != "duration" or not lex.span_nouns or len(words) > 2 or "-" not in words[-1]:
        return match
    if len(words) == 2 and words[0].lower() not in lex.span_articles:
        return match
    nouns = "|".join(re.escape(noun) for noun in lex.span_nouns)
    noun = re.match(rf"\s+(?:{nouns})\b", text[match.end : match.end + 20])
    if noun is None:
        return match
    if len(words) == 2:  # "the three-year period"
        return dataclasses.replace(match, end=match.end + noun.end())
    before = re.search(r"(\w+)\s+$", text[max(0, match.start - 8) : match.start])
    if before is None or before[1].lower() not in lex.determiners:
        return match
    start = match.start - len(before[0]) if before[1].lower() in lex.span_articles else match.start
    return dataclasses.replace(match, start=start, end=match.end + noun.end())


# a typographic apostrophe, and the opening quote often typed for one ("in the ‘90s"), read as plain
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def candidates(text: str, language: str = "en") -> list[Match]:
    """The non-overlapping expressions in ``text`` in text order (empty for a language without tables).

    The tables spell the apostrophe plain ("the '90s", "year's end", "New Year's Day"); a typographic one is
    read as plain (one character for one, so the offsets stay those of ``text``)."""
    if language not in LEXICONS:
        return []
    plain = text.translate(APOSTROPHES)
    found = choose(list(find(plain, language)), len(plain))
    return [_trimmed(_with_span_noun(m, plain, language), plain, language) for m in found]


def resolve(
    text: str,
    anchor: dt.date | None,
    *,
    ref: dt.date | None = None,
    future: bool | None = False,
    language: str = "en",
) -> Resolved | None:
    """The first time expression in ``text`` resolved against document date ``anchor`` (for tests and tools).

    ``ref`` is the reference time for "two months later"; ``future`` says the sentence speaks of the future.
    """
    found = candidates(text, language)
    if not found:
        return None
    m = found[0]
    point = Point(ref, "day") if ref else None
    norm = normalize(m.rule, m.groups, Context(_as_date(anchor), point, future, language))
    return Resolved(text[m.start : m.end], m.start, m.end, norm.type, norm.value, norm.mod, norm.anchor)


def _coordinated(text: str, prev: tuple[Match, Norm] | None, m: Match, language: str) -> bool:
    """Whether ``m`` is the second of "Tuesday or Wednesday": it then points the way the first one does."""
    words = TENSE_WORDS.get(language)
    if words is None or prev is None or prev[0].rule != m.rule:
        return False
    return " ".join(text[prev[0].end : m.start].lower().split()) in words.coordinators


def _match_tokens(parsed: Parsed, m: Match) -> SpacySpan | None:
    """The tokens a pattern match covers (widened to whole tokens), for the filters that read its neighbours."""
    return parsed.doc.char_span(m.start, m.end, alignment_mode="expand")


def _sent_start(span: SpacySpan) -> int:
    """``span.sent.start`` by bisection (``nlp.sentence_of``): ``Span.sent`` walks the tokens on every call."""
    return sentence_of(span.doc, span.start).start if len(span) else span.sent.start


def _sent_end(span: SpacySpan) -> int:
    """``span.sent.end`` by bisection: as ``Span.sent`` has it, the end of the sentence of the span's last token."""
    return sentence_of(span.doc, span.end - 1).end if len(span) else span.sent.end


def _sentence_at(parsed: Parsed, start: int, end: int) -> SpacySpan | None:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return sentence_of(parsed.doc, span.start)


def _timex(doc_id: str, text: str, m: Match, norm: Norm) -> Timex:
    return Timex(
        id=f"{doc_id}:t{m.start}-{m.end}",
        doc_id=doc_id,
        start=m.start,
        end=m.end,
        text=text[m.start : m.end],
        type=norm.type,
        value=norm.value,
        anchor=norm.anchor,
        mod=norm.mod,
        point=norm.point.value() if norm.type == "DURATION" and norm.point is not None else None,
    )


@functools.lru_cache(maxsize=8)
def _offset_cue(language: str) -> re.Pattern[str] | None:
    """ "the day before " right before a match (the end of the text before it)."""
    offsets = LEXICONS[language].day_offsets
    if not offsets:
        return None
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(offsets, key=len, reverse=True))
    return re.compile(rf"(?i:\b(?P<cue>{words}))\s+$")


def _day_offset(text: str, m: Match, norm: Norm, language: str) -> tuple[Match, Norm]:
    """ "the day before last Tuesday's hearing": the named day moved by one, the span grown to the cue."""
    cue = _offset_cue(language)
    if cue is None or norm.point is None or norm.point.grain != "day" or norm.type != "DATE":
        return m, norm
    found = cue.search(text, max(0, m.start - OFFSET_CUE_CHARS), m.start)
    if found is None:
        return m, norm
    step = LEXICONS[language].day_offsets[" ".join(found["cue"].lower().split())]
    point = Point(norm.point.date + dt.timedelta(days=step), "day")
    return dataclasses.replace(m, start=found.start()), dataclasses.replace(
        norm, value=point.value(), point=point
    )


PART_CUE_CHARS = 30  # how far before a decade or century "the first half of" is looked for


@functools.lru_cache(maxsize=8)
def _part_cue(language: str) -> re.Pattern[str] | None:
    """ "the first half of ", "the last quarter of " right before a match (the end of the text before it)."""
    lex = LEXICONS[language]
    if not lex.part_words:
        return None
    which = "|".join(
        re.escape(w) for w in sorted([*lex.ordinals, *lex.final_part_words], key=len, reverse=True)
    )
    parts = "|".join(re.escape(w) for w in lex.part_words)
    return re.compile(rf"(?i:\b(?:the\s+)?(?:{which})\s+(?:{parts})\s+of\s+)$")


def _part_of_period(text: str, m: Match, norm: Norm, language: str) -> Match:
    """ "the first half of the 20th century", "the last half of the '80s": the part of a decade or century is
    one expression with it, whose value is the decade's or century's (as TempEval-3 train writes "the last half
    of the '80s": 198); a half of one names no half of a year."""
    cue = _part_cue(language)
    if cue is None or norm.point is None or norm.point.grain not in ("decade", "century"):
        return m
    found = cue.search(text, max(0, m.start - PART_CUE_CHARS), m.start)
    return m if found is None else dataclasses.replace(m, start=found.start())


def _is_rate(parsed: Parsed, m: Match, language: str) -> bool:
    """ "$1.76 a year", "358,000 a month", "24 hours a day", "120 miles per hour", "to rise 8.5% annually": a unit
    or a frequency word after a quantity is the rate's denominator (TempEval-3 train annotates none of the
    units), while "within a week", "lasted a week", "rallies held almost daily" stay times, and so does a
    duration led by its own modifier ("$33.6 billion over a decade")."""
    lex = LEXICONS[language]
    per = (
        m.rule == "set"
        and (m.groups.get("every") or "").lower() in lex.rate_articles
        and not m.groups.get("num")
    ) or m.rule == "freq"
    if not per and (
        m.rule != "duration"
        or m.groups.get("approx")
        or " ".join((m.groups.get("num") or "").lower().split()) not in lex.rate_articles
    ):
        return False
    span = _match_tokens(parsed, m)
    if span is None or span.start == 0:
        return False
    before = parsed.doc[max(_sent_start(span), span.start - RATE_WINDOW) : span.start]
    if len(before) == 0 or before[-1].pos_ in ("ADP", "DET", "ADV", "VERB", "AUX", "SCONJ", "PUNCT"):
        return False
    # a frequency word needs a cardinal: "the first weekly loss", "a fifth of its monthly income" are no rates
    return any(t.tag_ == "CD" or (t.like_num and m.rule != "freq") for t in before)


def _is_discourse_marker(parsed: Parsed, text: str, m: Match, language: str) -> bool:
    """ "Now, he says, …": a sentence-opening reference word before a comma (TempEval-3 train annotates none)."""
    if m.rule != "ref" or text[m.start : m.end].lower() not in LEXICONS[language].discourse_refs:
        return False
    if text[m.end : m.end + 1] != ",":
        return False
    span = _match_tokens(parsed, m)
    return span is not None and span[0].is_sent_start is True


def _word_before(text: str, m: Match) -> str:
    """The lower-cased word right before a match, "" at the text's start: the one word several rules read."""
    words = text[max(0, m.start - WORD_BEFORE_CHARS) : m.start].split()
    return words[-1].lower() if words else ""


def _past_or_connective(parsed: Parsed, text: str, m: Match, future: bool | None, language: str) -> bool:
    """ "soon" is a time ahead (FUTURE_REF) only where the clause does not speak of the past ("the bank will soon
    reopen", not "the crowd soon dispersed") and it is no connective ("as soon as", "soon after", "too soon",
    "soon-to-be")."""
    lex = LEXICONS[language]
    word = text[m.start : m.end].lower()
    if m.rule != "ref" or word not in lex.tensed_refs:
        return False
    after = text[m.end : m.end + 16].lower().replace("-", " - ").split()[:1]
    if _word_before(text, m) in lex.tensed_ref_links[0] or set(after) & set(lex.tensed_ref_links[1]):
        return True
    if future is False:
        return True
    # "the crowd soon dispersed": the verb right after it, whose subject came before it
    span = _match_tokens(parsed, m)
    return span is not None and span.end < len(span.doc) and span.doc[span.end].tag_ == "VBD"


def _someday(parsed: Parsed, text: str, m: Match, norm: Norm, language: str) -> Norm:
    """ "will one day be", "hopes to one day lead", "hope one day to find": "one day" between a modal or "to"
    and its verb, or right after a verb of hope, is an unspecified future day (FUTURE_REF), not a duration of
    one day. Right after a modal it is so whatever the tagger calls the next word ("would one day return",
    "return" read as a noun); between a subject pronoun and a bare verb too ("the hope he one day follow")."""
    if m.rule != "duration" or " ".join(text[m.start : m.end].lower().split()) != LEXICONS[language].someday:
        return norm
    span = _match_tokens(parsed, m)
    if span is None or span.start == 0 or span.end >= len(parsed.doc):
        return norm
    before, after = parsed.doc[span.start - 1], parsed.doc[span.end]
    modal = before.tag_ == "MD" or before.lower_ in LEXICONS[language].someday_after
    wish = before.pos_ == "VERB" and before.lemma_ in LEXICONS[language].someday_wishes
    bare_after_subject = before.tag_ == "PRP" and after.tag_ == "VB"
    if (
        wish
        or before.tag_ == "MD"
        or bare_after_subject
        or (modal and (after.tag_ == "VB" or after.pos_ in ("VERB", "AUX")))
    ):
        return Norm("DATE", "FUTURE_REF", None, "dct")
    return norm


def _is_generic_today(text: str, m: Match, language: str) -> bool:
    """ "today's youth", "in today's world": the present age, not the document's day (TempEval-3 train annotates
    none of them, while "today's hearing" is the day)."""
    lex = LEXICONS[language]
    if m.rule != "dayword" or text[m.start : m.end].lower() != lex.generic_day_word:
        return False
    after = re.match(r"['’]s\s+(\w+)", text[m.end : m.end + 40])
    return after is not None and after.group(1).lower() in lex.generic_nouns


def _not_a_clock(parsed: Parsed, text: str, m: Match, language: str) -> bool:
    """A bare "18:21" (no a.m.) after a title-case word inside the sentence is a chapter and verse ("Exodus 18:21",
    "Romans 8:31"), and one before "mark" a point in a recording ("the 2:05 mark"): no time of day."""
    if m.rule != "clock" or m.groups.get("ampm"):
        return False
    if re.match(r"\s+mark\b", text[m.end : m.end + 8]):
        return True
    span = _match_tokens(parsed, m)
    if span is None or span.start == 0:
        return False
    prev = parsed.doc[span.start - 1]
    lex = LEXICONS[language]
    return (
        prev.text.istitle()
        and not prev.is_sent_start
        and prev.text not in lex.weekdays
        and prev.text.rstrip(".") not in lex.months
        and span.end - span.start == 1
    )


OPENING_QUOTES = ("“", '"', "''", "``")
CLOSING_QUOTES = ("”", '"', "''")
TITLE_QUOTE_CHARS = 60  # how far back the opening quote of a programme's name is looked for
TITLE_SMALL_WORDS = frozenset({"the", "of", "a", "an", "and", "in", "with"})


def _in_quoted_title(text: str, m: Match) -> bool:
    """A capitalized time word that closes a quotation of its own ("NBC's “Today”") or a quoted name of three
    capitalized words or more ("''Fox News Sunday''", "“Last Week Tonight”") is a programme's name, not a time;
    "Super Tuesday" in quotes, a quoted "1960s" and quoted speech ("see you next week”) keep theirs."""
    words = text[m.start : m.end]
    stop = text[m.end : m.end + 1] in (".", ",")  # a title's closing quote may come after the sentence's stop
    if not words[:1].isupper() or not words.replace(" ", "").isalpha():
        return False
    if not text.startswith(CLOSING_QUOTES, m.end + stop):
        return False
    before = text[max(0, m.start - TITLE_QUOTE_CHARS) : m.start]
    opening = max(before.rfind(q) + len(q) if before.rfind(q) >= 0 else -1 for q in OPENING_QUOTES)
    if opening < 0:
        return False
    head = before[opening:].split()
    if not head:  # NBC's “Today”; not “Today,” he said (a quoted sentence's first word), nor "Super Tuesday"
        return not stop and m.rule in ("dayword", "tonight", "weekday")
    return len(head) >= 2 and all(w[:1].isupper() or w in TITLE_SMALL_WORDS for w in head)


def _event_day(parsed: Parsed, text: str, m: Match, norm: Norm, dct: dt.date | None, language: str) -> Norm:
    """ "the Sept. 11 attacks", "after the September 11 terrorist attacks": a day without a year followed by the
    name of the event it is known for is that event's day, not this year's (only for years after the event; a
    singular "attack" may be another one: "the Sept. 11 attack in Benghazi"). So is the day alone after "after"
    or "since" in a sentence told in the past ("were shocked after Sept. 11", "called us to offer help after
    Sept. 11", "had changed since September 11"), unless this year's day is recent (see ``RECENT_DAY_DAYS``):
    a sentence with no past ("will take place after Sept. 11", "is after Sept. 11 of this year") and a
    week-old day ("Since Sept. 11, the storm has killed 40" in a Sept. 20 paper) are this year's."""
    if m.groups.get("year") or norm.point is None or norm.point.grain != "day" or not norm.value:
        return norm
    lex = LEXICONS[language]
    event = lex.event_days.get(norm.value[5:10])
    if event is None or (norm.point.date.year <= event[0]):
        return norm
    after = " ".join(text[m.end : m.end + 40].lower().split())
    named = any(
        after.startswith(noun) and after[len(noun) : len(noun) + 1] in ("", " ", ",", ".")
        for noun in event[1]
    )
    cued = (
        _word_before(text, m) in lex.event_day_cues
        and (dct is None or abs((dct - norm.point.date).days) > RECENT_DAY_DAYS)
        and _told_in_past(parsed, m, language)
    )
    if not (named or cued):
        return norm
    # no point: a passing mention of the event is no reference time ("Since the Sept. 11 attacks … On Oct. 3
    # the Senate votes" is this year's Oct. 3)
    date = dt.date(event[0], norm.point.date.month, norm.point.date.day)
    return Norm("DATE", date.isoformat(), norm.mod, "absolute")


# how many days around the document's date a day without a year is read as this year's even after an event cue
# ("since Sept. 11" in a Sept. 20 paper is nine days ago, not 2001): news names a recent day without its year,
# and two months is a judgement, not a measure (no such case in TempEval-3 train or the unseen documents)
RECENT_DAY_DAYS = 60


def _told_in_past(parsed: Parsed, m: Match, language: str) -> bool:
    """Whether the sentence of a match has a simple past or a perfect anywhere: the tense of the clause right
    around it may be an infinitive's ("called us to offer help after Sept. 11" reads ahead)."""
    span = _match_tokens(parsed, m)
    words = TENSE_WORDS.get(language)
    if span is None or words is None:
        return False
    sentence = span.doc[_sent_start(span) : _sent_end(span)]
    return any(t.tag_ == "VBD" or t.lemma_ == words.perfect_auxiliary for t in sentence)


# between a month and a scheduled-event noun: adjectives and names ("general", "Democratic", "GOP")
EVENT_MODIFIER_TAGS = frozenset({"JJ", "NNP", "NN"})
# what ends the stretch of words around an expression whose verb says when the event was: a comma, a
# conjunction, a relative pronoun ("the November election, which …", "and the threat of … in a June referendum")
CLAUSE_BREAK_TAGS = frozenset({",", ":", "CC", "WDT", "WP", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"})
# words that open a clause inside another one ("who", "which", "when"): a verb after them is that clause's
CLAUSE_OPENER_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
# the tags of a date or name joined to an expression by a conjunction: "October and November", "May and June 4"
COORDINATED_NAME_TAGS = frozenset({"NNP", "CD"})


def _scheduled_month(parsed: Parsed, m: Match, norm: Norm, future: bool | None, language: str) -> Norm:
    """ "the November election", "the party's July convention": a month without a year that names a scheduled
    event is the next one (this month's included), not the last, unless the verb right around it is a past
    ("Trump won the November election", "appeared at the September debate" is no scheduled event) or the
    event was last month's ("the November election" in a December paper, unless the sentence looks ahead)."""
    dct = _as_date(parsed.document.published)
    if (
        m.rule != "month"
        or any(m.groups.get(k) for k in ("year", "refyear", "relyear", "rel"))
        or norm.point is None
        or norm.point.grain != "month"
        or dct is None
    ):
        return norm
    span = _match_tokens(parsed, m)
    lex = LEXICONS[language]
    if span is None or not (
        _names_event(span, lex.scheduled_events)
        or _after_event(span, lex)
        or _election_month(span, norm, dct, lex)
    ):
        return norm
    words = TENSE_WORDS.get(language)
    if words is None or (future is False and _past_around(span, words)):
        return norm
    ahead = (norm.point.date.month - dct.month) % 12
    if ahead == 11 and future is not True:
        ahead = -1
    point = Point(add_months(dt.date(dct.year, dct.month, 1), ahead), "month")
    return Norm(norm.type, point.value(), norm.mod, "dct", point)


def _scheduled_weekday(parsed: Parsed, m: Match, norm: Norm, future: bool | None, language: str) -> Norm:
    """ "who badly needs a win in Tuesday's primary" in a Saturday paper: a bare weekday whose possessive names a
    scheduled vote, in a clause whose tense does not say, is the nearer of the last and the next such day (a
    weekday of unknown tense is otherwise the last one); a past or future verb still decides, and so does a
    simple past the expression is the subject of ("Thursday's referendum was a reminder")."""
    dct = _as_date(parsed.document.published)
    if (
        m.rule != "weekday"
        or future is not None
        or any(m.groups.get(k) for k in ("rel", "pod"))
        or norm.point is None
        or norm.point.grain != "day"
        or dct is None
        or norm.point.date >= dct
    ):
        return norm
    span = _match_tokens(parsed, m)
    doc = parsed.doc
    if span is None or span.end + 1 >= _sent_end(span) or doc[span.end].lower_.replace("’", "'") != "'s":
        return norm
    lex = LEXICONS[language]
    events = (*lex.scheduled_events, *lex.scheduled_day_events)
    if not _names_event(doc[span.end : span.end + 1], events) or _past_follows(span):
        return norm
    ahead = norm.point.date + dt.timedelta(days=7)
    if (ahead - dct).days >= (dct - norm.point.date).days:
        return norm
    point = Point(ahead, "day")
    return Norm(norm.type, point.value(), norm.mod, "dct", point)


def _past_follows(span: SpacySpan) -> bool:
    """Whether the first verb after the expression in its stretch of the clause is a simple past: "Thursday's
    referendum was a reminder" tells of the one held."""
    for token in span.doc[span.end : _sent_end(span)]:
        if token.tag_ in CLAUSE_BREAK_TAGS:
            return False
        if is_verb(token):
            return token.tag_ == "VBD"
    return False


def _past_month(parsed: Parsed, m: Match, norm: Norm, future: bool | None, language: str) -> Norm:
    """ "Carter took office in February" in a December paper: a month without a year that a finite past verb
    right around it dates is the last one, however far back; the tense reach that keeps "payable Dec. 7" in a
    past sentence ahead had read it forward."""
    dct = _as_date(parsed.document.published)
    if (
        m.rule != "month"
        or any(m.groups.get(k) for k in ("year", "refyear", "relyear", "rel"))
        or future is not False
        or norm.point is None
        or norm.point.grain != "month"
        or dct is None
        or norm.point.date <= dct
    ):
        return norm
    span = _match_tokens(parsed, m)
    words = TENSE_WORDS.get(language)
    if span is None or words is None or _clause_goes_on(span):
        return norm
    if not (_past_around(span, words) or _past_after_opening(span, words)):
        return norm
    point = Point(norm.point.date.replace(year=norm.point.date.year - 1), "month")
    if point.date > dct:
        return norm
    return Norm(norm.type, point.value(), norm.mod, "dct", point)


def _past_after_opening(span: SpacySpan, words: TenseWords) -> bool:
    """Whether the expression sits in a phrase that opens its sentence, closed by a comma, before a clause whose
    first verb is a finite past: "In October, Mrs. Clinton, the nominee, proposed …", "During an interview in
    October, Trump said …" (the clause's verb dates the opening phrase, as "won" does in "won in October").
    Not when that first verb may belong to something else than the clause: a relative or adverbial clause
    opened before it ("In October, voters who were undecided will choose …", "…, the company, which announced
    the plan last week, will open …") or a reporting insertion closed by a comma ("In October, analysts said,
    the company will open …"); the tagger gives no tree to find the clause's own verb, so these stay open. A
    name joined to the expression belongs to the phrase ("In October and November, the firm cut …" dates both
    months)."""
    doc = span.doc
    start, end = _sent_start(span), _sent_end(span)
    if any(is_verb(t) or t.tag_ == "VBG" for t in doc[start : span.start]):
        return False
    close = span.end
    if close + 1 < end and doc[close].tag_ == "CC":
        close += 1
        while close < end and doc[close].tag_ in COORDINATED_NAME_TAGS:
            close += 1
    if close >= end or doc[close].text != ",":
        return False
    verb = next((t for t in doc[close + 1 : end] if is_verb(t) or t.tag_ == "VBG"), None)
    if verb is None or verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP", "MD"):
        return False
    if any(t.tag_ in CLAUSE_OPENER_TAGS for t in doc[close + 1 : verb.i]):
        return False
    main = group_end(verb, words)
    if main.i + 1 < end and doc[main.i + 1].text == ",":
        return False
    return _tells_past(verb_group(main, words), words)


def _past_part_of_year(
    text: str, m: Match, norm: Norm, future: bool | None, dct: dt.date | None, language: str
) -> Norm:
    """ "Cruz raised $12 million during the third quarter of the year" in a January paper: a quarter or half of
    "the year" told in the past, inside which the event fell, that had not begun by the document's date is last
    year's ("the year" is the document's otherwise; "slipped to the fourth quarter of the year" lies ahead)."""
    point = norm.point
    if (
        m.rule != "quarter"
        or not m.groups.get("theyear")
        or future is not False
        or point is None
        or dct is None
    ):
        return norm
    if point.date <= dct or _word_before(text, m) not in LEXICONS[language].within_period_words:
        return norm
    moved = dataclasses.replace(point, date=shift(point.date, "Y", -1))
    return dataclasses.replace(norm, value=moved.value(), point=moved)


def _clause_goes_on(span: SpacySpan) -> bool:
    """Whether the month modifies the noun after it ("organizing in the March states") or sits in the subject of
    a verb still to come before the clause ends ("said the gathering in September would be the last"): then the
    past verb before it does not date it."""
    doc = span.doc
    return (span.end < _sent_end(span) and doc[span.end].tag_ in NOUN_TAGS) or _verb_follows(span)


def _verb_follows(span: SpacySpan) -> bool:
    """Whether a verb comes after the expression before its clause ends."""
    for token in span.doc[span.end : _sent_end(span)]:
        if token.tag_ in CLAUSE_BREAK_TAGS:
            return False
        if is_verb(token):
            return True
    return False


def _election_month(span: SpacySpan, norm: Norm, dct: dt.date, lex: Lexicon) -> bool:
    """ "Can Cruz win in November?" in a 2016 paper: in an even year, up to that month, the month of an even-year
    holiday (US Election Day) named bare in a sentence about voting is this year's election, as "Election Day"
    is; the reach of the tense would make it last November in a January paper."""
    month = norm.point.date.month if norm.point is not None else 0
    return (
        dct.year % 2 == 0
        and dct.month <= month
        and month in {lex.holidays[name][0] for name in lex.even_year_days}
        and any(t.lemma_.lower() in lex.voting_words for t in span.doc[_sent_start(span) : _sent_end(span)])
    )


def _names_event(span: SpacySpan, nouns: tuple[str, ...]) -> bool:
    """Whether one of ``nouns`` follows the month, after at most two adjectives or names."""
    doc = span.doc
    for token in doc[span.end : min(span.end + 3, _sent_end(span))]:
        if token.lower_ in nouns:
            return True
        if token.tag_ not in EVENT_MODIFIER_TAGS:
            return False
    return False


def _after_event(span: SpacySpan, lex: Lexicon) -> bool:
    """Whether the month follows a scheduled event's noun and a link word in a clause led by a gerund or a bare
    infinitive, which tells no tense: "drafting the platform for the Democratic convention in July". A finite
    verb decides alone ("at the state's convention in April, it was Cruz who swept" is over)."""
    if span.start - 2 < _sent_start(span):
        return False
    doc = span.doc
    link, noun = doc[span.start - 1], doc[span.start - 2]
    if link.lower_ not in lex.scheduled_event_links or noun.lower_ not in lex.scheduled_events:
        return False
    for token in reversed(doc[_sent_start(span) : span.start - 2]):
        if token.tag_ in CLAUSE_BREAK_TAGS:
            return False
        if is_verb(token) or token.tag_ == "VBG":
            return token.tag_ in ("VBG", "VB")
    return False


def _past_around(span: SpacySpan, words: TenseWords) -> bool:
    """Whether the nearest verb before the expression in its stretch of the clause (else the first one after
    it, for an expression in the subject) is a finite past: "won", "was held", "has won"; not "to be replaced
    … through the November election" nor "referring to the party's July convention"."""
    doc = span.doc
    verb = None
    for token in reversed(doc[_sent_start(span) : span.start]):
        if token.tag_ in CLAUSE_BREAK_TAGS:
            break
        if is_verb(token) or token.tag_ == "VBG":
            verb = token
            break
    if verb is None and not any(is_verb(t) for t in doc[_sent_start(span) : span.start]):
        for token in doc[span.end : _sent_end(span)]:
            if token.tag_ in CLAUSE_BREAK_TAGS:
                break
            if is_verb(token) or token.tag_ == "VBG":
                verb = group_end(token, words)
                break
    if verb is None or verb.tag_ not in ("VBD", "VBN"):
        return False
    return _tells_past(verb_group(verb, words), words)


def _tells_past(group: SpacySpan, words: TenseWords) -> bool:
    """Whether a verb group tells of the past: a simple past ("won") or a perfect ("has won", "had won")."""
    return any(t.tag_ == "VBD" for t in group) or any(t.lemma_ == words.perfect_auxiliary for t in group)


def _possessive_period(text: str, m: Match, norm: Norm, dct: dt.date | None, language: str) -> Norm:
    """ "the next week's primaries", "the upcoming week's round of primaries": "the" + a relative word + a week,
    month or quarter is a stretch of time (P1W) alone, but its possessive dates a noun: that week (2016-W17), as
    "next week's election" is (TempEval-3 train marks its possessive relatives, 13 of 13, as dates)."""
    lex = LEXICONS[language]
    rel = " ".join((m.groups.get("rel") or "").lower().split())
    word = " ".join((m.groups.get("unit") or "").lower().split())
    if m.rule != "relunit" or norm.type != "DURATION" or dct is None:
        return norm
    if rel not in lex.possessive_relatives or word not in lex.possessive_units:
        return norm
    after = text[m.end : m.end + 3]
    if not any(re.match(rf"{re.escape(ending)}\b", after) for ending in lex.possessive_endings):
        return norm
    unit = lex.units[word]
    point = Point(shift(dct, unit, lex.relatives[rel]), GRAIN[unit])
    return Norm("DATE", point.value(), norm.mod, "dct", point)


def _ended_day(text: str, m: Match, norm: Norm, dct: dt.date | None, language: str) -> Norm:
    """ "the second quarter ended Oct. 31" in an October 27 paper: a period that ended is over, so its last day is
    on or before the document's date (the tense reach had turned the past back to the closest day, four days
    ahead). "ending Oct. 31" may lie ahead and is left alone."""
    point = norm.point
    if dct is None or m.rule not in DAY_RULES or norm.anchor != "dct" or point is None or point.date <= dct:
        return norm
    if _word_before(text, m) not in LEXICONS[language].period_ended_words:
        return norm
    date = point.date
    while date > dct:
        date = shift(date, "Y", -1)
    moved = dataclasses.replace(point, date=date)
    return dataclasses.replace(norm, value=moved.value(), point=moved)


def _paired_decade(text: str, prev: tuple[Match, Norm] | None, m: Match, norm: Norm, language: str) -> Norm:
    """ "the 1960s and 70s", "the 1870s and '80s": a decade given by its tens right after a full one and a link
    word is in that one's century (the next when its tens come first: "the 1990s and '00s"), not the latest
    such decade begun by the document date."""
    tens = m.groups.get("dec2") or m.groups.get("dec3")
    if m.rule != "decade" or not tens or prev is None or norm.point is None:
        return norm
    before, first = prev
    if before.rule != "decade" or not before.groups.get("dec") or first.point is None:
        return norm
    if " ".join(text[before.end : m.start].split()) not in LEXICONS[language].decade_links:
        return norm
    start = first.point.date.year
    year = start // 100 * 100 + int(tens) * 10
    point = Point(dt.date(year + 100 if year < start else year, 1, 1), "decade")
    return dataclasses.replace(norm, value=point.value(), point=point)


def _unpaired_season(text: str, prev: tuple[Match, Norm] | None, m: Match, language: str) -> bool:
    """ "the spring and summer": a season found only for the season and link word before it is a time only when
    that season was kept as one ("prices fall and winter comes" has no pair)."""
    if m.groups.get("paired") is None:
        return False
    if prev is None:
        return True
    lex = LEXICONS[language]
    between = text[prev[0].end : m.start].split()
    last = text[prev[0].start : prev[0].end].split()[-1].lower()
    return len(between) != 1 or between[0].lower() not in lex.season_links or last not in lex.seasons


def _appositive(text: str, prev: tuple[Match, Norm] | None, m: Match, norm: Norm, language: str) -> Norm:
    """ "in 2010, the year the court ruled", "in May, the month he left": "the year" right after a comma that
    follows a year names that year again (an apposition), not the document's year; so does a copula between
    them ("2007 was the year of the iPhone")."""
    lex = LEXICONS[language]
    if prev is None or m.rule != "theunit" or (m.groups.get("the") or "").lower() != lex.definite_article:
        return norm
    if m.groups.get("same") or m.groups.get("fiscal") or m.groups.get("ended") or m.groups.get("mod"):
        return norm
    before, first = prev
    point = first.point
    between = " ".join(text[before.end : m.start].lower().split())
    if (
        point is None
        or point.grain != m.groups.get("unit")
        or (between != "," and between not in lex.appositive_links)
    ):
        return norm
    return Norm("DATE", point.value(), norm.mod, first.anchor, point)


def _is_people(text: str, m: Match, language: str) -> bool:
    """ "fierce in some quarters", "criticism from many quarters": groups of people after "in" or "from", not a
    span of time ("in recent quarters", "after several quarters of losses" are)."""
    lex = LEXICONS[language]
    words = text[m.start : m.end].lower().split()
    if m.rule != "duration" or len(words) != 2 or words[0] not in lex.people_counts:
        return False
    if words[1] not in lex.people_units:
        return False
    return text[max(0, m.start - 6) : m.start].lower().split()[-1:] in (["in"], ["from"])


def _is_fraction(text: str, m: Match, language: str) -> bool:
    """ "about a quarter of voters", "the quarter of caucus-goers who …", "between a quarter and a third", "just
    over a quarter, 26 percent": a share of something, not three months. It stays a time when a unit or a year
    follows the link word ("a quarter of a century", "of 2012")."""
    lex = LEXICONS[language]
    if (
        m.rule not in ("duration", "theunit")
        or (m.groups.get("unit") or "").lower() not in lex.fraction_units
    ):
        return False
    rest = text[m.end : m.end + 40]
    partner = rf"\s+(?:{'|'.join(lex.fraction_pairs)})\s+(?:(?:an?|one)[\s-]+)?(?:{'|'.join(lex.fraction_partners)})\b"
    share = rf"(?:-{lex.fraction_link}-|,?\s*\(?\d+(?:\.\d+)?\s*(?:{'|'.join(map(re.escape, lex.percent_words))}))"
    if (
        m.rule == "duration"
        and lex.fraction_pairs
        and (re.match(partner, rest, re.I) or re.match(share, rest))
    ):
        return True
    after = rest.split()
    if len(after) < 2 or after[0].lower() != lex.fraction_link:
        return False
    head = after[2] if after[1].lower() in lex.fraction_articles and len(after) > 2 else after[1]
    head = head.strip(".,;:'\"").lower()
    return head not in lex.units and not re.fullmatch(r"\d{4}", head) and head not in lex.fiscal


def _game_period(parsed: Parsed, m: Match, norm: Norm, language: str) -> Norm:
    """ "a touchdown early in the fourth quarter", "with 4:43 left in the first half": a half or quarter with no
    year whose sentence, or whose story (``GAME_STORY_WORDS``), tells of a game is the game's. It stays a time
    expression (ECB+ marks these as times), but with no value and no point: it is no half or quarter of the
    document's year, nor a reference time."""
    lex = LEXICONS[language]
    if (
        m.rule != "quarter"
        or not lex.game_words
        or any(m.groups.get(k) for k in ("year", "yearq", "rely", "relq"))
    ):
        return norm
    sentence = _sentence_at(parsed, m.start, m.end)
    if sentence is None:
        return norm
    in_sentence = _game_words_in(" ".join(t.lower_ for t in sentence), lex.game_words + lex.game_period_cues)
    if not in_sentence and len(_game_words_in(parsed.doc.text.lower(), lex.game_words)) < GAME_STORY_WORDS:
        return norm
    return Norm(norm.type, None, norm.mod)


def _game_words_in(words: str, cues: tuple[str, ...]) -> set[str]:
    return {w for w in cues if re.search(rf"\b{re.escape(w)}\b", words)}


def _is_season_noun(text: str, m: Match, language: str) -> bool:
    """ "the fall of Baghdad", "The fall in oil prices": a decline, not autumn. After "of" a time keeps the season
    ("the fall of that year"); after "in" only a noun in lower case, and only after "the": "The fall in oil
    prices" is one, "last fall in New York" and "last fall in his home" are autumn."""
    lex = LEXICONS[language]
    season = (m.groups.get("season") or m.groups.get("unit") or "").lower()
    if season not in lex.noun_seasons or not text[m.start : m.end].lower().endswith(season):
        return False
    after = text[m.end : m.end + 40].split()
    if len(after) < 3 or after[0] not in lex.noun_season_links:
        return False
    if after[0] == lex.noun_season_links[0]:
        return not (after[1][:4].isdigit() or after[2].lower().startswith(lex.noun_season_year))
    word = after[1].rstrip(".,;:")
    plain = text[m.start : m.end].lower().split()[0] == lex.noun_season_article  # not "last fall in his home"
    return plain and word.isalpha() and word.islower() and word not in lex.determiners


MONTH_NOUN_ARTICLE_WORDS = 2  # how many words before "March" its article may be: "the annual March for Life"


def _is_a_march(text: str, m: Match, language: str) -> bool:
    """ "the March on Washington", "the 1963 March on Washington", "the annual March for Life": a walk with a name,
    not the month. The link must be followed by a capitalized word that is not a month ("from March to May" is a
    range), and an article must come shortly before ("in March for Congress" keeps the month)."""
    lex = LEXICONS[language]
    if m.rule != "month" or text[m.start : m.end] not in lex.month_nouns:
        return False
    after = text[m.end : m.end + 40].split()
    if len(after) < 2 or after[0] not in lex.month_noun_links:
        return False
    name = after[2] if after[1] in lex.determiners and len(after) > 2 else after[1]
    if not name[:1].isupper() or name.rstrip(".,;:") in lex.months:
        return False
    before = text[max(0, m.start - 40) : m.start].split()[-MONTH_NOUN_ARTICLE_WORDS:]
    return any(word.lower() in lex.determiners for word in before)


def _is_a_fall(parsed: Parsed, text: str, m: Match, language: str) -> bool:
    """ "The fall was unsurvivable", "his brother witnessed the fall": "the fall" as the subject of a verb right
    after it, or as the object of one right before it, is someone falling, not autumn, which news name after a
    preposition ("in the fall", "heading into the fall") or a verb of spending ("spent the fall in Paris")."""
    lex = LEXICONS[language]
    words = text[m.start : m.end].lower().split()
    if words != [lex.noun_season_article, *lex.noun_seasons[:1]]:
        return False
    span = _match_tokens(parsed, m)
    if span is None:
        return False
    doc = parsed.doc
    before = doc[span.start - 1] if span.start > _sent_start(span) else None
    after = doc[span.end] if span.end < _sent_end(span) else None
    # a subject: not the object of a preposition ("winning in the fall must have its teams ready")
    if after is not None and after.tag_ in ("VBD", "VBZ", "MD") and (before is None or before.tag_ != "IN"):
        return True
    return before is not None and is_verb(before) and before.lemma_ not in lex.season_object_verbs


HOUSE_NAME_WORDS = 3  # how many capitalized words a street's name may have between the number and "Avenue"


def _is_house_number(text: str, m: Match, language: str) -> bool:
    """ "stop Trump from reaching 1600 Pennsylvania Avenue": a year-like number before a street's name is a house
    number, unless a word that opens a year stands before it ("In 1999 Main Street was rebuilt")."""
    lex = LEXICONS[language]
    previous = _word_before(text, m)
    if m.rule != "year" or not previous or previous in lex.year_openers:
        return False
    words = text[m.end : m.end + 60].split()[: HOUSE_NAME_WORDS + 1]
    for i, word in enumerate(words):
        if i > 0 and (word.rstrip(",;") in lex.street_words or word.rstrip(".,;") in lex.street_words):
            return True
        if not word[:1].isupper():
            return False
    return False


def _is_model_year(text: str, m: Match, language: str) -> bool:
    """ "Kopp's 1987 Chevrolet Cavalier was found", "a blue 2012 Honda Accord": a year before a vehicle maker and
    a model's name or a vehicle noun is the model year, no date (TempEval-3 leaves it unmarked). A preposition
    that opens a year keeps it ("In 1987 Ford sold more trucks"); an article does not, as it does for a house
    number: "the 2004 Buick Regal" is a car."""
    lex = LEXICONS[language]
    if m.rule != "year" or not lex.vehicle_makers:
        return False
    previous = _word_before(text, m)
    if previous in lex.year_openers and previous not in lex.determiners:
        return False
    words = text[m.end : m.end + 40].split()[:2]
    if len(words) < 2 or words[0] not in lex.vehicle_makers:
        return False
    model = words[1].rstrip(".,;:")
    if model.lower() in lex.vehicle_nouns or model in lex.vehicle_nouns:
        return True
    return model[:1].isupper() and words[1] not in lex.maker_org_words and model not in lex.maker_org_words


def _is_publication(parsed: Parsed, m: Match) -> bool:
    """ "a free daily", "Washington Monthly": a frequency word used as a noun, or capitalized after a name, is a
    newspaper, not a set of times ("a weekly column", "Weekly jobless claims" stay). Not "the Communist Party
    daily Granma": TempEval-3 train annotates two of its four as P1D."""
    if m.rule != "freq":
        return False
    span = _match_tokens(parsed, m)
    if span is None or len(span) != 1:
        return False
    token, doc = span[0], parsed.doc
    if token.tag_ in ("NN", "NNS"):
        return True
    previous = doc[token.i - 1] if token.i > sentence_of(doc, token.i).start else None
    return (
        token.text[:1].isupper()
        and previous is not None
        and previous.text[:1].isupper()
        and previous.tag_ in ("NNP", "NNPS")
    )


# named-entity types of names that may contain a time word: "the New York Daily News", "the Summer Olympics",
# "the Sunday Times", "June Carter"
NAME_TYPES = frozenset({"ORG", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LAW", "PERSON"})


def _in_name(parsed: Parsed, text: str, m: Match) -> bool:
    """A capitalized time word without digits that the named-entity tagger puts inside a longer name is part of
    the name. A lowercase one is not: the tagger's name can run on into the clause ("the Republican National
    Convention ended last month"). An article is no part of a name: "over the New Year's weekend" (one EVENT to
    the tagger) is the holiday's weekend."""
    words = text[m.start : m.end]
    if any(ch.isdigit() for ch in words) or not any(word[:1].isupper() for word in words.split()):
        return False
    span = _match_tokens(parsed, m)
    if span is None or not all(t.ent_type_ in NAME_TYPES for t in span):
        return False
    ent = next((e for e in parsed.doc.ents if e.start <= span.start < e.end), None)
    if ent is None:
        return False
    return ent.end > span.end or any(t.tag_ != "DT" for t in parsed.doc[ent.start : span.start])


def _in_title(parsed: Parsed, text: str, m: Match) -> bool:
    """A day written in digits ("9/11") that ends a proper name begun before it is the name's word, not the day:
    "Michael Moore's Fahrenheit 9/11". Not before a common noun ("NEW YORK 9/11 families") nor after a
    preposition or article ("Since 9/11", "the 9/11 Commission")."""
    if m.rule != "namedday":
        return False
    span = _match_tokens(parsed, m)
    if span is None or span.start == 0 or parsed.doc[span.start - 1].tag_ not in ("NNP", "NNPS"):
        return False
    after = parsed.doc[span.end] if span.end < len(parsed.doc) else None
    return after is None or not (after.text[:1].islower() and after.tag_ in ("NN", "NNS"))


def _signal_trimmed(text: str, m: Match, norm: Norm) -> Match:
    """ "three days later" read as a duration: "later" is its signal, left out of the span as TimeML does."""
    if m.rule != "ago" or norm.type != "DURATION" or not m.groups.get("ago"):
        return m
    end = text.rfind(m.groups["ago"] or "", m.start, m.end)
    return dataclasses.replace(m, end=len(text[:end].rstrip())) if end > m.start else m


def _verb_trimmed(parsed: Parsed, text: str, m: Match, language: str) -> Match:
    """ "is expected to last three weeks", "Following Wednesday's leak": a relative word that is a verb ("last",
    "following") is left out of the expression."""
    rel = m.groups.get("rel")
    if not rel or not text.startswith(rel, m.start):
        return m
    # a verb before a count is the verb ("to last three weeks"); before a day only a preposition-like one is
    # ("Following Wednesday's leak"): "in coming weeks" keeps its relative
    if m.rule != "duration" and rel.lower() not in LEXICONS[language].verbal_relatives:
        return m
    span = parsed.doc.char_span(m.start, m.start + len(rel), alignment_mode="expand")
    if span is None or span[0].pos_ != "VERB":
        return m
    start = m.start + len(rel)
    start += len(text[start : m.end]) - len(text[start : m.end].lstrip())
    return dataclasses.replace(m, start=start, groups={**m.groups, "rel": None})


def _conjunction_trimmed(parsed: Parsed, text: str, m: Match) -> Match:
    """ "said that March sales fell": a "that" before a month that opens a clause (not a determiner, as in "lost
    that November") is left out, and the month read on its own. The tagger's word alone does not decide ("to
    Nixon that November" is tagged a conjunction): the clause it opens needs a verb after the month."""
    that = m.groups.get("that")
    if m.rule != "month" or not that:
        return m
    span = parsed.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span[0].tag_ == "DT" or not _verb_follows(span):
        return m
    start = m.start + len(that)
    start += len(text[start : m.end]) - len(text[start : m.end].lstrip())
    return dataclasses.replace(m, start=start, groups={**m.groups, "that": None})


# rules whose match is a clock time that may name no day of its own ("at 10:00 GMT", "midnight")
CLOCK_RULES = frozenset({"time", "clock", "zoneclock", "noon", "podhour"})
CLOCK_DAY_GROUPS = ("wd", "wd0", "dayw", "monthname")  # groups that give a clock time its own day
PARENTHESIS = re.compile(r"\([^()]{0,40}\)")


def _clocks_on_day(
    text: str, clocks: list[tuple[Match, Timex]], m: Match, norm: Norm, language: str
) -> list[tuple[Timex, Timex]]:
    """ "at 10:00 GMT on Saturday", "midnight on March 31": a clock time without a day of its own, followed by
    "on" and a day, is on that day (not on the document's or the reference day). ``clocks`` is the clock time
    and the same time in another zone in parentheses after it ("at 10 a.m. PDT (5 p.m. UTC) on August 28"):
    each moves. Returns (old, new) pairs, empty when nothing changes."""
    if not clocks or norm.point is None or norm.point.grain != "day" or norm.type != "DATE":
        return []
    # the same time in another zone may stand between them: "at 10:35 a.m. (0735 GMT) Friday"
    link = " ".join(PARENTHESIS.sub(" ", text[clocks[0][0].end : m.start]).lower().split())
    if link not in (*LEXICONS[language].clock_day_links, ""):
        return []
    return [
        (
            timex,
            dataclasses.replace(
                timex, value=norm.point.date.isoformat() + timex.value[10:], anchor=norm.anchor
            ),
        )
        for before, timex in clocks
        if before.rule in CLOCK_RULES
        and not any(before.groups.get(k) for k in CLOCK_DAY_GROUPS)
        and timex.value
        and len(timex.value) >= 11
    ]


def _zone_twin(text: str, clocks: list[tuple[Match, Timex]], m: Match) -> bool:
    """A clock time in parentheses right after another ("10 a.m. PDT (5 p.m. UTC)"): the same moment."""
    return (
        bool(clocks)
        and m.rule in CLOCK_RULES
        and text[clocks[-1][0].end : m.start].strip() == "("
        and text[m.end : m.end + 3].lstrip().startswith(")")
    )


def _heading_clock(text: str, m: Match) -> bool:
    """A clock time alone on its line heads an entry of a live report ("___. / 9:05 p.m. / Bernie Sanders
    says …"): it is on the document's day, not on the last day the previous entry named."""
    if m.rule not in CLOCK_RULES or any(m.groups.get(k) for k in CLOCK_DAY_GROUPS):
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    rest = text[line_start : m.start] + text[m.end : len(text) if line_end < 0 else line_end]
    return not rest.strip(" \t:.-–—")


def extract(parsed: Parsed) -> list[Timex]:
    """Every time expression in the document, normalized against its date and the text's reference times."""
    document = parsed.document
    language = document.language or "en"
    text = document.text
    dct = _as_date(document.published)
    ref: Point | None = None
    prev: tuple[Match, Norm] | None = None
    # the last expression kept and its zone twins, for "10:00 GMT on Saturday"
    clocks: list[tuple[Match, Timex]] = []
    future: bool | None = None
    out: list[Timex] = []
    partners: list[Timex] = []  # the bare days of "March 21-22", kept where no match covers them
    for m in candidates(text, language):
        m = _conjunction_trimmed(parsed, text, _verb_trimmed(parsed, text, m, language))
        if (
            _is_rate(parsed, m, language)
            or _is_discourse_marker(parsed, text, m, language)
            or _in_name(parsed, text, m)
            or _in_title(parsed, text, m)
            or _is_generic_today(text, m, language)
            or _is_people(text, m, language)
            or _is_fraction(text, m, language)
            or _is_season_noun(text, m, language)
            or _is_a_fall(parsed, text, m, language)
            or _is_a_march(text, m, language)
            or _is_house_number(text, m, language)
            or _is_model_year(text, m, language)
            or _is_publication(parsed, m)
            or _in_quoted_title(text, m)
            or _not_a_clock(parsed, text, m, language)
            or _unpaired_season(text, prev, m, language)
        ):
            continue
        if not _coordinated(text, prev, m, language):
            future = tense(_sentence_at(parsed, m.start, m.end), m.start, m.end, language)
        if _past_or_connective(parsed, text, m, future, language):
            continue
        context = Context(dct, None if _heading_clock(text, m) else ref, future, language)
        counts = count_range(text, m, context)
        if counts is not None:
            out += [_timex(document.id, text, _signal_trimmed(text, *count), count[1]) for count in counts]
            continue
        norm = _someday(parsed, text, m, normalize(m.rule, m.groups, context), language)
        norm = _event_day(parsed, text, m, norm, dct, language)
        norm = _scheduled_month(parsed, m, norm, future, language)
        norm = _past_month(parsed, m, norm, future, language)
        norm = _past_part_of_year(text, m, norm, future, dct, language)
        norm = _scheduled_weekday(parsed, m, norm, future, language)
        norm = _appositive(text, prev, m, norm, language)
        norm = _paired_decade(text, prev, m, norm, language)
        norm = _ended_day(text, m, norm, dct, language)
        norm = _possessive_period(text, m, norm, dct, language)
        norm = _game_period(parsed, m, norm, language)
        m, norm = _day_offset(text, m, norm, language)
        m = _part_of_period(text, m, norm, language)
        m = _signal_trimmed(text, m, norm)
        norm = range_end(text, prev, m, norm, dct, language)
        if prev is not None and (first := year_from_range_end(text, prev, m, norm, language)) is not None:
            index = next(i for i in range(len(out) - 1, -1, -1) if out[i].start == prev[0].start)
            out[index] = _timex(document.id, text, prev[0], first)
        for old, moved in _clocks_on_day(text, clocks, m, norm, language):
            out[out.index(old)] = moved
        prev = (m, norm)
        out.append(_timex(document.id, text, m, norm))
        clocks = [*clocks, (m, out[-1])] if _zone_twin(text, clocks, m) else [(m, out[-1])]
        partner = day_partner(parsed.doc, text, m, norm, language)
        if partner is not None:
            partners.append(_timex(document.id, text, *partner))
        # a counted offset does not move the reference time: not "two days later", nor "a year ago" or
        # "year-earlier" (in "net fell from $4 a year ago; sales were $9 a year earlier" both are the same
        # year); a named day does, even one whose year came from the reference ("… on December 27")
        if (
            norm.point is not None
            and norm.point.grain in REF_GRAINS
            and m.rule not in OFFSET_RULES
            and (norm.anchor != "ref" or m.rule in DAY_RULES)
        ):
            ref = norm.point
    out += [p for p in partners if not any(t.start < p.end and p.start < t.end for t in out)]
    return sorted(out, key=lambda t: t.start)


def published_lower_bound(timexes: Iterable[Timex], parsed: Parsed | None = None) -> str | None:
    """The latest absolute full date ("2021-03-14") the text states as past or present: the document cannot be
    older than it. A date in a future-tense sentence ("the vote will be held on 10 May 2021") bounds nothing,
    so with ``parsed`` (the document the timexes came from) those are left out."""
    language = (parsed.document.language or "en") if parsed is not None else "en"
    days = [
        t.value[:10]
        for t in timexes
        if t.anchor == "absolute"
        and t.value
        and _is_day(t.value)
        and (parsed is None or not tense(_sentence_at(parsed, t.start, t.end), t.start, t.end, language))
    ]
    return max(days) if days else None


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return len(value) == 10 or value[10] == "T"
