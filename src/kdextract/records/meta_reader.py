"""What the metadata readers look at: the rules of ``meta.json`` and one view of the document's head.

The head is the first lines up to the first section, the running headers are the lines that
open a page (the layout step marks them), the form is the protocol form's fields with the
people in them, and the tail is the last lines (signatures).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from kdextract.layout.form import Field
from kdextract.layout.lines import Line, split_lines
from kdextract.models import DateMention, DocumentKind, Evidence, Section, Source
from kdextract.parsers.dates import find_dates
from kdextract.pattern_cache import compile_re
from kdextract.records.attendance import Entry
from kdextract.records.attendance_forms import form_entries
from kdextract.resources import Pattern, Rules
from kdextract.text.view import TextView

HEAD_LINES = 40
TAIL_LINES = 25


class MetaRules(Rules, file="meta.json"):
    """How a document says what it is, when, by whom and under which case number."""

    kinds: list[tuple[DocumentKind, Pattern]]
    kind_fallbacks: list[tuple[DocumentKind, Pattern]]
    date_labels: Pattern
    own_date_labels: Pattern
    other_date_words: Pattern
    decision_date_labels: Pattern
    own_date_kinds: list[DocumentKind]
    mail_from_label: Pattern
    mail_sent_label: Pattern
    mail_subject_label: Pattern
    diarienummer_labels: Pattern
    diarienummer: Pattern
    dated_case_line: Pattern
    case_under_date: Pattern
    organisation_title: Pattern
    organisation_letterhead: Pattern
    issuer_own_minutes: Pattern
    author_labels: Pattern
    inline_author_labels: Pattern
    sender_labels: Pattern
    person_name: Pattern
    signature_roles: Pattern
    manager_roles: Pattern
    kind_priority: list[DocumentKind]
    protocol_form_fields: list[str]
    memo_form_fields: list[str]
    agenda_page_title: Pattern
    meeting_date_fields: list[str]
    signed_before_meeting: list[DocumentKind]
    byline_kinds: list[DocumentKind]
    convener_kinds: list[DocumentKind]
    minutes_kinds: list[DocumentKind]
    mailed_keep_meeting_date: list[DocumentKind]
    posted_date_kinds: list[DocumentKind]
    chair_roles: Pattern
    cooperation: Pattern
    secretary_roles: Pattern
    signature_row_labels: Pattern
    signature_row_writers: Pattern
    body: Pattern


@dataclass(frozen=True)
class Compiled:
    """The rules of ``meta.json``, compiled."""

    data: MetaRules
    kinds: list[tuple[DocumentKind, regex.Pattern[str]]]
    kind_fallbacks: list[tuple[DocumentKind, regex.Pattern[str]]]
    date_label: regex.Pattern[str]
    own_date_label: regex.Pattern[str]
    other_date_words: regex.Pattern[str]
    decision_date_label: regex.Pattern[str]
    mail_from: regex.Pattern[str]
    mail_sent: regex.Pattern[str]
    mail_subject: regex.Pattern[str]
    dnr_label: regex.Pattern[str]
    dnr: regex.Pattern[str]
    dated_case: regex.Pattern[str]
    case_under_date: regex.Pattern[str]
    org_title: regex.Pattern[str]
    org_letterhead: regex.Pattern[str]
    org_own: regex.Pattern[str]
    author_label: regex.Pattern[str]
    inline_author_label: regex.Pattern[str]
    sender_label: regex.Pattern[str]
    person: regex.Pattern[str]
    role: regex.Pattern[str]
    manager: regex.Pattern[str]
    agenda_page: regex.Pattern[str]
    cooperation: regex.Pattern[str]
    secretary: regex.Pattern[str]
    chair: regex.Pattern[str]
    body: regex.Pattern[str]
    body_search: regex.Pattern[str]  # ``body`` tried only at the first capital of a run of letters and hyphens


#: Where ``body`` is searched for: at the first capital of a run of letters and hyphens. A later
#: capital of the same run can only begin a shorter name that ends where one from the first would,
#: so skipping it changes no match and keeps the search linear ("Anna-Anna-…" took the square).
_FIRST_CAPITAL_OF_RUN = r"(?=\p{Lu})(?<!\p{Lu}[\p{L}-]*?)"


@lru_cache(maxsize=1)
def meta_rules() -> Compiled:
    """The metadata rules, compiled once."""
    data = MetaRules.load()
    flags = regex.IGNORECASE
    return Compiled(
        data=data,
        kinds=[(kind, compile_re(p, flags)) for kind, p in data.kinds],
        kind_fallbacks=[(kind, compile_re(p, flags | regex.MULTILINE)) for kind, p in data.kind_fallbacks],
        date_label=compile_re(data.date_labels, flags),
        own_date_label=compile_re(data.own_date_labels, flags),
        other_date_words=compile_re(data.other_date_words, flags),
        decision_date_label=compile_re(data.decision_date_labels, flags),
        mail_from=compile_re(data.mail_from_label, flags),
        mail_sent=compile_re(data.mail_sent_label, flags),
        mail_subject=compile_re(data.mail_subject_label, flags),
        dnr_label=compile_re(data.diarienummer_labels, flags),
        dnr=compile_re(data.diarienummer),
        dated_case=compile_re(data.dated_case_line),
        case_under_date=compile_re(data.case_under_date),
        org_title=compile_re(data.organisation_title),
        org_letterhead=compile_re(data.organisation_letterhead),
        org_own=compile_re(data.issuer_own_minutes),
        author_label=compile_re(data.author_labels, flags),
        inline_author_label=compile_re(data.inline_author_labels, flags),
        sender_label=compile_re(data.sender_labels, flags),
        person=compile_re(data.person_name),
        role=compile_re(data.signature_roles, flags),
        manager=compile_re(data.manager_roles, flags),
        agenda_page=compile_re(data.agenda_page_title, flags),
        cooperation=compile_re(data.cooperation, flags),
        secretary=compile_re(data.secretary_roles, flags),
        chair=compile_re(data.chair_roles, flags),
        body=compile_re(data.body),
        body_search=compile_re(_FIRST_CAPITAL_OF_RUN + data.body),
    )


class Reader:
    """The document as the metadata readers see it, and the evidence they note."""

    def __init__(self, view: TextView, preamble: Section | None, sections: list[Section],
                 lines: list[Line] | None = None) -> None:
        self.view = view
        self.text = view.text
        self.sections = sections
        if lines is None:
            lines = split_lines(view.text, view.heading_marks)
        self.lines = [ln for ln in lines if ln.kind != "blank"]
        head_end = preamble.end if preamble else (sections[0].start if sections else len(self.text))
        self.head = [ln for ln in self.lines[:HEAD_LINES] if ln.start < max(head_end, 1)] or self.lines[:5]
        self.tail = self.lines[-TAIL_LINES:]
        self.page_headers = [ln for ln in self.lines if ln.page_start and ln.text]
        self.form: tuple[tuple[Field, tuple[Entry, ...]], ...] = form_entries(view.text)
        self.evidence: dict[str, Evidence] = {}
        self._dates: dict[str, list[DateMention]] = {}

    def dates(self, line: str) -> list[DateMention]:
        """``find_dates(line)``, read once per line text (the date readers go over the head lines several times)."""
        found = self._dates.get(line)
        if found is None:
            found = self._dates[line] = find_dates(line)
        return found

    def note(self, field: str, start: int, end: int, rule: str, why: str, score: float = 1.0) -> None:
        self.evidence[field] = Evidence(text=self.text[start:end], start=start, end=end,
                                        source=Source(method="rule", name=f"meta/{rule}", explanation=why, score=score))

    def fields(self, *kinds: str) -> list[tuple[Field, tuple[Entry, ...]]]:
        """The form fields of ``kinds``, in reading order."""
        return [(f, e) for f, e in self.form if f.label.field in kinds]

    def inside_field(self, start: int, kinds: set[str]) -> bool:
        """``start`` lies in the value of a form field of ``kinds``."""
        return any(f.value_start <= start < max(f.value_end, f.value_start + 1) and f.label.field in kinds
                   for f, _ in self.form)

    def cover(self) -> list[Line]:
        """The head lines and every running header (a page's first line names the document too)."""
        seen = {ln.start for ln in self.head}
        return [*self.head, *(ln for ln in self.page_headers if ln.start not in seen)]
