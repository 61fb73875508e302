"""Decisions in every layout (tests/data/decisions_table.tsv), read by kdextract.parse."""

from __future__ import annotations

import pytest
from example_tables import table

import kdextract
from kdextract.text.fold import fold

ROWS = table("decisions_table.tsv", 5)


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
