"""HTML → main text and metadata, with trafilatura (htmldate inside it finds the publication date).

Used for every HTML source: files, fetched pages and WARC records alike.
"""

from __future__ import annotations

import functools
from configparser import ConfigParser

from storyline.ingest.document import make_document, parse_date
from storyline.model import Document, Skipped
from storyline.settings import IngestSettings

MAX_TREE_SIZE = 500_000  # HTML elements; larger trees are pruned by trafilatura instead of processed whole


@functools.lru_cache(maxsize=1)
def _config() -> ConfigParser:
    """trafilatura's defaults with a bound on tree size (a hostile page can nest 10,000 levels deep)."""
    from trafilatura.settings import DEFAULT_CONFIG

    config = ConfigParser()
    config.read_dict({"DEFAULT": dict(DEFAULT_CONFIG["DEFAULT"])})
    config["DEFAULT"]["max_tree_size"] = str(MAX_TREE_SIZE)
    return config


def document_from_html(
    source: str, html: str | bytes, settings: IngestSettings, *, url: str | None = None
) -> Document | Skipped:
    """The page's main text as a ``Document``, or a ``Skipped`` saying why there is no article in it."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            config=_config(),
        )
    except (ValueError, TypeError, RecursionError, MemoryError, AssertionError) as exc:
        return Skipped(source, "ingest", f"HTML could not be parsed ({type(exc).__name__})")
    if extracted is None:
        return Skipped(source, "ingest", "no article text found in the HTML page")
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = str(meta.get("text") or "")
    if len(text.strip()) < settings.min_text_chars:
        return Skipped(source, "ingest", f"no article found: main text has {len(text.strip())} characters")
    hints = {"html_title": str(meta["title"])} if meta.get("title") else {}
    return make_document(
        source,
        text,
        url=str(meta.get("url") or url or "") or None,
        title=_clean(meta.get("title")),
        outlet=_clean(meta.get("sitename")) or _clean(meta.get("hostname")),
        byline=_clean(meta.get("author")),
        published=parse_date(meta.get("date")),
        hints=hints,
    )


def _clean(value: object) -> str | None:
    return str(value).strip() or None if value not in (None, "None") else None
