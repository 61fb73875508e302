"""Rules found missing by held-out batch 23 (tests/data/own_corpus23), each in our own words: a form label that
ends a line of prose before a lower-case word is a word of its sentence; a short line over rows of figures that lost
their column gaps heads a table; the year a budget is for is no deadline; a compound noun of an event ("…träff",
"…möte") makes the day of its clause a deadline."""

from __future__ import annotations

import kdextract
from kdextract.layout.form import label_hits

NOTICE = ("Tid: onsdag 9 juni 2027 kl. 13.00\n"
          "Plats: Stadshuset, rum Tranbacken\n\n"
          "Dagordning\n\n"
          "Nr\tÄrende\tDnr\n"
          "1\tVal av justerare\t\n"
          "2\tBidrag till föreningen Gröna Ängar\tKS 2027/31\n\n"
          "Handlingarna finns på webbplatsen från den 2 juni. Förhinder\n"
          "anmäls till sekreteraren senast den 7 juni.\n\n"
          "Eva Strandmark (C)\nOrdförande\n")


def test_a_label_ending_a_prose_line_before_a_lower_case_word_is_no_label() -> None:
    # (the closing "Ordförande" under "Eva Strandmark (C)" is her title, no form label: branch gaps18)
    assert [h.label.label for h in label_hits(NOTICE)] == ["Tid", "Plats"]


def test_a_label_ending_a_line_with_its_colon_or_alone_stays_a_label() -> None:
    text = "Mötet hölls i Stadshuset. Förhinder:\nanmält av Eva Strandmark.\n\nFörhinder\nEva Strandmark (C)\n"
    assert [h.label.label for h in label_hits(text)] == ["Förhinder", "Förhinder"]


def test_the_agenda_under_a_place_label_is_no_list_of_people() -> None:
    doc = kdextract.parse(NOTICE)
    assert "Gröna Ängar" not in [p.name for p in doc.people]
    assert "Gröna Ängar" in [o.name for o in doc.organisations]


MEMO = ("Delårsrapport januari–april 2028\n\n"
        "Sammanfattning\n"
        "Nämnderna visar tillsammans ett underskott mot budget efter april.\n\n"
        "Nämndernas prognos (tkr)\n"
        "Nämnd Budget 2028 Prognos Avvikelse\n"
        "Kulturnämnden 41 300 40 900 400\n"
        "Omsorgsnämnden 205 100 211 600 (6 500)\n"
        "Summa 246 400 252 500 -6 100\n\n"
        "Kommentarer\n"
        "Omsorgsnämnden har fler brukare i hemtjänsten än vad som budgeterades i höstas.\n")


def _top_titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


def test_a_heading_over_a_table_of_figures_that_lost_its_gaps_is_a_section() -> None:
    assert _top_titles(MEMO) == ["Sammanfattning", "Nämndernas prognos (tkr)", "Kommentarer"]


def test_a_line_over_lines_that_go_on_after_their_figures_is_no_heading() -> None:
    text = MEMO.replace("Kulturnämnden 41 300 40 900 400\n", "Kulturnämnden 41 300 tkr\n").replace(
        "Omsorgsnämnden 205 100 211 600 (6 500)\n", "Omsorgsnämnden 205 100 tkr\n")
    assert "Nämndernas prognos (tkr)" not in _top_titles(text)


def _deadlines(text: str) -> list[tuple[str, str]]:
    return [(d.value, d.text) for d in kdextract.parse("Tjänsteskrivelse\nDatum: 2027-10-04\n\n" + text).deadlines]


def test_the_year_of_a_budget_is_no_deadline() -> None:
    assert _deadlines("Kostnaden beräknas till 310 000 kr och ryms i nämndens driftbudget för 2028.\n") == []


def test_a_year_that_a_plan_cue_governs_stays_a_deadline() -> None:
    assert [v for v, _ in _deadlines("Ombyggnaden ska vara klar under 2028.\n")] == ["2028"]


def test_a_compound_event_noun_makes_its_day_a_deadline() -> None:
    found = _deadlines("Förvaltningen bjuder in till en informationsträff om bygglov den 9 november 2027.\n")
    assert [v for v, _ in found] == ["2027-11-09"]


def test_a_compound_event_noun_before_a_season_or_in_the_past_is_no_deadline() -> None:
    assert _deadlines("Ordföranden öppnade det sista föreningsmötet före sommaren.\n") == []
    assert _deadlines("Förvaltningen bjöd in till en informationsträff den 9 september 2027.\n") == []
