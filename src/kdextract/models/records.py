"""Sections and the records found in running text: dates, deadlines, amounts, organisations, people, projects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import Field

from kdextract.models.base import Located, Mention, Source, Span

SectionCategory = Literal["preamble", "topic", "agenda_item", "paragraph", "subheading"]

class Section(Span):
    """A heading and the body it governs (medspaCy-style: category, title span, body span, parent)."""

    id: str
    title: str
    category: SectionCategory
    level: int = Field(ge=1, description="1 = top level.")
    parent: str | None = Field(None, description="Id of the enclosing section.")
    number: str | None = Field(None, description="'4', '§ 83', 'KS § 80' where the heading is numbered.")
    case_number: str | None = Field(None, description="The item's case number (Dnr) as written: 'KS 2014/0992', 'KS/2018:4'.")
    title_start: int = Field(ge=0)
    title_end: int = Field(ge=0)
    body_start: int = Field(ge=0)
    body_end: int = Field(ge=0)
    source: Source

    def __repr__(self) -> str:
        return f"Section({self.id} L{self.level} {self.title!r} @{self.start}:{self.end})"

Granularity = Literal[
    "datetime", "day", "week", "month", "quarter", "tertial", "half", "season", "year", "decade", "range"
]

class DateMention(Located):
    """A temporal expression with its normalised TIMEX value."""

    id: str | None = None
    value: str = Field(description="TIMEX-style value: 2014-05-08, 2014-W12, 2013-H2, 2014-FA, a/b ranges.")
    granularity: Granularity
    day: dt.date | None = Field(None, description="The day, where the value is exact to the day.")
    datetime: dt.datetime | None = Field(None, description="The moment, where a time of day is given.")
    end_day: dt.date | None = Field(None, description="Last day of a range, where exact.")
    alternatives: list[str] = Field(default_factory=list)
    relative: bool = Field(False, description="Resolved against a reference date.")
    section: str | None = None
    source: Source

    def __repr__(self) -> str:
        return f"DateMention({self.text!r} = {self.value} @{self.start}:{self.end})"

DeadlineKind = Literal["due", "planned", "expires", "starts", "ends", "meeting", "other"]

class Deadline(Located):
    """A dated thing that is due, planned or expires. ``text`` is the clause that says so."""

    id: str | None = None
    value: str = Field(description="TIMEX value of when.")
    day: dt.date | None = Field(None, description="The day, where the value is exact to the day.")
    what: str = Field(description="What is due, in the text's words.")
    kind: DeadlineKind
    date_ref: str | None = Field(None, description="Id of the DateMention.")
    section: str | None = None
    source: Source

    def __repr__(self) -> str:
        return f"Deadline({self.kind} {self.value}: {self.what!r})"

Qualifier = Literal["approx", "over", "under", "at_most", "at_least", "total", "exact"]

class Amount(Located):
    """A sum of money with its exact value."""

    id: str | None = None
    value: Decimal = Field(description="In the currency's unit (kronor for SEK); the low end of a range.")
    currency: str = Field("SEK", pattern=r"^[A-Z]{3}$")
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: Qualifier | None = None
    qualifier_text: str | None = None
    what: str | None = Field(None, description="What the amount is for, in the text's words.")
    section: str | None = None
    source: Source

    def __repr__(self) -> str:
        return f"Amount({self.text!r} = {self.value} {self.currency})"

OrganisationKind = Literal[
    "municipality", "region", "agency", "committee", "administration", "company", "association",
    "university", "cooperation", "party", "other",
]

class Organisation(Located):
    """One organisation; ``text``/``start``/``end`` are its first mention."""

    id: str | None = None
    name: str
    kind: OrganisationKind = "other"
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    source: Source

    def __repr__(self) -> str:
        return f"Organisation({self.name!r}, {self.kind}, {len(self.mentions)} mentions)"

class Person(Located):
    """One natural person; ``text``/``start``/``end`` are the first mention."""

    id: str | None = None
    name: str
    role: str | None = None
    organisation: str | None = Field(None, description="Id of the organisation the text ties the person to.")
    mentions: list[Mention] = Field(default_factory=list)
    source: Source

    def __repr__(self) -> str:
        role = f", {self.role}" if self.role else ""
        return f"Person({self.name!r}{role})"

ProjectStatus = Literal["planned", "started", "ongoing", "finished", "unknown"]

class Project(Located):
    """A named project, programme or initiative; ``text``/``start``/``end`` are its first mention."""

    id: str | None = None
    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    description: str | None = None
    starts: str | None = Field(None, description="TIMEX value of the start.")
    ends: str | None = Field(None, description="TIMEX value of the end.")
    duration: str | None = Field(None, description="ISO 8601 duration, e.g. P3Y.")
    duration_text: str | None = None
    owner: str | None = Field(None, description="Id of the organisation that owns the project.")
    status: ProjectStatus = "unknown"
    organisations: list[str] = Field(default_factory=list, description="Organisation ids.")
    amounts: list[str] = Field(default_factory=list, description="Amount ids.")
    section: str | None = None
    source: Source

    def __repr__(self) -> str:
        return f"Project({self.name!r}, {self.status})"
