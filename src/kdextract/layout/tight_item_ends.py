"""The last item of a table of items: a notice lists its items one to a line ("1. Val av justerare" over "2. …",
each with its case number and presenter in columns), and the prose under the table after a blank line ("Anmälan om
förhinder görs till sekreteraren …") is the notice's own text, no body of the last item."""

from __future__ import annotations

from kdextract.layout.lines import Line, is_sentence_like
from kdextract.models import Section

#: Fewest items, one to a line with no blank between, that make a table of items.
_MIN_ROWS = 3


def end_tight_item_runs(lines: list[Line], sections: list[Section]) -> list[Section]:
    """``sections`` with the last item of each table of items (``_MIN_ROWS`` or more numbered items on consecutive
    lines) ended at its own line, where a blank line and a line of prose follow it before any other section (and no
    section of its own begins under it)."""
    at = {line.start: i for i, line in enumerate(lines) if line.kind == "agenda"}
    out = []
    for k, s in enumerate(sections):
        i = at.get(s.start)
        cut = lines[i + 1].start if i is not None and i + 1 < len(lines) else s.end
        if i is None or cut >= s.end or i < _MIN_ROWS - 1 or lines[i + 1].kind != "blank" \
                or any(lines[j].kind != "agenda" for j in range(i - _MIN_ROWS + 1, i)) \
                or k + 1 < len(sections) and sections[k + 1].start < s.end or not _prose_after(lines, i + 1, s.end):
            out.append(s)
            continue
        out.append(s.model_copy(update={"end": cut, "body_start": min(s.body_start, cut),
                                        "body_end": min(s.body_end, cut)}))
    return out


def _prose_after(lines: list[Line], i: int, end: int) -> bool:
    """The first line after the blank ``lines[i]`` (and any blank after it), before ``end``, is prose."""
    while i < len(lines) and lines[i].kind == "blank":
        i += 1
    return i < len(lines) and lines[i].start < end and is_sentence_like(lines[i].text)
