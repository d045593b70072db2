"""Time expressions: (sentence, document date) → (text, TIMEX3 type, value); undated documents; speed."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from storyline.analyze.nlp import Parsed, load
from storyline.analyze.timex import candidates, extract, published_lower_bound, resolve
from storyline.model import Document, Timex
from storyline.settings import AnalyzeSettings

MARCH_2021 = dt.date(2021, 3, 17)  # a Wednesday
LINEAR_BUDGET_S = 5.0  # a 1 MB adversarial string must be scanned in well under this


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    try:
        return load(AnalyzeSettings().spacy_model)
    except Exception as exc:  # the model package is a project dependency; skip only if it is really absent
        pytest.skip(f"spaCy model not installed: {exc}")


def timexes(nlp, text: str, published: dt.date | None) -> list[Timex]:  # type: ignore[no-untyped-def]
    document = Document(id="d", source="test", text=text, language="en", published=published)
    return extract(Parsed(document, nlp(text), nlp))


def found(nlp, text: str, published: dt.date | None) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.type, t.value) for t in timexes(nlp, text, published)]


DATED = [
    # absolute dates and times
    ("The ceasefire was signed on November 10, 2020 in Moscow.", ("November 10, 2020", "DATE", "2020-11-10")),
    ("Talks resumed on 14 March 2021, officials said.", ("14 March 2021", "DATE", "2021-03-14")),
    ("The decree is dated 2021-03-14 and was published later.", ("2021-03-14", "DATE", "2021-03-14")),
    ("The agreement dates back to March 1994.", ("March 1994", "DATE", "1994-03")),
    # an abbreviated month before its year is that month, not this year's month and a year apart
    ("The mother was shot in Oct. 2011 in Brooklyn.", ("Oct. 2011", "DATE", "2011-10")),
    ("The plant closed in Sept. 2015.", ("Sept. 2015", "DATE", "2015-09")),
    ("The attacks of Sept.11, 2001 changed the city.", ("Sept.11, 2001", "DATE", "2001-09-11")),
    ("The region declared independence in 1991.", ("1991", "DATE", "1991")),
    ("The fortress was built in the year 1838.", ("the year 1838", "DATE", "1838")),
    ("Police were called to the flat at 11.30pm.", ("11.30pm", "TIME", "2021-03-17T23:30")),
    ("Trading opened Sunday 18:00 as usual.", ("18:00", "TIME", "2021-03-14T18:00")),
    # "plan" as a noun is no plan to do something: the verb's past decides
    ("The peace plan was announced shortly before midnight on Sunday.", ("Sunday", "DATE", "2021-03-14")),
    ("The ministers plan to meet on Sunday.", ("Sunday", "DATE", "2021-03-21")),
    # "get" + participle is a passive as "be" + participle is: the participle alone is no past
    ("Farmers are going to start getting squeezed in the summer.", ("the summer", "DATE", "2021-SU")),
    ("The rebels got pushed back on Monday.", ("Monday", "DATE", "2021-03-15")),
    ("The leaders met in Moscow on January, 11, 2021.", ("January, 11, 2021", "DATE", "2021-01-11")),
    ("In January, 11 people were evacuated.", ("January", "DATE", "2021-01")),
    ("The minister arrived at 10:35 a.m. on the border.", ("10:35 a.m.", "TIME", "2021-03-17T10:35")),
    (
        "Shelling began shortly before 3 p.m. Tuesday, witnesses said.",
        ("3 p.m. Tuesday", "TIME", "2021-03-16T15:00"),
    ),
    # a unit written against its number and "am" after a clock time are no present-tense verbs
    (
        "The hiker slipped and fell 300m near the ridge on Saturday afternoon.",
        ("Saturday afternoon", "TIME", "2021-03-13TAF"),
    ),
    ("The outage started at about 07:15 am on Monday, the operator said.", ("Monday", "DATE", "2021-03-15")),
    # a weekday before a common noun modifies it: a present verb schedules nothing
    (
        "The driver is now the main suspect in the Sunday night robbery.",
        ("Sunday night", "TIME", "2021-03-14TNI"),
    ),
    ("The minister is under fire after a Monday statement on tariffs.", ("Monday", "DATE", "2021-03-15")),
    ("The minister will clarify the Monday statement soon.", ("Monday", "DATE", "2021-03-22")),
    # after a preposition or a verb of spending, "the fall" stays autumn
    ("A party that hopes to win in the fall must unite now.", ("the fall", "DATE", "2021-FA")),
    ("The senator spent the fall touring farms.", ("the fall", "DATE", "2020-FA")),
    # after a word that opens a year, a street's name does not make it a house number
    ("In 1999 Harbor Street was rebuilt.", ("1999", "DATE", "1999")),
    # after a preposition, or before a maker's name that no model or vehicle noun follows, a year stays a year
    ("In 2009 Toyota Camry sales doubled.", ("2009", "DATE", "2009")),
    ("The 2011 Ford Foundation survey was cited.", ("2011", "DATE", "2011")),
    ("She recalled the 1976 Ford campaign.", ("1976", "DATE", "1976")),
    # a weekday in a clause of unknown tense is the last one, except the day after the document's
    ("She holds a solid lead in Thursday's primary.", ("Thursday", "DATE", "2021-03-18")),
    ("She holds a solid lead in Monday's poll.", ("Monday", "DATE", "2021-03-15")),
    # a comma after the expression ends an opening phrase: the clause's verb after it is the expression's
    (
        "At a rally in Maine on Thursday afternoon, the senator praised the plan.",
        ("Thursday afternoon", "TIME", "2021-03-11TAF"),
    ),
    # early in the week a past "this weekend" is the one just gone; a future one the coming one
    ("Analysts noticed this weekend that turnout fell.", ("this weekend", "DATE", "2021-W10-WE")),
    ("The ministers will meet this weekend.", ("this weekend", "DATE", "2021-W11-WE")),
    # a participle after a modal of possibility is no past
    ("The final round of talks could be held in June.", ("June", "DATE", "2021-06")),
    # "can" looks forward unless negated
    ("Voters want a candidate who can win in November.", ("November", "DATE", "2021-11")),
    ("You can't blame us in February and then ask for help.", ("February", "DATE", "2021-02")),
    # a month naming a scheduled event is the next one, unless the verb around it is a past
    ("She is eligible to vote in the November general election.", ("November", "DATE", "2021-11")),
    ("Aides said the fight could go on to the party's October convention.", ("October", "DATE", "2021-10")),
    ("Trump won the November election.", ("November", "DATE", "2020-11")),
    # "could" + verb looks forward as "can" does; not negated, before a perfect or a passive
    ("The new ad could reach the airwaves on Monday.", ("Monday", "DATE", "2021-03-22")),
    ("Turnout could be higher on Monday.", ("Monday", "DATE", "2021-03-22")),
    ("Investigators could be seen inside the store on Monday.", ("Monday", "DATE", "2021-03-15")),
    ("He was not the spoiler he could have been on Monday.", ("Monday", "DATE", "2021-03-15")),
    # ... and so "the convention in October" in a clause led by a gerund or bare infinitive; a finite verb decides
    (
        "Aides spent the week preparing a platform for the convention in October.",
        ("October", "DATE", "2021-10"),
    ),
    ("At the party's convention in October, it was Smith who won the vote.", ("October", "DATE", "2020-10")),
    ("He appeared at the November debate anyway.", ("November", "DATE", "2020-11")),
    # a weekday after "ahead of", "in advance of", "days before" looks forward unless the verb is a past
    ("Candidates barnstorm the state ahead of Monday's vote.", ("Monday", "DATE", "2021-03-22")),
    ("The campaign is releasing ads in advance of Monday's vote.", ("Monday", "DATE", "2021-03-22")),
    (
        "The senator's stumble just days before Monday's primary has worried aides.",
        ("Monday", "DATE", "2021-03-22"),
    ),
    ("Police arrested 20 people ahead of Monday's vote.", ("Monday", "DATE", "2021-03-15")),
    # … and so do "heading into", "leading up to", "in the lead up to" (tx31)
    ("Heading into Monday's vote, the mayor leads in every poll.", ("Monday", "DATE", "2021-03-22")),
    ("More news in the lead up to Monday's primary.", ("Monday", "DATE", "2021-03-22")),
    ("The mayor had won 40 seats heading into Monday's vote.", ("Monday", "DATE", "2021-03-15")),
    # … also across the noun phrase naming the event ahead
    (
        "The senator is in a tight race ahead of the state caucuses on Monday.",
        ("Monday", "DATE", "2021-03-22"),
    ),
    # a plan told in the past says nothing of the day's direction; "is set to" still looks forward
    ("The senator was scheduled to fly home late Tuesday.", ("late Tuesday", "DATE", "2021-03-16")),
    ("The minister was set to sign the deal on Monday.", ("Monday", "DATE", "2021-03-15")),
    ("The minister is set to sign the deal on Monday.", ("Monday", "DATE", "2021-03-22")),
    # a passive infinitive hung on a noun names what is still to be done; after an ordinal it is done. On a
    # Sunday a coming weekend is the one under way
    (
        "Officials expect the deal to be signed over the weekend.",
        ("the weekend", "DATE", "2021-W11-WE"),
        dt.date(2021, 3, 21),
    ),
    (
        "The governor was revising a speech on the budget, to be given Friday in the capital.",
        ("Friday", "DATE", "2021-03-19"),
    ),
    ("Unions were bracing for the cuts to be voted on Thursday.", ("Thursday", "DATE", "2021-03-18")),
    ("She was the first judge to be sworn in on Monday.", ("Monday", "DATE", "2021-03-15")),
    ("She was the second judge to be sworn in on Monday.", ("Monday", "DATE", "2021-03-15")),
    # a participle between a determiner and its noun is no verb of the clause
    ("The president is expected to give a televised address on Monday.", ("Monday", "DATE", "2021-03-22")),
    ("The president gave a televised address on Monday.", ("Monday", "DATE", "2021-03-15")),
    # an infinitive hanging on a present or future verb looks forward; on a past one, it may be done
    ("Analysts expect the company to report a loss on Monday.", ("Monday", "DATE", "2021-03-22")),
    ("Officials would be able to reopen the border on Monday.", ("Monday", "DATE", "2021-03-22")),
    ("The deal would see him endorse her in Concord on Monday.", ("Monday", "DATE", "2021-03-22")),
    ("The union is preparing to announce the strike on Monday.", ("Monday", "DATE", "2021-03-22")),
    ("The mayor asked residents to stay indoors on Monday.", ("Monday", "DATE", "2021-03-15")),
    ("If you want to understand Monday's vote, read the polls.", ("Monday", "DATE", "2021-03-15")),
    (
        "The governor has praised the vote to leave, telling reporters on Monday that it was fair.",
        ("Monday", "DATE", "2021-03-15"),
    ),
    ("The Senate will most likely vote on the measures on Monday.", ("Monday", "DATE", "2021-03-22")),
    # a negated "would" before a verb of telling reports a refusal made, not a future
    ("He wouldn't say Tuesday whether he would run.", ("Tuesday", "DATE", "2021-03-16")),
    ("The agency would not comment Thursday on the report.", ("Thursday", "DATE", "2021-03-11")),
    ("He said he wouldn't attend the meeting on Thursday.", ("Thursday", "DATE", "2021-03-18")),
    # a plan word tagged as a simple past is a plan told in the past, as "was set to" is
    ("On Friday, the government planned to pay the first claims.", ("Friday", "DATE", "2021-03-12")),
    ("The government planned to pay the first claims on Friday.", ("Friday", "DATE", "2021-03-12")),
    ("The mayor said he planned to visit Paris in November.", ("November", "DATE", "2021-11")),
    # "by" looks forward unless the verb is a past: a simple past as much as a past perfect
    ("By Monday, the death toll rose to 40.", ("Monday", "DATE", "2021-03-15")),
    ("By Friday, the rebels will control the road.", ("Friday", "DATE", "2021-03-19")),
    # a bare verb after "and" shares the group of the verb before it
    ("The envoy will fly to Cairo on Friday and return Saturday.", ("Saturday", "DATE", "2021-03-20")),
    # … which is a bare verb too: a past whose form is its base ("cut") is the tagger's misreading of one
    (
        "The chain would not need to change its plans, just cut costs and open a new store in June.",
        ("June", "DATE", "2021-06"),
    ),
    # a modal after the day is read with its whole group: "would have been" looks back
    ("She noted that Saturday would have been his 90th birthday.", ("Saturday", "DATE", "2021-03-13")),
    # year-less dates: most recent past one, the next one when the sentence speaks of the future
    ("The convoy crossed the border on November 10.", ("November 10", "DATE", "2020-11-10")),
    ("Parliament will vote on the budget on November 10.", ("November 10", "DATE", "2021-11-10")),
    ("The ministers met on Jan. 5 to discuss the corridor.", ("Jan. 5", "DATE", "2021-01-05")),
    # weekdays
    ("The foreign ministers met in Geneva on Sunday.", ("Sunday", "DATE", "2021-03-14")),
    ("The foreign ministers will meet in Geneva on Sunday.", ("Sunday", "DATE", "2021-03-21")),
    ("Protesters gathered outside parliament on Wednesday.", ("Wednesday", "DATE", "2021-03-17")),
    ("Residents said the explosions started Monday night.", ("Monday night", "TIME", "2021-03-15TNI")),
    ("The president spoke to reporters last Friday.", ("last Friday", "DATE", "2021-03-12")),
    # relative to the document date
    ("The talks stalled last year amid new fighting.", ("last year", "DATE", "2020")),
    ("Exports rose sharply this year, the ministry said.", ("this year", "DATE", "2021")),
    ("The troops left this past July after months of talks.", ("this past July", "DATE", "2020-07")),
    # "of" between a month and a relative year: one expression, that year's month
    (
        "The attacks in Paris in January of last year shook the city.",
        ("January of last year", "DATE", "2020-01"),
    ),
    ("Prices rose last month for the first time.", ("last month", "DATE", "2021-02")),
    (  # the tagger runs the convention's name on into "ended last month"; a lowercase time word is no name
        "Since the Democratic National Convention ended last month, she has been busy.",
        ("last month", "DATE", "2021-02"),
    ),
    ("The summit is planned for next week in Ankara.", ("next week", "DATE", "2021-W12")),
    ("Yesterday the envoy flew to Baku.", ("Yesterday", "DATE", "2021-03-16")),
    ("The mission reported no incidents today.", ("today", "DATE", "2021-03-17")),
    ("The bridge was destroyed three years ago.", ("three years ago", "DATE", "2018")),
    # with no count, "ago" stays in the span of the duration (TimeML: "months ago" is PXM)
    ("The offer was made months ago.", ("months ago", "DURATION", "PXM")),
    # "long ago" is a past of no stated distance; "as long ago as 1850" leaves the time to the year
    ("Party leaders long ago picked her as their standard-bearer.", ("long ago", "DATE", "PAST_REF")),
    ("He lost me a long time ago, he said.", ("a long time ago", "DATE", "PAST_REF")),
    ("The rite began as long ago as 1850.", ("long ago", "DATE", "PAST_REF"), False),
    # "New Year's" is a holiday only before a span: the weekend nearest January 1
    ("Police made the arrests over New Year's weekend.", ("New Year's weekend", "DATE", "2020-W53-WE")),
    # the tagger's EVENT "the New Year’s weekend" is the holiday's weekend, its article no part of a name
    ("Police made 40 arrests over the New Year’s weekend.", ("New Year’s weekend", "DATE", "2020-W53-WE")),
    (
        "Of those held in the New Year's weekend raids, 70 were deported.",
        ("New Year's weekend", "DATE", "2020-W53-WE"),
    ),
    # bare "minutes" counting from a time, as "hours later" is
    ("Minutes later, the campaign issued a statement.", ("Minutes", "DURATION", "PTXM")),
    ("The bill died just minutes after it was introduced.", ("minutes", "DURATION", "PTXM")),
    # "a half-century", "a quarter-century (ago)": fractions of a century, counted in years
    ("She has served in Congress for a quarter-century.", ("a quarter-century", "DURATION", "P25Y")),
    ("The series went off the air a quarter-century ago.", ("a quarter-century ago", "DATE", "1996")),
    ("The state has voted Republican for a half-century.", ("a half-century", "DURATION", "P50Y")),
    # half a decade or century back is counted in years
    ("Half a century ago, the port was busier.", ("Half a century ago", "DATE", "1971")),
    ("The report covers the fourth quarter.", ("the fourth quarter", "DATE", "2020-Q4")),
    ("Earnings fell in the first half of 2020.", ("the first half of 2020", "DATE", "2020-H1")),
    ("Fighting flared again in early March.", ("early March", "DATE", "2021-03")),
    # seasons, decades, centuries, ranges
    ("Heavy fighting broke out in the summer of 2014.", ("the summer of 2014", "DATE", "2014-SU")),
    ("She opened a bakery last fall in her home town.", ("last fall", "DATE", "2020-FA")),
    ("The ministry said the bridge will soon reopen.", ("soon", "DATE", "FUTURE_REF")),
    ("A deal is not expected anytime soon.", ("soon", "DATE", "FUTURE_REF")),
    ("The offensive is expected next spring.", ("next spring", "DATE", "2022-SP")),
    ("Thousands fled the region in the 1990s.", ("the 1990s", "DATE", "199")),
    # a decade by its tens after a full one is in that one's century
    ("She won twelve titles in the 1960s and 70s.", ("70s", "DATE", "197")),
    ("The port boomed in the 1870s and '80s.", ("'80s", "DATE", "188")),
    ("The church was built in the late 1970s.", ("the late 1970s", "DATE", "197")),
    ("The war of 1992-1994 left thousands dead.", ("1992-1994", "DURATION", "1992/1994")),
    # durations
    ("The four months after the war were the hardest.", ("The four months", "DURATION", "P4M")),
    ("The fighting lasted 44 days.", ("44 days", "DURATION", "P44D")),
    ("Negotiations took nearly two months.", ("nearly two months", "DURATION", "P2M")),
    ("He signed a five-year contract with the club.", ("five-year", "DURATION", "P5Y")),
    ("Output has fallen over the past three years.", ("the past three years", "DURATION", "P3Y")),
    ("The border stayed closed for several weeks.", ("several weeks", "DURATION", "PXW")),
    ("Talks lasted twenty-four hours without a break.", ("twenty-four hours", "DURATION", "PT24H")),
    ("The operation lasted 5 1/2 hours.", ("5 1/2 hours", "DURATION", "PT5H30M")),
    ("The talks dragged on for a year and a half.", ("a year and a half", "DURATION", "P1Y6M")),
    ("The meeting lasted half an hour.", ("half an hour", "DURATION", "PT30M")),
    # sets
    ("The commission meets every year in Vienna.", ("every year", "SET", "P1Y")),
    ("Observers file reports daily.", ("daily", "SET", "P1D")),
    ("It was the first weekly loss for the index.", ("weekly", "SET", "P1W")),
    ("Ferries now sail twice a week.", ("twice a week", "SET", "P1W")),
    ("The council convenes each Monday.", ("each Monday", "SET", "XXXX-WXX-1")),
    ("Guards search the cells every night.", ("every night", "SET", "XXXX-XX-XXTNI")),
    ("Officials fear the coming months will be harder.", ("the coming months", "DURATION", "PXM")),
    ("The 45-day war ended in November.", ("45-day", "DURATION", "P45D")),
    ("Growth picked up in mid-2020 after the lockdown.", ("mid-2020", "DATE", "2020")),
    ("The deal should close by year-end.", ("year-end", "DATE", "2021")),
    # a past year-end written before December is last year's
    ("The index is up 15% since year-end.", ("year-end", "DATE", "2020")),
    ("The campaign had $38 million in cash at year's end.", ("year's end", "DATE", "2020")),
    # holidays
    ("The prisoners were released on Christmas Eve.", ("Christmas Eve", "DATE", "2020-12-24")),
    # "Super Tuesday" comes only in presidential election years; a year before a holiday is its year
    ("Both candidates are counting on Super Tuesday.", ("Super Tuesday", "DATE", "2020-03-03")),
    ("The state voted in the 1996 Super Tuesday.", ("1996 Super Tuesday", "DATE", "1996-03-05")),
    ("He was home for the 2014 Christmas.", ("2014 Christmas", "DATE", "2014-12-25")),
    ("He campaigned hard before Super Tuesday 2 in Ohio.", ("Super Tuesday", "DATE", "2020-03-03"), False),
    # a future verb group whose last word is a participle ("will be held")
    ("The vote will be held later this year, probably in the autumn.", ("the autumn", "DATE", "2021-FA")),
    ("The summit was held in the autumn.", ("the autumn", "DATE", "2020-FA")),
    ("Since the ruling was announced Monday, they said they will appeal.", ("Monday", "DATE", "2021-03-15")),
    ("The convoy could leave as early as Friday, officials said.", ("Friday", "DATE", "2021-03-19")),
    # the second of two coordinated days points the way the first does
    ("A ruling could come as soon as Thursday or Friday.", ("Friday", "DATE", "2021-03-19")),
    ("The talks were held on Monday and Tuesday.", ("Tuesday", "DATE", "2021-03-16")),
    # a day inside the subject: the verb after it is the subject's ("will speed up"), not the day's
    ("Her wins in Ohio and Florida on Tuesday will speed up the shift.", ("Tuesday", "DATE", "2021-03-16")),
    # so has a relative clause: "who", "which" open it as "that" does
    (
        "Aides should ignore the critics who on Sunday cast his remarks as cruel.",
        ("Sunday", "DATE", "2021-03-14"),
    ),
    # a clause after ", but" has verbs of its own
    (
        "The senator is not running again, but his speech Sunday drew a crowd.",
        ("Sunday", "DATE", "2021-03-14"),
    ),
    ("Tuesday's wins raised hopes that the November vote will be close.", ("November", "DATE", "2021-11")),
    ("The debate is set for Monday's session.", ("Monday", "DATE", "2021-03-22")),
    # "the early hours of Sunday" are a part of Sunday, not a duration
    ("The raid came in the early hours of Sunday.", ("hours", "DURATION", "PTXH"), False),
    # the auxiliary of a present progressive does not make a day future
    ("The pressure is taking a toll, pointing to his losses Tuesday.", ("Tuesday", "DATE", "2021-03-16")),
    # a past tense after "if" is hypothetical: the closest date wins
    ("He was asked what he would do if he won the vote on May 8.", ("May 8", "DATE", "2021-05-08")),
    # a half of a month is not a half-year
    ("Momentum into the second half of February mattered.", ("February", "DATE", "2021-02")),
    ("Momentum into the second half of February mattered.", ("the second half", "DATE", "2020-H2"), False),
    ("The two leaders are due to sign the deal on Friday.", ("Friday", "DATE", "2021-03-19")),
    # a financial year that "ended" is twelve months, the latest period the last quarter reported
    ("Revenue rose 8% in the year ended June 30.", ("the year", "DURATION", "P1Y")),
    ("Margins improved in the latest period, the airline said.", ("the latest period", "DATE", "2020-Q4")),
    ("Sales in the latest fiscal year topped $2 billion.", ("the latest fiscal year", "DATE", "2020")),
    ("Net income rose 12% from the 2019 period, the bank said.", ("the 2019 period", "DATE", "2019-Q4")),
    # years said as words (broadcast transcripts)
    ("The republic was founded in nineteen ninety-one.", ("nineteen ninety-one", "DATE", "1991")),
    ("The plant opened in March nineteen eighty-six.", ("March nineteen eighty-six", "DATE", "1986-03")),
    (
        "Planners feared computer failures in the year two thousand.",
        ("the year two thousand", "DATE", "2000"),
    ),
    (
        "The winter of nineteen ninety-four was the coldest.",
        ("The winter of nineteen ninety-four", "DATE", "1994-WI"),
    ),
    # "over the weekend" on a Wednesday: the one just past; "effective April 1" looks forward
    ("Talks stalled over the weekend, diplomats said.", ("the weekend", "DATE", "2021-W10-WE")),
    ("The new tariffs apply to all carriers effective April 1.", ("April 1", "DATE", "2021-04-01")),
    # "is to" / "set to" + verb speak of the future
    ("The exchange is to resume trading in the shares Friday.", ("Friday", "DATE", "2021-03-19")),
    ("Talks, set to resume Monday in Vienna, were postponed.", ("Monday", "DATE", "2021-03-22")),
    # "to this day" is the present, not the document's day ("to" is its signal, left out of the span)
    ("The feud has not ended to this day.", ("this day", "DATE", "PRESENT_REF")),
    # "9/11" is the day of the attacks; a score or a longer numeric date is not
    ("Security was tightened after 9/11.", ("9/11", "DATE", "2001-09-11")),
    ("The score was 19/11 at the break.", ("19/11", "DATE", "2001-09-11"), False),
    ("NEW YORK 9/11 families rallied at the memorial.", ("9/11", "DATE", "2001-09-11")),
    # … but quoted speech keeps its times
    ("“Today,” the minister said, “the border is open.”", ("Today", "DATE", "2021-03-17")),
    ("The minister said: “We will meet Sunday.” Then he left.", ("Sunday", "DATE", "2021-03-21")),
    # a day known for an event, followed by its name, is the event's day; it sets no reference time
    ("Airports changed after the Sept. 11 attacks.", ("Sept. 11", "DATE", "2001-09-11")),
    (
        "Since the Sept. 11 attacks, rules changed. On Oct. 3 the Senate voted.",
        ("Oct. 3", "DATE", "2020-10-03"),
    ),
    (
        "Days after the September 11 attack in Benghazi, he spoke.",
        ("September 11", "DATE", "2001-09-11"),
        False,
    ),
    # … and so is the day alone after "after" or "since" (tx31)
    ("Many volunteers felt called to go home after Sept. 11.", ("Sept. 11", "DATE", "2001-09-11")),
    (
        "The mayor said the city had changed a great deal since September 11.",
        ("September 11", "DATE", "2001-09-11"),
    ),
    ("The filing deadline was moved to Sept. 11.", ("Sept. 11", "DATE", "2001-09-11"), False),
    # … but not in a clause to come, nor when this year's day is recent (review31b)
    ("The council will vote after Sept. 11.", ("Sept. 11", "DATE", "2001-09-11"), False, dt.date(2015, 6, 1)),
    (
        "Since Sept. 11, the flood has displaced 4,000 people.",
        ("Sept. 11", "DATE", "2015-09-11"),
        dt.date(2015, 9, 20),
    ),
    (
        "The ministers met in Geneva after Sept. 11.",
        ("Sept. 11", "DATE", "2015-09-11"),
        dt.date(2015, 9, 20),
    ),
    # "should" speaks of the future; a perfect modal ("would have", "should have") looks back, a future perfect not
    ("The vote should take place on Tuesday, officials said.", ("Tuesday", "DATE", "2021-03-23")),
    ("He would have turned 74 on Friday.", ("Friday", "DATE", "2021-03-12")),
    ("The crew will have finished the work on Friday.", ("Friday", "DATE", "2021-03-19")),
    # a verb of aim in the present before "to" + verb looks forward; a past one or a generic "you want" does not
    ("The group aims to spend $9 million before the October vote.", ("October", "DATE", "2021-10")),
    ("The group wanted to spend $9 million before the October vote.", ("October", "DATE", "2020-10")),
    # read by lemma: the forms with a single consonant are "hope" ("hopes", "is hoping"), not "hop"
    ("The union is hoping to close a deal before the October vote.", ("October", "DATE", "2021-10")),
    ("The mayor tries to finish the budget before the October vote.", ("October", "DATE", "2021-10")),
    # so do "likely to" / "unlikely to" + verb, the adjective standing outside the verb group
    ("The senator is likely to win the vote Tuesday, aides said.", ("Tuesday", "DATE", "2021-03-23")),
    # a plan seen from a later past: the day gone by
    ("The bid had been due to expire Friday, the bank said.", ("Friday", "DATE", "2021-03-12")),
    # a clock time followed by its day
    ("The offer now runs until 5 p.m. EST, March 26.", ("5 p.m. EST, March 26", "TIME", "2021-03-26T17:00")),
    (
        "Shares slid by mid-afternoon yesterday in Tokyo.",
        ("mid-afternoon yesterday", "TIME", "2021-03-16TAF"),
    ),
    # a day named relative to another
    (
        "The day before last Friday's vote, the envoy left.",
        ("The day before last Friday", "DATE", "2021-03-11"),
    ),
    # fuzzy references
    ("Officials blamed current market conditions for the delay.", ("current", "DATE", "PRESENT_REF")),
    ("The shares were bought back at the then current price.", ("then current", "DATE", "PAST_REF")),
    ("The situation is now calm, the ministry said.", ("now", "DATE", "PRESENT_REF")),
    ("The militia has recently moved its positions.", ("recently", "DATE", "PAST_REF")),
    ("Both sides hope to settle the dispute in the future.", ("the future", "DATE", "FUTURE_REF")),
    ("Prices may fall in the short term, analysts said.", ("the short term", "DATE", "FUTURE_REF")),
    # "in the morning" ending its phrase is a part of the reference day
    ("On Monday the envoy toured the port in the morning.", ("the morning", "TIME", "2021-03-15TMO")),
    ("The envoy toured the port in the afternoon, aides said.", ("the afternoon", "TIME", "2021-03-17TAF")),
    # "at the time" ending its phrase is the past told of; not "at the time of …", "at the time she …"
    ("The harbour master, who was ill at the time, resigned.", ("the time", "DATE", "PAST_REF")),
    # "the day before" with no day after it counts from the reference day
    (
        "On Monday the ferry sank; it had been inspected the day before.",
        ("the day before", "DATE", "2021-03-14"),
    ),
    ("A farmer told me about the drought the other day.", ("the other day", "DATE", "PAST_REF")),
    ("The ferry stopped running a while ago.", ("a while ago", "DATE", "PAST_REF")),
    ("The mayor kept quiet for a while after the flood.", ("a while", "DURATION", "PXX")),
    # one-word modified parts of day, a hyphenated half unit, a left quote typed for the decade's apostrophe
    ("The ferry resumed service in midafternoon.", ("midafternoon", "TIME", "2021-03-17TAF")),
    ("The second ferry left a half-hour later than planned.", ("a half-hour", "DURATION", "PT30M")),
    ("The harbour was busier in the ‘80s.", ("the ‘80s", "DATE", "198")),
    # recurring weekdays and parts of day are sets
    ("The market in the old town is closed on Mondays.", ("Mondays", "SET", "XXXX-WXX-1")),
    ("The old bazaar fills with shoppers on weekends.", ("weekends", "SET", "XXXX-WXX-WE")),
    ("Volunteers patrol the streets Friday nights.", ("Friday nights", "SET", "XXXX-WXX-5TNI")),
    ("The checkpoint opens Saturdays mornings only.", ("Saturdays mornings", "SET", "XXXX-WXX-6TMO")),
    # decades in words, the week a date falls in, "or so" before "ago", counted working days
    ("Trade with the region collapsed in the nineties.", ("the nineties", "DATE", "199")),
    ("The town was rebuilt in the early sixties.", ("the early sixties", "DATE", "196")),
    # with its century said as a word, a decade word needs no "the"
    ("He grew up in the nineteen fifties.", ("the nineteen fifties", "DATE", "195")),
    ("She was born in nineteen-sixties Ohio.", ("nineteen-sixties", "DATE", "196")),
    ("Hearings resume the week of April 12.", ("the week of April 12", "DATE", "2021-W15")),
    ("The envoy visited the camp a month or so ago.", ("a month or so ago", "DATE", "2021-02")),
    ("Rents should stay flat over the next year or so.", ("the next year or so", "DATE", "2022")),
    # a second count after a relative unit makes it a stretch of a few units, no day
    ("Engineers will restore the link over the next day or two.", ("the next day or two", "DURATION", "PXD")),
    ("The rebels have gained ground in the past week or two.", ("the past week or two", "DURATION", "PXW")),
    ("She left the next day or two days later.", ("two days", "DURATION", "P2D")),
    # a period that ended is over: its last day is not a few days ahead; one "ending" may be
    (
        "Net income fell in the fiscal quarter ended March 31, the firm said.",
        ("March 31", "DATE", "2020-03-31"),
    ),
    ("The offer ending March 31 drew few bids.", ("March 31", "DATE", "2021-03-31")),
    ("The exchange halted trading for ten business days.", ("ten business days", "DURATION", "P10D")),
    ("The shares fell for five straight trading days.", ("five straight trading days", "DURATION", "P5D")),
    # a year given as "the year" after a half or a quarter
    (
        "Output should recover in the second half of the year.",
        ("the second half of the year", "DATE", "2021-H2"),
    ),
    (
        "Deliveries slipped to the fourth quarter of the year.",
        ("the fourth quarter of the year", "DATE", "2021-Q4"),
    ),
    # … unless told in the past of a part that had not begun by the document's date
    (
        "The party raised $3 million during the third quarter of the year.",
        ("the third quarter of the year", "DATE", "2020-Q3"),
    ),
    (
        "The party hopes to raise more in the third quarter of the year.",
        ("the third quarter of the year", "DATE", "2021-Q3"),
    ),
    # "latter", "last", "final" before "half/quarter of" a year name its final part, not the one before now
    ("Orders picked up in the latter half of 2019.", ("the latter half of 2019", "DATE", "2019-H2")),
    # two quarters counted from a year's start or end are its half
    (
        "Brokers expect weak demand through the first two quarters of 2022.",
        ("the first two quarters of 2022", "DATE", "2022-H1"),
    ),
    (
        "Margins narrowed over the last two quarters of 2019.",
        ("the last two quarters of 2019", "DATE", "2019-H2"),
    ),
    ("Margins narrowed over the last two quarters.", ("the last two quarters", "DURATION", "P2Q")),
    (
        "The mill ran at a loss in the final quarter of last year.",
        ("the final quarter of last year", "DATE", "2020-Q4"),
    ),
    ("Fares rose in the last half of the game season.", ("the last half", "DATE", "2020-H2"), False),
    # a part of a decade or century is one expression with it, valued as it; a half of anything but a year is
    # no half-year
    (
        "The party held the region through the first half of the 20th century.",
        ("the first half of the 20th century", "DATE", "19"),
    ),
    ("Growth was slow in the first half of the 1990s.", ("the first half of the 1990s", "DATE", "199")),
    (
        "Mines closed through the last quarter of the decade.",
        ("the last quarter of the decade", "DATE", "202"),
    ),
    ("The team collapsed in the second half of the season.", ("the second half", "DATE", "2020-H2"), False),
    (
        "The bank posted a loss for the third quarter of $12 million.",
        ("the third quarter", "DATE", "2020-Q3"),
    ),
    (
        "Output should rise in the fourth quarter of this fiscal year.",
        ("the fourth quarter of this fiscal year", "DATE", "2021-Q4"),
    ),
    # a half or quarter in a sentence about a game is the game's: a time with no value, not one of the year
    (
        "Charles fumbled in the red zone late in the second quarter.",
        ("the second quarter", "DATE", None),
    ),
    ("He sank a free throw with 4:43 left in the first half.", ("the first half", "DATE", None)),
    ("Profit fell 5% in the fourth quarter.", ("the fourth quarter", "DATE", "2020-Q4")),
    # ... and so in a story whose other sentences tell of a game (two game words in its text)
    (
        "The Rams led at halftime after a touchdown. Their defence held firm in the fourth quarter.",
        ("the fourth quarter", "DATE", None),
    ),
    (
        "The Rams led by a touchdown. Their defence held firm in the fourth quarter.",
        ("the fourth quarter", "DATE", "2020-Q4"),
    ),
    (  # "left in", "remaining in" count only in the expression's own sentence
        "Little cash was left in the fund. Staff remaining in Ohio kept their jobs. Others went in the fourth quarter.",
        ("the fourth quarter", "DATE", "2020-Q4"),
    ),
    # "quarter-century" and "a quarter of a century" are 25 years, not a quarter
    ("The quarter-century-old brigade was disbanded.", ("The quarter", "DATE", "2020-Q4"), False),
    ("The truce has held for a quarter of a century.", ("a quarter of a century", "DURATION", "P25Y")),
    ("Sales fell 5% in the quarter, 2 percent below forecasts.", ("the quarter", "DATE", "2020-Q4")),
    ("The mine closed a quarter of a century ago.", ("a quarter of a century ago", "DATE", "1996")),
    # holidays: fixed, n-th weekday, last weekday of the month, Easter
    ("Voters will go to the polls on Election Day.", ("Election Day", "DATE", "2021-11-02")),
    ("The memorial was unveiled on Memorial Day.", ("Memorial Day", "DATE", "2020-05-25")),
    ("The pilgrims arrived on Good Friday.", ("Good Friday", "DATE", "2021-04-02")),
    ("The parade was held on Labor Day.", ("Labor Day", "DATE", "2020-09-07")),
    ("Shoppers crowded the malls on Black Friday.", ("Black Friday", "DATE", "2020-11-27")),
    ("The truce held over Easter 2019.", ("Easter 2019", "DATE", "2019-04-21")),
    # a holiday's weekend: the one before a Monday holiday, the one after a Thursday
    ("The pair married on Memorial Day weekend.", ("Memorial Day weekend", "DATE", "2020-W21-WE")),
    ("Traffic peaked over the Thanksgiving weekend.", ("Thanksgiving weekend", "DATE", "2020-W48-WE")),
    # … and its week, the calendar week holding it
    ("Pilgrims filled the town as Easter week began.", ("Easter week", "DATE", "2021-W13")),
    # "the past" before a count is the start of a duration, not a reference of its own
    ("Riots broke out in each of the past three summers.", ("the past", "DATE", "PAST_REF"), False),
    # "earlier in the year": the document's year, the modifier in the span
    ("Exports slumped earlier in the year, the ministry said.", ("earlier in the year", "DATE", "2021")),
    ("Prices should ease later in the month.", ("later in the month", "DATE", "2021-03")),
    # "a week" after a preposition or a verb is still a duration (not the rate in "six crossings a week")
    ("The rebels agreed to withdraw within a week.", ("a week", "DURATION", "P1W")),
    # a duration led by its own modifier is no rate even after a quantity
    ("The plan will cost $33.6 billion over a decade.", ("over a decade", "DURATION", "P10Y")),
    ("The blockade lasted a month before talks began.", ("a month", "DURATION", "P1M")),
    # "the past year", "the next year" are last and next year (as TempEval-3 writes them); a past month or decade
    # is a stretch of time ending now
    ("Attacks on clinics rose over the past year.", ("the past year", "DATE", "2020")),
    ("The mill will shed 300 jobs over the next year.", ("the next year", "DATE", "2022")),
    ("Attacks on clinics rose over the past decade.", ("the past decade", "DURATION", "P10Y")),
    ("Fuel prices fell over the past month.", ("the past month", "DURATION", "P1M")),
    # … but its possessive dates a noun: that week or month
    ("Aides are preparing for the next week's primaries.", ("the next week", "DATE", "2021-W12")),
    ("The past month's figures were revised.", ("The past month", "DATE", "2021-02")),
    # report abbreviations, a clock time with its zone, a full month name before the sentence's full stop
    ("Margins shrank in Q4, the bank said.", ("Q4", "DATE", "2020-Q4")),
    ("Orders should pick up in Q3 2021.", ("Q3 2021", "DATE", "2021-Q3")),
    ("Sales rose in H2 2020 after the reopening.", ("H2 2020", "DATE", "2020-H2")),
    ("The convoy crossed the bridge at 0600 GMT.", ("0600 GMT", "TIME", "2021-03-17T06:00")),
    ("The blast came at 9:05 a.m. (0605 GMT).", ("0605 GMT", "TIME", "2021-03-17T06:05"), False),
    ("The ceasefire took hold on 10 November.", ("10 November", "DATE", "2020-11-10")),
    # a count given as a range; a year-ago comparison as an adjective leaves out the article
    # a counted range is two durations, as TimeML writes it
    ("Repairs will take two to three weeks, engineers said.", ("two", "DURATION", "P2W")),
    ("Repairs will take two to three weeks, engineers said.", ("three weeks", "DURATION", "P3W")),
    ("He faces 12 to 18 months in prison.", ("12", "DURATION", "P12M")),
    # … unless an article or relative governs both counts: one period of a length not given
    (
        "The chain plans to open stores over the next 12 to 18 months.",
        ("the next 12 to 18 months", "DURATION", "PXM"),
    ),
    ("He spent the past three to four years abroad.", ("the past three to four years", "DURATION", "PXY")),
    ("He spent the past three to four years abroad.", ("the past three", "DURATION", "P3Y"), False),
    # … and "ago" after one counts both back from the document date
    ("She was diagnosed six to eight weeks ago.", ("six", "DATE", "2021-W05")),
    ("She was diagnosed six to eight weeks ago.", ("eight weeks ago", "DATE", "2021-W03")),
    # "or" joins the two counts as "to" does; "later" after the second is its signal, left out of the span
    ("The ceasefire held for six or seven months.", ("six", "DURATION", "P6M")),
    ("The ceasefire held for six or seven months.", ("seven months", "DURATION", "P7M")),
    (
        "Over the past two or three weeks, the envoys met twice.",
        ("the past two or three weeks", "DURATION", "PXW"),
    ),
    ("The militia pulled out, then one or two days later it came back.", ("two days", "DURATION", "P2D")),
    (
        "The militia pulled out, then one or two days later it came back.",
        ("two days later", "DURATION", "P2D"),
        False,
    ),
    ("She was diagnosed three or four months ago.", ("four months ago", "DATE", "2020-11")),
    # "-plus" after a count keeps the count: "four-plus months" is four months and more
    (
        "Talks have dragged on over the past four-plus months.",
        ("the past four-plus months", "DURATION", "P4M"),
    ),
    ("Interns work 35-plus hours at the bureau.", ("35-plus hours", "DURATION", "PT35H")),
    ("A truck drove into crowds celebrating Bastille Day in Nice.", ("Bastille Day", "DATE", "2020-07-14")),
    # "the 2019 fiscal year" is one expression, as "the current fiscal year" and "fiscal 2019" are
    ("Arrests fell in the 2019 fiscal year, the agency said.", ("the 2019 fiscal year", "DATE", "2019")),
    # a copula makes "the year" the year before it, as a comma does ("in 2010, the year the court ruled")
    ("Analysts say 2019 was the year of the electric scooter.", ("the year", "DATE", "2019")),
    ("Perhaps 2023 will be the year the bridge gets fixed.", ("the year", "DATE", "2023")),
    # a hyphenated count right before "period" or "term" is one expression with it, an article before included;
    # with a word between the determiner and the count it stays alone
    ("Profits were inflated over a three-year period.", ("a three-year period", "DURATION", "P3Y")),
    ("The note converts into shares during its one-year term.", ("one-year term", "DURATION", "P1Y")),
    ("The court may waive the extra seven-day period.", ("seven-day", "DURATION", "P7D")),
    # "after hours" is outside business hours, no span; "after hours of talks" is one
    ("The shares fell 4% in after-hours trading.", ("hours", "DURATION", "PTXH"), False),
    ("After hours of talks, the envoys signed.", ("hours", "DURATION", "PTXH")),
    ("Simmer the rice for 20-25 minutes.", ("25 minutes", "DURATION", "PT25M")),
    ("The pipeline took 1,500 days to build.", ("1,500 days", "DURATION", "P1500D")),
    ("The year-ago figures were restated.", ("year-ago", "DATE", "2019-Q4")),
    ("Profit beat the year-earlier fourth quarter.", ("the year-earlier fourth quarter", "DATE", "2019-Q4")),
    # duration adjectives ending in "long"; a bare hour with its part of the day
    ("The decades-long dispute over the valley flared again.", ("decades-long", "DURATION", "PXY")),
    ("The envoy ended a weeklong tour of the region.", ("weeklong", "DURATION", "P1W")),
    ("A three-month-long blockade ended in June.", ("three-month-long", "DURATION", "P3M")),
    ("Sirens sounded at 4 in the morning.", ("4 in the morning", "TIME", "2021-03-17T04:00")),
    ("The curfew starts at 10 o'clock at night.", ("10 o'clock at night", "TIME", "2021-03-17T22:00")),
    # a season counted from inside itself: "last summer" said in summer is the one a year before
    ("Riots shook the capital last spring.", ("last spring", "DATE", "2020-SP")),
    # a modifier before "this morning"
    ("The airport reopened early this morning.", ("early this morning", "TIME", "2021-03-17TMO")),
    ("Coal plants will close by the end of the decade.", ("the end of the decade", "DATE", "202")),
    # a simple present before the expression names a scheduled event; reporting verbs and possessives do not
    ("The trial opens Monday in the capital.", ("Monday", "DATE", "2021-03-22")),
    ("The deadline for the bids is Friday.", ("Friday", "DATE", "2021-03-19")),
    ("Officials say Monday's shelling killed two.", ("Monday", "DATE", "2021-03-15")),
    ("Observers say the vote was fair on Sunday.", ("Sunday", "DATE", "2021-03-14")),
    # the verbs of a quotation before or after the expression are the quote's, not its clause's
    ('The governor wrote, "Our state stands with you" on Friday.', ("Friday", "DATE", "2021-03-12")),
    # typographic apostrophes count as plain ones: a possessive, "’ll"
    ("The clip is from Tuesday night’s debate.", ("Tuesday night", "TIME", "2021-03-16TNI")),
    ("“We’ll be meeting on Friday in St. Louis,” she said.", ("Friday", "DATE", "2021-03-19")),
    ("She went to college in the 1970’s.", ("the 1970’s", "DATE", "197")),
    ("The files were released on New Year’s Eve.", ("New Year’s Eve", "DATE", "2020-12-31")),
    # a past perfect outweighs "until": the day is gone
    ("Until Friday, the police had not named a suspect.", ("Friday", "DATE", "2021-03-12")),
    # the second end of a range comes after the first
    ("The border will stay shut from Monday to Friday.", ("Friday", "DATE", "2021-03-26")),
    ("The strike ran from Monday through Thursday last week.", ("Thursday", "DATE", "2021-03-18"), False),
    ("Winter fuel aid ran from November to February.", ("February", "DATE", "2021-02")),
    # the first end takes the year the second end names, a year earlier when its month comes later
    ("The survey ran from March to May 2019.", ("March", "DATE", "2019-03")),
    ("Between November and February 2019 the mine was shut.", ("November", "DATE", "2018-11")),
    ("Talks ran from June 3 to July 9, 2018, in Oslo.", ("June 3", "DATE", "2018-06-03")),
    ("He met her in March and again on May 5, 2019.", ("March", "DATE", "2021-03")),  # no range: own year
    # a bare day beside a full date is the other end of a range of days, in the same month and year
    ("The forum opens in Vienna on June 13 to 17 next year.", ("17", "DATE", "2021-06-17")),
    ("The exhibition ran on 10-11 November 2019 in Tbilisi.", ("10", "DATE", "2019-11-10")),
    ("Voting took place on February 27-28, observers said.", ("28", "DATE", "2021-02-28")),
    ("Delegations met on February 2 and 3 in Minsk.", ("3", "DATE", "2021-02-03")),
    ("Today's hearing was adjourned until noon.", ("Today", "DATE", "2021-03-17")),
    # "as planned", "as expected" compare with a plan: the other verb gives the tense
    (
        "The offensive began as previously planned Saturday night.",
        ("Saturday night", "TIME", "2021-03-13TNI"),
    ),
    ("The vote will go ahead as planned on Sunday.", ("Sunday", "DATE", "2021-03-21")),
    # "until", "due" a day look forward, unless the verb is a simple past (not the passive "was extended")
    ("The poll was taken Thursday through Monday.", ("Monday", "DATE", "2021-03-15")),
    ("The strike lasted until Friday.", ("Friday", "DATE", "2021-03-12")),
    ("The deadline was extended until Friday.", ("Friday", "DATE", "2021-03-19")),
    # "quarters of" results reported for them is a span of time; "quarters of" people or goods is a share
    ("The chain posted a profit after five quarters of losses.", ("five quarters", "DURATION", "P5Q")),
    ("Nearly three quarters of the members voted yes.", ("three quarters", "DURATION", "P3Q"), False),
    # after a present copula whose subject is now, a counted day of something is the document's day
    ("It's the fourth day of the dockworkers' strike.", ("the fourth day", "DATE", "2021-03-17")),
    ("Today is the 12th day of the blockade, aid groups said.", ("the 12th day", "DATE", "2021-03-17")),
    ("It was the fourth day of the strike.", ("the fourth day", "DATE", "2021-03-17"), False),
    # a verb that puts something off names a time ahead even in the simple past, after "until", "through", "to"
    ("The judge postponed the hearing until Tuesday.", ("Tuesday", "DATE", "2021-03-23")),
    ("The league delayed the final to Saturday.", ("Saturday", "DATE", "2021-03-20")),
    ("Lenders extended the credit line through May.", ("May", "DATE", "2021-05")),
    ("The reports due Sunday night are expected to show a loss.", ("Sunday night", "TIME", "2021-03-21TNI")),
    ("The loan was due Friday, the bank said.", ("Friday", "DATE", "2021-03-12")),
    # "an hour later", "a few days later", "three days later": the span of time ("later" its signal, left out)
    ("Police arrived half an hour later.", ("half an hour", "DURATION", "PT30M")),
    ("A few days later, the talks resumed.", ("A few days", "DURATION", "PXD")),
    # a blank line ends the clause: a headline's verb the parser runs into the next paragraph says nothing of it
    ("Minister Calls Talks ‘Useless’\n\nThe minister on Tuesday said so.", ("Tuesday", "DATE", "2021-03-16")),
    ("“We stay.”\n\nOn Monday, the envoy left the town.", ("Monday", "DATE", "2021-03-15")),
    # "a couple of" counts two
    ("Prices have doubled in a couple of years.", ("a couple of years", "DURATION", "P2Y")),
    ("Talks could resume in the next couple of weeks.", ("the next couple of weeks", "DURATION", "P2W")),
    # "one day" between a modal or "to" and its verb is some future day
    ("The valley could one day be a reservoir.", ("one day", "DATE", "FUTURE_REF")),
    ("She hopes to one day lead the party.", ("one day", "DATE", "FUTURE_REF")),
    # or right after a verb of hope; "one day to go" stays a day
    ("Engineers hope one day to tame the river.", ("one day", "DATE", "FUTURE_REF")),
    ("With one day to go, the race is tight.", ("one day", "DURATION", "P1D")),
    ("The strike was cut to one day.", ("one day", "DURATION", "P1D")),
    # right after a modal whatever the tagger calls the next word, and between a pronoun and a bare verb
    ("Exiles say they would one day return to the island.", ("one day", "DATE", "FUTURE_REF")),
    (
        "His mother voiced the hope he one day follow his uncle into the navy.",
        ("one day", "DATE", "FUTURE_REF"),
    ),
    ("The hearing will last one day.", ("one day", "DURATION", "P1D")),
    # the verb "last" before a count is no span word of the duration
    ("The curfew is expected to last three weeks.", ("three weeks", "DURATION", "P3W")),
    ("Fuel stocks could last about a month.", ("about a month", "DURATION", "P1M")),
    ("Following Monday's vote, the envoy left.", ("Monday", "DATE", "2021-03-15")),
    # a clock time followed by "on" and a day is on that day
    ("The polls close at 8 p.m. on March 31.", ("8 p.m.", "TIME", "2021-03-31T20:00")),
    ("The blast came at 3:40 p.m. on Monday, police said.", ("3:40 p.m.", "TIME", "2021-03-15T15:40")),
    # a clock time alone on its line heads a live report's entry: the document's day, not the last one named
    (
        "The rally was on Friday.\n\n___.\n\n9:05 p.m.\n\nThe senator says she will run.",
        ("9:05 p.m.", "TIME", "2021-03-17T21:05"),
    ),
    # the same time in another zone, in parentheses, may stand between the clock time and its day
    (
        "The blast came at 10:35 a.m. (0735 GMT) Friday, police said.",
        ("10:35 a.m.", "TIME", "2021-03-12T10:35"),
    ),
    ("The ultimatum expires at midnight on Sunday.", ("midnight", "TIME", "2021-03-21T24:00")),
    # a clock time in another zone, in parentheses, is on the same day as the one it restates
    ("Voting opens at 9 a.m. EST (2 p.m. GMT) on March 25.", ("9 a.m. EST", "TIME", "2021-03-25T09:00")),
    ("Voting opens at 9 a.m. EST (2 p.m. GMT) on March 25.", ("2 p.m. GMT", "TIME", "2021-03-25T14:00")),
    # a page's "updated" line: weekday abbreviation before the date, the clock time on that date, US zones
    ("Updated 6:45 PM EDT, Thu March 11, 2021", ("6:45 PM EDT", "TIME", "2021-03-11T18:45")),
    ("Updated 6:45 PM EDT, Thu March 11, 2021", ("Thu March 11, 2021", "DATE", "2021-03-11")),
    ("On Fri., March 12, the index fell.", ("Fri., March 12", "DATE", "2021-03-12")),
    ("Polls close at 8 p.m. PT on Tuesday.", ("8 p.m. PT", "TIME", "2021-03-23T20:00")),
    # centuries written with a hyphen or an ordinal word; an adjective leaves out the article
    ("The 19th-century bridge was washed away.", ("19th-century", "DATE", "18")),
    ("Rail travel changed in the twentieth century.", ("the twentieth century", "DATE", "19")),
    ("The ministry wants a twenty-first-century army.", ("twenty-first-century", "DATE", "20")),
    # a reporting period a year before the one the text speaks of is one expression, not last year
    (
        "Profit rose in the fourth quarter from $2 million in the corresponding period last year.",
        ("the corresponding period last year", "DATE", "2019-Q4"),
    ),
    (
        "Sales in the fourth quarter fell. For the quarter a year ago, the chain reported a profit.",
        ("the quarter a year ago", "DATE", "2019-Q4"),
    ),
    ("Exports for last year's quarter were about $4 million.", ("last year's quarter", "DATE", "2019-Q4")),
    (
        "In January, orders rose 4% from the same period last year.",
        ("the same period last year", "DATE", "2020-01"),
    ),
    # a full date told earlier in the story does not move the deictic words after it: they stay at the
    # document's date, as TempEval-3 train's gold has them (tx28: 95 weekdays, 43 yesterday/today/tomorrow)
    (
        "The plant was bombed on Feb. 3, 2019. Police said Monday they had arrested a suspect.",
        ("Monday", "DATE", "2021-03-15"),
    ),
    (
        "The treaty was signed on June 4, 2020. Officials met again yesterday to discuss it.",
        ("yesterday", "DATE", "2021-03-16"),
    ),
    (
        "The dam burst on Oct. 2, 2019. Last month the inquiry published its report.",
        ("Last month", "DATE", "2021-02"),
    ),
    (
        "The strike began on Jan. 5, 2020. Talks on the pay claim resumed in January.",
        ("January", "DATE", "2021-01"),
    ),
    (
        "The truce was signed on March 2, 2020. This week both sides accused each other of breaking it.",
        ("This week", "DATE", "2021-W11"),
    ),
    # a weekday in the subject of a simple past is the last one, even the day after the document's (tx31); not in a
    # past plan, nor before a noun it dates
    (
        "The jury on Friday convicted the man of arson.",
        ("Friday", "DATE", "2021-03-12"),
        dt.date(2021, 3, 18),
    ),
    ("The vote on Friday was expected to be close.", ("Friday", "DATE", "2021-03-19"), dt.date(2021, 3, 18)),
    # … nor in a passive, whose subject is what was done to (review31b)
    ("The strike on Friday was called off.", ("Friday", "DATE", "2021-03-19"), dt.date(2021, 3, 18)),
    # … nor after a prospect's "for" (review31b)
    ("Plans for a walkout on Friday drew criticism.", ("Friday", "DATE", "2021-03-19"), dt.date(2021, 3, 18)),
    (
        "The nominee for the Nov. 8 election later said he had been joking.",
        ("Nov. 8", "DATE", "2016-11-08"),
        dt.date(2016, 7, 31),
    ),
]


@pytest.mark.parametrize("row", DATED)
def test_resolves_against_document_date(nlp, row: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    """A row is (sentence, expected) or (sentence, unexpected, False) for a reading that must not appear; a date
    at its end is the document's instead of MARCH_2021."""
    sentence, expected, *rest = row
    present = next((r for r in rest if isinstance(r, bool)), True)
    published = next((r for r in rest if isinstance(r, dt.date)), MARCH_2021)
    assert (expected in found(nlp, sentence, published)) == present


# a deadline set by a verb of promising or demanding looks forward even after a simple past, as does one after a
# hedge ("until at least"); a deadline met ("cleared the road by Tuesday") or a past perfect stays behind
DEADLINES = [
    (
        "Villagers were told to keep away from the dam until at least Saturday.",
        dt.date(2021, 3, 18),
        "Saturday",
        "2021-03-20",
    ),
    ("The strike lasted until at least Tuesday.", dt.date(2021, 3, 18), "Tuesday", "2021-03-16"),
    (
        "The two governments committed to a border accord by the end of October.",
        dt.date(2021, 9, 15),
        "the end of October",
        "2021-10",
    ),
    ("The unions demanded a pay deal by October.", dt.date(2021, 9, 15), "October", "2021-10"),
    (
        "The envoys stopped short of committing to a ceasefire by Friday.",
        dt.date(2021, 3, 18),
        "Friday",
        "2021-03-19",
    ),
    ("The crews cleared the road by Tuesday.", dt.date(2021, 3, 18), "Tuesday", "2021-03-16"),
    # an infinitive after the past of an implicative ("was able to", "managed to") happened then
    ("The crews were able to reopen the road by Tuesday.", dt.date(2021, 3, 18), "Tuesday", "2021-03-16"),
    ("The crews managed to reopen the road by Tuesday.", dt.date(2021, 3, 18), "Tuesday", "2021-03-16"),
    ("The crews promised to reopen the road by Tuesday.", dt.date(2021, 3, 18), "Tuesday", "2021-03-23"),
    ("The firm had promised a refund by Tuesday.", dt.date(2021, 3, 18), "Tuesday", "2021-03-16"),
]


@pytest.mark.parametrize("text, published, expression, value", DEADLINES)
def test_deadline_set_in_the_past_looks_forward(
    nlp, text: str, published: dt.date, expression: str, value: str
) -> None:  # type: ignore[no-untyped-def]
    assert (expression, "DATE", value) in found(nlp, text, published)


# a weekday whose possessive names a scheduled vote, in a clause of unknown tense, is the nearer one: in a Saturday
# paper the coming Tuesday; a past verb (before it or with it as subject) keeps the last one, as does a nearer past
SCHEDULED_WEEKDAY = [
    (
        "The mayor, who badly needs a win in Tuesday's primary, toured the docks.",
        dt.date(2021, 3, 20),
        "2021-03-23",
    ),
    (
        "The mayor is counting on Tuesday's primary to settle the question.",
        dt.date(2021, 3, 20),
        "2021-03-23",
    ),
    ("The mayor won Tuesday's primary.", dt.date(2021, 3, 20), "2021-03-16"),
    ("While the party is regrouping, Tuesday's primary was a warning.", dt.date(2021, 3, 20), "2021-03-16"),
    ("The mayor badly needs a win in Tuesday's primary.", dt.date(2021, 3, 18), "2021-03-16"),
    ("Police are investigating Tuesday's shooting.", dt.date(2021, 3, 20), "2021-03-16"),
    # a meeting or a debate is scheduled as a vote is (tx31)
    ("Aides planning for Tuesday's meeting say donors will attend.", dt.date(2021, 3, 20), "2021-03-23"),
    ("The governor barely qualified for Tuesday's debate.", dt.date(2021, 3, 20), "2021-03-23"),
]


@pytest.mark.parametrize("text, published, value", SCHEDULED_WEEKDAY)
def test_weekday_of_a_scheduled_vote_is_the_nearer_one(
    nlp, text: str, published: dt.date, value: str
) -> None:  # type: ignore[no-untyped-def]
    assert ("Tuesday", "DATE", value) in found(nlp, text, published)


# in the month after a scheduled event its month names the one just held, unless the sentence looks ahead
LAST_MONTH_EVENT = [
    ("Democrats are still reeling from the November election.", "2021-11"),
    ("Democrats will regroup before the November election.", "2022-11"),
]


@pytest.mark.parametrize("text, value", LAST_MONTH_EVENT)
def test_scheduled_event_of_last_month(nlp, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert ("November", "DATE", value) in found(nlp, text, dt.date(2021, 12, 10))


# in an even year, Election Day is that year's (US federal elections), not the off-year vote of the year before
EVEN_YEAR_ELECTION = [
    ("As Election Day nears, the number of real independents shrinks.", "2016-11-08"),
    ("Working backward from Election Day, the campaign sets its goals.", "2016-11-08"),
    ("Voters in Kentucky turned out on Election Day.", "2014-11-04", dt.date(2015, 2, 18)),
]


# a month a finite past verb right around it dates is the last one, even 10 or 11 months back; not a month before
# a noun ("the March states") nor one in the subject of a verb still to come
PAST_VERB_MONTH = [
    ("Carter took office in February.", dt.date(2015, 12, 16), "2015-02"),
    ("He announced his candidacy in March at a college in Virginia.", dt.date(2016, 1, 12), "2015-03"),
    ("Aides detailed the operation in the March states and beyond.", dt.date(2016, 1, 31), "2016-03"),
    ("Clinton said the gathering in September would be the last.", dt.date(2016, 8, 22), "2016-09"),
    # a phrase that opens the sentence is dated by the clause after its comma (tx31)
    ("In October, the senator, then a candidate, proposed a no-fly zone.", dt.date(2016, 9, 6), "2015-10"),
    ("In October, the senator will propose a no-fly zone.", dt.date(2016, 9, 6), "2016-10"),
    # … not by a verb of a relative clause or of a reporting insertion (review31b)
    ("In October, voters who were undecided will pick a mayor.", dt.date(2016, 9, 6), "2016-10"),
    (
        "In October, the firm, which announced the plan on Monday, will open a plant.",
        dt.date(2016, 9, 6),
        "2016-10",
    ),
    ("In October, analysts said, the firm will open a plant.", dt.date(2016, 9, 6), "2016-10"),
    # … and a month joined to the next one is in the phrase too (review31b)
    ("In March and April, the firm cut 200 jobs.", dt.date(2016, 2, 6), "2015-03"),
    # in the subject of a simple past, by that past (tx31); a future says nothing of it
    ("A grand jury in December charged the former manager with fraud.", dt.date(2013, 8, 24), "2012-12"),
    ("A grand jury in December will hear the case.", dt.date(2013, 8, 24), "2013-12"),
    ("A march in December was announced by the union.", dt.date(2013, 8, 24), "2013-12"),
]


@pytest.mark.parametrize("text, published, value", PAST_VERB_MONTH)
def test_month_dated_by_a_past_verb_is_the_last_one(nlp, text: str, published: dt.date, value: str) -> None:  # type: ignore[no-untyped-def]
    assert value in {t.value for t in timexes(nlp, text, published)}


# "that November" is the month of the reference year, as "that spring" is; a "that" opening a clause is no part
# of the month
THAT_MONTH = [
    ("In 1972 McGovern won the nomination. He lost to Nixon that November.", ("that November", "1972-11")),
    ("The plant opened in 2009. That March, workers went on strike.", ("That March", "2009-03")),
    ("The plant opened in 2009. He said that March sales fell.", ("March", "2016-03")),
]


@pytest.mark.parametrize("text, expected", THAT_MONTH)
def test_that_month_is_of_the_reference_year(nlp, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in {(t.text, t.value) for t in timexes(nlp, text, dt.date(2016, 6, 23))}


# "May" alone is a month after a cue or as what a sentence ends on after "was" (in an August paper)
LONE_MAY = [
    "That was May. Now the race has changed.",
    "Prior to May, the campaign spent little.",
]


@pytest.mark.parametrize("text", LONE_MAY)
def test_lone_may_is_the_month(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("May", "DATE", "2016-05") in found(nlp, text, dt.date(2016, 8, 17))


# a bare November in a sentence about voting is the even year's election, however far ahead; a past verb keeps
# the one gone by, and a sentence about something else keeps the tense's reading
ELECTION_NOVEMBER = [
    ("Not only can Cruz win in November, he is the one with the best chance.", "2016-11"),
    ("Voters will choose a new president in November.", "2016-11"),
    ("Polls show she would lose in November.", "2016-11"),
    ("He lost the general election in November.", "2015-11"),
    ("The senator underwent knee surgery in November.", "2015-11"),
    ("The group endorsed the senator in November.", "2015-11", dt.date(2015, 12, 2)),
]


@pytest.mark.parametrize("row", ELECTION_NOVEMBER)
def test_november_of_an_election_year_is_its_vote(nlp, row: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    text, value, *published = row
    assert ("November", "DATE", value) in found(
        nlp, text, published[0] if published else dt.date(2016, 1, 19)
    )


@pytest.mark.parametrize("row", EVEN_YEAR_ELECTION)
def test_election_day_in_an_even_year_is_its_own(nlp, row: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    text, value, *published = row
    assert ("Election Day", "DATE", value) in found(
        nlp, text, published[0] if published else dt.date(2016, 2, 18)
    )


# a bare season told in the past is the last one begun by the document date, however far back it began
PAST_SEASONS = [
    ("Volunteers worked the state throughout the spring.", ("the spring", "2020-SP")),
    ("Volunteers have been working the state since the spring.", ("the spring", "2020-SP")),
    ("Volunteers will work the state in the spring.", ("the spring", "2021-SP")),
    # the second of two coordinated seasons is a time as the first one is; a verb "fall" pairs with nothing
    ("Volunteers worked the state throughout the spring and summer.", ("summer", "2020-SU")),
    ("Her lead held for much of the fall and winter.", ("winter", "2020-WI")),
]


@pytest.mark.parametrize("text, expected", PAST_SEASONS)
def test_past_bare_season_is_the_last_one(nlp, text: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in {(t.text, t.value) for t in timexes(nlp, text, dt.date(2021, 1, 12))}


REFERENCE = [
    # "later"/"earlier" count from the last date the text gave, not from the document date
    (
        "The plant opened in May 2009, and output peaked in October of that year.",
        ("October of that year", "2009-10"),
    ),
    # "the previous December", "the following March": the month before or after the reference time
    (
        "Boric took office in March 2022 after winning a runoff the previous December.",
        ("the previous December", "2021-12"),
    ),
    ("He was arrested in May 2019 and released the following March.", ("the following March", "2020-03")),
    # a day without a year in the weeks after a dated event of another year continues that story
    (
        "The boiler was fitted on December 16, 2010. She came back on December 27 and fell ill two days later.",
        ("December 27", "2010-12-27"),
    ),
    (
        "The boiler was fitted on December 16, 2010. She came back on December 27 and fell ill two days later.",
        ("two days", "P2D"),
    ),
    # … but not a day long after it: that one is read from the document date
    (
        "The statement was signed on November 9, 2020. On March 1, the ministers met again.",
        ("March 1", "2021-03-01"),
    ),
    (
        "The war began on September 27, 2020. Two months later a truce was signed.",
        ("Two months later", "2020-11"),
    ),
    (
        "The talks opened on 3 February 2021. The next day the delegations left.",
        ("The next day", "2021-02-04"),
    ),
    ("Elections were held in 2018. A year earlier the constitution had changed.", ("A year earlier", "2017")),
    ("The envoy arrived on 2 March 2021. That day the shelling stopped.", ("That day", "2021-03-02")),
    ("The war began in 2019. The following year the border closed.", ("The following year", "2020")),
    # so does "the next month" told in the past
    ("He was arrested in May 2019 and convicted the next month.", ("the next month", "2019-06")),
    ("The tax took effect in 2008, and voters fought it the next year.", ("the next year", "2009")),
    ("The envoy arrived on 2 March 2021 and left that same day.", ("that same day", "2021-03-02")),
    # a clock time in a past-tense sentence is not on a day still ahead that the text named before it
    ("The town will vote on Monday. Volunteers set out just after 2 p.m.", ("2 p.m.", "2021-03-17T14:00")),
    # "that day" after a month only: a day of that month, which one the text does not say
    (
        "The mayor was shot last October. His name was struck out that same day.",
        ("that same day", "2020-10-XX"),
    ),
    ("Talks resumed in January. In a call later that day, he agreed.", ("later that day", "2021-01-XX")),
    # so is "the day before" or "the next day" after a month: a day of it, not one next to the document's
    ("The envoy came in July 2019. The day before, the border had closed.", ("The day before", "2019-07-XX")),
    ("The rally was held in September 2019. He apologized the next day.", ("the next day", "2019-09-XX")),
    (
        "The court met on 2 March 2021. The next morning the verdict came.",
        ("The next morning", "2021-03-03TMO"),
    ),
    (
        "Stocks closed lower on 12 March 2021, down 2% from the previous Friday.",
        ("the previous Friday", "2021-03-05"),
    ),
    (
        "The blast came on 5 March 2021. That evening the army sealed the town.",
        ("That evening", "2021-03-05TEV"),
    ),
    ("He was detained in June 2019 and freed the same month.", ("the same month", "2019-06")),
    # "a year ago" counted from the document date is no new reference: "a year earlier" is the same year
    (
        "Net fell to $5 million from $4 million a year ago. Sales rose to $9 million from $8 million a year earlier.",
        ("a year earlier", "2020"),
    ),
    ("Year-earlier net was $4 million. Costs were lower than a year ago.", ("a year ago", "2020")),
    # "a year ago" after a report's quarter is that quarter a year before; after a season, a year before the DCT
    ("Net rose in the third quarter from $2 million a year ago.", ("a year ago", "2019-Q3")),
    ("Net rose in the third quarter. Output has doubled from a decade ago.", ("a decade ago", "2011")),
    (
        "The shares began trading this summer. It has 13 plants, up from seven a year ago.",
        ("a year ago", "2020"),
    ),
    # "this winter" in March is the one begun last December (a winter is named by its December)
    ("The floods came this winter. A year earlier, the dam had burst.", ("this winter", "2020-WI")),
    ("The floods came this winter. A year earlier, the dam had burst.", ("A year earlier", "2019-WI")),
    # after a report's months of the year so far, a year earlier is last year, not the quarter spoken of before
    (
        "Net rose in the fourth quarter. For the nine months, net was $9 million, up from $7 million a year earlier.",
        ("a year earlier", "2019"),
    ),
    (
        "Net rose in the fourth quarter. In the first nine months, net was $9 million.",
        ("the first nine months", "P9M"),
    ),
    (
        "Net rose in the fourth quarter. For the six months, it earned $8 million against year-earlier net.",
        ("year-earlier", "2019"),
    ),
    (
        "Net rose in the fourth quarter. In the first nine months, net was $9 million, vs. $2 million in "
        "the 2019 period.",
        ("the 2019 period", "2019"),
    ),
    # "the year" right after a year and a comma names that year again (an apposition)
    ("Spending rose in 2010, the year the court ruled.", ("the year", "2010")),
    ("The deal closed in 2019, the year he retired, and fell apart the year after.", ("the year", "2019")),
    # a month counted from a year is not knowable: the span of time the text gives, not January + 2
    ("The war began in 2019. Two months later a truce was signed.", ("Two months", "P2M")),
    # "later" with no earlier time to count from is a span of time, not a date after the document's
    ("In the 1990s he moved abroad. A year later he married.", ("A year", "P1Y")),
    # … and so is a count forward that would pass the document's date in a sentence not about the future
    ("The dam was finished in 2019. Three years later, it still leaks.", ("Three years", "P3Y")),
    ("The dam was finished in 2012. Three years later, it leaked.", ("Three years later", "2015")),
    (
        "The dam will be finished in 2022. Three years later, it will be paid off.",
        ("Three years later", "2025"),
    ),
    # "that month" after a year is a month of that year the text does not name, not its January
    ("The mill closed in 2012. That month the union was dissolved.", ("That month", "2012-XX")),
    # "that spring" is the reference year's season, as "that year" is the reference year
    ("The relationship soured during the 2012 race. A truce followed that fall.", ("that fall", "2012-FA")),
    ("The pact was signed this summer, in the same week the floods hit.", ("the same week", "2021-WXX")),
    # "1990's" before a word is the year's possessive, after "the" or "a" a decade
    ("Their debut, 1990's Harbor Lights, sold well; a year later the band split.", ("a year later", "1991")),
    ("Prices fell in the 1990's.", ("the 1990's", "199")),
    ("It was a 1990's hit.", ("1990's", "199")),
]


@pytest.mark.parametrize("text, expected", REFERENCE)
def test_later_counts_from_the_reference_time(nlp, text: str, expected: tuple[str, str | None]) -> None:  # type: ignore[no-untyped-def]
    values = {(t.text, t.value) for t in timexes(nlp, text, MARCH_2021)}
    assert expected in values


# a count of days or weeks after "later"/"earlier" is a DURATION (as TimeML writes it) whose point is the
# calendar time it lands on, counted from the reference (or from the document date when the text gave none)
COUNTED_SPANS = [
    (
        "The boiler was fitted on December 16, 2010. She came back on December 27 and fell ill two days later.",
        ("two days", "DURATION", "P2D", "2010-12-29", "ref"),
    ),
    (
        "The talks opened on 3 February 2021. A day earlier, troops withdrew.",
        ("A day", "DURATION", "P1D", "2021-02-02", "ref"),
    ),
    (
        "The talks opened on 3 February 2021. Two weeks later they collapsed.",
        ("Two weeks", "DURATION", "P2W", "2021-W07", "ref"),
    ),
    ("Three days later, the talks collapsed.", ("Three days", "DURATION", "P3D", "2021-03-20", "dct")),
    # months and years counted back stay dates, as TimeML writes "a year earlier"
    (
        "Elections were held in 2018. A year earlier the constitution had changed.",
        ("A year earlier", "DATE", "2017", None, "ref"),
    ),
    ("The bridge was destroyed three days ago.", ("three days ago", "DATE", "2021-03-14", None, "dct")),
]


@pytest.mark.parametrize("text, expected", COUNTED_SPANS)
def test_counted_span_keeps_its_point(
    nlp, text: str, expected: tuple[str, str, str, str | None, str]
) -> None:  # type: ignore[no-untyped-def]
    assert expected in {(t.text, t.type, t.value, t.point, t.anchor) for t in timexes(nlp, text, MARCH_2021)}


def test_counted_span_without_any_date_has_no_point(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("Three days", "P3D", None) in {
        (t.text, t.value, t.point) for t in timexes(nlp, "Three days later, they left.", None)
    }


UNDATED = [
    # what the words fix is kept, TIMEX3's way; the year or week they leave open is never guessed
    ("The foreign ministers met in Geneva on Sunday.", ("Sunday", "XXXX-WXX-7")),
    ("The ministers met again on Tuesday night.", ("Tuesday night", "XXXX-WXX-2TNI")),
    ("The convoy crossed the border on November 10.", ("November 10", "XXXX-11-10")),
    ("The leaders signed a pact on Jan. 11 in Moscow.", ("Jan. 11", "XXXX-01-11")),
    ("Turnout was high in June, officials said.", ("June", "XXXX-06")),
    ("The talks stalled last year amid new fighting.", ("last year", None)),
    ("The harvest failed in June last year.", ("June last year", None)),
    # a range's named year reaches its yearless first end
    ("The talks ran from March to May 2019.", ("March", "2019-03")),
    ("Prices rose from November to February 2019.", ("November", "2018-11")),
    ("The bridge was destroyed three years ago.", ("three years ago", None)),
    ("Prices rose last month for the first time.", ("last month", None)),
    # absolute dates and durations need no document date
    ("The ceasefire was signed on November 10, 2020 in Moscow.", ("November 10, 2020", "2020-11-10")),
    ("The fighting lasted 44 days.", ("44 days", "P44D")),
    ("The siege lasted two and a half years.", ("two and a half years", "P2Y6M")),
    ("The crossing took seven-and-a-half hours.", ("seven-and-a-half hours", "PT7H30M")),
    ("Thousands fled the region in the 1990s.", ("the 1990s", "199")),
    (
        "The war began on September 27, 2020. Two months later a truce was signed.",
        ("Two months later", "2020-11"),
    ),
]


@pytest.mark.parametrize("text, expected", UNDATED)
def test_without_document_date_relative_values_stay_open(
    nlp, text: str, expected: tuple[str, str | None]
) -> None:  # type: ignore[no-untyped-def]
    assert expected in {(t.text, t.value) for t in timexes(nlp, text, None)}


NOT_TIME = [
    "Theresa May said the talks may resume.",
    # "the moment" and "formerly" are left out, as TempEval-3 train leaves them
    "There are no shipments at the moment, the ministry said.",
    "The fund is led by Ann Reyes, formerly the bank's treasurer.",
    # "after hours" is outside business hours; a lower-case "election day" may be any country's (no US date)
    "The shares fell sharply in after-hours trading.",
    "Voters in Nairobi queued patiently on election day.",
    "The winner was May Ellis, a nurse.",
    # a protest walk with a name is no month
    "She marched in the annual March for Life on Capitol Hill.",
    "Pellegrini is a vice president at the March of Dimes.",
    # a quarter paired with another fraction, or followed by its share in figures, is a share
    "Turnout in the valley fell by between a quarter and a third.",
    "The steward guessed that one-quarter to one-third of the members agreed.",
    "Just under a quarter, 24 percent, said they were undecided.",
    "The charity reached a quarter-of-a-million homes.",
    "Prices could fall further, analysts warned.",
    "The 47-year-old commander was detained.",
    "He paid $2021 for the ticket and 1,998 people came.",
    "The soldiers will march to the capital.",
    "Every once in a while the old ferry breaks down.",
    "Ratings rose sharply in the evening news programs.",
    "The harbour was closed at the time of the storm.",
    "The harbour was closed at the time she arrived.",
    "The harbour was closed the day before the storm.",
    "The country ran a current account deficit of 4%.",
    "Nineteen soldiers and two thousand civilians were evacuated.",
    # a unit after a quantity is a rate
    "The pipeline carries 40,000 barrels a day to the port.",
    "The ferry makes six crossings a week.",
    "The deal saves the utility $300 million a year.",
    # so is a frequency word after a quantity
    "Sales should rise 8.5% annually, the company said.",
    "The plant would produce about 10,000 units annually.",
    "Health officials tracked the spread of H1N1 in the region.",
    "The H5 and Q7 models were recalled.",
    "More than three-quarters of the money came from small donors.",
    # a quarter of something is a share of it
    "About a quarter of the island's voters stayed home.",
    "The quarter of households that rent saw the sharpest rise.",
    "Rates rose by a quarter of a point.",
    # "soon" in a past clause or as a connective
    "The crowd soon dispersed.",
    "It is too soon to judge the plan.",
    "Soon after the vote, the crowd left.",
    # "fall" as a decline or a collapse
    "Trade boomed after the fall of the old regime.",
    "Prices fall and winter comes early.",
    "The senator is in his fifties.",
    "The fall in copper prices hit the mines.",
    # "some"/"many" quarters after "in"/"from" are groups of people
    "The plan drew criticism from many quarters.",
    "But the backlash has been fierce in some quarters.",
    # a time word inside a longer name is part of the name
    "He gave an interview to the New York Daily News.",
    "Athletes arrived in Rio for the Summer Olympics.",
    "The Sunday Times published the letter.",
    # a programme's name in quotes: a capitalized time word quoted alone, or ending a name of three words
    "The senator told NBC's “Today” that he had no regrets.",
    "She repeated the answer on ''Fox News Sunday.''",
    "The host of “Last Week Tonight” lost his temper.",
    # a frequency word used as a noun or capitalized after a name is a newspaper
    "The story ran in a free daily.",
    "She is a contributing writer at Washington Monthly.",
    # a chapter and verse, a point in a recording: no time of day
    "The pastor read Exodus 18:21 to the crowd.",
    "The quote is from a letter (Ephesians 5:11) he cited.",
    "The exchange starts at the 15:20 mark of the video.",
    # a day in digits that ends a proper name is the name's word
    "The film trailed only Michael Moore's Fahrenheit 9/11 at the box office.",
    # a sentence-opening "Now," is a discourse marker
    "Now, the villagers say, the road is open again.",
    # "today's" before a noun of the present age in general
    "The war shaped today's youth more than any election.",
    "For the striking miners it was high noon at the pithead.",
    "Gusts reached 90 kilometres per hour along the coast.",
    "In today's world, no border is closed for long.",
    # "the fall" as the subject or object of a verb is someone falling
    "The fall broke both of the climber's legs.",
    "Two skiers saw the fall from the chairlift.",
    # a year-like number before a street's name is a house number
    "Protesters marched toward 1700 Harbor Street.",
    "The family lives inside 1850 Elm Ave., police said.",
    # a year before a vehicle maker and a model's name or a vehicle noun is the model year
    "Brandt's 1994 Buick Regal was found at the airport.",
    "Police stopped a blue 2012 Honda Accord on the bridge.",
    "A 2004 Ford pickup was seen near the farm.",
    # bare "minutes" with no time to count from: a span apart, a meeting's notes
    "The two blasts went off only minutes apart.",
    "The board approved the minutes before the vote.",
    # "not (that) long ago" is left unmarked, as TempEval-3 train leaves it
    "Not that long ago, the valley was quiet.",
    "She made a New Year's resolution to run.",
]

# a number after a date that counts something is not the other end of a range
COUNTED_AFTER_DATE = [
    ("On February 3 and 4 soldiers were wounded.", ("February 3", "DATE", "2021-02-03")),
    ("Fighting on February 3 to 5 villages spread.", ("February 3", "DATE", "2021-02-03")),
    # a number closing a paragraph is not the day of a month opening the next
    ("The cable is called Route 4\nAugust 2020 was a quiet month.", ("August 2020", "DATE", "2020-08")),
    # a clock time restated in another zone is no year ("1800 GMT")
    ("Polls closed at 9 p.m. (1800 GMT).", ("9 p.m.", "TIME", "2021-03-17T21:00")),
]


@pytest.mark.parametrize("text, only", COUNTED_AFTER_DATE)
def test_number_counting_a_noun_is_not_a_day(nlp, text: str, only: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert found(nlp, text, MARCH_2021) == [only]


@pytest.mark.parametrize("text", NOT_TIME)
def test_ignores_words_that_only_look_like_time(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert found(nlp, text, MARCH_2021) == []


RESOLVE = [
    ("on Sunday", MARCH_2021, None, False, "2021-03-14"),
    ("on Sunday", MARCH_2021, None, True, "2021-03-21"),
    ("two months later", MARCH_2021, dt.date(2020, 9, 27), False, "2020-11"),
    ("this past July", dt.date(2021, 3, 1), None, False, "2020-07"),
    ("last year", dt.date(2021, 3, 1), None, False, "2020"),
    ("the four months", MARCH_2021, None, False, "P4M"),
    ("on Sunday", None, None, False, "XXXX-WXX-7"),
    ("last week", None, None, False, None),
]


@pytest.mark.parametrize("text, anchor, ref, future, value", RESOLVE)
def test_resolve_api(
    text: str, anchor: dt.date | None, ref: dt.date | None, future: bool, value: str | None
) -> None:
    resolved = resolve(text, anchor, ref=ref, future=future)
    assert resolved is not None and resolved.value == value


def test_published_lower_bound_is_latest_absolute_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The war began on September 27, 2020 and ended on 10 November 2020. Talks resumed on Sunday."
    assert published_lower_bound(timexes(nlp, text, None)) == "2020-11-10"
    assert published_lower_bound(timexes(nlp, "Talks resumed last year.", None)) is None


def test_published_lower_bound_leaves_out_future_dates(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The treaty was signed on 4 May 2019. A referendum will be held on 12 June 2022."
    document = Document(id="d", source="test", text=text, language="en", published=None)
    parsed = Parsed(document, nlp(text), nlp)
    assert published_lower_bound(extract(parsed), parsed) == "2019-05-04"
    assert published_lower_bound(extract(parsed)) == "2022-06-12"  # without the parse: every stated day


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 500_000,
        "May " * 250_000,
        "9" * 1_000_000,
        "Monday " * 150_000,
        "the past " * 120_000,
        "1-" * 500_000,
        "nineteen " * 110_000,
        "current " * 125_000,
    ],
    ids=["ones", "mays", "digits", "mondays", "the-past", "dashes", "nineteens", "currents"],
)
def test_scanning_is_linear_on_adversarial_text(text: str) -> None:
    started = time.process_time()  # CPU time: other processes on a shared machine do not count
    candidates(text)
    assert time.process_time() - started < LINEAR_BUDGET_S


def test_tempeval_sample_scores_when_data_present(nlp) -> None:  # type: ignore[no-untyped-def]
    data = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3" / "train" / "TimeBank"
    if not data.is_dir():
        pytest.skip("../shared/data/tempeval3 is not available")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    from timex import read_tml  # eval/timex.py

    gold = read_tml(sorted(data.glob("*.tml"))[0])
    ours = timexes(nlp, gold.text, gold.dct)
    spans = {(t.start, t.end) for t in ours}
    assert sum((g.start, g.end) in spans for g in gold.timexes) >= len(gold.timexes) // 2
