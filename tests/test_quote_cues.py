"""Quote cues: which words of hand-written news text are cues (PolNeAR's conventions), one row per behaviour."""

from __future__ import annotations

import pytest

from storyline.analyze.nlp import parse_batch
from storyline.analyze.quotes import extract
from storyline.model import Document
from storyline.settings import AnalyzeSettings

pytest.importorskip("spacy")


def cues(text: str) -> list[str]:
    """The cue of every quote extracted from ``text``, in order (quotes without one left out)."""
    document = Document(id="d", source="test", text=text, language="en")
    parsed = next(parse_batch([document], AnalyzeSettings()))
    assert parsed is not None
    return [q.cue for q in extract(parsed, []) if q.cue is not None]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a transcript's turn is the speaker's: its colon is the cue, not the beliefs inside it
            "Partial transcript as follows:\n\nMORGAN: Well, I think the whole country needs to pull together.\n",
            [":"],
        ),
        (  # a headline's single sentence after a name is a turn too
            "Mayor Jones: I support the new stadium.\n\nThe council votes on Monday.\n",
            [":"],
        ),
        (  # an interview's "Q:"/"A:" name nobody: no colon cue, and the cues inside stay
            "A: I think the stadium will be built next year.\n",
            ["think"],
        ),
        (  # "asked X if …": the if-clause the parser hangs on "asked" is the question
            "Ramos asked the candidate if he had been preparing for the job.",
            ["asked"],
        ),
        (  # "continue" heads a chain ending at a cue: the whole chain is the cue
            "Hillary Clinton is continuing to insist she will release the transcripts.",
            ["is continuing to insist"],
        ),
        (  # ... and stays a cue of its own after a quotation
            "“We will win,” he continued.",
            ["continued"],
        ),
        (  # a verb and its noun state something: the cue runs over the noun and the preposition
            "Trump notably made no mention of Jeb Bush.",
            ["notably made no mention of"],
        ),
        (  # ... over the noun when a that-clause follows, leaving the addressee out
            "Obama will make the case to Democrats that Clinton is qualified.",
            ["will make the case"],
        ),
        (  # ... the preposition hung on the verb
            "The senator took aim at the governor's tax plan.",
            ["took aim at"],
        ),
        (  # ... a feeling voiced
            "Several donors expressed concern that the nominee was hurting the party.",
            ["expressed concern"],
        ),
        (  # a possessor on the noun: the verb alone is the cue
            "The attendees expressed their support for the senator.",
            ["expressed"],
        ),
        (  # the noun must be the verb's object, and a day is no content
            "They made a cake for the party. She made comments on Tuesday.",
            [],
        ),
        (  # a noun of warning or complaint before a that-clause is a cue
            "The union's warning that the plant would close went unheeded.",
            ["warning"],
        ),
        (  # a possessed noun of judgement and its "of" are the cue; without a possessor, no cue
            "The mayor's criticism of the stadium plan surprised voters. Criticism of the plan grew.",
            ["criticism of"],
        ),
        (  # a stance in a relative clause takes the relative pronoun as its content
            "They now face a candidate who many party members strongly oppose.",
            ["strongly oppose"],
        ),
        (  # a verb with its particle reports speech: it governs the quotation before it
            "“There were some of us who thought you might work with them,” Bozell points out.",
            ["points out"],
        ),
        (  # ... and takes a that-clause
            "Trump shot back that the journalist had not been called on.",
            ["shot back"],
        ),
        (  # "went on" is a cue next to a quotation only
            "“It is over,” he went on. The war went on for years.",
            ["went on"],
        ),
        (  # the chain ending at a cue governs the quotation after it
            "She went on to say: “We will win this race.”",
            ["went on to say"],
        ),
        (  # a gerund right after the verb it completes is in the cue, as an infinitive chain is
            "After the vote the governor began dismissing the idea that the bridge was unsafe.",
            ["began dismissing"],
        ),
        (  # but not after a passive perception verb
            "A reporter can be heard asking the mayor whether the bridge is safe.",
            ["asking"],
        ),
        (  # a quantifier floated between the speakers and the verb is part of the cue, with the auxiliary
            "Smith and Jones have both urged calm.",
            ["have both urged"],
        ),
        (  # "both" as the subject itself is the source, not the cue
            "On taxes, both oppose the plan.",
            ["oppose"],
        ),
        (  # a participle describing a text someone put out: the cue runs from the verb that put it out
            "The campaign issued a statement saying the senator would not attend.",
            ["issued a statement saying"],
        ),
        (  # calls received are no text the speaker put out
            "Police received calls saying shots had been fired.",
            ["saying"],
        ),
        (  # verbs of speaking in a manner are speech verbs too
            "“I was wrong about the budget,” the mayor confessed.",
            ["confessed"],
        ),
        (
            "“Sit down,” the chairman barked at the crowd.",
            ["barked"],
        ),
        (  # a verb a cue gerund completes through "to" is part of the cue
            "Then the governor pivoted to arguing that taxes were too high.",
            ["pivoted to arguing"],
        ),
        (  # a participle after a number or a possessive, before a noun, is an adjective: no cue
            "The mayor holds a lead of 80 pledged delegates over the governor.",
            [],
        ),
        (
            "She won the state’s pledged delegates easily.",
            [],
        ),
        (  # words relayed by another source: the "according to" attribution alone
            "“I ask you not to protest on the floor,” Sanders said, according to CNN.",
            ["according to"],
        ),
        (  # the same with the phrase opening the sentence
            "According to the pool report, the president said the talks went well.",
            ["According to"],
        ),
        (  # a stance relayed by a poll too
            "According to the survey, most voters want a new stadium.",
            ["According to"],
        ),
        (  # but a phrase closing the reported clause leaves the speech verb its own cue
            "The campaign manager says the streak is proof the senator can still win, according to a memo.",
            ["according to", "says"],
        ),
        (  # a "that" clause in the simple present says what a thing is like: no cue
            "It is a party that favors lower taxes and open trade.",
            [],
        ),
        (  # in the past it reports an act
            "It is an outfit that endorsed the senator last year.",
            ["endorsed"],
        ),
        (  # a preposition past the particle takes the content
            "Khan lashed out at the nominee.",
            ["lashed out at"],
        ),
        (  # a jab, as "took a swipe at" is
            "The governor swiped at the senator over the budget.",
            ["swiped at"],
        ),
        (  # only the noun's first preposition may take the content ("to" names an addressee or referent)
            "He does not make as many references to Clinton in his speeches.",
            [],
        ),
        (  # stances and speech verbs of the table
            "She lambasted the plan. The aide later clarified that the trip was off.",
            ["lambasted", "later clarified"],
        ),
        (  # an attack verb judges its object
            "The senator trashed the plan as a giveaway to the banks.",
            ["trashed"],
        ),
        (  # a stance in an embedded question after a preposition is no attribution
            "He has waffled as to whether he would support the nominee.",
            [],
        ),
        (  # a stance inside what a phrasal speech verb reports is part of its content
            "Bush pointed out that since Manning was supporting him, he would support the Broncos.",
            ["pointed out"],
        ),
        (  # "began by saying": the framing verb opens the cue
            "The campaign responded by saying that the ad was false. He won the race by promising lower taxes.",
            ["responded by saying", "promising"],
        ),
        (  # "said in a statement that …" with the clause hung on the noun: one cue, the verb's
            "Clinton says in a statement that she is proud of the vote.",
            ["says in a statement"],
        ),
        (  # "cast X as Y" judges X, like "see X as Y"; without "as" it is no cue
            "The mayor cast his rival as a friend of the banks. Voters cast their ballots early.",
            ["cast"],
        ),
        (  # a colon the parser hung on another verb still opens the quotation a speech verb introduces
            "The senator was critical of the plan, telling the local paper: “It is a disaster for our town.”",
            ["was critical of", "telling"],
        ),
        (  # an adjective of stance after a verb: the cue runs from the verb group over its preposition
            "Republicans have long been critical of the new tax.",
            ["have long been critical of"],
        ),
        (  # ... after the noun it describes, which holds the stance
            "Teachers angry about the cuts marched to the capitol.",
            ["angry about"],
        ),
        (  # adjectives of attitude with a preposition of their own ("with", "at", "of", "on")
            "The mayor was unhappy with the ruling on the bridge. Union leaders were furious at the company.",
            ["was unhappy with", "were furious at"],
        ),
        (  # ... after adverbs of degree, which join the cue
            "Republican voters were far less divided on the proposed tax. Donors are tired of the feud.",
            ["were far less divided on", "are tired of"],
        ),
        (  # ... after any verb of the group ("grew"), a negation joining the cue too
            "The party is largely unified on the wage. Her aides grew more comfortable with the plan. "
            "The union was not happy about the new schedule.",
            ["is largely unified on", "grew more comfortable with", "was not happy about"],
        ),
        (  # an adjective of belief before a that-clause: the cue ends at the adjective
            "Her aides were optimistic that she would carry Ohio.",
            ["were optimistic"],
        ),
        (  # inside what a speech verb reports, the stance is part of the content; "it" holds nothing
            "He said the farmers were wary of free trade. It is doubtful that the bill will pass.",
            ["said"],
        ),
        (  # "eager to": an adjective of intention with its infinitive, the cue ending at the adjective
            "The governor is eager to put the scandal behind him.",
            ["is eager"],
        ),
        (  # "order" like "urge": the object and its infinitive are the content
            "A federal judge ordered the agency to release the emails.",
            ["ordered"],
        ),
        (  # the lemmatizer's "retweete" is "retweet"
            "The senator retweeted that the poll was fake.",
            ["retweeted"],
        ),
        (  # "deride X as Y" judges X
            "Critics derided the plan as a giveaway.",
            ["derided"],
        ),
        (  # "issued a statement saying that …": the cue runs from the verb over the participle
            "The senator issued a statement saying that the bill was unfair.",
            ["issued a statement saying"],
        ),
        (  # ... a quotation after the participle too
            "She released a statement saying, “We are proud of the brand.”",
            ["released a statement saying"],
        ),
        (  # ... a time between the text and the participle, which the parser hangs on the verb
            "The club released a letter on Friday evening, saying the coach would stay.",
            ["released a letter on Friday evening, saying"],
        ),
        (  # ... not for a verb that puts no text out, nor a participle with its own subject
            "The firm denied the report, saying sales were strong. The pair issued a memo, Smith saying he was glad.",
            ["denied", "saying", "saying"],
        ),
        (  # "showed no sign of": the verb and its noun are the cue, the preposition's object the content
            "The strikers showed no sign of giving up on Monday.",
            ["showed no sign of"],
        ),
        (  # "All told, …", "That said, …": a fixed phrase opening the sentence reports nothing
            "All told, the groups spent two million dollars. That said, the race is close.",
            [],
        ),
        (  # a participle of asking whose "about" comes after a time or a place: the question's cue is the verb
            "Asked on Monday about the budget, the mayor said she was hopeful.",
            ["Asked", "said"],
        ),
        (  # a request or a side taken: the verb and its preposition are the cue, the object the content
            "The mayor asked for a recount. Two senators sided with the unions and voted against the bill.",
            ["asked for", "sided with", "voted against"],
        ),
        (  # "request" takes what was asked for
            "The committee requested an investigation of the contracts.",
            ["requested"],
        ),
        (  # an attack verb judges its object
            "The governor has repeatedly belittled the senator's record.",
            ["has repeatedly belittled"],
        ),
        (  # "put it" reports words with its "it" ("as one voter put it")
            "As one voter put it, “We are tired of waiting.”",
            ["put it"],
        ),
        (  # "talk up" praises its object in words
            "The governor talked up the new stadium on Monday.",
            ["talked up"],
        ),
        (  # a columnist named Will, read as a modal before a past-tense verb, is no part of the cue
            "In his column, Will wrote that the party had lost its way.",
            ["wrote"],
        ),
        (  # "on Twitter" after the verb joins the cue, as "in a statement" does
            "The senator wrote on Twitter that the vote had been rigged.",
            ["wrote on Twitter"],
        ),
    ],
)
def test_cues(text: str, expected: list[str]) -> None:
    assert cues(text) == expected
