"""Outputs: the JSON contract (and, next wave, the HTML report)."""
