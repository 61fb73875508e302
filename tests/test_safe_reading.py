"""Safe reading: special files, sizes, bombs, damaged files and mixed encodings end in clear errors or warnings.

Inputs that used to hang (``/dev/zero``, a FIFO) run under an alarm, so that a regression fails
the test instead of hanging the run; the alarm guards against hangs, it does not time anything.
"""

from __future__ import annotations

import json
import os
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import kdextract
from kdextract.cli import main
from kdextract.errors import InputError, InternalError, KdextractError
from kdextract.readers.source import read_source
from kdextract.testing.adversarial import page_bomb_pdf, zip_bomb

TEXT = "Nämnden beslöt att förlänga avtalet med Ölands kommun.\n"
HANG_GUARD_S = 30


@contextmanager
def _no_hang() -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {HANG_GUARD_S} s: it hangs")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(HANG_GUARD_S)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- special files and sizes -------------------------------------------------------------------

@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_without_reading_it() -> None:
    with _no_hang(), pytest.raises(InputError, match="device: kdextract reads regular files only"):
        kdextract.parse(Path("/dev/zero"), ner=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with _no_hang(), pytest.raises(InputError, match="FIFO"):
        kdextract.parse(fifo, ner=False)


def test_a_folder_is_refused_with_advice(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        kdextract.parse(tmp_path, ner=False)


def test_a_file_too_large_for_the_limit_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # 1 GB, sparse: reading it would take a gigabyte of memory
        f.truncate(1_000_000_000)
    with _no_hang(), pytest.raises(InputError, match="1,000,000,000 bytes, over the limit of 20,000,000 characters"):
        kdextract.parse(path, ner=False)


def test_the_character_limit_holds_for_files_bytes_and_text(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("å" * 600, encoding="utf-8")  # 1,200 bytes, 600 characters
    assert kdextract.parse(path, ner=False, max_chars=600).text == "å" * 600
    longer = tmp_path / "longer.txt"
    longer.write_text("å" * 601, encoding="utf-8")
    for source in (longer, ("å" * 601).encode(), "a" * 601):
        with pytest.raises(InputError, match="over the limit of 600"):
            kdextract.parse(source, ner=False, max_chars=600)


def test_an_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as a user who reads every file")
    with pytest.raises(InputError, match="cannot be read"):
        kdextract.parse(path, ner=False)


# -- PDF ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("listed", [None, 1], ids=["count-true", "count-lies"])
def test_a_pdf_page_bomb_is_refused_before_any_page_is_read(tmp_path: Path, listed: int | None) -> None:
    pytest.importorskip("pypdf")
    path = tmp_path / "bomb.pdf"
    path.write_bytes(page_bomb_pdf(100_000, listed))
    with _no_hang(), pytest.raises(InputError, match="more than 5,000 pages"):
        kdextract.parse(path, ner=False)


def test_pdf_page_and_character_limits_are_parameters(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    path = tmp_path / "three.pdf"
    path.write_bytes(page_bomb_pdf(3))
    assert kdextract.parse(path, ner=False).text.count("Kommunstyrelsen") == 3
    with pytest.raises(InputError, match="more than 2 pages"):
        kdextract.parse(path, ner=False, max_pages=2)
    with pytest.raises(InputError, match="more than 50 characters"):
        kdextract.parse(path, ner=False, max_chars=50)


def test_a_damaged_pdf_is_an_input_error(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    path = tmp_path / "cut.pdf"
    path.write_bytes(page_bomb_pdf(3)[:200])
    with pytest.raises(InputError, match="PDF"):
        kdextract.parse(path, ner=False)


# -- .docx -------------------------------------------------------------------------------------

def _docx(path: Path, *, document_xml: bytes | None = None, filler_mb: int = 0) -> Path:
    """A .docx at ``path`` (its document.xml replaced by ``document_xml``), with ``filler_mb`` MB of zeros inside."""
    docx = pytest.importorskip("docx")
    plain = path.with_name("plain.docx")
    word = docx.Document()
    word.add_paragraph("Socialnämnden beslutar att godkänna redovisningen.")
    word.save(plain)
    with zipfile.ZipFile(plain) as source:
        members = {info.filename: source.read(info.filename) for info in source.infolist()}
    if document_xml is not None:
        members["word/document.xml"] = document_xml
    zip_bomb(path, filler_mb, members)
    return path


def test_a_small_docx_zip_bomb_is_refused_from_the_zip_directory(tmp_path: Path) -> None:
    path = _docx(tmp_path / "bomb.docx", filler_mb=5)
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="unpack to more than 1 MB.*zip bomb"):
        kdextract.parse(path, ner=False, max_unpacked_mb=1)
    assert "Socialnämnden" in kdextract.parse(path, ner=False).text


@pytest.mark.slow
def test_a_400_mb_docx_bomb_is_refused_with_the_default_limit(tmp_path: Path) -> None:
    path = _docx(tmp_path / "bomb.docx", filler_mb=400)  # about 420 KB on disk
    with _no_hang(), pytest.raises(InputError, match="zip bomb"):
        kdextract.parse(path, ner=False)


@pytest.mark.parametrize("damage", ["bad-xml", "not-a-zip", "empty"])
def test_a_damaged_docx_is_an_input_error(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "damaged.docx"
    if damage == "bad-xml":
        _docx(path, document_xml=b"<w:document><w:body><w:p>")
    else:
        path.write_bytes(b"" if damage == "empty" else b"PK\x03\x04 not really a zip archive")
    with pytest.raises(InputError, match="not a readable .docx"):
        kdextract.parse(path, ner=False)


# -- encodings ---------------------------------------------------------------------------------

def test_utf8_with_one_latin1_byte_is_decoded_per_line_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    lines = ["Kommunstyrelsen beslöt att anta planen.\n", "Ärendet gäller Åsa skola.\n", "Mötet avslutades.\n"]
    path.write_bytes(lines[0].encode("utf-8") + lines[1].encode("cp1252") + lines[2].encode("utf-8"))
    doc = kdextract.parse(path, ner=False)
    assert doc.text == "".join(lines)  # no line garbled: ö stays ö, and the cp1252 line reads right
    assert len(doc.warnings) == 1 and "line 2 holds bytes that are not" in doc.warnings[0]


def test_a_latin1_byte_inside_a_utf8_line_keeps_the_lines_other_letters() -> None:
    data = "Förslaget är klart".encode() + b" \xe4r det\n"
    src = read_source(data)
    assert src.text == "Förslaget är klart är det\n"
    assert "line 1" in src.warnings[0]


def test_a_plain_cp1252_file_gives_no_warning() -> None:
    src = read_source(TEXT.encode("cp1252"))
    assert src.text == TEXT and src.warnings == ()


def test_utf8_bom_with_invalid_bytes_is_decoded_with_a_warning() -> None:
    src = read_source(b"\xef\xbb\xbf" + "Nämnden ".encode() + b"\xff\xfe\n" + "Åter till ärendet\n".encode())
    assert src.text == "Nämnden ÿþ\nÅter till ärendet\n"
    assert "line 1" in src.warnings[0]


def test_odd_length_utf16_is_decoded_with_a_warning() -> None:
    src = read_source(TEXT.encode("utf-16") + b"\x00")
    assert src.text == TEXT + "\ufffd"
    assert "odd number of bytes" in src.warnings[0]


@pytest.mark.parametrize("ner", [False, True], ids=["rules", "ner"])
def test_lone_surrogates_are_replaced_with_a_warning(ner: bool) -> None:
    text = "Kommunstyrelsen beslutade den 3 maj 2021 att \ud800anta planen för Anna Berg.\udfff"
    doc = kdextract.parse(text, ner=ner)
    assert doc.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert len(doc.text) == len(text) and doc.dates[0].start == text.index("den 3 maj")
    assert "2 lone surrogate code points" in doc.warnings[0]
    assert type(doc).model_validate_json(doc.model_dump_json()) == doc


def test_warnings_survive_blank_documents() -> None:
    doc = kdextract.parse(b"\xef\xbb\xbf \xff\n", ner=False)
    assert doc.warnings and doc.sections == []


# -- every failure is a kdextract error --------------------------------------------------------

def test_an_unexpected_failure_becomes_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import kdextract.pipeline

    def broken(started: object) -> object:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(kdextract.pipeline, "_finish", broken)
    with pytest.raises(InternalError, match="ZeroDivisionError.*bug in kdextract: please report") as info:
        kdextract.parse("Kommunstyrelsen beslutade att anta planen.", ner=False)
    assert isinstance(info.value, KdextractError) and isinstance(info.value.__cause__, ZeroDivisionError)


def test_the_cli_offers_the_limits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "memo.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["parse", str(path), "--no-ner", "--max-chars", "10", "--format", "json"]) == 2
    assert "over the limit of 10" in capsys.readouterr().err
    assert main(["parse", str(path), "--no-ner", "--max-chars", "1000", "--max-pages", "3",
                 "--max-unpacked-mb", "5", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == TEXT


def test_parse_many_passes_the_limits_on(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert [d.text for d in kdextract.parse_many([path], ner=False, max_chars=1000)] == [TEXT]
    with pytest.raises(InputError, match="over the limit of 10"):
        list(kdextract.parse_many([path], ner=False, max_chars=10))
