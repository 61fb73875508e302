"""Reading sources: text, bytes and files, with encoding detection, size limits and clear errors.

Only regular files are read (a FIFO, a device such as ``/dev/zero`` or a socket is refused
before it is opened for reading), and never more bytes than the character limit can need.
Decoding never fails and never garbles silently: text that is not valid UTF-8 throughout is
decoded line by line (UTF-8 where a line is valid UTF-8, else Windows-1252), and every repair
(mixed encodings, invalid bytes, lone surrogates) is named in ``SourceText.warnings``. Text's form feeds (the page
breaks pdftotext writes) start its pages.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from kdextract.errors import InputError
from kdextract.pattern_cache import compile_std
from kdextract.readers import SourceText
from kdextract.readers.ocr_options import OcrOptions

#: Larger inputs are refused; pass ``max_chars`` to ``parse`` to raise the limit.
MAX_CHARS = 20_000_000
#: PDFs with more pages are refused before any page is read (``max_pages``).
MAX_PAGES = 5_000
#: .docx files that unpack to more than this many MB are refused before unpacking (``max_unpacked_mb``).
MAX_UNPACKED_MB = 256
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".html", ".htm", ""})
Source = str | bytes | os.PathLike[str]

#: A character takes at most this many bytes in any encoding read here (UTF-8: 4).
_MAX_BYTES_PER_CHAR = 4
_SURROGATE = compile_std("[\ud800-\udfff]")
_UTF8_CONTINUATION = bytes(range(0x80, 0xC0))
#: Line numbers quoted in a warning, at most.
_QUOTED = 5


def read_source(source: Source, *, max_chars: int = MAX_CHARS, max_pages: int = MAX_PAGES,
                max_unpacked_mb: int = MAX_UNPACKED_MB, ocr: OcrOptions | None = None) -> SourceText:
    """The text of ``source``: a ``str`` is the text itself, ``bytes`` are decoded, a path is read.

    ``ocr``: whether and how a PDF's scanned pages are read by OCR (None: never).
    Raises ``InputError`` for anything that is not a readable document within the limits.
    """
    if isinstance(source, str):
        _check_length(len(source), "input", max_chars)
        text, warnings = _without_surrogates(source)
        result = SourceText(text, page_starts=_form_feed_pages(text), warnings=warnings)
    elif isinstance(source, bytes | bytearray):
        data = bytes(source)
        _check_bytes(data, "input", max_chars)
        text, warnings = _decoded(data, "input")
        result = SourceText(text, page_starts=_form_feed_pages(text), warnings=warnings)
    elif isinstance(source, os.PathLike):
        result = _read_path(Path(source), max_chars, max_pages, max_unpacked_mb, ocr)
    else:
        raise InputError(f"cannot parse a {type(source).__name__}: pass text (str), bytes or a pathlib.Path")
    _check_text(result.text, result.name, max_chars)
    return result


def _read_path(path: Path, max_chars: int, max_pages: int, max_unpacked_mb: int,
               ocr: OcrOptions | None) -> SourceText:
    size = _regular_file_size(path)
    suffix = path.suffix.casefold()
    if suffix == ".pdf":
        from kdextract.readers.pdf import read_pdf

        return read_pdf(path, ocr=ocr, max_pages=max_pages, max_chars=max_chars)
    if suffix == ".docx":
        from kdextract.readers.docx import read_docx

        return read_docx(path, max_unpacked_mb=max_unpacked_mb)
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {path.suffix!r}; kdextract reads .txt, .md, .html, .pdf and .docx")
    limit = max_chars * _MAX_BYTES_PER_CHAR
    if size > limit:
        raise InputError(f"{path} has {size:,} bytes, over the limit of {max_chars:,} characters (at most "
                         f"{_MAX_BYTES_PER_CHAR} bytes each): split it, or pass a larger max_chars")
    try:  # non-blocking, and checked again once open: a file swapped for a FIFO meanwhile cannot hang us
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(f"{path} is no longer a regular file: kdextract reads regular files only")
            data = f.read(limit + 1)  # a file that grows while read still stops here
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    _check_bytes(data, str(path), max_chars)
    text, warnings = _decoded(data, str(path))
    return SourceText(text, name=path.name, page_starts=_form_feed_pages(text), warnings=warnings)


def _form_feed_pages(text: str) -> tuple[int, ...]:
    """Where the pages of ``text`` start: at 0 and after each form feed; none where it has no form feed."""
    if "\f" not in text:
        return ()
    starts = [0]
    i = text.find("\f")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\f", i + 1)
    return tuple(starts)


def _regular_file_size(path: Path) -> int:
    """The size of the regular file at ``path``; ``InputError`` for anything else (no read, no wait)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a folder: pass its files, or use `kdextract parse {path}` on the command line")
    if not stat.S_ISREG(info.st_mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else
                "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else
                "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")
        raise InputError(f"{path} is {kind}: kdextract reads regular files only; save the text to a file, "
                         "or pass it as a str")
    return info.st_size


def decode(data: bytes, name: str = "input") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252/latin-1; refuse binary data."""
    return _decoded(data, name)[0]


def _decoded(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """The text of ``data`` and the warnings its decoding gives (never an exception but ``InputError``)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _wide(data, "utf-32", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _wide(data, "utf-16", name)
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if (order := _utf16_without_bom(body)) is not None:
        text, warnings = _wide(body, order, name)
        return text, (f"{name} has no byte-order mark but is {order.upper()} text: read so (save it as UTF-8 to "
                      "be sure)", *warnings)
    if _looks_binary(body):
        raise InputError(f"{name} looks like binary data, not text: save text as UTF-8 (.txt), or pass a .pdf or "
                         ".docx path")
    try:
        return body.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    return _by_line(body, name, bom=body is not data)


def _wide(data: bytes, codec: str, name: str) -> tuple[str, tuple[str, ...]]:
    """UTF-16 or UTF-32 text (``codec`` with or without its byte order); bad bytes become U+FFFD with a warning."""
    try:
        return data.decode(codec), ()
    except UnicodeDecodeError as exc:
        unit = 4 if codec.startswith("utf-32") else 2
        odd = "an odd number of bytes" if unit == 2 else "a length that is no multiple of four bytes"
        why = odd if len(data) % unit else f"invalid data at byte {exc.start:,}"
        return data.decode(codec, errors="replace"), (
            f"{name}: {codec.upper()} text with {why}; the bad bytes were replaced by U+FFFD (�)",)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" where ``data`` has the NUL bytes of Latin-script UTF-16 (every other byte), else None."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 4 or b"\x00" not in sample:
        return None
    for codec, zero in (("utf-16-le", 1), ("utf-16-be", 0)):
        high, low = sample[zero::2].count(0), sample[1 - zero::2].count(0)  # "─" (U+2500) has a zero low byte
        if high >= 0.7 * pairs and low * 4 < high:
            return codec
    return None


def _by_line(data: bytes, name: str, *, bom: bool) -> tuple[str, tuple[str, ...]]:
    """``data`` that is not valid UTF-8: a legacy (cp1252) file, or UTF-8 with some lines in another encoding.

    Lines that are valid UTF-8 are read so; in the others each invalid byte is read as Windows-1252
    (U+FFFD for the five bytes cp1252 leaves undefined) and the valid UTF-8 around it stays UTF-8.
    Data without a single valid UTF-8 sequence beyond ASCII (and without a UTF-8 BOM) is a cp1252
    file and is decoded whole, without a warning.
    """
    parts: list[str] = []
    legacy: list[int] = []
    undefined = False
    utf8 = bom
    for number, line in enumerate(data.splitlines(keepends=True), 1):
        try:
            parts.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            legacy.append(number)
            undefined = undefined or any(b in line for b in _CP1252_UNDEFINED)
            parts.append(line.decode("utf-8", errors=_CP1252_BYTES))
            utf8 = utf8 or not line.decode("utf-8", errors="ignore").isascii()
    if not utf8:
        return _cp1252(data, name)
    many = len(legacy) > 1
    shown = ", ".join(map(str, legacy[:_QUOTED])) + (f" and {len(legacy) - _QUOTED:,} more" if len(legacy) > _QUOTED else "")
    return "".join(parts), (f"{name} mixes encodings: it is UTF-8, but {'lines' if many else 'line'} {shown} "
                            f"{'hold' if many else 'holds'} bytes that are not; they were read as Windows-1252 "
                            "(check the å, ä and ö there)" + (", and bytes it does not define became U+FFFD (�)"
                                                               if undefined else ""),)


def _cp1252(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """A Windows-1252 file; the five bytes cp1252 leaves undefined become U+FFFD, with a warning naming their lines."""
    try:
        return data.decode("cp1252"), ()
    except UnicodeDecodeError:
        pass
    lines = [n for n, line in enumerate(data.split(b"\n"), 1) if any(b in line for b in _CP1252_UNDEFINED)]
    shown = ", ".join(map(str, lines[:_QUOTED])) + (f" and {len(lines) - _QUOTED:,} more" if len(lines) > _QUOTED else "")
    return data.decode("cp1252", errors="replace"), (
        f"{name} is Windows-1252 text, but {'lines' if len(lines) > 1 else 'line'} {shown} "
        f"{'hold' if len(lines) > 1 else 'holds'} bytes that encoding does not define (0x81, 0x8D, 0x8F, 0x90, "
        "0x9D): replaced by U+FFFD (�)",)


def _bytes_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 cannot decode, read one by one as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(_CP1252_CHARS[b] for b in exc.object[exc.start:exc.end]), exc.end


_CP1252_CHARS = [bytes([b]).decode("cp1252", errors="ignore") or "\ufffd" for b in range(256)]
_CP1252_UNDEFINED = [bytes([b]) for b in range(256) if not bytes([b]).decode("cp1252", errors="ignore")]
_CP1252_BYTES = "kdextract.cp1252-bytes"
codecs.register_error(_CP1252_BYTES, _bytes_as_cp1252)


def _without_surrogates(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with lone surrogates (unencodable halves of UTF-16 pairs) replaced by U+FFFD, one for one."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text, ()
    offsets = [m.start() for m in _SURROGATE.finditer(text)]
    shown = ", ".join(f"{o:,}" for o in offsets[:_QUOTED]) + (" …" if len(offsets) > _QUOTED else "")
    return _SURROGATE.sub("\ufffd", text), (
        f"the text holds {len(offsets):,} lone surrogate code point{'s' if len(offsets) > 1 else ''} "
        f"(at {shown}), which no encoding can store: replaced by U+FFFD (�); offsets are unchanged",)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def _check_length(chars: int, where: str, max_chars: int) -> None:
    if chars > max_chars:
        raise InputError(f"{where} has {chars:,} characters, over the limit of {max_chars:,}: "
                         "split it, or pass a larger max_chars")


def _check_bytes(data: bytes, where: str, max_chars: int) -> None:
    """Refuse ``data`` that must decode to more than ``max_chars`` characters, before decoding it."""
    if len(data) <= max_chars:
        return
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data) is not None:
        _check_length((len(data) - 2) // _MAX_BYTES_PER_CHAR, where, max_chars)
    else:  # UTF-8 has one character per byte that is not a continuation byte; cp1252 has more
        _check_length(len(data.translate(None, _UTF8_CONTINUATION)), where, max_chars)


def _check_text(text: str, name: str | None, max_chars: int) -> None:
    where = name or "input"
    _check_length(len(text), where, max_chars)
    if "\x00" in text[:100_000]:
        raise InputError(f"{where} contains NUL characters, so it is binary data rather than text")
