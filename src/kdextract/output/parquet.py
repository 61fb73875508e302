"""Arrow tables and Parquet files of records: one table per record kind, typed for analysts.

The columns are those of ``kdextract.output.tables.columns(kind)`` (document id, record id,
section, offsets, the record's values, ``source_*``), with Arrow types taken from the
models: money as ``decimal128(38, 6)`` (never rounded: a document with a sum it cannot hold goes to
``failures``), exact days as ``date32``, counts and offsets as
``int64``, lists of ids or strings as ``list<string>``. Parse failures (``ParseFailure``)
go to their own ``failures`` table (doc_id, source, error, message), never into the others.

``write_parquet(docs, folder)`` (or the ``ParquetTables`` writer it uses) writes
``folder/<kind>.parquet`` for every kind, streaming: rows are written in row groups as
documents arrive, so the memory used does not grow with the number of documents. The files
load in pandas (``pd.read_parquet``), Polars (``pl.read_parquet``) and DuckDB
(``FROM 'folder/amounts.parquet'``). Needs pyarrow (``pip install 'kdextract[parquet]'``).
"""

from __future__ import annotations

import datetime as dt
import os
import types
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from kdextract.batch import ParseFailure
from kdextract.errors import KdextractError
from kdextract.models import RECORD_MODELS, Document, DocumentMeta
from kdextract.output.tables import (FAILURES, MONEY_COLUMNS, MONEY_DECIMAL, TABLES, check_money, columns, require,
                                       table_model, to_records)

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["FAILURES", "TABLES", "ParquetTables", "schema", "to_arrow", "write_parquet"]

_STRINGS = {"doc_id", "id", "section", "section_title", "source_method", "source_name", "meeting", "item",
            "item_number", "item_case_number"}
_COUNTS = {"mentions", "chars", *(f"n_{k}" for k in RECORD_MODELS)}
#: Rows kept per table before they are written out as a row group.
ROW_GROUP_ROWS = 50_000


def _pa() -> Any:
    return require("pyarrow", "Arrow and Parquet output")


def _arrow_type(pa: Any, annotation: Any) -> Any:
    """The Arrow type of a model field's annotation."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        return _arrow_type(pa, next(a for a in args if a is not type(None)))
    if origin is Literal or annotation is str:
        return pa.string()
    if origin is list:
        return pa.list_(pa.string())
    if origin is dict or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return pa.string()  # as JSON
    simple = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), Decimal: pa.decimal128(*MONEY_DECIMAL),
              dt.datetime: pa.timestamp("us"), dt.date: pa.date32()}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}")


def schema(kind: str) -> pa.Schema:
    """The Arrow schema of the ``kind`` table (a record kind, "documents" or "failures")."""
    pa = _pa()
    if kind == FAILURES:
        return pa.schema([(name, pa.string()) for name in columns(FAILURES)])
    cols = columns(kind)
    fields = {**DocumentMeta.model_fields} if kind == "documents" else {**table_model(kind).model_fields}
    out = []
    for name in cols:
        if name in _STRINGS or name.endswith("_name") and name not in fields:
            typ = pa.string()
        elif name in _COUNTS:
            typ = pa.int64()
        elif name == "source_score":
            typ = pa.float64()
        elif name == "warnings":
            typ = pa.list_(pa.string())
        elif kind == "amounts" and name in MONEY_COLUMNS:
            typ = pa.decimal128(*MONEY_DECIMAL)
        else:
            typ = _arrow_type(pa, fields[name].annotation)
        out.append(pa.field(name, typ))
    return pa.schema(out)


def _rows(docs: Document | Iterable[Document], kind: str) -> list[dict[str, Any]]:
    """The rows of the ``kind`` table, its money checked to fit the Arrow type (``tables.check_money``)."""
    rows = to_records(docs, kind, join_lists=False)
    return check_money(rows) if kind == "amounts" else rows


def _table(pa: Any, kind: str, rows: list[dict[str, Any]], table_schema: Any) -> Any:
    try:
        return pa.Table.from_pylist(rows, schema=table_schema)
    except pa.ArrowInvalid as exc:  # e.g. an amount with more than 6 decimals
        raise KdextractError(f"the {kind} table cannot hold a value exactly: {exc}") from exc


def to_arrow(docs: Document | Iterable[Document], kind: str) -> pa.Table:
    """An Arrow table of the ``kind`` records of ``docs`` (a record kind, "documents" or "failures")."""
    return _table(_pa(), kind, _rows(docs, kind), schema(kind))


class ParquetTables:
    """Writes ``folder/<kind>.parquet`` for each of ``kinds``, a row group at a time, as documents come.

    >>> import tempfile
    >>> with ParquetTables(tempfile.mkdtemp(), kinds=["documents"]) as tables:
    ...     tables.add(Document(id="a.txt", text="Hej"))
    >>> [p.name for p in tables.paths.values()]
    ['documents.parquet']
    """

    def __init__(self, folder: str | os.PathLike[str], *, kinds: Sequence[str] = TABLES,
                 row_group_rows: int = ROW_GROUP_ROWS) -> None:
        for kind in kinds:
            if kind not in TABLES:
                raise KdextractError(f"unknown table {kind!r}; choose from: {', '.join(TABLES)}")
        self._pa = _pa()
        self._pq = require("pyarrow.parquet", "Parquet output")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.kinds = tuple(kinds)
        self.paths = {kind: self.folder / f"{kind}.parquet" for kind in self.kinds}
        self._schemas = {kind: schema(kind) for kind in self.kinds}
        self._rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in self.kinds}
        self._writers: dict[str, Any] = {}
        self.row_group_rows = row_group_rows
        self.documents = self.failures = 0

    def add(self, doc: Document) -> None:
        """Add the records of one document (or one failure)."""
        if isinstance(doc, ParseFailure):
            self.failures += 1
            if FAILURES in self._rows:
                self._rows[FAILURES].extend(to_records(doc, FAILURES))
                self._flush(FAILURES, self.row_group_rows)
            return
        try:
            tables = {kind: _rows(doc, kind) for kind in self.kinds if kind != FAILURES}
        except KdextractError as exc:  # money the column cannot hold exactly: this document fails, the run goes on
            self.add(ParseFailure(id=doc.id, text="", source=doc.id or "", error=type(exc).__name__, message=str(exc)))
            return
        self.documents += 1
        for kind, rows in tables.items():
            self._rows[kind].extend(rows)
            self._flush(kind, self.row_group_rows)

    def _flush(self, kind: str, at_least: int) -> None:
        rows = self._rows[kind]
        if len(rows) < at_least:
            return
        table = _table(self._pa, kind, rows, self._schemas[kind])
        writer = self._writers.get(kind)
        if writer is None:
            writer = self._writers[kind] = self._pq.ParquetWriter(self._part(kind), self._schemas[kind])
        writer.write_table(table)
        rows.clear()

    def _part(self, kind: str) -> Path:
        return self.paths[kind].with_name(f".{kind}.parquet.part")

    def close(self) -> None:
        """Write what is left and move every finished file into place (an empty table where no rows)."""
        for kind in self.kinds:
            self._flush(kind, 0)
            self._writers.pop(kind).close()
            os.replace(self._part(kind), self.paths[kind])

    def abort(self) -> None:
        """Stop without leaving partial files behind."""
        for writer in self._writers.values():
            writer.close()
        for kind in self.kinds:
            self._part(kind).unlink(missing_ok=True)

    def __enter__(self) -> ParquetTables:  # noqa: PYI034 - typing.Self needs Python 3.11
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_parquet(docs: Document | Iterable[Document], folder: str | os.PathLike[str], *,
                  kinds: Sequence[str] = TABLES) -> dict[str, Path]:
    """Write ``folder/<kind>.parquet`` for each of ``kinds`` from ``docs`` (streamed); return the paths."""
    with ParquetTables(folder, kinds=kinds) as tables:
        for doc in [docs] if isinstance(docs, Document) else docs:
            tables.add(doc)
    return tables.paths
