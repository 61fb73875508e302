"""Linear time on every input: doubling an adversarial input at most ~2.5x's the time it takes.

Times are CPU times (other processes count less than in wall time), the best of a few runs, a ratio
over the limit measured again (``tests/timing.py``); only their ratio is asserted, over two
doublings (4x the text, at most 2.5² = 6.25x the time) for a margin against timing noise. Linear work gives about 4x (less, with fixed costs); the rescans and
backtracking this guards against gave 10x to 16x. The shapes are ``kdextract.testing.adversarial.SHAPES``;
each once took the square of its length somewhere (the function is named in ``LARGER`` or in the
commit that made it linear).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timing import growth

import kdextract
from kdextract.layout.sections import segment
from kdextract.parsers.amounts import find_amounts
from kdextract.parsers.dates import find_dates
from kdextract.parsers.dates.event_relative import find_event_relative
from kdextract.readers.source import read_source
from kdextract.testing.adversarial import SHAPES
from kdextract.text.lexicon import Lexicon, load_lexicon
from kdextract.text.normalize import normalize
from kdextract.text.ocr import repair
from kdextract.text.sentences import sentence_spans

RATIO = 2.5
SIZE = 4_000


#: Shapes measured from a larger size, where a rescan's growth shows over the fixed costs (each was
#: super-linear: records.amounts._what re-read the table, one sentence, up to each amount;
#: records.deadlines scanned each date's sentence for cues and records.dates each date's line;
#: records.org_names read an attendance line up to each party's abbreviation; layout.page_counters followed
#: every pair of small numbers of a flattened line to the line's end; records.decision_blocks sought a heading's trailing punctuation from each blank of a run;
#: records.deadline_items read a line's dates for each date of it; parsers.dates.same_year copied the dates
#: before each date; records.meta's kind cues read a blank run from each of its lines;
#: layout.memo.lift_flat_outline sought each section's children in all sections; records.org_bodies tried an
#: owner's genitive at each start through the rest of a text without the pattern's required letters; the
#: furniture line rules' alternation gave a long token of letters and digits back one run at a time;
#: layout.flat_heads listed a line's lettered runs to its end for each bare number; layout.items' decimal
#: item number and text.normalize's letter-spaced line gave a long token's parts back one at a time;
#: records.decisions read a sentence of cues from its start for each cue; records.projects listed all of a
#: project's names for each "projektet" after them; records.person_run_ons compared each name with a common word run on
#: with every name of the document; records.clauses.sentence_span read every line break of a sentence for each cue;
#: records.person_rules matched a party's bracket after blanks, which ``regex`` sought through the rest of the text
#: first; records.deadline_context read a whole run of list points for each point; records.decision_spans read a
#: sentence of decisions from its start for each cue's noun phrase, records.subjects (then in records.clauses) each
#: subject's clause breaks and mentions, records.decision_details each decision's next sentence for a reservation).
LARGER = {"budget_table": 16_000, "dates_in_one_sentence": 16_000, "attendance": 16_000,
          "page_numbers_in_prose": 16_000, "name_then_a_run_of_blanks": 4_000,
          "numeric_days_on_one_line": 40_000, "running_header_pages": 4_000,
          "bulleted_topics": 32_000, "deadline_dates_on_one_line": 16_000,
          "numbered_points_in_one_paragraph": 64_000, "letters_and_digits": 16_000,
          "digit_groups": 64_000, "decimal_parts": 16_000, "spaced_letters_then_a_bracket": 16_000,
          "decision_cues_in_one_sentence": 16_000, "past_decisions_in_one_sentence": 16_000,
          "project_anaphora_after_its_name": 32_000, "names_run_on_a_common_word": 64_000,
          "given_names_before_two_capitals": 64_000, "dated_points_under_a_lead_in": 8_000,
          "decision_lines_without_sentence_ends": 32_000, "decision_clauses_in_one_sentence": 16_000}
#: Linear here, but slow enough per character to take several seconds.
HEAVY = {"names_in_one_sentence", "names_one_per_line"}


def _parse(text: str) -> object:
    return kdextract.parse(text, ner=False)


def _shape_params() -> list[object]:
    return [pytest.param(name, LARGER.get(name, SIZE), id=name,
                         marks=[pytest.mark.slow] if name in HEAVY or name in LARGER else [])
            for name in SHAPES]


@pytest.mark.parametrize(("shape", "size"), _shape_params())
def test_doubling_a_shape_at_most_doubles_the_parse_time(shape: str, size: int) -> None:
    ratio = growth(_parse, SHAPES[shape], size, limit=RATIO)
    assert ratio <= RATIO, f"{shape}: {ratio:.2f}x the time for twice the text"


def _front(text: str) -> object:
    """Everything ``parse`` does before the record builders, and the public finders."""
    view = repair(normalize(read_source(text).text), force=True)
    return segment(view), sentence_spans(view.text), find_dates(view.text), find_amounts(view.text)


#: Pieces a repeated unit is made of: Swedish letters, digits, the punctuation and layout of the genre.
_ALPHABET = list("aeiouåäöAÖEKSnrstl019 ,.:;-–()§•\t\n'\"/{#") + ["kr", "den ", "maj ", "2024", "§ 4", "mnkr", "Anna "]


@pytest.mark.slow
@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=8).map("".join))
def test_any_repeated_unit_reads_in_linear_time_before_the_builders(unit: str) -> None:
    def make(n: int) -> str:
        return unit * max(1, n // len(unit))

    ratio = growth(_front, make, 20_000, limit=RATIO)
    assert ratio <= RATIO, f"{unit!r} repeated: {ratio:.2f}x the time for twice the text"


def test_the_ocr_token_pattern_no_longer_backtracks() -> None:
    # 10,000 x "1" took 17.6 s, four times as long per doubling, in text/ocr_repair.TOKEN
    ratio = growth(lambda text: repair(normalize(text), force=True), SHAPES["digit_run"], 10_000, limit=RATIO)
    assert ratio <= RATIO


@pytest.mark.slow
def test_a_long_run_of_letters_is_no_compound_in_linear_time() -> None:
    """``Lexicon._split`` cut a long word at each of its positions (a word of 160,000 letters before a deadline's
    cue, or with a lost "ö" in it, took 2 s). Timed uncached: ``parse`` keeps each word's answer, so a shape's
    repeated runs would hide it."""
    lex = load_lexicon()
    ratio = growth(lambda word: Lexicon._split(lex, word), lambda n: "a" * n, 20_000, limit=RATIO)
    assert ratio <= RATIO, f"a run of letters: {ratio:.2f}x the time for twice the text"


#: Units whose repeats, before a meeting's noun, make ``find_event_relative`` try a count, a unit or a weekday at
#: every word: runs of digits, of count words, of blanks after a count, of weekdays and of the preposition.
_EVENT_UNITS = ["1", "1,1,", "en ", "en      ", "en vecka ", "måndagen ", "före mötet ", "två dagar före\n"]


@pytest.mark.parametrize("unit", _EVENT_UNITS)
def test_days_counted_from_a_meeting_are_found_in_linear_time(unit: str) -> None:
    def make(n: int) -> str:
        return unit * max(1, n // len(unit)) + " mötet"

    ratio = growth(find_event_relative, make, 40_000, limit=RATIO)
    assert ratio <= RATIO, f"{unit!r} repeated: {ratio:.2f}x the time for twice the text"


#: Deadlines whose ``what`` skips other dates' words and stops at the next date (records.deadline_scans.what):
#: coordinated due clauses, a due cue after a long list of dates in its clause, and a decision's "att"-points.
_WHAT_UNITS = ["och senast den 3 maj ska nämnden yttra sig ", "den 3 maj 2020, ", "att yttra sig senast den 3 maj,\n"]


@pytest.mark.parametrize("unit", _WHAT_UNITS)
def test_what_of_a_deadline_among_many_dates_reads_in_linear_time(unit: str) -> None:
    def make(n: int) -> str:
        return "Tjänsteskrivelse\n2020-01-10\n\n" + unit * max(1, n // len(unit)) + "ska lämnas senast den 1 juni.\n"

    ratio = growth(_parse, make, 8_000, limit=RATIO)
    assert ratio <= RATIO, f"{unit!r} repeated: {ratio:.2f}x the time for twice the text"


def test_a_long_run_of_digit_groups_before_a_unit_reads_in_linear_time() -> None:
    """``parsers.numbers`` read a run of thousands groups too long for a number as a number and a "scale" (its
    last group, a word of digits), recursing once per group (1,000 groups before "kr" raised RecursionError). Where
    the run made no number before the unit, the suffix pattern was tried from each group and read the run to its
    end (10 s for 1,000 groups)."""
    for end in ("100 kr", "250\n000 kr", "10 kr", "00 kr"):  # the last group wrapped, a shorter one, no number
        ratio = growth(find_amounts, lambda n: "100 " * max(1, n // 4) + end, 16_000, limit=RATIO)
        assert ratio <= RATIO, f"digit groups before {end!r}: {ratio:.2f}x the time for twice the text"
