"""Public models: JSON round trip, schema, reprs, offsets against the input text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kdextract
from kdextract import models
from kdextract.fields_set import SharedFieldsSet
from kdextract.models import DateMention, Document

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kommundirektorens_rapport.txt"


@pytest.fixture(scope="module")
def doc() -> Document:
    return kdextract.parse(EXAMPLE)


def test_json_round_trip_is_lossless(doc: Document) -> None:
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert again.model_dump(mode="json") == doc.model_dump(mode="json")


def test_every_item_points_into_the_input(doc: Document) -> None:
    items = [*doc.people, *doc.organisations, *doc.projects, *doc.dates, *doc.deadlines, *doc.amounts, *doc.decisions]
    assert items
    for item in items:
        assert doc.text[item.start:item.end] == item.text, item
        assert item.source.name
    for section in doc.sections:
        assert " ".join(doc.text[section.title_start:section.title_end].split()) == section.title


def test_contract_keys(doc: Document) -> None:
    data = doc.model_dump(mode="json")
    for key in ("meta", "sections", "people", "organisations", "projects", "dates", "deadlines", "amounts", "decisions"):
        assert key in data
    assert set(data["meta"]) >= {"kind", "date", "organisation", "diarienummer", "author"}
    assert isinstance(data["amounts"][0]["value"], str | int | float)


def test_schema_is_json() -> None:
    schema = Document.model_json_schema()
    assert schema["title"] == "Document"
    json.dumps(schema)


def test_reprs_are_short(doc: Document) -> None:
    text = repr(doc)
    assert text.startswith("Document('kommundirektorens_rapport.txt', kommundirektorens_rapport, 2024-03-11")
    assert len(text) < 200
    assert repr(doc.amounts[0]).startswith("Amount(")


def test_records_share_one_set_of_set_fields_per_kind() -> None:
    doc = kdextract.parse("Nämnden beslutade den 4 mars 2025 att anslå 300 000 kronor till projektet.", ner=False)
    first, second = doc.dates[0], kdextract.find_dates("den 5 mars 2025")[0]
    assert first.model_fields_set == set(type(first).model_fields)
    assert first.model_fields_set is second.model_fields_set  # one set per model class
    first.relative = True  # assigning a field changes no other record's set
    assert second.model_fields_set == set(type(second).model_fields)
    copy = first.model_copy(update={"text": "4 mars"})
    assert copy.model_fields_set is first.model_fields_set  # copies share it too
    assert copy.text == "4 mars" and first.text != "4 mars" and copy.model_dump(exclude={"text"}) == first.model_dump(
        exclude={"text"})
    deep = doc.model_copy(deep=True)
    assert deep == doc and deep.dates[0] is not doc.dates[0] and deep.model_fields_set is doc.model_fields_set
    assert type(doc).model_validate_json(doc.model_dump_json()) == doc


def test_records_keep_no_extra_fields_nor_private_attributes() -> None:
    """What the shallow ``model_copy`` of ``SharedFieldsSet`` leaves out."""
    kinds = [c for c in vars(models).values() if isinstance(c, type) and issubclass(c, SharedFieldsSet)]
    assert Document in kinds and DateMention in kinds
    for kind in kinds:
        assert kind.model_config.get("extra") != "allow" and not kind.__private_attributes__, kind
