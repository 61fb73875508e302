"""Paragraphs that a heading leads, run into their first sentence where the paragraph's line breaks were lost.

A transcript that kept the blank lines between paragraphs but lost the breaks inside them puts an
item's head and its first sentence on one line ("§ 45 Val av justerare Till justerare väljs …"),
and a memo's sub-heading before its text ("Sammanfattning Förvaltningen föreslår …"). Such a line
is read as flattened text (``layout.reflow``), whatever its length.

>>> leads_paragraph(t := "§ 45 Val av justerare Till justerare väljs Eva Ek.", 0, len(t))
True
>>> leads_paragraph(t := "1. Nämnden godkänner Plan för badplatser 2026 med ändringarna.", 0, len(t))
False
"""

from __future__ import annotations

import regex

from kdextract.layout.columns import COLUMN_GAP
from kdextract.layout.items import head_at, inline_subheading_at, title_end

#: Fewest words of running text after the heading (a sentence, up to its end).
LEAD_BODY_WORDS = 3

_TOKEN = regex.compile(r"\S+")
_LAST_WORD = regex.compile(r"(\S+)\s*$")
_SENTENCE_END = regex.compile(r"[.!?:)]$")


def leads_paragraph(text: str, start: int, end: int) -> bool:
    """The line ``text[start:end]`` is a paragraph led by a heading run into its first sentence: a "§ 45"
    or "3." item head or a known sub-heading at its start, running text after it to a sentence end."""
    first = _TOKEN.match(text, start, end)
    if first is None or COLUMN_GAP.search(text, start, end) is not None:
        return False  # (a line of columns is a table's row or a kallelse's time slot)
    head = head_at(text, start, end) if first.group()[0] in "§0123456789" else None
    paragraph = head is not None and "§" in (head.number or "")
    if head is not None and (head.marked or paragraph) and head.depth == 1:
        lead_end = title_end(text, head.title_start, end)
    else:
        stop = inline_subheading_at(text, start, end)
        if stop is None:
            return False
        lead_end, paragraph = stop, True
    rest = text[lead_end:end].split()
    if len(rest) < LEAD_BODY_WORDS or not rest[0][:1].isupper() or not _SENTENCE_END.search(rest[-1]):
        return False  # (a title that a line's end cut goes on without a sentence end)
    # "3. Ekonomi Prognosen …": after a "3." title a sentence starts (a capital, then a lower-case word), and
    # the title ends in a capital or a number; a point of prose ends in its verb ("1. Nämnden godkänner Plan …")
    last = _LAST_WORD.search(text, start, lead_end)
    return paragraph or rest[1][:1].islower() and last is not None and not last.group(1)[:1].islower()
