"""Rules found missing by held-out batch 29 (tests/data/own_corpus29), each in our own words: a calendar's points
by week or with a colon; a replaced date and 'lanseras' in deadlines; a week's 'v.' inside a sentence; local
associations named by a capitalised 'Byalag' or a definite kind before a name, cut at a table's cell gap; a company
name wrapped after a comma; 'Fredrika'; a remiss document's proposals; a proposal's addressee before its att-lines."""

from __future__ import annotations

import kdextract
from kdextract.text.sentences import sentence_spans


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text, ner=False).organisations]


MONTHLY = """Ekby kommun
Kommundirektörens rapport – mars 2027
Till kommunstyrelsen 2027-04-06

Skola
• Ansökningarna till förskoleklass har ökat med tolv procent jämfört med förra året.
• Den nya skolskjutsplanen gäller från höstterminen.

Omsorg
• Hemtjänstens nya planeringssystem är i drift i alla grupper sedan mars.
• Nattpatrullen får en tredje bil under våren.

Att notera
• v. 16: Kommunstyrelsen, delårsbokslut
• vecka 18: Öppet hus på Åbackaskolan

Lisa Ek
Kommundirektör
"""


def test_a_calendars_points_by_week_under_a_heading_make_it_one() -> None:
    assert _titles(MONTHLY)[-1] == "Att notera"


def test_a_calendars_points_with_a_colon_after_the_day_make_its_heading_one() -> None:
    text = MONTHLY.replace("• v. 16: Kommunstyrelsen", "• 20 april: Kommunstyrelsen").replace(
        "• vecka 18: Öppet hus", "• 4 maj: Öppet hus")
    assert _titles(text)[-1] == "Att notera"


def _deadlines(text: str) -> list[str]:
    return [d.value for d in kdextract.parse(text, ner=False).deadlines]


def test_a_date_that_a_later_plan_replaces_is_no_deadline() -> None:
    text = "Ekby kommun\n2027-01-12\n\nInvigningen av badhuset sker i maj 2027 i stället för i\nmars 2027.\n"
    assert _deadlines(text) == ["2027-05"]


def test_lanseras_before_a_date_starts_something() -> None:
    text = "Ekby kommun\n2027-01-12\n\nAppen för felanmälan lanseras den 3 februari 2027.\n"
    assert _deadlines(text) == ["2027-02-03"]


def test_a_weeks_v_dot_ends_no_sentence() -> None:
    text = "• Ansökan om bidrag lämnades in v. 12.\n• Nästa steg tas i maj."
    assert [text[a:b] for a, b in sentence_spans(text)] == ["• Ansökan om bidrag lämnades in v. 12.",
                                                            "• Nästa steg tas i maj."]


def test_a_village_association_with_a_capitalised_byalag_is_one() -> None:
    assert "Ekås Byalag" in _orgs("Nämnden beviljar Ekås Byalag 12 000 kronor till en ny brygga.\n")


def test_a_kind_of_association_before_a_name_names_it() -> None:
    assert "Spelmanslaget Fiolen" in _orgs("Nämnden beviljar Spelmanslaget Fiolen 8 000 kronor till kurser.\n")


def test_an_associations_name_ends_at_a_tables_cell_gap() -> None:
    text = ("Förening                     Ändamål          Beviljat\n"
            "Idrottsföreningen Kärven     Sommarläger      12 000 kr\n"
            "Ekås Hembygdsförening        Ny skylt         4 000 kr\n")
    assert "Idrottsföreningen Kärven" in _orgs(text)


def test_a_company_name_wrapped_after_a_comma_keeps_its_first_word() -> None:
    text = ("Driftchefen berättar att den nya leverantören av slamtömning, Ekås\n"
            "Rörservice AB, tar över uppdraget i januari.\n")
    assert "Ekås Rörservice AB" in _orgs(text)


def test_fredrika_is_a_given_name() -> None:
    text = "Närvarande: Olle Berg (S) ordförande, Fredrika Holm (M), Lena Ek (C)\n"
    assert "Fredrika Holm" in [p.name for p in kdextract.parse(text, ner=False).people]


REMISS_MEMO = """Ekby kommun                                  TJÄNSTESKRIVELSE
Kommunledningskontoret                       2027-02-08

Svar på remiss om ändrade regler för färdtjänst

Bakgrund
Promemorian föreslår att en ny paragraf om samåkning införs i lagen.
Betänkandet föreslår dessutom att kommunerna får ta ut en högre avgift.

Bedömning
Kommunledningskontoret har inget att invända mot förslagen.
"""


def test_a_remiss_documents_proposals_are_no_decisions() -> None:
    assert kdextract.parse(REMISS_MEMO, ner=False).decisions == []


def test_a_proposals_addressee_before_its_att_lines_leads_them_in() -> None:
    text = ("Ekby kommun\nKommunstyrelsens arbetsutskott\nPROTOKOLL 2027-02-09\n\n§ 12  Riktlinjer för bidrag\n"
            "Förvaltningen har sett över riktlinjerna för bidrag till föreningar.\n"
            "Arbetsutskottet föreslår kommunstyrelsen\natt anta de nya riktlinjerna för bidrag.\n")
    texts = [d.text for d in kdextract.parse(text, ner=False).decisions]
    assert any("anta de nya riktlinjerna" in t for t in texts)


def test_a_table_rows_label_that_names_the_unit_makes_its_numbers_amounts() -> None:
    text = ("Ekby kommun\n\n                           Nu         Förslag\n"
            "Grundavgift, kr per år     2 150      2 300\n"
            "Antal abonnenter           410        415\n")
    values = sorted(a.value for a in kdextract.parse(text, ner=False).amounts)
    assert values == [2150, 2300]


def test_a_decisions_list_of_recipients_ends_its_block() -> None:
    text = ("Ekby kommun\nKultur- och fritidsnämnden\nPROTOKOLL 2027-02-09\n\n§ 7  Bidrag till Ekås Byalag\n"
            "Byalaget söker bidrag till en ny brygga vid badplatsen.\n\nBeslut\n"
            "Nämnden beviljar byalaget 12 000 kronor till bryggan.\n"
            "Expedieras till: Ekås Byalag, Ekonomienheten\n\n§ 8  Bidrag till Skyttelaget Ekorren\n"
            "Skyttelaget söker bidrag till nya tavlor.\n\nBeslut\nNämnden beviljar skyttelaget 5 000 kronor.\n"
            "Beslutet skickas till\nSkyttelaget Ekorren\n")
    texts = [d.text for d in kdextract.parse(text, ner=False).decisions]
    assert texts == ["Nämnden beviljar byalaget 12 000 kronor till bryggan.",
                     "Nämnden beviljar skyttelaget 5 000 kronor."]


def test_a_case_number_without_a_label_under_the_heads_date_is_the_documents() -> None:
    text = ("Region Ekland                                 TJÄNSTESKRIVELSE\n"
            "Regionledningskontoret                        2027-03-02\n"
            "                                              RE-LED27-0412\n\n"
            "Svar på remiss om ändrade regler för sjukresor\n\nBakgrund\n"
            "Regionen har fått förslaget på remiss och ska svara senast den 1 april 2027.\n")
    assert kdextract.parse(text, ner=False).meta.diarienummer == "RE-LED27-0412"


def test_a_case_number_in_another_column_than_the_date_is_not_taken() -> None:
    text = ("Region Ekland                                 TJÄNSTESKRIVELSE\n"
            "Regionledningskontoret                        2027-03-02\n"
            "RE-LED27-0412\n\nBakgrund\nRegionen har fått förslaget på remiss.\n")
    assert kdextract.parse(text, ner=False).meta.diarienummer != "RE-LED27-0412"
