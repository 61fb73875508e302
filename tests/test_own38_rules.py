"""Rules found missing by held-out batch 38 (tests/data/own_corpus38), each in our own words: a weekday with a
week number after it is that weekday of the numbered week."""

from __future__ import annotations

import kdextract


def _dates(text: str) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in kdextract.parse(text).dates]


def test_weekday_then_week_number_is_that_day_of_the_week() -> None:
    text = "Datum: 2028-01-10\n\nRapporten lämnas in senast onsdag vecka 6 till kansliet.\n"
    assert ("onsdag vecka 6", "2028-02-09") in _dates(text)


def test_weekday_in_abbreviated_week_with_year() -> None:
    text = "Datum: 2026-09-01\n\nNästa träff blir tisdag i v. 2 2027 i stora salen.\n"
    assert ("tisdag i v. 2 2027", "2027-01-12") in _dates(text)


def test_weekday_without_week_number_stays_relative() -> None:
    text = "Datum: 2026-09-01\n\nVi ses på fredag i matsalen.\n"
    assert ("på fredag", "2026-09-04") in _dates(text)


def test_genitive_of_trade_before_prefix_form_is_part_of_company() -> None:
    text = "Ekby kommun\n\nNämnden tecknar hyresavtal med Förvaltnings AB Ekbacken för tio år.\n"
    names = [o.name for o in kdextract.parse(text).organisations]
    assert "Förvaltnings AB Ekbacken" in names
