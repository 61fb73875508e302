"""Rules found missing by held-out batch 41 (tests/data/own_corpus41), each in our own words: a month name or a
unit of money damaged by a look-alike letter ("rnaj", "ju1i", "rnkr") is read back in a page otherwise read well."""

from __future__ import annotations

import pytest

import kdextract

_WELL_READ = ("Protokoll 2027-02-03\n\nFörvaltningen har sett över skötseln av parkerna och föreslår att arbetet "
              "med de nya planteringarna börjar i {month} 2027. Kostnaden beräknas till 2,4 {unit} för hela året, "
              "vilket ryms inom budgeten för parkenheten.\n")


def _parsed(month: str, unit: str) -> kdextract.Document:
    return kdextract.parse(_WELL_READ.format(month=month, unit=unit))


def test_month_with_rn_for_m_is_read() -> None:
    doc = _parsed("rnaj", "mnkr")
    assert "2027-05" in [d.value for d in doc.dates]


def test_month_with_one_for_l_is_read() -> None:
    doc = _parsed("ju1i", "mnkr")
    assert "2027-07" in [d.value for d in doc.dates]


def test_unit_with_rn_for_m_is_read() -> None:
    doc = _parsed("maj", "rnkr")
    assert 2_400_000 in [a.value for a in doc.amounts]


def test_listed_words_stay() -> None:
    doc = kdextract.parse("Protokoll 2027-02-03\n\nMarsipan och hjärnmars stod på bordet; kornmarken ligger i träda.\n")
    assert not [d for d in doc.dates if d.value == "2027-03"]


def test_sure_words_do_not_hide_the_damage() -> None:
    text = ("Protokoll 1998-03-02\n\nNämnden beslutade att arbetet ska starta i rnars och vara klart i decernber, med"
            " en rapport i apri1 som lngvar Holmlund skriver till nämnden och till styrelsen i staden.\n")
    assert "Ingvar Holmlund" in [p.name for p in kdextract.parse(text).people]


_AGENDA = ("Kallelse till sammanträde med fritidsnämnden 2027-04-06\n\n"
           "Föredragningslista\n"
           "Nr  Ärende  Dnr  Föredragande\n"
           "1  Val av justerare  –  Ordföranden\n"
           "2  Bidrag till idrottsföreningar 2027  FN 2027-00014  Fritidschef Olle Brandin\n"
           "3  Ny konstgräsplan vid Åsvallen  FN 2026-00233  Projektledare Maja Stenmark\n"
           "4  Anmälan av delegationsbeslut  –  Sekreteraren\n")


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


def test_narrow_gaps_end_an_agenda_title() -> None:
    titles = _titles(_AGENDA)
    assert "Bidrag till idrottsföreningar 2027" in titles
    assert "Val av justerare" in titles


def test_next_row_of_equal_width_is_no_wrapped_rest() -> None:
    text = _AGENDA.replace("3  Ny konstgräsplan vid Åsvallen  FN 2026-00233  Projektledare Maja Stenmark",
                           "3  Ny konstgräsplan vid Åsvallen  FN 2026-00233  Projektledare Maja Sten")
    text = text.replace("4  Anmälan av delegationsbeslut  –  Sekreteraren",
                        "4  Anmälan av delegationsbeslut och meddelanden  –  Sekreteraren Eva Lind")
    assert "Anmälan av delegationsbeslut och meddelanden" in _titles(text)


def test_compound_office_is_an_organisation() -> None:
    text = "Protokoll 2027-02-03\n\nNämnden gav Stadsledningskansliet i uppdrag att ta fram nya riktlinjer för lokaler.\n"
    assert "Stadsledningskansliet" in [o.name for o in kdextract.parse(text).organisations]


def test_bare_office_stays_generic() -> None:
    text = "Protokoll 2027-02-03\n\nNämnden gav kansliet i uppdrag att ta fram nya riktlinjer för lokaler.\n"
    assert not kdextract.parse(text).organisations


def test_bare_office_links_to_its_owner_named_office() -> None:
    text = ("Protokoll 2027-02-03\n\nNämnden gav Ekbyregionens kansli i uppdrag att ta fram nya riktlinjer för lokaler."
            " Kansliet återkommer med ett förslag i april.\n")
    orgs = {o.name: [a.casefold() for a in o.aliases] for o in kdextract.parse(text).organisations}
    assert "kansliet" in orgs.get("Ekbyregionens kansli", [])


def test_property_number_stays_in_the_title() -> None:
    text = ("Protokoll 2027-02-03\n\n§ 12  Försäljning av fastigheten Tornet 4   KS 2027-00031\n"
            "Nämnden beslutar att sälja fastigheten.\n\n§ 13  Övriga frågor\nInga frågor.\n")
    assert "Försäljning av fastigheten Tornet 4" in [s.title for s in kdextract.parse(text).sections]


@pytest.mark.parametrize("lead", ["Följande beslut har fattats med stöd av delegation:",
                                  "Nedanstående beslut har fattats av förvaltningschefen:"])
def test_a_lead_in_to_a_list_of_decisions_is_no_decision_of_its_own(lead: str) -> None:
    text = f"Delegationsbeslut\n\n{lead}\nBidrag till Ekby IF, 12 000 kr.\n\nKommunstyrelsen har beslutat följande:\n"
    decisions = [d.text for d in kdextract.parse(text, ner=False).decisions]
    assert decisions == ["Kommunstyrelsen har beslutat följande:"]
