"""A deadline in an item's title that the item's body states again.

A § title often names the date its item is about ("§ 46 Avgifter inom hemhjälpen fr o m 1 januari
1985") and the body's decision states it in full ("att fastställa avgifterna att gälla fr o m den
1 januari 1985"). A reader counts that dated thing once, in the body's words: the title's deadline
with the same value as one in its item's body goes.
"""

from __future__ import annotations

from collections.abc import Sequence

from kdextract.models import Deadline, Section


def without_title_repeats(deadlines: list[Deadline], sections: Sequence[Section], text: str) -> list[Deadline]:
    """``deadlines`` less those in a section's title line whose value a deadline in its body has too
    (ids renumbered "dl-1", … in text order where one went)."""
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
        drop.update(k for k in in_title if deadlines[k].value in body)
    if not drop:
        return deadlines
    kept = [d for k, d in enumerate(deadlines) if k not in drop]
    return [d.model_copy(update={"id": f"dl-{i}"}) for i, d in enumerate(kept, start=1)]
