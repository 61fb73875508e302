"""Parts of the calendar: seasons, half years and year turns, quarters, tertials, weeks, holidays."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kdextract.text.fold import fold

from .calendar import (
    Value,
    add_months,
    date_value,
    day_value,
    month_value,
    last_day_of_month,
    movable_holiday,
    nearest_season_year,
    nth_weekday,
    range_value,
    season_year,
    tertial_value,
    week_of,
    week_value,
    week_year,
    y4,
)
from .common import (future_in_sentence, holiday_is_name, in_future_tense, in_past_tense, past_earlier_in_clause,
                     resolve_year)
from .engine import DIGIT, ORDINALISH, DateCandidate, Ctx, cand, rule
from .lexicon import word_regex
from .patterns import (DATA, LEX, MONTHISH, NL, NLB, ORDINAL, PREP, REL, S1, SEASON, WEEKDAY_WORD, WEEKDAYISH, YREL,
                       YREL_DELTA, keys_of, month, rel_kind, year)

_ORDER = DATA.season_order
_EXACT = {fold(w): w for w in DATA.exact_only_words.words}
_RATE = frozenset(fold(w) for w in DATA.rate_prepositions.words)
_YEAR_ONLY = frozenset(fold(w) for w in DATA.year_only_seasons.words)


_rel_kind = rel_kind


@rule("dates/season",
      rf"{NLB}(?:(?P<prep>{PREP}|glad|trevlig|skon){S1})?(?:(?P<rel>{REL})[ \t]+)?(?P<s>{SEASON}){NL}"
      rf"(?:{S1}{year('y')}(?:/(?P<y2>\d\d(?:\d\d)?))?(?![\d/]))?", needs=keys_of([*DATA.seasons, *DATA.seasons_past]))
def season(m: Any, ctx: Ctx) -> DateCandidate | None:
    """A season, with its year or a split year ("vintern 2025/26": the autumn and winter of its first year, the
    spring and summer of its second)."""
    s = m["s"]
    if s in _EXACT and ctx.text[m.start("s"):m.end("s")].casefold() != _EXACT[s]:
        return None  # "var" is a verb unless written "vår"
    past = s in LEX.seasons_past
    code = LEX.seasons_past[s] if past else LEX.seasons[s]
    prep = " ".join((m["prep"] or "").split())
    rel = _rel_kind(m["rel"])
    if not (prep or rel or m["y"] or s.endswith("ens")):
        return None
    if s in _YEAR_ONLY and not m["y"]:
        return None  # "under sommarlovet": every summer break
    if prep in _RATE and not (rel or m["y"] or s.endswith(("n", "ns"))):
        return None  # "per sommar": a rate
    if past and prep != "i":
        return None
    relative = False
    if m["y"]:
        y: int | None = int(m["y"])
        if m["y2"]:
            if int(m["y2"]) % 100 != (int(m["y"]) + 1) % 100 or len(m["y2"]) == 4 and int(m["y2"]) != int(m["y"]) + 1:
                return None  # "våren 2025/31": no split year
            y = int(m["y"]) + (0 if code in ("FA", "WI") else 1)
    else:
        relative = ctx.ref is not None
        # a past verb next to a season without a year means the last one ("släcktes under våren")
        if past or rel == "last" or (rel is None and ctx.ref is not None and (
                in_past_tense(ctx, m.start(), m.end()) or past_earlier_in_clause(ctx, m.start()))):
            y = season_year(code, ctx.ref, ctx.grain, past=True)
            if rel == "last" and y is not None and ctx.ref is not None and season_year(code, ctx.ref) == y:
                y -= 1
        elif not (prep or rel) and ctx.ref is not None and ctx.grain != "year" \
                and not future_in_sentence(ctx, m.start(), m.end()):  # "redovisning av sommarens verksamhet"
            y = nearest_season_year(code, ctx.ref)
        else:
            y = season_year(code, ctx.ref, ctx.grain)
            if rel == "next" and y is not None and ctx.ref is not None and season_year(code, ctx.ref, past=True) == y:
                y += 1
    this = Value(f"{y4(y)}-{code}", "season")
    v = this
    if prep == "efter":
        i = _ORDER.index(code)
        nxt = _ORDER[(i + 1) % 4]
        v = Value(f"{y4(None if y is None else y + (1 if nxt == 'SP' else 0))}-{nxt}", "season", alternatives=[this.value])
    word = " ".join((m["rel"] or "").split())
    if word in ("denna", "den har") and y is not None:
        a, b = DATA.season_intervals.intervals[code]
        y2 = y + 1 if code == "WI" else y
        start = dt.date.fromisoformat(f"{y:04d}-{a}")
        end = dt.date.fromisoformat(f"{y2:04d}-{b}")
        v = range_value(date_value(start), date_value(end))
        v.alternatives.append(this.value)
    return cand(m, ctx, v, "dates/season", "season, year from the reference" if relative else "season", relative=relative)


@rule("dates/season_range", rf"{NLB}(?:(?P<prep>{PREP}){S1})?(?P<s1>{SEASON}){S1}och{S1}(?P<s2>{SEASON}){S1}{year('y')}(?![\d/])",
      needs=keys_of(DATA.seasons))
def season_range(m: Any, ctx: Ctx) -> DateCandidate | None:
    """Two seasons in a row and their year ("under sommaren och hösten 2028"): one span, as "maj och juni" is."""
    a, b = LEX.seasons.get(m["s1"]), LEX.seasons.get(m["s2"])
    if a is None or b is None or a == "WI" or _ORDER.index(b) != _ORDER.index(a) + 1 \
            or m["s1"] in _EXACT and ctx.text[m.start("s1"):m.end("s1")].casefold() != _EXACT[m["s1"]]:
        return None  # "våren och hösten 2028" are two; "vintern och våren" spans a year's turn
    y = int(m["y"])
    v = range_value(Value(f"{y4(y)}-{a}", "season"), Value(f"{y4(y)}-{b}", "season"))
    return cand(m, ctx, v, "dates/season_range", "season to season")


_TERMS = {fold(k): v for k, v in DATA.school_terms.words.items()}


@rule("dates/school_term",
      rf"{NLB}(?P<t>{'|'.join(_TERMS)})[ \t]*-?[ \t]*(?:{year('y')}|(?P<yy>\d\d)(?!\d))(?![^\W\d_])",
      needs=tuple(["|".join([f"={t}" for t in _TERMS] + [f"{t}0" for t in _TERMS])]))
def school_term(m: Any, ctx: Ctx) -> DateCandidate | None:
    """A school term abbreviated in capitals before its year: "HT 2026", "VT-27"."""
    if not ctx.text[m.start("t"):m.end("t")].isupper():
        return None
    code = _TERMS[m["t"]]
    y = int(m["y"]) if m["y"] else 2000 + int(m["yy"])
    half = "H2" if code == "FA" else "H1"
    v = Value(f"{y4(y)}-{code}", "season", alternatives=[f"{y4(y)}-{half}"])
    return cand(m, ctx, v, "dates/school_term", "school term")


_TURN_BEFORE, _TURN_AFTER = (frozenset(fold(w) for w in ws.words) for ws in (DATA.year_turn_before, DATA.year_turn_after))


@rule("dates/year_turn",
      rf"{NLB}(?:(?P<prep>vid|fore|efter|infor|till|kring|runt|fram[ \t]+till|under|i|per|fr\.?o\.?m\.?|fran)[ \t]+)?"
      r"(?P<w>halvarsskiftet|halvarskiftet|arsskiftet|arskiftet|manadsskiftet)"
      r"(?:[ \t]+(?P<y1>(?:19|20)\d\d)(?:[ \t]*/[ \t]*(?P<y2>(?:19|20)?\d\d))?)?(?![\w/])", needs="skifte")
def year_turn(m: Any, ctx: Ctx) -> DateCandidate | None:
    w = m["w"]
    # a past verb next to a year-less turn means the last one ("vid årsskiftet startade"), not the coming one
    past = ctx.ref is not None and not m["y1"] and in_past_tense(ctx, m.start(), m.end())
    when = " (the last one: past tense)" if past else ""
    y: int | None
    if w.startswith("halv"):
        if past and ctx.ref is not None:
            y, rel = (ctx.ref.year if ctx.ref.month >= 7 else ctx.ref.year - 1), True
        elif not m["y1"] and ctx.ref is not None and ctx.grain != "year":
            y, rel = (ctx.ref.year if ctx.ref.month <= 7 else ctx.ref.year + 1), True  # the coming one, as årsskiftet
        else:
            y, rel = resolve_year(7, ctx, int(m["y1"]) if m["y1"] else None)
        v = day_value(y, 7, 1)
        if v is None:
            return None
        v.alternatives += [f"{y4(y)}-07", f"{y4(y)}-H2"]
        return cand(m, ctx, v, "dates/half_year_turn", "turn of the half year (1 July)" + when, relative=rel)
    if w.startswith("manad"):
        known = ctx.month_known
        if known is None:
            return None
        ny, nm = (known.year, known.month) if past else (
            (known.year + 1, 1) if known.month == 12 else (known.year, known.month + 1))
        v = day_value(ny, nm, 1)
        if v is None:
            return None  # past 9999
        v.alternatives.append(f"{ny:04d}-{nm:02d}")
        return cand(m, ctx, v, "dates/month_turn", "turn of the month, from the reference" + when, relative=True)
    rel, y = False, None
    if m["y2"]:
        y2 = m["y2"]
        y = int(y2) if len(y2) == 4 else int(m["y1"][:2] + y2)
    elif m["y1"]:
        y = int(m["y1"]) + 1
    elif ctx.ref is not None:
        last = past or ctx.ref.month == 1 and not in_future_tense(ctx, m.start(), m.end())  # January: unless "ska …"
        y, rel = (ctx.ref.year if last else ctx.ref.year + 1), True
    prep = fold(m["prep"] or "")
    if y is not None and prep in _TURN_BEFORE:  # "före årsskiftet": the current year's last day
        if (v := day_value(y - 1, 12, 31)) is None:
            return None
        v.alternatives += [f"{y - 1:04d}-12", f"{y:04d}-01-01"]
        return cand(m, ctx, v, "dates/year_turn", "before the turn of the year (31 December)", relative=rel)
    if y is not None and prep in _TURN_AFTER:  # "efter årsskiftet": early next year
        (v := month_value(y, 1)).alternatives += [f"{y:04d}-01-01", f"{y:04d}-Q1"]
        return cand(m, ctx, v, "dates/year_turn", "after the turn of the year (January)", relative=rel)
    v = day_value(y, 1, 1)
    if v is None:
        return None
    if y is not None:
        v.alternatives += [f"{y:04d}-01", f"{y - 1:04d}-12-31", f"{y - 1:04d}-12", f"{y:04d}"]
    why = "turn of the year (the last 1 January: past tense)" if past else "turn of the year (the coming 1 January)"
    return cand(m, ctx, v, "dates/year_turn", why, relative=rel)


@rule("dates/half_year",
      rf"{NLB}(?:(?P<prep>{PREP})[ \t]+)?(?:(?P<ord>forsta|andra|1:a|2:a|senare|sista)[ \t]+"
      rf"(?P<h>halvaret|halvan[ \t]+av(?:[ \t]+(?P<aret>aret))?)|halvar[ \t]*(?P<n>[12])(?!\d))(?:[ \t]+{year('y')})?{NL}", needs="halv")
def half_year(m: Any, ctx: Ctx) -> DateCandidate | None:
    if m["h"] and m["h"].startswith("halvan") and not (m["aret"] or m["y"]):
        return None  # "första halvan av mötet"
    n = int(m["n"]) if m["n"] else (1 if m["ord"] in ("forsta", "1:a") else 2)
    y: int | None
    if m["y"]:
        y, rel = int(m["y"]), False
    else:
        y, rel = resolve_year(1 + 6 * (n - 1), ctx, None)
    return cand(m, ctx, Value(f"{y4(y)}-H{n}", "half"), "dates/half_year", "half year", relative=rel)


_ORD_Q = {fold(k): v for k, v in DATA.quarter_ordinals.words.items()}


def _period_number(m: Any, limit: int) -> int | None:
    if m["n"]:
        return int(m["n"])
    o = m["ord"]
    if not o:
        return None
    if o == "sista":
        return limit
    n = _ORD_Q.get(o) or (int(o[0]) if o[0].isdigit() else None)
    return n if n is not None and 1 <= n <= limit else None


@rule("dates/quarter",
      rf"{NLB}(?:(?P<prep>{PREP}){S1})?(?:(?P<ord>forsta|andra|tredje|fjarde|sista|[1-4]:[ae]|[1-4]\.)(?:[ \t]+|[ \t]*\n[ \t]*)kvartal(?:et)?"
      rf"|(?:kvartal|kv\.?)[ \t]*(?P<n>[1-4])|(?<!\w)q(?P<q>[1-4])|(?P<rel>{REL})[ \t]+kvartal(?:et)?)"
      rf"(?:{S1}(?:(?:ar|aret)[ \t]+)?{year('y')}|[ \t]*-[ \t]*(?P<yy>\d\d)(?!\d))?(?![^\W\d_]|\d)", needs="kv|q0")
def quarter(m: Any, ctx: Ctx) -> DateCandidate | None:
    y: int | None
    if m["rel"]:
        known = ctx.month_known
        if known is None:
            return None
        q0 = (known.month - 1) // 3 + 1
        k = _rel_kind(m["rel"])
        idx = known.year * 4 + q0 - 1 + (1 if k == "next" else -1 if k == "last" else 0)
        qy, qi = divmod(idx, 4)
        return cand(m, ctx, Value(f"{qy:04d}-Q{qi + 1}", "quarter"), "dates/quarter", "quarter from the reference",
                    relative=True)
    q = int(m["q"]) if m["q"] else _period_number(m, 4)
    if q is None:
        return None
    rel = False
    if m["y"]:
        y = int(m["y"])
    elif m["yy"]:
        y = 2000 + int(m["yy"])
    else:
        y, rel = resolve_year(3 * q - 2, ctx, None)  # a quarter that ended lately in a report, or one to come
    return cand(m, ctx, Value(f"{y4(y)}-Q{q}", "quarter"), "dates/quarter", "quarter", relative=rel)


@rule("dates/tertial",
      rf"{NLB}(?:(?P<prep>{PREP})[ \t]+)?(?:(?P<ord>forsta|andra|tredje|sista|[1-3]:[ae])(?:[ \t]+|[ \t]*\n[ \t]*)tertial(?:et)?"
      rf"|tertial[ \t]*(?P<n>[1-3])|(?<!\w)t(?P<t>[1-3])(?=[ \t]+(?:19|20)\d\d))(?:[ \t]+{year('y')})?(?![^\W\d_]|\d)", needs="tertial|t0")
def tertial(m: Any, ctx: Ctx) -> DateCandidate | None:
    if m["t"]:
        if ctx.text[m.start("t") - 1] != "T":
            return None
        n: int | None = int(m["t"])
    else:
        n = _period_number(m, 3)
    if n is None:
        return None
    y: int | None
    if m["y"]:
        y, rel = int(m["y"]), False
    else:
        y, rel = resolve_year(4 * n - 3, ctx, None)
    return cand(m, ctx, tertial_value(y, n), "dates/tertial", "tertial (four-month period)", relative=rel)


@rule("dates/week",
      rf"{NLB}(?:(?P<prep>{PREP})[ \t]+)?(?:vecka[ \t]+nr\.?|veckan|vecka(?:[ \t]*\n(?=[ \t]*\d))?|v\.?[ \t]*nr\.?|v\.|v)[ \t]*(?P<w>[0-5]?\d)"
      rf"(?:(?:[ \t]*-[ \t]*|[ \t]+(?:och|till)[ \t]+)(?P<w2>[0-5]?\d)(?![ \t]*procent))?(?![\d,.:]\d|[^\W\d_]|\d|[ \t]*%)(?:[ \t]*,?[ \t]+{year('y')}(?![\d/])|[ \t]+(?P<yrel>{YREL}){NL})?",
      needs=("=v|=vnr|=vecka|=veckan", DIGIT))
def week(m: Any, ctx: Ctx) -> DateCandidate | None:
    w = int(m["w"])
    w2 = int(m["w2"]) if m["w2"] else None
    if not 1 <= w <= 53 or (w2 is not None and (w2 in (0, w) or w2 < w and (
            m["y"] or m["yrel"] or "-" not in m.string[m.end("w"):m.start("w2")]))):
        return None  # "vecka 52–1 2027": whose year is written is not known; "vecka 44 och 3 lärare": a count
    y: int | None
    if m["y"]:
        y, rel = int(m["y"]), False
    elif m["yrel"] and ctx.ref is not None:  # "vecka 12 nästa år"
        y, rel = ctx.ref.year + YREL_DELTA[m["yrel"].split()[0]], True
    else:
        y = week_year(w, ctx.ref, ctx.grain)
        rel = y is not None
    v = week_value(y, w)
    if v is not None and w2 is not None:  # "vecka 52–1": over New Year, the last week in the next year
        end = week_value(y + 1 if y is not None and w2 < w else y, w2)
        v = range_value(v, end) if end is not None else None
    return cand(m, ctx, v, "dates/week", "week number", relative=rel) if v else None


@rule("dates/nth_in_month",
      rf"{NLB}(?P<nth>{ORDINAL}|sista|[1-5]:[ae])[ \t]+(?P<u>{WEEKDAY_WORD}|dagen|veckan)[ \t]+i[ \t]+"
      rf"(?:(?P<rel>{REL})[ \t]+manad(?:en)?{NL}|(?P<this>manaden){NL}|{month('m')}(?:[ \t]+{year('y')})?)",
      needs=(ORDINALISH + "|sista|0:a|0:e", WEEKDAYISH + "|dagen|veckan", "=i", MONTHISH + "|manad"))
def nth_in_month(m: Any, ctx: Ctx) -> DateCandidate | None:
    """"tredje tisdagen i september", "första fredagen i nästa månad", "sista dagen i månaden"."""
    n = -1 if m["nth"] == "sista" else LEX.ordinal(m["nth"])
    if n is None or n == 0:
        return None
    if m["m"]:
        mo = LEX.month(m["m"], abbreviations=False)
        if mo is None:
            return None
        y, rel = resolve_year(mo, ctx, int(m["y"]) if m["y"] else None)
    else:
        known = ctx.month_known
        if known is None:
            return None
        k = _rel_kind(m["rel"]) if m["rel"] else "this"
        y, mo = add_months(known.year, known.month, 1 if k == "next" else -1 if k == "last" else 0)
        rel = True
    if y is None:
        return None
    u = m["u"]
    v: Value | None
    if u == "dagen":
        d = last_day_of_month(y, mo) if n == -1 else None
        v = date_value(d) if d else day_value(y, mo, n)
    elif u == "veckan":
        if n == -1:
            last = last_day_of_month(y, mo)
            sunday = last - dt.timedelta(days=(last.weekday() + 1) % 7)
            v = week_of(sunday)
        else:
            first = dt.date(y, mo, 1)
            monday = first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))
            v = week_of(monday)
    else:
        wd = LEX.weekday(u, u)
        if wd is None:
            return None
        d = nth_weekday(y, mo, wd, n)
        v = date_value(d) if d else None
    if m["this"] and ctx.day and v and v.date and v.date < ctx.day and (nxt := ctx.next_month()):
        return nth_in_month(m, nxt)  # "första måndagen i månaden": a day of every month, the next time it comes
    c = cand(m, ctx, v, "dates/monthly" if m["this"] else "dates/nth_in_month", "n-th day/weekday/week of a month",
             relative=rel)
    if c is not None and v is not None and v.granularity == "day":
        c.day, c.calendar = v.date, True
    return c


_FIXED = {fold(k): v for k, v in DATA.holidays_fixed.items()}
_MOVABLE = {fold(k): v for k, v in DATA.holidays_movable.items()}
HOLIDAY = word_regex([*_FIXED, *_MOVABLE])
_FEAST_DAYS = {fold(k): v for k, v in DATA.feast_days.days.items()}
_FEAST_MOVABLE = {fold(k): v for k, v in DATA.feast_days_movable.days.items()}


def holiday_date(key: str, y: int) -> dt.date:
    """The date of a holiday or feast (a folded key of the holiday tables) in year ``y``."""
    if key in _FIXED:
        mo, d = _FIXED[key]
        return dt.date(y, mo, d)
    if key in _MOVABLE:
        kind, off = _MOVABLE[key]
        return movable_holiday(kind, off, y)
    if key in _FEAST_DAYS:
        return dt.date(y, *_FEAST_DAYS[key])
    return movable_holiday(*_FEAST_MOVABLE[key], y)


@rule("dates/holiday",
      rf"{NLB}(?:(?P<prep>{PREP})[ \t]+)?(?:(?P<h>{HOLIDAY})|(?P<f>julen|jul|nyaret|nyar|pasken|pask|midsommar))"
      rf"{NL}(?:[ \t]+{year('y')})?", needs=keys_of([*_FIXED, *_MOVABLE, *_FEAST_DAYS, *_FEAST_MOVABLE]))
def holiday(m: Any, ctx: Ctx) -> DateCandidate | None:
    key = " ".join((m["h"] or m["f"]).split())
    if m["f"] and not m["prep"]:
        return None  # "jul" needs a preposition: "före jul", "till påsk"
    if m["f"] == "jul" and ctx.text[m.start("f"):m.end("f")] != "jul":
        return None
    if m["h"] and not m["prep"] and not m["y"] and holiday_is_name(ctx, m.start("h"), m.end("h")):
        return None  # "Lucia Ek", "Ana Lucía Pérez": a given name before a surname
    rel = False
    if m["y"]:
        d = holiday_date(key, int(m["y"]))
    elif ctx.ref is not None:
        d = holiday_date(key, ctx.ref.year)
        if d < ctx.ref and ctx.grain != "year":
            d = holiday_date(key, ctx.ref.year + 1)
        rel = True
    else:
        return None
    v = date_value(d)
    if m["f"]:
        v.alternatives.append(d.strftime("%Y-%m"))
    c = cand(m, ctx, v, "dates/holiday", "holiday, the next one from the reference" if rel else "holiday", relative=rel)
    if c is not None:
        c.day, c.calendar = d, True
    return c
