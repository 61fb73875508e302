"""The meeting a protocol records and its attendance."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from kdextract.models.base import Evidence, Located, Source

AttendanceCategory = Literal["member", "serving_substitute", "substitute", "official", "other", "absent"]

class Attendee(Located):
    """One participant of a meeting (``text`` is the name): party, category, role and whom a substitute replaces."""

    id: str | None = None
    name: str
    party: str | None = Field(None, description="Party abbreviation, upper case: 'S', 'M', 'KD'.")
    category: AttendanceCategory
    role: str | None = Field(None, description="'ordförande', 'sekreterare', 'justerare' or a title: 'kommundirektör'.")
    replaces: str | None = Field(None, description="The member a serving substitute stands in for, as written.")
    person: str | None = Field(None, description="Id of the Person record.")
    source: Source

class Meeting(Located):
    """The meeting a protocol or minutes record, read from its form (``text``/``start``/``end`` span the form)."""

    id: str | None = None
    body: str | None = Field(None, description="The board or committee that met: 'Kommunstyrelsens arbetsutskott'.")
    date: str | None = Field(None, description="TIMEX value of when it met, with the time span where given.")
    day: dt.date | None = None
    starts: dt.datetime | None = None
    ends: dt.datetime | None = None
    place: str | None = None
    paragraphs: str | None = Field(None, description="The § range the protocol covers, as written: '26-38'.")
    first_paragraph: int | None = None
    last_paragraph: int | None = None
    adjustment_date: str | None = Field(None, description="TIMEX value of the adjustment (justering) of the protocol.")
    adjustment_place: str | None = None
    notice_posted: str | None = Field(None, description="TIMEX value of the posting of the notice (anslag).")
    notice_removed: str | None = Field(None, description="TIMEX value of when the notice is taken down.")
    attendees: list[Attendee] = Field(default_factory=list, description="Every participant once, in list order.")
    evidence: dict[str, Evidence] = Field(default_factory=dict, description="Field name -> where it was read.")
    source: Source

    def __repr__(self) -> str:
        return f"Meeting({self.body!r}, {self.date}, {len(self.attendees)} attendees)"
