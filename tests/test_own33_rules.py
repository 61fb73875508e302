"""Rules found missing by held-out batch 33 (tests/data/own_corpus33), each in our own words: a numbered topic of
notes over a paragraph whose first line ends a sentence and goes on, wrapped over two lines more."""

from __future__ import annotations

import kdextract


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


NOTES = """Minnesanteckningar
Arbetsgruppen för skolmat, 2027-02-03

1. Ny meny
Menyn prövas på två skolor.

2. Matsalen i Norrby
Ombyggnaden börjar i april. EH och PL går igenom ritningarna
med arkitekten den 9 februari och lämnar sedan synpunkterna
till fastighetsenheten.

3. Nästa möte
Mötet hålls den 3 mars.
"""


def test_a_topic_over_a_paragraph_whose_sentence_ends_two_wrapped_lines_on_heads_an_item() -> None:
    assert _titles(NOTES) == ["Ny meny", "Matsalen i Norrby", "Nästa möte"]



def test_a_month_by_a_verb_in_the_past_tense_keeps_the_reports_year_after_a_later_date() -> None:
    text = ("Ekby kommun\nKommundirektörens rapport\n\nPersonal\nNy ekonomichef börjar den 8 februari 2027. "
            "Upphandlingen av lönesystemet avbröts i oktober.\n\nEkby den 2 december 2026\n\nEva Ek\nKommundirektör\n")
    values = {d.text: d.value for d in kdextract.parse(text).dates}
    assert values["i oktober"] == "2026-10"


def test_a_month_after_a_later_date_still_goes_forward_in_a_plan() -> None:
    text = ("Ekby kommun\nKommundirektörens rapport\n\nPersonal\nNy ekonomichef börjar den 8 februari 2027. "
            "Upphandlingen av lönesystemet görs om i oktober.\n\nEkby den 2 december 2026\n\nEva Ek\nKommundirektör\n")
    values = {d.text: d.value for d in kdextract.parse(text).dates}
    assert values["i oktober"] == "2027-10"


def test_a_noun_in_de_before_a_month_is_no_verb_in_the_past_tense() -> None:
    text = ("Ekby kommun\nKommundirektörens rapport\n\nPersonal\nNy ekonomichef börjar den 8 februari 2027. "
            "Utvärderingen redovisas vid nämndens sammanträde i oktober. Arbetet i området startar i maj.\n\n"
            "Ekby den 2 december 2026\n\nEva Ek\nKommundirektör\n")
    values = {d.text: d.value for d in kdextract.parse(text).dates}
    assert values["i oktober"] == "2027-10"


def test_a_short_heading_over_a_calendar_of_dated_points_is_a_topic() -> None:
    text = ("Ekby kommun\nKommundirektörens rapport\n\nEkonomi\nPrognosen för helåret är ett överskott på 3 mnkr, "
            "främst tack vare lägre räntor.\n\nAktuellt\n• 12 januari: nämndernas ordförande träffas i Kvarnen\n"
            "• 3–4 februari 2027: utbildning för nya förtroendevalda\n\nEkby den 2 december 2026\n\nEva Ek\n"
            "Kommundirektör\n")
    assert _titles(text) == ["Ekonomi", "Aktuellt"]


CALENDAR = ("Ekby kommun\nKommundirektörens rapport\n\nEkonomi\nPrognosen för helåret är ett överskott på 3 mnkr, "
            "främst tack vare lägre räntor.\n\nAktuellt\n• 12 januari: budgetdagar för nämndernas presidier\n"
            "• 3–4 februari 2027: introduktion för nya förtroendevalda\n\nEkby den 2 december 2026\n\nEva Ek\n"
            "Kommundirektör\n")


def test_each_bulleted_point_of_a_calendar_dates_its_own_event() -> None:
    got = {d.value: d.what for d in kdextract.parse(CALENDAR).deadlines}
    assert set(got) == {"2027-01-12", "2027-02-03/2027-02-04"}
    assert "introduktion" in got["2027-02-03/2027-02-04"] and "budgetdagar" in got["2027-01-12"]


def test_a_calendar_of_points_gone_by_dates_nothing_due() -> None:
    text = CALENDAR.replace("12 januari", "12 november").replace("3–4 februari 2027", "24–25 november 2026")
    assert [d.value for d in kdextract.parse(text).deadlines] == []


def test_an_association_named_after_a_capitalised_type_word_at_a_sentences_start_is_no_person() -> None:
    text = ("Ekby kommun\nKommunstyrelsen\nProtokoll 2027-03-02\n\n§ 12 Bidrag till vandringsleder\n"
            "Föreningen Norrby Fjällguider ansöker om 80 000 kr för att röja leder.\n\nBeslut\n"
            "Kommunstyrelsen beviljar bidraget.\n")
    doc = kdextract.parse(text)
    assert "Föreningen Norrby Fjällguider" in {o.name for o in doc.organisations}
    assert not any("Fjällguider" in p.name for p in doc.people)


def test_a_company_name_wrapped_after_a_common_noun_that_opens_the_sentence_begins_after_the_noun() -> None:
    text = ("Ekby kommun\nMinnesanteckningar\nLedningsgruppen 2027-02-01\n\n1. Bemanning\nTvå tjänster som "
            "undersköterska är fortfarande vakanta. Bemanningsföretaget Solvik\nOmsorg AB tar 690 kr per timme.\n\n"
            "2. Övrigt\nInget.\n")
    names = {o.name for o in kdextract.parse(text).organisations}
    assert "Solvik Omsorg AB" in names and "Omsorg AB" not in names


def test_a_name_wrapped_before_its_particle_is_one_name() -> None:
    text = ("Ekby kommun\nMinnesanteckningar\nLedningsgruppen 2027-02-01\n\nDeltagare: Eva Lindahl, socialchef, "
            "Per Ödman, enhetschef för hemtjänsten, Karin\nvon Ahlströmer, controller\n\n1. Bemanning\nInget nytt.\n")
    assert "Karin von Ahlströmer" in {p.name for p in kdextract.parse(text).people}


def test_an_advertisement_out_until_a_later_day_ends_then() -> None:
    text = ("Ekby kommun\nMinnesanteckningar\nLedningsgruppen 2027-02-01\n\n1. Rekrytering\nTjänsten som "
            "enhetschef är utannonserad. Annonsen ligger ute till den 20 februari.\n\n2. Övrigt\nInget.\n")
    got = [(d.value, d.kind) for d in kdextract.parse(text).deadlines]
    assert ("2027-02-20", "ends") in got


def test_a_joint_body_is_named_with_the_municipalities_it_serves_joined_by_a_dash() -> None:
    text = ("Protokoll\nÖverförmyndarnämnden Kalix–Haparanda\n\nSammanträdesdatum   2027-03-04\n\n"
            "§ 5 Val av justerare\nEva Ek utses att justera.\n")
    names = {o.name for o in _orgs_of(text)}
    assert "Överförmyndarnämnden Kalix–Haparanda" in names and "Överförmyndarnämnden" not in names


def test_a_body_before_two_words_joined_by_a_dash_that_are_no_municipalities_keeps_its_name() -> None:
    text = ("Protokoll\nÖverförmyndarnämnden Norrby–Söderby\n\nSammanträdesdatum   2027-03-04\n\n"
            "§ 5 Val av justerare\nEva Ek utses att justera.\n")
    assert "Överförmyndarnämnden" in {o.name for o in _orgs_of(text)}


def _orgs_of(text: str) -> list[kdextract.Organisation]:
    return list(kdextract.parse(text).organisations)


def test_has_before_a_compound_noun_of_an_event_plans_it_on_a_later_date() -> None:
    text = ("Ekby kommun\nKommundirektörens rapport\n\nTrygghet\nKommunen och polisen har samverkansmöte "
            "vecka 4.\n\nEkby den 2 december 2026\n\nEva Ek\nKommundirektör\n")
    assert [d.value for d in kdextract.parse(text).deadlines] == ["2027-W04"]


def test_has_had_before_a_compound_noun_of_an_event_is_still_past() -> None:
    text = ("Ekby kommun\nKommundirektörens rapport\n\nTrygghet\nKommunen och polisen har haft samverkansmöte "
            "vecka 47.\n\nEkby den 2 december 2026\n\nEva Ek\nKommundirektör\n")
    assert [d.value for d in kdextract.parse(text).deadlines] == []


def test_a_title_that_ends_in_a_numbered_road_keeps_the_number() -> None:
    text = ("Ekby kommun\nKommunstyrelsen\nProtokoll 2027-03-02\n\n§ 14   Yttrande över ombyggnad av riksväg 56\n"
            "Trafikverket vill ha svar senast 2027-04-01.\n\n§ 15   Anmälan av delegationsbeslut\n"
            "Lades till handlingarna.\n")
    assert _titles(text) == ["Yttrande över ombyggnad av riksväg 56", "Anmälan av delegationsbeslut"]


def test_a_neuter_title_in_its_definite_form_before_a_name_gives_the_role() -> None:
    text = ("Ekby kommun\nKommundirektörens rapport\n\nBesök\nVi tog emot landshövdingen i oktober. "
            "Med på mötet var också oppositionsrådet Lena Marklund.\n\nEkby den 2 december 2026\n\nEva Ek\n"
            "Kommundirektör\n")
    roles = {p.name: p.role for p in kdextract.parse(text).people}
    assert (roles.get("Lena Marklund") or "").casefold() == "oppositionsråd"
