"""A table laid out in columns whose line breaks were lost: its header and each of its rows on a line again.

Flattened text keeps the blanks between a table's columns but puts a single space where a row ended, so
the header ("Beslutsdatum  Diarienr  Avgift (kr)") and the rows run on: the first row starts where a cell
with a digit follows the header's last label after one space, and each next row where a cell of that
cell's shape (a date, a case number, a number) does so after a row's last cell. Put back on lines of
their own, the rows line up under the header as they did.

>>> t = "Beslut i mars Datum  Avgift (kr)  Delegat 2026-03-02  4 200  ES 2026-03-09  1 300  JK Nästa möte är i maj."
>>> [(t[a:a + 5], t[b - 5:b], [t[p:p + 10] for p in rows]) for a, b, rows in flat_tables(t, 0, len(t))]
[('Datum', '0  JK', ['2026-03-02', '2026-03-09'])]
"""

from __future__ import annotations

import regex

from kdextract.layout.columns import has_column_gap
from kdextract.layout.items import head_at, title_end
from kdextract.layout.paragraph_leads import topic_end
from kdextract.layout.presenter_column import presenter_cell
from kdextract.pattern_cache import compile_re

#: A gap between a table's columns: a tab or two blanks (one blank is a space between words, or a lost break).
_GAP = compile_re(r"\t|[ ]{2}")
#: The cells of a line: runs of words with single blanks between them.
_CELL = compile_re(r"\S+(?:[ ]\S+)*")
#: The last word of a cell: the next row's first cell, run into the previous row's last one.
_LAST_WORD = compile_re(r"(?<=[ ])\S+$")
#: A body's code before a case number's digits ("BMN 2026/311").
_CODE = compile_re(r"\p{Lu}{2,6}")
_CASE_DIGITS = compile_re(r"(?:19|20)\d{2}[-/.:]\d{1,5}")
#: A row's first token.
_TOKEN = compile_re(r"\S+")
#: A form label run into a table's last row ("… BUN 2026/310 Beslut: Nämnden …"): a capitalised word, maybe two
#: more in lower case, and a colon.
_LABEL = compile_re(r"\p{Lu}\p{Ll}+(?:[ ]\p{Ll}+){0,2}:(?=\s)")
#: Fewest labels of a table's header.
HEADER_LABELS = 3
#: How far a row's cell may stand from its column's offset under the header (characters).
COLUMN_SLACK = 2
#: Longest header label (words).
LABEL_WORDS = 3


def flat_tables(text: str, start: int, end: int) -> list[tuple[int, int, list[int]]]:
    """The flattened tables of ``text[start:end]``: ``(start, end, row starts)`` each, from its header's first
    label to its last row's end (as long as its longest row before it: the rows of a table in columns are
    about as long as each other; what follows is text run into it)."""
    if _GAP.search(text, start, end) is None:
        return []
    spans = [(m.start(), m.end()) for m in _CELL.finditer(text, start, end)]
    found: list[tuple[int, int, list[int]]] = []  # (start, its last column's offset, row starts)
    labels = 0  # header labels read so far
    shape: str | None = None  # the first cell's shape of the rows of the table now read
    columns, last_row = 0, 0
    label = ""  # the header's last label, before the first row's first cell
    for k, (a, b) in enumerate(spans):
        last = _LAST_WORD.search(text, a, b)
        if shape is not None and k - last_row > columns:
            shape = None  # no row for longer than a row has cells: the table has ended
        row = _coded_start(text, a, last) if last is not None else a
        if shape is not None and last is not None and _shape(last.group()) == shape and k > last_row:
            if text[a:last.start()].strip() == label and _next_year(text, found[-1][2][-1], last.group()):
                shape = None  # "Avgift 2026  Avgift 2027": a header's label again with the next year, no row
                continue
            found[-1][2].append(row)  # "… ES | 2026-02-06  MBN 2026/0022 …"
            last_row = k
            continue
        if last is not None and labels >= HEADER_LABELS - 1 and _label(text[a:last.start()]) \
                and any(ch.isdigit() for ch in last.group()):
            first = spans[k - labels]
            head = _LAST_WORD.search(text, *first)
            table = first[0] if head is None else head.start()
            found.append((table, a - table, [row]))  # "… Delegat | 2026-02-03 …": the first row
            shape, columns, last_row, labels = _shape(last.group()), labels + 1, k, 0
            label = text[a:last.start()].strip()
            continue
        labels = labels + 1 if _label(text[a:b]) else int(text[last.start() if last else a].isupper())
    return [(a, _row_end(text, rows, column, end), rows) for a, column, rows in found if len(rows) >= 2]


def row_note(text: str, row: int, end: int) -> tuple[int, str] | None:
    """Where the note run into an agenda table's row starts, after the item's title and its case number's and
    presenter's cells ("2.  Budget 2027   KS 2026/12   Eva Ek Förslaget innebär …") after one blank, and the break
    before it that sets it under the title's first letter, as the page has it; None where the row holds no such
    cells, or no note but a further cell after a column gap."""
    head = head_at(text, row, end, line_start=True)
    if head is None:
        return None
    cells = presenter_cell(text, title_end(text, head.title_start, end), end)
    if cells is None:
        return None
    note = _TOKEN.search(text, cells, end)
    if note is None or has_column_gap(text, cells, note.start()):
        return None  # (a further cell: "… Rektor      2026-04-02")
    return note.start(), "\n" + " " * (head.title_start - row)


def _row_end(text: str, rows: list[int], column: int, end: int) -> int:
    """Where the last of ``rows`` ends: as far on as the longest row before it, to the end of a word there; a
    last row that stops short of the last column ("7   Övriga frågor") ends where its item's title does."""
    stop = min(end, rows[-1] + max(b - a for a, b in zip(rows, rows[1:])) - 1)  # (less the lost break)
    while stop < end and not text[stop].isspace():
        stop += 1
    last_cell = rows[-1]  # where the last row's last cell starts
    for gap in _GAP.finditer(text, rows[-1], stop):
        last_cell = gap.end()
    if last_cell < rows[-1] + column - COLUMN_SLACK:
        head = head_at(text, rows[-1], stop, line_start=True)
        if head is not None:
            return title_end(text, head.title_start, stop)
        return stop
    # a topic heading or a form label run into the last cell ends the table ("… Beviljat   Hanna Ljung Kommentarer
    # Avslaget i …"), the shortest topic that ends where the sentence opens (not "Ljung Kommentarer")
    prev, cut, topic = last_cell, stop, -1
    for word in _TOKEN.finditer(text, last_cell, end):
        if word.start() >= (stop if topic < 0 else topic):
            break
        if word.start() > last_cell and topic < 0 and _LABEL.match(text, word.start(), end) is not None:
            return prev  # a label opens the text after the table
        if word.start() > last_cell and word.group()[:1].isupper() \
                and (found := topic_end(text, word.start(), end)) is not None and topic in (-1, found):
            cut, topic = prev, found
        prev = word.end()
    return cut


def _coded_start(text: str, start: int, last: regex.Match[str]) -> int:
    """Where a row whose first cell is a case number starts, its body's code before the number's digits ("… Delegat
    BMN 2026/311 …": "BMN"); the last word's start for any other row (a date after a delegate's initials, "… ES
    2026-03-09 …")."""
    pos = last.start()
    code = text.rfind(" ", start, pos - 1) + 1 or start
    return code if text[pos - 1:pos] == " " and _CODE.fullmatch(text, code, pos - 1) \
        and _CASE_DIGITS.fullmatch(last.group()) else pos


def _next_year(text: str, row: int, token: str) -> bool:
    """``token`` is the year after the one that opens the row at ``row`` ("Avgift 2026  Avgift 2027")."""
    first = _TOKEN.match(text, row)
    return first is not None and len(token) == 4 and token.isdigit() and first.group() == str(int(token) - 1)


def _label(cell: str) -> bool:
    """``cell`` may be a column's name: a few words without digits."""
    return bool(cell.strip()) and len(cell.split()) <= LABEL_WORDS and not any(ch.isdigit() for ch in cell)


def _shape(token: str) -> str:
    """A token's shape: each digit a 9, each letter an a ("2026-02-03" -> "9999-99-99")."""
    return "".join("9" if ch.isdigit() else "a" if ch.isalpha() else ch for ch in token)
