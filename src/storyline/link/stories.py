"""Stories and occasions: grouping documents about one storyline, and inside it about one happening.

Reads ``Document.text``, ``title``, ``published``, ``language`` and (when present) ``entities``; produces
:class:`~storyline.model.Story` records. A *story* is an ongoing storyline ("Azerbaijan–Armenia
normalization"); an *occasion* is the coverage of one happening inside it (one meeting, one earthquake).

:class:`StoryIndex` assigns each new document on arrival, in time that does not grow with the corpus:

- a document is a TF-IDF vector over casefolded words (title words and entity names weighted up). Document
  frequencies are running counts, and story centroids keep raw sums, so the weights always reflect the
  current corpus without re-weighting anything stored;
- candidate stories and occasions are found through an inverted index from a document's heaviest terms to
  the clusters that recently used them (a bounded number per term), never by scanning all stories;
- similarity is the cosine to a cluster's centroid, damped when the document is dated far from the
  cluster's dates (``story_window_days``, ``occasion_window_days``);
- the document joins the best occasion above ``occasion_threshold`` (and its story), else the best story
  above ``story_threshold`` (opening a new occasion there), else opens a new story.

:meth:`StoryIndex.recluster` redoes everything in one batch pass with the final document frequencies, then
refines by reassigning every document a few times (online k-means).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from storyline.model import Document, Story
from storyline.settings import LinkSettings

__all__ = ["Cluster", "Features", "StoryAssignment", "StoryIndex", "features"]

_TOKEN = re.compile(r"\w[\w'’.-]*\w|\w", re.UNICODE)
MIN_TOKEN_CHARS = 2  # single letters and digits are noise ("a", "s" from "Reid's", "5")
ENTITY_PREFIX = "e:"  # entity names live in the same vector, apart from words
# Languages that capitalize common nouns: capitalization says nothing about names there.
CAPITALIZED_NOUN_LANGUAGES = frozenset({"de", "lb"})


@functools.lru_cache(maxsize=64)
def stop_words(language: str | None) -> frozenset[str]:
    """Function words of ``language`` (ISO 639-1), which carry no topic: spaCy's list for the language, which
    covers some seventy; a language it does not know relies on IDF alone."""
    if not language:
        return frozenset()
    from spacy.util import get_lang_class

    try:
        return frozenset(get_lang_class(language).Defaults.stop_words)
    except (ImportError, KeyError):  # spaCy says "unknown language" with an ImportError
        return frozenset()


@dataclass(frozen=True)
class StoryAssignment:
    """Where a document went: its story and occasion, how similar it was, and whether either is new."""

    story_id: str
    occasion_id: str
    similarity: float
    new_story: bool = False
    new_occasion: bool = False


@dataclass
class Cluster:
    """A story or an occasion under construction (mutable index state, never handed to other stages).

    ``sums`` adds up the members' length-normalized term frequencies (no IDF): IDF is applied when comparing,
    so old members are weighted with today's document frequencies.
    """

    id: str
    kind: str  # "story" or "occasion"
    story_id: str  # the story itself for a story, the parent story for an occasion
    sums: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    title: str = ""
    title_score: float = -1.0
    docs: list[str] = field(default_factory=list)
    occasions: list[str] = field(default_factory=list)  # a story's occasion ids, in opening order
    updated: int = 0  # the index's document counter when last changed: orders term postings on restore
    # cached weighted, normalized centroid; the document count when it was made; the size at the last check
    # for a fold into another story
    weighted: dict[str, float] | None = field(default=None, repr=False, compare=False)
    weighted_at: int = field(default=0, repr=False, compare=False)
    merge_checked: int = field(default=0, repr=False, compare=False)


@dataclass(frozen=True)
class Features:
    """A document's length-normalized log term frequencies, and which terms its body writes in lowercase."""

    vector: dict[str, float]
    common: frozenset[str]  # seen uncapitalized: a common word, not (only) a name


def features(doc: Document, settings: LinkSettings) -> Features:
    """Words, title words (weighted up) and entity names (weighted up) of a document."""
    stop = stop_words(doc.language)
    body = list(_tokens(doc.text, stop))
    counts: Counter[str] = Counter(token for token, _ in body)
    for token, _ in _tokens(doc.title or "", stop):
        counts[token] += settings.title_weight
    for entity in doc.entities:
        counts[ENTITY_PREFIX + entity.name.casefold()] += settings.entity_weight * max(
            1, len(entity.mentions)
        )
    vector = {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
    nouns_capitalized = (doc.language or "") in CAPITALIZED_NOUN_LANGUAGES
    common = frozenset(token for token, lower in body if lower or nouns_capitalized)
    return Features(_normalized(vector), common)


def _tokens(text: str, stop: frozenset[str]) -> Iterator[tuple[str, bool]]:
    """Casefolded tokens, each with whether it was written in lowercase (always true in uncased scripts)."""
    for match in _TOKEN.finditer(text):
        token = match.group().casefold().strip(".'’-")
        if len(token) >= MIN_TOKEN_CHARS and token not in stop:
            yield token, match.group()[0] == match.group()[0].casefold()


def _normalized(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


class StoryIndex:
    """Stories and occasions built one document at a time (see the module docstring for the method)."""

    def __init__(self, settings: LinkSettings | None = None) -> None:
        self.settings = settings or LinkSettings()
        self.df: Counter[str] = Counter()
        self.common_df: Counter[str] = Counter()  # documents writing the term in lowercase
        self.n_docs = 0
        self.clusters: dict[str, Cluster] = {}
        self.members: dict[str, StoryAssignment] = {}
        self.frozen_idf = False  # recluster fixes document frequencies to the whole batch
        self._postings: dict[str, deque[str]] = {}
        self.merge_growth = 1.0 + self.settings.story_merge_growth
        # (folded story, kept story) of the last add, for the store to follow
        self.last_fold: tuple[str, str] | None = None

    def __len__(self) -> int:
        return len(self.members)

    # adding ----------------------------------------------------------------------------------------------

    def add(self, doc: Document, found: Features | None = None) -> StoryAssignment:
        """Assign ``doc`` to a story and an occasion (opening new ones if none is close enough).

        ``found`` may be the document's features computed elsewhere (a worker, or the store, which saves the
        document-frequency increments they imply).
        """
        if doc.id in self.members:
            return self.members[doc.id]
        found = found or features(doc, self.settings)
        if not self.frozen_idf:
            self.count(found)
        return self._place(doc, found.vector)

    def count(self, found: Features) -> None:
        """Add one document's terms to the document frequencies."""
        self.n_docs += 1
        self.df.update(found.vector.keys())
        self.common_df.update(found.common)

    def _place(self, doc: Document, vector: dict[str, float]) -> StoryAssignment:
        self.last_fold = None
        weighted = {kind: self.weigh(vector, kind) for kind in KINDS}
        story, occasion, similarity = self._choose(weighted, doc.published)
        new_story, new_occasion = story is None, occasion is None
        if story is None:
            story = self._open("story", doc.id, "")
        if occasion is None:
            occasion = self._open("occasion", doc.id, story.id)
            story.occasions.append(occasion.id)
        assignment = StoryAssignment(story.id, occasion.id, round(similarity, 4), new_story, new_occasion)
        for cluster in (story, occasion):
            self._join(cluster, doc, vector, weighted[cluster.kind], similarity)
        self.members[doc.id] = assignment
        if story.size >= max(self.settings.story_merge_min_docs, story.merge_checked * self.merge_growth):
            # only once it has grown by story_merge_growth since the last check: a big centroid moves slowly
            story.merge_checked = story.size
            self._merge_into_similar(story, doc.published)
        return self.members[doc.id]  # a fold may have moved it into another story

    def _merge_into_similar(self, story: Cluster, date: dt.date | None) -> Cluster | None:
        """Fold ``story`` into the most similar other story when their centroids are close enough.

        Two occasions of one story often start as two stories (the second earthquake shares too little with
        the first one's articles); once a story has a few documents, its centroid is a steadier witness than
        any one article, and comparing centroids finds the story it belongs to.
        """
        if self.settings.story_merge_threshold >= 1.0:
            return None
        centroid = self.centroid(story)
        scored = self._scored("story", centroid, date, self.settings.story_merge_threshold)
        others = [(sim, c) for sim, c in scored if c.id != story.id]
        if not others:
            return None
        target = others[0][1]
        small, large = (story, target) if story.size <= target.size else (target, story)
        self._fold(small, large)
        return large

    def _fold(self, small: Cluster, large: Cluster) -> None:
        """Move every occasion and document of ``small`` into ``large`` and drop ``small``."""
        for term, value in small.sums.items():
            large.sums[term] = large.sums.get(term, 0.0) + value
        _prune(large, self.settings.max_centroid_terms)
        large.weighted = None
        large.size += small.size
        large.docs.extend(small.docs)
        large.occasions.extend(small.occasions)
        large.first = min(filter(None, (large.first, small.first)), default=None)
        large.last = max(filter(None, (large.last, small.last)), default=None)
        large.updated = self.n_docs
        for occasion_id in small.occasions:
            self.clusters[occasion_id].story_id = large.id
        for doc_id in small.docs:
            self.members[doc_id] = dataclasses.replace(self.members[doc_id], story_id=large.id)
        del self.clusters[small.id]
        self.reindex(large)
        self.last_fold = (small.id, large.id)

    def _choose(
        self, weighted: Mapping[str, dict[str, float]], date: dt.date | None
    ) -> tuple[Cluster | None, Cluster | None, float]:
        """The best occasion above its threshold (with its story), else the best story above its threshold."""
        occasions = self._scored("occasion", weighted["occasion"], date, self.settings.occasion_threshold)
        if occasions:
            similarity, occasion = occasions[0]
            return self.clusters[occasion.story_id], occasion, similarity
        stories = self._scored("story", weighted["story"], date, self.settings.story_threshold)
        if stories:
            similarity, story = stories[0]
            return story, None, similarity
        return None, None, 0.0

    def _scored(
        self, kind: str, weighted: dict[str, float], date: dt.date | None, threshold: float
    ) -> list[tuple[float, Cluster]]:
        """Candidate clusters of one kind at or above ``threshold``, most similar first."""
        scored = [(self.similarity(weighted, c, date), c) for c in self._candidates(kind, weighted)]
        return sorted((sc for sc in scored if sc[0] >= threshold), key=lambda sc: (-sc[0], sc[1].id))

    def _candidates(self, kind: str, weighted: dict[str, float]) -> list[Cluster]:
        """Clusters that recently used one of the document's heaviest terms, most shared terms first."""
        shared: Counter[str] = Counter()
        for term in _top_terms(weighted, self.settings.query_terms):
            shared.update(self._postings.get(kind + ":" + term, ()))
        ranked = (self.clusters.get(cid) for cid, _ in shared.most_common(self.settings.max_story_candidates))
        return [c for c in ranked if c is not None]

    def similarity(self, weighted: dict[str, float], cluster: Cluster, date: dt.date | None) -> float:
        """Cosine of a weighted document vector and the cluster's centroid, damped by distance in time."""
        centroid = self.centroid(cluster)
        cosine = sum(w * centroid.get(t, 0.0) for t, w in weighted.items())
        window = (
            self.settings.story_window_days if cluster.kind == "story" else self.settings.occasion_window_days
        )
        return cosine * _time_factor(date, cluster, window)

    def centroid(self, cluster: Cluster) -> dict[str, float]:
        """The cluster's weighted, normalized centroid: cached until the cluster changes or the corpus grows
        by ``centroid_refresh`` (document frequencies drift slowly; re-weighting on every call would cost
        the whole centroid per comparison)."""
        if cluster.size < 2:  # a one-document centroid is cheap to weigh and not worth its memory
            return self.weigh(cluster.sums, cluster.kind)
        stale = self.n_docs > cluster.weighted_at * (1.0 + self.settings.centroid_refresh)
        if cluster.weighted is None or stale:
            cluster.weighted = self.weigh(cluster.sums, cluster.kind)
            cluster.weighted_at = self.n_docs
        return cluster.weighted

    def weigh(self, vector: Mapping[str, float], kind: str, normalize: bool = True) -> dict[str, float]:
        """TF-IDF weights; for stories, names count less than common words (see ``story_name_weight``)."""
        log_n, df, log = math.log(1 + self.n_docs) + 1.0, self.df, math.log
        weighted = {t: v * (log_n - log(1 + df.get(t, 0))) for t, v in vector.items()}
        if kind == "story" and self.settings.story_name_weight < 1.0:
            weighted = {t: v * self.commonness(t) for t, v in weighted.items()}
        return _normalized(weighted) if normalize else weighted

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency under the current counts (as :meth:`weigh` computes it)."""
        return math.log(1 + self.n_docs) + 1.0 - math.log(1 + self.df.get(term, 0))

    def commonness(self, term: str) -> float:
        """``story_name_weight`` for a word only ever capitalized (a name), rising to 1 for a common word.

        A story is what happens (a quake, a rehab stay, a piracy attack), an occasion is to whom and where:
        two quakes are one story and two occasions, so names weigh less at the story level.
        """
        floor = self.settings.story_name_weight
        share = self.common_df.get(term, 0) / max(1, self.df.get(term, 0))
        return floor + (1.0 - floor) * share

    def _open(self, kind: str, doc_id: str, story_id: str) -> Cluster:
        cluster_id = base = f"{kind}-{doc_id}"
        while cluster_id in self.clusters:  # recluster may reopen a cluster from a document that opened one
            cluster_id = f"{base}-{len(self.clusters)}"
        cluster = Cluster(cluster_id, kind, story_id or cluster_id)
        self.clusters[cluster_id] = cluster
        return cluster

    def _join(
        self,
        cluster: Cluster,
        doc: Document,
        vector: dict[str, float],
        weighted: dict[str, float],
        similarity: float,
    ) -> None:
        for term, value in vector.items():
            term = sys.intern(term)  # one string per term across all clusters, however many hold it
            cluster.sums[term] = cluster.sums.get(term, 0.0) + value
        _prune(cluster, self.settings.max_centroid_terms)
        cluster.weighted = None
        cluster.size += 1
        cluster.docs.append(doc.id)
        cluster.updated = self.n_docs
        if doc.published:
            cluster.first = min(filter(None, (cluster.first, doc.published)))
            cluster.last = max(filter(None, (cluster.last, doc.published)))
        if doc.title and (similarity > cluster.title_score or not cluster.title):
            cluster.title, cluster.title_score = doc.title, similarity
        self.index_terms(cluster, _top_terms(weighted, self.settings.query_terms))

    def reindex(self, cluster: Cluster) -> None:
        """Make a restored cluster findable again through its centroid's heaviest terms."""
        self.index_terms(
            cluster, _top_terms(self.weigh(cluster.sums, cluster.kind), self.settings.query_terms)
        )

    def index_terms(self, cluster: Cluster, terms: Iterable[str]) -> None:
        """Make ``cluster`` findable through ``terms`` (the most recent clusters per term are kept)."""
        for term in terms:
            key = cluster.kind + ":" + term
            posting = self._postings.setdefault(key, deque(maxlen=self.settings.term_story_postings))
            if cluster.id in posting:
                posting.remove(cluster.id)
            posting.appendleft(cluster.id)

    def _leave(self, doc_id: str, vector: dict[str, float]) -> None:
        """Take a document out of its story and occasion (recluster's reassignment step)."""
        assignment = self.members.pop(doc_id)
        for cluster_id in (assignment.occasion_id, assignment.story_id):
            cluster = self.clusters[cluster_id]
            cluster.docs.remove(doc_id)
            cluster.size -= 1
            cluster.weighted = None
            for term, value in vector.items():
                if term in cluster.sums:
                    cluster.sums[term] -= value
            if cluster.size == 0:
                del self.clusters[cluster_id]
        story = self.clusters.get(assignment.story_id)
        if story is not None and assignment.occasion_id not in self.clusters:
            story.occasions.remove(assignment.occasion_id)

    # results -----------------------------------------------------------------------------------------------

    def stories(self) -> list[Story]:
        """Every story with its documents and occasions, largest first."""
        stories = [c for c in self.clusters.values() if c.kind == "story"]
        stories.sort(key=lambda c: (-c.size, c.id))
        return [self._story(c) for c in stories]

    def _story(self, story: Cluster) -> Story:
        occasions = tuple(tuple(self.clusters[o].docs) for o in story.occasions if o in self.clusters)
        return Story(story.id, story.title or self.top_terms_title(story), tuple(story.docs), occasions)

    def top_terms_title(self, cluster: Cluster, n: int = 5) -> str:
        """A fallback title: the cluster's heaviest words."""
        weighted = self.weigh(
            {t: s for t, s in cluster.sums.items() if not t.startswith(ENTITY_PREFIX)}, "story"
        )
        return ", ".join(_top_terms(weighted, n))

    def recluster(self, docs: Iterable[Document]) -> list[Story]:
        """Rebuild every story from scratch in one batch pass (``storyline recluster``), then refine.

        Document frequencies are fixed to the whole batch first, so the earliest documents are weighed like
        the last; then each document is reassigned ``recluster_rounds`` times against the finished clusters.
        """
        ordered = sorted(docs, key=_date_key)
        fresh = StoryIndex(self.settings)
        found = {d.id: features(d, self.settings) for d in ordered}
        for one in found.values():
            fresh.count(one)
        fresh.frozen_idf = True
        for doc in ordered:
            fresh._place(doc, found[doc.id].vector)
        for _ in range(self.settings.recluster_rounds):
            for doc in ordered:
                fresh._leave(doc.id, found[doc.id].vector)
                fresh._place(doc, found[doc.id].vector)
        fresh.frozen_idf = False  # later additions count again, on top of the batch's frequencies
        self.__dict__.update(fresh.__dict__)
        return self.stories()


KINDS = ("story", "occasion")


def _top_terms(weighted: Mapping[str, float], n: int) -> list[str]:
    return [t for t, _ in sorted(weighted.items(), key=lambda tw: (-tw[1], tw[0]))[:n]]


def _prune(cluster: Cluster, cap: int) -> None:
    """Keep a centroid's ``cap`` heaviest terms once it has grown to twice that (amortized cost)."""
    if len(cluster.sums) > 2 * cap:
        kept = sorted(cluster.sums.items(), key=lambda tw: -tw[1])[:cap]
        cluster.sums = dict(kept)


def _time_factor(date: dt.date | None, cluster: Cluster, window: int) -> float:
    """1 inside the cluster's dates widened by ``window`` days; beyond, shrinking as window / distance."""
    if date is None or cluster.first is None or cluster.last is None:
        return 1.0
    distance = max((cluster.first - date).days, (date - cluster.last).days, 0)
    return 1.0 if distance <= window else window / distance


def _date_key(doc: Document) -> tuple[int, dt.date]:
    """Dated documents in date order; undated ones keep their given order after them (stable sort)."""
    return (0, doc.published) if doc.published else (1, dt.date.min)
