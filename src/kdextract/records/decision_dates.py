"""When a decision in running text was taken: the date the text gives it, before its verb or right after it."""

from __future__ import annotations

import datetime as dt
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
#: What follows a decision's date right after its verb: its paragraph, then what was decided ("…, § 45, att").
_CLAUSE_AFTER_DATE = compile_re(r"[ \t\n]*,?[ \t\n]*(?:§[ \t]*\d+[ \t]*,?[ \t\n]*)?(?:att|om)\b")


def decision_date(ctx: Context, dates: SpanIndex[DateMention], date_ends: SpanIndex[DateMention],
                  sent: tuple[int, int], cue: int, minutes: bool) -> tuple[str | None, dt.date | None]:
    """TIMEX value and exact day of when the decision in ``sent`` (its cue ending at ``cue``) was taken, where the
    text says: a date before the cue, one right after it ("beslutade 2025-06-12, § 45, att …"), the meeting's
    in ``minutes``, or the date of the meeting the sentence before names ("I samband med det antogs …")."""
    a = sent[0]
    before = dates.within(a, cue)
    if before:
        return before[-1].value, before[-1].day
    for m in dates.within(cue, min(sent[1], cue + _DATE_AFTER_CUE)):
        if ctx.text[cue:m.start].strip().casefold() in ("", "den") and _CLAUSE_AFTER_DATE.match(ctx.text, m.end):
            return m.value, m.day
    if minutes:
        return ctx.meta.date, ctx.meta.day
    if rules().same_meeting.match(fold(ctx.text[a:cue])):
        prev = date_ends.within(a - 299, a)
        if prev and "\n\n" not in ctx.text[prev[-1].end:a]:
            return prev[-1].value, prev[-1].day
    return None, None
