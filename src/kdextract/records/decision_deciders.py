"""Who decides: the body a decision or a proposal names, else the body whose meeting or minutes it was.

A proposal's decider is the body that is to decide it, not its proposer: the body it is put to ("Kommunstyrelsen
föreslår kommunfullmäktige att …", "… föreslår att kommunstyrelsen beslutar att …"), the subject of a passive
"föreslås" ("Socialnämnden föreslås godkänna …") or the body its sentence opens with ("Kommunstyrelsen anslår …").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import mentions_in, mentions_near, resolve_ref, sentence_span
from kdextract.records.decision_details import own_body_ref
from kdextract.records.decision_rules import rules
from kdextract.records.subjects import match_subject

if TYPE_CHECKING:
    from kdextract.records.context import Context

#: A lead-in line's decision verb ("Kommunstyrelsen beslutar:" over its 'att' lines), folded.
_LEAD_IN_VERB = compile_re(r"\b(?:beslutar|beslutade|foreslar|foreslog|foreslas)\b")
#: A list marker or blanks where a proposal's sentence opens ("1. ", "- ").
_OPENING = compile_re(r"[ \t]*(?:(?:\d{1,2}[.)]|[-–•*])[ \t]+)?")
_BLANKS = compile_re(r"\s*")

Named = tuple[str | None, str | None]  # (name as written, id)


def lead_in_decider(ctx: Context, start: int, end: int) -> Named:
    """The subject of the decision verb of the lead-in line ``[start, end)`` of a block of 'att' lines."""
    m = _LEAD_IN_VERB.search(ctx.folded, start, end)
    subj = match_subject(ctx, (start, end), m.start(), m.end()) if m else None
    if subj is None or not subj.text[:1].isalpha():
        return None, None
    return subj.text, subj.ref or resolve_ref(ctx, subj.text)


def proposal_decider(ctx: Context, sent: tuple[int, int]) -> Named:
    """The body that is to decide the proposal of sentence ``sent``, where the sentence names it."""
    text = ctx.text
    opening = _OPENING.match(text, sent[0])
    at = opening.end() if opening else sent[0]
    if at >= sent[1]:
        sent = sentence_span(ctx, at)  # the sentence was a list's number alone ("1.")
    a, b = sent
    m = rules().proposal_to.search(ctx.folded, a, b)
    if m and m.group("passive"):
        subj = match_subject(ctx, sent, m.start(), m.end())
        ref = subj and (subj.ref or resolve_ref(ctx, subj.text) or own_body_ref(ctx, subj.text))
        return (subj.text, ref) if subj and ref else (None, None)
    if m:
        blanks = _BLANKS.match(text, m.end(), b)
        return _org_at(ctx, sent, blanks.end() if blanks else m.end())
    return _org_at(ctx, sent, max(at, a))


def _org_at(ctx: Context, sent: tuple[int, int], at: int) -> Named:
    """The organisation whose mention starts at ``at`` in sentence ``sent``."""
    for s, e, ref in mentions_near(ctx, sent, at, at):
        if s == at and ref.startswith("org"):
            return ctx.text[s:e], ref
    return None, None


def meeting_body(ctx: Context) -> Named:
    """The body whose minutes these are (``meta.body``), where it is a known organisation."""
    body = ctx.meta.body
    ref = resolve_ref(ctx, body) if body else None
    return (body, ref) if ref else (None, None)


def assembly_body(ctx: Context, folded: str, sent: tuple[int, int], cue: int) -> Named:
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
        m = rules().assembly.search(folded, a, cue if i == 0 else b)
        if m:
            word = text[m.start(1):m.end(1)]
            name = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
            return name, resolve_ref(ctx, name)
        if i > 0:
            # the previous sentence's subject body: "Styrgruppen träffades den 3 maj"
            known = [k for k in mentions_in(ctx, a, b) if k[2].startswith("org")]
            if known and rules().meeting_word.search(folded[a:b]):
                s, e, ref = known[0]
                return text[s:e], ref
    return None, None
