"""The content of a cue: what a speaker is reported to have said, believed, planned or found.

Reads one parsed sentence: a speech verb's reported clause ("said *that taxes will rise*"), the clause a cue
interrupts or follows ("*Taxes*, he said, *will rise*"), an infinitive ("wants *to leave*"), an object and its
predicate ("called *him a liar*", "sees *it as a failure*") or the object of a cue's preposition ("called for
*his resignation*"). Spans follow PolNeAR: a comma-set aside closing the content ("…, which opened in May") is
the writer's, and a second speech verb the parser hung on the clause ("… and warned that …") ends it; so
do a dateline opening it, a time phrase between the cue and the clause ("said on Friday he …"), and the
occasion or a dash-set comment after a closing quote mark. A clause of condition or reason the parser hung on
the cue ("…, because …") stays in it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from storyline.analyze.quote_cues import CueTable
from storyline.analyze.quote_spans import (
    CLAUSE_DEPS,
    DASHES,
    RELATIVE_ADVERB_TAGS,
    RELATIVE_TAGS,
    SENTENCE_ENDS,
    SUBJECT_DEPS,
    TIME_ENTITIES,
    VERBAL_POS,
    dateline_end,
    quote_mark,
    time_phrase,
    to_infinitive,
    trim,
    word_after_verb,
)
from storyline.analyze.quote_trees import children, rights, subtree, tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# what a verb's content is made of when it has no reported clause: "wants to leave", "called him a liar",
# "criticized the plan", "described it as a failure"
COMPLEMENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "oprd", "attr", "acomp"})
STRANDING_DEPS = frozenset({"prep", "pobj", "dobj", "dative", "npadvmod"})  # from a stranded clause's noun up
# what the parser calls a noun's "that" clause when it hangs it on a verb ("accusations that …" on "respond")
OBJECT_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl"})
INVERTING_DEPS = frozenset({"aux", "auxpass"})  # the auxiliary that opens such a condition
# "However, …", "Even so, …", "In fact, …": the writer's linking adverb or phrase opening a clause (a phrase of
# place or time, "In Ohio, …", "In 2014, …", is part of what was reported)
LINKING_PHRASES = frozenset(
    {"in fact", "in contrast", "by contrast", "in addition", "in particular", "at the same time"}
)
MAX_OPENER = 8
MAX_LABEL_WORDS = 3  # "Interview:", "Ukraine war:" before a headline's quotation
MAX_INFINITIVE_GAP = 2  # "promised to defend", "promised again to": a purpose set off further ("said, on
# condition of anonymity to speak freely") is no content of the cue
# "Asked about it, …", "Speaking at a rally, …" (with no subject, a past tense is a participle the tagger missed)
OPENING_PARTICIPLE_TAGS = frozenset({"VBN", "VBG", "VBD"})
# what the parser calls "…, a swipe at his rivals" at a clause's end
COMMENT_DEPS = frozenset({"dep", "npadvmod"})
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj"})  # how the parser hangs "…, saying …"
FOLLOW_UP_DEPS = frozenset({"advcl", "conj"})  # how a follow-up cue hangs in a reported clause
# how the parser hangs a closing "…, the Tribune reports." on the clause it reports, instead of the reverse
CLOSING_FRAME_DEPS = frozenset({"advcl", "conj", "ccomp"})
NOUN_HEADS = frozenset({"NOUN", "PROPN"})  # a sentence read as a noun phrase: its verb was misread
MODIFIER_DEPS = frozenset({"amod", "compound"})  # a participle read as an adjective: "his oft-stated goal"
NON_FINITE_TAGS = frozenset({"VB", "VBG"})  # a past participle stays: with a subject it is a misread past
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})  # what can be a reported clause's subject


def content_of(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """The reported clause (``_reported``) without an aside closing it."""
    content = _reported(doc, verb, table)
    if content is None:
        return None
    content = _without_closing_setting(doc, _without_closing_aside(doc, content), verb, table)
    content = _without_dashed_aside(doc, _without_closing_adjunct(doc, content, verb, table))
    content = _without_closing_participle(doc, content, verb, table)
    content = _without_closing_frame(doc, content, verb, table)
    subjects = [c.left_edge.i for c in children(verb) if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    content = (
        without_opener(doc, verb, content, (min([verb.i, *subjects]), verb.i)) or content
    )  # "In fact, …"
    dash = dateline_end(doc, content[0])
    if dash is not None and dash < content[1]:  # "LOS ANGELES (UPI) — The album is done, the band revealed"
        content = trim(doc, dash + 1, content[1]) or content
    content = _past_colon(doc, _without_label(doc, content), table)
    wh = [c for c in children(verb) if c.dep_ == "dobj" and c.tag_ in RELATIVE_TAGS and c.i < verb.i]
    if wh and content[0] > verb.i:  # "which he described as a failure": the "which" is what he described
        return (wh[0].i, content[1])
    return content


def _without_label(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """The content from its quotation on, when the parser hung a headline's label on it ('Interview: "We will
    not accept any preconditions," says Armenian minister'): a word or two and a colon before the quote mark at
    the start of a line are the story's topic, not the speaker's words."""
    start = content[0]
    colon = next(
        (i for i in range(start, min(start + MAX_LABEL_WORDS + 1, content[1])) if doc[i].text == ":"), None
    )
    at_line_start = start == 0 or "\n" in doc[start - 1].text_with_ws
    if colon is None or not at_line_start or colon == start or not quote_mark(doc[colon + 1]):
        return content
    return (colon + 1, content[1])


def _past_colon(doc: Doc, content: tuple[int, int], table: CueTable) -> tuple[int, int]:
    """The content extended to the sentence's end over a colon right after it ("hopes to gain from the timing:
    with the holidays near, rivals have little time", "noted one reason: *turnout fell*"): what follows spells
    out what was reported (on PolNeAR train, 23 of 28 contents ending at such a colon go on past it). Not
    past a line break, from inside a quotation, or over a speech verb (`…: “…,” he claimed`)."""
    colon = content[1] + 1
    if colon + 1 >= len(doc) or doc[colon].text != ":" or "\n" in doc[colon].text_with_ws:
        return content
    rest = doc[colon + 1 :]
    if (
        any("\n" in t.text_with_ws for t in rest[:-1])
        or sum(quote_mark(t) for t in doc[content[0] : colon]) % 2
    ):
        return content
    if any(t.pos_ == "VERB" and t.lemma_.lower() in table.verbs for t in rest):
        return content
    return trim(doc, content[0], len(doc) - 1) or content


def _without_closing_aside(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """The content without a relative clause or an apposition set off by a comma at its end ("…
    exchanges with Eric Fanning, who was his chief of staff"): the writer's aside, not what the source said."""
    for token in tokens(doc)[content[0] : content[1] + 1]:
        if not _closing_aside(token):
            continue
        first = token.left_edge.i
        if (
            content[0] < first - 1
            and doc[first - 1].text == ","
            and (trim(doc, first, content[1]) or (0, -1))[1] == token.right_edge.i
        ):
            return trim(doc, content[0], first - 2) or content
    return content


def _without_closing_setting(
    doc: Doc, content: tuple[int, int], verb: Token, table: CueTable
) -> tuple[int, int]:
    """The content without a phrase of the occasion right after its closing quote mark ("… does not want
    “that crap,” in an interview with CNN"): it says where the words were spoken, not what they were; the
    parser hangs it on the reported clause's verb. (Without the quotation to mark where the words end, a
    "rally" or a "debate" at the end is as often what was said.)"""
    for token in tokens(doc)[content[0] + 1 : content[1] + 1]:
        if (
            token.dep_ == "prep"
            and token.i > verb.i
            and token.head.pos_ in VERBAL_POS
            and (trim(doc, token.i, content[1]) or (0, -1))[1] == token.right_edge.i
            and any(c.dep_ == "pobj" and c.lemma_.lower() in table.settings for c in children(token))
            and doc[token.i - 1].is_quote
        ):
            return trim(doc, content[0], token.i - 1) or content
    return content


def _without_closing_adjunct(
    doc: Doc, content: tuple[int, int], verb: Token, table: CueTable
) -> tuple[int, int]:
    """The content without a phrase of contrast, concession or comparison set off by a comma at its end
    ("said turnout rose, while others saw it fall", "… 40 percent, compared with 35 in May", "…, despite the
    polls"): the writer sets the reported words against other facts; PolNeAR ends the content before it."""
    words = tokens(doc)
    for i in range(content[0] + 1, content[1]):
        if words[i].text != "," or not _adjunct_opener(words[i + 1], table):
            continue
        phrase = words[i + 1]
        while phrase.head.i != phrase.i and phrase.head.left_edge.i == i + 1:
            phrase = phrase.head
        if (
            phrase.right_edge.i >= content[1]
            and _set_against(phrase)
            and not _second_figure(verb, doc[content[0] : i], phrase, table)
        ):
            return trim(doc, content[0], i - 1) or content
    return content


def _without_closing_participle(
    doc: Doc, content: tuple[int, int], verb: Token, table: CueTable
) -> tuple[int, int]:
    """The content without a speech verb's participle set off by a comma at its end ("rejected the idea that
    he would hurt the ticket, *saying the crowds prove otherwise*", "…, explaining that …"): a cue of its own,
    with its own content, even when the parser hung it on the object's clause. (With the cues that take a
    preposition too, "…, pointing to his wins", as many were lost as gained on PolNeAR train.)"""
    for token in tokens(doc)[max(content[0], verb.i + 1) : content[1] + 1]:
        if token.tag_ != "VBG" or token.dep_ not in PARTICIPLE_DEPS:
            continue
        first = token.left_edge.i
        if (
            content[0] < first - 1
            and doc[first - 1].text == ","
            and token.right_edge.i >= content[1]
            and token.lemma_.lower() in table.verbs
        ):
            return trim(doc, content[0], first - 2) or content
    return content


def _second_figure(verb: Token, before: Span, phrase: Token, table: CueTable) -> bool:
    """A poll's or a study's second figure ("a survey found 40 percent trust the mayor, *while 35 percent
    trust the council*"): a "while" clause setting one number against another inside what was found, which
    PolNeAR keeps. Without a figure on both sides ("most favor it, while a third oppose it") or after a
    speech verb, the contrast is the writer's."""
    lemma = verb.lemma_.lower()
    if phrase.left_edge.lower_ not in table.figure_contrasts or (
        lemma not in table.findings and lemma not in table.finding_beliefs
    ):
        return False
    return any(_figure(t) for t in before) and any(_figure(t) for t in subtree(phrase))


def _figure(token: Token) -> bool:
    """A number written in digits ("40", "3.5") or a percent sign."""
    return token.text == "%" or (token.like_num and any(ch.isdigit() for ch in token.text))


def _set_against(phrase: Token) -> bool:
    """Whether a closing adjunct sets the reported words against another fact: a comparison needs a number
    ("compared with 33 percent"; "compared with Sanders" is still what was said), and "despite" a noun, not
    the speaker's own doing ("despite trailing in the polls")."""
    words = subtree(phrase)
    if phrase.lower_ == "compared" or phrase.left_edge.lower_ == "compared":
        return any(t.like_num for t in words)
    if phrase.lower_ == "despite":
        return not any(c.dep_ == "pcomp" for c in children(phrase))
    return True


def _adjunct_opener(token: Token, table: CueTable) -> bool:
    """ "while", "despite", "compared", "even though", "well above": a word opening a closing adjunct."""
    if token.lower_ in table.closing_adjuncts:
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and (token.lower_, following.lower_) in table.closing_adjunct_pairs


def _without_dashed_aside(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """The content without a dash and what follows it after a closing quote mark ("called him “the next
    Washington” – the Founding Father who …", "… “felony charges” – absent intervention, of course"): the
    writer's comment on the quotation."""
    words = tokens(doc)
    for i in range(content[0] + 1, content[1]):
        if words[i].text in DASHES and quote_mark(words[i - 1]) and not quote_mark(words[i + 1]):
            return trim(doc, content[0], i - 1) or content
    return content


def _closing_aside(token: Token) -> bool:
    """A relative clause opened by a wh-word ("which had been planned") or an apposition opened by an
    article ("a provision that …"); an apposition without one is often the next item of a list. The writer's
    comment on the whole clause ("…, a swipe at his rivals", "…, a charge the party denied") counts too when
    the parser hung it loosely on a verb ("dep", "npadvmod")."""
    dep = token.dep_
    if dep == "relcl":
        first = token.left_edge
        return first.tag_ in RELATIVE_TAGS | RELATIVE_ADVERB_TAGS | {"WP$"} and first.lower_ != "that"
    noun = dep == "appos" or (dep in COMMENT_DEPS and token.pos_ == "NOUN")
    return noun and token.left_edge.dep_ == "det" and not any(t.dep_ == "cc" for t in subtree(token))


def _reported(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """The reported clause: the verb's ccomp, the clause it interrupts, or its infinitive/gerund complement"""
    if verb.lemma_.lower() in table.quote_only:
        return None
    if verb.lemma_.lower() in table.regards:
        return _regarded(doc, verb)
    clauses = sorted((c for c in children(verb) if c.dep_ in CLAUSE_DEPS), key=lambda c: c.i < verb.i)
    if (subject := _coordinated_closing_subject(verb, clauses)) is not None:
        return _before_closing_frame(doc, verb, subject)
    if clauses and _object_over_fronted_clause(verb, clauses, table):
        clauses = []
    clauses = [c for c in clauses if not _coordinated_after_object(verb, c) and not _bare_participle(verb, c)]
    if clauses and _chose_object(verb, table):
        return None
    if clauses:  # the clause after the verb first: a second ccomp before it is usually a misparse
        clause = clauses[0]
        end = _before_follow_up(clause, table)
        if end == clause.right_edge.i and clause.i > verb.i:
            end = _condition_end(
                verb, _split_clause_end(verb, _coordinate_end(verb, clause, table), table), table
            )
        start = _object_as_subject(verb, clause, table) or _after_time_opener(verb, clause)
        end = _before_own_conjunct(verb, clause, end, table)
        if clause.i < verb.i:
            end = _over_trailing_participles(verb, end, table)
        if (split := _split_clause(verb, clause, end)) is not None:
            end = split.right_edge.i
        return trim(doc, start, end)
    if (stranded := _stranded_that_clause(verb, table)) is not None:
        return trim(doc, stranded.left_edge.i, stranded.right_edge.i)
    if (subject := _clause_after_phrase(verb, table)) is not None:
        return trim(doc, subject.left_edge.i, subject.head.right_edge.i)
    if (subject := closing_subject(verb, table) or _relative_closing(verb, table)) is not None:
        return _before_closing_frame(doc, verb, subject)
    if _inverted_closing(verb, table):
        return _before_inverted_frame(doc, verb)
    if _reports_head(verb, table) and (verb.head.pos_ in VERBAL_POS or _verbless_report(verb)):
        content = around_phrase(
            doc,
            (_after_leading_participle(verb), _before_reporting_conjunct(verb, table)),
            (verb.left_edge.i, verb.right_edge.i),
        )
        attribution = (verb.left_edge.i, verb.right_edge.i)
        return without_opener(doc, verb.head, content, attribution) if content is not None else None
    if _belief_only(verb, table) and not _study_finding(verb, table) and cue_prep(verb, table) is None:
        return None  # "she feels he is unfit" is a belief; "she feels a lot of emotion" is not ("believes in" is)
    complements = [c for c in children(verb) if c.dep_ == "xcomp" and c.lemma_.lower() not in table.verbs]
    complements = complements or _infinitive_after(verb, table)
    if complements:  # "urged voters to slow down": PolNeAR's content holds the addressee too
        infinitive = to_infinitive(complements[0])
        prep = cue_prep(verb, table)  # "called on the mayor to resign": the addressee is the preposition's
        addressees = (
            [c for c in children(prep) if c.dep_ == "pobj"] if prep is not None and infinitive else []
        )
        objects = [
            c.left_edge.i
            for c in [*children(verb), *addressees]
            if infinitive
            and c.dep_ in {"dobj", "pobj"}
            and verb.i < c.i < complements[0].i
            and c.ent_type_ not in TIME_ENTITIES
        ]
        end = complements[0].right_edge.i
        if complements[0].i > verb.i:  # "vowed to impose a tariff unless the company stays"
            end = _condition_end(verb, end, table)
        return trim(doc, min(objects, default=complements[0].left_edge.i), end)
    if verb.lemma_.lower() in table.choices:
        return None  # "likes him": a liking is a cue only with what is wished for ("would like to see …")
    return _complements(doc, verb, table)


def _chose_object(verb: Token, table: CueTable) -> bool:
    """ "Turnout will decide it - More from Berg: “…”": a choice with a direct object chose that object; a
    clause the parser hangs on it after the object (a quotation after a colon) is no content of it."""
    return verb.lemma_.lower() in table.choices and any(c.dep_ == "dobj" for c in children(verb))


def _coordinated_closing_subject(verb: Token, clauses: list[Token]) -> Token | None:
    """The subject of a closing speech verb the parser made the last conjunct of what it reports: in "Two
    were killed and 140 were hospitalized after the leak, the ministry said" it reads "killed … and [140 were
    hospitalized…], the ministry said", so the verb's own clause is only the second half. The content is the
    whole sentence before the comma, as for ``closing_subject``."""
    if verb.dep_ != "conj" or not clauses or any(c.i > verb.i for c in clauses) or verb.head.i > verb.i:
        return None
    before = verb.doc[clauses[0].left_edge.i - 1] if clauses[0].left_edge.i > 0 else None
    if before is None or before.dep_ != "cc" or before.head.i != verb.head.i:
        return None
    return _subject_after_comma(verb, clauses[0].i)


def saying_goes_on(conjunct: Token, passive_object_verbs: Collection[str]) -> Token | None:
    """The past verb over a reported clause (the verb of saying) that an active past conjunct goes on with,
    when the parser hung it on a passive in that clause: in "Oskaria said three soldiers had been wounded and
    accused Varnia of firing first", "accused" has an object, so it cannot share "had been"; it is a past of its
    own, like "said", whose subject accuses and which ends what was said. A verb that keeps its object in the
    passive (``passive_object_verbs``: "had been arrested and denied bail") shares it. Outside a reported
    clause, "had been wounded and accused the rebels" keeps the shared subject."""
    head = conjunct.head
    if conjunct.dep_ != "conj" or head.dep_ != "ccomp" or not head.head.i < head.i < conjunct.i:
        return None
    if conjunct.tag_ not in ("VBD", "VBN") or conjunct.lemma_.lower() in passive_object_verbs:
        return None
    if not any(c.dep_ in {"dobj", "dative"} for c in children(conjunct)):
        return None
    if any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in children(conjunct)):
        return None
    passive_head = any(c.dep_ == "auxpass" for c in children(head))
    return head.head if passive_head and head.head.tag_ == "VBD" else None


def _over_trailing_participles(verb: Token, end: int, table: CueTable) -> int:
    """The end of a content before its closing frame, over a participle clause after it that the parser hung
    on the verb of saying ("Imports fell 1.4 percent, narrowing from a 10.2-percent drop, Lyu told a press
    conference"): it goes on with what was said. Not a verb of saying ("…, adding that …"), which is a cue."""
    subjects = [c.left_edge.i for c in children(verb) if c.dep_ in SUBJECT_DEPS and end < c.i < verb.i]
    if not subjects:
        return end
    for child in children(verb):
        if (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and end < child.left_edge.i
            and child.right_edge.i < subjects[0]
            and child.lemma_.lower() not in table.verbs
        ):
            end = child.right_edge.i
    return end


def _before_reporting_conjunct(verb: Token, table: CueTable) -> int:
    """The last word of the clause a set-off cue reports: the clause's end, or the word before a conjunct after
    the cue that reports words of its own ("Aircraft struck targets, the military said, and health officials
    said nine people had been killed": the officials' words are no part of what the military said); a
    quotation going on after the cue stays ("…, Strother said, but “we don't ask them …”")."""
    head, words = verb.head, tokens(verb.doc)
    for child in rights(head):
        if (
            child.dep_ == "conj"
            and child.i > verb.i
            and child.lemma_.lower() in table.verbs
            and any(c.dep_ in SUBJECT_DEPS for c in children(child))
            and not any(quote_mark(t) for t in words[verb.right_edge.i + 1 : child.i])
        ):
            return child.left_edge.i - 1
    return head.right_edge.i


def _before_own_conjunct(verb: Token, clause: Token, end: int, table: CueTable) -> int:
    """``end``, or the word before the "and" of a conjunct that goes on with the verb of saying rather than
    with what was said (``saying_goes_on``)."""
    for child in rights(clause):
        if (
            child.dep_ == "conj"
            and getattr(saying_goes_on(child, table.passive_object_verbs), "i", None) == verb.i
        ):
            joiners = [c.i for c in children(clause) if c.dep_ in {"cc", "punct"} and c.i < child.i]
            return min(end, (joiners[-1] if joiners else child.left_edge.i) - 1)
    return end


def _object_over_fronted_clause(verb: Token, clauses: list[Token], table: CueTable) -> bool:
    """A clause before the speaker is no content when the verb has its subject and a noun object after it: in
    "The plan was welcomed by all, and in his remarks Smith suggested a broader forum" the parser hangs the
    first clause on "suggested", whose content is its object. "“…,” he told reporters" keeps its quotation
    ("tell" takes a listener), and "…, said the official" has no subject before the verb."""
    if any(c.i > verb.i for c in clauses) or verb.lemma_.lower() in table.no_object:
        return False
    has_subject = any(c.dep_ in SUBJECT_DEPS and clauses[0].i < c.i < verb.i for c in children(verb))
    return has_subject and (_noun_object(verb, len(verb.doc)) or _prep_object(verb, table))


def _prep_object(verb: Token, table: CueTable) -> bool:
    """Whether the verb's cue preposition has its object ("Francis points to structural inequities"): the
    content, as a noun object would be."""
    prep = cue_prep(verb, table)  # "called for the mayor to resign": the "for" marks the clause
    return prep is not None and (
        prep.dep_ == "mark" or any(c.dep_ in {"pobj", "pcomp"} for c in children(prep))
    )


def _bare_participle(verb: Token, clause: Token) -> bool:
    """A past participle after the verb with no subject or auxiliary of its own is no reported clause: "…, he said
    in an interview with France 24 **broadcast** on Thursday" describes the interview (the parser's clause)."""
    if clause.i < verb.i or clause.tag_ != "VBN":
        return False
    return not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in children(clause))


def _coordinated_after_object(verb: Token, clause: Token) -> bool:
    """A clause after the verb's noun object and "and"/"but" is a second event, not what was said: in "A woman
    answered the door and a man walked in" the parser makes "walked" a complement of "answered"."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return clause.i > verb.i and before is not None and before.tag_ == "CC" and _noun_object(verb, before.i)


def _noun_object(verb: Token, before: int) -> bool:
    """Whether the verb has a noun or name as its direct object after it and before token ``before``."""
    return any(
        c.dep_ == "dobj" and verb.i < c.i < before and c.pos_ in ("NOUN", "PROPN") for c in children(verb)
    )


def _split_clause(verb: Token, clause: Token, end: int) -> Token | None:
    """A second reported clause of the verb right after the first one's end, where the first is headed by no
    verb: the parser split one clause in two ("said the delegations **present** | would **press** ahead": an
    adjective read as the subject's verb). ``None`` if there is none."""
    if clause.pos_ in VERBAL_POS:
        return None
    return next(
        (c for c in children(verb) if c.dep_ == "ccomp" and c.i > clause.i and c.left_edge.i == end + 1), None
    )


def _stranded_that_clause(verb: Token, table: CueTable) -> Token | None:
    """A that-clause the parser hung on a noun of a phrase between the verb and the clause ("said in one of a
    series of Twitter messages that the truck was carrying arms", "told Clinton at a debate that voters were
    tired"), or on the listener a verb of ``no_object`` takes ("told a news conference that progress had been
    made"): a relative clause whose "that" is a complementizer (``_complementizer``) and which has a subject
    of its own is the verb's reported clause. A statement noun's own clause ("responded to accusations that …")
    stays."""
    for token in subtree(verb):
        if (
            token.i <= verb.i
            or token.dep_ not in {"relcl", "acl"}
            or token.head.lemma_.lower() in table.nouns
        ):
            continue
        if not _complementizer(token, table) or not any(c.dep_ in SUBJECT_DEPS for c in children(token)):
            continue
        host = token.head
        if _listener(verb, host, table):
            return token
        if host.dep_ != "pobj" or _is_cue_prep(verb, host.head, table):
            continue  # "responded to accusations that …": the noun's own clause
        if _occasion_path(verb, host, table):
            return token
    return None


def _clause_after_phrase(verb: Token, table: CueTable) -> Token | None:
    """The subject of the clause a speech verb reports, where the parser hung that clause elsewhere: made it the
    verb's head ("days after Trump told The Post he was “not quite there yet”": "told" an adverbial clause of
    "was") or a conjunct of the sentence's verb ("with McCain telling reporters on Thursday he viewed Obama
    as …"). The subject starts right where the verb's phrase ends, with no comma between, its clause comes
    after the verb, and the verb, one that takes a clause, has none of its own."""
    lemma = verb.lemma_.lower()
    if lemma not in table.clause_verbs and lemma not in table.no_object:
        return None
    if verb.dep_ in MODIFIER_DEPS or verb.right_edge.i + 1 >= len(verb.doc):
        return None  # "His oft-stated goal is …"
    kids = children(verb)
    if any(c.dep_ in CLAUSE_DEPS or (c.dep_ == "dobj" and c.i < verb.i) for c in kids):
        return None  # a clause of its own, or what was said before it ("what Obama says … is")
    if not any(c.dep_ == "nsubj" for c in kids):
        return None  # "When asked about it she said …": a question put, with the answer's clause after it
    words = tokens(verb.doc)
    subject = words[verb.right_edge.i + 1]
    while subject.dep_ not in SUBJECT_DEPS and subject.head.i != subject.i:
        if subject.head.left_edge.i != subject.left_edge.i:
            return None  # the word opens no phrase of its head's: no subject starts there
        subject = subject.head  # "he" is its own subject; "the plan" climbs from "the" to "plan"
    if subject.dep_ not in SUBJECT_DEPS or subject.head.i <= verb.i or subject.head.pos_ not in VERBAL_POS:
        return None
    if any(t.is_punct for t in words[verb.i + 1 : subject.left_edge.i]):
        return None  # "As X reported, the …": a phrase set off
    return subject


def _listener(verb: Token, noun: Token, table: CueTable) -> bool:
    """Whether ``noun`` is the object of a verb whose object is who is told, not what ("told a news
    conference")."""
    return (
        noun.head.i == verb.i and noun.dep_ in {"dobj", "dative"} and verb.lemma_.lower() in table.no_object
    )


def _complementizer(clause: Token, table: CueTable) -> bool:
    """Whether a "that" opens ``clause`` as a complementizer: marked so, or taken for its object by the parser
    when the clause has an object of its own ("told reporters at the palace **that** Toha had the experience")."""
    kids = children(clause)
    for c in kids:
        if c.i < clause.i and c.lower_ in table.that:
            if c.dep_ == "mark":
                return True
            if c.dep_ == "dobj" and any(o.dep_ == "dobj" and o.i > clause.i for o in kids):
                return True
    return False


def _occasion_path(verb: Token, host: Token, table: CueTable) -> bool:
    """Whether ``host`` hangs on the verb through a phrase of the occasion ("said in one of a series of
    messages", "told the audience at his fundraiser", "told Clinton at a debate"), across prepositions and
    their nouns only: no other clause between."""
    path = [host]
    while path[-1].i != verb.i and path[-1].dep_ in STRANDING_DEPS:
        path.append(path[-1].head)
    if path[-1].i != verb.i or len(path) < 3:
        return False
    top, below = path[-2], path[-3]
    if top.dep_ in {"dobj", "dative"}:
        top = below if below.dep_ == "prep" else top
    return top.dep_ == "prep" and top.lower_ in table.occasion_preps


def _is_cue_prep(verb: Token, prep: Token, table: CueTable) -> bool:
    """Whether ``prep`` is the verb's own preposition ("responded to", "marveled at"): its noun is what the
    verb is about, and the noun's clause completes the noun."""
    found = cue_prep(verb, table)
    return found is not None and found.i == prep.i


def _after_leading_participle(verb: Token) -> int:
    """Where the clause around an attribution phrase starts: after a participle clause that opens it and ends
    right before the phrase ("Asked about the plan, he said, “…”", "Pressed on the issue, she said, …"): the
    occasion of the words, not what was said."""
    head, phrase = verb.head, verb.left_edge.i
    if not any(c.dep_ in SUBJECT_DEPS and c.i > phrase for c in children(head)):
        return head.left_edge.i  # "Riding alone at night, she said, can be risky": the gerund is the subject
    for child in children(head):
        if (
            child.dep_ == "advcl"
            and child.tag_ in OPENING_PARTICIPLE_TAGS
            and child.left_edge.i == head.left_edge.i
            and verb.doc[child.right_edge.i + 1].text == ","
            and child.right_edge.i + 1 <= phrase <= child.right_edge.i + 2
            and not any(c.dep_ in SUBJECT_DEPS for c in children(child))
        ):
            return phrase
    return head.left_edge.i


def _object_as_subject(verb: Token, clause: Token, table: CueTable) -> int | None:
    """Where the subject of a reported clause starts when the parser made it the cue's object ("Erdogan said
    **trade between the two countries, about $4 billion last year,** should reach $6 billion": "trade" read
    as what was said, "reach" left without a subject), for a verb that takes no listener as its object
    (``table.clause_verbs``); else ``None``."""
    if verb.lemma_.lower() not in table.clause_verbs or clause.i < verb.i:
        return None
    kids = children(clause)
    if any(c.dep_ in SUBJECT_DEPS for c in kids):
        return None
    objects = [
        c
        for c in children(verb)
        if c.dep_ == "dobj"
        and c.pos_ in NOMINAL_POS
        and verb.i < c.i < clause.i
        and not any(t.text == ":" for t in tokens(verb.doc)[c.i : clause.i])  # "added warily: “…”"
    ]
    return objects[0].left_edge.i if objects else None


def _after_time_opener(verb: Token, clause: Token) -> int:
    """The first token of a reported clause after a phrase of time that opens it right after the cue ("said on
    Friday he met Trump", "said Tuesday the talks would resume"): the parser hangs it on the clause, but it
    says when the words were spoken, as PolNeAR reads it."""
    start = clause.left_edge.i
    subjects = [c for c in children(clause) if c.dep_ in SUBJECT_DEPS and c.i < clause.i]
    if start != verb.i + 1 or not subjects:
        return start
    for child in children(clause):
        if child.left_edge.i == start and child.right_edge.i < subjects[0].left_edge.i and time_phrase(child):
            return child.right_edge.i + 1
    return start


def _infinitive_after(verb: Token, table: CueTable) -> list[Token]:
    """The infinitive a verb of intention governs when the parser took it for one of purpose because of a
    phrase between them ("promised Sunday at a rally to end the program"): what was promised."""
    if verb.lemma_.lower() not in table.intentions:
        return []
    return [
        c
        for c in rights(verb)
        if c.dep_ == "advcl"
        and any(a.dep_ == "aux" and a.tag_ == "TO" and a.i == c.left_edge.i for a in children(c))
    ][:1]


def that_clause(verb: Token, table: CueTable) -> bool:
    """A verb opened by "that": a reported clause ("said in a statement that she is proud of it"), whatever the
    parser hung it on."""
    return any(c.dep_ == "mark" and c.lower_ in table.that for c in children(verb))


def _coordinate_end(verb: Token, clause: Token, table: CueTable) -> int:
    """The end of a reported clause extended over a clause the parser conjoined to the cue after it: one
    opened by "that" ("said the plan was dead and that talks would go on") or one set against it with a
    subject of its own that is not a person's pronoun ("said he would come, but no date has been set"),
    which goes on with what was reported; "…, but he did not apologize" is the writer's, about the speaker,
    and so is "…, and the council has already sued"."""
    end, joiner = clause.right_edge.i, ""
    for child in rights(verb):
        if child.i <= end or child.dep_ in {"cc", "punct"}:
            joiner = child.lower_ if child.dep_ == "cc" else joiner
            continue
        if child.dep_ == "conj" and child.left_edge.i > end and not _cue_lemma(child, table):
            subjects = [c for c in children(child) if c.dep_ in SUBJECT_DEPS]
            that = that_clause(child, table)
            against = joiner in table.contrasts or joiner == "nor"
            if that or (
                subjects and against and not any(s.lower_ in table.speaker_pronouns for s in subjects)
            ):
                end = child.right_edge.i
        break
    return end


def _split_clause_end(verb: Token, end: int, table: CueTable) -> int:
    """The end of a reported clause extended over a second one the parser hung on the cue right after it
    ("voters say they do*n't know enough about him*", "claimed that ads calling for a ban *make him* a
    target": two clauses of one cue): with no word between them, it is the rest of the same clause, unless a
    speech verb heads it ("… he says. He says …" in a sentence the splitter did not cut)."""
    for child in rights(verb):
        if child.i <= end:
            continue
        if (
            child.dep_ not in CLAUSE_DEPS
            or child.left_edge.i != end + 1
            or child.lemma_.lower() in table.verbs
        ):
            break
        end = child.right_edge.i
    return end


def _condition_end(verb: Token, end: int, table: CueTable) -> int:
    """The end of a reported clause extended over a clause of condition, reason or concession right after it
    that the parser hung on the cue ("said he would run if the party asked", "says he left so he would not
    be blamed", "said he would serve should the party ask"): it belongs to what was said. One holding a cue
    of its own ("…, though polls show …") does not. The same holds after a plan's infinitive or a stance's
    object ("vowed to veto it unless …", "rejected the plan as reckless because …")."""
    doc = verb.doc
    for child in rights(verb):
        if child.i <= end or child.dep_ == "punct":
            continue
        first = child.left_edge.i
        near = first == end + 1 or (first == end + 2 and doc[end + 1].text == ",")
        condition = any(
            c.dep_ == "mark" and c.i == first and c.lower_ in table.condition_marks for c in children(child)
        )
        inverted = any(  # "…, should the party ask": the parser takes it for a second reported clause too
            c.dep_ in INVERTING_DEPS and c.i == first and c.lower_ in table.inverted_auxiliaries
            for c in children(child)
        )
        cue = any(_cue_lemma(t, table) for t in subtree(child) if t.pos_ == "VERB")
        if (
            near
            and ((child.dep_ == "advcl" and condition) or (child.dep_ in CLAUSE_DEPS and inverted))
            and not cue
        ):
            return child.right_edge.i
        break
    return end


def _cue_lemma(token: Token, table: CueTable) -> bool:
    """A verb of a cue class that takes a clause or an object (speech, belief, plan, finding, stance)."""
    lemma = token.lemma_.lower()
    classes = (table.verbs, table.beliefs, table.intentions, table.findings, table.stances)
    return any(lemma in words for words in classes)


def _regarded(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """ "Voters see him as a fighter": the object and its "as" phrase, or ``None`` without both ("I see")."""
    objects = [c for c in children(verb) if c.dep_ == "dobj" and c.i > verb.i]
    phrases = [c for c in children(verb) if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    if not objects or not phrases:
        return None
    return trim(doc, objects[0].left_edge.i, phrases[0].right_edge.i)


def closing_subject(verb: Token, table: CueTable) -> Token | None:
    """The subject of a speech verb that closes the clause it reports after a comma ("Deficits will rise this
    year, the budget office reported on Tuesday.", "…, a study by two sociologists concluded this year."),
    which the parser hung as an adverbial clause, a conjunct or a complement of that clause's verb: read like
    "…, the minister said", whose content is what comes before the comma."""
    if verb.dep_ not in CLOSING_FRAME_DEPS or verb.head.i > verb.i or verb.head.pos_ not in VERBAL_POS:
        return None
    if verb.lemma_.lower() not in table.verbs or verb.tag_ in NON_FINITE_TAGS:
        return None  # "… for Ted Cruz to counter": an infinitive is no closing frame
    if any(c.dep_ in COMPLEMENT_DEPS and (c.dep_ != "dobj" or c.pos_ == "PRON") for c in children(verb)):
        return None  # "…, Bash had mentioned it": what was said is the object; "told The Post" has a listener
    return _subject_after_comma(verb)


def _relative_closing(verb: Token, table: CueTable) -> Token | None:
    """The subject of a speech verb closing its sentence after a comma that the parser read as a relative
    clause without its pronoun ("imposed sanctions on six officials …, the bloc's foreign policy chief Josep
    Borrell announced." as "sanctions [that] Borrell announced"): read as "…, the minister said"."""
    doc = verb.doc
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in table.verbs or verb.tag_ in NON_FINITE_TAGS:
        return None
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text not in SENTENCE_ENDS:
        return None  # the sentence goes on after the verb ("…, after which, the police said, someone hit …")
    subject = _subject_after_comma(verb)
    if subject is None or any(t.tag_ in RELATIVE_TAGS for t in subtree(subject)):
        return None  # "the senator, whose new book boasts …": a relative clause after all
    return subject


def _subject_after_comma(verb: Token, after: int = -1) -> Token | None:
    """The verb's subject before it (and after token ``after``) when a comma sets its phrase off from what
    comes before: the speaker of a closing frame ("…, the minister said")."""
    subjects = [c for c in children(verb) if c.dep_ == "nsubj" and after < c.i < verb.i]
    subject = subjects[-1] if subjects else None  # the nearest: a broken parse may give the verb two
    if subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text != ",":
        return None
    return subject


def _inverted_closing(verb: Token, table: CueTable) -> bool:
    """A speech verb heading its sentence after a comma, its subject after it ("A passer-by called the station,
    said Sgt. Ann Boyd."), where the parser found no clause for it to report: the words before the comma
    are that clause, which the parser broke up ("passer-by called" read as a noun and its modifier), or which it
    made the head of the verb ("The plant is hanging on, but it is under pressure, said its chief executive":
    "said" read as a third conjunct)."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return False
    if verb.dep_ != "ROOT" and not (verb.dep_ in CLOSING_FRAME_DEPS and verb.head.i < verb.i):
        return False
    if verb.lemma_.lower() not in table.verbs or verb.tag_ in NON_FINITE_TAGS:
        return False
    return any(c.dep_ == "nsubj" and c.i > verb.i for c in children(verb))


def _before_inverted_frame(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The words before an inverted closing frame's comma, when they hold a verb and no quotation."""
    content = trim(doc, verb.sent.start, verb.i - 1)
    if content is None:
        return None
    words = doc[content[0] : content[1] + 1]
    if any(quote_mark(t) for t in words) or not any(t.pos_ in VERBAL_POS for t in words):
        return None
    return content


def _without_closing_frame(
    doc: Doc, content: tuple[int, int], verb: Token, table: CueTable
) -> tuple[int, int]:
    """The content without another speaker's closing frame ("Fans chanted “…”, the Tribune reports"): the
    frame reports this cue's sentence, it is not part of what the fans said."""
    for token in tokens(doc)[content[0] : content[1] + 1]:
        subject = closing_subject(token, table) if token.i != verb.i else None
        if subject is not None and subject.left_edge.i > content[0]:
            return trim(doc, content[0], subject.left_edge.i - 1) or content
    return content


def _before_closing_frame(doc: Doc, verb: Token, subject: Token) -> tuple[int, int] | None:
    """What a closing speech verb (``closing_subject``) reports: its sentence up to the comma before the
    speaker, without a linking opener."""
    root = verb.sent.root
    content = trim(doc, root.left_edge.i, subject.left_edge.i - 1)
    return without_opener(doc, root, content) if content is not None else None


def _reports_head(verb: Token, table: CueTable) -> bool:
    """A cue the parser hung on the clause it reports: set off by commas ("The war is over, the minister said,
    and …") or through "as" ("As the report noted, turnout fell"). One with a content of its own after it is a
    clause of its own instead ("For that she drew his ire - he called her “weak”")."""
    set_off = verb.dep_ == "parataxis" or _fronted_frame(verb, table)
    return (set_off and not _own_complement(verb, table)) or as_clause(verb, table)


def _fronted_frame(verb: Token, table: CueTable) -> bool:
    """A cue the parser made a complement of the clause after it, which a comma sets off ("If anything, Ash
    argued in his email, the incident is …": read as "the incident is [that Ash argued]"), for a speech verb;
    not when that clause is a report itself ("Social media has added to it, she noted": what was noted)."""
    doc, last = verb.doc, verb.right_edge.i
    if verb.dep_ != "ccomp" or verb.head.i < verb.i or last + 1 >= len(doc):
        return False
    if verb.lemma_.lower() not in table.verbs or verb.head.lemma_.lower() in table.verbs:
        return False  # a stance or belief ("never thanked him for that, so …") keeps its object
    return comma_after(verb)


def comma_after(token: Token) -> bool:
    """Whether a comma closes the phrase of ``token``: its own last word (the parser may hang it there) or the
    word after it."""
    doc, last = token.doc, token.right_edge.i
    return doc[last].text == "," or (last + 1 < len(doc) and doc[last + 1].text == ",")


def _verbless_report(verb: Token) -> bool:
    """A sentence whose verb the parser missed ("The hashtag #X, Mr. Abboud said, accompanied …" read as a noun
    with appositions) is still what the phrase set off inside it reports; not where quotation marks hold what
    was said ("“Too much hate,” she said, blaming …") nor where the head is no noun ("(I know, right?)")."""
    head = verb.head
    return (
        head.dep_ == "ROOT" and head.pos_ in NOUN_HEADS and not any(quote_mark(t) for t in tokens(verb.doc))
    )


def as_clause(verb: Token, table: CueTable) -> bool:
    """ "As the report noted, turnout fell": the cue hangs on the clause it reports, through "as". A cue with
    a content of its own, an object, an infinitive or its preposition's object, says when, not what ("Turnout
    fell, as Democrats attacked Republicans for …", "… as he promised to defend Social Security"), and so does
    a stance on a speech verb (``_meanwhile``)."""
    marked = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in table.as_marks for c in children(verb)
    )
    return marked and not _own_complement(verb, table) and not _meanwhile(verb, table)


def _meanwhile(verb: Token, table: CueTable) -> bool:
    """A stance verb in an "as" clause on a speech verb ("“…,” said Jovanovic, as the crowd chanted around
    her"): the speech verb reports its clause, the "as" clause tells what went on meanwhile ("…, as police
    have said" still reports)."""
    head = verb.head
    speech = head.lemma_.lower() in table.verbs and head.pos_ == "VERB"
    return speech and verb.lemma_.lower() not in table.verbs


def _own_complement(verb: Token, table: CueTable) -> bool:
    """Whether a cue verb has its own object (not a pronoun, as in "put it", nor a listener: "as he told
    reporters"), infinitive or cue preposition after it."""
    lemma = verb.lemma_.lower()
    for child in children(verb):
        if child.i < verb.i:
            continue
        infinitive = child.dep_ == "xcomp" and child.left_edge.i <= verb.i + MAX_INFINITIVE_GAP
        if infinitive or (child.dep_ == "dobj" and child.pos_ != "PRON" and lemma not in table.no_object):
            return True
    return _prep_object(verb, table)  # "as he called for …"; not a bare particle ("as she pointed out, …")


def _belief_only(verb: Token, table: CueTable) -> bool:
    """A verb that is a cue only as a belief, which holds a clause: "think", "know", "feel"."""
    lemma = verb.lemma_.lower()
    others = table.verbs | table.intentions | table.findings | table.stances
    return lemma in table.beliefs and lemma not in others


def _study_finding(verb: Token, table: CueTable) -> bool:
    """ "A poll found 40 percent support", "the report found no evidence": a study's "find" reports its result
    in its object, as "show" does; a person's "found a job", "found her voice" is no finding (on PolNeAR train
    0-150 and 300-450, all 12 such study subjects with an object were gold cues)."""
    if verb.lemma_.lower() not in table.finding_beliefs:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in table.study_nouns for c in children(verb))


def _complements(doc: Doc, verb: Token, table: CueTable) -> tuple[int, int] | None:
    """The object and its predicate ("called Trump a fascist", "described it as a failure"), or the object
    of the cue's preposition ("called for his resignation"). Speech verbs whose object is the addressee
    ("told them") or a pronoun ("said it") have none."""
    prep = cue_prep(verb, table)
    if prep is not None and prep.dep_ == "mark":  # "called for the party to unite": the clause after "for"
        return trim(doc, prep.i + 1, prep.head.right_edge.i)
    if prep is not None:
        objects = [c for c in children(prep) if c.dep_ in {"pobj", "pcomp"}]
        if not objects:
            return None
        end = _infinitive_end(verb, _as_phrase_end(verb, objects[0].right_edge.i))
        return trim(doc, objects[0].left_edge.i, _noun_clause_end(verb, end))
    lemma = verb.lemma_.lower()
    answer = _answer(verb, table)
    if answer is not None:
        return (answer.i, answer.i)
    if lemma in table.no_object:
        return None
    parts = [
        c
        for c in children(verb)
        if c.i > verb.i
        and (c.dep_ in COMPLEMENT_DEPS or (c.dep_ == "prep" and (lemma, c.lower_) in table.object_preps))
    ]
    if len(parts) == 1 and _judged_pronoun(verb, parts[0], table):
        return (parts[0].i, parts[0].i)
    if len(parts) == 1 and _shown_pronoun(verb, parts[0], table):
        return (parts[0].i, _shown_end(verb, parts[0], table))
    if not parts or all(p.pos_ == "PRON" and p.dep_ == "dobj" and len(parts) == 1 for p in parts):
        return None
    end = _trailing_phrases(verb, max(_object_end(p) for p in parts), table)
    if (lemma, "as") in table.object_preps:
        end = _as_phrase_end(verb, end)
    end = _condition_end(verb, _noun_clause_end(verb, _infinitive_end(verb, end)), table)
    return trim(doc, min(p.left_edge.i for p in parts), end)


def _judged_pronoun(verb: Token, part: Token, table: CueTable) -> bool:
    """A lone personal pronoun that a stance verb judges ("endorsed her", "opposed it", "defended him"): it
    names what the stance is about, as a noun would, and PolNeAR's content is the pronoun. A speech verb's
    ("said it", "told them") is no content, nor is one after an infinitive ("free to support him", "began to
    challenge her"): a plan or a chance, not a stance taken (on PolNeAR train 0-150 and 300-450, most of
    those were no cue)."""
    lemma = verb.lemma_.lower()
    return (
        part.dep_ == "dobj"
        and part.lower_ in table.object_pronouns
        and lemma in table.stances
        and lemma not in table.verbs
        and not to_infinitive(verb)
    )


def _shown_pronoun(verb: Token, part: Token, table: CueTable) -> bool:
    """A pronoun a poll shows somewhere ("polls show him with a big lead", "the poll shows her ahead of the
    mayor"): with the standing after it, the pronoun and the standing are what the poll found, as a name would
    be ("shows Clinton with a lead"). Only a study's finding verb, and only with a standing after the pronoun."""
    if part.dep_ != "dobj" or part.lower_ not in table.object_pronouns:
        return False
    if verb.lemma_.lower() not in table.findings | table.finding_beliefs or not _study_subject(verb, table):
        return False
    return _shown_end(verb, part, table) > part.i


def _study_subject(verb: Token, table: CueTable) -> bool:
    """Whether the verb's subject is a study ("the poll", "polls in the state"), or a relative pronoun standing
    for one ("polls that show …")."""
    for subject in (c for c in children(verb) if c.dep_ == "nsubj"):
        if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            subject = verb.head
        if subject.lemma_.lower() in table.study_nouns:
            return True
    return False


def _shown_end(verb: Token, part: Token, table: CueTable) -> int:
    """The end of a shown pronoun's standing: the phrases (``_trailing_phrases``), adverb or participle the parser
    hung on the verb right after the pronoun ("with a big lead", "ahead of the mayor", "leading the mayor")."""
    following = [c for c in rights(verb) if c.i == part.i + 1]
    if following and (following[0].dep_ == "advmod" or following[0].tag_ == "VBG"):
        return following[0].right_edge.i
    return _trailing_phrases(verb, part.i, table)


def _as_phrase_end(verb: Token, end: int) -> int:
    """The end of an object extended over the "as" phrase right after it that says what the object was
    called ("referred to him as a liar", "described the dinner as Washington celebrating itself"), which the
    parser hung on the verb."""
    doc = verb.doc
    following = doc[end + 1] if end + 1 < len(doc) else None
    if following is None or following.lower_ != "as":
        return end
    if following.dep_ == "prep" and following.head.i == verb.i:
        return following.right_edge.i
    if following.dep_ == "mark" and following.head.head.i == verb.i and following.head.dep_ == "advcl":
        return following.head.right_edge.i
    return end


def _infinitive_end(verb: Token, end: int) -> int:
    """The end of an object extended over the infinitive right after it that the parser hung on the verb
    ("supports her amendments to expand the program", "backs the bill to cut taxes"): it says what
    the object is for, and PolNeAR's content keeps it."""
    doc = verb.doc
    following = doc[end + 1] if end + 1 < len(doc) else None
    if following is None or following.tag_ != "TO" or following.dep_ != "aux":
        return end
    clause = following.head
    if clause.head.i == verb.i and clause.dep_ in {"advcl", "xcomp"} and clause.left_edge.i == end + 1:
        return clause.right_edge.i
    return end


def _noun_clause_end(verb: Token, end: int) -> int:
    """The end of an object extended over the "that" clause right after it that the parser hung on the cue or
    a verb above it ("declined to respond to accusations *that his backers are waging “sexist” attacks*"):
    it says what the object noun holds, and PolNeAR's content keeps it."""
    doc = verb.doc
    mark = doc[end + 1] if end + 1 < len(doc) else None
    if mark is None or mark.lower_ != "that" or mark.dep_ != "mark":
        return end
    clause = mark.head
    above = clause.head.i == verb.i or any(a.i == clause.head.i for a in verb.ancestors)
    if clause.left_edge.i == end + 1 and clause.dep_ in OBJECT_CLAUSE_DEPS and above:
        return clause.right_edge.i
    return end


def _answer(verb: Token, table: CueTable) -> Token | None:
    """The word right after a speech verb that stands for what was said ("said so", "said yes")."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    speech = verb.lemma_.lower() in table.verbs
    if following is None or not speech or following.head.i != verb.i or following.lower_ not in table.answers:
        return None
    return following


def _trailing_phrases(verb: Token, end: int, table: CueTable) -> int:
    """The end of an object extended over the prepositional phrases right after it that the parser hung on
    the verb ("criticized the draft on abortion", "mentioned him by name"): PolNeAR's content keeps them,
    and most belong to the object anyway. A phrase of time or setting ("on Monday", "at a rally", "in a
    tweet") says when and where, not what. A clause the parser conjoined to the verb whose words start right
    after the object, with no "and" or comma of the verb's between them, is part of the object too ("opposed a
    bill that gave the mayor *expanded powers*", the adjective taken for a verb): the parser cut the object
    short (on PolNeAR train 0-150 and 300-450, 3 exact contents gained, none lost)."""
    for child in rights(verb):
        if child.i <= end:
            continue
        phrase = child.i == end + 1 and child.dep_ == "prep" and not _setting(child, table)
        split = child.dep_ == "conj" and child.left_edge.i == end + 1
        if not (phrase or split):
            break
        end = child.right_edge.i
    return end


def _setting(prep: Token, table: CueTable) -> bool:
    """A phrase of time or setting: "during the debate", "on Monday", "in a tweet"."""
    if prep.lower_ in table.setting_preps:
        return True
    objects = [c for c in children(prep) if c.dep_ == "pobj"]
    return any(c.ent_type_ in TIME_ENTITIES or c.lemma_.lower() in table.settings for c in objects)


def _object_end(part: Token) -> int:
    """The last token of an object without a clause set off by a comma ("billionaire Donald Trump, with whom
    he clashed on Saturday"): the aside describes the object, it is not what the source said of it."""
    end = part.right_edge.i
    for child in rights(part):
        first = child.left_edge.i
        if child.dep_ in {"relcl", "acl"} and first > 0 and part.doc[first - 1].text == ",":
            end = min(end, first - 2)
    return end


def cue_prep(verb: Token, table: CueTable) -> Token | None:
    """The preposition a cue verb takes right after it ("called for", "referring to", "spoke out against"),
    when it has one: a pair of the cue table's ``verb_preps``, ``speech_preps`` or ``belief_preps``."""
    lemma, pairs = verb.lemma_.lower(), table.verb_preps
    if lemma in table.open_prep_verbs:
        pairs = pairs | table.speech_preps | table.belief_preps
    following = word_after_verb(verb, pairs)
    if following is None:
        return None
    clause_mark = following.dep_ == "mark" and following.head.head.i == verb.i  # "calls for X to leave"
    on_verb = verb.i <= following.head.i < following.i  # or on an adverb between them: "spoke fondly of"
    if (not on_verb and not clause_mark) or (lemma, following.lower_) not in pairs:
        return None
    if (lemma, following.lower_) in table.belief_preps and any(c.dep_ in CLAUSE_DEPS for c in children(verb)):
        return None
    return following


def _before_follow_up(clause: Token, table: CueTable) -> int:
    """The clause's last token before a follow-up cue ("…, adding that …", "… and accused him of …"), which
    is a quote of its own."""
    end = clause.right_edge.i
    for token in subtree(clause):
        if token.dep_ not in FOLLOW_UP_DEPS:
            continue  # what neither test below can accept
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_.lower() in table.verbs:
            end = min(end, token.left_edge.i - 1)
        elif second_cue(token, table) is not None or _follow_up_act(token, clause, table):
            end = min(end, _conjunction_start(token) - 1)
    return end


def _follow_up_act(verb: Token, clause: Token, table: CueTable) -> bool:
    """A speech verb or a stance conjoined (through other conjoined verbs too) to the reported clause's head,
    with no subject of its own and the tense of the cue ("says he respects her and calls her a friend", "said
    he would come and criticized the mayor"): what the speaker did next, not what was reported."""
    if verb.dep_ != "conj" or clause.dep_ not in CLAUSE_DEPS:
        return False
    speech = clause.head
    if verb.tag_ != speech.tag_:
        return False
    if verb.lemma_.lower() not in table.verbs and verb.lemma_.lower() not in table.stances:
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in children(verb)) or _contrast(verb, table):
        return False
    head = verb.head
    while head.dep_ == "conj" and head.i != clause.i:
        head = head.head
    return head.i == clause.i


def _contrast(verb: Token, table: CueTable) -> bool:
    """Whether a conjoined verb is set against the one before it ("but downplayed it", "and instead
    attacked"), which keeps it in what was reported."""
    return any(t.lower_ in table.contrasts for t in verb.doc[_conjunction_start(verb) : verb.i])


def second_cue(verb: Token, table: CueTable) -> Token | None:
    """The speech verb a second cue belongs to when the parser hung it on the first one's reported clause
    ("He said the plan was dead and accused the mayor of lying"): a speech verb conjoined to the clause's
    head, with no subject of its own and the tense of the first. (A belief or a plan there, "she said she was
    tired and hoped to rest", is more often still reported.) Not in a clause before its speech verb ("The
    ministry called the sanctions illegal and said it would respond, Belta reported": the ministry said it).
    Returns the first speech verb, else ``None``."""
    if verb.dep_ != "conj":
        return None  # most tokens: no head looked up
    clause = verb.head
    speech = clause.head
    if (
        clause.dep_ not in CLAUSE_DEPS
        or clause.i < speech.i
        or speech.lemma_.lower() not in table.verbs
        or verb.tag_ != speech.tag_
        or verb.lemma_.lower() not in table.verbs
        or any(c.dep_ in SUBJECT_DEPS for c in children(verb))
    ):
        return None
    return speech


def _conjunction_start(verb: Token) -> int:
    """The first token of a conjoined verb phrase with its "and" (and the comma before it)."""
    start, heads = verb.left_edge.i, {verb.i, verb.head.i}
    while start > 0 and verb.doc[start - 1].dep_ in {"cc", "punct"} and verb.doc[start - 1].head.i in heads:
        start -= 1
    return start


def around_phrase(doc: Doc, clause: tuple[int, int], phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The clause without an attribution phrase at its start or end ("…, the minister said"); a phrase in the
    middle ("This campaign, he says, is different") stays here, and the attribution cuts the content in two
    pieces around it. The clause's final punctuation does not count: "…, according to the report." ends
    with the phrase."""
    clause = trim(doc, *clause) or clause
    dash = dateline_end(doc, clause[0])
    if dash is not None and dash < phrase[0]:  # "New York (AFP) – Turnout fell, the report said"
        clause = trim(doc, dash + 1, clause[1]) or clause
    comma = _opener_comma(doc, clause)
    rest = trim(doc, comma + 1, clause[1]) if comma is not None else None
    if rest is not None and rest[0] < phrase[0]:  # "In fact, turnout fell, the report said"
        clause = rest
    if phrase[0] <= clause[0]:
        return trim(doc, phrase[1] + 1, clause[1])
    if phrase[1] >= clause[1]:
        return trim(doc, clause[0], phrase[0] - 1)
    return trim(doc, *clause)


def without_opener(
    doc: Doc, head: Token, content: tuple[int, int], attribution: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The content without a sentence adverb or phrase and its comma at the start ("Still, …", "In fact, …",
    "Even so, …"), which is the writer's linking word, not what the source says. Right before an attribution
    inside the content (its tokens ``attribution``: "Otherwise, she said, prices will rise") the opener
    stays: PolNeAR keeps the words before such a phrase as the content's first piece, unless a quotation
    follows the phrase ("Still, she added, “…”": the quotation alone)."""
    comma = _opener_comma(doc, content)
    rest = trim(doc, comma + 1, content[1]) if comma is not None else None
    if rest is None or attribution is None or not content[0] < attribution[0] <= rest[0]:
        return content if rest is None else rest
    after = trim(doc, attribution[1] + 1, content[1])
    return rest if after is not None and doc[after[0]].is_quote else content


def _opener_comma(doc: Doc, span: tuple[int, int]) -> int | None:
    """The comma closing an adverb or a linking phrase that opens ``span`` ("However,", "In contrast,", "At
    the same time,"): the first comma, when the words before it are one such phrase of the clause."""
    start, end = span
    words = tokens(doc)
    comma = next(
        (i for i in range(start + 1, min(end, start + MAX_OPENER + 1)) if words[i].text == ","), None
    )
    if comma is None or trim(doc, comma + 1, end) is None:
        return None
    opener = doc[start]
    while opener.head.i != opener.i and start <= opener.head.i < comma:
        opener = opener.head
    whole = opener.left_edge.i == start and opener.right_edge.i == comma - 1
    linking = opener.dep_ == "prep" and " ".join(t.lower_ for t in doc[start:comma]) in LINKING_PHRASES
    adverb = opener.dep_ == "advmod" and comma - start <= 2  # "Still,", "Even so,"; not "Weeks ahead of X,"
    return comma if whole and (adverb or linking) else None
