"""Rules found missing by held-out batch 39 (tests/data/own_corpus39), each in our own words: bilingual labels of
a minority-language area's minutes."""

from __future__ import annotations

import kdextract

BILINGUAL = """EKBY KOMMUN – EKPYN KUNTA
Pöytäkirja / Protokoll
Kunnanhallitus / Kommunstyrelsen

Kokous / Sammanträde          2027-05-04

§ 12  Bidrag till byastugan / Avustus kylätalolle

Kommunstyrelsen beslutar att bevilja 12 000 kr till byastugan i Åby.

Sekreterare / Sihteeri        Lena Koivisto
Ordförande / Puheenjohtaja    Mats Heikkilä
"""


def test_a_secretarys_label_with_its_translation_after_a_slash_names_the_author() -> None:
    assert kdextract.parse(BILINGUAL).meta.author == "Lena Koivisto"
