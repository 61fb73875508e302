"""The public records: pydantic v2 models that ``kdextract.parse`` returns.

The package imports nothing from the rest of kdextract (it is the bottom layer); its modules:
``base`` (provenance and offsets), ``records`` (sections and the records of running text),
``decision``, ``meeting`` and ``document``.

Every item found in the text carries ``start``/``end`` character offsets into the input
(end exclusive, so ``doc.text[item.start:item.end] == item.text``) and a ``source`` that
says which rule or model produced it. Records refer to each other by ``id`` strings that
are stable within one ``Document`` ("sec-3", "per-1", "amt-2"), never by copies or names.

Times follow one convention: a field named ``value`` or ``date`` holds a TIMEX string
("2014-05-08", "2014-05", "2013-H2", "a/b" ranges); the exact ``datetime.date`` behind it,
where there is one, is ``day`` (and ``end_day`` for the last day of a range).
"""

from __future__ import annotations

from kdextract.models.base import (
    Evidence,
    Located,
    Mention,
    Method,
    Record,
    Source,
    Span,
)
from kdextract.models.decision import (
    Decision,
    DecisionKind,
    DecisionOutcome,
    Reservation,
    Votes,
)
from kdextract.models.document import (
    RECORD_KINDS,
    RECORD_MODELS,
    SCHEMA_VERSION,
    VIEWS,
    Document,
    DocumentKind,
    DocumentMeta,
    TextEdit,
)
from kdextract.models.meeting import (
    AttendanceCategory,
    Attendee,
    Meeting,
)
from kdextract.models.records import (
    Amount,
    DateMention,
    Deadline,
    DeadlineKind,
    Granularity,
    Organisation,
    OrganisationKind,
    Person,
    Project,
    ProjectStatus,
    Qualifier,
    Section,
    SectionCategory,
)

__all__ = [
    "Amount",
    "AttendanceCategory",
    "Attendee",
    "DateMention",
    "Deadline",
    "DeadlineKind",
    "Decision",
    "DecisionKind",
    "DecisionOutcome",
    "Document",
    "DocumentKind",
    "DocumentMeta",
    "Evidence",
    "Granularity",
    "Located",
    "Meeting",
    "Mention",
    "Method",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Project",
    "ProjectStatus",
    "Qualifier",
    "RECORD_KINDS",
    "RECORD_MODELS",
    "Record",
    "Reservation",
    "SCHEMA_VERSION",
    "Section",
    "SectionCategory",
    "Source",
    "Span",
    "TextEdit",
    "VIEWS",
    "Votes",
]
