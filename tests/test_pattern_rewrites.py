"""Patterns and scans rewritten for linear time find what they found before (an old pattern is kept here only to
compare them), and read an adversarial line at once."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from timing import growth

from kdextract.layout.items import _grammar, head_at
from kdextract.layout.lettered import lettered_starts, opens_lettered_run
from kdextract.layout.rules import SectionRules, rules
from kdextract.parsers.dates.rules_numeric import _opens_dated_line
from kdextract.text.normalize import _SPACED_LINE

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


#: sections.json v47's page-counter furniture rule: runs of non-digits and digits, given back one at a time.
OLD_COUNTER_LINE = regex.compile(r"^(?:\S+\s+){0,7}(?:[^\s\d]*+\d++)+\s?\(\s?\d{1,3}\s?\)$", regex.IGNORECASE)
_COUNTER_PIECES = [" ", "1", "12", "(", ")", "a", "Sida", "PROTOKOLL", "1(2)", "(3)", "x1"]


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_COUNTER_PIECES), max_size=12).map("".join))
def test_the_page_counter_rule_matches_the_lines_it_matched(line: str) -> None:
    new = next(regex.compile(r.pattern, regex.IGNORECASE) for r in SectionRules.load().line_rules
               if r.category == "furniture" and r.pattern.startswith(r"^(?:\S+\s+){0,7}\S"))
    assert (new.match(line) is None) == (OLD_COUNTER_LINE.match(line) is None)


def test_the_furniture_rules_read_one_long_token_of_letters_and_digits_in_linear_time() -> None:
    furniture = rules().by_category["furniture"]
    ratio = growth(furniture, lambda n: "a1" * (n // 2), 16_000, limit=2.5)
    assert ratio <= 2.5, f"{ratio:.2f}x the time for twice the token"


_LETTER_PIECES = ["a) ", "b) ", "c) ", "a)", "A", "Bygglov", "x", " ", "\n", "1 ", "a) B", "b) B", "c) B"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_LETTER_PIECES), max_size=10).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_a_lettered_run_opens_where_the_first_of_all_runs_starts(text: str, pos: int, width: int) -> None:
    # layout.flat_heads listed every lettered run to the line's end for each bare number, to keep the first
    pos = min(pos, len(text))
    end = min(pos + width, len(text))
    assert opens_lettered_run(text, pos, end) == (lettered_starts(text, pos, end)[:1] == [pos])


_REF_PIECES = ["Sida 1 ", "Au 7 ", "Bun 3 ", "§ 4 ", "12 ", "Budget ", "ks 2 ", " ", "3. ", "Rubrik "]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_REF_PIECES), max_size=10).map("".join))
def test_the_heads_of_a_line_read_their_cross_references_once_as_each_alone(line: str) -> None:
    # layout.flat_heads shares the ends of the runs of references among a line's heads (items.head_at's refs)
    refs: dict[int, int] = {}
    for pos in range(len(line)):
        assert head_at(line, pos, len(line), False, refs) == head_at(line, pos, len(line))


#: layout.items' decimal item number before its parts were possessive (each part given back one at a time).
OLD_DECIMAL = regex.compile(r"(?P<n>\d{1,2})(?P<sub>(?:\.\d{1,2})+)\.?(?=[ \t])")


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["1", "12", "123", ".", ".1", " ", "\t", "a", "\n"]), max_size=10).map("".join),
       st.integers(0, 30))
def test_a_decimal_item_number_matches_as_it_did(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    new, old = _grammar().decimal.match(text, pos), OLD_DECIMAL.match(text, pos)
    assert (new and (new.span(), new.span("n"), new.span("sub"))) == (old and (old.span(), old.span("n"), old.span("sub")))


#: text.normalize's letter-spaced line before its runs were possessive.
OLD_SPACED_LINE = regex.compile(r"(?m)^[ \t]*(?:[\p{L}\d](?: [\p{L}\d]){2,})(?:[ ]{2,}[\p{L}\d](?: [\p{L}\d])*)*[ \t]*$")


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["a", "B", "1", "Ö", "ab", " ", "  ", "\t", "\n", "("]), max_size=16).map("".join))
def test_a_letter_spaced_line_is_found_where_it_was(text: str) -> None:
    assert [m.span() for m in _SPACED_LINE.finditer(text)] == [m.span() for m in OLD_SPACED_LINE.finditer(text)]
