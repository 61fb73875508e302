"""A date that "samma år" follows takes the year of the date before it in its paragraph, where that one writes it
("grävningen startar i april 2027 och ska vara klar vecka 40 samma år": week 40 of 2027)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kdextract.pattern_cache import compile_std
from kdextract.text.fold import fold

from .calendar import Value, day_value, month_value, week_value
from .engine import Ctx, DateCandidate
from .patterns import DATA

#: the phrase right after a date (folded text)
_SAME_YEAR = compile_std(r"[ \t]+(?:" + "|".join(re.escape(fold(w)) for w in sorted(
    DATA.same_year.words, key=lambda w: (-len(w), w))) + r")(?!\w)")
_YEAR = compile_std(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_PARAGRAPH_BREAK = compile_std(r"\n[ \t]*\n")
_VALUE = compile_std(r"(?:\d{4}|XXXX)-(?:W(?P<week>\d\d)|(?P<month>\d\d)(?:-(?P<day>\d\d))?)$")


def take_same_year(chosen: Sequence[DateCandidate], ctx: Ctx) -> None:
    """Give each date of ``chosen`` before "samma år" the year written in the date before it (in place)."""
    for k, c in enumerate(chosen):
        m = _VALUE.match(c.val.value)
        if m is None or not _SAME_YEAR.match(ctx.folded, c.end):
            continue
        year = _year_before(chosen[:k], c, ctx)
        if year is None or c.val.value.startswith(str(year)):
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


def _year_before(before: Sequence[DateCandidate], date: DateCandidate, ctx: Ctx) -> int | None:
    """The year written in the last of ``before``, where it lies in the paragraph of ``date``."""
    if not before:
        return None
    last = before[-1]
    if _PARAGRAPH_BREAK.search(ctx.text, last.end, date.start):
        return None
    years = _YEAR.findall(ctx.text, last.start, last.end)
    return int(years[-1]) if years else None
