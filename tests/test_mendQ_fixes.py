"""Review findings on amounts: a thousands space wrapped to a line break, a rate's unit on the next line, a foreign
sum before "och" and a Swedish one, two-column budget tables and unit prices."""

from __future__ import annotations

from decimal import Decimal

import kdextract
from kdextract.parsers.amounts import find_amounts


def _amounts(text: str) -> list[tuple[str, Decimal]]:
    return [(a.text, a.value) for a in kdextract.parse(text, ner=False).amounts]


def test_a_sum_wrapped_at_its_thousands_space_keeps_its_value() -> None:
    text = "Förvaltningen räknar med en merkostnad om 36\n500 kr under hösten."
    assert _amounts(text) == [("36\n500 kr", Decimal("36500"))]
    text = "Bidraget uppgår till 3 750\n000 kronor för hela perioden."
    assert [(a.text, a.value) for a in find_amounts(text)] == [("3 750\n000 kronor", Decimal("3750000"))]


def test_a_run_of_zeros_alone_is_no_sum() -> None:
    assert find_amounts("Kontot stod på 000 kr vid årets slut.") == []
    # a blank line between the halves: two paragraphs, no wrapped number
    assert [a.value for a in find_amounts("Sida 7\n\n250 kr per deltagare")] == [Decimal("250")]


def test_a_run_of_digit_groups_too_long_for_a_number_is_no_amount_and_no_crash() -> None:
    assert find_amounts("100 " * 1500 + "100 kr") == []
    assert [a.value for a in find_amounts("Ramen är 5 tusen kr.")] == [Decimal("5000")]


def test_a_rate_whose_unit_wraps_to_the_next_line_keeps_its_period() -> None:
    for text in ("Avgiften för korttidsboendet blir 4 200 kr/\nmånad från januari.",
                 "Avgiften för korttidsboendet blir 4 200 kr per\nmånad från januari.",
                 "Avgiften för korttidsboendet blir 4 200 kr i\nmånaden från januari."):
        assert [(a.value, a.per) for a in kdextract.parse(text, ner=False).amounts] == [(Decimal("4200"), "month")]
    # a blank line between: the next paragraph, no rate
    assert [a.per for a in find_amounts("Summa 4 200 kr\n\nper månad redovisas nedan")] == [None]


def test_a_foreign_sum_before_och_and_a_swedish_one_keeps_both() -> None:
    found = find_amounts("EU-stödet uppgår till 2,5 miljoner euro och den egna insatsen till 1 mnkr.")
    assert [(a.text, a.value, a.currency) for a in found] == [
        ("2,5 miljoner euro", Decimal("2500000"), "EUR"), ("1 mnkr", Decimal("1000000"), "SEK")]
    found = find_amounts("Avgiften är 40 euro och 300 kronor för medlemmar.")
    assert [(a.value, a.currency) for a in found] == [(Decimal("40"), "EUR"), (Decimal("300"), "SEK")]


def test_a_two_column_table_of_sums_gives_its_amounts() -> None:
    text = ("Föreningsbidrag 2026\n\nFörening              Bidrag (kr)\nIK Svalan                 12 500\n"
            "Hembygdsgården             8 000\n\nBidragen betalas ut i mars.\n")
    assert _amounts(text) == [("12 500", Decimal("12500")), ("8 000", Decimal("8000"))]
    tabbed = "Verksamhet\tRam (tkr)\nFritidsgårdar\t3 200\nBibliotek\t5 750\n"
    assert _amounts(tabbed) == [("3 200", Decimal("3200000")), ("5 750", Decimal("5750000"))]


def test_a_currency_headed_column_with_a_year_in_its_header() -> None:
    text = "Förvaltning          Ram 2027 (tkr)     Ansvarig\nKultur                  14 300          LB\n"
    assert _amounts(text) == [("14 300", Decimal("14300000"))]
    # a row of numbers under a currency word is no header
    assert _amounts("Avgift (kr) 2026     400     450\nÖvrigt     100     120\n") == []


def test_unit_prices_are_rates_not_sums() -> None:
    def per(text: str) -> list[str | None]:
        return [a.per for a in find_amounts(text)]

    assert per("Kommunen beställer 40 lunchlådor à 95 kr.") == ["lunchlådor"]
    assert per("Slamtömning kostar 310 kr per kubikmeter, och 2 kronor per m3 för extra vatten.") == ["m³", "m³"]
    assert per("Timpriset är 640 kr för tolkning på plats.") == ["hour"]
    assert per("Årsavgift 250 kr, engångsavgift 100 kr.") == ["year", None]
    # a range joined by "à" stays a range, no unit price
    (a,) = find_amounts("Biljetten kostar 80 à 100 kr.")
    assert (a.low, a.high, a.per) == (Decimal("80"), Decimal("100"), None)


def test_english_scales_and_comma_thousands_after_a_currency_sign() -> None:
    found = find_amounts("The project receives EUR 1.8 million, and the town adds 0.5 million kronor.")
    assert [(a.value, a.currency) for a in found] == [(Decimal("1800000"), "EUR"), (Decimal("500000"), "SEK")]
    assert [a.value for a in find_amounts("Fees: £3,200 per term, €12,000.50 in total.")] == [
        Decimal("3200"), Decimal("12000.5")]
    # a decimal comma after a sign stays one: two decimals are öre, cents
    assert [a.value for a in find_amounts("Priset är €4,50 per styck.")] == [Decimal("4.5")]
