"""kdextract.parsers.numbers: digits, number words, ordinals, and the patterns the date parser uses."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import regex

from kdextract.parsers.numbers import (
    DIGITS_PATTERN,
    clean_decimal,
    number_word_pattern,
    ordinal_word_pattern,
    parse_digits,
    parse_number,
    parse_number_word,
    parse_ordinal,
)

DUCKLING = Path(__file__).resolve().parents[2] / "shared" / "peer-tests" / "duckling-sv"


@pytest.mark.parametrize("text,value", [
    ("1 822", "1822"), ("2,2", "2.2"), ("7.500", "7500"), ("1.822.000", "1822000"), ("110\u00a0000", "110000"),
    ("2\u202f500\u202f000", "2500000"), ("3\u2009750", "3750"), ("12 345,50", "12345.50"), ("2.5", "2.5"),
    ("1822", "1822"), ("0", "0"),
])
def test_parse_digits(text: str, value: str) -> None:
    assert parse_digits(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1 82", "12:30", "1,2,3", "1 8220"])
def test_parse_digits_rejects(text: str) -> None:
    assert parse_digits(text) is None


@pytest.mark.parametrize("text,value", [
    ("noll", 0), ("en", 1), ("ett", 1), ("tio", 10), ("tjugotre", 23), ("tjugo tre", 23), ("hundra", 100),
    ("ett hundra", 100), ("etthundra", 100), ("tvåhundrafemtio", 250), ("två hundra femtio", 250),
    ("tusen", 1000), ("femtusen", 5000), ("fem tusen", 5000), ("tvåhundrafemtio tusen", 250000),
    ("tvåhundrafemtiotusen", 250000), ("två tusen fem hundra", 2500), ("en miljon", 1000000),
    ("två miljoner", 2000000), ("en miljon tvåhundratusen", 1200000), ("tre miljarder", 3000000000),
    ("en och en halv miljon", 1500000), ("en halv miljard", 500000000), ("Fjorton", 14),
    ("nittonhundra", 1900),
])
def test_parse_number_words(text: str, value: int) -> None:
    assert parse_number(text) == Decimal(value)
    assert parse_number_word(text) == value


@pytest.mark.parametrize("text", ["tre fyra", "tio tre", "hundra hundra", "och", "en halv", "personer"])
def test_parse_number_word_rejects(text: str) -> None:
    assert parse_number_word(text) is None


def test_known_bug_ett_hundra_fixed() -> None:
    assert parse_number("ett hundra") == 100
    assert parse_number("ett hundra tusen") == 100000


@pytest.mark.parametrize("text,value", [
    ("100K", "100000"), ("1,2M", "1200000"), (",0012G", "1200000"), ("-1200000", "-1200000"),
    ("minus 1.200.000", "-1200000"), ("negativ 1200000", "-1200000"), ("5 tusen", "5000"),
    ("2,2 miljoner", "2200000"), (",77", "0.77"), ("01,10", "1.1"), ("ett par", "2"),
])
def test_parse_number_extras(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


def test_clean_decimal() -> None:
    assert str(clean_decimal(Decimal("2.2") * 1000000)) == "2200000"
    assert str(clean_decimal(Decimal("1.10"))) == "1.1"
    assert str(clean_decimal(Decimal("0"))) == "0"


@pytest.mark.parametrize("text,value", [
    ("1:a", 1), ("15:e", 15), ("3.", 3), ("1a", 1), ("3e", 3), ("förste", 1), ("tjugoförsta", 21),
    ("trettioförste", 31), ("nittionde", 90), ("sjuttiosjunde", 77), ("tolfte", 12),
])
def test_parse_ordinal(text: str, value: int) -> None:
    assert parse_ordinal(text) == value


def _duckling(name: str) -> list[dict]:
    path = DUCKLING / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return json.loads(path.read_text(encoding="utf-8"))


def test_duckling_numerals() -> None:
    wrong = [(c["text"], parse_number(c["text"])) for c in _duckling("numeral.json")
             if parse_number(c["text"]) != Decimal(str(c["expected"]["value"]))]
    assert wrong == []


def test_duckling_ordinals() -> None:
    wrong = [c["text"] for c in _duckling("ordinal.json") if parse_ordinal(c["text"]) != c["expected"]["value"]]
    assert wrong == []


@pytest.mark.parametrize("text", [
    "tvåhundrafemtio tusen", "ett hundra", "två miljoner", "en miljon tvåhundratusen", "fem", "tjugotre",
    "en och en halv miljon", "en halv miljard", "tusen", "hundra", "två tusen fem hundra",
])
def test_number_word_pattern_matches(text: str) -> None:
    pattern, definitions = number_word_pattern()
    assert regex.fullmatch(pattern + definitions, text, regex.IGNORECASE)
    assert regex.fullmatch(pattern + definitions, text.upper(), regex.IGNORECASE)


@pytest.mark.parametrize("text", ["tre fyra", "en halv", "personer", "miljoner"])
def test_number_word_pattern_rejects(text: str) -> None:
    pattern, definitions = number_word_pattern()
    assert not regex.fullmatch(pattern + definitions, text, regex.IGNORECASE)


def test_patterns_have_no_capturing_groups() -> None:
    for pattern in (ordinal_word_pattern(), DIGITS_PATTERN):
        assert regex.compile(pattern).groups == 0
    # the number words' only group is the one their definitions hold, for the pattern to call
    assert regex.compile("".join(number_word_pattern())).groupindex == {"nw_small": 1}


@pytest.mark.parametrize("text", ["första", "tjugoförsta", "nittionde", "tolfte"])
def test_ordinal_word_pattern(text: str) -> None:
    assert regex.fullmatch(ordinal_word_pattern(), text)


def test_digits_pattern() -> None:
    assert [m.group() for m in regex.finditer(DIGITS_PATTERN, "1 822 och 7.500 och 2,2")] == ["1 822", "7.500", "2,2"]
