"""Amounts in a table column whose header names the currency: "Avgift (kr)", "Belopp, tkr", "Kostnad (mnkr)".

A fee list or a grant table prints its sums as bare numbers ("24 860") under a header cell that names the
unit once. Each number cell under such a column (the cell overlaps the header cell's span) is an amount in
that unit; the rows run from the header to the first blank line. A table saved from a word processor divides its
cells with one tab each ("Åtgärd⇥Kostnad, kr⇥Klart"), so its columns do not line up: there a number cell is under
the header cell that as many tabs precede.

A table of sums by year names the unit in its first header cell and has years (and a total) over the other
columns ("Belopp i tkr   2026   2027   Summa"): each number cell under a year or a total is a sum in that unit,
a number in brackets a negative one ("(75)" = -75 000 kr in tkr), a dash an empty cell. A first cell with the
unit over other headers ("Kostnad (tkr)   Antal   Andel") is left alone: which of its numbers are sums is not said.

>>> text = "Datum       Åtgärd        Avgift (kr)  Delegat\\n2026-02-03  Nybyggnad     24 860       ES\\n"
>>> [(a.text, a.value) for a in column_amounts(text, [])]
[('24 860', Decimal('24860'))]
>>> text = "Belopp i tkr     2027     2028\\nHyra              120     (40)\\n"
>>> [(a.text, a.value) for a in column_amounts(text, [])]
[('120', Decimal('120000')), ('(40)', Decimal('-40000'))]
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from kdextract.models import Amount, Source
from kdextract.parsers.amount_rules import AmountRules
from kdextract.parsers.numbers import parse_number
from kdextract.pattern_cache import compile_re
from kdextract.text.lines import line_spans, word_cells

__all__ = ["column_amounts"]

#: A number cell: digits with Swedish grouping and decimals, a minus where given.
_NUMBER = compile_re(r"[-\u2212\u2013]?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|[-\u2212\u2013]?\d+(?:,\d+)?")
#: A number in brackets: a negative sum in a table of sums ("(75)").
_BRACKETED = compile_re(r"\((?P<n>\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\)")
#: A header cell over a column of sums by year: a year or a total.
_YEAR_COLUMN = compile_re(r"(?:19|20)\d\d|(?i:summa|totalt?|total)")
#: A cell of a table saved from a word processor, one tab between cells: its text without the blanks around it.
_TAB_CELL = compile_re(r"[^\t\s](?:[^\t\n]*[^\t\s])?")
#: Fewest cells of a header line.
MIN_COLUMNS = 3
#: How far (characters) a number cell may lie outside its header cell's span (right- or left-aligned).
TOLERANCE = 2


@lru_cache(maxsize=1)
def _units() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], dict[str, tuple[str, int]]]:
    """The header cell pattern (a label, then the unit in brackets or after a comma), that of a year table's first
    cell (also "Belopp i tkr"), that of a row's label cell (also "Fast avgift, kr per år") and unit -> (ISO,
    factor)."""
    d = AmountRules.load()
    units: dict[str, tuple[str, int]] = {w: (iso, 1) for w, iso in d.currency_words.items() if iso == "SEK"}
    units.update({w: (iso, int(f)) for w, (iso, f) in d.unit_words.items() if iso == "SEK" and float(f) >= 1})
    units.update({w.casefold(): (iso, int(f)) for w, (iso, f) in d.unit_codes.items() if iso == "SEK"})
    units["sek"] = ("SEK", 1)
    words = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True) if u.isalpha() or " " in u)
    unit = rf"[ \t]*\((?P<unit>{words})\)|,[ \t]*(?P<unit>{words})"
    head = compile_re(rf"(?i)\p{{L}}[\p{{L}} -]*?(?:[ \t]+(?:19|20)\d\d)?(?:{unit})")  # also "Budget 2026 (tkr)"
    first = compile_re(rf"(?i)\p{{L}}[\p{{L}} -]*?(?:{unit}|[ \t]+i[ \t]+(?P<unit>{words}))")
    row = compile_re(rf"(?i)\p{{L}}[\p{{L}} -]*?(?:{unit})(?:[ \t]+per[ \t]+\p{{L}}+)?")
    return head, first, row, units


def column_amounts(text: str, found: list[Amount]) -> list[Amount]:
    """The amounts in number cells under a currency-headed column of ``text`` that ``found`` does not hold."""
    head_re, first_re, row_re, units = _units()
    taken = [(a.start, a.end) for a in found]
    lines = list(line_spans(text))
    out: list[Amount] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        i += 1
        head = word_cells(text, a, b)
        tabbed = len(head) < MIN_COLUMNS and "\t" in text[a:b]
        head = _tab_cells(text, a, b) if tabbed else head
        if len(head) < 2:
            continue
        # a label column and one currency-headed column ("Nämnd   Budget (tkr)") is a table of its own
        columns = _year_columns(text, a, head, first_re) if len(head) >= MIN_COLUMNS else []
        if not columns and len(head) >= MIN_COLUMNS and (label := row_re.fullmatch(text, *head[0])) is not None:
            out.extend(_row_amounts(text, head[1:], label, units[label.group("unit").casefold()], taken))
            continue
        if not columns:
            columns = [(s - a, e - a, m.group(), m.group("unit")) for k, (s, e) in enumerate(head) if k > 0
                       and (m := head_re.fullmatch(text, s, e)) is not None]
            # no header with digits but the years of its currency-headed cells: a row of numbers is no header
            if sum(ch.isdigit() for _, _, label, _ in columns for ch in label) != _digits(text, a, b):
                columns = []
        head_tabs = dict(zip((s - a for s, _ in head), _tab_columns(text, a, head))) if tabbed else {}
        tabs = [head_tabs.get(hs, -1) for hs, _, _, _ in columns]
        while columns and i < len(lines) and text[lines[i][0]:lines[i][1]].strip():
            ra, rb = lines[i]
            i += 1
            cells = _tab_cells(text, ra, rb) if tabbed else word_cells(text, ra, rb)
            for (cs, ce), at in zip(cells, _tab_columns(text, ra, cells) if tabbed else [-1] * len(cells)):
                col = next(((label, unit) for k, (hs, he, label, unit) in enumerate(columns)
                            if (tabs[k] == at if tabbed else cs - ra < he + TOLERANCE and ce - ra > hs - TOLERANCE)),
                           None)
                value = _cell_value(text, cs, ce) if col is not None else None
                if col is None or value is None or any(s < ce and cs < e for s, e in taken):
                    continue
                iso, factor = units[col[1].casefold()]
                out.append(Amount(
                    text=text[cs:ce], start=cs, end=ce, value=value * factor, currency=iso,
                    source=Source(method="rule", name="amounts/table_column", score=0.8,
                                  explanation=f"a number under the column {col[0]!r}"),
                ))
    return out


def _year_columns(text: str, a: int, head: list[tuple[int, int]],
                  first_re: regex.Pattern[str]) -> list[tuple[int, int, str, str]]:
    """The columns (span in the line, label, unit) of a table of sums by year whose first header cell names the
    unit ("Belopp i tkr   2026   2027   Summa"); none for any other line."""
    m = first_re.fullmatch(text, *head[0])
    if m is None or not all(_YEAR_COLUMN.fullmatch(text, s, e) for s, e in head[1:]):
        return []
    return [(s - a, e - a, f"{m.group()} {text[s:e]}", m.group("unit")) for s, e in head[1:]]


def _row_amounts(text: str, cells: list[tuple[int, int]], label: regex.Match[str], unit: tuple[str, int],
                 taken: list[tuple[int, int]]) -> list[Amount]:
    """The number cells of a table's row whose label names the unit ("Fast avgift, kr per år   3 480   3 720"),
    where every cell after the label is a number."""
    values = [_cell_value(text, s, e) for s, e in cells]
    if any(v is None for v in values):
        return []
    return [Amount(text=text[s:e], start=s, end=e, value=v * unit[1], currency=unit[0],
                   source=Source(method="rule", name="amounts/table_row", score=0.8,
                                 explanation=f"a number in the row {label.group()!r}"))
            for (s, e), v in zip(cells, values) if v is not None and not any(a < e and s < b for a, b in taken)]


def _digits(text: str, start: int, end: int) -> int:
    """How many digits ``text[start:end]`` holds."""
    return sum(ch.isdigit() for ch in text[start:end])


def _tab_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` of each cell of the line ``text[start:end]`` whose cells a tab divides (one blank or two
    inside a cell)."""
    return [(m.start(), m.end()) for m in _TAB_CELL.finditer(text, start, end)]


def _tab_columns(text: str, start: int, cells: list[tuple[int, int]]) -> list[int]:
    """The column of each of ``cells`` (in order) of the line that begins at ``start``: the tabs before it, counted
    once along the line."""
    out, at, prev = [], 0, start
    for cs, _ in cells:
        at += text.count("\t", prev, cs)
        out.append(at)
        prev = cs
    return out


def _cell_value(text: str, start: int, end: int) -> Decimal | None:
    """The number of a number cell, negative in brackets ("(75)")."""
    if _NUMBER.fullmatch(text, start, end):
        return parse_number(text[start:end])
    m = _BRACKETED.fullmatch(text, start, end)
    value = parse_number(m.group("n")) if m is not None else None
    return -value if value is not None else None
