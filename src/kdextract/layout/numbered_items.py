"""Numbered lines that head items: a run counting up by one, the next topic of notes, a line over its labelled body.

``layout.sections`` asks these of each numbered line before it reads a document as numbered.
"""

from __future__ import annotations

from kdextract.layout.heading_context import TIGHT_HEAD_WORDS, has_body, standalone, title_cell_wrap
from kdextract.layout.item_documents import labelled_body
from kdextract.layout.lines import Line, is_presenter, is_sentence_like
from kdextract.pattern_cache import compile_re

_NOTE_KINDS = ("text", "field", "list")
_LETTER_MARK = compile_re(r"[a-zåäö]\)\s")
#: Between the first and last numbers of a joint item ("§§ 47–49", "§§ 47 och 48").
_JOINT = compile_re(r"(?<=\d)[ \t]*(?:[–-]|och)[ \t]*(?=\d)")


def in_numbered_run(lines: list[Line], i: int) -> bool:
    """Line ``i`` is one of a list of numbered lines counting up by one ("1 Upprop", "2 Val av justerare", …);
    the rest of a wrapped title, a case-number line, a presenter's line ("– Eva Ek, ekonom") or the item's
    documents ("Beslutsunderlag: …") may stand under an item, and so may a note set at the titles' hanging indent
    ("3. Avtal om …" over "   Avtalet gäller från …")."""
    n = item_value(lines[i].number)
    column = lines[i].title_start - (lines[i].start - lines[i].indent)

    def neighbour(step: int) -> int | None:
        j, read_to = i + step, i  # read_to: the end of a block read and found no note (its lines are not re-read)
        while 0 <= j < len(lines):
            if (read_to - j) * step <= 0:
                past, note = _note_block(lines, j, step, column)
                if note:
                    j = past
                    continue
                read_to = past
            if lines[j].kind in ("blank", "case", "furniture") or lines[j].documents or is_presenter(lines[j]) \
                    or title_cell_wrap(lines, j) or _hanging_note(lines[j], column):
                j += step
            else:
                break
        if 0 <= j < len(lines) and lines[j].kind == "agenda":
            return item_value(lines[j].number)
        return None

    return n is not None and (neighbour(-1) == n - 1 or neighbour(1) == n + 1)


def _hanging_note(line: Line, column: int) -> bool:
    """``line`` is a note under an item, set at the column where the items' titles start and opening with a capital
    (a wrapped sentence of a numbered point goes on in lower case), a labelled one too ("Tid: 10.45–10.55")."""
    return line.kind in ("text", "field") and 0 < line.indent == column and line.text[:1].isupper()


def _note_block(lines: list[Line], j: int, step: int, column: int) -> tuple[int, bool]:
    """The index past a note of several lines under an item, read from line ``j`` in the direction ``step``: lines
    set at the titles' column or deeper, the first at the column opening with a capital or a letter's mark
    ("KF gav uppdraget … med återrapportering" / "inom sex månader. …", "a) Kommunchefen har …" / "   som …");
    whether those lines are such a note (where not, the index says how far they were read)."""
    k = j
    while 0 <= k < len(lines) and lines[k].kind in _NOTE_KINDS and lines[k].indent >= column > 0:
        k += step
    top = j if step > 0 else k + 1
    return k, k != j and (_hanging_note(lines[top], column) or _lettered_note(lines[top], column))


def _lettered_note(line: Line, column: int) -> bool:
    """``line`` is a lettered point of an item's note set at the titles' column ("a) Kommunchefen har …")."""
    return line.kind == "list" and line.indent == column and _LETTER_MARK.match(line.text) is not None


def item_value(number: str | None) -> int | None:
    """The number of an item's number ("4." -> 4, "§ 12" -> 12; a joint item's first, "§§ 47–49" -> 47), or None."""
    digits = "".join(ch for ch in _JOINT.split(number or "", maxsplit=1)[0] if ch.isdigit())
    return int(digits) if digits and len(digits) <= 4 else None


def lists_items(lines: list[Line], i: int) -> bool:
    """Paragraph line ``i`` is a joint range ("§§ 45–49") that holds the number of the next § item under it: the
    protocol's list of its paragraphs (a form's "Paragrafer" field, or the range alone over the attendance list), no
    joint item, which the next item follows ("§§ 47–49 Motioner" … "§ 50")."""
    parts = _JOINT.split(lines[i].number or "", maxsplit=1)
    if lines[i].kind != "paragraph" or len(parts) < 2:
        return False
    for line in lines[i + 1:]:  # (to the next paragraph line only: each line is read once over all calls)
        if line.kind == "paragraph" and (n := item_value(line.number)) is not None:
            return n <= int("".join(ch for ch in parts[1] if ch.isdigit()) or 0)
    return False


def next_topic(lines: list[Line], i: int, n: int, last_number: int) -> bool:
    """Numbered line ``i`` is the next topic of notes whose items hold bullets or prose right under their
    heading ("2. Företagsklimatet" over "• Kommunerna har …"): it follows the last item's number, stands
    after a blank, reads as a heading and has a body."""
    line = lines[i]
    title = line.text[line.title_start - line.start:line.title_end - line.start]
    return (n == last_number + 1 and standalone(lines, i, before_only=True) and bool(title)
            and len(title.split()) <= TIGHT_HEAD_WORDS and not is_sentence_like(title) and has_body(lines, i))


def tight_decimal(lines: list[Line], i: int, item: int) -> bool:
    """Line ``i`` is a part of item ``item`` numbered under it ("2.1 Bakgrund", "2.2.1 Effekter …" under "2 Ärendet")
    set tight over its text, as PDF and word-processor text writes it (no blank line after it): a short title of no
    sentence, prose right under it. The decimal number that carries the item's own number is the heading's cue."""
    line = lines[i]
    title = line.text[line.title_start - line.start:line.title_end - line.start]
    head = (line.number or "").split(".")[0]
    return head.isdigit() and int(head) == item and bool(title) and len(title.split()) <= TIGHT_HEAD_WORDS \
        and not is_sentence_like(title) and i + 1 < len(lines) and lines[i + 1].kind in ("text", "list") \
        and has_body(lines, i)


def item_heading(lines: list[Line], i: int) -> bool:
    """Numbered line ``i`` may head an item; a numbered point of prose in a list ("1. Nämnden beviljar …"
    wrapped onto the next line) does not make a document numbered."""
    n = item_value(lines[i].number)
    return (standalone(lines, i) or in_numbered_run(lines, i) or labelled_body(lines, i)
            or n is not None and next_topic(lines, i, n, n - 1))
