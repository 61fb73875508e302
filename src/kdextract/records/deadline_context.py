"""What the sentences before a dated one give it: the task that an action point's bare "Klart senast …" closes, and
the modal of a lead-in over a list of dated points ("Enligt direktivet ska bolaget" over "• ta fram en plan … senast
2026-12-31," and "• sänka energianvändningen … till år 2030."); and what the sentence itself is: a question that
its modal opens ("Kan vi få en punkt om … i höst?"), a report's day as of which it is drawn up ("per augusti")."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

import regex

from kdextract.layout.rules import rules as section_rules
from kdextract.models import DateMention
from kdextract.parsers.dates.event_relative import find_event_relative
from kdextract.pattern_cache import compile_re
from kdextract.records.date_reference import DateRecordRules
from kdextract.records.deadline_rules import DeadlineRules
from kdextract.records.deadline_scans import ClauseScans, Cue
from kdextract.text.spans import SpanIndex

__all__ = ["LeadIns", "apart_from_headings", "asks", "counted_after", "counted_from", "dateline", "inside",
           "lead_in_pattern", "moved_for", "negated", "report_as_of", "task_before"]

#: A point of a list opens the sentence: a bullet (Word's private-use ones too) or "1." before a blank.
_POINT = compile_re(r"(?:[-–•*·▪\uf0b7\uf0a7]|\d{1,2}[.)])[ \t]")
#: What stands between a line's last sentence and the next line's first: one line break.
_NEXT_LINE = compile_re(r"[ \t]*\n[ \t]*\Z")
#: What may stand before a question's first word: blanks, a quoted mail's marks, a bullet.
_QUESTION_LEAD = compile_re(r"[\s>•*·▪-]*")
#: A question's end after its date, its clause's words between ("… lekplatserna i höst?").
_QUESTION_END = compile_re(r"[^.!?\n]*\?")
#: What stands between a day counted from a dated event and the event's date ("… före mötet, den 14 mars").
_TO_EVENT_DATE = compile_re(r"[ \t]*,?[ \t]*(?:den[ \t]+)?", regex.IGNORECASE)
#: A date's opening preposition ("för Q1 2027"), which may end a negation's phrase ("i stället för").
_LEAD_WORD = compile_re(r"\p{Ll}+[ \t\n]+")
#: How far before a date a motion's words may stand (a bounded look: linear in a sentence of many dates).
_MOTION_REACH = 200
#: How far after a date its question's mark may stand (a bounded look: linear in a line of many dates).
_QUESTION_REACH = 160
#: Most words after a lead-in's modal: its subject and a "senast" ("ska bolaget", "ska nämnden senast").
_TAIL_WORDS = 3


def lead_in_pattern(modals: list[str], due_words: list[str]) -> regex.Pattern[str]:
    """The end of a lead-in with its modal (patterns of ``modals``), at most a few words after it, one of them
    maybe a due word (group ``due``: "senast"), and maybe a colon."""
    modal = "|".join(sorted(modals, key=lambda w: (-len(w), w)))
    due = "|".join(sorted(due_words, key=lambda w: (-len(w), w)))
    return compile_re(rf"(?<![\w])(?:{modal})(?:[ \t]+(?:(?P<due>{due})|[\p{{L}}\-]+)){{0,{_TAIL_WORDS}}}[ \t]*:?\Z",
                      regex.IGNORECASE)


class LeadIns:
    """The lead-in over each run of list points (``cue``), each run read once: every point of a run has its cue."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], starts: list[int], dates: SpanIndex[DateMention],
                 lead_in: regex.Pattern[str]) -> None:
        self.text, self.sentences, self.starts, self.dates, self.lead_in = text, sentences, starts, dates, lead_in
        self._known: dict[int, Cue | None] = {}  # sentence index of a point -> its run's cue

    def cue(self, s: int) -> Cue | None:
        """The modal of the lead-in over the list point that opens at ``s``, as its cue ("due" where a due word
        follows the modal, else "planned"): the points stand line by line right under a line that ends in its modal
        and subject ("Enligt direktivet ska bolaget", "Nämnden bör senast:"), no full sentence, and every point holds
        a date."""
        text, sentences = self.text, self.sentences
        i = bisect_right(self.starts, s) - 1
        if i < 0 or self.starts[i] != s or not _POINT.match(text, s):
            return None
        if i in self._known:
            return self._known[i]

        def next_line(k: int) -> bool:  # sentence k + 1 opens the line under sentence k
            return _NEXT_LINE.match(text, sentences[k][1], sentences[k + 1][0]) is not None

        first, last = i, i
        while first > 0 and _POINT.match(text, sentences[first - 1][0]) and next_line(first - 1):
            first -= 1
        while last + 1 < len(sentences) and _POINT.match(text, sentences[last + 1][0]) and next_line(last):
            last += 1
        cue = self._run_cue(first, last, next_line)
        self._known.update(dict.fromkeys(range(first, last + 1), cue))
        return cue

    def _run_cue(self, first: int, last: int, next_line: Callable[[int], bool]) -> Cue | None:
        sentences = self.sentences
        if first == 0 or not next_line(first - 1) \
                or not all(self.dates.within(a, b - 1) for a, b in sentences[first:last + 1]):
            return None
        a, b = sentences[first - 1]
        m = self.lead_in.search(self.text, a, b)
        if m is None:
            return None
        word = m.group(0).split()[0]
        return Cue(m.start(), m.start() + len(word), "due" if m.group("due") else "planned", word)


def task_before(text: str, sentences: list[tuple[int, int]], starts: list[int], s: int,
                scans: ClauseScans, owner: regex.Pattern[str]) -> str:
    """The words of the task an action point's bare "Klart senast 15 maj." closes: the sentence before it in
    the same paragraph, up to an owner's label ("Åtgärd: Skicka inbjudan. Ansvarig: Eva Ek. Klart senast …"), or the one
    before a paragraph that the owner's label opens."""
    i = bisect_right(starts, s) - 1
    if i < 0 or starts[i] != s:
        return ""
    for j in range(i - 1, max(-1, i - 3), -1):
        sj, ej = sentences[j]
        if "\n\n" in text[ej:sentences[j + 1][0]] and owner.match(text, sentences[j + 1][0]) is None:
            return ""  # (a blank line before "Ansvarig:" sets a flattened task apart as a title, no new point)
        label = owner.search(text, sj, ej)
        end = label.start() if label is not None else ej
        if text[sj:end].strip():
            return scans.what(sj, end, sj, sj, sj, sj)  # its first words: what is to be done ("Ta fram en plan …")
    return ""


def apart_from_headings(heads: list[tuple[int, int]], head_starts: list[int], s: int, e: int,
                         d: DateMention) -> tuple[int, int]:
    """The sentence ``[s, e)`` of ``d`` without a dated heading line that a sentence split ran into it ("§ 11
    Nomineringar inför mandatperioden 2027–2030" over "Valberedningen går igenom …"): the heading's date and the
    body's are two mentions, each with its own words; the heading alone where ``d`` is in it (``heads``: the
    heading lines that hold a date, in text order; ``head_starts``: their starts)."""
    i = bisect_right(head_starts, d.start) - 1
    if i < 0:
        return s, e
    a, b = heads[i]
    if d.end <= b:
        return max(s, a), min(e, b)
    if s < b < d.start:
        return b + 1, e
    return s, e


def inside(spans: list[tuple[int, int]], starts: list[int], d: DateMention) -> bool:
    """``d`` lies inside one of ``spans`` (in text order, not overlapping; ``starts``: their starts)."""
    i = bisect_right(starts, d.start) - 1
    return i >= 0 and d.end <= spans[i][1]


def dateline(text: str, d: DateMention) -> bool:
    """``d`` leads a heading that a newsletter dates with a bar ("4 maj | Ny förskola", ``dated_heading`` of the
    section rules)."""
    i = d.start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 0 and text[i - 1] != "\n":
        return False
    m = section_rules().dated_heading.match(text[d.start:d.end + _BAR_REACH])  # a short slice: "^" is its start
    return m is not None and d.start + m.end() >= d.end


#: How far after a date the bar of a dated heading may stand.
_BAR_REACH = 12


def asks(text: str, s: int, d: DateMention, cue: Cue, modals: frozenset[str]) -> bool:
    """The sentence at ``s`` is a question that its modal cue opens ("Kan vi få en punkt om lekplatserna i höst?",
    "Ska vi boka lokalen till maj?"): it asks for a plan, it makes none (a due word asks by when: "Kan ni svara
    senast den 3 maj?" has its own cue, nearer the date); not a request to the addressee, "ni" or "du" right after
    the modal ("Kan ni återkomma med svar till den 15 maj?"): that asks for a delivery by the date."""
    return (" ".join(cue.text.casefold().split()) in modals and cue.end <= d.start
            and _QUESTION_LEAD.fullmatch(text, s, cue.start) is not None
            and _QUESTION_END.match(text, d.end, d.end + _QUESTION_REACH) is not None
            and _addressee().match(text, cue.end, d.start) is None)


@lru_cache(maxsize=1)
def _addressee() -> regex.Pattern[str]:
    """The addressee as the subject right after a question's modal (deadlines.json ``question_addressees``)."""
    words = DeadlineRules.load().question_addressees.words
    return compile_re(r"\s+(?:" + "|".join(map(regex.escape, words)) + r")(?![\w])", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _report_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    """The nouns of reports, and the phrases before one that make it an occasion (" i samband med")."""
    return (frozenset(w.casefold() for w in DateRecordRules.load().report_year_nouns.words),
            tuple(" " + w.casefold() for w in DeadlineRules.load().report_occasions.words))


def report_as_of(text: str, d: DateMention) -> bool:
    """``d`` is the day or month a report is drawn up as of ("Delårsrapport per augusti", "bokslutet per 31
    december"): what the report covers, no deadline; not where the report is the occasion something is due by
    ("vill ha svar senast i samband med delårsrapporten per augusti 2027": the report's month is due)."""
    words = text[max(0, d.start - 48):d.start].split()
    nouns, occasions = _report_nouns()
    return d.text[:4].casefold() == "per " and bool(words) and words[-1].strip("|(").casefold() in nouns \
        and not (" " + " ".join(words[:-1]).casefold()).endswith(occasions)


def counted_after(text: str, cs: int, ce: int, pos: int, counts: dict[tuple[int, int], list[int]]) -> bool:
    """A day counted from an event stands in the clause ``[cs, ce)`` at or after ``pos`` ("… publiceras senast fem
    dagar före sammanträdet"): the due day of its cue is that count's, not that of a date before it. ``counts``
    keeps each clause's counts, so that each clause is read once."""
    if (cs, ce) not in counts:
        counts[cs, ce] = [cs + e.start for e in find_event_relative(text[cs:ce])]
    return any(s >= pos for s in counts[cs, ce])


def counted_from(text: str, ordered: list[DateMention], i: int) -> bool:
    """The date ``ordered[i]`` is that of an event a day is counted from right before it ("senast fem dagar före
    mötet den 14 mars"): the counted day is due, the event's date is when it is held."""
    prev = ordered[i - 1] if i > 0 else None
    return prev is not None and prev.source.name == "dates/event_relative" \
        and _TO_EVENT_DATE.fullmatch(text, prev.end, ordered[i].start) is not None


def moved_for(text: str, s: int, d: DateMention) -> bool:
    """A member's motion stands before ``d`` in its sentence from ``s`` ("Anna Ek (M) yrkar att ärendet skjuts upp
    till 2028"), within ``_MOTION_REACH`` characters: the date is what the motion asks for, no plan (deadlines.json
    ``motions``)."""
    return _motion().search(text, max(s, d.start - _MOTION_REACH), d.start) is not None


@lru_cache(maxsize=1)
def _motion() -> regex.Pattern[str]:
    words = sorted(DeadlineRules.load().motions.words, key=lambda w: (-len(w), w))
    return compile_re(r"(?<![\w])(?:" + "|".join(r"\s+".join(map(regex.escape, w.split())) for w in words)
                      + r")(?![\w])", regex.IGNORECASE)


def negated(pattern: regex.Pattern[str], text: str, d: DateMention, reach: int) -> bool:
    """A negation's phrase (``pattern``, which ends at the end of what it searches) stands right before ``d``, within
    ``reach`` characters, or ends with ``d``'s opening preposition ("Inflyttning sker i maj i stället för i mars",
    "… Q2 2027 i stället för Q1 2027" where the date is "för Q1 2027"); not a bare "i stället" before a date ("Mötet
    sker i stället i oktober": the new plan)."""
    a = max(0, d.start - reach)
    if pattern.search(text, a, d.start):
        return True
    lead = _LEAD_WORD.match(text, d.start, d.end)
    return lead is not None and pattern.search(text, a, lead.end()) is not None
