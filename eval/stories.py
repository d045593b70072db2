"""B-cubed evaluation of story and occasion clustering on ECB+ documents.

ECB+ topics (all articles about, say, a celebrity entering rehab) stand in for stories, and sub-topics (topic
plus "ecb"/"ecbplus": two different rehab stays) for occasions. Each split is clustered on its own, twice:

- incrementally: documents fed one at a time to ``StoryIndex.add``. ECB+ dates (``date_publish``) are
  heuristic and present only for some "ecbplus" documents; the order is a fixed shuffle (``--seed``) in which
  the dated documents are then put into date order among themselves, and the parsed dates are given to the
  index as ``published``;
- in batch: ``StoryIndex.recluster`` over all documents of the split.

Usage: ``python eval/stories.py [--data ../shared/data/ecbplus] [--split dev|train] [--seed 13]``.
Tune on train; report dev. Never run it on test topics (they are not in the data folder anyway).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping
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


def run(
    docs: list[Document],
    gold: Mapping[str, Gold],
    settings: LinkSettings,
    seed: int,
    out: Callable[[str], None] = print,
) -> dict[str, tuple[BCubed, BCubed]]:
    """Incremental then batch clustering of ``docs``; prints and returns the scores per mode."""
    results = {}
    index = StoryIndex(settings)
    started = time.perf_counter()
    for doc in feed_order(docs, seed):
        index.add(doc)
    results["incremental"] = score(index.stories(), gold), time.perf_counter() - started
    started = time.perf_counter()
    batch = StoryIndex(settings).recluster(feed_order(docs, seed))
    results["batch"] = score(batch, gold), time.perf_counter() - started
    for mode, ((topic, subtopic), seconds) in results.items():
        n_stories = len(index.stories()) if mode == "incremental" else len(batch)
        out(
            f"{mode:<12} topic    P={topic.precision:.3f} R={topic.recall:.3f} F1={topic.f1:.3f}   "
            f"sub-topic P={subtopic.precision:.3f} R={subtopic.recall:.3f} F1={subtopic.f1:.3f}   "
            f"({n_stories} stories, {seconds:.1f} s)"
        )
    return {mode: scores for mode, (scores, _) in results.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=["dev", "train"], default="dev")
    parser.add_argument("--seed", type=int, default=13, help="shuffle seed for the incremental feed order")
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
        f"{sum(1 for d in docs if d.published)} dated; seed {args.seed}"
    )
    run(docs, gold, settings, args.seed)


if __name__ == "__main__":
    main()
