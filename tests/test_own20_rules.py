"""Rules found missing by held-out batch 20 (tests/data/own_corpus20), each in our own words: a numbered agenda whose
items carry a note at the titles' hanging indent; an amount whose whole part OCR read as the letter "O"."""

from __future__ import annotations

import kdextract

AGENDA = """NORRVIKS KOMMUN
Tekniska nämnden

KALLELSE

Tid: Tisdag 9 mars 2027 kl. 13.30

FÖREDRAGNINGSLISTA

1. Upprop
   Förslag: Per Sundin justerar protokollet

2. Samverkansavtal om räddningstjänst
   Dnr TN 2027/8
   Föredragande: gatuchef Lina Berg

3. Ny parkeringstaxa för centrala Norrvik och det nya hamnområdet
   Taxan höjs med tio kronor per timme från den 1 maj 2027.

4. Delårsrapport för tekniska nämnden
   Dnr TN 2027/3
   Resultatet visar ett litet överskott.

5. Information från Myndigheten för samhällsskydd och beredskap om tillsynen
   Ett yttrande ska lämnas senast den 30 april 2027.

6. Anmälningsärenden
   Inga nya anmälningar har kommit in.

Norrvik den 26 februari 2027
Per Sundin
Ordförande
"""

POINTS = """BERGÅS KOMMUN
Kommunstyrelsen

Beslut

Kommunstyrelsen beslutar följande:

1. Kommunstyrelsen godkänner den reviderade planen för gång- och cykelvägar
   inom tätorterna.

2. Kommunstyrelsen ger förvaltningen i uppdrag att ta fram en tidplan
   för utbyggnaden.

3. Kommunstyrelsen avsätter medel i budget 2028 för det
   första etappen.
"""


def test_items_with_a_note_at_the_hanging_indent_are_each_an_item() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA, ner=False).sections if s.level == 1]
    assert titles[-6:] == ["Upprop", "Samverkansavtal om räddningstjänst",
                           "Ny parkeringstaxa för centrala Norrvik och det nya hamnområdet",
                           "Delårsrapport för tekniska nämnden",
                           "Information från Myndigheten för samhällsskydd och beredskap om tillsynen",
                           "Anmälningsärenden"]


def test_decision_points_wrapped_at_the_hanging_indent_stay_points() -> None:
    titles = [s.title for s in kdextract.parse(POINTS, ner=False).sections if s.level == 1]
    assert not any(t.startswith("Kommunstyrelsen godkänner") for t in titles)


def test_an_o_for_the_zero_before_decimals_and_a_unit_is_read_as_zero() -> None:
    doc = kdextract.parse("Nämnden räknar med en kostnad på ungefär O,8 mnkr för hela året 2027.", ner=False)
    assert [(a.value, a.text) for a in doc.amounts] == [(800000, "O,8 mnkr")]


def test_an_o_with_decimals_before_another_word_stays_a_letter() -> None:
    from kdextract.text.ocr_numbers import sure_digit_repairs
    assert sure_digit_repairs("Se figur O,4 sidan tre och tabell O,12 nedan.") == []
