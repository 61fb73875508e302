"""Text whose line breaks were all lost (pdftotext without -layout, a web page copied): structure comes back.

The fixtures are ours: an invented municipality (Grävlinge kommun) and invented people.
"""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.reflow import reflow
from kdextract.text.normalize import normalize


def test_hosting_site_phrases_run_into_a_flattened_page_are_blanked_where_they_stand() -> None:
    text = ("Minnesanteckningar styrgrupp Grävlinge Storlek: px Starta visningen från sidan: "
            'Download "Minnesanteckningar styrgrupp Grävlinge" Transkript Tid onsdagen den 4 mars 2026 kl. 9-11 '
            "Plats Biblioteket Närvarande Tove Sandlund, Emil Rask 1. Mötet öppnas Emil Rask hälsar alla välkomna. "
            "2. Cykelvägar Förslaget ska vara klart senast den 20 april 2026. " + "Gruppen diskuterade. " * 6)
    view = reflow(normalize(text))
    for phrase in ("Storlek", "Starta visningen", "Download", "Transkript"):
        assert phrase not in view.text
    assert "Minnesanteckningar styrgrupp Grävlinge" in view.text.split("\n")  # the quoted title kept
    doc = kdextract.parse(text, ner=False)
    assert [(d.kind, d.value) for d in doc.deadlines] == [("due", "2026-04-20")]  # no "Starta ... 4 mars"


def test_a_breadcrumb_before_a_flattened_web_page_does_not_swallow_the_page() -> None:
    text = ("Du är här: Start > Politik > Kommunstyrelsen > Sammanträde 2026-02-10 Sammanträde 2026-02-10 "
            "Tid 13:00 Plats Stora salen, Kommunhuset, Grävlinge 1 Val av justerare 2 Godkännande av dagordning "
            "3 Budgetuppföljning efter januari Dnr KS 2026/0031 4 Motion om belysning på Storgatan "
            "Dnr KS 2025/0412 5 Delegationsbeslut 6 Anmälningsärenden 7 Svar på medborgarförslag om en hundrastgård "
            "i Västerbyn Dnr KS 2025/0388 8 Taxa för offentlig plats 2026 Dnr KS 2025/0450 9 Information från "
            "kommundirektören 10 Övriga frågor")
    view = reflow(normalize(text))
    assert "Du är här" not in view.text and "Politik >" not in view.text
    doc = kdextract.parse(text, ner=False)
    assert "2026-02-10" in {d.value for d in doc.dates}


def test_a_flattened_agenda_of_bare_numbers_gives_one_section_per_item() -> None:
    text = ("Kallelse Miljönämnden Grävlinge kommun Tid onsdagen den 11 mars 2026 kl. 18.00 Plats Sjösalen "
            "1 Upprop och val av justerare 2 Godkännande av dagordning 3 Tillsynsplan för livsmedel 2026 "
            "Dnr MN 2026/12 4 Yttrande över detaljplan för Norra hamnen Dnr MN 2026/7 5 Avgift för "
            "prövning av enskilda avlopp 6 Redovisning av delegationsbeslut 7 Information från förvaltningen "
            "Anneli Rapp Ordförande")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]
    assert titles == ["Upprop och val av justerare", "Godkännande av dagordning", "Tillsynsplan för livsmedel 2026",
                      "Yttrande över detaljplan för Norra hamnen", "Avgift för prövning av enskilda avlopp",
                      "Redovisning av delegationsbeslut", "Information från förvaltningen"]


def test_numbers_that_do_not_run_one_two_three_stay_in_the_sentence() -> None:
    text = ("Nämnden har under året haft 4 Sammanträden och 12 Beredningar samt 30 Besök i verksamheterna. "
            "Förvaltningen redovisar arbetet med 2 Förskolor och 5 Skolor. " * 3)
    assert [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1] == []


def test_a_site_line_run_into_a_flattened_page_keeps_the_page_dates() -> None:
    """A file-size note of the hosting site marks its own line as furniture, not the whole flattened page."""
    text = ("Protokoll 2026-01-20 (pdf 212 kB) Share \"Protokoll 2026-01-20\" Kultur- och fritidsnämnden "
            "Plats och tid Ekbacksskolan, tisdagen den 20 januari 2026 kl. 17.00 Beslutande Ulla Fors (S) "
            "ordförande Kent Björk (M) Utses att justera Kent Björk Justeringens plats och tid Kulturhuset "
            "den 27 januari 2026 § 1 Bidrag till föreningar Nämnden beslutar att bidragen betalas ut senast "
            "den 15 mars 2026. " + "Ärendet har beretts av förvaltningen. " * 8)
    values = [d.value for d in kdextract.parse(text, ner=False).dates]
    assert {"2026-01-27", "2026-03-15"} <= set(values)
    assert values.count("2026-01-20") <= 1  # the site's copies of the title stay out


def test_two_dates_on_one_short_line_are_both_kept() -> None:
    text = ("Ärendelista\n\nUppföljning av internkontroll 2026, andra halvåret\n\n"
            "Rapport om ej verkställda beslut, första kvartalet\n\nNämnden följer upp planen.\n")
    found = [d.text for d in kdextract.parse(text, document_date="2026-09-01", ner=False).dates]
    assert found == ["2026", "andra halvåret", "första kvartalet"]


def test_running_headers_run_into_a_flattened_document_are_page_breaks() -> None:
    header = "Grävlinge kommun Socialnämnden PROTOKOLL 2026-04-14 {}(3)"
    page = ("Nämnden diskuterade ärendet och konstaterade att arbetet fortgår enligt plan. "
            "Förvaltningen återkommer med en redovisning. ")
    text = " ".join([header.format(1), "§ 14 Val av justerare Beslut Lena Vik utses att justera.", page * 3,
                     header.format(2), "§ 15 Lokalfrågor Beslut Nämnden godkänner lokalplanen.", page * 3,
                     header.format(3), "§ 16 Information Beslut Informationen noteras.", page])
    view = reflow(normalize(text))
    assert view.text.count("PROTOKOLL 2026-04-14") == 1  # the letterhead stays, the repeats are blanked
    assert "\f\n§ 15 Lokalfrågor" in view.text and "\f\n§ 16 Information" in view.text
    doc = kdextract.parse(text, ner=False)
    assert [d.value for d in doc.dates].count("2026-04-14") == 1
    assert [s.number for s in doc.sections if s.level == 1] == ["§ 14", "§ 15", "§ 16"]


def test_an_owners_decision_heading_run_into_a_flattened_page_opens_a_decision_block() -> None:
    text = ("LUNDBY KOMMUN SAMMANTRÄDESPROTOKOLL Sida 2 (2) Tekniska nämnden Sammanträdesdatum 2025-04-08 "
            "§ 17 Dnr TN 2025/031 Gatubelysning i Åsbacka Ärendebeskrivning Förvaltningen har inventerat "
            "armaturerna längs Åsbackavägen. Tekniska nämndens beslut Belysningen byts till LED under hösten. "
            "§ 18 Dnr TN 2025/040 Vinterväghållning Ärendebeskrivning Entreprenören har lämnat sin rapport. "
            "Tekniska nämndens beslut Tekniska nämnden godkänner rapporten. Justerandes sign Utdragsbestyrkande")
    decisions = kdextract.parse(text, ner=False).decisions
    assert [d.text[:30] for d in decisions] == ["Belysningen byts till LED unde", "Tekniska nämnden godkänner rap"]
    assert all(d.source.name == "decisions/block_decision" for d in decisions)


def test_a_genitive_and_beslut_inside_a_sentence_stays_in_it() -> None:
    text = ("LUNDBY KOMMUN SAMMANTRÄDESPROTOKOLL Sida 2 (2) Tekniska nämnden Sammanträdesdatum 2025-04-08 "
            "§ 17 Dnr TN 2025/031 Gatubelysning i Åsbacka Ärendebeskrivning Enligt nämndens beslut Belysningen "
            "i Åsbacka ska ses över. Förvaltningen har inventerat armaturerna längs vägen under våren.")
    view = reflow(normalize(text))
    assert "beslut Belysningen" in view.text


def test_an_owners_decision_heading_ends_the_item_title_it_was_run_into() -> None:
    """"Kommunstyrelsens beslut" right after a title that ends in a proper noun, before the decision's
    first numbered point, ends the title (no sentence end before it in flattened text)."""
    text = ("Grävlinge kommun Kommunstyrelsen PROTOKOLLSUTDRAG Sammanträdesdatum 2026-03-10 "
            "§ 41 Dnr KS 2026/0087 Avtal om gemensam räddningscentral med Region Västmark Kommunstyrelsens beslut "
            "1. Kommunstyrelsen godkänner avtalet om en gemensam räddningscentral. 2. Kommundirektören får i uppdrag "
            "att underteckna avtalet. Sammanfattning av ärendet Kommunen och regionen har sedan 2020 delat på "
            "larmoperatörer. Beslutet skickas till Region Västmark")
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections if s.level == 1] == ["Avtal om gemensam räddningscentral med Region Västmark"]


def test_a_year_after_a_month_before_a_case_number_is_no_item_number() -> None:
    """"12 februari 2026 Dnr: …" in a flattened memo head: the year is the date's, not item 2026."""
    text = ("Grävlinge kommun Tekniska förvaltningen TJÄNSTESKRIVELSE Datum: 12 februari 2026 "
            "Dnr: TN 2026/0042 Handläggare: Emil Rask, gatuchef Till: Tekniska nämnden "
            "Vinterväghållning på enskilda vägar Förslag till beslut Tekniska nämnden beslutar att anta riktlinjerna. "
            "Sammanfattning Riktlinjerna ska gälla från den 1 november i år.")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.date == "2026-02-12"
    assert [s for s in doc.sections if s.title.startswith("Dnr")] == []


def test_a_flattened_agenda_of_numbered_entries_splits_at_each_number_not_inside_an_amount() -> None:
    text = ("Kallelse till kultur- och fritidsnämnden i Grävlinge kommun Tid: onsdag 4 mars kl. 18.00 "
            "Plats: Ekbacksskolan Föredragningslista 1. Val av justerare 2. Taxor för idrottshallar 2026 "
            "3. Ansökan om bidrag från Föreningen Ekbackens Vänner, 15 000 kr 4. Övriga frågor "
            "Välkomna! Tove Sandlund, nämndsekreterare")
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections][:4] == [
        "Val av justerare", "Taxor för idrottshallar 2026", "Ansökan om bidrag från Föreningen Ekbackens Vänner, 15 000 kr",
        "Övriga frågor"]
    assert [a.value for a in doc.amounts] == [15000]


def test_an_acronym_compound_inside_a_flattened_title_does_not_end_it() -> None:
    text = ("Kallelse till kommunstyrelsens arbetsutskott i Grävlinge kommun Tid: tisdag 10 mars kl. 9.00 "
            "Plats: Kommunhuset Föredragningslista 1. Val av justerare 2. Upphandling av gemensam IT-drift "
            "3. Ny taxa för VA-anslutning i Västerbyn 4. Övriga frågor")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert titles[:4] == ["Val av justerare", "Upphandling av gemensam IT-drift",
                          "Ny taxa för VA-anslutning i Västerbyn", "Övriga frågor"]


def test_a_day_deep_in_a_flattened_page_is_not_its_header_date() -> None:
    """The whole page is one line: a contract's end date far into it does not date the document."""
    text = ("Förvaltningschefens rapport till tekniska nämnden Grävlinge kommun, mars 2026 Läget i korthet "
            "Vinterväghållningen har kostat 2,1 mnkr hittills. Asfalteringen av Storgatan börjar i april. "
            "Beslut på delegation Förvaltningschefen har förlängt avtalet om snöröjning med Norrby Maskin AB "
            "till och med 2027-06-30. Avtalets värde är 800 000 kr per år. Emil Rask Förvaltningschef")
    meta = kdextract.parse(text, ner=False).meta
    assert meta.date is not None and meta.date.startswith("2026")


#: A flattened memo of ours (every line break lost): numbered points of the proposed decision, the headings
#: run into their paragraphs, a "Beslutsunderlag" that names the memo itself, and the signatures' columns.
FLAT_MEMO = ("Grävlinge kommun Fritidsförvaltningen TJÄNSTESKRIVELSE Datum:        4 mars 2025 Dnr:          FRN 2025/0031 "
        "Handläggare:  Lina Ottosson, fritidsintendent Till:         Fritidsnämnden Bidrag till ryttarföreningen "
        "Förslag till beslut 1. Fritidsnämnden beviljar Grävlinge ryttarförening ett investeringsbidrag om 45 000 kr enligt bilaga 1. "
        "2. Nämnden beviljar Grävlinge skytteklubb ett bidrag om 8 000 kr. 3. Ansökan från Grävlinge bilklubb avslås. "
        "Sammanfattning Föreningen har sökt bidrag för att byta stallets tak. Ärendebeskrivning Taket läcker sedan "
        "vintern och behöver bytas före hösten. Beslutsunderlag Tjänsteskrivelse daterad 2025-03-04 Beslutet skickas "
        "till Grävlinge ryttarförening Lina Ottosson                    Per Holmgren Fritidsintendent"
        "                  Förvaltningschef")


def test_the_points_of_a_flattened_proposal_are_no_agenda_items() -> None:
    sections = kdextract.parse(FLAT_MEMO, ner=False).sections
    assert [(s.level, s.category, s.title) for s in sections] == [
        (1, "topic", "Sammanfattning"), (1, "topic", "Ärendebeskrivning"), (1, "topic", "Beslutsunderlag"),
        (1, "topic", "Beslutet skickas till")]  # the memo's distribution list heads its closing part


@pytest.mark.parametrize("point, sentence", [
    ("Kultur- och fritidsnämnden beviljar bidrag om 12 000 kr. 2.", True),
    ("Kommunfullmäktige godkänner årsredovisningen för Grävlinge kommun 2025. 2.", True),  # no definite ending
    ("Fullmäktige beviljar styrelsen ansvarsfrihet. 3.", True),
    ("Ansökan från Grävlinge bilklubb avslås. Sammanfattning", True),
    ("Ansökan om bidrag till ridskolan 3. Val av justerare", False),
    ("Nästa möte Tisdag 4 maj.", False),
])
def test_a_numbered_point_that_states_a_decision_is_a_sentence(point: str, sentence: bool) -> None:
    from kdextract.layout.items import states_a_point
    assert states_a_point(point, 0, len(point)) is sentence


def test_a_title_word_after_a_known_subheading_of_a_flattened_memo_does_not_open_its_body() -> None:
    text = FLAT_MEMO.replace("1. Fritidsnämnden beviljar", "Fritidsnämnden beviljar").replace(
        " 2. Nämnden beviljar", " Nämnden beviljar").replace(" 3. Ansökan", " Ansökan")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert titles == ["Förslag till beslut", "Sammanfattning", "Ärendebeskrivning", "Beslutsunderlag",
                      "Beslutet skickas till"]


@pytest.mark.parametrize("text, title", [
    ("Motion från Greta Sundin (V) om fler papperskorgar i centrum Greta Sundin föreslår att kommunen ställer ut fler.",
     "Motion från Greta Sundin (V) om fler papperskorgar i centrum"),
    ("Fyllnadsval efter Olof Brandt (C) i tekniska nämnden Till ny ledamot väljs Maja Lindkvist (C).",
     "Fyllnadsval efter Olof Brandt (C) i tekniska nämnden"),
    ("Information om förskolebygget Maja Lindkvist Enhetschef berättar om läget.", "Information om förskolebygget"),
])
def test_a_name_after_from_by_or_after_goes_on_with_a_flattened_title(text: str, title: str) -> None:
    from kdextract.layout.items import title_end
    assert text[:title_end(text, 0, len(text))] == title


#: A flattened memo of ours whose first page's footer, with a single counter, is run into the text before the
#: next heading, and whose distribution list names two units only.
FOOTED_MEMO = ("STENHAGA KOMMUN Tekniska förvaltningen TJÄNSTESKRIVELSE Datum 2026-03-02 Diarienummer TN 2026/58 "
               "Handläggare Jonas Berglund, gatuchef Tekniska nämnden Ny beläggning på Kyrkvägen Förslag till beslut "
               "Tekniska nämnden beslutar att lägga ny beläggning på Kyrkvägen under 2026. Sammanfattning Vägen har "
               "många sprickor och hål efter vintern. Förvaltningen föreslår att hela sträckan beläggs på nytt. "
               "Ekonomiska konsekvenser Arbetet beräknas kosta 2,3 mnkr och ryms inom nämndens investeringsram. "
               "Stenhaga kommun | Tjänsteskrivelse | Sida 1 av 2 Tidplan Arbetet utförs i augusti och vägen stängs "
               "under två veckor. Beslutet skickas till Gatuenheten Ekonomienheten")


def test_a_page_footer_with_a_single_counter_run_into_flattened_text_is_a_page_break() -> None:
    doc = kdextract.parse(FOOTED_MEMO, ner=False)
    footer = [e for e in doc.edits if e.reason == "page footer"]
    assert [e.original for e in footer] == ["Stenhaga kommun | Tjänsteskrivelse | Sida 1 av 2"]
    assert [s.title for s in doc.sections] == ["Förslag till beslut", "Sammanfattning", "Ekonomiska konsekvenser",
                                               "Tidplan", "Beslutet skickas till"]


@pytest.mark.parametrize("footer", ["Sida 1 av 2", "Stenhaga kommun Sida 1 av 2", "Tekniska nämnden · Sida 1/2",
                                    "Stenhaga kommun | Sida 1 (2)"])
def test_the_shapes_of_a_run_in_footer(footer: str) -> None:
    from kdextract.layout.page_counters import inline_footer_edits
    text = FOOTED_MEMO.replace("Stenhaga kommun | Tjänsteskrivelse | Sida 1 av 2", footer)
    assert [text[s:e] for s, e, new, _ in inline_footer_edits(text) if not new] == [footer]


@pytest.mark.parametrize("prose", [
    "Se bilagan på sida 1 av 2 Tidplan",  # a sentence's reference to a page: no footer
    "Tjänsteskrivelse | Sida 3 av 2 Tidplan",  # no page of a document of two
    "Sida 1 av 2 i bilagan",  # the next page does not start there
])
def test_a_page_reference_in_prose_is_no_footer(prose: str) -> None:
    from kdextract.layout.page_counters import inline_footer_edits
    text = FOOTED_MEMO.replace("Stenhaga kommun | Tjänsteskrivelse | Sida 1 av 2 Tidplan", prose)
    assert inline_footer_edits(text) == []


def test_a_distribution_list_of_two_units_is_headed_by_its_label() -> None:
    text = "Bakgrund\n\nVägen har många sprickor efter vintern.\n\nExpedieras till\n\nGatuenheten Ekonomienheten\n"
    assert [s.title for s in kdextract.parse(text, ner=False).sections] == ["Bakgrund", "Expedieras till"]
#: A flattened föredragningslista of ours: items led by "Ärende N", each with its case number and enclosures.
FLAT_AGENDA = ("Grävlinge kommun FÖREDRAGNINGSLISTA Tekniska nämnden Tid: torsdag 16 april 2026 kl. 13.00 "
               "Plats: Sjösalen Ärende 1   Val av justerare Ärende 2   Godkännande av dagordningen "
               "Ärende 3   Bokslut januari–april 2026 TN/2026/0081 Bilaga 3 Tjänsteskrivelse "
               "Ärende 4   Ny gång- och cykelväg längs Åsvägen TN/2026/0112 Bilaga 4 Karta "
               "Ärende 5   Anmälan av delegationsbeslut Tove Sandlund Ordförande")


def test_a_flattened_contents_list_keeps_the_item_word_with_its_number() -> None:
    """Each "Ärende N" entry on a line of its own, its case number and its "Bilaga N" line under it; a year after
    a month range and the number of an enclosure start no entry."""
    lines = reflow(normalize(FLAT_AGENDA)).text.split("\n")
    assert lines[lines.index("Ärende 1   Val av justerare"):] == [
        "Ärende 1   Val av justerare", "Ärende 2   Godkännande av dagordningen", "Ärende 3   Bokslut januari–april 2026",
        "TN/2026/0081", "Bilaga 3 Tjänsteskrivelse", "Ärende 4   Ny gång- och cykelväg längs Åsvägen", "TN/2026/0112",
        "Bilaga 4 Karta", "Ärende 5   Anmälan av delegationsbeslut", "Tove Sandlund", "Ordförande"]
    titles = [s.title for s in kdextract.parse(FLAT_AGENDA, ner=False).sections if s.level == 1]
    assert titles[-5:] == ["Val av justerare", "Godkännande av dagordningen", "Bokslut januari–april 2026",
                           "Ny gång- och cykelväg längs Åsvägen", "Anmälan av delegationsbeslut"]


@pytest.mark.parametrize("text, name", [
    ("Närvarande: Anna Berg, Grävlinge kommun Per Holm, projekt Vågbrytaren GRÄVLINGE KOMMUN PROTOKOLL 2(5) "
     "1. Mötets öppnande Ordföranden hälsar välkomna.", "Vågbrytaren"),
    ("Vi startar projektet Vågbrytaren GRÄVLINGE KOMMUN. Det är bra.", "Vågbrytaren"),
    ("Vi startar projektet VÅGBRYTAREN NORR i vår.", "VÅGBRYTAREN NORR"),  # a name in capitals throughout
    ("Vi startar projektet Grön IT SKL i vår.", "Grön IT SKL"),  # short acronyms belong to the name
])
def test_a_project_name_ends_before_a_running_header_run_into_it(text: str, name: str) -> None:
    assert [p.name for p in kdextract.parse(text, ner=False).projects] == [name]


def test_an_owners_proposal_to_its_addressee_run_into_a_flattened_item_heads_the_decision() -> None:
    """"Arbetsutskottets förslag till kommunstyrelsen" after a sentence end stands alone over the decision it
    proposes, and the next "Ärende 3" is an item however its title runs into its body ("… Informationen noteras.")."""
    text = ("Grävlinge kommun Kommunstyrelsens arbetsutskott PROTOKOLL Sammanträdesdatum 2026-03-03 "
            "Ärende 1  Val av justerare Emil Rask utses att justera protokollet. "
            "Ärende 2  Ny taxa för hamnen Dnr KS 2026/0042 Hamnföreningen har begärt en översyn av avgifterna för "
            "båtplatser. Förvaltningen har räknat på tre alternativ och föreslår det mellersta. "
            "Arbetsutskottets förslag till kommunstyrelsen Kommunstyrelsen antar den nya hamntaxan från den 1 maj 2026. "
            "Ärende 3  Information om vårens asfaltering Informationen noteras.")
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections if s.level == 1][-1] == "Information om vårens asfaltering"
    assert [d.text for d in doc.decisions] == ["Emil Rask utses att justera protokollet.",
                                               "Kommunstyrelsen antar den nya hamntaxan från den 1 maj 2026.",
                                               "Informationen noteras."]


#: A register of delegation decisions of ours in columns, every row break lost (the column gaps kept).
FLAT_TABLE = ("Datum       Ärendenr       Adress            Beslut   Avgift (kr)  Handläggare "
              "2026-04-02  SBN 2026/0102  Ekbacksvägen 4    Bev.     12 400       TS "
              "2026-04-09  SBN 2026/0117  Storgatan 19      Avsl.    3 100        ER "
              "2026-04-16  SBN 2026/0125  Sjövägen 2        Bev.     7 850        TS")


@pytest.mark.parametrize("text", [
    "Delegationsbeslut om bygglov i april\n\n" + FLAT_TABLE + "\n\nNämnden godkänner redovisningen.\n",
    "Delegationsbeslut om bygglov i april " + FLAT_TABLE + " Nämnden godkänner redovisningen av delegationsbeslut för "
    "april månad.",
])
def test_a_flattened_table_gets_its_rows_back_under_its_header(text: str) -> None:
    lines = reflow(normalize(text)).text.split("\n")
    header = lines.index("Datum       Ärendenr       Adress            Beslut   Avgift (kr)  Handläggare")
    assert [line[:10] for line in lines[header + 1:header + 4]] == ["2026-04-02", "2026-04-09", "2026-04-16"]
    assert lines[header + 3].endswith("7 850        TS")  # the text after the table on a line of its own
    assert [int(a.value) for a in kdextract.parse(text, ner=False).amounts] == [12400, 3100, 7850]


def test_a_run_of_wide_gaps_without_a_header_row_is_no_table() -> None:
    from kdextract.layout.flat_tables import flat_tables
    text = "Kostnad  2026  12 400 2027  13 100 2028  13 900 enligt  bilaga 2."
    assert flat_tables(text, 0, len(text)) == []


def test_the_points_of_a_proposed_decision_run_into_a_flattened_page_are_its_points() -> None:
    """"… beslutar följande: 1. Kommunfullmäktige godkänner … 2. Kommunfullmäktige godkänner …": the points go
    on lines of their own under the proposal (the second needs no full stop), no item heads."""
    text = ("Ärenden till kommunfullmäktige 1. Grävlinge kommuns årsredovisning 2025 Året präglades av stora "
            "investeringar i skolor och vård. Resultatet blev 42 miljoner kronor vilket är bättre än budget. "
            "Förslag till beslut: Kommunstyrelsen föreslår att kommunfullmäktige beslutar följande: "
            "1. Kommunfullmäktige godkänner årsredovisningen för 2025. "
            "2. Kommunfullmäktige godkänner förslaget till resultatdisposition")
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections] == ["Förslag till beslut"]
    assert [d.points for d in doc.decisions] == [["Kommunfullmäktige godkänner årsredovisningen för 2025.",
                                                  "Kommunfullmäktige godkänner förslaget till resultatdisposition"]]


def test_a_group_heading_of_a_flattened_agenda_ends_the_title_before_it() -> None:
    """"… och Västerbyn | Informationsärenden 3 Rapport …": a word in -ärenden before the next bare number heads a
    group of items, no part of the title that a proper noun ended."""
    text = ("Kallelse Tekniska nämnden Grävlinge kommun Tid onsdagen den 11 mars 2026 kl. 18.00 Plats Sjösalen "
            "Beslutsärenden 1 Val av justerare 2 Taxa för parkering vid Ekbackens centrum och Västerbyn "
            "Informationsärenden 3 Rapport från förvaltningen 4 Övriga frågor")
    assert [s.title for s in kdextract.parse(text, ner=False).sections] == [
        "Val av justerare", "Taxa för parkering vid Ekbackens centrum och Västerbyn", "Informationsärenden",
        "Rapport från förvaltningen", "Övriga frågor"]


def test_a_flattened_agenda_in_columns_gets_its_rows_back_short_ones_too() -> None:
    """Rows of one or two cells ("09.40–09.55  Paus") end where the next time slot starts; a last row that stops
    short of the last column ends with its item's title, the text run into it on a line of its own."""
    text = ("Kallelse till tekniska nämnden i Grävlinge kommun.\n\n"
            "Tid          Ärende                                        Föredragande "
            "09.00–09.10  1. Val av justerare "
            "09.10–09.40  2. Ny gång- och cykelväg vid Ekbacken         Emil Rask, projektledare "
            "09.40–09.55  Paus "
            "09.55–10.30  3. Taxa för offentlig plats 2027              Tove Sand, jurist "
            "10.30–10.45  4. Övriga frågor Handlingarna finns i nämndportalen från den 2 mars.\n")
    lines = reflow(normalize(text)).text.split("\n")
    assert "09.40–09.55  Paus" in lines and "10.30–10.45  4. Övriga frågor" in lines
    assert [s.title for s in kdextract.parse(text, ner=False).sections] == [
        "Val av justerare", "Ny gång- och cykelväg vid Ekbacken", "Taxa för offentlig plats 2027", "Övriga frågor"]


def test_a_contents_entrys_number_in_parts_stays_with_its_title_in_a_flattened_report() -> None:
    # "2.1" also reads as a case number; in a contents list it is the number of a report's section.
    text = ("Verksamhetsplan 2027 Fritidsnämnden Innehållsförteckning 1 Inledning ... 2 1.1 Uppdrag och mål ... 2 "
            "1.2 Organisation ... 3 2 Ekonomi ... 4 2.1 Driftbudget ... 4 2.2 Investeringar ... 5 3 Personal ... 6")
    lines = reflow(normalize(text)).text.split("\n")
    assert {"1.1 Uppdrag och mål ... 2", "2.1 Driftbudget ... 4", "2.2 Investeringar ... 5"} <= set(lines)


def test_a_flattened_list_of_cases_without_labels_puts_each_entry_on_its_line() -> None:
    # Case numbers of one shape, each before a title and after the presenter of the entry before: a list of cases.
    text = ("Grävlinge kommun Kommunstyrelsen 2026-04-14 • Information ges om: KS 26/41 Ny taxa för "
            "slamtömning, Wilma Strandberg KS 26/7 Rapport från näringslivsenheten, Oskar Lindahl KS 25/318 Förslag "
            "till svar på motion om solceller, Greta Holmén KS 26/52 Uppföljning av internkontrollen, "
            "Wilma Strandberg")
    lines = reflow(normalize(text)).text.split("\n")
    assert "KS 26/7 Rapport från näringslivsenheten, Oskar Lindahl" in lines
    assert "KS 25/318 Förslag till svar på motion om solceller, Greta Holmén" in lines
    names = {p.name for p in kdextract.parse(text, ner=False).people}
    assert {"Oskar Lindahl", "Greta Holmén"} <= names


def test_labelled_case_numbers_under_paragraph_heads_are_no_list_of_cases() -> None:
    text = ("Grävlinge kommun Tekniska nämnden PROTOKOLL § 12 Ny taxa Dnr TN 2026/41 Förvaltningen föreslår en ny taxa. "
            "§ 13 Gatubelysning Dnr TN 2026/44 Förvaltningen redovisar läget. § 14 Snöröjning Dnr TN 2026/47 "
            "Förvaltningen redovisar vintern.")
    lines = reflow(normalize(text)).text.split("\n")
    assert not any(line.startswith("TN 2026/44 Förvaltningen") for line in lines)


def test_a_download_line_run_into_a_flattened_page_is_the_sites_copy_of_the_title() -> None:
    # Its year and day are the title's; the document states the year itself, so the copy adds no date.
    text = ('Storlek: px Download "Verksamhetsplan för år 2027 med utblick 2028" '
            "Transkript 1 Verksamhetsplan för år 2027 Fritidsnämnden TJÄNSTESKRIVELSE Förslag till beslut "
            "Fritidsnämnden antar verksamhetsplanen. " + "Planen beskriver hur föreningarna stöds. " * 6)
    texts = [d.text for d in kdextract.parse(text, ner=False).dates]
    assert texts.count("för år 2027") == 1


@pytest.mark.parametrize("line", [
    "Mötet öppnades. Ärende 4  Budget för nästa år Nämnden beslutar …",
    "Anmälningar Dnr KS 2024/118 Markanvisning för kvarteret Lärkan",
    "KS - 2021/17 Yttrande över remiss  Au § 12 Val av ombud  Bun 3 Taxor",
    "MBN 21/417 Rapport om tillsynen  PUNKT 2: Övriga frågor",
])
def test_a_capitalised_word_that_leads_an_item_passes_the_precheck(line: str) -> None:
    """Every item head that a capitalised word leads passes the cheap check that spares the other words."""
    from kdextract.layout.flat_heads import _MAY_LEAD, _TOKEN
    from kdextract.layout.items import head_at

    led = [t for t in _TOKEN.finditer(line) if t.group()[0].isupper()
           and head_at(line, t.start(), len(line), line_start=True) is not None]
    assert led
    assert all(_MAY_LEAD.match(line, t.start(), len(line)) for t in led)
