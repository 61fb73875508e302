"""Spans between two kinds of time: from a holiday to a month ("mellan midsommar och mitten av augusti", "från påsk
till slutet av maj": the months from the holiday's to the named one, in the holiday's year), from a numbered week to
a day ("från vecka 3 till den 5 maj 2025")."""

from __future__ import annotations

from typing import Any

from .calendar import day_value, month_value, range_value, week_value
from .common import day_of, month_is_name, resolve_year
from .engine import Ctx, DateCandidate, cand, rule
from .patterns import LEX, MONTHISH, NL, NLB, S0, S1, day, month, year
from .rules_periods import HOLIDAY, holiday_date


@rule("dates/holiday_span",
      rf"{NLB}(?:mellan|fran)[ \t]+(?P<h>{HOLIDAY}|julen|jul|pasken|pask|midsommar){NL}{S1}(?:och|till){S1}"
      rf"(?:(?:i[ \t]+)?(?:borjan|slutet|mitten|inledningen)[ \t]+av{S1})?{month('m')}(?:[ \t]+{year('y')})?",
      needs=("mellan|fran", MONTHISH), gate=("m", LEX.month_words))
def holiday_span(m: Any, ctx: Ctx) -> DateCandidate | None:
    key = " ".join(m["h"].split())
    mo = LEX.month(m["m"], abbreviations=False)
    if mo is None:
        return None
    if m["y"]:
        d = holiday_date(key, int(m["y"]))
        if d.month > mo:
            d = holiday_date(key, int(m["y"]) - 1)
    elif ctx.ref is not None:
        d = holiday_date(key, ctx.ref.year)
        if d < ctx.ref and ctx.grain != "year":
            d = holiday_date(key, ctx.ref.year + 1)
    else:
        return None
    if d.month == mo:
        return None
    end_year = d.year + (mo < d.month)
    return cand(m, ctx, range_value(month_value(d.year, d.month), month_value(end_year, mo)), "dates/holiday_span",
                "holiday to month", relative=not m["y"])


@rule("dates/week_to_day",
      rf"{NLB}(?:vecka|v\.?)[ \t]*(?P<w>[0-5]?\d)(?:[ \t]*-[ \t]*|{S1}(?:till[ \t]+och[ \t]+med|till|t\.o\.m\.?){S1})"
      rf"(?:den[ \t]+)?{day('d', False)}[ \t]*{S0}{month('m')}(?:,?{S1}{year('y')})?",
      needs=("=v|=vecka", "-|till|t.o.m", MONTHISH), gate=("m", LEX.month_words))
def week_to_day(m: Any, ctx: Ctx) -> DateCandidate | None:
    """From a numbered week to a day ("från vecka 3 till den 5 maj 2025"): the week is in the day's year, or in
    the year before where its Monday falls in a later month than the day ("vecka 50 till den 10 januari")."""
    mo, d, w = LEX.month(m["m"]), day_of(m, "d"), int(m["w"])
    if mo is None or d is None or not 1 <= w <= 53 or not m["y"] and month_is_name(ctx, *m.span("m")):
        return None
    y, rel = resolve_year(mo, ctx, int(m["y"]) if m["y"] else None)
    end = day_value(y, mo, d)
    if end is None:
        return None
    start = week_value(y, w)
    if start is not None and start.date is not None and y is not None and start.date.month > mo:
        start = week_value(y - 1, w)  # over New Year
    if start is None or start.date is not None and end.date is not None and start.date > end.date:
        return None  # "vecka 20 till den 5 maj": no span
    return cand(m, ctx, range_value(start, end), "dates/week_to_day", "week to day", relative=rel)
