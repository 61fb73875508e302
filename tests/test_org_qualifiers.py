"""A body's name that goes on with an acronym of its area (sentences written for these tests)."""

from __future__ import annotations

from kdextract.records.organisations import organisations_in


def _names(text: str) -> dict[str, list[str]]:
    return {o.name: o.aliases for o in organisations_in(text)}


def test_a_council_named_with_its_area_acronym() -> None:
    names = _names("Pensionärsrådet KPR sammanträdde i Vretby. Nästa gång träffas pensionärsrådet KPR i maj.\n")
    assert "Pensionärsrådet KPR" in names
    assert "Pensionärsrådet" not in names


def test_a_council_named_with_its_acronym_at_a_line_end() -> None:
    names = _names("Kopia till: Funktionshinderrådet KFR\nÄmne: Protokoll från mötet\n")
    assert "Funktionshinderrådet KFR" in names


def test_a_section_reference_and_a_lone_body_stay_apart() -> None:
    names = _names("Ärendet bereddes av arbetsutskottet. Kommunstyrelsen KS § 14 beslutade i frågan.\n")
    assert "Kommunstyrelsen" in names
    assert not any(n.endswith(" KS") for n in names)


def test_an_acronym_in_the_next_column_is_no_part_of_the_name() -> None:
    names = _names("Instans            Ansvarig\nByggnadsnämnden    PK\n")
    assert not any(n.endswith(" PK") for n in names)
