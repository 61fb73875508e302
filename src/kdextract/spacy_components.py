"""spaCy pipeline components that put kdextract's results on a ``Doc``.

Registered under spaCy's ``spacy_factories`` entry point, so they work in any pipeline
without importing kdextract first::

    import spacy
    nlp = spacy.blank("sv")
    nlp.add_pipe("kdextract_sections")
    doc = nlp(text)
    doc._.kd_sections                # list[kdextract.Section], offsets into doc.text
    doc.spans["kd_sections"]         # the sections as spans, labelled by category
    doc.spans["kd_section_titles"]   # their headings
    doc[5]._.kd_section              # the innermost Section a token is in (or None)

    nlp.add_pipe("kdextract_records", config={"ner": False})
    doc._.kd_document                # the full kdextract.Document of doc.text

spaCy imports this module whenever it creates a ``Language`` (that is how entry-point
factories are found), so it imports nothing beyond spaCy at module level; kdextract's
text layer is loaded when a component is first created.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from kdextract.models import Document, Section
    from kdextract.text.view import TextView

__all__ = ["RecordsComponent", "SectionsComponent", "make_records", "make_sections", "register_extensions"]


def register_extensions() -> None:
    """Register the ``Doc``/``Token`` extensions the components fill (idempotent)."""
    if not Doc.has_extension("kd_sections"):
        Doc.set_extension("kd_sections", default=None)
    if not Doc.has_extension("kd_preamble"):
        Doc.set_extension("kd_preamble", default=None)
    if not Doc.has_extension("kd_document"):
        Doc.set_extension("kd_document", default=None)
    if not Token.has_extension("kd_section"):
        Token.set_extension("kd_section", getter=_token_section)


def _token_section(token: Token) -> Section | None:
    sections = token.doc._.kd_sections or []
    best = None
    for section in sections:
        if section.start <= token.idx < section.end and (best is None or section.level >= best.level):
            best = section
    return best


def _working_view(text: str, ocr_repair: bool | None) -> TextView:
    """The same working view ``kdextract.parse`` reads: normalised, OCR-repaired where needed, layout recovered."""
    from kdextract.layout.reflow import reflow
    from kdextract.text.normalize import normalize
    from kdextract.text.ocr import repair

    return reflow(repair(normalize(text), force=ocr_repair))


def _to_input(section: Section, view: TextView) -> Section:
    """``section`` with its view offsets mapped to offsets into the input text."""
    start, end = view.to_input(section.start, section.end)
    title_start, title_end = view.to_input(section.title_start, section.title_end)
    body_start, body_end = view.to_input(section.body_start, section.body_end)
    return section.model_copy(update={
        "start": start, "end": end, "title_start": title_start, "title_end": title_end,
        "body_start": body_start, "body_end": body_end,
        "title_parts": [view.to_input(a, b) for a, b in section.title_parts] if section.title_parts else None})


class SectionsComponent:
    """Finds the document's sections with kdextract's rules (no model needed)."""

    def __init__(self, name: str = "kdextract_sections", spans_key: str = "kd_sections",
                 titles_key: str = "kd_section_titles", ocr_repair: bool | None = None) -> None:
        from kdextract.pipeline import read_outline

        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.titles_key = titles_key
        self.ocr_repair = ocr_repair
        self._outline = read_outline

    def sections(self, text: str) -> tuple[Section | None, list[Section]]:
        """The preamble (or None) and the sections of ``text``, offsets into ``text``."""
        view = _working_view(text, self.ocr_repair)
        preamble, sections, _ = self._outline(view)
        return (_to_input(preamble, view) if preamble is not None else None,
                [_to_input(s, view) for s in sections])

    def __call__(self, doc: Doc) -> Doc:
        preamble, sections = self.sections(doc.text)
        doc._.kd_preamble = preamble
        doc._.kd_sections = sections
        doc.spans[self.spans_key] = _spans(doc, [(s.start, s.end, s.category) for s in sections])
        doc.spans[self.titles_key] = _spans(doc, [(s.title_start, s.title_end, s.category) for s in sections])
        return doc


def _spans(doc: Doc, places: list[tuple[int, int, str]]) -> list[Span]:
    spans = []
    for start, end, label in places:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


class RecordsComponent:
    """Runs ``kdextract.parse`` on the doc's text and keeps the ``Document`` on ``doc._.kd_document``."""

    def __init__(self, name: str = "kdextract_records", ner: bool = False, engine: str = "spacy",
                 document_date: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.ner = ner
        self.engine = engine
        self.document_date = document_date

    def parse(self, text: str) -> Document:
        """The kdextract Document of ``text`` under this component's settings."""
        from kdextract.api import parse

        engine: Any = self.engine
        return parse(text, ner=self.ner, engine=engine, document_date=self.document_date)

    def __call__(self, doc: Doc) -> Doc:
        document = self.parse(doc.text)
        doc._.kd_document = document
        if doc._.kd_sections is None:
            doc._.kd_sections = list(document.sections)
        return doc


@Language.factory(
    "kdextract_sections",
    default_config={"spans_key": "kd_sections", "titles_key": "kd_section_titles", "ocr_repair": None},
)
def make_sections(nlp: Language, name: str, spans_key: str, titles_key: str,
                  ocr_repair: bool | None) -> SectionsComponent:
    """spaCy factory of the ``kdextract_sections`` component."""
    return SectionsComponent(name, spans_key, titles_key, ocr_repair)


@Language.factory(
    "kdextract_records",
    default_config={"ner": False, "engine": "spacy", "document_date": None},
)
def make_records(nlp: Language, name: str, ner: bool, engine: str, document_date: str | None) -> Any:
    """spaCy factory of the ``kdextract_records`` component (``ner`` loads kdextract's own NER model)."""
    return RecordsComponent(name, ner, engine, document_date)
