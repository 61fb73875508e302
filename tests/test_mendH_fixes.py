"""Review22 findings on decisions, deadlines and the document date (mendH), each in our own words."""

from __future__ import annotations

import pytest

import kdextract as k
from kdextract import Document


def _memo(body: str, date: str = "2026-03-10") -> Document:
    return k.parse(f"Tekniska nämnden\nTjänsteskrivelse\n{date}\n\nÄrendet\n\n{body}\n", ner=False)


@pytest.mark.parametrize(("body", "outcome"), [
    ("Tekniska nämnden beslutar att inte bevilja bidraget.", "rejected"),
    ("Tekniska nämnden beslutade inte att godkänna avtalet.", "rejected"),
    ("Tekniska nämnden beslutar att avslå ansökan.", "rejected"),
    ("Tekniska nämnden beslutar att lägga rapporten till handlingarna.", "noted"),
    ("Tekniska nämnden beslutar att bevilja bidraget.", "approved"),
])
def test_outcome_reads_negation_avsla_and_file_with_object(body: str, outcome: str) -> None:
    assert [d.outcome for d in _memo(body).decisions] == [outcome]


@pytest.mark.parametrize(("body", "kind"), [
    ("Rivningen får inte påbörjas före den 1 juni.", "starts"),
    ("Ärendet ska inte avgöras förrän 2027.", "starts"),
    ("Utbetalning sker tidigast den 20 maj.", "starts"),
    ("Sista anmälningsdag är 15 april.", "due"),
    ("Sista anbudsdag: 2 maj", "due"),
    ("Anbuden ska lämnas före den 2 maj.", "due"),
])
def test_deadline_kind_of_earliest_starts_and_sista_dag_labels(body: str, kind: str) -> None:
    assert [d.kind for d in _memo(body).deadlines] == [kind]


def test_what_of_two_deadlines_in_one_sentence_keeps_to_its_own_clause() -> None:
    doc = _memo("Senast den 20 april ska skolorna ha lämnat sina underlag och senast den 8 juni "
                "ska nämnden fastställa planen.")
    assert [(d.value, d.what) for d in doc.deadlines] == [
        ("2026-04-20", "skolorna lämnat underlag"), ("2026-06-08", "nämnden fastställa")]


def test_what_of_a_deadline_leaves_out_the_words_of_another_date() -> None:
    doc = _memo("Avtalet som tecknades 2025-11-02 ska förnyas senast den 1 september.")
    assert [d.value for d in doc.deadlines] == ["2026-09-01"]
    assert "2025" not in doc.deadlines[0].what


@pytest.mark.parametrize("body", [
    "Regionfullmäktige beslutade den 3 oktober 2024 att bevilja medel till projektet.",
    "Regionfullmäktige beslutade 2024-10-03, § 112, att bevilja medel till projektet.",
])
def test_decision_date_right_after_its_verb(body: str) -> None:
    assert [(d.date, str(d.day)) for d in _memo(body).decisions] == [("2024-10-03", "2024-10-03")]


def test_a_date_after_what_was_decided_is_no_decision_date() -> None:
    doc = _memo("Regionfullmäktige beslutade att projektet ska vara klart den 3 oktober 2027.")
    assert [d.date for d in doc.decisions] == [None]


@pytest.mark.parametrize(("body", "value"), [
    ("Vid årsskiftet ska den nya taxan gälla.", "2027-01-01"),
    ("Hyresavtalet upphör vid årsskiftet.", "2027-01-01"),
    ("Vid årsskiftet infördes den nya taxan.", "2026-01-01"),
])
def test_year_turn_in_january_follows_the_tense(body: str, value: str) -> None:
    turns = [d.value for d in _memo(body, date="2026-01-08").dates if "rsskiftet" in d.text]
    assert turns == [value]


def test_a_vote_sentence_in_minutes_is_the_item_decision_with_its_abstentions() -> None:
    text = ("Barn- och utbildningsnämnden\nProtokoll\n2026-04-14\n\n§ 31\nMotion om skolgårdar\n\n"
            "Yrkanden\nEva Lind (C) yrkar bifall till motionen.\n\n"
            "Omröstning\nOmröstning genomförs. Med 6 röster mot 3 och 2 avstående beslutar nämnden att avslå motionen.\n\n"
            "Beslut\nBarn- och utbildningsnämnden beslutar att avslå motionen.\n")
    decisions = k.parse(text, ner=False).decisions
    assert len(decisions) == 1
    votes = decisions[0].votes
    assert votes is not None and (votes.yes, votes.no, votes.abstained) == (6, 3, 2)


_UNDATED = ("Tekniska nämnden\n\nBadhuset\n\nBadhuset öppnade 1987 och byggdes om 1987–1988. "
            "Senast den 15 maj ska en plan för underhållet tas fram.\n")


def test_a_year_counted_from_the_body_is_a_guess_that_a_given_date_beats() -> None:
    guessed = k.parse(_UNDATED, ner=False)
    assert guessed.meta.date == "1987" and guessed.meta.evidence["date"].source.score < 1.0
    given = k.parse(_UNDATED, ner=False, document_date="2026-03-10")
    assert (given.meta.date, str(given.meta.day)) == ("2026-03-10", "2026-03-10")
    assert given.meta.evidence["date"].source.name == "meta/document_date"
    assert [d.value for d in given.deadlines] == ["2026-05-15"]


def test_a_date_the_document_gives_beats_the_given_date() -> None:
    doc = k.parse("Tekniska nämnden\nTjänsteskrivelse\n2025-11-20\n\nBadhuset\n\nText.\n", ner=False,
                  document_date="2026-03-10")
    assert doc.meta.date == "2025-11-20"


def test_a_deadline_in_an_att_point_is_located_on_its_point() -> None:
    points = ("att ge kultur- och fritidsförvaltningen i uppdrag att redovisa kostnaderna senast i juni,\n"
              "att föreningarna ska lämna sina synpunkter senast den 20 maj,\n"
              "att i övrigt lägga informationen till handlingarna.")
    for lead in ("Kultur- och fritidsnämnden beslutar\n", "Kultur- och fritidsnämnden beslutar\n\n"):
        text = ("Kultur- och fritidsnämnden\nProtokoll\n2026-04-14\n\n§ 8\nIdrottshallen\n\n"
                + lead + points.replace(",\n", ",\n\n" if lead.endswith("\n\n") else ",\n") + "\n")
        doc = k.parse(text, ner=False)
        assert [(d.value, d.text) for d in doc.deadlines] == [
            ("2026-06", points.splitlines()[0]), ("2026-05-20", points.splitlines()[1])]


def test_a_wrapped_line_of_prose_that_opens_with_att_is_no_point() -> None:
    doc = _memo("Förvaltningen har fått i uppdrag\natt återkomma med en plan senast den 1 juni.")
    assert [d.text for d in doc.deadlines] == [
        "Förvaltningen har fått i uppdrag\natt återkomma med en plan senast den 1 juni."]
