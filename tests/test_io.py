"""Reading inputs: encodings, empty input, binary data, paths, limits."""

from __future__ import annotations

from pathlib import Path

import pytest

import kdextract
from kdextract.errors import InputError
from kdextract.readers.source import decode, read_source

TEXT = "Nämnden beslöt att förlänga avtalet med Ölands kommun."


@pytest.mark.parametrize(
    "data",
    [TEXT.encode("utf-8"), b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT.encode("cp1252"),
     TEXT.encode("latin-1"), TEXT.encode("utf-16")],
    ids=["utf-8", "utf-8-bom", "cp1252", "latin-1", "utf-16-bom"],
)
def test_encodings_are_detected(data: bytes) -> None:
    assert decode(data) == TEXT


def test_cp1252_file_parses_with_exact_offsets(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    doc = kdextract.parse(path, ner=False)
    assert doc.text == TEXT
    assert doc.id == "memo.txt"


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_empty_input_gives_an_empty_document(text: str) -> None:
    doc = kdextract.parse(text)
    assert doc.text == text
    assert doc.sections == [] and doc.dates == [] and doc.people == [] and doc.meta.kind == "other"
    assert doc.warnings == ["no text: " + ("the input is empty" if not text else "the input holds only white space")]


def test_binary_input_raises_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(InputError, match="binary"):
        kdextract.parse(path)
    with pytest.raises(kdextract.KdextractError):
        kdextract.parse(b"\x00\x01\x02\x03" * 50)


def test_unsupported_type_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported file type"):
        read_source(tmp_path / "x.xlsx" if (tmp_path / "x.xlsx").write_text("a") else tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_source(tmp_path)
    with pytest.raises(InputError, match="cannot parse a int"):
        read_source(42)  # type: ignore[arg-type]


def test_huge_input_is_refused_with_the_limit_named() -> None:
    with pytest.raises(InputError, match="over the limit of 1,000"):
        kdextract.parse("a" * 1001, max_chars=1000)


def test_bad_document_date_is_explained() -> None:
    with pytest.raises(kdextract.ArgumentError, match="ISO string"):
        kdextract.parse("Text", document_date="17 mars")
