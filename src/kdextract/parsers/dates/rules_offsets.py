"""Offsets from the reference: "om 2 dagar", "för tre veckor sedan", "om två arbetsdagar",
"2 år och 21 dagar senare", "två dagar efter i dag", "de senaste 2 åren"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from kdextract.pattern_cache import compile_std
from kdextract.text.fold import fold

from .calendar import (
    Value,
    add_months,
    date_value,
    datetime_value,
    month_value,
    range_value,
    time_string,
    week_of,
    year_value,
)
from .common import before_word
from .engine import DateCandidate, Ctx, cand, rule
from .lexicon import word_regex
from .patterns import COUNT, DATA, LEX, NL, NLB, UNIT, keys_of
from .rules_periods import holiday_date

_OFFSET_BLOCK = frozenset(fold(w) for w in DATA.offset_blockers.words)
_ANCHORS = frozenset(fold(w) for w in DATA.offset_anchors.words)
_NOW = frozenset(fold(w) for w in DATA.offset_anchors.now_words)
_CLAUSE_MODALS = frozenset(fold(w) for w in DATA.offset_anchors.clause_modals)
_SUBJECTS = frozenset(fold(w) for w in DATA.offset_anchors.subjects)
_SUBJECT_ENDS = tuple(fold(w) for w in DATA.offset_anchors.subject_endings)
_REVIEW = frozenset(fold(w) for w in DATA.offset_anchors.review_verbs)
_SHARES = frozenset(fold(w) for w in DATA.offset_anchors.share_words)
_SHARE_AFTER = tuple(fold(w) for w in DATA.offset_anchors.share_after)
#: Most characters read back from "inom" for a share that the period measures.
_SHARE_REACH = 120
#: Most words between "och" and the next period's "inom" ("och avslutats inom fem år": one).
_COORDINATED = 3
_DAY_WORDS = {fold(k): 0 for k in DATA.deictic.words} | {fold(k): v for k, v in DATA.relative_days.items()}


def shift(t: dt.datetime, unit: str, n: float) -> dt.datetime:
    if unit == "workday":
        return _workdays(t, int(n))
    if unit == "second":
        return t + dt.timedelta(seconds=n)
    if unit == "minute":
        return t + dt.timedelta(minutes=n)
    if unit == "hour":
        return t + dt.timedelta(hours=n)
    if unit == "day":
        return t + dt.timedelta(days=n)
    if unit == "week":
        return t + dt.timedelta(weeks=n)
    months = int(round(n * (12 if unit == "year" else 3 if unit == "quarter" else 1)))
    y, mo = add_months(t.year, t.month, months)
    last = (dt.date(*add_months(y, mo, 1), 1) - dt.timedelta(days=1)).day
    return t.replace(year=y, month=mo, day=min(t.day, last))


_OUT_GRAIN = {"second": "second", "minute": "second", "hour": "minute", "day": "hour", "workday": "hour",
              "week": "day", "month": "day", "quarter": "day", "year": "month"}
_DAYS_OFF = frozenset(fold(w) for w in DATA.days_off.words)


def _days_off(year: int) -> frozenset[dt.date]:
    """The holidays of ``year`` that are no working days (``days_off`` in dates.json)."""
    return frozenset(holiday_date(key, year) for key in _DAYS_OFF)


def _workdays(t: dt.datetime, n: int) -> dt.datetime:
    """``t`` moved ``n`` working days (Monday to Friday, not a day off) forward, or back where n < 0."""
    step = 1 if n > 0 else -1
    left = abs(n)
    while left:
        t += dt.timedelta(days=step)
        if t.weekday() < 5 and t.date() not in _days_off(t.year):
            left -= 1
    return t


def _offset_value(ctx: Ctx, unit: str, n: float) -> Value:
    base = ctx.now or dt.datetime.combine(ctx.day or dt.date.today(), dt.time())
    t = shift(base, unit, n)
    grain = _OUT_GRAIN[unit]
    if n != int(n) and unit == "hour":
        grain = "second"
    if ctx.now is None and grain == "hour":
        grain = "day"  # a reference without time of day: "om 7 dagar" is a day
    if grain == "day":
        return date_value(t.date())
    if grain == "month":
        return month_value(t.year, t.month)
    return datetime_value(t, grain)


_WITHIN_WHY = "within a period from the reference"
_COUNTX = rf"(?:(?:ca\.?|cirka|ungefar|omkring)[ \t]+)?(?P<n>{COUNT})"


@rule("dates/offset",
      rf"{NLB}(?:(?P<om>om|inom|for|efter)[ \t]+{_COUNTX}[ \t]*(?P<u>{UNIT}){NL}(?:[ \t]+(?P<sedan>sedan|sen){NL})?"
      rf"|{_COUNTX.replace('<n>', '<n2>')}[ \t]+(?P<u2>{UNIT})[ \t]+(?P<dir>sedan|fran[ \t]+nu|fran[ \t]+idag){NL})", needs=(keys_of(LEX.units), "=om|=inom|=for|=efter|=sedan|=fran"))
def offset(m: Any, ctx: Ctx) -> DateCandidate | None:
    if ctx.day is None:
        return None
    count = m["n"] or m["n2"]
    ws, we = m.span("n") if m["n"] else m.span("n2")
    n = LEX.number(count, ctx.text[ws:we])
    unit = LEX.units.get(m["u"] or m["u2"])
    if n is None or unit is None or n <= 0:
        return None
    om = m["om"]
    if om == "efter":
        return None  # "efter 5 dagar" is an open interval
    if om == "for" and not m["sedan"]:
        return None  # "för 3 år" is a duration
    if om in ("om", "inom") and (before_word(ctx, m.start()) in _OFFSET_BLOCK or _anchored(ctx, m.end())):
        return None
    if om == "inom" and _reviewed(ctx, m.start(), m.end()):
        return None
    direction = -1 if (m["sedan"] or (m["dir"] or "").startswith("sedan")) else 1
    if om == "inom" and unit in ("second", "minute", "hour"):
        return None  # "Extra tömning inom 24 timmar": a response time, no day on the calendar
    if om == "inom" and _measured(ctx, m.start(), m.end()):
        return None
    if om == "inom":
        start = ctx.day
        end = shift(dt.datetime.combine(ctx.day, dt.time()), unit, n).date() - dt.timedelta(days=1)
        v = range_value(date_value(start), date_value(end))
        return cand(m, ctx, v, "dates/offset", _WITHIN_WHY, relative=True)
    v = _offset_value(ctx, unit, direction * n)
    small = unit in ("second", "minute", "hour")
    c = cand(m, ctx, v, "dates/offset_time" if small else "dates/offset", "a number of units before or after the reference",
             relative=True)
    if c is not None and v.date is not None:
        c.day = v.date
    return c


#: "inom N <unit>" at a candidate's start (folded), to count its period again from another day.
_WITHIN = compile_std(rf"inom[ \t]+{_COUNTX}[ \t]*(?P<u>{UNIT}){NL}")
#: A sentence's end or a blank line between a named day and a period after it.
_SENTENCE_END = compile_std(r"[.!?](?:\s|$)|\n[ \t]*\n")
#: Most characters between a named day and the period after it that counts from it.
_ANCHOR_REACH = 120
def anchor_periods(chosen: Sequence[DateCandidate], ctx: Ctx) -> None:
    """A period "inom N <unit>" counts from the day named right before it in its sentence, not from the reference
    ("KF gav uppdraget den 22 juni 2026, § 71, med återrapportering inom sex månader": to 21 December 2026), unless
    a clause of its own stands between (``_own_clause``); in place."""
    for k in range(1, len(chosen)):
        c, last = chosen[k], chosen[k - 1]
        if c.rule != "dates/offset" or c.explanation != _WITHIN_WHY or last.relative or last.val.granularity != "day":
            continue
        m = _WITHIN.match(ctx.folded, c.start, c.end)
        if (last.val.date is None or m is None or c.start - last.end > _ANCHOR_REACH
                or _SENTENCE_END.search(ctx.text, last.end, c.start) or _own_clause(ctx.folded[last.end:c.start])):
            continue
        n, unit = LEX.number(m["n"], ctx.text[m.start("n"):m.end("n")]), LEX.units.get(m["u"])
        if n is None or unit is None:
            continue
        start = last.val.date
        end = shift(dt.datetime.combine(start, dt.time()), unit, n).date() - dt.timedelta(days=1)
        c.val = range_value(date_value(start), date_value(end))
        c.explanation = f"within a period from the day named before it ({start.isoformat()})"


def _own_clause(between: str) -> bool:
    """A modal with its subject after it between a day and a period ("Enligt avtalet som tecknades den 1 april 2019
    ska leverantören åtgärda fel inom två veckor"): the day leads into a clause of its own, the period is its rule."""
    words = between.split()
    return any(w in _CLAUSE_MODALS and (n in _SUBJECTS or n.endswith(_SUBJECT_ENDS)) for w, n in zip(words, words[1:]))


def _reviewed(ctx: Ctx, start: int, end: int) -> bool:
    """An appeal's or a review's verb right before "inom N <unit>" or right after it ("kan överklagas inom tre
    veckor", "kan inom tre veckor pröva den"): a time limit from the day the decision was received."""
    after = ctx.folded[end:end + 40].split()[:1]
    return before_word(ctx, start) in _REVIEW or bool(after) and after[0].rstrip(",.;") in _REVIEW


def _measured(ctx: Ctx, start: int, end: int) -> bool:
    """The period is how fast a share of cases was handled: a share named before it in its sentence ("Andelen
    utredningar som avslutats inom fyra månader är 81,7 %") or a percentage right after it ("… var 91 procent")."""
    before = ctx.folded[max(0, start - _SHARE_REACH):start]
    ends = [e.end() for e in _SENTENCE_END.finditer(before)]
    words = before[ends[-1] if ends else 0:].split()
    after = [w.rstrip(",.;") for w in ctx.folded[end:end + 40].split()[:3]]
    return any(w.strip(",.;") in _SHARES for w in words) or any(w.endswith(_SHARE_AFTER) for w in after)


def _anchored(ctx: Ctx, end: int) -> bool:
    """The period after "inom N <unit>" counts from another event ("… efter avslutat projekt"), not from now; so
    does one coordinated with a further period that does ("inom två år och avslutats inom fem år från den dag …")."""
    words = ctx.folded[end:end + 80].split()[:_COORDINATED + 6]
    if words and words[0] in ("och", "samt", "eller"):
        at = next((k for k in range(1, min(len(words), _COORDINATED + 2)) if words[k] in ("om", "inom")), None)
        words = words[at + 3:at + 5] if at is not None else []
    return bool(words) and words[0] in _ANCHORS and not (len(words) > 1 and words[1].rstrip(",.;") in _NOW)


_STEP_GRAIN = {"second": "second", "minute": "minute", "hour": "hour"}


@rule("dates/last_next",
      rf"{NLB}(?:(?:de|den|under|i)[ \t]+)?(?P<rel>senaste|nasta|kommande|narmaste|forra|foregaende)[ \t]+"
      rf"(?P<n>{COUNT})[ \t]+(?P<u>{UNIT}){NL}", needs=("senaste|nasta|kommande|narmaste|forra|foregaende",
                                                         keys_of(LEX.units, whole=True)))
def last_next(m: Any, ctx: Ctx) -> DateCandidate | None:
    if ctx.day is None:
        return None
    ws, we = m.span("n")
    n = LEX.number(m["n"], ctx.text[ws:we])
    unit = LEX.units.get(m["u"])
    if n is None or unit is None or n != int(n) or n < 1 or unit == "quarter":
        return None
    n = int(n)
    a_off, b_off = (-n, -1) if m["rel"] in ("senaste", "forra", "foregaende") else (1, n)
    now = ctx.now or dt.datetime.combine(ctx.day, dt.time())
    if unit in _STEP_GRAIN:
        trunc = {"second": now.replace(microsecond=0), "minute": now.replace(second=0, microsecond=0),
                 "hour": now.replace(minute=0, second=0, microsecond=0)}[unit]
        a, b = shift(trunc, unit, a_off), shift(trunc, unit, b_off)
        v = Value(f"{time_string(a, unit)}/{time_string(b, unit)}", "range")
    elif unit == "day":
        v = range_value(date_value(ctx.day + dt.timedelta(days=a_off)), date_value(ctx.day + dt.timedelta(days=b_off)))
    elif unit == "week":
        v = range_value(week_of(ctx.day + dt.timedelta(weeks=a_off)), week_of(ctx.day + dt.timedelta(weeks=b_off)))
    elif unit == "month":
        v = range_value(month_value(*add_months(ctx.day.year, ctx.day.month, a_off)),
                        month_value(*add_months(ctx.day.year, ctx.day.month, b_off)))
    else:
        v = range_value(year_value(ctx.day.year + a_off), year_value(ctx.day.year + b_off))
    return cand(m, ctx, v, "dates/last_next", "the whole units just before or after the reference", relative=True)


_PART = compile_std(rf"(?P<n>{COUNT})[ \t]*(?P<u>{UNIT}){NL}")
_PARTS = rf"{COUNT}[ \t]*(?:{UNIT}){NL}(?:[ \t]*(?:,|och)[ \t]*{COUNT}[ \t]*(?:{UNIT}){NL})*"
_ANCHOR = word_regex(_DAY_WORDS)


@rule("dates/offset_compound",
      rf"{NLB}(?:(?P<om>om|for)[ \t]+)?(?:(?P<parts>{_PARTS})|(?P<one>dagen|veckan))"
      rf"(?:[ \t]+(?:(?P<dir>sedan|sen|(?:senare|tidigare)(?![ \t]+an{NL})|fran[ \t]+nu)|(?P<side>efter|fore|innan)[ \t]+(?P<anchor>{_ANCHOR})))?{NL}",
      needs=(keys_of(LEX.units) + "|dagen|veckan", "=om|=sedan|=sen|=senare|=tidigare|=fran|=efter|=fore|=innan"))
def offset_compound(m: Any, ctx: Ctx) -> DateCandidate | None:
    """Several units ("1 år och 2 månader sedan"), "senare"/"tidigare" (not a comparison: "en månad senare än
    planerat" is no day), or counted from a day word ("två dagar efter i dag", "dagen före i går")."""
    if ctx.day is None:
        return None
    parts = _parts(m, ctx)
    back = m["dir"] in ("sedan", "sen")
    if parts is None or (m["om"] == "for") != back and m["om"] is not None or (m["om"] and m["side"]):
        return None  # "för 2 år" is a duration, "om 2 dagar före i dag" no expression
    if m["one"] and not m["side"]:
        return None  # "dagen", "veckan" alone
    if not (m["dir"] or m["side"]) and not (m["om"] == "om" and len(parts) > 1):
        return None
    if len(parts) < 2 and (back or m["dir"] == "fran nu" or (m["om"] and not m["dir"])):
        return None  # one unit: the offset rule reads it
    direction = -1 if back or m["dir"] == "tidigare" or m["side"] in ("fore", "innan") else 1
    base = ctx.day + dt.timedelta(days=_DAY_WORDS[" ".join(m["anchor"].split())] if m["anchor"] else 0)
    t = dt.datetime.combine(base, dt.time())
    for n, unit in sorted(parts, key=lambda p: list(_OUT_GRAIN).index(p[1]), reverse=True):
        t = shift(t, unit, direction * n)
    smallest = min((unit for _, unit in parts), key=list(_OUT_GRAIN).index)
    v = month_value(t.year, t.month) if smallest == "year" else date_value(t.date())
    why = "units counted from the reference" + (f" day word {m['anchor']!r}" if m["anchor"] else "")
    c = cand(m, ctx, v, "dates/offset", why, relative=True)
    if c is not None and v.date is not None:
        c.day = v.date
    return c


def _parts(m: Any, ctx: Ctx) -> list[tuple[float, str]] | None:
    if m["one"]:
        return [(1, "day" if m["one"] == "dagen" else "week")]
    out: list[tuple[float, str]] = []
    offset = m.start("parts")
    for p in _PART.finditer(m["parts"]):
        n = LEX.number(p["n"], ctx.text[offset + p.start("n"):offset + p.end("n")])
        unit = LEX.units.get(p["u"])
        if n is None or unit is None or n <= 0 or unit in ("second", "minute", "hour"):
            return None
        out.append((n, unit))
    return out or None
