"""The strings an OCR-read token may have been printed as, cheapest first (the repairer's search).

A best-first search undoes confusions left to right: every state is the token with some
confusions undone before a position, and the token's own letters from there on. A state's
children (one more confusion undone, or a dropped letter put back) therefore depend only on
where in the token it stands: the moves along the token are listed once, cheapest first, and
a state's children are those past its position, put on the heap one at a time (a state
pushes its cheapest child, a popped child its next sibling). The heap then holds about as
many entries as the search pops instead of every child of every expanded state, and a
child's string is built only when it is popped; what comes out, and in which order, is what
pushing every child at once would give.

>>> [(s, round(c, 1)) for s, c, _, _ in variants("fran", 0.7, 1, careful=True, insert=False)]
[('frän', 0.3), ('från', 0.3)]
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from functools import lru_cache

from kdextract.text.fold import fold
from kdextract.text.ocr_confusions import confusion_table

#: Most candidate strings one token's search expands.
SEARCH_BUDGET = 600

#: Least difference between two costs of the table: siblings sorted by their own cost are then
#: sorted by their sums with any parent's cost too (no two sums round to the same float).
_MIN_COST_STEP = 1e-6

#: A way to go one step further along the token: (cost, push rank, token position, letters
#: of the token it reads, what it puts in the string, whether it puts back a dropped letter).
_Move = tuple[float, int, int, int, str, bool]
#: A state whose children are on the way: (its cost, string, position in the string, position in
#: the token, edits, with an insertion, the moves open to it sorted by (cost, rank)).
_Family = tuple[float, str, int, int, int, bool, list[_Move]]


def variants(tok: str, max_cost: float, depth: int, careful: bool,
             insert: bool, plain: int = 0) -> Iterator[tuple[str, float, int, bool]]:
    """Lower-case strings ``tok`` may be an OCR reading of, cheapest first.

    Yields (string, cost, edits, with an insertion). Up to ``depth`` confusions are undone
    left to right, at most one of them a dropped letter put back (``insert``); ``careful``:
    only the cheap å/ä/ö class; ``plain=1``: no å/ä/ö read as another letter ("i" for "ä", "d"
    for "ö"), only as its own base letter or a stand-in that is no letter ("a", "4", "é"), as in
    names, where "i" and "d" are mostly letters; ``plain=2``: no å/ä/ö read as any ASCII letter,
    as in a word with an intact å/ä/ö (an engine that prints them). Equal costs come out in the order the children were found
    (by position, then by the confusion's cost). The search stops after ``SEARCH_BUDGET``
    expansions, so a hopeless token (a foreign name) costs a bounded time.
    """
    limit = max_cost + 1e-9
    steps = sorted(_token_moves(tok, careful, insert, plain))
    width = len(steps) + 1  # push ranks of one family: family number * width + rank
    open_moves: dict[tuple[int, bool], list[_Move]] = {}
    heap: list[tuple[float, int, int, _Family]] = []
    push, pop = heapq.heappush, heapq.heappop
    emitted = {tok.lower()}
    families = 1
    moves = open_moves[0, False] = steps
    if moves and moves[0][0] <= limit:
        push(heap, (moves[0][0], width + moves[0][1], 0, (0.0, tok, 0, 0, 0, False, moves)))
    budget = SEARCH_BUDGET - 1  # the token itself was the first expansion
    while heap and budget:
        budget -= 1
        cost, order, k, family = pop(heap)
        parent_cost, s, start, j, edits, inserted, moves = family
        _, rank, q, used, put, is_insertion = moves[k]
        if k + 1 < len(moves):
            sibling = moves[k + 1]
            c = parent_cost + sibling[0]
            if c <= limit:
                push(heap, (c, order - rank + sibling[1], k + 1, family))
        p = start + q - j
        ns = s[:p] + put + s[p + used:]
        key = ns.lower()
        if key in emitted:
            continue
        emitted.add(key)
        edits += 1
        inserted = inserted or is_insertion
        yield key, cost, edits, inserted
        if edits < depth:
            j = q + used
            known = open_moves.get((j, inserted))
            moves = known if known is not None else _open(open_moves, steps, j, inserted)
            if moves and cost + moves[0][0] <= limit:
                families += 1
                push(heap, (cost + moves[0][0], families * width + moves[0][1], 0,
                            (cost, ns, p + len(put), j, edits, inserted, moves)))


def _token_moves(tok: str, careful: bool, insert: bool, plain: int) -> list[_Move]:
    """Every move along ``tok`` in the order a state finds them, with costs relative to the state.

    The relative costs sort the children of every state: that needs distinct costs in the
    table to be far apart, which ``_confusions`` checks.
    """
    by_first = _confusions(careful, plain)
    insertions = confusion_table().insertions if insert else ()
    moves: list[_Move] = []
    for q, ch in enumerate(tok):
        for seen, meant, cost in by_first.get(ch, ()):
            if len(seen) == 1 or tok.startswith(seen, q):
                moves.append((cost, len(moves), q, len(seen), meant, False))
        if q:  # never before the first letter
            for letter, cost in insertions:
                moves.append((cost, len(moves), q, 0, letter, True))
    return moves


def _open(cache: dict[tuple[int, bool], list[_Move]], steps: list[_Move], j: int,
          inserted: bool) -> list[_Move]:
    """The moves of ``steps`` (sorted) open at token position ``j`` (no insertion after an insertion)."""
    out = cache[j, inserted] = [m for m in steps if m[2] >= j and not (inserted and m[5])]
    return out


@lru_cache(maxsize=4)
def _confusions(careful: bool, plain: int) -> dict[str, tuple[tuple[str, str, float], ...]]:
    """First character seen -> (seen, meant, cost), cheapest first; ``careful``: the å/ä/ö class only;
    ``plain``: fewer å/ä/ö read as ASCII letters (see ``variants``)."""
    table = confusion_table()
    costs = sorted({c.cost for c in table.confusions} | {cost for _, cost in table.insertions})
    if any(b - a < _MIN_COST_STEP for a, b in zip(costs, costs[1:])):
        raise ValueError(f"OCR confusion costs closer than {_MIN_COST_STEP}: {costs}")
    kept = {first: tuple((c.seen, c.meant, c.cost) for c in confs
                          if (not careful or c.kind == "diacritic") and not (plain and _letter_for_mark(c.seen, c.meant, plain)))
            for first, confs in table.by_seen_first.items()}
    return {first: confs for first, confs in kept.items() if confs}


def _letter_for_mark(seen: str, meant: str, plain: int) -> bool:
    """Whether a marked letter is read as an ASCII letter: another one ("i" for "ä", "G" for "ö"), or
    with ``plain=2`` any ("a" for "ä" too); or a plain letter as a marked one ("é" for "e", a letter
    of names)."""
    if meant == fold(meant):
        return seen != fold(seen)
    return seen.isascii() and seen.isalpha() and (plain >= 2 or seen.lower() != fold(meant))
