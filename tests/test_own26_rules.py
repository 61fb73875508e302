"""Rules found missing by held-out batch 26 (tests/data/own_corpus26), each in our own words: a case number
with a six-digit serial and a register's letters; a sum set off by ":–" with an en dash; a letter with a mark that
a fax printed as "?"; a notice dated in its head before its meeting; flattened titles around a facility's name and
before a document "från" its sender; an agenda interleaved with the members' column; names stacked over titles in
a notice's signature; Allmänna arvsfonden."""

from __future__ import annotations

import kdextract
from kdextract.text.ocr_marks import lost_mark_repairs

EXTRACT = """EKBY KOMMUN
PROTOKOLLSUTDRAG
Tekniska nämnden
Sammanträdesdatum 2027-02-11

TN § 18        Dnr 2027/000093-TN

Nya taxor för hamnen

Ärendet
Hamnen har i dag samma taxa som år 2020. Förvaltningen föreslår en höjning.

Beslut
Tekniska nämnden beslutar att anta förvaltningens förslag till taxa.
"""


def test_a_case_number_with_a_six_digit_serial_and_a_register_suffix_is_the_items_dnr() -> None:
    doc = kdextract.parse(EXTRACT)
    assert doc.meta.diarienummer == "2027/000093-TN"
    assert [s.title for s in doc.sections if s.level == 1] == ["Nya taxor för hamnen"]


def test_a_six_digit_serial_alone_is_a_case_number_too() -> None:
    doc = kdextract.parse(EXTRACT.replace("2027/000093-TN", "KS 2027/000093"))
    assert doc.meta.diarienummer == "KS 2027/000093"


def test_a_sum_set_off_by_colon_and_en_dash_is_kronor() -> None:
    found = [(a.text, int(a.value), a.currency) for a in kdextract.find_amounts("Avgiften blir 2 400:– per säsong.")]
    assert found == [("2 400:–", 2400, "SEK")]
    assert [int(a.value) for a in kdextract.find_amounts("Hyran är 850,– i månaden.")] == [850]


FAX = """Ekby kommun
Tekniska kontoret

MINNESANTECKNINGAR
M?te om gatubelysningen, 2005-03-08

N?rvarande: Sven Bj?rk, gatuchef
            Eva Lund, elektriker

1. L?get
Armaturerna byts under h?sten. Fler lampor ska s?ttas upp l?ngs ?sv?gen.

2. ?vrigt
Vad kostar det? Ingen vet.

Vid anteckningarna
Eva Lund
"""


def test_a_question_mark_inside_a_word_is_the_lost_letter_of_a_listed_word() -> None:
    text = "Vi tr?ffas p? m?ndag och l?ser igenom ?rendet."
    assert [new for _, _, new, _ in lost_mark_repairs(text)] == ["träffas", "på", "måndag", "läser", "ärendet"]


def test_a_question_mark_that_ends_a_question_stays() -> None:
    assert lost_mark_repairs("Vad kostar det? Ingen vet. Hur? Se sidan.php?id=4 och fr?ga.") == [
        (54, 59, "fråga", "ocr: fr?ga -> fråga")]


def test_a_fax_with_lost_letters_reads_as_its_words() -> None:
    doc = kdextract.parse(FAX)
    assert [s.title for s in doc.sections if s.level == 1] == ["Läget", "Övrigt"]
    assert {p.name for p in doc.people} >= {"Sven Björk", "Eva Lund"}
    assert any(d.value == "2005-FA" for d in doc.dates)


NOTICE = """EKBY KOMMUN
KALLELSE
Miljönämnden
2027-01-15
Tid: Onsdagen den 27 januari 2027 kl. 13.00
Plats: Kommunhuset, sal Björken
Ärenden
Ledamöter
1. Val av justerare
Eva Berg (M), ordförande
2. Tillsynsplan 2027
Per Ek (S)

Eva Berg
Ordförande
"""


def test_a_notice_dated_in_its_head_before_the_meeting_takes_that_day() -> None:
    assert kdextract.parse(NOTICE).meta.date == "2027-01-15"


def test_a_notice_without_an_earlier_day_keeps_its_meeting_day() -> None:
    assert kdextract.parse(NOTICE.replace("2027-01-15\n", "")).meta.date == "2027-01-27"


FLAT = ("EKBY KOMMUN SAMMANTRÄDESPROTOKOLL Sida 1 av 1 Socialnämnden Sammanträdesdatum 2027-03-02 "
        "§ 20 Val av justerare Nämnden utser Eva Berg att justera protokollet. "
        "§ 21 Dnr SN 2027/12 Ombyggnad av äldreboendet Lindgården i Åby Äldreboendet Lindgården har i dag "
        "tre avdelningar. Förvaltningen föreslår en fjärde. Beslut Socialnämnden beslutar att godkänna förslaget. "
        "§ 22 Meddelanden Yttrande från Länsstyrelsen 2027-02-10 läggs till handlingarna. "
        "Vid protokollet Per Ek Justeras Eva Berg\n")


def test_a_flat_title_ends_before_a_definite_noun_its_name_and_a_verb() -> None:
    titles = _titles(FLAT)
    assert "Ombyggnad av äldreboendet Lindgården i Åby" in titles


def test_a_flat_title_ends_before_a_common_noun_its_phrase_and_a_verb() -> None:
    assert _titles(FLAT)[-1] == "Meddelanden"


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


def test_the_inheritance_fund_is_a_national_body() -> None:
    doc = kdextract.parse("Ekby kommun\n\nKlubben har fått 300 000 kr från Allmänna arvsfonden till sitt nya projekt.\n")
    assert "Allmänna arvsfonden" in [o.name for o in doc.organisations]


INTERLEAVED = """EKBY KOMMUN
KALLELSE
Byggnadsnämnden
2027-04-02
Tid: Tisdagen den 13 april 2027 kl. 18.00
Plats: Kommunhuset, sal Linden
Föredragningslista
Ledamöter
1. Val av justerare
Åsa Lind (C), ordförande
2. Detaljplan för Norra hamnen
Per Öberg (S), vice ordförande
Planen har varit på granskning under mars.
Dnr BN 2027/31
Lena Dahl (M)
3. Tillsyn av hissar
Ersättare
Föredragande: bygglovschef Kim Ek
Ove Sund (KD)
4. Meddelanden
"""


def test_an_agenda_interleaved_with_the_members_column_keeps_its_items() -> None:
    assert _titles(INTERLEAVED) == ["Val av justerare", "Detaljplan för Norra hamnen", "Tillsyn av hissar",
                                    "Meddelanden"]


def test_a_notice_signed_with_names_stacked_over_their_titles_is_the_chairs() -> None:
    text = ("EKBY KOMMUN\nKALLELSE\nMiljönämnden\n2027-01-15\nTid: Onsdagen den 27 januari 2027 kl. 13.00\n\n"
            "1. Val av justerare\n2. Tillsynsplan 2027\n\nFörhinder anmäls till sekreteraren.\n"
            "Maja Holm\nKim Berg\nOrdförande\nSekreterare\n")
    assert kdextract.parse(text).meta.author == "Maja Holm"
    assert kdextract.parse(text.replace("Ordförande\nSekreterare", "Sekreterare\nOrdförande")).meta.author == "Kim Berg"


def test_a_flat_title_may_end_in_a_facilitys_noun_before_a_sentence() -> None:
    from kdextract.layout.items import title_end

    text = "Ny matsal på Norra skolan Rektorn har beställt ritningar."
    assert text[:title_end(text, 0, len(text))] == "Ny matsal på Norra skolan"
    named = "Ombyggnad av skolan Ekbacken i Åby Skolan Ekbacken har i dag fyra klasser."
    assert named[:title_end(named, 0, len(named))] == "Ombyggnad av skolan Ekbacken i Åby"
