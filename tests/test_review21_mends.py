"""Findings of review 21 mended, each with its input in our own words: a decision after a proposal's relative
clause, a year that is no price base though one follows, bullets alone on their lines kept by OCR repair."""

from __future__ import annotations

import kdextract


def _decisions(text: str) -> list[str]:
    return [d.text for d in kdextract.parse(text, ner=False).decisions]


def test_decision_in_a_relative_clause_after_a_proposal_is_a_decision() -> None:
    text = "Utskottet föreslog att ansökan skulle avslås, vilket fritidsnämnden beslutade.\n"
    assert _decisions(text) == [text.strip()]


def test_cue_inside_a_proposals_att_clause_stays_no_decision() -> None:
    assert _decisions("Utskottet föreslog vid sitt möte i mars att ansökan avslås.\n") == []
    assert _decisions("Utskottet föreslog i mars. Därefter beslutade nämnden att ansökan avslås.\n") != []


def _deadlines(text: str) -> list[tuple[str, str]]:
    return [(d.value, d.what) for d in kdextract.parse(text, ner=False).deadlines]


def test_a_year_before_another_years_price_base_is_a_deadline() -> None:
    assert [v for v, _ in _deadlines("Skolan ska vara färdig 2029 i 2027 års prisnivå.\n")] == ["2029"]
    assert _deadlines("Kostnaden är beräknad i 2027 års prisnivå.\n") == []
