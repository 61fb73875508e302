"""Choosing non-overlapping candidates, shared by the finders."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Protocol, TypeVar


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
