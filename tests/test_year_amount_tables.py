"""A table of sums by year under a header that names the unit (a budget memo written for these tests)."""

from __future__ import annotations

from decimal import Decimal

import kdextract

MEMO = """Ekonomi
Belopp i mnkr            2029      2030     Totalt
Ny sporthall              12,5       4,0       16,5
Minskad hyra                 –      (1,2)      (1,2)
"""


def _amounts(text: str) -> list[tuple[str, Decimal]]:
    return [(a.text, a.value) for a in kdextract.parse(text, ner=False).amounts]


def test_cells_under_years_and_a_total_are_sums_in_the_unit() -> None:
    assert _amounts(MEMO) == [("12,5", Decimal("12500000")), ("4,0", Decimal("4000000")),
                              ("16,5", Decimal("16500000")), ("(1,2)", Decimal("-1200000")),
                              ("(1,2)", Decimal("-1200000"))]


def test_offsets_are_the_cells() -> None:
    doc = kdextract.parse(MEMO, ner=False)
    assert all(MEMO[a.start:a.end] == a.text for a in doc.amounts)


def test_a_table_of_counts_by_year_gives_no_amounts() -> None:
    counts = MEMO.replace("Belopp i mnkr", "Antal platser")
    assert _amounts(counts) == []
