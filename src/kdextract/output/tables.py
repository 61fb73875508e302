"""Flat tables of a document's records: one row per record, for CSV, pandas and notebooks.

``to_records`` needs nothing beyond kdextract; ``to_dataframe`` needs pandas
(``pip install 'kdextract[notebook]'``), imported only when it is called.

Every row starts with the same columns: ``doc_id``, ``id`` (the record's id),
``section`` (id of the section it is in: a decision's is its item, the others' the innermost section) and
``section_title``, then ``item``, ``item_number`` and ``item_case_number`` (the top-level section around it: the
§ or agenda item, its number and case number, so amounts, deadlines and decisions of one item group together), then ``start``/``end``/
``page``/``text`` where the record has a place in the text, then the record's own fields
in the order the model declares them, then ``source_method``/``source_name``/``source_score``.
Lists of ids or strings are joined with ``"; "`` (or kept as lists: ``join_lists=False``, as
in Parquet), a section's ``title_parts`` as ``"start:end"`` pieces; mention lists become a ``mentions`` count.
Records held in another record have a table of their own (``NESTED``: "attendees", one row per participant of a
meeting, with a ``meeting`` column), and the parent's cell lists their ids; a list of records without ids
(a decision's reservations) is one JSON array. Values keep their Python types
(``Decimal``, ``datetime.date``), so nothing is rounded on the way to CSV or a DataFrame (an Arrow money column
that cannot hold a value exactly is an error naming it: ``check_money``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kdextract.batch import ParseFailure
from kdextract.errors import ArgumentError, KdextractError
from kdextract.models import (
    RECORD_KINDS,
    RECORD_MODELS,
    Attendee,
    Document,
    DocumentMeta,
    Located,
    Organisation,
    Person,
    Section,
)

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

__all__ = ["FAILURES", "KINDS", "NESTED", "TABLES", "MissingExtraError", "columns", "table_model", "to_dataframe",
           "to_records"]

#: Tables of records held inside another record: table -> (its parent's kind, the parent's field, the column that
#: names the parent). The parent's cell lists their ids.
NESTED: dict[str, tuple[str, str, str]] = {"attendees": ("meetings", "attendees", "meeting")}
#: The record kinds a table can be made of, the nested ones ("attendees": one row per participant of a meeting),
#: and "documents" (one row per document: its meta and counts).
KINDS: tuple[str, ...] = (*RECORD_KINDS, *NESTED, "documents")
#: The table of the sources that could not be parsed (``ParseFailure``s, kept out of every other table).
FAILURES = "failures"
#: Every table there is: the record kinds, "documents" and "failures".
TABLES: tuple[str, ...] = (*KINDS, FAILURES)
_FAILURE_COLUMNS = ["doc_id", "source", "error", "message"]

_LEAD = ("doc_id", "id", "section", "section_title", "item", "item_number", "item_case_number")
_PLACE = ("start", "end", "page", "text")
_SOURCE = ("source_method", "source_name", "source_score")
#: Fields that are shown another way (the lead columns, a mention count, the source columns).
_SKIP = {*_LEAD, *_PLACE, "source", "mentions", "evidence"}
#: Fields that refer to another record by id; their tables also get a ``<field>_name`` column.
_REFERENCES = ("organisation", "owner", "decided_by")
_JOIN = "; "


class MissingExtraError(KdextractError, ImportError):
    """An optional dependency (pandas, matplotlib) that this function needs is not installed."""


def require(module: str, purpose: str) -> Any:
    """Import ``module`` or raise ``MissingExtraError`` naming the extra that installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        top = module.split(".")[0]
        raise MissingExtraError(
            f"{purpose} needs {top}, which is not installed: pip install 'kdextract[notebook]' (or pip install {top})"
        ) from exc


def _check_kind(kind: str) -> str:
    if kind not in TABLES:
        raise ArgumentError(f"unknown record kind {kind!r}; choose one of: {', '.join(TABLES)}")
    return kind


def _documents(docs: Document | Iterable[Document]) -> list[Document]:
    if isinstance(docs, Document):
        return [docs]
    out = list(docs)
    for doc in out:
        if not isinstance(doc, Document):
            raise ArgumentError(f"expected kdextract Document objects, got {type(doc).__name__}")
    return out


def table_model(kind: str) -> type[Any]:
    """The model of one row of a record table (a record kind or a nested table)."""
    return Attendee if kind == "attendees" else RECORD_MODELS[kind]


def columns(kind: str) -> list[str]:
    """The column names of a ``kind`` table, in order (also for an empty table)."""
    _check_kind(kind)
    if kind == FAILURES:
        return list(_FAILURE_COLUMNS)
    if kind == "documents":
        meta = [f for f in DocumentMeta.model_fields if f != "evidence"]
        return ["doc_id", *meta, "chars", *(f"n_{k}" for k in RECORD_KINDS), "warnings"]
    model = table_model(kind)
    fields = model.model_fields
    cols = [*_LEAD, NESTED[kind][2]] if kind in NESTED else list(_LEAD)
    if issubclass(model, Located) or "start" in fields:
        cols += [c for c in _PLACE if c in fields]
    for name in fields:
        if name not in _SKIP:
            cols.append(name)
            if name in _REFERENCES:
                cols.append(f"{name}_name")
        elif name == "mentions":
            cols.append("mentions")
    if "source" in fields:
        cols += _SOURCE
    return cols


def _flat(value: Any, join: bool = True) -> Any:
    """A table cell: lists joined (or lists of strings), a span "start:end", enums as values, nested models as JSON."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):  # a title's piece
        return ":".join(map(str, value))
    if isinstance(value, list):
        if join and value and hasattr(value[0], "model_dump") and getattr(value[0], "id", None) is None:
            import json  # records without ids: one JSON array

            return json.dumps([v.model_dump(mode="json") for v in value], ensure_ascii=False)
        items = [str(v.id if getattr(v, "id", None) else _flat(v)) for v in value]
        return _JOIN.join(items) if join else items
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
    if hasattr(value, "model_dump_json"):
        return value.model_dump_json()
    return value


class _SectionIndex:
    """Section ids and titles of one document, and the innermost section at an offset."""

    def __init__(self, doc: Document) -> None:
        self.sections = list(doc.sections)
        self.titles = {s.id: s.title for s in self.sections}
        self.parents = {s.id: s.parent for s in self.sections}
        self.by_id = {s.id: s for s in self.sections}
        named: list[Organisation | Person] = [*doc.organisations, *doc.people]
        self.names = {r.id: r.name for r in named}

    def at(self, offset: int) -> str | None:
        best: Section | None = None
        for section in self.sections:
            if section.start <= offset < section.end and (best is None or section.level >= best.level):
                best = section
        return best.id if best else None

    def item(self, section: str | None) -> Section | None:
        """The top-level section that holds ``section`` (itself at the top)."""
        while (parent := self.parents.get(section)) is not None:  # type: ignore[arg-type]
            section = parent
        return self.by_id.get(section) if section is not None else None


def _record_row(doc: Document, item: Any, kind: str, index: _SectionIndex, cols: list[str],
                join: bool) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(cols)
    row["doc_id"] = doc.id
    row["id"] = getattr(item, "id", None) or None
    if kind == "sections":
        row["section"] = item.id
        row["section_title"] = item.title
    else:
        section = getattr(item, "section", None)
        if section is None and hasattr(item, "start"):
            section = index.at(item.start)
        row["section"] = section
        row["section_title"] = index.titles.get(section) if section else None
    if (item_section := index.item(row["section"])) is not None:
        row["item"], row["item_number"] = item_section.id, item_section.number
        row["item_case_number"] = item_section.case_number
    for name in cols:
        if name in _LEAD or name in _SOURCE:
            continue
        if name == "mentions":
            row[name] = len(getattr(item, "mentions", []) or [])
        elif name in ("section", "section_title"):
            continue
        elif name.endswith("_name") and name[:-5] in _REFERENCES:
            row[name] = index.names.get(getattr(item, name[:-5], None))
        else:
            row[name] = _flat(getattr(item, name, None), join)
    source = getattr(item, "source", None)
    if source is not None:
        row["source_method"] = _flat(source.method)
        row["source_name"] = source.name
        row["source_score"] = source.score
    return row


def _document_row(doc: Document, cols: list[str], join: bool) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(cols)
    row["doc_id"] = doc.id
    for name in DocumentMeta.model_fields:
        if name in row:
            row[name] = _flat(getattr(doc.meta, name))
    row["chars"] = len(doc.text)
    for k in RECORD_KINDS:
        row[f"n_{k}"] = len(getattr(doc, k))
    row["warnings"] = _flat(doc.warnings, join)
    return row


def to_records(docs: Document | Iterable[Document], kind: str, *, join_lists: bool = True) -> list[dict[str, Any]]:
    """One flat dict per record of ``kind`` in ``docs`` (a Document or several), in document order.

    A ``ParseFailure`` (a source ``parse_many(..., on_error="record")`` could not parse) is a row of the
    "failures" table only (doc_id, source, error, message), never a document of the others.

    >>> from kdextract.models import Document
    >>> to_records(Document(id="a.txt", text="x"), "documents")[0]["chars"]
    1
    """
    cols = columns(kind)
    rows: list[dict[str, Any]] = []
    for doc in _documents(docs):
        if kind == FAILURES:
            if isinstance(doc, ParseFailure):
                rows.append({"doc_id": doc.id, "source": doc.source, "error": doc.error, "message": doc.message})
            continue
        if isinstance(doc, ParseFailure):
            continue
        if kind == "documents":
            rows.append(_document_row(doc, cols, join_lists))
            continue
        index = _SectionIndex(doc)
        if kind in NESTED:
            parent_kind, field, parent_column = NESTED[kind]
            for parent in getattr(doc, parent_kind):
                for item in getattr(parent, field):
                    row = _record_row(doc, item, kind, index, cols, join_lists)
                    rows.append({**row, parent_column: parent.id})
            continue
        rows.extend(_record_row(doc, item, kind, index, cols, join_lists) for item in getattr(doc, kind))
    return rows


#: Money columns of the amounts table, and their exact type: Arrow decimal128(precision, scale).
MONEY_COLUMNS = ("value", "low", "high")
MONEY_DECIMAL = (38, 6)


def check_money(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the amounts table, checked to fit the Arrow money type exactly (money is never rounded): a
    ``KdextractError`` naming the document, the amount and the value where one does not."""
    precision, scale = MONEY_DECIMAL
    for row in rows:
        for name in MONEY_COLUMNS:
            value = row[name]
            if value is not None and value.is_finite() and (
                    value.adjusted() >= precision - scale or value.as_tuple().exponent < -scale):
                raise KdextractError(
                    f"document {row['doc_id']!r}, amount {row['text']!r}: the amounts table cannot hold a value "
                    f"exactly: {value} has more than {scale} decimals or {precision - scale} digits before them "
                    f"(decimal128{MONEY_DECIMAL}); CSV and JSON keep it exactly")
    return rows


def to_dataframe(docs: Document | Iterable[Document], kind: str = "documents") -> pd.DataFrame:
    """A pandas DataFrame with one row per record of ``kind`` (see the module docstring for columns).

    Without ``kind``: the documents table, one row per document with its metadata and how many
    records of each kind it has. Needs pandas (``pip install 'kdextract[notebook]'``). Money
    (``value``, ``low``, ``high`` of amounts) stays exact: an Arrow ``decimal128(38, 6)`` column
    when pyarrow is installed (it sums, compares and groups exactly; ``.astype(float)`` to plot),
    else Python ``Decimal`` objects. Date columns become pandas datetimes.
    """
    _check_kind(kind)
    pd = require("pandas", "kdextract.output.tables.to_dataframe")
    rows = to_records(docs, kind)
    cols = columns(kind)
    frame = pd.DataFrame.from_records(rows, columns=cols)
    if kind == "amounts":
        money = _money_dtype(pd)
        if money is not object:
            check_money(rows)
        for name in MONEY_COLUMNS:
            frame[name] = pd.Series(list(frame[name]), dtype=money, index=frame.index)
    for name in cols:
        values = [v for v in frame[name] if v is not None]
        if values and all(isinstance(v, dt.date) and not isinstance(v, dt.datetime) for v in values):
            frame[name] = pd.to_datetime(frame[name])
    for name in ("start", "end", "level", "mentions"):
        if name in frame and len(frame) and frame[name].notna().all():
            frame[name] = frame[name].astype("int64")
    return frame


def _money_dtype(pd: Any) -> Any:
    """Arrow's decimal128(38, 6) where pyarrow is installed, else plain objects (Decimal)."""
    try:
        import pyarrow as pa
    except ImportError:
        return object
    return pd.ArrowDtype(pa.decimal128(*MONEY_DECIMAL))
