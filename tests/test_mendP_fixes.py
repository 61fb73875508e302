"""Decisions (review26): who decides when a body is named by its head alone, outcomes of common verbs, proposals
under a proposal heading, elections of the justerare, reservations under their own heading, and a decider named
with its municipality."""

from __future__ import annotations

import kdextract


def _decided(text: str) -> list[tuple[str | None, str | None]]:
    doc = kdextract.parse(text, ner=False)
    names = {o.id: o.name for o in doc.organisations}
    return [(names.get(d.decided_by or ""), d.outcome) for d in doc.decisions]


def test_a_generic_head_decides_for_the_body_of_the_minutes() -> None:
    head = "Protokoll\n{body}\n2026-02-10\n\n§ 7 Taxor\n\n{who} beslutar att anta de nya taxorna.\n"
    assert _decided(head.format(body="Miljö- och byggnämnden", who="Nämnden")) == \
        [("Miljö- och byggnämnden", "approved")]
    assert _decided(head.format(body="Regionstyrelsen", who="Styrelsen")) == [("Regionstyrelsen", "approved")]
    # a head that is not the body's stays unresolved
    assert _decided(head.format(body="Regionstyrelsen", who="Nämnden")) == [(None, "approved")]


def test_a_company_board_decides_for_its_company() -> None:
    text = ("Protokoll från styrelsemöte i Ekby Energi AB\n2026-02-10\n\n§ 3 Nätet\n\n"
            "Styrelsen beslutar att investera 12 mnkr i elnätet.\n")
    assert _decided(text) == [("Ekby Energi AB", "approved")]


PROPOSAL_ITEM = ("Kommunfullmäktige\nProtokoll 2026-04-20\n\n§ 31 Dnr KS 2026/12\nNy förskola i Norrby\n\n"
                 "Kommunstyrelsens förslag\nKommunfullmäktige beslutar\n"
                 "att anslå 40 mnkr till en ny förskola i Norrby,\n"
                 "att uppdra åt barn- och utbildningsnämnden att redovisa en tidplan senast den 1 oktober 2026.\n\n"
                 "Yrkanden\nOla Persson (M) yrkar avslag.\n\nBeslut\n"
                 "Kommunfullmäktige beslutar enligt kommunstyrelsens förslag.\n")


def test_the_lead_in_under_a_proposal_heading_is_part_of_the_proposal() -> None:
    doc = kdextract.parse(PROPOSAL_ITEM, ner=False)
    proposal, decision = doc.decisions
    assert proposal.kind == "proposal" and proposal.text.startswith("Kommunfullmäktige beslutar\natt anslå")
    assert len(proposal.points) == 2 and len(proposal.amounts) == 1
    # the decision "enligt … förslag" approves it and holds what it proposed
    assert decision.kind == "decision" and decision.outcome == "approved"
    assert decision.amounts == proposal.amounts and decision.points == proposal.points
    assert decision.deadlines == proposal.deadlines and decision.deadlines


def test_a_decision_of_its_own_keeps_its_own_content() -> None:
    text = ("§ 4 Motion om cykelbanor\n\nArbetsutskottets förslag\nAtt motionen avslås.\n\nBeslut\n"
            "Nämnden beslutar enligt arbetsutskottets förslag att anslå 2 mnkr till cykelbanor.\n")
    decision = kdextract.parse(text, ner=False).decisions[-1]
    assert decision.kind == "decision" and decision.points == [] and len(decision.amounts) == 1


def _outcomes(body: str) -> list[tuple[str, str | None]]:
    doc = kdextract.parse("Protokoll\nValnämnden\n2026-01-15\n\n§ 2 Val av justerare\n\n" + body + "\n", ner=False)
    return [(d.kind, d.outcome) for d in doc.decisions]


def test_the_justerare_election_is_a_decision_that_elects() -> None:
    for body in ("Som justerare utses Kerstin Ahl.", "Kerstin Ahl (KD) väljs att jämte ordföranden justera protokollet.",
                 "Nämnden utser Kerstin Ahl att justera protokollet.", "Nämnden väljer Kerstin Ahl till justerare."):
        assert _outcomes(body) == [("decision", "elected")], body


def test_the_cover_label_for_the_justerare_is_no_decision() -> None:
    assert _outcomes("Utses att justera: Kerstin Ahl") == []


def test_a_bare_approval_under_beslut_approves() -> None:
    assert _outcomes("Beslut\nBifall.") == [("decision", "approved")]


def _reservers(text: str) -> list[list[list[str]]]:
    return [[r.who for r in d.reservations] for d in kdextract.parse(text, ner=False).decisions]


def test_a_reservation_under_its_own_heading_is_the_decisions() -> None:
    text = ("§ 9 Medborgarförslag om hundrastgård\n\nTekniska nämnden beslutar att avslå förslaget.\n\n"
            "Reservationer\nJonas Frid (V) reserverar sig till förmån för eget yrkande.\n")
    assert _reservers(text) == [[["Jonas Frid (V)"]]]


def test_a_reservation_after_the_rest_of_the_decisions_paragraph() -> None:
    text = ("§ 9 Medborgarförslag om hundrastgård\n\nTekniska nämnden beslutar att avslå förslaget. Ärendet har "
            "diskuterats länge.\n\nJonas Frid (V) reserverar sig mot beslutet.\n")
    assert _reservers(text) == [[["Jonas Frid (V)"]]]
    # a second decision in the paragraph is the one reserved against
    two = text.replace("Ärendet har diskuterats länge.", "Nämnden beslutar att anslå 1 mnkr till nya skyltar.")
    assert _reservers(two) == [[], [["Jonas Frid (V)"]]]


def test_a_body_that_gives_a_task_in_the_present_assigns_it() -> None:
    doc = kdextract.parse("§ 3 Lekplatser\n\nTekniska nämnden ger Eva Sund i uppdrag att inventera lekplatserna.\n",
                          ner=False)
    names = {o.id: o.name for o in [*doc.organisations, *doc.people]}
    assert [(d.kind, d.outcome, names.get(d.decided_by or "")) for d in doc.decisions] == \
        [("assignment", "assigned", "Tekniska nämnden")]


def test_a_body_qualified_by_its_municipality_decides() -> None:
    text = ("Piteå kommun\nBarn- och utbildningsnämnden\nProtokoll 2026-03-03\n\n§ 12 Skolskjuts\n\n"
            "Barn- och utbildningsnämnden i Piteå kommun beslutar att anta de nya reglerna för skolskjuts.\n")
    assert _decided(text) == [("Barn- och utbildningsnämnden", "approved")]


def test_a_body_named_for_its_purpose_ends_before_its_verb() -> None:
    text = ("Protokoll\nGemensamma nämnden för färdtjänst\n2026-05-12\n\n§ 4 Taxor\n\n"
            "Gemensamma nämnden för färdtjänst föreslår att taxan höjs. "
            "Gemensamma nämnden för färdtjänst godkänner årsredovisningen.\n")
    doc = kdextract.parse(text, ner=False)
    assert [o.name for o in doc.organisations] == ["Gemensamma nämnden för färdtjänst"]
    assert doc.meta.body == "Gemensamma nämnden för färdtjänst"


def _verb_outcome(clause: str) -> list[tuple[str, str | None]]:
    doc = kdextract.parse(f"§ 6 Ärende\n\nKultur- och fritidsnämnden beslutar att {clause}.\n", ner=False)
    return [(d.kind, d.outcome) for d in doc.decisions]


def test_granting_money_approves_and_advising_against_rejects() -> None:
    assert _verb_outcome("anslå 300 000 kr till sommarlovsaktiviteter") == [("decision", "approved")]
    assert _verb_outcome("avsätta 1 mnkr för upprustning av badplatsen") == [("decision", "approved")]
    assert _verb_outcome("avstyrka medborgarförslaget") == [("decision", "rejected")]
    # a task to grant money is still an assignment
    assert _verb_outcome("ge förvaltningen i uppdrag att omfördela 1 mnkr") == [("assignment", "assigned")]


def test_a_decision_to_propose_to_the_council_is_a_proposal() -> None:
    assert _verb_outcome("föreslå kommunfullmäktige att anta den nya biblioteksplanen")[0][0] == "proposal"
    doc = kdextract.parse("Protokoll\nKommunstyrelsen\n2026-05-04\n\n§ 8 Biblioteksplan\n\nBeslut\n"
                          "Kommunstyrelsen föreslår kommunfullmäktige att anta biblioteksplanen.\n", ner=False)
    assert [d.kind for d in doc.decisions] == ["proposal"]


def test_laying_a_long_object_on_file_notes_it() -> None:
    for obj in ("rapporten om ekonomiskt bistånd", "anmälda delegationsbeslut för perioden 1–30 april 2026"):
        assert _verb_outcome(f"lägga {obj} till handlingarna") == [("decision", "noted")], obj
    doc = kdextract.parse("Protokoll\nSocialnämnden\n2026-05-19\n\n§ 9 Delegationsbeslut\n\nSocialnämnden lägger "
                          "redovisningen av delegationsbeslut under april till handlingarna.\n", ner=False)
    assert [d.outcome for d in doc.decisions] == ["noted"]


def test_rows_of_a_delegation_table_are_delegation_decisions_by_their_delegate() -> None:
    text = ("Redovisning av delegationsbeslut – Miljö- och byggnämnden\n\n"
            "Datum         Ärende                                 Beslut     Delegat\n"
            "2026-03-02    Strandskyddsdispens för brygga         Bifall     Sara Lindqvist\n"
            "2026-03-09    Tillsynsavgift för livsmedelsbutik     Avslag     Erik Johansson\n")
    doc = kdextract.parse(text, ner=False)
    people = {p.id: p.name for p in doc.people}
    assert [(d.kind, d.outcome, people.get(d.decided_by or "")) for d in doc.decisions] == [
        ("delegation", "approved", "Sara Lindqvist"), ("delegation", "rejected", "Erik Johansson")]


def test_a_decision_table_without_a_delegate_column_stays_decisions() -> None:
    text = ("Datum         Ärende                                 Beslut     Diarienummer\n"
            "2026-03-02    Strandskyddsdispens för brygga         Bifall     MBN 2026/14\n")
    assert [(d.kind, d.decided_by) for d in kdextract.parse(text, ner=False).decisions] == [("decision", None)]
