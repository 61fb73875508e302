"""The section rules of ``resources/sv/sections.json``: line categories, item grammar, title words."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict

from kdextract.pattern_cache import compile_re
from kdextract.resources import Pattern, Rules
from kdextract.text.required_words import required_lower
from kdextract.text.word_starts import OTHER_CASED

LineCategory = Literal["wrapper", "furniture", "contact", "field", "toc", "title", "subheading"]
#: Fewest blanks before a memo's addressee set alone in the right-hand column of its head.
ADDRESSEE_INDENT = 30


class LineRule(BaseModel):
    """One line rule: what a matching line is (medspaCy-style: category, pattern or literals, level)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    category: LineCategory
    pattern: Pattern | None = None
    literals: list[str] = []
    level: int | None = None


class TopicLabel(BaseModel):
    """A topic label run into flattened text with its colon ("… i maj. Ekonomi: Prognosen visar …")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_words: int
    not_labels: list[str]


class SectionRules(Rules, file="sections.json"):
    """What the lines of a document are: wrappers, furniture, footers, labels, titles, headings, items."""

    categories: list[LineCategory]
    line_rules: list[LineRule]
    inline_wrappers: list[Pattern]
    toc_label: Pattern
    inline_subheadings: list[str]
    inline_item_part: Pattern
    inline_addressee: Pattern
    right_addressee: Pattern
    agenda_time_column: Pattern
    agenda_time_after_number: Pattern
    item_word: Pattern
    bare_item_word: Pattern
    bare_item_not_title: Pattern
    table_date_column: Pattern
    page_reference: Pattern
    numbered_name_end: Pattern
    member_line: Pattern
    dated_heading: Pattern
    section_label: Pattern
    agenda_item: Pattern
    paragraph_item: Pattern
    case_number: Pattern
    case_label: Pattern
    item_prefix: Pattern
    not_item_prefixes: list[str]
    not_before_item_number: list[str]
    month_names: list[str]
    weekday_names: list[str]
    year_after: list[str]
    group_heading_endings: list[str]
    title_abbreviation_ends: list[str]
    title_stop_words: list[str]
    name_nouns: list[str]
    caption: Pattern
    item_part_owner: Pattern
    item_part_labels: list[Pattern]
    heading_max_chars: int
    heading_max_words: int
    list_item: Pattern
    closing_headings: list[str]
    enclosure_headings: list[str]
    distribution_labels: list[str]
    issuer_name: Pattern
    presenter_column_header: Pattern
    dash_note: Pattern
    footer_name_words: list[str]
    page_footer_labels: list[str]
    item_document_labels: list[str]
    numbered_document_labels: list[str]
    item_body_labels: list[str]
    field_row_labels: list[str]
    adoption_words: list[str]
    field_value_abbreviations: list[str]
    memo_openings: list[str]
    letter_openings: list[str]
    letter_subjects: list[str]
    sentence_subject: Pattern
    sentence_pronouns: list[str]
    subject_genitive: Pattern
    subject_plural: Pattern
    finite_verbs: list[str]
    title_conjunctions: list[str]
    person_prepositions: list[str]
    topic_label: TopicLabel


def _calendar(pattern: str, data: SectionRules) -> str:
    """``pattern`` with its ``{month}`` and ``{weekday}`` written out as alternations of the calendar's words."""
    for name, words in (("{month}", data.month_names), ("{weekday}", data.weekday_names)):
        pattern = pattern.replace(name, "(?:" + "|".join(sorted(words, key=lambda w: (-len(w), w))) + ")")
    return pattern


def _anchored(pattern: str) -> bool:
    """Whether ``pattern`` matches at the start of a string only: it starts with "^" and has no "|"
    outside groups and sets (an unsure case counts as not anchored)."""
    if not pattern.startswith("^"):
        return False
    depth, in_set, escaped = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_set:
            in_set = ch != "]"
        elif ch == "[":
            in_set = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return False
    return True


class LineTest:
    """Whether a line has a match of any of some patterns: the anchored ones are tried at its start
    only (``match``), the others everywhere (``search``)."""

    def __init__(self, patterns: list[str]) -> None:
        def alt(ps: list[str]) -> regex.Pattern[str] | None:
            return compile_re("|".join(f"(?:{p})" for p in ps), regex.IGNORECASE) if ps else None

        self._at_start = alt([p for p in patterns if _anchored(p)])
        self._anywhere = alt([p for p in patterns if not _anchored(p)])
        #: lower-cased strings of which every match of ``_anywhere`` holds one (``text.required_words``)
        self._needs = None if self._anywhere is None else required_lower(self._anywhere.pattern, regex.IGNORECASE)

    def __call__(self, line: str) -> bool:
        return (self._at_start is not None and self._at_start.match(line) is not None
                or self._anywhere is not None and _may_hold(self._needs, line)
                and self._anywhere.search(line) is not None)


def _may_hold(needs: frozenset[str] | None, line: str) -> bool:
    """Whether ``line`` may hold one of ``needs`` as a case-insensitive match does (always where ``str.lower``
    may not tell: the length changes, or a cased letter outside Latin-1)."""
    if needs is None:
        return True
    low = line.lower()
    if len(low) != len(line) or max(line, default="") > "\xff" and OTHER_CASED.search(line) is not None:
        return True
    return any(w in low for w in needs)


class CompiledSectionRules:
    """The section rules, compiled: one alternation per line category, in the order of ``categories``."""

    def __init__(self, data: SectionRules) -> None:
        self.by_category = {c: LineTest([r.pattern for r in data.line_rules if r.category == c and r.pattern])
                            for c in data.categories}
        titles = [r.pattern.lstrip("^") for r in data.line_rules if r.category == "title" and r.pattern]
        #: a title word anywhere in a line ("Kommunstyrelsen PROTOKOLL 2(8)")
        self.title_anywhere = compile_re(r"(?<![\p{L}])(?:" + "|".join(titles) + ")", regex.IGNORECASE)
        self.order = tuple(c for c in data.categories if c != "subheading")
        self.subheadings = frozenset(w for r in data.line_rules if r.category == "subheading" for w in r.literals)
        literals = sorted(self.subheadings, key=lambda w: (-len(w), w))
        labels = [*data.item_part_labels, *(r"\s+".join(regex.escape(w) for w in s.split()) for s in literals)]
        #: an item-part label after its owner in the genitive ("Arbetsutskottets beslut"), a colon allowed
        self.item_part = compile_re(f"(?:{data.item_part_owner})(?:{'|'.join(labels)})\\s*:?",
                                       regex.IGNORECASE)
        self.toc_label = compile_re(r"(?<!\S)" + data.toc_label + r"(?=\s)")
        self.inline_subheadings = tuple(sorted(data.inline_subheadings, key=len, reverse=True))
        #: the same by their first letter, each letter's in that order (a word is looked up among its letter's only)
        self.inline_subheadings_by_first: dict[str, tuple[str, ...]] = {}
        for head in self.inline_subheadings:
            if not head:
                raise ValueError("an inline sub-heading is empty")
            self.inline_subheadings_by_first[head[0]] = (*self.inline_subheadings_by_first.get(head[0], ()), head)
        self.inline_item_part = compile_re(data.inline_item_part)
        self.inline_addressee = compile_re(r"(?<=[\p{L}\p{N}][ \t]+)" + data.inline_addressee)
        self._right_addressee = compile_re(data.right_addressee, regex.IGNORECASE)
        self.agenda_time = compile_re(data.agenda_time_column)
        self.agenda_time_after = compile_re(data.agenda_time_after_number)
        self.item_word = compile_re(data.item_word)
        self.bare_item_word = compile_re(data.bare_item_word)
        self.bare_item_not_title = compile_re(_calendar(data.bare_item_not_title, data))
        self.table_date = compile_re(data.table_date_column)
        self.page_reference = compile_re(data.page_reference, regex.IGNORECASE)
        #: a title's last words naming a numbered road, line or stage ("… för väg 97"): the number is the name's
        self.numbered_name_end = compile_re(data.numbered_name_end + r"[ \t]*$", regex.IGNORECASE)
        self.member_line = compile_re(data.member_line)
        self.dated_heading = compile_re(_calendar(data.dated_heading, data))
        self.section_label = compile_re(data.section_label)
        self.agenda = compile_re(data.agenda_item)
        self.paragraph = compile_re(data.paragraph_item)
        self.case = compile_re(data.case_number)
        self.case_label = compile_re(data.case_label, regex.IGNORECASE)
        self.item_prefix = compile_re(data.item_prefix)
        self.not_item_prefixes = frozenset((*data.not_item_prefixes, *data.month_names))
        self.title_stop_words = frozenset(data.title_stop_words)
        self.title_abbreviation_ends = tuple(data.title_abbreviation_ends)
        self.name_nouns = frozenset(data.name_nouns)
        self.not_before_number = frozenset(data.not_before_item_number)
        self.year_after = frozenset((*data.month_names, *data.year_after))
        self.group_heading_endings = tuple(data.group_heading_endings)
        self.list_item = compile_re(data.list_item)
        #: a table's or figure's caption with its number opening a line ("Tabell 1. Nettokostnad")
        self.caption = compile_re(data.caption)
        self.closing_headings = frozenset(data.closing_headings)
        self.enclosure_headings = frozenset(data.enclosure_headings)
        self.distribution_labels = frozenset(data.distribution_labels)
        self.footer_name_words = frozenset(data.footer_name_words)
        self.issuer_name = compile_re(data.issuer_name)
        self.presenter_column_header = compile_re(data.presenter_column_header)
        self.dash_note = compile_re(data.dash_note)
        self.page_footer_labels = tuple(data.page_footer_labels)
        self.item_document_labels = tuple(sorted(data.item_document_labels, key=len, reverse=True))
        self.numbered_document_labels = tuple(data.numbered_document_labels)
        self.field_row_labels = frozenset(w.casefold() for w in data.field_row_labels)
        #: a governing document's adoption line ("Fastställd av kommunfullmäktige 2026-04-22, § 45"): a capitalised
        #: participle, "av", a body of one to four words, a full date, the decision's paragraph, a full stop
        self.adoption_line = compile_re(
            r"(?<!\S)(?:" + "|".join(sorted((w.capitalize() for w in data.adoption_words), key=lambda w: (-len(w), w)))
            + r")[ \t]+av[ \t]+\p{L}[\p{L}-]*(?:[ \t]+\p{L}[\p{L}-]*){0,3}?[ \t]+(?:(?:19|20)\d{2}-\d{2}-\d{2}"
            + _calendar(r"|\d{1,2}[ \t]+{month}[ \t]+(?:19|20)\d{2})(?:,?[ \t]*§[ \t]*\d+)?\.?", data))
        self.field_value_abbreviations = tuple(sorted(data.field_value_abbreviations, key=lambda w: (-len(w), w)))
        self.item_body_labels = tuple(sorted(data.item_body_labels, key=lambda w: (-len(w), w)))
        self.memo_openings = frozenset(data.memo_openings)
        self.letter_openings = frozenset(data.letter_openings)
        self.letter_subjects = tuple(data.letter_subjects)
        self.sentence_subject = compile_re(data.sentence_subject)
        self.sentence_pronouns = frozenset(data.sentence_pronouns)
        self.subject_genitive = compile_re(data.subject_genitive)
        self.subject_plural = compile_re(data.subject_plural)
        self.finite_verbs = frozenset(data.finite_verbs)
        self.title_conjunctions = frozenset(data.title_conjunctions)
        self.person_prepositions = frozenset(data.person_prepositions)
        self.topic_label_words = data.topic_label.max_words
        self.not_topic_labels = frozenset(data.topic_label.not_labels)
        self.max_chars = data.heading_max_chars
        self.max_words = data.heading_max_words
        wrapper = [r.pattern for r in data.line_rules if r.category == "wrapper" and r.pattern]
        self.wrapper = compile_re("|".join(f"(?:{p})" for p in wrapper), regex.IGNORECASE)
        #: the same lines as OCR reads them: any space between words may be lost ("Laddaner dokument")
        self.ocr_wrapper = compile_re("|".join(f"(?:{_spaces_optional(p)})" for p in wrapper), regex.IGNORECASE)
        #: a hosting site's phrase run into the text of a flattened transcript
        self.inline_wrapper = compile_re("|".join(f"(?:{p})" for p in data.inline_wrappers), regex.IGNORECASE)

    def addressee_alone(self, line: str, indent: int) -> bool:
        """``line`` (stripped, ``indent`` blanks before it) is a memo's addressee set alone in its head's right-hand
        column ("Tekniska utskottet", "Till kommunstyrelsen"): a field, no heading."""
        return indent >= ADDRESSEE_INDENT and self._right_addressee.fullmatch(line) is not None


@lru_cache(maxsize=1)
def rules() -> CompiledSectionRules:
    """The Swedish section rules, compiled once."""
    return CompiledSectionRules(SectionRules.load())


#: A pattern's pieces that ``_spaces_optional`` reads: a "\\s+", an escape, a character class, a bare space.
_PIECE = compile_re(r"\\s\+|\\.|\[(?:\\.|[^\]\\])*\]| (?![?*+{])")


def _spaces_optional(pattern: str) -> str:
    """``pattern`` with each space and each ``\\s+`` outside a character class optional: OCR loses spaces."""
    return _PIECE.sub(lambda m: {"\\s+": "\\s*", " ": " ?"}.get(m.group(), m.group()), pattern)
