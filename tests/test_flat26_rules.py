"""Rules for flattened text (layout stress round 26), in our own words."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.field_rows import field_rows
from kdextract.layout.reflow import reflow
from kdextract.text.view import TextView

#: A project plan's head whose field lines were run together (the paragraph break after them kept).
PLAN = ("Ekby kommun PROJEKTPLAN Tekniska förvaltningen 2026-09-14 Dnr TN 2026/88\n\n"
        "Projekt: Ny gångbro över Ekån Projektägare: teknisk chef Maja Holm Projektledare: Olle Strand, "
        "projektingenjör\n\n"
        "1. Bakgrund Tekniska nämnden gav förvaltningen i uppdrag att ersätta den gamla gångbron.\n")


def test_a_row_of_run_in_fields_gets_a_line_each() -> None:
    lines = reflow(TextView.identity(PLAN)).text.splitlines()
    assert "Projekt: Ny gångbro över Ekån" in lines
    assert "Projektägare: teknisk chef Maja Holm" in lines


@pytest.mark.parametrize("text", [PLAN, PLAN.replace("\n\n", " ")])  # flatpara and flat
def test_the_project_named_by_a_run_in_field_ends_before_the_next_label(text: str) -> None:
    names = [p.name for p in kdextract.parse(text, ner=False).projects]
    assert "Ny gångbro över Ekån" in names, names


@pytest.mark.parametrize("text", [
    # topic labels with sentences after them: no row of fields
    "Ekonomi: Prognosen visar plus. Personal: Sjukfrånvaron sjunker. Lokaler: Inga nya lokaler behövs.",
    # two fields only
    "Datum: 2026-03-02 Plats: Stadshuset, sal B och mer text som följer här",
    # a council's members by organisation: a place's name before the colon, no field label
    "För kommunen: Eva Ek (S) För PRO Ekby: Per Holm För SPF Seniorerna Ekby: Ola Lind "
    "Tjänstepersoner: Mona Berg",
    # a value too long to be a field's
    "Ärende: en lång redogörelse som går vidare över många ord utan att sluta någonstans alls här "
    "Status: Pågår Ansvarig: Eva",
])
def test_no_row_of_fields(text: str) -> None:
    assert field_rows(text, 0, len(text)) == []


#: A forwarded mail whose header fields were run into one line, in Swedish and in English.
MAILS = [("Från: Sara Lind <sara.lind@ekby.example> Skickat: den 3 mars 2026 09:12 Till: Kommunstyrelsen "
          "<ks@ekby.example> Ämne: Rapport från kommundirektören\n\nHej alla,\n\n"
          "Här kommer rapporten.\n"),
         ("From: Sara Lind <sara.lind@ekby.example> Sent: Tuesday, March 3, 2026 9:12 AM To: Kommunstyrelsen "
          "<ks@ekby.example> Subject: Rapport från kommundirektören\n\nHej alla,\n\n"
          "Här kommer rapporten.\n")]


@pytest.mark.parametrize("mail", MAILS)
def test_a_mail_header_run_into_one_line_gets_a_line_for_each_field(mail: str) -> None:
    lines = reflow(TextView.identity(mail)).text.splitlines()
    assert lines[0].split(": ")[1] == "Sara Lind <sara.lind@ekby.example>", lines
    assert lines[3].endswith(": Rapport från kommundirektören"), lines


#: A notice's agenda run into one paragraph, each item's case number after its title.
AGENDA = ("KALLELSE Tekniska nämnden 2026-05-04\n\nÄrenden 1.  Val av justerare 2.  Ombyggnad av Ekvägen – beslut om "
          "upphandling Dnr TN 2026/31 3.  Taxa för parkering vid Norrhamn Dnr TN 2026/44 4.  Delegationsbeslut "
          "5.  Meddelanden\n")


def test_a_labelled_case_number_stays_with_the_item_before_it() -> None:
    lines = reflow(TextView.identity(AGENDA)).text.splitlines()
    assert "Dnr TN 2026/31" in lines, lines
    assert any(line.startswith("3.  Taxa för parkering vid Norrhamn") for line in lines), lines


#: A notice's unnumbered agenda, each title a paragraph; one title ran into its note's first sentence.
NOTICE = ("KALLELSE Kultur- och fritidsnämnden\n\nFöredragningslista\n\nVal av justerare\n\n"
          "Bidrag till föreningar för sommarlovsaktiviteter 2027 Förvaltningen har tagit emot elva ansökningar.\n\n"
          "Redovisning av delegationsbeslut\n\nMeddelanden\n")


def test_an_unnumbered_agenda_title_run_into_its_note_stands_on_its_own_line() -> None:
    lines = reflow(TextView.identity(NOTICE)).text.splitlines()
    assert "Bidrag till föreningar för sommarlovsaktiviteter 2027" in lines, lines
    headings = [s.title for s in kdextract.parse(NOTICE, ner=False).sections]
    assert "Bidrag till föreningar för sommarlovsaktiviteter 2027" in headings, headings


def test_a_long_title_run_into_prose_without_bare_titles_after_it_stays() -> None:
    text = NOTICE.replace("Redovisning av delegationsbeslut\n\nMeddelanden\n", "Nämnden tackar för året.\n")
    lines = reflow(TextView.identity(text)).text.splitlines()
    assert "Bidrag till föreningar för sommarlovsaktiviteter 2027" not in lines, lines


def test_a_long_title_run_into_prose_with_bare_titles_after_it_gets_its_line() -> None:
    """Beside the guard above: the same title, prose before it instead, still has bare titles after it."""
    text = NOTICE.replace("Val av justerare\n\n", "Nämnden tackar för året.\n\n")
    lines = reflow(TextView.identity(text)).text.splitlines()
    assert "Bidrag till föreningar för sommarlovsaktiviteter 2027" in lines, lines
