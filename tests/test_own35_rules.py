"""Rules found missing by held-out batch 35 (tests/data/own_corpus35), each in our own words: a season at the end
of a clause whose past verb stands a few words before it; a case number after a column gap that is no currency; a
register compiled by someone ('Sammanställt av'); a term of office as a deadline; a corps' name ('Scoutkåren X'),
also wrapped over a line; a capitalised adjective that opens a body's name after 'att'; a programme's compound
with a linking -s before its name."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract


def _dates(text: str, ref: dt.date = dt.date(2027, 2, 16)) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in kdextract.find_dates(text, reference=ref)]


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text).organisations]


@pytest.mark.parametrize("text", [
    "Städdagar ordnades i Björkdalen och på Kvarnområdet under hösten.",
    "Mätningarna gjordes vid båda badplatserna under\nhösten.",
])
def test_a_past_verb_some_words_before_a_bare_season_means_the_last_one(text: str) -> None:
    assert [v for _, v in _dates(text)] == ["2026-FA"]


@pytest.mark.parametrize("text", [
    "Städdagar hålls i Björkdalen och på Kvarnområdet under hösten.",
    "Planen som antogs i fjol ska genomföras under hösten.",
    "Mätningarna gjordes i januari. Nya mätningar under hösten.",
])
def test_a_present_or_future_verb_or_a_sentence_end_keeps_the_coming_season(text: str) -> None:
    assert [v for t, v in _dates(text) if "hösten" in t] == ["2027-FA"]


def test_a_region_case_number_after_a_column_gap_is_no_amount() -> None:
    text = "§ 12  Budgetuppföljning mars 2027                  RS 2027/318\nPrognosen är 12 mnkr.\n"
    assert [a.value for a in kdextract.parse(text).amounts] == [12_000_000]


def test_a_price_before_a_split_year_stays_an_amount() -> None:
    assert [a.text for a in kdextract.parse("Kortet kostar 500 kr 2027/2028.").amounts] == ["500 kr"]


def test_the_one_who_compiled_a_register_is_its_author() -> None:
    text = ("ÅBY KOMMUN\nByggnadsnämnden\n\nDELEGATIONSBESLUT\nPeriod: 2027-03-01 – 2027-03-31\n\n"
            "Nr 7\nDatum: 2027-03-04\nÄrende: Bygglov för förråd\nBeslut: Bifall\n\n"
            "Sammanställt av\nMikael Sandkvist, nämndadministratör\n")
    assert kdextract.parse(text).meta.author == "Mikael Sandkvist"


def test_an_election_for_a_term_of_office_is_a_deadline_of_that_term() -> None:
    text = ("Protokoll 2027-03-02\n\nNämnden väljer Karin Åhl (C) till ersättare i styrelsen för "
            "Åby Vatten AB under mandatperioden 2027–2030.\n")
    assert [d.value for d in kdextract.parse(text).deadlines] == ["2027/2030"]


def test_a_past_term_of_office_is_no_deadline() -> None:
    text = "Protokoll 2027-03-02\n\nHon var ordförande under mandatperioden 2019–2022.\n"
    assert kdextract.parse(text).deadlines == []


@pytest.mark.parametrize(("text", "name"), [
    ("Ansökan från Musikkåren Klangbo avser sommarens konserter.", "Musikkåren Klangbo"),
    ("Yttranden lämnades av flera föreningar, bland annat av Björkby Ryttarsällskap och Scoutkåren\n"
     "Vingalunda som vill ha fler lokaler.", "Scoutkåren Vingalunda"),
])
def test_a_corps_named_after_its_compound_and_one_wrapped_over_a_full_line(text: str, name: str) -> None:
    assert name in _orgs(text)


def test_a_short_line_ending_in_a_compound_names_nothing_on_the_next_line() -> None:
    assert not any("Vingalunda" in o for o in _orgs("Scoutkåren\nVingalunda kom."))


def test_a_capitalised_adjective_opens_a_body_after_att() -> None:
    text = "Ordföranden meddelar att Gemensamma servicenämnden den 3 maj behandlar frågan."
    assert "Gemensamma servicenämnden" in _orgs(text)


def test_a_lower_case_adjective_after_att_stays_outside() -> None:
    assert "gemensamma servicenämnden" not in [o.lower() for o in _orgs(
        "Ordföranden meddelar att gemensamma servicenämnden den 3 maj behandlar frågan.")]


def test_a_programme_compound_with_a_linking_s_introduces_its_name() -> None:
    text = "Kommunen deltar sedan 2026 i friskvårdsprogrammet Rörelseglädje tillsammans med regionen."
    assert "Rörelseglädje" in [p.name for p in kdextract.parse(text).projects]
