"""Fixes of review 22's findings 2, 4, 5 and 28 (layout, people, OCR repair), each in its own words."""

from __future__ import annotations

import kdextract


def _sections(text: str) -> list[tuple[str | None, str, int]]:
    return [(s.number, s.title, s.level) for s in kdextract.parse(text, ner=False).sections]


def test_item_sign_opening_each_page_keeps_its_number() -> None:
    """Minutes that start each paragraph on a new page ('\\f§ 8'): the item number is no page number, so the
    bare '§ N' lines are not blanked as a running header that recurs on every page."""
    text = ("Tekniska nämnden\nProtokoll\n2025-11-04\n\n§ 7\nGatubelysning\n\nNämnden beslutar att byta armaturer.\n"
            "\f§ 8\nVinterväghållning\n\nNämnden godkänner planen.\n\f§ 9\nAnmälningar\n\nInga anmälningar.\n")
    assert _sections(text) == [("§ 7", "Gatubelysning", 1), ("§ 8", "Vinterväghållning", 1),
                               ("§ 9", "Anmälningar", 1)]
