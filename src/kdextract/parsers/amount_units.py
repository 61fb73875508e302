"""Where an amount with its unit after the number can begin: a pre-check before the long suffix pattern.

Before its unit, a match of ``amounts``' suffix pattern reads numbers (digits, number words), multipliers, range
joiners, a first unit, signs and blanks: every word (run of letters) it reads there is one of those. From a
number's start the words after it are read one by one: where a word that can open a unit ("kr", "mnkr",
"kronor"), or a unit written in signs ("€", ":-"), comes before any word the pattern cannot read there, the
pattern is tried; where such a word comes first, it cannot match from that start. Each word's kind is looked up
once, and each word's answer is found once for all the starts before it (linear in the text).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from kdextract.parsers.amount_rules import AmountRules
from kdextract.parsers.numbers import scale_words
from kdextract.pattern_cache import compile_re
from kdextract.text.word_starts import lower_comparable

#: The words of the number pattern's halves and sums ("en och en halv miljon"), and its minus.
_NUMBER_GLUE = ("och", "en", "ett", "halv", "halva", "halvt", "minus")


class UnitAhead:
    """``units``: the currencies and units the suffix pattern ends with (any case); ``words``: the other words
    it may read before them (multipliers, range joiners, digit suffixes, scales); ``dashes``: its range dashes;
    ``number_word``: the number
    word pattern (``regex`` syntax, its definitions included), which a word it reads may match whole."""

    def __init__(self, units: Iterable[str], words: Iterable[str], dashes: Iterable[str], number_word: str) -> None:
        runs = compile_re(r"\p{L}+")
        units = list(units)
        self._opens = tuple(sorted({runs.findall(u)[0].lower() for u in units if runs.match(u)}))
        signs = sorted({u for u in units if not runs.match(u)}, key=lambda w: (-len(w), w))
        #: range dashes that are letters ("à"): one may run on into the number word after it ("àtusen")
        self._glued = tuple(w for w in dashes if runs.fullmatch(w))
        self._known = frozenset(r.lower() for w in [*units, *words, *dashes, *_NUMBER_GLUE] for r in runs.findall(w))
        self._number = compile_re(rf"(?i:{number_word})")
        self._token = compile_re(r"(?P<sign>" + ("|".join(map(regex.escape, signs)) or "(?!)") + r")|\p{L}+")
        self._kinds: dict[str, bool | None] = {}

    @classmethod
    def of(cls, rules: AmountRules, number_word: str) -> UnitAhead:
        """The pre-check of the suffix pattern that ``rules`` and ``number_word`` make (``amounts._data``)."""
        units = [*rules.currency_words, *rules.unit_words, *rules.codes, *rules.unit_codes]
        joiners = rules.range_joiners
        words = [*rules.multipliers, *rules.digit_suffixes, *joiners.words, *scale_words(), "hundra", "tusen"]
        return cls(units, words, joiners.dash, number_word)

    def _kind(self, word: str) -> bool | None:
        """True: ``word`` may open a unit; None: the pattern may read it before one; False: neither."""
        kind = self._kinds.get(word)
        if kind is None and word not in self._kinds:
            low = word.lower()
            glued = next((word[len(d):] for d in self._glued if low.startswith(d) and len(low) > len(d)), word)
            kind = True if low.startswith(self._opens) else \
                None if low in self._known or self._number.fullmatch(glued) else False
            if len(self._kinds) >= 50_000:
                self._kinds.clear()
            self._kinds[word] = kind
        return kind

    def kept(self, text: str, starts: list[int]) -> list[int]:
        """The ``starts`` (ascending) after which a unit can come before a word the pattern cannot read (all of
        them where ``str.lower`` may not tell what the pattern's case-insensitive words match)."""
        if not starts or lower_comparable(text) is None:
            return starts
        search = self._token.search
        decided: dict[int, bool] = {}  # a token's start -> whether a unit comes before another word from there
        searched_from, found = len(text) + 1, None  # the last search: each start in a gap finds the same next token
        out = []
        for s in starts:
            if not (searched_from <= s and (found is None or s <= found.start())):
                searched_from, found = s, search(text, s)
            m, path, unit = found, [], False
            while m is not None:
                if (known := decided.get(m.start())) is not None:
                    unit = known
                    break
                path.append(m.start())
                kind = True if m.group("sign") is not None else self._kind(m.group())
                if kind is not None:
                    unit = kind
                    break
                m = search(text, m.end())
            decided.update(dict.fromkeys(path, unit))
            if unit:
                out.append(s)
        return out

