"""Numbered lists inside a memo's headings: an enumeration that a sentence announces ("Tillsynen omfattar tre
områden:" over "1. Livsmedel", "2. Hälsoskydd") under a topic heading, and the list of enclosures right under
"Bilagor". Their numbers count a list's points, not the document's items: the memo's headings stay its outline.
"""

from __future__ import annotations

from kdextract.layout.heading_context import has_body, standalone
from kdextract.layout.lines import Line, looks_like_heading
from kdextract.layout.numbered_items import item_value
from kdextract.layout.rules import rules
from kdextract.layout.title_lines import folded_title

#: Fewest words of a sentence that announces a list with its colon ("Planen omfattar tre delar:").
_ANNOUNCING_WORDS = 3


def listed_items(lines: list[Line], body_from: int) -> set[int]:
    """Indexes of the numbered lines that are points of such a list: a run of lines set tight (no blank between),
    numbered 1, 2, 3 …, under an announcing sentence that follows a topic heading, or right under an enclosure
    label."""
    out: set[int] = set()
    i, topic_seen = body_from, False
    while i < len(lines):
        line = lines[i]
        if not _point(line, 1):
            topic_seen = topic_seen or topic_heading(lines, i)
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _point(lines[j], j - i + 1):
            j += 1
        before = lines[i - 1] if i > body_from else None
        if before is not None and (_announces(before) and topic_seen or _enclosure_label(before)):
            out.update(range(i, j))
        i = j
    return out


def _point(line: Line, n: int) -> bool:
    return line.kind == "agenda" and line.depth == 1 and item_value(line.number) == n


def topic_heading(lines: list[Line], i: int) -> bool:
    """Line ``i`` heads a topic: a heading's shape, alone after a blank, a body under it."""
    return looks_like_heading(lines[i]) and standalone(lines, i, before_only=True) and has_body(lines, i)


def _announces(line: Line) -> bool:
    words = line.text.split()
    return line.kind == "text" and line.text.endswith(":") and len(words) >= _ANNOUNCING_WORDS \
        and any(w[:1].islower() for w in words[1:])


def enclosure_heading(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a bare enclosure label ("Bilagor") after a blank, over the lines of its list."""
    return (_enclosure_label(lines[i]) and standalone(lines, i, before_only=True)
            and i + 1 < len(lines) and lines[i + 1].kind in ("text", "list"))


def _enclosure_label(line: Line) -> bool:
    return folded_title(line) in rules().enclosure_headings
