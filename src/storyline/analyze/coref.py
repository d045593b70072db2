"""Within-document coreference by rules: names, surnames, acronyms, role descriptions and pronouns.

Reads the named mentions of one document (``analyze.mentions``) and groups them into clusters:

* names: the same string; a surname or first name ("Aliyev") joins the full name nearest before it (or the
  first after it, for headlines); an acronym ("OSCE") joins the organization whose initials it spells, and an
  organization's last words ("the Times", "the Red Sox") its full name;
* descriptions: "the Azerbaijani leader", "the president", "Sweden's top diplomat" join the person whose title
  has a compatible role head and no conflicting country (``roles.descriptions_match``), nearest first;
* pronouns: he/she/his/her join the most recent gender-compatible person, preferring a subject-like mention
  (one not right after a preposition or verb) of the same sentence, then of the nearest preceding sentence
  that has one, looking back ``window`` sentences (so "…," he was quoted as saying" after a quote works).
  A person's gender is what the text says (an honorific, a gendered title, a pronoun already joined), else
  what a clearly gendered first name suggests (``analyze.first_names``: "Hillary Clinton"), else unknown;
  an unknown-gender person is as good an antecedent as a known one (preferring the known one would favour
  common English first names over foreign ones: "Wladimir Klitschko stopped Tony Thompson … his titles").
  Outside quotation marks, descriptions and pronouns look only at people named outside them (the speaker, not
  the man a quoted speaker addressed); a description with no such person takes the nearest one anyway, a
  pronoun stays unresolved.

Every rule is measured by ``eval/entities.py`` on ECB+ and by the hand-made table in tests/test_entities.py.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.analyze import first_names
from storyline.analyze.mentions import DETERMINERS, Named
from storyline.analyze.nlp import token_lowers
from storyline.analyze.quote_marks import Inside
from storyline.analyze.roles import (
    RoleTable,
    Title,
    countries_match,
    country_of,
    descriptions_match,
    role_head,
)
from storyline.model import MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ACRONYM_SKIP = frozenset({"and", "of", "for", "the", "in", "on", "to", "&"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "his", "hers"})  # subject or possessive: prefer the subject
REFLEXIVE_OR_OBJECT = frozenset({"him", "himself", "herself"})  # prefer the nearest mention
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})  # "his … counterpart": whose office
# words of a question in a participle's opening clause ("Asked whether Trump …, he said"): its verbs are the question's
OPENER_QUESTION_WORDS = frozenset({"whether", "if", "what", "why", "how", "when", "where", "who", "about"})
PLACE_GROUP = {"GPE": "PLACE", "LOC": "PLACE"}


@dataclass
class Ref:
    """One mention of a cluster, as a token range."""

    start: int
    end: int
    kind: MentionKind
    metonym: bool = False


@dataclass
class Cluster:
    """A working entity: its names, titles and every reference found so far."""

    label: str
    names: list[Named] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    gender: str | None = None  # what the text says: an honorific, a gendered title, a pronoun already joined
    first_name_gender: str | None = None  # what a clearly gendered first name suggests; ``gender`` wins

    def add(self, named: Named) -> None:
        self.names.append(named)
        self.refs.append(Ref(named.start, named.end, "name"))
        for title, (start, end) in zip(named.titles, named.title_spans, strict=True):
            self.titles.append(title)
            self.refs.append(Ref(start, end, "title"))
        self.gender = self.gender or named.gender
        self.first_name_gender = self.first_name_gender or _first_name_gender(named)

    def may_be(self, gender: str) -> bool:
        """Whether a pronoun of this gender may refer to the person: unknown or the same gender."""
        return (self.gender or self.first_name_gender) in (None, gender)

    @property
    def first(self) -> int:
        return min(ref.start for ref in self.refs)


def _first_name_gender(named: Named) -> str | None:
    """The gender a person's written first name gives ("Hillary Clinton" -> "f"); a lone word may be a
    surname ("Sanders", "Russell"), so it gives none."""
    words = named.text.split()
    if named.label != "PERSON" or len(words) < 2:
        return None
    return first_names.gender_of(words[0])


def cluster_names(doc: Doc, names: list[Named], *, bodies: frozenset[str] = frozenset()) -> list[Cluster]:
    """Group named mentions: full names and other types first, then single-word person names. ``bodies``:
    one-word organizations that never join a longer name by its last word ("Senate")."""
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, str], Cluster] = {}
    deferred: list[Named] = []
    for named in names:
        if named.label == "PERSON" and " " not in named.text:
            deferred.append(named)
            continue
        key = (PLACE_GROUP.get(named.label, named.label), folded(named.text))
        cluster = (
            by_key.get(key)
            or _same_person(named, clusters)
            or _acronym_of(doc, named, clusters)
            or _same_organization_shortened(doc, named, clusters, bodies)
        )
        if cluster is None:
            cluster = Cluster(named.label)
            clusters.append(cluster)
        by_key.setdefault(key, cluster)
        cluster.add(named)
    for named in deferred:
        cluster = _by_part(named, clusters) or by_key.get(("PERSON", folded(named.text)))
        if cluster is None:
            cluster = Cluster("PERSON")
            clusters.append(cluster)
            by_key[("PERSON", folded(named.text))] = cluster
        cluster.add(named)
    return clusters


@functools.lru_cache(maxsize=4096)
def folded(name: str) -> str:
    """A name compared case- and accent-blind: "İlham Aliyev" (Turkish dotted İ) is "Ilham Aliyev".

    Cached: clustering compares every single-word person with every name of every person cluster (``_by_part``),
    several hundred foldings of the same few dozen names per document."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _same_person(named: Named, clusters: list[Cluster]) -> Cluster | None:
    """ "Vladimir Vladimirovich Putin" and "Vladimir Putin": same first and last word; "Wasserman Schultz" and
    "Debbie Wasserman Schultz": a two-word surname."""
    if named.label != "PERSON":
        return None
    words = folded(named.text).split()
    for cluster in clusters:
        if cluster.label == "PERSON":
            for other in cluster.names:
                parts = folded(other.text).split()
                if len(parts) > 1 and parts[0] == words[0] and parts[-1] == words[-1]:
                    if _middles_differ(parts, words):
                        continue
                    return cluster
                if len(parts) > len(words) > 1 and parts[-len(words) :] == words:
                    return cluster
    return None


def _middles_differ(one: list[str], other: list[str]) -> bool:
    """Two full names with the same first and last word whose middle names both are written and disagree:
    "George H.W. Bush" and "George W. Bush" are father and son ("George Herbert Walker Bush" is the
    father again: middle names are compared by their initials)."""
    first, second = _middle_initials(one), _middle_initials(other)
    return bool(first) and bool(second) and first != second


def _middle_initials(words: list[str]) -> str:
    """ "h.w." -> "hw", "herbert walker" -> "hw"; a nickname in quotes is no middle name."""
    initials = ""
    for word in words[1:-1]:
        if not word[:1].isalpha():
            continue
        letters = [part for part in word.split(".") if part]
        initials += "".join(part[0] for part in letters) if "." in word else word[:1]
    return initials


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w.lower() not in ACRONYM_SKIP and w[:1].isupper())


def _acronym_of(doc: Doc, named: Named, clusters: list[Cluster]) -> Cluster | None:
    """An all-capitals ORG that spells a longer ORG's initials, or follows it in parentheses; the initials of a
    union or a state the model read as a place count too ("EU" after "European Union", typed GPE)."""
    if named.label != "ORG" or " " in named.text or not named.text.isupper():
        return None
    defined_before = named.start >= 2 and doc[named.start - 1].text == "("
    for cluster in clusters:
        if cluster.label not in ("ORG", "GPE"):
            continue
        for other in cluster.names:
            if " " in other.text and _initials(other.text) == named.text:
                return cluster
            if defined_before and other.end == named.start - 1 and cluster.label == "ORG":
                return cluster
    return None


def _same_organization_shortened(
    doc: Doc, named: Named, clusters: list[Cluster], bodies: frozenset[str]
) -> Cluster | None:
    """ "Boston Red Sox" and "Red Sox", "The New York Times" and "the Times", "Trump Administration" and "the
    Administration": an organization named in full and by its last words, whichever comes first. A body every
    level of government has ("the Senate") stays apart from a longer name: it may be another level's."""
    if named.label != "ORG":
        return None
    for cluster in clusters:
        if cluster.label == "ORG" and any(
            _shortened(doc, named, other, bodies) or _shortened(doc, other, named, bodies)
            for other in cluster.names
        ):
            return cluster
    return None


def _shortened(doc: Doc, full: Named, short: Named, bodies: frozenset[str]) -> bool:
    """Whether ``full`` is capitalized words followed by the words of ``short``, and ``short`` no generic body."""
    extra = (full.end - full.start) - (short.end - short.start)
    words = [t.lower_ for t in doc[short.start : short.end]]
    if extra < 1 or (len(words) == 1 and words[0] in bodies):
        return False
    lead = doc[full.start : full.start + extra]
    same = [t.lower_ for t in doc[full.start + extra : full.end]] == words
    capitalized = all(t.is_alpha and t.text[:1].isupper() for t in lead)
    return same and capitalized and not _other_owner(doc, short, [t.lower_ for t in lead])


def _other_owner(doc: Doc, short: Named, lead: list[str]) -> bool:
    """Whether a country or a possessor before the short name is not the full name's ("the Russian Foreign
    Ministry" … "**Moldova's** Foreign Ministry"); "Russia's" fits "Russian"."""
    i = short.start - 1
    possessive = i >= 0 and doc[i].tag_ == "POS"
    if possessive:
        i -= 1
    if i < 0 or not (possessive or doc[i].ent_type_ in ("GPE", "NORP")):
        return False
    owner = doc[i].lower_
    return not any(word.startswith(owner) or owner.startswith(word) for word in lead)


def _by_part(named: Named, clusters: list[Cluster]) -> Cluster | None:
    """The person whose full name ends (else starts) with this word: nearest before, else first after."""
    for position in (-1, 0):
        matches = [
            c
            for c in clusters
            if c.label == "PERSON"
            and any(" " in n.text and folded(n.text).split()[position] == folded(named.text) for n in c.names)
        ]
        if matches:
            return _nearest(matches, named.start)
    return None


def _nearest(
    clusters: list[Cluster], token: int, counts: Callable[[Ref], bool] = lambda ref: True
) -> Cluster:
    """The cluster mentioned last before ``token`` (only mentions that ``counts``); else the one mentioned
    first after it."""
    before = [
        (max(r.start for r in c.refs if r.start < token and counts(r)), i)
        for i, c in enumerate(clusters)
        if any(r.start < token and counts(r) for r in c.refs)
    ]
    if before:
        return clusters[max(before)[1]]
    return min(clusters, key=lambda c: c.first)


@dataclass(frozen=True)
class Description:
    """A role description such as "the Azerbaijani leader" (token range) and what it can match."""

    start: int
    end: int
    head: str
    country: str | None
    modifiers: tuple[str, ...] = ()  # words of the office's field the title must have too ("armed forces")
    bodies: tuple[str, ...] = ()  # a generic head's names of a body ("Kremlin" of "the Kremlin official")


def resolve_descriptions(
    doc: Doc, clusters: list[Cluster], roles: RoleTable, quoted: Inside | None = None
) -> None:
    """Attach "the Russian leader"-style descriptions to the titled person they fit; drop the rest.

    Outside quotation marks (``quoted``), the person named last before the description is looked for outside
    them too: '"I say to Prime Minister Talvane: …," the Varnian leader said' is the speaker, not Talvane.
    """
    taken = _taken_tokens(clusters)
    last_words = {head.split()[-1] for head in roles.heads} | {k.split()[-1] for k in roles.descriptions}
    people = [c for c in clusters if c.label == "PERSON" and c.titles]
    if not people:
        return
    named = {i for c in clusters if c.label == "PERSON" for r in c.refs for i in range(r.start, r.end)}
    for i, lower in enumerate(token_lowers(doc)):
        if (
            lower in last_words
            and i not in taken
            and doc[i].pos_ in ("NOUN", "PROPN")
            and not _head_goes_on(doc, i, roles)
        ):
            description = _description(doc, i, roles, named)
            if description is not None:
                _attach(description, people, roles, _outside(doc, quoted, doc[i].idx))


def _head_goes_on(doc: Doc, i: int, roles: RoleTable) -> bool:
    """A role word a longer head continues ("secretary" in "NATO's secretary general"): the description ends
    later, and the shorter one would be a second, wrong one."""
    return i + 1 < len(doc) and f"{doc[i].lower_} {doc[i + 1].lower_}" in roles.heads


def _taken_tokens(clusters: list[Cluster]) -> set[int]:
    return {i for c in clusters for r in c.refs for i in range(r.start, r.end)}


def _description(doc: Doc, i: int, roles: RoleTable, named: set[int]) -> Description | None:
    """The definite role phrase ending at token ``i`` ("the Azerbaijani leader"), or ``None``; ``named``: the
    tokens of the document's person names."""
    end = i + 1
    if end < len(doc) and doc[end].ent_type_ == "PERSON":
        return None  # a title before a name, handled with the name
    start = i
    while start > 0 and _modifier(doc, start - 1, roles):
        start -= 1
    while doc[i].lower_ in roles.generic and start > 0 and _body_word(doc[start - 1]):
        start -= 1  # "the Kremlin official", "the State Department official"
    if start > 0 and doc[start].lower_ in ("'s", "’s") and doc[start - 1].pos_ == "PROPN":
        if doc[start - 1].ent_type_ == "PERSON" or start - 1 in named:
            return None  # "Carter’s press secretary" is somebody else
        start -= 1  # the owner the walk stopped at: "Trend’s president", not "’s president"
    possessive = any(doc[j].lower_ in ("'s", "’s") for j in range(start, i))
    before = doc[start - 1].lower_ if start > 0 else ""
    relational = doc[i].lower_ in roles.relational and before in POSSESSIVE_PRONOUNS  # "his … counterpart"
    if not possessive and not relational and before not in DETERMINERS - {"a", "an"}:
        return None
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in ("state", "government"):
        end += 2
    words = [t.text for t in doc[start:end] if t.lower_ not in ("'s", "’s")]
    head = role_head(words, roles) or (doc[i].lower_ if doc[i].lower_ in roles.descriptions else None)
    if head is None:
        return None
    country, end = _description_country(doc, start, end, roles)
    if head in roles.relational and country is None:
        return None  # "his counterpart": whose, the text does not say
    lowers = [w.lower() for w in words]
    modifiers = tuple(w for w in lowers if w in roles.field_modifiers and w not in head.split())
    bodies = tuple(t.lower_ for t in doc[start:i] if _body_word(t)) if head in roles.generic else ()
    return Description(start if possessive else start - 1, end, head, country, modifiers, bodies)


def _body_word(token: Token) -> bool:
    """A word of a body's name before a generic head ("Kremlin", "State Department"), not a person's."""
    return token.pos_ == "PROPN" and token.ent_type_ != "PERSON" and "\n" not in token.whitespace_


def _modifier(doc: Doc, j: int, roles: RoleTable) -> bool:
    tok = doc[j]
    # a listed place or a nationality the model read as a person: "His Azerbaijani (PERSON) counterpart"
    misread = tok.text in roles.places or tok.lower_ in roles.demonyms
    if "\n" in tok.whitespace_ or (tok.ent_type_ == "PERSON" and not misread):
        return False  # a listed place or nationality the model read as a person still counts (see below)
    return (
        tok.lower_ in roles.words
        or tok.lower_ in roles.demonyms
        or tok.ent_type_ in ("NORP", "GPE")
        or tok.text in roles.places  # "Azerbaijan’s president", the name read as an organization or a person
        or tok.lower_ in ("'s", "’s")
    )


def _description_country(doc: Doc, start: int, end: int, roles: RoleTable) -> tuple[str | None, int]:
    """The country a description names, inside ("Russian", "Russia's") or after it ("of Russia")."""
    for tok in doc[start:end]:
        if (
            tok.ent_type_ in ("NORP", "GPE") or tok.lower_ in roles.demonyms or tok.text in roles.places
        ) and tok.lower_ not in roles.words:
            return country_of(tok.text, roles), end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE":
        stop = end + 1
        while stop < len(doc) and doc[stop].ent_type_ == "GPE" and doc[stop].ent_iob_ != "O":
            stop += 1
            if stop < len(doc) and doc[stop].ent_iob_ == "B":
                break
        return country_of(doc[end + 1 : stop].text, roles), stop
    return None, end


def _attach(
    description: Description, people: list[Cluster], roles: RoleTable, counts: Callable[[Ref], bool]
) -> None:
    """Add the description to the best-fitting person: a country match beats an unknown country; among those,
    the one last mentioned where ``counts``, else the nearest. A relational description ("his American
    counterpart") takes a country match only: the person of unknown country nearby is the other side."""
    for exact in (True,) if description.head in roles.relational else (True, False):
        fits = [c for c in people if _fits(description, c, exact, roles)]
        if fits:
            nearest = _nearest(fits, description.start, counts)
            if not any(r.start < description.start and counts(r) for c in fits for r in c.refs):
                nearest = _nearest(fits, description.start)
            nearest.refs.append(Ref(description.start, description.end, "nominal"))
            return


def _outside(doc: Doc, quoted: Inside | None, offset: int) -> Callable[[Ref], bool]:
    """For a phrase at ``offset``: which mentions count as its antecedents. Outside quotation marks, only
    mentions outside them; inside, all."""
    if quoted is None or quoted(offset):
        return lambda ref: True
    return lambda ref: not quoted(doc[ref.start].idx)


def _fits(description: Description, cluster: Cluster, exact: bool, roles: RoleTable) -> bool:
    for title in cluster.titles:
        if description.bodies:  # "the Kremlin official": any office of the Kremlin
            if title.head is not None and set(description.bodies) <= set(title.text.lower().split()):
                return True
            continue
        if title.head is None or not descriptions_match(description.head, title.head, roles):
            continue
        if any(word not in title.text.lower().split() for word in description.modifiers):
            continue  # "Iran's armed forces chief" is not the Supreme Leader
        if exact and description.country is not None and title.country == description.country:
            return True
        if not exact and countries_match(description.country, title.country):
            return True
    return False


def resolve_pronouns(
    doc: Doc, clusters: list[Cluster], roles: RoleTable, window: int, quoted: Inside | None = None
) -> None:
    """Attach third-person singular pronouns to people (see the module docstring for the preference order).

    A pronoun outside quotation marks skips the people named only inside a quotation (``quoted``): in
    '"… I say to Prime Minister Talvane: …" He said he had accepted' the narrator's "he" is the speaker, not
    the man the speaker addressed.
    """
    sentence_starts = [s.start for s in doc.sents]
    people = [c for c in clusters if c.label == "PERSON"]
    if not people:
        return
    for i, lower in enumerate(token_lowers(doc)):
        gender = roles.pronouns.get(lower)
        if gender is None or doc[i].pos_ not in ("PRON", "DET"):
            continue
        sentence = bisect.bisect_right(sentence_starts, i) - 1
        if _common_person_before(doc, sentence_starts[sentence], i, gender, roles):
            continue  # "a woman died in hospital of her injuries": hers, no named person's
        counts = _outside(doc, quoted, doc[i].idx)
        cluster = _antecedent(doc, i, sentence, sentence_starts, people, gender, window, counts)
        if cluster is not None:
            cluster.refs.append(Ref(i, i + 1, "pronoun"))
            cluster.gender = cluster.gender or gender


def _common_person_before(doc: Doc, start: int, i: int, gender: str, roles: RoleTable) -> bool:
    """Whether a person of the pronoun's gender introduced by a common noun ("a woman", "a 64-year-old man")
    comes before the pronoun at ``i`` in its sentence, with no name between: the nearer antecedent."""
    for j in range(i - 1, start - 1, -1):
        token = doc[j]
        if token.ent_type_ == "PERSON":
            return False
        if token.pos_ == "NOUN" and roles.people.get(token.lower_) == gender and _introduced(doc, start, j):
            return True
    return False


def _introduced(doc: Doc, start: int, noun: int) -> bool:
    """Whether the noun at ``noun`` heads a phrase with "a" or "an" that opens its sentence or a clause after a
    comma or "and" ("A 64-year-old man was killed …", "…, and a woman died"): a person the sentence brings in
    as its subject. Not a modifier ("a three-man race"), an object ("would consider a woman") or a predicate
    ("he's a wonderful man"), after which the pronoun is often still the named person's."""
    if noun + 1 < len(doc) and doc[noun + 1].pos_ in ("NOUN", "PROPN"):
        return False
    for j in range(noun - 1, max(start, noun - 8) - 1, -1):
        if doc[j].lower_ in ("a", "an"):
            return j == start or doc[j - 1].pos_ in ("PUNCT", "CCONJ")
        hyphenated = doc[j + 1].tag_ == "HYPH" or (j > start and doc[j - 1].tag_ == "HYPH")  # "64-year-old"
        if doc[j].pos_ not in ("ADJ", "NUM", "PUNCT", "ADV") and doc[j].tag_ != "HYPH" and not hyphenated:
            return False
    return False


def _antecedent(
    doc: Doc,
    i: int,
    sentence: int,
    starts: list[int],
    people: list[Cluster],
    gender: str,
    window: int,
    counts: Callable[[Ref], bool],
) -> Cluster | None:
    """The cluster a pronoun at token ``i`` refers to, or ``None`` when no compatible person is near; only
    mentions that ``counts`` are looked at."""
    nearest_first = doc[i].lower_ in REFLEXIVE_OR_OBJECT or (doc[i].lower_ == "her" and doc[i].tag_ == "PRP")
    for back in range(window + 1):
        index = sentence - back
        if index < 0:
            break
        if back == 0 and _after_participial_opener(doc, starts[index], i):
            continue
        lo = starts[index]
        hi = i if back == 0 else (starts[index + 1] if index + 1 < len(starts) else len(doc))
        candidates = [
            (ref, c)
            for c in people
            if c.may_be(gender)
            for ref in c.refs
            if lo <= ref.start and ref.end <= hi and ref.kind != "title"
            if counts(ref)
        ]
        if candidates:
            return _prefer(doc, candidates, nearest_first and back == 0, earlier=back > 0)
    return None


def _after_participial_opener(doc: Doc, start: int, i: int) -> bool:
    """Whether the pronoun at ``i`` opens the main clause after a participle's clause that opens the sentence
    ("Asked whether Trump supported it, **he** said …", "Flanked by Macron, **he** said …"): the subject is
    who was asked, never a person the opener names. Not where a finite verb outside a question in it shows
    the opener was a clause of its own ("According to reports Reid's representative Jack Ketsoyan left a
    statement, he said")."""
    if i <= start + 1 or doc[i - 1].text != "," or doc[start].tag_ not in ("VBN", "VBG"):
        return False
    for token in doc[start : i - 1]:
        if token.lower_ in OPENER_QUESTION_WORDS:
            return True  # "Asked whether Trump supported it": the verbs after it are the question's
        if token.tag_ in ("VBD", "VBZ", "VBP"):
            return False
    return True


def _prefer(
    doc: Doc, candidates: list[tuple[Ref, Cluster]], nearest: bool, *, earlier: bool = False
) -> Cluster:
    """Nearest mention for reflexives/objects; otherwise the first subject-like one, else the first. In an
    ``earlier`` sentence, an owner before a role and a name is not subject-like (``_owns_a_named_role``)."""
    ordered = sorted(candidates, key=lambda pair: pair[0].start)
    if nearest:
        return ordered[-1][1]
    for ref, cluster in ordered:
        edge = _left_edge(ref, cluster)
        before = doc[edge - 1] if edge > 0 else None
        owner = _modifies_a_noun(doc, ref) or (earlier and _owns_a_named_role(doc, ref))
        if (before is None or before.pos_ not in ("ADP", "VERB")) and not owner:
            return cluster
    return ordered[0][1]


def _owns_a_named_role(doc: Doc, ref: Ref) -> bool:
    """A possessive pronoun before a role and a name ("**his** lawyer Naeem Panjutha told reporters …"): the
    sentence is about the lawyer, so a "he" in the next sentence is his."""
    role, name = ref.end, ref.end + 1
    return (
        ref.kind == "pronoun"
        and doc[ref.start].tag_ == "PRP$"
        and name < len(doc)
        and doc[role].pos_ == "NOUN"
        and doc[name].ent_type_ == "PERSON"
    )


def _modifies_a_noun(doc: Doc, ref: Ref) -> bool:
    """A name right before a noun, which it modifies ("**Georgian Dream** founder Bidzina Ivanishvili", "the
    **Trump** campaign"): the phrase's head, not the name, is what the sentence is about. (The tagged document
    has no parse here: the next word's part of speech tells.)"""
    return ref.kind == "name" and ref.end < len(doc) and doc[ref.end].pos_ in ("NOUN", "PROPN")


def _left_edge(ref: Ref, cluster: Cluster) -> int:
    """Where a name's whole noun phrase starts: before its titles ("OSCE Chairperson-in-Office and …")."""
    edge = ref.start
    moved = True
    while moved:
        moved = False
        for title in cluster.refs:
            if title.kind == "title" and title.start < edge and edge - title.end in (0, 1):
                edge, moved = title.start, True
    return edge
