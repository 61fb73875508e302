"""Rules found missing by held-out batch 21 (tests/data/own_corpus21), each in our own words: a table of delegation
decisions flattened to one cell a line; a wrapped agenda title that goes on with a name after a word no title ends
in, its case number after a comma; a company's name after a flattened item head's case number, and one wrapped after
a sentence's end; OCR's "1" for "l" in a name's place ("Uppsa1a") and before a word's small letters ("1än")."""

from __future__ import annotations

import kdextract

DELEGATION = """SJÖVIKS KOMMUN
Bygg- och miljönämnden
2027-04-06

Redovisning av delegationsbeslut

Datum
Ärende
Beslut
Delegat
2027-03-03
Strandskyddsdispens, Lillön 1:7
Beviljad dispens för brygga
Miljöinspektör Kalle Bergsten
2027-03-17
Föreläggande om sophantering
Avskrivet efter rättelse
Handläggare Maja Örn
2027-03-24
Bygglov för carport, Tallåsen 3:2
Beviljat bygglov med avgift om 6 400 kr
Bygglovshandläggare Nils Ås

Förslag till beslut
Nämnden lägger redovisningen till handlingarna.

Eva Lindgård
Förvaltningschef
"""

OUTCOMES = """Anmälan av beslut

Datum
Ärende
Beslut
2027-02-01
Parkeringstillstånd för rörelsehindrad
Bifall
2027-02-09
Färdtjänst utanför länet
Avslag
"""

AGENDA = """TALLÅSENS KOMMUN
Kommunstyrelsens arbetsutskott

FÖREDRAGNINGSLISTA
1. Val av justerare
2. Markanvisning för bostäder i kvarteret Granen till
   Sjövik Bostadsutveckling AB, Dnr KS 2027/41
   Föredragande: exploateringschef Sara Holm
3. Budgetuppföljning efter februari 2027 och prognos för
   helåret, Dnr KS 2027/7
   Föredragande: ekonomichef Ali Demir
4. Övriga frågor
"""


def test_each_row_of_a_table_flattened_to_one_cell_a_line_is_a_decision() -> None:
    texts = [d.text for d in kdextract.parse(DELEGATION, ner=False).decisions]
    assert texts[:3] == ["Beviljad dispens för brygga", "Avskrivet efter rättelse",
                         "Beviljat bygglov med avgift om 6 400 kr"]


def test_a_rows_decision_takes_its_date() -> None:
    days = [d.date for d in kdextract.parse(DELEGATION, ner=False).decisions[:3]]
    assert days == ["2027-03-03", "2027-03-17", "2027-03-24"]


def test_a_one_word_outcome_goes_with_the_case_before_it() -> None:
    texts = [" ".join(d.text.split()) for d in kdextract.parse(OUTCOMES, ner=False).decisions]
    assert texts == ["Parkeringstillstånd för rörelsehindrad Bifall", "Färdtjänst utanför länet Avslag"]


def test_a_delegate_cell_is_no_signature() -> None:
    assert kdextract.parse(DELEGATION, ner=False).meta.author == "Eva Lindgård"


def test_cell_tables_take_the_widest_header_whose_rows_fit() -> None:
    from kdextract.text.cell_lines import cell_tables

    text = "Beslut i mars\nDatum\nÄrende\nBeslut\n2027-03-01\nA\nB\n2027-03-08\nC\nD\n"
    tables = cell_tables(text)
    assert [[text[a:b] for a, b in t.header] for t in tables] == [["Datum", "Ärende", "Beslut"]]
    assert cell_tables("Närvarande\nEva Ek\nPer Holm\nLena Berg\n2027-03-01\n") == []


def test_a_title_that_stops_on_a_small_word_goes_on_with_a_name_at_the_hanging_indent() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA, ner=False).sections if s.level == 1]
    assert "Markanvisning för bostäder i kvarteret Granen till Sjövik Bostadsutveckling AB" in titles


def test_a_case_number_after_a_comma_ends_a_wrapped_title() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA, ner=False).sections if s.level == 1]
    assert "Budgetuppföljning efter februari 2027 och prognos för helåret" in titles


def test_a_title_word_after_a_flattened_items_case_number_opens_no_company_name() -> None:
    text = ("§ 31 Dnr KS 2027/88 Borgen för Åsby Fjärrvärme AB Kommunfullmäktige beslutar att teckna borgen. "
            "§ 32 Borgen för Nolby Hamn AB Fullmäktige beslutar att avslå ansökan.")
    names = {o.name for o in kdextract.parse(text, ner=False).organisations}
    assert {"Åsby Fjärrvärme AB", "Nolby Hamn AB"} <= names
    assert not any(n.startswith("Borgen") for n in names)


def test_a_lead_noun_inside_a_sentence_stays_in_the_name() -> None:
    names = {o.name for o in kdextract.parse("Kommunen har köpt Borgen för Åsby Fjärrvärme AB.", ner=False).organisations}
    assert "Borgen för Åsby Fjärrvärme AB" in names


def test_a_company_name_wrapped_right_after_a_sentence_end_keeps_its_first_word() -> None:
    text = ("Utbyggnaden av fibernätet i byarna har försenats av den tidiga tjälen. Ekbys\n"
            "Fibernät AB räknar med att bli klara i vår.\n")
    names = {o.name for o in kdextract.parse(text, ner=False).organisations}
    assert "Ekbys Fibernät AB" in names and "Fibernät AB" not in names


def test_a_sentences_first_common_word_at_a_lines_end_opens_no_company_name() -> None:
    text = ("Kommunen har haft ett avtal om vinterväghållning under många långa år. Sedan\n"
            "Vägservice AB tog över har klagomålen minskat.\n")
    names = {o.name for o in kdextract.parse(text, ner=False).organisations}
    assert "Vägservice AB" in names and "Sedan Vägservice AB" not in names


SCAN = """SJÖVIKS KOMMUN            PROTOKOLL
Tekniska nämnden          2027-02-11

§ 12   Enski1da avlopp vid Norrsjön
Förva1tningen har gjort ti1lsyn av 40 av1opp under hösten, vi1ket är
fler än p1anerat. Länsstyre1sen i Uppsa1a 1än har begärt en redovisning
ti11 den 1 april 2027.
Beslut
Nämnden godkänner redovisningen och 1ägger den ti11 hand1ingarna.
"""


def test_a_one_for_an_l_in_a_place_name_and_before_small_letters_is_read_in_a_scan() -> None:
    names = {o.name for o in kdextract.parse(SCAN, ner=False).organisations}
    assert "Länsstyrelsen i Uppsala län" in names and "Uppsa1a" not in names


def test_digits_for_letters_read_only_into_listed_words() -> None:
    from kdextract.text.lexicon import load_lexicon
    from kdextract.text.ocr_letters import letters_for_digits

    lex = load_lexicon()
    assert [letters_for_digits(t, lex) for t in ("Enski1t", "1än", "k0mmun")] == ["enskilt", "län", "kommun"]
    assert [letters_for_digits(t, lex) for t in ("1a", "3e", "B1", "Xy1qz", "1:a")] == [None] * 5
