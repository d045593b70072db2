"""Boilerplate cleaning: invented pages, the lines that must go and the lines that must stay."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.ingest.document import make_document
from storyline.ingest.metadata import recover
from storyline.model import Document
from storyline.settings import CleanSettings

SETTINGS = CleanSettings()
LEAD = "YEREVAN, April 2. /TASS/. The two foreign ministers met in Geneva on Friday to discuss the border."
BODY = "The talks lasted three hours, and both delegations described them as constructive, officials said."
MORE = "A further round is planned for the summer, according to a statement released after the meeting."


def _clean_one(text: str, **meta: object) -> Document:
    doc = recover(make_document("page.txt", text, **meta))  # type: ignore[arg-type]
    return clean([doc], SETTINGS)[0]


@pytest.mark.parametrize(
    "boilerplate",
    [
        "All news",
        "Home",
        "Share",
        "Share on Facebook",
        "Subscribe to our newsletter for daily updates",
        "Follow us on Telegram",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Cookies are used in line with the data protection law. See our cookie policy for details.",
        "© REUTERS/Maria Lopez",
        "© EPA-EFE/JOHN SMITH/POOL",
        "Photo: Reuters",
        "Photo by Anadolu Agency",
        "Foreign Minister Ara Petrosyan EPA-EFE/JOHN SMITH/POOL",
        "News Service AA",
        "By Azernews",
        "By Leyla Mammadova",
        "Source: Yonhap",
    ],
)
def test_boilerplate_line_is_removed(boilerplate: str) -> None:
    doc = _clean_one(f"{boilerplate}\n\n{LEAD}\n\n{BODY}\n\n{boilerplate}")
    assert boilerplate not in doc.text
    assert boilerplate in doc.removed
    assert doc.text == f"{LEAD}\n\n{BODY}"


@pytest.mark.parametrize(
    "content",
    [
        LEAD,  # the dateline sentence is content
        "- Liberation of the border villages",  # a bullet section header
        "By Monday the delegations had left Geneva",
        "The regulator said websites must ask before they store cookies and publish a clear privacy policy.",
        "Share prices fell sharply after the announcement of the new sanctions on Monday, traders said.",
    ],
)
def test_content_line_is_kept(content: str) -> None:
    doc = _clean_one(f"Ministers agree to resume border talks\n\n{content}\n\n{BODY}")
    assert content in doc.text.split("\n\n")
    assert content not in doc.removed


def test_caption_above_credit_line_goes_with_it() -> None:
    page = (
        "Ministers agree to resume border talks\n\n"
        "The ministers will meet again in the summer\n"
        "Foreign Minister Ara Petrosyan\n"
        "© EPA-EFE/JOHN SMITH/POOL\n\n"
        f"{LEAD}\n\n{BODY}"
    )
    doc = _clean_one(page)
    assert doc.removed == ("Foreign Minister Ara Petrosyan", "© EPA-EFE/JOHN SMITH/POOL")
    assert doc.text.startswith("Ministers agree to resume border talks\n\nThe ministers will meet again")


def test_repeated_title_line_is_removed_once_kept_once() -> None:
    title = "Ministers agree to resume border talks"
    doc = _clean_one(f"{title}\n\n{title}\n\n{LEAD}\n\n{BODY}")
    assert doc.title == title
    assert doc.text == f"{title}\n\n{LEAD}\n\n{BODY}"
    assert doc.removed == (title,)


def test_standfirst_repeated_in_body_is_dropped() -> None:
    standfirst = "The two foreign ministers met in Geneva on Friday to discuss the border"
    doc = _clean_one(
        f"All news\n\nMinisters agree to resume border talks\n\n{standfirst}\n\n{LEAD}\n\n{BODY}"
    )
    assert standfirst in doc.removed
    assert doc.text == f"Ministers agree to resume border talks\n\n{LEAD}\n\n{BODY}"


def test_standfirst_not_repeated_is_kept() -> None:
    standfirst = "Both sides call the meeting a first step towards a peace treaty"
    doc = _clean_one(f"Ministers agree to resume border talks\n\n{standfirst}\n\n{LEAD}\n\n{BODY}")
    assert standfirst in doc.text


def test_lines_repeated_across_one_outlets_documents_are_removed() -> None:
    furniture = "Daily Planet: independent news since 1998"
    bodies = [
        LEAD,
        BODY,
        MORE,
        "Another article entirely, about the harvest in the northern provinces this year.",
    ]
    docs = [
        make_document(f"p{i}.txt", f"{body}\n\n{furniture}", outlet="Daily Planet")
        for i, body in enumerate(bodies)
    ]
    other = make_document("q.txt", f"{BODY} Something else.\n\n{furniture}", outlet="Other Times")
    cleaned = clean([*docs, other], CleanSettings(repeated_line_min_docs=3))
    assert all(furniture not in d.text and furniture in d.removed for d in cleaned[:4])
    assert furniture in cleaned[4].text  # another outlet: seen once there


def test_repeated_long_lines_are_content() -> None:
    background = "Background: " + " ".join(["The conflict over the region dates back decades."] * 6)
    docs = [
        make_document(f"p{i}.txt", f"{body}\n\n{background}", outlet="Daily Planet")
        for i, body in enumerate([LEAD, BODY, MORE])
    ]
    cleaned = clean(docs, CleanSettings(repeated_line_min_docs=2, repeated_line_max_chars=200))
    assert all(background in d.text for d in cleaned)


def test_output_shape_and_identity() -> None:
    raw = make_document("page.txt", f"\n\nAll news\n\n\n\n{LEAD}\n\n\n{BODY}\n\nShare\n\n")
    doc = clean([raw], SETTINGS)[0]
    assert doc.text == f"{LEAD}\n\n{BODY}"
    assert doc.id == raw.id and doc.content_hash == raw.content_hash
    assert doc.removed == ("All news", "Share")


def test_never_empty_when_there_was_article_content() -> None:
    text = "By Leyla Mammadova\n\nShare on Facebook and tell your friends what happened in the talks today"
    doc = clean([make_document("page.txt", text)], SETTINGS)[0]
    assert doc.text


def test_empty_input_stays_empty() -> None:
    doc = clean([make_document("page.txt", "All news\n\nShare")], SETTINGS)[0]
    assert doc.text == ""


MEGABYTE = 1_000_000
SECONDS_PER_MEGABYTE = 10.0  # generous: the machine is shared; quadratic behaviour takes minutes


@pytest.mark.parametrize(
    "text",
    [
        "A\n" * (MEGABYTE // 2),
        "\n-- " * (MEGABYTE // 4),
        "EPA-EFE/X" * (MEGABYTE // 9),
        "x\n\n" * (MEGABYTE // 3),
    ],
    ids=["short lines", "dash lines", "credits", "paragraphs"],
)
def test_linear_time_on_adversarial_megabyte(text: str) -> None:
    doc = make_document("big.txt", text, language="en")
    start = time.process_time()
    clean([doc], SETTINGS)
    assert time.process_time() - start < SECONDS_PER_MEGABYTE


def test_repeated_full_sentences_are_content() -> None:
    copied = "The ceasefire agreement was signed by the three leaders in the capital last autumn."
    docs = [
        make_document(f"p{i}.txt", f"{body}\n\n{copied}", outlet="Daily Planet")
        for i, body in enumerate([LEAD, BODY, MORE])
    ]
    cleaned = clean(docs, CleanSettings(repeated_line_min_docs=2))
    assert all(copied in d.text for d in cleaned)


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "karabakh-2021"


def test_example_corpus_cleans_to_article_text() -> None:
    """Smoke test on the example articles next to the repository (skipped in a fresh clone)."""
    if not CORPUS.is_dir():
        pytest.skip(f"no example corpus at {CORPUS}")
    raw = [recover(make_document(str(p), p.read_text("utf-8"))) for p in sorted(CORPUS.glob("*.txt"))]
    for before, after in zip(raw, clean(raw, SETTINGS), strict=True):
        assert after.text and len(after.text) < len(before.text) and after.removed
        assert after.id == before.id
        assert not any(line.casefold() in {"all news", "share", "home"} for line in after.text.split("\n"))


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Home | World | Business | Sport",
        "Share on Facebook | Share on X | Send by email",
        "(Reporting by Anna Berg in Tbilisi; Editing by Tom Hill)",
        "Writing by Anna Berg; Editing by Tom Hill",
        "Pictured: the border crossing near the village at dawn",
    ],
)
def test_page_furniture_around_the_article_is_removed(boilerplate: str) -> None:
    doc = _clean_one(f"{boilerplate}\n\n{LEAD}\n\n{BODY}\n\n{boilerplate}")
    assert doc.text == f"{LEAD}\n\n{BODY}"


@pytest.mark.parametrize(
    "stamp",
    ["3 APR 2026, 11:20", "Published: 26.04.2026 09:30", "May 4, 2026", "Updated: 2026-05-04 10:00 GMT"],
)
def test_date_stamp_above_the_body_is_removed(stamp: str) -> None:
    doc = _clean_one(f"Ministers agree to resume border talks\n\n{stamp}\n\n{LEAD}\n\n{BODY}")
    assert doc.text == f"Ministers agree to resume border talks\n\n{LEAD}\n\n{BODY}"
    assert stamp in doc.removed


def test_date_lines_and_table_rows_inside_the_body_are_kept() -> None:
    page = f"{LEAD}\n\nMarch 3, 2026\n\n{BODY}\n\nArmenia | Azerbaijan | Georgia\n\n{MORE}"
    assert _clean_one(page).text == page


def test_menu_block_under_a_navigation_line_is_removed() -> None:
    title = "Ministers agree to resume border talks"
    doc = _clean_one(f"All news\nPolitics\nWorld\n\n{title}\n\n{LEAD}\n\n{BODY}")
    assert doc.text == f"{title}\n\n{LEAD}\n\n{BODY}"
    assert doc.removed[:3] == ("All news", "Politics", "World")


def test_short_lines_without_a_navigation_entry_are_kept() -> None:
    page = f"{LEAD}\n\nYes\nNo\nAbstained\n\n{BODY}"
    assert _clean_one(page).text == page


def test_related_links_go_with_their_heading() -> None:
    doc = _clean_one(f"{LEAD}\n\n{BODY}\n\nRead more:\nEnvoy offers to host the next round of talks")
    assert doc.text == f"{LEAD}\n\n{BODY}"
    doc = _clean_one(f"{LEAD}\n\nMost read\n\nGrain prices climb\nFloods close the coast road\n\n{BODY}")
    assert doc.text == f"{LEAD}\n\n{BODY}"


def test_caption_ending_with_a_period_above_a_photo_credit_goes() -> None:
    caption = "Protesters outside the gates of the plant."
    doc = _clean_one(f"{LEAD}\n\n{caption}\nPhoto: Valley News/Ana Marsk\n\n{BODY}")
    assert doc.text == f"{LEAD}\n\n{BODY}"
    assert doc.removed == (caption, "Photo: Valley News/Ana Marsk")


def test_masthead_line_naming_the_outlet_is_removed() -> None:
    title = "Ministers agree to resume border talks"
    doc = _clean_one(f"The Baltic Herald\nHome | World | Sport\n\n{title}\n\n{LEAD}\n\n{BODY}")
    assert doc.outlet == "The Baltic Herald"
    assert doc.text == f"{title}\n\n{LEAD}\n\n{BODY}"


def test_date_stamp_below_a_long_caption_is_still_above_the_body() -> None:
    caption = "The foreign ministers of the two countries shake hands before the talks in Geneva on Friday."
    title = "Ministers agree to resume border talks"
    doc = _clean_one(f"{title}\n\n{caption}\n© REUTERS/Maria Lopez\n\n3 APR 2026, 11:20\n\n{LEAD}\n\n{BODY}")
    assert doc.text == f"{title}\n\n{LEAD}\n\n{BODY}"
