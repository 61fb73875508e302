"""CPU-time ratios for the linear-time tests: only ratios measured in one process are asserted.

A single measurement on a shared machine can be off by a scheduler hiccup or a garbage collection;
a ratio over its limit is measured again, up to ``LOOKS`` times in all, and the smallest counts. Super-linear
work exceeds the limit every time, so the further looks hide nothing real.
"""

from __future__ import annotations

from collections.abc import Callable

from kdextract.testing.timing import cpu_seconds

__all__ = ["LOOKS", "growth"]

#: Most measurements of one ratio: a CI machine under load can be off twice in a row.
LOOKS = 3


def growth(run: Callable[[str], object], make: Callable[[int], str], size: int, *, limit: float,
           repeats: int = 3) -> float:
    """How much longer ``run`` takes per doubling of ``make(size)``: the fourfold text's time ratio,
    square-rooted; measured again while over ``limit`` (``LOOKS`` times at most), and the smallest returned."""
    run(make(size // 4))  # resources load outside the timings

    def measure() -> float:
        short = cpu_seconds(lambda: run(make(size)), repeats)
        long = cpu_seconds(lambda: run(make(4 * size)), repeats)
        return float((long / max(short, 1e-9)) ** 0.5)

    best = measure()
    for _ in range(LOOKS - 1):
        if best <= limit:
            break
        best = min(best, measure())
    return best
