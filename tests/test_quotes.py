"""Quote extraction: tables of hand-written news sentences and the quotes expected from them."""

from __future__ import annotations

import dataclasses
import re
import time

import pytest

from storyline.analyze.nlp import Parsed, line_pieces, parse_batch
from storyline.analyze.quote_attributions import Attribution
from storyline.analyze.quote_cues import cues_for
from storyline.analyze.quote_headlines import headline_parse, headline_reading, parsed_reading
from storyline.analyze.quote_marks import Inside
from storyline.analyze.quotes import (
    _introduces,
    _Match,
    _trails,
    _unnested,
    _unquoted,
    extract,
    find_quoted,
    sentences_to_parse,
)
from storyline.model import Document, Entity, Mention, Quote
from storyline.settings import AnalyzeSettings

pytest.importorskip("spacy")

ENGLISH = cues_for("en")


@pytest.fixture(scope="module")
def parse():
    """Parse a text once per call with the session's spaCy model (loaded once per process by nlp.load)."""

    def run(text: str, language: str | None = "en") -> Parsed:
        document = Document(id="d", source="test", text=text, language="en")
        parsed = next(parse_batch([document], AnalyzeSettings()))
        assert parsed is not None
        return dataclasses.replace(parsed, document=dataclasses.replace(document, language=language))

    return run


def summary(found: list[Quote]) -> list[tuple[str | None, str, str, str | None]]:
    return [(q.speaker, q.text, q.kind, q.cue) for q in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # straight quotes, attribution after, speaker before the cue
            '"We will not give up an inch of our land," the defence minister said on Tuesday.',
            [("the defence minister", '"We will not give up an inch of our land,"', "direct", "said")],
        ),
        (  # curly quotes, cue before the speaker
            "“The ceasefire is holding along the whole line,” said Ilham Aliyev.",
            [("Ilham Aliyev", "“The ceasefire is holding along the whole line,”", "direct", "said")],
        ),
        (  # introduced by a colon
            'President Emmanuel Macron said: "France stands ready to help both sides."',
            [("President Emmanuel Macron", '"France stands ready to help both sides."', "direct", "said")],
        ),
        (  # interrupted by the attribution, continued after "adding that"
            '"We are ready to talk," he stressed, adding that "the door to negotiations remains open."',
            [
                ("he", '"We are ready to talk,"', "direct", "stressed"),
                ("he", 'that "the door to negotiations remains open."', "direct", "adding"),
            ],
        ),
        (  # two apostrophes as quote marks, as some news archives write them
            "''We will not raise taxes this year,'' the governor's spokesman said.",
            [("the governor's spokesman", "''We will not raise taxes this year,''", "direct", "said")],
        ),
        (  # a title in title case inside the sentence is no quote
            "“He views Russia as a rival with its own interests,” the senator said on CBS’s “Face the Nation.”",
            [("the senator", "“He views Russia as a rival with its own interests,”", "direct", "said")],
        ),
        (  # a speaker after the verb that the parser took for its object
            "“It is her race to lose at this point,” added another New Hampshire Democrat.",
            [
                (
                    "another New Hampshire Democrat",
                    "“It is her race to lose at this point,”",
                    "direct",
                    "added",
                )
            ],
        ),
        (  # "with" is one of a title's small words
            "“Cuts are coming to every agency,” the host said on “Midday with Charlie Sykes.”",
            [("the host", "“Cuts are coming to every agency,”", "direct", "said")],
        ),
        (  # an exclamation in title case still is one
            "As the team left the field, the fans yelled “We Will Win!”",
            [("the fans", "“We Will Win!”", "direct", "yelled")],
        ),
        (  # a cue ending its paragraph with a colon introduces the quotation in the next one
            "The mayor's spokesman said:\n\n“We will rebuild the bridge before the winter.”",
            [("The mayor's spokesman", "“We will rebuild the bridge before the winter.”", "direct", "said")],
        ),
        (  # one quotation over two paragraphs: reopened at the paragraph start, closed only at the end
            "The minister told the parliament: “The talks were long and difficult.\n\n"
            "“But we reached a deal in the end, and it will hold.”",
            [
                (
                    "The minister",
                    "“The talks were long and difficult.\n\n"
                    "“But we reached a deal in the end, and it will hold.”",
                    "direct",
                    "told",
                )
            ],
        ),
        (  # a quotation running on after the attributed one keeps its speaker and cue
            '"We won this war," he said. "Nobody will take these lands from us again."',
            [
                ("he", '"We won this war,"', "direct", "said"),
                ("he", '"Nobody will take these lands from us again."', "direct", "said"),
            ],
        ),
        (  # a later paragraph keeps the speaker, not the cue; a lower-case fragment is no speech
            '"We won this war," he said.\n\nThe fighting ended in May.\n\n"Nobody will take these lands from '
            'us again."\n\nCritics called it "a victory of sorts for now" at best.',
            [
                ("he", '"We won this war,"', "direct", "said"),
                ("he", '"Nobody will take these lands from us again."', "direct", None),
                ("Critics", 'it "a victory of sorts for now"', "partial", "called"),
            ],
        ),
        (  # a quotation running on after a partial quote keeps its speaker and cue too
            "The mayor said the plan was “a disaster for everyone.” “Nobody asked the workers what they think.”",
            [
                ("The mayor", "the plan was “a disaster for everyone.”", "partial", "said"),
                ("The mayor", "“Nobody asked the workers what they think.”", "direct", "said"),
            ],
        ),
        (  # a short sentence right after the attribution runs on too
            "“The plan is costly,” the mayor said. “Very.” The council met later.",
            [
                ("the mayor", "“The plan is costly,”", "direct", "said"),
                ("the mayor", "“Very.”", "direct", "said"),
            ],
        ),
        (  # but not a quoted word inside the next sentence
            "“The plan is costly,” the mayor said. “Radio” was the name of the show.",
            [("the mayor", "“The plan is costly,”", "direct", "said")],
        ),
        (  # the very next paragraph, when the quotation is all of it, keeps the cue too: one speech
            '"We won this war," he said.\n\n"Nobody will take these lands from us again."',
            [
                ("he", '"We won this war,"', "direct", "said"),
                ("he", '"Nobody will take these lands from us again."', "direct", "said"),
            ],
        ),
        (  # cue after an exclamation mark, where sentence splitting cuts
            "“It is a historic day for the whole region!” she wrote.",
            [("she", "“It is a historic day for the whole region!”", "direct", "wrote")],
        ),
        (  # introduced by a comma after a cue whose phrase the parser ended before the quotation
            "Jones didn’t seem impressed with the senator’s remarks, telling the crowd, “Nobody in this town "
            "believes a word of it.”",
            [  # "seem" with an adjective is a cue of its own, with no source
                (None, "Jones", "indirect", "didn’t seem"),
                (None, "impressed with the senator’s remarks", "indirect", "didn’t seem"),
                ("Jones", "“Nobody in this town believes a word of it.”", "direct", "telling"),
            ],
        ),
        (  # a "that" right before the mark starts the quote, even when the parser saw no clause there
            "The mayor is telling customers at a crowded breakfast spot that “I need you tomorrow.”",
            [("The mayor", "that “I need you tomorrow.”", "direct", "is telling")],
        ),
        (  # the splitter leaves the opening marks with the sentence before: its cue does not govern the next one
            "The mill will close next year, Mr. Ames said. ''Nobody could have saved it,'' he said.",
            [
                ("Mr. Ames", "The mill will close next year", "indirect", "said"),
                ("he", "''Nobody could have saved it,''", "direct", "said"),
            ],
        ),
        (  # a cue after the quotation whose reported clause the parser ended before the closing comma and mark
            '"Our goals for the city have changed," agrees Maria Lopez, 30, of Tampa.',
            [("Maria Lopez", '"Our goals for the city have changed,"', "direct", "agrees")],
        ),
        (  # an "as" aside whose clause the parser took to be the quotation, though its reach ends before it
            "But, as the professor said, “At some point the paper lost its readers.” So it was sold.",
            [("the professor", "“At some point the paper lost its readers.”", "direct", "said")],
        ),
        (  # an opener's object set off by commas, which the parser read as a list with the speaker
            "Receiving the credentials of the new head of the UN mission to Georgia, Maria Lindqvist, "
            "President Levan Gachechiladze said: “We want to work with all our neighbours.”",
            [
                (
                    "President Levan Gachechiladze",
                    "“We want to work with all our neighbours.”",
                    "direct",
                    "said",
                )
            ],
        ),
        (  # the same, read as the subject with the speaker in apposition to it
            "Meeting the new envoy of the EU to Armenia, Hans Keller, Prime Minister Nikol Pashinyan said: "
            "“We are ready for talks.”",
            [("Prime Minister Nikol Pashinyan", "“We are ready for talks.”", "direct", "said")],
        ),
        (  # a role in apposition is no second name: the subject spoke
            "Speaking to reporters, Hans Keller, a spokesman, said: “Talks will resume.”",
            [("Hans Keller", "“Talks will resume.”", "direct", "said")],
        ),
        (  # the next sentence's cue hands on to its own quotation: it does not take the one before
            "Professor of economics Mara Lindqvist, for instance, told the Morning Brief radio show, “Cutting "
            "rates now is the wrong way forward.” The Oxford expert continued, “The evidence points the other way.”",
            [
                (
                    "Professor of economics Mara Lindqvist",
                    "“Cutting rates now is the wrong way forward.”",
                    "direct",
                    "told",
                ),
                ("The Oxford expert", "“The evidence points the other way.”", "direct", "continued"),
            ],
        ),
        (  # a clause the parser split at an adjective it read as a verb ("present") is one content
            "The envoy said the delegations present would press ahead regardless.",
            [("The envoy", "the delegations present would press ahead regardless", "indirect", "said")],
        ),
        (  # a that-clause the parser hung on the listener of "told" is what was told
            'Fidan told a joint news conference that "significant progress" had been made.',
            [("Fidan", 'that "significant progress" had been made', "partial", "told")],
        ),
        (  # a title's abbreviation is one token: the senter no longer ends the sentence after "Capt."
            "“He fled on foot,” said Capt. Ann Boyd of the county fire department.",
            [("Capt. Ann Boyd of the county fire department", "“He fled on foot,”", "direct", "said")],
        ),
        (
            "“We recovered the weapon,” Det. Sgt. Paul Marsh said.",
            [("Det. Sgt. Paul Marsh", "“We recovered the weapon,”", "direct", "said")],
        ),
        (
            "“A man came in and shot another man,” Surrey police Const. Tom Ferris said.",
            [("Surrey police Const. Tom Ferris", "“A man came in and shot another man,”", "direct", "said")],
        ),
        (  # a text put out, whose colon hands on to the quotation
            "The harbour board issued a statement: “We will reopen the pier once it is safe to do so.”",
            [
                (
                    "The harbour board",
                    "“We will reopen the pier once it is safe to do so.”",
                    "direct",
                    "issued a statement",
                )
            ],
        ),
        (
            "The club released a statement on Monday:\n“We will rebuild this team and we will do it together.”",
            [
                (
                    "The club",
                    "“We will rebuild this team and we will do it together.”",
                    "direct",
                    "released a statement",
                )
            ],
        ),
        (  # the parser gave "said" no subject and hung the name on the quotation: the role before the verb
            # names whom it describes only with the name before it
            "“It is not the position that everything is hunky-dory,” Gene Sperling, a top outside Clinton "
            "adviser, said at a recent POLITICO event.",
            [
                (
                    "Gene Sperling",
                    "“It is not the position that everything is hunky-dory,”",
                    "direct",
                    "said",
                )
            ],
        ),
        # a verb of no table framing a quotation is speech (quote_frames): subject, verb and comma before it
        (
            "During the hearing, Senator Tom Vale cracked, “I am a patient man, but not that patient.”",
            [("Senator Tom Vale", "“I am a patient man, but not that patient.”", "direct", "cracked")],
        ),
        (
            "The boat left the dock as his friends jeered, “Good luck out there!”",
            [("his friends", "“Good luck out there!”", "direct", "jeered")],
        ),
        (  # after a quotation opening the sentence: subject then verb, or the verb then its subject
            "“Our town will always be our town,” an angry Mayor Ruiz retaliated.",
            [("an angry Mayor Ruiz", "“Our town will always be our town,”", "direct", "retaliated")],
        ),
        (
            "“This is a great day for the town!” beamed Maria Ortiz.",
            [("Maria Ortiz", "“This is a great day for the town!”", "direct", "beamed")],
        ),
        (  # the writer's aside is no frame: "said" governs
            "Vale said, and I quote, “We love the people who vote for us.”",
            [("Vale", "“We love the people who vote for us.”", "direct", "said")],
        ),
        (  # a condition's verb frames nothing
            'If the bill passes, "I think it will fill a very deep void in the state."',
            [(None, '"I think it will fill a very deep void in the state."', "direct", None)],
        ),
        (  # a quotation closing on a comma hands on to a frame after it: the verb before is no cue
            "The market crashed, “This is the worst day in years,” one trader groaned.",
            [(None, "“This is the worst day in years,”", "direct", None)],
        ),
        (  # a work's title in title case is not speech: the verb that made it frames nothing
            "“Harbour Lights,” Ana Ruiz painted in 1990, hangs in the town hall.",
            [],
        ),
        (  # a participle the tagger read as finite, with no subject of its own, frames nothing
            "The group launched a radio ad on Saturday afternoon titled, “Stop the Scam Now.”",
            [(None, "“Stop the Scam Now.”", "direct", None)],
        ),
    ],
)
def test_direct_quotes(parse, text, expected):
    assert summary(extract(parse(text), [])) == expected


@pytest.mark.parametrize(
    "text, introduces",
    [
        # the quotation right after a cue the parse gave no clause
        ("At the gate a man yelled “Go home!”", True),
        ("At the gate a man yelled, “Go home!”", True),
        ("At the gate a man yelled\n\n“Go home!”", False),  # a paragraph apart
        ("“Leave now,” a man yelled “Go home!”", False),  # the cue of the quotation before it, run on
    ],
)
def test_cue_without_clause_introduces_the_quotation_after_it(text, introduces):
    """A cue the parse left with no reported clause and whose reach ends before the quotation (only its own
    words): the quotation right after it is what it reports."""
    cue, speaker = text.index("yelled"), text.index("a man")
    attribution = Attribution(cue, cue + 6, speaker, speaker + 5, None, None, None, None, speaker, cue + 6)
    assert _introduces(text, find_quoted(text)[-1], attribution) is introduces


@pytest.mark.parametrize(
    "text, speaker, kept",
    [
        ("“We lost the final,” the coach told the paper.", "We", False),  # a word of the quotation
        ("“We lost the final,” the coach told the paper.", "the coach", True),
        ("The coach told the paper “we lost the final.”", "The coach", True),
    ],
)
def test_speaker_inside_a_quotation_is_no_speaker(text, speaker, kept):
    """A subject the parser found inside a quotation names nobody: the attribution keeps its cue, not that
    speaker."""
    cue, start = text.index("told"), text.index(speaker)
    attribution = Attribution(
        cue, cue + 4, start, start + len(speaker), start, start + 1, None, None, 0, len(text)
    )
    found = _unquoted(attribution, Inside(find_quoted(text)))
    assert (found.speaker_start is not None, found.cue_start) == (kept, cue)


@pytest.mark.parametrize(
    "text, trails",
    [
        ("“We lost the final,” Ortiz, 58, told the paper.", True),  # a name, an age, then the cue
        ("“We lost the final.” Ortiz told the paper.", False),  # closed on a full stop: a sentence of its own
        ("He urged them to “keep going,” when it told the paper", False),  # a clause of its own after it
        ("“We lost the final,” “again,” Ortiz told the paper.", False),  # another quotation between
    ],
)
def test_quotation_closing_on_a_comma_runs_on_into_the_cue(text, trails):
    """A quotation closing on a comma inside its marks runs on into the cue after it in the same sentence."""
    cue = text.index("told")
    attribution = Attribution(cue, cue + 4, None, None, None, None, None, None, cue, cue + 4)
    assert _trails(text, find_quoted(text)[0], attribution) is trails


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a quoted fragment inside reported speech: the reported clause is the (partial) quote
            'The envoy said that the OSCE "would see if the mission can continue."',
            [("The envoy", 'that the OSCE "would see if the mission can continue."', "partial", "said")],
        ),
        (  # an aside's "as" is the aside's: the partial quote is the two pieces around "as one voter said"
            "The city, as one voter said, is “a mess.”",
            [("one voter", "The city", "partial", "said"), ("one voter", "is “a mess.”", "partial", "said")],
        ),
        (  # a that-clause the parser hung on a noun of the occasion phrase is the verb's reported clause
            "Martinez said in one of a series of messages that the bridge was closed before noon.",
            [("Martinez", "that the bridge was closed before noon", "indirect", "said")],
        ),
        (  # a noun's own that-clause stays with the noun
            "She rejected the idea that the plan was dead.",
            [("She", "the idea that the plan was dead", "indirect", "rejected")],
        ),
        (
            "Aliyev said Baku is ready to sign a peace treaty.",
            [("Aliyev", "Baku is ready to sign a peace treaty", "indirect", "said")],
        ),
        (
            "According to the foreign minister, the border will reopen next month.",
            [("the foreign minister", "the border will reopen next month", "indirect", "According to")],
        ),
        (  # institutional speaker after the content
            "The border crossing will reopen next month, the statement said.",
            [("the statement", "The border crossing will reopen next month", "indirect", "said")],
        ),
        (
            "Lavrov told reporters that Moscow would send more observers to the region.",
            [("Lavrov", "that Moscow would send more observers to the region", "indirect", "told")],
        ),
        (
            "The governor was quoted as saying the bridge would be rebuilt by spring.",
            [("The governor", "the bridge would be rebuilt by spring", "indirect", "was quoted as saying")],
        ),
        (  # the reported clause first: the parser hangs it on "quoted", not on "saying"
            "The bridge would be rebuilt by spring, the governor was quoted as saying by a local paper.",
            [("the governor", "The bridge would be rebuilt by spring", "indirect", "was quoted as saying")],
        ),
        (  # active "quoted … as saying": the cue is "quoted" alone
            "The local paper quoted the governor as saying the bridge would be rebuilt by spring.",
            [("The local paper", "the bridge would be rebuilt by spring", "indirect", "quoted")],
        ),
        (
            "The press service of the Foreign Ministry reported that the delegation had arrived in Geneva.",
            [
                (
                    "The press service of the Foreign Ministry",
                    "that the delegation had arrived in Geneva",
                    "indirect",
                    "reported",
                )
            ],
        ),
        (
            "The diplomatic agency warned that further shelling would end the truce.",
            [("The diplomatic agency", "that further shelling would end the truce", "indirect", "warned")],
        ),
        (  # the cue is the whole verb group
            "The mayor has not said whether the market will reopen.",
            [("The mayor", "whether the market will reopen", "indirect", "has not said")],
        ),
        (  # an auxiliary before a phrase inside the group still opens it
            "The mayor has, however, said that the market will reopen.",
            [("The mayor", "that the market will reopen", "indirect", "has, however, said")],
        ),
        (
            "Officials have in fact warned that the dam could fail.",
            [("Officials", "that the dam could fail", "indirect", "have in fact warned")],
        ),
        (  # but not past the subject of a question
            "Did the engineers know that the bridge was unsafe?",
            [("the engineers", "that the bridge was unsafe", "indirect", "know")],
        ),
        (  # a parenthetical attribution in the middle cuts the reported clause in two pieces
            "The deal, the minister said, will be signed in Ankara.",
            [
                ("the minister", "The deal", "indirect", "said"),
                ("the minister", "will be signed in Ankara", "indirect", "said"),
            ],
        ),
        (  # a headline: "Name: what they said"
            "Lavrov: Moscow Ready to Send Observers.\n\nThe minister spoke in Sochi.",
            [("Lavrov", "Moscow Ready to Send Observers", "indirect", ":")],
        ),
        (  # a preposition in the label ends the speaker: the topic and the listener are not the source
            "Lavrov on Syria: Moscow Ready to Send Observers.\n\nThe minister spoke in Sochi.",
            [("Lavrov", "Moscow Ready to Send Observers", "indirect", ":")],
        ),
        (
            "Merkel to Farmers: Subsidies Will Stay.\n\nThe chancellor spoke in Hanover.",
            [("Merkel", "Subsidies Will Stay", "indirect", ":")],
        ),
        (  # a digest line: heading, spaced dash, the source and a colon opening the quotation
            "SENATE RACE TIGHTENS - Ann Lee and Tom Berg: “The incumbent has lost ground in every county.”"
            " [Gazette]\n\nTurnout will decide it - More from Berg: “Nobody should call this race yet.”",
            [
                ("Ann Lee and Tom Berg", "“The incumbent has lost ground in every county.”", "direct", ":"),
                ("Berg", "“Nobody should call this race yet.”", "direct", ":"),
            ],
        ),
        (  # two names before a headline's own words are its subjects, not speakers
            "Netanyahu and Obama: A Tortured Relationship\n\nThe two leaders met on Monday.",
            [],
        ),
        (  # a speaker set off by commas keeps only the name
            "Barkley, who rarely votes, said the race was over.",
            [("Barkley", "the race was over", "indirect", "said")],
        ),
        (  # a closing speech verb the parser hung on the clause it reports still reports that clause
            "Grain exports will fall this year, sooner than expected, the national statistics office said"
            " on Tuesday -- a blow to the farm lobby.",
            [
                (
                    "the national statistics office",
                    "Grain exports will fall this year, sooner than expected",
                    "indirect",
                    "said",
                )
            ],
        ),
        (
            "Voters in the north now say they trust the mayor more than the council, a study by two"
            " local sociologists concluded this year.",
            [
                (
                    "a study by two local sociologists",
                    "Voters in the north now say they trust the mayor more than the council",
                    "indirect",
                    "concluded",
                ),
                ("Voters in the north", "they trust the mayor more than the council", "indirect", "now say"),
            ],
        ),
        (  # a share in numbers that the parser hung on the verb as a modifier is still who spoke
            "About 4 in 10 say they want the city to build more parks.",
            [("About 4 in 10", "they want the city to build more parks", "indirect", "say")],
        ),
        (  # "…, said X" with no clause parsed for the verb ("passer-by called" read as a noun phrase)
            "A passer-by called the station, said the sergeant.",
            [("the sergeant", "A passer-by called the station", "indirect", "said")],
        ),
        (
            "Two passers-by called the station, said Sgt. Nora Quist.",
            [("Sgt. Nora Quist", "Two passers-by called the station", "indirect", "said")],
        ),
        (  # "said" parsed as the last conjunct of "killed", the second clause its own: all of it was said
            "Three miners were killed and 60 people were hospitalized after a fire at the Norrby mine in the "
            "northern town of Halvik late on Sunday, the regional Interior Ministry said on Monday.",
            [
                (
                    "the regional Interior Ministry",
                    "Three miners were killed and 60 people were hospitalized after a fire at the Norrby mine in "
                    "the northern town of Halvik late on Sunday",
                    "indirect",
                    "said",
                )
            ],
        ),
        (  # a verb keeping its object in the passive shares it: all of it was said
            "The club said the striker had been fined and handed a three-match ban.",
            [("The club", "the striker had been fined and handed a three-match ban", "indirect", "said")],
        ),
        (  # an active past after "had been shelled" goes on with "said": what Varnia did, not what it said
            "Varnia said two of its border posts had been shelled and accused Oskarian gunners of breaking the truce.",
            [
                ("Varnia", "two of its border posts had been shelled", "indirect", "said"),
                ("Varnia", "Oskarian gunners of breaking the truce", "indirect", "accused"),
            ],
        ),
        (  # a headline's label before a quotation that a speech verb attributes is its topic
            'Ukraine war: "We will not accept any preconditions," says Zelensky',
            [("Zelensky", '"We will not accept any preconditions,"', "direct", "says")],
        ),
        (  # an attack with no sign of force stays a stance
            "He attacked the media.",
            [("He", "the media", "indirect", "attacked")],
        ),
        (  # beside a quotation, an attack is in words
            '"He has no plan," the campaign attacked.',
            [("the campaign", '"He has no plan,"', "direct", "attacked")],
        ),
        (  # words are the means: a stance
            "The column attacked the mayor's aide by accusing her of lying.",
            [("The column", "the mayor's aide by accusing her of lying", "indirect", "attacked")],
        ),
        (  # a verb joined to a reported clause before its speech verb has that clause's subject
            "The ministry called the sanctions illegal and said it would respond, Belta reported.",
            [
                ("Belta", "The ministry called the sanctions illegal", "indirect", "reported"),
                ("The ministry", "it would respond", "indirect", "said"),
            ],
        ),
        (  # a percent sign ends the figure it belongs to: it is no punctuation to trim
            "Turnout was 58%, the electoral commission said.",
            [("the electoral commission", "Turnout was 58%", "indirect", "said")],
        ),
    ],
)
def test_reported_speech(parse, text, expected):
    assert summary(extract(parse(text), [])) == expected


@pytest.mark.parametrize(
    "text",
    [
        'The "reform" left critics unconvinced.',  # scare quotes
        "The film “Peace at Last” opened in the capital on Friday.",  # a title
        "The talks continued for a third day in Moscow.",  # a cue verb without a reported clause
        "Update: the article was corrected on Monday.",  # a label, not a speaker
        "Q: Is a peace treaty possible this year?\n\nA: The text is almost ready.",  # an interview's turns
        "The Latest: Storm closes schools across the state\n\nSchools closed.",  # a label after "The"
        "It should be noted that the bridge was rebuilt in 2019.",  # the writer's voice
        "2:10 p.m.: The senator arrived at the venue.",
        'He was a "hero" to many, and his "legacy" remains.',
        "Ask your neighbours whether the new bus line is any faster.",  # an order to the reader, nobody's
        "Support the local team and buy a season ticket.",
        "A nurse answered the door and a boy ran out past her.",  # a second event after "and", not what was said
        "There is no doubt that the harbour will reopen.",  # the writer's own assertion, nobody's doubt
        "Norland recalled its ambassador from Kelvik.",  # calling an envoy back tells no memory
        "The carmaker recalled 40,000 vehicles over faulty brakes.",
        "The nurse, known for her patience, retired in May.",  # no copula: a description, not a reputation
        "The group spent the summer promoting a new trade deal.",  # the gerund of "promote" is an act
        "The mayor likes the new library.",  # "like" is a cue only with its infinitive
        "The nurses identified the problem within an hour.",  # "identify" with no "as": no judgement
        "The president dismissed almost his entire cabinet on Thursday.",  # offices taken away, no stance
        "Rebels attacked the village on Monday.",  # force, not words
        "Russian forces attacked the port overnight with drones.",
    ],
)
def test_no_quote(parse, text):
    assert extract(parse(text), []) == []


def test_offsets_ids_and_cue_spans(parse):
    text = 'Officials were cautious. "The road is open again," the mayor announced.'
    (quote,) = extract(parse(text), [])
    assert text[quote.start : quote.end] == quote.text == '"The road is open again,"'
    assert quote.id == f"d:q{quote.start}-{quote.end}"
    assert text[quote.cue_start : quote.cue_end] == "announced"
    assert text[quote.speaker_start : quote.speaker_end] == "the mayor"
    assert quote.speaker_entity is None


def _entity(text: str, name: str, refs: list[tuple[str, str]]) -> Entity:
    """An entity whose mentions are the first occurrence, from left to right, of each (words, kind)."""
    mentions, pos = [], 0
    for words, kind in refs:
        start = re.compile(rf"\b{re.escape(words)}\b").search(text, pos).start()
        mentions.append(Mention(start, start + len(words), words, kind))
        pos = start + len(words)
    return Entity(id=f"d:e-{name}", doc_id="d", name=name, type="PERSON", mentions=tuple(mentions))


def test_speakers_resolve_to_entities_through_pronouns_and_roles(parse):
    text = (
        "Ilham Aliyev visited the city on Sunday. "
        '"This city is the crown of our country," he said. '
        "According to the Azerbaijani leader, the reconstruction will take three years. "
        "Nikol Pashinyan's office said the visit was a provocation."
    )
    aliyev = _entity(
        text,
        "Ilham Aliyev",
        [("Ilham Aliyev", "name"), ("he", "pronoun"), ("the Azerbaijani leader", "nominal")],
    )
    pashinyan = _entity(text, "Nikol Pashinyan", [("Nikol Pashinyan", "name")])
    found = extract(parse(text), [aliyev, pashinyan])
    assert [(q.speaker, q.speaker_entity, q.kind) for q in found] == [
        ("Ilham Aliyev", aliyev.id, "direct"),
        ("Ilham Aliyev", aliyev.id, "indirect"),
        ("Nikol Pashinyan's office", None, "indirect"),  # the office is not the man: its head word decides
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will appeal," the coach said on Tuesday.', "speech"),
        ("According to the port authority, the harbour is open again.", "speech"),
        ("The union issued a statement saying the strike was over.", "speech"),
        ("Her claim that the count was rigged drew scorn.", "speech"),
        ("The mayor pointed out that the bridge was closed.", "speech"),  # a phrasal speech verb
        ("As one farmer put it, “The rain came too late.”", "speech"),
        (
            "“We will be back next year!” beamed the coach.",
            "speech",
        ),  # a verb of no table framing a quotation
        ("A new survey showed that most farmers back the plan.", "finding"),
        ("Most economists believe that prices will ease.", "belief"),
        ("In her opinion, prices will ease.", "belief"),
        ("The mayor wants to raise the bridge toll.", "intention"),
        ("The senator criticized the budget.", "stance"),
    ],
)
def test_cue_class_says_what_kind_of_attribution(parse, text, expected):
    """A report that wants only what was said keeps "speech"; PolNeAR's other attributions are classed."""
    assert [q.cue_class for q in extract(parse(text), [])] == [expected]


def test_speaker_the_recognizer_missed_is_found_by_name(parse):
    """A name typed as an entity once and missed at the speaker's spot is still that entity; a name two
    entities share names neither."""
    text = "Nowak spoke first. “We will appeal the ruling,” Nowak added, leaving the court."
    nowak = _entity(text, "Nowak", [("Nowak", "name")])  # the first "Nowak" only
    assert [(q.speaker, q.speaker_entity) for q in extract(parse(text), [nowak])] == [("Nowak", nowak.id)]
    other = dataclasses.replace(nowak, id="d:e-other", mentions=())
    assert [(q.speaker, q.speaker_entity) for q in extract(parse(text), [nowak, other])] == [("Nowak", None)]


def test_speaker_named_in_an_apposition_to_a_role_is_that_person(parse):
    """ "Its spokesman, Jay Ferrer, told …": the role heads the subject, the apposed name is who spoke; a
    lower-case description may stand before the name."""
    text = (
        "The coast guard gave a different account. Its spokesman, Jay Ferrer, told reporters that the ship "
        "had been rammed. The party's founder, billionaire Ivo Brandt, said the result was a mandate."
    )
    ferrer = _entity(text, "Jay Ferrer", [("Jay Ferrer", "name")])
    brandt = _entity(text, "Ivo Brandt", [("Ivo Brandt", "name")])
    found = extract(parse(text), [ferrer, brandt])
    assert [(q.speaker, q.speaker_entity) for q in found] == [
        ("Jay Ferrer", ferrer.id),
        ("Ivo Brandt", brandt.id),
    ]


def test_a_date_between_a_cue_and_its_preposition_is_skipped(parse):
    """ "called on Sunday for X" asks for X: the date is neither the content nor part of the cue."""
    found = extract(parse("The vice president called on Sunday for an immediate ceasefire."), [])
    assert [(q.cue, q.text) for q in found] == [("called", "an immediate ceasefire")]


def test_language_without_cue_table_keeps_direct_quotes(parse):
    found = extract(parse('"Wir sind bereit zu verhandeln, heute und morgen," sagte er.', language="xx"), [])
    assert [(q.kind, q.speaker, q.cue) for q in found] == [("direct", None, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('a "b c" d', ['"b c"']),
        ("a “b c” d “e”", ["“b c”", "“e”"]),
        ("stray ” closer “opened” ", ["“opened”"]),
        ("“never closed\n\nnext paragraph “x y”", ["“x y”"]),  # an open mark dies at a paragraph without one
        ("“one\n“two\n“three”", ["“one\n“two\n“three”"]),
        ("“first “second”", ["“second”"]),  # an opener inside an open quotation restarts it
        ("He called it ''a disgrace,'' and left the party's hall.", ["''a disgrace,''"]),  # two apostrophes
    ],
)
def test_find_quoted(text, expected):
    assert [text[q.start : q.end] for q in find_quoted(text)] == expected


def test_linear_time_on_adversarial_marks(parse):
    """1 MB of unmatched and alternating quote marks: the scan stays linear (well under a few seconds)."""
    text = ("“ word " * 70_000 + '" x ' * 150_000)[:1_000_000]
    started = time.process_time()
    find_quoted(text)
    assert time.process_time() - started < 3.0


def test_adversarial_document_is_not_parsed_whole(parse):
    """A run of cue words and marks with no sentence boundary is too long to parse: extraction stays cheap."""
    parsed = parse(("“ he said " * 400 + '" she added ' * 400)[:8_000])
    started = time.process_time()
    extract(parsed, [])
    assert time.process_time() - started < 2.0
    assert parsed.parsed_sentences == 0


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # belief with a that-clause
            "Most economists believe that inflation will ease next year.",
            [("Most economists", "that inflation will ease next year", "indirect", "believe")],
        ),
        (  # verbs that make a cue only with their clause, as beliefs do
            "The governor has signaled that she may veto the bill.",
            [("The governor", "that she may veto the bill", "indirect", "has signaled")],
        ),
        (
            "Reporters learned that the plant would close.",
            [("Reporters", "that the plant would close", "indirect", "learned")],
        ),
        (
            "The board ruled that the candidate met the residency rules.",
            [("The board", "that the candidate met the residency rules", "indirect", "ruled")],
        ),
        (  # belief without "that"
            "I think the talks will fail before the summer.",
            [("I", "the talks will fail before the summer", "indirect", "think")],
        ),
        (  # intention: the infinitive is the content
            "The governor wants to raise the minimum wage.",
            [("The governor", "to raise the minimum wage", "indirect", "wants")],
        ),
        (  # a plan of an organisation
            "The company plans to open two new plants.",
            [("The company", "to open two new plants", "indirect", "plans")],
        ),
        (  # a poll's finding: the object and its predicate
            "A poll released on Monday showed the senator leading by six points.",
            [("A poll released on Monday", "the senator leading by six points", "indirect", "showed")],
        ),
        (  # a pronoun a poll shows somewhere: the pronoun and its standing, as a name would be
            "Polls in the state show him with a big lead.",
            [("Polls in the state", "him with a big lead", "indirect", "show")],
        ),
        (
            "The latest survey shows her ahead of the mayor.",
            [("The latest survey", "her ahead of the mayor", "indirect", "shows")],
        ),
        (  # no standing after the pronoun, or no study showing it: no finding
            "The poll shows her.",
            [],
        ),
        (
            "Photos show him at the rally.",
            [],
        ),
        (  # "records show" set off by a comma, "show" read as a noun: the clause it sets off is the finding
            "The jet was bought in 2011, records show.",
            [("records", "The jet was bought in 2011", "indirect", "show")],
        ),
        (  # … in two pieces around it
            "During that stretch, flight records show, the jet flew 200 hours.",
            [
                ("flight records", "During that stretch", "indirect", "show"),
                ("flight records", "the jet flew 200 hours", "indirect", "show"),
            ],
        ),
        (  # a show on the radio shows nothing
            "He hosts a weekly radio show, writes a column and teaches.",
            [],
        ),
        (  # a survey's finding as a that-clause
            "The survey found that most voters distrust both parties.",
            [("The survey", "that most voters distrust both parties", "indirect", "found")],
        ),
        (  # "X called Y a Z": the object and its label, partly quoted
            'Critics called the plan a "betrayal" of voters.',
            [("Critics", 'the plan a "betrayal" of voters', "partial", "called")],
        ),
        (  # "described X as Y"
            "He described the deal as a historic step.",
            [("He", "the deal as a historic step", "indirect", "described")],
        ),
        (  # a stance taken in words: the object is the content, the time phrase is not
            "The mayor criticized the council's budget on Monday.",
            [("The mayor", "the council's budget", "indirect", "criticized")],
        ),
        (  # "accused X of Y": the preposition belongs to the content
            "The opposition accused the government of hiding the figures.",
            [("The opposition", "the government of hiding the figures", "indirect", "accused")],
        ),
        (  # a cue verb with its preposition
            "Several lawmakers called for an independent inquiry.",
            [("Several lawmakers", "an independent inquiry", "indirect", "called for")],
        ),
        (  # "in a statement" joins the cue
            "The ministry said in a statement that the talks would resume.",
            [("The ministry", "that the talks would resume", "indirect", "said in a statement")],
        ),
        (  # adverbs before the verb belong to the cue
            "The senator also said that the bill would pass.",
            [("The senator", "that the bill would pass", "indirect", "also said")],
        ),
        (  # an apposition belongs to the source (see test_polnear_span_conventions); the name is the speaker
            "Brian Fallon, a spokesman for the campaign, said the rally would go ahead.",
            [("Brian Fallon", "the rally would go ahead", "indirect", "said")],
        ),
        (  # a clause set off by commas does not; the cue inside it keeps its antecedent as the speaker
            "The party's leader, who has repeatedly said the vote was rigged, will appeal.",
            [("The party's leader", "the vote was rigged", "indirect", "has repeatedly said")],
        ),
        (  # … and the content is the whole sentence, where the parser hung the phrase on a clause in it
            "A Filipino sailor lost a thumb when Chinese coast guard personnel armed with knives and axes boarded "
            "Philippine boats, according to Manila.",
            [
                (
                    "Manila",
                    "A Filipino sailor lost a thumb when Chinese coast guard personnel armed with knives and axes "
                    "boarded Philippine boats",
                    "indirect",
                    "according to",
                )
            ],
        ),
        (  # "according to" closing the sentence: the phrase is not part of the content
            "Turnout fell sharply in rural areas, according to the election commission.",
            [("the election commission", "Turnout fell sharply in rural areas", "indirect", "according to")],
        ),
        (  # a statement noun with its owner and its that-clause
            "Her claim that the vote was rigged drew sharp criticism.",
            [("Her", "that the vote was rigged", "indirect", "claim")],
        ),
        (  # with no owner, the noun's article and adjectives are part of its cue (as PolNeAR marks them)
            "The mayor backed away from a vague suggestion that he might raise taxes.",
            [(None, "that he might raise taxes", "indirect", "a vague suggestion")],
        ),
        (  # a name among them is the source's, not the statement's: the noun alone is the cue
            "A CNN report that the mayor might raise taxes angered the aide.",
            [(None, "that the mayor might raise taxes", "indirect", "report")],
        ),
        (  # a clause before the speaker is no content when the verb has a noun object of its own
            "The budget was broadly backed by the delegates and in her speech to the forum, Mayor Lind proposed "
            "a regional transit fund.",
            [("Mayor Lind", "a regional transit fund", "indirect", "proposed")],
        ),
    ],
)
def test_other_attributions(parse, text, expected):
    """PolNeAR attributes beliefs, plans, findings and stances too: each is an indirect (or partial) quote."""
    assert summary(extract(parse(text), [])) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She feels a lot of pressure before the vote.",  # a belief verb without a clause holds no belief
        "The comments signal a turnabout in the campaign.",  # "signal", "learn", "rule" without a clause
        "She learned the trade from her father.",
        "The senator ruled out a run for governor.",
        "Her claim was rejected by the court in March.",  # a statement noun without a that-clause
        'He posted <tweet tweet_id="123">Thank you all</tweet> at night.',  # "tweet" glued to markup
        "The senator gave a speech that lasted almost two hours.",  # a relative clause, not a that-clause
    ],
)
def test_no_other_attribution(parse, text):
    cues = ("feel", "claim", "tweet", "speech", "signal", "learn", "rule")
    assert [q for q in extract(parse(text), []) if q.cue and q.cue.lower().startswith(cues)] == []


def test_relative_pronoun_is_the_source_span(parse):
    """PolNeAR marks the "which" as the source; the quote's speaker is still named by its antecedent."""
    text = "The mayor thanked Norton, which declined to comment on the report."
    found = [q for q in extract(parse(text), []) if q.cue == "declined"]
    assert [(q.speaker, text[q.speaker_start : q.speaker_end], q.text) for q in found] == [
        ("Norton", "which", "to comment on the report")
    ]


def test_label_line_needs_a_name_and_words(parse):
    """ "For example: …", "Among the votes: …" open with no name, and "Clinton: 547." reports a count."""
    text = (
        "The race so far.\n\nFor example: the senator has raised more money than anyone.\n\nClinton: 547.\n\n"
        "Among the votes: his opposition to the bill.\n\nLavrov: Moscow is ready to talk."
    )
    found = [q for q in extract(parse(text), []) if q.cue == ":"]
    assert [(text[q.speaker_start : q.speaker_end], q.text) for q in found] == [
        ("Lavrov", "Moscow is ready to talk")
    ]


def test_a_that_clause_the_parser_took_for_a_relative_is_the_content(parse):
    """ "told reporters at the palace that Toha had …": "that" read as the object of a clause that has one."""
    text = 'Boric told reporters at the presidential palace that Toha had "the experience and the character".'
    assert [(q.speaker, q.kind, q.text) for q in extract(parse(text), [])] == [
        ("Boric", "partial", 'that Toha had "the experience and the character"')
    ]


def test_a_subject_the_parser_took_for_the_object_of_said_is_the_content_s(parse):
    text = (
        "Erdogan said trade between the two countries, about $4 billion last year, should reach $6 billion."
    )
    assert [q.text for q in extract(parse(text), [])] == [
        "trade between the two countries, about $4 billion last year, should reach $6 billion"
    ]


def test_a_text_turned_down_speaks_for_itself(parse):
    """ "vetoed a resolution demanding a ceasefire": the resolution demands, the vetoing country does not."""
    found = extract(parse("The United States vetoed a resolution demanding an immediate ceasefire."), [])
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("a resolution", "demanding", "an immediate ceasefire")
    ]


def test_a_label_naming_an_event_is_a_topic_not_a_speaker(parse):
    """ "Finnish election: Orpo's coalition loses ground" names the story, not who said it."""
    text = "Finnish election: Orpo's coalition loses ground\n\nLavrov: Moscow is ready to talk."
    found = [q for q in extract(parse(text), []) if q.cue == ":"]
    assert [text[q.speaker_start : q.speaker_end] for q in found] == ["Lavrov"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a stance in an "as" clause on a speech verb tells what went on meanwhile
        (
            '"We will not stop," said Milica Ristic, a law student, as the crowd chanted around her.',
            [("Milica Ristic", "said", "direct")],
        ),
        ("Turnout fell sharply, as the report noted.", [("the report", "noted", "indirect")]),
        # a naming verb convening an event, or one taking offices away, reports nothing
        ("Parliament must elect a government or the president must call snap elections.", []),
        ("The rebels declared a unilateral ceasefire.", []),
        ("She called the election rigged.", [("She", "called", "indirect")]),
        # … nor does one enacting an act ("declared independence", "a state of emergency"); a claim still does
        ("The region declared independence in 1991.", []),
        ("The cabinet declared a state of emergency on Friday.", []),
        ("The supreme leader declared five days of mourning.", []),
        ("Clinton declared victory in the primary.", [("Clinton", "declared", "indirect")]),
        ("A famine was declared in the camp earlier this month.", []),  # a passive one too
        # a passive's "by" phrase of how much names no source
        ("In 2019 she was confirmed by a margin of only nine votes.", []),
        ("The death was confirmed by police.", [("police", "was confirmed", "indirect")]),
    ],
)
def test_acts_and_meanwhile_clauses(parse, text, expected):
    assert [(q.speaker, q.cue, q.kind) for q in extract(parse(text), [])] == expected


def test_joined_speakers_are_named_together(parse):
    """Two names joined as the subject speak together: the speaker is both, as written, and no one entity; a
    coordination inside one name joins no speakers."""
    text = (
        "Armenia and Azerbaijan said they had agreed on the text of a treaty. The Organization for Security "
        "and Co-operation in Europe said the vote was calm."
    )
    armenia = _entity(text, "Armenia", [("Armenia", "name")])
    azerbaijan = _entity(text, "Azerbaijan", [("Azerbaijan", "name")])
    osce = _entity(text, "OSCE", [("Organization for Security and Co-operation in Europe", "name")])
    europe = _entity(text, "Europe", [("Europe", "name")])
    found = extract(parse(text), [armenia, azerbaijan, osce, europe])
    assert [(q.speaker, q.speaker_entity) for q in found] == [
        ("Armenia and Azerbaijan", None),
        ("OSCE", osce.id),
    ]


def test_demonstrative_subject_names_no_source(parse):
    """ "That suggests …": a bare "this"/"that" stands for an event or a claim, not for anyone PolNeAR marks."""
    text = "That suggests a lack of confidence in the plan."
    found = [q for q in extract(parse(text), []) if q.cue == "suggests"]
    assert [(q.speaker, q.speaker_start) for q in found] == [(None, None)]


def test_restrictive_that_clause_names_no_source(parse):
    """ "ads that slammed the senator": the "that" of a restrictive clause is no source (PolNeAR seldom marks it);
    in the simple present ("ads that slam …") the clause is no attribution at all."""
    text = "The group ran ads that slammed the senator as a liar."
    found = [q for q in extract(parse(text), []) if q.cue == "slammed"]
    assert [(q.speaker, q.speaker_start) for q in found] == [(None, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a relative clause set off by commas belongs to the source span; the speaker is still the name
            "Maria Lopez, who runs a bakery in the old town, said the new tax would hurt small shops.",
            [
                (
                    "Maria Lopez",
                    "Maria Lopez, who runs a bakery in the old town",
                    "the new tax would hurt small shops",
                    "said",
                )
            ],
        ),
        (  # a relative clause reporting a clause of its own, hung on the apposition, stays out of the source
            "Howard Rubel, a senior analyst at Jefferies, who notes that the firm has vowed to cut costs, said the"
            " deal was good.",
            [
                ("Jefferies", "who", "that the firm has vowed to cut costs", "notes"),
                ("Howard Rubel", "Howard Rubel, a senior analyst at Jefferies", "the deal was good", "said"),
            ],
        ),
        (  # a relative clause stating the source's terms stays out of the source, wherever it hangs
            "A senior aide to the mayor, who spoke on the condition of anonymity to discuss the budget, said the"
            " vote would be close.",
            [("A senior aide to the mayor", "A senior aide to the mayor", "the vote would be close", "said")],
        ),
        (  # the request is an attribution of its own, as PolNeAR marks it
            "One council member who requested anonymity said the deal was dead.",
            [
                ("One council member", "who", "anonymity", "requested"),
                ("One council member", "One council member", "the deal was dead", "said"),
            ],
        ),
        (  # a condition or a reason the parser hung on the cue belongs to the plan or the stance it closes
            "The governor vowed to veto the budget unless the legislature cut spending.",
            [
                (
                    "The governor",
                    "The governor",
                    "to veto the budget unless the legislature cut spending",
                    "vowed",
                )
            ],
        ),
        (
            "The council rejected the plan as reckless because it would raise rents.",
            [("The council", "The council", "the plan as reckless because it would raise rents", "rejected")],
        ),
        (
            "The mayor promised new parks if voters approved the bond.",
            [("The mayor", "The mayor", "new parks if voters approved the bond", "promised")],
        ),
        (  # a name after "…," said: the parser made it the subject of the participle after it
            '"It was a fair fight," said retired teacher Mary Olsen, asked about the vote.',
            [("retired teacher Mary Olsen", "retired teacher Mary Olsen", '"It was a fair fight,"', "said")],
        ),
        (  # or read the verb as a modifier of the name and the name as the quotation's object
            '"Big night," tweeted campaign spokesman Tom Reyes.',
            [("campaign spokesman Tom Reyes", "campaign spokesman Tom Reyes", '"Big night,"', "tweeted")],
        ),
        (  # a cue in an "as" clause with its own object or infinitive says when, not what: its own content
            "Turnout fell in the county, as Democrats attacked Republicans for closing polling places.",
            [("Democrats", "Democrats", "Republicans for closing polling places", "attacked")],
        ),
        (
            "The crowd cheered as the senator promised to defend the pension fund.",
            [("the senator", "the senator", "to defend the pension fund", "promised")],
        ),
        (  # a cue preposition's object is the content, not a fronted clause the parser hung on the cue
            # (the parser reads "populists" as a verb and hangs the "While" clause on "points")
            "While populists like Mr. Hale partly blame immigrants for low wages, the bishop points to the rules"
            " of global trade.",
            [
                (
                    "While populists like Mr. Hale",
                    "While populists like Mr. Hale",
                    "immigrants for low wages",
                    "partly blame",
                ),
                ("the bishop", "the bishop", "the rules of global trade", "points to"),
            ],
        ),
        (  # a "for" marking the infinitive's clause counts as the preposition's object
            "Prices rose again, as rivals called for the chairman to be replaced.",
            [("rivals", "rivals", "the chairman to be replaced", "called for")],
        ),
        (  # so does a cue set off in brackets that the parser hung on the clause before it
            "Deregulation passed with both parties' votes (Smith cites a celebratory White House memo saying as"
            " much).",
            [
                ("Smith", "Smith", "a celebratory White House memo saying as much", "cites"),
                ("Smith", "Smith", "as much", "cites a celebratory White House memo saying"),
            ],
        ),
        (  # without one it reports the main clause
            "As the mayor pointed out, turnout fell.",
            [("the mayor", "the mayor", "turnout fell", "pointed out")],
        ),
        (  # a participle set off by commas does not
            "The governor, speaking at a rally in Denver, said the state would not raise taxes.",
            [("The governor", "The governor", "the state would not raise taxes", "said")],
        ),
        (  # an age does (PolNeAR keeps "Name, 64, a retired nurse," whole)
            "Tom Hale, 64, said he would vote for the first time in years.",
            [("Tom Hale", "Tom Hale, 64", "he would vote for the first time in years", "said")],
        ),
        (  # a title in quote marks inside the speaker's description is part of it, not a quote
            "James Miller, a co-author of ''Those Guys Have All the Fun,'' said the network had changed.",
            [
                (
                    "James Miller",
                    "James Miller, a co-author of ''Those Guys Have All the Fun,''",
                    "the network had changed",
                    "said",
                )
            ],
        ),
        (  # a long description stays whole
            "“We will appeal,” said Robert Gale, a former chairman of the state's largest teachers' union who"
            " now advises the governor on school funding and pensions.",
            [
                (
                    "Robert Gale",
                    "Robert Gale, a former chairman of the state's largest teachers' union who now advises the"
                    " governor on school funding and pensions",
                    "“We will appeal,”",
                    "said",
                )
            ],
        ),
        (  # a chain of infinitives is one cue
            "Rural voters tended to support the incumbent.",
            [("Rural voters", "Rural voters", "the incumbent", "tended to support")],
        ),
        (  # the copula and adverbs of "more likely to" join the cue; the subject is the copula's
            "Older voters were more likely to say the economy was their top concern.",
            [
                (
                    "Older voters",
                    "Older voters",
                    "the economy was their top concern",
                    "were more likely to say",
                )
            ],
        ),
        (  # a manner adverb after the verb joins the cue
            '"We will win this county," the mayor said sarcastically.',
            [("the mayor", "the mayor", '"We will win this county,"', "said sarcastically")],
        ),
        (  # a question put to someone: no source; an infinitive under a cue verb is its content, not a cue
            "Asked whether the plant would close, the spokeswoman declined to comment.",
            [
                (None, None, "whether the plant would close", "Asked"),
                ("the spokeswoman", "the spokeswoman", "to comment", "declined"),
            ],
        ),
        (  # the passive question verb with its preposition
            "She was asked about the missing funds.",
            [(None, None, "the missing funds", "was asked about")],
        ),
        (  # a plan inside reported speech is part of the speech, not an attribution of its own
            "The senator says she wants to cut the deficit in half.",
            [("The senator", "The senator", "she wants to cut the deficit in half", "says")],
        ),
        (  # "that" before a direct quotation belongs to the content
            'The minister said that "the border will stay open as long as it is safe."',
            [
                (
                    "The minister",
                    "The minister",
                    'that "the border will stay open as long as it is safe."',
                    "said",
                )
            ],
        ),
        (  # speech verbs beyond "say"
            "The actor joked that he had never won anything before.",
            [("The actor", "The actor", "that he had never won anything before", "joked")],
        ),
        (  # a verb with its particle
            "The coach pointed out that the team had lost only once at home.",
            [("The coach", "The coach", "that the team had lost only once at home", "pointed out")],
        ),
        (  # "called for X to do Y": the clause after "for" is the content
            "The union is calling for the company to reopen the talks.",
            [("The union", "The union", "the company to reopen the talks", "is calling for")],
        ),
        (  # "as X noted": the main clause is what was noted
            "As the auditor noted, the agency spent twice its budget.",
            [("the auditor", "the auditor", "the agency spent twice its budget", "noted")],
        ),
        (  # a passive cue with its agent: the agent is the source, the subject the content
            "The merger was first reported by a local newspaper.",
            [("a local newspaper", "a local newspaper", "The merger", "was first reported")],
        ),
        (  # a possessive's apostrophe is no quote mark: the owner stays in the source
            "Bernie Sanders’ campaign said it would appeal the ruling.",
            [
                (
                    "Bernie Sanders’ campaign",
                    "Bernie Sanders’ campaign",
                    "it would appeal the ruling",
                    "said",
                )
            ],
        ),
        (  # an apposition between dashes stays in the source
            "Jason Sims — a teacher from Dayton — said he voted early.",
            [
                (
                    "Jason Sims — a teacher from Dayton",
                    "Jason Sims — a teacher from Dayton",
                    "he voted early",
                    "said",
                )
            ],
        ),
        (  # "urged X to do Y": the addressee belongs to the content
            "The governor urged residents to stay indoors.",
            [("The governor", "The governor", "residents to stay indoors", "urged")],
        ),
        (  # "blasted X for Y": the reason belongs to the content
            "The senator blasted the agency for its slow response.",
            [("The senator", "The senator", "the agency for its slow response", "blasted")],
        ),
        (  # a quotation right after the clause ends it
            'The coach called him a "natural leader" after the game.',
            [("The coach", "The coach", 'him a "natural leader"', "called")],
        ),
        (  # "That's according to X": the subject is the content, the copula joins the cue
            "That's according to a survey by the state university.",
            [
                (
                    "a survey by the state university",
                    "a survey by the state university",
                    "That",
                    "'s according to",
                )
            ],
        ),
        (  # "In a … poll" opening a clause: the poll is the source of the clause
            "In a new county survey, most parents gave the schools a passing grade.",
            [
                (
                    "a new county survey",
                    "a new county survey",
                    "most parents gave the schools a passing grade",
                    "In",
                )
            ],
        ),
        (  # …but not when the clause's verb is a cue of its own, nor "in the polls" (a standing)
            "In a phone poll, the institute found that few renters could afford a deposit.",
            [("the institute", "the institute", "that few renters could afford a deposit", "found")],
        ),
        (
            "The mayor is ahead in the polls.",
            [],
        ),
        (  # "according to" after conjoined clauses covers all of them
            "Turnout rose in the north, fell in the south and held steady in the capital, according to the"
            " commission.",
            [
                (
                    "the commission",
                    "the commission",
                    "Turnout rose in the north, fell in the south and held steady in the capital",
                    "according to",
                )
            ],
        ),
        (  # the object of "say" is what was said
            "Voters said the same of the challenger.",
            [("Voters", "Voters", "the same of the challenger", "said")],
        ),
        (  # a relative clause set off by a comma closing the reported clause is the writer's aside
            "The mayor said the money went to the new stadium, which opened last spring.",
            [("The mayor", "The mayor", "the money went to the new stadium", "said")],
        ),
        (  # so is a contrast, a concession or a comparison with a number set off by a comma at its end
            "The survey found that most farmers favor the tariff, while a third oppose it.",
            [("The survey", "The survey", "that most farmers favor the tariff", "found")],
        ),
        (
            "The mayor said the park would open in June, despite the long delays.",
            [("The mayor", "The mayor", "the park would open in June", "said")],
        ),
        (
            "The poll showed that 41 percent approve of the council, compared with 35 percent in May.",
            [("The poll", "The poll", "that 41 percent approve of the council", "showed")],
        ),
        (
            "The company said it earned $2.10 a share, well above what analysts had forecast.",
            [("The company", "The company", "it earned $2.10 a share", "said")],
        ),
        (  # a comparison without a number is still what was said
            "The senator said the mayor is new to the issue, compared with her rivals.",
            [
                (
                    "The senator",
                    "The senator",
                    "the mayor is new to the issue, compared with her rivals",
                    "said",
                )
            ],
        ),
        (  # so is "despite" with the speaker's own doing
            "The coach said he is not quitting, despite losing the first four games.",
            [("The coach", "The coach", "he is not quitting, despite losing the first four games", "said")],
        ),
        (  # a linking phrase or adverb opening the clause before the cue is the writer's
            "In fact, turnout fell in every county, the report said.",
            [("the report", "the report", "turnout fell in every county", "said")],
        ),
        (
            "Even so, the bridge will open in May, the mayor said.",
            [("the mayor", "the mayor", "the bridge will open in May", "said")],
        ),
        (  # before an attribution inside the clause the adverb stays, the clause's first piece
            "Otherwise, she said, prices will rise next year.",
            [("she", "she", "Otherwise", "said"), ("she", "she", "prices will rise next year", "said")],
        ),
        (  # unless a quotation follows the attribution: the quotation alone
            "Still, she added, “we cannot ignore the costs.”",
            [("she", "she", "“we cannot ignore the costs.”", "added")],
        ),
        (  # a content never holds its own speaker and cue
            "In addition, according to the city, nine bridges will close.",
            [("the city", "the city", "nine bridges will close", "according to")],
        ),
        (  # a phrase of place or time is part of what was reported
            "In Ohio, the senator leads by four points, the poll found.",
            [("the poll", "the poll", "In Ohio, the senator leads by four points", "found")],
        ),
        (  # so is an apposition opened by an article
            "The senator vowed to repeal the Miller Act, a law that caps the state's pensions.",
            [("The senator", "The senator", "to repeal the Miller Act", "vowed")],
        ),
        (  # an apposition without an article may be the next item of a list: it stays
            "The mayor said the cuts would hit parks, the libraries and the pools.",
            [("The mayor", "The mayor", "the cuts would hit parks, the libraries and the pools", "said")],
        ),
        (  # a second speech verb the parser hung on the first one's clause is a cue of its own, same speaker
            "The minister said the talks had failed and warned that the border would stay closed.",
            [
                ("The minister", "The minister", "the talks had failed", "said"),
                ("The minister", "The minister", "that the border would stay closed", "warned"),
            ],
        ),
        (  # a plan there stays in the reported clause
            "The coach said the team was tired and hoped to rest before the final.",
            [("The coach", "The coach", "the team was tired and hoped to rest before the final", "said")],
        ),
        (  # "said of X:" — the preposition is not part of the cue
            "The coach said of his striker: “He is the best player in the league.”",
            [("The coach", "The coach", "“He is the best player in the league.”", "said")],
        ),
        (  # a colon after a misparsed cue still introduces the quotation
            "He told the crowd: “Stay calm: we are ready.”",
            [("He", "He", "“Stay calm: we are ready.”", "told")],
        ),
        (  # the "as" phrase after the object of a cue's preposition says what the object was called
            "The mayor kept referring to the stadium as a gift to the city.",
            [("The mayor", "The mayor", "the stadium as a gift to the city", "kept referring to")],
        ),
        (  # a clause the parser conjoined to the cue, with a subject of its own, goes on with the content
            "She has said she would be happy to meet with the governor but no meeting has been arranged.",
            [
                (
                    "She",
                    "She",
                    "she would be happy to meet with the governor but no meeting has been arranged",
                    "has said",
                )
            ],
        ),
        (  # a condition opened by its auxiliary is part of what was said (the parser takes it for a clause)
            "The governor said he would be honored to serve should the voters elect him.",
            [
                (
                    "The governor",
                    "The governor",
                    "he would be honored to serve should the voters elect him",
                    "said",
                )
            ],
        ),
        (  # or joined by a plain "and": the writer goes on with another fact
            "The mayor said the budget was balanced, and the council has already sued the city over the cuts.",
            [("The mayor", "The mayor", "the budget was balanced", "said")],
        ),
        (  # unless its subject is a person's pronoun: the writer tells what the speaker did next
            "She said the offer was fair, but she left before the vote.",
            [("She", "She", "the offer was fair", "said")],
        ),
        (  # an infinitive the parser hung on the cue right after its object belongs to the object
            "She still supports her 2013 amendments to expand the program.",
            [("She", "She", "her 2013 amendments to expand the program", "still supports")],
        ),
        (  # "called on X to Y": the addressee is part of the content, as after "urged"
            "Critics have called on the mayor to resign.",
            [("Critics", "Critics", "the mayor to resign", "have called on")],
        ),
        (  # "upon" as "on"; "warned against" takes its preposition as "warned of" does
            "Critics have called upon the mayor to resign.",
            [("Critics", "Critics", "the mayor to resign", "have called upon")],
        ),
        (
            "The senator warned against the plan to cut taxes.",
            [("The senator", "The senator", "the plan to cut taxes", "warned against")],
        ),
        (  # a stance conjoined to the reported clause, with no subject of its own, is what the speaker did next
            "The senator said the plan was costly and criticized the mayor for hiding it.",
            [("The senator", "The senator", "the plan was costly", "said")],
        ),
        (  # unless set against it with "but": then it is still reported
            "She added the vote was close but downplayed its impact.",
            [("She", "She", "the vote was close but downplayed its impact", "added")],
        ),
        (  # a reported clause holding its own speaker and cue is the two pieces around them
            "The bill, which he said would cost billions, passed.",
            [("he", "he", "which", "said"), ("he", "he", "would cost billions", "said")],
        ),
        (  # the relative pronoun a cue takes as its object is part of the content ("which … as his second home")
            "He visited the island, which he described as his second home.",
            [("he", "he", "which", "described"), ("he", "he", "as his second home", "described")],
        ),
        (  # a columnist named Will, read as a modal before a past-tense verb, is the speaker, not part of the cue
            "In his column, Will wrote that the party had lost its way.",
            [("Will", "Will", "that the party had lost its way", "wrote")],
        ),
        (  # a speech verb's relative pronoun object is its content too, with no clause of its own
            "The court uncovered a costly error, which the minister acknowledged.",
            [("the minister", "the minister", "which", "acknowledged")],
        ),
        (  # so is a partial quote: the piece holding the quotation and the piece before the speaker
            "The tax, which she called “a gift to the rich,” passed easily.",
            [("she", "she", "which", "called"), ("she", "she", "“a gift to the rich,”", "called")],
        ),
        (  # shares the parser split into two subjects of one verb, joined by "and": one source, as PolNeAR marks it
            "The divide is narrow: 61% of nurses and 57% of teachers endorse the contract.",
            [
                (
                    "61% of nurses and 57% of teachers",
                    "61% of nurses and 57% of teachers",
                    "the contract",
                    "endorse",
                )
            ],
        ),
        (  # and a list of three, its first item split off before a comma
            "Turnout was uneven: 52% of Democrats, 37% of independents and 30% of Republicans say they will vote soon.",
            [
                (
                    "52% of Democrats, 37% of independents and 30% of Republicans",
                    "52% of Democrats, 37% of independents and 30% of Republicans",
                    "they will vote soon",
                    "say",
                )
            ],
        ),
        (  # a participle clause before the speakers, with no comma before the verb, is no aside to skip
            "Police shot dead two people as protesters stormed parliament, setting part of the building on fire "
            "after lawmakers approved a bill that raises taxes, witnesses and a rights group said.",
            [
                (
                    "witnesses and a rights group",
                    "witnesses and a rights group",
                    "Police shot dead two people as protesters stormed parliament, setting part of the building on "
                    "fire after lawmakers approved a bill that raises taxes",
                    "said",
                )
            ],
        ),
        (  # a place before the comma with no "and" is no list: the name after it speaks alone
            "Speaking in Austin, Texas, Lopez said the plan would pass.",
            [("Lopez", "Lopez", "the plan would pass", "said")],
        ),
        (  # a question's "about" after a time or the asker: the content holds the preposition, the asker the source
            "When asked by a reporter on Friday about the lawsuit, the coach said he had not read it.",
            [
                ("a reporter", "a reporter", "about the lawsuit", "asked"),
                ("the coach", "the coach", "he had not read it", "said"),
            ],
        ),
    ],
)
def test_polnear_span_conventions(parse, text, expected):
    """Source, content and cue spans as PolNeAR marks them (its train split shows these conventions)."""
    found = extract(parse(text), [])
    spans = [
        (
            q.speaker,
            text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None,
            q.text,
            q.cue,
        )
        for q in found
    ]
    assert spans == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of farmers gathered outside the ministry to support the strike.",  # a purpose, not a stance
        "She read the report twice before the vote.",  # "read" is a cue only next to a quotation
        "The problem is that nobody came to the meeting.",  # the writer's own "the problem is that"
        "A new bloc opposing the reform held its first meeting in the capital.",  # a position, not a stance voiced
    ],
)
def test_no_attribution(parse, text):
    assert extract(parse(text), []) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "seem/appear to": the cue has no source; the content is the subject and the infinitive around it
            "The governor seemed to lose interest in the race after the first debate.",
            [
                (None, "The governor", "seemed"),
                (None, "to lose interest in the race after the first debate", "seemed"),
            ],
        ),
        (  # a cue verb after "seem/appear" is the subject's attribution, its cue running from "appear"
            "The two rivals appear to agree on trade policy.",
            [("The two rivals", "trade policy", "appear to agree on")],
        ),
        (
            "The mayor seemed to suggest that the budget would be cut again in the spring.",
            [("The mayor", "that the budget would be cut again in the spring", "seemed to suggest")],
        ),
        (  # "seem/appear" with an adjective: the same shape ("The plan seems doomed")
            "The plan seems doomed.",
            [(None, "The plan", "seems"), (None, "doomed", "seems")],
        ),
        (  # a statement noun whose copula takes a that-clause: the noun's phrase and the copula are the cue
            "His argument is that taxes will fall. The claim was that the count was rigged.",
            [
                ("His", "that taxes will fall", "argument is"),
                (None, "that the count was rigged", "The claim was"),
            ],
        ),
        (  # "reportedly": the writer passes on what unnamed others say; the clause around it is the content
            "The senator is reportedly weighing a run for governor.",
            [(None, "The senator is", "reportedly"), (None, "weighing a run for governor", "reportedly")],
        ),
        (  # on a cue verb it is part of that verb's cue
            "The senator reportedly said that she would run.",
            [("The senator", "that she would run", "reportedly said")],
        ),
        (  # a passive "expected to" with no "by" agent: the same shape
            "The senator is expected to endorse the mayor on Friday.",
            [(None, "The senator", "is expected"), (None, "to endorse the mayor on Friday", "is expected")],
        ),
        (  # "is said to": the same, what is said by nobody named
            "The aide is said to have pressed for the plank.",
            [(None, "The aide", "is said"), (None, "to have pressed for the plank", "is said")],
        ),
        (  # "according to" in the middle of the clause cuts it in two pieces
            "The new bridge, according to the city engineers, will open in May.",
            [
                ("the city engineers", "The new bridge", "according to"),
                ("the city engineers", "will open in May", "according to"),
            ],
        ),
        (  # "a call for": the noun, its article and its preposition are the cue, the object the content
            "The union renewed its call for a higher minimum wage.",
            [("its", "a higher minimum wage", "call for")],
        ),
        (  # a stated voting preference
            "Forty percent of the voters would vote for the incumbent.",
            [("Forty percent of the voters", "the incumbent", "would vote for")],
        ),
        (  # "hoping", "hoped": forms of "hope" (spaCy's lemmatizer alone read them as "hop")
            "The mayor is hoping to win a third term.",
            [("The mayor", "to win a third term", "is hoping")],
        ),
        (
            "The senator hoped for a quick vote on the bill.",
            [("The senator", "a quick vote on the bill", "hoped for")],
        ),
        (  # a stance taken in words (verbs mined from PolNeAR's train split)
            "The governor bemoaned the state of the roads.",
            [("The governor", "the state of the roads", "bemoaned")],
        ),
        (  # a finding held as a belief
            "Investigators determined that the fire was set on purpose.",
            [("Investigators", "that the fire was set on purpose", "determined")],
        ),
        (  # "see X as Y": the object and its "as" phrase
            "Many farmers see the new tariff as a threat to their income.",
            [("Many farmers", "the new tariff as a threat to their income", "see")],
        ),
        (  # a perfect participle heading a "while" clause is active: its subject speaks
            "While the mayor has denied that he will run again, his aides are already hiring staff.",
            [("the mayor", "that he will run again", "has denied")],
        ),
        (
            "Though the senator has described herself as a moderate, she voted against the bill.",
            [("the senator", "herself as a moderate", "has described"), ("she", "the bill", "voted against")],
        ),
        (  # a speech verb inside a reported clause is read as an attribution of its own, but PolNeAR marks no
            # cue inside another's content: the outer one stays
            "The senator said that the governor announced the plan on Monday.",
            [("The senator", "that the governor announced the plan on Monday", "said")],
        ),
        (  # but not with a modal: no speech took place
            "The senator said that the governor would announce the plan on Monday.",
            [("The senator", "that the governor would announce the plan on Monday", "said")],
        ),
        (  # nor with a negation
            "Aides said that the mayor did not recall the meeting.",
            [("Aides", "that the mayor did not recall the meeting", "said")],
        ),
        (  # an "as" the parser hung on a noun of the object rather than on "see"
            "Most economists see the merger of the two banks as a risk to savers.",
            [("Most economists", "the merger of the two banks as a risk to savers", "see")],
        ),
        (  # or on the participle after it
            "Some analysts see the governor's veto as driven by fear of the unions.",
            [("Some analysts", "the governor's veto as driven by fear of the unions", "see")],
        ),
        (  # a phrase the parser hung on the verb after the object belongs to the content
            "The senator never mentioned her rival by name.",
            [("The senator", "her rival by name", "never mentioned")],
        ),
        (  # a phrase of setting does not
            "The governor praised the volunteers at a rally in Dayton.",
            [("The governor", "the volunteers", "praised")],
        ),
        (  # "agreed to": an intention, the infinitive is the content
            "The two parties agreed to hold new talks in March.",
            [("The two parties", "to hold new talks in March", "agreed")],
        ),
        (  # "said yes": the answer stands for what was said; the "if" question opening it has no source
            "Asked if the plan was legal, 46 percent of voters said yes.",
            [(None, "if the plan was legal", "Asked"), ("46 percent of voters", "yes", "said")],
        ),
        (  # "charged" as a speech verb
            "The challenger charged that the mayor had wasted public money.",
            [("The challenger", "that the mayor had wasted public money", "charged")],
        ),
        (  # "named" judges its object as "called" does
            "The magazine named the retired teacher its citizen of the year.",
            [("The magazine", "the retired teacher its citizen of the year", "named")],
        ),
        (  # a passive of announcing with no "by" phrase: no source, the subject and what it was declared
            "Ms. Okafor was declared the winner of the county race late on Tuesday.",
            [(None, "Ms. Okafor", "was declared"), (None, "the winner of the county race", "was declared")],
        ),
        (  # the subject alone when nothing follows the verb
            "The price of the harbor land was not disclosed.",
            [(None, "The price of the harbor land", "was not disclosed")],
        ),
        (  # a that-clause after an expletive "it" is the content
            "It was revealed on Friday that the agency had lost the files.",
            [(None, "that the agency had lost the files", "was revealed")],
        ),
        (  # "is known for": what people at large say of the subject; cue through the preposition, no source
            "The governor is best known for his fights with the teachers' union.",
            [
                (None, "The governor", "is best known for"),
                (None, "his fights with the teachers' union", "is best known for"),
            ],
        ),
        (
            "The valley was known as a haven for smugglers.",
            [(None, "The valley", "was known as"), (None, "a haven for smugglers", "was known as")],
        ),
        (  # "promote" judges its object as "tout" does
            "Mr. Okafor regularly promotes his own brand of economics.",
            [("Mr. Okafor", "his own brand of economics", "regularly promotes")],
        ),
        (  # "would like to": a wish, its infinitive the content, as for "want"
            "The mayor would like to see the old pier rebuilt before the summer.",
            [("The mayor", "to see the old pier rebuilt before the summer", "would like")],
        ),
        (  # "decide": a choice, with its infinitive
            "Last spring the council decided to close the old ferry landing.",
            [("the council", "to close the old ferry landing", "decided")],
        ),
        (  # or with its clause
            "Voters have not decided which candidate they trust more.",
            [("Voters", "which candidate they trust more", "have not decided")],
        ),
        (  # "fear" with a noun object: what is feared, as a stance's object
            "Farmers in the valley fear a long drought.",
            [("Farmers in the valley", "a long drought", "fear")],
        ),
        (  # "remember X as Y" judges X as "describe X as Y" does
            "Ms. Ruiz remembered her teacher as a patient woman.",
            [("Ms. Ruiz", "her teacher as a patient woman", "remembered")],
        ),
        (  # "is remembered for": a reputation, as "is known for"
            "The old judge is remembered for his rulings on water rights.",
            [
                (None, "The old judge", "is remembered for"),
                (None, "his rulings on water rights", "is remembered for"),
            ],
        ),
        (  # "identify X as Y": a cue only with its "as", as "see X as Y"
            "The ministry identified the driver as a local man.",
            [("The ministry", "the driver as a local man", "identified")],
        ),
        (  # "walk back", "shrug off": a judgement with its particle
            "The governor later walked back his remarks.",
            [("The governor", "his remarks", "later walked back")],
        ),
        (  # "lay out": a speech verb with its particle
            "The senator laid out her plan for the harbor.",
            [("The senator", "her plan for the harbor", "laid out")],
        ),
        (  # "in X's view": the noun is the cue, the possessor the source, the clause the content
            "In his view, the new tax would hurt small farms in the valley.",
            [("his", "the new tax would hurt small farms in the valley", "view")],
        ),
        (  # the phrase inside the clause cuts the content in two
            "The only sensible step, in the planner's opinion, is a second bridge.",
            [
                ("the planner's", "The only sensible step", "opinion"),
                ("the planner's", "is a second bridge", "opinion"),
            ],
        ),
        (  # "self-described": "self" is the source, the rest of the noun phrase the content
            "The mayor, a self-described fiscal conservative, cut the library budget.",
            [("self", "fiscal conservative", "described")],
        ),
    ],
)
def test_non_speech_cue_shapes(parse, text, expected):
    """Raising verbs, passive "expected to", noun cues with a preposition, voting preferences (round 2)."""
    found = extract(parse(text), [])
    spans = [
        (text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None, q.text, q.cue)
        for q in found
    ]
    assert spans == expected


@pytest.mark.parametrize(
    "text",
    [
        "The candidate appeared on the stage at noon.",  # "appear" with neither an infinitive nor an adjective
        "Appearing tired, the candidate left early.",  # a gerund's adjective: a look, not a judgement
        "The announcement was expected.",  # a passive "expected" with no infinitive
        "From the bridge you can see the old harbour.",  # "see" without "as" is no cue
        "I saw the driver as he left the garage.",  # an "as" clause with its own subject is a time
        "Support for the measure has grown among farmers.",  # "support for" is left out (too often no cue)
        "Strong demand for housing pushed prices up.",  # a market quantity, no demand made
        "A strong dollar would cut demand for exports.",
        "Do you support the new bridge? Like our page.",  # a stance the reader is asked about
        "The general wrote a book about the siege of the city.",  # "write" with a document for object
        "In the view of many, the bridge was too narrow.",  # no possessor: no one's opinion named
        "In our view from the hill, the valley looked green.",  # a view that is a sight, not an opinion
        "The self-described reformer said the budget was too large.",  # a speaker's description
        "The referee decided the match in the last minute.",  # "decide" with a noun object is no choice told
    ],
)
def test_no_non_speech_cue(parse, text):
    assert [
        q.cue
        for q in extract(parse(text), [])
        if q.cue
        and q.cue.lower().split()[-1]
        in {"appeared", "appearing", "expected", "for", "see", "saw", "view", "described", "decided"}
    ] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the parser takes the dateline for the subject: the name after its dash is the source
            "Boston (AFP) – Governor Maria Ellis accused the council of wasting public money.",
            "Governor Maria Ellis",
        ),
        (  # a hyphen after the agency is a dateline's dash too
            "Jan 12 (Reuters) - Senate candidate Tom Wexler said on Monday the bill would pass.",
            "Senate candidate Tom Wexler",
        ),
        (  # a dateline without an agency: the city in capitals and a dash
            "DAYTON — Former Governor Alice Marsh told the crowd that the plant would stay open.",
            "Former Governor Alice Marsh",
        ),
    ],
)
def test_dateline_is_not_the_source(parse, text, expected):
    found = extract(parse(text), [])
    assert [text[q.speaker_start : q.speaker_end] for q in found if q.speaker_start is not None] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a gerund after "for" names what the speaker is blamed for: one attribution, not two
            "The senator criticized the mayor for saying that the budget was balanced.",
            ["criticized"],
        ),
        ("The governor refrained from attacking his rivals during the debate.", []),
        ("She had no way of knowing what the panel would decide.", []),
        (  # "by saying" stays a cue
            "The senator answered the charge by saying that he had paid every tax he owed.",
            ["saying"],
        ),
    ],
)
def test_gerund_after_preposition(parse, text, expected):
    assert [q.cue for q in extract(parse(text), [])] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Exit polls found that most voters support the ban.", ["found"]),
        ("The senator believes the mayor wants a third term.", ["believes"]),
        ("Polls show that a majority of voters favor the new tax.", ["show"]),
    ],
)
def test_stance_inside_belief_or_finding(parse, text, expected):
    """A stance or plan inside what a belief or finding reports is part of its content, not a cue."""
    assert [q.cue for q in extract(parse(text), [])] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The senator said the governor, who he said was a close friend, will not attend the rally.",
            [("said", "the governor, who he said was a close friend, will not attend the rally")],
        ),
        (
            "Officials said the company, which denied any wrongdoing, had paid the fine.",
            [("said", "the company, which denied any wrongdoing, had paid the fine")],
        ),
        (
            "The minister said the rebels, whom he accused of shelling the town, had broken the truce.",
            [("said", "the rebels, whom he accused of shelling the town, had broken the truce")],
        ),
        (
            "The mayor said that the police chief announced his resignation on Friday.",
            [("said", "that the police chief announced his resignation on Friday")],
        ),
    ],
)
def test_cue_inside_another_content_is_dropped(parse, text, expected):
    """PolNeAR marks no cue inside another attribution's content: a relative clause's or a reported clause's
    cue after the outer cue in its sentence goes, the outer attribution stays."""
    assert [(q.cue, q.text) for q in extract(parse(text), [])] == expected


def _piece(start: int, end: int, cue: tuple[int, int]) -> _Match:
    """A match of an indirect quote ``[start, end)`` whose attribution's cue is at ``cue``."""
    attribution = Attribution(cue[0], cue[1], None, None, None, None, start, end, 0, end)
    return _Match(start, end, "indirect", attribution)


@pytest.mark.parametrize(
    "text, inner_end, kept",
    [
        ("Aides said the mayor, who later denied it, had quit.", "it", False),  # one sentence: dropped
        ("Aides said the mayor had quit. He later denied it, they added.", "it", True),  # a later sentence
        ("Aides said the mayor, who later denied it, had quit.", "More", True),  # content reaching past it
    ],
)
def test_nested_cue_in_a_later_sentence_stays(text, inner_end, kept):
    """Only a cue in the outer cue's own sentence is dropped: an outer content running over sentences (or an
    inner content reaching past it) is more likely too long than the inner cue wrong."""
    text += " More words."
    said = text.index("said")
    outer = _piece(text.index("the mayor"), text.index(" More"), (said, said + 4))
    cue = text.index("denied")
    inner = _piece(cue + 7, text.index(inner_end, cue) + len(inner_end), (cue, cue + 6))
    assert (inner in _unnested(text, [outer, inner], ENGLISH)) == kept


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister maintained that the deal was fair.", ["maintained"]),
        ("The incumbent maintains a wide lead in the polls.", []),
    ],
)
def test_maintain_holds_a_clause(parse, text, expected):
    assert [q.cue for q in extract(parse(text), [])] == expected


def test_curly_copula_before_according_to(parse):
    """ "That’s according to X" with a curly apostrophe, which spaCy does not lemmatize as "be": the same cue."""
    text = "That’s according to a new poll released on Monday."
    found = extract(parse(text), [])
    assert [(q.cue, q.text, text[q.speaker_start : q.speaker_end]) for q in found] == [
        ("’s according to", "That", "a new poll released on Monday")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a headline in title case: the capitalized verb is read in sentence case
            "Governor Tom Reyes Slams Council Over Budget Cuts.\n\nThe governor spoke on Monday.",
            [("Slams", "Governor Tom Reyes")],
        ),
        ("Senator Warns Voters About Rising Health Costs.", [("Warns", "Senator")]),
    ],
)
def test_title_case_headline(parse, text, expected):
    found = extract(parse(text), [])
    assert [
        (q.cue, text[q.speaker_start : q.speaker_end]) for q in found if q.speaker_start is not None
    ] == expected


def test_headline_read_in_sentence_case_is_not_planned_for_a_parse(parse):
    """Its cues are read from the re-reading, so a parse of its own would be made for nothing."""
    text = (
        "Governor Tom Reyes Slams Council Over Budget Cuts\n\nThe governor said on Monday that the cuts hurt."
    )
    parsed = parse(text)
    assert [s.text for s in sentences_to_parse(parsed)] == ["The governor said on Monday that the cuts hurt."]
    assert [q.cue for q in extract(parsed, [])] == ["Slams", "said"]


def test_title_case_line_is_parsed_only_when_a_cue_needs_it(parse):
    """The re-reading is tagged when made; its dependency parse is added on first use, once."""
    parsed = parse("Governor Tom Reyes Slams Council Over Budget Cuts\n\nThe governor spoke on Monday.")
    reading = headline_parse(parsed, next(line_pieces(next(iter(parsed.doc.sents)))), ENGLISH)
    assert reading is not None and not reading.has_annotation("DEP")
    assert parsed_reading(parsed, reading) is reading and reading.has_annotation("DEP")
    assert [(q.cue, q.speaker) for q in extract(parsed, [])] == [("Slams", "Governor Tom Reyes")]


def test_title_case_line_is_tagged_once_for_quotes_and_events(parse):
    parsed = parse("Overnight Fire Destroys Historic Dairy Building\n\nThe fire started on Monday.")
    piece = next(line_pieces(next(iter(parsed.doc.sents))))
    for_quotes = headline_parse(parsed, piece, ENGLISH)
    for_events = headline_reading(parsed, piece, frozenset({"destroy"}), "events", verbless=True)
    assert for_quotes is not None and for_events is for_quotes


def test_capitalized_sentence_inside_a_paragraph_is_no_headline(parse):
    text = (
        "The talks resumed on Monday. Armenian Economy Minister Daniel Nowak Met Georgian Ambassador Kenji Beridze "
        "In Tbilisi. Both sides called the meeting useful."
    )
    parsed = parse(text)
    sentences = list(parsed.doc.sents)
    assert all(headline_parse(parsed, sentence, ENGLISH) is None for sentence in sentences)
    headline = parse("Governor Tom Reyes Slams Council Over Budget Cuts\n\nThe governor spoke on Monday.")
    reparsed = headline_parse(headline, next(line_pieces(next(iter(headline.doc.sents)))), ENGLISH)
    assert reparsed is not None and reparsed.text.startswith("Governor tom reyes slams council")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The senator said in a statement that the bill would pass.", ["said in a statement"]),
        ("The senator said in an interview that the bill would pass.", ["said"]),  # PolNeAR leaves it out
    ],
)
def test_statement_phrase_joins_the_cue(parse, text, expected):
    assert [q.cue for q in extract(parse(text), [])] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The senator has made it clear that he would run again.",
            [("has made it clear", "The senator", "that he would run again")],
        ),
        (
            "The governor made clear that taxes would stay.",
            [("made clear", "The governor", "that taxes would stay")],
        ),
        ("The rain made the road slippery.", []),
    ],
)
def test_made_clear(parse, text, expected):
    found = extract(parse(text), [])
    assert [(q.cue, text[q.speaker_start : q.speaker_end], q.text) for q in found] == expected


@pytest.mark.parametrize(
    "text, expected",
    [  # the clause completing a noun says what the effort or claim is about: no cue of its own
        ("The council rejected efforts to admit more refugees.", ["rejected"]),
        ("The campaign did not respond to requests to comment on the report.", ["did not respond to"]),
        ("The claim that she opposed the war drew scorn from her rivals.", ["The claim"]),
    ],
)
def test_clause_completing_a_noun(parse, text, expected):
    assert [q.cue for q in extract(parse(text), [])] == expected


@pytest.mark.parametrize(
    "text",
    [
        "It is too soon to say whether the plan will work.",
        "It’s hard to imagine the governor winning the state.",
    ],
)
def test_impersonal_aside_is_no_cue(parse, text):
    """ "It is hard to say …": the writer's aside names no source and is no attribution."""
    assert extract(parse(text), []) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a manner-of-speaking verb is a cue next to a quotation
            "“That is simply not true,” the senator scoffed.",
            [("the senator", "“That is simply not true,”", "direct", "scoffed")],
        ),
        (
            "The mayor retorted that the council had never asked for the money.",
            [("The mayor", "that the council had never asked for the money", "indirect", "retorted")],
        ),
    ],
)
def test_manner_of_speaking_cues(parse, text, expected):
    assert summary(extract(parse(text), [])) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sales of electric cars boomed last year.",  # "boom" speaks only next to a quotation
        "The police pressed charges against two men.",
    ],
)
def test_manner_verbs_without_quotation_are_no_cue(parse, text):
    assert extract(parse(text), []) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a particle between the verb and its preposition joins the cue
            "The senator spoke out against the new tax on fuel.",
            [("The senator", "the new tax on fuel", "indirect", "spoke out against")],
        ),
        (  # so does an adverb, which the parser may give the preposition to
            "Her father often spoke fondly of his years in the Senate.",
            [("Her father", "his years in the Senate", "indirect", "often spoke fondly of")],
        ),
        (  # a particle the cue takes itself stays the end of the cue
            "The governor pointed out that the budget was balanced.",
            [("The governor", "that the budget was balanced", "indirect", "pointed out")],
        ),
    ],
)
def test_words_between_cue_verb_and_preposition(parse, text, expected):
    assert summary(extract(parse(text), [])) == expected


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        (  # an opening "according to" phrase ends at its comma, even where the parser runs it on
            "According to early results of exit polls conducted for the networks, majorities of voters in all five "
            "states said they felt betrayed.",
            "According to",
            "early results of exit polls conducted for the networks",
        ),
        (  # a list's commas stay inside it
            "According to interviews with his friends, aides and allies, he wants to run again.",
            "According to",
            "interviews with his friends, aides and allies",
        ),
        (  # no subject in the parse: the phrase before the verb, not the opener's object it was hung on
            "In a statement to the newspaper, her senior policy adviser, Tom Hale, said the plan would pass.",
            "said",
            "her senior policy adviser, Tom Hale",
        ),
        (  # past a participle set off by commas, after the quotation
            '"We will win," state delegate Tom Hale, wearing a hat, said calmly.',
            "said calmly",
            "state delegate Tom Hale",
        ),
        (  # a participle hung on a verb with a subject of its own is that subject's, not the speaker's above
            "She had said the deal was done, but a campaign official walked the comments back, saying talks "
            "were still going on.",
            "saying",
            "a campaign official",
        ),
        (  # but one hung inside the reported clause is the speaker's
            "He said the plan was bad, adding that it would cost too much.",
            "adding",
            "He",
        ),
        (  # what a passive regard verb's agent was seen as is no part of the agent
            "The ruling was seen by many as a spoiler for the party.",
            "was seen",
            "many",
        ),
        (  # a coordinated subject hung on the opener's object
            "Making her way around the diner, Clinton and her husband, thanked a waitress for wearing a button.",
            "thanked",
            "Clinton and her husband",
        ),
        (  # an adverb or auxiliary of the verb group is no end of the name before it
            "Addressing the committee at the spring meeting in Florida, the campaign chief, Tom Hale, bluntly "
            "suggested that the plan was an act.",
            "bluntly suggested",
            "the campaign chief, Tom Hale",
        ),
        (  # a prepositional phrase set off by commas is no part of the name
            "Speaking in Harlem, Clinton, without naming him, also accused Sanders of being late to the issue.",
            "also accused",
            "Clinton",
        ),
        (  # the object of a causative verb does what its infinitive cue says; the cue is the infinitive alone
            "The shift was so stark that it prompted Anderson Cooper to accuse the governor of hypocrisy.",
            "to accuse",
            "Anderson Cooper",
        ),
        (
            "The decisive victory led party chairman Reince Priebus to declare him the nominee.",
            "to declare",
            "party chairman Reince Priebus",
        ),
        (  # a hyphen inside a word is no dash ending the phrase
            "The ex-wife of the senator said the charges were true.",
            "said",
            "The ex-wife of the senator",
        ),
        (  # the occasion the parser hung on the name is no part of it
            "Jeb Bush in a Medium post said the plan would fail.",
            "said",
            "Jeb Bush",
        ),
        (  # an infinitive hung on the verb's object says what its subject did it for
            "Obama on Friday held an impromptu press briefing to brag that the unemployment rate had fallen.",
            "to brag",
            "Obama",
        ),
        (  # the agent of a question asked in a participle opener is its source
            "Asked by a reporter whether the plan was legal, Trump said it was.",
            "Asked",
            "a reporter",
        ),
        (
            "When asked by a host if he would run again, the senator laughed.",
            "asked",
            "a host",
        ),
        (  # after a closing quote mark the name after the verb speaks, not the quoted words the parser took
            '"Meh," wrote a supporter who runs the account.',
            "wrote",
            "a supporter who runs the account",
        ),
        (  # "another", "one" after the verb speak too
            '"The race is over," tweeted another.',
            "tweeted",
            "another",
        ),
        (  # a name set off by commas inside the clause it reports
            "The contrast with Trump, said Doyle and others, would be clear since Trump has no allies by his side.",
            "said",
            "Doyle and others",
        ),
        (  # nor a participle whose phrase ends in a place name
            "Trump, speaking later at a rally in Charleston, West Virginia, did not mention Ryan in his speech.",
            "did not mention",
            "Trump",
        ),
        (  # a named group holds the plan its participle states, not the subject of the verb above it
            "The court's ruling delighted Republicans hoping to win back the county board in the fall.",
            "hoping",
            "Republicans",
        ),
        (  # a share counted by a number or pronoun holds it whole, up to the participle
            "The mayor met two of the groups calling for a new stadium.",
            "calling for",
            "two of the groups",
        ),
        (  # and by a noun counting its members ("a coalition of", "a majority of"), unlike "the head of"
            "A coalition of unions backing the mayor spent heavily on ads.",
            "backing",
            "A coalition of unions",
        ),
        (
            "A majority of the groups supporting the bill are based in Ohio.",
            "supporting",
            "A majority of the groups",
        ),
        (  # a conjunct the parser hung on an infinitive goes on what the main verb's subject did
            "In the 2008 race, Ann Dole mostly ran on her plan to cut taxes and accused the mayor of waste.",
            "accused",
            "Ann Dole",
        ),
        (  # a participle set off by a comma that the parser hung on a noun: the main verb's subject
            "Mayor Tom Hale was the first official to respond, tweeting his thanks on Monday.",
            "tweeting",
            "Mayor Tom Hale",
        ),
        (  # a "by" participle far below the main verb
            "The committee will likely be able to win more votes by citing its own figures.",
            "citing",
            "The committee",
        ),
    ],
)
def test_source_span(parse, text, cue, expected):
    """The source span (PolNeAR's) of the quote with ``cue``, whatever its content."""
    found = [q for q in extract(parse(text), []) if q.cue == cue]
    assert [text[q.speaker_start : q.speaker_end] for q in found if q.speaker_start is not None] == [expected]


def test_time_before_the_verb_is_no_source(parse):
    """ "… going to the polls on Super Tuesday said": a date is nobody's name (no source beats a wrong one)."""
    text = "Most voters in both states going to the polls on Super Tuesday said they wanted a change."
    assert [q.speaker for q in extract(parse(text), []) if q.cue == "said"] == [None]


# “Yes, I back Bush,” Ann Lee, head of the union, tells Farm News. -- as a parser misread it: the name hung
# on the quotation's last noun, the listener the verb's object (word, head, dep, pos, tag, lemma)
MISPARSED_INVERSION = [
    ("“", 4, "punct", "PUNCT", "``", "“"),
    ("Yes", 4, "intj", "INTJ", "UH", "yes"),
    (",", 4, "punct", "PUNCT", ",", ","),
    ("I", 4, "nsubj", "PRON", "PRP", "I"),
    ("back", 15, "ccomp", "VERB", "VBP", "back"),
    ("Bush", 4, "dobj", "PROPN", "NNP", "Bush"),
    (",", 4, "punct", "PUNCT", ",", ","),
    ("”", 4, "punct", "PUNCT", "''", "”"),
    ("Ann", 9, "compound", "PROPN", "NNP", "Ann"),
    ("Lee", 5, "appos", "PROPN", "NNP", "Lee"),
    (",", 9, "punct", "PUNCT", ",", ","),
    ("head", 9, "appos", "NOUN", "NN", "head"),
    ("of", 11, "prep", "ADP", "IN", "of"),
    ("the", 14, "det", "DET", "DT", "the"),
    ("union", 12, "pobj", "NOUN", "NN", "union"),
    ("tells", 15, "ROOT", "VERB", "VBZ", "tell"),
    ("Farm", 17, "compound", "PROPN", "NNP", "Farm"),
    ("News", 15, "dobj", "PROPN", "NNP", "News"),
    (".", 15, "punct", "PUNCT", ".", "."),
]


def hand_parse(rows: list[tuple[int | str, ...]], spaces: list[bool] | None = None):
    """A Doc of a hand-written parse (rows of word, head, dep, pos, tag, lemma; ``spaces`` after each word, a
    space after all by default): the misparses spaCy makes on real text, fixed so the test does not hang on a
    model's version."""
    import spacy
    from spacy.tokens import Doc

    columns = list(zip(*rows, strict=True))
    return Doc(
        spacy.blank("en").vocab,
        words=list(columns[0]),
        spaces=spaces,
        heads=list(columns[1]),
        deps=list(columns[2]),
        pos=list(columns[3]),
        tags=list(columns[4]),
        lemmas=list(columns[5]),
    )


def subject_of(rows: list[tuple[int | str, ...]], verb: int, spaces: list[bool] | None = None) -> str:
    """The subject ``_subject`` finds for token ``verb`` of a hand-written parse (``hand_parse``)."""
    from storyline.analyze.quote_attributions import _subject
    from storyline.analyze.quote_cues import cues_for

    doc = hand_parse(rows, spaces)
    table = cues_for("en")
    assert table is not None
    subject = _subject(doc[verb], table)
    assert subject is not None
    return subject.text


def test_name_before_the_verb_beats_the_listener_after_it():
    """A name between the quotation and the verb is the speaker, not the verb's object (the listener)."""
    assert subject_of(MISPARSED_INVERSION, 15) == "Lee"


# "“They were rivals, but also friends,” Mark Olsen, a former aide, said": the parser hung "said" on the
# quotation's verb as a conjunct and the name on that verb too
QUOTED_CONJUNCT = [
    ("“", 2, "punct", "PUNCT", "``", "“"),
    ("They", 2, "nsubj", "PRON", "PRP", "they"),
    ("were", 2, "ROOT", "AUX", "VBD", "be"),
    ("rivals", 2, "attr", "NOUN", "NNS", "rival"),
    (",", 3, "punct", "PUNCT", ",", ","),
    ("but", 3, "cc", "CCONJ", "CC", "but"),
    ("also", 7, "advmod", "ADV", "RB", "also"),
    ("friends", 3, "conj", "NOUN", "NNS", "friend"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("”", 2, "punct", "PUNCT", "''", "”"),
    ("Mark", 11, "compound", "PROPN", "NNP", "Mark"),
    ("Olsen", 2, "npadvmod", "PROPN", "NNP", "Olsen"),
    (",", 11, "punct", "PUNCT", ",", ","),
    ("a", 15, "det", "DET", "DT", "a"),
    ("former", 15, "amod", "ADJ", "JJ", "former"),
    ("aide", 11, "appos", "NOUN", "NN", "aide"),
    (",", 11, "punct", "PUNCT", ",", ","),
    ("said", 2, "conj", "VERB", "VBD", "say"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_subject_inside_the_quotation_is_no_speaker():
    """Climbing from a cue to the verb it was hung on stops at a subject inside the quotation the cue follows
    ("They"); the name between the quotation and the cue speaks."""
    assert subject_of(QUOTED_CONJUNCT, 17) == "Olsen"


# "“We were wrong,” Ramos, 58, told AFP.": as above, but the parser hung the closing mark on the name, so the
# name's phrase opens with it
MARK_ON_NAME = [
    ("“", 2, "punct", "PUNCT", "``", "“"),
    ("We", 2, "nsubj", "PRON", "PRP", "we"),
    ("were", 2, "ROOT", "AUX", "VBD", "be"),
    ("wrong", 2, "acomp", "ADJ", "JJ", "wrong"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("”", 6, "punct", "PUNCT", "''", "”"),
    ("Ramos", 2, "conj", "PROPN", "NNP", "Ramos"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("58", 6, "appos", "NUM", "CD", "58"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("told", 2, "conj", "VERB", "VBD", "tell"),
    ("AFP", 10, "dobj", "PROPN", "NNP", "AFP"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
MARK_ON_NAME_SPACES = [False, True, True, False, False, True, False, True, False, True, True, False, False]


def test_name_after_a_closing_mark_hung_on_it_speaks():
    """The closing mark the parser made the name's first child still sets the name right after the quotation:
    it is the speaker, not an object of the quotation's verb."""
    assert subject_of(MARK_ON_NAME, 10, MARK_ON_NAME_SPACES) == "Ramos"


# "“That was a good speech, Mr. President,” Representative Steve Cohen, Democrat of Tennessee, told Mr. Obama.":
# the parser made the addressee inside the quotation the subject, the name after it his apposition
ADDRESSEE_SUBJECT = [
    ("“", 2, "punct", "PUNCT", "``", "“"),
    ("That", 2, "nsubj", "PRON", "DT", "that"),
    ("was", 19, "ccomp", "AUX", "VBD", "be"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("good", 5, "amod", "ADJ", "JJ", "good"),
    ("speech", 2, "attr", "NOUN", "NN", "speech"),
    (",", 19, "punct", "PUNCT", ",", ","),
    ("Mr.", 8, "compound", "PROPN", "NNP", "Mr."),
    ("President", 19, "nsubj", "PROPN", "NNP", "President"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("”", 8, "punct", "PUNCT", "''", "”"),
    ("Representative", 13, "compound", "PROPN", "NNP", "Representative"),
    ("Steve", 13, "compound", "PROPN", "NNP", "Steve"),
    ("Cohen", 8, "appos", "PROPN", "NNP", "Cohen"),
    (",", 13, "punct", "PUNCT", ",", ","),
    ("Democrat", 13, "appos", "PROPN", "NNP", "Democrat"),
    ("of", 15, "prep", "ADP", "IN", "of"),
    ("Tennessee", 16, "pobj", "PROPN", "NNP", "Tennessee"),
    (",", 13, "punct", "PUNCT", ",", ","),
    ("told", 19, "ROOT", "VERB", "VBD", "tell"),
    ("Mr.", 21, "compound", "PROPN", "NNP", "Mr."),
    ("Obama", 19, "dobj", "PROPN", "NNP", "Obama"),
    (".", 19, "punct", "PUNCT", ".", "."),
]


# "Jeffrey Salkin, a rabbi helping to organize the boycott, said he was alarmed.": the parser read "rabbi" as a
# verb, made the name its subject and left "said" with none
ASIDE_AS_CLAUSE = [
    ("Jeffrey", 1, "compound", "PROPN", "NNP", "Jeffrey"),
    ("Salkin", 4, "nsubj", "PROPN", "NNP", "Salkin"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("a", 4, "det", "DET", "DT", "a"),
    ("rabbi", 11, "ccomp", "VERB", "VBP", "rabbi"),
    ("helping", 4, "xcomp", "VERB", "VBG", "help"),
    ("to", 7, "aux", "PART", "TO", "to"),
    ("organize", 5, "xcomp", "VERB", "VB", "organize"),
    ("the", 9, "det", "DET", "DT", "the"),
    ("boycott", 7, "dobj", "NOUN", "NN", "boycott"),
    (",", 11, "punct", "PUNCT", ",", ","),
    ("said", 11, "ROOT", "VERB", "VBD", "say"),
    ("he", 13, "nsubj", "PRON", "PRP", "he"),
    ("was", 11, "ccomp", "AUX", "VBD", "be"),
    ("alarmed", 13, "acomp", "ADJ", "JJ", "alarmed"),
    (".", 11, "punct", "PUNCT", ".", "."),
]


def test_name_before_an_aside_read_as_a_clause_speaks():
    """A verb with no subject after "Name, <aside>,": the aside read as a clause before the verb, the name
    its subject, which is the speaker."""
    assert subject_of(ASIDE_AS_CLAUSE, 11) == "Salkin"


def test_name_after_the_quotation_beats_a_subject_inside_it():
    """A subject inside the quotation (the addressee "Mr. President") is no speaker; its apposition standing
    after the closing mark, right before the verb, is."""
    assert subject_of(ADDRESSEE_SUBJECT, 19) == "Cohen"


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "Trump demands" reads as a noun phrase; parsed as "Trump demanded"
            "Trump demands senator resign over remarks.\n\nThe mayor spoke on Monday.",
            [("demands", "Trump")],
        ),
        (
            "Trump plans new ad buy in Ohio after weeks of silence.\n\nThe mayor spoke on Monday.",
            [("plans", "Trump")],
        ),
        (
            "Lopez chides union and praises council at news conference.\n\nThe mayor spoke on Monday.",
            [("chides", "Lopez"), ("praises", "Lopez")],
        ),
        (  # a base form after a plural subject reads as a noun or an adjective
            "Protesters mock plans to close the park.\n\nThe mayor spoke on Monday.",
            [("mock", "Protesters")],
        ),
        (
            "Reyes, Lopez, pledge to work together on budget.\n\nThe mayor spoke on Monday.",
            [("pledge", "Reyes, Lopez")],
        ),
        ("Paris attacks test the mayor's plans.\n\nThe mayor spoke on Monday.", []),  # a verb follows: a noun
        (  # a one-sentence paragraph is a line of its own too; a determiner makes the plural a noun
            "Some advocates for stem cell research said the vote overlooked cures.\n\nThe mayor spoke on Monday.",
            [("said", "Some advocates for stem cell research")],
        ),
    ],
)
def test_headline_verb_read_as_plural_noun(parse, text, expected):
    found = extract(parse(text), [])
    assert [
        (q.cue, text[q.speaker_start : q.speaker_end]) for q in found if q.speaker_start is not None
    ] == expected


def test_plural_nouns_joined_by_and_are_no_headline_verbs(parse):
    parsed = parse(
        "Critics said the mayor should not engage in insults and attacks.\n\nThe mayor spoke on Monday."
    )
    assert headline_parse(parsed, next(line_pieces(next(iter(parsed.doc.sents)))), ENGLISH) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the reported clause made the head of "told"
            "The endorsement came two days after Perez told The Boston Globe he was “not ready yet” on backing "
            "the bill.",
            [("Perez", "told", "he was “not ready yet” on backing the bill")],
        ),
        (  # ... or a conjunct of the sentence's verb
            "The strike spread, with union leader Dana Holt telling reporters on Monday she viewed the offer as "
            "“an insult” to workers.",
            [("union leader Dana Holt", "telling", "she viewed the offer as “an insult” to workers")],
        ),
        (  # an inverted closing frame read as a third conjunct
            "The Halden mill is running again, but it is under heavy pressure from cheap imports, said the "
            "firm's chief executive, Maria Lund.",
            [
                (
                    "the firm's chief executive, Maria Lund",
                    "said",
                    "The Halden mill is running again, but it is under heavy pressure from cheap imports",
                )
            ],
        ),
        (  # a past read as a participle, with its own subject, in an "as" clause
            "As the Daily Record's investigative team reported last week, the county auditor issued subpoenas "
            "to the charity.",
            [
                (
                    "the Daily Record's investigative team",
                    "reported",
                    "the county auditor issued subpoenas to the charity",
                )
            ],
        ),
        (  # a sentence whose verb the parser missed still is what the phrase inside it reports
            "The hashtag #FindThem, Mr. Haddad said, accompanied photos of relatives sought.",
            [
                ("Mr. Haddad", "said", "The hashtag #FindThem"),
                ("Mr. Haddad", "said", "accompanied photos of relatives sought"),
            ],
        ),
        (  # a name read as an adverb of the verb is the speaker, not part of the cue
            "“Having two people who know the files is valuable,” said Skelly, explaining that the party needed "
            "them.",
            [
                ("Skelly", "said", "“Having two people who know the files is valuable,”"),
                ("Skelly", "explaining", "that the party needed them"),
            ],
        ),
        (  # ... and after "told", the listener
            "“I regard him as an old friend,” Lindqvist told O’Reilly.",
            [("Lindqvist", "told", "“I regard him as an old friend,”")],
        ),
        (  # a that-clause hung on the noun of a phrase of the occasion ("for veterans")
            "On Thursday night, Republican candidate Paul Moreau told the audience at his fundraiser for "
            "veterans that he and the union had multiple conversations Thursday.",
            [
                (
                    "Republican candidate Paul Moreau",
                    "told",
                    "that he and the union had multiple conversations Thursday",
                )
            ],
        ),
    ],
)
def test_clauses_and_speakers_the_parser_hung_elsewhere(parse, text, expected):
    found = extract(parse(text), [])
    assert [(text[q.speaker_start : q.speaker_end], q.cue, q.text) for q in found] == expected


QUOTED_AUXILIARY = [  # '"Is that all there is?" Trump said.' as parsed after another paragraph
    ('"', 9, "punct", "PUNCT", "``", '"'),
    ("Is", 9, "auxpass", "AUX", "VBZ", "be"),
    ("that", 5, "mark", "SCONJ", "IN", "that"),
    ("all", 5, "attr", "PRON", "DT", "all"),
    ("there", 5, "expl", "PRON", "EX", "there"),
    ("is", 1, "ccomp", "VERB", "VBZ", "be"),
    ("?", 1, "punct", "PUNCT", ".", "?"),
    ('"', 1, "punct", "PUNCT", "''", '"'),
    ("Trump", 9, "nsubj", "PROPN", "NNP", "Trump"),
    ("said", 9, "ROOT", "VERB", "VBD", "say"),
    (".", 9, "punct", "PUNCT", ".", "."),
]
SHARED_CLOSING_VERB = [  # "… made it possible for people … to organize, she said.", "said" given two subjects
    ("It", 1, "nsubj", "PRON", "PRP", "it"),
    ("made", 1, "ROOT", "VERB", "VBD", "make"),
    ("it", 3, "nsubj", "PRON", "PRP", "it"),
    ("possible", 1, "ccomp", "ADJ", "JJ", "possible"),
    ("for", 10, "mark", "SCONJ", "IN", "for"),
    ("people", 10, "nsubj", "NOUN", "NNS", "people"),
    ("to", 7, "aux", "PART", "TO", "to"),
    ("organize", 10, "advcl", "VERB", "VB", "organize"),
    (",", 10, "punct", "PUNCT", ",", ","),
    ("she", 10, "nsubj", "PRON", "PRP", "she"),
    ("said", 1, "advcl", "VERB", "VBD", "say"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_an_auxiliary_inside_the_quotation_makes_no_passive():
    from storyline.analyze.quote_attributions import _passive

    assert not _passive(hand_parse(QUOTED_AUXILIARY)[9])


def test_a_closing_frame_speaks_through_its_nearest_subject():
    """A broken parse hangs two subjects on the verb: the one right before it, after the comma, is the speaker."""
    from storyline.analyze.quote_contents import closing_subject
    from storyline.analyze.quote_cues import cues_for

    table = cues_for("en")
    assert table is not None
    subject = closing_subject(hand_parse(SHARED_CLOSING_VERB)[10], table)
    assert subject is not None and subject.text == "she"


FRONTED_FRAME = [  # "If anything, Ash argued in his email, the incident is a lesson.": "argued" read as a ccomp
    ("If", 1, "mark", "SCONJ", "IN", "if"),
    ("anything", 4, "advcl", "PRON", "NN", "anything"),
    (",", 4, "punct", "PUNCT", ",", ","),
    ("Ash", 4, "nsubj", "PROPN", "NNP", "Ash"),
    ("argued", 11, "ccomp", "VERB", "VBD", "argue"),
    ("in", 4, "prep", "ADP", "IN", "in"),
    ("his", 7, "poss", "PRON", "PRP$", "his"),
    ("email", 5, "pobj", "NOUN", "NN", "email"),
    (",", 11, "punct", "PUNCT", ",", ","),
    ("the", 10, "det", "DET", "DT", "the"),
    ("incident", 11, "nsubj", "NOUN", "NN", "incident"),
    ("is", 11, "ROOT", "AUX", "VBZ", "be"),
    ("a", 13, "det", "DET", "DT", "a"),
    ("lesson", 11, "attr", "NOUN", "NN", "lesson"),
    (".", 11, "punct", "PUNCT", ".", "."),
]


def hand_content(rows: list[tuple[int | str, ...]], verb: int) -> str | None:
    """The words ``content_of`` reports for token ``verb`` of a hand-written parse (``hand_parse``)."""
    from storyline.analyze.quote_contents import content_of
    from storyline.analyze.quote_cues import cues_for

    table = cues_for("en")
    assert table is not None
    doc = hand_parse(rows)
    content = content_of(doc, doc[verb], table)
    return doc[content[0] : content[1] + 1].text if content is not None else None


def test_a_frame_read_as_a_complement_of_the_clause_after_it_reports_that_clause():
    assert hand_content(FRONTED_FRAME, 4) == "the incident is a lesson"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "As reported by the Daily Ledger, investigators found more than 2,000 letters in the archive.",
            [("the Daily Ledger", "reported", "investigators found more than 2,000 letters in the archive")],
        ),
        (
            "The board kept its budget, as first reported by the Evening Post on Monday.",
            [("the Evening Post", "first reported", "The board kept its budget")],
        ),
    ],
)
def test_the_agent_of_as_reported_by_is_the_source(parse, text, expected):
    found = extract(parse(text), [])
    assert [(text[q.speaker_start : q.speaker_end], q.cue, q.text) for q in found] == expected


def test_a_set_off_cue_reports_no_conjunct_that_reports_words_of_its_own(parse):
    """ "…, the ministry said, and health officials said …": the officials' words are not the ministry's."""
    text = (
        "Jets struck targets in the north of the region on Saturday in response to shelling from across the "
        "border, the ministry said, and regional health officials said seven people, including a two-year-old "
        "boy, had been killed."
    )
    found = [(text[q.speaker_start : q.speaker_end], q.text) for q in extract(parse(text), [])]
    assert found == [
        (
            "the ministry",
            "Jets struck targets in the north of the region on Saturday in response to shelling from across the "
            "border",
        ),
        ("regional health officials", "seven people, including a two-year-old boy, had been killed"),
    ]


TRAILING_PARTICIPLE = [  # "Imports fell 1.4 percent, narrowing from a drop, Lyu told reporters."
    ("Imports", 1, "nsubj", "NOUN", "NNS", "import"),
    ("fell", 11, "ccomp", "VERB", "VBD", "fall"),
    ("1.4", 3, "nummod", "NUM", "CD", "1.4"),
    ("percent", 1, "npadvmod", "NOUN", "NN", "percent"),
    (",", 1, "punct", "PUNCT", ",", ","),
    ("narrowing", 11, "advcl", "VERB", "VBG", "narrow"),
    ("from", 5, "prep", "ADP", "IN", "from"),
    ("a", 8, "det", "DET", "DT", "a"),
    ("drop", 6, "pobj", "NOUN", "NN", "drop"),
    (",", 11, "punct", "PUNCT", ",", ","),
    ("Lyu", 11, "nsubj", "PROPN", "NNP", "Lyu"),
    ("told", 11, "ROOT", "VERB", "VBD", "tell"),
    ("reporters", 11, "dobj", "NOUN", "NNS", "reporter"),
    (".", 11, "punct", "PUNCT", ".", "."),
]


def test_a_participle_the_parser_hung_on_a_closing_frame_goes_on_with_what_was_said():
    assert hand_content(TRAILING_PARTICIPLE, 11) == "Imports fell 1.4 percent , narrowing from a drop"


RELATIVE_CLOSING = [  # "The bloc imposed sanctions on six officials, EU chief Josep Borrell announced." misread
    ("The", 1, "det", "DET", "DT", "the"),
    ("bloc", 2, "nsubj", "NOUN", "NN", "bloc"),
    ("imposed", 2, "ROOT", "VERB", "VBD", "impose"),
    ("sanctions", 2, "dobj", "NOUN", "NNS", "sanction"),
    ("on", 3, "prep", "ADP", "IN", "on"),
    ("six", 6, "nummod", "NUM", "CD", "six"),
    ("officials", 4, "pobj", "NOUN", "NNS", "official"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("EU", 9, "compound", "PROPN", "NNP", "EU"),
    ("chief", 11, "compound", "NOUN", "NN", "chief"),
    ("Josep", 11, "compound", "PROPN", "NNP", "Josep"),
    ("Borrell", 12, "nsubj", "PROPN", "NNP", "Borrell"),
    ("announced", 3, "relcl", "VERB", "VBD", "announce"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_a_closing_frame_read_as_a_relative_clause_reports_what_comes_before():
    """ "…, EU chief Josep Borrell announced." read as "sanctions [that] Borrell announced"."""
    assert hand_content(RELATIVE_CLOSING, 12) == "The bloc imposed sanctions on six officials"
