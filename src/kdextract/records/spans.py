"""Range lookups over one document's spans, by bisection on an index built once."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items keyed by ``(start, end)`` spans (``start <= end``), found by the range they lie in."""

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        rows = ((start, end, rank, item) for rank, (start, end, item) in enumerate(items))
        self._rows = sorted(rows, key=lambda r: r[0])
        self._starts = [r[0] for r in self._rows]

    def within(self, start: int, end: int) -> list[T]:
        """The items whose span lies inside ``[start, end]``, in the order they were given."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        inside = sorted((r for r in self._rows[lo:hi] if r[1] <= end), key=lambda r: r[2])
        return [r[3] for r in inside]


class Coverage:
    """The offsets (from 0) covered by a growing set of non-empty spans.

    Testing a span costs its length, not the number of spans covered so far.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray()
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Cover ``[start, end)``."""
        if end > len(self._mask):
            self._mask.extend(bytes(end - len(self._mask)))
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares an offset with a covered span."""
        return self._mask.find(1, start, end) >= 0


def enclosure(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether one of ``spans`` holds ``[start, end)``."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end among the spans so far

    def holds(start: int, end: int) -> bool:
        i = bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end
    return holds
