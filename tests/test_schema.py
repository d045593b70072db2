from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import ROOT
from storyline.model import Analysis, Document, Entity, Mention, Reuse, Skipped, Story, Timex
from storyline.report.schema import output_schema


def test_committed_schema_is_current():
    committed = json.loads((ROOT / "docs" / "output-schema.json").read_text(encoding="utf-8"))
    assert committed == output_schema(), (
        "regenerate: python -m storyline.report.schema > docs/output-schema.json"
    )


def test_an_analysis_validates_against_the_schema():
    import datetime as dt

    document = Document(
        id="d1",
        source="a.txt",
        text="Lena Dorn met Piotr Hallis on Sunday.",
        published=dt.date(2026, 5, 3),
        hints={"weekday": "Sunday"},
    )
    entity = Entity(
        id="d1:e0", doc_id="d1", name="Lena Dorn", type="PERSON", mentions=(Mention(0, 9, "Lena Dorn"),)
    )
    timex = Timex(
        id="d1:t27-36", doc_id="d1", start=27, end=36, text="on Sunday", type="DATE", value="2026-05-03"
    )
    analysis = Analysis(
        documents=(document.__class__(**{**document.__dict__, "entities": (entity,), "timexes": (timex,)}),),
        skipped=(Skipped("b.pdf", "ingest", "not a text article"),),
        reuse=(Reuse("d0", "d1", 0.4),),
        stories=(Story("s1", "Talks", ("d1",), (("d1",),)),),
    )
    data = analysis.to_dict()
    jsonschema.validate(data, output_schema())
    assert data["entities"][0]["name"] == "Lena Dorn"
    assert data["documents"][0]["published"] == "2026-05-03"


def _entity(name: str, *spans: tuple[int, int]) -> Entity:
    return Entity(
        id=f"d1:{name}",
        doc_id="d1",
        name=name,
        type="PERSON",
        mentions=tuple(Mention(s, e, name) for s, e in spans),
    )


INDEXED_ENTITIES = [
    _entity("a", (0, 9), (40, 44)),
    _entity("b", (5, 12)),  # overlaps a's first mention
    _entity("c", (20, 80)),  # a long mention starting well before short ones
    _entity("d", (40, 44)),  # the same span as a's second mention: the first entity wins the tie
]


@pytest.mark.parametrize(
    ("start", "end"), [(0, 9), (4, 8), (6, 11), (8, 30), (40, 44), (41, 42), (70, 90), (85, 90), (12, 20)]
)
def test_entity_index_answers_as_entity_at(start: int, end: int):
    from storyline.model import EntityIndex, entity_at

    assert EntityIndex(INDEXED_ENTITIES).at(start, end) == entity_at(INDEXED_ENTITIES, start, end)
