"""Score storyline's event extraction: PLOVER event-type accuracy and P/R on hand-annotated sentences.

    python eval/events.py [--data ../shared/data/plover] [--gold eval/data/events_gold.jsonl] [--no-context]

1. PLOVER (``PLOVER_GSR_CAMEO.txt``, 322 sentences, one PLOVER 0.5b1 category each). Each category maps
   to the set of our types that fall under it (``PLOVER_TO_OURS``; PLOVER's CONSULT covers our MEET,
   CONSULT and VISIT, its RETREAT our WITHDRAW and CEASEFIRE…); categories we do not model map to OTHER.
   We run the extractor on the record's text and take the event whose trigger word appears in
   ``eventText``, else the first event; no event at all counts as OTHER. The data set has no split and the
   lexicon was tuned while looking at the even-numbered records, so the number to quote is the **held-out
   odd-numbered records**; all records are printed too, labelled.
2. Hand-annotated sentences (``eval/data/events_gold.jsonl``, written for this project, one document date per
   sentence). Event detection: a predicted event matches a gold event of the same type in the same
   sentence (one-to-one); precision/recall/F1. On matched pairs: participant precision/recall (a name
   matches when the words of one are contained in the other, case-insensitive; roles need not agree, role
   accuracy is printed apart), date accuracy (exact TIMEX3 value, ``null`` included), status and place.
   Entities and timexes come from ``analyze.entities`` and ``analyze.timex`` unless ``--no-context``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline import pipeline
from storyline.analyze import events
from storyline.analyze.nlp import Parsed, parse_batch
from storyline.ingest.document import make_document
from storyline.model import Entity, Event, Timex
from storyline.settings import AnalyzeSettings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "plover"
DEFAULT_GOLD = ROOT / "eval" / "data" / "events_gold.jsonl"
PLOVER_FILE = "PLOVER_GSR_CAMEO.txt"

# PLOVER 0.5b1 category -> our types that count as correct (docs/EVENTS.md, "PLOVER mapping")
PLOVER_TO_OURS: dict[str, frozenset[str]] = {
    "AGREE": frozenset({"AGREE", "SIGN"}),
    "CONSULT": frozenset({"CONSULT", "MEET", "VISIT"}),
    "SUPPORT": frozenset({"OTHER"}),
    "CONCEDE": frozenset({"OTHER"}),
    "COOPERATE": frozenset({"COOPERATE"}),
    "AID": frozenset({"AID"}),
    "RETREAT": frozenset({"WITHDRAW", "CEASEFIRE"}),
    "INVESTIGATE": frozenset({"OTHER"}),
    "DEMAND": frozenset({"DEMAND"}),
    "DISAPPROVE": frozenset({"ACCUSE"}),
    "REJECT": frozenset({"REJECT"}),
    "THREATEN": frozenset({"THREATEN"}),
    "PROTEST": frozenset({"PROTEST"}),
    "MOBILIZE": frozenset({"DEPLOY"}),
    "SANCTION": frozenset({"SANCTION"}),
    "COERCE": frozenset({"ARREST", "ATTACK"}),
    "ASSAULT": frozenset({"ATTACK"}),
    "FIGHT": frozenset({"ATTACK"}),
}
NO_EVENT = "OTHER"  # what an empty extraction counts as
WORD = re.compile(r"[\w'-]+")


# ------------------------------------------------------------------------------------------------ running


def run(
    texts: Sequence[str], dates: Sequence[dt.date | None], *, context: bool
) -> Iterable[tuple[Parsed, list[Event]]]:
    """Parse ``texts`` as English documents and extract their events (with entities and timexes if asked)."""
    documents = [
        make_document(f"eval-{i}.txt", text, published=date, language="en")
        for i, (text, date) in enumerate(zip(texts, dates, strict=True))
    ]
    find_entities, find_timexes = _context_extractors() if context else (None, None)
    settings = AnalyzeSettings()
    plan = functools.partial(pipeline.sentences_to_parse, settings=settings)  # the parses the pipeline makes
    for parsed in parse_batch(documents, settings, plan):
        assert parsed is not None
        found_entities: list[Entity] = find_entities(parsed) if find_entities else []
        found_timexes: list[Timex] = find_timexes(parsed) if find_timexes else []
        yield parsed, events.extract(parsed, found_entities, found_timexes)


def _context_extractors() -> tuple[
    Callable[[Parsed], list[Entity]] | None, Callable[[Parsed], list[Timex]] | None
]:
    """The entity and timex stages, or ``None`` for one that is not importable in this checkout."""
    try:
        from storyline.analyze import entities as entity_stage
    except ImportError:
        print("  (analyze.entities not available: participants named by their text)")
        entity_stage = None
    try:
        from storyline.analyze import timex as timex_stage
    except ImportError:
        print("  (analyze.timex not available: no dates)")
        timex_stage = None
    return (
        entity_stage.extract if entity_stage else None,
        timex_stage.extract if timex_stage else None,
    )


# ------------------------------------------------------------------------------------------------ PLOVER


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def __str__(self) -> str:
        share = self.right / self.total if self.total else 0.0
        return f"{share:6.1%} ({self.right}/{self.total})"


def plover(path: Path) -> None:
    records = [
        r
        for r in json.loads((path / PLOVER_FILE).read_text(encoding="utf-8"))
        if r["event"] in PLOVER_TO_OURS
    ]
    texts = [r["text"].strip().strip("{}").strip() for r in records]
    began = time.perf_counter()
    predicted = [
        _plover_choice(r, found)
        for r, (_, found) in zip(records, run(texts, [None] * len(texts), context=False), strict=True)
    ]
    seconds = time.perf_counter() - began
    overall = {"held-out (odd ids)": Tally(), "tuned-on (even ids)": Tally(), "all": Tally()}
    per_category: dict[str, Tally] = {}
    confusions: Counter[tuple[str, str]] = Counter()
    for record, guess in zip(records, predicted, strict=True):
        ok = guess in PLOVER_TO_OURS[record["event"]]
        half = "held-out (odd ids)" if _held_out(record) else "tuned-on (even ids)"
        overall[half].add(ok)
        overall["all"].add(ok)
        if _held_out(record):
            per_category.setdefault(record["event"], Tally()).add(ok)
            if not ok:
                confusions[(record["event"], guess)] += 1
    print(f"PLOVER event-type accuracy ({len(records)} records, {seconds:.1f} s)")
    for name, tally in overall.items():
        print(f"  {name:22} {tally}")
    print("  per PLOVER category, held-out half (accepted types in brackets):")
    for name, tally in sorted(per_category.items(), key=lambda kv: -kv[1].total):
        print(f"    {name:12} {tally}  [{', '.join(sorted(PLOVER_TO_OURS[name]))}]")
    print("  most frequent confusions, held-out half (PLOVER -> ours):")
    for (gold, guess), count in confusions.most_common(12):
        print(f"    {gold:12} -> {guess:10} {count}")


def _held_out(record: dict[str, Any]) -> bool:
    return int(record["id"].rsplit("-", 1)[-1]) % 2 == 1


def _plover_choice(record: dict[str, Any], found: list[Event]) -> str:
    """The type of the event whose trigger is one of the ``eventText`` words, else of the first event."""
    words = {w.lower() for w in WORD.findall(record.get("eventText", ""))}
    for event in found:
        if words & {w.lower() for w in WORD.findall(event.trigger)}:
            return event.type
    return found[0].type if found else NO_EVENT


# ------------------------------------------------------------------------------------------------ gold


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    participants: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)  # per attribute: how many matched pairs agree

    def prf(self, tp: int, fp: int, fn: int) -> str:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}  (tp {tp}, fp {fp}, fn {fn})"


def gold(path: Path, *, context: bool, verbose: bool) -> None:
    """Score every set in the file: "dev" (errors read while developing) and "blind" (written after)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    dates = [dt.date.fromisoformat(r["doc_date"]) for r in rows]
    scores = {"all": Scores()}
    for row, (_, found) in zip(rows, run([r["text"] for r in rows], dates, context=context), strict=True):
        for name in ("all", row.get("set", "dev")):
            _score_sentence(scores.setdefault(name, Scores()), row, found, verbose=verbose and name == "all")
    for name, subset in scores.items():
        count = len(rows) if name == "all" else sum(r.get("set", "dev") == name for r in rows)
        _print_gold(f"{path.name}, {name}: {count} sentences", subset)


def _print_gold(title: str, scores: Scores) -> None:
    pairs = scores.tp
    part = scores.participants
    print(f"Hand-annotated sentences ({title}, {pairs + scores.fn} gold events)")
    print(f"  event detection (type match)  {scores.prf(scores.tp, scores.fp, scores.fn)}")
    print(f"  participants (matched events) {scores.prf(part['tp'], part['fp'], part['fn'])}")
    for name in ("role", "date", "status", "place"):
        denominator = part["tp"] if name == "role" else pairs
        right = scores.matched[name]
        print(f"  {name:6} accuracy {right / denominator if denominator else 0:6.1%} ({right}/{denominator})")


def _score_sentence(scores: Scores, row: dict[str, Any], found: list[Event], *, verbose: bool) -> None:
    remaining = list(found)
    for wanted in row["events"]:
        match = next((e for e in remaining if e.type == wanted["type"]), None)
        if match is None:
            scores.fn += 1
            if verbose:
                print(f"  MISS {row['id']} {wanted['type']}: {row['text']}")
            continue
        remaining.remove(match)
        scores.tp += 1
        _score_pair(scores, wanted, match)
        if verbose:
            got = [(p.role, p.name) for p in match.participants]
            print(
                f"  HIT  {row['id']} {match.type} {got} date={match.date} {match.status} place={match.place}"
            )
    scores.fp += len(remaining)
    if verbose:
        for extra in remaining:
            print(f"  FALSE {row['id']} {extra.type} ({extra.trigger}): {row['text']}")


def _score_pair(scores: Scores, wanted: dict[str, Any], match: Event) -> None:
    predicted = list(match.participants)
    for person in wanted["participants"]:
        hit = next((p for p in predicted if _same_name(person["name"], p.name)), None)
        if hit is None:
            scores.participants["fn"] += 1
            continue
        predicted.remove(hit)
        scores.participants["tp"] += 1
        scores.matched["role"] += hit.role == person["role"]
    scores.participants["fp"] += len(predicted)
    scores.matched["date"] += match.date == wanted.get("date")
    scores.matched["status"] += match.status == wanted.get("status", "past")
    scores.matched["place"] += (match.place or None) == wanted.get("place")


def _same_name(a: str, b: str) -> bool:
    left, right = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    return bool(left) and bool(right) and (left <= right or right <= left)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with PLOVER_GSR_CAMEO.txt")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="hand-annotated sentences (JSONL)")
    parser.add_argument("--no-context", action="store_true", help="run without the entity and timex stages")
    parser.add_argument("--verbose", action="store_true", help="print every hit, miss and false alarm")
    args = parser.parse_args(argv)
    if (args.data / PLOVER_FILE).is_file():
        plover(args.data)
    else:
        print(f"{args.data / PLOVER_FILE} not found: skipping PLOVER (pass --data)", file=sys.stderr)
    gold(args.gold, context=not args.no_context, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
