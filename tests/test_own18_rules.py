"""Rules found missing by held-out batch 18 (tests/data/own_corpus18), each in our own words."""

from __future__ import annotations

import kdextract

INVITATION = """ÅBY KOMMUN                                  INBJUDAN
Kultur och fritid                           2029-04-03

Välkommen till informationskväll om den nya sporthallen

Tid: torsdagen den 26 april 2029 kl. 19.00
Plats: Åby skola, matsalen

Vi berättar om planerna och svarar på frågor.

Eva Ek
Fritidschef
"""


def test_an_invitation_to_a_public_meeting_is_its_notice() -> None:
    assert kdextract.parse(INVITATION, ner=False).meta.kind == "kallelse"


def _dates(text: str) -> dict[str, str]:
    return {d.text: d.value for d in kdextract.find_dates(text)}


def test_two_weeks_joined_by_och_or_till_are_one_period() -> None:
    assert _dates("Praon genomförs vecka 41 och 42 hos företagen.")["vecka 41 och 42"] == "XXXX-W41/XXXX-W42"
    assert _dates("Skolan är stängd v. 7 till 9.")["v. 7 till 9"] == "XXXX-W07/XXXX-W09"


def test_a_week_number_wrapped_onto_the_next_line_is_read() -> None:
    assert _dates("Städdagarna infaller i vecka\n20 på alla skolor.")["i vecka\n20"] == "XXXX-W20"


def test_a_week_followed_by_a_share_keeps_its_own_number() -> None:
    assert _dates("Under vecka 12 och 40 procent av tiden.")["Under vecka 12"] == "XXXX-W12"


def test_a_two_digit_year_after_a_dash_or_an_apostrophe_is_the_year() -> None:
    assert _dates("Vi ses igen den 14 maj -29 på torget.")["den 14 maj -29"] == "2029-05-14"
    assert _dates("Loppisen hålls 2 september '28 i hallen.")["2 september '28"] == "2028-09-02"


def test_a_dash_before_a_day_of_the_same_month_or_a_sum_is_no_year() -> None:
    assert _dates("Kursen pågår 4 mars -18 mars.")["4 mars -18 mars"] == "XXXX-03-04/XXXX-03-18"
    assert _dates("Fakturan 9 maj -14 500 kronor.")["9 maj"] == "XXXX-05-09"


def _deadlines(text: str) -> set[str]:
    return {d.value for d in kdextract.parse(text, ner=False).deadlines}


NOTES = """Minnesanteckningar – Ekby kommun, förvaltningens ledning
Datum: 2029-10-02

1. Personal
- Ny ekonomichef är anställd; tillträde 1 december.
- Miljöförvaltningen gör tillsyn på Åby förskola vecka 47.
- Avslutning för alla chefer fredag 14 december.
"""


def test_taking_up_a_post_an_inspection_and_a_closing_gathering_are_deadlines() -> None:
    assert {"2029-12-01", "2029-W47", "2029-12-14"} <= _deadlines(NOTES)


def test_a_campaign_named_in_sentence_case_on_a_line_of_its_own_is_named_whole() -> None:
    doc = kdextract.parse("Aktiviteter\n\nInsatsen Läs och skriv med barnen\nBiblioteket\n", ner=False)
    assert [p.name for p in doc.projects] == ["Läs och skriv med barnen"]


def test_a_line_that_goes_on_with_a_verb_is_no_whole_name() -> None:
    doc = kdextract.parse("Aktiviteter\n\nProjektet Grön skolgård genomfördes i våras\n", ner=False)
    assert "Grön skolgård genomfördes i våras" not in [p.name for p in doc.projects]


CONTROL = """ÅBY KOMMUN

Policy för sociala medier

Beslutad av kommunstyrelsen 2029-02-06, § 12
Giltig från: 2029-03-01
Ses över senast: 2031-06-30
Ansvarig: kommunikationschef

Syfte
Policyn ger stöd till alla som skriver för kommunens konton.
"""


def test_each_line_of_a_document_control_block_is_a_clause_of_its_own() -> None:
    from kdextract.text.sentences import sentence_spans
    spans = [CONTROL[a:b] for a, b in sentence_spans(CONTROL)]
    assert "Giltig från: 2029-03-01" in spans and "Ses över senast: 2031-06-30" in spans
    texts = {d.value: d.text for d in kdextract.parse(CONTROL, ner=False).deadlines}
    assert texts.get("2031-06-30") == "Ses över senast: 2031-06-30"
    assert "2029-02-06" not in texts


def test_a_month_that_recurs_every_year_is_no_deadline() -> None:
    text = "Socialnämnden\nDatum: 2029-01-10\n\nRiktlinjen ska ses över i mars och september varje år av förvaltningen.\n"
    assert not {"2029-03", "2029-09"} & _deadlines(text)
    once = "Socialnämnden\nDatum: 2029-01-10\n\nRiktlinjen ska ses över i september av förvaltningen.\n"
    assert "2029-09" in _deadlines(once)


POLICY = """ÅBY KOMMUN

Regler för tjänstebilar

Antagna av kommunstyrelsen 2029-05-14

Syfte
Reglerna gäller alla som kör kommunens bilar i tjänsten.

Bokning
Bilarna bokas i kommunens bokningssystem senast dagen före.

Bränsle
Bilarna tankas med förnybart bränsle när det går.

Uppföljning
Fordonssamordnaren går igenom körjournalerna varje kvartal.
"""


def test_a_known_subheading_after_plain_headings_side_by_side_is_their_sibling() -> None:
    doc = kdextract.parse(POLICY, ner=False)
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Syfte", 1), ("Bokning", 1), ("Bränsle", 1), ("Uppföljning", 1)]


def test_an_inspection_noun_in_a_title_plans_nothing() -> None:
    text = "Miljönämnden\nDatum: 2029-10-01\n\nTaxa för tillsyn av värmepumpar 2030\n\nTaxan höjs med tre procent.\n"
    assert "2030" not in _deadlines(text)


def test_a_group_named_in_a_title_line_between_a_dash_and_a_comma_is_an_organisation() -> None:
    text = ("Anteckningar från möte – Förvaltningsledningsgruppen, Åby kommun\nDatum: 2029-03-03\n\n"
            "1. Budget\n- Läget gicks igenom.\n")
    assert "Förvaltningsledningsgruppen" in {o.name for o in kdextract.parse(text, ner=False).organisations}


PLAN = """Åby kommun

Plan för lekplatser 2030

Mål
Alla barn ska ha en lekplats nära hemmet.

Insatser
Insats
Ansvar
Klart
Ny gungställning i Norrparken
Parkenheten
Maj 2030
Nya sittbänkar vid Åby torg
Parkenheten
Hösten 2030

Ekonomi
Insatserna ryms i parkenhetens budget.
"""


def test_a_month_and_a_year_on_a_line_of_their_own_number_no_item() -> None:
    titles = [s.title for s in kdextract.parse(PLAN, ner=False).sections]
    assert "Nya sittbänkar vid Åby torg" not in titles and "Parkenheten" not in titles and "Mål" in titles
