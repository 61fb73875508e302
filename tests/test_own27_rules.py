"""Rules found missing by held-out batch 27 (tests/data/own_corpus27), each in our own words: a company's board
minutes numbered "Punkt N" with a label's word as a title; "beslutar" over "- att" lines; a joint board named
"Gemensamma nämnden för …"; a room's "Sal" before its name; a motion's author proposing; a case number's prefix
under a year that reads as a currency."""

from __future__ import annotations

import kdextract

BOARD_MINUTES = """Åby Hamnfastigheter AB (org.nr 556000-1111)
Protokoll fört vid styrelsemöte nr 3/2027
Dag: 2027-04-08, kl. 16.00–18.00
Ort: Bolagets kontor, Kajvägen 2

Styrelsen: Eva Lind (ordf.), Per Ek, Ulla Holm
Övriga: Sara Berg (VD), Tor Mark (sekr.)

Punkt 1  Mötets öppnande
Ordföranden öppnar mötet.

Punkt 2  Justerare
Per Ek utses att jämte ordföranden justera protokollet.

Punkt 3  Försäljning av båthallen
VD redogör för de två anbud som har kommit in.
Styrelsen beslutar att sälja båthallen till högstbjudande.

Punkt 4  Nästa möte
Nästa möte hålls i juni.
"""


def test_an_item_numbered_punkt_with_a_labels_word_as_its_title_is_no_form_label() -> None:
    titles = [s.title for s in kdextract.parse(BOARD_MINUTES).sections if s.level == 1]
    assert titles == ["Mötets öppnande", "Justerare", "Försäljning av båthallen", "Nästa möte"]


JOINT_BOARD = """Protokoll
Gemensamma nämnden för tolkförmedling
Värdkommun: Ekby kommun

Sammanträdesdatum: 2027-02-11

1. Avgifter för 2028
Avgiften per tolkuppdrag höjs med två procent.
Nämnden beslutar
- att fastställa avgifterna för tolkuppdrag,
- att informera de samverkande kommunerna.

2. Rapport om väntetider
Väntetiderna har minskat under hösten.
Nämnden beslutar
- att lägga rapporten till handlingarna.

Lena Holm, sekreterare
"""


def test_decides_over_dashed_att_lines_is_one_decision_with_its_clauses() -> None:
    texts = [d.text for d in kdextract.parse(JOINT_BOARD).decisions]
    assert any("fastställa avgifterna för tolkuppdrag" in t for t in texts)
    assert any("lägga rapporten till handlingarna" in t for t in texts)
    assert all(t.strip() != "Nämnden beslutar" for t in texts)


def test_a_joint_board_named_for_what_it_does_is_an_organisation() -> None:
    names = [o.name for o in kdextract.parse(JOINT_BOARD).organisations]
    assert "Gemensamma nämnden för tolkförmedling" in names
    text = "Ärendet har beretts av Gemensam nämnd för upphandling."
    assert "Gemensam nämnd för upphandling" in [o.name for o in kdextract.parse(text).organisations]


def test_a_rooms_sal_before_its_name_is_no_person() -> None:
    text = "KALLELSE\nSocialnämnden\n\nTid        torsdag 4 mars 2027 kl. 13.00\nLokal      Sal Linnean, stadshuset\n"
    assert not any(p.name.startswith("Sal ") for p in kdextract.parse(text).people)


def test_a_motions_author_proposing_is_no_proposal_of_the_body() -> None:
    text = ("KALLELSE\nKultur- och fritidsnämnden\n\n4. Svar på motion om fler utegym\n\n"
            "Kommentar till ärende 4\nMotionären föreslår att kommunen bygger ett utegym i varje tätort.\n")
    assert not any("utegym i varje tätort" in d.text for d in kdextract.parse(text).decisions)


def test_a_case_numbers_prefix_on_the_next_line_is_no_currency() -> None:
    text = "§ 12  Investeringsplan 2027–2031\nRS 2027-00412\n\nRegionstyrelsen har tagit fram en plan."
    assert kdextract.find_amounts(text) == []
    assert [a.value for a in kdextract.find_amounts("Priset är 300 rs per natt.")] == [300]


def _deadlines(text: str) -> list[tuple[str, str]]:
    return [(d.value, d.what or "") for d in kdextract.parse(text).deadlines]


def test_the_adjustment_day_opening_the_next_line_is_planned() -> None:
    text = ("PROTOKOLL\nKommunfullmäktige 2027-03-15\n\n§ 20  Val av justerare\n"
            "Anna Berg (C) och Omar Said (S) utses att justera protokollet\nfredag 19 mars 2027.\n\n"
            "§ 21  Motion om gatubelysning\nMotionen avslås.\n")
    assert ("2027-03-19", "justera protokollet") in _deadlines(text)


def test_a_budgets_timetable_fixing_day_is_planned() -> None:
    text = ("PM\nEkby kommun 2027-08-30\n\nTidplan\nNämndernas underlag lämnas in under september. "
            "Fullmäktige fastställer budgeten den 22 november.\n")
    assert "2027-11-22" in [v for v, _ in _deadlines(text)]


def test_the_years_a_plan_covers_are_no_deadline() -> None:
    text = ("PROTOKOLL\nRegionfullmäktige 2027-11-16\n\n§ 90  Budget\n\nBeslut\n"
            "Budget 2028 med plan för 2029–2030 fastställs.\n\n§ 91  Verksamhetsplan\n\nBeslut\n"
            "Verksamhetsplan för 2028–2030 fastställs.\n")
    assert _deadlines(text) == []


def test_signers_with_a_party_and_a_title_with_contact_details_keep_their_own_titles() -> None:
    text = ("KALLELSE\nMiljönämnden\n\nÅby den 2 mars 2027\n\nKarin Dahl (C)\nOrdförande\n\n"
            "Petter Sand\nNämndsekreterare, tfn 0123-456 78\n")
    roles = {p.name: (p.role or "").casefold() for p in kdextract.parse(text).people}
    assert roles == {"Karin Dahl": "ordförande", "Petter Sand": "nämndsekreterare"}
