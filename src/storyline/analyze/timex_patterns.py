"""Finding time expressions in running text: per-language word tables and the patterns built from them.

The tables are the only language-specific part of time-expression analysis; ``timex_resolve`` works on the
named groups these patterns capture ("month", "day", "rel", "unit"…), so adding a language means adding a
``Lexicon`` (and, where its word order differs, rule templates), not new resolution code.

Every pattern is anchored on a word of the table or on a bounded digit run and has no nested unbounded
quantifiers, so scanning stays linear in the text length (a 1 MB adversarial string is part of the tests).
Span conventions follow TempEval-3 (TimeML): determiners and modifiers belong to the expression ("the third
quarter", "nearly two months", "early next year"), prepositions do not ("on Sunday" → "Sunday").
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lexicon:
    """The words one language uses for time, each mapped to what ``timex_resolve`` needs to know."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]  # Monday = 0, as datetime.date.weekday()
    seasons: Mapping[str, str]  # TIMEX3 season codes SP, SU, FA, WI
    units: Mapping[str, str]  # singular and plural forms → Y, M, W, D, H, MIN, S, Q, DE, CE, WE
    numbers: Mapping[str, int]  # cardinal words ("a" counts as one)
    tens: Mapping[str, int]
    vague_numbers: tuple[str, ...]  # "several", "a few": a count the text does not give (TIMEX3 "X")
    ordinals: Mapping[str, int]
    parts_of_day: Mapping[str, str]  # TIMEX3 codes MO, AF, EV, NI
    day_words: Mapping[str, int]  # "today" 0, "yesterday" -1, "tomorrow" +1
    relatives: Mapping[str, int]  # "last" -1, "this" 0, "next" +1
    modifiers: Mapping[str, str]  # words before a date → TIMEX3 mod (START, MID, END)
    approx: Mapping[str, str]  # words before a duration → TIMEX3 mod (APPROX, MORE_THAN, LESS_THAN…)
    ago: Mapping[str, str]  # "ago" → "dct-" (counted back from the document date), "later" → "ref+"
    refs: Mapping[str, str]  # whole phrases with a TIMEX3 reference value ("now" → PRESENT_REF)
    frequencies: Mapping[str, str]  # single words that are a SET ("daily" → P1D)
    set_words: tuple[str, ...]  # "every", "each": a SET when followed by a unit
    fiscal: tuple[str, ...] = ()
    # words right before a month or season name that is also a common word ("May", "fall"): only after one of
    # them is it read as time ("in May", "since fall"), never "Theresa May said" or "prices fall"
    ambiguous_cues: tuple[str, ...] = ()
    ambiguous_months: tuple[str, ...] = ()
    # verbs after which such a month ending its sentence is the time: "That was May." ("The winner was May
    # Ellis." is a name)
    ambiguous_predicates: tuple[str, ...] = ()
    ref_relatives: tuple[str, ...] = ()  # relatives counted from the reference time: "the following year"
    times: tuple[str, ...] = ()  # "once", "twice": a frequency before "a week" (a SET)
    extra_words: tuple[str, ...] = ()  # between a count and its unit without changing it: "two more weeks"
    # named days: (month, day) for fixed dates, (month, -weekday-1, n) for "the n-th weekday of the month"
    holidays: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    quadrennial_days: tuple[str, ...] = ()  # holidays held only in years divisible by four
    # holidays held every year but meaning the even years' in an even year: US federal elections are held in even
    # years, so "as Election Day nears" in February 2016 is November 8, 2016, not the off-year vote of 2015
    even_year_days: tuple[str, ...] = ()
    # after a holiday, the week it falls in or the weekend nearest it: "Easter week", "Memorial Day weekend"
    holiday_spans: Mapping[str, str] = field(default_factory=dict)
    # holidays named only before one of those spans: "over New Year's weekend", not "a New Year's resolution"
    span_only_holidays: tuple[str, ...] = ()
    # words between two decades: the second may be given by its tens alone, in the first one's century ("the
    # 1960s and 70s", "the 1970s and '80s")
    decade_links: tuple[str, ...] = ()
    # days written as the name of what happened on them, with their one date: "9/11" is 2001-09-11
    named_days: Mapping[str, str] = field(default_factory=dict)
    noon_words: Mapping[str, str] = field(default_factory=dict)  # "noon" → "12:00"
    # words that make an idiom of the noon word after them, no clock time: "high noon" (a showdown)
    noon_idioms: tuple[str, ...] = ()
    am_pm: Mapping[str, str] = field(default_factory=dict)  # "a.m." → "am"
    # verbs after "the year" that make it a span of 12 months, not a calendar year ("the year ended March 31")
    period_ends: tuple[str, ...] = ()
    latest: tuple[str, ...] = ()  # "the latest quarter", "the most recent period": the last one completed
    period_words: tuple[str, ...] = ()  # "the latest period": a company's reporting period (a quarter)
    # words before "the N months" that make it a report's year to date ("the first nine months"), as "the nine
    # months" alone is: "a year earlier" after it is the year before, not the quarter a report spoke of before
    to_date: tuple[str, ...] = ()
    # adjectives that are a present reference on their own ("current conditions"), unless a listed noun
    # follows ("current account" is a balance, not a time)
    present_adjectives: tuple[str, ...] = ()
    present_exceptions: tuple[str, ...] = ()
    then_present: tuple[str, ...] = ()  # "the then current price": a present seen from the past (PAST_REF)
    # years written as words: "nineteen ninety-six" (century word + tens), "the year two thousand"
    century_words: Mapping[str, int] = field(default_factory=dict)
    millennium_words: Mapping[str, int] = field(default_factory=dict)
    the_year: str = ""  # the phrase that makes a millennium word a year ("the year two thousand")
    # relatives before a part of day, counted from the reference day: "the next morning", "the previous night"
    pod_relatives: tuple[str, ...] = ()
    # "in the morning" is the reference day's, when the phrase ends there (punctuation or one of the
    # ``phrase_end_words`` after it, which serve "the day before" and "at the time" too): not "in the morning
    # shows", "in the evening session", "in the morning of March 3"
    in_pod: str = ""
    phrase_end_words: tuple[str, ...] = ()
    # "at the time", ending its phrase the same way, is the past time told of (PAST_REF; span without "at"): not
    # "at the time of the vote", "at the time he left"
    at_the_time: str = ""
    # "today is the eighth day of the siege", "it's the second day of the offensive": after a present copula
    # whose subject is the present (``present_copulas``), a counted day of something is the document's day
    present_copulas: tuple[str, ...] = ()
    # a copula between a time and "the year" (or month, day…) makes them one, as a comma does: "2007 was the year
    # of the iPhone", "2016 will be the year this gets fixed" (the year named, not the document's)
    appositive_links: tuple[str, ...] = ()
    day_ordinal_words: tuple[str, ...] = ()
    day_part_modifiers: tuple[str, ...] = ()  # "mid-afternoon", "late morning" (keys of ``modifiers``)
    modified_parts_of_day: tuple[str, ...] = ()
    # "the day before" a day the text names: one day earlier ("the day after the vote" names no day); alone,
    # ending its phrase (``phrase_end_words``), one day from the reference day ("had quit the day before.")
    day_offsets: Mapping[str, int] = field(default_factory=dict)
    # words right before a day that end a period: "the quarter ended Oct. 31" is over, so the day is on or before
    # the document's date (see ``timex._ended_day``)
    period_ended_words: tuple[str, ...] = ()
    # "the next week's primaries": a relative, a period and a possessive ending date a noun to that period (see
    # ``timex._possessive_period``); a plural ("the past weeks'") or a reference relative ("the following
    # week's") does not
    possessive_relatives: tuple[str, ...] = ()
    possessive_units: tuple[str, ...] = ()
    possessive_endings: tuple[str, ...] = ()
    # words right before a part of "the year" that place an event inside it: "raised $12 million during the third
    # quarter of the year" (not "slipped to the fourth quarter of the year", put off to it)
    within_period_words: tuple[str, ...] = ()
    # plural weekdays and parts of day: a recurring time ("on Mondays", "Sunday nights" → a SET)
    weekday_plurals: Mapping[str, int] = field(default_factory=dict)
    pod_plurals: Mapping[str, str] = field(default_factory=dict)
    plural_sets: Mapping[str, str] = field(default_factory=dict)  # other plurals that recur: "on weekends"
    # decades said as words after "the": "the nineties" (tens digit of the decade)
    decade_words: Mapping[str, int] = field(default_factory=dict)
    # centuries named by an ordinal word: "the nineteenth century", "twenty-first-century"
    century_ordinals: Mapping[str, int] = field(default_factory=dict)
    # words that name the final part of a year only before "half/quarter of": "the latter half of 2012", "the
    # last quarter of 2012" (alone, "last quarter" is the one before the present)
    final_part_words: tuple[str, ...] = ()
    # the parts of a decade or century: "the first half of the 1990s", "the last quarter of the century"
    part_words: tuple[str, ...] = ()
    approx_suffixes: tuple[str, ...] = ()  # "a week or so ago": a vague count after the unit
    # after a relative unit, a second count that makes it a stretch of a few units: "over the next day or two"
    approx_counts: tuple[str, ...] = ()
    week_of: str = ""  # the phrase before a date that names its week ("the week of March 6")
    # words between two dates that make them a range: "from Monday to Friday", "March to May"
    range_words: tuple[str, ...] = ()
    # after a month, the year the text is speaking of: "in October of that year"
    same_year: tuple[str, ...] = ()
    # words between a day and a full date that name a range of days: "March 21-22", "10 and 11 November"
    day_range_words: tuple[str, ...] = ()
    # a modifier, one of these words and "the" + unit: "earlier in the year" ("later in the day" was measured:
    # TempEval-3 train leaves it out three times in four)
    mod_links: tuple[str, ...] = ()
    # a reference word opening a sentence before a comma is a discourse marker ("Now, he says …")
    discourse_refs: tuple[str, ...] = ()
    # "today's world", "today's youth": the present age in general, not the day ("today's" + one of these)
    generic_day_word: str = ""
    # a count of one day between a modal or "to" and its verb is "some day": "Islam will one day be …"
    someday: str = ""
    someday_after: tuple[str, ...] = ()  # besides a modal: "hopes to one day lead"
    # lemmas of verbs of hope right before it: "researchers hope one day to …"
    someday_wishes: tuple[str, ...] = ()
    # a day without a year that names a past event when one of the nouns follows: "the Sept. 11 attacks" is
    # 2001-09-11 in any later year ("MM-DD" → (year, nouns))
    event_days: Mapping[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    # words before such a day, alone, that make it the event's too: "shocked after Sept. 11", "since Sept. 11"
    event_day_cues: tuple[str, ...] = ()
    # a month without a year right before one of these nouns (adjectives between: "the November general
    # election", "the July Democratic convention") names a scheduled event: the next one, not the last
    scheduled_events: tuple[str, ...] = ()
    # besides those, nouns of a meeting that a weekday's possessive names as scheduled ("planning for Thursday's
    # meeting", "qualified for Tuesday's debate"; a month before them names one held as often: "a March meeting")
    scheduled_day_events: tuple[str, ...] = ()
    # and so a month after one of them and one of these words: "the Republican convention in July"
    scheduled_event_links: tuple[str, ...] = ()
    # lemmas that make a sentence speak of voting: in an even year, a bare month of an even-year holiday (US
    # Election Day's November) in such a sentence is that year's election ("can Cruz win in November?")
    voting_words: tuple[str, ...] = ()
    # "some"/"many" + these units after "in" or "from" are groups of people, not a time: "fierce in some quarters"
    people_units: tuple[str, ...] = ()
    # months that are also the noun of a protest walk, named by a link and a capitalized word after them: "the
    # March on Washington", "the annual March for Life" (not "from March to May", "in March of 2015")
    month_nouns: tuple[str, ...] = ()
    month_noun_links: tuple[str, ...] = ()
    people_counts: tuple[str, ...] = ()
    # after "quarters of", the results a company reports for them: "three quarters of losses" is nine months,
    # "three quarters of voters" a share
    period_results: tuple[str, ...] = ()
    # references that are one only in a clause not told in the past, and the words before and after them that
    # make them a connective: "will soon reopen" (FUTURE_REF), not "soon dispersed", "as soon as", "soon after"
    tensed_refs: tuple[str, ...] = ()
    tensed_ref_links: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    # a unit that is also a fraction, and the word after it that makes it one unless a time follows: "a quarter
    # of voters", "the quarter of caucus-goers who …" (not "a quarter of a century", "the third quarter of 2012");
    # the articles read past to find that time ("of a century")
    fraction_units: tuple[str, ...] = ()
    fraction_link: str = ""
    # a fraction word paired with it ("between a quarter and a third", "one-quarter to one-third") and the words
    # that pair them; a share in figures right after it ("just over a quarter, 26 percent") makes it one as well
    fraction_partners: tuple[str, ...] = ()
    fraction_pairs: tuple[str, ...] = ()
    percent_words: tuple[str, ...] = ()
    # words of a game in the sentence of a bare "the second half", "the fourth quarter": the game's half or quarter,
    # no half or quarter of a year ("a touchdown early in the fourth quarter", "scored 11 points in the second half")
    game_words: tuple[str, ...] = ()
    # phrases that tell of a game only right in the expression's sentence ("with 4:43 left in the first half");
    # anywhere else in a story they are common words ("the troops remaining in Iraq")
    game_period_cues: tuple[str, ...] = ()
    fraction_articles: tuple[str, ...] = ()
    # seasons that are also nouns of change, and the words after them that make them one: "the fall of the
    # Berlin Wall", "the fall in prices" (not "the fall of 2011", "the fall of that year", "last fall in New
    # York"); the change noun takes the article (``noun_season_article``) and no determiner after "in"
    noun_seasons: tuple[str, ...] = ()
    noun_season_links: tuple[str, ...] = ()
    noun_season_article: str = ""
    noun_season_year: str = ""
    # lemmas of verbs whose object "the fall" is still the season ("spent the fall in Paris"); after any other verb
    # it is a fall ("witnessed the fall"), see ``timex._is_a_fall``
    season_object_verbs: frozenset[str] = frozenset()
    # words that end a street's name: a year-like number before a capitalized name and one of them is a house
    # number ("1600 Pennsylvania Avenue"), see ``timex._is_house_number``
    street_words: tuple[str, ...] = ()
    # words after which such a number stays a year: "in 1999 Main Street was rebuilt", "the 2012 Main Street fair"
    year_openers: tuple[str, ...] = ()
    # makers of vehicles: a year before one is the model year ("Kopp's 1987 Chevrolet Cavalier", "a blue 2012 Honda
    # Accord"), when a model's name or a vehicle noun follows the maker and no preposition opens the year ("In 1987
    # Ford sold more trucks"); see ``timex._is_model_year``
    vehicle_makers: tuple[str, ...] = ()
    vehicle_nouns: tuple[str, ...] = ()
    # capitalized words after a maker's name that make it an organization's, not a model's: "the 1992 Ford
    # Foundation report"
    maker_org_words: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    generic_nouns: tuple[str, ...] = ()
    # words between the two counts of a range: "two to three weeks", "six or seven months"
    count_ranges: tuple[str, ...] = ()
    # "a"/"an" as a count, "per" as a set word: after a quantity ("$5 a year", "24 hours a day", "120 miles per
    # hour") the unit is a rate, not a time
    rate_articles: tuple[str, ...] = ()
    long_suffix: str = ""  # a unit + this is a duration adjective: "a decades-long dispute", "weeklong talks"
    # nouns for a stretch of time that a hyphenated count before them joins ("a three-year period", "its one-year
    # term": one expression in TempEval-3 train), and the articles right before the count that join it too
    span_nouns: tuple[str, ...] = ()
    span_articles: tuple[str, ...] = ()
    # the definite article: left out before a hyphenated modifier ("the third-quarter loss" → "third-quarter", as
    # TempEval marks it), and the one that makes "the year" after a comma an apposition ("in 2010, the year …")
    definite_article: str = ""
    # words before a reference word that are its signal, left out of the span: "to this day"
    ref_signals: tuple[str, ...] = ()
    # a bare hour + one of these phrases is a clock time: "4 in the morning", "10 at night"
    pod_hours: Mapping[str, str] = field(default_factory=dict)
    # among the vague numbers, those that count two: "a couple of years" (P2Y, as TimeML writes it)
    pair_words: tuple[str, ...] = ()
    # relatives that are also a preposition-like verb form without an article: "Following Wednesday's leak"
    verbal_relatives: tuple[str, ...] = ()
    # weekday abbreviations, read only right before a month and day ("Thu March 21, 2013", "Fri., Nov. 9"):
    # alone they are names or verbs ("The Sun", "sat")
    weekday_abbreviations: Mapping[str, int] = field(default_factory=dict)
    # words between a clock time and the day it is on: "at 10:00 GMT on Saturday", "midnight on March 31"
    clock_day_links: tuple[str, ...] = ()
    # words between two seasons that make the second one a time as the first is: "the spring and summer"
    season_links: tuple[str, ...] = ()


_NUMBERS_EN = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a dozen": 12,
    "a hundred": 100,
    "one hundred": 100,
}
_TENS_EN = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

ENGLISH = Lexicon(
    months={
        "January": 1,
        "Jan": 1,
        "February": 2,
        "Feb": 2,
        "March": 3,
        "Mar": 3,
        "April": 4,
        "Apr": 4,
        "May": 5,
        "June": 6,
        "Jun": 6,
        "July": 7,
        "Jul": 7,
        "August": 8,
        "Aug": 8,
        "September": 9,
        "Sept": 9,
        "Sep": 9,
        "October": 10,
        "Oct": 10,
        "November": 11,
        "Nov": 11,
        "December": 12,
        "Dec": 12,
    },
    weekdays={
        "Monday": 0,
        "Tuesday": 1,
        "Wednesday": 2,
        "Thursday": 3,
        "Friday": 4,
        "Saturday": 5,
        "Sunday": 6,
    },
    seasons={"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
    units={
        "second": "S",
        "seconds": "S",
        "minute": "MIN",
        "minutes": "MIN",
        "hour": "H",
        "hours": "H",
        "day": "D",
        "days": "D",
        "week": "W",
        "weeks": "W",
        "month": "M",
        "months": "M",
        "quarter": "Q",
        "quarters": "Q",
        "year": "Y",
        "years": "Y",
        "decade": "DE",
        "decades": "DE",
        "century": "CE",
        "centuries": "CE",
        "weekend": "WE",
        "weekends": "WE",
    },
    numbers=_NUMBERS_EN,
    tens=_TENS_EN,
    vague_numbers=(
        "several",
        "a few",
        "few",
        "a couple of",
        "a couple",
        "couple of",
        "many",
        "some",
        "recent",
        "the past few",
        "the last few",
        "a number of",
        "numerous",
        "dozens of",
        "hundreds of",
    ),
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4},
    parts_of_day={"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"},
    day_words={"today": 0, "yesterday": -1, "tomorrow": 1},
    relatives={
        "last": -1,
        "past": -1,
        "previous": -1,
        "this past": -1,
        "the past": -1,
        "the last": -1,
        "the previous": -1,
        "this": 0,
        "the current": 0,
        "current": 0,
        "this coming": 1,
        "next": 1,
        "the next": 1,
        "the coming": 1,
        "coming": 1,
        "the following": 1,
        "following": 1,
        "the upcoming": 1,
        "upcoming": 1,
    },
    modifiers={
        "early": "START",
        "earlier": "START",
        "the beginning of": "START",
        "the start of": "START",
        "beginning of": "START",
        "mid": "MID",
        "mid-": "MID",
        "the middle of": "MID",
        "middle of": "MID",
        "late": "END",
        "later": "END",
        "the end of": "END",
        "end of": "END",
    },
    approx={
        "about": "APPROX",
        "around": "APPROX",
        "roughly": "APPROX",
        "some": "APPROX",
        "nearly": "APPROX",
        "almost": "APPROX",
        "approximately": "APPROX",
        "more than": "MORE_THAN",
        "over": "MORE_THAN",
        "at least": "EQUAL_OR_MORE",
        "less than": "LESS_THAN",
        "under": "LESS_THAN",
        "up to": "EQUAL_OR_LESS",
        "just over": "MORE_THAN",
        "nearly a": "APPROX",
    },
    ago={"ago": "dct-", "earlier": "ref-", "later": "ref+", "from now": "dct+", "hence": "dct+"},
    # not "at the moment" nor "formerly": TempEval-3 train leaves "the moment" unmarked 5 times of 5 and
    # "formerly" 1 of 1, as it does "former" (31 of 31)
    refs={
        "now": "PRESENT_REF",
        "currently": "PRESENT_REF",
        "nowadays": "PRESENT_REF",
        "at present": "PRESENT_REF",
        "the present": "PRESENT_REF",
        "these days": "PRESENT_REF",
        "to this day": "PRESENT_REF",  # "remains bitter to this day": not the document's day
        "recently": "PAST_REF",
        "lately": "PAST_REF",
        "the other day": "PAST_REF",
        "a while ago": "PAST_REF",
        "a while back": "PAST_REF",
        "long ago": "PAST_REF",  # "Party leaders long ago picked Clinton", "not that long ago"
        "a long time ago": "PAST_REF",
        "a while": "PXX",  # "for a while", "in a while": a duration of no stated length (TempEval-3 train: PXX)
        "the past": "PAST_REF",
        "the future": "FUTURE_REF",
        "the near future": "FUTURE_REF",
        "the near term": "FUTURE_REF",
        "the long term": "FUTURE_REF",
        "the short term": "FUTURE_REF",
        "as soon as possible": "FUTURE_REF",
        "soon": "FUTURE_REF",
    },  # not bare "future", "previously", "recent": on TempEval-3 train they cost more than they gain; "soon" only
    # in a clause not told in the past and not as a connective (``tensed_refs``)
    frequencies={
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "hourly": "PT1H",
        "nightly": "P1D",
    },  # not "quarterly": TempEval-3 train annotates 1 of 11 ("a quarterly dividend" is no time)
    set_words=("every", "each", "per"),
    ambiguous_cues=(
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "of",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "mid-",
        "this",
        "last",
        "next",
        "past",
        "coming",
        "that",
        "each",
        "every",
        "prior to",
    ),
    ambiguous_months=("May",),
    ambiguous_predicates=("was",),
    ref_relatives=("the following", "following", "the previous", "previous"),
    times=("once", "twice", "thrice"),
    extra_words=(
        "more",
        "additional",
        "straight",
        "consecutive",
        "full",
        "long",
        "trading",
        "business",
        "working",
        "plus",  # "the past four-plus months": four months and more
    ),
    holidays={
        "Christmas": (12, 25),
        "Christmas Day": (12, 25),
        "Christmas Eve": (12, 24),
        "New Year's Day": (1, 1),
        "New Year's Eve": (12, 31),
        "New Year's": (1, 1),  # only before a span word (span_only_holidays)
        "Thanksgiving": (11, -4, 4),  # the fourth Thursday of November (United States)
        "Thanksgiving Day": (11, -4, 4),
        # (month, -weekday-1, n, first day counted): US Election Day is the Tuesday after the first Monday
        "Election Day": (11, -2, 1, 2),
        "Memorial Day": (5, -1, -1),  # the last Monday of May (a negative n counts from the month's end)
        "Labor Day": (9, -1, 1),
        "Martin Luther King Day": (1, -1, 3),
        "Presidents' Day": (2, -1, 3),
        "Independence Day": (7, 4),
        "the Fourth of July": (7, 4),
        "Veterans Day": (11, 11),
        "Valentine's Day": (2, 14),
        "Halloween": (10, 31),
        "Boxing Day": (12, 26),
        # (0, days from Easter Sunday): the movable feasts of the Western church
        "Easter": (0, 0),
        "Easter Sunday": (0, 0),
        "Easter Monday": (0, 1),
        "Good Friday": (0, -2),
        # the shopping day after Thanksgiving: the fourth Friday counted from November 2
        "Black Friday": (11, -5, 4, 2),
        # the main day of the US presidential primaries: the first Tuesday of March since 2000, only in
        # presidential election years (see quadrennial_days)
        "Super Tuesday": (3, -2, 1),
        "Bastille Day": (7, 14),
    },
    quadrennial_days=("Super Tuesday",),
    even_year_days=("Election Day",),
    holiday_spans={"week": "week", "weekend": "weekend"},
    span_only_holidays=("New Year's",),
    decade_links=("and", "or", "to", "through", ","),
    named_days={"9/11": "2001-09-11"},
    fiscal=("fiscal", "financial", "calendar"),
    noon_words={"noon": "12:00", "midday": "12:00", "midnight": "24:00"},
    noon_idioms=("high",),
    am_pm={"a.m.": "am", "am": "am", "p.m.": "pm", "pm": "pm", "a.m": "am", "p.m": "pm"},
    period_ends=("ended", "ending"),
    latest=("latest", "most recent"),
    period_words=("period",),
    to_date=("first", "latest"),
    present_adjectives=("current",),
    present_exceptions=("account", "accounts", "affairs", "events"),
    then_present=("then current", "then-current"),
    century_words={"seventeen": 17, "eighteen": 18, "nineteen": 19},
    millennium_words={"two thousand": 2000},
    the_year="the year",
    in_pod="in the",
    at_the_time="at the time",
    present_copulas=("today is", "it is", "it's", "this is"),
    appositive_links=(
        "is",
        "was",
        "will be",
        "would be",
        "could be",
        "may be",
        "might be",
        "has been",
        "had been",
    ),
    day_ordinal_words=(
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
    ),
    phrase_end_words=(
        "and",
        "or",
        "but",
        "to",
        "with",
        "at",
        "in",
        "on",
        "for",
        "from",
        "by",
        "then",
        "local",
        "before",
        "after",
        "when",
        "while",
        "as",
    ),
    # "that evening", "the same night": the reference day's (a relative not in ``relatives`` counts 0 days)
    pod_relatives=(
        "the next",
        "next",
        "the following",
        "following",
        "the previous",
        "previous",
        "that",
        "the same",
    ),
    day_offsets={"the day before": -1, "the day after": 1},
    period_ended_words=("ended",),
    possessive_relatives=("the past", "the last", "the next", "the coming", "the upcoming"),
    possessive_units=("week", "month", "quarter"),
    possessive_endings=("'s", "’s"),
    within_period_words=("in", "during", "over", "through", "throughout"),
    day_part_modifiers=("mid", "early", "late"),
    modified_parts_of_day=("morning", "afternoon", "evening"),
    weekday_plurals={
        "Mondays": 0,
        "Tuesdays": 1,
        "Wednesdays": 2,
        "Thursdays": 3,
        "Fridays": 4,
        "Saturdays": 5,
        "Sundays": 6,
    },
    pod_plurals={"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"},
    plural_sets={"weekends": "XXXX-WXX-WE"},
    decade_words={
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    },
    final_part_words=("last", "latter", "final"),
    part_words=("half", "quarter"),
    century_ordinals={
        "eleventh": 11,
        "twelfth": 12,
        "thirteenth": 13,
        "fourteenth": 14,
        "fifteenth": 15,
        "sixteenth": 16,
        "seventeenth": 17,
        "eighteenth": 18,
        "nineteenth": 19,
        "twentieth": 20,
        "twenty-first": 21,
        "twenty first": 21,
    },
    approx_suffixes=("or so",),
    approx_counts=("or two", "or three"),
    clock_day_links=("on", ","),
    season_links=("and", "or"),
    verbal_relatives=("following",),
    weekday_abbreviations={
        "Mon": 0,
        "Tue": 1,
        "Tues": 1,
        "Wed": 2,
        "Thu": 3,
        "Thur": 3,
        "Thurs": 3,
        "Fri": 4,
        "Sat": 5,
        "Sun": 6,
    },
    pair_words=("a couple of", "a couple", "couple of"),
    week_of="the week of",
    range_words=("to", "through", "until", "till", "-", "–"),
    same_year=("of that year", "of the same year", "that year", "the same year"),
    day_range_words=("-", "–", "to", "and", "through"),
    mod_links=("in",),
    discourse_refs=("now",),
    generic_day_word="today",
    someday="one day",
    someday_after=("to",),
    someday_wishes=("hope", "dream", "wish"),
    people_units=("quarters",),
    event_days={
        "09-11": (2001, ("attacks", "terrorist attacks", "terror attacks", "hijackers", "hijackings"))
    },
    event_day_cues=("after", "since"),
    scheduled_event_links=("in",),
    scheduled_events=(
        "election",
        "elections",
        "convention",
        "conventions",
        "primary",
        "primaries",
        "caucus",
        "caucuses",
        "referendum",
        "runoff",
        "ballot",
        "midterms",
    ),
    scheduled_day_events=("debate", "debates", "meeting", "meetings", "summit", "hearing"),
    voting_words=(
        "vote",
        "voter",
        "elect",
        "election",
        "electorate",
        "electoral",
        "electability",
        "ballot",
        "nominee",
        "win",
        "victory",
        "lose",
        "defeat",
        "beat",
        "turnout",
    ),
    people_counts=("some", "many"),
    month_nouns=("March",),
    month_noun_links=("on", "for", "of", "against", "to"),
    period_results=(
        "losses",
        "profit",
        "profits",
        "earnings",
        "growth",
        "gains",
        "decline",
        "declines",
        "contraction",
        "expansion",
    ),
    tensed_refs=("soon",),
    tensed_ref_links=(
        ("as", "too", "how", "so"),
        ("as", "after", "afterward", "afterwards", "thereafter", "enough", "-"),
    ),
    fraction_units=("quarter",),
    fraction_link="of",
    fraction_partners=("third", "thirds", "half", "fifth", "fifths", "quarter", "quarters", "tenth"),
    fraction_pairs=("to", "and", "or"),
    percent_words=("percent", "per cent", "%"),
    game_words=(
        "halftime",
        "half-time",
        "touchdown",
        "touchdowns",
        "end zone",
        "yard line",
        "field goal",
        "quarterback",
        "fumble",
        "fumbled",
        "interception",
        "rebounds",
        "free throw",
        "inning",
        "playoffs",
        "yards",
        "scored",
        "scoreless",
    ),
    game_period_cues=("left in", "to play in", "remaining in"),
    fraction_articles=("a", "an", "the"),
    noun_seasons=("fall",),
    noun_season_links=("of", "in"),
    noun_season_article="the",
    definite_article="the",
    ref_signals=("to",),
    noun_season_year="year",
    season_object_verbs=frozenset({"spend", "pass", "start", "begin", "end", "finish"}),
    street_words=(
        "Avenue",
        "Ave.",
        "Street",
        "St.",
        "Road",
        "Rd.",
        "Boulevard",
        "Blvd.",
        "Drive",
        "Lane",
        "Place",
    ),
    year_openers=(
        "in",
        "since",
        "by",
        "until",
        "before",
        "after",
        "during",
        "of",
        "from",
        "through",
        "the",
        "a",
    ),
    vehicle_makers=(
        "Acura",
        "Audi",
        "BMW",
        "Buick",
        "Cadillac",
        "Chevrolet",
        "Chevy",
        "Chrysler",
        "Dodge",
        "Fiat",
        "Ford",
        "GMC",
        "Honda",
        "Hyundai",
        "Infiniti",
        "Jeep",
        "Kia",
        "Lexus",
        "Lincoln",
        "Mazda",
        "Mercedes",
        "Mercedes-Benz",
        "Mercury",
        "Mitsubishi",
        "Nissan",
        "Oldsmobile",
        "Peugeot",
        "Plymouth",
        "Pontiac",
        "Porsche",
        "Renault",
        "Saab",
        "Saturn",
        "Subaru",
        "Tesla",
        "Toyota",
        "Volkswagen",
        "Volvo",
    ),
    vehicle_nouns=(
        "car",
        "sedan",
        "coupe",
        "convertible",
        "pickup",
        "truck",
        "van",
        "minivan",
        "wagon",
        "SUV",
        "hatchback",
        "station",
    ),
    maker_org_words=(
        "Foundation",
        "Motor",
        "Motors",
        "Company",
        "Co.",
        "Corp.",
        "Inc.",
        "Administration",
        "Library",
        "Museum",
        "Center",
        "Field",
        "Group",
        "Credit",
        "Presidential",
    ),
    determiners=("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that"),
    generic_nouns=("world", "youth", "society", "generation", "standards", "dollars", "culture"),
    count_ranges=("to", "or"),
    rate_articles=("a", "an", "per"),
    long_suffix="long",
    span_nouns=("period", "term"),
    span_articles=("a", "an", "the"),
    pod_hours={
        "in the morning": "am",
        "in the afternoon": "pm",
        "in the evening": "pm",
        "at night": "pm",
        "o'clock in the morning": "am",
        "o'clock in the afternoon": "pm",
        "o'clock in the evening": "pm",
        "o'clock at night": "pm",
    },
)

LEXICONS: dict[str, Lexicon] = {"en": ENGLISH}


def _alt(words: object, *, abbrev_dot: bool = False) -> str:
    """A regex alternation of ``words``, longest first (so "this past" wins over "this"), spaces flexible."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in items]
    body = "|".join(escaped)
    return f"(?:{body})\\.?" if abbrev_dot else f"(?:{body})"


def _either_case(word: str, space: str) -> str:
    """``word`` as a regex whose first letter may be upper case, its spaces written as ``space``."""
    rest = re.escape(word[1:]).replace(r"\ ", space)
    first = word[0]
    return f"[{first.upper()}{first.lower()}]{rest}" if first.isalpha() else re.escape(first) + rest


def _ci(words: object) -> str:
    """Like ``_alt`` but the first letter may be upper case (sentence-initial "Last year")."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(_either_case(w, r"\s+") for w in items) + ")"


def _behind(words: Iterable[str], *, before: str = "", after: str = "", negate: bool = False) -> list[str]:
    """One look-behind per word, its first letter either case, ``before``/``after`` the word inside it: Python's
    look-behind has one width, so the words cannot share one, and a space in a word stays a single space."""
    sign = "!" if negate else "="
    return [f"(?<{sign}{before}{_either_case(w, ' ')}{after})" for w in words]


@dataclass(frozen=True)
class Rule:
    """One compiled pattern and the name of the resolver that turns its groups into a TIMEX3 value."""

    name: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Match:
    """A candidate span with the rule that found it and the rule's named groups."""

    start: int
    end: int
    rule: str
    groups: Mapping[str, str | None]


def _number(lex: Lexicon) -> str:
    words = _ci(lex.numbers)
    tens = _ci(lex.tens)
    units = _alt(k for k, v in lex.numbers.items() if v < 10 and k not in ("a", "an"))
    return rf"(?:{tens}(?:[-\s]{units})?|\d{{1,3}}(?:,\d{{3}})*(?:\.\d{{1,2}})?|{words})"


def _word_year(lex: Lexicon) -> str:
    """Years said as words: "nineteen ninety-six", "nineteen oh five", "the year two thousand and one"."""
    if not lex.century_words:
        return "(?!)"
    ones = _alt(k for k, v in lex.numbers.items() if 1 <= v < 10 and k not in ("a", "an"))
    teens = _alt(k for k, v in lex.numbers.items() if 10 <= v < 20 and " " not in k)
    tens = _alt(lex.tens)
    rest = rf"(?:{tens}(?:[-\s]{ones})?|{teens}|(?:oh|o)[-\s]+{ones})"
    century = rf"{_ci(lex.century_words)}[-\s]+{rest}"
    millennium = rf"{_ci([lex.the_year])}\s+{_alt(lex.millennium_words)}(?:(?:\s+and)?\s+(?:{rest}|{ones}))?"
    return rf"(?:{century}|{millennium})(?![-\w])"


def _templates(lex: Lexicon) -> dict[str, str]:
    """Rule name → regex source. Building blocks come from the lexicon, word order is English-like."""
    # a dot after an abbreviation ("Sept.") belongs to the month; after a full name it ends the sentence
    abbrevs = [k for k in lex.months if any(o != k and o.startswith(k) for o in lex.months)]
    month = _alt(k for k in lex.months if k not in abbrevs)
    if abbrevs:
        month = f"(?:{month}|{_alt(abbrevs, abbrev_dot=True)})"
    month_full = _alt(k for k in lex.months if len(k) > 3 and k not in lex.ambiguous_months)
    # fixed-width look-behinds, one per cue (``re`` allows an alternation of them, not one of varying width)
    cued = (
        "(?:"
        + "|".join(
            f"(?<=\\b{re.escape(c[0].upper() + c[1:])}{'' if c.endswith('-') else ' '})"
            f"|(?<=\\b{re.escape(c)}{'' if c.endswith('-') else ' '})"
            for c in lex.ambiguous_cues
        )
        + ")"
    )
    ambiguous = _alt(lex.ambiguous_months)
    predicated = "|".join(f"(?<=\\b{re.escape(v)} )" for v in lex.ambiguous_predicates) or "(?!)"
    # "May" alone: after a cue ("in May") or ending its sentence after a verb of being ("That was May.")
    lone_ambiguous = rf"{cued}{ambiguous}|(?:{predicated}){ambiguous}(?=[.!?](?:\s|$))"
    wd = _alt(lex.weekdays)
    abbr = rf"\b(?:{_alt(lex.weekday_abbreviations)})\.?" if lex.weekday_abbreviations else "(?!)"
    wd_or_abbr = rf"\b{wd}\b|{abbr}"
    season = _ci(lex.seasons)
    unit = _alt(lex.units)
    num = _number(lex)
    vague = _ci(lex.vague_numbers)
    rel = _ci(lex.relatives)
    mod = _ci(lex.modifiers)
    approx = _ci(lex.approx)
    ago = _alt(lex.ago)
    # the second of "the spring and summer": a season right after another and a link word (``extract`` keeps it
    # only when the first one was kept); the empty group marks the reading
    links = [f"{s} {link}" for s in lex.seasons for link in lex.season_links]
    behind_links = "|".join(_behind(links, before=r"\b", after=r"\s"))
    paired = f"(?:{behind_links})(?P<paired>)" if links else "(?!)"
    # "months ago" with no count: TimeML keeps the word counting back from now in the span of the duration
    back = _alt(k for k, v in lex.ago.items() if v == "dct-")
    pod = _alt(lex.parts_of_day)
    dayw = _ci(lex.day_words)
    fiscal = _alt(lex.fiscal)
    ampm = r"(?:[ap]\.m\.?|[AP]\.M\.?|[ap]m\b|[AP]M\b)"
    day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:1[6-9]\d\d|20\d\d)"
    any_year = rf"(?:{year}|{_word_year(lex)})"  # digits or words, for month, season and year rules
    zone = r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|local\s+time)\b)?"
    the = r"(?:[Tt]he\s+)?"
    # "the first two quarters of 1990" is the first half: the count of quarters that make one
    pair = _ci(k for k, v in lex.numbers.items() if v == 2)
    # "the latter half of 2012": a final-part word only where "of" and a year follow
    final = (
        rf"|{_ci(lex.final_part_words)}(?=\s+(?:{pair}\s+quarters|quarter|half)\s+of\s+{the}(?:{year}|{rel}\s+year|year)\b)"
        if lex.final_part_words
        else ""
    )
    # "Oct. 2011", "Sept. 2015": an abbreviated month is one alone only before its year (first: "Sept" alone is
    # also a full name, and would end the match before the dot)
    abbrev_year = rf"{_alt(abbrevs)}\.?(?=,?\s+(?:of\s+)?{year}\b)" if abbrevs else "(?!)"
    month_word = rf"(?:{abbrev_year}|{month_full}|{ambiguous}(?=,?\s+(?:of\s+)?{year}\b)|{lone_ambiguous})"
    on_day = rf"(?:\s+(?:(?P<wd>{wd})|(?P<dayw>{dayw})))?"
    # "5 p.m. EST, Nov. 9": the day a clock time is on, after it
    on_date = rf"(?:,?\s+(?P<monthname>{month})\s+(?P<day>{day})\b(?:,?\s+(?P<year>{year})\b)?)?"
    # an expression ending its phrase: punctuation, a dash or one of ``phrase_end_words`` after it ("in the
    # morning, …", "the day before by …"), not a noun it modifies ("in the morning shows")
    phrase_end = rf"(?=\s*(?:[,.;:!?)\]\"'”’—–]|-\s|$)|\s+{_alt(lex.phrase_end_words)}\b)"
    # "a half-century", "a quarter-century ago", "a quarter of a century": a fraction word between the count and
    # the unit; "2 1/2 years", "two and a half years" (was read as bare "years")
    count = (
        rf"(?P<num>{num}|{vague})(?P<half>\s+1/2|½|[\s-]+and[\s-]+a[\s-]+half)?[\s-]+"
        rf"(?:(?P<frac>[Hh]alf|[Qq]uarter)(?:[\s-]|\s+of\s+an?\s+)(?=[Cc]entur))?"
    )
    not_age = r"(?![-\s]+old\b)"
    # "quarters of" a reported result stays a time: "after three quarters of losses"
    results = rf"{_alt(lex.period_results)}\b" if lex.period_results else "(?!)"
    span_words = "first|last|past|next|previous|coming|following|latest"  # "the past two years"
    plural_units = _ci(["years", "months", "weeks", "days", "hours", "decades", "centuries"])
    # bare "minutes" only counting from a time ("minutes later", "just minutes after he left"): alone it is as
    # often meeting notes, a TV show or a span apart ("bombings only minutes apart", unmarked in TempEval-3);
    # not "seconds" (train leaves "seconds before the bomb exploded" unmarked), nor "the minutes" ("approved the
    # minutes before the vote")
    short_units = r"(?<![Tt]he\s)[Mm]inutes(?=\s+(?:later|earlier|after|before|ago)\b)"
    # "two to three weeks", "12 to 18 months": a count given as a range
    # "two to three weeks", "45-50 minutes"
    to = _alt(lex.count_ranges) if lex.count_ranges else None
    low = (
        rf"(?:(?P<low>{num}(?=\s+{to}\s)|\d{{1,3}}(?:,\d{{3}})*(?=\s?[-–]\s?\d))(?:\s+{to}\s+|\s?[-–]\s?))?"
        if to
        else ""
    )
    or_so = rf"(?:\s+{_alt(lex.approx_suffixes)})?" if lex.approx_suffixes else ""
    or_two = rf"(?:\s+(?P<ortwo>{_alt(lex.approx_counts)})\b)?" if lex.approx_counts else ""
    holiday_span = _alt(lex.holiday_spans) if lex.holiday_spans else "(?!)"
    every_holiday = _alt(k for k in lex.holidays if k not in lex.span_only_holidays)
    span_holiday = (
        rf"|{_alt(lex.span_only_holidays)}(?=\s+{holiday_span}\b)" if lex.span_only_holidays else ""
    )
    # "the 1960s and 70s": a decade by its tens alone, without an apostrophe, only right after a decade and a link
    joins = [(" " if link.isalpha() else "") + re.escape(link) for link in lex.decade_links]
    after_decade = "|".join(rf"(?<=\d0s{join} )" for join in joins) or "(?!)"
    # "the past" (a reference that is also a relative) is not one at the start of "the past three summers"
    counted = "|".join(_behind(sorted(set(lex.refs) & set(lex.relatives))))
    # "as long ago as 1850" (the year is the time) and "not (that) long ago" (TempEval-3 train leaves "Not that
    # long ago, before the Chinese takeover" unmarked) are no "long ago"
    negated = r"(?:(?<=[Nn]ot\s)|(?<=[Nn]ot\sthat\s)|(?<=[Nn]ot\sso\s))"
    not_long_ago = rf"(?:(?<=[Aa]s\s)long\s+ago\s+as\b|{negated}long\s+ago\b)"
    not_counted = rf"(?!(?:{counted})\s+(?:{num}|{vague})\b)" if counted else ""
    return {
        "iso": rf"\b(?P<year>{year})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
        r"(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?\b",
        "numeric": rf"\b(?P<day>[0-3]?\d)(?P<sep>[./])(?P<month>[0-3]?\d)(?P=sep)(?P<year>{year})\b",
        # "Sept.11, 2001": a day may follow an abbreviated month's dot without a space
        "mdy": rf"(?:(?P<wd>{wd_or_abbr}),?\s+)?\b(?P<monthname>{month})(?:\s+|(?<=\.))(?P<day>{day})\b"
        rf"(?:,?\s+(?P<year>{year})\b)?",
        # "January, 11, 2021" (a comma after the month): a date only with its year
        "mdycomma": rf"\b(?P<monthname>{month}),\s+(?P<day>{day}),\s+(?P<year>{year})\b",
        "dmy": rf"(?:(?P<wd>{wd_or_abbr}),?\s+)?\b(?P<day>{day})\s+(?:of\s+)?(?P<monthname>{month})"
        rf"(?:,?\s+(?P<year>{year})\b)?",
        "month": rf"(?:(?P<mod>{mod})[\s-]*)?(?:(?P<rel>{rel})\s+|(?P<that>[Tt]hat)\s+)?\b(?P<monthname>{month_word})"
        r"(?:\b|(?<=\.))"
        rf"(?:,?\s+(?:of\s+)?(?P<year>{any_year})\b|\s+(?:of\s+)?(?P<relyear>{rel})\s+year\b"
        rf"|\s+(?P<refyear>{_alt(lex.same_year)})\b)?",
        # "11:30 p.m.", and with a dot as British papers write it: "11.30pm"
        "time": rf"(?:(?P<wd0>{wd})\s+)?\b(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>{ampm})"
        rf"{zone}{on_day}{on_date}",
        "clock": rf"\b(?P<hour>[01]?\d|2[0-4]):(?P<minute>[0-5]\d)\b(?!:)(?:\s*(?P<ampm>{ampm}))?{zone}",
        # "1330 GMT": a four-digit clock time is one only with its time zone; "10:35 a.m. (0735 GMT)" restates
        # the time before it (TempEval-3 leaves the restatement out)
        "zoneclock": r"(?<!\()\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?:GMT|UTC)\b",
        # "Q4", "Q1 2013", "H2": the abbreviations of company reports
        "qabbr": rf"\b(?P<qh>[QH])(?P<n>[1-4])(?:\s+(?P<year>{year}))?\b(?!-)",
        "noon": "".join(_behind(lex.noon_idioms, before=r"\b", after=r"\s", negate=True))
        + rf"\b(?P<noon>{_ci(lex.noon_words)}){on_day}\b{on_date}",
        "weekday": rf"(?:(?P<mod>{mod})\s+)?(?:(?P<rel>{rel})\s+)?\b(?P<wd>{wd})\b(?:\s+(?P<pod>{pod}))?",
        "dayword": rf"(?:(?P<mod>{mod})\s+)?\b(?P<dayw>{dayw})\b(?:\s+(?P<pod>{pod}))?",
        "tonight": rf"(?:(?P<mod>{mod})\s+)?(?:\b(?P<tonight>[Tt]onight)\b|\b(?P<thispod>[Tt]his\s+(?P<pod>{pod}))\b"
        r"|\b(?P<lastnight>[Ll]ast\s+night)\b)",
        "quarter": rf"(?:{the}(?:(?P<yearq>{year})\s+|(?P<relq>{rel})\s+(?:{fiscal}\s+)?year'?s\s+)?"
        rf"(?:{fiscal}\s+)?)?\b(?P<ord>{_ci(lex.ordinals)}{final})(?P<hyphen>-)?\s*"
        rf"(?:(?P<pair>{pair})\s+(?=quarters\b))?(?P<half>(?(pair)quarters|(?:quarter|half)))\b"
        rf"(?:\s+of\s+(?:{the}(?:{fiscal}\s+)?(?:(?P<year>{year})\b|(?P<rely>{rel})\s+(?:{fiscal}\s+)?year"
        r"|(?P<theyear>year)\b)))?"
        # of any other word it is no part of a year: "the second half of February", "of the 1990s", "of the 20th
        # century" (left to the decade's and the century's rules), "of the season"; "of $5 million" is the result
        r"(?!\s+of\s+[A-Za-z'‘])",
        # "the next year or so": the hedge after it is part of it, as after a count ("the next two years or so"),
        # and so is a second count ("the next day or two", a stretch of days)
        "relunit": rf"(?:(?P<mod>{mod})\s+)?(?P<rel>{rel})\s+(?:(?P<fiscal>{fiscal})\s+)?\b"
        rf"(?P<unit>{unit}|{season})\b(?:{or_two}(?(ortwo)(?!\s+(?:{unit})\b)|{or_so}))",
        # "mid-afternoon yesterday", "by late morning": a modified part of day (not "late night": a genre)
        "modpod": rf"\b(?P<mod>{_ci(lex.day_part_modifiers)})[-\s]?"
        rf"(?P<pod>{_alt(lex.modified_parts_of_day)})\b"
        rf"(?:\s+(?:(?P<wd>{wd})|(?P<dayw>{dayw})))?"
        if lex.day_part_modifiers
        else "(?!)",
        "relpod": rf"(?:(?P<mod>{mod})\s+)?\b(?P<rel>{_ci(lex.pod_relatives)})\s+(?P<pod>{pod})\b"
        if lex.pod_relatives
        else "(?!)",
        "inpod": rf"(?<=\b{_ci([lex.in_pod.split()[0]])}\s){_ci([lex.in_pod.split(maxsplit=1)[1]])}\s+"
        rf"(?P<pod>{_alt(lex.modified_parts_of_day)}){phrase_end}"
        if lex.in_pod
        else "(?!)",
        # "the day before" ending its phrase ("endorsed the day before by …"): a day from the reference day's
        "dayoffset": rf"\b(?P<offset>{_ci(lex.day_offsets)}){phrase_end}"
        if lex.day_offsets and lex.phrase_end_words
        else "(?!)",
        "attime": rf"(?<=\b{_ci([lex.at_the_time.split()[0]])}\s){_alt([lex.at_the_time.split(maxsplit=1)[1]])}"
        + phrase_end
        if lex.at_the_time
        else "(?!)",
        "nthday": "(?:"
        + "|".join(_behind(lex.present_copulas, before=r"\b", after=r"\s"))
        + rf")(?:[Tt]he\s+)?(?:{_alt(lex.day_ordinal_words)}|\d+(?:st|nd|rd|th))\s+day(?=\s+of\b)"
        if lex.present_copulas
        else "(?!)",
        # "the 2015 fiscal year": the fiscal year named by its number, as "fiscal 2015" is
        "fiscalyear": rf"\b[Tt]he\s+(?P<year>{year})\s+(?P<fiscal>{fiscal})\s+year\b",
        "yearperiod": rf"\b[Tt]he\s+(?P<year>{year})\s+(?P<unit>quarter|{_alt(lex.period_words)})\b"
        if lex.period_words
        else "(?!)",
        "latest": rf"\b[Tt]he\s+(?P<latest>{_alt(lex.latest)})\s+(?:(?P<fiscal>{fiscal})\s+)?"
        rf"(?P<unit>{_alt(lex.period_words)}|quarter|year)\b",
        "theunit": rf"(?:(?P<mod>{mod})\s+)?\b(?:(?P<the>[Tt]he|[Tt]hat)\s+"
        rf"(?:(?P<same>same|latest|recent|previous|full|entire|whole)\s+)?(?:(?P<fiscal>{fiscal})\s+)?"
        r"(?P<unit>quarter(?![-\s][Cc]entur)|year|month|week|weekend|decade|century)"  # "the quarter-century-old"
        r"|(?P<that>[Tt]hat(?:\s+same)?|[Tt]he\s+same)\s+(?P<day>day))\b"
        rf"(?=(?P<ended>\s+{_alt(lex.period_ends)}\b))?",
        "modunit": rf"\b(?P<mod>{mod})\s+{_alt(lex.mod_links)}\s+[Tt]he\s+(?P<unit>week|month|year)\b"
        if lex.mod_links
        else "(?!)",
        "longunit": rf"\b(?:(?P<num>{num})-)?(?P<unit>{unit})-?{lex.long_suffix}\b"
        if lex.long_suffix
        else "(?!)",
        "podhour": rf"\b(?P<hour>[01]?\d)\s+(?P<podhour>{_alt(lex.pod_hours)})\b"
        if lex.pod_hours
        else "(?!)",
        "yearago": rf"{the}(?:comparable\s+)?\b(?P<yago>[Yy]ear[-\s](?:ago|earlier))"
        rf"(?:\s+(?:(?P<ord>{_ci(lex.ordinals)})[-\s])?(?P<unit>quarter|period|month|year))?\b",
        # "the corresponding period last year", "the quarter a year ago", "last year's quarter": the reporting
        # period a year before the one the text speaks of (as "the year-ago period" is), not last year
        "periodago": r"\b(?:[Tt]he\s+(?:(?:same|corresponding|comparable)\s+)?"
        rf"(?P<unit>quarter|{_alt(lex.period_words)})\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))"
        rf"|[Ll]ast\s+year's\s+(?P<unit2>quarter|{_alt(lex.period_words)}))\b"
        if lex.period_words
        else "(?!)",
        "bareseason": rf"(?:(?P<mod>{mod})[\s-]*(?:[Tt]he\s+)?|(?P<the>[Tt]he)\s+|(?P<that>[Tt]hat)\s+|{cued}|{paired})"
        rf"\b(?P<season>{season})\b",
        "season": rf"{the}(?:(?P<mod>{mod})[\s-]*)?\b(?P<season>{season})\s+(?:of\s+)?(?P<year>{any_year})\b",
        "year": rf"(?:(?P<mod>{mod})[\s-]*)?(?:(?P<fiscal>{fiscal})(?:\s+year)?\s+|{the}[Yy]ear\s+(?:of\s+)?)?"
        r"(?<![$\d.,/])(?<!\d-)\b"
        rf"(?P<year>{any_year})\b(?![-/.,]?\d)(?!\s*%)(?!\s+(?:GMT|UTC)\b)",  # "(1800 GMT)" is a clock time
        "yearrange": rf"(?<![$\d.,])\b(?P<year>{year})\s?[-–]\s?(?P<year2>{year}|\d\d)\b(?![-/.,]?\d)",
        # "1990's" before a word is the year's possessive ("1990's Unison", as AP style writes decades "1990s"),
        # after "the" or "a" a decade ("the 1990's", "a 1990's hit")
        "decade": rf"(?:(?P<thed>[Tt]he)\s+)?(?:(?P<mod>{mod})[\s-]*)?"
        rf"(?:(?P<dec>1[6-9]\d|20\d)0(?:s|'s(?(thed)|(?(mod)|{_DECADE_ADJECTIVE})))|'(?P<dec2>\d)0s"
        rf"|(?:{after_decade})(?P<dec3>\d)0s)\b",
        "ago": rf"(?:(?P<approx>{approx})\s+)?(?:(?P<halfof>[Hh]alf)\s+(?=an?\s))?{low}{count}(?P<unit>{unit}){or_so}"
        rf"\s+(?P<ago>{ago})\b",
        "duration": rf"(?:(?P<the>{the})(?:(?P<rel>{span_words})\s+)?)?"
        rf"(?:(?P<approx>{approx})\s+)?\b{low}{count}(?:{_alt(lex.extra_words)}\s+){{0,2}}(?P<unit>{unit})\b"
        r"(?![-\s][Cc]entur)"  # "a quarter-century old" is an age, not "a quarter"
        rf"(?P<andhalf>\s+and\s+a\s+half)?{or_so}{not_age}(?<![Aa]\ssecond)(?<!quarters(?=\sof\s(?!{results})))"
        r"(?<!-quarters)",  # "three-quarters of donors" is a fraction
        # "half an hour", "a half-hour" (not "half-hourly")
        "halfunit": rf"(?:(?P<approx>{approx})\s+)?\b(?:[Hh]alf\s+an?\s+|(?:[Aa]\s+)?[Hh]alf-)(?P<unit>{unit})\b",
        # "in the early hours of Sunday" names a part of Sunday, not a duration; "after hours" (trading, staying)
        # is outside business hours ("after hours of talks" stays a span)
        "bareunit": rf"(?:(?P<approx>{approx})\s+)?\b(?!(?<=[Ee]arly\s)hours|(?<=wee\s)hours"
        r"|(?<=[Aa]fter[\s-])hours(?!\s+of\b))"
        rf"(?P<unit>{plural_units}|{short_units})\b{not_age}(?:\s+{back}\b)?",
        "set": rf"\b(?P<every>{_ci(lex.set_words)})\s+(?:(?P<num>{num}|other)\s+)?"
        rf"(?P<unit>{unit}|{wd}|{month_full}|{season}|{pod})\b",
        "freq": rf"\b(?P<freq>{_ci(lex.frequencies)})\b",
        "times": rf"\b(?P<times>{_ci(lex.times)}|{num}\s+times)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<unit>{unit})\b",
        # not "once in a while", "as long ago as 1850", "not that long ago"
        "ref": rf"(?<!once\sin\s)(?!{not_long_ago})\b(?P<ref>{_ci(lex.refs)})\b{not_counted}",
        "present": rf"(?:\b(?P<then>{_alt(lex.then_present)})|\b{_ci(lex.present_adjectives)})"
        rf"(?!\s+{_alt(lex.present_exceptions)}\b)(?=\s+[a-z])",
        "weekdays": rf"\b(?P<wds>{_alt(lex.weekday_plurals)})(?:\s+(?P<pods>{_alt(lex.pod_plurals)}))?\b"
        rf"|\b(?P<wd>{wd})\s+(?P<pods2>{_alt(lex.pod_plurals)})\b"
        if lex.weekday_plurals
        else "(?!)",
        "pluralset": rf"\b(?P<plural>{_alt(lex.plural_sets)})\b" if lex.plural_sets else "(?!)",
        # "the nineties" (a bare decade word only after "the": "in his fifties" is an age), "nineteen fifties"
        "worddecade": rf"\b(?P<the>[Tt]he\s+(?:(?P<mod>{mod})[\s-]*)?)?"
        rf"(?:(?P<cent>{_ci(lex.century_words)})[-\s]+|(?(the)|(?!)))(?P<decword>{_alt(lex.decade_words)})\b"
        if lex.decade_words
        else "(?!)",
        "weekof": rf"\b{_ci([lex.week_of])}\s+(?P<monthname>{month})\s+(?P<day>{day})\b(?:,?\s+(?P<year>{year})\b)?"
        if lex.week_of
        else "(?!)",
        # "the 20th century", "19th-century", "the twenty-first century"
        "century": rf"{the}(?:(?P<mod>{mod})\s+)?\b(?:(?P<ord>\d{{1,2}})(?:st|nd|rd|th)"
        rf"{'|(?P<ordword>' + _ci(lex.century_ordinals) + ')' if lex.century_ordinals else ''})"
        r"(?P<hyphen>-)?\s*century\b",
        "yearend": r"(?:[Tt]he\s+)?\b(?P<yearend>[Yy]ear[-\s]end|[Yy]ear's\s+end)\b",
        "namedday": rf"(?<![\d/])(?P<named>{_alt(lex.named_days)})(?![\d/])" if lex.named_days else "(?!)",
        # "last Christmas", "the 1988 Super Tuesday", "Christmas 2015"; not "Super Tuesday 2" (another day)
        "holiday": rf"(?:(?P<rel>{rel})\s+|\b(?P<year0>{year})\s+)?\b(?P<holiday>{every_holiday}{span_holiday})(?!\w)"
        rf"(?![ \t]+(?:\d{{1,2}}|II|III)\b)(?:\s+(?P<span>{holiday_span})\b)?(?:,?\s+(?P<year>{year})\b)?",
    }


# Which trigger words each rule needs: a rule is only run near its own triggers, so a page full of "1 1 1" or
# "May May May" wakes one or two rules instead of all of them.
_UNITS = ("unit", "quarter")
RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("iso", "numeric", "year", "yearrange", "decade", "yearperiod", "fiscalyear"), ("year",)),
    **dict.fromkeys(("mdy", "mdycomma", "dmy", "month", "weekof"), ("month",)),
    "worddecade": ("decade",),
    "weekdays": ("weekday",),
    "pluralset": ("unit",),
    **dict.fromkeys(("ago", "duration", "bareunit", "halfunit"), _UNITS),
    **dict.fromkeys(("theunit", "latest"), (*_UNITS, "period")),
    "modunit": _UNITS,
    "longunit": _UNITS,
    "podhour": ("pod",),
    "present": ("present",),
    "relpod": ("pod",),
    "inpod": ("pod",),
    "attime": ("attime",),
    "nthday": ("unit",),
    "dayoffset": _UNITS,
    "modpod": ("pod",),
    **dict.fromkeys(("season", "bareseason"), ("season",)),
    "time": ("ampm",),
    "clock": ("clock",),
    "zoneclock": ("clock", "year"),  # "1330 GMT" wakes the year trigger first
    "qabbr": ("quarter",),
    "noon": ("noon",),
    "weekday": ("weekday",),
    "dayword": ("dayword",),
    "tonight": ("pod",),
    "quarter": ("quarter",),
    "relunit": (*_UNITS, "season"),
    "yearago": ("yearago", "unit"),
    "periodago": ("quarter", "period"),
    "set": (*_UNITS, "weekday", "month", "season", "pod"),
    "freq": ("freq",),
    "times": _UNITS,
    "ref": ("ref",),
    "century": ("century", "unit"),
    "holiday": ("holiday",),
    "namedday": ("named",),
    "yearend": ("unit",),
}
# Characters kept around each trigger when scanning: longer than any modifier chain before a head word
# ("the beginning of this coming fiscal year") or any tail after it ("March 14, 2021").
TRIGGER_MARGIN = 60
# after an article "1990's" is a decade used as an adjective; with no article before a word, a year's possessive
_DECADE_ADJECTIVE = r"(?:(?<=\b[Aa]\s\d{4}'s)|(?<=\b[Aa]n\s\d{4}'s)|(?!\s+[A-Za-z]))"
WORD_START = r"(?<!\w)"  # every rule starts a word: positions inside words fail at the first check
LINE_BREAK = re.compile(r"\n")  # ends a sentence (as in nlp._paragraph_breaks): no expression runs over one


@functools.lru_cache(maxsize=8)
def rules(language: str) -> tuple[Rule, ...]:
    """The compiled rules for ``language`` (compiled once per process)."""
    lex = LEXICONS[language]
    return tuple(Rule(name, re.compile(WORD_START + src)) for name, src in _templates(lex).items())


@functools.lru_cache(maxsize=8)
def trigger(language: str) -> re.Pattern[str]:
    """One pattern for the head words of time expressions, one named group per kind (month, unit, year…)."""
    lex = LEXICONS[language]
    kinds = {
        "year": r"\d{4}(?!\d)|\d{3}0'?s\b|'\d0s\b"
        + (rf"|\b{_ci(lex.century_words)}\b|\b{_alt(lex.millennium_words)}\b" if lex.century_words else ""),
        "period": rf"\b{_alt(lex.period_words)}\b" if lex.period_words else "(?!)",
        "present": rf"\b{_ci(lex.present_adjectives)}\b" if lex.present_adjectives else "(?!)",
        "ampm": r"\d{1,2}(?::\d\d)?\s?(?:[ap]\.?m\b|[AP]\.?M\b)",
        "clock": r"\d\d?:\d\d|\b\d{4}\s+(?:GMT|UTC)\b",
        "month": rf"\b{_alt(lex.months)}\b",
        "weekday": rf"\b{_alt(lex.weekdays)}s?\b",
        "decade": rf"\b{_alt(lex.decade_words)}\b" if lex.decade_words else "(?!)",
        "dayword": rf"\b{_ci(lex.day_words)}\b",
        # "midafternoon" is one word ("midnight" is no part of day here: the noon rule's)
        "pod": rf"\b(?:{_ci([*lex.parts_of_day, 'tonight'])}|[Mm]id{_alt(lex.modified_parts_of_day)})\b",
        "noon": rf"\b{_ci(lex.noon_words)}\b",
        "quarter": r"\b(?:[Qq]uarters?|half|[QH][1-4])\b",
        "unit": rf"\b{_ci(lex.units)}(?:-?{lex.long_suffix})?\b"
        if lex.long_suffix
        else rf"\b{_ci(lex.units)}\b",
        "season": rf"\b{_ci(lex.seasons)}\b",
        "yearago": r"\b[Yy]ear[-\s](?:ago|earlier)\b",
        "freq": rf"\b{_ci(lex.frequencies)}\b",
        "ref": rf"\b{_ci(lex.refs)}\b",
        "century": r"\bcentury\b",
        "holiday": rf"\b{_alt(lex.holidays)}",
        "named": rf"(?<![\d/]){_alt(lex.named_days)}" if lex.named_days else "(?!)",
        "attime": rf"\b{_alt([lex.at_the_time.split()[-1]])}\b" if lex.at_the_time else "(?!)",
    }
    return re.compile(WORD_START + "(?:" + "|".join(f"(?P<{k}>{v})" for k, v in kinds.items()) + ")")


def _merge(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def regions(text: str, language: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule, merged ``[start, end)`` windows of ``TRIGGER_MARGIN`` characters around its trigger words."""
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for m in trigger(language).finditer(text):
        by_kind.setdefault(m.lastgroup or "", []).append(
            (m.start() - TRIGGER_MARGIN, m.end() + TRIGGER_MARGIN)
        )
    merged = {kind: _merge(windows) for kind, windows in by_kind.items()}
    breaks = [m.start() for m in LINE_BREAK.finditer(text)]
    out: dict[str, list[tuple[int, int]]] = {}
    for rule, kinds in RULE_TRIGGERS.items():
        present = [merged[k] for k in kinds if k in merged]
        windows = present[0] if len(present) == 1 else _merge(heapq.merge(*present))
        clipped = [(max(0, start), min(end, len(text))) for start, end in windows]
        out[rule] = list(_cut_at_breaks(clipped, breaks)) if breaks else clipped
    return out


def _cut_at_breaks(windows: list[tuple[int, int]], breaks: list[int]) -> Iterator[tuple[int, int]]:
    """Each window split at the line breaks inside it, so that no match runs over one: a number closing a
    paragraph and a month opening the next ("… the SEA-ME-WE 4" / "August 16, 2011") are no date "4 August",
    and the month with its year is still found in its own piece. Neither TempEval-3 nor PolNeAR has an
    expression over a line break; extracted web text puts one between paragraphs."""
    for start, end in windows:
        i = bisect.bisect_left(breaks, start)
        while i < len(breaks) and breaks[i] < end:
            if breaks[i] > start:
                yield start, breaks[i]
            start = max(start, breaks[i] + 1)
            i += 1
        if start < end:
            yield start, end


def find(text: str, language: str = "en") -> Iterator[Match]:
    """Every rule's matches in ``text``, overlapping; ``choose`` picks the non-overlapping set."""
    windows = regions(text, language)
    for rule in rules(language):
        for start, end in windows.get(rule.name, ()):
            for m in rule.regex.finditer(text, start, end):
                if m.end() > m.start():
                    yield Match(m.start(), m.end(), rule.name, m.groupdict())


def choose(matches: list[Match], length: int) -> list[Match]:
    """Longest matches first, dropping any that overlap one already taken; returned in text order.

    A byte per character of the text marks what is taken, so each candidate costs its own length, not the
    number of matches taken before it (10⁵ matches in a 1 MB page stay linear).
    """
    taken = bytearray(length + 1)
    out: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if taken.find(1, m.start, m.end) == -1:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            out.append(m)
    return sorted(out, key=lambda m: m.start)
