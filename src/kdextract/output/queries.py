"""Questions to ask a parsed ``Document``: records by id, by section, by project or body, by time.

Plain functions over a ``Document`` (the model itself stays a data record):

>>> doc = _example_document()
>>> [d.id for d in decisions_in(doc, "sec-1")]
['dec-1']
>>> get(doc, "amt-1").value
Decimal('2000000')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from kdextract.errors import ArgumentError
from kdextract.models import (
    RECORD_KINDS,
    Amount,
    Deadline,
    Decision,
    Document,
    Organisation,
    Person,
    Project,
    Section,
    Source,
)
from kdextract.parsers.timex import bounds
from kdextract.text.fold import fold_key

__all__ = [
    "amounts_for", "deadlines_between", "deadlines_for", "decisions_by", "decisions_in", "get",
    "organisations_of", "records_in", "section",
]

_LOCATED = tuple(k for k in RECORD_KINDS if k != "sections")


def _fold(s: object) -> str:
    return fold_key(str(s or "")).strip(" .,:;\"'")


def _strip_genitive(s: str) -> str:
    return s[:-1] if s.endswith("s") and not s.endswith("ss") else s


def _records(doc: Document) -> Iterator[Any]:
    for name in RECORD_KINDS:
        yield from getattr(doc, name)


def get(doc: Document, record_id: str) -> Any | None:
    """The record (section, person, organisation, project, date, deadline, amount or decision) with this id.

    >>> doc = _example_document()
    >>> get(doc, "dec-1").kind
    'decision'
    >>> get(doc, "sec-1").title
    'Budget'
    >>> get(doc, "nope") is None
    True
    """
    return next((r for r in _records(doc) if r.id == record_id), None)


def section(doc: Document, key: str) -> Section | None:
    """The section with this id, else the first whose title matches (case and accents folded).

    >>> doc = _example_document()
    >>> section(doc, "sec-2").title
    'Beslut'
    >>> section(doc, "budget").id
    'sec-1'
    """
    by_id = next((s for s in doc.sections if s.id == key), None)
    if by_id is not None:
        return by_id
    folded = _fold(key)
    return next((s for s in doc.sections if _fold(s.title) == folded), None)


def records_in(doc: Document, where: Section | str, kinds: tuple[str, ...] = _LOCATED) -> list[Any]:
    """Records of the given kinds (list names) that lie inside a section (sub-sections included), in text order.

    >>> doc = _example_document()
    >>> [r.id for r in records_in(doc, "sec-1")]
    ['dec-1', 'amt-1', 'dl-1', 'proj-1', 'org-1']
    >>> [r.id for r in records_in(doc, "sec-2")]
    ['proj-1', 'org-1']
    >>> [r.id for r in records_in(doc, "sec-1", kinds=("amounts",))]
    ['amt-1']
    """
    sec = section(doc, where) if isinstance(where, str) else where
    if sec is None:
        return []
    a, b = sec.start, sec.end
    inside = {s.id for s in doc.sections if a <= s.start and s.end <= b} | {sec.id}
    found = [(record.start, RECORD_KINDS.index(name), record) for name in kinds for record in getattr(doc, name)
             if a <= record.start < b or getattr(record, "section", None) in inside]
    return [record for _, _, record in sorted(found, key=lambda t: (t[0], t[1]))]


def decisions_in(doc: Document, where: Section | str) -> list[Decision]:
    """Decisions made under a section (its "Beslut" subheadings included).

    >>> doc = _example_document()
    >>> [d.text for d in decisions_in(doc, "Budget")]
    ['Nämnden beslutade att anslå 2 mnkr före den 1 juni.']
    >>> decisions_in(doc, "sec-9")
    []
    """
    return records_in(doc, where, ("decisions",))


def _linked(doc: Document, record: Any, field: str) -> list[Any]:
    rec = get(doc, record) if isinstance(record, str) else record
    found = (get(doc, i) for i in getattr(rec, field, None) or [])
    return [r for r in found if r is not None]


def amounts_for(doc: Document, record: Project | Decision | str) -> list[Amount]:
    """The amounts a project or decision refers to (by record or id).

    >>> doc = _example_document()
    >>> [a.text for a in amounts_for(doc, "dec-1")]
    ['2 mnkr']
    >>> amounts_for(doc, "proj-1")
    []
    """
    return _linked(doc, record, "amounts")


def deadlines_for(doc: Document, record: Decision | str) -> list[Deadline]:
    """The deadlines a decision refers to (by record or id).

    >>> doc = _example_document()
    >>> [d.value for d in deadlines_for(doc, "dec-1")]
    ['2024-06-01']
    """
    return _linked(doc, record, "deadlines")


def organisations_of(doc: Document, project: Project | str) -> list[Organisation]:
    """The organisations taking part in a project.

    >>> doc = _example_document()
    >>> [o.name for o in organisations_of(doc, "proj-1")]
    ['Socialnämnden']
    """
    return _linked(doc, project, "organisations")


def decisions_by(doc: Document, who: Organisation | Person | str) -> list[Decision]:
    """Decisions taken by an organisation or person: a record, an id, or a name (folded, genitive-tolerant).

    >>> doc = _example_document()
    >>> [d.id for d in decisions_by(doc, "org-1")]
    ['dec-1']
    >>> [d.id for d in decisions_by(doc, "socialnämnden")]
    ['dec-1']
    >>> [d.id for d in decisions_by(doc, "nämnden")]
    ['dec-1']
    >>> decisions_by(doc, "Kommunfullmäktige")
    []
    """
    rec = get(doc, who) if isinstance(who, str) else who
    if isinstance(rec, (Organisation, Person)):
        ids = {rec.id}
    else:
        key = _strip_genitive(_fold(who))
        bodies: list[Organisation | Person] = [*doc.organisations, *doc.people]
        ids = {body.id for body in bodies
               if key in {_strip_genitive(_fold(n)) for n in [body.name, *getattr(body, "aliases", []),
                                                             *(m.text for m in body.mentions)]}}
    return [d for d in doc.decisions if d.decided_by is not None and d.decided_by in ids]


def deadlines_between(doc: Document, start: dt.date | str, end: dt.date | str) -> list[Deadline]:
    """Deadlines whose time overlaps ``[start, end]`` (dates or TIMEX values such as "2024-06").

    >>> doc = _example_document()
    >>> [d.id for d in deadlines_between(doc, "2024-05-01", "2024-06-30")]
    ['dl-1']
    >>> [d.id for d in deadlines_between(doc, "2024-06", "2024-06")]
    ['dl-1']
    >>> deadlines_between(doc, dt.date(2024, 7, 1), dt.date(2024, 12, 31))
    []
    """
    first, last = (bounds(start) if isinstance(start, str) else (start, start)), \
        (bounds(end) if isinstance(end, str) else (end, end))
    if first is None or last is None:
        raise ArgumentError(f"cannot read the period {start!r} - {end!r}")
    lo, hi = first[0], last[1]
    spans = [(span, d) for d in doc.deadlines if (span := bounds(d.value)) is not None]
    return [d for span, d in sorted(spans, key=lambda t: t[0][0]) if span[0] <= hi and lo <= span[1]]


def _example_document() -> Document:
    """A small hand-built document for the doctests above."""
    src = Source(method="rule", name="example")
    text = ("Budget\n\nNämnden beslutade att anslå 2 mnkr före den 1 juni.\n\n"
            "Beslut\n\nProjektet Trygg start drivs av Socialnämnden.\n")
    s1 = Section(id="sec-1", title="Budget", category="topic", level=1, start=0, end=len(text), title_start=0,
                 title_end=6, body_start=8, body_end=len(text), source=src)
    b = text.index("Beslut\n")
    s2 = Section(id="sec-2", title="Beslut", category="subheading", level=2, parent="sec-1", start=b, end=len(text),
                 title_start=b, title_end=b + 6, body_start=b + 8, body_end=len(text), source=src)
    d0 = text.index("Nämnden")
    d1 = text.index("juni.") + 5
    a0 = text.index("2 mnkr")
    dl0 = text.index("den 1 juni")
    org0 = text.index("Socialnämnden")
    p0 = text.index("Trygg start")
    return Document(
        text=text, sections=[s1, s2],
        organisations=[Organisation(id="org-1", name="Socialnämnden", aliases=["Nämnden"], kind="committee",
                                    text="Socialnämnden", start=org0, end=org0 + 13, source=src)],
        amounts=[Amount(id="amt-1", text="2 mnkr", start=a0, end=a0 + 6, value=2000000, section="sec-1",
                        source=src)],
        deadlines=[Deadline(id="dl-1", text="före den 1 juni", start=dl0, end=dl0 + 10, value="2024-06-01",
                            what="anslå", kind="due", source=src)],
        projects=[Project(id="proj-1", name="Trygg start", text="Trygg start", start=p0, end=p0 + 11,
                          organisations=["org-1"], source=src)],
        decisions=[Decision(id="dec-1", text=text[d0:d1], start=d0, end=d1, decided_by="org-1", amounts=["amt-1"], deadlines=["dl-1"], section="sec-1",
                            source=src)],
    )
