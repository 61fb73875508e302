"""Rules found missing by held-out batch 15 (tests/data/own_corpus15), each in our own words: a meeting calendar's
year, wrapped and bracketed agenda titles, headings after a tight list or over a lead-in line, courts named for a
place, a company after a common noun and "för", a company's org.nr in brackets, one more person in a comma list."""

from __future__ import annotations

import kdextract
from kdextract.records.attendance import entries_in

CALENDAR = """# Mötesplan 2029

Ekby kommun | Kommunstyrelsen
Fastställd av kommunstyrelsen 2028-11-06.

## Fullmäktige
Fullmäktige sammanträder 8 februari, 14 juni och 6 december.

## Nämnderna
Nämnderna lämnar sina egna datum till kansliet senast den 1 december 2028.
"""


def _dates(text: str) -> dict[str, str]:
    return {d.text: d.value for d in kdextract.parse(text, ner=False).dates}


def test_a_meeting_calendars_year_dates_its_year_less_days() -> None:
    dates = _dates(CALENDAR)
    assert dates["14 juni"] == "2029-06-14" and dates["6 december"] == "2029-12-06"
    assert dates["8 februari"] == "2029-02-08"


def test_a_meeting_calendars_own_deadlines_keep_the_day_it_was_written() -> None:
    doc = kdextract.parse(CALENDAR, ner=False)
    assert doc.meta.date == "2028-11-06"
    assert "2028-12-01" in {d.value for d in doc.deadlines}


def test_a_budget_titled_for_next_year_is_no_calendar() -> None:
    dates = _dates("Budget 2029\n\nDatum: 2028-10-02\n\nFullmäktige beslutar om budgeten den 20 november.\n")
    assert dates["den 20 november"] == "2028-11-20"


NOTICE = """KUNGÖRELSE

Fullmäktige i Ekby kommun sammanträder tisdag 9 mars 2027 kl. 18.00.

Beslutsärenden
 1.  Val av justerare
 2.  Taxa för bygglov från och med den 1 april 2027
     (KS 2027/009)
 3.  Försäljning av del av fastigheten Ekby 4:12 för
     bostäder (KS 2027/014)
 4.  Val av ersättare i valnämnden för tiden
     2027–2030

Övriga ärenden
 5.  Val av revisorer för tiden
     2027–2030
 6.  Anmälan av motioner

Ekby den 1 mars 2027
"""


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]


def test_items_with_wrapped_titles_stay_in_the_numbered_run() -> None:
    titles = [t for t in _titles(NOTICE) if not t.endswith("ärenden")]
    assert titles == ["Val av justerare", "Taxa för bygglov från och med den 1 april 2027",
                      "Försäljning av del av fastigheten Ekby 4:12 för bostäder",
                      "Val av ersättare i valnämnden för tiden 2027–2030", "Val av revisorer för tiden 2027–2030",
                      "Anmälan av motioner"]


def test_a_bracketed_case_number_closes_no_title() -> None:
    doc = kdextract.parse("Ärenden\n\n1. Val av justerare\n2. Borgen för Ekby Hamn AB (KS 2027/031)\n"
                          "3. Anmälan av delegationsbeslut\n", ner=False)
    item = next(s for s in doc.sections if s.title.startswith("Borgen"))
    assert item.title == "Borgen för Ekby Hamn AB" and item.case_number == "KS 2027/031"


def test_a_bracketed_report_number_stays_in_the_title() -> None:
    titles = _titles("Ärenden\n\n1. Val av justerare\n2. Remissvar över betänkandet (SOU 2026:41)\n"
                     "3. Övriga frågor\n")
    assert "Remissvar över betänkandet (SOU 2026:41)" in titles


REVIEW = """Granskning av bygglovshandläggningen

Sammanfattning
Revisorerna har granskat hur nämnden handlägger bygglov och hur lång tid det tar.

Bedömning
Vår bedömning är att handläggningen i huvudsak fungerar. Per fråga:

| Fråga                         | Bedömning |
|-------------------------------|-----------|
| Finns rutiner?                | Uppfyllt  |
| Hålls tidsfristerna?          | Ej uppfyllt |

Iakttagelser
Handläggningstiden var i snitt elva veckor under året, längre än lagens frister tillåter.

Rekommendationer
Vi rekommenderar nämnden att
1. se över rutinerna för kompletteringar,
2. följa upp handläggningstiden varje kvartal.
"""


def test_a_blank_ends_a_tight_list_under_a_colon() -> None:
    assert "Iakttagelser" in _titles(REVIEW)


def test_a_heading_over_a_lead_in_line_and_its_points() -> None:
    assert _titles(REVIEW)[-1] == "Rekommendationer"


def test_entries_set_apart_by_blanks_under_a_colon_stay_a_list() -> None:
    text = ("Inledning\nRevisorerna har granskat nämndens arbete med flera frågor under hela året.\n\n"
            "Granskningen omfattar följande punkter:\nMål och uppdrag\n\nEkonomi\n\nLedning och styrning\n\n"
            "Framtida inriktning\n\nEn rapport lämnas under hösten.\n")
    assert "Framtida inriktning" not in _titles(text)


def _orgs(text: str) -> set[str]:
    return {o.name for o in kdextract.parse(text, ner=False).organisations}


def test_a_court_named_for_a_municipalitys_genitive() -> None:
    orgs = _orgs("Nämndemän till Kristianstads tingsrätt väljs i oktober.")
    assert "Kristianstads tingsrätt" in orgs and "Kristianstad" not in orgs


def test_a_court_named_for_a_place_that_is_no_municipality() -> None:
    assert "Falu tingsrätt" in _orgs("Val av nämndeman vid Falu tingsrätt.")
    assert "Göta hovrätt" in _orgs("Domen överklagades till Göta hovrätt.")


def test_a_common_noun_and_for_before_a_company_are_no_part_of_it() -> None:
    assert "Ekby Lokaler AB" in _orgs("4. Borgen för Ekby Lokaler AB om högst 20 mnkr")
    assert "Centrum för Lärande AB" in _orgs("Centrum för Lärande AB har ansökt om bidrag.")


def test_a_companys_minutes_with_its_org_number_in_brackets() -> None:
    text = ("Ekby Hamnfastigheter AB (556123-4567)\n\nProtokoll fört vid ordinarie årsstämma\nDatum: 2027-04-20\n"
            "Plats: Ekby kommunhus\n\n1. Stämmans öppnande\nOrdföranden öppnade stämman.\n\n"
            "2. Val av justerare\nPer Ek utsågs att justera protokollet.\n")
    assert kdextract.parse(text, ner=False).meta.organisation == "Ekby Hamnfastigheter AB"


def test_one_more_person_after_two_listed_between_commas() -> None:
    value = "Ingrid Holm, ordförande, Sven Ahl, Yildiz Toprak"
    assert [e.name for e in entries_in(value, 0, len(value), "member")] == ["Ingrid Holm", "Sven Ahl", "Yildiz Toprak"]


def test_an_organisation_after_a_persons_role_is_no_person() -> None:
    value = "Per Alm, projektledare, Turismutveckling Ekbyregionen"
    assert [e.name for e in entries_in(value, 0, len(value), "member")] == ["Per Alm"]


def test_a_plan_put_out_for_review_over_a_coming_period_is_planned() -> None:
    doc = kdextract.parse("Protokoll 2027-05-10\n\nBeslut\nByggnadsnämnden beslutar att ställa ut planförslaget för "
                          "granskning under tiden 7–28 juni 2027.\n", ner=False)
    assert "2027-06-07/2027-06-28" in {d.value for d in doc.deadlines}


def test_a_review_before_the_documents_date_is_no_deadline() -> None:
    doc = kdextract.parse("Protokoll 2027-05-10\n\nPlanförslaget var föremål för granskning under tiden "
                          "1–22 mars 2027.\n", ner=False)
    assert not doc.deadlines


def test_a_plans_year_is_no_deadline_beside_the_season_it_is_made_in() -> None:
    doc = kdextract.parse("Datum: 2027-03-01\n\nBudgeten för 2028 tas fram under hösten 2027.\n", ner=False)
    assert [d.value for d in doc.deadlines] == ["2027-FA"]


def test_a_reports_as_of_month_is_no_deadline() -> None:
    doc = kdextract.parse("Datum: 2027-03-01\n\nNämnden ska behandla delårsrapporten per augusti i oktober.\n",
                          ner=False)
    assert [d.value for d in doc.deadlines] == ["2027-10"]


def test_the_word_minus_makes_an_amount_negative() -> None:
    found = [(a.text, a.value) for a in kdextract.find_amounts("Prognosen visar minus 1,4 mnkr mot budget.")]
    assert found == [("minus 1,4 mnkr", -1400000)]
