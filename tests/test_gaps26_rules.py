"""Rules found missing by held-out batches 36 and 38 (tests/data/own_corpus36, own_corpus38), each in our own words."""

from __future__ import annotations

import kdextract


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections]


def test_table_header_with_years_under_paragraph_heads_nothing() -> None:
    text = ("Ekby kommun\nTekniska nämnden\n\nPROTOKOLL 2027-02-03\n\n§ 12  Avgifter för båtplatser 2028\n\n"
            "Nämnden ser över avgifterna för hamnens platser inför nästa säsong.\n\n"
            "Platstyp   Bredd   Avgift 2027   Avgift 2028\n"
            "A          3        1 900 kr      2 000 kr\n"
            "B          4        2 700 kr      2 850 kr\n\n"
            "Beslut\nNämnden antar avgifterna att gälla från den 1 april 2028.\n")
    assert _titles(text) == ["Avgifter för båtplatser 2028", "Beslut"]


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text, ner=False).organisations]


def test_council_runs_on_over_i_and_its_municipality() -> None:
    text = ("Boxholms kommun\nSocialnämnden\n\nNämnden har fått ett yttrande från Pensionärsrådet i Boxholm. "
            "Pensionärsrådet tillstyrker förslaget.\n")
    names = _orgs(text)
    assert "Pensionärsrådet i Boxholm" in names and "Pensionärsrådet" not in names


def test_listed_council_runs_on_over_i_and_its_municipality() -> None:
    text = "Vimmerby kommun\n\nBrottsförebyggande rådet i Vimmerby samlas till möte i maj.\n"
    assert "Brottsförebyggande rådet i Vimmerby" in _orgs(text)


def test_council_before_municipality_with_kommun_stays_apart() -> None:
    text = "Ydre kommun\n\nYttrandet kom från Funktionshinderrådet i Ydre kommun i april.\n"
    names = _orgs(text)
    assert "Funktionshinderrådet" in names and "Funktionshinderrådet i Ydre" not in names


def test_municipality_then_capitalised_council_compound_is_one_name() -> None:
    text = "Ljusnarsbergs kommun\nKultur- och fritidsnämnden\n\nNämnden beviljar Ljusnarsberg Föreningsråd ett bidrag.\n"
    assert "Ljusnarsberg Föreningsråd" in _orgs(text)


def test_two_word_municipality_then_council_compound() -> None:
    text = "Ekby kommun\n\nSynpunkter har lämnats av Upplands Väsby Företagarråd under våren.\n"
    assert "Upplands Väsby Företagarråd" in _orgs(text)


def test_region_genitive_then_rescue_service_is_a_name() -> None:
    text = ("Ekby kommun\n\nNordbygdens brandförsvar har anställt en ny insatsledare. "
            "Avtalet med Västra Älvdalens räddningstjänst förlängs.\n")
    names = _orgs(text)
    assert "Nordbygdens brandförsvar" in names and "Västra Älvdalens räddningstjänst" in names


def test_project_named_with_an_organisation_word_is_no_organisation() -> None:
    text = "Ekby kommun\n\nProjektet Ungas råd startade i mars och avslutas i december.\n"
    doc = kdextract.parse(text, ner=False)
    assert "Ungas råd" in [p.name for p in doc.projects]
    assert "Ungas råd" not in [o.name for o in doc.organisations]


def _projects(text: str) -> list[str]:
    return [p.name for p in kdextract.parse(text, ner=False).projects]


def test_project_named_in_status_report_title_line() -> None:
    text = ("Ekby kommun\nProjektstatusrapport – Ny idrottshall i Lövkulla\nPeriod: april–juni 2027\n\n"
            "Sammanfattning\nArbetet går enligt plan och ligger inom budget.\n\n"
            "Risker\nLeveranserna av stål kan bli försenade.\n")
    assert "Ny idrottshall i Lövkulla" in _projects(text)



def test_bare_form_label_over_running_prose_is_a_heading() -> None:
    text = ("Ekby kommun\nRiktlinjer för attest\n\nAllmänt\nAttest görs i ekonomisystemet av utsedd attestant.\n\n"
            "Ersättare\nNär attestanten är frånvarande attesterar närmaste chef i stället.\n\n"
            "Uppföljning\nEkonomienheten följer upp attesterna varje kvartal.\n")
    assert _titles(text) == ["Allmänt", "Ersättare", "Uppföljning"]


def test_bare_form_label_over_names_heads_nothing() -> None:
    text = ("Ekby kommun\nAnteckningar från arbetsgruppen\n\nAllmänt\nGruppen träffades i biblioteket för andra "
            "gången.\n\nErsättare\nLisa Holm, Per Sund\n\nUppföljning\nNästa träff blir i maj efter lunch.\n")
    assert "Ersättare" not in _titles(text)
