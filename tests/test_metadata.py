"""Metadata recovery from raw article text: invented articles and what they state about themselves."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from storyline.ingest.document import make_document
from storyline.ingest.html import document_from_html, strip_site_suffix
from storyline.ingest.metadata import (
    agencies,
    canonical_agency,
    date_line,
    infer_year,
    outlet_from_url,
    recover,
)
from storyline.model import Document, Skipped
from storyline.settings import IngestSettings

HEADLINE = "Ministers agree to resume border talks"
BODY = (
    "The two ministers met for three hours and agreed to continue the talks on border demarcation, "
    "officials said after the meeting ended."
)


def _recover(text: str, **meta: object) -> object:
    return recover(make_document("test.txt", text, **meta))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, outlet",
    [
        (f"YEREVAN, April 2. /TASS/. {BODY}", "TASS"),
        (f"TBILISI, June 5 /Xinhua/ -- {BODY}", "Xinhua"),
        (f"ANKARA (Reuters) - {BODY}", "Reuters"),
        (f"MOSCOW, Feb 3 (Reuters) - {BODY}", "Reuters"),
        (f"WASHINGTON (AP) — {BODY}", "Associated Press"),
        (f"KYIV, Oct 9 (Interfax) - {BODY}", "Interfax"),
        (f"(AFP) {BODY}", "AFP"),
        # an outlet credit names the outlet as written, known to agencies.toml or not; a person does not
        (f"Ministers meet again\n\nBy Caspian Herald\n\n{BODY}", "Caspian Herald"),
        (f"Ministers meet again\n\nBy Leyla Mammadova\n\n{BODY}", None),
        (f"Ministers meet again\n\nNews Service KNA\n\n{BODY}", "KNA"),
        (f"ODESSA, April 2. /UNA/. {BODY}", "UNA"),
        (f"LIMA, Peru (RPN) - {BODY}", "RPN"),
        (f"LIMA, Peru (local time) - {BODY}", None),
        # the publisher's credit beats the wire dateline of a story it republishes
        (f"Talks go on\n\nBy Caspian Daily News\n\nBAKU, March 14. /TASS/. {BODY}", "Caspian Daily News"),
        (f"The Baltic Herald\nHome | World | Sport\n\nTalks go on\n\n{BODY}", "The Baltic Herald"),
        (f"Ministers meet again\n\nBy Azernews\n\n{BODY}", "Azernews"),
        (f"Ministers meet again\n\nNews Service AA\n\n{BODY}", "Anadolu Agency"),
        (f"Ministers meet again\n\nNews Service Trend\n\n{BODY}", "Trend"),
        (f"Ministers meet again\n\n{BODY}\n\n— AFP", "AFP"),
        (f"{BODY} It was the third round this year. -- dpa", "dpa"),
        (f"MADRID, 4 May (EFE).- {BODY}", "EFE"),
        (f"Ministers meet again\n\nSource: Yonhap\n\n{BODY}", "Yonhap"),
        # an agency named in the body is a source, not the publisher
        (f"Ministers meet again\n\n{BODY} Reuters reported the talks first, citing AP.", None),
    ],
)
def test_outlet_from_credits(text: str, outlet: str | None) -> None:
    assert _recover(text).outlet == outlet  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://tass.com/politics/123", "TASS"),
        ("https://www.aa.com.tr/en/europe/talks/2", "Anadolu Agency"),
        ("https://en.trend.az/azerbaijan/1", "Trend"),
        ("https://example.org/story", None),
        ("https://notreuters.com/story", None),
    ],
)
def test_outlet_from_url_host(url: str, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet
    assert _recover(f"Ministers meet again\n\n{BODY}", url=url).outlet == outlet  # type: ignore[attr-defined]


def test_credit_beats_url_and_metadata_outlet_is_kept() -> None:
    text = f"ANKARA (Reuters) - {BODY}"
    assert _recover(text, url="https://tass.com/x").outlet == "Reuters"  # type: ignore[attr-defined]
    assert _recover(text, outlet="Daily Planet").outlet == "Daily Planet"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text, place",
    [
        (f"YEREVAN, April 2. /TASS/. {BODY}", "Yerevan"),
        (f"WASHINGTON (AP) — {BODY}", "Washington"),
        (f"NUR-SULTAN, Nov 3 (Reuters) - {BODY}", "Nur-Sultan"),
        (f"ST. PETERSBURG, July 8. /TASS/. {BODY}", "St. Petersburg"),
        (f"SAN FRANCISCO, Calif. (AP) — {BODY}", "San Francisco"),
        (f"RIO DE JANEIRO, 12 March (Reuters) - {BODY}", "Rio De Janeiro"),
        (f"KYIV — {BODY}", "Kyiv"),
        (f"SANTIAGO, Chile — {BODY}", "Santiago"),  # a city and its country with no agency credit
        (f"PARIS, France - {BODY}", "Paris"),
        (f"GAZA CITY/JERUSALEM, Jan 25 (Reuters) - {BODY}", "Gaza City"),  # reported from two places
        (f"Ministers meet again\n\n{BODY}", None),
        (f"NATO said on Monday that {BODY}", None),  # capitals without a date, credit or dash: no dateline
        (f"BREAKING — {BODY}", None),  # a story label, not a place
        ("HOLIDAY HOMES – our new label\n\nWe rent houses.", None),  # a heading with a dash, no body after it
    ],
)
def test_dateline_place(text: str, place: str | None) -> None:
    assert _recover(text).dateline_place == place  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text, title",
    [
        (
            f"All news\n\nMinisters agree to resume border talks\n\n{BODY}",
            "Ministers agree to resume border talks",
        ),
        (
            f"Home\nShare\n\nTalks resume in Geneva, says envoy\n\n{BODY}",
            "Talks resume in Geneva, says envoy",
        ),
        (f"By Azernews\n\nBy Leyla Mammadova\n\n{BODY}", None),  # credits are not titles; body is not a title
        (f"{BODY}\n\nA short line after the body", None),
        (f"YEREVAN, April 2. /TASS/. {BODY}", None),
        (f"Will the talks succeed?\n\n{BODY}", "Will the talks succeed?"),
    ],
)
def test_title(text: str, title: str | None) -> None:
    assert _recover(text).title == title  # type: ignore[attr-defined]


def test_title_from_metadata_is_kept() -> None:
    text = f"All news\n\nMinisters agree to resume border talks\n\n{BODY}"
    assert _recover(text, title="From the HTML").title == "From the HTML"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text, byline",
    [
        (f"By Azernews\n\nBy Leyla Mammadova\n\n{BODY}", "Leyla Mammadova"),
        (f"Talks resume\n\nBy Tom O'Neill, Reuters\n\n{BODY}", "Tom O'Neill"),
        (f"Talks resume\n\nBy Anna de Vries\n\n{BODY}", "Anna de Vries"),
        (f"Talks resume\n\nBy Azernews\n\n{BODY}", None),  # an outlet credit, not a person
        # several writers, joined as trafilatura joins a page's authors
        (f"Talks resume\n\nBy Ann Lee and Ben Ott\n\n{BODY}", "Ann Lee; Ben Ott"),
        (f"Talks resume\n\nBy Ann Lee, Ben Ott and Carla Diaz\n\n{BODY}", "Ann Lee; Ben Ott; Carla Diaz"),
        (f"Talks resume\n\nBy Ann Lee & Ben Ott, Reuters\n\n{BODY}", "Ann Lee; Ben Ott"),
        (f"Talks resume\n\nBy Ann Lee and Reuters\n\n{BODY}", "Ann Lee"),
        (
            f"Talks resume\n\nBy Ann Lee and Ben Ott, AP and Reuters\n\n{BODY}",
            "Ann Lee; Ben Ott",
        ),  # both writers
        (f"Talks resume\n\nBy Land, Sea and Air\n\n{BODY}", None),  # a comma is in no one person's name
        (f"Talks resume\n\nBy Leyla Mammadova, Azernews staff writer\n\n{BODY}", "Leyla Mammadova"),
        (f"Talks resume\n\nBy the time and the place agreed, talks went on\n\n{BODY}", None),
        (f"Talks resume\n\nBy Monday the talks had stalled again.\n\n{BODY}", None),
        (f"Talks resume\n\n{BODY}", None),
    ],
)
def test_byline(text: str, byline: str | None) -> None:
    assert _recover(text).byline == byline  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text, published, hints",
    [
        # the dateline states the year
        (f"GENEVA, March 3, 2019 (Reuters) - {BODY}", dt.date(2019, 3, 3), {"published_after": "2019-03-03"}),
        # year from the latest full date mentioned: "January 11, 2021" precedes a March 14 dateline
        (
            f"BAKU, March 14. /TASS/. {BODY} On January 11, 2021, the leaders met. "
            "Four months after the war, the road is open. Fighting began in 2020.",
            dt.date(2021, 3, 14),
            {"published_after": "2021-01-11"},
        ),
        # a dateline before the latest full date in its year → the next year, when the text names that year
        (
            f"BAKU, Feb. 2 /TASS/. {BODY} The deal of Nov. 10, 2020 held; talks resume in 2021.",
            dt.date(2021, 2, 2),
            {"published_after": "2020-11-10"},
        ),
        # …or says "last year" about a year-less date
        (
            f"BAKU, Feb. 2 /TASS/. {BODY} The deal signed on 10 November 2020 held. "
            "Clashes erupted on Sept. 27 last year.",
            dt.date(2021, 2, 2),
            {"published_after": "2020-11-10"},
        ),
        # only a 1945 date: 1946 is not stated anywhere → no year
        (
            f"MOSCOW, May 8. /TASS/. {BODY} The war in Europe ended on May 9, 1945.",
            None,
            {"dateline_date": "--05-08", "published_after": "1945-05-09"},
        ),
        # no year evidence at all
        (f"TBILISI, June 5 (Reuters) - {BODY}", None, {"dateline_date": "--06-05"}),
        # a weekday alone is not a date
        (
            f"Talks resume\n\nThe foreign minister said on Wednesday that {BODY}",
            None,
            {"weekday": "Wednesday"},
        ),
        # a date the text puts ahead of it ("due", "until") is not evidence
        (
            f"BAKU, March 14. /TASS/. {BODY} On January 11, 2021, they met. The bonds are due May 1, 2031.",
            dt.date(2021, 3, 14),
            {"published_after": "2021-01-11"},
        ),
        # ISO dates count as full dates
        (
            f"ANKARA, Aug 1 (Reuters) - {BODY} Data released 2022-07-15 show growth.",
            dt.date(2022, 8, 1),
            None,
        ),
    ],
)
def test_published(text: str, published: dt.date | None, hints: dict[str, str] | None) -> None:
    doc = _recover(text)
    assert doc.published == published  # type: ignore[attr-defined]
    if hints is not None:
        assert dict(doc.hints) == hints  # type: ignore[attr-defined]


def test_published_from_metadata_is_kept() -> None:
    doc = _recover(
        f"BAKU, March 14. /TASS/. {BODY} On January 11, 2021, they met.", published=dt.date(2021, 3, 15)
    )
    assert doc.published == dt.date(2021, 3, 15)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "month, day, dates, years, last_year, expected",
    [
        (3, 14, [dt.date(2021, 1, 11)], {2021}, False, 2021),
        (1, 5, [dt.date(2020, 12, 20)], {2020, 2021}, False, 2021),
        (1, 5, [dt.date(2020, 12, 20)], {2020}, False, None),  # 2021 never stated
        (1, 5, [dt.date(2020, 12, 20)], {2020}, True, 2021),
        (3, 14, [dt.date(2021, 1, 11)], {2021, 2030}, False, 2021),
        (3, 14, [dt.date(2021, 5, 11)], {2021, 2030}, False, None),  # 2030 is too far after the event
        (2, 29, [dt.date(2023, 12, 1)], {2023, 2024}, False, 2024),  # a leap day skips years without one
        (3, 14, [], {2020}, True, 2021),
        (3, 14, [], {2020}, False, None),
    ],
)
def test_infer_year(
    month: int, day: int, dates: list[dt.date], years: set[int], last_year: bool, expected: int | None
) -> None:
    assert infer_year(month, day, dates, years, last_year) == expected


@pytest.mark.parametrize(
    "weekday, expected",
    [
        (3, 2023),  # "on Thursday": Aug 3, 2023 was a Thursday, so the year the text names is its own
        (5, 2024),  # "on Saturday": Aug 3, 2024 was one
        (None, 2024),  # no weekday in the lead: the year after the latest one named
        (0, 2024),  # a weekday that fits neither year: the same
    ],
)
def test_infer_year_from_the_lead_s_weekday(weekday: int | None, expected: int) -> None:
    assert infer_year(8, 3, [], {2008, 2023}, True, weekday) == expected


@pytest.mark.parametrize(
    "weekday, expected",
    [
        # "STOCKHOLM, Oct 24 - … on Tuesday … since March 2020 … in the first half of 2024": Oct 24, 2020 was a
        # Saturday; of 2020 to 2024 only 2023 has it on a Tuesday
        (1, 2023),
        (5, 2020),  # "on Saturday": the earliest year fits
        (4, 2020),  # "on Friday": the day before the dateline's, as a next-day report tells it
        (6, 2020),  # "on Sunday": the day after, as a lead of what is planned tells it
        (None, 2020),
        (3, 2024),  # "on Thursday": 2024, the latest year named, is the one
        (2, 2020),  # "on Wednesday": no year from 2020 to 2024 has Oct 24 on one: kept
    ],
)
def test_infer_year_checks_the_lead_s_weekday(weekday: int | None, expected: int) -> None:
    assert infer_year(10, 24, [dt.date(2020, 3, 1)], {2020, 2024}, False, weekday) == expected


@pytest.mark.parametrize(
    "month, day, weekday, ahead, expected",
    [
        # "SANTIAGO, March 7 - Boric replaced his ministers on Tuesday … since March 2022": March 7, 2022 was a
        # Monday, and a past lead cannot tell of the day after its dateline; 2023's was a Tuesday
        (3, 7, 1, False, 2023),
        (3, 7, 1, True, 2022),  # "will name new ministers on Tuesday": the day after, as planned
        (3, 7, 0, False, 2022),  # "on Monday": the dateline's own day
        (3, 7, 6, False, 2022),  # "on Sunday": the day before, as a next-day report tells it
        # "MOSCOW, June 25 … on Tuesday … took over … in July 2022": no year named has June 25 after July 2022;
        # 2023's June 25 was a Sunday, so only a lead "on Sunday" (or "Saturday's") takes it
        (6, 25, 6, False, 2023),
        (6, 25, 5, False, 2023),
        (6, 25, 1, False, None),
    ],
)
def test_infer_year_reads_a_past_lead_s_weekday(
    month: int, day: int, weekday: int, ahead: bool, expected: int | None
) -> None:
    bounds = [dt.date(2022, 3, 1)] if month == 3 else [dt.date(2022, 7, 1)]
    assert infer_year(month, day, bounds, {2022}, False, weekday, weekday_ahead=ahead) == expected


@pytest.mark.parametrize(
    "text, published, outlet",
    [
        # a wire dateline with no place: the date and the credit still date the story
        (
            "March 25 (Reuters) - Boeing said on Monday its chief, in the job since January 2020, would go in 2024.",
            dt.date(2024, 3, 25),
            "Reuters",
        ),
        (
            "March 25, 2024 (Reuters) - Boeing said its chief would step down.",
            dt.date(2024, 3, 25),
            "Reuters",
        ),
        ("March 25 (local time) - Markets fell on Monday after the 2024 budget.", None, None),  # no agency
    ],
)
def test_a_dateline_without_a_place(text: str, published: dt.date | None, outlet: str | None) -> None:
    recovered = _recover(text)
    assert (recovered.published, recovered.outlet, recovered.dateline_place) == (published, outlet, None)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "lead, published",
    [
        ("Chilean President Gabriel Boric replaced his finance minister on Tuesday.", dt.date(2023, 3, 7)),
        (
            "Chilean President Gabriel Boric will replace his finance minister on Tuesday.",
            dt.date(2022, 3, 7),
        ),
    ],
)
def test_a_past_lead_s_weekday_moves_a_year_less_dateline_on(lead: str, published: dt.date) -> None:
    text = f"SANTIAGO, March 7 (Reuters) - {lead} Mario Marcel has led the ministry since March 2022."
    assert _recover(text).published == published  # type: ignore[attr-defined]


def test_a_year_told_as_ahead_does_not_place_a_year_less_dateline() -> None:
    """ "before 2026" is ahead of the story: with "last year", the dateline's year is the one after the latest
    year named as past or current (2024, whose May 13 was the lead's Monday), not 2027."""
    text = (
        "MUNICH, May 13 (Reuters) - Siemens Energy raised its outlook for fiscal 2024 on Monday. Its wind unit, "
        "which lost money last year, would not break even before 2026."
    )
    assert _recover(text).published == dt.date(2024, 5, 13)  # type: ignore[attr-defined]


def test_agency_table_is_well_formed() -> None:
    table = agencies()
    assert len(table) >= 30
    assert len({a.name for a in table}) == len(table)
    assert all(a.aliases and a.hosts for a in table)
    assert canonical_agency("AA") == "Anadolu Agency"
    assert canonical_agency("REUTERS") == "Reuters"


def test_recover_keeps_identity_and_text() -> None:
    raw = make_document("a.txt", f"All news\n\nYEREVAN, April 2. /TASS/. {BODY}")
    doc = recover(raw)
    assert (doc.id, doc.text, doc.content_hash) == (raw.id, raw.text, raw.content_hash)


MEGABYTE = 1_000_000
ADVERSARIAL = {
    "capitals": "A" * MEGABYTE,
    "capital words": "ABC " * (MEGABYTE // 4),
    "slashes": "A/" * (MEGABYTE // 2),
    "month days": "March 1 " * (MEGABYTE // 8),
    "open parens": "(AP" * (MEGABYTE // 3),
    "dashes": "\n-- " * (MEGABYTE // 4),
    "credit tail": "— AFP" + " \t" * (MEGABYTE // 2) + "x",
    "datelines": "BAKU, March 14. /TASS/. " * (MEGABYTE // 24),
}
SECONDS_PER_MEGABYTE = 5.0  # generous: the machine is shared; catastrophic backtracking takes minutes


@pytest.mark.parametrize("name", ADVERSARIAL)
def test_linear_time_on_adversarial_megabyte(name: str) -> None:
    doc = make_document("big.txt", ADVERSARIAL[name], language="en")
    start = time.process_time()
    recover(doc)
    assert time.process_time() - start < SECONDS_PER_MEGABYTE


@pytest.mark.parametrize(
    "line, date, update",
    [
        ("3 APR 2026, 11:20", dt.date(2026, 4, 3), False),
        ("Published: 26.04.2026 09:30", dt.date(2026, 4, 26), False),
        ("21.04.2026", dt.date(2026, 4, 21), False),
        ("May 4, 2026", dt.date(2026, 5, 4), False),
        ("Tuesday, 21 April 2026", dt.date(2026, 4, 21), False),
        ("Posted on March 3, 2025 at 4:30 p.m.", dt.date(2025, 3, 3), False),
        ("2026-04-21 19:05 GMT", dt.date(2026, 4, 21), False),
        ("14:37, 12 MAR 2021", dt.date(2021, 3, 12), False),
        ("21/04/2026", dt.date(2026, 4, 21), False),  # day first: 21 cannot be a month
        ("04/21/2026", dt.date(2026, 4, 21), False),  # month first
        ("Updated: 22.04.2026 08:00", dt.date(2026, 4, 22), True),
        ("04/05/2026", None, False),  # April 5 or 4 May: not guessed
        ("31.02.2026", None, False),  # no such day
        ("The talks resumed on May 4, 2026.", None, False),  # a sentence, not a stamp
        # a press release's header: the issuer, the place, the date
        (
            "Ministry of Foreign Affairs of the Republic of Kazakhstan, Astana, 12 March 2025",
            dt.date(2025, 3, 12),
            False,
        ),
        ("The talks resumed in Geneva after a long pause, officials said, 12 March 2025", None, False),
        ("Page 3 of 12", None, False),
    ],
)
def test_date_line(line: str, date: dt.date | None, update: bool) -> None:
    found = date_line(line)
    assert (found.date if found else None) == date
    if found:
        assert found.update == update


@pytest.mark.parametrize(
    "text, published",
    [
        # the page's time stamp dates it; "last year" with no full date would otherwise push it a year on
        (
            f"All news\nPolitics\n\n{HEADLINE}\n\n3 APR 2026, 11:20\n\nYEREVAN, April 3. /TASS/. {BODY} "
            "Clashes erupted on Sept. 27 last year; a treaty was hoped for in 2026.",
            dt.date(2026, 4, 3),
        ),
        (
            f"Home\nNews\n\n{HEADLINE}\n\nBy Tavra Today\n\nPublished: 26.04.2026 09:30\n\n{BODY}",
            dt.date(2026, 4, 26),
        ),
        (f"{HEADLINE}\n\nMay 4, 2026\n\n{BODY}", dt.date(2026, 5, 4)),
        (f"{HEADLINE}\n\nUpdated: 04.05.2026 10:00\n\n{BODY}", None),  # a change, not the publication
        (f"{HEADLINE}\n\n{BODY}\n\nMay 4, 2026", None),  # below the body: not the page's stamp
        # a month with its year bounds a year-less dateline from below
        (
            f"TBILISI, April 10 (Reuters) - {BODY} An inspection in February 2026 found faults.",
            dt.date(2026, 4, 10),
        ),
        (f"TBILISI, April 10 (Reuters) - {BODY} The permit runs until February 2031.", None),
    ],
)
def test_published_from_date_lines(text: str, published: dt.date | None) -> None:
    assert _recover(text).published == published  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text, title, byline, outlet",
    [
        # a masthead above the menu is the outlet, not the headline
        (
            f"The Baltic Herald\nHome | World | Sport\n\n{HEADLINE}\n\nBy Anna Berg\n\n{BODY}",
            HEADLINE,
            "Anna Berg",
            "The Baltic Herald",
        ),
        # an outlet credit before the reporter's byline
        (
            f"Home\nNews\n\n{HEADLINE}\n\nBy Tavra Valley Today\n\nBy Elin Marsk\n\n{BODY}",
            HEADLINE,
            "Elin Marsk",
            "Tavra Valley Today",
        ),
        (f"{HEADLINE}\n\nBy The Northern Gazette\n\n{BODY}", HEADLINE, None, "The Northern Gazette"),
        # a credit to an outlet's staff names the outlet and no person
        (f"{HEADLINE}\n\nBy Al Jazeera Staff\n\n{BODY}", HEADLINE, None, "Al Jazeera"),
        (f"{HEADLINE}\n\nBy Staff Reporter\n\n{BODY}", HEADLINE, None, None),
        # a Title-Case headline ending in an outlet word, with no menu under it, stays the headline
        (f"Markets Rally On Jobs News\n\n{BODY}", "Markets Rally On Jobs News", None, None),
    ],
)
def test_outlet_credits_are_not_titles_or_bylines(
    text: str, title: str | None, byline: str | None, outlet: str | None
) -> None:
    doc = _recover(text)
    assert (doc.title, doc.byline, doc.outlet) == (title, byline, outlet)  # type: ignore[attr-defined]


def test_byline_equal_to_the_documents_outlet_is_not_a_person() -> None:
    doc = _recover(f"{HEADLINE}\n\nBy Selmar Evening\n\n{BODY}", outlet="Selmar Evening")
    assert doc.byline is None  # type: ignore[attr-defined]


def test_dateline_with_country_and_agency_credit() -> None:
    doc = _recover(f"TESSVIK, Oskaria (LBN) - {BODY}")
    assert (doc.dateline_place, doc.outlet) == ("Tessvik", "LBN")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "head, place, outlet, date",
    [
        # AZERTAC's dateline: the place in title case, the date, then the agency after a comma
        ("Baku, 14 July, AZERTAC", "Baku", "Azertac", None),
        ("Baku, July 14, 2023, AZERTAC", "Baku", "Azertac", dt.date(2023, 7, 14)),
        ("Baku, July 14, AZERTAC - ", "Baku", "Azertac", None),
        # a sentence, an unknown name or no date after the place: no dateline
        ("Baku, July 14, Reuters reported that ", None, None, None),
        ("Baku, July 14, Smith said ", None, None, None),
        ("Baku, Azerbaijan, AZERTAC", None, None, None),
    ],
)
def test_dateline_with_the_agency_after_a_comma(
    head: str, place: str | None, outlet: str | None, date: dt.date | None
) -> None:
    doc = _recover(f"{head}\n\n{BODY}" if not head.endswith(" ") else f"{head}{BODY}")
    assert (doc.dateline_place, doc.outlet, doc.published) == (place, outlet, date)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "title, sitename, host, url, expected",
    [
        ("Talks resume - The Baltic Herald", None, "balticherald.example", None, "Talks resume"),
        ("Talks resume | BBC News", "BBC", "www.bbc.co.uk", None, "Talks resume"),
        ("Talks resume — Daily Planet", "Daily Planet", None, None, "Talks resume"),
        ("Krieg im Osten – tagesschau.de", None, "www.tagesschau.de", None, "Krieg im Osten"),
        ("Talks resume - envoy", "Daily Planet", "dailyplanet.example", None, "Talks resume - envoy"),
        ("War in the east - Kyiv", None, "kyivpost.example", None, "War in the east - Kyiv"),
        ("Talks resume", "Daily Planet", "dailyplanet.example", None, "Talks resume"),
        # a site name with separators of its own, a section the URL files the page under, a leading site name
        ("Talks resume — Planet - News | Views", "Planet - News | Views", None, None, "Talks resume"),
        (
            "Talks resume | Sport | Planet",
            "Planet",
            "planet.example",
            "https://planet.example/sport/a",
            "Talks resume",
        ),
        (
            "Talks resume | Sport",
            "Planet",
            "planet.example",
            "https://planet.example/world/a",
            "Talks resume | Sport",
        ),
        ("Daily Planet | Talks resume", "Daily Planet", "dailyplanet.example", None, "Talks resume"),
        ("Covid-19 - Talks resume", "Daily Planet", "dailyplanet.example", None, "Covid-19 - Talks resume"),
    ],
)
def test_html_title_loses_its_site_suffix(
    title: str, sitename: str | None, host: str | None, url: str | None, expected: str
) -> None:
    """``ingest.html`` cuts the site's name (and a section of its URL) from page titles; tested here with the
    other titles."""
    assert strip_site_suffix(title, sitename, host, url) == expected


def _strike_page(head: str, heading: str = "", *, article_heading: str = "") -> Document:
    """A page of El Diario (eldiario.example) with six paragraphs of article: ``head`` inside its <head>,
    ``heading`` before the <article>, ``article_heading`` opening it."""
    paragraphs = "".join(
        f"<p>Dock workers in Velmora kept the harbour closed for a {day} day, the union said.</p>"
        for day in ("first", "second", "third", "fourth", "fifth", "sixth")
    )
    html = (
        f"<html><head><title>Strike</title><meta property='og:site_name' content='El Diario'>{head}</head>"
        f"<body>{heading}<article>{article_heading}{paragraphs}</article></body></html>"
    )
    document = document_from_html(
        "strike.html", html.encode(), IngestSettings(), url="https://eldiario.example/a"
    )
    assert not isinstance(document, Skipped)
    return document


@pytest.mark.parametrize(
    "meta_title, heading, expected",
    [
        # the page's one <h1> is its headline; the og:title is written for search engines and shares
        (
            "Strike: Velmora harbour shut",
            "<h1>Dock workers shut the Velmora harbour</h1>",
            "Dock workers shut the Velmora harbour",
        ),
        ("Strike - El Diario", "<h1>Strike ends</h1>", "Strike ends"),  # the og:title's site suffix goes too
        ("Harbour strike", "<h1>Harbour strike</h1>", "Harbour strike"),
        ("Autofinanzierung im Vergleich", "<h1>Finanzierung Ihres Autos</h1>", "Finanzierung Ihres Autos"),
        # a kicker set in a styled element of its own is not part of the headline; an emphasized word is
        (
            "Harbour strike: Velmora docks stay shut",
            "<h1><span class='kicker'>Harbour strike</span> Velmora docks stay shut</h1>",
            "Velmora docks stay shut",
        ),
        (
            "Velmora docks stay shut",
            "<h1><em class='ship'>Velmora</em> docks stay shut</h1>",
            "Velmora docks stay shut",
        ),
        (  # a kicker on a line of its own: trafilatura spaces the heading's text at the break, text_content not
            "Harbour strike: Velmora docks stay shut",
            "<h1><span class='kicker'>Harbour strike</span><br>Velmora docks stay shut</h1>",
            "Velmora docks stay shut",
        ),
        # a script inside the heading is no part of its text
        (
            "Velmora docks stay shut",
            "<h1>Velmora docks stay shut<script>track('headline')</script></h1>",
            "Velmora docks stay shut",
        ),
        (
            "Velmora docks stay shut",
            "<h1>Velmora docks <style>h1 {color: red}</style>stay shut<noscript>Turn on scripts</noscript></h1>",
            "Velmora docks stay shut",
        ),
        # not the headline: a page part sharing no word, the site's name, cut short, the og:title with a label
        ("Harbour strike", "<h1>Teilen</h1>", "Harbour strike"),
        (
            "韦尔莫拉港口罢工进入第六天",
            "<h1>分享</h1>",
            "韦尔莫拉港口罢工进入第六天",
        ),  # no spaces: one run, shared by none
        ("Harbour strike in Velmora", "<h1>El Diario</h1>", "Harbour strike in Velmora"),
        (
            "Harbour strike enters its sixth day",
            "<h1>Harbour strike enters its si...</h1>",
            "Harbour strike enters its sixth day",
        ),
        ("Harbour strike", "<h1>Headline: Harbour strike</h1>", "Harbour strike"),
        ("Harbour strike", "<h1>Harbour strike - Download</h1>", "Harbour strike"),
        # two <h1> (a site banner and the headline): a heading marked as the headline is taken
        (
            "Strike in Velmora",
            "<h1>El Diario</h1><h1 class='entry-title'>Velmora dock workers stay out</h1>",
            "Velmora dock workers stay out",
        ),
    ],
)
def test_html_title_is_the_visible_headline(meta_title: str, heading: str, expected: str) -> None:
    document = _strike_page(f"<meta property='og:title' content='{meta_title}'>", heading)
    assert document.title == expected


@pytest.mark.parametrize(
    "author, expected",
    [
        ("Ana Ruiz; El Diario", "Ana Ruiz"),  # the site is the outlet, not a writer
        ("Ana Ruiz, Luis Mora", "Ana Ruiz; Luis Mora"),
        ("View all posts by Ana Ruiz", "Ana Ruiz"),  # an author page's link text
        ("Zeige alle Beiträge von Ana Ruiz", "Ana Ruiz"),
        ("'Ana Ruiz", "Ana Ruiz"),  # a stray quote mark
        ("El Diario", None),
    ],
)
def test_html_byline_without_the_site_name(author: str, expected: str | None) -> None:
    document = _strike_page(f'<meta name="author" content="{author}">', article_heading="<h1>Strike</h1>")
    assert document.byline == expected


@pytest.mark.parametrize(
    "card, expected",
    [
        # an SEO plugin's Twitter card: the author and the reading time, labelled in the site's language
        (
            {"label1": "Verfasst von", "data1": "Ana Ruiz", "label2": "Lesezeit", "data2": "4 Minuten"},
            "Ana Ruiz",
        ),
        (
            {
                "label1": "Written by",
                "data1": "Ana Ruiz",
                "label2": "Est. reading time",
                "data2": "4 minutes",
            },
            "Ana Ruiz",
        ),
        (  # two names, and a handle, as trafilatura reads a meta author
            {"label1": "Written by", "data1": "Ana Ruiz & Ben Ott", "label2": "Lesezeit", "data2": "4 min"},
            "Ana Ruiz; Ben Ott",
        ),
        ({"label1": "Written by", "data1": "@anaruiz", "label2": "Lesezeit", "data2": "4 min"}, None),
        ({"label1": "Est. reading time", "data1": "4 minutes"}, None),  # the reading time alone names nobody
        (
            {"label1": "Price", "data1": "Ana Ruiz", "label2": "Colour", "data2": "blue"},
            None,
        ),  # not a byline card
        (
            {"label1": "Written by", "data1": "El Diario", "label2": "Lesezeit", "data2": "2 min"},
            None,
        ),  # the site
    ],
)
def test_html_byline_from_a_twitter_card(card: dict[str, str], expected: str | None) -> None:
    metas = "".join(f'<meta name="twitter:{name}" content="{value}">' for name, value in card.items())
    document = _strike_page(metas, article_heading="<h1>Strike</h1>")
    assert document.byline == expected


@pytest.mark.parametrize(
    "author, byline_html, expected",
    [
        # a byline line the page shows, in the site's language, when trafilatura reads no author
        ("", "<p class='meta'>Von Ana Ruiz</p>", "Ana Ruiz"),
        ("", "<div><span class='label'>por</span> <a href='/autor/ana'>Ana Ruiz</a></div>", "Ana Ruiz"),
        ("", "<span><strong>Von Ana Ru\u00adiz</strong></span>", "Ana Ruiz"),  # soft hyphens
        ("", "<div>By Ana Ruiz | 3 min read</div>", "Ana Ruiz"),  # a reading time after a separator
        ("", "<p>Autor: Ana Ruiz</p>", "Ana Ruiz"),
        ("", "<p>Von Ana Ruiz und Luis Mora</p>", "Ana Ruiz; Luis Mora"),  # two writers
        # or when what trafilatura read names no person (an association, a run-together handle)
        ("Verband der Hafenarbeiter e V", "<h5><em>Von Ana Ruiz</em></h5>", "Ana Ruiz"),
        ("Anaruiz", "<p>Von Ana Ruiz</p>", "Ana Ruiz"),
        # a person trafilatura read stays; a credit line naming no person, or a sentence, is no byline
        ("Luis Mora", "<p>Von Ana Ruiz</p>", "Luis Mora"),
        ("", "<p>Von der Redaktion</p>", None),
        ("", "<p>By the time the ships left, Ana Ruiz had gone home to Velmora.</p>", None),
        ("", "<p>Autor Ana Ruiz:</p>", "Ana Ruiz"),  # a colon ends the name
        ("", "<div>By Region: North America</div>", None),  # a label and its value: a colon is in no name
        ("", "<h2>By The Numbers</h2>", None),  # a section, a button or a slogan in title case names no one
        ("", "<button>Text To Speech</button>", None),
        ("", "<p>By <a href='/letters'>Letters To The Editor</a></p>", None),
        ("", "<p>By Web Desk</p>", None),  # a desk or a picture agency is no writer
        ("", "<figcaption>Text: Getty Images</figcaption>", None),
    ],
)
def test_html_byline_from_the_visible_credit(author: str, byline_html: str, expected: str | None) -> None:
    head = f'<meta name="author" content="{author}">' if author else ""
    document = _strike_page(head, article_heading=f"<h1>Strike</h1>{byline_html}")
    assert document.byline == expected


@pytest.mark.parametrize(
    "head, expected",
    [
        # a name whose "&oacute;" the page escaped twice reaches trafilatura as "Redacci; Oacute; N Diario …"
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"author": {"@type": "Person", "name": "Redacci&oacute;n Diario Velmora"}}</script>',
            "Redacción Diario Velmora",
        ),
        ('<meta name="author" content="Ana Ru&amp;iacute;z">', "Ana Ruíz"),
    ],
)
def test_html_byline_split_at_an_escaped_letter_is_read_from_the_page(head: str, expected: str) -> None:
    byline_html = f"<p class='autor'>Por <span>{expected}</span></p>"
    assert _strike_page(head, article_heading=f"<h1>Strike</h1>{byline_html}").byline == expected


@pytest.mark.parametrize(
    "text, language, place, outlet, hints",
    [
        # a TASS dateline in Russian: the month and the weekday in the cases Russian puts them in
        (
            "МОСКВА, 3 марта. /ТАСС/. МИД России в пятницу вызвал посла Молдавии в связи с высылкой "
            "российского дипломата, сообщила официальный представитель министерства Мария Захарова.",
            "ru",
            "Москва",
            "TASS",
            {"dateline_date": "--03-03", "weekday": "пятницу"},
        ),
        # an Anadolu dateline in Turkish
        (
            "ANKARA (AA) - Cumhurbaşkanı Erdoğan, Türkiye'nin yeni bir barış görüşmesine ev sahipliği yapmaya "
            "hazır olduğunu Çarşamba günü söyledi.",
            "tr",
            "Ankara",
            "Anadolu Agency",
            {"weekday": "Çarşamba"},
        ),
    ],
)
def test_datelines_in_other_languages(
    text: str, language: str, place: str, outlet: str, hints: dict[str, str]
) -> None:
    doc = _recover(text, language=language)
    assert (doc.dateline_place, doc.outlet, dict(doc.hints)) == (place, outlet, hints)  # type: ignore[attr-defined]


def test_a_russian_dateline_with_its_year_gives_the_date() -> None:
    doc = _recover("МОСКВА, 3 марта 2023 года. /ТАСС/. МИД России вызвал посла Молдавии.", language="ru")
    assert (doc.published, doc.outlet) == (dt.date(2023, 3, 3), "TASS")  # type: ignore[attr-defined]
