"""Rules found missing by held-out batch 24 (tests/data/own_corpus24), each in our own words: a newsletter's
heading dated with a colon or a dash; a memo's known heading set tight between paragraphs of PDF text; an agenda
line's right-aligned page reference."""

from __future__ import annotations

import kdextract


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


NEWSLETTER = """Ekby kommun
KOMMUNDIREKTÖRENS RAPPORT
Till kommunstyrelsen 2027-03-25

3 mars: Ny skolchef
Lina Berg har börjat som skolchef. Hon kommer från en tjänst som rektor.

11 mars – Nytt avtal om skolmat
Kommunen har tecknat avtal om lunch till sex skolor från den 1 augusti.

19 mars: Bygget av sporthallen
Sporthallen i Åbacka blir klar i oktober, två veckor efter tidplanen.

Per Lund
Kommundirektör
"""


def test_a_newsletters_heading_dated_with_a_colon_or_a_dash_is_titled_without_its_date() -> None:
    assert _titles(NEWSLETTER) == ["Ny skolchef", "Nytt avtal om skolmat", "Bygget av sporthallen"]


def test_a_count_before_a_colon_is_no_date_of_a_heading() -> None:
    text = "Ekby kommun\n\n12 platser: Fritidsgården\nFritidsgården har öppet varje kväll hela veckan för alla.\n"
    assert "Fritidsgården" not in _titles(text)


TIGHT_MEMO = """Ekby kommun                                  TJÄNSTESKRIVELSE
Tekniska förvaltningen                       2027-02-08

Ny belysning i Åbackaparken
Förslag till beslut
Tekniska nämnden godkänner att belysningen i parken byts ut under våren.
Ärendebeskrivning
Belysningen är över trettio år gammal och flera stolpar har rostat sönder.
Förvaltningen har låtit en konsult inventera hela parken.
Ekonomiska konsekvenser
Arbetet beräknas kosta 640 000 kronor och ryms i årets investeringsbudget.
"""


def test_a_memos_known_headings_set_tight_in_pdf_text_head_its_parts() -> None:
    assert _titles(TIGHT_MEMO) == ["Förslag till beslut", "Ärendebeskrivning", "Ekonomiska konsekvenser"]


def test_a_known_heading_after_a_line_that_runs_on_stays_prose() -> None:
    text = TIGHT_MEMO.replace("Ny belysning i Åbackaparken\n", "Belysningen i Åbackaparken har länge varit dålig och\n")
    assert "Förslag till beslut" not in _titles(text)


AGENDA = """EKBY KOMMUN                                                  KALLELSE
Fritidsnämnden                                             2027-04-20

Ärenden

 1  Val av justerare
 2  Uppföljning av fritidsgårdarnas verksamhet 2026        Bilaga 1, sid 2–5
 3  Svar på motion om en ny spontanidrottsplats vid
    Åbackaskolan                                                   Bilaga 2
 4  Redovisning av delegationsbeslut                             sid 6–9
 5  Meddelanden                                                    sid 10
 6  Förvaltningschefens information

Eva Lund
Ordförande
"""


def test_an_agenda_lines_right_aligned_page_reference_is_no_part_of_its_title() -> None:
    titles = _titles(AGENDA)
    assert titles[3:5] == ["Redovisning av delegationsbeslut", "Meddelanden"]


def test_a_wrapped_agenda_titles_rest_stops_at_its_reference_column() -> None:
    assert _titles(AGENDA)[2] == "Svar på motion om en ny spontanidrottsplats vid Åbackaskolan"


ATTENDANCE = """EKBY KOMMUN
Kommunala pensionärsrådet

PROTOKOLL 2027-05-11

Närvarande                          Representerar
Eva Lund, ordförande                Kommunstyrelsen
Olle Berg                           PRO Västra
Stina Holm                          SPF Seniorerna Ekvik
Karl Ek                             RTP

§ 1 Mötets öppnande
Ordföranden öppnade mötet.
"""


def _organisations(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text).organisations]


def test_a_listed_association_with_a_word_that_fills_a_column_cell_is_its_local_branch() -> None:
    names = _organisations(ATTENDANCE)
    assert "PRO Västra" in names and "SPF Seniorerna Ekvik" in names
    assert "Seniorerna Ekvik" not in [p.name for p in kdextract.parse(ATTENDANCE).people]


def test_rtp_is_a_known_association() -> None:
    assert "RTP" in _organisations(ATTENDANCE)


def test_in_prose_a_capital_after_a_listed_association_is_no_branch() -> None:
    text = "Ekby kommun\n\nPå mötet berättade PRO Lisa Ek om resan. Alla var nöjda med dagen och maten.\n"
    assert "PRO Lisa" not in _organisations(text)


def test_an_upphandlare_after_the_handlaggare_label_is_the_memos_author() -> None:
    text = ("Ekby kommun   TJÄNSTESKRIVELSE\nHandläggare: Lisa Ek, upphandlare     Dnr KS 2027/12\n\nKommunstyrelsen\n\n"
            "Nytt avtal om städning\n\nFörslag till beslut\nKommunstyrelsen tecknar avtalet.\n")
    assert kdextract.parse(text).meta.author == "Lisa Ek"


SCANNED = """EKBY KOMMUN                             SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen                         1996-05-14

Beslutande         Gustav Berg (s), ordförande
                   lda Wallin (m)
                   Karin Ek (c)

§ 12   Bidrag till bygdegården
Föreningen har ansökt orn bidrag för att rnåla om bygdegården. Kom-
munstyrelsen beslutar att bevilja ett bidrag om 15 000 kr ti1l föreningen.
Arbetet ska vara klart före den 1 septernber 1996 enligt ansökan.
"""


def test_a_capital_i_read_as_l_before_a_surname_is_the_given_name() -> None:
    assert "Ida Wallin" in [p.name for p in kdextract.parse(SCANNED).people]


def test_a_role_after_a_comma_stops_at_a_right_hand_column() -> None:
    text = ("Ekby kommun                                      TJÄNSTESKRIVELSE\n"
            "Handläggare: Lisa Ek, utredare         Dnr KS 2027/12\n\nKommunstyrelsen\n\nNytt avtal\n\n"
            "Förslag till beslut\nKommunstyrelsen tecknar avtalet.\n")
    assert [(p.name, p.role) for p in kdextract.parse(text).people] == [("Lisa Ek", "utredare")]
