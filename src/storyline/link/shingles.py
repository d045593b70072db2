"""Words, shingles and sentences with their offsets: the shared vocabulary of reuse detection.

Reuse detection compares documents as sequences of casefolded words, so a re-wrapped, re-punctuated or
re-cased copy still matches. Shingles (runs of ``k`` consecutive words) are hashed to stable 32-bit integers
(BLAKE2b, not Python's salted ``hash``) so that fingerprints saved in SQLite by one process match the ones
computed by the next.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) before whitespace, or at a line
# break. Language-neutral on purpose; a stop followed by a lowercase letter or a digit ("Sept. 27", "the U.S.
# team") does not end a sentence. Other abbreviations only cut a sentence in two, which makes alignment finer,
# never wrong: consecutive aligned pieces are merged back into one passage.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+|\n+")
SHINGLE_MULTIPLIER = np.uint64(0x01000193)  # FNV prime: spreads word hashes across the 32-bit range
MASK32 = np.uint64(0xFFFFFFFF)
WORD_HASH_CACHE = 1 << 18  # distinct words whose hash is remembered (~30 MB at most)
HASH_BYTES = 4  # 32-bit shingle hashes: what MinHash's default scheme expects; collisions are harmless here


@dataclass(frozen=True)
class Sentence:
    """A sentence-like piece of a text (see ``_SENTENCE_END``): its span and its casefolded words."""

    start: int
    end: int
    words: tuple[str, ...]


def words(text: str) -> list[str]:
    """The casefolded words of ``text``."""
    return _WORD.findall(text.casefold())


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
    """Trim the piece to its first and last word so a span never starts or ends in punctuation or space."""
    first = _WORD.search(text, start, end)
    if first is None:
        return
    last_end = end
    while last_end > first.end() and not (text[last_end - 1].isalnum() or text[last_end - 1] == "_"):
        last_end -= 1
    found = _WORD.findall(text[first.start() : last_end].casefold())
    pieces.append(Sentence(first.start(), last_end, tuple(found)))


@functools.lru_cache(maxsize=WORD_HASH_CACHE)
def hash_token(token: str) -> int:
    """A stable unsigned 32-bit hash of a string (same value in every process; memoized, words recur)."""
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=HASH_BYTES).digest()
    return int.from_bytes(digest, "little")


def word_hashes(tokens: list[str]) -> np.ndarray:
    """Stable 32-bit hashes of the tokens (each distinct token hashed once), as uint64 for arithmetic."""
    table = {token: hash_token(token) for token in set(tokens)}
    return np.fromiter((table[t] for t in tokens), dtype=np.uint64, count=len(tokens))


def shingle_hashes(hashes: np.ndarray, k: int) -> np.ndarray:
    """32-bit hashes of every run of ``k`` consecutive words, from the words' hashes; a shorter text is one.

    A polynomial hash over the word hashes (vectorized: one pass per position in the shingle), finished with
    the MurmurHash3 mixer so that every bit depends on every word. Order matters: "a b" and "b a" differ.
    """
    n = len(hashes)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    k = min(k, n)
    combined = np.zeros(n - k + 1, dtype=np.uint64)
    for j in range(k):
        combined = (combined * SHINGLE_MULTIPLIER + hashes[j : n - k + 1 + j]) & MASK32
    return _fmix32(combined)


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint64(16))
    h = (h * np.uint64(0x85EBCA6B)) & MASK32
    h = h ^ (h >> np.uint64(13))
    h = (h * np.uint64(0xC2B2AE35)) & MASK32
    return h ^ (h >> np.uint64(16))


def winnow(hashes: np.ndarray, window: int) -> set[int]:
    """Winnowing fingerprints (Schleimer et al. 2003): the minimum hash of every ``window`` consecutive ones.

    Any run of ``window + k - 1`` words two texts share unchanged yields at least one common fingerprint,
    while only about ``2 / (window + 1)`` of the shingles are kept: a guarantee sampling by value lacks.
    """
    if len(hashes) == 0:
        return set()
    if len(hashes) <= window:
        return {int(hashes.min())}
    minima = np.lib.stride_tricks.sliding_window_view(hashes, window).min(axis=1)
    return set(minima.tolist())
