"""Deadlines in section titles, and deadlines restated in one item, that a reader does not count as such.

A § title often names the date its item is about ("§ 46 Avgifter inom hemhjälpen fr o m 1 januari
1985") and the body's decision states it in full ("att fastställa avgifterna att gälla fr o m den
1 januari 1985"). A reader counts that dated thing once, in the body's words: the title's deadline
with the same value as one in its item's body goes.

A bare year in a heading names the period a section collects ("Pågående och planerade granskningar
2026", "Investeringar 2027"): it labels the section, no dated thing is due by it, so its deadline
goes too.

An item's proposal and the decision that follows it state one dated thing twice ("Förvaltningen föreslår att
biblioteket stängs från den 1 januari 2027" … "Nämnden beslutar att stänga biblioteket från den 1 januari 2027"):
the reader counts it once, as decided; the earlier statement goes. Under the item's decision heading ("Beslut") the
decision may name the same day in other words and another kind ("platser avvecklas den 31 mars 2027" … "avveckla
korttidsplatser från och med den 31 mars 2027"): one shared word (a compound by its last part) is enough there.
"""

from __future__ import annotations

from collections.abc import Sequence

from kdextract.models import Deadline, Section
from kdextract.pattern_cache import compile_re
from kdextract.records.decision_blocks import block_kind
from kdextract.text.fold import fold

_YEAR = compile_re(r"\d{4}")
#: A word of a deadline's description that says what it is about (four letters or more).
_CONTENT_WORD = compile_re(r"\w{4,}")


def without_title_repeats(deadlines: list[Deadline], sections: Sequence[Section], text: str) -> list[Deadline]:
    """``deadlines`` less those in a section's title line whose value is a bare year or one that a deadline in
    its body has too (ids renumbered "dl-1", … in text order where one went)."""
    drop: set[int] = set()
    for sec in sections:
        if sec.title_end <= sec.title_start:
            continue
        line_end = text.find("\n", sec.title_end)
        head_end = min(sec.body_start, len(text) if line_end < 0 else line_end)
        in_title = [k for k, d in enumerate(deadlines) if sec.start <= d.start and d.end <= head_end]
        if not in_title:
            continue
        body = {d.value for d in deadlines if d.start >= head_end and d.end <= sec.body_end}
        drop.update(k for k in in_title if deadlines[k].value in body or _YEAR.fullmatch(deadlines[k].value))
    if not drop:
        return deadlines
    kept = [d for k, d in enumerate(deadlines) if k not in drop]
    return [d.model_copy(update={"id": f"dl-{i}"}) for i, d in enumerate(kept, start=1)]


def without_restatements(deadlines: list[Deadline], sections: Sequence[Section]) -> list[Deadline]:
    """``deadlines`` less each that a later one in the same top-level section restates: the same value and kind,
    and two words or more of its description the same; or the same day, stated by the later one under a decision
    heading, and one word the same (ids renumbered "dl-1", … where one went)."""
    tops = [(sec.start, sec.end) for sec in sections if sec.level == 1]
    top = [next((a for a, b in tops if a <= d.start < b), None) for d in deadlines]
    words = [set(_CONTENT_WORD.findall(fold(d.what))) for d in deadlines]
    decided = [_under_decision(d, sections) for d in deadlines]
    drop = {k for k, d in enumerate(deadlines) if top[k] is not None and any(
        top[j] == top[k] and o.value == d.value and (
            (o.kind == d.kind and len(words[j] & words[k]) >= 2)
            or (d.day is not None and decided[j] and not decided[k] and _share_word(words[j], words[k])))
        for j, o in enumerate(deadlines[k + 1:], start=k + 1))}
    if not drop:
        return deadlines
    kept = [d for k, d in enumerate(deadlines) if k not in drop]
    return [d.model_copy(update={"id": f"dl-{i}"}) for i, d in enumerate(kept, start=1)]


def _under_decision(deadline: Deadline, sections: Sequence[Section]) -> bool:
    """``deadline`` stands in a section headed as a decision ("Beslut", "Nämndens beslut")."""
    return any(sec.level > 1 and sec.start <= deadline.start < sec.end and block_kind(sec.title) == "decision"
               for sec in sections)


def _share_word(one: set[str], other: set[str]) -> bool:
    """A word in both, a compound matching its last part ("korttidsplatser", "platser")."""
    return any(a.endswith(b) or b.endswith(a) for a in one for b in other)
