"""A page break inside an agenda: the footer with the issuer's name, the next page's header and the title cut in two."""

from __future__ import annotations

import kdextract
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
