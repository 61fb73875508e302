"""Reading sources: text, bytes and files, with encoding detection and clear errors."""

from __future__ import annotations

import os
from pathlib import Path

from kdextract.errors import InputError
from kdextract.readers import SourceText
from kdextract.readers.ocr_options import OcrOptions

#: Larger inputs are refused; pass ``max_chars`` to ``parse`` to raise the limit.
MAX_CHARS = 20_000_000
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
Source = str | bytes | os.PathLike[str]


def read_source(source: Source, *, max_chars: int = MAX_CHARS, ocr: OcrOptions | None = None) -> SourceText:
    """The text of ``source``: a ``str`` is the text itself, ``bytes`` are decoded, a path is read.

    ``ocr``: whether and how a PDF's scanned pages are read by OCR (None: never).
    """
    if isinstance(source, str):
        result = SourceText(source)
    elif isinstance(source, bytes | bytearray):
        result = SourceText(decode(bytes(source)))
    elif isinstance(source, os.PathLike):
        result = _read_path(Path(source), ocr)
    else:
        raise InputError(f"cannot parse a {type(source).__name__}: pass text (str), bytes or a pathlib.Path")
    _check_text(result.text, result.name, max_chars)
    return result


def _read_path(path: Path, ocr: OcrOptions | None) -> SourceText:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path} is a folder: pass its files, or use `kdextract parse {path}` on the command line")
    suffix = path.suffix.casefold()
    if suffix == ".pdf":
        from kdextract.readers.pdf import read_pdf

        return read_pdf(path, ocr=ocr)
    if suffix == ".docx":
        from kdextract.readers.docx import read_docx

        return read_docx(path)
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {path.suffix!r}; kdextract reads .txt, .md, .pdf and .docx")
    return SourceText(decode(path.read_bytes(), name=str(path)), name=path.name)


def decode(data: bytes, name: str = "input") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252/latin-1; refuse binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if _looks_binary(data):
        raise InputError(f"{name} looks like binary data, not text: convert it to .txt (UTF-8), or pass a .pdf/.docx path")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def _check_text(text: str, name: str | None, max_chars: int) -> None:
    where = name or "input"
    if len(text) > max_chars:
        raise InputError(f"{where} has {len(text):,} characters, over the limit of {max_chars:,}: "
                         "split it, or pass a larger max_chars")
    if "\x00" in text[:100_000]:
        raise InputError(f"{where} contains NUL characters, so it is binary data rather than text")
