"""The Swedish calendar vocabulary (``resources/sv/dates.json``) as folded lookup tables."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from string import ascii_lowercase
from typing import Any

from kdextract.parsers.numbers import NumberRules, parse_number_word, parse_ordinal
from kdextract.pattern_cache import compile_std
from kdextract.resources import Part, Rules, WordList
from kdextract.text.fold import fold
from kdextract.text.word_starts import letter_tree

_DECIMAL = compile_std(r"\d+(?:[.,]\d+)?")


class SeasonIntervals(Part):
    """Astronomical seasons: season code -> first and last day as "MM-DD"."""

    intervals: dict[str, tuple[str, str]]


class OffsetAnchors(Part):
    """Words after "inom N <unit>" that tie the period to another event, and the "now" words that do not."""

    words: list[str]
    now_words: list[str]
    clause_modals: list[str]  # a modal with its subject after it: a clause of its own ("ska leverantören")
    subjects: list[str]
    subject_endings: list[str]
    review_verbs: list[str]  # an appeal or a review: its period counts from a notification ("kan inom tre veckor pröva")
    share_words: list[str]  # a share measured within a period ("andelen ... inom fyra månader är 81 %")
    share_after: list[str]  # a percentage right after the period ("... inom fyra månader var 91 procent")


class PastTense(Part):
    """Past-tense words and weak past endings (with the endings that are not past forms)."""

    words: list[str]
    endings: list[str]
    not_endings: list[str]


class WordValues(Part):
    """Words with an integer value each."""

    words: dict[str, int]


class WordNames(Part):
    """Words with a name (a grain, a code) each."""

    words: dict[str, str]


class FeastDays(Part):
    """Feasts by one word: month and day."""

    days: dict[str, tuple[int, int]]


class MovableFeastDays(Part):
    """Movable feasts by one word: the holiday they follow and a day offset."""

    days: dict[str, tuple[str, int]]


class PartAlternatives(Part):
    """TIMEX alternatives of a part of a year ("Y" is the year)."""

    parts: dict[str, list[str]]


class ShortYearMarks(WordList):
    """Marks before a two-digit year after a day and a month name, and the words after one that make it a number."""

    units_after: list[str]


class EventNouns(Part):
    """The definite nouns of an event (its kind each), the prepositions before one (the side each counts on), the
    words after one before a name that make it another's, the words after one that say it was held, and the ends
    of a place's name after "i" ("i Rådhuset": where, not whose)."""

    words: dict[str, str]
    prepositions: dict[str, int]
    other_event_words: list[str]
    held_words: list[str]
    place_heads: list[str]


class EnglishDates(Part):
    """English month names (folded) and the suffixes of a day ("12th"), for dates that Swedish documents quote."""

    months: dict[str, int]
    day_suffixes: list[str]


class DateRules(Rules, file="dates.json"):
    """The Swedish calendar vocabulary the date rules read."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    fuzzy_month_min_length: int
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    weekday_abbreviation_blockers: WordList
    recurring_weekday_words: list[str]
    seasons: dict[str, str]
    seasons_past: dict[str, str]
    season_order: list[str]
    season_intervals: SeasonIntervals
    exact_only_words: WordList
    since_prepositions: WordList
    day_list_joiners: WordList
    rate_prepositions: WordList
    year_only_seasons: WordList
    year_pair_prepositions: WordList
    period_prepositions: list[str]
    next_words: list[str]
    last_words: list[str]
    this_words: list[str]
    units: dict[str, str]
    offset_blockers: WordList
    offset_anchors: OffsetAnchors
    event_nouns: EventNouns
    past_tense: PastTense
    future_tense: WordList
    due_words: WordList
    year_names: WordList
    deictic: WordValues
    relative_days: dict[str, int]
    parts_of_day: dict[str, tuple[int, int]]
    parts_of_day_timex: dict[str, str]
    after_lunch: tuple[int, int]
    weekend: dict[str, int]
    holidays_fixed: dict[str, tuple[int, int]]
    holidays_movable: dict[str, tuple[str, int]]
    year_count_nouns: WordList
    year_blockers_before: WordList
    numbered_reports: WordList
    bounded_year_phrases: WordList
    same_year: WordList
    year_pivot_two_digit: int
    short_year_marks: ShortYearMarks
    quarter_ordinals: WordValues
    feast_days: FeastDays
    feast_days_movable: MovableFeastDays
    relative_units: WordNames
    clock_minute_words: WordValues
    relative_year_words: WordValues
    part_alternatives: PartAlternatives
    year_half_parts: WordValues
    days_off: WordList
    vague_counts: WordValues
    school_terms: WordNames
    thanks_words: WordList
    year_turn_before: WordList
    year_turn_after: WordList
    english: EnglishDates


#: The blanks between the words of a phrase: at most one line break among them.
_BLANKS = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"


def word_regex(words: Iterable[str]) -> str:
    """One regex for a word list, shaped as a trie ("tre(?:tti(?:o)?)?" for tre, tretti, trettio).

    It matches what the longest-first alternation matches, trying longer words first, but the
    regex engine reads each letter once instead of once per word. A space matches any run of
    blanks, with at most one line break ("före" / "utgången av 2027" wrapped). The words are used as
    given (fold them first).
    """
    def build(node: dict[str, Any]) -> str:
        alts = [(_BLANKS if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        return _branches(node, alts)

    return build(letter_tree(words))


def _branches(node: dict[str, Any], alts: list[str]) -> str:
    """A letter tree node's branches ``alts`` as one group, optional where a word ends at the node."""
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return body + "?" if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + body + ")?"
    return body


def word_set_regex(words: Iterable[str]) -> str:
    """A regex that matches each of ``words`` (as ``word_regex``'s does) in some order: for a lookahead
    (``(?=...)``), where the order does not matter. The letters before the same rest make one class
    ("[ab]ril" for "aril" and "bril"): many similar words (a month's misspellings) make a far shorter
    pattern than ``word_regex``'s, compiled in a fraction of its time."""
    def build(node: dict[str, Any]) -> str:
        after: dict[str, list[str]] = {}  # the pattern after a character -> the characters it follows
        for ch, child in sorted(node.items()):
            if ch:
                after.setdefault(build(child), []).append(ch)
        alts = []
        for rest, chars in after.items():
            letters = [re.escape(ch) for ch in chars if ch != " "]
            if len(letters) < len(chars):
                alts.append(_BLANKS + rest)
            if letters:
                alts.append((letters[0] if len(letters) == 1 else "[" + "".join(letters) + "]") + rest)
        return _branches(node, alts)

    return build(letter_tree(words))


def _alt(words: Any) -> str:
    """A regex for folded words, longest first (spaces match any run of blanks)."""
    return word_regex({fold(w) for w in words})


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


@dataclass(frozen=True)
class Lexicon:
    data: DateRules
    months: dict[str, int]
    month_abbr: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbr: dict[str, int]
    seasons: dict[str, str]
    seasons_past: dict[str, str]
    exact_only: frozenset[str]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    weekday_forms: dict[str, int]  # "måndag", "måndagen", "måndags", "måndagens" (folded)
    vague_counts: dict[str, int]  # "några" (folded) -> 3
    fuzzy_months: dict[str, int | None] = field(default_factory=dict, compare=False, repr=False)  # cache

    # -- lookups -------------------------------------------------------------------------
    def month(self, word: str, *, abbreviations: bool = True, fuzzy: bool = True) -> int | None:
        """Month number of a folded word: full name, abbreviation or (>= 5 letters) one edit away."""
        w = word.rstrip(".")
        if w in self.months:
            return self.months[w]
        if abbreviations and w in self.month_abbr:
            return self.month_abbr[w]
        if fuzzy and len(w) >= self.data.fuzzy_month_min_length:
            return self._fuzzy_month(w)
        return None

    @cached_property
    def month_words(self) -> frozenset[str]:
        """Every word of letters a-z in which ``month`` finds a month with some flags: names, abbreviations
        and the words one edit away from the names of a single month (a cheap test before the rules' look-ups)."""
        least = self.data.fuzzy_month_min_length
        near: dict[str, set[int]] = {}
        for name, n in self.months.items():
            if len(name) >= least:
                for i in range(len(name) + 1):
                    for w in {name[:i] + c + name[j:] for j in (i, i + 1) for c in ("", *ascii_lowercase)}:
                        near.setdefault(w, set()).add(n)
        fuzzy = {w for w, ns in near.items() if len(ns) == 1 and len(w) >= least}
        return frozenset(fuzzy | self.months.keys() | self.month_abbr.keys())

    def _fuzzy_month(self, w: str) -> int | None:
        if w not in self.fuzzy_months:
            hits = {n for name, n in self.months.items()
                    if len(name) >= self.data.fuzzy_month_min_length and edit_distance_at_most_one(w, name)}
            if len(self.fuzzy_months) > 10_000:
                self.fuzzy_months.clear()
            self.fuzzy_months[w] = hits.pop() if len(hits) == 1 else None
        return self.fuzzy_months[w]

    def weekday(self, word: str, original: str) -> int | None:
        """Weekday (0 = Monday) of a folded word ("måndag", "måndagen", "måndags", "mån")."""
        w = word.rstrip(".")
        if w in self.weekday_forms:
            return self.weekday_forms[w]
        if w in self.weekday_abbr:
            if w in self.exact_only and original.rstrip(".").casefold() not in self.exact_only_original:
                return None
            return self.weekday_abbr[w]
        return None

    @property
    def exact_only_original(self) -> frozenset[str]:
        return frozenset(self.data.exact_only_words.words)

    def number(self, folded: str, original: str) -> float | None:
        """A small cardinal in digits or words ("3", "tre", "2,5", "ett par", "två och en halv")."""
        s = " ".join(folded.split())
        half = 0.0
        if s.endswith(" och en halv"):
            s, half = s[: -len(" och en halv")], 0.5
        if s in ("en halv", "ett halvt"):
            return 0.5
        if s in self.vague_counts:
            return self.vague_counts[s] + half
        if _DECIMAL.fullmatch(s):
            return float(s.replace(",", ".")) + half
        if s in self.numbers:
            return self.numbers[s] + half
        value = parse_number_word(original)
        return None if value is None else value + half

    def ordinal(self, folded: str) -> int | None:
        s = folded.strip()
        if s in self.ordinals:
            return self.ordinals[s]
        return parse_ordinal(s)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = DateRules.load()
    nums = NumberRules.load()
    ordinals: dict[str, int] = {}
    words = list(nums.ordinal_units) + list(nums.ordinal_tens)
    words += [t + u for t in nums.tens for u in nums.ordinal_units if nums.ordinal_units[u] < 10]
    for w in words:
        value = parse_ordinal(w)
        if value is not None:
            ordinals[fold(w)] = value
    numbers: dict[str, int] = {}
    cardinals = list(nums.units) + list(nums.tens)
    cardinals += [t + u for t in nums.tens for u in nums.units if 0 < nums.units[u] < 10]
    for w in cardinals:
        value = parse_number_word(w)
        if value is not None:
            numbers[fold(w)] = value
    return Lexicon(
        data=data,
        months={fold(k): v for k, v in data.months.items()},
        month_abbr={fold(k): v for k, v in data.month_abbreviations.items()},
        weekdays={fold(k): v for k, v in data.weekdays.items()},
        weekday_abbr={fold(k): v for k, v in data.weekday_abbreviations.items()},
        weekday_forms={fold(k) + end: v for k, v in data.weekdays.items() for end in ("", "en", "s", "ens")},
        seasons={fold(k): v for k, v in data.seasons.items()},
        seasons_past={fold(k): v for k, v in data.seasons_past.items()},
        exact_only=frozenset(fold(w) for w in data.exact_only_words.words),
        ordinals=ordinals,
        numbers=numbers,
        units={fold(k): v for k, v in data.units.items()},
        vague_counts={fold(k): v for k, v in data.vague_counts.words.items()},
    )


def alternation(words: Any) -> str:
    """Public wrapper of the folded alternation builder (for the rule modules)."""
    return _alt(words)
