"""The stable public API: ``parse``, ``parse_many`` and the reusable ``Extractor``."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import Literal

from kdextract.errors import InputError, InternalError, KdextractError
from kdextract.models import Document
from kdextract.readers.source import MAX_CHARS, MAX_PAGES, MAX_UNPACKED_MB, Source, read_source

Engine = Literal["spacy", "stanza"]
DateLike = dt.date | dt.datetime | str | None


class Extractor:
    """A configured pipeline; the NER model is loaded once, on first use, and shared.

    >>> Extractor(ner=False)
    Extractor(engine='spacy', ner=False, ocr_repair=None)
    """

    def __init__(
        self,
        *,
        engine: Engine = "spacy",
        model_path: str | os.PathLike[str] | None = None,
        ner: bool = True,
        ocr_repair: bool | None = None,
        max_chars: int = MAX_CHARS,
        max_pages: int = MAX_PAGES,
        max_unpacked_mb: int = MAX_UNPACKED_MB,
    ) -> None:
        if engine not in ("spacy", "stanza"):
            raise InputError(f"unknown engine {engine!r}: use 'spacy' (the shipped model) or 'stanza'")
        self.engine = engine
        self.model_path = os.fspath(model_path) if model_path is not None else None
        self.ner = ner
        self.ocr_repair = ocr_repair
        self.max_chars = max_chars
        self.max_pages = max_pages
        self.max_unpacked_mb = max_unpacked_mb

    def __repr__(self) -> str:
        return f"Extractor(engine={self.engine!r}, ner={self.ner}, ocr_repair={self.ocr_repair})"

    def parse(self, source: Source, *, document_date: DateLike = None, doc_id: str | None = None) -> Document:
        """Parse one document: text (``str``), ``bytes`` or a ``pathlib.Path`` (.txt, .md, .pdf, .docx).

        Every failure is a ``KdextractError``: ``InputError`` for input that cannot be read within the
        limits, ``InternalError`` (a bug, to report) for anything unexpected.
        """
        from kdextract.pipeline import build_document

        day = _as_date(document_date)
        try:
            src = read_source(source, max_chars=self.max_chars, max_pages=self.max_pages,
                              max_unpacked_mb=self.max_unpacked_mb)
            return build_document(src, document_date=day, engine=self.engine, model_path=self.model_path,
                                  ner=self.ner, ocr_repair=self.ocr_repair, doc_id=doc_id)
        except KdextractError:
            raise
        except Exception as exc:
            raise _internal_error(source, exc) from exc

    def parse_many(
        self, sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1, progress: bool | None = None,
        document_date: DateLike = None,
    ) -> Iterator[Document]:
        """Parse many documents, in input order; ``n_process > 1`` uses several processes."""
        from kdextract.batch import run

        kwargs = {"engine": self.engine, "model_path": self.model_path, "ner": self.ner,
                  "ocr_repair": self.ocr_repair, "max_chars": self.max_chars, "max_pages": self.max_pages,
                  "max_unpacked_mb": self.max_unpacked_mb, "document_date": document_date}
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
    max_pages: int = MAX_PAGES,
    max_unpacked_mb: int = MAX_UNPACKED_MB,
) -> Document:
    """Parse one Swedish municipal document into a typed ``Document``.

    ``source`` is the text itself (``str``), ``bytes``, or a ``pathlib.Path``. ``document_date``
    resolves year-less and relative dates when the document does not give its own date.
    Empty input gives an empty ``Document``; unreadable input raises ``kdextract.InputError``:
    larger than ``max_chars`` characters, a PDF of more than ``max_pages`` pages, a .docx that
    unpacks to more than ``max_unpacked_mb`` MB. What reading had to repair is in ``warnings``.
    """
    extractor = Extractor(engine=engine, model_path=model_path, ner=ner, ocr_repair=ocr_repair, max_chars=max_chars,
                          max_pages=max_pages, max_unpacked_mb=max_unpacked_mb)
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
    max_pages: int = MAX_PAGES,
    max_unpacked_mb: int = MAX_UNPACKED_MB,
) -> Iterator[Document]:
    """Parse many documents lazily, in input order, optionally in ``n_process`` processes."""
    extractor = Extractor(engine=engine, model_path=model_path, ner=ner, ocr_repair=ocr_repair, max_chars=max_chars,
                          max_pages=max_pages, max_unpacked_mb=max_unpacked_mb)
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


def _internal_error(source: Source, exc: Exception) -> InternalError:
    """An ``InternalError`` for an unexpected ``exc`` while parsing ``source``, saying what to do."""
    where = (os.fspath(source) if isinstance(source, os.PathLike)
             else f"a text of {len(source):,} characters" if isinstance(source, str) else f"{len(source):,} bytes")
    if isinstance(exc, MemoryError):
        return InternalError(f"kdextract ran out of memory on {where}: split the document, or pass a smaller "
                             "max_chars to refuse such inputs")
    return InternalError(f"kdextract failed on {where} ({type(exc).__name__}: {exc}). This is a bug in kdextract: "
                         "please report it with the input (or a shortened input that still fails); to go on, "
                         "skip this input or try ner=False")
