"""List the named ECB+ mentions storyline misses, grouped by cause (a probe for rule work; train only).

    python eval/entities_missed.py [--data ../shared/data/ecbplus] [--split train] [--limit N]

A gold HUM/LOC mention whose head is capitalized ("Lindsay Lohan", "the FBI", "Colts") and that no mention
of ours matches by head (as ``eval/entities.py`` matches) is put in one group: our span overlaps its head
but is cut differently (a headline's "Lindsay Lohan Checks"), our span went to another gold mention, a name
was found but in a type the scorer does not count (NORP), spaCy's NER typed the head as something we drop
(WORK_OF_ART, PRODUCT, CARDINAL…), or the NER found nothing there (split by headline and all capitals). Many
of the last are capitalized common nouns ECB+ counts ("Police", "Teen"): read the list before counting.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import entities as scorer
from storyline.analyze import entities, mentions, nlp
from storyline.analyze.roles import table
from storyline.ingest.document import make_document
from storyline.settings import AnalyzeSettings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=scorer.DEFAULT_DATA)
    parser.add_argument("--split", choices=("train",), default="train")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    docs = scorer.load_documents(args.data, args.split)
    if args.limit:
        docs = dict(list(docs.items())[: args.limit])
    gold, selected = scorer.load_gold(args.data, args.split, docs)
    ours, parses = _run(docs, selected)
    pairs, _ = scorer.match(gold, ours)
    groups: dict[str, list[str]] = defaultdict(list)
    for mark in gold:
        if mark in pairs or not scorer._word(docs, mark, mark.head)[:1].isupper():
            continue
        cause, detail = _cause(mark, ours, set(pairs.values()), parses[mark.doc], docs)
        groups[cause].append(
            f"{mark.doc} s{mark.sent} [{mark.label}] {scorer._text(docs, mark)!r} :: {detail}"
        )
    for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n== {cause}: {len(items)}")
        print("\n".join(f"   {item}" for item in items))
    return 0


def _run(docs: dict[str, dict], selected) -> tuple[list[scorer.Mark], dict]:
    """Our marks, and per document the spaCy doc, the rebuilt text and the named mentions."""
    settings = AnalyzeSettings()
    rebuilt = {doc_id: scorer.rebuild(d) for doc_id, d in docs.items()}
    documents = [make_document(doc_id, r.text, language="en") for doc_id, r in rebuilt.items()]
    ours: list[scorer.Mark] = []
    parses = {}
    for (doc_id, r), parsed in zip(rebuilt.items(), nlp.parse_batch(documents, settings), strict=True):
        found = entities.extract(parsed, settings=settings)
        marks = scorer.predicted_marks(
            doc_id, r, found, lambda s, d=docs[doc_id]: scorer.sentence_tokens(d, s)
        )
        ours.extend(m for m in marks if (doc_id, m.sent) in selected)
        parses[doc_id] = (parsed.doc, r, mentions.find(parsed.doc, "en", table("en")))
    return ours, parses


def _cause(mark, ours, taken, parse, docs) -> tuple[str, str]:
    doc, rebuilt, named = parse
    head = _token(doc, rebuilt, mark)
    token = doc[head]
    overlapping = [
        o for o in ours if (o.doc, o.sent) == (mark.doc, mark.sent) and o.start <= mark.head < o.end
    ]
    if overlapping:
        span = " ".join(
            scorer.sentence_tokens(docs[mark.doc], mark.sent)[overlapping[0].start : overlapping[0].end]
        )
        if overlapping[0] in taken:
            return "our span taken by another gold mention", span
        return "boundary: our head outside the gold span", span
    names = [n for n in named if n.start <= head < n.end]
    if names:
        return f"named, kept as {names[0].label}", names[0].text
    if token.ent_type_:
        return f"NER typed {token.ent_type_}", token.text
    where = " in a headline (sentence 0)" if token.sent.start == 0 else ""
    return "NER missed" + where + (" ALL CAPS" if token.is_upper else ""), token.pos_


def _token(doc, rebuilt, mark) -> int:
    """The spaCy token index of the gold head."""
    for start, end, sent, index in rebuilt.chars:
        if (sent, index) == (mark.sent, mark.head):
            return doc.char_span(start, end, alignment_mode="expand")[0].i
    return 0


if __name__ == "__main__":
    sys.exit(main())
