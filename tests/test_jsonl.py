"""kdextract.output.jsonl: JSON Lines round trip without loss."""

from __future__ import annotations

import gzip
import json
from decimal import Decimal
from pathlib import Path

import pytest

from kdextract.errors import InputError
from kdextract.models import Document
from kdextract.output.jsonl import iter_jsonl, load_jsonl, save_jsonl

try:
    from test_tables import make_document
except ImportError:  # tests collected as a package
    from tests.test_tables import make_document


def _docs() -> list[Document]:
    return [make_document("a.txt"), make_document(None), Document(id="empty.txt", text=""),
            Document(text="Rad 1\r\nRad 2\u00a0\u2028\U0001F600 \"citat\" \\ slut")]


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    docs = _docs()
    path = tmp_path / "docs.jsonl"
    assert save_jsonl(docs, path) == len(docs)
    loaded = load_jsonl(path)
    assert loaded == docs
    assert [d.model_dump() for d in loaded] == [d.model_dump() for d in docs]
    assert loaded[0].amounts[0].value == Decimal(12500000) and isinstance(loaded[0].amounts[0].value, Decimal)
    assert loaded[0].dates[0].day == docs[0].dates[0].day
    assert loaded[3].text == docs[3].text  # CR LF, U+2028 and quotes survive inside one line
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(docs) and all(json.loads(line)["schema_version"] for line in lines)


def test_iterator_generator_single_doc_append_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    save_jsonl((d for d in _docs()[:2]), path)
    save_jsonl(make_document("c.txt"), path, append=True)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        assert len(f.read().splitlines()) == 3
    it = iter_jsonl(path)
    assert next(it).id == "a.txt"
    assert [d.id for d in it] == [None, "c.txt"]


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n" + make_document().model_dump_json() + "\n\n", encoding="utf-8")
    assert len(load_jsonl(path)) == 1


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(make_document().model_dump_json() + '\n{"text": 3}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: not a kdextract document"):
        load_jsonl(path)
    with pytest.raises(InputError, match="no such file"):
        load_jsonl(tmp_path / "missing.jsonl")


def test_rejects_non_documents(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        save_jsonl([{"text": "x"}], tmp_path / "x.jsonl")  # type: ignore[list-item]


def test_parse_failures_round_trip(tmp_path: Path) -> None:
    from kdextract.batch import ParseFailure

    failure = ParseFailure(id="x.pdf", text="", source="/arkiv/x.pdf", error="InputError", message="not a PDF")
    path = tmp_path / "docs.jsonl"
    save_jsonl([Document(id="a.txt", text="Hej"), failure], path)
    loaded = load_jsonl(path)
    assert loaded == [Document(id="a.txt", text="Hej"), failure] and isinstance(loaded[1], ParseFailure)
    path.write_text(failure.model_dump_json().replace('"message"', '"massage"') + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a kdextract document"):
        load_jsonl(path)
