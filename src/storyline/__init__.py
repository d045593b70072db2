"""storyline: one story, many sources.

The public API: :func:`analyze` turns sources (paths, folders, globs, URLs) into an :class:`Analysis`;
:func:`open_store` opens the SQLite store that ``storyline ingest`` fills incrementally.
"""

import storyline.analyze as _analyze_stages  # noqa: F401  (loaded first: see the note at analyze() below)
from storyline.model import (
    Analysis,
    Document,
    Entity,
    Event,
    Mention,
    Participant,
    Passage,
    Quote,
    Reuse,
    Skipped,
    Span,
    Story,
    Timex,
)
from storyline.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "Participant",
    "Passage",
    "Quote",
    "Reuse",
    "Settings",
    "Skipped",
    "Span",
    "Story",
    "Timex",
    "analyze",
    "load_settings",
    "open_store",
]


# ``storyline.analyze`` names both this function and the ``storyline/analyze/`` stage package. The package is
# imported above, before this definition, so importing its modules later never rebinds the name to the package.
def analyze(sources, settings=None, **options):  # type: ignore[no-untyped-def]
    """Ingest, clean, analyze and link ``sources``; see :func:`storyline.pipeline.analyze`."""
    from storyline.pipeline import analyze as _analyze

    return _analyze(sources, settings, **options)


def open_store(path="storyline.db", settings=None):  # type: ignore[no-untyped-def]
    """Open (creating and migrating if needed) the SQLite store at ``path``."""
    from storyline.store.sqlite import Store

    return Store.open(path, settings)
