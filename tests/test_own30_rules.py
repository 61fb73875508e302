"""Rules found missing by held-out batch 30 (tests/data/own_corpus30), each in our own words: a role noun before a
company's name; a year that says whose cost it is; an association's branch after a name and a comma on a list's
line, and the bare association then that branch; a notice's agenda run into one paragraph with a point after each
entry; a matter a board settles later; a table of recruitments, row by row; thanks for the year; a property named
last in a title; a role after a semicolon in an attendance run."""

from __future__ import annotations

import datetime as dt

import kdextract


def _orgs(text: str) -> dict[str, list[str]]:
    return {o.name: list(o.aliases) for o in kdextract.parse(text).organisations}


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


def test_a_role_noun_in_the_definite_form_opens_no_company_name() -> None:
    text = ("Ekby kommun\nBygglovsenheten\n\nBeslut 2027-03-02\n\nVid tillsynen fann vi att en altan byggts utan lov. "
            "Ägaren Norrby Fastighetsservice AB har inte yttrat sig.\n")
    names = _orgs(text)
    assert "Norrby Fastighetsservice AB" in names
    assert not any(n.startswith("Ägaren") for n in names)


def test_a_year_that_says_whose_cost_it_is_is_no_deadline() -> None:
    text = ("Ekby kommun\nTJÄNSTESKRIVELSE\n2027-02-10\n\nEkonomi\nKostnaden för 2028 beräknas till 4,2 mkr och "
            "ryms i ramen. Kostnaderna för 2029 blir något lägre.\n")
    assert [d.value for d in kdextract.parse(text).deadlines] == []


ATTENDANCE = """Minnesanteckningar
Kommunala pensionärsrådet, Ekby kommun
Datum: 2027-03-08

Närvarande
Eva Holm, PRO Västerby
Ola Berg, SPF Seniorerna Tallåsen
Siv Ek (S), ordförande

1. Hemtjänsten
Eva, PRO: Hur går det med nyckelfria lås?
Siv svarade att alla lås är bytta.
"""


def test_an_association_with_its_branch_after_a_name_and_a_comma_on_a_list_line() -> None:
    names = _orgs(ATTENDANCE)
    assert "SPF Seniorerna Tallåsen" in names
    assert not any(n == "Seniorerna Tallåsen" for n in (p.name for p in kdextract.parse(ATTENDANCE).people))


def test_the_bare_association_is_the_one_branch_of_it_in_the_text() -> None:
    names = _orgs(ATTENDANCE)
    assert "PRO" not in names
    assert "PRO" in names["PRO Västerby"]


def test_the_bare_association_stays_itself_beside_two_branches() -> None:
    text = ATTENDANCE.replace("Siv Ek (S), ordförande", "Per Lund, PRO Österby\nSiv Ek (S), ordförande")
    assert "PRO" in _orgs(text)


NOTICE = """KUNGÖRELSE

Ekby kommun

Kommunfullmäktige sammanträder måndagen den 14 juni 2027 kl. 18.00 i Folkets hus. Sammanträdet är offentligt.

Ärenden: 1. Val av justerare. 2. Årsredovisning 2026 och ansvarsfrihet. 3. Taxa för bygglov. 4. Svar på motion om \
cykelvägar. 5. Meddelanden.

Handlingarna finns i kommunhuset.

Ekby den 1 juni 2027

Anna Berg
ordförande
"""


def test_a_notice_agenda_run_into_one_paragraph_with_a_point_after_each_entry() -> None:
    assert _titles(NOTICE) == ["Val av justerare", "Årsredovisning 2026 och ansvarsfrihet", "Taxa för bygglov",
                               "Svar på motion om cykelvägar", "Meddelanden"]


def test_numbered_proposals_each_a_sentence_on_its_own_line_head_nothing() -> None:
    memo = ("Ekby kommun\nTJÄNSTESKRIVELSE\n2027-02-10\n\nFörslag till beslut\n1. Avtalet förlängs ett år.\n"
            "2. Förvaltningen får i uppdrag att upphandla på nytt.\n\nBakgrund\nAvtalet löper ut i år.\n")
    titles = _titles(memo)
    assert "Avtalet förlängs ett år" not in titles
    assert "Förslag till beslut" in titles


def _deadlines(text: str) -> list[tuple[str, str]]:
    return [(str(d.value), d.what) for d in kdextract.parse(text).deadlines]


def test_a_matter_settled_by_a_board_on_a_later_date_is_planned() -> None:
    notes = ("Minnesanteckningar\nBrukarrådet, Ekby kommun\nDatum: 2027-03-08\n\n1. Boendeplatser\nKön till "
             "boendet är lång. Fördelningen av platserna avgörs av nämnden i maj.\n")
    assert any(value == "2027-05" for value, _ in _deadlines(notes))


REPORT = """Ekby kommun
Kommundirektörens rapport
2027-03-01

Nya medarbetare

Ekonomichef            Lisa Ström            2027-04-01
Rektor Åsskolan        Omar Said             2 maj 2027
Vaktmästare            Kent Blom             tillträdde 2027-02-01

Övrigt
Rapporten läggs till handlingarna.
"""


def test_each_row_of_a_table_of_recruitments_is_planned_with_its_own_words() -> None:
    found = dict(_deadlines(REPORT))
    assert "Lisa Ström" in found["2027-04-01"] and "Omar" not in found["2027-04-01"]
    assert "Omar" in found["2027-05-02"] and "Lisa" not in found["2027-05-02"]
    assert "2027-02-01" not in found


def test_thanks_for_the_year_is_no_date() -> None:
    text = "Ordföranden tackade för året och avslutade mötet."
    assert kdextract.find_dates(text, reference=dt.date(2026, 12, 10)) == []
    assert [m.text for m in kdextract.find_dates("Resultatet för året blev gott.", reference=dt.date(2026, 12, 10))] \
        == ["för året"]


def test_a_property_named_last_in_a_paragraph_title_keeps_its_number() -> None:
    minutes = ("Ekby kommun\nBygg- och miljönämnden\nProtokoll 2027-03-10\n\n§ 21  Bygglov för garage, Lärkan 4\n"
               "Ansökan har kommit in.\n\nBeslut\nNämnden beviljar bygglov.\n\n§ 22  Tillsyn av avlopp, Ugglan 12\n"
               "Tillsyn har skett.\n\nBeslut\nNämnden avslutar ärendet.\n")
    assert _titles(minutes) == ["Bygglov för garage, Lärkan 4", "Tillsyn av avlopp, Ugglan 12"]


def test_a_role_after_a_semicolon_in_an_attendance_run_is_the_next_name_s() -> None:
    minutes = ("Ekby Hem AB\nProtokoll fört vid styrelsemöte 2027-03-02\n\nNärvarande: Eva Ek, ordförande; Per Lund\n"
               "Övriga: Anna Berg; ekonomichef Olle Sand, sekreterare\n\n§ 1 Mötets öppnande\nMötet öppnades.\n")
    roles = {p.name: p.role for p in kdextract.parse(minutes).people}
    assert roles["Anna Berg"] != "ekonomichef"
    assert roles["Olle Sand"] in ("ekonomichef", "sekreterare")
