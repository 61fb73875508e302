"""Mends of review 24's findings on attendance, people, organisations, meta and projects, each in our own words."""

from __future__ import annotations

import pytest

import kdextract


def _attendees(form: str) -> list[tuple[str, str]]:
    doc = kdextract.parse("Protokoll\nByggnadsnämnden\nSammanträdesdatum: 2026-01-20\n\n" + form, ner=False)
    return [(a.name, a.category) for a in doc.meetings[0].attendees]


@pytest.mark.parametrize("label", ["Icke tjänstgörande ersättare", "Icke beslutande ersättare", "Ej tjg ersättare"])
def test_non_serving_substitutes_are_substitutes(label: str) -> None:
    form = ("Beslutande\nKarin Ahl (V) ordförande\nTjänstgörande ersättare\nNils Berg (KD) för Ola Vik (M)\n\n"
            f"{label}\nSiv Alm (S)\nTor Hed (L)\n\nSekreterare\nIda Lööf\n")
    got = dict(_attendees(form))
    assert got["Nils Berg"] == "serving_substitute"
    assert (got["Siv Alm"], got["Tor Hed"]) == ("substitute", "substitute")
