"""Rules found missing by held-out batch 41 (tests/data/own_corpus41), each in our own words: a month name or a
unit of money damaged by a look-alike letter ("rnaj", "ju1i", "rnkr") is read back in a page otherwise read well."""

from __future__ import annotations

import kdextract

_WELL_READ = ("Protokoll 2027-02-03\n\nFörvaltningen har sett över skötseln av parkerna och föreslår att arbetet "
              "med de nya planteringarna börjar i {month} 2027. Kostnaden beräknas till 2,4 {unit} för hela året, "
              "vilket ryms inom budgeten för parkenheten.\n")


def _parsed(month: str, unit: str) -> kdextract.Document:
    return kdextract.parse(_WELL_READ.format(month=month, unit=unit))


def test_month_with_rn_for_m_is_read() -> None:
    doc = _parsed("rnaj", "mnkr")
    assert "2027-05" in [d.value for d in doc.dates]


def test_month_with_one_for_l_is_read() -> None:
    doc = _parsed("ju1i", "mnkr")
    assert "2027-07" in [d.value for d in doc.dates]


def test_unit_with_rn_for_m_is_read() -> None:
    doc = _parsed("maj", "rnkr")
    assert 2_400_000 in [a.value for a in doc.amounts]


def test_listed_words_stay() -> None:
    doc = kdextract.parse("Protokoll 2027-02-03\n\nMarsipan och hjärnmars stod på bordet; kornmarken ligger i träda.\n")
    assert not [d for d in doc.dates if d.value == "2027-03"]
