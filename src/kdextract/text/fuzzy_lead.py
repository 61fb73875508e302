"""Whether a pattern that opens with a fuzzy word list can match a text: a cheap pre-check before the regex.

A pattern ``\\b(?:(?:w1|w2|...){e<=1})…`` tries its fuzzy words at every word start, slowly. With
at most one error, a match holds one half of its word as written (the error lies in the other
half, or between them): a text without any half has no match, and is not scanned. Where one is,
the whole text is (``regex``'s fuzzy search does not find at each offset what a match tried there
does: no narrower scan is sure to find the same). A pattern of another shape, or with inline
flags, is always scanned.

>>> lead = FuzzyLead(r"\\b(?:(?:projektledare|projektagare){e<=1})\\s+")
>>> [m.group() for m in lead.finditer("Projekt: projektledre Eva, projektägare och projektägaren ")]
['projektledre ', 'projektägare ']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from kdextract.pattern_cache import compile_re

#: The opening this pre-check reads: a word bound, then one group of literal words with at most one error.
_OPENING = compile_re(r"\\b\(\?:\(\?:(?P<words>[a-z]+(?:\|[a-z]+)*)\)\{e<=1\}\)")
#: An inline flag group ("(?i)", "(?V0)", "(?-i:"): not "(?:", "(?P<", lookarounds.
_INLINE_FLAGS = compile_re(r"\(\?[a-zA-OQ-Z\-]")


class FuzzyLead:
    """A ``regex`` pattern (``regex.V1``) and, where it opens with a fuzzy word list, the halves of its words."""

    def __init__(self, pattern: str) -> None:
        self.pattern = compile_re(pattern, regex.V1)
        opening = _OPENING.match(pattern)
        words = opening.group("words").split("|") if opening is not None else []
        self.halves: list[str] | None = None
        if words and _INLINE_FLAGS.search(pattern) is None:
            self.halves = sorted({w[:len(w) // 2] for w in words} | {w[len(w) // 2:] for w in words})

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """``self.pattern.finditer(text)``: none where the text holds no half of a word."""
        if self.halves is not None and not any(half in text for half in self.halves):
            return iter(())
        return self.pattern.finditer(text)
