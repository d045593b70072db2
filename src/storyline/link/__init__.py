"""Cross-document linking: text reuse, stories and (next wave) events, quotes, claims, framing, timeline."""
