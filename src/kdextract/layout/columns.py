"""Columns of a table that PDF text laid out with blanks: the gap between them and a line's cells."""

from __future__ import annotations

import regex

__all__ = ["COLUMN_GAP", "cells"]

#: A gap between the columns of a table that PDF text laid out with blanks ("4.  Skolskjuts      Mats Öberg      BUN 2024/12").
COLUMN_GAP = regex.compile(r"[ \t]*(?:\t|[ ]{3,})[ \t]*")


def cells(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The cells of the line ``text[start:end]`` between column gaps, as offsets into ``text``."""
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos < stop and text[pos] in " \t":
        pos += 1
    for gap in COLUMN_GAP.finditer(text, pos, stop):
        if gap.start() > pos:
            out.append((pos, gap.start()))
        pos = gap.end()
    while stop > pos and text[stop - 1] in " \t":
        stop -= 1
    if pos < stop:
        out.append((pos, stop))
    return out
