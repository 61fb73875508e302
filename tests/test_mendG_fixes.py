"""Mends of review 22's findings on dates and deadlines, each in our own words: the day a deadline falls on."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract


def _memo(body: str) -> str:
    return f"Barn- och utbildningsnämnden\nTjänsteskrivelse\n2027-02-08\n\nRemiss om skolskjuts\n\n{body}\n"


@pytest.mark.parametrize(("body", "kind", "value", "day"), [
    ("Yttrandet ska lämnas in inom tre veckor.", "due", "2027-02-08/2027-02-28", dt.date(2027, 2, 28)),
    ("Synpunkter ska skickas till förvaltningen inom 10 dagar.", "due", "2027-02-08/2027-02-17",
     dt.date(2027, 2, 17)),
    ("Avtalet med bussbolaget löper ut inom två månader.", "expires", "2027-02-08/2027-04-07", dt.date(2027, 4, 7)),
    ("Det nya schemat börjar gälla inom två veckor.", "starts", "2027-02-08/2027-02-21", None),
    ("Rektorerna ska återkomma senast den 19 mars.", "due", "2027-03-19", dt.date(2027, 3, 19)),
    ("Enkäten ska vara besvarad senast vecka 12.", "due", "2027-W12", None),
])
def test_a_deadline_day_is_the_day_it_falls_on(body: str, kind: str, value: str, day: dt.date | None) -> None:
    """Not the document's date where a span starts: what is due within a span falls on its last day; a week or
    a span in which something starts has no single day."""
    found = [(d.kind, d.value, d.day) for d in kdextract.parse(_memo(body), ner=False).deadlines]
    assert found == [(kind, value, day)]


@pytest.mark.parametrize(("reference", "value"), [
    ("2026-09-01", "2026-W53"),  # 2026 has 53 ISO weeks
    ("2027-02-01", "2026-W53"),  # the week 53 just passed, not one in 2027 (which has 52)
    ("2025-10-15", "2026-W53"),  # 2025 has 52: the coming year has one
    ("2023-06-01", "XXXX-W53"),  # neither 2022, 2023 nor 2024 has one: the year stays unknown
])
def test_week_53_only_in_a_year_that_has_one(reference: str, value: str) -> None:
    found = kdextract.find_dates("Gymnastiksalen är stängd för golvslipning vecka 53.", reference=reference)
    assert [d.value for d in found] == [value]


def test_week_53_of_a_year_without_one_is_no_week() -> None:
    assert [d.value for d in kdextract.find_dates("Vi tar ledigt vecka 53 2026.")] == ["2026-W53"]
    assert not [d for d in kdextract.find_dates("Vi tar ledigt vecka 53 2027.") if "W53" in d.value]


@pytest.mark.parametrize(("reference", "text", "value"), [
    ("2026-11-20", "Förskolan håller stängt vecka 52–1 på grund av jullovet.", "2026-W52/2027-W01"),
    ("2026-11-20", "Fritids är stängt v. 51-2.", "2026-W51/2027-W02"),
    ("2027-01-04", "Förskolan håller stängt vecka 52–1 på grund av jullovet.", "2026-W52/2027-W01"),
    ("2026-03-02", "Höstterminen omfattar vecka 34–2.", "2026-W34/2027-W02"),
])
def test_week_range_over_new_year_ends_in_the_next_year(reference: str, text: str, value: str) -> None:
    assert [d.value for d in kdextract.find_dates(text, reference=reference)] == [value]


def test_a_meeting_in_hours_of_one_day_falls_on_that_day() -> None:
    found = kdextract.parse(_memo("Nytt möte ska bokas den 4 mars kl. 13.00–15.00 med skolorna."), ner=False).deadlines
    assert [(d.value, d.day) for d in found] == [("2027-03-04T13:00/2027-03-04T15:00", dt.date(2027, 3, 4))]


@pytest.mark.parametrize(("text", "listed"), [
    ("Rådet träffas den 2 och 16 september.", [("den 2", "2027-09-02"), ("16 september", "2027-09-16")]),
    ("Öppet hus hålls 4, 11 och 18 oktober.",
     [("4", "2027-10-04"), ("11", "2027-10-11"), ("18 oktober", "2027-10-18")]),
    ("Tömning sker den 6 resp. 20 april.", [("den 6", "2027-04-06"), ("20 april", "2027-04-20")]),
    ("Samråd den 7:e samt 21:e juni.", [("den 7:e", "2027-06-07"), ("21:e juni", "2027-06-21")]),
    ("Utbildningen ges den 2:a och 9:e juni.", [("den 2:a", "2027-06-02"), ("9:e juni", "2027-06-09")]),
])
def test_each_day_listed_before_a_month_is_a_date(text: str, listed: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in kdextract.find_dates(text, reference="2027-02-01")] == listed


@pytest.mark.parametrize(("text", "found"), [
    ("Provet pågår mellan 3 och 5 maj.", ["2027-05-03/2027-05-05"]),  # the span form stays a span
    ("Mässan pågår den 14 och 15 maj.", ["2027-05-14/2027-05-15"]),   # the day after: a span as before
    ("Beloppet 1,5 och 12 maj", ["2027-05-12"]),                        # a decimal is no day
    ("Av 20 och 5 maj", ["2027-05-05"]),                                # days that fall are no list
])
def test_no_list_where_the_days_are_none(text: str, found: list[str]) -> None:
    assert [d.value for d in kdextract.find_dates(text, reference="2027-02-01")] == found


@pytest.mark.parametrize(("text", "listed"), [
    ("Kursen ges tisdagen den 7 och onsdagen den 8 september.",
     [("tisdagen den 7", "2027-09-07"), ("onsdagen den 8 september", "2027-09-08")]),
    ("Simskolan är måndag 6, onsdag 8 och fredag 10 september.",
     [("måndag 6", "2027-09-06"), ("onsdag 8", "2027-09-08"), ("fredag 10 september", "2027-09-10")]),
])
def test_weekdays_listed_with_days_of_one_month(text: str, listed: list[tuple[str, str]]) -> None:
    """Each weekday names its listed day, not the next such weekday after the reference."""
    assert [(d.text, d.value) for d in kdextract.find_dates(text, reference="2027-02-01")] == listed


def test_weekdays_that_are_not_the_listed_days_make_no_list() -> None:
    found = kdextract.find_dates("Kursen ges torsdagen den 7 och fredagen den 8 september.", reference="2027-02-01")
    assert "2027-09-07" not in [d.value for d in found]


@pytest.mark.parametrize("reference", ["2027-02-30", "1 februari 2027", "2027/02/01", "2027-W05", "2027-Q1", "", 2027])
def test_find_dates_refuses_a_reference_it_cannot_read(reference: object) -> None:
    """As parse() refuses such a document_date: no silent loss of the relative dates, no TypeError."""
    with pytest.raises(kdextract.ArgumentError, match="reference"):
        kdextract.find_dates("Vi hörs i morgon.", reference=reference)  # type: ignore[arg-type]


@pytest.mark.parametrize(("reference", "value"), [
    ("2027-02-01", "2027-02-02"), ("2027-02-01T08:30", "2027-02-02"), (dt.date(2027, 2, 1), "2027-02-02"),
])
def test_find_dates_reads_the_references_it_names(reference: object, value: str) -> None:
    assert [d.value for d in kdextract.find_dates("Vi hörs i morgon.", reference=reference)] == [value]  # type: ignore[arg-type]
