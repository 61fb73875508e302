"""Cues that stand right before a date of a clause no cue phrase reads: a start word ("från den 1 januari"), an
end word ("till och med den 30 juni"), a present passive and its particle ("sätts upp under maj"), a compound noun
of an event in its clause ("leverantörsträff"); a recurring time right after a date ("varje år")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import islice

import regex

from kdextract.models import DateMention
from kdextract.parsers.amount_rules import AmountRules
from kdextract.pattern_cache import compile_re
from kdextract.records.deadline_rules import DeadlineRules
from kdextract.records.deadline_scans import Cue

#: What follows the first date of a range or of a move ("från vecka 14 till vecka 16").
_RANGE_GOES_ON = compile_re(r"[ \t\n]*(?:till|–|-)[ \t\n]")
#: How far before a date its start word may begin.
_START_WORD_REACH = 24
#: The blanks in a date's mention; an end word that opens it ("till och med juni") ends at one of its first three.
_BLANKS = compile_re(r"\s+")
_END_WORD_BLANKS = 3
#: How far before a date a present verb and the words of its object may begin ("får nya lekredskap under …").
_PRESENT_REACH = 48
#: Due words that, opening a year's mention, make it the year something is due by ("Nästa revidering senast 2027").
_DUE_OPENERS = frozenset(w.casefold() for w in DeadlineRules.load().lead_in_modals.due_words)
#: A coordinated clause between an estimate and a date: "beräknas kosta 9 mnkr och vara klar under 2027".
COORDINATED = compile_re(r"[ \t\n](?:och|samt)[ \t\n]|,[ \t\n]")
#: How far after a sum's verb the date may begin ("blir cirka 38 000 kr till och med årsskiftet").
_SUM_REACH = 48


@lru_cache(maxsize=1)
def _sum() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A sum in kronor: a number, maybe a word of scale, and a currency word or unit ("38 000 kr", "1,2 miljoner
    kronor", "310 tkr"); and what may stand between it and a date it is for ("per månad till och med")."""
    d = AmountRules.load()
    words = [w for w, iso in d.currency_words.items() if iso == "SEK" and w[:1].isalpha()]
    words += [w for w, (iso, _) in d.unit_words.items() if iso == "SEK"]
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    periods = DeadlineRules.load().sum_verbs.period_words
    rest = "|".join(regex.escape(w).replace(r"\ ", r"[ \t\u00a0]+") for w in sorted(periods, key=len, reverse=True))
    return (compile_re(rf"\d(?:[\d \u00a0.,]*\d)?(?:[ \t\u00a0]+\p{{L}}+)?[ \t\u00a0]+(?:{alt})(?![\w])", regex.IGNORECASE),
            compile_re(rf"[ \t\u00a0]*(?:per[ \t\u00a0]+\p{{L}}+[ \t\u00a0]+)?(?:(?:{rest})[ \t\u00a0]+)?", regex.IGNORECASE))


def sum_before(text: str, cue_end: int, date_start: int) -> bool:
    """A sum in kronor stands between a sum's verb that ends at ``cue_end`` and a date at ``date_start``, the date
    right after it ("Kostnaden blir cirka 38 000 kr till och med årsskiftet")."""
    if not 0 <= date_start - cue_end <= _SUM_REACH:
        return False
    amount, rest = _sum()
    m = amount.search(text, cue_end, date_start)
    return m is not None and COORDINATED.search(text, cue_end, m.start()) is None \
        and rest.fullmatch(text, m.end(), date_start) is not None


#: What stands between an estimate's cue and the date it estimates: "Inflyttning beräknas till hösten 2027" (a year
#: in the genitive is a price level: "beräknas till 2028 års nivå").
ESTIMATED_AS = compile_re(r"[ \t\n]*(?:till[ \t\n]+)?", regex.IGNORECASE)


def start_word(text: str, d: DateMention, opens: regex.Pattern[str]) -> Cue | None:
    """A start word right before the date or opening it ("från den 1 januari 2027") as a cue of kind "starts";
    None where the date begins a range or a move ("från vecka 14 till vecka 16")."""
    if _RANGE_GOES_ON.match(text, d.end):
        return None
    m = opens.match(text, d.start, d.end)
    if m is not None:
        return Cue(m.start(), m.end(), "starts", m.group(0))
    lead = max(0, d.start - _START_WORD_REACH)
    m = opens.search(text[lead:d.start])  # a short slice: its end is the date's start
    if m is None or m.end() != d.start - lead:
        return None
    return Cue(lead + m.start(), lead + m.start() + len(m.group(0).rstrip()), "starts", m.group(0).strip())


def present_plan_pattern(particles: list[str], verbs: list[str], purposes: list[str],
                         phrase: Callable[[str], str], durations: tuple[list[str], list[str]]) -> regex.Pattern[str]:
    """What ``particle_passive`` reads right before a date: a present passive and its ``particles`` (and a purpose:
    one of ``purposes`` and a word, "ställs ut för granskning"; or a time it lasts: a preposition and a count of a
    unit of ``durations``, "ställs ut under tre veckor"), a present passive in -as, or one of ``verbs`` and up
    to three words of its object, or (group "active") a present active verb in -er/-ar and its particle before up to
    three words of its object ("märker om lederna under …"; ``phrase``: a phrase's pattern)."""
    ps = "|".join(phrase(w.casefold()) for w in sorted(particles))
    vs = "|".join(phrase(w.casefold()) for w in sorted(verbs))
    fs = "|".join(phrase(w.casefold()) for w in sorted(purposes))
    ds, us = ("|".join(phrase(w.casefold()) for w in sorted(words)) for words in durations)
    return compile_re(rf"(?<![\w])(?:[^\W\d_]{{2,}}s[ \t]+(?:{ps})(?:[ \t]+(?:{fs})[ \t]+[^\W\d_]+"
                      rf"|[ \t]+(?:{ds})[ \t]+(?:\d+|[^\W\d_]+)[ \t]+(?:{us}))?|[^\W\d_]{{3,}}as"
                      rf"|(?:{vs})(?:[ \t]+[^\W\d_][\w-]*){{1,3}}"
                      rf"|(?P<active>\p{{Ll}}{{2,}}(?:er|ar)[ \t]+(?:{ps}))(?:[ \t]+[^\W\d_][\w-]*){{1,3}})"
                      r"[ \t]+\Z", regex.IGNORECASE)


def particle_passive(text: str, d: DateMention, passive: regex.Pattern[str], period: regex.Pattern[str]) -> Cue | None:
    """A present passive and its particle ("sätts upp under maj"), a present passive in -as ("asfalteras under
    maj") or a present verb and up to three words of its object ("får nya fönster i mars") right before a date
    that a period word opens, as a cue of kind "planned"; a present active verb and its particle ("märker om lederna
    under december") as one of kind "intent" (what is planned follows it)."""
    if period.match(text, d.start, d.end) is None:
        return None
    lead = max(0, d.start - _PRESENT_REACH)
    m = passive.search(text[lead:d.start])  # a short slice: its end is the date's start
    if m is None:
        return None
    if m.group("active") is not None:  # what is planned follows the verb: an intent's cue
        return Cue(lead + m.start(), lead + m.end("active"), "intent", m.group("active"))
    return Cue(lead + m.start(), lead + m.start() + len(m.group(0).rstrip()), "planned", m.group(0).strip())


def compound_event_pattern(heads: list[str], start_heads: list[str]) -> regex.Pattern[str]:
    """A compound noun of an event: three letters or more before one of ``heads`` ("leverantörsträff"), or of a start
    (group ``start``: "trafikstart")."""
    def alternation(words: list[str]) -> str:
        return "|".join(map(regex.escape, sorted(words, key=lambda w: (-len(w), w))))
    return compile_re(r"(?<![\w])[^\W\d_]{3,}(?:(?P<start>" + alternation(start_heads) + r")|" + alternation(heads)
                      + r")(?![\w])", regex.IGNORECASE)


def compound_event(d: DateMention, found: Sequence[regex.Match[str]]) -> Cue | None:
    """A compound noun of an event among ``found`` (the ``compound_event_pattern`` matches of the date's clause, in
    order) outside the date ("Kommunen bjuder in till en leverantörsträff den 2 februari") as a cue of kind "event"
    (of kind "starts" for a start's compound: "Trafikstart den 16 augusti"),
    where the date is a day ("sista ledningsgruppsmötet före sommaren" is the meeting under way, no event planned for
    the summer). A clause's matches are found once for all its dates."""
    if d.granularity not in ("day", "datetime"):
        return None
    for m in found:  # those inside the date come first where any do: dates do not overlap
        if not d.start <= m.start() < d.end:
            return Cue(m.start(), m.end(), "starts" if m["start"] else "event", m.group(0))
    return None


def held_event(text: str, cue: Cue, compound: regex.Pattern[str]) -> Cue | None:
    """A past cue "har" right before a compound noun of an event ("Polisen och räddningstjänsten har
    samordningsmöte vecka 3"): a present "have", no perfect; the event is the cue (kind "event")."""
    if cue.text.casefold() != "har" or (gap := _BLANKS.match(text, cue.end)) is None:
        return None
    m = compound.match(text, gap.end())
    return Cue(m.start(), m.end(), "event", m.group(0)) if m is not None else None


def end_word(text: str, d: DateMention, closes: regex.Pattern[str]) -> Cue | None:
    """An end word right before the date, opening it or both ("till och med den 30 juni 2027", a mention "t.o.m.
    juni 2027", "fram" before a mention "till måndag 7/12") as a cue of kind "ends"."""
    blanks = [b.end() for b in islice(_BLANKS.finditer(text, d.start, d.end), _END_WORD_BLANKS)]
    for end in blanks:
        if (m := closes.match(text, d.start, end)) is not None:
            return Cue(d.start, d.start + len(m.group(0).rstrip()), "ends", m.group(0).strip())
    lead = max(0, d.start - _START_WORD_REACH)
    for end in [d.start, *blanks]:
        if (m := closes.search(text, lead, end)) is not None:
            return Cue(m.start(), m.start() + len(m.group(0).rstrip()), "ends", m.group(0).strip())
    return None


def recurring_pattern(words: list[str]) -> regex.Pattern[str]:
    """Matches right after a date that a recurring time follows, past the months coordinated with it ("i maj och
    november varje år")."""
    alternation = "|".join(map(regex.escape, sorted(words, key=lambda w: (-len(w), w))))
    return compile_re(r"(?:[ \t\n]*(?:,|och|samt)[ \t\n]+\p{L}+)*[ \t\n]+(?:" + alternation + r")(?![\w])",
                      regex.IGNORECASE)


def intent_phrases(phrases: list[str], adverbs: list[str]) -> list[str]:
    """Each intent phrase as written and with each adverb after its first word ("räknar nu med att")."""
    out = list(phrases)
    for p in phrases:
        head, _, rest = p.partition(" ")
        out += [f"{head} {a} {rest}" for a in adverbs if rest]
    return out


def opens_due(d: DateMention) -> bool:
    """A year whose mention opens with a due word ("senast 2027"): that word is its cue, as for a precise date."""
    words = d.text.split(maxsplit=1)
    return d.granularity == "year" and bool(words) and words[0].casefold() in _DUE_OPENERS
