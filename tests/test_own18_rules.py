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
