"""The ``kdextract`` command: parse documents from the shell.

    kdextract parse FILE_OR_DIR... [--format json|jsonl|table|csv] [--kind KIND] [--out PATH]
                    [--no-ner] [--n-process N] [--no-progress] [--document-date YYYY-MM-DD]
                    [--max-chars N] [--max-pages N] [--max-unpacked-mb N]
    kdextract schema
    kdextract --version

Errors kdextract raises on purpose (unreadable input, missing model) print one line on
stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kdextract.output.tables import KINDS
from kdextract.readers.source import MAX_CHARS, MAX_PAGES, MAX_UNPACKED_MB

if TYPE_CHECKING:
    from kdextract.models import Document

__all__ = ["main"]

EXTENSIONS = (".txt", ".md", ".pdf", ".docx")
FORMATS = ("json", "jsonl", "table", "csv")
STDIN = "-"

#: Columns shown per kind in ``--format table`` (the full set is in csv/json).
_TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "sections": ("id", "number", "title", "level", "category"),
    "people": ("name", "role", "organisation_name", "mentions"),
    "organisations": ("name", "kind", "aliases", "mentions"),
    "projects": ("name", "status", "starts", "ends", "owner_name"),
    "dates": ("text", "value", "section_title"),
    "deadlines": ("value", "kind", "what"),
    "amounts": ("text", "value", "currency", "what"),
    "decisions": ("kind", "decided_by_name", "text"),
    "documents": ("doc_id", "kind", "date", "organisation", "diarienummer", "author"),
}


class UsageError(Exception):
    """A problem with the command line or the files named on it."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number == 0 or number < -1:
        raise argparse.ArgumentTypeError("use a positive number of processes, or -1 for one per CPU core")
    return number


def _at_least_one(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("use a number of at least 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kdextract`` command."""
    from kdextract import __version__

    parser = argparse.ArgumentParser(
        prog="kdextract",
        description="Typed records (sections, people, organisations, projects, dates, deadlines, amounts, "
                    "decisions) from Swedish municipal documents.",
    )
    parser.add_argument("--version", action="version", version=f"kdextract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "parse", help="parse documents and print or save their records",
        description="Parse documents (.txt, .md, .pdf, .docx; a directory stands for the files of these kinds "
                    "in it; '-' reads text from standard input) and print or save what is found.",
    )
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help="documents, directories of documents, or -")
    p.add_argument("-f", "--format", choices=FORMATS,
                   help="output format (default: table on a terminal, else json; with --out, "
                        "from its extension: .jsonl, .json, .csv)")
    p.add_argument("-k", "--kind", choices=KINDS,
                   help="only records of this kind (csv: one row per record; default for csv: documents)")
    p.add_argument("-o", "--out", type=Path, metavar="PATH", help="write to PATH instead of standard output")
    p.add_argument("-r", "--recursive", action="store_true", help="look for documents in subdirectories too")
    p.add_argument("--no-ner", action="store_true", help="rules only, without the NER model (faster)")
    p.add_argument("--engine", default="spacy", choices=("spacy", "stanza"), help="NER engine (default: spacy)")
    p.add_argument("-j", "--n-process", type=_positive, default=1, metavar="N",
                   help="worker processes (default 1; -1 = one per CPU core)")
    p.add_argument("--batch-size", type=_positive, default=16, metavar="N", help=argparse.SUPPRESS)
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    p.add_argument("--document-date", type=_date, metavar="YYYY-MM-DD",
                   help="date to resolve relative dates against, when the document does not give its own")
    limits = p.add_argument_group("limits", "an input beyond a limit is refused with an error that names it")
    limits.add_argument("--max-chars", type=_at_least_one, default=MAX_CHARS, metavar="N",
                        help=f"most characters in one document (default {MAX_CHARS:,})")
    limits.add_argument("--max-pages", type=_at_least_one, default=MAX_PAGES, metavar="N",
                        help=f"most pages in one PDF (default {MAX_PAGES:,})")
    limits.add_argument("--max-unpacked-mb", type=_at_least_one, default=MAX_UNPACKED_MB, metavar="N",
                        help=f"most MB a .docx may unpack to (default {MAX_UNPACKED_MB:,}; guards against zip bombs)")

    sub.add_parser("schema", help="print the JSON schema of a parsed document",
                   description="Print the JSON schema of kdextract's Document model.")
    return parser


# -- inputs -----------------------------------------------------------------------------------

def expand_paths(paths: Sequence[str], recursive: bool = False) -> list[str | Path]:
    """Files named on the command line, with directories expanded (sorted) to their documents."""
    out: list[str | Path] = []
    for name in paths:
        if name == STDIN:
            out.append(STDIN)
            continue
        path = Path(name)
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            found = sorted(p for p in path.glob(pattern)
                           if p.is_file() and p.suffix.lower() in EXTENSIONS and not p.name.startswith("."))
            if not found:
                raise UsageError(f"{name}: no {', '.join(EXTENSIONS)} files in this directory")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        elif path.exists():
            raise UsageError(f"{name}: not a file or directory")
        else:
            raise UsageError(f"{name}: no such file or directory")
    return out


def _sources(paths: list[str | Path]) -> list[str | Path]:
    return [sys.stdin.read() if p == STDIN else p for p in paths]


# -- outputs ----------------------------------------------------------------------------------

def _format_for(args: argparse.Namespace, stream: IO[str]) -> str:
    if args.format:
        return str(args.format)
    if args.out is not None:
        suffixes = [s.lower() for s in args.out.suffixes]
        for suffix, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv")):
            if suffix in suffixes:
                return fmt
        return "table" if suffixes[-1:] in ([".txt"], [".md"]) else "json"
    try:
        return "table" if stream.isatty() else "json"
    except (AttributeError, ValueError):
        return "json"


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


def write_jsonl_out(docs: Iterable[Document], stream: IO[str], kind: str | None) -> None:
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

    from kdextract.output.tables import columns, to_records

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


def write_table(docs: Iterable[Document], stream: IO[str], kind: str | None, width: int) -> None:
    """A readable summary per document (all kinds), or one table of ``kind`` across documents."""
    from kdextract.output.tables import to_records

    if kind is not None:
        rows: list[dict[str, Any]] = []
        for doc in docs:
            rows.extend(to_records(doc, kind))
        cols = _TABLE_COLUMNS[kind]
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
                stream.write(f"\n{k} ({len(rows)})\n" + render_table(rows, _TABLE_COLUMNS[k], width) + "\n")
        for warning in doc.warnings:
            stream.write(f"\nwarning: {warning}\n")
        stream.flush()


def _write(fmt: str, docs: Iterable[Document], stream: IO[str], args: argparse.Namespace, single: bool) -> None:
    kind = args.kind
    if fmt == "json":
        write_json(docs, stream, kind, single)
    elif fmt == "jsonl":
        write_jsonl_out(docs, stream, kind)
    elif fmt == "csv":
        write_csv(docs, stream, kind or "documents")
    else:
        width = shutil.get_terminal_size((120, 24)).columns if args.out is None else 160
        write_table(docs, stream, kind, width)


# -- commands ---------------------------------------------------------------------------------

def cmd_parse(args: argparse.Namespace) -> int:
    from kdextract.api import parse_many

    paths = expand_paths(args.paths, args.recursive)
    if paths.count(STDIN) > 1:
        raise UsageError("'-' (standard input) can be given only once")
    single = len(args.paths) == 1 and len(paths) == 1 and (paths[0] == STDIN or Path(args.paths[0]).is_file())
    parse_kwargs: dict[str, Any] = {"ner": not args.no_ner, "engine": args.engine, "max_chars": args.max_chars,
                                    "max_pages": args.max_pages, "max_unpacked_mb": args.max_unpacked_mb}
    if args.document_date is not None:
        parse_kwargs["document_date"] = args.document_date
    fmt = _format_for(args, sys.stdout)
    docs = parse_many(_sources(paths), n_process=args.n_process, batch_size=args.batch_size,
                      progress=False if args.no_progress else None, **parse_kwargs)
    if args.out is None:
        _write(fmt, docs, sys.stdout, args, single)
        return 0
    out: Path = args.out
    if out.parent and not out.parent.exists():
        raise UsageError(f"{out.parent}: no such directory for --out")
    tmp = out.with_name(f".{out.name}.part")
    try:
        if out.suffix == ".gz":
            import gzip
            import io

            with io.TextIOWrapper(gzip.open(tmp, "wb"), encoding="utf-8", newline="") as stream:
                _write(fmt, docs, stream, args, single)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as stream:
                _write(fmt, docs, stream, args, single)
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from kdextract.models import Document

    sys.stdout.write(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kdextract`` command; return its exit status."""
    from kdextract.errors import KdextractError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "parse" and args.kind is None and args.format == "csv":
        args.kind = "documents"
    try:
        return cmd_parse(args) if args.command == "parse" else cmd_schema(args)
    except (KdextractError, UsageError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            return _broken_pipe()
        message = str(exc) if not isinstance(exc, OSError) or not exc.filename else \
            f"{exc.filename}: {exc.strerror or exc}"
        print(f"kdextract: error: {message.splitlines()[0] if message else type(exc).__name__}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kdextract: interrupted", file=sys.stderr)
        return 130


def _broken_pipe() -> int:
    """The reader of our output went away (``| head``): stop quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
