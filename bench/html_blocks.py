"""Time ``document_from_html`` on pages of N one-letter block elements before a short article.

jusText, the fallback extractor trafilatura runs when its own extraction is short, classifies a run of short
paragraphs in time that grows with the square of its length; past ``MAX_FALLBACK_BLOCKS`` the page is
extracted in trafilatura's ``fast`` mode instead. The time per page should grow linearly with N.

    python bench/html_blocks.py [--sizes 2000,5000,10000,20000] [--tags h1,p,div,li,br]
"""

from __future__ import annotations

import argparse
import time

from storyline.ingest.html import document_from_html
from storyline.settings import IngestSettings

ARTICLE = "".join(
    f"<p>The ferry to Ostrand ran late on its {day} crossing, and the harbour office blamed the fog.</p>"
    for day in ("first", "second", "third", "fourth", "fifth", "sixth")
)


def page(tag: str, n: int) -> str:
    """``n`` blocks of ``tag`` (``br``: ``n`` pairs of line breaks; ``li`` inside one list), then the article."""
    if tag == "br":
        blocks = "<div>" + "x<br><br>" * n + "</div>"
    elif tag == "li":
        blocks = "<ul>" + "<li>x</li>" * n + "</ul>"
    else:
        blocks = f"<{tag}>x</{tag}>" * n
    return f"<html><head><title>Ferry</title></head><body>{blocks}<article>{ARTICLE}</article></body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,5000,10000,20000")
    parser.add_argument("--tags", default="h1,p,div,li,br")
    args = parser.parse_args()
    settings = IngestSettings()
    sizes = [int(size) for size in args.sizes.split(",")]
    document_from_html("warm.html", page("p", 10), settings)  # imports and stop lists out of the timing
    print("tag   " + "".join(f"{size:>10,}" for size in sizes))
    for tag in args.tags.split(","):
        times = []
        for size in sizes:
            start = time.perf_counter()
            result = document_from_html(f"{tag}.html", page(tag, size), settings)
            times.append(time.perf_counter() - start)
            assert "harbour office" in getattr(result, "text", ""), f"{tag} × {size}: {result}"
        print(f"{tag:<6}" + "".join(f"{seconds:>9.2f}s" for seconds in times), flush=True)


if __name__ == "__main__":
    main()
