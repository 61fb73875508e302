"""A page break inside an agenda: the footer with the issuer's name, the next page's header and the title cut in two."""

from __future__ import annotations

import kdextract
from kdextract.layout.cut_titles import cut_title_edits
from kdextract.layout.rules import rules
from kdextract.text.normalize import normalize

NOTICE = """EKBY KOMMUN                                              KALLELSE
Tekniska nämnden                                         2026-09-01

Ärenden
1.  Val av justerare
2.  Ny belysning längs Strandpromenaden
    Dnr TN 2026/140
3.  Avtal om vinterväghållning med
Sida 1 av 2 | Ekby kommun
                                                         KALLELSE
Tekniska nämnden                                         2026-09-01
    Norrby vägförening
    Dnr TN 2026/151
4.  Meddelanden

Ekby den 1 september 2026

Stina Holm
Ordförande
Sida 2 av 2 | Ekby kommun
"""


def test_a_counter_beside_the_issuers_name_is_page_furniture() -> None:
    for footer in ("Sida 1 av 3 | Ekby kommun", "Ekby kommun | Sida 1 av 3", "Sida 2/3 · Tekniska nämnden"):
        view = normalize(f"Text.\n{footer}\nMer text.\n")
        assert view.text == "Text.\n\f\nMer text.\n", footer
    assert normalize("Kostnad | 1 av 3 delar\n").text == "Kostnad | 1 av 3 delar\n"


def test_an_agenda_title_goes_on_over_the_page_break_and_its_repeated_header() -> None:
    doc = kdextract.parse(NOTICE, ner=False)
    assert [s.title for s in doc.sections if s.level == 1] == [
        "Val av justerare", "Ny belysning längs Strandpromenaden",
        "Avtal om vinterväghållning med Norrby vägförening", "Meddelanden"]


#: Minutes without form feeds: the page's footer and the next page's header stand between the two halves of a title.
CUT_MINUTES = """NORRVIKS KOMMUN                SAMMANTRÄDESPROTOKOLL            1 (4)
Samhällsbyggnadsnämnden        Sammanträdesdatum 2026-05-19

§ 31 Val av justerare
Nämnden utser Lars Ek att justera protokollet.

§ 32 Planbesked för

Justerandes sign               Utdragsbestyrkande

NORRVIKS KOMMUN                SAMMANTRÄDESPROTOKOLL            2 (4)
Samhällsbyggnadsnämnden        Sammanträdesdatum 2026-05-19

bostäder vid Åsvägen
Dnr SBN 2026/77
Ett bolag har ansökt om planbesked för att bygga bostäder vid Åsvägen.
Nämnden beslutar att lämna ett positivt planbesked.

§ 33 Överenskommelse om
Justerandes sign
Samhällsbyggnadsnämnden PROTOKOLL 3 (4)
drift av gatubelysning
Dnr SBN 2026/80
Nämnden beslutar att godkänna överenskommelsen.

§ 34 Meddelanden
Inga meddelanden.
"""


def test_a_title_cut_by_a_pages_footer_and_the_next_header_goes_on_without_a_form_feed() -> None:
    doc = kdextract.parse(CUT_MINUTES, ner=False)
    items = [(s.title, s.case_number) for s in doc.sections if s.level == 1]
    assert items == [("Val av justerare", None), ("Planbesked för bostäder vid Åsvägen", "SBN 2026/77"),
                     ("Överenskommelse om drift av gatubelysning", "SBN 2026/80"), ("Meddelanden", None)]
    assert [s.title for s in doc.sections if s.level == 2] == []


def test_a_footers_row_of_cells_is_page_furniture() -> None:
    furniture = rules().by_category["furniture"]
    for row in ("Justerandes sign               Utdragsbestyrkande", "Ordförandes sign  Justerandes sign",
                "Justerandes signatur Utdragsbestyrkande"):
        assert furniture(row), row
    assert not furniture("Justerandes sign saknas på sidan")


def test_furniture_under_a_title_that_can_end_there_stays() -> None:
    whole = CUT_MINUTES.replace("§ 32 Planbesked för\n", "§ 32 Planbesked\n")
    blanked = [whole[s:e] for s, e, _, _ in cut_title_edits(whole)]
    assert blanked == ["Justerandes sign", "Samhällsbyggnadsnämnden PROTOKOLL 3 (4)"]  # only the cut of § 33
    uncut = "§ 5 Bidrag till\n\nJusterandes sign\n\nNämnden PROTOKOLL 2 (3)\n\nNämnden beslutar att bevilja bidraget.\n"
    assert cut_title_edits(uncut) == []  # prose under the furniture: no title's second half
    assert cut_title_edits("§ 5 Bidrag till\n\nföreningen Gläntan\n") == []  # no furniture between
