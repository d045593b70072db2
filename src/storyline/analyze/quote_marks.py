"""Quote marks: where the quotations of a text begin and end (the first pass of ``quotes``).

``find_quoted`` pairs quote marks in one left-to-right scan. A quotation may run over several paragraphs when
each new paragraph opens with a quote mark (the news convention); a mark left open at a paragraph break is
dropped, so a stray mark never swallows the rest of the article. ``Inside`` answers "is this offset inside a
quotation?" for the later passes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.analyze.quote_cues import CUES, CueTable

if TYPE_CHECKING:
    from storyline.analyze.nlp import Parsed


@dataclass(frozen=True)
class Quoted:
    """A quotation between quote marks; ``[start, end)`` includes the marks."""

    start: int
    end: int


def find_quoted(text: str, table: CueTable | None = None) -> list[Quoted]:
    """Every quotation in ``text``, in order, never overlapping, found in one linear scan."""
    table = table or CUES["en"]
    marks = re.escape(table.openers + table.closers + table.toggles)
    pairs = "".join(f"{re.escape(pair)}|" for pair in table.toggle_pairs)
    scanner = re.compile(rf"{pairs}[{marks}]|\n\s*")
    found: list[Quoted] = []
    open_at: int | None = None
    straight = False  # the open quotation began with a straight mark
    nested = False  # inside a curly quotation within a straight one
    crossed = False  # a paragraph ended while a quotation was open
    paragraph_start = 0
    for match in scanner.finditer(text):
        char, pos = match.group(), match.start()
        if char[0] == "\n":
            if open_at is not None and crossed:
                open_at, crossed = None, False  # a paragraph without an opening mark: the quote never closed
            crossed = open_at is not None and not _split_sentence(text, match.end())
            nested = False
            paragraph_start = match.end()
            continue
        if crossed:
            crossed = False
            if pos == paragraph_start and char not in table.closers:
                continue  # the mark reopening a quotation that runs on from the previous paragraph
            open_at = None
        if open_at is None:
            if char not in table.closers or _opens(text, match.start(), match.end()):
                open_at, straight = pos, char not in table.openers
        elif nested:
            nested = char not in table.closers  # the inner quotation's closing mark
        elif char in table.openers and not _closes(text, match.start(), match.end()):
            if straight:
                nested = True  # "He said: “no” to us": a curly quotation inside a straight one
            else:
                open_at = pos  # an opener inside an open quotation: the earlier mark was stray
        else:
            found.append(Quoted(open_at, match.end()))
            open_at = None
    return found


def _split_sentence(text: str, start: int) -> bool:
    """Whether the paragraph at ``start`` goes on with the sentence before the break ("… since George H.W. Bush's
    election in.\n\n1988. The one …"): a line break inside a sentence, which a quotation runs over."""
    return start < len(text) and (text[start].islower() or text[start].isdigit())


def _closes(text: str, start: int, end: int) -> bool:
    """Whether an opening mark ends the open quotation ("“Are you with a fascist?“ he asked"): typed the wrong
    way round, it is glued to the words before it and followed by a space, as a closing mark is."""
    glued = start > 0 and not text[start - 1].isspace()
    spaced = end >= len(text) or text[end].isspace()
    return glued and spaced


def _opens(text: str, start: int, end: int) -> bool:
    """Whether a closing mark opens a quotation when none is open ("”This is why they must go"): typed the
    wrong way round, it follows a space or a line's start and is glued to the word after it."""
    spaced = start == 0 or text[start - 1].isspace() or not text[start - 1].isprintable()
    glued = end < len(text) and text[end].isalnum()
    return spaced and glued


class Inside:
    """Answers "is this offset inside a quotation?" by binary search."""

    def __init__(self, quoted: Sequence[Quoted]) -> None:
        self.quoted = quoted
        self.starts = [q.start for q in quoted]

    def __call__(self, pos: int) -> bool:
        index = bisect.bisect_right(self.starts, pos) - 1
        return index >= 0 and self.quoted[index].start < pos < self.quoted[index].end - 1

    def opens(self, pos: int) -> bool:
        """Whether a quotation starts at ``pos``."""
        index = bisect.bisect_left(self.starts, pos)
        return index < len(self.starts) and self.starts[index] == pos

    def overlapping(self, start: int, end: int) -> range:
        """Indexes of the quotations overlapping ``[start, end)``."""
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        if first < len(self.quoted) and self.quoted[first].end <= start:
            first += 1
        return range(first, bisect.bisect_left(self.starts, end))


def inside_quotations(parsed: Parsed, table: CueTable | None) -> Inside:
    """The document's quotations (``find_quoted``), found once per document (quotes, entities' coreference and
    event dates ask)."""
    if "quotes.inside" not in parsed.memo:
        parsed.memo["quotes.inside"] = Inside(find_quoted(parsed.document.text, table))
    return parsed.memo["quotes.inside"]
