"""An agenda's presenter column that flattened text ran into each item's title.

A kallelse sets its items out as a table, "Ärende   Föredragande" over "1. Val av justerare   Ordföranden". Where
the text lost the table's gaps, each numbered line ends in its presenter at one space ("2. Delårsrapport 2027
Controller Pia Strandlöf"). Under a header row that names the presenter's column (``presenter_column_header`` in
``resources/sv/sections.json``), the title of such a line ends before a capitalised role, a given name and a
surname, or a role and a name, at its end. Where the row kept gaps of two blanks (a PDF reader's narrow gap, less
than ``COLUMN_GAP``), its title ends at the first of them: the cells after it are the Dnr, the presenter or "–".
Where items run on with no header, a presenter that is all between a title and the next item ("4. Budget 2027 Eva
Ek, ekonom 5. …") is the item's note (``bare_presenter``), no entry of its own; a name or a role across a column
gap after the title of a flattened line is the presenter's cell of the title's row (``presenter_cell``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kdextract.layout.columns import COLUMN_GAP, has_column_gap
from kdextract.layout.rules import rules
from kdextract.layout.words import is_first_name, is_role
from kdextract.pattern_cache import compile_re

if TYPE_CHECKING:
    from kdextract.layout.lines import Line

#: Lines between the header row and the table's first item (none but blanks expected; a note may stand there).
_HEAD_GAP = 2
#: The kinds of an item's line: a numbered item, or an entry under an agenda's label ("Föredragningslista").
_ITEM_KINDS = ("agenda", "entry")
#: Two blanks before a further cell: the gap a PDF reader left between a flattened table's cells ("2  Budget 2027  KUN
#: 2026-00031  Ekonomichef Lars Berg"; the wide ``COLUMN_GAP`` needs three), read as one under the header row only.
_NARROW_GAP = compile_re(r"[ ]{2,}(?=\S)")
#: A title's words: runs of non-blanks.
_WORD = compile_re(r"\S+")
#: A presenter after its item's title: a name and its role after a comma ("Eva Ek, ekonom"), or a role before a name
#: ("Ekonom Eva Ek").
_NAME_ROLE = compile_re(
    r"(?P<first>\p{Lu}[\p{L}-]+)[ \t]+(?P<last>\p{Lu}[\p{L}-]+)[ \t]*,[ \t]*(?P<role>\p{Ll}[\p{L}-]+)")
_ROLE_NAME = compile_re(
    r"(?P<role>\p{Lu}[\p{L}-]+)[ \t]+(?P<first>\p{Lu}[\p{L}-]+)[ \t]+(?P<last>\p{Lu}[\p{L}-]+)")
#: The blanks before a cell; a presenter's cell across a column gap ("   Eva Ek"): a capitalised word and the next.
_GAP = compile_re(r"[ \t]+")
_CELL = compile_re(r"(?P<gap>[ \t]+)(?P<first>\p{Lu}[\p{L}-]+)(?:[ \t]+(?P<last>\p{Lu}[\p{L}-]+))?")


def cut_presenters(text: str, lines: list[Line]) -> None:
    """Under a header row naming a presenter's column, end each following item's title before its presenter."""
    header = rules().presenter_column_header
    for i, line in enumerate(lines):
        if line.kind == "blank" or header.match(line.text) is None:
            continue
        seen = False
        for j, nxt in enumerate(lines[i + 1:], i + 1):
            if nxt.kind in _ITEM_KINDS:
                seen = True
                if not has_column_gap(text, nxt.title_start, nxt.end):
                    gap = _NARROW_GAP.search(text, nxt.title_start, nxt.title_end)
                    nxt.title_end = gap.start() if gap else _before_presenter(text, nxt.title_start, nxt.title_end)
            elif nxt.kind != "blank" and (seen or j - i > _HEAD_GAP):
                break


def _before_presenter(text: str, start: int, end: int) -> int:
    """The end of the title ``text[start:end]`` without the presenter at its end ("… 2027 Controller Pia Strandlöf",
    "… justerare Ordföranden", "… 2028 Pia Strandlöf"); ``end`` where none ends it, or nothing would be left."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    cut = len(words)
    if cut >= 3 and _name(text[slice(*words[-2])], text[slice(*words[-1])]):
        cut -= 2
    if cut >= 2 and _role(text[slice(*words[cut - 1])]):
        cut -= 1
    if cut == len(words) or cut < 1 or text[slice(*words[cut - 1])].casefold() in rules().title_stop_words:
        return end
    return words[cut - 1][1]


def bare_presenter(text: str, pos: int, end: int) -> int | None:
    """The end of a presenter that is all of ``text[pos:end]`` but blanks ("Eva Ek, ekonom", "Ekonom Eva Ek"): a
    given name, a surname and a role; else None."""
    stop = pos + len(text[pos:end].rstrip())
    m = _NAME_ROLE.fullmatch(text, pos, stop) or _ROLE_NAME.fullmatch(text, pos, stop)
    if m is None or not _name(m["first"], m["last"]) or not is_role(m["role"].casefold()):
        return None
    return stop


def presenter_cell(text: str, pos: int, end: int) -> int | None:
    """The end of the cells that column gaps set apart right after a title ending at ``pos`` in a flattened agenda's
    row: a case number, a presenter (a given name and a surname, or a role), or both ("2.  Årsredovisning 2026
    KS 2027/32      Eva Ek Resultatet …", "1.  Val av justerare      Ordföranden 2. …"); None where none follows."""
    gap = _GAP.match(text, pos, end)
    case = rules().case.match(text, gap.end(), end) if gap is not None and has_column_gap(gap.group()) else None
    cells = case.end() if case is not None and text[case.start()].isupper() else None  # "KS 2027/32", no bare number
    m = _CELL.match(text, cells or pos, end)
    if m is None or not has_column_gap(m["gap"]):
        return cells
    if m["last"] is not None and _name(m["first"], m["last"]):
        return m.end()
    return m.end("first") if _role(m["first"]) else cells


def _name(first: str, last: str) -> bool:
    """A given name and a capitalised surname ("Pia Strandlöf")."""
    return first[:1].isupper() and is_first_name(first) and last[:1].isupper() and last.replace("-", "").isalpha()


def _role(word: str) -> bool:
    """A capitalised role word ("Ordföranden", "Controller", "Fritidschef")."""
    return word[:1].isupper() and is_role(word)
