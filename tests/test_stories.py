"""Stories and occasions: incremental assignment, time damping, recluster, bounded search, persistence."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest

from storyline.ingest.document import make_document
from storyline.link.reuse import ReuseIndex
from storyline.link.stories import Cluster, StoryIndex, _time_factor, features, stop_words
from storyline.model import Document, Entity, Mention
from storyline.settings import LinkSettings
from storyline.store import links

ECBPLUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus"

# Three storylines, written by hand; the quake story has two occasions (two different earthquakes).
ARTICLES = [
    (
        "quake-1",
        "quake",
        "quake/peru",
        "2021-06-01",
        "Strong earthquake shakes southern Peru",
        "A magnitude 6.8 earthquake struck southern Peru on Tuesday, damaging houses in Arequipa and cutting "
        "roads in the Andes. The earthquake was felt as far as the coast, seismologists said.",
    ),
    (
        "quake-2",
        "quake",
        "quake/peru",
        "2021-06-02",
        "Peru counts damage after Arequipa earthquake",
        "Rescuers in Arequipa searched collapsed houses after Tuesday's magnitude 6.8 earthquake in southern "
        "Peru. Officials said roads in the Andes remained cut and aftershocks continued.",
    ),
    (
        "vote-1",
        "vote",
        "vote/runoff",
        "2021-06-01",
        "Runoff vote count drags on",
        "Election officials kept counting ballots from the presidential runoff on Monday as both candidates "
        "claimed victory. Observers said the vote count was slow but orderly.",
    ),
    (
        "vote-2",
        "vote",
        "vote/runoff",
        "2021-06-03",
        "Candidates claim victory as ballots are counted",
        "Both candidates in the presidential runoff claimed victory while election officials "
        "counted the last "
        "ballots. International observers praised the orderly vote.",
    ),
    (
        "final-1",
        "final",
        "final/cup",
        "2021-06-01",
        "Harbour City win the cup final on penalties",
        "Harbour City beat Riverside on penalties to win the cup final after a goalless draw. The goalkeeper "
        "saved two penalties in front of a sold-out stadium.",
    ),
    (
        "final-2",
        "final",
        "final/cup",
        "2021-06-02",
        "Goalkeeper the hero as Harbour City lift cup",
        "The Harbour City goalkeeper saved two penalties as his side beat Riverside in the cup "
        "final. The final "
        "ended in a goalless draw before the shootout.",
    ),
    (
        "quake-3",
        "quake",
        "quake/japan",
        "2021-06-20",
        "Earthquake hits northern Japan",
        "A magnitude 6.1 earthquake struck northern Japan on Monday, damaging houses in Sendai. "
        "Seismologists "
        "said the earthquake was felt across the region and aftershocks continued.",
    ),
    (
        "quake-4",
        "quake",
        "quake/japan",
        "2021-06-21",
        "Sendai cleans up after earthquake",
        "Residents of Sendai cleaned up damaged houses after Monday's magnitude 6.1 earthquake in "
        "northern Japan, "
        "as aftershocks continued and seismologists warned of more.",
    ),
]


def make(row: tuple[str, ...]) -> Document:
    source, _, _, date, title, text = row
    return make_document(source, text, title=title, published=dt.date.fromisoformat(date), language="en")


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [make(row) for row in ARTICLES]


def groups(index: StoryIndex, docs: list[Document]) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """Stories and occasions as sets of sources, order-free."""
    source = {d.id: d.source for d in docs}
    stories = {frozenset(source[d] for d in s.docs) for s in index.stories()}
    occasions = {frozenset(source[d] for d in o) for s in index.stories() for o in s.occasions}
    return stories, occasions


def expected(level: int) -> set[frozenset[str]]:
    found: dict[str, set[str]] = {}
    for row in ARTICLES:
        found.setdefault(row[level], set()).add(row[0])
    return {frozenset(v) for v in found.values()}


def test_documents_fed_one_at_a_time_form_stories_and_occasions(docs: list[Document]) -> None:
    index = StoryIndex()
    for doc in docs:
        index.add(doc)
    stories, occasions = groups(index, docs)
    assert stories == expected(1)
    assert occasions == expected(2)


def test_recluster_finds_the_same_grouping(docs: list[Document]) -> None:
    index = StoryIndex()
    index.recluster(reversed(docs))
    assert groups(index, docs) == (expected(1), expected(2))


def test_assignment_says_what_is_new(docs: list[Document]) -> None:
    index = StoryIndex()
    first, second, other = index.add(docs[0]), index.add(docs[1]), index.add(docs[2])
    assert (first.new_story, first.new_occasion) == (True, True)
    assert (second.story_id, second.occasion_id, second.new_story) == (
        first.story_id,
        first.occasion_id,
        False,
    )
    assert other.new_story and other.story_id != first.story_id
    assert index.add(docs[0]) == first  # re-adding a known document changes nothing


def test_story_title_comes_from_its_most_central_document(docs: list[Document]) -> None:
    index = StoryIndex()
    for doc in docs[:2]:
        index.add(doc)
    [story] = index.stories()
    assert story.title in {docs[0].title, docs[1].title}


@pytest.mark.parametrize(
    "date, first, last, window, factor",
    [
        ("2021-06-05", "2021-06-01", "2021-06-03", 7, 1.0),  # inside the widened range
        ("2021-06-24", "2021-06-01", "2021-06-10", 7, 0.5),  # 14 days past the last one
        ("2021-05-04", "2021-06-01", "2021-06-10", 7, 0.25),  # 28 days before the first one
        (None, "2021-06-01", "2021-06-10", 7, 1.0),  # undated: no evidence either way
    ],
)
def test_time_factor_damps_similarity_outside_the_window(
    date: str | None, first: str, last: str, window: int, factor: float
) -> None:
    cluster = Cluster("c", "story", "c", first=dt.date.fromisoformat(first), last=dt.date.fromisoformat(last))
    when = dt.date.fromisoformat(date) if date else None
    assert _time_factor(when, cluster, window) == pytest.approx(factor)


def test_entities_add_features_but_text_alone_is_enough(docs: list[Document]) -> None:
    entity = Entity(
        "e1", docs[0].id, "Arequipa", "GPE", (Mention(0, 8, "Arequipa"), Mention(9, 17, "Arequipa"))
    )
    with_entity = features(docs[0].__class__(**{**docs[0].__dict__, "entities": (entity,)}), LinkSettings())
    assert "e:arequipa" in with_entity.vector
    assert "e:arequipa" not in features(docs[0], LinkSettings()).vector


def test_candidate_search_is_bounded_by_the_postings_cap() -> None:
    settings = LinkSettings(term_story_postings=4, story_threshold=0.99, occasion_threshold=0.99)
    index = StoryIndex(settings)
    for k in range(30):  # every document shares "ministry" but opens its own story at these thresholds
        index.add(
            make_document(
                f"d{k}", f"The ministry statement number{k} about topic{k} and item{k}.", language="en"
            )
        )
    assert len(index.stories()) == 30
    assert max(len(p) for p in index._postings.values()) == 4


def test_saved_story_index_continues_like_the_live_one(tmp_path: Path, docs: list[Document]) -> None:
    conn = sqlite3.connect(tmp_path / "links.db")
    links.create_tables(conn)
    live, reuse = StoryIndex(), ReuseIndex()
    with conn:
        for doc in docs[:5]:
            links.link_document(conn, reuse, live, doc)
    restored = links.load_story_index(conn)
    assert restored.df == live.df and restored.n_docs == live.n_docs
    assert [restored.add(d) for d in docs[5:]] == [live.add(d) for d in docs[5:]]
    assert groups(restored, docs) == groups(live, docs)


def test_save_recluster_replaces_saved_stories(tmp_path: Path, docs: list[Document]) -> None:
    conn = sqlite3.connect(tmp_path / "links.db")
    links.create_tables(conn)
    index, reuse = StoryIndex(), ReuseIndex()
    with conn:
        for doc in docs:
            links.link_document(conn, reuse, index, doc)
        index.recluster(docs)
        links.save_recluster(conn, index)
    assert groups(links.load_story_index(conn), docs) == (expected(1), expected(2))


@pytest.mark.skipif(not ECBPLUS.is_dir(), reason="ECB+ data (../shared/data/ecbplus) is not available")
def test_ecbplus_dev_clustering_stays_above_floor() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
    import stories as evaluation  # eval/stories.py

    docs, gold = evaluation.load(ECBPLUS, "dev")
    index = StoryIndex()
    for doc in evaluation.feed_order(docs, 13):
        index.add(doc)
    topic, subtopic = evaluation.score(index.stories(), gold)
    assert topic.f1 >= 0.80 and subtopic.f1 >= 0.80


def test_two_stories_that_turn_out_alike_are_folded_and_the_store_follows(tmp_path: Path) -> None:
    """A strict story threshold opens two stories; their centroids, once they have two documents each,
    are close enough to fold, and the saved index says the same as the live one."""
    settings = LinkSettings(story_threshold=0.9, story_merge_threshold=0.2)
    rows = [r for r in ARTICLES if r[1] == "quake"]
    docs = [make(r) for r in (rows[0], rows[2], rows[1], rows[3])]
    conn = sqlite3.connect(tmp_path / "links.db")
    links.create_tables(conn)
    index, reuse = StoryIndex(settings), ReuseIndex()
    with conn:
        folds = []
        for doc in docs:
            links.link_document(conn, reuse, index, doc)
            folds.append(index.last_fold)
    assert any(folds)
    [story] = index.stories()
    assert len(story.docs) == 4
    restored = links.load_story_index(conn, settings)
    assert groups(restored, docs) == groups(index, docs)
    assert {a.story_id for a in restored.members.values()} == {story.id}


@pytest.mark.parametrize(
    ("language", "text", "function_word", "topic_word"),
    [
        ("en", "The ministers and the envoys met in the capital.", "the", "envoys"),
        ("ru", "Министры и послы встретились в столице.", "и", "послы"),
        ("tr", "Bakanlar ve elçiler başkentte bir araya geldi.", "ve", "elçiler"),
    ],
)
def test_function_words_of_the_document_language_carry_no_topic(language, text, function_word, topic_word):
    document = make_document("stop", text, language=language)
    vector = features(document, LinkSettings()).vector
    assert function_word not in vector and topic_word in vector


def test_a_language_spacy_does_not_know_keeps_every_word():
    assert stop_words("zz") == frozenset() and stop_words(None) == frozenset()
