"""The ``Document``: what kdextract found in one document, its metadata, and the list of record kinds."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any, Literal

from pydantic import Field

from kdextract.models.base import Evidence, Record, Span
from kdextract.models.decision import Decision
from kdextract.models.meeting import Meeting
from kdextract.models.records import Amount, DateMention, Deadline, Organisation, Person, Project, Section

SCHEMA_VERSION = "2.0"

#: Views of a ``Document`` that live in the output layer, as ``"module:function"``; the package
#: registers them (``kdextract/__init__.py``) and they are imported on first use, so the models
#: import nothing from the rest of kdextract.
VIEWS: dict[str, str] = {}

def _view(name: str) -> Callable[..., Any]:
    target = VIEWS.get(name)
    if target is None:
        raise LookupError(f"no {name!r} view is registered; import kdextract first")
    module, _, function = target.partition(":")
    view: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return view

DocumentKind = Literal[
    "kommundirektorens_rapport",
    "minnesanteckningar",
    "protokoll",
    "protokollsutdrag",
    "tjansteskrivelse",
    "kallelse",
    "other",
]

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
