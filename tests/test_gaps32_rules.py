"""Known gaps closed with general rules, each in our own words: a writer's dated promise after "jag kan", a minus
at a line's start in a column of signed figures, another authority named as the agent of a passive decision, a
period "inom N månader" counted from the day its sentence names, and a question that its modal opens."""

from __future__ import annotations

import kdextract
from kdextract.parsers.amounts import find_amounts
from kdextract.parsers.dates import find_dates


def _deadlines(text: str) -> dict[str, str]:
    return {d.value: d.what for d in kdextract.parse(text, ner=False, document_date="2027-02-01").deadlines}


def test_writers_dated_promise_is_a_deadline() -> None:
    text = "Minnesanteckningar\n\nJag kan leverera rapporten den 1 maj. Jag kan skicka underlaget den 12 mars.\n"
    found = _deadlines(text)
    assert found.get("2027-05-01") == "leverera rapporten", found
    assert found.get("2027-03-12") == "skicka underlaget", found


def test_promise_after_an_adverb_is_a_deadline_too() -> None:
    found = _deadlines("Minnesanteckningar\n\nJag kan nog återkomma med ett förslag den 20 april.\n")
    assert "återkomma" in found.get("2027-04-20", ""), found


def test_writers_availability_stays_no_deadline() -> None:
    text = "Minnesanteckningar\n\nJag kan vara med den 4 maj. Jag kan delta på tisdag den 9 mars men inte efter lunch.\n"
    assert _deadlines(text) == {}


def test_minus_at_line_start_in_a_column_of_signed_figures() -> None:
    text = "Avvikelse mot budget per verksamhet:\n-1,5 mnkr hemtjänsten\n+0,6 mnkr särskilt boende\n-0,2 mnkr LSS\n"
    assert [a.value for a in find_amounts(text)] == [-1500000, 600000, -200000]
    assert find_amounts(text)[0].text == "-1,5 mnkr"


def test_dash_at_line_start_without_signed_neighbours_stays_a_dash() -> None:
    text = "Fördelning av bidraget:\n-800 kr till scoutkåren\n-400 kr till hembygdsföreningen\n"
    assert [a.value for a in find_amounts(text)] == [800, 400]


def test_numbered_line_gives_no_column_of_figures() -> None:
    text = "Bidrag:\n1. Idrottsföreningen\n-600 kr\n+ 100 kr i tillägg\n"
    assert [a.value for a in find_amounts(text)] == [600, 100]


_PROTOCOL = ("Protokoll\nKultur- och fritidsnämnden\nSammanträdesdatum 2027-04-13\n\n§ 22 Bidrag till hembygdsgården\n\n"
             "Ärendebeskrivning\nFöreningen har tidigare beviljats 310 000 kronor från Naturvårdsverket. "
             "Ansökan om förhandsbesked har godkänts av Länsstyrelsen.\n\n"
             "Beslut\nNämnden beviljar föreningen 90 000 kronor ur anläggningsfonden.\n")


def test_another_authority_as_a_passives_agent_is_no_decision_of_ours() -> None:
    texts = [d.text for d in kdextract.parse(_PROTOCOL, ner=False).decisions]
    assert texts == ["Nämnden beviljar föreningen 90 000 kronor ur anläggningsfonden."], texts


def test_passive_decision_with_no_other_authority_stays_one() -> None:
    text = _PROTOCOL.replace("från Naturvårdsverket", "ur kommunens fond")
    texts = [d.text for d in kdextract.parse(text, ner=False).decisions]
    assert "Föreningen har tidigare beviljats 310 000 kronor ur kommunens fond." in texts, texts


def test_period_counts_from_the_day_its_sentence_names() -> None:
    text = "Fullmäktige gav uppdraget den 14 september 2026, § 88, med redovisning inom tre månader."
    within = [m for m in find_dates(text, reference="2027-02-01") if m.text.startswith("inom")]
    assert [m.value for m in within] == ["2026-09-14/2026-12-13"]


def test_period_in_a_sentence_of_its_own_counts_from_the_reference() -> None:
    text = "Fullmäktige gav uppdraget den 14 september 2026. Redovisning ska ske inom tre månader."
    within = [m for m in find_dates(text, reference="2027-02-01") if m.text.startswith("inom")]
    assert [m.value for m in within] == ["2027-02-01/2027-04-30"]


def test_question_opened_by_its_modal_is_no_deadline() -> None:
    text = ("Minnesanteckningar\n\n> Kan vi ta upp parkeringsfrågan i vår? Flera boende har hört av sig.\n"
            "Kan ni skicka underlaget senast den 3 mars?\n")
    assert _deadlines(text) == {"2027-03-03": "skicka underlaget"}


def test_state_fund_grant_in_a_protocol_is_no_decision_of_ours() -> None:
    text = _PROTOCOL.replace("Föreningen har tidigare beviljats 310 000 kronor från Naturvårdsverket. ",
                             "Allmänna arvsfonden har beviljat projektet 420 000 kronor. ")
    texts = [d.text for d in kdextract.parse(text, ner=False).decisions]
    assert texts == ["Nämnden beviljar föreningen 90 000 kronor ur anläggningsfonden."], texts


_NOTES = ("Minnesanteckningar\nPensionärsrådet\n2027-03-02\n\n1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n"
          "2. Förra mötets anteckningar - Godkändes utan ändringar.\n\n"
          "3. Studiebesök på Ekgården - Genomfördes den 20 februari med nio deltagare.\n\n"
          "4. Färdtjänst\nHandläggaren berättade om de nya reglerna.\n")


def test_note_after_a_dash_on_a_numbered_line_is_no_part_of_the_title() -> None:
    titles = [s.title for s in kdextract.parse(_NOTES, ner=False).sections]
    assert titles == ["Mötets öppnande", "Förra mötets anteckningar", "Studiebesök på Ekgården", "Färdtjänst"], titles


def test_dash_before_a_noun_stays_in_the_title() -> None:
    text = _NOTES.replace("Förra mötets anteckningar - Godkändes utan ändringar.", "Budget 2028 - Information")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert "Budget 2028 - Information" in titles, titles


def test_report_as_the_occasion_of_an_answer_gives_its_month() -> None:
    text = ("Uppföljning av uppdrag\n2026-12-01\n\nStatus: Pågår. Nämnden vill ha en redovisning senast i samband med "
            "bokslutet per december 2027. Delårsrapporten per augusti 2026 visade ett underskott.\n")
    found = {d.value: d.what for d in kdextract.parse(text, ner=False).deadlines}
    assert list(found) == ["2027-12"] and "redovisning" in found["2027-12"], found
