"""Mends of review 22's findings on amounts, each in our own words: every cell of a blank-separated table row is
an amount of its own, and a minus glued to the digits is a sign wherever blanks or a line start come before it."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

import kdextract


def _found(text: str) -> list[tuple[str, Decimal]]:
    return [(a.text, a.value) for a in kdextract.find_amounts(text)]


@pytest.mark.parametrize(("row", "cells"), [
    ("Driftbidrag  4 mkr  6 mkr  9 mkr", ["4 mkr", "6 mkr", "9 mkr"]),
    ("Entréavgift 40 kr 60 kr 80 kr", ["40 kr", "60 kr", "80 kr"]),
    ("Fritidsnämnden    64 mkr    71 mkr", ["64 mkr", "71 mkr"]),
])
def test_every_cell_of_a_row_is_an_amount(row: str, cells: list[str]) -> None:
    assert [text for text, _ in _found(row)] == cells


def test_a_minus_after_a_column_gap_is_no_range_dash() -> None:
    found = kdextract.find_amounts("Kulturnämnden    48 mkr    51 mkr    -3 mkr")
    assert [(a.text, a.low, a.high) for a in found][:2] == [("48 mkr", None, None), ("51 mkr", None, None)]
    assert len(found) == 3 and found[2].high is None


def test_a_refused_range_keeps_its_first_amount() -> None:
    assert [text for text, _ in _found("Ramen 90 mkr - 4 mkr ger utrymmet.")] == ["90 mkr", "4 mkr"]


def test_cents_and_a_range_still_read_whole() -> None:
    assert _found("Biljetten kostar 14 kr 50 öre.") == [("14 kr 50 öre", Decimal("14.5"))]
    assert [(a.low, a.high) for a in kdextract.find_amounts("Kostnaden blir 6–8 mkr.")] == [
        (Decimal(6_000_000), Decimal(8_000_000))]


@pytest.mark.parametrize("text", ["Årets resultat  -7 mkr", "Årets resultat:   -7 mkr", "Årets resultat –7 mkr",
                                  "Årets resultat\t-7 mkr", "Kulturnämnden    12 mkr    -7 mkr"])
def test_a_minus_glued_to_the_digits_is_a_sign(text: str) -> None:
    found = kdextract.find_amounts(text)
    assert (found[-1].value, found[-1].start) == (Decimal(-7_000_000), text.index("7 mkr") - 1)


def test_a_dash_with_blanks_around_or_at_a_line_start_is_no_sign() -> None:
    assert _found("Kostnaden ökar – 7 mkr mer än i fjol.") == [("7 mkr", Decimal(7_000_000))]
    assert _found("Bidrag:\n-7 mkr till idrotten\n  –2 mkr till kulturen") == [
        ("7 mkr", Decimal(7_000_000)), ("2 mkr", Decimal(2_000_000))]


@pytest.mark.parametrize(("text", "value"), [
    ("Bidraget blir 6 miljoner 250 tusen kronor.", 6_250_000),
    ("Investeringen uppgår till 1 miljard 400 miljoner kr.", 1_400_000_000),
    ("Köpeskillingen är 2 miljoner 150 000 kronor.", 2_150_000),
])
def test_a_number_with_two_scales_adds_up(text: str, value: int) -> None:
    found = kdextract.find_amounts(text)
    assert [a.value for a in found] == [Decimal(value)] and found[0].text[0].isdigit()


def test_a_year_after_a_scale_is_no_part_of_it() -> None:
    assert _found("Ramen höjs med 4 miljoner 2027 kronor.")[-1] == ("2027 kronor", Decimal(2027))


def test_a_range_shows_both_ends() -> None:
    from kdextract.output.html import visualize
    from kdextract.output.streams import write_table

    doc = kdextract.parse("Kultur- och fritidsnämnden\n\nHallen\n\nOmbyggnaden kostar 7–9 mkr.\n", ner=False)
    assert repr(doc.amounts[0]) == "Amount('7–9 mkr' = 7000000–9000000 SEK)"
    assert repr(kdextract.find_amounts("Hyran är 900 kr.")[0]) == "Amount('900 kr' = 900 SEK)"
    out = io.StringIO()
    write_table([doc], out, "amounts", 120)
    assert "9000000" in out.getvalue()
    page = visualize(doc, lang="en")
    assert "7,000,000–9,000,000" in str(getattr(page, "data", page))


def _memo(sentence: str, name: str) -> kdextract.Document:
    return kdextract.parse(f"Tekniska nämnden\n\nTaxor\n\n{sentence}\n", ner=False).model_copy(update={"id": name})


def test_money_no_arrow_column_holds_fails_its_document_not_the_run(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    from kdextract.output.parquet import write_parquet

    fine = _memo("Taxan är 3,2 mkr.", "fine.txt")
    precise = _memo("Avgiften är 0,7654321 kr per liter.", "precise.txt")
    huge = _memo("Siffran 888888888888888888m miljarder mdkr är brus.", "huge.txt")
    for doc, text in [(precise, "0,7654321 kr"), (huge, "888888888888888888m miljarder mdkr")]:
        with pytest.raises(kdextract.KdextractError, match=f"'{doc.id}', amount '{text}'"):
            doc.to_dataframe("amounts")
    paths = write_parquet([fine, precise, huge], tmp_path)
    assert list(pd.read_parquet(paths["amounts"])["doc_id"]) == ["fine.txt"]
    assert list(pd.read_parquet(paths["documents"])["doc_id"]) == ["fine.txt"]
    failures = pd.read_parquet(paths["failures"])
    assert list(failures["doc_id"]) == ["precise.txt", "huge.txt"] and "0.7654321" in failures["message"][0]


@pytest.mark.parametrize(("text", "per"), [
    ("Månadshyran blir 9 400 kr/mån.", "month"),
    ("Timpriset är 620 kronor per timme.", "hour"),
    ("Arvodet är 1 100 kr om dagen.", "day"),
    ("Stödet ges med 75 kr per invånare.", "invånare"),
    ("Anslaget är 2 mkr per år.", "year"),
    ("Kassan var 2 mkr per den 30 juni.", None),
    ("Anslaget är 2 mkr i år.", None),
])
def test_a_rate_says_what_it_is_per(text: str, per: str | None) -> None:
    (amount,) = kdextract.find_amounts(text)
    assert amount.per == per and amount.text.endswith(("kr", "kronor"))
