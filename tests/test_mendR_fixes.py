"""Review findings mended on branch mendR, each in our own words."""

from __future__ import annotations

import datetime as dt

import kdextract

DAY = dt.date(2027, 3, 4)


def _whats(text: str) -> list[str]:
    return [d.what for d in kdextract.parse(text, document_date=DAY, ner=False).deadlines]


def test_an_addressee_right_before_the_cue_is_no_word_of_the_task() -> None:
    """"Till sekreteraren Karl Berg" says whom to tell; what is due is the report of absence before it."""
    for text, words in (("Förfall anmäls till nämndens sekreterare Karl Berg senast den 12 mars.", {"Förfall"}),
                        ("Synpunkter på förslaget lämnas hos Lena Ahl senast fredag 19 mars.", {"Synpunkter",
                                                                                               "förslaget"})):
        [what] = _whats(text)
        assert words <= set(what.split()) and not {"Karl", "Lena", "sekreterare"} & set(what.split()), what


def test_a_title_or_a_clause_after_the_preposition_is_no_addressee() -> None:
    """Only a name (maybe after its title) right before the cue is an addressee: "till lovskolan ska lämnas" names
    what the registration is for, and "till uppgift att kontakta Eva Ek" is the task itself."""
    [what] = _whats("Anmälan till sommarens lovskola ska lämnas senast den 15 maj.")
    assert "lovskola" in what.split(), what
    [what] = _whats("Gruppen har till uppgift att kontakta Eva Ek senast 30 juni 2027.")
    assert "kontakta" in what.split(), what


TWO_EXTRACTS = """PROTOKOLLSUTDRAG

Kultur- och fritidsnämnden
Sammanträdesdatum 2027-02-09

§ 7 Dnr KFN 2027/4
Bidrag till hembygdsföreningen

Kultur- och fritidsnämnden beslutar att bevilja föreningen 40 000 kr.

PROTOKOLLSUTDRAG

Kommunfullmäktige
Sammanträdesdatum:
2027-02-23

§ 19 Dnr KS 2027/11
Taxa för bibliotekets lokaler

Beslut
Kommunfullmäktige fastställer taxan enligt bilaga.

§ 20 Dnr KS 2027/12
Motion om fler parkbänkar

Kommunfullmäktige beslutar att bifalla motionen.
"""


def test_each_meetings_decisions_take_the_day_of_the_head_above_them() -> None:
    """A file of extracts from two meetings: the second meeting's decisions (in a "Beslut" block and in running
    text) are dated by its own head, with the label over its day, not by the document's first date."""
    doc = kdextract.parse(TWO_EXTRACTS, ner=False)
    assert [(d.text.split()[0], d.date) for d in doc.decisions] == [
        ("Kultur-", "2027-02-09"), ("Kommunfullmäktige", "2027-02-23"), ("Kommunfullmäktige", "2027-02-23")]
