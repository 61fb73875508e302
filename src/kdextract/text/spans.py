"""Span helpers shared by every layer: choosing non-overlapping candidates, range lookups, coverage.

All built once per document and answered by bisection, so long texts stay linear."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Generic, Protocol, TypeVar


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


def disjoint(ranked: Iterable[S]) -> list[S]:
    """The candidates, best first in ``ranked``, that overlap none taken before; sorted by start.

    Spans must be non-empty. Each candidate costs one bisection, so texts with many thousands of
    candidates stay fast.

    >>> from collections import namedtuple
    >>> C = namedtuple("C", "start end")
    >>> disjoint([C(0, 10), C(5, 12), C(10, 14), C(2, 3)])
    [C(start=0, end=10), C(start=10, end=14)]
    """
    chosen: list[S] = []
    starts: list[int] = []
    for c in ranked:
        i = bisect_right(starts, c.start)
        if (i and chosen[i - 1].end > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        chosen.insert(i, c)
    return chosen


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
