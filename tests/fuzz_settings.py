"""The hypothesis settings shared by the property tests (tests/fuzz/ and the few in other test files).

The suite draws a fixed set of examples (derandomized): a run on a fresh clone passes or fails because of the
code, not because of the luck of the draw, and a failure found once is found again by the next run. To search
further, with fresh random examples (before a release, or after changing a parser):

    STORYLINE_FUZZ_RANDOM=1 STORYLINE_FUZZ_EXAMPLES=3000 python -m pytest tests/fuzz
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def fuzz_settings(examples: int) -> settings:
    """``examples`` per property (or ``STORYLINE_FUZZ_EXAMPLES``), derandomized unless ``STORYLINE_FUZZ_RANDOM``."""
    return settings(
        max_examples=int(os.environ.get("STORYLINE_FUZZ_EXAMPLES") or examples),
        derandomize=not os.environ.get("STORYLINE_FUZZ_RANDOM"),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
