"""A deadline over before the document was written is no deadline, whatever the grain of its date."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.parsers.timex import before

MEMO = "Ekby kommun\nTjänsteskrivelse\n2027-05-03\n\nTidplan\n{}\n"


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2027-W12", "2027-05-03", True),        # week 12 ends on 28 March
    ("2027-W18", "2027-05-03", False),       # week 18 ends on 9 May
    ("2027-05-03", "2027-W18", False),       # week 18 starts on 3 May: the day is in it
    ("2027-05-02", "2027-W18", True),
    ("2027-Q1", "2027-05-03", True),
    ("2027-Q2", "2027-05-03", False),
    ("2027-H1", "2027-07-01", True),
    ("2027-T1", "2027-05-03", True),         # a tertial is four months
    ("2027-T2", "2027-05-03", False),
    ("2026-WI", "2027-02-15", False),        # winter 2026 lasts into February 2027
    ("2026-WI", "2027-03-01", True),
    ("2027-03-05T10:00", "2027-03-06", True),
    ("2027-W99", "2027-05-03", False),       # no such week: not compared
    ("XXXX-W12", "2027-05-03", False),
    ("2027-05", "2027-05-03", False),        # the month is not wholly before its own day
])
def test_a_period_compares_by_its_last_day_on_the_left_and_its_first_on_the_right(a: str, b: str, expected: bool) -> None:
    assert before(a, b) is expected


def test_a_week_or_quarter_that_was_over_when_the_memo_was_written_is_no_deadline() -> None:
    text = MEMO.format("Förstudien skulle vara klar senast vecka 12. Inköpet ska vara klart senast vecka 24. "
                       "Enkäten skulle skickas senast kvartal 1 2027. Slutrapporten ska lämnas senast kvartal 4 2027.")
    assert [d.text for d in kdextract.parse(text, ner=False).deadlines] == [
        "Inköpet ska vara klart senast vecka 24.", "Slutrapporten ska lämnas senast kvartal 4 2027."]
