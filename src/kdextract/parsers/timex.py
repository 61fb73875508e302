"""TIMEX values: the calendar span a value stands for, and the seasons' months.

The one place that reads TIMEX strings back ("2014-05", "2013-H2", "2014-FA", "2014-W12",
"201X", "a/b" ranges); queries, tables and the timeline use it.

>>> bounds("2014-05")
(datetime.date(2014, 5, 1), datetime.date(2014, 5, 31))
>>> bounds("2013-H2")
(datetime.date(2013, 7, 1), datetime.date(2013, 12, 31))
>>> bounds("2014-WI")
(datetime.date(2014, 12, 1), datetime.date(2015, 2, 28))
>>> bounds("2010-12-15/2010-12-16")
(datetime.date(2010, 12, 15), datetime.date(2010, 12, 16))
>>> bounds("2021-11-18T13:15")
(datetime.date(2021, 11, 18), datetime.date(2021, 11, 18))
>>> bounds("soon") is None
True
"""

from __future__ import annotations

import calendar
import datetime as dt

from kdextract.pattern_cache import compile_re

#: Season code -> (first month, last month) by the meteorological seasons that TIMEX3 values use;
#: winter runs into the next year (12 -> 2).
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PART_MONTHS = {"Q": 3, "T": 4, "H": 6}

_DAY = compile_re(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = compile_re(r"(\d{4})-W(\d{2})(?:-WE)?")
_MONTH = compile_re(r"(\d{4})-(\d{2})")
_PART = compile_re(r"(\d{4})-([QTH])(\d)")
_SEASON = compile_re(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = compile_re(r"(\d{4})")
_DECADE = compile_re(r"(\d{3})X")


def month_span(year: int, first: int, months: int) -> tuple[dt.date, dt.date]:
    """First and last day of ``months`` months from ``first`` of ``year`` (crossing years as needed)."""
    last = first + months - 1
    last_year, last_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])


def bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a TIMEX value (day, week, month, quarter, tertial, half, season, year,
    decade, or an ``a/b`` range of these); None when it cannot be placed in time. A range with one
    unknown end gives the known end's span."""
    value = (value or "").strip()
    if "/" in value:
        a, _, b = value.partition("/")
        left, right = bounds(a), bounds(b)
        if left is None or right is None:
            return left or right
        return left[0], right[1]
    try:
        if m := _DAY.fullmatch(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.fullmatch(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _MONTH.fullmatch(value):
            return month_span(int(m[1]), int(m[2]), 1)
        if m := _PART.fullmatch(value):
            size = _PART_MONTHS[m[2]]
            return month_span(int(m[1]), (int(m[3]) - 1) * size + 1, size)
        if m := _SEASON.fullmatch(value):
            first, last = SEASON_MONTHS[m[2]]
            return month_span(int(m[1]), first, (last - first) % 12 + 1)
        if m := _YEAR.fullmatch(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _DECADE.fullmatch(value):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    except (ValueError, OverflowError):  # a span that runs past 9999-12-31 ("9999-W52")
        return None
    return None


def before(a: str | None, b: str | None) -> bool:
    """TIMEX ``a`` ends before ``b`` begins: "2026-01" before "2026-03-12", a week, quarter, half, tertial or
    season by its days ("2027-W12" is over once 2027-03-28 is). False where either has no year of four digits.

    >>> before("2027-W12", "2027-05-03"), before("2027-05", "2027-05-03"), before("2026-WI", "2027-02-15")
    (True, False, False)
    """
    if not a or not b or not (a[:4].isdigit() and b[:4].isdigit()):
        return False
    first, second = bounds(a), bounds(b)
    return first is not None and second is not None and first[1] < second[0]
