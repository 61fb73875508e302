"""Rules for flattened text (layout stress round 31), in our own words."""

from __future__ import annotations

import kdextract
from kdextract.layout.field_rows import field_rows
from kdextract.layout.reflow import reflow
from kdextract.text.normalize import normalize


def _lines(text: str) -> list[str]:
    return [line.strip() for line in reflow(normalize(text)).text.splitlines() if line.strip()]


#: A register of delegated decisions in columns, flattened with the decision sentence under it.
REGISTER = ("Ekby kommun PROTOKOLL Kulturnämnden 2027-03-09 § 12  Redovisning av delegationsbeslut "
            "Nr  Datum       Beslut                              Delegat           Dnr "
            "1   2027-02-01  Bidrag till konstförening            Kulturchef        KN 2027/14 "
            "2   2027-02-08  Hyra av lokal för utställning       Enhetschef        KN 2027/19 "
            "3   2027-02-20  Avskrivning av ärende               Kulturchef        KN 2027/22 "
            "Beslut: Kulturnämnden lägger redovisningen av delegationsbeslut till handlingarna. "
            "§ 13  Meddelanden Inga meddelanden har kommit in.")


def test_a_label_run_into_a_flattened_tables_last_row_ends_the_table() -> None:
    lines = _lines(REGISTER)
    assert lines[5].endswith("KN 2027/22"), lines
    assert lines[6:8] == ["Beslut:", "Kulturnämnden lägger redovisningen av delegationsbeslut till handlingarna."], lines


def test_the_decision_after_a_flattened_register_is_whole() -> None:
    texts = [d.text for d in kdextract.parse(REGISTER, ner=False).decisions]
    assert any(t.startswith("Kulturnämnden lägger redovisningen av delegationsbeslut till handlingarna")
               for t in texts), texts


#: A notice to a meeting whose time and place fields kept their column gaps when the page was flattened.
NOTICE = ("Ekby kommun Tekniska nämnden KALLELSE Ledamöterna kallas till sammanträde med tekniska nämnden. "
          "När:   tisdag 9 mars 2027, klockan 08.30 Var:   Sammanträdesrum Ugglan, stadshuset "
          "Förhinder anmäls till sekreteraren. Ärenden Val av justerare Budgetuppföljning per den 28 februari "
          "Informationsärenden Nästa sammanträde hålls i april och då tas delårsbokslutet upp.")


def test_gapped_form_labels_in_a_flattened_line_start_lines() -> None:
    lines = _lines(NOTICE)
    assert "När:   tisdag 9 mars 2027, klockan 08.30" in lines, lines
    assert any(line.startswith("Var:   Sammanträdesrum Ugglan") for line in lines), lines


def test_a_flattened_notices_day_comes_from_its_gapped_time_field() -> None:
    assert kdextract.parse(NOTICE, ner=False).meta.date == "2027-03-09"


def test_gapped_labels_need_a_flattened_line_and_two_in_a_row() -> None:
    row = "Tid:   kl. 9 Lokal:   Ugglan"
    assert field_rows(row, 0, len(row)) == []  # a line as written: only listed labels, three of them
    one = "Mötet hölls i Ugglan. Obs:   lokalen byts i höst och mötet flyttas då till stadshuset."
    assert field_rows(one, 0, len(one), gapped=True) == []


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


#: An agenda whose narrow column cut two titles inside a word, one with a hyphen and one without.
CUT_AGENDA = ("Föredragningslista\n\n1. Sam\nmanträdet öppnas\n2. Val av justerare\n3. Budgetupp-\nföljning för mars\n"
              "4. Information om bygg-\nlovsprocessen\n5. Övriga frågor\n")


def test_an_agenda_title_cut_inside_a_word_is_one_title() -> None:
    titles = _titles(CUT_AGENDA)
    assert titles[0] == "Sammanträdet öppnas", titles
    assert "Budgetuppföljning för mars" in titles, titles


def test_a_flattened_title_cut_inside_a_word_is_one_title() -> None:
    flat = " ".join(CUT_AGENDA.split())
    titles = _titles(flat)
    assert "Sammanträdet öppnas" in titles, titles
    assert "Budgetuppföljning för mars" in titles, titles


def test_a_cut_words_blank_is_dropped_with_its_offsets_kept() -> None:
    text = "Ärenden 3. Budgetupp- följning för mars 4. Övriga frågor"
    view = normalize(text)
    assert "Budgetuppföljning" in view.text
    doc = kdextract.parse("Föredragningslista\n\n" + text.replace(" 4.", "\n4.").replace("Ärenden ", ""), ner=False)
    section = next(s for s in doc.sections if s.title.startswith("Budget"))
    assert section.title == "Budgetuppföljning för mars"


def test_a_suspended_compound_and_a_dash_between_phrases_keep_their_blank() -> None:
    for kept in ("Beslut om kultur- och fritidsplanen", "Taxa för sjuk- hälso- och sjukvård",
                 "Svar på medborgarförslag- kommuninvånarnas närvaro", "Avtal för Stor- Stockholm"):
        assert normalize(kept).text == kept


#: A manager's report whose topic headings were run into their first sentences when the page was flattened.
REPORT = ("Ekby kommun Kommunledningsförvaltningen Kommunchefens rapport till kommunstyrelsen 2027-09-13 "
          "Ekonomi efter augusti Prognosen för helåret är ett överskott på 2,1 mnkr och nämnderna håller sina ramar. "
          "Norrskolan Renoveringen av Norrskolans matsal är klar. Matsalen öppnar igen efter höstlovet. "
          "Projektet Ekkajen Detaljplanen för Ekkajen ställs ut under oktober. Byggstart planeras till våren. "
          "MSB Myndigheten för samhällsskydd och beredskap har bjudit in till en övning i november. "
          "Förskolan Solrosen har fått nya lokaler och flyttar i december.")


def test_a_definite_noun_heading_over_a_sentence_of_another_definite_noun() -> None:
    titles = _titles(REPORT)
    assert "Norrskolan" in titles, titles
    assert "Projektet Ekkajen" in titles, titles


def test_an_acronym_heading_over_the_sentence_that_spells_it_out() -> None:
    text = ("Ekby kommun Kommunchefens rapport till kommunstyrelsen 2027-09-13 Ekonomi efter augusti Prognosen för "
            "helåret är ett överskott på 2,1 mnkr och nämnderna håller sina ramar. SKL Sveriges Kommuner och "
            "Landsting (SKL) har bjudit in till en konferens i november. Personal Sjukfrånvaron har minskat.")
    assert _titles(text) == ["Ekonomi efter augusti", "SKL", "Personal"]


def test_a_facilitys_name_and_its_verb_open_a_sentence_under_no_heading() -> None:
    titles = _titles(REPORT)
    assert "MSB" in titles, titles
    assert not any(t.startswith("Förskolan") for t in titles), titles  # a name and its verb: a sentence


#: A protocol's first page, flattened: an attendee's value names the § they attended, the adjusters' label after it.
FORM_PAGE = ("Ekby kommun PROTOKOLL Kommunstyrelsen Sammanträdesdatum 2027-02-08 "
             "Plats och tid  Kommunhuset, kl. 13.00–15.00 Beslutande  Se närvarolista "
             "Övriga deltagande  Kommunchef Eva Ek Controller Ola Berg, § 12 Justerare  Anna Lind "
             "§ 11  Val av justerare Anna Lind utses att justera protokollet. "
             "§ 12  Budgetuppföljning januari Controllern redovisar uppföljningen. Kommunstyrelsen godkänner den. "
             "§ 13  Medborgarförslag om parkbänkar Förslaget lämnas till tekniska nämnden.")


def test_a_paragraph_cited_in_a_flattened_forms_value_heads_no_item() -> None:
    titles = _titles(FORM_PAGE)
    assert titles[:3] == ["Val av justerare", "Budgetuppföljning januari", "Medborgarförslag om parkbänkar"], titles


def test_an_issuers_name_and_its_verb_end_a_flattened_items_title() -> None:
    text = ("Minnesanteckningar Samverkansgruppen 2027-03-02 1. Föregående anteckningar Anteckningarna lades till "
            "handlingarna. 2. Skolskjutsar Ekby kommun ska byta entreprenör till hösten. 3. Nästa möte Mötet hålls "
            "den 4 maj.")
    assert "Skolskjutsar" in _titles(text), _titles(text)
