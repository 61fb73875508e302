"""Rules found missing by held-out batch 31 (tests/data/own_corpus31), each in our own words: a council's
attendance listed per association, the branch's name in a column before its members' names; a given name that
is also a month ("Maj") before a party in brackets; a weekday that recurs each month where the line wraps after
"i varje"; the entries of a semicolon run after an attendance label, each with its role; two signers side by side
without parties over their titles."""

from __future__ import annotations

import datetime as dt

import kdextract


def _orgs(text: str) -> dict[str, list[str]]:
    return {o.name: list(o.aliases) for o in kdextract.parse(text).organisations}


PER_ASSOCIATION = """Minnesanteckningar
Kommunala pensionärsrådet, Ekby kommun
Datum: 2027-03-08

Närvarande
  PRO Västerby          Eva Holm, Ola Berg
  SPF Seniorerna Tallåsen   Kim Åkesson
  DHR Norrvik     Lisa Strand
  Socialnämnden         Per Dahl (S), ordförande

1. Färdtjänst
Eva Holm frågade om nya regler för färdtjänsten.
"""


def test_an_association_branch_in_a_column_before_its_members_names_is_the_branch() -> None:
    names = _orgs(PER_ASSOCIATION)
    for branch in ("PRO Västerby", "SPF Seniorerna Tallåsen", "DHR Norrvik"):
        assert branch in names
    assert not {"PRO", "SPF", "SPF Seniorerna", "DHR"} & set(names)
    people = {p.name for p in kdextract.parse(PER_ASSOCIATION).people}
    assert {"Eva Holm", "Ola Berg", "Kim Åkesson", "Lisa Strand", "Per Dahl"} <= people
    assert not any("Tallåsen" in p for p in people)


def test_a_branch_word_before_a_name_one_space_on_is_still_no_branch() -> None:
    names = _orgs("Ekby kommun\n\nMötet leddes av PRO Anna Lind från Västerby, som hälsade alla välkomna.\n")
    assert not any(n.startswith("PRO Anna") for n in names)


def test_a_weekday_recurring_each_month_is_no_date_where_the_line_wraps() -> None:
    ref = dt.date(2027, 3, 8)
    for text in ("Styrelsen föreslås sammanträda första tisdagen i varje\nmånad.",
                 "Styrelsen föreslås sammanträda första tisdagen i\nvarje månad.",
                 "Öppet sista lördagen varannan\nmånad."):
        assert [d.text for d in kdextract.find_dates(text, reference=ref)] == []
    # a weekday before a date on the next line is still that date
    assert [d.value for d in kdextract.find_dates("Vi ses tisdagen\nden 16 mars.", reference=ref)] == ["2027-03-16"]


def test_a_given_name_that_is_also_a_month_is_a_name_before_a_party_in_brackets() -> None:
    text = ("Ekby kommun\nKommunfullmäktige\n\n§ 12  Detaljplan för Ekby 4:12\n"
            "Olle Lind (C) anmäler jäv och deltar inte i handläggningen. Ersättaren Maj Holmgren (C) tjänstgör "
            "i hans ställe.\n")
    people = {p.name for p in kdextract.parse(text).people}
    assert {"Olle Lind", "Maj Holmgren"} <= people
    # the month before a capitalised word with no party after it is still no name
    assert not any(p.startswith("Maj") for p in (x.name for x in kdextract.parse(
        "Ekby kommun\n\nSammanträdet den 14 Maj Kommunhuset, sal B.\n").people))


def _roles(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in kdextract.parse(text).people}


def test_each_entry_of_a_semicolon_run_after_an_attendance_label_keeps_its_own_role() -> None:
    roles = _roles("Ekby kommun\nProtokoll\n2027-03-08\n\nLedamöter: Eva Holm (M), ordförande; Ola Berg (S), vice "
                   "ordförande; Kim Åkesson (C)\nTjänstepersoner: Lisa Strand, handläggare; Per Dahl, administratör\n")
    assert roles["Eva Holm"] == "ordförande"
    assert roles["Ola Berg"] == "vice ordförande"
    assert roles["Lisa Strand"] == "handläggare"
    assert roles["Per Dahl"] == "administratör"


def test_two_signers_side_by_side_without_parties_take_the_titles_under_them() -> None:
    text = ("Ekby kommun\nTJÄNSTESKRIVELSE\n2027-03-08\n\nFörslag till beslut\nNämnden föreslås godkänna "
            "rapporten.\n\nLisa Strand                        Per Dahl\nEkonomichef                        "
            "Kommundirektör\n")
    roles = {k: (v or "").casefold() for k, v in _roles(text).items()}
    assert roles == {"Lisa Strand": "ekonomichef", "Per Dahl": "kommundirektör"}
