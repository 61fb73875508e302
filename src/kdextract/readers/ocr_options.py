"""When and how scanned pages are read by OCR: ``parse(..., ocr=...)``.

>>> ocr_options(True).mode, ocr_options(False).mode, ocr_options("auto").mode
('always', 'never', 'auto')
>>> ocr_options(OcrOptions(page_timeout=30)).page_timeout
30.0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast, get_args

from kdextract.errors import InputError

#: ``auto``: OCR the pages of a PDF that have no text layer; ``always``: every page; ``never``: none.
OcrMode = Literal["auto", "always", "never"]
MODES: tuple[str, ...] = get_args(OcrMode)


@dataclass(frozen=True)
class OcrOptions:
    """How scans are read: which pages, Tesseract's language, resolution, limits and progress.

    ``workers``: pages read at once (None: up to 4, one at a time inside a batch worker
    process); ``page_timeout``: seconds Tesseract may spend on one page; ``progress``:
    report pages done on stderr (None: when stderr is a terminal); ``min_confidence``:
    words read with a lower confidence (0-100) are noted in the records' explanations.
    """

    mode: OcrMode = "auto"
    language: str = "swe"
    dpi: int = 300
    workers: int | None = None
    page_timeout: float = 120.0
    progress: bool | None = None
    min_confidence: float = 60.0

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise InputError(f"unknown OCR mode {self.mode!r}: use one of {', '.join(MODES)}")
        if not 50 <= self.dpi <= 1200:
            raise InputError(f"dpi {self.dpi} is out of range: use 150-600 (300 reads print best)")
        if self.workers is not None and self.workers < 1:
            raise InputError("workers must be at least 1")
        if self.page_timeout <= 0:
            raise InputError("page_timeout must be a positive number of seconds")
        object.__setattr__(self, "page_timeout", float(self.page_timeout))


def ocr_options(value: bool | str | OcrOptions) -> OcrOptions:
    """``OcrOptions`` for ``parse``'s ``ocr`` argument: True (always), False (never), a mode or options."""
    if isinstance(value, OcrOptions):
        return value
    if value is True or value is False:
        return OcrOptions(mode="always" if value else "never")
    if isinstance(value, str) and value in MODES:
        return OcrOptions(mode=cast(OcrMode, value))
    raise InputError(f"ocr must be True, False, one of {', '.join(map(repr, MODES))} or OcrOptions, not {value!r}")
