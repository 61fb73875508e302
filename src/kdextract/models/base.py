"""The base of every public record: provenance (``Source``), offsets (``Span``, ``Located``), mentions and evidence."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: How an item was found: a pattern rule, a list of known names, the NER model, or reasoning over other items.
Method = Literal["rule", "gazetteer", "model", "inferred"]

class Source(BaseModel):
    """Provenance: the rule or model behind an item, how sure it is and why it matched."""

    model_config = ConfigDict(frozen=True)

    method: Method
    name: str = Field(description="Rule id (e.g. 'dates/day_month') or model name.")
    score: float = Field(1.0, ge=0.0, le=1.0, description="Confidence in [0, 1].")
    explanation: str | None = None

    def __repr__(self) -> str:
        return f"Source({self.method}:{self.name}, {self.score:.2f})"

class Record(BaseModel):
    """Base of every public model: strict about unknown fields, lossless through JSON."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

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
