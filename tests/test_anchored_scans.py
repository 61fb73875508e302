"""The pre-checks before big alternations find what the patterns' own finditer finds, on any text:
``Beginnings`` (a name's beginning), the municipalities' full forms (a name before " kommun") and
the bodies' names (the words before a head such as "…nämnden")."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from kdextract.layout.form import _compiled
from kdextract.records.name_utils import ocr_beginning, ocr_pattern, org_rules
from kdextract.records.org_bodies import _body_regex, _head_windows
from kdextract.records.org_places import (
    _full_form_matches,
    _gazetteer_beginnings,
    _gazetteer_regex,
    municipality_regexes,
)
from kdextract.text.word_starts import Beginnings, matches_at

LEAD = r"(?<![\p{L}\p{N}])"
WORDS = ["Ekby kommun", "Älvdalens skola", "Tid", "Åsnes vård", "Sjöstaden", "Kust-Ekby", "Öbo"]
PATTERN = regex.compile(LEAD + "(?:" + "|".join(ocr_pattern(w) for w in WORDS) + r")(?![\p{L}\p{N}])", regex.I)
STARTS = Beginnings((ocr_beginning(w) for w in WORDS), lead=LEAD)
#: Pieces of the words in other cases and OCR readings, blanks, dashes and letters whose case
#: str.lower cannot tell ("ſ" is an "s" to the regex engine, "K" the Kelvin sign a "k").
PIECES = [*WORDS, *(w.upper() for w in WORDS), *(w.lower() for w in WORDS), "ekby", "alvdalens", "sjostaden",
          "Obo", "0bo", " ", "\t", "\n", "-", "\u2013", "s", "ſ", "\u212a", "İ", "ı", "x", "1", ",", "ö", "Ö"]
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_same_matches_as_finditer(text: str) -> None:
    assert [m.span() for m in STARTS.finditer(PATTERN, text)] == [m.span() for m in PATTERN.finditer(text)]


def test_odd_case_letters_still_match() -> None:
    text = "Ekby \u212aommun och ſjöstaden"  # the Kelvin sign and a long s read as k and s
    assert [m.group() for m in STARTS.finditer(PATTERN, text)] == ["Ekby \u212aommun", "ſjöstaden"]


@SETTINGS
@given(st.text(alphabet="aeiklmnorstuvådgöäKRLTSÖ -\t\nſ\u212a", max_size=60))
def test_listed_names_and_form_labels(text: str) -> None:
    ci = _gazetteer_regex()[0]
    labels = _compiled()
    assert [m.span() for m in _gazetteer_beginnings().finditer(ci, text)] == [m.span() for m in ci.finditer(text)]
    assert [m.span() for m in labels.label_starts.finditer(labels.label, text)] == \
        [m.span() for m in labels.label.finditer(text)]


def test_beginnings_must_be_known() -> None:
    with pytest.raises(ValueError, match="first character"):
        Beginnings([[]])


@SETTINGS
@given(st.lists(st.sampled_from(["Ekby", "Kalix", "Upplands Väsby", "Malung-Sälen", "Håbo", "Habo", "KALIX", "s", " ",
                                 "  ", "\t", "\n", "kommun", "Kommuns", "STAD", "stad", "kommunens", "ſtad", "-", "x"]),
                max_size=25).map("".join))
def test_municipality_full_forms(text: str) -> None:
    full = municipality_regexes()[0]
    assert [m.span() for m in _full_form_matches(full, text)] == [m.span() for m in full.finditer(text)]


HEAD_FORMS = [f for h in org_rules().body_heads for f in h.forms]


@SETTINGS
@given(st.lists(st.sampled_from([*HEAD_FORMS, *(f.upper() for f in HEAD_FORMS), "n4mnden", "styrelsen", "Social",
                                 "kultur-", " och ", "samt ", "& ", ", ", " ", "\t", "\n", "-", "ſ", "\u212a", "İ",
                                 "om", "x", "1", "."]),
                max_size=20).map("".join))
def test_body_names_before_heads(text: str) -> None:
    body = _body_regex()
    starts = _head_windows().starts(text)
    found = body.finditer(text) if starts is None else matches_at(body, text, starts)
    assert [m.span() for m in found] == [m.span() for m in body.finditer(text)]
