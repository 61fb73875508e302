"""Expressions resolved against the reference: today/tomorrow, weekdays, next/last units, offsets."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kdextract.pattern_cache import compile_std
from kdextract.text.fold import fold

from .calendar import (
    Value,
    add_months,
    date_value,
    datetime_value,
    month_value,
    time_string,
    week_of,
    week_year,
)
from .common import alone_on_line, before_word
from .engine import DateCandidate, Ctx, cand, rule
from .lexicon import word_regex
from .patterns import (
    DATA,
    EVENT_NOUNS,
    EVENT_SIDES,
    LEX,
    NL,
    NLB,
    PART_OF_DAY,
    REL,
    REL_KEYS,
    WEEKDAY_WORD,
    WEEKDAYISH,
    keys_of,
    rel_kind,
)

_DEICTIC = {fold(k): v for k, v in DATA.deictic.words.items()}
_RELDAY = {fold(k): v for k, v in DATA.relative_days.items()}
_KEYS = word_regex([*_DEICTIC, *_RELDAY])
_RECURRING = frozenset(fold(w) for w in DATA.recurring_weekday_words)
_ABBR_BLOCK = frozenset(fold(w) for w in DATA.weekday_abbreviation_blockers.words)
_POD_HOURS = {fold(k): v for k, v in DATA.parts_of_day.items()}
_POD_CODE = {fold(k): v for k, v in DATA.parts_of_day_timex.items()}


_kind = rel_kind


@rule("dates/relative_day", rf"{NLB}(?P<k>{_KEYS}){NL}", needs=keys_of([*_DEICTIC, *_RELDAY], whole=True))
def relative_day(m: Any, ctx: Ctx) -> DateCandidate | None:
    if ctx.day is None:
        return None
    k = " ".join(m["k"].split())
    if k in _DEICTIC:
        if k in ("nu", "just nu") and ctx.now is not None:
            v = datetime_value(ctx.now, "second")
        else:
            v = date_value(ctx.day)
        c = cand(m, ctx, v, "dates/deictic", "'now' word: the reference (vague in documents)", relative=True)
    else:
        d = ctx.day + dt.timedelta(days=_RELDAY[k])
        c = cand(m, ctx, date_value(d), "dates/relative_day", "day word counted from the reference day", relative=True)
    if c is not None:
        c.day = c.val.date
    return c


def _weekday_near(ref: dt.date, wd: int, direction: int) -> dt.date:
    """The next (direction 1) or previous (-1) given weekday, never the reference day itself."""
    if direction > 0:
        return ref + dt.timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    return ref - dt.timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)


_SCHEDULE_BEFORE = compile_std(rf"{WEEKDAY_WORD}[ \t]*(?:-|,|och)[ \t]*$")
_SCHEDULE = compile_std(rf"^[ \t]*(?:-|till|och)[ \t]*{WEEKDAY_WORD}")
#: "i varje", "varannan" after a weekday, also where a line wraps in between or after ("onsdagen i varje\nmånad").
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_RECURRING_AFTER = compile_std(_GAP + r"(?:i" + _GAP + r")?(?:" + "|".join(map(re.escape, sorted(_RECURRING)))
                               + r")" + _GAP)
#: A day and a month after a weekday ("fredag 4 mars", "fredag den 4 mars"): a date of its own, no relative weekday.
_DAY_MONTH_AFTER = compile_std(r"[ \t]+(?:den[ \t]+)?\d{1,2}(?::[ae])?[ \t]+([^\W\d_]+\.?)")
#: A week number after a weekday ("fredag vecka 11", "torsdag i v. 7"): the weekday of that week, a rule of its own.
_WEEK_AFTER = compile_std(r"[ \t]+(?:i[ \t]+)?(?:vecka|v\.?)[ \t]*\d")
#: An event after a weekday ("måndagen före mötet", "fredagen efter sammanträdet"): a day counted from that event,
#: whose date the words do not give, so no date of the reference's week ("innan han åker" names no event).
_EVENT_AFTER = compile_std(rf"[ \t]+(?:{word_regex(EVENT_SIDES)})[ \t]+(?:nasta[ \t]+)?(?:{word_regex(EVENT_NOUNS)})"
                           rf"{NL}")
_DATE_OR_CLOCK_AFTER = compile_std(r"[ \t]*[,.]?[ \t]*(?:\d|kl\b|kl\.|klockan\b|den\b)")


def _lone_abbreviation(ctx: Ctx, start: int, end: int) -> bool:
    """A weekday abbreviation is a date only before a date or clock time, or alone on its line ("fre.")."""
    if _DATE_OR_CLOCK_AFTER.match(ctx.folded, end):
        return True
    return alone_on_line(ctx.folded, start, end, " \t.")



@rule("dates/weekday",
      rf"{NLB}(?:(?P<pre>pa[ \t]+nasta|nu[ \t]+pa|pa|nasta|kommande|forra|foregaende|senaste|i|denna|till|fran|sedan|"
      rf"under|fore|efter|infor|senast)[ \t]+)?(?P<wd>{WEEKDAY_WORD})(?:[ \t]+(?P<igen>igen){NL})?"
      rf"(?:[ \t]+(?:i[ \t]+)?(?P<wk>{REL})[ \t]+veckan?{NL})?", needs=WEEKDAYISH)
def weekday_rule(m: Any, ctx: Ctx) -> DateCandidate | None:
    s, e = m.span("wd")
    wd = LEX.weekday(m["wd"], ctx.text[s:e])
    if wd is None or ctx.day is None:
        return None
    word = m["wd"].rstrip(".")
    abbreviated = word in LEX.weekday_abbr
    prev = before_word(ctx, m.start())
    if prev in _RECURRING or (abbreviated and not m["pre"] and prev in _ABBR_BLOCK):
        return None
    if _RECURRING_AFTER.match(ctx.folded, e):
        return None  # "andra tisdagen i varje månad": a recurring day, not a date
    if (after := _DAY_MONTH_AFTER.match(ctx.folded, e)) is not None and LEX.month(after.group(1)) is not None:
        return None  # "senast fredag 4 mars": the weekday opens the date after it
    if _WEEK_AFTER.match(ctx.folded, e):
        return None  # "fredag vecka 11": dates/weekday_of_week
    if not m["wk"] and _EVENT_AFTER.match(ctx.folded, e):
        return None  # "senast måndagen före mötet": counted from the meeting, not the reference
    before = ctx.folded[max(0, s - 20):s]
    if _SCHEDULE.match(ctx.folded[e:e + 20]) or _SCHEDULE_BEFORE.search(before):
        return None  # "måndag-fredag", "tis och tor": opening hours, not a date
    if abbreviated and not m["wk"] and not m["pre"] and not _lone_abbreviation(ctx, m.start(), e):
        return None  # "sal: Fre, plan 3", "mån" before an ordinary word: no date or clock follows
    pre = " ".join((m["pre"] or "").split())
    if m["wk"]:
        k = _kind(m["wk"])
        monday = ctx.day - dt.timedelta(days=ctx.day.weekday())
        monday += dt.timedelta(days=7 * (1 if k == "next" else -1 if k == "last" else 0))
        d = monday + dt.timedelta(days=wd)
        why = "weekday of the week named, from the reference"
    elif pre in ("forra", "foregaende", "senaste", "sedan") or (pre == "i" and word.endswith("s")):
        d = _weekday_near(ctx.day, wd, -1)
        why = "weekday, the last one before the reference day"
    else:
        if pre == "i" and not word.endswith("s"):
            return None  # "i måndagens möte" is covered by the genitive below; "i måndag" is rare
        d = _weekday_near(ctx.day, wd, 1)
        why = "weekday, the next one after the reference day"
        if m["igen"]:
            d += dt.timedelta(days=7)
            why = "weekday, the one after the next"
    c = cand(m, ctx, date_value(d), "dates/weekday", why, relative=True)
    if c is not None:
        c.day = d
    return c


_UNIT_GRAIN = {fold(k): v for k, v in DATA.relative_units.words.items()}


@rule("dates/relative_unit",
      rf"{NLB}(?:(?P<prep>i|under|till|fran|infor|fore|efter|senast)[ \t]+)?(?P<rel>{REL})[ \t]+"
      rf"(?P<u>veckan|vecka|manaden|manad|halvaret|halvar){NL}", needs=("veck|manad|halvar", REL_KEYS))
def relative_unit(m: Any, ctx: Ctx) -> DateCandidate | None:
    ref = ctx.month_known
    k = _kind(m["rel"])
    off = 1 if k == "next" else -1 if k == "last" else 0
    g = _UNIT_GRAIN[m["u"]]
    if ref is None or (g == "week" and ctx.day is None):
        return None
    if g == "week":
        v = week_of(ref + dt.timedelta(days=7 * off))
    elif g == "month":
        y, mo = add_months(ref.year, ref.month, off)
        v = month_value(y, mo)
    else:
        idx = ref.year * 2 + (ref.month - 1) // 6 + off
        v = Value(f"{idx // 2:04d}-H{idx % 2 + 1}", "half")
    return cand(m, ctx, v, "dates/relative_unit", "week, month or half year named from the reference", relative=True)


@rule("dates/weekend",
      rf"{NLB}(?P<pre>i|denna|den[ \t]+har|forra|nasta|kommande|till|under|over)[ \t]+(?P<h>helgen|helg){NL}", needs="helg")
def weekend(m: Any, ctx: Ctx) -> DateCandidate | None:
    if ctx.day is None:
        return None
    w = DATA.weekend
    friday = ctx.day + dt.timedelta(days=(w["start_weekday"] - ctx.day.weekday()) % 7)
    if _kind(m["pre"]) == "last" and m["pre"] != "i":
        friday -= dt.timedelta(days=7)
    elif m["pre"] == "nasta" and ctx.day.weekday() >= w["start_weekday"]:
        friday += dt.timedelta(days=7)
    a = dt.datetime.combine(friday, dt.time(w["start_hour"]))
    b = dt.datetime.combine(friday + dt.timedelta(days=w["end_weekday"] - w["start_weekday"]), dt.time(w["end_hour"]))
    v = Value(f"{time_string(a, 'hour')}/{time_string(b, 'hour')}", "range", date=friday, end_date=b.date())
    return cand(m, ctx, v, "dates/weekend", "weekend from the reference", relative=True)


@rule("dates/part_of_day", rf"{NLB}(?:(?P<pp>i|under|pa|efter)[ \t]*)?(?P<pod>{PART_OF_DAY}){NL}", needs=keys_of(DATA.parts_of_day))
def part_of_day(m: Any, ctx: Ctx) -> DateCandidate | None:
    pod, pp = " ".join(m["pod"].split()), m["pp"]
    if pp == "i" and pod == "morgon":
        return None  # "i morgon" is tomorrow
    if pp and m.start("pod") == m.end("pp") and pod not in ("kvall", "natt"):
        return None  # only "ikväll", "inatt" are written together
    hours = _POD_HOURS[pod]
    if pp == "efter" and pod.startswith("lunch"):
        hours = DATA.after_lunch
    standalone = bool(pp) and (pp != "pa" and (pod.endswith("en") or pod in ("kvall", "natt", "eftermiddag",
                                                                             "formiddag", "lunch")))
    c = None
    if ctx.day is not None:
        d = ctx.day.isoformat()
        v = Value(f"{d}T{hours[0]:02d}/{d}T{hours[1]:02d}", "range", date=ctx.day, end_date=ctx.day)
        c = cand(m, ctx, v, "dates/part_of_day", "part of day of the reference day", relative=True)
    else:
        c = cand(m, ctx, Value(f"XXXX-XX-XXT{_POD_CODE[pod]}", "datetime"), "dates/part_of_day", "part of day")
    if c is not None:
        c.kind, c.pod, c.standalone = "pod", pod, standalone
        c.clock = [(hours[0], 0, 0, "hour"), (hours[1], 0, 0, "hour")]
    return c


@rule("dates/weekday_of_week",
      rf"{NLB}(?P<wd>{WEEKDAY_WORD})[ \t]+(?:i[ \t]+)?(?:vecka|v\.?)[ \t]*(?P<w>[0-5]?\d)(?![\d,.:]\d|\d|[^\W\d_])"
      rf"(?:[ \t]*,?[ \t]+(?P<y>(?:19|20)\d\d)(?![\d/]))?", needs=(WEEKDAYISH, "=v|=vecka"))
def weekday_of_week(m: Any, ctx: Ctx) -> DateCandidate | None:
    """"fredag vecka 11", "torsdag i v. 7 2027": that weekday of the ISO week, in the year the week falls in."""
    s, e = m.span("wd")
    wd = LEX.weekday(m["wd"], ctx.text[s:e])
    w = int(m["w"])
    if wd is None or not 1 <= w <= 53:
        return None
    y = int(m["y"]) if m["y"] else week_year(w, ctx.ref, ctx.grain)
    rel = not m["y"]
    if y is None:
        return None
    try:
        d = dt.date.fromisocalendar(y, w, wd + 1)
    except ValueError:
        return None
    c = cand(m, ctx, date_value(d), "dates/weekday_of_week", "weekday of the numbered week", relative=rel)
    if c is not None:
        c.day = d
    return c
