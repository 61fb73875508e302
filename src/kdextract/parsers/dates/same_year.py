"""A date that "samma år" follows takes the year of the date before it in its paragraph, where that one writes it
("grävningen startar i april 2027 och ska vara klar vecka 40 samma år": week 40 of 2027); so does a year-less date
that the reference's year puts before such a date where that year puts it after ("anmälan stänger den 30 april
2027; svar ges vecka 20": a plan goes forward, week 20 of 2027 in a text of autumn 2026, not a week gone by), but
not one by a verb in the past tense ("… börjar den 11 januari 2027. Rekryteringen avbröts i november": gone by),
nor one whose written weekday its own year fits ("… senast den 1 februari 2027. Handlingarna publiceras fredagen den
4 december": in a text of 8 December 2026, a Friday of 2026), nor a week or month that still holds the reference ("…
senast den 15 januari 2027. Länsstyrelsen besöker kommunen under vecka 47": in a text of 18 November 2026, this
week)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from kdextract.pattern_cache import compile_std
from kdextract.text.fold import fold

from .calendar import Value, day_value, month_value, week_value
from .common import in_past_tense
from .engine import Ctx, DateCandidate
from .patterns import DATA, LEX

#: the phrase right after a date (folded text)
_SAME_YEAR = compile_std(r"[ \t]+(?:" + "|".join(re.escape(fold(w)) for w in sorted(
    DATA.same_year.words, key=lambda w: (-len(w), w))) + r")(?!\w)")
_YEAR = compile_std(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WORD = compile_std(r"[^\W\d_]+")
#: A blank line, or a line break before a bullet: each point of a list is a paragraph of its own.
_PARAGRAPH_BREAK = compile_std(r"\n[ \t]*(?:\n|[-–•*▪][ \t])")
_VALUE = compile_std(r"(?:\d{4}|XXXX)-(?:W(?P<week>\d\d)|(?P<month>\d\d)(?:-(?P<day>\d\d))?)$")


def take_same_year(chosen: Sequence[DateCandidate], ctx: Ctx) -> None:
    """Give each date of ``chosen`` before "samma år" the year written in the date before it (in place)."""
    for k, c in enumerate(chosen):
        m = _VALUE.match(c.val.value)
        if m is None:
            continue
        year = _year_before(chosen[k - 1] if k else None, c, ctx)  # (no copy of those before: their square)
        if year is None or c.val.value.startswith(str(year)):
            continue
        if not (_SAME_YEAR.match(ctx.folded, c.end)
                or c.relative and _goes_forward(chosen[k - 1], m, year, ctx) and not in_past_tense(ctx, c.start, c.end)
                and not _weekday_fits(c, m, ctx)):
            continue
        value: Value | None
        if m.group("week"):
            value = week_value(year, int(m.group("week")))
        elif m.group("day"):
            value = day_value(year, int(m.group("month")), int(m.group("day")))
        else:
            value = month_value(year, int(m.group("month")))
        if value is not None:
            c.val = value


def _weekday_fits(c: DateCandidate, m: re.Match[str], ctx: Ctx) -> bool:
    """``c`` names a weekday that its own day falls on ("fredagen den 4 december"): the weekday fixed its year."""
    day = _bound_day(m, int(m.string[:4])) if m.group("day") and m.string[:4].isdigit() else None
    return day is not None and any(LEX.weekday(w, w) == day.weekday()
                                   for w in _WORD.findall(ctx.folded, c.start, c.end))


def _bound_day(m: re.Match[str], year: int, last: bool = False) -> dt.date | None:
    """The first (``last``: the last) day of a year-less date's value (``_VALUE``'s match) in ``year``."""
    try:
        if m.group("week"):
            return dt.date.fromisocalendar(year, int(m.group("week")), 7 if last else 1)
        month, day = int(m.group("month")), m.group("day")
        if last and day is None:
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, month, int(day or 1))
    except ValueError:
        return None


def _goes_forward(before: DateCandidate, m: re.Match[str], year: int, ctx: Ctx) -> bool:
    """The date of ``m`` falls wholly before the reference and the written date ``before`` in its own year, on or
    after ``before`` in ``year``; ``before`` lies after the reference (a plan, not a record)."""
    last = before.val.date if before.val.end_date is None else before.val.end_date
    if last is None or ctx.ref is None or before.relative or last.year != year or not m.string[:4].isdigit():
        return False
    own, moved = _bound_day(m, int(m.string[:4]), last=True), _bound_day(m, year)
    return own is not None and moved is not None and own < ctx.ref < last <= moved


def _year_before(last: DateCandidate | None, date: DateCandidate, ctx: Ctx) -> int | None:
    """The year written in ``last``, the date before ``date``, where it lies in the paragraph (or the list point) of
    ``date``."""
    if last is None:
        return None
    if _PARAGRAPH_BREAK.search(ctx.text, last.end, date.start):
        return None
    years = _YEAR.findall(ctx.text, last.start, last.end)
    return int(years[-1]) if years else None
