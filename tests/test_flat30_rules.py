"""Rules for flattened text (layout stress round 30), in our own words."""

from __future__ import annotations

import kdextract
from kdextract.layout.flat_closing import closing_list
from kdextract.layout.reflow import reflow
from kdextract.text.normalize import normalize


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in reflow(normalize(text)).text.splitlines() if line.strip()]


#: A kallelse's agenda in two columns, title and presenter, with a note under some items, flattened.
PRESENTED = ("SKOGSÅ KOMMUN      KALLELSE Barn- och utbildningsnämnden      2026-09-01 Nämnden kallas till "
             "sammanträde tisdagen den 8 september 2026 kl 14.00 i Tallsalen. DAGORDNING      Föredragande "
             "1.   Mötets öppnande 2.   Delårsbokslut 2026                    Lisa Granholm Prognosen visar ett "
             "plus om 1,2 mkr mot budget. 3.   Ansökan om medel för projektet           Omar Lind Läslyftet i Skogså "
             "Projektet pågår i två år. 4.   Val av ombud till förbundsstämman       Ordföranden 5.   Anmälan av "
             "delegationsbeslut")


def test_a_presenters_cell_stays_on_its_items_line_in_a_flattened_agenda() -> None:
    lines = _lines(PRESENTED)
    assert "2.   Delårsbokslut 2026                    Lisa Granholm" in lines, lines
    assert "Prognosen visar ett plus om 1,2 mkr mot budget." in lines, lines


def test_a_year_at_a_flattened_entrys_end_is_no_next_entry() -> None:
    assert "Delårsbokslut 2026" in _titles(PRESENTED)


def test_a_title_cell_wrapped_under_the_presenter_goes_on_in_a_flattened_agenda() -> None:
    titles = _titles(PRESENTED)
    assert "Ansökan om medel för projektet Läslyftet i Skogså" in titles, titles
    assert "Val av ombud till förbundsstämman" in titles, titles


#: An agenda table with a case number's and a presenter's column, each row's note run into it.
TABLE = ("Ekby kommun KALLELSE Kommunstyrelsen 2027-03-02 Tid: Tisdag den 9 mars 2027 kl. 09.00 Plats: Rådhuset "
         "Ärende                                      Dnr           Föredragande 1.  Mötets öppnande "
         "2.  Bokslut 2026                            KS 2027/12    Eva Ek Resultatet blev ett plus om 4 mnkr. "
         "Revisorerna lämnar sin rapport i april. 3.  Ny förskola vid Lindbacken             KS 2027/30    Per Holm "
         "Kalkylen landar på 52 miljoner kronor och bygget tar två år. Förslag till beslut: att godkänna förstudien "
         "och att uppdra åt Ekby Fastigheter AB att upphandla en entreprenör. 4.  Anmälan av delegationsbeslut"
         "             KS 2027/4 a) Personalchefen har den 3 mars beslutat att anställa en ny controller från och "
         "med den 1 maj 2027. b) Ordföranden har den 5 mars beslutat att yttra sig över en remiss om länsplanen. "
         "5.  Meddelanden")


def test_the_note_run_into_a_row_of_a_flattened_agenda_table_starts_a_line_under_its_title() -> None:
    text = reflow(normalize(TABLE)).text
    assert "    Eva Ek\n    Resultatet blev" in text, text
    assert "KS 2027/4\n    a) Personalchefen" in text, text


def test_the_items_of_a_flattened_agenda_table_with_notes_are_sections() -> None:
    titles = _titles(TABLE)
    for title in ("Bokslut 2026", "Ny förskola vid Lindbacken", "Anmälan av delegationsbeslut", "Meddelanden"):
        assert title in titles, titles


#: A scanned report whose second page repeats the letterhead, with a page number, inside the flattened text.
REPEATED = ("EKBY KOMMUN  • Förvaltningschefens rapport till nämnden  2027-04-12 Ekonomi efter mars Prognosen visar "
            "ett litet plus för helåret och inga större avvikelser. Lokaler Ombyggnaden av Tallgårdens kök blir klar "
            "i maj. | EKBY KOMMUN  sid 2 Förvaltningschefens rapport till nämnden  2027-04-12 Personal Två nya "
            "enhetschefer börjar i juni och rekryteringen av en controller pågår.")


def test_a_copy_of_the_letterhead_with_a_page_number_is_a_page_break() -> None:
    view = reflow(normalize(REPEATED))
    assert view.text.count("EKBY KOMMUN") == 1, view.text
    assert "\f" in view.text
    assert "Personal" in view.text.split("\f")[1].split("\n"), view.text
    # the letterhead's words in the text, with neither a date nor a page number, stay
    text = ("EKBY KOMMUN Förvaltningschefens rapport till nämnden 2027-04-12 Ekonomi "
            + "Prognosen visar ett plus för helåret. " * 5
            + "Rapporten går till EKBY KOMMUN Förvaltningschefens rapport till nämnden i maj.")
    assert reflow(normalize(text)).text.count("EKBY KOMMUN") == 2


def test_a_flattened_letterheads_title_in_capitals_ends_its_row() -> None:
    text = ("Region Ekbygd                         PROTOKOLLSUTDRAG Regionstyrelsen                     "
            "Sammanträdesdatum 2027-02-09 § 12   Handlingsplan för kortare köer Diarienummer: RS 2026/88 "
            "Väntetiderna har ökat under året och förvaltningen har tagit fram en plan för att korta dem.")
    assert _lines(text)[0] == "Region Ekbygd                         PROTOKOLLSUTDRAG", _lines(text)[:2]


def test_a_vote_and_a_list_of_recipients_run_into_flattened_text_stand_alone() -> None:
    text = ("§ 41 Taxa för bygglov Eva Ek (S) yrkar bifall till förslaget. Ola Berg (M) yrkar avslag. Votering "
            "Votering begärs och genomförs. Beslut Fullmäktige antar taxan. Reservation Ola Berg (M) reserverar "
            "sig mot beslutet. Expedieras Byggnadsnämnden Ekonomienheten")
    lines = _lines(text)
    assert "Votering" in lines, lines
    assert "Expedieras" in lines, lines


#: Notes of a meeting whose action list and signer's label ran on after the last item.
ACTIONS = ("Ekby kommun Minnesanteckningar Trafikgruppen Datum: 2027-10-05 1. Föregående anteckningar Anteckningarna "
           "lades till handlingarna. 2. Nästa möte Torsdagen den 4 november, kl. 10.00, i Rådhuset. Åtgärdslista "
           "Förslag om nya hållplatser – Eva Ek – v. 44 Avtal med bussbolaget – Ola Berg – december 2027 "
           "Enkät till resenärerna – Lisa Holm – snarast Vid anteckningarna Eva Ek")


def test_a_flattened_action_list_gets_a_line_for_each_row() -> None:
    lines = _lines(ACTIONS)
    assert "Åtgärdslista" in lines, lines
    assert "Avtal med bussbolaget – Ola Berg – december 2027" in lines, lines
    assert "Vid anteckningarna Eva Ek" in lines, lines
    # a closing heading in prose whose dashes part no rows opens no list
    prose = "Gruppen gick igenom förslaget. Åtgärdslista Vi tar fram en lista – den kommer senare – i maj. " * 3
    assert closing_list(prose, 0, len(prose)) == []


def test_a_flattened_action_lists_rows_are_deadlines_and_its_signer_the_author() -> None:
    doc = kdextract.parse(ACTIONS, ner=False)
    assert doc.meta.author == "Eva Ek"
    assert any(d.text.startswith("Avtal med bussbolaget") for d in doc.deadlines), [d.text for d in doc.deadlines]


def test_the_signers_after_a_flattened_place_and_day_each_start_a_line() -> None:
    text = ("§ 7 Val av revisorer Fullmäktige väljer Anna Berg och Per Sten till revisorer för 2027. Handlingarna "
            "finns på kommunkansliet från och med den 2 mars. Ekby den 25 februari 2027 Lena Strand ordförande "
            "Mats Lind kommunsekreterare")
    lines = _lines(text)
    assert lines[-2:] == ["Lena Strand ordförande", "Mats Lind kommunsekreterare"], lines


def test_a_symbol_fonts_private_use_bullet_starts_a_line_in_flattened_text() -> None:
    text = ("3. Ägardirektiv Stämman fastställde ägardirektivet för bolaget enligt fullmäktiges beslut i mars. "
            "Enligt direktivet ska bolaget \uf0b7\tta fram en plan för underhållet senast 2026-12-31, \uf0b7\tminska "
            "energianvändningen med 8 procent till år 2030. 4. Arvoden Arvodet till ordföranden är oförändrat.")
    lines = _lines(text)
    assert "\uf0b7\tminska energianvändningen med 8 procent till år 2030." in lines, lines
