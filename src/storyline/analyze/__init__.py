"""Per-document analysis: entities, time expressions, quotes and events, each an extractor of its own.

``storyline.pipeline`` composes them. An extractor never imports another extractor: one that needs another's
output (quotes and events need the entities, events the time expressions) receives it as an argument. Each
extractor may be split into helper modules of its own (``timex_patterns``/``timex_resolve``/``timex_ranges``,
``event_context``/``event_roles``/``event_time``, ``quote_cues``/``quote_marks``/``quote_spans``/``quote_contents``/
``quote_attributions``), and all share ``nlp`` (spaCy loading and the planned parses).
"""
