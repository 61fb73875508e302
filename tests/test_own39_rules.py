"""Rules found missing by held-out batch 39 (tests/data/own_corpus39), each in our own words: bilingual labels of
a minority-language area's minutes."""

from __future__ import annotations

import kdextract

BILINGUAL = """EKBY KOMMUN – EKPYN KUNTA
Pöytäkirja / Protokoll
Kunnanhallitus / Kommunstyrelsen

Kokous / Sammanträde          2027-05-04

§ 12  Bidrag till byastugan / Avustus kylätalolle

Kommunstyrelsen beslutar att bevilja 12 000 kr till byastugan i Åby.

Sekreterare / Sihteeri        Lena Koivisto
Ordförande / Puheenjohtaja    Mats Heikkilä
"""


def test_a_secretarys_label_with_its_translation_after_a_slash_names_the_author() -> None:
    assert kdextract.parse(BILINGUAL).meta.author == "Lena Koivisto"


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text).organisations]


def test_a_sameby_after_its_name_is_an_association() -> None:
    text = "Ekfjälls sameby har yttrat sig över planen. Även Ekby skogssameby har lämnat synpunkter.\n"
    assert {"Ekfjälls sameby", "Ekby skogssameby"} <= set(_orgs(text))


def test_a_definite_sameby_alone_is_no_name() -> None:
    assert _orgs("Samebyn har yttrat sig över planen.\n") == []


def test_the_esf_councils_own_name_is_the_agency() -> None:
    assert "Svenska ESF-rådet" in _orgs("Ansökan har godkänts av Svenska ESF-rådet i december.\n")


def test_a_university_named_for_its_town_with_an_adjective_between() -> None:
    assert "Åbytorp tekniska universitet" not in _orgs("Hon kommer från Åbytorp tekniska universitet.\n")
    both = _orgs("Hon kommer från Åbytorp tekniska universitet och forskar nu vid Kumla tekniska universitet.\n")
    assert both == ["Kumla tekniska universitet"], both  # the one of a real town beside it is read
    assert "Kumla tekniska universitet" in _orgs("Hon forskar vid Kumla tekniska universitet sedan 2020.\n")
    assert "Kumla tekniska konsulter" not in _orgs("Vi anlitar Kumla tekniska konsulter.\n")


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


NOTICE = """Ekby kommun
Kommunfullmäktige

KUNGÖRELSE

Kommunfullmäktige sammanträder torsdagen den 6 maj 2027 kl. 18.00 i Bygdegården.

Ärenden
1   Val av justerare
2   Entledigande från uppdraget som ledamot i Åbygdens Vattenförbund,
    Sara Lindkvist (C)
3   Fyllnadsval efter Sara Lindkvist (C)

Ekby den 20 april 2027
"""


def test_an_agenda_title_that_ends_in_a_comma_goes_on_under_its_first_letter() -> None:
    assert _titles(NOTICE) == ["Val av justerare",
                               "Entledigande från uppdraget som ledamot i Åbygdens Vattenförbund, Sara Lindkvist (C)",
                               "Fyllnadsval efter Sara Lindkvist (C)"]


EXTRACT = """EKBY KOMMUN                                   PROTOKOLLSUTDRAG
Socialnämnden                                 Sammanträdesdatum
                                              2027-03-02

§ 21   Bidrag för 2027 till Samordningsförbundet
       Norra Åbygden
       Dnr SN 2027/00012

Förbundet har lämnat sin verksamhetsplan. Kommunens andel är 400 000 kronor.

Beslut
Socialnämnden godkänner bidraget.
"""


def test_a_paragraphs_title_goes_on_under_its_first_letter_above_its_case_number() -> None:
    assert _titles(EXTRACT) == ["Bidrag för 2027 till Samordningsförbundet Norra Åbygden"]


def test_a_capitalised_title_before_a_name_whose_given_name_is_unlisted() -> None:
    text = "Ekby kommun\n\nÄrendet gäller bidrag. Avdelningschef Zoran Petrović, stödenheten, har berett ärendet.\n"
    assert [(p.name, p.role) for p in kdextract.parse(text).people] == [("Zoran Petrović", "Avdelningschef")]


def _deadlines(text: str) -> list[tuple[str | None, str]]:
    return [(d.value, d.what) for d in kdextract.parse(text).deadlines]


MINUTES = "Ekby kommun\nProtokoll 2027-03-02\n\n§ 5 Årsredovisning\n\n{}\n"


def test_a_report_handed_over_to_a_board_on_a_day_is_planned() -> None:
    found = _deadlines(MINUTES.format("Årsredovisningen överlämnas till kommunfullmäktige den 19 april 2027."))
    assert [v for v, _ in found] == ["2027-04-19"]
    assert "Årsredovisningen" in found[0][1]


def test_a_project_period_stated_with_a_copula_is_planned() -> None:
    found = _deadlines(MINUTES.format("Projektperioden är 2027-09-01 – 2029-08-31 och budgeten är fastställd."))
    assert [v for v, _ in found] == ["2027-09-01/2029-08-31"]
    assert _deadlines(MINUTES.format("Projektperioden var 2024-09-01 – 2026-08-31.")) == []


def test_sami_and_finnish_given_names_open_a_name_in_prose() -> None:
    text = ("Ekby kommun\n\nMinnesanteckningar\n\n1. Synpunkter\nRisten Labba framhöll att betet behövs. "
            "Biret-Áile Gaup ville ha en karta. Veikko Rantala svarade för kommunen.\n")
    names = {p.name for p in kdextract.parse(text).people}
    assert {"Risten Labba", "Biret-Áile Gaup", "Veikko Rantala"} <= names
