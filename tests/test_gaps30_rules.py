"""Rules of the gaps30 branch (held-out batch 43's open items), each in our own words: a long word with several
look-alikes at once ("rn", "1", "6" together) read back to the listed word or compound it is, and a surname after
a given name with a digit for a letter read with the letter."""

from __future__ import annotations

import kdextract
from kdextract.text.lexicon import load_lexicon
from kdextract.text.ocr import repair
from kdextract.text.ocr_letters import letters_for_digits
from kdextract.text.ocr_repair import TOKEN
from kdextract.text.ocr_several import several_look_alikes
from kdextract.text.ocr_spaces import split_words
from kdextract.text.view import TextView


def _repaired(text: str) -> str:
    return repair(TextView.identity(text), force=True).text


# -- several look-alikes in one word ----------------------------------------------------------------------------

def test_several_look_alikes_read_back_to_a_listed_word_or_compound() -> None:
    lex = load_lexicon()
    assert several_look_alikes("rniljöf6rva1tningen", lex) == "miljöförvaltningen"  # rn, 6 and 1
    assert several_look_alikes("ku1turnarnnden", lex) == "kulturnämnden"  # the "rn" of "kultur-n" kept, ä put back
    assert several_look_alikes("ornrådesp1anen", lex) == "områdesplanen"


def test_several_look_alikes_leave_real_words_and_nonsense_alone() -> None:
    lex = load_lexicon()
    for word in ("barnen", "järnvägen", "stjärnorna", "hörnet"):  # real words with "rn"
        assert several_look_alikes(word, lex) is None
    assert several_look_alikes("bernhardsson", lex) is None  # one look-alike only: the search's
    assert several_look_alikes("hornrnarnas", lex) is None  # no word, nor a compound with a real last part


def test_a_damaged_page_gets_its_long_compounds_back() -> None:
    text = ("Vid sarnrnantradet redovisade kontoret ett f6rs1ag om nya lokaler for skolan. Rniljöf6rva1tningen "
            "har lamnat ett ytt rande och ku1turnarnnden har tagit del av det. Arendet tas upp igen i host.\n")
    fixed = _repaired(text)
    assert "Miljöförvaltningen har" in fixed
    assert "kulturnämnden har" in fixed


# -- a surname with a digit after a given name ------------------------------------------------------------------

def test_a_digit_inside_a_surname_after_a_given_name_is_a_letter() -> None:
    lex = load_lexicon()
    assert letters_for_digits("Må1mberg", lex, surname=True) == "målmberg"
    assert letters_for_digits("Må1mberg", lex) is None  # no listed word, and not a surname's place
    assert letters_for_digits("må1mberg", lex, surname=True) is None  # small: no name


def test_a_signers_surname_is_read_whole() -> None:
    text = ("Narvarande var ledamoterna fran bada partierna och nagra ersattare. Fragan om nya lokaler for skolan "
            "togs upp och diskuterades lange av namnden.\n\nVid protokollet\n\nSven-Erik Må1mberg\n")
    assert "Sven-Erik Målmberg" in _repaired(text)


# -- another authority's decision in a memo's background --------------------------------------------------------

_MEMO = ("Tjänsteskrivelse\n\nDatum 2027-02-10\nDnr KS 2027/31\n\nTill kommunstyrelsen\n\nNy cykelbro över ån\n\n"
         "Bakgrund\nBron vid bruket är från 1950-talet och behöver bytas. Trafikverket har godkänt att den nya "
         "bron ansluts till väg 620, och Boverket har beviljat ett stöd om 300 000 kr till projekteringen.\n\n"
         "Förslag till beslut\nKommunstyrelsen föreslås besluta att bygga en ny cykelbro över ån.\n")


def test_another_authoritys_decision_in_a_memos_background_is_none() -> None:
    texts = [d.text for d in kdextract.parse(_MEMO).decisions]
    assert not any("Trafikverket" in t or "Boverket" in t for t in texts), texts


def test_another_authoritys_decision_in_a_report_stays() -> None:
    report = ("Kommundirektörens rapport mars 2027\n\nMottagande av nyanlända\n\nLänsstyrelsen har beslutat om "
              "fördelningen av nyanlända mellan länets kommuner för år 2028. För kommunen innebär det 40 personer.\n")
    assert any("Länsstyrelsen" in d.text for d in kdextract.parse(report).decisions)


# -- a plan begun for a later month ------------------------------------------------------------------------------

def test_a_plan_begun_for_a_later_month_is_planned() -> None:
    text = ("Kommundirektörens rapport 2026-11-16\n\nSkola och förskola\n\nRektorn har tillsammans med "
            "föräldraföreningen börjat planera en föräldraträff i februari. Inbjudan skickas ut i januari.\n")
    found = [(d.kind, d.value) for d in kdextract.parse(text).deadlines if "föräldraträff" in d.text]
    assert ("planned", "2027-02") in found, found


# -- a surname split by one space at a sentence's end, or after a given name with a digit -------------------------

def _joined(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], joined) for a, b, joined in split_words(text, list(TOKEN.finditer(text)))]


def test_a_split_surname_that_ends_a_sentence_is_joined() -> None:
    assert ("Ry dh", "Rydh") in _joined("Tjänsten som vaktmästare går till Leif Ry dh.\n\nNästa punkt")
    assert _joined("Mötet leddes av Eva Holm idag.") == []  # a listed word after the name: the space is real


def test_a_given_name_with_a_digit_still_names_the_split_surname() -> None:
    assert ("Ry dh", "Rydh") in _joined("Ledamöter: Danie1 Ry dh, Eva Ek")
