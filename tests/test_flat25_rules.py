"""Rules for flattened text (layout stress round 25), in our own words."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.bullets import title_dash

#: Minutes of a working group whose line breaks were all lost: each numbered topic's title runs into its first
#: dash item, and more dash items follow sentence ends.
ANTECKNINGAR = ("Minnesanteckningar – Styrgruppen för skolbygget, Ekby kommun Datum: 2026-10-06 kl. 13.00–15.00 "
                "Plats: Kommunhuset, rum Ekan Närvarande: Oskar Lind, Mona Sjöberg, Per Holm Antecknare: Mona Sjöberg "
                "1. Förra mötets anteckningar - Lades till handlingarna. 2. Tidplan - Bygglovet väntas i november. "
                "- Rivningen börjar vecka 3. 3. Kostnader - Prognosen ligger 2 mnkr över kalkylen. "
                "- Per tar fram förslag på besparingar. 4. Övriga frågor - Inga övriga frågor. "
                "Nästa möte: 2026-11-03 kl. 13.00.")


def test_a_numbered_topic_title_ends_before_its_first_dash_item() -> None:
    headings = [s.title for s in kdextract.parse(ANTECKNINGAR, ner=False).sections]
    for title in ("Förra mötets anteckningar", "Tidplan", "Kostnader", "Övriga frågor"):
        assert any(h.endswith(title) for h in headings), headings
    assert not any(" - " in h for h in headings), headings


@pytest.mark.parametrize(("title", "stop"), [
    ("Tidplan - Bygglovet väntas", "Tidplan"),
    ("Förra mötets anteckningar - Lades till handlingarna.", "Förra mötets anteckningar"),
])
def test_title_dash_finds_the_first_dash_item(title: str, stop: str) -> None:
    assert title_dash(title, 0, len(title)) == len(stop)


@pytest.mark.parametrize("title", [
    "Detaljplan för Norra Ekby - samråd",  # a dash before a lower-case word: part of the title
    "- Bygglovet väntas",  # the dash opens the text: no title before it
    "Budget 2027–2029",  # a range, no blanks around the dash
])
def test_title_dash_leaves_titles_without_a_dash_item(title: str) -> None:
    assert title_dash(title, 0, len(title)) is None
