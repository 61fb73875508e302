"""The year of a quarter, tertial or half year in a report on a past year.

A report or follow-up whose title names the year it covers ("Uppföljning av internkontrollplan
2025", "Årsredovisning 2024") is written after that year. A part of the year without its own
year ("under tertial 2", "första halvåret", "kvartal 3") then means the covered year's part,
which the window rule (about the document's own date) may place in the year after. A sentence
that plans ("ska", "senast", "planeras"; ``plan_words`` in ``resources/sv/date_records.json``)
keeps the window's year: its part is still to come.

>>> report_year("Kungälvs kommun\\nUppföljning av internkontrollplan 2025 – nämnden\\n", 2026)
2025
>>> report_year("Budget 2026\\n", 2026) is None
True
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.models import DateMention
from kdextract.pattern_cache import compile_re
from kdextract.records.date_reference import TITLE_CHARS, DateRecordRules
from kdextract.text.fold import fold

#: The date rules that value a year-less part of the year by the window rule, and their explanations.
PERIOD_PARTS = {("dates/quarter", "quarter"), ("dates/tertial", "tertial (four-month period)"),
                ("dates/half_year", "half year")}
#: How many words may stand between a report noun and the year it covers ("Uppföljning av internkontrollplan 2025").
WORDS_BETWEEN = 4

_SENTENCE_END = compile_re(r"[.!?](?=\s)|\n[ \t]*\n")
_WORD = compile_re(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _report_title() -> regex.Pattern[str]:
    nouns = sorted({fold(w) for w in DateRecordRules.load().report_year_nouns.words}, key=lambda w: (-len(w), w))
    alt = "|".join(map(regex.escape, nouns))
    return compile_re(rf"(?:^|\n)[ \t]*(?:{alt})(?:[ \t]+[\w-]+){{0,{WORDS_BETWEEN}}}?[ \t]+(?:ar[ \t]+)?"
                         r"(?P<y>(?:19|20)\d\d)(?![\d-])", regex.V1)


@lru_cache(maxsize=1)
def _plan_words() -> frozenset[str]:
    return frozenset(fold(w) for w in DateRecordRules.load().plan_words.words)


def report_year(text: str, own_year: int) -> int | None:
    """The year before ``own_year`` that the title of ``text`` reports on (a line that opens with a report
    noun), if any."""
    m = _report_title().search(fold(text[:TITLE_CHARS]))
    if m is None:
        return None
    y = int(m["y"])
    return y if y < own_year else None


def _plans(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``[start, end)`` holds a word that plans."""
    a = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    b = _SENTENCE_END.search(text, end)
    words = _WORD.findall(fold(text[a:b.start() if b else len(text)]))
    return not _plan_words().isdisjoint(words)


def in_report_year(text: str, mentions: list[DateMention], own_year: int | None) -> list[DateMention]:
    """``mentions`` with each year-less part of the year in a report on a past year moved to that year."""
    if own_year is None:
        return mentions
    covered = report_year(text, own_year)
    if covered is None:
        return mentions
    out: list[DateMention] = []
    for m in mentions:
        y = m.value[:4]
        if (m.relative and (m.source.name, m.source.explanation) in PERIOD_PARTS and y.isdigit()
                and int(y) != covered and not _plans(text, m.start, m.end)):
            new = str(covered)
            m = m.model_copy(update={
                "value": _in_year(m.value, new), "alternatives": [_in_year(a, new) for a in m.alternatives],
                "source": m.source.model_copy(update={
                    "explanation": f"{m.source.explanation}, of {new}: the year the report's title covers"})})
        out.append(m)
    return out


def _in_year(value: str, year: str) -> str:
    """A TIMEX value, or both ends of a range, moved to ``year`` ("2026-05/2026-08" → "2025-05/2025-08")."""
    return "/".join(year + part[4:] for part in value.split("/"))
