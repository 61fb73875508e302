"""Where a big case-insensitive alternation can match: a cheap pre-check before the regex.

A ``regex.IGNORECASE`` alternation of many names tries every name at every word start, and
most words begin with letters that no name begins with. ``Beginnings`` holds the lower-case
beginnings (up to six characters) of the alternatives; ``Beginnings.finditer`` tries the
regex only where one of them starts, and finds what ``pattern.finditer`` finds. The beginnings
are found by one scan of the (lower-cased) text with the standard library's ``re``, which runs
a tree of literal branches several times faster than ``regex`` does: it reads the character
before each word and the beginnings after it, and ``regex`` checks the lead where one is found.

>>> import regex
>>> names = compile_re(r"(?<!\\w)(?:kommunstyrelsen|kommunfullmäktige|barn- och utbildningsnämnden)", regex.I)
>>> starts = Beginnings([[{"k"}, {"o"}, {"m"}], [{"b"}, {"a"}, {"r"}]])
>>> [m.group() for m in starts.finditer(names, "KOMMUNSTYRELSEN och Barn- och utbildningsnämnden")]
['KOMMUNSTYRELSEN', 'Barn- och utbildningsnämnden']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import cached_property, lru_cache
from typing import Any, Protocol, TypeVar

import regex

from kdextract.pattern_cache import compile_re, compile_std

#: Word bounds of the name and label patterns: no letter or digit before (after) the match.
WB_L = r"(?<![\p{L}\p{N}])"
WB_R = r"(?![\p{L}\p{N}])"
#: Letters outside Latin-1 that have another case (or a case-folded form): where the text has
#: one, ``str.lower`` may not tell what the regex engine's case-insensitive match does ("ſ" is "s").
OTHER_CASED = compile_re(r"(?V1)[[\p{Cased}\p{Changes_When_Casefolded}]--[\x00-\xff]]")


_NOT_LATIN1 = compile_re(r"[^\x00-\xff]+")


@lru_cache(maxsize=4)
def outside_latin1(text: str) -> frozenset[str]:
    """The characters of ``text`` outside Latin-1 (Swedish text has few: dashes, quotes, bullets)."""
    return frozenset("".join(_NOT_LATIN1.findall(text)))


@lru_cache(maxsize=4)
def other_cased(text: str) -> bool:
    """Whether ``text`` has a letter of ``OTHER_CASED`` (asked by several finders of one document)."""
    return any(OTHER_CASED.match(c) for c in outside_latin1(text))


_LETTER_OR_DIGIT = compile_re(r"[\p{L}\p{N}]")


@lru_cache(maxsize=4)
def latin1_words(text: str) -> bool:
    """Whether every letter and digit of ``text`` is of Latin-1 (then no character outside it stands before a word)."""
    return not any(map(_LETTER_OR_DIGIT.match, outside_latin1(text)))


@lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """``text.lower()`` (asked by the beginnings of several finders of one document)."""
    return text.lower()


#: Longest beginning looked up.
DEPTH = 6


class Beginnings:
    """The beginnings of the alternatives of a pattern (lower-cased where it ignores case).

    ``alternatives``: for each alternative, the characters each of its first positions may
    hold (as many positions as are one character wide, from the start); ``lead``: the
    zero-width checks the pattern starts with (its lookbehinds), ``WB_L`` first: every match
    starts a word. ``case_sensitive``: the pattern does not ignore case.
    """

    def __init__(self, alternatives: Iterable[Sequence[Collection[str]]], lead: str = WB_L,
                 case_sensitive: bool = False) -> None:
        if not lead.startswith(WB_L):
            raise ValueError("the lead starts with WB_L: every beginning starts a word")
        self.case_sensitive = case_sensitive
        # the first DEPTH positions' characters (all known positions if fewer), one tree node a position
        tree: dict[frozenset[str] | None, Any] = {}
        for alt in alternatives:
            known = [frozenset(chars if case_sensitive else (ch.lower() for ch in chars)) for chars in alt[:DEPTH]]
            if not known:
                raise ValueError("every alternative needs a known first character")
            node = tree
            for chars in known:
                node = node.setdefault(chars, {})
            node[None] = {}
        letters = "".join(sorted(set().union(*(chars for chars in _sets(tree)))))
        if not case_sensitive and OTHER_CASED.search(letters):
            raise ValueError("beginnings must be Latin-1 or without case")
        firsts = set().union(*(chars for chars in tree if chars is not None))
        self._first = (lead + "[" + "".join(map(regex.escape, sorted(firsts))) + "]",
                       0 if case_sensitive else regex.IGNORECASE)
        self._lead = compile_re(lead)
        self._word_lead = lead == WB_L  # the lead holds after every character the scan reads, in a Latin-1 text
        self._after_end = compile_std(_NOT_LATIN1_WORD + "(?=" + _class_trie(tree) + ")")

    @cached_property
    def first(self) -> regex.Pattern[str]:
        """The lead and a first character of a beginning (compiled where a text needs it: one whose case
        ``str.lower`` cannot tell)."""
        return compile_re(*self._first)

    def starts(self, text: str) -> Iterator[int]:
        """Every offset where an alternative's beginning starts (after the lead), ascending; every
        first character after the lead where the text has letters that ``str.lower`` cannot compare."""
        scan = self.comparable(text)
        if scan is None:
            yield from (m.start() for m in self.first.finditer(text))
            return
        lead = self._lead
        if self._after_end.match("\n" + scan[:DEPTH]) and lead.match(text):  # (a line break is no word character)
            yield 0
        if self._word_lead and latin1_words(text):
            yield from (m.end() for m in self._after_end.finditer(scan))
            return
        for m in self._after_end.finditer(scan):
            if lead.match(text, m.end()):
                yield m.end()

    def comparable(self, text: str) -> str | None:
        """The text as the beginnings are written (lower-cased where they ignore case); None where ``str.lower``
        may not tell what the regex engine's case-insensitive match does."""
        return text if self.case_sensitive else lower_comparable(text)

    def finditer(self, pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
        """``pattern.finditer(text)``, for a pattern whose every match starts with one of the beginnings."""
        return matches_at(pattern, text, self.starts(text))


class Anchored:
    """A pattern whose every match starts with one of ``beginnings``: ``finditer`` tries it only there."""

    __slots__ = ("beginnings", "pattern")

    def __init__(self, pattern: regex.Pattern[str], beginnings: Beginnings) -> None:
        self.pattern = pattern
        self.beginnings = beginnings

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """``self.pattern.finditer(text)``."""
        return self.beginnings.finditer(self.pattern, text)


#: The letters and digits of Latin-1, as ``regex`` reads them.
LATIN1_WORD_CHARS = "".join(filter(compile_re(r"[\p{L}\p{N}]").match, map(chr, range(256))))
#: A character that is no letter or digit of Latin-1: every character before a word start is one (and the
#: lead, checked after, tells which are).
_NOT_LATIN1_WORD = "[^" + LATIN1_WORD_CHARS + "]"
#: A standard library ``re`` lookbehind: no character of Latin-1 that ``regex`` reads as ``\w`` before. Where a
#: ``regex`` pattern starts with ``(?<!\w)`` (or a stricter lead), it holds before every match.
AFTER_NO_LATIN1_W = "(?<![" + re.escape("".join(filter(compile_re(r"\w").match, map(chr, range(256))))) + "])"


def lower_comparable(text: str) -> str | None:
    """``text`` lower-cased, or None where ``str.lower`` may not tell what the regex engine's
    case-insensitive match does (the length changes, or letters outside Latin-1 have another case)."""
    low = lowered(text)
    return None if len(low) != len(text) or other_cased(text) else low


class Alternatives:
    """``lead (?P<group>a1|a2|...) tail``: a pattern of many alternatives that each begin with one character
    of a known set (``alternatives``: each one's pattern and the characters its first positions may hold).

    The regex engine tries the alternatives of an alternation one by one; ``finditer`` tries the pattern
    only where an alternative begins (``Beginnings``), and there with only those alternatives, in their
    order, that can begin with the two characters found: it finds what ``pattern.finditer`` finds. A
    process compiles the pattern of each pair its texts begin a name with (a first document needs a few
    dozen of them, not the alternatives of every first letter).
    """

    def __init__(self, lead: str, group: str, alternatives: Sequence[tuple[str, Sequence[Collection[str]]]],
                 tail: str, flags: int = 0) -> None:
        self._around = (lead + "(?P<" + group + ">", ")" + tail, flags)
        self._alternatives = [alt for alt, _ in alternatives]
        case_sensitive = not flags & regex.IGNORECASE
        self.beginnings = Beginnings((begins for _, begins in alternatives), lead, case_sensitive)
        #: a first character -> the alternatives it begins, each with the characters its second position may
        #: hold (None: any, where it is not known)
        self._by_first: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
        for alt, begins in alternatives:
            second = None if len(begins) < 2 else frozenset(
                begins[1] if case_sensitive else (c.lower() for c in begins[1]))
            for ch in dict.fromkeys(begins[0] if case_sensitive else (c.lower() for c in begins[0])):
                self._by_first.setdefault(ch, []).append((alt, second))
        self._after: dict[str, regex.Pattern[str] | None] = {}  # the pattern of the alternatives two characters begin

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """The whole pattern (compiled where a text needs it: one whose case ``str.lower`` cannot tell)."""
        return self._compile(self._alternatives)

    def _compile(self, alternatives: list[str]) -> regex.Pattern[str]:
        before, after, flags = self._around
        return compile_re(before + "|".join(alternatives) + after, flags)

    def _begun(self, pair: str) -> regex.Pattern[str] | None:
        """The pattern of the alternatives that can begin with ``pair`` (a last character alone at the text's end),
        in their order; None where there are none."""
        alternatives = [alt for alt, second in self._by_first.get(pair[0], ()) if second is None or pair[1:] in second]
        pattern = self._after[pair] = self._compile(alternatives) if alternatives else None
        return pattern

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """``pattern.finditer(text)``."""
        scan = self.beginnings.comparable(text)
        if scan is None:
            yield from matches_at(self.pattern, text, self.beginnings.starts(text))
            return
        end = 0
        for s in self.beginnings.starts(text):
            if s < end:
                continue
            pair = scan[s:s + 2]
            pattern = self._after[pair] if pair in self._after else self._begun(pair)
            m = pattern.match(text, s) if pattern is not None else None
            if m is not None:
                yield m
                end = m.end()


def letter_tree(words: Iterable[str]) -> dict[str, Any]:
    """``words`` as a tree of characters: each node maps a character to the next node; "" ends a word."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _sets(tree: dict[frozenset[str] | None, Any]) -> Iterator[frozenset[str]]:
    """Every character set of a tree of ``Beginnings``."""
    for chars, rest in tree.items():
        if chars is not None:
            yield chars
            yield from _sets(rest)


def _class_trie(tree: dict[frozenset[str] | None, Any]) -> str:
    """A ``re`` pattern that matches each beginning of a tree of character sets (each node maps the set of a
    position to the next node; None ends a beginning), and what starts with one: one class a set, so a name's
    look-alike letters ("[öo6]") make no branch each. For a lookahead: the branches are not tried longest first."""
    if None in tree:
        return ""  # a whole beginning: what follows it does not matter
    alts = []
    for key, chars, rest in sorted(("".join(sorted(c)), c, r) for c, r in tree.items() if c is not None):
        escaped = "".join(map(re.escape, key))
        alts.append((escaped if len(chars) == 1 else "[" + escaped + "]") + _class_trie(rest))
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


class _Found(Protocol):
    def end(self) -> int: ...


_F_co = TypeVar("_F_co", bound=_Found, covariant=True)


class _Pattern(Protocol[_F_co]):
    def match(self, string: str, pos: int = ...) -> _F_co | None: ...


def matches_at(pattern: _Pattern[_F_co], text: str, starts: Iterable[int]) -> Iterator[_F_co]:
    """``pattern.finditer(text)`` for a pattern (``re`` or ``regex``, never fuzzy) that matches nothing empty and
    starts every match at one of ``starts`` (ascending): tried there only, each after the last match."""
    end = 0
    for s in starts:
        if s < end:
            continue
        m = pattern.match(text, s)
        if m is not None:
            yield m
            end = m.end()


def starts_before(text: str, ends: Iterable[int], back: regex.Pattern[str], first: regex.Pattern[str]) -> Iterator[int]:
    """Where a name that ends at one of ``ends`` (ascending) can start: the starts of ``first``'s matches in
    the stretch that the reversed pattern ``back`` reads before each end, ascending, each stretch read once."""
    tried = 0
    for end in ends:
        stretch = back.match(text, tried, end)
        yield from (m.start() for m in first.finditer(text, stretch.start() if stretch else end, end))
        tried = end


def match_near(pattern: regex.Pattern[str], text: str, start: int, reach: int) -> regex.Match[str] | None:
    """``pattern.match(text, start)`` for a pattern whose matches are shorter than ``reach``, read that far only: the
    ``regex`` module looks for a pattern's required letters through all the rest of the text first, so tries at many
    starts of a text without them read it whole each time (the square of its length). A match that reaches the
    window's end is read again without it, as it may go on."""
    stop = min(len(text), start + reach)
    m = pattern.match(text, start, stop)
    return pattern.match(text, start) if m is not None and m.end() == stop < len(text) else m


_BLANKS = compile_re(r"[ \t]*")


def after_blanks(text: str, pos: int) -> int:
    """Where the blanks and tabs at ``pos`` end. A pattern that opens with blanks before a required string ("[ \\t]*\\(")
    is matched from there without them: ``regex`` seeks the string through the rest of the text before matching
    blanks that open a pattern, so tries after many words of a text without it read it whole each time."""
    m = _BLANKS.match(text, pos)
    return m.end() if m is not None else pos
