"""When a decision was taken: the date the text gives it, before its verb or right after it, else in minutes the
day of the meeting head above it ("Sammanträdesdatum 2025-03-18": a file of extracts from two meetings), else the
document's."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kdextract.models import DateMention
from kdextract.pattern_cache import compile_re
from kdextract.records.decision_rules import rules
from kdextract.text.fold import fold
from kdextract.text.spans import SpanIndex

if TYPE_CHECKING:
    from kdextract.records.context import Context

#: How far after a decision's verb its date may end ("beslutade den 12 juni 2025").
_DATE_AFTER_CUE = 40
#: Most characters a meeting head's label and the blanks after it stand before its day.
_LABEL_REACH = 60
#: What follows a decision's date right after its verb: its paragraph, then what was decided ("…, § 45, att").
_CLAUSE_AFTER_DATE = compile_re(r"[ \t\n]*,?[ \t\n]*(?:§[ \t]*\d+[ \t]*,?[ \t\n]*)?(?:att|om)\b")


class MeetingHeads:
    """The days that a document's meeting heads give, in text order: a day right after a label of
    ``meeting_head_labels`` that opens its line or follows a column gap, or at the start of the line under it."""

    def __init__(self, folded: str, dates: Iterable[DateMention]) -> None:
        label = rules().meeting_head
        self._heads = sorted((m for m in dates if m.day is not None
                              and label.search(folded, max(0, m.start - _LABEL_REACH), m.start)),
                             key=lambda m: m.start)
        self._starts = [m.start for m in self._heads]

    def before(self, pos: int) -> DateMention | None:
        """The day of the last meeting head before ``pos``; None where none stands before it."""
        k = bisect_right(self._starts, pos) - 1
        return self._heads[k] if k >= 0 else None


def meeting_date(ctx: Context, heads: MeetingHeads, pos: int) -> tuple[str | None, dt.date | None]:
    """The day of the meeting whose minutes hold ``pos``: the meeting head's above it (its day, not its hour),
    else the document's."""
    head = heads.before(pos)
    return (head.day.isoformat(), head.day) if head is not None and head.day else (ctx.meta.date, ctx.meta.day)


def decision_date(ctx: Context, dates: SpanIndex[DateMention], date_ends: SpanIndex[DateMention],
                  heads: MeetingHeads, sent: tuple[int, int], cue: int,
                  minutes: bool) -> tuple[str | None, dt.date | None]:
    """TIMEX value and exact day of when the decision in ``sent`` (its cue ending at ``cue``) was taken, where the
    text says: a date before the cue, one right after it ("beslutade 2025-06-12, § 45, att …"), the meeting's
    in ``minutes`` (its head's above the sentence, else the document's), or the date of the meeting the sentence
    before names ("I samband med det antogs …")."""
    a = sent[0]
    before = dates.within(a, cue)
    if before:
        return before[-1].value, before[-1].day
    for m in dates.within(cue, min(sent[1], cue + _DATE_AFTER_CUE)):
        if ctx.text[cue:m.start].strip().casefold() in ("", "den") and _CLAUSE_AFTER_DATE.match(ctx.text, m.end):
            return m.value, m.day
    if minutes:
        return meeting_date(ctx, heads, a)
    if rules().same_meeting.match(fold(ctx.text[a:cue])):
        prev = date_ends.within(a - 299, a)
        if prev and "\n\n" not in ctx.text[prev[-1].end:a]:
            return prev[-1].value, prev[-1].day
    return None, None
