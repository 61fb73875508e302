"""Runs of lines that a fixed-width text wrap broke: where a line went on past the column.

Text saved at a fixed width (a mail client, a text export, a transcript saved at 80 columns)
breaks every longer line at the last space before the column. Such a break has a mark: the
next line's first word would not have fitted on the line before it. A run of lines each broken
that way (the column is where the text's longest lines gather) is one line of the original,
cut; a line's own end shows where the next word would still have fitted, where a blank line
or a form feed follows, or where a sentence ends before a short line of a marked item head and
its title alone ("8. Title"); a line with a column gap in it was laid out, not wrapped, and a
known sub-heading ("Beslut") alone on the next line is a heading, not the rest of a line, as is one with its colon
that opens the next line after a sentence's end ("… till den 31 december." / "Beslut: Styrelsen …").

>>> text = "Kort rad\\nett två tre fyra fem\\nsexton sjutton arton\\nnitton\\nSlut"
>>> [text[a:b] for a, b in wrapped_runs(text, width=20)]
['ett två tre fyra fem\\nsexton sjutton arton\\nnitton']
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from kdextract.layout.items import head_at, title_end
from kdextract.layout.subheading_ends import inline_subheading_at
from kdextract.layout.lines import COLUMN_GAP
from kdextract.pattern_cache import compile_re
from kdextract.text.lines import line_spans

#: Fewest wrapped lines in a row (the last one included) that make a run.
RUN_LINES = 3
#: Narrowest column taken for a wrap's (a few short lines of a similar length are a list, not a wrap).
MIN_COLUMN = 50
#: One line in this many may run past the column.
OVER_COLUMN = 10
#: A wrapped line fills its column to within this many characters (longer words are rare).
FILL_SLACK = 20

_FIRST_WORD = compile_re(r"[ \t]*(\S+)")
#: A wrap inside a number's digit groups: "96" at a line's end, "500 kr" on the next line.
_GROUP_BREAK = compile_re(r"(?<=(?:^|[ \t(])\d{1,3})[ \t]*\n(?=\d{3}(?!\d))", regex.MULTILINE)


def wrap_width(text: str) -> int:
    """The column ``text`` was wrapped at, if it was: the longest line that ``RUN_LINES`` lines come
    close to (within ``FILL_SLACK / 2``); one line, and one more in ten, may run past it (a hyphenated
    word put back together, a line no space could break). 0 where no lines gather under a column."""
    lengths = sorted((len(text[a:b].rstrip()) for a, b in line_spans(text)), reverse=True)
    for i in range(min(len(lengths), len(lengths) // OVER_COLUMN + 2)):
        top = lengths[i]
        if top < MIN_COLUMN:
            break
        if bisect_right(lengths, -(top - FILL_SLACK // 2), key=lambda n: -n) - i >= RUN_LINES:
            return top
    return 0  # no column: no wrap


def wrapped_runs(text: str, width: int | None = None, min_lines: int = RUN_LINES) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of ``min_lines`` or more lines broken at column ``width``
    (``wrap_width`` by default), from the first line's start to the last one's end."""
    col = wrap_width(text) if width is None else width
    runs: list[tuple[int, int]] = []
    lines = list(line_spans(text))
    first = 0
    for k in range(1, len(lines) + 1):
        if k < len(lines) and _wrapped(text, lines[k - 1], lines[k], col):
            continue
        if k - first >= min_lines:
            runs.append((lines[first][0], lines[k - 1][1]))
        first = k
    return runs


def group_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The breaks inside ``text[start:end]`` (a run) that cut a number between its digit groups."""
    return [m.span() for m in _GROUP_BREAK.finditer(text, start, end)]


def _wrapped(text: str, line: tuple[int, int], after: tuple[int, int], col: int) -> bool:
    """Whether the break between ``line`` and the line ``after`` it is the column's."""
    body = text[line[0]:line[1]].rstrip()
    if "\f" in text[line[0]:after[1]] or not col - FILL_SLACK <= len(body) <= col or not body.strip() \
            or COLUMN_GAP.search(body.strip()):
        return False  # a line set out in columns ("§ 4 Title      Dnr 2024/12") was laid out, not wrapped
    word = _FIRST_WORD.match(text, after[0], after[1])
    if word is None or len(body) + 1 + len(word.group(1)) <= col:
        return False
    end = after[0] + len(text[after[0]:after[1]].rstrip())
    if (body[-1] in ".!?" or _marked_head(text, line[0], line[0] + len(body))) \
            and _item_line(text, word.start(1), end, col):
        return False  # "… före sommaren." or an item ("2. Title – Eva Ek, ingenjör") over "3. Title": the next item
    stop = inline_subheading_at(text, word.start(1), end)
    if stop is not None and body[-1] in ".!?" and text[stop - 1] == ":":
        return False  # "… den 31 december." over "Beslut: Styrelsen …": a sentence ended, a labelled paragraph opens
    return stop != end  # a lone "Beslut" is a heading of its own


def _marked_head(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` opens with a marked item head ("2. ", "§ 4")."""
    head = head_at(text, start, end, line_start=True)
    return head is not None and head.marked


def _item_line(text: str, start: int, end: int, col: int) -> bool:
    """``text[start:end]`` is a line of its own that holds a marked item head and its title alone ("8. Title",
    "§ 4 Title"): shorter than a wrapped line, with no sentence run on after the title."""
    head = head_at(text, start, end, line_start=True)
    return (head is not None and head.marked and end - start < col - FILL_SLACK
            and title_end(text, head.title_start, end) == end)
