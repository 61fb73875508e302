"""Whether one TIMEX value lies wholly before another: a period (a week, quarter, half, tertial or season) compared by
its last day or month on the left and its first on the right ("2027-W12" is over once 2027-03-28 is)."""

from __future__ import annotations

import datetime as dt

#: A season's first and last month, each as (years after the TIMEX's year, month): winter's ends in the next year.
_SEASON_MONTHS = {"SP": ((0, 3), (0, 5)), "SU": ((0, 6), (0, 8)), "FA": ((0, 9), (0, 11)), "WI": ((0, 12), (1, 2))}
#: Months in one part of a year: a quarter ("Q"), half ("H") or tertial ("T").
_PART_MONTHS = {"Q": 3, "H": 6, "T": 4}


def before(a: str | None, b: str | None) -> bool:
    """TIMEX ``a`` lies wholly before ``b`` at the coarser of their grains ("2026-01" < "2026-03-12")."""
    if not a or not b:
        return False
    a, b = _bound(_day(a), last=True), _bound(_day(b), last=False)
    if not (a[:4].isdigit() and b[:4].isdigit()) or not _calendar(a) or not _calendar(b):
        return False
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _day(value: str) -> str:
    """``value`` without its time of day ("2027-03-05T10:00" -> "2027-03-05")."""
    return value[:10] if len(value) > 10 and value[10] == "T" else value


def _calendar(value: str) -> bool:
    """A year, month or day ("2027", "2027-03", "2027-03-05"): what compares as text."""
    return len(value) in (4, 7, 10) and all(part.isdigit() for part in value.split("-"))


def _bound(value: str, *, last: bool) -> str:
    """A week, quarter, half, tertial or season as its last (or first) day or month; any other value as it is."""
    if len(value) < 7 or not value[:4].isdigit() or value[4] != "-":
        return value
    year, part = int(value[:4]), value[5:]
    try:
        if part[:1] == "W" and part[1:].isdigit():
            return dt.date.fromisocalendar(year, int(part[1:]), 7 if last else 1).isoformat()
        if part[:1] in _PART_MONTHS and part[1:].isdigit():
            size, n = _PART_MONTHS[part[:1]], int(part[1:])
            return f"{year:04d}-{size * n if last else size * (n - 1) + 1:02d}" if 1 <= n <= 12 // size else value
    except ValueError:
        return value  # no such week
    if part in _SEASON_MONTHS:
        years, month = _SEASON_MONTHS[part][1 if last else 0]
        return f"{year + years:04d}-{month:02d}"
    return value
