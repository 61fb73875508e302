"""Rules found missing by held-out batch 34 (tests/data/own_corpus34), each in our own words: a month range
after a verb and "till" ("renoveringen är planerad till mars–april 2028"), where the word before "till" used to
start a failed range match that swallowed the first month."""

from __future__ import annotations

import pytest

import kdextract


@pytest.mark.parametrize(("text", "found"), [
    ("Renoveringen är planerad till mars–april 2028.", ("till mars–april 2028", "2028-03/2028-04")),
    ("Utställningen flyttas till oktober-november 2027.", ("till oktober-november 2027", "2027-10/2027-11")),
    ("Bygget pågår under augusti–september 2026.", ("under augusti–september 2026", "2026-08/2026-09")),
])
def test_month_range_after_till(text: str, found: tuple[str, str]) -> None:
    assert [(d.text, d.value) for d in kdextract.parse(text).dates] == [found]


def test_till_before_a_single_month_stays_one_month() -> None:
    dates = kdextract.parse("Mötet flyttas till maj 2027.").dates
    assert [(d.text, d.value) for d in dates] == [("till maj 2027", "2027-05")]
