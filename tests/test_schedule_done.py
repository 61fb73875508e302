"""A schedule table's column of when a step is ready (a follow-up letter written for these tests)."""

from __future__ import annotations

import kdextract

LETTER = """Överförmyndarnämnden
Datum: 2027-05-20

Uppföljning av handläggningen

Aktivitet                   Ansvarig          Klar          Svar senast
Arvoden till gode män       Kansliet          maj           2027-08-15
Digitala redovisningar      IT-enheten        oktober       2027-12-01
"""


def _planned() -> list[tuple[str, str]]:
    return [(d.value, d.what) for d in kdextract.parse(LETTER, ner=False).deadlines]


def test_a_step_ready_in_the_letters_own_month_is_no_plan() -> None:
    assert "2027-05" not in [value for value, _ in _planned()]


def test_later_months_and_due_days_stay_planned() -> None:
    values = [value for value, _ in _planned()]
    assert "2027-10" in values
    assert "2027-08-15" in values and "2027-12-01" in values
