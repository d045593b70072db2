"""Words, shingles and sentences with their offsets: the shared vocabulary of reuse detection.

Reuse detection compares documents as sequences of casefolded words, so a re-wrapped, re-punctuated or
re-cased copy still matches. Shingles (runs of ``k`` consecutive words) are hashed to stable 32-bit integers
(BLAKE2b, not Python's salted ``hash``) so that fingerprints saved in SQLite by one process match the ones
computed by the next.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) before whitespace, or at a line
# break. Language-neutral on purpose; a stop followed by a lowercase letter or a digit ("Sept. 27", "the U.S.
# team") does not end a sentence. Other abbreviations only cut a sentence in two, which makes alignment finer,
# never wrong: consecutive aligned pieces are merged back into one passage.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+|\n+")
HASH_BYTES = 4  # 32-bit shingle hashes: what MinHash's default scheme expects; collisions are harmless here


@dataclass(frozen=True)
class Word:
    """One word of a text: casefolded form and where it sits."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence-like piece of a text (see ``_SENTENCE_END``) and its words."""

    start: int
    end: int
    words: tuple[Word, ...]


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The casefolded words of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [Word(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def sentences(text: str) -> list[Sentence]:
    """``text`` cut into sentence-like pieces, each with its words; pieces without words are dropped."""
    pieces: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        following = text[match.end() : match.end() + 1]
        if "\n" not in match.group() and (following.islower() or following.isdigit()):
            continue
        _append_sentence(pieces, text, start, match.start())
        start = match.end()
    _append_sentence(pieces, text, start, len(text))
    return pieces


def _append_sentence(pieces: list[Sentence], text: str, start: int, end: int) -> None:
    found = words(text, start, end)
    if found:
        pieces.append(Sentence(found[0].start, found[-1].end, tuple(found)))


def hash_token(token: str) -> int:
    """A stable unsigned 32-bit hash of a string (same value in every process)."""
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=HASH_BYTES).digest()
    return int.from_bytes(digest, "little")


def shingle_hashes(tokens: list[str], k: int) -> list[int]:
    """Hashes of every run of ``k`` consecutive tokens, in order; a text shorter than ``k`` is one shingle."""
    if not tokens:
        return []
    if len(tokens) < k:
        return [hash_token(" ".join(tokens))]
    return [hash_token(" ".join(tokens[i : i + k])) for i in range(len(tokens) - k + 1)]


def winnow(hashes: list[int], window: int) -> set[int]:
    """Winnowing fingerprints (Schleimer et al. 2003): the minimum hash of every ``window`` consecutive ones.

    Any run of ``window + k - 1`` words two texts share unchanged yields at least one common fingerprint,
    while only about ``2 / (window + 1)`` of the shingles are kept: a guarantee sampling by value lacks.
    """
    if len(hashes) <= window:
        return {min(hashes)} if hashes else set()
    return {min(hashes[i : i + window]) for i in range(len(hashes) - window + 1)}
