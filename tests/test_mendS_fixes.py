"""Who decides (review28): a body's present-tense verb, a "X beslutar" line over its 'att' points, a protocol's
impersonal decisions, a memo's proposal put to a named body; reservation forms; a § title's Dnr line."""

from __future__ import annotations

import kdextract

MINUTES = ("Protokoll\nMiljönämnden\nSammanträdesdatum 2026-03-11\nPlats och tid: Stadshuset kl. 13.00-15.30\n\n"
           "§ 18 Tillsyn\nFörvaltningen har redovisat tillsynen.\n\n")


def _decided(text: str) -> list[tuple[str | None, str | None]]:
    doc = kdextract.parse(text, ner=False)
    names = {o.id: o.name for o in doc.organisations}
    return [(names.get(d.decided_by or ""), d.outcome) for d in doc.decisions]


def test_a_body_deciding_with_a_present_verb_is_the_decider() -> None:
    assert _decided(MINUTES + "Miljönämnden godkänner tillsynsplanen.\n") == [("Miljönämnden", "approved")]
    assert _decided(MINUTES + "Nämnden avslår begäran om förlängd frist.\n") == [("Miljönämnden", "rejected")]
    # under a bare "Beslut" heading too
    assert _decided(MINUTES + "Beslut\nMiljönämnden antar taxan för tillsyn.\n") == [("Miljönämnden", "approved")]


def test_a_deciding_line_over_att_points_heads_the_decision_and_names_the_decider() -> None:
    for lead in ("Miljönämnden beslutar", "Miljönämnden beslutar:"):
        text = MINUTES + f"{lead}\natt anta tillsynsplanen för 2026,\natt återrapportera i oktober.\n"
        doc = kdextract.parse(text, ner=False)
        assert _decided(text) == [("Miljönämnden", "approved")], lead
        decision = doc.decisions[0]
        assert decision.text.startswith(lead) and text[decision.start:decision.end] == decision.text
        assert decision.points == ["att anta tillsynsplanen för 2026,", "att återrapportera i oktober."]


def test_an_impersonal_decision_in_minutes_is_the_decision_of_the_board_that_met() -> None:
    for sentence in ("Redovisningen läggs till handlingarna.", "Tillsynsplanen godkänns.",
                     "Beslut\nAtt anta tillsynsplanen."):
        decided = _decided(MINUTES + sentence + "\n")
        assert [who for who, _ in decided] == ["Miljönämnden"], sentence
    # in a municipality's minutes the board that met decides, not the municipality
    text = MINUTES.replace("Protokoll\n", "Ekby kommun\nProtokoll\n") + "Ärendet bordläggs.\n"
    assert _decided(text) == [("Miljönämnden", "tabled")]


MEMO = "Tjänsteskrivelse\nKultur- och fritidsförvaltningen\n2026-01-20\n\nNytt bibliotek i Västby\n\nFörslag till beslut\n"


def _proposed_to(body: str) -> list[tuple[str, str | None]]:
    doc = kdextract.parse(MEMO + body, ner=False)
    names = {o.id: o.name.casefold() for o in doc.organisations}
    return [(d.kind, names.get(d.decided_by or "")) for d in doc.decisions]


def test_a_proposal_is_decided_by_the_body_put_to_decide_it_not_by_its_proposer() -> None:
    # the passive names the body that is to decide
    assert _proposed_to("Kultur- och fritidsnämnden föreslås godkänna lokalprogrammet.\n") == \
        [("proposal", "kultur- och fritidsnämnden")]
    # the body after "föreslår (att)" decides, not the proposer before it
    assert _proposed_to("Kultur- och fritidsnämnden föreslår kommunfullmäktige besluta\natt anta lokalprogrammet.\n") \
        == [("proposal", "kommunfullmäktige")]
    assert _proposed_to("Förvaltningen föreslår att kultur- och fritidsnämnden beslutar att anta programmet.\n") == \
        [("proposal", "kultur- och fritidsnämnden")]
    # a numbered proposal that opens with the body
    assert _proposed_to("1. Kultur- och fritidsnämnden anslår 3 mnkr till inventarier.\n") == \
        [("proposal", "kultur- och fritidsnämnden")]
    # no body named: none, not the memo's office
    assert _proposed_to("Lokalprogrammet godkänns.\n") == [("proposal", None)]


COUNCIL = ("Protokoll\nKommunfullmäktige\nSammanträdesdatum 2026-02-23\nPlats och tid: Stadshuset kl. 18.00-21.00\n\n"
           "Beslutande\nMaria Sjöberg (S), ordförande\nJonas Lindqvist (M)\nSara Öberg (C)\n\n"
           "§ 9 Parkeringstaxa\nKommunfullmäktige beslutar att anta den nya parkeringstaxan.\n")


def _reservers(text: str) -> list[list[str]]:
    doc = kdextract.parse(text, ner=False)
    names = {p.id: p.name for p in doc.people}
    return [[names.get(ref, ref) for ref in r.by] for d in doc.decisions for r in d.reservations]


def test_reservation_forms_name_who_reserved() -> None:
    # a label line
    assert _reservers(COUNCIL + "Reservation: Jonas Lindqvist (M).\n") == [["Jonas Lindqvist"]]
    # the verb before its subjects
    assert _reservers(COUNCIL + "Mot beslutet reserverar sig Jonas Lindqvist (M) och Sara Öberg (C).\n") == \
        [["Jonas Lindqvist", "Sara Öberg"]]
    # a heading over a line that names the reserver, with no cue of its own
    assert _reservers(COUNCIL + "Reservation\nJonas Lindqvist (M) till förmån för eget yrkande.\n") == \
        [["Jonas Lindqvist"]]
    block = COUNCIL.replace("Kommunfullmäktige beslutar att", "Beslut\nAtt")
    assert _reservers(block + "\nReservation\nJonas Lindqvist (M) till förmån för eget yrkande.\n") == \
        [["Jonas Lindqvist"]]


def test_a_case_number_line_under_an_item_title_is_no_part_of_its_decision() -> None:
    text = ("Protokollsutdrag\nMiljönämnden\n2026-03-11\n\n§ 18 Tillsynsplan 2026\nDnr MN 2026/41\n"
            "Miljönämnden beslutar att anta tillsynsplanen.\n")
    doc = kdextract.parse(text, ner=False)
    assert [s.case_number for s in doc.sections if s.level == 1] == ["MN 2026/41"]
    assert [d.text for d in doc.decisions] == ["Miljönämnden beslutar att anta tillsynsplanen."]
    assert doc.decisions[0].start == text.index("Miljönämnden beslutar")


def test_one_passing_mention_of_a_region_tells_no_issuer() -> None:
    text = ("Tjänsteskrivelse\nUtbildningsförvaltningen\n2026-02-02\n\nSkolskjuts i Västby\n\nFörslag till beslut\n"
            "Utbildningsnämnden föreslås godkänna den nya skolskjutsplanen.\n\nBakgrund\n"
            "Trafiken ändras till hösten. Region Västernorrland ingår inte i arbetet.\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.organisation is None
    names = {o.id: o.name for o in doc.organisations}
    assert [names.get(d.decided_by or "") for d in doc.decisions] == ["Utbildningsnämnden"]
    # named on a line of its own, as a letterhead names it, it is the issuer
    doc = kdextract.parse("Region Västernorrland\n" + text, ner=False)
    assert doc.meta.organisation == "Region Västernorrland"
    # or opening a page header before a dash
    doc = kdextract.parse("Region Västernorrland – Handlingar\n" + text, ner=False)
    assert doc.meta.organisation == "Region Västernorrland"
