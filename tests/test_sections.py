"""Section segmentation: every kind of heading, and the furniture that must not become one."""

from __future__ import annotations

import pytest
from example_tables import table

import kdextract
from kdextract.layout.lines import split_lines
from kdextract.layout.sections import section_at, segment
from kdextract.models import Section
from kdextract.text.normalize import normalize


def sections_of(text: str) -> list[Section]:
    return segment(normalize(text))[1]


def titles(text: str, level: int = 1) -> list[str]:
    return [s.title for s in sections_of(text) if s.level == level]


def parsed_titles(text: str) -> list[str]:
    """The top-level section titles of the whole pipeline's reading (``parse``, no NER)."""
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]


REPORT = """Lerums kommun

2022-09-05

1 (3)

Kommunstyrelsen

Kommundirektörens rapport

Ny förskola i Gråbo

Bygget av förskolan går enligt plan och inflyttning sker i januari.

Ekonomisk uppföljning

Förvaltningarna redovisar ett samlat överskott efter augusti.

Beslut

Kommunstyrelsen noterar informationen.

Tel 0302-52 10 00

info@lerum.se • www.lerum.se

2

Sara Holm
Kommundirektör
"""


def test_report_topics_and_subheading() -> None:
    secs = sections_of(REPORT)
    assert [(s.title, s.level) for s in secs] == [
        ("Ny förskola i Gråbo", 1), ("Ekonomisk uppföljning", 1), ("Beslut", 2)]
    assert secs[2].parent == secs[1].id
    assert secs[0].category == "topic" and secs[2].category == "subheading"


def test_letterhead_title_footer_signature_and_page_numbers_are_not_sections() -> None:
    found = " | ".join(titles(REPORT) + titles(REPORT, 2))
    for furniture in ("Lerums kommun", "Kommunstyrelsen", "Kommundirektörens rapport", "Tel", "Sara Holm",
                      "Kommundirektör", "1 (3)"):
        assert furniture not in found.split(" | ")


def test_preamble_covers_text_before_first_heading() -> None:
    preamble, secs = segment(normalize(REPORT))
    assert preamble is not None and preamble.category == "preamble"
    assert preamble.end == secs[0].start


def test_section_spans_cover_bodies_and_map_offsets() -> None:
    view = normalize(REPORT)
    secs = segment(view)[1]
    first = secs[0]
    assert view.text[first.title_start:first.title_end] == "Ny förskola i Gråbo"
    assert "inflyttning sker i januari" in view.text[first.body_start:first.body_end]
    assert section_at(secs, view.text.index("överskott")) == secs[1].id
    assert section_at(secs, view.text.index("noterar")) == secs[2].id


def test_numbered_agenda_items_strip_numbers_and_nest_subheadings() -> None:
    text = """Minnesanteckningar, styrgruppen för e-arkiv

Tid 2023-04-05 kl 13.00-15.00

1. Inledning

Ordföranden öppnar mötet.

2. Gemensam lösning för e-arkiv

Projektledaren redovisar läget.

Bakgrund

Dagens arkivavtal upphör vid årsskiftet.

Förslag till beslut:

Styrgruppen tar ställning på nästa möte.

3. Övriga frågor

Inga frågor anmäldes.
"""
    secs = sections_of(text)
    assert [(s.number, s.title, s.level) for s in secs] == [
        ("1", "Inledning", 1), ("2", "Gemensam lösning för e-arkiv", 1),
        (None, "Bakgrund", 2), (None, "Förslag till beslut", 2), ("3", "Övriga frågor", 1)]
    assert all(s.category == "agenda_item" for s in secs if s.level == 1)


def test_protocol_paragraphs() -> None:
    text = """Protokoll

KS § 80 Svar på motion om cykelvägar

Kommunstyrelsen föreslår att motionen avslås.

Sn § 49
Avgifter inom äldreomsorgen

Socialnämnden beslutar enligt förslaget.

§ 83 Anmälan av delegationsbeslut

Beslutet anmäls.
"""
    secs = sections_of(text)
    assert [(s.number, s.title) for s in secs if s.level == 1] == [
        ("KS § 80", "Svar på motion om cykelvägar"), ("Sn § 49", "Avgifter inom äldreomsorgen"), ("§ 83", "Anmälan av delegationsbeslut")]


def test_markdown_and_bold_headings() -> None:
    text = "## Kommundirektörens rapport\n\n### Översyn av styrningen\n\nText om styrningen.\n\n" \
           "**Samverkan med Skatteverket**\n\nKommunen och Skatteverket har ett avtal.\n"
    assert titles(text) == ["Översyn av styrningen", "Samverkan med Skatteverket"]


def test_list_items_after_colon_and_broken_lines_are_not_headings() -> None:
    text = """Kommundirektörens rapport

Utvärdering av förbundet

Utvärderingen omfattar följande punkter:

Ekonomi

Organisation och ledning

Framtida utveckling

En rapport väntas i september. Arbetet med den nya vägen beräknas vara klar i

augusti nästa år.

Trafikfrågor

Text om trafiken.
"""
    assert titles(text) == ["Utvärdering av förbundet", "Trafikfrågor"]


def test_long_numbered_sentences_are_a_list_not_agenda_items() -> None:
    text = "Organisationsförändringar\n\nFöljande gäller.\n\n1. Administrationen centraliseras till ett nytt kontor.\n" \
           "2. Ett nytt kontor bildas inom förvaltningen.\n"
    assert titles(text) == ["Organisationsförändringar"]


# ---- the example table: every shape of heading real archives give (tests/data/sections_table.tsv) ----

def _sections(text: str, expected: str) -> tuple[str, list[tuple[str | None, ...]]]:
    """The text and its expected sections, each (number, title, case number)."""
    return text, [tuple(part.strip() or None for part in item.split("|")) for item in expected.split(";;") if item.strip()]


ROWS = table("sections_table.tsv", 3, _sections)


def test_section_table_is_large_enough() -> None:
    assert len(ROWS) >= 18


@pytest.mark.parametrize("text, want", ROWS)
def test_section_table(text: str, want: list[tuple[str | None, ...]]) -> None:
    doc = kdextract.parse(text, ner=False)
    top = [(s.number, s.title, s.case_number) for s in doc.sections if s.level == 1]
    assert top == want
    for s in doc.sections:
        assert " ".join(text[s.title_start:s.title_end].split()) == s.title


def test_tight_heading_after_known_subheadings_is_their_sibling() -> None:
    # the layout's reading (segment); in a memo the pipeline then lifts these headings to the top level
    text = ("Tjänsteskrivelse\n\nNy taxa för parkering\n\nSammanfattning\nTaxan höjs för första gången sedan"
            " införandet och förvaltningen föreslår nya nivåer.\n\nAvgifter i centrum\nIntäkterna väntas öka med"
            " ungefär en femtedel under det första året med den nya taxan.\n")
    assert [(s.title, s.level) for s in sections_of(text)] == [
        ("Ny taxa för parkering", 1), ("Sammanfattning", 2), ("Avgifter i centrum", 2)]


def test_numbered_notes_item_over_a_table_with_label_words_in_its_header() -> None:
    # "Datum" and "Ansvarig" in the table's header are form labels too: the item above it still has a body
    text = """Anteckningar från projektgruppen Nya Ängsskolan
Deltagare: Oskar Bring (ordförande), Tilde Ramsay (projektledare)
Antecknare: Tilde Ramsay

1. Läget
Grundarbetena pågår och följer tidplanen för hela bygget.

2. Tidplan
Aktivitet                    Datum          Ansvarig
Stommen rest                 2025-02-14     Oskar Bring
Taket tätt                   2025-04-30     Tilde Ramsay

3. Kostnader
Utfallet ligger i nivå med den budget som styrelsen har godkänt.
"""
    assert [s.title for s in kdextract.parse(text).sections if s.level == 1] == ["Läget", "Tidplan", "Kostnader"]


def test_short_headings_tight_over_bulleted_prose_are_topics() -> None:
    text = """Kommunchefens rapport

Aktuellt just nu
• Simhallen öppnar igen när den nya ventilationen är på plats.
• Två lärare har anställts till högstadiet i Västerby.

Kommande händelser
• Föreningarna bjuds in till ett dialogmöte om lokalbidragen.

Vi vill särskilt lyfta fram att
• alla förskolor har fått nya lekplatser under året.
"""
    assert [s.title for s in kdextract.parse(text).sections if s.level == 1] == [
        "Aktuellt just nu", "Kommande händelser"]


def test_agenda_items_with_a_presenter_line_under_them_stay_items() -> None:
    text = ("KALLELSE\nMiljönämnden\n\nTid: tisdag 4 mars 2025 kl. 09.00\n\n"
            "1   Val av justerare                              Beslut\n"
            "2   Tillsynsplan för livsmedel 2025               Beslut\n"
            "    – Elin Borg, miljöinspektör\n"
            "3   Bokslut för nämnden                           Information\n"
            "    – Rolf Ahl, ekonom\n"
            "4   Övriga frågor\n\nVälkomna!\n")
    top = parsed_titles(text)
    assert top == ["Val av justerare", "Tillsynsplan för livsmedel 2025", "Bokslut för nämnden", "Övriga frågor"]


def test_agenda_rows_led_by_a_time_span_are_items() -> None:
    # a kallelse that gives each item its own slot in a first column; a pause row has no number
    text = ("Kallelse\nKultur- och fritidsnämnden\n\nDag: tisdag 10 mars 2026\n\n"
            "Tid          Ärende                                Föredragande\n"
            "09.00–09.15  1. Val av justerare\n"
            "09.15–10.00  2. Bidrag till studieförbunden         Lena Ask, handläggare\n"
            "10.00–10.10  Paus\n"
            "10.10–10.45  3. Ny lokal för ungdomsgården          Per Vik, fritidschef\n"
            "10.45–11.00  4. Meddelanden\n\nVälkomna!\n")
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections if s.level == 1] == [
        "Val av justerare", "Bidrag till studieförbunden", "Ny lokal för ungdomsgården", "Meddelanden"]
    for s in doc.sections:
        assert text[s.title_start:s.title_end] == s.title


def test_lettered_items_under_an_agenda_label_are_its_items() -> None:
    # a notice lists its items a), b), c) under "Ärenden"; a lettered list elsewhere stays a list
    text = ("Kungörelse\n\nBygg- och miljönämnden sammanträder onsdagen den 8 april 2026 kl. 15.00.\n\nÄrenden\n"
            "a) Val av justerare\nb) Tillsynsplan för 2026 (BMN 2026/14)\nc) Strandskydd vid Lillsjön\n"
            "d) Meddelanden\n\nBeslutsunderlag för c)\na) Karta över området\nb) Yttrande från grannar\n\n"
            "Eva Bark\nOrdförande\n")
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections if s.level == 1] == [
        "Val av justerare", "Tillsynsplan för 2026 (BMN 2026/14)", "Strandskydd vid Lillsjön", "Meddelanden"]
    assert "Karta över området" not in [s.title for s in doc.sections]
    for s in doc.sections:
        assert text[s.title_start:s.title_end] == s.title


def test_a_title_word_in_an_items_list_of_documents_is_no_document_title() -> None:
    # an extract: the § item comes first, and its list of documents names a tjänsteskrivelse
    text = ("Vännäs kommun                     UTDRAG UR PROTOKOLL\nFritidsnämnden                    2026-02-03\n\n"
            "FN § 9                            Dnr FN 2026/4\n\nTaxor för idrottshallen 2026\n\n"
            "Förvaltningen har räknat om taxorna efter de nya kostnaderna för städning och el.\n\n"
            "Beslutsunderlag\nTjänsteskrivelse från fritidsförvaltningen, daterad 2026-01-12\n\n"
            "Beslut\nFritidsnämnden antar taxorna för idrottshallen.\n")
    doc = kdextract.parse(text, ner=False)
    assert [(s.number, s.title) for s in doc.sections if s.level == 1] == [("FN § 9", "Taxor för idrottshallen 2026")]


def test_items_numbered_before_the_paragraph_sign_are_items() -> None:
    text = ("Valnämnden i Ekby\nProtokoll 2025-05-12\n\n"
            "7 §  Lokaler för förtidsröstning\nNämnden går igenom förslaget till lokaler i tätorterna.\n\n"
            "8 §  Rekrytering av röstmottagare\nKansliet redovisar hur många som har anmält intresse.\n"
            "Enligt 3 kap. 4 § vallagen ska nämnden utse dem i god tid, och enligt\n"
            "4 § i samma kapitel ska de utbildas.\n\n"
            "9 §  Budget för valet\nKostnaden blir lägre än väntat.\n")
    assert titles(text) == ["Lokaler för förtidsröstning", "Rekrytering av röstmottagare", "Budget för valet"]


def test_lines_indented_under_an_agenda_entry_belong_to_it() -> None:
    text = ("Kallelse till samhällsbyggnadsnämnden\nTid: 2025-04-03 kl. 13.00\n\nÄrendelista\n\n"
            "1. Val av justerare\n\n"
            "2. Detaljplan för Norra hamnen\n    Handlingar:\n    Planbeskrivning (PDF, 2,4 MB)\n"
            "    Samrådsredogörelse (PDF, 640 kB)\n\n"
            "3. Trafiksäkerhetsprogram\n    - Remissvar från polisen\n    - Synpunkter från skolorna\n\n"
            "4. Meddelanden\n")
    assert titles(text) == ["Val av justerare", "Detaljplan för Norra hamnen", "Trafiksäkerhetsprogram", "Meddelanden"]
    lettered = text.replace("    - Remissvar från polisen\n    - Synpunkter från skolorna\n",
                            "    a) Skolvägar i Ekby\n    b) Skolvägar i Åby\n")
    # lettered sub-items of an entry with a title of its own are its parts, as the bulleted ones are (an entry whose
    # number has no title of its own, "15 a) …", is the lettered list itself)
    assert titles(lettered) == ["Val av justerare", "Detaljplan för Norra hamnen", "Trafiksäkerhetsprogram", "Meddelanden"]


def test_an_agenda_title_ends_before_its_presenter_after_a_dash() -> None:
    text = ("KALLELSE\n\nMiljönämnden sammanträder tisdagen den 4 mars 2025 kl. 13.00 i stadshuset.\n\n"
            "Föredragningslista\n1. Val av justerare\n2. Delårsrapport per april – Eva Holm, controller\n"
            "3. Tillsyn av enskilda avlopp – Per-Olof Sandin\n4. Lekplatsen i Åby – lägesrapport\n\n"
            "Kerstin Ek\nOrdförande\n")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert titles == ["Val av justerare", "Delårsrapport per april", "Tillsyn av enskilda avlopp",
                      "Lekplatsen i Åby – lägesrapport"]


@pytest.mark.parametrize("body, level", [
    ("Förvaltningen återkommer med en tidplan.\n\nÅtgärder\n- Eva Lund bokar lokal.\n- Per Ås skickar ut inbjudan.\n", 1),
    # under an item with its own subheadings it belongs to the item
    ("Bakgrund\nFörvaltningen återkommer med en tidplan.\n\nÅtgärder\n- Eva Lund bokar lokal.\n", 2),
])
def test_an_action_list_closing_a_memo_is_a_top_level_section(body: str, level: int) -> None:
    text = ("Minnesanteckningar från arbetsgruppen för ny simhall\n\n1. Lägesrapport\nRitningarna är klara.\n\n"
            "2. Tidplan\n" + body)
    sections = kdextract.parse(text, ner=False).sections
    assert [s.title for s in sections][-1] == "Åtgärder"
    assert sections[-1].level == level


def test_numbered_rows_of_a_register_that_end_in_a_date_are_no_items() -> None:
    text = ("Miljönämnden\nProtokoll 2025-09-02\n\n§ 12 Anmälan av delegationsbeslut\n"
            "Nr  Ärende                          Handläggare      Beslutsdatum\n"
            "1   Föreläggande om slamtömning     Miljöinspektör   2025-08-04\n"
            "2   Registrering av livsmedelsbutik Miljöinspektör   2025-08-19\n"
            "Beslut\nAnmälan läggs till handlingarna.\n\n"
            "§ 13 Tillsynsplan 2026\nPlanen gäller nästa år.\nBeslut\nPlanen antas.\n")
    top = parsed_titles(text)
    assert top == ["Anmälan av delegationsbeslut", "Tillsynsplan 2026"]


def test_a_letters_greetings_are_no_headings() -> None:
    text = ("Ekby kommun\nNyheter från kommunchefen\n\nHej alla kollegor!\n\nVi har haft en intensiv vår.\n\n"
            "Ny simhall\nBygget startar i augusti och pågår i två år.\n\n"
            "Tack,\nMed vänliga hälsningar\nMaja Ek\n")
    top = parsed_titles(text)
    assert "Hej alla kollegor!" not in top and "Ny simhall" in top


def test_a_newsletters_headings_led_by_their_date_and_a_bar() -> None:
    text = ("Ekby kommun\nNytt från kommunchefen, april 2025\n\n"
            "3 april | Biblioteket får längre öppettider\n"
            "Från och med maj har huvudbiblioteket öppet till klockan 20 på vardagar, efter önskemål från låntagarna.\n\n"
            "9 april | Sommarjobb för unga\n"
            "Ansökan till kommunens sommarjobb har öppnat och över 300 ungdomar har redan skickat in sina ansökningar.\n")
    top = parsed_titles(text)
    assert top == ["Biblioteket får längre öppettider", "Sommarjobb för unga"]



@pytest.mark.parametrize("line", ["Till kommunstyrelsen", "Till barn- och utbildningsnämnden", "Till direktionen:"])
def test_a_memos_addressee_line_is_a_label_no_heading(line: str) -> None:
    assert [ln.kind for ln in split_lines(f"{line}\n", {})][0] == "field"


def test_a_presenter_after_a_dash_is_no_part_of_an_agenda_title() -> None:
    text = ("Kallelse\nMiljönämnden\n\nFöredragningslista\n1. Val av justerare\n"
            "2. Tillsynsplan för 2026 – Karin Ödman, miljöchef\n3. Ekbyån – nya fiskevårdsområden\n")
    top = parsed_titles(text)
    assert top == ["Val av justerare", "Tillsynsplan för 2026", "Ekbyån – nya fiskevårdsområden"]


def test_items_numbered_with_the_word_arende_at_a_line_start_are_items() -> None:
    text = ("Ekby kommun\nKommunstyrelsens arbetsutskott\nProtokoll 2025-05-06\n\n"
            "Ärende 1  Val av justerare\nOla Ek utses.\n\n"
            "Ärende 2  Försäljning av tomt i Ekbacken\nDnr KS 2025/77\nKöparen vill bygga ett garage.\n\n"
            "Beslut\nTomten säljs.\n\n"
            "Punkt 3: Information om vårens budget\nSe ärende 2 ovan.\n")
    top = parsed_titles(text)
    assert top == ["Val av justerare", "Försäljning av tomt i Ekbacken", "Information om vårens budget"]


def test_slide_titles_under_a_numbered_running_footer_head_their_bullets() -> None:
    """A slide deck saved as text: every slide ends in the same footer with its own page number, and each
    title stands tight over short bullets."""
    slides = [("Läget i skolorna", ["• Fler elever", "• Två nya rektorer"]),
              ("Lokaler", ["• Ekbackens skola klar", "• Paviljong i Åby"]),
              ("Kommande möten", ["• Nämnden 4 juni", "• Dialog med föräldrarna"])]
    text = "Förvaltningschefens rapport\nBarn- och utbildningsnämnden 6 maj 2025\n\nEkby kommun              1\n\n"
    for n, (title, bullets) in enumerate(slides, start=2):
        text += f"{title}\n" + "\n".join(bullets) + f"\n\nEkby kommun                              {n}\n\n"
    top = parsed_titles(text)
    assert top == ["Läget i skolorna", "Lokaler", "Kommande möten"]


def test_a_short_heading_tight_over_a_table_heads_it() -> None:
    text = ("Ekby kommun\nRapport om hallhyror\n\nBakgrund\nHyrorna har inte höjts sedan 2019 och täcker inte "
            "längre kostnaderna för städning.\n\n"
            "Hyror i förslaget\nLokal              I dag       Förslag\nStora hallen       300 kr      340 kr\n"
            "Gymnastiksal       150 kr      170 kr\n\nÖvrigt\nInga andra ändringar föreslås i år.\n")
    top = parsed_titles(text)
    assert "Hyror i förslaget" in top


def test_a_markdown_heading_over_a_table_after_a_blank_is_a_section() -> None:
    text = ("# Anteckningar\n\n## 1. Lokaler\nVi behöver ett större rum.\n\n## 2. Ekonomi\nBudgeten räcker.\n\n"
            "## Att göra\n\n| Vad | Vem |\n|---|---|\n| Boka rum | Eva Ek |\n| Skriva budget | Ola Ås |\n")
    top = parsed_titles(text)
    assert top[-1] == "Att göra"


BULLETIN = """Ekby kommun
Veckobrev från kommundirektören, april 2026

7 april | Gemensam simhall för Norrby och Sörby
Kommunfullmäktige och Ekby Fastighets AB har enats om en
simhall med tre bassänger i Norrby centrum.

Kalendarium
12 maj     Chefsdag i stadshuset
4 juni     Kommunfullmäktige

Eva Strand
Kommundirektör
"""


def test_a_tight_heading_over_a_wrapped_paragraph_and_one_over_a_table() -> None:
    titles = [s.title for s in kdextract.parse(BULLETIN, ner=False).sections if s.category != "preamble"]
    assert titles == ["Gemensam simhall för Norrby och Sörby", "Kalendarium"]


UNNUMBERED_NOTES = """Anteckningar från stabsmötet

Läget
Strömavbrottet i Norrvik har pågått sedan i går kväll och berör omkring fyrahundra hushåll.

Beslut
Staben beslutar att öppna en värmestuga i skolans matsal från klockan sex i kväll.

Uppdrag
1. Ordna fältsängar och filtar till värmestugan i skolans matsal.
Ansvarig: Kerstin Hed.
2. Informera de boende på kommunens webbplats.
Ansvarig: Leo Dahl.
"""


def test_a_lone_known_subheading_between_unnumbered_topics_is_a_part_of_the_document() -> None:
    assert [(s.title, s.level) for s in sections_of(UNNUMBERED_NOTES)] == [
        ("Läget", 1), ("Beslut", 1), ("Uppdrag", 1)]


def test_a_known_subheading_under_every_topic_stays_their_subheading() -> None:
    text = ("Anteckningar från stabsmötet\n\nVärmestugan\n\nSkolans matsal kan tas i bruk från i kväll.\n\n"
            "Beslut\nStaben beslutar att öppna värmestugan klockan sex.\n\nReservkraften\n\n"
            "Ett reservaggregat finns att låna från grannkommunen.\n\nBeslut\nStaben beslutar att låna aggregatet.\n")
    assert [(s.title, s.level) for s in sections_of(text)] == [
        ("Värmestugan", 1), ("Beslut", 2), ("Reservkraften", 1), ("Beslut", 2)]


def test_a_short_heading_tight_over_a_numbered_list_of_prose_is_a_topic() -> None:
    text = UNNUMBERED_NOTES.replace("Beslut\nStaben", "Elnätet\nStaben")
    assert titles(text) == ["Läget", "Elnätet", "Uppdrag"]


def test_a_bare_enclosure_label_over_its_list_heads_a_section_of_unnumbered_topics() -> None:
    text = ("Granskningsrapport\n\nSyfte\nGranskningen gäller hur nämnden följer upp sina avtal med privata utförare.\n\n"
            "Slutsatser\nUppföljningen av avtalen har varit bristfällig under hela året.\n\n"
            "Bilagor\nFörteckning över avtal\nIntervjuer med handläggarna\n\nEkby den 3 mars 2026\n")
    assert titles(text) == ["Syfte", "Slutsatser", "Bilagor"]


def test_a_title_wrapped_onto_a_hanging_indent_over_a_presenter_line_is_read_whole() -> None:
    text = ("Kallelse\nKultur- och fritidsnämnden\n\nÄrenden\n\n1. Val av justerare\n2. Verksamhetsplan för\n"
            "   fritidsgårdarna 2027\n   Föredragande: Pia Lund, fritidschef\n3. Rapport från Kulturrådets\n"
            "   besök i kulturhuset\n4. Övriga frågor\n\nHandlingarna finns i nämndappen.\n")
    assert titles(text) == ["Val av justerare", "Verksamhetsplan för fritidsgårdarna 2027",
                            "Rapport från Kulturrådets besök i kulturhuset", "Övriga frågor"]



def test_the_rest_of_a_title_in_digits_on_a_hanging_indent_is_read_whole() -> None:
    text = ("Kungörelse\nKommunfullmäktige\n\nÄrenden\n\n1.  Val av justerare\n2.  Val av revisorer för perioden\n"
            "    2027–2030\n\n3.  Val av ombud för tiden\n    2027–2028\n4.  Avsägelse från uppdrag som ersättare\n\n"
            "Handlingarna finns på kommunens webbplats.\n")
    assert titles(text) == ["Val av justerare", "Val av revisorer för perioden 2027–2030",
                            "Val av ombud för tiden 2027–2028", "Avsägelse från uppdrag som ersättare"]

# Our own board agenda: each item's case number alone on the line under it, without a "Dnr" label.
BARE_CASE_NUMBERS = """Region Sörmarken                              FÖREDRAGNINGSLISTA
Regionstyrelsen

Ärende 1   Val av justerare

Ärende 2   Årsredovisning 2025
           RS/2026/0071
           Föredragande: ekonomidirektör Vera Lindfors

Ärende 3   Yttrande över remiss om samordnad tandvård för äldre och personer
           med funktionsnedsättning
           RS/2026/0102
           Bilaga 3 Förslag till yttrande

Ärende 4   Ändring av arvodesreglementet
           RS/2026/0119

Ärende 5   Anmälan av delegationsbeslut
"""


def test_a_case_number_alone_under_an_item_is_its_case_without_a_label() -> None:
    doc = kdextract.parse(BARE_CASE_NUMBERS, ner=False)
    assert [(s.title, s.case_number) for s in doc.sections if s.level == 1] == [
        ("Val av justerare", None), ("Årsredovisning 2025", "RS/2026/0071"),
        ("Yttrande över remiss om samordnad tandvård för äldre och personer med funktionsnedsättning", "RS/2026/0102"),
        ("Ändring av arvodesreglementet", "RS/2026/0119"), ("Anmälan av delegationsbeslut", None)]


# Our own follow-up of internal control: each numbered part's label over its short labelled lines.
LABELLED_PARTS = """Uppföljning av intern kontroll 2025

Bakgrund
Nämnden fastställde tre kontrollmoment för året.

Kontrollmoment 1: Inventarieförteckning
Risk: Stöld upptäcks inte.
Resultat: Förteckningen var aktuell.

Kontrollmoment 2: Representation
Risk: Otillåten alkohol.
Resultat: Inga avvikelser.

Granskningsområde 3 Bisysslor
Metod: Enkät.
Resultat: Två anmälningar saknades.
"""


def test_a_labelled_numbered_part_heads_its_lines_however_short() -> None:
    doc = kdextract.parse(LABELLED_PARTS, ner=False)
    assert [(s.level, s.number, s.title) for s in doc.sections if s.number] == [
        (1, "1", "Inventarieförteckning"), (1, "2", "Representation"), (1, "3", "Bisysslor")]


# Our own notice: "Föredragningslista" heads the agenda, one entry wrapped, Dnr lines indented under entries.
AGENDA_UNDER_ITS_LABEL = """Kultur- och fritidsnämnden
Kallelse till sammanträde tisdagen den 3 mars 2026 kl. 13.00

Föredragningslista

1. Val av justerare

2. Bidrag till föreningar 2026
   Dnr KFN 2026/012
   Föredragande: Edvin Lindqvist, fritidschef

3. Yttrande över förslag till detaljplan för kvarteret Lärkan i
   centrala Ekby
   Dnr KFN 2026/019

4. Information

Ekby den 20 februari 2026
"""


def test_an_agenda_entry_takes_its_wrapped_title_and_case_number() -> None:
    doc = kdextract.parse(AGENDA_UNDER_ITS_LABEL, ner=False)
    assert [(s.title, s.case_number) for s in doc.sections if s.level == 1] == [
        ("Val av justerare", None), ("Bidrag till föreningar 2026", "KFN 2026/012"),
        ("Yttrande över förslag till detaljplan för kvarteret Lärkan i centrala Ekby", "KFN 2026/019"),
        ("Information", None)]


# Our own kallelse: its items, each with the labelled lines of its body right under the numbered title, under an
# "Ärenden" label (no table of contents).
ITEMS_UNDER_THEIR_LABEL = """Lindås kommun
Miljö- och byggnadsnämnden

KALLELSE

Tid:     Onsdag 11 november 2026, kl. 09:00
Plats:   Sammanträdesrum Tallen, kommunhuset

Ärenden

1. Information om tillsynsplan 2027
Föredragande: Miljöchef Karin Ås
Förslag till beslut: Informationen noteras.

2. Ansökan om strandskyddsdispens för brygga vid Näsudden
Dnr MBN 2026/214
Ärende: En fastighetsägare ansöker om dispens för en brygga.
Förslag till beslut: Nämnden beviljar dispens.

3. Delegationsbeslut
Förslag till beslut: Anmälan noteras.

Lindås den 4 november 2026

Per Ström
Ordförande
"""


@pytest.mark.parametrize("label", ["Ärenden", "Föredragningslista"])
def test_items_with_their_body_labels_under_a_contents_label_are_no_contents_entries(label: str) -> None:
    text = ITEMS_UNDER_THEIR_LABEL.replace("Ärenden\n", f"{label}\n")
    assert [ln.text for ln in split_lines(text, {}) if ln.kind == "entry"] == []
    doc = kdextract.parse(text, ner=False)
    assert [(s.title, s.case_number, s.source.name) for s in doc.sections if s.level == 1] == [
        ("Information om tillsynsplan 2027", None, "sections/agenda"),
        ("Ansökan om strandskyddsdispens för brygga vid Näsudden", "MBN 2026/214", "sections/agenda"),
        ("Delegationsbeslut", None, "sections/agenda")]


# Our own answer to an interpellation: the questions asked are numbered, the answer follows under its heading.
NUMBERED_QUESTIONS = """Svar på interpellation om skolskjutsar

Interpellanten har ställt följande frågor:

1. Hur många elever har fått vänta på skolskjuts i höst?
2. När kommer den nya upphandlingen att vara klar?

Svar

Under hösten har tolv elever fått vänta längre än en vecka. Upphandlingen
ska vara klar i december.

3. Övriga frågor
"""


def test_numbered_questions_are_no_items() -> None:
    doc = kdextract.parse(NUMBERED_QUESTIONS, ner=False)
    titles = [s.title for s in doc.sections]
    assert not any(t.endswith("?") for t in titles)
    assert "Övriga frågor" in titles


# Our own föredragningslista in columns: a time after the item's number, a case number set apart after a title that
# ends in "om", a dash for an empty Dnr cell, and the rest of a long title wrapped under the title's first letter.
TIMED_COLUMNS = """BYGGNADSNÄMNDEN

Nr  Tid    Ärende                              Dnr           Föredragande
1   13.00  Upprop och justering
2   13.05  Delårsbokslut per april             BN 2027/08    Eva Sjödahl
3   13.30  Förslag till ny taxa för            BN 2027/14    Olle Trana
           strandskyddsdispenser
4   14.00  Remiss om                           BN 2027/21    Eva Sjödahl
5   14.20  Anmälan av delegationsbeslut        –
6   14.30  Övrigt

Mona Viklund
Ordförande
"""


def test_a_timed_agenda_in_columns_gives_every_item() -> None:
    doc = kdextract.parse(TIMED_COLUMNS, ner=False)
    assert [(s.title, s.case_number) for s in doc.sections if s.level == 1] == [
        ("Upprop och justering", None), ("Delårsbokslut per april", "BN 2027/08"),
        ("Förslag till ny taxa för strandskyddsdispenser", "BN 2027/14"), ("Remiss om", "BN 2027/21"),
        ("Anmälan av delegationsbeslut", None), ("Övrigt", None)]


# Our own crisis minutes that note when each § item was taken up, in a column ("kl. 14.10") or inline.
TIMED_PARAGRAPHS = """Räddningsnämnden

§ 11   kl. 14.00   Upprop
Alla ledamöter är närvarande.

§ 12   kl. 14.10–14.40   Läget vid vattenverket
Driften är återställd.

§ 13 kl. 15.05 Information från polisen
Inga frågor.
"""


def test_the_time_after_a_paragraph_number_is_no_part_of_the_title() -> None:
    doc = kdextract.parse(TIMED_PARAGRAPHS, ner=False)
    assert [s.title for s in doc.sections if s.level == 1] == [
        "Upprop", "Läget vid vattenverket", "Information från polisen"]


# Our own typed minutes of the 1980s: the headings typed letter-spaced under bare "§" lines.
LETTER_SPACED = """T e k n i s k a   n ä m n d e n

§ 4

G a t u b e l y s n i n g   i   B y n ä s

Nämnden beslutar att byta armaturerna längs Byvägen.

§ 5

Ö v r i g a   f r å g o r

Inga övriga frågor togs upp.
"""


def test_letter_spaced_headings_read_as_words() -> None:
    assert parsed_titles(LETTER_SPACED) == ["Gatubelysning i Bynäs", "Övriga frågor"]
    in_capitals = LETTER_SPACED.replace("G a t u b e l y s n i n g", "G A T U B E L Y S N I N G")
    assert parsed_titles(in_capitals)[0] == "GATUBELYSNING i Bynäs"


# Our own extract: the case number under the § on a form line of its label and a colon.
EXTRACT_CASE_FORM_LINE = """Region Ekmark                                PROTOKOLLSUTDRAG
Kulturnämnden                                2027-02-10

§ 9    Bidrag till länets hembygdsförbund
Diarienummer: KN 2027/031

Beslut
Kulturnämnden beviljar hembygdsförbundet 80 000 kronor för 2027.
"""


@pytest.mark.parametrize("label", ["Diarienummer:", "Dnr:", "Ärendenummer:", "Ärendenummer"])
def test_a_case_number_on_a_form_line_under_an_item_is_the_items(label: str) -> None:
    doc = kdextract.parse(EXTRACT_CASE_FORM_LINE.replace("Diarienummer:", label), ner=False)
    assert [s.case_number for s in doc.sections if s.level == 1] == ["KN 2027/031"]
    assert doc.meta.diarienummer == "KN 2027/031"


# Our own föredragningslista: the meeting's time and place and a header row of columns between the list's label
# and its numbered items.
LIST_WITH_HEAD = """Ekby kommun
Miljönämnden

FÖREDRAGNINGSLISTA
Sammanträde torsdagen den 9 september 2027 kl. 13.00, Stadshuset

Ärende                                      Dnr            Föredragande
1.  Val av justerare
2.  Tillsynsplan för 2028                   MN 2027/40     Åsa Kron
3.  Delegationsbeslut                       MN 2027/2
"""


def test_the_head_of_a_foredragningslista_is_no_item() -> None:
    doc = kdextract.parse(LIST_WITH_HEAD, ner=False)
    assert [s.title for s in doc.sections if s.level == 1] == ["Val av justerare", "Tillsynsplan för 2028",
                                                               "Delegationsbeslut"]
    assert doc.meta.date == "2027-09-09"
