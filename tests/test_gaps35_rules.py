"""gaps35: dates and deadlines in shapes that were misread — English dates quoted in Swedish text, a span from a
week to a day, days counted from a dated event, the reference of an undated note, a genitive season, a bulleted
task, a moved event, a member's motion and a matter tabled to a later day."""

from __future__ import annotations

import datetime as dt

import pytest

from kdextract import find_dates
from kdextract.api import parse
from kdextract.parsers.dates.event_relative import find_event_relative

FEB = dt.date(2025, 2, 10)


def _memo(body: str, day: str = "2025-02-10") -> str:
    return f"Västerby kommun\nTJÄNSTESKRIVELSE\nDatum: {day}\n\nÄrende\n\n{body}\n\nLena Sandberg\nutredare\n"


def _deadlines(text: str) -> list[tuple[str, str]]:
    return [(d.value, d.kind) for d in parse(text).deadlines]


# -- 1. English dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("Avtalet undertecknades 12 March 2025 i Bryssel.", "12 March 2025", "2025-03-12"),
    ("The call closes March 12, 2025 at noon.", "March 12, 2025", "2025-03-12"),
    ("Ansökan ska vara inne the 12th of March.", "the 12th of March", "2025-03-12"),
    ("Workshopen hålls 3rd of June i Lund.", "3rd of June", "2025-06-03"),
    ("Rapporten publicerades July 4 2025.", "July 4 2025", "2025-07-04"),
])
def test_english_dates_are_read_with_offsets_timex_and_day(sentence: str, text: str, value: str) -> None:
    found = find_dates(sentence, reference=FEB)
    assert [(m.text, m.value) for m in found] == [(text, value)]
    m = found[0]
    assert sentence[m.start:m.end] == text and m.day == dt.date.fromisoformat(value)
    assert m.source.name in ("dates/english_day_month", "dates/english_month_day")


@pytest.mark.parametrize("sentence", [
    "Ni may 12 gånger fråga.",  # lower case: no English month
    "Vi ses 12 may.",  # English writes the month capitalised
    "i november 12 personer",  # a Swedish month and a count
])
def test_no_english_date_without_its_shape(sentence: str) -> None:
    assert not [m for m in find_dates(sentence, reference=FEB) if m.source.name.startswith("dates/english")]


def test_a_swedish_month_stays_the_swedish_rules_without_an_english_mark() -> None:
    assert [(m.text, m.source.name) for m in find_dates("Den 12 november 2025 hålls mötet.", reference=FEB)] == [
        ("Den 12 november 2025", "dates/day_month")]
    assert [m.value for m in find_dates("senast the 3rd of November 2025", reference=FEB)] == ["2025-11-03"]


def test_parse_reads_an_english_date_in_a_memo() -> None:
    doc = parse(_memo("Bidraget från fonden betalas ut 14 April 2025 enligt beslutet."))
    assert ("14 April 2025", "2025-04-14") in [(d.text, d.value) for d in doc.dates]


# -- 2. from a week to a day ------------------------------------------------------------------------------

def test_a_span_from_a_week_to_a_day() -> None:
    found = find_dates("Vägen är avstängd från vecka 3 till den 5 maj 2025.", reference=FEB)
    assert [(m.text, m.value, m.end_day) for m in found] == [
        ("vecka 3 till den 5 maj 2025", "2025-W03/2025-05-05", dt.date(2025, 5, 5))]


def test_a_week_before_new_year_to_a_day_in_january() -> None:
    found = find_dates("Kontoret håller stängt v. 50 – 10 januari.", reference=dt.date(2024, 11, 20))
    assert [m.value for m in found] == ["2024-W50/2025-01-10"]


def test_a_week_after_the_day_is_no_span() -> None:
    assert [m.value for m in find_dates("vecka 20 till den 5 maj", reference=FEB)] == ["2025-W20", "2025-05-05"]


# -- 3. days counted from a dated event --------------------------------------------------------------------

def test_the_parser_finds_a_count_from_a_dated_event_only_when_asked() -> None:
    sentence = "Handlingarna publiceras senast fem dagar före mötet den 14 mars."
    assert find_event_relative(sentence) == []
    found = find_event_relative(sentence, dated=True)
    assert [(e.text, e.count, e.unit) for e in found] == [("fem dagar före mötet", -5, "day")]
    assert sentence[found[0].date_at:].startswith("14 mars")


@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("Handlingarna publiceras senast fem dagar före mötet den 14 mars.", "fem dagar före mötet", "2025-03-09"),
    ("Yttrandet lämnas tre veckor före sammanträdet den 14 mars.", "tre veckor före sammanträdet", "2025-02-21"),
    ("Protokollet justeras två dagar efter sammanträdet den 14 mars.", "två dagar efter sammanträdet", "2025-03-16"),
    ("Synpunkter lämnas senast tio dagar innan mötet, den 2025-03-14.", "tio dagar innan mötet", "2025-03-04"),
])
def test_a_count_from_a_dated_event_is_the_deadline(sentence: str, text: str, value: str) -> None:
    doc = parse(_memo(sentence))
    assert (text, value) in [(d.text, d.value) for d in doc.dates]
    assert [d.value for d in doc.deadlines] == [value]  # the meeting's own date is when it is held, nothing due


# -- 4. the reference of an undated note -------------------------------------------------------------------

def test_a_date_in_a_sentence_of_an_undated_note_gives_its_month_not_a_day() -> None:
    doc = parse("Anteckning\n\nSkolan invigdes 12 augusti 1998. Nästa vecka kommer inspektörer. "
                "Svar senast den 3 maj.\n")
    values = {d.text: d.value for d in doc.dates}
    assert "Nästa vecka" not in values  # no day of writing to count a week from
    assert values["den 3 maj"] == "1998-05-03"  # the year is still the best guess
    why = next(d.source.explanation for d in doc.dates if d.text == "den 3 maj")
    assert "the month of the first full date in the text" in why


def test_a_date_line_of_an_undated_note_still_gives_the_day() -> None:
    doc = parse("Anteckning\nVästerby 12 augusti 2025\n\nNästa vecka kommer inspektörer.\n")
    assert [d.value for d in doc.dates if d.text == "Nästa vecka"] == ["2025-W34"]


# -- 5. a genitive season, a bulleted task, a moved event --------------------------------------------------

@pytest.mark.parametrize(("sentence", "reference", "value"), [
    ("Nämnden får en redovisning av sommarens verksamhet.", dt.date(2025, 10, 14), "2025-SU"),  # just over
    ("Nämnden får en redovisning av sommarens verksamhet.", dt.date(2025, 4, 2), "2025-SU"),  # the coming one
    ("Sommarens badvakter ska rekryteras tidigt.", dt.date(2025, 10, 14), "2026-SU"),  # a future word: coming
    ("Höstens budgetarbete", dt.date(2026, 1, 20), "2025-FA"),
    ("Höstens budgetarbete", dt.date(2026, 4, 20), "2026-FA"),  # as near either way: the coming one
])
def test_a_genitive_season_is_the_nearest(sentence: str, reference: dt.date, value: str) -> None:
    assert [m.value for m in find_dates(sentence, reference=reference)] == [value]


def test_a_bulleted_task_ending_in_a_week_is_a_deadline() -> None:
    text = _memo("Att göra:\n– Remissvar till regionen v. 12\n– Budgetunderlag till ekonomienheten den 14 mars")
    assert _deadlines(text) == [("2025-W12", "planned"), ("2025-03-14", "planned")]


def test_a_bulleted_task_that_is_over_is_none() -> None:
    assert _deadlines(_memo("Gjort:\n– Remissvar till regionen v. 3")) == []


def test_a_moved_event_is_planned_on_its_new_date() -> None:
    assert _deadlines(_memo("Informationsmötet sker i stället i oktober.")) == [("2025-10", "planned")]
    assert _deadlines(_memo("Inflyttningen sker i maj i stället för i mars.")) == [("2025-05", "planned")]
    # the phrase wrapped, its last word read as the date's preposition ("för Q4 2025")
    assert _deadlines(_memo("Driftstarten sker Q1 2026 i\n  stället för Q4 2025.")) == [("2026-Q1", "planned")]


# -- 6. a motion, a tabled matter --------------------------------------------------------------------------

def test_a_motion_dates_no_deadline() -> None:
    doc = parse(_memo("Lars Holm (L) yrkar att ärendet skjuts upp till 2028."))
    assert [d.value for d in doc.dates if d.text.endswith("2028")] == ["2028"]
    assert doc.deadlines == []


def test_a_claim_is_no_motion() -> None:
    assert [v for v, _ in _deadlines(_memo("Bolaget yrkar på en höjning med 3 procent från den 1 januari 2026."))] \
        == ["2026-01-01"]


def test_a_matter_tabled_to_a_day_is_planned_then() -> None:
    assert _deadlines(_memo("Ärendet bordläggs till den 12 juni.")) == [("2025-06-12", "planned")]
