"""Rules for flattened text (layout stress round 28), in our own words."""

from __future__ import annotations

import re

import pytest

import kdextract
from kdextract.layout.bullets import sentence_dash
from kdextract.layout.flat_heads import item_heads
from kdextract.layout.flat_quotes import quote_marker_edits
from kdextract.layout.flat_tables import flat_tables
from kdextract.layout.items import title_end
from kdextract.layout.paragraph_leads import topic_end


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


#: A guideline whose every line break was lost: a decision cited by day and paragraph in its head, then topics.
GUIDE = ("EKBY KOMMUN Riktlinje för lokalbokning Antagen av kommunstyrelsen 2025-09-15, § 88 Gäller från: 2025-10-01 "
         "Diarienummer: KS 2025/140 Syfte Riktlinjen ska göra det enkelt att boka kommunens lokaler för möten. "
         "Digital bokning Digital bokning innebär att föreningen väljer tid i kommunens bokningssystem. "
         "Representation Förtroendevalda erbjuds lunch när sammanträdet pågår hela dagen. "
         "Städning Varje förening ska städa lokalen efter sig. "
         "Uppföljning Kommunledningskontoret följer upp riktlinjen varje år. Den tidigare riktlinjen, som antogs "
         "2019-03-11, § 40. upphör att gälla den 30 september 2025.")


def test_a_decision_cited_by_its_day_and_paragraph_leads_no_item() -> None:
    assert item_heads(GUIDE, 0, len(GUIDE), []) == []


def test_a_flattened_guidelines_topics_are_its_sections() -> None:
    titles = _titles(GUIDE)
    for title in ("Syfte", "Digital bokning", "Representation", "Städning", "Uppföljning"):
        assert title in titles, titles


@pytest.mark.parametrize(("text", "topic"), [
    ("Digital bokning Digital bokning innebär att tiden väljs i systemet.", "Digital bokning"),  # the heading again
    ("Representation Förtroendevalda erbjuds lunch vid heldagsmöten.", "Representation"),  # a passive verb
    ("Städning Varje förening ska städa lokalen efter sig.", "Städning"),  # a subject of two words, a listed verb
])
def test_a_topic_ends_where_its_sentence_opens(text: str, topic: str) -> None:
    stop = topic_end(text, 0, len(text))
    assert stop is not None and text[:stop] == topic


def test_a_name_before_a_subject_and_verb_is_no_topic() -> None:
    text = "Ekby Bandyklubb har sökt bidrag för belysning."  # a name's first part (no listed word), its club's noun
    assert topic_end(text, 0, len(text)) is None


#: Notes whose paragraphs each lost their line breaks: a numbered topic, a dash item run into its title.
NOTES = ("Minnesanteckningar – Ledningsgruppen, Ekby kommun\n\nDatum: 2026-10-06\n\n"
         "1. Lokalfrågan - Eva redogjorde för läget. Beslut om flytt tas i maj.\n\n"
         "2. Sjukfrånvaro - Siffrorna för augusti visar en liten ökning. - HR tar fram en plan till nästa möte.\n\n"
         "3. Övrigt - Inga övriga frågor anmäldes. Mötet avslutades.\n")


def test_a_dash_item_run_into_a_numbered_title_opens_the_items_body() -> None:
    titles = _titles(NOTES)
    assert titles[-3:] == ["Lokalfrågan", "Sjukfrånvaro", "Övrigt"], titles


@pytest.mark.parametrize(("text", "title"), [
    ("3. Budget 2027 - Eva redovisade läget. Prognosen är oförändrad.", "3. Budget 2027"),  # a given name, a verb
    ("4. Lokaler - Avtalet med hyresvärden löper ut i maj.", "4. Lokaler"),  # a definite noun, its subject
    ("2. Medborgarförslag - Belysning vid badet. Förslaget gäller badet.", None),  # the title's own second part
])
def test_a_sentence_after_a_dash_ends_a_numbered_title(text: str, title: str | None) -> None:
    stop = sentence_dash(text, 3, title_end(text, 3, len(text)))
    assert (text[:stop] if stop is not None else None) == title


#: A reply that quotes notes, with every line break lost: each "> " began a quoted line.
REPLY = re.sub(r"[ \t]*\n[ \t\n]*", " ", """Från: Eva Lind <eva.lind@ekby.se>
Skickat: den 3 maj 2026 09:12
Till: Per Holm <per.holm@ekby.se>
Ämne: SV: Anteckningar från samrådsgruppen

Hej Per! Se mina svar nedan.

Eva

Per Holm skrev den 2 maj 2026:
> Anteckningar från samrådsgruppen, Ekby kommun
> Datum: 2026-04-28
>
> 1. Skolskjutsar
> Nya tider för skolskjutsarna gäller från augusti.
Stämmer det verkligen?
> 2. Lekplatsen vid Ekbacken
> Arbetet med lekplatsen startar i juni och ska vara klart i augusti.
> 3. Nästa möte
> Nästa möte hålls den 2 juni 2026.
""")


def test_quote_markers_inside_a_line_become_line_breaks() -> None:
    edits = quote_marker_edits(REPLY)
    # the passage's start, a quoted blank line and two item heads open paragraphs
    assert [new for _, _, new, _ in edits].count("\n\n") == 4, edits
    assert len(edits) == 8


def test_a_flattened_quoted_agenda_keeps_its_items() -> None:
    titles = _titles(REPLY)
    for title in ("Skolskjutsar", "Lekplatsen vid Ekbacken", "Nästa möte"):
        assert title in titles, titles


@pytest.mark.parametrize("text", [
    "Andelen som svarat > 50 % i alla enheter utom två. " * 2,  # a sign in prose
    "Du är här: Start > Kommun och politik > Nämnder > Protokoll Socialnämndens protokoll 2026-05-12 …",  # crumbs
])
def test_no_quote_markers_without_a_quoted_line(text: str) -> None:
    assert quote_marker_edits(text) == []


#: A list of delegation decisions run into one line: a case number with its body's code opens each row.
DELEGATION = ("Ekby kommun Miljönämnden Redovisning av delegationsbeslut Period: september 2026 "
              "Dnr            Datum          Ärende                              Beslut     Delegat "
              "MN 2026/201    2026-09-03     Bygglov för garage, Åsen 2:4        Beviljat   Eva Lind "
              "MN 2026/207    2026-09-10     Strandskyddsdispens för bastu        Avslag     Per Holm "
              "MN 2026/215    2026-09-21     Rivningslov för lada, Berga 1:9      Beviljat   Eva Lind "
              "Kommentarer Avslaget i MN 2026/207 beror på att bastun skulle ligga nära stranden. "
              "Förslag till beslut Miljönämnden lägger redovisningen till handlingarna.")


def test_a_rows_case_number_keeps_its_code_and_a_topic_ends_the_table() -> None:
    (start, end, rows), = flat_tables(DELEGATION, 0, len(DELEGATION))
    assert [DELEGATION[p:p + 11] for p in rows] == ["MN 2026/201", "MN 2026/207", "MN 2026/215"]
    assert DELEGATION[:end].endswith("Beviljat   Eva Lind")


def test_the_sections_after_a_flattened_table_are_read() -> None:
    titles = _titles(DELEGATION)
    assert titles[-2:] == ["Kommentarer", "Förslag till beslut"], titles


def test_a_decisions_reasons_heading_stands_alone_in_a_flattened_paragraph() -> None:
    text = ("EKBY KOMMUN Beslut 2026-03-02\n\nBeslut Miljönämnden förelägger er att åtgärda avloppet senast den "
            "1 oktober 2026.\n\nMotivering Vid tillsynen den 4 februari konstaterade nämnden brister i "
            "anläggningen.\n\nHur man överklagar Beslutet kan överklagas till länsstyrelsen.\n")
    assert "Motivering" in _titles(text), _titles(text)


def test_a_slides_heading_over_its_bullets_needs_no_sentence_end() -> None:
    text = ("Kommundirektörens rapport 2026-05-11\n\nDagens punkter • Ekonomin • Lokaler\n\n"
            "Ekonomin efter mars • Prognos: +8 mnkr mot budget • Risk: högre energipriser • Ny prognos i juni\n\n"
            "Lokaler i centrum • Två förskolor flyttar • Stadshuset renoveras 2027\n")
    titles = _titles(text)
    assert "Ekonomin efter mars" in titles and "Lokaler i centrum" in titles, titles


def test_a_dated_heading_that_opens_a_flattened_paragraph_stands_alone() -> None:
    text = ("Ekby kommun Nyhetsbrev april 2026\n\nHej alla! Här kommer månadens nyheter.\n\n"
            "3 april | Ny simhall i Ekby Kommunfullmäktige beslutade att bygga en simhall. Den ska stå klar 2028.\n\n"
            "14 april | Sommarjobb för unga Ansökan till sommarjobben öppnar i maj.\n")
    titles = _titles(text)
    assert "Ny simhall i Ekby" in titles and "Sommarjobb för unga" in titles, titles


def test_a_given_name_before_a_surname_and_verb_is_no_topic() -> None:
    text = "Isa Strandberg har börjat som samordnare."
    assert topic_end(text, 0, len(text)) is None
