"""Rules for flattened text (layout stress round 27), in our own words."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.flat_heads import item_heads
from kdextract.layout.label_runs import label_run_edits
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


#: A follow-up of a board's commissions with every line break lost: its parts led by "Uppdrag N." in one line.
FOLLOW_UP = ("Ekby kommun Kultur- och fritidsförvaltningen TJÄNSTESKRIVELSE Datum: 2026-10-12 Diarienummer: KFN 2026/51 "
             "Handläggare: Maja Holm, utvecklingsledare Uppföljning av nämndens uppdrag 2026 Sammanfattning "
             "Nämnden följer upp sina uppdrag varje höst. Tre uppdrag redovisas. "
             "Uppdrag 1. Ny taxa för lokaluthyrning Givet: KFN 2026-01-20, § 4 Status: Slutfört. "
             "Taxan gäller från den 1 juli. "
             "Uppdrag 2. Öppettider på biblioteken Givet: KFN 2026-03-17, § 19 Status: Pågår. "
             "Ett förslag lämnas till nämnden i december. "
             "Uppdrag 3. Plan för spontanidrott Givet: KFN 2026-05-12, § 33 Status: Pågår. "
             "Planen tas fram tillsammans med föreningarna och ska vara klar den 30 april 2027. "
             "Förslag till beslut Kultur- och fritidsnämnden godkänner uppföljningen. Uppdrag 1 avslutas. "
             "Maja Holm Utvecklingsledare\n")


def test_numbered_labels_run_into_a_line_lead_the_parts() -> None:
    titles = [s.title for s in kdextract.parse(FOLLOW_UP, ner=False).sections]
    for title in ("Ny taxa för lokaluthyrning", "Öppettider på biblioteken", "Plan för spontanidrott",
                  "Förslag till beslut"):
        assert title in titles, titles
    assert not any(t.startswith("Status") for t in titles), titles


@pytest.mark.parametrize("text", [
    # two labels only
    FOLLOW_UP.replace("Uppdrag 3. Plan", "Ett tredje: Plan"),
    # numbers that do not rise by one
    FOLLOW_UP.replace("Uppdrag 2.", "Uppdrag 4.").replace("Uppdrag 3.", "Uppdrag 7."),
    # a label after no sentence end
    FOLLOW_UP.replace("redovisas. Uppdrag 1.", "redovisas, Uppdrag 1.").replace("juli. Uppdrag 2.", "juli, Uppdrag 2."),
])
def test_a_run_needs_three_labels_rising_by_one_after_sentence_ends(text: str) -> None:
    assert label_run_edits(text) == []


def test_a_paragraph_sign_after_a_comma_cites_a_decision_and_leads_no_item() -> None:
    line = ("Uppdrag 3. Plan för spontanidrott Givet: KFN 2026-05-12, § 33 Status: Pågår. Planen tas fram "
            "tillsammans med föreningarna. " * 3)
    heads = item_heads(line, 0, len(line), [])
    assert not any((h.number or "").startswith("§") for h in heads), heads


def test_an_action_plans_numbered_actions_run_into_a_line_lead_its_parts() -> None:
    text = FOLLOW_UP.replace("Uppdrag ", "Åtgärd ").replace("uppdrag", "åtgärder")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert "Öppettider på biblioteken" in titles, titles
    assert not any(t.startswith("Givet") for t in titles), titles
