"""Deadlines in section titles, and deadlines restated in one item, that a reader does not count as such.

A § title often names the date its item is about ("§ 46 Avgifter inom hemhjälpen fr o m 1 januari
1985") and the body's decision states it in full ("att fastställa avgifterna att gälla fr o m den
1 januari 1985"). A reader counts that dated thing once, in the body's words: the title's deadline
with the same value as one in its item's body goes.

A bare year in a heading names the period a section collects ("Pågående och planerade granskningar
2026", "Investeringar 2027"): it labels the section, no dated thing is due by it, so its deadline
goes too.

An item's proposal and the decision that follows it state one dated thing twice ("Förvaltningen föreslår att
biblioteket stängs från den 1 januari 2027" … "Nämnden beslutar att stänga biblioteket från den 1 januari 2027"):
the reader counts it once, as decided; the earlier statement goes. Under the item's decision heading ("Beslut") the
decision may name the same day in other words and another kind ("platser avvecklas den 31 mars 2027" … "avveckla
korttidsplatser från och med den 31 mars 2027"): one shared word (a compound by its last part) is enough there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

from kdextract.models import Deadline, Section
from kdextract.pattern_cache import compile_re
from kdextract.records.decision_blocks import block_kind
from kdextract.text.fold import fold

_YEAR = compile_re(r"\d{4}")
#: A word of a deadline's description that says what it is about (four letters or more).
_CONTENT_WORD = compile_re(r"\w{4,}")


def without_title_repeats(deadlines: list[Deadline], sections: Sequence[Section], text: str) -> list[Deadline]:
    """``deadlines`` less those in a section's title line whose value is a bare year or one that a deadline in
    its body has too (ids renumbered "dl-1", … in text order where one went)."""
    drop: set[int] = set()
    within = _Within(deadlines)
    for sec in sections:
        if sec.title_end <= sec.title_start:
            continue
        line_end = text.find("\n", sec.title_end)
        head_end = min(sec.body_start, len(text) if line_end < 0 else line_end)
        in_title = within(sec.start, head_end)
        if not in_title:
            continue
        body = {deadlines[k].value for k in within(head_end, sec.body_end)}
        drop.update(k for k in in_title if deadlines[k].value in body or _YEAR.fullmatch(deadlines[k].value))
    if not drop:
        return deadlines
    kept = [d for k, d in enumerate(deadlines) if k not in drop]
    return [d.model_copy(update={"id": f"dl-{i}"}) for i, d in enumerate(kept, start=1)]


class _Within:
    """The deadlines inside a span, found by their starts (a long document has hundreds of sections and
    deadlines: each section's look costs what it finds, not every deadline)."""

    def __init__(self, deadlines: list[Deadline]) -> None:
        self.deadlines = deadlines
        self.order = sorted(range(len(deadlines)), key=lambda k: deadlines[k].start)
        self.starts = [deadlines[k].start for k in self.order]
        self.spans = all(d.start <= d.end for d in deadlines)  # (then one that ends by ``end`` starts by it)

    def __call__(self, start: int, end: int) -> list[int]:
        """The positions of the deadlines with ``start <= d.start`` and ``d.end <= end``."""
        ds = self.deadlines
        if not self.spans:
            return [k for k, d in enumerate(ds) if start <= d.start and d.end <= end]
        return [k for k in self.order[bisect_left(self.starts, start):bisect_right(self.starts, end)]
                if ds[k].end <= end]


def without_restatements(deadlines: list[Deadline], sections: Sequence[Section]) -> list[Deadline]:
    """``deadlines`` less each that a later one in the same top-level section restates: the same value and kind,
    and two words or more of its description the same; or the same day, stated by the later one under a decision
    heading, and one word the same (ids renumbered "dl-1", … where one went)."""
    if len(deadlines) < 2:
        return deadlines
    top = _tops(deadlines, [(sec.start, sec.end) for sec in sections if sec.level == 1])
    words = [set(_CONTENT_WORD.findall(fold(d.what))) for d in deadlines]
    decided = _Stabbed([(sec.start, sec.end) for sec in sections
                        if sec.level > 1 and block_kind(sec.title) == "decision"])
    under = [decided(d.start) for d in deadlines]
    same: dict[tuple[int, str], list[int]] = {}  # the deadlines of one top-level section and value, in order
    for k, d in enumerate(deadlines):
        if (t := top[k]) is not None:
            same.setdefault((t, d.value), []).append(k)
    drop: set[int] = set()
    for k, d in enumerate(deadlines):
        if (t := top[k]) is not None and any(
                (o.kind == d.kind and len(words[j] & words[k]) >= 2)
                or (d.day is not None and under[j] and not under[k] and _share_word(words[j], words[k]))
                for j in same[(t, d.value)] if j > k for o in (deadlines[j],)):
            drop.add(k)
    if not drop:
        return deadlines
    kept = [d for k, d in enumerate(deadlines) if k not in drop]
    return [d.model_copy(update={"id": f"dl-{i}"}) for i, d in enumerate(kept, start=1)]


def _tops(deadlines: list[Deadline], tops: list[tuple[int, int]]) -> list[int | None]:
    """The start of the first of ``tops`` (top-level sections' spans) that holds each deadline's start, or None."""
    if any(b > c for (_, b), (c, _) in zip(tops, tops[1:])) or any(a > b for a, b in tops):
        return [next((a for a, b in tops if a <= d.start < b), None) for d in deadlines]
    starts = [a for a, _ in tops]  # (in order, none overlapping: at most one holds a place)
    out: list[int | None] = []
    for d in deadlines:
        i = bisect_right(starts, d.start) - 1
        out.append(tops[i][0] if i >= 0 and d.start < tops[i][1] else None)
    return out


class _Stabbed:
    """Whether a place lies inside one of some spans (``start <= pos < end``), in a lookup by their starts."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # the furthest end of the spans up to each

    def __call__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos


def _share_word(one: set[str], other: set[str]) -> bool:
    """A word in both, a compound matching its last part ("korttidsplatser", "platser")."""
    return any(a.endswith(b) or b.endswith(a) for a in one for b in other)
