"""The public records: pydantic v2 models that ``kdextract.parse`` returns.

Every item found in the text carries ``start``/``end`` character offsets into the input
(end exclusive, so ``doc.text[item.start:item.end] == item.text``) and a ``source`` that
says which rule or model produced it. Records refer to each other by ``id`` strings that
are stable within one ``Document`` ("sec-3", "per-1", "amt-2"), never by copies or names.

Times follow one convention: a field named ``value`` or ``date`` holds a TIMEX string
("2014-05-08", "2014-05", "2013-H2", "a/b" ranges); the exact ``datetime.date`` behind it,
where there is one, is ``day`` (and ``end_day`` for the last day of a range).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal

from pydantic import ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from kdextract.fields_set import SharedFieldsSet

SCHEMA_VERSION = "2.0"

#: Views of a ``Document`` that live in the output layer, as ``"module:function"``; the package registers them
#: (``kdextract/__init__.py``) and they are imported on first use, so the models import nothing from the rest.
VIEWS: dict[str, str] = {}


def _view(name: str) -> Callable[..., Any]:
    target = VIEWS.get(name)
    if target is None:
        raise LookupError(f"no {name!r} view is registered; import kdextract first")
    module, _, function = target.partition(":")
    view: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return view


DocumentKind = Literal["kommundirektorens_rapport", "minnesanteckningar", "protokoll", "protokollsutdrag",
                       "tjansteskrivelse", "kallelse", "other"]

#: How an item was found: a pattern rule, a list of known names, the NER model, or reasoning over other items.
Method = Literal["rule", "gazetteer", "model", "inferred"]

class Source(SharedFieldsSet):
    """Provenance: the rule or model behind an item, how sure it is and why it matched."""

    model_config = ConfigDict(frozen=True)

    method: Method
    name: str = Field(description="Rule id (e.g. 'dates/day_month') or model name.")
    score: float = Field(1.0, ge=0.0, le=1.0, description="Confidence in [0, 1].")
    explanation: str | None = None

    def __repr__(self) -> str:
        return f"Source({self.method}:{self.name}, {self.score:.2f})"

class Record(SharedFieldsSet):
    """Base of every public model: strict about unknown fields, lossless through JSON; every field counts as set."""

    # Validators are built on first use, not at import; ``DateMention`` at once (a first ``find_dates`` builds none).
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)

class Span(Record):
    """A place in the input text: ``[start, end)`` character offsets, and the page where known."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(None, description="1-based page of the source file, where known.")

class Located(Span):
    """Something at a place in the input text, with the text found there."""

    text: str

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.text!r} @{self.start}:{self.end})"

class Mention(Located):
    """One occurrence of a person, organisation or project in the text."""

    source: Source

class Evidence(Located):
    """Where in the text a metadata field was read, and by which rule."""

    source: Source

SectionCategory = Literal["preamble", "topic", "agenda_item", "paragraph", "subheading"]

class Section(Span):
    """A heading and the body it governs (medspaCy-style: category, title span, body span, parent)."""

    id: str
    title: str = Field(description="The heading's words between title_start and title_end (or in its title_parts), "
                                   "one space apart (a title that PDF text wrapped over two lines reads as one).")
    category: SectionCategory
    level: int = Field(ge=1, description="1 = top level.")
    parent: str | None = Field(None, description="Id of the enclosing section.")
    number: str | None = Field(None, description="'4', '§ 83', 'KS § 80' where the heading is numbered.")
    case_number: str | None = Field(None, description="The item's case number (Dnr) as written: 'KS 2016/0431', 'KS/2021:7'.")
    title_start: int = Field(ge=0)
    title_end: int = Field(ge=0)
    title_parts: list[tuple[int, int]] | None = Field(None, description="Where the title is no one span (a title cell "
        "wrapped beside its row's Dnr cell): its pieces, [start, end) each, the first title_start:title_end. Not in JSON "
        "where None.")
    body_start: int = Field(ge=0)
    body_end: int = Field(ge=0)
    source: Source

    @model_serializer(mode="wrap")
    def _parts_where_given(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return data if self.title_parts is not None else {k: v for k, v in data.items() if k != "title_parts"}

    def __repr__(self) -> str:
        return f"Section({self.id} L{self.level} {self.title!r} @{self.start}:{self.end})"

Granularity = Literal["datetime", "day", "week", "month", "quarter", "tertial", "half", "season", "year", "decade",
                      "range"]

class DateMention(Located):
    """A temporal expression with its normalised TIMEX value."""

    model_config = ConfigDict(defer_build=False)

    id: str | None = None
    value: str = Field(description="TIMEX-style value: 2014-05-08, 2014-W12, 2013-H2, 2014-FA, a/b ranges.")
    granularity: Granularity
    day: dt.date | None = Field(None, description="The day, where the value is exact to the day.")
    datetime: dt.datetime | None = Field(None, description="The moment, where a time of day is given.")
    end_day: dt.date | None = Field(None, description="Last day of a range, where exact.")
    alternatives: list[str] = Field(default_factory=list)
    relative: bool = Field(False, description="Resolved against a reference date.")
    section: str | None = Field(None, description="Id of the innermost section it stands in.")
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
    section: str | None = Field(None, description="Id of the innermost section it stands in.")
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
    per: str | None = Field(None, description="A rate's period (hour, day, week, month, quarter, year) or unit "
                            "('invånare', 'kWh'): '450 kr per timme' is 'hour'; two units joined by '/' "
                            "('per person och dag' is 'person/day'); None for a sum.")
    qualifier: Qualifier | None = None
    qualifier_text: str | None = None
    what: str | None = Field(None, description="What the amount is for, in the text's words.")
    section: str | None = Field(None, description="Id of the innermost section it stands in.")
    source: Source

    def __repr__(self) -> str:
        value = self.value if self.high is None else f"{self.value}–{self.high}"  # a range: both ends
        return f"Amount({self.text!r} = {value} {self.currency})"

OrganisationKind = Literal[
    "municipality", "region", "agency", "committee", "administration", "company", "association",
    "university", "cooperation", "party", "other",
]

class Organisation(Located):
    """One organisation; ``text``/``start``/``end`` are its first mention."""

    id: str | None = None
    name: str
    kind: OrganisationKind = "other"
    aliases: list[str] = Field(default_factory=list, description="The text's forms, expansions, official name.")
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
    section: str | None = Field(None, description="Id of the innermost section it stands in.")
    source: Source

    def __repr__(self) -> str:
        return f"Project({self.name!r}, {self.status})"


DecisionKind = Literal["decision", "assignment", "delegation", "adoption", "proposal", "other"]

#: What a decision did ("godkänns", "avslås", "återremitteras", "bordläggs", "läggs till handlingarna", "får i uppdrag",
#: "utses", "anse motionen besvarad", "avskriva ärendet", "upphäva beslutet", "tillsätta en arbetsgrupp", in order).
DecisionOutcome = Literal["approved", "rejected", "referred_back", "tabled", "noted", "assigned", "elected",
                          "answered", "written_off", "repealed", "appointed"]

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
    decided_by: str | None = Field(None, description="Id of the organisation or person that decided; of a "
                                   "proposal, the body that is to decide it, not its proposer.")
    date: str | None = Field(None, description="TIMEX value of when it was decided.")
    day: dt.date | None = Field(None, description="The day it was decided, where exact.")
    points: list[str] = Field(default_factory=list)
    votes: Votes | None = Field(None, description="The vote taken on it, where one was.")
    reservations: list[Reservation] = Field(default_factory=list)
    amounts: list[str] = Field(default_factory=list, description="Amount ids.")
    deadlines: list[str] = Field(default_factory=list, description="Deadline ids.")
    section: str | None = Field(None, description="Id of the innermost section around it but a 'Beslut' heading.")
    source: Source

    def __repr__(self) -> str:
        short = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"Decision({self.kind}: {short!r})"

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

MeetingStatus = Literal["held", "planned"]

class Meeting(Located):
    """The meeting a protocol or minutes record, or a notice calls, read from its form (``text`` spans the form)."""

    id: str | None = None
    status: MeetingStatus = Field("held", description="'planned': the meeting a notice (kallelse) calls.")
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


class DocumentMeta(Record):
    """What the document says about itself."""

    kind: DocumentKind = "other"
    date: str | None = Field(None, description="TIMEX value of the document's own date.")
    day: dt.date | None = Field(None, description="The date, where it is exact to the day.")
    organisation: str | None = None
    body: str | None = Field(None, description="The board or committee: 'Kommunstyrelsens arbetsutskott'.")
    diarienummer: str | None = None
    author: str | None = None
    title: str | None = None
    evidence: dict[str, Evidence] = Field(default_factory=dict, description="Field name -> where it was read.")

class TextEdit(Record):
    """A change the normaliser made to the working view (reported, never applied to ``text``)."""

    start: int
    end: int
    original: str
    replacement: str
    reason: str

class Document(Record):
    """Everything kdextract found in one document."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = Field(None, description="The file name or caller's id.")
    text: str
    meta: DocumentMeta = Field(default_factory=DocumentMeta)
    preamble: Section | None = Field(None, description="Text before the first heading (letterhead, title).")
    sections: list[Section] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list, description="The meeting recorded (a list like every kind).")
    edits: list[TextEdit] = Field(default_factory=list, description="Normalisation and OCR repairs made.")
    page_starts: list[int] = Field(default_factory=list, description="Where the pages records' `page` counts begin.")
    warnings: list[str] = Field(default_factory=list)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, k))} {k}" for k in RECORD_KINDS if getattr(self, k))
        name = f"{self.id!r}, " if self.id else ""
        return f"Document({name}{self.meta.kind}, {self.meta.date or 'undated'}, {len(self.text)} chars: {counts or 'empty'})"

    __str__ = __repr__

    def to_dataframe(self, kind: str = "documents") -> Any:
        """One row per record of ``kind`` ("people", "amounts", …) as a pandas DataFrame (extra ``notebook``);
        without ``kind`` the one-row documents table: metadata and the number of records of each kind."""
        return _view("dataframe")(self, kind)

    def _repr_html_(self) -> str:
        """Notebook view: the text with its records highlighted (see ``kdextract.visualize``)."""
        html: str = _view("html")(self)
        return html

def _record_models() -> dict[str, type[Span]]:
    """The ``Document`` fields that hold lists of records with offsets, and their models, in field order."""
    found: dict[str, type[Span]] = {}
    for name, field in Document.model_fields.items():
        args = getattr(field.annotation, "__args__", ())
        if getattr(field.annotation, "__origin__", None) is list and args and isinstance(args[0], type) \
                and issubclass(args[0], Span):
            found[name] = args[0]
    return found

#: Record kind ("sections", "people", … "decisions") -> its model: the one list of record kinds
#: that pipeline, queries, tables, CLI and repr iterate.
RECORD_MODELS: dict[str, type[Span]] = _record_models()

RECORD_KINDS: tuple[str, ...] = tuple(RECORD_MODELS)
