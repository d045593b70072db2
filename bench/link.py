"""Benchmark of the link indexes: build from scratch, then the latency of adding one more document.

Documents are generated (no data needed): ~300 words each, drawn from a Zipf-distributed vocabulary mixed with
the vocabulary of one of ``docs / 20`` stories, with dates spread over two years; one in ten copies two
sentences from an earlier document of its story, so the reuse index has real work to do.

1. Build: sketches (MinHash + fingerprints) and story features are computed in a process pool (both cores),
   then inserted into ``ReuseIndex`` and ``StoryIndex`` in order. Prints time and peak memory (max RSS).
2. Add: with everything indexed, ``--probe`` new documents are linked one at a time through the full path
   (sketch, reuse linking with passage alignment, story assignment). Prints median and p95 latency.

Usage: ``python bench/link.py --docs 100000 [--probe 200] [--workers 2]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np

from storyline.ingest.document import make_document
from storyline.link.reuse import ReuseEntry, ReuseIndex, sketch
from storyline.link.stories import Features, StoryIndex, features
from storyline.model import Document
from storyline.settings import LinkSettings

VOCABULARY = 40_000  # distinct generated words
ZIPF_EXPONENT = 1.1  # word-frequency skew of the background vocabulary
WORDS_PER_DOC = 300
SENTENCE_WORDS = 20
STORY_SIZE = 20  # documents per story on average
STORY_WORDS = 40  # words specific to one story
STORY_SHARE = 0.15  # share of a document's words taken from its story's vocabulary
COPY_RATE = 0.1  # documents that copy two sentences from an earlier one of their story
CHUNK = 2000  # documents prepared in the pool at a time
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "an", "or", "el", "im", "us", "ba", "de"]


@dataclass(frozen=True)
class Prepared:
    """One document with its precomputed sketch and story features (what a worker returns)."""

    doc: Document
    entry: ReuseEntry
    found: Features


def word_list(rng: random.Random, n: int) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def generate(n: int, seed: int = 1) -> Iterator[Document]:
    """``n`` documents about ``n / STORY_SIZE`` stories, in publication order."""
    rng, nprng = random.Random(seed), np.random.default_rng(seed)
    vocabulary = word_list(rng, VOCABULARY)
    weights = 1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF_EXPONENT
    cumulative = np.cumsum(weights / weights.sum())
    n_stories = max(1, n // STORY_SIZE)
    story_words = [rng.sample(vocabulary[1000:], STORY_WORDS) for _ in range(n_stories)]
    earlier: dict[int, list[str]] = {}
    start = dt.date(2020, 1, 1)
    for k in range(n):
        story = rng.randrange(n_stories)
        background = np.minimum(np.searchsorted(cumulative, nprng.random(WORDS_PER_DOC)), VOCABULARY - 1)
        words = [
            story_words[story][rng.randrange(STORY_WORDS)] if rng.random() < STORY_SHARE else vocabulary[i]
            for i in background
        ]
        sentences = [
            " ".join(words[i : i + SENTENCE_WORDS]).capitalize() + "."
            for i in range(0, len(words), SENTENCE_WORDS)
        ]
        if story in earlier and rng.random() < COPY_RATE:
            sentences[3:3] = rng.sample(earlier[story], 2)
        earlier[story] = sentences[:6]
        published = start + dt.timedelta(days=k * 730 // n)
        yield make_document(
            f"gen/{k}", " ".join(sentences), title=sentences[0][:60], published=published, language="xx"
        )


def prepare(doc: Document) -> Prepared:
    settings = LinkSettings()
    return Prepared(doc, sketch(doc, settings), features(doc, settings))


def chunks(documents: Iterator[Document], total: int, size: int) -> Iterator[list[Document]]:
    """The first ``total`` documents, ``size`` at a time."""
    taken = 0
    while taken < total:
        chunk = [doc for _, doc in zip(range(min(size, total - taken)), documents, strict=False)]
        taken += len(chunk)
        yield chunk


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--probe", type=int, default=200, help="documents added one at a time after the build"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--progress", type=int, default=10_000, help="print build progress every N documents")
    args = parser.parse_args()

    started = time.perf_counter()
    reuse, stories = ReuseIndex(), StoryIndex()
    links = 0
    documents = generate(args.docs + args.probe)
    with ProcessPoolExecutor(args.workers) as pool:
        for chunk in chunks(documents, args.docs, CHUNK):  # bounded: never more than one chunk in flight
            for item in pool.map(prepare, chunk, chunksize=64):
                links += len(reuse.add(item.doc, item.entry))
                stories.add(item.doc, item.found)
                if len(reuse) % args.progress == 0:
                    elapsed = time.perf_counter() - started
                    print(f"  {len(reuse)} indexed: {elapsed:.0f} s, rss {peak_rss_mb():.0f} MB", flush=True)
    build = time.perf_counter() - started
    print(
        f"build {args.docs} documents (generation included): {build:.1f} s ({args.docs / build:.0f} docs/s), "
        f"{links} reuse links, {len(stories.stories())} stories; peak rss {peak_rss_mb():.0f} MB",
        flush=True,
    )
    probes = list(documents)

    latencies = []
    for doc in probes:
        began = time.perf_counter()
        reuse.add(doc)
        stories.add(doc)
        latencies.append((time.perf_counter() - began) * 1000)
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    print(
        f"add one document with {args.docs} indexed: median {statistics.median(latencies):.1f} ms, "
        f"p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms over {len(latencies)} documents"
    )


if __name__ == "__main__":
    main()
