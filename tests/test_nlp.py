"""spaCy plumbing: planned batched parses, sentence copies, and the matmul backend give the same analysis."""

from __future__ import annotations

import pytest

from storyline.analyze import nlp
from storyline.errors import ModelNotFoundError
from storyline.ingest.document import make_document
from storyline.settings import AnalyzeSettings

TEXT = (
    "Georgian Foreign Minister Nino Beridze met her Armenian counterpart in Tbilisi on Tuesday.\n\n"
    "The two ministers discussed the reopening of the railway through the Lori region, officials said. "
    "Trade between the countries was worth $900 million in 2019. "
    '"We are ready to sign the transit agreement," Beridze told reporters after the talks.\n\n'
    "The European Union's special representative for the South Caucasus will visit Yerevan next month."
)


@pytest.fixture(scope="module")
def document():
    try:
        nlp.load(AnalyzeSettings().spacy_model)
    except ModelNotFoundError:
        pytest.skip("spaCy model not installed")
    return make_document("nlp-test", TEXT, language="en")


def parse_of(parsed: nlp.Parsed, sentence) -> list[tuple[str, str, int, str]]:
    return [(t.text, t.dep_, t.head.i, t.ent_type_) for t in parsed.parse(sentence)]


def test_planned_sentences_arrive_parsed_and_match_on_demand_parses(document):
    def plan(parsed: nlp.Parsed):
        return [s for s in parsed.sentences if "said" in s.text or "told" in s.text]

    planned = next(nlp.parse_batch([document], AnalyzeSettings(), plan))
    on_demand = next(
        nlp.parse_batch([document], AnalyzeSettings(parse_upfront=False, parse_whole_fraction=2))
    )
    wanted = plan(planned)
    assert len(wanted) == 2
    assert planned.parsed_sentences == 2  # parsed in parse_batch, before anyone asked
    for sentence, same in zip(wanted, plan(on_demand), strict=True):
        assert parse_of(planned, sentence) == parse_of(on_demand, same)
    assert planned._on_demand == 0 and not planned.whole_parsed


def test_a_plan_that_repeats_a_sentence_parses_it_once(document):
    parsed = next(nlp.parse_batch([document], AnalyzeSettings(), lambda p: [p.sentences[1]] * 3))
    assert parsed.parsed_sentences == 1


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (0, None),  # a whole sentence
        (2, 4),  # ends inside "Nino Beridze": the cut entity is left unannotated
        (4, 12),  # starts inside it
    ],
)
def test_copies_of_the_whole_parse_match_span_as_doc(document, start, end):
    parsed = next(nlp.parse_batch([document], AnalyzeSettings()))  # no plan: whole documents parsed upfront
    assert parsed._whole is not None
    first = parsed.sentences[0]
    end = first.end if end is None else end
    mine = parsed._copy_of_whole(start, end)
    reference = parsed._whole[start:end].as_doc()
    assert token_rows(mine) == token_rows(reference)


def token_rows(doc) -> list[tuple]:
    names = ("text", "whitespace_", "tag_", "pos_", "lemma_", "dep_", "ent_iob_", "ent_type_")
    return [(*(getattr(t, name) for name in names), t.head.i) for t in doc]


def test_sentence_copies_carry_token_vectors(document):
    parsed = next(nlp.parse_batch([document], AnalyzeSettings(parse_upfront=False)))
    sentence = parsed.sentences[1]
    copy = parsed.sentence_copy(sentence)
    assert copy.text == sentence.text_with_ws  # as Span.as_doc: the last token keeps its space
    assert copy.tensor.shape == (len(sentence), parsed.doc.tensor.shape[1])
    assert [t.ent_type_ for t in copy] == [t.ent_type_ for t in sentence]


def test_sentence_copies_carry_what_the_rules_read_and_parse_as_span_as_doc(document):
    parsed = next(nlp.parse_batch([document], AnalyzeSettings(parse_upfront=False, parse_whole_fraction=2)))
    parser = parsed.nlp.get_pipe("parser")
    for sentence in parsed.sentences:
        reference = sentence.as_doc()
        copy = parsed.sentence_copy(sentence)
        assert tagged_rows(copy) == tagged_rows(reference)
        assert not any(t.has_morph() for t in copy)  # no rule reads a parse's morphology
        reference.tensor = parsed.doc.tensor[sentence.start : sentence.end]
        assert token_rows(parsed.parse(sentence)) == token_rows(parser(reference))


# "Nino Beridze" (tokens 3-4) cut at its end, at its start, and whole
@pytest.mark.parametrize(("start", "end"), [(2, 4), (4, 12), (3, 5)])
def test_sentence_copies_leave_cut_entities_unannotated_as_span_as_doc(document, start, end):
    parsed = next(nlp.parse_batch([document], AnalyzeSettings(parse_upfront=False)))
    first, second = parsed.doc[start:end], parsed.sentences[1]
    copies = parsed.sentence_copies([first, second])
    assert [tagged_rows(c) for c in copies] == [tagged_rows(first.as_doc()), tagged_rows(second.as_doc())]


def tagged_rows(doc) -> list[tuple]:
    names = ("text", "whitespace_", "tag_", "pos_", "lemma_", "ent_iob_", "ent_type_", "is_sent_start")
    return [tuple(getattr(t, name) for name in names) for t in doc]


def test_numpy_and_blis_matrix_products_give_the_same_analysis(document):
    by_backend = {
        matmul: next(nlp.parse_batch([document], AnalyzeSettings(matmul=matmul)))
        for matmul in ("numpy", "blis")
    }
    numpy_doc, blis_doc = by_backend["numpy"].doc, by_backend["blis"].doc
    assert [(t.tag_, t.lemma_, t.ent_type_, t.is_sent_start) for t in numpy_doc] == [
        (t.tag_, t.lemma_, t.ent_type_, t.is_sent_start) for t in blis_doc
    ]


@pytest.mark.parametrize(
    "text, word, lemma",
    [  # a single consonant before -ed, -ing, -es: the verb with "e", not the shorter verb of the same letters
        ("The governor hoped to sign the budget before the recess.", "hoped", "hope"),
        ("Negotiators are hoping for a deal by Friday.", "hoping", "hope"),
        ("She hopes the court will rule quickly.", "hopes", "hope"),
        ("The agency has rated the city's bonds as junk since March.", "rated", "rate"),
        ("The vote is slated to take place next week.", "slated", "slate"),
        ("Farmers staged a protest outside parliament on Tuesday.", "staged", "stage"),
        ("The regulator fined the bank $2 million for the breach.", "fined", "fine"),
        ("Workers coded the new ballots by hand.", "coded", "code"),
        ("The opposition is waging a campaign against the tax.", "waging", "wage"),
        ("Support for the measure waned over the summer.", "waned", "wane"),
        # a doubled consonant keeps the short verb
        ("The senator hopped on a plane to Denver.", "hopped", "hop"),
        ("The council planned a vote for March.", "planned", "plan"),
        ("Officials scrapped the plan after the vote.", "scrapped", "scrap"),
        # nouns are left to the lemmatizer
        ("Mortgage rates rose for a third week.", "rates", "rate"),
        # an irregular past the tagger read as a present still takes its verb's lemma
        ("Azerbaijan retook the region in September 2023.", "retook", "retake"),
    ],
)
def test_undoubled_verb_forms_take_the_verb_with_e(document, text: str, word: str, lemma: str) -> None:
    for fast in (True, False):  # the fast attribute ruler and spaCy's own apply the same patterns
        parsed = next(
            nlp.parse_batch([make_document("l", text, language="en")], AnalyzeSettings(fast_attributes=fast))
        )
        assert [t.lemma_ for t in parsed.doc if t.text == word] == [lemma]


@pytest.mark.parametrize(
    "text, sentences",
    [
        (  # a lowercase word after an abbreviation's full stop goes on with the sentence
            "Sen. Maria Ellis (I-Vt.) defended the plan on Sunday, saying it would work.",
            ["Sen. Maria Ellis (I-Vt.) defended the plan on Sunday, saying it would work."],
        ),
        (
            "Rep. Tom Hale (D-Mass.) said the bill was flawed. It failed.",
            ["Rep. Tom Hale (D-Mass.) said the bill was flawed. ", "It failed."],
        ),
        (  # so does a lowercase word after an exclaimed or asked quotation: its speaker stays with it
            "“Stop the vote!” the mayor shouted at the clerk. “Why now?” asked Ellis. “We won!” The hall cheered.",
            [
                "“Stop the vote!” the mayor shouted at the clerk. ",
                "“Why now?” asked Ellis. ",
                "“We won!” ",
                "The hall cheered.",
            ],
        ),
        (  # a line break always ends one
            "Ellis wins vote\nthe senate passed the bill on Monday.",
            ["Ellis wins vote\n", "the senate passed the bill on Monday."],
        ),
        (  # a dateline that opens a line is a sentence of its own, with or without a date or an agency
            "OSLO, Norway (AP) - Police arrested two men on Friday.\nRIGA, June 2. /LETA/. The vote was held.",
            [
                "OSLO, Norway (AP) - ",
                "Police arrested two men on Friday.\n",
                "RIGA, June 2. /LETA/. ",
                "The vote was held.",
            ],
        ),
        (  # a capitalized word after a full stop after a number starts a sentence
            "Leaders will meet on May 3. Officials said the talks would resume.",
            ["Leaders will meet on May 3. ", "Officials said the talks would resume."],
        ),
        (  # the platform X closing a sentence is no initial…
            '"I am honoured," she wrote on X. Hungarian Prime Minister Viktor Orban called the deal shameful.',
            [
                '"I am honoured," she wrote on X. ',
                "Hungarian Prime Minister Viktor Orban called the deal shameful.",
            ],
        ),
        (  # …but after a name it may be one
            "The rally was led by Malcolm X. Johnson, a local pastor.",
            ["The rally was led by Malcolm X. Johnson, a local pastor."],
        ),
        (  # but a capitalized headline word before a dash is no dateline
            "NATO - the alliance at 75\nThe summit opened.",
            ["NATO - the alliance at 75\n", "The summit opened."],
        ),
    ],
)
def test_sentence_boundaries(document, text: str, sentences: list[str]) -> None:
    parsed = next(nlp.parse_batch([make_document("s", text, language="en")], AnalyzeSettings()))
    assert [s.text_with_ws for s in parsed.sentences] == sentences


@pytest.mark.parametrize(
    ("text", "places", "kept"),
    [
        # the recognizer ran "Oskaria" on into the sentence and missed "BAKU" in capitals
        ("TESSVIK, Oskaria (LBN) - Two workers were killed.", ["TESSVIK", "Oskaria"], []),
        ("BAKU, March 14. /TASS/. Azerbaijan's president spoke.", ["BAKU"], ["March 14"]),
        ("WASHINGTON (Reuters) - Joe Biden met the envoy.", ["WASHINGTON"], ["Reuters", "Joe Biden"]),
    ],
)
def test_dateline_places_are_places(text: str, places: list[str], kept: list[str]) -> None:
    parsed = next(nlp.parse_batch([make_document("d", text, language="en")], AnalyzeSettings()))
    found = {(e.text, e.label_) for e in parsed.doc.ents}
    assert {(p, "GPE") for p in places} <= found
    assert set(kept) <= {text for text, _ in found}
    dateline = parsed.sentences[0]
    assert all(e.end_char <= dateline.end_char or e.start_char >= dateline.end_char for e in parsed.doc.ents)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # after "(Reuters) -" the tagger reads a capitalized common noun as a name
        ("MOSCOW, March 5 (Reuters) - Talks between the two sides stalled.", "Talks", ("NOUN", "talk")),
        ("PARIS (AP) — Protesters gathered outside parliament.", "Protesters", ("NOUN", "protester")),
        ("KYIV, June 4 (Reuters) - Police detained two men.", "Police", ("NOUN", "police")),
        # names stay names: a recognized entity, a word before another name, a word no noun list holds
        ("WASHINGTON (Reuters) - Bush said on Monday.", "Bush", ("PROPN", "Bush")),
        ("WASHINGTON (Reuters) - Hope Hicks said on Monday.", "Hope", ("PROPN", "Hope")),
        ("BERLIN (Reuters) - Merkel said on Monday.", "Merkel", ("PROPN", "Merkel")),
    ],
)
def test_a_common_noun_opening_a_dateline_sentence_is_a_noun(text: str, word: str, expected: tuple) -> None:
    parsed = next(nlp.parse_batch([make_document("d", text, language="en")], AnalyzeSettings()))
    token = next(t for t in parsed.doc if t.text == word)
    assert (token.pos_, token.lemma_) == expected
