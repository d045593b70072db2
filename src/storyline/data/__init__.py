"""Data tables shipped with storyline: agencies, boilerplate words, roles and event triggers, per language.

Word lists live here rather than in code so that adding an outlet or a language is an edit of a table.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load_table(name: str) -> dict[str, Any] | None:
    """The TOML table ``name`` (e.g. "roles_en.toml"), read once per process; ``None`` if not shipped."""
    path = resources.files("storyline").joinpath("data", name)
    if not path.is_file():
        return None
    return tomllib.loads(path.read_text(encoding="utf-8"))


def agency_entries() -> list[dict[str, Any]]:
    """The ``[[agency]]`` entries of ``agencies.toml``: read by ingest (outlet recovery) and analyze (entity types)."""
    return (load_table("agencies.toml") or {"agency": []})["agency"]
