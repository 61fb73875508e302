"""Regex fragments shared by the rule modules (they match the folded text, see fold.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kdextract.text.fold import fold

from .lexicon import alternation, lexicon, word_regex

LEX = lexicon()
DATA = LEX.data

S0 = r"[ \t]*(?:\n[ \t]*)?"  # optional blanks, at most one line break
S1 = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"  # required blanks, at most one line break
NLB = r"(?<![^\W\d_])"  # not preceded by a letter
NL = r"(?![^\W\d_])"  # not followed by a letter
NUMB = r"(?<![\w.,:/§-])"  # a number starts here: no digit, letter or number punctuation before

ORDINAL = word_regex(w for w, n in LEX.ordinals.items() if 1 <= n <= 31)
WEEKDAY_NAME = word_regex(LEX.weekdays)
_WD_ABBR = word_regex(LEX.weekday_abbr)
WEEKDAY_WORD = rf"(?:(?:{WEEKDAY_NAME})(?:ens|en|s)?|(?:{_WD_ABBR})\.?){NL}"
PREP = alternation(DATA.period_prepositions)
NEXT = alternation(DATA.next_words)
LAST = alternation(DATA.last_words)
THIS = alternation([w for w in DATA.this_words if w != "i"])
REL = f"{NEXT}|{LAST}|{THIS}"
#: a year named by its relation to the reference ("nästa år", "i år", "förra året"), and each one's offset
YREL = r"innevarande[ \t]+(?:ar|aret)|i[ \t]+ar|nasta[ \t]+ar|forra[ \t]+aret"
YREL_DELTA = {fold(k): v for k, v in DATA.relative_year_words.words.items()}
SEASON = alternation(list(DATA.seasons) + list(DATA.seasons_past))
NUMBER_WORD = word_regex(LEX.numbers)
UNIT = word_regex(LEX.units)
COUNT = (rf"(?:\d+(?:[.,]\d+)?(?:[ \t]+och[ \t]+en[ \t]+halv)?|en[ \t]+halv|"
         rf"{word_regex(LEX.vague_counts)}|(?:{NUMBER_WORD})(?:[ \t]+och[ \t]+en[ \t]+halv)?)")
PART_OF_DAY = alternation(DATA.parts_of_day)
#: The nouns of an event (its kind each) and the prepositions before one (the side each counts on: -1 before, 1 after).
EVENT_NOUNS = {fold(k): v for k, v in DATA.event_nouns.words.items()}
EVENT_SIDES = {fold(k): v for k, v in DATA.event_nouns.prepositions.items()}


_THOUSANDS = {"tusen": 1000, "ettusen": 1000, "etttusen": 1000, "tvatusen": 2000}


def _below_hundred() -> dict[int, list[str]]:
    """Number words 1-99 that can end a written-out year, by value."""
    out: dict[int, list[str]] = {}
    for w, n in LEX.numbers.items():
        if 1 <= n <= 99 and " " not in w and w not in ("ena", "tu"):
            out.setdefault(n, []).append(w)
    return out


def _year_words() -> dict[str, int]:
    """Years 1000-2099 written out, folded: "nittonhundranittiofem", "tvatusenfemton", "tjugohundratjugo"."""
    below_hundred = _below_hundred()
    rest: dict[int, list[str]] = {0: [""], **below_hundred}
    out: dict[str, int] = {}
    for h, heads in below_hundred.items():
        if 10 <= h <= 20:
            for head in heads:
                for r, tails in rest.items():
                    out.update((f"{head}hundra{t}", h * 100 + r) for t in tails)
    for head, base in _THOUSANDS.items():
        for r, tails in rest.items():
            out.update((f"{head}{t}", base + r) for t in tails)
    return out


def _year_word_regex() -> str:
    """The words of ``YEAR_WORDS`` as (hundreds "hundra" | thousands) + an optional 1-99: the same
    language as one trie of all 2,000-odd words, in a pattern a tenth of its size (compiles faster)."""
    below_hundred = _below_hundred()
    heads = word_regex(w for n, ws in below_hundred.items() if 10 <= n <= 20 for w in ws)
    tails = word_regex(w for ws in below_hundred.values() for w in ws)
    return rf"(?:(?:{heads})hundra|{word_regex(_THOUSANDS)})(?:{tails})?"


#: A year written out in words, folded, to its value.
YEAR_WORDS = _year_words()
YEAR_WORD = _year_word_regex()


def keys_of(words: Iterable[str], whole: bool = False) -> str:
    """A keyword clause (see ``engine.rule``) for a word list: each folded word's longest piece,
    or with ``whole`` its last piece as a whole word (for phrases matched between word bounds)."""
    if whole:
        return "|".join(sorted({"=" + fold(w).split()[-1] for w in words}))
    return "|".join(sorted({max(fold(w).split(), key=len) for w in words}))


def _month_keys() -> str:
    """Keywords that every word ``LEX.month`` accepts contains, OCR-damaged ones included.

    A name that may be matched one edit away is split into two halves: one edit leaves one whole.
    """
    keys = set(LEX.month_abbr)
    for name in LEX.months:
        if len(name) >= DATA.fuzzy_month_min_length:
            half = len(name) // 2
            keys |= {name[:half], name[half:]}
        else:
            keys.add(name)
    return "|".join(sorted(keys))


MONTHISH = _month_keys()
WEEKDAYISH = keys_of([*LEX.weekdays, *LEX.weekday_abbr])
REL_KEYS = keys_of([*DATA.next_words, *DATA.last_words, *(w for w in DATA.this_words if w != "i")])


def day(name: str, guard: bool = True) -> str:
    """A day of the month: 8, 08, 1:a, 15:e, förste, tjugoförsta (groups ``name`` / ``name``w)."""
    return rf"(?:{NUMB if guard else ''}(?P<{name}>[0-3]?\d)(?::?[ae](?![^\W\d_]))?|(?P<{name}w>{ORDINAL}){NL})"


def month(name: str) -> str:
    """A month-like word; the handler validates it with ``LEX.month`` (names, abbreviations, OCR)."""
    return rf"(?P<{name}>[a-z]{{3,10}}){NL}(?:\.(?=[ \t]*\d))?"


def year(name: str, full: bool = False) -> str:
    """A year in digits, 1800-2099; ``full``: from 1000 ("den 6 juni 1523") or written out in words
    (group ``name``_words: "tvåtusenfemton"), for the rules where a day or month comes first."""
    if not full:
        return rf"(?P<{name}>(?:1[89]|20)\d\d)(?!\d)"
    return rf"(?:(?P<{name}>1\d\d\d|20\d\d)(?!\d)|(?P<{name}_words>{YEAR_WORD}){NL})"


def year_of(m: Any, name: str) -> int | None:
    """The year of group ``name`` (digits) or ``name``_words (words), if either matched."""
    if m.group(name):
        return int(m.group(name))
    words = name + "_words"
    w = m.group(words) if words in m.re.groupindex else None
    return YEAR_WORDS.get(w) if w else None


def weekday(name: str) -> str:
    return rf"(?P<{name}>{WEEKDAY_WORD})"


_NEXT_SET = frozenset(" ".join(w.split()) for w in map(fold, DATA.next_words))
_LAST_SET = frozenset(" ".join(w.split()) for w in map(fold, DATA.last_words))


def rel_kind(word: str | None) -> str | None:
    """'next', 'last' or 'this' for a folded relative word ("nästa", "förra", "denna")."""
    if not word:
        return None
    w = " ".join(word.split())
    if w in _NEXT_SET:
        return "next"
    if w in _LAST_SET:
        return "last"
    return "this"
