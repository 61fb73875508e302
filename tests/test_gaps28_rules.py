"""Batch 39's organisation and person gaps, in our own words: a company's name with "och" in it, a company form
wrapped onto the next line, an initial and a surname among people."""

from __future__ import annotations

import kdextract


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text).organisations]


def test_lines_of_business_joined_by_och_before_a_company_form_are_one_name() -> None:
    text = ("Kommunfullmäktige fastställer ägardirektiv för Åby Energi och Miljö AB.\n"
            "Borgen lämnas även för Ekby Vatten och Avlopp AB upp till 40 mnkr.\n")
    found = set(_orgs(text))
    assert {"Åby Energi och Miljö AB", "Ekby Vatten och Avlopp AB"} <= found
    assert not found & {"Miljö AB", "Avlopp AB", "Åby Energi", "Ekby Vatten"}


def test_a_company_of_a_municipality_with_och_in_its_name_is_one_name() -> None:
    # "Sala" is a municipality (and no common word): the owner of the company's name
    assert _orgs("Ägardirektiv för Sala Vatten och Värme AB\n") == ["Sala Vatten och Värme AB"]


def test_two_companies_joined_by_och_stay_two() -> None:
    text = "Avtal tecknas med Ekby Bygg AB och Åby Schakt AB om markarbetena.\n"
    assert set(_orgs(text)) == {"Ekby Bygg AB", "Åby Schakt AB"}


def test_a_company_form_on_the_next_line_joins_its_name() -> None:
    text = ("Verksamheten drivs sedan i fjol av Ekby Återbruk och Arbetsträning\n"
            "ek. för. med stöd av kommunen. Målningen görs av Åby Fasad och Färg\n"
            "AB under sommaren.\n")
    found = set(_orgs(text))
    assert {"Ekby Återbruk och Arbetsträning ek. för.", "Åby Fasad och Färg AB"} <= found


def test_a_form_opening_a_line_before_a_capitalised_name_stays_before_it() -> None:
    text = "Utförare är Ekby Måleri\nAB Åby Fasad levererar ställningarna.\n"
    assert "Ekby Måleri AB" not in _orgs(text)


def _people(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in kdextract.parse(text).people}


def test_an_initial_and_a_surname_with_a_title_in_brackets_is_a_person() -> None:
    text = ("Närvarande från förvaltningen: bygglovshandläggare Sara Nyqvist,\n"
            "T. Marjavaara (kartingenjör)\n\n"
            "T. Marjavaara återkommer med en ny karta.\n")
    assert _people(text).get("T. Marjavaara") == "kartingenjör"


def test_an_initial_and_a_surname_after_a_title_or_in_a_list_of_names_is_a_person() -> None:
    assert "R. Jääskö" in _people("Uppdraget leds av projektledare R. Jääskö från och med maj.\n")
    assert "R. Jääskö" in _people("Vid mötet deltog Lisa Wiklund, R. Jääskö och Per Holm.\n")


def test_a_lists_letter_before_a_common_word_is_no_person() -> None:
    text = "Bilagor\nA. Avtal (förslag)\nB. Budget, Lisa Wiklund och Per Holm\nC. Tidplan\n"
    assert not {"A. Avtal", "B. Budget", "C. Tidplan"} & set(_people(text))
