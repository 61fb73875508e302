"""Running headers and footers versus labels that recur once per item (layout.lines)."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.lines import split_lines

HEADER = "Byggnadsnämndens sammanträdesprotokoll"
LABEL = "Byggnadsnämndens beslut"
ITEMS = [
    ("§ 31", "Bygglov för förråd på fastigheten Ekbacken", "Sökanden vill uppföra ett förråd om 28 kvadratmeter.",
     "Nämnden beviljar bygglov enligt ansökan."),
    ("§ 32", "Strandskyddsdispens vid Lillsjön", "Ansökan gäller en brygga vid en fritidsfastighet.",
     "Nämnden avslår ansökan om dispens."),
    ("§ 33", "Tillsyn av ovårdad tomt", "Förvaltningen har besökt tomten vid två tillfällen.",
     "Nämnden förelägger ägaren att städa tomten."),
]


def protocol(*, header: bool, form_feeds: bool) -> str:
    """Three § items, each with the label before its decision, one item to a page."""
    pages = []
    for number, title, body, decision in ITEMS:
        top = f"Ekby kommun\n{HEADER}\n\n" if header else ""
        pages.append(f"{top}{number} {title}\n\n{body}\n\n{LABEL}\n\n{decision}\n")
    return ("\f\n" if form_feeds else "\n").join(pages)


def kinds(text: str, content: str) -> list[str]:
    return [line.kind for line in split_lines(text, {}) if line.text == content]


@pytest.mark.parametrize("form_feeds", [False, True], ids=["one-page text", "form feeds"])
def test_a_label_under_every_item_is_not_a_running_header(form_feeds: bool) -> None:
    text = protocol(header=False, form_feeds=form_feeds)
    assert kinds(text, LABEL) == ["text"] * 3
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert titles.count(LABEL) == 3
    assert [t for t in titles if t != LABEL] == [title for _, title, _, _ in ITEMS]


@pytest.mark.parametrize("label", ["Arbetsutskottets förslag till kommunfullmäktige",
                                   "Miljöförvaltningens förslag till beslut:", "Kommunstyrelsens arbetsutskotts beslut",
                                   "Barn- och utbildningsnämndens yttrande"])
def test_owned_item_part_labels_are_never_banners(label: str) -> None:
    text = "\n\n".join(f"§ {n} Ärende nummer {n}\n\nText om ärendet.\n\n{label}\n\nNämnden beslutar enligt förslaget."
                       for n in (1, 2, 3, 4))
    found = kinds(text, label)
    assert len(found) == 4 and "furniture" not in found


@pytest.mark.parametrize("form_feeds", [False, True], ids=["one-page text", "form feeds"])
def test_a_running_header_on_every_page_is_furniture(form_feeds: bool) -> None:
    text = protocol(header=True, form_feeds=form_feeds)
    assert kinds(text, HEADER) == ["furniture"] * 3
    assert kinds(text, LABEL) == ["text"] * 3
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert HEADER not in titles and titles.count(LABEL) == 3


def test_with_page_breaks_a_line_repeated_within_one_page_is_not_a_banner() -> None:
    budget = "".join(f"{unit}\n\nDriftbudget\n\nRamen är {n} miljoner kronor för året.\n\n"
                     for n, unit in enumerate(["Grundskola", "Gymnasium", "Vuxenutbildning"], start=4))
    text = f"Ekby kommun\nBudget 2025\n\nInledning om budgeten.\n\n{budget}Sammanfattning av läget.\n\f\nBilagor\n"
    assert kinds(text, "Driftbudget") == ["text"] * 3


def test_with_page_breaks_a_banner_needs_three_pages() -> None:
    page = "Ekby kommun\n{body}\n\nMer text på sidan.\n\nÄnnu en rad text.\n\nSista raden.\n\nSocialnämnden 2025"
    two = "\f\n".join(page.format(body=b) for b in ("Första sidan.", "Andra sidan."))
    three = "\f\n".join(page.format(body=b) for b in ("Första sidan.", "Andra sidan.", "Tredje sidan."))
    assert kinds(two, "Socialnämnden 2025") == ["text"] * 2
    assert kinds(three, "Socialnämnden 2025") == ["furniture"] * 3


def test_a_running_header_date_counts_once_and_a_short_line_keeps_all_its_dates() -> None:
    page = "Gatunämnden  Sammanträdesdatum 2025-02-11\n\n{body}\n\f"
    text = (page.format(body="Tid: onsdag 12/2 2025 kl. 13.00, justering fredag 2025-02-14")
            + page.format(body="Nämnden beslutar att anta planen."))
    got = [d.text for d in kdextract.parse(text, ner=False).dates]
    assert got == ["2025-02-11", "onsdag 12/2 2025 kl. 13.00", "fredag 2025-02-14"]
