"""Gaps of held-out batch 43 closed with general rules, each in our own words: a number between two words parts
them for the OCR repair's name context (a letterhead's unit beside its date), a past decision with its day before
'att', a procurement's last day and a start noun in a timetable's bullets, an estimate of a sum right after a time,
a state authority's decision in a protocol's background, a lone guillemet at a line's edge, and a heavily damaged
page that scores as another language's but shows OCR's own signs."""

from __future__ import annotations

import kdextract
from kdextract.text.ocr import NOT_SWEDISH, looks_damaged, repair
from kdextract.text.view import TextView


def test_letterhead_unit_beside_its_date_is_repaired() -> None:
    # a unit's name with several look-alikes, a date in its column, a capitalised word opening the next line
    text = ("LUNDBY KOMMUN                         PROTOKOLL\n"
            "Mi1j6f6rva1tningen                     2O11-O3-O4\n"
            "Anteckningar fran rnötet om hernsjukvarden\n")
    assert "Miljöförvaltningen" in repair(TextView.identity(text), force=True).text


def test_past_decision_with_its_day_before_att() -> None:
    text = ("Kommundirektörens rapport till kommunstyrelsen 2027-05-10\n\nNytt gruppboende\n"
            "Kommunfullmäktige beslöt den 12 april att bygga ett gruppboende med sex platser i Norrby.\n")
    assert [d.text for d in kdextract.parse(text, ner=False).decisions] == [
        "Kommunfullmäktige beslöt den 12 april att bygga ett gruppboende med sex platser i Norrby."]


_TIMETABLE = ("Tjänsteskrivelse\nDatum 2026-10-05\n\nTidplan\n"
              "•  Upphandlingen annonseras i vecka 44, 2026\n"
              "•  Sista anmälningsdag är den 4 december 2026\n"
              "•  Driftstart den 1 mars 2027, efter sportlovet\n"
              "•  Kursstart den 12 april 2027, vid terminens början\n")


def _deadlines(text: str) -> dict[str, str]:
    return {d.value: d.what for d in kdextract.parse(text, ner=False).deadlines}


def test_last_day_bullet_is_due_with_its_own_words() -> None:
    found = _deadlines(_TIMETABLE)
    assert "anmälningsdag" in found.get("2026-12-04", "").casefold(), found


def test_start_noun_opening_a_bullet_names_its_deadline() -> None:
    found = _deadlines(_TIMETABLE)
    assert found.get("2027-03-01") == "Driftstart", found
    assert found.get("2027-04-12") == "Kursstart", found  # a start compound that no cue list holds


def test_estimate_of_a_sum_right_after_its_time_is_no_deadline() -> None:
    text = ("Tjänsteskrivelse\nDatum 2026-03-02\n\nBakgrund\nKostnaden var 2,1 mnkr under 2025, och för i år "
            "beräknas den till 2 400 000 kr.\n")
    assert _deadlines(text) == {}


def test_state_authority_decision_in_a_protocol_is_background() -> None:
    text = ("Protokoll\nKultur- och fritidsnämnden\nSammanträdesdatum 2027-03-09\n\n§ 14 Läsfrämjande insatser\n\n"
            "Bakgrund\nSkolverket har beviljat kommunen 250 000 kronor för läsfrämjande insatser under 2027.\n\n"
            "Beslut\nNämnden godkänner planen för läsfrämjande insatser.\n")
    texts = [d.text for d in kdextract.parse(text, ner=False).decisions]
    assert not any("Skolverket" in t for t in texts), texts
    assert any("godkänner planen" in t for t in texts), texts


def test_lone_guillemet_before_a_column_gap_is_a_stray_mark() -> None:
    text = ("3.   Remiss om kollektivtrafiken                 Per Sand\n"
            "«    Svaret ska vara regionen tillhanda senast den 4 maj 2027.\n"
            "     Handlingar finns i kansliet.\n")
    view = repair(TextView.identity(text))
    assert "«" not in view.text and "     Svaret ska vara" in view.text
    # a quotation's marks and a list's "»" bullets stay
    quoted = "Projektet »Trygg i byn« fortsätter.\n"
    bullets = "»   Första punkten\n»   Andra punkten\n"
    assert repair(TextView.identity(quoted)).text == quoted
    assert repair(TextView.identity(bullets)).text == bullets


def test_heavily_damaged_swedish_page_is_repaired() -> None:
    # more than NOT_SWEDISH of its words unknown, but digits for letters inside words and å/ä/ö words damaged
    # throughout: OCR's damage, no other language
    text = ("Anteckningar fran rn6tet orn skolgarden\n\n"
            "Rektorn beratta4e orn planerna f6r den nya skolgarden. Arbetet ska vara k1art ti11 h6sten och "
            "kostnaden ar 1ag. Eleverna har fatt ta fram f6rs1ag pa 1ekredskap och de ska redovisa dern f6r "
            "kornrnunstyre1sen pa n4sta rn6te. Fastighetsf6rva1tningen ska b6rja rned att ta bort det garn1a "
            "staketet och sedan 1agga ny asfa1t vid ingangen. Vi ska ocksa titta pa bel6ysningen.\n")
    assert looks_damaged(text) >= NOT_SWEDISH
    repaired = repair(TextView.identity(text)).text
    assert "Fastighetsförvaltningen" in repaired and "på nästa möte" in repaired
