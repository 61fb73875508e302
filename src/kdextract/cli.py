"""The ``kdextract`` command: parse documents from the shell.

    kdextract parse FILE_OR_DIR... [--format json|jsonl|table|csv|parquet] [--kind KIND] [--out PATH]
                    [--no-ner] [--n-process N] [--no-progress] [--document-date YYYY-MM-DD] [--fail-on-error]
                    [--ocr auto|always|never] [--max-chars N] [--max-pages N] [--max-unpacked-mb N]
    kdextract schema
    kdextract --version

Errors kdextract raises on purpose (unreadable input, missing model) print one line on
stderr and exit with status 2. With several files (a directory), a file that cannot be
parsed does not stop the run: the failed files are listed on stderr at the end (and in
``failures.parquet``), and the exit status is 0 unless ``--fail-on-error`` asks for 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from kdextract.output.streams import write_csv, write_json, write_jsonl, write_table
from kdextract.output.tables import KINDS
from kdextract.readers.source import MAX_CHARS, MAX_PAGES, MAX_UNPACKED_MB

if TYPE_CHECKING:
    from kdextract.batch import ParseFailure
    from kdextract.models import Document

__all__ = ["main"]

EXTENSIONS = (".txt", ".md", ".pdf", ".docx")
FORMATS = ("json", "jsonl", "table", "csv", "parquet")
STDIN = "-"
#: Failed files listed one per line at the end of a run; the rest are counted.
MAX_LISTED_FAILURES = 20


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
                   help="output format (default: table on a terminal, else json; with --out, from its "
                        "extension: .jsonl, .json, .csv, or parquet for a folder); parquet writes one file per "
                        "record kind into the --out folder")
    p.add_argument("-k", "--kind", choices=KINDS,
                   help="only records of this kind (csv: one row per record; default for csv: documents)")
    p.add_argument("-o", "--out", type=Path, metavar="PATH",
                   help="write to PATH instead of standard output (a folder for --format parquet)")
    p.add_argument("--fail-on-error", action="store_true",
                   help="exit with status 1 when any file could not be parsed (they are reported either way)")
    p.add_argument("-r", "--recursive", action="store_true", help="look for documents in subdirectories too")
    p.add_argument("--no-ner", action="store_true", help="rules only, without the NER model (faster)")
    p.add_argument("--engine", default="spacy", choices=("spacy", "stanza"), help="NER engine (default: spacy)")
    p.add_argument("--model-path", type=Path, metavar="DIR",
                   help="the NER model: another spaCy pipeline directory, or for --engine stanza (where it is "
                        "required) a local Stanza resources directory with the Swedish models (default: the "
                        "shipped spaCy model, or $KDEXTRACT_MODEL)")
    p.add_argument("-j", "--n-process", type=_positive, default=1, metavar="N",
                   help="worker processes (default 1; -1 = one per CPU core)")
    p.add_argument("--batch-size", type=_positive, default=16, metavar="N", help=argparse.SUPPRESS)
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    p.add_argument("--document-date", type=_date, metavar="YYYY-MM-DD",
                   help="date to resolve relative dates against, when the document does not give its own")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="read scanned PDF pages with Tesseract: auto = the pages without a text layer (default), "
                        "always = every page, never = none (needs tesseract-ocr, tesseract-ocr-swe and "
                        'pip install "kdextract[ocr]")')
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


def _sources(paths: list[str | Path]) -> list[str | bytes | Path]:
    """The paths, with '-' as standard input's bytes: decoded as a file's are (BOM, UTF-8, UTF-16, Windows-1252)."""
    return [_stdin() if p == STDIN else p for p in paths]


def _stdin() -> str | bytes:
    stream = getattr(sys.stdin, "buffer", None)
    return stream.read() if stream is not None else sys.stdin.read()


def document_ids(named: Sequence[str]) -> Callable[[object], str | None]:
    """Document ids for the files found: the path below the directory named (unique also with
    --recursive, e.g. "2019/protokoll.pdf"), below the folder that holds them all where several are named
    ("y2019/protokoll.txt", "y2020/protokoll.txt"), the file name for a file named itself, None for '-'."""
    roots = [Path(name) for name in named if name != STDIN and Path(name).is_dir()]
    common = Path(os.path.commonpath([r.resolve() for r in roots])) if len(roots) > 1 else None
    prefixes = {root: root.resolve().relative_to(common) if common else Path() for root in roots}

    def doc_id(source: object) -> str | None:
        if not isinstance(source, Path):
            return None
        for root in roots:
            if source.is_relative_to(root):
                return (prefixes[root] / source.relative_to(root)).as_posix()
        return source.name

    return doc_id


# -- outputs ----------------------------------------------------------------------------------

def _format_for(args: argparse.Namespace, stream: IO[str]) -> str:
    if args.format:
        return str(args.format)
    if args.out is not None:
        if args.out.is_dir():
            return "parquet"
        suffixes = [s.lower() for s in args.out.suffixes]
        for suffix, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv")):
            if suffix in suffixes:
                return fmt
        return "table" if suffixes[-1:] in ([".txt"], [".md"]) else "json"
    try:
        return "table" if stream.isatty() else "json"
    except (AttributeError, ValueError):
        return "json"


def _write(fmt: str, docs: Iterable[Document], stream: IO[str], args: argparse.Namespace, single: bool) -> None:
    kind = args.kind
    if fmt == "json":
        write_json(docs, stream, kind, single)
    elif fmt == "jsonl":
        write_jsonl(docs, stream, kind)
    elif fmt == "csv":
        write_csv(docs, stream, kind or "documents")
    else:
        width = shutil.get_terminal_size((120, 24)).columns if args.out is None else 160
        write_table(docs, stream, kind, width)


# -- commands ---------------------------------------------------------------------------------

class _Failures:
    """Takes the ``ParseFailure`` results out of a stream of documents and reports them at the end."""

    def __init__(self) -> None:
        self.failed: list[ParseFailure] = []

    def watch(self, docs: Iterable[Document], keep: bool) -> Iterator[Document]:
        from kdextract.batch import ParseFailure

        for doc in docs:
            if isinstance(doc, ParseFailure):
                self.failed.append(doc)
                if not keep:
                    continue
            yield doc

    def report(self, stream: IO[str], total: int) -> None:
        if not self.failed:
            return
        stream.write(f"kdextract: {len(self.failed)} of {total} files could not be parsed:\n")
        for failure in self.failed[:MAX_LISTED_FAILURES]:
            stream.write(f"  {failure.source}: {failure.error}: {failure.message.splitlines()[0]}\n")
        if len(self.failed) > MAX_LISTED_FAILURES:
            stream.write(f"  ... and {len(self.failed) - MAX_LISTED_FAILURES} more\n")


def cmd_parse(args: argparse.Namespace) -> int:
    from kdextract.api import parse_many

    paths = expand_paths(args.paths, args.recursive)
    if paths.count(STDIN) > 1:
        raise UsageError("'-' (standard input) can be given only once")
    single = len(args.paths) == 1 and len(paths) == 1 and (paths[0] == STDIN or Path(args.paths[0]).is_file())
    from kdextract.readers.ocr_options import OcrOptions

    # pages done on a long scan when one document is parsed; the batch's own progress for many
    ocr = OcrOptions(mode=args.ocr, progress=False if args.no_progress or len(paths) > 1 else None)
    parse_kwargs: dict[str, Any] = {"ner": not args.no_ner, "engine": args.engine, "model_path": args.model_path,
                                    "ocr": ocr,
                                    "max_chars": args.max_chars, "max_pages": args.max_pages,
                                    "max_unpacked_mb": args.max_unpacked_mb}
    if args.document_date is not None:
        parse_kwargs["document_date"] = args.document_date
    fmt = _format_for(args, sys.stdout)
    if fmt == "parquet" and (args.out is None or args.out.suffix):
        raise UsageError("--format parquet writes one file per record kind: name a folder with --out, "
                         "e.g. --out records/")
    if not args.no_ner:  # an engine that cannot start is one error for the run, before any file is read
        from kdextract.nlp.engine import get_engine

        get_engine(args.engine, model_path=args.model_path)
    failures = _Failures()
    docs = failures.watch(
        parse_many(_sources(paths), n_process=args.n_process, batch_size=args.batch_size,
                   progress=False if args.no_progress else None, on_error="raise" if single else "record",
                   doc_id=document_ids(args.paths), **parse_kwargs),
        keep=fmt == "parquet")
    if fmt == "parquet":
        _write_parquet(docs, args.out, args.kind)
    elif args.out is None:
        _write(fmt, docs, sys.stdout, args, single)
    else:
        _write_file(fmt, docs, args, single)
    failures.report(sys.stderr, len(paths))
    return 1 if failures.failed and args.fail_on_error else 0


def _write_parquet(docs: Iterable[Document], folder: Path, kind: str | None) -> None:
    from kdextract.output.parquet import FAILURES, TABLES, write_parquet

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder for --out")
    write_parquet(docs, folder, kinds=(kind, FAILURES) if kind else TABLES)


def _write_file(fmt: str, docs: Iterable[Document], args: argparse.Namespace, single: bool) -> None:
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
