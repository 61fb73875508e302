"""Two-column pages: PDF text that set a page's two columns side by side, line by line.

Text extraction that keeps the layout (``pdftotext -layout``) writes each line of a two-column page as a
piece of the left column, a wide gap, and a piece of the right column ("1. Val av justerare      nämnd-
sekreteraren senast"). Read line by line, the two flows run into each other. A block of lines (between
blank lines) is such a page where one gutter holds for every line of it: each line has text on the left
of it, on the right of it (starting right at it) or both, never a wider gap elsewhere; several lines have
both, the gutter stands well into the line, and both columns hold prose wrapped from one line to the next
(a piece that goes on in lower case on the next line). A table is no page: its cells are short and do not
go on, or it has more columns than two.

The view then reads the block's left column, then its right one (``TextView.rearrange``): every piece
keeps its offsets into the input.

>>> page = ("Ärenden                          Bra att veta\\n"
...         "1. Val av justerare              Förhinder anmäls till\\n"
...         "2. Budget för fritids-           sekreteraren senast\\n"
...         "   gårdarna                      den 4 maj.\\n")
>>> print(split_columns(TextView.identity(page)).text)
Ärenden
1. Val av justerare
2. Budget för fritids-
   gårdarna
<BLANKLINE>
Bra att veta
Förhinder anmäls till
sekreteraren senast
den 4 maj.
<BLANKLINE>
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from kdextract.text.view import TextView

__all__ = ["split_columns"]

#: Fewest blanks of a gutter.
GUTTER = 3
#: Fewest characters left of the gutter (a table's narrow first column of dates or numbers is no page column).
MIN_LEFT = 25
#: Fewest lines of a block with text on both sides of the gutter.
MIN_SIDE_BY_SIDE = 3
#: Fewest places in a block where a column's piece goes on in lower case on the next line (each column one at least).
MIN_CONTINUED = 3

_GAP = regex.compile(rf"(?<=\S)[ ]{{{GUTTER},}}(?=\S)")
_REASON = "layout: two columns of a page read one after the other"


@dataclass(frozen=True)
class _Row:
    """One line of a block: where it starts in the view, its text, and its left and right pieces (None: empty)."""

    start: int
    text: str
    left: tuple[int, int] | None
    right: tuple[int, int] | None


def split_columns(view: TextView) -> TextView:
    """``view`` with each block of two-column lines read column by column (see the module docstring)."""
    if view.emphasis or view.heading_marks or "   " not in view.text:
        return view
    blocks = _blocks(view.text)
    for rows in reversed(blocks):  # from the end: a rearranged block moves no block before it
        pieces = _pieces(rows)
        if pieces is not None:
            last = rows[-1]
            view = view.rearrange(rows[0].start, last.start + len(last.text), pieces, _REASON)
    return view


def _blocks(text: str) -> list[list[_Row]]:
    """The blocks of lines that read as a two-column page, each as its rows."""
    out: list[list[_Row]] = []
    block: list[tuple[int, str]] = []
    pos = 0
    for raw in [*text.split("\n"), ""]:
        if raw.strip() and "\f" not in raw:
            block.append((pos, raw.rstrip()))
        else:
            rows = _as_columns(block)
            if rows is not None:
                out.append(rows)
            block = []
        pos += len(raw) + 1
    return out


def _as_columns(block: list[tuple[int, str]]) -> list[_Row] | None:
    """The rows of ``block`` split at its gutter, or None where the block is no two-column page."""
    if len(block) < MIN_SIDE_BY_SIDE:
        return None
    ends = Counter(m.end() for _, line in block for m in _GAP.finditer(line))
    if not ends:
        return None
    gutter, both = ends.most_common(1)[0]
    if gutter < MIN_LEFT or both < MIN_SIDE_BY_SIDE:
        return None
    rows: list[_Row] = []
    for start, line in block:
        gaps = list(_GAP.finditer(line))
        indent = len(line) - len(line.lstrip())
        if gaps and (len(gaps) > 1 or gaps[0].end() != gutter):
            return None  # a gap elsewhere: a table's columns
        if gaps:
            rows.append(_Row(start, line, (start, start + gaps[0].start()), (start + gutter, start + len(line))))
        elif indent == gutter:
            rows.append(_Row(start, line, None, (start + gutter, start + len(line))))
        elif indent < gutter and len(line) <= gutter - GUTTER:
            rows.append(_Row(start, line, (start, start + len(line)), None))
        else:
            return None
    left = _continued([(r.text, r.left, r.start) for r in rows])
    right = _continued([(r.text, r.right, r.start) for r in rows])
    return rows if left >= 1 and right >= 1 and left + right >= MIN_CONTINUED else None


def _continued(pieces: list[tuple[str, tuple[int, int] | None, int]]) -> int:
    """How often a column's piece goes on in lower case on the next line."""
    count = 0
    for (_, before, _), (text, after, start) in zip(pieces, pieces[1:]):
        if before is not None and after is not None and text[after[0] - start:after[1] - start].lstrip()[:1].islower():
            count += 1
    return count


def _pieces(rows: list[_Row]) -> list[tuple[int, int, str | None]] | None:
    """The block's left pieces, then its right ones, each on a line of its own (a blank line between the columns);
    a line break stands for the blanks after a piece."""
    flow: list[tuple[int, int]] = [r.left for r in rows if r.left is not None]
    right: list[tuple[int, int]] = [r.right for r in rows if r.right is not None]
    if not flow or not right:
        return None
    out: list[tuple[int, int, str | None]] = []
    for k, (a, b) in enumerate(flow + right):
        if k:
            out.append((a, a, "\n\n" if k == len(flow) else "\n"))
        out.append((a, b, None))
    return out
