"""Rule patterns rewritten for linear time match what they matched before (the old text is kept here only to
compare), and read an adversarial line in linear time."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from timing import growth

from kdextract.layout.rules import rules

#: sections.json v47's table_date_column, tried from each blank of a run (cubic on a long run without its date).
OLD_TABLE_DATE = regex.compile(r"(?:\t|[ ]{3,})[ \t]*(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:[ \t-]+\d{2,4})?)$",
                               regex.IGNORECASE)
_PIECES = [" ", " ", "   ", "\t", "1", "12", "/", "-", "2024-03-05", "Rubrik", "a", "(", "\n"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), st.integers(0, 60))
def test_the_table_date_column_finds_a_date_after_a_gap_where_it_did(line: str, pos: int) -> None:
    new = rules().table_date
    # layout.lines searches from a gap's first blank: the text before it ends in no blank
    pos = min(pos, len(line))
    if pos and line[pos - 1] in " \t":
        return
    assert (new.search(line, pos) is None) == (OLD_TABLE_DATE.search(line, pos) is None)


def test_the_table_date_column_reads_a_long_gap_in_linear_time() -> None:
    pattern = rules().table_date
    ratio = growth(lambda line: pattern.search(line, 1), lambda n: "x" + " " * n + "(1", 2_000, limit=2.5)
    assert ratio <= 2.5, f"{ratio:.2f}x the time for twice the gap"
