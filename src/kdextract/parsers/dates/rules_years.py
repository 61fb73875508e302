"""Years as time references: "2014", "2014 års", "2012-2015", "nästa år", "årets tre första månader"; a decade
("1970-talet") is no year."""

from __future__ import annotations

import re
from typing import Any

from kdextract.pattern_cache import compile_std
from kdextract.text.fold import fold

from .calendar import Value, month_value, range_value, tertial_value, year_value
from .common import before_word
from .engine import DateCandidate, Ctx, cand, rule
from .patterns import DATA, LEX, NL, NLB, NUMBER_WORD, PREP, REL, S1, rel_kind, year, year_of
from .rules_absolute import TO_KEYS

_DIGIT_BEFORE = compile_std(r"\d[ \t]*$")
_YEAR_COUNT = frozenset(fold(w) for w in DATA.year_count_nouns.words)
_YEAR_BLOCK = frozenset(fold(w) for w in DATA.year_blockers_before.words)
_YEAR_PAIR = frozenset(fold(w) for w in DATA.year_pair_prepositions.words)
#: a numbered report of a period before its year ("delårsrapport 2 2026", folded)
_NUMBERED_REPORT = compile_std(r"(?<![\w-])(?:" + "|".join(re.escape(fold(w)) for w in sorted(
    DATA.numbered_reports.words, key=lambda w: (-len(w), w))) + r")[ \t]+[1-9][ \t]+$")
#: a period's end bounded by a qualified year ("till minst 2040", folded)
_BOUNDED = compile_std(r"(?<![\w-])(?:" + "|".join(re.escape(fold(w)).replace(r"\ ", r"[ \t]+") for w in sorted(
    DATA.bounded_year_phrases.words, key=lambda w: (-len(w), w))) + r")[ \t]+$")

_YEAR_NAMES = frozenset(fold(w) for w in DATA.year_names.words)
_WORD_BEFORE = compile_std(r"([^\W\d_]+)[ \t]+\Z")


def year_in_name(text: str, start: int) -> bool:
    """A capitalised name word right before the year at ``start`` ("Agenda 2030", "Natura 2000-områden")."""
    w = _WORD_BEFORE.search(text[max(0, start - 20):start])
    return w is not None and w.group(1)[0].isupper() and fold(w.group(1).casefold()) in _YEAR_NAMES


def _year_ok(m: Any, ctx: Ctx, start_group: str) -> bool:
    """A 4-digit number is a year unless a count noun follows or a count/case word precedes it (a count word after a
    period's end is a bound: "till minst 2040")."""
    after = ctx.folded[m.end():m.end() + 30]
    nxt = after.split()[0].rstrip(",.;:)") if after.split() else ""
    if nxt in _YEAR_COUNT or after.lstrip().startswith(("%", "/")) or year_in_name(ctx.text, m.start(start_group)):
        return False
    if m.group("prep") or m.group("yw") or m.group("ars"):
        return True
    prev = before_word(ctx, m.start(start_group))
    if prev in _YEAR_BLOCK or prev.rstrip(".") in _YEAR_BLOCK:
        return _BOUNDED.search(ctx.folded[max(0, m.start(start_group) - 30):m.start(start_group)]) is not None
    return not _DIGIT_BEFORE.search(ctx.folded[max(0, m.start() - 3):m.start()]) \
        or _NUMBERED_REPORT.search(ctx.folded[max(0, m.start() - 24):m.start()]) is not None


@rule("dates/year",
      rf"{NLB}(?<![\d.,:/§-])(?:(?P<prep>{PREP}){S1})?(?:(?P<yw>ar|aret|budgetaret|verksamhetsaret|kalenderaret){S1})?"
      rf"{year('y')}(?P<ars>[ \t]+ars|[ \t]*:s)?(?![\d/]|[^\W\d_]|[.,:]\d|[ \t]*/|-\d|-tal)", needs="0000")
def year_rule(m: Any, ctx: Ctx) -> DateCandidate | None:
    if not _year_ok(m, ctx, "y"):
        return None
    why = "year after a preposition" if m["prep"] else "year"
    v = year_value(int(m["y"]))
    v.alternatives.extend(_PART_ALTERNATIVES.get(" ".join((m["prep"] or "").split()), ()))
    v.alternatives[:] = [a.replace("Y", v.value) for a in v.alternatives]
    return cand(m, ctx, v, "dates/year", why)


@rule("dates/year_named",
      rf"{NLB}(?:(?P<prep>{PREP}){S1})?(?P<yw>ar|aret){S1}{year('y', True)}(?![\d/]|[.,:]\d|-\d)",
      needs=("=ar|=aret", "0000|hundra|tusen"))
def year_named(m: Any, ctx: Ctx) -> DateCandidate | None:
    """"år 1523", "år tvåtusenfemton": a year the text calls one, also before 1800 and in words."""
    y = year_of(m, "y")
    if y is None or (m["y"] and not _year_ok(m, ctx, "y")):
        return None
    return cand(m, ctx, year_value(y), "dates/year", "year named by 'år'")


_RELATIVE_YEAR_WHY = {-1: "the year before the reference year", 0: "the reference year",
                      1: "the year after the reference year"}
_PART_ALTERNATIVES = {fold(k): tuple(v) for k, v in DATA.part_alternatives.parts.items()}


@rule("dates/year_range",
      rf"{NLB}(?<![\d.,:/§-])(?:(?P<prep>mellan|perioden|fran|under|aren|period|for|i){S1})?{year('y1')}"
      rf"(?:[ \t]*(?P<sep>-|/)[ \t]*|{S1}(?P<w>till|och|t\.o\.m\.?){S1})(?P<y2>(?:1[89]|20)\d\d|\d\d)"
      r"(?![\d/]|[^\W\d_]|[.,:-]\d)", needs=("0000", TO_KEYS + "|/"))
def year_range(m: Any, ctx: Ctx) -> DateCandidate | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 30:
        return None
    if m["sep"] == "/" and y2 != y1 + 1:
        return None  # 2018/124: a case number
    if m["w"] == "och" and not (m["prep"] == "mellan" or m["prep"] in _YEAR_PAIR and y2 == y1 + 1):
        return None  # "under 2027 och 2028": two years in a row are one period; "2019 och 2023" two years
    nxt = ctx.folded[m.end():m.end() + 20].split()
    if nxt and nxt[0].rstrip(",.;:") in _YEAR_COUNT:
        return None
    if before_word(ctx, m.start()) in ("dnr", "nr", "ks", "diarienummer", "sfs", "prop.", "prop"):
        return None
    if m["sep"] == "/" and _case_series(ctx.text[max(0, m.start() - 12):m.start()]):
        return None  # "Dnr ÖFN 2026/27": a case number after its series
    why = "year to year" if m["sep"] != "/" else "split year (verksamhetsår / läsår)"
    return cand(m, ctx, range_value(year_value(y1), year_value(y2)), "dates/year_range", why)


_SCHOOL_TERMS = frozenset(DATA.school_terms.words)


def _case_series(before: str) -> bool:
    """A word of 2 to 6 capitals before a split year ("MHN 2026/27") is a case series; "HT" is none."""
    parts = before.split()
    if not parts or not before[-1:].isspace():
        return False
    w = parts[-1]
    return 2 <= len(w) <= 6 and w.isalpha() and w.isupper() and w.lower() not in _SCHOOL_TERMS


_HALF_PARTS = {fold(k): v for k, v in DATA.year_half_parts.words.items()}
#: A word of thanks right before "för året" (on the folded text the rules read).
_THANKS = sorted({fold(w) for w in DATA.thanks_words.words}, key=lambda w: (-len(w), w))
_THANKED = compile_std(r"(?<![\w])(?:" + "|".join(_THANKS) + r")[ \t]+\Z")


def _thanked(text: str, end: int) -> bool:
    """``_THANKED.search(text, 0, end)``, searched from the longest word of thanks before the blanks that end at
    ``end`` (a match starts no earlier): ``re`` tries every start from the one it is given."""
    start = end
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return _THANKED.search(text, max(0, start - len(_THANKS[0])), end) is not None


@rule("dates/relative_year",
      rf"{NLB}(?:(?P<prep>under|for|till|infor|senare[ \t]+under|senare[ \t]+i|tidigare[ \t]+under|i[ \t]+slutet[ \t]+av|"
      rf"i[ \t]+borjan[ \t]+av|(?:under[ \t]+|i[ \t]+)?(?:den[ \t]+)?(?P<half>{'|'.join(_HALF_PARTS)})[ \t]+delen[ \t]+av)"
      rf"[ \t]+)?(?:(?P<rel>{REL})[ \t]+(?P<unit>ar|aret|arets|ars)|(?P<fixed>i[ \t]+ar|i[ \t]+fjol|ifjol|"
      rf"innevarande[ \t]+ar|detta[ \t]+ar|aret)){NL}", needs="=ar|=aret|=arets|=ars|fjol")
def relative_year(m: Any, ctx: Ctx) -> DateCandidate | None:
    if ctx.ref is None:
        return None
    if m["fixed"]:
        f = " ".join(m["fixed"].split())
        if f == "aret" and not m["prep"]:
            return None  # bare "året" is no reference; "under året" is
        if f == "aret" and m["prep"] == "for" and _thanked(m.string, m.start()):
            return None  # "tackade för året": what is thanked for
        delta = -1 if "fjol" in f else 0
    else:
        rel = " ".join(m["rel"].split())
        if rel_kind(rel) == "next":
            delta = 1
        elif rel_kind(rel) == "last":
            delta = -1
        else:
            delta = 0
    v = year_value(ctx.ref.year + delta)
    prep = " ".join((m["prep"] or "").split())
    if m["half"]:  # "i sista delen av året": the half year itself
        half = f"{v.value}-H{_HALF_PARTS[m['half']]}"
        return cand(m, ctx, Value(half, "half", alternatives=[v.value]), "dates/relative_year",
                    f"{_RELATIVE_YEAR_WHY[delta]}, the half the text names", relative=True)
    if prep.startswith(("senare", "i slutet")):
        v.alternatives.append(f"{v.value}-H2")
    elif prep.startswith("i borjan"):
        v.alternatives.append(f"{v.value}-H1")
    return cand(m, ctx, v, "dates/relative_year", _RELATIVE_YEAR_WHY[delta], relative=True)




@rule("dates/year_part",
      rf"{NLB}(?:(?P<prep>under|for|i)[ \t]+)?(?:(?P<gen>(?:fjol)?arets)|de)[ \t]+(?:(?P<n>{NUMBER_WORD}|\d{{1,2}})[ \t]+"
      rf"(?P<pos>forsta|sista)|(?P<pos2>forsta|sista)[ \t]+(?P<n2>{NUMBER_WORD}|\d{{1,2}}))[ \t]+manader(?:na)?"
      rf"(?:[ \t]+(?:av[ \t]+|under[ \t]+|i[ \t]+)?(?:aret[ \t]+)?{year('y')})?{NL}", needs=("manader", "forsta|sista"))
def year_part(m: Any, ctx: Ctx) -> DateCandidate | None:
    """"årets tre första månader" (the first quarter), "de sex sista månaderna 2016" (the second half)."""
    count = m["n"] or m["n2"]
    ws, we = m.span("n") if m["n"] else m.span("n2")
    n = LEX.number(count, ctx.text[ws:we])
    if n is None or n != int(n) or not 1 <= n <= 12:
        return None
    if m["y"]:
        y, rel = int(m["y"]), False
    elif m["gen"] and ctx.ref is not None:
        y, rel = ctx.ref.year - (1 if m["gen"].startswith("fjol") else 0), True
    else:
        return None
    first = (m["pos"] or m["pos2"]) == "forsta"
    a, b = (1, int(n)) if first else (13 - int(n), 12)
    months = range_value(month_value(y, a), month_value(y, b))
    part = _PART_OF_YEAR.get((first, int(n)))
    if part is None:
        v = months
    elif "T" in part:
        v = tertial_value(y, 1 if first else 3)
    else:
        v = Value(f"{y:04d}{part}" if part else f"{y:04d}", "year" if not part else "quarter" if "Q" in part
                  else "half", alternatives=[months.value])
    return cand(m, ctx, v, "dates/year_part", "the first or last months of a year", relative=rel)


#: (first months?, how many) -> the part of the year they make ("" for the whole year).
_PART_OF_YEAR = {(True, 3): "-Q1", (True, 4): "-T1", (True, 6): "-H1", (True, 12): "",
                 (False, 3): "-Q4", (False, 4): "-T3", (False, 6): "-H2", (False, 12): ""}
