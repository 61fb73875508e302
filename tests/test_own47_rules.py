"""Rules found missing by held-out batch 47 (tests/data/own_corpus47, documents full of actors from outside the
municipality), each in our own words: names printed surname first or with an initial (after a label, with a given
name before it), titles of universities and ministries, a past reporting verb after a name in -s, a board named in
a letterhead's second column, a parish, a ministry of two fields, a council named with its member municipalities,
an agreement on a thing, and an invitation to a dated event."""

from __future__ import annotations

import kdextract


def _people(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in kdextract.parse(text).people}


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text).organisations]


# -- people ---------------------------------------------------------------------------------------------------

def test_surname_in_capitals_before_the_given_name() -> None:
    text = ("Minnesanteckningar 2027-02-03\n\nNärvarande\nEkby kommun: HOLMFRID Anna, rektor\n"
            "Åsby kommun: TORNVIK Per, skolchef\n\nMötet gick igenom höstens planering.\n")
    people = _people(text)
    assert people.get("HOLMFRID Anna") == "rektor"
    assert people.get("TORNVIK Per") == "skolchef"


def test_capitals_before_a_full_name_are_no_surname() -> None:
    text = "PROTOKOLL Anna Holmfrid, ordförande\n\nNämnden godkände rapporten.\n"
    assert "PROTOKOLL Anna" not in _people(text)


def test_an_initialled_name_after_a_label() -> None:
    text = ("Minnesanteckningar 2027-02-03\n\nNärvarande\nFöreningen Björkdalens Vänner: K. Holmfrid\n"
            "Hyresgästföreningen: B. Lindgårdh\n\nMötet gick igenom höstens planering.\n")
    people = _people(text)
    assert "K. Holmfrid" in people and "B. Lindgårdh" in people


def test_a_given_name_before_an_initial() -> None:
    text = "Protokoll 2027-02-03\n\nVid mötet redogjorde Anna K. Holmfrid för hur arbetet fortskrider.\n"
    assert "Anna K. Holmfrid" in _people(text)


def test_titles_of_universities_and_ministries() -> None:
    text = ("Rapport 2027-02-03\n\nVi träffade universitetslektor K. Holmfrid och departementsrådet B. Lindgårdh "
            "om den nya utbildningen.\n")
    people = _people(text)
    assert people.get("K. Holmfrid") == "universitetslektor"
    assert people.get("B. Lindgårdh") == "departementsråd"
    assert "departementsrådet" not in [o.casefold() for o in _orgs(text)]


def test_a_past_reporting_verb_after_a_name_in_s_is_no_genitive() -> None:
    text = ("Minnesanteckningar 2027-02-03\n\nNärvarande: Karin Stenbackens, Per Tornvik\n\n"
            "Karin Lindfors presenterade en enkät om elevernas skolväg. Per Tornvik redovisade kostnaderna.\n")
    assert "Karin Lindfors" in _people(text)


# -- organisations ----------------------------------------------------------------------------------------------

def test_a_board_alone_in_the_second_column_of_a_letterhead() -> None:
    text = ("GRANLUNDA VATTENFÖRBUND\nMedlemmar: Ekby och Åsby\nPROTOKOLL                     Direktionen\n"
            "Sammanträdesdatum 2027-02-03\n\n§ 4 Taxa 2028\nDirektionen beslutar att anta taxan.\n")
    assert "Direktionen" in _orgs(text)


def test_a_parish_named_for_its_place() -> None:
    text = "Tjänsteskrivelse 2027-02-03\n\nTeorin hålls i lokaler som Granlunda församling lånar ut.\n"
    assert "Granlunda församling" in _orgs(text)


def test_a_ministry_of_two_coordinated_fields() -> None:
    text = "Rapport 2027-02-03\n\nVi besökte Miljö- och näringsdepartementet om bidragen till vägarna.\n"
    orgs = _orgs(text)
    assert "Miljö- och näringsdepartementet" in orgs
    assert "näringsdepartementet" not in orgs


def test_a_council_named_with_its_member_municipalities() -> None:
    text = ("Minnesanteckningar 2027-02-03\n\nSamverkansgruppen för skolfrågor Mora–Orsa–Älvdalen\n\n"
            "Gruppen gick igenom höstens planering.\n")
    assert "Samverkansgruppen för skolfrågor Mora–Orsa–Älvdalen" in _orgs(text)


# -- decisions and deadlines ------------------------------------------------------------------------------------

def test_agreeing_on_a_thing_is_a_decision() -> None:
    text = ("Kommunchefens rapport 2027-02-03\n\nSkolfrågor\nRektorerna i de tre kommunerna enades om en gemensam "
            "läsårsplanering för gymnasiet.\n")
    assert any("enades om en gemensam läsårsplanering" in d.text for d in kdextract.parse(text).decisions)


def test_an_invitation_to_a_later_event_plans_it() -> None:
    text = ("Kommunchefens rapport 2027-02-03\n\nRegionen\nLänsstyrelsen har bjudit in till en workshop om "
            "vattenförsörjning den 4 maj i Granlunda.\n")
    found = [(d.value, d.what) for d in kdextract.parse(text).deadlines]
    assert any(v == "2027-05-04" and "workshop" in (w or "") for v, w in found), found


def test_an_invitation_to_a_past_event_plans_nothing() -> None:
    text = ("Kommunchefens rapport 2027-02-03\n\nRegionen\nLänsstyrelsen bjöd in till en workshop om "
            "vattenförsörjning den 14 januari i Granlunda.\n")
    assert not kdextract.parse(text).deadlines
