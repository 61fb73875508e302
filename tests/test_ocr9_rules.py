"""OCR damage stacked on OCR damage: a run-together short word before a damaged compound, a compound's last
part cut by a stray space into a listed word, a hosting site's wrapper line that lost a space or a digit."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.pages import wrapper_edits
from kdextract.text.ocr import repair
from kdextract.text.ocr_repair import TOKEN
from kdextract.text.ocr_spaces import run_together, split_words
from kdextract.text.view import TextView


def _parted(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], new) for a, b, new in run_together(text, list(TOKEN.finditer(text)))]


def _joined(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], new) for a, b, new in split_words(text, list(TOKEN.finditer(text)))]


@pytest.mark.parametrize(("text", "expected"), [
    # the rest lost its å/ä/ö and is a compound of listed parts, no listed word: read with the fewest parts
    ("attvalnamndsordforanden", [("attvalnamndsordforanden", "att valnämndsordföranden")]),
    ("ochfritidsnamndsordforanden", [("ochfritidsnamndsordforanden", "och fritidsnämndsordföranden")]),
    ("attfolkhalsoradet", [("attfolkhalsoradet", "att folkhälsorådet")]),
])
def test_a_short_word_run_into_a_damaged_compound_is_parted(text: str, expected: list[tuple[str, str]]) -> None:
    assert _parted(text) == expected


def test_a_capitalised_compound_that_takes_the_short_word_stays_whole() -> None:
    """As for an intact rest: a capitalised token that reads as a compound of its own is no run-together word."""
    assert _parted("Ochfritidsnamndsordforanden") == []


@pytest.mark.parametrize(("text", "expected"), [
    # the space cut the compound's last part ("beskedet"), its second piece a listed word ("edet")
    ("Utbetalningsbesk edet", [("Utbetalningsbesk edet", "Utbetalningsbeskedet")]),
    ("Bygglovsbesk edet kom i maj", [("Bygglovsbesk edet", "Bygglovsbeskedet")]),
    ("Ekonomichef Rut Ask Utdragsbestyrk ande", [("Utdragsbestyrk ande", "Utdragsbestyrkande")]),
    # a function word after a word is a word of its own, however the two read as one compound
    ("enligt Centre for Ekby", []),
    ("Kommunstyrelsens har beslutat", []),
])
def test_a_compound_part_cut_by_a_space_is_joined(text: str, expected: list[tuple[str, str]]) -> None:
    assert _joined(text) == expected


def test_repair_reads_both_in_a_damaged_page() -> None:
    text = ("Styrelsen foreslar attvalnamndsordforanden far uppdraget och att det ar klart i maj. "
            "Beslutet skickas till ekonomienheten for kannedom, enligt Utbetalningsbesk edet.")
    assert repair(TextView.identity(text), force=True).text == (
        "Styrelsen föreslår att valnämndsordföranden får uppdraget och att det är klart i maj. "
        "Beslutet skickas till ekonomienheten för kännedom, enligt Utbetalningsbeskedet.")


@pytest.mark.parametrize("line", [
    "Z40kb Laddaner dokument",  # a "2" read as "Z", the space between the words lost
    "1O5 kb Ladda ner dokument",
    "3,1 Mb Laddaner",
])
def test_a_wrapper_line_read_by_ocr_is_blanked(line: str) -> None:
    text = f"Kallelse\n{line}\nMötet öppnas\n"
    start = text.index(line)
    assert wrapper_edits(text) == [(start, start + len(line), "", "hosting-site wrapper")]


@pytest.mark.parametrize("line", [
    "Laddaner dokumentet till mötet",  # no wrapper, spaces or not
    "Z40 kommunens dokument",
    "Ladda ner ett formulär",
])
def test_other_lines_stay(line: str) -> None:
    assert wrapper_edits(f"Kallelse\n{line}\n") == []


# Our own portal page of a meeting, read by an engine without a Swedish model.
PORTAL = """Kallelse till Tekniska namnden 2026-02-11

1. Val av justerare
Till justerare valjs Rut Ask.

Z40kb Laddaner dokument

2. Budgetuppfoljning januari
Forvaltningen redovisar utfallet for januari.

1O5 kb Ladda ner dokument
"""


def test_no_section_is_a_damaged_wrapper_line() -> None:
    titles = [s.title for s in kdextract.parse(PORTAL).sections]
    assert not [t for t in titles if "ladda" in t.lower()], titles


@pytest.mark.parametrize(("text", "expected"), [
    # a surname run onto the verb of minutes after it, after a given name; the verb as listed
    ("Ordforande Sune Brattlindoppnade motet", [("Brattlindoppnade", "Brattlind öppnade")]),
    ("och Rut Askredovisade ekonomin", [("Askredovisade", "Ask redovisade")]),
    ("Helga Mossbergföreslog att", [("Mossbergföreslog", "Mossberg föreslog")]),
    # no given name before it, or the whole token the verb: left alone
    ("Styrelsen Brattlindoppnade motet", []),
    ("Gunnel Presenterade planen", []),
])
def test_a_surname_run_onto_its_verb_is_parted(text: str, expected: list[tuple[str, str]]) -> None:
    assert _parted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an inner "I" is OCR's "l": the name as the text prints it intact elsewhere, and the intact one kept
    ("Beslutande Tora WibergIund, ordf. Ordforande Tora Wiberglund oppnade motet.",
     "Beslutande Tora Wiberglund, ordf. Ordförande Tora Wiberglund öppnade mötet."),
    ("Beslutande Tora Wiberglund, ordf. Ordforande Tora WibergIund oppnade motet.",
     "Beslutande Tora Wiberglund, ordf. Ordförande Tora Wiberglund öppnade mötet."),
])
def test_a_name_with_an_inner_i_for_l_reads_as_printed_elsewhere(text: str, expected: str) -> None:
    assert repair(TextView.identity(text), force=True).text == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a word of capitals but for small "l"s: OCR's "I", where the reading is a listed word
    ("EKBY KOMMUN MlNNESANTECKNINGAR 2(8) och lite text har pa sidan.",
     "EKBY KOMMUN MINNESANTECKNINGAR 2(8) och lite text har på sidan."),
    ("BEVlS om att det ar klart", "BEVIS om att det är klart"),
    # no listed reading: a name or a code keeps its letters
    ("ANNA lUND och KSl ar har", "ANNA lUND och KSl är har"),
])
def test_a_capitals_word_with_l_for_i_is_read(text: str, expected: str) -> None:
    assert repair(TextView.identity(text), force=True).text == expected


def test_the_kind_of_damaged_notes_is_read_from_their_capitals_heading() -> None:
    notes = ("EKBY KOMMUN MlNNESANTECKNlNGAR\nSamverkansgruppen 2026-03-04\n\n"
             "1. Mötet öppnas\nOrdforanden Sune Brattlind halsade alla valkomna och oppnade motet.\n\n"
             "2. Budget\nGruppen gick igenom forslaget till budget for nasta ar och beslutade att "
             "aterkomma i fragan pa nasta mote.\n")
    assert kdextract.parse(notes).meta.kind == "minnesanteckningar"


def test_a_given_name_with_a_digit_for_a_letter_is_read_before_its_surname() -> None:
    text = "Narvarande: K1m Ekbrant (SD), Er1k Strandqvist (M), Mat5 Brenholm, ordförande, och KS1 Berg ar har."
    assert repair(TextView.identity(text), force=True).text == (
        "Närvarande: Kim Ekbrant (SD), Erik Strandqvist (M), Mats Brenholm, ordförande, och KS1 Berg är har.")


@pytest.mark.parametrize(("text", "expected"), [
    # the given name before the split surname shows a look-alike letter itself
    ("Helmer Ekbrant, kommunchef, Christcr Wahl ant, räddningschef", [("Wahl ant", "Wahlant")]),
    ("Deltog gjorde Gunnei Ahl berg och fler", [("Ahl berg", "Ahlberg")]),
    # no given name, however damaged: the space stays
    ("Helmer Ekbrant, kommunchef, Kontor Wahl ant, räddningschef", []),
])
def test_a_surname_split_after_a_damaged_given_name_is_joined(text: str, expected: list[tuple[str, str]]) -> None:
    assert _joined(text) == expected
