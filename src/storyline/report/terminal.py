"""Printing untrusted article text to a terminal safely.

Titles, bylines and quotes come from strangers: they may carry ANSI escape sequences, other control characters
or rich markup. They are stored verbatim, but what reaches the terminal is neutralized here.
"""

from __future__ import annotations

import re

from rich.markup import escape

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?|\x1b.?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: object, *, limit: int = 200) -> str:
    """``text`` with escape sequences, control and bidi-override characters removed, shortened to ``limit``."""
    cleaned = _CONTROL.sub("", _ANSI.sub("", str(text)))
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def safe(text: object, *, limit: int = 200) -> str:
    """:func:`plain`, then escaped for rich markup so ``[bold]`` in a title stays literal."""
    return escape(plain(text, limit=limit))
