"""The title-repeat and restatement filters of ``records.deadline_titles``: the same deadlines as reading every
deadline against every section, in time that grows with what a section holds."""

from __future__ import annotations

import datetime as dt
import random

from timing import growth

from kdextract.models import Deadline, Section, Source
from kdextract.records.decision_blocks import block_kind
from kdextract.records.deadline_titles import without_restatements, without_title_repeats
from kdextract.text.fold import fold

_SOURCE = Source(method="rule", name="deadlines/test")
_WHATS = ["avgifterna gäller", "avgifterna inom hemtjänsten gäller", "platser avvecklas",
          "avveckla korttidsplatser", "ansökan lämnas", "ansökan om bidrag lämnas", "biblioteket stängs"]
_TITLES = ["Beslut", "Bakgrund", "Nämndens beslut", "Förslag till beslut", "Avgifter 2027"]


def _deadline(rnd: random.Random, start: int) -> Deadline:
    value = rnd.choice(["2027-01-01", "2027-03-31", "2027", "2026-06"])
    return Deadline.model_construct(start=start, end=start + rnd.randint(1, 12), text="x", value=value,
                                    day=dt.date(2027, 1, 1) if len(value) == 10 else None, what=rnd.choice(_WHATS),
                                    kind=rnd.choice(["due", "starts"]), source=_SOURCE, id=None)


def _section(rnd: random.Random, start: int, end: int, level: int) -> Section:
    title_end = start + rnd.randint(0, 30)
    return Section.model_construct(start=start, end=end, title_start=start, title_end=title_end,
                                   body_start=min(end, title_end + rnd.randint(0, 5)), body_end=end, level=level,
                                   title=rnd.choice(_TITLES))


def _document(rnd: random.Random, items: int) -> tuple[str, list[Deadline], list[Section]]:
    sections: list[Section] = []
    pos = 0
    for _ in range(items):
        length = rnd.randint(60, 200)
        sections.append(_section(rnd, pos, pos + length, 1))
        sub = pos + rnd.randint(20, 50)
        sections.append(_section(rnd, sub, pos + length if rnd.random() < 0.7 else sub + 30, 2))
        pos += length
    text = "".join(rnd.choice("abc \n") for _ in range(pos))
    deadlines = sorted((_deadline(rnd, rnd.randrange(pos)) for _ in range(items * 2)), key=lambda d: d.start)
    return text, deadlines, sections


def _reference_title_repeats(deadlines: list[Deadline], sections: list[Section], text: str) -> set[int]:
    """The deadlines to drop, each deadline read against each section."""
    drop: set[int] = set()
    for sec in sections:
        if sec.title_end <= sec.title_start:
            continue
        line_end = text.find("\n", sec.title_end)
        head_end = min(sec.body_start, len(text) if line_end < 0 else line_end)
        in_title = [k for k, d in enumerate(deadlines) if sec.start <= d.start and d.end <= head_end]
        body = {d.value for d in deadlines if d.start >= head_end and d.end <= sec.body_end}
        drop.update(k for k in in_title if deadlines[k].value in body or len(deadlines[k].value) == 4)
    return drop


def _reference_restatements(deadlines: list[Deadline], sections: list[Section]) -> set[int]:
    """The deadlines to drop, each deadline read against every later one and every section."""
    tops = [(sec.start, sec.end) for sec in sections if sec.level == 1]
    top = [next((a for a, b in tops if a <= d.start < b), None) for d in deadlines]
    words = [set(w for w in fold(d.what).split() if len(w) >= 4) for d in deadlines]
    decided = [any(s.level > 1 and s.start <= d.start < s.end and block_kind(s.title) == "decision" for s in sections)
               for d in deadlines]

    def share(one: set[str], other: set[str]) -> bool:
        return any(a.endswith(b) or b.endswith(a) for a in one for b in other)

    return {k for k, d in enumerate(deadlines) if top[k] is not None and any(
        top[j] == top[k] and o.value == d.value and (
            (o.kind == d.kind and len(words[j] & words[k]) >= 2)
            or (d.day is not None and decided[j] and not decided[k] and share(words[j], words[k])))
        for j, o in enumerate(deadlines[k + 1:], start=k + 1))}


def _kept(deadlines: list[Deadline], drop: set[int]) -> list[tuple[int, int, str]]:
    return [(d.start, d.end, d.what) for k, d in enumerate(deadlines) if k not in drop]


def test_the_filters_keep_what_reading_every_pair_keeps() -> None:
    for seed in range(60):
        rnd = random.Random(seed)
        text, deadlines, sections = _document(rnd, rnd.randint(1, 12))
        if seed % 3 == 0:  # overlapping top-level sections (the lookup by starts does not hold there)
            sections.append(_section(rnd, 10, 500, 1))
        found = without_title_repeats(deadlines, sections, text)
        assert [(d.start, d.end, d.what) for d in found] == _kept(deadlines, _reference_title_repeats(
            deadlines, sections, text)), seed
        again = without_restatements(found, sections)
        expected = _kept(found, _reference_restatements(found, sections))
        assert [(d.start, d.end, d.what) for d in again] == expected, seed


def test_many_items_with_dated_titles_take_linear_time() -> None:
    def run(text: str) -> object:
        _, deadlines, sections = _document(random.Random(len(text)), len(text) // 20)
        return without_restatements(without_title_repeats(deadlines, sections, text), sections)

    ratio = growth(run, lambda n: "x" * n, 8_000, limit=2.5)
    assert ratio <= 2.5, f"{ratio:.2f}x the time for twice the items"
