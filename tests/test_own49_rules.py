"""Rules found missing by held-out batch 49 (tests/data/own_corpus49, full-length minutes with cover pages, a long
föredragningslista and short extracts), each in our own words: a standalone anslagsbevis is no protocol and is
dated by its posting day, a notice's chair who signs above its agenda is its author, an agenda item's number before
"Borgen för <company>" opens no company name, and a proposal label at a line's end takes the "att"-clause below."""

from __future__ import annotations

import kdextract

_ANSLAGSBEVIS = """ÅBYGDENS KOMMUN
Tekniska nämnden

ANSLAGSBEVIS

Justeringen av tekniska nämndens protokoll har kungjorts på anslagstavlan.

Organ                          Tekniska nämnden
Sammanträdesdatum              2027-03-03
Paragrafer                     §§ 12–19
Anslaget sätts upp             2027-03-09
Anslaget tas ned               2027-03-31

Intygar

Petra Loviksdal
nämndsekreterare
"""


def test_a_standalone_anslagsbevis_is_no_protocol_and_dated_by_its_posting() -> None:
    meta = kdextract.parse(_ANSLAGSBEVIS).meta
    assert meta.kind == "other"
    assert meta.date == "2027-03-09"


def test_a_protocol_with_a_bevis_om_anslag_heading_stays_a_protocol() -> None:
    text = ("ÅBYGDENS KOMMUN        SAMMANTRÄDESPROTOKOLL\nTekniska nämnden       2027-03-03\n\n"
            "BEVIS OM ANSLAG\nAnslaget sätts upp 2027-03-09\n\n§ 12  Val av justerare\n"
            "Nämnden utser Per Hallvik att justera protokollet.\n")
    assert kdextract.parse(text).meta.kind == "protokoll"


_CULTURE_ITEMS = ("Val av justerare", "Godkännande av dagordningen", "Ekonomisk uppföljning per mars",
                  "Bidrag till studieförbunden 2027", "Konstnärlig gestaltning vid Ekbyskolan", "Biblioteksplan 2028–2031",
                  "Föreningsbidrag till hembygdsföreningarna", "Sommarlovsaktiviteter 2027", "Taxor för kulturskolan",
                  "Redovisning av delegationsbeslut", "Meddelanden")


def test_the_chair_signing_above_a_long_agenda_is_the_notices_author() -> None:
    items = "".join(f"{i}    {title}\n     Handlingar bifogas.\n     Förvaltningen föredrar ärendet.\n\n"
                    for i, title in enumerate(_CULTURE_ITEMS, 1))
    text = ("ÅBYGDENS KOMMUN                         KALLELSE\nKulturnämnden                           2027-04-06\n\n"
            "Kulturnämnden kallas till sammanträde tisdagen den 13 april 2027 kl. 15.00 i Ekbyrummet.\n"
            "Förhinder anmäls till nämndsekreterare Jonas Åkervall senast fredagen den 9 april.\n\n"
            "Maria Stenbrott\nOrdförande\n\nFÖREDRAGNINGSLISTA\n\n" + items
            + "Nästa sammanträde hålls den 11 maj 2027.\n\nJonas Åkervall\nNämndsekreterare\n")
    assert kdextract.parse(text).meta.author == "Maria Stenbrott"


def test_an_agenda_items_number_and_a_title_noun_open_no_company_name() -> None:
    text = ("FÖREDRAGNINGSLISTA\n\n10   Val av justerare                                  Ordföranden\n\n"
            "11   Borgen för Åbygdens Vatten AB                     Eva Holmlid\n"
            "     Bolaget vill låna 20 mnkr.\n")
    names = [o.name for o in kdextract.parse(text).organisations]
    assert "Åbygdens Vatten AB" in names
    assert not any(n.startswith("Borgen") for n in names)


def test_a_proposal_label_ending_its_line_takes_the_att_clause_below() -> None:
    text = ("1. Bokslut 2026\n\nÅret slutade med ett överskott om 2 mnkr. Förslag till beslut:\n"
            "att godkänna bokslutet för 2026.\n\n2. Meddelanden\n\nInga meddelanden.\n")
    texts = [" ".join(d.text.split()) for d in kdextract.parse(text).decisions]
    assert any("att godkänna bokslutet" in t for t in texts), texts
