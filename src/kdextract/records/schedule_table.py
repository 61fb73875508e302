"""Schedule tables: a column of steps beside a column of their dates ("Milstolpe  Datum  Ansvarig").

Each row under such a header is one step of a plan; its first cell names the step. The header cells
are listed in ``schedule_columns`` of ``resources/sv/deadlines.json``; a header is a line of cells set
apart by column gaps (three blanks or a tab), with no digit.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from kdextract.layout.columns import COLUMN_GAP, cells
from kdextract.resources import Part
from kdextract.text.fold import fold
from kdextract.text.lines import line_spans

__all__ = ["ScheduleColumns", "ScheduleLabels", "ScheduleRow", "schedule_labels", "schedule_rows"]

class ScheduleColumns(Part):
    """The header cells of a schedule table: ``tasks`` over its steps, ``dates`` over their dates."""

    tasks: list[str]
    dates: list[str]


@dataclass(frozen=True)
class ScheduleRow:
    """A row of a schedule table: its lines (``start``, ``end``) and its first cell (``what_start``, ``what_end``)."""

    start: int
    end: int
    what_start: int
    what_end: int


@dataclass(frozen=True)
class ScheduleLabels:
    """``ScheduleColumns`` folded, with a pattern that finds a line that may be a header."""

    tasks: frozenset[str]
    dates: frozenset[str]
    any_task: regex.Pattern[str]  # a task label opening a line, before a column gap


def schedule_labels(columns: ScheduleColumns) -> ScheduleLabels:
    """The labels of ``columns``, compiled (once per rule file: the caller keeps them)."""
    words = sorted({w.casefold() for w in columns.tasks} | {fold(w) for w in columns.tasks}, key=len, reverse=True)
    return ScheduleLabels(frozenset(fold(w) for w in columns.tasks), frozenset(fold(w) for w in columns.dates),
                          regex.compile(rf"(?m)^[ \t]*(?:{'|'.join(map(regex.escape, words))}){COLUMN_GAP.pattern}",
                                        regex.IGNORECASE))


def _header(line: str, labels: ScheduleLabels) -> bool:
    """A schedule table's header: its first cell names the steps, another their dates, none holds a digit."""
    found = [fold(line[a:b]) for a, b in cells(line)]
    return (len(found) >= 2 and found[0] in labels.tasks and any(c in labels.dates for c in found[1:])
            and not any(ch.isdigit() for ch in line))


def schedule_rows(text: str, labels: ScheduleLabels) -> list[ScheduleRow]:
    """Every row of every schedule table in ``text``, in text order."""
    out: list[ScheduleRow] = []
    for m in labels.any_task.finditer(text):
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.start())
        b = len(text) if b < 0 else b
        if (out and a < out[-1].end) or not _header(text[a:b], labels):
            continue
        for s, e in line_spans(text, b + 1):
            if not text[s:e].strip():
                break
            first = cells(text, s, e)
            if text[s:s + 1].isspace() and out and out[-1].end == s - 1:  # a wrapped cell continues its row
                last = out[-1]
                out[-1] = ScheduleRow(last.start, e, last.what_start, last.what_end)
            elif first:
                out.append(ScheduleRow(s, e, first[0][0], first[0][1]))
    return out
