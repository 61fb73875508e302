"""Meeting: the meeting a protocol or minutes record, read from the form on its first page.

The form's labels are rule data (``resources/sv/protocol.json``, read by ``layout.form``); this
builder reads their values: the body that met, when and where, the § range, where and when
the protocol is adjusted, the posting of the notice, and the attendance: every participant
once with party, category, role and whom a serving substitute replaces, linked to the
``Person`` records of the same names.

>>> from kdextract.records.context import Context
>>> from kdextract.text.view import TextView
>>> text = ("Plats och tid Stadshuset, Ekby, 2024-03-12 kl. 9.00-11.30\\nBeslutande Eva Lund (S), ordförande\\n"
...         "Per Berg (M) ersätter Ola Ek (M)\\nÖvriga deltagare Lena Holm, kommundirektör\\nUtses att justera Per Berg\\n"
...         "Paragrafer 12-19\\nSekreterare Sara Ek\\n")
>>> m = build_meetings(Context.of(TextView.identity(text)))[0]
>>> (m.date, m.place, m.first_paragraph, m.last_paragraph)
('2024-03-12T09:00/2024-03-12T11:30', 'Stadshuset, Ekby', 12, 19)
>>> [(a.name, a.party, a.category, a.role, a.replaces) for a in m.attendees]  # doctest: +NORMALIZE_WHITESPACE
[('Eva Lund', 'S', 'member', 'ordförande', None), ('Per Berg', 'M', 'member', 'justerare', 'Ola Ek'),
 ('Lena Holm', None, 'other', 'kommundirektör', None), ('Sara Ek', None, 'official', 'sekreterare', None)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kdextract.layout.form import Field
from kdextract.models import AttendanceCategory, Attendee, DateMention, DocumentMeta, Evidence, Meeting, Source
from kdextract.parsers.dates import find_dates
from kdextract.pattern_cache import compile_re
from kdextract.records.attendance import Entry
from kdextract.records.attendance_forms import form_entries
from kdextract.records.form_dates import first_form_date
from kdextract.records.meeting_heads import body_above, meeting_heads, notice_fields
from kdextract.records.meta_reader import meta_rules
from kdextract.records.registry import builder
from kdextract.text.fold import fold_key

if TYPE_CHECKING:
    from kdextract.records.context import Context

_RANGE = compile_re(r"(?P<a>\d{1,4})(?:[ \t]*[-–—]+[ \t]*(?P<b>\d{1,4}))?")
_BODY = compile_re(r"\p{Lu}[\p{L}-]+(?:[ \t]+\p{Ll}[\p{L}-]+){0,3}")
_CLOCK = compile_re(r"(?i:\bkl(?:ockan|\.)?[ \t]*)?\d{1,2}[.:]\d{2}(?:[ \t]*[-–][ \t]*\d{1,2}[.:]\d{2})?"
                       r"|(?i:\bkl(?:ockan|\.)?)[ \t]*$")
#: Fields whose entries are people of the meeting, and the role a signature field gives.
_PEOPLE_FIELDS = ("attendance", "adjusters", "signature")
#: More names than this under "Utses att justera" are a list read out of its column, not the adjusters.
_MAX_ADJUSTERS = 3


@builder("meetings", after=("people",))
def build_meetings(ctx: Context) -> list[Meeting]:
    """The meetings of a protocol or minutes, one per head of its form (a file of two protocols has two), or the
    meeting a notice calls; none where the text has no meeting form."""
    found = form_entries(ctx.text)
    planned = ctx.meta.kind in meta_rules().data.convener_kinds
    if not found and planned:
        found = tuple((f, ()) for f in notice_fields(ctx.text))
    meetings: list[Meeting] = []
    for group in meeting_heads(ctx.text, found) if found else []:
        meeting = _meeting(ctx, group, planned, first=not meetings)
        if meeting is not None:
            meetings.append(meeting)
    people = {fold_key(p.name): p.id for p in ctx.doc.people}
    attendees = [a for m in meetings for a in m.attendees]
    for i, a in enumerate(attendees, 1):
        a.id, a.person = f"att-{i}", people.get(fold_key(a.name))
    for i, m in enumerate(meetings, 1):
        m.id = f"meet-{i}"
    return meetings


def _meeting(ctx: Context, found: list[tuple[Field, tuple[Entry, ...]]], planned: bool, first: bool) -> Meeting | None:
    """The meeting of one head of the form (``first``: the document's own, whose body and header day are the meta's)."""
    fields = [f for f, _ in found]
    attendees = _attendees(ctx.text, found)
    when = first_form_date(ctx.text, fields, ("place_time", "time", "date"))
    if planned and not attendees:  # a notice's own date may stand under "Datum" above the meeting's time
        when = first_form_date(ctx.text, fields, ("place_time", "time")) or when
    if not attendees and (when is None or not (planned or any(f.label.field in ("place_time", "place") for f in fields))):
        return None  # a memo's "Datum" is no meeting
    start, end = fields[0].label_start, max(f.value_end for f in fields)
    evidence: dict[str, Evidence] = {}
    meeting: dict[str, Any] = {}
    if when is not None:
        mention, field = when
        evidence["date"] = _evidence(ctx.text, mention.start, mention.end, "meeting/date", f"the date under {field.label.label}")
        clock = _clock_of_the_day(ctx.text, fields, mention, evidence) if "T" not in mention.value else None
        mention = clock or mention
        meeting.update(date=mention.value, day=mention.day, starts=mention.datetime,
                       ends=_end_time(mention))
    elif first and (header := _header_date(ctx.meta, start)) is not None:
        evidence["date"] = header
        meeting.update(date=ctx.meta.date, day=ctx.meta.day)
    meeting["place"] = _place(ctx.text, fields, evidence)
    meeting.update(_paragraphs(ctx.text, fields, evidence))
    adjusted = first_form_date(ctx.text, fields, ("adjustment",))
    if adjusted is not None:
        meeting["adjustment_date"] = adjusted[0].value
        meeting["adjustment_place"] = _text_before(ctx.text, _field(fields, "adjustment"), adjusted[0].start)
    for key, kind in (("notice_posted", "posted"), ("notice_removed", "taken_down")):
        posted = first_form_date(ctx.text, fields, (kind,))
        if posted is not None:
            meeting[key] = posted[0].value
    meeting["body"] = (ctx.meta.body if first else body_above(ctx.text, start)) or _body(ctx.text, fields)
    rule, why = ("meeting/notice", "the time and place a notice calls its meeting to") if planned and not attendees \
        else ("meeting/form", "the values of a protocol form's labels")
    return Meeting(text=ctx.text[start:end], start=start, end=end, status="planned" if planned else "held",
                   attendees=attendees, evidence=evidence, source=Source(method="rule", name=rule, score=0.9,
                                                                         explanation=why), **meeting)


#: Where the document's own date was read in its header: the minutes' title line, a "Datum" row, a line of its own.
_HEADER_DATES = frozenset({"meta/date_header", "meta/date_label", "meta/date_line", "meta/date_own_label"})


def _header_date(meta: DocumentMeta, form_start: int) -> Evidence | None:
    """Where the document's day stands in its header above a form that gives no date ("Minnesanteckningar
    2027-03-14" over "Deltagare: …"): the day of the one meeting the document records. A notice's header day is the
    day it was written, not the meeting's it calls."""
    noted = meta.evidence.get("date")
    if meta.kind in meta_rules().data.convener_kinds or meta.day is None or noted is None or noted.source.name not in _HEADER_DATES or noted.end > form_start:
        return None
    return _evidence_of(noted, "meeting/header_date", "the document's own day in its header above the form")


def _attendees(text: str, found: Sequence[tuple[Field, tuple[Entry, ...]]]) -> list[Attendee]:
    """Every person of the attendance, adjuster and signature fields once, in list order.

    A form read out of its columns stacks its labels ("Beslutande ledamöter Övriga närvarande
    Utses att justera") and then gives all their values under the last one: there a name with a party
    is taken for a member and a name with a title for an official.
    """
    by_key: dict[str, Attendee] = {}
    stacked = False
    for field, entries in found:
        kind = field.label.field
        if field.value_start == field.value_end and not entries:
            stacked = stacked or kind == "attendance"
            continue
        # (a label side by side with others over the names of its column has them, though its value is empty)
        spilled, stacked = stacked and len(entries) > 1 and field.value_start < field.value_end, False
        if not spilled and (kind not in _PEOPLE_FIELDS or (kind == "adjusters" and len(entries) > _MAX_ADJUSTERS)):
            continue
        for e in entries:
            key = fold_key(e.name)
            have = by_key.get(key)
            if have is None:
                by_key[key] = Attendee(
                    text=text[e.start:e.end], start=e.start, end=e.end, name=e.name, party=e.party,
                    category=_category(e, kind, spilled), role=e.role or (None if spilled else field.label.role),
                    replaces=e.replaces, source=Source(method="rule", name=f"meeting/{kind}", score=0.9,
                                                       explanation=f"name under '{field.label.label}'"))
                continue
            have.party = have.party or e.party
            have.replaces = have.replaces or e.replaces
            have.role = have.role or e.role or (None if spilled else field.label.role)
    return list(by_key.values())


def _category(e: Entry, kind: str, spilled: bool) -> AttendanceCategory:
    if spilled:
        if e.party:
            return "serving_substitute" if e.replaces else "member"
        return "official" if e.role else "other"
    if kind == "attendance":
        return e.category
    return "official" if kind == "signature" else "member"


def _field(fields: list[Field], kind: str) -> Field | None:
    return next((f for f in fields if f.label.field == kind), None)


def _clock_of_the_day(text: str, fields: list[Field], day: DateMention,
                      evidence: dict[str, Evidence]) -> DateMention | None:
    """The clock time of the meeting where the form gives it apart from its day ("Sammanträdesdatum
    2024-03-05" and "Plats och tid Kommunhuset kl 13.00-15.30"): a mention of that day with its time."""
    if day.day is None or day.granularity != "day":
        return None
    for field in fields:
        if field.label.field not in ("place_time", "time"):
            continue
        for m in find_dates(text[field.value_start:field.value_end], reference=day.day):
            if m.value.startswith(day.day.isoformat() + "T") and m.datetime is not None:
                start = field.value_start + m.start
                evidence["time"] = _evidence(text, start, start + len(m.text), "meeting/time",
                                             f"the clock time under {field.label.label}")
                return m
    return None


def _end_time(mention: DateMention) -> dt.datetime | None:
    """The end of a time span ("kl. 9.00-11.30"), where the mention gives one."""
    end = mention.value.partition("/")[2]
    return dt.datetime.fromisoformat(end) if "T" in end else None


def _place(text: str, fields: list[Field], evidence: dict[str, Evidence]) -> str | None:
    """The place: the "Plats" field, or "Plats och tid" without its date and clock time."""
    for f in fields:
        if f.label.field not in ("place", "place_time"):
            continue
        start = f.value_start
        end = text.find("\n", start, f.value_end)
        end = f.value_end if end < 0 else end
        line_end = end
        for m in find_dates(text[start:end]):
            if m.day is not None or m.datetime is not None:
                end = start + m.start
                if not text[start:end].strip(" ,.;:\t"):  # "Tid och plats: 2026-04-08 kl. 18.00, Aulan"
                    start, end = _place_after(text, start + m.end, line_end)
                break
        clock = _CLOCK.search(text[start:end])
        if clock is not None:
            end = start + clock.start()
        while start < end and text[start] in " ,.;:\t":
            start += 1
        while end > start and text[end - 1] in " ,.;:\t":
            end -= 1
        if end > start and text[start].isalpha():
            evidence["place"] = _evidence(text, start, end, "meeting/place", f"under {f.label.label}")
            return text[start:end]
    return None


def _place_after(text: str, start: int, end: int) -> tuple[int, int]:
    """The place after the day and its clock time ("2026-04-08 kl. 18.00, Skolans aula"): capitalised, no time word
    or digit left in it; else nothing."""
    clock = _CLOCK.match(text[start:end].lstrip(" ,\t"))
    if clock is not None:
        start = end - len(text[start:end].lstrip(" ,\t")) + clock.end()
    rest = text[start:end].strip(" ,.;:\t")
    if not rest[:1].isupper() or _CLOCK.search(rest) or any(ch.isdigit() for ch in rest) or "klockan" in rest:
        return start, start
    return start, end


def _paragraphs(text: str, fields: list[Field], evidence: dict[str, Evidence]) -> dict[str, Any]:
    f = _field(fields, "paragraphs")
    if f is None:
        return {}
    m = _RANGE.search(text, f.value_start, f.value_end)
    if m is None:
        return {}
    first, last = int(m.group("a")), int(m.group("b") or m.group("a"))
    if last < first:
        return {}
    evidence["paragraphs"] = _evidence(text, m.start(), m.end(), "meeting/paragraphs", f"under {f.label.label}")
    return {"paragraphs": m.group(), "first_paragraph": first, "last_paragraph": last}


def _text_before(text: str, field: Field | None, stop: int) -> str | None:
    if field is None:
        return None
    value = text[field.value_start:stop].strip(" ,.;:\t\n")
    return value if value[:1].isupper() else None


def _body(text: str, fields: list[Field]) -> str | None:
    """The body under "Organ" in the notice box ("Kommunstyrelsens arbetsutskott")."""
    f = _field(fields, "body")
    if f is None:
        return None
    m = _BODY.match(text, f.value_start, f.value_end)
    return m.group() if m else None


def _evidence_of(noted: Evidence, rule: str, why: str) -> Evidence:
    return Evidence(text=noted.text, start=noted.start, end=noted.end, source=Source(method="rule", name=rule,
                                                                                     explanation=why))


def _evidence(text: str, start: int, end: int, rule: str, why: str) -> Evidence:
    return Evidence(text=text[start:end], start=start, end=end, source=Source(method="rule", name=rule, explanation=why))
