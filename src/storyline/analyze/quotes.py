"""Quotes: what each speaker said, directly, partially or in reported speech.

Reads a parsed document (``analyze.nlp.Parsed``) and the document's entities; returns ``model.Quote`` records.

Three passes, each linear in the text:

1. ``find_quoted`` pairs quote marks in one left-to-right scan. A quotation may run over several paragraphs
   when each new paragraph opens with a quote mark (the news convention); a mark left open at a paragraph
   break is dropped, so a stray mark never swallows the rest of the article.
2. Sentences holding a cue word (a speech verb such as "said", or "according to"; see ``quote_cues``) outside
   quotation marks are dependency-parsed, and each cue yields an ``Attribution``: the cue, its subject (the
   speaker), its reported clause (the content) and the stretch of the sentence it governs (its reach).
   Sentences are cut at paragraph breaks first (the sentence splitter does not always), and a "sentence" too
   long to be one is not parsed. Headline lines "Name: what they said" are read from the tags alone. A passive
   cue with a "by" agent ("was first reported by Politico") takes the agent as its source; "was asked
   whether …" is a question with no source; other passive cues ("it should be noted") are skipped. "X seems
   to Y" and "X is expected to Y" name no source (the content holds X and the infinitive); "a call for X" is a
   noun cue with its preposition; a dateline ("Boston (AFP) –") never opens the source. A belief,
   plan or stance inside what a speech verb reports, or an infinitive of purpose, is not a cue of its own.
3. Quotations are matched to attributions: a quotation inside a reported clause that also has unquoted words
   is a *partial* quote (the clause is the quote); a quotation the cue governs ("…," he said / X said: "…") is
   *direct*; a quotation with no cue that reads as speech continues the previous speaker (a quote running on
   after "he said"; the cue too within one paragraph). Attributions left with a reported clause are *indirect*
   speech. Short unattributed quotations (scare quotes, titles) are not quotes.

Speaker spans are resolved to the document's entities (their mentions include pronouns and descriptions), so
"he" and "the Azerbaijani leader" become "Ilham Aliyev"; an unresolved speaker keeps its own words ("the
statement"). Spans follow the PARC/PolNeAR conventions as seen on PolNeAR's train split: a direct quote's
span includes its quote marks (and a "that" introducing it), an indirect quote's span is the reported clause
including "that"; a cue spans its verb group and infinitive chain ("were more likely to say"); a source keeps
its appositions and relative clauses but not participles or ages set off by commas.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.analyze.nlp import line_pieces
from storyline.analyze.quote_cues import CUES, CueTable, cues_for
from storyline.model import Entity, Quote, QuoteKind, entity_at
from storyline.settings import AnalyzeSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.analyze.nlp import Parsed

__all__ = ["Quoted", "extract", "find_quoted"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_DEPS = frozenset({"ccomp"})  # the reported clause of a speech verb
NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})  # "the claim that …" (parsers disagree on the label)
# what a verb's content is made of when it has no reported clause: "wants to leave", "called him a liar",
# "criticized the plan", "described it as a failure"
COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "oprd", "attr", "acomp"})
MAX_LABEL_TOKENS = 6  # "Former Secretary of State John Kerry:" is about as long as a headline's speaker gets
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "ADP"})  # what a speaker's name is made of
DASHES = frozenset({"–", "—", "--"})  # a dash sets off a dateline or an aside from the speaker's name
DATELINE_DASHES = DASHES | {"-"}  # after "(Reuters)" a hyphen is a dateline's dash too
AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
VERB_GROUP_DEPS = AUX_DEPS | {"advmod", "cop"}  # "has already said", "did not say", "are more likely to"
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
VERBAL_POS = frozenset({"VERB", "AUX"})
# "…, adding that": a cue without a subject of its own takes the subject of the verb it hangs on
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep", "acomp"})
MAX_CLIMB = 3  # how far up the tree a subject-less cue ("adding", "saying") looks for its subject
CHAIN_POS = frozenset({"VERB", "AUX", "ADJ"})  # what heads "to say" in a cue chain ("likely to say")
MAX_CHAIN = 3  # "is expected to continue to insist" is about as long as a cue chain gets
TRAILING_DEPS = frozenset({"advmod"})  # "said Tuesday that", "said sarcastically:"
PURPOSE_DEPS = frozenset({"advcl", "acl", "relcl"})  # an infinitive hanging here says what for
MAX_REGARD_GAP = 12  # tokens between "see" and its "as" ("see the campaign of Donald Trump as …")
TIME_ENTITIES = frozenset({"DATE", "TIME"})
MAX_NESTING = 4  # how far up a belief or plan looks for the speech verb reporting it
NOUN_CUE_DEPS = frozenset({"det", "amod"})  # "a call for", "direct criticism of": part of a noun's cue
RELATIVE_ADVERB_TAGS = frozenset({"WRB"})  # "when asked": the "when" is not part of the cue
RELATIVE_TAGS = frozenset({"WP", "WDT"})  # "who"/"which" as a subject: the speaker is the noun it modifies
WORD = re.compile(r"\w+")
MARKUP = frozenset("_=<>/")  # characters that glue a word into an identifier or a tag


@dataclass(frozen=True)
class Quoted:
    """A quotation between quote marks; ``[start, end)`` includes the marks."""

    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    """One cue in one sentence and what the parse attaches to it."""

    cue_start: int
    cue_end: int
    speaker_start: int | None
    speaker_end: int | None
    head_start: int | None  # the subject's head word: what entity resolution tries first
    head_end: int | None
    content_start: int | None  # the reported clause, when the cue has one
    content_end: int | None
    reach_start: int  # the part of the sentence the cue governs; a quotation in it is the cue's
    reach_end: int
    name_start: int | None = None  # the words that name the speaker when the span is a "who"
    name_end: int | None = None
    pieces: tuple[tuple[int, int], ...] = ()  # the content around a cue inside it ("X, he says, is Y")


@dataclass(frozen=True)
class _Match:
    """A quotation or clause paired with its attribution (or none)."""

    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution | None
    with_cue: bool = True  # False for a quotation continuing a speaker's words in a later paragraph


# --- pass 1: quote marks ---------------------------------------------------------------------------------


def find_quoted(text: str, table: CueTable | None = None) -> list[Quoted]:
    """Every quotation in ``text``, in order, never overlapping, found in one linear scan."""
    table = table or CUES["en"]
    marks = re.escape(table.openers + table.closers + table.toggles)
    pairs = "".join(f"{re.escape(pair)}|" for pair in table.toggle_pairs)
    scanner = re.compile(rf"{pairs}[{marks}]|\n\s*")
    found: list[Quoted] = []
    open_at: int | None = None
    crossed = False  # a paragraph ended while a quotation was open
    paragraph_start = 0
    for match in scanner.finditer(text):
        char, pos = match.group(), match.start()
        if char[0] == "\n":
            if open_at is not None and crossed:
                open_at, crossed = None, False  # a paragraph without an opening mark: the quote never closed
            crossed = open_at is not None
            paragraph_start = match.end()
            continue
        if crossed:
            crossed = False
            if pos == paragraph_start and char not in table.closers:
                continue  # the mark reopening a quotation that runs on from the previous paragraph
            open_at = None
        if open_at is None:
            if char not in table.closers:
                open_at = pos
        elif char in table.openers:
            open_at = pos  # an opener inside an open quotation: the earlier mark was stray
        else:
            found.append(Quoted(open_at, match.end()))
            open_at = None
    return found


# --- pass 2: cues and their attributions ----------------------------------------------------------------


class _Inside:
    """Answers "is this offset inside a quotation?" by binary search."""

    def __init__(self, quoted: Sequence[Quoted]) -> None:
        self.quoted = quoted
        self.starts = [q.start for q in quoted]

    def __call__(self, pos: int) -> bool:
        index = bisect.bisect_right(self.starts, pos) - 1
        return index >= 0 and self.quoted[index].start < pos < self.quoted[index].end - 1

    def overlapping(self, start: int, end: int) -> range:
        """Indexes of the quotations overlapping ``[start, end)``."""
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        if first < len(self.quoted) and self.quoted[first].end <= start:
            first += 1
        return range(first, bisect.bisect_left(self.starts, end))


def _is_cue(token: Token, table: CueTable) -> bool:
    """A cue verb, a statement noun before "that", or the first word of "according to", judged on the
    unparsed document (tags and lemmas only)."""
    lower = token.lower_
    if any(lower == first for first, _ in table.according):
        return True
    if token.pos_ == "NOUN" and token.i + 1 < len(token.doc):
        lemma, following = token.lemma_.lower(), token.nbor(1)
        if lemma in table.nouns and following.lower_ in table.that:
            return following.tag_ not in RELATIVE_TAGS  # "the speech that included …" is a relative clause
        return (lemma, following.lower_) in table.noun_preps
    return _is_cue_verb(token, table)


def _is_cue_verb(token: Token, table: CueTable) -> bool:
    """A verb of any cue class, or a verb with its cue preposition ("called for", "referring to")."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in table.regards:  # "see", "view": a cue only with "as" after it, which the tags show
        return any(t.lower_ == "as" for t in token.doc[token.i + 1 : token.i + MAX_REGARD_GAP])
    if lemma in table.all_verbs:
        return not _in_markup(token)
    following = token.i + 1 < len(token.doc) and (lemma, token.nbor(1).lower_) in table.verb_preps
    return following and not _in_markup(token)


def _cue_sentences(parsed: Parsed, table: CueTable, inside: _Inside, max_tokens: int) -> list[Span]:
    """Sentences with a cue outside quotation marks: the only ones worth a dependency parse.

    A "sentence" longer than ``max_tokens`` is a table, a list or a failed split; parsing it would cost more
    than the rest of the document and find nothing reliable.
    """
    return [
        piece
        for sentence in parsed.sentences
        for piece in line_pieces(sentence)
        if len(piece) <= max_tokens and any(_is_cue(t, table) and not inside(t.idx) for t in piece)
    ]


def _in_markup(token: Token) -> bool:
    """A word glued to markup characters (``tweet_id="…"``, ``<tweet``) is an identifier, not prose."""
    doc = token.doc  # neighbouring tokens, not doc.text: spaCy rebuilds the text on every access
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    glued_before = before is not None and not before.whitespace_ and before.text[-1] in MARKUP
    glued_after = after is not None and not token.whitespace_ and after.text[0] in MARKUP
    return glued_before or glued_after


def _attributions(
    parsed: Parsed, sentence: Span, table: CueTable, inside: _Inside, max_speaker: int
) -> list[Attribution]:
    """Every cue of ``sentence`` with its speaker, reported clause and reach, read from the parse."""
    doc = parsed.parse(sentence)
    base = sentence.start_char
    found: list[Attribution] = []
    for token in doc:
        if inside(base + token.idx):
            continue
        if _according(token, table):
            found.append(_according_attribution(token, base, max_speaker))
        elif _is_cue_verb(token, table) and not _embedded(token, table) and not _nested(token, table):
            if _raising_frame(token, table):
                attribution = _raising_attribution(doc, token, base)
            elif not _addressed(token, table):
                attribution = _verb_attribution(doc, token, table, base, max_speaker)
            elif _agent(token) is not None:
                attribution = _passive_attribution(doc, token, table, base, max_speaker)
            else:
                attribution = _question_attribution(doc, token, table, base)
            if attribution is not None:
                found.append(attribution)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in table.nouns:
            attribution = _noun_attribution(token, table, base, max_speaker)
            if attribution is not None:
                found.append(attribution)
        elif token.pos_ == "NOUN" and _noun_prep(token, table) is not None:
            attribution = _noun_prep_attribution(token, table, base, max_speaker)
            if attribution is not None:
                found.append(attribution)
    return found


def _raising_frame(verb: Token, table: CueTable) -> bool:
    """ "X seems to Y", "X is expected to Y" (with no "by" agent): the verb is a cue only with its
    infinitive, and PolNeAR names no source; "seemed tired" is no attribution at all."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in PASSIVE_DEPS for c in verb.children)
    if not (lemma in table.raisings and not passive) and not (
        lemma in table.passive_raisings and passive and _agent(verb) is None
    ):
        return False
    return lemma in table.raisings or _infinitive(verb) is not None


def _infinitive(verb: Token) -> Token | None:
    """The "to" infinitive the verb governs ("seems to be", "is expected to win"), when it has one."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "xcomp"
            and c.i > verb.i
            and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
        ),
        None,
    )


def _raising_attribution(doc: Doc, verb: Token, base: int) -> Attribution | None:
    """The cue is the verb group ("is expected"); the content is the subject and the infinitive, the two
    pieces around the cue."""
    infinitive = _infinitive(verb)
    if infinitive is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    start = subjects[0].left_edge.i if subjects else infinitive.left_edge.i
    content = _trim(doc, start, infinitive.right_edge.i)
    if content is None:
        return None
    cue = (_verb_group_start(verb), verb.i)
    return _record(doc, base, cue, None, None, content, content, gap=cue)


def _noun_prep(noun: Token, table: CueTable) -> Token | None:
    """The preposition right after a cue noun that takes one ("a call for", "criticism of"), if any."""
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or following.head.i != noun.i:
        return None
    return following if (noun.lemma_.lower(), following.lower_) in table.noun_preps else None


def _noun_prep_attribution(noun: Token, table: CueTable, base: int, max_speaker: int) -> Attribution | None:
    """ "Her call for a ban", "direct criticism of Trump": the noun with its modifiers and preposition is
    the cue (as PolNeAR marks it), the preposition's object the content, the possessor the source."""
    prep = _noun_prep(noun, table)
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}] if prep is not None else []
    if prep is None or not objects:
        return None
    content = _trim(noun.doc, objects[0].left_edge.i, objects[0].right_edge.i)
    if content is None:
        return None
    modifiers = [c.left_edge.i for c in noun.children if c.i < noun.i and c.dep_ in NOUN_CUE_DEPS]
    owners = [c for c in noun.children if c.dep_ == "poss"]
    speaker = _speaker_span(owners[0], max_speaker) if owners else None
    owner = owners[0] if owners else None
    return _record(noun.doc, base, (min(modifiers, default=noun.i), prep.i), speaker, owner, content, content)


def _agent(verb: Token) -> Token | None:
    """The "by" phrase's object of a passive verb ("was first reported by Politico"), when it has one."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _passive_attribution(
    doc: Doc, verb: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "The meeting was first reported by Politico", "The plan was criticized by unions": the agent is the
    source and the passive subject the content (a "that"/"which" subject names nothing and is skipped)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ not in RELATIVE_TAGS]
    agent = _agent(verb)
    if not subjects or agent is None:
        return None
    content = _trim(doc, subjects[0].left_edge.i, subjects[0].right_edge.i)
    if content is None:
        return None
    speaker = _speaker_span(agent, max_speaker)
    cue = (_verb_group_start(verb), verb.i)  # "was echoed by X": PolNeAR leaves the "by" out more often
    return _record(doc, base, cue, speaker, agent, content, content)


def _question_attribution(doc: Doc, verb: Token, table: CueTable, base: int) -> Attribution | None:
    """ "Asked whether the deal was dead, …", "She was asked about the leak": the question is attributed to
    an asker the sentence does not name (PARC/PolNeAR mark it with no source). Other passive speech verbs
    ("it should be noted") attribute nothing."""
    if verb.lemma_.lower() not in table.questions:
        return None
    content = _content(doc, verb, table)
    if content is None or content[0] < verb.i:
        return None
    return _record(doc, base, _cue_tokens(verb, table, content), None, None, content, content)


def _nested(verb: Token, table: CueTable) -> bool:
    """A belief, plan or stance inside what a speech verb reports ("Clinton says she wants to expand …"):
    PolNeAR marks the speech only; the inner verb is part of its content. An infinitive of purpose ("came
    to support her") is no attribution either."""
    if verb.lemma_.lower() in table.verbs or _second_cue(verb, table) is not None:
        return False
    if verb.dep_ in PURPOSE_DEPS and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return True  # "turned out to support Clinton", "no evidence to support it": a purpose, not a stance
    child = verb
    for ancestor in list(verb.ancestors)[:MAX_NESTING]:
        if child.dep_ in CLAUSE_DEPS and ancestor.lemma_.lower() in table.verbs and ancestor.pos_ == "VERB":
            return True
        child = ancestor
    return False


def _embedded(verb: Token, table: CueTable) -> bool:
    """An infinitive that is the content of a cue verb above it ("declined to comment", "pledged to oppose
    the bill"): PARC/PolNeAR mark one attribution, whose cue is the head."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.i < verb.i
        and _is_cue_verb(head, table)
        and (not _addressed(head, table) or _raising_frame(head, table))
    )


def _noun_attribution(noun: Token, table: CueTable, base: int, max_speaker: int) -> Attribution | None:
    """ "Her claim that taxes will fall": the noun is the cue, its possessor the source, its that-clause the
    content. A noun without a that-clause names no content and is no attribution; nor does a relative clause
    ("the speech that he gave"), whose "that" is a pronoun, not a complementizer."""
    clauses = [
        c
        for c in noun.children
        if c.dep_ in NOUN_CLAUSE_DEPS
        and c.i > noun.i
        and c.left_edge.lower_ in table.that
        and c.left_edge.dep_ == "mark"
    ]
    if not clauses:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    speaker = _speaker_span(owners[0], max_speaker) if owners else None
    content = _trim(noun.doc, clauses[0].left_edge.i, clauses[0].right_edge.i)
    return _record(
        noun.doc,
        base,
        (noun.i, noun.i),
        speaker,
        owners[0] if owners else None,
        content,
        content or (noun.i, noun.i),
    )


def _headline_attributions(parsed: Parsed, table: CueTable, inside: _Inside) -> list[Attribution]:
    """ "Lavrov: Moscow is ready to talk" — a line opening with a short name and a colon reports its words.

    Headlines and news summaries use this form; the tagger alone decides (a capitalized name of at most
    ``MAX_LABEL_TOKENS`` nouns, no number, no verb), so no parse is needed.
    """
    doc = parsed.doc
    found = []
    for token in doc:
        if token.is_space or not (token.i == 0 or "\n" in doc[token.i - 1].text):
            continue
        colon = next((t for t in doc[token.i : token.i + MAX_LABEL_TOKENS + 1] if t.text == ":"), None)
        if (
            colon is None
            or colon.i == token.i
            or inside(colon.idx)
            or not _is_name(doc[token.i : colon.i], table)
        ):
            continue
        end = colon.i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        content = _trim(doc, colon.i + 1, end - 1)
        if content is not None:
            found.append(
                _record(
                    doc,
                    0,
                    (colon.i, colon.i),
                    (token.i, colon.i - 1),
                    doc[colon.i - 1],
                    content,
                    (token.i, end - 1),
                )
            )
    return found


def _is_name(label: Span, table: CueTable) -> bool:
    """Whether a line's label before its colon names someone (a capitalized noun phrase, not "Note")."""
    first = next((t for t in label if t.pos_ != "DET"), label[0])  # "The Latest: …" is a label too
    if first.lower_ in table.labels or any(t.like_num or t.is_space for t in label):
        return False
    capitalized = label[0].is_title or label[0].is_upper
    return capitalized and all(t.pos_ in NAME_POS or t.is_punct for t in label)


def _addressed(verb: Token, table: CueTable) -> bool:
    """A passive speech verb: its subject was spoken to ("Ryan was asked", "Asked about it, Ryan said"), or
    nobody speaks ("it should be noted that …"). Either way the verb names no speaker."""
    if any(c.dep_ in PASSIVE_DEPS for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"}


def _according(token: Token, table: CueTable) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and (token.lower_, nxt.lower_) in table.according


def _according_attribution(token: Token, base: int, max_speaker: int) -> Attribution:
    """ "According to X, CONTENT": X is the speaker, the clause around the phrase is the content."""
    to = token.nbor(1)
    objects = [c for c in to.children if c.dep_ == "pobj"]
    speaker = _speaker_span(objects[0], max_speaker) if objects else None
    head = token.head if token.head.i != token.i else token
    cue = (token.i, to.i)
    copula = token.doc[token.i - 1] if token.i > 0 else token
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < copula.i]
    phrase: tuple[int, int] | None = None
    if copula.lemma_ == "be" and copula.head.i in {token.i, head.i} and subjects:  # "That's according to X"
        content = _trim(token.doc, subjects[0].left_edge.i, subjects[0].right_edge.i)
        cue = (copula.i, to.i)
        clause = (head.left_edge.i, head.right_edge.i)
    else:
        while head.dep_ == "conj" and head.head.i < head.i:  # "A won, B lost and C quit, according to X"
            head = head.head
        phrase = (token.left_edge.i, max(token.right_edge.i, to.i))
        clause = (head.left_edge.i, head.right_edge.i)
        content = _around(token.doc, clause, phrase)
        if content is not None:
            content = _without_opener(token.doc, head, content)
    owner = objects[0] if objects else None
    return _record(token.doc, base, cue, speaker, owner, content, clause, gap=phrase)


def _without_opener(doc: Doc, head: Token, content: tuple[int, int]) -> tuple[int, int] | None:
    """The content without a sentence adverb and its comma at the start ("Still, …", "However, …"), which
    is the writer's linking word, not what the source says."""
    first = doc[content[0]]
    after = first.right_edge.i + 1
    opener = first.head.i == head.i and first.dep_ == "advmod" and after < content[1]
    return _trim(doc, after + 1, content[1]) if opener and doc[after].text == "," else content


def _around(doc: Doc, clause: tuple[int, int], phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The clause without an attribution phrase at its start or end ("…, the minister said"); a phrase in the
    middle ("This campaign, he says, is different") stays here, and ``_record`` cuts the content in two
    pieces around it. The clause's final punctuation does not count: "…, according to the report." ends
    with the phrase."""
    clause = _trim(doc, *clause) or clause
    if phrase[0] <= clause[0]:
        return _trim(doc, phrase[1] + 1, clause[1])
    if phrase[1] >= clause[1]:
        return _trim(doc, clause[0], phrase[0] - 1)
    return _trim(doc, *clause)


def _verb_attribution(
    doc: Doc, verb: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """A cue verb: its subject (climbing from "adding"/"saying" to the governing verb) and its content.

    Only a speech verb is a cue without content ("…," he said) and governs the quotations around it; a verb of
    another class (belief, intention, finding, stance) attributes nothing but its complement.
    """
    content = _content(doc, verb, table)
    speech = verb.lemma_.lower() in table.verbs
    if content is None and not speech:
        return None
    subject = _subject(verb, table)
    speaker = _speaker_span(subject, max_speaker) if subject is not None else None
    name = _name_part(subject, speaker) if subject is not None and speaker is not None else None
    if subject is not None and subject.tag_ in RELATIVE_TAGS and subject.head.dep_ == "relcl":
        # "Norton, which declined to comment": PolNeAR's source is the "which"; its antecedent names it
        speaker, subject = (subject.i, subject.i), subject.head.head
        name = _trim(doc, subject.left_edge.i, subject.i)
    cue = _cue_tokens(verb, table, content)
    top = _quoted_frame(verb, table) or verb
    if verb.dep_ == "parataxis":  # "The war is over, the minister said, and …": the head clause is reported
        top = verb.head
    reach = (top.left_edge.i, top.right_edge.i) if speech or content is None else content
    if speech and top.right_edge.i + 1 < len(doc) and doc[top.right_edge.i].text == ":":
        reach = (reach[0], len(doc) - 1)  # "He told the crowd: “…”" misparsed: the colon still introduces
    gap = (verb.left_edge.i, verb.right_edge.i)  # "This campaign, he says, is different"
    return _record(doc, base, cue, speaker, subject, content, reach, name, gap)


def _content(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """The reported clause (``_reported``) without an aside closing it."""
    content = _reported(doc, verb, table)
    return _without_closing_aside(doc, content) if content is not None else None


def _without_closing_aside(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """The content without a relative clause or an apposition set off by a comma at its end ("…
    exchanges with Eric Fanning, who was his chief of staff"): the writer's aside, not what the source said."""
    for token in doc[content[0] : content[1] + 1]:
        first = token.left_edge.i
        if (
            _closing_aside(token)
            and content[0] < first - 1
            and doc[first - 1].text == ","
            and (_trim(doc, first, content[1]) or (0, -1))[1] == token.right_edge.i
        ):
            return _trim(doc, content[0], first - 2) or content
    return content


def _closing_aside(token: Token) -> bool:
    """A relative clause opened by a wh-word ("which had been planned") or an apposition opened by an
    article ("a provision that …"); an apposition without one is often the next item of a list."""
    first = token.left_edge
    if token.dep_ == "relcl":
        return first.tag_ in RELATIVE_TAGS | RELATIVE_ADVERB_TAGS | {"WP$"} and first.lower_ != "that"
    return token.dep_ == "appos" and first.dep_ == "det" and not any(t.dep_ == "cc" for t in token.subtree)


def _reported(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """The reported clause: the verb's ccomp, the clause it interrupts, or its infinitive/gerund complement"""
    if verb.lemma_.lower() in table.quote_only:
        return None
    if verb.lemma_.lower() in table.regards:
        return _regarded(doc, verb)
    clauses = sorted((c for c in verb.children if c.dep_ in CLAUSE_DEPS), key=lambda c: c.i < verb.i)
    if clauses:  # the clause after the verb first: a second ccomp before it is usually a misparse
        clause = clauses[0]
        return _trim(doc, clause.left_edge.i, _before_follow_up(clause, table))
    if (verb.dep_ == "parataxis" or _as_clause(verb, table)) and verb.head.pos_ in VERBAL_POS:
        content = _around(
            doc, (verb.head.left_edge.i, verb.head.right_edge.i), (verb.left_edge.i, verb.right_edge.i)
        )
        return _without_opener(doc, verb.head, content) if content is not None else None
    if _belief_only(verb, table):
        return None  # "she feels he is unfit" is a belief; "she feels a lot of emotion" is not
    complements = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() not in table.verbs]
    if complements:  # "urged voters to slow down": PolNeAR's content holds the addressee too
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in complements[0].children)
        objects = [
            c.left_edge.i
            for c in verb.children
            if infinitive and c.dep_ == "dobj" and verb.i < c.i < complements[0].i
        ]
        return _trim(doc, min(objects, default=complements[0].left_edge.i), complements[0].right_edge.i)
    return _complements(doc, verb, table)


def _regarded(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """ "Voters see him as a fighter": the object and its "as" phrase, or ``None`` without both ("I see")."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    if not objects or not phrases:
        return None
    return _trim(doc, objects[0].left_edge.i, phrases[0].right_edge.i)


def _as_clause(verb: Token, table: CueTable) -> bool:
    """ "As the report noted, turnout fell": the cue hangs on the clause it reports, through "as"."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in table.as_marks for c in verb.children
    )


def _belief_only(verb: Token, table: CueTable) -> bool:
    """A verb that is a cue only as a belief, which holds a clause: "think", "know", "feel"."""
    lemma = verb.lemma_.lower()
    others = table.verbs | table.intentions | table.findings | table.stances
    return lemma in table.beliefs and lemma not in others


def _complements(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """The object and its predicate ("called Trump a fascist", "described it as a failure"), or the object
    of the cue's preposition ("called for his resignation"). Speech verbs whose object is the addressee
    ("told them") or a pronoun ("said it") have none."""
    prep = _cue_prep(verb, table)
    if prep is not None and prep.dep_ == "mark":  # "called for the party to unite": the clause after "for"
        return _trim(doc, prep.i + 1, prep.head.right_edge.i)
    if prep is not None:
        objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        return _trim(doc, objects[0].left_edge.i, objects[0].right_edge.i) if objects else None
    lemma = verb.lemma_.lower()
    if lemma in table.no_object:
        return None
    parts = [
        c
        for c in verb.children
        if c.i > verb.i
        and (c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "prep" and (lemma, c.lower_) in table.object_preps))
    ]
    if not parts or all(p.pos_ == "PRON" and p.dep_ == "dobj" and len(parts) == 1 for p in parts):
        return None
    end = _trailing_phrases(verb, max(_object_end(p) for p in parts), table)
    return _trim(doc, min(p.left_edge.i for p in parts), end)


def _trailing_phrases(verb: Token, end: int, table: CueTable) -> int:
    """The end of an object extended over the prepositional phrases right after it that the parser hung on
    the verb ("criticized the draft on abortion", "mentioned him by name"): PolNeAR's content keeps them,
    and most belong to the object anyway. A phrase of time or setting ("on Monday", "at a rally", "in a
    tweet") says when and where, not what."""
    for child in verb.rights:
        if child.i <= end:
            continue
        if child.i != end + 1 or child.dep_ != "prep" or _setting(child, table):
            break
        end = child.right_edge.i
    return end


def _setting(prep: Token, table: CueTable) -> bool:
    """A phrase of time or setting: "during the debate", "on Monday", "in a tweet"."""
    if prep.lower_ in table.setting_preps:
        return True
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return any(c.ent_type_ in TIME_ENTITIES or c.lemma_.lower() in table.settings for c in objects)


def _object_end(part: Token) -> int:
    """The last token of an object without a clause set off by a comma ("billionaire Donald Trump, with whom
    he clashed on Saturday"): the aside describes the object, it is not what the source said of it."""
    end = part.right_edge.i
    for child in part.rights:
        first = child.left_edge.i
        if child.dep_ in {"relcl", "acl"} and first > 0 and part.doc[first - 1].text == ",":
            end = min(end, first - 2)
    return end


def _cue_prep(verb: Token, table: CueTable) -> Token | None:
    """The preposition a cue verb takes right after it ("called for", "referring to"), when it has one."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None:
        return None
    clause_mark = following.dep_ == "mark" and following.head.head.i == verb.i  # "calls for X to leave"
    if following.head.i != verb.i and not clause_mark:
        return None
    return following if (verb.lemma_.lower(), following.lower_) in table.verb_preps else None


def _before_follow_up(clause: Token, table: CueTable) -> int:
    """The clause's last token before a follow-up cue ("…, adding that …", "… and accused him of …"), which
    is a quote of its own."""
    end = clause.right_edge.i
    for token in clause.subtree:
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_.lower() in table.verbs:
            end = min(end, token.left_edge.i - 1)
        elif _second_cue(token, table) is not None:
            end = min(end, _conjunction_start(token) - 1)
    return end


def _second_cue(verb: Token, table: CueTable) -> Token | None:
    """The speech verb a second cue belongs to when the parser hung it on the first one's reported clause
    ("He said the plan was dead and accused the mayor of lying"): a speech verb conjoined to the clause's
    head, with no subject of its own and the tense of the first. (A belief or a plan there, "she said she was
    tired and hoped to rest", is more often still reported.) Returns the first speech verb, else ``None``."""
    clause = verb.head
    speech = clause.head
    if (
        verb.dep_ != "conj"
        or clause.dep_ not in CLAUSE_DEPS
        or speech.lemma_.lower() not in table.verbs
        or verb.tag_ != speech.tag_
        or verb.lemma_.lower() not in table.verbs
        or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    ):
        return None
    return speech


def _conjunction_start(verb: Token) -> int:
    """The first token of a conjoined verb phrase with its "and" (and the comma before it)."""
    start, heads = verb.left_edge.i, {verb.i, verb.head.i}
    while start > 0 and verb.doc[start - 1].dep_ in {"cc", "punct"} and verb.doc[start - 1].head.i in heads:
        start -= 1
    return start


def _subject(verb: Token, table: CueTable) -> Token | None:
    """The speaker token: the verb's subject (a "who" too: the caller reads its antecedent) or its governing
    verb's.

    A follow-up participle ("…, adding that …") takes the subject of the nearest speech verb above it, even
    when the parser hung it on a verb of the reported clause.
    """
    speech = _second_cue(verb, table)
    if speech is not None:
        return _subject(speech, table)
    if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        for ancestor in list(verb.ancestors)[: MAX_CLIMB + 1]:
            if ancestor.lemma_.lower() in table.verbs and ancestor.pos_ == "VERB":
                return _subject(ancestor, table)
    current = verb
    for _ in range(MAX_CLIMB + 1):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            break
        current = current.head
    return _name_before(verb)


def _name_before(verb: Token) -> Token | None:
    """A name right before the verb when the parse found no subject ("…, President Ilham Aliyev said:")."""
    if verb.i == 0:
        return None
    previous = verb.doc[verb.i - 1]
    return previous if previous.pos_ in {"PROPN", "NOUN", "PRON"} else None


def _quoted_frame(verb: Token, table: CueTable) -> Token | None:
    """The "quoted" of "X was quoted as saying", when ``verb`` is its "saying"."""
    prep = verb.head
    frame = prep.head
    if verb.dep_ == "pcomp" and frame.i != prep.i and frame.lemma_.lower() == table.quoted_verb:
        return frame
    return None


def _cue_tokens(verb: Token, table: CueTable, content: tuple[int, int] | None = None) -> tuple[int, int]:
    """Token range of the cue: the verb group ("has said", "is not saying") with its particle ("pointed out"),
    or the whole "was quoted as saying"."""
    frame = _quoted_frame(verb, table)
    if frame is not None:
        return (_verb_group_start(frame), verb.i)
    particles = [c.i for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    prep = _cue_prep(verb, table)
    end = particles[0] if particles else prep.i if prep is not None else verb.i
    end = _trailing_modifiers(verb, _statement_phrase(verb, end, table), content)
    return (_verb_group_start(_chain_top(verb, table)), end)


def _chain_top(verb: Token, table: CueTable) -> Token:
    """The verb or adjective heading a chain of infinitives that ends at the cue: PARC/PolNeAR's cue is the
    whole chain ("tended to support", "is expected to endorse", "are more likely to say", "went on to say")."""
    top = verb
    for _ in range(MAX_CHAIN):
        to = any(c.dep_ == "aux" and c.tag_ == "TO" and c.i < top.i for c in top.children)
        head = top.head
        if top.dep_ != "xcomp" or not to or head.i > top.i or head.pos_ not in CHAIN_POS:
            break
        if _is_cue_verb(head, table):
            break  # "declined to say", "pledged to oppose": the cue is the head, its content the infinitive
        top = head
    if top.pos_ == "ADJ" and top.dep_ == "acomp" and top.head.pos_ in VERBAL_POS and top.head.i < top.i:
        top = top.head  # "were more likely to say": the copula heads the adjective
    return top


def _trailing_modifiers(verb: Token, end: int, content: tuple[int, int] | None) -> int:
    """The end of the cue extended over the manner adverbs right after it ("said sarcastically", "asked
    rhetorically"), which PARC/PolNeAR count as part of the cue; never into the content."""
    doc = verb.doc
    stop = content[0] if content is not None and content[0] > verb.i else len(doc)
    while end + 1 < stop:
        nxt = doc[end + 1]
        if nxt.head.i != verb.i or nxt.dep_ not in TRAILING_DEPS or nxt.right_edge.i >= stop:
            break
        end = nxt.right_edge.i
    return end


def _statement_phrase(verb: Token, end: int, table: CueTable) -> int:
    """The end of the cue extended over "in a statement" right after it ("said in a statement")."""
    doc = verb.doc
    if (
        end + 1 >= len(doc)
        or doc[end + 1].head.i != verb.i
        or doc[end + 1].lower_ not in table.statement_preps
    ):
        return end
    objects = [c for c in doc[end + 1].children if c.dep_ == "pobj" and c.lemma_.lower() in table.nouns]
    return objects[0].i if objects and objects[0].right_edge.i == objects[0].i else end


def _verb_group_start(verb: Token) -> int:
    """The first word of the verb group ending at ``verb``: its auxiliaries, negation and the adverbs before
    it ("also said", "has repeatedly said"), which PARC/PolNeAR count as part of the cue."""
    start = verb.i
    while start > 0:
        previous = verb.doc[start - 1]
        if (
            not start - 1 < previous.head.i <= verb.i
            or previous.dep_ not in VERB_GROUP_DEPS
            or previous.tag_ in RELATIVE_ADVERB_TAGS
        ):
            break  # a word of the group hangs on the verb or on a later word of the group ("slightly more")
        start -= 1
    return start


def _speaker_span(subject: Token, max_speaker: int) -> tuple[int, int]:
    """Token range of the speaker's noun phrase, as PARC marks it.

    Modifiers stay, restrictive or set off by commas ("those who voted for him said", "Brian Fallon, a
    spokesman for the campaign, said"): PolNeAR's sources include appositions and ages, set off by dashes too.
    A dash before the name (a dateline: "MACAU (Reuters) – Sheldon Adelson said"), a quote mark opening a
    quotation (not a title it closes) or a line break ends the phrase. A phrase longer than ``max_speaker``
    tokens is cut to its head and modifiers.
    """
    doc = subject.doc
    start, end = subject.left_edge.i, subject.right_edge.i
    for i in range(subject.i - 1, start - 1, -1):
        if _quote_mark(doc[i]) or doc[i].text in DASHES or "\n" in doc[i].text:
            start = i + 1
            break
    end = _before_open_quote(doc, subject.i + 1, end)  # "Jason Sims — a teacher from Ohio — said" stays
    for child in subject.rights:
        if _aside(child):
            end = min(end, child.left_edge.i - 1)
    dash = _dateline_dash(doc, start, end)
    if dash is not None and _trim(doc, dash + 1, end) is not None:
        start = dash + 1  # "New York (AFP) – Vice President Joe Biden": the name after the dateline
    elif dash is not None and dash + 1 < len(doc) and doc[dash + 1].pos_ == "PROPN":
        start, end = _name_after(doc, dash + 1)  # the parser made the dateline the subject
    trimmed = _trim(doc, start, end) or (subject.i, subject.i)
    if trimmed[1] - trimmed[0] + 1 > max_speaker:
        left = min(
            (c.left_edge.i for c in subject.lefts if c.dep_ in {"compound", "amod", "det"}), default=subject.i
        )
        return (left, subject.i)
    return trimmed


def _before_open_quote(doc: Doc, start: int, end: int) -> int:
    """The end of a speaker phrase before a line break or a quote mark that no later mark in it closes; a
    quoted title stays ("Ann Lee, the author of “Hard Times,” said")."""
    i = start
    while i <= end:
        if "\n" in doc[i].text:
            return i - 1
        if _quote_mark(doc[i]):
            closing = next((j for j in range(i + 1, end + 1) if _quote_mark(doc[j])), None)
            if closing is None:
                return i - 1
            i = closing
        i += 1
    return end


def _dateline_dash(doc: Doc, start: int, end: int) -> int | None:
    """The dash after "(AFP)" or "(Reuters)" when a speaker phrase holds a dateline ("New York (AFP) –
    Joe Biden", "Dec 29 (Reuters) - Hillary Clinton"), else ``None``."""
    for i in range(start, min(end + 1, len(doc) - 1)):
        if doc[i].text == ")" and doc[i + 1].text in DATELINE_DASHES:
            return i + 1
    return None


def _name_after(doc: Doc, start: int) -> tuple[int, int]:
    """The run of name words from ``start`` on ("Governor Maria Ellis" of "(AFP) – Governor Maria Ellis
    said")."""
    end = start
    while end + 1 < len(doc) and doc[end + 1].pos_ in NAME_POS and doc[end + 1].dep_ != "punct":
        end += 1
    return start, end


def _quote_mark(token: Token) -> bool:
    """A quote mark, not the apostrophe of a possessive ("Sanders’ campaign")."""
    return token.is_quote and token.tag_ != "POS" and token.dep_ != "case"


def _aside(child: Token) -> bool:
    """A modifier PolNeAR leaves out of a source: a participle ("a group backing Bush", "Rubio, speaking in
    Miami") or anything else set off by a comma but an apposition or a relative clause ("Clinton, clearly
    frustrated"); "Brian Fallon, a spokesman", "Ann Hale, 64," and "Cox, who runs the group," stay."""
    if child.dep_ == "acl" and child.tag_ == "VBG":
        return True
    comma = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
    if not comma or child.dep_ in {"relcl", "conj", "cc", "punct"}:
        return False
    return child.dep_ != "appos"


def _name_part(subject: Token, span: tuple[int, int]) -> tuple[int, int] | None:
    """The words that name a speaker whose span holds a relative clause, an apposition or an age set off by a
    comma ("Barkley, who rarely votes,", "Tom Hale, 64, a farmer,"): the phrase before it, or ``None``."""
    doc = subject.doc
    for child in subject.rights:
        first = child.left_edge.i
        if child.dep_ in {"relcl", "appos"} and span[0] < first - 1 <= span[1] and doc[first - 1].text == ",":
            return _trim(doc, span[0], first - 2)
    return None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range without punctuation, spaces or a dangling "and" at its ends (quote marks stay: they
    belong to the quotation)."""
    while start <= end and _loose(doc[start]):
        start += 1
    while end >= start and _loose(doc[end]):
        end -= 1
    return (start, end) if start <= end else None


def _loose(token: Token) -> bool:
    return (token.is_punct and not token.is_quote) or token.is_space or token.pos_ == "CCONJ"


def _record(
    doc: Doc,
    base: int,
    cue: tuple[int, int],
    speaker: tuple[int, int] | None,
    head: Token | None,
    content: tuple[int, int] | None,
    reach: tuple[int, int],
    name: tuple[int, int] | None = None,
    gap: tuple[int, int] | None = None,
) -> Attribution:
    """Token ranges (inclusive) turned into document character offsets; a ``gap`` (the attribution phrase)
    strictly inside the content cuts it into the two pieces around it, as PARC/PolNeAR mark it."""

    def chars(pair: tuple[int, int] | None) -> tuple[int | None, int | None]:
        if pair is None:
            return None, None
        return base + doc[pair[0]].idx, base + doc[pair[1]].idx + len(doc[pair[1]])

    head_pair = (head.i, head.i) if head is not None and speaker is not None else None
    reach_start, reach_end = chars(reach)
    pieces = _pieces(doc, content, gap) if content is not None and gap is not None else ()
    return Attribution(
        *chars(cue),
        *chars(speaker),
        *chars(head_pair),
        *chars(content),
        reach_start or 0,
        reach_end or 0,
        *chars(name),
        tuple((base + doc[first].idx, base + doc[last].idx + len(doc[last])) for first, last in pieces),
    )


def _pieces(doc: Doc, content: tuple[int, int], gap: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """The content before and after a gap strictly inside it, or nothing when the gap is not inside."""
    if not content[0] < gap[0] <= gap[1] < content[1]:
        return ()
    before, after = _trim(doc, content[0], gap[0] - 1), _trim(doc, gap[1] + 1, content[1])
    return (before, after) if before is not None and after is not None else ()


# --- pass 3: matching quotations to attributions ----------------------------------------------------------


def _has_words_outside(
    text: str, start: int, end: int, quoted: Sequence[Quoted], a: Attribution, table: CueTable
) -> bool:
    """Whether ``[start, end)`` holds words of its own outside the quotations: not a complementizer ("that"),
    and not the attribution itself (``"…," he says, "…"`` is one direct quote in two pieces)."""
    skip = [Quoted(q.start, q.end) for q in quoted] + [Quoted(a.cue_start, a.cue_end)]
    if a.speaker_start is not None and a.speaker_end is not None:
        skip.append(Quoted(a.speaker_start, a.speaker_end))
    pos, words = start, []
    for q in sorted(skip, key=lambda q: q.start):
        words += WORD.findall(text[pos : max(pos, q.start)])
        pos = max(pos, q.end)
    words += WORD.findall(text[pos:end])
    return any(w.lower() not in table.that for w in words)


def _partials(
    text: str, attributions: list[Attribution], inside: _Inside, table: CueTable
) -> dict[int, _Match]:
    """Reported clauses that quote some of their words: quotation index -> the clause as a partial quote."""
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
            match = _Match(start, end, "partial", a)
            found.update((i, match) for i in indexes)
    return found


def _run_on(text: str, end: int, inside: _Inside, indexes: list[int]) -> list[int]:
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
    for a in _near(q, attributions, starts):
        after = a.cue_start >= q.end and (
            a.reach_start <= q.end - 1 < a.reach_end or (a.content_start is None and _adjacent(text, q, a))
        )
        before = a.cue_end <= q.start and (a.reach_start <= q.start < a.reach_end or _introduces(text, q, a))
        if not (after or before):
            continue
        distance = a.cue_start - q.end if after else q.start - a.cue_end
        if best is None or distance < best[0]:
            best = (distance, a)
    return best[1] if best else None


def _near(q: Quoted, attributions: Sequence[Attribution], starts: Sequence[int]) -> Sequence[Attribution]:
    """The attributions whose cue lies within ``_REACH_WINDOW`` characters of the quotation."""
    low = bisect.bisect_left(starts, q.start - _REACH_WINDOW)
    return attributions[low : bisect.bisect_right(starts, q.end + _REACH_WINDOW)]


def _in_speaker(q: Quoted, attributions: Sequence[Attribution], starts: Sequence[int]) -> bool:
    """Whether the quotation is a title inside a speaker's description ("the author of “Hard Times,” said"):
    no quote at all."""
    return any(
        a.speaker_start is not None
        and a.speaker_end is not None
        and a.speaker_start <= q.start < a.speaker_end
        for a in _near(q, attributions, starts)
    )


def _introduces(text: str, q: Quoted, a: Attribution) -> bool:
    """Whether the cue's clause ends with a colon that the quotation follows, across a paragraph break too
    ("Her spokesman said:", then the quotation as the next paragraph)."""
    colon = text.rfind(":", a.cue_end, q.start)
    return colon >= 0 and a.reach_start <= colon < a.reach_end and text[colon + 1 : q.start].isspace()


def _adjacent(text: str, q: Quoted, a: Attribution) -> bool:
    """Whether the attribution starts right after the quotation, with no word between them."""
    first = min(a.cue_start, a.speaker_start if a.speaker_start is not None else a.cue_start)
    return first >= q.end and WORD.search(text, q.end, first) is None


_REACH_WINDOW = (
    2000  # characters: a cue further than this from a quotation never governs it (bounds the search)
)


def _match(
    text: str,
    quoted: list[Quoted],
    attributions: list[Attribution],
    table: CueTable,
    settings: AnalyzeSettings,
) -> list[_Match]:
    """Pair quotations with attributions; leftover reported clauses become indirect quotes."""
    inside = _Inside(quoted)
    partial = _partials(text, attributions, inside, table)
    starts = [a.cue_start for a in attributions]
    matches: dict[tuple[int, int], _Match] = {}
    used: set[Attribution] = {m.attribution for m in partial.values() if m.attribution is not None}
    previous: _Match | None = None
    for index, q in enumerate(quoted):
        if index in partial:
            matches[(partial[index].start, partial[index].end)] = partial[index]
            continue
        if _in_speaker(q, attributions, starts):
            continue
        attribution = _governing(text, q, attributions, starts)
        with_cue = True
        if attribution is None:
            attribution = _carried(text, q, previous, settings)
            if attribution is None and not _reads_as_speech(text, q, settings):
                continue
            with_cue = previous is not None and "\n" not in text[previous.end : q.start]
        start = _complementizer_start(text, q, attribution, table)
        current = _Match(start, q.end, "direct", attribution, with_cue and attribution is not None)
        matches[(q.start, q.end)] = current
        previous = current
        if attribution is not None:
            used.add(attribution)
    for a in attributions:
        if a not in used and a.content_start is not None and a.content_end is not None:
            for start, end in a.pieces or ((a.content_start, a.content_end),):
                matches.setdefault((start, end), _Match(start, end, "indirect", a))
    return sorted(matches.values(), key=lambda m: (m.start, m.end))


def _complementizer_start(text: str, q: Quoted, a: Attribution | None, table: CueTable) -> int:
    """Where a direct quote starts: at the "that" introducing it when its cue's reported clause opens with
    one (`adding that "the door remains open"`), as PARC/PolNeAR mark it; else at its opening mark."""
    if a is None or a.content_start is None or not a.cue_end <= a.content_start < q.start:
        return q.start
    words = WORD.findall(text, a.content_start, q.start)
    return a.content_start if words and all(w.lower() in table.that for w in words) else q.start


def _carried(text: str, q: Quoted, previous: _Match | None, settings: AnalyzeSettings) -> Attribution | None:
    """The attribution of the quotation just before, for a quotation that runs on without a cue of its own.

    News runs one speaker's words over several quotations ("…," he said. "…"); the later ones keep the earlier
    speaker, and within one paragraph its cue too, as PARC/PolNeAR annotate them (one attribution, several
    content pieces). Only a quotation that reads as speech runs on: a lower-case fragment is a scare quote.
    """
    if (
        previous is None
        or previous.attribution is None
        or q.start - previous.end > settings.quote_carry_chars
    ):
        return None
    return previous.attribution if _reads_as_speech(text, q, settings) else None


def _reads_as_speech(text: str, q: Quoted, settings: AnalyzeSettings) -> bool:
    """Whether a quotation with no cue of its own is long enough and opens like a sentence."""
    words = WORD.findall(text, q.start, q.end)
    return len(words) >= settings.quote_min_words and words[0][:1].isupper()


# --- records ---------------------------------------------------------------------------------------------


def _speaker(text: str, a: Attribution | None, entities: Sequence[Entity]) -> tuple[str | None, str | None]:
    """The canonical name and entity id of the speaker, or the speaker's own words when no entity matches.

    Only the subject's head word is looked up: "Nikol Pashinyan's office" and "the press service of the
    Foreign Ministry" speak for an institution, not for the person or body their modifiers name.
    """
    if a is None or a.speaker_start is None or a.speaker_end is None:
        return None, None
    start, end = (a.head_start, a.head_end) if a.head_start is not None else (a.speaker_start, a.speaker_end)
    entity = entity_at(list(entities), start, end or a.speaker_end)
    if entity is not None:
        return entity.name, entity.id
    if a.name_start is not None and a.name_end is not None:
        return text[a.name_start : a.name_end], None
    return text[a.speaker_start : a.speaker_end], None


def _quote(doc_id: str, text: str, m: _Match, entities: Sequence[Entity]) -> Quote:
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
    )


def extract(
    parsed: Parsed, entities: Sequence[Entity], *, settings: AnalyzeSettings | None = None
) -> list[Quote]:
    """Direct, partial and indirect quotes of one parsed document, with speakers resolved to ``entities``."""
    settings = settings or AnalyzeSettings()
    document = parsed.document
    table = cues_for(document.language)
    inside = _inside(parsed, table)
    attributions: list[Attribution] = []
    if table is not None:
        attributions += _headline_attributions(parsed, table, inside)
        for sentence in _planned_sentences(parsed, table, settings):
            attributions += _attributions(parsed, sentence, table, inside, settings.quote_max_speaker_tokens)
    attributions.sort(key=lambda a: a.cue_start)
    matches = _match(document.text, inside.quoted, attributions, table or CUES["en"], settings)
    return [_quote(document.id, document.text, m, entities) for m in matches]


def sentences_to_parse(parsed: Parsed, settings: AnalyzeSettings | None = None) -> list[Span]:
    """The sentences ``extract`` will ask a parse for, so that ``nlp.parse_batch`` can parse them in a batch."""
    table = cues_for(parsed.document.language)
    return [] if table is None else _planned_sentences(parsed, table, settings or AnalyzeSettings())


def _planned_sentences(parsed: Parsed, table: CueTable, settings: AnalyzeSettings) -> list[Span]:
    """``_cue_sentences``, found once per document for both planning and extraction (``Parsed.memo``)."""
    if "quotes.cue_sentences" not in parsed.memo:
        found = _cue_sentences(parsed, table, _inside(parsed, table), settings.quote_max_sentence_tokens)
        parsed.memo["quotes.cue_sentences"] = found
    return parsed.memo["quotes.cue_sentences"]


def _inside(parsed: Parsed, table: CueTable | None) -> _Inside:
    """The document's quotations (``find_quoted``), found once per document."""
    if "quotes.inside" not in parsed.memo:
        parsed.memo["quotes.inside"] = _Inside(find_quoted(parsed.document.text, table))
    return parsed.memo["quotes.inside"]
