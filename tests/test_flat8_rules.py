"""Rules for flattened transcripts and OCR damage (layout stress round 8), each in our own words."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.page_counters import inline_page_number_edits

#: A transcript's three pages run on one line, each opened by its page number and the running header that ends in
#: the number again; the items are bare numbers.
COVER = ("1 EKBY KOMMUN PROTOKOLL 1(3) Socialnämnden Plats och tid Rådhuset, onsdagen den 4 mars 2026 kl 13.00-15.30 "
         "Beslutande Eva Ek, ordförande Ola Berg Lisa Lund Karin Nyström Övriga deltagande Per Holm, sekreterare "
         "Utses att justera Ola Berg Justeringens plats och tid Socialkontoret den 9 mars 2026 Underskrifter "
         "Sekreterare... Per Holm Ordförande... Eva Ek Justerande... Ola Berg")
PAGE2 = (" 2 EKBY KOMMUN PROTOKOLL 2 12 Sammanträdets öppnande Ordföranden öppnade sammanträdet och hälsade alla "
         "välkomna. Ola Berg valdes att justera protokollet tillsammans med ordföranden. Föredragningslistan godkändes "
         "utan ändringar och med ett tillägg om lokalfrågan, som tas upp sist under övriga frågor.")
PAGE3 = (" 3 EKBY KOMMUN PROTOKOLL 3 13 Bidrag till föreningar 2026 Föreningarna har sökt bidrag för sin verksamhet. "
         "Förvaltningen föreslår att bidrag lämnas enligt bilagan. Socialnämnden beslutar att bevilja bidrag enligt "
         "förvaltningens förslag.")
HEADED = COVER + PAGE2 + PAGE3
#: The same with the page number printed twice and no header words between ("2 2 12 Title").
DOUBLED = (HEADED.replace("1 EKBY KOMMUN PROTOKOLL 1(3)", "1 1 EKBY KOMMUN PROTOKOLL")
           .replace("EKBY KOMMUN PROTOKOLL 2 ", "2 ").replace("EKBY KOMMUN PROTOKOLL 3 ", "3 "))


@pytest.mark.parametrize("text", [HEADED, DOUBLED], ids=["header", "doubled"])
def test_a_transcripts_page_numbers_inside_one_flattened_line_are_page_breaks(text: str) -> None:
    doc = kdextract.parse(text, ner=False)
    assert [(s.title, s.number) for s in doc.sections] == [("Sammanträdets öppnande", "12"),
                                                           ("Bidrag till föreningar 2026", "13")]
    assert [e.original for e in doc.edits if e.reason == "running header"][-2:] in (
        ["2 EKBY KOMMUN PROTOKOLL 2", "3 EKBY KOMMUN PROTOKOLL 3"], ["2 2", "3 3"])


@pytest.mark.parametrize("text", [
    HEADED.replace("3 EKBY KOMMUN PROTOKOLL 3", "4 EKBY KOMMUN PROTOKOLL 4").replace(
        "2 EKBY KOMMUN PROTOKOLL 2", "Se tabell 2 Ekonomi 2"),  # no page 2 after page 1: no run of pages
    COVER + " I tabell 2 rad 2 står kostnaden för hyran. " + PAGE3[1:].replace("3 EKBY KOMMUN PROTOKOLL 3 ", ""),
], ids=["no-run", "prose"])
def test_numbers_that_do_not_count_up_the_pages_are_no_page_breaks(text: str) -> None:
    assert inline_page_number_edits(text) == []


#: A flattened agenda whose item 4 is a list of lettered entries, the last item after a group heading.
LETTERED_AGENDA = ("Ekby kommun Kallelse Tekniska nämnden Tid: tisdag 3 mars 2026 kl. 14.00 Plats: Rådhuset, sal 2 "
                   "Ärenden 1 Val av justerare 2 Budgetuppföljning för februari 2026 3 Ny taxa för parkering i "
                   "centrum Anmälningsärenden 4 a) Anmälan av delegationsbeslut b) Anmälan av inkomna skrivelser "
                   "c) Anmälan av arbetsutskottets protokoll Övriga ärenden 5 Ledamöternas frågor")


def test_an_item_number_before_its_lettered_entries_keeps_the_run_of_items() -> None:
    titles = [(s.number, s.title) for s in kdextract.parse(LETTERED_AGENDA, ner=False).sections]
    assert ("5", "Ledamöternas frågor") in titles
    assert ("4", "") not in titles  # (no item of its own: its line is its first entry's)


@pytest.mark.parametrize("gap", [" ", "\n"], ids=["flattened", "line-broken"])
def test_a_seat_of_learning_named_for_its_town_is_read_with_a_capitalised_head(gap: str) -> None:
    text = (f"Övriga deltagande Anna Berg, lektor, Växjö Universitet{gap}Karl Lund, rektor, Alvesta kommun "
            "Eva Ek, sekreterare, Gävle Högskola")
    orgs = {(o.name, o.kind) for o in kdextract.parse(text, ner=False).organisations}
    assert {("Växjö Universitet", "university"), ("Gävle Högskola", "university")} <= orgs
    assert ("Växjö", "municipality") not in orgs


#: A memo saved at a fixed width: its indented decision points, the first cut at the column.
WRAPPED_POINTS = """TJÄNSTESKRIVELSE
Ekby kommun

Ärendebeskrivning

Förvaltningen har gått igenom räkenskaperna för året och sammanställt resultatet
för nämndens verksamheter. Underskottet inom hemtjänsten har minskat jämfört med
förra året, men kostnaderna för placeringar ligger fortfarande över budgeten.

Förslag till beslut:

Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande:

 1. Kommunfullmäktige godkänner Årsredovisning för Ekby kommun och dess bolag
2025.
 2. Kommunfullmäktige godkänner förslaget till resultatdisposition.
"""


def test_an_indented_decision_point_cut_at_the_column_is_one_line_again() -> None:
    decisions = [d.text for d in kdextract.parse(WRAPPED_POINTS, ner=False).decisions]
    assert any("bolag 2025" in " ".join(d.split()) for d in decisions), decisions


#: A meeting portal's page run on one line: the page title, then items set out with dashes.
DASHED_PAGE = ("Sammanträde 2026-03-05 - Två ledamöter bör utses att, tillsammans med ordföranden, justera protokollet. "
               "Förslag till tid för justering är den 10 mars kl. 9.00. - Under punkten informerar ekonomichefen om "
               "läget i budgeten för året. - Under punkten redovisar förvaltningen hur arbetet med den nya "
               "översiktsplanen går. - Nämnden får en dragning om hur lokalerna i centrum ska användas framöver.")


def test_dash_items_run_into_a_flattened_line_each_start_a_line() -> None:
    from kdextract.layout.bullets import bullet_starts
    starts = bullet_starts(DASHED_PAGE, 0, len(DASHED_PAGE))
    assert [DASHED_PAGE[k:k + 8] for k in starts] == ["- Två le", "- Under ", "- Under ", "- Nämnde"]
    deadlines = kdextract.parse(DASHED_PAGE, ner=False).deadlines
    assert all(d.value != "2026-03-05" for d in deadlines), [d.text for d in deadlines]


@pytest.mark.parametrize("text", [
    "Räddningstjänst i regionen – Information. Förbundet bildas 2027 – Nämnden får en rapport i maj.",
    "Projektet 2026 - Ny skola byggs i centrum och står klar om två år enligt planen som nämnden antog.",
], ids=["one-after-a-sentence", "no-run"])
def test_a_dash_in_prose_or_a_title_is_no_bullet(text: str) -> None:
    from kdextract.layout.bullets import bullet_starts
    assert bullet_starts(text, 0, len(text)) == []
