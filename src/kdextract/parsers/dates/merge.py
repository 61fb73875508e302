"""Join a date with an adjacent time of day or part of day, two periods of one kind across a dash into a range,
and give lone clock times a value."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from kdextract.pattern_cache import compile_std
from kdextract.text.fold import fold

from .calendar import Value, datetime_value, range_value, time_string
from .engine import DateCandidate, Ctx
from .patterns import DATA

_POD_CODES: dict[str, str] = {fold(k): c for k, c in DATA.parts_of_day_timex.items()}

#: A range that starts from noon on and ends before six in the morning runs past midnight.
_LATE_START, _EARLY_END = 12, 6

_GAP = compile_std(r"[ \t,]*(?:(?:pa|den|under|fran|mellan)[ \t,]+)?")


def _at(day: dt.date, t: tuple[int, int, int, str]) -> dt.datetime:
    h, mi, s, _ = t
    if h == 24:
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(h, mi, s))


def _clock_value(day: dt.date, times: Sequence[tuple[int, int, int, str]]) -> Value:
    a = _at(day, times[0])
    if len(times) == 1:
        return datetime_value(a, times[0][3])
    b = _at(day, times[1])
    if b < a and a.hour >= _LATE_START and b.hour < _EARLY_END:
        b += dt.timedelta(days=1)  # "kl. 18.00-00.30": a meeting past midnight ends the next day ("13.00-12.00" no)
    grain = times[0][3] if times[0][3] == times[1][3] else "minute"
    return Value(f"{time_string(a, grain)}/{time_string(b, grain)}", "range", date=day, datetime=a, end_date=b.date())


def _join(d: DateCandidate, x: DateCandidate, ctx: Ctx) -> DateCandidate:
    assert d.day is not None
    start, end = min(d.start, x.start), max(d.end, x.end)
    if x.kind == "clock":
        v = _clock_value(d.day, x.clock)
        why = f"{d.explanation} + time of day"
        if d.calendar:
            v.alternatives.append(d.day.isoformat())
        rule_id = "dates/date_time"
    else:
        interval = _clock_value(d.day, x.clock).value
        code = f"{d.day.isoformat()}T{_pod_code(x.pod or '')}"
        if d.calendar:
            v = Value(d.day.isoformat(), "day", date=d.day, alternatives=[code, interval])
        else:
            v = Value(interval, "range", date=d.day, end_date=d.day, alternatives=[d.day.isoformat(), code])
        why = f"{d.explanation} + part of day"
        rule_id = "dates/date_part_of_day"
    return DateCandidate(start, end, v, rule=rule_id, explanation=why, relative=d.relative, day=d.day,
                         calendar=d.calendar, priority=1)


def _pod_code(pod: str) -> str:
    return _POD_CODES.get(pod, "DT")


def merge(cands: list[DateCandidate], ctx: Ctx) -> list[DateCandidate]:
    """``cands`` plus a joined candidate for each day next to a clock time or part of day."""
    extras = [c for c in cands if c.kind != "date"]
    if not extras:
        return cands
    days = [c for c in cands if c.kind == "date" and c.day is not None and c.val.granularity == "day"]
    out = list(cands)
    for d, x in _neighbours(days, extras):
        if x.end <= d.start:
            gap = ctx.folded[x.end:d.start]
        elif d.end <= x.start:
            gap = ctx.folded[d.end:x.start]
        else:
            continue
        if len(gap) <= _MAX_GAP and (_GAP.fullmatch(gap) or _wrapped_kl(gap, d, x, ctx)):
            try:
                out.append(_join(d, x, ctx))
            except OverflowError:
                continue  # past 9999-12-31
    return out


_MAX_GAP = 12
#: A line break between a day and the next line's "kl." ("utbildning 27/8" / "kl. 13.00–16.00").
_LINE_BREAK = compile_std(r"[ \t,]*\n[ \t]*")


def _wrapped_kl(gap: str, d: DateCandidate, x: DateCandidate, ctx: Ctx) -> bool:
    """``gap`` is the line break between day ``d`` and a time of day ``x`` after it that opens its line with "kl"."""
    return d.end <= x.start and x.kind == "clock" and ctx.folded.startswith("kl", x.start) \
        and _LINE_BREAK.fullmatch(gap) is not None


_DASH = compile_std(r"[ \t]*-[ \t]*")
# Periods that a dash joins into one range when each names its year ("kvartal 4 2027 – kvartal 1 2028").
_PERIOD_ORDER: dict[str, tuple[str, ...]] = {"quarter": ("Q1", "Q2", "Q3", "Q4"), "half": ("H1", "H2"), "week": (),
                                          "season": ("SP", "SU", "FA", "WI")}


def join_periods(cands: list[DateCandidate], ctx: Ctx) -> list[DateCandidate]:
    """``cands`` plus a range for each two periods of one kind, each with its year, a dash between them and the
    first before the second ("Q4 2027–Q1 2028", "v. 50 2027 – v. 2 2028", "hösten 2027 – våren 2028")."""
    periods = sorted((c for c in cands if c.kind == "date" and not c.relative and c.val.granularity in _PERIOD_ORDER
                      and c.val.value[:4].isdigit()), key=lambda c: c.start)
    out = list(cands)
    for a, b in zip(periods, periods[1:]):
        if (a.val.granularity == b.val.granularity and a.end < b.start and _DASH.fullmatch(ctx.folded, a.end, b.start)
                and _period_key(a.val.value, a.val.granularity) < _period_key(b.val.value, b.val.granularity)):
            v = range_value(a.val, b.val)
            out.append(DateCandidate(a.start, b.end, v, rule="dates/period_range",
                                     explanation=f"{a.explanation} to {b.explanation}", priority=1))
    return out


def _period_key(value: str, granularity: str) -> tuple[str, int]:
    code, order = value[5:], _PERIOD_ORDER[granularity]
    return value[:4], order.index(code) if code in order else int(code.lstrip("W") or 0)


def _neighbours(days: list[DateCandidate], extras: list[DateCandidate]) -> Iterator[tuple[DateCandidate, DateCandidate]]:
    """The (day, extra) pairs at most ``_MAX_GAP`` apart, in the order of the two lists.

    Few pairs are simply all pairs; in long texts the extras are looked up by position, so
    that a text with thousands of dates and clock times is not read pairwise.
    """
    if len(days) * len(extras) <= 64:
        yield from ((d, x) for d in days for x in extras)
        return
    by_start = sorted(range(len(extras)), key=lambda i: extras[i].start)
    by_end = sorted(range(len(extras)), key=lambda i: extras[i].end)
    starts = [extras[i].start for i in by_start]
    ends = [extras[i].end for i in by_end]
    for d in days:
        near = set(by_start[bisect_left(starts, d.end):bisect_right(starts, d.end + _MAX_GAP)])
        near.update(by_end[bisect_left(ends, d.start - _MAX_GAP):bisect_right(ends, d.start)])
        for i in sorted(near):
            yield d, extras[i]


def value_lone_clocks(chosen: list[DateCandidate], ctx: Ctx) -> None:
    """Give the clock times that stand alone a value (today's or tomorrow's), after selection."""
    for c in chosen:
        if c.kind == "clock":
            try:
                _clock_alone(c, ctx)
            except OverflowError:
                continue  # past 9999-12-31: the clock time keeps no value and is dropped


def _clock_alone(c: DateCandidate, ctx: Ctx) -> None:
    if ctx.day is None:
        h, mi, s, grain = c.clock[0]
        t = {"hour": f"T{h:02d}", "minute": f"T{h:02d}:{mi:02d}", "second": f"T{h:02d}:{mi:02d}:{s:02d}"}[grain]
        c.val = Value(f"XXXX-XX-XX{t}", "datetime")
        return
    day = ctx.day
    if ctx.now is not None:
        h, mi, s, _ = c.clock[0]
        if (h, mi, s) < (ctx.now.hour, ctx.now.minute, ctx.now.second):
            day = day + dt.timedelta(days=1)  # a time already past today: the next one
    c.val = _clock_value(day, c.clock)
    c.relative = True
