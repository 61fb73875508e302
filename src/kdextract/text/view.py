"""A working view of the input text that remembers where every character came from.

The pipeline reads a cleaned view (NFC, no markdown markup, hyphenation joined, OCR
repaired) but reports offsets into the input. ``TextView`` keeps, for every view
character, the input span it stands for, so any view span maps back exactly.

>>> v = TextView.identity("Ett **fetstilt** ord").rewrite([(4, 6, "", "markdown"), (14, 16, "", "markdown")])
>>> v.text
'Ett fetstilt ord'
>>> v.to_input(4, 12)
(6, 14)
>>> v.original[6:14]
'fetstilt'
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from kdextract.models import TextEdit

Replacement = tuple[int, int, str, str]
"""(start, end, new text, reason) in view coordinates."""


def _offset_code(n: int) -> str:
    """The array type for the offsets of a text of ``n`` characters: 4 bytes each where that is room
    enough (with a margin for views that grow), 8 bytes beyond."""
    return "i" if n < 2**30 else "q"


#: Texts shorter than this take their identity offsets from one array of 0, 1, 2, … (4 bytes each) that is
#: made once and sliced: an array made from a range costs ~60 ns an offset, a slice a copy of memory.
_COUNTED = 1 << 20
_COUNTING: list[array[int]] = [array("i")]


def _counting(n: int) -> array[int]:
    """0, 1, …, at least ``n`` (``n`` < ``_COUNTED``): the longest made so far, made longer where it is too short."""
    have = _COUNTING[0]
    if len(have) <= n:
        have = _COUNTING[0] = array("i", range(min(max(n + 1, 2 * len(have)), _COUNTED)))
    return have


@dataclass(frozen=True)
class TextView:
    """``text`` plus, per character, the ``[starts[i], ends[i])`` span of ``original`` it came from."""

    original: str
    text: str
    starts: array[int]
    ends: array[int]
    edits: tuple[TextEdit, ...] = ()
    #: (start, end) view spans that the source marked as emphasised (markdown *italic* / **bold**).
    emphasis: tuple[tuple[int, int], ...] = field(default=())
    #: view offset of a line start -> markdown heading level (1-6) or 0 for a bold-only line.
    heading_marks: dict[int, int] = field(default_factory=dict)
    #: input spans whose text the view reads in another order (``rearrange``: a page's two columns).
    moved: tuple[tuple[int, int], ...] = ()

    @classmethod
    def identity(cls, text: str) -> TextView:
        """A view equal to ``text``."""
        n = len(text)
        if n < _COUNTED:
            counting = _counting(n)
            return cls(text, text, counting[:n], counting[1:n + 1])
        code = _offset_code(n)
        return cls(text, text, array(code, range(n)), array(code, range(1, n + 1)))

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Input span of the view span ``[start, end)``."""
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span {start}:{end} outside the view (length {n})")
        if start == end:
            pos = self.starts[start] if start < n else len(self.original)
            return pos, pos
        first, last = self.starts[start], self.ends[end - 1]
        if any(a <= first < b or a < last <= b for a, b in self.moved):
            return min(self.starts[start:end]), max(self.ends[start:end])  # the input the span's pieces cover
        return first, last

    def input_text(self, start: int, end: int) -> str:
        """The input text behind the view span ``[start, end)``."""
        s, e = self.to_input(start, end)
        return self.original[s:e]

    def rewrite(self, replacements: Iterable[Replacement]) -> TextView:
        """A new view with non-overlapping ``(start, end, new, reason)`` replacements applied."""
        reps = sorted(replacements, key=lambda r: (r[0], r[1]))
        if not reps:
            return self
        parts: list[str] = []
        code = self.starts.typecode
        starts: array[int] = array(code)
        ends: array[int] = array(code)
        edits = list(self.edits)
        # where each view offset goes: needed for the marks only (plain text has none)
        old_to_new = array(code, [0]) * (len(self.text) + 1) if self.emphasis or self.heading_marks else None
        pos = 0
        for start, end, new, reason in reps:
            if start < pos:
                raise ValueError(f"overlapping replacement at {start}")
            new_at = self._copy(pos, start, parts, starts, ends, old_to_new)
            if old_to_new is not None:
                for i in range(start, end + 1):
                    old_to_new[i] = new_at
            if start < end:
                in_start, in_end = self.to_input(start, end)
            else:
                in_start = in_end = self.to_input(start, start)[0]
            parts.append(new)
            starts.extend([in_start] * len(new))
            ends.extend([in_end] * len(new))
            edits.append(TextEdit(start=in_start, end=in_end, original=self.original[in_start:in_end],
                                  replacement=new, reason=reason))
            pos = end
        length = self._copy(pos, len(self.text), parts, starts, ends, old_to_new)
        if old_to_new is None:
            return TextView(self.original, "".join(parts), starts, ends, tuple(edits), moved=self.moved)
        old_to_new[len(self.text)] = length
        emphasis = tuple((old_to_new[s], old_to_new[e]) for s, e in self.emphasis)
        marks = {old_to_new[k]: v for k, v in self.heading_marks.items()}
        return TextView(self.original, "".join(parts), starts, ends, tuple(edits), emphasis, marks, self.moved)

    def rearrange(self, start: int, end: int, pieces: Iterable[tuple[int, int, str | None]], reason: str) -> TextView:
        """A new view in which ``[start, end)`` reads as ``pieces`` in their order: ``(a, b, None)`` the view's
        ``[a, b)`` as it is, ``(a, b, new)`` the text ``new`` standing for it (a line break for a gutter's blanks).
        Offsets keep mapping to the input; a span over pieces maps to the input they cover. Only for a view
        without marks (emphasis, heading marks)."""
        if self.emphasis or self.heading_marks:
            raise ValueError("rearrange: a view with marks")
        parts = [self.text[:start]]
        starts, ends = self.starts[:start], self.ends[:start]
        for a, b, new in pieces:
            if new is None:
                parts.append(self.text[a:b])
                starts.extend(self.starts[a:b])
                ends.extend(self.ends[a:b])
                continue
            in_a, in_b = self.to_input(a, b)
            parts.append(new)
            starts.extend([in_a] * len(new))
            ends.extend([in_b] * len(new))
        block = "".join(parts[1:])
        parts.append(self.text[end:])
        starts.extend(self.starts[end:])
        ends.extend(self.ends[end:])
        in_start, in_end = self.to_input(start, end)
        edit = TextEdit(start=in_start, end=in_end, original=self.original[in_start:in_end], replacement=block,
                        reason=reason)
        return TextView(self.original, "".join(parts), starts, ends, (*self.edits, edit),
                        moved=(*self.moved, (in_start, in_end)))

    def with_marks(self, emphasis: Iterable[tuple[int, int]] = (), headings: dict[int, int] | None = None) -> TextView:
        """The same view with more emphasis spans and heading marks recorded."""
        marks = dict(self.heading_marks)
        marks.update(headings or {})
        return TextView(self.original, self.text, self.starts, self.ends, self.edits,
                        tuple(sorted({*self.emphasis, *emphasis})), marks, self.moved)

    def _copy(self, a: int, b: int, parts: list[str], starts: array[int], ends: array[int],
              old_to_new: array[int] | None) -> int:
        """Copy view chars ``[a, b)`` unchanged (noting where they go in ``old_to_new``, if given);
        return the new view's length so far."""
        at = len(starts)
        if a >= b:
            return at
        if old_to_new is not None:
            for i in range(a, b):
                old_to_new[i] = at + i - a
        parts.append(self.text[a:b])
        starts.extend(self.starts[a:b])
        ends.extend(self.ends[a:b])
        return len(starts)
