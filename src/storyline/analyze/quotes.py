"""Quotes: what each speaker said, directly, partially or in reported speech.

Reads a parsed document (``analyze.nlp.Parsed``) and the document's entities; returns ``model.Quote`` records.

Three passes, each linear in the text:

1. ``quote_marks.find_quoted`` pairs quote marks (a quotation may run over several paragraphs).
2. ``quote_attributions`` parses the sentences holding a cue outside quotation marks and reads each cue's
   speaker (``quote_spans``), content (``quote_contents``) and reach from the parse.
3. Quotations are matched to attributions (here): a quotation inside a reported clause that also has unquoted
   words is a *partial* quote (the clause is the quote); a quotation the cue governs ("…," he said / X said:
   "…", a colon ending the paragraph before it too) is *direct*; a quotation with no cue that reads as speech
   continues the previous speaker (a quote running on after "he said"; the cue too within one paragraph, or when
   it is the whole of the next paragraph).
   Attributions left with a reported clause are *indirect* speech, in two pieces when the cue sits inside it
   ("Taxes, he said, will rise"). Short unattributed quotations (scare quotes, titles) are not quotes, nor is
   a title inside a speaker's description.

Speaker spans are resolved to the document's entities (their mentions include pronouns and descriptions), so
"he" and "the Azerbaijani leader" become "Ilham Aliyev"; an unresolved speaker keeps its own words ("the
statement"). Spans follow the PARC/PolNeAR conventions as seen on PolNeAR's train split: a direct quote's
span includes its quote marks (and a "that" introducing it), an indirect quote's span is the reported clause
including "that".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storyline.analyze.quote_attributions import (
    Attribution,
    cue_sentences,
    headline_attributions,
    sentence_attributions,
)
from storyline.analyze.quote_cues import CUES, CueTable, cue_class, cues_for
from storyline.analyze.quote_headlines import headline_parse
from storyline.analyze.quote_marks import Inside, Quoted, find_quoted, inside_quotations
from storyline.model import Entity, EntityIndex, Quote, QuoteKind
from storyline.settings import AnalyzeSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from storyline.analyze.nlp import Parsed

__all__ = ["Quoted", "extract", "find_quoted", "inside_quotations", "sentences_to_parse"]

WORD = re.compile(r"\w+")
MAX_TITLE_WORDS = 8  # a quotation this short, in title case, is a title ("Face the Nation"), not speech
MAX_TITLE_FUNCTION_WORD = 4  # "the", "of", "with": the only lower-case words a title has
LAST_WORD = re.compile(r"\b(\w+)\s*$")  # a whole word: the \b looks before a search window's start
QUOTE_CLOSERS = "\"”’'»"
QUOTE_OPENERS = "\"“‘'«"
SENTENCE_ENDS = ".!?"
TRAIL_STOPS = '.!?\n"“”«»'  # a sentence, a line or another quotation between a quotation and a cue
MAX_TRAIL = 80  # characters from a quotation to the cue it runs on into
# words joining two speakers' names ("Armenia and Azerbaijan said"; Russian "и", Turkish "ve")
SPEAKER_COORDINATORS = frozenset({"and", "&", "и", "ve"})
APPOSED_DESCRIPTION_WORDS = (
    3  # "billionaire", "former prime minister": lower-case words before an apposed name
)
MAX_THAT_GAP = 12  # characters: "that" and the space before a quotation
MAX_AS_GAP = 6  # characters: an "as" and the space before the speaker of an aside
# a line break, or a full stop (and a closing mark) before a capital: a new sentence
SENTENCE_BREAK = re.compile(r"\n|[.!?][\"”’']?\s+[A-Z“\"]")
REACH_WINDOW = (
    2000  # characters: a cue further than this from a quotation never governs it (bounds the search)
)


@dataclass(frozen=True)
class _Match:
    """A quotation or clause paired with its attribution (or none)."""

    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution | None
    with_cue: bool = True  # False for a quotation continuing a speaker's words in a later paragraph


def _has_words_outside(
    text: str, start: int, end: int, quoted: Sequence[Quoted], a: Attribution, table: CueTable
) -> bool:
    """Whether ``[start, end)`` holds words of its own outside the quotations: not a complementizer ("that"
    after the cue: ``said that "…"``; one before it is a pronoun, ``That "is the point," he said``), and not the
    attribution itself (``"…," he says, "…"`` is one direct quote in two pieces)."""
    skip = [Quoted(q.start, q.end) for q in quoted] + [Quoted(a.cue_start, a.cue_end)]
    skip.append(Quoted(_aside_start(text, a, table), _attribution_bounds(a)[0]))  # the "as" of "as he said"
    if a.speaker_start is not None and a.speaker_end is not None:
        skip.append(Quoted(a.speaker_start, a.speaker_end))
    pos, words = start, []
    for q in sorted(skip, key=lambda q: q.start):
        words += [(m.group(), pos + m.start()) for m in WORD.finditer(text[pos : max(pos, q.start)])]
        pos = max(pos, q.end)
    words += [(m.group(), pos + m.start()) for m in WORD.finditer(text[pos:end])]
    return any(w.lower() not in table.that or at < a.cue_start for w, at in words)


def _partials(
    text: str, attributions: list[Attribution], inside: Inside, table: CueTable
) -> dict[int, _Match]:
    """Reported clauses that quote some of their words: quotation index -> the clause as a partial quote (or the
    piece of it holding the quotation, when the clause holds its own speaker and cue: ``_around_attribution``;
    a piece with no quotation gets a negative key)."""
    found: dict[int, _Match] = {}
    for a in attributions:
        if a.content_start is None or a.content_end is None:
            continue
        indexes = list(inside.overlapping(a.content_start, a.content_end))
        indexes += _run_on(text, a.content_end, inside, indexes)
        quoted = [inside.quoted[i] for i in indexes]
        if not quoted:
            continue
        start = min(a.content_start, quoted[0].start)
        end = max(a.content_end, quoted[-1].end)
        if _has_words_outside(text, start, end, quoted, a, table):
            pieces = [
                _Match(first, last, "partial", a)
                for first, last in _around_attribution(text, a, table, (start, end))
            ]
            for i in indexes:
                found[i] = next((m for m in pieces if m.start <= inside.quoted[i].start < m.end), pieces[-1])
            for m in pieces:  # the piece before the speaker and cue may hold no quotation: keyed apart
                if m not in found.values():
                    found[-1 - len(found)] = m
    return found


def _run_on(text: str, end: int, inside: Inside, indexes: list[int]) -> list[int]:
    """The quotation right after a reported clause, a space apart (`called him a “talented guy”`, `if he is
    “ready to serve,”`), which the parser often leaves out of the clause: it ends the clause."""
    following = indexes[-1] + 1 if indexes else bisect.bisect_left(inside.starts, end)
    if following >= len(inside.quoted) or inside.quoted[following].start < end:
        return []
    gap = text[end : inside.quoted[following].start]
    return [following] if gap.isspace() and "\n" not in gap else []


def _governing(
    text: str, q: Quoted, attributions: Sequence[Attribution], starts: Sequence[int]
) -> Attribution | None:
    """The nearest cue governing the quotation.

    Either the quotation lies in the cue's reach, on either side of the cue, or the cue and its speaker follow
    the closing mark with nothing but punctuation between (a sentence splitter often cuts ``…!" he wrote.``
    after the mark).
    """
    best: tuple[int, Attribution] | None = None
    handed_on: Attribution | None = None
    first, last = _wording(text, q)
    for a in _near(q, attributions, starts):
        after = (
            a.cue_start >= q.end
            and (
                a.reach_start <= last - 1 < a.reach_end
                or (a.content_start is None and (_adjacent(text, q, a) or _trails(text, q, a)))
            )
            and not _leads_on(text, q, a)
        )
        before = a.cue_end <= q.start and (_reaches(text, q, a, first) or _introduces(text, q, a))
        if after and _opens_next(text, q, a):
            handed_on = handed_on or a
            continue
        if not (after or before):
            continue
        distance = a.cue_start - q.end if after else q.start - a.cue_end
        if best is None or distance < best[0]:
            best = (distance, a)
    return best[1] if best else handed_on


def _wording(text: str, q: Quoted) -> tuple[int, int]:
    """The quotation from its first to its last letter or digit, without its marks and closing punctuation: a
    sentence splitter often leaves an opening mark at the end of the sentence before (``the mayor said. ''``), whose
    cue then reaches the mark but not the quotation, and a parse often ends a reported clause before ``,”``."""
    start, end = q.start, q.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if start < end else (q.start, q.end)


def _reaches(text: str, q: Quoted, a: Attribution, first: int) -> bool:
    """Whether a cue before the quotation reaches it: its first word, or its opening mark unless a sentence ended
    right before the mark (``the mayor said. ''So …'' she said.``: the splitter left the mark with the sentence
    before, whose cue does not govern the next sentence), or its reported clause holds the quotation's first word
    (``as she said, “…”``, where the reach of the "as" aside ends at its comma)."""
    if a.reach_start <= first < a.reach_end:
        return True
    if a.content_start is not None and a.content_end is not None and a.content_start <= first < a.content_end:
        return True
    ended = text[max(0, q.start - MAX_THAT_GAP) : q.start].rstrip()[-1:] in SENTENCE_ENDS
    return a.reach_start <= q.start < a.reach_end and not ended


def _leads_on(text: str, q: Quoted, a: Attribution) -> bool:
    """Whether a cue after a quotation opens a new paragraph ("Cruz continued:", "He went on to explain that
    …"): it leads on to what follows it and does not govern the quotation before it as "“…,” he said" does;
    that quotation runs on from its own speaker's (PolNeAR train 0-150, 300-450 and
    450-840: 22 exact contents gained, 3 lost)."""
    first, _ = _attribution_bounds(a)
    return "\n" in text[q.end : first]


def _opens_next(text: str, q: Quoted, a: Attribution) -> bool:
    """Whether a cue after a quotation that closed its own sentence opens a new one (capitalized: sloppy "“…
    over.” he said, “…”" still closes the first) and hands on, by a comma or colon, to the next quotation
    (`told the show, “… forward.” The expert continued, “…”`): the next quotation's cue, which governs the one
    before only when no cue before it does."""
    first, last = _attribution_bounds(a)
    return _ends_sentence(text, q) and text[first : first + 1].isupper() and _hands_on(text, last)


def _ends_sentence(text: str, q: Quoted) -> bool:
    """Whether the quotation closes on a full stop, question or exclamation mark inside its marks."""
    return text[q.start : q.end].rstrip(QUOTE_CLOSERS)[-1:] in SENTENCE_ENDS


def _hands_on(text: str, last: int) -> bool:
    """Whether an attribution ending at ``last`` is followed by a comma or colon and an opening quote mark."""
    after = text[last : last + MAX_THAT_GAP].lstrip(" ")
    return after[:1] in ",:" and after[1:].lstrip(" ")[:1] in QUOTE_OPENERS


def _near(q: Quoted, attributions: Sequence[Attribution], starts: Sequence[int]) -> Sequence[Attribution]:
    """The attributions whose cue lies within ``REACH_WINDOW`` characters of the quotation."""
    low = bisect.bisect_left(starts, q.start - REACH_WINDOW)
    return attributions[low : bisect.bisect_right(starts, q.end + REACH_WINDOW)]


def _in_speaker(q: Quoted, attributions: Sequence[Attribution], starts: Sequence[int]) -> bool:
    """Whether the quotation is a title inside a speaker's description ("the author of “Hard Times,” said"):
    no quote at all."""
    return any(
        a.speaker_start is not None
        and a.speaker_end is not None
        and a.speaker_start <= q.start < a.speaker_end
        for a in _near(q, attributions, starts)
    )


def _title_cased(text: str, q: Quoted) -> bool:
    """Whether a short quotation inside a sentence reads as a title ("on CBS's “Face the Nation”", "told “Fox
    and Friends”"): at least two capitalized words, none of the others longer than a function word, no
    sentence inside and no exclamation ("“What a night!”" is speech)."""
    words = WORD.findall(text, q.start, q.end)
    capitalized = [w for w in words if w[:1].isupper()]
    lower = [w for w in words if not w[:1].isupper() and len(w) > MAX_TITLE_FUNCTION_WORD]
    inner = text[q.start + 1 : q.end - 1].rstrip(",”\"' ")
    mid_sentence = text[: q.start].rstrip()[-1:].isalnum()
    short = len(words) <= MAX_TITLE_WORDS and len(capitalized) >= 2 and not lower
    return short and mid_sentence and not any(c in inner for c in "!?") and "." not in inner.rstrip(".")


def _introduces(text: str, q: Quoted, a: Attribution) -> bool:
    """Whether the cue's clause ends with a colon that the quotation follows, across a paragraph break too
    ("Her spokesman said:", then the quotation as the next paragraph), or a speech verb with no reported
    clause is followed by a comma and the quotation ("…, telling reporters, “…”"), which the parser often
    hangs on another verb of the sentence, or by the quotation alone on the same line ("a man yelled “…”",
    "…, writing “…”") unless the cue runs on from a quotation before it ("“…,” he said “…”")."""
    colon = text.rfind(":", a.cue_end, q.start)
    if colon >= 0 and a.reach_start <= colon < a.reach_end and text[colon + 1 : q.start].isspace():
        return True
    gap = text[a.reach_end : q.start] if a.reach_end <= q.start else "\n"
    if a.content_start is not None or "\n" in gap:
        return False
    first, _ = _attribution_bounds(a)
    after_quotation = text[max(0, first - MAX_THAT_GAP) : first].rstrip(" ,")[-1:] in QUOTE_CLOSERS
    return gap.strip() == "," or (not gap.strip() and not after_quotation)


def _attribution_bounds(a: Attribution) -> tuple[int, int]:
    """The characters from the first to the last word of the speaker and cue together, in either order."""
    first = min(a.cue_start, a.speaker_start if a.speaker_start is not None else a.cue_start)
    last = max(a.cue_end, a.speaker_end if a.speaker_end is not None else a.cue_end)
    return first, last


def _aside_start(text: str, a: Attribution, table: CueTable) -> int:
    """Where the attribution starts, with the "as" that opens it as an aside ("…, as the mayor said, …"): the
    "as" belongs to the aside, and PolNeAR leaves it out of the content around it."""
    first, _ = _attribution_bounds(a)
    before = LAST_WORD.search(text, max(0, first - MAX_AS_GAP), first)
    return before.start() if before is not None and before.group(1).lower() in table.as_marks else first


def _trails(text: str, q: Quoted, a: Attribution) -> bool:
    """Whether a quotation closing on a comma (``“…,”``) runs on into the cue after it, in the same sentence with no
    other quotation between (``“…,” Ortiz, 61, told the paper``), though the parser found the cue's subject
    elsewhere. Words opening in lower case after the quotation ("and telling …", "when it posted") are a clause of
    their own."""
    between = text[q.end : a.cue_start]
    if len(between) > MAX_TRAIL or any(c in between for c in TRAIL_STOPS):
        return False
    opening = WORD.search(between)
    lower = opening is not None and opening.group()[:1].islower()
    return not lower and text[q.start : q.end].rstrip(QUOTE_CLOSERS)[-1:] == ","


def _adjacent(text: str, q: Quoted, a: Attribution) -> bool:
    """Whether the attribution starts right after the quotation, with no word between them."""
    first, _ = _attribution_bounds(a)
    return first >= q.end and WORD.search(text, q.end, first) is None


def _match(
    text: str,
    quoted: list[Quoted],
    attributions: list[Attribution],
    table: CueTable,
    settings: AnalyzeSettings,
) -> list[_Match]:
    """Pair quotations with attributions; leftover reported clauses become indirect quotes."""
    inside = Inside(quoted)
    partial = _partials(text, attributions, inside, table)
    starts = [a.cue_start for a in attributions]
    matches: dict[tuple[int, int], _Match] = {}
    used: set[Attribution] = {m.attribution for m in partial.values() if m.attribution is not None}
    previous: _Match | None = None
    for index, q in enumerate(quoted):
        if index in partial:
            matches[(partial[index].start, partial[index].end)] = partial[index]
            previous = partial[index]
            continue
        if _in_speaker(q, attributions, starts) or _title_cased(text, q):
            continue
        attribution = _governing(text, q, attributions, starts)
        with_cue = True
        if attribution is None:
            attribution = _carried(text, q, previous, settings)
            if attribution is None and not _reads_as_speech(text, q, settings):
                continue
            with_cue = previous is not None and (
                "\n" not in text[previous.end : q.start] or _next_paragraph(text, q, previous)
            )
        start = _complementizer_start(text, q, attribution, table)
        current = _Match(start, q.end, "direct", attribution, with_cue and attribution is not None)
        matches[(q.start, q.end)] = current
        previous = current
        if attribution is not None:
            used.add(attribution)
    for m in partial.values():  # a piece of a partial quote holding no quotation of its own
        matches.setdefault((m.start, m.end), m)
    for a in attributions:
        if a not in used and a.content_start is not None and a.content_end is not None:
            for start, end in a.pieces or _around_attribution(text, a, table):
                matches.setdefault((start, end), _Match(start, end, "indirect", a))
    return sorted(matches.values(), key=lambda m: (m.start, m.end))


def _around_attribution(
    text: str, a: Attribution, table: CueTable, span: tuple[int, int] | None = None
) -> tuple[tuple[int, int], ...]:
    """A reported clause (or ``span``) holding its own speaker and cue ("which he said was unfair", "what she
    called a disgrace", "a mess, as one voter put it, of …"): the words before and after them, as PolNeAR marks
    it; else the clause whole."""
    assert a.content_start is not None and a.content_end is not None
    start, end = span or (a.content_start, a.content_end)
    first, last = _aside_start(text, a, table), _attribution_bounds(a)[1]
    if first <= start < last < end:  # a clause opening with its own attribution: the words after it
        after = text[last:end]
        return ((last + len(after) - len(after.lstrip(" ,")), end),)
    if not (start < first and last < end):
        return ((start, end),)
    before = text[start:first].rstrip(" ,")
    after = text[last:end]
    stripped = len(after) - len(after.lstrip(" ,"))
    if not WORD.search(before) or not WORD.search(after):
        return ((start, end),)
    return ((start, start + len(before)), (last + stripped, end))


def _complementizer_start(text: str, q: Quoted, a: Attribution | None, table: CueTable) -> int:
    """Where a direct quote starts: at the "that" introducing it when its cue's reported clause opens with
    one (`adding that "the door remains open"`) or, with no clause parsed, when "that" comes right before the
    mark after the cue (`told diners in Ohio that “…”`), as PARC/PolNeAR mark it; else at its opening mark."""
    if a is None or a.cue_end > q.start:
        return q.start
    if a.content_start is None or not a.cue_end <= a.content_start < q.start:
        # no reported clause the parser saw, but "that" right before the mark: `told voters that “…”`
        window = max(a.cue_end, q.start - MAX_THAT_GAP)
        last = LAST_WORD.search(text, window, q.start)
        if last and last.group(1).lower() in table.that and "\n" not in text[a.cue_end : q.start]:
            return last.start(1)
        if last and _named_object(text, a, last, table):
            return last.start(1)
        return q.start
    words = WORD.findall(text, a.content_start, q.start)
    return a.content_start if words and all(w.lower() in table.that for w in words) else q.start


def _named_object(text: str, a: Attribution, last: re.Match[str], table: CueTable) -> bool:
    """Whether the word before a quotation is a pronoun object right after the cue that the quotation names
    (`calling it “a disgrace”`, `declaring it “another super Tuesday”`): PolNeAR's content starts with it. A
    listener (`told them “…”`) is not named by the quotation."""
    cue = text[a.cue_start : a.cue_end].split()
    if not cue or cue[-1].lower() in table.addressee_words or text[a.cue_end : last.start(1)].strip():
        return False
    return last.group(1).lower() in table.object_pronouns


def _next_paragraph(text: str, q: Quoted, previous: _Match) -> bool:
    """Whether a quotation that runs on from a direct or partial quote is the whole of the very next paragraph: a
    speech running over paragraphs, which PolNeAR keeps under the first paragraph's cue."""
    end = text.find("\n", q.end)
    paragraph = text[text.rfind("\n", 0, q.start) + 1 : end if end >= 0 else len(text)]
    alone = paragraph.strip() == text[q.start : q.end].strip()
    gap = text[previous.end : q.start]
    one_break = not gap[gap.find("\n") : gap.rfind("\n")].strip()  # no paragraph between them
    return alone and one_break


def _carried(text: str, q: Quoted, previous: _Match | None, settings: AnalyzeSettings) -> Attribution | None:
    """The attribution of the quotation just before, for a quotation that runs on without a cue of its own.

    News runs one speaker's words over several quotations ("…," he said. "…"); the later ones keep the earlier
    speaker, and within one paragraph (or as the whole next paragraph) its cue too, as PARC/PolNeAR annotate
    them (one attribution, several content pieces). Only a quotation that reads as speech runs on: a
    lower-case fragment is a scare quote.
    """
    if (
        previous is None
        or previous.attribution is None
        or q.start - previous.end > settings.quote_carry_chars
    ):
        return None
    speech = _reads_as_speech(text, q, settings) or _right_after_attribution(text, q, previous)
    return previous.attribution if speech else None


def _right_after_attribution(text: str, q: Quoted, previous: _Match) -> bool:
    """Whether a quotation follows the speaker's quotation just before it with only their attribution between
    them, in one paragraph ("“It is costly,” she said. “Very.”"): the speaker's next words, however short,
    if they are a sentence of their own (capitalized, closed by its full stop inside the marks)."""
    a = previous.attribution
    assert a is not None
    first, last = _attribution_bounds(a)
    if not previous.end <= first < last <= q.start or "\n" in text[previous.end : q.start]:
        return False
    words = WORD.findall(text, q.start, q.end)
    between = WORD.search(text, previous.end, first) or WORD.search(text, last, q.start)
    return bool(words) and words[0][:1].isupper() and _ends_sentence(text, q) and between is None


def _reads_as_speech(text: str, q: Quoted, settings: AnalyzeSettings) -> bool:
    """Whether a quotation with no cue of its own is long enough and opens like a sentence."""
    words = WORD.findall(text, q.start, q.end)
    return len(words) >= settings.quote_min_words and words[0][:1].isupper()


def _speaker(text: str, a: Attribution | None, entities: EntityIndex) -> tuple[str | None, str | None]:
    """The canonical name and entity id of the speaker, or the speaker's own words when no entity matches.

    Only the subject's head word is looked up: "Nikol Pashinyan's office" and "the press service of the
    Foreign Ministry" speak for an institution, not for the person or body their modifiers name.
    """
    if a is None or a.speaker_start is None or a.speaker_end is None:
        return None, None
    if _joined_speakers(text, a.speaker_start, a.speaker_end, entities):
        return text[a.speaker_start : a.speaker_end], None  # "Armenia and Azerbaijan said": both, not one
    start, end = (a.head_start, a.head_end) if a.head_start is not None else (a.speaker_start, a.speaker_end)
    entity = entities.at(start, end or a.speaker_end) or entities.named(text[start : end or a.speaker_end])
    if entity is None and end is not None:
        entity = _apposed_person(text, end, a.speaker_end, entities)
    if entity is not None:
        return entity.name, entity.id
    if a.name_start is not None and a.name_end is not None:
        return text[a.name_start : a.name_end], None
    return text[a.speaker_start : a.speaker_end], None


def _joined_speakers(text: str, start: int, end: int, entities: EntityIndex) -> bool:
    """Whether the speaker span joins two entities' names with a coordinator outside any name ("Armenia and
    Azerbaijan said", "Putin and Xi said"; not "the Organization for Security and Co-operation in Europe"),
    before any comma (not "Faiza Patel, co-director of the Liberty and National Security Program")."""
    mentions = entities.within(start, end)
    for first, second in itertools.combinations(mentions, 2):
        if first[2] is second[2] or first[1] > second[0] or "," in text[start : first[0]]:
            continue
        between = text[first[1] : second[0]]
        inside = any(m_start < first[1] and second[0] < m_end for m_start, m_end, _ in mentions)
        if not inside and between.strip(" ,") in SPEAKER_COORDINATORS:
            return True
    return False


def _apposed_person(text: str, head_end: int, speaker_end: int, entities: EntityIndex) -> Entity | None:
    """The person an apposition right after a common-noun head names, when the speaker span ends with the
    name: "Its spokesman, Jay Tarriela, told", "The party's founder, billionaire Bidzina Ivanishvili, said"
    (a lower-case description may stand before the name; a clause may not), or the name right after the head
    the parser made its apposition ("presidential candidate Hillary Clinton said")."""
    entity = entities.at(head_end, speaker_end)
    if entity is None or entity.type != "PERSON":
        return None
    if not text.startswith(",", head_end):
        adjacent = any(m.start == head_end + 1 and m.end == speaker_end for m in entity.mentions)
        return entity if adjacent and text[head_end : head_end + 1] == " " else None
    for mention in entity.mentions:
        if head_end < mention.start and text[mention.end : speaker_end].strip(" ,") == "":
            between = text[head_end + 1 : mention.start].split()
            if len(between) <= APPOSED_DESCRIPTION_WORDS and all(w.islower() for w in between):
                return entity
    return None


def _cue_class(doc: Doc, a: Attribution, table: CueTable | None) -> str | None:
    """``quote_cues.cue_class`` of the cue's words, read from the document's lemmas and lower-case forms
    (spaCy's lemma of "According" is "accord")."""
    span = doc.char_span(a.cue_start, a.cue_end, alignment_mode="expand") if table is not None else None
    if table is None or span is None:
        return None
    if a.framing:
        return "speech"  # a verb of no table framing a quotation
    return cue_class({t.lemma_.lower() for t in span} | {t.lower_ for t in span}, table)


def _quote(parsed: Parsed, m: _Match, entities: EntityIndex, table: CueTable | None) -> Quote:
    doc_id, text = parsed.document.id, parsed.document.text
    a = m.attribution
    speaker, entity_id = _speaker(text, a, entities)
    return Quote(
        id=f"{doc_id}:q{m.start}-{m.end}",
        doc_id=doc_id,
        start=m.start,
        end=m.end,
        text=text[m.start : m.end],
        kind=m.kind,
        speaker=speaker,
        speaker_start=a.speaker_start if a else None,
        speaker_end=a.speaker_end if a else None,
        speaker_entity=entity_id,
        cue=text[a.cue_start : a.cue_end] if a and m.with_cue else None,
        cue_start=a.cue_start if a and m.with_cue else None,
        cue_end=a.cue_end if a and m.with_cue else None,
        cue_class=_cue_class(parsed.doc, a, table) if a and m.with_cue else None,
    )


def extract(
    parsed: Parsed, entities: Sequence[Entity], *, settings: AnalyzeSettings | None = None
) -> list[Quote]:
    """Direct, partial and indirect quotes of one parsed document, with speakers resolved to ``entities``."""
    settings = settings or AnalyzeSettings()
    document = parsed.document
    table = cues_for(document.language)
    inside = inside_quotations(parsed, table)
    attributions: list[Attribution] = []
    if table is not None:
        attributions += headline_attributions(parsed, table, inside)
        for sentence in _planned_sentences(parsed, table, settings):
            attributions += sentence_attributions(
                parsed, sentence, table, inside, settings.quote_max_speaker_tokens
            )
    attributions = sorted((_unquoted(a, inside) for a in attributions), key=lambda a: a.cue_start)
    lexicon = table or CUES["en"]  # a language with no table reads its quotation marks as English does
    matches = _unnested(
        document.text, _match(document.text, inside.quoted, attributions, lexicon, settings), lexicon
    )
    speakers = EntityIndex(entities)  # built once: every quote looks its speaker up
    return [_quote(parsed, m, speakers, table) for m in matches]


def _unnested(text: str, matches: list[_Match], table: CueTable) -> list[_Match]:
    """The matches without an attribution nested in what another one reports, later in its sentence ("Cruz
    praised Pence for cutting taxes - moves that he said improved the economy", "she said she would vote for
    him"): PolNeAR never marks a cue inside another attribution's content (none of PolNeAR train's 19,832
    gold cues is), and of our cues nested so, 77% are no gold cue (the rest mostly where the outer content
    runs on too far). A nested cue in a later sentence (an outer content running over sentences) stays, and so
    does one whose own content reaches outside the other's, and an "according to" closing a reported clause
    ("X says …, according to a memo": 10 of 13 such gold cues on train, the outer one mostly not). Only outer
    cues within ``REACH_WINDOW`` before a cue are tried, which keeps a document with thousands of cues linear."""
    own: dict[Attribution, list[_Match]] = {}
    for m in matches:
        if m.attribution is not None and m.with_cue:
            own.setdefault(m.attribution, []).append(m)
    outers = sorted((m for pieces in own.values() for m in pieces), key=_cue_start)
    starts = [_cue_start(m) for m in outers]
    nested: set[Attribution] = set()
    for a, pieces in own.items():
        if _first_word(text, a.cue_start) in table.word_cues:
            continue  # "according to", "reportedly", a poll's "in": a source phrase inside a clause
        first = bisect.bisect_left(starts, a.cue_start - REACH_WINDOW)
        candidates = outers[first : bisect.bisect_left(starts, a.cue_start)]
        if any(_nests(text, outer, a, pieces) for outer in candidates):
            nested.add(a)
    return [m for m in matches if not (m.with_cue and m.attribution in nested)]


def _first_word(text: str, start: int) -> str:
    """The word (lower case) starting at ``start``."""
    found = WORD.match(text, start)
    return found.group().lower() if found else ""


def _cue_start(m: _Match) -> int:
    """Where the cue of a match's attribution starts (matches with none sort first)."""
    return m.attribution.cue_start if m.attribution is not None else -1


def _nests(text: str, outer: _Match, a: Attribution, pieces: list[_Match]) -> bool:
    """Whether ``outer``'s content holds the cue and the content ``pieces`` of ``a``, after ``outer``'s cue
    within one sentence. A label's colon nests nothing ("A: I think …", "TAPPER: Do you believe …"): the cues
    inside a transcript's turns are gold cues (22 of 29 on PolNeAR train)."""
    b = outer.attribution
    if b is None or not b.cue_start < a.cue_start or not outer.start <= a.cue_start < a.cue_end <= outer.end:
        return False
    if WORD.search(text, b.cue_start, b.cue_end) is None:
        return False
    held = all(outer.start <= m.start and m.end <= outer.end for m in pieces)
    return held and SENTENCE_BREAK.search(text, b.cue_end, a.cue_start) is None


def _unquoted(a: Attribution, inside: Inside) -> Attribution:
    """The attribution without a speaker the parser found inside a quotation (``“We were wrong,” the coach told …``
    read with "We" as the subject of "told"): whoever speaks, it is not a word of the quotation."""
    if a.speaker_start is None or not inside(a.speaker_start) or inside(a.cue_start):
        return a
    return replace(a, speaker_start=None, speaker_end=None, head_start=None, head_end=None)


def sentences_to_parse(parsed: Parsed, settings: AnalyzeSettings | None = None) -> list[Span]:
    """The sentences ``extract`` will ask a parse for, so that ``nlp.parse_batch`` can parse them in a batch.

    A headline line that ``headline_parse`` re-reads is read from that re-reading, never from its own parse, so
    it is not planned (21 of the 5,337 sentences planned for 300 train and generated articles were such lines).
    """
    table = cues_for(parsed.document.language)
    if table is None:
        return []
    found = _planned_sentences(parsed, table, settings or AnalyzeSettings())
    return [sentence for sentence in found if headline_parse(parsed, sentence, table) is None]


def _planned_sentences(parsed: Parsed, table: CueTable, settings: AnalyzeSettings) -> list[Span]:
    """``cue_sentences``, found once per document for both planning and extraction (``Parsed.memo``)."""
    if "quotes.cue_sentences" not in parsed.memo:
        found = cue_sentences(
            parsed, table, inside_quotations(parsed, table), settings.quote_max_sentence_tokens
        )
        parsed.memo["quotes.cue_sentences"] = found
    return parsed.memo["quotes.cue_sentences"]
