"""mendM: fixes for review25 findings 2, 4, 7, 8, 10 and 5 (fixtures in our own words)."""
from __future__ import annotations

import kdextract
from kdextract import find_dates

_HEAD = "PROTOKOLL\nFritidsnämnden 2027-05-11\n\n§ 14 Föreningsstöd\n"


def _decisions(body: str) -> list[str]:
    return [d.text for d in kdextract.parse(_HEAD + body, ner=False).decisions]


def test_present_passive_with_an_authority_named_later_stays_our_decision() -> None:
    body = "Taxan för lokalhyra fastställs med hänsyn till vägledningen från Boverket.\n"
    assert _decisions(body) == ["Taxan för lokalhyra fastställs med hänsyn till vägledningen från Boverket."]


def test_co_funding_authority_in_a_relative_clause_is_no_agent() -> None:
    body = "Ridklubben beviljas 150 000 kronor, som utgör kommunens andel av stödet från Jordbruksverket.\n"
    assert len(_decisions(body)) == 1


def test_past_passive_with_its_authority_as_agent_stays_another_bodys_decision() -> None:
    body = ("Ridklubben har tidigare beviljats 150 000 kronor från Jordbruksverket.\n\n"
            "Beslut\nNämnden beviljar ridklubben 40 000 kronor.\n")
    assert _decisions(body) == ["Nämnden beviljar ridklubben 40 000 kronor."]


def _deadlines(body: str) -> list[tuple[str, str | None]]:
    doc = kdextract.parse("Tjänsteskrivelse\nDatum: 2026-09-01\n\n" + body, ner=False)
    return [(d.kind, d.value) for d in doc.deadlines]


def test_planned_change_by_a_rate_in_a_bare_year_is_a_deadline() -> None:
    assert _deadlines("Hyrorna i kommunens lokaler ska justeras med 2 procent 2028.\n") == [("planned", "2028")]
    assert _deadlines("Bolaget avser att höja taxan med 4 % 2028.\n") == [("planned", "2028")]


def test_forecast_rate_in_a_bare_year_stays_no_deadline() -> None:
    assert _deadlines("Elpriset ska följas upp. Kostnaderna förväntas stiga med 6 procent 2028.\n") == []


def _mail_deadlines(body: str) -> list[tuple[str, str | None]]:
    return [(d.kind, d.value) for d in kdextract.parse("Hej!\n" + body, ner=False).deadlines]


def test_request_to_the_addressee_as_a_question_keeps_its_date() -> None:
    assert _mail_deadlines("Kan du mejla tidplanen till mig den 20 oktober?\n") == [("planned", "XXXX-10-20")]


def test_question_of_the_writers_own_side_still_makes_no_deadline() -> None:
    assert _mail_deadlines("Kan vi flytta arbetsmötet till den 20 oktober?\n") == []


def test_offer_to_send_regrets_or_answer_questions_at_a_meeting_is_no_deadline() -> None:
    assert _mail_deadlines("Jag kan lämna återbud till styrgruppen den 8 oktober om det krockar.\n") == []
    assert _mail_deadlines("Jag kan svara på era frågor om bygget på dialogmötet den 8 oktober.\n") == []


def test_promise_to_hand_in_a_document_stays_a_deadline() -> None:
    assert _mail_deadlines("Jag kan lämna mitt yttrande den 8 oktober.\n") == [("planned", "XXXX-10-08")]


def _within(text: str) -> list[str | None]:
    return [m.value for m in find_dates(text, reference="2027-03-01") if m.text.startswith("inom")]


def test_period_of_a_main_clause_after_a_leading_day_counts_from_the_reference() -> None:
    text = "Efter ombyggnaden den 12 maj 2020 måste fastighetsägaren anmäla brister inom tio dagar."
    assert _within(text) == ["2027-03-01/2027-03-10"]


def test_period_coordinated_with_the_days_event_still_counts_from_that_day() -> None:
    text = "Skrivelsen kom in den 15 februari 2027 och ska besvaras inom tio dagar."
    assert _within(text) == ["2027-02-15/2027-02-24"]


def _people(text: str) -> list[str]:
    return [p.name for p in kdextract.parse(text, ner=False).people]


def test_acronym_before_a_given_name_is_no_surname_in_capitals() -> None:
    text = "Minnesanteckningar\nKommunala tillgänglighetsrådet\n\nDeltagare\nLena Sjöholm, ordförande\nKPR Gunnel, ledamot\n"
    assert _people(text) == ["Lena Sjöholm"]


def test_surname_in_capitals_before_a_given_name_is_still_read() -> None:
    text = "Minnesanteckningar\nKommunala tillgänglighetsrådet\n\nDeltagare\nLena Sjöholm, ordförande\nNYBLOM Gunnel, ledamot\n"
    assert _people(text) == ["Lena Sjöholm", "NYBLOM Gunnel"]
