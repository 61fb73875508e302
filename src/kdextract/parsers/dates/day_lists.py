"""Days listed before the month they share: "den 5 och 12 maj", "5, 12 och 19 maj", "den 5:e resp. 12:e maj",
"måndagen den 4 och tisdagen den 5 maj".

The day + month rule reads the last day with its month; the days listed before it are dates of that month and
year too, each its own mention (a meeting plan lists its days so), not lone numbers or weekdays counted from
the reference. A list whose days do not rise to the last one's, or whose weekday is not its day's, is no such list
and is left alone.

>>> from kdextract.parsers.dates import find_dates
>>> [(m.text, m.value) for m in find_dates("Vi ses den 3, 10 och 17 juni.", reference="2027-02-01")]
[('den 3', '2027-06-03'), ('10', '2027-06-10'), ('17 juni', '2027-06-17')]
"""

from __future__ import annotations

from typing import Any

from kdextract.pattern_cache import compile_re

from .calendar import Value, day_value
from .engine import Ctx, DateCandidate
from .lexicon import alternation
from .patterns import DATA, LEX, NLB, NUMB, WEEKDAY_WORD

_JOIN = alternation(DATA.day_list_joiners.words)
_ITEM = rf"{NLB}(?:(?P<wd>{WEEKDAY_WORD})[ \t]*,?[ \t]+)?(?:den[ \t]+)?{NUMB}(?P<d>[0-3]?\d)(?::?[ae])?"
_SEP = rf"(?:[ \t]*,[ \t]*(?:(?:{_JOIN})[ \t]+)?|[ \t]+(?:{_JOIN})[ \t]+)"
#: The listed days right before a day + month, read backwards from it (a reverse match ends where it starts);
#: ``own``: the last day's weekday, left out of its match where an earlier one took it ("den 4 och tisdagen").
_LIST = compile_re(rf"(?r)(?:{_ITEM}{_SEP})+(?:(?P<own>{WEEKDAY_WORD})[ \t]*,?[ \t]+)?")
_ITEMS = compile_re(_ITEM)
#: A list's first day says it is one: "den" or a weekday before it; else the list holds three days or more ("4, 11
#: och 18 oktober"), or opens its line or follows a colon ("Sammanträden: 5 och 12 maj").
_DEN = compile_re(r"den[ \t]")
_DAY = compile_re(r"(?P<y>\d{4}|XXXX)-(?P<m>\d\d)-(?P<d>\d\d)\Z")
#: How far before its month a list of days may begin (a list longer than this keeps its last days only).
_REACH = 120


def with_listed_days(chosen: list[DateCandidate], ctx: Ctx) -> list[DateCandidate]:
    """``chosen`` (in text order, disjoint) with the days listed before each day + month; a candidate inside
    such a list (a lone "den 5" read in the reference's month) gives way to the list's day."""
    out: list[DateCandidate] = []
    for c in chosen:
        start, listed = _listed_before(c, ctx) if c.rule == "dates/day_month" else (c.start, [])
        while listed and out and out[-1].start >= listed[0].start:
            out.pop()
        floor = out[-1].end if out else 0
        if listed and floor <= start:
            c.start = start
            out.extend(d for d in listed if d.start >= floor)
        out.append(c)
    return out


def _listed_before(c: DateCandidate, ctx: Ctx) -> tuple[int, list[DateCandidate]]:
    """Where ``c`` starts (at its own weekday, if it has one) and the days listed before it, in text order."""
    m = _LIST.match(ctx.folded, max(0, c.start - _REACH), c.start)
    last = _DAY.match(c.val.value)
    if m is None or last is None or m["own"] and not _on_weekday(m, "own", c.val, ctx):
        return c.start, []
    year = None if last["y"] == "XXXX" else int(last["y"])
    month, below = int(last["m"]), int(last["d"])
    own = m.start("own") if m["own"] else m.end()
    items = list(_ITEMS.finditer(ctx.folded, m.start(), own))
    if not items or not (items[0]["wd"] or _DEN.match(ctx.folded, items[0].start()) or len(items) > 1
                         or _opens(ctx.folded, m.start())):
        return c.start, []  # "punkt 3 och 10 maj", "Vi var 12 och den 20 maj": a number, no day of the list
    out: list[DateCandidate] = []
    for it in reversed(items):
        d = int(it["d"])
        v = day_value(year, month, d) if d < below else None
        if v is None or it["wd"] and not _on_weekday(it, "wd", v, ctx):
            break  # "2, 20 och 11 maj", "onsdagen den 4 och torsdagen den 5 maj" 2026: the days must be the list's
        below = d
        out.append(_candidate(it, v, c))
    return own if out and m["own"] else c.start, out[::-1]


def _opens(text: str, pos: int) -> bool:
    """Only blanks stand between ``pos`` and its line's start or a colon before it."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or text[pos - 1] in "\n:"


def _on_weekday(m: Any, group: str, v: Value, ctx: Ctx) -> bool:
    """The weekday of ``m``'s ``group`` is ``v``'s (or the year, and so the weekday, is unknown)."""
    wd = LEX.weekday(m[group], ctx.text[m.start(group):m.end(group)])
    return wd is not None and (v.date is None or v.date.weekday() == wd)


def _candidate(it: Any, v: Value, c: DateCandidate) -> DateCandidate:
    return DateCandidate(it.start(), it.end(), v, rule="dates/day_list", explanation="day listed before its month",
                         relative=c.relative, calendar=True, day=v.date)
