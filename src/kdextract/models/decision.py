"""Decisions, with their outcome, votes and reservations."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from kdextract.models.base import Located, Source

DecisionKind = Literal["decision", "assignment", "delegation", "adoption", "proposal", "other"]

#: What a decision did with its matter: approved ("godkänns", "bifalls"), rejected ("avslås"),
#: referred back ("återremitteras"), tabled ("bordläggs"), noted ("läggs till handlingarna",
#: "anmäles och antecknas"), assigned someone a task ("får i uppdrag"), or elected someone ("utses", "väljs").
DecisionOutcome = Literal["approved", "rejected", "referred_back", "tabled", "noted", "assigned", "elected"]

class Votes(Located):
    """A vote taken on a decision ("Omröstning … 7 ja-röster mot 4 nej-röster, 2 avstår")."""

    yes: int | None = Field(None, description="Votes for the decision as taken.")
    no: int | None = Field(None, description="Votes against.")
    abstained: int | None = Field(None, description="Members who abstained.")
    source: Source

class Reservation(Located):
    """A reservation against a decision, or a stated non-participation, and who made it."""

    who: list[str] = Field(default_factory=list, description="The people or party labels as written.")
    by: list[str] = Field(default_factory=list, description="Ids of the people or organisations who made it.")
    source: Source

class Decision(Located):
    """A decision the document makes or reports (or a proposal, kept apart by ``kind``)."""

    id: str | None = None
    kind: DecisionKind = "decision"
    outcome: DecisionOutcome | None = Field(None, description="What the decision did, where the text says.")
    decided_by: str | None = Field(None, description="Id of the organisation or person that decided.")
    date: str | None = Field(None, description="TIMEX value of when it was decided.")
    day: dt.date | None = Field(None, description="The day it was decided, where exact.")
    points: list[str] = Field(default_factory=list)
    votes: Votes | None = Field(None, description="The vote taken on it, where one was.")
    reservations: list[Reservation] = Field(default_factory=list)
    amounts: list[str] = Field(default_factory=list, description="Amount ids.")
    deadlines: list[str] = Field(default_factory=list, description="Deadline ids.")
    section: str | None = None
    source: Source

    def __repr__(self) -> str:
        short = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"Decision({self.kind}: {short!r})"
