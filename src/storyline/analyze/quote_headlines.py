"""Lines read as headlines: a title-case headline parsed in sentence case, and "Name: words" label lines.

Both are found from the tags of a line of their own, before any dependency parse: ``headline_parse`` gives
``quote_attributions`` a parse in which a capitalized verb ("Clinton Slams Trump") is a verb again, and
``label_lines`` / ``speaker_turns`` give the lines where a speaker's name and a colon report what follows
("TAPPER: Do you think …", "Lavrov: Moscow is ready to talk").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.analyze.quote_cues import CueTable
from storyline.analyze.quote_marks import Inside, Quoted
from storyline.analyze.quote_spans import DASHES, NAME_POS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.analyze.nlp import Parsed

__all__ = ["headline_parse", "label_lines", "speaker_turns"]

MAX_LABEL_TOKENS = 6  # "Former Secretary of State John Kerry:" is about as long as a headline's speaker gets
TITLE_MIN_WORDS = 4  # a headline in title case: at least this many words longer than TITLE_MIN_LENGTH,
TITLE_MIN_LENGTH = 3  # of which at least TITLE_SHARE are capitalized ("Of", "To", "And" may be either)
TITLE_SHARE = 0.8
SPACED_DASHES = DASHES | {"-"}  # a hyphen with spaces around it is a dash too


def headline_parse(parsed: Parsed, piece: Span) -> Doc | None:
    """A headline in title case ("Clinton Slams Trump On Trade") parsed in sentence case, or ``None``.

    The tagger reads a capitalized verb as a name, so the cue goes unseen; with the capitals of all but the
    first word of plain capitalized words taken out (acronyms and "McCain" keep theirs; names lose theirs too,
    which keeping the entity recognizer's names did not improve), it tags and parses the line as a sentence.
    The text keeps its length, so offsets hold.
    """
    if not _headline_line(piece):
        return None  # a sentence full of names and titles is no headline, and re-parsing it costs a parse
    words = [t for t in piece if t.is_alpha and len(t) > TITLE_MIN_LENGTH]
    if len(words) < TITLE_MIN_WORDS or sum(t.is_title for t in words) < TITLE_SHARE * len(words):
        return None
    memo = parsed.memo.setdefault("quotes.headline_parses", {})
    key = (piece.start_char, piece.end_char)
    if key not in memo:
        text = "".join(
            t.text_with_ws.lower() if t.is_title and t.i > piece.start and t.is_alpha else t.text_with_ws
            for t in piece
        )
        memo[key] = _tag_and_parse(parsed, text) if len(text) == len(piece.text_with_ws) else None
    return memo[key]


def _headline_line(piece: Span) -> bool:
    """A line of its own, as a headline is (a sentence inside a paragraph is none). Read from the tokens next
    to it: ``Doc.text`` would rebuild the whole text for every sentence."""
    doc = piece.doc
    opens = piece.start == 0 or "\n" in doc[piece.start - 1].text_with_ws
    following = doc[piece.end].text if piece.end < len(doc) and doc[piece.end].is_space else ""
    closes = piece.end == len(doc) or "\n" in piece[-1].text_with_ws or "\n" in following
    return opens and closes


def _tag_and_parse(parsed: Parsed, text: str) -> Doc:
    """``text`` through the tagging and parsing steps of the document's pipeline."""
    nlp = parsed.nlp
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser"):
        if name in nlp.component_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


def label_lines(parsed: Parsed, table: CueTable, inside: Inside) -> list[tuple[int, int, int]]:
    """(first token, colon, end of line) of each line opening with a speaker's name and a colon, found once
    per document."""
    memo = parsed.memo
    if "quotes.label_lines" in memo:
        return memo["quotes.label_lines"]
    doc = parsed.doc
    found = []
    line_start = True  # the first token, and each one after a token holding a line break
    for token in doc:
        opens, line_start = line_start, "\n" in token.text
        if token.is_space or not (opens or _after_spaced_dash(token)):
            continue
        colon = next((t for t in doc[token.i : token.i + MAX_LABEL_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i == token.i or inside(colon.idx):
            continue
        quoting = _quotation_after(colon)
        first = _after_from(doc[token.i : colon.i]) if quoting else token.i
        if (
            first == colon.i
            or not _is_name(doc[first : colon.i], table, pair=quoting)
            or not (opens or quoting)
        ):
            continue
        end = colon.i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        found.append((first, colon.i, end))
    memo["quotes.label_lines"] = found
    return found


def _after_spaced_dash(token: Token) -> bool:
    """A word after a dash set off by spaces, where a digest line's source follows its heading ("POLLS NOT
    WRONG, JUST TOO EARLY - Mark Blumenthal: “…”"); the colon must open a quotation (``_quotation_after``)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.text in SPACED_DASHES and bool(before.whitespace_) and token.i > 1


def _after_from(label: Span) -> int:
    """Where the speaker's name in a label that opens a quotation starts: after its "from" ("More from Jones:
    “…”", "From the report: “…”")."""
    word = next((t for t in label[:-1] if t.lower_ == "from"), None)
    return word.i + 1 if word is not None else label.start


def _quotation_after(colon: Token) -> bool:
    """Whether a quote mark follows the colon, which then introduces someone's words."""
    after = colon.doc[colon.i + 1] if colon.i + 1 < len(colon.doc) else None
    return after is not None and after.is_quote


def speaker_turns(parsed: Parsed, table: CueTable, inside: Inside) -> Inside:
    """What the lines of ``headline_attributions`` report ("FALLIN: Well, I think we all need …", "Clinton: I
    support statehood"): like a quotation, a speaker's turn holds no cue of its own. PolNeAR marks none there,
    only the colon (0 of 82 cue verbs in turns whose colon it marks, train 0-300 and 450-840).

    A turn is a transcript's (the name in capitals) or a headline's (one sentence). A paragraph of prose after
    a name in title case is more often a section heading run into its paragraph ("Bernie Sanders: Credit scores
    On his website, Sanders calls for …"), whose cues stay. An interview's "Q:" and "A:" are no names:
    annotators disagree on them (their colon is a cue 16 times, 9 not) and mark the cues inside when not.
    """
    memo = parsed.memo
    if "quotes.speaker_turns" not in memo:  # asked for once per sentence: found once per document
        doc = parsed.doc
        turns = [
            Quoted(doc[colon].idx, doc[end - 1].idx + len(doc[end - 1]) + 1)
            for first, colon, end in label_lines(parsed, table, inside)
            if _turn(doc[first:colon], doc[colon + 1 : end])
        ]
        memo["quotes.speaker_turns"] = Inside(turns)
    return memo["quotes.speaker_turns"]


def _turn(label: Span, words: Span) -> bool:
    """Whether a line "label: words" is a speaker's turn (see ``speaker_turns``)."""
    if len(label) == 1 and len(label[0]) == 1:
        return False  # "Q:", "A:"
    if all(t.is_upper or not t.is_alpha for t in label):
        return True
    return not any(t.is_sent_start for t in words[1:])


def _is_name(label: Span, table: CueTable, *, pair: bool = False) -> bool:
    """Whether a line's label before its colon names someone (a capitalized noun phrase, not "Note"); with
    ``pair`` (the colon opens a quotation) two names joined by "and" too ("Mark Blumenthal and Jon Cohen: “…”";
    before a headline's words, "Netanyahu and Obama: A tortured relationship" names a story's subjects)."""
    first = next((t for t in label if t.pos_ != "DET"), label[0])  # "The Latest: …" is a label too
    if first.lower_ in table.labels or any(t.like_num or t.is_space for t in label):
        return False
    capitalized = label[0].is_title or label[0].is_upper
    joined = all(
        t.pos_ in NAME_POS
        or t.is_punct
        or (pair and t.pos_ == "CCONJ" and 0 < t.i - label.start < len(label) - 1)
        for t in label
    )
    return capitalized and joined
