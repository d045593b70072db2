"""Score analyze/quotes.py against PolNeAR (political news attribution relations, brat standoff).

    python eval/quotes.py [--data ../shared/data/polnear] [--split dev] [--limit N] [--offset N]

Gold: one annotation file per article, the first by file name (several annotators marked some articles; their
files differ only in the suffix). Every ``Source``, ``Cue`` and ``Content`` span of every attribution counts;
a discontinuous span (fragments joined by ';') is the union of its fragments.

Definitions (after BBC citron's evaluation on PARC 3.0, whose conventions PolNeAR follows):
- tokens are the word tokens of the article (``\\w+`` runs); punctuation and quote marks are not counted, so a
  span's words decide everything;
- exact: a predicted span is correct when its words are exactly the words of some gold span of the same label;
  precision over distinct predicted spans, recall over distinct gold spans;
- overlap: token-level, per article: precision = predicted tokens inside gold spans / predicted tokens,
  recall = gold tokens inside predicted spans / gold tokens (summed over articles);
- content = the quote span, source = the speaker span, cue = the cue span (quotes without one add nothing);
  quotes sharing a cue (a quotation running on after "he said") form one attribution, their contents joined;
- direct-only: gold attributions whose content starts with a quote mark vs predicted quotes of kind "direct";
- speech: the same scores with gold restricted to attributions whose cue is a speech verb of our table,
  "according to" or a colon, and predictions to quotes whose ``cue_class`` is "speech" (or that have no cue)
  (PolNeAR also marks beliefs, polls, plans, stances…, which the extractor reads as indirect quotes of other
  cue classes; these rows show how speech alone fares, as a report showing only what was said would);
- speaker accuracy: of the predicted quotes whose content overlaps a gold content, the share whose speaker
  span overlaps that attribution's source (a second line also counts a quote without a speaker as right where
  that attribution has no source either).
The corpus authors ask that dev articles not be read: develop on train (``--split train --limit 100``) and use
dev for the measurement only.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline import pipeline
from storyline.analyze import quotes
from storyline.analyze.nlp import Parsed, parse_batch
from storyline.analyze.quote_cues import CueTable, cues_for
from storyline.model import Document, Quote
from storyline.settings import AnalyzeSettings, load_settings

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
WORD = re.compile(r"\w+")
QUOTE_MARKS = "\"“”'‘’«»"
LABELS = ("Content", "Source", "Cue")
REFERENCE = {  # BBC citron en_2021-11-15 on the PARC 3.0 test set (a different corpus); None = not published
    ("Content", "exact"): 59.3,
    ("Content", "overlap"): 83.3,
    ("Source", "exact"): 82.0,
    ("Source", "overlap"): 85.3,
    ("Cue", "exact"): 82.3,
    ("Cue", "overlap"): 76.8,
}

Fragments = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    """One PolNeAR attribution: its spans by label (each possibly discontinuous)."""

    spans: dict[str, Fragments] = field(default_factory=dict)


@dataclass
class Article:
    name: str
    text: str
    attributions: list[GoldAttribution]


@dataclass
class Counts:
    """Exact (span) and overlap (token) counts for one label, summed over articles."""

    exact_correct_pred: int = 0
    exact_pred: int = 0
    exact_correct_gold: int = 0
    exact_gold: int = 0
    overlap_pred_hit: int = 0
    overlap_pred: int = 0
    overlap_gold_hit: int = 0
    overlap_gold: int = 0

    def add(self, text: str, predicted: Iterable[Fragments], gold: Iterable[Fragments]) -> None:
        pred_sets = {words(text, f) for f in predicted} - {frozenset()}
        gold_sets = {words(text, f) for f in gold} - {frozenset()}
        self.exact_pred += len(pred_sets)
        self.exact_gold += len(gold_sets)
        self.exact_correct_pred += len(pred_sets & gold_sets)
        self.exact_correct_gold += len(gold_sets & pred_sets)
        pred_tokens = frozenset().union(*pred_sets)
        gold_tokens = frozenset().union(*gold_sets)
        self.overlap_pred += len(pred_tokens)
        self.overlap_gold += len(gold_tokens)
        self.overlap_pred_hit += len(pred_tokens & gold_tokens)
        self.overlap_gold_hit += len(gold_tokens & pred_tokens)

    def prf(self, metric: str) -> tuple[float, float, float]:
        if metric == "exact":
            p = _ratio(self.exact_correct_pred, self.exact_pred)
            r = _ratio(self.exact_correct_gold, self.exact_gold)
        else:
            p = _ratio(self.overlap_pred_hit, self.overlap_pred)
            r = _ratio(self.overlap_gold_hit, self.overlap_gold)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def words(text: str, fragments: Fragments) -> frozenset[tuple[int, int]]:
    """The word tokens (as character ranges) inside ``fragments``."""
    found: set[tuple[int, int]] = set()
    for start, end in fragments:
        found.update(m.span() for m in WORD.finditer(text, start, end))
    return frozenset(found)


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attributions of one brat file: T lines give labelled spans, E lines tie them into attributions."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pairs = (chunk.split() for chunk in offsets.split(";"))
            spans[parts[0]] = (label, tuple((int(a), int(b)) for a, b in pairs))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    found = []
    for args in events:
        gold = GoldAttribution()
        for arg in args:
            _, _, ref = arg.partition(":")
            label, fragments = spans.get(ref, ("", ()))
            if label in LABELS:
                gold.spans[label] = fragments
        found.append(gold)
    return found


def load(data: Path, split: str, limit: int | None, offset: int = 0) -> list[Article]:
    """Articles of ``split`` with the first annotation file (by name) of each, from the ``offset``-th on."""
    folder = data / split
    if not folder.is_dir():
        sys.exit(f"{folder}: not found; pass --data pointing at the polnear folder (with train/ and dev/)")
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt"))[offset:][:limit]:
        annotations = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if annotations:
            text = text_path.read_text(encoding="utf-8")
            articles.append(Article(text_path.stem, text, read_ann(annotations[0])))
    return articles


def predict(
    articles: list[Article], settings: AnalyzeSettings
) -> Iterator[tuple[Article, list[Quote], Parsed | None]]:
    """Run the extractor on each article (raw text, so gold offsets stay valid), with no entities."""
    documents = [Document(id=a.name, source=a.name, text=a.text, language="en") for a in articles]
    plan = functools.partial(pipeline.sentences_to_parse, settings=settings)  # the parses the pipeline makes
    for article, parsed in zip(articles, parse_batch(documents, settings, plan), strict=True):
        found = quotes.extract(parsed, [], settings=settings) if parsed is not None else []
        yield article, found, parsed


def is_speech(parsed: Parsed, gold: GoldAttribution, table: CueTable) -> bool:
    """A gold attribution whose cue is one of ours: a speech verb, "according to" or a colon."""
    for start, end in gold.spans.get("Cue", ()):
        span = parsed.doc.char_span(start, end, alignment_mode="expand")
        for token in span or ():
            if token.lemma_.lower() in table.verbs or token.lower_ in {":", "according"}:
                return True
    return False


def is_direct(text: str, fragments: Fragments) -> bool:
    """A gold content that opens with a quote mark: a direct quotation."""
    return bool(fragments) and text[fragments[0][0] : fragments[0][1]].lstrip()[:1] in QUOTE_MARKS


def predicted_spans(found: list[Quote], label: str) -> list[Fragments]:
    """Spans of one label; quotes sharing a cue are one attribution, their contents joined (as in PolNeAR)."""
    groups: dict[object, list[tuple[int, int]]] = {}
    for q in found:
        pair = {
            "Content": (q.start, q.end),
            "Source": (q.speaker_start, q.speaker_end),
            "Cue": (q.cue_start, q.cue_end),
        }[label]
        if pair[0] is not None and pair[1] is not None:
            key = (q.cue_start, q.speaker_start) if q.cue_start is not None else (q.start,)
            groups.setdefault(key, []).append((pair[0], pair[1]))
    return [tuple(sorted(set(pairs))) for pairs in groups.values()]


def speaker_hits(text: str, found: list[Quote], gold: list[GoldAttribution]) -> tuple[int, int, int]:
    """(quotes whose content overlaps a gold content, those whose speaker also overlaps its source, those
    with no speaker where that attribution has no source either)."""
    matched = right = both_none = 0
    for q in found:
        content = words(text, ((q.start, q.end),))
        best = max(gold, key=lambda g: len(content & words(text, g.spans.get("Content", ()))), default=None)
        if best is None or not content & words(text, best.spans.get("Content", ())):
            continue
        matched += 1
        source = words(text, best.spans.get("Source", ()))
        if q.speaker_start is not None and q.speaker_end is not None:
            speaker = words(text, ((q.speaker_start, q.speaker_end),))
            right += bool(speaker & source)
        else:
            both_none += not source
    return matched, right, both_none


@dataclass
class Scores:
    """Counts for every label over all gold attributions, over speech ones only, and for direct quotes."""

    all: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    speech: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    direct: Counts = field(default_factory=Counts)
    matched: int = 0
    right: int = 0
    both_none: int = 0  # no speaker of ours, no source in the gold attribution: right, but not counted above

    def add(self, article: Article, found: list[Quote], parsed: Parsed | None) -> None:
        text, table = article.text, cues_for("en")
        assert table is not None
        speech = [g for g in article.attributions if parsed is not None and is_speech(parsed, g, table)]
        for label in LABELS:
            predicted = predicted_spans(found, label)
            self.all[label].add(
                text, predicted, [g.spans[label] for g in article.attributions if label in g.spans]
            )
            said = predicted_spans([q for q in found if q.cue_class in (None, "speech")], label)
            self.speech[label].add(text, said, [g.spans[label] for g in speech if label in g.spans])
        gold_direct = [
            g.spans["Content"] for g in article.attributions if is_direct(text, g.spans.get("Content", ()))
        ]
        self.direct.add(
            text, predicted_spans([q for q in found if q.kind == "direct"], "Content"), gold_direct
        )
        matched, right, both_none = speaker_hits(text, found, article.attributions)
        self.matched, self.right = self.matched + matched, self.right + right
        self.both_none += both_none


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles (by name)")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N articles (by name)")
    parser.add_argument(
        "--set", action="append", default=[], help="a setting, e.g. analyze.quote_min_words=3"
    )
    args = parser.parse_args(argv)
    articles = load(args.data, args.split, args.limit, args.offset)
    scores = Scores()
    started = time.perf_counter()
    for article, found, parsed in predict(articles, load_settings(assignments=args.set).analyze):
        scores.add(article, found, parsed)
    seconds = time.perf_counter() - started
    print(
        f"PolNeAR {args.split}: {len(articles)} articles (first annotation file per article), "
        f"{len(articles) / seconds:.1f} articles/s with spaCy"
    )
    report(scores)


def _row(name: str, counts: Counts, metric: str, reference: float | None = None) -> str:
    p, r, f = counts.prf(metric)
    ref = f"{reference:6.1f}" if reference is not None else ""
    return f"{name:32}{100 * p:7.1f}{100 * r:7.1f}{100 * f:7.1f}   {ref}"


def report(scores: Scores) -> None:
    print(f"{'':32}{'P':>7}{'R':>7}{'F1':>7}   citron/PARC3 F1")
    for label in LABELS:
        for metric in ("exact", "overlap"):
            print(_row(f"{label} {metric}", scores.all[label], metric, REFERENCE.get((label, metric))))
    print(
        "speech only: gold with a speech cue (say, tell, according to, ':' …) vs our quotes of cue_class speech:"
    )
    for label in LABELS:
        for metric in ("exact", "overlap"):
            print(_row(f"{label} {metric} (speech)", scores.speech[label], metric))
    for metric in ("exact", "overlap"):
        print(_row(f"Direct content {metric}", scores.direct, metric))
    share = 100 * _ratio(scores.right, scores.matched)
    print(f"speaker accuracy on quotes matching a gold content: {share:.1f}% of {scores.matched}")
    agreeing = 100 * _ratio(scores.right + scores.both_none, scores.matched)
    print(f"  counting a missing speaker as right where the gold has no source either: {agreeing:.1f}%")


if __name__ == "__main__":
    main()
