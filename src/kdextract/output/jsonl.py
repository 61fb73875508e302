"""Documents to and from JSON Lines: one ``Document`` per line, lossless both ways.

>>> import tempfile, pathlib
>>> from kdextract.models import Document
>>> path = pathlib.Path(tempfile.mkdtemp()) / "docs.jsonl"
>>> save_jsonl([Document(id="a.txt", text="Hej")], path)
1
>>> load_jsonl(path)[0].text
'Hej'

Files ending in ``.gz`` are gzip-compressed. Amounts keep their exact ``Decimal`` values
(written as JSON strings), dates their ISO form; ``load_jsonl(save_jsonl(docs))`` gives
documents equal to ``docs``, ``ParseFailure`` records (from ``on_error="record"``) included.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from kdextract.batch import ParseFailure
from kdextract.errors import ArgumentError, InputError
from kdextract.models import Document

__all__ = ["dumps_line", "iter_jsonl", "load_jsonl", "save_jsonl", "write_jsonl"]

PathLike = str | os.PathLike[str]
_FAILURE_FIELDS = set(ParseFailure.model_fields) - set(Document.model_fields)


def _open(path: PathLike, mode: str) -> IO[str]:
    p = Path(path)
    if p.suffix == ".gz":
        stream: IO[str] = gzip.open(p, mode + "t", encoding="utf-8", newline="\n")  # type: ignore[assignment]  # noqa: SIM115
        return stream
    return open(p, mode, encoding="utf-8", newline="\n")


LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def dumps_line(doc: Document) -> str:
    """``doc`` as one line of JSON (no newline at the end).

    U+2028, U+2029 and U+0085 are written as escapes: JSON allows them raw inside strings,
    but ``str.splitlines`` and some other readers take them for line breaks.
    """
    return doc.model_dump_json().translate(LINE_BREAKS)


def write_jsonl(docs: Document | Iterable[Document], stream: IO[str]) -> int:
    """Write ``docs`` to an open text stream, one JSON document per line; return how many."""
    if isinstance(docs, Document):
        docs = [docs]
    count = 0
    for doc in docs:
        if not isinstance(doc, Document):
            raise ArgumentError(f"expected kdextract Document objects, got {type(doc).__name__}")
        stream.write(dumps_line(doc))
        stream.write("\n")
        count += 1
    return count


def save_jsonl(docs: Document | Iterable[Document], path: PathLike, *, append: bool = False) -> int:
    """Write ``docs`` (one Document or several, e.g. ``parse_many(...)``) to ``path``; return how many.

    Documents are written as they come, so a generator is never held in memory whole.
    """
    with _open(path, "a" if append else "w") as stream:
        return write_jsonl(docs, stream)


def iter_jsonl(path: PathLike) -> Iterator[Document]:
    """The documents in ``path`` one at a time. Blank lines are skipped.

    Raises ``InputError`` naming the line when a line is not a valid document.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    with _open(p, "r") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                yield _validate(line)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(x) for x in first.get("loc", ())) or "document"
                raise InputError(
                    f"{p}:{number}: not a kdextract document ({where}: {first.get('msg')}); "
                    f"{exc.error_count()} problem(s) on this line"
                ) from None


def _validate(line: str) -> Document:
    """The Document on ``line``, or the ``ParseFailure`` (a Document with three more fields) it holds."""
    try:
        return Document.model_validate_json(line)
    except ValidationError as exc:
        extra = {e["loc"][0] for e in exc.errors() if e["type"] == "extra_forbidden" and e["loc"]}
        if not extra or len(extra) != exc.error_count() or not extra <= _FAILURE_FIELDS:
            raise
    return ParseFailure.model_validate_json(line)


def load_jsonl(path: PathLike) -> list[Document]:
    """All documents in ``path`` (see ``iter_jsonl`` for a lazy variant)."""
    return list(iter_jsonl(path))
