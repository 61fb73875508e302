"""A Markdown document whose line breaks were lost: its "#" headings and its "|" table rows start lines again.

Flattened, a Markdown export keeps its marks but runs them into one line ("… 2026/0412 ## Kommunfullmäktige
Fullmäktige sammanträder … | Datum | Anmärkning | |---|---| | 4 februari | | | 22 april | …"). A "#" mark before a
capital starts a line where the line holds two such marks (its first heading counted, which the text step already
read at the line's start) or a flattened table (a header, its delimiter row and a row); a table's delimiter row
tells how many cells a row has, so each run of that many cells between pipes is a row. The text step then reads
the marks and the table as it reads them at a line's start (``text.normalize.markdown_blocks``). A heading line
that runs on into its paragraph ends where the paragraph begins (``heading_ends``); before an issuer's name only in
a flattened line, where a lost break is sure.

>>> t = "Plan 2027 ## Möten Vi ses i maj. | Dag | Tid | |---|---| | 4 maj | 18 | | 6 maj | 20 |"
>>> print(flat_markdown(TextView.identity(t))[0].text)
Plan 2027
<BLANKLINE>
Möten Vi ses i maj.
<BLANKLINE>
Dag   Tid
4 maj   18
6 maj   20
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection

import regex

from kdextract.layout.bullets import BULLETS
from kdextract.layout.paragraph_leads import TOPIC_WORDS, topic_end
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.text.normalize import markdown_blocks
from kdextract.text.view import Replacement, TextView

_LINE = compile_re(r"[^\n]+")
#: A heading's "#" mark inside a line, a capital after it ("… ovan. ## Att tänka på …") or a heading's item number
#: and then a capital ("## 5. Övrigt", "## 2.1 Bakgrund"); a bare number after a "#" is a number sign ("fall # 4512").
_MARK = compile_re(r"(?<=[ \t])#{1,6}[ \t]+(?=\p{Lu}|\d{1,3}(?:[.)]|(?:\.\d{1,3})+\.?)[ \t]+\p{Lu})")
#: A table's delimiter row run into a line ("|---|:---:|---|"), each dashed cell counted.
_DELIMITER = compile_re(r"\|(?:[ \t]*+:?-{3,}+:?[ \t]*+\|){2,}")
_DASHED_CELL = compile_re(r"-{3,}")
_PIPE = compile_re(r"\|")
_SPACE_AFTER = compile_re(r"[ \t]+")
_TOKEN = compile_re(r"\S+")
_ITEM_NUMBER = compile_re(r"\d{1,3}[.)]?")
_SENTENCE_END = compile_re(r"[.!?]")
#: The glyphs of a list item, Word's private-use bullets among them.
_BULLET_GLYPHS = frozenset(BULLETS + "\uf0b7\uf0a7")
#: Most words of a line that is a heading alone; a longer one ran into its paragraph.
RUN_ON_WORDS = 8
#: Fewest structure marks (headings, a table) that make a line flattened Markdown.
MARKS = 2


def flat_markdown(view: TextView) -> tuple[TextView, list[tuple[int, int]]]:
    """``view`` with the headings and table rows of a flattened Markdown line each on a line of their own, their
    marks read as the text step reads them, and a heading that runs on into its paragraph ended (no change where
    no line holds them); and the input spans of the flattened lines (the pieces of one, each a flattened line
    too, however few structure cues it holds alone)."""
    edits, lines = markdown_breaks(view.text, view.heading_marks)
    spans = [view.to_input(a, b) for a, b in lines]
    if edits:
        view = markdown_blocks(view.rewrite(edits))
    return view.rewrite(heading_ends(view.text, view.heading_marks, _flattened(view, spans))), spans


def _flattened(view: TextView, spans: list[tuple[int, int]]) -> set[int]:
    """The heading marks of ``view`` that stand inside one of the flattened lines' input ``spans``."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    found: set[int] = set()
    for mark in view.heading_marks:
        pos = view.to_input(mark, mark)[0]
        k = bisect_right(starts, pos) - 1
        if k >= 0 and pos < spans[k][1]:
            found.add(mark)
    return found


def heading_ends(text: str, heading_marks: dict[int, int], flat: Collection[int] = ()) -> list[Replacement]:
    """A line break after each Markdown heading that runs on into its paragraph, a line of more than
    ``RUN_ON_WORDS`` words: the heading ends before a bullet, before an issuer's name where the heading stands in
    a flattened line (its start in ``flat``) and no title word governs the name ("Plan 2027 Ekby kommun | …", not
    "Samverkan mellan Ekby kommun och …"), and in a line that ends a sentence where its topic's sentence opens
    (``paragraph_leads.topic_end``) or after a one-word heading before a sentence that opens with a capital and a
    lower-case word ("Nämnderna Varje nämnd fastställer …")."""
    edits: list[Replacement] = []
    for start in sorted(heading_marks):
        line = _LINE.match(text, start)
        if line is None:
            continue
        words = [m for _, m in zip(range(RUN_ON_WORDS + 1), _TOKEN.finditer(text, start, line.end()))]
        if len(words) <= RUN_ON_WORDS:
            continue
        stop = _heading_end(text, words, line.end(), _SENTENCE_END.match(text, line.end() - 1) is not None,
                            start in flat)
        if stop is not None and (gap := _SPACE_AFTER.match(text, stop, line.end())) is not None:
            edits.append((stop, gap.end(), "\n", "layout: flattened markdown heading"))
    return edits


def _heading_end(text: str, words: list[regex.Match[str]], end: int, ended: bool, flat: bool) -> int | None:
    """Where the heading of a run-on line whose first words are ``words`` ends (see ``heading_ends``; before a
    sentence only in a line that ends one, before an issuer's name only in a ``flat`` one), or None; a heading's item
    number ("## 5. Övrigt Noah tog upp …") is passed over."""
    if _ITEM_NUMBER.fullmatch(words[0].group()):
        words = words[1:]
    r = rules()
    for i in range(1, min(TOPIC_WORDS + 1, len(words))):
        if words[i].group() in _BULLET_GLYPHS:
            return words[i - 1].end()
        if flat and i + 1 < len(words) and words[i - 1].group().casefold() not in r.title_stop_words \
                and r.issuer_name.match(text[words[i].start():words[i + 1].end()]):
            return words[i - 1].end()
    stop = topic_end(text, words[0].start(), end) if ended else None
    if stop is not None or not ended or len(words) < 3:
        return stop
    second, third = words[1].group(), words[2].group()
    if words[0].group().isalpha() and second[:1].isupper() and second[1:].islower() and third.isalpha() \
            and third.islower():
        return words[0].end()
    return None


def markdown_breaks(text: str, heading_marks: dict[int, int]) -> tuple[list[Replacement], list[tuple[int, int]]]:
    """The lost line breaks of flattened Markdown lines (a blank line before each heading mark and a table, a line
    break around its delimiter row, between its rows and after its last), and those lines' spans (a table's left
    out)."""
    edits: list[Replacement] = []
    lines: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if "#" not in line.group() and "|" not in line.group():
            continue
        marks = [m.start() for m in _MARK.finditer(text, line.start(), line.end())]
        table = _table(text, line.start(), line.end())
        if len(marks) + (line.start() in heading_marks) + MARKS * (table is not None) < MARKS:
            continue
        points = [(pos, "\n\n") for pos in marks]
        if table is not None:
            points += [(pos, "\n\n" if k == 0 else "\n") for k, pos in enumerate(table)]
        edits += _breaks_at(text, line.start(), line.end(), points)
        lines += [(line.start(), line.end())] if table is None else [(line.start(), table[0]), (table[-1], line.end())]
    return edits, lines


def _table(text: str, start: int, end: int) -> list[int] | None:
    """Where the lines of the first flattened table of ``text[start:end]`` start (its header, its delimiter row,
    each row) and where its last row ends, or None: each row as many cells between pipes as the delimiter row
    has, rows one blank apart."""
    delimiter = _DELIMITER.search(text, start, end)
    if delimiter is None:
        return None
    cells = len(_DASHED_CELL.findall(delimiter.group()))
    pipes = [m.start() for m in _PIPE.finditer(text, start, delimiter.start())][-(cells + 1):]
    if len(pipes) < cells + 1 or text[pipes[-1] + 1:delimiter.start()].strip():
        return None  # no header row of as many cells right before it
    found = [pipes[0], delimiter.start()]
    row = delimiter.end()
    while True:
        gap = _SPACE_AFTER.match(text, row, end)
        if gap is None or text[gap.end():gap.end() + 1] != "|":
            break
        row_pipes = [m.end() for _, m in zip(range(cells + 1), _PIPE.finditer(text, gap.end(), end))]
        if len(row_pipes) < cells + 1:
            break
        found.append(gap.end())
        row = row_pipes[-1]
    found.append(row)  # the last row's end
    return found if len(found) > 3 else None


def _breaks_at(text: str, start: int, end: int, points: list[tuple[int, str]]) -> list[Replacement]:
    """A break for the blanks before each point inside ``text[start:end]``, or after it where none stand before
    (a table's end); where two points share their blanks (a table's end, a heading's mark) the longer break."""
    spans: dict[int, tuple[int, str]] = {}
    for pos, brk in points:
        if not start < pos < end:
            continue
        blank = pos
        while blank > start and text[blank - 1] in " \t":
            blank -= 1
        if blank == pos and (after := _SPACE_AFTER.match(text, pos, end)) is not None:
            pos = after.end()
        if blank < pos and len(spans.get(blank, (pos, ""))[1]) < len(brk):
            spans[blank] = (pos, brk)
    return [(a, b, brk, "layout: flattened markdown") for a, (b, brk) in sorted(spans.items())]
