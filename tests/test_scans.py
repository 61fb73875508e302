"""Scanned documents end to end: our own rapport and protokoll printed to image-only PDFs, read by OCR.

The fast tests check the OCR layout rules on hand-made Tesseract output and the install
errors; the ``slow`` ones render the documents at 150 and 300 dpi, clean and damaged (blur,
skew, speckle), parse them with ``ocr="auto"`` and compare with the parse of their text.
They skip, saying why, where Tesseract's Swedish model, pypdfium2, Pillow or a font is missing.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import kdextract
from kdextract.errors import EngineUnavailableError, InputError
from kdextract.readers import SourceText
from kdextract.readers.ocr_layout import drop_furniture, page_lines, page_text, parse_tsv
from kdextract.readers.ocr_options import OcrOptions, ocr_options
from kdextract.readers.ocr_words import Word, clean_words

DATA = Path(__file__).parent / "data" / "scans"
DOCS = ("rapport", "protokoll")
NOISE = ("blur", "skew", "speckle")


# -- Tesseract TSV -> page text ------------------------------------------------------------------

def _tsv(lines: list[tuple[int, int, list[tuple[int, str, float]]]], block: int = 1) -> str:
    """TSV rows as Tesseract writes them: (top, height, [(left, text, confidence)]) per line."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
    for n, (top, height, words) in enumerate(lines, 1):
        rows.append(f"4\t1\t{block}\t1\t{n}\t0\t0\t{top}\t100\t{height}\t-1\t")
        for k, (left, text, conf) in enumerate(words, 1):
            width = 18 * len(text)
            rows.append(f"5\t1\t{block}\t1\t{n}\t{k}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(rows) + "\n"


def _words(line: str, left: int = 300, conf: float = 96.0) -> list[tuple[int, str, float]]:
    out = []
    for text in line.split():
        out.append((left, text, conf))
        left += 18 * len(text) + 14
    return out


def test_lines_paragraphs_and_form_fields() -> None:
    tsv = _tsv([
        (300, 40, _words("Sammanträdesprotokoll")),
        (420, 40, [*_words("Plats och tid"), (960, "Kommunhuset,", 95.0), (1200, "kl.", 95.0), (1270, "9.00", 95.0)]),
        (480, 40, [(960, "Gustav", 95.0), (1090, "Dahlberg", 95.0)]),
        (620, 40, [(300, "&", 91.0), *_words("21 Val av justerare", left=340)]),
        (760, 40, _words("Arbetsutskottet beslutar att utse en justerare.")),
        (820, 40, _words("Beslutet gäller genast.")),
    ])
    lines = page_lines(parse_tsv(tsv), page_height=3500, min_confidence=60)
    text, doubts = page_text(lines)
    assert text == ("Sammanträdesprotokoll\n\n"
                    "Plats och tid\tKommunhuset, kl. 9.00\n"
                    "\tGustav Dahlberg\n\n"
                    "§ 21 Val av justerare\n\n"
                    "Arbetsutskottet beslutar att utse en justerare.\n"
                    "Beslutet gäller genast.")
    (start, end, confidence, seen), = doubts
    assert text[start:end] == "§" and seen == "&" and confidence == 91


def test_specks_go_and_digits_stay() -> None:
    tsv = _tsv([
        (300, 40, [*_words("Kostnaden blev 185 000."), (760, "kronor", 95.0), (900, "|", 70.0)]),
        (360, 40, [*_words(".vid sammanträdet"), (1500, "hg", 0.0), (1560, "2", 37.0)]),
        (420, 40, [*_words("Beslutet kostar 3 450 000 kronor"), (1500, "2024", 96.0)]),
        (480, 40, _words("Summa 1 200 kr. Nästa möte 2025.")),
    ])
    text, doubts = page_text(page_lines(parse_tsv(tsv), 3500, 60))
    assert text.split("\n") == ["Kostnaden blev 185 000 kronor", "vid sammanträdet",
                                "Beslutet kostar 3 450 000 kronor\t2024", "Summa 1 200 kr. Nästa möte 2025."]
    assert {(text[s:e], seen) for s, e, _, seen in doubts} == {("000", "000."), ("vid", ".vid")}


def test_a_narrow_doubtful_one_between_words_is_i() -> None:
    words = []
    for n, (one_width, conf) in enumerate([(5, 75.0), (5, 96.0), (16, 75.0)], 1):  # doubtful, sure, wide
        top = 240 + 60 * n
        words += [Word(text, left, top, 18 * len(text), 40, 96.0, (1, 1, n))
                  for left, text, _ in _words("Resultatet redovisas 2024 för nämnden")]
        words += [Word("1", 1100, top, one_width, 40, conf, (1, 1, n)), Word("juni", 1130, top, 72, 40, 96.0, (1, 1, n))]
    text, doubts = page_text(page_lines(words, 3500, 60))
    assert [row.split()[-2] for row in text.split("\n")] == ["i", "1", "1"]
    assert [(text[s:e], seen) for s, e, _, seen in doubts] == [("i", "1")]


def test_paragraph_signs_need_evidence() -> None:
    def first(text: str, conf: float) -> str:
        words = [Word(t, 300 + 120 * k, 100, 80, 40, conf if k == 0 else 96.0, (1, 1, 1))
                 for k, t in enumerate(text.split())]
        return " ".join(t for _, t in clean_words(words, tab=100, min_confidence=60))

    assert first("$& 22 Ekonomisk uppföljning", 60) == "§ 22 Ekonomisk uppföljning"
    assert first('"88 21-26', 50) == "§§ 21-26"
    assert first("8 12 Budget", 40) == "§ 12 Budget"
    assert first("8 000 kronor", 96) == "8 000 kronor"  # a real 8 before a number and a word
    assert first("8 12 13", 96) == "8 12 13"
    assert first("S 4 Val", 95) == "§ 4 Val"
    assert first("S 4 och", 95) == "S 4 och"


def test_running_headers_read_differently_are_still_dropped() -> None:
    def page(header: str, body: str, number: int) -> str:
        return _tsv([(100, 30, _words(header)), (400, 40, _words(body)), (3350, 30, _words(f"Sida {number} av 3"))])

    pages = [page_lines(parse_tsv(page(h, b, n)), 3500, 60) for n, (h, b) in enumerate([
        ("Strandviks kommun Arbetsutskottet", "Första sidans text."),
        ("Strandviks kommiun Arbetsutskottet", "Andra sidans text."),
        ("Strandviks kornmun Arbetsutskottet", "Tredje sidans text."),
    ], 1)]
    drop_furniture(pages)
    texts = [page_text(lines)[0] for lines in pages]
    assert [t.split() for t in texts] == [["Strandviks", "kommun", "Arbetsutskottet", "Första", "sidans", "text."],
                                          ["Andra", "sidans", "text."], ["Tredje", "sidans", "text."]]


def test_skewed_page_keeps_its_lines_and_paragraphs() -> None:
    slope = 0.02  # about 1.1 degrees: each word sits lower the further right it is, each line starts further left
    rows = [(300, "Första stycket har två rader"), (360, "som hör ihop."), (500, "Andra stycket."),
            (560, "Också två rader.")]
    tsv = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
    for n, (top, line) in enumerate(rows, 1):
        for k, (left, text, conf) in enumerate(_words(line, 300 - round(slope * top)), 1):
            tsv.append(f"5\t1\t1\t1\t{n}\t{k}\t{left}\t{top + round(slope * left)}\t{18 * len(text)}\t40\t{conf}\t{text}")
    text, _ = page_text(page_lines(parse_tsv("\n".join(tsv)), 3500, 60))
    assert text == "Första stycket har två rader\nsom hör ihop.\n\nAndra stycket.\nOckså två rader."


# -- provenance ------------------------------------------------------------------------------------

def test_doubtful_words_reach_the_records_explanation() -> None:
    from kdextract.pipeline import build_document

    text = "Kommunstyrelsen beslutade att anslå 2,4 miljoner kronor till projektet.\n"
    start = text.index("miljoner")
    src = SourceText(text, name="skannad.pdf", page_starts=(0,), ocr_pages=(1,),
                     doubts=((start, start + len("miljoner"), 41, "miljoner"),))
    doc = build_document(src, ner=False)
    (amount,) = doc.amounts
    assert amount.value == 2_400_000 and amount.page == 1
    assert "OCR unsure: 'miljoner' (41%)" in (amount.source.explanation or "")
    assert src.ocr_note(0, start) is None


def test_ocr_choices() -> None:
    assert ocr_options(True).mode == "always" and ocr_options(False).mode == "never"
    assert ocr_options("auto") == OcrOptions()
    with pytest.raises(InputError):
        ocr_options("sometimes")
    with pytest.raises(InputError):
        OcrOptions(page_timeout=0)
    with pytest.raises(InputError):
        kdextract.parse("text", ocr="yes")  # type: ignore[arg-type]


# -- install errors and routes -------------------------------------------------------------------

def _scan(tmp_path: Path, name: str = "rapport", dpi: int = 300, noise: tuple[str, ...] = ()) -> Path:
    pytest.importorskip("PIL", reason="rendering scans needs Pillow")
    from kdextract.testing.scans import find_font, scan_pdf

    try:
        find_font(("DejaVuSerif.ttf", "LiberationSerif-Regular.ttf"))
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    marked = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return scan_pdf(marked, tmp_path / f"{name}-{dpi}-{'-'.join(noise) or 'clean'}.pdf", dpi=dpi, noise=noise,
                    header="Strandviks kommun")


def test_scan_without_ocr_names_the_route(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    path = _scan(tmp_path, dpi=100)
    with pytest.raises(InputError) as err:
        kdextract.parse(path, ocr="never")
    message = str(err.value)
    assert 'ocr="auto"' in message and "apt-get install tesseract-ocr tesseract-ocr-swe" in message
    assert "kdextract[ocr]" in message and "poppler" not in message


def test_missing_tesseract_names_the_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pypdf")
    from kdextract.readers import ocr

    path = _scan(tmp_path, dpi=100)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(EngineUnavailableError) as err:
        kdextract.parse(path)  # ocr="auto" is the default
    message = str(err.value)
    assert "apt-get install tesseract-ocr tesseract-ocr-swe" in message and "poppler" not in message
    assert "--ocr never" in message


def _mixed(tmp_path: Path, dpi: int = 200) -> Path:
    """A PDF of one typed page (a text layer) followed by the scanned rapport."""
    import pypdf
    from test_readers import make_pdf

    text_page = tmp_path / "text.pdf"
    text_page.write_bytes(make_pdf([[(72, 760, "Kommunstyrelsen"),
                                     (72, 730, "Sammanträdet hölls den 3 mars 2024 i kommunhuset.")]]))
    writer = pypdf.PdfWriter()
    writer.append(str(text_page))
    writer.append(str(_scan(tmp_path, "rapport", dpi)))
    mixed = tmp_path / "blandad.pdf"
    with open(mixed, "wb") as out:
        writer.write(out)
    return mixed


def test_mixed_pdf_without_tesseract_keeps_its_text_and_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pypdf")
    from kdextract.readers import ocr

    mixed = _mixed(tmp_path, dpi=100)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    doc = kdextract.parse(mixed, ner=False)
    assert doc.text.startswith("Kommunstyrelsen\nSammanträdet hölls den 3 mars 2024")
    (warning,) = doc.warnings
    assert "page(s) 2, 3 look scanned and were not read" in warning and "tesseract-ocr-swe" in warning
    with pytest.raises(EngineUnavailableError):
        kdextract.parse(mixed, ocr="always")


def test_missing_swedish_model_names_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    from kdextract.readers import ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda name: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr, "_languages", lambda exe: frozenset({"eng", "osd"}))
    with pytest.raises(EngineUnavailableError) as err:
        ocr.check_ocr("swe", pdf=False)
    assert "apt-get install tesseract-ocr-swe" in str(err.value)


def test_missing_renderer_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from kdextract.readers import ocr

    real = importlib.util.find_spec
    monkeypatch.setattr(ocr.shutil, "which", lambda name: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr, "_languages", lambda exe: frozenset({"swe"}))
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name == "pypdfium2" else real(name))
    assert ocr.check_ocr("swe", pdf=False) == "/usr/bin/tesseract"
    with pytest.raises(EngineUnavailableError) as err:
        ocr.check_ocr("swe")
    assert 'Pillow and pypdfium2 (pip install "kdextract[ocr]")' in str(err.value)


def test_scans_have_no_text_layer_and_blank_pages_need_no_ocr(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    from kdextract.readers.pdf import lacks_text_layer

    reader = pypdf.PdfReader(_scan(tmp_path, dpi=100))
    assert len(reader.pages) >= 2
    assert all(lacks_text_layer(page, []) for page in reader.pages)
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    assert not lacks_text_layer(writer.pages[0], [])


# -- end to end (Tesseract) ------------------------------------------------------------------------

def _need_tesseract() -> None:
    from kdextract.readers.ocr import tesseract_available

    pytest.importorskip("pypdfium2", reason="rendering PDF pages for OCR needs pypdfium2 (kdextract[ocr])")
    pytest.importorskip("pypdf")
    if not tesseract_available("swe"):
        pytest.skip("Tesseract with its Swedish model is not installed: apt-get install tesseract-ocr tesseract-ocr-swe")


@pytest.fixture(scope="module")
def reference() -> dict[str, kdextract.Document]:
    from kdextract.testing.scans import plain_text

    return {name: kdextract.parse(plain_text((DATA / f"{name}.txt").read_text(encoding="utf-8"))) for name in DOCS}


@pytest.mark.slow
@pytest.mark.parametrize("noise", [(), *((kind,) for kind in NOISE), NOISE],
                         ids=["clean", *NOISE, "blur+skew+speckle"])
@pytest.mark.parametrize("name", DOCS)
def test_scan_at_300_dpi_agrees_with_the_text(name: str, noise: tuple[str, ...], tmp_path: Path,
                                              reference: dict[str, kdextract.Document]) -> None:
    _need_tesseract()
    from kdextract.testing.scans import compare, record_keys

    doc = kdextract.parse(_scan(tmp_path, name, 300, noise), ocr="auto")
    ref = reference[name]
    assert Counter(record_keys(doc)["amounts"]) == Counter(record_keys(ref)["amounts"])
    agreement = compare(ref, doc)
    assert agreement["dates"].f1 >= 0.95, agreement
    assert agreement["sections"].f1 >= 0.90, agreement
    assert agreement["people"].f1 >= 0.90, agreement
    assert {item.page for item in [*doc.amounts, *doc.dates, *doc.sections, *doc.people]} == {1, 2}


@pytest.mark.slow
@pytest.mark.parametrize("noise", [(), NOISE], ids=["clean", "blur+skew+speckle"])
@pytest.mark.parametrize("name", DOCS)
def test_scan_at_150_dpi_never_invents_an_amount(name: str, noise: tuple[str, ...], tmp_path: Path,
                                                 reference: dict[str, kdextract.Document]) -> None:
    _need_tesseract()
    from kdextract.testing.scans import compare

    agreement = compare(reference[name], kdextract.parse(_scan(tmp_path, name, 150, noise), ocr="auto", ner=False))
    assert agreement["amounts"].precision == 1.0, agreement  # an amount may be lost, never misread
    assert agreement["amounts"].recall >= 0.8, agreement
    assert agreement["dates"].f1 >= 0.9, agreement


@pytest.mark.slow
def test_mixed_pdf_keeps_its_text_pages(tmp_path: Path) -> None:
    _need_tesseract()
    from kdextract.readers.pdf import read_pdf

    mixed = _mixed(tmp_path)
    src = read_pdf(mixed, ocr=OcrOptions(progress=False))
    assert src.text.startswith("Kommunstyrelsen\nSammanträdet hölls den 3 mars 2024 i kommunhuset.\n\n")
    assert src.ocr_pages == (2, 3) and len(src.page_starts) == 3
    assert src.page_at(src.text.index("Ekonomiskt läge")) == 2
    always = read_pdf(mixed, ocr=OcrOptions(mode="always", progress=False))
    assert always.ocr_pages == (1, 2, 3)
    doc = kdextract.parse(mixed, ner=False)
    assert [d.page for d in doc.dates if d.value == "2024-03-03"] == [1]
    assert len(doc.warnings) == 1 and "page(s) 2, 3 read by OCR" in doc.warnings[0]
    assert any(a.page == 3 for a in doc.amounts)


@pytest.mark.slow
def test_progress_timeout_and_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _need_tesseract()
    from kdextract.readers.pdf import read_pdf

    path = _scan(tmp_path, "protokoll", 150)
    src = read_pdf(path, ocr=OcrOptions(progress=True, workers=2))
    assert "OCR protokoll-150-clean.pdf: page 2/2" in capsys.readouterr().err
    assert "§ 21 Val av justerare" in src.text
    with pytest.raises(InputError, match=r"page \d: Tesseract took longer than 0.01 s"):
        read_pdf(path, ocr=OcrOptions(page_timeout=0.01))
    run = subprocess.run([sys.executable, "-m", "kdextract", "parse", str(path), "--ocr", "auto", "--no-ner",
                          "-k", "amounts", "-f", "csv"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "3 450 000 kronor" in run.stdout and "OCR" not in run.stderr
    never = subprocess.run([sys.executable, "-m", "kdextract", "parse", str(path), "--ocr", "never"],
                           capture_output=True, text=True, timeout=600)
    assert never.returncode == 2 and "--ocr auto" in never.stderr
