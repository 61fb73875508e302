"""Rules found missing by held-out batch 34 (tests/data/own_corpus34), each in our own words: a month range
after a verb and "till" ("renoveringen är planerad till mars–april 2028"), where the word before "till" used to
start a failed range match that swallowed the first month; "Ärende 3" alone on its
line over its title in a meeting portal's agenda (the title is the next line); an extract's certification run into
its flattened page footer ("… Rätt utdraget intygar Anna Berg, kommunsekreterare"); a memo's own date label
("Dokumentdatum:") in a case system's block over the day the board is to decide ("Datum för beslut:")."""

from __future__ import annotations

import pytest

import kdextract


@pytest.mark.parametrize(("text", "found"), [
    ("Renoveringen är planerad till mars–april 2028.", ("till mars–april 2028", "2028-03/2028-04")),
    ("Utställningen flyttas till oktober-november 2027.", ("till oktober-november 2027", "2027-10/2027-11")),
    ("Bygget pågår under augusti–september 2026.", ("under augusti–september 2026", "2026-08/2026-09")),
])
def test_month_range_after_till(text: str, found: tuple[str, str]) -> None:
    assert [(d.text, d.value) for d in kdextract.parse(text).dates] == [found]


def test_till_before_a_single_month_stays_one_month() -> None:
    dates = kdextract.parse("Mötet flyttas till maj 2027.").dates
    assert [(d.text, d.value) for d in dates] == [("till maj 2027", "2027-05")]


_PORTAL = """Kallelse – Kultur- och fritidsnämnden

Datum: tisdag 3 mars 2027
Plats: Stadshuset, rum Ugglan

{a}
Val av protokollsjusterare
Föredragande: Ordförande

{b}
Taxor för idrottshallar 2028
Föredragande: Fritidschef Lars Ek
Handlingar:
Tjänsteskrivelse taxor [PDF, 80 kB]

{c}
Bidrag till studieförbunden
Föredragande: Handläggare Sara Holm
"""


@pytest.mark.parametrize("words", [("Ärende 1", "Ärende 2", "Ärende 3"), ("Ärende 1.", "Ärende 2.", "Ärende 3."),
                                   ("Punkt 1", "Punkt 2", "Punkt 3"), ("§ 1", "§ 2", "§ 3")])
def test_item_word_alone_takes_the_next_line_as_title(words: tuple[str, str, str]) -> None:
    text = _PORTAL.format(a=words[0], b=words[1], c=words[2])
    sections = [s for s in kdextract.parse(text).sections if s.level == 1]
    assert [s.title for s in sections] == ["Val av protokollsjusterare", "Taxor för idrottshallar 2028",
                                           "Bidrag till studieförbunden"]


@pytest.mark.parametrize("under", ["tisdag 3 mars 2027", "Beslut:", "Ärende 4", "Nämnden beslutar att anta taxan."])
def test_item_word_alone_over_no_title_heads_nothing(under: str) -> None:
    text = f"Protokoll\n\nÄrende 3\n{under}\n\nNämnden har behandlat frågan vid två tillfällen under hösten.\n"
    assert all(s.start != text.index("Ärende 3") for s in kdextract.parse(text).sections)


@pytest.mark.parametrize("label", ["Rätt utdraget intygar", "Utdragsbestyrkande:", "Utdraget bestyrks"])
def test_extract_certifier_on_a_flattened_footer_line_is_the_author(label: str) -> None:
    text = ("EKBY KOMMUN PROTOKOLLSUTDRAG Kultur- och fritidsnämnden Sammanträdesdatum 2027-02-10 § 8 "
            "Bidrag till hembygdsföreningen Nämnden beslutar att bevilja bidraget.\n\n"
            f"Justerandes sign Protokollet justerat 2027-02-17 {label} Anna Berg, kommunsekreterare\n")
    assert kdextract.parse(text).meta.author == "Anna Berg"


def test_extract_certifier_on_its_own_lines_is_still_the_author() -> None:
    text = ("PROTOKOLLSUTDRAG Kultur- och fritidsnämnden Sammanträdesdatum 2027-02-10\n\n§ 8 Bidrag till föreningen\n\n"
            "Nämnden beslutar att bevilja bidraget.\n\nRätt utdraget intygar\nAnna Berg, kommunsekreterare\n")
    assert kdextract.parse(text).meta.author == "Anna Berg"


_CASE_MEMO = """Ärendenummer:      BUN 2027/44
Handläggare:       Per Lind, utredare
Beslutsinstans:    Barn- och utbildningsnämnden
Datum för beslut:  2027-06-01
{label}  2027-05-10

Ekby kommun
Utbildningsförvaltningen

TJÄNSTESKRIVELSE

Nya öppettider i fritidshemmen

Sammanfattning
Förvaltningen föreslår att fritidshemmen öppnar klockan 06.30 från hösten.
"""


@pytest.mark.parametrize("label", ["Dokumentdatum:   ", "Upprättad:       ", "Datum:           "])
def test_memo_own_date_label_wins_over_the_decision_date(label: str) -> None:
    meta = kdextract.parse(_CASE_MEMO.format(label=label)).meta
    assert (meta.kind, meta.date) == ("tjansteskrivelse", "2027-05-10")


def test_protocol_keeps_its_meeting_date_over_a_drawn_up_label() -> None:
    text = ("PROTOKOLL\nBarn- och utbildningsnämnden\nSammanträdesdatum: 2027-06-01\nUpprättad: 2027-06-04\n\n"
            "§ 12 Nya öppettider i fritidshemmen\n\nNämnden beslutar att anta förslaget.\n")
    meta = kdextract.parse(text).meta
    assert (meta.kind, meta.date) == ("protokoll", "2027-06-01")


def test_register_entry_date_label_is_no_memo_date() -> None:
    text = ("EKBY KOMMUN\nSocialnämnden\n\nANMÄLAN AV DELEGATIONSBESLUT\nPeriod: 2027-03-01 – 2027-03-31"
            "                    Upprättad: 2027-04-07\n\nNr 2027:12\nDatum: 2027-03-04\nÄrende: Bistånd i form av"
            " ledsagning\nBeslut: Bifall\n\nNr 2027:13\nDatum: 2027-03-11\nÄrende: Avgift för hemtjänst\n")
    assert kdextract.parse(text).meta.date == "2027-04-07"
