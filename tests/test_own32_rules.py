"""Rules found missing by held-out batch 32 (tests/data/own_corpus32), each in our own words: two periods of one
kind joined by a dash; a day's month on the next line in a span of dates; a follow-up's numbered commissions over
their fields, and the proposal after them; a county's name split by a line break; a notice that minutes were
adjusted and posted."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract


def _dates(text: str, ref: dt.date = dt.date(2027, 1, 10)) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in kdextract.find_dates(text, reference=ref)]


@pytest.mark.parametrize(("text", "value"), [
    ("Utbyggnad   kvartal 2 2028 – kvartal 3 2029", "2028-Q2/2029-Q3"),
    ("Arbetet pågår Q3 2027–Q2 2028.", "2027-Q3/2028-Q2"),
    ("Mätningar görs v. 48 2027 – v. 3 2028.", "2027-W48/2028-W03"),
    ("Skogsröjning hösten 2027 – våren 2028.", "2027-FA/2028-SP"),
    ("Drift andra halvåret 2027 – första halvåret 2029.", "2027-H2/2029-H1"),
])
def test_two_periods_of_one_kind_with_their_years_across_a_dash_are_one_range(text: str, value: str) -> None:
    found = _dates(text)
    assert [v for _, v in found] == [value]


def test_periods_in_reverse_order_or_of_two_kinds_stay_apart() -> None:
    assert [v for _, v in _dates("Q4 2028 – Q1 2027")] == ["2028-Q4", "2027-Q1"]
    assert [v for _, v in _dates("Q4 2027 – våren 2028")] == ["2027-Q4", "2028-SP"]


def test_a_span_of_dates_whose_first_month_wraps_to_the_next_line() -> None:
    found = _dates("Badplatsen är bevakad från 1\njuni–31 augusti varje år.")
    assert [v for _, v in found] == ["2027-06-01/2027-08-31"]


FOLLOW_UP = """Ekby kommun
Socialförvaltningen

TJÄNSTESKRIVELSE
Datum: 2027-01-12
Diarienummer: SN 2027/4
Handläggare: Ali Berg, utredare

Uppföljning av nämndens uppdrag

Sammanfattning
Nämnden följer upp sina uppdrag två gånger om året.

Uppdrag 1. Ny rutin för hembesök
Givet: SN 2026-03-10, § 22
Status: Klart. Rutinen gäller sedan oktober.

Uppdrag 2. Plan för fler familjehem
Givet: SN 2026-05-12, § 40
Status: Pågår. Planen redovisas i april.

Förslag till beslut
Nämnden godkänner uppföljningen.

Ali Berg
Utredare
"""


def test_a_follow_ups_numbered_commissions_over_their_fields_are_its_sections() -> None:
    titles = [(s.title, s.level) for s in kdextract.parse(FOLLOW_UP).sections]
    assert ("Ny rutin för hembesök", 1) in titles
    assert ("Plan för fler familjehem", 1) in titles


def test_the_proposal_after_the_last_commission_is_a_part_of_the_memo() -> None:
    titles = [(s.title, s.level) for s in kdextract.parse(FOLLOW_UP).sections]
    assert ("Förslag till beslut", 1) in titles


def test_a_two_word_county_split_by_a_line_break_before_its_genitive() -> None:
    text = ("Ekby kommun\nBygglovsenheten\n\nBeslut 2027-02-02\n\nBeslutet kan överklagas hos Länsstyrelsen i Östra\n"
            "Norrlands län inom tre veckor.\n")
    names = [o.name for o in kdextract.parse(text).organisations]
    assert "Länsstyrelsen i Östra Norrlands län" in names
    assert "Länsstyrelsen i Östra" not in names


def test_a_capital_on_the_next_line_after_a_county_is_no_part_of_it() -> None:
    text = "Ekby kommun\n\nYttrande kom in från Länsstyrelsen i Dalarna\nKommunen har svarat.\n"
    names = [o.name for o in kdextract.parse(text).organisations]
    assert "Länsstyrelsen i Dalarna" in names


NOTICE = """EKBY KOMMUN
Kansliet

TILLKÄNNAGIVANDE OM JUSTERAT PROTOKOLL

Protokollet har justerats. Tillkännagivandet finns på kommunens anslagstavla.

Organ                            Tekniska nämnden
Sammanträdesdatum                2027-03-02
Datum då anslaget sätts upp      2027-03-05
Datum då anslaget tas ned        2027-03-27
Förvaringsplats för protokollet  Kansliet

Intygar
Ove Lund
sekreterare
"""


def test_a_notice_of_posted_minutes_is_no_protocol_and_is_dated_the_day_it_is_posted() -> None:
    meta = kdextract.parse(NOTICE).meta
    assert meta.kind == "other"
    assert meta.date == "2027-03-05"
    assert "TILLKÄNNAGIVANDE OM JUSTERAT PROTOKOLL" not in [s.title for s in kdextract.parse(NOTICE).sections]


def test_a_protocol_that_mentions_its_adjusted_minutes_stays_a_protocol() -> None:
    text = ("EKBY KOMMUN   SAMMANTRÄDESPROTOKOLL\nTekniska nämnden   2027-03-02\n\n§ 4 Val av justerare\n"
            "Eva Ek justerar.\n\nBEVIS OM ANSLAG\nNämndens justerade protokoll har anslagits 2027-03-05.\n")
    assert kdextract.parse(text).meta.kind == "protokoll"


def test_a_project_forms_label_line_names_the_project() -> None:
    text = ("Ekby kommun   PROJEKTPLAN\n\nProjekt: Säker skolväg Norrby\nProjektägare: Eva Ek\n\n1. Bakgrund\n"
            "Vägen till skolan saknar belysning.\n")
    assert [p.name for p in kdextract.parse(text).projects] == ["Säker skolväg Norrby"]


def test_a_compound_that_heads_a_price_lists_item_is_no_initiative() -> None:
    text = "Ekby kommun\n\nTaxa 2027\n- Båtlyft: 850 kr per tillfälle.\n- Mastlyft: 400 kronor/timme.\n"
    assert [p.name for p in kdextract.parse(text).projects] == []


def test_an_initiative_with_its_budget_after_a_colon_stays_one() -> None:
    text = "Ekby kommun\n\nSatsningar 2027\nKompetenslyftet: 2 mnkr till vården.\n"
    assert [p.name for p in kdextract.parse(text).projects] == ["Kompetenslyftet"]


def test_a_report_planned_in_the_present_tense_is_a_deadline() -> None:
    text = ("Ekby kommun\nPROJEKTPLAN\n2027-01-10\n\nOrganisation\nProjektledaren rapporterar till styrgruppen "
            "varannan månad, första gången i mars 2027.\n")
    assert [(d.value, d.kind) for d in kdextract.parse(text).deadlines] == [("2027-03", "planned")]


def test_a_unit_named_by_its_type_word_and_field_in_the_letterhead() -> None:
    text = "Ekby kommun\nSektor utbildning och kultur\n\nPM\nSkolans lokaler behöver ses över.\n"
    orgs = {o.name: o.kind for o in kdextract.parse(text).organisations}
    assert orgs.get("Sektor utbildning och kultur") == "administration"


def test_a_year_less_turn_of_the_half_year_is_the_coming_one() -> None:
    text = "Om tillståndet kommer först efter halvårsskiftet flyttas starten."
    assert [v for _, v in _dates(text, dt.date(2026, 11, 20))] == ["2027-07-01"]
    assert [v for _, v in _dates("Vid halvårsskiftet avslutades arbetet.", dt.date(2026, 11, 20))] == ["2026-07-01"]


def test_a_date_in_a_condition_that_opens_the_sentence_takes_no_modal_of_the_main_clause() -> None:
    text = ("Ekby kommun\nPM\n2027-01-10\n\nRisker\nOm tillståndet ges först i maj kan bygget skjutas till "
            "hösten 2027.\n")
    values = [d.value for d in kdextract.parse(text).deadlines]
    assert "2027-05" not in values
    assert "2027-FA" in values
