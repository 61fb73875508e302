"""Who decides: the subject of a lead-in line's decision verb, the body whose meeting or minutes it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import mentions_in, resolve_ref, sentence_span
from kdextract.records.decision_rules import rules
from kdextract.records.subjects import match_subject

if TYPE_CHECKING:
    from kdextract.records.context import Context

#: A lead-in line's decision verb ("Kommunstyrelsen beslutar:" over its 'att' lines), folded.
_LEAD_IN_VERB = compile_re(r"\b(?:beslutar|beslutade|foreslar|foreslog|foreslas)\b")

Named = tuple[str | None, str | None]  # (name as written, id)


def lead_in_decider(ctx: Context, start: int, end: int) -> Named:
    """The subject of the decision verb of the lead-in line ``[start, end)`` of a block of 'att' lines."""
    m = _LEAD_IN_VERB.search(ctx.folded, start, end)
    subj = match_subject(ctx, (start, end), m.start(), m.end()) if m else None
    if subj is None or not subj.text[:1].isalpha():
        return None, None
    return subj.text, subj.ref or resolve_ref(ctx, subj.text)


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
