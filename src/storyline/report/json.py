"""The JSON output contract (docs/output-schema.json): stable top-level keys, each a list unless noted.

Keys for the next wave (quote groups, timeline, claims, framing, summary) are present and empty, so consumers can
rely on the shape now; new keys are added, existing ones never renamed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyline.model import Analysis, Document, as_plain

SCHEMA_VERSION = "1.0"
DOCUMENT_FIELDS = (
    "id",
    "source",
    "url",
    "outlet",
    "title",
    "byline",
    "published",
    "dateline_place",
    "language",
    "text",
    "content_hash",
    "hints",
    "removed",
)


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The whole analysis as plain JSON-ready data."""
    docs = analysis.documents
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [_document(d) for d in docs],
        "skipped": as_plain(analysis.skipped),
        "entities": [as_plain(e) for d in docs for e in d.entities],
        "timexes": [as_plain(t) for d in docs for t in d.timexes],
        "quotes": [as_plain(q) for d in docs for q in d.quotes],
        "quote_groups": [],
        "events": [as_plain(e) for d in docs for e in d.events],
        "timeline": [],
        "reuse": as_plain(analysis.reuse),
        "stories": as_plain(analysis.stories),
        "claims": [],
        "framing": {},
        "summary": [],
    }


def _document(document: Document) -> dict[str, Any]:
    return {name: as_plain(getattr(document, name)) for name in DOCUMENT_FIELDS}


def write_json(analysis: Analysis, path: str | Path) -> None:
    """Write the contract as UTF-8 JSON; control characters in article text are escaped, never raw."""
    text = json.dumps(analysis_to_dict(analysis), ensure_ascii=False, indent=1)
    Path(path).write_text(text, encoding="utf-8")
