"""Quote cue openings: the array pre-filter keeps every word the full cue test accepts, and little else."""

from __future__ import annotations

import pytest

from storyline.analyze.nlp import parse_batch
from storyline.analyze.quote_attributions import _is_cue
from storyline.analyze.quote_cues import cues_for
from storyline.analyze.quote_openings import openings
from storyline.model import Document
from storyline.settings import AnalyzeSettings

pytest.importorskip("spacy")

ONE_CUE_OF_EACH_SHAPE = [
    "The minister said the talks would resume in March.",  # a speech verb
    "According to the ministry, the border stayed calm overnight.",  # a source phrase
    "The convoy was reportedly stopped near the river.",  # hearsay
    "In a new Gallup poll, 52 percent back the plan.",  # a poll's preposition
    "The mayor pointed out that the budget was balanced.",  # a phrasal verb
    "She has made it clear that she would run again.",  # a verb with its adjective
    "The senator made the case that the treaty protects farmers.",  # a verb with its object noun
    "Union leaders were critical of the new contract.",  # an adjective with its preposition
    "Aides were confident that the bill would pass.",  # an adjective of belief
    "The governor is eager to sign the measure.",  # an adjective of intention
    "His argument is that the tax hurts small firms.",  # a noun with a copula and "that"
    "The statement that the mine was safe drew criticism.",  # a statement noun before "that"
    "Her call for a ban on imports angered the farmers.",  # a noun with its preposition
    "Many voters see him as a fighter.",  # a verb of regard with "as"
    "The envoy talked about the prisoners held in the north.",  # a speech verb's preposition
    "Officials believe the fire started in the kitchen.",  # a belief
    "The report found no evidence of fraud.",  # a finding
    "The jet was bought in 2011, records show.",  # a finding verb the tagger reads as a noun
]


def parsed(text: str):
    document = Document(id="d", source="test", text=text, language="en")
    result = next(parse_batch([document], AnalyzeSettings()))
    assert result is not None
    return result


@pytest.mark.parametrize("text", ONE_CUE_OF_EACH_SHAPE)
def test_openings_keep_every_cue_word(text: str) -> None:
    table = cues_for("en")
    assert table is not None
    doc = parsed(text).doc
    cue_words = {token.i for token in doc if _is_cue(token, table)}
    assert cue_words, "each sentence of the table has a cue"
    assert cue_words <= set(openings(doc, table))


def test_openings_skip_a_sentence_without_cue_words() -> None:
    table = cues_for("en")
    assert table is not None
    doc = parsed("The river rose two meters overnight and flooded the lower town.").doc
    assert openings(doc, table) == []


def test_openings_of_an_empty_document() -> None:
    table = cues_for("en")
    assert table is not None
    assert openings(parsed("").doc, table) == []
