"""Run a per-document stage over batches in this process or in a pool of worker processes.

Stages are module-level functions over picklable batches, so the same function runs here, in a process pool
or (next wave) as Dask tasks. Results come back in input order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from storyline.settings import AnalyzeSettings

B = TypeVar("B")
R = TypeVar("R")


def worker_count(requested: int) -> int:
    """``requested`` workers, where 0 means one per available core."""
    return requested if requested > 0 else max(1, len(os.sched_getaffinity(0)))


def map_batches(
    function: Callable[[B, AnalyzeSettings], R], batches: Sequence[B], settings: AnalyzeSettings
) -> Iterator[R]:
    """``function(batch, settings)`` for each batch, in order; in parallel when more than one worker is asked."""
    workers = min(worker_count(settings.processes), len(batches))
    if workers <= 1:
        for batch in batches:
            yield function(batch, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(function, batches, [settings] * len(batches))
