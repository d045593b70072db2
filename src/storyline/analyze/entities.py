"""Entities of one document: people, organizations, places… with titles, coreference and metonyms.

Reads a :class:`~storyline.analyze.nlp.Parsed` document (spaCy tokens, POS, lemmas, sentences and NER; no
dependency parse) and returns :class:`storyline.model.Entity` records, one per thing the document refers to,
ids ``f"{doc_id}:e{n}"`` numbered in order of first mention. The work is split in three modules:

* ``analyze.mentions``: named mentions from NER, the small model's slips fixed, titles and appositions
  attached
  ("Azerbaijani President Ilham Aliyev" -> name "Ilham Aliyev", title "Azerbaijani President");
* ``analyze.coref``: surnames, acronyms, role descriptions ("the Azerbaijani leader") and pronouns joined to
  the entity they refer to;
* here: metonyms ("Baku is ready to…", "Moscow said": a place acting as its government) and the records out.
  A place followed by an agency verb is decided from POS and lemmas alone; only when something stands between
  them ("Moscow, in turn, said") is the sentence dependency-parsed (``Parsed.parse``).

Word lists are per language (``storyline/data/roles_<language>.toml``); without one, only names are found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.analyze import coref, mentions, quotes
from storyline.analyze.coref import Cluster, Ref
from storyline.analyze.quote_cues import cues_for
from storyline.analyze.roles import RoleTable, table
from storyline.model import Entity, Mention
from storyline.settings import AnalyzeSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storyline.analyze.nlp import Parsed

__all__ = ["extract"]

MAX_METONYM_GAP = (
    4  # auxiliaries/adverbs allowed between a place and its verb ("Baku has also repeatedly said")
)
METONYM_TYPES = frozenset({"GPE"})
SUBJECT_DEPS = frozenset({"nsubj"})
RELATIVES = frozenset({",", "which", "that", "who"})


def extract(parsed: Parsed, *, settings: AnalyzeSettings | None = None) -> list[Entity]:
    """Every entity the document mentions, each with all its mentions, titles and aliases."""
    settings = settings or AnalyzeSettings()
    doc, document = parsed.doc, parsed.document
    roles = table(document.language or "en")
    names = mentions.find(doc, document.language, roles)
    clusters = coref.cluster_names(doc, names, bodies=roles.bodies if roles else frozenset())
    if roles is not None:
        cues = cues_for(document.language)
        quoted = quotes.inside_quotations(parsed, cues) if cues is not None else None
        coref.resolve_descriptions(doc, clusters, roles, quoted)
        coref.resolve_pronouns(doc, clusters, roles, settings.coref_pronoun_window, quoted)
        _mark_metonyms(parsed, clusters, roles)
    ordered = sorted((c for c in clusters if c.refs), key=lambda c: c.first)
    return [_entity(f"{document.id}:e{n}", document.id, doc, c) for n, c in enumerate(ordered)]


def _entity(entity_id: str, doc_id: str, doc: Doc, cluster: Cluster) -> Entity:
    refs = sorted({(r.start, r.end): r for r in cluster.refs}.values(), key=lambda r: r.start)
    names = [n.text for n in sorted(cluster.names, key=lambda n: n.start)]
    name = _display_name(names) if names else doc[refs[0].start : refs[0].end].text
    return Entity(
        id=entity_id,
        doc_id=doc_id,
        name=name,
        type=cluster.label,
        mentions=tuple(_mention(doc, r) for r in refs),
        titles=tuple(dict.fromkeys(t.text for t in cluster.titles)),
        aliases=tuple(a for a in dict.fromkeys(names) if a != name),
    )


def _display_name(names: list[str]) -> str:
    """The longest name, written as the body writes it: a dateline's or a headline's capitals ("TESSVIK") give
    way to the same name in ordinary case ("Tessvik"), but an acronym written only in capitals stays one."""
    longest = max(names, key=len)
    if longest.isupper():
        return next((n for n in names if n.casefold() == longest.casefold() and not n.isupper()), longest)
    return longest


def _mention(doc: Doc, ref: Ref) -> Mention:
    span = doc[ref.start : ref.end]
    return Mention(span.start_char, span.end_char, span.text, ref.kind, ref.metonym)


def _mark_metonyms(parsed: Parsed, clusters: list[Cluster], roles: RoleTable) -> None:
    for cluster in clusters:
        if cluster.label in METONYM_TYPES:
            for ref in cluster.refs:
                if ref.kind == "name" and _acts(parsed, ref, roles):
                    ref.metonym = True


def _acts(parsed: Parsed, ref: Ref, roles: RoleTable) -> bool:
    """Whether a place name is the subject of an agency verb ("Moscow said", "Baku is ready to")."""
    doc = parsed.doc
    if ref.start > 0 and doc[ref.start - 1].pos_ == "ADP":
        return False
    verdict = _adjacent_verdict(doc, ref.end, roles)
    if verdict is None:
        return _parsed_subject(parsed, ref, roles)
    return verdict


def _adjacent_verdict(doc: Doc, i: int, roles: RoleTable) -> bool | None:
    """Decide from the words after the name; ``None`` when only a parse can tell."""
    j = i
    if j + 1 < len(doc) and doc[j].lower_ == "and" and doc[j + 1].ent_type_ == "GPE":  # "Moscow and Ankara"
        j += 1
        while j < len(doc) and doc[j].ent_type_ == "GPE":
            j += 1
    seen_be = False
    while (
        j < len(doc)
        and j - i <= MAX_METONYM_GAP
        and (doc[j].lower_ in roles.auxiliaries or doc[j].pos_ == "ADV")
    ):
        seen_be = seen_be or doc[j].lemma_ == "be"
        j += 1
    if j >= len(doc):
        return False
    tok = doc[j]
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in roles.agency_verbs:
        return True
    if seen_be and tok.lower_ in roles.agency_adjectives:
        return True
    if tok.lower_ in RELATIVES and j == i and _agency_verb_after(doc, j, roles):
        return None
    return False


def _agency_verb_after(doc: Doc, j: int, roles: RoleTable) -> bool:
    sentence_end = doc[j].sent.end
    return any(t.lemma_ in roles.agency_verbs and t.pos_ == "VERB" for t in doc[j:sentence_end])


def _parsed_subject(parsed: Parsed, ref: Ref, roles: RoleTable) -> bool:
    """Parse the sentence and check that the name heads the subject of an agency verb (or of "be ready")."""
    doc = parsed.doc
    sentence = doc[ref.start].sent
    parse = parsed.parse(sentence)
    token = parse[ref.end - 1 - sentence.start]
    if token.dep_ not in SUBJECT_DEPS:
        return False
    head = token.head
    if head.lemma_ in roles.agency_verbs:
        return True
    return head.lemma_ == "be" and any(c.lower_ in roles.agency_adjectives for c in head.children)
