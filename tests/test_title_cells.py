"""A title cell wrapped onto the next line beside its row's other cells (Dnr, presenter, a margin label): the
section's title joins its pieces, ``title_parts`` gives them, and no other cell is taken in (own words)."""

from __future__ import annotations

import json

import kdextract
from kdextract.output.tables import to_records

# Our own § protocol with the case numbers in a right-hand column; the first title wraps under itself.
PARAGRAPHS = """Miljö- och byggnämnden

§ 41   Detaljplan för Rönnbacken 2:8, förskola vid        MBN 2027/102
       Granstigen – samråd

Planen prövar en förskola med sex avdelningar. Samrådet pågår under mars.

§ 42   Strandskyddsdispens för brygga på Näset 1:4        MBN 2027/117

Dispensen ges med villkor om att stranden hålls fri.
"""

# Our own agenda in columns, two titles wrapped into the next row's Ärende column.
AGENDA = """Nr  Tid    Ärende                            Dnr           Föredragande
1   09.00  Upprop
2   09.05  Bidrag till studieförbunden       KN 2027/31    Lena Holm
           vårterminen 2027
3   09.40  Svar på motion om                 KN 2027/12    Per Ekdal
           belysning i Furuparken
4   10.10  Val av ombud för tiden               KN 2027/40    Lena Holm
           2027–2030
5   10.20  Meddelanden
"""

# Our own minutes with labels in the right margin; one title wraps beside a label of two lines.
MARGIN = """1. Val av justerare
Maria Öst utses att justera.

2. Ny schemaläggning i hemtjänsten             Förhandling enligt
   västra området                              MBL § 11
Förhandlingen avslutas i enighet.

3. Arbetsmiljöronder                           Information
Ronderna görs under oktober.
"""


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]


def test_a_paragraph_title_wrapped_beside_its_dnr_is_joined() -> None:
    doc = kdextract.parse(PARAGRAPHS, ner=False)
    first, second = [s for s in doc.sections if s.level == 1]
    assert first.title == "Detaljplan för Rönnbacken 2:8, förskola vid Granstigen – samråd"
    assert first.case_number == "MBN 2027/102"
    assert first.title_parts is not None
    assert [PARAGRAPHS[a:b] for a, b in first.title_parts] == [
        "Detaljplan för Rönnbacken 2:8, förskola vid", "Granstigen – samråd"]
    assert (first.title_start, first.title_end) == first.title_parts[0]
    assert second.title == "Strandskyddsdispens för brygga på Näset 1:4" and second.title_parts is None


def test_title_cells_wrapped_into_the_next_row_are_joined() -> None:
    assert _titles(AGENDA) == ["Upprop", "Bidrag till studieförbunden vårterminen 2027",
                               "Svar på motion om belysning i Furuparken", "Val av ombud för tiden 2027–2030",
                               "Meddelanden"]


def test_a_margin_label_beside_the_rest_of_a_title_stays_out() -> None:
    assert _titles(MARGIN) == ["Val av justerare", "Ny schemaläggning i hemtjänsten västra området",
                               "Arbetsmiljöronder"]


def test_a_label_wrapped_alone_and_a_line_of_the_body_are_no_title() -> None:
    text = ("Socialnämnden\n\n§ 4   Val av justerare\n\nMaria Öst utses att justera.\n\n"
            "§ 5   Ny schemaläggning i hemtjänsten             Förhandling\n"
            "                                                  enligt avtal\n\n"
            "Förhandlingen avslutas i enighet.\n\n"
            "§ 6   Arbetsmiljöronder i hemtjänsten             Information\n"
            "      Ronderna görs under oktober\n\n"
            "Skyddsombuden deltar.\n")
    sections = [s for s in kdextract.parse(text, ner=False).sections if s.level == 1]
    assert [s.title for s in sections] == ["Val av justerare", "Ny schemaläggning i hemtjänsten",
                                           "Arbetsmiljöronder i hemtjänsten"]
    assert all(s.title_parts is None for s in sections)


def test_title_parts_are_offsets_into_the_input_and_only_in_json_where_given() -> None:
    text = PARAGRAPHS.replace("\n", "\r\n").replace("vid ", "vid\u00a0", 1)
    doc = kdextract.parse(text, ner=False)
    first, second = [s for s in doc.sections if s.level == 1]
    assert first.title_parts is not None
    assert " ".join(" ".join(text[a:b] for a, b in first.title_parts).split()) == first.title
    data = json.loads(doc.model_dump_json())
    assert [("title_parts" in s) for s in data["sections"] if s["level"] == 1] == [True, False]
    assert kdextract.Document.model_validate_json(doc.model_dump_json()) == doc
    assert [r["title_parts"] for r in to_records(doc, "sections") if r["level"] == 1] == [
        "; ".join(f"{a}:{b}" for a, b in first.title_parts), None]
