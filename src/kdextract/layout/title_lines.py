"""What an item heading takes from the lines under it: its title, the rest of a wrapped title, its case number.

``layout.sections`` asks these of each item line it keeps ("§ 49", "4. Budget", a contents entry). A line taken
in as (part of) a title becomes furniture, so that no other rule reads it as a heading or a paragraph.
"""

from __future__ import annotations

from kdextract.layout.columns import COLUMN_GAP
from kdextract.layout.heading_context import continuation
from kdextract.layout.lines import Line, is_sentence_like, labelled_case
from kdextract.layout.title_ends import before_case
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re

__all__ = ["case_from_next_line", "title_continued", "title_from_next_line"]

#: Longest cell of a title's rest beside a row's other cells (the second line of a wrapped title is as long).
_CELL_CHARS = 80
#: The longest rest in digits that stands alone in the title's column ("2027–2030").
_SHORT_CELL = 40
#: Most rows a title cell goes on over.
_CELL_ROWS = 3
#: A year alone in the title's column, which the line classifier takes for an item's number before the next cell.
_YEAR = compile_re(r"(?:19|20)\d\d")
#: A property's block and unit number opening the cell: the rest of its name ("Ljungbacka" / "1:12 till …").
_PROPERTY = compile_re(r"\d{1,4}:\d{1,4}(?![\d:])")


def case_from_next_line(lines: list[Line], i: int) -> None:
    """A "Dnr KS 2019/0417" line under an item heading is the item's case number (a short line such as
    "Svar på remiss från regionen" may stand between them, and the second line of a wrapped title)."""
    if lines[i].case is not None:
        return
    rest = lines[i].title_rest
    last = rest[-1][1] if rest else lines[i].title_end
    k = next((k for k in range(i + 1, len(lines)) if lines[k].end > last), len(lines))
    for nxt in lines[k:k + 5]:  # under the title's last line (a title's second half past a page's edge)
        if nxt.kind == "blank":
            continue
        if nxt.kind == "case":
            lines[i].case = nxt.case
            return
        if nxt.kind in ("field", "text") and (case := labelled_case(nxt)) is not None:  # "Ärendenummer: RUN 2026/8"
            lines[i].case = case
            return
        if nxt.kind != "text" or len(nxt.text) > 80 or is_sentence_like(nxt.text):
            return


def title_from_next_line(lines: list[Line], i: int) -> None:
    """A bare "§ 49" takes its title from the next heading-like line (skipping a Dnr line)."""
    for k, nxt in enumerate(lines[i + 1:i + 5], start=i + 1):
        if nxt.kind in ("blank", "field", "furniture"):
            continue
        if nxt.kind == "case":
            lines[i].case = lines[i].case or nxt.case
            continue
        # "§ 45" over "Information" and a blank: a sub-heading's word as the item's title
        titled = nxt.kind == "sub" and k + 1 < len(lines) and lines[k + 1].kind == "blank"
        if titled or nxt.kind == "text" and not is_sentence_like(nxt.text) and len(nxt.text) <= 150:
            lines[i].title_start, lines[i].title_end = nxt.start, nxt.end
            nxt.kind = "furniture"  # consumed as the title
        else:
            lines[i].title_end = lines[i].title_start
        return


def title_continued(lines: list[Line], i: int) -> None:
    """Take the second line of a wrapped title (see ``continuation``) into the title of item ``i``, or the rest
    of a title cell wrapped beside the row's other cells (see ``_title_cells``)."""
    head = lines[i]
    if head.title_start >= head.title_end:
        return
    j = next((k for k in range(i, min(i + 5, len(lines))) if lines[k].end == head.title_end), None)
    nxt = None if j is None else continuation(lines, j)
    if nxt is not None:
        rest = before_case(nxt.text, 0, len(nxt.text))  # less "(KS 2026/240)", ", Dnr KS 2026/240"
        gap = COLUMN_GAP.search(nxt.text, 0, rest)
        head.title_end = nxt.start + (gap.start() if gap is not None and gap.start() > 0 else rest)  # less "   Bilaga 4"
        nxt.kind = "furniture"  # consumed as the rest of the title
    elif j is None:
        _title_cells(lines, i)


def _title_cells(lines: list[Line], i: int) -> None:
    """The rest of the title of row ``i``, wrapped in its column beside the row's other cells ("§ 88   Detaljplan
    för … vid   SBN 2025/214" over "       Tjäderstigen – antagande"; "4. Rekrytering av …, Eklundens   Förhandling
    enligt" over "   gruppboende   MBL § 11"): the first cell of each line under the row set right under the
    title's first letter, no sentence, that goes on in lower case, follows a word no title ends in or a noun before
    a name ("för projektet" / "Ängens ekotrail") or a comma ("… utan startbesked," / "Ekmyra 1:9"), or is a short
    rest in digits standing alone (a blank, another row or a line set further left under it: "2027–2030"; a year
    with a further cell beside it, which the line classifier read as an item numbered so), or opens with the block
    and unit number of a property named at the title's end ("Ljungbacka" / "1:12 till …"). A label
    in the right margin beside it stays out: only the cell in the title's column is taken, as ``Line.title_rest``."""
    head = lines[i]
    column = head.title_start - (head.start - head.indent)
    if column <= 0 or not head.text[head.title_end - head.start:].strip():
        return
    parts: list[tuple[int, int]] = []
    last = head.text[head.title_start - head.start:head.title_end - head.start]
    for k in range(i + 1, min(i + 1 + _CELL_ROWS, len(lines))):
        line = lines[k]
        gap = COLUMN_GAP.search(line.text)
        cell = line.text[:gap.start()] if gap else line.text
        year_cell = line.kind == "agenda" and _YEAR.fullmatch(cell.strip()) is not None  # "2026   Eva Ek": no item 2026
        if line.kind != "text" and not year_cell or line.indent != column or len(cell) > _CELL_CHARS \
                or is_sentence_like(cell):
            break
        after = lines[k + 1] if k + 1 < len(lines) else None
        alone = after is None or after.kind in ("blank", "furniture", "case", "agenda", "paragraph") \
            or after.indent < column
        last_word = last.split()[-1].casefold()
        if not (cell[:1].islower() or last_word in rules().title_stop_words or last_word in rules().name_nouns
                or last_word.endswith(",") or cell[:1].isdigit() and len(cell) <= _SHORT_CELL and alone or _PROPERTY.match(cell)):
            break
        parts.append((line.start, line.start + before_case(cell, 0, len(cell))))
        line.kind = "furniture"  # consumed as the rest of the title
        last = cell
        if alone:
            break
    head.title_rest = parts or None


def folded_title(line: Line) -> str:
    """The line's title, case-folded, its blanks single spaces."""
    return " ".join(line.text[line.title_start - line.start:line.title_end - line.start].casefold().split())
