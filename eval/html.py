"""Score HTML main-text extraction (ingest/html.py, then recover + clean) on trafilatura's web page gold.

    python eval/html.py [--data ../shared/data/webpages] [--limit N] [--reference] [--variants]

Metric (trafilatura's own evaluation): for every page, each ``with`` snippet (main text) found in the
extracted text is a true positive, each one missing a false negative; each ``without`` snippet (navigation,
menus, footers, share buttons) found is a false positive. A page with no extraction (``Skipped``) misses all
its ``with`` snippets. Title, author and date are exact matches against the gold where it gives them; a page
without extraction counts as wrong.

Systems scored:
- ``ingest``: ``storyline.ingest.html.document_from_html`` (trafilatura with our settings, text normalized);
- ``ingest+clean``: the same documents after ``ingest.metadata.recover`` and ``clean.clean`` (what analysis
  reads; the batch is the whole page set, so cross-document repeats only fire within one site);
- ``--reference``: ``trafilatura.extract`` with its defaults, to check this scorer reproduces the published
  reference (README: precision 0.869, recall 0.926, F1 0.896, trafilatura 2.3.1);
- ``--variants``: ``bare_extraction`` with one of our settings changed at a time, to show what each costs.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as ``python eval/html.py``, this file's folder comes first on sys.path and would shadow the standard
# library's ``html`` module that trafilatura imports: drop it before anything imports ``html``.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any  # noqa: E402

from storyline.clean import clean  # noqa: E402
from storyline.ingest.html import _config, document_from_html  # noqa: E402
from storyline.ingest.metadata import recover  # noqa: E402
from storyline.model import Document, Skipped  # noqa: E402
from storyline.settings import CleanSettings, IngestSettings  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "webpages"
REFERENCE = {"precision": 0.869, "recall": 0.926, "f1": 0.896}  # trafilatura 2.3.1 extract(), README
FIELDS = ("title", "author", "date")


@dataclass
class Score:
    """Snippet counts and metadata matches of one system over the pages."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    seconds: float = 0.0
    skipped: int = 0

    def __post_init__(self) -> None:
        self.right = dict.fromkeys(FIELDS, 0)
        self.total = dict.fromkeys(FIELDS, 0)

    def add_text(self, text: str | None, gold: dict[str, Any]) -> None:
        found = text or ""
        for snippet in gold.get("with", []):
            if text is not None and snippet in found:
                self.tp += 1
            else:
                self.fn += 1
        self.fp += sum(1 for snippet in gold.get("without", []) if text is not None and snippet in found)

    def add_meta(self, predicted: dict[str, str | None], gold: dict[str, Any]) -> None:
        for name in FIELDS:
            if gold.get(name):
                self.total[name] += 1
                self.right[name] += (predicted.get(name) or "").strip() == str(gold[name]).strip()

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        meta = "  ".join(
            f"{k} {self.right[k] / self.total[k]:.3f} ({self.right[k]}/{self.total[k]})"
            if self.total[k]
            else f"{k} -"
            for k in FIELDS
        )
        return (
            f"{name:<24} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp} fn {self.fn} fp {self.fp}, "
            f"skipped {self.skipped}, {self.seconds:.1f} s)  {meta}"
        )


def load(data: Path, limit: int | None) -> list[tuple[str, dict[str, Any], bytes]]:
    """(page id, gold record, HTML bytes) for every page, in id order."""
    gold_path = data / "gold.json"
    if not gold_path.exists():
        sys.exit(f"no gold at {gold_path}: pass --data pointing at the webpages/ folder")
    gold = json.loads(gold_path.read_text("utf-8"))
    pages = []
    for key in sorted(gold)[:limit]:
        pages.append((key, gold[key], gzip.decompress((data / gold[key]["page"]).read_bytes())))
    return pages


def score_ingest(pages: list[tuple[str, dict[str, Any], bytes]]) -> tuple[Score, Score]:
    """Scores of ``document_from_html`` alone and followed by recover + clean."""
    ingest, cleaned = Score(), Score()
    start = time.perf_counter()
    docs: list[Document | Skipped] = [
        document_from_html(key, html, IngestSettings(), url=gold.get("url")) for key, gold, html in pages
    ]
    ingest.seconds = time.perf_counter() - start
    start = time.perf_counter()
    kept = clean([recover(d) for d in docs if isinstance(d, Document)], CleanSettings())
    cleaned.seconds = time.perf_counter() - start
    by_id = {d.source: d for d in kept}
    for (key, gold, _), doc in zip(pages, docs, strict=True):
        for score, result in ((ingest, doc), (cleaned, by_id.get(key, doc))):
            if isinstance(result, Skipped):
                score.skipped += 1
                score.add_text(None, gold)
                score.add_meta({}, gold)
            else:
                score.add_text(result.text, gold)
                score.add_meta(_meta(result), gold)
    return ingest, cleaned


def _meta(doc: Document) -> dict[str, str | None]:
    published = doc.published.isoformat() if doc.published else None
    return {"title": doc.title, "author": doc.byline, "date": published}


def score_trafilatura(
    pages: list[tuple[str, dict[str, Any], bytes]], extract: Callable[[bytes, str | None], Any]
) -> Score:
    """Score one trafilatura call (``extract(html, url) -> (text, metadata dict or None) | None``)."""
    score = Score()
    start = time.perf_counter()
    for _, gold, html in pages:
        result = extract(html, gold.get("url"))
        if result is None:
            score.skipped += 1
            score.add_text(None, gold)
            score.add_meta({}, gold)
        else:
            score.add_text(result[0], gold)
            if result[1] is not None:  # extract() returns text only: no metadata to score
                score.add_meta(result[1], gold)
    score.seconds = time.perf_counter() - start
    return score


def _defaults(html: bytes, url: str | None) -> tuple[str, None] | None:
    import trafilatura

    text = trafilatura.extract(html)
    return (text, None) if text is not None else None


def _bare(**options: Any) -> Callable[[bytes, str | None], tuple[str, dict[str, str | None]] | None]:
    base = {"include_comments": False, "include_tables": False, "config": _config()}  # as ingest/html.py

    def run(html: bytes, url: str | None) -> tuple[str, dict[str, str | None]] | None:
        import trafilatura

        try:
            doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **{**base, **options})
        except (ValueError, TypeError, RecursionError, MemoryError, AssertionError):
            return None
        if doc is None:
            return None
        meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        date = meta.get("date")
        return str(meta.get("text") or ""), {
            "title": meta.get("title"),
            "author": meta.get("author"),
            "date": str(date)[:10] if date else None,
        }

    return run


VARIANTS = {
    "bare, our settings": {},
    "bare, include_tables": {"include_tables": True},
    "bare, include_comments": {"include_comments": True},
    "bare, tables+comments": {"include_tables": True, "include_comments": True},
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--reference", action="store_true", help="also run trafilatura.extract() defaults")
    parser.add_argument("--variants", action="store_true", help="also run bare_extraction setting variants")
    args = parser.parse_args(argv)
    pages = load(args.data, args.limit)
    print(f"{len(pages)} pages from {args.data}")
    ref = REFERENCE
    print(f"{'reference (README)':<24} P {ref['precision']:.3f}  R {ref['recall']:.3f}  F1 {ref['f1']:.3f}")
    if args.reference:
        print(score_trafilatura(pages, _defaults).line("trafilatura defaults"))
    if args.variants:
        for name, options in VARIANTS.items():
            print(score_trafilatura(pages, _bare(**options)).line(name))
    ingest, cleaned = score_ingest(pages)
    print(ingest.line("ingest"))
    print(cleaned.line("ingest+clean"))


if __name__ == "__main__":
    main()
