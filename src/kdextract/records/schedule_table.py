"""Schedule tables: a column of steps beside a column of their dates ("Milstolpe  Datum  Ansvarig").

Each row under such a header is one step of a plan; its first cell names the step (its second where
a column of row numbers comes first: "#   Åtgärd   Ansvarig   Klart"). The header cells
are listed in ``schedule_columns`` of ``resources/sv/deadlines.json``; a header is a line of cells set
apart by column gaps (three blanks or a tab), with no digit.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from kdextract.layout.columns import COLUMN_GAP, cells, has_column_gap
from kdextract.pattern_cache import compile_re
from kdextract.resources import Part
from kdextract.text.fold import fold
from kdextract.text.lines import line_spans

__all__ = ["ScheduleColumns", "ScheduleLabels", "ScheduleRow", "log_date_cells", "schedule_labels", "schedule_rows"]

class ScheduleColumns(Part):
    """The header cells of a schedule table: ``tasks`` over its steps, ``dates`` over their dates, ``numbers``
    over a first column of row numbers; ``logs`` over what a log records as done ("Beslut", "Beslutat av"):
    a table with such a column beside a date column dates what was done, no plan; ``done`` over the dates a step
    is (or was) ready ("Rapport klar"), not due by."""

    tasks: list[str]
    dates: list[str]
    numbers: list[str]
    logs: list[str]
    done: list[str]
    lists: list[str]


@dataclass(frozen=True)
class ScheduleRow:
    """A row of a schedule table: its lines (``start``, ``end``), its first cell (``what_start``, ``what_end``) and
    its cells under a ``done`` column."""

    start: int
    end: int
    what_start: int
    what_end: int
    done_cells: tuple[tuple[int, int], ...] = ()

    def ready_in_month_of(self, start: int, value: str, reference: str | None) -> bool:
        """Whether the date at ``start`` is a month in a ``done`` cell, the month of ``reference`` (the document's
        date): at the document's date the step is ready ("Rapport klar: mars" in a letter of 12 March sending that
        report), no plan."""
        return (reference is not None and len(value) == 7 and reference[:7] == value
                and any(a <= start < b for a, b in self.done_cells))


@dataclass(frozen=True)
class ScheduleLabels:
    """``ScheduleColumns`` folded, with a pattern that finds a line that may be a header."""

    tasks: frozenset[str]
    dates: frozenset[str]
    numbers: frozenset[str]
    logs: frozenset[str]
    done: frozenset[str]
    any_log: regex.Pattern[str]  # a log label's words (whether they make a cell of their own is checked after)
    any_task: regex.Pattern[str]  # a task label opening a line (after a row number's label), before a column gap
    any_list: regex.Pattern[str]  # an action list's heading alone on its line ("Åtgärdslista")


def schedule_labels(columns: ScheduleColumns) -> ScheduleLabels:
    """The labels of ``columns``, compiled (once per rule file: the caller keeps them)."""
    def alternatives(labels: list[str]) -> str:
        words = sorted({w.casefold() for w in labels} | {fold(w) for w in labels}, key=lambda w: (-len(w), w))
        return "|".join(map(regex.escape, words))

    gap = COLUMN_GAP.pattern
    return ScheduleLabels(frozenset(fold(w) for w in columns.tasks), frozenset(fold(w) for w in columns.dates),
                          frozenset(fold(w) for w in columns.numbers), frozenset(fold(w) for w in columns.logs),
                          frozenset(fold(w) for w in columns.done),
                          compile_re(rf"(?<![\p{{L}}])(?:{alternatives(columns.logs)})(?![\p{{L}}])", regex.IGNORECASE),
                          compile_re(rf"(?m)^[ \t]*(?:(?:{alternatives(columns.numbers)}){gap})?"
                                        rf"(?:{alternatives(columns.tasks)}){gap}", regex.IGNORECASE),
                          compile_re(rf"(?m)^[ \t]*(?:{alternatives(columns.lists)})[ \t]*:?[ \t]*$", regex.IGNORECASE))


#: Two blanks inside a header's cell: two labels set close ("Rapport klar  Svar senast"); a header holds no sentence.
_NARROW_GAP = compile_re(r"[ \t]{2,}")
#: How many characters a cell may start off its header's place in a table laid out with blanks.
_ALIGN = 3
#: A header's label: words one blank apart.
_LABEL = compile_re(r"\S+(?: \S+)*")
#: A row's number in a first column ("1", "2.", "3)") that the text lost the header of (a "#" taken for a markdown mark).
_ROW_NUMBER = compile_re(r"\d{1,3}[.)]?")


def _header(line: str, labels: ScheduleLabels) -> int | None:
    """Where a schedule table's header names the steps (the index of that cell: 1 after a column of row
    numbers, else 0), another cell their dates (two blanks part header labels), none holding a digit; None for
    any other line."""
    found = [fold(cell) for a, b in cells(line) for cell in _NARROW_GAP.split(line[a:b])]
    first = 1 if found and found[0] in labels.numbers else 0
    if (len(found) >= first + 2 and found[first] in labels.tasks and any(c in labels.dates for c in found[first + 1:])
            and not any(ch.isdigit() for ch in line)):
        return first
    return None


#: The spaced dash that sets an action list's cells apart ("Underlag om … – Eva Ek – v. 46").
_DASH_CELL = compile_re(r"[ \t]+[–—-][ \t]+")
#: Most words in an action list's last cell (who or when: "v. 46", "mars 2027", "Eva Ek").
_LAST_CELL_WORDS = 4


def _list_rows(text: str, labels: ScheduleLabels) -> list[ScheduleRow]:
    """The rows under every action list's heading ("Åtgärdslista" over "Underlag om … – Eva Ek – v. 46"): lines of
    two or more cells that a spaced dash sets apart, the last a few words (no sentence), up to a blank; each row's
    step is its first cell."""
    out: list[ScheduleRow] = []
    for m in labels.any_list.finditer(text):
        for s, e in line_spans(text, m.end() + 1):
            dash = _DASH_CELL.search(text, s, e)
            last = max((d.end() for d in _DASH_CELL.finditer(text, s, e)), default=e)
            if dash is None or not text[s:dash.start()].strip() or len(text[last:e].split()) > _LAST_CELL_WORDS:
                break
            first = s + len(text[s:dash.start()]) - len(text[s:dash.start()].lstrip())
            out.append(ScheduleRow(s, e, first, dash.start()))
    return out


def schedule_rows(text: str, labels: ScheduleLabels) -> list[ScheduleRow]:
    """Every row of every schedule table and action list in ``text``, in text order."""
    return sorted(_table_rows(text, labels) + _list_rows(text, labels), key=lambda r: r.start)


def _table_rows(text: str, labels: ScheduleLabels) -> list[ScheduleRow]:
    """Every row of every schedule table in ``text`` (a header of column labels over it), in text order."""
    out: list[ScheduleRow] = []
    for m in labels.any_task.finditer(text) if has_column_gap(text) else ():  # a header's label ends in a gap
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.start())
        b = len(text) if b < 0 else b
        task = None if out and a < out[-1].end else _header(text[a:b], labels)
        if task is None:
            continue
        done_x = [m.start() - a for m in _LABEL.finditer(text, a, b) if fold(m.group()) in labels.done]
        for s, e in line_spans(text, b + 1):
            if not text[s:e].strip():
                break
            row = cells(text, s, e)
            if text[s:s + 1].isspace() and out and out[-1].end == s - 1:  # a wrapped cell continues its row
                last = out[-1]
                out[-1] = ScheduleRow(last.start, e, last.what_start, last.what_end, last.done_cells)
            elif len(row) > task:
                k = task + 1 if len(row) > task + 1 and _ROW_NUMBER.fullmatch(text, *row[task]) else task
                done = tuple(c for c in row if any(abs(c[0] - s - x) <= _ALIGN for x in done_x))
                out.append(ScheduleRow(s, e, row[k][0], row[k][1], done))
    return out


def log_date_cells(text: str, labels: ScheduleLabels) -> list[tuple[int, int]]:
    """The cells under the date column of every log table in ``text`` ("ID   Datum   Beslut   Beslutat av"), in text
    order: the days things were done, not plans."""
    out: list[tuple[int, int]] = []
    read = 0  # the end of the last line read: each line is read once
    for m in labels.any_log.finditer(text):
        if m.start() < read:
            continue
        a = text.rfind("\n", 0, m.start() + 1) + 1
        b = text.find("\n", m.start() + 1)
        b = read = len(text) if b < 0 else b
        if any(ch.isdigit() for ch in text[a:b]):
            continue
        head_cells = cells(text, a, b)
        head = [fold(text[x:y]) for x, y in head_cells]
        column = next((k for k, c in enumerate(head) if c in labels.dates), None)
        if column is None or not any(c in labels.logs for c in head):
            continue
        x, tabs = head_cells[column][0] - a, "\t" in text[a:b]
        for s, e in line_spans(text, b + 1):
            row = cells(text, s, e)
            if not row:
                break
            read = e
            if tabs or "\t" in text[s:e]:  # tabs: the cells count, not their places
                cell = row[column] if len(row) > column else None
            else:  # blanks: the cell that starts under the header's (a wrapped line's cells start elsewhere)
                cell = next((c for c in row if abs(c[0] - s - x) <= _ALIGN), None)
            if cell is not None:
                out.append(cell)
    return out
