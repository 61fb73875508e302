"""Patterns rewritten for linear time match where they matched before (the old text is kept here only to
compare them), and read an adversarial line at once."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from kdextract.layout.rules import rules
from kdextract.parsers.dates.rules_numeric import _opens_dated_line

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


def test_the_table_date_column_reads_a_long_gap_before_no_date_at_once() -> None:
    # the old pattern took 0.8 s for 1,000 blanks, and the cube of the gap's length (it raises TimeoutError)
    assert rules().table_date.search("Rubrik" + " " * 100_000 + "(1", 6, timeout=1.0) is None


_LEAD_PIECES = [" ", "\t", "\n", "-", "–", "•", "*", "a", "1", "2/12", " Möte"]
#: parsers.dates.rules_numeric's line lead before it was matched backwards: read from the line's start.
OLD_LINE_LEAD = regex.compile(r"[ \t]*(?:[-–•*][ \t]+)?")


def _old_opens_dated_line(text: str, start: int, end: int) -> bool:
    return bool(OLD_LINE_LEAD.fullmatch(text, text.rfind("\n", 0, start) + 1, start)) and bool(
        regex.match(r"[ \t]+\p{Lu}", text[end:]))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=12).map("".join), st.integers(0, 40), st.integers(0, 8))
def test_a_date_opens_its_line_where_it_did(text: str, start: int, width: int) -> None:
    start = min(start, len(text))
    end = min(start + width, len(text))
    assert _opens_dated_line(text, start, end) == _old_opens_dated_line(text, start, end)
