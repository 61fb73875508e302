"""A span from a holiday to a month ("mellan midsommar och mitten av augusti", "från påsk till slutet av maj"): the
months from the holiday's to the named one, in the holiday's year."""

from __future__ import annotations

from typing import Any

from .calendar import month_value, range_value
from .engine import Ctx, DateCandidate, cand, rule
from .patterns import LEX, MONTHISH, NL, NLB, S1, month, year
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
