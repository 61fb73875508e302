"""Calendar dates written with a month's name: day + month (+ year), their ranges, months, a day alone."""

from __future__ import annotations

import re
from typing import Any

from kdextract.pattern_cache import compile_std
from kdextract.text.fold import fold

from .calendar import add_months, day_value, leap_day_value, month_value, range_value, two_digit_year
from .common import alone_on_line, coming_year, day_of, month_is_name, resolve_year, weekday_of, weekday_year
from .engine import DAYISH, DIGIT, DateCandidate, Ctx, cand, rule
from .lexicon import word_regex, word_set_regex
from .patterns import (DATA, LEX, MONTHISH, NL, NLB, ORDINAL, PREP, REL, S0, S1, WEEKDAY_NAME, YREL, YREL_DELTA, day, month,
                       rel_kind, weekday, year, year_of)
from .rules_numeric import day_cand, days_cand


_SINCE = frozenset(fold(w) for w in DATA.since_prepositions.words)
#: A two-digit year right after a dash or an apostrophe ("den 3 juni -27", "3 juni '27"), not a range's end day
#: ("3 juni–27 juni"), a count or an amount ("-27 000", "-27 %", "-24 mnkr").
_MARKS = "|".join(re.escape(w) for w in sorted(DATA.short_year_marks.words, key=lambda w: (-len(w), w)))
_NOT_AFTER = word_regex([*LEX.months, *LEX.month_abbr, *map(fold, DATA.short_year_marks.units_after)])
_SHORT_YEAR = rf"[ \t]*(?:{_MARKS})(?P<yq>\d\d)(?![\w/]|[ \t]*%|[.,:]\d|[ \t]+\d|[ \t]*(?:{_NOT_AFTER}){NL})"


def _year_of(m: Any, ctx: Ctx, mo: int, y_group: str = "y") -> tuple[int | None, bool, bool]:
    """(year, relative, explicit) from the year groups of a match."""
    explicit = year_of(m, y_group)
    if explicit is not None:
        return explicit, False, True
    groups = m.re.groupindex
    if "yrel" in groups and m["yrel"] and ctx.ref:
        return ctx.ref.year + YREL_DELTA[m["yrel"].split()[0]], True, True
    short = next((m[g] for g in ("yy", "yq") if g in groups and m[g]), None)
    if short:
        return two_digit_year(int(short), ctx.ref, DATA.year_pivot_two_digit), False, True
    y, rel = resolve_year(mo, ctx, None)
    return y, rel, False


@rule("dates/day_month",
      rf"{NLB}(?:{weekday('wd')}[ \t]*,?{S0})?(?:(?P<den>den){S1})?{day('d')}[ \t]*{S0}{month('m')}"
      rf"(?:,?{S1}{year('y', True)}|{S1}(?P<yrel>{YREL})(?![^\W\d_])|[ \t]+(?P<yy>\d\d)(?=[ \t]*$)|{_SHORT_YEAR})?"
      rf"(?:,?[ \t]+(?P<wd2>(?:{WEEKDAY_NAME})(?:ens|en|s)?){NL})?", needs=(DAYISH, MONTHISH))
def day_month(m: Any, ctx: Ctx) -> DateCandidate | None:
    mo = LEX.month(m["m"])
    if year_of(m, "y") is None and month_is_name(ctx, *m.span("m")):
        return None
    d = day_of(m, "d")
    wd = weekday_of(m, "wd", ctx)
    if wd is None:
        wd = weekday_of(m, "wd2", ctx)  # "4 augusti 2007 lördag"
    if mo is None or d is None or wd is False:
        return None
    y, rel, explicit = _year_of(m, ctx, mo)
    other = None
    if wd is not None and not explicit and y is not None:
        y, other = weekday_year(ctx, m.start(), m.end(), mo, d, wd, y)
    elif rel and y is not None:
        y = coming_year(ctx, m.start(), m.end(), y, mo)
    v = day_value(y, mo, d)
    if v is None and not explicit and y is not None and (mo, d) == (2, 29):
        v = leap_day_value(y)
    if v is None:
        return None
    why = "day + month" + (" + year" if explicit else ", year from the reference" if rel else "")
    if m["d"] == "1" and not m["den"] and not m["wd"]:
        v.alternatives.append(f"{v.value[:7]}")  # OCR often reads "i augusti" as "1 augusti"
    if other is not None:
        v.alternatives.append(f"{other:04d}-{mo:02d}-{d:02d}")  # the year the weekday fits
    return day_cand(m, ctx, v, "dates/day_month", why, rel)


@rule("dates/month_day",
      rf"{NLB}(?:{weekday('wd')}[ \t]*,?[ \t]*)?(?P<m>[a-z]{{3,9}})\.?[ \t]*(?P<d>[0-3]?\d)(?!\d|[.:,]\d|[^\W\d_])"
      rf"(?:,?[ \t]*{year('y')}|(?=[ \t]*(?:$|\n|,)))(?:,[ \t]*{weekday('wd2')})?", needs=(DIGIT, MONTHISH))
def month_day(m: Any, ctx: Ctx) -> DateCandidate | None:
    mo = LEX.month(m["m"], fuzzy=False)
    if not m["y"] and month_is_name(ctx, *m.span("m")):
        return None
    wd = weekday_of(m, "wd", ctx)
    wd2 = weekday_of(m, "wd2", ctx)
    if mo is None or wd is False or wd2 is False:
        return None
    wd = wd if wd is not None else wd2
    d = int(m["d"])
    y, rel, explicit = _year_of(m, ctx, mo)
    other = None
    if wd is not None and not explicit and y is not None:
        y, other = weekday_year(ctx, m.start(), m.end(), mo, d, wd, y)
    v = day_value(y, mo, d)
    if v is not None and other is not None:
        v.alternatives.append(f"{other:04d}-{mo:02d}-{d:02d}")  # the year the weekday fits
    return day_cand(m, ctx, v, "dates/month_day", "month + day", rel)


_AND = compile_std(r"(?::?[ae])?[ \t\n]*och[ \t\n]+(?:den[ \t\n]+)?")  # "5:e och 12:e"
_BETWEEN = compile_std(r"mellan[ \t\n]+(?:den[ \t\n]+)?\Z")


def _listed(m: Any, first: str, second: str, consecutive: bool) -> bool:
    """Two days joined by "och" that are no span: "11 november och 9 december", "den 5:e och 12:e maj" are two
    days; "den 15 och 16 december" (the day after) and "mellan 3 mars och 9 april" a span."""
    between = m.string[m.end(first):m.start(second) if m[second] else m.start(second + "w")]
    if consecutive or not _AND.fullmatch(between):
        return False
    return not _BETWEEN.search(m.string, max(0, m.start() - 12), m.start())


_TO = r"(?:[ \t]*-[ \t]*|" + S1 + r"(?:till[ \t]+och[ \t]+med|till|t\.o\.m\.?|och|-)" + S1 + ")"
TO_KEYS = "-|till|och|t.o.m"  # the keywords of a range: "8-12", "8 till 12", "8 t.o.m. 12", "mars och april"


@rule("dates/day_range",
      rf"{NLB}(?:{weekday('wd')}{S1})?(?:(?P<den>den){S1})?{day('d1')}{_TO}(?:den[ \t]+)?{day('d2', False)}[ \t]*{S0}{month('m')}"
      rf"(?:,?{S1}{year('y')})?", needs=(DAYISH, MONTHISH, TO_KEYS))
def day_range(m: Any, ctx: Ctx) -> DateCandidate | None:
    mo = LEX.month(m["m"])
    if not m["y"] and month_is_name(ctx, *m.span("m")):
        return None
    d1, d2 = day_of(m, "d1"), day_of(m, "d2")
    if mo is None or d1 is None or d2 is None or not d1 < d2 or _listed(m, "d1" if m["d1"] else "d1w", "d2", d2 == d1 + 1):
        return None
    y, rel, _ = _year_of(m, ctx, mo)
    return days_cand(m, ctx, (y, mo, d1), (y, mo, d2), "dates/day_range", "days of one month", rel)


@rule("dates/date_range",
      rf"{NLB}(?:(?P<den>den){S1})?{day('d1')}[ \t]*{S0}{month('m1')}(?:,?{S1}{year('y1', True)})?{_TO}(?:den[ \t]+)?"
      rf"{day('d2', False)}[ \t]*{S0}{month('m2')}(?:,?{S1}{year('y2', True)})?", needs=(DAYISH, MONTHISH, TO_KEYS))
def date_range(m: Any, ctx: Ctx) -> DateCandidate | None:
    m1, m2 = LEX.month(m["m1"]), LEX.month(m["m2"])
    d1, d2 = day_of(m, "d1"), day_of(m, "d2")
    if None in (m1, m2, d1, d2):
        return None
    assert m1 is not None and m2 is not None and d1 is not None and d2 is not None
    rel = False
    given1, given2 = year_of(m, "y1"), year_of(m, "y2")
    if given2 is not None:
        y2 = given2
        y1 = given1 if given1 is not None else (y2 - 1 if (m1, d1) > (m2, d2) else y2)
    elif given1 is not None:
        y1 = given1
        y2 = y1 + 1 if (m1, d1) > (m2, d2) else y1
    else:
        y1, rel = resolve_year(m1, ctx, None)  # type: ignore[assignment]
        y2 = None if y1 is None else (y1 + 1 if (m1, d1) > (m2, d2) else y1)
    if _listed(m, "y1" if m["y1"] else "m1", "d2", (m2 == m1 % 12 + 1 and d2 == 1 and d1 >= 28)):
        return None
    return days_cand(m, ctx, (y1, m1, d1), (y2, m2, d2), "dates/date_range", "date to date", rel)


@rule("dates/month_range",
      rf"{NLB}(?:(?P<prep>{PREP}){S1})?(?={word_set_regex(LEX.month_words)}{NL}){month('m1')}(?:[ \t]+{year('y1')})?"
      rf"(?:[ \t]*-[ \t]*|{S1}(?P<to>till[ \t]+och[ \t]+med|till|t\.o\.m\.?|och){S1}){month('m2')}(?:[ \t]+{year('y2')})?{NL}",
      needs=(MONTHISH, TO_KEYS), gate=("m1", LEX.month_words))
def month_range(m: Any, ctx: Ctx) -> DateCandidate | None:
    m1, m2 = LEX.month(m["m1"], abbreviations=False), LEX.month(m["m2"], abbreviations=False)
    if m1 is None or m2 is None or m1 == m2:
        return None
    if m["to"] == "och" and not (m["prep"] or "").startswith("mellan") and m2 != m1 % 12 + 1:
        return None  # "i maj och augusti" is two months; "mellan maj och augusti", "mars och april" a span
    rel = False
    if m["y2"]:
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else (y2 - 1 if m1 > m2 else y2)
    elif m["y1"]:
        y1 = int(m["y1"])
        y2 = y1 + 1 if m1 > m2 else y1
    else:
        y1, rel = resolve_year(m1, ctx, None)  # type: ignore[assignment]
        y2 = None if y1 is None else (y1 + 1 if m1 > m2 else y1)
    return cand(m, ctx, range_value(month_value(y1, m1), month_value(y2, m2)), "dates/month_range",
                "month to month", relative=rel)


@rule("dates/month",
      rf"{NLB}(?:(?P<part>(?:i|1)[ \t]+(?:borjan|slutet|mitten|inledningen)[ \t]+av)[ \t]+|(?P<prep>{PREP}){S1})?"
      rf"(?:(?P<rel>{REL}){S1})?(?P<m>[a-z]{{3,10}}){NL}(?:[ \t]+manad{NL})?"
      rf"(?:{S1}{year('y', True)}(?![\d/]|-[01]?\d-\d)|[ \t]+(?P<yrel>{YREL}){NL})?(?:[ \t]+(?P<igen>igen){NL})?", needs=MONTHISH,
      gate=("m", LEX.month_words))  # most matches: a word like any other
def month_rule(m: Any, ctx: Ctx) -> DateCandidate | None:
    has_year = year_of(m, "y") is not None or bool(m["yrel"])
    if not (m["part"] or m["prep"] or m["rel"] or has_year or _plain_month_name(m, ctx)):
        return None
    mo = LEX.month(m["m"], abbreviations=has_year)
    if mo is None:
        return None
    if not has_year and m["m"] not in LEX.months and not m["part"] and (m["prep"] or "") not in (
            "i", "under", "till", "fran", "sedan", "efter", "fore", "infor", "senast"):
        return None
    y: int | None
    rel_word = (m["rel"] or "").replace("\t", " ")
    known = ctx.month_known
    if rel_word and not has_year and known is not None:
        if rel_kind(rel_word) == "next":
            y = known.year if mo > known.month else known.year + 1
            if m["igen"]:
                y += 1
        elif rel_kind(rel_word) == "last":
            y = known.year if mo < known.month else known.year - 1
        else:
            y = known.year
        rel, explicit = True, False
    elif rel_word and not has_year:
        return None
    elif not has_year and m["prep"] in _SINCE and ctx.ref is not None and ctx.grain != "year":
        y, rel = (ctx.ref.year if mo <= ctx.ref.month else ctx.ref.year - 1), True  # "sedan januari": the last one
    else:
        y, rel, explicit = _year_of(m, ctx, mo)
    v = month_value(y, mo)
    part = (m["part"] or "").split()
    why = "month" + (f" ({part[1]})" if part else "") + (", year from the reference" if rel else "")
    return cand(m, ctx, v, "dates/month", why, relative=rel)


def _plain_month_name(m: Any, ctx: Ctx) -> bool:
    """A month's full name in lower case, not part of a compound ("februari", not "Maj", "mars-"): a month."""
    s, e = m.span("m")
    word = ctx.text[s:e]
    return (word.islower() and m["m"] in LEX.months and ctx.text[s - 1:s] not in ("-", "/")
            and ctx.text[e:e + 1] not in ("-", "/"))


#: Ordinal words up to this ("den tredje", "den tionde") are ranks as often as days: they need a date context.
SMALL_ORDINAL = 10


@rule("dates/day_only",
      rf"{NLB}(?:(?P<pre>pa|till|fran|per|senast|fore|efter|innan|fr\.?o\.?m\.?|t\.?o\.?m\.?)[ \t]+)?"
      rf"(?:{weekday('wd')}[ \t]*,?[ \t]*)?(?P<den>den)[ \t]+(?:(?P<d>[0-3]?\d)(?::?[ae])?(?!\d)|(?P<dw>{ORDINAL}){NL})"
      rf"(?P<month>[ \t]+i[ \t]+manaden{NL})?(?=[ \t]*(?:$|[.,;!?)\n]|kl\b|klockan\b))", needs=("den", DAYISH))
def day_only(m: Any, ctx: Ctx) -> DateCandidate | None:
    """"den 15:e", "på den femtonde", "den elfte i månaden", "torsdagen den tjugoförste": a day of a month."""
    ref = ctx.month_known
    d = day_of(m, "d")
    if ref is None or d is None:
        return None
    wd = weekday_of(m, "wd", ctx)
    if wd is False or (m["dw"] and d <= SMALL_ORDINAL and not (
            wd is not None or m["pre"] or m["month"] or alone_on_line(ctx.folded, m.start(), m.end(), " \t.!"))):
        return None  # "hon kom som den tredje.": a small ordinal is a rank unless the text makes it a day
    if wd is None and m["month"]:  # "den elfte i månaden": a day of every month, the next time it comes
        nxt = ctx.next_month() if ctx.day is not None and d < ctx.day.day else None
        ref = nxt.ref if nxt is not None and nxt.ref is not None else ref
        return day_cand(m, ctx, day_value(ref.year, ref.month, d), "dates/monthly", "day of every month", True)
    if wd is None:
        return day_cand(m, ctx, day_value(ref.year, ref.month, d), "dates/day_only", "day of the reference month", True)
    for k in range(12):  # the next month (this one first) whose day d falls on that weekday
        y, mo = add_months(ref.year, ref.month, k)
        v = day_value(y, mo, d)
        if v is not None and v.date is not None and v.date.weekday() == wd:
            return day_cand(m, ctx, v, "dates/day_only", "weekday and day: the next month where they meet", True)
    return None


