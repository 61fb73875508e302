"""Rules for flattened text (layout stress round 27), in our own words."""

from __future__ import annotations

import pytest

import kdextract

#: An action table's rows run into one line: the campaign's cell no longer ends at a line break.
ACTIONS = ("Åtgärder\n\nÅtgärd Ansvarig Klart Status Ny övergång vid Björkvägen Gatuenheten Maj 2027 Pågår "
           "Kampanjen Sortera och spara hemma Miljöenheten Vecka 40 2027 Ej påbörjad Ekonomi Kostnaden är 1,2 mnkr.\n")


@pytest.mark.parametrize("text", [ACTIONS, ACTIONS.replace("\n\n", " ")])  # flatpara and flat
def test_a_slogans_first_verb_is_no_name_once_its_cell_was_run_on(text: str) -> None:
    names = [p.name for p in kdextract.parse(text, ner=False).projects]
    assert "Sortera" not in names, names


@pytest.mark.parametrize(("text", "name"), [
    # the slogan fills its own line: the whole line is the name
    ("Åtgärd\nKampanjen Sortera och spara hemma\nMiljöenheten\n", "Sortera och spara hemma"),
    # a capitalised name that is no verb keeps its place
    ("Kommunen driver kampanjen Trygghet och vill nå fler familjer.", "Trygghet"),
])
def test_names_outside_the_rule_stay(text: str, name: str) -> None:
    names = [p.name for p in kdextract.parse(text, ner=False).projects]
    assert name in names, names
