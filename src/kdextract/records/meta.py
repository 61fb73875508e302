"""Document metadata: kind, own date, issuing organisation, diarienummer, author, title.

Read from the preamble (letterhead, title, "Datum", "Diarienummer"), the attendance header
of minutes, and the signature block at the end. Every field found says where it was read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from kdextract.layout.lines import Line, split_lines
from kdextract.models import DocumentKind, DocumentMeta, Evidence, Section, Source
from kdextract.parsers.dates import find_dates, weekdays
from kdextract.resources import Pattern, Rules, load_lines
from kdextract.text.fold import fold
from kdextract.text.view import TextView

_HEAD_LINES = 40
_TAIL_LINES = 25
_YEAR = regex.compile(r"(?<![\d/-])(?:19[5-9]\d|20\d\d)(?![\d/-])")


class MetaRules(Rules, file="meta.json"):
    """How a document says what it is, when, by whom and under which case number."""

    kinds: list[tuple[DocumentKind, Pattern]]
    kind_fallbacks: list[tuple[DocumentKind, Pattern]]
    date_labels: Pattern
    diarienummer_labels: Pattern
    diarienummer: Pattern
    organisation_title: Pattern
    organisation_letterhead: Pattern
    author_labels: Pattern
    person_name: Pattern
    signature_roles: Pattern


@dataclass(frozen=True)
class _Compiled:
    kinds: list[tuple[DocumentKind, regex.Pattern[str]]]
    kind_fallbacks: list[tuple[DocumentKind, regex.Pattern[str]]]
    date_label: regex.Pattern[str]
    dnr_label: regex.Pattern[str]
    dnr: regex.Pattern[str]
    org_title: regex.Pattern[str]
    org_letterhead: regex.Pattern[str]
    author_label: regex.Pattern[str]
    person: regex.Pattern[str]
    role: regex.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _Compiled:
    data = MetaRules.load()
    flags = regex.IGNORECASE
    return _Compiled(
        kinds=[(kind, regex.compile(p, flags)) for kind, p in data.kinds],
        kind_fallbacks=[(kind, regex.compile(p, flags | regex.MULTILINE)) for kind, p in data.kind_fallbacks],
        date_label=regex.compile(data.date_labels, flags),
        dnr_label=regex.compile(data.diarienummer_labels, flags),
        dnr=regex.compile(data.diarienummer),
        org_title=regex.compile(data.organisation_title),
        org_letterhead=regex.compile(data.organisation_letterhead),
        author_label=regex.compile(data.author_labels, flags),
        person=regex.compile(data.person_name),
        role=regex.compile(data.signature_roles, flags),
    )


class _Reader:
    def __init__(self, view: TextView, preamble: Section | None, sections: list[Section]) -> None:
        self.text = view.text
        self.lines = [ln for ln in split_lines(view.text, view.heading_marks) if ln.kind != "blank"]
        head_end = preamble.end if preamble else (sections[0].start if sections else len(self.text))
        self.head = [ln for ln in self.lines[:_HEAD_LINES] if ln.start < max(head_end, 1)] or self.lines[:5]
        self.tail = self.lines[-_TAIL_LINES:]
        self.evidence: dict[str, Evidence] = {}

    def note(self, field: str, start: int, end: int, rule: str, why: str) -> None:
        self.evidence[field] = Evidence(text=self.text[start:end], start=start, end=end,
                                        source=Source(method="rule", name=f"meta/{rule}", explanation=why))


def read_meta(view: TextView, preamble: Section | None, sections: list[Section]) -> DocumentMeta:
    """The metadata of the document in ``view`` (offsets in evidence are into ``view.text``)."""
    r = _Reader(view, preamble, sections)
    title_line = next((ln for ln in r.head if ln.kind == "title"), None)
    kind = _kind(r, title_line)
    date, day = _date(r, title_line, sections)
    meta = DocumentMeta(
        kind=kind, date=date, day=day, organisation=_organisation(r, title_line),
        diarienummer=_diarienummer(r), author=_author(r),
        title=title_line.text if title_line else None,
    )
    if title_line:
        r.note("title", title_line.start, title_line.end, "title", "document title line")
    meta.evidence = r.evidence
    return meta


def _kind(r: _Reader, title: Line | None) -> DocumentKind:
    rules = _rules()
    candidates = [title] if title else r.head[:8]
    for line in candidates:
        for kind, pattern in rules.kinds:
            if pattern.search(line.text):
                r.note("kind", line.start, line.end, "kind_title", f"title matches {kind}")
                return kind
    for kind, pattern in rules.kind_fallbacks:
        m = pattern.search(r.text)
        if m:
            r.note("kind", m.start(), m.end(), "kind_cue", f"{kind} cue in the text")
            return kind
    return "other"


def _date(r: _Reader, title: Line | None, sections: list[Section]) -> tuple[str | None, dt.date | None]:
    rules = _rules()
    ordered: list[tuple[Line, str]] = []
    for i, line in enumerate(r.head):
        if rules.date_label.match(line.text):
            ordered.append((line, "date_label"))
            if i + 1 < len(r.head):
                ordered.append((r.head[i + 1], "date_label"))
    ordered.extend((ln, "date_line") for ln in r.head if ln.kind in ("text", "title", "field") and len(ln.text) <= 40)
    if title:
        ordered.append((title, "date_title"))
    for line, rule in ordered:
        for m in find_dates(line.text):
            if m.value[:4].isdigit() and m.granularity in ("day", "month", "datetime"):
                r.note("date", line.start + m.start, line.start + m.end, rule, "document date in the header")
                return m.value[:10], m.day
    found = _date_from_weekday(r)
    return found if found[0] else _current_year(r, sections)


def _current_year(r: _Reader, sections: list[Section]) -> tuple[str | None, dt.date | None]:
    """No date written: the year the text treats as current (headings weigh double; ties → earliest)."""
    years = Counter(int(y) for y in _YEAR.findall(r.text))
    for section in sections:
        years.update(int(y) for y in _YEAR.findall(section.title))
    if not years:
        return None, None
    year = min(years, key=lambda y: (-years[y], y))
    at = regex.search(rf"(?<!\d){year}(?!\d)", r.text)
    if at:
        r.note("date", at.start(), at.end(), "date_current_year", "the year the text mentions most (headings double)")
    return str(year), None


def _date_from_weekday(r: _Reader) -> tuple[str | None, dt.date | None]:
    """A header date written without a year ("Fredag den 9 juni"): the year that fits the weekday."""
    years = Counter(int(y) for y in _YEAR.findall(r.text))
    for line in r.head:
        for m in find_dates(line.text):
            weekday = next((i for w, i in weekdays().items() if w in fold(m.text)), None)
            if weekday is None or not m.value.startswith("XXXX-") or len(m.value) < 10:
                continue
            month, day = int(m.value[5:7]), int(m.value[8:10])
            fits = sorted({y + d for y in years for d in (-1, 0, 1)})
            fits = [y for y in fits if _weekday(y, month, day) == weekday]
            if fits:
                best = max(fits, key=lambda y: (years.get(y, 0) + years.get(y + 1, 0), -abs(y - max(years))))
                r.note("date", line.start + m.start, line.start + m.end, "date_weekday",
                       f"weekday fits {best}, a year the text refers to")
                value = dt.date(best, month, day)
                return value.isoformat(), value
    return None, None


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _organisation(r: _Reader, title: Line | None) -> str | None:
    rules = _rules()
    if title and (m := rules.org_title.search(title.text)):
        r.note("organisation", title.start + m.start("org"), title.start + m.end("org"), "org_title", "named in the title")
        return str(m.group("org"))
    for line in [*r.head, *r.tail]:
        if (m := rules.org_letterhead.match(line.text)) and _known_issuer(m.group("org")):
            r.note("organisation", line.start, line.end, "org_letterhead", "letterhead line")
            return str(m.group("org"))
    return None


def _known_issuer(name: str) -> bool:
    """A letterhead "<X> kommun"/"<X>s stad" names a real municipality; regions pass as written."""
    words = name.split()
    if words[-1] not in ("kommun", "stad"):
        return True
    place = " ".join(words[:-1])
    return place in _municipalities() or (place.endswith("s") and place[:-1] in _municipalities())


@lru_cache(maxsize=1)
def _municipalities() -> frozenset[str]:
    return frozenset(line.split(";")[0] for line in load_lines("municipalities.txt"))


def _diarienummer(r: _Reader) -> str | None:
    rules = _rules()
    for i, line in enumerate(r.head):
        label = rules.dnr_label.search(line.text)
        if not label:
            continue
        for candidate, offset in ((line.text[label.end():], line.start + label.end()),
                                  *((ln.text, ln.start) for ln in r.head[i + 1:i + 3])):
            m = rules.dnr.search(candidate)
            if m and m.start() <= 2:
                value = str(m.group()).strip()
                r.note("diarienummer", offset + m.start(), offset + m.start() + len(value), "dnr_label", "after a Dnr label")
                return value
    return None


def _author(r: _Reader) -> str | None:
    rules = _rules()
    tail = r.tail
    for i, line in enumerate(tail):
        m = rules.author_label.match(line.text)
        if not m:
            continue
        rest = m.group("name").strip()
        candidates = [(rest, line.start + m.start("name"))] if rest else []
        candidates += [(ln.text, ln.start) for ln in tail[i + 1:i + 2]]
        for text, start in candidates:
            if name := rules.person.match(text):
                r.note("author", start, start + len(name.group("name")), "author_label", "name after a signature label")
                return str(name.group("name"))
    for i in range(len(tail) - 1, -1, -1):
        line = tail[i]
        name = rules.person.match(line.text)
        if name and i + 1 < len(tail) and rules.role.match(tail[i + 1].text):
            r.note("author", line.start, line.end, "signature", "name above a title at the end")
            return str(name.group("name"))
    return None
