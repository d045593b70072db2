"""Text reuse: duplicates, near-duplicates, aligned passages with edits, reuse share, and persistence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sqlite3
from dataclasses import dataclass

import pytest

from storyline.ingest.document import make_document
from storyline.link.reuse import Flow, ReuseIndex, align, reuse_share, spread
from storyline.link.stories import StoryIndex
from storyline.model import Document, Passage, Reuse
from storyline.store import links

# Generated news sentences: who + did + what + circumstance, each part drawn independently from
# combinations of hundreds, so unrelated documents share vocabulary and stock phrases but almost never
# most of a sentence.
WHO_FIRST = [
    "The regional",
    "The national",
    "The state",
    "A local",
    "The northern",
    "The coastal",
    "The city",
    "An independent",
    "The federal",
    "A provincial",
]
WHO_SECOND = [
    "energy company",
    "health ministry",
    "football federation",
    "port operator",
    "election commission",
    "water authority",
    "farmers' union",
    "rail company",
    "police force",
    "broadcaster",
    "defence ministry",
    "central bank",
    "customs service",
    "teachers' union",
    "airline",
]
VERBS = [
    "announced",
    "rejected",
    "welcomed",
    "postponed",
    "criticised",
    "approved",
    "questioned",
    "suspended",
    "defended",
    "reviewed",
    "extended",
    "cancelled",
    "confirmed",
    "investigated",
    "signed",
    "opposed",
    "promised",
    "outlined",
    "demanded",
    "supported",
]
WHAT_FIRST = [
    "a new",
    "the proposed",
    "a disputed",
    "the delayed",
    "a second",
    "the revised",
    "an emergency",
    "a five-year",
    "the planned",
    "a controversial",
]
WHAT_SECOND = [
    "trade agreement",
    "budget",
    "bridge",
    "fuel price rise",
    "ban on night flights",
    "vote count",
    "pipeline inquiry",
    "border crossing",
    "grain export rule",
    "rail link",
    "loan",
    "evacuation plan",
    "airport contract",
    "curfew",
    "vaccination drive",
]
WHAT_THIRD = [
    "with its neighbours",
    "for next year",
    "for the capital",
    "in the south",
    "for coastal villages",
    "for small businesses",
    "across the region",
    "for the winter",
    "near the border",
    "for the islands",
]
WHEN = [
    "on Monday",
    "on Tuesday",
    "late on Sunday",
    "last week",
    "earlier this month",
    "on Friday morning",
    "this year",
    "in March",
    "overnight",
    "two days ago",
]
TAILS = [
    "after talks that lasted nearly six hours",
    "despite protests outside parliament",
    "according to a statement released on Tuesday",
    "in a televised address late on Sunday",
    "during a visit to the flooded region",
    "before the summit in the spring",
    "as prices rose for the third month in a row",
    "at a news conference in the capital",
    "following weeks of closed negotiations",
    "amid growing pressure from business groups",
    "ahead of elections due in October",
    "while the inquiry is still under way",
    "on the sidelines of the regional forum",
    "in a letter seen by reporters",
    "after the storm cut power to thousands of homes",
    "without giving a timetable",
    "citing concerns over security",
    "in response to questions from lawmakers",
    "as the talks entered their second week",
    "on the anniversary of the ceasefire",
]
EDITS = [
    ("nearly", "some"),
    ("Tuesday", "Wednesday"),
    ("capital", "city"),
    ("new", "fresh"),
    ("two", "three"),
]


def sentence(rng: random.Random) -> str:
    who = f"{rng.choice(WHO_FIRST)} {rng.choice(WHO_SECOND)}"
    what = f"{rng.choice(WHAT_FIRST)} {rng.choice(WHAT_SECOND)} {rng.choice(WHAT_THIRD)}"
    when = rng.choice(WHEN)
    return f"{who} {rng.choice(VERBS)} {what} worth {rng.randint(2, 900)} million {when} {rng.choice(TAILS)}."


def edited(text: str, rng: random.Random) -> str:
    """A copy with one or two small edits: a word swapped, a word dropped, an attribution added."""
    words = text.rstrip(".").split()
    for old, new in EDITS:
        if old in words:
            words[words.index(old)] = new
            break
    else:
        del words[rng.randrange(1, len(words) - 1)]
    if rng.random() < 0.5:
        words.append("officials said")
    return " ".join(words) + "."


@dataclass(frozen=True)
class Planted:
    a: Document
    b: Document
    a_span: tuple[int, int]
    b_span: tuple[int, int]


def planted_pair(rng: random.Random, n: int) -> Planted:
    """Document a, and document b that copies 1-3 consecutive sentences of a (edited) among its own."""
    own_a = [sentence(rng) for _ in range(8)]
    start, length = rng.randrange(0, 6), rng.randint(1, 3)
    copied = [edited(s, rng) for s in own_a[start : start + length]]
    before, after = [sentence(rng) for _ in range(3)], [sentence(rng) for _ in range(3)]
    text_a, text_b = " ".join(own_a), " ".join(before + copied + after)
    a_start = text_a.index(own_a[start])
    a_end = text_a.index(own_a[start + length - 1]) + len(own_a[start + length - 1])
    b_start = len(" ".join(before)) + 1
    a = make_document(f"a{n}", text_a, published=dt.date(2021, 5, 1), language="en")
    b = make_document(f"b{n}", text_b, published=dt.date(2021, 5, 3), language="en")
    return Planted(a, b, (a_start, a_end), (b_start, b_start + len(" ".join(copied))))


def overlap(span: tuple[int, int], start: int, end: int) -> float:
    return max(0, min(span[1], end) - max(span[0], start)) / (span[1] - span[0])


def test_planted_passages_are_recalled_and_unrelated_pairs_stay_silent() -> None:
    rng = random.Random(7)
    pairs = [planted_pair(rng, n) for n in range(60)]
    noise = [
        make_document(f"n{k}", " ".join(sentence(rng) for _ in range(8)), language="en") for k in range(60)
    ]
    index = ReuseIndex()
    found = []
    for doc in noise[:30] + [p.a for p in pairs] + noise[30:] + [p.b for p in pairs]:
        found.extend(index.add(doc))
    by_pair = {(r.doc_a, r.doc_b): r for r in found}
    recalled = 0
    for pair in pairs:
        reuse = by_pair.get((pair.a.id, pair.b.id))
        passages = reuse.passages if reuse else ()
        recalled += any(
            overlap(pair.b_span, p.b_start, p.b_end) >= 0.5
            and overlap(pair.a_span, p.a_start, p.a_end) >= 0.5
            for p in passages
        )
    planted = {(p.a.id, p.b.id) for p in pairs}
    assert recalled / len(pairs) >= 0.95
    assert [r for r in found if (r.doc_a, r.doc_b) not in planted] == []


@pytest.mark.parametrize(
    "text_a, text_b",
    [
        (
            "Azerbaijan and Armenia fought a 44-day war that began on Sept. 27 last year and killed nearly "
            "7,000 soldiers.",
            "Azerbaijan and Armenia fought a 44-day war that began on Sept. 27, 2020 and killed some "
            "7,000 soldiers.",
        ),
        (
            "The ministry said the talks in Moscow would resume after the New Year holidays, "
            "without naming a date.",
            "The ministry said on Friday that the talks in Moscow would resume after the New Year holidays, "
            "without naming a date.",
        ),
        (
            "“We will not accept any preconditions,” the spokesman told reporters outside the "
            "government building.",
            '"We will not accept any preconditions," the spokesman told journalists outside the '
            "government building.",
        ),
    ],
)
def test_align_tolerates_small_edits(text_a: str, text_b: str) -> None:
    passages = align(f"Unrelated opening about the weather in the hills. {text_a}", text_b)
    assert len(passages) == 1
    assert passages[0].score >= 0.8
    assert passages[0].b_start == text_b.index(text_b.lstrip('"“')[0])


@pytest.mark.parametrize(
    "text_a, text_b",
    [
        (
            "The minister said the talks would resume next week in the capital after a short break.",
            "The coach said the players would rest next week in the mountains after a long season.",
        ),
        (
            "Police said two people were injured.",
            "Police said two people were injured.",
        ),  # too short to count
    ],
)
def test_align_reports_nothing_for_unrelated_or_trivial_sentences(text_a: str, text_b: str) -> None:
    assert align(text_a, text_b) == ()


def test_consecutive_sentences_merge_into_one_passage() -> None:
    shared = (
        "The bridge will carry four lanes of traffic across the river when it opens. Engineers expect the "
        "first lorries to cross it before the end of the year, the transport ministry said."
    )
    passages = align(
        f"Opening words of the first article here. {shared}", f"{shared} A closing line of the second."
    )
    assert len(passages) == 1
    assert passages[0] == Passage(41, 41 + len(shared) - 1, 0, len(shared) - 1, 1.0)


def test_exact_duplicate_links_to_the_earlier_publication_even_when_indexed_later() -> None:
    """make_document gives equal content one id (stored once); documents made elsewhere may not."""
    text = " ".join(sentence(random.Random(3)) for _ in range(6))
    late = make_document("wire/late.txt", text, published=dt.date(2021, 4, 2), language="en")
    early = dataclasses.replace(late, id="early", source="site/early.html", published=dt.date(2021, 4, 1))
    index = ReuseIndex()
    assert index.add(late) == []
    [reuse] = index.add(early)
    assert (reuse.doc_a, reuse.doc_b, reuse.score, reuse.near_duplicate) == (early.id, late.id, 1.0, True)


def test_without_dates_the_first_indexed_document_is_the_origin() -> None:
    rng = random.Random(5)
    text = " ".join(sentence(rng) for _ in range(10))
    first = make_document("one", text, language="en")
    second = make_document(
        "two", text.replace("officials", "leaders") + " An extra sentence closes it here.", language="en"
    )
    index = ReuseIndex()
    index.add(first)
    [reuse] = index.add(second)
    assert (reuse.doc_a, reuse.doc_b, reuse.near_duplicate) == (first.id, second.id, True)


def test_reuse_share_counts_only_text_taken_from_earlier_documents() -> None:
    pair = planted_pair(random.Random(11), 0)
    index = ReuseIndex()
    reuses = index.add(pair.a) + index.add(pair.b)
    share_b = reuse_share(pair.b, reuses)
    expected = (pair.b_span[1] - pair.b_span[0]) / len(pair.b.text)
    assert share_b.share == pytest.approx(expected, abs=0.03)
    assert set(share_b.sources) == {pair.a.id}
    assert reuse_share(pair.a, reuses).share == 0.0


def test_a_line_repeated_in_more_documents_than_the_cap_is_boilerplate_not_a_lead() -> None:
    rng = random.Random(2)
    line = "Subscribe to our newsletter for the latest updates from the region every single morning."
    index = ReuseIndex(links.LinkSettings(max_fingerprint_docs=5))
    own = [" ".join("".join(rng.choices("bcdfghklmnprstvz", k=7)) for _ in range(80)) for _ in range(12)]
    found = [index.add(make_document(f"d{k}", f"{own[k]}. {line}", language="en")) for k in range(12)]
    assert found[1] != []  # while rare, the shared line is reuse like any other
    assert found[-1] == []


def test_a_burst_of_copies_is_aligned_only_against_the_closest_ones() -> None:
    """The 9th copy of a wire story is aligned against the ``max_reuse_candidates`` closest, not all before it."""
    rng = random.Random(23)
    base = [sentence(rng) for _ in range(20)]
    index = ReuseIndex(links.LinkSettings(max_reuse_candidates=3))
    copies = []
    for changed in range(8, 0, -1):  # the farthest copy is indexed first
        text = " ".join(base[: 20 - changed] + [sentence(rng) for _ in range(changed)])
        copies.append(make_document(f"copy-{changed}", text, language="en"))
        index.add(copies[-1])
    newest = make_document("newest", " ".join([*base, sentence(rng)]), language="en")
    found = index.add(newest)
    closest = {c.id for c in copies if c.source in {"copy-1", "copy-2", "copy-3"}}
    assert {reuse.doc_a for reuse in found} == closest


def test_saved_reuse_index_links_new_documents_like_the_live_one(tmp_path) -> None:
    rng = random.Random(19)
    pairs = [planted_pair(rng, n) for n in range(5)]
    conn = sqlite3.connect(tmp_path / "links.db")
    links.create_tables(conn)
    texts = {d.id: d.text for p in pairs for d in (p.a, p.b)}
    live, stories = ReuseIndex(text_of=texts.get), StoryIndex()
    with conn:
        for pair in pairs:
            links.link_document(conn, live, stories, pair.a)
    restored = links.load_reuse_index(conn, text_of=texts.get)
    assert len(restored) == 5
    for pair in pairs:
        assert [r.doc_a for r in restored.add(pair.b)] == [r.doc_a for r in live.add(pair.b)] == [pair.a.id]


def test_link_document_saves_reuse_links(tmp_path) -> None:
    pair = planted_pair(random.Random(23), 0)
    conn = sqlite3.connect(tmp_path / "links.db")
    links.create_tables(conn)
    reuse, stories = ReuseIndex(), StoryIndex()
    with conn:
        links.link_document(conn, reuse, stories, pair.a)
        result = links.link_document(conn, reuse, stories, pair.b)
    assert links.reuse_links(conn, pair.b.id) == list(result.reuse)
    assert links.reuse_links(conn, pair.b.id)[0].doc_a == pair.a.id


def test_spread_counts_links_from_the_origin_outlet_to_the_copier() -> None:
    reuses = [Reuse("t1", "a1", 0.9), Reuse("t1", "a2", 0.4), Reuse("t2", "r1", 0.3), Reuse("x", "t3", 0.2)]
    outlets = {"t1": "TASS", "t2": "TASS", "a1": "Azernews", "a2": "Azernews", "r1": "Reuters", "t3": "TASS"}
    assert spread(reuses, outlets) == [
        Flow("TASS", "Azernews", 2),
        Flow("(unknown)", "TASS", 1),
        Flow("TASS", "Reuters", 1),
    ]
    assert spread(reuses, outlets, docs={"t1", "a1", "r1"}) == [Flow("TASS", "Azernews", 1)]
