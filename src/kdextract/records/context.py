"""What record builders see: the working text and everything found in it so far.

All offsets in a ``Context`` are into ``ctx.text`` (the working view); the pipeline maps
them back to the input text once every record is built.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from kdextract.layout.sections import SectionIndex
from kdextract.models import (
    Amount,
    DateMention,
    Deadline,
    DocumentMeta,
    Organisation,
    Person,
    Project,
    Section,
)
from kdextract.text.view import TextView

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Context:
    """Inputs and results shared by the record builders, filled in pipeline order.

    ``sections`` and ``sentences`` are fixed once the context is made: lookups index them once.
    """

    view: TextView
    sections: list[Section]
    sentences: list[tuple[int, int]]
    meta: DocumentMeta
    reference: dt.date | None = None
    ner: Doc | None = None
    dates: list[DateMention] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The working text every offset here refers to."""
        return self.view.text

    @cached_property
    def _sections(self) -> SectionIndex:
        return SectionIndex(self.sections)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def section_at(self, offset: int) -> str | None:
        """Id of the innermost section containing ``offset``."""
        return self._sections.id_at(offset)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence span containing ``offset`` (the whole text when there are none)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return 0, len(self.text)
