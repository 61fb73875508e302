"""A table flattened to one cell a line: its header's labels each alone on a line, then each row as many lines.

Text copied out of a table (a PDF's or a web page's) often keeps every cell but puts each on a line of its own:
"Datum" / "Ärende" / "Beslut" / "Delegat" / "2026-03-02" / "Bygglov, Ek 1:4" / "Beviljat" / "Eva Ek" / … The
header is a run of at least three short label lines (a few words, no digit, no closing punctuation) right
before a line with a digit, the first row's first cell (a date, a case number); each row is then as many lines
as the header has labels, its first cell of the first row's shape, until a blank line or a row that does not fit.

>>> t = "Beslut i maj\\n\\nDatum\\nÄrende\\nBeslut\\n2026-05-04\\nBygglov\\nBeviljat\\n2026-05-11\\nStrandskydd\\nAvslag\\n"
>>> [[t[a:b] for a, b in row] for row in cell_tables(t)[0].rows]
[['2026-05-04', 'Bygglov', 'Beviljat'], ['2026-05-11', 'Strandskydd', 'Avslag']]
"""

from __future__ import annotations

from dataclasses import dataclass

from kdextract.text.lines import line_spans

__all__ = ["CellTable", "cell_tables"]

#: Fewest labels of a header, fewest rows of a table.
MIN_LABELS = 3
MIN_ROWS = 2
#: Longest header label (words).
LABEL_WORDS = 3


@dataclass(frozen=True)
class CellTable:
    """The header's label lines and each row's cell lines, as ``(start, end)`` spans of the text."""

    header: list[tuple[int, int]]
    rows: list[list[tuple[int, int]]]


def _label(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= LABEL_WORDS and words[0][0].isupper() and line.strip()[-1] not in ".,;:!?" \
        and "  " not in line.strip() and not any(ch.isdigit() for ch in line)


def _shape(line: str) -> str:
    """A first cell's shape: each digit a 9, each letter an a ("2026-02-03" -> "9999-99-99")."""
    return "".join("9" if ch.isdigit() else "a" if ch.isalpha() else ch for ch in line.strip())


def cell_tables(text: str) -> list[CellTable]:
    """The tables of ``text`` flattened to one cell a line, in text order (a heading right over the header may
    look like a label too: the widest header whose rows fit wins)."""
    lines = list(line_spans(text))
    out: list[CellTable] = []
    i = 0
    while i < len(lines):
        k = i
        while k < len(lines) and _label(text[lines[k][0]:lines[k][1]]):
            k += 1
        if k - i < MIN_LABELS or k >= len(lines) or not any(ch.isdigit() for ch in text[lines[k][0]:lines[k][1]]):
            i = max(k, i + 1)
            continue
        for first in range(i, k - MIN_LABELS + 1):
            rows = _rows(text, lines, k, k - first)
            if len(rows) >= MIN_ROWS:
                out.append(CellTable(lines[first:k], rows))
                k += len(rows) * (k - first)
                break
        i = max(k, i + 1)
    return out


def _rows(text: str, lines: list[tuple[int, int]], k: int, width: int) -> list[list[tuple[int, int]]]:
    """The rows of ``width`` lines from line ``k`` on, each first cell of the first one's shape."""
    shape = _shape(text[lines[k][0]:lines[k][1]])
    rows: list[list[tuple[int, int]]] = []
    while k + width <= len(lines):
        row = lines[k:k + width]
        if _shape(text[row[0][0]:row[0][1]]) != shape or any(not text[a:b].strip() for a, b in row):
            break
        rows.append(row)
        k += width
    return rows
