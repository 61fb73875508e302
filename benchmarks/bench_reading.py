#!/usr/bin/env python3
"""How fast hostile inputs are refused: /dev/zero, a FIFO, a huge file, a PDF page bomb, a .docx zip bomb.

    python benchmarks/bench_reading.py

Each input goes to ``kdextract.parse`` with the default limits; the script prints the wall time
to the ``InputError`` and its message. Inputs that used to hang (``/dev/zero``, the FIFO) run
under an alarm of 60 s.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import kdextract
from kdextract.testing.adversarial import page_bomb_pdf, zip_bomb


def attempt(label: str, make: Callable[[Path], Path], folder: Path) -> None:
    path = make(folder)
    signal.alarm(60)
    t0 = time.perf_counter()
    try:
        kdextract.parse(path, ner=False)
        outcome = "parsed (not refused)"
    except kdextract.KdextractError as exc:
        outcome = f"{type(exc).__name__}: {exc}"
    except TimeoutError:
        outcome = "still running after 60 s"
    finally:
        signal.alarm(0)
    print(f"{label:<46}{time.perf_counter() - t0:7.3f} s  {outcome[:140]}")


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _sparse(folder: Path) -> Path:
    path = folder / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(1_000_000_000)
    return path


def _page_bomb(folder: Path) -> Path:
    path = folder / "bomb.pdf"
    path.write_bytes(page_bomb_pdf(100_000))
    return path


def _docx_bomb(folder: Path) -> Path:
    path = folder / "bomb.docx"
    zip_bomb(path, 400, {"word/document.xml": b"<w:document/>"})
    return path


def main() -> int:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError

    signal.signal(signal.SIGALRM, stop)
    kdextract.parse("Kommunstyrelsen beslutade.", ner=False)  # imports outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        attempt("/dev/zero", lambda _: Path("/dev/zero"), folder)
        attempt("a FIFO nobody writes to", _fifo, folder)
        attempt("a 1 GB (sparse) .txt file", _sparse, folder)
        pdf, docx = _page_bomb(folder), _docx_bomb(folder)
        attempt(f"a PDF listing a page 100,000 times ({pdf.stat().st_size // 1000} KB)", lambda _: pdf, folder)
        attempt(f"a .docx unpacking to 400 MB ({docx.stat().st_size // 1000} KB)", lambda _: docx, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
