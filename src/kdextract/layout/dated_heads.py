"""A newsletter's dated headings run into flattened text: "… i april. 5 mars | Medarbetarenkäten 2026 Svarsfrekvensen …".

A newsletter heads its news with a date and a bar (``sections.json`` 'dated_heading': "4 maj | Ny förskola");
a PDF-to-text transcript that lost every line break runs them into the text. Where a paragraph holds two or
more, each starts a line and its title (up to where a sentence opens, ``items.title_end``) stands alone; so does the
title of one that opens a paragraph whose line breaks were lost (``dated_lead``).

>>> t = "Hej alla! 2 mars | Nytt avtal om mat Nämnden har tecknat avtal. 5 mars | Enkäten 2026 Svaren blev många."
>>> [t[a:b] for a, b in dated_heads(t, 0, len(t))]
['2 mars | Nytt avtal om mat', '5 mars | Enkäten 2026']
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.items import title_end
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re

#: Fewest dated headings in one paragraph that make them headings.
MIN_HEADS = 2


@lru_cache(maxsize=1)
def _dated() -> regex.Pattern[str]:
    """``sections.json``'s 'dated_heading' where it stands inside a line, after a blank."""
    return compile_re(r"(?<!\S)" + rules().dated_heading.pattern.removeprefix("^"))


def dated_heads(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The dated headings (start, end of the title) in the flattened paragraph ``text[start:end]``, or none where
    fewer than ``MIN_HEADS`` are found."""
    out = [(m.start(), title_end(text, m.end(), end)) for m in _dated().finditer(text, start, end)]
    return out if len(out) >= MIN_HEADS else []


#: A blank line or a page break right before a position: a paragraph starts there.
_PARAGRAPH_START = compile_re(r"(?:\n[ \t]*\n|\f)[ \t]*$")


def dated_lead(text: str, start: int, end: int) -> int | None:
    """The end of the title of a dated heading that opens the paragraph ``text[start:end]`` (after a blank line),
    run into the paragraph's first sentence ("5 mars | Enkäten 2026 Svaren blev …"), or None."""
    if start > 0 and _PARAGRAPH_START.search(text, max(0, start - 8), start) is None:
        return None
    m = _dated().match(text, start, end)
    stop = title_end(text, m.end(), end) if m is not None else end
    return stop if text[stop:end].strip() else None
