"""Token ranges of quote parts: trimming, a cue's verb group and a speaker's noun phrase.

The span conventions follow PARC 3.0 / PolNeAR as seen on PolNeAR's train split: a cue spans its verb group
(auxiliaries, negation and adverbs before it); a source keeps its appositions, ages and relative clauses but
not participles set off by commas, and never opens with a dateline. Ranges are inclusive token indexes of one
parsed sentence.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from storyline.analyze.quote_cues import cues_for
from storyline.analyze.quote_trees import children, lefts, rights, subtree, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_DEPS = frozenset({"ccomp"})  # the reported clause of a speech verb
VERBAL_POS = frozenset({"VERB", "AUX"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})  # "who"/"which" as a subject: the speaker is the noun it modifies
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "ADP"})  # what a speaker's name is made of
UNIT_SIGNS = frozenset({"%", "‰"})  # signs spaCy counts as punctuation that end a figure ("58%")
DASHES = frozenset({"–", "—", "--"})  # a dash sets off a dateline or an aside from the speaker's name
DATELINE_DASHES = DASHES | {"-"}  # after "(Reuters)" a hyphen is a dateline's dash too
FOCUS_ADVERBS = frozenset({"even", "especially", "particularly"})  # before a source: 32 times out, 9 in
ORIGINS = frozenset({"of", "from"})
TITLE_POS = frozenset({"NOUN", "PROPN"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
SENTENCE_ENDS = frozenset({".", "!", "?"})  # the tokens that end a sentence
HOLDER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})  # who holds a stance a participle states
FLOATING_TAGS = frozenset({"DT", "PDT"})  # "both", "all" floated after a speaker's phrase
PAIR_DEPS = frozenset({"preconj", "det"})  # "both"/"either" opening a pair: a conjunction tagged as these
AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
UNMODAL_TAGS = frozenset({"VBD", "VBZ", "VBN"})  # verb forms no modal precedes ("will wrote", "will called")
INTERPOSED_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct"})  # "had last month charged"
VERB_GROUP_DEPS = AUX_DEPS | {"advmod", "cop"}  # "has already said", "did not say", "are more likely to"
RELATIVE_ADVERB_TAGS = frozenset({"WRB"})  # "when asked": the "when" is not part of the cue
APOSTROPHES = frozenset({"’", "'"})
MAX_CLOSING_GAP = 2  # a title's closing mark may follow the phrase's last word past a comma ("“Good Day,”")
MAX_TITLE = 6  # words of a quoted title inside a speaker's phrase ("the “No Comparison” ad")
MAX_DATELINE = 10  # "PASADENA, Calif. (AP) —", "NEW YORK, Nov. 19 (UPI) —": tokens up to the dash
MAX_AGENCY_TOKENS = 4  # "/ITAR - TASS/." is three tokens
SLASH_OPENING = re.compile(r"/[A-Z]")
SLASH_AGENCY = re.compile(r"/?[A-Z][A-Z-]*/\.?")  # "MOSCOW, May 3. /TASS/." closes with the agency in slashes
MIN_DATELINE_WORD = 2  # a dateline opens with a city in capitals ("CLEVELAND"), not "I"
INCLUSIONS = frozenset({"including", "like", "such", "along", "together", "alongside"})  # "X, including Y,"


DATE_PREPOSITIONS = frozenset(
    {"on", "in", "at"}
)  # "called on Sunday for", not the "to" of "spoke to this week"
MAX_ADVERBS_BEFORE_PREP = (
    2  # "spoke out against", "speaks affectionately of": words between a verb and its preposition
)


def to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a "to" infinitive ("to say", "to run"): the "to" hangs on it as its auxiliary."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(verb))


def word_after_verb(verb: Token, pairs: frozenset[tuple[str, str]]) -> Token | None:
    """The word after ``verb`` past up to two adverbs or particles ("spoke *out* against", "speaks *fondly*
    of"), unless the verb takes that word itself (a ``(lemma, word)`` of ``pairs``: "pointed out"); ``None``
    at once for a verb no pair starts with (every caller wants only a word that makes a pair). Read from the
    tags alone, so it serves before the parse (planning) and after it alike."""
    doc, lemma = verb.doc, verb.lemma_.lower()
    if lemma not in _pair_verbs(pairs):
        return None
    first = past_date(doc, verb.i + 1)
    for i in range(first, min(first + 1 + MAX_ADVERBS_BEFORE_PREP, len(doc))):
        word = doc[i]
        if (lemma, word.lower_) in pairs or word.tag_ not in ("RB", "RP"):
            return word
    return None


@functools.cache
def _pair_verbs(pairs: frozenset[tuple[str, str]]) -> frozenset[str]:
    """The verbs of a cue table's (verb, word) pairs."""
    return frozenset(verb for verb, _ in pairs)


def past_date(doc: Doc, i: int) -> int:
    """The index after a date right at ``i``, alone or after a preposition ("called **on Sunday** for a
    ceasefire", "agreed **Tuesday** on a plan"): the verb's preposition, if any, comes after it."""
    first = i + 1 if i + 1 < len(doc) and doc[i].lower_ in DATE_PREPOSITIONS else i
    if first >= len(doc) or doc[first].ent_iob_ != "B" or doc[first].ent_type_ != "DATE":
        return i
    end = first + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range without punctuation, spaces or a dangling "and" at its ends (quote marks stay: they
    belong to the quotation); the "both" or "either" of a pair stays ("Both the mayor and the governor"), as
    the parser's "preconj" or, before a name, its "det"."""
    words = tokens(doc)
    while start <= end and _loose(words[start]) and words[start].dep_ not in PAIR_DEPS:
        start += 1
    while end >= start and _loose(words[end]):
        end -= 1
    return (start, end) if start <= end else None


def _loose(token: Token) -> bool:
    """Punctuation, space or a conjunction: not "%", which spaCy counts as punctuation ("turnout was 58%")."""
    punctuation = token.is_punct and not token.is_quote and token.text not in UNIT_SIGNS
    return punctuation or token.is_space or token.pos_ == "CCONJ"


def verb_group_start(verb: Token) -> int:
    """The first word of the verb group ending at ``verb``: its auxiliaries, negation and the adverbs before
    it ("also said", "has repeatedly said"), which PARC/PolNeAR count as part of the cue, and an auxiliary
    before a phrase set inside the group ("had last month charged", "has, however, revealed")."""
    start = _group_start(verb, verb.i)
    auxiliary = _auxiliary_before(verb, start)
    return _group_start(verb, auxiliary) if auxiliary is not None else start


def _auxiliary_before(verb: Token, start: int) -> int | None:
    """The auxiliary of ``verb`` right before the adverbial phrases that end at ``start`` ("has *in fact*
    said", "had *last month* charged"): PolNeAR's cue runs from it (the auxiliary is in the cue 731 times to
    7 on all train), over the phrases. A subject between them ("did *they* know") ends the group."""
    before = [c for c in lefts(verb) if c.i < start]
    auxiliary = next((c for c in reversed(before) if c.dep_ in AUX_DEPS), None)
    if auxiliary is None or auxiliary.i == start - 1:
        return None
    between = [c for c in before if c.i > auxiliary.i]
    if any(c.dep_ not in INTERPOSED_DEPS for c in between) or not any(c.dep_ != "punct" for c in between):
        return None
    return auxiliary.i


def _group_start(verb: Token, start: int) -> int:
    """The first word of the verb group before ``start`` (``verb_group_start``'s words: auxiliaries, negation,
    adverbs), each hanging on ``verb`` or on a later word of the group."""
    while start > 0:
        previous = verb.doc[start - 1]
        if (
            not start - 1 < previous.head.i <= verb.i
            or previous.dep_ not in VERB_GROUP_DEPS
            or previous.tag_ in RELATIVE_ADVERB_TAGS
            or misread_modal(previous, verb)
        ):
            break  # a word of the group hangs on the verb or on a later word of the group ("slightly more")
        start -= 1
    return start


def misread_modal(word: Token, verb: Token) -> bool:
    """A capitalized "Will" or "May" the tagger read as a modal right before a verb in the past or the present
    tense ("Will wrote", "Will acknowledges"): a modal takes only a bare verb, so the word is a name (the
    columnist George Will), not part of the verb group, and the speaker when the verb has no other subject."""
    if word.tag_ != "MD" or not word.text[:1].isupper() or word.i == 0 or verb.tag_ not in UNMODAL_TAGS:
        return False
    return not any(t.dep_ in AUX_DEPS for t in verb.doc[word.i + 1 : verb.i])


def with_floating(verb: Token, start: int) -> int:
    """The start of a cue moved back over a quantifier floated between the speaker and the verb group ("Smith
    and Jones both denounced", "the ministers all urged"): ``_before_floating`` leaves it out of the source,
    and PolNeAR's cue takes it in (8 of 12 times on all train); "both" as the subject itself stays the source."""
    if start == 0:
        return start
    doc, word = verb.doc, verb.doc[start - 1]
    subjects = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS and c.i < word.i]
    floating = word.tag_ in FLOATING_TAGS and word.dep_ not in SUBJECT_DEPS
    if not (floating and subjects and word.head in (verb, subjects[0])):
        return start
    start -= 1
    while start > 0 and doc[start - 1].head.i == verb.i and doc[start - 1].dep_ in AUX_DEPS:
        start -= 1  # "have both urged": the auxiliary before the quantifier
    return start


def speaker_span(subject: Token, max_speaker: int) -> tuple[int, int]:
    """Token range of the speaker's noun phrase, as PARC marks it.

    Modifiers stay, restrictive or set off by commas ("those who voted for him said", "Brian Fallon, a
    spokesman for the campaign, said"): PolNeAR's sources include appositions and ages, set off by dashes too.
    A dash before the name (a dateline: "MACAU (Reuters) – Sheldon Adelson said"), a quote mark opening a
    quotation (not a title it closes) or a line break ends the phrase. A phrase longer than ``max_speaker``
    tokens is cut to its head and modifiers.
    """
    doc = subject.doc
    start, end = min(_title_subject(subject).left_edge.i, _coordinated_start(subject)), subject.right_edge.i
    i = subject.i - 1
    while i >= start:
        opening = _title_opening(doc, start, i) if _phrase_mark(doc[i]) else None
        if opening is not None:
            i = opening - 1  # a quoted title inside the phrase: "the “No Comparison” ad", "“Broad City” star"
            continue
        if _phrase_mark(doc[i]) or doc[i].text in DASHES or "\n" in doc[i].text:
            start = i + 1
            break
        i -= 1
    end = _before_open_quote(doc, subject.i + 1, end)  # "Jason Sims — a teacher from Ohio — said" stays
    for child in rights(subject):
        if _aside(child):
            end = min(end, child.left_edge.i - 1)
    end = min(end, _before_reporting_clause(subject, end))
    end = _with_others(subject, end)
    dash = _dateline_dash(doc, start, end)
    if dash is not None and trim(doc, dash + 1, end) is not None:
        start = dash + 1  # "New York (AFP) – Vice President Joe Biden": the name after the dateline
    elif dash is not None and dash + 1 < len(doc) and doc[dash + 1].pos_ == "PROPN":
        start, end = _name_after(doc, dash + 1)  # the parser made the dateline the subject
    if _focus(doc, start, subject):
        start += 1  # "Even his allies say": PolNeAR's source starts at the noun phrase
    trimmed = trim(doc, start, _before_floating(subject, end)) or (subject.i, subject.i)
    if trimmed[1] - trimmed[0] + 1 > max_speaker:
        shorter = _without_others(subject, trimmed)
        if shorter is not None and shorter[1] - shorter[0] + 1 <= max_speaker:
            return shorter  # "X, one of the “big four”, along with …": the others go first
        left = min(
            (c.left_edge.i for c in lefts(subject) if c.dep_ in {"compound", "amod", "det"}),
            default=subject.i,
        )
        return (left, subject.i)
    return trimmed


def _before_floating(subject: Token, end: int) -> int:
    """The end of a speaker phrase before a quantifier floated after it ("Smith and Jones both said", "they all
    agree"): the determiner hangs on the subject or the verb, not inside the phrase, and PolNeAR leaves it
    out of the source (9 of 10 times on train 0-300/450-840). Read from the tag, so no word list is needed."""
    last = subject.doc[end]
    floating = last.tag_ in FLOATING_TAGS and last.i > subject.i and last.head in (subject, subject.head)
    return end - 1 if floating else end


def _focus(doc: Doc, start: int, subject: Token) -> bool:
    """A focus adverb opening the speaker's phrase ("Even his allies say"), unless a relative pronoun comes
    right before it ("which even critics say was …"): there the adverb would fall into the content."""
    after_relative = start > 0 and doc[start - 1].tag_ in RELATIVE_TAGS
    return (
        doc[start].lower_ in FOCUS_ADVERBS
        and doc[start].dep_ == "advmod"
        and start < subject.i
        and not after_relative
    )


def _without_others(subject: Token, span: tuple[int, int]) -> tuple[int, int] | None:
    """A speaker span without the phrase naming who else speaks ("…, along with …"), for a span too long to
    keep whole; ``None`` when it has none."""
    doc = subject.doc
    for child in rights(subject):
        first = child.left_edge.i
        if child.dep_ == "prep" and child.left_edge.lower_ in INCLUSIONS and span[0] < first <= span[1]:
            return trim(doc, span[0], first - 1)
    return None


def _with_others(subject: Token, end: int) -> int:
    """The end of a speaker phrase extended over a phrase naming who else speaks that the parser hung on the
    verb, between commas right after the subject ("Ms. Dole, along with two other senators, wrote")."""
    doc, verb = subject.doc, subject.head
    if subject.dep_ not in SUBJECT_DEPS or end + 2 >= verb.i or doc[end + 1].text != ",":
        return end
    for child in children(verb):
        if (
            child.dep_ == "prep"
            and child.left_edge.i == end + 2
            and child.left_edge.lower_ in INCLUSIONS
            and child.right_edge.i + 1 < verb.i
            and doc[child.right_edge.i + 1].text == ","
        ):
            return child.right_edge.i
    return end


def _coordinated_start(subject: Token) -> int:
    """The first word of a list of subjects the parser split into several subjects of one verb ("61% of nurses
    and 57% of teachers endorse", "52% of Democrats, 37% of independents and 30% of Republicans say": each item
    a subject of its own), which PolNeAR's source keeps whole. Siblings before the speaker join it when only
    commas and "and"/"or" lie between them and the list has its conjunction between its items or in the
    speaker's own phrase ("37% of independents and 30% …"). Else the nearest subject stands alone: with no
    conjunction ("Speaking in Austin, Texas, Lopez said", "Or maybe the mayor, an aide says"), with an "and"
    inside the earlier phrase only ("Records and maps of the region, the researchers found, …") or with a verb
    in it ("The coach campaigned for her, and the team touted it")."""
    doc, start = subject.doc, subject.left_edge.i
    joined = any(c.dep_ == "cc" and c.i > subject.i for c in children(subject))
    siblings = sorted(
        (c for c in children(subject.head) if c.dep_ in SUBJECT_DEPS and c.i < subject.i),
        key=lambda c: c.i,
        reverse=True,
    )
    for sibling in siblings:
        gap = tokens(doc)[sibling.right_edge.i + 1 : start]
        if (
            sibling.tag_ in RELATIVE_TAGS
            or not all(t.text == "," or t.pos_ == "CCONJ" for t in gap)
            or any(t.pos_ in VERBAL_POS for t in subtree(sibling))
        ):
            break
        joined = joined or any(t.pos_ == "CCONJ" for t in [*gap, doc[sibling.right_edge.i]])
        if not joined:
            break
        start = sibling.left_edge.i
    return start


def _title_subject(subject: Token) -> Token:
    """A second subject the parser split off right before the speaker's name, which is its title ("Vatican
    spokesman the Rev. Tom Hale told": "spokesman" and "Hale" both subjects of "told"), else the subject."""
    first = subject.left_edge.i
    if subject.pos_ != "PROPN":
        return subject  # "the party he leads", "which she said": a relative clause, not a title
    for sibling in children(subject.head):
        if (
            sibling.dep_ in SUBJECT_DEPS
            and sibling.pos_ in TITLE_POS
            and sibling.i < first
            and sibling.right_edge.i == first - 1
        ):
            return sibling
    return subject


def _before_open_quote(doc: Doc, start: int, end: int) -> int:
    """The end of a speaker phrase before a line break or a quote mark that no later mark in it closes; a
    quoted title stays ("Ann Lee, the author of “Hard Times,” said")."""
    i = start
    while i <= end:
        if "\n" in doc[i].text:
            return i - 1
        if _phrase_mark(doc[i]):
            last = min(end + MAX_CLOSING_GAP, len(doc) - 1)  # "the host of “Good Day,” said": the mark after
            closing = next((j for j in range(i + 1, last + 1) if _phrase_mark(doc[j])), None)
            if closing is None:
                return i - 1
            i = closing
        i += 1
    return end


def _dateline_dash(doc: Doc, start: int, end: int) -> int | None:
    """The dash after "(AFP)" or "(Reuters)" when a speaker phrase holds a dateline ("New York (AFP) –
    Joe Biden", "Dec 29 (Reuters) - Hillary Clinton"), else ``None``."""
    return next((t.i for t in tokens(doc)[start + 1 : end + 2] if _agency_dash(t, start)), None)


def _name_after(doc: Doc, start: int) -> tuple[int, int]:
    """The run of name words from ``start`` on ("Governor Maria Ellis" of "(AFP) – Governor Maria Ellis
    said")."""
    end = start
    while end + 1 < len(doc) and doc[end + 1].pos_ in NAME_POS and doc[end + 1].dep_ != "punct":
        end += 1
    return start, end


def _phrase_mark(token: Token) -> bool:
    """A quote mark inside a speaker's phrase, but not the apostrophe of a plural possessive the tagger took for
    one ("Sanders’ campaign manager", "the voters' choice")."""
    if not quote_mark(token):
        return False
    doc, i = token.doc, token.i
    possessive = (
        token.text in APOSTROPHES
        and i > 0
        and doc[i - 1].text[-1:] in "sS"
        and not doc[i - 1].whitespace_
        and i + 1 < len(doc)
        and doc[i + 1].is_alpha
    )
    return not possessive


def quote_mark(token: Token) -> bool:
    """A quote mark, not the apostrophe of a possessive ("Sanders’ campaign")."""
    return token.is_quote and token.tag_ != "POS" and token.dep_ != "case"


def _aside(child: Token) -> bool:
    """A modifier PolNeAR leaves out of a source: a participle ("a group backing Bush", "Rubio, speaking in
    Miami") or anything else set off by a comma but an apposition or a relative clause ("Clinton, clearly
    frustrated"); "Brian Fallon, a spokesman", "Ann Hale, 64," and "Cox, who runs the group," stay."""
    if child.dep_ == "acl" and child.tag_ == "VBG":
        return True
    if _when(child):
        return True
    comma = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
    if comma and child.dep_ == "relcl":
        return _reports(child)
    if child.dep_ == "prep" and child.left_edge.lower_ in INCLUSIONS:
        return False  # "Two senators, including Ann Dole,": PolNeAR's source names everyone who speaks
    if child.dep_ == "prep" and child.lower_ in ORIGINS and any(c.pos_ == "PROPN" for c in children(child)):
        return False  # "Ann Dole, 55, of Ames,": where the speaker is from (on train: 12 in, 4 out)
    if not comma or child.dep_ in {"conj", "cc", "punct"}:
        return False
    return child.dep_ != "appos"


def _before_reporting_clause(subject: Token, end: int) -> int:
    """The end of a speaker phrase before a relative clause with a cue of its own that the parser hung deeper
    in the phrase, on an apposition or its object ("Ann Lee, an analyst at Fitch, who notes that …, said"):
    as when it hangs on the name itself, PolNeAR marks the clause as an attribution of its own. A clause stating
    the source's terms ("who spoke on the condition of anonymity") goes wherever it hangs, on the name too."""
    for token in subtree(subject):
        if token.dep_ != "relcl":
            continue
        first = token.left_edge.i
        if not subject.i < first <= end:
            continue
        if (token.head != subject and _speaks(token)) or _sourcing(token):
            end = first - 1
    return end


def _sourcing(clause: Token) -> bool:
    """A relative clause stating on what terms the source speaks ("a White House official, who requested
    anonymity to discuss the talks,", "who spoke on the condition of anonymity"): it says how, not who, and
    PolNeAR leaves it out of the source (14 times on train, 4 in)."""
    table = cues_for(clause.doc.lang_)
    return table is not None and any(t.lower_ in table.sourcing_words for t in subtree(clause))


def _speaks(clause: Token) -> bool:
    """A clause whose verb, or a verb joined to it by "and"/"but", is a speech verb reporting a clause ("who
    said he would", "who notes that …", "but who suggested that …"); with an object instead it may say who
    the speaker is ("who recalled the dinner", "who knows its gist": PolNeAR keeps those in the source)."""
    table = cues_for(clause.doc.lang_)
    heads = [clause, *(c for c in children(clause) if c.dep_ == "conj")]
    return table is not None and any(
        t.pos_ == "VERB"
        and t.lemma_.lower() in table.verbs
        and any(c.dep_ in CLAUSE_DEPS for c in children(t))
        for t in heads
    )


def _when(child: Token) -> bool:
    """A phrase of time the parser hung on the speaker ("Trump on Tuesday dismissed", "the mayor during a visit
    on Sunday said"): it says when, and PolNeAR leaves it out (on all train, "on <weekday>" follows a source 82
    times and sits inside one 17)."""
    return child.i > child.head.i and child.dep_ == "prep" and time_phrase(child)


def time_phrase(token: Token) -> bool:
    """ "on Friday", "Tuesday", "last week": a date or time, or a preposition governing one."""
    if token.dep_ == "npadvmod":
        return token.ent_type_ in TIME_ENTITIES
    objects = [c for c in children(token) if c.dep_ == "pobj"]
    return token.dep_ == "prep" and any(c.ent_type_ in TIME_ENTITIES for c in objects)


def _reports(clause: Token) -> bool:
    """A relative clause with a cue verb of its own ("Ann Lee, who praised the plan, said"): PolNeAR marks it
    as an attribution of its own and leaves it out of the outer source (on all train, 109 of 109 relative clauses
    whose verb is a gold cue). The clause's own verb may be a cue of any class ("who backs Cruz"); a speech verb
    anywhere inside it counts too."""
    table = cues_for(clause.doc.lang_)
    if table is None:
        return False
    heads = [clause, *(c for c in children(clause) if c.dep_ == "conj")]  # "who backs Cruz", a stance too
    return any(t.pos_ == "VERB" and t.lemma_.lower() in table.all_verbs for t in heads) or any(
        t.pos_ == "VERB" and t.lemma_.lower() in table.verbs for t in subtree(clause)
    )


def name_part(subject: Token, span: tuple[int, int]) -> tuple[int, int] | None:
    """The words that name a speaker whose span holds a relative clause, an apposition or an age set off by a
    comma ("Barkley, who rarely votes,", "Tom Hale, 64, a farmer,"): the phrase before it, or ``None``."""
    doc = subject.doc
    for child in rights(subject):
        first = child.left_edge.i
        if child.dep_ in {"relcl", "appos"} and span[0] < first - 1 <= span[1] and doc[first - 1].text == ",":
            return trim(doc, span[0], first - 2)
    return None


def participle_subject(verb: Token) -> Token | None:
    """The speaker of a participle the parser hung on the object of another verb ("Trump was heard on a
    microphone telling Christie to …", "emailed supporters saying: …", "made a pitch to voters saying …"):
    that verb's subject, not the noun (the medium or the listeners). After "by" the noun is the one who
    speaks ("interrupted by protesters chanting …"), and the caller keeps it, as it keeps a named group or
    person holding a stance, a belief or a plan ("cheered Democrats hoping to …", "gave to a PAC backing X")."""
    noun = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or any(c.dep_ in SUBJECT_DEPS for c in children(verb)):
        return None
    if noun.ent_type_ in HOLDER_ENTITIES and not _speaks_or_finds(verb):
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ != "by":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ not in VERBAL_POS:
        return None
    return next((c for c in children(head) if c.dep_ in SUBJECT_DEPS), None)


def _speaks_or_finds(verb: Token) -> bool:
    """A speech verb ("saying", "telling") or a finding ("showing"), whose noun is often the listener or the
    medium; other cue verbs are held by the noun they modify."""
    table = cues_for(verb.doc.lang_)
    lemma = verb.lemma_.lower()
    return table is None or lemma in table.verbs or lemma in table.findings


def quoted_after(verb: Token, other: Token) -> bool:
    """Whether ``other`` comes after ``verb`` past a quote mark: a verb of the quotation a participle
    introduces ("…, telling reporters, “A lot of people said …”"), whose subject is not the speaker's."""
    return other.i > verb.i and any(quote_mark(t) for t in tokens(verb.doc)[verb.i + 1 : other.i])


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearest before it ("Speaking in Salem, New Hampshire, Trump went
    after Bush": the parser took the place for a second subject)."""
    subjects = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else next(iter(subjects), None)


def dateline_dash(doc: Doc, start: int) -> int | None:
    """The dash closing a dateline that opens the line at ``start`` ("CAMBRIDGE, Mass., Dec. 11 (UPI) —",
    "New York (AFP) –", "CLEVELAND —"), else ``None``: a place in capitals or an agency in brackets, then
    only names, numbers and punctuation up to the dash."""
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return None
    dash = _first_dash(doc, start)
    if dash is None or dash.i == start:
        return None
    first = next((t for t in tokens(doc)[start : dash.i] if t.is_alpha), None)
    agency = doc[dash.i - 1].text == ")" or _slash_agency(dash)
    return (
        dash.i
        if agency or (first is not None and first.is_upper and len(first) >= MIN_DATELINE_WORD)
        else None
    )


def _first_dash(doc: Doc, start: int) -> Token | None:
    """The first dash (or agency in slashes) within ``MAX_DATELINE`` tokens of ``start`` with only names,
    numbers and punctuation before it, else ``None``. A word of any other kind before the dash rules out a
    dateline, so the walk stops there: asked of every parsed sentence, most stop at their second word."""
    for token in tokens(doc)[start : start + MAX_DATELINE]:
        if token.text in DASHES or _agency_dash(token, start) or _slash_agency(token):
            return token
        if not (token.is_upper or token.is_title or token.like_num or token.is_punct):
            return None
    return None


def after_dateline(
    doc: Doc, speaker: tuple[int, int], subject: Token, verb: Token
) -> tuple[tuple[int, int], Token]:
    """A speaker span that opens a line with a dateline ("CLEVELAND — Former Attorney General Michael Mukasey
    told", "NEW YORK, Nov. 19 (UPI) — Hillary Clinton is calling"), which the parser made the subject or
    part of it: the name after the dateline's dash instead. (``speaker_span`` handles "(AFP) –" inside a
    span.)"""
    dash = dateline_end(doc, speaker[0])
    if dash is None or dash + 1 >= verb.i:
        return speaker, subject
    end = dash + 1
    while end + 1 < verb.i and doc[end + 1].pos_ in NAME_POS and doc[end + 1].dep_ != "punct":
        end += 1
    if speaker[1] > dash:
        end = speaker[1]  # "CLEVELAND — Former Attorney General Michael Mukasey": the span went on past it
    name = trim(doc, dash + 1, end)
    return (name, doc[name[1]]) if name is not None else (speaker, subject)


def dateline_end(doc: Doc, token: int) -> int | None:
    """The last token of the dateline that ``token`` opens or sits inside, else ``None``. A sentence may start
    inside one: "BAKU, March 14. /TASS/. Baku is ready …" is split after "14.", and a sentence parsed alone
    then starts with the agency ("/TASS/.", "/ITAR - TASS/.")."""
    # remembered per parse and token: a sentence's content, speaker and follow-ups all ask about the same line
    known = doc.user_data.setdefault("storyline.dateline_end", {})
    if token not in known:
        known[token] = _dateline_end(doc, token)
    return known[token]


def _dateline_end(doc: Doc, token: int) -> int | None:
    """``dateline_end``, not remembered."""
    if _agency_opening(doc, token):
        closing = (t.i for t in doc[token : token + MAX_AGENCY_TOKENS] if _slash_agency(t) and t.text != "/")
        return next(closing, None)
    start, words = token, tokens(doc)
    while start > max(0, token - MAX_DATELINE) and "\n" not in words[start - 1].text_with_ws:
        start -= 1
    lines = doc.user_data.setdefault("storyline.dateline_dash", {})  # the same line's, for every token in it
    if start not in lines:
        lines[start] = dateline_dash(doc, start)
    dash = lines[start]
    return dash if dash is not None and dash >= token else None


def _agency_opening(doc: Doc, token: int) -> bool:
    """Whether ``token`` opens an agency in slashes at a sentence's start ("/TASS/.", "/ITAR - TASS/.")."""
    opening = SLASH_OPENING.match(doc[token].text) is not None
    return opening and (token == 0 or doc[token - 1].is_punct or doc[token - 1].is_space)


def _slash_agency(token: Token) -> bool:
    """An agency in slashes that closes a dateline ("/TASS/.", "/ITAR-TASS/")."""
    return SLASH_AGENCY.fullmatch(token.text) is not None


def _agency_dash(token: Token, start: int) -> bool:
    """A hyphen right after "(Reuters)", which closes a dateline as a dash does ("Dec 29 (Reuters) - …")."""
    return token.text in DATELINE_DASHES and token.i > start and token.doc[token.i - 1].text == ")"


def _title_opening(doc: Doc, start: int, closing: int) -> int | None:
    """The opening mark of a quoted title that ``closing`` ends inside a noun phrase from ``start`` on ("the
    “No Comparison” ad"): a few words with no punctuation between the marks, where a quotation has a comma or a
    full stop; else ``None``."""
    for j in range(closing - 1, max(start, closing - MAX_TITLE - 1) - 1, -1):
        if quote_mark(doc[j]):
            words = doc[j + 1 : closing]
            return j if len(words) and not any(t.is_punct for t in words) else None
    return None
