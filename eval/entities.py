"""Score storyline's entity extraction on ECB+ entity mentions: mention detection and within-document B-cubed.

    python eval/entities.py [--data ../shared/data/ecbplus] [--split dev|train] [--limit N]

What is compared (ECB+, Cybulska setup; only the sentences selected for annotation count):

* Text: each document is rebuilt from its gold tokens (tokens joined by spaces, sentences by newlines), with a
  token -> character map, and run through ``nlp.parse_batch`` + ``entities.extract``.
* Mentions: gold HUM (people, organizations, groups) and LOC mentions vs our PERSON/ORG/GPE/LOC/FAC mentions
  of kind name, nominal or pronoun (a title written before a name is merged into the name's span, as ECB+
  marks "President Barack Obama" as one mention). A pair matches by **head**: our span contains the gold
  head token and the gold span contains ours (heads are the last token before "of", ",", "(", "who"…);
  one-to-one, in text order. Exact-span matches are printed too. Many ECB+ entity mentions are common nouns
  ("the host", "pirates") and only event participants are annotated, so recall over *all* gold mentions is
  bounded well below 1 and precision is understated; recall over named gold mentions (head capitalized) and
  pronouns is printed separately.
* Coreference: B-cubed over the gold mentions we detected (head match), our entity ids vs the gold
  ``coref_chain`` projected onto the document, micro-averaged over mentions; beside it two baselines on the
  same mentions: every mention alone, and mentions grouped by identical head word.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from storyline.analyze import entities, nlp
from storyline.ingest.document import make_document
from storyline.model import Entity
from storyline.settings import AnalyzeSettings

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus"
GOLD_TYPES = frozenset({"HUM", "LOC"})
OUR_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
OUR_KINDS = frozenset({"name", "nominal", "pronoun"})
HEAD_STOPS = frozenset({"of", ",", "(", "who", "that", "which", "in", "from", "at", "on", "for", "with"})
PRONOUNS = frozenset(
    {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "we", "i"}
)
TRAILING = frozenset({"'s", "'", "’s", ".", ",", '"'})


@dataclass(frozen=True)
class Mark:
    """A mention as token indices within one sentence of one document."""

    doc: str
    sent: int
    start: int  # first token
    end: int  # one past the last token
    head: int
    cluster: str
    label: str = ""


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    head: int = 0
    exact: int = 0

    def line(self, name: str) -> str:
        p = self.head / self.predicted if self.predicted else 0.0
        r = self.head / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ep = self.exact / self.predicted if self.predicted else 0.0
        er = self.exact / self.gold if self.gold else 0.0
        ef = 2 * ep * er / (ep + er) if ep + er else 0.0
        return (
            f"{name:<22} gold {self.gold:5d} ours {self.predicted:5d}  head P {p:.3f} R {r:.3f} F1 {f:.3f}"
            f"   exact P {ep:.3f} R {er:.3f} F1 {ef:.3f}"
        )


def head_of(tokens: list[str], start: int, end: int) -> int:
    """The head token of ``tokens[start:end]``: last word before a post-modifier, possessive dropped."""
    stop = end
    for i in range(start + 1, end):
        if tokens[i].lower() in HEAD_STOPS:
            stop = i
            break
    while stop - 1 > start and tokens[stop - 1].lower() in TRAILING:
        stop -= 1
    return stop - 1


def load_documents(data: Path, split: str) -> dict[str, dict]:
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((data / "docs" / split).glob("*.json"))
    }


def load_gold(data: Path, split: str, docs: dict[str, dict]) -> tuple[list[Mark], set[tuple[str, int]]]:
    """Gold HUM/LOC mentions and the (doc, sentence) pairs selected for annotation."""
    name = "Dev" if split == "dev" else "Train"
    selected: set[tuple[str, int]] = set()
    for line in (data / "gold" / f"ECB_{name}_corpus.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].isdigit():
            selected.add((parts[0], int(parts[1])))
    marks = []
    for m in json.loads(
        (data / "gold" / f"ECB_{name}_Entity_gold_mentions.json").read_text(encoding="utf-8")
    ):
        if m["mention_type"] not in GOLD_TYPES or m["doc_id"] not in docs:
            continue
        tokens = sentence_tokens(docs[m["doc_id"]], m["sent_id"])
        start, end = min(m["tokens_number"]), max(m["tokens_number"]) + 1
        marks.append(
            Mark(
                m["doc_id"],
                m["sent_id"],
                start,
                end,
                head_of(tokens, start, end),
                m["coref_chain"],
                m["mention_type"],
            )
        )
    return marks, selected


def sentence_tokens(document: dict, sent_id: int) -> list[str]:
    for sentence in document["sentences"]:
        if sentence["sent_id"] == sent_id:
            return sentence["tokens"]
    return []


@dataclass(frozen=True)
class Rebuilt:
    text: str
    chars: list[tuple[int, int, int, int]]  # (start_char, end_char, sent_id, token index)


def rebuild(document: dict) -> Rebuilt:
    """Text from the gold tokens, keeping where each token landed."""
    pieces: list[str] = []
    chars: list[tuple[int, int, int, int]] = []
    offset = 0
    for sentence in document["sentences"]:
        if sentence["sent_id"] is None:
            continue
        for index, token in enumerate(sentence["tokens"]):
            if pieces and pieces[-1] != "\n":
                pieces.append(" ")
                offset += 1
            chars.append((offset, offset + len(token), sentence["sent_id"], index))
            pieces.append(token)
            offset += len(token)
        pieces.append("\n")
        offset += 1
    return Rebuilt("".join(pieces), chars)


def predicted_marks(doc_id: str, rebuilt: Rebuilt, found: list[Entity], tokens_of) -> list[Mark]:
    """Our mentions as token marks (titles merged into the following name)."""
    marks = []
    for entity in found:
        if entity.type not in OUR_TYPES:
            continue
        spans = _merged_spans(entity)
        for start_char, end_char in spans:
            covered = [c for c in rebuilt.chars if c[0] < end_char and start_char < c[1]]
            if not covered or len({c[2] for c in covered}) > 1:
                continue
            sent = covered[0][2]
            start, end = covered[0][3], covered[-1][3] + 1
            marks.append(Mark(doc_id, sent, start, end, head_of(tokens_of(sent), start, end), entity.id))
    return marks


def _merged_spans(entity: Entity) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pending: int | None = None
    for mention in sorted(entity.mentions, key=lambda m: m.start):
        if mention.kind == "title":
            pending = mention.start if pending is None else pending
            continue
        if mention.kind in OUR_KINDS:
            start = (
                pending
                if pending is not None and mention.start - _last_end(entity, mention) <= 1
                else mention.start
            )
            spans.append((start, mention.end))
        pending = None
    return spans


def _last_end(entity: Entity, mention) -> int:
    ends = [m.end for m in entity.mentions if m.kind == "title" and m.end <= mention.start]
    return max(ends) if ends else -10


def match(gold: list[Mark], ours: list[Mark]) -> tuple[dict[Mark, Mark], int]:
    """One-to-one head matches (gold -> ours) and the number of exact-span matches."""
    pairs: dict[Mark, Mark] = {}
    used: set[Mark] = set()
    exact = 0
    by_sentence: dict[tuple[str, int], list[Mark]] = defaultdict(list)
    for mark in ours:
        by_sentence[(mark.doc, mark.sent)].append(mark)
    for g in gold:
        for o in by_sentence[(g.doc, g.sent)]:
            if o in used:
                continue
            if o.start <= g.head < o.end and g.start <= o.head < g.end:
                pairs[g] = o
                used.add(o)
                exact += (o.start, o.end) == (g.start, g.end)
                break
    return pairs, exact


def bcubed(items: list[tuple[str, str, str]]) -> tuple[float, float, float]:
    """B-cubed P/R/F1 of (doc, gold cluster, our cluster) triples, clusters taken within each document."""
    gold: dict[tuple[str, str], set[int]] = defaultdict(set)
    ours: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, (doc, g, o) in enumerate(items):
        gold[(doc, g)].add(i)
        ours[(doc, o)].add(i)
    p = r = 0.0
    for doc, g, o in items:
        overlap = len(gold[(doc, g)] & ours[(doc, o)])
        p += overlap / len(ours[(doc, o)])
        r += overlap / len(gold[(doc, g)])
    n = len(items) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents (quick checks)")
    parser.add_argument("--show", type=int, default=0, help="print N missed gold mentions and N false alarms")
    args = parser.parse_args(argv)
    if not (args.data / "docs" / args.split).is_dir():
        print(f"no ECB+ data at {args.data} (expected docs/{args.split}/); pass --data", file=sys.stderr)
        return 2
    docs = load_documents(args.data, args.split)
    if args.limit:
        docs = dict(list(docs.items())[: args.limit])
    gold, selected = load_gold(args.data, args.split, docs)
    started = time.perf_counter()
    ours = run(docs, selected)
    elapsed = time.perf_counter() - started
    report(docs, gold, ours, args.show)
    print(f"{len(docs)} documents in {elapsed:.1f} s")
    return 0


def run(docs: dict[str, dict], selected: set[tuple[str, int]]) -> list[Mark]:
    settings = AnalyzeSettings()
    rebuilt = {doc_id: rebuild(d) for doc_id, d in docs.items()}
    documents = [make_document(doc_id, r.text, language="en") for doc_id, r in rebuilt.items()]
    ours: list[Mark] = []
    for (doc_id, r), parsed in zip(rebuilt.items(), nlp.parse_batch(documents, settings), strict=True):
        if parsed is None:
            continue
        found = entities.extract(parsed, settings=settings)
        marks = predicted_marks(doc_id, r, found, lambda s, d=docs[doc_id]: sentence_tokens(d, s))
        ours.extend(m for m in marks if (doc_id, m.sent) in selected)
    return ours


def report(docs: dict[str, dict], gold: list[Mark], ours: list[Mark], show: int) -> None:
    pairs, exact = match(gold, ours)
    total = Counts(len(gold), len(ours), len(pairs), exact)
    print("Mention detection (ECB+ HUM+LOC vs our PERSON/ORG/GPE/LOC/FAC; head match, one-to-one)")
    print(total.line("all"))
    for label in sorted(GOLD_TYPES):
        subset = [g for g in gold if g.label == label]
        found = sum(1 for g in subset if g in pairs)
        print(f"  recall {label:<6} {found / max(1, len(subset)):.3f}  ({found}/{len(subset)})")
    named = [g for g in gold if _word(docs, g, g.head)[:1].isupper()]
    pronouns = [g for g in gold if g.end - g.start == 1 and _word(docs, g, g.start).lower() in PRONOUNS]
    for name, subset in (("named (head capitalized)", named), ("pronouns", pronouns)):
        found = sum(1 for g in subset if g in pairs)
        print(f"  recall {name:<26} {found / max(1, len(subset)):.3f}  ({found}/{len(subset)})")
    triples = [(g.doc, g.cluster, pairs[g].cluster) for g in gold if g in pairs]
    singletons = [(g.doc, g.cluster, f"{g.doc}:{i}") for i, g in enumerate(gold) if g in pairs]
    heads = [(g.doc, g.cluster, _word(docs, g, g.head).lower()) for g in gold if g in pairs]
    print(f"\nWithin-document coreference, B-cubed over the {len(triples)} detected gold mentions")
    for name, items in (
        ("storyline", triples),
        ("baseline: singletons", singletons),
        ("baseline: same head", heads),
    ):
        p, r, f = bcubed(items)
        print(f"  {name:<22} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    _show(docs, gold, ours, pairs, show)


def _word(docs: dict[str, dict], mark: Mark, index: int) -> str:
    tokens = sentence_tokens(docs[mark.doc], mark.sent)
    return tokens[index] if 0 <= index < len(tokens) else ""


def _text(docs: dict[str, dict], mark: Mark) -> str:
    return " ".join(sentence_tokens(docs[mark.doc], mark.sent)[mark.start : mark.end])


def _show(docs, gold, ours, pairs, show: int) -> None:
    if not show:
        return
    matched = set(pairs.values())
    print("\nmissed:", [f"{g.label}:{_text(docs, g)}" for g in gold if g not in pairs][:show])
    print("false alarms:", [_text(docs, o) for o in ours if o not in matched][:show])


if __name__ == "__main__":
    sys.exit(main())
