"""The scans of a document's sentences and clauses that the deadline builder needs, each made once.

Many dates can share one sentence (a flattened table, a list of meeting days, an OCR page with
no full stops). Scanning the sentence or clause again for each date took time in the square of
its length; ``ClauseScans`` keeps each scan (clause breaks, cue phrases, words) by span and
answers every date by bisection, with the same results.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.deadline_phrases import PhrasesByPair
from kdextract.text.word_starts import lower_comparable

#: Rank added to a cue after its date (a verb before the date governs it more often) and to an event noun.
AFTER_PENALTY = 15
EVENT_PENALTY = 25
#: Most words a ``what`` looks at on each side (words of dates are skipped, and a list of dates has many).
_WHAT_REACH = 16
#: A clause of its own opened by "och" right before a date or its cue.
_JOINED = compile_re(r"\soch\s+\Z", regex.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """A cue phrase in the text: its span, its kind ("due", "past", "event", …) and its words."""

    start: int
    end: int
    kind: str
    text: str


@dataclass(frozen=True)
class _Words:
    """A clause's content words (no stopword, three letters or more) as (start, end, word), in text order."""

    words: list[tuple[int, int, str]]
    starts: list[int]
    ends: list[int]


class ClauseScans:
    """Clause breaks, cues and content words of spans of ``text``, scanned once per span."""

    def __init__(self, text: str, *, breaks: regex.Pattern[str], cues: regex.Pattern[str], kind_of: dict[str, str],
                 words: regex.Pattern[str], stopwords: frozenset[str], cue_leads: re.Pattern[str] | None = None,
                 cues_by_first: PhrasesByPair | None = None,
                 dates: Iterable[tuple[int, int]] = ()) -> None:
        """``cue_leads``: a zero-width pattern that holds, in the lower-cased text, wherever a cue can begin;
        ``cues_by_first``: for the (lower-case) two characters a cue begins with, ``cues`` with only the phrases
        that can begin with them, in their order (a cue tried where ``cue_leads`` holds tries those only);
        ``dates``: the spans of the text's date mentions, that bound the words of each other's ``what``."""
        self.text = text
        self._dates = sorted(dates)
        self._date_starts = [a for a, _ in self._dates]
        self._break_pattern, self._cue_pattern, self._word_pattern = breaks, cues, words
        self._cue_leads, self._cues_by_first = cue_leads, cues_by_first
        self._kind_of, self._stopwords = kind_of, stopwords
        self._breaks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self._cues: dict[tuple[int, int, bool], tuple[list[Cue], list[int]]] = {}
        self._words: dict[tuple[int, int], _Words] = {}

    def clause(self, s: int, e: int, d_start: int, d_end: int) -> tuple[int, int]:
        """The part of the sentence ``[s, e)`` between clause breaks that holds ``[d_start, d_end)``.

        A break that overlaps the date is no boundary.
        """
        key = (s, e)
        if key not in self._breaks:
            found = [m.span() for m in self._break_pattern.finditer(self.text, s, e)]
            self._breaks[key] = ([a for a, _ in found], [b for _, b in found])
        starts, ends = self._breaks[key]
        j = bisect_right(ends, d_start)  # breaks[:j] end before the date
        k = bisect_left(starts, d_end, lo=j)
        return (ends[j - 1] if j else s), (starts[k] if k < len(starts) else e)

    def nearest_cue(self, cs: int, ce: int, d_start: int, d_end: int, events: bool,
                    opening: bool = False) -> Cue | None:
        """The cue in ``[cs, ce)`` nearest to the date ``[d_start, d_end)``, words inside the date left out but, where
        ``opening`` (a precise date), the one that opens it (a preposition the mention holds: "senast onsdag 2/12";
        "mötet före sommaren" is no due day).

        Rank: the distance, plus ``AFTER_PENALTY`` after the date and ``EVENT_PENALTY`` for an event
        noun (counted only where ``events``); a past cue wins a tie, then the one first in the text.
        """
        cues, ends = self._cues_in(cs, ce, events)
        best: tuple[int, int, int] | None = None
        found: Cue | None = None
        i = bisect_right(ends, d_start)  # cues[:i] end before the date: walk away from it on both sides
        for k in range(i - 1, -1, -1):
            cue = cues[k]
            dist = d_start - cue.end
            if best is not None and dist > best[0]:
                break
            rank = (dist + (EVENT_PENALTY if cue.kind == "event" else 0), 0 if cue.kind == "past" else 1, cue.start)
            if best is None or rank < best:
                best, found = rank, cue
        for cue in cues[i:]:
            if opening and cue.start == d_start and cue.end < d_end and (best is None or best[0] > 0):
                best, found = (0, 0 if cue.kind == "past" else 1, cue.start), cue  # "senast onsdag 2/12": its opening word
                continue
            if d_start <= cue.start < d_end:
                continue
            dist = cue.start - d_end
            if best is not None and dist > best[0]:
                break
            rank = (dist + AFTER_PENALTY + (EVENT_PENALTY if cue.kind == "event" else 0),
                    0 if cue.kind == "past" else 1, cue.start)
            if best is None or rank < best:
                best, found = rank, cue
        return found

    def what(self, cs: int, ce: int, d_start: int, d_end: int, cue_start: int, cue_end: int,
             ahead: bool = False) -> str:
        """Up to three content words of the clause: the last before the cue, else the first after it,
        else its first (``ahead``: the first after it first); words that begin inside the date, the cue or another
        date mention left out. Another date after it bounds the words after it, and "och" right before the date or
        its cue, with another date before, opens a clause of its own: "Senast 30 april ska nämnderna yttra sig och
        senast 15 maj ska förvaltningen sammanställa svaren"."""
        w = self._words_in(cs, ce)
        fronted = cue_start >= d_end or (cue_end <= d_start < cue_end + 2)  # "och senast den 15 maj ska …"
        lo, hi = self._between_dates(cs, ce, min(d_start, cue_start), max(d_end, cue_end), fronted)
        first, last = bisect_left(w.starts, lo), bisect_left(w.starts, hi)

        def free(word: tuple[int, int, str]) -> bool:
            return not (d_start <= word[0] < d_end) and not (cue_start <= word[0] < cue_end) \
                and not self._in_date(word[0])

        def first_three(indices: Iterable[int]) -> list[tuple[int, int, str]]:
            return list(islice((w.words[k] for k in islice(indices, _WHAT_REACH) if free(w.words[k])), 3))

        after = first_three(range(max(first, bisect_left(w.starts, cue_end)), last))
        before = range(min(last, bisect_right(w.ends, cue_start)) - 1, first - 1, -1)
        pick = [] if ahead else first_three(before)[::-1]  # before the cue
        pick = pick or after
        pick = pick or first_three(range(first, last))
        return " ".join(word[2] for word in pick)

    def _between_dates(self, cs: int, ce: int, a: int, b: int, fronted: bool) -> tuple[int, int]:
        """The part of the clause ``[cs, ce)`` whose words may tell what ``[a, b)`` is: up to the next date mention
        in it, and from ``a`` where the date (or its cue right before it) is ``fronted`` after "och" with another
        date mention before that."""
        k = bisect_left(self._date_starts, a)
        lo, hi = cs, ce
        if fronted and k and cs <= self._dates[k - 1][0] and self._dates[k - 1][1] <= a \
                and _JOINED.search(self.text, self._dates[k - 1][1], a):
            lo = a
        k = bisect_left(self._date_starts, b, lo=k)
        if k < len(self._dates) and self._dates[k][0] < ce:
            hi = self._dates[k][0]
        return lo, hi

    def _in_date(self, pos: int) -> bool:
        k = bisect_right(self._date_starts, pos) - 1
        return k >= 0 and pos < self._dates[k][1]

    def _cues_in(self, cs: int, ce: int, events: bool) -> tuple[list[Cue], list[int]]:
        key = (cs, ce, events)
        if key not in self._cues:
            cues = [Cue(m.start(), m.end(), self._kind_of[m.lastgroup], m.group(0))
                    for m in self._cue_matches(cs, ce) if m.lastgroup is not None]
            if not events:
                cues = [c for c in cues if c.kind != "event"]
            self._cues[key] = (cues, [c.end for c in cues])
        return self._cues[key]

    @cached_property
    def _cue_starts(self) -> tuple[list[int], list[regex.Pattern[str] | None]] | None:
        """Where a cue can begin (``cue_leads``), ascending, and the pattern to try at each (``cues_by_first``'s
        for the two characters there; None: no phrase begins with them); None: anywhere."""
        low = lower_comparable(self.text) if self._cue_leads is not None else None
        if self._cue_leads is None or low is None:
            return None
        starts = [m.start() for m in self._cue_leads.finditer(low)]
        by_first = self._cues_by_first
        return starts, [self._cue_pattern] * len(starts) if by_first is None else [by_first.get(low[s:s + 2]) for s in starts]

    def _cue_matches(self, cs: int, ce: int) -> Iterator[regex.Match[str]]:
        """``self._cue_pattern.finditer(self.text, cs, ce)``, tried only where a cue can begin."""
        if self._cue_starts is None:
            yield from self._cue_pattern.finditer(self.text, cs, ce)
            return
        starts, tries = self._cue_starts
        end = cs
        for k in range(bisect_left(starts, cs), bisect_left(starts, ce)):
            if starts[k] >= end and (pattern := tries[k]) is not None \
                    and (m := pattern.match(self.text, starts[k], ce)) is not None:
                yield m
                end = m.end()

    def _words_in(self, cs: int, ce: int) -> _Words:
        key = (cs, ce)
        if key not in self._words:
            words = [(m.start(), m.end(), m.group(0)) for m in self._word_pattern.finditer(self.text, cs, ce)
                     if m.group(0).casefold() not in self._stopwords and len(m.group(0)) >= 3]
            self._words[key] = _Words(words, [w[0] for w in words], [w[1] for w in words])
        return self._words[key]
