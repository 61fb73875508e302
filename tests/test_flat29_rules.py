"""Rules for flattened text (layout stress round 29), in our own words."""

from __future__ import annotations

import kdextract
from kdextract.layout.field_rows import adoption_line, field_rows
from kdextract.layout.flat_markdown import heading_ends, markdown_breaks
from kdextract.layout.reflow import reflow
from kdextract.text.normalize import normalize


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in reflow(normalize(text)).text.splitlines() if line.strip()]


#: A web page's meeting calendar, saved as Markdown and flattened: headings, a pipe table and bullets on one line.
CALENDAR = ("# Mötesplan 2028 Ekby kommun | Barn- och utbildningsnämnden Antagen av nämnden 2027-11-08, § 71. "
            "## Nämndens möten Nämnden möts på onsdagar kl. 17.00 i Forumsalen. | Möte | Handlingar klara | Notering | "
            "|---|---|---| | 9 februari | 19 januari | | | 12 april | 22 mars | Bokslut 2027 | | 14 juni | 24 maj | | "
            "## Presidiet • Presidiet möts en vecka före varje nämndmöte. • Dagordningen sätts av ordföranden. "
            "## Förvaltningarna Varje förvaltning lämnar sina ärenden senast tre veckor före mötet.")


def test_a_flattened_markdown_heading_and_table_start_lines() -> None:
    lines = _lines(CALENDAR)
    assert "Nämndens möten" in lines, lines
    assert "Presidiet" in lines, lines
    assert "Förvaltningarna" in lines, lines
    assert "12 april   22 mars   Bokslut 2027" in lines, lines  # each row of the table a line, its pipes gaps


def test_a_flattened_markdown_documents_headings_are_its_sections() -> None:
    titles = _titles(CALENDAR)
    for title in ("Nämndens möten", "Presidiet", "Förvaltningarna"):
        assert title in titles, titles


def test_a_single_hash_mark_in_prose_breaks_no_line() -> None:
    text = "Vi bokade rum # 4 i förra veckan. Mötet gick bra och protokollet skickas ut på fredag till alla."
    assert markdown_breaks(text, {})[0] == []


def test_a_pipe_table_needs_its_delimiter_row() -> None:
    text = "Ekby kommun | Kultur | Fritid | Idrott | Bibliotek | Musikskola och mer text efter raden här."
    assert markdown_breaks(text, {})[0] == []


def test_a_flattened_tables_rows_each_have_as_many_cells_as_its_delimiter_row() -> None:
    text = "Text. | Dag | Tid | |---|---| | 2 maj | 18.00 | | 9 maj | | Mer text."
    starts = sorted(a for a, _, _, _ in markdown_breaks(text, {})[0])
    pieces = [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]
    assert pieces == ["| Dag | Tid |", "|---|---|", "| 2 maj | 18.00 |", "| 9 maj | |", "Mer text."], pieces


def test_a_markdown_heading_run_into_its_paragraph_ends_before_the_sentence() -> None:
    text = "Förvaltningarna Varje förvaltning lämnar sina ärenden senast tre veckor före mötet och kansliet samlar dem."
    edits = heading_ends(text, {0: 2})
    assert [(text[:a], new) for a, _, new, _ in edits] == [("Förvaltningarna", "\n")], edits


def test_a_short_markdown_heading_is_left_alone() -> None:
    text = "Förvaltningarna och nämnderna i kommunen"
    assert heading_ends(text, {0: 2}) == []


def test_an_adoption_line_in_a_flattened_head_stands_alone() -> None:
    text = "EKBY KOMMUN Policy för sociala medier Antagen av kommunstyrelsen 2026-02-10, § 12 Gäller från: 2026-03-01"
    span = adoption_line(text, 0, len(text))
    assert span is not None and text[span[0]:span[1]] == "Antagen av kommunstyrelsen 2026-02-10, § 12"
    assert "Antagen av kommunstyrelsen 2026-02-10, § 12" in _lines(text)


def test_an_adoption_phrase_inside_prose_is_no_head_line() -> None:
    text = "Planen gäller i fyra år. Antagen av fullmäktige 2026-02-10 ersätter den den gamla planen helt och hållet."
    assert adoption_line(text, 0, len(text)) is None


def test_a_heads_two_word_field_labels_make_a_row() -> None:
    text = "Gäller från: 2026-03-01 Revideras senast: 2029-12-31 Dokumentansvarig: kanslichef Diarienummer: KS 2026/9"
    assert [text[p:text.index(":", p)] for p in field_rows(text, 0, len(text))] == [
        "Gäller från", "Revideras senast", "Dokumentansvarig", "Diarienummer"]


def test_a_flattened_policy_head_keeps_its_date_and_case_number() -> None:
    text = ("EKBY KOMMUN\n\nPolicy för sociala medier\n\nAntagen av kommunstyrelsen 2026-02-10, § 12 Gäller från: "
            "2026-03-01 Revideras senast: 2029-12-31 Dokumentansvarig: kommunikationschef Diarienummer: KS 2026/31\n\n"
            "Syfte\n\nPolicyn ska hjälpa medarbetare som skriver i kommunens kanaler.\n")
    meta = kdextract.parse(text, ner=False).meta
    assert (meta.date, meta.diarienummer) == ("2026-02-10", "KS 2026/31"), meta


#: A kallelse whose agenda lost its line breaks: wrapped titles with their case numbers after a comma, presenters.
KALLELSE = ("EKBY KOMMUN Kommunstyrelsens arbetsutskott 2026-05-04 KALLELSE Ledamöterna kallas till sammanträde "
            "tisdagen den 12 maj 2026 kl. 09.00 i Sjörummet. FÖREDRAGNINGSLISTA 1. Val av justerare 2. Godkännande "
            "av dagordning 3. Delårsrapport för januari till april 2026 med prognos för helåret, Dnr KS 2026/31 "
            "Föredragande: controller Maja Lindqvist 4. Markanvisning för kvarteret Tallen till Ekby Bygg AB, "
            "Dnr KS 2026/77 Föredragande: exploateringsingenjör Oskar Hed 5. Informationsärenden")


def test_a_flattened_agendas_presenter_stays_on_its_label_line() -> None:
    lines = _lines(KALLELSE)
    assert "Föredragande: controller Maja Lindqvist" in lines, lines
    assert "Oskar Hed" not in lines, lines


def test_a_title_that_ends_in_a_comma_keeps_its_case_number_on_its_line() -> None:
    lines = _lines(KALLELSE)
    assert "3. Delårsrapport för januari till april 2026 med prognos för helåret, Dnr KS 2026/31" in lines, lines


def test_a_flattened_agendas_titles_lose_the_comma_before_their_case_number() -> None:
    titles = _titles(KALLELSE)
    assert "Delårsrapport för januari till april 2026 med prognos för helåret" in titles, titles
    assert "Markanvisning för kvarteret Tallen till Ekby Bygg AB" in titles, titles
    assert not any(t.endswith(",") for t in titles), titles


#: A company's meeting minutes flattened: a point whose short title runs into a sentence read on as the item's text.
STAMMA = ("Ekby Energi AB Protokoll fört vid årsstämma 2026-04-20 1. Stämmans öppnande Ordföranden öppnade stämman. "
          "2. Val av justerare Eva Ek utsågs att justera protokollet. 3. Fastställande av balansräkning Stämman "
          "fastställde balansräkningen per 2025-12-31. 4. Disposition av bolagets vinst Stämman beslutade att vinsten "
          "balanseras. 5. Ansvarsfrihet Stämman beviljade styrelsen ansvarsfrihet för 2025. 6. Stämmans avslutande "
          "Ordföranden avslutade stämman.")


def test_a_flattened_item_whose_title_runs_into_a_sentence_is_no_decision_point() -> None:
    titles = _titles(STAMMA)
    for title in ("Disposition av bolagets vinst", "Ansvarsfrihet", "Stämmans avslutande"):
        assert title in titles, titles


#: Minutes saved as Markdown, flattened: a numbered heading run into its paragraph, a table in the middle.
NOTES = ("# Minnesanteckningar Ekby ungdomsråd 2026-02-11 ## 1. Mötets öppnande Ordföranden Ali Demir hälsade alla "
         "välkomna. ## 2. Skatepark Ungdomarna vill ha en skatepark vid Strandvallen. | Vad | Vem | När | "
         "|---|---|---| | Skissa förslag | Ali Demir | 4 mars | | Boka möte | Lina Berg | v. 11 | "
         "## 3. Övrigt Kevin tog upp att biblioteket stänger tidigt på fredagar. Frågan skickas vidare till kultur.")


def test_a_numbered_markdown_heading_run_into_its_paragraph_ends_at_its_title() -> None:
    assert "Övrigt" in _titles(NOTES), _titles(NOTES)


#: An audit report exported with a Markdown table and flattened: the table cuts the line, each piece still flattened.
AUDIT = ("Ekby kommun Revisorerna Granskningsrapport Maj 2026 Granskning av tekniska nämndens underhåll av gator "
         "Till: Tekniska nämnden Sammanfattning Revisorerna har granskat hur nämnden planerar underhållet av gator "
         "och broar. Nämnden saknar en samlad plan. Bedömningen per fråga: | Fråga | Bedömning | |---|---| "
         "| Finns en underhållsplan? | Ej uppfyllt | | Följs skicket upp? | Delvis uppfyllt | Nämnden har inte mätt "
         "gatornas skick sedan 2023. Rekommendationer Vi rekommenderar nämnden att ta fram en underhållsplan och att följa upp gatornas skick varje år.")


def test_the_pieces_of_a_flattened_line_that_a_table_cut_are_read_as_flattened() -> None:
    titles = _titles(AUDIT)
    assert "Sammanfattning" in titles, titles
    assert "Rekommendationer" in titles, titles


def test_an_adoption_line_ending_in_a_full_stop_ends_before_the_next_sentence() -> None:
    text = ("Ekby stad Delegationsordning för kulturnämnden Antagen av kulturnämnden 2026-03-18, § 21. Gäller från "
            "och med den 1 april 2026. Dnr KN 2026/0051\n\nUtdrag ur ordningen\n\nNr   Ärende   Delegat\n"
            "2.1   Bidrag till föreningar   Kulturchef\n")
    meta = kdextract.parse(text, ner=False).meta
    assert (meta.date, meta.diarienummer) == ("2026-03-18", "KN 2026/0051"), meta


def test_an_unnumbered_agendas_presenter_does_not_swallow_the_titles_after_it() -> None:
    text = ("Ekby kommun Kultur- och fritidsnämnden KALLELSE Ledamöterna kallas till sammanträde. Ärendelista "
            "Val av justerare Information om sommarens evenemang Föredragande: Eva Ek, kulturchef Bidrag till "
            "idrottsföreningar Föredragande: Per Holm, handläggare Delegationsbeslut Anmälningsärenden Välkomna!")
    lines = _lines(text)
    assert not any(line.startswith("Föredragande: Eva Ek") and "Bidrag" in line for line in lines), lines
