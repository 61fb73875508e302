"""Rules found missing by held-out batch 33 (tests/data/own_corpus33), each in our own words: a numbered topic of
notes over a paragraph whose first line ends a sentence and goes on, wrapped over two lines more."""

from __future__ import annotations

import kdextract


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


NOTES = """Minnesanteckningar
Arbetsgruppen för skolmat, 2027-02-03

1. Ny meny
Menyn prövas på två skolor.

2. Matsalen i Norrby
Ombyggnaden börjar i april. EH och PL går igenom ritningarna
med arkitekten den 9 februari och lämnar sedan synpunkterna
till fastighetsenheten.

3. Nästa möte
Mötet hålls den 3 mars.
"""


def test_a_topic_over_a_paragraph_whose_sentence_ends_two_wrapped_lines_on_heads_an_item() -> None:
    assert _titles(NOTES) == ["Ny meny", "Matsalen i Norrby", "Nästa möte"]

