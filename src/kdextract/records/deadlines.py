"""Deadlines: dated things that are due, planned, start, end or expire.

A date mention becomes a deadline when the cue nearest to it in its clause says that something
is due or planned ("ska vara klar till", "planeras", "löper ut", "träder i kraft", "ska hållas")
rather than that it happened ("hölls", "genomfördes", "har beslutat"). Cue words live in
``resources/sv/deadlines.json``; they match with or without å/ä/ö (OCR text loses them).

>>> from kdextract.parsers.dates import find_dates
>>> import datetime as dt
>>> text = "Avtalsperioden löper ut 2026-11-30. Mötet hölls i januari."
>>> dates = [m.model_copy(update={"id": f"date-{i}"}) for i, m in enumerate(find_dates(text, dt.date(2023, 6, 9)), 1)]
>>> [(d.value, d.kind, d.what) for d in deadlines_among(text, dates, [], [(0, 35), (36, 58)])]
[('2026-11-30', 'expires', 'Avtalsperioden')]
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import get_args

import regex

from kdextract.models import DateMention, Deadline, DeadlineKind, Section, Source
from kdextract.pattern_cache import compile_re, compile_std
from kdextract.records.context import Context
from kdextract.records.date_reference import budget_year, document_reference
from kdextract.records.deadline_context import (LeadIns, apart_from_headings, asks, counted_after, counted_from,
                                                dateline, inside, lead_in_pattern, moved_for, negated, report_as_of,
                                                task_before)
from kdextract.records.deadline_items import (ContactPatterns, DecisionPoints, bulleted_task, calendar_line,
                                              contact_pattern, table_row, task_end)
from kdextract.records.deadline_titles import without_restatements, without_title_repeats
from kdextract.records.deadline_scans import ClauseScans, Cue
from kdextract.records.deadline_phrases import PhrasesByPair, cue_phrase_pattern, phrase_beginnings, phrase_pattern
from kdextract.records.deadline_rules import DeadlineRules
from kdextract.records.deadline_words import (COORDINATED, ESTIMATED_AS, compound_event, compound_event_pattern,
                                              end_word, held_event, intent_phrases, particle_passive,
                                              present_plan_pattern, recurring_pattern, start_word,
                                              opens_due, sum_before)
from kdextract.records.registry import builder
from kdextract.records.schedule_table import ScheduleLabels, log_date_cells, schedule_labels, schedule_rows
from kdextract.parsers.dates.lexicon import word_regex
from kdextract.parsers.timex import before
from kdextract.text.spans import SpanIndex
from kdextract.text.required_words import required_lower
from kdextract.text.word_starts import AFTER_NO_LATIN1_W, lower_comparable

_NEGATION_REACH = 20  # characters before a date searched for a negation ("i stället för ")
_EARLIEST_REACH = 40  # characters before a "före" searched for its negation ("kan inte påbörjas före")
_NOT_DEADLINE_RULES = frozenset({"dates/deictic", "dates/clock", "dates/offset_time", "dates/part_of_day",
                                 "dates/monthly"})
#: Nothing but blanks and a bullet before a cue that opens its clause (``_naming_cue``).
_OPENS_CLAUSE = compile_re(r"[\s•▪*]*")
#: Nothing of the clause after its date but a comma or its end ("• Trafikstart den 16 augusti, vid …").
_CLAUSE_DONE = compile_re(r"[ \t]*(?:[,;.!?\n]|\Z)")
#: Only blanks between a date and the cue after it.
_BLANKS = compile_re(r"\s*")
_CLAUSE_BREAK = compile_re(r";|:\s|\s[-–—]\s|,\s+(?:men|medan|eftersom|då|vilket|som|(?:samt|och)[ \t]+att)\s")


@dataclass(frozen=True)
class _Cues:
    pattern: regex.Pattern[str]
    form: regex.Pattern[str]  # a form label right before a date ("Anslaget tas ned 2025-02-27")
    form_kind: dict[str, str]  # group name -> kind
    weak: frozenset[str]  # modal cues that make no deadline of a year before them
    sums: frozenset[str]  # verbs of a sum ('blir'): a date after the sum bounds its period
    greetings: frozenset[str]
    kind_of: dict[str, str]  # group name -> kind ("past" for past cues)
    leads: re.Pattern[str]  # zero-width, on the lower-cased text: where a cue of ``pattern`` can begin
    stopwords: frozenset[str]
    owner: regex.Pattern[str]  # an action point's owner label ("Ansvarig:")
    schedule: ScheduleLabels  # the header cells of a schedule table ("Milstolpe  Datum")
    opens_start: regex.Pattern[str]  # words right before (or opening) a date that starts something ("från den 1 mars")
    closes: regex.Pattern[str]  # words right before a date that end something ("till och med den 30 juni")
    passive: regex.Pattern[str]  # a present passive and its particle right before a date ("sätts upp under maj")
    period: regex.Pattern[str]  # a period word that opens a date ("under maj")
    negated: regex.Pattern[str]  # a negation, a covered period ("avser oktober") or a meeting-date label before a date
    lead_in: regex.Pattern[str]  # the end of a lead-in over a list of dated points ("Enligt direktivet ska bolaget")
    recurs: regex.Pattern[str]  # a recurring time right after a date ("i maj och november varje år")
    compound: regex.Pattern[str]  # a compound noun of an event ("leverantörsträff")
    contact: ContactPatterns  # contact details right before a cue (", tfn 0123-456 78, senast")
    by_first: PhrasesByPair | None  # ``pattern`` by the first two characters of its phrases (see ClauseScans)
    earliest: frozenset[str]  # due cues that a negation before them makes an earliest start ("inte … före")
    not_yet: regex.Pattern[str]  # such a negation, right before the cue or before the one verb before it
    form_needs: frozenset[str] | None = None  # lower-cased strings one of which every ``form`` match holds


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = DeadlineRules.load()
    groups: list[str] = []
    kind_of: dict[str, str] = {}
    phrases: list[tuple[str, str]] = [(p, k) for k, ps in data.kinds.items() for p in ps]
    phrases += [(p, "past") for p in data.past + data.availability.words]  # "Jag kan den 6 oktober": no plan
    phrases += [(p, "estimate") for p in data.estimates.words]
    phrases += [(p, "event") for p in data.event_nouns.words]
    phrases += [(p, "intent") for p in intent_phrases(data.intent_cues.words, data.intent_cues.adverbs)]
    phrases += [(p, "intent") for p in data.handover_verbs.words]  # "… och överlämna den till KF den 2 maj"
    heads: list[list[str]] = []  # each phrase's beginnings (in the lower-cased text)
    # longest phrase first so that "ska vara klar" wins over "ska"
    for i, (p, k) in enumerate(sorted(phrases, key=lambda pk: -len(pk[0]))):
        name = f"c{i}"
        kind_of[name] = k
        groups.append(rf"(?P<{name}>{cue_phrase_pattern(p.casefold(), data.availability)})")
        heads.append(phrase_beginnings(p.casefold()))

    def cue_pattern(alternatives: Iterable[str]) -> regex.Pattern[str]:
        return compile_re(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", regex.IGNORECASE)

    pattern = cue_pattern(groups)
    # (a phrase that opens with a blank may begin anywhere)
    by_first = None if any("" in h for h in heads) else PhrasesByPair(groups, heads, cue_pattern)
    beginnings = (b for p, _ in phrases for b in phrase_beginnings(p.casefold()))
    leads = compile_std(AFTER_NO_LATIN1_W + "(?=" + word_regex(beginnings) + ")")
    stop = frozenset(w.casefold() for w in data.what_stopwords)
    labels = [(p, k) for k, ps in data.form_labels.items() for p in ps]
    form_kind = {f"f{i}": k for i, (_, k) in enumerate(labels)}
    # the date on the label's line, or opening the next ("utses att justera protokollet" / "måndag 23 november")
    gone = "|".join(phrase_pattern(w) for w in data.form_label_past.words)  # "Sista anbudsdag var den 7 april"
    form = compile_re(r"(?<![\w])(?:" + "|".join(f"(?P<f{i}>{phrase_pattern(p.casefold())})" for i, (p, _) in
                                                     enumerate(labels)) + rf")(?![\w])(?:(?!(?<![\w])(?:{gone})(?![\w]))"
                      rf"[^\n.!?\d]){{0,{FORM_GAP}}}(?:\n[ \t]*)?\Z", regex.IGNORECASE)
    weak = frozenset(w.casefold() for w in data.weak_after_year.words)
    sums = frozenset(w.casefold() for w in data.sum_verbs.words)
    owner = compile_re(r"(?<![\w])(?:" + "|".join(map(regex.escape, data.owner_labels.words)) + r")[ \t]*:",
                          regex.IGNORECASE)
    starters = "|".join(phrase_pattern(w.casefold()) for w in sorted(data.start_words.words, key=len, reverse=True))
    opens_start = compile_re(rf"(?<![\w])(?:{starters})(?:\s+\Z|(?![\w]))", regex.IGNORECASE)
    enders = "|".join(phrase_pattern(w.casefold()) for w in sorted(data.end_words.words, key=len, reverse=True))
    closes = compile_re(rf"(?<![\w])(?:{enders})(?:\s+(?:den\s+)?\Z)", regex.IGNORECASE)
    pp = data.particle_passives
    passive = present_plan_pattern(pp.words, pp.present_verbs, pp.purposes, phrase_pattern,
                                   (pp.duration_prepositions, pp.duration_units))
    period = compile_re(r"(?:" + "|".join(map(regex.escape, data.particle_passives.period_words)) + r")\s",
                           regex.IGNORECASE)
    nots = sorted(data.negations.words + data.covers_words.words, key=lambda w: (-len(w), w))
    nots_re = [phrase_pattern(w) for w in nots] + [phrase_pattern(w) + ":?" for w in data.meeting_date_labels.words]
    negated = compile_re(r"(?<![\w])(?:" + "|".join(nots_re) + r")[ \t\n]+\Z", regex.IGNORECASE)
    lead_in = lead_in_pattern([phrase_pattern(w) for w in data.lead_in_modals.words],
                              [phrase_pattern(w) for w in data.lead_in_modals.due_words])
    return _Cues(pattern, form, form_kind, weak, sums, frozenset(data.greeting_words), kind_of, leads, stop, owner,
                 schedule_labels(data.schedule_columns), opens_start, closes, passive, period, negated, lead_in,
                 recurring_pattern(data.recurring_words.words),
                 compound_event_pattern(data.event_compound_heads.words, data.start_compound_heads.words),
                 contact_pattern(data.contact_details.words, data.contact_details.prepositions,
                                 data.contact_details.clause_words), by_first,
                 frozenset(data.earliest.words),
                 compile_re(r"(?<![\w])(?:" + "|".join(map(phrase_pattern, data.earliest.negations))
                            + r")(?:[ \t\n]+[\p{L}-]+)?[ \t\n]+\Z", regex.IGNORECASE),
                 required_lower(form.pattern, regex.IGNORECASE))


def _sentence_of(start: int, end: int, text: str, sentences: list[tuple[int, int]],
                 starts: list[int]) -> tuple[int, int]:
    """The sentence holding ``[start, end)`` (``starts``: the sentences' starts)."""
    i = bisect_right(starts, start) - 1
    if i >= 0 and end <= sentences[i][1]:
        return sentences[i]
    # fallback: the paragraph / line around the date
    s = max(text.rfind("\n\n", 0, start), text.rfind(". ", 0, start))
    s = 0 if s < 0 else s + 2
    e_candidates = [i for i in (text.find("\n\n", end), text.find(". ", end)) if i >= 0]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return s, min(e, len(text))


_WORD = compile_re(r"[\p{L}][\p{L}\-]*[\p{L}]|[\p{Lu}]{2,}|\d{4}")
_PRECISE = {"day", "datetime", "week", "month", "range"}
#: Parts of a year that, not over, make a bare year of their clause no deadline ("Planen för 2028 tas fram under
#: hösten 2027": the autumn is when, 2028 what the plan is for).
_WITHIN_YEAR = _PRECISE | {"quarter", "tertial", "half", "season"}
#: A part of a year named with it ("i slutet av 2027"): a time of its own, not what a plan is for.
_PART_OF_YEAR = compile_re(r"(?:i[ \t\n]+)?(?:slutet|början|mitten|utgången)[ \t\n]+av[ \t\n]", regex.IGNORECASE)
_KINDS: dict[str, DeadlineKind] = {k: k for k in get_args(DeadlineKind)}
#: How many characters (no digits, no sentence end) a form label may stand before its date ("… plats och tid Rådhuset, 2025-03-04").
FORM_GAP = 60
_END_OF_SENTENCE = compile_re(r"[.!?:;][\"”’)]*\s*$")


def _form_label(text: str, low: str | None, cues: _Cues, pos: int) -> regex.Match[str] | None:
    """A form label that ends its line's text before ``pos`` (``cues.form``); looked for only where the lower-cased
    text ``low`` (``lower_comparable``) holds a string that every label holds (the search tries every place)."""
    start = max(0, pos - FORM_GAP - 60)
    if low is not None and cues.form_needs is not None and not any(w in low[start:pos] for w in cues.form_needs):
        return None
    return cues.form.search(text, start, pos)


def _naming_cue(text: str, d: DateMention, cs: int, ce: int, cue_start: int, cue_end: int, cue_text: str,
                kind: str) -> str | None:
    """The cue itself as what the deadline is: one word of an event, a step or a start that opens the clause ``[cs,
    ce)`` right before its date, with only a comma or the clause's end after the date ("• Trafikstart den 16 augusti,
    vid läsårets början"); else None."""
    ok = kind in ("event", "planned", "starts") and cue_text.isalpha() and cue_end <= d.start \
        and _OPENS_CLAUSE.fullmatch(text, cs, cue_start) and _BLANKS.fullmatch(text, cue_end, d.start)
    return cue_text if ok and _CLAUSE_DONE.match(text, d.end, ce) else None


def _start_of(d: DateMention) -> str:
    return d.value.split("/")[0]


@builder("deadlines", after=("dates",))
def build_deadlines(ctx: Context) -> list[Deadline]:
    """The document's deadlines among its date mentions (ids "dl-1", … in text order)."""
    reference = document_reference(ctx)
    found = deadlines_among(ctx.text, ctx.doc.dates, ctx.sections, ctx.sentences,
                            reference=reference.timex if reference else None, notice=ctx.meta.kind == "kallelse")
    return without_restatements(without_title_repeats(found, ctx.sections, ctx.text), ctx.sections)


def deadlines_among(text: str, dates: list[DateMention], sections: list[Section],
                    sentences: list[tuple[int, int]], reference: dt.date | str | None = None,
                    notice: bool = False) -> list[Deadline]:
    """Deadlines among ``dates`` (ids "dl-1", "dl-2", … in text order).

    ``sentences`` are in text order and do not overlap (as ``sentence_spans`` gives them).
    ``reference`` (the document's date, or a TIMEX year or month where only that is known), where
    given, lets event nouns ("möte den 12 mars") count for dates on or after it, and drops dates
    before it that have no verb cue. A date right after a protocol's form label ("Anslaget tas ned",
    "Sista dag för överklagande", "Tid för justering") is a deadline whatever its tense. A ``notice``
    (a kallelse, dated by the meeting it calls) is sent out before that day: its dates before it are
    not over where something is due by them ("Förhinder anmäls senast …").
    """
    cues = _cues()
    out: list[Deadline] = []
    ordered = sorted(dates, key=lambda m: m.start)
    by_start = SpanIndex((o.start, o.start, o) for o in ordered)
    starts, ends = [s for s, _ in sentences], [e for _, e in sentences]
    ref = reference.isoformat() if isinstance(reference, dt.date) else reference
    low = lower_comparable(text)
    scans = ClauseScans(text, breaks=_CLAUSE_BREAK, cues=cues.pattern, kind_of=cues.kind_of, words=_WORD,
                        stopwords=cues.stopwords, cue_leads=cues.leads, cues_by_first=cues.by_first,
                        dates=((o.start, o.end) for o in ordered))
    rows = schedule_rows(text, cues.schedule)
    points, lead_ins = DecisionPoints(text), LeadIns(text, sentences, starts, by_start, cues.lead_in)
    row_starts = [r.what_end for r in rows]
    heads = [(a, b) for a, b in sorted({(x.start, _line_end(text, x.title_end)) for x in sections
                                        if x.title_end > x.start}) if by_start.within(a, b - 1)]  # that hold a date
    head_starts = [a for a, _ in heads]
    done = log_date_cells(text, cues.schedule)  # a log's "Datum" cells, in text order
    done_starts = [a for a, _ in done]
    ended: dict[int, bool] = {}  # sentence k ends with a full stop (or the like)
    precise: dict[tuple[int, int], bool] = {}  # a clause holds a precise date that is not over
    compounds: dict[tuple[int, int], list[regex.Match[str]]] = {}  # a clause's compound nouns of events
    counts: dict[tuple[int, int], list[int]] = {}  # where a clause's days counted from an event start
    for i, d in enumerate(ordered):
        if d.source.name in _NOT_DEADLINE_RULES:
            continue
        if d.text.split()[0].casefold() in cues.greetings if d.text.split() else False:
            continue  # "glad sommar"
        if (dateline(text, d) or inside(done, done_starts, d) or report_as_of(text, d) or budget_year(text, d)
                or counted_from(text, ordered, i) or negated(cues.negated, text, d, _NEGATION_REACH)
                or cues.recurs.match(text, d.end)):
            continue  # "17 mars | Ny förskola": the day a news item is dated; a log's "Datum" cell: when it was done
        s, e = _sentence_of(d.start, d.end, text, sentences, starts)
        # an OCR line break may split a sentence: join a previous piece that does not end one
        k = bisect_right(ends, s) - 1
        if k >= 0 and k not in ended:
            ended[k] = _END_OF_SENTENCE.search(text, starts[k], ends[k]) is not None
        if k >= 0 and not ended[k] and s - ends[k] < 4 and text[s:s + 1].islower():
            s = starts[k]
        s, e = apart_from_headings(heads, head_starts, s, e, d)
        label = _form_label(text, low, cues, d.start)
        if label is not None and label.lastgroup is not None and (
                cues.form_kind[label.lastgroup] != "planned" or (ref is not None and before(ref, _start_of(d)))):
            out.append(_deadline(text, d, label.start(), d.end, cues.form_kind[label.lastgroup],
                                 " ".join(label.group(label.lastgroup).split()), f"form label {label.group(label.lastgroup)!r}",
                                 len(out) + 1))
            continue
        j = bisect_right(row_starts, d.start) - 1
        if j >= 0 and d.start < rows[j].end:  # a date in a step's row of a schedule table, after its first cell
            r = rows[j]
            if not (ref is not None and not d.value.startswith("X") and before(d.value.split("/")[-1], ref)
                    or r.ready_in_month_of(d.start, d.value, ref)):
                out.append(_deadline(text, d, r.start, r.end, "planned", text[r.what_start:r.what_end],
                                     f"the row of the step {text[r.what_start:r.what_end]!r} in a schedule table", len(out) + 1))
            continue
        if j + 1 < len(rows) and rows[j + 1].what_start <= d.start:
            continue  # "Delårsrapport per augusti" in a step's own cell names the step, no date of it
        cs, ce = scans.clause(s, e, d.start, d.end)
        row = table_row(text, d, s, e, by_start)  # "Socialchef   Eva Ek   1 februari 2027": the row's own words
        line = calendar_line(text, d, s, e, by_start)  # "9 december  Kommunstyrelsen" under "Kommande"
        item = line or row
        # (a calendar's line is its own clause: "• 8 december: budgetdagar" goes on after its colon)
        cs, ce = line if line else (max(cs, row[0]), min(ce, row[1])) if row else (cs, ce)
        start_value, end_value = _start_of(d), d.value.split("/")[-1]
        if d.granularity == "year" and (cs, ce) not in precise:
            precise[cs, ce] = any(o.granularity in _WITHIN_YEAR and not before(o.value.split("/")[-1], ref)
                                  for o in by_start.within(cs, ce - 1))
        if d.granularity == "year" and precise[cs, ce] and _PART_OF_YEAR.match(d.text) is None:
            continue  # "Konferensen 2015 hålls den 3 juni": the day is the deadline, not the year
        known = ref is not None and not start_value.startswith("X")
        over = known and before(end_value, ref)
        if over and not notice:
            continue  # over before the document was written: it happened
        events = known and before(ref, start_value)
        opening = d.granularity in _PRECISE or opens_due(d)
        cue = scans.nearest_cue(cs, ce, d.start, d.end, events, opening)
        if cue is None and (cs, ce) != (s, e) and row is None:
            cue = scans.nearest_cue(s, e, d.start, d.end, events, opening)
        if cue is not None and cue.kind == "due" and cue.start >= d.end and counted_after(text, cs, ce, cue.start, counts):
            cue = start_word(text, d, cues.opens_start) or end_word(text, d, cues.closes)  # "Handlingarna till mötet
            # den 14 mars publiceras senast fem dagar före det": the day is counted from the meeting, no due day
        if cue is not None and cue.kind == "past" and events:
            cue = held_event(text, cue, cues.compound) or cue  # "… har samordningsmöte vecka 3": a present "har"
        if cue is None and (events or over) and d.granularity in _PRECISE:
            cue = start_word(text, d, cues.opens_start) or end_word(text, d, cues.closes)  # "ny taxa från 1 januari"
        elif cue is not None and cue.kind == "past" and cue.end <= d.start and events and d.granularity in _PRECISE:
            cue = start_word(text, d, cues.opens_start) or cue  # "har kommit överens om en höjning från den 1 januari"
        if cue is None and events:
            if (cs, ce) not in compounds:
                compounds[cs, ce] = list(cues.compound.finditer(text, cs, ce))
            cue = particle_passive(text, d, cues.passive, cues.period) \
                or compound_event(d, compounds[cs, ce])  # "belysningen sätts upp under maj"
        if cue is None and events and item is not None and d.granularity in _PRECISE:  # a row dating what is to come
            at = item[0] if item is row else d.end  # (a row's words stand before its date, a calendar's after)
            cue = Cue(at, at, "planned", "table row" if item is row else "calendar line")
        if cue is None:  # "Enligt direktivet ska bolaget" over "• sänka … till år 2030."; "– Remissvar till regionen v. 12"
            cue = lead_ins.cue(s) or (bulleted_task(text, d) if events and d.granularity in _PRECISE else None)
        if cue is None or cue.kind == "past" or over and cue.kind not in ("due", "starts"):
            continue  # a notice's date before its meeting counts only where something is due or starts by it
        if d.granularity not in ("day", "datetime") and cue.start >= d.end \
                and _due_by_a_later_day(text, by_start.within(cue.end, ce - 1)):
            continue  # "Ansökan om vistelse under sommaren lämnas senast den 8 maj": the day is due, not the summer
        if cue.kind == "estimate" and cue.start < d.start and COORDINATED.search(text, cue.end, d.start) is None \
                and (ESTIMATED_AS.fullmatch(text, cue.end, d.start) is None or d.text.endswith("års")):
            continue  # "Bidraget beräknas till 1,2 mnkr för 2026": the year an estimate is for
        if " ".join(cue.text.casefold().split()) in cues.sums and sum_before(text, cue.end, d.start):
            continue  # "Kostnaden blir 38 000 kr till och med årsskiftet": the period a sum is for
        if cue.kind == "estimate" and d.granularity == "year" and cue.start >= d.end \
                and _BLANKS.fullmatch(text, d.end, cue.start):
            continue  # "Kostnaden för i år beräknas den till 3 620 000 kr": the time the estimate is for
        if cue.start >= d.end and " ".join(cue.text.casefold().split()) in cues.weak and (
                d.granularity == "year" or _CONDITION.search(text, s, d.start) is not None):
            continue  # "målen för 2021 som ska styra arbetet", "Om bidraget kommer efter maj kan …": another clause's
        if asks(text, s, d, cue, cues.weak) or moved_for(text, s, d):
            continue  # "Kan vi få en punkt om lekplatserna i höst?": a question asks for a plan, it makes none; so
            # does a motion ("yrkar att ärendet skjuts upp till 2028")
        kind, cue_text, cue_start, cue_end = cue.kind, cue.text, cue.start, cue.end
        kind = "planned" if kind in ("estimate", "intent") else kind  # "annonseras i maj och beräknas kosta …"
        if kind == "due" and cue_text.casefold() in cues.earliest \
                and cues.not_yet.search(text, max(cs, cue_start - _EARLIEST_REACH), cue_start):
            kind = "starts"  # "Bygget kan inte starta före 1 maj": the earliest day it may start
        ts, te = item or points.around(s, e, d.start)  # a decision's "att"-point, not its whole block
        while ts < te and text[ts].isspace():
            ts += 1
        while te > ts and text[te - 1].isspace():
            te -= 1
        ahead = cue.kind == "intent" and cue_end <= d.start  # "räknar med att ansluta hushållen under 2027"
        cue_start = task_end(text, cs, cue_start, cues.contact) if cue_end <= d.start else cue_start
        what = _naming_cue(text, d, cs, ce, cue_start, cue_end, cue_text, kind) \
            or (scans.what(cs, ce, d.start, d.end, cue_start, cue_end, ahead)
                or task_before(text, sentences, starts, s, scans, cues.owner) or text[ts:min(te, ts + 60)])
        out.append(_deadline(text, d, ts, te, kind, what, f"cue '{' '.join(cue_text.split())}' next to {d.text!r}",
                             len(out) + 1))
    return out


_BY = compile_re(r"(?<![\w])senast[ \t\n]+\Z", regex.IGNORECASE)
#: A condition that opens its sentence and runs on, with no comma, to the date ("Om bidraget beviljas efter …").
_CONDITION = compile_re(r"(?:^|(?<=[.!?:\n])[ \t]*)(?:Om|Ifall)[ \t][^,;.!?]*\Z", regex.MULTILINE)


def _due_by_a_later_day(text: str, later: list[DateMention]) -> bool:
    """A day after the cue is due "senast" (by it): the cue is that day's, not an earlier date's."""
    return any(o.granularity == "day" and _BY.search(text, max(0, o.start - 10), o.start) for o in later)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


#: Kinds whose day is the last day of a span ("inom 14 dagar": due by its end).
_LAST_DAY = frozenset({"due", "expires", "ends"})


def _day(d: DateMention, kind: str) -> dt.date | None:
    """The one day the deadline falls on: an exact day (a span of hours in it too), or a span's last day for what
    is due or ends by it; none for a week, a month or a span of days in which something starts or is planned (a
    timeline takes the whole period)."""
    if d.granularity in ("day", "datetime") or d.granularity == "range" and d.end_day == d.day:
        return d.day
    return d.end_day if d.granularity == "range" and kind in _LAST_DAY else None


def _deadline(text: str, d: DateMention, start: int, end: int, kind: str, what: str, why: str, n: int) -> Deadline:
    known = _KINDS.get({"event": "meeting"}.get(kind, kind), "other")
    return Deadline(id=f"dl-{n}", text=text[start:end], start=start, end=end, value=d.value, day=_day(d, known),
                    what=what, kind=known, date_ref=d.id or None, section=d.section,
                    source=Source(method="rule", name=f"deadlines/{known}", explanation=why))
