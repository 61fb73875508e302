"""A part of the year without its year in a report on a past year (sentences written for these tests)."""

from __future__ import annotations

import kdextract

REPORT = """Fritidsnämnden i Ekbyholm
                                                       2025-02-10

Årsrapport 2024 för fritidsgårdarna

Besöken under kvartal 3 ökade kraftigt jämfört med året innan.
Under andra tertialet stängdes gården i Norrvik för renovering.
Första halvåret präglades av personalbrist.
Statistiken i bilagan avser kvartal 4.
En ny enkät ska göras under tertial 2.
"""


def _values(text: str) -> dict[str, str]:
    return {d.text: d.value for d in kdextract.parse(text, ner=False).dates}


def test_parts_of_the_year_in_a_report_take_the_year_it_covers() -> None:
    values = _values(REPORT)
    assert values["under kvartal 3"] == "2024-Q3"
    assert values["Under andra tertialet"] == "2024-05/2024-08"
    assert values["Första halvåret"] == "2024-H1"
    assert values["kvartal 4"] == "2024-Q4"


def test_a_planned_part_keeps_the_coming_year() -> None:
    assert _values(REPORT)["under tertial 2"] == "2025-05/2025-08"


def test_without_a_report_title_the_window_rule_stands() -> None:
    memo = REPORT.replace("Årsrapport 2024 för fritidsgårdarna", "Information om fritidsgårdarna")
    assert _values(memo)["Under andra tertialet"] == "2025-05/2025-08"
