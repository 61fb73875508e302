"""Review findings mended in the layout and organisation rules, each in our own words: a "2" after a label or
inside prose is no list's second item, a project word at a line's end does not reach the next line, a board's
name after a project word stays an organisation, and a row's last cell that repeats the header's last label
ends no table unless the next year follows it."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.flat_tables import flat_tables
from kdextract.layout.pages import transcript_pages

_PROSE = "Nämnden diskuterar läget i ärendet och beslutar att gå vidare med förslaget. " * 30


def test_one_page_transcript_with_paragraph_two_keeps_its_page() -> None:
    text = ("1 Kommunstyrelsen Protokoll 2026-03-05 § 1 Mötets öppnande Ordföranden öppnar mötet. "
            "§ 2 Val av justerare Eva Ek utses att justera protokollet. " + _PROSE)
    assert [p.number for p in transcript_pages(text)] == [1]
    assert [s.title for s in kdextract.parse(text, ner=False).sections] == ["Mötets öppnande", "Val av justerare"]


@pytest.mark.parametrize("head", [
    "1 Kultur- och fritidsnämnden Protokoll Bilaga 2 Protokoll från förra mötet läggs till handlingarna. ",
    "1 Kultur- och fritidsnämnden Protokoll Mötet börjar kl. 2 Nämnden samlas i stora salen. ",
    "1 Miljönämnden Protokoll Ordföranden hälsar alla välkomna. Sedan följer punkt 2 Information om tillsynen. ",
])
def test_a_two_after_a_label_or_a_sentence_is_no_second_item(head: str) -> None:
    assert [p.number for p in transcript_pages(head + _PROSE)] == [1]


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text, ner=False).organisations]


def test_project_word_at_a_lines_end_leaves_the_next_line_alone() -> None:
    text = "Ekby kommun\n\nRapporten om projektet\nKultur- och fritidsnämnden beslutar att anta planen.\n"
    assert _orgs(text) == ["Kultur- och fritidsnämnden"]
    text = "Ekby kommun\n\nNämnden tar del av rapporten om projektet\nUngas råd har lämnat synpunkter på planen.\n"
    assert _orgs(text) == ["Ungas råd"]  # (no board's compound: only the line break sets it apart)


def test_board_after_a_project_word_stays_an_organisation() -> None:
    text = ("Ekby kommun\n\nInom satsningen Socialnämnden och Barn- och utbildningsnämnden samverkar kring "
            "stödet till familjerna.\n")
    assert _orgs(text) == ["Socialnämnden", "Barn- och utbildningsnämnden"]
    text = "Ekby kommun\n\nI projektet Papperslös nämnd deltar tre förvaltningar.\n"
    assert _orgs(text) == []  # a name of no board's compound is still the project's


def test_row_ending_in_the_headers_last_label_goes_on() -> None:
    text = ("Delegationsbeslut i mars Datum  Handling  Beslut 2026-03-02  Bygglov  Beslut "
            "2026-03-09  Strandskydd  Avslag 2026-03-16  Marklov  Beslut Nästa möte är i maj.")
    rows = [[text[r:r + 10] for r in rows] for _, _, rows in flat_tables(text, 0, len(text))]
    assert rows == [["2026-03-02", "2026-03-09", "2026-03-16"]]


def test_header_label_again_with_the_next_year_is_no_row() -> None:
    text = "Taxor Platstyp  Bredd  Avgift 2027  Avgift 2028  Moms A  3  1 900  2 000  nej B  4  2 700  2 850  nej"
    assert flat_tables(text, 0, len(text)) == []  # (read as rows "2027 …" and "2028 …" without the guard)
