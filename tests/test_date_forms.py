"""General Swedish date forms (tests/data/date_forms.tsv): every form and its look-alikes, one row each."""

from __future__ import annotations

import pytest
from example_tables import table

from kdextract import find_dates
from kdextract.parsers.dates import is_document_date

ROWS = table("date_forms.tsv", 5)


def longest(text: str, reference: str) -> tuple[str, str] | None:
    """(text, value) of the longest document date in ``text`` read against ``reference``."""
    found = [m for m in find_dates(text, reference=reference) if is_document_date(m)]
    if not found:
        return None
    best = max(found, key=lambda m: (m.end - m.start, -m.start))
    return best.text, best.value


def test_table_covers_forms_and_look_alikes() -> None:
    assert len(ROWS) >= 80
    assert sum(1 for p in ROWS if p.values[2] == "-") >= 15


@pytest.mark.parametrize("text, reference, value, mention", ROWS)
def test_date_form(text: str, reference: str, value: str, mention: str) -> None:
    got = longest(text, reference)
    if value == "-":
        assert got is None
        return
    assert got is not None and got[1] == value
    if mention:
        assert got[0] == mention
