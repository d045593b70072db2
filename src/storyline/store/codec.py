"""Rows ⇄ model objects: how a ``Document`` and its analysis are laid out in the database."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from storyline.ingest.document import parse_date
from storyline.model import Document, Entity, Event, Mention, Participant, Quote, Timex, as_plain

DOCUMENT_COLUMNS = (
    "id, content_hash, source, url, outlet, title, byline, published, "
    "dateline_place, language, text, hints, removed"
)


def document_row(d: Document) -> tuple[Any, ...]:
    """Values for the documents table in DOCUMENT_COLUMNS order."""
    published = d.published.isoformat() if d.published else None
    return (
        d.id,
        d.content_hash,
        d.source,
        d.url,
        d.outlet,
        d.title,
        d.byline,
        published,
        d.dateline_place,
        d.language,
        d.text,
        _dumps(dict(d.hints)),
        _dumps(list(d.removed)),
    )


def document_from_row(row: tuple[Any, ...]) -> Document:
    (
        doc_id,
        content_hash,
        source,
        url,
        outlet,
        title,
        byline,
        published,
        place,
        language,
        text,
        hints,
        removed,
    ) = row
    return Document(
        id=doc_id,
        source=source,
        text=text,
        language=language,
        outlet=outlet,
        title=title,
        byline=byline,
        published=parse_date(published),
        dateline_place=place,
        url=url,
        content_hash=content_hash,
        hints=json.loads(hints),
        removed=tuple(json.loads(removed)),
    )


def analysis_payload(d: Document) -> str:
    """The per-document analysis (entities, timexes, quotes, events) as JSON."""
    return _dumps({key: as_plain(getattr(d, key)) for key in ("entities", "timexes", "quotes", "events")})


def with_analysis(d: Document, payload: str) -> Document:
    """``d`` with the analysis stored in ``payload`` attached."""
    data = json.loads(payload)
    return dataclasses.replace(
        d,
        entities=tuple(_entity(e) for e in data.get("entities", [])),
        timexes=tuple(Timex(**t) for t in data.get("timexes", [])),
        quotes=tuple(Quote(**q) for q in data.get("quotes", [])),
        events=tuple(_event(e) for e in data.get("events", [])),
    )


def _entity(data: dict[str, Any]) -> Entity:
    mentions = tuple(Mention(**m) for m in data.pop("mentions", []))
    tuples = {k: tuple(data.pop(k, ())) for k in ("titles", "aliases")}
    return Entity(**data, mentions=mentions, **tuples)


def _event(data: dict[str, Any]) -> Event:
    participants = tuple(Participant(**p) for p in data.pop("participants", []))
    return Event(**data, participants=participants)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
