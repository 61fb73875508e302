"""Agendas as real archives give them: the lines under an item that list its documents, lettered sub-items, and the
same documents with their line breaks lost (a page on one line, or each paragraph on one).

The fixtures are ours: invented bodies, people and places, in the genre's real shapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

import kdextract


def _flat(text: str) -> str:
    """Every line break a space: a page as pdftotext without ``-layout`` leaves it."""
    return re.sub(r"\s+", " ", text).strip()


def _flatpara(text: str) -> str:
    """The breaks inside a paragraph lost, the blank lines between paragraphs kept."""
    return "\n\n".join(_flat(p) for p in re.split(r"\n[ \t]*\n", text) if p.strip())


LAYOUTS: dict[str, Callable[[str], str]] = {"as is": lambda t: t, "flat": _flat, "flatpara": _flatpara}


def titles(text: str) -> list[str]:
    """The top-level section titles of the pipeline's reading (no NER)."""
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]


KALLELSE = """Kallelse
Kultur- och fritidsnämnden i Ljusnarsbergs kommun

Tid: torsdagen den 14 november 2024 kl. 15.00
Plats: Biblioteket, konferensrummet

{label}

1. Val av justerare

2. Ändring av taxa för simhallen
Beslutsunderlag: Tjänsteskrivelse 2024-10-22

3. Bidrag till Hembygdsgården Lövnäs
Bilaga 2 Ansökan från föreningen

4. Kulturplan 2025–2028
Handlingar:
Förslag till kulturplan
Remissammanställning

5. Information om bibliotekets öppettider
Bilaga: Statistik över besök 2024

6. Delegationsbeslut
Underlag: Delegationslista oktober 2024

Välkomna!
Gunnel Åberg
Ordförande
"""
ITEMS = ["Val av justerare", "Ändring av taxa för simhallen", "Bidrag till Hembygdsgården Lövnäs",
         "Kulturplan 2025–2028", "Information om bibliotekets öppettider", "Delegationsbeslut"]


@pytest.mark.parametrize("label", ["Ärenden", "Föredragningslista", ""])
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_lines_that_list_an_items_documents_are_its_body(label: str, layout: str) -> None:
    # "Beslutsunderlag: …", "Handlingar:" over its list, "Bilaga 2 …", "Underlag: …" under an agenda item: neither
    # an agenda entry, a section nor a break in the run of numbered items, nor (run in) part of the title
    text = LAYOUTS[layout](KALLELSE.format(label=label))
    assert titles(text) == ITEMS
