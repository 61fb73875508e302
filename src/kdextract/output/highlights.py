"""Highlights for the HTML view: which spans of a document to mark, nested properly, and which parts
of a long text to show.

Spans come in three layers: section headings, clauses (decisions and deadlines, which hold
other records) and entities (people, organisations, projects, dates, amounts). A span is kept
when it nests with every span kept before it: headings first, then clauses (longest first; a
deadline may sit inside a decision), then entities (longest first, never overlapping each other).
A long text is shown as windows: whole paragraphs around records, chosen round-robin over the
types so that every type is shown, within a character budget; or as pages.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from itertools import count
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kdextract.models import Document, Organisation, Person, Section
    from kdextract.output.labels import Labels

__all__ = ["COLORS", "Span", "excerpt", "names", "pages", "render", "section_at", "spans"]

#: Background colour per highlighted type (displaCy's palette for entities; light tints for clauses).
COLORS: dict[str, str] = {
    "person": "#aa9cfc",
    "organisation": "#7aecec",
    "project": "#feca74",
    "date": "#bfe1d9",
    "amount": "#e4e7d2",
    "deadline": "#fff0b3",
    "decision": "#ffdbe1",
}
#: Underline of the clause types, so that a clause stays visible around the entities inside it.
BORDERS = {"deadline": "#e8590c", "decision": "#c2255c"}
SECTION_COLOR = "#5b7bd5"
_LAYER = {"section": 0, "decision": 1, "deadline": 1, "amount": 2, "date": 2, "project": 2, "organisation": 2,
          "person": 2}
_PRIORITY = {"section": 0, "decision": 0, "deadline": 1, "amount": 0, "date": 1, "project": 2, "organisation": 3,
             "person": 4}
#: The order in which an excerpt takes one span of each type, round after round.
_EXCERPT_ORDER = ("decision", "deadline", "amount", "project", "organisation", "person", "date", "section")
_WINDOW_SIDE = 350  # characters kept on each side of a record when its paragraph is longer


@dataclass(frozen=True)
class Span:
    """One highlight: where, what type, its tooltip, its label and (for headings) the section id."""

    start: int
    end: int
    type: str
    tip: str
    label: str
    ref: str = ""

    @property
    def layer(self) -> int:
        return _LAYER[self.type]


def _heading_start(text: str, section: Section) -> int:
    """Where a heading starts: with its number ("4.", "§ 83") when that is on the title's line."""
    if section.start < section.title_start and "\n" not in text[section.start:section.title_start]:
        return section.start
    return section.title_start


def names(doc: Document) -> dict[str, str]:
    """Id -> name of the organisations and people of ``doc`` (what references point at)."""
    named: list[Organisation | Person] = [*doc.organisations, *doc.people]
    return {r.id: r.name for r in named if r.id}


def _candidates(doc: Document, labels: Labels) -> list[Span]:
    names_of = names(doc)
    types = labels.types
    out = [Span(_heading_start(doc.text, s), s.title_end, "section", f"{s.id} ({labels.words['level']} {s.level})",
                labels.heading(s.level), s.id) for s in doc.sections if s.title_start < s.title_end]
    out += [Span(d.start, d.end, "decision", " · ".join(x for x in (labels.value(d.kind), names_of.get(d.decided_by or ""),
                                                                   d.date) if x), types["decision"])
            for d in doc.decisions]
    out += [Span(d.start, d.end, "deadline", f"{d.value} · {labels.value(d.kind)}: {d.what}", types["deadline"])
            for d in doc.deadlines]
    for kind, items in (("person", doc.people), ("organisation", doc.organisations), ("project", doc.projects)):
        for item in items:
            tip = item.name if kind != "organisation" else f"{item.name} ({labels.value(getattr(item, 'kind', ''))})"
            places = [(m.start, m.end) for m in item.mentions] or [(item.start, item.end)]
            out += [Span(s, e, kind, tip, types[kind]) for s, e in places]
    out += [Span(d.start, d.end, "date", d.value, types["date"]) for d in doc.dates]
    out += [Span(a.start, a.end, "amount", f"{labels.number(a.value, a.high)} {a.currency}", types["amount"])
            for a in doc.amounts]
    return out


class _Boundaries:
    """Sorted span edges: is there one strictly inside an interval?"""

    def __init__(self) -> None:
        self.edges: list[int] = []

    def inside(self, start: int, end: int) -> bool:
        i = bisect_right(self.edges, start)
        return i < len(self.edges) and self.edges[i] < end

    def add(self, span: Span) -> None:
        insort(self.edges, span.start)
        insort(self.edges, span.end)


def spans(doc: Document, labels: Labels) -> list[Span]:
    """The highlights of ``doc`` that nest, sorted for ``render`` (start, then outer before inner)."""
    n = len(doc.text)
    outer = _Boundaries()  # edges of the kept headings and clauses: nothing may cross them
    kept: list[Span] = []
    entities: list[tuple[int, int]] = []  # kept entity intervals, sorted and disjoint
    candidates = [s for s in _candidates(doc, labels) if 0 <= s.start < s.end <= n]
    candidates.sort(key=lambda s: (s.layer, -(s.end - s.start), _PRIORITY[s.type], s.start))
    seen: set[tuple[int, int, str]] = set()
    for span in candidates:
        if outer.inside(span.start, span.end) or (span.start, span.end, span.type) in seen:
            continue  # crosses a heading or clause, or repeats one (two deadlines of one clause)
        seen.add((span.start, span.end, span.type))
        if span.layer == 2:
            i = bisect_left(entities, (span.start, span.end))
            if (i and entities[i - 1][1] > span.start) or (i < len(entities) and entities[i][0] < span.end):
                continue
            entities.insert(i, (span.start, span.end))
        else:
            outer.add(span)
        kept.append(span)
    return sorted(kept, key=lambda s: (s.start, -s.end, s.layer))


def _open(span: Span) -> str:
    if span.type == "section":
        return (f'<span class="kd-section" id="kd-{escape(span.ref)}" data-kd-section="{escape(span.ref)}" '
                f'title="{escape(span.tip)}">')
    style = f"background:{COLORS[span.type]}"
    if span.type in BORDERS:
        style += f";border-bottom:2px solid {BORDERS[span.type]}"
    return f'<mark class="kd-ent" data-kd-type="{span.type}" title="{escape(span.tip)}" style="{style}">'


def _close(span: Span) -> str:
    tag = "span" if span.type == "section" else "mark"
    return f'<span class="kd-label">{escape(span.label)}</span></{tag}>'


def render(text: str, start: int, end: int, marks: Sequence[Span]) -> str:
    """HTML of ``text[start:end]`` with the ``marks`` that lie inside it (from ``spans``) nested in it."""
    out: list[str] = []
    stack: list[Span] = []
    pos = start
    for span in marks:
        if span.start < start or span.end > end:
            continue
        while stack and stack[-1].end <= span.start:
            top = stack.pop()
            out += [escape(text[pos:top.end]), _close(top)]
            pos = top.end
        out += [escape(text[pos:span.start]), _open(span)]
        pos = span.start
        stack.append(span)
    while stack:
        top = stack.pop()
        out += [escape(text[pos:top.end]), _close(top)]
        pos = top.end
    out.append(escape(text[pos:end]))
    return "".join(out)


def _window(text: str, span: Span) -> tuple[int, int]:
    """The paragraph around ``span``, cut to about ``_WINDOW_SIDE`` characters each side at a space."""
    lo = text.rfind("\n\n", 0, span.start) + 2 if text.rfind("\n\n", 0, span.start) >= 0 else 0
    hi = text.find("\n\n", span.end)
    hi = len(text) if hi < 0 else hi
    if span.start - lo > _WINDOW_SIDE:
        cut = text.find(" ", span.start - _WINDOW_SIDE, span.start)
        lo = cut + 1 if cut >= 0 else span.start
    if hi - span.end > _WINDOW_SIDE:
        cut = text.rfind(" ", span.end, span.end + _WINDOW_SIDE)
        hi = cut if cut >= 0 else span.end
    return lo, hi


def excerpt(text: str, marks: Sequence[Span], budget: int) -> list[tuple[int, int]]:
    """Windows of ``text`` (sorted, disjoint) that show spans of every type, at most ``budget`` characters in all."""
    by_type: dict[str, list[Span]] = {t: [] for t in _EXCERPT_ORDER}
    for span in marks:
        by_type[span.type].append(span)
    by_type = {t: [v[i] for i in _spread(len(v))] for t, v in by_type.items()}
    chosen: list[tuple[int, int]] = []
    for i in count():
        if all(i >= len(v) for v in by_type.values()):
            break
        for kind in _EXCERPT_ORDER:
            if i >= len(by_type[kind]):
                continue
            span = by_type[kind][i]
            if any(lo <= span.start and span.end <= hi for lo, hi in chosen):
                continue
            trial = _merge([*chosen, _window(text, span)])
            if sum(hi - lo for lo, hi in trial) <= budget:
                chosen = trial
    return chosen


def _spread(n: int) -> list[int]:
    """0..n-1 in an order that covers the range evenly early on: 0, n/2, n/4, 3n/4, n/8, ...

    >>> _spread(8)
    [0, 4, 2, 6, 1, 5, 3, 7]
    """
    order: dict[int, None] = {}
    step = 1
    while len(order) < n:
        for k in range(step):
            order.setdefault(int(n * _reverse_bits(k, step)), None)
        step *= 2
    return list(order)


def _reverse_bits(k: int, size: int) -> float:
    """``k``'s binary digits mirrored as a fraction below 1, for ``size`` a power of two (van der Corput)."""
    bits = size.bit_length() - 1
    return int(f"{k:0{bits}b}"[::-1], 2) / size if bits else 0.0


def _merge(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1] + 2:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def pages(text: str, size: int) -> list[tuple[int, int]]:
    """``text`` cut into pages of at most ``size`` characters, at a paragraph break where there is one."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n\n", start + size // 2, end)
            end = cut + 2 if cut >= 0 else end
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def section_at(doc: Document, offset: int) -> Section | None:
    """The innermost section around ``offset``, or None."""
    best: Section | None = None
    for section in doc.sections:
        if section.start <= offset < section.end and (best is None or section.level >= best.level):
            best = section
    return best
