"""One exception hierarchy; every message names the thing that failed and what to do about it.

The CLI turns a ``StorylineError`` into one line on stderr; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class SettingsError(StorylineError):
    """A settings file or option is invalid."""


class IngestError(StorylineError):
    """A source could not be read or turned into a document."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(IngestError):
    """A URL could not be fetched (network, status, size, content type)."""


class UnsafeURLError(FetchError):
    """A URL points at an address storyline refuses to reach (private, loopback…) or an unsupported scheme."""


class ExtractError(StorylineError):
    """An analysis stage failed on a document."""


class ModelNotFoundError(ExtractError):
    """A language model package is not installed."""


class StoreError(StorylineError):
    """The database could not be opened, migrated or written."""
