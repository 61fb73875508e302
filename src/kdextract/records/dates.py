"""Date mentions of the document: the date parser's finds, resolved against the document's date."""

from __future__ import annotations

from kdextract.models import DateMention
from kdextract.parsers.dates import find_dates, is_document_date
from kdextract.records.context import Context
from kdextract.records.registry import builder


@builder("dates")
def build_dates(ctx: Context) -> list[DateMention]:
    """Every date mention (ids "date-1", … in text order) that places something on the calendar."""
    found = filter(is_document_date, find_dates(ctx.text, reference=ctx.reference))
    return [m.model_copy(update={"id": f"date-{i}", "section": ctx.section_at(m.start)})
            for i, m in enumerate(found, start=1)]
