"""Decisions, meetings and attendance in shapes read wrong before gaps36: a decision's outcome where it answers a
motion, strikes a matter off, repeals an earlier decision or sets up a group; a role line ("Antecknare: …") after the
list of the absent. Fixtures in our own words."""

from __future__ import annotations

import pytest

import kdextract


def _outcomes(text: str) -> list[str | None]:
    return [d.outcome for d in kdextract.parse(text, ner=False).decisions]


def _minutes(decision: str) -> str:
    return (f"PROTOKOLL\nKultur- och fritidsnämnden\nSammanträdesdatum 2031-09-16\n\n§ 41 Ärendet\n\nBeslut\n\n"
            f"{decision}\n")


# -- decision outcomes -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("decision", "outcome"), [
    ("Nämnden beslutar att anse medborgarförslaget om utegym besvarat.", "answered"),
    ("Interpellationen förklaras besvarad.", "answered"),
    ("Nämnden beslutar att besvara motionen med förvaltningens yttrande.", "answered"),
    ("Nämnden beslutar att avskriva ärendet från vidare handläggning.", "written_off"),
    ("Ansökan skrivs av då sökanden har dragit tillbaka den.", "written_off"),
    ("Nämnden beslutar att upphäva sitt beslut 2029-03-02 § 17 om avgifter.", "repealed"),
    ("Nämnden beslutar att riktlinjen för lokalbokning upphör att gälla vid årsskiftet.", "repealed"),
    ("Nämnden beslutar att tillsätta en referensgrupp för ridhusets ombyggnad.", "appointed"),
    ("Nämnden beslutar att inrätta ett tillfälligt ungdomsråd.", "appointed"),
])
def test_a_decision_names_what_it_did_with_the_matter(decision: str, outcome: str) -> None:
    assert _outcomes(_minutes(decision)) == [outcome]


@pytest.mark.parametrize(("decision", "outcome"), [
    ("Nämnden beslutar att avslå motionen.", "rejected"),
    ("Nämnden beslutar att bifalla motionen.", "approved"),
    ("Nämnden beslutar att bifalla motionen och därmed anse den besvarad.", "approved"),
    ("Nämnden beslutar att avslå motionen och anse den besvarad.", "rejected"),
])
def test_an_answer_to_a_motion_that_grants_or_refuses_it_keeps_that_outcome(decision: str, outcome: str) -> None:
    assert _outcomes(_minutes(decision)) == [outcome]


def test_an_appointee_named_is_still_elected() -> None:
    assert _outcomes(_minutes("Nämnden utser Mira Dahlgren till ordförande i referensgruppen.")) == ["elected"]


# -- attendance: a role line after the absent --------------------------------------------------------------------

def _attendees(text: str) -> dict[str, tuple[str, str | None]]:
    meeting = kdextract.parse(text, ner=False).meetings[0]
    return {a.name: (a.category, a.role) for a in meeting.attendees}


def test_a_note_taker_after_the_absent_is_no_absentee() -> None:
    text = ("Minnesanteckningar\nDatum: 2031-10-02\nDeltagare: Tove Lindqvist, Hampus Ek, Sara Wiklund\n"
            "Frånvarande:\nIbrahim Osman\nKarl Nyström\nAntecknare: Elin Strömberg\n\n1. Inledning\n")
    people = _attendees(text)
    assert people["Karl Nyström"] == ("absent", None)
    assert people["Elin Strömberg"] == ("official", "antecknare")


def test_a_role_line_names_the_role_of_the_person_after_it_not_before() -> None:
    text = ("Anteckningar från arbetsplatsträff\n2031-10-02\nNärvarande: Tove Lindqvist, Hampus Ek, Sara Wiklund\n"
            "Frånvarande: Ibrahim Osman, Karl Nyström\nMötesordförande: Sara Wiklund\n"
            "Mötessekreterare: Elin Strömberg\nVid pennan: Jonas Berg\n\n1. Inledning\n")
    people = _attendees(text)
    assert people["Karl Nyström"] == ("absent", None)
    assert people["Sara Wiklund"] == ("member", "mötesordförande")
    assert people["Elin Strömberg"] == ("official", "mötessekreterare")
    assert people["Jonas Berg"] == ("official", "sekreterare")


# -- amounts: a rate per two units ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "per"), [
    ("Lägerbidraget är 275 kr per deltagare och dygn.", "deltagare/day"),
    ("Hyran för ishallen blir 1 450 kr per timme.", "hour"),
    ("Materialavgiften är 120 kr/elev/läsår.", "elev/läsår"),
    ("Föreningen får 60 kr per medlem i månaden.", "medlem/month"),
])
def test_a_rate_keeps_both_of_its_units(text: str, per: str) -> None:
    assert [a.per for a in kdextract.find_amounts(text)] == [per]


def test_a_second_amount_after_och_is_no_second_unit() -> None:
    text = "Avgiften är 80 kr per barn och 40 kr per syskon."
    assert [a.per for a in kdextract.find_amounts(text)] == ["barn", None]


# -- meetings: two protocols in one file, the meeting a notice calls -----------------------------------------------

_TWO_PROTOCOLS = (
    "PROTOKOLL\nKommunstyrelsens arbetsutskott\nSammanträdesdatum 2031-11-04\n"
    "Plats och tid Stadshuset, rum Ljusnan, kl. 08.15-09.40\n"
    "Beslutande Mona Sjöberg (S), ordförande\nKevin Åberg (M)\nNadia Haddad (C)\n"
    "Övriga deltagare Greta Holmgren, kommundirektör\n\n"
    "§ 3 Skolskjutsar\n\nBeslut\n\nArbetsutskottet föreslår kommunstyrelsen att godkänna riktlinjen.\n\n"
    "PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2031-11-18\n"
    "Plats och tid Stadshuset, sessionssalen, kl. 13.00-15.10\n"
    "Beslutande Mona Sjöberg (S), ordförande\nKevin Åberg (M)\nPia Lundmark (V)\n"
    "Övriga deltagare Greta Holmgren, kommundirektör\n\n"
    "§ 12 Skolskjutsar\n\nBeslut\n\nKommunstyrelsen godkänner riktlinjen.\n")


def test_a_file_of_two_protocols_gives_two_meetings() -> None:
    doc = kdextract.parse(_TWO_PROTOCOLS, ner=False)
    assert [(m.body, m.day.isoformat() if m.day else None, m.place) for m in doc.meetings] == [
        ("Kommunstyrelsens arbetsutskott", "2031-11-04", "Stadshuset, rum Ljusnan"),
        ("Kommunstyrelsen", "2031-11-18", "Stadshuset, sessionssalen"),
    ]
    first, second = ([a.name for a in m.attendees] for m in doc.meetings)
    assert "Nadia Haddad" in first and "Pia Lundmark" not in first
    assert "Pia Lundmark" in second and "Nadia Haddad" not in second
    ids = [a.id for m in doc.meetings for a in m.attendees]
    assert len(ids) == len(set(ids)) and len({m.id for m in doc.meetings}) == 2
    assert doc.meta.body == "Kommunstyrelsens arbetsutskott"


def test_a_protocol_that_repeats_its_day_in_the_page_header_is_one_meeting() -> None:
    text = ("PROTOKOLL\nMiljönämnden\nSammanträdesdatum 2031-05-06\nPlats och tid Kommunhuset kl. 09.00-12.00\n"
            "Beslutande Ali Karimi (S), ordförande\nLinnea Falk (M)\n\n§ 7 Tillsyn\n\nNämnden godkänner planen.\n"
            "\fMiljönämnden\nSammanträdesdatum 2031-05-06\n\n§ 8 Avgifter\n\nNämnden godkänner taxan.\n")
    assert len(kdextract.parse(text, ner=False).meetings) == 1


@pytest.mark.parametrize(("head", "place"), [
    ("Tid: Torsdagen den 4 december 2031 kl. 18.30\nPlats: Folkets hus, stora salen", "Folkets hus, stora salen"),
    ("Tid och plats: 2031-12-04 kl. 18.30, Folkets hus", "Folkets hus"),
])
def test_a_notice_gives_the_meeting_it_calls_as_planned(head: str, place: str) -> None:
    text = f"KALLELSE\nKultur- och fritidsnämnden\n\n{head}\n\nÄrenden\n1. Val av justerare\n2. Budget 2032\n"
    meetings = kdextract.parse(text, ner=False).meetings
    assert [(m.status, m.date, m.place, m.body) for m in meetings] == [
        ("planned", "2031-12-04T18:30", place, "Kultur- och fritidsnämnden")]


def test_minutes_record_a_meeting_held() -> None:
    text = ("Minnesanteckningar\nDatum: 2031-10-02\nPlats: Biblioteket\nDeltagare: Tove Lindqvist, Hampus Ek\n\n"
            "1. Inledning\n")
    assert [m.status for m in kdextract.parse(text, ner=False).meetings] == ["held"]


def test_a_clock_time_before_the_day_before_the_meeting_counts_no_days() -> None:
    """A notice now has its meeting's day; 'kl. 12.00 dagen före' is not twelve days before it."""
    text = ("KALLELSE\nTekniska nämnden\n\nTid: Tisdagen den 9 december 2031 kl. 13.00\nPlats: Kommunhuset\n\n"
            "Förhinder anmäls till sekreteraren senast kl. 12.00\ndagen före sammanträdet.\n")
    doc = kdextract.parse(text, ner=False)
    assert [m.date for m in doc.meetings] == ["2031-12-09T13:00"]
    assert "2031-11-27" not in [d.value for d in doc.dates]
