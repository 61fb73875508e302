"""Swedish numbers: digits with Swedish grouping and decimal comma, number words, ordinals.

>>> parse_number("1 822")
Decimal('1822')
>>> parse_number("2,2")
Decimal('2.2')
>>> parse_number("7.500")
Decimal('7500')
>>> parse_number("tvåhundrafemtio")
Decimal('250')
>>> parse_number("två miljoner")
Decimal('2000000')
>>> parse_number("ett hundra"), parse_number("tvåhundrafemtio tusen")
(Decimal('100'), Decimal('250000'))
>>> parse_number("1,2M"), parse_number("minus 1.200.000")
(Decimal('1200000'), Decimal('-1200000'))
>>> parse_ordinal("15:e"), parse_ordinal("förste"), parse_ordinal("tjugoförsta")
(15, 1, 21)
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Context, Decimal, InvalidOperation, getcontext
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.resources import Rules

SPACES = "\u0020\u00a0\u202f\u2009"


def digits_pattern(repeat: str = "+") -> str:
    """A digit string with Swedish grouping (space, no-break space, thin space or dot) and decimal comma, ``repeat``
    after its groups: "++" gives none back (``regex`` takes a long run's groups back one at a time, each at a cost
    that grows with the run), for a pattern where nothing that can follow a number begins with a digit."""
    return (rf"\d{{1,3}}(?:[{SPACES}]\d{{3}}){repeat}(?:,\d+)?"  # 1 822 000,50
            rf"|\d{{1,3}}(?:\.\d{{3}}){repeat}(?:,\d+)?"  # 1.822.000
            r"|\d+(?:[,.]\d+)?")  # 1822 / 2,2 / 2.5


DIGITS_PATTERN = digits_pattern()
_DIGITS_RE = compile_re(rf"^(?:{DIGITS_PATTERN})$")
_ORDINAL_DIGITS_RE = compile_re(r"^(\d{1,3})(?::?[ae]|\.)$")
_HALF_RE = compile_re(r"(?:\boch\s+)?\b(?:en|ett)\s+halv[at]?\b")
_HALF = "½"
#: Most digits before the decimal comma that still make a number: a longer run (29 digits and up
#: used to raise ``decimal.InvalidOperation``) is an identifier or noise, never a quantity, so it is none.
MAX_INTEGER_DIGITS = 18


class NumberRules(Rules, file="numbers.json"):
    """Swedish number words: units, tens, scales, ordinals, fixed pairs, negation, digit suffixes."""

    units: dict[str, int]
    tens: dict[str, int]
    hundred: str
    thousand: str
    scales: dict[str, int]
    ordinal_units: dict[str, int]
    ordinal_tens: dict[str, int]
    pairs: dict[str, int]
    negative_words: list[str]
    suffix_multipliers: dict[str, int]


_DATA = NumberRules.load()
_HUNDRED, _THOUSAND = _DATA.hundred, _DATA.thousand


def clean_decimal(value: Decimal) -> Decimal:
    """``value`` without exponent or trailing zeros: 2.2 × 10⁶ → ``Decimal('2200000')``, 1.10 → 1.1.

    Exact at any size: an integer longer than the context's precision keeps all its digits.
    """
    if value == value.to_integral_value():
        digits = max(value.adjusted() + 1, getcontext().prec)
        return value.quantize(Decimal(1), context=Context(prec=digits))
    return value.normalize()


_SPACE_CHAR = compile_re(rf"[{SPACES}]")
_DOT_THOUSANDS = compile_re(r"\d{1,3}(?:\.\d{3})+")


def parse_digits(text: str) -> Decimal | None:
    """Value of a digit string: ``"1 822"`` → 1822, ``"7.500"`` → 7500, ``"2,2"`` → 2.2.

    ``None`` for more than ``MAX_INTEGER_DIGITS`` digits before the decimal comma.
    """
    s = text.strip()
    if not _DIGITS_RE.match(s):
        return None
    s = _SPACE_CHAR.sub("", s)
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif _DOT_THOUSANDS.fullmatch(s):
        s = s.replace(".", "")  # dot as thousands separator: 7.500
    if len(s.partition(".")[0]) > MAX_INTEGER_DIGITS:
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _tables() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, int], dict[str, int]]:
    return _DATA.units, _DATA.tens, _DATA.scales, _DATA.ordinal_units, _DATA.ordinal_tens


def _below_thousand(word: str) -> int | None:
    """Value of a compound word below 1000 ("tvåhundrafemtio"), 0 for "", else None."""
    units, tens, _, _, _ = _tables()
    if not word:
        return 0
    total = 0
    rest = word
    if _HUNDRED in rest:
        head, _, rest = rest.partition(_HUNDRED)
        if head and (head not in units or units[head] == 0):
            return None
        total += (units[head] if head else 1) * 100
    if not rest:
        return total
    for ten, tval in tens.items():
        if rest.startswith(ten):
            rest_units = rest[len(ten):]
            if not rest_units:
                return total + tval
            if rest_units in units and 0 < units[rest_units] < 10:
                return total + tval + units[rest_units]
            return None
    if rest in units:
        return total + units[rest]
    return None


def _compound(word: str) -> int | None:
    """Value of one written word ("femtusen", "tvåhundrafemtio", "tusen"), else None."""
    if _THOUSAND in word:
        head, _, tail = word.partition(_THOUSAND)
        h = _below_thousand(head) if head else 1
        t = _below_thousand(tail)
        if not h or t is None:
            return None
        return h * 1000 + t
    value = _below_thousand(word)
    return None if value == 0 and word != "noll" else value


def _word_value(text: str) -> Decimal | None:
    """Value of a cardinal in words, fractions of scales included ("en och en halv miljon")."""
    _, _, scales, _, _ = _tables()
    s = _HALF_RE.sub(f" {_HALF} ", text.casefold().replace("-", " "))
    words = s.split()
    if not words:
        return None
    if words == ["noll"]:
        return Decimal(0)
    total = group = small = Decimal(0)
    seen = False
    for word in words:
        if word == _HALF:
            if small % 1:
                return None
            small += Decimal("0.5")
        elif word in scales:
            total += (group + small or Decimal(1)) * scales[word]
            group = small = Decimal(0)
        elif word == _THOUSAND:
            if group and not small:
                return None
            group += (small or Decimal(1)) * 1000
            small = Decimal(0)
        elif word == _HUNDRED:
            if small >= 100 or small % 1:
                return None
            small = (small or Decimal(1)) * 100
        elif word == "och":
            continue
        else:
            value = _compound(word)
            if value is None or value == 0:
                return None
            if value >= 1000:
                if group or small:
                    return None
                group += value
            else:
                if small and not (
                    (small % 100 == 0 and value < 100)
                    or (small % 10 == 0 and small % 100 >= 20 and value < 10)
                ):
                    return None
                small += value
        seen = True
    return clean_decimal(total + group + small) if seen else None


def parse_number_word(text: str) -> int | None:
    """Value of a Swedish cardinal written in words, up to billions ("tre miljarder"); whole numbers only."""
    value = _word_value(text)
    if value is None or value % 1:
        return None
    return int(value)


_SUFFIX_RE = compile_re(rf"^((?:{DIGITS_PATTERN})|,\d+)([kKMG])$")
_DIGIT_SCALE_RE = compile_re(rf"^((?:{DIGITS_PATTERN})|,\d+)\s+([^\W\d_]+)$")  # a scale word: letters
_NEGATIVE_RE = compile_re(r"^(?:[-\u2212]\s*|(?:" + "|".join(map(regex.escape, _DATA.negative_words)) + r")\s+)",
                             regex.IGNORECASE)
_BARE_FRACTION = compile_re(r",\d+")


def _unsigned(s: str) -> Decimal | None:
    value = parse_digits(s)
    if value is not None or _DIGITS_RE.match(s):  # a digit string too long for a number has no suffix or scale
        return value
    if _BARE_FRACTION.fullmatch(s):
        return Decimal("0." + s[1:])
    data = _DATA
    m = _SUFFIX_RE.match(s)
    if m:
        base = _unsigned(m.group(1))
        return None if base is None else base * data.suffix_multipliers[m.group(2)]
    m = _DIGIT_SCALE_RE.match(s)
    if m:
        word = m.group(2).casefold()
        mult = data.scales.get(word) or (1000 if word == _THOUSAND else (100 if word == _HUNDRED else None))
        base = _unsigned(m.group(1))
        return None if base is None or mult is None else base * mult
    pair = data.pairs.get(" ".join(s.casefold().split()))
    if pair is not None:
        return Decimal(pair)
    return _word_value(s)


def parse_number(text: str) -> Decimal | None:
    """A number written in digits or words; ``None`` when ``text`` is not one.

    Also takes a minus sign or "minus"/"negativ", a k/M/G suffix ("1,2M") and a digit
    number with a scale word ("5 tusen", "2,2 miljoner").
    """
    s = text.strip()
    sign = 1
    m = _NEGATIVE_RE.match(s)
    if m:
        sign, s = -1, s[m.end():]
    value = _unsigned(s)
    return None if value is None else clean_decimal(sign * value)


def parse_ordinal(text: str) -> int | None:
    """Value of an ordinal: "1:a", "15:e", "3.", "förste", "tjugoförsta"."""
    s = text.strip().casefold()
    m = _ORDINAL_DIGITS_RE.match(s)
    if m:
        return int(m.group(1))
    _, tens, _, ord_units, ord_tens = _tables()
    if s in ord_units:
        return ord_units[s]
    if s in ord_tens:
        return ord_tens[s]
    for ten, tval in tens.items():
        if s.startswith(ten) and s[len(ten):] in ord_units and ord_units[s[len(ten):]] < 10:
            return tval + ord_units[s[len(ten):]]
    return None


def _alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def number_word_pattern() -> tuple[str, str]:
    """Swedish number words: ``(pattern, definitions)``, both ``regex`` syntax.

    ``pattern`` (no capturing groups, no flags) matches one compound word ("tvåhundrafemtio",
    "femtusen"), or words joined by multipliers: "ett hundra", "tvåhundrafemtio tusen", "två
    miljoner", "en miljon tvåhundratusen", "en och en halv miljon", "en halv miljard". Callers
    add word boundaries. It calls the group ``nw_small`` (a number below a thousand in one word)
    that ``definitions`` defines (case-insensitive); a regex that holds ``pattern`` ends with
    ``definitions``, once. Written out, the small numbers would stand nine times in the pattern:
    it calls the group where they follow "tusen" or a multiplier, which few places in a text
    reach, and writes them out where a match begins (the engine finds the places to try from
    those), so it compiles in a third of the time and matches as fast.
    """
    units, tens, scales, _, _ = _tables()
    unit = _alt(units)
    ten = _alt(tens)
    small = rf"(?:(?:{unit})?hundra)?(?:(?:{ten})(?:{unit})?|{unit})|(?:{unit})?hundra"
    after = "(?&nw_small)"  # small, after "tusen" or a multiplier
    word = rf"(?:(?:{small})(?:tusen(?:{after})?)?|tusen(?:{after})?)"
    word_after = rf"(?:(?:{after})(?:tusen(?:{after})?)?|tusen(?:{after})?)"
    mult = rf"(?:hundra|tusen|{_alt(scales)})"
    half = r"(?:en|ett)\s+halv[at]?"
    head = rf"(?:{word}(?:\s+och\s+{half})?|{half})"
    # bounded: a number names each scale once ("två miljarder tre miljoner fyrahundratusen tjugo"), so a run of
    # number words ("tre miljoner tre miljoner …") is read a few words at a time, never whole from every start
    pattern = rf"(?:{head}(?:\s+{mult}){{1,3}}(?:\s+{word_after}(?:\s+{mult}){{0,3}}){{0,4}}|{word})"
    return pattern, rf"(?(DEFINE)(?P<nw_small>(?i:{small})))"


def scale_words() -> tuple[str, ...]:
    """The scales ("miljon", "miljarder"): the words after a number's head in ``number_word_pattern()``."""
    return tuple(sorted(_tables()[2]))


@lru_cache(maxsize=1)
def number_word_beginnings() -> tuple[str, ...]:
    """The words (lower case) that a match of ``number_word_pattern()``'s pattern begins with: a unit ("en", "ett"),
    a ten, "hundra" or "tusen"."""
    units, tens, _, _, _ = _tables()
    return tuple(sorted({*units, *tens, "hundra", "tusen"} - {""}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def ordinal_word_pattern() -> str:
    """A regex alternation matching Swedish ordinal words up to 99."""
    _, tens, _, ord_units, ord_tens = _tables()
    ou = _alt(ord_units)
    ot = _alt(ord_tens)
    ten = _alt(tens)
    return rf"(?:(?:{ten})(?:{ou})|{ot}|{ou})"
