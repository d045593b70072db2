"""B-cubed evaluation of story and occasion clustering on ECB+ documents.

ECB+ topics (all articles about, say, a celebrity entering rehab) stand in for stories, and sub-topics (topic
plus "ecb"/"ecbplus": two different rehab stays) for occasions. Each split is clustered on its own, twice:

- incrementally: documents fed one at a time to ``StoryIndex.add``. ECB+ dates (``date_publish``) are
  heuristic and present only for some "ecbplus" documents; the order is a fixed shuffle (``--seed``) in which
  the dated documents are then put into date order among themselves, and the parsed dates are given to the
  index as ``published``;
- in batch: ``StoryIndex.recluster`` over all documents of the split.

The incremental result depends on the order, so it is run for ``--orders`` seeds and the mean (and the worst)
is printed too.

Usage: ``python eval/stories.py [--data ../shared/data/ecbplus] [--split dev|train] [--seed 13] [--orders 5]``
Tune on train; report dev. Never run it on test topics (they are not in the data folder anyway).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from storyline.ingest.document import make_document
from storyline.link.stories import StoryIndex
from storyline.model import Document, Story
from storyline.settings import LinkSettings, Settings

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus"
MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
_MONTH_DATE = re.compile(r"\b([A-Za-z]{3})[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?, (\d{4})")
_SLASH_DATE = re.compile(r"\b(\d{1,2}) / (\d{1,2}) / (\d{2,4})\b")


@dataclass(frozen=True)
class Gold:
    """The gold labels of one document."""

    topic: str
    subtopic: str


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def parse_ecb_date(raw: str | None) -> dt.date | None:
    """A date from ECB+'s heuristic ``date_publish`` line ("Updated : November 11, 2011"), or None."""
    if not raw:
        return None
    match = _MONTH_DATE.search(raw)
    try:
        if match and match[1].casefold() in MONTHS:
            return dt.date(int(match[3]), MONTHS[match[1].casefold()], int(match[2]))
        match = _SLASH_DATE.search(raw)
        if match:  # US order, month first; "14 / 09 / 2013" (day first) is caught by the ValueError fallback
            year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
            month, day = int(match[1]), int(match[2])
            return dt.date(year, month, day) if month <= 12 else dt.date(year, day, month)
    except ValueError:
        return None
    return None


def load(data: Path, split: str) -> tuple[list[Document], dict[str, Gold]]:
    """The split's documents (ECB+ id as ``source``) and their gold topic and sub-topic."""
    folder = data / "docs" / split
    if not folder.is_dir():
        sys.exit(
            f"{folder}: not found; pass --data pointing at the ecbplus folder (see shared/data/README.md)"
        )
    docs, gold = [], {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        doc = make_document(
            record["doc_id"],
            record["text"] or record["title"],
            title=record["title"],
            published=parse_ecb_date(record.get("date_publish")),
            language="en",
        )
        docs.append(doc)
        gold[doc.id] = Gold(str(record["topic"]), f"{record['topic']}/{record['subtopic']}")
    return docs, gold


def feed_order(docs: list[Document], seed: int) -> list[Document]:
    """A seeded shuffle in which the dated documents are then sorted by date among the slots they hold."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    slots = [i for i, d in enumerate(order) if d.published]
    dated = sorted((order[i] for i in slots), key=lambda d: d.published or dt.date.min)
    for slot, doc in zip(slots, dated, strict=True):
        order[slot] = doc
    return order


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """B-cubed precision and recall (Bagga & Baldwin 1998) of a predicted clustering against gold classes."""
    clusters = _groups(predicted)
    classes = _groups(gold)
    precision = recall = 0.0
    for item in gold:
        mine, theirs = clusters[predicted[item]], classes[gold[item]]
        overlap = len(mine & theirs)
        precision += overlap / len(mine)
        recall += overlap / len(theirs)
    return BCubed(precision / len(gold), recall / len(gold))


def _groups(labels: Mapping[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return groups


def labels_of(stories: Iterable[Story]) -> tuple[dict[str, str], dict[str, str]]:
    """Each document's story id and occasion label (story id + occasion index)."""
    story_of, occasion_of = {}, {}
    for story in stories:
        for doc_id in story.docs:
            story_of[doc_id] = story.id
        for k, occasion in enumerate(story.occasions):
            for doc_id in occasion:
                occasion_of[doc_id] = f"{story.id}/{k}"
    return story_of, occasion_of


def score(stories: list[Story], gold: Mapping[str, Gold]) -> tuple[BCubed, BCubed]:
    story_of, occasion_of = labels_of(stories)
    topic = bcubed(story_of, {d: g.topic for d, g in gold.items()})
    subtopic = bcubed(occasion_of, {d: g.subtopic for d, g in gold.items()})
    return topic, subtopic


@dataclass(frozen=True)
class Result:
    """Scores of one clustering run."""

    topic: BCubed
    subtopic: BCubed
    stories: int
    seconds: float


def incremental(docs: list[Document], gold: Mapping[str, Gold], settings: LinkSettings, seed: int) -> Result:
    """Documents fed one at a time to ``StoryIndex.add`` in the seeded order."""
    index = StoryIndex(settings)
    started = time.perf_counter()
    for doc in feed_order(docs, seed):
        index.add(doc)
    stories = index.stories()
    return Result(*score(stories, gold), len(stories), time.perf_counter() - started)


def batch(docs: list[Document], gold: Mapping[str, Gold], settings: LinkSettings, seed: int) -> Result:
    """One ``StoryIndex.recluster`` over all documents (dated ones first, in date order)."""
    started = time.perf_counter()
    stories = StoryIndex(settings).recluster(feed_order(docs, seed))
    return Result(*score(stories, gold), len(stories), time.perf_counter() - started)


def line(label: str, result: Result) -> str:
    t, s = result.topic, result.subtopic
    return (
        f"{label:<18} topic P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f}   "
        f"sub-topic P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}   "
        f"({result.stories} stories, {result.seconds:.1f} s)"
    )


def mean_line(label: str, results: list[Result]) -> str:
    topic = [r.topic.f1 for r in results]
    sub = [r.subtopic.f1 for r in results]
    return (
        f"{label:<18} topic F1={statistics.mean(topic):.3f} (min {min(topic):.3f})   "
        f"sub-topic F1={statistics.mean(sub):.3f} (min {min(sub):.3f})   over {len(results)} orders"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=["dev", "train"], default="dev")
    parser.add_argument("--seed", type=int, default=13, help="shuffle seed for the incremental feed order")
    parser.add_argument("--orders", type=int, default=5, help="incremental runs, with seeds seed, seed+1, …")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="link.FIELD=VALUE",
        help="override a setting, e.g. --set link.story_threshold=0.3",
    )
    args = parser.parse_args(argv)
    settings = Settings().override(args.set).link
    docs, gold = load(args.data, args.split)
    n_topics = len({g.topic for g in gold.values()})
    n_sub = len({g.subtopic for g in gold.values()})
    print(
        f"ECB+ {args.split}: {len(docs)} documents, {n_topics} topics, {n_sub} sub-topics; "
        f"{sum(1 for d in docs if d.published)} dated"
    )
    runs = []
    for seed in range(args.seed, args.seed + args.orders):
        runs.append(incremental(docs, gold, settings, seed))
        print(line(f"incremental s={seed}", runs[-1]), flush=True)
    print(mean_line("incremental mean", runs))
    print(line("batch", batch(docs, gold, settings, args.seed)))


if __name__ == "__main__":
    main()
