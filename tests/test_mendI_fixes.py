"""Fixes of review 22's findings 2, 4, 5 and 28 (layout, people, OCR repair), each in its own words."""

from __future__ import annotations

import kdextract


def _sections(text: str) -> list[tuple[str | None, str, int]]:
    return [(s.number, s.title, s.level) for s in kdextract.parse(text, ner=False).sections]


def test_item_sign_opening_each_page_keeps_its_number() -> None:
    """Minutes that start each paragraph on a new page ('\\f§ 8'): the item number is no page number, so the
    bare '§ N' lines are not blanked as a running header that recurs on every page."""
    text = ("Tekniska nämnden\nProtokoll\n2025-11-04\n\n§ 7\nGatubelysning\n\nNämnden beslutar att byta armaturer.\n"
            "\f§ 8\nVinterväghållning\n\nNämnden godkänner planen.\n\f§ 9\nAnmälningar\n\nInga anmälningar.\n")
    assert _sections(text) == [("§ 7", "Gatubelysning", 1), ("§ 8", "Vinterväghållning", 1),
                               ("§ 9", "Anmälningar", 1)]


def test_form_feeds_of_text_input_number_the_pages() -> None:
    """A text transcript with form feeds between its pages: each record says the page it stands on."""
    text = ("Tekniska nämnden\nProtokoll\n2025-11-04\n\n§ 7\nGatubelysning\n\nNämnden anslår 1 mkr.\n"
            "\f§ 8\nVinterväghållning\n\nNämnden anslår 4 mkr.\n")
    doc = kdextract.parse(text, ner=False)
    assert [(a.text, a.page) for a in doc.amounts] == [("1 mkr", 1), ("4 mkr", 2)]
    assert kdextract.parse(text.encode(), ner=False).amounts[1].page == 2


def _people(text: str) -> list[str]:
    return [p.name for p in kdextract.parse(text, ner=False).people]


def test_member_named_before_party_and_verb_is_a_person_whatever_the_given_name() -> None:
    """'<Förnamn Efternamn> (V) yrkar …': the party in brackets and the member's verb are the evidence, so a given
    name outside the list (Ardita, Tuva-Li) still names a person; a party's own name before a bracket does not."""
    head = "Barn- och utbildningsnämnden\nProtokoll\n2025-09-16\n\n§ 31\nMotion om skolgårdar\n\n"
    assert _people(head + "Ardita Shala (V) yrkar avslag på motionen.\n") == ["Ardita Shala"]
    assert _people(head + "Tuva-Li Norrby (MP) reserverar sig mot beslutet.\n") == ["Tuva-Li Norrby"]
    assert _people(head + "Vänsterpartiet (V) yrkar avslag på motionen.\n") == []
    assert _people(head + "Motionären Ardita Shala (V) föreslår fler träd.\n") == ["Ardita Shala"]


def test_attendance_entry_with_party_keeps_a_third_name_that_is_also_a_place() -> None:
    """'Ardita Berg Mora (C)' in an attendance list: the party follows, so 'Mora' is the last surname, not the
    municipality the member comes from."""
    text = ("Barn- och utbildningsnämnden\nProtokoll\n2025-09-16\n\nNärvarande: Ardita Berg Mora (C), Örjan Åhs (V)\n"
            "\n§ 31\nMotion om skolgårdar\n\nText.\n")
    assert "Ardita Berg Mora" in _people(text)


def test_flattened_protocol_short_surname_before_item_sign_stays_the_secretarys() -> None:
    """Line breaks lost: '… Sekreterare Mona Ås § 12 Dnr …'. 'Ås' follows a given name, so it is Mona Ås's surname,
    not a committee prefix of the item ('Ås § 12'); the item is '§ 12' and the secretary stays an attendee."""
    text = ("Miljö- och byggnämnden Protokoll Plats och tid Stadshuset, 2025-05-20 kl. 09.00-11.00 Beslutande Ola Sjö "
            "(M), ordförande Utses att justera Lars Nyberg Paragrafer 12-14 Sekreterare Mona Ås § 12 Dnr MBN 2025/77 "
            "Tillsynsplan för livsmedel Nämnden beslutar att anta tillsynsplanen.")
    doc = kdextract.parse(text, ner=False)
    assert [s.number for s in doc.sections] == ["§ 12"]
    assert ("Mona Ås", "sekreterare") in [(a.name, a.role) for a in doc.meetings[0].attendees]


def test_ocr_zero_opening_a_place_name_keeps_the_capital_and_f0r_reads_for() -> None:
    """A damaged scan's title 'Stöd f0r 0rebro föreningar': the '0' that opens a listed place name has a capital's
    shape, so the repair gives 'Örebro', not 'örebro'; 'f0r' is the far more frequent 'för', not English 'for'."""
    text = ("Kultur- och fritidsnämnden\nProtoko11 2025-10-07\n\n§ 5 Dnr KFN 2025/31\nStöd f0r 0rebro föreningar\n\n"
            "Nämnden beslutar att bevi1ja stödet ti11 föreningarna.\n")
    doc = kdextract.parse(text, ner=False, ocr_repair=True)
    assert [s.title for s in doc.sections] == ["Stöd för Örebro föreningar"]
