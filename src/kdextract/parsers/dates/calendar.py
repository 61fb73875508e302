"""TIMEX values and calendar arithmetic: formatting, year inference, weeks, holidays.

Year-less expressions take their year from the reference with a window rule: the result lies
at most 6 months before and at most 8 months after the reference month ("den 20 januari" in a
November report is next January; "i december" in a February report is last December). Without
a reference the year stays unknown and is written ``XXXX`` (``XXXX-05-21``), as TIMEX3 allows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kdextract.parsers.timex import SEASON_MONTHS

#: How far (in months) a year-less month may lie before / after the reference month.
WINDOW_BEFORE = 6
WINDOW_AFTER = 8


@dataclass(slots=True)
class Value:
    """A resolved expression: TIMEX string plus the fields of a DateMention."""

    value: str
    granularity: str
    date: dt.date | None = None
    datetime: dt.datetime | None = None
    end_date: dt.date | None = None
    alternatives: list[str] = field(default_factory=list)


def y4(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def day_value(year: int | None, month: int, day: int) -> Value | None:
    if year is None:
        if not (1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 31)):
            return None
        return Value(f"XXXX-{month:02d}-{day:02d}", "day")
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return Value(d.isoformat(), "day", date=d)


def leap_day_value(year: int) -> Value | None:
    """29 February of ``year`` or, where it has none, of the next leap year (a year-less "29 februari")."""
    for y in range(year, min(year + 8, 9999)):
        if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
            return day_value(y, 2, 29)
    return None


def date_value(d: dt.date) -> Value:
    return Value(d.isoformat(), "day", date=d)


def month_value(year: int | None, month: int) -> Value:
    return Value(f"{y4(year)}-{month:02d}", "month")


def year_value(year: int) -> Value:
    return Value(y4(year), "year")


_TIMESPEC = {"hour": "hours", "minute": "minutes", "second": "seconds"}


def time_string(t: dt.datetime, grain: str) -> str:
    """``t`` as a TIMEX string to ``grain``: 2025-11, 2025-11-04, 2025-11-04T13, ...T13:45, ...T13:45:20."""
    if grain == "month":
        return f"{t.year:04d}-{t.month:02d}"
    if grain == "day":
        return t.date().isoformat()
    return t.isoformat(timespec=_TIMESPEC.get(grain, "minutes"))  # naive: no offset is written


def datetime_value(t: dt.datetime, grain: str) -> Value:
    return Value(time_string(t, grain), "datetime", date=t.date(), datetime=t)


def range_value(a: Value, b: Value) -> Value:
    return Value(f"{a.value}/{b.value}", "range", date=a.date, datetime=a.datetime, end_date=b.date)


def tertial_value(year: int | None, n: int) -> Value:
    """Tertial ``n`` (four months: 1 = jan–apr, 2 = maj–aug, 3 = sep–dec) as its months' range, its TIMEX code
    ("2025-T2") an alternative."""
    return Value(f"{y4(year)}-{4 * n - 3:02d}/{y4(year)}-{4 * n:02d}", "tertial", alternatives=[f"{y4(year)}-T{n}"])


def week_value(year: int | None, week: int) -> Value | None:
    """ISO week ``week`` of ``year``; None where that year has no such week (a week 53 in a year of 52)."""
    if year is None:
        return Value(f"XXXX-W{week:02d}", "week") if 1 <= week <= 53 else None
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return Value(f"{year:04d}-W{week:02d}", "week", date=monday)


def week_of(d: dt.date) -> Value:
    y, w, _ = d.isocalendar()
    return Value(f"{y:04d}-W{w:02d}", "week", date=d - dt.timedelta(days=d.weekday()))


def week_year(week: int, ref: dt.date | None, grain: str = "day") -> int | None:
    """The year a numbered week without a year falls in: the window rule on its Thursday; a week 53 goes to the
    year beside that one that has a week 53, none where neither does."""
    y = infer_year(dt.date.fromisocalendar(ref.year, min(week, 52), 4).month, ref, grain) if ref else None
    return None if y is None else next((n for n in (y, y + 1, y - 1) if week_value(n, week) is not None), None)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def infer_year(month: int, ref: dt.date | None, grain: str = "day") -> int | None:
    """The year of a year-less month, by the window rule (module docstring); a reference known
    only to the year ("2014") gives its own year."""
    if ref is None:
        return None
    if grain == "year":
        return ref.year
    delta = month - ref.month
    if delta < -WINDOW_BEFORE and ref.year < 9999:
        return ref.year + 1
    if delta > WINDOW_AFTER and ref.year > 1:
        return ref.year - 1
    return ref.year


def two_digit_year(yy: int, ref: dt.date | None, ahead: int) -> int:
    """The year of a two-digit ``yy``: in this century up to ``ahead`` years after the reference's, else the last."""
    pivot = ((ref.year if ref else dt.date.today().year) % 100) + ahead
    return 2000 + yy if yy <= pivot else 1900 + yy


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def movable_holiday(kind: str, offset: int, year: int) -> dt.date:
    if kind == "easter":
        return easter(year) + dt.timedelta(days=offset)
    if kind == "midsummer":  # midsommardagen: the Saturday 20-26 June
        d = dt.date(year, 6, 20)
        return d + dt.timedelta(days=(5 - d.weekday()) % 7 + offset)
    if kind == "allsaints":  # alla helgons dag: the Saturday 31 October - 6 November
        d = dt.date(year, 10, 31)
        return d + dt.timedelta(days=(5 - d.weekday()) % 7 + offset)
    raise ValueError(kind)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(weekday - d.weekday()) % 7 + 7 * (n - 1))
        return d if d.month == month else None
    ny, nm = add_months(year, month, 1)
    d = dt.date(ny, nm, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


def last_day_of_month(year: int, month: int) -> dt.date:
    ny, nm = add_months(year, month, 1)
    return dt.date(ny, nm, 1) - dt.timedelta(days=1)


def season_year(code: str, ref: dt.date | None, grain: str = "day", *, past: bool = False) -> int | None:
    """Year (of its first month) of the season ``code`` named against ``ref``: the current or coming one
    ('i höst', 'under hösten'), or with ``past`` the most recent one that has begun ('i höstas', 'i våras');
    the reference's own year where only the year is known.

    >>> season_year("FA", dt.date(2023, 12, 1)), season_year("FA", dt.date(2023, 12, 1), past=True)
    (2024, 2023)
    >>> season_year("WI", dt.date(2024, 1, 10)), season_year("WI", dt.date(2024, 3, 1), past=True)
    (2023, 2023)
    """
    if ref is None:
        return None
    if grain == "year":
        return ref.year
    first, last = SEASON_MONTHS[code]
    if past:
        return ref.year if ref.month >= first else ref.year - 1
    ends = ref.year if ref.month <= last else ref.year + 1  # year of the season's last month
    return ends - 1 if last < first else ends


def nearest_season_year(code: str, ref: dt.date) -> int:
    """Year (of its first month) of the season ``code`` nearest ``ref``: the current one, else the one that ended
    last where it ended nearer before ``ref``'s month than the coming one begins after it, the coming one at a
    tie ("sommarens" in October: the summer just over; in April: the coming one).

    >>> nearest_season_year("SU", dt.date(2025, 10, 14)), nearest_season_year("SU", dt.date(2025, 4, 2))
    (2025, 2025)
    >>> nearest_season_year("SU", dt.date(2025, 12, 1)), nearest_season_year("FA", dt.date(2026, 1, 20))
    (2025, 2025)
    """
    coming, last = season_year(code, ref), season_year(code, ref, past=True)
    assert coming is not None and last is not None
    first, final = SEASON_MONTHS[code]
    now = ref.year * 12 + ref.month
    since = now - (last * 12 + first + (final - first) % 12)
    until = coming * 12 + first - now
    return last if coming != last and since < until else coming
