"""kdextract.output.tables: flat rows per record kind, CSV-safe values, pandas DataFrames."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import pytest

from kdextract.models import (
    Amount,
    Attendee,
    DateMention,
    Deadline,
    Decision,
    Document,
    DocumentMeta,
    Meeting,
    Mention,
    Organisation,
    Person,
    Project,
    Section,
    Source,
)
from kdextract.output.tables import KINDS, MissingExtraError, columns, to_dataframe, to_records

TEXT = (
    "Kommunstyrelsen\n\n"
    "Kommundirektörens rapport\n\n"
    "1. Ny simhall\n\n"
    "Anna Svensson, projektledare på Tekniska förvaltningen, redovisar projektet Simhall 2025. "
    "Budgeten är 12,5 mnkr. Förstudien ska vara klar senast den 30 april 2024.\n\n"
    "2. Övrigt\n\n"
    "Kommunstyrelsen beslutar att godkänna rapporten <script>alert('x')</script> & Anna Svensson tackas.\n"
)


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def make_document(doc_id: str | None = "rapport.txt", text: str = TEXT) -> Document:
    """A hand-built Document with one or two records of every kind (offsets computed from ``text``)."""
    rule = Source(method="rule", name="test/rule")
    model = Source(method="model", name="sv_kdextract_ner", score=0.9)

    def section(n: int, title: str, number: str, nxt: str | None) -> Section:
        ts, te = _at(text, title)
        start = ts - len(number) - 1
        end = text.index(nxt) if nxt else len(text)
        return Section(id=f"sec-{n}", title=title, category="agenda_item", level=1, number=number,
                       start=start, end=end, title_start=ts, title_end=te, body_start=te + 2, body_end=end,
                       source=rule)

    s1, s2 = section(1, "Ny simhall", "1.", "2. Övrigt"), section(2, "Övrigt", "2.", None)
    p1, p2 = _at(text, "Anna Svensson"), _at(text, "Anna Svensson", 1)
    org, org2 = _at(text, "Tekniska förvaltningen"), _at(text, "Kommunstyrelsen")
    proj = _at(text, "Simhall 2025")
    amt = _at(text, "12,5 mnkr")
    date = _at(text, "den 30 april 2024")
    dl = _at(text, "Förstudien ska vara klar senast den 30 april 2024")
    dec = _at(text, "Kommunstyrelsen beslutar att godkänna rapporten", 0)
    dec = (text.index("Kommunstyrelsen beslutar"), text.index(" & Anna"))
    return Document(
        id=doc_id, text=text,
        meta=DocumentMeta(kind="kommundirektorens_rapport", date="2024-03-18", day=dt.date(2024, 3, 18),
                          organisation="Exempelby kommun", author="Anna Svensson"),
        sections=[s1, s2],
        people=[Person(id="per-1", text=text[p1[0]:p1[1]], start=p1[0], end=p1[1], name="Anna Svensson",
                       role="projektledare", organisation="org-1",
                       mentions=[Mention(text="Anna Svensson", start=s, end=e, source=model) for s, e in (p1, p2)],
                       source=model)],
        organisations=[
            Organisation(id="org-1", text="Tekniska förvaltningen", start=org[0], end=org[1],
                         name="Tekniska förvaltningen", kind="administration", aliases=["TF", "tekniska"],
                         mentions=[Mention(text="Tekniska förvaltningen", start=org[0], end=org[1], source=model)],
                         source=model),
            Organisation(id="org-2", text="Kommunstyrelsen", start=org2[0], end=org2[1], name="Kommunstyrelsen",
                         kind="committee", source=rule),
        ],
        projects=[Project(id="proj-1", text="Simhall 2025", start=proj[0], end=proj[1], name="Simhall 2025",
                          status="planned", ends="2025", amounts=["amt-1"], organisations=["org-1"],
                          section="sec-1", source=rule)],
        dates=[DateMention(id="date-1", text=text[date[0]:date[1]], start=date[0], end=date[1],
                           value="2024-04-30", granularity="day", day=dt.date(2024, 4, 30), section="sec-1",
                           source=rule)],
        deadlines=[Deadline(id="dl-1", text=text[dl[0]:dl[1]], start=dl[0], end=dl[1], value="2024-04-30",
                            day=dt.date(2024, 4, 30), what="Förstudien", kind="due", date_ref="date-1",
                            section="sec-1", source=rule)],
        amounts=[Amount(id="amt-1", text="12,5 mnkr", start=amt[0], end=amt[1], value=Decimal(12500000),
                        qualifier="exact", what="Budgeten", section="sec-1", source=rule)],
        decisions=[Decision(id="dec-1", text=text[dec[0]:dec[1]], start=dec[0], end=dec[1], kind="decision",
                            decided_by="org-2", points=["godkänna rapporten"],
                            section="sec-2", source=rule)],
        meetings=[Meeting(id="meet-1", text=text[p1[0]:p1[1]], start=p1[0], end=p1[1], body="Kommunstyrelsen",
                          date="2024-03-18", day=dt.date(2024, 3, 18),
                          attendees=[Attendee(id="att-1", text=text[p1[0]:p1[1]], start=p1[0], end=p1[1],
                                              name="Anna Svensson", category="official", role="projektledare",
                                              person="per-1", source=rule)],
                          source=rule)],
        warnings=["a warning"],
    )


def test_sample_offsets_are_consistent() -> None:
    doc = make_document()
    for kind in ("people", "organisations", "projects", "dates", "deadlines", "amounts", "decisions"):
        for item in getattr(doc, kind):
            assert doc.text[item.start:item.end] == item.text


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_rows_with_the_declared_columns(kind: str) -> None:
    rows = to_records([make_document("a.txt"), make_document("b.txt")], kind)
    assert rows, kind
    assert all(list(row) == columns(kind) for row in rows)
    assert next(row["doc_id"] for row in rows) == "a.txt" and rows[-1]["doc_id"] == "b.txt"
    assert columns(kind)[0] == "doc_id"


def test_people_rows_carry_section_from_offsets_and_counts() -> None:
    (row,) = to_records(make_document(), "people")
    assert row["id"] == "per-1" and row["name"] == "Anna Svensson" and row["role"] == "projektledare"
    assert row["section"] == "sec-1" and row["section_title"] == "Ny simhall"  # found by offset
    assert row["mentions"] == 2
    assert row["source_method"] == "model" and row["source_score"] == 0.9
    assert (row["start"], row["end"], row["text"]) == (TEXT.index("Anna"), TEXT.index("Anna") + 13, "Anna Svensson")


def test_values_keep_their_types_and_lists_are_joined() -> None:
    doc = make_document()
    (amount,) = to_records(doc, "amounts")
    assert amount["value"] == Decimal(12500000) and amount["currency"] == "SEK"
    assert amount["section_title"] == "Ny simhall"
    (org,) = [r for r in to_records(doc, "organisations") if r["id"] == "org-1"]
    assert org["aliases"] == "TF; tekniska" and org["kind"] == "administration"
    (date,) = to_records(doc, "dates")
    assert date["day"] == dt.date(2024, 4, 30) and date["value"] == "2024-04-30"
    sections = to_records(doc, "sections")
    assert [(s["section"], s["section_title"], s["number"]) for s in sections] == [
        ("sec-1", "Ny simhall", "1."), ("sec-2", "Övrigt", "2.")]
    (decision,) = to_records(doc, "decisions")
    assert decision["section_title"] == "Övrigt" and decision["points"] == "godkänna rapporten"


def test_documents_kind_is_one_row_per_document() -> None:
    rows = to_records([make_document("a.txt"), Document(text="")], "documents")
    assert rows[0]["kind"] == "kommundirektorens_rapport" and rows[0]["n_people"] == 1 and rows[0]["chars"] == len(TEXT)
    assert rows[1]["doc_id"] is None and rows[1]["n_sections"] == 0


def test_unknown_kind_is_a_clear_error() -> None:
    from kdextract.errors import KdextractError

    with pytest.raises(KdextractError, match="unknown record kind 'persons'"):
        to_records(make_document(), "persons")


def test_empty_input_gives_no_rows() -> None:
    assert to_records([], "people") == []
    assert to_records(Document(text="x"), "amounts") == []


def test_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    frame = to_dataframe([make_document("a.txt"), make_document("b.txt")], "amounts")
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == columns("amounts")
    assert str(frame["value"].dtype) == "decimal128(38, 6)[pyarrow]"  # exact money, not float
    assert frame["value"].sum() == Decimal(25_000_000) and isinstance(frame["value"].iloc[0], Decimal)
    assert frame.groupby("doc_id")["value"].sum().to_dict() == {"a.txt": Decimal(12_500_000),
                                                                "b.txt": Decimal(12_500_000)}
    assert list(frame["doc_id"]) == ["a.txt", "b.txt"]
    dates = to_dataframe(make_document(), "dates")
    assert str(dates["day"].dtype).startswith("datetime64")
    empty = to_dataframe(Document(text="x"), "people")
    assert len(empty) == 0 and list(empty.columns) == columns("people")


def test_dataframe_default_is_the_documents_table(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    doc = make_document("a.txt")
    frame = doc.to_dataframe()
    assert list(frame.columns) == columns("documents") and frame["n_amounts"].tolist() == [1]
    assert to_dataframe([doc, make_document("b.txt")])["doc_id"].tolist() == ["a.txt", "b.txt"]
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # without pyarrow money stays Decimal objects
    amounts = to_dataframe(doc, "amounts")
    assert amounts["value"].dtype == object and amounts["value"].tolist() == [Decimal(12_500_000)]


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    with pytest.raises(MissingExtraError, match=r"kdextract\[notebook\]"):
        to_dataframe(make_document(), "people")
    with pytest.raises(ImportError):  # also an ImportError, for callers that catch that
        to_dataframe(make_document(), "people")
