"""Findings of review 28 on people mended, each with its input in our own words: a company, unit or product joined
by "och" to a person is no person."""

from __future__ import annotations

import pytest

import kdextract


def _people(text: str, ner: bool = False) -> list[str]:
    return [p.name for p in kdextract.parse(text, ner=ner).people]


@pytest.mark.parametrize("other", ["Sjöby Hamn", "Lillby Taxi", "Procapita Support", "Sunnanby Fibernät",
                                   "Medvind Enterprise"])
def test_a_unit_joined_to_a_person_by_och_is_no_person(other: str) -> None:
    assert _people(f"Arbetet leds av Sofia Nyberg och {other} tillsammans.\n") == ["Sofia Nyberg"]


def test_a_person_with_an_unlisted_given_name_joined_by_och_stays_a_person() -> None:
    assert _people("Arbetet leds av Sofia Nyberg och Nhung Tran tillsammans.\n") == ["Sofia Nyberg", "Nhung Tran"]


_PROTOCOL = ("PROTOKOLL\nKulturnämnden\nSammanträdesdatum 2026-02-12\nPlats och tid: Kulturhuset, kl. 17.30-19.00\n\n"
             "Beslutande\nMaria Sund (S), ordförande\n{member} (V)\nOlle Kvist (M)\n\n"
             "§ 5 Bidrag\nNämnden beslutar att bevilja bidraget.\n")


@pytest.mark.parametrize("member", ["Samir al-Haddad", "Leila el-Sayed", "Karim Ben Hassan"])
def test_a_member_with_a_particle_or_a_given_name_last_is_an_attendee(member: str) -> None:
    doc = kdextract.parse(_PROTOCOL.format(member=member), ner=False)
    assert [a.name for m in doc.meetings for a in m.attendees] == ["Maria Sund", member, "Olle Kvist"]
    assert (member, "ledamot") in [(p.name, p.role) for p in doc.people]


@pytest.mark.parametrize("name", ["Maj Sandell", "Dag Sjöholm", "Maj Britt Sandell"])
def test_a_given_name_that_is_also_a_month_or_a_day_opens_a_name(name: str) -> None:
    text = f"Tjänsteskrivelse\n2026-01-20\n\nFrågan väcktes av {name} i höstas.\n\nKontakt: {name}, nämndsekreterare\n"
    assert [(p.name, p.role) for p in kdextract.parse(text, ner=False).people] == [(name, "nämndsekreterare")]


def test_a_month_before_a_place_is_no_given_name() -> None:
    assert _people("Ekby kommun\n\nMötet hålls den 3 Maj Stadshuset, sal 2, och den 7 Maj Biblioteket.\n") == []


@pytest.mark.parametrize("text", [
    "Kommundirektörens rapport\nApril 2026\n\nStadsmiljö\nStationsparken och Lillby Torg får ny belysning i sommar.\n",
    "Projektrapport\n\nDriftstart för Sjöby Connect sker i oktober. Projektledare är Maria Sund.\n",
    "Arbetet leds av Maria Sund och Sjöby Vatten tillsammans.\n"])
def test_a_units_or_a_places_two_word_name_from_the_model_is_no_person(text: str) -> None:
    assert [n for n in _people(text, ner=True) if n != "Maria Sund"] == []


def test_a_model_name_with_an_unlisted_given_name_and_a_common_surname_stays_a_person() -> None:
    text = ("Ärendelista\n\n  KS 26/101 Information om matsvinn i skolan, Pirjo Hammarberg\n"
            "  KS 26/102 Rapport om vägunderhåll, Aila Jonsson, Olle Berg\n")
    assert "Aila Jonsson" in _people(text, ner=True)


class _Ent:
    """A model's entity, as spaCy gives it."""

    def __init__(self, text: str, surface: str, label: str = "PER") -> None:
        self.start_char = text.index(surface)
        self.end_char = self.start_char + len(surface)
        self.label_ = label


class _ModelDoc:
    """The model's reading of a text: its entities only."""

    def __init__(self, ents: list[_Ent]) -> None:
        self.ents = ents


def test_no_model_name_crosses_a_column_gap() -> None:
    from kdextract.records.people import people_in

    row = "3. Ny idrottshall i Sjöby                 Jonas Ek, Fastighet\n"
    text = "Ärenden                                   Föredragande\n" + row
    people = people_in(text, _ModelDoc([_Ent(text, "Sjöby                 Jonas Ek")]))  # type: ignore[arg-type]
    assert [(p.name, p.text) for p in people] == [("Jonas Ek", "Jonas Ek")]


def test_members_written_in_capitals_are_people_and_attendees() -> None:
    text = ("PROTOKOLL\nMiljönämnden\nSammanträdesdatum 2026-03-18\nPlats och tid: Kommunhuset kl. 13.00-15.00\n\n"
            "Beslutande\nSARA NYSTRÖM (C), ordförande\nJOHAN BERG (S)\nLINDA HOLM (M)\n\n"
            "§ 8 Tillsynsplan\nNämnden beslutar att anta tillsynsplanen.\n")
    doc = kdextract.parse(text, ner=False)
    assert [a.name for m in doc.meetings for a in m.attendees] == ["Sara Nyström", "Johan Berg", "Linda Holm"]
    sara = doc.people[0]
    assert (sara.name, sara.role, sara.text) == ("Sara Nyström", "ordförande", "SARA NYSTRÖM")
    assert text[sara.start:sara.end] == "SARA NYSTRÖM"


def test_a_signature_in_capitals_over_a_title_names_the_author() -> None:
    text = "Tjänsteskrivelse\n2026-02-10\n\nVägunderhåll\n\nBakgrund\nUnderhållet fortsätter.\n\nOLLE SANDBERG\nGatuchef\n"
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.author == "Olle Sandberg"
    assert [(p.name, p.role) for p in doc.people] == [("Olle Sandberg", "Gatuchef")]


def test_a_heading_in_capitals_is_no_name() -> None:
    text = "Rapport\n\nPER CAPITA\nKostnaden per invånare steg.\n\nEKONOMI\nBudgeten håller.\n"
    assert _people(text) == []
    assert [e.reason for e in kdextract.parse(text, ner=False).edits if e.reason == "name in capitals"] == []


def test_a_table_header_in_capitals_with_a_comma_is_no_name() -> None:
    text = "Budget\n\nPER ÅR, TKR\nDriftkostnad 1 200\n"
    assert not any(e.reason == "name in capitals" for e in kdextract.parse(text, ner=False).edits)
    text = "Deltagare\nKARIN LIND, SOCIALCHEF\nPER HOLM, controller\n"
    assert [e.replacement for e in kdextract.parse(text, ner=False).edits if e.reason == "name in capitals"] == [
        "Karin Lind", "Per Holm"]


def test_a_model_entity_across_a_column_gap_names_no_place_without_a_given_name() -> None:
    from kdextract.records.people import people_in

    text = "2026-05-04   Serveringstillstånd, Lövnäs Gästgiveri      Beviljat\n"
    people = people_in(text, _ModelDoc([_Ent(text, "Lövnäs Gästgiveri      Beviljat")]))  # type: ignore[arg-type]
    assert people == []
