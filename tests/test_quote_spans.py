"""Quote span boundaries (speakers and contents as PolNeAR marks them): hand-written news sentences."""

from __future__ import annotations

import pytest

from storyline.analyze.nlp import parse_batch
from storyline.analyze.quote_contents import content_of
from storyline.analyze.quote_cues import cues_for
from storyline.analyze.quote_spans import dateline_end
from storyline.analyze.quotes import extract
from storyline.model import Document
from storyline.settings import AnalyzeSettings

spacy = pytest.importorskip("spacy")
Doc = pytest.importorskip("spacy.tokens").Doc


def quotes_of(text: str) -> list[tuple[str | None, str, str, str | None]]:
    """(speaker, content, kind, cue) of each quote found in ``text``."""
    parsed = next(parse_batch([Document(id="d", source="test", text=text, language="en")], AnalyzeSettings()))
    assert parsed is not None
    return [(q.speaker, q.text, q.kind, q.cue) for q in extract(parsed, [])]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a participle hung on the verb's object: the listeners are not the speaker
            "The senator emailed supporters saying the fight would go on.",
            [("The senator", "the fight would go on", "indirect", "saying")],
        ),
        (  # the same through a preposition
            "The governor reached out to rural voters saying a new tax is hurting farms.",
            [("The governor", "a new tax is hurting farms", "indirect", "saying")],
        ),
        (  # the speech verb of the quotation a participle introduces is not the participle's
            "Weaver did not seem impressed, telling reporters, “Many people said the governor should resign.”",
            [("Weaver", "“Many people said the governor should resign.”", "direct", "telling")],
        ),
        (  # of two subjects the parser gave the verb, the one next to it
            "Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him “a total "
            "stiff.”",
            [("Trump", "him “a total stiff.”", "partial", "calling")],
        ),
        (  # a quoted title inside the speaker's phrase stays in it
            "The “No Comparison” ad says the senator voted against the bill twice.",
            [("The “No Comparison” ad", "the senator voted against the bill twice", "indirect", "says")],
        ),
        (  # a quotation before the speaker is no title
            "“That is a fair concern,” Sarandon, 69, told the host.",
            [("Sarandon", "“That is a fair concern,”", "direct", "told")],
        ),
        (  # a colon hands a quotation on from a clause with no cue of ours: its subject speaks, its verb cues
            "The county board was conclusive in its findings: “Further talk on this issue is useless.”",
            [
                (
                    "The county board",
                    "“Further talk on this issue is useless.”",
                    "direct",
                    "was conclusive in its findings",
                )
            ],
        ),
        (  # …only from someone who can be quoted: a list of names after a colon is nobody's words
            "The store sells three brands: “Acme,” “Zenith” and “Apex.”",
            [],
        ),
        (  # …the verb alone when a noun object names what was said
            "The governor delivered a snappy retort: “Come and see for yourself.”",
            [("The governor", "“Come and see for yourself.”", "direct", "delivered")],
        ),
        (  # …and across a paragraph break
            "The mayor went even further:\n\n“If he runs and loses, it is the end of his career.”",
            [
                (
                    "The mayor",
                    "“If he runs and loses, it is the end of his career.”",
                    "direct",
                    "went even further",
                )
            ],
        ),
        (  # "here", "there", "it" name nobody
            "Here is the plan: “We will build the road first.”",
            [(None, "“We will build the road first.”", "direct", None)],
        ),
        (  # the parser hung the cue on the speaker's noun: the speaker's phrase ends before its own cue
            "Francis spoke of the malaise in the town, the lack of jobs for the young, the violence of the gangs.",
            [("Francis", "the malaise in the town", "indirect", "spoke of")],
        ),
    ],
)
def test_speaker_span(text: str, expected: list[tuple[str | None, str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a "that" before the cue is a pronoun, a word of the content: a partial quote, not a direct one
            'That "is the thing that saved us," the mayor said.',
            [("the mayor", 'That "is the thing that saved us,"', "partial", "said")],
        ),
        (  # a participle clause opening the sentence before the attribution is the occasion, not the content
            'Asked by a reporter whether she had practiced her speech, she said, "I read it once over."',
            [
                ("a reporter", "whether she had practiced her speech", "indirect", "Asked"),
                ("she", '"I read it once over."', "direct", "said"),
            ],
        ),
        (  # …but a gerund that is the subject of the clause after the phrase is part of the content
            "Riding alone at night in the park, she said, can be hazardous.",
            [
                ("she", "Riding alone at night in the park", "indirect", "said"),
                ("she", "can be hazardous", "indirect", "said"),
            ],
        ),
        (  # the writer's comment closing the content, a noun phrase the parser hung loosely on the clause
            "He said he would get up and go back to work on Wednesday morning, a clear message about the intensity"
            " he is bringing.",
            [("He", "he would get up and go back to work on Wednesday morning", "indirect", "said")],
        ),
        (  # a pronoun object right before the quotation that names it opens the quote; a listener does not
            "Trump won Michigan on Tuesday, declaring it “another super Tuesday for our campaign.”",
            [("Trump", "it “another super Tuesday for our campaign.”", "direct", "declaring")],
        ),
        ("He told them “go home.”", [("He", "“go home.”", "direct", "told")]),
        (  # the "both" or "neither" of a pair opens the content, also when the parser calls it a determiner
            "Sanders called both Trump and Clinton “crazy.”",
            [("Sanders", "both Trump and Clinton “crazy.”", "partial", "called")],
        ),
        (
            "The firm said neither Manafort nor Gates played a role in its lobbying.",
            [("The firm", "neither Manafort nor Gates played a role in its lobbying", "indirect", "said")],
        ),
        (  # a cue opening the next paragraph leads on to what follows it, not to the quotation before it
            '"We will win this state," Cruz said. "Nobody can stop us now."\n\nCruz went on to explain that the'
            " party was united.",
            [
                ("Cruz", '"We will win this state,"', "direct", "said"),
                ("Cruz", '"Nobody can stop us now."', "direct", "said"),
                ("Cruz", "that the party was united", "indirect", "to explain"),
            ],
        ),
        (  # …so does one ending in a comma or colon, which introduces the quotation after it
            '"The plan is a disgrace," the senator said. "Nobody trusts it."\n\nHe went on, "Nobody at home does."',
            [
                ("the senator", '"The plan is a disgrace,"', "direct", "said"),
                ("the senator", '"Nobody trusts it."', "direct", "said"),
                ("He", '"Nobody at home does."', "direct", "went on"),
            ],
        ),
        (
            '"The questions were a disgrace to journalism."\n\nHe continued, "Nobody at home trusts the media."',
            [
                (None, '"The questions were a disgrace to journalism."', "direct", None),
                ("He", '"Nobody at home trusts the media."', "direct", "continued"),
            ],
        ),
        (  # a finding's "while" clause with a second figure is still what was found
            "A survey found that 40 percent of voters trust the mayor, while 35 percent trust the council.",
            [
                (
                    "A survey",
                    "that 40 percent of voters trust the mayor, while 35 percent trust the council",
                    "indirect",
                    "found",
                )
            ],
        ),
        (  # …without a figure on both sides, or after a speech verb, the contrast is the writer's
            "A survey found that most voters trust the mayor, while 35 percent trust the council.",
            [("A survey", "that most voters trust the mayor", "indirect", "found")],
        ),
        (
            "The senator said 40 percent of voters trust the mayor, while 35 percent trust the council.",
            [("The senator", "40 percent of voters trust the mayor", "indirect", "said")],
        ),
        (  # a dateline opening the reported clause is the writer's
            "LOS ANGELES, Feb. 2 (UPI) — The new album is almost finished, the singer revealed.",
            [("the singer", "The new album is almost finished", "indirect", "revealed")],
        ),
        (
            "PARIS (AFP) – Turnout fell sharply in the second round, the interior ministry said.",
            [("the interior ministry", "Turnout fell sharply in the second round", "indirect", "said")],
        ),
        (  # an agency in slashes closes a dateline too, even when the sentence splitter cut it off its city
            "VELMORA, March 14. /NPA/. The border will reopen on Monday, the interior ministry said.",
            [("the interior ministry", "The border will reopen on Monday", "indirect", "said")],
        ),
        (
            "TARSK, May 3. /ITAR-TASS/. Turnout fell sharply in the second round, the interior ministry said.",
            [("the interior ministry", "Turnout fell sharply in the second round", "indirect", "said")],
        ),
        (  # a dash after the quotation sets off the writer's comment on it
            "The senator called the governor “the next Lincoln” – a president he has long admired.",
            [("The senator", "the governor “the next Lincoln”", "partial", "called")],
        ),
        (  # a time phrase between the cue and the clause's subject says when it was said
            "The donor said on Friday he met the candidate earlier this week.",
            [("The donor", "he met the candidate earlier this week", "indirect", "said")],
        ),
        (
            "The governor said Tuesday her actions were consistent with the law.",
            [("The governor", "her actions were consistent with the law", "indirect", "said")],
        ),
        (  # a clause of reason the parser hung on the cue is still what was said
            "The governor said the budget was balanced, because the state had cut spending.",
            [
                (
                    "The governor",
                    "the budget was balanced, because the state had cut spending",
                    "indirect",
                    "said",
                )
            ],
        ),
        (  # an infinitive a phrase of time and place keeps apart from its verb of intention is still its content
            "The senator promised Sunday at a rally in Reno to end “the wasteful deportation regime.”",
            [("The senator", "to end “the wasteful deportation regime.”", "partial", "promised")],
        ),
        (  # a hyphen opening the text is no dateline's dash (and has no token before it)
            "- The plan failed, the report said.",
            [("the report", "The plan failed", "indirect", "said")],
        ),
        (  # a reported clause the parser split in two clauses of the cue ("do" and "know") is one
            "Many voters still say they don’t yet know enough about the mayor to form an opinion.",
            [
                (
                    "Many voters",
                    "they don’t yet know enough about the mayor to form an opinion",
                    "indirect",
                    "still say",
                )
            ],
        ),
        (  # what follows a colon right after the content spells it out
            "Residents have long said the plan fails for one reason: The town has no money.",
            [
                (
                    "Residents",
                    "the plan fails for one reason: The town has no money",
                    "indirect",
                    "have long said",
                )
            ],
        ),
        (  # but not a quotation with a speech verb of its own
            "The mayor asserted that the city had lost its way: “This is no longer our town,” he claimed.",
            [
                ("The mayor", "that the city had lost its way", "indirect", "asserted"),
                ("he", "“This is no longer our town,”", "direct", "claimed"),
            ],
        ),
        (  # the occasion after the quotation says where it was said, not what
            "Sanders has denounced supporters who level sexist attacks, saying his campaign does not want “that "
            "crap,” in an interview with CNN on Sunday.",
            [
                ("Sanders", "supporters who level sexist attacks", "indirect", "has denounced"),
                ("Sanders", "his campaign does not want “that crap,”", "partial", "saying"),
            ],
        ),
        (  # a stance verb's lone pronoun object is what the stance is about
            "Two unions endorsed her on Tuesday.",
            [("Two unions", "her", "indirect", "endorsed")],
        ),
        (  # but not a speech verb's, nor one after an infinitive: a chance, no stance taken
            "Delegates are now free to support him.",
            [],
        ),
        (  # a study's "find" reports its result in its object
            "A new survey found strong support for the levy among renters.",
            [("A new survey", "strong support for the levy among renters", "indirect", "found")],
        ),
        (  # a person's finding a thing is no finding
            "The coach found a new job in Ohio.",
            [],
        ),
        (  # a speech verb's preposition takes what was said, and the cue runs over it
            "The mayor hinted at a change of staff.",
            [("The mayor", "a change of staff", "indirect", "hinted at")],
        ),
        (  # so does a belief's
            "Local officials have long worried about the costs.",
            [("Local officials", "the costs", "indirect", "have long worried about")],
        ),
        (  # but with a clause of its own the clause is what is held, and the cue ends at the verb
            "The senator agreed with her aides that the bill was dead.",
            [("The senator", "that the bill was dead", "indirect", "agreed")],
        ),
    ],
)
def test_content_span(text: str, expected: list[tuple[str | None, str, str, str | None]]) -> None:
    assert quotes_of(text) == expected


def sources_of(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker span as written, cue) of each quote found in ``text``."""
    parsed = next(parse_batch([Document(id="d", source="test", text=text, language="en")], AnalyzeSettings()))
    assert parsed is not None
    return [
        (text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None, q.cue)
        for q in extract(parsed, [])
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a relative clause with a speech verb of its own is its own attribution, not part of the source
            "Ann Dole, who said last year that she would retire, told reporters the bill was dead.",
            [("who", "said"), ("Ann Dole", "told")],
        ),
        (
            "“The bill is dead,” said Ann Dole, who has warned about the cost for months.",
            [("Ann Dole", "said"), ("who", "has warned about")],
        ),
        (  # so is one whose verb is a cue of another class (a stance, a belief)
            "Tom Hale, who supports the senator, said the price of corn was too low.",
            [("who", "supports"), ("Tom Hale", "said")],
        ),
        (  # any other relative clause stays
            "Tom Hale, who runs a farm near Ames, said the price of corn was too low.",
            [("Tom Hale, who runs a farm near Ames", "said")],
        ),
        (  # the people a source includes, set off by commas, are part of it
            "Several senators, including Tom Hale and Ann Dole, said the bill was dead.",
            [("Several senators, including Tom Hale and Ann Dole", "said")],
        ),
        (
            "Big unions, such as the teamsters, said the bill was dead.",
            [("Big unions, such as the teamsters", "said")],
        ),
        (  # …also when the parser hung the phrase on the verb
            "Ms. Dole, along with two other senators, wrote that the bill was dead.",
            [("Ms. Dole, along with two other senators", "wrote")],
        ),
        (  # a phrase too long to keep whole loses the others first
            "“It was a mess,” said former Rep. Tom Hale (D-Calif.), one of the original “big four” negotiators, "
            "along with retired Rep. Ann Dole (R-Ohio), the former speaker of the House of Representatives from "
            "Ohio and a longtime friend of the senior senator from the great state of Iowa.",
            [("former Rep. Tom Hale (D-Calif.), one of the original “big four” negotiators", "said")],
        ),
        (  # the "both" of a pair is part of it
            "Both the mayor and the governor said the bill was dead.",
            [("Both the mayor and the governor", "said")],
        ),
        (  # the apostrophe of a plural possessive opens no quotation
            "Jeff Cole, Jones’ campaign manager, said in a statement that the race was over.",
            [("Jeff Cole, Jones’ campaign manager", "said in a statement")],
        ),
        (  # a title whose closing mark follows the phrase's comma stays
            "Joe Smith, host of NBC’s “Good Day,” suggested that the race was over.",
            [("Joe Smith, host of NBC’s “Good Day", "suggested")],
        ),
        (  # a phrase of time the parser hung on the speaker says when, not who
            "Trump on Tuesday dismissed the report as a hoax.",
            [("Trump", "dismissed")],
        ),
        (  # a focus adverb before the speaker is the writer's
            "Even his allies say the plan is dead.",
            [("his allies", "say")],
        ),
        (  # …but not after a relative pronoun, where it would fall into the content
            "The speech, which even his critics say was strong, ended the campaign.",
            [("even his critics", "say"), ("even his critics", "say")],
        ),
        (  # where the speaker is from, set off by commas after an age, stays
            "“We are tired,” said Ann Dole, 55, of Ames.",
            [("Ann Dole, 55, of Ames", "said")],
        ),
        (  # a title the parser split off the name as a second subject is part of the source
            "Senate spokesman the Rev. Tom Hale told reporters Thursday that the pope had no plans.",
            [("Senate spokesman the Rev. Tom Hale", "told")],
        ),
        (  # a relative clause without a pronoun is no title
            "The party he leads said the bill was dead.",
            [("The party he leads", "said")],
        ),
        (  # a quantifier floated after the speakers is not part of them but of the cue
            "The mayor and the governor both said the bridge would reopen in May.",
            [("The mayor and the governor", "both said")],
        ),
        (
            "The farmers all agree that the rain came too late.",
            [("The farmers", "all agree")],
        ),
    ],
)
def test_source_span(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert sources_of(text) == expected


@pytest.mark.parametrize(
    "text, token, expected",
    [
        ("VELMORA, March 14. /NPA/. The border will reopen, he said.", 0, 5),  # the line opens the dateline
        ("VELMORA, March 14. /NPA/. The border will reopen, he said.", 5, 5),  # a sentence split after "14."
        ("/NPA/. The border will reopen, he said.", 0, 0),  # …and parsed alone
        ("/ITAR-TASS/. The border will reopen.", 0, 2),
        ("The A/B test /X/ is ready.", 2, None),  # slashes inside a sentence
        ("WASHINGTON — The senator said so.", 0, 1),
        ("The senator said so.", 0, None),
    ],
)
def test_dateline_end(text: str, token: int, expected: int | None) -> None:
    assert dateline_end(spacy.blank("en")(text), token) == expected


def _parsed(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A sentence with a given parse: (word, head, dep, pos, tag, lemma) per token, so that a rule for a
    parser's mistake can be tested without depending on the parser making it."""
    words, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows, strict=True))
    return Doc(
        spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas
    )


def _content(doc: Doc, verb: int) -> tuple[int, int] | None:
    """The English content of the cue at token ``verb`` of a hand-parsed sentence."""
    table = cues_for("en")
    assert table is not None
    return content_of(doc, doc[verb], table)


@pytest.mark.parametrize(
    "clause_head, expected",
    [
        (1, (4, 8)),  # the object's "that" clause hung on "refused": it still completes "claims"
        (4, (4, 8)),  # …or hung on the noun, as it should be
    ],
)
def test_noun_clause_of_object(clause_head: int, expected: tuple[int, int]) -> None:
    doc = _parsed(
        [
            ("She", 1, "nsubj", "PRON", "PRP", "she"),
            ("refused", 1, "ROOT", "VERB", "VBD", "refuse"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("dismiss", 1, "xcomp", "VERB", "VB", "dismiss"),
            ("claims", 3, "dobj", "NOUN", "NNS", "claim"),
            ("that", 7, "mark", "SCONJ", "IN", "that"),
            ("aides", 7, "nsubj", "NOUN", "NNS", "aide"),
            ("leaked", clause_head, "ccomp" if clause_head == 1 else "acl", "VERB", "VBD", "leak"),
            ("it", 7, "dobj", "PRON", "PRP", "it"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert _content(doc, 3) == expected


@pytest.mark.parametrize(
    "misparsed, expected",
    [
        (
            True,
            (2, 9),
        ),  # "expanded" taken for a second verb of "opposed": the object still runs on to "powers"
        (False, (2, 9)),  # …or parsed as the adjective it is
    ],
)
def test_object_cut_short_by_conjoined_verb(misparsed: bool, expected: tuple[int, int]) -> None:
    doc = _parsed(
        [
            ("She", 1, "nsubj", "PRON", "PRP", "she"),
            ("opposed", 1, "ROOT", "VERB", "VBD", "oppose"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("bill", 1, "dobj", "NOUN", "NN", "bill"),
            ("that", 5, "nsubj", "PRON", "WDT", "that"),
            ("gave", 3, "relcl", "VERB", "VBD", "give"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("mayor", 5, "dative", "NOUN", "NN", "mayor"),
            ("expanded", 1 if misparsed else 9, "conj" if misparsed else "amod", "VERB", "VBD", "expand"),
            ("powers", 8 if misparsed else 5, "dobj", "NOUN", "NNS", "power"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert _content(doc, 1) == expected


@pytest.mark.parametrize(
    "misparsed, expected",
    [
        (True, (2, 7)),  # "saying" hung on the object's clause: a cue of its own all the same, cut off
        (False, (2, 7)),  # …or hung on the cue, as it should be
    ],
)
def test_closing_speech_participle(misparsed: bool, expected: tuple[int, int]) -> None:
    head = 7 if misparsed else 1
    doc = _parsed(
        [
            ("She", 1, "nsubj", "PRON", "PRP", "she"),
            ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("idea", 1, "dobj", "NOUN", "NN", "idea"),
            ("that", 7, "mark", "SCONJ", "IN", "that"),
            ("he", 7, "nsubj", "PRON", "PRP", "he"),
            ("would", 7, "aux", "AUX", "MD", "would"),
            ("lose", 3, "acl", "VERB", "VB", "lose"),
            (",", head, "punct", "PUNCT", ",", ","),
            ("saying", head, "advcl", "VERB", "VBG", "say"),
            ("crowds", 11, "nsubj", "NOUN", "NNS", "crowd"),
            ("prove", 9, "ccomp", "VERB", "VBP", "prove"),
            ("otherwise", 11, "advmod", "ADV", "RB", "otherwise"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert _content(doc, 1) == expected
