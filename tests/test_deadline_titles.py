"""A deadline in an item's title that the body states again (minutes written for these tests)."""

from __future__ import annotations

import kdextract

MINUTES = """Tekniska nämnden
Protokoll 2027-11-18

§ 88    Ny renhållningstaxa från och med 1 februari 2028

Förvaltningen har räknat om taxan för hämtning av hushållsavfall.

Tekniska nämnden beslutar

att anta den nya renhållningstaxan att gälla från och med den 1 februari 2028.

§ 89    Parkeringsavgifter fr.o.m. 1 mars 2028

Ärendet bordläggs.
"""


def _deadlines() -> list[tuple[str, str]]:
    return [(d.value, d.what) for d in kdextract.parse(MINUTES, ner=False).deadlines]


def test_a_title_date_that_the_body_repeats_is_one_deadline_in_the_body_words() -> None:
    found = [what for value, what in _deadlines() if value == "2028-02-01"]
    assert len(found) == 1
    assert "renhållningstaxan" in found[0]


def test_a_title_date_alone_stays_a_deadline() -> None:
    assert [value for value, _ in _deadlines() if value == "2028-03-01"] == ["2028-03-01"]


def test_ids_follow_text_order() -> None:
    assert [d.id for d in kdextract.parse(MINUTES, ner=False).deadlines] == ["dl-1", "dl-2"]


REPORT = """Kultur- och fritidsnämnden
2027-09-01

Planerade och pågående upprustningar 2028

Bibliotekets tak byggs om under våren 2028.
"""


def test_a_year_in_a_heading_that_names_a_collection_is_no_deadline() -> None:
    found = [(d.value, d.what) for d in kdextract.parse(REPORT, ner=False).deadlines]
    assert "2028" not in [value for value, _ in found]
    assert [value for value, _ in found] == ["2028-SP"]


def test_a_decision_that_restates_its_proposal_dates_one_thing() -> None:
    # our own minutes: the office's proposal and the board's decision state one closing day
    text = ("Fritidsnämnden\nPROTOKOLL\nSammanträdesdatum 2026-10-12\n\n§ 14 Fritidsgården i Norrvik\n"
            "Förvaltningen föreslår att fritidsgården i Norrvik stängs från den 1 mars 2027.\n\n"
            "Beslut\nNämnden beslutar att stänga fritidsgården i Norrvik från den 1 mars 2027.\n\n"
            "§ 15 Simhallen\nSimhallen stänger från den 1 mars 2027 för renovering.\n")
    found = kdextract.parse(text, ner=False).deadlines
    assert [(d.value, d.id) for d in found] == [("2027-03-01", "dl-1"), ("2027-03-01", "dl-2")]
    assert "beslutar" in found[0].text and "Simhallen" in found[1].what  # the decided one stays; another item's too


def test_a_decision_that_names_its_proposal_day_in_other_words_dates_one_thing() -> None:
    # our own minutes: the proposal says what ends on a day, the decision (under "Beslut") from which day
    text = ("Socialnämnden\nPROTOKOLL\nSammanträdesdatum 2026-09-14\n\n§ 52 Boendeplatser på Lärkgården\n\n"
            "Ärendebeskrivning\nFörvaltningen föreslår att fyra av tio platser läggs ned den 30 april 2027.\n\n"
            "Beslut\nSocialnämnden beslutar att avveckla fyra boendeplatser på Lärkgården från och med den "
            "30 april 2027.\n\n§ 53 Dagverksamheten\n\nÄrendebeskrivning\nFörvaltningen föreslår att måltidstaxan höjs från och med den 30 april 2027.\n\n"
            "Beslut\nSocialnämnden beslutar att öppna dagverksamheten i nya lokaler från och med den 30 april 2027.\n")
    found = kdextract.parse(text, ner=False).deadlines
    assert [d.value for d in found] == ["2027-04-30"] * 3
    assert "Lärkgården" in found[0].text and "måltidstaxan" in found[1].text  # no word shared in § 53: two things
