"""Decisions: "Beslut" blocks under agenda items and decision statements in running text.

Two sources, one ``Decision`` each:

* a block under a "Beslut" (or "Förslag till beslut") subheading, up to the next heading or
  the first prose paragraph after it; its list lines are the ``points`` and reservation lines
  ("Y-partiet deltar ej i beslutet", "reserverar sig") go to ``reservations``;
* a sentence in running text with a decision cue ("har beslutat att", "fastställdes",
  "fick i uppdrag att", …; see ``resources/sv/decisions.json``) that is not future,
  conditional or negated.

Cues run on the folded text (see ``kdextract.text.fold``) so they also match OCR output that lost
its diacritics ("fatt i uppdrag", "bestallt").
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from kdextract.layout.sections import SectionIndex
from kdextract.models import DateMention, Decision, Section, Source
from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import (
    resolve_ref,
    sentence_span,
    with_clause_below,
)
from kdextract.records.context import Context
from kdextract.records.decision_blockers import Blockers
from kdextract.records.decision_blocks import Block, block_kind, find_blocks, ownerless_proposal
from kdextract.records.decision_deciders import (
    assembly_body,
    lead_in_decider,
    meeting_body,
    proposal_decider,
)
from kdextract.records.decision_dates import MeetingHeads, decision_date, meeting_date
from kdextract.records.decision_details import (
    follow_proposals,
    outcome_of,
    own_body_ref,
    proposing,
    reservation,
    reservations_after,
    votes_in,
)
from kdextract.records.decision_rules import Cue, rules
from kdextract.records.decision_spans import segments
from kdextract.records.decision_table import TableCell, table_cells
from kdextract.records.name_utils import is_first_name, is_role
from kdextract.records.registry import builder
from kdextract.records.subjects import match_subject
from kdextract.text.required_words import may_match
from kdextract.text.spans import Coverage, SpanIndex

__all__ = ["build_decisions"]

_WORD = compile_re(r"[\w-]+")
_WORD_OR_APOSTROPHE = compile_re(r"[\w'’-]+")


@dataclass
class _Hit:
    cue: Cue
    start: int  # in ctx.text
    end: int
    sent: tuple[int, int]


def _cue_hits(ctx: Context, folded: str) -> list[_Hit]:
    r = rules()
    hits: list[_Hit] = []
    blockers = Blockers(folded)
    for cue in r.cues:
        if not may_match(cue.needs, folded):
            continue  # (a pre-check: the cue's pattern would find nothing)
        for m in cue.pattern.finditer(folded):
            sent = with_clause_below(ctx, sentence_span(ctx, m.start()))
            if not sent[0] <= m.start() < sent[1] + 1:
                continue
            if r.past_report.match(folded, m.start()):
                continue  # "Bygglov beviljades i juni": a note of what happened before
            if not cue.support and (blockers.blocked(sent, m.start(), m.end())
                                    or _attribute(folded, m.start(), m.end())):
                continue
            if cue.voice == "passive" and blockers.modal_before(sent, m.start()):
                continue  # "… kan ett tillägg beviljas": a modal before the subject, a possibility
            if cue.kind == "proposal" and r.reply_subject.search(folded, max(0, m.start() - 30), m.start()):
                continue  # "Kommunen föreslår att …": a reply's suggestion to another body
            if ctx.meta.kind in r.other_authority_kinds and (
                    r.other_authority.search(folded, max(0, m.start() - 60), m.start())
                    or r.other_authority_agent.match(folded, m.end(), sent[1])):
                continue  # "Energimyndigheten har beviljat …", "… har beviljats 2 mnkr från Boverket": another's decision
            hits.append(_Hit(cue, m.start(), m.end(), sent))
    return hits

_PARTICIPLE = compile_re(r"\w+(?:ade|ande|anda|ada|ad|at|da|t)\b", regex.V1)


def _attribute(folded: str, start: int, end: int) -> bool:
    """A participle used as an attribute: "kommunstyrelsens beslutade budget", "redan beslutade investeringar"."""
    return (_PARTICIPLE.match(folded, start, end) is not None
            and rules().attribute_before.search(folded, max(0, start - 40), start) is not None)


_AS_PROPOSED = compile_re(r"\bbeslutar\b.*\b(?:enligt|i\s+enlighet\s+med)\b", regex.V1)
_AUX = compile_re(r"\b(?:har|hade|fick|far|gav|ger|beslutade|beslutar|fastställde|antog)\b", regex.V1)
#: "har" / "hade" at most three words before the cue ("har kommunstyrelsen nu beslutat")
_AUX_BEFORE = compile_re(r"\b(?:har|hade)\b(?=(?:\s+[\w'’-]+){0,3}\s+$)")
_AUX_WINDOW = 160


def _finite_verb(folded: str, sent: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The finite verb of the cue: the auxiliary inside the match or just before it, else its first word."""
    m = _AUX.search(folded, start, end)
    if m:
        return m.start(), m.end()
    back = _AUX_BEFORE.search(folded, max(sent[0], start - _AUX_WINDOW), start)
    if back:
        return back.start(), back.end()
    w = _WORD.match(folded[start:end])
    return start, start + (w.end() if w else end - start)


@dataclass(frozen=True)
class _Index:
    """One document's cue hits, amounts, deadlines, dates and sections, indexed once for lookups."""

    hits: SpanIndex[_Hit]
    amounts: SpanIndex[str]
    deadlines: SpanIndex[int]  # position in ctx.doc.deadlines, by its own span and by its date's
    dates: SpanIndex[DateMention]
    date_ends: SpanIndex[DateMention]  # by end offset alone
    heads: MeetingHeads
    sections: SectionIndex  # without the "Beslut"-like subheadings
    by_id: dict[str, Section]  # every section by its id

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
            heads=MeetingHeads(ctx.folded, ctx.doc.dates),
            sections=SectionIndex([sec for sec in ctx.sections if not (
                sec.category == "subheading" and block_kind(sec.title) and sec.parent)]),
            by_id={sec.id: sec for sec in ctx.sections if sec.id},
        )


@builder("decisions", after=("organisations", "people", "dates", "deadlines", "amounts"))
def build_decisions(ctx: Context) -> list[Decision]:
    """Every decision (and proposal) in ``ctx``, in text order, ids "dec-1"…"""
    text = ctx.text
    folded = ctx.folded
    decisions: list[Decision] = []
    blocks = find_blocks(ctx)
    hits = _cue_hits(ctx, folded)
    index = _Index.of(ctx, hits)
    hits = [h for h in hits if not (h.cue.plans_block and index.deadlines.within(h.sent[0], h.sent[1]))
            and not (h.cue.minutes_only and not _minutes(ctx) and not _after_beslut(text, h))
            and not (h.cue.schedule_block and not _minutes(ctx) and any(
                ctx.doc.deadlines[k].kind == "meeting" for k in index.deadlines.within(h.sent[0], h.sent[1])))]
    block_items = {_item_for(index, b.heading_start) for b in blocks if b.kind == "decision"} - {None}
    for block in blocks:
        if not (ownerless_proposal(text, block) and _minutes(ctx) and _item_for(index, block.heading_start) in block_items
                and _official_proposes(ctx, index, folded, block)):
            decisions.append(_from_block(ctx, index, folded, block))  # minutes: an official's proposal over "Beslut"
    in_blocks = {id(h) for b in blocks for h in index.hits.within(b.heading_start, b.body_end - 1)}
    by_sentence: dict[tuple[int, int], list[_Hit]] = {}
    for hit in hits:
        if id(hit) not in in_blocks:
            by_sentence.setdefault(hit.sent, []).append(hit)
    with_blocks = {_section_for(ctx, index, b.heading_start) for b in blocks if b.kind == "decision"}
    decided_items = _decided_items(ctx, index, blocks, by_sentence) if _minutes(ctx) else set()
    for sent, sent_hits in sorted(by_sentence.items()):
        ordered = sorted(sent_hits, key=lambda h: h.start)
        lead = next((h for h in ordered if not h.cue.support), None)
        proposal = lead is not None and lead.cue.kind == "proposal"
        if (proposal or all(_AS_PROPOSED.search(folded, h.start, h.end) or h.cue.support for h in ordered)
                or _minutes(ctx) and rules().vote_words.search(folded, sent[0], sent[1])) \
                and (_section_for(ctx, index, sent[0]) in with_blocks
                     or (not proposal and _item_for(index, sent[0]) in block_items)):
            # "Med 8 röster mot 5 beslutar nämnden enligt ordförandens förslag", "Förvaltningen föreslår att
            # ärendet bifalls": the item's Beslut block says what was decided (a vote's "beslutar … enligt"
            # under another subheading of the item, "Yrkanden", too; a vote's "Med 7 röster mot 4 beslutar nämnden
            # att avslå motionen" is that decision, whose vote the block takes)
            continue
        if proposal and lead is not None and _by_office(folded, sent[0], lead.start):
            continue  # "Förvaltningen föreslår att …": an office proposes, only a body decides
        if proposal and _item_for(index, sent[0]) in decided_items:
            # minutes: "Förvaltningen föreslår att …" in an item that records its own decision
            continue
        for a, b, inside in segments(ctx, sent, [(h.start, h.end, not h.cue.support) for h in ordered]):
            decisions.append(_from_sentence(ctx, index, folded, (a, b), [ordered[i] for i in inside]))
    taken = Coverage((d.start, d.end) for d in decisions)
    decisions += [_from_table(ctx, index, folded, cell) for cell in table_cells(text, folded)
                  if not taken.overlaps(cell.start, cell.end)]
    decisions.sort(key=lambda d: d.start)
    follow_proposals(decisions, folded, lambda at: _item_for(index, at))
    for i, d in enumerate(decisions, 1):
        d.id = f"dec-{i}"
    return decisions

_BESLUT_WORD = compile_re(r"(?<![\p{L}])Beslut(?=[ \t]*:?[ \t]+\p{Lu})", regex.V1)


def _item_for(index: _Index, offset: int) -> str | None:
    """Id of the top-level section (the agenda item) at ``offset``."""
    sec = index.sections.at(offset)
    while sec is not None and sec.parent in index.by_id:
        sec = index.by_id[sec.parent]
    return sec.id if sec else None


def _decided_items(ctx: Context, index: _Index, blocks: list[Block],
                   by_sentence: dict[tuple[int, int], list[_Hit]]) -> set[str | None]:
    """The agenda items that hold a decision: a decision block or a sentence whose lead cue decides."""
    items = {_item_for(index, b.heading_start) for b in blocks if b.kind == "decision"}
    for sent, sent_hits in by_sentence.items():
        lead = min((h for h in sent_hits if not h.cue.support), key=lambda h: h.start, default=None)
        if lead is not None and lead.cue.kind != "proposal":
            items.add(_item_for(index, sent[0]))
    items.discard(None)
    return items


def _by_office(folded: str, sent_start: int, cue_start: int) -> bool:
    """Whether the word right before a proposal cue is an administration or an official ("Förvaltningen")."""
    return rules().office_subject.search(folded[max(sent_start, cue_start - 60):cue_start]) is not None


def _official_proposes(ctx: Context, index: _Index, folded: str, block: Block) -> bool:
    """The first sentence of ``block`` is an office's or an official's proposal ("Förvaltningen föreslår att …",
    "Förvaltningschef Eva Ek föreslår att …", a surname of two words too): an office proposes, only a body
    decides."""
    first = sentence_span(ctx, block.body_start)
    cue = next((h for h in index.hits.within(first[0], first[1] - 1) if h.cue.kind == "proposal"), None)
    if cue is None:
        return False
    words = ctx.text[first[0]:cue.start].split()
    return _by_office(folded, first[0], cue.start) or 3 <= len(words) <= 4 and words[0][:1].isupper() \
        and is_role(words[0]) and is_first_name(words[1]) and all(w[:1].isupper() for w in words[2:])


def _after_beslut(text: str, hit: _Hit) -> bool:
    """A cue shortly after a "Beslut" heading that flattened text ran into its sentence
    ("… enligt bilaga Beslut Begärd ledighet beviljas")."""
    return _BESLUT_WORD.search(text, max(hit.sent[0], hit.start - 80), hit.start) is not None


def _minutes(ctx: Context) -> bool:
    return ctx.meta.kind in rules().minutes_kinds


def _links(ctx: Context, index: _Index, start: int, end: int) -> tuple[list[str], list[str]]:
    """Ids of the amounts and of the deadlines (or their dates) inside ``[start, end]``."""
    deadlines = sorted(set(index.deadlines.within(start, end)))
    return index.amounts.within(start, end), [i for k in deadlines if (i := ctx.doc.deadlines[k].id)]


def _section_for(ctx: Context, index: _Index, offset: int) -> str | None:
    """The innermost section at ``offset`` that is not a "Beslut"-like subheading."""
    best = index.sections.at(offset)
    return best.id if best else ctx.section_at(offset)


def _from_block(ctx: Context, index: _Index, folded: str, block: Block) -> Decision:
    text = ctx.text
    a, b = block.heading_start if block.lead_in else block.body_start, block.body_end
    decided_by: str | None = None
    ref: str | None = None
    first = sentence_span(ctx, a)
    kind = block.kind
    in_first = index.hits.within(first[0], first[1] - 1)
    hits = [h for h in in_first if not h.cue.support]
    if kind == "decision" and hits and hits[0].cue.kind in ("assignment", "adoption", "delegation", "proposal"):
        kind = hits[0].cue.kind  # "Uppdra till …", "X får i uppdrag att …", "Planen fastställs", "X föreslår KF att …"
    kind = proposing(folded, kind, hits[0].end, first[1]) if hits else kind
    for hit in [] if kind == "proposal" else in_first:
        if hit.cue.voice == "active" and hit.cue.kind in (
                "decision", "adoption", "delegation", "proposal"):
            v = _finite_verb(folded, hit.sent, hit.start, hit.end)
            subj = match_subject(ctx, hit.sent, v[0], v[1], _inner_start(folded, v, hit))
            if subj and subj.text[:1].isalpha():
                decided_by, ref = subj.text, subj.ref or resolve_ref(ctx, subj.text) or own_body_ref(ctx, subj.text)
            break
    if kind == "proposal":
        decided_by, ref = proposal_decider(ctx, first)  # the body that is to decide it
    elif decided_by is None and block.lead_in:
        decided_by, ref = lead_in_decider(ctx, block.heading_start, text.find("\n", block.heading_start))
    if decided_by is None and _minutes(ctx):
        decided_by, ref = meeting_body(ctx)  # "Beslut / Att godkänna …": the board that met
    if decided_by is None and ctx.meta.organisation and kind != "proposal":
        decided_by = ctx.meta.organisation
        ref = resolve_ref(ctx, decided_by)
    amounts, deadlines = _links(ctx, index, a, b)
    item = index.sections.at(block.heading_start)
    date, day = meeting_date(ctx, index.heads, a) if _minutes(ctx) else (ctx.meta.date, ctx.meta.day)
    return Decision(
        text=text[a:b], start=a, end=b, kind=kind, outcome=outcome_of(folded, a, b, kind), decided_by=ref,
        date=date, day=day, points=block.points,
        votes=votes_in(ctx, folded, a, b) or votes_in(ctx, folded, item.start if item else a, b),
        reservations=[reservation(ctx, folded, s, e) for s, e in block.reservations],
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
    kind = proposing(folded, "proposal" if proposal else ("assignment" if assignment else main.cue.kind), main.end, b)
    decided_by: str | None = None
    ref: str | None = None
    agent = next((h for h in hits if h.cue.voice == "active" and not h.cue.support), None)
    if kind == "proposal":
        decided_by, ref = proposal_decider(ctx, sent)  # the body that is to decide it
    elif agent is not None:
        v = _finite_verb(folded, sent, agent.start, agent.end)
        subj = match_subject(ctx, sent, v[0], v[1], _inner_start(folded, v, agent))
        if subj:
            decided_by, ref = subj.text, subj.ref
    if decided_by is None:
        decided_by, ref = assembly_body(ctx, folded, sent, main.start)
    if decided_by is None and _minutes(ctx):
        decided_by, ref = meeting_body(ctx)  # "Redovisningen godkänns.": the board that met
    if decided_by is None and _minutes(ctx) and ctx.meta.organisation and kind != "proposal":
        decided_by = ctx.meta.organisation
        ref = resolve_ref(ctx, decided_by)
    if ref is None and decided_by:
        ref = resolve_ref(ctx, decided_by) or own_body_ref(ctx, decided_by)
    date, day = decision_date(ctx, index.dates, index.date_ends, index.heads, sent, main.end, _minutes(ctx))
    amounts, deadlines = _links(ctx, index, a, b)
    cue_text = text[main.start:main.end]
    item = index.sections.at(a)
    after = reservations_after(ctx, folded, b, item.end if item else len(text), lambda s, e: any(
        not h.cue.support for h in index.hits.within(s, e - 1)))
    return Decision(
        text=text[a:b], start=a, end=b, kind=kind, outcome=outcome_of(folded, a, b, kind), decided_by=ref,
        date=date, day=day, votes=votes_in(ctx, folded, a, after[-1][1] if after else b),
        reservations=[reservation(ctx, folded, s, e) for s, e in after],
        amounts=amounts, deadlines=deadlines, section=_section_for(ctx, index, a),
        source=Source(method="rule", name=f"decisions/{main.cue.id}", score=0.8,
                      explanation=f"cue {cue_text!r}"),
    )


def _from_table(ctx: Context, index: _Index, folded: str, cell: TableCell) -> Decision:
    """A table row's decision cell; its date is the row's first date ("2024-05-08  SN 2024/118  Beviljat …")."""
    a, b = cell.start, cell.end
    dates = index.dates.within(cell.row_start, cell.row_end)
    amounts, deadlines = _links(ctx, index, cell.row_start, cell.row_end)
    by = resolve_ref(ctx, ctx.text[slice(*cell.delegate)]) if cell.delegate else None
    return Decision(
        text=ctx.text[a:b], start=a, end=b, kind="delegation" if cell.delegate else "decision", decided_by=by,
        outcome=outcome_of(folded, a, b, "decision"),
        date=dates[0].value if dates else ctx.meta.date, day=dates[0].day if dates else ctx.meta.day,
        amounts=amounts, deadlines=deadlines, section=_section_for(ctx, index, a),
        source=Source(method="rule", name="decisions/table_row", score=0.8,
                      explanation="a row's cell under the decision column of a table"),
    )


def _inner_start(folded: str, verb: tuple[int, int], hit: _Hit) -> int:
    """Start of the cue word after the finite verb ("beslutat" in "har nyligen beslutat")."""
    if verb[1] >= hit.end:
        return verb[1]
    tail = folded[verb[1]:hit.end]
    words = list(_WORD_OR_APOSTROPHE.finditer(tail))
    if not words:
        return verb[1]
    # the participle / object noun closes the match; the words before it may be an inverted subject
    for w in words:
        if w.group() in rules().participles:
            return verb[1] + w.start()
    return verb[1]
