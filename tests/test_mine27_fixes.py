"""Fixes of review27's findings on this round's merged rules (cut headings, presenters, meeting dates, anslagsbevis,
surnames in capitals, particles, bodies in capitals, OCR repair of particles, clock ranges)."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


@pytest.mark.parametrize("last", ["Ny sporthall med gym", "Remissvar till Norrvatten"])
def test_an_agendas_bare_last_item_is_kept_whatever_its_last_word(last: str) -> None:
    text = ("Föredragningslista\n\n1. Upprop\n2. Val av justerare\n3. Delårsrapport\n4. " + last + "\n")
    assert _titles(text)[-1] == last


def test_a_one_word_cut_title_after_bare_items_is_still_dropped() -> None:
    text = "Innehåll\n\n1. Upprop\n2. Budget 2027\n3. Hyr\n"
    assert _titles(text)[-1] == "Budget 2027"


def test_a_presenter_cell_naming_a_company_is_no_person() -> None:
    text = ("Kallelse till tekniska nämnden 2026-09-01\n\n"
            "Ärende                                   Föredragande\n\n"
            "1. Taxa för vatten och avlopp            Sörby Vatten\n"
            "2. Hyresnivåer 2027                      Sörby Bostäder\n"
            "3. Trafikplan                            Minh Tuan Nguyen\n")
    assert [p.name for p in kdextract.parse(text, ner=False).people] == ["Minh Tuan Nguyen"]


def test_a_kallelse_header_day_is_not_the_meetings() -> None:
    text = ("Kallelse\n2026-04-01\n\nKultur- och fritidsnämnden kallas till sammanträde den 14 april.\n\n"
            "Tid: kl. 18.00\nPlats: Biblioteket\nLedamöter: Eva Ek (S), ordförande; Jon Lind (M)\n\n"
            "1. Upprop\n2. Bidrag till föreningar\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.kind == "kallelse" and all(m.date != "2026-04-01" for m in doc.meetings)


def test_an_anslagsbevis_box_under_a_protocol_form_keeps_the_protocol() -> None:
    text = ("Sörby kommun\nTekniska nämnden\nSammanträdesdatum 2026-09-10\n\n"
            "Plats och tid: Kommunhuset kl. 09.00–11.00\nBeslutande: Eva Ek (S), ordförande, Jon Lind (M)\n"
            "Utses att justera: Jon Lind\n\nANSLAGSBEVIS\nProtokollet är justerat.\n"
            "Datum då anslaget sätts upp: 2026-09-15\n\n§ 12 Vägunderhåll\n\nNämnden beslutar att anta planen.\n")
    meta = kdextract.parse(text, ner=False).meta
    assert (meta.kind, meta.date) == ("protokoll", "2026-09-10")


def test_a_unit_in_capitals_before_a_whole_name_is_no_surname() -> None:
    text = ("Protokoll\nTekniska nämnden\nSammanträdesdatum 2026-09-10\n\n"
            "Beslutande: Eva Ek (S), ordförande\nÖvriga närvarande: SÖRBYHEM Jonas Holm, vd\n\n"
            "§ 1 Upprop\n\nNämnden beslutar att godkänna upproret.\n")
    assert "Jonas Holm" in [p.name for p in kdextract.parse(text, ner=False).people]


def test_a_particle_in_running_text_keeps_the_surname() -> None:
    text = "Ärendet har beretts av utredare Lovisa du Chêne, planeringsavdelningen.\n"
    assert "Lovisa du Chêne" in [p.name for p in kdextract.parse(text, ner=False).people]


@pytest.mark.parametrize(("head", "body"), [
    ("KOMMUNSTYRELSENS ARBETSUTSKOTT", "Kommunstyrelsens arbetsutskott"),
    ("KULTUR- OCH FRITIDSNÄMNDEN", "Kultur- och fritidsnämnden"),
])
def test_a_body_in_capitals_is_named_whole(head: str, body: str) -> None:
    text = f"SÖRBY KOMMUN\n{head}\nPROTOKOLL\nSammanträdesdatum 2026-09-10\n\n§ 1 Upprop\n\nUpprop förrättades.\n"
    assert kdextract.parse(text, ner=False).meta.body == body


def test_ocr_repair_leaves_a_surname_particle_alone() -> None:
    text = ("Protokoll 2026-09-10\n\nBeslutande: Karin van der Linde (S), ordförande\nTariq bin Hamid (C)\n"
            "Anders vid 0lofsson (M)\n\n§ 1 Upprop\n\nUpprop förrättades.\n")
    doc = kdextract.parse(text, ner=False, ocr_repair=True)
    assert "Karin van der Linde" in [p.name for p in doc.people]


@pytest.mark.parametrize(("span", "end_day"), [("22.00–01.30", dt.date(2026, 5, 15)), ("13.00–12.00", dt.date(2026, 5, 14))])
def test_only_an_evening_range_ending_at_night_runs_past_midnight(span: str, end_day: dt.date) -> None:
    (found,) = kdextract.find_dates(f"den 14 maj 2026 kl. {span}")
    assert found.end_day == end_day
