"""Agendas as real archives give them: the lines under an item that list its documents, lettered sub-items, and the
same documents with their line breaks lost (a page on one line, or each paragraph on one).

The fixtures are ours: invented bodies, people and places, in the genre's real shapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

import kdextract


def _flat(text: str) -> str:
    """Every line break a space: a page as pdftotext without ``-layout`` leaves it."""
    return re.sub(r"\s+", " ", text).strip()


def _flatpara(text: str) -> str:
    """The breaks inside a paragraph lost, the blank lines between paragraphs kept."""
    return "\n\n".join(_flat(p) for p in re.split(r"\n[ \t]*\n", text) if p.strip())


LAYOUTS: dict[str, Callable[[str], str]] = {"as is": lambda t: t, "flat": _flat, "flatpara": _flatpara}


def titles(text: str) -> list[str]:
    """The top-level section titles of the pipeline's reading (no NER)."""
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]


KALLELSE = """Kallelse
Kultur- och fritidsnämnden i Ljusnarsbergs kommun

Tid: torsdagen den 14 november 2024 kl. 15.00
Plats: Biblioteket, konferensrummet

{label}

1. Val av justerare

2. Ändring av taxa för simhallen
Beslutsunderlag: Tjänsteskrivelse 2024-10-22

3. Bidrag till Hembygdsgården Lövnäs
Bilaga 2 Ansökan från föreningen

4. Kulturplan 2025–2028
Handlingar:
Förslag till kulturplan
Remissammanställning

5. Information om bibliotekets öppettider
Bilaga: Statistik över besök 2024

6. Delegationsbeslut
Underlag: Delegationslista oktober 2024

Välkomna!
Gunnel Åberg
Ordförande
"""
ITEMS = ["Val av justerare", "Ändring av taxa för simhallen", "Bidrag till Hembygdsgården Lövnäs",
         "Kulturplan 2025–2028", "Information om bibliotekets öppettider", "Delegationsbeslut"]


@pytest.mark.parametrize("label", ["Ärenden", "Föredragningslista", ""])
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_lines_that_list_an_items_documents_are_its_body(label: str, layout: str) -> None:
    # "Beslutsunderlag: …", "Handlingar:" over its list, "Bilaga 2 …", "Underlag: …" under an agenda item: neither
    # an agenda entry, a section nor a break in the run of numbered items, nor (run in) part of the title
    text = LAYOUTS[layout](KALLELSE.format(label=label))
    assert titles(text) == ITEMS


SUB_ITEMS = """Bergsjö kommun
Kallelse till sammanträde med miljö- och byggnadsnämnden

Tid: tisdagen den 12 mars 2024 kl. 13.00
Plats: Sammanträdesrum Älven, kommunhuset

Ärenden

1. Upprop och val av justerare

2. Godkännande av dagordning

3. Anmälan av delegationsbeslut
a) Beslut om bygglov enligt delegation
b) Beslut om strandskyddsdispens
c) Beslut inom livsmedelskontrollen

4. Detaljplan för Norra Hagen, antagande

5. Informationsärenden
a) Verksamhetsrapport från miljöenheten
b) Rapport om tillsynsplanen 2024

6. Övriga frågor

Karin Lindqvist
Ordförande
"""


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_lettered_sub_items_stay_in_their_numbered_item(layout: str) -> None:
    # "a) …", "b) …" under "3. …": the item's body, neither items of their own nor (run in) part of its title
    assert titles(LAYOUTS[layout](SUB_ITEMS)) == [
        "Upprop och val av justerare", "Godkännande av dagordning", "Anmälan av delegationsbeslut",
        "Detaljplan för Norra Hagen, antagande", "Informationsärenden", "Övriga frågor"]


KUNGORELSE = """Kungörelse

Kommunfullmäktige i Ydre kommun sammanträder tisdagen den 16 juni 2026 kl. 18.30 i Folkets hus, stora salen. \
Alla är välkomna att lyssna.

Ärenden
a) Val av justerare
b) Budget 2027 och flerårsplan 2028–2029
c) Taxa för renhållning 2027 (KS 2026/88)
d) Svar på motion om gång- och cykelväg till Österbymo, väckt av Lena Strand (C)
e) Avsägelser och fyllnadsval
f) Nya motioner och interpellationer

Kungörelsen är anslagen på kommunens anslagstavla.
Per-Olof Nyström
Ordförande
"""


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_lettered_agenda_gives_its_entries_however_its_lines_were_lost(layout: str) -> None:
    # a kungörelse's "Ärenden" lettered a), b), c): each entry an item, the last one's title ends before the notice
    assert titles(LAYOUTS[layout](KUNGORELSE)) == [
        "Val av justerare", "Budget 2027 och flerårsplan 2028–2029", "Taxa för renhållning 2027 (KS 2026/88)",
        "Svar på motion om gång- och cykelväg till Österbymo, väckt av Lena Strand (C)", "Avsägelser och fyllnadsval",
        "Nya motioner och interpellationer"]


CASE_LIST = """Anmälningsärenden till kommunstyrelsen 2024-05-14

Dnr KS 2024/112
Ny taxa för mättjänster
Samhällsbyggnadsförvaltningen har sett över taxan för kart- och mättjänster. Förslaget innebär att timpriset \
höjs till 1 150 kronor och att taxan gäller från den 1 juli 2024.

Dnr KS 2024/118
Markanvisning för kvarteret Lärkan
Kommunen har fått en intresseanmälan från Bostadsbolaget Hemmet AB om att bygga ett trettiotal lägenheter i \
kvarteret Lärkan. Ett markanvisningsavtal ska tas fram under hösten.

Dnr KS 2024/121
Bidrag till räddningstjänstförbundet
Förbundet har begärt ett utökat bidrag om 1,2 miljoner kronor för att täcka ökade kostnader för \
övningsverksamheten under 2024.
"""


@pytest.mark.parametrize("layout", ["as is", "flatpara"])
def test_a_topic_heading_right_under_its_case_number_heads_its_paragraph(layout: str) -> None:
    # "Dnr KS 2024/118" over "Markanvisning för kvarteret Lärkan" over its prose (or, the paragraph's breaks lost,
    # all three on one line): the heading stands alone above the case number's line
    found = titles(LAYOUTS[layout](CASE_LIST))
    assert found[1:] == ["Ny taxa för mättjänster", "Markanvisning för kvarteret Lärkan",
                         "Bidrag till räddningstjänstförbundet"]


def test_a_flattened_list_of_cases_gives_its_topics() -> None:
    # two or more labelled case numbers, each after a sentence end, lead items (one alone is the document's own)
    assert titles(_flat(CASE_LIST))[-1:] == ["Bidrag till räddningstjänstförbundet"]


def test_a_flattened_list_of_cases_gives_every_topic_whole() -> None:
    # a capital after a lower-case word that the next sentence's subject follows is the title's name ("kvarteret
    # Lärkan Kommunen har …"); the case right before the first one after a sentence end, after the list's heading
    # with no sentence end, leads an item too
    assert titles(_flat(CASE_LIST))[-3:] == ["Ny taxa för mättjänster", "Markanvisning för kvarteret Lärkan",
                                             "Bidrag till räddningstjänstförbundet"]


#: Our own memo whose head gives its own case number right before the cases it reports, each after a sentence end.
OWN_CASE_MEMO = ("NORRBY KOMMUN Kommunstyrelsen TJÄNSTESKRIVELSE 2026-05-14 Dnr KS 2026/100 Redovisning av "
                 "delegationsbeslut Förvaltningen redovisar de beslut som fattats på delegation under april. "
                 "Dnr KS 2026/121 Bidrag till hembygdsföreningen Kommundirektören beviljade bidraget den 8 april. "
                 "Dnr KS 2026/130 Yttrande om vindkraft Planchefen lämnade yttrandet den 22 april. "
                 "Förslag till beslut Kommunstyrelsen noterar redovisningen.")


def test_the_documents_own_case_number_before_a_flattened_list_of_cases_leads_no_item() -> None:
    sections = kdextract.parse(OWN_CASE_MEMO, ner=False).sections
    assert "KS 2026/100" not in [s.case_number for s in sections]
    assert [(s.title, s.case_number) for s in sections if s.case_number] == [
        ("Bidrag till hembygdsföreningen", "KS 2026/121"), ("Yttrande om vindkraft", "KS 2026/130")]
    # a list's heading without a kind of document ("Anmälningsärenden") leads to the first case all the same
    listed = OWN_CASE_MEMO.replace("TJÄNSTESKRIVELSE 2026-05-14", "Anmälningsärenden 2026-05-14")
    assert "KS 2026/100" in [s.case_number for s in kdextract.parse(listed, ner=False).sections]


def test_a_short_paragraph_before_a_flattened_case_number_heads_nothing() -> None:
    # the case's label stays at the end of the paragraph before it ("… den 8 april. Dnr"): that line is prose
    inner = [s.title for s in kdextract.parse(OWN_CASE_MEMO, ner=False).sections if s.level == 2]
    assert inner == ["Förslag till beslut"]


DELEGATIONSLISTA = """Redovisning av delegationsbeslut
Tekniska nämnden 2024-05-21

Beslut fattade under perioden 2024-04-01 – 2024-04-30.

Upphandling

Ärende: Upphandling av snöröjning i centralorten
Dnr: TN 2024/41
Delegat: Teknisk chef
Förslag till beslut: Avtal tecknas med Nordväg AB
Beslutsdatum: 2024-04-03

Ärende: Direktupphandling av lekutrustning
Dnr: TN 2024/52
Delegat: Parkchef
Förslag till beslut: Avtal tecknas med Lekrum i Norden AB
Beslutsdatum: 2024-04-12

Trafik

Ärende: Lokal trafikföreskrift om förbud mot trafik på Storgatan
Dnr: TN 2024/47
Delegat: Trafikingenjör
Förslag till beslut: Föreskriften meddelas för tiden 15–30 april
Beslutsdatum: 2024-04-15
"""


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_sub_heading_word_that_is_one_field_of_each_entry_heads_nothing(layout: str) -> None:
    # "Förslag till beslut:" between "Delegat: …" and "Beslutsdatum: …" in every entry of a delegationslista is a
    # field's label, also where the lines were lost: no section (at any level) and nothing after it a section
    sections = kdextract.parse(LAYOUTS[layout](DELEGATIONSLISTA), ner=False).sections
    assert not [s.title for s in sections if "Förslag till beslut" in s.title or "Beslutsdatum" in s.title]


def test_a_delegationslista_groups_its_entries_under_topic_headings() -> None:
    assert titles(DELEGATIONSLISTA) == ["Upphandling", "Trafik"]


BUILDING_REGISTER = """Delegationsbeslut bygglov och strandskydd
Miljö- och byggnadsnämnden, mars 2027

Bygglov

Fastighet: Gransjö 4:12
Åtgärd: Nybyggnad av garage
Handläggare: Nils Wendel
Beslut: Bygglov beviljas

Fastighet: Örnviken 1:7
Åtgärd: Tillbyggnad av fritidshus
Handläggare: Karin Ålund
Beslut: Bygglov beviljas med villkor

Strandskydd

Fastighet: Sälgudden 2:3
Åtgärd: Brygga vid Sälgudden
Handläggare: Nils Wendel
Beslut: Dispens ges
"""

ONE_FORM = """Minnesanteckningar

Samråd

Datum: 2027-03-04
Plats: Stadshuset, rum Ekorren
Deltagare: Nils Wendel, Karin Ålund

Vi gick igenom tidplanen för detaljplanen och kom överens om nästa steg.
"""


def test_group_headings_over_entries_of_form_fields_head_their_entries() -> None:
    # a standalone line over the first of a register's entries, each of "Label: value" lines opened by the same label
    assert titles(BUILDING_REGISTER) == ["Bygglov", "Strandskydd"]
    # one form's block of fields (no entry repeats its shape) makes no heading of the line above it
    assert "Samråd" not in titles(ONE_FORM)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_field_of_a_numbered_entry_heads_nothing_where_the_lines_were_lost(layout: str) -> None:
    # "1. Ärende: …" entries flattened onto one line: the reflow may break before a later field, but a field
    # that another field follows ("Delegat: Parkchef" over "Förslag till beslut: …") is no topic
    numbered = DELEGATIONSLISTA
    for n, entry in enumerate(("Ärende: Upphandling", "Ärende: Direkt", "Ärende: Lokal"), 1):
        numbered = numbered.replace(entry, f"{n}. {entry}")
    found = titles(LAYOUTS[layout](numbered))
    assert not [t for t in found if t.startswith(("Dnr:", "Delegat:", "Förslag till beslut:", "Beslutsdatum:"))], found
