"""Read scanned pages with Tesseract and its Swedish model.

Needs the Tesseract program with its Swedish model (Debian/Ubuntu: ``apt-get install
tesseract-ocr tesseract-ocr-swe``) and ``pip install "kdextract[ocr]"`` (pypdfium2 and Pillow,
to render PDF pages). ``kdextract.parse(path, ocr="auto")`` reads the pages of a PDF that
have no text layer this way (``kdextract.readers.pdf.read_pdf``); ``ocr_pdf`` reads every
page of a PDF, ``ocr_image`` one page image.

Each page is rendered at ``OcrOptions.dpi``, handed to ``tesseract`` (a subprocess, so pages
run in parallel threads, each within ``OcrOptions.page_timeout``), and its TSV output turned
into lines, paragraphs and doubtful words (``kdextract.readers.ocr_layout``). Running headers
and page numbers are dropped, and the result carries its page starts, the OCR'd pages and the
doubts. The text still has reading errors: ``kdextract.parse`` repairs the common ones where
the text looks damaged (``kdextract.text.ocr``).
"""

from __future__ import annotations

import functools
import importlib.util
import io
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kdextract.errors import EngineUnavailableError, InputError
from kdextract.readers import Doubt, SourceText
from kdextract.readers.ocr_layout import OcrLine, drop_furniture, page_lines, page_text, parse_tsv
from kdextract.readers.ocr_options import OcrOptions
from kdextract.readers.pdf import join_pages

if TYPE_CHECKING:
    from PIL import Image

#: Most pages read at once by default.
MAX_WORKERS = 4
_APT = "apt-get install tesseract-ocr tesseract-ocr-{language}"
_PIP = 'pip install "kdextract[ocr]"'


def tesseract_available(language: str = "swe") -> bool:
    """Whether the tesseract program and its model for ``language`` are installed."""
    exe = shutil.which("tesseract")
    return exe is not None and language in _languages(exe)


@functools.lru_cache(maxsize=4)
def _languages(exe: str) -> frozenset[str]:
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.stdout.splitlines()[1:])  # after "List of available languages"


def check_ocr(language: str = "swe", *, pdf: bool = True) -> str:
    """The tesseract program's path; EngineUnavailableError naming exactly what to install when a piece is missing."""
    missing = []
    exe = shutil.which("tesseract")
    if exe is None:
        missing.append(f"the Tesseract program and its {language!r} model ({_APT.format(language=language)})")
    elif language not in _languages(exe):
        missing.append(f"Tesseract's {language!r} model (apt-get install tesseract-ocr-{language})")
    modules = ("PIL", "pypdfium2") if pdf else ("PIL",)
    if any(importlib.util.find_spec(name) is None for name in modules):
        missing.append(f"{' and '.join(m.replace('PIL', 'Pillow') for m in modules)} ({_PIP})")
    if missing or exe is None:
        raise EngineUnavailableError("reading scanned pages needs " + " and ".join(missing)
                                     + "; or pass ocr='never' (--ocr never) to read the text layer only")
    return exe


def ocr_pdf(path: str | Path, options: OcrOptions | None = None) -> SourceText:
    """Every page of the PDF at ``path`` read by OCR, with page starts and doubts."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    options = options or OcrOptions(mode="always")
    check_ocr(options.language)
    with _open_pdf(path) as document:
        count = len(document)
    return read_scanned(path, [""] * count, list(range(count)), options)


def read_scanned(path: Path, texts: list[str], todo: Sequence[int], options: OcrOptions) -> SourceText:
    """``texts`` (one per page of the PDF at ``path``) with the pages ``todo`` (0-based) read by OCR."""
    pages = _ocr_pages(path, todo, options)
    drop_furniture(pages)
    found: dict[int, list[Doubt]] = {}
    texts = list(texts)
    for i, lines in zip(todo, pages):
        texts[i], found[i] = page_text(lines)
    src = join_pages(texts, name=path.name)
    doubts = sorted((src.page_starts[i] + s, src.page_starts[i] + e, c, seen)
                    for i, ds in found.items() for s, e, c, seen in ds)
    note = (f"{path.name}: page(s) {', '.join(str(i + 1) for i in todo)} read by OCR (Tesseract, {options.language!r}); "
            f"expect reading errors: {len(doubts)} doubtful word(s) are named in the records' explanations")
    return replace(src, ocr_pages=tuple(i + 1 for i in todo), doubts=tuple(doubts), warnings=(*src.warnings, note))


def ocr_image(path: str | Path, options: OcrOptions | None = None) -> SourceText:
    """One scanned page image (PNG, TIFF, JPEG) read by OCR."""
    path = Path(path)
    options = options or OcrOptions(mode="always")
    exe = check_ocr(options.language, pdf=False)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            lines = _read_image(exe, image, options, path.name)
    except (OSError, UnidentifiedImageError) as exc:
        raise InputError(f"{path}: not a readable image ({exc})") from exc
    text, doubts = page_text(lines)
    return SourceText(text + "\n", name=path.name, page_starts=(0,), ocr_pages=(1,), doubts=tuple(doubts))


@contextmanager
def _open_pdf(path: Path) -> Iterator[Any]:
    """A pypdfium2 document, closed on exit; an unreadable PDF raises InputError."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except Exception as exc:  # pypdfium2 raises its own PdfiumError
        raise InputError(f"{path}: not a readable PDF ({exc})") from exc
    try:
        yield document
    finally:
        document.close()


def _ocr_pages(path: Path, todo: Sequence[int], options: OcrOptions) -> list[list[OcrLine]]:
    """The lines of pages ``todo`` of the PDF, read in parallel threads (pdfium renders one at a time)."""
    exe = check_ocr(options.language)
    lock = threading.Lock()
    progress = _Progress(path.name, len(todo), options.progress)
    with _open_pdf(path) as document:

        def one(i: int) -> list[OcrLine]:
            with lock:
                image = document[i].render(scale=options.dpi / 72, grayscale=True).to_pil()
            lines = _read_image(exe, image, options, f"{path.name}, page {i + 1}")
            progress.step()
            return lines

        try:
            return _map(one, todo, _workers(options, len(todo)))
        finally:
            progress.close()


def _map(function: Callable[[int], list[OcrLine]], items: Sequence[int], workers: int) -> list[list[OcrLine]]:
    if workers <= 1:
        return [function(i) for i in items]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kdextract-ocr") as pool:
        futures = [pool.submit(function, i) for i in items]
        try:
            return [f.result() for f in futures]
        except BaseException:
            for f in futures:
                f.cancel()
            raise


def _workers(options: OcrOptions, pages: int) -> int:
    if options.workers is not None:
        return min(options.workers, pages)
    if multiprocessing.parent_process() is not None:
        return 1  # a batch worker: the batch already keeps the cores busy
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1, pages))


def _read_image(exe: str, image: Image.Image, options: OcrOptions, where: str) -> list[OcrLine]:
    """One page image through ``tesseract … tsv``, as lines."""
    buffer = io.BytesIO()
    image.convert("L").save(buffer, "PPM")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread per page: pages run in parallel
    command = [exe, "stdin", "stdout", "-l", options.language, "--dpi", str(options.dpi), "tsv"]
    try:
        result = subprocess.run(command, input=buffer.getvalue(), capture_output=True, timeout=options.page_timeout,
                                check=False, env=env)
    except subprocess.TimeoutExpired as exc:
        raise InputError(f"{where}: Tesseract took longer than {options.page_timeout:g} s; allow more with "
                         "ocr=OcrOptions(page_timeout=...)") from exc
    if result.returncode != 0:
        raise InputError(f"{where}: Tesseract failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    words = parse_tsv(result.stdout.decode("utf-8", "replace"))
    return page_lines(words, image.height, options.min_confidence)


class _Progress:
    """"OCR name: page k/n" on stderr, when asked for or (by default) on a terminal for 3 pages or more."""

    def __init__(self, name: str, total: int, enabled: bool | None) -> None:
        self.name, self.total, self.done = name, total, 0
        self.lock = threading.Lock()
        if enabled is None:  # not from a batch worker process: the batch shows its own progress
            try:
                enabled = total >= 3 and multiprocessing.parent_process() is None and sys.stderr.isatty()
            except (AttributeError, ValueError):
                enabled = False
        self.enabled = enabled

    def step(self) -> None:
        with self.lock:
            self.done += 1
            if self.enabled:
                print(f"\rOCR {self.name}: page {self.done}/{self.total}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled and self.done:
            print(file=sys.stderr, flush=True)
