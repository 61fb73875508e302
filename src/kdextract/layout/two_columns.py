"""Two-column pages: PDF text that set a page's two columns side by side, line by line.

Text extraction that keeps the layout (``pdftotext -layout``) writes each line of a two-column page as a
piece of the left column, a wide gap, and a piece of the right column ("1. Val av justerare      nämnd-
sekreteraren senast"). Read line by line, the two flows run into each other. A block of lines (between
blank lines) shows such a page where one gutter holds for every line of it: each line has text on the left
of it, on the right of it (starting at it, give or take a character) or both, never a wider gap elsewhere;
several lines have both, the gutter stands well into the line, and both columns hold prose wrapped from one
line to the next (a piece that goes on in lower case on the next line). A table is no page: its cells are
short and do not go on, or it has more columns than two. The page goes on over blank lines into the blocks around that keep
to its gutter with wrapped prose in them (blocks of one column may stand between); a signature or a table
side by side under it ends it (a block of sentences side by side, "Informationen noteras.", goes on).

The view then reads the page's left column, then its right one (``TextView.rearrange``), its blank lines
kept: every piece keeps its offsets into the input. A page that sets its § items side by side, two by two
("§ 12  Budget 2027      § 13  Taxor 2027"), is read that way pair by pair.

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

from kdextract.pattern_cache import compile_re
from kdextract.text.view import TextView

__all__ = ["split_columns"]

#: Fewest blanks of a gutter.
GUTTER = 3
#: Fewest characters left of the gutter (a table's narrow first column of dates or numbers is no page column).
MIN_LEFT = 25
#: How far a line's right column may start from the gutter (PDF text lays out proportional type a character off).
SLACK = 1
#: Fewest lines of a block with text on both sides of the gutter.
MIN_SIDE_BY_SIDE = 3
#: Fewest places in a block where a column's piece goes on in lower case on the next line (each column one at least).
MIN_CONTINUED = 3

_GAP = compile_re(rf"(?<=\S)[ ]{{{GUTTER},}}(?=\S)")
#: A § item's number opening a column's piece ("§ 12  Budget 2027", "KSAU § 12").
_ITEM = compile_re(r"(?:\p{Lu}{1,6}[ \t]+)?§[ \t]*(\d{1,4})(?!\d)")
#: A sentence of two words or more that ends a piece ("Informationen noteras.").
_SENTENCE = compile_re(r"\p{L}+[ \t]+[^\n]*\p{Ll}[.!?]\Z")
_REASON = "layout: two columns of a page read one after the other"


@dataclass(frozen=True)
class _Row:
    """One line of a block: where it starts in the view, its text, and its left and right pieces (None: empty)."""

    start: int
    text: str
    left: tuple[int, int] | None
    right: tuple[int, int] | None


def split_columns(view: TextView) -> TextView:
    """``view`` with each run of two-column lines read column by column (see the module docstring)."""
    if view.emphasis or view.heading_marks or "   " not in view.text:
        return view
    for rows in reversed(_regions(view.text)):  # from the end: a rearranged region moves no region before it
        pieces = _pieces(rows)
        if pieces is not None:
            last = rows[-1]
            view = view.rearrange(rows[0].start, last.start + len(last.text), pieces, _REASON)
    return view


def _regions(text: str) -> list[list[_Row]]:
    """The runs of lines that read as a two-column page, each as its rows: a block (lines between blank lines) that
    shows the page's shape by itself, with the blocks around it whose lines keep to its gutter and whose columns
    hold wrapped prose too (blocks with one column only may stand between; a line break of a form feed ends it)."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, raw.rstrip()))
        pos += len(raw) + 1
    blocks: list[tuple[int, int]] = []  # [a, b) indices of lines of text between blank lines
    a = None
    for k, (_, line) in enumerate([*lines, (pos, "")]):
        if line.strip() and "\f" not in line:
            a = k if a is None else a
        elif a is not None:
            blocks.append((a, k))
            a = None
    out: list[list[_Row]] = []
    done = 0
    for i, (a, b) in enumerate(blocks):
        gutter = _seed_gutter(lines[a:b]) if i >= done else None
        if gutter is None:
            continue
        first = _extend(lines, blocks, i, -1, gutter, done)
        last = _extend(lines, blocks, i, 1, gutter, len(blocks))
        rows = _split(lines[blocks[first][0]:blocks[last][1]], gutter)
        assert rows is not None
        out.append(rows)
        done = last + 1
    return out


def _joined(lines: list[tuple[int, str]], b: int, a: int) -> bool:
    """Only blank lines (no form feed) stand between line ``b - 1`` and line ``a``."""
    return all("\f" not in line for _, line in lines[b:a])


def _extend(lines: list[tuple[int, str]], blocks: list[tuple[int, int]], i: int, step: int, gutter: int,
            bound: int) -> int:
    """The farthest block from block ``i`` in direction ``step`` (not past ``bound``) that the page goes on in."""
    best = k = i
    while 0 <= k + step < len(blocks) and (k + step >= bound if step < 0 else k + step < bound):
        before, after = (blocks[k + step], blocks[k]) if step < 0 else (blocks[k], blocks[k + step])
        if not _joined(lines, before[1], after[0]):
            break
        k += step
        rows = _split(lines[blocks[k][0]:blocks[k][1]], gutter)
        if rows is None:
            break
        if any(r.left and r.right for r in rows):
            if _continued(rows, "left") + _continued(rows, "right") == 0 and not _sentences_side_by_side(rows):
                break  # side by side without prose: a signature or a table under the page
            best = k
    return best


def _seed_gutter(block: list[tuple[int, str]]) -> int | None:
    """The gutter of ``block`` where it shows a two-column page by itself, else None."""
    if len(block) < MIN_SIDE_BY_SIDE:
        return None
    ends = Counter(m.end() for _, line in block for m in _GAP.finditer(line))
    if not ends:
        return None
    gutter = ends.most_common(1)[0][0]
    both = sum(ends[g] for g in range(gutter - SLACK, gutter + SLACK + 1))
    if gutter < MIN_LEFT or both < MIN_SIDE_BY_SIDE:
        return None
    rows = _split(block, gutter)
    if rows is None:
        return None
    left, right = _continued(rows, "left"), _continued(rows, "right")
    return gutter if left >= 1 and right >= 1 and left + right >= MIN_CONTINUED else None


def _split(block: list[tuple[int, str]], gutter: int) -> list[_Row] | None:
    """The rows of ``block`` split at ``gutter`` (a blank line a row of neither), or None where a line does not
    keep to it: a gap elsewhere (a table's columns), or text over it."""
    rows: list[_Row] = []
    for start, line in block:
        gaps = list(_GAP.finditer(line))
        indent = len(line) - len(line.lstrip())
        if not line.strip():
            rows.append(_Row(start, line, None, None))
        elif gaps and (len(gaps) > 1 or abs(gaps[0].end() - gutter) > SLACK):
            return None
        elif gaps:
            rows.append(_Row(start, line, (start, start + gaps[0].start()), (start + gaps[0].end(), start + len(line))))
        elif abs(indent - gutter) <= SLACK:
            rows.append(_Row(start, line, None, (start + indent, start + len(line))))
        elif indent < gutter and len(line) <= gutter - GUTTER:
            rows.append(_Row(start, line, (start, start + len(line)), None))
        else:
            return None
    return rows


def _continued(rows: list[_Row], side: str) -> int:
    """How often a piece of the column on ``side`` goes on in lower case on the next line."""
    count = 0
    for before, row in zip(rows, rows[1:]):
        a, b = getattr(before, side), getattr(row, side)
        if a is not None and b is not None and row.text[b[0] - row.start:b[1] - row.start].lstrip()[:1].islower():
            count += 1
    return count


def _sentences_side_by_side(rows: list[_Row]) -> bool:
    """Both columns of ``rows`` end a sentence of a few words on one line at least ("Informationen noteras."),
    as a page's prose does and a signature or a table does not."""
    return all(any(_SENTENCE.search(row.text, piece[0] - row.start, piece[1] - row.start)
                   for row in rows if (piece := getattr(row, side)) is not None) for side in ("left", "right"))


def _pieces(rows: list[_Row]) -> list[tuple[int, int, str | None]] | None:
    """The region's left column, then its right one, band by band (``_bands``), each piece on a line of its own, a
    blank line where the page has one (and between the columns); the line breaks put in stand for no input."""
    out: list[tuple[int, int, str | None]] = []
    for band in _bands(rows):
        for side in ("left", "right"):
            brk = "\n\n" if out else ""
            for row in band:
                piece = getattr(row, side)
                if piece is None:
                    brk = "\n\n" if out and not row.text.strip() else brk
                    continue
                if out:
                    out.append((piece[0], piece[0], brk or "\n"))
                out.append((piece[0], piece[1], None))
                brk = ""
    return out if any(r.left and r.right for r in rows) else None


def _bands(rows: list[_Row]) -> list[list[_Row]]:
    """``rows`` cut before each row where the left column opens a § item and the right one the next ("§ 12  Budget
    2027     § 13  Taxor 2027"): the page sets its items side by side, two by two, and is read band by band (in a
    page whose columns run on, an item beside the next one has the whole left column to itself)."""
    cuts = [0] + [k for k, row in enumerate(rows) if k and _next_items_side_by_side(row)]
    return [rows[a:b] for a, b in zip(cuts, [*cuts[1:], len(rows)])]


def _next_items_side_by_side(row: _Row) -> bool:
    left = _item_number(row, "left")
    return left is not None and _item_number(row, "right") == left + 1


def _item_number(row: _Row, side: str) -> int | None:
    """The number of the § item that the piece of ``row`` on ``side`` opens ("§ 12", "KSAU § 12"), else None."""
    piece = getattr(row, side)
    m = None if piece is None else _ITEM.match(row.text, piece[0] - row.start, piece[1] - row.start)
    return None if m is None else int(m.group(1))
