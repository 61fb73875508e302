"""Days listed before the month they share: "den 5 och 12 maj", "5, 12 och 19 maj", "den 5:e resp. 12:e maj".

The day + month rule reads the last day with its month; the days listed before it are dates of that month and
year too, each its own mention (a meeting plan lists its days so), not lone numbers. A list whose days do not
rise to the last one's is no such list and is left alone.

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
from .patterns import DATA, NLB, NUMB

_JOIN = alternation(DATA.day_list_joiners.words)
_ITEM = rf"{NLB}(?:den[ \t]+)?{NUMB}(?P<d>[0-3]?\d)(?::?[ae])?"
_SEP = rf"(?:[ \t]*,[ \t]*(?:(?:{_JOIN})[ \t]+)?|[ \t]+(?:{_JOIN})[ \t]+)"
#: The listed days right before a day + month, read backwards from it (a reverse match ends where it starts).
_LIST = compile_re(rf"(?r)(?:{_ITEM}{_SEP})+")
_ITEMS = compile_re(_ITEM)
_DAY = compile_re(r"(?P<y>\d{4}|XXXX)-(?P<m>\d\d)-(?P<d>\d\d)\Z")
#: How far before its month a list of days may begin (a list longer than this keeps its last days only).
_REACH = 120


def with_listed_days(chosen: list[DateCandidate], ctx: Ctx) -> list[DateCandidate]:
    """``chosen`` (in text order, disjoint) with the days listed before each day + month; a candidate inside
    such a list (a lone "den 5" read in the reference's month) gives way to the list's day."""
    out: list[DateCandidate] = []
    for c in chosen:
        listed = _listed_before(c, ctx) if c.rule == "dates/day_month" else []
        if listed:
            while out and out[-1].start >= listed[0].start:
                out.pop()
            floor = out[-1].end if out else 0
            out.extend(d for d in listed if d.start >= floor)
        out.append(c)
    return out


def _listed_before(c: DateCandidate, ctx: Ctx) -> list[DateCandidate]:
    m = _LIST.match(ctx.folded, max(0, c.start - _REACH), c.start)
    last = _DAY.match(c.val.value)
    if m is None or last is None:
        return []
    year = None if last["y"] == "XXXX" else int(last["y"])
    month, below = int(last["m"]), int(last["d"])
    out: list[DateCandidate] = []
    for it in reversed(list(_ITEMS.finditer(ctx.folded, m.start(), m.end()))):
        d = int(it["d"])
        v = day_value(year, month, d) if d < below else None
        if v is None:
            break  # "2, 20 och 11 maj": the days must rise to the last one's
        below = d
        out.append(_candidate(it, v, c))
    return out[::-1]


def _candidate(it: Any, v: Value, c: DateCandidate) -> DateCandidate:
    return DateCandidate(it.start(), it.end(), v, rule="dates/day_list", explanation="day listed before its month",
                         relative=c.relative, calendar=True, day=v.date)
