"""The headings of a memo (tjänsteskrivelse) as its top-level sections.

A memo names its matter in a subject line (ärendemening, "Taxa för tillsyn … 2026") over headings such as
"Förslag till beslut", "Sammanfattning" and "Ärendet". The layout rules read the subject line as a topic
with the headings under it (or, where there is no subject line, the first heading as the topic of the
rest); in a memo the subject line is the document's title, and the headings organise the body side by
side. The caller knows the document's kind (the layout does not).
"""

from __future__ import annotations

from kdextract.layout.rules import rules
from kdextract.layout.sections import preamble_before
from kdextract.models import Section, Source
from kdextract.text.ocr_letters import digits_read_as_letters


def lift_memo_headings(text: str, preamble: Section | None,
                       sections: list[Section]) -> tuple[Section | None, list[Section], Section | None]:
    """The preamble, the sections and the subject line (or None) of the memo ``text``.

    Where the first section is a topic over subheadings, one of them or the topic itself a known memo
    heading, the subheadings become top-level topics; a topic that is no known heading is the subject
    line, and joins the preamble. Ids and parents are renumbered. Any other memo comes back as is.
    """
    top = _top(sections)
    if top is None:
        return preamble, sections, None
    subject = None if _fold(top.title) in rules().subheadings else top
    kept = sections[1:] if subject is not None else sections
    ids = {s.id: f"sec-{k}" for k, s in enumerate(kept, start=1)}
    lifted, below = [], set()  # below: the ids of the former subheadings and their parts ("2.2.1" under "2.2")
    for s in kept:
        if s is top:  # a heading of its own now, up to its first former subheading
            cut = sections[1].start
            lifted.append(s.model_copy(update={"id": ids[s.id], "end": cut, "body_end": cut,
                                               "body_start": min(s.body_start, cut)}))
            continue
        if s.parent != top.id:
            deeper = s.parent in below  # a part of a former subheading goes one level up with it
            below |= {s.id} if deeper else set()
            lifted.append(s.model_copy(update={"id": ids[s.id], "parent": s.parent and ids[s.parent],
                                               "level": s.level - deeper}))
            continue
        below.add(s.id)
        lifted.append(s.model_copy(update={
            "id": ids[s.id], "level": 1, "parent": None, "category": "topic",
            "source": Source(method="rule", name="sections/memo_heading", explanation=s.source.explanation),
        }))
    if subject is None:
        return preamble, lifted, None
    return preamble_before(text, lifted[0].start), lifted, subject


def memo_chapters(sections: list[Section]) -> list[Section]:
    """A memo's (tjänsteskrivelse's) numbered chapters ("1 Sammanfattning", "2 Ärendet"): topics, no agenda items."""
    return [s.model_copy(update={"category": "topic"}) if s.category == "agenda_item" else s for s in sections]


def opens_as_memo(sections: list[Section]) -> bool:
    """The body under the first heading opens as a memo's does ("Sammanfattning", "Förslag till beslut":
    ``memo_openings``): a document of another kind set out as a memo (a reply to a referral, a remissvar); a decision
    letter's subject line ("Beslut om …", ``letter_subjects``) over "Beslut" (``letter_openings``) too."""
    if len(sections) < 2 or sections[1].parent != sections[0].id:
        return False
    first, opening, r = _fold(sections[0].title), _fold(sections[1].title), rules()
    # a decision letter: "Beslut om föreläggande …" over "Beslut"
    return opening in r.memo_openings or opening in r.letter_openings and first.startswith(r.letter_subjects)


def lift_flat_outline(sections: list[Section]) -> list[Section]:
    """A policy's or a plan's plain headings side by side ("Syfte", "Gåvor", then "Uppföljning"): where two or more
    top-level topics with no heading under them come before a topic whose only children are known subheadings, those
    children are its siblings, not its parts."""
    children_of: dict[str | None, list[Section]] = {}  # (gathered once: not the whole list for each section)
    for s in sections:
        children_of.setdefault(s.parent, []).append(s)
    for k, parent in enumerate(sections):
        children = children_of.get(parent.id, [])
        if not children:
            continue
        before = [s for s in sections[:k] if s.level == 1]
        if parent.level != 1 or len(before) < 2 or any(s.level != 1 or s.category != "topic" for s in sections[:k]) \
                or any(c.category != "subheading" or _fold(c.title) not in rules().subheadings for c in children):
            return sections
        cut = children[0].start
        out = sections[:k] + [parent.model_copy(update={"end": cut, "body_end": min(parent.body_end, cut)})]
        for s in sections[k + 1:]:
            lift = s.parent == parent.id
            out.append(s.model_copy(update={"level": 1, "parent": None, "category": "topic"}) if lift else s)
        return out
    return sections


def _top(sections: list[Section]) -> Section | None:
    """The first section where it is a topic with subheadings right under it, one of them or itself a
    known memo heading."""
    if len(sections) < 2:
        return None
    first, known = sections[0], rules().subheadings
    children = [s for s in sections[1:] if s.parent == first.id]
    if first.level != 1 or first.category != "topic" or not children or sections[1] is not children[0]:
        return None
    return first if any(_fold(s.title) in known for s in [first, *children]) else None


def _fold(title: str) -> str:
    return " ".join(digits_read_as_letters(title.rstrip(":")).casefold().split())  # OCR's "Förslag ti11 beslut"
