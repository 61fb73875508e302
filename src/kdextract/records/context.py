"""What record builders see: the working text, the document built so far, sentences and NER.

All offsets in a ``Context`` are into ``ctx.text`` (the working view); the pipeline maps
them back to the input text once every record is built.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from kdextract.layout.sections import SectionIndex
from kdextract.models import Document, DocumentMeta, Section
from kdextract.records.person_candidate import PCand
from kdextract.records.person_rules import person_candidates
from kdextract.text.fold import fold
from kdextract.text.view import TextView

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Context:
    """Inputs and results shared by the record builders.

    ``doc`` is the document under construction: its text, meta and sections are set before the
    builders run, and each builder's records are stored in it (``ctx.doc.dates``) before the next
    runs. ``sentences`` and the sections are fixed once the context is made: lookups index them once.
    """

    view: TextView
    doc: Document
    sentences: list[tuple[int, int]]
    reference: dt.date | None = None
    ner: Doc | None = None

    @classmethod
    def of(cls, view: TextView, sections: Sequence[Section] = (), sentences: Sequence[tuple[int, int]] = (),
           meta: DocumentMeta | None = None, reference: dt.date | None = None, ner: Doc | None = None,
           **records: list[Any]) -> Context:
        """A context over ``view`` with the given sections, sentences, meta and records found so far."""
        doc = Document(text=view.text, meta=meta or DocumentMeta(), sections=list(sections))
        for kind, found in records.items():
            setattr(doc, kind, found)
        return cls(view, doc, list(sentences), reference, ner)

    @property
    def text(self) -> str:
        """The working text every offset here refers to."""
        return self.view.text

    @property
    def meta(self) -> DocumentMeta:
        """What the document says about itself (builders may complete it)."""
        return self.doc.meta

    @property
    def sections(self) -> list[Section]:
        """The document's sections, in reading order."""
        return self.doc.sections

    @cached_property
    def folded(self) -> str:
        """``fold(self.text)``, made once for the builders that read the whole text folded."""
        return fold(self.text)

    @cached_property
    def _sections(self) -> SectionIndex:
        return SectionIndex(self.sections)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def emphasis_from(self) -> dict[int, list[tuple[int, int]]]:
        """The view's emphasised spans by their start, each start's in the view's order."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for a, b in self.view.emphasis:
            spans.setdefault(a, []).append((a, b))
        return spans

    @cached_property
    def person_candidates(self) -> list[PCand]:
        """``person_candidates`` of the text (with ``ner``): the people's and the organisations' builders share them."""
        return person_candidates(self.text, self.ner)

    def section_at(self, offset: int) -> str | None:
        """Id of the innermost section containing ``offset``."""
        return self._sections.id_at(offset)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence span containing ``offset`` (the whole text when there are none)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return 0, len(self.text)
