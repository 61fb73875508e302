"""Where a big case-insensitive alternation can match: a cheap pre-check before the regex.

A ``regex.IGNORECASE`` alternation of many names tries every name at every word start, and
most words begin with letters that no name begins with. ``Beginnings`` holds the lower-case
beginnings (up to six characters) of the alternatives; ``Beginnings.finditer`` tries the
regex only where one of them starts, and finds what ``pattern.finditer`` finds.

>>> import regex
>>> names = regex.compile(r"(?<!\\w)(?:kommunstyrelsen|kommunfullmäktige|barn- och utbildningsnämnden)", regex.I)
>>> starts = Beginnings([[{"k"}, {"o"}, {"m"}], [{"b"}, {"a"}, {"r"}]], lead=r"(?<!\\w)")
>>> [m.group() for m in starts.finditer(names, "KOMMUNSTYRELSEN och Barn- och utbildningsnämnden")]
['KOMMUNSTYRELSEN', 'Barn- och utbildningsnämnden']
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import product

import regex

#: Word bounds of the name and label patterns: no letter or digit before (after) the match.
WB_L = r"(?<![\p{L}\p{N}])"
WB_R = r"(?![\p{L}\p{N}])"
#: Letters outside Latin-1 that have another case (or a case-folded form): where the text has
#: one, ``str.lower`` may not tell what the regex engine's case-insensitive match does ("ſ" is "s").
OTHER_CASED = regex.compile(r"(?V1)[[\p{Cased}\p{Changes_When_Casefolded}]--[\x00-\xff]]")


@lru_cache(maxsize=4)
def other_cased(text: str) -> bool:
    """Whether ``text`` has a letter of ``OTHER_CASED`` (asked by several finders of one document)."""
    return OTHER_CASED.search(text) is not None


#: Longest beginning looked up.
DEPTH = 6


class Beginnings:
    """The lower-case beginnings of the alternatives of a case-insensitive pattern.

    ``alternatives``: for each alternative, the characters each of its first positions may
    hold (as many positions as are one character wide, from the start); ``lead``: the
    zero-width checks the pattern starts with (its lookbehinds).
    """

    def __init__(self, alternatives: Iterable[Sequence[Collection[str]]], lead: str = "") -> None:
        self.prefixes: set[str] = set()  # the first DEPTH characters
        short: set[str] = set()  # the whole known beginning of an alternative known for fewer
        firsts: set[str] = set()
        for alt in alternatives:
            known = [{ch.lower() for ch in chars} for chars in alt[:DEPTH]]
            if not known:
                raise ValueError("every alternative needs a known first character")
            firsts |= known[0]
            (self.prefixes if len(known) == DEPTH else short).update("".join(p) for p in product(*known))
        if OTHER_CASED.search("".join(firsts | self.prefixes | short)):
            raise ValueError("beginnings must be Latin-1 or without case")
        self.short = tuple(sorted(short))
        self.first = regex.compile(lead + "[" + "".join(map(regex.escape, sorted(firsts))) + "]", regex.IGNORECASE)

    def starts(self, text: str) -> Iterator[int]:
        """Every offset where an alternative's beginning starts (after the lead); all of them
        where the text has letters that ``str.lower`` cannot compare."""
        if other_cased(text):
            yield from (m.start() for m in self.first.finditer(text))
            return
        prefixes, short = self.prefixes, self.short
        for m in self.first.finditer(text):
            s = m.start()
            begins = text[s:s + DEPTH].lower()
            if begins in prefixes or begins.startswith(short):
                yield s

    def finditer(self, pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
        """``pattern.finditer(text)``, for a pattern whose every match starts with one of the beginnings."""
        return matches_at(pattern, text, self.starts(text))


def matches_at(pattern: regex.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches nothing empty and starts every match at
    one of ``starts`` (ascending): tried there only, each after the last match."""
    end = 0
    for s in starts:
        if s < end:
            continue
        m = pattern.match(text, s)
        if m is not None:
            yield m
            end = m.end()
