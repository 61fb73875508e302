"""Amounts of money in Swedish text: ``find_amounts(text) -> list[Amount]`` (pure Python, no spaCy).

>>> [(a.text, a.value, a.currency) for a in find_amounts("Kostnaden uppgick till 3,4 miljoner kr.")]
[('3,4 miljoner kr', Decimal('3400000'), 'SEK')]
>>> a = find_amounts("Ramen är drygt 10–15 mnkr.")[0]
>>> (a.text, a.low, a.high, a.qualifier)
('10–15 mnkr', Decimal('10000000'), Decimal('15000000'), 'over')
>>> find_amounts("67 personer, 2,5 % och KS 2018/124")
[]

The forms: a number (digits with Swedish grouping, or words) with an optional multiplier
("miljoner", "mn", "tusen") and a currency after it ("kr", "kronor", ":-", "SEK", "mnkr",
"tkr", "MSEK", "euro", "$", "norska kronor", "öre"), or a currency before it ("SEK 1 000",
"€50", "kr 500"); ranges ("10–15 mnkr", "mellan 10 och 15 mnkr"); kronor and öre
("2 kronor och 23 öre"); and, where an earlier amount in the paragraph gives the currency,
anaphoric millions ("de avsatta 12 miljonerna", "ytterligare 5 miljoner").
All words and codes live in ``resources/sv/amounts.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import KW_ONLY, dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from kdextract.models import Amount, Qualifier, Source
from kdextract.parsers.amount_rules import AmountRules
from kdextract.parsers.amount_units import UnitAhead
from kdextract.parsers.numbers import (DIGITS_PATTERN, clean_decimal, number_word_beginnings, number_word_pattern,
                                       parse_number)
from kdextract.parsers.text_arg import require_text
from kdextract.pattern_cache import compile_re, compile_std
from kdextract.text.candidates import Candidate
from kdextract.text.word_starts import AFTER_NO_LATIN1_W, lower_comparable, matches_at
from kdextract.text.spans import disjoint

__all__ = ["find_amounts"]

_HS = "[ \\t\\u00a0\\u202f\\u2009]"  # horizontal space
_SEP = rf"{_HS}*(?:\n{_HS}*)?"  # space between number and unit, at most one line break
_ONE = Decimal(1)


def _alt(words: Any, escape: bool = True) -> str:
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace("\\ ", rf"{_HS}+") if escape else w for w in items)


def _word_alt(words: Any, stop: str = r"(?!\w)") -> str:
    """Alternation of words; a word ending in a letter must not run on into a word character (``stop``)."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        p = regex.escape(w).replace("\\ ", rf"{_HS}+")
        parts.append(p + stop if w[-1].isalnum() else p)
    return "|".join(parts)


@dataclass(frozen=True)
class _Data:
    currency: dict[str, tuple[str, Decimal]]  # lower-case word or exact code -> (ISO, factor)
    multipliers: dict[str, Decimal]
    suffixes: dict[str, Decimal]
    minor: dict[str, tuple[str, int]]
    minor_bare: frozenset[str]
    qualifiers: dict[str, Qualifier]
    joiners_dash: frozenset[str]
    year_min: int
    year_max: int
    anaphora_scales: frozenset[str]
    followers: frozenset[str]
    window: int
    suffix_re: Any
    prefix_re: Any
    number_start_re: Any  # zero-width, where a number can begin: every suffix and anaphora match starts at one
    number_lead_re: re.Pattern[str]  # zero-width, on the lower-cased text: where number_start_re may match
    anaphora_re: Any
    unit_ahead: UnitAhead  # the number starts where suffix_re may match: a unit can come before another word
    qualifier_re: Any
    opener_re: Any


@lru_cache(maxsize=1)
def _data() -> _Data:
    d = AmountRules.load()
    currency: dict[str, tuple[str, Decimal]] = {}
    for w, iso in d.currency_words.items():
        currency[w] = (iso, _ONE)
    for w, iso in d.codes.items():
        currency[w] = (iso, _ONE)
    for w, (iso, f) in d.unit_words.items():
        currency[w] = (iso, Decimal(f))
    for w, (iso, f) in d.unit_codes.items():
        currency[w] = (iso, Decimal(f))
    multipliers = {w: Decimal(f) for w, f in d.multipliers.items()}
    suffixes = {k: Decimal(v) for k, v in d.digit_suffixes.items()}
    minor = {w: (iso, int(n)) for w, (iso, n) in d.minor_units.items()}

    words = list(d.currency_words) + list(d.unit_words)
    codes = list(d.codes) + list(d.unit_codes)
    glued = (r"(?![\p{Ll}\d_])(?!/(?:19|20)\d\d(?!\d)|[ \t]+(?:19|20)\d\d"  # glued to a heading: "tkrBilagor";
             r"(?:-\d{3}|/(?!(?:19|20)\d\d)\d{3,4}(?!\d)))")  # no case number's "RS 2027/221" (a "kr 2027/2028")
    cur = rf"(?:(?i:{_word_alt(words, '')}){glued}|(?:{_word_alt(codes)}))"
    no_letter = r"(?![^\W\d_])"  # "USD1,23", "Rs20": a digit may follow a prefixed code
    pcur = rf"(?:{_word_alt(d.prefix_currencies, no_letter)})"
    pdot = rf"(?:{_alt(d.prefix_optional_dot)})\."
    mult = rf"(?i:{_word_alt(multipliers)})"
    sfx = rf"(?:[{''.join(suffixes)}{''.join(suffixes).upper()}](?![^\W\d_]))"
    words_re, words_defined = number_word_pattern()
    # not inside a word, a number, a date, a case number or a hyphenated word ("2021-10-05", "KS 2018/124")
    before = r"(?<![\w.,:/§])(?<!\w[\-–])(?<!\d[.,:/])"
    digits = rf"(?:{DIGITS_PATTERN})(?!\d)"
    # a minus: U+2212, a hyphen after a bracket, colon, equals sign or a word, an en dash after a bracket or a colon
    # ("Socialnämnden: –9,5 mnkr"; in prose an en dash is a dash: "ökar – 5 mnkr"), the word ("minus 3,2 mnkr")
    neg = r"(?:\u2212|(?<=[(:=]|\S[ \t])-|(?<=[(:=][ \t]?)\u2013|(?i:minus)[ \t]+(?=\d))"
    num = rf"(?:(?P<@@neg>{neg})?(?P<@@d>{digits})(?P<@@sfx>{sfx})?|(?P<@@w>(?i:{words_re}))(?!\w))"
    minor_units = _word_alt(minor)
    dash = _alt(d.range_joiners.dash)
    join_words = _word_alt(d.range_joiners.words)
    num_lo = num.replace("@@", "lo")
    num_hi = num.replace("@@", "")
    suffix = (
        rf"{before}"
        rf"(?:(?P<lo>{num_lo})(?:{_SEP}(?P<lomult>{mult}))?(?:{_SEP}(?P<locur>{cur}))?"
        rf"(?:{_HS}*(?P<dash>{dash}){_HS}*|{_HS}+(?P<join>{join_words}){_HS}+(?!(?i:en|ett){_HS}+halv)))?"
        rf"(?P<num>{num_hi})(?:{_SEP}(?P<mult>{mult}))?{_SEP}(?P<cur>{cur})"
        # the minor number in words calls the group "w" (the same words): one copy less to compile
        rf"(?:{_HS}+(?:(?i:och){_HS}+)?(?P<minor>\d{{1,2}}|(?&w))"
        rf"(?:{_HS}+(?P<minorunit>(?i:{minor_units}))|(?![\w,.]\w)(?!{_HS}*\d)))?"  # "1 980 kr   2 150 kr": no öre
        rf"{words_defined}"
    )
    prefix = (
        rf"(?<![\w.,])(?P<cur>{pdot}|{pcur}){_HS}?(?P<num>{num_hi})(?:{_HS}+(?P<mult>{mult}))?(?![\w])"
        rf"(?!{_HS}*[-–]{_HS}*\d)"  # "USD 1-3": a code before a range of paragraphs, not a price
        rf"{words_defined}"
    )
    anaphora = rf"{before}(?P<num>{num_hi})(?:{_SEP}(?P<mult>{mult}))?(?!\w){words_defined}"
    # what ``num`` can begin with: a minus, a digit or a number word
    number_start = rf"{before}(?=[\d\u2212\u2013-]|(?i:minus[ \t]+\d)|(?i:{words_re})){words_defined}"
    qualifier = rf"(?<!\w)(?P<q>(?i:{_alt(d.qualifiers)})){_HS}*\n?{_HS}*$"
    openers = _alt(d.range_openers + d.change_openers)
    opener = rf"(?<!\w)(?P<o>(?i:{openers})){_HS}+$"
    return _Data(
        currency=currency, multipliers=multipliers, suffixes=suffixes, minor=minor,
        minor_bare=frozenset(d.minor_bare_after), qualifiers=d.qualifiers,
        joiners_dash=frozenset(d.range_joiners.dash),
        year_min=d.year_like_min, year_max=d.year_like_max,
        anaphora_scales=frozenset(d.anaphora_scales), followers=frozenset(d.anaphora_followers),
        window=d.anaphora_window, number_start_re=compile_re(number_start),
        suffix_re=compile_re(suffix), prefix_re=compile_re(prefix), anaphora_re=compile_re(anaphora),
        # before a digit, a minus or a number word, after no word character of Latin-1 (``before`` rules those out)
        number_lead_re=compile_std(AFTER_NO_LATIN1_W + r"(?=[\d\u2212\u2013-]|(?i:minus[ \t]+\d)|"
                                  + "|".join(map(re.escape, number_word_beginnings())) + ")"),
        qualifier_re=compile_re(qualifier), opener_re=compile_re(opener),
        unit_ahead=UnitAhead.of(d, words_re + words_defined),
    )


def _squash(s: str) -> str:
    return " ".join(s.split())


def _currency(data: _Data, word: str) -> tuple[str, Decimal] | None:
    found = data.currency.get(word) or data.currency.get(_squash(word)) or data.currency.get(_squash(word).casefold())
    if found is None and word.endswith("."):
        return _currency(data, word[:-1])
    return found


def _multiplier(data: _Data, word: str | None) -> Decimal:
    if not word:
        return _ONE
    return data.multipliers.get(_squash(word).casefold(), _ONE)


def _number(m: Any, n: str, data: _Data) -> Decimal | None:
    """Value of the number captured with group prefix ``n`` (digits with suffix, or words)."""
    if m.group(n + "d"):
        value = parse_number(m.group(n + "d"))
        if value is None:
            return None
        sfx = m.group(n + "sfx")
        if sfx:
            value *= data.suffixes[sfx.casefold()]
        if m.group(n + "neg"):
            value = -value
        return value
    if m.group(n + "w"):
        return parse_number(m.group(n + "w"))
    return None


def _word_scale(data: _Data, words: str | None) -> Decimal:
    """The scale a number in words ends with ("tre miljoner" -> 10**6), 1 for none."""
    last = words.split()[-1].casefold() if words else ""
    if last == "tusen" or last in data.anaphora_scales:
        return data.multipliers.get(last, _ONE)
    return _ONE


def _year_like(data: _Data, m: Any, n: str, value: Decimal | None) -> bool:
    digits = m.group(n + "d")
    return bool(digits and digits.isdigit() and len(digits) == 4 and value is not None
                and data.year_min <= value <= data.year_max)


@dataclass(slots=True)
class _AmountCandidate(Candidate):
    value: Decimal
    currency: str
    _: KW_ONLY
    priority: int = 0  # among overlapping candidates, the higher wins before the longer
    low: Decimal | None = None
    high: Decimal | None = None


def _suffix_candidates(text: str, data: _Data, starts: list[int]) -> list[_AmountCandidate]:
    out: list[_AmountCandidate] = []
    for m in matches_at(data.suffix_re, text, starts):
        cur = _currency(data, m.group("cur"))
        value = _number(m, "", data)
        if cur is None or value is None:
            continue
        iso, factor = cur
        mult = _multiplier(data, m.group("mult"))
        if factor < 1 and mult != 1:  # "5 miljoner öre": not a form we trust
            continue
        total = value * mult * factor
        start, end = m.start("num"), m.end("cur")
        words = m.group("w") is not None
        rule, expl = ("words" if words else "suffix"), f"number + {_squash(m.group('cur'))!r}"
        if m.group("mult"):
            expl = f"number + multiplier {_squash(m.group('mult'))!r} + {_squash(m.group('cur'))!r}"
        # kronor and öre: "2 kronor och 23 öre", "20 Rupees 43"
        if m.group("minor") is not None:
            munit = m.group("minorunit")
            minor_num = parse_number(m.group("minor"))
            ok = False
            if minor_num is not None and minor_num < 100 and factor == 1 and mult == 1:
                if munit:
                    miso, per = data.minor[munit.casefold()]
                    ok = miso == iso or munit.casefold() in ("cent", "cents")
                else:
                    per = 100
                    ok = iso in data.minor_bare
                if ok:
                    total += minor_num / per
                    end = m.end("minorunit") if munit else m.end("minor")
                    rule, expl = "major_minor", expl + " + minor unit"
        lo_cand: _AmountCandidate | None = None
        if m.group("lo") is not None:
            lo_val = _number(m, "lo", data)
            lo_cur = _currency(data, m.group("locur")) if m.group("locur") else None
            lo_mult = _multiplier(data, m.group("lomult"))
            joiner = (m.group("dash") or m.group("join") or "").casefold()
            opener_m = data.opener_re.search(text, max(0, m.start("lo") - 20), m.start("lo"))
            opener = opener_m.group("o").casefold() if opener_m else ""
            if lo_val is None or (lo_cur is not None and lo_cur[0] != iso):
                pass
            elif lo_cur is not None and lo_cur[1] < 1 <= factor:
                pass
            elif lo_cur is not None and iso == lo_cur[0] and factor < 1 <= lo_cur[1] and joiner in ("och", ""):
                # "2 kronor och 23 öre" matched as a pair
                if lo_mult == 1 and lo_cur[1] == 1 and total < 1:
                    total = lo_val + total
                    start = m.start("lo")
                    rule, expl = "major_minor", "kronor + öre"
            else:
                if lo_cur is not None:
                    lo_total = lo_val * lo_mult * lo_cur[1]
                elif m.group("lomult"):
                    lo_total = lo_val * lo_mult * factor
                else:
                    lo_total = lo_val * mult * _word_scale(data, m.group("w")) * factor
                    if lo_total > total and lo_val < total:
                        lo_total = lo_val * factor  # "500 000–1 miljon kronor"
                is_range = joiner in data.joiners_dash or joiner in ("till",) and opener != "från" \
                    or (joiner == "och" and opener == "mellan")
                if is_range and lo_total < total and not _year_like(data, m, "lo", lo_val) \
                        and (opener == "mellan" or lo_total * 1000 >= total):
                    out.append(_AmountCandidate(m.start("lo"), end, clean_decimal(lo_total), iso, priority=2,
                                                low=clean_decimal(lo_total), high=clean_decimal(total),
                                                rule="range", explanation=f"range {joiner!r}: " + expl))
                    continue
                if not is_range and not _year_like(data, m, "lo", lo_val) and lo_total > 0:
                    lo_end = m.end("locur") if m.group("locur") else (m.end("lomult") if m.group("lomult") else m.end("lo"))
                    lo_rule = "suffix" if lo_cur is not None else "elided_unit"
                    lo_cand = _AmountCandidate(
                        m.start("lo"), lo_end, clean_decimal(lo_total), iso,
                        priority=1 if lo_cur is not None else 0, rule=lo_rule, score=1.0 if lo_cur is not None else 0.8,
                        explanation=f"number before {joiner!r}, unit from the amount after it")
        if lo_cand is not None:
            out.append(lo_cand)
        out.append(_AmountCandidate(start, end, clean_decimal(total), iso, priority=1, rule=rule,
                                    explanation=expl))
    return out


def _prefix_candidates(text: str, data: _Data) -> list[_AmountCandidate]:
    out = []
    for m in data.prefix_re.finditer(text):
        cur = _currency(data, m.group("cur"))
        value = _number(m, "", data)
        if cur is None or value is None:
            continue
        if m.group("w") is not None and m.group("cur").casefold() in ("kr", "rs"):
            continue  # "kr tre" is not a form
        if _CASE_TAIL.match(text, m.end("num")):
            continue  # "RS 2024/00412": a case number whose register reads like a currency
        total = value * _multiplier(data, m.group("mult")) * cur[1]
        end = m.end("mult") if m.group("mult") else m.end("num")
        out.append(_AmountCandidate(m.start(), end, clean_decimal(total), cur[0], rule="prefix",
                                    explanation=f"currency {m.group('cur')!r} before the number"))
    return out


_CASE_TAIL = compile_re(r"[ \t]?[/:]\d")  # the rest of a case number ("2024/00412", "2019:117")
_NEXT_TOKEN = compile_re(r"\s*(\w+|[^\w\s]|$)")
_BLANK_LINE = compile_re(r"\n\s*\n")


def _anaphora_candidates(text: str, data: _Data, explicit: list[_AmountCandidate],
                         starts: list[int]) -> list[_AmountCandidate]:
    out: list[_AmountCandidate] = []
    if not explicit:
        return out
    ends = [c.end for c in explicit]  # explicit is sorted and disjoint: its ends ascend
    for m in matches_at(data.anaphora_re, text, starts):
        last = (m.group("mult") or m.group("w") or "").split()
        if not last or last[-1].casefold() not in data.anaphora_scales:
            continue
        if m.group("w") is not None and len(last) == 1 and last[0].casefold() == "tusen":
            continue
        value = _number(m, "", data)
        if value is None:
            continue
        value *= _multiplier(data, m.group("mult"))
        after = _NEXT_TOKEN.match(text[m.end():m.end() + 40])
        nxt = after.group(1).casefold() if after else ""
        definite = last[-1].casefold().endswith(("na", "en"))  # "miljonerna", "miljonen": known referent
        if nxt and nxt[0].isalnum() and nxt not in data.followers and not definite:
            continue
        # the nearest amount before, within the window and with no blank line between (a farther
        # one has the same text and more between)
        k = bisect_right(ends, m.start())
        if not k or m.start() - ends[k - 1] > data.window or _BLANK_LINE.search(text, ends[k - 1], m.start()):
            continue
        prev = explicit[k - 1]
        cur = prev.currency
        out.append(_AmountCandidate(m.start(), m.end(), clean_decimal(value), cur, priority=-1,
                                    rule="anaphora", score=0.8,
                                    explanation=f"number + scale without currency; {cur} from the amount at "
                                                f"{prev.start}"))
    return out


def _select(cands: list[_AmountCandidate]) -> list[_AmountCandidate]:
    return disjoint(sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)))


def _qualifier(text: str, start: int, data: _Data) -> tuple[str | None, str | None]:
    m = data.qualifier_re.search(text, max(0, start - 40), start)
    return (data.qualifiers.get(_squash(m.group("q")).casefold()), m.group("q")) if m else (None, None)


def _number_starts(text: str, data: _Data) -> list[int]:
    """``[m.start() for m in data.number_start_re.finditer(text)]``, the zero-width pattern tried only where
    ``number_lead_re`` allows it (in the lower-cased text, where ``str.lower`` tells what its case-insensitive
    number words match)."""
    low = lower_comparable(text)
    if low is None:
        return [m.start() for m in data.number_start_re.finditer(text)]
    match = data.number_start_re.match
    return [s for m in data.number_lead_re.finditer(low) if match(text, s := m.start())]


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in ``text``, sorted and non-overlapping (``[]`` when none)."""
    if not require_text(text, "find_amounts"):
        return []
    data = _data()
    # the suffix and anaphora patterns are tried only where a number begins (the suffix one where a unit can come
    # next): what their finditer finds, at a fraction of the cost (a try of the suffix pattern costs microseconds)
    starts = _number_starts(text, data)
    suffixed = _suffix_candidates(text, data, data.unit_ahead.kept(text, starts))
    explicit = _select(suffixed + _prefix_candidates(text, data))
    chosen = _select(explicit + _anaphora_candidates(text, data, explicit, starts))
    out = []
    for c in chosen:
        qualifier, qtext = _qualifier(text, c.start, data)
        out.append(Amount(
            text=text[c.start:c.end], start=c.start, end=c.end, value=c.value, currency=c.currency,
            low=c.low, high=c.high, qualifier=qualifier, qualifier_text=qtext, page=None, what=None, section=None,
            source=Source(method="rule", name=f"amounts/{c.rule}", explanation=c.explanation, score=c.score),
        ))
    return out
