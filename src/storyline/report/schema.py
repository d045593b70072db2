"""The JSON Schema of the output contract, derived from the model so the two cannot drift apart.

``python -m storyline.report.schema > docs/output-schema.json`` regenerates the committed copy; a test fails
when the committed copy is stale. Properties may be added over time; none is renamed or removed.
"""

from __future__ import annotations

import json
from typing import Any

from storyline.model import Entity, Event, Quote, Reuse, Skipped, Story, Timex
from storyline.report.json import DOCUMENT_FIELDS, SCHEMA_VERSION

RECORDS = {
    "skipped": Skipped,
    "entities": Entity,
    "timexes": Timex,
    "quotes": Quote,
    "events": Event,
    "reuse": Reuse,
    "stories": Story,
}
NEXT_WAVE_LISTS = ("quote_groups", "timeline", "claims", "summary")  # present now, filled by later stages


def output_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``Analysis.to_dict()``."""
    from pydantic import TypeAdapter

    definitions: dict[str, Any] = {}
    properties: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "documents": {"type": "array", "items": _document_schema()},
        "framing": {"type": "object"},
    }
    for key, record in RECORDS.items():
        schema = TypeAdapter(record).json_schema(mode="serialization", ref_template="#/$defs/{model}")
        definitions.update(schema.pop("$defs", {}))
        definitions[record.__name__] = schema
        properties[key] = {"type": "array", "items": {"$ref": f"#/$defs/{record.__name__}"}}
    for key in NEXT_WAVE_LISTS:
        properties[key] = {"type": "array"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "storyline analysis",
        "type": "object",
        "required": sorted(properties),
        "properties": properties,
        "$defs": definitions,
    }


def _document_schema() -> dict[str, Any]:
    nullable = {"type": ["string", "null"]}
    fields: dict[str, Any] = {name: nullable for name in DOCUMENT_FIELDS}
    fields.update(
        {
            "id": {"type": "string"},
            "source": {"type": "string"},
            "text": {"type": "string"},
            "content_hash": {"type": "string"},
            "published": {"type": ["string", "null"], "format": "date"},
            "hints": {"type": "object", "additionalProperties": {"type": "string"}},
            "removed": {"type": "array", "items": {"type": "string"}},
        }
    )
    return {"type": "object", "required": list(DOCUMENT_FIELDS), "properties": fields}


if __name__ == "__main__":
    print(json.dumps(output_schema(), indent=1, ensure_ascii=False))
