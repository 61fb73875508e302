"""Text saved at a fixed width: a flattened page cut at the column reads as the page did uncut.

The fixtures are ours: an invented municipality (Grävlinge kommun) and invented people.
"""

from __future__ import annotations

import textwrap

import kdextract
from kdextract.layout.hard_wraps import wrapped_runs
from kdextract.layout.reflow import unwrap_edits

_FLAT_PAGE = ("Protokoll Miljönämnden Grävlinge kommun Plats och tid Sjösalen, onsdagen den 11 mars 2026 kl. 18.00 "
              "Beslutande Anneli Rapp (S), ordförande Jonas Ek (M) Sekreterare Tove Sandlund Justerare Jonas Ek "
              "§ 12 Val av justerare Jonas Ek utses att justera protokollet. "
              "§ 13 Tillsynsplan för livsmedel Dnr MN 2026/12 Förvaltningen har tagit fram en plan för tillsynen "
              "under året med fokus på skolkök och restauranger. Beslut Miljönämnden beslutar att anta tillsynsplanen. "
              "§ 14 Avgift för prövning av enskilda avlopp Dnr MN 2026/7 Avgiften höjs från den 1 juli 2026. "
              "Beslut Miljönämnden beslutar att fastställa avgiften till 8 400 kronor. "
              "§ 15 Redovisning av delegationsbeslut Nämnden lägger redovisningen till handlingarna.")


def _wrapped(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def test_a_flattened_page_wrapped_at_a_column_gives_the_sections_and_decisions_of_the_page() -> None:
    flat = kdextract.parse(_FLAT_PAGE, ner=False)
    assert [s.title for s in flat.sections if s.level == 1] == [
        "Val av justerare", "Tillsynsplan för livsmedel", "Avgift för prövning av enskilda avlopp",
        "Redovisning av delegationsbeslut"]
    # (§ 15's "Nämnden lägger redovisningen till handlingarna": decisions.json v17; § 12's election: v36)
    assert len(flat.decisions) == 4
    for width in (64, 72, 80):
        doc = kdextract.parse(_wrapped(_FLAT_PAGE, width), ner=False)
        assert [(s.title, s.start) for s in doc.sections] == [(s.title, s.start) for s in flat.sections], width
        assert [(d.start, d.end) for d in doc.decisions] == [(d.start, d.end) for d in flat.decisions], width


def test_one_item_cut_at_a_column_reads_as_the_uncut_item() -> None:
    """One item head is cue enough: no piece of its cut line starts a heading of its own."""
    item = ("§ 7 Motion om en ny lekplats i Västerbyn Dnr KS 2025/88 Kommunfullmäktige har remitterat motionen "
            "till tekniska nämnden som anser att en lekplats behövs men att den bör byggas 2027 när Skolgatan är "
            "klar. Kostnaden beräknas till 1 200 000 kronor och ryms inom ramen.")
    head, tail = "Protokoll Kommunfullmäktige\n\n", "\n\n§ 8 Avslutning\n\nOrdföranden tackar."
    uncut = [(s.title, s.start) for s in kdextract.parse(head + item + tail, ner=False).sections]
    for width in (60, 72, 80):
        cut = kdextract.parse(head + _wrapped(item, width) + tail, ner=False)
        assert [(s.title, s.start) for s in cut.sections] == uncut, width


def test_a_run_ends_where_the_next_word_would_have_fitted() -> None:
    text = "Rubrik\n" + _wrapped("ord " * 60, 55) + "\nkort\nSlut på raden här"
    runs = wrapped_runs(text)
    assert len(runs) == 1
    start, end = runs[0]
    assert text[:start] == "Rubrik\n" and text[end:] == "\nkort\nSlut på raden här"


def test_three_short_lines_of_a_like_length_are_no_wrap() -> None:
    text = "Grävlinge räddningstjänstförbund\nProtokoll från direktionens möte\n§ 1 Budget"
    assert wrapped_runs(text) == [] and unwrap_edits(text) == []


def test_wrapped_prose_and_a_laid_out_heading_are_not_joined() -> None:
    prose = _wrapped("Förvaltningen har under våren gått igenom samtliga enskilda avlopp i byarna norr om sjön "
                     "och funnit att en tredjedel behöver åtgärdas inom två år, vilket berör omkring "
                     "hundrafemtio hushåll och ett antal fritidshus längs ån och vid badplatsen.", 60)
    assert len(wrapped_runs(prose)) == 1 and unwrap_edits(prose) == []  # a paragraph: no structure to recover
    heading = "§ 46 Delårsrapport januari–augusti 2026" + " " * 20 + "Dnr BUN 2026/112"
    text = heading + "\n" + _wrapped("Nämnden redovisar ett överskott på 1,9 mnkr efter augusti. " * 4, len(heading))
    assert all(start > 0 for start, _ in wrapped_runs(text))  # the heading set in columns was not wrapped


def test_a_short_item_cut_at_a_column_reads_as_the_uncut_item() -> None:
    item = ("§ 9 Information om vinterväghållningen Dnr KS 2026/5 Gatuchefen redogör för säsongen hittills "
            "och för hur sandningen av gång- och cykelvägar har fungerat.")
    head, tail = "Protokoll Kommunstyrelsen\n\n", "\n\n§ 10 Avslutning\n\nOrdföranden tackar."
    uncut = [(s.title, s.start) for s in kdextract.parse(head + item + tail, ner=False).sections]
    cut = _wrapped(item, 60)  # three lines, under the length of one flattened line
    assert cut.count("\n") == 2
    assert [(s.title, s.start) for s in kdextract.parse(head + cut + tail, ner=False).sections] == uncut


def test_a_lone_subheading_after_full_lines_stays_a_heading() -> None:
    text = ("Föreningen har ansökt om 75 000 kronor för att renovera klubbstugan vid\n"
            "sjön och för att bygga en ny brygga till sommaren, vilket är mer än förra\n"
            "Beslut\n"
            "Nämnden beviljar 50 000 kronor.")
    assert wrapped_runs(text) == [] and unwrap_edits(text) == []


_PROSE_CUT_IN_A_NUMBER = ("Tilläggsbelopp\n\n"
                          "Föreningen Lärkan har ansökt om ett tilläggsbelopp för ett barn med\n"
                          "stora behov av stöd under hösten. Nämnden beviljar sammanlagt 48\n"
                          "300 kr för perioden augusti till december och följer upp behovet i\n"
                          "januari tillsammans med vårdnadshavarna och förskolans rektor, som\n"
                          "ska redovisa hur stödet har använts under terminen och vad det har\n"
                          "gett barnet i förskolans vardag, i leken och i samlingarna.\n")


def test_an_item_line_that_fills_the_column_is_no_wrap_of_the_next_item() -> None:
    prose = "Förvaltningen redogör för arbetet med den nya planen och alla delar av den"
    item = "2. Tillgänglighetsinventering av lekplatser – Oskar Berglund, parkingenjör"
    text = f"{prose}\n{item}\n3. Färdtjänst: ny taxa från 1 januari 2027\n"
    assert len(prose) == len(item)  # both fill the column; "3." would not have fitted after either
    assert wrapped_runs(text, width=len(prose)) == []


def test_a_number_cut_between_its_digit_groups_by_a_wrap_is_read_whole() -> None:
    (amount,) = kdextract.parse(_PROSE_CUT_IN_A_NUMBER, ner=False).amounts
    assert amount.value == 48300 and amount.text == "48\n300 kr"


def test_the_column_is_found_past_a_hyphenated_word_put_back_on_one_line() -> None:
    text = _PROSE_CUT_IN_A_NUMBER + ("\nBeslutet gäller från den 1 augusti och omfattar alla dagar då barnet vis-\n"
                                     "tas i förskolan enligt schemat som vårdnadshavarna har lämnat in.\n")
    assert [a.value for a in kdextract.parse(text, ner=False).amounts] == [48300]


def test_a_note_line_that_fills_the_column_is_no_wrap_of_the_next_item() -> None:
    text = ("Kallelse\nSocialnämnden i Grävlinge kommun\n\nÄrenden\n\n"
            "1. Val av justerare\n"
            "2. Verksamhetsplan för hemtjänsten 2027\n"
            "   (Rut Hallberg, enhetschef för hemtjänsten, kl. 09.15–09.45)\n"
            "   Planen skickades ut med förra kallelsen och har inte ändrats.\n"
            "3. Anmälan av delegationsbeslut\n\n"
            "Handlingarna finns i mötesappen från och med måndag den 2 mars.\n"
            "Förhinder anmäls till nämndsekreteraren så snart det är möjligt.\n\n"
            "Grävlinge den 24 februari 2026\n\nMaria Sandell\nOrdförande\n")
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections if s.level == 1] == [
        "Val av justerare", "Verksamhetsplan för hemtjänsten 2027", "Anmälan av delegationsbeslut"]


def test_an_item_head_cut_in_two_at_a_column_reads_as_the_uncut_head() -> None:
    heading = "§ 21 Ansökan om bidrag från Grävlinge hembygdsförening till renovering av kvarnen vid Ån"
    body = ("Hembygdsföreningen söker bidrag för att renovera taket och hjulet på den gamla kvarnen som "
            "föreningen har skött sedan 1978. Kostnaden beräknas till 420 000 kronor. Beslut Nämnden "
            "beviljar föreningen ett bidrag om 200 000 kronor.")
    text = "Protokoll Kulturnämnden\n\n" + heading + "\n" + body + "\n\n§ 22 Avslutning\n\nOrdföranden tackar."
    uncut = [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]
    assert uncut[0] == heading[5:]
    end = text[text.index("\n\n§ 22"):]
    cut = "Protokoll Kulturnämnden\n\n" + _wrapped(heading, 72) + "\n" + _wrapped(body, 72) + end
    assert heading[5:] not in cut  # (the head was cut in two)
    assert [s.title for s in kdextract.parse(cut, ner=False).sections if s.level == 1] == uncut
