"""Points of a list under a lead-in that ends in a modal and its subject ("Enligt programmet ska förvaltningen"):
a point's date with no cue of its own is planned by the modal, due where "senast" follows it (own words)."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.text.sentences import sentence_spans

HEAD = "Tekniska nämnden\nProtokoll 2026-05-12\n\n§ 31 Belysningsprogram\n\n"
LEAD = "Nämnden antog programmet. Enligt programmet ska förvaltningen\n"
POINTS = ("• byta armaturerna på Storgatan senast 2026-10-31,\n"
          "• halvera elförbrukningen för gatubelysning till år 2029.\n")


def _deadlines(text: str) -> list[tuple[str, str, str]]:
    return [(d.value, d.kind, d.what) for d in kdextract.parse(HEAD + text, ner=False).deadlines]


@pytest.mark.parametrize("bullet", ["•", "-", "\uf0b7"])
def test_a_dated_point_under_a_modal_lead_in_is_planned(bullet: str) -> None:
    points = POINTS.replace("• ", bullet + ("\t" if bullet == "\uf0b7" else " "))
    assert _deadlines(LEAD + points) == [("2026-10-31", "due", "byta armaturerna Storgatan"),
                                         ("2029", "planned", "halvera elförbrukningen gatubelysning")]


def test_senast_after_the_modal_makes_the_points_due() -> None:
    text = ("Enligt avtalet ska entreprenören senast\n- inventera alla stolpar den 30 juni 2027\n"
            "- märka de stolpar som står fel i augusti 2027\n")
    assert _deadlines(text) == [("2027-06-30", "due", "inventera stolpar"), ("2027-08", "due", "märka stolpar står")]


@pytest.mark.parametrize("text", [
    "Nämnden antog programmet. Förvaltningen ska göra följande.\n" + POINTS,  # a full sentence leads in nothing
    LEAD + POINTS.replace("2029.\n", "2029,\n") + "• informera de boende.\n",  # a point without a date
    LEAD + "\n" + POINTS,  # a blank line between
    "Nämnden antog programmet. Under förra året har förvaltningen\n" + POINTS,  # no modal
])
def test_no_lead_in_plans_the_point(text: str) -> None:
    assert [v for v, _, _ in _deadlines(text)] == ["2026-10-31"]


def test_a_private_use_bullet_opens_a_sentence() -> None:
    text = "Bolaget ska\n\uf0b7\tta fram en plan,\n\uf0a7 anlita en konsult."
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Bolaget ska", "\uf0b7\tta fram en plan,",
                                                          "\uf0a7 anlita en konsult."]
