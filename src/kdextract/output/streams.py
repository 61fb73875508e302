"""Documents as text streams: JSON, JSON Lines, CSV and plain-text tables (``kdextract parse``'s formats).

Every writer takes documents as they come (a generator from ``parse_many``) and flushes
after each, so output appears while a long run goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from kdextract.models import Document
from kdextract.output.tables import KINDS, columns

__all__ = ["render_table", "write_csv", "write_json", "write_jsonl", "write_table"]

#: Columns shown per kind in ``--format table`` (the full set is in csv/json).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "sections": ("id", "number", "title", "level", "category"),
    "people": ("name", "role", "organisation_name", "mentions"),
    "organisations": ("name", "kind", "aliases", "mentions"),
    "projects": ("name", "status", "starts", "ends", "owner_name"),
    "dates": ("text", "value", "section_title"),
    "deadlines": ("value", "kind", "what"),
    "amounts": ("text", "value", "high", "currency", "what"),
    "decisions": ("kind", "decided_by_name", "text"),
    "meetings": ("date", "place", "paragraphs", "body"),
    "attendees": ("name", "party", "category", "role", "replaces"),
    "documents": ("doc_id", "kind", "date", "organisation", "diarienummer", "author"),
}

#: Columns that say where a record stands, left out of a table of a kind without chosen columns.
_PLACE_COLUMNS = frozenset({"doc_id", "id", "section", "section_title", "item", "item_number", "item_case_number",
                            "start", "end", "page"})


def _kind_items(doc: Document, kind: str) -> Iterator[dict[str, Any]]:
    if kind == "documents":
        data = doc.model_dump(mode="json", exclude={"text"})
        yield {"doc_id": doc.id, **data}
        return
    for item in getattr(doc, kind):
        yield {"doc_id": doc.id, **item.model_dump(mode="json")}


def write_json(docs: Iterable[Document], stream: IO[str], kind: str | None, single: bool) -> None:
    """A JSON document (one file given, no --kind) or a JSON array, written as documents arrive."""
    if single and kind is None:
        for doc in docs:
            stream.write(doc.model_dump_json(indent=2) + "\n")
        return
    stream.write("[")
    first = True
    for doc in docs:
        items: Iterable[str]
        if kind is None:
            items = [doc.model_dump_json(indent=2)]
        else:
            items = (json.dumps(item, ensure_ascii=False, indent=2) for item in _kind_items(doc, kind))
        for text in items:
            stream.write(("\n" if first else ",\n") + text)
            first = False
        stream.flush()
    stream.write("\n]\n" if not first else "]\n")


def write_jsonl(docs: Iterable[Document], stream: IO[str], kind: str | None) -> None:
    """One JSON object per line: documents, or records of ``kind`` with their ``doc_id``."""
    from kdextract.output.jsonl import LINE_BREAKS, dumps_line

    for doc in docs:
        if kind is None:
            stream.write(dumps_line(doc) + "\n")
        else:
            for item in _kind_items(doc, kind):
                stream.write(json.dumps(item, ensure_ascii=False).translate(LINE_BREAKS) + "\n")
        stream.flush()


def write_csv(docs: Iterable[Document], stream: IO[str], kind: str) -> None:
    """One CSV row per record of ``kind`` (see ``kdextract.output.tables`` for the columns)."""
    import csv

    from kdextract.output.tables import to_records

    writer = csv.DictWriter(stream, fieldnames=columns(kind), lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        writer.writerows(to_records(doc, kind))
        stream.flush()


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def render_table(rows: list[dict[str, Any]], cols: Sequence[str], width: int) -> str:
    """A plain-text table of ``rows`` fitted into ``width`` characters (widest columns shrink first)."""
    cells = [[_cell(r.get(c), 10_000) for c in cols] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
    budget = max(width - 2 - 2 * (len(cols) - 1), 10 * len(cols))
    while sum(widths) > budget:
        i = widths.index(max(widths))
        if widths[i] <= 8:
            break
        widths[i] -= 1
    lines = ["  ".join(c.upper()[:w].ljust(w) for c, w in zip(cols, widths)).rstrip()]
    for row in cells:
        lines.append("  ".join(_cell(v, w).ljust(w) for v, w in zip(row, widths)).rstrip())
    return "\n".join("  " + line for line in lines)


def _describe(doc: Document) -> str:
    meta = doc.meta
    bits = [meta.kind, meta.date or "undated", meta.organisation, meta.diarienummer and f"Dnr {meta.diarienummer}",
            meta.author and f"by {meta.author}"]
    name = doc.id or "(text)"
    return f"{name}: " + ", ".join(b for b in bits if b)


def table_columns(kind: str) -> tuple[str, ...]:
    """The columns a table of ``kind`` shows: the chosen ones, or the record's first four fields."""
    chosen = TABLE_COLUMNS.get(kind)
    if chosen is not None:
        return chosen
    return tuple(c for c in columns(kind) if c not in _PLACE_COLUMNS)[:4]


def write_table(docs: Iterable[Document], stream: IO[str], kind: str | None, width: int) -> None:
    """A readable summary per document (all kinds), or one table of ``kind`` across documents."""
    from kdextract.output.tables import to_records

    if kind is not None:
        rows: list[dict[str, Any]] = []
        for doc in docs:
            rows.extend(to_records(doc, kind))
        cols = table_columns(kind)
        if kind != "documents":
            cols = ("doc_id", *cols)
        stream.write(f"{kind} ({len(rows)})\n")
        if rows:
            stream.write(render_table(rows, cols, width) + "\n")
        return
    for n, doc in enumerate(docs):
        if n:
            stream.write("\n")
        stream.write(_describe(doc) + "\n")
        stream.write("=" * min(width, len(_describe(doc))) + "\n")
        for k in KINDS[:-1]:
            rows = to_records(doc, k)
            if rows:
                stream.write(f"\n{k} ({len(rows)})\n" + render_table(rows, table_columns(k), width) + "\n")
        for warning in doc.warnings:
            stream.write(f"\nwarning: {warning}\n")
        stream.flush()
