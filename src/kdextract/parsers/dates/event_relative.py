"""Days counted from an event the words name, not from the reference: "en vecka före sammanträdet",
"måndagen före mötet", "dagen efter sammanträdet" (the event nouns are ``event_nouns`` in dates.json).

The words give an offset and the kind of event, no date: the records resolve it against the document's
meeting day, where the document names one. An event dated right after its noun ("fem dagar före mötet den 14
mars") is another event: ``dated=True`` finds those, with where their date's first digit stands (``date_at``), for
the records to count from that date.

>>> [(e.text, e.event, e.count, e.unit, e.weekday) for e in find_event_relative("Frågor lämnas senast en vecka före sammanträdet.")]
[('en vecka före sammanträdet', 'meeting', -1, 'week', None)]
>>> find_event_relative("Frågor lämnas senast en vecka före sammanträdet.")[0].resolve(dt.date(2026, 12, 17))
datetime.date(2026, 12, 10)
>>> find_event_relative("senast måndagen före mötet")[0].resolve(dt.date(2026, 11, 19))
datetime.date(2026, 11, 16)
>>> [(e.text, e.date_at) for e in find_event_relative("senast tre dagar före mötet den 4 maj", dated=True)]
[('tre dagar före mötet', 32)]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kdextract.pattern_cache import compile_std
from kdextract.text.fold import fold

from .common import in_past_tense
from .engine import Ctx
from .fold import fold_text
from .lexicon import word_regex
from .patterns import COUNT, DATA, EVENT_NOUNS, EVENT_SIDES, LEX, NL, NUMB, S1, UNIT, WEEKDAY_NAME
from .rules_offsets import shift

_HELD = frozenset(fold(w) for w in DATA.event_nouns.held_words)
_OTHERS = frozenset(fold(w) for w in DATA.event_nouns.other_event_words)
_PLACE_HEADS = tuple(fold(w) for w in DATA.event_nouns.place_heads)
#: Units a day is counted in (a clock time before a meeting is no day of its own).
_DAY_UNITS = frozenset({"day", "workday", "week", "month", "year"})
_PATTERN = compile_std(
    rf"{NUMB}(?:(?P<n>{COUNT}){S1}(?P<u>{UNIT})|(?P<one>dagen)|(?P<wd>{WEEKDAY_NAME})(?:en)?){S1}"
    rf"(?P<side>{word_regex(EVENT_SIDES)}){S1}(?P<ev>{word_regex(EVENT_NOUNS)}){NL}")
#: A date right after the event noun ("mötet den 4 mars", "sammanträdet, 2027-03-04"): that event, not the document's;
#: its first digit is the date's.
_DATE_AFTER = compile_std(r"[ \t]*,?[ \t]*(?:den[ \t]+)?\d")
_WORD_AFTER = compile_std(r"[ \t]*\n?[ \t]*([^\W\d_]+)")
#: The word after that ("mötet med Trafikverket"): a name where capitalised.
_NAME_AFTER = compile_std(r"[ \t]*\n?[ \t]*([^\W\d_])")
#: The name after "i" ("sammanträdet i Rådhuset").
_PLACE_AFTER = compile_std(r"[ \t]*\n?[ \t]*[^\W\d_]+")
#: A count written as a clock time ("senast kl. 12.00 dagen före sammanträdet"): the hour of the day, no days.
_CLOCK_COUNT = compile_std(r"\d{1,2}[.:]\d{2}")


@dataclass(frozen=True, slots=True)
class EventRelative:
    """A day counted from an event: ``count`` units (signed: negative before it), or the ``weekday`` nearest before
    (``count`` -1) or after (1) it; ``event`` is its kind ("meeting")."""

    start: int
    end: int
    text: str
    event: str
    count: int
    unit: str
    weekday: int | None = None
    date_at: int | None = None  # the first digit of a dated event's date ("mötet den 4 maj"); None: the document's

    def resolve(self, day: dt.date) -> dt.date:
        """The day counted from the event held on ``day``."""
        if self.weekday is None:
            return shift(dt.datetime.combine(day, dt.time()), self.unit, self.count).date()
        if self.count < 0:
            return day - dt.timedelta(days=(day.weekday() - self.weekday - 1) % 7 + 1)
        return day + dt.timedelta(days=(self.weekday - day.weekday() - 1) % 7 + 1)


def find_event_relative(text: str, dated: bool = False) -> list[EventRelative]:
    """The days counted from an event in ``text``, in text order (none where no event noun occurs): from an event
    with no date of its own, or with ``dated`` from one whose date follows its noun."""
    folded = fold_text(text)
    if not any(k in folded for k in EVENT_NOUNS):
        return []
    ctx = Ctx(text, folded, None, None)
    out: list[EventRelative] = []
    for m in _PATTERN.finditer(folded):
        end = m.end()
        after = _WORD_AFTER.match(folded, end)
        date = _DATE_AFTER.match(folded, end)
        if (date is not None) != dated or (after is not None and after.group(1) in _HELD):
            continue  # "före mötet den 4 mars": a dated event (with ``dated`` the only kind); "före mötet hölls": over
        if after is not None and after.group(1) in _OTHERS and _named(text, after.end()) \
                and not (after.group(1) == "i" and _place(folded, after.end())):
            continue  # "före mötet med Trafikverket": another's meeting ("före mötet i Rådhuset": where it is held)
        if in_past_tense(ctx, m.start(), end):
            continue
        sign = EVENT_SIDES[" ".join(m["side"].split())]
        weekday = None
        if m["wd"]:
            s, e = m.span("wd")
            weekday = LEX.weekday(m["wd"], text[s:e])
            if weekday is None:
                continue
            count, unit = sign, "day"
        elif m["one"]:
            count, unit = sign, "day"
        else:
            s, e = m.span("n")
            if _CLOCK_COUNT.fullmatch(text, s, e):
                continue
            n = LEX.number(m["n"], text[s:e])
            unit = LEX.units.get(m["u"], "")
            if n is None or n != int(n) or n < 1 or unit not in _DAY_UNITS:
                continue
            count = sign * int(n)
        out.append(EventRelative(m.start(), end, text[m.start():end], EVENT_NOUNS[m["ev"]], count, unit, weekday,
                                 None if date is None else date.end() - 1))
    return out


def _named(text: str, at: int) -> bool:
    """Whether a capitalised word opens ``text`` at ``at`` (after blanks and at most one line break)."""
    m = _NAME_AFTER.match(text, at)
    return m is not None and m.group(1).isupper()


def _place(folded: str, at: int) -> bool:
    """Whether the word at ``at`` names a building or a room ("Rådhuset", "Sessionssalen")."""
    m = _PLACE_AFTER.match(folded, at)
    return m is not None and m.group().endswith(_PLACE_HEADS)
