"""Amounts in a table column whose header names the currency: "Avgift (kr)", "Belopp, tkr", "Kostnad (mnkr)".

A fee list or a grant table prints its sums as bare numbers ("24 860") under a header cell that names the
unit once. Each number cell under such a column (the cell overlaps the header cell's span) is an amount in
that unit; the rows run from the header to the first blank line. A header whose unit names its first column
("Kostnad (tkr)   2026   2027") is left alone: which of its numbers are sums is not said.

>>> text = "Datum       Åtgärd        Avgift (kr)  Delegat\\n2026-02-03  Nybyggnad     24 860       ES\\n"
>>> [(a.text, a.value) for a in column_amounts(text, [])]
[('24 860', Decimal('24860'))]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.models import Amount, Source
from kdextract.parsers.amount_rules import AmountRules
from kdextract.parsers.numbers import parse_number
from kdextract.pattern_cache import compile_re
from kdextract.text.lines import line_spans

__all__ = ["column_amounts"]

#: A cell of a line set out in columns: words with single blanks between them (two or more end the cell).
_CELL = compile_re(r"\S+(?:[ \t]\S+)*")
#: A number cell: digits with Swedish grouping and decimals, a minus where given.
_NUMBER = compile_re(r"[-\u2212\u2013]?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|[-\u2212\u2013]?\d+(?:,\d+)?")
#: Fewest cells of a header line.
MIN_COLUMNS = 3
#: How far (characters) a number cell may lie outside its header cell's span (right- or left-aligned).
TOLERANCE = 2


@lru_cache(maxsize=1)
def _units() -> tuple[regex.Pattern[str], dict[str, tuple[str, int]]]:
    """The header cell pattern (a label, then the unit in brackets or after a comma) and unit -> (ISO, factor)."""
    d = AmountRules.load()
    units: dict[str, tuple[str, int]] = {w: (iso, 1) for w, iso in d.currency_words.items() if iso == "SEK"}
    units.update({w: (iso, int(f)) for w, (iso, f) in d.unit_words.items() if iso == "SEK" and float(f) >= 1})
    units.update({w.casefold(): (iso, int(f)) for w, (iso, f) in d.unit_codes.items() if iso == "SEK"})
    units["sek"] = ("SEK", 1)
    words = "|".join(regex.escape(u) for u in sorted(units, key=len, reverse=True) if u.isalpha() or " " in u)
    head = compile_re(rf"(?i)\p{{L}}[\p{{L}} -]*?(?:[ \t]*\((?P<unit>{words})\)|,[ \t]*(?P<unit>{words}))")
    return head, units


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CELL.finditer(text, a, b)]


def column_amounts(text: str, found: list[Amount]) -> list[Amount]:
    """The amounts in number cells under a currency-headed column of ``text`` that ``found`` does not hold."""
    head_re, units = _units()
    taken = [(a.start, a.end) for a in found]
    lines = list(line_spans(text))
    out: list[Amount] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        i += 1
        head = _cells(text, a, b)
        if len(head) < MIN_COLUMNS or any(ch.isdigit() for ch in text[a:b]):
            continue
        columns = [(s - a, e - a, m) for k, (s, e) in enumerate(head) if k > 0
                   and (m := head_re.fullmatch(text, s, e)) is not None]
        while columns and i < len(lines) and text[lines[i][0]:lines[i][1]].strip():
            ra, rb = lines[i]
            i += 1
            for cs, ce in _cells(text, ra, rb):
                col = next((m for hs, he, m in columns
                            if cs - ra < he + TOLERANCE and ce - ra > hs - TOLERANCE), None)
                value = parse_number(text[cs:ce]) if col is not None and _NUMBER.fullmatch(text, cs, ce) else None
                if col is None or value is None or any(s < ce and cs < e for s, e in taken):
                    continue
                iso, factor = units[col.group("unit").casefold()]
                out.append(Amount(
                    text=text[cs:ce], start=cs, end=ce, value=value * factor, currency=iso,
                    source=Source(method="rule", name="amounts/table_column", score=0.8,
                                  explanation=f"a number under the column {col.group()!r}"),
                ))
    return out
