"""The stable public API: ``parse``, ``parse_many`` and the reusable ``Extractor``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import Literal

from kdextract.errors import InputError
from kdextract.models import Document
from kdextract.readers.ocr_options import OcrOptions, ocr_options
from kdextract.readers.source import MAX_CHARS, Source, read_source

Engine = Literal["spacy", "stanza"]
DateLike = dt.date | dt.datetime | str | None
#: True (OCR every page), False (never), "auto" (pages without a text layer), "always", "never", or OcrOptions.
OcrChoice = bool | Literal["auto", "always", "never"] | OcrOptions


class Extractor:
    """A configured pipeline; the NER model is loaded once, on first use, and shared.

    >>> Extractor(ner=False)
    Extractor(engine='spacy', ner=False, ocr_repair=None, ocr='auto')
    """

    def __init__(
        self,
        *,
        engine: Engine = "spacy",
        model_path: str | os.PathLike[str] | None = None,
        ner: bool = True,
        ocr_repair: bool | None = None,
        max_chars: int = MAX_CHARS,
        ocr: OcrChoice = "auto",
    ) -> None:
        if engine not in ("spacy", "stanza"):
            raise InputError(f"unknown engine {engine!r}: use 'spacy' (the shipped model) or 'stanza'")
        self.engine = engine
        self.model_path = os.fspath(model_path) if model_path is not None else None
        self.ner = ner
        self.ocr_repair = ocr_repair
        self.max_chars = max_chars
        self.ocr = ocr_options(ocr)

    def __repr__(self) -> str:
        return (f"Extractor(engine={self.engine!r}, ner={self.ner}, ocr_repair={self.ocr_repair}, "
                f"ocr={self.ocr.mode!r})")

    def parse(self, source: Source, *, document_date: DateLike = None, doc_id: str | None = None) -> Document:
        """Parse one document: text (``str``), ``bytes`` or a ``pathlib.Path`` (.txt, .md, .pdf, .docx)."""
        from kdextract.pipeline import build_document

        return build_document(
            read_source(source, max_chars=self.max_chars, ocr=self.ocr), document_date=_as_date(document_date),
            engine=self.engine, model_path=self.model_path, ner=self.ner, ocr_repair=self.ocr_repair,
            doc_id=doc_id,
        )

    def parse_many(
        self, sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1, progress: bool | None = None,
        document_date: DateLike = None,
    ) -> Iterator[Document]:
        """Parse many documents, in input order; ``n_process > 1`` uses several processes."""
        from kdextract.batch import run

        kwargs = {"engine": self.engine, "model_path": self.model_path, "ner": self.ner,
                  "ocr_repair": self.ocr_repair, "max_chars": self.max_chars, "document_date": document_date,
                  "ocr": self.ocr}
        return run(sources, n_process=n_process, batch_size=batch_size, progress=progress, parse_kwargs=kwargs,
                   parse=parse)


def parse(
    source: Source,
    *,
    document_date: DateLike = None,
    engine: Engine = "spacy",
    model_path: str | os.PathLike[str] | None = None,
    ner: bool = True,
    ocr_repair: bool | None = None,
    doc_id: str | None = None,
    max_chars: int = MAX_CHARS,
    ocr: OcrChoice = "auto",
) -> Document:
    """Parse one Swedish municipal document into a typed ``Document``.

    ``source`` is the text itself (``str``), ``bytes``, or a ``pathlib.Path``. ``document_date``
    resolves year-less and relative dates when the document does not give its own date.
    ``ocr``: "auto" reads the pages of a PDF that have no text layer (scans) with Tesseract,
    True/"always" every page, False/"never" none (``OcrOptions`` for the details); records on
    OCR'd pages say in ``source.explanation`` which of their words OCR was unsure of.
    Empty input gives an empty ``Document``; unreadable input raises ``kdextract.InputError``.
    """
    extractor = Extractor(engine=engine, model_path=model_path, ner=ner, ocr_repair=ocr_repair, max_chars=max_chars,
                          ocr=ocr)
    return extractor.parse(source, document_date=document_date, doc_id=doc_id)


def parse_many(
    sources: Iterable[Source],
    *,
    batch_size: int = 16,
    n_process: int = 1,
    progress: bool | None = None,
    document_date: DateLike = None,
    engine: Engine = "spacy",
    model_path: str | os.PathLike[str] | None = None,
    ner: bool = True,
    ocr_repair: bool | None = None,
    max_chars: int = MAX_CHARS,
    ocr: OcrChoice = "auto",
) -> Iterator[Document]:
    """Parse many documents lazily, in input order, optionally in ``n_process`` processes."""
    extractor = Extractor(engine=engine, model_path=model_path, ner=ner, ocr_repair=ocr_repair, max_chars=max_chars,
                          ocr=ocr)
    return extractor.parse_many(sources, batch_size=batch_size, n_process=n_process, progress=progress,
                                document_date=document_date)


def _as_date(value: DateLike) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(f"document_date must be a date or an ISO string like '2024-03-17', not {value!r}") from None
