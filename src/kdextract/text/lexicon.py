"""A Swedish word list with frequencies and compound splitting, for spotting and repairing OCR damage.

The list (``resources/sv/lexicon.txt.gz``, built by ``scripts/build_lexicon.py``, sources and
licences in ``resources/sv/LEXICON.md``) holds about 740,000 lower-case word forms; some
13,000 of them carry a frequency from a news corpus. Swedish writes compounds as one word,
so a word is also accepted when it splits into listed parts ("kommun" + "direktörens",
"kvalitet" + s + "utveckling").

>>> lex = load_lexicon()
>>> lex.known("kommundirektörens"), lex.known("kommundirektirens")
(True, False)
>>> lex.count("på") > lex.count("pa")
True
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import cached_property, lru_cache
from importlib import resources
from itertools import accumulate

#: Shortest part of a compound ("el" in "elbil" is not accepted; too many false splits).
MIN_PART = 3
#: Two-letter particles that do start compounds ("inplanerade", "utökad", "avsluta", "nybyggd").
SHORT_HEADS = frozenset({"in", "ut", "av", "om", "på", "ur", "ny", "bi"})
#: Most parts a compound may have.
MAX_PARTS = 3
#: Longest listed form (a test checks the lexicon against it): no longer word splits into ``MAX_PARTS`` parts
#: (each a listed form or its stem, and a linking "s"), so a long run of letters is not cut at each of its
#: positions (the square of its length).
LONGEST_FORM = 40
_LONGEST_COMPOUND = MAX_PARTS * (LONGEST_FORM + 1)


#: Letters of a word that pick its table (the word itself where shorter).
HEAD = 4


class WordSet:
    """A set of strings kept as one small table per first :data:`HEAD` letters, each made on its first lookup.

    Most documents look up words of a few beginnings only: the sorted words stay one string until a lookup
    needs a table, cut where an index of the beginnings says (an OCR-damaged page meets about a third of
    the 720,000 words; filling them all into tables costs a tenth of a second). A table is a plain dict of
    strings, not a set: the garbage collector does not track it, so its full collections do not walk the
    words again and again.
    """

    __slots__ = ("by_head",)

    def __init__(self, ordered: str, more: Iterable[str] = (), blocks: Blocks | None = None) -> None:
        """The words of ``ordered`` (one a line: sorted, no duplicates) and of ``more`` (any order);
        ``blocks``: :func:`head_blocks` of ``ordered`` (computed here where None or not of these lines)."""
        lines = ordered + "\n" if ordered else ""
        if blocks is None or len(blocks[0]) != len(blocks[1]) or sum(blocks[1]) != len(lines):
            blocks = head_blocks(lines)
        #: first HEAD letters (the word itself if shorter) -> the words that start with them
        self.by_head = _Tables(lines, blocks)
        for word in more:
            self.by_head.more.setdefault(word[:HEAD], []).append(word)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self.by_head[word[:HEAD]]


#: (heads, characters of each head's lines, newlines included), in the order of the lines
Blocks = tuple[list[str], list[int]]


def head_blocks(lines: str) -> Blocks:
    """The runs of words with one head in ``lines`` (sorted words, each ending with a newline): the index
    shipped beside the lexicon."""
    heads: list[str] = []
    lengths: list[int] = []
    for word in lines[:-1].split("\n") if lines else ():
        head = word[:HEAD]
        if heads and heads[-1] == head:
            lengths[-1] += len(word) + 1
        elif heads and head < heads[-1]:
            raise ValueError(f"words not sorted: {word!r} after {heads[-1]!r}")
        else:
            heads.append(head)
            lengths.append(len(word) + 1)
    return heads, lengths


class _Tables(dict[str, dict[str, None]]):
    """Head -> the words that start with it, cut from ``lines`` (sorted, each ending with a newline) when a head
    is first asked for, where ``blocks`` (:func:`head_blocks` of ``lines``) say; ``more``: unsorted words by head."""

    def __init__(self, lines: str, blocks: Blocks) -> None:
        super().__init__()
        heads, lengths = blocks
        self.lines = lines
        self.starts = [0, *accumulate(lengths)]
        self.index = dict(zip(heads, range(len(heads))))
        self.more: dict[str, list[str]] = {}

    def __missing__(self, head: str) -> dict[str, None]:
        i = self.index.get(head)
        table = dict.fromkeys(self.lines[self.starts[i]:self.starts[i + 1] - 1].split("\n")) if i is not None else {}
        table.update(dict.fromkeys(self.more.get(head, ())))
        self[head] = table
        return table


class NameSet:
    """The words of ``listed`` that ``common`` lacks, told apart on each lookup: a set of them made at once
    cuts the common words' table of every name's head (a tenth of a second), most of them never looked up."""

    __slots__ = ("common", "listed")

    def __init__(self, listed: dict[str, None], common: WordSet) -> None:
        self.listed = listed
        self.common = common

    def __contains__(self, word: object) -> bool:
        return word in self.listed and word not in self.common


class Lexicon:
    """Word forms (lower case) with corpus counts, and a compound check."""

    def __init__(self, common: WordSet, names: Iterable[str], counts: dict[str, int]) -> None:
        #: forms written in lower case (compound parts come only from these)
        self.common = common
        self._names = dict.fromkeys(names)  # every listed name: a lookup asks ``common`` first
        self.counts = counts
        self._compound_cache: dict[str, tuple[int, str]] = {}
        self._head_cache: dict[tuple[str, int], int] = {}

    @cached_property
    def names(self) -> NameSet:
        """The listed names that are no common form (two tables: one of all 740,000 forms would double
        the loading time)."""
        return NameSet(self._names, self.common)

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` (lower case) is a listed form, names included."""
        return word in self.common or word in self._names

    def count(self, word: str) -> int:
        """How often ``word`` (lower case) occurs in the frequency corpus (0 where unseen)."""
        return self.counts.get(word, 0)

    def known(self, word: str) -> bool:
        """Whether the lower-case ``word`` is a listed form or a compound of listed parts."""
        return word in self or self.parts(word) > 0

    def parts(self, word: str) -> int:
        """1 for a listed word, the number of parts for a compound, 0 for an unknown word."""
        return self.analyse(word)[0]

    def analyse(self, word: str) -> tuple[int, str]:
        """(parts, last part): ``(1, word)`` for a listed word, ``(0, "")`` for an unknown one."""
        if word in self:
            return 1, word
        cached = self._compound_cache.get(word)
        if cached is None:
            if len(self._compound_cache) > 200_000:
                self._compound_cache.clear()
                self._head_cache.clear()
            cached = self._compound_cache[word] = self._split(word)
        return cached

    def _split(self, word: str) -> tuple[int, str]:
        """Fewest parts (>= 2) that ``word`` splits into, with the last part; (0, "") if none."""
        n = len(word)
        best: tuple[int, str] = (0, "")
        if n < 2 + MIN_PART or n > _LONGEST_COMPOUND or not word.isalpha():
            return best
        common = self.common
        if word[:2] in SHORT_HEADS and word[2:] in common and n >= 2 + 4:
            return (2, word[2:])
        by_head = common.by_head
        # The last part carries the inflection and must be a listed form.
        for i in range(MIN_PART, n - MIN_PART + 1):
            tail = word[i:]
            if tail not in by_head[tail[:HEAD]]:
                continue
            head_parts = self._head(word[:i], MAX_PARTS - 1)
            if head_parts and (not best[0] or head_parts + 1 < best[0]):
                best = (head_parts + 1, tail)
                if best[0] == 2:
                    break
        return best

    def _head(self, head: str, max_parts: int) -> int:
        """Parts in a compound's first element (a stem, maybe with a linking s), 0 if none."""
        if max_parts < 1 or len(head) < MIN_PART:
            return 0
        key = (head, max_parts)
        cached = self._head_cache.get(key)
        if cached is None:
            cached = self._head_cache[key] = self._head_parts(head, max_parts)
        return cached

    def _head_parts(self, head: str, max_parts: int) -> int:
        if self._stem(head):
            return 1
        if head.endswith("s") and len(head) > MIN_PART and self._stem(head[:-1]):
            return 1
        if max_parts < 2:
            return 0
        best = 0
        for i in range(MIN_PART, len(head) - MIN_PART + 1):
            if self._stem(head[i:]) or (head.endswith("s") and len(head) - i > MIN_PART and self._stem(head[i:-1])):
                first = self._head(head[:i], max_parts - 1)
                if first and (not best or first + 1 < best):
                    best = first + 1
        return best

    def _stem(self, part: str) -> bool:
        tables = self.common.by_head
        if len(part) >= HEAD:  # one table for all three
            words = tables[part[:HEAD]]
            return part in words or part + "a" in words or part + "e" in words
        return part in tables[part] or part + "a" in tables[part + "a"] or part + "e" in tables[part + "e"]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped Swedish lexicon (loaded once, in about 0.08 s: its word tables are cut on their first lookup)."""
    data = resources.files("kdextract.resources").joinpath("sv", "lexicon.txt.gz").read_bytes()
    header, _, text = _gunzip(data).decode("utf-8").partition("\n")
    sizes = {k: int(v) for k, v in (field.split("=", 1) for field in header.split()[1:])}
    # The common words without a count (most of the file) stay one string: WordSet cuts its tables from it.
    *common_counted, text = text.split("\n", sizes["common_counted"])
    after_common = text.count("\n") + 1 - (sizes["common"] - sizes["common_counted"])  # lines after them
    common, *rest = text.rsplit("\n", max(after_common, 0))
    names = rest[:sizes["names"]]
    counts: dict[str, int] = {}
    for line in common_counted + names[:sizes["names_counted"]]:
        word, _, count = line.partition("\t")
        counts[word] = int(count)
    return Lexicon(WordSet(common, (line.partition("\t")[0] for line in common_counted), _shipped_blocks()),
                   [line.partition("\t")[0] for line in names], counts)


def _shipped_blocks() -> Blocks | None:
    """The index of ``resources/sv/lexicon_heads.txt.gz`` (see :func:`head_blocks`), None where it is not of
    :data:`HEAD` letters."""
    data = resources.files("kdextract.resources").joinpath("sv", "lexicon_heads.txt.gz").read_bytes()
    header, _, text = _gunzip(data).decode("utf-8").partition("\n")
    if header.split() != ["#kdextract-lexicon-heads", f"head={HEAD}"]:
        return None
    fields = text.split()
    return fields[0::2], list(map(int, fields[1::2]))


def _gunzip(data: bytes) -> bytes:
    """A one-member gzip file's content (``zlib`` reads it at once; ``gzip.decompress`` a quarter slower)."""
    return zlib.decompress(data, 16 + zlib.MAX_WBITS)
