"""Decisions in every layout (tests/data/decisions_table.tsv), read by kdextract.parse."""

from __future__ import annotations

from pathlib import Path

import pytest

import kdextract
from kdextract.text.fold import fold

TABLE = Path(__file__).parent / "data" / "decisions_table.tsv"


def _rows() -> list:
    params = []
    for n, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, expected, votes, who, xfail = (line.split("\t") + [""] * 5)[:5]
        marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
        params.append(pytest.param(text.replace("<nl>", "\n"), expected, votes, who, id=f"L{n}", marks=marks))
    return params


ROWS = _rows()


def test_table_covers_layouts_and_look_alikes() -> None:
    assert len(ROWS) >= 20
    assert sum(1 for p in ROWS if p.values[1] == "-") >= 4


@pytest.mark.parametrize("text, expected, votes, who", ROWS)
def test_decision_table(text: str, expected: str, votes: str, who: str) -> None:
    decisions = kdextract.parse(text).decisions
    if expected == "-":
        assert decisions == []
        return
    wanted = [part.strip().split("/", 2) for part in expected.split(" ; ")]
    assert len(decisions) == len(wanted)
    for d, (kind, outcome, words) in zip(decisions, wanted):
        assert d.kind == kind
        assert outcome == "*" or d.outcome == outcome
        assert fold(words) in fold(d.text)
        assert text[d.start:d.end] == d.text and d.source.explanation
    if votes:
        yes, no, abstained = (int(v) if v else None for v in votes.split("/"))
        assert decisions[0].votes is not None
        assert (decisions[0].votes.yes, decisions[0].votes.no, decisions[0].votes.abstained) == (yes, no, abstained)
    if who:
        assert [w for r in decisions[0].reservations for w in r.who] == who.split("|")
