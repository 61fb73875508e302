"""Gaps left open by held-out batches 29–32, each in our own words: the year-less days and months under a heading
that plans another year (a section's title, a line of its own, a table head's first cell, a note on an agenda item
so titled); a role whose first word ends the line above ("Rune Lax (V), vice" / "ordförande"); a board's
abbreviation that cites its decision ("KS 2025-11-03 § 210")."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.records.attendance import entries_in

_HEAD = """PROTOKOLL
Fritidsnämnden
Sammanträdesdatum 2026-10-21

§ 30 Val av justerare

Ordföranden utser Petra Sund att jämte ordföranden justera protokollet. Justeringen sker på
förvaltningens kontor efter sammanträdet och protokollet anslås därefter på anslagstavlan.

"""


def _values(text: str) -> dict[str, str]:
    return {d.text: d.value for d in kdextract.parse(text).dates}


@pytest.mark.parametrize("heading", ["Sammanträdesplan 2027", "Tidplan för 2027", "Mötesdagar 2027",
                                     "Planering inför 2027"])
def test_year_less_dates_under_a_plans_heading_take_its_year(heading: str) -> None:
    text = _HEAD + f"""§ 31 Nämndens arbete

Nämnden höll i juni ett extra möte om simhallen.

{heading}

Nämnden träffas tisdag 9 mars, 15 juni och i september. Uppehåll i juli.

§ 32 Övriga frågor

Lokalerna städas i juli.
"""
    found = [(d.text, d.value) for d in kdextract.parse(text).dates]
    assert ("tisdag 9 mars", "2027-03-09") in found
    assert ("15 juni", "2027-06-15") in found
    assert ("i september", "2027-09") in found
    assert [v for t, v in found if t == "i juli"] == ["2027-07", "2026-07"]  # the next section keeps the window's
    assert ("i juni", "2026-06") in found  # so does the running text above the heading


def test_a_table_head_naming_the_plans_year() -> None:
    text = _HEAD + """§ 31 Möten

Mötesdagar 2027      Tid       Lokal
12 juli              13.00     Stadshuset
i augusti            09.00     Simhallen
"""
    found = _values(text)
    assert found["12 juli"] == "2027-07-12"
    assert found["i augusti"] == "2027-08"


def test_a_year_in_a_running_sentence_is_no_plans_heading() -> None:
    text = _HEAD + """§ 31 Möten

Sammanträdesplan 2027 tas upp i december. Ett möte hölls i juli.
"""
    found = _values(text)
    assert found["i juli"] == "2026-07"


def test_a_note_on_an_agenda_item_titled_as_a_years_plan() -> None:
    text = """KALLELSE
Tekniska nämnden                                 2026-10-30

Dag och tid     Torsdagen den 12 november 2026 kl. 13.00
Plats           Stadshuset, rum Ekorren

Nr  Ärende                                  Dnr            Föredragande
1   Val av justerare                        –              Ordföranden
2   Taxa för torghandel                     TN 2026/55     Jonas Ek
3   Sammanträdesplan 2027                   TN 2026/61     Sekreteraren
4   Informationsärenden                     –              Förvaltningschefen

Till ärende 2: Taxan höjdes senast i augusti.

Till ärende 3: Nämnden föreslås träffas andra torsdagen varje månad utom
i juli.

Handlingarna skickas ut fredag 6 november.
"""
    found = kdextract.parse(text).dates
    by_text = {d.text: d.value for d in found}
    assert by_text["i juli"] == "2027-07"
    assert by_text["i augusti"] == "2026-08"  # the note on another item keeps the nearest year
    assert by_text["fredag 6 november"] == "2026-11-06"


@pytest.mark.parametrize(("text", "role"), [
    ("Rune Lax (V), vice\nordförande; Sofia Nyqvist (L)", "vice ordförande"),
    ("Rune Lax (V), v\nordf.\nSofia Nyqvist (L)", "vice ordförande"),
    ("Rune Lax (V), andre vice\n      ordförande, Sofia Nyqvist (L)", "andre vice ordförande"),
])
def test_a_role_wrapped_after_its_first_word_keeps_it(text: str, role: str) -> None:
    found = [(e.name, e.role) for e in entries_in(text, 0, len(text), "member")]
    assert found == [("Rune Lax", role), ("Sofia Nyqvist", None)]


def test_a_wrapped_vice_in_a_protocols_attendance_line() -> None:
    text = """PROTOKOLL
Miljönämnden
Sammanträdesdatum 2026-09-14

Ledamöter: Greta Olin (C), ordförande; Rune Lax (V), vice
ordförande; Sofia Nyqvist (L)
Sekreterare: Maria Boman

§ 12 Val av justerare

Nämnden utser Sofia Nyqvist att justera protokollet.
"""
    roles = {p.name: p.role for p in kdextract.parse(text).people}
    assert roles["Rune Lax"] == "vice ordförande"
    assert roles["Greta Olin"] == "ordförande"


@pytest.mark.parametrize("text", [
    "Socialnämnden fick redan i våras, KS 2025-11-03 § 210, i uppdrag att se över taxan.",
    "Socialnämnden fick i uppdrag av KS 2025-11-03\n§ 210 att se över taxan.",
    "Uppdraget gavs av KSAU § 58 i oktober.",
])
def test_a_boards_abbreviation_citing_its_decision_names_the_board(text: str) -> None:
    names = {o.name for o in kdextract.parse(text).organisations}
    assert names & {"KS", "KSAU"}


@pytest.mark.parametrize("text", [
    "Socialnämnden fick i uppdrag av KS att se över taxan.",
    "Diarienummer KS 2025-11-03 saknas i ärendet.",
])
def test_a_bare_board_abbreviation_stays_no_organisation_of_its_own(text: str) -> None:
    names = {o.name for o in kdextract.parse(text).organisations}
    assert not names & {"KS", "KSAU"}
