"""Misfires of this round's new rules found by a review of the merged change, each in our own words."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.parsers.dates import find_dates

MEMO = "Miljö- och byggnämnden\nTjänsteskrivelse 2027-02-01\n\n"
MINUTES = "Protokoll\n\nKommunfullmäktige 2027-01-20\n\n§ 6 Motion om cykelbanor\n\n"


def _kinds(sentence: str) -> list[str]:
    return [d.kind for d in kdextract.parse(MEMO + sentence + "\n", ner=False).deadlines]


@pytest.mark.parametrize("sentence", [
    "En ansökan som inte är fullständig ska kompletteras före den 15 mars 2027.",
    "Om styrelsen inte tar ställning före den 15 mars 2027 faller erbjudandet.",
])
def test_a_negation_further_back_leaves_a_due_date_due(sentence: str) -> None:
    assert _kinds(sentence) == ["due"]


@pytest.mark.parametrize("sentence", [
    "Rivningen kan inte påbörjas före den 15 mars 2027.",
    "Schaktningen får ej starta före den 15 mars 2027.",
])
def test_a_negated_verb_right_before_fore_is_an_earliest_start(sentence: str) -> None:
    assert _kinds(sentence) == ["starts"]


@pytest.mark.parametrize("sentence", [
    "Miljöpartiet de gröna i Ekby (MP) yrkar bifall till motionen.",
    "Kristdemokraterna Ekby (KD) reserverar sig mot beslutet.",
    "Centerpartiet Norrby (C) yrkar avslag.",
])
def test_a_party_speaking_through_its_group_is_no_person(sentence: str) -> None:
    assert kdextract.parse(MINUTES + sentence + "\n", ner=False).people == []


def test_a_member_before_the_party_is_still_a_person() -> None:
    people = kdextract.parse(MINUTES + "Ilona Varga (S) yrkar bifall till motionen.\n", ner=False).people
    assert [p.name for p in people] == ["Ilona Varga"]


@pytest.mark.parametrize("sentence", [
    "Styrelsen gick igenom punkt 4 och 11 juni i tur och ordning.",
    "Kostnaden steg med 6 och 14 juni kom fakturan.",
    "De var 9 och den 16 juni anslöt resten.",
])
def test_a_number_before_and_and_a_day_is_no_listed_day(sentence: str) -> None:
    assert len(find_dates(sentence, reference="2027-02-01")) == 1


@pytest.mark.parametrize(("sentence", "days"), [
    ("Styrgruppen träffas den 4 och 11 juni.", ["2027-06-04", "2027-06-11"]),
    ("Mötesdagar: 4 och 11 juni.", ["2027-06-04", "2027-06-11"]),
    ("Kurserna ges 4, 11 och 18 juni.", ["2027-06-04", "2027-06-11", "2027-06-18"]),
])
def test_days_that_read_as_a_list_still_are_one(sentence: str, days: list[str]) -> None:
    assert [m.value for m in find_dates(sentence, reference="2027-02-01")] == days


def test_greater_than_signs_before_numbers_are_no_quote_markers() -> None:
    text = ("Tjänsteskrivelse\n\nDatum: 2027-02-01\n\nBakgrund\n\nAndelen hushåll med en hyra > 9 000 kr steg under "
            "året i alla stadsdelar, andelen > 7 000 kr sjönk något jämfört med året innan, och andelen > 5 000 kr låg "
            "still.\n")
    assert [s.title for s in kdextract.parse(text, ner=False).sections] == ["Bakgrund"]


@pytest.mark.parametrize("sentence", ["Biblioteket håller stängt vecka 30 och 4 anställda går på kurs.",
                                      "Provtagningen sker vecka 20 till 3 gånger i veckan."])
def test_a_smaller_number_after_a_mid_year_week_is_no_week_over_new_year(sentence: str) -> None:
    assert not any("/" in m.value for m in find_dates(sentence, reference="2027-02-01"))


def test_a_week_range_over_new_year_is_still_read() -> None:
    assert [m.value for m in find_dates("Kontoret är stängt vecka 51–1.", reference="2027-02-01")] == [
        "2026-W51/2027-W01"]


def test_a_season_before_an_estimate_stays_a_planned_date() -> None:
    assert _kinds("Utbyggnaden av förskolan våren 2028 beräknas bli klar enligt plan.") == ["planned"]


def test_a_start_compound_dates_a_start_no_meeting() -> None:
    (deadline,) = kdextract.parse(MEMO + "• Skolstart den 12 april 2027, efter tjälen.\n", ner=False).deadlines
    assert (deadline.kind, deadline.what) == ("starts", "Skolstart")


def test_the_period_a_sum_belongs_to_is_no_rate() -> None:
    text = MEMO + "Intäkterna ökade med 150 000 kr i året som gick. Hyran är 4 500 kr i månaden.\n"
    assert [(a.text, a.per) for a in kdextract.parse(text, ner=False).amounts] == [("150 000 kr", None),
                                                                                  ("4 500 kr", "month")]
