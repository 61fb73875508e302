"""Rules for flattened paragraphs (layout stress round 24): a title run into its labelled fields, in our own words."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.paragraph_leads import fields_lead

#: A kallelse whose paragraphs kept their blank lines but lost the breaks inside them: each item's title runs into
#: its fields ("Föredragande: …", "Bilagor: …").
KALLELSE = ("Kallelse till Kultur- och fritidsnämnden\n\n"
            "Ärende 1 Val av protokollsjusterare Föredragande: Ordföranden Bilagor: –\n\n"
            "Ärende 2 Bidrag till studieförbund 2027 Föredragande: Handläggare Oskar Lind Bilagor: Tjänsteskrivelse\n\n"
            "Ärende 3 Taxor för simhallen Föredragande: Fritidschef Mona Sjöberg Bilagor: Förslag till taxa\n")
#: A report on the tasks a board gave, each task's title run into its fields and its account.
UPPDRAG = ("Återrapportering av uppdrag\n\n"
           "Uppdrag 1. Ny plan för lekplatser Givet: TN 2026-03-10, § 22 Status: Pågår. Planen redovisas i maj.\n\n"
           "Uppdrag 2. Översyn av parkeringstaxan Givet: TN 2026-05-12, § 40 Status: Klart. Taxan gäller från "
           "den 1 januari.\n")


@pytest.mark.parametrize(("line", "title"), [
    ("Ärende 4 Val av ombud Föredragande: Ordföranden Bilagor: –", "Ärende 4 Val av ombud"),
    ("Uppdrag 3. Ny skolplan Givet: BUN 2026-02-01 Status: Pågår. Arbetet pågår.", "Uppdrag 3. Ny skolplan"),
    ("Budget för fritidsgårdar Föredragande: Per Holm, controller", "Budget för fritidsgårdar"),
])
def test_a_title_run_into_its_labelled_fields_ends_before_the_first_label(line: str, title: str) -> None:
    stop = fields_lead(line, 0, len(line))
    assert stop is not None and line[:stop].rstrip() == title


@pytest.mark.parametrize("line", [
    "Projekt: Ny lekplats Projektledare: Ola Berg",  # a row of fields, no title before them
    "Riktlinjer för bidrag Beslut: Nämnden antar riktlinjerna.",  # one label, not an item's own
    "Eva Ek har sagt att Status: klar Givet: nej",  # a sentence, not a title
    "Nämnden har beslutat. Sedan Status: klar Givet: nej",  # a sentence ends before the label
])
def test_no_title_before_fields_where_none_stands(line: str) -> None:
    assert fields_lead(line, 0, len(line)) is None


@pytest.mark.parametrize(("text", "titles"), [
    (KALLELSE, ["Val av protokollsjusterare", "Bidrag till studieförbund 2027", "Taxor för simhallen"]),
    (UPPDRAG, ["Ny plan för lekplatser", "Översyn av parkeringstaxan"]),
])
def test_a_flattened_paragraphs_title_is_a_section_without_its_fields(text: str, titles: list[str]) -> None:
    got = [s.title for s in kdextract.parse(text, ner=False).sections]
    for title in titles:
        assert any(g.endswith(title) for g in got), (title, got)
    assert not any("Föredragande" in g or "Givet" in g or "Status" in g for g in got), got
