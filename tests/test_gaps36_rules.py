"""Decisions, meetings and attendance in shapes read wrong before gaps36: a decision's outcome where it answers a
motion, strikes a matter off, repeals an earlier decision or sets up a group; a role line ("Antecknare: …") after the
list of the absent. Fixtures in our own words."""

from __future__ import annotations

import pytest

import kdextract


def _outcomes(text: str) -> list[str | None]:
    return [d.outcome for d in kdextract.parse(text, ner=False).decisions]


def _minutes(decision: str) -> str:
    return (f"PROTOKOLL\nKultur- och fritidsnämnden\nSammanträdesdatum 2031-09-16\n\n§ 41 Ärendet\n\nBeslut\n\n"
            f"{decision}\n")


# -- decision outcomes -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("decision", "outcome"), [
    ("Nämnden beslutar att anse medborgarförslaget om utegym besvarat.", "answered"),
    ("Interpellationen förklaras besvarad.", "answered"),
    ("Nämnden beslutar att besvara motionen med förvaltningens yttrande.", "answered"),
    ("Nämnden beslutar att avskriva ärendet från vidare handläggning.", "written_off"),
    ("Ansökan skrivs av då sökanden har dragit tillbaka den.", "written_off"),
    ("Nämnden beslutar att upphäva sitt beslut 2029-03-02 § 17 om avgifter.", "repealed"),
    ("Nämnden beslutar att riktlinjen för lokalbokning upphör att gälla vid årsskiftet.", "repealed"),
    ("Nämnden beslutar att tillsätta en referensgrupp för ridhusets ombyggnad.", "appointed"),
    ("Nämnden beslutar att inrätta ett tillfälligt ungdomsråd.", "appointed"),
])
def test_a_decision_names_what_it_did_with_the_matter(decision: str, outcome: str) -> None:
    assert _outcomes(_minutes(decision)) == [outcome]


@pytest.mark.parametrize(("decision", "outcome"), [
    ("Nämnden beslutar att avslå motionen.", "rejected"),
    ("Nämnden beslutar att bifalla motionen.", "approved"),
    ("Nämnden beslutar att bifalla motionen och därmed anse den besvarad.", "approved"),
    ("Nämnden beslutar att avslå motionen och anse den besvarad.", "rejected"),
])
def test_an_answer_to_a_motion_that_grants_or_refuses_it_keeps_that_outcome(decision: str, outcome: str) -> None:
    assert _outcomes(_minutes(decision)) == [outcome]


def test_an_appointee_named_is_still_elected() -> None:
    assert _outcomes(_minutes("Nämnden utser Mira Dahlgren till ordförande i referensgruppen.")) == ["elected"]
