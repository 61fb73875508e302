"""Columns of a table that PDF text laid out with blanks: the gap between them and a line's cells."""

from __future__ import annotations

from kdextract.pattern_cache import compile_re

__all__ = ["COLUMN_GAP", "cell_rest_below", "cells", "has_column_gap", "table_header"]

#: A gap between the columns of a table that PDF text laid out with blanks ("4.  Skolskjuts      Mats Öberg      BUN 2024/12").
COLUMN_GAP = compile_re(r"[ \t]*(?:\t|[ ]{3,})[ \t]*")


def has_column_gap(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``COLUMN_GAP`` finds a gap in ``text[start:end]``: a tab or three blanks in a row (``str.find``, not
    the pattern: it is tried at each blank of a line, and paragraph leads ask it of every line)."""
    return text.find("\t", start, end) >= 0 or text.find("   ", start, end) >= 0


#: The cells of a line laid out in columns: runs of words with single blanks between them.
_TABLE_CELL = compile_re(r"\S+(?:[ ]\S+)*")
#: Fewest cells of a table's header line.
HEADER_CELLS = 3


def cells(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The cells of the line ``text[start:end]`` between column gaps, as offsets into ``text``."""
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos < stop and text[pos] in " \t":
        pos += 1
    for gap in COLUMN_GAP.finditer(text, pos, stop) if has_column_gap(text, pos, stop) else ():  # (one cell)
        if gap.start() > pos:
            out.append((pos, gap.start()))
        pos = gap.end()
    while stop > pos and text[stop - 1] in " \t":
        stop -= 1
    if pos < stop:
        out.append((pos, stop))
    return out


def table_header(text: str, pos: int) -> bool:
    """The line at ``pos`` is the header of a table laid out in columns ("ID    Datum    Beslut    Ansvarig"):
    three or more cells set apart by wide gaps, each a label of at most three words without digits; a
    form label in it is a column's name, no label whose line break was lost."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:len(text) if end < 0 else end]
    if "\t" not in line and "   " not in line:
        return False
    labels = [c.group() for c in _TABLE_CELL.finditer(line.replace("\t", "   "))]
    return len(labels) >= HEADER_CELLS and all(len(c.split()) <= 3 and not any(ch.isdigit() for ch in c) for c in labels)


def _word_end(text: str, end: int) -> int:
    """``end`` less the blanks before it (a match may take the blanks after its word)."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    return end


def cell_beside(text: str, end: int) -> bool:
    """Whether a column gap and another cell follow the word ending at ``end`` on its line."""
    gap = COLUMN_GAP.match(text, _word_end(text, end))
    return gap is not None and text[gap.end():gap.end() + 1] not in ("\n", "")


def cell_rest_below(text: str, end: int) -> int:
    """Where the text that goes on after the word ending at ``end`` starts: right there, or, where a column gap
    follows the word (a row's next cell: "för projektet      Eva Ek"), on the next line where it is set under the
    word's cell, at a word's start in it: the cell's wrapped rest ("Ängens ekotrail"). Columns are counted in
    characters: a line with a tab before them is read as no table's."""
    word_end = _word_end(text, end)
    if not cell_beside(text, end) or (below := text.find("\n", end) + 1) == 0:
        return end  # no cell beside it on its line
    start = text.rfind("\n", 0, end) + 1
    stop = text.find("\n", below)
    line = text[below:stop if stop >= 0 else len(text)]
    column = len(line) - len(line.lstrip(" \t"))
    cell = max((g.end() for g in COLUMN_GAP.finditer(text, start, word_end)), default=start)  # the word's cell
    if not cell - start <= column < end - start or "\t" in text[start:word_end] or "\t" in line[:column] \
            or text[start + column - 1] != " " or text[start + column] in " \t":
        return end
    return below + column
