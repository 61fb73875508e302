"""The pipeline: working view → sections and metadata → NER → record builders → input offsets.

``build_documents`` runs it over many sources, with the NER model over a batch of texts at a
time (``nlp.pipe``); ``build_document`` is one source.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from typing import Any, TypeVar

from pydantic import BaseModel

from kdextract.layout.lines import split_lines
from kdextract.layout.memo import lift_flat_outline, lift_memo_headings, memo_chapters, opens_as_memo
from kdextract.layout.reflow import reflow
from kdextract.layout.repeated_heads import end_at_repeated_heads
from kdextract.layout.sections import segment
from kdextract.layout.tight_item_ends import end_tight_item_runs
from kdextract.models import Document, DocumentMeta, Located, Section, Source
from kdextract.nlp.engine import get_engine
from kdextract.readers import SourceText
from kdextract.records.context import Context
from kdextract.records.meta import read_meta, with_given_date, with_subject
from kdextract.records.registry import builders
from kdextract.text.normalize import normalize
from kdextract.text.ocr import repair
from kdextract.text.sentences import sentence_spans
from kdextract.text.view import TextView

M = TypeVar("M", bound=BaseModel)


@dataclass
class _Started:
    """One source read up to its NER: its working view and the context the builders will fill."""

    src: SourceText
    view: TextView
    ctx: Context


def build_document(
    src: SourceText,
    *,
    document_date: dt.date | None = None,
    engine: str = "spacy",
    model_path: str | None = None,
    ner: bool = True,
    ocr_repair: bool | None = None,
    doc_id: str | None = None,
) -> Document:
    """Every record of ``src``, with offsets into ``src.text``."""
    return next(build_documents([(src, doc_id)], document_date=document_date, engine=engine, model_path=model_path,
                                ner=ner, ocr_repair=ocr_repair))


def build_documents(
    items: Iterable[tuple[SourceText, str | None]],
    *,
    document_date: dt.date | None = None,
    engine: str = "spacy",
    model_path: str | None = None,
    ner: bool = True,
    ocr_repair: bool | None = None,
    batch_size: int = 16,
) -> Iterator[Document]:
    """The documents of ``(source, doc_id)`` pairs, in order; NER runs over ``batch_size`` texts at once."""
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        with _COLD_START.paused(long=any(len(src.text) >= LONG_TEXT for src, _ in batch)):
            started = [_start(src, doc_id, document_date, ocr_repair) for src, doc_id in batch]
            if ner:
                todo = [s for s in started if s is not None]
                nlp = get_engine(engine, model_path=model_path)
                for s, parsed in zip(todo, nlp.pipe((s.view.text for s in todo), batch_size=batch_size)):
                    s.ctx.ner = parsed
        for (src, doc_id), one in zip(batch, started):
            if one is None:
                blank = "the input is empty" if not src.text else "the input holds only white space"
                yield Document(id=_name(src, doc_id), text=src.text, page_starts=list(src.page_starts), warnings=[*src.warnings, f"no text: {blank}"])
                continue
            with _COLD_START.paused(long=len(one.view.text) >= LONG_TEXT):
                doc = _finish(one)
            _COLD_START.warmed()
            yield doc


class _ColdStart:
    """The cyclic garbage collector paused for the steps of the process's first document (never across a ``yield``).

    A first document imports the record builders, compiles several hundred rule patterns, loads the
    lexicon and the NER model: hundreds of thousands of objects that live as long as the process,
    while each of the collector's full collections walks every object of the heap again (some 0.1 s
    of CPU in a first parse). The pipeline itself makes next to no reference cycles. A collector
    that the caller disabled stays disabled; once a document is built, only a long one's steps are paused.

    Once the first document is built, what the process holds (what it loaded for that document) is
    moved out of the collector's reach (``gc.freeze``): each full collection of a later parse walks
    only the objects made since (some 10% of the CPU time of a 1 MB document). An object held at that
    moment that later ends up in a reference cycle is freed only by ``gc.unfreeze`` and a collection.

    The steps of a document of ``LONG_TEXT`` characters or more are paused too: after the freeze the collector
    counts few long-lived objects, so a long document's own working data (spans, matches, records that live for
    its steps, with no cycles among them) soon outnumbers them by a quarter, and each of the full collections
    that follow walks all of it again (eight in a 1 MB document, a tenth of its CPU time).
    """

    def __init__(self) -> None:
        self.cold = True
        self._lock = threading.Lock()
        self._steps = 0  # steps inside the pause (threads may share it)
        self._reenable = False  # whether the pause disabled the collector

    def warmed(self) -> None:
        """A document is built: only long ones are paused from now on, and what the process holds is frozen (once)."""
        with self._lock:
            if not self.cold:
                return
            self.cold = False
        gc.freeze()

    @contextmanager
    def paused(self, long: bool = False) -> Iterator[None]:
        """The collector paused for a step of the first document, or of a ``long`` one."""
        if not (self.cold or long):
            yield
            return
        with self._lock:
            if self._steps == 0:
                self._reenable = gc.isenabled()
                gc.disable()
            self._steps += 1
        try:
            yield
        finally:
            with self._lock:
                self._steps -= 1
                if self._steps == 0 and self._reenable:
                    gc.enable()


_COLD_START = _ColdStart()
#: A text this long has the collector paused for its steps (see ``_ColdStart``).
LONG_TEXT = 50_000


def _name(src: SourceText, doc_id: str | None) -> str | None:
    return doc_id if doc_id is not None else src.name


def _start(src: SourceText, doc_id: str | None, document_date: dt.date | None,
           ocr_repair: bool | None) -> _Started | None:
    """Working view, sections, metadata and the builders' context of ``src`` (None for blank text)."""
    if not src.text.strip():
        return None
    view = reflow(repair(normalize(src.text), force=ocr_repair))
    preamble, sections, meta = read_outline(view)
    meta = with_given_date(meta, document_date)
    reference = document_date or meta.day or _reference_day(meta.date)
    doc = Document(id=_name(src, doc_id), text=view.text, meta=meta, preamble=preamble, sections=sections,
                   edits=list(view.edits), page_starts=list(src.page_starts), warnings=list(src.warnings))
    return _Started(src, view, Context(view, doc, sentence_spans(view.text), reference))


def read_outline(view: TextView) -> tuple[Section | None, list[Section], DocumentMeta]:
    """The preamble, sections and metadata of the working view ``view`` (a memo's headings on top)."""
    lines = split_lines(view.text, view.heading_marks)
    preamble, sections = segment(view, [copy(line) for line in lines])  # segment marks the lines it reads
    sections = end_tight_item_runs(lines, end_at_repeated_heads(lines, sections))
    meta = read_meta(view, preamble, sections, lines)
    if meta.kind == "tjansteskrivelse" or meta.kind == "other" and opens_as_memo(sections):
        preamble, sections, subject = lift_memo_headings(view.text, preamble, sections)
        sections = memo_chapters(sections) if meta.kind == "tjansteskrivelse" else sections
        meta = with_subject(meta, view.text, subject) if subject is not None else meta
    elif meta.kind == "other":
        sections = lift_flat_outline(sections)
    return preamble, sections, meta


def _finish(started: _Started) -> Document:
    """Run every record builder in order, then move every offset back to the input text."""
    ctx = started.ctx
    for b in builders():
        setattr(ctx.doc, b.kind, b.build(ctx))
    return _to_input(ctx.doc, started.view, started.src)


def _reference_day(timex: str | None) -> dt.date | None:
    """A day to resolve dates against: "2019-11" → 2019-11-01; a year alone → its 1 July."""
    if not timex or not timex[:4].isdigit():
        return None
    parts = [int(p) for p in timex[:10].split("-") if p.isdigit()]
    try:
        if len(parts) == 1:
            return dt.date(parts[0], 7, 1)
        return dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def _to_input(doc: Document, view: TextView, src: SourceText) -> Document:
    """``doc`` with every offset (and quoted text) moved from the working view to the input.

    ``doc``'s record lists are emptied as their records are moved (it is the builders' working
    copy), so the records are not held twice at once: a long document's peak is its records once.
    """
    mapper = _Mapper(view, src)
    update: dict[str, Any] = {"text": src.text, "meta": mapper.model(doc.meta),
                              "preamble": mapper.model(doc.preamble) if doc.preamble else None}
    for field, value in doc:
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            value.reverse()
            update[field] = [mapper.model(value.pop()) for _ in range(len(value))]
        elif isinstance(value, Located | Section) and field not in update:
            update[field] = mapper.model(value)
    return doc.model_copy(update=update)


#: Field values that hold no record (most of them), passed over at once.
_PLAIN = frozenset({str, int, float, bool, type(None), Decimal, dt.date, dt.datetime})


class _Mapper:
    def __init__(self, view: TextView, src: SourceText) -> None:
        self.view = view
        self.src = src

    def model(self, item: M) -> M:
        update: dict[str, Any] = {}
        for name, value in item.__dict__.items():
            if type(value) in _PLAIN:
                continue
            if isinstance(value, BaseModel):
                update[name] = self.model(value)
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                update[name] = [self.model(v) for v in value]
            elif isinstance(value, dict) and value and isinstance(next(iter(value.values())), BaseModel):
                update[name] = {k: self.model(v) for k, v in value.items()}
        if isinstance(item, Located):
            start, end = self.view.to_input(item.start, item.end)
            update.update(start=start, end=end, text=self.src.text[start:end], page=self.src.page_at(start))
            note = self.src.ocr_note(start, end)
            if note and isinstance(source := update.get("source"), Source):
                explanation = "; ".join(filter(None, (source.explanation, note)))
                update["source"] = source.model_copy(update={"explanation": explanation})
        elif isinstance(item, Section):
            for a, b in (("start", "end"), ("title_start", "title_end"), ("body_start", "body_end")):
                update[a], update[b] = self.view.to_input(getattr(item, a), getattr(item, b))
            if item.title_parts:
                update["title_parts"] = [self.view.to_input(a, b) for a, b in item.title_parts]
            update["page"] = self.src.page_at(update["start"])
        return item.model_copy(update=update) if update else item
