"""The literal strings a pattern cannot match without: a cheap pre-check before scanning a text with it.

``required(pattern)`` reads the pattern's syntax tree (the standard library's parser) and returns
strings of which every match holds at least one: where a text holds none of them, the pattern finds
nothing there and the scan can be skipped. A run of literal characters that every match passes
through is such a string, and so is the union of one such set per branch of an alternation. What
the parser cannot read as ``regex`` reads it (a case-insensitive part, ``regex``'s own syntax:
``\\p{L}``, fuzzy counts, ...) gives None: no pre-check.

>>> sorted(required(r"\\b(?:har|hade)\\s+(?:\\w+\\s+){0,2}?beslutat\\b|\\bbeslutade\\b"))
['beslutade', 'beslutat']
>>> required(r"\\p{Lu}\\w+nämnden") is None, required(r"(?i:beslut)") is None
(True, True)
"""

from __future__ import annotations

import importlib
from typing import Any

import regex

from kdextract.pattern_cache import compile_std

try:
    _PARSER: Any = importlib.import_module("re._parser")
except ImportError:  # Python 3.10
    _PARSER = importlib.import_module("sre_parse")

_IGNORECASE = 2  # the flag bits of IGNORECASE and VERBOSE (alike in ``re`` and ``regex``)
_VERBOSE = 64
_REPEATS = tuple(getattr(_PARSER, op) for op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_PARSER, op))
#: A brace that opens no counted repeat ("{2}", "{1,5}", "{,3}"): ``regex``'s fuzzy counts, named lists, ``\p{…}``.
_OTHER_BRACE = compile_std(r"\{(?![\d,])")
#: A property (``\p{L}``, ``\P{Lu}``) not after an escaped backslash.
_PROPERTY = compile_std(r"(?<!\\)((?:\\\\)*)\\[pP]\{[^}]*\}")


def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` (compiled with ``flags``) holds one, or None where unknown."""
    if flags & (_IGNORECASE | _VERBOSE) or _OTHER_BRACE.search(pattern):
        return None
    try:
        tree = _PARSER.parse(pattern)
    except Exception:  # noqa: BLE001 - syntax of ``regex`` alone: no pre-check
        return None
    if tree.state.flags & _IGNORECASE:
        return None
    return _required(list(tree))


def required_lower(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-cased strings of which every match of ``pattern`` (compiled with ``flags``, case-insensitive or not),
    lower-cased, holds one, or None where unknown. Compare them with ``word_starts.lower_comparable(text)`` only:
    where ``str.lower`` tells what the engine's case-insensitive match does. Properties (``\\p{L}``) are read as
    classes; version 1 (nested sets, full case folding) and fuzzy counts give None."""
    if flags & (regex.V1 | regex.FULLCASE | _VERBOSE) or regex.DEFAULT_VERSION == regex.VERSION1:
        return None
    pattern = _PROPERTY.sub("\\1\\\\w", pattern)
    if _OTHER_BRACE.search(pattern):
        return None
    try:
        tree = _PARSER.parse(pattern)
    except Exception:  # noqa: BLE001 - syntax of ``regex`` alone: no pre-check
        return None
    found = _required(list(tree), folded=True)
    if found is None or any(c > "\xff" and (c.lower() != c or c.upper() != c or c.casefold() != c)
                            for w in found for c in w):
        return None  # (a cased letter outside Latin-1 may match what ``str.lower`` does not make it: "ſ", "s")
    return frozenset(w.lower() for w in found)


def _required(items: list[tuple[Any, Any]], folded: bool = False) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _PARSER.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _longer(best, frozenset((run,)))
            run = ""
        if op is _PARSER.SUBPATTERN and (folded or not av[1] & _IGNORECASE):
            best = _longer(best, _required(list(av[3]), folded))
        elif op is _PARSER.BRANCH:
            branches = [_required(list(b), folded) for b in av[1]]
            if all(b is not None for b in branches):
                best = _longer(best, frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            best = _longer(best, _required(list(av[2]), folded))
        elif op is getattr(_PARSER, "ATOMIC_GROUP", object()):
            best = _longer(best, _required(list(av), folded))
    return best


def _longer(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """Of two sets that each hold one string of every match, the one whose shortest string is longer."""
    if a is None or b is None:
        return a if b is None else b
    return a if min(map(len, a)) >= min(map(len, b)) else b


def may_match(words: frozenset[str] | None, text: str) -> bool:
    """Whether ``text`` holds one of ``words`` (always, where they are unknown)."""
    return words is None or any(w in text for w in words)
