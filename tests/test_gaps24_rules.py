"""Own-words tests for the gaps of held-out batches 33–35 closed in one go (gaps24)."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract

_REF = dt.date(2026, 10, 5)


def _values(text: str) -> list[str]:
    return [d.value for d in kdextract.find_dates(text, reference=_REF)]


@pytest.mark.parametrize(("text", "value"), [
    ("Utredningen ska lämnas före årsskiftet.", "2026-12-31"),
    ("Utredningen ska lämnas fore arsskiftet.", "2026-12-31"),  # OCR'd, unaccented
    ("Bygget startar först efter årsskiftet.", "2027-01"),
    ("Den nya taxan gäller från årsskiftet.", "2027-01-01"),
    ("Avtalet löper till årsskiftet.", "2027-01-01"),
    ("Vid årsskiftet byts systemet ut.", "2027-01-01"),
    ("Slutrapporten lämnas före årsskiftet 2027/2028.", "2027-12-31"),
])
def test_a_preposition_before_the_year_turn_says_which_side_of_it(text: str, value: str) -> None:
    assert _values(text) == [value]
