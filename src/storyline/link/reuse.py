"""Text reuse: exact and near-duplicate documents, and the passages one document copied from another.

Reads ``Document.text``, ``content_hash`` and ``published``; produces :class:`~storyline.model.Reuse` records.
A :class:`ReuseIndex` links each new document against everything indexed before it, in time that does not
grow with the corpus:

- exact duplicates by content hash;
- near-duplicates by MinHash LSH (datasketch) over word shingles — a republished wire story;
- partial reuse (one copied background paragraph in an otherwise new article) by winnowing fingerprints
  (an inverted index of a few shingle hashes per document), because a document-level Jaccard cannot see a
  paragraph among ten.

Every candidate pair is then aligned sentence by sentence (:func:`align`), tolerant of small edits, and only
pairs with a near-duplicate score or at least one aligned passage are reported.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH
from rapidfuzz.distance import Indel

from storyline.link import shingles
from storyline.model import Document, Passage, Reuse
from storyline.settings import LinkSettings

__all__ = [
    "Aligned",
    "Flow",
    "ReuseEntry",
    "ReuseIndex",
    "ReuseShare",
    "align",
    "align_prepared",
    "prepare",
    "reuse_share",
    "sketch",
    "spread",
]

MINHASH_SEED = 1  # every process must use the same permutations, or saved sketches stop matching
UNKNOWN_OUTLET = "(unknown)"
POSTINGS_MIN_MERGE = 100_000  # recent (fingerprint, document) pairs kept in a dict before merging
MINHASH_SCHEME = "affine32"  # datasketch 2.0's default; named so restored sketches declare it explicitly
# indexed documents kept split into sentences: a burst of copies aligns against the same few
PREPARED_CACHE = 256


@dataclass(frozen=True)
class ReuseEntry:
    """What indexing one document stores: enough to link later documents to it without re-reading it."""

    doc_id: str
    seq: int  # insertion order: breaks ties when publication dates are missing or equal
    published: dt.date | None
    content_hash: str
    hashvalues: np.ndarray = field(compare=False)  # the MinHash signature (num_perm uint32)
    fingerprints: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint32), compare=False)  # sorted


@dataclass(frozen=True)
class ReuseShare:
    """How much of a document's text is copied from earlier documents, overall and per source document."""

    share: float
    sources: dict[str, float]


# shingles hashed at once: bounds memory to ~8 MB at 128 permutations, whatever the length
MINHASH_CHUNK = 8192


def sketch(doc: Document, settings: LinkSettings, seq: int = 0) -> ReuseEntry:
    """The MinHash signature and winnowing fingerprints of one document (pure: runs in any worker)."""
    hashes = shingles.word_hashes(shingles.words(doc.text))
    minhash = MinHash(hashfunc=int, permutations=_permutations(settings.num_perm), scheme=MINHASH_SCHEME)
    shingle_hashes = shingles.shingle_hashes(hashes, settings.shingle_words)
    for start in range(0, len(shingle_hashes), MINHASH_CHUNK):  # update_batch builds an n × num_perm matrix
        minhash.update_batch(shingle_hashes[start : start + MINHASH_CHUNK].tolist())
    fingerprints = shingles.winnow(
        shingles.shingle_hashes(hashes, settings.fingerprint_words), settings.winnow_window
    )
    return ReuseEntry(
        doc_id=doc.id,
        seq=seq,
        published=doc.published,
        content_hash=doc.content_hash,
        hashvalues=minhash.hashvalues,
        fingerprints=np.array(sorted(fingerprints), dtype=np.uint32),
    )


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The MinHash permutations for ``num_perm`` (drawn once per process from ``MINHASH_SEED``)."""
    return MinHash(num_perm=num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


@dataclass(frozen=True)
class _Signature:
    """What MinHashLSH reads from a MinHash (hash values and scheme), without drawing permutations again."""

    hashvalues: np.ndarray
    scheme: str = MINHASH_SCHEME

    def __len__(self) -> int:
        return len(self.hashvalues)


class Postings:
    """Fingerprint -> positions of the documents holding it: sorted numpy arrays, plus a dict of recent adds.

    Eight bytes per (fingerprint, document) instead of a Python list entry per pair (~10x less memory at
    100,000 documents); recent additions are merged into the arrays once they reach a quarter of them, so
    merging costs O(n log n) overall.
    """

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.uint32)
        self.docs = np.zeros(0, dtype=np.uint32)
        self.recent: dict[int, list[int]] = {}
        self.recent_pairs = 0

    def add(self, fingerprints: np.ndarray, position: int) -> None:
        for fingerprint in fingerprints.tolist():
            self.recent.setdefault(fingerprint, []).append(position)
        self.recent_pairs += len(fingerprints)
        if self.recent_pairs > max(POSTINGS_MIN_MERGE, len(self.keys) // 4):
            self._merge()

    def _merge(self) -> None:
        keys = np.fromiter((k for k, ps in self.recent.items() for _ in ps), np.uint32, self.recent_pairs)
        docs = np.fromiter((p for ps in self.recent.values() for p in ps), np.uint32, self.recent_pairs)
        keys, docs = np.concatenate([self.keys, keys]), np.concatenate([self.docs, docs])
        order = np.argsort(keys, kind="stable")
        self.keys, self.docs = keys[order], docs[order]
        self.recent, self.recent_pairs = {}, 0

    def lookup(self, fingerprints: np.ndarray, cap: int) -> list[list[int]]:
        """The postings of ``fingerprints``, except those in more than ``cap`` documents (boilerplate)."""
        lows = np.searchsorted(self.keys, fingerprints, "left")
        highs = np.searchsorted(self.keys, fingerprints, "right")
        postings = []
        for fingerprint, low, high in zip(fingerprints.tolist(), lows.tolist(), highs.tolist(), strict=True):
            recent = self.recent.get(fingerprint, [])
            if 0 < high - low + len(recent) <= cap:
                postings.append(self.docs[low:high].tolist() + recent)
        return postings


class ReuseIndex:
    """Every indexed document's sketch, searchable by LSH band, content hash and fingerprint.

    ``text_of`` returns an indexed document's text for passage alignment (the store passes a lookup into its
    documents table); without it the index keeps the texts itself.
    """

    def __init__(
        self, settings: LinkSettings | None = None, text_of: Callable[[str], str | None] | None = None
    ) -> None:
        self.settings = settings or LinkSettings()
        self._texts: dict[str, str] = {}
        self._text_of = text_of or self._texts.get
        self._keep_texts = text_of is None
        self._lsh = MinHashLSH(threshold=self.settings.lsh_threshold, num_perm=self.settings.num_perm)
        self._entries: dict[str, ReuseEntry] = {}
        self._by_hash: dict[str, str] = {}
        self._ids: list[str] = []  # position -> document id, for the fingerprint postings
        self._postings = Postings()
        self._prepared: OrderedDict[str, Aligned] = OrderedDict()  # least recently aligned first

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def entry(self, doc_id: str) -> ReuseEntry:
        """The stored sketch of an indexed document (what ``store.links`` persists)."""
        return self._entries[doc_id]

    def add(self, doc: Document, entry: ReuseEntry | None = None) -> list[Reuse]:
        """Link ``doc`` against every indexed document, then index it; re-adding a known id links nothing.

        ``entry`` may be a sketch computed elsewhere (a worker process, :meth:`add_many`).
        """
        if doc.id in self._entries:
            return []
        entry = entry or sketch(doc, self.settings)
        entry = ReuseEntry(
            doc.id, len(self._entries), doc.published, doc.content_hash, entry.hashvalues, entry.fingerprints
        )
        candidates = self._candidates(entry)
        mine = prepare(doc.text, self.settings) if candidates else None
        links = [self._link(entry, mine, other) for other in candidates if mine is not None]
        self.insert(entry)
        if self._keep_texts:
            self._texts[doc.id] = doc.text
        if mine is not None:
            self._remember(doc.id, mine)  # in a burst of copies, the next one aligns against this one
        return [link for link in links if link is not None]

    def insert(self, entry: ReuseEntry) -> None:
        """Index a sketch without linking it (restoring a saved index)."""
        self._entries[entry.doc_id] = entry
        self._by_hash.setdefault(entry.content_hash, entry.doc_id)
        minhash = _Signature(entry.hashvalues)
        self._lsh.insert(entry.doc_id, minhash, check_duplication=False)
        self._postings.add(entry.fingerprints, len(self._ids))
        self._ids.append(entry.doc_id)

    def _candidates(self, entry: ReuseEntry) -> list[str]:
        """Documents that may share text with ``entry``: same hash, LSH neighbours, shared fingerprints."""
        found: dict[int, float] = defaultdict(float)  # rarer shared fingerprints weigh more, as in IDF
        for posting in self._postings.lookup(entry.fingerprints, self.settings.max_fingerprint_docs):
            for position in posting:
                found[position] += 1.0 / len(posting)
        shared_enough = [d for d, weight in found.items() if weight >= self.settings.min_fingerprint_weight]
        best = heapq.nlargest(self.settings.max_reuse_candidates, shared_enough, key=found.__getitem__)
        ranked = [self._ids[position] for position in best]
        extra = [self._by_hash.get(entry.content_hash), *self._nearest(entry)]
        return list(dict.fromkeys([d for d in extra if d is not None] + ranked))

    def _nearest(self, entry: ReuseEntry) -> list[str]:
        """LSH neighbours of ``entry``: all of them, or the ``max_reuse_candidates`` most similar when there are more.

        Without the cap, the thousandth copy of one wire story would be aligned against all 999 before it, and
        linking a burst of copies would grow quadratically; the closest copies are the ones that say who copied.
        """
        neighbours = self._lsh.query(_Signature(entry.hashvalues))
        if len(neighbours) <= self.settings.max_reuse_candidates:
            return neighbours
        signatures = np.stack([self._entries[d].hashvalues for d in neighbours])
        similarity = (signatures == entry.hashvalues).mean(axis=1)
        seqs = np.array([self._entries[d].seq for d in neighbours])
        order = np.lexsort((seqs, -similarity))[: self.settings.max_reuse_candidates]  # ties: indexed first
        return [neighbours[i] for i in order.tolist()]

    def _link(self, entry: ReuseEntry, mine: Aligned, other_id: str) -> Reuse | None:
        other = self._entries[other_id]
        score = float(np.mean(entry.hashvalues == other.hashvalues))
        exact = entry.content_hash == other.content_hash
        near = exact or score >= self.settings.near_duplicate_jaccard
        theirs = self._prepared_text(other_id)
        if _earlier(other, entry):
            first, second, passages = other, entry, align_prepared(theirs, mine, self.settings)
        else:
            first, second, passages = entry, other, align_prepared(mine, theirs, self.settings)
        if not near and not passages:
            return None
        return Reuse(first.doc_id, second.doc_id, 1.0 if exact else round(score, 4), near, passages)

    def _prepared_text(self, doc_id: str) -> Aligned:
        """An indexed document ready for alignment, from a small LRU cache (the text lookup may hit the store)."""
        if doc_id in self._prepared:
            self._prepared.move_to_end(doc_id)
            return self._prepared[doc_id]
        return self._remember(doc_id, prepare(self._text_of(doc_id) or "", self.settings))

    def _remember(self, doc_id: str, aligned: Aligned) -> Aligned:
        """Keep ``aligned`` as the most recently used prepared text, dropping the oldest past the cache size."""
        self._prepared[doc_id] = aligned
        if len(self._prepared) > PREPARED_CACHE:
            self._prepared.popitem(last=False)
        return aligned


def _earlier(a: ReuseEntry, b: ReuseEntry) -> bool:
    """Whether ``a`` is the likely origin: published first, else (no dates or same day) indexed first."""
    if a.published and b.published and a.published != b.published:
        return a.published < b.published
    return a.seq < b.seq


# passage alignment ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pair:
    """Sentence ``i`` of document a aligned to sentence ``j`` of document b."""

    i: int
    j: int
    similarity: float


@dataclass(frozen=True)
class Aligned:
    """A text ready for alignment: its sentences, their word n-grams, and which sentences hold each n-gram."""

    sentences: tuple[shingles.Sentence, ...]
    grams: tuple[frozenset[tuple[str, ...]], ...]
    index: dict[tuple[str, ...], list[int]]


def prepare(text: str, settings: LinkSettings | None = None) -> Aligned:
    """Cut ``text`` into sentences and index their n-grams (done once per document per linking)."""
    n = (settings or LinkSettings()).passage_candidate_ngram
    sentences = tuple(shingles.sentences(text))
    grams = tuple(frozenset(zip(*(s.words[k:] for k in range(n)), strict=False)) for s in sentences)
    index: dict[tuple[str, ...], list[int]] = {}
    for j, sentence_grams in enumerate(grams):
        for gram in sentence_grams:
            index.setdefault(gram, []).append(j)
    return Aligned(sentences, grams, index)


def align(text_a: str, text_b: str, settings: LinkSettings | None = None) -> tuple[Passage, ...]:
    """The passages ``text_b`` shares with ``text_a``: runs of aligned sentences, each with its similarity.

    Sentences are compared as word sequences (Indel similarity over casefolded words), so "Sept. 27 last year"
    against "Sept. 27, 2020" or "nearly" against "some" lowers a long sentence's score only a little; only
    sentences sharing a run of ``passage_candidate_ngram`` words are compared at all, which keeps unrelated
    documents from ever being scored.
    """
    settings = settings or LinkSettings()
    return align_prepared(prepare(text_a, settings), prepare(text_b, settings), settings)


def align_prepared(a: Aligned, b: Aligned, settings: LinkSettings) -> tuple[Passage, ...]:
    """:func:`align` over texts already prepared."""
    pairs = _one_to_one(_scored_pairs(a, b, settings))
    return tuple(
        p
        for p in _passages(pairs, a.sentences, b.sentences)
        if _long_enough(p, a.sentences, b.sentences, settings)
    )


def _scored_pairs(a: Aligned, b: Aligned, settings: LinkSettings) -> list[_Pair]:
    pairs = []
    for i, grams in enumerate(a.grams):
        near: set[int] = set()
        for gram in grams:
            near.update(b.index.get(gram, ()))
        for j in near:
            similarity = Indel.normalized_similarity(a.sentences[i].words, b.sentences[j].words)
            if similarity >= settings.passage_min_similarity:
                pairs.append(_Pair(i, j, similarity))
    return pairs


def _one_to_one(pairs: list[_Pair]) -> list[_Pair]:
    """Best pairs first, each sentence used once; returned in document-a order."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    kept = []
    for pair in sorted(pairs, key=lambda p: (-p.similarity, p.i, p.j)):
        if pair.i not in used_a and pair.j not in used_b:
            used_a.add(pair.i)
            used_b.add(pair.j)
            kept.append(pair)
    return sorted(kept, key=lambda p: p.i)


def _passages(
    pairs: list[_Pair], sents_a: Sequence[shingles.Sentence], sents_b: Sequence[shingles.Sentence]
) -> Iterable[Passage]:
    """Consecutive pairs (i, j), (i+1, j+1)… merged into one passage scored by word-weighted similarity."""
    run: list[_Pair] = []
    for pair in pairs:
        if run and not (pair.i == run[-1].i + 1 and pair.j == run[-1].j + 1):
            yield _passage(run, sents_a, sents_b)
            run = []
        run.append(pair)
    if run:
        yield _passage(run, sents_a, sents_b)


def _passage(
    run: list[_Pair], sents_a: Sequence[shingles.Sentence], sents_b: Sequence[shingles.Sentence]
) -> Passage:
    weights = [len(sents_a[p.i].words) + len(sents_b[p.j].words) for p in run]
    score = sum(w * p.similarity for w, p in zip(weights, run, strict=True)) / sum(weights)
    first, last = run[0], run[-1]
    return Passage(
        sents_a[first.i].start,
        sents_a[last.i].end,
        sents_b[first.j].start,
        sents_b[last.j].end,
        round(score, 4),
    )


def _long_enough(
    passage: Passage,
    sents_a: Sequence[shingles.Sentence],
    sents_b: Sequence[shingles.Sentence],
    settings: LinkSettings,
) -> bool:
    inside = [s for s in sents_b if passage.b_start <= s.start and s.end <= passage.b_end]
    if len(inside) == 1 and passage.score < settings.passage_single_similarity:
        return False
    return sum(len(s.words) for s in inside) >= settings.passage_min_words


# per-document reuse share ----------------------------------------------------------------------------------


def reuse_share(doc: Document, reuses: Iterable[Reuse]) -> ReuseShare:
    """The share of ``doc``'s characters covered by passages copied from earlier documents, and from which.

    Only links where ``doc`` is the later document (``doc_b``) count: text it originated is not "reused".
    Overlapping passages from several sources count once in ``share``.
    """
    if not doc.text:
        return ReuseShare(0.0, {})
    covered = np.zeros(len(doc.text), dtype=bool)
    sources: dict[str, float] = {}
    for reuse in reuses:
        if reuse.doc_b != doc.id:
            continue
        mine = np.zeros(len(doc.text), dtype=bool)
        for passage in reuse.passages:
            mine[passage.b_start : passage.b_end] = True
        if reuse.near_duplicate and not reuse.passages:
            mine[:] = True
        sources[reuse.doc_a] = round(float(mine.mean()), 4)
        covered |= mine
    return ReuseShare(round(float(covered.mean()), 4), sources)


# who copied whom -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flow:
    """Text first seen at outlet ``origin`` and again at outlet ``copier``, in ``pairs`` links."""

    origin: str
    copier: str
    pairs: int


def spread(
    reuses: Iterable[Reuse], outlet_of: Mapping[str, str | None], docs: Collection[str] | None = None
) -> list[Flow]:
    """Which outlet's text spread to which, most links first (``docs``: only links inside one story).

    The origin of a link is its earlier document (``doc_a``); documents without an outlet count as
    "(unknown)". Links within one outlet are kept: an outlet re-running its own text is worth seeing too.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for reuse in reuses:
        if docs is not None and (reuse.doc_a not in docs or reuse.doc_b not in docs):
            continue
        origin = outlet_of.get(reuse.doc_a) or UNKNOWN_OUTLET
        copier = outlet_of.get(reuse.doc_b) or UNKNOWN_OUTLET
        counts[origin, copier] += 1
    return [Flow(o, c, n) for (o, c), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
