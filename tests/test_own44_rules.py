"""Rules found missing by held-out batch 44 (tests/data/own_corpus44, decision- and deadline-dense minutes and memos
of the 2020s), each in our own words: notes of several lines under an agenda's items, a numbered week of the next
year, a board's abbreviation that cites its decision later in the clause, a signature's place before its date, a
municipality that calls itself "stad", a present passive after "projektet", cues of starts, promises and respites, a
particle passive with a duration before its month, and an action list's heading set tight over its rows of
"task – who – when"."""

from __future__ import annotations

import kdextract


def _deadlines(text: str) -> list[tuple[str, str]]:
    return [(d.value, d.text) for d in kdextract.parse(text).deadlines]


# -- notes of several lines under an agenda's items ------------------------------------------------------------

def test_agenda_items_with_wrapped_notes_and_lettered_points_are_all_items() -> None:
    text = ("Ekby kommun\nTekniska nämnden\n\nKALLELSE                                     2027-01-20\n\n"
            "Tid:    Onsdagen den 27 januari 2027, kl. 09.00\n\n"
            "Ärende                                   Dnr          Föredragande\n\n"
            "1.  Val av justerare\n"
            "2.  Uppföljning av vinterväghållningen   TN 2026/88   Lisa Bergwall\n"
            "    Nämnden beställde en uppföljning i oktober, att lämnas\n"
            "    före årsskiftet. Förvaltningen lämnar den nu.\n"
            "3.  Taxa för parkering                   TN 2027/4    Per Holmström\n"
            "    Förslaget höjer timtaxan i centrum.\n"
            "4.  Anmälan av delegationsbeslut         TN 2027/1\n"
            "    a) Gatuchefen har beslutat om en ny skyltplan för\n"
            "       hamnområdet.\n"
            "    b) Förvaltningschefen har tecknat ett avtal om sandning.\n"
            "5.  Övriga frågor\n")
    titles = [s.title for s in kdextract.parse(text).sections if s.level == 1]
    assert titles == ["Val av justerare", "Uppföljning av vinterväghållningen", "Taxa för parkering",
                      "Anmälan av delegationsbeslut", "Övriga frågor"]


# -- a numbered week of the next year ----------------------------------------------------------------------------

def test_week_with_next_year_takes_the_next_year() -> None:
    text = "Minnesanteckningar 2026-10-06\n\nLeverantören levererar den nya versionen vecka 9 nästa år.\n"
    dates = [(d.text, d.value) for d in kdextract.parse(text).dates]
    assert ("vecka 9 nästa år", "2027-W09") in dates
    assert "2027" not in [v for _, v in dates]  # no year of its own beside the week


# -- a board's abbreviation that cites its decision later in its clause -------------------------------------------

def test_board_abbreviation_citing_its_decision_later_in_the_clause_is_the_board() -> None:
    text = ("Ekby kommun\nKommunstyrelsen\n\nTjänsteskrivelse 2027-02-03\n\n"
            "KF beslutade den 14 december 2026, § 102, att förvaltningen ska se över taxan.\n")
    orgs = [o.name for o in kdextract.parse(text).organisations]
    assert "KF" in orgs
    bare = "Ekby kommun\nKommunstyrelsen\n\nTjänsteskrivelse 2027-02-03\n\nFrågan går vidare till KF.\n"
    assert "KF" not in [o.name for o in kdextract.parse(bare).organisations]  # no decision cited: still none


# -- a signature's place before its date ------------------------------------------------------------------------

def test_town_opening_a_signature_line_before_its_date_is_no_organisation() -> None:
    text = ("Region Ekbygd\nRegionstyrelsen\n\nPROTOKOLLSUTDRAG 2027-03-02\n\n§ 12  Avtal om hyra\n\n"
            "Beslut\nRegionstyrelsen godkänner avtalet.\n\nRätt utdraget intygar\nVetlanda den 4 mars 2027\n\n"
            "Eva Storm\nnämndsekreterare\n")
    assert "Vetlanda" not in [o.name for o in kdextract.parse(text).organisations]
    prose = "Region Ekbygd\n\nMinnesanteckningar 2027-03-02\n\nVi träffade Vetlanda kommun och Vetlanda i mars.\n"
    assert "Vetlanda kommun" in [o.name for o in kdextract.parse(prose).organisations]


# -- a municipality that calls itself "stad"; a national archive --------------------------------------------------

def test_haparanda_is_a_stad_and_riksarkivet_an_agency() -> None:
    doc = kdextract.parse("HAPARANDA STAD\nKommunledningsförvaltningen\n\nRapport 2027-05-10\n\n"
                          "Riksarkivet har granskat kommunens arkivplan.\n")
    assert doc.meta.organisation == "Haparanda stad"
    assert "Riksarkivet" in [o.name for o in doc.organisations]


# -- a present passive after "projektet" ------------------------------------------------------------------------

def test_present_passive_after_projektet_is_no_name() -> None:
    text = ("Minnesanteckningar 2027-04-12\n\nStyrgruppen föreslog att projektet förlängs. "
            "Ingen ville att projektet avslutas.\n")
    assert [p.name for p in kdextract.parse(text).projects] == []


# -- cues of starts, promises and respites -----------------------------------------------------------------------

def test_start_promise_and_respite_are_deadlines() -> None:
    text = ("Tjänsteskrivelse 2027-01-11\n\nFörvaltningen får i uppdrag att påbörja rivningen under tredje "
            "kvartalet 2027. Entreprenören har lovat nya ritningar vecka 8. Skolan begär anstånd till den "
            "15 maj 2027.\n")
    values = [v for v, _ in _deadlines(text)]
    assert "2027-Q3" in values
    assert "2027-W08" in values
    assert "2027-05-15" in values


def test_particle_passive_with_a_duration_before_the_month_is_planned() -> None:
    text = "Rapport 2027-05-03\n\nPlanförslaget för Norrbacka ställs ut under fyra veckor i september.\n"
    assert "2027-09" in [v for v, _ in _deadlines(text)]


# -- an action list's heading tight over its rows ----------------------------------------------------------------

def test_action_list_tight_over_its_rows_is_a_section_and_its_rows_are_due() -> None:
    text = ("Ekby kommun\n\nMinnesanteckningar\nArbetsgruppen för skolgårdar\nDatum: 2027-02-15\n\n"
            "1. Lägesbild\nArbetet med ritningarna fortsätter enligt plan och alla skolor har svarat.\n\n"
            "2. Nästa möte\nDen 20 april 2027 i stadshuset.\n\n"
            "Åtgärdslista\n"
            "Skicka ritningarna till skolorna – Omid Rahimi – v. 10\n"
            "Kostnadskalkyl för etapp två – Karin Lindvall – april 2027\n"
            "Boka lokal – Omid Rahimi – snarast\n")
    doc = kdextract.parse(text)
    assert [s.title for s in doc.sections if s.level == 1][-1] == "Åtgärdslista"
    found = {d.value: d.what for d in doc.deadlines}
    assert "Skicka ritningarna" in (found.get("2027-W10") or "")
    assert "Kostnadskalkyl" in (found.get("2027-04") or "")


def test_dashed_prose_under_a_heading_makes_no_rows() -> None:
    text = ("Ekby kommun\n\nRapport 2027-02-15\n\nÅtgärder\n"
            "Vi har – som tidigare år – gått igenom alla lekplatser och funnit brister på flera av dem, "
            "och en rapport lämnades i januari 2027.\n")
    assert "2027-01" not in [d.value for d in kdextract.parse(text).deadlines]
