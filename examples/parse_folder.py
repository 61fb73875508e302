"""Parse every document in a folder and save the results: JSONL of documents plus one CSV per record kind.

    python examples/parse_folder.py examples/docs --out results/ --n-process 2

writes ``results/documents.jsonl`` (every Document, reloadable with ``kdextract.output.jsonl.load_jsonl``)
and ``results/<kind>.csv`` for people, organisations, projects, dates, deadlines, amounts,
decisions and sections, then prints a one-line summary per document.

Files that cannot be parsed are listed at the end instead of stopping the run. The
``if __name__ == "__main__":`` guard is good practice: on macOS and Windows, worker processes
(``--n-process`` above 1) import this script again (on Linux they are forked and need no guard).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import kdextract
from kdextract.output.jsonl import save_jsonl
from kdextract.output.tables import columns, to_records

KINDS = ("documents", "sections", "people", "organisations", "projects", "dates", "deadlines", "amounts",
         "decisions")
SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--out", type=Path, default=Path("kdextract-results"))
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--no-ner", action="store_true")
    args = ap.parse_args(argv)

    files = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    if not files:
        print(f"no documents in {args.folder}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    results = list(kdextract.parse_many(files, n_process=args.n_process, ner=not args.no_ner, on_error="record"))
    seconds = time.perf_counter() - started
    failed = [r for r in results if isinstance(r, kdextract.ParseFailure)]
    docs = [r for r in results if not isinstance(r, kdextract.ParseFailure)]

    save_jsonl(docs, args.out / "documents.jsonl")
    for kind in KINDS:
        with open(args.out / f"{kind}.csv", "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns(kind))
            writer.writeheader()
            writer.writerows(to_records(docs, kind))

    for doc in docs:
        print(f"{doc.id:45} {doc.meta.kind:26} {doc.meta.date or '-':10}  {len(doc.people):3} people  "
              f"{len(doc.amounts):3} amounts  {len(doc.deadlines):3} deadlines")
    for failure in failed:
        print(f"could not parse {failure.source}: {failure.error}: {failure.message}", file=sys.stderr)
    print(f"{len(docs)} documents in {seconds:.1f} s -> {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
