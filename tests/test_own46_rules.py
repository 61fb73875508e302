"""Rules found missing by held-out batch 46 (tests/data/own_corpus46, money-dense documents of the economy side),
each in our own words: a memo's addressee set alone in its head's right-hand column, a committee named by its
adjective ("tekniska utskottet"), a form label told in the past ("Sista ansökningsdag var …"), a loan that falls due
("förfaller"), the year a rate is for ("ökar med 2,5 procent 2027"), a response time in hours ("inom 48 timmar")
and two seasons in a row with their year ("under våren och sommaren 2027")."""

from __future__ import annotations

import kdextract

_MEMO = (
    "EKBY KOMMUN                                              TJÄNSTESKRIVELSE\n"
    "Kultur- och fritidsförvaltningen                         2027-02-10\n"
    "                                                         Dnr KFN 2027/31\n"
    "\n"
    "                                                         Fritidsnämnden\n"
    "\n"
    "Hyror för idrottshallarna och simhallen vid kommunens grundskolor\n"
    "\n"
    "Förslag till beslut\n"
    "Nämnden beslutar att höja hyrorna för idrottshallarna med fem procent.\n"
    "\n"
    "Ärendet\n"
    "Hyrorna har inte räknats upp sedan några år och täcker inte längre kostnaderna för städning och drift.\n"
    "\n"
    "Ekonomi\n"
    "Höjningen ger cirka 120 000 kr mer i intäkter per år.\n"
    "\n"
    "Eva Lindgärde\n"
    "fritidschef\n"
)


def _top_titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


def test_addressee_alone_in_the_right_column_heads_no_section() -> None:
    assert _top_titles(_MEMO) == ["Förslag till beslut", "Ärendet", "Ekonomi"]
    for addressee in ("Kommunstyrelsens arbetsutskott", "Tekniska utskottet"):
        other = _MEMO.replace("         Fritidsnämnden", "         " + addressee)
        assert _top_titles(other) == ["Förslag till beslut", "Ärendet", "Ekonomi"], addressee


def test_a_body_name_at_the_left_margin_still_heads_its_part() -> None:
    text = ("Ekby kommun\nVerksamhetsberättelse 2026\n\nKommunstyrelsen\nStyrelsen har under året arbetat med "
            "den nya översiktsplanen och med bredband till landsbygden.\n\nSocialnämnden\nNämnden har öppnat "
            "ett nytt boende och minskat antalet externa placeringar.\n")
    assert _top_titles(text)[-2:] == ["Kommunstyrelsen", "Socialnämnden"]


def test_a_committee_named_by_its_adjective_is_an_organisation() -> None:
    doc = kdextract.parse("Ekby kommun\nRapport 2027-03-01\n\nÄrendet har beretts av tekniska utskottet. "
                          "Kostnaden ryms inom Sociala utskottets ram.\n")
    names = {o.name for o in doc.organisations}
    assert "tekniska utskottet" in names
    assert any(n.startswith("Sociala utskottet") for n in names)


def _deadlines(body: str, day: str = "2027-03-01") -> list[tuple[str, str]]:
    doc = kdextract.parse(f"Ekby kommun\nRapport {day}\n\n{body}\n")
    return [(d.value, d.what) for d in doc.deadlines]


def test_a_form_label_told_in_the_past_is_no_deadline() -> None:
    assert _deadlines("Sista ansökningsdag var den 14 februari 2027, och tolv ansökningar kom in.") == []
    assert _deadlines("Sista svarsdag blev den 20 januari 2027.") == []
    assert [v for v, _ in _deadlines("Sista ansökningsdag är den 14 april 2027.")] == ["2027-04-14"]


def test_a_loan_that_falls_due_expires() -> None:
    got = _deadlines("Bolagets lån om 12 mnkr förfaller den 31 maj 2027.")
    assert [v for v, _ in got] == ["2027-05-31"]
    assert "lån" in got[0][1]


def test_the_year_a_rate_is_for_is_no_deadline() -> None:
    assert _deadlines("Lönerna väntas öka med 2,5 procent 2027 och 3,1 % 2028 enligt prognosen.") == []
    assert [v for v, _ in _deadlines("Taxan ska höjas med 4 procent till 2028.")] == ["2028"]


def test_a_response_time_in_hours_is_no_date() -> None:
    doc = kdextract.parse("Ekby kommun\nRapport 2027-03-01\n\nFelanmälan ska åtgärdas inom 48 timmar. "
                          "Svar på remissen lämnas inom tre veckor.\n")
    texts = [d.text for d in doc.dates]
    assert "inom 48 timmar" not in texts
    assert "inom tre veckor" in texts


def test_two_seasons_in_a_row_with_their_year_are_one_span() -> None:
    doc = kdextract.parse("Ekby kommun\nRapport 2027-03-01\n\nBryggan byggs under våren och sommaren 2027. "
                          "Skolan målas under våren och hösten 2028.\n")
    got = [(d.text, d.value) for d in doc.dates[1:]]
    assert ("under våren och sommaren 2027", "2027-SP/2027-SU") in got
    assert ("hösten 2028", "2028-FA") in got  # not in a row: two dates
    assert not any(v.endswith("/2028-FA") for _, v in got)
