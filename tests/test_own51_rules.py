"""Rules found missing by held-out batch 51 (tests/data/own_corpus51, the bodies we have fewest documents of:
a valnämnd, an överförmyndarnämnd, the auditors, a krisledningsnämnd, a samordningsförbund and a municipality in a
Finnish förvaltningsområde), each in our own words: an inline "Beslut:" that opens a line after a sentence's end
is no wrapped line's rest, the auditors' statutory name is a body, the security police and the national CSIRT are
national bodies, a club named by an adjective of language or origin is an association, and given names common
among Sweden Finns are given names."""

from __future__ import annotations

import kdextract

# A board's protocol whose paragraphs fill the line, so that the first word of "Beslut: …" would not have fitted
# on the line before it: the look of a fixed-width wrap.
_BOARD = """§ 7  Arbetsträning i Ekbacka
Förbundschefen redogör för att tjugo personer har skrivits in i
verksamheten hittills i år, och att nio av dem har fått anställning
eller börjat studera. Arbetsträningen pågår till den 30 november.
Beslut: Styrelsen förlänger arbetsträningen till den 31 mars 2027
inom en ram om 400 000 kr.
"""


def test_an_inline_beslut_after_a_full_sentence_line_is_a_decision_of_its_own() -> None:
    doc = kdextract.parse(_BOARD)
    texts = [d.text for d in doc.decisions]
    assert any(t.startswith("Styrelsen förlänger arbetsträningen") for t in texts), texts


def test_the_auditors_statutory_name_is_an_organisation() -> None:
    text = ("EKVIKS KOMMUN\nDe förtroendevalda revisorerna\n\nMinnesanteckningar 2026-04-14\n\n"
            "1. Granskning av löneprocessen\nGranskningen redovisades av det sakkunniga biträdet.\n")
    names = [o.name.casefold() for o in kdextract.parse(text).organisations]
    assert "de förtroendevalda revisorerna" in names, names


def test_the_security_police_and_the_national_csirt_are_national_bodies() -> None:
    text = "Efter intrånget i kommunens e-post har Säkerhetspolisen och CERT-SE fått en incidentrapport."
    orgs = {o.name: o.kind for o in kdextract.parse(text).organisations}
    assert orgs.get("Säkerhetspolisen") == "agency" and orgs.get("CERT-SE") == "agency", orgs


def test_a_club_named_by_its_language_adjective_is_an_association() -> None:
    text = "Till samrådet kom Estniska seniorklubben Virve och Finska idrottsklubben Kiri med synpunkter."
    names = [o.name for o in kdextract.parse(text).organisations]
    assert "Estniska seniorklubben Virve" in names and "Finska idrottsklubben Kiri" in names, names


def test_given_names_common_among_sweden_finns_make_a_person_after_an_unlisted_title() -> None:
    text = "Språkombud Tarja Kivelä och Heikki Rautio håller i kursen."
    names = [p.name for p in kdextract.parse(text).people]
    assert "Tarja Kivelä" in names and "Heikki Rautio" in names, names
