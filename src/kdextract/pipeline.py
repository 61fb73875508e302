"""The pipeline: working view → sections and metadata → finders → NER → records → input offsets."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from pydantic import BaseModel

from kdextract.layout.sections import segment
from kdextract.models import Document, Evidence, Located, Section, Source
from kdextract.nlp.engine import get_engine
from kdextract.parsers.amounts import find_amounts
from kdextract.parsers.dates import find_dates, is_document_date
from kdextract.readers import SourceText
from kdextract.records.amounts import describe_amounts
from kdextract.records.context import Context
from kdextract.records.deadlines import build_deadlines
from kdextract.records.decisions import build_decisions
from kdextract.records.meta import read_meta
from kdextract.records.organisations import build_organisations
from kdextract.records.people import build_people
from kdextract.records.projects import build_projects
from kdextract.text.normalize import normalize
from kdextract.text.ocr import repair
from kdextract.text.sentences import sentence_spans
from kdextract.text.view import TextView

M = TypeVar("M", bound=BaseModel)


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
    doc_id = doc_id if doc_id is not None else src.name
    if not src.text.strip():
        return Document(id=doc_id, text=src.text)
    view = repair(normalize(src.text), force=ocr_repair)
    preamble, sections = segment(view)
    meta = read_meta(view, preamble, sections)
    reference = document_date or meta.day or _reference_day(meta.date)
    ctx = Context(view, sections, sentence_spans(view.text), meta, reference)
    ctx.dates = [
        m.model_copy(update={"id": f"date-{i}", "section": ctx.section_at(m.start)})
        for i, m in enumerate(filter(is_document_date, find_dates(view.text, reference=reference)), start=1)
    ]
    amounts = [a.model_copy(update={"id": f"amt-{i}"}) for i, a in enumerate(find_amounts(view.text), start=1)]
    ctx.amounts = describe_amounts(view.text, amounts, sections, ctx.sentences)
    ctx.deadlines = build_deadlines(view.text, ctx.dates, sections, ctx.sentences, reference=reference)
    if ner:
        ctx.ner = get_engine(engine, model_path=model_path)(view.text)
    ctx.organisations = build_organisations(ctx)
    if meta.organisation is None:
        _issuer_from_mentions(ctx)
    ctx.people = build_people(ctx)
    ctx.projects = build_projects(ctx)
    decisions = build_decisions(ctx)
    working = Document(
        id=doc_id, text=view.text, meta=meta, preamble=preamble, sections=sections, people=ctx.people,
        organisations=ctx.organisations, projects=ctx.projects, dates=ctx.dates, deadlines=ctx.deadlines,
        amounts=ctx.amounts, decisions=decisions, edits=list(view.edits),
    )
    return _to_input(working, view, src)


def _issuer_from_mentions(ctx: Context) -> None:
    """Without a letterhead, the issuer is the municipality or region the text names most."""
    local = [o for o in ctx.organisations if o.kind in ("municipality", "region")]
    if not local:
        return
    best = max(local, key=lambda o: (len(o.mentions), -o.start))
    ctx.meta.organisation = best.name
    ctx.meta.evidence["organisation"] = Evidence(
        text=best.text, start=best.start, end=best.end,
        source=Source(method="inferred", name="meta/org_most_mentioned",
                      explanation=f"the municipality or region named most often ({len(best.mentions)} times)"))


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
    """``doc`` with every offset (and quoted text) moved from the working view to the input."""
    mapper = _Mapper(view, src)
    update: dict[str, Any] = {"text": src.text, "meta": mapper.model(doc.meta),
                              "preamble": mapper.model(doc.preamble) if doc.preamble else None}
    for field in ("sections", "people", "organisations", "projects", "dates", "deadlines", "amounts", "decisions"):
        update[field] = [mapper.model(item) for item in getattr(doc, field)]
    return doc.model_copy(update=update)


class _Mapper:
    def __init__(self, view: TextView, src: SourceText) -> None:
        self.view = view
        self.src = src

    def model(self, item: M) -> M:
        update: dict[str, Any] = {}
        for name, value in item:
            if isinstance(value, BaseModel):
                update[name] = self.model(value)
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                update[name] = [self.model(v) for v in value]
            elif isinstance(value, dict) and value and isinstance(next(iter(value.values())), BaseModel):
                update[name] = {k: self.model(v) for k, v in value.items()}
        if isinstance(item, Located):
            start, end = self.view.to_input(item.start, item.end)
            update.update(start=start, end=end, text=self.src.text[start:end], page=self.src.page_at(start))
        elif isinstance(item, Section):
            for a, b in (("start", "end"), ("title_start", "title_end"), ("body_start", "body_end")):
                update[a], update[b] = self.view.to_input(getattr(item, a), getattr(item, b))
            update["page"] = self.src.page_at(update["start"])
        return item.model_copy(update=update) if update else item
