"""Rule-based section segmentation of the working text.

Numbered agenda items ("4. Samordnad varudistribution") and protocol paragraphs ("§ 83",
"KS § 80") are top-level sections when a document has them; otherwise short standalone
heading lines are. Known sub-headings ("Diskussion", "Beslut", "Förslag till beslut")
and other headings inside an item are level 2. Text before the first heading is the
preamble; letterhead, page furniture, contact footers and signatures never head a section.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence

from kdextract.layout.lines import Line, is_sentence_like, looks_like_heading, split_lines
from kdextract.models import Section, Source
from kdextract.text.view import TextView

_HEAD_WINDOW = 40  # lines searched for the document title


def segment(view: TextView) -> tuple[Section | None, list[Section]]:
    """The preamble (or None) and the sections of ``view.text``, in reading order."""
    text = view.text
    lines = split_lines(text, view.heading_marks)
    body_from = _after_title(lines)
    heads = _headings(lines, body_from)
    sections = _spans(heads, text)
    first = sections[0].start if sections else len(text)
    preamble = _preamble(text, first)
    return preamble, sections


def section_at(sections: Sequence[Section], offset: int) -> str | None:
    """Id of the innermost section containing ``offset``."""
    return SectionIndex(sections).id_at(offset)


class SectionIndex:
    """The innermost section at any offset, by bisection (built once per list of sections).

    Innermost: the deepest level among the sections containing the offset, the last of them
    in list order on a tie.
    """

    def __init__(self, sections: Sequence[Section]) -> None:
        self._cuts = sorted({x for s in sections for x in (s.start, s.end)})
        self._best: list[Section | None] = []  # the answer on [cuts[k], cuts[k + 1])
        order = sorted(range(len(sections)), key=lambda i: sections[i].start)
        open_: list[tuple[int, int]] = []  # heap of (-level, -index) of the sections begun so far
        j = 0
        for cut in self._cuts:
            while j < len(order) and sections[order[j]].start <= cut:
                heapq.heappush(open_, (-sections[order[j]].level, -order[j]))
                j += 1
            while open_ and sections[-open_[0][1]].end <= cut:
                heapq.heappop(open_)
            self._best.append(sections[-open_[0][1]] if open_ else None)

    def at(self, offset: int) -> Section | None:
        """The innermost section containing ``offset``, or None."""
        k = bisect_right(self._cuts, offset) - 1
        return self._best[k] if k >= 0 else None

    def id_at(self, offset: int) -> str | None:
        """Id of the innermost section containing ``offset``, or None."""
        best = self.at(offset)
        return best.id if best else None


def _after_title(lines: list[Line]) -> int:
    """Index of the first line after the document title (0 when there is none)."""
    seen = 0
    for i, line in enumerate(lines):
        if line.kind == "blank":
            continue
        seen += 1
        if seen > _HEAD_WINDOW:
            break
        if line.kind == "title":
            return i + 1
    return 0


def _headings(lines: list[Line], body_from: int) -> list[tuple[Line, int, str, str]]:
    """(line, level, category, rule) for every heading line."""
    numbered = any(line.kind in ("agenda", "paragraph") for line in lines[body_from:])
    out: list[tuple[Line, int, str, str]] = []
    last_number = 0
    in_item = False
    list_context = False
    for i in range(body_from, len(lines)):
        line = lines[i]
        if line.kind == "blank":
            continue
        if line.kind in ("agenda", "paragraph"):
            if line.kind == "agenda":
                n = int(line.number or 0)
                if n <= last_number or not _standalone(lines, i):
                    continue
                last_number = n
            if line.kind == "paragraph" and line.title_start == line.start:
                _title_from_next_line(lines, i)
            out.append((line, 1, "agenda_item" if line.kind == "agenda" else "paragraph", f"sections/{line.kind}"))
            in_item, list_context = True, False
            continue
        if line.kind == "sub" and (in_item or out):
            out.append((line, 2, "subheading", "sections/subheading"))
            list_context = False
            continue
        if not looks_like_heading(line) or list_context and line.heading_mark is None:
            if line.kind in ("text", "list"):
                list_context = line.text.endswith(":") or (list_context and not is_sentence_like(line.text))
            continue
        if not (_standalone(lines, i) and _has_body(lines, i)):
            continue
        if numbered:
            if in_item:
                out.append((line, 2, "subheading", "sections/inner_heading"))
            continue
        rule = "sections/markdown_heading" if line.heading_mark else "sections/standalone_line"
        out.append((line, 1, "topic", rule))
    return out


def _title_from_next_line(lines: list[Line], i: int) -> None:
    """A bare "§ 49" takes its title from the next heading-like line (skipping a Dnr line)."""
    for nxt in lines[i + 1:i + 5]:
        if nxt.kind in ("blank", "field", "furniture"):
            continue
        if nxt.kind == "text" and not is_sentence_like(nxt.text) and len(nxt.text) <= 150:
            lines[i].title_start, lines[i].title_end = nxt.start, nxt.end
            nxt.kind = "furniture"  # consumed as the title
        else:
            lines[i].title_end = lines[i].title_start
        return


def _standalone(lines: list[Line], i: int) -> bool:
    """Blank (or nothing) before and after line ``i``; a markdown heading always stands alone."""
    if lines[i].heading_mark is not None:
        return True
    before = i == 0 or lines[i - 1].kind in ("blank", "furniture")
    after = i + 1 >= len(lines) or lines[i + 1].kind in ("blank", "furniture")
    return before and after


def _has_body(lines: list[Line], i: int) -> bool:
    """The next non-blank line is prose, not another heading candidate, a footer or a label."""
    for line in lines[i + 1:]:
        if line.kind in ("blank", "furniture"):
            continue
        if line.kind in ("contact", "field", "title"):
            return False
        if line.kind in ("list", "agenda", "paragraph", "sub"):
            return True
        if line.text[:1].islower():
            return False  # the candidate is the first half of a broken sentence
        return not looks_like_heading(line) or is_sentence_like(line.text) or len(line.text) > 60
    return False


def _spans(heads: list[tuple[Line, int, str, str]], text: str) -> list[Section]:
    text_end = len(text)
    sections: list[Section] = []
    parent: str | None = None
    for k, (line, level, category, rule) in enumerate(heads):
        end = text_end
        for other, other_level, _, _ in heads[k + 1:]:
            if other_level <= level:
                end = other.start
                break
        sid = f"sec-{k + 1}"
        if level == 1:
            parent = sid
        title = text[line.title_start:line.title_end].strip()
        sections.append(Section(
            id=sid, title=title, category=category,
            level=level, parent=None if level == 1 else parent, number=line.number,
            start=line.start, end=max(end, line.end), title_start=line.title_start, title_end=line.title_end,
            body_start=min(line.end + 1, max(end, line.end)), body_end=max(end, line.end),
            source=Source(method="rule", name=rule, explanation=f"heading line {line.text[:40]!r}"),
        ))
    return sections


def _preamble(text: str, first: int) -> Section | None:
    if not text[:first].strip():
        return None
    return Section(
        id="sec-0", title="", category="preamble", level=1, parent=None, start=0, end=first,
        title_start=0, title_end=0, body_start=0, body_end=first,
        source=Source(method="rule", name="sections/preamble", explanation="text before the first heading"),
    )
