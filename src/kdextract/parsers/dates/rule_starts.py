"""Where a date rule can begin: one scan of a text instead of one scan per rule.

Every rule pattern starts with a lookbehind, so ``re`` tries it at every position of the text.
``beginnings`` reads a compiled pattern and tells the strings that every match begins with (up to
``DEPTH`` characters, any digit written "0" and any blank " "), and whether no match follows a
letter. ``RuleStarts`` scans a text once for the positions after no letter where a rule's beginning
starts, and tells each rule where to try its pattern: ``kdextract.text.word_starts.matches_at`` there finds what ``finditer``
finds.

>>> import re
>>> sorted(beginnings(compile_std(r"(?<![^\\W\\d_])(?:den[ \\t]+)?(?P<d>[0-3]?\\d)")) or ())
['0', '00', 'den ']
>>> beginnings(compile_std(r"(?<!\\d)[0-3]?\\d")) is None  # a letter may come before a match
True
>>> sorted(beginnings(compile_std(r"(?<![^\\W\\d_])(?=maj|juni)[a-z]+")) or ())  # a lookahead's words, not "aa"…
['juni', 'maj']
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from .lexicon import word_regex
from kdextract.pattern_cache import compile_std

if sys.version_info >= (3, 11):
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
else:  # pragma: no cover
    import sre_constants as C
    import sre_parse as P

#: Longest beginning looked up.
DEPTH = 4
#: Most beginnings kept for a pattern: where a step would make more, the beginnings end there.
_MOST = 4096
#: Widest character class spelled out, character by character.
_WIDEST_CLASS = 64
#: Classes wider than this are spelled out only within the first ``_WIDE_DEPTH`` characters.
_WIDE = 12
_WIDE_DEPTH = 2
_DIGIT = compile_std(r"\d")
#: Blanks, all read as " " (in the beginnings and in the text looked up).
_BLANKS = str.maketrans(dict.fromkeys(" \t\n\r\f\v", " "))
_OTHER_BLANKS = "\t\n\r\f\v"
#: Character classes of a lookbehind that rule out a letter before: ``\w`` in it, or ``[^\W\d_]``.
_NO_LETTER_CLASS = [(C.NEGATE, None), (C.CATEGORY, C.CATEGORY_NOT_WORD), (C.CATEGORY, C.CATEGORY_DIGIT),
                    (C.LITERAL, ord("_"))]

#: Beginnings still being read (shorter than ``DEPTH``).
_Open = set[str]


def beginnings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The strings (digits as "0", blanks as " ") that every match of ``pattern`` begins with, or None
    where the pattern matches an empty string, a letter may come before a match, or a match may begin
    with anything."""
    if pattern.flags & (re.IGNORECASE | re.ASCII):
        return None
    tree = P.parse(pattern.pattern, pattern.flags)
    if tree.getwidth()[0] == 0 or not _after_no_letter(list(tree.data)):
        return None
    found = _found(list(tree.data), False)
    ahead = _found(list(tree.data), True) if _LOOKAHEAD.search(pattern.pattern) else found
    if found is None or ahead is not None and min(map(len, ahead)) > min(map(len, found)):
        return ahead  # what a lookahead reads tells more than what follows it ("(?=januari|…)[a-z]+")
    return found


#: A pattern that may hold a lookahead (an escaped "(" too: it only asks for a second reading).
_LOOKAHEAD = compile_std(r"\(\?=")


def _found(items: Sequence[Any], ahead: bool) -> frozenset[str] | None:
    """The beginnings that ``items`` read (``ahead``: those of a lookahead where one comes first), or None
    where a match may begin with anything."""
    open_, done = _read(items, {""}, ahead)
    found = frozenset(open_ | done)
    return None if "" in found else found


def _after_no_letter(items: Sequence[Any]) -> bool:
    """Whether ``items`` pass a lookbehind that rules out a letter before anything they read."""
    for i, (op, av) in enumerate(items):
        if op is C.ASSERT_NOT and av[0] == -1:
            body = list(av[1].data)
            if len(body) == 1 and body[0][0] is C.IN:
                cls = list(body[0][1])
                if (C.CATEGORY, C.CATEGORY_WORD) in cls and (C.NEGATE, None) not in cls or cls == _NO_LETTER_CLASS:
                    return True
            continue
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue
        if op is C.SUBPATTERN:
            return _after_no_letter(list(av[3].data) + list(items[i + 1:]))
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            rest = list(items[i + 1:])
            return _after_no_letter(list(av[2].data) + rest) and _after_no_letter(rest)
        return False
    return False


def _chars(cls: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a class (digits as "0"), or None where it is negated, a category other than digits or wide."""
    out: set[str] = set()
    for op, av in cls:
        if op is C.LITERAL:
            out.add(_norm(chr(av)))
        elif op is C.RANGE and av[1] - av[0] < _WIDEST_CLASS:
            out.update(_norm(chr(c)) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out.add("0")
        else:
            return None
    return out


def _norm(ch: str) -> str:
    return "0" if _DIGIT.match(ch) else ch.translate(_BLANKS)


def _step(open_: _Open, done: set[str], chars: set[str] | None) -> tuple[_Open, set[str]]:
    """The beginnings after one more character of ``chars`` (None: any character). They end before a wide
    class after their first two characters: what comes before tells enough, and it would multiply them."""
    if chars is None:
        return set(), done | open_
    if len(chars) > _WIDE:
        done = done | {s for s in open_ if len(s) >= _WIDE_DEPTH}
        open_ = {s for s in open_ if len(s) < _WIDE_DEPTH}
    if len(open_) * len(chars) > _MOST:
        return set(), done | open_
    grown = {s + c for s in open_ for c in chars}
    return {s for s in grown if len(s) < DEPTH}, done | {s for s in grown if len(s) >= DEPTH}


def _read(items: Sequence[Any], open_: _Open, ahead: bool = False) -> tuple[_Open, set[str]]:
    """The beginnings after ``items`` read from each of ``open_``: (still open, ended). ``ahead``: they end with
    what a lookahead reads, where one comes (the text there begins with it)."""
    done: set[str] = set()
    for op, av in items:
        if not open_:
            break
        if op is C.LITERAL:
            open_, done = _step(open_, done, {_norm(chr(av))})
        elif op is C.IN:
            open_, done = _step(open_, done, _chars(av))
        elif ahead and op is C.ASSERT and av[0] == 1:
            o, d = _read(list(av[1].data), open_, ahead)
            return set(), done | o | d
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # reads nothing
        elif op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
            open_, more = _read(list(av[3].data), open_, ahead)
            done |= more
        elif op is C.BRANCH:
            after: _Open = set()
            for branch in av[1]:
                o, d = _read(list(branch.data), open_, ahead)
                after |= o
                done |= d
            open_ = after
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            open_, more = _repeat(av[0], av[1], list(av[2].data), open_, ahead)
            done |= more
        else:
            open_, done = _step(open_, done, None)
    return open_, done


def _repeat(least: int, most: int, body: Sequence[Any], open_: _Open, ahead: bool) -> tuple[_Open, set[str]]:
    """``body`` read ``least`` to ``most`` times from ``open_``; what is open after ``DEPTH`` rounds ends there."""
    after: _Open = set(open_) if least == 0 else set()
    done: set[str] = set()
    current = open_
    rounds = 0
    while current and rounds < most:
        if rounds > DEPTH:
            return set(), done | after | current
        current, more = _read(body, current, ahead)
        done |= more
        rounds += 1
        if rounds >= least:
            after |= current
    return after, done


class RuleStarts:
    """For rules (any objects with a ``pattern``), where in a text each one can begin.

    Rules whose beginnings are unknown (``beginnings`` gives None) are to be scanned whole.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.known = [beginnings(p) for p in patterns]
        found = sorted({b for bs in self.known if bs for b in bs})
        self._scan = compile_std(r"[\W\d_](?=" + word_regex(found) + ")") if found else None
        self._rules_of: dict[str, set[int]] = {}  # a beginning -> the rules that have it
        for i, bs in enumerate(self.known):
            for b in bs or ():
                self._rules_of.setdefault(b, set()).add(i)
        self._lengths = sorted({len(b) for b in self._rules_of})
        self._rules_at: dict[str, tuple[int, ...]] = {}

    def starts(self, text: str) -> list[list[int]]:
        """For each rule, the positions of ``text`` where a match of it can begin (empty for unknown rules)."""
        out: list[list[int]] = [[] for _ in self.known]
        if self._scan is None:
            return out
        zeroed = _DIGIT.sub("0", text)
        for blank in _OTHER_BLANKS:  # as ``translate(_BLANKS)``, which reads a text with "å" character by character
            zeroed = zeroed.replace(blank, " ")
        rules_at = self._rules_at
        for p in [0, *(m.end() for m in self._scan.finditer(zeroed))]:  # 0: the key tells
            key = zeroed[p:p + DEPTH]
            rules = rules_at.get(key)
            if rules is None:
                if len(rules_at) >= 50_000:
                    rules_at.clear()
                rules = rules_at[key] = self._which(key)
            for i in rules:
                out[i].append(p)
        return out

    def _which(self, key: str) -> tuple[int, ...]:
        """The rules that have a beginning that ``key`` starts with."""
        rules_of = self._rules_of
        return tuple(sorted(set().union(*(rules_of.get(key[:n], ()) for n in self._lengths))))
