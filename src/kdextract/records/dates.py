"""Date mentions of the document: the date parser's finds, resolved against the document's date.

The reference is chosen as a reader would (``records.date_reference``) and named in the
explanation of every mention resolved against it. Dates that are page furniture are left
out: those in a web archive's wrapper lines ('Download "…"', '(pdf 387 kB)') and the repeats
of a running header line (the same short line with the same date on every page).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

import regex

from kdextract.layout.pages import header_key
from kdextract.models import DateMention, Section, Source
from kdextract.parsers.dates import DateReader, is_document_date
from kdextract.pattern_cache import compile_re
from kdextract.records.context import Context
from kdextract.records.date_reference import DateRecordRules, Reference, needs_explicit, reference_for
from kdextract.records.event_dates import EVENT_RULE, event_dates
from kdextract.records.month_lists import in_list_order
from kdextract.records.plan_years import in_plan_years
from kdextract.records.registry import builder
from kdextract.records.report_periods import in_report_year
from kdextract.text.view import TextView

#: The longest line that counts as a running header (its repeats are furniture).
HEADER_MAX_CHARS = 80
#: The longest input line read as one line; a longer one is flattened text, read by the lines that the
#: layout step restored in it (a site's line run into a flattened page must not take the page's dates with it).
FLAT_LINE_CHARS = 400


@builder("dates", after=("meetings",))
def build_dates(ctx: Context) -> list[DateMention]:
    """Every date mention (ids "date-1", … in text order) that places something on the calendar."""
    dates = DateReader(ctx.text)
    explicit: list[DateMention] = []
    if needs_explicit(ctx.meta, ctx.reference):
        explicit = list(_without_furniture(ctx.view, filter(is_document_date, dates.find())))
    reference = reference_for(ctx.text, ctx.meta, explicit, ctx.reference)
    found = dates.find(reference.timex if reference else None)
    own_year = int(reference.timex[:4]) if reference and reference.timex[:4].isdigit() else None
    kept = in_list_order(ctx.text, _without_wrapped_title_years(in_plan_years(dates, in_report_year(
        ctx.text, _without_furniture(ctx.view, filter(is_document_date, found)), own_year), ctx.sections), ctx.sections))
    kept = event_dates(ctx, kept)
    return [m.model_copy(update={"id": f"date-{i}", "section": ctx.section_at(m.start),
                                 "source": _explained(m.source, reference) if m.relative and m.source.name != EVENT_RULE
                                 else m.source})
            for i, m in enumerate(kept, start=1)]


def _without_wrapped_title_years(dates: list[DateMention], sections: list[Section]) -> list[DateMention]:
    """``dates`` without a bare year that opens a title's next part right after a month that ends the part before
    ("Ekonomisk uppföljning oktober" / "2026" wrapped in an agenda's column): that month's year, no date of its own."""
    part_before = {c: b for x in sections if x.title_parts
                   for (_, b), (c, _) in zip(x.title_parts, x.title_parts[1:])}  # a part's start -> the last one's end
    months = {m.end: m.value for m in dates if m.granularity == "month"} if part_before else {}
    return [m for m in dates if not (m.granularity == "year" and m.start in part_before
                                     and months.get(part_before[m.start], "")[:4] == m.value)]


@lru_cache(maxsize=256)
def _explained(source: Source, reference: Reference | None) -> Source:
    if reference is None:
        return source
    return source.model_copy(update={"explanation": f"{source.explanation}; reference: {reference.why}"})


@lru_cache(maxsize=1)
def _site_lines() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    rules = DateRecordRules.load()

    def one(patterns: list[str]) -> regex.Pattern[str]:
        return compile_re("|".join(f"(?:{p})" for p in patterns), regex.I | regex.V1)

    return one(rules.site_lines), one(rules.title_copy_lines)


def _without_furniture(view: TextView, mentions: Iterable[DateMention]) -> list[DateMention]:
    """``mentions`` less the furniture: dates in a site's lines about the file, repeats of a running
    header line, and dates in a site's copy of the title that the document states itself.

    Lines are read in the input (``view.original``), where a layout step may have blanked the
    wrapper's own words ('Download "…"') but not the title it quotes; an input line longer than
    ``FLAT_LINE_CHARS`` by the input behind the working view's line (with the words that a line break before
    it stands for: a wrapper run into a flattened page).
    """
    site, title_copy = _site_lines()
    seen_lines: dict[str, tuple[int, int]] = {}  # a short line -> where it first stood
    body: list[DateMention] = []
    copies: list[DateMention] = []
    original = view.original
    newlines: list[int] | None = None
    view_newlines: list[int] | None = None
    lines: dict[tuple[int, int], tuple[str, bool, bool]] = {}  # each line read once, however many dates it holds
    for m in mentions:
        s, e = view.to_input(m.start, m.end)
        if newlines is None:
            newlines = _newlines(original)
        a, b = _line_around(original, newlines, s, e)
        lead = a  # where the wrapper's words before the line start: a layout step put a line break for them
        if b - a > FLAT_LINE_CHARS:
            if view_newlines is None:
                view_newlines = _newlines(view.text)
            ls, le = _line_around(view.text, view_newlines, m.start, m.end)
            a, b = view.to_input(ls, le)
            lead = view.to_input(ls - 1, ls)[0] if ls else a
        if (a, b) not in lines:
            line = original[a:b].strip()
            lines[a, b] = (line, site.search(line) is not None, title_copy.search(original[lead:b].strip()) is not None)
        line, in_site, in_copy = lines[a, b]
        if in_site:
            continue
        if in_copy:
            copies.append(m)
            continue
        if len(line) <= HEADER_MAX_CHARS:
            if seen_lines.setdefault(header_key(line), (a, b)) != (a, b):
                continue  # the line repeated elsewhere (its page counter aside): a running header
        body.append(m)
    stated = {_day_of(m) for m in body}
    for m in copies:
        if _day_of(m) not in stated:
            stated.add(_day_of(m))
            body.append(m)
    return sorted(body, key=lambda m: m.start)


def _newlines(text: str) -> list[int]:
    """The offsets of the line breaks in ``text``."""
    out: list[int] = []
    k = text.find("\n")
    while k >= 0:
        out.append(k)
        k = text.find("\n", k + 1)
    return out


def _line_around(text: str, newlines: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of the line(s) of ``text`` that hold ``[start, end)`` (``newlines``: its line breaks)."""
    i, j = bisect_left(newlines, start), bisect_left(newlines, end)
    return (newlines[i - 1] + 1 if i else 0), (newlines[j] if j < len(newlines) else len(text))


def _day_of(m: DateMention) -> str:
    """A mention's value at day grain ("2027-04-21T09:30/…" → "2027-04-21")."""
    return m.value.split("/")[0][:10]
