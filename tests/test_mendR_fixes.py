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


def test_a_repeated_document_head_ends_the_item_before_it() -> None:
    """The second extract's head (its title, body and meeting day) is no part of the first extract's §."""
    doc = kdextract.parse(TWO_EXTRACTS, ner=False)
    first, second = (s for s in doc.sections if s.number in ("§ 7", "§ 19"))
    head = TWO_EXTRACTS.index("PROTOKOLLSUTDRAG", 1)
    assert first.end <= head < second.start and first.body_end <= head
    assert next(d for d in doc.dates if d.value == "2027-02-23").section is None


RUNNING_HEADER = """PROTOKOLL

Tekniska nämnden
Sammanträdesdatum 2027-05-11

§ 31 Dnr TN 2027/40
Upphandling av vinterväghållning

Förvaltningen har tagit fram ett förslag till förfrågningsunderlag för
vinterväghållningen i kommunens norra del.

PROTOKOLL

Tekniska nämnden
Sammanträdesdatum 2027-05-11

Underlaget har stämts av med räddningstjänsten och kollektivtrafiken.

Tekniska nämnden beslutar att godkänna förfrågningsunderlaget.

§ 32 Dnr TN 2027/41
Information
"""


def test_a_page_header_inside_an_item_that_goes_on_ends_nothing() -> None:
    """A running page header with prose after it, not an item, leaves the § whole."""
    doc = kdextract.parse(RUNNING_HEADER, ner=False)
    item = next(s for s in doc.sections if s.number == "§ 31")
    assert item.end >= RUNNING_HEADER.index("Tekniska nämnden beslutar")


NOTICE_TABLE = """KALLELSE
Kultur- och fritidsnämnden
Tid: Onsdag 14 april 2027 kl. 13.00
Plats: Biblioteket, sal 2

Ärende                                         Dnr             Föredragande
1. Val av justerare
2. Fastställande av dagordning
3. Bidrag till studieförbunden 2027            KFN 2027/8      Lisa Holm
4. Ny taxa för simhallen                       KFN 2027/15     Omar Said

Förhinder anmäls till nämndsekreteraren Karl Berg senast den 9 april.
"""


def test_the_prose_under_a_table_of_items_is_no_body_of_its_last_item() -> None:
    """The notice's own sentence under its table of items belongs to no item; its deadline keeps its subject."""
    doc = kdextract.parse(NOTICE_TABLE, document_date=DAY, ner=False)
    last = next(s for s in doc.sections if s.number == "4")
    assert last.end <= NOTICE_TABLE.index("\n\nFörhinder") + 1
    [deadline] = doc.deadlines
    assert deadline.section is None and deadline.what.split()[0] == "Förhinder", deadline


def test_an_item_that_has_a_body_of_its_own_keeps_it() -> None:
    """Items with text under each, not a table of one-line items: the last item's text is its own."""
    text = NOTICE_TABLE.replace("2. Fastställande av dagordning\n", "2. Fastställande av dagordning\n\nInga ändringar.\n\n")
    last = next(s for s in kdextract.parse(text, document_date=DAY, ner=False).sections if s.number == "4")
    assert last.end > text.index("Förhinder")
