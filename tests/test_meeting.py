"""The Meeting record: the protocol form read into body, time, place, § range, adjustment, notice and attendance."""

from __future__ import annotations

import datetime as dt

import pytest
from protocol_fixtures import flattened, line_broken

import kdextract
from kdextract.models import Document, Meeting


def meeting_of(text: str) -> Meeting:
    doc = kdextract.parse(text, ner=False)
    assert len(doc.meetings) == 1
    return doc.meetings[0]


ATTENDANCE = [
    ("Gunilla Rask", "C", "member", "ordförande", None),
    ("Pontus Hed", "S", "member", "vice ordförande", None),
    ("Wilma Tornberg", "M", "member", "justerare", None),
    ("Arvid Lönn", "S", "serving_substitute", None, "Ronja Fält"),
    ("Ingvor Stam", "KD", "substitute", None, None),
    ("Lennart Kvist", None, "other", "kommundirektör", None),
    ("Sofie Brink", None, "other", "kommunsekreterare", None),
]


@pytest.mark.parametrize("text", [line_broken(), flattened()], ids=["line-broken", "flattened"])
def test_meeting_from_the_form(text: str) -> None:
    m = meeting_of(text)
    assert m.body == "Kommunstyrelsens arbetsutskott"
    assert (m.date, m.day) == ("2024-03-05T13:00/2024-03-05T15:30", dt.date(2024, 3, 5))
    assert (m.starts, m.ends) == (dt.datetime(2024, 3, 5, 13, 0), dt.datetime(2024, 3, 5, 15, 30))
    assert m.place == "Stadshuset, sal Byälven"
    assert (m.paragraphs, m.first_paragraph, m.last_paragraph) == ("41-43", 41, 43)
    assert (m.adjustment_date, m.adjustment_place) == ("2024-03-08", "Kommunkansliet")
    assert (m.notice_posted, m.notice_removed) == ("2024-03-11", "2024-04-02")
    assert [(a.name, a.party, a.category, a.role, a.replaces) for a in m.attendees] == ATTENDANCE
    assert [a.id for a in m.attendees] == [f"att-{i}" for i in range(1, 8)]


def test_both_layouts_give_the_same_meeting() -> None:
    a, b = meeting_of(line_broken()), meeting_of(flattened())
    fields = set(Meeting.model_fields) - {"text", "start", "end", "attendees", "evidence", "page"}
    assert {f: getattr(a, f) for f in fields} == {f: getattr(b, f) for f in fields}
    assert [x.model_dump(exclude={"start", "end", "text", "page"}) for x in a.attendees] == \
        [x.model_dump(exclude={"start", "end", "text", "page"}) for x in b.attendees]


@pytest.mark.parametrize("text", [line_broken(), flattened()], ids=["line-broken", "flattened"])
def test_offsets_point_into_the_input(text: str) -> None:
    doc = kdextract.parse(text, ner=False)
    m = doc.meetings[0]
    assert text[m.start:m.end] == m.text
    for a in m.attendees:
        assert text[a.start:a.end] == a.text == a.name
    for field, ev in m.evidence.items():
        assert text[ev.start:ev.end] == ev.text, field
    assert text[m.evidence["place"].start:m.evidence["place"].end] == "Stadshuset, sal Byälven"


def test_attendees_refer_to_people() -> None:
    doc = kdextract.parse(line_broken(), ner=False)
    people = {p.id: p.name for p in doc.people}
    linked = {a.name: people.get(a.person or "") for a in doc.meetings[0].attendees}
    assert linked["Gunilla Rask"] == "Gunilla Rask" and linked["Sofie Brink"] == "Sofie Brink"


def test_minutes_fill_the_same_record() -> None:
    text = """Minnesanteckningar

Styrgruppen för Vattenrike Nord
Datum 2022-11-17
Tid 09.00-11.00
Plats Folkets hus, Hallen
Närvarande Petra Sund, Åre kommun
Josef Liljeqvist, Bergs kommun
Anneli Moe, Krokoms kommun
Frånvarande Oskar Viik, Strömsunds kommun

1. Mötets öppnande

Petra Sund öppnade mötet.

Vid anteckningarna
Anneli Moe
"""
    m = meeting_of(text)
    assert m.day == dt.date(2022, 11, 17)
    assert m.place == "Folkets hus, Hallen"
    assert [(a.name, a.category) for a in m.attendees] == [
        ("Petra Sund", "member"), ("Josef Liljeqvist", "member"), ("Anneli Moe", "member"), ("Oskar Viik", "absent")]


def test_a_form_read_out_of_its_columns() -> None:
    # labels stacked, then all the values: names with a party are members, names with a title officials
    text = ("Plats och tid Beslutande ledamöter Övriga närvarande Utses att justera Rådhuset, onsdagen den 14 juni 2023 kl 9.00 "
            "Maja Ros (S), ordförande Alf Berg (M) Eje Lund (V) Karin Eld, kommunchef Alf Berg "
            "Sekreterare Karin Eld Ordförande Maja Ros Justerande Alf Berg")
    m = meeting_of(text)
    assert [(a.name, a.category) for a in m.attendees] == [
        ("Maja Ros", "member"), ("Alf Berg", "member"), ("Eje Lund", "member"), ("Karin Eld", "official")]
    assert m.day == dt.date(2023, 6, 14)


def test_no_meeting_without_a_form() -> None:
    doc = kdextract.parse("Kommundirektörens rapport\n\nBudget\n\nFörvaltningen redovisar ett överskott.\n", ner=False)
    assert doc.meetings == []


def test_meeting_is_a_record_kind() -> None:
    assert "meetings" in kdextract.models.RECORD_KINDS
    schema = Document.model_json_schema()
    assert "Meeting" in schema["$defs"] and "Attendee" in schema["$defs"]


def test_the_clock_time_joins_the_day_given_under_another_label() -> None:
    text = ("Kommunstyrelsens arbetsutskott\nSammanträdesprotokoll\nSammanträdesdatum 2024-03-05\n\n"
            "Plats och tid Kommunhuset, Ekby, kl 13.00–15.30\n\nBeslutande Anna Berg (S), ordförande\nPer Holm (M)\n\n"
            "Utses att justera Per Holm\n\n§ 12 Budget\n\nBeslut\nGodkänns.\n")
    meeting = kdextract.parse(text, ner=False).meetings[0]
    assert (meeting.date, meeting.place) == ("2024-03-05T13:00/2024-03-05T15:30", "Kommunhuset, Ekby")
    assert (meeting.starts, meeting.ends) == (dt.datetime(2024, 3, 5, 13, 0), dt.datetime(2024, 3, 5, 15, 30))
    time = meeting.evidence["time"]
    assert text[time.start:time.end] == "kl 13.00–15.30"


# Our own short board minutes of a municipal company: its own form labels, the body's items right under the form.
COMPANY_BOARD = """Protokoll fört vid styrelsemöte i Norrvik Fjärrvärme AB, org.nr 556987-6543
Datum: 2026-02-12
Plats: Bolagets kontor

Styrelseledamöter: Signe Vallgren (ordförande), Anton Byström, Lisa Markusson
Verkställande direktör: Tord Ekerot
Protokollförare: Maja Rydén

1. Mötets öppnande
Ordföranden förklarade mötet öppnat.

2. Investeringar
Styrelsen beslutade att godkänna investeringsplanen.

Vid protokollet

Maja Rydén

Justeras

Signe Vallgren
"""


def test_a_company_boards_form_labels_and_a_short_body_between_them() -> None:
    doc = kdextract.parse(COMPANY_BOARD, ner=False)
    roles = {p.name: p.role for p in doc.people}
    assert doc.meta.author == "Maja Rydén"
    assert roles["Maja Rydén"] == "sekreterare" and roles["Signe Vallgren"] == "ordförande"
    assert {"Anton Byström", "Lisa Markusson", "Tord Ekerot"} <= set(roles)
    attendees = {a.name: a.category for m in doc.meetings for a in m.attendees}
    assert attendees["Anton Byström"] == "member" and attendees["Tord Ekerot"] == "other"


def test_a_numbered_attendance_list_after_a_blank_stays_the_fields_value() -> None:
    text = ("Barn- och utbildningsnämnden\nPROTOKOLL\nPlats och tid  Kommunhuset kl 13.00\nBeslutande\n\n"
            "1. Vera Ekström (S), ordförande\n2. Pontus Holmgren (M)\n3. Ulla Strand (C)\n\n"
            "Övriga närvarande  Kim Lindqvist, sekreterare\n\n§ 1 Budget\nNämnden beslutar att anta budgeten.\n\n"
            "Vid protokollet\n\nKim Lindqvist\n")
    attendees = {a.name: a.category for m in kdextract.parse(text, ner=False).meetings for a in m.attendees}
    assert attendees == {"Vera Ekström": "member", "Pontus Holmgren": "member", "Ulla Strand": "member",
                         "Kim Lindqvist": "other"}
