"""Named mentions from spaCy's NER, with the small English model's known slips fixed and titles attached.

Reads a spaCy ``Doc`` (tokens, POS, sentences, entities) and returns :class:`Named` records: one per name,
with its entity type after the fixes below and the titles written around it. Fixes that generalize rather
than a gazetteer:

* labels are mapped per language to storyline's types (``PER`` -> ``PERSON``…);
* an entity that swallowed a comma ("Yerevan, Azerbaijani" as ORG) is split at the comma, and one of two
  words joined by "and" ("Christie and Jindal") at the "and" when both are named alone elsewhere;
* a name in the data file's short list of capitals/regions, or a single-word PERSON right after a place
  preposition ("in Yerevan"), is a place (GPE); so is a name that a place noun follows ("the Lachinsky
  corridor", "the Oromia region");
* one surface string gets one type per document (the majority), and a single word that is the surname of a
  person named in full elsewhere is that person ("Aliyev" tagged ORG);
* a name the model missed, or typed as a work or a product, where the document names it elsewhere is that
  name again ("RUBIO" in a capitals headline, "Evansville" read as a PRODUCT once);
* a person's name the model left untyped beside a person it found, across "and"/"or" ("envoys Aliyu Demirel
  and Tigran Vardanyan"), is a person; a person's name cut one word short is given its surname when that word
  has an apostrophe inside ("Wanjiru Ng'ang'a") or is the surname of someone named in full elsewhere;
* a name a title-case headline ran into the words around it ("Lindsay Lohan Checks") is cut to the name the
  body gives;
* leading titles and honorifics inside a PERSON span are moved out of the name ("President Ilham Aliyev").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.analyze import first_names
from storyline.analyze.nlp import sentence_of, token_lowers, token_texts
from storyline.analyze.roles import RoleTable, Title, country_of, is_title_word, role_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

KEPT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"})
# NER labels of other languages' spaCy models mapped to storyline's (OntoNotes-style) types.
LABEL_MAPS: dict[str, dict[str, str]] = {
    "default": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "ORG": "ORG",
        "LOC": "LOC",
        "GPE": "GPE",
        "NORP": "NORP",
        "EVENT": "EVENT",
        "FAC": "FAC",
    },
}
MAX_TITLE_TOKENS = 10  # a title before a name, or an apposition, longer than this is a clause, not a title
PLACE_TYPES = frozenset({"GPE", "LOC"})
JOINERS = frozenset({"and", "of", "'s", "’s", "the", "-", "&"})
DETERMINERS = frozenset({"the", "a", "an"})
DEFINITE_ARTICLES = frozenset({"the"})  # "the Tavra", "the Bucs": a one-word name after it is rarely a person
APPOSITION_END = frozenset({",", ".", ";", ")", ":"})
# types a place noun after the name overrides; NORP stays ("the Italian border", "the Greek capital")
PLACE_NOUN_RELABELED = frozenset({"ORG", "PERSON", "FAC"})
# NER types that name no entity of ours but a title or a thing; a name the model types so as often as it types
# it a person, an organization or a place is not taken for one where the model missed it
DROPPED_TYPES = frozenset({"WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"})
# a word this short after a person's name in a headline is a suffix ("Jr", "III"), not a verb the name ran into
SUFFIX_LENGTH = 3
# names not repeated where the model missed them: a nationality is an adjective as often as a name, and the
# model's EVENTs are often names it could not type ("Chatwal")
UNREPEATED_TYPES = frozenset({"NORP", "EVENT"})


@dataclass
class Named:
    """A name in the text (token range ``[start, end)``) and what the rules learned about it."""

    start: int
    end: int
    label: str
    text: str
    titles: list[Title] = field(default_factory=list)
    title_spans: list[tuple[int, int]] = field(default_factory=list)  # token ranges of titles
    gender: str | None = None


# what the model makes of a title's words ("Defense" of "Defense Minister")
TITLE_WORD_LABELS = frozenset({"ORG", "PERSON"})
NAME_COORDINATORS = frozenset({"and", "or"})
POSSESSIVES = frozenset({"his", "her", "their"})  # whose counterpart: "his Azerbaijani counterpart X"
# words of a person's name the model left out beside a person it found ("Tigran Vardanyan"): one is a lone
# surname that could be anything, more than three a title or an organization
COORDINATED_NAME_WORDS = (2, 3)

# word classes that never start or end a person's or organization's name, though a title-case headline
# capitalizes them into one ("Auctioning Off", "To Kill", "Barr - won")
EDGE_NOT_NAME = frozenset({"VERB", "AUX", "ADP", "SCONJ", "PART", "CCONJ"})


def label_map(language: str | None) -> dict[str, str]:
    return LABEL_MAPS.get(language or "en", LABEL_MAPS["default"])


def find(doc: Doc, language: str | None, roles: RoleTable | None) -> list[Named]:
    """Every kept named mention, types fixed and (with a role table) titles attached, in text order."""
    names = _extend_dangling(doc, _extend_to_acronyms(doc, _from_ner(doc, language, roles)))
    dropped = _dropped_names(doc)
    if roles is not None:
        names = _join_name_particles(doc, names, roles)
        _extend_run_on_surnames(doc, names, roles)
        names = _add_coordinated_people(doc, names, roles)
        names = _split_coordinated(doc, names)
        names = _add_listed_places(doc, names, roles)
        _fix_places(doc, names, roles)
        _fix_outlets(names, roles)
        _fix_titled(doc, names, roles)
        _fix_by_place_nouns(doc, names, roles)
    _fix_by_majority(names, roles.adjectives if roles is not None else frozenset())
    if roles is not None:
        _fix_institutions(names, roles)  # after the vote, which makes "the German Reich" a person by "Reich"
        _cut_headline_names(doc, names, roles, dropped)
        _fix_names_after_the(doc, names)
    names = _add_missed_surnames(doc, names, dropped)
    if roles is not None:
        people = [named for named in names if named.label == "PERSON"]
        for named in people:
            _drop_leading_titles(doc, named, roles)
            _attach_titles(doc, named, roles)
        for before, named in zip([None, *people], people, strict=False):
            _attach_counterpart_title(doc, before, named, roles)
        names = _without_title_words(names, roles)
    return _without_common_words(doc, names)


def _without_common_words(doc: Doc, names: list[Named]) -> list[Named]:
    """Without a one-word "person" opening a sentence that the text also writes in lower case and never as a
    name within a sentence ("Debris from downed drones damaged …" … "when debris hit his house"): a common
    word the model read as a name for its capital letter. A first or family name of the Census lists ("Rose",
    "Bush") stays."""
    openers = [
        n for n in names if n.label == "PERSON" and n.end - n.start == 1 and doc[n.start].is_sent_start
    ]
    if not openers:
        return names  # most documents: no such word, and no walk over the text
    lowered = {w for w in token_texts(doc) if w.islower() and w.isalpha()}
    inside = {n.text for n in names if not doc[n.start].is_sent_start}
    common = {
        id(n)
        for n in openers
        if n.text.lower() in lowered and n.text not in inside and not first_names.listed(n.text)
    }
    return [n for n in names if id(n) not in common]


def _without_title_words(names: list[Named], roles: RoleTable) -> list[Named]:
    """``names`` without the one-word organizations and people the model read inside a person's title, a title
    word ("Defense" of "Defense Minister Yasar Guler", "State" of "Secretary of State John Kerry", "Economy" of
    "Polish Economy Minister …"): no entity of its own. A country in a title ("Azerbaijani Foreign Minister")
    and an organization of more words ("Foreign Ministry spokesman Lu Kang") stay, and so does a word that is a
    person's name elsewhere in the text ("Singer" of "Paul Singer", though "singer" is a title)."""
    spans = [span for n in names if n.label == "PERSON" for span in n.title_spans]
    surnames = {word for n in names if n.label == "PERSON" and n.end - n.start > 1 for word in n.text.split()}
    return [
        n
        for n in names
        if n.label not in TITLE_WORD_LABELS
        or n.end - n.start != 1
        or n.text.lower() not in roles.words
        or n.text in surnames
        or not any(start <= n.start and n.end <= end for start, end in spans)
    ]


def clean_name(text: str) -> str:
    """A name as the entity is called: whitespace collapsed, leading "the" and trailing possessive dropped."""
    text = " ".join(text.split())
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip(" ,.;:\"'“”")


def _from_ner(doc: Doc, language: str | None, roles: RoleTable | None) -> list[Named]:
    mapping = label_map(language)
    out: list[Named] = []
    for ent in doc.ents:
        label = mapping.get(ent.label_)
        if label not in KEPT_TYPES:
            continue
        for start, end in _split_at_breaks(doc, ent.start, ent.end):
            named = _make(doc, start, end, label, roles)
            if named is not None:
                out.append(named)
    return out


def _split_at_breaks(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "Yerevan, Azerbaijani" tagged as one entity becomes two, and so does a headline's last name run into
    the next paragraph's dateline ("… says Aliyev⏎⏎BAKU")."""
    parts, begin = [], start
    for i in range(start, end):
        if doc[i].text in (",", ";") or (doc[i].is_space and "\n" in doc[i].text):
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return [(s, e) for s, e in parts if e > s]


def _make(doc: Doc, start: int, end: int, label: str, roles: RoleTable | None) -> Named | None:
    """Trim determiners, possessives and (for people) leading titles; relabel demonyms as NORP."""
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    # a title-case headline: "Zimmerman Auctioning Off Gun Used To Kill Martin"
    if label in ("PERSON", "ORG"):
        while start < end and doc[start].pos_ in EDGE_NOT_NAME:
            start += 1
        while end > start and (doc[end - 1].pos_ in EDGE_NOT_NAME or doc[end - 1].is_punct):
            end -= 1
    if end <= start:
        return None
    if roles is not None and end - start == 1 and doc[start].lower_ in roles.adjectives:
        label = "NORP"
    if label == "PERSON" and roles is not None:
        start = _after_leading_titles(doc, start, end, roles)
    text = clean_name(doc[start:end].text)
    return Named(start, end, label, text) if text else None


def _drop_leading_titles(doc: Doc, named: Named, roles: RoleTable) -> None:
    """A name relabeled a person after ``_make`` loses its leading honorific as a person's name did there: "Dr
    Mitchell", tagged ORG and a person by his surname, is "Mitchell", the "Keith Mitchell" named before."""
    start = _after_leading_titles(doc, named.start, named.end, roles)
    if start > named.start and (text := clean_name(doc[start : named.end].text)):
        named.start, named.text = start, text


def _after_leading_titles(doc: Doc, start: int, end: int, roles: RoleTable) -> int:
    """The start of a person's name past the titles and honorifics opening its span (one word always stays),
    and past the country closing a title before it ("Minister of Foreign Affairs of **Kazakhstan** Murat
    Nurtleu": the model ran the country into the name; a two-word span stays, as "Jordan Peterson" would)."""
    while end - start > 1 and _leading_title(doc, start, roles):
        start += 1
    if end - start >= 3 and start > 0 and doc[start - 1].lower_ == "of" and doc[start].text in roles.places:
        start += 1
    return start


def _leading_title(doc: Doc, i: int, roles: RoleTable) -> bool:
    """A title word, honorific or nationality at the start of a PERSON span ("Kazakh President …")."""
    word = doc[i].lower_
    if is_title_word(word, roles) or word in roles.honorifics:
        return True
    return word in roles.adjectives and i + 1 < len(doc) and is_title_word(doc[i + 1].text, roles)


def _split_coordinated(doc: Doc, names: list[Named]) -> list[Named]:
    """ "Christie and Jindal", "Alphabet and Facebook" read as one organization are two names when each word is
    named on its own elsewhere in the document (or is a part of a person's full name there). "Fish and
    Wildlife", "Nationals and Orioles" without such a sign stay whole."""
    known = _known_names(names)
    out: list[Named] = []
    for named in names:
        first, second = doc[named.start], doc[named.end - 1]
        coordinated = named.end - named.start == 3 and doc[named.start + 1].lower_ == "and"
        if coordinated and first.text in known and second.text in known and first.text != second.text:
            out.extend(Named(t.i, t.i + 1, known[t.text], t.text) for t in (first, second))
        else:
            out.append(named)
    return out


def _known_names(names: list[Named]) -> dict[str, str]:
    """Single-word names of the document with their type: the first and last words of people named in full
    (as PERSON), then one-word names as the model typed them."""
    known = {n.text: n.label for n in names if " " not in n.text}
    for named in names:
        words = named.text.split()
        if named.label == "PERSON" and len(words) > 1:
            known[words[0]] = known[words[-1]] = "PERSON"
    return known


def _add_listed_places(doc: Doc, names: list[Named], roles: RoleTable) -> list[Named]:
    """Listed capitals/regions the model missed ("BAKU," in a dateline) become GPE mentions."""
    covered = {i for n in names for i in range(n.start, n.end)}
    extra = [
        Named(i, i + 1, "GPE", text.title() if doc[i].is_upper else text)
        for i, text in enumerate(token_texts(doc))
        if i not in covered and (text in roles.places or (text.title() in roles.places and doc[i].is_upper))
    ]
    if not extra:
        return names
    return sorted(names + extra, key=lambda n: n.start)


def _fix_places(doc: Doc, names: list[Named], roles: RoleTable) -> None:
    """Listed places (countries too, alone or after "Upper"/"Northern"…), and single-word "people" right after
    "in"/"from", are GPEs."""
    for named in names:
        if _listed_place(named.text, roles) and named.label not in PLACE_TYPES:
            named.label = "GPE"
        elif named.label == "PERSON" and named.end - named.start == 1 and named.start > 0:
            previous = doc[named.start - 1]
            if previous.lower_ in roles.place_prepositions and previous.pos_ == "ADP":
                named.label = "GPE"


def _fix_outlets(names: list[Named], roles: RoleTable) -> None:
    """A known news agency or outlet is an organization ("Azertac" read as a person)."""
    for named in names:
        if named.text in roles.outlets:
            named.label = "ORG"


def _fix_institutions(names: list[Named], roles: RoleTable) -> None:
    """A "person" named by an institution's or a state's last word is none ("West Indies Federation", "German
    Reich" read as PERSON, with "her" and "his" then resolved to them), and neither is that word alone
    elsewhere in the document ("the Federation")."""
    relabeled: dict[str, str] = {}
    for named in names:
        words = named.text.split()
        if named.label != "PERSON" or len(words) < 2:
            continue
        last = words[-1].casefold()
        if last in roles.institutions:
            named.label = relabeled[words[-1]] = "ORG"
        elif last in roles.states and words[-2].casefold() in roles.adjectives:
            named.label = relabeled[words[-1]] = "GPE"
    _spread_labels(names, relabeled, frozenset({"PERSON"}))


def _fix_by_place_nouns(doc: Doc, names: list[Named], roles: RoleTable) -> None:
    """A name the model typed as an organization or a person is a place when a place noun ends its phrase ("the
    Lachinsky corridor", "the Oromia region") or comes before it with "of" ("the town of Ijevan"), and so is
    the same name elsewhere in the document. A word that is part of someone's full name stays with the person
    (the vote does that)."""
    relabeled: dict[str, str] = {}
    organizations = Counter(named.text for named in names if named.label == "ORG")
    for named in names:
        label = _place_noun_label(doc, named, roles)
        if label is not None and _named_after_of(doc, named) and organizations[named.text] > 1:
            continue  # "the province of Twitter", said in jest of a name the text makes an organization elsewhere
        if label is not None:
            named.label = relabeled[named.text] = label
    _spread_labels(names, relabeled, PLACE_NOUN_RELABELED)


def _spread_labels(names: list[Named], relabeled: dict[str, str], overridden: frozenset[str]) -> None:
    """Give every other mention of a relabeled name its new type, where the model's type is one of
    ``overridden``: what one mention's context showed holds for the name throughout the document."""
    for named in names:
        if named.text in relabeled and named.label in overridden:
            named.label = relabeled[named.text]


def _place_noun_label(doc: Doc, named: Named, roles: RoleTable) -> str | None:
    """The place type a lower-case noun after the name gives it, unless another noun follows that noun ("a
    MSNBC town hall", "the Bristol district attorney") or a number precedes the name ("the 24th House
    district" is a constituency of the House). An acronym organization stays one: "the OSCE area", "the EU
    region" are the areas its members cover. The noun before the name with "of" does the same ("the border
    town of Ijevan")."""
    if named.label not in PLACE_NOUN_RELABELED:
        return None
    if (
        _named_after_of(doc, named)
        and (label := roles.place_nouns.get(doc[named.start - 2].text)) is not None
    ):
        return label
    if named.end >= len(doc):
        return None
    if named.label == "ORG" and named.text.isupper() and named.text.isalpha():
        return None
    if named.start > 0 and (doc[named.start - 1].like_num or doc[named.start - 1].ent_type_ == "ORDINAL"):
        return None
    noun = doc[named.end]
    label = roles.place_nouns.get(noun.text)  # lower case only: "Region" would be part of a name
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if label is None or (following is not None and following.pos_ in ("NOUN", "PROPN")):
        return None
    return label


def _named_after_of(doc: Doc, named: Named) -> bool:
    """Whether "of" comes right before the name, after a word ("the town of Ijevan")."""
    return named.start > 1 and doc[named.start - 1].lower_ == "of"


def _listed_place(name: str, roles: RoleTable) -> bool:
    """A place of the table, or a country under another of its names ("Türkiye")."""
    if name in roles.places:
        return True
    if name.lower() in roles.demonyms and name.lower() not in roles.adjectives:
        return True
    words = name.split()
    return (
        len(words) > 1
        and words[-1] in roles.places
        and all(w.lower() in roles.place_modifiers for w in words[:-1])
    )


def _fix_titled(doc: Doc, names: list[Named], roles: RoleTable) -> None:
    """A name right after a capitalized role head is a person ("President Kassym-Jomart Tokayev" as ORG), and
    so is a two- or three-word name after a lower-case one ("presidential aide Hikmet Hajiyev", "billionaire
    Bidzina Ivanishvili" as ORG): a lower-case head also stands before a body's name ("the head Office")
    rarely, and never before a name shaped as a person's."""
    for named in names:
        if named.label in ("ORG", "NORP", "FAC") and named.start > 0 and named.text not in roles.places:
            previous = doc[named.start - 1]
            capitalized = previous.text[:1].isupper()
            titled = previous.lower_ in roles.heads and (capitalized or _person_shaped(named.text))
            if titled and not any(is_title_word(t.text, roles) for t in doc[named.start : named.end]):
                named.label = "PERSON"


def _person_shaped(text: str) -> bool:
    """Two or three capitalized words of letters (a hyphen allowed: "Jean-Claude Juncker")."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)


def _add_missed_surnames(doc: Doc, names: list[Named], dropped: Counter[str]) -> list[Named]:
    """Capitalized words the model missed, or typed as something we drop, that repeat a name the document gives
    elsewhere: a surname of someone named in full ("Pashinyan vows…"), or a whole name ("Evansville" typed
    PRODUCT once, "WLADIMIR KLITSCHKO" in a capitals headline). Each takes the type the name has."""
    known = _repeatable_names(doc, names, dropped)
    surnames = {n.text.split()[-1] for n in names if n.label == "PERSON" and " " in n.text}
    covered = {i for n in names for i in range(n.start, n.end)}
    longest = max((len(words) for words in known), default=0)
    firsts = {words[0] for words in known}
    texts, lowers = token_texts(doc), token_lowers(doc)  # read once: ``doc[i]`` makes a Token
    extra: list[Named] = []
    i = 0
    while i < len(doc):
        if (
            texts[i] in surnames
            and i not in covered
            and doc[i].pos_ == "PROPN"
            and not _glued_to_hyphen(doc, i, i + 1)
        ):
            extra.append(Named(i, i + 1, "PERSON", texts[i]))
            i += 1
            continue  # found once: the known names below hold the same surname
        if lowers[i] not in firsts:
            i += 1
            continue  # no known name starts with this word
        for size in range(min(longest, len(doc) - i), 0, -1):
            words = tuple(lowers[i : i + size])
            if words in known and _uncovered_name(doc, i, i + size, covered):
                extra.append(Named(i, i + size, known[words], clean_name(doc[i : i + size].text)))
                i += size - 1
                break
        i += 1
    return sorted(names + extra, key=lambda n: n.start) if extra else names


def _cut_headline_names(doc: Doc, names: list[Named], roles: RoleTable, dropped: Counter[str]) -> None:
    """In a title-case headline the model runs a name into the capitalized words around it ("Lindsay Lohan
    Checks", "Aide Fred LaRue Dies", "Colts Beat Chiefs"): a name the body never gives is cut to the longest
    run of its words that the body gives as a name, and takes that name's type. Words the body uses in a name
    ("Arcade Joseph Comeaux Jr", the body's "Arcade Joseph Comeaux Jr.") or an institution's last word ("Obama
    Administration") are no headline verbs: such a name stays whole."""
    in_headline = [_headline_case(sentence_of(doc, n.start)) for n in names]
    body = [n for n, headline in zip(names, in_headline, strict=True) if not headline]
    known = _repeatable_names(doc, body, dropped)
    kept_words = {t.lower_ for n in body for t in doc[n.start : n.end]} | roles.institutions
    for named, headline in zip(names, in_headline, strict=True):
        words = tuple(t.lower_ for t in doc[named.start : named.end])
        if len(words) < 2 or words in known or not headline:
            continue
        run = _longest_known_run(words, known)
        if run is None:
            continue
        label = known[words[run[0] : run[1]]]
        if label == "PERSON":  # first names and titles before a surname stay: "Arcade Joseph Comeaux Jr"
            run = (0, run[1])
        dropped = words[: run[0]] + words[run[1] :]
        suffix = run[1] < len(words) and len(words[run[1]]) <= SUFFIX_LENGTH  # "Jr", "Sr", "III"
        if not suffix and not kept_words.intersection(dropped):
            start, end = named.start + run[0], named.start + run[1]
            named.start, named.end = start, end
            named.label, named.text = label, clean_name(doc[start:end].text)


def _longest_known_run(words: tuple[str, ...], known: dict[tuple[str, ...], str]) -> tuple[int, int] | None:
    """The longest ``[start, end)`` of ``words`` that is a known name, shorter than all of them."""
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            if words[start : start + size] in known:
                return start, start + size
    return None


def _dropped_names(doc: Doc) -> Counter[str]:
    """How often each lower-cased text is a model entity of a type we drop; read once for the document."""
    return Counter(e.text.lower() for e in doc.ents if e.label_ in DROPPED_TYPES)


def _repeatable_names(doc: Doc, names: list[Named], dropped: Counter[str]) -> dict[tuple[str, ...], str]:
    """Names a missed mention may repeat, as lower-case token tuples: every name but a nationality, a single
    letter, an abbreviation, a word capitalized only for opening a sentence or a headline ("Dozens",
    "Underdog"), or a title the model calls a work or a product as often ("Catching Fire"); and the surname
    of a person named in full. ``dropped`` counts the model's entities of dropped types (``_dropped_names``)."""
    kept = Counter(doc[n.start : n.end].text.lower() for n in names)
    known: dict[tuple[str, ...], str] = {}
    for named in names:
        span = doc[named.start : named.end]
        if (
            named.label in UNREPEATED_TYPES
            or not _word_like(span)
            or not _capitalized_as_a_name(span)
            or dropped[span.text.lower()] >= kept[span.text.lower()]
        ):
            continue
        known.setdefault(tuple(t.lower_ for t in span), named.label)
    for named in names:
        if named.label == "PERSON" and named.end - named.start > 1:
            known[(doc[named.end - 1].lower_,)] = "PERSON"  # "Rubio" typed LOC elsewhere is still Marco Rubio
    return known


def _capitalized_as_a_name(span) -> bool:
    """A name of several words, an acronym, or one word capitalized inside a sentence of lower-case words."""
    if len(span) > 1 or span[0].is_upper:
        return True
    sentence = sentence_of(span.doc, span.start)
    return span.start > sentence.start and not _headline_case(sentence)


def _word_like(span) -> bool:
    """Not a single letter or an abbreviation ("A", "U", "Jr."): words that could be anything alone."""
    return len(span) > 1 or (span[0].is_alpha and len(span[0]) > 1)


def _uncovered_name(doc: Doc, start: int, end: int, covered: set[int]) -> bool:
    """Tokens no kept name holds, each capitalized, and (outside a headline in capitals or title case) no
    capitalized word running on from either side: "Paris" inside a missed "Paris Hilton" is no place."""
    tokens = doc[start:end]
    if any(t.i in covered or not t.text[:1].isupper() for t in tokens):
        return False
    if _glued_to_hyphen(doc, start, end):
        return False  # "anti-Trump" describes the activists; a pronoun after it means someone else
    sentence = sentence_of(doc, start)
    if _headline_case(sentence):
        return True
    before = doc[start - 1] if start > 0 and start > sentence.start else None
    after = doc[end] if end < len(doc) else None
    return not any(t is not None and t.text[:1].isupper() and t.is_alpha for t in (before, after))


def _glued_to_hyphen(doc: Doc, start: int, end: int) -> bool:
    """A name written into a compound with a hyphen on either side ("anti-Trump", "Clinton-era")."""
    before = start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
    after = end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    return before or after


def _headline_case(sentence) -> bool:
    """A line in capitals or title case, where every word is capitalized and a name's edges don't show.

    Remembered per document and token range (in ``doc.user_data``; the answer depends only on the tokens'
    texts): the rules ask it of a name's sentence for nearly every name, several times each."""
    known = sentence.doc.user_data.setdefault("storyline.headline_case", {})
    key = (sentence.start, sentence.end)
    if key not in known:
        words = [t for t in sentence if t.is_alpha and len(t) > 3]
        known[key] = len(words) >= 2 and all(t.text[:1].isupper() for t in words)
    return known[key]


DANGLING_WORDS = frozenset({"of", "the", "for", "and", "&"})  # words a name cannot end with


def _extend_dangling(doc: Doc, names: list[Named]) -> list[Named]:
    """A name the model stopped after "of the" ("the Office of the | Deputy Prime Minister"): it runs on over
    the capitalized words after it on the same line, and any names the model made of them go; with none after
    it the dangling words are cut."""
    covered: set[int] = set()  # ids of the names a longer one now holds
    for named in names:
        if id(named) in covered or named.label == "PERSON" or doc[named.end - 1].lower_ not in DANGLING_WORDS:
            continue
        end = named.end
        while end < len(doc) and _capitalized_word(doc[end]) and "\n" not in doc[end - 1].whitespace_:
            end += 1
        if end == named.end:
            while end > named.start + 1 and doc[end - 1].lower_ in DANGLING_WORDS:
                end -= 1
        covered |= {id(n) for n in names if n is not named and named.end <= n.start and n.end <= end}
        named.end, named.text = end, clean_name(doc[named.start : end].text)
    return [n for n in names if id(n) not in covered]


def _extend_to_acronyms(doc: Doc, names: list[Named]) -> list[Named]:
    """ "Organization for Security and Co-operation in Europe (OSCE)": the NER split the long name; the
    acronym in parentheses says where it really ends."""
    for acronym in names:
        if not (acronym.end - acronym.start == 1 and acronym.text.isupper() and acronym.start >= 2):
            continue
        if doc[acronym.start - 1].text != "(":
            continue
        for named in names:
            if named.label == "ORG" and named.start < acronym.start - 1 and named is not acronym:
                text = doc[named.start : acronym.start - 1].text
                if _initials(text) == acronym.text and named.end < acronym.start - 1:
                    inside = [n for n in names if named.start < n.start and n.end <= acronym.start - 1]
                    named.end, named.text = acronym.start - 1, clean_name(text)
                    return [n for n in names if n not in inside]
    return names


def _initials(text: str) -> str:
    """Initials of the capitalized words ("Co-operation" counts once)."""
    words = [w for w in text.split() if w[:1].isupper()]
    return "".join(w[0] for w in words)


def _fix_by_majority(names: list[Named], nationalities: frozenset[str] = frozenset()) -> None:
    """One type per surface string (case aside: a dateline's "BAKU" is "Baku"), a tie going to PERSON ("Obama"
    said, "Obama's cabinet" read as a place); single words matching a person's surname or first name are that
    person, however the model typed them elsewhere, unless a nationality (``nationalities``, lower case)."""
    votes: dict[str, Counter[str]] = {}
    for named in names:
        votes.setdefault(named.text.casefold(), Counter())[named.label] += 1
    person_parts = {
        part
        for named in names
        if named.label == "PERSON" and " " in named.text
        for part in (named.text.split()[0], named.text.split()[-1])
    }
    single_people = {n.text for n in names if n.label == "PERSON" and " " not in n.text}
    for named in names:
        if named.label == "ORG" and _person_named_as_org(named, single_people | person_parts):
            named.label = "PERSON"  # "Carly Fiorina" typed ORG once, "Fiorina" a person elsewhere
            continue
        if (
            " " not in named.text
            and named.text in person_parts
            and named.label in ("ORG", "NORP", "GPE", "PERSON")
            and named.text.lower() not in nationalities
        ):
            named.label = "PERSON"  # never voted away from the person either; a nationality stays one
            # ("the Georgian people" after "Georgian Dream", a party the model typed PERSON)
            continue
        counts = votes[named.text.casefold()]
        top = max(counts, key=lambda label: (counts[label], label == "PERSON"))  # a tie goes to the person
        if counts[top] > counts[named.label] or (counts[top] == counts[named.label] and top == "PERSON"):
            named.label = top


def _fix_names_after_the(doc: Doc, names: list[Named]) -> None:
    """A one-word "person" the text only ever writes after "the" is no person but a thing with a name: a
    river ("the water of the Tavra"), a team ("the Bucs"), a family business ("the Gambino family"), a paper
    ("the Kathimerini newspaper"). It takes the type of a longer name of the document that holds the word ("the
    Tavra River": LOC), else ORG, so that no "he" is resolved to it. A word that is part of a person's full name
    or names a person without "the" elsewhere stays a person ("the Obama administration", "The Donald")."""
    after_the: dict[str, list[Named]] = {}
    bare: set[str] = set()
    for named in names:
        if named.label != "PERSON" or " " in named.text:
            continue
        if named.start > 0 and doc[named.start - 1].lower_ in DEFINITE_ARTICLES:
            after_the.setdefault(named.text, []).append(named)
        else:
            bare.add(named.text)
    people = bare | {part for n in names if n.label == "PERSON" and " " in n.text for part in n.text.split()}
    for text, group in after_the.items():
        if text in people or text.removesuffix("s") in people:  # "the Clintons" are people
            continue
        label = _longer_name_label(names, text) or "ORG"
        for named in group:
            named.label = label


def _longer_name_label(names: list[Named], word: str) -> str | None:
    """The type of a longer name holding ``word`` that names no person ("Tavra River" for "Tavra"), places
    first."""
    labels = {n.label for n in names if n.label != "PERSON" and n.text != word and word in n.text.split()}
    return next((label for label in ("LOC", "GPE", "FAC", "ORG") if label in labels), None)


def _person_named_as_org(named: Named, people: set[str]) -> bool:
    """Two or three capitalized words ending in a word that names a person elsewhere in the document."""
    return _person_shaped(named.text) and named.text.split()[-1] in people


def _attach_titles(doc: Doc, named: Named, roles: RoleTable) -> None:
    """Titles before the name, inside its NER span and in an apposition on either side."""
    start = _title_before(doc, named, roles)
    if start is None:
        _apposition_before(doc, named, roles)
    _apposition_after(doc, named, roles)
    previous = named.start - 1 if start is None else start - 1
    if previous >= 0 and doc[previous].lower_ in roles.honorifics:
        named.gender = roles.honorifics[doc[previous].lower_] or None
    for title in named.titles:
        if title.head and title.head in roles.gendered:
            named.gender = roles.gendered[title.head]


def _attach_counterpart_title(doc: Doc, before: Named | None, named: Named, roles: RoleTable) -> None:
    """ "Turkish President Erdogan and his Azerbaijani counterpart Ilham Aliyev": a name right after "his
    <nationality> counterpart" holds the office of the titled person named before it in the sentence, for that
    country. The title is kept as written, with that office as its head, so "the Azerbaijani president" finds
    Aliyev."""
    start = named.start
    if named.titles or before is None or not before.titles or start < 3:
        return
    relational, nationality, owner = doc[start - 1], doc[start - 2], doc[start - 3]
    if relational.lower_ not in roles.relational or owner.lower_ not in POSSESSIVES:
        return
    country = country_of(nationality.text, roles)
    head = before.titles[-1].head
    if country is None or head is None or sentence_of(doc, before.start).start > owner.i:
        return
    named.titles.append(Title(doc[start - 2 : start].text, country, head))
    named.title_spans.append((start - 2, start))


def _title_token(doc: Doc, tok: Token, roles: RoleTable) -> bool:
    """Whether a token can be part of a title: role words, nationalities, organizations, joiners."""
    if is_title_word(tok.text, roles):
        return True
    if tok.ent_type_ in ("NORP", "GPE", "ORG", "LOC") or tok.lower_ in roles.demonyms:
        return True
    if tok.lower_ in JOINERS:
        return True
    return _in_hyphen_compound(doc, tok)


def _in_hyphen_compound(doc: Doc, tok: Token) -> bool:
    """The "in" of "Chairperson-in-Office": a token glued to a hyphen on either side."""
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_
    before = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    return after or before


def _title_before(doc: Doc, named: Named, roles: RoleTable) -> int | None:
    """Titles written right before the name; returns the first title token, or ``None`` if there is none."""
    lo = named.start
    sent_start = sentence_of(doc, named.start).start
    i = named.start - 1
    while i >= sent_start and named.start - i <= MAX_TITLE_TOKENS:
        tok = doc[i]
        if "\n" in tok.whitespace_ or not _title_token(doc, tok, roles):
            break
        lo, i = i, i - 1
    # the NER span may have started with title words (moved out by ``_make``)
    titles = _segments(doc, lo, named.start, roles)
    if not titles:
        return None
    for title, span in titles:
        named.titles.append(title)
        named.title_spans.append(span)
    return titles[0][1][0]


def _segments(doc: Doc, lo: int, hi: int, roles: RoleTable) -> list[tuple[Title, tuple[int, int]]]:
    """Split a run of title tokens at "and"/"&" into titles; keep the parts that contain a role head."""
    out: list[tuple[Title, tuple[int, int]]] = []
    begin = lo
    for i in range(lo, hi + 1):
        if i == hi or doc[i].lower_ in ("and", "&", ","):
            span = _trim(doc, begin, i)
            title = _title(doc, *span, roles) if span[1] > span[0] else None
            if title is not None:
                out.append((title, span))
            begin = i + 1
    return out


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in JOINERS | DETERMINERS | {"-"}:
        start += 1
    while end > start and doc[end - 1].lower_ in JOINERS | DETERMINERS | {"-"}:
        end -= 1
    return start, end


def _title(doc: Doc, start: int, end: int, roles: RoleTable) -> Title | None:
    """A :class:`Title` for tokens ``[start, end)`` if they contain a role head."""
    words = [
        t.text
        for t in doc[start:end]
        if t.ent_type_ not in ("NORP", "GPE", "LOC", "ORG") or is_title_word(t.text, roles)
    ]
    head = role_head(words, roles)
    if head is None:
        return None
    country = None
    for tok in doc[start:end]:
        nationality = tok.ent_type_ in ("NORP", "GPE") or tok.lower_ in roles.demonyms
        if nationality and not is_title_word(tok.text, roles):
            word = tok.text if tok.lower_ in roles.demonyms else _ent_text(doc, tok)
            country = country_of(word, roles)
            break
    return Title(doc[start:end].text, country, head)


def _ent_text(doc: Doc, tok: Token) -> str:
    """The whole entity a token belongs to ("United States"), possessive dropped."""
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            for start, end in _split_at_breaks(doc, ent.start, ent.end):
                if start <= tok.i < end:
                    return clean_name(doc[start:end].text)
    return clean_name(tok.text)


def _phrase(doc: Doc, i: int, step: int, limit: int, roles: RoleTable) -> int:
    """Walk from token ``i`` by ``step`` over title tokens and determiners; return the last one accepted."""
    last, steps = i - step, 0
    while 0 <= i < len(doc) and steps < limit:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" or tok.text == "," or "\n" in tok.text:
            break
        if not (_title_token(doc, tok, roles) or tok.lower_ in DETERMINERS):
            break
        last, i, steps = i, i + step, steps + 1
    return last


def _apposition_after(doc: Doc, named: Named, roles: RoleTable) -> None:
    """ "Ann Linde, Sweden's foreign minister, said": a role phrase between commas after the name."""
    if named.end >= len(doc) or doc[named.end].text != ",":
        return
    first = named.end + 1
    last = _phrase(doc, first, 1, MAX_TITLE_TOKENS, roles)
    after = last + 1
    closed = (
        after >= len(doc)
        or doc[after].text in APPOSITION_END
        or sentence_of(doc, after).start != sentence_of(doc, first).start
    )
    if last >= first and closed:
        span = _trim(doc, first, last + 1)
        title = _title(doc, *span, roles) if span[1] > span[0] else None
        if title is not None and _head_is_last(doc, span, roles):
            named.titles.append(title)
            named.title_spans.append(span)


def _apposition_before(doc: Doc, named: Named, roles: RoleTable) -> None:
    """ "Sweden's foreign minister, Ann Linde, said": a sentence-initial role phrase and a closing comma."""
    comma = named.start - 1
    closing = named.end < len(doc) and doc[named.end].text == ","
    if comma < 1 or doc[comma].text != "," or not closing:
        return
    first = _phrase(doc, comma - 1, -1, MAX_TITLE_TOKENS, roles)
    if first > comma - 1:
        return
    before = doc[first - 1] if first > 0 else None
    opens = (
        before is None
        or sentence_of(doc, before.i).start != sentence_of(doc, first).start
        or before.text == ","
        or before.pos_ == "CCONJ"
    )
    span = _trim(doc, first, comma)
    if opens and span[1] > span[0] and _head_is_last(doc, span, roles):
        title = _title(doc, *span, roles)
        if title is not None:
            named.titles.append(title)
            named.title_spans.append(span)


def _head_is_last(doc: Doc, span: tuple[int, int], roles: RoleTable) -> bool:
    """An apposition ends in its role noun ("foreign minister"), or in "of <place>" after it."""
    tokens = list(doc[span[0] : span[1]])
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].lower_ == "of":
            tokens = tokens[:i]
            break
    return bool(tokens) and tokens[-1].lower_ in roles.words and tokens[-1].ent_type_ not in ("NORP", "GPE")


def _join_name_particles(doc: Doc, names: list[Named], roles: RoleTable) -> list[Named]:
    """A person's name the model cut at a lower-case particle ("Ursula von der" and the place "Leyen", "Charles"
    and "de Gaulle"): a person followed by particles, or ending in one, and then by capitalized words on the
    same line is one name to the last of those words; whatever the model made of them goes."""
    joined: dict[int, int] = {}  # start of a person -> its new end
    for named in (n for n in names if n.label == "PERSON"):
        i = named.end
        while i < len(doc) and doc[i].text in roles.name_particles and doc[i - 1].whitespace_ == " ":
            i += 1
        if doc[i - 1].text not in roles.name_particles:
            continue
        end = i
        while end < len(doc) and _capitalized_word(doc[end]) and doc[end - 1].whitespace_ == " ":
            end += 1
        if end > i:
            joined[named.start] = end
    if not joined:
        return names
    spans = list(joined.items())
    kept = [n for n in names if n.start in joined or not any(s < n.end and n.start < e for s, e in spans)]
    for named in kept:
        if named.start in joined:
            named.end = joined[named.start]
            named.text = clean_name(doc[named.start : named.end].text)
    return kept


def _extend_run_on_surnames(doc: Doc, names: list[Named], roles: RoleTable) -> None:
    """A person's name the model stopped one word short of ("Wanjiru" of "Wanjiru Ng'ang'a", a surname it could
    not read): a capitalized proper noun right after a PERSON, in no name itself and with no capitalized word
    after it, is the surname. A title-case headline shows no edges and is left alone."""
    covered = {i for n in names for i in range(n.start, n.end)}
    elsewhere = {n.text.split()[-1] for n in names if n.label == "PERSON" and " " in n.text}
    for named in names:
        i = named.end
        if (
            named.label != "PERSON"
            or i >= len(doc)
            or not doc[i - 1].whitespace_
            or "\n" in doc[i - 1].whitespace_
        ):
            continue
        if not _name_word(doc, i, covered, roles) or doc[i].ent_type_ or _headline_case(sentence_of(doc, i)):
            continue
        if not (_foreign_shape(doc[i].text) or doc[i].text in elsewhere):
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and (_capitalized_word(after) or _glued_to_hyphen(doc, i, i + 1)):
            continue
        named.end = i + 1
        named.text = clean_name(doc[named.start : named.end].text)
        covered.add(i)


def _add_coordinated_people(doc: Doc, names: list[Named], roles: RoleTable) -> list[Named]:
    """ "envoys Aliyu Demirel and Tigran Vardanyan": the model found one person of a pair and left the other
    untyped (or typed it a nationality). Two or three capitalized proper nouns joined to a person's full name by
    "and"/"or", and bounded by words that are no part of a name, name a person too, unless a word of theirs is
    in a name of another type elsewhere ("Surrey Police and Surrey Fire", the police named as such before):
    the model's person may be the slip then."""
    covered = {i for n in names for i in range(n.start, n.end) if n.label != "NORP"}
    found: list[tuple[int, int]] = []
    for named in names:
        if (
            named.label != "PERSON"
            or len(named.text.split()) < 2
            or _headline_case(sentence_of(doc, named.start))
        ):
            continue
        if named.end + 1 < len(doc) and doc[named.end].lower_ in NAME_COORDINATORS:
            found.append(_name_run(doc, named.end + 1, 1, covered, roles))
        if named.start >= 2 and doc[named.start - 1].lower_ in NAME_COORDINATORS:
            found.append(_name_run(doc, named.start - 2, -1, covered, roles))
    other = {word for n in names if n.label not in ("PERSON", "NORP") for word in n.text.split()}
    runs = {
        (s, e)
        for s, e in found
        if e - s in COORDINATED_NAME_WORDS and not other.intersection(t.text for t in doc[s:e])
    }
    if not runs:
        return names
    kept = [n for n in names if not any(s <= n.start and n.end <= e for s, e in runs)]
    extra = [Named(s, e, "PERSON", clean_name(doc[s:e].text)) for s, e in runs]
    return sorted(kept + extra, key=lambda n: n.start)


def _name_run(doc: Doc, i: int, step: int, covered: set[int], roles: RoleTable) -> tuple[int, int]:
    """The ``[start, end)`` of capitalized name words from ``i`` walking by ``step`` in its sentence; empty
    unless the word past the run is lower case or, before it, a title ("President"): a capitalized word there
    may be the rest of a longer name ("Levon Arakelyan Foundation"), and a noun after the run makes it a
    modifier ("Civil Rights icon")."""
    sentence = sentence_of(doc, i)
    j, count = i, 0
    while sentence.start <= j < sentence.end and count <= max(COORDINATED_NAME_WORDS):
        if not _name_word(doc, j, covered, roles):
            break
        j, count = j + step, count + 1
    if sentence.start <= j < sentence.end:
        edge = doc[j]
        title = step < 0 and is_title_word(edge.text, roles)
        if (_capitalized_word(edge) and not title) or (step > 0 and edge.pos_ == "NOUN"):
            return (0, 0)  # "Civil Rights icon": a noun after the words makes them its modifier
        if _glued_to_hyphen(doc, min(i, j - step), max(i, j - step) + 1):
            return (0, 0)
    return (i, j) if step > 0 else (j + 1, i + 1)


def _not_a_name_word(tok: Token, roles: RoleTable) -> bool:
    """A capitalized word that names no one: a title ("Minister"), an institution's word ("Ministry"), a place
    or a nationality."""
    lower = tok.lower_
    return (
        is_title_word(tok.text, roles)
        or lower in roles.institutions
        or lower in roles.adjectives
        or lower in roles.demonyms
        or tok.text in roles.places
    )


def _name_word(doc: Doc, i: int, covered: set[int], roles: RoleTable) -> bool:
    """A capitalized proper noun no kept name holds, that could be part of a person's name."""
    tok = doc[i]
    return (
        i not in covered
        and tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.text.replace("'", "").replace("’", "").replace("-", "").isalpha()
        and not tok.is_upper
        and not _not_a_name_word(tok, roles)
    )


def _foreign_shape(word: str) -> bool:
    """An apostrophe between letters that is no English contraction or possessive ("Ndung'u", "Ma'ruf")."""
    for mark in ("'", "’"):
        head, _, tail = word.partition(mark)
        if head.isalpha() and tail.isalpha() and tail.lower() not in ("s", "t", "ll", "re", "ve", "d", "m"):
            return True
    return False


def _capitalized_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()
