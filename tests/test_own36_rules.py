"""Rules found missing by held-out batch 36 (tests/data/own_corpus36), each in our own words: a vote's
"beslutar … enligt …" under another subheading of an item whose "Beslut" block holds the decision; an appointment with the appointee before 'till' ('har utsett X till');
a body that hands a matter on without a proposal of its own ('överlämnar ärendet … utan eget förslag')."""

from __future__ import annotations

import kdextract

_VOTED_ITEM = """PROTOKOLL
Byggnadsnämnden
2027-03-09

§ 12 Ny taxa för bygglov

Bakgrund
Taxan har inte räknats om sedan 2019.

Yrkanden
Eva Holm (S) yrkar bifall till förslaget. Per Lindvret (M) yrkar avslag.

Votering
Ordföranden ställer förslagen mot varandra och finner att nämnden beslutar enligt Eva Holms yrkande.
Med 6 röster mot 3 beslutar nämnden enligt Eva Holms yrkande.

Beslut
Byggnadsnämnden antar den nya taxan för bygglov att gälla från den 1 maj 2027.
"""


def test_a_vote_as_proposed_under_yrkanden_is_no_decision_of_its_own() -> None:
    texts = [d.text for d in kdextract.parse(_VOTED_ITEM).decisions]
    assert len(texts) == 1 and "antar den nya taxan" in texts[0]


def test_an_appointment_with_its_appointee_before_till_is_a_decision() -> None:
    text = "Rapport\n\nRegionens kollektivtrafiknämnd har utsett Jonas Berg till ny trafikdirektör från den 1 april.\n"
    texts = [d.text for d in kdextract.parse(text).decisions]
    assert any("utsett Jonas Berg" in t for t in texts)


_HANDED_ON = """PROTOKOLL
Kommunstyrelsens arbetsutskott
2027-02-01

§ 7 Yttrande över trafikplan
Beredningen överlämnar ärendet till kommunstyrelsen utan eget förslag till beslut.

§ 8 Övriga frågor
Inga övriga frågor.
"""


def test_a_matter_handed_on_without_a_proposal_is_a_decision_in_minutes() -> None:
    texts = [d.text for d in kdextract.parse(_HANDED_ON).decisions]
    assert any("utan eget förslag" in t for t in texts)


_PORTAL = """Hoppa till innehåll   Meny   Sök
Start > Politik > Sammanträden > Byggnadsnämnden

Dagordning – byggnadsnämnden 10 mars 2027
Publicerad: 3 mars 2027   Senast uppdaterad: 5 mars 2027

Ekby kommun
Byggnadsnämnden sammanträder onsdag 10 mars 2027 klockan 18.00 i stadshuset.

Ärenden
1. Val av justerare
2. Bygglov för förskola
3. Meddelanden
"""


def test_a_portals_publication_and_update_line_heads_nothing_and_keeps_both_days() -> None:
    doc = kdextract.parse(_PORTAL)
    titles = [s.title for s in doc.sections if s.level == 1]
    assert titles[0] == "Val av justerare" or titles[:2] == ["Ärenden", "Val av justerare"], titles
    days = {(_PORTAL[d.start:d.end], d.value) for d in doc.dates}
    assert {("3 mars 2027", "2027-03-03"), ("5 mars 2027", "2027-03-05")} <= days
