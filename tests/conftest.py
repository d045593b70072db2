"""Shared fixtures: paths to the optional gold data, and the bundled sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "src" / "storyline" / "sample"


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or a clean skip on a fresh clone where it does not exist."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not present (fresh clone)")
    return data
