"""Digits that OCR read as letters inside numbers of an exact shape: "2O24-03-05", "l 250 tkr", "l7 april".

A letter that looks like a digit ("O", "l", "I", "S", "B", "Z", "b"; ``symbol_noise.digits`` in
``resources/sv/ocr_confusions.json``) is read as that digit only where the rest of the shape is
exact and the reading is a valid value: an ISO date, a case number's year, a year from 1900 to
2099, an amount before a unit word (a long one may have run onto the next word: "2,B miljonerkronor")
or before the old sign ":-", thousands set apart by blanks or dots ("kr 14 65O:-", "kr 612.O00:-"), a day before a month name, a week number after "v." or
"vecka" (the unit or month may itself carry one OCR confusion: "6 35O tkt"), a time of day in a range or after
"kl." ("13.40–14.l0", "kl. l3.30"), an item number
after "§" or a committee code and before a title, before a case label or, of two or three places, after a
sentence end and before a title ("KS 1I7 Budget", "Z7 Dnr", "… justerad. 10I Rekrytering"). Each needs at least as many real
digits as look-alikes, so "I april", "Sid 3" and codes keep their letters; an amount in groups of three needs one ("71O OOO kr"),
a day after its article none ("den l augusti").

>>> [(s, new) for s, _, new, _ in digit_repairs("Beslut 2O24-03-05 om l 250 tkr, klart den l7 april.")]
[(8, '0'), (21, '1'), (42, '1')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from kdextract.pattern_cache import compile_re
from kdextract.text.ocr_confusions import ConfusionRules, confusion_table
from kdextract.text.view import Replacement

_RULES = ConfusionRules.load()
#: letter -> the digit OCR took it for
LOOKALIKES = {seen: digit for digit, options in _RULES.symbol_noise.digits.items() for seen, _ in options}
_X = "[0-9" + regex.escape("".join(sorted(LOOKALIKES))) + "]"
_START = r"(?<![\p{L}\p{N}])"
_END = r"(?![\p{L}\p{N}])"
_ISO_DATE = compile_re(rf"{_START}{_X}{{4}}-{_X}{{2}}-{_X}{{2}}{_END}")
_CASE = compile_re(rf"{_START}{_X}{{4}}/{_X}{{1,5}}{_END}")
#: An item number after "§" or a committee code, before a title ("KS 1I7 Budget", "§ Z7 Taxor"), before a
#: case label ("Z7 Dnr KS 2024/12"), or of two or three places after a sentence end, before a title (a flattened
#: protocol's bare item numbers: "… justerad. 10I Rekrytering av …").
_ITEM = compile_re(rf"(?:§|(?<![\p{{L}}\p{{N}}])\p{{Lu}}{{2,6}})[ \t]?\K{_X}{{1,3}}(?=[ \t]+\p{{Lu}})"
                      rf"|{_START}{_X}{{1,3}}(?=[ \t]+Dnr\b)"
                      rf"|(?<=[.!?][ \t]){_X}{{2,3}}{_END}(?=[ \t]+\p{{Lu}}\p{{Ll}})")
_YEAR = compile_re(rf"(?<![\p{{L}}\p{{N}}/:.,-]){_X}{{4}}{_END}(?![-/:.,]{_X})")
#: The word after a number: read as a unit or month, also with one OCR confusion ("tkt", "januaei").
_NEXT_WORD = r"(?=[ \u00a0]+([\p{L}][\p{L}\p{N}{#]*+)(?![\p{L}\p{N}]))"
#: An amount's digits in groups of three ("1 25O 000"): its start and run of groups, read once (``_matches``).
_AMOUNT_RUN = rf"{_START}{_X}{{1,3}}+(?:[ \u00a0]{_X}{{3}})*+"
_AMOUNT = compile_re(rf"{_AMOUNT_RUN}(?:,{_X}{{1,2}})?{_NEXT_WORD}")
#: An amount before the old sign of kronor ":-", thousands set apart by blanks or dots ("kr 14 65O:-", "kr 612.O00:-").
_OLD_AMOUNT_RUN = rf"{_START}(?<![\p{{N}}.,]){_X}{{1,3}}+(?:[ \u00a0.]{_X}{{3}})*+"
_OLD_AMOUNT = compile_re(rf"{_OLD_AMOUNT_RUN}(?=:-)")
#: An amount shape -> its run of groups alone.
_RUNS = {_AMOUNT: compile_re(_AMOUNT_RUN), _OLD_AMOUNT: compile_re(_OLD_AMOUNT_RUN)}
#: A group of three after a blank: an amount written in thousands.
_GROUP = compile_re(r"[ \u00a0]\S{3}")
_DAY = compile_re(rf"{_START}{_X}{{1,2}}{_NEXT_WORD}")
_ARTICLES = "|".join(regex.escape(w) for w in _RULES.number_words.day_articles)
#: A day after its article, before a month ("den l augusti"): there a day of look-alikes alone is a day.
_ARTICLE_DAY = compile_re(rf"(?<![\p{{L}}\p{{N}}])(?i:{_ARTICLES})[ \t]+\K{_X}{{1,2}}{_NEXT_WORD}")
#: A time range ("13.40–14.l0", a kallelse's time slot) or a time after "kl." ("kl. l3.30").
_TIME = compile_re(rf"{_START}{_X}{{1,2}}[.:]{_X}{{2}}[ \t]*[–-][ \t]*{_X}{{1,2}}[.:]{_X}{{2}}{_END}"
                      rf"|(?<![\p{{L}}\p{{N}}])(?i:kl)\.?[ \t]*\K{_X}{{1,2}}[.:]{_X}{{2}}{_END}")
_CLOCK = compile_re(r"(\d{1,2})[.:](\d{2})")
_WEEKS = "|".join(regex.escape(w) for w in sorted(_RULES.number_words.weeks, key=len, reverse=True))
_WEEK = compile_re(rf"(?<![\p{{L}}\p{{N}}.])(?i:{_WEEKS})[ \u00a0]?\K{_X}{{1,2}}{_END}")


def damaged_forms(words: list[str]) -> dict[str, str]:
    """``words`` and every form of them with one confusion of the table ("tkr" -> "tkt", "tlcr"), each
    -> its word."""
    forms = {word: word for word in words}
    for word in words:
        for conf in confusion_table().confusions:
            i = word.find(conf.meant)
            while i >= 0:
                forms.setdefault(word[:i] + conf.seen + word[i + len(conf.meant):], word)
                i = word.find(conf.meant, i + 1)
    return forms


_UNITS = damaged_forms(_RULES.number_words.units)
_MONTHS = damaged_forms(_RULES.number_words.months)
#: Long units and month names (five letters or more), also with one confusion -> the word: what
#: OCR may run onto the word before ("miljonerkronor", "efterfebruarl").
NUMBER_WORD_TAILS = damaged_forms([w for w in _RULES.number_words.units + _RULES.number_words.months if len(w) >= 5])
_UNIT_TAILS = tuple(sorted(w for w in _RULES.number_words.units if len(w) >= 5))


def _unit(word: str) -> bool:
    """A unit word, also with one confusion, or a long one that OCR ran onto the next word ("miljonerkronor")."""
    low = word.lower()
    return low in _UNITS or any(low.startswith(tail) for tail in _UNIT_TAILS)


def _digits(s: str) -> str:
    return "".join(LOOKALIKES.get(ch, ch) for ch in s)


def _year(v: str) -> bool:
    return 1900 <= int(v) <= 2099


def _iso(s: str) -> bool:
    y, m, d = _digits(s).split("-")
    return _year(y) and 1 <= int(m) <= 12 and 1 <= int(d) <= 31


def _case(s: str) -> bool:
    return _year(_digits(s).split("/")[0])


def _times(s: str) -> bool:
    """Every time in ``s`` (read as digits) is a time of day."""
    return all(int(h) <= 23 and int(mm) <= 59 for h, mm in _CLOCK.findall(_digits(s)))


def _day(m: regex.Match[str]) -> bool:
    return m.group(1).lower() in _MONTHS and 1 <= int(_digits(m.group())) <= 31


#: Shape -> check of its digit reading and of the word after it (the match).
_SHAPES: tuple[tuple[regex.Pattern[str], Callable[[regex.Match[str]], bool]], ...] = (
    (_ISO_DATE, lambda m: _iso(m.group())), (_CASE, lambda m: _case(m.group())),
    (_YEAR, lambda m: _year(_digits(m.group()))), (_AMOUNT, lambda m: _unit(m.group(1))), (_OLD_AMOUNT, lambda m: True),
    (_DAY, _day), (_ARTICLE_DAY, _day),
    (_WEEK, lambda m: 1 <= int(_digits(m.group())) <= 53), (_ITEM, lambda m: True),
    (_TIME, lambda m: _times(m.group())))


def _digits_needed(shape: regex.Pattern[str], s: str, letters: int) -> int:
    """The real digits a reading needs: as many as look-alikes, but one where an amount's groups of three
    make the shape ("71O OOO kr"), none after a day's article ("den l augusti")."""
    if shape is _ARTICLE_DAY:
        return 0
    grouped = shape in (_AMOUNT, _OLD_AMOUNT) and _GROUP.search(s) is not None
    return 1 if grouped else letters


def _zeros_in_thousands(m: regex.Match[str]) -> bool:
    """An amount that opens with a real digit, sets thousands apart and holds no look-alike but "O" for a zero
    ("412 OOO kr", "kr 85 OOO:-"); one before a word needs a unit there."""
    s = m.group()
    return s[:1].isdigit() and _GROUP.search(s) is not None and all(ch == "O" for ch in s if ch in LOOKALIKES) \
        and (m.re.pattern == _OLD_AMOUNT.pattern or _unit(m.group(1)))


def _zero_before_decimals(m: regex.Match[str]) -> bool:
    """An amount whose whole part is an "O" for a zero, its decimals real digits, before a unit ("O,6 mnkr")."""
    s = m.group()
    return s[:2] == "O," and s[2:].isdigit() and _unit(m.group(1))


#: The shapes whose reading no word of clean text has ("1984-1O-16", "den l januari", "412 OOO kr", "O,6 mnkr"):
#: read on clean text too.
_SURE_SHAPES = (_SHAPES[0], (_ARTICLE_DAY, _day), (_AMOUNT, _zeros_in_thousands), (_OLD_AMOUNT, _zeros_in_thousands),
                (_AMOUNT, _zero_before_decimals))


def sure_digit_repairs(text: str) -> list[Replacement]:
    """``digit_repairs`` of an ISO date, of a day after its article and of an amount in groups of three that opens
    with a digit only: what a page read well but for a digit or two needs.

    >>> [(s, new) for s, _, new, _ in sure_digit_repairs("Taxan gäller från den l januari, beslut 1984-1O-16.")]
    [(22, '1'), (46, '0')]
    """
    return digit_repairs(text, _SURE_SHAPES)


def _matches(shape: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """``shape.finditer(text)``, but an amount shape that fails at a run of groups skips the run: from each later
    group it would read the same run to the same end and fail there too (1,000 groups were read 1,000 times)."""
    run = _RUNS.get(shape)
    if run is None:
        yield from shape.finditer(text)
        return
    pos = 0
    while (r := run.search(text, pos)) is not None:
        m = shape.match(text, r.start())
        if m is not None:
            yield m
        pos = r.end() if m is None else m.end()


def digit_repairs(text: str, shapes: tuple[tuple[regex.Pattern[str], Callable[[regex.Match[str]], bool]], ...]
                  = _SHAPES) -> list[Replacement]:
    """Replacements of the look-alike letters inside numbers of an exact shape (``shapes``), sorted."""
    found: dict[int, Replacement] = {}
    checks: dict[regex.Pattern[str], list[Callable[[regex.Match[str]], bool]]] = {}
    for shape, valid in shapes:  # a shape's text read once for all its checks
        checks.setdefault(shape, []).append(valid)
    for shape, valids in checks.items():
        for m in _matches(shape, text):
            s = m.group()
            letters = [i for i, ch in enumerate(s) if ch in LOOKALIKES]
            if not letters or sum(ch.isdigit() for ch in s) < _digits_needed(shape, s, len(letters)) \
                    or not any(valid(m) for valid in valids):
                continue
            for i in letters:
                at = m.start() + i
                found[at] = (at, at + 1, LOOKALIKES[s[i]], f"ocr: digit {s[i]} -> {LOOKALIKES[s[i]]}")
    return [found[k] for k in sorted(found)]
