"""Rules found missing by held-out batch 40 (tests/data/own_corpus40), each in our own words: a weekday counted
from an event is no date of the reference's week, a wrapped sentence's last line ending in "… beslut." heads no
decision block, a care area named in the coordinated shape is a unit, and "kungörs" on a later date is due."""

from __future__ import annotations

import kdextract


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in kdextract.parse(text).dates]


def test_weekday_before_the_meeting_is_no_date() -> None:
    text = "Kallelse 2027-03-11\n\nAnmäl förhinder till sekreteraren senast tisdagen före sammanträdet.\n"
    found = _dates(text)
    assert not [t for t, _ in found if "tisdag" in t]
    assert ("2027-03-11", "2027-03-11") in found, found  # the kallelse's own date is read


def test_weekday_after_an_event_is_no_date() -> None:
    text = "Protokoll 2027-03-11\n\nProtokollet justeras fredagen efter mötet i kommunhuset.\n"
    found = _dates(text)
    assert not [t for t, _ in found if "fredag" in t]
    assert ("2027-03-11", "2027-03-11") in found, found  # the protocol's own date is read


def test_weekday_alone_stays_relative() -> None:
    text = "Kallelse 2027-03-11\n\nAnmäl förhinder senast tisdag till sekreteraren.\n"
    assert ("senast tisdag", "2027-03-16") in _dates(text)


def _decisions(text: str) -> list[str]:
    return [d.text for d in kdextract.parse(text).decisions]


def test_wrapped_line_ending_in_beslut_heads_no_block() -> None:
    text = ("§ 8  Ny idrottshall\n"
            "Beslut\n"
            "Nämnden beslutar att begära medel och att förvaltningen redovisar en tidplan efter\n"
            "regionstyrelsens beslut.\n"
            "Beslutet skickas till: Regionstyrelsen, Ekonomienheten\n")
    found = _decisions(text)
    assert not [d for d in found if d.startswith("Beslutet skickas till")]
    assert any("begära medel" in d for d in found)


def test_lower_case_beslut_line_after_blank_still_heads() -> None:
    text = ("§ 9  Taxa\n"
            "\n"
            "beslut.\n"
            "Nämnden antar taxan för tillsyn enligt förvaltningens förslag.\n")
    assert any("antar taxan" in d for d in _decisions(text))


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text).organisations]


def test_coordinated_care_area_is_a_unit() -> None:
    text = "Ekby kommun\n\nExpedieras: Missbruks- och beroendeomsorgen, Kansliet\n\nHandläggs av äldre- och handikappomsorgen.\n"
    names = [n.lower() for n in _orgs(text)]
    assert "missbruks- och beroendeomsorgen" in names
    assert "äldre- och handikappomsorgen" in names


def test_plain_care_compound_is_no_unit() -> None:
    text = "Ekby kommun\n\nKostnaderna inom äldreomsorgen ökar under året.\n"
    assert not [n for n in _orgs(text) if "omsorg" in n.lower()]
    names = _orgs("Ekby kommun\n\nKostnaderna inom äldreomsorgen ökar under året, meddelar Socialnämnden.\n")
    assert names == ["Socialnämnden"], names  # the board beside it is read, the care compound is not


def test_kungors_on_a_later_date_is_due() -> None:
    text = "Beslutsdatum 2027-02-01\n\nDetaljplanen kungörs på kommunens anslagstavla den 15 februari 2027.\n"
    deadlines = kdextract.parse(text).deadlines
    assert [d.value for d in deadlines] == ["2027-02-15"]


def test_plain_care_compound_after_a_genitive_is_no_unit() -> None:
    text = "Ekby kommun\n\nSatsningen Morgondagens hemomsorg startar i vår med tre nya team.\n"
    doc = kdextract.parse(text)
    assert not [o.name for o in doc.organisations if "omsorg" in o.name.lower()]
    assert [p.name for p in doc.projects] == ["Morgondagens hemomsorg"]  # the initiative's name is read as one
