"""Read a Word document (.docx): paragraphs and tables of the body in order, headings marked.

Uses ``python-docx`` (MIT licence; ``pip install "kdextract[docx]"``). Paragraphs are
separated by a blank line; a paragraph in a heading style ("Heading 2", "Rubrik 2", "Title")
is written as a markdown heading ("## Budget"), which the normaliser turns into a heading
mark; list paragraphs get a "• " bullet; table rows become lines with cells separated by a
tab. Page headers and footers are not part of the body and are left out. Word does not store
page numbers (they depend on the layout), so the result has no ``page_starts``.

A .docx is a zip archive: one that would unpack to more than ``max_unpacked_mb`` MB (a "zip
bomb") is refused from its directory, before anything is unpacked; a damaged one (bad zip, bad
XML) raises ``InputError`` too.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from kdextract.errors import EngineUnavailableError, InputError
from kdextract.pattern_cache import compile_std
from kdextract.readers import SourceText
from kdextract.readers.source import MAX_UNPACKED_MB

_HEADING_STYLE = compile_std(r"^(?:heading|rubrik)\s*(\d)$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: str | Path, *, max_unpacked_mb: int = MAX_UNPACKED_MB) -> SourceText:
    """The text of the Word document at ``path``."""
    path = Path(path)
    _check_unpacked_size(path, max_unpacked_mb)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise EngineUnavailableError('reading Word files needs python-docx: pip install "kdextract[docx]"') from exc
    blocks: list[str] = []
    try:
        document = docx.Document(str(path))
        for child in document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                text = _paragraph(Paragraph(child, document))
                if text:
                    blocks.append(text)
            elif child.tag == f"{_W}tbl":
                rows = _table(Table(child, document))
                if rows:
                    blocks.append(rows)
    except Exception as exc:  # python-docx/lxml raise assorted errors on damaged files: all mean "unreadable"
        raise InputError(f"{path}: not a readable .docx file ({type(exc).__name__}: {exc}); "
                         "old .doc files must be saved as .docx first") from exc
    return SourceText("\n\n".join(blocks) + "\n", name=path.name)


def _check_unpacked_size(path: Path, max_unpacked_mb: int) -> None:
    """Refuse a .docx that would unpack to more than ``max_unpacked_mb`` MB, from its zip directory."""
    limit = max_unpacked_mb * 1_000_000
    too_big = (f"{path} would unpack to more than {max_unpacked_mb:,} MB, over the limit: it may be a zip bomb; "
               "if it is a genuine document, pass a larger max_unpacked_mb")
    if path.stat().st_size > limit:
        raise InputError(too_big)
    try:
        with zipfile.ZipFile(path) as archive:
            # zipfile never inflates a member past its listed size, so the listed sizes bound the work
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{path}: not a readable .docx file ({type(exc).__name__}: {exc}); "
                         "old .doc files must be saved as .docx first") from exc
    if unpacked > limit:
        raise InputError(too_big)


def _paragraph(paragraph: Any) -> str:
    text = " ".join(paragraph.text.replace("\t", " ").split())
    if not text:
        return ""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    m = _HEADING_STYLE.match(style.strip())
    if m:
        return "#" * min(max(int(m.group(1)), 1), 6) + " " + text
    if style.strip().lower() in ("title", "rubrik"):
        return "# " + text
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if numbered or style.lower().startswith(("list", "liststycke", "punktlista")):
        return "• " + text
    return text


def _table(table: Any) -> str:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:  # a merged cell is listed once per grid column
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)
