"""Year-less dates under a plan's heading take the plan's year.

A document's title that opens a year's calendar ("Sammanträdesplan 2027") sets the year of all its
year-less dates (``records.date_reference``). The same heading may lead one part of a document
dated in another year: a section's title, a line of its own or the first cell of a table's head
("Tidplan för 2027", "Planering inför 2027", "Mötesdagar 2027   Tid   Plats"). The year-less days,
months and weeks under it ("i juli", "14 juli", "tisdag 9 mars") are then that year's, not the year
nearest the document's date. Its part runs to the end of the section it heads (a line in a
section's body: to the next heading or the section's end); running text elsewhere keeps the window
rule. A note on an agenda item whose title is such a plan ("7  Sammanträdesplan 2027" over "Till ärende 7:
Nämnden föreslås sammanträda … utom i juli") lies under it too, to the note's paragraph end.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

import regex

from kdextract.models import DateMention, Section
from kdextract.parsers.dates import DateReader, is_document_date
from kdextract.pattern_cache import compile_re
from kdextract.records.date_reference import DateRecordRules, calendar_line
from kdextract.text.fold import fold

#: The end of a paragraph: a blank line or the text's end.
_PARAGRAPH_END = compile_re(r"\n[ \t]*\n|\Z")


@lru_cache(maxsize=1)
def _item_note() -> regex.Pattern[str]:
    """A (folded) line that opens a note on an agenda item by its number ("Till ärende 7:")."""
    words = sorted({fold(w) for w in DateRecordRules.load().item_note_words.words}, key=lambda w: (-len(w), w))
    return compile_re(r"^[ \t]*(?:till[ \t]+)?(?:" + "|".join(map(regex.escape, words))
                      + r")[ \t]+(?P<n>\d+)[ \t]*:", regex.M | regex.I | regex.V1)


#: The grains of a year-less date that a plan's year may take (a year or a relative word keeps its own reading).
_GRAINS = frozenset({"day", "datetime", "week", "month", "season"})


def plan_parts(text: str, sections: Sequence[Section]) -> list[tuple[int, int, int]]:
    """(start, end, year) of each part of ``text`` headed by a plan's year."""
    parts: list[tuple[int, int, int]] = []
    for m in calendar_line(head_cell=True).finditer(fold(text)):
        at = m.start() + len(m[0]) - len(m[0].lstrip("#* \t\n"))
        inner = [s for s in sections if s.start <= at < s.end]
        own = max(inner, key=lambda s: s.start) if inner else None
        if own is not None and own.title_start <= at < own.title_end:
            end = own.end
        else:
            end = min([s.start for s in sections if s.start > at] + [own.end if own else len(text)])
        parts.append((at, end, int(m["y"])))
    plans = {s.number: int(t["y"]) for s in sections if s.number and s.number.isdigit()
             and (t := calendar_line().match(fold(s.title))) is not None}
    for m in _item_note().finditer(fold(text)) if plans else ():
        if m["n"] in plans:
            stop = _PARAGRAPH_END.search(text, m.end())
            parts.append((m.start(), stop.start() if stop else len(text), plans[m["n"]]))
    return parts


def in_plan_years(reader: DateReader, dates: list[DateMention], sections: Sequence[Section]) -> list[DateMention]:
    """``dates`` (read by ``reader``) with each year-less date under a plan's heading read in the plan's year."""
    parts = plan_parts(reader.text, sections) if dates else []
    if not parts:
        return dates
    moved: dict[tuple[int, int], DateMention] = {}
    for year in sorted({year for _, _, year in parts}):  # the text read once per plan year, not once per part
        spans = sorted((start, end) for start, end, y in parts if y == year)
        starts = [start for start, _ in spans]
        reach = list(accumulate((end for _, end in spans), max))  # the farthest end of the parts opened so far
        for m in filter(is_document_date, reader.find(str(year))):
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.start < reach[k]:  # inside a part that opens at or before it
                moved[m.start, m.end] = m.model_copy(update={"source": m.source.model_copy(update={
                    "explanation": f"{m.source.explanation}, of {year}: the year of the plan it is listed under"})})
    out: list[DateMention] = []
    for m in dates:
        new = moved.get((m.start, m.end))
        if (new is not None and m.relative and m.granularity in _GRAINS and new.granularity == m.granularity
                and new.value != m.value and len(m.value) > 4 and new.value[4:] == m.value[4:]):
            m = new
        out.append(m)
    return out
