"""Layout recovery: a flattened transcript, a PDF with running headers and a clean file give the same records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel
from protocol_fixtures import flattened, line_broken
from test_readers import make_pdf

import kdextract
from kdextract.layout.reflow import reflow
from kdextract.layout.rules import LineTest
from kdextract.models import Document, Located
from kdextract.text.normalize import normalize
from kdextract.text.view import TextView


def records(doc: Document) -> dict[str, object]:
    """What a reader of the document gets, without offsets."""
    return {
        "meta": (doc.meta.kind, doc.meta.date, doc.meta.organisation, doc.meta.body, doc.meta.author),
        "sections": [(s.level, s.number, s.title, s.case_number) for s in doc.sections],
        "people": [(p.name, p.role) for p in doc.people],
        "dates": [(d.text, d.value) for d in doc.dates],
        "amounts": [(a.text, a.value) for a in doc.amounts],
    }


def test_a_protocol_flattened_gives_the_records_of_its_clean_file() -> None:
    clean, flat = kdextract.parse(line_broken(), ner=False), kdextract.parse(flattened(), ner=False)
    assert records(flat) == records(clean)
    assert records(clean)["meta"] == ("protokoll", "2024-03-05", "Säffle kommun", "Kommunstyrelsens arbetsutskott",
                                      "Sofie Brink")
    assert [s[1:] for s in records(clean)["sections"] if s[0] == 1] == [  # type: ignore[index, union-attr]
        ("§ 41", "Upphandling av skolskjuts", "KS 2024/118"), ("§ 42", "Ny förskola i Värmlandsbro", "KS 2024/131"),
        ("§ 43", "Information från kommundirektören", "KS 2024/140")]


@pytest.mark.parametrize("text", [line_broken(), flattened()], ids=["line-broken", "flattened"])
def test_every_offset_points_into_the_input(text: str) -> None:
    doc = kdextract.parse(text, ner=False)
    for s in doc.sections:
        assert " ".join(text[s.title_start:s.title_end].split()) == s.title
    located = list(_located(doc))
    assert {type(item).__name__ for item in located} >= {"Mention", "Evidence", "DateMention", "Amount", "Attendee"}
    for item in located:  # every record at every depth: mentions, evidence, attendees, votes ...
        assert text[item.start:item.end] == item.text, item


def _located(model: BaseModel) -> Iterator[Located]:
    if isinstance(model, Located):
        yield model
    for value in model.__dict__.values():
        values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, BaseModel):
                yield from _located(v)


def test_hosting_site_wrapper_lines_are_blanked_and_reported() -> None:
    text = ("Hoppa över navigering\n\nSammanträdesprotokoll\n\nTranskript\n\nStarta visningen från sidan:\n"
            'Storlek: px\n\nDownload "Sammanträdesprotokoll Barn- och utbildningsnämnden"\n')
    view = reflow(normalize(text))
    assert "Storlek" not in view.text and "Transkript" not in view.text and "Hoppa" not in view.text
    assert "Starta" not in view.text
    assert "Sammanträdesprotokoll Barn- och utbildningsnämnden" in view.text and "Download" not in view.text
    assert {e.reason for e in view.edits} >= {"hosting-site wrapper"}


def test_municipal_web_page_chrome_is_blanked() -> None:
    """Meeting notes copied from a municipality's web page, with its navigation, cookie banner and footer."""
    text = ("Hoppa till huvudinnehållet\nLyssna Translate Sök\nStartsida > Bygga och bo > Möten\n"
            "Vi använder kakor för att förbättra webbplatsen.\nGodkänn alla kakor\n\n"
            "Minnesanteckningar från dialogmöte om vägbelysning\n\nNärvarande: Lisa Holm, Omar Nilsson\n\n"
            "1. Belysningsplanen\n\nPlanen ska vara klar senast den 30 september 2024.\n\n"
            "Senast uppdaterad: 12 augusti 2024\nDela sidan: Facebook LinkedIn E-post\n"
            "Kontakta oss | Tillgänglighetsredogörelse | Om kakor\nTill toppen\n")
    view = reflow(normalize(text))
    for chrome in ("Hoppa", "Translate", "Startsida", "kakor", "Senast uppdaterad", "Facebook", "Tillgänglighet",
                   "toppen"):
        assert chrome not in view.text
    assert "Planen ska vara klar senast den 30 september 2024." in view.text
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections] == ["Belysningsplanen"]
    assert [d.value for d in doc.deadlines] == ["2024-09-30"]


def test_a_name_that_a_column_end_broke_is_one_name() -> None:
    text = ("Kommunstyrelsen\nProtokoll\n\nBeslutande\n"
            "Anna Berg (S) ordförande, Per Holm (M), Lisa Ek (C), Sven Dahl (KD), Karin\n"
            "Malmberg (S), Olle Nygren (V)\n\n§ 1 Val av justerare\n\nPer Holm utses.\n")
    view = reflow(normalize(text))
    assert "Karin Malmberg (S)" in view.text
    assert "layout: name across a line break" in {e.reason for e in view.edits}
    people = {p.name: text[p.start:p.end] for p in kdextract.parse(text, ner=False).people}
    assert people["Karin Malmberg"] == "Karin\nMalmberg"


def test_a_name_wrapped_before_its_full_stop_and_the_next_name_is_joined() -> None:
    text = ("Närvarande: Anna Berg (S), Per Holm (M), Lisa Ek (C), Sven Dahl, Karin\nMalmberg. Marianne Persson, "
            "sekreterare, och Olle Nygren deltog också i mötet.\n")
    assert "Karin Malmberg" in {p.name for p in kdextract.parse(text, ner=False).people}


@pytest.mark.parametrize("text", [
    # a short line ends where its writer ended it
    "Uppföljning\n\nRapporten skrevs av Karin\nMalmberg (S) läste den.\n",
    # the next line opens with a given name
    "Närvarande: Anna Berg (S), Per Holm (M), Lisa Ek (C), Sven Dahl (KD), Karin\nLena Ek (S)\n",
    # the next line's word goes on as a sentence
    "Under hösten har arbetsgruppen träffats flera gånger tillsammans med Karin\nSamordnaren beskriver det.\n",
])
def test_a_line_break_after_a_given_name_stays_where_no_name_goes_on(text: str) -> None:
    assert "layout: name across a line break" not in {e.reason for e in reflow(normalize(text)).edits}


def test_transcript_page_numbers_and_running_headers() -> None:
    text = ("1 Tekniska nämnden PROTOKOLL 1(2) Plats och tid Stadshuset kl 18.00 Beslutande Eva Ek (S) "
            "Utses att justera Eva Ek Sekreterare Ola Sund Justeringens plats och tid Stadshuset den 3 maj\n\n"
            "2 Tekniska nämnden PROTOKOLL 2(2) § 9 Gatubelysning Beslut Nämnden godkänner planen för "
            "gatubelysning som förvaltningen har tagit fram och ger förvaltningen i uppdrag att genomföra den.\n")
    view = reflow(TextView.identity(text))
    lines = view.text.split("\n")
    assert "\fTekniska nämnden PROTOKOLL 2(2)" in lines  # the running header, set apart as page furniture
    assert "§ 9 Gatubelysning" in lines and "Beslut" in lines
    assert view.to_input(view.text.index("§ 9"), view.text.index("§ 9") + 3) == (text.index("§ 9"), text.index("§ 9") + 3)


# -- a PDF of a report with a running header and footer on every page -------------------------

HEADER = "Ekby kommun | Kommundirektörens rapport | 2023-10-16"
REPORT = [
    ["Kommundirektörens rapport", "", "Ny simhall i Ekby", "",
     "Bygget av simhallen startade den 4 september och ska vara klart i juni 2025.",
     "Kostnaden beräknas till 120 miljoner kronor.", "",
     "Trygghetsvandringar", "", "Under hösten genomförs sex vandringar tillsammans med polisen."],
    ["Ekonomisk uppföljning", "", "Prognosen efter augusti visar ett överskott på 4,5 mnkr.",
     "Förvaltningarna redovisar nästa gång den 20 november.", "",
     "Rekrytering", "", "En ny ekonomichef börjar den 1 december."],
    ["Bredband på landsbygden", "", "Utbyggnaden fortsätter under 2024 med stöd på 2 miljoner kronor.", "",
     "Övrigt", "", "Inga övriga frågor."],
]


def _pdf_page(body: list[str], number: int, total: int) -> list[tuple[float, float, str]]:
    lines = [(72, 800, HEADER)]
    lines += [(72, 740 - 18 * i, text) for i, text in enumerate(body) if text]
    lines.append((280, 30, f"Sida {number} av {total}"))
    return lines


def test_a_pdf_report_with_running_header_gives_the_records_of_its_text(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(make_pdf([_pdf_page(p, i, len(REPORT)) for i, p in enumerate(REPORT, 1)]))
    text = HEADER + "\n\n" + "\n\n".join("\n".join(p) for p in REPORT)
    exported = "\n\n".join(f"{HEADER}\n\n" + "\n".join(p) + f"\n\nSida {i} av {len(REPORT)}"
                           for i, p in enumerate(REPORT, 1))  # a text export that kept header and footer
    from_text, from_pdf, from_export = (kdextract.parse(x, ner=False) for x in (text, pdf, exported))
    want = records(from_text)
    assert [s[2] for s in want["sections"]] == [  # type: ignore[index, union-attr]
        "Ny simhall i Ekby", "Trygghetsvandringar", "Ekonomisk uppföljning", "Rekrytering",
        "Bredband på landsbygden", "Övrigt"]
    for other in (from_pdf, from_export):
        got = records(other)
        assert (got["sections"], got["dates"], got["amounts"]) == (want["sections"], want["dates"], want["amounts"])
    assert HEADER not in {s.title for s in from_pdf.sections}


@pytest.mark.parametrize(("patterns", "line", "found"), [
    (["^sida \\d+$"], "Sida 3", True),
    (["^sida \\d+$"], "se sida 3", False),
    (["^tel|fax"], "Fax 08-123", True),  # "|" outside a group: "fax" may stand anywhere
    (["^tel|fax"], "vår fax 08-123", True),
    (["^(?:tel|fax)"], "vår fax 08-123", False),
    (["^[|]x", "www\\.\\S+"], "läs mer på www.exempel.se", True),
    (["^[|]x"], "a|x", False),
])
def test_a_line_test_tries_anchored_patterns_at_the_start_only(patterns: list[str], line: str, found: bool) -> None:
    assert LineTest(patterns)(line) is found


# Our own form head with a signature box right above the first item, whose title is a form label's word.
SIGNATURE_BOX_THEN_ITEM = """Kultur- och fritidsnämnden      SAMMANTRÄDESPROTOKOLL
                                 2025-09-02

Beslutande      Agnes Wredin, ordförande
                Folke Hammarby

Underskrifter   Sekreterare  ......................
                             Tilda Ögren
                Ordförande   ......................
                             Agnes Wredin
                Justerande   ......................
                             Folke Hammarby


§ 18    Justering

Folke Hammarby utses att jämte ordföranden justera protokollet.


§ 19    Bidrag till Brattebo bygdegård

Nämnden beviljar bygdegårdsföreningen 15 000 kr.
"""


def test_an_item_titled_with_a_form_labels_word_keeps_its_title() -> None:
    doc = kdextract.parse(SIGNATURE_BOX_THEN_ITEM, ner=False)
    assert [(s.number, s.title) for s in doc.sections] == [("§ 18", "Justering"), ("§ 19", "Bidrag till Brattebo bygdegård")]



def test_a_web_pages_last_updated_line_keeps_its_day() -> None:
    text = ("Startsida / Politik / Protokoll\n\nProtokoll från kulturnämnden den 3 mars 2027\n\n"
            "§ 5 Bidrag till kulturföreningar\nBeslut: Nämnden beviljar bidragen.\n\n"
            "Senast uppdaterad: 2027-03-09\nDela sidan\n")
    doc = kdextract.parse(text, ner=False)
    assert ("2027-03-09", "2027-03-09") in [(d.text, d.value) for d in doc.dates]
    assert not any("uppdaterad" in s.title.casefold() for s in doc.sections)


def test_a_day_that_opens_a_line_after_numbered_pages_is_no_page_number() -> None:
    page = "Nämnden går igenom läget i verksamheterna och diskuterar hur arbetet ska fortsätta under året. " * 3
    text = f"1 {page}\n2 {page}\nSenast uppdaterad: 3 maj 2024\nDela sidan: Facebook LinkedIn E-post\n"
    doc = kdextract.parse(text, ner=False)
    assert ("3 maj 2024", "2024-05-03") in [(d.text, d.value) for d in doc.dates]
