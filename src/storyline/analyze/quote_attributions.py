"""Attributions: each cue of a parsed sentence with its speaker, content and reach (the second pass of
``quotes``).

Sentences holding a cue word (a speech verb such as "said", or "according to"; see ``quote_cues``) outside
quotation marks are dependency-parsed (``cue_sentences`` plans them from the tags alone), and each cue yields
an ``Attribution``: the cue, its subject (the speaker), its content (``quote_contents``) and the stretch of
the sentence it governs (its reach). Sentences are cut at paragraph breaks first (the sentence splitter does
not always), and a "sentence" too long to be one is not parsed. Headline lines "Name: what they said" (found
by ``quote_headlines`` from the tags alone) report what follows the colon. A passive cue with a "by" agent
("was first reported by Politico") takes the agent as its source; "was asked whether …" is a question with no
source; other passive cues ("it should be noted") are skipped. "X seems to Y" and "X is expected to Y" name
no source (the content is X and the infinitive, the two pieces around the cue), unless the infinitive is a cue
("seemed to suggest that …": X is its source); "a call for X" is a noun cue
with its preposition, "made the case that" a verb's with its noun (both read by ``quote_noun_cues``). A
belief, plan or stance inside what a speech verb reports, or an infinitive of purpose, is not a cue of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storyline.analyze.event_context import Lexicon
from storyline.analyze.event_context import lexicon as event_lexicon
from storyline.analyze.event_senses import dismisses_someone, is_armed
from storyline.analyze.quote_contents import (
    around_phrase,
    as_clause,
    comma_after,
    content_of,
    cue_prep,
    saying_goes_on,
    second_cue,
    that_clause,
    without_opener,
)
from storyline.analyze.quote_cues import CueTable
from storyline.analyze.quote_frames import framing_verbs
from storyline.analyze.quote_headlines import headline_parse, label_lines, parsed_reading, speaker_turns
from storyline.analyze.quote_marks import Inside
from storyline.analyze.quote_noun_cues import (
    AdjectiveCue,
    NounCue,
    adjective_cue_ahead,
    adjective_reading,
    light_noun,
    light_noun_ahead,
    light_reading,
    noun_cue_start,
    noun_prep,
    noun_prep_reading,
)
from storyline.analyze.quote_openings import openings
from storyline.analyze.quote_spans import (
    AUX_DEPS,
    CLAUSE_DEPS,
    RELATIVE_TAGS,
    SENTENCE_ENDS,
    SUBJECT_DEPS,
    TIME_ENTITIES,
    VERBAL_POS,
    after_dateline,
    misread_modal,
    name_part,
    nearest_subject,
    participle_subject,
    past_date,
    quote_mark,
    quoted_after,
    speaker_span,
    to_infinitive,
    trim,
    verb_group_start,
    with_floating,
    word_after_verb,
)
from storyline.analyze.quote_trees import children, lefts, rights, subtree, tokens
from storyline.analyze.roles import RoleTable
from storyline.analyze.roles import table as role_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.analyze.nlp import Parsed

NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})  # "the claim that …" (parsers disagree on the label)
INVERTED_DEPS = frozenset({"dobj", "attr"})  # how the parser hangs the name after "“…!” beamed Ortiz"
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
# "…, adding that": a cue without a subject of its own takes the subject of the verb it hangs on
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep", "acomp"})
# the clause a speech verb reports ("said the plan was bad, adding …", "denied the notion that a shakeup is
# coming, explaining …"): a participle hung inside it belongs to the speech verb above
REPORTED_DEPS = frozenset({"ccomp", "acl"})
MAX_CLIMB = 3  # how far up the tree a subject-less cue ("adding", "saying") looks for its subject
CHAIN_POS = frozenset({"VERB", "AUX", "ADJ"})  # what heads "to say" in a cue chain ("likely to say")
SPEAKING_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # who can be quoted after a colon clause
# "played up", "is sure": the word completing a colon cue's verb
COMPLETING_DEPS = frozenset({"prt", "acomp"})
MAX_ISSUED_GAP = 4  # words between a text put out and its colon ("issued a statement on Monday:")
MAX_CHAIN = 3  # "is expected to continue to insist" is about as long as a cue chain gets
ABSOLUTE_MARKS = frozenset({"with", "without"})  # "with the ire focused on …": a participle, not a clause
TRAILING_DEPS = frozenset({"advmod"})  # "said Tuesday that", "said sarcastically:"
PURPOSE_DEPS = frozenset({"advcl", "acl", "relcl"})  # an infinitive hanging here says what for
RAISED_DEPS = frozenset({"acomp", "oprd"})  # how the parser hangs the adjective of "seems doomed"
MAX_REGARD_GAP = 12  # tokens between "see" and its "as" ("see the campaign of Donald Trump as …")
MAX_NESTING = 4  # how far up a belief or plan looks for the speech verb reporting it
CLEAR_DEPS = frozenset({"ccomp", "advcl", "xcomp"})  # what the parser hangs the clause of "made clear" by
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
GROUP_POS = frozenset({"NUM", "PRON"})  # "two of", "some of" the speakers
CUE_POS = frozenset({"VERB", "NOUN", "ADJ"})  # a cue word other than "according" is one of these
FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})  # a verb that needs a subject of its own
PARTICIPLE_OPENERS = frozenset({",", "by"})  # "…, writing", "by citing": a participle on the main verb
# events a naming verb convenes or enacts ("called elections", "declared a ceasefire"), by the event lexicon's type
CONVENED_TYPES = frozenset({"MEET", "CONSULT", "ELECTION", "CEASEFIRE", "PROTEST", "STATEMENT"})
EVENT_SUBJECTS = frozenset({"it", "this", "that"})  # subjects naming an event or a claim, not a speaker
MAX_ASIDE = 8  # tokens of a bracketed aside after a name ("(R-Iowa)", "(D-N.Y.)")
SINGLE_QUOTES = frozenset("'‘’")  # a quotation inside a quotation ("“… says, ‘We will’”")
MARKUP = frozenset("_=<>/")  # characters that glue a word into an identifier or a tag
# "For example:", "Among the votes:", "Meanwhile:": a label opening so names nobody
LABEL_OPENERS = frozenset({"ADP", "SCONJ", "ADV"})
MAX_POLL_PHRASE = 9  # tokens from "in" to the poll noun: "in a new Washington Post-ABC News poll"
MAX_VIEW_PHRASE = 5  # tokens from "in" to the noun of opinion: "in the senator's own view"
POSSESSIVE_TAGS = frozenset({"PRP$", "POS"})  # "her view", "the mayor's view"
CLAUSE_STOPS = frozenset(",.;:")  # punctuation that ends a phrase read from the tags
RUN_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "VERB"})  # "retired neurosurgeon Ben Carson"
RUN_DEPS = frozenset({"compound", "amod", "det", "nmod"})  # how those words hang on the name's head
NAME_HEAD_POS = frozenset({"PROPN", "NOUN"})
CLOSING_PUNCT = frozenset(",.?!")  # what ends a quoted sentence inside its closing mark ("“…,” Ramos told")
# a cue verb in its bare form with no subject found is an order or a plan, not a stance anyone took: "Ask
# yourself …", "Call it a win", "Attack the policies"; PolNeAR marks 14 of 68 such cues on train 0-300/450-840
BARE_TAGS = frozenset({"VB"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})  # a verb in the simple present: a habit or a standing property
PASSIVE_COMPLEMENT_DEPS = frozenset({"oprd", "attr", "dobj"})  # "was declared *the winner*"
# what may open a noun phrase right before an adjectival participle ("the", "’s", "271", "her pledged delegates")
MODIFIER_OPENERS = frozenset({"DT", "POS", "CD", "PRP$"})
QUESTION_OBJECT_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp"})  # "asked him", "asked to leave"
TOPIC_PATH_DEPS = frozenset({"prep", "pobj", "agent", "npadvmod"})  # "asked [by X] [on Monday] about"
# what an evidence phrase before a misread "show" is made of ("the F.A.A.'s flight records", "Tuesday's results")
EVIDENCE_PHRASE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "VBG", "DT", "CD", "POS", "PRP$", "HYPH"})
EVIDENCE_FOLLOWERS = frozenset({",", ".", ";"})  # "…, records show." / "…, records show, the jet …"
PARTICIPLE_LIKE_TAGS = frozenset(
    {"VBN", "VBD"}
)  # the parser tags "pledged" in "pledged delegates" either way


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
    framing: bool = False  # a verb of no table framing a quotation (``quote_frames``): speech


def _is_cue(token: Token, table: CueTable) -> bool:
    """A cue verb, a statement noun before "that", or the first word of "according to", judged on the
    unparsed document (tags and lemmas only)."""
    lower = token.lower_
    if lower in table.according_words or lower in table.hearsay:
        return True
    if lower in table.misread_findings and _evidence_phrase(token, table) is not None:
        return True  # "…, records show.": a finding however the tagger read it
    if lower in table.poll_preps:
        return _poll_ahead(token, table) or _view_ahead(token, table)
    pos = token.pos_
    if pos not in CUE_POS:
        return False  # most words, which need no look at their neighbours
    if pos == "NOUN" and token.i + 1 < len(token.doc):
        lemma, following = token.lemma_.lower(), token.nbor(1)
        if lemma in table.nouns and following.lower_ in table.that:
            return following.tag_ not in RELATIVE_TAGS  # "the speech that included …" is a relative clause
        if lemma in table.copula_nouns and _copula(following) and token.i + 2 < len(token.doc):
            return token.nbor(2).lower_ in table.that  # "his argument is that …"
        pair = (lemma, following.lower_)
        return pair in table.noun_preps or pair in table.owned_noun_preps
    if adjective_cue_ahead(token, table):
        return True
    return _is_cue_verb(token, table)


def _is_cue_verb(token: Token, table: CueTable) -> bool:
    """A verb of any cue class, or a verb with its cue preposition ("called for", "referring to")."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in table.all_verbs and lemma not in table.regards and not _in_markup(token):
        return True  # what the tests below would answer too, without their look ahead (hot in planning)
    if _made_clear(token, table) is not None or light_noun_ahead(token, table):
        return True
    if lemma in table.regards:  # "see", "view": a cue only with "as" after it, which the tags show
        return any(t.lower_ == "as" for t in token.doc[token.i + 1 : token.i + MAX_REGARD_GAP])
    if lemma in table.all_verbs or _phrasal(token, table):
        return not _in_markup(token)
    following = word_after_verb(token, table.verb_preps)
    return following is not None and (lemma, following.lower_) in table.verb_preps and not _in_markup(token)


def _phrasal(verb: Token, table: CueTable) -> bool:
    """A verb that reports speech with its particle ("pointed out", "shot back", "went on"), read from the tags."""
    following = word_after_verb(verb, table.phrasal)
    return following is not None and (verb.lemma_.lower(), following.lower_) in table.phrasal


def _speech(verb: Token, table: CueTable) -> bool:
    """A speech verb: one of the table's, or one with its particle ("“…,” he shot back")."""
    return verb.lemma_.lower() in table.verbs or _phrasal(verb, table)


def cue_sentences(parsed: Parsed, table: CueTable, inside: Inside, max_tokens: int) -> list[Span]:
    """Sentences with a cue outside quotation marks: the only ones worth a dependency parse.

    A "sentence" longer than ``max_tokens`` is a table, a list or a failed split; parsing it would cost more
    than the rest of the document and find nothing reliable. A headline in title case is judged on its
    sentence-case reading (``headline_parse``).
    """
    found = []
    turns = speaker_turns(parsed, table, inside)
    frames = _frames(parsed, table, inside)
    for piece in parsed.pieces:
        if len(piece) > max_tokens:
            continue
        headline = headline_parse(parsed, piece, table)
        tokens = headline if headline is not None else piece
        base = piece.start_char if headline is not None else 0
        starts = (tokens[i] for i in _openings_in(parsed, piece, table, headline))
        cue = any(_is_cue(t, table) and not inside(base + t.idx) and not turns(base + t.idx) for t in starts)
        framed = headline is None and bool(_frames_in(frames, piece))
        if (
            cue
            or framed
            or (headline is None and _handing_colon(piece, parsed.document.text, 0, inside) is not None)
        ):
            found.append(piece)  # a colon handing on to a quotation may have a cue in no table before it
    return found


def _frames(parsed: Parsed, table: CueTable, inside: Inside) -> list[int]:
    """``quote_frames.framing_verbs`` of the document, found once (planning and extraction both ask)."""
    if "quotes.frames" not in parsed.memo:
        parsed.memo["quotes.frames"] = framing_verbs(parsed.doc, parsed.document.text, inside.quoted, table)
    return parsed.memo["quotes.frames"]


def _frames_in(frames: list[int], piece: Span) -> list[int]:
    """The framing verbs inside ``piece``, as indexes from its first token."""
    return [
        i - piece.start for i in frames[bisect_left(frames, piece.start) : bisect_left(frames, piece.end)]
    ]


def _openings_in(parsed: Parsed, piece: Span, table: CueTable, headline: Doc | None) -> list[int]:
    """The tokens of ``piece`` (of its re-read ``headline`` if any) that may open a cue (``openings``), as
    indexes from the piece's first token; the document's are found once."""
    if headline is not None:
        return openings(headline, table)
    if "quotes.openings" not in parsed.memo:
        parsed.memo["quotes.openings"] = openings(parsed.doc, table)
    found = parsed.memo["quotes.openings"]
    return [i - piece.start for i in found[bisect_left(found, piece.start) : bisect_left(found, piece.end)]]


def _in_markup(token: Token) -> bool:
    """A word glued to markup characters (``tweet_id="…"``, ``<tweet``) is an identifier, not prose."""
    doc = token.doc  # neighbouring tokens, not doc.text: spaCy rebuilds the text on every access
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    glued_before = before is not None and not before.whitespace_ and before.text[-1] in MARKUP
    glued_after = after is not None and not token.whitespace_ and after.text[0] in MARKUP
    return glued_before or glued_after


def sentence_attributions(
    parsed: Parsed, sentence: Span, table: CueTable, inside: Inside, max_speaker: int
) -> list[Attribution]:
    """Every cue of ``sentence`` with its speaker, reported clause and reach, read from the parse."""
    headline = headline_parse(parsed, sentence, table) or None
    doc = parsed_reading(parsed, headline) if headline is not None else parsed.parse(sentence)
    base = sentence.start_char
    turns = speaker_turns(parsed, table, inside)
    found: list[Attribution] = []
    for i in _openings_in(parsed, sentence, table, headline):
        token = doc[i]
        lower = token.lower_
        if inside(base + token.idx) or turns(base + token.idx):
            continue
        if _according(token, table):
            found.append(_according_attribution(token, token.nbor(1), base, max_speaker))
        elif lower in table.hearsay:
            if (attribution := _hearsay_attribution(token, table, base)) is not None:
                found.append(attribution)
        elif lower in table.poll_preps:
            if _poll_phrase(token, table):
                found.append(_according_attribution(token, token, base, max_speaker))
            elif (noun := _view_noun(token, table)) is not None:
                found.append(_view_attribution(token, noun, base, max_speaker))
        elif (prefix := _self_prefix(token, table)) is not None:
            if (attribution := _self_attribution(doc, token, prefix, table, base)) is not None:
                found.append(attribution)
        elif (
            _is_cue_verb(token, table)
            and not _modifier_participle(token)
            and not _relayed(token, table)
            and not _embedded(token, table)
            and not _nested(token, table)
            and not _gerund_object(token, table)
            and not _noun_complement(token, table)
            and not _impersonal(token, table)
            and not _chain_head(token, table)
            and not _asked_about(token, table)
            and not _stance_asked(token, table)
            and not _unmarked_gerund(token, table)
            and not _set_phrase(token, table)
            and not _act_on_object(token)
        ):
            if (adjective := _made_clear(token, table)) is not None:
                attribution = _made_clear_attribution(doc, token, adjective, table, base, max_speaker)
            elif (noun := light_noun(token, table)) is not None:
                attribution = _light_attribution(doc, token, noun, table, base, max_speaker)
            elif token.lemma_.lower() not in table.all_verbs and light_noun_ahead(token, table):
                attribution = None  # "made a cake": the noun ahead was no object of the verb
            elif (prep := _label_prep(token, table)) is not None:
                attribution = _label_attribution(doc, token, prep, base)
            elif _raising_frame(token, table):
                attribution = _raising_attribution(doc, token, table, base, max_speaker)
            elif not _addressed(token, table):
                attribution = _verb_attribution(doc, token, table, base, max_speaker)
            elif _agent(token) is not None:
                attribution = _passive_attribution(doc, token, table, base, max_speaker)
            else:
                attribution = _question_attribution(doc, token, table, base) or _unsourced_passive(
                    doc, token, table, base
                )
            if attribution is not None:
                found.append(attribution)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in table.nouns:
            attribution = _noun_attribution(token, table, base, max_speaker) or _copula_attribution(
                token, table, base, max_speaker
            )
            if attribution is not None:
                found.append(attribution)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in table.copula_nouns:
            attribution = _copula_attribution(token, table, base, max_speaker)
            if attribution is not None:
                found.append(attribution)
        elif token.pos_ == "NOUN" and noun_prep(token, table) is not None:
            attribution = _noun_cue_attribution(noun_prep_reading(token, table), doc, base, max_speaker)
            if attribution is not None:
                found.append(attribution)
        elif token.pos_ == "ADJ" and (adjective := adjective_reading(token, table)) is not None:
            attribution = _adjective_attribution(doc, adjective, table, base, max_speaker)
            if attribution is not None:
                found.append(attribution)
        # "…, records show.": the tagger read "show" as a noun, and the parse is broken
        misread = lower in table.misread_findings and all(a.cue_start != base + token.idx for a in found)
        if misread and (attribution := _evidence_attribution(doc, token, table, base)) is not None:
            found.append(attribution)
    for i in _frames_in(_frames(parsed, table, inside), sentence) if headline is None else ():
        if (attribution := _framing_attribution(doc, doc[i], table, base, max_speaker)) is not None:
            found.append(attribution)
    colon = _handing_colon(doc, parsed.document.text, base, inside) if headline is None else None
    uncued = colon is not None and not any(a.cue_start < base + colon.idx for a in found)
    roles = role_table(parsed.document.language) if uncued else None
    if (
        uncued
        and (attribution := _colon_attribution(doc, colon, base, inside, max_speaker, roles)) is not None
    ):
        found.append(attribution)
    return found


def _framing_attribution(
    doc: Doc, verb: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """A verb of no table framing a quotation ("“…,” Vale quipped", "Vale cracked, “…”"), read as a speech verb
    that is a cue only next to a quotation (as "“…,” he continued" is): the table with its lemma added. The parse
    must give the verb a subject of its own, or a noun right after it when it follows the closing mark ("“…!”
    beamed Ortiz"): "an ad on Saturday afternoon titled, “Scam.”" is a participle the tagger read as finite."""
    inverted = quote_mark(doc[verb.i - 1]) if verb.i else False
    own = any(
        c.dep_ in SUBJECT_DEPS or (inverted and c.dep_ in INVERTED_DEPS and c.i > verb.i)
        for c in children(verb)
    )
    condition = any(c.dep_ == "mark" and c.lower_ in table.condition_marks for c in children(verb))
    if not own or condition:  # "If the bill passes, “…”": the quotation is no condition's
        return None
    lemma = verb.lemma_.lower()
    framed = replace(table, verbs=table.verbs | {lemma}, quote_only=table.quote_only | {lemma})
    attribution = _verb_attribution(doc, verb, framed, base, max_speaker)
    return replace(attribution, framing=True) if attribution is not None else None


def _handing_colon(tokens: Doc | Span, text: str, base: int, inside: Inside) -> Token | None:
    """A colon outside quotation marks that hands on to a quotation opening right after it, in the same
    sentence or the next paragraph ("Article 33 affirms: “…”", "A footnote in the report makes that clear:"),
    after a verb; ``base`` turns the tokens' offsets into the document's.

    Asked of every sentence in planning and again of every parsed one: most have no colon at all, which the
    text tells without making a spaCy ``Token`` per word (0.33 → 0.07 CPU ms per generated bench document)."""
    last = tokens[-1]
    if ":" not in text[base + tokens[0].idx : base + last.idx + len(last)]:
        return None
    colon = next((t for t in tokens if t.text == ":" and not inside(base + t.idx)), None)
    if colon is None or not any(t.pos_ in VERBAL_POS for t in tokens[: colon.i - tokens[0].i]):
        return None
    after = base + colon.idx + 1
    while after < len(text) and text[after].isspace():
        after += 1
    return colon if inside.opens(after) else None


def _colon_attribution(
    doc: Doc, colon: Token, base: int, inside: Inside, max_speaker: int, roles: RoleTable | None
) -> Attribution | None:
    """The clause before a colon handing on to a quotation, when no cue of ours stands in it ("the board was
    conclusive in its findings: “…”", "Sanders delivered a snappy retort: “…”"): PolNeAR marks the clause's
    verb as the cue and its subject as the source of the quotation. The verb is the highest word before the
    colon that the colon's clause hangs on; its subject must stand before it and name someone (``_can_speak``;
    "it", "this" do not)."""
    verb = doc[colon.i - 1]
    while verb.head.i < colon.i and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in VERBAL_POS:
        return None
    subject = nearest_subject(verb)
    if subject is None or subject.i > verb.i or subject.pos_ not in NOUN_POS:
        return None
    if subject.lower_ in EVENT_SUBJECTS or subject.tag_ in RELATIVE_TAGS or not _can_speak(subject, roles):
        return None
    if inside(base + subject.idx):
        return None  # "“… I love it,” he wrote:": a subject inside a quotation speaks in it
    speaker = speaker_span(subject, max_speaker)
    return _record(doc, base, _colon_cue(verb, colon), speaker, subject, None, (verb.left_edge.i, colon.i))


def _can_speak(subject: Token, roles: RoleTable | None) -> bool:
    """Whether a colon clause's subject names someone who can be quoted: a phrase holding a name (a person, a
    group, a place standing for its government), a personal pronoun, or a role or an institution of the
    language's role table ("the spokesman", "the county board"); "The store sells three brands: “Acme,” …"
    and "The question remains: “Who pays?”" hand on to no one's words."""
    if subject.tag_ == "PRP" or any(
        t.ent_type_ in SPEAKING_ENTITY_TYPES or t.pos_ == "PROPN" for t in subtree(subject)
    ):
        return True  # "the columnist David Auerbach", "One early supporter, Representative Lee Zeldin,"
    lemma = subject.lemma_.lower()
    return roles is not None and (
        lemma in roles.heads or lemma in roles.institutions or lemma in roles.bodies
    )


def _colon_cue(verb: Token, colon: Token) -> tuple[int, int]:
    """The cue of a clause handing on to a quotation: the verb group up to the colon ("went even further",
    "was conclusive in its findings", "makes that clear"), or the verb group and its particle alone when a noun
    object or a clause names what was said ("delivered a snappy retort", "played up his strength")."""
    doc, start = verb.doc, verb_group_start(verb)
    objects = [c for c in children(verb) if c.dep_ == "dobj" and c.pos_ != "PRON"]
    clauses = [t for t in doc[verb.i + 1 : colon.i] if t.dep_ in CLAUSE_DEPS]
    broken = any(t.is_punct and not t.is_quote for t in doc[verb.i + 1 : colon.i])  # "…, a voice celebrated"
    if not objects and not clauses and not broken:
        return trim(doc, start, colon.i - 1) or (start, verb.i)
    words = [c.i for c in children(verb) if c.dep_ in COMPLETING_DEPS and c.i == verb.i + 1]  # "played up"
    return (start, max([verb.i, *words]))


def _act_on_object(verb: Token) -> bool:
    """A cue verb doing something to its object rather than judging it, by the event lexicon: "Ruto dismissed
    his entire cabinet" takes offices away (``event_senses.dismisses_someone``; "dismissed the accusations"
    stays a cue), "the president must call snap elections" and "declared a ceasefire" convene or enact an
    event (a naming verb with the noun of an event one convenes as object and no predicate; "called the vote a
    fraud" and "called the shootings a moment like …" judge), and "gunmen attacked the village" is force, not
    words (``event_senses.is_armed``: "Trump attacked Clinton over her emails" stays a cue)."""
    lex = event_lexicon(verb.doc.lang_)
    if lex is None:
        return False
    if verb.lemma_.lower() in lex.verbal_attack_words and verb.pos_ == "VERB":
        return is_armed(lex, verb)
    if verb.lemma_ in lex.naming_verbs:
        kids = children(verb)
        if not any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in kids):
            return any(c.dep_ == "dobj" and _enacted(lex, c) and not _predicated(c) for c in kids)
    return dismisses_someone(lex, verb)


def _declared_act(verb: Token, noun: Token) -> bool:
    """Whether the passive subject of a naming verb is an event or an act it enacts (``_enacted``: "a famine
    was declared", "a ceasefire was declared")."""
    lex = event_lexicon(verb.doc.lang_)
    return lex is not None and verb.lemma_ in lex.naming_verbs and _enacted(lex, noun)


def _enacted(lex: Lexicon, noun: Token) -> bool:
    """Whether a naming verb's object is an event one convenes ("called snap elections") or an act one declares,
    itself or after "of" ("declared independence", "declared a state of emergency"); not words quoted ("declared
    “a total failure”")."""
    if any(quote_mark(t) for t in subtree(noun)):
        return False
    if lex.nouns.get(noun.lemma_) in CONVENED_TYPES or noun.lemma_.lower() in lex.declared_acts:
        return True
    if noun.lemma_.lower() not in lex.declared_act_heads:
        return False
    return any(
        g.lemma_.lower() in lex.declared_acts for c in children(noun) if c.lower_ == "of" for g in children(c)
    )


def _predicated(noun: Token) -> bool:
    """Whether an object is no plain event noun: a name, or a noun with what the parser hung on it as a
    modifier after it, a predicate of the verb's ("called the election **rigged**")."""
    return noun.pos_ != "NOUN" or any(g.i > noun.i and g.dep_ in ("acl", "amod") for g in children(noun))


def _set_phrase(verb: Token, table: CueTable) -> bool:
    """ "All told, the groups spent $2 million", "That said, the race is close": a fixed phrase opening the
    sentence before a comma, the writer's summing up or concession; nobody told or said anything."""
    if verb.i == 0 or verb.i + 1 >= len(verb.doc) or verb.nbor(1).text != ",":
        return False
    word = verb.nbor(-1)
    opens = word.i == 0 or word.nbor(-1).is_punct or word.nbor(-1).is_space
    return opens and (word.lower_, verb.lower_) in table.set_phrases


def _relayed(verb: Token, table: CueTable) -> bool:
    """A cue verb whose words or stance reach us through another source ("“…,” Sanders said, according to
    CNN", "According to the pool report, Obama said …", "majorities want X, according to exit polls"): PolNeAR
    marks the "according to" attribution alone, its content the clause with the verb in it (for speech verbs
    9 of 10 times on train; 4 of 4 with the phrase first)."""
    phrase = next((c for c in children(verb) if c.dep_ == "prep" and _according(c, table)), None)
    if phrase is None:
        return False
    # "X says the plan will fail, according to …": the phrase closes the reported clause, not the speech
    return not any(c.dep_ in CLAUSE_DEPS and verb.i < c.i < phrase.i for c in children(verb))


def _unmarked_gerund(verb: Token, table: CueTable) -> bool:
    """A gerund of a stance verb that names a position or an act more than a stance someone took in words ("a
    bloc opposing the government", "favoring a coup", "sharing a post", "highlighting the threats"): PolNeAR
    marks few of them (``quiet_gerunds``)."""
    return verb.tag_ == "VBG" and verb.lemma_.lower() in table.quiet_gerunds


def _modifier_participle(verb: Token) -> bool:
    """A participle right after a determiner, a possessive "’s" or a number, before a noun ("the pledged
    delegates", "the party’s pledged delegates", "271 pledged delegates"): an adjective inside a noun phrase,
    whatever the parser made of it, not a verb anyone spoke with."""
    if verb.tag_ not in PARTICIPLE_LIKE_TAGS or verb.i == 0 or verb.i + 1 >= len(verb.doc):
        return False
    before, after = verb.doc[verb.i - 1], verb.doc[verb.i + 1]
    if before.tag_ == "DT" and before.head.i <= verb.i:
        return False  # "have both supported the plan": a quantifier floated before the verb
    return before.tag_ in MODIFIER_OPENERS and before.dep_ not in SUBJECT_DEPS and after.pos_ == "NOUN"


def _self_prefix(verb: Token, table: CueTable) -> Token | None:
    """The "self" of "a self-described socialist", "the self-proclaimed leader" (a cue participle joined to
    it by a hyphen), read from the tags."""
    if verb.i < 2 or verb.tag_ not in PARTICIPLE_LIKE_TAGS or verb.lemma_.lower() not in table.all_verbs:
        return None
    hyphen, prefix = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return prefix if hyphen.tag_ == "HYPH" and prefix.lower_ in table.self_prefixes else None


def _self_attribution(doc: Doc, verb: Token, prefix: Token, table: CueTable, base: int) -> Attribution | None:
    """ "A self-described democratic socialist": PolNeAR's source is "self", its cue the participle and its
    content the words after it up to the noun it describes. A name ("the self-described Islamic State") is
    no description, and a speaker's ("the self-described socialist said …") is left to the speaker, as PolNeAR
    leaves it (4 of PolNeAR train's 11 "self-described" on 0-400 are such, none marked)."""
    noun = verb.head
    if verb.dep_ != "amod" or noun.pos_ != "NOUN" or noun.i <= verb.i:
        return None
    if noun.dep_ in SUBJECT_DEPS and _is_cue_verb(noun.head, table):
        return None
    content = trim(doc, verb.i + 1, noun.i)
    if content is None:
        return None
    return _record(doc, base, (verb.i, verb.i), (prefix.i, prefix.i), prefix, content, content)


def _stance_asked(verb: Token, table: CueTable) -> bool:
    """ "Do you support the senator?": a stance the question asks the reader about, which nobody took (the
    "Like the page" lines under web articles); a Q&A's "Do you think …?" stays, as a belief."""
    lemma = verb.lemma_.lower()  # the cheap tests first: this runs for every cue candidate
    if (
        lemma not in table.stances
        or lemma in table.verbs
        or lemma in table.beliefs
        or lemma in table.intentions
    ):
        return False
    sentence = verb.sent
    return (
        sentence[-1].text == "?"
        and sentence[0].lemma_.lower() == "do"
        and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in children(verb))
    )


def _chain_head(verb: Token, table: CueTable) -> bool:
    """A quote-only verb heading an infinitive cue ("went on to say:", "continues to insist"): the cue is the
    chain, which the infinitive's attribution carries (``_chain_top``)."""
    if verb.lemma_.lower() not in table.quote_only:
        return False
    return any(
        c.dep_ == "xcomp"
        and c.i > verb.i
        and _is_cue_verb(c, table)
        and any(a.tag_ == "TO" for a in children(c))
        for c in children(verb)
    )


def _asked_about(verb: Token, table: CueTable) -> bool:
    """The verb of an embedded question after a preposition ("waffled as to whether he would support Trump",
    "questions about how they would respond"): what is asked or unknown, not anything attributed."""
    if verb.dep_ != "pcomp":
        return False
    return any(
        (c.dep_ == "mark" and c.lower_ in table.whether) or (c.tag_ == "WRB" and c.i < verb.i)
        for c in children(verb)
    )


def _raising_frame(verb: Token, table: CueTable) -> bool:
    """ "X seems to Y", "X is expected to Y" (with no "by" agent): the verb is a cue only with its
    infinitive, and PolNeAR names no source; "seemed tired" is no attribution at all."""
    lemma = verb.lemma_.lower()
    passive = _passive(verb)
    if not (lemma in table.raisings and not passive) and not (
        lemma in table.passive_raisings and passive and _agent(verb) is None
    ):
        return False
    return lemma in table.raisings or _infinitive(verb) is not None


def _label_prep(verb: Token, table: CueTable) -> Token | None:
    """The "for" or "as" of "X is known for Y" / "X is known as Y" (a pair of ``passive_labels``, no "by"
    agent): what people at large say of X, with no source."""
    if not _passive(verb) or _agent(verb) is not None:
        return None
    lemma = verb.lemma_.lower()
    return next(
        (
            c
            for c in children(verb)
            if c.dep_ == "prep"
            and c.i > verb.i
            and (lemma, c.lower_) in table.passive_labels
            and list(children(c))
        ),
        None,
    )


def _label_attribution(doc: Doc, verb: Token, prep: Token, base: int) -> Attribution | None:
    """The cue runs from the verb group over the preposition ("is best known for"); the content is the subject
    and the preposition's object, the two pieces around the cue."""
    subjects = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    if not subjects:
        return None
    content = trim(doc, subjects[0].left_edge.i, prep.right_edge.i)
    if content is None:
        return None
    cue = (verb_group_start(verb), prep.i)
    return _record(doc, base, cue, None, None, content, content, gap=cue)


def _infinitive(verb: Token) -> Token | None:
    """The "to" infinitive the verb governs ("seems to be", "is expected to win"), when it has one."""
    return next(
        (c for c in children(verb) if c.dep_ == "xcomp" and c.i > verb.i and to_infinitive(c)),
        None,
    )


def _raised_complement(verb: Token, table: CueTable) -> Token | None:
    """What a raising verb says of its subject: its infinitive, or for "seem"/"appear" an adjective ("The plan
    seems doomed", "Washington appears weak"), which PolNeAR marks as it marks the infinitive, with no source
    ("appears Washington weak"). Without either ("appeared on stage") the verb attributes nothing; nor does a
    gerund or an infinitive with its adjective ("trying to appear moderate", "Appearing subdued, …"), a look
    someone puts on, not one anybody saw."""
    infinitive = _infinitive(verb)
    if infinitive is not None or verb.lemma_.lower() not in table.raisings:
        return infinitive
    if verb.tag_ == "VBG" or to_infinitive(verb):
        return None
    return next((c for c in children(verb) if c.dep_ in RAISED_DEPS and c.i > verb.i), None)


def _raising_attribution(
    doc: Doc, verb: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """The cue is the verb group ("is expected"); the content is the subject and the infinitive (or the
    adjective), the two pieces around the cue."""
    infinitive = _raised_complement(verb, table)
    if infinitive is None:
        return None
    seeming = _seeming_cue(doc, verb, infinitive, table, base, max_speaker)
    if seeming is not None:
        return seeming
    subjects = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    start = subjects[0].left_edge.i if subjects else infinitive.left_edge.i
    content = trim(doc, start, infinitive.right_edge.i)
    if content is None:
        return None
    cue = (verb_group_start(verb), verb.i)
    return _record(doc, base, cue, None, None, content, content, gap=cue)


def _seeming_cue(
    doc: Doc, verb: Token, infinitive: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "Obama seemed to recognize the stakes", "She appeared to imply that …": a cue verb after "seem" or
    "appear" is the subject's attribution, its cue running from "seemed" (on all train, 30 of the 32 gold cues
    "seem/appear to V" have a source); the infinitive's object or clause is the content."""
    if verb.lemma_.lower() not in table.raisings or not _is_cue_verb(infinitive, table):
        return None
    found = _verb_attribution(doc, infinitive, table, base, max_speaker)
    if found is None:
        return None  # "seemed to recognize the risk": a belief with no clause, the raising cue's alone
    return replace(found, cue_start=base + doc[verb_group_start(verb)].idx)


def _made_clear(verb: Token, table: CueTable) -> Token | None:
    """The "clear" of "made clear" or "made it clear" (tags alone): a verb and adjective that together state
    something ("made it clear that she would run"), when ``verb`` is such a verb."""
    if verb.pos_ != "VERB":
        return None
    doc, lemma = verb.doc, verb.lemma_.lower()
    for i in range(verb.i + 1, min(verb.i + 3, len(doc))):  # no Span: asked in planning of the whole document
        word = doc[i]
        if (lemma, word.lower_) in table.verb_adjectives:
            return word
        if word.lower_ not in table.expletives:
            return None
    return None


def _made_clear_attribution(
    doc: Doc, verb: Token, adjective: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "She has made it clear that she would run": the cue runs from the verb group to the adjective, the
    content is the clause after it (whichever word the parser hung it on), the verb's subject the source."""
    if adjective.i + 1 >= len(doc):
        return None
    after = [
        c for head in (verb, adjective) for c in rights(head) if c.i > adjective.i and c.dep_ in CLEAR_DEPS
    ]
    if not after:
        return None
    content = trim(doc, adjective.i + 1, max(c.right_edge.i for c in after))
    if content is None:
        return None
    subject = _subject(verb, table)
    speaker = speaker_span(subject, max_speaker) if subject is not None else None
    cue = (verb_group_start(verb), adjective.i)
    return _record(doc, base, cue, speaker, subject, content, content)


def _light_attribution(
    doc: Doc, verb: Token, noun: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "She made the case that …": the verb's subject is the source of what ``light_reading`` finds; a
    verb of the tables without such a reading is read as usual."""
    reading = light_reading(doc, verb, noun, table)
    if reading is None:
        if verb.lemma_.lower() in table.all_verbs:
            return _verb_attribution(doc, verb, table, base, max_speaker)
        return _issued_before_colon(doc, verb, noun, table, base, max_speaker)
    content, end = reading
    if content is None:
        return None
    subject = _subject(verb, table)
    speaker = speaker_span(subject, max_speaker) if subject is not None else None
    cue = (verb_group_start(_chain_top(verb, table)), end)
    return _record(doc, base, cue, speaker, subject, content, content)


def _issued_before_colon(
    doc: Doc, verb: Token, noun: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "The club issued a statement: “…”", "… a statement on Monday: “…”": a text put out whose colon hands on
    to the quotation after it (or ends the sentence before it), the verb's subject its source; the cue runs
    from the verb over the noun, as for "issued a statement saying"."""
    if noun.lemma_.lower() not in table.issued_texts:
        return None
    colon = next((t for t in doc[noun.i + 1 : noun.i + MAX_ISSUED_GAP + 2] if t.is_punct), None)
    if colon is None or colon.text != ":" or (colon.i + 1 < len(doc) and not quote_mark(doc[colon.i + 1])):
        return None
    subject = _subject(verb, table)
    speaker = speaker_span(subject, max_speaker) if subject is not None else None
    cue = (verb_group_start(_chain_top(verb, table)), noun.i)
    return _record(doc, base, cue, speaker, subject, None, (verb.left_edge.i, len(doc) - 1))


def _adjective_attribution(
    doc: Doc, found: AdjectiveCue, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "They were critical of the plan": the verb's subject (or the noun the adjective describes) holds the
    stance; inside what a speech verb or a belief reports ("said voters were wary of it") the stance is part
    of that content, as for a verb."""
    if found.verb is not None and (_nested(found.verb, table) or that_clause(found.verb, table)):
        return None
    holder = _subject(found.verb, table) if found.verb is not None else found.holder
    if holder is not None and holder.lower_ in table.expletives:  # "it is worrying that …": nobody's
        return None
    speaker = speaker_span(holder, max_speaker) if holder is not None else None
    # "officials angry about": the adjective's cue is no part of its holder
    if speaker is not None and speaker[0] < found.cue[0] <= speaker[1]:
        speaker = trim(doc, speaker[0], found.cue[0] - 1)
    return _record(doc, base, found.cue, speaker, holder, found.content, found.content)


def _noun_cue_attribution(found: NounCue | None, doc: Doc, base: int, max_speaker: int) -> Attribution | None:
    """A noun's cue ("her call for a ban") as an attribution, its possessor the source."""
    if found is None:
        return None
    speaker = speaker_span(found.owner, max_speaker) if found.owner is not None else None
    return _record(doc, base, found.cue, speaker, found.owner, found.content, found.content)


def _agent(verb: Token) -> Token | None:
    """The "by" phrase's object of a passive verb ("was first reported by Politico"), when it has one."""
    for child in children(verb):
        if child.dep_ == "agent":
            return next((c for c in children(child) if c.dep_ == "pobj"), None)
    return None


def _passive_attribution(
    doc: Doc, verb: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "The meeting was first reported by Politico", "The plan was criticized by unions": the agent is the
    source and the passive subject the content (a "that"/"which" subject names nothing and is skipped)."""
    subjects = [c for c in children(verb) if c.dep_ == "nsubjpass" and c.tag_ not in RELATIVE_TAGS]
    agent = _agent(verb)
    if agent is None or agent.lemma_.lower() in table.measure_agents:
        return None  # "was confirmed by a margin of nine votes": how much, not who
    if not subjects:
        return _asked_by(doc, verb, agent, table, base, max_speaker) or _reported_by(
            doc, verb, agent, table, base, max_speaker
        )
    content = trim(doc, subjects[0].left_edge.i, subjects[0].right_edge.i)
    if content is None:
        return None
    speaker = _agent_span(verb, agent, table, max_speaker)
    cue = (verb_group_start(verb), verb.i)  # "was echoed by X": PolNeAR leaves the "by" out more often
    return _record(doc, base, cue, speaker, agent, content, content)


def _asked_by(
    doc: Doc, verb: Token, agent: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "Asked by a reporter whether …, Trump said": the asker the agent names is the question's source (with
    no agent, ``_question_attribution`` leaves the asker unnamed)."""
    if verb.lemma_.lower() not in table.questions or any(c.dep_ in SUBJECT_DEPS for c in children(verb)):
        return None
    content = (
        content_of(doc, verb, table) or _question_clause(doc, verb, table) or _question_topic(verb, table)
    )
    if content is None or content[0] < agent.i:
        return None
    speaker = _agent_span(verb, agent, table, max_speaker)
    return _record(doc, base, _cue_tokens(verb, table, content), speaker, agent, content, content)


def _reported_by(
    doc: Doc, verb: Token, agent: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """ "As reported by the Ledger, investigators found …", "…, as first reported by the Times": the agent of a
    passive speech verb in an "as" clause is the source of the clause the phrase hangs on, unless that clause
    is a report of its own ("Carson noted in an interview, as reported by BuzzFeed": the words are Carson's)."""
    if not as_clause(verb, table) or verb.head.lemma_.lower() in table.verbs:
        return None
    if (content := content_of(doc, verb, table)) is None:
        return None
    speaker = _agent_span(verb, agent, table, max_speaker)
    return _record(doc, base, _cue_tokens(verb, table, content), speaker, agent, content, content)


def _agent_span(verb: Token, agent: Token, table: CueTable, max_speaker: int) -> tuple[int, int]:
    """The agent's phrase without the "as" of a regard verb that the parser hung on it ("was seen by many as a
    spoiler"): what the agent sees the subject as is no part of the agent."""
    speaker = speaker_span(agent, max_speaker)
    if verb.lemma_.lower() not in table.regards:
        return speaker
    complements = [c.i for c in rights(agent) if c.dep_ == "prep" and c.lower_ == "as"]
    cut = trim(agent.doc, speaker[0], complements[0] - 1) if complements else None
    return cut if cut is not None and cut[0] <= agent.i <= cut[1] else speaker


def _question_attribution(doc: Doc, verb: Token, table: CueTable, base: int) -> Attribution | None:
    """ "Asked whether the deal was dead, …", "She was asked about the leak": the question is attributed to
    an asker the sentence does not name (PARC/PolNeAR mark it with no source). Other passive speech verbs
    ("it should be noted") attribute nothing."""
    if verb.lemma_.lower() not in table.questions:
        return None
    content = (
        content_of(doc, verb, table) or _question_clause(doc, verb, table) or _question_topic(verb, table)
    )
    if content is None or content[0] < verb.i:
        return None
    return _record(doc, base, _cue_tokens(verb, table, content), None, None, content, content)


def _question_topic(verb: Token, table: CueTable) -> tuple[int, int] | None:
    """ "Asked Tuesday about the leak, …", "When asked at a briefing about her role, …": a participle of asking
    whose "about" comes after a time, a place or the asker is asked that phrase, "about" and all (PolNeAR's
    content; right after the verb, "asked about", the preposition is the cue's). Only a participle with no
    object: "asked the mayor at a rally about …" is ``_asked_about``'s listener reading, not this."""
    if verb.tag_ != "VBN" or any(c.dep_ in QUESTION_OBJECT_DEPS for c in children(verb)):
        return None
    doc = verb.doc
    for token in tokens(doc)[verb.i + 2 : verb.right_edge.i + 1]:
        if token.text in CLAUSE_STOPS:
            return None
        if token.lower_ in table.topic_preps and token.dep_ == "prep" and _hangs_on(token, verb):
            return trim(doc, token.i, token.right_edge.i)
    return None


def _hangs_on(token: Token, verb: Token) -> bool:
    """Whether ``token`` hangs on ``verb`` through prepositions and their objects only ("asked at the
    conference about …": the parser may hang "about" on "conference")."""
    while token.i != verb.i and token.dep_ in TOPIC_PATH_DEPS:
        token = token.head
    return token.i == verb.i


def _unsourced_passive(doc: Doc, verb: Token, table: CueTable, base: int) -> Attribution | None:
    """ "Sanders was declared the winner", "The price was not disclosed", "it was revealed that …": a passive
    verb of announcing with no "by" phrase reports what some unnamed source made known. PolNeAR marks it with
    no source; the content is the that-clause, or the subject with what the verb says of it ("the winner",
    "as a backer"), in two pieces around the cue."""
    if verb.lemma_.lower() not in table.passive_reports or not any(
        c.dep_ == "auxpass" for c in children(verb)
    ):
        return None
    cue = (verb_group_start(verb), verb.i)
    clause = content_of(doc, verb, table) if any(c.dep_ == "ccomp" for c in rights(verb)) else None
    if clause is not None:
        return _record(doc, base, cue, None, None, clause, clause)
    subjects = [c for c in children(verb) if c.dep_ == "nsubjpass" and c.lower_ not in table.expletives]
    if not subjects or subjects[0].i > verb.i:
        return None
    complements = [c for c in rights(verb) if c.dep_ in PASSIVE_COMPLEMENT_DEPS or c.lower_ in table.as_marks]
    if not complements and _declared_act(verb, subjects[0]):
        return None  # "A famine was declared in the camp": an act, not what was said
    end = complements[0].right_edge.i if complements else subjects[0].right_edge.i
    content = trim(doc, subjects[0].left_edge.i, end)
    if content is None:
        return None
    gap = (cue[0], complements[0].left_edge.i - 1) if complements else None  # "was revealed last week as …"
    return _record(doc, base, cue, None, None, content, content, gap=gap)


def _question_clause(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """ "Ramos asked the candidate if he would run": the "if"/"whether" clause after an active verb of asking,
    which the parser hangs on it as an adverbial clause, is the question asked (PolNeAR's content, without the
    addressee); in the opener "Asked if the plan was legal, voters said …" it is the question put to an asker
    the sentence does not name."""
    if verb.lemma_.lower() not in table.questions:
        return None
    for child in rights(verb):
        if child.dep_ == "advcl" and child.left_edge.lower_ in table.whether:
            return trim(doc, child.left_edge.i, child.right_edge.i)
    return None


def _nested(verb: Token, table: CueTable) -> bool:
    """A belief, plan or stance inside what a speech verb, a belief or a finding reports ("Clinton says she
    wants to expand …", "polls show most voters favor the ban", "I know you don't want to"): PolNeAR marks the
    outer cue only; the inner verb is part of its content. An infinitive of purpose ("came to support her") is
    no attribution either."""
    if second_cue(verb, table) is not None:
        return False
    # a speech verb inside a reported clause is an attribution of its own ("said that the mayor announced …"), but
    # not with a modal or a negation ("said she would announce", "said he did not recall"): no speech took place;
    # "said the council never asked for the money": with its preposition a speech verb makes a request, as a stance
    hypothetical = any(c.tag_ == "MD" or c.dep_ == "neg" for c in children(verb))
    if _speech(verb, table) and cue_prep(verb, table) is None and not hypothetical:
        return False
    if verb.dep_ in PURPOSE_DEPS and to_infinitive(verb):
        return True  # "turned out to support Clinton", "no evidence to support it": a purpose, not a stance
    child = verb
    for ancestor in list(verb.ancestors)[:MAX_NESTING]:
        if child.dep_ in CLAUSE_DEPS and ancestor.pos_ == "VERB" and _reports(ancestor, table):
            return True
        child = ancestor
    return False


def _reports(verb: Token, table: CueTable) -> bool:
    """A verb whose clause reports what someone said ("pointed out" too), believes or found (no union of the
    tables built per call)."""
    lemma = verb.lemma_.lower()
    return lemma in table.beliefs or lemma in table.findings or _speech(verb, table)


def _gerund_object(verb: Token, table: CueTable) -> bool:
    """A gerund with no subject after a preposition of reason or manner ("criticized her for saying …",
    "refrained from attacking him", "no way of knowing"): it names what someone is blamed or known for, not an
    attribution of its own, and PolNeAR leaves it unmarked ("by saying", "after saying" stay cues)."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ in table.gerund_preps
        and not any(c.dep_ in SUBJECT_DEPS for c in children(verb))
    )


def _noun_complement(verb: Token, table: CueTable) -> bool:
    """The verb of a that-clause or an infinitive completing a noun ("reports that Trump planned to …", "the
    fact that he opposed the war", "efforts to admit refugees", "requests to comment"): the clause says what
    the report or effort is about, and PolNeAR marks no attribution in it. (Participles, "a petition calling
    for …", and verbs the parser hung on a noun by mistake stay cues.)"""
    if verb.dep_ != "acl" or verb.tag_ in PARTICIPLE_TAGS or verb.head.pos_ not in NOUN_POS:
        return False
    return any(
        (c.dep_ == "mark" and c.lower_ in table.that) or (c.dep_ == "aux" and c.tag_ == "TO")
        for c in children(verb)
    )


def _impersonal(verb: Token, table: CueTable) -> bool:
    """An infinitive after "it is hard/important/too soon" ("it's hard to imagine him winning", "it is too
    soon to say whether …"): the writer's aside, which names no source, and PolNeAR mostly marks none."""
    if verb.dep_ != "xcomp" or not to_infinitive(verb):
        return False
    head = verb.head
    while head.dep_ in {"acomp", "advmod"} and head.pos_ in {"ADJ", "ADV"} and head.head.i != head.i:
        head = head.head
    subjects = [c for c in children(head) if c.dep_ in SUBJECT_DEPS]
    return _copula(head) and any(c.lower_ in table.expletives for c in subjects)


def _copula(token: Token) -> bool:
    """A form of "be", including a "’s" with a curly apostrophe, which spaCy lemmatizes as "’" or "’s" (and
    may tag as an adverb); a possessive "’s" is tagged POS."""
    return token.lemma_.lower() == "be" or (token.norm_ == "'s" and token.tag_ != "POS")


def _embedded(verb: Token, table: CueTable) -> bool:
    """An infinitive that is the content of a cue verb above it ("declined to comment", "pledged to oppose
    the bill"): PARC/PolNeAR mark one attribution, whose cue is the head."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.i < verb.i
        and _is_cue_verb(head, table)
        and head.lemma_.lower() not in table.quote_only  # "continues to insist": one cue, the whole chain
        and (not _addressed(head, table) or _raising_frame(head, table))
    )


def _noun_attribution(noun: Token, table: CueTable, base: int, max_speaker: int) -> Attribution | None:
    """ "Her claim that taxes will fall": the noun is the cue, its possessor the source, its that-clause the
    content. A noun without a that-clause names no content and is no attribution; nor does a relative clause
    ("the speech that he gave"), whose "that" is a pronoun, not a complementizer."""
    clauses = [
        c
        for c in children(noun)
        if c.dep_ in NOUN_CLAUSE_DEPS
        and c.i > noun.i
        and c.left_edge.lower_ in table.that
        and c.left_edge.dep_ == "mark"
    ]
    if not clauses or _denied_existence(noun):
        return None
    owners = [c for c in children(noun) if c.dep_ == "poss"]
    speaker = speaker_span(owners[0], max_speaker) if owners else None
    content = trim(noun.doc, clauses[0].left_edge.i, clauses[0].right_edge.i)
    verb = _statement_verb(noun, table)
    if verb is not None:  # "said in a statement that …", the clause hung on the noun: the verb's attribution
        subject = _subject(verb, table)
        speaker = speaker_span(subject, max_speaker) if subject is not None else None
        cue = (_cue_tokens(verb, table, content)[0], noun.i)
        return _record(noun.doc, base, cue, speaker, subject, content, content or cue)
    return _record(
        noun.doc,
        base,
        (noun_cue_start(noun), noun.i),
        speaker,
        owners[0] if owners else None,
        content,
        content or (noun.i, noun.i),
    )


def _copula_attribution(noun: Token, table: CueTable, base: int, max_speaker: int) -> Attribution | None:
    """ "His argument is that taxes will fall": a statement noun whose copula takes a that-clause. PolNeAR's cue
    runs from the noun's phrase after its possessor to the copula ("Their | fear is | that …", "The idea is"),
    the possessor is the source and the clause the content."""
    copula = noun.head
    if noun.lemma_.lower() not in table.copula_nouns or noun.dep_ != "nsubj" or not _copula(copula):
        return None
    clauses = [
        c
        for c in children(copula)
        if c.dep_ == "ccomp" and c.i > copula.i and c.left_edge.lower_ in table.that
    ]
    content = trim(noun.doc, clauses[0].left_edge.i, clauses[0].right_edge.i) if clauses else None
    if content is None or copula.i < noun.i:
        return None
    owners = [c for c in children(noun) if c.dep_ == "poss"]
    owner = owners[0] if owners else None
    speaker = speaker_span(owner, max_speaker) if owner is not None else None
    cue = (owner.right_edge.i + 1 if owner is not None else noun.left_edge.i, copula.i)
    return _record(noun.doc, base, cue, speaker, owner, content, content)


def _denied_existence(noun: Token) -> bool:
    """ "There is no doubt that …", "there is little fear that …": the writer's own assertion, no one's doubt."""
    existential = noun.dep_ == "attr" and any(c.dep_ == "expl" for c in children(noun.head))
    return existential and any(
        c.lower_ in ("no", "little") for c in children(noun) if c.dep_ in ("det", "amod")
    )


def _statement_verb(noun: Token, table: CueTable) -> Token | None:
    """The speech verb of "said in a statement", when ``noun`` is its statement noun."""
    prep = noun.head
    if (
        noun.dep_ != "pobj"
        or prep.lower_ not in table.statement_preps
        or noun.lemma_.lower() not in table.statement_nouns
    ):
        return None
    verb = prep.head
    return verb if verb.i < prep.i and verb.pos_ == "VERB" and _speech(verb, table) else None


def headline_attributions(parsed: Parsed, table: CueTable, inside: Inside) -> list[Attribution]:
    """ "Lavrov: Moscow is ready to talk" — a line opening with a short name and a colon reports its words.

    Headlines, news summaries and interview transcripts ("TAPPER: Do you think …") use this form; the tagger
    alone decides (a capitalized name of at most ``MAX_LABEL_TOKENS`` nouns, no number, no verb), so no parse
    is needed.
    """
    doc = parsed.doc
    found = []
    for first, colon, end in label_lines(parsed, table, inside):
        content = _opening_quotation(doc, colon, end, inside) or trim(doc, colon + 1, end - 1)
        if (
            content is None
            or doc[first].pos_ in LABEL_OPENERS
            or not any(t.is_alpha for t in doc[colon + 1 : end])
        ):
            continue  # "For instance: …", "Among the votes: …", "Clinton: 547.": no speaker's label
        last = _label_speaker_end(doc, first, colon, table)
        found.append(_record(doc, 0, (colon, colon), (first, last), doc[last], content, (first, end - 1)))
    return found


def _label_speaker_end(doc: Doc, first: int, colon: int, table: CueTable) -> int:
    """The last word of a label line's speaker: the word before a preposition naming the topic or the listener
    ("Clinton on Trade: …", "Obama To Donors: …"), else the word before the colon."""
    topic = next((t.i for t in doc[first + 1 : colon] if t.lower_ in table.label_topics), None)
    return topic - 1 if topic is not None else colon - 1


def _opening_quotation(doc: Doc, colon: int, end: int, inside: Inside) -> tuple[int, int] | None:
    """The quotation a label's colon opens, when one does ("Jones: “…” [Gallup]"): the words, not the line,
    whose source note after the closing mark is the writer's."""
    if colon + 1 >= end:
        return None
    start = doc[colon + 1].idx
    quotation = next((inside.quoted[i] for i in inside.overlapping(start, start + 1)), None)
    if quotation is None or quotation.start != start:
        return None
    last = max((t.i for t in doc[colon + 1 : end] if t.idx < quotation.end), default=None)
    return (colon + 1, last) if last is not None else None


def _addressed(verb: Token, table: CueTable) -> bool:
    """A passive speech verb: its subject was spoken to ("Ryan was asked", "Asked about it, Ryan said"), or
    nobody speaks ("it should be noted that …"). Either way the verb names no speaker. A participle with a perfect
    "have" ("while the governor has opposed …", "Having announced that …") is active: its subject speaks, and so
    does a past the tagger read as a participle in a clause of its own (``_set_off_clause``)."""
    if _passive(verb):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() in table.perfect_auxiliaries for c in children(verb))
    active = perfect or _set_off_clause(verb)
    return verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and not active


def _set_off_clause(verb: Token) -> bool:
    """An adverbial clause opened by "as", "when"… with a subject of its own, set off by a comma ("As the paper's
    unit reported, …"); not "with the ire focused on" (an absolute phrase) nor "as two officers charged over
    the shooting prepared to …" (a participle of the subject the parser made a clause)."""
    kids = children(verb)
    marked = any(c.dep_ == "mark" and c.lower_ not in ABSOLUTE_MARKS for c in kids)
    if verb.dep_ != "advcl" or not marked or not any(c.dep_ == "nsubj" for c in kids):
        return False
    before = verb.left_edge.i - 1
    return (before >= 0 and verb.doc[before].text == ",") or comma_after(verb)


def _according(token: Token, table: CueTable) -> bool:
    if token.lower_ not in table.according_words:  # asked of every token of a parsed sentence
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and (token.lower_, nxt.lower_) in table.according


def _poll_ahead(token: Token, table: CueTable) -> bool:
    """A poll named a few words after ``token`` ("in a new CNN/ORC poll"), read from the tags alone: a
    singular poll noun before a comma, a full stop or a verb ("CNN/ORC", "Post-ABC" go on)."""
    doc = token.doc
    for i in range(token.i + 1, min(token.i + MAX_POLL_PHRASE, len(doc))):  # no Span: asked in planning
        word = doc[i]
        if word.lower_ in table.poll_nouns and word.tag_ == "NN":
            return True
        if word.text in CLAUSE_STOPS or word.pos_ in VERBAL_POS:
            return False
    return False


def _poll_phrase(token: Token, table: CueTable) -> bool:
    """ "In a Gallup poll, 52 percent back the plan": the phrase opens the clause and its object is one poll,
    which PolNeAR reads as the clause's source ("in the polls" is a standing, not a source). When the clause's
    verb is a cue of its own ("In a poll, the firm found …") that verb's subject is the source."""
    objects = [c for c in children(token) if c.dep_ == "pobj"]
    if not objects or objects[0].lower_ not in table.poll_nouns or objects[0].tag_ != "NN":
        return False
    return token.i == token.head.left_edge.i and not _is_cue_verb(token.head, table)


def _view_ahead(token: Token, table: CueTable) -> bool:
    """A possessed noun of opinion a few words after ``token`` ("in her view", "in the mayor's opinion"), read
    from the tags alone (planning)."""
    doc = token.doc
    for i in range(token.i + 1, min(token.i + MAX_VIEW_PHRASE, len(doc))):  # no Span: asked in planning
        word = doc[i]
        if word.lower_ in table.view_nouns:
            return doc[i - 1].tag_ in POSSESSIVE_TAGS or doc[i - 2].tag_ in POSSESSIVE_TAGS
        if word.text in CLAUSE_STOPS or word.pos_ in VERBAL_POS:
            return False
    return False


def _view_noun(token: Token, table: CueTable) -> Token | None:
    """The noun of "In her view, the plan will fail": the phrase hangs on the clause's verb and its object is a
    noun of opinion with a possessor and nothing after it, whose opinion the clause is (PolNeAR: the noun is
    the cue, the possessor the source; 4 of the 5 such phrases on train 400-800 are gold cues, "’s view" the
    fifth). When that verb is a cue of its own, its attribution reports the clause."""
    objects = [c for c in children(token) if c.dep_ == "pobj" and c.lower_ in table.view_nouns]
    if not objects or not any(c.dep_ == "poss" for c in children(objects[0])):
        return None
    if objects[0].right_edge.i != objects[0].i:
        return None  # "in our view from the hill": a sight, not an opinion
    head = _view_clause(token)
    return objects[0] if head.pos_ in VERBAL_POS and not _is_cue_verb(head, table) else None


def _view_clause(token: Token) -> Token:
    """The verb of the clause an opinion phrase is set in; the parser may hang a phrase set off by commas
    after the subject on the subject ("The step, in her view, is …")."""
    head = token.head
    set_off = token.i > 0 and token.doc[token.i - 1].text == ","
    return head.head if set_off and head.dep_ in SUBJECT_DEPS and head.head.i > token.i else head


def _view_attribution(token: Token, noun: Token, base: int, max_speaker: int) -> Attribution:
    """ "In her view, CONTENT" / "CONTENT, in her view, CONTENT": the possessor is the speaker, the noun the
    cue and the clause around the phrase the content."""
    owner = next(c for c in children(noun) if c.dep_ == "poss")
    doc, head = token.doc, _view_clause(token)
    phrase = (token.left_edge.i, token.right_edge.i)
    clause = (head.left_edge.i, head.right_edge.i)
    content = around_phrase(doc, clause, phrase)
    if content is not None:
        content = without_opener(doc, head, content)
    speaker = speaker_span(owner, max_speaker)
    return _record(doc, base, (noun.i, noun.i), speaker, owner, content, clause, gap=phrase)


def _according_attribution(token: Token, to: Token, base: int, max_speaker: int) -> Attribution:
    """ "According to X, CONTENT" (``to`` is the phrase's last word, whose object X is; "in a poll" is one
    word): X is the speaker, the clause around the phrase is the content."""
    objects = [c for c in children(to) if c.dep_ == "pobj"]
    speaker = speaker_span(objects[0], max_speaker) if objects else None
    head = token.head if token.head.i != token.i else token
    cue = (token.i, to.i)
    copula = token.doc[token.i - 1] if token.i > 0 else token
    subjects = [c for c in children(head) if c.dep_ in SUBJECT_DEPS and c.i < copula.i]
    phrase: tuple[int, int] | None = None
    if _copula(copula) and copula.head.i in {token.i, head.i} and subjects:  # "That's according to X"
        content = trim(token.doc, subjects[0].left_edge.i, subjects[0].right_edge.i)
        cue = (copula.i, to.i)
        clause = (head.left_edge.i, head.right_edge.i)
    else:
        if speaker is not None and token.i < head.i:
            speaker = _opening_source(token.doc, speaker)
        while head.dep_ == "conj" and head.head.i < head.i:  # "A won, B lost and C quit, according to X"
            head = head.head
        phrase = (token.left_edge.i, max(token.right_edge.i, to.i))
        head = _closing_whole(head, phrase)
        clause = (head.left_edge.i, head.right_edge.i)
        content = around_phrase(token.doc, clause, phrase)
        if content is not None:
            content = without_opener(token.doc, head, content)
    owner = objects[0] if objects else None
    return _record(token.doc, base, cue, speaker, owner, content, clause, gap=phrase)


def _closing_whole(head: Token, phrase: tuple[int, int]) -> Token:
    """The sentence's main verb when "…, according to X." closes the sentence but the parser hung it on an
    adverbial clause ("a sailor lost a thumb when guards boarded the boats, according to Manila": Manila says
    all of it), else ``head``."""
    doc = head.doc
    before, after = phrase[0] - 1, phrase[1] + 1
    closing = after >= len(doc) or doc[after].text in SENTENCE_ENDS
    if before < 0 or doc[before].text != "," or not closing:
        return head
    while head.dep_ == "advcl" and head.head.i < head.i:
        head = head.head
    return head


def _hearsay_attribution(adverb: Token, table: CueTable, base: int) -> Attribution | None:
    """ "The FBI is reportedly making arrangements to …": the writer passes on what unnamed others say. PolNeAR's
    cue is the adverb, with no source, and the clause around it the content (two pieces when the adverb sits
    inside it); on a cue verb ("reportedly said") the adverb is part of that verb's attribution."""
    head = adverb.head
    if adverb.dep_ != "advmod" or head.i == adverb.i or _is_cue_verb(head, table):
        return None
    doc, phrase = adverb.doc, (adverb.i, adverb.i)
    clause = (head.left_edge.i, head.right_edge.i)
    content = around_phrase(doc, clause, phrase)
    if content is not None:
        content = without_opener(doc, head, content)
    return _record(doc, base, phrase, None, None, content, clause, gap=phrase)


def _evidence_phrase(token: Token, table: CueTable) -> tuple[int, int] | None:
    """The phrase before a finding verb the tagger may have read as a noun ("fundraising documents show.", "FEC
    records from the 2008 cycle show he backed …"), read from the tags alone: nouns, adjectives, determiners,
    and prepositions or participles inside the phrase ("records compiled by the Center"), holding a plural
    evidence noun. Only before a comma, a full stop, a "that" or a pronoun opening the clause shown."""
    doc, start = token.doc, token.i
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    shown = (
        following is None
        or following.text in EVIDENCE_FOLLOWERS
        or following.tag_ == "PRP"
        or following.lower_ in table.that
    )
    if not shown:
        return None
    stops = table.as_marks | table.condition_marks | table.that
    while start > 0 and (
        doc[start - 1].tag_ in EVIDENCE_PHRASE_TAGS
        or (doc[start - 1].tag_ in {"IN", "VBN"} and doc[start - 1].lower_ not in stops)
    ):
        start -= 1
    while start < token.i and doc[start].tag_ in {"IN", "VBN"}:
        start += 1
    evidence = any(t.tag_ == "NNS" and t.lower_ in table.evidence_nouns for t in doc[start : token.i])
    return (start, token.i - 1) if evidence else None


def _evidence_attribution(doc: Doc, token: Token, table: CueTable, base: int) -> Attribution | None:
    """ "The jet was bought in 2011, records show.", "During that stretch, flight records show, the jet flew …",
    "(as the results show, the state is in reach)": the evidence phrase is the source and the clause it sets
    off, before it, after it or around it, the content (``_evidence_phrase``)."""
    source = _evidence_phrase(token, table)
    if source is None:
        return None
    end = next((t.i - 1 for t in doc[token.i + 1 :] if t.text == ")"), len(doc) - 1)
    before = doc[source[0] - 1] if source[0] > 0 else None
    set_off = before is not None and before.text == ","
    after = trim(doc, token.i + 1, end) if token.i + 1 <= end else None
    if after is not None and doc[token.i + 1].text != ",":
        content = after  # "records show he backed …", "records show that …"
    elif not set_off:
        content = after  # "(as the results show, the state is in reach)"; none after "results show."
    elif after is None or doc[after[0] - 1].text != ",":
        content = trim(doc, 0, source[0] - 2)  # "…, records show." / "…, records show, and experts say …"
    elif source[0] > 1 and doc[source[0] - 2].pos_ == "CCONJ":
        content = after  # "… and, records show, does not use the plane"
    else:
        # "During that stretch, records show, the jet flew …": the clause around the phrase, in two pieces
        whole = trim(doc, 0, after[1])
        gap = (source[0] - 1, token.i + 1)
        return _record(doc, base, (token.i, token.i), source, None, whole, whole or source, gap=gap)
    if content is None:
        return None
    return _record(doc, base, (token.i, token.i), source, None, content, content)


def _opening_source(doc: Doc, speaker: tuple[int, int]) -> tuple[int, int]:
    """The source of "According to X, …" opening its clause ends at the first comma, which the parser may
    take for an apposition's or a list's ("According to exit polls, majorities of voters …"): on all train
    PolNeAR's source stops there 67 times and runs past it 5. A title's comma inside quote marks stays, and so
    does a list's with its "and" ("interviews with friends, aides and allies")."""
    for i in range(speaker[0], speaker[1]):
        following = doc[i + 1]
        if doc[i].text != "," or quote_mark(following):
            continue
        listed = following.dep_ == "conj" or following.head.dep_ == "conj"
        if not (listed and any(t.pos_ == "CCONJ" for t in doc[i + 1 : speaker[1] + 1])):
            return trim(doc, speaker[0], i - 1) or speaker
    return speaker


def _verb_attribution(
    doc: Doc, verb: Token, table: CueTable, base: int, max_speaker: int
) -> Attribution | None:
    """A cue verb: its subject (climbing from "adding"/"saying" to the governing verb) and its content.

    Only a speech verb is a cue without content ("…," he said) and governs the quotations around it; a verb of
    another class (belief, intention, finding, stance) attributes nothing but its complement.
    """
    content = (
        content_of(doc, verb, table)
        or _question_clause(doc, verb, table)
        or _loose_regard(doc, verb, table)
        or _quoted_frame_content(doc, verb, table)
    )
    if _wrote_document(verb, table) or _called_back(verb, table):
        return None  # "wrote a book about the war", "wrote a letter saying …" (the "saying" is the cue)
    speech = _speech(verb, table)
    if content is None:
        content = _relative_object(verb, table)
        if content is None and not speech:
            return None
    subject = _subject(verb, table)
    if subject is not None and _demonstrative(subject):
        subject = None  # "That prompted Rubio to call Trump …": an event or a claim, no source PolNeAR marks
    speaker = speaker_span(subject, max_speaker) if subject is not None else None
    if speaker is not None and subject is not None and speaker[0] <= verb.i < subject.i <= speaker[1]:
        # "“…,” tweeted Rubio spokesman Alex Conant": the verb, read as a modifier of the name, is no part of it
        speaker = trim(doc, verb.i + 1, speaker[1])
    if (
        speaker is not None
        and speaker[0] < verb.i <= speaker[1]
        and _whole_group(verb.head, table) == subject
    ):
        # the cue hangs on the speaker's phrase: "two of the groups backing X", "Smith called Friday for …" misread
        speaker = trim(doc, speaker[0], verb.left_edge.i - 1)
    if subject is not None and speaker is not None:
        speaker = _without_occasion(doc, subject, speaker, table)
    if subject is not None and speaker is not None:
        speaker, subject = after_dateline(doc, speaker, subject, verb)
    if subject is not None and speaker is not None and subject == _subject_before_aside(verb):
        speaker = (speaker[0], subject.i)  # the aside misparsed: its words, as parsed, are no phrase to keep
    if subject is not None and speaker is not None and (named := _name_before_role(subject, speaker)):
        speaker, subject = (named.start, speaker[1]), named.head  # "Tom Hale, a top adviser, said"
    name = name_part(subject, speaker) if subject is not None and speaker is not None else None
    if subject is not None and subject.tag_ in RELATIVE_TAGS and subject.head.dep_ == "relcl":
        # "Norton, which declined to comment": PolNeAR's source is the "which"; its antecedent names it
        if subject.lower_ in table.that:
            # "ads that slam Bush", "a sign that read …": a restrictive clause, mostly about a thing; PolNeAR
            # mostly leaves its cue unmarked or names another source (the "that" was right 26 times and wrong
            # 92 on train 0-150/300-840), so no source is better than the pronoun
            if (
                verb.tag_ in PRESENT_TAGS
                and verb.lemma_.lower() not in table.findings
                and not _quotes_in(doc, content)
            ):
                # "a group that calls itself …", "an agenda that favors X": in the simple present the clause says
                # what a thing is like, not what anyone said or did (1 right of 16 on train 0-300); a finding
                # ("a poll that shows …") and a quotation stay
                return None
            speaker, subject, name = None, None, None
        else:
            speaker, subject = (subject.i, subject.i), subject.head.head
            name = trim(doc, subject.left_edge.i, subject.i)
    if speaker is None and verb.tag_ in BARE_TAGS and not _quotes_in(doc, content):
        return None  # "Ask yourself …", "Call it a win", "to support the plan": nobody's attribution
    if content is not None and speaker is not None and content[0] < speaker[0] <= content[1] <= speaker[1]:
        content = trim(doc, content[0], speaker[0] - 1)  # "…, witnesses said" the parser hung on the content
    cue = _cue_tokens(verb, table, content)
    top = _quoted_frame(verb, table) or _chain_top(verb, table)  # "went on to say: “…”": the chain governs
    if verb.dep_ == "parataxis":  # "The war is over, the minister said, and …": the head clause is reported
        top = verb.head
    reach = (top.left_edge.i, top.right_edge.i) if speech or content is None else content
    colons = range(top.right_edge.i, min(top.right_edge.i + 2, len(doc) - 1))  # its last word or the next
    if speech and any(doc[i].text == ":" for i in colons):
        # "He told the crowd: “…”" misparsed, or "…, telling the paper: “…”" with the colon hung on another verb:
        # the colon still introduces what follows
        reach = (reach[0], len(doc) - 1)
    gap = (verb.left_edge.i, verb.right_edge.i)  # "This campaign, he says, is different"
    return _record(doc, base, cue, speaker, subject, content, reach, name, gap)


@dataclass(frozen=True)
class _Name:
    start: int  # the name's first word ("Gene" of "Gene Sperling")
    head: Token  # its last ("Sperling")


def _name_before_role(subject: Token, speaker: tuple[int, int]) -> _Name | None:
    """The name set off by a comma before a speaker phrase that is only a role in apposition to it ("“…,” Gene
    Sperling, a top Clinton adviser, said", "But Bill Skelly, a data operative, vouched for": the parser gave
    the verb no subject, and the phrase before it ends with the role). PolNeAR's source holds both, and the
    name is whom the role is about."""
    doc, comma = subject.doc, speaker[0] - 1
    # a name is no role ("Receiving Peter Michalko, President Ilham Aliyev said"); "a data operative" tagged
    # as one is
    role = subject.pos_ != "PROPN" or doc[speaker[0]].is_lower
    if subject.dep_ != "appos" or not role or comma < 1 or doc[comma].text != ",":
        return None
    name = doc[comma - 1]
    if name.pos_ != "PROPN" or not name.is_title or subject.head != name or _in_opening_phrase(name):
        return None
    compounds = [c.left_edge.i for c in lefts(name) if c.dep_ == "compound"]  # "Gene" of "Gene Sperling"
    return _Name(min(compounds, default=name.i), name)


def _in_opening_phrase(noun: Token) -> bool:
    """Whether ``noun`` stands inside a prepositional phrase ("With hosts Joe Scarborough and Mika Brzezinski,
    the candidate stated"; "To the residents of Louisiana, a Baton Rouge newspaper called on"): the name there
    is an opener's object, not whom the role describes."""
    return any(t.dep_ in {"pobj", "prep"} for t in (noun, *noun.ancestors))


def _quotes_in(doc: Doc, span: tuple[int, int] | None) -> bool:
    """Whether a quote mark sits inside ``span`` ("to call it “a disgrace”": a partial quote, which stays even
    with no speaker)."""
    return span is not None and any(quote_mark(t) for t in doc[span[0] : span[1] + 1])


def _loose_regard(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """ "Voters see him as most likely to win", "see the deal as driven by fear": the parser hung the "as" on a
    word after the object (an adjective, a participle, a noun of the object) instead of on the verb, so no "as"
    phrase of the verb's own was found; the object and what its "as" heads are the content. An "as" opening a
    clause with a subject of its own ("saw him as he left") is a time, not a regard."""
    if verb.lemma_.lower() not in table.regards:
        return None
    objects = [c for c in children(verb) if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    marker = next(
        (t for t in doc[objects[0].i : verb.i + MAX_REGARD_GAP] if t.lower_ in table.as_marks), None
    )
    if marker is None or any(c.dep_ in SUBJECT_DEPS for c in children(marker.head)):
        return None
    phrase = marker.head if marker.head.i > marker.i else marker
    return trim(doc, objects[0].left_edge.i, max(objects[0].right_edge.i, phrase.right_edge.i))


def _without_occasion(doc: Doc, subject: Token, speaker: tuple[int, int], table: CueTable) -> tuple[int, int]:
    """The speaker without a phrase of the occasion that the parser hung on the name ("Durbin in an interview
    said", "Trump in his speech called …"): where the words were spoken, not who spoke them."""
    for prep in rights(subject):
        objects = [c for c in children(prep) if c.dep_ == "pobj"]
        if (
            prep.dep_ == "prep"
            and prep.lower_ in table.statement_preps
            and prep.right_edge.i >= speaker[1]
            and any(o.lemma_.lower() in table.settings for o in objects)
        ):
            return trim(doc, speaker[0], prep.i - 1) or speaker
    return speaker


def _demonstrative(subject: Token) -> bool:
    """A bare "this" or "that" standing for what was said or done before ("That suggests a lack of trust")."""
    return (
        subject.lower_ in {"this", "that"}
        and subject.tag_ == "DT"
        and subject.left_edge == subject.right_edge
    )


def _wrote_document(verb: Token, table: CueTable) -> bool:
    """ "She wrote a book about the war": "write" with a document for its object reports nothing said."""
    return verb.lemma_.lower() == "write" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in table.documents for c in children(verb)
    )


def _called_back(verb: Token, table: CueTable) -> bool:
    """ "Selmar recalled its ambassador", "the maker recalled 40,000 cars": "recall" calling someone or something
    back tells no memory."""
    return verb.lemma_.lower() == "recall" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in table.recalled for c in children(verb)
    )


def _relative_object(verb: Token, table: CueTable) -> tuple[int, int] | None:
    """The "which"/"who"/"that" opening a relative clause whose verb is a cue with a subject of its own ("a
    tax, which Clinton also supports", "a candidate who many members oppose", "a charge which he has
    denied"): what the verb takes, and PolNeAR's content (the pronoun, not its antecedent)."""
    first = verb.left_edge
    if verb.dep_ != "relcl" or first.i >= verb.i or first.dep_ in SUBJECT_DEPS:
        return None
    if first.tag_ not in RELATIVE_TAGS and first.lower_ not in table.that:
        return None
    subjects = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS and c.i > first.i]
    return (first.i, first.i) if subjects else None


def _subject(verb: Token, table: CueTable) -> Token | None:
    """The speaker token: the verb's subject (a "who" too: the caller reads its antecedent) or its governing
    verb's.

    A participle on a text turned down speaks for the text ("vetoed a resolution demanding"). A follow-up
    participle ("…, adding that …") takes the subject of the nearest speech verb above it, even
    when the parser hung it on a verb of the reported clause, but not past another verb with a subject of its
    own outside such a clause ("She said … An official walked it back, saying": the official).
    """
    speech = second_cue(verb, table)
    if speech is not None:
        return _subject(speech, table)
    if (
        verb.tag_ == "VBG"
        and verb.dep_ == "acl"
        and verb.head.head.lemma_.lower() in table.refusing
        and verb.nbor(-1).text != ","
    ):
        return verb.head  # "vetoed a resolution demanding a ceasefire": the resolution demands; not "rejected
        # the notion that …, saying …", a participle of the speaker's the parser hung on the noun
    if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in children(verb)):
        child = verb
        for ancestor in list(verb.ancestors)[: MAX_CLIMB + 1]:
            if (
                ancestor.lemma_.lower() in table.verbs
                and ancestor.pos_ == "VERB"
                and not quoted_after(verb, ancestor)
            ):
                return _subject(ancestor, table)
            if nearest_subject(ancestor) is not None and not {child.dep_, ancestor.dep_} & REPORTED_DEPS:
                break  # "She said … An official walked it back, saying": the official, not the speaker above
            child = ancestor
    if (after := _speaker_after(verb, table)) is not None:
        return after
    current = verb
    for _ in range(MAX_CLIMB + 1):
        if (child := nearest_subject(current)) is not None:
            if _quoted_apart(child, verb) and (named := _named_after_quotation(child, verb)) is not None:
                return (
                    named  # "“… last night, Mr. President,” Rep. Ann Dole told him": Dole, not the President
                )
            if current is not verb and _quoted_apart(child, verb):
                break  # "“We were rivals,” Mark Olsen, an aide, said": no "We" inside the quotation
            return _named_after_opener(child, verb) or child
        if _purpose_of_object(current):  # "Obama held a briefing to brag that …": Obama brags
            current = current.head.head
            continue
        if (agent := _controller(current, table)) is not None:  # "The victory led Priebus to declare …"
            return agent
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            break
        # "said X had been hurt and accused Y": the speaker accuses
        current = saying_goes_on(current, table.passive_object_verbs) or current.head
    return (
        participle_subject(verb)
        or _auxiliary_subject(verb)
        or _name_before(verb, table)
        or _subject_before_aside(verb)
        or _inverted_subject(verb, table)
        or _misread_subject(verb, table)
        or next((c for c in lefts(verb) if misread_modal(c, verb)), None)  # "Will wrote": the columnist
        or _clause_subject(verb)
        or _name_after_closing(verb, table)
    )


def _auxiliary_subject(verb: Token) -> Token | None:
    """The subject the parser hung on the verb's auxiliary when a phrase sets the two apart ("The mayor has,
    however, said": "mayor" on "has")."""
    return next(
        (s for c in lefts(verb) if c.dep_ in AUX_DEPS for s in children(c) if s.dep_ in SUBJECT_DEPS), None
    )


def _name_after_closing(verb: Token, table: CueTable) -> Token | None:
    """The noun phrase right after a speech verb that right follows a closing quote mark ("“…,” said retired
    neurosurgeon Ben Carson, asked about …", "“…,” tweeted Rubio spokesman Alex Conant"), when the parser
    hung it elsewhere (the subject of the participle after it, the object of the quotation's verb) and read
    the verb as a modifier: the head of the run of name words after the verb, each hanging on a later one."""
    doc = verb.doc
    if (
        not _speech(verb, table)
        or verb.i < 2
        or not quote_mark(doc[verb.i - 1])
        or not _closing(doc[verb.i - 1])
    ):
        return None
    i = verb.i + 1
    while i < len(doc) and doc[i].pos_ in RUN_POS and doc[i].dep_ in RUN_DEPS and i < doc[i].head.i:
        i += 1  # "retired", "neurosurgeon", "Ben" all hang on "Carson"
    head = doc[i] if i < len(doc) else None
    return head if head is not None and head.pos_ in NAME_HEAD_POS else None


def _clause_subject(verb: Token) -> Token | None:
    """The subject of the sentence's main verb, for a cue with no subject found that goes on what that subject
    did: a participle after a comma or "by" that the parser hung elsewhere or too far down to climb to ("Flea
    shared the news, writing “…”", with "writing" read as the subject of the quotation's verb; "the first
    official to respond, tweeting"; "able to win votes by citing"), or a finite conjunct hung on an infinitive
    ("ran on his plan to cut taxes and accused the mayor"). The subject stands before the main verb and names
    someone: "it", "this" or a relative pronoun does not (on train 0-840: 14 right of 18 changed)."""
    doc = verb.doc
    before = verb.left_edge.i - 1
    set_off = verb.tag_ == "VBG" and before >= 0 and doc[before].lower_ in PARTICIPLE_OPENERS
    subjectless = not any(c.dep_ in SUBJECT_DEPS for c in children(verb))
    joined = verb.tag_ in FINITE_TAGS and verb.dep_ == "conj" and subjectless
    if not set_off and not joined:
        return None
    root = verb
    while root.head.i != root.i:
        root = root.head
    subject = nearest_subject(root)
    if subject is None or not subject.i < root.i < verb.i:
        return None
    if subject.lower_ in EVENT_SUBJECTS or subject.tag_ in RELATIVE_TAGS:
        return None
    return subject


def _named_after_opener(subject: Token, verb: Token) -> Token | None:
    """The second of two names set off by a comma after an opening participle clause ("Meeting the envoy of
    the EU, Hans Keller, Prime Minister Ann Berg said"): the parser makes the first name, the opener's
    object in apposition, the subject and the speaker its apposition; the name right before the verb spoke.
    A role after a name ("Hans Keller, a spokesman, said") is no name and keeps the subject."""
    doc = verb.doc
    first = subject.left_edge.i
    opener = doc[0]
    if subject.pos_ != "PROPN" or first < 2 or doc[first - 1].text != ",":
        return None
    if opener.tag_ != "VBG" or opener.head.i != verb.i or opener.dep_ != "advcl":
        return None
    end = verb_group_start(verb) - 1
    return next(
        (
            c
            for c in rights(subject)
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" and c.right_edge.i == end
        ),
        None,
    )


def _named_after_quotation(subject: Token, verb: Token) -> Token | None:
    """A name the parser hung as an apposition on a subject inside the quotation, standing after the closing
    mark and right before the verb ("“…, Mr. President,” Representative Steve Cohen told him")."""
    end = _skip_closing(verb.doc, verb_group_start(verb) - 1)
    return next(
        (
            c
            for c in rights(subject)
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and _skip_closing(verb.doc, c.right_edge.i) == end
            and _quoted_apart(subject, c)
        ),
        None,
    )


def _quoted_apart(subject: Token, verb: Token) -> bool:
    """Whether an odd number of quote marks stands between a subject and a later verb: the subject is inside
    a quotation the verb (outside it) follows."""
    if subject.i >= verb.i:
        return False
    return sum(quote_mark(t) for t in tokens(verb.doc)[subject.i + 1 : verb.i]) % 2 == 1


def _misread_subject(verb: Token, table: CueTable) -> Token | None:
    """A share written as numbers that the parser hung on a speech verb as a modifier, leaving it no subject
    ("About 4 in 10 say they want …", "three in five said …"): the share is who spoke. Read for speech verbs
    only (on PolNeAR train 0-150 and 450-840, 2 exact sources gained, none lost); a noun phrase the parser
    took for a clause subject ("voters going to the polls said") lost as many sources as it gained."""
    if verb.lemma_.lower() not in table.verbs:
        return None
    return next((c for c in lefts(verb) if c.dep_ == "nummod" and c.pos_ == "NUM"), None)


def _controller(verb: Token, table: CueTable) -> Token | None:
    """The object that does what an infinitive says when a verb makes it ("led Priebus to declare", "prompted
    Cooper to accuse", "leaving many to wonder"): that object, not the verb's subject, is the speaker."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i > verb.i or not to_infinitive(verb):
        return None
    if head.lemma_.lower() not in table.causatives:
        return None
    return next((c for c in children(head) if c.dep_ == "dobj" and head.i < c.i < verb.i), None)


def _purpose_of_object(verb: Token) -> bool:
    """An infinitive the parser hung on the object of a verb ("held a briefing to brag", "has done nothing to
    explain"): it says what the verb's subject did it for, so that subject speaks."""
    noun = verb.head
    return (
        verb.dep_ in {"relcl", "acl"}
        and to_infinitive(verb)
        and noun.dep_ in {"dobj", "attr"}
        and noun.head.pos_ in VERBAL_POS
        and noun.i < verb.i
    )


def _subject_right_after(head: Token, verb: Token) -> Token | None:
    """The subject of ``head`` whose phrase starts right after ``verb``: the speaker of a speech verb that heads
    its sentence after a comma ("A passer-by called the station, said the sergeant.", ``head`` the verb itself,
    though the parser made a noun before the comma a subject too) or of the clause it reports, where the parser
    made the name set off by commas that clause's subject ("The contrast, said Ann Lee, would be clear")."""
    return next((c for c in children(head) if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)


def _speaker_after(verb: Token, table: CueTable) -> Token | None:
    """The name right after a speech verb that follows a closing quote mark ("“Safety,” said Ann Lee"), where the
    parser took the quoted words (or a headline's topic before a colon) for the subject; or a name set off by
    commas inside the clause it reports ("The contrast, said Ann Lee, would be clear"), where the parser made
    the name the clause's subject."""
    doc = verb.doc
    if verb.i < 2 or verb.i + 1 >= len(doc) or not _speech(verb, table):
        return None
    subjects = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    closing = verb.i - 1 if quote_mark(doc[verb.i - 1]) else verb.i - 2
    if not subjects:
        return _name_taken_for_adverb(verb) if quote_mark(doc[closing]) else None
    subject = subjects[-1]
    labelled = doc[subject.i + 1].text == ":"  # 'Turkey: "…," says Erdogan': a headline's topic
    if quote_mark(doc[closing]) and (labelled or _quoted_before(doc, subject, closing)):
        after = [
            c for c in rights(verb) if c.dep_ in {"nsubj", "dobj", "attr"} and c.left_edge.i == verb.i + 1
        ]
        if after and (after[0].pos_ in NOUN_POS or after[0].tag_ == "CD"):
            return after[0]
    if doc[verb.i - 1].text != ",":
        return None
    if verb.dep_ == "ROOT" and (inverted := _subject_right_after(verb, verb)) is not None:
        return inverted
    for clause in (c for c in rights(verb) if c.dep_ in CLAUSE_DEPS):
        name = _subject_right_after(clause, verb)
        if (
            name is not None
            and name.pos_ == "PROPN"
            and doc[_skip_closing(doc, name.right_edge.i) + 1].text == ","
        ):
            return name
    return None


def _name_taken_for_adverb(verb: Token) -> Token | None:
    """The speaker of "“…,” said Skelly." where the tagger took the name for an adverb of the verb: a
    capitalized word right after it that is no date, with nothing of its own and the sentence or a comma
    after it."""
    doc = verb.doc
    word = doc[verb.i + 1]
    if word.tag_ != "RB" or word.head.i != verb.i or not word.text[:1].isupper():
        return None
    ends = word.i + 1 == len(doc) or doc[word.i + 1].text in {",", "."}
    return word if ends and word.ent_type_ not in TIME_ENTITIES and not children(word) else None


def _quoted_before(doc: Doc, subject: Token, closing: int) -> bool:
    """Whether ``subject`` lies inside the quotation that the mark at ``closing`` ends (its opening mark before
    the subject, or none in the sentence: a quotation running on from the sentence before)."""
    single = doc[closing].text in SINGLE_QUOTES
    marks = (i for i in range(closing - 1, subject.sent.start - 1, -1) if quote_mark(doc[i]))
    opening = next((i for i in marks if (doc[i].text in SINGLE_QUOTES) == single), None)
    ended = doc[closing - 1].text in {",", "?", "!"} or doc[closing + 1].text == ","  # "“Safety,” said"
    return ended and subject.i < closing and (opening is None or opening < subject.i)


def _inverted_subject(verb: Token, table: CueTable) -> Token | None:
    """The speaker after a speech verb that follows what was said ("“…,” added a Democrat from Ohio"),
    which the parser took for the verb's object (``_name_before`` goes first: "“…,” Ann Lee, a founder of
    the group, tells Breitbart News" names the listener after the verb)."""
    if not _speech(verb, table) or verb.i == 0:
        return None
    after_speech = any(c.dep_ in CLAUSE_DEPS and c.i < verb.i for c in children(verb)) or quote_mark(
        verb.doc[verb.i - 1]
    )
    objects = [
        c
        for c in rights(verb)
        if c.dep_ in {"dobj", "attr"}
        and (c.pos_ in {"PROPN", "NOUN"} or c.tag_ in {"CD", "DT"})  # "read one"
    ]
    return objects[0] if after_speech and objects else None


def _name_before(verb: Token, table: CueTable) -> Token | None:
    """The noun phrase right before the verb when the parse found no subject ("…, President Ilham Aliyev
    said:"): the head of the phrase the word before it ends ("multiple sources privy to negotiations say"),
    past a comma or a closing bracket ("Sen. Ann Dole (R-Iowa), said"), a participle set off by commas
    ("“…,” state delegate Tom Hale, wearing a hat, said") and an apposition the parser hung on the object of an
    opening phrase ("In a call with reporters on Dec. 2, Col. Tom Hale, a spokesman, said"). A time ("on Super
    Tuesday said") or an object of another verb ("He criticized her record said") names nobody."""
    doc = verb.doc
    if not _finite(verb):  # "a group backing Bush", "hearing him say it": the noun before
        previous = doc[verb.i - 1] if verb.i > 0 else None
        return _whole_group(previous, table) if previous is not None and previous.pos_ in NOUN_POS else None
    end = _skip_closing(doc, verb_group_start(verb) - 1)  # "…, Paul Manafort, bluntly suggested", "have said"
    # "Clinton, without naming him, accused", "Trump, speaking in Charleston, W.Va., said": set off by a comma
    # before the verb, not "…, setting the building on fire after lawmakers approved a bill, witnesses said"
    set_off = end < verb_group_start(verb) - 1
    aside = _aside_before(doc, end, verb) if end >= 0 and set_off else None
    if aside is not None:
        end = _skip_closing(doc, aside.left_edge.i - 1)
    top = _phrase_head(doc[end], verb) if end >= 0 else None
    if top is not None and top.head.tag_ in PARTICIPLE_TAGS and _set_off(top.head):
        end = _skip_closing(doc, top.head.left_edge.i - 1)  # "Tom Hale, wearing a hat, said"
        top = _phrase_head(doc[end], verb) if end >= 0 else None
    if top is None or top.pos_ not in NOUN_POS or top.ent_type_ in TIME_ENTITIES:
        return None
    if top.head.i != verb.i and top.head.pos_ in VERBAL_POS:
        return top if _after_quotation(top) else None  # an object: only a name right after "“…,” said"
    return top


def _after_quotation(noun: Token) -> bool:
    """Whether the phrase ``noun`` heads opens right after a closing quote mark, which the parser may have hung
    on the noun itself ("“We were wrong,” Ramos, 58, told AFP": "Ramos" a conjunct of "were", the mark its
    first child)."""
    doc, first = noun.doc, noun.left_edge.i
    if first < noun.i and quote_mark(doc[first]):
        return _closing(doc[first])
    return first > 0 and quote_mark(doc[first - 1])


def _closing(mark: Token) -> bool:
    """Whether a quote mark closes a quoted sentence: it follows the sentence's comma or stop and a space
    follows it (an opening mark, "“astonishingly excellent” results", or one of markup, "tweet_id="6677">I",
    does not)."""
    before = mark.doc[mark.i - 1] if mark.i > 0 else None
    return (
        before is not None
        and before.text in CLOSING_PUNCT
        and not before.whitespace_
        and bool(mark.whitespace_)
    )


def _subject_before_aside(verb: Token) -> Token | None:
    """The subject opening a clause the parser made of a speaker and the aside after it, which ends with the
    comma before a verb left with no subject ("Jeffrey Salkin, a rabbi helping to organize the boycott, said":
    "rabbi" read as a verb; "Mr. Slinker, whose start-up uses big data, said"): a capitalized word set off by
    a comma, before a clause with no quote mark in it."""
    doc, first = verb.doc, verb_group_start(verb)
    if not _finite(verb) or first < 2 or doc[first - 1].text != ",":
        return None
    for clause in lefts(verb):
        if clause.dep_ not in {"ccomp", "advcl"} or _skip_closing(doc, first - 1) != clause.right_edge.i:
            continue
        if any(quote_mark(t) for t in subtree(clause)):
            continue
        subjects = [c for c in lefts(clause) if c.dep_ in SUBJECT_DEPS]
        subject = subjects[0] if subjects else None
        if subject is not None and subject.left_edge == clause.left_edge and _set_off_name(subject):
            return subject
    return None


def _set_off_name(subject: Token) -> bool:
    """A capitalized subject followed by a comma ("Salkin, a rabbi …")."""
    after = subject.i + 1
    return subject.is_title and after < len(subject.doc) and subject.doc[after].text == ","


def _whole_group(noun: Token, table: CueTable) -> Token:
    """The number, pronoun or group noun a share of ``noun`` is counted by ("two of the groups", "some of them",
    "a majority of the delegates", "the share of voters" backing …): PolNeAR's source is the whole phrase. Not
    any noun: "the head of the PAC backing X" is no share of it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i > prep.i:
        return noun
    group = prep.head
    return group if group.pos_ in GROUP_POS or group.lemma_.lower() in table.group_nouns else noun


def _aside_before(doc: Doc, end: int, verb: Token) -> Token | None:
    """The participle or prepositional phrase set off by a comma that ends at ``end``, right before ``verb``
    ("…, speaking at a rally in Charleston, West Virginia,", "…, without naming him,"): no part of the name."""
    token = doc[end]
    while (
        token.head.i < verb.i
        and token.head.i != token.i
        and _skip_closing(doc, token.head.right_edge.i) == end
    ):
        token = token.head
        first = token.left_edge.i
        after_comma = first > 0 and doc[first - 1].text == ","
        if (token.dep_ == "prep" and after_comma) or (token.tag_ in PARTICIPLE_TAGS and _set_off(token)):
            return token
    return None


def _finite(verb: Token) -> bool:
    """A verb group that needs a subject: a finite verb, or a participle with a finite auxiliary ("have said")."""
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS and c.i < verb.i for c in children(verb)
    )


def _skip_closing(doc: Doc, i: int) -> int:
    """The last word before ``i`` past a comma, a dash or a bracketed aside ("Ann Dole (R-Iowa),")."""
    while i >= 0 and doc[i].is_punct and not doc[i].is_quote:
        if doc[i].text == ")":
            opening = next(
                (j for j in range(i - 1, max(-1, i - MAX_ASIDE) - 1, -1) if doc[j].text == "("), None
            )
            if opening is None:
                return i - 1
            i = opening
        i -= 1
    return i


def _phrase_head(token: Token, verb: Token) -> Token:
    """The head of the noun phrase ``token`` ends, climbing through modifiers before ``verb`` but not into a
    verb (past a relative clause to its noun) nor from an apposition into an opening phrase's object."""
    while token.head.i < verb.i and token.head.i != token.i:
        head = token.head
        if token.dep_ in {"appos", "conj"} and (head.dep_ == "pobj" or not _after_comma(head)):
            break  # "On Dec. 2, Col. Tom Hale", "for his wife Ann Dole, Bob Dole": no part of the opener
        if token.dep_ == "conj" and not _coordinated(token):
            break  # "Receiving Peter Michalko, President Ilham Aliyev said": no "and", no list
        if head.pos_ in VERBAL_POS:
            if head.dep_ not in {"relcl", "acl"} or head.tag_ in PARTICIPLE_TAGS or head.head.i >= verb.i:
                break
            head = head.head  # "a woman who had been a student in Montana asked"
        token = head
    return token


def _coordinated(conjunct: Token) -> bool:
    """Whether a conjunct stands in a list joined by "and"/"or" (spaCy hangs the "and" on the conjunct
    before the last): a comma alone between two names is an apposition the parser read as a list."""
    return any(c.dep_ == "cc" for t in (conjunct, conjunct.head) for c in children(t))


def _after_comma(token: Token) -> bool:
    """Whether the phrase ``token`` heads follows a comma (an apposition's or a list's) or a quotation."""
    first = token.left_edge.i
    return first > 0 and (token.doc[first - 1].text == "," or quote_mark(token.doc[first - 1]))


def _set_off(verb: Token) -> bool:
    """A participle phrase between commas ("…, wearing a hat, …")."""
    first = verb.left_edge.i
    return verb.dep_ in {"advcl", "acl"} and first > 0 and verb.doc[first - 1].text == ","


def _quoted_frame(verb: Token, table: CueTable) -> Token | None:
    """The "quoted" of "X was quoted as saying", when ``verb`` is its "saying"."""
    if verb.dep_ != "pcomp":
        return None  # most verbs: no head looked up
    prep = verb.head
    frame = prep.head
    if frame.i != prep.i and frame.lemma_.lower() == table.quoted_verb:
        return frame
    return None


def _quoted_frame_content(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """The clause before "…, X was quoted as saying": the parser hangs it on "quoted", not on "saying"."""
    frame = _quoted_frame(verb, table)
    if frame is None or not _passive(frame):
        return None
    return content_of(doc, frame, table)


def _passive(verb: Token) -> bool:
    """A verb in the passive ("was quoted"), told by its passive subject or auxiliary; not by a word of a
    quotation before it that the parser took for one (the "Is" of '"Is that all there is?" Trump said')."""
    return any(c.dep_ in PASSIVE_DEPS and not _quoted_apart(c, verb) for c in children(verb))


def _cue_tokens(verb: Token, table: CueTable, content: tuple[int, int] | None = None) -> tuple[int, int]:
    """Token range of the cue: the verb group ("has said", "is not saying") with its particle ("pointed out"),
    or the whole "was quoted as saying"."""
    frame = _quoted_frame(verb, table)
    if frame is not None and _passive(frame):
        return (verb_group_start(frame), verb.i)
    if frame is not None:  # "The paper quoted him as saying": PolNeAR's cue is "quoted" alone
        return (verb_group_start(frame), frame.i)
    particles = [c.i for c in children(verb) if c.i == verb.i + 1 and _particle(verb, c, table)]
    prep = cue_prep(verb, table)
    if prep is not None and past_date(verb.doc, verb.i + 1) > verb.i + 1:
        prep = None  # "called on Sunday for": the cue is the verb, the date is no part of it
    end = prep.i if prep is not None else particles[0] if particles else verb.i  # "spoke out against"
    end = _trailing_modifiers(verb, _statement_phrase(verb, end, table), content)
    top = (
        _by_frame(verb, table)
        or _issued_frame(verb, table)
        or _to_frame(verb, table)
        or _chain_top(verb, table)
    )
    return (with_floating(top, verb_group_start(top)), end)


def _particle(verb: Token, word: Token, table: CueTable) -> bool:
    """A particle of the verb ("spoke out"), or the word of a phrasal speech verb that the parser reads as
    something else (the object "it" of "as one voter put it"): either belongs to the cue."""
    return word.dep_ == "prt" or (verb.lemma_.lower(), word.lower_) in table.phrasal


def _to_frame(verb: Token, table: CueTable) -> Token | None:
    """The verb a cue gerund completes through "to" right after it ("has taken to urging", "pivoted to
    arguing", "was devoted to criticizing"): PolNeAR's cue runs from it, as for "began urging"; "when it
    comes to saying" (an expletive subject) and "as opposed to saying" (a conjunction) frame nothing."""
    prep = verb.head
    if (
        verb.tag_ != "VBG"
        or verb.dep_ != "pcomp"
        or prep.lower_ not in table.to_frames
        or prep.i != verb.i - 1
    ):
        return None
    frame = prep.head
    if frame.pos_ != "VERB" or frame.i != prep.i - 1:
        return None
    if any(
        c.dep_ == "mark" or (c.dep_ in SUBJECT_DEPS and c.lower_ in table.expletives) for c in children(frame)
    ):
        return None
    return frame


def _issued_frame(verb: Token, table: CueTable) -> Token | None:
    """The verb that put out the text a cue participle describes ("issued a statement saying", "released ads
    attacking", "published a letter disputing"): PolNeAR's cue runs from it (31 times on all train, 1 not).
    A quotation after the participle changes nothing ("released a statement saying, “…”": 2 of 2 on train).
    A time or a listener between the text and the participle ("issued a report this month charging …") makes
    the parser hang the participle on the verb itself; the cue still runs from the verb when it is one of
    putting a text out ("released", "sent"; not "denied the report, saying", "trumpeting a message, refusing")
    and the participle has no subject of its own ("issued a statement – Ryan saying …"): on train 14 gold cues
    gained, 1 lost ("sent a memo to the Post in April explaining")."""
    if verb.tag_ != "VBG":
        return None
    noun = verb.head
    if verb.dep_ == "advcl":
        if noun.lemma_.lower() not in table.issuing or any(c.dep_ in SUBJECT_DEPS for c in children(verb)):
            return None
        texts = [c for c in children(noun) if c.dep_ == "dobj" and c.i < verb.i]
        if texts and _topic_between(texts[0], verb, table):
            return None
        noun = texts[0] if texts else noun
    elif verb.dep_ != "acl":
        return None
    if noun.dep_ != "dobj" or noun.i > verb.i:
        return None
    frame = noun.head
    if noun.lemma_.lower() not in table.issued_texts or frame.pos_ != "VERB" or frame.i > noun.i:
        return None
    if frame.lemma_.lower() in table.refusing:
        return None  # "the United States vetoed a resolution demanding a ceasefire": the resolution demands
    return frame


def _topic_between(noun: Token, participle: Token, table: CueTable) -> bool:
    """A preposition of the text's topic between it and the participle ("issued a statement on the subject,
    saying …"): the light reading makes "issued a statement on" a cue of its own, and the participle keeps its
    own cue (PolNeAR marks both on train)."""
    return any(
        t.dep_ == "prep"
        and t.lower_ in table.light_preps
        and t.head in (noun, noun.head)
        and not any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in children(t))  # "on Friday"
        for t in noun.doc[noun.i + 1 : participle.i]
    )


def _by_frame(verb: Token, table: CueTable) -> Token | None:
    """The verb that frames a cue gerund after "by" as a step of a speech ("began by saying", "responded by
    saying", "concluded by implying"): PolNeAR's cue runs from it (14 times on train 0-300/450-840, 4 not)."""
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.lower_ != "by" or prep.head.i > prep.i:
        return None
    frame = prep.head
    return frame if frame.pos_ == "VERB" and frame.lemma_.lower() in table.by_frames else None


def _chain_top(verb: Token, table: CueTable) -> Token:
    """The verb or adjective heading a chain of infinitives that ends at the cue: PARC/PolNeAR's cue is the
    whole chain ("tended to support", "is expected to endorse", "are more likely to say", "went on to say")."""
    top = verb
    for _ in range(MAX_CHAIN):
        to = any(c.dep_ == "aux" and c.tag_ == "TO" and c.i < top.i for c in children(top))
        head = top.head
        if not to and not _gerund_step(top):
            break
        if top.dep_ != "xcomp" or head.i > top.i or head.pos_ not in CHAIN_POS:
            break
        if _controller(top, table) is not None:
            break  # "led Priebus to declare": the cue is "to declare" (10 of 11 such gold cues on train), the
            # object between them its speaker
        if _is_cue_verb(head, table) and head.lemma_.lower() not in table.quote_only:
            break  # "declined to say", "pledged to oppose": the cue is the head, its content the infinitive
        top = head
    if top.pos_ == "ADJ" and top.dep_ == "acomp" and top.head.pos_ in VERBAL_POS and top.head.i < top.i:
        top = top.head  # "were more likely to say": the copula heads the adjective
    return top


def _gerund_step(verb: Token) -> bool:
    """A gerund right after the active verb it completes ("began writing", "has stopped insulting", "could
    not resist taking"): PolNeAR's cue runs from that verb, as for "began to write"; a perception in the
    passive ("was heard asking") leaves the gerund alone."""
    head = verb.head
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "xcomp"
        and head.i == verb.i - 1
        and head.pos_ == "VERB"
        and not _passive(head)
    )


def _trailing_modifiers(verb: Token, end: int, content: tuple[int, int] | None) -> int:
    """The end of the cue extended over the manner adverbs right after it ("said sarcastically", "asked
    rhetorically"), which PARC/PolNeAR count as part of the cue; never into the content, and never over a
    capitalized word that is no date: a name the tagger took for an adverb is the listener ("told O’Reilly")."""
    doc = verb.doc
    stop = content[0] if content is not None and content[0] > verb.i else len(doc)
    while end + 1 < stop:
        nxt = doc[end + 1]
        if nxt.head.i != verb.i or nxt.dep_ not in TRAILING_DEPS or nxt.right_edge.i >= stop:
            break
        if nxt.text[:1].isupper() and nxt.ent_type_ not in TIME_ENTITIES:
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
    objects = [
        c for c in children(doc[end + 1]) if c.dep_ == "pobj" and c.lemma_.lower() in table.statement_nouns
    ]
    return objects[0].i if objects and objects[0].right_edge.i == objects[0].i else end


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

    words = tokens(doc)

    def chars(pair: tuple[int, int] | None) -> tuple[int | None, int | None]:
        if pair is None:
            return None, None
        return base + words[pair[0]].idx, base + words[pair[1]].idx + len(words[pair[1]])

    head_pair = (head.i, head.i) if head is not None and speaker is not None else None
    speaker = _before_cue(doc, _with_glued_prefix(doc, speaker, head), head, cue)
    name = _before_cue(doc, name, head, cue)
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


def _with_glued_prefix(doc: Doc, span: tuple[int, int] | None, head: Token | None) -> tuple[int, int] | None:
    """A speaker span that starts right after a hyphen glued to the word before it goes on to the start of its
    phrase ("the co-host Mika Brzezinski", "The non-profit", "the ex-wife of …"): the tokenizer split one word,
    and the span's dash rule (a dateline's dash ends the phrase) took the hyphen for a dash."""
    if span is None or head is None or span[0] < 2:
        return span
    hyphen = doc[span[0] - 1]
    if (
        hyphen.text != "-"
        or hyphen.whitespace_
        or doc[span[0] - 2].whitespace_
        or not doc[span[0] - 2].is_alpha
    ):
        return span
    start = span[0] - 2
    first = min(doc[start].left_edge.i, head.left_edge.i)  # "the ex-wife": the parser may hang "the" on "ex"
    while start > first and not _phrase_break(doc[start - 1]):
        start -= 1
    return (start, span[1])


def _before_cue(
    doc: Doc, span: tuple[int, int] | None, head: Token | None, cue: tuple[int, int]
) -> tuple[int, int] | None:
    """A speaker span that runs on over its own cue ends before it: the parser hung the verb on the speaker's
    noun ("Francis spoke of the malaise …", "Podliska further alleges that …", "The campaign countered Sunday
    by suggesting …"), so the noun's phrase swallowed the sentence. PolNeAR's source never holds its own cue
    (1 of 18,359 on all train); the phrase ends before the branch of the speaker's head that leads to the
    cue, or else right before the cue."""
    if span is None or not span[0] < cue[0] <= span[1]:
        return span
    end, branch = cue[0] - 1, doc[cue[0]]
    while head is not None and branch.head not in (branch, head):
        branch = branch.head
    if head is not None and branch.head == head and head.i < branch.left_edge.i <= end:
        end = branch.left_edge.i - 1
    return trim(doc, span[0], end) or span


def _phrase_break(token: Token) -> bool:
    """A token a speaker's phrase cannot reach back past: punctuation other than a glued hyphen, or a line break."""
    glued = token.text == "-" and not token.whitespace_
    return "\n" in token.text or (token.is_punct and not glued)


def _pieces(doc: Doc, content: tuple[int, int], gap: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """The content before and after a gap strictly inside it, or nothing when the gap is not inside."""
    if not content[0] < gap[0] <= gap[1] < content[1]:
        return ()
    before, after = trim(doc, content[0], gap[0] - 1), trim(doc, gap[1] + 1, content[1])
    return (before, after) if before is not None and after is not None else ()
