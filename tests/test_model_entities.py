"""The builders' rules over the NER model's entities, on entities set by hand (no model needed)."""

from __future__ import annotations

from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from kdextract.records.organisations import organisations_in
from kdextract.records.people import people_in

_NLP = spacy.blank("sv")


def doc_with(text: str, *ents: tuple[str, str]) -> Any:
    """``text`` as a spaCy Doc whose entities are the given (surface, label) pairs, as the model would set them."""
    doc = _NLP(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def test_a_run_of_municipality_names_is_a_list_not_one_organisation() -> None:
    text = "Representanter från Boden Kalix Piteå deltog i mötet om den gemensamma räddningstjänsten."
    names = {o.name for o in organisations_in(text, doc_with(text, ("Boden Kalix Piteå", "ORG")))}
    assert "Boden Kalix Piteå" not in names
    assert not any(" " in n and "Kalix" in n for n in names)


def test_a_model_organisation_ends_at_its_line_end() -> None:
    text = "Deltagare:\nKarin Ek, kassör, Nordic Snow Partners\nPer Holm, ordförande\n"
    ner = doc_with(text, ("Nordic Snow Partners\nPer Holm", "ORG"))
    org = next(o for o in organisations_in(text, ner) if "Snow" in o.name)
    assert org.name == "Nordic Snow Partners"
    assert [text[m.start:m.end] for m in org.mentions] == ["Nordic Snow Partners"]


@pytest.mark.parametrize("place", ["Norra Ringvägen", "Kulturens Hus", "Gamla Torggatan"])
def test_a_street_or_building_the_model_calls_a_person_is_no_person(place: str) -> None:
    text = f"Arbetet vid {place} fortsätter enligt planen och ska vara klart i höst."
    assert people_in(text, doc_with(text, (place, "PER"))) == []


def test_a_person_the_model_finds_is_kept() -> None:
    text = "Arbetet leds av Maria Lindholm som rapporterar till nämnden i höst."
    assert [p.name for p in people_in(text, doc_with(text, ("Maria Lindholm", "PER")))] == ["Maria Lindholm"]


@pytest.mark.parametrize("venue", ["Sammanträdesrum Forsen", "Lokal Älven", "Konferensrummet Tallen"])
def test_a_room_the_model_calls_an_organisation_is_no_organisation(venue: str) -> None:
    text = f"Plats: {venue}, Kommunhuset\nNämnden sammanträder kl. 13.00."
    assert venue not in {o.name for o in organisations_in(text, doc_with(text, (venue, "ORG")))}


def test_an_organisation_the_model_finds_is_kept() -> None:
    text = "Avtalet med Nordic Snow Partners gäller till årets slut."
    names = {o.name for o in organisations_in(text, doc_with(text, ("Nordic Snow Partners", "ORG")))}
    assert "Nordic Snow Partners" in names
