"""Candidates, the rule registry, merging of date + clock, and longest-match selection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import re

from .calendar import Value
from .lexicon import Lexicon


@dataclass
class Ctx:
    """What every rule handler sees."""

    text: str
    folded: str
    ref: dt.date | None
    now: dt.datetime | None  # the reference with its time of day, where one was given
    lex: Lexicon


@dataclass
class Candidate:
    start: int
    end: int
    val: Value
    rule: str
    explanation: str
    relative: bool = False
    kind: str = "date"  # date | clock | pod
    day: dt.date | None = None  # the resolved day, for joining with a clock time
    calendar: bool = False  # an explicit calendar date ("den 9 juni"), not a deictic one
    clock: list[tuple[int, int, int, str]] = field(default_factory=list)
    pod: str | None = None
    standalone: bool = True  # False: only a part of a larger expression (a bare "kväll")
    priority: int = 0


Handler = Callable[[Any, Ctx], "Candidate | Iterable[Candidate] | None"]


@dataclass
class Rule:
    id: str
    pattern: Any
    handler: Handler
    trigger: Any = None


RULES: list[Rule] = []
_TRIGGERS: dict[str, Any] = {}

#: Cheap pre-checks: a rule runs only on texts where its trigger occurs (speed, not meaning).
DIGIT = r"\d"
DAYISH = r"\d|forst|andr|tredje|fjarde|femte|sjatte|sjunde|attonde|nionde|tionde|elfte|tolfte|tonde|tjugo|tretti"
MONTHISH = r"jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|oct|nov|dec|mber|uari|ober|gust|pril"


def rule(rule_id: str, pattern: str, trigger: str | None = None) -> Callable[[Handler], Handler]:
    """Register ``handler`` for matches of ``pattern`` on the folded text (only where ``trigger`` occurs)."""
    compiled = re.compile(pattern)
    trig = None
    if trigger is not None:
        trig = _TRIGGERS.setdefault(trigger, re.compile(trigger))

    def deco(fn: Handler) -> Handler:
        RULES.append(Rule(rule_id, compiled, fn, trig))
        return fn

    return deco


def cand(m: Any, ctx: Ctx, val: Value | None, rule_id: str, why: str, group: int | str = 0, **kw: Any) -> Candidate | None:
    if val is None:
        return None
    start, end = m.span(group)
    return Candidate(start, end, val, rule_id, why, **kw)


def collect(ctx: Ctx) -> list[Candidate]:
    out: list[Candidate] = []
    seen: dict[Any, bool] = {}
    folded = ctx.folded
    for r in RULES:
        if r.trigger is not None:
            ok = seen.get(r.trigger)
            if ok is None:
                ok = seen[r.trigger] = r.trigger.search(folded) is not None
            if not ok:
                continue
        for m in r.pattern.finditer(folded):
            res = r.handler(m, ctx)
            if res is None:
                continue
            if isinstance(res, Candidate):
                out.append(res)
            else:
                out.extend(res)
    return out


def select(cands: list[Candidate]) -> list[Candidate]:
    """Longest match wins; ties go to the higher priority, then the earlier start."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if c.end <= c.start or not c.standalone:
            continue
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)
