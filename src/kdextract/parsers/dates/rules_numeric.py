"""Calendar dates written in digits: ISO and numeric dates, a numeric day and month, and their ranges."""

from __future__ import annotations

from typing import Any

from kdextract.pattern_cache import compile_re, compile_std

from .calendar import Value, day_value, leap_day_value, month_value, range_value, two_digit_year
from .common import after_date_word, resolve_year, weekday_of
from .engine import DateCandidate, Ctx, cand, rule
from .patterns import DATA, NLB, NUMB, S1, weekday

_CLOCK_AFTER = compile_std(r"^[ \t,]*(?:kl\b|klockan\b)")
#: A case register's prefix right before "20/6": an acronym ("KS", "SN") or a number word ("Dnr", "nr").
CASE_PREFIX = compile_re(r"(?:(?<![\p{L}])\p{Lu}{2,6}|(?i:dnr|diarienr|nr|§))[ \t]*[.:]?[ \t]*\Z")


#: A dash or "till (och med)" between two dates and the blanks around it, each blank read one way only (where no second
#: date followed, a long run of blanks after the first was split at each of its blanks: the square of its length).
_TO = (r"(?:[ \t]*-[ \t]*|[ \t]*(?:(?<=[ \t])(?:\n[ \t]*)?|\n[ \t]*)(?:till[ \t]+och[ \t]+med|till|t\.o\.m\.?)"
       rf"{S1})")
_Day = tuple[int | None, int, int]
#: An optional weekday before a date written in digits ("tisdag 2024-03-05", "Tisdag 5/3 2024").
WD = rf"(?:{NLB}{weekday('wd')}[ \t]*,?[ \t]*(?:den[ \t]+)?)?"


def days_cand(m: Any, ctx: Ctx, first: _Day, last: _Day, rule_id: str, why: str, relative: bool) -> DateCandidate | None:
    """A range from the day ``first`` to the day ``last`` (year, month, day), where both are days of the calendar."""
    a, b = day_value(*first), day_value(*last)
    if a is None or b is None:
        return None
    return cand(m, ctx, range_value(a, b), rule_id, why, relative=relative)


def day_cand(m: Any, ctx: Ctx, v: Value | None, rule_id: str, why: str, relative: bool) -> DateCandidate | None:
    c = cand(m, ctx, v, rule_id, why, relative=relative, calendar=True)
    if c is not None:
        c.day = v.date if v else None
    return c


@rule("dates/iso", WD + r"(?<![\w/.-])(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\w/]|-\d|[.,]\d)", needs="0000-0")
def iso(m: Any, ctx: Ctx) -> DateCandidate | None:
    if weekday_of(m, "wd", ctx) is False:
        return None
    v = day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_cand(m, ctx, v, "dates/iso", "ISO date", False)


@rule("dates/iso_range", r"(?<![\w/.-])(?P<y1>(?:1[89]|20)\d\d)-(?P<m1>[01]?\d)-(?P<d1>[0-3]?\d)" + _TO +
      r"(?P<y2>(?:1[89]|20)\d\d)-(?P<m2>[01]?\d)-(?P<d2>[0-3]?\d)(?![\w/]|-\d|[.,]\d)", needs="0000-0")
def iso_range(m: Any, ctx: Ctx) -> DateCandidate | None:
    """Two ISO dates joined by a dash, spaced or not ("2026-03-01–2026-03-31"), or by "till (och med)"/"t.o.m.":
    the days from one to the other."""
    first, last = (int(m["y1"]), int(m["m1"]), int(m["d1"])), (int(m["y2"]), int(m["m2"]), int(m["d2"]))
    if not first < last:
        return None
    return days_cand(m, ctx, first, last, "dates/iso_range", "ISO date to ISO date", False)


@rule("dates/iso_dotted", r"(?<![\w/.,-])(?P<y>1\d\d\d|20\d\d)(?P<sep>[./])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"
      r"(?![\w/]|[.,]\d)", needs="0000.0|0000/0")
def iso_dotted(m: Any, ctx: Ctx) -> DateCandidate | None:
    """Year first with dots or slashes: "2015.5.13", "2019/09/01"."""
    v = day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_cand(m, ctx, v, "dates/iso_dotted", "year, month and day with dots or slashes", False)


@rule("dates/iso_month", r"(?<![\w/.-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![\w/]|[-.,]\d)", needs="0000-0")
def iso_month(m: Any, ctx: Ctx) -> DateCandidate | None:
    return cand(m, ctx, month_value(int(m["y"]), int(m["m"])), "dates/iso_month", "ISO year-month")


@rule("dates/numeric", rf"{WD}{NUMB}(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?P<y>(?:1[89]|20)\d\d|\d\d)"
      r"(?![\w/]|[.,-]\d)", needs="0/0|0.0|0-0")
def numeric(m: Any, ctx: Ctx) -> DateCandidate | None:
    if weekday_of(m, "wd", ctx) is False:
        return None
    y = int(m["y"])
    if len(m["y"]) == 2:
        if m["sep"] == ".":
            return None  # 1.2.15 is a section number more often than a date
        y = two_digit_year(y, ctx.ref, DATA.year_pivot_two_digit)
    v = day_value(y, int(m["m"]), int(m["d"]))
    return day_cand(m, ctx, v, "dates/numeric", "numeric day, month and year", False)


@rule("dates/numeric_year_apart", rf"{WD}{NUMB}(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:[ \t]|-)(?P<y>(?:19|20)\d\d)(?![\w/]|[.,-]\d)",
      needs="0/0")
def numeric_year_apart(m: Any, ctx: Ctx) -> DateCandidate | None:
    """Day/month with the year after a space or a dash: "5/3 2024", "5/3-2024"."""
    if weekday_of(m, "wd", ctx) is False or CASE_PREFIX.search(ctx.text, max(0, m.start("d") - 12), m.start("d")):
        return None  # "KS 12/4 2019": a case number
    v = day_value(int(m["y"]), int(m["m"]), int(m["d"]))
    return day_cand(m, ctx, v, "dates/numeric_year_apart", "numeric day and month, the year after a space or dash", False)


@rule("dates/numeric_day_month", rf"{NUMB}(?P<d>[0-3]?\d)(?P<sep>[/-])(?P<m>[01]?\d)(?![\w/]|[-.,:]\d)", needs="0/0|0-0")
def numeric_day_month(m: Any, ctx: Ctx) -> DateCandidate | None:
    d, mo = int(m["d"]), int(m["m"])
    if CASE_PREFIX.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "KS 20/6", "Dnr 12/4": a case number
    context = after_date_word(ctx, m.start())
    clock = bool(_CLOCK_AFTER.match(ctx.folded[m.end():m.end() + 12]))
    if not (context or clock or _opens_dated_line(ctx.text, m.start(), m.end())):
        if m["sep"] == "/" and (d <= mo or (d, mo) == (24, 7)):
            return None  # 1/3, 2/5: fractions; 24/7: round the clock
        if m["sep"] == "-" and not m["m"].startswith("0"):
            return None  # 12-18 år, 3-5 personer
    y, rel = resolve_year(mo, ctx, None)
    v = day_value(y, mo, d) if (mo, d) != (2, 29) or y is None else leap_day_value(y)
    return day_cand(m, ctx, v, "dates/numeric_day_month", "numeric day and month, year from the reference", rel)


#: Blanks and a bullet at most between a line's start and a date, matched backwards from the date (reverse
#: search): only the blanks and the bullet before it are read, not its line (one long line of dates).
_LINE_LEAD = compile_re(r"(?r)(?<![^\n])[ \t]*(?:[-–•*][ \t]+)?")
_EVENT_AFTER = compile_re(r"[ \t]+\p{Lu}")


def _opens_dated_line(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` opens a line (a bullet before it at most) before a capitalised event: a calendar's day
    ("- 2/12 Budgetberedning"), no fraction."""
    return bool(_LINE_LEAD.match(text, 0, start)) and bool(_EVENT_AFTER.match(text, end))


@rule("dates/weekday_day_month", rf"{NLB}(?:(?:pa|till|fran|sedan|fore|efter|infor|senast)[ \t]+)?{weekday('wd')}[ \t]*,?[ \t]*"
      rf"(?:den[ \t]+)?{NUMB}(?P<d>[0-3]?\d)/(?P<m>[01]?\d)"
      r"(?![\w/]|[-.,:]\d)", needs="0/0")
def weekday_day_month(m: Any, ctx: Ctx) -> DateCandidate | None:
    """A weekday before a numeric day and month: "tisdag 3/2", "sedan fredag den 13/3"; one mention, no fraction."""
    y, rel = resolve_year(int(m["m"]), ctx, None)
    v = None if y is None else day_value(y, int(m["m"]), int(m["d"]))
    if v is None or v.date is None or weekday_of(m, "wd", ctx) != v.date.weekday():
        return None
    return day_cand(m, ctx, v, "dates/weekday_day_month", "weekday with numeric day and month", rel)


@rule("dates/numeric_day_month_range",
      rf"{NUMB}(?P<d1>[0-3]?\d)/(?P<m1>[01]?\d){_TO}"
      r"(?P<d2>[0-3]?\d)/(?P<m2>[01]?\d)(?![\w/]|[-.,:]\d)", needs="0/0")
def numeric_day_month_range(m: Any, ctx: Ctx) -> DateCandidate | None:
    """Two numeric days and months as a range: "4/2-20/2", "28/12 t.o.m. 6/1" (over the new year); two
    fractions ("1/3-1/2") only after a date word."""
    if CASE_PREFIX.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    m1, d1, m2, d2 = int(m["m1"]), int(m["d1"]), int(m["m2"]), int(m["d2"])
    y1, rel = resolve_year(m1, ctx, None)
    if y1 is None or (d1 <= m1 and d2 <= m2 and not after_date_word(ctx, m.start())):
        return None  # "1/3-1/2 av kostnaden": fractions
    y2 = y1 + 1 if (m1, d1) > (m2, d2) else y1
    return days_cand(m, ctx, (y1, m1, d1), (y2, m2, d2), "dates/numeric_day_month_range", "numeric day to numeric day", rel)
