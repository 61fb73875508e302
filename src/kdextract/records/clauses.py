"""Text helpers shared by the project and decision builders.

* ``fold`` maps every character to exactly one lower-case character without diacritics, so
  a regex run on the folded text reports offsets that are valid in the original text and
  cue patterns written without å/ä/ö also match OCR output that lost them.
* ``sentence_span`` gives the sentence around an offset, clipped to its paragraph and to
  section headings (the pipeline's sentence splitter may run across both).
* ``mentions_in`` and ``resolve_ref`` read the organisation and person mentions (``records.subjects``
  finds the subject of a verb among them).

>>> fold("Kommundirektören har BESTÄLLT")
'kommundirektoren har bestallt'
>>> len(fold("Åsa Ørsted")) == len("Åsa Ørsted")
True
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import regex

from kdextract.pattern_cache import compile_re
from kdextract.resources import Rules
from kdextract.text.fold import fold
from kdextract.text.sentences import abbreviation_set

if TYPE_CHECKING:
    from kdextract.models import Organisation, Person
    from kdextract.records.context import Context

T = TypeVar("T")


class ClauseRules(Rules, file="clauses.json"):
    """Words that shape sentences and subjects for the decision and project builders."""

    function_words: list[str]
    place_qualifiers: list[str]
    fronters: list[str]
    may_end_sentence: list[str]
    clause_joiners: list[str]


_RULES = ClauseRules.load()

def compile_folded(patterns: Iterable[str]) -> regex.Pattern[str]:
    """One alternation of folded-text patterns (written in lower case without diacritics)."""
    return compile_re("|".join(f"(?:{p})" for p in patterns), regex.V1)


def any_word(words: Iterable[str]) -> str:
    """A pattern for any of ``words`` as a whole word (``\\b`` on both sides; default regex flavour)."""
    return r"\b(?:" + "|".join(map(regex.escape, words)) + r")\b"


# ---- sentences -------------------------------------------------------------------------

_PARA_BREAK = compile_re(r"\n[ \t]*\n\s*")
_LINE_BREAK = compile_re(r"\n")
_OWN_SENT_END = compile_re(r"(?<=[.!?])[\"”»)]*\s+(?=[\"”«(]*[\p{Lu}\d])")
_BULLET_BODY = r"[ \t]*(?:[-–•*·¢e¬o]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+|att\s)"
_BULLET = compile_re("^" + _BULLET_BODY, regex.V1)
_BULLET_AT = compile_re(_BULLET_BODY, regex.V1)  # matched at a position (a line's start)


def is_bullet_line(line: str) -> bool:
    """A list item line ("- x", "• x", "1) x", "2. x", "att x")."""
    return bool(_BULLET.match(line))


def paragraphs(ctx: Context) -> list[tuple[int, int]]:
    """Paragraph spans of ``ctx.text``; a blank line inside a running sentence does not split.

    A blank line splits where the text before it ends a sentence (or a heading / list item)
    or the text after it starts like a new block (capital, digit or bullet).
    """
    return _memo(ctx, "_kdx_paragraphs", lambda: _paragraphs(ctx))


def _paragraphs(ctx: Context) -> list[tuple[int, int]]:
    text = ctx.text
    heads = {s.title_start for s in ctx.sections} | {s.body_start for s in ctx.sections}
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PARA_BREAK.finditer(text):
        before = text[start:m.start()].rstrip()
        after = text[m.end():m.end() + 2]
        glued = (before and before[-1] not in ".!?:;)\"”»" and after[:1].islower()
                 and m.end() not in heads and not is_bullet_line(text[m.end():m.end() + 4])
                 and "\n" not in before[-1:] and len(before.split("\n")[-1]) > 40)
        if glued:
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def paragraph_at(ctx: Context, offset: int) -> tuple[int, int]:
    """The paragraph containing ``offset``, else ``(offset, offset)``."""
    spans = paragraphs(ctx)
    starts = _memo(ctx, "_kdx_paragraph_starts", lambda: [a for a, _ in spans])
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < spans[i][1]:
        return spans[i]
    return offset, offset


#: The longest line read as a case-number line under a heading ("Dnr KS 2025/88", "Diarienummer: SN 2026/112").
_CASE_LINE_CHARS = 120


def _boundaries(ctx: Context) -> list[int]:
    """Offsets that no sentence crosses: heading starts/ends, body starts, and the end of a case-number line that opens
    a body ("§ 12 Budget" / "Dnr KS 2025/88" / "Kommunstyrelsen beslutar …": the line is the item's, no sentence's)."""
    return _memo(ctx, "_kdx_bounds", lambda: sorted(
        {b for s in ctx.sections for b in (s.title_start, s.title_end, s.body_start)}
        | {e for s in ctx.sections if s.case_number and (e := _case_line_end(ctx.text, s.body_start, s.case_number))}))


def _case_line_end(text: str, start: int, case: str) -> int:
    """Where the line after the line at ``start`` begins, where that line is short and holds ``case``; else 0."""
    end = text.find("\n", start, start + _CASE_LINE_CHARS)
    return end + 1 if end > 0 and case in text[start:end] else 0


def _sentence_ends(ctx: Context, a: int, b: int) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentence breaks (not after an abbreviation) found in ``[a, b)``.

    Memoised per window: a window as long as the text may be asked for again and again.
    """
    windows: dict[tuple[int, int], tuple[list[int], list[int]]] = _memo(ctx, "_kdx_sentence_ends", dict)
    if (a, b) not in windows:
        found = [m for m in _OWN_SENT_END.finditer(ctx.text, a, b) if not _abbreviation_before(ctx.text, m.start())]
        windows[a, b] = [m.start() for m in found], [m.end() for m in found]
    return windows[a, b]


def _item_breaks(ctx: Context, a: int, b: int) -> tuple[list[int], list[int]]:
    """The line breaks in ``[a, b)`` that end a sentence of ``sentence_span`` (their starts, and where the next line
    starts): before a list item's line, or before a capitalised line where the text since the last such break ends
    in ".", ":", "!" or "?". Memoised per window, each line read once."""
    windows: dict[tuple[int, int], tuple[list[int], list[int]]] = _memo(ctx, "_kdx_item_breaks", dict)
    if (a, b) not in windows:
        text = ctx.text
        starts: list[int] = []
        ends: list[int] = []
        since, line_start, last = a, a, -1  # last: the last non-blank character before the break
        for m in _LINE_BREAK.finditer(text, a, b):
            j = m.start()
            while j > line_start and text[j - 1].isspace():
                j -= 1
            if j > line_start:
                last = j - 1
            line_start = nxt = m.end()
            if _BULLET_AT.match(text, nxt, b) or (nxt < b and text[nxt].isupper() and last >= since
                                                  and text[last] in ".:!?"):
                starts.append(m.start())
                ends.append(nxt)
                since = nxt
        windows[a, b] = starts, ends
    return windows[a, b]


def _memo(ctx: Context, name: str, build: Callable[[], T]) -> T:
    """``build()``, computed once per context and kept on it as ``name``."""
    cache = vars(ctx)
    if name not in cache:
        cache[name] = build()
    return cache[name]  # type: ignore[no-any-return]


def sentence_span(ctx: Context, offset: int) -> tuple[int, int]:
    """The sentence containing ``offset``, clipped to its paragraph, list line and headings."""
    text = ctx.text
    pa, pb = paragraph_at(ctx, offset)
    if pa == pb:
        pa, pb = 0, len(text)
    sa, sb = ctx.sentence_at(offset) if ctx.sentences else (0, len(text))
    a, b = max(sa, pa), min(sb, pb)
    if (sa, sb) == (0, len(text)) or b <= a:
        a, b = pa, pb
    # own split inside what is left (the pipeline's sentences may be coarse)
    starts, ends = _sentence_ends(ctx, a, b)
    i = bisect_right(starts, offset)
    a = ends[i - 1] if i else a
    b = starts[i] if i < len(starts) else b
    # a list item line is its own sentence
    breaks, after = _item_breaks(ctx, a, b)
    i = bisect_right(after, offset)
    a = after[i - 1] if i else a
    b = breaks[i] if i < len(breaks) else b
    bounds = _boundaries(ctx)
    i = bisect_right(bounds, offset)
    a = max(a, bounds[i - 1]) if i else a
    b = min(b, bounds[i]) if i < len(bounds) else b
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


#: A line's end after a label's colon, then the "att"-clause that opens the next line ("Förslag till beslut:" /
#: "att godkänna …").
_LABEL_THEN_CLAUSE = compile_re(r":[ \t]*\n[ \t]*(?=att\s)")


def with_clause_below(ctx: Context, sent: tuple[int, int]) -> tuple[int, int]:
    """``sent``, or where it ends in a label's colon at its line's end, through the "att"-clause on the next line
    (a list item of its own to ``sentence_span``): the label's content."""
    m = _LABEL_THEN_CLAUSE.match(ctx.text, sent[1] - 1)
    return (sent[0], sentence_span(ctx, m.end())[1]) if m is not None else sent


_ABBREVIATION_SHAPE = compile_re(r"(?:\p{L}\.){1,3}|\d{1,2}\.|s\.|nr\.?")
#: abbreviations that often end a sentence ("… 50 000 kr. Nämnden …")
_MAY_END = frozenset(_RULES.may_end_sentence)


def _abbreviation_before(text: str, end: int) -> bool:
    word = text[max(0, end - 12):end].split()[-1:] or [""]
    w = word[0].lower().lstrip("(\"”«")
    if w in _MAY_END:
        return False
    return w in abbreviation_set() or bool(_ABBREVIATION_SHAPE.fullmatch(w))


def sentences_in(ctx: Context, a: int, b: int) -> Iterator[tuple[int, int]]:
    """Sentence spans that start inside ``[a, b)`` in order."""
    pos = a
    while pos < b:
        while pos < b and ctx.text[pos].isspace():
            pos += 1
        if pos >= b:
            break
        s, e = sentence_span(ctx, pos)
        e = min(max(e, pos + 1), b)
        yield max(s, pos), e
        pos = e


# ---- mentions --------------------------------------------------------------------------


def _mentions(ctx: Context) -> Iterator[tuple[int, int, str]]:
    named: list[Organisation | Person] = [*ctx.doc.organisations, *ctx.doc.people]
    for record in named:
        spans = [(m.start, m.end) for m in record.mentions] or [(record.start, record.end)]
        for a, b in spans:
            if record.id:
                yield a, b, record.id


@dataclass(frozen=True)
class _Known:
    """The mentions and the names of the organisations and people of a context, indexed once."""

    organisations: list[Organisation]
    people: list[Person]
    mentions: list[tuple[int, int, str]]  # in text order
    starts: list[int]
    longest: int  # the length of the longest mention
    names: dict[str, str | None]  # folded form (or surname) -> id of the first that has it
    roles: dict[str, list[str | None]]  # folded role in any definite form -> ids of who has it


def _known(ctx: Context) -> _Known:
    """The index of ``ctx``'s organisations and people, rebuilt when either list is replaced."""
    known: _Known | None = vars(ctx).get("_kdx_known")
    if known and known.organisations is ctx.doc.organisations and known.people is ctx.doc.people:
        return known
    mentions = sorted(_mentions(ctx))
    names: dict[str, str | None] = {}
    for org in ctx.doc.organisations:
        for f in (org.name, *org.aliases, *(m.text for m in org.mentions)):
            if f:
                names.setdefault(_strip_genitive(fold(f)), org.id or None)
    roles: dict[str, list[str | None]] = {}
    for person in ctx.doc.people:
        parts = fold(person.name).split()
        forms = [_strip_genitive(fold(f)) for f in (person.name, *(m.text for m in person.mentions)) if f]
        for key in (forms + parts[-1:]) if len(parts) > 1 else forms:
            names.setdefault(key, person.id or None)
        if person.role:
            role = fold(person.role)
            for word in (role, role + "en", role + "n", role + "et", role + "na", role + "erna"):
                roles.setdefault(word, []).append(person.id or None)
    known = _Known(ctx.doc.organisations, ctx.doc.people, mentions, [s for s, _, _ in mentions],
                   max((e - s for s, e, _ in mentions), default=0), names, roles)
    vars(ctx)["_kdx_known"] = known
    return known


def mentions_in(ctx: Context, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, id) of organisation and person mentions inside ``[a, b)``, in text order."""
    known = _known(ctx)
    lo, hi = bisect_left(known.starts, a), bisect_right(known.starts, b)
    return [k for k in known.mentions[lo:hi] if k[1] <= b]


def mentions_near(ctx: Context, sent: tuple[int, int], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Those of ``mentions_in(ctx, *sent)`` that reach ``[lo, hi]`` (start at most ``hi``, end at least ``lo``),
    in text order: read from the mentions around the span alone, not from those of the whole sentence."""
    known = _known(ctx)
    a, b = sent
    first = bisect_left(known.starts, max(a, lo - known.longest))
    last = bisect_right(known.starts, min(b, hi))
    return [k for k in known.mentions[first:last] if lo <= k[1] <= b]


def _strip_genitive(s: str) -> str:
    return s[:-1] if s.endswith("s") and not s.endswith("ss") else s


def resolve_ref(ctx: Context, name: str | None) -> str | None:
    """Id of the organisation or person called ``name`` (name, alias, mention or role)."""
    if not name:
        return None
    key = _strip_genitive(fold(name).strip(" .,:;\"'"))
    if not key:
        return None
    known = _known(ctx)
    if key in known.names:  # organisations first, then people, each in list order
        return known.names[key]
    # a role in definite form: "kommundirektören" -> the person whose role is "kommundirektör"
    roles = known.roles.get(key, [])
    return roles[0] if len(roles) == 1 else None
