"""OCR repair reads misread paragraph signs and party codes back where the text's intact ones vouch for them."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.text.ocr_codes import code_repairs

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
