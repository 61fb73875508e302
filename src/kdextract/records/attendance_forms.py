"""The people of a protocol form's fields: each field's value read by ``records.attendance``, and labels side by side
on a line of their own over the names in their columns ("Justerare      Sekreterare" over "Eva Ek      Ola Berg")."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kdextract.layout.form import Field, form_fields
from kdextract.records.attendance import Entry, entries_in


#: Form fields whose values may hold people (a form read out of its columns puts names under any label).
NAME_FIELDS = frozenset({"attendance", "adjusters", "signature", "signatures", "author", "adjustment", "place_time",
                         "paragraphs", "time", "place", "date", "taken_down", "posted"})


@lru_cache(maxsize=4)
def form_entries(text: str) -> tuple[tuple[Field, tuple[Entry, ...]], ...]:
    """Every field of the protocol forms in ``text`` with the people its value lists (cached per text; read only)."""
    out = []
    for f in form_fields(text):
        entries = entries_in(text, f.value_start, f.value_end, f.label.category or "other") \
            if f.label.field in NAME_FIELDS else []
        out.append((f, tuple(entries)))
    return _side_by_side(text, out)


#: How far (characters) a name may start left of the column of the label it stands under.
_COLUMN_SLACK = 2


def _side_by_side(text: str, fields: list[tuple[Field, tuple[Entry, ...]]]) -> tuple[tuple[Field, tuple[Entry, ...]], ...]:
    """Labels side by side on a line of their own ("Justerare      Sekreterare") over the names in their columns:
    each name goes to the label whose column it stands in (the last label's value held them all)."""
    out = list(fields)
    i = 0
    while i < len(out):
        line = text.rfind("\n", 0, out[i][0].label_start) + 1
        j = i
        while j + 1 < len(out) and text.rfind("\n", 0, out[j + 1][0].label_start) + 1 == line \
                and not text[out[j][0].value_start:out[j][0].value_end].strip():
            j += 1
        last = out[j][0]
        if j > i and "\n" in text[last.value_start:last.value_end] \
                and not text[last.value_start:text.index("\n", last.value_start)].strip():
            columns = [f.label_start - line for f, _ in out[i:j + 1]]
            moved: list[list[Entry]] = [[] for _ in columns]
            read_as = last.label.category or "other"  # the category the last label gave them all
            for e in out[j][1]:
                col = e.start - text.rfind("\n", 0, e.start) - 1
                k = max((n for n, c in enumerate(columns) if c <= col + _COLUMN_SLACK), default=0)
                own = e.category != read_as  # what the entry's own words say ("tjänstgör för …") stays
                moved[k].append(e if own else replace(e, category=out[i + k][0].label.category or "other"))
            out[i:j + 1] = [(f, tuple(m)) for (f, _), m in zip(out[i:j + 1], moved)]
        i = j + 1
    return tuple(out)
