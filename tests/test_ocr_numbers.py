"""OCR repair reads look-alike letters inside numbers of an exact shape as digits."""

from __future__ import annotations

from decimal import Decimal

import pytest

import kdextract
from kdextract.text.normalize import normalize
from kdextract.text.ocr import plainly_clean, repair
from kdextract.text.ocr_numbers import digit_repairs, sure_digit_repairs

# Prose of our own as an engine without a Swedish model reads it, digits misread too.
DAMAGED = """Miljönamnden

Tillsyn av enskilda avlopp

Forvaltningen har under varen inventerat de enskilda avloppen i Ekhamra och Norrvik. Av de
granskade anlaggningarna behover en stor del atgardas, och agarna far ett forelaggande
fore den l7 april. Nämnden beslutade 2O24-03-05 att avsatta l 250 tkr for uppfoljningen,
och arbetet ska vara klart under vecka 4Z. Kostnaden for hela projektet ar beraknad till
3,S mnkr fram till 20Z6. Arendet har dnr MN 2O23/118 och redovisas igen i hëst.
"""


@pytest.mark.parametrize(("text", "expected"), [
    ("beslut 2O24-03-05 om", "beslut 2024-03-05 om"),
    ("ansökan om l 250 tkr", "ansökan om 1 250 tkr"),
    ("senast den Z3 april", "senast den 23 april"),
    ("senast den 3l januaei", "senast den 31 januaei"),  # the month with one confusion of its own
    ("blev 6 35O tkt.", "blev 6 350 tkt."),
    ("klart v. 1Z.", "klart v. 12."),
    ("under 20Z6 och", "under 2026 och"),
    ("dnr KS 2O23/301", "dnr KS 2023/301"),
    ("KS 1I7 Budget 2026", "KS 117 Budget 2026"),  # an item number after a committee code
    ("§ Z7 Taxor", "§ 27 Taxor"),
    ("3 Z7 Dnr KS 2025/40 Taxor", "3 27 Dnr KS 2025/40 Taxor"),  # an agenda's item number before its case
    ("avgiften kr 3 2O0:- per år", "avgiften kr 3 200:- per år"),  # before the old sign of kronor
    ("utfallet 4O5 OOO kr", "utfallet 405 000 kr"),  # groups of three: one real digit will do
    ("budget 3,l milj kr", "budget 3,1 milj kr"),
    ("om 4,B miljonerkronor per år", "om 4,8 miljonerkronor per år"),  # a long unit run onto the next word
    ("kostnaden blev kr 48.5O0:- i år", "kostnaden blev kr 48.500:- i år"),  # old style, dots and ":-"
    ("staketet rivs fore den l oktober 1991.", "staketet rivs fore den 1 oktober 1991."),  # "den": look-alikes alone
    ("Yttrande senast Den S mars", "Yttrande senast Den 5 mars"),
    ("09.40–1O.15  2. Budget", "09.40–10.15  2. Budget"),  # a kallelse's time slot
    ("mötet börjar kl. l8.30 i Sjösalen", "mötet börjar kl. 18.30 i Sjösalen"),
    ("lämnas utan åtgärd. 4l Taxa för slamtömning", "lämnas utan åtgärd. 41 Taxa för slamtömning"),  # a bare item
])
def test_look_alikes_in_an_exact_shape_become_digits(text: str, expected: str) -> None:
    out = list(text)
    for start, _end, new, _ in reversed(digit_repairs(text)):
        out[start] = new
    assert "".join(out) == expected


@pytest.mark.parametrize("text", [
    "I april beslutade nämnden",  # "I" is a word: no real digit beside it
    "Sid 3 av 12",
    "lO april",  # no real digit
    "§ 12 Budget 2024",
    "koden B12 och 5B",
    "år 2Z99 blir det",  # not a year from 1900 to 2099 read that way
    "version l0.2 av planen",
    "den 4O januari",  # no day 40
    "den O maj",  # no day 0
    "den l hamnen",  # no month after it
    "2O24-13-05",  # no month 13
    "l 250 personer",  # no unit after it
    "KS IT Budget",  # no real digit
    "KS 1I7 budgeten",  # no title after it
    "OOO kr",  # groups of three still need a real digit
    "om 4,B milstolpar",  # no unit run onto the word
    "version 1.O0:- av planen",  # no thousands group
    "kl. 2S.l0 i salen",  # no hour 25
    "S.OO–l.OO",  # no real digit
    "lämnas utan åtgärd. IO Kommuner deltar",  # no real digit
    "lämnas utan åtgärd. 4l kommuner deltar",  # no title after it
])
def test_letters_outside_an_exact_shape_stay(text: str) -> None:
    assert digit_repairs(text) == []


def test_digit_repairs_run_in_damaged_text_and_dates_and_amounts_are_read() -> None:
    assert not plainly_clean(DAMAGED)
    view = repair(normalize(DAMAGED))
    assert "2024-03-05" in view.text and "1 250 tkr" in view.text and "den 17 april" in view.text
    doc = kdextract.parse(DAMAGED, ner=False)
    values = {d.value for d in doc.dates}
    assert {"2024-03-05", "2024-04-17", "2026"} <= {str(v) for v in values}
    amounts = {a.value for a in doc.amounts}
    assert {Decimal(1_250_000), Decimal(3_500_000)} <= amounts
    i = DAMAGED.index("2O24-03-05")
    assert any(d.start == i and d.end == i + 10 for d in doc.dates)  # offsets into the input


def test_clean_text_does_not_reach_the_repair() -> None:
    clean = ("Förslaget är att nämnden på mötet den 5 mars 2024 avsätter 1 250 tkr för arbetet, "
             "som också får stöd från förvaltningen när det går. ") * 3
    assert plainly_clean(clean)
    view = normalize(clean)
    assert repair(view) is view


def test_a_one_before_a_split_month_stays_a_day() -> None:
    view = repair(normalize("Hon tilltrader tjansten 1 okto ber och bor 1 staden."), force=True)
    assert view.text == "Hon tillträder tjänsten 1 oktober och bor i staden."


def test_a_page_read_well_but_for_a_digit_gets_its_dates() -> None:
    # our own clean minutes: only the typewriter's "1" read as "l" and a "0" as "O" in its dates
    text = ("Kulturnämnden\nProtokoll 1986-O3-11\n\n§ 9 Hyror\n\nNämnden beslutar att de nya hyrorna tas ut "
            "med start den l april 1986.\n")
    doc = kdextract.parse(text, ner=False)
    assert [(d.text, d.value) for d in doc.dates] == [("1986-O3-11", "1986-03-11"), ("den l april 1986", "1986-04-01")]
    assert doc.meta.date == "1986-03-11"


@pytest.mark.parametrize("text", ["Vi ses på plan B april och maj.", "Rum l maj-salen är bokat.", "Koden 19B4-1O-1X gäller."])
def test_no_sure_digit_reading_in_words(text: str) -> None:
    assert sure_digit_repairs(text) == []


def test_a_page_read_well_but_for_the_zeros_of_an_amount_gets_it() -> None:
    # our own clean minutes: only the typewriter's zeros of an amount in thousands read as "O"
    text = ("Tekniska nämnden\nProtokoll 1995-05-09\n\n§ 31 Snöröjning\n\nAvtalet för snöröjningen på de kommunala "
            "gatorna går ut i april. Gatukontoret har därför begärt in nya anbud för de tre kommande säsongerna och "
            "fått in fyra anbud. Lägsta anbudet uppgår till 385 OOO kr per säsong och nämnden begär ett anslag om "
            "1 2OO tkr för hela perioden. Driften kostar kr 85 OOO:- per år.\n")
    assert plainly_clean(text)  # no repair of damaged words runs
    doc = kdextract.parse(text, ner=False)
    assert [(a.text, a.value) for a in doc.amounts] == [("385 OOO kr", Decimal(385_000)), ("1 2OO tkr", Decimal(1_200_000)),
                                                        ("85 OOO:-", Decimal(85_000))]


@pytest.mark.parametrize("text", ["Vi tryckte 12 OOO exemplar.", "OOO kr", "Koden 3 BIO kr", "kr OOO:-", "kr 8 5OS:-"])
def test_no_sure_amount_reading_without_a_digit_first_and_a_unit(text: str) -> None:
    assert sure_digit_repairs(text) == []
