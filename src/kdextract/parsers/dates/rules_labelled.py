"""Dates in digits read only after a date word or a date's label: eight digits run together ("Datum för beslut:
20261015"), a day and month with a two-digit year after a dash ("senast 31/12-26")."""

from __future__ import annotations

from typing import Any

from .calendar import day_value, two_digit_year
from .common import after_date_word, weekday_of
from .engine import DateCandidate, Ctx, rule
from .patterns import DATA, NUMB
from .rules_numeric import CASE_PREFIX, WD, day_cand


@rule("dates/compact", r"(?<![\w/.,:-])(?P<y>19\d\d|20\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w/]|[.,-]\d)",
      needs="00000000")
def compact(m: Any, ctx: Ctx) -> DateCandidate | None:
    """Eight digits, year, month and day run together ("20261015"), only after a date word ("Datum:", "senast")
    or a date's label ("Datum för beslut:")."""
    if not after_date_word(ctx, m.start()):
        return None  # an invoice or reference number
    v = day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_cand(m, ctx, v, "dates/compact", "year, month and day without separators", False)


@rule("dates/numeric_short_year", rf"{WD}{NUMB}(?P<d>[0-3]?\d)/(?P<m>[01]?\d)-(?P<y>\d\d)(?![\w/]|[.,:-]\d)", needs="0/0")
def numeric_short_year(m: Any, ctx: Ctx) -> DateCandidate | None:
    """Day/month and a two-digit year after a dash ("31/12-26"), after a weekday, a date word or a date's label
    ("senast 31/12-26"); elsewhere it may be a range or a case number."""
    wd = weekday_of(m, "wd", ctx)
    if wd is False or CASE_PREFIX.search(ctx.text, max(0, m.start("d") - 12), m.start("d")):
        return None
    if wd is None and not after_date_word(ctx, m.start("d")):
        return None
    v = day_value(two_digit_year(int(m["y"]), ctx.ref, DATA.year_pivot_two_digit), int(m["m"]), int(m["d"]))
    return day_cand(m, ctx, v, "dates/numeric_short_year", "numeric day and month, a two-digit year after a dash", False)
