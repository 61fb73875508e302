"""OCR repair reads misread paragraph signs and party codes back where the text's intact ones vouch for them."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.text.ocr_codes import code_repairs, lone_sign_repairs

# Our own protocol as an engine without a Swedish model reads it, signs and codes misread too.
DAMAGED = """Miljö- och byggnadsnämnden
SAMMANTRÄDESPROTOKOLL
Sammanträdesdatum 2025-02-11

Beslutande
Helmer Strandqvist (5), ordförande
Ylva Brenholm (IVl), vice ordförande
Tuva Ekbrant (G)
Oskar Lindsköld (S)
Maja Fernström (M)
Sixten Öberg (C)

Övriga närvarande
Klara Nyborn, sekreterare

§ 4 Val av justerare
Namnden utser Tuva Ekbrant att justera protokollet. Forvaltningen far i uppdrag att aterkomma.

$ 5 Tillsyn av enskilda avlopp
Forvaltningen har under varen inventerat de enskilda avloppen och behover atgarda en stor del.

8 6 Delegationsbeslut
Namnden tar del av redovisningen och lagger den till handlingarna.
"""


def _repaired(text: str) -> str:
    out = text
    for start, end, new, _ in reversed(code_repairs(text)):
        out = out[:start] + new + out[end:]
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("§ 3 Taxor\n$ 4 Budget\n", "§ 3 Taxor\n§ 4 Budget\n"),
    ("§ 3 Taxor\n8 4 Budget\n", "§ 3 Taxor\n§ 4 Budget\n"),
    ("KS § 30 Taxor\nKS S 31 Budget\n", "KS § 30 Taxor\nKS § 31 Budget\n"),
    ("Eva Lund (S), Per Berg (5)", "Eva Lund (S), Per Berg (S)"),
    ("Eva Lund (M), Per Berg (IVl), Ann Ek (SD), Bo Ek (5D)", "Eva Lund (M), Per Berg (M), Ann Ek (SD), Bo Ek (SD)"),
])
def test_misread_signs_and_codes_are_read_back(text: str, expected: str) -> None:
    assert _repaired(text) == expected


@pytest.mark.parametrize("text", [
    "$ 4 Budget\n8 5 Taxor\n",  # no intact "§" heading vouches for them
    "§ 3 Taxor\n8 40 Budget\n",  # far from any intact heading's number
    "§ 3 Taxor\n5 st bilar köps in\n",  # no heading: a count
    "Per Berg (5)",  # no intact "(S)" in the text
    "Eva Lund (S) och bilaga (5)",  # not after a name
])
def test_no_reading_without_an_intact_one(text: str) -> None:
    assert code_repairs(text) == []


def test_parties_and_item_headings_are_read_in_a_damaged_protocol() -> None:
    doc = kdextract.parse(DAMAGED)
    parties = {a.name: a.party for m in doc.meetings for a in m.attendees}
    assert parties["Helmer Strandqvist"] == "S" and parties["Ylva Brenholm"] == "M" and parties["Tuva Ekbrant"] == "C"
    titles = [s.title for s in doc.sections]
    assert "Tillsyn av enskilda avlopp" in titles and "Delegationsbeslut" in titles
    sign = DAMAGED.index("$ 5")
    assert any(s.start <= sign < s.end for s in doc.sections)  # offsets into the input


# Our own typewritten minutes read well but for the paragraph sign: every "§" came out as "$".
ALL_DOLLARS = """Tekniska nämnden
Protokoll 1979-05-08

Närvarande  Sture Malmgren, ordf
            Berit Hallén
            Gustav Ernfors, sekreterare


$ 31    Justering

Berit Hallén utses att jämte ordföranden justera protokollet.


$ 32    Gatubelysning i Norrbyn

Nämnden beslutar att bygga ut belysningen längs Skolvägen.


$ 33    Anmälningar

Anmälningarna läggs till handlingarna.
"""


def test_every_sign_read_as_dollar_is_read_back_from_the_run() -> None:
    doc = kdextract.parse(ALL_DOLLARS)
    assert [s.title for s in doc.sections] == ["Justering", "Gatubelysning i Norrbyn", "Anmälningar"]
    assert doc.amounts == []  # "$ 31" is no sum of dollars
    sign = ALL_DOLLARS.index("$ 32")
    assert any(s.start == sign for s in doc.sections)  # offsets into the input


@pytest.mark.parametrize("text", [
    "$ 31    Justering\n\nText.\n",  # one alone: nothing vouches for it
    "$ 32    Budget\n\n$ 31    Taxor\n",  # numbers that do not rise
    "Priset är\n$ 40 per månad\n$ 45 per år\n",  # sums, no headings
])
def test_no_lone_dollar_run(text: str) -> None:
    assert lone_sign_repairs(text) == []
