"""Minutes' attendance lines give each person's organisation: "Namn, titel, Organisation", "Namn, Organisation",
"Namn (Organisation)"; a body named by a title's definite form ("Polisen") is the employer, not the role."""

from __future__ import annotations

import kdextract
from kdextract.records.affiliation import role_and_org, titled_body
from kdextract.records.attendance import entries_in

MINUTES = ("Minnesanteckningar\nNätverksträff om trygghet i centrum\n2026-03-12\n\nNärvarande:\n"
           "Lina Ek, fältsekreterare, Kultur- och fritidsförvaltningen\nJonas Berg (Region Jämtland Härjedalen)\n"
           "Maja Holm, samordnare\n\nFörhinder: Karl Lindqvist, Polisen\n\n1. Lägesbild\nLina berättade om kvällarna.\n")


def _person(doc: kdextract.Document, name: str) -> kdextract.models.Person:
    return next(p for p in doc.people if p.name == name)


def _org_name(doc: kdextract.Document, org_id: str | None) -> str | None:
    return next((o.name for o in doc.organisations if o.id == org_id), None)


def test_attendance_lines_give_the_organisation_found_there() -> None:
    doc = kdextract.parse(MINUTES, ner=False)
    lina, jonas, karl = _person(doc, "Lina Ek"), _person(doc, "Jonas Berg"), _person(doc, "Karl Lindqvist")
    assert lina.role == "fältsekreterare"
    assert _org_name(doc, lina.organisation) == "Kultur- och fritidsförvaltningen"
    assert _org_name(doc, jonas.organisation) == "Region Jämtland Härjedalen"
    assert karl.role is None and _org_name(doc, karl.organisation) == "Polisen"
    absent = [a for m in doc.meetings for a in m.attendees if a.name == "Karl Lindqvist"]
    assert absent and all(a.role is None for a in absent)


def test_entry_organisation_and_role_split() -> None:
    text = "Deltagare: Olle Sand, kurator, Barn- och utbildningsförvaltningen\nFörhinder: Ida Lund, Polisen\n"
    entries = entries_in(text, 11, len(text), "member")
    assert [(e.name, e.role, e.organisation) for e in entries][:1] == \
        [("Olle Sand", "kurator", "Barn- och utbildningsförvaltningen")]
    a, b = entries[0].organisation_span or (0, 0)
    assert text[a:b] == "Barn- och utbildningsförvaltningen"


def test_title_or_body() -> None:
    assert titled_body("Polisen") and not titled_body("polisen") and not titled_body("Rektor")
    text = "x, polis, Räddningstjänsten"
    assert role_and_org(text, 1, len(text))[:2] == ("polis", "Räddningstjänsten")
    text = "x, Polisen"
    assert role_and_org(text, 1, len(text))[:2] == (None, "Polisen")


def test_an_attendees_employer_is_not_the_issuer() -> None:
    doc = kdextract.parse(MINUTES, ner=False)
    assert doc.meta.organisation != "Region Jämtland Härjedalen"
    named = MINUTES.replace("1. Lägesbild\n", "1. Lägesbild\nRegion Jämtland Härjedalen bjuder in till nästa träff.\n")
    assert kdextract.parse(named, ner=False).meta.organisation == "Region Jämtland Härjedalen"
