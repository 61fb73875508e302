"""Fixes of review 24's findings on sections and meta (M, I, H, O, U, B, Q), each in its own words."""

from __future__ import annotations

import kdextract


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


def test_region_opening_a_paragraph_is_its_subject_not_a_heading() -> None:
    """A paragraph under 'Ärendet' that opens with a region's name ('Region Västernorrland har …'): the name is the
    sentence's subject, so the heading above it stays the section and the region is one organisation."""
    memo = "Tjänsteskrivelse\n2026-04-14\n\nÄrendet\n\n{} har begärt ett yttrande senast i maj.\n"
    for region in ("Region Västernorrland", "Region Jämtland Härjedalen"):
        doc = kdextract.parse(memo.format(region), ner=False)
        assert [s.title for s in doc.sections] == ["Ärendet"]
        assert [(o.name, o.kind) for o in doc.organisations] == [(region, "region")]
    assert kdextract.parse(memo.format("Region Västernorrland"), ner=False).meta.organisation == "Region Västernorrland"
