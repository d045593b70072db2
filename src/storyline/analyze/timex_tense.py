"""Tense of a time expression's clause: whether "on Sunday" or "in July" is the next one or the last.

Reads spaCy's tags around an expression in its sentence (``timex`` passes the sentence and the expression's
offsets) and answers ``True`` (the clause speaks of the future), ``False`` (of the past) or ``None`` (it does
not say). Per-language word tables (``TENSE_WORDS``) hold the auxiliaries, planning heads, verbs of saying and
the cues that look forward ("ahead of", "by", "until") or back. Kept apart from ``timex`` because it is a
grammar of its own: verb groups, infinitives and what they hang on, attributive participles, refusals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.analyze.nlp import sentence_of
from storyline.analyze.timex_patterns import LEXICONS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token as SpacyToken


@dataclass(frozen=True)
class TenseWords:
    """Words that tell whether a time expression points back or forward, for one language."""

    future: frozenset[str]  # in the nearest verb group: "will meet", "is due to sign", "planned to leave"
    looks_forward: frozenset[str]  # right before the expression: "as early as Tuesday"
    looks_back: frozenset[str]  # right before the expression: "since March"
    # before "to" + verb, these make it future: "is to resume trading Tuesday", "set to resume Monday"
    before_to: frozenset[str] = frozenset()
    # lemmas of verbs of aim in the present before "to" + verb: "wants to win in November", "hopes to unite in
    # July" look forward ("wanted to win in November" may be the last one)
    aim_to: frozenset[str] = frozenset()
    # a plan seen from a later past: "had been due to expire Friday" is the Friday gone by
    past_perfect: frozenset[str] = frozenset()
    # the modals of a future perfect ("will have finished by Friday"); other modals + "have" look back
    future_perfect: frozenset[str] = frozenset()
    # a simple present names a scheduled event ("the trial opens Monday"), except with these verbs (lemmas),
    # which report or describe a state ("officials say Monday", "the bank holds 5% as of Friday")
    present_not_scheduled: frozenset[str] = frozenset()
    # between two expressions of one kind, these make the second share the first's direction: "as soon as
    # Tuesday or Wednesday" looks forward twice
    coordinators: frozenset[str] = frozenset()
    # words that open a clause with verbs of its own: "raised hopes that the November vote will …", "should
    # ignore the critics who on Sunday cast …"
    complementizers: frozenset[str] = frozenset()
    # a past tense after these is hypothetical, not past: "if he won the election on Nov. 8"
    conditionals: frozenset[str] = frozenset()
    # right before the expression, these look forward unless the verb is a simple past: "was extended until
    # Friday" is the coming Friday, "the strike lasted until Friday" the last one ("through" was tried: in
    # "a poll taken Thursday through Monday" it is the end of a range gone by); so does an event ahead of the
    # time the sentence speaks of: "barnstorms there ahead of Tuesday's primary", "days before Tuesday's vote";
    # and "by": "by Jan. 14" looks forward, "By Monday, the toll rose to 40" back
    forward_unless_past: frozenset[str] = frozenset()
    # lemmas of verbs that put something off or make it last longer, and the words that then name the new end:
    # even in a simple past, "postponed the vote until Tuesday", "extended the loans through January" and
    # "pushed the talks back to Monday" name a time ahead ("the strike lasted until Friday" does not)
    deferring: frozenset[str] = frozenset()
    deferred_ends: frozenset[str] = frozenset()
    # lemmas of verbs that set a deadline or ask for something by one: even in a simple past, "promised a deal by
    # the end of October", "committed to a treaty by October", "gave them until Friday" name a time ahead
    # ("finished the count by Friday" does not), as does a gerund of one ("stopped short of committing to …")
    deadline_setting: frozenset[str] = frozenset()
    # verbs and adjectives whose past tells that the infinitive after them happened (or did not) then: "was able to
    # restore some services by Saturday", "managed to reopen the road by Friday" are the Saturday and Friday gone by
    implicatives: frozenset[str] = frozenset()
    # words between a cue and the expression that hedge the time without changing its direction: "until at least
    # Saturday" looks forward as "until Saturday" does
    hedges: frozenset[str] = frozenset()
    # modals that look forward unless negated: "who can win in November", not "can't trash us in February"
    future_unless_negated: frozenset[str] = frozenset()
    # before a plan word, these make it a comparison, not a plan: "began as (previously) planned Saturday"
    as_planned: frozenset[str] = frozenset()
    # cues of an event ahead that look forward across the noun phrase that names it ("ahead of the Iowa caucuses
    # on Monday"), unless the verb is a past, as ``forward_unless_past`` do right before the expression
    ahead_of_events: frozenset[str] = frozenset()
    # lemmas of verbs of saying: a past tense after one reports a present ("said he planned to …")
    reporting: frozenset[str] = frozenset()
    # lemmas of present verbs before "to" + verb that do not look forward: "seems to have", "tends to vote"
    not_ahead_to: frozenset[str] = frozenset()
    # before a passive infinitive hung on a noun, words that make it what was done: "the first woman to be elected"
    done_rank: frozenset[str] = frozenset()
    # lemmas of verbs whose object takes a bare infinitive: "would see him endorse her on Tuesday"
    bare_infinitive: frozenset[str] = frozenset()
    # lemmas of verbs that make a passive with a participle, as "be" does: "will get paid in March", "is going to
    # start getting beat up in the spring" (the participle alone read as a past)
    passive_auxiliaries: frozenset[str] = frozenset()
    # a refusal to tell is told of the past: "wouldn't say Tuesday whether he would run" (the modals, then the
    # verbs' lemmas)
    refusing_modals: frozenset[str] = frozenset()
    refused_telling: frozenset[str] = frozenset()
    # lemmas of the auxiliaries that open a verb group ("Saturday would have been", "the vote was held"), and the
    # one of them that makes a perfect ("has won" tells of the past as "won" does)
    auxiliary_lemmas: frozenset[str] = frozenset()
    perfect_auxiliary: str = ""
    # prepositions in a subject that make the expression after them a prospect's time, not the predicate's:
    # "Plans for a strike on Friday drew criticism", "The lineup for the festival in July included six bands"
    prospect_prepositions: frozenset[str] = frozenset()


# see TenseWords.ahead_of_events
AHEAD_OF_EVENTS_EN = frozenset(
    {"ahead of", "in advance of", "days before", "heading into", "leading up to", "lead up to"}
)

TENSE_WORDS: dict[str, TenseWords] = {
    "en": TenseWords(
        future=frozenset(
            {
                "will",
                "shall",
                "'ll",
                "wo",
                "would",
                "should",
                "going",
                "scheduled",
                "due",
                "plans",
                "plan",
                "planned",
                "planning",
                "expected",
            }
        ),
        looks_forward=frozenset(
            {
                "as soon as",
                "as early as",
                "no later than",
                "starting",
                "effective",
                "set for",
                "scheduled for",
                "slated for",
                "planned for",
                "due on",
            }
        ),
        looks_back=frozenset({"since", "as of"}),
        before_to=frozenset(
            {
                "is",
                "are",
                "am",
                "'s",
                "'re",
                "set",
                "poised",
                "slated",
                "about",
                "likely",
                "unlikely",
                "ready",
            }
        ),
        past_perfect=frozenset({"had", "'d"}),
        future_perfect=frozenset({"will", "shall", "'ll"}),
        aim_to=frozenset(
            {"want", "hope", "aim", "seek", "intend", "vow", "promise", "pledge", "threaten", "try"}
        ),
        coordinators=frozenset({"or", "and", ",", "or on", "and on", "or by", "or even"}),
        complementizers=frozenset({"that", "who", "which"}),
        conditionals=frozenset({"if", "unless"}),
        as_planned=frozenset({"as"}),
        reporting=frozenset({"say", "tell", "announce", "report", "add", "state", "confirm", "write"}),
        future_unless_negated=frozenset({"can", "could"}),
        not_ahead_to=frozenset({"seem", "appear", "happen", "tend", "use"}),
        done_rank=frozenset({"first", "last", "only", "next"}),
        bare_infinitive=frozenset({"see", "let", "make", "help", "watch", "hear"}),
        passive_auxiliaries=frozenset({"get"}),
        auxiliary_lemmas=frozenset({"be", "have"}),
        perfect_auxiliary="have",
        prospect_prepositions=frozenset({"for"}),
        refusing_modals=frozenset({"would", "wo", "will"}),
        refused_telling=frozenset(
            {
                "say",
                "comment",
                "confirm",
                "disclose",
                "discuss",
                "elaborate",
                "reveal",
                "specify",
                "speculate",
            }
        ),
        forward_unless_past=frozenset({"by", "until", "due"}) | AHEAD_OF_EVENTS_EN,
        ahead_of_events=AHEAD_OF_EVENTS_EN,
        deferring=frozenset({"postpone", "delay", "defer", "adjourn", "extend", "recess", "reschedule"}),
        deferred_ends=frozenset({"until", "till", "through", "to"}),
        implicatives=frozenset({"able", "unable", "manage", "fail"}),
        deadline_setting=frozenset(
            {
                "promise",
                "pledge",
                "vow",
                "commit",
                "demand",
                "urge",
                "call",
                "ask",
                "order",
                "instruct",
                "aim",
                "target",
                "seek",
                "want",
                "expect",
                "request",
                "require",
                "press",
                "insist",
                "intend",
                "threaten",
                "give",
                "grant",
                "allow",
            }
        ),
        hedges=frozenset(
            {"at least", "at most", "at the latest", "about", "around", "roughly", "approximately"}
        ),
        present_not_scheduled=frozenset(
            {
                "say",
                "tell",
                "report",
                "announce",
                "claim",
                "confirm",
                "add",
                "note",
                "deny",
                "believe",
                "think",
                "know",
                "want",
                "need",
                "have",
                "hold",
                "own",
                "remain",
                "seem",
                "appear",
                "show",
                "estimate",
                "expect",
                "predict",
                "argue",
                "insist",
                "warn",
                "suggest",
                "indicate",
                "accuse",
                "follow",
                "cover",
                "describe",
                "compare",
                "represent",
                "mark",
                "reflect",
                "include",
            }
        ),
    ),
}
# before a participle, these make it a noun's attribute: "a televised address", "the party's revised plan"
ATTRIBUTE_OPENERS = frozenset({"DT", "PRP$", "POS", "JJ"})
# an object or adjective between a verb and the infinitive it governs: "expect the central bank to", "be able to"
INFINITIVE_OBJECT_TAGS = frozenset(
    {"DT", "PRP", "PRP$", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "CD", "POS", "RB", "HYPH"}
)
INFINITIVE_REACH = 5  # words of such an object looked back over: "expect the central bank to raise"
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
VERB_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP", "MD", "VB"})
# after a number: a clock time's, not "I am"
MERIDIEMS = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m"})
# "will not be", "is to be", "will most likely vote"
AUXILIARY_TAGS = frozenset({"MD", "VB", "VBD", "VBN", "VBZ", "VBP", "RB", "RBS", "RBR", "TO"})
EVENT_CUE_TOKENS = 6  # how far before an expression "ahead of" is looked for across the event's noun phrase


def tense(sentence: SpacySpan | None, start: int, end: int, language: str) -> bool | None:
    """Whether the expression's clause speaks of the future (True), the past (False) or neither (None).

    Only the expression's own clause counts (not the clause before ", but" or "that"). Words right before the
    expression decide first ("by Friday", "as early as Tuesday" look forward, "since Friday" back); then the
    nearest verb group, looking back first ("will meet on Sunday", "stepped down in March"), then forward ("On
    Sunday, the ministers will meet") unless the expression sits in the subject ("her wins on Tuesday will …").
    """
    words = TENSE_WORDS.get(language)
    if sentence is None or words is None:
        return None
    before = _own_clause([t for t in sentence if t.idx < start], words)
    after = [t for t in sentence if t.idx >= end]
    # a blank line ends the clause: the parser may run a headline into the first sentence ("Clinton Calls ISIS
    # Violence 'Genocide' / Dec 29 - Clinton on Tuesday said …"), whose verb says nothing of the day
    breaks = [i for i, t in enumerate(before) if "\n\n" in t.text]
    before = before[breaks[-1] + 1 :] if breaks else before
    after = after[: next((i for i, t in enumerate(after) if "\n\n" in t.text), len(after))]
    cued = _unhedged(before, words)
    for size in (3, 2, 1):
        cue = " ".join(t.lower_ for t in cued[-size:]) if len(cued) >= size else ""
        if cue in words.deferred_ends and _deferred(before, words):
            return True
        if cue in words.looks_back:
            return False
        if cue in words.looks_forward:
            return not _past_perfect(before, after, words)  # "had not called it a suspect until Thursday"
        if cue in words.forward_unless_past:
            return _sets_deadline(cued, words) or not _past_perfect(before, after, words, simple=True)
    if _event_ahead(before, words):
        return not _past_perfect(before, after, words, simple=True)
    # "Tuesday's vote", "the Friday slaying": the day names the vote, the verb's tense says nothing of it
    possessive = bool(after) and (
        _word(after[0]) in ("'s", "'") or _attributive(sentence, start, after[0], language)
    )
    # with no verb before it, a name before the expression makes it part of the subject ("Her wins on Tuesday
    # will …"): the verb after it is the subject's, not the expression's. A comma after it ends an opening phrase
    # instead ("At a rally in Maine on Thursday, Trump said …"), whose clause's verb is the expression's.
    in_subject = (
        not any(is_verb(t) for t in before)
        and any(t.pos_ in ("NOUN", "PROPN") for t in before)
        and not (after and after[0].text == ",")
    )
    conditional = any(t.lower_ in words.conditionals for t in before)
    quoted = _quoted(before, after)
    for token in [*reversed(before), *([] if in_subject else after)]:
        if is_verb(token) and token.i not in quoted and not _as_planned(token, words):
            if after and token.i >= after[0].i:
                token = group_end(token, words)
            tense = _verb_group_tense(token, words)
            if tense is None and token.tag_ == "VB" and token.i > 0 and token.doc[token.i - 1].tag_ == "CC":
                tense = _conjoined_tense(before, token, words)
            if tense is None and token.tag_ == "VB" and not possessive and not _names_noun(after):
                tense = _infinitive_tense(token, words)
            if conditional and tense is False:
                return None
            if tense is None and not possessive and token.i < (after[0].i if after else len(token.doc)):
                return _scheduled(token, words)
            return tense
    if in_subject:
        return _told_past(before, after, quoted, words)
    return None


def _told_past(
    before: list[SpacyToken], after: list[SpacyToken], quoted: set[int], words: TenseWords
) -> bool | None:
    """ "A grand jury in December indicted him", "Jurors on Monday asked to review …": an expression in the
    subject of a simple past tells of a time gone by, as the predicate does ("her wins on Tuesday will …" says
    nothing of Tuesday, so only the past counts); a past plan ("was expected to") does not, nor a past whose
    subject is a noun the expression dates ("the nominee for the Nov. 8 election later said"), nor a passive: its
    subject is what was done to, often an event still ahead ("The vote on Friday was called off", "A rally in
    December was announced on Monday"), nor an expression after a prospect's preposition ("Plans for a strike on
    Friday drew criticism": the strike's Friday, still ahead)."""
    if after and after[0].tag_ in NOUN_TAGS:
        return None
    if any(_word(t) in words.prospect_prepositions for t in before):
        return None
    verb = next((t for t in after if is_verb(t) and t.i not in quoted), None)
    if verb is None:
        return None
    verb = group_end(verb, words)
    group = verb_group(verb, words)
    if not any(t.tag_ == "VBD" for t in group) or _passive(group, words):
        return None
    return False if _verb_group_tense(verb, words) is False else None


def _passive(group: SpacySpan, words: TenseWords) -> bool:
    """Whether a verb group is a passive: a participle right after "be" or a verb that makes one ("was called
    off", "had been announced", "got postponed")."""
    return (
        len(group) > 1
        and group[-1].tag_ == "VBN"
        and (group[-2].lemma_ == "be" or group[-2].lemma_ in words.passive_auxiliaries)
    )


def _attributive(sentence: SpacySpan, start: int, following: SpacyToken, language: str) -> bool:
    """A weekday right before a common noun in lower case modifies that noun: "the main suspect in the Friday
    afternoon slaying", "in a Monday statement". A present verb then tells nothing of the day, as after
    "Tuesday's": "is the suspect" schedules no slaying. Not a month: "after the November results are tallied"
    names an election still ahead, which ``_scheduled_month`` reads."""
    if following.tag_ not in ("NN", "NNS") or not following.text.islower():
        return False
    weekdays = LEXICONS[language].weekdays
    return any(t.text.capitalize() in weekdays for t in sentence if start <= t.idx < following.idx)


def is_verb(token: SpacyToken) -> bool:
    """A verb's tag on a word that is a verb: not "am" after a clock time ("began at 08:30 am on Tuesday") nor a
    unit written against its number ("fell 600m on Saturday"), which the tagger reads as presents and so as a
    schedule ("the trial opens Monday"), turning a past day into the coming one."""
    if token.tag_ not in VERB_TAGS or _attributive_participle(token):
        return False
    number = token.doc[token.i - 1] if token.i > 0 else None
    if number is None or not (number.tag_ == "CD" or number.like_num):
        return True
    return not (number.idx + len(number.text) == token.idx or token.lower_ in MERIDIEMS)


def _attributive_participle(token: SpacyToken) -> bool:
    """A participle between a determiner and its noun describes the noun: "a televised address", "the revised
    bill", "a long-awaited speech". Its tag is the past participle's, but it is no verb of the clause; read as
    one, it made "is expected to give a televised address on Monday" the Monday gone by."""
    doc = token.doc
    if token.tag_ != "VBN" or token.i + 1 >= len(doc) or doc[token.i + 1].tag_ not in ("NN", "NNS"):
        return False
    earlier = next(
        (t for t in reversed(doc[sentence_of(doc, token.i).start : token.i]) if t.tag_ not in ("RB", "HYPH")),
        None,
    )
    return earlier is not None and earlier.tag_ in ATTRIBUTE_OPENERS


def _event_ahead(before: list[SpacyToken], words: TenseWords) -> bool:
    """ "ahead of the Iowa caucuses on Monday", "ahead of New York's delegate-rich Tuesday primary": a cue of an
    event still ahead looks forward over the noun phrase between it and the expression (no verb, no comma)."""
    for i in range(len(before) - 1, max(-1, len(before) - 1 - EVENT_CUE_TOKENS), -1):
        if is_verb(before[i]) or before[i].tag_ == "VBG" or before[i].text in (",", ";", ":"):
            return False
        for size in (3, 2):
            if " ".join(t.lower_ for t in before[max(0, i - size + 1) : i + 1]) in words.ahead_of_events:
                return True
    return False


def _unhedged(before: list[SpacyToken], words: TenseWords) -> list[SpacyToken]:
    """The tokens before an expression without a hedge right before it: "until at least Saturday" is cued by
    "until" (read with "least" as the cue, it fell to the verb's past: the Saturday gone by)."""
    for size in (3, 2, 1):
        if len(before) > size and " ".join(t.lower_ for t in before[-size:]) in words.hedges:
            return before[:-size]
    return before


def _sets_deadline(before: list[SpacyToken], words: TenseWords) -> bool:
    """Whether the nearest verb before a deadline cue sets the deadline: "promised a deal by October", "called for
    a vote by Friday", "stopped short of committing to a treaty by the end of October" (a gerund of one, after a
    past that does not date it). A past perfect ("had promised a deal by Friday") keeps the deadline behind."""
    verb = next((t for t in reversed(before) if is_verb(t) or t.tag_ == "VBG"), None)
    if verb is None or verb.lemma_ not in words.deadline_setting or verb.tag_ not in ("VBD", "VBG"):
        return False
    return not any(_word(t) in words.past_perfect and t.tag_ == "VBD" for t in verb_group(verb, words))


def _deferred(before: list[SpacyToken], words: TenseWords) -> bool:
    """Whether the nearest verb before the expression puts something off: "postponed the vote until Tuesday"."""
    verb = next((t for t in reversed(before) if is_verb(t)), None)
    return verb is not None and verb.lemma_ in words.deferring


def _conjoined_tense(before: list[SpacyToken], verb: SpacyToken, words: TenseWords) -> bool | None:
    """ "will fly to Jordan on Friday and return Saturday": a bare verb after "and"/"or" shares the group of the
    verb before it in the clause. That verb is a bare one too, so a past whose form is its base ("would need to
    change his methods, just cut down on errors and do a good job in the fall") is the tagger's misreading
    of one: the tense is not known."""
    earlier = next((t for t in reversed(before) if t.i < verb.i - 1 and is_verb(t)), None)
    if earlier is None or (earlier.tag_ == "VBD" and earlier.lower_ == earlier.lemma_.lower()):
        return None
    return _verb_group_tense(earlier, words)


def _names_noun(after: list[SpacyToken]) -> bool:
    """A lower-case noun right after the expression: "under a June agreement" dates the agreement, which the
    infinitive of "is continuing to try to sell itself" does not put ahead."""
    return bool(after) and after[0].tag_ in ("NN", "NNS") and after[0].text.islower()


def _infinitive_tense(verb: SpacyToken, words: TenseWords) -> bool | None:
    """ "expect the company to report a loss on Thursday", "would be able to hold the House in November", "don't
    want to run in November": an infinitive whose own group tells no tense looks forward when the verb it hangs
    on is a present or a future (what one expects, needs, is eager or able to do lies ahead). A past verb ("asked
    residents to stay indoors Thursday") may have seen it done: the tense stays unknown."""
    group = verb_group(verb, words)
    finite = [t for t in group if t.tag_ in ("VBZ", "VBP", "VBD", "MD")]
    has_to = any(t.tag_ == "TO" for t in group)
    if finite:
        return True if has_to and _looks_ahead(group, words) else None
    governor = _governor(
        verb.doc[group.start - 1] if group.start > sentence_of(verb.doc, verb.i).start else None
    )
    if governor is None or not (has_to or governor.lemma_ in words.bare_infinitive):
        return None
    tense = _verb_group_tense(governor, words)
    if tense is None and governor.tag_ == "VB":
        tense = _infinitive_tense(governor, words)
    if tense is False:  # "has hailed Britain's vote to leave"
        return None
    return True if tense is True or _looks_ahead(verb_group(governor, words), words) else None


def _looks_ahead(group: SpacySpan, words: TenseWords) -> bool:
    """A present verb group an infinitive hangs on ("needs to raise", "is preparing to announce"), other than
    "seems", "tends to": its first finite verb is a present and no verb in it seems."""
    finite = next((t for t in group if t.tag_ in ("VBZ", "VBP", "VBD", "MD")), None)
    return (
        finite is not None
        and finite.tag_ in ("VBZ", "VBP")
        and not any(t.lemma_ in words.not_ahead_to for t in group if t.tag_ != "TO")
    )


def _governor(token: SpacyToken | None) -> SpacyToken | None:
    """The verb before an infinitive's object or adjective ("expect [the central bank] to", "is [eager] to"),
    looked for back from ``token`` over at most ``INFINITIVE_REACH`` words of a noun phrase or adjective."""
    for _ in range(INFINITIVE_REACH):
        if token is None or token.tag_ not in INFINITIVE_OBJECT_TAGS:
            break
        token = token.doc[token.i - 1] if token.i > sentence_of(token.doc, token.i).start else None
    return token if token is not None and (is_verb(token) or token.tag_ == "VBG") else None


def group_end(verb: SpacyToken, words: TenseWords) -> SpacyToken:
    """The main verb of the group an auxiliary after the expression opens: "Saturday would have been his
    birthday" is read from "would have been" (a perfect modal, looking back), not from "would" alone."""
    if verb.tag_ != "MD" and verb.lemma_ not in words.auxiliary_lemmas:
        return verb
    end = verb
    for token in verb.doc[verb.i + 1 : sentence_of(verb.doc, verb.i).end]:
        if token.tag_ in ("VB", "VBN", "VBG"):
            end = token
        elif token.tag_ != "RB":
            break
    return end


def _quoted(before: list[SpacyToken], after: list[SpacyToken]) -> set[int]:
    """Indices of the tokens inside a quotation that ends before the expression or starts after it: its verbs
    are the quoted words', not the clause's (in 'tweeted, "Thank you Indiana!" on Friday', "Thank" says
    nothing of Friday)."""
    return _between_marks(reversed(before), "''", "``") | _between_marks(after, "``", "''")


def _between_marks(tokens: Iterable[SpacyToken], opening: str, closing: str) -> set[int]:
    """Indices of the tokens after an ``opening`` quote tag and before its ``closing`` one, in ``tokens`` order."""
    out: set[int] = set()
    inside = False
    for token in tokens:
        if token.tag_ == opening:
            inside = True
        elif token.tag_ == closing:
            inside = False
        elif inside:
            out.add(token.i)
    return out


def _word(token: SpacyToken) -> str:
    """The token lowercased with a typographic apostrophe made plain: "night’s", "it’ll" are "'s", "'ll"."""
    return token.lower_.replace("’", "'")


def _own_clause(before: list[SpacyToken], words: TenseWords) -> list[SpacyToken]:
    """The tokens before an expression from the start of its clause: a clause joined by ", but", ", and", ";",
    "that" or a relative "who"/"which" has verbs of its own ("Obama is not running, but his address Sunday …",
    "raised hopes that the November election will …")."""
    for i in range(len(before) - 1, 0, -1):
        if (
            before[i].text in (";", ":")
            or (before[i].tag_ == "CC" and before[i - 1].text == ",")
            or (before[i].lower_ in words.complementizers and before[i].tag_ in ("IN", "WDT", "WP"))
        ):
            return before[i + 1 :]
    return before


def _scheduled(verb: SpacyToken, words: TenseWords) -> bool | None:
    """A simple present before the expression names a scheduled event: "the trial opens Monday"; the auxiliary
    of a present progressive does not ("the focus is taking a toll, pointing to his wins Tuesday")."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ in words.present_not_scheduled:
        return None
    following = next(
        (t for t in verb.doc[verb.i + 1 : sentence_of(verb.doc, verb.i).end] if t.tag_ != "RB"), None
    )
    return None if following is not None and following.tag_ == "VBG" else True


def _as_planned(verb: SpacyToken, words: TenseWords) -> bool:
    """ "began as (previously) planned Saturday", "went ahead as expected": a plan word after "as" compares the
    event with the plan; the tense is the other verb's."""
    group = verb_group(verb, words)
    return (
        group.start > 0
        and verb.doc[group.start - 1].lower_ in words.as_planned
        and any(_word(t) in words.future for t in group)
    )


def _past_perfect(
    before: list[SpacyToken], after: list[SpacyToken], words: TenseWords, *, simple: bool = False
) -> bool:
    """Whether the nearest verb group (looking back first) is a past perfect: "had filed reports by May 5",
    "Until Friday, the police had not named a suspect"; with ``simple``, a simple past too ("lasted")."""
    verb = next((t for t in [*reversed(before), *after] if is_verb(t)), None)
    if verb is None:
        return False
    group = verb_group(verb, words)
    if simple and verb.tag_ == "VBD" and not any(_word(t) in words.future for t in group):
        return True  # "lasted", "was valid"; not the passive "was extended"
    if simple and _implied_past(verb, words):
        return True
    return any(_word(t) in words.past_perfect and t.tag_ == "VBD" for t in group)


def _implied_past(verb: SpacyToken, words: TenseWords) -> bool:
    """Whether a bare infinitive hangs on a simple past of an implicative: "managed to reopen", "was able to
    restore" (see ``TenseWords.implicatives``)."""
    doc = verb.doc
    i = verb.i
    if verb.tag_ != "VB" or i < 2 or doc[i - 1].tag_ != "TO":
        return False
    head = doc[i - 2]
    if head.tag_ == "VBD":
        return head.lemma_ in words.implicatives
    return head.lower_ in words.implicatives and i >= 3 and doc[i - 3].tag_ == "VBD"


def _plan_word(token: SpacyToken, words: TenseWords) -> bool:
    """A future word used as one ("plans to", "is due"), not the noun of "the plan was announced Sunday"."""
    return _word(token) in words.future and token.tag_ not in NOUN_TAGS


def verb_group(verb: SpacyToken, words: TenseWords) -> SpacySpan:
    """The auxiliaries and the verb ending at ``verb``: "will not be held", "had been due to expire", "will get
    paid"."""
    doc = verb.doc
    first, start = verb.i, sentence_of(doc, verb.i).start
    while first > start and (
        doc[first - 1].tag_ in AUXILIARY_TAGS
        or _plan_word(doc[first - 1], words)
        or (doc[first].tag_ == "VBN" and doc[first - 1].lemma_ in words.passive_auxiliaries)
    ):
        first -= 1
    return doc[first : verb.i + 1]


def _verb_group_tense(verb: SpacyToken, words: TenseWords) -> bool | None:
    """The tense of the verb group ending at ``verb``: "will be held" is future although "held" is VBN."""
    doc = verb.doc
    group = verb_group(verb, words)
    start = sentence_of(doc, verb.i).start
    if any(_word(t) in words.past_perfect and t.tag_ == "VBD" for t in group):
        return False
    # a perfect modal looks back ("would have turned 74 on Friday", "should have been signed"); a future
    # perfect does not ("will have finished by Friday")
    if verb.tag_ == "VBN" and any(
        t.tag_ == "MD" and _word(t) not in words.future_perfect and _word(doc[t.i + 1]) == "have"
        for t in group[:-1]
    ):
        return False
    if _past_plan(group, words):
        return None
    if _refused(verb, group, words):
        return False
    if any(_word(t) in words.future or _affirmed(t, words) for t in group):
        return True
    # the word before "to" may stand outside the group: an adjective ("is likely to clinch it on June 7")
    if any(
        t.tag_ == "TO" and t.i > start and _word(doc[t.i - 1]) in words.before_to and t.i < verb.i
        for t in group
    ):
        return True
    if not any(t.tag_ == "VBD" for t in group) and any(
        t.tag_ == "TO" and t.i < verb.i and _aims(doc[t.i - 1], words) for t in group if t.i > start
    ):
        return True
    if _passive_to_come(group, words):
        return True
    # a participle after a modal of possibility is no past: "could be concluded in October", "may be held"
    if any(t.tag_ in ("VBD", "VBN") for t in group) and not any(t.tag_ == "MD" for t in group):
        return False
    return None


def _passive_to_come(group: SpacySpan, words: TenseWords) -> bool:
    """ "an address, to be delivered Wednesday", "the measures to be voted on Thursday": a passive infinitive
    hung on a noun (or after a comma), with no verb of its own, names what is still to be done; read as a past
    participle it put the day in the week gone by. Not after an ordinal, a superlative or a rank word ("the
    first woman to be elected in 2008", "the second judge to be sworn in Monday" tell of what was done): the
    recognizer's ORDINAL covers "second", "10th" that no word table lists."""
    doc = group.doc
    if len(group) < 3 or group[0].tag_ != "TO" or group[1].lemma_ != "be" or group[-1].tag_ != "VBN":
        return False
    start = sentence_of(doc, group.start).start
    if group.start == start:
        return False
    before = doc[group.start - 1]
    if before.text != "," and before.tag_ not in NOUN_TAGS:
        return False
    return not any(
        t.tag_ in ("JJS", "RBS") or t.ent_type_ == "ORDINAL" or t.lower_ in words.done_rank
        for t in doc[max(start, group.start - 4) : group.start]
    )


def _refused(verb: SpacyToken, group: SpacySpan, words: TenseWords) -> bool:
    """ "He wouldn't say Tuesday whether …", "would not comment Friday": a negated modal before a verb of telling
    reports a refusal already made, not a future; read as a future it put Tuesday a week ahead."""
    doc = verb.doc
    return verb.lemma_ in words.refused_telling and any(
        _word(t) in words.refusing_modals and t.i + 1 < verb.i and _word(doc[t.i + 1]) in ("not", "n't")
        for t in group
    )


def _past_plan(group: SpacySpan, words: TenseWords) -> bool:
    """ "was scheduled to leave late Tuesday", "were set to meet Friday", "the government planned to pay the
    claims on Friday": a plan told in the past may have been carried out by the time of writing or still lie
    ahead: the tense says neither, as in a clause without a verb. A plan word tagged as a simple past is the
    verb's own past tense, not the participle of "is planned", "was expected" the word lists mean; after a verb
    of saying it is the reported present ("said he planned to visit before January" looks forward)."""
    return any(t.tag_ == "VBD" and (_was_planned(t, group, words) or _planned_to(t, words)) for t in group)


def _was_planned(verb: SpacyToken, group: SpacySpan, words: TenseWords) -> bool:
    """A past "be" before a plan word in its group: "was scheduled", "were set"."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < group.end else None
    return (
        verb.lemma_ == "be"
        and following is not None
        and following.tag_ in ("VBN", "JJ")
        and (_word(following) in words.future or _word(following) in words.before_to)
    )


def _planned_to(verb: SpacyToken, words: TenseWords) -> bool:
    """A plan word that is the past verb itself, before "to", not reported: "the government planned to pay"."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        _word(verb) in words.future
        and following is not None
        and following.tag_ == "TO"
        and not _reported(verb, words)
    )


def _reported(verb: SpacyToken, words: TenseWords) -> bool:
    """ "said he planned to visit": a past right after a verb of saying is the speaker's present, shifted back."""
    earlier = next(
        (t for t in reversed(verb.doc[sentence_of(verb.doc, verb.i).start : verb.i]) if is_verb(t)), None
    )
    return earlier is not None and earlier.lemma_ in words.reporting


def _affirmed(token: SpacyToken, words: TenseWords) -> bool:
    """ "a candidate who can win in November", "could hit the airwaves Monday" look forward; "you can't trash us
    in February and then …" does not: a modal of ability counts as future only when not negated, and not before a
    perfect ("the spoiler he could have been Tuesday") or a passive ("could be seen inside the store on Tuesday",
    "could be located Wednesday": what was found or seen then)."""
    doc = token.doc
    if _word(token) not in words.future_unless_negated or token.i + 2 >= len(doc):
        return False
    following, second = _word(doc[token.i + 1]), doc[token.i + 2]
    if following == "have" or (following == "be" and second.tag_ == "VBN"):
        return False
    return following not in ("not", "n't")


def _aims(token: SpacyToken, words: TenseWords) -> bool:
    """A verb of aim in the present ("wants", "aims", "is hoping") before "to" + verb: the aim lies ahead. Not
    the plain present form: "if you want to understand Thursday night's debate" is generic."""
    if token.tag_ not in ("VBZ", "VBG") or token.lemma_ not in words.aim_to:
        return False
    auxiliary = next(
        (t for t in reversed(token.doc[sentence_of(token.doc, token.i).start : token.i]) if t.tag_ != "RB"),
        None,
    )
    return token.tag_ != "VBG" or auxiliary is None or auxiliary.tag_ != "VBD"  # not "were hoping to meet"
