"""Names in attendance values of protocol forms: every shape a form or a flattened transcript leaves."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.records.attendance import entries_in
from kdextract.records.attendance_forms import form_entries


def people(value: str, category: str = "member") -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e.name, e.party, e.role, e.replaces) for e in entries_in(value, 0, len(value), category)]  # type: ignore[arg-type]


def names(value: str) -> list[str]:
    return [e.name for e in entries_in(value, 0, len(value), "member")]


@pytest.mark.parametrize("value, expected", [
    # party in brackets, the chair's role after a comma
    ("Ingrid Malm (C), ordförande Tove Ahlberg (M) Sune Lundh (V)",
     [("Ingrid Malm", "C", "ordförande", None), ("Tove Ahlberg", "M", None, None), ("Sune Lundh", "V", None, None)]),
    # party in lower case between commas, as older protocols write it
    ("Bengt Sjöö, s, ordförande Kajsa Tern, m, vice ordförande Leif Ros, c",
     [("Bengt Sjöö", "S", "ordförande", None), ("Kajsa Tern", "M", "vice ordförande", None), ("Leif Ros", "C", None, None)]),
    # a serving substitute and the member replaced, three ways of writing it
    ("Nils Gran (S) ersätter Åsa Vinge (S) Mira Ek (KD) tjg. för Olle Dahl (KD) Pia Ström (L) för Bo Ahl (L)",
     [("Nils Gran", "S", None, "Åsa Vinge"), ("Mira Ek", "KD", None, "Olle Dahl"), ("Pia Ström", "L", None, "Bo Ahl")]),
    # titles before the names
    ("Kommundirektör Åke Vall Ekonomichef Rut Sand Nämndsekreterare Dilan Aras",
     [("Åke Vall", None, "Kommundirektör", None), ("Rut Sand", None, "Ekonomichef", None),
      ("Dilan Aras", None, "Nämndsekreterare", None)]),
    # abbreviated roles and lower-case parties in brackets
    ("Lars Hed, ordf (c) Ann-Sofi Oja, v ordf (kd)",
     [("Lars Hed", "C", "ordförande", None), ("Ann-Sofi Oja", "KD", "vice ordförande", None)]),
])
def test_entries_with_party_role_and_substitution(value: str, expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    assert people(value) == expected


@pytest.mark.parametrize("value, expected", [
    # names side by side with nothing between them: given names tell where one ends
    ("Kristin Alm Gustav Berglöf Hanna Ryd Sven-Erik Wall", ["Kristin Alm", "Gustav Berglöf", "Hanna Ryd", "Sven-Erik Wall"]),
    # a double given name and a double surname
    ("Eva Maria Lindh Jonas Öst Ahlgren Karl Ek", ["Eva Maria Lindh", "Jonas Öst Ahlgren", "Karl Ek"]),
    # one person per line, the municipality after a comma
    ("Signe Dahl, Krokoms kommun\nTorbjörn Ask, Bergs kommun\nLinnea Fors, Ragunda", ["Signe Dahl", "Torbjörn Ask", "Linnea Fors"]),
    # a municipality written before the next name
    ("Henrik Sol, Timrå Ellen Brand, Sundsvall", ["Henrik Sol", "Ellen Brand"]),
    # the handläggare of a memo header, surname first
    ("Åberg Stina Lund Martin", ["Åberg Stina", "Lund Martin"]),
    # organisations and units after a comma are no names
    ("Frida Nord, utvecklare, Mittuniversitetet, Avdelning Kultur Petra Bäck, rektor", ["Frida Nord", "Petra Bäck"]),
    # a place named after a person is no attendee
    ("Eva Holms tjänsterum, våning 3", []),
    # an employer in brackets after a name is no part of it
    ("Maja Öhrn (Skatteverket), Leo Wik (Polisen)", ["Maja Öhrn", "Leo Wik"]),
    # what forms write instead of names
    ("Enligt särskild närvarolista", []),
    ("Vakant (M)", []),
    # a tab ends a name: the next column of a table ("Närvarande: Ja") is no part of it
    ("Tove Sand\tJa\nOmar Lind\tNej", ["Tove Sand", "Omar Lind"]),
    # a tab inside a name whose words came apart in the export does not end it
    ("Elin\tHolmqvist, Jonas Ek", ["Elin Holmqvist", "Jonas Ek"]),
    # so do three blanks: a table laid out with spaces ("Ledamot    Representerar")
    ("Vera Strand         Skatteverket\nPelle Ros            Kriminalvården", ["Vera Strand", "Pelle Ros"]),
])
def test_names_in_values(value: str, expected: list[str]) -> None:
    assert names(value) == expected


def test_serving_substitute_category_from_the_words() -> None:
    found = entries_in("Pål Ring (S) tjänstgörande ersättare för Ebba Tall (S)", 0, 52, "member")
    assert [(e.name, e.category, e.replaces) for e in found] == [("Pål Ring", "serving_substitute", "Ebba Tall")]


def test_form_entries_per_field_with_offsets() -> None:
    text = ("Plats och tid Medborgarhuset, Lilla salen, 2023-10-04 kl. 18.00-20.15\n"
            "Beslutande Rune Ståhl (S), ordförande Vera Lilja (M)\n"
            "Ej tjänstgörande ersättare Agda Björn (C)\n"
            "Utses att justera Vera Lilja\n"
            "Sekreterare Mona Engel\n")
    found = {f.label.label: [(e.name, e.category) for e in entries] for f, entries in form_entries(text)}
    assert found["Beslutande"] == [("Rune Ståhl", "member"), ("Vera Lilja", "member")]
    assert found["Ej tjänstgörande ersättare"] == [("Agda Björn", "substitute")]
    assert found["Sekreterare"] == [("Mona Engel", "other")]
    for _, entries in form_entries(text):
        for e in entries:
            assert text[e.start:e.end] == e.name


@pytest.mark.parametrize("value, expected", [
    # a flattened table row: the next row's first cell (a common noun) follows the name of the last column
    ("Rivning klar 2025-02-10 Jonas Wiklund Besiktning 2025-06-01", ["Jonas Wiklund"]),
    ("Sekreterare Lovisa Brandt Upphandling av skolskjuts", ["Lovisa Brandt"]),
    ("Maja Holmgren Verksamhetsplan 2026 antas", ["Maja Holmgren"]),
])
def test_a_capitalised_common_noun_after_a_name_is_not_its_surname(value: str, expected: list[str]) -> None:
    assert [e.name for e in entries_in(value, 0, len(value), "member")] == expected


def test_a_line_of_two_thousand_entries_set_apart_by_semicolons_is_read_entry_by_entry() -> None:
    names = [f"{given} {family}" for given in ("Eva", "Per", "Lena", "Nils", "Karin") for family in (
        "Ek", "Holm", "Lind", "Berg", "Dahl", "Sand", "Wik", "Ahl")]
    text = "Protokoll\n\nNärvarande: " + "; ".join(f"{names[i % len(names)]}, ledamot" for i in range(2000)) + "\n"
    found = {p.name: p.role for p in kdextract.parse(text, ner=False).people}
    assert found == dict.fromkeys(names, "ledamot")
