"""NER over long texts in bounded pieces: the pieces cover the text, and the entities are those of the whole."""

from __future__ import annotations

import random
from typing import Any

import pytest

import kdextract
from kdextract.nlp.chunks import chunk_spans
from kdextract.testing.adversarial import municipal_text


@pytest.mark.parametrize("seed", range(30))
def test_pieces_cover_the_text_in_order_within_the_size(seed: int) -> None:
    rnd = random.Random(seed)
    text = "".join(rnd.choice(["ord ", "Mening. ", "\n", "\n\n", "x" * rnd.randint(1, 90)]) for _ in range(200))
    size = rnd.randint(20, 400)
    spans = chunk_spans(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= size for s, e in spans[:-1]) and spans[-1][1] - spans[-1][0] <= size


def test_a_piece_ends_after_a_blank_line_where_it_can() -> None:
    text = "Första stycket om budgeten.\n\nAndra stycket, om planen. Mer text här.\nEn rad till.\n\nSista."
    pieces = [text[s:e] for s, e in chunk_spans(text, size=40)]
    assert pieces[0] == "Första stycket om budgeten.\n\n"
    assert "".join(pieces) == text
    assert chunk_spans("", 10) == [(0, 0)]
    assert chunk_spans("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


@pytest.fixture(scope="module")
def engine() -> Any:
    from kdextract.nlp.engine import get_engine

    return get_engine("spacy")


def _ents(doc: Any) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_a_text_read_in_pieces_has_the_entities_of_the_text_read_whole(engine: Any,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    text = municipal_text(12_000, seed=5)
    whole = engine(text)
    monkeypatch.setattr(engine.nlp, "max_length", 1_500)  # pieces stay within the model's own limit
    pieced = engine(text)
    assert pieced.text == text and len(chunk_spans(text, 1_500)) >= 8
    assert _ents(pieced) == _ents(whole) and len(_ents(whole)) > 50
    assert [d.text for d in engine.pipe([text, "Anna Berg", text], batch_size=2)] == [text, "Anna Berg", text]


def test_a_text_longer_than_spacys_max_length_parses_with_ner(engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy raised E088 for texts over nlp.max_length (1,000,000 by default); a smaller limit shows it cheaply
    monkeypatch.setattr(engine.nlp, "max_length", 2_000)
    text = municipal_text(9_000, seed=2)
    doc = kdextract.parse(text)
    assert doc.text == text and doc.people
    assert all(text[p.start:p.end] == p.text for p in doc.people + doc.organisations)


def test_token_vectors_are_dropped(engine: Any) -> None:
    doc = engine("Kommunstyrelsen i Umeå beslutade att anta planen.")
    assert doc.tensor.size == 0 and doc.ents


def test_an_entity_doc_keeps_text_entities_and_piece_sentences() -> None:
    from kdextract.nlp.chunks import entity_doc

    text = "Anna Berg talade.\n\nKalix kommun svarade Per Lind."
    doc = entity_doc(text, [(0, 9, "PER", ""), (19, 24, "LOC", "gazetteer:place"), (40, 48, "PER", "")], [0, 19])
    assert doc.text == text
    assert _ents(doc) == [(0, 9, "PER"), (19, 24, "LOC"), (40, 48, "PER")]
    assert [e.ent_id_ for e in doc.ents] == ["", "gazetteer:place", ""]  # which rule of the pipeline made it
    assert [s.text for s in doc.sents] == ["Anna Berg talade.\n\n", "Kalix kommun svarade Per Lind."]


def test_long_texts_add_no_stretches_of_text_to_the_models_vocabulary(engine: Any,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine.nlp, "max_length", 1_000)
    text = municipal_text(6_000, seed=9)
    before = set(engine.nlp.vocab.strings)
    doc = engine(text)
    assert doc.text == text and len(doc.ents) > 20
    added = set(engine.nlp.vocab.strings) - before  # the pieces' tokens, as spaCy adds them, and nothing longer
    assert not [s for s in added if " " in s.strip() and any(c.isalpha() for c in s)]
