"""Findings of review 28 on people mended, each with its input in our own words: a company, unit or product joined
by "och" to a person is no person."""

from __future__ import annotations

import pytest

import kdextract


def _people(text: str, ner: bool = False) -> list[str]:
    return [p.name for p in kdextract.parse(text, ner=ner).people]


@pytest.mark.parametrize("other", ["Sjöby Hamn", "Lillby Taxi", "Procapita Support", "Sunnanby Fibernät",
                                   "Medvind Enterprise"])
def test_a_unit_joined_to_a_person_by_och_is_no_person(other: str) -> None:
    assert _people(f"Arbetet leds av Sofia Nyberg och {other} tillsammans.\n") == ["Sofia Nyberg"]


def test_a_person_with_an_unlisted_given_name_joined_by_och_stays_a_person() -> None:
    assert _people("Arbetet leds av Sofia Nyberg och Nhung Tran tillsammans.\n") == ["Sofia Nyberg", "Nhung Tran"]
