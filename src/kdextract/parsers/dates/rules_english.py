"""English dates that Swedish documents quote: "12 March 2025", "March 12, 2025", "the 12th of March".

The month names are ``english`` in dates.json. They are read only next to a day and only capitalised, as English
writes them ("you may" or "12 may" is no date); a name that is also Swedish ("12 november 2025") is the Swedish
rules' unless an English mark stands by it ("the", "of", a day's suffix: "the 3rd of November").
"""

from __future__ import annotations

from typing import Any

from kdextract.text.fold import fold

from .calendar import day_value
from .common import resolve_year
from .engine import DIGIT, Ctx, DateCandidate, rule
from .lexicon import word_regex
from .patterns import DATA, LEX, NL, NLB, NUMB, keys_of, year
from .rules_numeric import day_cand

_MONTHS = {fold(k): v for k, v in DATA.english.months.items()}
_MONTH = word_regex(_MONTHS)
_SUFFIX = word_regex(fold(w) for w in DATA.english.day_suffixes)
_NEEDS = (DIGIT, keys_of(_MONTHS))
_GATE = ("m", frozenset(_MONTHS))


def _english(m: Any, ctx: Ctx, marked: bool, rule_id: str, order: str) -> DateCandidate | None:
    """The day of a match (groups d, m, y) where its month is written as an English name."""
    name = ctx.text[m.start("m"):m.end("m")]
    if not name[:1].isupper() or not marked and LEX.month(m["m"], fuzzy=False) is not None:
        return None
    mo = _MONTHS[m["m"]]
    y, rel = resolve_year(mo, ctx, int(m["y"]) if m["y"] else None)
    return day_cand(m, ctx, day_value(y, mo, int(m["d"])), rule_id, f"English {order}", rel)


@rule("dates/english_day_month",
      rf"{NLB}(?:(?P<the>the)[ \t]+)?{NUMB}(?P<d>[0-3]?\d)(?!\d)(?P<suf>{_SUFFIX})?{NL}(?:[ \t]+(?P<of>of))?"
      rf"[ \t]+(?P<m>{_MONTH}){NL}(?:,?[ \t]+{year('y')})?", needs=_NEEDS, gate=_GATE)
def english_day_month(m: Any, ctx: Ctx) -> DateCandidate | None:
    return _english(m, ctx, bool(m["the"] or m["suf"] or m["of"]), "dates/english_day_month",
                    "day + month" + (" + year" if m["y"] else ""))


@rule("dates/english_month_day",
      rf"{NLB}(?P<m>{_MONTH})[ \t]+{NUMB}(?P<d>[0-3]?\d)(?!\d)(?P<suf>{_SUFFIX})?{NL}(?![.,]\d)"
      rf"(?:,?[ \t]+{year('y')}|(?=[ \t]*(?:$|[\n,.;:)])))", needs=_NEEDS, gate=_GATE)
def english_month_day(m: Any, ctx: Ctx) -> DateCandidate | None:
    return _english(m, ctx, bool(m["suf"]), "dates/english_month_day", "month + day" + (" + year" if m["y"] else ""))
