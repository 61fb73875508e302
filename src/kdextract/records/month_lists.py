"""Year-less months listed together, kept in the order the list gives them.

The window rule gives each year-less month its year on its own ("i april" in a November
document is next April, "i oktober" the October just past). Months coordinated in one list
("betalas ut i april och i oktober", "i maj, juni och augusti") are read in order: a month that
the rule put before the month listed right before it is that month's next occurrence after it.

>>> from kdextract.models import DateMention, Source
>>> src = Source(method="rule", name="dates/month", score=1.0)
>>> def m(a, b, v): return DateMention(start=a, end=b, text="", value=v, granularity="month", relative=True, source=src)
>>> [x.value for x in in_list_order("i april och i oktober", [m(0, 7, "2027-04"), m(12, 21, "2026-10")])]
['2027-04', '2027-10']
"""

from __future__ import annotations

from kdextract.models import DateMention
from kdextract.pattern_cache import compile_re

#: What may stand between two months of one list.
_LIST_GAP = compile_re(r"[ \t]*(?:,|och|samt|eller|,[ \t]*och)[ \t\n]*")


def in_list_order(text: str, dates: list[DateMention]) -> list[DateMention]:
    """``dates`` (in text order), each year-less month listed right after another month placed after it."""
    out: list[DateMention] = []
    for m in dates:
        prev = out[-1] if out else None
        if (prev is not None and _year_less_month(m) and _year_less_month(prev) and m.value < prev.value
                and _LIST_GAP.fullmatch(text, prev.end, m.start) is not None):
            year = int(prev.value[:4]) + (0 if m.value[5:] > prev.value[5:] else 1)
            why = f"{m.source.explanation}, after the month listed before it"
            m = m.model_copy(update={"value": f"{year:04d}{m.value[4:]}",
                                     "source": m.source.model_copy(update={"explanation": why})})
        out.append(m)
    return out


def _year_less_month(m: DateMention) -> bool:
    return m.granularity == "month" and m.relative and len(m.value) == 7 and m.value[:4].isdigit()
