#!/usr/bin/env python3
"""Scanned documents end to end: how close the OCR route comes to the text parse.

Our own documents (``tests/data/scans/*.txt``, a kommundirektörens rapport and a protokoll)
are printed to image-only PDFs at each resolution, clean and with each kind of scanner
damage (blur, skew, speckle, and all three), parsed with ``ocr="auto"`` and compared with
the parse of their text: per kind (amounts, dates, sections, people) how many records agree
(value, date, number and title, name), as F1, with the whole parse's seconds per page and
its ratio to the text parse measured in the same process. Needs Tesseract with its Swedish model, pypdfium2 and Pillow.

Usage (from the project root):
    PYTHONPATH=src python benchmarks/bench_scans.py [--dpi 150 300] [--noise none blur skew speckle all]
                                                     [--docs rapport protokoll] [--no-ner]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "scans"
NOISES = {"none": (), "blur": ("blur",), "skew": ("skew",), "speckle": ("speckle",),
          "all": ("blur", "skew", "speckle")}
KINDS = ("amounts", "dates", "sections", "people")


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    import kdextract
    from pypdf import PdfReader

    from kdextract.readers.ocr import tesseract_available
    from kdextract.readers.ocr_options import OcrOptions
    from kdextract.readers.pdf import read_pdf
    from kdextract.testing.scans import compare, plain_text, scan_pdf

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, nargs="+", default=[150, 300])
    parser.add_argument("--noise", nargs="+", choices=sorted(NOISES), default=list(NOISES))
    parser.add_argument("--docs", nargs="+", default=["rapport", "protokoll"])
    parser.add_argument("--no-ner", action="store_true", help="rules only (people then come from rules alone)")
    args = parser.parse_args()
    if not tesseract_available():
        print("tesseract with its Swedish model is not installed: apt-get install tesseract-ocr tesseract-ocr-swe")
        return 1
    ner = not args.no_ner
    header = f"{'document':10} {'dpi':>4} {'noise':8} {'pages':>5} " + " ".join(f"{k:>13}" for k in KINDS) + \
        f" {'amounts=':>8} {'s/page':>7} {'/text':>7}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory(prefix="kdextract-scans-") as tmp:
        for name in args.docs:
            marked = (DATA / f"{name}.txt").read_text(encoding="utf-8")
            text = plain_text(marked)
            kdextract.parse(text, ner=ner)  # the model loaded: time the text parse on its own
            t0 = time.perf_counter()
            reference = kdextract.parse(text, ner=ner)
            text_seconds = time.perf_counter() - t0
            for dpi in args.dpi:
                for noise in args.noise:
                    pdf = scan_pdf(marked, Path(tmp) / f"{name}-{dpi}-{noise}.pdf", dpi=dpi, noise=NOISES[noise],
                                   header="Strandviks kommun")
                    t0 = time.perf_counter()
                    scanned = kdextract.parse(pdf, ocr="auto", ner=ner)
                    seconds = time.perf_counter() - t0
                    pages = len(PdfReader(pdf).pages)
                    agreement = compare(reference, scanned)
                    cells = " ".join(f"{a.matched:>3}/{a.reference:<3} {a.f1:5.3f}" for a in agreement.values())
                    same = "yes" if agreement["amounts"].f1 == 1.0 else "NO"
                    print(f"{name:10} {dpi:>4} {noise:8} {pages:>5} {cells} {same:>8} {seconds / pages:7.2f} "
                          f"{seconds / text_seconds:6.0f}x", flush=True)
        pdf = scan_pdf((DATA / f"{args.docs[0]}.txt").read_text(encoding="utf-8"), Path(tmp) / "workers.pdf",
                       dpi=max(args.dpi), header="Strandviks kommun")
        pages = len(PdfReader(pdf).pages)
        timings = {}
        for workers in (1, None):
            t0 = time.perf_counter()
            read_pdf(pdf, ocr=OcrOptions(workers=workers, progress=False))
            timings[workers] = (time.perf_counter() - t0) / pages
        print(f"\nOCR of {args.docs[0]} at {max(args.dpi)} dpi: one page at a time {timings[1]:.2f} s/page, "
              f"pages in parallel ({os.cpu_count()} cores) {timings[None]:.2f} s/page ({timings[1] / timings[None]:.1f}x)")
    print("\ncells: records agreeing / records in the text parse, F1 (multisets of values)")
    print("amounts=: the same amounts (value and count) as the text parse; "
          "s/page: the whole parse (render, Tesseract, pipeline) per page; /text: its time over the text parse's")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
