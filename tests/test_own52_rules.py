"""Rules found missing by held-out batch 52 (tests/data/own_corpus52, schools and social services), each in our own
words: a handling time that a share or a percentage measures is no period on the calendar, and a chief officer's
(monthly) report to a board is the director's report kind."""

from __future__ import annotations

import kdextract


def _dates(text: str) -> list[str]:
    return [d.text for d in kdextract.parse(text).dates]


# -- "inom N <unit>" measured by a share ---------------------------------------------------------------------------

def test_a_share_handled_within_a_period_is_no_date() -> None:
    text = ("Rapport 2030-02-10\n\nAndelen ansökningar om bygglov som avgjordes inom tio veckor var 64 % under "
            "fjolåret.\n")
    assert "inom tio veckor" not in _dates(text)
    text = "Rapport 2030-02-10\n\nVi svarade på brev inom två veckor i 93 procent av fallen.\n"
    assert "inom två veckor" not in _dates(text)


def test_a_period_without_a_share_stays_a_date() -> None:
    text = "Rapport 2030-02-10\n\nFörvaltningen ska redovisa en åtgärdsplan inom tre månader.\n"
    assert "inom tre månader" in _dates(text)
    # a share in the sentence before ends at its full stop
    text = ("Rapport 2030-02-10\n\nAndelen nöjda brukare ökade. Förvaltningen ska redovisa en plan inom tre "
            "månader.\n")
    assert "inom tre månader" in _dates(text)


# -- a chief officer's report to a board ---------------------------------------------------------------------------

def test_a_chief_officers_monthly_report_to_a_board_is_a_directors_report() -> None:
    text = ("EKSJÖDALS KOMMUN\nSkolchefens månadsrapport till barn- och utbildningsnämnden\nOktober 2030\n\n"
            "Elever\nElevantalet är 870.\n\nEksjödal den 12 oktober 2030\nPer Ulvsby\nSkolchef\n")
    assert kdextract.parse(text).meta.kind == "kommundirektorens_rapport"
    text = ("EKSJÖDALS KOMMUN\nKommundirektörens månadsrapport\nOktober 2030\n\nEkonomi\nPrognosen håller.\n\n"
            "Eksjödal den 12 oktober 2030\nPer Ulvsby\nKommundirektör\n")
    assert kdextract.parse(text).meta.kind == "kommundirektorens_rapport"


def test_an_agenda_item_named_the_chiefs_report_leaves_a_notice_a_notice() -> None:
    text = ("KALLELSE\nSocialnämnden 2030-10-20\n\nFÖREDRAGNINGSLISTA\n\n1.  Val av justerare\n\n"
            "2.  Förvaltningschefens rapport\n\n3.  Budget 2031\n\nPer Ulvsby\nordförande\n")
    assert kdextract.parse(text).meta.kind == "kallelse"


# -- a board's unit whose name coordinates a first part ------------------------------------------------------------

def test_a_boards_unit_with_a_coordinated_name_is_one_organisation() -> None:
    text = ("Protokoll 2030-05-06\n\nSocialnämndens vuxen- och missbruksutskott sammanträdde. Ärendet är "
            "sekretessbelagt enligt 26 kap. 1 § OSL.\n")
    names = [o.name for o in kdextract.parse(text).organisations]
    assert "Socialnämndens vuxen- och missbruksutskott" in names
    assert "Socialnämnden" not in names
