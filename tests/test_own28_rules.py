"""Rules found missing by held-out batch 28 (tests/data/own_corpus28), each in our own words: a council that declares
a question answered or refers a matter on, a board that lays a report on file; a note repeated under each item's
head; an agenda item with only a labelled time under it; a case officer's label inside a protocol's item; two
periods that share one anchor; weekdays of opening hours; a list point as a paragraph of its own; a procurement
announced on a later date; an association's village after its name."""

from __future__ import annotations

import datetime as dt

import kdextract


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


def _decisions(text: str) -> list[str]:
    return [d.text for d in kdextract.parse(text).decisions]


def _dates(text: str, day: dt.date) -> list[tuple[str, str]]:
    return [(m.text, str(m.value)) for m in kdextract.find_dates(text, reference=day)]


MINUTES = """Ekby kommun
Kommunfullmäktige
PROTOKOLL 2027-02-15

§ 12  Fråga om gatubelysningen i Åbacka
Eva Lund (C) har ställt en fråga om när gatubelysningen byts ut. Per Berg (S) svarade muntligt.

Fullmäktige förklarar frågan besvarad.

§ 13  Anmälan av medborgarförslag om en badbrygga
Ett medborgarförslag om en badbrygga vid sjön har kommit in.
Medborgarförslaget remitteras till tekniska nämnden för yttrande och ska besvaras senast i oktober 2027.

§ 14  Redovisning av internkontroll
Ekonomichefen redovisar internkontrollen för 2026.
Fullmäktige lägger rapporten till handlingarna.
"""


def test_a_council_that_declares_a_question_answered_decides() -> None:
    assert any("förklarar frågan besvarad" in d for d in _decisions(MINUTES))


def test_a_matter_referred_on_to_a_board_is_a_decision_though_its_sentence_holds_a_deadline() -> None:
    assert any("remitteras till tekniska nämnden" in d for d in _decisions(MINUTES))


def test_a_body_that_lays_a_report_on_file_decides() -> None:
    assert any("lägger rapporten till handlingarna" in d for d in _decisions(MINUTES))


def test_a_question_answered_in_a_memo_is_no_decision() -> None:
    memo = "Ekby kommun\nTJÄNSTESKRIVELSE 2027-02-01\n\nFörvaltningen förklarar gärna frågan närmare för den som undrar.\n"
    assert _decisions(memo) == []


SECRET = """Åby kommun
Socialnämndens arbetsutskott
Protokoll 2027-03-10

§ 20  Ansökan om bistånd i form av boendestöd enligt SoL, YY
Sekretess enligt 26 kap. 1 § OSL

Arbetsutskottet beviljar boendestöd för tiden 2027-04-01 till 2027-09-30.

§ 21  Ansökan om ledsagarservice, ZZ
Sekretess enligt 26 kap. 1 § OSL

Arbetsutskottet avslår ansökan. Sökanden har inte visat något behov av
insatsen utöver det stöd som redan ges genom hemtjänsten i kommunen.

§ 22  Anmälan om missförhållande till Inspektionen för vård och omsorg, M.N.
Sekretess enligt 26 kap. 1 § OSL

Informationen noteras. Enhetschefen följer upp ärendet vid nästa möte i
arbetsutskottet och lämnar då en skriftlig redovisning av vidtagna åtgärder.
"""


def test_a_note_repeated_under_each_items_head_is_no_rest_of_a_wrapped_title() -> None:
    titles = _titles(SECRET)
    assert titles[-1].rstrip(".") == "Anmälan om missförhållande till Inspektionen för vård och omsorg, M.N"
    assert not any("Sekretess" in t for t in titles)


AGENDA = """Åby kommun
Kultur- och fritidsnämnden

KALLELSE till sammanträde torsdagen den 4 mars 2027 kl. 13.00

Ärende 1   Val av justerare
           Förslag: Lena Holm (M)

Ärende 2   Bidrag till studieförbunden 2027
           Föredragande: Omar Said, kultursekreterare
           Tid: 13.10–13.40

Ärende 3   Meddelanden
           Tid: 13.40–13.50

Ärende 4   Förvaltningschefen informerar
           Tid: 13.50–14.10

Sara Lind
Ordförande
"""


def test_an_agenda_item_with_only_a_labelled_time_under_it_is_an_item() -> None:
    assert _titles(AGENDA) == ["Val av justerare", "Bidrag till studieförbunden 2027", "Meddelanden",
                               "Förvaltningschefen informerar"]


PERMITS = """Åby kommun                                  PROTOKOLL
Miljö- och byggnadsnämnden                  2027-04-07

Närvarande
Jan Ek (M), ordförande
Övriga: Tove Ahl, bygglovsarkitekt; Nils Sand, nämndsekreterare

§ 30
Backa 3:4 – nybyggnad av förråd

Handläggare:    Tove Ahl

Beslut
Nämnden beviljar bygglov.

Justerat 2027-04-09

Nils Sand, nämndsekreterare        Jan Ek, ordförande
"""


def test_an_author_label_inside_a_protocols_item_names_its_case_officer_not_the_author() -> None:
    assert kdextract.parse(PERMITS).meta.author == "Nils Sand"


def test_the_case_officer_is_the_author_where_nothing_else_names_one() -> None:
    text = PERMITS.replace("; Nils Sand, nämndsekreterare", "").replace(
        "Nils Sand, nämndsekreterare        Jan Ek, ordförande\n", "")
    assert kdextract.parse(text).meta.author == "Tove Ahl"


def test_two_periods_that_share_an_anchor_are_no_dates() -> None:
    day = dt.date(2027, 4, 7)
    text = "Lovet gäller bara om arbetet har startat inom ett år och slutförts inom tre år från den dag lovet vann laga kraft."
    assert _dates(text, day) == []
    assert _dates("Arbetet ska vara klart inom ett år.", day) == [("inom ett år", "2027-04-07/2028-04-06")]


def test_weekdays_joined_by_och_are_opening_hours_not_dates() -> None:
    day = dt.date(2027, 4, 7)
    assert _dates("Biblioteket har öppet mån och ons kl. 10.00–15.00.", day) == [
        ("kl. 10.00–15.00", "2027-04-07T10:00/2027-04-07T15:00")]
    assert _dates("Mötet hålls på tisdag kl. 13.00.", day) == [("på tisdag kl. 13.00", "2027-04-13T13:00")]


def test_a_list_point_is_a_paragraph_of_its_own_for_a_year_less_month() -> None:
    text = """Ekby kommun
Kommunstyrelsen
PROTOKOLL 2026-11-16

§ 90  Information från kommundirektören
Kommundirektören informerar:
- En ny kulturchef börjar den 1 mars 2027.
- Utfallet efter september visar ett överskott på 2 miljoner kronor.
"""
    values = {m.text: str(m.value) for m in kdextract.parse(text).dates}
    assert values["efter september"] == "2026-09"


def test_a_procurement_announced_on_a_later_date_is_planned() -> None:
    text = "Ekby kommun\nKommunstyrelsen\nPROTOKOLL 2026-11-16\n\n§ 91  Skolskjutsar\nEn ny upphandling annonseras vecka 3.\n"
    assert [(str(d.value), "upphandling" in d.what) for d in kdextract.parse(text).deadlines] == [("2027-W03", True)]


def test_an_associations_village_after_its_name_is_part_of_it() -> None:
    text = "Ekby kommun\nPROTOKOLL 2027-01-20\n\nFöreningen Strandängen i Norrbyn driver badplatsen sedan 2019.\n"
    names = [o.name for o in kdextract.parse(text).organisations]
    assert "Föreningen Strandängen i Norrbyn" in names and "Föreningen Strandängen" not in names


def test_a_matter_that_has_been_referred_for_comment_tells_how_it_was_prepared() -> None:
    text = MINUTES.replace("Medborgarförslaget remitteras till tekniska nämnden för yttrande och ska besvaras senast i "
                           "oktober 2027.", "Förslaget har remitterats till stadsträdgårdsmästaren.")
    assert not any("remitterats" in d for d in _decisions(text))


def test_a_titles_closing_initials_keep_their_point() -> None:
    assert "Ansökan om ledsagarservice, Z.Z." in _titles(SECRET.replace("ledsagarservice, ZZ", "ledsagarservice, Z.Z."))
    flat = "Ekby kommun\nProtokoll 2027-03-10\n\n§ 4 Val av justerare.\nEva Ek utses att justera protokollet.\n"
    assert "Val av justerare" in _titles(flat)
