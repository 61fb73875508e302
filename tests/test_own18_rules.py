"""Rules found missing by held-out batch 18 (tests/data/own_corpus18), each in our own words."""

from __future__ import annotations

import kdextract

INVITATION = """ÅBY KOMMUN                                  INBJUDAN
Kultur och fritid                           2029-04-03

Välkommen till informationskväll om den nya sporthallen

Tid: torsdagen den 26 april 2029 kl. 19.00
Plats: Åby skola, matsalen

Vi berättar om planerna och svarar på frågor.

Eva Ek
Fritidschef
"""


def test_an_invitation_to_a_public_meeting_is_its_notice() -> None:
    assert kdextract.parse(INVITATION, ner=False).meta.kind == "kallelse"


def _dates(text: str) -> dict[str, str]:
    return {d.text: d.value for d in kdextract.find_dates(text)}


def test_two_weeks_joined_by_och_or_till_are_one_period() -> None:
    assert _dates("Praon genomförs vecka 41 och 42 hos företagen.")["vecka 41 och 42"] == "XXXX-W41/XXXX-W42"
    assert _dates("Skolan är stängd v. 7 till 9.")["v. 7 till 9"] == "XXXX-W07/XXXX-W09"


def test_a_week_number_wrapped_onto_the_next_line_is_read() -> None:
    assert _dates("Städdagarna infaller i vecka\n20 på alla skolor.")["i vecka\n20"] == "XXXX-W20"


def test_a_week_followed_by_a_share_keeps_its_own_number() -> None:
    assert _dates("Under vecka 12 och 40 procent av tiden.")["Under vecka 12"] == "XXXX-W12"
