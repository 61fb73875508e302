"""The pre-checks before big alternations find what the patterns' own finditer finds, on any text:
``Beginnings`` (a name's beginning, in any case or as written) and ``Alternatives`` (tried there with
the names that begin so: the municipalities' full forms and bare names, the listed names), the
bodies' and owners' names (the words before a head such as "…nämnden"), a board's units (an owner
that ends in a board's genitive), the role words before a name (searched from the last two words)
and the names before a company form, a club's abbreviation, an English head or an office's head
after an adjective (read back from those)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from kdextract.layout.form import _compiled
from kdextract.parsers.amounts import _data, _number_starts
from kdextract.records.name_utils import ocr_beginning, ocr_pattern, org_rules
from kdextract.records.org_adjectives import _WORD_AND_BLANKS, _WORD_START, _adjective_body_re, _adjective_heads
from kdextract.records.org_bodies import (
    _bare_head,
    _before_heads,
    _body_regex,
    _head_windows,
    _heads,
    _named_for,
    _owner_regex,
    _owners,
    _which_head,
    board_genitives,
)
from kdextract.records.org_units import _BOARD_UNIT, _board_units, _unit_for
from kdextract.records.org_companies import (
    _CAPITAL,
    _CLUB_BACK,
    _COMPANY_NAME_BACK,
    _COMPANY_NAME_START,
    _company_anchors,
    _company_res,
)
from kdextract.records.org_names import (
    _ENGLISH_NAME_BACK,
    _ENGLISH_NAME_START,
    _english_heads,
    _english_re,
    _head_then_name,
    _type_word,
)
from kdextract.records.org_places import _gazetteer_alternatives, _municipality_alternatives, bare_municipalities
from kdextract.records.person_roles import _ROLE_BEFORE, _role_words_at_end
from kdextract.text.fold import fold_key
from kdextract.text.word_starts import (
    OTHER_CASED,
    WB_L,
    WB_R,
    Alternatives,
    Beginnings,
    matches_at,
    other_cased,
    starts_before,
)

LEAD = r"(?<![\p{L}\p{N}])"
WORDS = ["Ekby kommun", "Älvdalens skola", "Tid", "Åsnes vård", "Sjöstaden", "Kust-Ekby", "Öbo"]
PATTERN = regex.compile(LEAD + "(?:" + "|".join(ocr_pattern(w) for w in WORDS) + r")(?![\p{L}\p{N}])", regex.I)
STARTS = Beginnings((ocr_beginning(w) for w in WORDS), lead=LEAD)
#: Pieces of the words in other cases and OCR readings, blanks, dashes and letters whose case
#: str.lower cannot tell ("ſ" is an "s" to the regex engine, "K" the Kelvin sign a "k").
PIECES = [*WORDS, *(w.upper() for w in WORDS), *(w.lower() for w in WORDS), "ekby", "alvdalens", "sjostaden",
          "Obo", "0bo", " ", "\t", "\n", "-", "\u2013", "s", "ſ", "\u212a", "İ", "ı", "x", "1", ",", "ö", "Ö"]
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)


def _found(matches: Iterable[regex.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    """The matches' spans and groups (a pattern tried with some of its alternatives gives the same)."""
    return [(m.span(), m.groupdict()) for m in matches]


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_same_matches_as_finditer(text: str) -> None:
    assert [m.span() for m in STARTS.finditer(PATTERN, text)] == [m.span() for m in PATTERN.finditer(text)]


#: Names that share beginnings, in an order that matters (the pattern takes the first that fits).
NAMES = ["Ekby kommun", "Ekby", "Ekbyn", "Älvdalens skola", "Älvdalen", "Tid", "Sjöstaden", "Sjö", "Öbo", "Öbolandet",
         "Eda", "Sala", "Örebro"]  # (first letters shared, the second not: each pair tries its own names)
ALTERNATIVES = Alternatives(WB_L, "name", [(ocr_pattern(w), ocr_beginning(w)) for w in NAMES], r"(?P<s>s)?" + WB_R,
                            regex.I)
AS_WRITTEN = Alternatives(WB_L, "name", [(ocr_pattern(w, first_exact=True), ocr_beginning(w, first_exact=True))
                                         for w in NAMES], r"(?P<s>s)?" + WB_R)


@SETTINGS
@given(st.lists(st.sampled_from([*PIECES, *NAMES, "kommuns", "Obolandet", "SJÖ", "sjostaden"]), max_size=20)
       .map("".join))
def test_alternatives_tried_by_their_first_two_letters(text: str) -> None:
    for alternatives in (ALTERNATIVES, AS_WRITTEN):
        assert _found(alternatives.finditer(text)) == _found(alternatives.pattern.finditer(text))


def test_odd_case_letters_still_match() -> None:
    text = "Ekby \u212aommun och ſjöstaden"  # the Kelvin sign and a long s read as k and s
    assert [m.group() for m in STARTS.finditer(PATTERN, text)] == ["Ekby \u212aommun", "ſjöstaden"]


@SETTINGS
@given(st.text(alphabet="aeiklmnorstuvådgöäKRLTSÖ -\t\nſ\u212a", max_size=60))
def test_listed_names_and_form_labels(text: str) -> None:
    listed = _gazetteer_alternatives()[0]
    labels = _compiled()
    assert _found(listed.finditer(text)) == _found(listed.pattern.finditer(text))
    assert [m.span() for m in labels.label_starts.finditer(labels.label, text)] == \
        [m.span() for m in labels.label.finditer(text)]


def test_beginnings_must_be_known() -> None:
    with pytest.raises(ValueError, match="first character"):
        Beginnings([[]])
    with pytest.raises(ValueError, match="WB_L"):
        Beginnings([["a"]], lead=r"(?<!-)")


CASED = regex.compile(WB_L + "(?:" + "|".join(ocr_pattern(w, first_exact=True) for w in WORDS) + ")" + WB_R)
CASED_STARTS = Beginnings((ocr_beginning(w, first_exact=True) for w in WORDS), case_sensitive=True)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_same_matches_as_written(text: str) -> None:
    assert [m.span() for m in CASED_STARTS.finditer(CASED, text)] == [m.span() for m in CASED.finditer(text)]


@SETTINGS
@given(st.lists(st.sampled_from(["Ekby", "Kalix", "Håbo", "Habo", "KALIX", "kalix", "Mora", "Vara", "Ale", "SKL",
                                 "SKR", "Kommunal", "s", ":s", " ", "\t", "\n", "-", "/", "–", "x", "1", " 2",
                                 "ſ", "K", "Region Dalarna", "Försäkringskassan"]),
                max_size=25).map("".join))
def test_bare_municipalities_and_listed_short_forms(text: str) -> None:
    bare = _municipality_alternatives()[1]
    listed = _gazetteer_alternatives()[1]
    assert _found(bare_municipalities(text)) == _found(bare.pattern.finditer(text))
    assert _found(listed.finditer(text)) == _found(listed.pattern.finditer(text))


@SETTINGS
@given(st.lists(st.sampled_from(["Ekby", "Kalix", "Upplands Väsby", "Malung-Sälen", "Håbo", "Habo", "KALIX", "s", " ",
                                 "  ", "\t", "\n", "kommun", "Kommuns", "STAD", "stad", "kommunens", "ſtad", "-", "x"]),
                max_size=25).map("".join))
def test_municipality_full_forms(text: str) -> None:
    full = _municipality_alternatives()[0]
    assert _found(full.finditer(text)) == _found(full.pattern.finditer(text))


HEAD_FORMS = [f for h in org_rules().body_heads for f in h.forms]


@SETTINGS
@given(st.lists(st.sampled_from([*HEAD_FORMS, *(f.upper() for f in HEAD_FORMS), "n4mnden", "styrelsen", "Social",
                                 "kultur-", "kultur- & ", " och ", "samt ", "& ", ", ", " ", "\t", "\n", "-", "ſ", "\u212a", "İ",
                                 "om", "x", "1", "."]),
                max_size=20).map("".join))
def test_body_names_before_heads(text: str) -> None:
    body = _body_regex()
    starts = _head_windows().starts(text)
    found = body.finditer(text) if starts is None else matches_at(body, text, starts)
    assert [m.span() for m in found] == [m.span() for m in body.finditer(text)]


#: A name before a head: an owner, coordinated words and a compound's first part, each may be missing.
NAME_BEFORE_HEAD = st.tuples(
    st.sampled_from(["", "Dalarnas ", "Dalakommunernas ", "Norra kommunernas ", "Åres ", "x ", "Eks-Dalarnas ",
                     "ek-Dalarnas ", "1-Dalarnas ", "ª-Dalarnas ", "x-Ås ", "Kommunstyrelsens-kommunstyrelsens ", "s-"]),
    st.sampled_from(["", "kultur- och ", "bygg & ", "kultur- & ", "kultur-, fritids- och "]),
    st.sampled_from(["", "Social", "plan", "n", "1"]),
    st.sampled_from(["nämnden", "NÄMNDEN", "styrelse", "förbundets", "högskolan", "rådet", "kansliet", "fullmäktiges",
                     "n4mnden"])).map("".join)


@SETTINGS
@given(st.lists(st.one_of(NAME_BEFORE_HEAD, st.sampled_from([" ", "\t", "\n", "-", ",", "ſ", "\u212a", "s ", "x", "1"])),
                max_size=8).map(" ".join))
def test_owner_and_body_names_before_heads(text: str) -> None:
    assert [m.span() for m in _owners(text)] == [m.span() for m in _owner_regex().finditer(text)]
    for pattern in (_owner_regex(), _body_regex()):
        assert [m.span() for m in _before_heads(pattern, text)] == [m.span() for m in pattern.finditer(text)]
        for m in pattern.finditer(text):
            head, found = _which_head(m)
            assert (found, head.stem) == next((g, h.stem) for i, h in enumerate(_heads())
                                              if (g := m.groupdict().get(f"h{i}")))


BOARDS = tuple(fold_key(b) for b in board_genitives())


@SETTINGS
@given(st.lists(st.sampled_from(["Kommunstyrelsens", "kommunstyrelsens", "NÄMNDENS", "Socialnamndens", "socialnämnds",
                                 "Fullmäktiges", "regionens", "Regionen", "Barn- och utbildningsnämndens", "arbetsutskott",
                                 "allmänna", "utskott", "kansli", "förvaltning", "Regionenſ", "x-", "-", "nämndens-", "ſ", "2", " ", "  ", "\t",
                                 "\n", ".", "s"]),
                max_size=14).map("".join))
def test_board_units_where_an_owner_ends_in_a_board(text: str) -> None:
    wanted = [m.span() for m in _BOARD_UNIT.finditer(text, overlapped=True) if fold_key(m.group("o")).endswith(BOARDS)]
    assert [m.span() for m in _board_units(text, BOARDS) if fold_key(m.group("o")).endswith(BOARDS)] == wanted


@SETTINGS
@given(st.lists(st.sampled_from(["ordförande", "nya", "biträdande", "tillförordnade", "Kommunens", "chef", "räddnings-",
                                 "x-ande", "a", "Ea", "se", "-", " ", "  ", "\t", "\n", ",", ".", "(", "2", "ſ"]),
                max_size=14).map("".join))
def test_role_words_before_a_name(text: str) -> None:
    found, wanted = _role_words_at_end(text), _ROLE_BEFORE.search(text)
    assert (found and (found.span(), found.groupdict())) == (wanted and (wanted.span(), wanted.groupdict()))


#: Head and type words of the named-organisation shapes, in other cases, with names and what may stand around them.
HEAD_WORDS = ["Region Dalarna", "Högskolan i Dalarna", "föreningen Gröna Vägen", "kontoret för Stöd och omsorg",
              "Rådet för lättläst", "Högskolan", "högskolan", "HÖGSKOLAN", "Region", "region", "Länsstyrelsen", "Polisregion", "kontoret",
              "Förvaltningen", "nämnden", "föreningen", "Föreningen", "BOLAGET", "Rådet", "Centrum", "Verket",
              "ledningsgruppen", "H0gskolan", "universitetets", "Dalarna", "Gröna Vägen", "Stöd och omsorg", "för",
              " för ", "i ", " ", "\t", "\n", "-", "ſ", "\u212a", "x", "1"]


@SETTINGS
@given(st.lists(st.sampled_from(HEAD_WORDS), max_size=14).map("".join))
def test_named_shapes_after_their_head_words(text: str) -> None:
    for anchored in (_head_then_name(), _type_word(), _named_for(), _unit_for(), _bare_head()):
        assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in anchored.pattern.finditer(text)]


#: Names before company forms, clubs' abbreviations, English heads and adjectives before an office's head.
NAMES_BEFORE = ["Kalix Energi", "Ekby Bygg & Montage", "Vägen i Norr", "Gröna", "AB", "Aktiebolag", "aktiebolag",
                "A/S", "Oy", "FF", "IFK", "GIF", "BoIS", "IF", "Sunnanå", "Nordic Energy", "Network", "Council",
                "of", "Sociala", "tekniska", "kontoret", "nämnden", "namnden", "förvaltningens", "s", "för", "på",
                "A.B.", "x-", "2", " ", "  ", "\t", "\n", ",", "(", "ſ", "\u212a"]


@SETTINGS
@given(st.lists(st.sampled_from(NAMES_BEFORE), max_size=16).map(" ".join))
def test_names_read_back_from_what_follows_them(text: str) -> None:
    company, club = _company_res()
    forms, abbreviation = _company_anchors()
    after_abbreviation = (m.start() + 1 for m in abbreviation.finditer(text))
    for pattern, starts in (
            (company, starts_before(text, forms.starts(text), _COMPANY_NAME_BACK, _COMPANY_NAME_START)),
            (club, starts_before(text, after_abbreviation, _CLUB_BACK, _CAPITAL)),
            (_english_re(), starts_before(text, _english_heads().starts(text), _ENGLISH_NAME_BACK, _ENGLISH_NAME_START)),
            (_adjective_body_re(), starts_before(text, _adjective_heads().starts(text), _WORD_AND_BLANKS, _WORD_START))):
        assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


@SETTINGS
@given(st.text(alphabet="aäÅ –”…ſ\u212aİıΣσ中Ⅻⓐ\u0308", max_size=12))
def test_other_cased_letters(text: str) -> None:
    assert other_cased(text) == (OTHER_CASED.search(text) is not None)


@SETTINGS
@given(st.lists(st.sampled_from(["en", "Ett", "TVÅ", "tjugo", "Hundra", "TUSEN", "åtta", "ÅTTIO", "tu", "enligt", "ena",
                                 "1", "2 000", "-", "\u2212", "½", "²", "_", "x", "é", "Ö", ".", ",", ":", "/", "§",
                                 " ", "\n", "\t", "ſ", "\u212a", "İ", "kr", "halv"]), max_size=20).map("".join))
def test_number_starts_where_a_number_can_begin(text: str) -> None:
    data = _data()
    assert _number_starts(text, data) == [m.start() for m in data.number_start_re.finditer(text)]
