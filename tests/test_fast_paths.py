"""Shortcuts taken for speed give what the plain operation gives."""

from __future__ import annotations

import random

import pytest
import regex

from kdextract.layout.columns import COLUMN_GAP, has_column_gap
from kdextract.layout.form import _ITEM_MARK
from kdextract.layout.paragraph_leads import _BARE_TITLE, _bare_title
from kdextract.records.deadlines import FORM_GAP, _cues, _form_label
from kdextract.records.name_utils import role_base
from kdextract.records.org_adjectives import _ADJECTIVE_BEFORE
from kdextract.records.org_associations import _definite_compound_re, find_definite_compounds
from kdextract.records.person_roles import _COPULA_BEFORE, _FRONTED_BEFORE, role_before
from kdextract.records.project_rules import intro_matches
from kdextract.records.project_rules import rules as project_rules
from kdextract.text.fold import _FOLDS, fold
from kdextract.text.ocr_letters import _AS_LETTERS, _LETTERS_AND_DIGITS, digits_read_as_letters
from kdextract.text.word_starts import lower_comparable

#: Characters whose folds differ in kind: ASCII, Swedish letters, dashes and quotes, marks that fold to themselves,
#: letters whose fold is outside ASCII or whose lower case changes the length, a lone surrogate.
_ALPHABET = "aBz Q\t\nÅåÄöÉü–—’”•§ΣσςİıẞßØæ\u00a0ℍǅﬀ1ž\ud800😀"


def _strings(seed: int, n: int = 3000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


@pytest.mark.parametrize("text", ["Kommunstyrelsen BESLUTAR – klart", "Åsa Ørsted • § 12", "ΣΟΦΙΑ Σ",
                                  "İstanbul", "ℍotell ”Ängen” — 2026", "plain ascii"])
def test_fold_is_each_character_folded(text: str) -> None:
    assert fold(text) == text.translate(_FOLDS)


def test_fold_of_mixed_strings() -> None:
    for text in _strings(7):
        assert fold(text) == text.translate(_FOLDS), repr(text)


def _read_plainly(line: str) -> str:
    return _LETTERS_AND_DIGITS.sub(lambda m: m.group().translate(_AS_LETTERS), line)


@pytest.mark.parametrize("line", ["Förslag ti11 beslut", "F0rslag till beslut", "Beslut 2026-05-14 § 12",
                                  "KS 2019/0417", "10a", "a1", "Ärende 1O", "Budget 2O27"])
def test_digits_read_as_letters_as_the_word_pattern_reads_them(line: str) -> None:
    assert digits_read_as_letters(line) == _read_plainly(line)


def test_digits_read_as_letters_of_mixed_strings() -> None:
    rnd = random.Random(11)
    alphabet = "ab1 0 2Åä²Ωl-.ǅ٣o"
    for _ in range(5000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert digits_read_as_letters(line) == _read_plainly(line), repr(line)


_LABELLED = ("Protokollet anslås. Anslaget tas ned 2025-03-01 och nästa sammanträde\näger rum 12 maj. "
             "Justering: måndag 3 mars. ÖVERKLAGANDETIDEN GÅR UT 2025-01-01. Sista dag för överklagande "
             "4 april, senast 2/5. "
             "Svarsdatum\n  9 juni. Vi har ſista svarsdag 3 juli och nasta mote 8 augusti.")


@pytest.mark.parametrize("text", [_LABELLED, _LABELLED.replace("ſ", "s"), _LABELLED.upper()])
def test_form_labels_looked_for_where_a_label_word_stands(text: str) -> None:
    cues = _cues()
    low = lower_comparable(text)
    found = 0
    for pos in range(len(text) + 1):
        plain = cues.form.search(text, max(0, pos - FORM_GAP - 60), pos)
        quick = _form_label(text, low, cues, pos)
        assert (plain and (plain.span(), plain.lastgroup)) == (quick and (quick.span(), quick.lastgroup)), pos
        found += plain is not None
    assert found >= 5


@pytest.mark.parametrize("text", ["Inom projektet Grön skolgård och IT-satsningen Digital vardag, "
                                  "samverkansprojektet Unga vuxna och kulturprogrammet Sommarljus.",
                                  "Kommunstyrelsen beslutar att godkänna budgeten.", "projekt- och program-"])
def test_project_intros_as_both_full_scans(text: str) -> None:
    r = project_rules()
    folded = fold(text)
    expected = sorted([*r.intro.finditer(folded), *r.typed_intro.finditer(folded)], key=lambda m: m.start())
    assert [m.span() for m in intro_matches(r, folded)] == [m.span() for m in expected]


@pytest.mark.parametrize("before", ["Ny ekonomichef blir ", "Projektledare är\t", "Projektledare var", "Som ny miljöchef "
                                    "börjar ", "Vårt ansvar ", "Ordförande är  ", "tillförordnad kanslichef var "])
def test_role_before_a_name_as_both_shapes_searched(before: str) -> None:
    text = before + "Eva Ek"
    expected = next(((base, 2) for shape in (_COPULA_BEFORE, _FRONTED_BEFORE)
                     if (c := shape.search(before)) is not None and (base := role_base(c.group("role"))) is not None),
                    None)
    got = role_before(text, len(before))
    assert (got if got[1] == 2 else None) == expected


def test_column_gap_looked_up_as_the_pattern_finds_it() -> None:
    rnd = random.Random(13)
    for _ in range(3000):
        text = "".join(rnd.choice(["a", "Ö", " ", " ", "\t", "\n", "  ", "   ", "1"]) for _ in range(rnd.randint(0, 12)))
        start, end = sorted(rnd.randint(0, len(text)) for _ in range(2))
        for window in ((start, end), (start, None), (0, None)):
            assert has_column_gap(text, *window) == (COLUMN_GAP.search(text, *window) is not None), (text, window)


def test_bare_title_tried_where_its_line_can_be_one() -> None:
    rnd = random.Random(17)
    pieces = ["\n", "\n\n", " ", "\t", "Delegationsbeslut", "Ärende", "a", "b)", "1", ".", ":", "?", "!", ",",
              "x" * 30, "Y" * 50, "\r", "é", "É", "(", ")"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        pos = rnd.randint(0, len(text))
        plain, quick = _BARE_TITLE.match(text, pos), _bare_title(text, pos)
        assert (plain and plain.span()) == (quick and quick.span()), (text, pos)


@pytest.mark.parametrize(("reverse", "pieces"), [
    (_ADJECTIVE_BEFORE, ["regionala", "Den", "den", " ", "  ", "\t", "-", "ab", "abc", "Å", "\n", "tekniska", ","]),
    (_ITEM_MARK, ["§", " ", "  ", "\t", "\n", "KS", "Punkt", "ÄRENDE", "12", "1234", ".", ":", "Justering"]),
])
def test_backward_searches_find_what_forward_ones_find(reverse: regex.Pattern[str], pieces: list[str]) -> None:
    forward = regex.compile(reverse.pattern.removeprefix("(?r)"))
    rnd = random.Random(19)
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        start, end = sorted(rnd.randint(0, len(text)) for _ in range(2))
        a, b = forward.search(text, start, end), reverse.search(text, start, end)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, start, end)


@pytest.mark.parametrize("text", ["Kommunförbundet och Linnéuniversitetets rektor", "FÖRBUNDET Förbund Universitet",
                                  "Högskolans lokaler", "Ekby högskola", "Idrottsförbundets årsmöte"])
def test_definite_compounds_skipped_only_where_no_match_could_end(text: str) -> None:
    spans = [(c.start, c.end) for c in find_definite_compounds(text)]
    found = [m.span() for m in _definite_compound_re().finditer(text)]
    assert all(span in found for span in spans)
    if found:
        assert spans, text
