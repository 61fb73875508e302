"""Swedish date and time expressions → :class:`~kdextract.models.DateMention` with TIMEX values.

>>> import datetime as dt
>>> [(m.text, m.value) for m in find_dates("Kulturdagen äger rum den 21 maj.", reference=dt.date(2016, 2, 1))]
[('den 21 maj', '2016-05-21')]
>>> [m.value for m in find_dates("Hyresavtalet upphör 2026-03-31 och under hösten 2026.")]
['2026-03-31', '2026-FA']
>>> find_dates("den 21 maj")[0].value  # no reference: the year stays unknown
'XXXX-05-21'

Pure Python (``regex``), no spaCy. The rules run on a folded, same-length copy of the text
(lower case, no diacritics) so that OCR text such as "under varen" is read as well.

Resolution, in short (details in ``calendar.py``):

* year-less dates take the reference's year, shifted so that the date lies between 6 months
  before and 8 months after the reference month ("den 20 januari" in a November report is next
  January); with no reference the year is ``XXXX`` (``XXXX-05-21``, valid TIMEX3);
* relative expressions ("nästa år", "i morgon", "förra veckan", weekdays) need a reference and
  are skipped without one; they follow Duckling (next weekday = the next one after today);
* a season's genitive with no preposition ("redovisning av sommarens verksamhet") is the season nearest the
  reference, the one just over or the coming one, unless a future word in its sentence makes it the coming one;
* English dates quoted in a Swedish text ("12 March 2025", "March 12, 2025", "the 12th of March") are read too
  (``rules_english.py``);
* "vid årsskiftet" is the coming 1 January (so is a year-less "halvårsskiftet" the coming 1 July; the last one
  in the past tense), "vid halvårsskiftet 2017" is 2017-07-01 with the
  alternatives 2017-07 and 2017-H2, "i slutet av april" is the month.

What documents should drop (see :data:`DOCUMENT_DROP_RULES`): the vague deictic "nu"/"idag"
(``dates/deictic``), clock times alone (``dates/clock``) and short offsets ("om 2 minuter",
``dates/offset_time``), which Duckling's chatbot cases want but GOLD.md does not count.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from kdextract.errors import ArgumentError
from kdextract.models import DateMention, Source
from kdextract.pattern_cache import compile_re
from kdextract.parsers.text_arg import require_text

from . import (rules_numeric, rules_absolute, rules_clock, rules_english, rules_labelled, rules_offsets,  # noqa: F401
               rules_periods, rules_relative, rules_spans, rules_years)  # (register the rules)
from .calendar import Value
from .day_lists import with_listed_days
from .engine import Ctx, RuleMatches, collect, keyword_finder, select
from .fold import fold_text
from .lexicon import lexicon
from .merge import join_periods, merge, value_lone_clocks
from .reference import parse_reference
from .same_year import take_same_year

__all__ = ["DOCUMENT_DROP_RULES", "DateReader", "find_dates", "is_document_date"]

keyword_finder()  # built once the rules are registered, so that no find_dates call waits for it

#: Source names of mentions that a document parser should leave out (GOLD.md: vague "idag"/"nu",
#: clock times alone, chatbot-style "om 2 minuter" are not dates of a document).
DOCUMENT_DROP_RULES = frozenset({"dates/deictic", "dates/clock", "dates/offset_time"})
#: A value outside the calendar of years 1-9999 that a reference at its edge gives ("nästa år" in 9999 is "10000",
#: "förra året" in year 1 "0000", the last week of 9999 ends in 10000): no mention.
_OFF_CALENDAR = compile_re(r"(?:^|/)(?:0000|\d{5}|9999-W5)")


def is_document_date(mention: DateMention) -> bool:
    """False for mentions that documents should drop (``DOCUMENT_DROP_RULES``)."""
    return mention.source.name not in DOCUMENT_DROP_RULES


def find_dates(text: str, reference: dt.date | dt.datetime | str | None = None) -> list[DateMention]:
    """All date and time expressions in ``text``, sorted by position, non-overlapping.

    ``reference`` (a date, a datetime or a TIMEX string: "2019", "2019-11", "2019-11-05", "2019-11-05T10:00")
    anchors year-less and relative expressions; parse() passes the document's own date. A reference known only
    to the year ("2014") gives year-less dates that year and leaves day-relative ones ("i morgon") out. Any other
    reference raises :class:`~kdextract.errors.ArgumentError`, as parse()'s ``document_date`` does (see
    ``reference.py`` for the forms both take).
    """
    if reference is not None:
        parse_reference(reference)
    if not require_text(text, "find_dates"):
        return []
    return DateReader(text, keep=False).find(reference)


def _lenient(reference: dt.date | dt.datetime | str | None) -> tuple[dt.date | None, dt.datetime | None, str]:
    """A reference the pipeline derived (a TIMEX such as "2014-W12" is none), or no reference."""
    try:
        return (None, None, "day") if reference is None else parse_reference(reference)
    except ArgumentError:
        return None, None, "day"


class DateReader:
    """The date expressions of one text, matched once and read against any reference
    (a document's dates are read before and after its reference is chosen)."""

    def __init__(self, text: str, keep: bool = True) -> None:
        """``keep=False``: the text is read against one reference only (see ``RuleMatches``)."""
        self.text = text
        self.folded = fold_text(text)
        self.matches = RuleMatches(self.folded, keep=keep)

    def find(self, reference: dt.date | dt.datetime | str | None = None) -> list[DateMention]:
        """``find_dates(self.text, reference)``."""
        text = self.text
        ref, now, grain = _lenient(reference)
        ctx = Ctx(text, self.folded, ref, now, grain)
        chosen = with_listed_days(select(join_periods(merge(collect(ctx, self.matches), ctx), ctx)), ctx)
        value_lone_clocks(chosen, ctx)
        take_same_year(chosen, ctx)
        rules_offsets.anchor_periods(chosen, ctx)
        out: list[DateMention] = []
        for c in chosen:
            v = c.val
            if not v.value or _OFF_CALENDAR.search(v.value):
                continue
            out.append(_new_mention({
                "text": text[c.start:c.end], "start": c.start, "end": c.end, "value": v.value,
                "granularity": v.granularity, "day": None if v.granularity == "week" else v.date,
                "datetime": v.datetime, "end_day": _last_day(v),
                "alternatives": v.alternatives, "relative": c.relative, "source": _source(c.rule, c.explanation),
            }))
        return out


def _last_day(v: Value) -> dt.date | None:
    """A range's last day: a range that ends in a week ends on its Sunday (``end_date`` is the Monday)."""
    if v.end_date is not None and "-W" in v.value.rpartition("/")[2]:
        return v.end_date + dt.timedelta(days=6)
    return v.end_date


_new_mention = DateMention.__pydantic_validator__.validate_python  # DateMention(**fields) minus the call overhead


@lru_cache(maxsize=1024)
def _source(rule: str, explanation: str) -> Source:
    return Source(method="rule", name=rule, explanation=explanation)


def weekdays() -> dict[str, int]:
    """Swedish weekday names, folded ("mandag"), to their number (Monday 0)."""
    return dict(lexicon().weekdays)
