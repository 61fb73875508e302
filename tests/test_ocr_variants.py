"""The OCR repairer's variant search: children put on the heap one at a time give exactly what
pushing every child of a state at once gives (same strings, costs, edits, order, budget)."""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Iterator

from kdextract.text.ocr_confusions import confusion_table
from kdextract.text.ocr_variants import SEARCH_BUDGET, variants

#: (max_cost, depth, careful, insert) as the repairer asks for them.
MODES = [(0.7, 1, True, False), (0.7, 2, True, False), (1.0, 3, True, False), (0.8, 2, False, True),
         (1.2, 2, False, True), (1.6, 3, False, True), (0.7, 1, False, False)]

#: Swedish-shaped words of our own, damaged below with the confusion table.
WORDS = ["förvaltningsrådet", "översiktsplanen", "återrapportering", "skolskjutsarna", "vägbelysningen",
         "näringslivsrådet", "miljöförvaltningen", "kommunalrådet", "sammanträdesdagar", "färdtjänst",
         "ärendelistan", "utförare", "högstadieskolan", "mötesanteckningar", "budgetåret", "på", "för",
         "år", "också", "måndag", "inlämning", "överenskommelse", "Älvdalsvägen", "Öringeviken"]


def _reference(tok: str, max_cost: float, depth: int, careful: bool,
               insert: bool) -> Iterator[tuple[str, float, int, bool]]:
    """The search pushing every child of an expanded state at once (the oracle)."""
    table = confusion_table()
    insertions = table.insertions if insert else ()
    order = itertools.count()
    heap: list[tuple[float, int, str, int, int, bool]] = [(0.0, next(order), tok, 0, 0, False)]
    emitted = {tok.lower()}
    budget = SEARCH_BUDGET
    limit = max_cost + 1e-9
    while heap and budget:
        budget -= 1
        cost, _, s, start, edits, inserted = heapq.heappop(heap)
        if edits:
            if s.lower() in emitted:
                continue
            emitted.add(s.lower())
            yield s.lower(), cost, edits, inserted
            if edits >= depth:
                continue
        for p in range(start, len(s)):
            for conf in table.by_seen_first.get(s[p], ()):
                c = cost + conf.cost
                if c > limit:
                    break
                if (careful and conf.kind != "diacritic") or not s.startswith(conf.seen, p):
                    continue
                new = s[:p] + conf.meant + s[p + len(conf.seen):]
                heapq.heappush(heap, (c, next(order), new, p + len(conf.meant), edits + 1, inserted))
            if inserted or p == 0:
                continue
            for letter, extra in insertions:
                if cost + extra <= limit:
                    new = s[:p] + letter + s[p:]
                    heapq.heappush(heap, (cost + extra, next(order), new, p + 1, edits + 1, True))


def _damaged(rng: random.Random) -> str:
    """A word of ``WORDS`` with one to three confusions applied, maybe a letter dropped, maybe capitalised."""
    table = confusion_table()
    word = rng.choice(WORDS)
    for _ in range(rng.randint(1, 3)):
        spots = [(i, conf) for i, ch in enumerate(word) for conf in table.by_meant.get(ch, ())]
        if spots:
            i, conf = rng.choice(spots)
            word = word[:i] + conf.seen + word[i + len(conf.meant):]
    if len(word) > 4 and rng.random() < 0.3:
        i = rng.randrange(1, len(word))
        word = word[:i] + word[i + 1:]
    return word.capitalize() if rng.random() < 0.2 else word


def test_one_child_at_a_time_equals_every_child_at_once() -> None:
    rng = random.Random(15)
    shapes = "aaoeiilnrrtudcmskgvbfäåöé1604#{AOGI"
    tokens = [_damaged(rng) for _ in range(60)]
    tokens += ["".join(rng.choice(shapes) for _ in range(rng.randint(1, 22))) for _ in range(25)]
    budget_hit = 0
    for tok in tokens:
        for mode in MODES:
            got = list(variants(tok, *mode))
            assert got == list(_reference(tok, *mode)), (tok, mode)
            budget_hit += len(got) >= 200
    assert budget_hit  # long tokens ran into the search budget too


def test_search_is_bounded_and_cheapest_first() -> None:
    tok = "rnaterialforsorjningsavdelnlngens1ednlngsgruppsrnotesprotokol1"
    got = list(variants(tok, 1.6, 3, False, True))
    assert 0 < len(got) < SEARCH_BUDGET
    costs = [cost for _, cost, _, _ in got]
    assert costs == sorted(costs)
    assert got == list(_reference(tok, 1.6, 3, False, True))
