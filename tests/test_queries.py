"""Query functions (kdextract.output.queries) on documents assembled from the record builders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kdextract.models import Amount, Deadline, Document, DocumentMeta, Organisation, Section, Source
from kdextract.output import queries as q
from kdextract.records.context import Context
from kdextract.records.decisions import build_decisions
from kdextract.records.projects import build_projects
from kdextract.text.view import TextView

SRC = Source(method="rule", name="test")

TEXT = """1. Skolskjuts

Avtalet löper ut i juli.

Beslut

Uppdra till förvaltningen att förlänga avtalet för 300 000 kr senast den 1 juli.

2. Trygghet

Projektet Lugna gatan startar i höst tillsammans med Polisen och kostar 50 000 kr. Styrgruppen beslutade att
avsätta medlen.
"""


def _doc() -> Document:
    def sec(i: int, title: str, level: int, parent: str | None = None) -> Section:
        a = TEXT.index(title + "\n")
        nxt = {"1. Skolskjuts": "2. Trygghet", "Beslut": "2. Trygghet"}.get(title)
        end = TEXT.index(nxt) if nxt else len(TEXT)
        return Section(id=f"sec-{i}", title=title, category="agenda_item" if level == 1 else "subheading",
                       level=level, parent=parent, start=a, end=end, title_start=a, title_end=a + len(title),
                       body_start=a + len(title) + 1, body_end=end, source=SRC)

    sections = [sec(1, "1. Skolskjuts", 1), sec(2, "Beslut", 2, "sec-1"), sec(3, "2. Trygghet", 1)]
    amounts = []
    for i, phrase in enumerate(("300 000 kr", "50 000 kr"), 1):
        a = TEXT.index(phrase)
        amounts.append(Amount(id=f"amt-{i}", text=phrase, start=a, end=a + len(phrase),
                              value=Decimal(phrase[:-3].replace(" ", "")), source=SRC))
    d = TEXT.index("senast den 1 juli")
    deadlines = [Deadline(id="dl-1", text="senast den 1 juli", start=d, end=d + 17, value="2023-07-01",
                          what="förlänga avtalet", kind="due", source=SRC)]
    p = TEXT.index("Polisen")
    g = TEXT.index("Styrgruppen")
    orgs = [Organisation(id="org-1", name="Polisen", kind="agency", text="Polisen", start=p, end=p + 7, source=SRC),
            Organisation(id="org-2", name="Styrgruppen", kind="committee", text="Styrgruppen", start=g, end=g + 11,
                         source=SRC)]
    meta = DocumentMeta(kind="protokoll", date="2023-05-16", organisation="Styrgruppen")
    ctx = Context.of(TextView.identity(TEXT), sections, [], meta, amounts=amounts, deadlines=deadlines,
                     organisations=orgs)
    ctx.doc.projects = build_projects(ctx)
    ctx.doc.decisions = build_decisions(ctx)
    return ctx.doc


def test_builders_link_records_that_queries_follow() -> None:
    doc = _doc()
    first, second = doc.decisions
    assert first.kind == "assignment" and first.section == "sec-1"
    assert [a.text for a in q.amounts_for(doc, first)] == ["300 000 kr"]
    assert [d.id for d in q.deadlines_for(doc, first.id)] == ["dl-1"]
    assert q.decisions_in(doc, "sec-1") == [first]
    assert q.decisions_in(doc, "2. Trygghet") == [second]
    assert q.decisions_in(doc, "sec-2") == [first]  # the "Beslut" subheading itself
    project, = doc.projects
    assert project.name == "Lugna gatan"
    assert [o.name for o in q.organisations_of(doc, project)] == ["Polisen"]
    assert project.status == "planned"
    assert second.amounts == [] and second.decided_by == "org-2"
    assert q.amounts_for(doc, project.id) == [q.get(doc, "amt-2")]
    assert q.decisions_by(doc, "Styrgruppen") == [first, second]
    assert q.decisions_by(doc, q.get(doc, "org-2")) == [first, second]
    assert q.get(doc, project.id) is project


def test_records_in_orders_by_position() -> None:
    doc = _doc()
    kinds = [type(r).__name__ for r in q.records_in(doc, "sec-3")]
    assert kinds[0] == "Project" and "Decision" in kinds and "Amount" in kinds


def test_unknown_ids_and_sections() -> None:
    doc = _doc()
    assert q.get(doc, "dec-99") is None
    assert q.section(doc, "Finns inte") is None
    assert q.records_in(doc, "sec-99") == []
    assert q.amounts_for(doc, "nope") == []


def test_deadlines_between_accepts_dates_and_timex() -> None:
    doc = _doc()
    assert [d.id for d in q.deadlines_between(doc, dt.date(2023, 7, 1), dt.date(2023, 7, 1))] == ["dl-1"]
    assert [d.id for d in q.deadlines_between(doc, "2023-Q3", "2023-Q3")] == ["dl-1"]
    assert q.deadlines_between(doc, "2023-08", "2023") == []
    with pytest.raises(ValueError):
        q.deadlines_between(doc, "snart", "2024")
