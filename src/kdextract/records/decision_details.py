"""What a decision did: its outcome, the vote taken on it, and the reservations with who made them.

>>> from kdextract.text.fold import fold
>>> text = "Ärendet återremitteras till förvaltningen."
>>> outcome_of(fold(text), 0, len(text), "decision")
'referred_back'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from kdextract.models import Decision, DecisionKind, DecisionOutcome, Reservation, Source, Votes
from kdextract.parsers.numbers import parse_number_word
from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import mentions_in, paragraph_at, resolve_ref, sentence_span
from kdextract.records.decision_blocks import is_reservation_heading
from kdextract.records.decision_rules import rules
from kdextract.records.name_utils import kind_words
from kdextract.text.fold import fold

if TYPE_CHECKING:
    from kdextract.records.context import Context

#: A person as written in a reservation ("Anna Berg (M)", "Berg") or a party's group ("S-gruppen").
_WHO = compile_re(r"\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,3}"
                  r"(?:[ \t]+(?:" + kind_words("municipality", "region") + r"))?"
                  r"(?:[ \t]*\((?P<party>\p{Lu}{1,4})\))?"
                  r"|\((?P<alone>\p{Lu}{1,4})\)", regex.V1)
_NON_SPACE = compile_re(r"\S")
_PARTY_AFTER = compile_re(r"[ \t]*\(\p{Lu}{1,4}\)", regex.V1)
#: How far before an outcome word its negation is looked for (chars; two words and the negation).
_NEGATION_REACH = 40
#: How many reservations (and sentences of the decision's paragraph before them) are read after a decision.
_MOST_RESERVATIONS = 3
#: The longest sentence that may be a "Reservation" heading line ("Reservationer:" with its marks); a longer one is
#: never read as one (each decision of a long sentence asks of the sentence after it).
_HEADING_CHARS = 80
_NOT_WHO = frozenset({"Reservation", "Reservationer", "Reserverar", "Protokollsanteckning", "Beslut", "Mot", "Till"})


def _first_outcome(folded: str, a: int, b: int, outcome: DecisionOutcome,
                   pattern: regex.Pattern[str]) -> tuple[int, DecisionOutcome] | None:
    """Where ``pattern`` first names ``outcome`` in ``[a, b)``; a negated approval ("att inte anta")
    is a rejection, any other negated outcome word is passed over."""
    m = pattern.search(folded, a, b)
    while m:
        if not rules().negated_outcome.search(folded, max(a, m.start() - _NEGATION_REACH), m.start()):
            return m.start(), outcome
        if outcome == "approved":
            return m.start(), "rejected"
        m = pattern.search(folded, m.end(), b)
    return None


def outcome_of(folded: str, a: int, b: int, kind: DecisionKind) -> DecisionOutcome | None:
    """The outcome the decision text ``folded[a:b]`` names first (an assignment is "assigned")."""
    best: tuple[int, DecisionOutcome] | None = None
    for outcome, pattern in rules().outcomes:
        found = _first_outcome(folded, a, b, outcome, pattern)
        if found and (best is None or found[0] < best[0]):
            best = found
    if best is not None:
        return best[1]
    return "assigned" if kind == "assignment" else None


def proposing(folded: str, kind: DecisionKind, cue_end: int, end: int) -> DecisionKind:
    """``kind``, or "proposal" for a decision whose cue goes on "föreslå kommunfullmäktige …" (up to ``end``)."""
    return "proposal" if kind == "decision" and rules().proposes_after_cue.match(folded, cue_end, end) else kind


def own_body_ref(ctx: Context, name: str) -> str | None:
    """Id of the body that a generic head deciding ("Nämnden beslutar", "Styrelsen beslutar") stands for: the minutes'
    own body where a word of its name ends in the head's stem ("Socialnämnden", "Kommunstyrelsens arbetsutskott"),
    else, for a board's head, the company or association whose minutes they are."""
    head = fold(name).strip()
    stem = rules().own_body_heads.get(head)
    if stem is None:
        return None
    body = ctx.meta.body
    if body:
        return resolve_ref(ctx, body) if any(w.endswith((stem, head)) for w in fold(body).split()) else None
    owner = resolve_ref(ctx, ctx.meta.organisation) if head in rules().board_heads else None
    kind = next((o.kind for o in ctx.doc.organisations if o.id == owner), None)
    return owner if kind in rules().board_owner_kinds else None


def follow_proposals(decisions: list[Decision], folded: str, item_of: Callable[[int], str | None]) -> None:
    """A decision "enligt kommunstyrelsens förslag" with no points, amounts or deadlines of its own decided what the
    proposal before it in its agenda item (``item_of`` an offset) holds: it takes that proposal's."""
    last: dict[str, Decision] = {}
    for d in sorted(decisions, key=lambda d: d.start):
        item = item_of(d.start)
        if item is None:
            continue
        if d.kind == "proposal":
            last[item] = d
        elif item in last and not (d.points or d.amounts or d.deadlines) \
                and rules().as_proposed.search(folded, d.start, d.end):
            proposal = last[item]
            d.points, d.amounts, d.deadlines = list(proposal.points), list(proposal.amounts), list(proposal.deadlines)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return parse_number_word(word)


def votes_in(ctx: Context, folded: str, a: int, b: int) -> Votes | None:
    """The vote counted in ``[a, b)`` ("8 ja-röster mot 5 nej-röster", "med 7 röster mot 4", "2 avstår")."""
    if not rules().vote_words.search(folded, a, b):
        return None
    counts: dict[str, int] = {}
    spans: list[tuple[int, int]] = []
    for pattern in rules().votes:
        for m in pattern.finditer(folded, a, b):
            found = {g: _count(ctx.text[m.start(g):m.end(g)]) for g, v in m.groupdict().items() if v}
            if not found or None in found.values():
                continue
            for g, n in found.items():
                if n is not None:
                    counts.setdefault(g, n)
            spans.append(m.span())
    if not counts:
        return None
    s, e = min(x for x, _ in spans), max(y for _, y in spans)
    return Votes(text=ctx.text[s:e], start=s, end=e, yes=counts.get("yes"), no=counts.get("no"),
                 abstained=counts.get("abstained"),
                 source=Source(method="rule", name="decisions/votes", explanation="vote counts next to the decision"))


def reservation(ctx: Context, folded: str, a: int, b: int) -> Reservation:
    """The reservation written in ``[a, b)`` and who made it: the people, organisations or party
    labels named before its cue ("Anna Berg (M) reserverar sig"), or after it ("Reservation: S-gruppen")."""
    cue = rules().reservation.search(folded, a, b)
    head, tail = (a, cue.start()) if cue else (a, b)
    if cue and not ctx.text[a:cue.start()].strip(" \t-–•*:"):
        head, tail = cue.end(), b
    who: list[str] = []
    by: list[str] = []
    _read_who(ctx, head, tail, who, by)
    if not who and cue and head == a:
        _read_who(ctx, cue.end(), b, who, by)  # "Mot beslutet reserverar sig Per Holm (M)": the names after the verb
    return Reservation(text=ctx.text[a:b], start=a, end=b, who=who, by=by,
                       source=Source(method="rule", name="decisions/reservation",
                                     explanation=f"reservation cue {ctx.text[cue.start():cue.end()].strip()!r}"
                                     if cue else "under a reservation heading"))


def _read_who(ctx: Context, head: int, tail: int, who: list[str], by: list[str]) -> None:
    """Add the people, organisations and party labels named in ``[head, tail)`` to ``who`` and their ids to ``by``."""
    for s, e, ref in mentions_in(ctx, head, tail):
        if ref not in by:
            by.append(ref)
            party = _PARTY_AFTER.match(ctx.text, e, tail)
            who.append(ctx.text[s:party.end() if party else e])
    for m in _WHO.finditer(ctx.text, head, tail):
        name = m.group(0).strip()
        if name in _NOT_WHO or any(name in w or w in name for w in who):
            continue
        who.append(name)
        found = resolve_ref(ctx, m.group(0).split("(")[0].strip())
        if found and found not in by:
            by.append(found)


def reservations_after(ctx: Context, folded: str, end: int, limit: int,
                       decides: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Sentences after a decision in running text that reserve against it (up to ``limit``): right after it, after
    the rest of its paragraph where that decides nothing more (``decides`` a sentence's span), or under a
    "Reservation" heading."""
    found: list[tuple[int, int]] = []
    pos, skips, heading = end, 0, False
    paragraph_end = paragraph_at(ctx, max(0, end - 1))[1]
    while len(found) < _MOST_RESERVATIONS:
        m = _NON_SPACE.search(ctx.text, pos, limit)
        if m is None:
            break
        s, e = sentence_span(ctx, m.start())
        if e <= s:
            break
        if not heading and not found and e - s <= _HEADING_CHARS and is_reservation_heading(ctx.text[s:e]):
            heading = True  # the sentence under it reserves, cue or not ("Reservation" / "Moderaterna, Per Holm")
        elif _reserves(ctx, folded, s, e) or heading and not found:
            found.append((s, e))
        elif found:
            break
        elif s < paragraph_end and skips < _MOST_RESERVATIONS and not decides(s, e):
            skips += 1  # "… bifalla motionen. Kommunstyrelsen ger Anna Berg i uppdrag att återkomma."
        else:
            break
        pos = e
    return found


def _reserves(ctx: Context, folded: str, s: int, e: int) -> bool:
    """Whether the sentence ``[s, e)`` of ``folded`` (``ctx.folded``) reserves against a decision: read once per
    sentence and context (each decision of a long sentence asks of the one after it)."""
    cache: dict[tuple[int, int], bool] = vars(ctx).setdefault("_kdx_reserving", {})
    if (s, e) not in cache:
        cache[s, e] = rules().reservation.search(folded, s, e) is not None
    return cache[s, e]
