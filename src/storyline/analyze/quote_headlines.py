"""Lines read as headlines: a title-case headline parsed in sentence case, and "Name: words" label lines.

Both are found from the tags of a line of their own, before any dependency parse: ``headline_parse`` gives
``quote_attributions`` a parse in which a capitalized verb ("Clinton Slams Trump") or one read as a plural noun
("Trump demands …") is a verb again, and ``label_lines`` / ``speaker_turns`` give the lines where a speaker's
name and a colon report what follows ("TAPPER: Do you think …", "Lavrov: Moscow is ready to talk").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import hash_string

from storyline.analyze import nlp
from storyline.analyze.event_context import lexicon as event_lexicon
from storyline.analyze.quote_cues import CueTable
from storyline.analyze.quote_marks import Inside, Quoted
from storyline.analyze.quote_spans import DASHES, NAME_POS
from storyline.analyze.quote_trees import forget

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.analyze.nlp import Parsed

__all__ = ["headline_parse", "headline_reading", "label_lines", "parsed_reading", "speaker_turns"]

MAX_LABEL_TOKENS = 6  # "Former Secretary of State John Kerry:" is about as long as a headline's speaker gets
TITLE_MIN_WORDS = 4  # a headline in title case: at least this many words longer than TITLE_MIN_LENGTH,
TITLE_MIN_LENGTH = 3  # of which at least TITLE_SHARE are capitalized ("Of", "To", "And" may be either)
TITLE_SHARE = 0.8
COLON = hash_string(":")  # the hash of a colon token's text
SPACED_DASHES = DASHES | {"-"}  # a hyphen with spaces around it is a dash too
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
PRESENT_TAG = "VBZ"  # the tag of a headline's cue verb parsed in its past form ("demands")
BASE_MISREADS = frozenset({"NN", "JJ"})  # a base-form verb after a plural subject read as a noun ("blast")
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
DETERMINER_TAGS = frozenset({"DT", "PDT"})  # "Some", "All" opening a line: the subject of no headline verb
SUBJECT_POS = frozenset({"NOUN", "PROPN", "ADJ"})
SUBJECT_JOINS = frozenset({",", "and"})
SIBILANT_ES = ("ches", "shes", "sses", "xes", "zes")  # "-es" endings that add a syllable: "pushes", "fixes"


def headline_parse(parsed: Parsed, piece: Span, table: CueTable) -> Doc | None:
    """A headline line re-read where the tagger misreads it, or ``None`` when its own parse will do.

    Two misreadings: in title case ("Clinton Slams Trump On Trade") the tagger reads a capitalized verb as a
    name, so the line is parsed with the capitals of all but the first word of plain capitalized words taken out
    (acronyms and "McCain" keep theirs; names lose theirs too, which keeping the entity recognizer's names did
    not improve). And without an article before them, a name and a cue verb read as a noun phrase ("Trump
    demands …", "DNC issues …"); such a verb is parsed in its past form (``_stand_ins``). The text keeps its
    length, so offsets hold.
    """
    # asked of a piece in planning and again in extraction
    lines = parsed.memo.setdefault("quotes.headline_lines", {})
    key = (piece.start, piece.end)
    if key not in lines:
        lines[key] = _headline_line(piece)
    if not lines[key]:
        return None  # a sentence full of names and titles is no headline, and re-parsing it costs a parse
    return headline_reading(parsed, piece, table.verb_lemmas, "quotes")


def headline_reading(
    parsed: Parsed, piece: Span, verbs: frozenset[str], user: str, *, verbless: bool = False
) -> Doc | None:
    """``piece`` re-read as ``headline_parse`` does, with ``verbs`` the lemmas a noun-read word may stand in for
    (the quote cues, or the event triggers), or ``None`` when its own parse will do. With ``verbless``, a word
    stands in only on a line the tagger found no verb in: a large word list ("charges", "storms", "phone")
    otherwise turns the nouns of a line with a verb of its own into verbs ("Criminal charges against Clinton
    could have set …"). Remembered per ``user`` and piece; the caller decides that ``piece`` is a headline."""
    memo = parsed.memo.setdefault(f"{user}.headline_parses", {})
    key = (piece.start_char, piece.end_char)
    if key not in memo:
        memo[key] = _reread(parsed, piece, verbs, verbless)
    return memo[key]


def _reread(parsed: Parsed, piece: Span, verbs: frozenset[str], verbless: bool = False) -> Doc | None:
    """``headline_reading`` of a headline line, not memoized."""
    doc = None
    if _title_case(piece):
        doc = _sentence_case(parsed, piece)
        if doc is None:
            return None
    tokens = doc if doc is not None else piece
    has_verb = verbless and any(t.tag_ in VERB_TAGS for t in tokens)
    stand_ins = {} if has_verb else _stand_ins(tokens, piece.text_with_ws, verbs)
    return _parse_with_stand_ins(parsed, tokens, stand_ins) if stand_ins else doc


def _sentence_case(parsed: Parsed, piece: Span) -> Doc | None:
    """A title-case ``piece`` with the capitals of its plain words taken out, tagged; ``None`` when that changes
    its length. Made once per piece for every user: the quote and the event readings of a line differ only in
    their stand-ins, and tagging a line costs ~3.7 ms (12 of 28 such taggings on ECB+ train 0-99 repeated one)."""
    memo = parsed.memo.setdefault("headlines.sentence_case", {})
    key = (piece.start_char, piece.end_char)
    if key not in memo:
        text = "".join(
            t.text_with_ws.lower() if t.is_title and t.i > piece.start and t.is_alpha else t.text_with_ws
            for t in piece
        )
        same_length = len(text) == len(piece.text_with_ws)
        memo[key] = _tag(parsed, parsed.nlp.make_doc(text)) if same_length else None
    return memo[key]


def _title_case(piece: Span) -> bool:
    """Whether most longer words of ``piece`` are capitalized, as in a title-case headline."""
    words = [t for t in piece if t.is_alpha and len(t) > TITLE_MIN_LENGTH]
    return len(words) >= TITLE_MIN_WORDS and sum(t.is_title for t in words) >= TITLE_SHARE * len(words)


def _headline_line(piece: Span) -> bool:
    """A line of its own, as a headline is (a sentence inside a paragraph is none). Read from the tokens next
    to it: ``Doc.text`` would rebuild the whole text for every sentence."""
    doc = piece.doc
    opens = piece.start == 0 or "\n" in doc[piece.start - 1].text_with_ws
    following = doc[piece.end].text if piece.end < len(doc) and doc[piece.end].is_space else ""
    closes = piece.end == len(doc) or "\n" in piece[-1].text_with_ws or "\n" in following
    return opens and closes


def parsed_reading(parsed: Parsed, reading: Doc) -> Doc:
    """``reading`` (a ``headline_reading``) with its dependency parse, made on first use.

    A title-case line is only tagged when it is re-read: whether it holds a cue or a trigger at all is judged
    on tags and lemmas, and most such lines hold none: 59 of the 78 re-read on PolNeAR train texts 0-119 never
    needed their parse, which costs about 1.4 ms a line. The parse is added to ``reading`` in place, so it is
    made once however many callers ask.
    """
    if "parser" in parsed.nlp.component_names and not reading.has_annotation("DEP"):
        parsed.nlp.get_pipe("parser")(reading)
        forget(reading)
    return reading


def _tag(parsed: Parsed, doc: Doc) -> Doc:
    """``doc`` through the tagging steps of the document's pipeline (no parse: ``parsed_reading`` adds it)."""
    return nlp.tag(parsed.nlp, doc)


def _tag_and_parse(parsed: Parsed, doc: Doc) -> Doc:
    """``doc`` through the tagging and parsing steps of the document's pipeline."""
    return parsed_reading(parsed, _tag(parsed, doc))


def _stand_ins(tokens: Doc | Span, original: str, verbs: frozenset[str]) -> dict[int, str]:
    """The past forms to parse in place of a headline's cue verbs read as nouns, by token position.

    "Trump demands Ginsburg resign", "DNC issues ‘apology’", "Putin chides Turkey and praises Trump": a cue
    verb's "-s" form tagged as a plural noun, after a name opening the line (or its label's colon), or after
    "and" after a verb's object. "Terrorists mock bids", "Trump, Ryan, pledge to work": its base form tagged as a
    noun or an adjective after a plural subject opening the line. A verb after it makes it the subject ("Paris
    attacks test Clinton"); a possessive before the name makes it a noun ("Trump's Putin remarks"). Capitals
    are read on ``original``, the line's own text, as a title-case line is tagged in lower case.
    """
    start = tokens[0].idx
    found: dict[int, str] = {}
    for k, token in enumerate(tokens):
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if following is None or following.tag_ in VERB_TAGS:
            continue
        if (
            token.tag_ == "NNS"
            and token.lemma_.lower() in verbs
            and _after_subject(tokens, k, original, start)
        ):
            found[k] = _past(token.lower_)
        elif token.tag_ in BASE_MISREADS and token.lower_ in verbs and _after_plural(tokens, k):
            found[k] = _past(token.lower_ + "s")  # "mock" as "mocks": "mocked"
    return found


def _after_subject(tokens: Doc | Span, k: int, original: str, start: int) -> bool:
    """Whether the word at ``k`` follows a subject: capitalized words opening the line or its label, or "and"
    after a verb's object ("chides Turkey and praises", not "engage in insults and attacks")."""
    if k > 1 and tokens[k - 1].lower_ == "and":
        before = tokens[k - 2]
        verb = any(t.tag_ in VERB_TAGS for t in tokens[: k - 2])
        return verb and before.is_alpha and before.tag_ not in PLURAL_TAGS
    if k > 0 and tokens[k - 1].tag_ in DETERMINER_TAGS:
        return False  # "Some advocates for stem cell research said": the noun with its determiner
    first = k
    while first > 0 and original[tokens[first - 1].idx - start].isupper():
        first -= 1
    return first < k and (first == 0 or tokens[first - 1].text == ":")


def _after_plural(tokens: Doc | Span, k: int) -> bool:
    """Whether the word at ``k`` follows a plural subject opening the line: nouns ending in a plural
    ("Terrorists"), or names joined by "and" or commas ("Trump, Ryan,")."""
    before = tokens[:k]
    joined = any(t.text in SUBJECT_JOINS for t in before)
    plural = k > 0 and tokens[k - 1].tag_ in PLURAL_TAGS
    nominal = all(t.pos_ in SUBJECT_POS or t.text in SUBJECT_JOINS for t in before)
    return k > 0 and nominal and (joined or plural)


def _past(word: str) -> str:
    """The past form of a verb's "-s" form, as a tagger reads it: "demands" → "demanded", "issues" →
    "issued", "pushes" → "pushed" ("plans" → "planed" is a verb all the same)."""
    stem = word[:-2] if word.endswith(SIBILANT_ES) else word[:-1]
    return stem + ("d" if stem.endswith("e") else "ed")


def _parse_with_stand_ins(parsed: Parsed, tokens: Doc | Span, stand_ins: dict[int, str]) -> Doc:
    """``tokens`` parsed with ``stand_ins`` in place of some words; the parse is moved back onto the original
    words, each stand-in keeping the lemma of the word it replaced, tagged as a present verb."""
    from spacy.tokens import Doc

    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    vocab = parsed.nlp.vocab
    doc = _tag_and_parse(
        parsed, Doc(vocab, words=[stand_ins.get(k, w) for k, w in enumerate(words)], spaces=spaces)
    )
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=[PRESENT_TAG if t.i in stand_ins else t.tag_ for t in doc],
        pos=[t.pos_ for t in doc],
        lemmas=[tokens[t.i].lemma_.lower() if t.i in stand_ins else t.lemma_ for t in doc],
        heads=[t.head.i for t in doc],
        deps=[t.dep_ for t in doc],
    )


def label_lines(parsed: Parsed, table: CueTable, inside: Inside) -> list[tuple[int, int, int]]:
    """(first token, colon, end of line) of each line opening with a speaker's name and a colon, found once
    per document."""
    memo = parsed.memo
    if "quotes.label_lines" in memo:
        return memo["quotes.label_lines"]
    doc = parsed.doc
    found = []
    for i in _before_colons(doc):
        token, before = doc[i], doc[i - 1] if i else None
        opens = before is None or "\n" in before.text  # the first token, or one after a line break
        # a word after a dash set off by spaces, where a digest line's source follows its heading ("POLLS NOT
        # WRONG, JUST TOO EARLY - Mark Blumenthal: “…”"), is a label's start when its colon opens a quotation
        dashed = before is not None and before.text in SPACED_DASHES and bool(before.whitespace_)
        if not (opens or dashed) or token.is_space:
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
        if quoting and _attributed_after(doc[colon.i + 1 : end], table):
            continue  # 'Turkey: "We will not accept preconditions," says Erdogan': the label is the topic
        found.append((first, colon.i, end))
    memo["quotes.label_lines"] = found
    return found


def _before_colons(doc: Doc) -> list[int]:
    """The tokens at most ``MAX_LABEL_TOKENS`` before a colon, in order: the only ones a label may open with.
    Found from the token arrays, as most documents have few colons and every token would otherwise be
    looked at."""
    colons = np.flatnonzero(doc.to_array(ORTH) == COLON).tolist()
    return sorted({i for colon in colons for i in range(max(0, colon - MAX_LABEL_TOKENS), colon)})


def _after_from(label: Span) -> int:
    """Where the speaker's name in a label that opens a quotation starts: after its "from" ("More from Jones:
    “…”", "From the report: “…”")."""
    word = next((t for t in label[:-1] if t.lower_ == "from"), None)
    return word.i + 1 if word is not None else label.start


def _attributed_after(line: Span, table: CueTable) -> bool:
    """Whether the quotation opening the rest of a line closes on a comma and a speech verb follows within a
    few words, naming who spoke it ('"…," says Erdogan', '"…," the minister said'; not "‘No Idea’ If I Would
    Have Told Hillary …", a headline going on after the quotation)."""
    doc = line.doc
    closing = next((t.i for t in line[1:] if t.is_quote), None)
    if closing is None or doc[closing - 1].text != ",":
        return False
    return any(t.lemma_.lower() in table.verbs for t in doc[closing + 1 : min(closing + 5, line.end)])


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


def _names_an_event(word: Token) -> bool:
    """A lower-case noun the event lexicon holds ("election", "talks", "ceasefire"): a topic, not a speaker."""
    lex = event_lexicon(word.doc.lang_)
    return lex is not None and word.is_lower and word.pos_ == "NOUN" and word.lemma_ in lex.nouns


def _is_name(label: Span, table: CueTable, *, pair: bool = False) -> bool:
    """Whether a line's label before its colon names someone (a capitalized noun phrase, not "Note"); with
    ``pair`` (the colon opens a quotation) two names joined by "and" too ("Mark Blumenthal and Jon Cohen: “…”";
    before a headline's words, "Netanyahu and Obama: A tortured relationship" names a story's subjects)."""
    first = next((t for t in label if t.pos_ != "DET"), label[0])  # "The Latest: …" is a label too
    if first.lower_ in table.labels or any(t.like_num or t.is_space for t in label):
        return False
    capitalized = label[0].is_title or label[0].is_upper
    if _names_an_event(label[-1]):
        return False  # "Finnish election: Orpo's coalition loses ground": the story's topic, nobody's words
    joined = all(
        t.pos_ in NAME_POS
        or t.is_punct
        or (pair and t.pos_ == "CCONJ" and 0 < t.i - label.start < len(label) - 1)
        for t in label
    )
    return capitalized and joined
