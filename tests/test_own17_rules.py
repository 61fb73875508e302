"""Rules found missing by held-out batch 17 (tests/data/own_corpus17), each in our own words: a case number's split
year after its series, a thing put off to a later date, a "gille" association, a decision letter's headings, a bare
"§" over a sub-heading's word used as the item's title."""

from __future__ import annotations

import kdextract


def _dates(text: str) -> dict[str, str]:
    return {d.text: d.value for d in kdextract.find_dates(text)}


def test_a_split_year_after_a_case_series_in_capitals_is_a_case_number() -> None:
    assert _dates("Ärendet har nummer Dnr BUN 2025/26 i registret.") == {}
    assert _dates("Se ärende SBN 2027/28 om bygglovet.") == {}


def test_a_split_year_after_a_school_term_or_a_word_stays_a_date() -> None:
    assert _dates("Budgeten för läsåret 2027/28 är lagd.")["2027/28"] == "2027/2028"
    assert _dates("Verksamhetsåret 2027/28 har budget.")["2027/28"] == "2027/2028"


def test_a_thing_put_off_to_a_later_season_is_planned_for_it() -> None:
    doc = kdextract.parse("Tekniska nämnden\n\nInvigningen av den nya simhallen har skjutits till hösten 2029 "
                          "eftersom leveranserna är sena.\n", ner=False)
    assert "2029-FA" in {d.value for d in doc.deadlines}


def test_a_gille_after_place_words_is_an_association() -> None:
    doc = kdextract.parse("Kultur- och fritidsnämnden\n\nNämnden har fått en ansökan om bidrag från "
                          "Ekby Hembygdsgille för sommarens marknad.\n", ner=False)
    assert "Ekby Hembygdsgille" in {o.name for o in doc.organisations}


LETTER = """BYGGNADSNÄMNDEN
Ekby kommun

Datum: 2029-03-02
Dnr: BN 2029/14

Beslut om föreläggande att ta bort en skylt på Ekvägen 3

Beslut
Byggnadsnämnden förelägger ägaren att ta bort skylten senast den 30 april 2029.

Motivering
Skylten har satts upp utan bygglov och står för nära körbanan.

Hur man överklagar
Beslutet kan överklagas hos Länsstyrelsen. Skrivelsen ska ha kommit in inom tre veckor.
"""


def test_a_decision_letters_headings_under_its_subject_line_are_its_sections() -> None:
    titles = [(s.title, s.level) for s in kdextract.parse(LETTER, ner=False).sections]
    assert [t for t, level in titles if level == 1][-3:] == ["Beslut", "Motivering", "Hur man överklagar"]


MINUTES = """EKBY KOMMUN                           PROTOKOLL
Socialnämnden                         Sammanträdesdatum 2029-02-11

§ 8
Val av justerare

Beslut
Eva Ek utses att justera protokollet.

§ 9
Information

Förvaltningschefen berättar om läget i hemtjänsten och om vinterns rekrytering.
"""


def test_a_bare_paragraph_over_a_sub_heading_word_and_a_blank_takes_it_as_its_title() -> None:
    top = [s.title for s in kdextract.parse(MINUTES, ner=False).sections if s.level == 1]
    assert top == ["Val av justerare", "Information"]
