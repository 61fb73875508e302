"""Hand-built contexts for the record builders' tests: sections from heading lines, sentences split simply."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from kdextract.models import DocumentMeta, Section, Source
from kdextract.records.context import Context
from kdextract.text.view import TextView

SRC = Source(method="rule", name="test")
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})|\n\s*\n")


def make_ctx(text: str, headings: Sequence[tuple[str, int]] = (), meta: DocumentMeta | None = None,
             emphasis: Sequence[str] = (), **found: list) -> Context:
    """A context over ``text`` with records ``found`` so far.

    ``headings`` are (title line, level) in order (level 2: a subheading of the level-1 heading before it);
    ``emphasis`` are phrases of ``text`` marked as emphasised (*…*).
    """
    spots = []
    pos = 0
    for title, level in headings:
        at = text.index(title + "\n", pos)
        spots.append((at, title, level))
        pos = at + len(title)
    sections: list[Section] = []
    parent = None
    for i, (at, title, level) in enumerate(spots):
        end = next((spots[j][0] for j in range(i + 1, len(spots)) if spots[j][2] <= level), len(text))
        sid = f"sec-{i + 1}"
        sections.append(Section(
            id=sid, title=title.strip(" *:"), category="topic" if level == 1 else "subheading", level=level,
            parent=None if level == 1 else parent, start=at, end=end, title_start=at, title_end=at + len(title),
            body_start=min(at + len(title) + 1, end), body_end=end, source=SRC))
        if level == 1:
            parent = sid
    sentences = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        sentences.append((start, m.start()))
        start = m.end()
    sentences.append((start, len(text)))
    view = TextView.identity(text).with_marks(emphasis=[(text.index(p), text.index(p) + len(p)) for p in emphasis])
    return Context.of(view, sections, sentences, meta, **found)
