"""Days counted from the document's own meeting ("senast en vecka före sammanträdet", "måndagen före mötet"):
the parser's event-relative finds (``parsers.dates.event_relative``) resolved against the meeting's day.

The meeting's day is the meeting record's, else the document's own date where the document calls or records
the meeting (``meeting_day_kinds`` in date_records.json) and names that day on a line that speaks of the meeting
(``meeting_day_words`` at a word's start, ``meeting_day_parts`` anywhere, ``meeting_day_labels`` as whole words:
"nämndsammanträde 19 november 2026", "Tid: …"; not "fritidsnämnden"; a notice dated by its signature names no
meeting day).
Where neither gives a day, the phrases stay undated. A count from an event dated right after its noun ("senast fem
dagar före mötet den 14 mars") is counted from that date, a day found at that place, whatever the document's meeting.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

import regex

from kdextract.models import DateMention, Source
from kdextract.pattern_cache import compile_re
from kdextract.parsers.dates.event_relative import EventRelative, find_event_relative
from kdextract.records.context import Context
from kdextract.records.date_reference import DateRecordRules
from kdextract.text.fold import fold

#: The source of a day counted from the meeting (its explanation names the meeting's day, not the reference).
EVENT_RULE = "dates/event_relative"
#: How far on its line from the meeting's day a word of the meeting may stand ("sammanträde 19 november 2026").
NEAR = 60


def meeting_day(ctx: Context, found: list[DateMention]) -> tuple[dt.date, str] | None:
    """The day of the meeting the document calls or records, and where it was read (``found``: its dates)."""
    for meeting in ctx.doc.meetings:
        if meeting.day is not None:
            return meeting.day, "the meeting record"
    meta, rules = ctx.meta, DateRecordRules.load()
    if meta.day is None or meta.kind not in rules.meeting_day_kinds.words:
        return None
    text, words = ctx.text, _meeting_words()
    for m in found:
        if m.day == meta.day:
            a = max(0, m.start - NEAR)
            a = text.rfind("\n", a, m.start) + 1 or a  # from the line's start, where it is near
            b = text.find("\n", m.end, m.end + NEAR)
            b = m.end + NEAR if b < 0 else b
            if words.search(fold(text[a:b])):
                return meta.day, f"the date of the {meta.kind}, its meeting's day"
    return None


@lru_cache(maxsize=1)
def _meeting_words() -> regex.Pattern[str]:
    """A word of the meeting at a word's start or inside one, or a label of its time as whole words ("Tid:")."""
    rules = DateRecordRules.load()
    stems = sorted({fold(w) for w in rules.meeting_day_words.words}, key=lambda w: (-len(w), w))
    parts = sorted({fold(w) for w in rules.meeting_day_parts.words}, key=lambda w: (-len(w), w))
    labels = sorted({fold(w) for w in rules.meeting_day_labels.words}, key=lambda w: (-len(w), w))
    label = "|".join(r"[ \t]+".join(regex.escape(p).replace(":", r"[ \t]*:") for p in w.split()) for w in labels)
    return compile_re(rf"{'|'.join(map(regex.escape, parts))}|(?<![^\W\d_])(?:{'|'.join(map(regex.escape, stems))}"
                      rf"|(?:{label})(?![^\W\d_]))")


def event_dates(ctx: Context, found: list[DateMention]) -> list[DateMention]:
    """``found`` with the days counted from the document's meeting, and from a dated event, that no mention of
    ``found`` overlaps."""
    events = [e for e in find_event_relative(ctx.text) if e.event == "meeting"]
    held = meeting_day(ctx, found) if events else None
    counted: list[tuple[EventRelative, dt.date, str]] = [] if held is None else [
        (e, held[0], f"the meeting of {held[0].isoformat()} ({held[1]})") for e in events]
    starts = [m.start for m in found]
    for e in find_event_relative(ctx.text, dated=True):
        at = e.date_at or 0
        i = bisect_right(starts, at) - 1
        m = found[i] if i >= 0 else None  # the mention that holds the first digit of the event's date
        if m is not None and m.day is not None and e.end <= m.start and at < m.end and m.granularity == "day":
            counted.append((e, m.day, f"the {e.event} dated {m.text!r}"))
    if not counted:
        return found
    ends = list(accumulate((m.end for m in found), max))  # the furthest end of a mention up to each one
    added = [DateMention(text=e.text, start=e.start, end=e.end, value=(d := e.resolve(day)).isoformat(),
                         granularity="day", day=d, relative=True,
                         source=Source(method="rule", name=EVENT_RULE, explanation=f"a day counted from {whence}"))
             for e, day, whence in counted if not _overlapped(starts, ends, e.start, e.end)]
    return sorted([*found, *added], key=lambda m: m.start) if added else found


def _overlapped(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether a mention (``starts`` in order, ``ends`` their running maximum) overlaps ``[start, end)``."""
    i = bisect_left(starts, end)
    return i > 0 and ends[i - 1] > start
