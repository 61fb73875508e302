"""``records.deadline_scans.ClauseScans`` answers each date as a fresh scan of its clause would.

The reference functions below are the plain scans the builder made for every date before (time
in the square of a sentence's length when many dates share it); the scans are compared with them
on sentences composed of cue phrases, dates, clause breaks and plain words.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from kdextract.records.deadline_phrases import PhrasesByPair, phrase_beginnings, phrase_pattern
from kdextract.records.deadline_scans import AFTER_PENALTY, EVENT_PENALTY, ClauseScans, Cue
from kdextract.records.deadlines import _CLAUSE_BREAK, _WORD, _cues

_PIECES = ["ska vara klar", "planeras", "hölls", "löper ut", "mötet", "konferensen", "den 3 maj 2020", "2024-07-14",
           "; ", ": ", " - ", ", men ", ", som ", "Nämnden", "rapporten", "och", "att", "budgeten", "förvaltningen",
           "senast", "genomfördes", "träder i kraft"]


def _scans(text: str) -> ClauseScans:
    cues = _cues()
    return ClauseScans(text, breaks=_CLAUSE_BREAK, cues=cues.pattern, kind_of=cues.kind_of, words=_WORD,
                       stopwords=cues.stopwords, cue_leads=cues.leads, cues_by_first=cues.by_first)


def _clause(text: str, s: int, e: int, d_start: int, d_end: int) -> tuple[int, int]:
    cs, ce = s, e
    for m in _CLAUSE_BREAK.finditer(text, s, e):
        if m.end() <= d_start:
            cs = m.end()
        elif m.start() >= d_end:
            ce = m.start()
            break
    return cs, ce


def _nearest(text: str, cs: int, ce: int, d_start: int, d_end: int, events: bool) -> Cue | None:
    cues = _cues()
    best: tuple[int, int] | None = None
    found = None
    for m in cues.pattern.finditer(text, cs, ce):
        kind = cues.kind_of[m.lastgroup] if m.lastgroup else None
        if d_start <= m.start() < d_end or kind is None or (kind == "event" and not events):
            continue
        before = m.end() <= d_start
        dist = d_start - m.end() if before else m.start() - d_end
        rank = (dist + (0 if before else AFTER_PENALTY) + (EVENT_PENALTY if kind == "event" else 0),
                0 if kind == "past" else 1)
        if best is None or rank < best:
            best, found = rank, Cue(m.start(), m.end(), kind, m.group(0))
    return found


def _what(text: str, cs: int, ce: int, d_start: int, d_end: int, cue_start: int, cue_end: int) -> str:
    stop = _cues().stopwords
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, cs, ce)
             if not (d_start <= m.start() < d_end) and not (cue_start <= m.start() < cue_end)]
    content = [w for w in words if w[2].casefold() not in stop and len(w[2]) >= 3]
    before = [w for w in content if w[1] <= cue_start]
    after = [w for w in content if w[0] >= cue_end]
    return " ".join(w[2] for w in (before[-3:] if before else after[:3]) or content[:3])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30), events=st.booleans())
def test_scans_agree_with_a_fresh_scan_per_date(pieces: list[str], events: bool) -> None:
    text = " ".join(pieces)
    scans = _scans(text)
    for d in regex.finditer(r"den 3 maj 2020|2024-07-14", text):
        cs, ce = scans.clause(0, len(text), d.start(), d.end())
        assert (cs, ce) == _clause(text, 0, len(text), d.start(), d.end())
        cue = scans.nearest_cue(cs, ce, d.start(), d.end(), events)
        assert cue == _nearest(text, cs, ce, d.start(), d.end(), events)
        if cue is not None:
            assert scans.what(cs, ce, d.start(), d.end(), cue.start, cue.end) == _what(
                text, cs, ce, d.start(), d.end(), cue.start, cue.end)


def test_a_clause_ends_at_the_breaks_around_its_date() -> None:
    text = "Rapporten är klar; nämnden ska besluta den 3 maj 2020, men mötet hölls i fjol."
    d = text.index("den 3 maj")
    cs, ce = _scans(text).clause(0, len(text), d, d + len("den 3 maj 2020"))
    assert text[cs:ce].strip() == "nämnden ska besluta den 3 maj 2020"


def test_the_nearest_cue_prefers_a_verb_before_the_date() -> None:
    text = "Arbetet ska vara klar den 3 maj 2020 planeras"
    d = text.index("den 3 maj")
    cue = _scans(text).nearest_cue(0, len(text), d, d + len("den 3 maj 2020"), events=False)
    assert cue is not None and cue.text == "ska vara klar"


_CUE_PIECES = ["ska", "SKA vara klar", "Planeras", "hölls", "holls", "löper ut", "LOPER UT", "l6per", "träder i kraft",
               "senast", "fr.o.m.", "kick-off", "mötet", "m6tet", "Återrapportera", "4terrapportera", "ses", "x", "1",
               "½", "²", "_", "é", "Ö", "-", ".", " ", "\n", "\t", "ſ", "\u212a", "İ"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(_CUE_PIECES), max_size=24),
       cut=st.tuples(st.integers(0, 200), st.integers(0, 200)))
def test_cues_tried_only_where_one_can_begin(pieces: list[str], cut: tuple[int, int]) -> None:
    text = "".join(pieces)
    cs, ce = sorted(min(c, len(text)) for c in cut)
    found = [(m.span(), m.lastgroup) for m in _scans(text)._cue_matches(cs, ce)]
    assert found == [(m.span(), m.lastgroup) for m in _cues().pattern.finditer(text, cs, ce)]


def test_phrases_tried_by_their_first_two_letters() -> None:
    """A cue is tried with the phrases that can begin with the two letters found, and finds what all of them find."""
    phrases = ["ska vara klar", "ska", "sköts", "senast", "är klar", "=bör"]
    groups = [f"(?P<c{i}>{phrase_pattern(p)})" for i, p in enumerate(phrases)]

    def make(alternatives: Iterable[str]) -> regex.Pattern[str]:
        return regex.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", regex.IGNORECASE)

    by_pair = PhrasesByPair(groups, [phrase_beginnings(p) for p in phrases], make)
    whole = make(groups)
    text = "Den SKA VARA KLAR, sen sköts den senast i maj; skots? Ar klar, är klar och bör, inte bor. s"
    low = text.lower()
    for s in range(len(text)):
        pattern = by_pair.get(low[s:s + 2])
        m, n = whole.match(text, s), pattern.match(text, s) if pattern is not None else None
        assert (m and (m.span(), m.lastgroup)) == (n and (n.span(), n.lastgroup)), text[s:]
    sk = by_pair.get("sk")
    assert sk is not None and "c3" not in sk.pattern and all(f"c{i}" in sk.pattern for i in (0, 1, 2))
    assert by_pair.get("xy") is None and by_pair.get("s") is None  # (a last letter alone begins no phrase)
