"""Rules found missing by held-out batch 19 (tests/data/own_corpus19), each in our own words: a numbered agenda
that lost its own line breaks but kept a ragged wrap, a case number in brackets after a title, a school year's
months (a known gap), light OCR damage, an OCR'd kind word, an association's name wrapped over a line, a wrapped paragraph whose
next line happens to open with "att"."""

from __future__ import annotations

import pytest

import kdextract

AGENDA = """EKBY KOMMUN
Socialnämnden

KALLELSE

Tid: Onsdag 3 mars 2027 kl. 09.00

Ärendelista
1. Upprop 2. Val av protokollsjusterare 3. Månadsuppföljning februari och
prognos 4. Riktlinjer för bostadsanpassning (Dnr SN 2027/12) 5. Ny taxa för
trygghetslarm 6. Anmälningsärenden

Ekby den 20 februari 2027
Eva Ek
Ordförande
"""


def test_a_numbered_agenda_run_into_ragged_lines_gives_each_item() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA, ner=False).sections if s.level == 1]
    assert titles[-6:] == ["Upprop", "Val av protokollsjusterare", "Månadsuppföljning februari och prognos",
                           "Riktlinjer för bostadsanpassning", "Ny taxa för trygghetslarm", "Anmälningsärenden"]


def test_lines_with_one_number_each_are_no_run() -> None:
    from kdextract.layout.flat_lists import numbered_run_breaks
    assert numbered_run_breaks("1. Upprop\n2. Val av justerare\n3. Taxor\n") == []
    assert numbered_run_breaks("1. Upprop 2. Val av justerare\n\n3. Taxor\n") == []
    assert numbered_run_breaks("1. Upprop 2. Val av justerare\n3. Taxor 4. Övrigt\n") == [29]


@pytest.mark.xfail(strict=True, reason="a school year read as August to June would be the more precise value, but "
                   "batch 4's gold gives a title's 'från läsåret 2026/27' the year range 2026/2027 as an optional "
                   "deadline without alternatives (a regression there); the two golds' conventions need one decision")
def test_a_school_year_runs_from_august_to_june() -> None:
    found = {d.text: d.value for d in kdextract.find_dates("Schemat gäller under läsåret 2028/29 för alla klasser.")}
    assert found == {"under läsåret 2028/29": "2028-08/2029-06"}


def test_a_split_year_without_school_year_stays_a_year_range() -> None:
    found = {d.text: d.value for d in kdextract.find_dates("Verksamhetsåret 2028/29 är kort.")}
    assert found == {"2028/29": "2028/2029"}


DAMAGED = ("Ny ekonomichef ar anställd och börjar i rnaj. Hon ar i dag contro11er i en grannkommun och "
           "tar över efter den tillförordnade chefen. Budgeten ar klar och läggs fram för kommunfu11mäktige i juni.")


def test_light_ocr_damage_with_digits_for_letters_is_repaired() -> None:
    from kdextract.text.ocr import lightly_damaged, repair
    from kdextract.text.view import TextView
    assert lightly_damaged(DAMAGED)
    repaired = repair(TextView.identity(DAMAGED)).text
    assert "kommunfullmäktige" in repaired and "i maj" in repaired and "ar" not in repaired.split()


def test_clean_text_with_a_code_is_not_lightly_damaged() -> None:
    from kdextract.text.ocr import lightly_damaged
    assert not lightly_damaged("Nämnden är enig. Mätningen av co2 och pm10 görs på torget, och resultatet är bra.")


def test_an_ocr_kind_word_with_rn_for_m_keeps_its_kind() -> None:
    doc = kdextract.parse("ÅSBY KOMMUN\nKornmunchefens rapport\n2028-02-10\n\n1. Läget\nAllt går enligt plan.\n",
                          ner=False)
    assert doc.meta.kind == "kommundirektorens_rapport"


def test_an_association_wrapped_after_its_place_word_is_one_name() -> None:
    text = ("Kultur- och fritidsnämnden\n\nVid midsommarfirandet i parken står flera föreningar för programmet och\n"
            "scenen hyrs som vanligt in från kommunen. Dessutom har Östraby\n"
            "Ryttarförening lovat att visa hästarna för barnen.\n")
    assert "Östraby Ryttarförening" in {o.name for o in kdextract.parse(text, ner=False).organisations}


def test_a_wrapped_paragraph_whose_next_line_opens_with_att_is_no_proposal() -> None:
    text = ("Socialnämnden\n\n3. Bostadsanpassning\nAnsökningarna har ökat med en fjärdedel. Förvaltningen föreslår\n"
            "att 400 000 kronor flyttas från hemtjänsten. Nästa fråga gäller taxorna för larmen i hemmen.\n")
    assert not kdextract.parse(text, ner=False).decisions


def test_a_lead_in_line_over_att_clauses_is_still_a_proposal() -> None:
    text = ("Socialnämnden\n\n3. Bostadsanpassning\nAnsökningarna har ökat.\n\nFörvaltningen föreslår\n"
            "att 400 000 kronor flyttas från hemtjänsten,\natt taxan höjs.\n")
    assert kdextract.parse(text, ner=False).decisions


def test_a_case_number_in_brackets_after_a_flattened_title_is_no_title_and_no_item() -> None:
    text = ("ÅSBY KOMMUN\nTekniska nämnden\n\nKALLELSE\n\nTid: Måndag 8 mars 2027 kl. 13.00\n\n"
            "1. Upprop 2. Taxa för markupplåtelse (Dnr TN 2027/15) 3. Ny renhållningsordning (Dnr TN 2027/22) "
            "4. Övriga frågor\n\nÅsby den 1 mars 2027\nPer Ek\nOrdförande\n")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]
    assert titles[:4] == ["Upprop", "Taxa för markupplåtelse", "Ny renhållningsordning", "Övriga frågor"]
