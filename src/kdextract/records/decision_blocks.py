""""Beslut" blocks: a decision heading and the lines it governs, with points and reservations."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from kdextract.layout.form import is_form_label
from kdextract.layout.rules import rules as section_rules
from kdextract.layout.sections import SectionIndex
from kdextract.models import DecisionKind
from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import (
    is_bullet_line,
)
from kdextract.records.context import Context
from kdextract.records.decision_rules import rules
from kdextract.text.cell_lines import cell_tables
from kdextract.text.fold import fold
from kdextract.text.lines import line_spans
from kdextract.text.ocr_letters import digits_read_as_letters

_MARKER = compile_re(r"^[ \t]*(?:(?:[-–•*·¢¬]|e|o)\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+|\(\d{1,2}\)\s+)")
#: Punctuation at a line's edges; the trailing run tried only where a run starts (at each of its characters, a long
#: run of blanks inside the line was read to its end: the square of its length).
#: Longest key of a decision block's heading.
KEY_CHARS = 60
_EDGE_PUNCTUATION = compile_re(r"^[\W_]+|(?<![\W_])[\W_]++$")
_SPACE_RUN = compile_re(r"\s+")
_BLANKS = compile_re(r"\s*")
#: "§ 12" or "3. Budget": a numbered heading line
_NUMBERED_HEADING = compile_re(r"^(?:§\s*\d+|\d{1,2}\.\s+\p{Lu})")
_RESERVATION_HEADING = compile_re(r"reservation(?:er)?")
#: One space inside a word: the letters on either side of it, up to the word's edges.
_SPLIT = compile_re(r"(?<![\p{L}])(\p{L}+) (\p{L}+)(?![\p{L}])")


def _heading_key(line: str) -> str:
    """A heading line folded, without markup, numbering and trailing colon."""
    s = fold(digits_read_as_letters(line)).strip()  # OCR's "Förslag ti11 beslut"
    s = _EDGE_PUNCTUATION.sub("", s)
    return _SPACE_RUN.sub(" ", s)


@dataclass
class Block:
    kind: DecisionKind
    heading_start: int
    body_start: int
    body_end: int = 0
    points: list[str] = field(default_factory=list)
    reservations: list[tuple[int, int]] = field(default_factory=list)  # spans of the reservation lines
    lead_in: bool = False  # the heading is a line that decides ("Kommunstyrelsen beslutar"): the decision opens there


#: The bytes of ASCII that are no letter or digit: what a line's ASCII letters and digits are counted without.
_NOT_ASCII_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def block_kind(line: str) -> DecisionKind | None:
    if len(line) > KEY_CHARS and len(line.encode("ascii", "ignore").translate(None, _NOT_ASCII_ALNUM)) > KEY_CHARS:
        return None  # (its key keeps each ASCII letter and digit: too long, a line of prose; not folded to see it)
    key = _heading_key(line)
    if not key or len(key) > KEY_CHARS:
        return None
    return _kind(key) or next(filter(None, map(_kind, _joined_splits(key))), None)


def _kind(key: str) -> DecisionKind | None:
    r = rules()
    if r.block_proposal.match(key):
        return "proposal"
    if r.block_decision.match(key):
        return "decision"
    return None


def _joined_splits(key: str) -> list[str]:
    """``key`` with one heading word that OCR split by a space joined ("namndens beslu t" -> "namndens beslut")."""
    words = rules().split_heading_words
    return [key[:m.start()] + m[1] + m[2] + key[m.end():]
            for m in _SPLIT.finditer(key, overlapped=True) if m[1] + m[2] in words]


def ownerless_proposal(text: str, block: Block) -> bool:
    """``block`` is a proposal under a heading that names no owner ("Förslag till beslut")."""
    return block.kind == "proposal" and bool(rules().ownerless_proposal.match(
        _heading_key(text[block.heading_start:block.body_start].split("\n", 1)[0])))


def find_blocks(ctx: Context) -> list[Block]:
    text = ctx.text
    found: dict[int, Block] = {}
    # a label of a table flattened to one cell a line ("Datum" / "Ärende" / "Beslut" / "Delegat") heads a column
    labels = {a for table in cell_tables(text) for a, _ in table.header}
    # 1. subheadings the section finder saw
    for sec in ctx.sections:
        if sec.level < 2 and sec.category != "subheading":
            continue
        kind = block_kind(sec.title)
        line_start = text.rfind("\n", 0, sec.title_start) + 1
        if kind and line_start not in labels:
            found[line_start] = Block(kind, sec.title_start, max(sec.body_start, sec.title_end))
    # 2. heading lines of their own ("Beslut", "*Beslut**", "Beslut:") and inline "Beslut: …"
    for a, b in line_spans(text):
        line = text[a:b]
        if a in found or a in labels or not line.strip():
            continue
        kind = block_kind(line)
        if kind and len(line.strip()) <= 60 and not _sentence_tail(text, a, line):
            found[a] = Block(kind, a, b)
            continue
        im = rules().inline_heading.match(fold(line))
        if im and len(line) > im.end():
            head = line[:im.end()]
            kind = "proposal" if "forslag" in fold(head) else "decision"
            found[a] = Block(kind, a, a + im.end())
    for start, block in _att_runs(ctx, found):
        found.setdefault(start, block)
    blocks = sorted(found.values(), key=lambda b: b.heading_start)
    starts = sorted({s.title_start for s in ctx.sections} | {b.heading_start for b in blocks})
    items = SectionIndex([s for s in ctx.sections if s.level == 1])
    for block in blocks:
        _extend(ctx, block, starts, items)
    return [b for b in blocks if b.body_end > b.body_start]

#: A line that ends a sentence run on from the line before ("… senast två veckor efter" / "kommunstyrelsens beslut.").
_LOWER_TO_STOP = compile_re(r"^[ \t]*\p{Ll}.*\.[ \t]*$")
_RUNS_ON = compile_re(r"[\p{L},][ \t]*$")


def _sentence_tail(text: str, start: int, line: str) -> bool:
    """A lower-case line that ends in a full stop after a line that runs on ("… efter" / "kommunstyrelsens
    beslut."): the end of a wrapped sentence, no "Beslut" heading."""
    if not _LOWER_TO_STOP.match(line) or start == 0:
        return False
    prev_start = text.rfind("\n", 0, start - 1) + 1
    return bool(_RUNS_ON.search(text[prev_start:start - 1]))


_ATT_LINE = compile_re(r"(?m)^[ \t]*(?:[-–•][ \t]+)?att[ \t]+\S")  # "att …" or "- att …" a line
#: A lead-in line's decision verb at its end, a proposal's addressee after it or not ("Nämnden föreslår
#: kommunfullmäktige" over "att anta …"), or its colon.
_DECIDES = compile_re(r"(?:\b(?:beslutar|beslutade|besluta|beslut|foreslas|(?:foreslar|foreslog)(?:[ \t]+[\w-]+){0,2})|:)"
                      r"[ \t*_]*$", regex.V1)
#: A sentence that ends inside a line, the next one opening there ("… 312 mnkr. Förvaltningen föreslår").
_SENTENCE_INSIDE = compile_re(r"[.!?][ \t]+\p{Lu}")
#: Shortest line that a paragraph's wrap leaves full (a lead-in line of its own is shorter or opens its sentence).
_PROSE_LINE = 60


def _att_runs(ctx: Context, found: dict[int, Block]) -> list[tuple[int, Block]]:
    """'att'-clause lines that carry a decision without a "Beslut" heading: after a line that ends
    with a decision verb or a colon ("Kommunstyrelsen beslutar", "Nämnden föreslår:"), or, in
    minutes, right under an item's title ("§ 71 Bilkörning …" + "att bilkörning inte ingår …")."""
    text = ctx.text
    folded = ctx.folded
    titles = {s.title_end for s in ctx.sections if s.level == 1}
    minutes = ctx.meta.kind in rules().minutes_kinds
    # the first line under a proposal heading ("Kommunstyrelsens förslag" / "Kommunfullmäktige beslutar" / "att …"):
    # the lead-in of the proposal's points, which the proposal's block holds
    proposed = {_first_line(text, b.body_start) for b in found.values() if b.kind == "proposal"}
    out: list[tuple[int, Block]] = []
    for m in _ATT_LINE.finditer(folded):
        prev_end = m.start()  # the end of the text before the line, blanks left out (no copy of it)
        while prev_end and text[prev_end - 1].isspace():
            prev_end -= 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        if prev_start in found or prev_start in proposed or _ATT_LINE.match(folded, prev_start, prev_end + 1):
            continue  # inside a block already, or not the first 'att' line of its run
        decides = _DECIDES.search(folded, prev_start, prev_end)
        if decides and prev_end - prev_start >= _PROSE_LINE and _SENTENCE_INSIDE.search(text, prev_start, prev_end):
            continue  # a paragraph wrapped before its "att": "… 312 mnkr. Förvaltningen föreslår" / "att 2,5 mnkr …"
        if decides or (minutes and prev_end in titles):
            proposal = decides is not None and "forslag" in decides.group() or "foresl" in folded[prev_start:prev_end]
            out.append((prev_start, Block("proposal" if proposal else "decision", prev_start, m.start(),
                                          lead_in=decides is not None)))
    return out


def _first_line(text: str, pos: int) -> int:
    """Start of the first line at or after ``pos`` that is not blank."""
    blanks = _BLANKS.match(text, pos)
    return text.rfind("\n", 0, blanks.end() if blanks else pos) + 1


def _is_heading_line(ctx: Context, start: int, line: str, prev_blank: bool, next_blank: bool) -> bool:
    key = _heading_key(line)
    if block_kind(line) or (key and rules().stop_heading.match(key)):
        return True
    stripped = line.strip()
    if _NUMBERED_HEADING.match(stripped) and len(stripped) < 80 and not stripped.endswith("."):
        return prev_blank
    return (prev_blank and next_blank and 0 < len(stripped) <= 60 and not is_bullet_line(stripped)
            and stripped[-1] not in ".,;:!?" and not rules().reservation.search(fold(stripped))
            and len(stripped.split()) <= 8)


def _extend(ctx: Context, block: Block, starts: list[int], items: SectionIndex) -> None:
    """Find where the block ends and collect its points and reservations.

    ``starts``: sorted heading offsets; ``items``: the (non-overlapping) level-1 sections.
    """
    text = ctx.text
    k = bisect_left(starts, max(block.heading_start + 1, block.body_start))
    limit = starts[k] if k < len(starts) else len(text)
    item = items.at(block.heading_start)
    if item:  # never past the end of the enclosing item
        limit = min(limit, item.end)
    lines = list(line_spans(text, block.body_start, limit))
    kept: list[tuple[int, int]] = []
    points: list[str] = []
    reservations: list[tuple[int, int]] = []
    listy = False
    prev_blank = True
    para_started = False
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            prev_blank = True
            para_started = False
            continue
        if not kept and section_rules().by_category["furniture"](line.strip()):
            continue  # a page's footer between the heading and its text ("Justerandes sign … Sida 2 av 2")
        next_blank = i + 1 >= len(lines) or not text[lines[i + 1][0]:lines[i + 1][1]].strip()
        if rules().reservation.search(fold(line)):
            reservations.append(clean_span(text, a, b))
            prev_blank = False
            continue
        if reservations and not para_started:
            break  # nothing but reservations after the block's last line
        if kept and (_is_heading_line(ctx, a, line, prev_blank, next_blank) or is_form_label(line.strip().rstrip(":"))):
            break  # (a form label alone on its line, "Underskrifter" or "Sekreterare", opens the signatures)
        bullet = is_bullet_line(line)
        if kept and prev_blank and not para_started:
            last = text[kept[-1][0]:kept[-1][1]].rstrip()
            if not (bullet or last.endswith(":") or (listy and line[:1].isspace())):
                break
        if bullet:
            listy = True
            points.append(_clean_line(line))
        elif points and (line[:1].isspace() or not prev_blank):
            points[-1] = f"{points[-1]} {line.strip()}".strip()
        kept.append((a, b))
        prev_blank = False
        para_started = True
    if not kept:
        block.body_end = block.body_start
        return
    block.body_start = kept[0][0] + len(text[kept[0][0]:kept[0][1]]) - len(text[kept[0][0]:kept[0][1]].lstrip())
    block.body_end = kept[-1][0] + len(text[kept[-1][0]:kept[-1][1]].rstrip())
    block.points = [p for p in points if p]
    block.reservations = reservations + _reservations_after(text, max(block.body_end, lines[-1][1] if lines else 0))


def _reservations_after(text: str, pos: int) -> list[tuple[int, int]]:
    """Reservation lines right after a block, also under their own "Reservation(er)" heading."""
    found: list[tuple[int, int]] = []
    heading_seen = False
    for a, b in line_spans(text, pos, min(len(text), pos + 3000)):
        line = text[a:b]
        if not line.strip():
            continue
        if not heading_seen and not found and is_reservation_heading(line):
            heading_seen = True
            continue
        if (heading_seen and not found or rules().reservation.search(fold(line))) and len(line) < 400:
            found.append(clean_span(text, a, b))
            continue
        break
    return found


def is_reservation_heading(line: str) -> bool:
    """A "Reservation" or "Reservationer" heading line."""
    return _RESERVATION_HEADING.fullmatch(_heading_key(line)) is not None


def clean_span(text: str, a: int, b: int) -> tuple[int, int]:
    """The span of line ``text[a:b]`` without its list marker and emphasis (what ``_clean_line`` keeps)."""
    line = text[a:b]
    kept = _clean_line(line)
    at = line.find(kept) if kept else -1
    return (a + at, a + at + len(kept)) if at >= 0 else (a, b)


def _clean_line(line: str) -> str:
    s = line.strip()
    while True:
        m = _MARKER.match(s)
        if not m or m.end() >= len(s):
            break
        s = s[m.end():].lstrip()
    return s.strip(" *_").strip()
