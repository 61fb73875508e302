"""Findings of review 21 mended, each with its input in our own words: a decision after a proposal's relative
clause, a year that is no price base though one follows, bullets alone on their lines kept by OCR repair, a stray
mark on a "\\r\\n" line taken out."""

from __future__ import annotations

import kdextract
from kdextract.text.ocr import repair
from kdextract.text.view import TextView


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


def _repaired(text: str) -> str:
    return repair(TextView.identity(text), force=True).text


def test_a_bullet_alone_on_its_line_stays() -> None:
    text = ("Kulturnämnden beslutar:\n•\natt anta handlingsplanen för biblioteken\n•\natt återrapportera "
            "arbetet i december\n")
    assert _repaired(text).count("•") == 2


def test_a_stray_mark_line_ending_in_cr_lf_is_blank() -> None:
    text = "Vi gick igenorn lokalerna i rnars.\r\n  ~\r\n2. Persona1\r\nEn ny kokerska borjar i rnars.\r\n"
    assert "~" not in _repaired(text)
