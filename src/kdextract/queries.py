"""Query helpers mixed into ``Document``: look records up by id, section, project or body.

``models.Document`` inherits ``DocumentQueries``, so this module must not import
``kdextract.models`` at import time (only under ``TYPE_CHECKING`` or inside functions).

>>> doc = _example_document()
>>> [d.id for d in doc.decisions_in("sec-1")]
['dec-1']
>>> doc.get("amt-1").value
Decimal('2000000')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kdextract.models import (
        Amount, Deadline, Decision, Document, Organisation, Person, Project, Section,
    )

_LISTS = ("sections", "people", "organisations", "projects", "dates", "deadlines", "amounts", "decisions")
_LOCATED = ("people", "organisations", "projects", "dates", "deadlines", "amounts", "decisions")


def _fold(s: object) -> str:
    s = unicodedata.normalize("NFKD", str(s or "").casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", s).strip(" .,:;\"'")


def _strip_genitive(s: str) -> str:
    return s[:-1] if s.endswith("s") and not s.endswith("ss") else s


class DocumentQueries:
    """Small helpers for asking a parsed ``Document`` questions."""

    # -- lookup ----------------------------------------------------------------------------

    def _records(self) -> Iterator[Any]:
        for name in _LISTS:
            yield from getattr(self, name, [])

    def get(self, record_id: str) -> Any | None:
        """The record (section, person, organisation, project, date, deadline, amount or decision) with this id.

        >>> doc = _example_document()
        >>> doc.get("dec-1").kind
        'decision'
        >>> doc.get("sec-1").title
        'Budget'
        >>> doc.get("nope") is None
        True
        """
        for record in self._records():
            if getattr(record, "id", None) == record_id:
                return record
        return None

    def section(self, key: str) -> Section | None:
        """The section with this id, else the first whose title matches (case and accents folded).

        >>> doc = _example_document()
        >>> doc.section("sec-2").title
        'Beslut'
        >>> doc.section("budget").id
        'sec-1'
        """
        sections = getattr(self, "sections", [])
        for sec in sections:
            if sec.id == key:
                return sec  # type: ignore[no-any-return]
        folded = _fold(key)
        for sec in sections:
            if _fold(sec.title) == folded:
                return sec  # type: ignore[no-any-return]
        return None

    def _section_span(self, section: Section | str) -> tuple[int, int, str] | None:
        sec = self.section(section) if isinstance(section, str) else section
        if sec is None:
            return None
        return sec.start, sec.end, sec.id

    def records_in(self, section: Section | str, kinds: tuple[str, ...] = _LOCATED) -> list[Any]:
        """Records of the given kinds (list names) that lie inside a section (sub-sections included), in text order.

        >>> doc = _example_document()
        >>> [r.id for r in doc.records_in("sec-1")]
        ['dec-1', 'amt-1', 'dl-1', 'proj-1', 'org-1']
        >>> [r.id for r in doc.records_in("sec-2")]
        ['proj-1', 'org-1']
        >>> [r.id for r in doc.records_in("sec-1", kinds=("amounts",))]
        ['amt-1']
        """
        span = self._section_span(section)
        if span is None:
            return []
        a, b, sid = span
        inner = {s.id for s in getattr(self, "sections", []) if a <= s.start and s.end <= b}
        found = []
        for name in kinds:
            for record in getattr(self, name, []):
                start = getattr(record, "start", None)
                if (start is not None and a <= start < b) or getattr(record, "section", None) in inner | {sid}:
                    found.append(record)
        return sorted(found, key=lambda r: (getattr(r, "start", 0), _LISTS.index(_list_of(r))))

    def decisions_in(self, section: Section | str) -> list[Decision]:
        """Decisions made under a section (its "Beslut" subheadings included).

        >>> doc = _example_document()
        >>> [d.text for d in doc.decisions_in("Budget")]
        ['Nämnden beslutade att anslå 2 mnkr före den 1 juni.']
        >>> doc.decisions_in("sec-9")
        []
        """
        return self.records_in(section, ("decisions",))

    # -- links -----------------------------------------------------------------------------

    def _resolve(self, ref: Any) -> Any:
        return self.get(ref) if isinstance(ref, str) else ref

    def amounts_for(self, record: Project | Decision | str) -> list[Amount]:
        """The amounts a project or decision refers to (by record or id).

        >>> doc = _example_document()
        >>> [a.text for a in doc.amounts_for("dec-1")]
        ['2 mnkr']
        >>> doc.amounts_for("proj-1")
        []
        """
        rec = self._resolve(record)
        ids = getattr(rec, "amounts", None) or []
        return [a for a in (self.get(i) for i in ids) if a is not None]

    def deadlines_for(self, record: Decision | str) -> list[Deadline]:
        """The deadlines a decision refers to (by record or id).

        >>> doc = _example_document()
        >>> [d.value for d in doc.deadlines_for("dec-1")]
        ['2024-06-01']
        """
        rec = self._resolve(record)
        ids = getattr(rec, "deadlines", None) or []
        return [d for d in (self.get(i) for i in ids) if d is not None]

    def organisations_of(self, project: Project | str) -> list[Organisation]:
        """The organisations taking part in a project.

        >>> doc = _example_document()
        >>> [o.name for o in doc.organisations_of("proj-1")]
        ['Socialnämnden']
        """
        rec = self._resolve(project)
        ids = getattr(rec, "organisations", None) or []
        return [o for o in (self.get(i) for i in ids) if o is not None]

    def decisions_by(self, who: Organisation | Person | str) -> list[Decision]:
        """Decisions taken by an organisation or person: a record, an id, or a name (folded, genitive-tolerant).

        >>> doc = _example_document()
        >>> [d.id for d in doc.decisions_by("org-1")]
        ['dec-1']
        >>> [d.id for d in doc.decisions_by("socialnämnden")]
        ['dec-1']
        >>> [d.id for d in doc.decisions_by("nämnden")]
        ['dec-1']
        >>> doc.decisions_by("Kommunfullmäktige")
        []
        """
        rec = self._resolve(who) if isinstance(who, str) else who
        ids: set[str] = set()
        names: set[str] = set()
        if rec is not None and hasattr(rec, "name"):
            ids.add(rec.id)
            names |= {_strip_genitive(_fold(n)) for n in [rec.name, *getattr(rec, "aliases", [])]}
            names |= {_strip_genitive(_fold(m.text)) for m in getattr(rec, "mentions", [])}
        elif isinstance(who, str):
            names.add(_strip_genitive(_fold(who)))
            for org in [*getattr(self, "organisations", []), *getattr(self, "people", [])]:
                forms = {_strip_genitive(_fold(n)) for n in [org.name, *getattr(org, "aliases", [])]}
                if names & forms:
                    ids.add(org.id)
        return [d for d in getattr(self, "decisions", [])
                if (d.decided_by_id and d.decided_by_id in ids)
                or (d.decided_by and _strip_genitive(_fold(d.decided_by)) in names)]

    # -- time ------------------------------------------------------------------------------

    def deadlines_between(self, start: dt.date | str, end: dt.date | str) -> list[Deadline]:
        """Deadlines whose time overlaps ``[start, end]`` (dates or TIMEX values such as "2024-06").

        >>> doc = _example_document()
        >>> [d.id for d in doc.deadlines_between("2024-05-01", "2024-06-30")]
        ['dl-1']
        >>> [d.id for d in doc.deadlines_between("2024-06", "2024-06")]
        ['dl-1']
        >>> doc.deadlines_between(dt.date(2024, 7, 1), dt.date(2024, 12, 31))
        []
        """
        lo = timex_bounds(start)[0] if isinstance(start, str) else start
        hi = timex_bounds(end)[1] if isinstance(end, str) else end
        if lo is None or hi is None:
            raise ValueError(f"cannot read the period {start!r} - {end!r}")
        found = []
        for d in getattr(self, "deadlines", []):
            a, b = timex_bounds(d.value)
            if a is not None and b is not None and a <= hi and lo <= b:
                found.append(d)
        return sorted(found, key=lambda d: timex_bounds(d.value)[0] or dt.date.min)


def _list_of(record: Any) -> str:
    name = type(record).__name__
    return {"Section": "sections", "Person": "people", "Organisation": "organisations", "Project": "projects",
            "DateMention": "dates", "Deadline": "deadlines", "Amount": "amounts",
            "Decision": "decisions"}.get(name, "decisions")


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def timex_bounds(value: str) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a TIMEX value (day, week, month, quarter, half, tertial, season, year, range).

    >>> timex_bounds("2014-05")
    (datetime.date(2014, 5, 1), datetime.date(2014, 5, 31))
    >>> timex_bounds("2013-H2")
    (datetime.date(2013, 7, 1), datetime.date(2013, 12, 31))
    >>> timex_bounds("2010-12-15/2010-12-16")
    (datetime.date(2010, 12, 15), datetime.date(2010, 12, 16))
    >>> timex_bounds("2023-06-09T08:30")
    (datetime.date(2023, 6, 9), datetime.date(2023, 6, 9))
    >>> timex_bounds("soon")
    (None, None)
    """
    value = (value or "").strip()
    if "/" in value:
        a, b = value.split("/", 1)
        return timex_bounds(a)[0], timex_bounds(b)[1]
    value = value.split("T", 1)[0]
    try:
        m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
        if m:
            y = int(m.group(1))
            if m.group(3):
                d = dt.date(y, int(m.group(2)), int(m.group(3)))
                return d, d
            if m.group(2):
                mo = int(m.group(2))
                return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + dt.timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-([QHT])(\d)", value)
        if m:
            y, unit, n = int(m.group(1)), m.group(2), int(m.group(3))
            size = {"Q": 3, "H": 6, "T": 4}[unit]
            first = (n - 1) * size + 1
            last = first + size - 1
            return dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
        if m:
            y = int(m.group(1))
            first, last = _SEASONS[m.group(2)]
            end_y, end_m = (y + 1, last - 12) if last > 12 else (y, last)
            return dt.date(y, first, 1), dt.date(end_y, end_m, calendar.monthrange(end_y, end_m)[1])
    except ValueError:
        pass
    return None, None


def _example_document() -> Document:
    """A small hand-built document for the doctests above."""
    from kdextract.models import (  # models imports this module
        Amount, Deadline, Decision, Document, Method, Organisation, Project, Section, Source,
    )

    src = Source(method=Method.RULE, name="example")
    text = ("Budget\n\nNämnden beslutade att anslå 2 mnkr före den 1 juni.\n\n"
            "Beslut\n\nProjektet Trygg start drivs av Socialnämnden.\n")
    s1 = Section(id="sec-1", title="Budget", category="topic", level=1, start=0, end=len(text), title_start=0,
                 title_end=6, body_start=8, body_end=len(text), source=src)
    b = text.index("Beslut\n")
    s2 = Section(id="sec-2", title="Beslut", category="subheading", level=2, parent="sec-1", start=b, end=len(text),
                 title_start=b, title_end=b + 6, body_start=b + 8, body_end=len(text), source=src)
    d0 = text.index("Nämnden")
    d1 = text.index("juni.") + 5
    a0 = text.index("2 mnkr")
    dl0 = text.index("den 1 juni")
    org0 = text.index("Socialnämnden")
    p0 = text.index("Trygg start")
    return Document(
        text=text, sections=[s1, s2],
        organisations=[Organisation(id="org-1", name="Socialnämnden", aliases=["Nämnden"], kind="committee",
                                    text="Socialnämnden", start=org0, end=org0 + 13, source=src)],
        amounts=[Amount(id="amt-1", text="2 mnkr", start=a0, end=a0 + 6, value=2000000, section="sec-1",
                        source=src)],
        deadlines=[Deadline(id="dl-1", text="före den 1 juni", start=dl0, end=dl0 + 10, value="2024-06-01",
                            what="anslå", kind="due", source=src)],
        projects=[Project(id="proj-1", name="Trygg start", text="Trygg start", start=p0, end=p0 + 11,
                          organisations=["org-1"], source=src)],
        decisions=[Decision(id="dec-1", text=text[d0:d1], start=d0, end=d1, decided_by="Nämnden",
                            decided_by_id="org-1", amounts=["amt-1"], deadlines=["dl-1"], section="sec-1",
                            source=src)],
    )
