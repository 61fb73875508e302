"""Fixes of review 24's findings on sections and meta (M, I, H, O, U, B, Q), each in its own words."""

from __future__ import annotations

import kdextract


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


def test_region_opening_a_paragraph_is_its_subject_not_a_heading() -> None:
    """A paragraph under 'Ärendet' that opens with a region's name ('Region Västernorrland har …'): the name is the
    sentence's subject, so the heading above it stays the section and the region is one organisation."""
    memo = "Tjänsteskrivelse\n2026-04-14\n\nÄrendet\n\n{} har begärt ett yttrande senast i maj.\n"
    for region in ("Region Västernorrland", "Region Jämtland Härjedalen"):
        doc = kdextract.parse(memo.format(region), ner=False)
        assert [s.title for s in doc.sections] == ["Ärendet"]
        assert [(o.name, o.kind) for o in doc.organisations] == [(region, "region")]
    # the region asks the memo's writer for a statement: named once in the text, it is no issuer (review28 #1)
    assert kdextract.parse(memo.format("Region Västernorrland"), ner=False).meta.organisation is None


def test_report_headings_set_tight_over_short_paragraphs() -> None:
    """A director's report whose topics stand right over their text, no blank line under the heading: a heading in
    capitals over its sentence (or over a short sub-heading and its sentence), and a capitalised one over a
    paragraph of one whole sentence, head sections as they would with a blank line under them."""
    capitals = ("Kommundirektörens rapport\nApril 2026\n\nBAKGRUND\nRapporten gäller april.\n\n"
                "BUDGET\nDriften\nDriften går med överskott.\n\nREKRYTERING\nTre tjänster är tillsatta.\n")
    assert _titles(capitals) == ["BAKGRUND", "BUDGET", "REKRYTERING"]
    mixed = ("Kommundirektörens rapport\nApril 2026\n\nBakgrund\nRapporten gäller april i år.\n\n"
             "Rekrytering\nTre tjänster är nu tillsatta.\n")
    assert _titles(mixed) == ["Bakgrund", "Rekrytering"]


def test_short_line_over_a_fragment_or_a_label_heads_nothing() -> None:
    """The tight short-paragraph rule needs a whole sentence: a name over a title, or a line over a colon's list, is
    no heading."""
    text = ("Kommundirektörens rapport\nApril 2026\n\nRapporten gäller april i år.\n\n"
            "Eva Strand\nKommundirektör\n\nVi har tre mål\nFler jobb:\n")
    assert _titles(text) == []
    letterhead = "ÅSBY KOMMUN\nSocialnämnden                  2026-04-01\nNämnden har beviljat tre ansökningar i mars.\n"
    assert _titles(letterhead) == []


def _outline(text: str) -> list[tuple[str | None, str, str, int]]:
    return [(s.number, s.title, s.category, s.level) for s in kdextract.parse(text, ner=False).sections]


def test_decimal_parts_set_tight_over_their_text_are_subheadings() -> None:
    """A memo converted from a word processor: '2.1 Nuläge' right over its text, no blank line after it. The decimal
    number that carries the chapter's own number is enough; the chapters are topics, not agenda items."""
    text = ("Tjänsteskrivelse\nDatum: 2026-03-09\nDnr: BUN 2026/31\n\n1 Sammanfattning\nFörvaltningen föreslår en ny "
            "skolskjutsregel.\n\n2 Ärendet\n2.1 Nuläge\nIdag åker 140 elever skolskjuts.\n2.2 Kostnader\n"
            "Kostnaden ökar med 300 000 kronor.\n2.2.1 Effekter för eleverna\nRestiden blir kortare.\n\n"
            "3 Förslag till beslut\nNämnden antar regeln.\n")
    assert _outline(text) == [
        ("1", "Sammanfattning", "topic", 1), ("2", "Ärendet", "topic", 1),
        ("2.1", "Nuläge", "subheading", 2), ("2.2", "Kostnader", "subheading", 2),
        ("2.2.1", "Effekter för eleverna", "subheading", 3), ("3", "Förslag till beslut", "topic", 1)]


def test_decimal_point_of_a_decision_is_no_subheading() -> None:
    """A numbered point that states a decision ('2.1 Nämnden antar …') stays the item's text."""
    text = ("Tjänsteskrivelse\nDatum: 2026-03-09\n\n1 Sammanfattning\nEtt förslag om regler.\n\n"
            "2 Förslag till beslut\n2.1 Nämnden antar reglerna för skolskjuts.\nBeslutet gäller från hösten.\n")
    assert [n for n, _, _, _ in _outline(text)] == ["1", "2"]


def test_joint_items_are_sections_of_their_own() -> None:
    """Minutes that take several items together ('§§ 21–23 Delegationsbeslut', '§ 21-23', '§§ 21 och 22'): one
    section numbered as written, so the text under it is not given to the item before."""
    for head in ("§§ 21–23 Delegationsbeslut", "§ 21-23 Delegationsbeslut", "§§ 21 och 22 Delegationsbeslut",
                 "§§ 21–23\nDelegationsbeslut"):
        text = ("Socialnämnden\nProtokoll 2026-05-20\n\n§ 20 Verksamhetsplan\nNämnden godkänner planen.\n\n"
                f"{head}\nBesluten anmäls.\n\n§ 24 Övriga frågor\nInga frågor.\n")
        number = head.split("\n")[0].removesuffix(" Delegationsbeslut")
        doc = kdextract.parse(text, ner=False)
        assert [(s.number, s.title) for s in doc.sections] == [
            ("§ 20", "Verksamhetsplan"), (number, "Delegationsbeslut"), ("§ 24", "Övriga frågor")]
        assert doc.sections[0].end == text.index("§§" if "§§" in head else "§ 21")


def test_numbers_that_count_down_make_no_joint_item() -> None:
    text = ("Socialnämnden\nProtokoll 2026-05-20\n\n§ 20 Verksamhetsplan\nNämnden godkänner planen.\n\n"
            "§ 23-21 Delegationsbeslut\nBesluten anmäls.\n")
    assert [s.number for s in kdextract.parse(text, ner=False).sections] == ["§ 20"]


def test_range_of_the_protocols_paragraphs_is_no_joint_item() -> None:
    """The range a protocol's head gives for all its items ('Paragrafer' over '§§ 20–21', or the range alone over
    the attendance list) holds the number of the item that follows it: no section of its own."""
    items = "§ 20 Verksamhetsplan\nNämnden godkänner planen.\n\n§ 21 Övriga frågor\nInga frågor.\n"
    for head in ("Paragrafer\n§§ 20–21\n", "§§ 20–21\n\nNärvarolista\nEva Ek (S), ordförande\n"):
        text = f"Socialnämnden\nProtokoll\nSammanträdesdatum 2026-05-20\n{head}\n{items}"
        assert [s.number for s in kdextract.parse(text, ner=False).sections] == ["§ 20", "§ 21"]


def test_title_of_a_word_and_a_year_under_a_bare_item_sign() -> None:
    """'§ 31' alone, its title 'Taxa 2027' on the next line: a short word and a year that ends the line is the item's
    title, not a committee's item number 'Taxa 2027' of a second section. A committee's own numbers still head
    items ('Tn 14')."""
    for title in ("Taxa 2027", "Taxor 2027", "Mål 2027"):
        text = ("Tekniska nämnden\nPROTOKOLL\nSammanträdesdatum 2026-10-05\n\n§ 30\nVal av justerare\n"
                f"Nämnden väljer Eva Ek.\n\n§ 31\n{title}\nNämnden antar förslaget.\n")
        assert [(s.number, s.title) for s in kdextract.parse(text, ner=False).sections] == [
            ("§ 30", "Val av justerare"), ("§ 31", title)]
    text = "Tekniska nämnden\nPROTOKOLL\n2026-10-05\n\nTn 14\nGatubelysning\nNämnden beslutar.\n\nTn 15\nTaxa 2027\nAntas.\n"
    assert [(s.number, s.title) for s in kdextract.parse(text, ner=False).sections] == [
        ("Tn 14", "Gatubelysning"), ("Tn 15", "Taxa 2027")]


def test_case_number_after_a_comma_leaves_the_title() -> None:
    """An agenda line that gives its Dnr after a comma without the word 'dnr' ('Detaljplan för Ekängen, BN 2026/14'):
    the title ends before it and the number is the item's case number. A year range after a comma is the title's."""
    text = ("Föredragningslista\n\n1. Detaljplan för Ekängen, BN 2026/14\n2. Skolskjuts, SKOL/2026:7\n"
            "3. Verksamhetsplan, 2026/2027\n")
    assert [(s.title, s.case_number) for s in kdextract.parse(text, ner=False).sections] == [
        ("Detaljplan för Ekängen", "BN 2026/14"), ("Skolskjuts", "SKOL/2026:7"), ("Verksamhetsplan, 2026/2027", None)]


def test_adjustment_day_above_the_meeting_day_is_not_the_protocols_date() -> None:
    """A short protocol head that gives the adjustment day first ('Justeringsdatum 2026-09-18', 'Justerat …')
    and the meeting day under it: the meeting day is the document's date, though two labels make no form."""
    head = "Barn- och utbildningsnämnden\nPROTOKOLL\n{}\nSammanträdesdatum 2026-09-14\n\n§ 40 Skolskjuts\nBeslut.\n"
    for row in ("Justeringsdatum 2026-09-18", "Justeringsdatum: 2026-09-18", "Justerat 2026-09-18",
                "Protokollet justerat 2026-09-18"):
        assert kdextract.parse(head.format(row), ner=False).meta.date == "2026-09-14"
