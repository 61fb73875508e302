"""review28 #3: a protocol's day and its attendance list make a meeting without a place or time line."""

from __future__ import annotations

import kdextract


def test_meeting_day_and_attendance_make_a_meeting() -> None:
    text = ("PROTOKOLL\nFritidsnämnden\nSammanträdesdatum 2026-04-21\n\nNärvarande ledamöter\n"
            "Greta Falk (C), ordförande\nJohan Nyberg (S)\n\n§ 30 Taxor 2027\nNämnden beslutar att anta taxorna.\n")
    doc = kdextract.parse(text, ner=False)
    assert [(m.date, [(a.name, a.role) for a in m.attendees]) for m in doc.meetings] == [
        ("2026-04-21", [("Greta Falk", "ordförande"), ("Johan Nyberg", None)])]
    assert {p.name: p.role for p in doc.people}["Greta Falk"] == "ordförande"


def test_notes_with_a_date_and_those_present_make_a_meeting() -> None:
    text = ("Minnesanteckningar\nNätverket för skolnärvaro\nDatum: 2026-02-09\n"
            "Närvarande: Elsa Lindgren, Mikael Karlsson, Olle Sundberg\n\n1. Läget i skolorna\nFrånvaron minskar.\n")
    doc = kdextract.parse(text, ner=False)
    assert [(m.date, [a.name for a in m.attendees]) for m in doc.meetings] == [
        ("2026-02-09", ["Elsa Lindgren", "Mikael Karlsson", "Olle Sundberg"])]


def test_a_memo_date_alone_is_no_meeting() -> None:
    doc = kdextract.parse("Tjänsteskrivelse\nDatum: 2026-02-09\nHandläggare: Olle Sundberg\n\nÄrendet\nText.\n",
                          ner=False)
    assert doc.meetings == []
