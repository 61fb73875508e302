"""The first date written to the day in the protocol form's fields of some kinds (meeting, adjustment, notice)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from kdextract.layout.form import Field
from kdextract.models import DateMention
from kdextract.parsers.dates import find_dates

__all__ = ["first_form_date", "written_to_the_day"]


def written_to_the_day(mention: DateMention) -> bool:
    """A date with its day and a written year, not read relative to another (a clock time alone does not count)."""
    return mention.day is not None and mention.value[:4].isdigit() and not mention.relative


def first_form_date(text: str, fields: Iterable[Field], kinds: Collection[str]) -> tuple[DateMention, Field] | None:
    """The first date written to the day in a field of ``kinds``, with offsets into ``text``, and its field.

    A field that follows stacked empty labels holds their values too (a form read out of its columns).
    """
    stacked: set[str] = set()
    for f in fields:
        if f.value_start == f.value_end:
            stacked.add(f.label.field)
            continue
        own, stacked = {f.label.field} | stacked, set()
        if own.isdisjoint(kinds):
            continue
        for m in find_dates(text[f.value_start:f.value_end]):
            if written_to_the_day(m):
                return m.model_copy(update={"start": m.start + f.value_start, "end": m.end + f.value_start}), f
    return None
