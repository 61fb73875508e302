"""OCR repair joins a word that a scan split with a space."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.text.normalize import normalize
from kdextract.text.ocr import repair
from kdextract.text.ocr_spaces import run_together, split_words
from kdextract.text.ocr_repair import TOKEN

# Our own minutes as an engine without a Swedish model reads them, with words split by spaces.
DAMAGED = """Kultumamnden

Narvarande: Helmer Strandqvist (S), ordförande, Ylva Brenholm (M), Tuva Ekbrant (C)

Protokollet justeras den 12 okto ber av Ylva Bren holm. Arbetsgruppen har under varen
tagit fram ett forslag till ny bibl ioteksplan, och Helmer Strandqvist redovisade
kostnaderna for nämnden. Tuva Ekbrant tog upp fragan om oppettider pa filialerna i Norrby.
"""


def _joined(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], new) for a, b, new in split_words(text, list(TOKEN.finditer(text)))]


@pytest.mark.parametrize(("text", "expected"), [
    ("senast den 4 okto ber", [("okto ber", "oktober")]),
    ("Ylva Brenholm och sedan Ylva Bren holm", [("Bren holm", "Brenholm")]),  # printed whole elsewhere
    ("en ny bibl ioteksplan", [("bibl ioteksplan", "biblioteksplan")]),
    # a tail at a name's end in a list: before a party code, a comma or a column gap
    ("Sigvard Wahlin ius (L), Tove Ek (C)", [("Wahlin ius", "Wahlinius")]),
    ("Greta Wrang elius, sekreterare", [("Wrang elius", "Wrangelius")]),
    ("Ingvar Tjell ander     Ordförande", [("Tjell ander", "Tjellander")]),
    ("Ebba Pfl ug (KD)", [("Pfl ug", "Pflug")]),  # a short listed tail after a head that is no word
    ("Ledamöter Sixtina Dahn berg (C), Olle Ek (S)", [("Dahn berg", "Dahnberg")]),  # a party code after it
])
def test_a_split_word_is_joined(text: str, expected: list[tuple[str, str]]) -> None:
    assert _joined(text) == expected


@pytest.mark.parametrize("text", [
    "ett för slag",  # two listed words: the space may be real
    "Ylva Bren emyr",  # a name not printed whole anywhere, and no surname ending
    "till Norrby kommun",  # the second word capitalised... or listed
    "kostnad 12 tkr",
    "Eva Lund adj, Per Berg tjg, Anna Ek kd, Ulf Holm ordf (S)",  # marks and codes after a name
    "Tove Berg all, Per Sten ur (S)",  # a listed tail after a listed head
    "Enligt Wahlin ius, sekreterare",  # no given name before
])
def test_no_join_without_evidence(text: str) -> None:
    assert _joined(text) == []


def test_split_words_are_joined_in_damaged_text_and_names_read_whole() -> None:
    view = repair(normalize(DAMAGED))
    assert "12 oktober" in view.text and "Ylva Brenholm." in view.text
    doc = kdextract.parse(DAMAGED, ner=False)
    assert any(str(d.value).endswith("-10-12") for d in doc.dates)
    names = {p.name for p in doc.people}
    assert "Ylva Bren" not in names


def _parted(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], new) for a, b, new in run_together(text, list(TOKEN.finditer(text)))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Nämnden beslutar attgodkänna planen", [("attgodkänna", "att godkänna")]),
    ("Enligtbyggnadsnämnden ska", [("Enligtbyggnadsnämnden", "Enligt byggnadsnämnden")]),
    ("planen ochbudgeten", [("ochbudgeten", "och budgeten")]),
    ("ett förslag forbyggnadsnämnden", [("forbyggnadsnämnden", "for byggnadsnämnden")]),  # a long word only
    ("kostar tre miljonerkronor", [("miljonerkronor", "miljoner kronor")]),
    ("redovisas efterseptembet", [("efterseptembet", "efter september")]),  # the month read too
    # a compound only where the short word is taken for its first part: att+barnomsorgs+nämnden
    ("beslutar attbarnomsorgsnämnden ska", [("attbarnomsorgsnämnden", "att barnomsorgsnämnden")]),
    ("arbetet inomsocialforvaltningen", [("inomsocialforvaltningen", "inom socialförvaltningen")]),  # å/ä/ö lost
    # a short word that no compound ends with, run onto the listed word before it
    ("Byggnadsnämndenhar yttrat sig", [("Byggnadsnämndenhar", "Byggnadsnämnden har")]),
    ("Nämnden godkänneratt avtalet förlängs", [("godkänneratt", "godkänner att")]),
    # a unit after an amount, and the word run onto it
    ("avgiften är 4 200 kronorper år", [("kronorper", "kronor per")]),
    ("ramen ökar med 3,5 mnkroch fördelas", [("mnkroch", "mnkr och")]),
])
def test_a_short_word_run_into_the_next_gets_its_space(text: str, expected: list[tuple[str, str]]) -> None:
    assert _parted(text) == expected


@pytest.mark.parametrize("text", [
    "förstudien och medborgarförslaget",  # compounds on 'för' and 'med' stay whole
    "avstämning och tillväxtverket",
    "förstudien och tillväxten",  # 'för' and 'till' before a short word
    "ett enhetschefsmöte",  # 'en' + no word
    "sommaren och attityden",  # listed words
    "planen för sommarlovsaktiviteter",  # a compound of fewer parts than its rest after 'som'
    "en tillfdrordnad chef",  # one word that lost its ö ("tillförordnad"), no 'till' before a word
    "det blev en forutsdttning",
    "de ekonomiska och politiska frågorna",  # no 'ska' after 'ekonomi'
    "nämnden ställde 3 krav på leverantören",  # 'krav' is a word, after a number too
])
def test_compounds_are_not_parted(text: str) -> None:
    assert _parted(text) == []


def test_run_together_words_are_parted_in_damaged_text() -> None:
    damaged = DAMAGED + "Namnden beslutade attgodkänna forslaget enligtbeslutet fran i fjol.\n"
    view = repair(normalize(damaged))
    assert "att godkänna" in view.text and "enligt beslutet" in view.text


@pytest.mark.parametrize(("text", "expected"), [
    ("Justerare: Gunnel Ahl berg (S)", [("Ahl berg", "Ahlberg")]),
    ("Ledamot Torbjörn Fahl sson deltog", [("Fahl sson", "Fahlsson")]),
])
def test_a_surname_tail_after_a_given_name_is_joined(text: str, expected: list[tuple[str, str]]) -> None:
    assert _joined(text) == expected


@pytest.mark.parametrize("text", [
    "Gunnel Ahl berättade om planen",  # a verb, no surname's tail
    "Gunnel Ahl anlander i morgon",  # an ending that verbs share is not listed
    "Kommunen Ahl berg",  # no given name before
])
def test_no_surname_tail_without_a_given_name_and_an_ending(text: str) -> None:
    assert _joined(text) == []


@pytest.mark.parametrize(("text", "joined"), [
    ("Protokollet justeras av Maja Ek sjö och ordföranden.", "Eksjö"),
    ("Vid protokollet Olle Fager udd, sekreterare", "Fagerudd"),
    ("Föredragande är Siri Häll näs från förvaltningen.", "Hällnäs"),
])
def test_a_surname_whose_tail_ocr_split_off_is_joined(text: str, joined: str) -> None:
    assert [new for _, _, new in split_words(text, list(TOKEN.finditer(text)))] == [joined]
