"""parsers.amount_units: the suffix pattern is tried only at number starts where a unit can come next, and finds
what it finds when tried at every number start."""

from __future__ import annotations

import random

import pytest

from kdextract.parsers import amounts
from kdextract.parsers.amount_units import UnitAhead

SENTENCES = [
    "Nämnden beslutade 2026-03-12 att avsätta 4,2 miljoner kronor till projektet.",
    "Av de 14 förslagen kostar tre mellan 10 och 15 mnkr, ett 250 tkr.",
    "Taxan höjs från 1 240 till 1 310 kr per år för 86 hushåll.",
    "Bidraget uppgår till femtio àtusen:- eller en och en halv miljon SEK.",
    "Ärende 7 av 12: 3 500 € för resan och 2 kronor och 40 öre i avgift.",
]


def _kept(text: str) -> list[int]:
    data = amounts._data()
    return data.unit_ahead.kept(text, amounts._number_starts(text, data))


def test_a_number_with_another_word_after_it_is_not_tried() -> None:
    text = SENTENCES[1]
    kept = [text[s:s + 6] for s in _kept(text)]
    assert "15 mnk" in kept and "250 tk" in kept and "14 för" not in kept and "tre me" not in kept


def test_units_in_signs_and_glued_dashes_keep_their_starts() -> None:
    text = SENTENCES[3]
    assert {text[s:s + 6] for s in _kept(text)} >= {"femtio", "en och"}


@pytest.mark.parametrize("text", SENTENCES)
def test_the_same_amounts_as_tried_at_every_number_start(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    found = amounts.find_amounts(text)
    monkeypatch.setattr(UnitAhead, "kept", lambda self, text, starts: starts)
    assert amounts.find_amounts(text) == found and found


def test_random_texts_of_money_words(monkeypatch: pytest.MonkeyPatch) -> None:
    words = ["3", "4,5", "1 000", "-", "–", "minus", "tre", "en", "och", "halv", "miljoner", "mn", "milj.", "kr", "KR",
             "kronor", "tkrRubrik", "SEK", "€", ":-", "till", "resp.", "à", "öre", "per", "Nämnden", "(", ":", ",", "\n",
             "tvåhundra", "tusen", "k", "norska kronor", "ſ"]
    rng = random.Random(11)
    texts = ["".join(rng.choice(words) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(1, 12)))
             for _ in range(1500)]
    filtered = [amounts.find_amounts(t) for t in texts]
    monkeypatch.setattr(UnitAhead, "kept", lambda self, text, starts: starts)
    assert [amounts.find_amounts(t) for t in texts] == filtered
