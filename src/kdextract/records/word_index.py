"""Where the words of a text stand: one index of its letter-and-digit runs, built once per text.

Finding every occurrence of a name ("Eva Lund", "Eva", "Lunds") or asking whether a word is
also written in lower case is then a dictionary lookup plus a look at the runs that follow,
instead of a regular expression compiled per name and run over the whole text.

>>> index = word_index("Eva Lund och Ann-Britt Ek. Lunds förslag; ann-britt")
>>> [(s, e) for s, e in index.occurrences("Lund", genitive=True)]
[(4, 8), (27, 32)]
>>> index.occurrences("Ann-Britt Ek"), index.has("ann-britt")
([(13, 25)], True)
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from itertools import accumulate

from kdextract.pattern_cache import compile_re, compile_std
from kdextract.text.word_starts import LATIN1_WORD_CHARS, outside_latin1

_RUN = compile_re(r"[\p{L}\p{N}]+")
_RUN_SPLIT = compile_re(r"([\p{L}\p{N}]+)")
#: The same runs in a text without letters or digits outside Latin-1 (``re`` splits at them twice as fast).
_LATIN1_RUN_SPLIT = compile_std("([" + "".join(map(re.escape, LATIN1_WORD_CHARS)) + "]+)")
_BLANKS = compile_re(r"[ \t]+")
#: A run in an e-mail address: before its "@" ("olof.lind@…") or after it ("…@lind.se").
_ADDRESS_AFTER = compile_re(r"[\p{L}\p{N}._%+-]{0,64}@[\p{L}\p{N}]")
_ADDRESS_BEFORE = compile_re(r"@[\p{L}\p{N}.-]{0,255}$")


class WordIndex:
    """The letter-and-digit runs of a text, by their string.

    Runs are kept in flat arrays (16 bytes a run, not a tuple of two ints: a cached index of a
    10 MB text took 250 MB as tuples and lists).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        latin1 = not any(map(_RUN.match, outside_latin1(text)))  # then the runs are of Latin-1 letters and digits
        parts = (_LATIN1_RUN_SPLIT if latin1 else _RUN_SPLIT).split(text)  # text between runs, run, text between runs, ...
        offsets = list(accumulate(map(len, parts)))
        self.starts: array[int] = array("q", offsets[0:-1:2])
        self.ends: array[int] = array("q", offsets[1::2])
        by_word: dict[str, array[int]] = {}
        for i, word in enumerate(parts[1::2]):
            at = by_word.get(word)
            if at is None:
                by_word[word] = array("q", (i,))
            else:
                at.append(i)
        self.by_word = by_word
        self._in_prose: dict[str, bool] = {}

    def occurrences(self, phrase: str, genitive: bool = False) -> list[tuple[int, int]]:
        """Spans where ``phrase`` stands as whole words (blanks between words may be any run of
        spaces and tabs, other separators as written); ``genitive`` also takes a final "s"."""
        parts = [(m.group(), m.start(), m.end()) for m in _RUN.finditer(phrase)]
        if not parts:
            return []
        seps = [phrase[a[2]:b[1]] for a, b in zip(parts, parts[1:])]
        words = [p[0] for p in parts]
        # anchor on the rarest word of the phrase, then check the words around it
        def forms(k: int) -> list[str]:
            return [words[k], words[k] + "s"] if k == len(words) - 1 and genitive else [words[k]]

        anchor = min(range(len(words)), key=lambda k: sum(len(self.by_word.get(w, ())) for w in forms(k)))
        starts = sorted({i - anchor for w in forms(anchor) for i in self.by_word.get(w, ()) if i >= anchor})
        out = []
        for i in starts:
            end = self._match(i, words, seps, genitive)
            if end is not None:
                out.append((self.starts[i], end))
        return out

    def _match(self, i: int, words: list[str], seps: list[str], genitive: bool) -> int | None:
        text = self.text
        for k, word in enumerate(words):
            j = i + k
            if j >= len(self.starts):
                return None
            s, e = self.starts[j], self.ends[j]
            found = text[s:e]
            last = k == len(words) - 1
            if found != word and not (last and genitive and found == word + "s"):
                return None
            if k:
                gap = text[self.ends[j - 1]:s]
                sep = seps[k - 1]
                if gap != sep and not (sep.strip(" \t") == "" and _BLANKS.fullmatch(gap)):
                    return None
        return self.ends[i + len(words) - 1]

    def in_prose(self, word: str) -> bool:
        """The run ``word`` stands somewhere outside an e-mail address ("lind" of "olof.lind@kommunen.se" is
        no word of the text's prose); remembered per word, so asking for every name stays linear."""
        known = self._in_prose.get(word)
        if known is None:
            text = self.text
            known = any(_ADDRESS_AFTER.match(text, self.ends[i]) is None
                        and _ADDRESS_BEFORE.search(text, max(0, self.starts[i] - 256), self.starts[i]) is None
                        for i in self.by_word.get(word, ()))
            self._in_prose[word] = known
        return known

    def has(self, word: str) -> bool:
        """``word`` stands somewhere in the text as whole words (hyphenated words too)."""
        return bool(self.occurrences(word))


@lru_cache(maxsize=4)
def _index_of(text: str) -> WordIndex:
    return WordIndex(text)


_last: list[WordIndex | None] = [None]  # the index last asked for


def word_index(text: str) -> WordIndex:
    """The word index of ``text`` (cached for the last few texts). The last one is known by its text's identity:
    a hit on the cache's entry for an equal text object (the same document parsed again) compares the two texts
    whole, and a document's builders ask some ten thousand times."""
    last = _last[0]
    if last is not None and last.text is text:
        return last
    index = _index_of(text)
    index.text = text  # (an equal text, where the cache held another object of it)
    _last[0] = index
    return index
