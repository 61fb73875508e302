"""Mends of review25's findings 1, 6, 11, 3 and 9, each in our own words."""

from __future__ import annotations

import kdextract
from kdextract.layout.field_rows import adoption_line
from kdextract.layout.flat_markdown import heading_ends, markdown_breaks


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


# Finding 1: a long Markdown heading on its own line that names a municipality is no heading run into a paragraph.

#: A memo exported as Markdown, line breaks kept: a long heading names two municipalities after "mellan" and "och".
AGREEMENT_MEMO = ("# Lägesrapport\n\n## Avtal mellan Ekby kommun och Åsby kommun om gemensam "
                  "löneadministration från 2028\n\nAvtalet skrivs under i juni.\n\n## Personal\n\nInga nya tjänster.\n")


def test_a_long_markdown_heading_that_names_a_municipality_stays_whole() -> None:
    titles = _titles(AGREEMENT_MEMO)
    assert "Avtal mellan Ekby kommun och Åsby kommun om gemensam löneadministration från 2028" in titles, titles
    assert "Lägesrapport" in titles and "Personal" in titles, titles


def test_a_heading_on_a_line_of_its_own_is_not_cut_before_an_issuers_name() -> None:
    text = "Rapport från samordningsgruppen Ekby kommun och Region Ekby om hemsjukvården\n\nText.\n"
    assert heading_ends(text, {0: 2}) == []


def test_a_flattened_lines_heading_still_ends_before_the_issuers_name() -> None:
    text = "Mötesplan 2028 för styrgruppen Ekby kommun | Kultur Nämnden möts fyra gånger om året.\n"
    edits = heading_ends(text, {0: 1}, flat={0})
    assert [text[:a] for a, _, _, _ in edits] == ["Mötesplan 2028 för styrgruppen"], edits


def test_a_flattened_heading_keeps_a_municipality_its_preposition_governs() -> None:
    text = "Plan för samverkan mellan Ekby kommun och Åsby kommun om räddningstjänst Text.\n"
    assert heading_ends(text, {0: 1}, flat={0}) == []


# Finding 6: a "#" before a bare number is a number sign, no Markdown heading run into the line.


def test_a_number_sign_in_prose_makes_no_flattened_markdown() -> None:
    text = "Felet gäller ärende # 2231 och # 2240 i bokningssystemet och leverantören felsöker nu."
    assert markdown_breaks(text, {})[0] == []


def test_a_minutes_sentence_with_two_number_signs_keeps_its_paragraph() -> None:
    text = ("Minnesanteckningar\nDigitaliseringsgruppen 2026-05-06\n\nVi har anmält felen # 118 och # 121 till "
            "leverantören.\n\nNästa möte\n\nI juni.\n")
    doc = kdextract.parse(text, ner=False)
    assert not any("markdown" in e.reason for e in doc.edits), doc.edits
    assert [s.title for s in doc.sections] == ["Nästa möte"], doc.sections


def test_a_markdown_heading_with_a_number_sign_keeps_its_first_word() -> None:
    text = "# Anteckningar\n\n## Felanmälan # 118 till leverantören\n\nFelet är åtgärdat.\n"
    assert "Felanmälan # 118 till leverantören" in _titles(text), _titles(text)


def test_a_flattened_markdown_headings_item_number_still_starts_a_line() -> None:
    text = "Anteckningar från mötet i maj. ## 1. Välkommen Alla hälsades. ## 2.1 Lokaler Salen är bokad."
    ends = [b for _, b, _, _ in markdown_breaks(text, {})[0]]
    assert [text[b:b + 6].strip() for b in ends] == ["## 1.", "## 2.1"], ends


# Finding 11: an adoption phrase in a table's cell, after a column gap, is no head's adoption line run into a line.

#: A policy's revision table laid out in columns, each row's change an adoption phrase.
REVISIONS = ("Policy för representation\n\nRevisioner\n"
             "Utgåva     Beslut                                                Handläggare\n"
             "1         Antagen av kommunfullmäktige 2025-03-24, § 31         Lena Holm\n"
             "2\tReviderad av kommunstyrelsen 2026-09-14, § 102\tOla Nyström\n\n"
             "Bakgrund\n\nPolicyn gäller alla anställda.\n")


def test_an_adoption_phrase_in_a_tables_cell_is_no_adoption_line() -> None:
    row = REVISIONS.index("1         Antagen")
    assert adoption_line(REVISIONS, row, REVISIONS.index("\n", row)) is None


def test_a_revision_tables_rows_keep_their_cells_on_one_line() -> None:
    doc = kdextract.parse(REVISIONS, ner=False)
    assert not [e for e in doc.edits if e.reason.startswith("layout")], doc.edits


def test_a_heads_adoption_line_after_its_title_still_stands_alone() -> None:
    text = "RIKTLINJE FÖR REPRESENTATION Reviderad av kommunstyrelsen 2026-09-14, § 102 Dnr KS 2026/77"
    span = adoption_line(text, 0, len(text))
    assert span is not None and text[span[0]:span[1]] == "Reviderad av kommunstyrelsen 2026-09-14, § 102", span


# Finding 3: a place's genitive after a title's dash ("- Ekbäcks skola") is no past passive that opens a note.

#: A kallelse whose items name the school or the area they are about after a dash.
AGENDA = ("Kallelse\nKultur- och fritidsnämnden\n\nÄrenden\n1. Val av justerare\n2. Nytt konstgräs - Tallbäcks "
          "idrottsplats\n3. Naturreservat - Granskogs strövområde\n4. Motion om bänkar - Antogs av rådet\n"
          "5. Simhallen - Föredrogs av fritidschefen\n6. Budget 2028\n")


def test_a_places_genitive_after_a_titles_dash_stays_in_the_title() -> None:
    titles = _titles(AGENDA)
    assert "Nytt konstgräs - Tallbäcks idrottsplats" in titles, titles
    assert "Naturreservat - Granskogs strövområde" in titles, titles


def test_a_strong_verbs_past_passive_after_the_dash_still_opens_a_note() -> None:
    titles = _titles(AGENDA)
    assert "Motion om bänkar" in titles and "Simhallen" in titles, titles


# Finding 9: a lettered room or enclosure after a place's, a time's or a document's label is no initialled person.


def _people(text: str) -> list[str]:
    return [p.name for p in kdextract.parse(text, ner=False).people]


def test_a_lettered_room_after_a_place_label_is_no_person() -> None:
    text = "Kallelse\nSocialnämnden\nLokal: B. Forsdalen\nPlats och tid: C. Ekhagen, kl. 9.00\nSal: D. Lindgläntan\n"
    assert _people(text) == [], _people(text)


def test_a_lettered_enclosure_after_a_document_label_is_no_person() -> None:
    text = "Kallelse\nÄrenden\n1. Ny avfallsplan\nBilaga: A. Granhyddan\nBilaga 2: B. Forsdalen\n"
    assert _people(text) == [], _people(text)


def test_an_initialled_name_after_a_persons_or_a_bodys_label_is_still_a_person() -> None:
    text = ("Minnesanteckningar 2027-04-07\n\nNärvarande\nSPF Seniorerna Ekby: G. Tornqvist\n"
            "Kontaktperson: H. Vallgren\n\nMötet gick igenom vårens resor.\n")
    people = _people(text)
    assert "G. Tornqvist" in people and "H. Vallgren" in people, people
