"""Lines of the working text, classified by the section rules in ``resources/sv/sections.json``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from kdextract.resources import Pattern, Rules

LineKind = Literal["blank", "furniture", "contact", "field", "title", "agenda", "paragraph", "sub", "list", "text"]


@dataclass
class Line:
    """One line: its stripped content span in the working text and what it looks like."""

    start: int
    end: int
    text: str
    kind: LineKind = "text"
    number: str | None = None
    title_start: int = 0
    title_end: int = 0
    heading_mark: int | None = None  # markdown heading level, 0 for a bold-only line


class SectionRules(Rules, file="sections.json"):
    """What the lines of a document are: contact footers, form labels, titles, headings, list items."""

    contact_lines: list[Pattern]
    field_label_lines: list[Pattern]
    document_titles: list[Pattern]
    subheadings: list[str]
    agenda_item: Pattern
    paragraph_item: Pattern
    heading_max_chars: int
    heading_max_words: int
    list_item: Pattern


class CompiledSectionRules:
    """The section rules, compiled."""

    def __init__(self, data: SectionRules) -> None:
        def alt(patterns: list[str]) -> regex.Pattern[str]:
            return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)

        self.contact = alt(data.contact_lines)
        self.field = alt(data.field_label_lines)
        self.title = alt(data.document_titles)
        self.subheadings = frozenset(data.subheadings)
        self.agenda = regex.compile(data.agenda_item)
        self.paragraph = regex.compile(data.paragraph_item)
        self.list_item = regex.compile(data.list_item)
        self.max_chars = data.heading_max_chars
        self.max_words = data.heading_max_words


@lru_cache(maxsize=1)
def rules() -> CompiledSectionRules:
    """The Swedish section rules, compiled once."""
    return CompiledSectionRules(SectionRules.load())


_BANNER = regex.compile(r"^[\p{Lu}\d\W]{25,}$")
_SENTENCE_END = regex.compile(r"[.,;]$")


def split_lines(text: str, heading_marks: dict[int, int]) -> list[Line]:
    """Every line of ``text`` with its stripped span and its rule-based kind."""
    r = rules()
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        line = Line(pos + lead, pos + lead + len(content), content)
        line.heading_mark = heading_marks.get(pos)
        _classify(line, r)
        out.append(line)
        pos += len(raw) + 1
    _mark_repeated_banners(out)
    return out


def _classify(line: Line, r: CompiledSectionRules) -> None:
    s = line.text
    line.title_start, line.title_end = line.start, line.end
    if not s:
        line.kind = "blank"
    elif _BANNER.match(s) and " " not in s:
        line.kind = "furniture"
    elif len(s) < 100 and r.contact.search(s):
        line.kind = "contact"
    elif r.field.search(s):
        line.kind = "field"
    elif r.title.search(s):
        line.kind = "title"
    elif (m := r.paragraph.match(s)) is not None:
        line.kind, line.number = "paragraph", m.group("number").strip()
        if m.group("title"):
            line.title_start = line.start + m.start("title")
    elif (m := r.agenda.match(s)) is not None and m.group("title")[:1].isupper() \
            and not is_sentence_like(m.group("title")):
        line.kind, line.number = "agenda", m.group("number")
        line.title_start = line.start + m.start("title")
    elif s.rstrip(":").strip().casefold() in r.subheadings:
        line.kind = "sub"
        line.title_end = line.start + len(s.rstrip(":").rstrip())
    elif r.list_item.match(s) and line.heading_mark is None:
        line.kind = "list"


def _mark_repeated_banners(lines: list[Line]) -> None:
    """Short lines repeated three or more times (running headers) are page furniture."""
    counts = Counter(line.text for line in lines if line.kind in ("text", "title") and len(line.text) < 80)
    for line in lines:
        if line.kind in ("text", "title") and counts[line.text] >= 3:
            line.kind = "furniture"


def looks_like_heading(line: Line) -> bool:
    """Shape test for an unnumbered heading line (context is checked by the segmenter)."""
    r = rules()
    s = line.text
    if line.kind != "text" or "\t" in s:
        return False
    if line.heading_mark is not None:
        return True
    words = s.split()
    if len(s) > r.max_chars or len(words) > r.max_words:
        return False
    if not (s[0].isupper() or s[0].isdigit()) or _SENTENCE_END.search(s) or s.endswith(":"):
        return False
    return any(sum(c.isalpha() for c in w) >= 3 for w in words)


def is_sentence_like(s: str) -> bool:
    """A line that ends like running prose."""
    return bool(_SENTENCE_END.search(s)) or s.endswith(":") or len(s.split()) > 16
