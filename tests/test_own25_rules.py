"""Rules found missing by held-out batch 25 (tests/data/own_corpus25), each in our own words: an e-mail whose subject
line names the kind of the document."""

from __future__ import annotations

import datetime as dt

import kdextract
from kdextract.models import Mention, Organisation, Source
from kdextract.records.people import people_in
from kdextract.records.person_candidate import PCand

MAILED_REPORT = """From: Per Lund <per.lund@ekby.se>
Sent: Tuesday, March 9, 2027 8:05 AM
To: Kommunstyrelsen <ks@ekby.se>
Subject: Kommunchefens rapport inför sammanträdet i mars

Hej!

Skolan
Skolköket i Åbacka öppnar igen efter ombyggnaden.

Med vänlig hälsning
Per Lund
Kommunchef
"""


def test_a_kind_word_that_opens_an_e_mails_subject_names_the_document() -> None:
    assert kdextract.parse(MAILED_REPORT).meta.kind == "kommundirektorens_rapport"


def test_a_subject_label_outside_an_e_mail_opens_no_kind_word() -> None:
    memo = MAILED_REPORT.replace("From: Per Lund <per.lund@ekby.se>\nSent: Tuesday, March 9, 2027 8:05 AM\n", "Ekby kommun\n")
    assert kdextract.parse(memo).meta.kind != "kommundirektorens_rapport"


AGENDA = """Ekby kommun
Tekniska nämnden

KALLELSE

Tid: torsdag 4 mars 2027 kl. 9.00
Plats: Sammanträdesrum Åsen

Föredragningslista

Val av justerare

Budgetuppföljning februari
   Föredragande: Lina Berg, ekonom
   Utfallet följer budgeten.

Vinterväghållning
   Föredragande: Per Lund

Delegationsbeslut

Underlagen publiceras på kommunens webbplats en vecka före mötet.

Hjärtligt välkomna!

Eva Ek
Ordförande
"""


def test_lines_indented_under_an_unnumbered_agenda_item_belong_to_it() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA).sections if s.level == 1]
    assert not [t for t in titles if t.startswith(("Föredragande", "Utfallet"))]
    assert {"Val av justerare", "Budgetuppföljning februari", "Vinterväghållning", "Delegationsbeslut"} <= set(titles)


def test_a_paragraph_of_prose_after_an_agenda_ends_its_list() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA).sections if s.level == 1]
    assert not {"Hjärtligt välkomna!", "Eva Ek", "Ordförande"} & set(titles)


def test_a_persons_name_stops_where_an_organisations_name_begins() -> None:
    text = "Nämnden ger konstnären Lova Berg Bollnäs kommuns kulturstipendium för 2027."
    at = text.index("Lova")
    run_on = PCand(at, text.index(" kommuns"), "Lova Berg Bollnäs", rule="ner", score=0.9, explanation="model")
    where = text.index("Bollnäs")
    source = Source(method="rule", name="test", explanation="test")
    bollnas = Organisation(start=where, end=where + 15, text="Bollnäs kommuns", name="Bollnäs kommun",
                           kind="municipality", source=source,
                           mentions=[Mention(start=where, end=where + 15, text="Bollnäs kommuns", source=source)])
    assert [p.name for p in people_in(text, organisations=[bollnas], candidates=[run_on])] == ["Lova Berg"]


WEB_MINUTES = """Ekby kommun
Hem » Kommun och politik » Socialnämnden

Socialnämnden 3 mars 2027

Närvarande ledamöter: Eva Ek (S), ordförande, Per Holm (M), Lina Åkesson (C).
Övriga: Sara Lind, individ- och familjeomsorgschef, Mats Sjögren, sekreterare.

§ 12 Verksamhetsplan 2027
Beslut: Nämnden fastställer verksamhetsplanen.
"""


def test_an_attendance_label_over_a_second_one_makes_a_form_whose_secretary_is_the_author() -> None:
    assert kdextract.parse(WEB_MINUTES).meta.author == "Mats Sjögren"


def test_a_listed_persons_role_keeps_its_coordinated_first_part_and_drops_the_lists_full_stop() -> None:
    roles = {p.name: p.role for p in kdextract.parse(WEB_MINUTES).people}
    assert roles["Sara Lind"] == "individ- och familjeomsorgschef"
    assert roles["Mats Sjögren"] == "sekreterare"


BULLET_NOTES = """Ekby kommun
Minnesanteckningar från arbetsgruppen för lekplatser, 4 mars 2027

Närvarande: Lina Berg (parkchef) och Per Holm från föreningen.

* Lekplatsen i Åbacka
  - Gungorna är lagade. Sandlådan töms i april.
  - Ny belysning behövs vid entrén.

* Budget
  - Arbetsgruppen beslöt att prioritera lekplatsen vid skolan.

* Nästa steg
  - Per skickar en lista till parkchefen.
"""


def test_bulleted_lines_over_indented_points_are_the_notes_topics() -> None:
    titles = [s.title for s in kdextract.parse(BULLET_NOTES).sections if s.level == 1]
    assert titles[-3:] == ["Lekplatsen i Åbacka", "Budget", "Nästa steg"]


def test_a_single_bulleted_line_over_points_heads_nothing() -> None:
    one = BULLET_NOTES.split("* Budget")[0]
    assert "Lekplatsen i Åbacka" not in [s.title for s in kdextract.parse(one).sections]


def test_a_group_that_decided_in_the_past_tense_made_a_decision() -> None:
    decisions = [d.text for d in kdextract.parse(BULLET_NOTES).decisions]
    assert any("prioritera lekplatsen vid skolan" in d for d in decisions)


DELEGATION_LIST = """EKBY KOMMUN
Miljönämnden

Anmälan av delegationsbeslut
Period: 1 februari – 28 februari 2027
Anmäls vid nämndens sammanträde 2027-03-24

Dnr           Datum        Ärende                          Beslut     Delegat
MN 2027/14    2027-02-03   Tillstånd för värmepump         Beviljat   Lina Berg
MN 2027/19    2027-02-17   Anmälan om cistern              Noterat    Per Holm

Förslag till beslut
Miljönämnden lägger anmälan av delegationsbeslut till handlingarna.

Ekby den 9 mars 2027

Eva Ek
miljöchef
"""


def test_a_list_for_a_coming_meeting_is_dated_by_its_signature_not_by_the_period_it_covers() -> None:
    assert kdextract.parse(DELEGATION_LIST).meta.date == "2027-03-09"


PERMITS = """Ekby kommun
Byggnadsnämnden

Delegationsbeslut januari 2027

Dnr            Ärende                                   Beslut      Delegat
BN 2027/3      Marklov för parkering, Åbacka 2:15       Beviljat    Lina Berg
BN 2027/8      Avgift för tillsyn, Åbacka Fisk AB       2 300 kr    Per Holm
"""


def test_a_one_word_outcome_or_an_amount_is_read_with_the_case_it_decides_though_that_holds_digits() -> None:
    decisions = [d.text for d in kdextract.parse(PERMITS).decisions]
    assert any("Marklov för parkering, Åbacka 2:15" in d for d in decisions)
    assert any("Avgift för tillsyn, Åbacka Fisk AB" in d and "2 300 kr" in d for d in decisions)


def test_comments_under_a_lists_table_are_a_heading() -> None:
    text = DELEGATION_LIST.replace("Förslag till beslut\n", "Kommentarer\nInget av besluten har överklagats under "
                                   "perioden.\n\nFörslag till beslut\n")
    assert "Kommentarer" in [s.title for s in kdextract.parse(text).sections if s.level == 1]


def test_a_day_and_month_that_opens_a_calendars_line_is_a_date_though_it_could_be_a_fraction() -> None:
    text = "Kommande möten\n- 3/12 Budgetberedning\n- 10/12 Kommunstyrelsen\n"
    found = [(d.text, d.value) for d in kdextract.find_dates(text, reference=dt.date(2026, 11, 16))]
    assert ("3/12", "2026-12-03") in found


def test_a_fraction_in_prose_is_no_date() -> None:
    assert not kdextract.find_dates("Kommunen betalar 1/3 av kostnaden.", reference=dt.date(2026, 11, 16))


def test_a_short_heading_over_a_calendars_dated_points_is_a_heading() -> None:
    text = ("Ekby kommun\nKommunchefens rapport\n\nSkolan\nSkolköket i Åbacka öppnar igen efter ombyggnaden i "
            "början av nästa månad.\n\nPå gång\n- 9/3 Dialogmöte med föreningarna\n- 16/3 Budgetberedning\n"
            "- 30/3 Kommunfullmäktige\n")
    assert [s.title for s in kdextract.parse(text).sections if s.level == 1][-1] == "På gång"


def test_a_note_takers_label_after_a_sentence_in_a_prose_attendance_names_the_author() -> None:
    text = ("Ekby kommun\nMinnesanteckningar från dialogmöte med föreningslivet 2027-03-04\n\n"
            "Närvarande: Lina Berg (fritidschef) ledde mötet och Per Holm deltog för Åbacka IF. "
            "Antecknat av: Mats Sjögren.\n\n"
            "Lokaler\nFöreningarna vill kunna boka sporthallen även på söndagar under vintern.\n")
    assert kdextract.parse(text).meta.author == "Mats Sjögren"


def test_a_tables_dnr_column_heads_the_rows_case_numbers_not_the_documents() -> None:
    assert kdextract.parse(DELEGATION_LIST).meta.diarienummer is None


def test_a_dnr_label_in_a_row_of_labels_over_one_row_of_values_is_the_documents() -> None:
    text = ("Ekby kommun\nTjänsteskrivelse\n\nHandläggare      Datum         Dnr\nLina Berg        2027-03-04    KS 2027/55\n\n"
            "Taxa för parkering\n\nFörslag till beslut\nKommunstyrelsen föreslår fullmäktige att anta taxan.\n")
    assert kdextract.parse(text).meta.diarienummer == "KS 2027/55"


CAFES = """Ekby kommun
Miljönämnden

Dnr            Ärende                                          Beslut      Delegat
MN 2027/3      Tillsynsavgift livsmedel, Café Blåklockan       1 200 kr    Lina Berg
MN 2027/8      Registrering, Café Lingonet                     Beviljat    Per Holm
"""


def test_a_common_noun_that_opens_a_models_person_is_a_places_name() -> None:
    assert not [p.name for p in kdextract.parse(CAFES).people if p.name.startswith("Café")]
