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

from bisect import bisect_right
from dataclasses import KW_ONLY, dataclass
from decimal import Decimal
from typing import Any

from kdextract.models import Amount, Source
from kdextract.parsers.amount_signs import column_minuses
from kdextract.parsers.amount_patterns import AmountData as _Data
from kdextract.parsers.amount_patterns import amount_data as _data
from kdextract.parsers.numbers import clean_decimal, parse_number
from kdextract.parsers.text_arg import require_text
from kdextract.pattern_cache import compile_re
from kdextract.text.candidates import Candidate
from kdextract.text.word_starts import lower_comparable, matches_at
from kdextract.text.spans import disjoint

__all__ = ["find_amounts"]

_ONE = Decimal(1)
_WRAP = compile_re(r"[ \t]?\n")  # a thousands space a hard wrap made a line break


def _squash(s: str) -> str:
    return " ".join(s.split())


def _per(rate: Any, data: _Data) -> str:
    """What a rate is per: its unit, or its two units joined by "/" ("per person och dag": "person/day")."""
    first = data.rates[_squash(rate.group("per") or rate.group("per_in")).casefold()]
    two = rate.group("per") and (rate.group("per2") or rate.group("per2_in"))
    return f"{first}/{data.rates[_squash(two).casefold()]}" if two else first


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
        value = parse_number(_WRAP.sub(" ", m.group(n + "d")))
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


def _scaled_tail(m: Any, data: _Data, scale: Decimal) -> Decimal | None:
    """The value of the number (and its scale) after the first scale ("500 tusen" after "3 miljoner"), None where
    it is no smaller part of that scale or reads as a year."""
    tail = parse_number(m.group("taild"))
    if tail is None or (not m.group("tmult") and _year_like(data, m, "tail", tail)):
        return None
    tail *= _multiplier(data, m.group("tmult"))
    return tail if tail < scale else None


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
    """The amounts of the suffix pattern's matches, tried at each start after the last match, or after what that
    match gave where less than it read (a refused öre tail reads into the next cell: "10 kr 20 kr"), or after the
    groups of three a failed start read (``digit_run_re``: from each, it would fail again; linear in a run)."""
    out: list[_AmountCandidate] = []
    end = 0
    for s in starts:
        if s < end:
            continue
        if (m := data.suffix_re.match(text, s)) is None:
            end = run.end() if (run := data.digit_run_re.match(text, s)) is not None else end
        else:
            found = _match_candidates(text, data, m)
            out.extend(found)
            # a refused second scale's number ("3 miljoner 2026 kronor") starts an amount of its own
            end = max((c.end for c in found), default=m.end() if m.group("taild") is None else m.start("taild"))
    return out


def _match_candidates(text: str, data: _Data, m: Any) -> list[_AmountCandidate]:
    """The amounts one match of the suffix pattern gives: a range, or an amount and the first half before it."""
    cur = _currency(data, m.group("cur"))
    value = _number(m, "", data)
    if cur is None or value is None:
        return []
    iso, factor = cur
    mult = _multiplier(data, m.group("mult"))
    if factor < 1 and mult != 1:  # "5 miljoner öre": not a form we trust
        return []
    total = value * mult * factor
    start, end = m.start("num"), m.end("cur")
    words = m.group("w") is not None
    rule, expl = ("words" if words else "suffix"), f"number + {_squash(m.group('cur'))!r}"
    if m.group("mult"):
        expl = f"number + multiplier {_squash(m.group('mult'))!r} + {_squash(m.group('cur'))!r}"
    if m.group("taild") is not None:
        tail = _scaled_tail(m, data, mult)
        if tail is None or factor != 1:  # "3 miljoner 2026 kronor", "3 mn 500 tkr": no sum of scales
            return []
        total += tail if total >= 0 else -tail
        expl = expl.replace(" + '", " + a smaller scale's number + '", 1)
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
        if lo_val is None:
            pass
        elif lo_cur is not None and lo_cur[0] != iso:  # "3 miljoner euro och 2 mnkr": each in its own currency
            if lo_val > 0 and not (lo_cur[1] < 1 and lo_mult != 1):
                lo_cand = _AmountCandidate(
                    m.start("lo"), m.end("locur"), clean_decimal(lo_val * lo_mult * lo_cur[1]), lo_cur[0],
                    priority=1, rule="suffix", explanation=f"number + {_squash(m.group('locur'))!r}, before "
                                                           f"{joiner!r} and an amount in another currency")
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
                return [_AmountCandidate(m.start("lo"), end, clean_decimal(lo_total), iso, priority=2,
                                         low=clean_decimal(lo_total), high=clean_decimal(total),
                                         rule="range", explanation=f"range {joiner!r}: " + expl)]
            # a refused range's first half with its own unit is an amount of its own ("125 mkr - 5 mkr")
            if (not is_range or lo_cur is not None) and not _year_like(data, m, "lo", lo_val) and lo_total > 0:
                lo_end = m.end("locur") if m.group("locur") else (m.end("lomult") if m.group("lomult") else m.end("lo"))
                lo_rule = "suffix" if lo_cur is not None else "elided_unit"
                lo_cand = _AmountCandidate(
                    m.start("lo"), lo_end, clean_decimal(lo_total), iso,
                    priority=1 if lo_cur is not None else 0, rule=lo_rule, score=1.0 if lo_cur is not None else 0.8,
                    explanation=f"number before {joiner!r}, unit from the amount after it")
    main = _AmountCandidate(start, end, clean_decimal(total), iso, priority=1, rule=rule, explanation=expl)
    return [main] if lo_cand is None else [lo_cand, main]


def _prefix_candidates(text: str, data: _Data) -> list[_AmountCandidate]:
    out = []
    for m in data.prefix_re.finditer(text):
        cur = _currency(data, m.group("cur"))
        grouped = m.group("grouped")
        value = Decimal(grouped.replace(",", "")) if grouped else _number(m, "", data)
        if cur is None or value is None:
            continue
        if m.group("w") is not None and m.group("cur").casefold() in ("kr", "rs"):
            continue  # "kr tre" is not a form
        num_end = m.end("grouped") if grouped else m.end("num")
        if _CASE_TAIL.match(text, num_end):
            continue  # "RS 2024/00412": a case number whose register reads like a currency
        total = value * _multiplier(data, m.group("mult")) * cur[1]
        end = m.end("mult") if m.group("mult") else num_end
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


def _rate_before(text: str, start: int, data: _Data) -> str | None:
    """What the amount at ``start`` is per, from the words before it: a noun naming a period ("Timpris 850 kr"), or
    a counted noun before "à" ("20 platser à 500 kr": per the noun as written)."""
    m = data.rate_before_re.search(text, max(0, start - 40), start)
    if m is None:
        return None
    return data.rate_nouns[m.group("noun").casefold()] if m.group("noun") else m.group("counted").casefold()


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
    minuses = column_minuses(text) if chosen else frozenset()
    out = []
    for c in chosen:
        if c.start - 1 in minuses and c.low is None and c.value > 0:  # "+1,2 mnkr" over "-0,8 mnkr": a minus
            c.start, c.value = c.start - 1, -c.value
        qualifier, qtext = _qualifier(text, c.start, data)
        rate = data.rate_re.match(text, c.end)
        per = _per(rate, data) if rate else _rate_before(text, c.start, data)
        out.append(Amount(
            text=text[c.start:c.end], start=c.start, end=c.end, value=c.value, currency=c.currency, low=c.low,
            high=c.high, per=per, qualifier=qualifier, qualifier_text=qtext, page=None, what=None, section=None,
            source=Source(method="rule", name=f"amounts/{c.rule}", explanation=c.explanation, score=c.score),
        ))
    return out
