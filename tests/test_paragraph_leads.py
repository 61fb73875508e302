"""Paragraphs whose inner line breaks were lost (the blank lines between them kept): the heading that
leads a paragraph, run into its first sentence, is read as a heading again.

The fixtures are ours: an invented municipality (Grävlinge kommun) and invented people.
"""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.items import title_end
from kdextract.layout.paragraph_leads import topic_lead
from kdextract.layout.reflow import reflow
from kdextract.text.normalize import normalize


def _top_titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1 and s.title]


def test_a_short_paragraph_led_by_a_paragraph_head_gives_the_item_its_title() -> None:
    text = ("Grävlinge kommun Protokoll Fritidsnämnden 2026-03-04\n\n"
            "§ 12 Val av justerare Till justerare väljs Maj Ekholm.\n\n"
            "§ 13 Badhusets öppettider Förvaltningen föreslår längre öppettider under sommaren. "
            "Beslut Nämnden godkänner förslaget.\n\n"
            "§ 14 Anmälningsärenden Inga ärenden anmäls.\n")
    assert _top_titles(text) == ["Val av justerare", "Badhusets öppettider", "Anmälningsärenden"]


def test_a_known_sub_heading_leading_a_paragraph_stands_on_its_own_line() -> None:
    text = ("Tjänsteskrivelse 2026-02-01\n\nNy förskola i Västerbyn\n\n"
            "Sammanfattning Förvaltningen har utrett behovet av förskoleplatser i Västerbyn.\n\n"
            "Ekonomiska konsekvenser Investeringen beräknas till 42 mnkr.\n")
    lines = reflow(normalize(text)).text.split("\n")
    assert "Sammanfattning" in lines and "Ekonomiska konsekvenser" in lines
    assert "Investeringen beräknas till 42 mnkr." in lines


def test_a_numbered_point_of_prose_that_names_a_plan_stays_one_line() -> None:
    """"1. Nämnden godkänner Plan …" is a decision's point, no heading led by "1."."""
    text = ("Beslut\n\n1. Fritidsnämnden godkänner Handlingsplan för badplatser 2026 med de ändringar som "
            "förvaltningen föreslår. 2. Fritidsnämnden ger förvaltningen i uppdrag att återkomma i maj.\n")
    line = "1. Fritidsnämnden godkänner Handlingsplan för badplatser 2026"
    assert any(ln.startswith(line) for ln in reflow(normalize(text)).text.split("\n"))


def test_a_long_title_that_goes_on_on_the_next_line_is_no_paragraph() -> None:
    """No sentence end after the name: the title goes on ("… från Eva Ek (M) till …"), nothing runs into it."""
    text = ("Protokoll\n\n§ 87 Interpellation från Eva Ek (M) till kommunstyrelsens ordförande om gatubelysningen i\n"
            "byarna\n\nEva Ek frågar varför lamporna släcktes.\n")
    assert reflow(normalize(text)).text == normalize(text).text


def test_a_long_sub_heading_paragraph_is_split_however_long() -> None:
    """A paragraph of flattened-page length with one cue (its sub-heading) is split all the same."""
    body = "Kostnaden beräknas till 4,2 mnkr per år och ryms inom nämndens ram för de kommande tre åren. "
    text = "Tjänsteskrivelse\n\nEkonomiska konsekvenser " + body * 3 + "\n"
    assert "Ekonomiska konsekvenser" in reflow(normalize(text)).text.split("\n")


def test_a_timetable_row_of_a_kallelse_is_no_paragraph() -> None:
    text = "Föredragningslista\n\n13.00–13.30  4. Trafikplan för södra Grävlinge     Ola Ek, trafikplanerare\n"
    assert reflow(normalize(text)).text == normalize(text).text


def test_two_places_joined_by_an_en_dash_stay_in_a_run_in_title() -> None:
    text = ("Grävlinge kommun Protokoll Tekniska nämnden 2026-05-12\n\n"
            "§ 31 Gång- och cykelväg Norrby–Västerbyn Dnr TN 2026/14 Trafikverket erbjuder kommunen att dela kostnaden "
            "för en ny gång- och cykelväg längs länsvägen.\n\n"
            "§ 32 Snöröjning Nämnden ändrar prioriteringen av gång- och cykelvägar i vinter.\n")
    assert _top_titles(text) == ["Gång- och cykelväg Norrby–Västerbyn", "Snöröjning"]


@pytest.mark.parametrize(("text", "title"), [
    ("Lägesrapport Projektet följer tidplanen och rivningen är klar.", "Lägesrapport"),
    ("Budget 2027 Nämnden beslutar att anta budgeten.", "Budget 2027"),
    ("Anmälningsärenden Inga ärenden anmäls.", "Anmälningsärenden"),
    # a title goes on: an indefinite noun, a proper noun before a capital, a stop word, a number
    ("Info Rekrytering kansliet Föredragande: Eva Ek", "Info Rekrytering kansliet"),
    ("Detaljplan Kvarteret Lärkan Planen ska antas i maj.", "Detaljplan Kvarteret Lärkan"),
    ("Plan Trygghet och säkerhet i skolan", "Plan Trygghet och säkerhet i skolan"),
    ("Stambyte Ekbacken etapp 2", "Stambyte Ekbacken etapp 2"),
    ("Bokslut 2025 Resultatet efter finansiella poster blev 4 mnkr.", "Bokslut 2025"),
    ("Utbyggnad Hamnen och parken i Ekby", "Utbyggnad Hamnen och parken i Ekby"),
    ("Rivning Gärdet i Ekby", "Rivning Gärdet i Ekby"),
])
def test_a_sentence_run_into_a_title_after_a_capitalised_word_ends_it(text: str, title: str) -> None:
    assert text[:title_end(text, 0, len(text))] == title


@pytest.mark.parametrize(("paragraph", "heading"), [
    ("Ekonomiskt läge Prognosen visar ett överskott på 3 mnkr.", "Ekonomiskt läge"),
    ("Viktiga händelser under perioden Kommunen har tagit emot fler elever.", "Viktiga händelser under perioden"),
    ("Personal Sjukfrånvaron har sjunkit under våren.", "Personal"),
    # sentences, no headings: a finite verb before the subject, a subject first, a given name and surname
    ("Samtidigt har Länsstyrelsen beslutat om nya regler.", None),
    ("Nämnden informerade Skolverket skriftligen om beslutet.", None),
    ("Enhetschef Eva Wallgren föredrar ärendet.", None),
    ("Ekonomiskt läge Prognosen visar ett överskott på 3 mnkr och", None),  # no sentence end: cut by a line end
    # an issuer's name is a letterhead run into the document's first paragraph, no topic of it
    ("Grävlinge kommun Trafikgruppen i Norrbyn har träffats den 3 mars 2026.", None),
    ("Region Grävlinge Folkhälsorådet har haft möte den 3 mars 2026.", None),
    ("Samverkan med Grävlinge kommun Arbetet har fortsatt under våren.", "Samverkan med Grävlinge kommun"),
])
def test_a_topic_heading_run_into_its_paragraph_ends_before_the_sentence(paragraph: str, heading: str | None) -> None:
    stop = topic_lead(paragraph, 0, len(paragraph))
    assert (paragraph[:stop] if stop is not None else None) == heading


def test_a_topic_heading_run_into_its_paragraph_heads_a_section() -> None:
    text = ("Kommundirektörens rapport, mars 2026\n\n"
            "Ekonomiskt läge Prognosen visar ett överskott på 3 mnkr för helåret.\n\n"
            "Personal Sjukfrånvaron har sjunkit till 5,2 procent under våren.\n")
    assert _top_titles(text) == ["Ekonomiskt läge", "Personal"]


def test_topic_headings_run_into_a_flattened_report_after_sentence_ends_head_sections() -> None:
    text = ("Kommundirektörens rapport till kommunstyrelsen, april 2026 Grävlinge kommun Ekonomiskt läge "
            "Prognosen visar ett överskott på 3 mnkr för helåret. Försörjningsstödet ligger något över budget. "
            "Investeringar Ombyggnaden följer tidplanen och Västerbyskolan blir klar i augusti. "
            "Personal Sjukfrånvaron har sjunkit till 5,2 procent under våren. Grävlinge den 2 april 2026")
    titles = _top_titles(text)
    assert "Investeringar" in titles and "Personal" in titles


def test_a_year_after_a_range_of_months_before_a_case_number_stays_in_the_title() -> None:
    text = ("Grävlinge kommun Protokoll Fritidsnämnden 2026-10-14\n\n"
            "§ 51 Delårsrapport januari–augusti 2026          Dnr FN 2026/88 Nämnden redovisar ett överskott "
            "på 1,2 mnkr efter augusti. Badhuset håller sin budget, medan ishallen beräknas gå 300 000 kronor back. "
            "Beslut Nämnden godkänner delårsrapporten och överlämnar den till kommunstyrelsen.\n\n"
            "§ 52 Anmälningsärenden Inga ärenden anmäls.\n")
    assert _top_titles(text) == ["Delårsrapport januari–augusti 2026", "Anmälningsärenden"]


@pytest.mark.parametrize("text, title", [
    ("Meddelanden Skrivelser från Transportstyrelsen och länsstyrelsen läggs till handlingarna.",
     "Meddelanden"),
    ("Delegationsbeslut Miljöchefens beslut om tillsynsavgifter för oktober redovisas.", "Delegationsbeslut"),
    ("Anmälningar Ett medborgarförslag om en lekplats vid Granbacken har kommit in.", "Anmälningar"),
    ("Motioner Följande motioner har lämnats in sedan förra sammanträdet.", "Motioner"),
    ("Vattenplan 2030 Länsstyrelsen i Kronobergs län har sänt förslaget på remiss.", "Vattenplan 2030"),
    # no verb in the sentence: a place's genitive goes on with the title
    ("Detaljplan Kvarnåns strand", "Detaljplan Kvarnåns strand"),
])
def test_a_heading_before_an_indefinite_genitive_or_determined_subject_ends_where_it_starts(text: str, title: str) -> None:
    from kdextract.layout.items import title_end
    assert text[:title_end(text, 0, len(text))] == title
