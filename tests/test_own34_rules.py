"""Rules found missing by held-out batch 34 (tests/data/own_corpus34), each in our own words: a month range
after a verb and "till" ("renoveringen är planerad till mars–april 2028"), where the word before "till" used to
start a failed range match that swallowed the first month; "Ärende 3" alone on its
line over its title in a meeting portal's agenda (the title is the next line)."""

from __future__ import annotations

import pytest

import kdextract


@pytest.mark.parametrize(("text", "found"), [
    ("Renoveringen är planerad till mars–april 2028.", ("till mars–april 2028", "2028-03/2028-04")),
    ("Utställningen flyttas till oktober-november 2027.", ("till oktober-november 2027", "2027-10/2027-11")),
    ("Bygget pågår under augusti–september 2026.", ("under augusti–september 2026", "2026-08/2026-09")),
])
def test_month_range_after_till(text: str, found: tuple[str, str]) -> None:
    assert [(d.text, d.value) for d in kdextract.parse(text).dates] == [found]


def test_till_before_a_single_month_stays_one_month() -> None:
    dates = kdextract.parse("Mötet flyttas till maj 2027.").dates
    assert [(d.text, d.value) for d in dates] == [("till maj 2027", "2027-05")]


_PORTAL = """Kallelse – Kultur- och fritidsnämnden

Datum: tisdag 3 mars 2027
Plats: Stadshuset, rum Ugglan

{a}
Val av protokollsjusterare
Föredragande: Ordförande

{b}
Taxor för idrottshallar 2028
Föredragande: Fritidschef Lars Ek
Handlingar:
Tjänsteskrivelse taxor [PDF, 80 kB]

{c}
Bidrag till studieförbunden
Föredragande: Handläggare Sara Holm
"""


@pytest.mark.parametrize("words", [("Ärende 1", "Ärende 2", "Ärende 3"), ("Ärende 1.", "Ärende 2.", "Ärende 3."),
                                   ("Punkt 1", "Punkt 2", "Punkt 3"), ("§ 1", "§ 2", "§ 3")])
def test_item_word_alone_takes_the_next_line_as_title(words: tuple[str, str, str]) -> None:
    text = _PORTAL.format(a=words[0], b=words[1], c=words[2])
    sections = [s for s in kdextract.parse(text).sections if s.level == 1]
    assert [s.title for s in sections] == ["Val av protokollsjusterare", "Taxor för idrottshallar 2028",
                                           "Bidrag till studieförbunden"]


@pytest.mark.parametrize("under", ["tisdag 3 mars 2027", "Beslut:", "Ärende 4", "Nämnden beslutar att anta taxan."])
def test_item_word_alone_over_no_title_heads_nothing(under: str) -> None:
    text = f"Protokoll\n\nÄrende 3\n{under}\n\nNämnden har behandlat frågan vid två tillfällen under hösten.\n"
    assert all(s.start != text.index("Ärende 3") for s in kdextract.parse(text).sections)
