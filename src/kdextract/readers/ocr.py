"""Read a scanned PDF (no text layer) with Tesseract's Swedish model.

Optional: ``pip install "kdextract[ocr]"`` (pypdfium2, to render the pages; without it the
``pdftoppm`` program of poppler-utils is used) and the Tesseract program with its Swedish
model: ``apt-get install tesseract-ocr tesseract-ocr-swe`` on Debian/Ubuntu. Tesseract runs as
a subprocess (``tesseract page.png stdout -l swe``), page by page; the result carries the page
starts. OCR text still has reading errors: ``kdextract.parse`` repairs the common ones
(``kdextract.text.ocr``).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kdextract.errors import EngineUnavailableError, InputError
from kdextract.readers import SourceText
from kdextract.readers.pdf import join_pages

#: Rendering resolution; Tesseract reads print best at about 300 dpi.
DPI = 300
LANGUAGE = "swe"
_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-swe"


def tesseract_available(language: str = LANGUAGE) -> bool:
    """Whether the tesseract program and its model for ``language`` are installed."""
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return language in out.stdout.split()


def ocr_pdf(path: str | Path, *, language: str = LANGUAGE, dpi: int = DPI, timeout: float = 300.0) -> SourceText:
    """The text of the scanned PDF at ``path``, read by Tesseract, with page starts."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    exe = shutil.which("tesseract")
    if not exe:
        raise EngineUnavailableError(f"OCR needs the tesseract program and its Swedish model: {_INSTALL} "
                                     '(and pip install "kdextract[ocr]")')
    if not tesseract_available(language):
        raise EngineUnavailableError(f"tesseract has no {language!r} model: apt-get install tesseract-ocr-{language}")
    with tempfile.TemporaryDirectory(prefix="kdextract-ocr-") as tmp:
        images = _render(path, Path(tmp), dpi)
        texts = [_tesseract(exe, image, language, timeout) for image in images]
    return join_pages(texts, name=path.name)


def ocr_image(path: str | Path, *, language: str = LANGUAGE, timeout: float = 300.0) -> SourceText:
    """The text of one scanned page image (PNG, TIFF, JPEG) read by Tesseract."""
    exe = shutil.which("tesseract")
    if not exe or not tesseract_available(language):
        raise EngineUnavailableError(f"OCR needs the tesseract program and its Swedish model: {_INSTALL}")
    return join_pages([_tesseract(exe, Path(path), language, timeout)], name=Path(path).name)


def _render(pdf: Path, folder: Path, dpi: int) -> list[Path]:
    """The PDF's pages as PNG files in ``folder`` (pypdfium2, else pdftoppm)."""
    try:
        import pypdfium2 as pdfium  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        pdfium = None
    if pdfium is not None:
        try:
            document = pdfium.PdfDocument(str(pdf))
        except Exception as exc:
            raise InputError(f"{pdf}: not a readable PDF ({exc})") from exc
        paths = []
        for i in range(len(document)):
            image = document[i].render(scale=dpi / 72).to_pil()
            out = folder / f"page-{i + 1:04d}.png"
            image.save(out)
            paths.append(out)
        return paths
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise EngineUnavailableError('rendering PDF pages for OCR needs pypdfium2 (pip install "kdextract[ocr]") '
                                     "or pdftoppm (apt-get install poppler-utils)")
    result = subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(pdf), str(folder / "page")],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise InputError(f"{pdf}: pdftoppm could not render it: {result.stderr.strip()}")
    return sorted(folder.glob("page*.png"))


def _tesseract(exe: str, image: Path, language: str, timeout: float) -> str:
    try:
        result = subprocess.run([exe, str(image), "stdout", "-l", language], capture_output=True,
                                timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise InputError(f"{image.name}: tesseract took longer than {timeout:.0f} s") from exc
    if result.returncode != 0:
        raise InputError(f"{image.name}: tesseract failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result.stdout.decode("utf-8", "replace").replace("\f", "")
