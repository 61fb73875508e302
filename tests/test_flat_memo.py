"""Memos and minutes whose line breaks a PDF-to-text run lost: their headings and items come back.

The fixtures are ours: an invented municipality (Lövnäs kommun) and invented people.
"""

from __future__ import annotations

import kdextract
from kdextract.layout.items import head_at
from kdextract.layout.paragraph_leads import topic_heads
from kdextract.layout.reflow import reflow
from kdextract.text.normalize import normalize


def _top_titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]


def test_a_case_number_with_a_six_digit_serial_is_no_item_number() -> None:
    text = "Dnr MBN 2026-000412 Till miljö- och byggnadsnämnden Yttrande om strandskydd"
    assert head_at(text, text.index("MBN"), len(text)) is None  # (was case "MBN 2026-00041", item 2)


def test_a_known_heading_before_a_decisions_first_point_stands_alone_after_a_sentence_end() -> None:
    text = ("Tjänsteskrivelse Lövnäs kommun Fritidsförvaltningen Datum 2026-02-03 Ärendet Föreningen har sökt "
            "bidrag för en ny bastu vid badplatsen. Förvaltningen har inget att invända mot ansökan. "
            "Förslag till beslut 1. Fritidsnämnden beviljar bidraget. 2. Förvaltningen följer upp bygget.")
    lines = reflow(normalize(text)).text.split("\n")
    assert "Förslag till beslut" in lines


def test_a_topic_heading_after_a_sentence_that_ends_in_a_year_stands_alone() -> None:
    text = ("Förslaget kom in till kommunen i oktober 2025. Förvaltningens bedömning Badplatsen behöver "
            "en ny brygga före sommaren.")
    assert [text[a:b] for a, b in topic_heads(text, 0, len(text))] == ["Förvaltningens bedömning"]


def test_items_that_an_item_word_numbers_are_read_in_flattened_minutes() -> None:
    text = ("Lövnäs kommun Miljönämndens arbetsutskott PROTOKOLL Plats: Kommunhuset Justerare: Olle Dahl "
            "Ärenden: 1–3 Ärende 1  Val av justerare Olle Dahl utses att justera protokollet. "
            "Ärende 2  Tillsynsavgifter för lantbruk Dnr MN 2026/031 Förvaltningen har räknat om avgifterna. "
            "Beslut Arbetsutskottet godkänner avgifterna. Ärende 3  Information om strandstädning "
            "Miljöinspektören berättar om vårens städdag.")
    assert _top_titles(text) == ["Val av justerare", "Tillsynsavgifter för lantbruk", "Information om strandstädning"]


def test_a_year_that_ends_an_items_title_before_its_case_number_is_no_item_number() -> None:
    text = ("Lövnäs kommun Kommunstyrelsens arbetsutskott PROTOKOLL Plats: Kommunhuset Justerare: Olle Dahl "
            "Ärende 1  Val av justerare Olle Dahl utses att justera protokollet. Ärende 2  Stöd till "
            "skördefesten 2026 Dnr KS 2026/044 Föreningen Skördelaget har sökt stöd för festen. Beslut Stöd beviljas.")
    assert _top_titles(text) == ["Val av justerare", "Stöd till skördefesten 2026"]


def test_a_flattened_head_names_the_documents_kind_after_its_letterhead() -> None:
    text = ("Lövnäs kommun Tekniska förvaltningen Tjänsteskrivelse Datum 2026-03-09 Dnr TN 2026/118 "
            "Ny belysning längs Ågatan Sammanfattning Förvaltningen föreslår att gatubelysningen längs "
            "Ågatan byts till LED under hösten. Förslag till beslut Tekniska nämnden godkänner bytet.")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.kind == "tjansteskrivelse"
    assert "Förslag till beslut" in _top_titles(text)  # a memo's headings are its top-level sections


def test_a_kind_word_deep_in_a_flattened_head_does_not_name_the_document() -> None:
    text = ("Lövnäs kommun Fritidsnämnden Sammanträde 2026-03-09 Närvarande ledamöter Olle Dahl och Siri Ek "
            "samt ersättare enligt särskild förteckning som bifogas Protokoll från föregående sammanträde "
            "läggs till handlingarna. Nämnden diskuterar badplatserna.")
    assert kdextract.parse(text, ner=False).meta.kind != "protokoll"


_NOTES = ("Minnesanteckningar Arbetsgruppen för badplatser Lövnäs kommun Tid: onsdag 4 mars 2026 kl. 13.00–15.00 "
          "Plats: Kommunhuset, rum Ugglan Deltagare: Olle Dahl, Siri Ek, Maja Lund Antecknat av: Maja Lund "
          "1. Föregående anteckningar • Anteckningarna lades till handlingarna. 2. Bryggor • Bryggan vid Norrviken "
          "byts i maj. • Kostnaden är 180 000 kr. 3. Livräddning • Två livräddare anställs över sommaren. "
          "4. Nästa möte • Gruppen ses igen den 8 april.")


def test_bullets_in_flattened_notes_start_lines_and_end_item_titles() -> None:
    lines = reflow(normalize(_NOTES)).text.split("\n")
    assert "3. Livräddning" in lines
    assert "• Kostnaden är 180 000 kr." in lines


def test_numbered_items_that_count_up_out_of_a_forms_tail_are_all_read() -> None:
    assert _top_titles(_NOTES) == ["Föregående anteckningar", "Bryggor", "Livräddning", "Nästa möte"]


def test_a_heading_over_the_lead_in_of_a_bulleted_list_is_a_heading() -> None:
    text = ("Revisionsrapport 2026:1 Granskning av bryggorna\n\nSammanfattning\n\nVi har granskat hur nämnden "
            "sköter bryggorna i kommunen under året som gått.\n\nRekommendationer\n\nVi rekommenderar nämnden att\n"
            "• ta fram en underhållsplan,\n• rapportera till fullmäktige två gånger per år.\n")
    assert _top_titles(text) == ["Sammanfattning", "Rekommendationer"]


def test_a_case_number_run_into_an_items_heading_line_is_no_part_of_its_title() -> None:
    text = ("Lövnäs kommun Kommunstyrelsen PROTOKOLL 2026-04-14\n\n"
            "§ 41   Val av justerare\n\nOlle Dahl utses att justera protokollet.\n\n"
            "§ 42   Försäljning av tomt i kvarteret Lodjuret Dnr KS 2026/101\n\n"
            "Kommunen har fått ett bud på tomten. Kommunstyrelsen godkänner försäljningen.\n")
    items = [s for s in kdextract.parse(text, ner=False).sections if s.level == 1]
    assert [s.title for s in items] == ["Val av justerare", "Försäljning av tomt i kvarteret Lodjuret"]
    assert items[1].case_number == "KS 2026/101"


def test_a_numbered_topic_run_into_its_paragraph_leads_it_when_it_states_no_point() -> None:
    from kdextract.layout.paragraph_leads import leads_paragraph

    for text in ("2. Tidigare minnesanteckningar Minnesanteckningarna från maj godkändes.",
                 "3. Simhallen på Åsgatan Maja Lund berättar att taket ska bytas under hösten."):
        assert leads_paragraph(text, 0, len(text)), text
    point = "1. Nämnden beviljar bidrag till föreningen för hela året."
    assert not leads_paragraph(point, 0, len(point))


def test_the_tail_of_a_head_form_ends_at_a_blank_line() -> None:
    text = ("Lövnäs kommun Seniorrådet Minnesanteckningar från mötet 2026-03-04 Plats: Kommunhuset\n\n"
            "Deltagare: Olle Dahl, Siri Ek Tjänstepersoner: Maja Lund, sekreterare\n\n"
            "1. Tidigare minnesanteckningar Minnesanteckningarna från mötet i december lades till handlingarna.\n\n"
            "2. Färdtjänst Olle Dahl frågade om nya regler för färdtjänsten. Förvaltningen återkommer i april.\n\n"
            "3. Nästa möte Rådet ses nästa gång i början av juni i kommunhuset.\n")
    assert _top_titles(text) == ["Tidigare minnesanteckningar", "Färdtjänst", "Nästa möte"]


def test_the_number_of_a_number_first_paragraph_sign_item_is_no_page_number() -> None:
    text = ("Lövnäs kommun Valnämnden Protokoll från sammanträde 2026-05-06 Plats: Kommunhuset\n\n"
            "Närvarande ledamöter: Siri Ek (S), ordförande; Olle Dahl (M), vice ordförande; Maja Lund (C) "
            "Närvarande tjänstepersoner: Eva Lind, valsamordnare; Per Holm, sekreterare Justerare: Olle Dahl\n\n"
            "1 §  Val av justerare Olle Dahl utses att justera protokollet. Justeringen sker den 8 maj i "
            "kommunhuset.\n\n"
            "2 §  Lokaler för förtidsröstning Förtidsröstning ordnas i biblioteket och i simhallen under "
            "två veckor före valdagen, och nämnden har fått förslag från förvaltningen om öppettiderna. "
            "Nämnden godkänner lokalerna och öppettiderna enligt förslaget.\n\n"
            "3 §  Information Ordföranden informerar om utbildningen av röstmottagare i augusti.\n")
    assert _top_titles(text) == ["Val av justerare", "Lokaler för förtidsröstning", "Information"]


_AGENDA = ("KALLELSE Fritidsnämnden Lövnäs kommun Tid: Tisdag den 12 maj 2026 kl. 13.00 Plats: Kommunhuset, sal Ugglan "
           "Ärenden 1. Val av justerare 2. Uppföljning april (Anna Berg, controller, kl. 13.10–13.30) "
           "3. Ny brygga vid badplatsen Norrviken (Olle Dahl, fritidsstrateg, kl. 13.30–14.00) Dnr FN 2026/014 "
           "4. Bidrag till föreningen Skidvänner – yttrande (Maja Lund, utredare, kl. 14.00–14.15) "
           "5. Information om sommarlovet (Förvaltningschef Per Holm, kl. 14.15–14.45) 6. Delegationsbeslut")
_TITLES = ["Val av justerare", "Uppföljning april", "Ny brygga vid badplatsen Norrviken",
           "Bidrag till föreningen Skidvänner – yttrande", "Information om sommarlovet", "Delegationsbeslut"]


def test_a_presenters_note_in_brackets_ends_an_items_title_in_a_flattened_agenda() -> None:
    assert _top_titles(_AGENDA) == _TITLES


def test_a_presenters_note_in_brackets_ends_an_items_title_on_its_line() -> None:
    text = _AGENDA.replace(" Ärenden ", "\n\nÄrenden\n\n").replace(" Dnr", "\nDnr")
    for k in range(2, 7):
        text = text.replace(f" {k}. ", f"\n\n{k}. ")
    assert _top_titles(text) == _TITLES


def test_a_heading_word_that_only_looks_definite_heads_a_topic_in_flattened_text() -> None:
    text = "Bygget kostar 4 mnkr i år. Tidplan Fritidsnämnden behandlar ärendet i maj och bygget börjar i juni."
    assert [text[a:b] for a, b in topic_heads(text, 0, len(text))] == ["Tidplan"]
    subject = "Bygget kostar 4 mnkr i år. Föreningen Skidvänner har sökt bidrag för en ny stuga vid sjön."
    assert topic_heads(subject, 0, len(subject)) == []
    noun = "Beslut väntas i maj. Samverkan Kommunerna i länet har sökt pengar för ett nytt projekt."
    assert [noun[a:b] for a, b in topic_heads(noun, 0, len(noun))] == ["Samverkan"]
    definite = "Beslut väntas i maj. Skolan Lärkan har fått nya lokaler för förskoleklassen i år."
    assert topic_heads(definite, 0, len(definite)) == []


def test_proper_nouns_joined_by_a_conjunction_stay_in_a_flattened_items_title() -> None:
    text = ("Kallelse Barnnämnden Lövnäs kommun Tid: 2026-09-02 kl. 18.00 Plats: Kommunhuset 1 Val av justerare "
            "2 Godkännande av dagordning 3 Ombyggnad av förskolorna Ekbacken och Lärkan 4 Information "
            "från förvaltningen")
    assert _top_titles(text) == ["Val av justerare", "Godkännande av dagordning",
                                 "Ombyggnad av förskolorna Ekbacken och Lärkan", "Information från förvaltningen"]


def test_a_topic_heading_before_a_sentence_that_opens_with_a_preposition_stands_alone() -> None:
    text = ("Bryggan ska vara klar den 1 juni. Avgift För tillsynen tas en avgift ut enligt taxan. "
            "Nämnden ska besluta i maj. Skäl för beslutet Vid besöket i april har förvaltningen sett sprickor.")
    assert [text[a:b] for a, b in topic_heads(text, 0, len(text))] == ["Avgift", "Skäl för beslutet"]


def test_a_topic_heading_after_a_sentence_that_ends_in_a_count_stands_alone() -> None:
    text = "Anbuden ska vara inne vecka 42. Digitalisering Kommunen deltar i ett nytt projekt om e-tjänster."
    assert [text[a:b] for a, b in topic_heads(text, 0, len(text))] == ["Digitalisering"]


def test_a_numbered_heading_run_into_its_bulleted_paragraph_leads_it() -> None:
    from kdextract.layout.paragraph_leads import leads_paragraph

    text = "2. Bryggor • Bryggan vid Norrviken byts i maj. • Kostnaden är 180 000 kronor."
    assert leads_paragraph(text, 0, len(text))


def test_a_marked_number_that_opens_a_paragraph_is_an_item_inside_a_forms_reach() -> None:
    text = ("Minnesanteckningar styrgruppen för bryggorna Lövnäs kommun, 4 mars 2026\n\n"
            "Deltagare: Olle Dahl (ordförande), Siri Ek (projektledare), Maja Lund (ekonom)\n"
            "Förhinder: Per Holm Antecknare: Siri Ek\n\n"
            "1. Lägesrapport Projektet följer tidplanen. Rivningen av den gamla bryggan är klar.\n\n"
            "2. Tidplan Åtgärd     Datum     Ansvarig Upphandling klar     2026-04-15     Siri Ek\n\n"
            "3. Ekonomi Prognosen ligger på 4 mnkr, som budgeten.\n")
    assert _top_titles(text)[:1] == ["Lägesrapport"]


def test_a_topic_heading_run_into_its_bulleted_list_leads_the_paragraph() -> None:
    from kdextract.layout.paragraph_leads import topic_lead

    text = "Rapport maj\n\nPågående arbete • Bryggan vid Norrviken byts i maj. • Simhallen får nytt tak."
    start = text.index("Pågående")
    assert text[start:topic_lead(text, start, len(text))] == "Pågående arbete"
    prose = "Rapport maj\n\nVi har • i år bytt bryggor."
    assert topic_lead(prose, prose.index("Vi"), len(prose)) is None


def test_a_known_heading_run_into_a_decisions_first_point_leads_the_paragraph() -> None:
    from kdextract.layout.paragraph_leads import leads_paragraph

    text = "Förslag till beslut 1. Fritidsnämnden beviljar bidraget. 2. Förvaltningen följer upp bygget."
    assert leads_paragraph(text, 0, len(text))


def test_a_topic_heading_before_a_sentence_that_a_persons_name_opens_stands_alone() -> None:
    text = ("Bryggan byts i maj. Företagsklimatet Olle Dahl berättar att fler företag har startat i år. "
            "Skyltning vid badet Maja Lund tar upp frågan om nya skyltar. Ordföranden Siri Ek tackar alla.")
    assert [text[a:b] for a, b in topic_heads(text, 0, len(text))] == ["Företagsklimatet", "Skyltning vid badet"]


def test_a_sentence_whose_subject_a_year_qualifies_opens_after_a_topic_heading() -> None:
    text = "Bryggan byts i maj. Ekonomi Bokslutet för 2025 visar ett överskott på 3 mnkr för nämnden."
    assert [text[a:b] for a, b in topic_heads(text, 0, len(text))] == ["Ekonomi"]
    title = "Bryggan byts i maj. Stambyte Ekbacken etapp 2 Arbetet med stambytet pågår."
    assert [title[a:b] for a, b in topic_heads(title, 0, len(title))] != ["Stambyte"]


def test_a_five_word_topic_heading_run_into_its_paragraph_stands_alone() -> None:
    text = "Bryggan byts i maj. Ny simhall i Norra hamnen Bygget av simhallen går enligt plan och blir klart i år."
    assert [text[a:b] for a, b in topic_heads(text, 0, len(text))] == ["Ny simhall i Norra hamnen"]


def test_a_newsletters_dated_headings_run_into_flattened_text_head_its_news() -> None:
    text = ("Lövnäs kommun Kommundirektören informerar Nyhetsbrev nr 2 Hej alla! Här kommer nyheterna från mars. "
            "3 mars | Ny brygga vid Norrviken Tekniska nämnden har beställt en ny brygga till badplatsen. "
            "10 mars | Personalenkäten 2026 Svarsfrekvensen blev 77 procent och resultaten gås igenom i april. "
            "21 mars | Simhallen får nytt tak Bygget börjar i maj och ska vara klart till hösten.")
    assert _top_titles(text) == ["Ny brygga vid Norrviken", "Personalenkäten 2026", "Simhallen får nytt tak"]


def test_a_sentence_that_an_adjective_and_its_definite_noun_open_ends_a_flattened_title() -> None:
    from kdextract.layout.items import title_end

    text = "Ny brygga vid Norrviken Tekniska nämnden har beställt en ny brygga."
    assert text[:title_end(text, 0, len(text))] == "Ny brygga vid Norrviken"
    place = "Lokalbehov Västra skolan Förvaltningen har tagit fram en plan."
    assert place[:title_end(place, 0, len(place))] == "Lokalbehov Västra skolan"


def test_a_case_number_after_its_label_is_no_case_led_item_in_a_flattened_letter() -> None:
    text = ("Lövnäs kommun YTTRANDE Kommunstyrelsen 2026-05-04 Vår beteckning: KS 2026/88 Er beteckning: "
            "Fi2026/00412 Finansdepartementet Remiss av promemorian Nya regler för kommunernas bredband Lövnäs kommun "
            "har beretts tillfälle att yttra sig och lämnar följande synpunkter. Sammanfattning Kommunen tillstyrker "
            "förslagen i stort. Avsnitt 3.1 Statligt stöd Kommunen välkomnar att stödet till landsbygden höjs. "
            "Avsnitt 4 Ikraftträdande Kommunen delar bedömningen att reglerna kan gälla från 2027.")
    doc = kdextract.parse(text, ner=False)
    assert not [s for s in doc.sections if s.category == "agenda_item"]
    assert "Statligt stöd" in [s.title for s in doc.sections if s.level == 1]


def test_a_verb_before_a_persons_name_keeps_the_sentence_whole() -> None:
    from kdextract.layout.paragraph_leads import topic_lead

    for text in ("Protokoll\n\nBarnnämndens presidium utser Olle Dahl att justera protokollet.",
                 "Protokoll\n\nFritidsnämndens utskott beslutar att utse Maja Lund till ombud vid stämman."):
        assert topic_lead(text, text.index("\n\n") + 2, len(text)) is None, text


def test_a_name_that_a_conjunction_follows_opens_no_sentence_after_a_heading() -> None:
    from kdextract.layout.paragraph_leads import topic_lead

    text = "Närvarande\n\nOrdförandeskapet Olle Dahl och vice ordföranden Siri Ek deltog i mötet."
    assert topic_lead(text, text.index("Ordf"), len(text)) is None


def test_an_item_after_a_running_header_that_repeats_a_form_label_is_read() -> None:
    text = ("Barnnämnden PROTOKOLL Sammanträdesdatum 2026-04-14 Plats och tid Kommunhuset kl. 13.00 Beslutande "
            "Olle Dahl (S), ordförande, Siri Ek (M) Sekreterare Maja Lund Justerare Siri Ek "
            "Anslaget på kommunens anslagstavla den 16 april 2026. 2 Barnnämnden PROTOKOLL Sammanträdesdatum (3) "
            "41 Skolskjuts för elever i Norrviken Dnr BN 2026/0031 Bakgrund Skolskjutsen har fått nya tider "
            "och föräldrarna har lämnat synpunkter. Beslut Barnnämnden godkänner de nya tiderna. "
            "42 Information om sommarskolan Dnr BN 2026/0040 Förvaltningen informerar om sommarskolan.")
    assert _top_titles(text)[:2] == ["Skolskjuts för elever i Norrviken", "Information om sommarskolan"]


def test_a_known_heading_before_the_first_numbered_point_of_flattened_notes_stands_alone() -> None:
    # The numbered action points are items; the sub-heading in the text before them still heads its part.
    text = ("Lövnäs kommun Styrgruppen för nya simhallen Minnesanteckningar Datum: 2026-09-02 Närvarande: Olle Dahl, "
            "Frida Moberg Bakgrund Bygget ligger två veckor efter tidplanen sedan leverantören av kakel bytts ut. "
            "Beslut Styrgruppen beslutar att invigningen flyttas till november. Att göra 1. Boka om invigningen. "
            "Ansvarig: Frida Moberg. 2. Informera föreningarna om de nya tiderna. Ansvarig: Olle Dahl.")
    lines = reflow(normalize(text)).text.split("\n")
    assert "Beslut" in lines and "Bakgrund" in lines


def test_a_paragraph_led_by_an_item_head_set_apart_by_blanks_or_a_three_part_name_is_read() -> None:
    from kdextract.layout.paragraph_leads import leads_paragraph
    for text in ("§ 12   Val av justerare Styrelsen utser Olle Dahl att justera dagens protokoll.",  # blanks after "§ 12"
                 "MN § 8   Val av justerare Frida Moberg (C) utses att justera protokollet.",  # a committee's code
                 "3. Val av justerare Tove Ek Lindahl utses att justera protokollet."):  # a name in three words
        assert leads_paragraph(text, 0, len(text)), text
    row = "Val av justerare   Olle Dahl   Frida Moberg"  # a row of columns still leads nothing
    assert not leads_paragraph(row, 0, len(row))


def test_a_known_heading_over_a_list_of_documents_leads_its_paragraph_without_a_sentence_end() -> None:
    from kdextract.layout.paragraph_leads import leads_paragraph
    text = "Beslutsunderlag Tjänsteskrivelse 2026-03-02 Karta över badplatsen Bilaga 2 Kostnadskalkyl"
    assert leads_paragraph(text, 0, len(text))
    heading = "BESLUT OM BIDRAG Datum: 2026-03-02 Diarienummer: FN 2026/12"  # a document's kind in capitals
    assert not leads_paragraph(heading, 0, len(heading))


def test_a_numbered_topic_run_into_the_day_it_names_leads_its_paragraph() -> None:
    from kdextract.layout.paragraph_leads import leads_paragraph
    text = "4. Nästa träff Torsdag 12 mars kl. 14.00 i biblioteket."
    assert leads_paragraph(text, 0, len(text))
    point = "2. Nämnden sammanträder Torsdag 12 mars."  # a point of prose: its title ends in a verb
    assert not leads_paragraph(point, 0, len(point))
