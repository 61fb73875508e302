"""Decisions in every layout (tests/data/decisions_table.tsv), read by kdextract.parse."""

from __future__ import annotations

import pytest
from example_tables import table

import kdextract
from kdextract.text.fold import fold

ROWS = table("decisions_table.tsv", 5)


def test_table_covers_layouts_and_look_alikes() -> None:
    assert len(ROWS) >= 20
    assert sum(1 for p in ROWS if p.values[1] == "-") >= 4


@pytest.mark.parametrize("text, expected, votes, who", ROWS)
def test_decision_table(text: str, expected: str, votes: str, who: str) -> None:
    decisions = kdextract.parse(text).decisions
    if expected == "-":
        assert decisions == []
        return
    wanted = [part.strip().split("/", 2) for part in expected.split(" ; ")]
    assert len(decisions) == len(wanted)
    for d, (kind, outcome, words) in zip(decisions, wanted):
        assert d.kind == kind
        assert outcome == "*" or d.outcome == outcome
        assert fold(words) in fold(d.text)
        assert text[d.start:d.end] == d.text and d.source.explanation
    if votes:
        yes, no, abstained = (int(v) if v else None for v in votes.split("/"))
        assert decisions[0].votes is not None
        assert (decisions[0].votes.yes, decisions[0].votes.no, decisions[0].votes.abstained) == (yes, no, abstained)
    if who:
        assert [w for r in decisions[0].reservations for w in r.who] == who.split("|")


def test_a_log_of_decisions_whose_header_holds_form_labels() -> None:
    # "Datum" is also a form label: in a table's header it names a column and the line stays whole
    text = ("Projektgrupp Ny simhall\nMinnesanteckningar\nDatum: 2025-05-06\nPlats: Teams\nFrånvarande: Eva Ek\n\n"
            "1. Läget\nRitningarna är klara och bygglovet är sökt.\n\n2. Beslutslogg\n"
            "Nr     Datum        Beslut                               Ansvarig\n"
            "1      2025-05-06   Arkitekttävlingen avslutas i juni    Projektledaren\n"
            "2      2025-05-06   Budgeten för etapp 2 låses           Styrgruppen\n")
    doc = kdextract.parse(text, ner=False)
    assert "Nr     Datum" in doc.text
    assert [d.text for d in doc.decisions] == ["Arkitekttävlingen avslutas i juni", "Budgeten för etapp 2 låses"]


def test_a_one_word_outcome_cell_is_read_with_what_was_decided_on() -> None:
    # our own list of permits: the decision column holds only an abbreviated outcome
    text = ("Redovisning av delegationsbeslut\n\n"
            "Datum       Fastighet         Ärende                       Beslut    Handläggare\n"
            "2025-10-02  Ekudden 2:4       Nybyggnad av carport         Bev.      AL\n"
            "2025-10-09  Myrbackstorp 11:7 Strandskyddsdispens, brygga  Avsl.     PH\n"
            "2025-10-14  Ekudden 3:1       Utvändig ändring av fasad    Beviljas  AL\n")
    doc = kdextract.parse(text, ner=False)
    assert [" ".join(d.text.split()) for d in doc.decisions] == [
        "Nybyggnad av carport Bev.", "Strandskyddsdispens, brygga Avsl.", "Utvändig ändring av fasad Beviljas"]
    assert all(text[d.start:d.end] == d.text for d in doc.decisions)


def test_a_decision_block_ends_where_the_signature_labels_begin() -> None:
    # our own minutes exported from a Word table: every cell on its own line, no blank lines
    text = ("Tekniska nämnden\nPROTOKOLL\n§ 14\nDnr TN 2026/0031\nTaxa för markupplåtelse\nBeslut\n"
            "Tekniska nämnden fastställer taxan för markupplåtelse.\nUnderskrifter\nSekreterare\nNora Vikström\n"
            "Ordförande\nGunnar Åkesson\n")
    doc = kdextract.parse(text, ner=False)
    assert [d.text for d in doc.decisions] == ["Tekniska nämnden fastställer taxan för markupplåtelse."]
