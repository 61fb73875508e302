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
