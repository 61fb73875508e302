"""Known sub-headings ("Beslut", "Bakgrund") where they start inside flattened text: where each ends."""

from __future__ import annotations

from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.text.word_starts import after_blanks

#: A decision's first point after its sub-heading: "Förslag till beslut 1. Nämnden …" (matched from its number, after
#: the blanks: ``after_blanks``).
_FIRST_POINT = compile_re(r"1[.)][ \t]+\p{Lu}")
#: a sentence end (or a line start) right before a position: "… förslag. |Kommunfullmäktiges beslut"
_SENTENCE_BEFORE = compile_re(r"[.!?)\n][ \t]*$")


def subheading_end(text: str, pos: int, end: int, after_title: bool = False) -> int | None:
    """The end of a known sub-heading ("Beslut", "Bakgrund") at ``pos``, or of an owner's one after a sentence
    end or an item's title (``after_title``: "… Kommunfullmäktiges beslut"), where a capital, a colon or the
    end follows it (or, after a title, the number of a decision's first point); else None."""
    low = text[pos:min(end, pos + 60)].casefold()
    stops = [pos + len(head) for head in rules().inline_subheadings_by_first.get(low[:1], ()) if low.startswith(head)]
    part = rules().inline_item_part.match(text, pos, min(end, pos + 60))
    if part is not None and (after_title or _SENTENCE_BEFORE.search(text, max(0, pos - 3), pos)):
        stops.append(part.end())
    for stop in stops:
        after = text[stop:stop + 2]
        if not after or after[0] in ":\n":
            return stop
        if after[0] in " \t" and (after[1:2].isupper() or after_title and after[1:2].isdigit()
                                   or _FIRST_POINT.match(text, after_blanks(text, stop), end) is not None
                                   and (pos == 0 or _SENTENCE_BEFORE.search(text, max(0, pos - 3), pos))):
            return stop
    return None


def inline_subheading_at(text: str, pos: int, end: int) -> int | None:
    """The end of a known sub-heading that starts at ``pos`` in flattened text, or None."""
    stop = subheading_end(text, pos, end) if text[pos:pos + 1].isupper() else None
    if stop is not None and text[stop:stop + 1] == ":":
        stop += 1
    return stop
