"""Rules for flattened text (layout stress round 27), in our own words."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.page_counters import inline_leading_footer_edits

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


#: A notice whose first page's footer (counter first) and the second page's running header cut an item's title.
NOTICE = ("EKBY KOMMUN KALLELSE Kultur- och fritidsnämnden 2026-09-01 Sammanträde med kultur- och fritidsnämnden "
          "Tid: tisdagen den 15 september 2026 kl. 18.00 Plats: Sal Ekan, Kulturhuset Ärenden "
          "1.  Val av justerare 2.  Bidrag till studieförbunden 2027 Dnr KFN 2026/31 "
          "3.  Ansökan om investeringsmedel för Sida 1 av 2 | Ekby kommun KALLELSE Kultur- och fritidsnämnden "
          "2026-09-01 ny konstgräsplan vid Ekvallen Dnr KFN 2026/40 Kostnaden beräknas till 6 miljoner kronor. "
          "4.  Redovisning av delegationsbeslut\n")


def test_a_footer_led_by_its_counter_is_furniture_and_the_title_joins_again() -> None:
    text = kdextract.parse(NOTICE, ner=False)
    titles = [s.title for s in text.sections]
    assert "Ansökan om investeringsmedel för ny konstgräsplan vid Ekvallen" in titles, titles


@pytest.mark.parametrize("text", [
    # a sentence ends before the footer: no cut to join
    NOTICE.replace("investeringsmedel för Sida", "investeringsmedel. Sida"),
    # words after the counter that the letterhead does not hold: no furniture
    NOTICE.replace("| Ekby kommun KALLELSE Kultur- och fritidsnämnden 2026-09-01 ny", "| se bilaga ny"),
])
def test_a_leading_footer_needs_a_cut_and_the_letterheads_words(text: str) -> None:
    assert inline_leading_footer_edits(text) == []

