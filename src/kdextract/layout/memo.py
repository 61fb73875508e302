"""The headings of a memo (tjänsteskrivelse) as its top-level sections.

A memo names its matter in a subject line (ärendemening, "Taxa för tillsyn … 2026") over headings such as
"Förslag till beslut", "Sammanfattning" and "Ärendet". The layout rules read the subject line as a topic
with the headings under it; in a memo the subject line is the document's title, and the headings
organise the body. The caller knows the document's kind (the layout does not).
"""

from __future__ import annotations

from kdextract.layout.rules import rules
from kdextract.layout.sections import preamble_before
from kdextract.models import Section, Source


def lift_memo_headings(text: str, preamble: Section | None,
                       sections: list[Section]) -> tuple[Section | None, list[Section], Section | None]:
    """The preamble, the sections and the subject line of a memo whose first section is its subject line
    (a topic over subheadings, one of them a known memo heading): the subject line joins the preamble, its
    subheadings become top-level topics and every id and parent is renumbered. Any other memo comes back as is."""
    subject = _subject(sections)
    if subject is None:
        return preamble, sections, None
    ids = {s.id: f"sec-{k}" for k, s in enumerate(sections[1:], start=1)}
    lifted = []
    for s in sections[1:]:
        if s.parent != subject.id:
            lifted.append(s.model_copy(update={"id": ids[s.id], "parent": s.parent and ids[s.parent]}))
            continue
        lifted.append(s.model_copy(update={
            "id": ids[s.id], "level": 1, "parent": None, "category": "topic",
            "source": Source(method="rule", name="sections/memo_heading", explanation=s.source.explanation),
        }))
    return preamble_before(text, lifted[0].start), lifted, subject


def _subject(sections: list[Section]) -> Section | None:
    """The first section where it is a topic line with level-2 sections right under it, one of them a
    known memo heading, and is no such heading itself."""
    if len(sections) < 2:
        return None
    first, known = sections[0], rules().subheadings
    if first.level != 1 or first.category != "topic" or _fold(first.title) in known:
        return None
    children = [s for s in sections[1:] if s.parent == first.id]
    if not children or sections[1] is not children[0]:
        return None
    return first if any(_fold(s.title) in known for s in children) else None


def _fold(title: str) -> str:
    return " ".join(title.rstrip(":").casefold().split())
