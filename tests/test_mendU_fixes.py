"""review28 findings 13, 14, 15, 24, 12: yearless days after 'senast', weekday conflicts, years in names,
recurring days of the month, deadlines of a styrdokument's head."""

from __future__ import annotations

import kdextract

MEMO_AUTUMN = "Tjänsteskrivelse\n2025-10-01\n\n"


def test_a_yearless_day_after_senast_is_the_coming_one() -> None:
    """(13) In an autumn memo a limit in spring is next spring's, and it stays a deadline."""
    d = kdextract.parse(MEMO_AUTUMN + "Yttrandet ska lämnas till nämnden senast den 20 juni.\n")
    assert [(x.kind, x.value) for x in d.deadlines] == [("due", "2026-06-20")]
    found = kdextract.find_dates("Synpunkter tas emot senast den 2 maj.", reference="2025-09-15")
    assert [x.value for x in found] == ["2026-05-02"]


def test_a_yearless_day_after_senast_told_in_the_past_keeps_the_window_year() -> None:
    found = kdextract.find_dates("Remissvaren skickades senast den 2 maj.", reference="2025-09-15")
    assert [x.value for x in found] == ["2025-05-02"]


def test_a_weekday_that_misses_a_due_day_does_not_move_it_a_year_on() -> None:
    """(14) 12 June 2025 is a Thursday: a memo of February asks for the coming 12 June, the weekday's year (2026,
    a Friday) is an alternative; without a due word the weekday's year stays, the window's day noted."""
    found = kdextract.find_dates("Remissvar lämnas senast fredag den 12 juni.", reference="2025-02-20")
    assert [(x.value, x.alternatives) for x in found] == [("2025-06-12", ["2026-06-12"])]
    found = kdextract.find_dates("Festen hålls fredag den 12 juni.", reference="2025-02-20")
    assert [(x.value, x.alternatives) for x in found] == [("2026-06-12", ["2025-06-12"])]


def test_a_year_inside_a_name_is_no_time() -> None:
    """(15) 'Vision 2040' names a programme: no year, no planned deadline; a plan's year stays a year."""
    d = kdextract.parse("Tjänsteskrivelse\n2025-03-01\n\nFörvaltningen ska ta fram en handlingsplan för Vision 2040.\n")
    assert not [x for x in d.dates if x.value == "2040"] and d.deadlines == []
    found = kdextract.find_dates("Skötselplanen för Natura 2000-området ses över. Verksamhetsplan 2026 antas.")
    assert [x.value for x in found] == ["2026"]


def test_a_year_inside_a_name_does_not_date_an_undated_note() -> None:
    d = kdextract.parse("Minnesanteckningar\nMiljörådet\n\nRådet gick igenom hur Agenda 2030 följs upp. "
                        "Agenda 2030 ska ingå i nästa budget.\n")
    assert d.meta.date is None


def test_a_day_of_every_month_is_the_next_one_and_no_deadline() -> None:
    """(24) 'i månaden' names a day that comes back each month: the next one from the reference, no deadline."""
    found = kdextract.find_dates("Styrgruppen träffas andra tisdagen i månaden.", reference="2025-06-20")
    assert [x.value for x in found] == ["2025-07-08"]
    found = kdextract.find_dates("Hyran dras den femte i månaden.", reference="2025-06-20")
    assert [x.value for x in found] == ["2025-07-05"]
    d = kdextract.parse("Tjänsteskrivelse\n2025-06-20\n\nArbetsgruppen ska rapportera till nämnden sista "
                        "torsdagen i månaden.\n")
    assert d.deadlines == []


def test_a_styrdokument_states_when_it_expires_and_when_it_is_due_for_revision() -> None:
    """(12) 'gäller till' ends a document's validity; 'senast' opening a bare year makes it due by that year."""
    d = kdextract.parse(MEMO_AUTUMN + "Policyn gäller till 2027-06-30.\n")
    assert [(x.kind, x.value) for x in d.deadlines] == [("expires", "2027-06-30")]
    d = kdextract.parse(MEMO_AUTUMN + "Planen ska ses över senast 2028.\n")
    assert [(x.kind, x.value) for x in d.deadlines] == [("due", "2028")]


def test_a_cancelled_meeting_is_no_meeting_to_come() -> None:
    d = kdextract.parse(MEMO_AUTUMN + "Sammanträdet den 12 november ställs in.\n")
    assert d.deadlines == []
