"""Entities: names, titles, surnames, role descriptions, pronouns and metonyms, as hand-made tables."""

from __future__ import annotations

import pytest

from storyline.analyze import entities, mentions, nlp
from storyline.analyze.roles import table
from storyline.errors import ModelNotFoundError
from storyline.ingest.document import make_document
from storyline.model import Entity
from storyline.settings import AnalyzeSettings

SETTINGS = AnalyzeSettings()


@pytest.fixture(scope="module")
def analyze():
    """Text -> entities, with the spaCy model loaded once for the module."""
    try:
        nlp.load(SETTINGS.spacy_model)
    except ModelNotFoundError:
        pytest.skip("spaCy model not installed")

    def run(text: str) -> list[Entity]:
        document = make_document("test", text, language="en")
        parsed = next(nlp.parse_batch([document], SETTINGS))
        assert parsed is not None
        return entities.extract(parsed, settings=SETTINGS)

    return run


def person(found: list[Entity], name: str) -> Entity:
    matches = [e for e in found if e.name == name]
    assert matches, f"{name!r} not among {[(e.name, e.type) for e in found]}"
    return matches[0]


def owner(found: list[Entity], text: str, kind: str | None = None) -> str | None:
    """The name of the entity that has a mention with this text (and kind)."""
    for entity in found:
        for mention in entity.mentions:
            if mention.text == text and (kind is None or mention.kind == kind):
                return entity.name
    return None


@pytest.mark.parametrize(
    "text, name, titles",
    [
        (
            "Armenian Prime Minister Nikol Pashinyan met reporters in the capital on Tuesday.",
            "Nikol Pashinyan",
            ("Armenian Prime Minister",),
        ),
        (
            "The visit was led by OSCE Chairperson-in-Office and Polish Foreign Minister Zbigniew Rau.",
            "Zbigniew Rau",
            ("OSCE Chairperson-in-Office", "Polish Foreign Minister"),
        ),
        (
            "Zbigniew Rau, Poland's foreign minister, arrived in Tbilisi late on Monday.",
            "Zbigniew Rau",
            ("Poland's foreign minister",),
        ),
        (
            "Russia's top diplomat, Sergei Lavrov, said the meeting would take place in Geneva.",
            "Sergei Lavrov",
            ("Russia's top diplomat",),
        ),
        (
            "Georgian President Salome Zourabichvili signed the decree on Friday.",
            "Salome Zourabichvili",
            ("Georgian President",),
        ),
        (
            "The statement was read out by Turkish Defence Minister Hulusi Akar in Ankara.",
            "Hulusi Akar",
            ("Turkish Defence Minister",),
        ),
        (  # the side a leader or commander stands for is part of the title
            "Opposition leader Daniel Mwangi urged supporters to stay home on Friday.",
            "Daniel Mwangi",
            ("Opposition leader",),
        ),
        (
            "The talks were cut short, rebel commander Tomas Herrera told reporters.",
            "Tomas Herrera",
            ("rebel commander",),
        ),
    ],
)
def test_titles_are_attached_to_people(analyze, text, name, titles):
    found = person(analyze(text), name)
    assert found.type == "PERSON"
    assert found.titles == titles


def test_title_mentions_point_at_the_title_text(analyze):
    text = "Kazakh President Kassym-Jomart Tokayev opened the forum in Astana on Wednesday."
    found = person(analyze(text), "Kassym-Jomart Tokayev")
    kinds = {m.kind: text[m.start : m.end] for m in found.mentions}
    assert kinds == {"title": "Kazakh President", "name": "Kassym-Jomart Tokayev"}


@pytest.mark.parametrize(
    "text, mention, kind, expected",
    [
        # surname and first name -> full name
        (
            "Turkish President Recep Tayyip Erdogan arrived in Baku on Friday. "
            "Erdogan said the deal was fair.",
            "Erdogan",
            "name",
            "Recep Tayyip Erdogan",
        ),
        # headline surname before the full name
        (
            "Pashinyan vows reforms\nArmenian Prime Minister Nikol Pashinyan promised reforms on Monday.",
            "Pashinyan",
            "name",
            "Nikol Pashinyan",
        ),
        # nationality + description head -> the person whose title matches
        (
            "French President Emmanuel Macron spoke with German Chancellor Olaf Scholz by phone on Sunday. "
            "The French leader said the two agreed on sanctions.",
            "The French leader",
            "nominal",
            "Emmanuel Macron",
        ),
        (
            "French President Emmanuel Macron spoke with German Chancellor Olaf Scholz by phone on Sunday. "
            "According to the German leader, the call lasted an hour.",
            "the German leader",
            "nominal",
            "Olaf Scholz",
        ),
        (
            "Ukrainian Foreign Minister Dmytro Kuleba met his Hungarian counterpart Peter Szijjarto "
            "on Monday. "
            "The Ukrainian top diplomat later flew to Brussels.",
            "The Ukrainian top diplomat",
            "nominal",
            "Dmytro Kuleba",
        ),
        (
            "Iraqi Prime Minister Mustafa al-Kadhimi visited Tehran on Sunday. The prime minister met "
            "officials there.",
            "The prime minister",
            "nominal",
            "Mustafa al-Kadhimi",
        ),
        # pronouns: same sentence, previous sentence, after a quote
        (
            "Georgian Prime Minister Irakli Garibashvili visited Brussels on Monday. He met NATO officials.",
            "He",
            "pronoun",
            "Irakli Garibashvili",
        ),
        (
            "Kazakh President Kassym-Jomart Tokayev said his government would act.",
            "his",
            "pronoun",
            "Kassym-Jomart Tokayev",
        ),
        (
            "Serbian President Aleksandar Vucic spoke to reporters in Belgrade on Tuesday.\n"
            '"We will not give up our interests. We will defend them," '
            "he was quoted as saying by the agency.",
            "he",
            "pronoun",
            "Aleksandar Vucic",
        ),
        # a name spelled with other letters (Turkish dotted İ) is the same person
        (
            'Georgian President Salome Zourabichvili spoke in Tbilisi. "We are ready," Salomé Zourabichvili said.',
            "Salomé Zourabichvili",
            None,
            "Salome Zourabichvili",
        ),
        # a two-word surname is the person named in full
        (
            "Congresswoman Debbie Wasserman Schultz resigned on Sunday. Wasserman Schultz will not speak.",
            "Wasserman Schultz",
            None,
            "Debbie Wasserman Schultz",
        ),
        # an honorific and surname the model typed ORG: a person by the surname, the honorific left out
        (
            "Finance Minister Tom Hale presented the budget. In his speech to parliament, Dr Hale defended the cuts.",
            "Hale",
            "name",
            "Tom Hale",
        ),
        # an honorific gives the gender: "she" skips the man mentioned last
        (
            "Ms. Kaja Kallas met the envoy Josep Borrell in Tallinn. She said the talks were useful.",
            "She",
            "pronoun",
            "Kaja Kallas",
        ),
        # a first name gives the gender: "her" skips the man of its own sentence, "he" the woman
        (
            "Marjorie Hale said the plan would cut costs. Walter Dunmore rejected her figures on Tuesday.",
            "her",
            "pronoun",
            "Marjorie Hale",
        ),
        (
            "Gordon Ashby praised the budget. Lucinda Fairweather said he had misread the forecast.",
            "he",
            "pronoun",
            "Gordon Ashby",
        ),
        # a first name in neither list ("Ilham") stays open to either pronoun
        (
            "Ingrid Solberg met Ilham Tagiyev in Oslo on Monday. He said the talks went well.",
            "He",
            "pronoun",
            "Ilham Tagiyev",
        ),
        # a first name both sexes share ("Jordan") gives no gender
        (
            "Jordan Pell spoke after Thomas Wren at the hearing. She thanked the staff.",
            "She",
            "pronoun",
            "Jordan Pell",
        ),
        # an honorific outranks the first name ("Andrea" is mostly a woman's name in the lists)
        (
            "Mr. Andrea Conti met Laura Bianchi in Rome. He said the deal was close.",
            "He",
            "pronoun",
            "Andrea Conti",
        ),
        # a name modifying the noun after it ("Kessler campaign chief …") is not what the sentence is about
        (
            "Kessler campaign chief Ann Morrow spoke on Sunday. She said the polls were wrong.",
            "She",
            "pronoun",
            "Ann Morrow",
        ),
        # a foreign ministry's spokeswoman is "the diplomat" of the next quotation, as TASS writes it
        (
            "The ministry summoned Ambassador Ion Rusu on Friday, ministry spokeswoman Irina Volkova told "
            'reporters. "The ambassador was handed a strong protest," the diplomat said.',
            "the diplomat",
            "nominal",
            "Irina Volkova",
        ),
        # "the president" is the president, not the vice president mentioned last
        (
            "President Dana Whitcombe and Vice President Joe Bidwell toured the plant in Ohio on Monday. "
            "The president later thanked the workers.",
            "The president",
            "nominal",
            "Dana Whitcombe",
        ),
        # a man addressed inside a quotation is not the narrator's "he" nor the speaker's description
        (
            'Chancellor Anton Holt spoke in Lemberg on Friday. "I say to Prime Minister Oren Vasko: we are ready," '
            "the Brandish leader said.\nHe said he had accepted an invitation to talks.",
            "He",
            "pronoun",
            "Anton Holt",
        ),
        (
            'Chancellor Anton Holt spoke in Lemberg on Friday. "I say to Prime Minister Oren Vasko: we are ready," '
            "the Brandish leader said.",
            "the Brandish leader",
            "nominal",
            "Anton Holt",
        ),
        # a sentence about someone's lawyer, named, is about the lawyer: "He" next is the lawyer
        (
            "A court sentenced former Prime Minister Imran Khan to 14 years in prison. "
            '"This is a sham trial," his lawyer Naeem Panjutha told reporters outside the prison in the city, where '
            "the hearing took place. He said the defence would appeal.",
            "He",
            "pronoun",
            "Naeem Panjutha",
        ),
        # inside the quotation, the man named there is still the antecedent
        (
            'Chancellor Anton Holt spoke on Friday. "I met Prime Minister Oren Vasko. He was ready," he said.',
            "He",
            "pronoun",
            "Oren Vasko",
        ),
    ],
)
def test_coreference_table(analyze, text, mention, kind, expected):
    assert owner(analyze(text), mention, kind) == expected


def test_initials_of_a_union_read_as_a_place_join_it(analyze):
    found = analyze("The European Union urged calm. The EU also called for an inquiry into the vote.")
    assert [(e.name, [m.text for m in e.mentions]) for e in found if e.name == "European Union"] == [
        ("European Union", ["European Union", "EU"])
    ]


def test_a_nationality_is_no_part_of_a_person_named_after_it(analyze):
    text = (
        "Georgian Dream won 54 percent of the vote, the commission said. The president said the election was "
        "stolen from the Georgian people."
    )
    assert [e.type for e in analyze(text) if e.name == "Georgian"] == ["NORP"]


def test_possessive_description_holds_its_owner(analyze):
    text = "Norway’s president on Wednesday spoke in Oslo. President Ola Brekke said the talks went well."
    assert owner(analyze(text), "Norway’s president", "nominal") == "Ola Brekke"


def test_possessive_country_the_model_reads_as_a_person_still_owns_the_description(analyze):
    # after a paragraph naming the president, the model tags "Azerbaijan" in "Azerbaijan’s president" PERSON
    text = (
        "EU can help the region, says President Ilham Aliyev\n\n"
        "Azerbaijan’s president on Wednesday reiterated his country’s willingness to talk to Armenia."
    )
    assert owner(analyze(text), "Azerbaijan’s president", "nominal") == "Ilham Aliyev"


def test_a_person_s_aide_is_not_that_person(analyze):
    text = "Defense Secretary Ann Carver flew to Oslo. Carver’s press secretary said the trip was planned."
    found = analyze(text)
    assert owner(found, "Carver’s press secretary") is None
    assert owner(found, "’s press secretary") is None


def test_a_longer_head_makes_one_description(analyze):
    text = (
        "Defense Secretary Ann Carver met Secretary General Jens Moe in Brussels. "
        "NATO's secretary general said the alliance was united."
    )
    found = analyze(text)
    assert owner(found, "NATO's secretary general") == "Jens Moe"
    assert owner(found, "NATO's secretary") is None


def test_the_president_is_not_the_vice_president(analyze):
    found = analyze(
        "Vice President Joe Bidwell toured the plant on Monday. The president later thanked the workers."
    )
    assert owner(found, "The president", "nominal") is None


def test_description_with_conflicting_country_is_not_attached(analyze):
    text = "Armenian Prime Minister Nikol Pashinyan spoke on Monday. The Russian leader did not comment."
    assert owner(analyze(text), "The Russian leader") is None


@pytest.mark.parametrize(
    "text, description, person",
    [
        # "his Azerbaijani counterpart": the person of that country, even where the model read the nationality
        # at a sentence start as a person
        (
            "Turkish President Recep Tayyip Erdogan received Azerbaijani President Ilham Aliyev on Thursday.\n\n"
            "His Azerbaijani counterpart thanked Turkey for its support.",
            "His Azerbaijani counterpart",
            "Ilham Aliyev",
        ),
        # with no person of that country's office named, it is nobody's (not the president nearby)
        (
            "Chinese President Xi Jinping spoke on Monday. His American counterpart did not comment.",
            "His American counterpart",
            None,
        ),
    ],
)
def test_a_counterpart_is_the_person_of_its_country(analyze, text, description, person):
    assert owner(analyze(text), description) == person


def test_a_counterpart_named_after_his_title_holds_that_office_for_his_country(analyze):
    """ "his Azerbaijani counterpart Ilham Aliyev" beside a Turkish President: "the Azerbaijani president" is
    Aliyev, though the text never calls him president; the title stays as written."""
    found = analyze(
        "Turkish President Recep Tayyip Erdogan and his Azerbaijani counterpart Ilham Aliyev opened a pipeline "
        "on Monday.\n\nThe Azerbaijani president said the corridor remained on the agenda."
    )
    assert owner(found, "The Azerbaijani president") == "Ilham Aliyev"
    aliyev = next(e for e in found if e.name == "Ilham Aliyev")
    assert aliyev.titles == ("Azerbaijani counterpart",)


def test_an_official_of_a_named_body_is_the_person_titled_by_that_body(analyze):
    """ "the Kremlin official" fits Kremlin Spokesman Peskov (any office of the Kremlin), and so the "him" after
    it is Peskov, not the president named before."""
    found = analyze(
        "Russian President Vladimir Putin has no plans to meet the Ukrainian leader, Kremlin Spokesman Dmitry "
        'Peskov told reporters on Thursday.\n\n"There are no such plans," the Kremlin official said. According '
        "to him, the conditions for a meeting have not been created."
    )
    assert owner(found, "the Kremlin official") == "Dmitry Peskov"
    assert owner(found, "him", "pronoun") == "Dmitry Peskov"


def test_a_description_naming_an_office_s_field_needs_it_in_the_title(analyze):
    """ "Iran's armed forces chief" is not the Supreme Leader, though a chief may be a leader; "the federal
    judge" still is Judge Gonzalo Curiel (only words of an office's field must match)."""
    found = analyze(
        "Supreme Leader Ayatollah Ali Khamenei declared five days of mourning. Iran's armed forces chief "
        "ordered an investigation. Judge Gonzalo Curiel ruled on Monday. The federal judge cited the law."
    )
    assert owner(found, "Iran's armed forces chief") is None
    assert owner(found, "The federal judge") == "Gonzalo Curiel"


def test_ids_are_stable_in_order_of_first_mention(analyze):
    text = (
        "NATO Secretary General Jens Stoltenberg met Polish President Andrzej Duda in Warsaw. "
        "Duda thanked him."
    )
    found = analyze(text)
    assert [e.id for e in found] == [f"{found[0].doc_id}:e{n}" for n in range(len(found))]
    starts = [min(m.start for m in e.mentions) for e in found]
    assert starts == sorted(starts)
    assert found == analyze(text)


@pytest.mark.parametrize(
    "text, place, metonym",
    [
        ("Moscow said on Tuesday that the agreement was final.", "Moscow", True),
        ("Ankara is ready to mediate between the two sides, the ministry said.", "Ankara", True),
        ("Tehran has repeatedly accused Washington of breaking the deal.", "Tehran", True),
        ("Tehran, in turn, accused Washington of breaking the deal.", "Tehran", True),
        ("The delegation arrived in Moscow on Tuesday evening.", "Moscow", False),
        ("Baku hosted the European Games in 2015.", "Baku", False),
    ],
)
def test_places_acting_as_governments_are_metonyms(analyze, text, place, metonym):
    found = analyze(text)
    marks = [m.metonym for e in found for m in e.mentions if m.text == place]
    assert marks and marks[0] is metonym


@pytest.mark.parametrize(
    "text, name",
    [
        # a person's name the model cut at a particle, reading the rest as a place
        (
            "European Commission President Ursula von der Leyen arrived in Kyiv on Friday.",
            "Ursula von der Leyen",
        ),
        ("Economist Pedro dos Santos said inflation would ease.", "Pedro dos Santos"),
    ],
)
def test_names_with_particles_are_one_person(analyze, text, name):
    people = [e for e in analyze(text) if e.type == "PERSON"]
    assert [e.name for e in people] == [name]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a word of a person's title the model read as an entity of its own is none
        (
            "Separately, Defense Minister Yasar Guler said the troops had returned.",
            [("PERSON", "Yasar Guler")],
        ),
        (
            "Polish Economy Minister Marta Wrona visited the port.",
            [("NORP", "Polish"), ("PERSON", "Marta Wrona")],
        ),
        # a country under another of its names is a place, not an organization
        (
            "Türkiye on Saturday strongly condemned the attack. Türkiye said it would respond.",
            [("GPE", "Türkiye")],
        ),
    ],
)
def test_title_words_and_country_variants(analyze, text, expected):
    assert [(e.type, e.name) for e in analyze(text)] == expected


@pytest.mark.parametrize(
    "text, name, type_",
    [
        ("Talks between the two delegations were held in Yerevan on Monday.", "Yerevan", "GPE"),
        ("Fighting in Nagorno-Karabakh ended in November after six weeks.", "Nagorno-Karabakh", "GPE"),
        ("President Aliyev met the envoy, Azertac reported.", "Azertac", "ORG"),
        # a platform where something was posted is an organization, never a candidate for "he" or "she"
        ("Minister Ortega wrote on Twitter that the talks had failed.", "Twitter", "ORG"),
        # a state's name after a nationality is no person, though the model reads its last word alone as one
        (
            "Historian Anna Berg argued that the German Reich ruled its colonies more gently than other powers "
            "did. The Reich lost them in 1919.",
            "German Reich",
            "GPE",
        ),
        (
            "The Organization for Security and Co-operation in Europe (OSCE) sent observers. The OSCE said "
            "the vote was calm.",
            "Organization for Security and Co-operation in Europe",
            "ORG",
        ),
        # a name the model stopped after "of the" runs on over the capitalized words after it
        (
            "The meeting was held in Baku on June 11, the Office of the Deputy Prime Minister reported.",
            "Office of the Deputy Prime Minister",
            "ORG",
        ),
        # a two-word name after a lower-case role is a person; a country closing a title is no part of a name
        ("Azerbaijani presidential aide Hikmet Hajiyev welcomed the agreement.", "Hikmet Hajiyev", "PERSON"),
        (
            "The party's founder, billionaire Bidzina Ivanishvili, told supporters.",
            "Bidzina Ivanishvili",
            "PERSON",
        ),
        (
            "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu received the ambassador. Minister Nurtleu "
            "noted that Japan is a key partner.",
            "Murat Nurtleu",
            "PERSON",
        ),
    ],
)
def test_known_model_slips_are_fixed(analyze, text, name, type_):
    found = analyze(text)
    assert [e.type for e in found if e.name == name] == [type_]


@pytest.mark.parametrize(
    "text, name, type_",
    [
        # read as a person by the model; the noun after it says it is a place
        ("Armed men still hold the Varzhinsky corridor, the ministry said.", "Varzhinsky", "LOC"),
        # the noun is followed by another noun: "town hall" is no town
        ("The senator spoke at a Trendex town hall in Ohio.", "Trendex", "ORG"),
        # an acronym organization before "area" stays the organization
        ("The OSCE will help resolve conflicts in the OSCE area, the envoy said.", "OSCE", "ORG"),
        # the noun before it with "of" does the same ...
        ("The commissions met in the border town of Ijevan, the government said.", "Ijevan", "GPE"),
        # ... unless the text makes the name an organization elsewhere: a jest
        (
            "Twitter suspended the accounts. Twitter said some users called it the province of Twitter.",
            "Twitter",
            "ORG",
        ),
    ],
)
def test_a_place_noun_after_a_name_makes_it_a_place(analyze, text, name, type_):
    found = analyze(text)
    assert [e.type for e in found if e.name == name] == [type_]


@pytest.mark.parametrize(
    "text, name, type_, pronoun",
    [
        # a one-word "person" only ever written after "the" is a thing: a river named in full elsewhere, a team
        (
            "The Kessa River floods every spring. Villagers said the Kessa rose two metres overnight. He said "
            "the dam had failed.",
            "Kessa",
            "LOC",
            "He",
        ),
        (
            "Coach Dan Miller was hired in May. The Bucs will have to do without him in their game.",
            "Bucs",
            "ORG",
            "him",
        ),
    ],
)
def test_a_one_word_name_after_the_is_no_person(analyze, text, name, type_, pronoun):
    found = analyze(text)
    assert [e.type for e in found if e.name == name] == [type_]
    assert owner(found, pronoun) != name


def test_a_family_after_the_stays_people(analyze):
    found = analyze("The Clintons visited the diner before. Hillary Clinton ordered a salad.")
    assert [e.type for e in found if e.name == "Clintons"] == ["PERSON"]


def test_surname_stays_with_the_person_whatever_the_model_says_elsewhere(analyze):
    """The model often types a bare surname as an organization; the person named in full keeps every one."""
    text = (
        "Mayor Lena Okafor rejected the plan. Okafor said on Monday the vote was rigged. Okafor called it a farce. "
        "Okafor's allies agreed, and Okafor left the hall."
    )
    found = analyze(text)
    assert {e.type for e in found if e.name in ("Okafor", "Lena Okafor")} == {"PERSON"}
    assert owner(found, "Okafor") == "Lena Okafor"


@pytest.mark.parametrize(
    "text, place",
    [
        ("Aliyev said the liberation of Upper Karabakh in 2020 changed the region.", "Upper Karabakh"),
        ("The ministers of Russia, Azerbaijan, and Armenia signed a pact in Moscow.", "Armenia"),
    ],
)
def test_countries_and_modified_regions_are_places(analyze, text, place):
    assert [e.type for e in analyze(text) if e.name == place] == ["GPE"]


def test_words_that_never_end_a_name_are_trimmed(analyze):
    """The model runs a name into the verb after a dash; a verb never ends a person's name."""
    found = analyze("Former congressman Robert Hale - won the seat in 2002 - said he would run.")
    assert [e.name for e in found if e.type == "PERSON"] == ["Robert Hale"]


def test_types_follow_the_people_named_in_the_document():
    """The model's type slips, as the NER gives them, corrected by what the rest of the document says."""
    names = [
        mentions.Named(0, 2, "ORG", "Carly Fiorina"),  # a person the model called an organization once
        mentions.Named(5, 6, "PERSON", "Fiorina"),
        mentions.Named(9, 11, "PERSON", "Donald Trump"),
        mentions.Named(14, 15, "ORG", "Trump"),  # a surname voted ORG three times to one
        mentions.Named(17, 18, "ORG", "Trump"),
        mentions.Named(20, 21, "ORG", "Trump"),
        mentions.Named(23, 24, "PERSON", "Trump"),
        mentions.Named(26, 28, "ORG", "Washington Post"),
    ]
    mentions._fix_by_majority(names)
    assert [n.label for n in names] == ["PERSON"] * 7 + ["ORG"]


def test_name_never_runs_across_a_paragraph_break(analyze):
    """A headline ending in a surname, then a dateline in capitals: two names, the place typed as elsewhere."""
    text = (
        "Tbilisi will host the next round of talks, says Garibashvili\n\n"
        "TBILISI, May 3. Georgian Prime Minister Irakli Garibashvili said Tbilisi was ready to host the talks."
    )
    found = analyze(text)
    assert not any("\n" in e.name or "\n" in m.text for e in found for m in e.mentions)
    tbilisi = [e for e in found if e.name.casefold() == "tbilisi"]
    assert tbilisi and all(e.type == "GPE" for e in tbilisi)


def test_acronym_joins_the_full_organization_name(analyze):
    text = (
        "The Organization for Security and Co-operation in Europe (OSCE) sent observers. "
        "The OSCE said the vote was calm."
    )
    org = person(analyze(text), "Organization for Security and Co-operation in Europe")
    assert org.aliases == ("OSCE",)
    assert len([m for m in org.mentions if m.text == "OSCE"]) == 2


def test_language_without_role_table_still_gets_names(analyze):
    from storyline.analyze.roles import table

    assert table("xx") is None
    assert table("en") is not None


# ---------------------------------------------------------------------------------------------- nlp speed-ups

NLP_TEXT = (
    "Ukraine's president said on Monday he wasn't gonna sign the bill. Let's see, it's fine.\n"
    "Talks resume in Geneva\nThe envoys, who had met twice, did not comment. I'm sure they'll agree."
)


def test_fast_attribute_ruler_gives_identical_tokens(analyze):
    document = make_document("t", NLP_TEXT, language="en")
    fast, slow = (
        next(nlp.parse_batch([document], AnalyzeSettings(fast_attributes=f))) for f in (True, False)
    )
    assert fast is not None and slow is not None
    assert [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in fast.doc] == [
        (t.pos_, t.tag_, str(t.morph), t.lemma_) for t in slow.doc
    ]


def test_line_break_starts_a_sentence(analyze):
    parsed = next(nlp.parse_batch([make_document("t", NLP_TEXT, language="en")], SETTINGS))
    assert any(s.text.startswith("Talks resume in Geneva") for s in parsed.sentences)
    assert not any("Geneva\nThe" in s.text for s in parsed.sentences)


def test_whole_document_parse_matches_single_sentence_parses(analyze):
    document = make_document("t", NLP_TEXT, language="en")
    single = next(nlp.parse_batch([document], AnalyzeSettings(parse_whole_fraction=1.1, parse_upfront=False)))
    lazy = next(nlp.parse_batch([document], AnalyzeSettings(parse_whole_fraction=0.0, parse_upfront=False)))
    upfront = next(nlp.parse_batch([document], AnalyzeSettings(parse_upfront=True)))
    for parsed in (lazy, upfront):
        for sentence_a, sentence_b in zip(single.sentences, parsed.sentences, strict=True):
            a, b = single.parse(sentence_a), parsed.parse(sentence_b)
            assert [(t.text, t.dep_, t.head.i) for t in a] == [(t.text, t.dep_, t.head.i) for t in b]
        assert parsed.whole_parsed
    assert not single.whole_parsed


def test_two_people_joined_by_and_in_one_name_are_split(analyze):
    """The model reads "Petraeus and Panetta" as one organization; both are named in full later."""
    found = analyze(
        "After, investigators interviewed Rice, Rhodes, Petraeus and Panetta. David Petraeus and Leon Panetta "
        "declined to comment."
    )
    assert owner(found, "Petraeus") == "David Petraeus"
    assert owner(found, "Panetta") == "Leon Panetta"
    assert not [e for e in found if " and " in e.name]


def test_father_and_son_with_different_middle_initials_stay_apart(analyze):
    """Same first and last name, different middle names: "George H.W. Bush" is not "George W. Bush"."""
    found = analyze(
        "Former President Gerald H.W. Bosworth praised his son. Gerald W. Bosworth thanked the crowd. "
        "Gerald Herbert Walker Bosworth died in 2018."
    )
    assert owner(found, "Gerald W. Bosworth") == "Gerald W. Bosworth"
    assert owner(found, "Gerald H.W. Bosworth") == "Gerald Herbert Walker Bosworth"


def test_a_name_in_a_capitals_headline_is_the_name_the_body_gives(analyze):
    """The model misses "RUBIO" in a headline in capitals; the body names Marco Rubio, so it is he."""
    found = analyze("RUBIO SURGES IN NEW IOWA POLL\n\nMarco Rubio gained ground on Tuesday, a poll showed.")
    assert owner(found, "RUBIO", "name") == "Marco Rubio"


def test_a_name_glued_into_a_hyphen_compound_is_no_mention(analyze):
    """ "anti-Trump activists" are not Trump, and "his" after them stays with the last person named."""
    found = analyze(
        "Donald Trump spoke in Iowa. The anti-Trump activists cheered for Marco Rubio and his mentor."
    )
    assert [m.text for m in person(found, "Donald Trump").mentions] == ["Donald Trump"]
    assert owner(found, "his") == "Marco Rubio"


@pytest.mark.parametrize(
    "text, short, full",
    [
        (
            "The Boston Red Sox made an offer to Mark Teixeira on Monday. The Red Sox declined to comment.",
            "Red Sox",
            "Boston Red Sox",
        ),
        (
            "The New York Times reported the emails on Friday. The Times said the secretary used a personal account.",
            "Times",
            "New York Times",
        ),
        # another country's ministry is not the first one named; the same country's is
        (
            "The Russian Foreign Ministry summoned the envoy on Friday. On February 28, Moldova's Foreign Ministry "
            "declared a Russian diplomat persona non grata.",
            "Foreign Ministry",
            "Foreign Ministry",
        ),
        (
            "The Russian Foreign Ministry summoned the envoy on Friday. Russia's Foreign Ministry said later that "
            "it regretted the step.",
            "Foreign Ministry",
            "Russian Foreign Ministry",
        ),
        # a body every level of government has: the Senate in Washington is not North Carolina's
        (
            "The North Carolina Senate passed the bill. The Senate in Washington was supposed to guard the states, "
            "Smith said.",
            "Senate",
            "Senate",
        ),
    ],
)
def test_an_organization_named_by_its_last_words_is_the_full_name(analyze, text, short, full):
    assert owner(analyze(text), short, "name") == full


def test_a_title_case_headline_name_ends_where_the_body_s_name_ends(analyze):
    """ "Bernie Sanders Burns" in a title-case headline is Bernie Sanders, named so in the body."""
    found = analyze(
        "Bernie Sanders Burns Hillary Clinton Over Wall Street Speeches\n\n"
        "Bernie Sanders criticized Hillary Clinton on Monday for the paid speeches."
    )
    assert [m.text for m in person(found, "Bernie Sanders").mentions] == ["Bernie Sanders"] * 2


@pytest.mark.parametrize(
    "text, index, expected",
    [
        ("Dozens gathered outside the court on Monday.", 0, False),  # capitalized for opening the sentence
        ("Underdog Wins Iowa Straw Poll\n\nThe vote surprised everyone.", 0, False),  # a title-case headline
        ("Fans of the Colts gathered outside the stadium.", 3, True),
        ("The GOP met on Monday.", 1, True),  # an acronym anywhere
    ],
)
def test_one_word_is_repeated_as_a_name_only_where_its_capital_says_so(analyze, text, index, expected):
    parsed = next(nlp.parse_batch([make_document("test", text, language="en")], SETTINGS))
    assert mentions._capitalized_as_a_name(parsed.doc[index : index + 1]) is expected


def test_a_missed_surname_is_added_once(analyze) -> None:
    """The surname rule and the repeated-name rule both know "Aliyev": one mention, not two at one place."""
    text = "President Ilham Aliyev met the envoy on Monday. The talks ended when Aliyev left the room."
    doc = nlp.load(SETTINGS.spacy_model)(text)
    full = mentions.Named(1, 3, "PERSON", "Ilham Aliyev")  # as if the model had missed the second "Aliyev"
    found = [
        (n.start, n.end, n.text)
        for n in mentions._add_missed_surnames(doc, [full], mentions._dropped_names(doc))
    ]
    assert found == [(1, 3, "Ilham Aliyev"), (13, 14, "Aliyev")]


def test_a_dateline_place_joins_the_body_s_name_and_is_named_as_the_body_writes_it(analyze) -> None:
    found = analyze("KELVIK, Norland (NPA) - Floods cut roads north of Kelvik on Monday, officials said.")
    kelvik = person(found, "Kelvik")
    assert (kelvik.type, kelvik.aliases) == ("GPE", ("KELVIK",))
    assert [m.text for m in kelvik.mentions] == ["KELVIK", "Kelvik"]


@pytest.mark.parametrize(
    "text, name, type_",
    [
        # the model types the second envoy a nationality; joined to a person by "and", he is a person too
        (
            "The talks between envoys Karen Lindqvist and Arman Tovmasyan ended in Prague on Friday.",
            "Arman Tovmasyan",
            "PERSON",
        ),
        # both found by the model: nothing changes
        (
            "A meeting between ministers Paolo Ferri and Davit Grigoryan took place in Rome.",
            "Paolo Ferri",
            "PERSON",
        ),
    ],
)
def test_a_name_joined_to_a_person_by_and_is_a_person(analyze, text, name, type_):
    found = analyze(text)
    assert [e.type for e in found if e.name == name] == [type_]


@pytest.mark.parametrize(
    "text, found, expected",
    [
        # the model found one envoy and nothing at the other: the two capitalized words are a person
        (
            "The envoys Miriam Holt and Levon Arakelyan arrived in Bern.",
            [(2, 4)],
            [("Miriam Holt", "PERSON"), ("Levon Arakelyan", "PERSON")],
        ),
        # the same before the person
        (
            "The envoys Levon Arakelyan and Miriam Holt arrived in Bern.",
            [(5, 7)],
            [("Levon Arakelyan", "PERSON"), ("Miriam Holt", "PERSON")],
        ),
        # a capitalized word after the run may be the rest of a longer name: left alone
        (
            "Envoys Miriam Holt and Levon Arakelyan Foundation staff met.",
            [(1, 3)],
            [("Miriam Holt", "PERSON")],
        ),
        # a title or an institution is no name ("Foreign Ministry")
        ("Miriam Holt and Foreign Ministry officials met.", [(0, 2)], [("Miriam Holt", "PERSON")]),
        # a single word could be anything
        ("Miriam Holt and Reuters reported it.", [(0, 2)], [("Miriam Holt", "PERSON")]),
        # a word of the run names something else in the document: the model's person may be the slip
        (
            "Delta Rescue came first. Later, Delta Rescue and Delta Harbor arrived.",
            [(0, 2, "ORG"), (10, 12)],
            [("Delta Rescue", "ORG"), ("Delta Harbor", "PERSON")],
        ),
    ],
)
def test_coordinated_people_the_model_missed(analyze, text, found, expected):
    doc = nlp.load(SETTINGS.spacy_model)(text)
    doc.ents = []  # as if the model had found only the names given
    names = [mentions.Named(f[0], f[1], (*f, "PERSON")[2], doc[f[0] : f[1]].text) for f in found]
    out = mentions._add_coordinated_people(doc, names, table("en"))
    assert [(n.text, n.label) for n in out] == expected


@pytest.mark.parametrize(
    "text, found, expected",
    [
        # a surname with an apostrophe inside, which the model left out of the person
        ("Treasury Secretary Kamau Mbug'ua told lawmakers.", [(2, 3)], "Kamau Mbug'ua"),
        # a word the document gives as a person's name elsewhere
        ("Minister Kamau Ruto told lawmakers. Later Jane Ruto said no.", [(1, 2), (7, 9)], "Kamau Ruto"),
        # a common noun the name ran into ("Age") stays out, and so does one named alone as a person
        ("Name: Laura Benton Age: 41. Age said nothing.", [(2, 4), (8, 9)], "Laura Benton"),
        ("Name: Laura Benton Age: 41", [(2, 4)], "Laura Benton"),
        ("Laura Benton Research said it's fine.", [(0, 2)], "Laura Benton"),
    ],
)
def test_a_surname_the_model_left_out_joins_the_person(analyze, text, found, expected):
    doc = nlp.load(SETTINGS.spacy_model)(text)
    doc.ents = []  # as if the model had found only the names given
    names = [mentions.Named(s, e, "PERSON", doc[s:e].text) for s, e in found]
    mentions._extend_run_on_surnames(doc, names, table("en"))
    assert names[0].text == expected


@pytest.mark.parametrize(
    "text, pronoun, expected",
    [
        # a person a sentence brings in with "a" is the pronoun's, not the mayor named before
        (
            "Mayor Ivan Petrenko said the city was calm. A 64-year-old man was killed when debris hit his house.",
            "his",
            None,
        ),
        ("Mayor Anna Petrenko said the city was calm, and a woman died of her injuries.", "her", None),
        # not an object, a predicate or a modifier: the named person is still the one meant
        ("Ivan Petrenko is a careful man, and he rarely speaks to reporters.", "he", "Ivan Petrenko"),
        (
            "Anna Petrenko said she would consider a woman as a running mate if she won.",
            "she",
            "Anna Petrenko",
        ),
    ],
)
def test_a_person_brought_in_by_a_common_noun_takes_the_pronoun(analyze, text, pronoun, expected):
    assert owner(analyze(text), pronoun, "pronoun") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the subject after a participle's opening clause is who was asked, not a person the question names
        (
            "Speaker Mike Johnson spoke at the Capitol. Asked whether Donald Trump supported the bill, he said "
            "yes.",
            "Mike Johnson",
        ),
        # an opener with a verb of its own is a clause, and its subject may be the pronoun's
        (
            "According to reports Tara Reid's representative Jack Ketsoyan left a statement, he said.",
            "Jack Ketsoyan",
        ),
    ],
)
def test_a_pronoun_after_an_opening_participle_clause(analyze, text, expected):
    assert owner(analyze(text), "he", "pronoun") == expected


def test_a_common_word_opening_a_sentence_is_no_person(analyze):
    """The model reads a capitalized common word as a name; the text writes it in lower case elsewhere."""
    found = analyze(
        "Ukraine's air force said it had shot down 74 of the 75 drones launched by Russia. Debris from downed "
        "drones damaged residential buildings in several districts, Mayor Vitali Klitschko said on the Telegram "
        "messaging app.\n\nA man was killed when debris hit his house."
    )
    assert [e.name for e in found if e.type == "PERSON"] == ["Vitali Klitschko"]
