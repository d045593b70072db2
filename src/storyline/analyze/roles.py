"""Per-language tables of titles, role descriptions, pronouns and nationality words, and title matching.

The tables live in ``storyline/data/roles_<language>.toml`` so that nothing English is hard-coded in the
extractor: a language without a table still gets named entities, only titles, descriptions ("the Russian
leader"), pronouns and metonyms are left alone. :class:`Title` is what the coreference rules compare: the
country a title names (from "Azerbaijani", "Sweden's", "of Armenia") and its role head ("foreign minister").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from storyline.data import agency_entries, load_table

_WORD_SPLIT = re.compile(r"[\s]+")


@dataclass(frozen=True)
class RoleTable:
    """One language's word lists (all lower case)."""

    language: str
    heads: frozenset[str]  # role heads, single- or multi-word ("president", "foreign minister")
    words: frozenset[str]  # every word that may appear inside a title (heads' words + modifiers)
    descriptions: Mapping[str, frozenset[str]]  # description head -> title heads it may refer to
    honorifics: Mapping[str, str]  # "mr." -> "m"; "" = no gender
    gendered: Mapping[str, str]  # head -> gender ("spokeswoman" -> "f")
    pronouns: Mapping[str, str]  # "he" -> "m"
    agency_verbs: frozenset[str]  # lemmas whose place-name subject is a metonym
    agency_adjectives: frozenset[str]  # "be ready to": adjectives with the same effect
    auxiliaries: frozenset[str]  # words allowed between such a subject and its verb
    place_prepositions: frozenset[str]  # "in", "from": a single name after them is a place
    places: frozenset[str]  # capitals, regions and the countries of the demonym table (original case)
    place_modifiers: frozenset[str]  # "upper", "northern": a listed place after one is still a place
    demonyms: Mapping[str, str]  # nationality adjectives and country-name variants -> country
    adjectives: frozenset[str]  # the nationality adjectives alone ("azerbaijani"): these are NORP, not GPE
    outlets: frozenset[str] = (
        frozenset()
    )  # news agencies, outlets (data/agencies.toml) and platforms: organizations
    institutions: frozenset[str] = frozenset()  # last words of an organization's name ("federation")
    states: frozenset[str] = frozenset()  # last words of a state's name ("republic", "reich")
    bodies: frozenset[str] = frozenset()  # "senate", "house": every level of government has one
    place_nouns: Mapping[str, str] = field(default_factory=dict)  # "corridor" -> "LOC"
    subordinates: frozenset[str] = frozenset()  # "vice", "deputy": "vice president" is no "president"
    name_particles: frozenset[str] = frozenset()  # "von", "de": lower-case words inside a person's name
    people: Mapping[str, str] = field(default_factory=dict)  # "woman" -> "f": common nouns of people
    relational: frozenset[str] = frozenset()  # "counterpart": a description by another's office
    field_modifiers: frozenset[str] = frozenset()  # "economy": a description's word the title must have too
    generic: frozenset[str] = frozenset()  # "official": any office, of the body the description names


@dataclass(frozen=True)
class Title:
    """A title as the coreference rules compare it."""

    text: str  # as written: "Swedish Foreign Minister"
    country: str | None  # "Sweden"
    head: str | None  # "foreign minister"


@functools.lru_cache(maxsize=8)
def table(language: str | None) -> RoleTable | None:
    """The table for ``language`` (``None`` means English), or ``None`` when there is no data file."""
    data = load_table(f"roles_{language or 'en'}.toml")
    if data is None:
        return None
    titles, metonyms, places = data["titles"], data["metonyms"], data["places"]
    heads = frozenset(titles["heads"])
    words = {w for head in heads for w in _words(head)} | set(titles["modifiers"])
    return RoleTable(
        language=language or "en",
        heads=heads,
        words=frozenset(words),
        descriptions={k: frozenset(v) for k, v in data["descriptions"].items()},
        honorifics=dict(titles["honorifics"]),
        gendered=dict(titles["gendered"]),
        pronouns=dict(data["pronouns"]),
        agency_verbs=frozenset(metonyms["verbs"]),
        agency_adjectives=frozenset(metonyms["adjectives"]),
        auxiliaries=frozenset(metonyms["auxiliaries"]),
        place_prepositions=frozenset(places["prepositions"]),
        places=frozenset(places["capitals"])
        | frozenset(places["regions"])
        | frozenset(data["demonyms"].values())
        | frozenset(data["country_names"].values()),
        place_modifiers=frozenset(places["modifiers"]),
        demonyms={**data["demonyms"], **data["country_names"]},
        adjectives=frozenset(data["demonyms"]),
        outlets=_outlets() | frozenset(data.get("organizations", {}).get("platforms", ())),
        institutions=frozenset(places.get("institutions", ())),
        states=frozenset(places.get("states", ())),
        bodies=frozenset(places.get("bodies", ())),
        place_nouns=dict(places.get("nouns", {})),
        subordinates=frozenset(titles.get("subordinates", ())),
        name_particles=frozenset(titles.get("name_particles", ())),
        relational=frozenset(titles.get("relational", ())),
        field_modifiers=frozenset(titles.get("field_modifiers", ())),
        generic=frozenset(titles.get("generic", ())),
        people=dict(titles.get("people", {})),
    )


def _outlets() -> frozenset[str]:
    """Names and aliases of the known outlets, three letters or more (bare "AP" or "AA" are too ambiguous)."""
    names = {name for entry in agency_entries() for name in (entry["name"], *entry.get("aliases", []))}
    return frozenset(name for name in names if len(name) >= 3)


def _words(text: str) -> list[str]:
    """Lower-case words of ``text``, hyphenated compounds kept whole and also split."""
    out: list[str] = []
    for word in _WORD_SPLIT.split(text.lower().strip()):
        if word:
            out.append(word)
            if "-" in word:
                out.extend(part for part in word.split("-") if part)
    return out


def is_title_word(word: str, roles: RoleTable) -> bool:
    """Whether ``word`` (any case) can be part of a title."""
    lower = word.lower()
    return lower in roles.words or lower in roles.heads


def role_head(words: list[str], roles: RoleTable) -> str | None:
    """The longest known role head in a title's words ("deputy foreign minister" -> "foreign minister")."""
    lowered = [w.lower() for w in words]
    best: str | None = None
    for size in range(min(5, len(lowered)), 0, -1):
        for start in range(len(lowered) - size + 1):
            phrase = _join(lowered[start : start + size])
            if phrase in roles.heads and (best is None or len(phrase) > len(best)):
                best = phrase
        if best is not None:
            return best
    return None


def _join(words: list[str]) -> str:
    """Join words, re-gluing hyphenated compounds that the tokenizer split ("chairperson - in - office")."""
    return " ".join(words).replace(" - ", "-")


def country_of(word: str, roles: RoleTable) -> str | None:
    """The country a nationality adjective or country name stands for ("Swedish" -> "Sweden")."""
    lower = word.lower().strip()
    if lower in roles.demonyms:
        return roles.demonyms[lower]
    if lower.endswith("s") and lower[:-1] in roles.demonyms:  # "Azerbaijanis"
        return roles.demonyms[lower[:-1]]
    return word.strip() or None


def descriptions_match(description: str, title_head: str, roles: RoleTable) -> bool:
    """Whether a description head ("leader") can refer to someone whose title head is ``title_head``: "the
    minister" to a "foreign minister", but "the president" not to a "vice president"."""
    if description == title_head:
        return True
    allowed = roles.descriptions.get(description)
    if allowed is not None:
        return title_head in allowed
    return title_head.endswith(" " + description) and title_head.split()[0] not in roles.subordinates


def countries_match(a: str | None, b: str | None) -> bool:
    """Unknown countries are compatible with anything; known ones must agree."""
    return a is None or b is None or a == b
