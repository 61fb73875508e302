"""find_amounts and describe_amounts: a table of Swedish amount strings plus targeted checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from example_tables import table

import kdextract
from kdextract.models import Amount, Section, Source
from kdextract.parsers.amounts import find_amounts
from kdextract.records.amounts import describe_amounts

ROWS = table("amounts_table.tsv", 7)


def test_table_is_large_enough() -> None:
    assert len(ROWS) >= 150
    assert sum(1 for p in ROWS if p.values[1] == "-") >= 40


@pytest.mark.parametrize("text,values,currency,qualifier,first,extra", ROWS)
def test_table(text: str, values: str, currency: str, qualifier: str, first: str, extra: str) -> None:
    found = find_amounts(text)
    if values == "-":
        assert found == [], [(a.text, a.value) for a in found]
        return
    want = [Decimal(v) for v in values.split(";")]
    assert [a.value for a in found] == want, [(a.text, a.value) for a in found]
    assert [a.currency for a in found] == currency.split(";")
    a = found[0]
    assert a.qualifier == (qualifier or None)
    if first:
        assert a.text == first
    for item in filter(None, extra.split(",")):
        key, _, val = item.partition("=")
        assert getattr(a, key) == (val if key == "per" else Decimal(val))


@pytest.mark.parametrize("text", [p.values[0] for p in ROWS])
def test_offsets_sorted_nonoverlapping(text: str) -> None:
    found = find_amounts(text)
    assert isinstance(found, list)
    for a in found:
        assert text[a.start:a.end] == a.text
        assert a.id is None
        assert a.source.method == "rule" and a.source.name.startswith("amounts/")
        assert a.source.explanation
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_exact_decimal_values() -> None:
    a = find_amounts("Bidraget var 4,6 miljoner kr.")[0]
    assert str(a.value) == "4600000" and a.value == Decimal("4600000")
    assert str(find_amounts("Avgiften är 50 öre.")[0].value) == "0.5"
    assert str(find_amounts("Portot är 2 kronor och 23 öre.")[0].value) == "2.23"
    assert str(find_amounts("Ramen är 1,2 mdkr.")[0].value) == "1200000000"


def test_ore_in_words_after_kronor() -> None:
    # the öre in words after kronor in digits or in words: the words' pattern serves both
    for text, found, value in (("Priset är 2 kronor och tjugotre öre.", "2 kronor och tjugotre öre", "2.23"),
                               ("Det kostar tre kronor och femtio öre.", "tre kronor och femtio öre", "3.5")):
        (a,) = find_amounts(text)
        assert (a.text, str(a.value), a.source.name) == (found, value, "amounts/major_minor")


def test_empty_and_no_amount() -> None:
    assert find_amounts("") == []
    assert find_amounts("Inga pengar här.") == []


def test_qualifier_text() -> None:
    a = find_amounts("Inköpet görs inom ett maxbelopp om 48 000 kr.")[0]
    assert (a.qualifier, a.qualifier_text) == ("at_most", "maxbelopp om")
    a = find_amounts("Hyran steg till drygt 37 000 kr.")[0]
    assert (a.qualifier, a.qualifier_text, a.text) == ("over", "drygt", "37 000 kr")
    a = find_amounts("Det kostar CA 5 mnkr.")[0]
    assert (a.qualifier, a.qualifier_text) == ("approx", "CA")


def test_rule_names() -> None:
    names = {a.source.name for a in find_amounts(
        "Ramen är 10–15 mnkr. Portot är 2 kronor och 23 öre, SEK 500 och 3 mnkr; ytterligare 2 miljoner till X.")}
    assert names == {"amounts/range", "amounts/major_minor", "amounts/prefix", "amounts/suffix", "amounts/anaphora"}


def test_paragraph_with_many_amounts() -> None:
    text = ("Investeringen beräknas till 260 000 kr med montering. I fjol landade utgiften "
            "på drygt 41 000 kr. Den 3 oktober 2016 samlas 48 deltagare; se § 27 och KS 2019/217.")
    assert [(a.text, a.value) for a in find_amounts(text)] == [
        ("260 000 kr", Decimal(260000)), ("41 000 kr", Decimal(41000))]


# ---- describe_amounts --------------------------------------------------------------------------

WHAT = [
    ("Flyttkostnaderna för arkivet uppgick till 1,3 miljoner kr.", "Flyttkostnaderna för arkivet"),
    ("Pensionärerna får ett presentkort vid 90 års ålder till ett värde av 400 kr.",
     "presentkort vid 90 års ålder"),
    ("Sammanlagd utgift för studiebesöket bedöms uppgå till 38 000 kr.", "Sammanlagd utgift för studiebesöket"),
    ("Enligt förslaget är budgeten för fritidsgårdarna 3 mnkr.", "budgeten för fritidsgårdarna"),
    ("Budgeten för fritidsgårdarna är 3 mnkr.", "Budgeten för fritidsgårdarna"),
    ("Förra hösten landade priset för den gemensamma kursdagen på drygt 27 000 kr.",
     "priset för den gemensamma kursdagen"),
    ("Nämnden avsätter 5 mnkr för upprustning av skolgården.", "upprustning av skolgården"),
    ("Föreningen har fått ett bidrag på 500 000 kr från staten.", "bidrag"),
    ("Lokalhyra: 45 000 kr", "Lokalhyra"),
    ("Nämnden uppdrar åt skolkontoret att anordna en föräldrakväll i februari till ett maxbelopp om 18 000 kr.",
     "föräldrakväll i februari"),
    ("Priset på en busskort höjs till 650 kr.", "Priset på en busskort"),
    ("Det blev 5 mnkr.", None),
    ("Utgifterna för ombyggnaden av simhallen (etapp två) landade preliminärt på 4,7 miljoner kr.",
     "Utgifterna för ombyggnaden av simhallen (etapp två)"),
    ("Skolstyrelsen beslutar att upphandla en kartläggning av lokalbehovet i norra skolområdet, "
     "under vintern till en maximal kostnad på 64 000 kr.", "kartläggning av lokalbehovet i norra skolområdet"),
]


@pytest.mark.parametrize("text,what", WHAT)
def test_what(text: str, what: str | None) -> None:
    amounts = find_amounts(text)
    assert len(amounts) == 1
    [described] = describe_amounts(text, amounts, [], [(0, len(text))])
    assert described.what == what
    assert described.value == amounts[0].value and described.start == amounts[0].start


def test_what_uses_given_sentence_spans() -> None:
    text = "Inledning. Kostnaden för projektet uppgick till 3 mnkr. Slut."
    amounts = find_amounts(text)
    s = text.index("Kostnaden")
    [a] = describe_amounts(text, amounts, [], [(0, 10), (s, text.index("Slut") - 1), (text.index("Slut"), len(text))])
    assert a.what == "Kostnaden för projektet"
    [b] = describe_amounts(text, amounts, [], [])  # no spans: its own sentence guess
    assert b.what == "Kostnaden för projektet"


def _section(id_: str, level: int, start: int, end: int, parent: str | None = None) -> Section:
    return Section(id=id_, title=id_, category="topic", level=level, parent=parent, start=start, end=end,
                   title_start=start, title_end=start + 1, body_start=start + 1, body_end=end,
                   source=Source(method="rule", name="test"))


def test_section_is_innermost() -> None:
    text = "Ekonomi\nKostnaden är 5 mnkr.\nÖvrigt\nInget."
    amounts = find_amounts(text)
    sections = [_section("sec-1", 1, 0, len(text)), _section("sec-2", 2, 8, 29, "sec-1")]
    [a] = describe_amounts(text, amounts, sections, [])
    assert a.section == "sec-2"
    [b] = describe_amounts(text, amounts, [], [])
    assert b.section is None


def test_describe_returns_copies() -> None:
    text = "Kostnaden är 5 mnkr."
    amounts = find_amounts(text)
    described = describe_amounts(text, amounts, [], [])
    assert amounts[0].what is None and described[0].what == "Kostnaden"
    assert isinstance(described[0], Amount)
    assert describe_amounts(text, [], [], []) == []


@pytest.mark.parametrize("bad", [None, b"2 miljoner kronor", 2.5])
def test_non_text_input_is_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"find_amounts\(\) takes the text as str"):
        find_amounts(bad)  # type: ignore[arg-type]


# Our own fee list: the sums stand bare under a header that names the unit once.
FEE_TABLE = """Avgifter för tillsyn, mars 2026

Datum       Fastighet        Ärende                  Avgift (kr)   Antal timmar
2026-03-02  Björkliden 3:2   Tillsyn, lantbruk        4 720         4
2026-03-09  Smedjan 11       Tillsyn, livsmedel       11 800        10
2026-03-16  Ekmon 1:5        Anmälan, värmepump       1 180         1

Projekt        Budget, tkr    Utfall, tkr    Andel
Skolgården     450            512            114
"""


def test_numbers_under_a_currency_column_are_amounts_in_its_unit() -> None:
    doc = kdextract.parse(FEE_TABLE, ner=False)
    assert [(a.text, a.value) for a in doc.amounts] == [
        ("4 720", 4720), ("11 800", 11800), ("1 180", 1180), ("450", 450000), ("512", 512000)]
    assert all(FEE_TABLE[a.start:a.end] == a.text and a.source.name == "amounts/table_column" for a in doc.amounts)


def test_a_unit_over_the_first_column_or_no_unit_gives_no_column_amounts() -> None:
    # a unit over a first column that other labels than years follow: which numbers are sums is not said
    text = ("Kostnad (tkr)     Antal    Andel\nDrift             1 200    35\n\n"
            "Skola         Elever    Lärare\nNorrskolan    312       24\n")
    assert kdextract.parse(text, ner=False).amounts == []


def test_a_unit_over_the_first_column_and_years_over_the_others_gives_sums() -> None:
    text = "Kostnad (tkr)     2026     2027\nDrift             1 200    1 350\n"
    assert [(a.text, a.value) for a in kdextract.parse(text, ner=False).amounts] == [
        ("1 200", 1200000), ("1 350", 1350000)]
