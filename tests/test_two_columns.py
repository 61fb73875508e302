"""A page's two columns set side by side by PDF text: read column by column, offsets into the input kept.

The fixtures are ours: an invented municipality (Grävlinge kommun) and invented people.
"""

from __future__ import annotations

import kdextract
from kdextract.layout.two_columns import split_columns
from kdextract.text.view import TextView

_PAGE = """KALLELSE
Kultur- och fritidsnämnden i Grävlinge kommun

Kallelse till sammanträde              Praktisk information
Tid: tisdag 14 april 2026 kl. 17.30    Partierna har gruppmöten
Plats: Kulturhuset, sal Ekorren        kl. 16.30 i kulturhusets
                                       mötesrum.
Ärenden                                Förhinder anmäls till
1. Val av justerare                    nämndsekreteraren senast
2. Ny taxa för uthyrning av            torsdag 9 april.
   idrottshallarna                     Handlingarna finns i
3. Bidrag till studieförbunden         mötesappen från och med
4. Redovisning av delegationsbeslut    fredag 3 april.

Grävlinge den 1 april 2026

Ingrid Sandell
Ordförande
"""


def test_a_two_column_page_reads_its_left_column_then_its_right_one() -> None:
    text = split_columns(TextView.identity(_PAGE)).text
    assert "Ärenden\n1. Val av justerare\n2. Ny taxa för uthyrning av\n   idrottshallarna\n" in text
    assert "Förhinder anmäls till\nnämndsekreteraren senast\ntorsdag 9 april." in text
    assert text.index("4. Redovisning av delegationsbeslut") < text.index("Praktisk information")


def test_a_two_column_kallelse_gives_its_agenda_titles_and_its_boxs_deadlines() -> None:
    doc = kdextract.parse(_PAGE, ner=False)
    assert [s.title for s in doc.sections if s.level == 1] == [
        "Val av justerare", "Ny taxa för uthyrning av idrottshallarna", "Bidrag till studieförbunden",
        "Redovisning av delegationsbeslut"]
    assert {d.value for d in doc.deadlines} >= {"2026-04-09"}
    assert doc.meta.author == "Ingrid Sandell"


def test_every_record_of_a_two_column_page_points_into_the_input() -> None:
    doc = kdextract.parse(_PAGE, ner=False)
    assert doc.text == _PAGE
    located = [*doc.dates, *doc.deadlines, *doc.people, *doc.organisations]
    assert located
    for item in located:
        assert 0 <= item.start < item.end <= len(_PAGE)
        assert item.text == _PAGE[item.start:item.end]
    for d in doc.dates:
        assert _PAGE[d.start:d.end] == d.text and "\n" not in d.text.strip()
    for s in doc.sections:
        assert 0 <= s.start <= s.title_start <= s.title_end <= s.end <= len(_PAGE)


def test_a_table_and_a_list_of_names_side_by_side_stay_as_they_are() -> None:
    table = ("Datum        Dnr           Beslut                          Delegat\n"
             "2026-03-02   KFN 2026/11   Bidrag till dansföreningen      kulturchef\n"
             "2026-03-09   KFN 2026/14   Avslag på ansökan om bidrag     handläggare\n"
             "2026-03-16   KFN 2026/15   Hyra av lokal för sommarläger   fritidschef\n")
    names = ("Ledamöter                              Ersättare\n"
             "Ingrid Sandell (S), ordförande         Pia Lundin (S)\n"
             "Olof Berg (M), vice ordförande         Kent Åkesson (M)\n"
             "Malin Frid (C)                         Jonas Mark (V)\n")
    for text in (table, names):
        assert split_columns(TextView.identity(text)).text == text


def test_the_columns_go_on_over_a_blank_line_in_both_and_stop_at_a_signature_side_by_side() -> None:
    page = ("Ärenden                                Praktisk information\n"
            "1. Val av justerare                    Förhinder anmäls till\n"
            "2. Ny taxa för uthyrning av            nämndsekreteraren senast\n"
            "   idrottshallarna                     torsdag 9 april.\n"
            "\n"
            "3. Bidrag till studieförbunden         Handlingarna finns i\n"
            "4. Redovisning av delegations-         mötesappen från fredag\n"
            "   beslut                              den 3 april.\n"
            "\n"
            "Ingrid Sandell                         Mats Ek\n"
            "Ordförande                             Nämndsekreterare\n")
    text = split_columns(TextView.identity(page)).text
    assert text.startswith("Ärenden\n1. Val av justerare\n2. Ny taxa för uthyrning av\n   idrottshallarna\n\n"
                           "3. Bidrag till studieförbunden\n4. Redovisning av delegations-\n   beslut\n\n"
                           "Praktisk information\nFörhinder anmäls till")
    assert "Handlingarna finns i\nmötesappen från fredag\nden 3 april.\n" in text
    assert text.endswith("Ingrid Sandell                         Mats Ek\n"
                         "Ordförande                             Nämndsekreterare\n")


def test_a_right_column_a_character_off_the_gutter_is_still_the_right_column() -> None:
    page = ("Ärenden                               Praktisk information\n"
            "1. Val av justerare                    Förhinder anmäls till\n"
            "2. Ny taxa för uthyrning av             nämndsekreteraren senast\n"
            "   idrottshallarna                     torsdag 9 april.\n")
    text = split_columns(TextView.identity(page)).text
    assert text == ("Ärenden\n1. Val av justerare\n2. Ny taxa för uthyrning av\n   idrottshallarna\n\n"
                    "Praktisk information\nFörhinder anmäls till\nnämndsekreteraren senast\ntorsdag 9 april.\n")


_ITEMS_SIDE_BY_SIDE = """PROTOKOLL
Kommunstyrelsens arbetsutskott, Grävlinge kommun
Sammanträdesdatum 2026-10-06

§ 12  Budget 2027                             § 13  Taxor 2027
Dnr KS 2026/140                               Dnr KS 2026/151
Ekonomichefen går igenom förslaget till       Förvaltningen har sett över taxorna för
budget för 2027 med plan för åren             bygglov och kart- och mättjänster inför
2028–2029. Driftramarna ökar med 2,1          nästa år. Höjningen följer prisindex
procent.                                      för kommunal verksamhet.

§ 14  Val av ombud                            § 15  Meddelanden
Dnr KS 2026/162                               Dnr KS 2026/009
Ordföranden föreslår att Tove Almgren (S)     Inga meddelanden har kommit in sedan
utses till ombud vid förbundets stämma        förra sammanträdet. Förvaltningen
den 20 november 2026.                         lämnar en muntlig lägesrapport.

Arbetsutskottets beslut                       Arbetsutskottets beslut
Tove Almgren (S) utses till ombud.            Informationen noteras.
"""


def test_items_set_side_by_side_two_by_two_are_read_pair_by_pair() -> None:
    # a protocol printed in two columns whose items stand side by side ("§ 12 …   § 13 …" on one line): each pair
    # of items is read left then right before the next pair, and the sentences side by side under the last pair
    # ("… utses till ombud.   Informationen noteras.") are the page's, no signature
    text = split_columns(TextView.identity(_ITEMS_SIDE_BY_SIDE)).text
    order = [text.index(f"§ {n}") for n in (12, 13, 14, 15)]
    assert order == sorted(order)
    assert "lämnar en muntlig lägesrapport.\n\nArbetsutskottets beslut\nInformationen noteras.\n" in text
    doc = kdextract.parse(_ITEMS_SIDE_BY_SIDE, ner=False)
    assert [(s.number, s.title) for s in doc.sections if s.level == 1] == [
        ("§ 12", "Budget 2027"), ("§ 13", "Taxor 2027"), ("§ 14", "Val av ombud"), ("§ 15", "Meddelanden")]


def test_a_page_whose_left_column_runs_on_is_read_column_by_column_even_beside_an_item() -> None:
    # the right column opens an item that is not the next one after the left's ("§ 12" beside "§ 14"): the page's
    # columns run on (§ 13 lower in the left column), read one after the other
    page = ("§ 12  Budget 2027                             § 14  Val av ombud\n"
            "Ekonomichefen går igenom förslaget till       Ordföranden föreslår att Tove Almgren\n"
            "budget för 2027 med plan för åren             utses till ombud vid förbundets\n"
            "2028–2029.                                    stämma.\n"
            "§ 13  Taxor 2027                              § 15  Meddelanden\n"
            "Förvaltningen har sett över taxorna för       Inga meddelanden har kommit in sedan\n"
            "bygglov och kart- och mättjänster.            förra sammanträdet.\n")
    text = split_columns(TextView.identity(page)).text
    order = [text.index(f"§ {n}") for n in (12, 13, 14, 15)]
    assert order == sorted(order)
