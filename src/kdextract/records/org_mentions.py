"""Where a name occurs again in a text, found through a word index (no regex built per name or text).

``WordIndex(text).find(form, case_insensitive)`` yields what the pattern
``WB_L + form + (":s"|"s")? + WB_R`` (blanks in ``form`` matching runs of blanks and tabs) would
find, left to right and without overlaps, by looking up the form's first word in an index of the
text's words: a document with many organisations is read once, not once per name.

>>> [(s, e, g) for s, e, g in WordIndex("Kalix kommuns plan. kalix kommun").find("Kalix kommun", True)]
[(0, 13, 's'), (20, 32, '')]
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.word_index import word_index

_WORD = compile_re(r"[\p{L}\p{N}]+", regex.V1)
_BLANKS = compile_re(r"[ \t]+")
_GAP_PART = compile_re(r" +|[^ ]+")


class WordIndex:
    """The words of a text (maximal letter-and-digit runs) with their places, indexed by word and
    by its case-folded form; the runs are those of ``word_index(text)``."""

    def __init__(self, text: str) -> None:
        runs = word_index(text)  # the text's runs, shared with the people's lookups
        self.text = text
        self.starts: array[int] = runs.starts
        self.ends: array[int] = runs.ends
        self.exact: dict[str, array[int]] = runs.by_word
        self.folded: dict[str, array[int]] = {}
        for word, at in runs.by_word.items():
            key = word.casefold()
            known = self.folded.get(key)
            self.folded[key] = at if known is None else array("q", sorted(known + at))

    def find(self, form: str, case_insensitive: bool) -> Iterator[tuple[int, int, str]]:
        """(start, end, genitive ending "", "s" or ":s") of each occurrence of ``form``."""
        parts = _words_and_gaps(form)
        if parts is None:
            return  # a name that starts or ends with a sign: no word-bounded occurrences to look up
        words, gaps = parts
        key = words[0].casefold() if case_insensitive else words[0]
        starts: Sequence[int] = (self.folded if case_insensitive else self.exact).get(key, ())
        if len(words) == 1:
            starts = sorted(set(starts) | set(self._genitive_starts(words[0], case_insensitive)))
        after = -1
        for i in starts:
            if self.starts[i] < after:
                continue
            hit = self._match_at(i, words, gaps, case_insensitive)
            if hit is not None:
                after = hit[1]
                yield hit

    def _genitive_starts(self, word: str, ci: bool) -> Sequence[int]:
        """Words that are ``word`` + "s" (a one-word name in the genitive is one text word)."""
        key = (word + "s").casefold() if ci else word + "s"
        return (self.folded if ci else self.exact).get(key, ())

    def _same(self, i: int, word: str, ci: bool) -> bool:
        a, b = self.starts[i], self.ends[i]
        found = self.text[a:b]
        return found.casefold() == word.casefold() if ci else found == word

    def _match_at(self, i: int, words: Sequence[str], gaps: Sequence[str], ci: bool) -> tuple[int, int, str] | None:
        text, starts, ends = self.text, self.starts, self.ends
        last = i + len(words) - 1
        if last >= len(starts):
            return None
        for j in range(1, len(words)):
            if not _gap_matches(text[ends[i + j - 1]:starts[i + j]], gaps[j - 1], ci):
                return None
            if j < len(words) - 1 and not self._same(i + j, words[j], ci):
                return None
        a, b = starts[last], ends[last]
        found, want = text[a:b], words[-1]
        if (found.casefold() == want.casefold()) if ci else found == want:
            if text[b:b + 2] in (":s", ":S") and (b + 2 >= len(text) or not text[b + 2].isalnum()):
                if ci or text[b + 1] == "s":
                    return starts[i], b + 2, ":s"
            return starts[i], b, ""
        if (found.casefold() == (want + "s").casefold()) if ci else found == want + "s":
            return starts[i], b, "s"
        return None


@lru_cache(maxsize=4096)
def _words_and_gaps(form: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words of a name and the text between them (cached per name); None for a name that starts or
    ends with a sign."""
    found = list(_WORD.finditer(form))
    if not found or found[0].start() != 0 or not form[-1].isalnum():
        return None
    return tuple(m.group() for m in found), tuple(form[a.end():b.start()] for a, b in zip(found, found[1:]))


def _gap_matches(found: str, wanted: str, ci: bool) -> bool:
    """Whether the text between two words matches a name's: n blanks stand for n or more blanks or tabs."""
    pos = 0
    for m in _GAP_PART.finditer(wanted):
        part = m.group()
        if part[0] == " ":
            run = _BLANKS.match(found, pos)
            if run is None or run.end() - pos < len(part):
                return False
            pos = run.end()
        else:
            piece = found[pos:pos + len(part)]
            if (piece.casefold() != part.casefold()) if ci else piece != part:
                return False
            pos += len(part)
    return pos == len(found)
