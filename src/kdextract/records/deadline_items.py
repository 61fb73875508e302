"""Where a deadline's words may come from: a calendar line's own words, not its neighbours' ("9 december
Kommunstyrelsen" under "Kommande"), and never a contact detail or an addressee between the task and its cue
("Förhinder anmäls till sekreteraren, tfn 0123-456 78, senast …", "Anmälan görs till Eva Ek senast …": the task
is "Förhinder anmäls", "Anmälan görs")."""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import regex

from kdextract.models import DateMention
from kdextract.pattern_cache import compile_re
from kdextract.records.deadline_scans import Cue
from kdextract.text.lines import line_at
from kdextract.text.spans import SpanIndex

__all__ = ["ContactPatterns", "DecisionPoints", "bulleted_task", "calendar_line", "contact_pattern", "table_row",
           "task_end"]

#: A line that opens a decision's "att"-point ("att uppdra åt …", "- att …", "2. att …").
_POINT = compile_re(r"^[ \t]*(?:(?:[•▪*·–-]|\d{1,2}[.)])[ \t]+)?[Aa]tt[ \t]", regex.MULTILINE)
#: Most characters from one "att"-point's start to the next's in a list of points.
_POINTS_APART = 400
#: The blanks and the bullet that may open a calendar's line before its date ("• 8 december: …").
_BULLET = compile_re(r"[ \t]*(?:[•▪*·–-][ \t]+)?")
#: A bulleted point's bullet and its first word of three letters or more (a task: "– Remissvar till regionen v. 12").
_TASK_POINT = compile_re(r"[ \t]*[•▪*·–-][ \t]+(?=\p{L}{3})")
#: What may end a bulleted point after its date.
_POINT_END = compile_re(r"[ \t.;]*")
#: A word of a calendar line's event after its date.
_EVENT_WORD = compile_re(r"\p{L}{3,}")
#: What sets a calendar line's date apart from its event: a column gap, a colon or a spaced dash.
_APART = compile_re(r"[ ]{2,}|\t|:[ \t]|[ \t][-–][ \t]")
#: A phone number ("0123-456 78", "+46 123 456 78") or an e-mail address.
_DETAIL = r"(?:(?:\+\d{2}[ \-]?|0)\d[\d \-–]{3,}\d|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)"
#: A column gap between two cells of a table's row.
_GAP = compile_re(r"\S(?:[ ]{3,}|\t)(?=\S)")
#: Most characters of the addressee before a contact detail ("till nämndsekreteraren Eva Ek").
_ADDRESSEE = 60
#: An addressee with no contact detail ("till nämndens sekreterare Eva Ek"): most words of its title before its
#: name, of its name, and most characters of them all.
_ROLE_WORDS = 3
_NAME_WORDS = 3
_ADDRESSEE_REACH = 80
#: A letter: some word of the task stands before an addressee.
_LETTER = compile_re(r"\p{L}")
#: How far before a cue its contact details are sought: a search from the clause's start for each of a long
#: clause's many dated cues took time quadratic in the clause.
_CONTACT_REACH = 1_000


def _opens_with_date(text: str, line: tuple[int, int], dates: SpanIndex[DateMention]) -> bool:
    a, b = line
    bullet = _BULLET.match(text, a, b)
    a = bullet.end() if bullet else a
    return a < b and any(o.start == a for o in dates.within(a, b))


def calendar_line(text: str, d: DateMention, s: int, e: int, dates: SpanIndex[DateMention]) -> tuple[int, int] | None:
    """The line of ``d`` where it is an item of a calendar within its sentence ``[s, e)``: ``d`` opens the line (after
    a bullet, "• 14–15 januari 2027: budgetdagar"), set
    apart by a column gap, a colon or a dash from the words of an event and no other date after it there, and the
    line before or after it in the sentence opens with a date too ("9 december     Kommunstyrelsen" over "16 december
    Kommunfullmäktige"); None otherwise."""
    line = line_at(text, d.start)
    bullet = _BULLET.match(text, line[0], d.start)
    if bullet is None or bullet.end() != d.start:
        return None  # d does not open its line (checked first: a line of many dates reads its line once, not per date)
    point = bullet.group().strip() != ""  # the line is a bulleted point
    if line[0] <= s and line[1] >= e and not point or not _opens_with_date(text, line, dates) \
            or _EVENT_WORD.search(text, d.end, line[1]) is None or len(dates.within(*line)) > 1 \
            or _APART.match(text, d.end) is None:
        return None  # (a table's row, "22 april   30 mars   Årsredovisning 2026", takes its words from its head)
    # a point of a bulleted calendar may be a sentence of its own: its neighbours are then the points beside it
    low, high = (0, len(text)) if point else (s, e)
    before = line_at(text, line[0] - 1) if line[0] > low else None
    after = line_at(text, line[1] + 1) if line[1] + 1 < high else None
    if any(n is not None and _opens_with_date(text, n, dates) for n in (before, after)):
        return max(s, line[0]), min(e, line[1])
    return None


def bulleted_task(text: str, d: DateMention) -> Cue | None:
    """A cue where ``d`` ends a bulleted point that names a task before it and says nothing else ("– Remissvar till
    regionen v. 12", "• Budgetunderlag till ekonomi den 14 mars"): a point of a list of what is to be done, planned
    for that time (asked only where the point holds no cue word and the time is still to come)."""
    end = _POINT_END.match(text, d.end)
    if end is None or text[end.end():end.end() + 1] not in ("", "\n"):
        return None  # (checked first: only the date that ends its line reads back to the line's start)
    point = _TASK_POINT.match(text, text.rfind("\n", 0, d.start) + 1, d.start)
    return None if point is None else Cue(point.end(), point.end(), "planned", "bulleted task")


def table_row(text: str, d: DateMention, s: int, e: int, dates: SpanIndex[DateMention]) -> tuple[int, int] | None:
    """The line of ``d`` where it closes a row of a table set in columns within its sentence ``[s, e)``: the row
    has three cells or more, ``d`` ends it with no other date on it, and the line before or after it in the sentence
    is a row too ("Socialchef     Eva Ek     1 februari 2027" over "Rektor     Per Lund     2027-01-11"); None
    otherwise."""
    line = line_at(text, d.start)
    if line[0] <= s and line[1] >= e or text[d.end:line[1]].strip() or len(dates.within(*line)) > 1 \
            or len(_GAP.findall(text, *line)) < 2:
        return None
    before = line_at(text, line[0] - 1) if line[0] > s else None
    after = line_at(text, line[1] + 1) if line[1] + 1 < e else None
    if any(n is not None and len(_GAP.findall(text, *n)) >= 2 for n in (before, after)):
        return max(s, line[0]), min(e, line[1])
    return None


class ContactPatterns(NamedTuple):
    """Contact details right before a cue, sought from the clause's start (``opening``: the first detail may open
    the clause) or from inside it (``inner``: a detail after a comma only); ``addressee``: a preposition, maybe a
    title's words (no clause word: "har till uppgift att kontakta Eva Ek" is the task) and a name right before a
    cue, with no detail ("till sekreteraren Eva Ek"; not "till lovskolan ska lämnas")."""

    opening: regex.Pattern[str]
    inner: regex.Pattern[str]
    addressee: regex.Pattern[str]


def contact_pattern(labels: list[str], prepositions: list[str], clause_words: list[str]) -> ContactPatterns:
    """Contact details right before a cue: one or more phone numbers or e-mail addresses after commas (the first may
    open the clause: "tel." can end a sentence), each maybe after a label of ``labels`` ("tfn"), and the addressee
    before them from a preposition of ``prepositions`` ("till"); an addressee alone has no word of ``clause_words``."""
    label = "|".join(regex.escape(w) for w in sorted(labels, key=lambda w: (-len(w), w)))
    prep = "|".join(regex.escape(w) for w in sorted(prepositions, key=lambda w: (-len(w), w)))

    def details(first: str) -> regex.Pattern[str]:
        detail = rf"(?:,\s*{first})(?:(?:{label})\.?:?\s*)?{_DETAIL}"
        return compile_re(rf"(?:(?<![\w])(?:{prep})[ \t]+[^,.\n]{{1,{_ADDRESSEE}}})?(?:{detail})+\s*,?\s*\Z",
                          regex.IGNORECASE)

    clause = "|".join(regex.escape(w) for w in clause_words)
    word = rf"[ \t\n]+(?!(?i:{clause})(?![\w]))\p{{Ll}}[\p{{L}}\-]*"  # "sekreteraren", "nämndens"
    name = r"[ \t\n]+\p{Lu}[\p{L}.\-]*"  # "Eva", "Ek", "E."
    addressee = compile_re(rf"(?<![\w])(?i:{prep})(?:{word}){{0,{_ROLE_WORDS}}}(?:{name}){{1,{_NAME_WORDS}}}[ \t\n]*\Z")
    return ContactPatterns(details(r"|\G"), details(""), addressee)


def task_end(text: str, cs: int, cue_start: int, contact: ContactPatterns) -> int:
    """Where the words of the task before a cue at ``cue_start`` end in the clause opening at ``cs``: before the
    contact details and their addressee that stand right before the cue (sought at most ``_CONTACT_REACH``
    characters back), else before an addressee alone right before it where a word of the task stands before that,
    else at the cue."""
    start = max(cs, cue_start - _CONTACT_REACH)
    m = (contact.opening if start == cs else contact.inner).search(text, start, cue_start)
    if m is not None:
        return m.start()
    m = contact.addressee.search(text, max(cs, cue_start - _ADDRESSEE_REACH), cue_start)
    return m.start() if m is not None and _LETTER.search(text, cs, m.start()) else cue_start


class DecisionPoints:
    """The "att"-points of a text's decisions, found once: a deadline in one is located on its point, not on the
    whole block ("Kommunstyrelsen beslutar\natt …,\natt … senast 15 april,\natt …")."""

    def __init__(self, text: str) -> None:
        self._starts = [m.start() for m in _POINT.finditer(text)]

    def around(self, s: int, e: int, at: int) -> tuple[int, int]:
        """The point inside the sentence ``[s, e)`` that holds ``at``: from its line's start to the next point's
        (or the sentence's end); the sentence itself where ``at`` lies in no point, or in one with no other point
        near it (a wrapped line of prose may open with "att")."""
        k = bisect_right(self._starts, at) - 1
        if k < 0 or self._starts[k] < s or not (
                k and self._starts[k] - self._starts[k - 1] < _POINTS_APART
                or k + 1 < len(self._starts) and self._starts[k + 1] - self._starts[k] < _POINTS_APART):
            return s, e
        nxt = self._starts[k + 1] if k + 1 < len(self._starts) else e
        return self._starts[k], min(e, nxt)
