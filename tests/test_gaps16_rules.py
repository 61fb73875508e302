"""General gaps left open by held-out batches 18 and 20 (see their READMEs), each rule in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract
from kdextract.layout.cut_titles import cut_title_edits
from kdextract.parsers.dates import find_dates

AUTUMN = dt.date(2026, 11, 4)


def _dates(text: str, reference: dt.date = AUTUMN) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, reference=reference)]


# --- a year-less date after a planned date with its year: the plan goes forward ---------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Anmälan till kursen tas emot till den 20 april 2027. Antagningsbesked kommer vecka 19.",
     ("vecka 19", "2027-W19")),
    ("Bygget startar den 10 februari 2027 och lokalerna lämnas över i maj.", ("i maj", "2027-05")),
])
def test_a_year_less_date_after_a_planned_date_takes_its_year(text: str, want: tuple[str, str]) -> None:
    assert want in _dates(text)


@pytest.mark.parametrize(("text", "want"), [
    # a record: the written date lies before the reference
    ("Föreningen bildades den 12 mars 2019. Årsmötet hålls i maj.", ("i maj", "2026-05")),
    # the reference's year already puts the date after the written one
    ("Ansökan stänger den 15 januari 2027. Besked lämnas vecka 6.", ("vecka 6", "2027-W06")),
    # a date still ahead of the reference keeps the reference's year
    ("Skolvalet stänger 2027-01-31. Rektorerna informerar till och med vecka 50.", ("till och med vecka 50", "2026-W50")),
    # the written year puts it before the written date as well: no forward plan
    ("Avtalet gäller till den 31 december 2028. Uppföljning sker i mars.", ("i mars", "2027-03")),
])
def test_a_year_less_date_keeps_the_references_year_elsewhere(text: str, want: tuple[str, str]) -> None:
    assert want in _dates(text)


# --- a span from a holiday to a month ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Badplatsen har vakt mellan midsommar och mitten av augusti.",
     [("mellan midsommar och mitten av augusti", "2027-06/2027-08")]),
    ("Caféet håller öppet från påsk till slutet av september 2027.",
     [("från påsk till slutet av september 2027", "2027-03/2027-09")]),
    ("Isbanan spolas mellan jul och februari.", [("mellan jul och februari", "2026-12/2027-02")]),
])
def test_a_span_from_a_holiday_to_a_month_is_one_period(text: str, want: list[tuple[str, str]]) -> None:
    assert _dates(text) == want


# --- a running header inside a sentence ----------------------------------------------------------------------------

CUT_SENTENCE = """NORRVIKS KOMMUN
Tekniska nämnden
PROTOKOLL
Sammanträdesdatum 2026-10-06

§ 41 Dnr TN 2026/77

Upprustning av Hamnbadet

Ärendebeskrivning
Bryggorna vid Hamnbadet är i dåligt skick och behöver bytas. Arbetet
upphandlas under vintern och entreprenören ska ha lämnat över bryggorna senast den

NORRVIKS KOMMUN          Sammanträdesprotokoll          Sida 2 (2)
Tekniska nämnden         2026-10-06

15 maj 2027. Kostnaden beräknas till 900 000 kronor.

Beslut
Tekniska nämnden godkänner upprustningen.
"""


def test_a_running_header_inside_a_sentence_leaves_its_deadline_whole() -> None:
    doc = kdextract.parse(CUT_SENTENCE)
    assert [d.value for d in doc.deadlines if "bryggorna" in d.text] == ["2027-05-15"]


@pytest.mark.parametrize(("second_half", "joined"), [
    ("15 maj 2027. Kostnaden beräknas till 900 000 kronor.", True),
    ("efter att nämnden har godkänt ritningarna.", True),
    ("Kostnaden beräknas till 900 000 kronor.", False),  # a new sentence: the line above is no cut one
])
def test_a_sentence_cut_by_a_running_header_is_joined_over_it(second_half: str, joined: bool) -> None:
    text = CUT_SENTENCE.replace("15 maj 2027. Kostnaden beräknas till 900 000 kronor.", second_half)
    edits = cut_title_edits(text)
    cut = text.index("senast den") + len("senast den")
    assert edits == ([(cut, text.index(second_half), "\n", "running header inside a sentence")] if joined else [])


# --- a body named for its county -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Planen har tagits fram tillsammans med Uppsala läns kommunförbund.", ("Uppsala läns kommunförbund", "cooperation")),
    ("Bidrag söks hos Västra Götalands läns idrottsförbund i vår.",
     ("Västra Götalands läns idrottsförbund", "association")),
    ("Rådgivningen sköts av Gotlands läns hushållningssällskap.",
     ("Gotlands läns hushållningssällskap", "association")),
])
def test_a_body_named_for_its_county_is_kept_whole(text: str, want: tuple[str, str]) -> None:
    assert [(o.name, o.kind) for o in kdextract.parse(text).organisations] == [want]
