"""The patterns and vocabulary that ``kdextract.parsers.amounts`` reads money with, built once from
``resources/sv/amounts.json``: the suffix form ("3 mkr", "10–15 mnkr"), the prefix form ("SEK 500"), anaphoric
scales ("ytterligare 5 miljoner"), where a number can begin, qualifiers and range openers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from kdextract.models import Qualifier
from kdextract.parsers.amount_rules import AmountRules
from kdextract.parsers.amount_units import UnitAhead
from kdextract.parsers.numbers import (DIGITS_PATTERN, SPACES, digits_pattern, number_word_beginnings,
                                      number_word_pattern)
from kdextract.pattern_cache import compile_re, compile_std
from kdextract.text.word_starts import AFTER_NO_LATIN1_W

__all__ = ["AmountData", "amount_data"]

_HS = "[ \\t\\u00a0\\u202f\\u2009]"  # horizontal space
_SEP = rf"{_HS}*(?:\n{_HS}*)?"  # space between number and unit, at most one line break
_GAP = rf"(?:{_HS}*\n{_HS}*|{_HS}+)"  # blanks between words, at most one line break
_ONE = Decimal(1)
#: "i året som gick", "i kvartalet som redovisas": the period a sum belongs to, no rate
_NO_RELATIVE = rf"(?!{_HS}+(?i:som)(?![\p{{L}}\p{{Nd}}]))"


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
class AmountData:
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
    digit_run_re: Any  # at a number's start: its digits and each group of three that another group follows
    anaphora_re: Any
    unit_ahead: UnitAhead  # the number starts where suffix_re may match: a unit can come before another word
    qualifier_re: Any
    opener_re: Any
    rates: dict[str, str]  # lower-case word after "per", "/" (or "i", "om": "rate_in") -> what the rate is per
    rate_re: Any  # at an amount's end: "per timme", "/mån", "i månaden", "per person och dag"
    rate_nouns: dict[str, str]  # lower-case noun before an amount -> the period it names ("timpris" -> "hour")
    rate_before_re: Any  # at an amount's start: "Timpris", "Månadsavgiften är"; "platser à" (a unit price)


@lru_cache(maxsize=1)
def amount_data() -> AmountData:
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
    # a run of zeros alone ("000 kr" after a wrapped thousands space) is never how a sum is written
    # a hard wrap may have turned one thousands space into a line break ("12\n000", "1 250\n000": three digits after)
    wrapped = rf"\d{{1,3}}(?:[{SPACES}]\d{{3}})*[ \t]?\n\d{{3}}(?:[{SPACES}]\d{{3}})*(?:,\d+)?"
    digits = rf"(?!0\d)(?:{wrapped}|{DIGITS_PATTERN})(?!\d)"
    # the suffix pattern's: no unit, scale, dash or joiner begins with a digit, so a group given back never makes
    # a match there, and none is (a run of groups that made no amount took 4x per doubling to give back)
    held = rf"(?:[{SPACES}]\d{{3}})*+"
    held_wrapped = rf"\d{{1,3}}{held}[ \t]?\n\d{{3}}{held}(?:,\d+)?"
    sure_digits = rf"(?!0\d)(?:{held_wrapped}|{digits_pattern('++')})(?!\d)"
    # a minus: U+2212; a hyphen or an en dash glued to the digits after a bracket, colon, equals sign, or blanks
    # after a word on its line ("Resultat  -3 mkr", "Netto –3 mkr", "Socialnämnden: –9,5 mnkr"; at a line start it
    # is a list's dash: "-500 kr till föreningen"; with blanks around it is prose: "ökar – 5 mnkr"); "minus 3,2 mnkr"
    neg = rf"(?:\u2212|(?<=[(:=]|\S{_HS}+)[-\u2013]|(?i:minus)[ \t]+(?=\d))"
    num = rf"(?:(?P<@@neg>{neg})?(?P<@@d>{digits})(?P<@@sfx>{sfx})?|(?P<@@w>(?i:{words_re}))(?!\w))"
    sure_num = num.replace(digits, sure_digits)
    # a dash glued to the number after a column gap (a tab, two blanks) is the next cell's minus, no range dash:
    # "125 mkr    -5 mkr" (possessive, and the gap read back to its last tab once: linear in the blanks)
    gap_sign = r"[ \t\u00a0\u202f\u2009]++(?<=\t[ \u00a0\u202f\u2009]*|[ \t\u00a0\u202f\u2009]{2})[-\u2013]\d"
    minor_units = _word_alt(minor)
    dash = _alt(d.range_joiners.dash)
    join_words = _word_alt(d.range_joiners.words)
    num_lo = sure_num.replace("@@", "lo")
    num_in_suffix = sure_num.replace("@@", "")
    num_hi = num.replace("@@", "")
    suffix = (
        rf"{before}"
        rf"(?:(?P<lo>{num_lo})(?:{_SEP}(?P<lomult>{mult}))?(?:{_SEP}(?P<locur>{cur}))?"
        rf"(?:(?!{gap_sign}){_HS}*(?P<dash>{dash}){_HS}*|{_HS}+(?P<join>{join_words}){_HS}+(?!(?i:en|ett){_HS}+halv)))?"
        # a second, smaller scale's number after the first: "3 miljoner 500 tusen kronor"
        rf"(?P<num>{num_in_suffix})"
        rf"(?:{_SEP}(?P<mult>{mult})(?:{_HS}+(?P<taild>{sure_digits})(?:{_HS}+(?P<tmult>{mult}))?)?)?"
        rf"{_SEP}(?P<cur>{cur})"
        # the minor number in words calls the group "w" (the same words): one copy less to compile
        rf"(?:{_HS}+(?:(?i:och){_HS}+)?(?P<minor>\d{{1,2}}|(?&w))"
        rf"(?:{_HS}+(?P<minorunit>(?i:{minor_units}))|(?![\w,.]\w)(?!{_HS}*\d)))?"  # "1 980 kr   2 150 kr": no öre
        rf"{words_defined}"
    )
    # after a currency sign or code, a comma before groups of three digits groups thousands: "$10,000", "€2,500.50"
    grouped = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
    prefix = (
        rf"(?<![\w.,])(?P<cur>{pdot}|{pcur}){_HS}?(?:(?P<grouped>{grouped})|(?P<num>{num_hi})(?![.,]\d))"
        rf"(?:{_HS}*(?P<mult>{mult}))?(?![\w])"
        rf"(?!{_HS}*[-–]{_HS}*\d)"  # "USD 1-3": a code before a range of paragraphs, not a price
        rf"{words_defined}"
    )
    # where suffix_re fails at a number's start, it fails from each of these groups too: there it would read the
    # same number's tail (a number with its first groups left off) to the same end
    digit_run = rf"{before}(?!0\d)\d{{1,3}}+(?:[{SPACES}]\d{{3}}(?=[{SPACES}]))*+"
    anaphora = rf"{before}(?P<num>{num_hi})(?:{_SEP}(?P<mult>{mult}))?(?!\w){words_defined}"
    # what ``num`` can begin with: a minus, a digit or a number word
    number_start = rf"{before}(?=[\d\u2212\u2013-]|(?i:minus[ \t]+\d)|(?i:{words_re})){words_defined}"
    qualifier = rf"(?<!\w)(?P<q>(?i:{_alt(d.qualifiers)})){_HS}*\n?{_HS}*$"
    openers = _alt(d.range_openers + d.change_openers)
    opener = rf"(?<!\w)(?P<o>(?i:{openers})){_HS}+$"
    no_word = r"(?![\p{L}\p{Nd}])"
    # a rate's unit may wrap to the next line: "12 000 kr/\nmånad", "12 000 kr per\nmånad"
    # a second unit after the first: "per person och dag", "kr/elev/termin", "per barn i månaden"
    second = (rf"(?:(?:{_GAP}(?i:och|per){_GAP}|{_HS}*/{_SEP})(?P<per2>(?i:{_word_alt(d.rate_per, no_word)}))"
              rf"|{_GAP}(?i:i|om){_GAP}(?P<per2_in>(?i:{_word_alt(d.rate_in, no_word)})){_NO_RELATIVE})?")
    rate = (rf"(?:{_HS}*/{_SEP}|{_GAP}(?i:per){_GAP})(?P<per>(?i:{_word_alt(d.rate_per, no_word)})){second}"
            rf"|{_GAP}(?i:i|om){_GAP}(?P<per_in>(?i:{_word_alt(d.rate_in, no_word)})){_NO_RELATIVE}")
    noun_forms = r"(?:en|et|n)?"  # the definite forms: "timpriset", "månadsavgiften", "årshyran"
    rate_before = (rf"(?<![\p{{L}}\p{{Nd}}])(?:(?P<noun>(?i:{_word_alt(d.rate_nouns, '')})){noun_forms}"
                   rf"(?:{_HS}*:)?(?:{_HS}+(?i:är|blir|om|på))?"
                   rf"|(?P<counted>\p{{L}}+)\.?{_HS}+(?:{_alt(d.unit_price_marks)})){_HS}+$")
    return AmountData(
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
        digit_run_re=compile_re(digit_run), qualifier_re=compile_re(qualifier), opener_re=compile_re(opener),
        rates={**d.rate_per, **d.rate_in}, rate_re=compile_re(rate),
        rate_nouns=d.rate_nouns, rate_before_re=compile_re(rate_before),
        unit_ahead=UnitAhead.of(d, words_re + words_defined),
    )
