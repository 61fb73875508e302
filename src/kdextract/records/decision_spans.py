"""How far a decision in running text reaches: one decision per cue, never a whole run-on paragraph.

Flattened protocol text often runs several statements into one "sentence" ("Kommunstyrelsen
har beslutat att … månadsvis ARBETSUTSKOTTET BESLUTAR att notera …"). A later decision cue
far from the one before starts a decision of its own at its subject; a decision longer than
``MAX_CHARS`` keeps the clause around its cue: from its subject to the end of the clause.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.subjects import match_subject
from kdextract.text.fold import fold

if TYPE_CHECKING:
    from kdextract.records.context import Context

#: A later cue at least this far after the previous one starts a decision of its own.
SPLIT_GAP = 60
#: A decision longer than this is cut down to the clause around its cue.
MAX_CHARS = 400
#: How far a cut-down decision reaches after its cue, at most.
TAIL_CHARS = 300

_TOKEN = compile_re(r"[\p{L}\d][\p{L}\d'’:.-]*", regex.V1)
_CLAUSE_END = compile_re(r"[.;!?](?=\s|$)|\n\s*\n", regex.V1)
#: ``noun_phrase_start`` reads back from a verb in a window of this many characters, doubled until it holds
#: ``_TOKENS`` tokens.
_WINDOW = 128
_TOKENS = 8
_STOP_WORDS = frozenset({"att", "och", "som", "men", "samt", "om", "for", "av", "i", "pa", "med", "till", "den", "det"})


def noun_phrase_start(ctx: Context, lo: int, verb_start: int) -> int:
    """Where the noun phrase before a finite verb starts: at most five words back, never across a
    number, punctuation, a function word, or a capitalised word that follows a lower-case one."""
    words = _last_tokens(ctx.text, lo, verb_start)
    start = verb_start
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        w = words[k]
        between = ctx.text[w.end():start]
        if between.strip() or w.group()[0].isdigit() or fold(w.group()) in _STOP_WORDS:
            break
        start = w.start()
        prev = words[k - 1].group() if k else ""
        if w.group()[0].isupper() and prev[:1].islower():
            break
    return start


def _last_tokens(text: str, lo: int, end: int) -> list[regex.Match[str]]:
    """The tokens of ``text[lo:end]``, or at least ``_TOKENS`` of its last ones: read back from ``end`` in a
    window that doubles until it holds that many (only the window's first token may be cut short, and
    ``noun_phrase_start`` reads the last seven alone), not from ``lo`` for each verb of a long sentence."""
    width = _WINDOW
    while True:
        start = max(lo, end - width)
        words = list(_TOKEN.finditer(text, start, end))
        if len(words) >= _TOKENS or start == lo:
            return words
        width *= 2


def subject_start(ctx: Context, sent: tuple[int, int], verb_start: int, verb_end: int) -> int:
    """The start of the subject of the verb at ``[verb_start, verb_end)`` (its noun phrase if none is found)."""
    subject = match_subject(ctx, sent, verb_start, verb_end)
    if subject is not None and subject.end <= verb_start:
        return min(subject.start, noun_phrase_start(ctx, sent[0], verb_start))
    return noun_phrase_start(ctx, sent[0], verb_start)


def segments(ctx: Context, sent: tuple[int, int], cues: list[tuple[int, int, bool]]) -> list[tuple[int, int, list[int]]]:
    """The decisions of sentence ``sent`` from its ``cues`` (start, end, main?) in text order:
    (start, end, indices of the cues inside); a part with no main cue (support cues only) is none."""
    cuts = [sent[0]]
    last_main_end: int | None = None
    for start, end, main in cues:
        if not main:
            continue
        if last_main_end is not None and start - last_main_end >= SPLIT_GAP:
            cuts.append(max(last_main_end, subject_start(ctx, sent, start, end)))
        last_main_end = end
    bounds = [*cuts, sent[1]]
    starts = [s for s, _, _ in cues]
    out: list[tuple[int, int, list[int]]] = []
    for a, b in zip(bounds, bounds[1:]):
        inside = list(range(bisect_left(starts, a), bisect_left(starts, b)))
        lead = next((i for i in inside if cues[i][2]), None)
        if lead is None:
            continue
        a, b = _trim(ctx.text, a, b)
        if b - a > MAX_CHARS:
            a, b = _clause_of(ctx, (a, b), cues[lead])
        out.append((a, b, inside))
    return out


def _clause_of(ctx: Context, span: tuple[int, int], cue: tuple[int, int, bool]) -> tuple[int, int]:
    """The part of a long ``span`` a reader takes as the decision at ``cue``: subject to clause end."""
    start, end, _ = cue
    a = max(span[0], subject_start(ctx, span, start, end))
    m = _CLAUSE_END.search(ctx.text, end, min(span[1], end + TAIL_CHARS))
    if m is not None:
        b = m.end()
    else:
        b = min(span[1], end + TAIL_CHARS)
        space = ctx.text.rfind(" ", end, b)
        b = space if space > end and b < span[1] else b
    return _trim(ctx.text, a, b)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
