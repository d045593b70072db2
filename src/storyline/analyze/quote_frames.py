"""Verbs of no cue table that frame a quotation: speech, whatever the verb.

News writers vary the verb of a direct quote ("“…,” Vale quipped", "“…!” beamed Ortiz", "Vale cracked, “…”"),
and no table lists every such verb. In these tight shapes the verb can only be telling how the quotation was
said, so ``framing_verbs`` finds them from the tags alone (for the parse plan as for extraction), and
``quote_attributions`` reads each as a speech verb that is a cue only next to a quotation:

- after a quotation that opens its sentence and closes on a comma, "!" or "?" inside its marks: a finite verb
  right after the closing mark with its subject after it ("“…!” beamed Ortiz"), or a short subject phrase and
  then the verb, the sentence ending or going on with an adverb or a preposition ("“…,” an angry Vale
  retaliated.", "“…,” Vale quipped on Friday");
- before a quotation: a subject, its finite verb and a comma right before the opening mark ("Vale cracked,
  “…”", "as his friends jeered, “…”"), unless the quotation closes on a comma, which hands it on to a frame
  after it ("The market crashed, “…,” one trader groaned": not the market's words).

The quotation opens with a capital (speech, not a title inside the sentence) and is not itself a title in
title case ("“Dune,” Villeneuve directed"), and a copula or auxiliary ("“…,”
was another") is no cue. A verb of the tables is left to them. Counts on PolNeAR train are in docs/QUOTES.md
(branch cue30).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.attrs import IDX

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.quote_cues import CueTable
    from storyline.analyze.quote_marks import Quoted

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
SUBJECT_POS = frozenset({"PROPN", "NOUN", "PRON"})  # what the word right before a framing verb is
# what the subject phrase between a closing mark and its verb is made of ("Tom Vale, the head of the group,")
PHRASE_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "ADP", "PUNCT", "CCONJ", "PART"})
PHRASE_STOPS = frozenset(".;:!?\"“”'‘’«»()")  # punctuation a subject phrase never holds
OPENING_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})  # the first word of a subject
AFTER_POS = frozenset({"PUNCT", "ADP", "ADV", "SCONJ"})  # what may follow a verb whose subject came first
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
CLOSING_PUNCT = frozenset(",!?")  # a quotation handing on to its frame closes on one of these
SENTENCE_ENDS = ".!?"
MAX_SUBJECT = 10  # tokens of the subject phrase between a closing mark and its verb


def framing_verbs(doc: Doc, text: str, quoted: Sequence[Quoted], table: CueTable) -> list[int]:
    """Indexes of the verbs of no table that frame one of the ``quoted`` quotations of ``doc`` (whose text is
    ``text``), in order."""
    if not quoted or not len(doc):
        return []
    starts = doc.to_array(IDX).tolist()
    found = set()
    for q in quoted:
        words = text[q.start : q.end].strip("\"“”'‘’«» ")
        if not words[:1].isupper() or _title(doc, starts, q, words):
            continue
        after = bisect.bisect_left(starts, q.end)
        if after < len(doc) and _closes_on_frame(text, q, words) and (verb := _after(doc, after)) is not None:
            found.add(verb.i)
        before = bisect.bisect_left(starts, q.start) - 1
        if before > 0 and not words.endswith(",") and (verb := _before(doc, before)) is not None:
            found.add(verb.i)
    return sorted(i for i in found if not _listed(doc[i], table))


def _title(doc: Doc, starts: list[int], q: Quoted, words: str) -> bool:
    """Whether the quotation is a work's title, not speech: every word capitalized, more than one word or a
    proper noun, and no "!" or "?" ("“Dune,” Villeneuve directed in 2021", "The band played, “Hey Jude”": the
    verb makes the work; "“Enough,” Vale quipped" and the chant "“Lock Her Up!” the crowd roared" stay)."""
    if words[-1:] in "!?":
        return False
    inside = doc[bisect.bisect_left(starts, q.start) : bisect.bisect_left(starts, q.end)]
    alpha = [token for token in inside if token.is_alpha]
    capitalized = bool(alpha) and all(token.text[:1].isupper() for token in alpha)
    return capitalized and (len(alpha) > 1 or alpha[0].pos_ == "PROPN")


def _closes_on_frame(text: str, q: Quoted, words: str) -> bool:
    """Whether the quotation opens its sentence (a line, or a full stop before it) and closes on a comma, "!"
    or "?" inside its marks."""
    line = text[text.rfind("\n", 0, q.start) + 1 : q.start].rstrip().rstrip("\"”’'»")
    return words[-1:] in CLOSING_PUNCT and (not line or line[-1] in SENTENCE_ENDS)


def _after(doc: Doc, first: int) -> Token | None:
    """The verb after a closing mark: inverted ("beamed Ortiz") or after a short subject phrase ("an angry Vale
    retaliated.")."""
    token = doc[first]
    if _finite_verb(token):
        following = doc[first + 1] if first + 1 < len(doc) else None
        return token if following is not None and following.pos_ in OPENING_POS else None
    if token.pos_ not in OPENING_POS:
        return None
    for token in doc[first + 1 : first + 1 + MAX_SUBJECT]:
        if "\n" in token.text or token.text in PHRASE_STOPS or token.tag_ in RELATIVE_TAGS:
            return None  # "Ann Lee, who served as …, told CBS": the verb of a relative clause frames nothing
        if token.pos_ in PHRASE_POS:
            continue
        before = doc[token.i - 1]
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        ends = following is None or following.pos_ in AFTER_POS
        return token if _finite_verb(token) and before.pos_ in SUBJECT_POS and ends else None
    return None


def _before(doc: Doc, comma: int) -> Token | None:
    """The verb of "Vale cracked, “…”": a subject, its finite verb and a comma right before the opening mark."""
    if doc[comma].text != "," or comma < 2:
        return None
    verb, subject = doc[comma - 1], doc[comma - 2]
    aside = comma > 2 and doc[comma - 3].pos_ == "CCONJ"  # "Trump said, and I quote, “…”": said governs
    return verb if _finite_verb(verb) and subject.pos_ in SUBJECT_POS and not aside else None


def _finite_verb(token: Token) -> bool:
    """A verb in a finite form (no auxiliary nor copula: "“…,” was another")."""
    return token.pos_ == "VERB" and token.tag_ in FINITE_TAGS and token.text[:1].islower()


def _listed(verb: Token, table: CueTable) -> bool:
    """A verb any table lists (its own reading is the table's)."""
    return verb.lemma_.lower() in table.verb_lemmas or verb.lemma_.lower() in table.quote_only
