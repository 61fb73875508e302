"""Fuzzing: random and Swedish-shaped inputs through parse, find_dates and find_amounts.

Each input must give results whose offsets lie inside the text and quote it exactly, that survive
a JSON round trip, that come out the same twice, and no exception but a ``KdextractError``
(``kdextract.testing.fuzz`` holds the checks). The runs are bounded for CI; ``benchmarks/fuzz.py
--n 100000`` is the long run before a release.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kdextract.errors import InputError
from kdextract.parsers.amounts import find_amounts
from kdextract.parsers.dates import find_dates
from kdextract.testing.fuzz import AWKWARD, FRAGMENTS, check_all, check_finder, check_offsets, check_parse, fuzz_text

_awkward_char = st.one_of(*[st.integers(lo, hi).map(chr) for lo, hi, _ in AWKWARD])
random_texts = st.lists(_awkward_char, max_size=300).map("".join)
genre_texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), _awkward_char, st.integers(0, 10 ** 30).map(str)),
                       max_size=40).map(" ".join)
any_text = st.one_of(random_texts, genre_texts, st.integers(0, 2 ** 32).map(lambda seed: fuzz_text(random.Random(seed))))
BOUNDED = settings(max_examples=200, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(autouse=True, scope="module")
def _warm() -> None:
    """Resources load once, before the examples run."""
    check_all("Kommunstyrelsen beslutade den 3 maj 2024 att anslå 2,5 mnkr.")


@BOUNDED
@given(text=any_text)
def test_parse_keeps_its_promises(text: str) -> None:
    check_parse(text)


@BOUNDED
@given(text=any_text)
def test_find_dates_keeps_its_promises(text: str) -> None:
    check_finder("find_dates", find_dates, text)


@BOUNDED
@given(text=any_text)
def test_find_amounts_keeps_its_promises(text: str) -> None:
    check_finder("find_amounts", find_amounts, text)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_parse_with_ner_keeps_its_promises(text: str) -> None:
    check_parse(text, ner=True)


@given(data=st.binary(max_size=300))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_any_bytes_decode_or_raise_an_input_error(data: bytes) -> None:
    from kdextract.api import parse

    try:
        doc = parse(data, ner=False)
    except InputError:
        return
    doc.text.encode("utf-8")  # raises on a lone surrogate: decoded text never holds one
    check_offsets(doc.text, doc, "parse(bytes)")


@pytest.mark.parametrize("text", [
    "1" * 29 + " kr",  # decimal.InvalidOperation
    "9" * 40 + " miljarder kronor",
    "Beslut den 3 maj \ud800 2024",  # UnicodeEncodeError with NER, PydanticSerializationError without
    "\ufeff\u2028§ 1\u2029\x85Rubrik\x0b\x0c",
    "\u0663\u0660 \uff11\uff12 kr den \u0661 maj",
])
def test_inputs_that_used_to_escape_as_other_exceptions(text: str) -> None:
    check_all(text)


@pytest.mark.slow
def test_a_longer_seeded_fuzz_run() -> None:
    rnd = random.Random(2024)
    for _ in range(2_000):
        check_all(fuzz_text(rnd))
