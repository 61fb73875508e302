"""Document metadata: kind, own date, issuing organisation, body, diarienummer, author, title.

Read from the head of the document (letterhead, title, "Datum", "Diarienummer"), its running
headers, the protocol form and the signatures at the end; every field found says where it
was read (``DocumentMeta.evidence``). Dates: ``meta_when``; organisation, body, author and
diarienummer: ``meta_who``; author: ``meta_author``; what they look at: ``meta_reader``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.layout.lines import Line
from kdextract.models import DocumentKind, DocumentMeta, Evidence, Section, Source
from kdextract.pattern_cache import compile_re
from kdextract.records.meta_author import read_author
from kdextract.records.meta_reader import Reader, meta_rules
from kdextract.records.meta_when import read_date
from kdextract.records.meta_who import read_body, read_diarienummer, read_organisation
from kdextract.text.ocr_confusions import ConfusionRules
from kdextract.text.view import TextView

#: Head lines whose kind words count (beyond the title line and the running headers).
KIND_LINES = 12
#: Form fields of the meeting itself: above them, an anslagsbevis heading is a protocol's box, not the document.
_MEETING_FIELDS = frozenset({"attendance", "adjusters", "paragraphs"})
#: How far into the document's first line a capitalised kind word names the document: a flattened head runs the
#: letterhead and the kind together ("Sörby kommun Kommunledningskontoret Tjänsteskrivelse Datum …").
FLAT_KIND_CHARS = 120


def read_meta(view: TextView, preamble: Section | None, sections: list[Section],
              lines: list[Line] | None = None) -> DocumentMeta:
    """The metadata of the document in ``view`` (offsets in evidence are into ``view.text``);
    ``lines`` are its ``split_lines`` where they are known."""
    r = Reader(view, preamble, sections, lines)
    title_line = next((ln for ln in r.head if ln.kind == "title"), None)
    kind = _kind(r, title_line)
    diarienummer = read_diarienummer(r) or (_item_case(r) if kind == "protokollsutdrag" else None)
    date, day = read_date(r, title_line, diarienummer, kind)
    meta = DocumentMeta(
        kind=kind, date=date, day=day, organisation=read_organisation(r, title_line), body=read_body(r),
        diarienummer=diarienummer, author=read_author(r, kind), title=title_line.text if title_line else None,
    )
    if title_line:
        r.note("title", title_line.start, title_line.end, "title", "document title line")
    meta.evidence = r.evidence
    return meta


def with_subject(meta: DocumentMeta, text: str, subject: Section) -> DocumentMeta:
    """``meta`` with a memo's subject line (ärendemening) as its title, read from ``text``."""
    evidence = dict(meta.evidence)
    evidence["title"] = Evidence(text=text[subject.title_start:subject.title_end], start=subject.title_start,
                                 end=subject.title_end, source=Source(method="rule", name="meta/memo_subject",
                                                                      explanation="the memo's subject line"))
    return meta.model_copy(update={"title": subject.title, "evidence": evidence})


#: Date rules that guess a year from the body rather than read the document's own date.
_GUESSED_DATES = frozenset({"meta/date_current_year"})


def with_given_date(meta: DocumentMeta, day: dt.date | None) -> DocumentMeta:
    """``meta`` with the caller's document date ``day`` where the text gives no date of its own (none, or only
    the year it mentions most): a given date beats a guess."""
    noted = meta.evidence.get("date")
    if day is None or meta.date is not None and (noted is None or noted.source.name not in _GUESSED_DATES):
        return meta
    evidence = dict(meta.evidence)
    evidence["date"] = Evidence(text="", start=0, end=0, source=Source(
        method="inferred", name="meta/document_date", explanation="the document date given by the caller"))
    return meta.model_copy(update={"date": day.isoformat(), "day": day, "evidence": evidence})


def _kind(r: Reader, title: Line | None) -> DocumentKind:
    """What the document says it is; where it says several things, the record of a meeting beats its notice. In an
    e-mail a kind word that opens the subject line counts as one that opens a line."""
    rules = meta_rules()
    found: dict[DocumentKind, Line] = {}
    first = r.head[0] if r.head else None
    mailed = first is not None and rules.mail_from.match(first.text) is not None
    for line in _kind_lines(r, title):
        readings = list(_readings(line.text))
        subject = rules.mail_subject.match(line.text) if mailed else None
        opening = subject.end() if subject else 0
        for kind, pattern in rules.kinds:
            for text in readings:
                m = pattern.search(text)
                if m is not None and (line is title or line.page_start or m.group().isupper()
                                      or (m.start() == opening and len(text) - opening <= 80)
                                      or line is first and m.start() <= FLAT_KIND_CHARS and m.group()[:1].isupper()):
                    found.setdefault(kind, line)
                    break
    for kind in rules.data.kind_priority:
        if kind in found and not (kind == "other" and _in_protocol(r, found[kind])):
            line = found[kind]
            r.note("kind", line.start, line.end, "kind_title", f"the document calls itself {kind}")
            return kind
    # "ANSLAGSBEVIS" on one of the first lines, read as a heading: a notice of posted minutes, whatever its form —
    # but not the box on a protocol's cover page, under the meeting's attendance or adjusters
    notice = dict(rules.kinds)["other"]
    if (heading := next((ln for ln in r.lines[:KIND_LINES] if notice.search(ln.text.strip())), None)) is not None \
            and not _in_protocol(r, heading):
        r.note("kind", heading.start, heading.end, "kind_title", "the document calls itself a notice of posted minutes")
        return "other"
    return _kind_from_form(r) or _kind_from_cues(r)


def _in_protocol(r: Reader, line: Line) -> bool:
    """``line`` stands under the meeting's attendance, adjusters or paragraphs: a box on a protocol's cover page."""
    return any(f.label_start < line.start and f.label.field in _MEETING_FIELDS for f, _ in r.form)


@lru_cache(maxsize=1)
def _lookalikes() -> tuple[tuple[regex.Pattern[str], str], ...]:
    """OCR's look-alike letter groups and the letter each stands for ("rn" for "m", "cl" for "d"), from the confusion
    table."""
    table = ConfusionRules.load().substitutions
    return tuple((compile_re(regex.escape(seen), regex.IGNORECASE), meant)
                 for seen, meant, _, kind, _ in table if kind == "letter" and len(seen) > 1)


def _readings(text: str) -> Iterator[str]:
    """``text``, then each reading of it with one of OCR's look-alike letter groups undone wherever it stands
    ("Kornmundirektörens rapport" -> "Kommundirektörens rapport"), the case of each kept."""
    yield text
    for pattern, meant in _lookalikes():
        if pattern.search(text):
            yield pattern.sub(lambda m: meant.upper() if m.group().isupper() else meant, text)


def _kind_lines(r: Reader, title: Line | None) -> list[Line]:
    lines = [title] if title else []
    return lines + [ln for ln in r.head[:KIND_LINES] if ln is not title] + r.page_headers


def _kind_from_form(r: Reader) -> DocumentKind | None:
    """A protocol form (adjustment, notice, § range) makes a protocol; a memo header (handläggare, Dnr) a memo."""
    rules = meta_rules().data
    fields = {f.label.field for f, _ in r.form}
    if fields & set(rules.protocol_form_fields):
        kind: DocumentKind = "protokoll"
    elif set(rules.memo_form_fields) <= fields:
        kind = "tjansteskrivelse"
    else:
        return None
    first = r.form[0][0]
    r.note("kind", first.label_start, first.label_end, "kind_form", f"the form of a {kind}")
    return kind


#: The blanks before a point, read backwards.
_BLANKS_BEFORE = compile_re(r"(?r)\s*")


def _kind_from_cues(r: Reader) -> DocumentKind:
    rules = meta_rules()
    for kind, pattern in rules.kind_fallbacks:
        m = pattern.search(r.text)  # (from the cue's own line: see _first_blank_line)
        if m:
            r.note("kind", _first_blank_line(r.text, m.start()), m.end(), "kind_cue", f"{kind} cue in the text")
            return kind
    agenda_title = next((ln for ln in r.head if rules.agenda_page.match(ln.text)), None)
    listed = [s for s in r.sections if s.level == 1 and s.case_number and not s.number]
    if agenda_title is not None or len(listed) >= 3:
        at = agenda_title or listed[0]
        r.note("kind", at.start, at.end, "kind_agenda_page", "the agenda page of a meeting portal")
        return "kallelse"
    return "other"


def _first_blank_line(text: str, start: int) -> int:
    """The first of the blank lines right over the line at ``start``, where the cue's note begins: a cue's blanks are
    read from its own line (each line of a long blank run read the rest of the run), its note spans them all."""
    w = _BLANKS_BEFORE.match(text, 0, start)
    w_start = w.start() if w is not None else start
    return 0 if w_start == 0 else text.index("\n", w_start, start) + 1 if "\n" in text[w_start:start] else start


def _item_case(r: Reader) -> str | None:
    """The case number of an extract's items where they all share one ("§ 142   Dnr KS 2023/301", or "§ 31" and
    "§ 32" of one case): the extract is of that case."""
    items = [sec for sec in r.sections if sec.level == 1 and sec.category == "paragraph"]
    cases = {sec.case_number for sec in items}
    if len(cases) != 1 or items[0].case_number is None:
        return None
    case = items[0].case_number
    at = r.text.find(case, items[0].start, items[0].body_start)
    if at >= 0:
        why = "one item" if len(items) == 1 else "items, all of them"
        r.note("diarienummer", at, at + len(case), "dnr_item", f"the case number of the extract's {why}")
    return case
