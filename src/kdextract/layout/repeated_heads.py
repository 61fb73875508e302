"""A document's head repeated inside it: a file of extracts from several meetings opens each extract with a head of
its own ("Protokoll" / "Kommunstyrelsen" / "Sammanträdesdatum 2025-03-18" over "§ 45 …"), which is no part of the
§ before it: that § ends where the repeated head begins."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from kdextract.layout.lines import Line, is_sentence_like
from kdextract.models import Section
from kdextract.pattern_cache import compile_re

#: Most lines (blank ones too) of a repeated head between its title line and the numbered item under it.
_HEAD_LINES = 12
#: A label alone on its line over its value ("Sammanträdesdatum:"), no prose.
_LABEL = compile_re(r"\w+(?:[ \t]\w+){0,2}[ \t]*:")
#: The kinds of line that open an item under a head (a § or a numbered agenda item).
_ITEM_KINDS = ("paragraph", "agenda")


def end_at_repeated_heads(lines: list[Line], sections: list[Section]) -> list[Section]:
    """``sections`` with each section that runs over a repeated head ended where the head begins: a line that
    repeats the document's title line ("Protokoll"), after a blank line, over short lines of no prose up to the next
    numbered item (a running page header over a § that goes on is none), and no section begins inside the head."""
    first = next((i for i, line in enumerate(lines) if line.kind != "blank"), None)
    if first is None or lines[first].kind != "title" or not sections:
        return sections
    title = lines[first].text.casefold()
    starts = [s.start for s in sections]  # (in reading order)
    cuts = []
    for i, line in enumerate(lines):
        if i <= first or line.kind != "title" or lines[i - 1].kind != "blank" or line.text.casefold() != title:
            continue
        k = bisect_left(starts, line.start)
        if k < len(starts) and starts[k] == _item_under(lines, i):  # (no section begins inside the head)
            cuts.append(line.start)
    if not cuts:
        return sections
    out = []
    for s in sections:
        k = bisect_right(cuts, s.start)
        cut = cuts[k] if k < len(cuts) else s.end
        out.append(s.model_copy(update={"end": cut, "body_start": min(s.body_start, cut),
                                        "body_end": min(s.body_end, cut)}) if cut < s.end else s)
    return out


def _item_under(lines: list[Line], i: int) -> int | None:
    """Where the numbered item under the title line ``lines[i]`` begins, with only short lines of no prose between;
    None where none stands there."""
    for line in lines[i + 1:i + 1 + _HEAD_LINES]:
        if line.kind in _ITEM_KINDS:
            return line.start
        if line.kind != "blank" and is_sentence_like(line.text) and not _LABEL.fullmatch(line.text):
            return None
    return None
