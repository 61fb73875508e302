"""Rules found missing by held-out batch 22 (tests/data/own_corpus22), each in our own words: a comparison
("en månad senare än planerat") is no date; a school holiday with its year is a season; a form feed stays a page
break, whose running header with a "Sida 2 av 4" counter and whose footer are furniture, and a sentence runs on
across it."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract
from kdextract.layout.pages import header_key, running_header_edits
from kdextract.text.normalize import normalize
from kdextract.text.sentences import sentence_spans

DAY = dt.date(2027, 3, 4)


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in kdextract.find_dates(text, reference=DAY)]


@pytest.mark.parametrize("text", [
    "Ombyggnaden av simhallen blev klar en månad senare än planerat.",
    "Bron öppnades två veckor tidigare än beräknat.",
])
def test_a_comparison_of_units_is_no_date(text: str) -> None:
    assert _dates(text) == []


def test_units_later_without_a_comparison_stay_a_date() -> None:
    assert _dates("Beslutet överklagades och prövades ett år senare.") == [("ett år senare", "2028-03")]


def test_a_summer_holiday_with_its_year_is_the_summer() -> None:
    assert _dates("Målningen av skolan görs under sommarlovet 2028.") == [("under sommarlovet 2028", "2028-SU")]


def test_a_summer_holiday_without_a_year_is_every_summer() -> None:
    assert _dates("Fritidsgården har öppet under sommarlovet för alla elever.") == []


def test_a_form_feed_stays_a_page_break_on_a_line_of_its_own() -> None:
    view = normalize("sista raden på sidan\n\x0cSJÖBACKA KOMMUN  PROTOKOLL  Sida 2 av 4\nnästa sida\n")
    assert view.text == "sista raden på sidan\n\x0c\nSJÖBACKA KOMMUN  PROTOKOLL  Sida 2 av 4\nnästa sida\n"


def test_a_sida_av_counter_is_no_part_of_the_running_header() -> None:
    assert header_key("SJÖBACKA KOMMUN   PROTOKOLL   Sida 2 av 4") == header_key("Sjöbacka kommun   Protokoll   sida 3/4")


PAGES = ("SJÖBACKA KOMMUN        PROTOKOLL        Sida 1 av 2\n"
         "Miljönämnden           2027-03-04\n\n"
         "§ 20  Tillsyn av cisterner\n\n"
         "Ärendebeskrivning\n"
         "Förvaltningen har inventerat oljecisterner i kommunens norra delar och\n"
         "funnit att fyra av dem saknar godkänd kontroll. Den nya rutinen för tillsyn ska\n\n"
         "Justerare sign  ______        Utdragsbestyrkande  ______\n"
         "\x0cSJÖBACKA KOMMUN        PROTOKOLL        Sida 2 av 2\n"
         "Miljönämnden           2027-03-04\n\n"
         "gälla från den 1 juni 2027.\n\n"
         "Beslut\n"
         "Miljönämnden godkänner rutinen.\n\n"
         "Justerare sign  ______        Utdragsbestyrkande  ______\n")


def test_the_running_header_and_the_first_pages_footer_are_blanked() -> None:
    text = normalize(PAGES).text
    blanked = {text[s:e] for s, e, _, _ in running_header_edits(text)}
    assert "SJÖBACKA KOMMUN        PROTOKOLL        Sida 2 av 2" in blanked
    assert sum(text[s:e].startswith("Justerare sign") for s, e, _, _ in running_header_edits(text)) == 2


def test_a_sentence_runs_on_across_a_page_break() -> None:
    text = "Den nya rutinen ska\n\n\x0c\n\ngälla från den 1 juni. Nästa mening."
    assert [text[s:e] for s, e in sentence_spans(text)] == [text[:-14], "Nästa mening."]


def test_a_deadline_cut_by_a_page_break_keeps_what_is_due() -> None:
    deadlines = kdextract.parse(PAGES).deadlines
    assert [(d.value, "rutin" in d.what.casefold()) for d in deadlines] == [("2027-06-01", True)]


AGREED = ("SJÖBACKA ENERGI AB\nProtokoll fört vid styrelsesammanträde\nDatum: 2027-03-04\n\n"
          "§ 4  Fjärrvärmepriser\n"
          "Bolaget och kundföreningen har kommit överens om en sänkning med två procent från den 1 juli 2027.\n\n"
          "§ 5  Personal\n"
          "Driftteknikern har varit tjänstledig från den 1 februari 2027.\n")


def test_a_start_day_after_the_document_is_due_though_the_agreement_is_past() -> None:
    deadlines = kdextract.parse(AGREED).deadlines
    assert [(d.value, "sänkning" in d.what) for d in deadlines] == [("2027-07-01", True)]


@pytest.mark.parametrize(("text", "want"), [
    ("Projektet får stöd under 2028 och 2029.", [("under 2028 och 2029", "2028/2029")]),
    ("Ramen gäller för 2028 och 2029.", [("för 2028 och 2029", "2028/2029")]),
    ("Mätningar gjordes under 2024 och 2027.", [("under 2024", "2024"), ("2027", "2027")]),
])
def test_two_years_in_a_row_after_under_are_one_period(text: str, want: list[tuple[str, str]]) -> None:
    assert _dates(text) == want
