"""Words that introduce reported speech, one table per language.

The quote extractor is language-neutral: it finds quote marks in the text and reads a dependency parse.
What it needs from a language is here: which verb lemmas report speech ("say", "stress"), which
prepositional phrases name a source ("according to"), the passive frame of "was quoted as saying", and which
quote marks open and close a quotation. A language without a table still gets its direct quotes, without
speakers or cues.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CueTable:
    """What introduces reported speech in one language (all entries are lower-case lemmas or words)."""

    verbs: frozenset[
        str
    ]  # speech-verb lemmas whose subject is the speaker and whose complement is the content
    according: tuple[
        tuple[str, str], ...
    ] = ()  # (word, next word) pairs that name a source: ("according", "to")
    quoted_verb: str = ""  # the passive frame "X was quoted as saying": the lemma of "quoted"
    that: frozenset[str] = frozenset()  # complementizers that may sit between a cue and its quotation
    quote_only: frozenset[str] = (
        frozenset()
    )  # verbs that are cues only next to a quotation ("…," he continued)
    labels: frozenset[str] = frozenset()  # "Label: …" lines whose label is not a speaker ("Update: …")
    openers: str = "“«„"  # marks that only open a quotation
    closers: str = "”»"  # marks that only close one
    toggles: str = '"'  # marks that open or close depending on the state (straight quotes)


def _words(block: str) -> frozenset[str]:
    """A word list written as a block of whitespace-separated words."""
    return frozenset(block.split())


# Speech verbs only: opinion verbs ("think", "believe") attribute beliefs, not something anyone said.
ENGLISH_VERBS = _words(
    """
    say tell stress add note remind emphasize emphasise warn announce claim insist state declare explain
    underline underscore report confirm deny assert argue reply respond answer write ask urge acknowledge
    admit suggest predict promise vow pledge threaten accuse comment observe recall reiterate tweet post
    continue complain conclude contend maintain mention affirm allege estimate propose recommend demand
    """
)

CUES: dict[str, CueTable] = {
    "en": CueTable(
        verbs=ENGLISH_VERBS,
        according=(("according", "to"),),
        quoted_verb="quote",
        that=frozenset({"that"}),
        quote_only=frozenset({"continue", "post"}),
        labels=_words(
            """
            note editor update updated related read watch photo photos video source sources caption correction
            advertisement disclaimer see also subscribe follow share listen breaking exclusive opinion latest
            analysis factbox explainer timeline live warning transcript
            """
        ),
    ),
}


def cues_for(language: str | None) -> CueTable | None:
    """The cue table for ``language`` (``None`` is read as English), or ``None`` when there is none yet."""
    return CUES.get(language or "en")
