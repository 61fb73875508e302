"""The working view: every offset maps back to the input exactly."""

from __future__ import annotations

import unicodedata

import pytest

from kdextract.text.normalize import normalize
from kdextract.text.view import TextView


def spans_of(view: TextView, word: str) -> tuple[int, int]:
    at = view.text.index(word)
    return view.to_input(at, at + len(word))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Öppna förskolan på Ängsvägen", "Ängsvägen", "Ängsvägen"),
        ("## Översyn av lokaler\n\nText.", "Översyn av lokaler", "Översyn av lokaler"),
        ("Se **Norrbottens Länsdag** nu.", "Norrbottens Länsdag", "Norrbottens Länsdag"),
        ("Läs [rapporten om åtgärder](https://x.se/a) här.", "rapporten om åtgärder", "rapporten om åtgärder"),
        ("Arbetet med kommun-\nstyrelsens budget", "kommunstyrelsens", "kommun-\nstyrelsens"),
        ("Rad ett\r\nBarn- och utbildningsnämnden\r\n", "Barn- och utbildningsnämnden", "Barn- och utbildningsnämnden"),
        ("Summa 10\u00a0000 kr i år", "10 000 kr", "10\u00a0000 kr"),
    ],
)
def test_offsets_map_back_exactly(text: str, word: str, expected: str) -> None:
    view = normalize(text)
    start, end = spans_of(view, word)
    assert text[start:end] == expected


def test_decomposed_letters_are_composed_and_map_to_both_code_points() -> None:
    text = unicodedata.normalize("NFD", "Ekerö kommun och Ämbetsverket")
    view = normalize(text)
    assert view.text == "Ekerö kommun och Ämbetsverket"
    start, end = spans_of(view, "Ekerö")
    assert text[start:end] == unicodedata.normalize("NFD", "Ekerö")
    assert end - start == 6


def test_markdown_headings_and_bold_lines_are_recorded() -> None:
    view = normalize("# Titel\n\n**Fet rubrik**\n\nText med *kursiv* del.")
    assert view.text == "Titel\n\nFet rubrik\n\nText med kursiv del."
    assert view.heading_marks == {0: 1, 7: 0}
    assert [view.text[s:e] for s, e in view.emphasis] == ["Fet rubrik", "kursiv"]


def test_a_markdown_table_reads_as_a_table_laid_out_with_blanks() -> None:
    text = "Plan\n\n| Steg | Klart |\n|------|:-----:|\n| Ritningar | maj |\n| Bygglov | juni |\n\nSlut a|b."
    view = normalize(text)
    assert view.text == "Plan\n\nSteg   Klart\nRitningar   maj\nBygglov   juni\n\nSlut a|b."
    start, end = spans_of(view, "Bygglov")
    assert text[start:end] == "Bygglov"


def test_a_markdown_tables_rows_are_a_schedule() -> None:
    import kdextract

    text = ("# Anteckningar 2025-09-03\n\n## Att göra\n\n| Vad | Vem | När |\n|---|---|---|\n"
            "| Beställa skyltar | Eva Ek | v. 38 |\n| Boka buss | Ola Ås | 2 oktober |\n")
    found = [(d.value, d.what) for d in kdextract.parse(text, ner=False).deadlines]
    assert found == [("2025-W38", "Beställa skyltar"), ("2025-10-02", "Boka buss")]


def test_conjunction_hyphen_at_line_end_is_kept() -> None:
    view = normalize("arbetsmarknads-\noch socialnämnden")
    assert view.text == "arbetsmarknads-\noch socialnämnden"


def test_page_numbers_are_dropped_but_reported() -> None:
    view = normalize("Text före.\n\n2 (3)\n\nText efter.\n24\n")
    assert "2 (3)" not in view.text and "24" not in view.text
    assert {e.reason for e in view.edits} == {"page furniture"}
    assert sorted(e.original for e in view.edits) == ["2 (3)", "24"]


def test_unchanged_text_is_identity() -> None:
    text = "Kommunstyrelsen fattade beslut den 19 februari.\n"
    view = normalize(text)
    assert view.text == text and view.edits == ()
    assert view.to_input(0, len(text)) == (0, len(text))


def test_out_of_range_span_raises() -> None:
    with pytest.raises(ValueError, match="outside the view"):
        TextView.identity("abc").to_input(1, 5)


def test_letter_spaced_line_reads_as_words_and_maps_back() -> None:
    text = "Protokoll\nS a m m a n t r ä d e s p l a n   2 0 2 8\nA B C D E F\n"
    view = normalize(text)
    assert view.text.splitlines()[1:] == ["Sammanträdesplan 2028", "A B C D E F"]  # a row of grades stays
    start = view.text.index("2028")
    assert view.to_input(start, start + 4) == (text.index("2 0 2 8"), text.index("2 0 2 8") + 7)


def test_a_letter_spaced_line_of_names_in_capitals_reads_as_words() -> None:
    # place names no lexicon knows ("MÖLNBY", "TRANBY": their shape says what they are); rows of initials stay
    text = "Protokoll\nM Ö L N B Y   O C H   T R A N B Y\nK L   M N   O P\nA B   C D E\n"
    assert normalize(text).text.splitlines()[1:] == ["MÖLNBY OCH TRANBY", "K L   M N   O P", "A B   C D E"]
