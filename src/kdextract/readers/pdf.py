"""Read the text layer of a PDF, page by page, without running headers, footers and page numbers.

Uses ``pypdf`` (BSD licence; ``pip install "kdextract[pdf]"``). Every text fragment is placed
by its position on the page; fragments are grouped into lines (top to bottom, left to right),
and a page laid out in two columns is read column by column. Lines in the top or bottom band
of the page that recur on other pages (letterheads, "Kalix kommun | 2019-05-06", "Sida 2 av
5" with the number ignored) and lone page numbers there are dropped. Pages are joined with a
blank line; ``SourceText.page_starts`` gives the offset where each page begins.

Pages without a text layer that show an image (scans) are read by OCR when ``ocr`` asks for
it (``kdextract.readers.ocr``); without OCR a PDF that is all scan raises ``InputError``
naming the OCR route. A PDF with more than ``max_pages`` pages (counted in the page tree
before any page is read, so a "page bomb" that lists one page a hundred thousand times is
refused at once) or more than ``max_chars`` characters of text (extraction stops there)
raises ``InputError`` too. pypdf's own log lines (repairs of a damaged file) are not printed: they go into
``SourceText.warnings`` of a PDF that is read, and a PDF that is not raises ``InputError`` with the reason.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kdextract.errors import EngineUnavailableError, InputError
from kdextract.pattern_cache import compile_std
from kdextract.readers import SourceText
from kdextract.readers.source import MAX_CHARS, MAX_PAGES

if TYPE_CHECKING:
    from kdextract.readers.ocr_options import OcrOptions

#: Share of the page height at the top and at the bottom where running headers/footers live.
MARGIN_BAND = 0.12
#: Smallest vertical step (points) taken for a line step rather than a sub- or superscript.
MIN_LINE_STEP = 4.0
#: Fewest non-blank characters per page below which a PDF is taken for a scan.
MIN_CHARS_PER_PAGE = 20

PAGE_NUMBER = compile_std(
    r"^\s*(?:(?:sida|sid\.?|page|s\.)\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:\(\s*\d{1,4}\s*\))|(?:(?:av|/|of)\s*\d{1,4}))?\s*[-–—]?\s*$",
    re.IGNORECASE,
)
_DIGITS = compile_std(r"\d+")
_OCR_ROUTE = ('parse it with ocr="auto" (`kdextract parse FILE --ocr auto`), which needs Tesseract with its '
              'Swedish model (apt-get install tesseract-ocr tesseract-ocr-swe) and pip install "kdextract[ocr]"')


@dataclass
class _Line:
    y: float
    x: float
    text: str
    top: bool = False
    bottom: bool = False


class _Kept(logging.Handler):
    """Keeps the messages logged to it, in order, once each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: dict[str, None] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.messages[record.getMessage()] = None


@contextmanager
def _pypdf_log_kept() -> Iterator[_Kept]:
    """pypdf's log lines while a file is read, kept by the handler yielded rather than printed."""
    logger = logging.getLogger("pypdf")
    kept, propagate = _Kept(), logger.propagate
    logger.addHandler(kept)
    logger.propagate = False
    try:
        yield kept
    finally:
        logger.removeHandler(kept)
        logger.propagate = propagate


def read_pdf(path: str | Path, *, ocr: OcrOptions | None = None, max_pages: int = MAX_PAGES,
             max_chars: int = MAX_CHARS) -> SourceText:
    """The text of the PDF at ``path`` with its page starts (running headers/footers removed).

    ``ocr`` (mode ``auto`` or ``always``) reads scanned pages, or every page, by OCR.
    """
    path = Path(path)
    with _pypdf_log_kept() as kept:
        source = _read_pdf(path, ocr, max_pages, max_chars)
    if not kept.messages:
        return source
    return replace(source, warnings=(*source.warnings, *(f"{path.name}: pypdf: {m}" for m in kept.messages)))


def _read_pdf(path: Path, ocr: OcrOptions | None, max_pages: int, max_chars: int) -> SourceText:
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise EngineUnavailableError('reading PDF files needs pypdf: pip install "kdextract[pdf]"') from exc
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF is encrypted with a password; decrypt it first")
        _check_page_count(reader, max_pages, path)
        pages: list[list[_Line]] = []
        chars = 0
        for page in reader.pages:
            pages.append(_page_lines(page))
            chars += sum(len(line.text) + 1 for line in pages[-1])
            if chars > max_chars:
                raise InputError(f"{path}: the PDF has more than {max_chars:,} characters of text, over the limit: "
                                 "split it, or pass a larger max_chars")
        scanned = [i for i, page in enumerate(reader.pages) if lacks_text_layer(page, pages[i])]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises assorted errors on malformed files: all mean "unreadable"
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise InputError(f"{path}: the PDF has no pages")
    todo = list(range(len(pages))) if ocr and ocr.mode == "always" else scanned if ocr and ocr.mode == "auto" else []
    chars = sum(len("".join(line.text.split())) for lines in pages for line in lines)
    if not todo and chars < MIN_CHARS_PER_PAGE * len(pages):
        raise InputError(f"{path}: the PDF has no text layer (a scanned document?); to read it, {_OCR_ROUTE}")
    _drop_furniture(pages)
    step = min((a.y - b.y for lines in pages for a, b in zip(lines, lines[1:]) if a.y - b.y >= MIN_LINE_STEP),
               default=0.0)
    texts = [_page_text(lines, step) for lines in pages]
    if todo and ocr:
        from kdextract.readers.ocr import read_scanned

        try:
            return read_scanned(path, texts, todo, ocr)
        except EngineUnavailableError as exc:
            if ocr.mode == "always" or not any(t.strip() for i, t in enumerate(texts) if i not in todo):
                raise  # nothing would be left to read
            pages_read = ", ".join(str(i + 1) for i in todo)
            return replace(join_pages(texts, name=path.name),
                           warnings=(f"{path.name}: page(s) {pages_read} look scanned and were not read: {exc}",))
    return join_pages(texts, name=path.name)


def lacks_text_layer(page: Any, lines: list[_Line]) -> bool:
    """Whether a pypdf ``page`` is a scan: next to no text, and an image drawn on it."""
    if sum(len("".join(line.text.split())) for line in lines) >= MIN_CHARS_PER_PAGE:
        return False
    try:
        objects = page["/Resources"].get_object().get("/XObject")
        return bool(objects) and any(objects[k].get_object().get("/Subtype") in ("/Image", "/Form")
                                     for k in objects.get_object())
    except (KeyError, AttributeError, TypeError):
        return False


def _check_page_count(reader: Any, max_pages: int, path: Path) -> None:
    """Refuse a PDF whose page tree lists more than ``max_pages`` pages, walking no more of it than that."""
    from pypdf.generic import DictionaryObject

    budget = 2 * max_pages + 100  # page tree nodes and pages still to visit: a sane tree has fewer
    pages = 0
    stack = [reader.trailer["/Root"]["/Pages"].get_object()]
    while stack:
        node = stack.pop()
        kids = node.get("/Kids") if isinstance(node, DictionaryObject) else None
        if kids is None:
            pages += 1
        else:
            kids = kids.get_object()
            budget -= len(kids)
            if budget >= 0:
                stack.extend(kid.get_object() for kid in kids)
        if pages > max_pages or budget < 0:
            raise InputError(f"{path}: the PDF lists more than {max_pages:,} pages, over the limit: "
                             "split it, or pass a larger max_pages")


def join_pages(texts: list[str], name: str | None = None) -> SourceText:
    """One ``SourceText`` of page texts joined by blank lines, with the page starts."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, text in enumerate(texts):
        if i:
            parts.append("\n\n")
            pos += 2
        starts.append(pos)
        text = text.strip("\n")
        parts.append(text)
        pos += len(text)
    return SourceText("".join(parts) + "\n", name=name, page_starts=tuple(starts))


def _page_text(lines: list[_Line], step: float) -> str:
    """The page's lines; a blank line where the space above a line is wider than the document's line ``step``
    (the paragraph breaks that set headings apart)."""
    out: list[str] = []
    for prev, line in zip([None, *lines], lines):
        if prev is not None and step and prev.y - line.y > 1.5 * step:
            out.append("")
        out.append(line.text)
    return "\n".join(out)


def _page_lines(page: Any) -> list[_Line]:
    """The page's text as lines in reading order, each marked when it lies in the top/bottom band."""
    frags: list[tuple[float, float, float, str]] = []  # (y, x, font size, text)

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        for k, piece in enumerate(text.split("\n")):
            if piece.strip():
                frags.append((y - k * (size or 10) * scale * 1.2, x, (size or 10) * scale, piece))

    page.extract_text(visitor_text=visit)
    box = page.mediabox
    bottom, height = float(box.bottom), float(box.height) or 842.0
    width = float(box.width) or 595.0
    lines = _group_lines(frags, width)
    for line in lines:
        rel = (line.y - bottom) / height
        line.top = rel > 1 - MARGIN_BAND
        line.bottom = rel < MARGIN_BAND
    return lines


def _group_lines(frags: list[tuple[float, float, float, str]], width: float) -> list[_Line]:
    """Fragments -> lines; a two-column page is read column by column."""
    if not frags:
        return []
    columns = _split_columns(frags, width)
    lines: list[_Line] = []
    for column in columns:
        rows: list[list[tuple[float, float, float, str]]] = []
        for frag in sorted(column, key=lambda f: (-f[0], f[1])):
            if rows and abs(rows[-1][0][0] - frag[0]) <= max(2.0, 0.4 * frag[2]):
                rows[-1].append(frag)
            else:
                rows.append([frag])
        for row in rows:
            row.sort(key=lambda f: f[1])
            text = ""
            end = None
            for y, x, size, piece in row:
                if text and not text.endswith(" ") and not piece.startswith(" "):
                    gap = x - end if end is not None else 0
                    if gap > 0.15 * size:
                        text += " "
                text += piece
                end = x + 0.5 * size * len(piece)
            lines.append(_Line(row[0][0], row[0][1], " ".join(text.split())))
    return lines


def _split_columns(frags: list[tuple[float, float, float, str]], width: float) -> list[list[tuple[float, float, float, str]]]:
    """Two columns where many lines start right of the middle and none cross it; else one."""
    middle = width / 2
    left = [f for f in frags if f[1] < middle - 0.02 * width]
    right = [f for f in frags if f[1] >= middle]
    if len(right) < 4 or len(left) < 4:
        return [frags]
    # A left-column fragment that runs past the middle means single-column text.
    for y, x, size, piece in left:
        if x + 0.45 * size * len(piece) > middle + 0.02 * width:
            return [frags]
    left_rows = {round(f[0]) for f in left}
    right_rows = {round(f[0]) for f in right}
    if len(left_rows & right_rows) < 0.5 * min(len(left_rows), len(right_rows)):
        return [frags]
    return [left, right]


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", text.casefold()).strip()


def _drop_furniture(pages: list[list[_Line]]) -> None:
    """Remove running headers/footers (recurring margin lines) and page numbers, in place."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_furniture_key(line.text) for line in lines if line.top or line.bottom})
    need = 2 if len(pages) <= 3 else max(2, len(pages) // 2)
    for i, lines in enumerate(pages):
        pages[i] = [line for line in lines
                    if not ((line.top or line.bottom)
                            and (PAGE_NUMBER.match(line.text)
                                 # the first page's letterhead stays: it names the issuer and date
                                 or counts[_furniture_key(line.text)] >= need and not (i == 0 and line.top)))]
