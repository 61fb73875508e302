"""General gaps closed on branch gaps19, each in our own words: a line wrapped right after an abbreviation
("tel." / "0501-…") goes on with its sentence."""

from __future__ import annotations

import datetime as dt

import kdextract
from kdextract.text.sentences import sentence_spans

DAY = dt.date(2027, 3, 4)


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_a_line_wrapped_after_an_abbreviation_goes_on_with_its_sentence() -> None:
    text = "Frågor om ansökan besvaras av bidragshandläggare Oskar Lind, tel.\n0611-342 18, eller via kommunens växel.\n"
    assert _sentences(text) == [text.strip()]
    text = "Mötet tar upp bl.a.\nbudgeten och lokalfrågan.\n"
    assert _sentences(text) == [text.strip()]


def test_a_line_after_an_abbreviation_may_still_open_a_sentence_or_a_list() -> None:
    assert _sentences("Kostnaden blir 40 000 kr.\nNämnden beslutar i maj.\n") == [
        "Kostnaden blir 40 000 kr.", "Nämnden beslutar i maj."]
    assert _sentences("Nämnden följer upp lokaler m.m.\n- budget för 2028\n") == [
        "Nämnden följer upp lokaler m.m.", "- budget för 2028"]


def test_parse_keeps_a_deadline_wrapped_after_tel_in_one_sentence() -> None:
    text = ("Anmälan om deltagande lämnas till nämndsekreterare Oskar Lind, tel.\n"
            "0611-342 18, senast den 22 mars.\n")
    [deadline] = kdextract.parse(text, document_date=DAY, ner=False).deadlines
    assert deadline.text.startswith("Anmälan"), deadline.text


def _roles(text: str) -> dict[str, str | None]:
    doc = kdextract.parse("Kommunchefens rapport\n\nPersonal\n\n" + text + "\n", document_date=DAY, ner=False)
    return {p.name: p.role for p in doc.people}


def test_a_role_fronted_before_its_verb_and_the_name() -> None:
    assert _roles("Till ny räddningschef har Jonas Fredin anställts.") == {"Jonas Fredin": "räddningschef"}
    assert _roles("Som ny miljöchef börjar Sofia Wikner den 3 maj.") == {"Sofia Wikner": "miljöchef"}
    assert _roles("Till ny överförmyndarhandläggare har vi rekryterat Tove Strand.") == {
        "Tove Strand": "överförmyndarhandläggare"}


def test_a_role_taken_up_after_som_in_a_clause() -> None:
    assert _roles("Maria Söderlind, som tillträder som ekonomichef den 1 mars, presenterade sig.") == {
        "Maria Söderlind": "ekonomichef"}
    assert _roles("Maria Söderlind tillträder som ekonomichef den 1 mars.") == {"Maria Söderlind": "ekonomichef"}


def test_no_role_from_a_fronted_phrase_of_no_role() -> None:
    assert _roles("Till mötet kom Jonas Fredin.") == {"Jonas Fredin": None}
    assert _roles("Som väntat sade Jonas Fredin nej.") == {"Jonas Fredin": None}


def test_a_head_and_name_in_the_genitive_is_the_same_organisation() -> None:
    text = ("Samordningsförbundet Östra Lid och Region Norrmark har ett gemensamt avtal.\n"
            "Av kostnaden står Samordningsförbundet Östra Lids kansli för 2 mnkr.\n")
    doc = kdextract.parse(text, document_date=DAY, ner=False)
    names = {o.name: len(o.mentions) for o in doc.organisations}
    assert names.get("Samordningsförbundet Östra Lid") == 2, names
    assert "Samordningsförbundet Östra Lids" not in names


def test_a_model_name_after_a_project_word_is_no_person() -> None:
    text = "Styrelseprotokoll\n\n§ 3 VD:s rapport\nInom projektet Energi Mälardal har tre laddstolpar satts upp.\n"
    doc = kdextract.parse(text, document_date=DAY)
    assert [p.name for p in doc.people] == []


def test_a_month_name_split_by_a_space_and_run_onto_the_word_before_is_read() -> None:
    from kdextract.text.ocr_repair import TOKEN
    from kdextract.text.ocr_spaces import run_together, split_words

    text = "Nämnden tog del av delårsbokslutjanu ari-juni och beslutade."
    assert [(text[a:b], new) for a, b, new in split_words(text, list(TOKEN.finditer(text)))] == [
        ("delårsbokslutjanu ari", "delårsbokslut januari")]
    text = "Nämnden tog del av halvårsrapportenseptember 2026."
    assert [new for _, _, new in run_together(text, list(TOKEN.finditer(text)))] == ["halvårsrapporten september"]


def test_parse_reads_the_months_of_a_damaged_period() -> None:
    text = "Protokoll\n\nNämnden tog del av delårsbokslutjanu ari-juni för förvaltningen.\n"
    doc = kdextract.parse(text, document_date=DAY, ner=False, ocr_repair=True)
    assert [d.value for d in doc.dates] == ["2027-01/2027-06"]


FLAT_AGENDA = ("Ekby kommun Kallelse Kultur- och fritidsnämnden 2027-03-10 kl. 13.00 Föredragningslista "
               "1 Val av justerare 2 Stipendium för Kulturhuset Bryggan Utdelning ur stiftelsen för ungdomsidrott "
               "4 Budgetuppföljning 2027-02-28 Nämndens studieresa 2027 5 Övriga frågor\n")


def test_a_flattened_agenda_item_without_its_number_is_set_apart_from_the_title_before() -> None:
    titles = [s.title for s in kdextract.parse(FLAT_AGENDA, document_date=DAY, ner=False).sections]
    assert "Stipendium för Kulturhuset Bryggan" in titles, titles
    assert "Budgetuppföljning 2027-02-28" in titles, titles


def test_a_name_of_a_common_word_goes_on_with_its_title() -> None:
    from kdextract.layout.items import title_end

    for text, title in (("Hyresavtal med Ekby Bostäder för äldre", "Hyresavtal med Ekby Bostäder för äldre"),
                        ("Avtal med Ekby Kraft om el", "Avtal med Ekby Kraft om el"),
                        ("Budget 2027 Nämndens ekonomi har förbättrats under året.", "Budget 2027")):
        assert text[:title_end(text, 0, len(text))] == title


def test_an_inline_running_header_goes_on_after_its_counter_as_the_first_page_does() -> None:
    from kdextract.layout.page_counters import inline_header_edits

    head = "EKBY KOMMUN PROTOKOLL {k}(3) Barn- och utbildningsnämnden Sammanträdesdatum 2027-02-15"
    body = " ".join(["Nämnden diskuterade skolskjutsarna och lokalerna under en längre stund."] * 4)
    text = (head.format(k=1) + " Plats och tid Ekbyskolan kl. 18.00 " + body + " Mötet ajournerades. "
            + head.format(k=2) + " § 12 Val av justerare " + body + " Ingen begärde ordet. " + head.format(k=3)
            + " § 13 Skolskjuts " + body + "\n")
    blanked = [text[s:e] for s, e, new, why in inline_header_edits(text) if why == "running header"]
    assert blanked == [head.format(k=2), head.format(k=3)], blanked
    doc = kdextract.parse(text, document_date=DAY, ner=False)
    assert [d.text for d in doc.dates if d.value == "2027-02-15"] == ["2027-02-15"]


def test_a_name_broken_after_the_given_name_by_a_wrapped_paragraph() -> None:
    text = ("§ 5 Årsredovisning\nÅrets resultat blev 2 100 tkr. Granskningen gjordes av bolagets revisor Ingela\n"
            "Törnqvist från en byrå i Ekby, som lämnade en ren revisionsberättelse.\n")
    people = {p.name: p.role for p in kdextract.parse(text, document_date=DAY, ner=False).people}
    assert people == {"Ingela Törnqvist": "revisor"}, people


def test_no_name_across_a_short_line_or_into_a_common_word() -> None:
    from kdextract.records.person_wraps import find_wrapped

    assert list(find_wrapped("Närvarande: Ingela\nTörnqvist deltog.\n")) == []
    assert list(find_wrapped("Granskningen av årsredovisningen har gjorts av revisorn Ingela\nBolaget har …\n")) == []


def test_a_vocational_college_named_by_its_place() -> None:
    text = "Arbetsgruppen bjuder in Yrkeshögskolan Norrvik till nästa möte om kompetensförsörjning.\n"
    names = {o.name: o.kind for o in kdextract.parse(text, document_date=DAY, ner=False).organisations}
    assert names.get("Yrkeshögskolan Norrvik") == "university", names


def test_the_sports_movements_joint_body_is_known() -> None:
    text = "Klubben har även sökt utbildningsstöd från RF-SISU. Föreningen får 15 000 kr.\n"
    names = {o.name: o.kind for o in kdextract.parse(text, document_date=DAY, ner=False).organisations}
    assert names.get("RF-SISU") == "association", names


def test_a_project_named_after_a_compound_project_word() -> None:
    text = "Kallelse\n\nFörvaltningen redovisar läget i digitaliseringsprojektet Ekby Nära inför sommaren.\n"
    names = [p.name for p in kdextract.parse(text, document_date=DAY, ner=False).projects]
    assert names == ["Ekby Nära"], names
