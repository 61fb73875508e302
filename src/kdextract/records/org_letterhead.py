"""A board named bare in a letterhead: "Direktionen" or "Styrelsen" alone on a head line under the issuer's name, or
alone in a cell of such a line set in two columns ("PROTOKOLL      Direktionen"); an administration named by its
type word and its field ("Sektor samhällsbyggnad") there.

A kommunalförbund's or a company's minutes name their board only so ("ÖSTRA DALENS VATTENFÖRBUND" over
"Direktionen"): in the letterhead the definite head word is the board's name, where elsewhere it is a mere
reference to a board named otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.layout.columns import COLUMN_GAP
from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import key_of, org_rules
from kdextract.records.org_candidates import FULL_NAME, Cand

#: Non-blank lines at the top of a text read as its letterhead.
LETTERHEAD_LINES = 4

_LINE = compile_re(r"[^\n]+")


@lru_cache(maxsize=1)
def _boards() -> dict[str, str]:
    """The definite form of each standalone committee head ("Direktionen") -> its stem."""
    return {head.forms[1][:1].upper() + head.forms[1][1:]: head.stem for head in org_rules().body_heads
            if head.kind == "committee" and head.standalone and len(head.forms) == 4 and head.forms[1].endswith("en")}


@lru_cache(maxsize=1)
def _unit() -> regex.Pattern[str]:
    return compile_re(org_rules().letterhead_units)


def _board_cell(line: str) -> tuple[int, str] | None:
    """(offset, cell) of the first cell of a head line that is a bare definite board head, or None."""
    at = 0
    for gap in [*COLUMN_GAP.finditer(line), None]:
        cell = line[at:gap.start() if gap is not None else len(line)].strip()
        if cell in _boards():
            return line.index(cell, at), cell
        if gap is None:
            return None
        at = gap.end()
    return None


def find_letterhead_boards(text: str) -> Iterator[Cand]:
    """A bare definite board head that fills a cell of a letterhead line after the first, or a unit's type word
    and field that fills its first column."""
    seen = 0
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        seen += 1
        if seen > LETTERHEAD_LINES:
            return
        cell = COLUMN_GAP.split(line.group().strip())[0]
        stem = _boards().get(cell)
        if seen > 1 and stem is None and _unit().fullmatch(cell):
            start = line.start() + line.group().index(cell)
            yield Cand(start, start + len(cell), cell, kind="administration", key="unit:" + key_of(cell), form=cell,
                       full=FULL_NAME, rule="organisations/letterhead_unit", method="rule", score=0.8,
                       explanation=f"'{cell}' alone in the letterhead")
        if seen == 1 or (board := _board_cell(line.group())) is None:
            continue
        start, cell = line.start() + board[0], board[1]
        yield Cand(start, start + len(cell), cell, kind="committee", key="body:" + key_of(_boards()[cell]), form=cell,
                   full=FULL_NAME, rule="organisations/letterhead_board", method="rule", score=0.8,
                   explanation=f"'{cell}' alone in the letterhead")
