"""The date a document's year-less and relative dates are read against, chosen as a reader would.

A reader takes the document's own date where it gives one. Where it gives only a year or
nothing, the reader looks at the text:

* a full calendar date in the document's head (a protocol's meeting day, a memo's "Datum
  2016-10-04") sets the day, preferring one in the year the document names as its own; where that
  date stands in a sentence ("Vid förra träffen den 3 mars 2025 gick vi …"), not on a line of its
  own or after a label, it may be a past event's or a coming one's, not the day of writing: it sets
  the month only, so that year-less dates take its year but "i morgon" or "nästa vecka" stay
  unresolved;
* a document whose title plans a later period ("Budget 2017", "Driftramar 2021",
  "Budgetunderlag 2024–2027") is written the year before it (``plan_year_nouns`` in
  ``resources/sv/dates.json``);
* a document whose title opens with a year's calendar of meetings ("Sammanträdesplan 2027") and
  a year after its own date is that year's calendar: its year-less dates all lie in that year
  (``calendar_year_nouns``);
* otherwise the document's year is all there is: "i juni" and "under våren" are then that
  year's, and day-relative words ("i morgon") stay unresolved.

The chosen reference and the reason for it go into the explanation of every date resolved
against it.

>>> import datetime as dt
>>> from kdextract.models import DocumentMeta
>>> reference_for("Budget för år 2017 och plan för 2018–2019\\nI juni beslutas budgeten.", DocumentMeta(date="2017"), [], None)
Reference(timex='2016', why='the year before 2017, the period the document plans')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from kdextract.models import DateMention, DocumentMeta
from kdextract.pattern_cache import compile_re
from kdextract.records.context import Context
from kdextract.resources import Pattern, Rules, WordList
from kdextract.text.fold import fold

#: How far into a document its title may reach (the head a reader looks at for "Budget 2017").
TITLE_CHARS = 300
#: How far into a document its heading block may reach (a protocol's first-page form, a memo's head).
HEAD_CHARS = 1200
#: Most words beside a date on its line for the line to be a date line ("Datum: 2016-10-04", "Möte 3 mars 2025").
DATE_LINE_WORDS = 3
#: Date rules that read a calendar date as written (not a period turn or a holiday).
CALENDAR_RULES = frozenset({"dates/iso", "dates/numeric", "dates/day_month", "dates/month_day", "dates/date_time",
                            "dates/date_part_of_day", "dates/iso_dotted"})


class DateRecordRules(Rules, file="date_records.json"):
    """Words that say a document plans or reports on a period, and the lines of a web archive around a document."""

    plan_year_nouns: WordList
    price_base_nouns: WordList
    rate_units: WordList
    rate_plan_words: WordList
    report_year_nouns: WordList
    calendar_year_nouns: WordList
    item_note_words: WordList
    meeting_day_kinds: WordList
    meeting_day_words: WordList
    meeting_day_parts: WordList
    meeting_day_labels: WordList
    plan_words: WordList
    site_lines: list[Pattern]
    title_copy_lines: list[Pattern]


@dataclass(frozen=True)
class Reference:
    """The reference as a TIMEX value ("2029-10-05", "2029-10", "2029") and why it was chosen."""

    timex: str
    why: str


@lru_cache(maxsize=1)
def _plan_title() -> regex.Pattern[str]:
    nouns = sorted({fold(w) for w in DateRecordRules.load().plan_year_nouns.words}, key=lambda w: (-len(w), w))
    alt = "|".join(r"\s+".join(map(regex.escape, n.split())) for n in nouns)
    return compile_re(r"(?<![\w-])(?:" + alt + r")(?:\s+(?:for|om))?(?:\s+(?:ar|aret))?\s+"
                         r"(?P<y>(?:19|20)\d\d)(?!\d)", regex.V1)


@lru_cache(maxsize=1)
def _plan_noun_before() -> regex.Pattern[str]:
    nouns = sorted({fold(w) for w in DateRecordRules.load().plan_year_nouns.words}, key=lambda w: (-len(w), w))
    alt = "|".join(r"\s+".join(map(regex.escape, n.split())) for n in nouns)
    return compile_re(r"(?<![\w-])(?:" + alt + r")(?:\s+(?:for|om))?(?:\s+(?:ar|aret))?\s+\Z", regex.V1)


#: A year's mention that opens with the word tying it to the noun before it ("för 2027").
_YEAR_LEAD = compile_re(r"(?:för|om|år)\s+", regex.IGNORECASE)
_YEARS = compile_re(r"(?:19|20)\d\d/(?:19|20)\d\d")


def budget_year(text: str, d: DateMention) -> bool:
    """The year or run of years ``d`` names the budget or plan written right before it ("ryms i nämndens
    investeringsbudget för 2027", "Mål och budget 2027", "plan för 2028–2029"): which budget it is, no date by
    which something happens; or the price base it opens ("i 2026 års prisnivå"; not "klar 2028 i 2026 års …"); or
    the period of a rate right before the bare year ("växa med 3,8 procent 2028"; not "höjas med 4 procent till 2028",
    nor a change its clause plans: "ska höjas med 3 procent 2027")."""
    if d.granularity != "year" and _YEARS.fullmatch(d.value or "") is None:
        return False
    lead = _YEAR_LEAD.match(d.text)
    end = d.start + (lead.end() if lead else 0)
    return _plan_noun_before().search(fold(text[max(0, end - 48):end])) is not None \
        or _price_base().match(fold(text[d.start:d.end + 24])) is not None \
        or d.text[:1].isdigit() and _rate_before().search(fold(text[max(0, d.start - 24):d.start])) is not None \
        and _rate_planned().search(fold(text[max(0, d.start - _PLAN_REACH):d.start])) is None


@lru_cache(maxsize=1)
def _price_base() -> regex.Pattern[str]:
    nouns = sorted({fold(w) for w in DateRecordRules.load().price_base_nouns.words}, key=lambda w: (-len(w), w))
    return compile_re(r"(?:i\s+)?(?:19|20)\d\d\s+ars\s+(?:" + "|".join(map(regex.escape, nouns)) + r")(?![\w-])",
                      regex.V1)


#: How far before a rate's year a plan word of its clause may stand ("Nämnden planerar att sänka avgiften med 5 % 2027").
_PLAN_REACH = 80


@lru_cache(maxsize=1)
def _rate_planned() -> regex.Pattern[str]:
    words = sorted({fold(w) for w in DateRecordRules.load().rate_plan_words.words}, key=lambda w: (-len(w), w))
    return compile_re(r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(regex.escape, w.split())) for w in words)
                      + r")(?![\w-])[^.;:!?\n]*\Z", regex.V1)


@lru_cache(maxsize=1)
def _rate_before() -> regex.Pattern[str]:
    units = sorted({fold(w) for w in DateRecordRules.load().rate_units.words}, key=lambda w: (-len(w), w))
    return compile_re(r"\d[ \t\u00a0]*(?:" + "|".join(map(regex.escape, units)) + r")[ \t\u00a0\n]+\Z", regex.V1)


@lru_cache(maxsize=2)
def calendar_line(head_cell: bool = False) -> regex.Pattern[str]:
    """A (folded) line that is a year's calendar or plan's title ("Sammanträdesplan 2027", "Tidplan för 2027",
    "Planering inför 2027"); with ``head_cell``, also the first cell of a table's head ("Mötesdagar 2027   Tid").
    Marks and blanks open its own line only (read from each line start of a run of blank lines, they read the rest of
    the run again: the square of its length)."""
    nouns = sorted({fold(w) for w in DateRecordRules.load().calendar_year_nouns.words}, key=lambda w: (-len(w), w))
    return compile_re(r"^[[#*\s]--\n]*(?:" + "|".join(r"\s+".join(map(regex.escape, n.split())) for n in nouns)
                      + r")(?:\s+(?:infor|for|ar))?\s+(?P<y>(?:19|20)\d\d)(?!\d)[ \t*:]*"
                      + (r"(?:$|(?<=\S(?:\t|[ ]{3,}))(?=\S))" if head_cell else "$"), regex.M | regex.V1)


def calendar_year(text: str) -> int | None:
    """The year of a meeting calendar that the document's title line names ("Sammanträdesplan 2027" → 2027)."""
    m = calendar_line().search(fold(text[:TITLE_CHARS]))
    return int(m["y"]) if m else None


def _given_day(meta: DocumentMeta, given: dt.date | None) -> dt.date | None:
    """A reference day passed in by the caller (one the pipeline did not derive from a year or month)."""
    if given is None or meta.day is not None:
        return None
    derived = _derived(meta.date)
    return None if derived == given else given


def _derived(timex: str | None) -> dt.date | None:
    """The day the pipeline stands in for a year ("2014" → 1 July) or a month ("2014-05" → the 1st)."""
    if not timex or not timex[:4].isdigit():
        return None
    try:
        if len(timex) == 4:
            return dt.date(int(timex), 7, 1)
        if len(timex) == 7:
            return dt.date(int(timex[:4]), int(timex[5:7]), 1)
    except ValueError:
        return None
    return None


def plan_year(text: str) -> int | None:
    """The first year the document's title plans for ("Budget för år 2017" → 2017), if any."""
    m = _plan_title().search(fold(text[:TITLE_CHARS]))
    return int(m["y"]) if m else None


def reference_for(text: str, meta: DocumentMeta, explicit: Sequence[DateMention],
                  given: dt.date | None, *, calendar_year_first: bool = True) -> Reference | None:
    """The reference of ``text`` from its ``meta``, its ``explicit`` (not relative) date mentions
    and a day ``given`` by the caller or the pipeline; without ``calendar_year_first``, the time the
    document was written (a meeting calendar's year is the year its dates lie in, not its "now")."""
    calendar = calendar_year(text) if calendar_year_first else None
    if calendar is not None and meta.date and meta.date[:4].isdigit() and int(meta.date[:4]) < calendar:
        return Reference(str(calendar), f"the year {calendar} whose meetings the document's calendar lists")
    if meta.day is not None:
        return Reference(meta.day.isoformat(), f"the document's date {meta.day.isoformat()}")
    day = _given_day(meta, given)
    if day is not None:
        return Reference(day.isoformat(), f"the given reference day {day.isoformat()}")
    own = meta.date if meta.date and meta.date[:4].isdigit() else None
    if own and len(own) >= 7:
        return Reference(own[:7], f"the document's month {own[:7]}")
    exact = [m for m in explicit if m.day is not None and not m.relative and m.start < HEAD_CHARS
             and m.source.name in CALENDAR_RULES]
    if exact:
        first = next((m for m in exact if own and m.day and m.day.year == int(own)), exact[0])
        assert first.day is not None
        if date_line(text, first):
            return Reference(first.day.isoformat(), f"the first full date in the text, {first.text!r}")
        return Reference(first.day.isoformat()[:7], f"the month of the first full date in the text, {first.text!r} "
                                                   "(a date in a sentence, maybe of a past event: no day to count from)")
    planned = plan_year(text)
    if own and planned == int(own):
        return Reference(str(planned - 1), f"the year before {planned}, the period the document plans")
    if own:
        return Reference(own, f"the document's year {own}")
    if planned is not None:
        return Reference(str(planned - 1), f"the year before {planned}, the period the document plans")
    return None


def date_line(text: str, m: DateMention) -> bool:
    """Whether ``m`` stands on a line of its own or with a label or a place ("Datum: 2016-10-04", "Stockholm
    den 3 mars 2025"), at most ``DATE_LINE_WORDS`` words beside it: a date the document is dated by."""
    a = text.rfind("\n", 0, m.start) + 1
    b = text.find("\n", m.end)
    rest = text[a:m.start].split() + text[m.end:len(text) if b < 0 else b].split()
    return len(rest) <= DATE_LINE_WORDS


def needs_explicit(meta: DocumentMeta, given: dt.date | None) -> bool:
    """Whether the reference depends on the text's explicit dates (the document gives no day or month)."""
    return meta.day is None and _given_day(meta, given) is None and not (meta.date and len(meta.date) >= 7)


def document_reference(ctx: Context) -> Reference | None:
    """The time a document whose dates are built (``ctx.doc.dates``) was written: the reference they were read
    against, but a meeting calendar's own date rather than its year."""
    explicit = [m for m in ctx.doc.dates if not m.relative] if needs_explicit(ctx.meta, ctx.reference) else []
    return reference_for(ctx.text, ctx.meta, explicit, ctx.reference, calendar_year_first=False)
