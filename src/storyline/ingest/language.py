"""Language identification, so that every later stage can pick the analyzer made for the text's language."""

from __future__ import annotations

import functools

MIN_CHARS = 20  # below this, any guess is noise: the language stays unknown


@functools.lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, *, sample_chars: int = 5000) -> str | None:
    """ISO 639-1 code of the text's language ("en", "ru", "tr"…), or ``None`` when too short or unsure."""
    sample = text[:sample_chars].strip()
    if len(sample) < MIN_CHARS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= 0.5 else None
