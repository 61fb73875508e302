"""Decisions as the rows of a column table whose header names a decision column.

A report of delegation decisions lists them as a table: "Datum  Dnr  Beslut  Delegat", one row per
decision, a cell wrapped over lines that start blank in the first column. Each row's cell under the
decision column (``table_column`` in ``resources/sv/decisions.json``) is one decision. Where that cell is
one word, an outcome ("Bev.", "Avslag"), the decision is read from the column before it, what was decided on
("Nybyggnad av enbostadshus   Bev."). A table flattened to one cell a line (``kdextract.text.cell_lines``) is read
the same way, its decision cell the row's line under the decision label.
"""

from __future__ import annotations

from dataclasses import dataclass

from kdextract.pattern_cache import compile_re
from kdextract.records.decision_rules import rules
from kdextract.text.cell_lines import cell_tables
from kdextract.text.lines import line_spans, word_cells

__all__ = ["TableCell", "table_cells"]

#: How far (characters) a row's cell may start from its column's header.
TOLERANCE = 3
#: Fewest cells of a header line.
MIN_COLUMNS = 3


@dataclass(frozen=True)
class TableCell:
    """A row's decision cell on its first line (``start``, ``end``) and the row's lines (``row_start``, ``row_end``)."""

    start: int
    end: int
    row_start: int
    row_end: int
    delegate: tuple[int, int] | None = None  # the row's cell under a "Delegat" column: who decided


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of the line ``text[a:b]`` as offsets from ``a``."""
    return [(s - a, e - a) for s, e in word_cells(text, a, b)]


def _label(cell: str) -> bool:
    """A header cell: a label of at most three words, no digit ("Datum", "Beslut", "Ansvarig delegat")."""
    return len(cell.split()) <= 3 and not any(ch.isdigit() for ch in cell)


def table_cells(text: str, folded: str) -> list[TableCell]:
    """Each row's cell under a decision column, in text order (``folded``: ``text`` folded)."""
    column = rules().table_column
    lines = list(line_spans(text))
    out: list[TableCell] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        i += 1
        if column.search(folded, a, b) is None:
            continue  # no header of a decision column on this line
        head = _cells(text, a, b)
        col = next((k for k, (s, e) in enumerate(head) if column.fullmatch(folded, a + s, a + e)), None)
        if col is None or len(head) < MIN_COLUMNS or not all(_label(text[a + s:a + e]) for s, e in head):
            continue
        left = head[col][0]
        before = head[col - 1][0] if col > 0 else None
        by = next((s for s, e in head if rules().table_delegate_column.fullmatch(folded, a + s, a + e)), None)
        row: TableCell | None = None
        while i < len(lines) and text[lines[i][0]:lines[i][1]].strip():
            a, b = lines[i]
            cells = _cells(text, a, b)
            cell = next((c for c in cells if abs(c[0] - left) <= TOLERANCE), None)
            if not text[a:a + 1].isspace():  # a new row
                if row is not None:
                    out.append(row)
                who = next(((a + s, a + e) for s, e in cells if by is not None and abs(s - by) <= TOLERANCE), None)
                row = TableCell(a + _subject_start(text, a, b, cell, before), a + cell[1], a, b, who) \
                    if cell else None
            elif row is not None:
                row = TableCell(row.start, row.end, row.row_start, b, row.delegate)
            i += 1
        if row is not None:
            out.append(row)
    return sorted(out + _cell_line_cells(text, folded), key=lambda c: c.start)


def _cell_line_cells(text: str, folded: str) -> list[TableCell]:
    """Each row's decision cell of the tables flattened to one cell a line; a one-word outcome ("Bifall") with the
    cell before it, what was decided on."""
    column = rules().table_column
    out: list[TableCell] = []
    for table in cell_tables(text):
        col = next((k for k, (a, b) in enumerate(table.header) if column.fullmatch(folded, a, b)), None)
        if col is None:
            continue
        by = next((k for k, (a, b) in enumerate(table.header)
                   if rules().table_delegate_column.fullmatch(folded, a, b)), None)
        for row in table.rows:
            a, b = row[col]
            if col > 0 and len(text[a:b].split()) == 1 and not any(ch.isdigit() for ch in text[slice(*row[col - 1])]):
                a = row[col - 1][0]
            out.append(TableCell(a, b, row[0][0], row[-1][1], row[by] if by is not None and by < len(row) else None))
    return out


#: A word of letters in a cell: two such make a cell of words, not a case number ("BMN 2026/311") or a date.
_WORD = compile_re(r"\b\p{L}{2,}\b")


def _subject_start(text: str, a: int, b: int, cell: tuple[int, int], column: int | None) -> int:
    """Where a row's decision starts: its decision cell, or the column before it (from that column's header on)
    where the decision cell is one word, an outcome, or an amount ("1 840 kr"), and that column holds two words or
    more ("Bygglov för carport, Ekby 1:44"; no date or case number)."""
    outcome = text[a + cell[0]:a + cell[1]]
    if column is None or any(ch.isspace() for ch in outcome) and not any(ch.isdigit() for ch in outcome):
        return cell[0]
    start = a + column
    if not (start < a + cell[0] <= b and text[start - 1:start].isspace() and text[start:start + 1].isalpha()):
        return cell[0]
    words = _WORD.findall(text, start, a + cell[0])
    return column if len(words) >= 2 else cell[0]
