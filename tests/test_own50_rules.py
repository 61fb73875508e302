"""Rules found missing by held-out batch 50 (tests/data/own_corpus50, land, building and planning matters), each in
our own words: a delegation list's run-in "Handläggare" of each entry is no form (neither the extract's date nor its
writer comes from it), an appeal's or a Länsstyrelse's review period is no date counted from the document's day,
a planning project's compound without a linking -s ("planprojektet") introduces the project's name, an agenda
title cell that ends in a comma goes on below, and a § title's dashed stage beside its case number ends the title."""

from __future__ import annotations

import kdextract

_DELEGATIONS = """NORDÅNGERS KOMMUN                                 PROTOKOLLSUTDRAG
Miljö- och byggnämnden                            Sammanträdesdatum
                                                  2027-10-20

§ 77   Anmälan av delegationsbeslut                       Dnr MBN 2027/0144

Förvaltningen anmäler beslut som fattats på delegation i september 2027.

MB 2027-310  Bygglov för nybyggnad av carport, 30 kvm
             Älgmyren 2:8, Skogsbrynet 11. Sökande: Gunnel Hästbacka
             Beviljat 2027-09-04. Avgift 6 420 kr. Handläggare Tobias Vinterlid
MB 2027-318  Rivningslov för förråd
             Lillnäs 1:15, Strandgatan 2. Sökande: Bertil Ådalsten
             Beviljat 2027-09-12. Avgift 2 980 kr. Handläggare Tobias Vinterlid
MB 2027-326  Förhandsbesked för nybyggnad av fritidshus
             Kvarnberget 4:3. Sökande: Lisa Murbäck
             Avslag 2027-09-25. Avgift 6 900 kr. Handläggare Maja Flodin-Ek

Beslut
Miljö- och byggnämnden lägger anmälan till handlingarna.

Justerandes sign                          Utdragsbestyrkande

Rätt utdraget intygar
Karin Stenvall, nämndsekreterare
"""


def test_a_delegation_lists_case_officers_make_no_form() -> None:
    meta = kdextract.parse(_DELEGATIONS).meta
    assert meta.date == "2027-10-20"


def test_an_extracts_certifier_is_its_writer_before_an_entrys_case_officer() -> None:
    assert kdextract.parse(_DELEGATIONS).meta.author == "Karin Stenvall"


def test_an_appeal_period_is_no_date_from_the_documents_day() -> None:
    text = ("BYGGNADSNÄMNDEN  PROTOKOLL  2027-05-12\n\n§ 40  Strandskyddsdispens för bastu\n\n"
            "Nämnden ger dispens. Beslutet kan överklagas inom tre veckor.\n"
            "Länsstyrelsen har fått beslutet och kan inom tre veckor överpröva det.\n")
    doc = kdextract.parse(text)
    assert [d.text for d in doc.dates] == ["2027-05-12"]
    assert doc.deadlines == []


def test_a_period_to_do_something_still_counts_from_the_documents_day() -> None:
    text = "BYGGNADSNÄMNDEN  PROTOKOLL  2027-05-12\n\nFastighetsägaren ska lämna in ritningar inom tre veckor.\n"
    assert [d.value for d in kdextract.parse(text).dates] == ["2027-05-12", "2027-05-12/2027-06-01"]


def test_a_planning_projects_compound_introduces_its_name() -> None:
    text = ("SAMHÄLLSBYGGNADSNÄMNDEN  PROTOKOLL  2027-06-01\n\n§ 12  Detaljplan för Ekbacka – samråd\n\n"
            "Planprojektet Norra Lövbrinken omfattar cirka 3 hektar och ger plats för 40 bostäder.\n")
    assert [p.name for p in kdextract.parse(text).projects] == ["Norra Lövbrinken"]


def test_an_agenda_title_cell_ending_in_a_comma_goes_on_with_the_cell_under_it() -> None:
    text = ("NORDÅNGERS KOMMUN                                  KALLELSE\nByggnämnden                    2027-09-01\n\n"
            "Föredragningslista\n\n"
            "Nr  Ärende                                             Dnr\n"
            "1   Val av justerare\n"
            "2   Föreläggande om rättelse av plank utan lov,        BN 2027/088\n"
            "    Älgmyren 2:8\n"
            "    Förvaltningen föreslår ett föreläggande med vite.\n"
            "3   Meddelanden\n\nEva Lundsjöberg\nOrdförande\n")
    titles = [s.title for s in kdextract.parse(text).sections]
    assert "Föreläggande om rättelse av plank utan lov, Älgmyren 2:8" in titles


def test_a_titles_dashed_stage_with_the_case_number_beside_it_ends_the_title() -> None:
    text = ("NORDÅNGERS KOMMUN                       PROTOKOLL\nByggnämnden                     2027-09-15\n\n"
            "§ 61   Detaljplan för Älgmyren 2:8 m.fl.\n"
            "       – granskning                                 Dnr BN 2026/140\n\n"
            "Samråd har hållits och planen ställs nu ut för granskning.\n\n"
            "Beslut\nByggnämnden beslutar att ställa ut planen för granskning.\n")
    titles = [s.title for s in kdextract.parse(text).sections if s.level == 1]
    assert titles == ["Detaljplan för Älgmyren 2:8 m.fl. – granskning"]
