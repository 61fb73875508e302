"""kdextract.parsers.timex: the calendar span of a TIMEX value."""

from __future__ import annotations

import datetime as dt

import pytest

from kdextract.parsers.timex import bounds


@pytest.mark.parametrize("value, first, last", [
    ("2014-05-08", dt.date(2014, 5, 8), dt.date(2014, 5, 8)),
    ("2014-05-08T13:00", dt.date(2014, 5, 8), dt.date(2014, 5, 8)),
    ("2014-05", dt.date(2014, 5, 1), dt.date(2014, 5, 31)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2014", dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
    ("2014-W12", dt.date(2014, 3, 17), dt.date(2014, 3, 23)),
    ("2013-H2", dt.date(2013, 7, 1), dt.date(2013, 12, 31)),
    ("2014-Q4", dt.date(2014, 10, 1), dt.date(2014, 12, 31)),
    ("2014-T2", dt.date(2014, 5, 1), dt.date(2014, 8, 31)),
    ("2014-FA", dt.date(2014, 9, 1), dt.date(2014, 11, 30)),
    ("2014-WI", dt.date(2014, 12, 1), dt.date(2015, 2, 28)),
    ("201X", dt.date(2010, 1, 1), dt.date(2019, 12, 31)),
    ("2014-04-04/2014-04-05", dt.date(2014, 4, 4), dt.date(2014, 4, 5)),
    ("2023/2025", dt.date(2023, 1, 1), dt.date(2025, 12, 31)),
])
def test_bounds(value: str, first: dt.date, last: dt.date) -> None:
    assert bounds(value) == (first, last)


@pytest.mark.parametrize("value", ["", "PRESENT_REF", "XXXX-05-08", "2014-13", "2014-02-30"])
def test_unplaceable(value: str) -> None:
    assert bounds(value) is None
