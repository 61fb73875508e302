"""The CPU-time measure shared by the linear-time tests and the growth benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["cpu_seconds"]


def cpu_seconds(work: Callable[[], object], repeats: int = 3) -> float:
    """The best of ``repeats`` CPU times of ``work()`` (other processes count less than in wall time).

    >>> cpu_seconds(lambda: sum(range(10)), repeats=2) >= 0.0
    True
    """
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        work()
        best = min(best, time.process_time() - t0)
    return best
