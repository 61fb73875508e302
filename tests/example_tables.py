"""The example tables under ``tests/data/*.tsv`` (price-parser style), read the same way for every table test.

A table is one row per example, cells separated by tabs; blank lines and lines starting with "#" are
comments (the header says which columns there are and where new rows go). The last column is an xfail
reason: a row with one is a known gap, marked ``xfail(strict=True)``. Characters that are hard to write
in a cell are written as markers (``MARKERS``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
MARKERS = {"<nl>": "\n", "<tab>": "\t", "<ff>": "\f", "<nbsp>": "\u00a0", "<nnbsp>": "\u202f",
           "<thin>": "\u2009"}


def unmark(text: str) -> str:
    """``text`` with every marker replaced by its character."""
    for marker, char in MARKERS.items():
        text = text.replace(marker, char)
    return text


def table(name: str, columns: int, row: Callable[..., Sequence[Any]] = lambda *cells: cells) -> list[Any]:
    """The rows of ``tests/data/<name>`` as pytest params with ids ``L<line number>``.

    A row has ``columns`` cells (missing ones are empty), the last its xfail reason; ``row`` turns the
    others, markers replaced, into the test's arguments.
    """
    params = []
    for n, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        *cells, xfail = (line.split("\t") + [""] * columns)[:columns]
        marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
        params.append(pytest.param(*row(*map(unmark, cells)), id=f"L{n}", marks=marks))
    return params
