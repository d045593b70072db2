"""Per-document analysis: entities, time expressions, quotes and events, each a module of its own.

``storyline.pipeline`` composes them; the modules here never import each other except ``nlp`` (shared
spaCy loading) — an extractor that needs another's output receives it as an argument.
"""
