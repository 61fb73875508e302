"""Helpers the rule handlers share: reading groups, weekdays, year choice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kdextract.layout.words import first_names
from kdextract.pattern_cache import compile_re, compile_std
from kdextract.text.fold import fold, fold_key

from .calendar import infer_year
from .engine import Ctx
from .lexicon import word_regex
from .patterns import DATA, LEX


def day_of(m: Any, name: str) -> int | None:
    if m.group(name):
        return int(m.group(name))
    w = m.group(name + "w")
    return LEX.ordinal(w) if w else None


def weekday_of(m: Any, name: str, ctx: Ctx) -> int | None | bool:
    """Weekday of group ``name``; ``None`` if absent; ``False`` if present but not a weekday."""
    if not m.group(name):
        return None
    s, e = m.span(name)
    wd = LEX.weekday(m.group(name), ctx.text[s:e])
    return False if wd is None else wd


def year_matching_weekday(month: int, day: int, weekday: int, base: int) -> int:
    """The year nearest ``base`` (forward first) in which month/day falls on ``weekday``."""
    for off in (0, 1, -1, 2, -2, 3, -3, 4, 5, 6):
        try:
            if dt.date(base + off, month, day).weekday() == weekday:
                return base + off
        except ValueError:
            continue
    return base


_DATE_WORD_BEFORE = compile_std(
    rf"(?:(?<![^\W\d_])(?:den|fr\.?o\.?m\.?|t\.?o\.?m\.?|till och med|till|fran|per|senast|fore|efter|innan|"
    rf"{'|'.join(LEX.weekdays)})|datum|datumet)(?:ens|en|s)?[ \t]*$")  # a word, not its end ("ärenden"); "-datum" ends compounds
#: A date's label that opens its line, a word in "-datum" among its words ("Datum för beslut:", "Sammanträdesdatum:"),
#: set apart by a colon or a column gap; no number's label ("Datum och dnr:").
_DATE_LABEL = compile_std(r"[ \t]*(?![^\n]*\b(?:dnr|nr|nummer)\b)(?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]*datum(?:et)?"
                          r"(?:[ \t]+[^\W\d_]+){0,3}[ \t]*(?::[ \t]*|\t[ \t]*|[ ]{2,})")
#: Most characters of a date's label before its date.
_LABEL_REACH = 48


def after_date_word(ctx: Ctx, start: int) -> bool:
    """A date word right before ``start``, a colon between or not ("senast", "den", "Datum:", a weekday), or a date's
    label that opens the line ("Datum för beslut:   20261015")."""
    if _DATE_WORD_BEFORE.search(ctx.folded[max(0, start - 20):start].rstrip(" \t:")):
        return True
    line = ctx.folded.rfind("\n", max(0, start - _LABEL_REACH - 1), start) + 1  # the line's start, where in reach
    return start - line <= _LABEL_REACH and _DATE_LABEL.fullmatch(ctx.folded, line, start) is not None


def resolve_year(month: int, ctx: Ctx, explicit: int | None) -> tuple[int | None, bool]:
    """(year, relative): the explicit year, else the window year from the reference."""
    if explicit is not None:
        return explicit, False
    y = infer_year(month, ctx.ref, ctx.grain)
    return y, y is not None


_DUE_BEFORE = compile_std(rf"(?<![^\W\d_])(?:{word_regex(fold(w) for w in DATA.due_words.words)})[ \t]+\Z")


#: Months a due day may lie before the reference and still be that year's (a notice's "senast den 4 mars" before
#: its meeting on 10 March, one just passed).
_RECENT_MONTHS = 2


def coming_year(ctx: Ctx, start: int, end: int, year: int, month: int) -> int:
    """The year of a year-less day (window year ``year``) after a due word ("senast den 15 maj" in October: next
    May): the next such day where the window's lies ``_RECENT_MONTHS`` or more before the reference, unless a past
    verb stands by it; only against a reference known to the day (the day of writing: a month read off a past event in
    an undated note's text keeps the window's year)."""
    ref = ctx.ref
    if ref is None or ctx.grain != "day" or year != ref.year or ref.month - month < _RECENT_MONTHS \
            or not _DUE_BEFORE.search(ctx.folded, max(0, start - 12), start):
        return year
    return year if in_past_tense(ctx, start, end) or past_earlier_in_clause(ctx, start) else year + 1


def weekday_year(ctx: Ctx, start: int, end: int, month: int, day: int, weekday: int, year: int) -> tuple[int, int | None]:
    """(year, other year) of a year-less day that names its weekday, ``year`` its window year: the nearest year the
    weekday fits, the window year an alternative; after a due word ("Senast fredag den 15 maj" in March 2025, 15 May
    2025 a Thursday) the coming day stays and the weekday's year is the alternative (a wrong weekday is likelier than
    a time limit 14 months on)."""
    fits = year_matching_weekday(month, day, weekday, year)
    if fits == year or ctx.grain != "day":
        return fits, None
    if not _DUE_BEFORE.search(ctx.folded, max(0, start - 12), start):
        return fits, year
    coming = coming_year(ctx, start, end, year, month)
    return coming, None if coming == fits else fits


def alone_on_line(text: str, start: int, end: int, trailing: str) -> bool:
    """Only blanks before ``[start, end)`` on its line, and only characters of ``trailing`` after it.

    >>> alone_on_line("rum\\n  fre.\\nx", 6, 9, " \\t."), alone_on_line("rum: fre", 5, 8, " \\t.")
    (True, False)
    """
    i = start
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    j = end
    while j < len(text) and text[j] in trailing:
        j += 1
    return (i == 0 or text[i - 1] == "\n") and (j == len(text) or text[j] == "\n")


def before_word(ctx: Ctx, pos: int) -> str:
    """The folded word (or symbol) right before ``pos``."""
    s = ctx.folded[max(0, pos - 40):pos].rstrip()
    if not s:
        return ""
    parts = s.split()
    return parts[-1] if parts else ""


_PAST = DATA.past_tense
_PAST_WORDS = frozenset(_PAST.words)
_PAST_ENDINGS = tuple(_PAST.endings)
_NOT_PAST_ENDINGS = tuple(_PAST.not_endings)
_FUTURE_WORDS = frozenset(DATA.future_tense.words)
_WORD_AFTER = compile_std(r"\s*([^\W\d_]+)")
_WORD_BEFORE = compile_std(r"([^\W\d_]+)\s*$")


def in_past_tense(ctx: Ctx, start: int, end: int) -> bool:
    """Whether the finite verb next to ``start:end`` is a past form (read in the original text,
    where "vår" and "var" differ).

    A fronted time phrase is followed by the verb ("Vid årsskiftet startade ..."); otherwise the
    verb may stand right before it ("... startade vid årsskiftet").
    """
    after = _WORD_AFTER.match(ctx.text, end, end + 40)
    before = _WORD_BEFORE.search(ctx.text[max(0, start - 40):start])
    for m in (after, before):
        if m is None:
            continue
        w = m.group(1).casefold()
        if w in _FUTURE_WORDS:
            return False
        if _past_form(w):
            return True
    return False


def in_future_tense(ctx: Ctx, start: int, end: int) -> bool:
    """Whether the finite verb next to ``start:end`` (after it, else before it) is a future word ("Till
    årsskiftet ska …", "… upphör vid årsskiftet")."""
    for m in (_WORD_AFTER.match(ctx.text, end, end + 40), _WORD_BEFORE.search(ctx.text[max(0, start - 40):start])):
        if m is not None and m.group(1).casefold() in _FUTURE_WORDS:
            return True
    return False


def _past_form(word: str) -> bool:
    """A (lower-cased) past form: a listed one, or a weak past ending on a word of six letters or more."""
    return word in _PAST_WORDS or (len(word) >= 6 and word.endswith(_PAST_ENDINGS)
                                   and not word.endswith(_NOT_PAST_ENDINGS))


_CLAUSE_WORDS = compile_std(r"[^\W\d_]+|[.!?;:]")
_PRESENT_ENDINGS = ("ar", "er", "or", "rs", "as")


def past_earlier_in_clause(ctx: Ctx, start: int, words: int = 8) -> bool:
    """Whether the clause's verb, a few words back in its sentence, is a past form ("Vandringar
    genomfördes i X och på Y under hösten"); a future word, a word that may be a present form
    ("-ar", "-er", "-rs") or the sentence's end stops the look-back (then it is not past)."""
    seen = _CLAUSE_WORDS.findall(ctx.text[max(0, start - 120):start])[::-1][:words]
    for w in (w.casefold() for w in seen):
        if w in ".!?;:" or w in _FUTURE_WORDS:
            return False
        if _past_form(w):
            return True
        if len(w) >= 4 and w.endswith(_PRESENT_ENDINGS):
            return False
    return False


_SENTENCE_PART = compile_std(r"[^.!?;:\n]*")
#: How far before and after a phrase its sentence's future word may stand.
_FUTURE_REACH = 120


def future_in_sentence(ctx: Ctx, start: int, end: int) -> bool:
    """Whether a future word stands in the sentence of ``start:end``, within ``_FUTURE_REACH`` characters
    ("Sommarens badvakter ska rekryteras i mars")."""
    before = ctx.text[max(0, start - _FUTURE_REACH):start]
    before = before[max(before.rfind(c) for c in ".!?;:\n") + 1:]
    after = _SENTENCE_PART.match(ctx.text, end, end + _FUTURE_REACH)
    words = before.split() + (after.group().split() if after else [])
    return any(w.casefold() in _FUTURE_WORDS for w in words)


#: Loaded with the rules, so that a first ``find_dates`` call reads no list.
_GIVEN_NAMES = first_names()
_SURNAME_AFTER = compile_re(r"[ \t]+\p{Lu}\p{Ll}")


def month_is_name(ctx: Ctx, start: int, end: int) -> bool:
    """A month word written as a given name before a capitalised word: "punkt 3 Jan Hedlund"."""
    word = ctx.text[start:end].rstrip(".")
    if not (word[:1].isupper() and word[1:].islower()) or fold_key(word) not in _GIVEN_NAMES:
        return False
    return _SURNAME_AFTER.match(ctx.text, end) is not None


def holiday_is_name(ctx: Ctx, start: int, end: int) -> bool:
    """A holiday's word capitalised before a capitalised word on its line: a given name and a surname ("Lucia
    Ek", "Ana Lucía Pérez"), no feast (a feast is written before a date or a verb: "Lucia den 13 december")."""
    word = ctx.text[start:end]
    return word[:1].isupper() and word[1:].islower() and _SURNAME_AFTER.match(ctx.text, end) is not None
