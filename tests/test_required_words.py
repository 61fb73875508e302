"""The strings a pattern cannot match without (``kdextract.text.required_words``), and the decision cues' pre-check."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import regex

from kdextract.records.decision_rules import rules
from kdextract.text.fold import fold
from kdextract.text.required_words import may_match, required, required_lower

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bbeslut(?:et)?\s+togs\b", {"beslut"}),
    (r"(?:uppdras|beslutat)\b", {"uppdras", "beslutat"}),
    (r"(?:uppdras|uppdrogs)\b", {"uppdr"}),  # (the parser takes the branches' common beginning out)
    (r"(?:beslut)?\s+att", {"att"}),
    (r"\b(?:har|hade)\s+beslutat\b|\bantog\b", {"beslutat", "antog"}),
    (r"(?:ab)+c?", {"ab"}),
    (r"(?:[\w-]+\s+){1,3}?i\s+uppdrag", {"uppdrag"}),
    (r"(?>styrelsen)\s+antar", {"styrelsen"}),
])
def test_required_strings(pattern: str, words: set[str]) -> None:
    assert required(pattern) == frozenset(words)


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"beslut|", 0),  # an empty branch
    (r"(?:beslut)?\s+", 0),  # nothing but optional letters
    (r"(?:beslut){0,2}", 0),
    (r"(?i:beslut)", 0),  # case-insensitive: another case of the letters matches
    (r"(?i)beslut", 0),
    (r"beslut", regex.IGNORECASE),
    (r"har beslutat", regex.VERBOSE),  # the blank is no letter of the pattern
    (r"(?:beslut){e<=1}", regex.V1),  # ``regex``'s fuzzy count
    (r"\p{Lu}\w+nämnden", 0),  # ``regex``'s syntax alone
    (r"[\w-]*+(?<=namnden)\s", 0),  # only a lookbehind says so
])
def test_no_required_strings(pattern: str, flags: int) -> None:
    assert required(pattern, flags) is None


def test_may_match() -> None:
    assert may_match(None, "")
    assert may_match(frozenset({"antog", "beslut"}), "fullmäktige antog planen")
    assert not may_match(frozenset({"antog", "beslut"}), "fullmäktige godkände planen")


def _sentences() -> list[str]:
    with (DATA / "decisions_table.tsv").open(encoding="utf-8") as fh:
        rows = [row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]
    return [fold(cell) for row in rows for cell in row if len(cell) > 20]


def test_every_cue_match_holds_a_required_string() -> None:
    """Every match of a decision cue in the own-words decision table holds one of its cue's strings (the pre-check
    never skips a text where the cue matches), and most cues have strings to check."""
    cues = rules().cues
    assert sum(c.needs is not None for c in cues) >= len(cues) - 2
    matched = 0
    for text in _sentences():
        for cue in cues:
            for m in cue.pattern.finditer(text):
                matched += 1
                assert cue.needs is None or any(w in m.group() for w in cue.needs), (cue.id, m.group())
    assert matched >= 50


def test_lower_association_heads_precheck() -> None:
    """The lower-case association heads that the finder looks for first: each match of its pattern holds one, so a
    text with one is still read and one without any has no match to lose."""
    from kdextract.records.org_associations import _lower_head_re, _lower_heads
    from kdextract.records.organisations import organisations_in

    text = "Bidraget går till Holmsta intresseförening och till Östra Åby byalag, som söker för vägen."
    matches = [m.group() for m in _lower_head_re().finditer(text)]
    assert matches == ["intresseförening", "byalag"]
    assert all(any(h in m for h in _lower_heads()) for m in matches)
    names = {o.name for o in organisations_in(text)}
    assert {"Holmsta intresseförening", "Östra Åby byalag"} <= names
    assert not may_match(_lower_heads(), "Nämnden beviljar bidrag till Åsby Ridklubb.")


@pytest.mark.parametrize(("pattern", "flags", "words"), [
    (r"Hoppa (?:över|till) menyn", regex.IGNORECASE, {"hoppa "}),  # (the first of two runs as long)
    (r"(?<![\p{L}])(?:startsida|hem)[ \t]*[>›»]", regex.IGNORECASE, {"startsida", "hem"}),
    (r"(?i:Storlek):[ \t]*px", 0, {"storlek"}),  # a case-insensitive part is read too
    (r"vi använder (?:kakor|cookies)(?![\p{L}])", regex.IGNORECASE, {"vi använder "}),
])
def test_required_lower_strings(pattern: str, flags: int, words: set[str]) -> None:
    assert required_lower(pattern, flags) == frozenset(words)


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"(?:hem){e<=1}", 0),  # a fuzzy count
    (r"hem", regex.V1),  # full case folding, nested sets
    (r"\p{Lu}+", regex.IGNORECASE),  # no letters to require
    (r"\u017ftart", regex.IGNORECASE),  # "ſ" matches the "s" that ``str.lower`` keeps
])
def test_no_required_lower_strings(pattern: str, flags: int) -> None:
    assert required_lower(pattern, flags) is None


def test_inline_wrapper_precheck() -> None:
    """Each inline wrapper phrase of a flattened line is still blanked (its line holds a required string), and a line
    with none is not scanned; a text whose case ``str.lower`` cannot tell is scanned whole."""
    from kdextract.layout.pages import _inline_words, wrapper_edits

    line = "Protokoll " + "text " * 90 + "Hoppa över navigeringen Beslut " + "mer " * 10
    assert any(w in line.lower() for w in _inline_words() or ())
    assert [r[3] for r in wrapper_edits(line)] == ["hosting-site wrapper"]
    assert wrapper_edits("Protokoll " + "text " * 90) == []
    assert [r[3] for r in wrapper_edits("\u017f " + line)] == ["hosting-site wrapper"]


def test_line_test_precheck() -> None:
    """A line test scans a line for its unanchored patterns only where the line holds one of their strings, in any
    case; where ``str.lower`` may not tell (a cased letter outside Latin-1), it scans."""
    from kdextract.layout.rules import LineTest

    test = LineTest([r"www\.[a-z]+\.se", r"\bhttps?://"])
    assert test._needs == frozenset({"www.", "http"})
    assert test("Läs mer på WWW.EKBY.SE om taxan")
    assert test("se Https://ekby.se")
    assert not test("Nämnden beslutar enligt förslaget")
    assert test("\u212aontakt: www.ekby.se")  # (a Kelvin sign: the whole line is scanned)
