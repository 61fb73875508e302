"""Decisions: "Beslut" blocks under agenda items and decision statements in running text.

Two sources, one ``Decision`` each:

* a block under a "Beslut" (or "Förslag till beslut") subheading, up to the next heading or
  the first prose paragraph after it; its list lines are the ``points`` and reservation lines
  ("X kommun deltar inte i beslutet", "reserverar sig") go to ``reservations``;
* a sentence in running text with a decision cue ("har beslutat att", "fastställdes",
  "fick i uppdrag att", …; see ``resources/sv/decisions.json``) that is not future,
  conditional or negated.

Cues run on the folded text (see ``kdextract.text.fold``) so they also match OCR output that lost
its diacritics ("fatt i uppdrag", "bestallt").
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from kdextract.layout.sections import SectionIndex
from kdextract.models import DateMention, Decision, DecisionKind, Source
from kdextract.records.clauses import (
    compile_folded,
    is_bullet_line,
    match_subject,
    mentions_in,
    resolve_ref,
    sentence_span,
)
from kdextract.records.context import Context
from kdextract.records.registry import builder
from kdextract.records.spans import SpanIndex
from kdextract.resources import load_json
from kdextract.text.fold import fold

__all__ = ["build_decisions"]


# ---- resources -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Cue:
    id: str
    kind: DecisionKind
    voice: str
    pattern: regex.Pattern[str]
    support: bool = False


@dataclass(frozen=True)
class _Rules:
    block_decision: regex.Pattern[str]
    block_proposal: regex.Pattern[str]
    inline_heading: regex.Pattern[str]
    stop_heading: regex.Pattern[str]
    reservation: regex.Pattern[str]
    cues: tuple[_Cue, ...]
    blockers: regex.Pattern[str]
    negation: regex.Pattern[str]
    assembly: regex.Pattern[str]
    minutes_kinds: frozenset[str]
    version: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data: dict[str, Any] = load_json("decisions.json")
    heads = data["block_headings"]
    return _Rules(
        block_decision=regex.compile(r"^(?:" + "|".join(heads["decision"]) + r")$", regex.V1),
        block_proposal=regex.compile(r"^(?:" + "|".join(heads["proposal"]) + r")$", regex.V1),
        inline_heading=regex.compile(r"^[ \t]*[*_#]*[ \t]*(?:" + data["inline_heading"] + r")[*_ \t]*(?=\S)",
                                     regex.V1),
        stop_heading=regex.compile(r"^(?:" + "|".join(data["stop_headings"]) + r")$", regex.V1),
        reservation=compile_folded(data["reservation"]),
        cues=tuple(_Cue(c["id"], c["kind"], c["voice"], regex.compile(c["pattern"], regex.V1), bool(c.get("support")))
                   for c in data["cues"]),
        blockers=regex.compile(data["blockers_before"], regex.V1),
        negation=regex.compile(data["negation_inside"], regex.V1),
        assembly=regex.compile(r"\b([\w-]+s)\s+(?:[\w-]+\s+)?" + data["assembly_nouns"] + r"\b", regex.V1),
        minutes_kinds=frozenset(data["minutes_kinds"]),
        version=int(data.get("version", 1)),
    )


# ---- blocks ----------------------------------------------------------------------------

_LINE = regex.compile(r"(?m)^[^\n]*$")
_MARKER = regex.compile(r"^[ \t]*(?:(?:[-–•*·¢¬]|e|o)\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+|\(\d{1,2}\)\s+)")


def _heading_key(line: str) -> str:
    """A heading line folded, without markup, numbering and trailing colon."""
    s = fold(line).strip()
    s = regex.sub(r"^[\W_]+|[\W_]+$", "", s)
    return regex.sub(r"\s+", " ", s)


@dataclass
class _Block:
    kind: DecisionKind
    heading_start: int
    body_start: int
    body_end: int = 0
    points: list[str] = field(default_factory=list)
    reservations: list[str] = field(default_factory=list)


def _block_kind(line: str) -> DecisionKind | None:
    key = _heading_key(line)
    if not key or len(key) > 60:
        return None
    r = _rules()
    if r.block_proposal.match(key):
        return "proposal"
    if r.block_decision.match(key):
        return "decision"
    return None


def _find_blocks(ctx: Context) -> list[_Block]:
    text = ctx.text
    found: dict[int, _Block] = {}
    # 1. subheadings the section finder saw
    for sec in ctx.sections:
        if sec.level < 2 and sec.category != "subheading":
            continue
        kind = _block_kind(sec.title)
        if kind:
            line_start = text.rfind("\n", 0, sec.title_start) + 1
            found[line_start] = _Block(kind, sec.title_start, max(sec.body_start, sec.title_end))
    # 2. heading lines of their own ("Beslut", "*Beslut**", "Beslut:") and inline "Beslut: …"
    for m in _LINE.finditer(text):
        line = m.group()
        if m.start() in found or not line.strip():
            continue
        kind = _block_kind(line)
        if kind and len(line.strip()) <= 60:
            found[m.start()] = _Block(kind, m.start(), m.end())
            continue
        im = _rules().inline_heading.match(fold(line))
        if im and len(line) > im.end():
            head = line[:im.end()]
            kind = "proposal" if "forslag" in fold(head) else "decision"
            found[m.start()] = _Block(kind, m.start(), m.start() + im.end())
    blocks = sorted(found.values(), key=lambda b: b.heading_start)
    starts = sorted({s.title_start for s in ctx.sections} | {b.heading_start for b in blocks})
    items = SectionIndex([s for s in ctx.sections if s.level == 1])
    for block in blocks:
        _extend(ctx, block, starts, items)
    return [b for b in blocks if b.body_end > b.body_start]


def _is_heading_line(ctx: Context, start: int, line: str, prev_blank: bool, next_blank: bool) -> bool:
    key = _heading_key(line)
    if _block_kind(line) or (key and _rules().stop_heading.match(key)):
        return True
    stripped = line.strip()
    if regex.match(r"^(?:§\s*\d+|\d{1,2}\.\s+\p{Lu})", stripped) and len(stripped) < 80 and not stripped.endswith("."):
        return prev_blank
    return (prev_blank and next_blank and 0 < len(stripped) <= 60 and not is_bullet_line(stripped)
            and stripped[-1] not in ".,;:!?" and not _rules().reservation.search(fold(stripped))
            and len(stripped.split()) <= 8)


def _extend(ctx: Context, block: _Block, starts: list[int], items: SectionIndex) -> None:
    """Find where the block ends and collect its points and reservations.

    ``starts``: sorted heading offsets; ``items``: the (non-overlapping) level-1 sections.
    """
    text = ctx.text
    k = bisect_left(starts, max(block.heading_start + 1, block.body_start))
    limit = starts[k] if k < len(starts) else len(text)
    item = items.at(block.heading_start)
    if item:  # never past the end of the enclosing item
        limit = min(limit, item.end)
    lines = _lines(text, block.body_start, limit)
    kept: list[tuple[int, int]] = []
    points: list[str] = []
    reservations: list[str] = []
    listy = False
    prev_blank = True
    para_started = False
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            prev_blank = True
            para_started = False
            continue
        next_blank = i + 1 >= len(lines) or not text[lines[i + 1][0]:lines[i + 1][1]].strip()
        if _rules().reservation.search(fold(line)):
            reservations.append(_clean_line(line))
            prev_blank = False
            continue
        if reservations and not para_started:
            break  # nothing but reservations after the block's last line
        if kept and _is_heading_line(ctx, a, line, prev_blank, next_blank):
            break
        bullet = is_bullet_line(line)
        if kept and prev_blank and not para_started:
            last = text[kept[-1][0]:kept[-1][1]].rstrip()
            if not (bullet or last.endswith(":") or (listy and line[:1].isspace())):
                break
        if bullet:
            listy = True
            points.append(_clean_line(line))
        elif points and (line[:1].isspace() or not prev_blank):
            points[-1] = f"{points[-1]} {line.strip()}".strip()
        kept.append((a, b))
        prev_blank = False
        para_started = True
    if not kept:
        block.body_end = block.body_start
        return
    block.body_start = kept[0][0] + len(text[kept[0][0]:kept[0][1]]) - len(text[kept[0][0]:kept[0][1]].lstrip())
    block.body_end = kept[-1][0] + len(text[kept[-1][0]:kept[-1][1]].rstrip())
    block.points = [p for p in points if p]
    block.reservations = reservations + _reservations_after(text, max(block.body_end, lines[-1][1] if lines else 0))


def _reservations_after(text: str, pos: int) -> list[str]:
    """Reservation lines right after a block, also under their own "Reservation(er)" heading."""
    found: list[str] = []
    heading_seen = False
    for a, b in _lines(text, pos, min(len(text), pos + 3000)):
        line = text[a:b]
        if not line.strip():
            continue
        key = _heading_key(line)
        if not heading_seen and not found and regex.fullmatch(r"reservation(?:er)?", key):
            heading_seen = True
            continue
        if _rules().reservation.search(fold(line)) and len(line) < 400:
            found.append(_clean_line(line))
            continue
        break
    return found


def _lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text[a:b]`` (the first may start mid-line)."""
    out = []
    pos = a
    for part in text[a:b].split("\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _clean_line(line: str) -> str:
    s = line.strip()
    while True:
        m = _MARKER.match(s)
        if not m or m.end() >= len(s):
            break
        s = s[m.end():].lstrip()
    return s.strip(" *_").strip()


# ---- running text ------------------------------------------------------------------------

@dataclass
class _Hit:
    cue: _Cue
    start: int  # in ctx.text
    end: int
    sent: tuple[int, int]


def _cue_hits(ctx: Context, folded: str) -> list[_Hit]:
    r = _rules()
    hits: list[_Hit] = []
    for cue in r.cues:
        for m in cue.pattern.finditer(folded):
            sent = sentence_span(ctx, m.start())
            if not sent[0] <= m.start() < sent[1] + 1:
                continue
            if not cue.support and _blocked(folded, sent, m.start(), m.end()):
                continue
            hits.append(_Hit(cue, m.start(), m.end(), sent))
    return hits


def _blocked(folded: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """Future, conditional or negated: a blocker among the three words before the cue."""
    r = _rules()
    if r.negation.search(folded, start, end):
        return True
    head = folded[sent[0]:start]
    window = " ".join(regex.findall(r"[\w-]+", head)[-3:])
    if r.blockers.search(window):
        return True
    # a heading-like or question sentence is no decision
    return folded[sent[0]:sent[1]].rstrip().endswith("?")


_AUX = regex.compile(r"\b(?:har|hade|fick|far|gav|ger|beslutade|beslutar|fastställde|antog)\b", regex.V1)


def _finite_verb(folded: str, sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The finite verb of the cue: the auxiliary inside the match or just before it, else its first word."""
    m = _AUX.search(folded, start, end)
    if m:
        return m.start(), m.end()
    back = regex.search(r"\b(?:har|hade)\b(?=(?:\s+[\w'’-]+){0,3}\s+$)", folded[sent[0]:start])
    if back:
        return sent[0] + back.start(), sent[0] + back.end()
    w = regex.match(r"[\w-]+", folded[start:end])
    return start, start + (w.end() if w else end - start)


# ---- builder -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Index:
    """One document's cue hits, amounts, deadlines, dates and sections, indexed once for lookups."""

    hits: SpanIndex[_Hit]
    amounts: SpanIndex[str]
    deadlines: SpanIndex[int]  # position in ctx.doc.deadlines, by its own span and by its date's
    dates: SpanIndex[DateMention]
    date_ends: SpanIndex[DateMention]  # by end offset alone
    sections: SectionIndex  # without the "Beslut"-like subheadings

    @classmethod
    def of(cls, ctx: Context, hits: list[_Hit]) -> _Index:
        by_id = {m.id: m for m in reversed(ctx.doc.dates) if m.id}  # the first date of an id
        refs = [(k, by_id[d.date_ref]) for k, d in enumerate(ctx.doc.deadlines) if d.id and d.date_ref in by_id]
        return cls(
            hits=SpanIndex((h.start, h.start, h) for h in hits),
            amounts=SpanIndex((a.start, a.end, a.id) for a in ctx.doc.amounts if a.id),
            deadlines=SpanIndex([(d.start, d.end, k) for k, d in enumerate(ctx.doc.deadlines) if d.id]
                                + [(m.start, m.end, k) for k, m in refs]),
            dates=SpanIndex((m.start, m.end, m) for m in ctx.doc.dates),
            date_ends=SpanIndex((m.end, m.end, m) for m in ctx.doc.dates),
            sections=SectionIndex([sec for sec in ctx.sections if not (
                sec.category == "subheading" and _block_kind(sec.title) and sec.parent)]),
        )


@builder("decisions", after=("organisations", "people", "dates", "deadlines", "amounts"))
def build_decisions(ctx: Context) -> list[Decision]:
    """Every decision (and proposal) in ``ctx``, in text order, ids "dec-1"…"""
    text = ctx.text
    folded = fold(text)
    decisions: list[Decision] = []
    blocks = _find_blocks(ctx)
    hits = _cue_hits(ctx, folded)
    index = _Index.of(ctx, hits)
    for block in blocks:
        decisions.append(_from_block(ctx, index, folded, block))
    in_blocks = {id(h) for b in blocks for h in index.hits.within(b.heading_start, b.body_end - 1)}
    by_sentence: dict[tuple[int, int], list[_Hit]] = {}
    for hit in hits:
        if id(hit) not in in_blocks:
            by_sentence.setdefault(hit.sent, []).append(hit)
    for sent, sent_hits in sorted(by_sentence.items()):
        if all(h.cue.support for h in sent_hits):
            continue
        decisions.append(_from_sentence(ctx, index, folded, sent, sorted(sent_hits, key=lambda h: h.start)))
    decisions.sort(key=lambda d: d.start)
    for i, d in enumerate(decisions, 1):
        d.id = f"dec-{i}"
    return decisions


def _minutes(ctx: Context) -> bool:
    return ctx.meta.kind in _rules().minutes_kinds


def _links(ctx: Context, index: _Index, start: int, end: int) -> tuple[list[str], list[str]]:
    """Ids of the amounts and of the deadlines (or their dates) inside ``[start, end]``."""
    deadlines = sorted(set(index.deadlines.within(start, end)))
    return index.amounts.within(start, end), [i for k in deadlines if (i := ctx.doc.deadlines[k].id)]


def _section_for(ctx: Context, index: _Index, offset: int) -> str | None:
    """The innermost section at ``offset`` that is not a "Beslut"-like subheading."""
    best = index.sections.at(offset)
    return best.id if best else ctx.section_at(offset)


def _from_block(ctx: Context, index: _Index, folded: str, block: _Block) -> Decision:
    text = ctx.text
    a, b = block.body_start, block.body_end
    decided_by: str | None = None
    ref: str | None = None
    first = sentence_span(ctx, a)
    kind = block.kind
    in_first = index.hits.within(first[0], first[1] - 1)
    hits = [h for h in in_first if not h.cue.support]
    if kind == "decision" and hits and hits[0].cue.kind in ("assignment", "adoption", "delegation"):
        kind = hits[0].cue.kind  # "Uppdra till …", "X får i uppdrag att …", "Planen fastställs"
    for hit in in_first:
        if hit.cue.voice == "active" and hit.cue.kind in (
                "decision", "adoption", "delegation", "proposal"):
            v = _finite_verb(folded, hit.sent, hit.start, hit.end)
            subj = match_subject(ctx, hit.sent, v[0], v[1], _inner_start(folded, v, hit))
            if subj and subj.text[:1].isalpha():
                decided_by, ref = subj.text, subj.ref or resolve_ref(ctx, subj.text)
            break
    if decided_by is None and ctx.meta.organisation:
        decided_by = ctx.meta.organisation
        ref = resolve_ref(ctx, decided_by)
    amounts, deadlines = _links(ctx, index, a, b)
    return Decision(
        text=text[a:b], start=a, end=b, kind=kind, decided_by=ref,
        date=ctx.meta.date, day=ctx.meta.day, points=block.points, reservations=block.reservations,
        amounts=amounts, deadlines=deadlines, section=_section_for(ctx, index, block.heading_start),
        source=Source(method="rule", name=f"decisions/block_{block.kind}", score=0.9,
                      explanation=f"under the heading {text[block.heading_start:block.body_start].strip()!r}"),
    )


def _from_sentence(ctx: Context, index: _Index, folded: str, sent: tuple[int, int], hits: list[_Hit]) -> Decision:
    text = ctx.text
    a, b = sent
    assignment = next((h for h in hits if h.cue.kind == "assignment"), None)
    main = next(h for h in hits if not h.cue.support)
    proposal = main.cue.kind == "proposal"
    kind: DecisionKind = "proposal" if proposal else ("assignment" if assignment else main.cue.kind)
    decided_by: str | None = None
    ref: str | None = None
    agent = next((h for h in hits if h.cue.voice == "active" and not h.cue.support), None)
    if agent is not None:
        v = _finite_verb(folded, sent, agent.start, agent.end)
        subj = match_subject(ctx, sent, v[0], v[1], _inner_start(folded, v, agent))
        if subj:
            decided_by, ref = subj.text, subj.ref
    if decided_by is None:
        decided_by, ref = _assembly_body(ctx, folded, sent, main.start)
    if decided_by is None and _minutes(ctx) and ctx.meta.organisation:
        decided_by = ctx.meta.organisation
        ref = resolve_ref(ctx, decided_by)
    if ref is None and decided_by:
        ref = resolve_ref(ctx, decided_by)
    date, day = _decision_date(ctx, index, sent, main.end)
    amounts, deadlines = _links(ctx, index, a, b)
    cue_text = text[main.start:main.end]
    return Decision(
        text=text[a:b], start=a, end=b, kind=kind, decided_by=ref, date=date, day=day,
        amounts=amounts, deadlines=deadlines, section=_section_for(ctx, index, a),
        source=Source(method="rule", name=f"decisions/{main.cue.id}", score=0.8,
                      explanation=f"cue {cue_text!r}"),
    )


def _inner_start(folded: str, verb: tuple[int, int], hit: _Hit) -> int:
    """Start of the cue word after the finite verb ("beslutat" in "har nyligen beslutat")."""
    if verb[1] >= hit.end:
        return verb[1]
    tail = folded[verb[1]:hit.end]
    words = list(regex.finditer(r"[\w'’-]+", tail))
    if not words:
        return verb[1]
    # the participle / object noun closes the match; the words before it may be an inverted subject
    lexical = {"beslutat", "bestallt", "fatt", "i", "faststallt", "antagit", "godkant", "beviljat",
               "bifallit", "avslagit", "utsett", "fattat", "tagit", "gett", "givit", "uppdragit", "ett"}
    for w in words:
        if w.group() in lexical:
            return verb[1] + w.start()
    return verb[1]


def _assembly_body(ctx: Context, folded: str, sent: tuple[int, int], cue: int) -> tuple[str | None, str | None]:
    """"Vid kommunstyrelsens sammanträde … antogs": the body whose meeting it was.

    Looks in the sentence, then in the sentence before it in the same paragraph.
    """
    text = ctx.text
    spans = [sent]
    if sent[0] > 0:
        prev = sentence_span(ctx, max(0, sent[0] - 2))
        if prev != sent and prev[1] <= sent[0] and "\n\n" not in text[prev[1]:sent[0]]:
            spans.append(prev)
    for i, (a, b) in enumerate(spans):
        m = _rules().assembly.search(folded, a, cue if i == 0 else b)
        if m:
            word = text[m.start(1):m.end(1)]
            name = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
            return name, resolve_ref(ctx, name)
        if i > 0:
            # the previous sentence's subject body: "Styrgruppen träffades den 3 maj"
            known = [k for k in mentions_in(ctx, a, b) if k[2].startswith("org")]
            if known and regex.search(r"\b(?:sammantrade|mote|sammankomst)\b", folded[a:b]):
                s, e, ref = known[0]
                return text[s:e], ref
    return None, None


def _decision_date(ctx: Context, index: _Index, sent: tuple[int, int], cue: int) -> tuple[str | None, dt.date | None]:
    """TIMEX value and exact day of when the decision in ``sent`` was taken, where the text says."""
    a = sent[0]
    before = index.dates.within(a, cue)
    if before:
        return before[-1].value, before[-1].day
    if _minutes(ctx):
        return ctx.meta.date, ctx.meta.day
    # "I samband med detta fastställdes …": the meeting date in the sentence before
    if regex.match(r"\s*(?:i\s+samband\s+med\s+(?:detta|det|mötet|sammanträdet)|vid\s+(?:samma|detta)\s+\w+|där|då)\b",
                   fold(ctx.text[a:cue])):
        prev = index.date_ends.within(a - 299, a)
        if prev and "\n\n" not in ctx.text[prev[-1].end:a]:
            return prev[-1].value, prev[-1].day
    return None, None
