"""PDF, Word and OCR readers: text, page starts, running headers/footers, errors."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from kdextract.errors import InputError
from kdextract.readers import SourceText
from kdextract.testing.adversarial import pdf_bytes

HEADER = "Ekerö kommun – Kommundirektörens rapport"

PAGE_1 = [
    "Kommunstyrelsen",
    "Budget för nästa år",
    "Kommunstyrelsen beslutade den 13 juni 2026 att anslå 2,5 mnkr till projektet.",
    "Arbetet ska vara klart till den 30 november 2026.",
]
PAGE_2 = [
    "Uppföljning",
    "Britt Ahlin är ny kvalitetschef och rapporterar till kommundirektören.",
    "Kostnaden beräknas till 450 tkr under hösten.",
]


# -- a minimal PDF writer (Helvetica, WinAnsi), enough for text-layer tests ------------------

def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[tuple[float, float, str]]], width: float = 595, height: float = 842) -> bytes:
    """A PDF whose pages show ``(x, y, text)`` lines in 11 pt Helvetica."""
    objects: list[bytes] = []
    n_pages = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        content = b"".join(b"BT /F1 11 Tf 1 0 0 1 %.1f %.1f Tm " % (x, y) + _pdf_string(t) + b" Tj ET\n"
                           for x, y, t in lines)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
    return pdf_bytes(objects)


def _page(body: list[str], number: int, total: int) -> list[tuple[float, float, str]]:
    lines = [(72, 800, HEADER)]
    lines += [(72, 740 - 18 * i, text) for i, text in enumerate(body)]
    lines.append((280, 30, f"Sida {number} av {total}"))
    return lines


@pytest.fixture()
def two_page_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(make_pdf([_page(PAGE_1, 1, 2), _page(PAGE_2, 2, 2)]))
    return path


# -- PDF ------------------------------------------------------------------------------------

def test_pdf_text_pages_and_furniture(two_page_pdf: Path) -> None:
    pytest.importorskip("pypdf")
    from kdextract.readers.pdf import read_pdf

    src = read_pdf(two_page_pdf)
    assert isinstance(src, SourceText)
    for line in PAGE_1 + PAGE_2:
        assert line in src.text
    assert "Sida 1 av 2" not in src.text and "Sida 2 av 2" not in src.text
    assert src.text.count(HEADER) == 1  # the first page keeps its letterhead, page 2 loses it
    assert src.text.index(HEADER) < src.text.index(PAGE_1[0])
    assert len(src.page_starts) == 2 and src.page_starts[0] == 0
    assert src.page_at(src.text.index(PAGE_1[-1])) == 1
    assert src.page_at(src.text.index(PAGE_2[0])) == 2
    assert src.page_at(src.text.index(PAGE_2[-1])) == 2
    assert src.name == "rapport.pdf"


def test_pdf_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from kdextract.readers.pdf import read_pdf

    left = ["Vänster spalt rad ett", "vänster spalt rad två", "vänster spalt rad tre", "vänster spalt rad fyra"]
    right = ["Höger spalt rad ett", "höger spalt rad två", "höger spalt rad tre", "höger spalt rad fyra"]
    lines = [(50, 700 - 16 * i, t) for i, t in enumerate(left)] + [(320, 700 - 16 * i, t) for i, t in enumerate(right)]
    path = tmp_path / "spalter.pdf"
    path.write_bytes(make_pdf([lines]))
    text = read_pdf(path).text
    assert text.index(left[-1]) < text.index(right[0])
    assert "\n".join(left) in text and "\n".join(right) in text


def test_pdf_without_text_layer_names_the_ocr_route(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from kdextract.readers.pdf import read_pdf

    path = tmp_path / "skannad.pdf"
    path.write_bytes(make_pdf([[], []]))
    with pytest.raises(InputError) as err:
        read_pdf(path)
    message = str(err.value)
    assert "kdextract[ocr]" in message and "tesseract-ocr-swe" in message


def test_parse_pdf_path_offsets_and_pages(two_page_pdf: Path) -> None:
    pytest.importorskip("pypdf")
    import kdextract

    doc = kdextract.parse(two_page_pdf, ner=False)
    assert doc.text.count(HEADER) == 1
    assert doc.dates and doc.amounts
    for item in [*doc.dates, *doc.amounts]:
        assert doc.text[item.start:item.end] == item.text
        on_page_2 = item.start >= doc.text.index(PAGE_2[0])
        assert item.page == (2 if on_page_2 else 1)
    assert {a.page for a in doc.amounts} == {1, 2}


# -- Word -----------------------------------------------------------------------------------

@pytest.fixture()
def docx_file(tmp_path: Path) -> Path:
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = "Sida 1"
    document.add_paragraph(PAGE_1[0])
    document.add_heading(PAGE_1[1], level=1)
    for line in PAGE_1[2:]:
        document.add_paragraph(line)
    document.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(PAGE_2[0], level=2)
    for line in PAGE_2[1:]:
        document.add_paragraph(line)
    document.add_paragraph("Första punkten", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Post", "Belopp"
    table.cell(1, 0).text, table.cell(1, 1).text = "Lokaler", "120 000 kr"
    path = tmp_path / "rapport.docx"
    document.save(str(path))
    return path


def test_docx_paragraphs_headings_lists_tables(docx_file: Path) -> None:
    from kdextract.readers.docx import read_docx

    src = read_docx(docx_file)
    assert HEADER not in src.text and "Sida 1" not in src.text  # page header/footer are not body text
    assert f"# {PAGE_1[1]}" in src.text
    assert f"## {PAGE_2[0]}" in src.text
    assert "• Första punkten" in src.text
    assert "Lokaler\t120 000 kr" in src.text
    for line in PAGE_1[2:] + PAGE_2[1:]:
        assert f"\n\n{line}" in src.text
    assert src.page_starts == ()
    assert src.page_at(10) is None


def test_parse_docx_path(docx_file: Path) -> None:
    import kdextract

    doc = kdextract.parse(docx_file, ner=False)
    titles = [s.title for s in doc.sections]
    assert PAGE_1[1] in titles
    assert any(a.value == 120000 for a in doc.amounts)
    for item in [*doc.dates, *doc.amounts]:
        assert doc.text[item.start:item.end] == item.text
        assert item.page is None


@pytest.mark.parametrize("extra, reader, name, content", [
    ("pypdf", "kdextract.readers.pdf:read_pdf", "trasig.pdf", b"%PDF-1.4\nthis is not really a pdf"),
    ("docx", "kdextract.readers.docx:read_docx", "trasig.docx", b"PK not a zip"),
])
def test_broken_pdf_or_docx_is_an_input_error(tmp_path: Path, extra: str, reader: str, name: str,
                                              content: bytes) -> None:
    pytest.importorskip(extra)
    module, function = reader.split(":")
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError):
        getattr(importlib.import_module(module), function)(path)


# -- OCR ------------------------------------------------------------------------------------

def test_ocr_reader_without_tesseract_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kdextract.errors import EngineUnavailableError
    from kdextract.readers import ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    path = tmp_path / "skannad.pdf"
    path.write_bytes(make_pdf([[]]))
    with pytest.raises(EngineUnavailableError) as err:
        ocr.ocr_pdf(path)
    assert "tesseract-ocr-swe" in str(err.value)


def test_ocr_pdf_with_tesseract(tmp_path: Path) -> None:
    from kdextract.readers import ocr

    if not ocr.tesseract_available():
        pytest.skip("tesseract with the Swedish model is not installed")
    import shutil

    if shutil.which("pdftoppm") is None:
        pytest.importorskip("pypdfium2")
    path = tmp_path / "rapport.pdf"
    path.write_bytes(make_pdf([_page(PAGE_1, 1, 2), _page(PAGE_2, 2, 2)]))
    src = ocr.ocr_pdf(path)
    assert len(src.page_starts) == 2
    assert "kvalitetschef" in src.text
    assert src.page_at(src.text.index("kvalitetschef")) == 2
