"""Persistence: the SQLite store (documents, analyses, skipped sources, feed state, link indexes)."""
