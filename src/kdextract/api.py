"""The stable public API: ``parse``, ``parse_many`` and the reusable ``Extractor``."""

from __future__ import annotations

import datetime as dt
import os
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from typing import TYPE_CHECKING, Literal

from kdextract.errors import InputError, InternalError, KdextractError
from kdextract.models import Document
from kdextract.parsers.dates.reference import reference_day
from kdextract.readers import SourceText
from kdextract.readers.ocr_options import OcrOptions, ocr_options
from kdextract.readers.source import MAX_CHARS, MAX_PAGES, MAX_UNPACKED_MB, TEXT_SUFFIXES, Source, read_source

if TYPE_CHECKING:
    from kdextract.batch import NameFn, OnError

Engine = Literal["spacy", "stanza"]
DateLike = dt.date | dt.datetime | str | None
#: True (OCR every page), False (never), "auto" (pages without a text layer), "always", "never", or OcrOptions.
OcrChoice = bool | Literal["auto", "always", "never"] | OcrOptions
#: Extensions of the files ``parse`` reads: a ``str`` that names such a file draws a warning.
FILE_SUFFIXES = (TEXT_SUFFIXES - {""}) | {".pdf", ".docx"}


# A protocol of our own in a few lines: its parse loads every rule file the pipeline reads.
_WARM_UP_TEXT = ("Kommunstyrelsen\nProtokoll\n\nSammanträdesdatum 2025-03-04\nPlats och tid: Kommunhuset kl. 13.00-15.00\n"
                 "Beslutande: Anna Berg (S), ordförande\nSekreterare: Per Lind\n\n§ 1 Budget för Grön skola\n\n"
                 "Kommunstyrelsen beslutar att anslå 2,5 mnkr till projektet Grön skola. Uppdraget ska redovisas "
                 "senast den 30 juni 2025.\n")

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
        self.ocr = ocr_options(ocr)
        self.max_pages = max_pages
        self.max_unpacked_mb = max_unpacked_mb

    def __repr__(self) -> str:
        return (f"Extractor(engine={self.engine!r}, ner={self.ner}, ocr_repair={self.ocr_repair}, "
                f"ocr={self.ocr.mode!r})")

    def parse(self, source: Source, *, document_date: DateLike = None, doc_id: str | None = None) -> Document:
        """Parse one document: text (``str``), ``bytes`` or a ``pathlib.Path`` (.txt, .md, .pdf, .docx).

        Every failure is a ``KdextractError``: ``InputError`` for input that cannot be read within the
        limits, ``InternalError`` (a bug, to report) for anything unexpected.
        """
        warn_if_names_a_file(source)
        day = reference_day(document_date, "document_date")
        return next(self.build([(self.read(source), doc_id)], document_date=day))

    def parse_many(
        self, sources: Iterable[Source], *, batch_size: int = 16, n_process: int = 1, progress: bool | None = None,
        document_date: DateLike = None, on_error: OnError = "raise", doc_id: NameFn | None = None,
    ) -> Iterator[Document]:
        """Parse many documents, in input order (see ``kdextract.parse_many``)."""
        from kdextract.batch import check_sources, file_name, run

        check_sources(sources)
        return run((warn_if_names_a_file(s) for s in sources), parser=self, n_process=n_process,
                   batch_size=batch_size, progress=progress, document_date=reference_day(document_date, "document_date"),
                   on_error=on_error, total=len(sources) if isinstance(sources, Sized) else None,
                   name=doc_id or file_name)

    def read(self, source: Source) -> SourceText:
        """The text of one source, read but not parsed (``InputError`` beyond the limits)."""
        try:
            return read_source(source, max_chars=self.max_chars, max_pages=self.max_pages,
                               max_unpacked_mb=self.max_unpacked_mb, ocr=self.ocr)
        except KdextractError:
            raise
        except Exception as exc:
            raise _internal_error(_where(source), exc) from exc

    def build(self, items: Iterable[tuple[SourceText, str | None]], *, document_date: dt.date | None = None,
              batch_size: int = 16) -> Iterator[Document]:
        """The documents of ``(text, doc_id)`` pairs, in order, with NER over ``batch_size`` texts at once.

        An unexpected failure surfaces as ``InternalError``.
        """
        from kdextract.pipeline import build_documents

        pending: deque[SourceText] = deque()  # taken by the pipeline, not yet built
        docs = build_documents(_noting(items, pending), document_date=document_date, engine=self.engine,
                               model_path=self.model_path, ner=self.ner, ocr_repair=self.ocr_repair,
                               batch_size=batch_size)
        while True:
            try:
                doc = next(docs)
            except StopIteration:
                return
            except KdextractError:
                raise
            except Exception as exc:
                where = _where_text(pending[0]) if len(pending) == 1 else f"one of {len(pending):,} documents"
                raise _internal_error(where, exc) from exc
            pending.popleft()
            yield doc

    def warm_up(self) -> None:
        """Load the NER model and every rule file now rather than on first use, by parsing a short text
        of our own (e.g. once, before worker processes fork: each worker then starts warm)."""
        self.parse(_WARM_UP_TEXT, document_date=dt.date(2025, 3, 4))


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
    max_pages: int = MAX_PAGES,
    max_unpacked_mb: int = MAX_UNPACKED_MB,
) -> Document:
    """Parse one Swedish municipal document into a typed ``Document``.

    ``source`` is the text itself (``str``), ``bytes``, or a ``pathlib.Path``. ``document_date``
    resolves year-less and relative dates when the document does not give its own date.
    ``ocr``: "auto" reads the pages of a PDF that have no text layer (scans) with Tesseract,
    True/"always" every page, False/"never" none (``OcrOptions`` for the details); records on
    OCR'd pages say in ``source.explanation`` which of their words OCR was unsure of.
    Empty input gives an empty ``Document``; unreadable input raises ``kdextract.InputError``:
    larger than ``max_chars`` characters, a PDF of more than ``max_pages`` pages, a .docx that
    unpacks to more than ``max_unpacked_mb`` MB. What reading had to repair is in ``warnings``;
    anything unexpected raises ``kdextract.InternalError``.
    A ``str`` that names an existing .txt/.md/.pdf/.docx file is still parsed as text, with a
    ``UserWarning`` that says to pass a ``pathlib.Path``.
    """
    extractor = Extractor(engine=engine, model_path=model_path, ner=ner, ocr_repair=ocr_repair, max_chars=max_chars,
                          ocr=ocr, max_pages=max_pages, max_unpacked_mb=max_unpacked_mb)
    return extractor.parse(source, document_date=document_date, doc_id=doc_id)


def parse_many(
    sources: Iterable[Source],
    *,
    batch_size: int = 16,
    n_process: int = 1,
    progress: bool | None = None,
    document_date: DateLike = None,
    on_error: OnError = "raise",
    doc_id: NameFn | None = None,
    engine: Engine = "spacy",
    model_path: str | os.PathLike[str] | None = None,
    ner: bool = True,
    ocr_repair: bool | None = None,
    max_chars: int = MAX_CHARS,
    ocr: OcrChoice = "auto",
    max_pages: int = MAX_PAGES,
    max_unpacked_mb: int = MAX_UNPACKED_MB,
) -> Iterator[Document]:
    """Parse many documents lazily, in input order, optionally in ``n_process`` processes.

    ``sources`` may be any iterable, a generator of millions of paths included: it is read a
    chunk of ``batch_size`` at a time, and NER runs over a chunk at once. A source that fails is
    handled by ``on_error``: "raise" (default: its error, after the documents before it), "skip"
    (left out, logged on the ``kdextract`` logger) or "record" (a ``kdextract.ParseFailure`` in its
    place: one result per input, in order). ``doc_id`` names each document from its source
    (default: the file name for paths, "text-N" for the N-th source where it is a text). On Linux worker processes are forked, so a plain
    script works as it is; where they are spawned (macOS, Windows) the calling script needs an
    ``if __name__ == "__main__":`` guard. See ``kdextract.batch`` for the details.
    """
    extractor = Extractor(engine=engine, model_path=model_path, ner=ner, ocr_repair=ocr_repair, max_chars=max_chars,
                          ocr=ocr, max_pages=max_pages, max_unpacked_mb=max_unpacked_mb)
    return extractor.parse_many(sources, batch_size=batch_size, n_process=n_process, progress=progress,
                                document_date=document_date, on_error=on_error, doc_id=doc_id)


def warn_if_names_a_file(source: Source) -> Source:
    """``source``, with a ``UserWarning`` when it is a ``str`` that names an existing document file.

    A ``str`` is always the text itself; ``parse("rapport.txt")`` is nearly always meant as the file.
    """
    if isinstance(source, str) and len(source) < 4096 and "\n" not in source:
        name = source.strip()
        if os.path.splitext(name)[1].casefold() in FILE_SUFFIXES and os.path.isfile(name):
            warnings.warn(f"parsing the string {name!r} as text, but it names a file: pass "
                          f"pathlib.Path({name!r}) to parse the file", UserWarning, stacklevel=_outside_level())
    return source


def _outside_level() -> int:
    """The ``stacklevel`` that points a warning at the first caller outside kdextract."""
    level, frame = 2, sys._getframe(2)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("kdextract."):
        level, frame = level + 1, frame.f_back
    return level


def _noting(items: Iterable[tuple[SourceText, str | None]],
            pending: deque[SourceText]) -> Iterator[tuple[SourceText, str | None]]:
    """``items``, each text appended to ``pending`` as it is taken (to name the one that fails)."""
    for item in items:
        pending.append(item[0])
        yield item


def _where(source: Source) -> str:
    """``source`` in words, for an error message."""
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    return f"a text of {len(source):,} characters" if isinstance(source, str) else f"{len(source):,} bytes"


def _where_text(src: SourceText) -> str:
    return src.name or f"a text of {len(src.text):,} characters"


def _internal_error(where: str, exc: Exception) -> InternalError:
    """An ``InternalError`` for an unexpected ``exc`` while reading or parsing ``where``, saying what to do."""
    if isinstance(exc, MemoryError):
        return InternalError(f"kdextract ran out of memory on {where}: split the document, or pass a smaller "
                             "max_chars to refuse such inputs")
    return InternalError(f"kdextract failed on {where} ({type(exc).__name__}: {exc}). This is a bug in kdextract: "
                         "please report it with the input (or a shortened input that still fails); to go on, "
                         "skip this input or try ner=False")
