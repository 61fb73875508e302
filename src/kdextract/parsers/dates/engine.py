"""Candidates, the rule registry, merging of date + clock, and longest-match selection."""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import KW_ONLY, dataclass
from functools import lru_cache
from typing import Any

from kdextract.pattern_cache import compile_std
from kdextract.text.candidates import Candidate
from kdextract.text.spans import disjoint
from kdextract.text.word_starts import matches_at

from .calendar import Value
from .lexicon import word_regex
from .rule_starts import RuleStarts


@dataclass(slots=True)
class Ctx:
    """What every rule handler sees."""

    text: str
    folded: str
    ref: dt.date | None
    now: dt.datetime | None  # the reference with its time of day, where one was given
    grain: str = "day"  # how exact the reference is: "day", "month" or "year" (a TIMEX reference "2014")

    @property
    def day(self) -> dt.date | None:
        """The reference day, where the reference is exact to the day (relative days need one)."""
        return self.ref if self.grain == "day" else None

    @property
    def month_known(self) -> dt.date | None:
        """The reference, where its month is known (this month, next week …)."""
        return self.ref if self.grain != "year" else None

    def next_month(self) -> Ctx | None:
        """This context with the first day of the reference's next month as its reference (None past the calendar)."""
        if self.ref is None or self.ref >= dt.date(9999, 12, 1):
            return None
        first = (self.ref.replace(day=1) + dt.timedelta(days=31)).replace(day=1)
        return Ctx(self.text, self.folded, first, None, self.grain)


@dataclass(slots=True)
class DateCandidate(Candidate):
    """A date, clock time or part of day (``kind``) and its value."""

    val: Value
    _: KW_ONLY
    kind: str = "date"  # date | clock | pod
    relative: bool = False
    day: dt.date | None = None  # the resolved day, for joining with a clock time
    calendar: bool = False  # an explicit calendar date ("den 9 juni"), not a deictic one
    clock: Sequence[tuple[int, int, int, str]] = ()  # times of day of a clock or part-of-day candidate
    pod: str | None = None
    standalone: bool = True  # False: only a part of a larger expression (a bare "kväll")
    priority: int = 0


Handler = Callable[[Any, Ctx], "DateCandidate | None"]


@dataclass
class Rule:
    id: str
    pattern: Any
    handler: Handler
    needs: int = 0  # bits of the keyword clauses that every match implies
    gate: tuple[str, frozenset[str]] | None = None  # a group (a whole word of a-z) and the words it must be for the handler to find anything


RULES: list[Rule] = []

# Keyword clauses are cheap pre-checks (speed, not meaning): a rule runs only on texts where each
# of its clauses ("kw1|=kw2") has a keyword. A keyword "kw" occurs anywhere; "=kw" only as a whole
# word (a run of letters). Keywords hold no blanks, so they are looked up per blank-separated
# token (cached), on a view of the folded text with every digit as "0": "0:0" stands for any
# clock time such as "9:30".
_NONZERO_DIGIT = compile_std("[1-9]")
_LETTERS = compile_std(r"[^\W\d_]+")
_AZ = compile_std("[a-z]+")
_CLAUSES: dict[frozenset[str], int] = {}  # clause → its bit
_PARTS: dict[str, int] = {}  # keyword → bits of the clauses it meets
_WORDS: dict[str, int] = {}  # whole-word keyword → bits of the clauses it meets
_TOKEN_BITS: dict[str, int] = {}  # token → bits of the clauses its keywords meet
_TOKEN_CACHE_SIZE = 50_000
_PLANS: dict[int, tuple[Rule, ...]] = {}  # clauses met → the rules to run
_PLAN_CACHE_SIZE = 10_000

DIGIT = "0"
ORDINALISH = "forst|andr|tredje|fjarde|femte|sjatte|sjunde|attonde|nionde|tionde|elfte|tolfte|tonde|tjugo|tretti"
DAYISH = "0|" + ORDINALISH


def _clause_bit(clause: str) -> int:
    keys = set(clause.split("|"))
    if any(not k.lstrip("=") or k != "".join(k.split()) for k in keys):
        raise ValueError(f"keywords must be non-empty and hold no blanks: {clause!r}")
    parts = {k for k in keys if not k.startswith("=")}
    # a keyword that holds another one of the clause adds nothing ("kvartal" next to "kv")
    key = frozenset(k for k in keys if not any(o != k and o in k.lstrip("=") for o in parts))
    if key not in _CLAUSES:
        _CLAUSES[key] = bit = 1 << len(_CLAUSES)
        for k in key:
            if k.startswith("="):
                _WORDS[k[1:]] = _WORDS.get(k[1:], 0) | bit
            else:
                _PARTS[k] = _PARTS.get(k, 0) | bit
    return _CLAUSES[key]


def rule(rule_id: str, pattern: str, needs: str | tuple[str, ...] = (),
         gate: tuple[str, frozenset[str]] | None = None) -> Callable[[Handler], Handler]:
    """Register ``handler`` for matches of ``pattern`` on the folded text.

    ``needs`` is a clause ("kw1|=kw2") or a tuple of clauses that every match implies: the rule
    is skipped on texts where a clause has none of its keywords. ``gate`` (a group that matches a whole
    word of letters a-z, words): the handler finds nothing in a match whose group is none of the words, and
    is not asked (the match still ends where it ends: the matches, and so which ones overlap, are those of
    the pattern); the rule is skipped on texts that hold none of the words.
    """
    compiled = compile_std(pattern)
    bits = 0
    for clause in (needs,) if isinstance(needs, str) else needs:
        bits |= _clause_bit(clause)
    _PLANS.clear()
    _TOKEN_BITS.clear()
    keyword_finder.cache_clear()
    rule_starts.cache_clear()

    def deco(fn: Handler) -> Handler:
        RULES.append(Rule(rule_id, compiled, fn, bits, gate))
        return fn

    return deco


def clauses_met(folded: str) -> int:
    """Bits of the keyword clauses that have a keyword in ``folded``."""
    met = 0
    known = _TOKEN_BITS.get
    for token in _NONZERO_DIGIT.sub("0", folded).split():
        bits = known(token)
        if bits is None:
            bits = _token_bits(token)
        met |= bits
    return met


@lru_cache(maxsize=1)
def keyword_finder() -> tuple[re.Pattern[str], dict[str, int]]:
    """One regex that reports the longest keyword at every position, and for each keyword the
    bits of itself and of the keywords that are its prefixes (found at the same position)."""
    parts = sorted(_PARTS, key=len, reverse=True)
    implied = dict.fromkeys(parts, 0)
    for k in parts:
        for p, b in _PARTS.items():
            if k.startswith(p):
                implied[k] |= b
    return compile_std("(?=(" + word_regex(parts) + "))"), implied


@lru_cache(maxsize=1)
def rule_starts() -> tuple[RuleStarts, dict[int, int]]:
    """Where each rule can begin (see ``rule_starts.py``), and each rule's place in it (by ``id``)."""
    return RuleStarts([r.pattern for r in RULES]), {id(r): i for i, r in enumerate(RULES)}


def _token_bits(token: str) -> int:
    finder, implied = keyword_finder()
    bits = 0
    for k in finder.findall(token):
        bits |= implied[k]
    for word in (token,) if token.isalpha() else _LETTERS.findall(token):
        bits |= _WORDS.get(word, 0)
    if len(_TOKEN_BITS) >= _TOKEN_CACHE_SIZE:
        _TOKEN_BITS.clear()
    _TOKEN_BITS[token] = bits
    return bits


def plan(met: int) -> tuple[Rule, ...]:
    """The rules whose clauses are all met (cached per ``met``)."""
    rules = _PLANS.get(met)
    if rules is None:
        if len(_PLANS) >= _PLAN_CACHE_SIZE:
            _PLANS.clear()
        rules = _PLANS[met] = tuple([r for r in RULES if not r.needs & ~met])
    return rules


def cand(m: Any, ctx: Ctx, val: Value | None, rule_id: str, why: str, group: int | str = 0, **kw: Any) -> DateCandidate | None:
    if val is None:
        return None
    start, end = m.span(group)
    return DateCandidate(start, end, val, rule=rule_id, explanation=why, **kw)


#: Texts shorter than this are scanned by each rule: as fast, and a first ``find_dates`` on a sentence
#: builds no ``rule_starts`` (some 45 ms).
SHORT_TEXT = 200
#: Characters a process scans rule by rule before it builds ``rule_starts``: the table (some 70 ms) pays for
#: itself after about 75,000 characters, so a process's first small documents (its first parse) do without it.
WARM_UP = 100_000
_plainly_scanned = [0]  # characters this process has scanned rule by rule (only counts: outputs are the same)


def _with_rule_starts(n: int) -> bool:
    """Whether to scan a text of ``n`` characters through ``rule_starts``: once it is built, or once this
    text brings what the process has scanned to ``WARM_UP``."""
    if rule_starts.cache_info().currsize or _plainly_scanned[0] + n >= WARM_UP:
        return True
    _plainly_scanned[0] += n
    return False


class RuleMatches:
    """The matches in ``folded`` of each rule whose keywords occur (of every rule with ``every_rule``), less
    those its gate drops.

    In a text of ``SHORT_TEXT`` characters or more (after the process's first ``WARM_UP`` characters), a rule
    whose beginnings are known (``rule_starts``) is tried only where one of them starts after no letter: one scan of the text finds those places.
    The matches do not depend on the reference, so one text's matches serve every reading of it. With
    ``keep`` the first reading keeps where they start (8 bytes a match, not the match: a long text has
    hundreds of thousands); a later reading matches again at those starts. Without it every reading
    looks for them.
    """

    def __init__(self, folded: str, every_rule: bool = False, keep: bool = True) -> None:
        self.folded = folded
        rules = RULES if every_rule else plan(clauses_met(folded))
        if any(r.gate for r in rules):
            words = frozenset(_AZ.findall(folded))
            rules = [r for r in rules if r.gate is None or not r.gate[1].isdisjoint(words)]
        self.rules = rules
        self.keep = keep
        self._starts: list[array[int]] | None = None

    def __iter__(self) -> Iterator[tuple[Rule, Iterator[Any]]]:
        folded = self.folded
        if self._starts is not None:
            for r, starts in zip(self.rules, self._starts, strict=True):
                match = r.pattern.match
                yield r, (match(folded, s) for s in starts)
            return
        kept: list[array[int]] = []
        for r, found in self._found():
            if r.gate is not None:
                found = _gated(found, *r.gate)
            if not self.keep:
                yield r, found
                continue
            kept.append(starts := array("q"))
            yield r, _noting_starts(found, starts)
        if self.keep:
            self._starts = kept  # a reading that stopped early scans again next time

    def _found(self) -> Iterator[tuple[Rule, Iterator[Any]]]:
        """Each rule and its matches, as ``finditer`` finds them."""
        folded = self.folded
        if len(folded) < SHORT_TEXT or not self.rules or not _with_rule_starts(len(folded)):
            for r in self.rules:
                yield r, r.pattern.finditer(folded)
            return
        starts_of, place = rule_starts()
        where = starts_of.starts(folded)
        for r in self.rules:
            i = place[id(r)]
            known = starts_of.known[i] is not None
            yield r, matches_at(r.pattern, folded, where[i]) if known else r.pattern.finditer(folded)


def _gated(found: Iterator[Any], group: str, words: frozenset[str]) -> Iterator[Any]:
    return (m for m in found if m[group] in words)


def _noting_starts(found: Iterator[Any], starts: array[int]) -> Iterator[Any]:
    for m in found:
        starts.append(m.start())
        yield m


def collect(ctx: Ctx, matches: RuleMatches) -> list[DateCandidate]:
    """Candidates of the rules' ``matches`` in ``ctx.folded``."""
    out: list[DateCandidate] = []
    for r, found in matches:
        for m in found:
            try:
                res = r.handler(m, ctx)
            except (ValueError, OverflowError):
                continue  # the date falls outside years 1-9999 ("för 6000 år sedan")
            if res is not None:
                out.append(res)
    return out


def select(cands: list[DateCandidate]) -> list[DateCandidate]:
    """Longest match wins; ties go to the higher priority, then the earlier start. Sorted by start."""
    if len(cands) == 1:
        return cands if cands[0].standalone and cands[0].end > cands[0].start else []
    return disjoint(c for c in sorted(cands, key=_rank) if c.end > c.start and c.standalone)


def _rank(c: DateCandidate) -> tuple[int, int, int]:
    return c.start - c.end, -c.priority, c.start
