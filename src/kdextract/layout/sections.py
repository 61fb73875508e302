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

from kdextract.layout.cut_ends import cut_at_end
from kdextract.layout.field_entries import heads_entries, in_entry
from kdextract.layout.form import is_form_label
from kdextract.layout.inline_lists import enclosure_heading, listed_items, topic_heading
from kdextract.layout.item_documents import labelled_body
from kdextract.layout.heading_context import (has_body, heads_paragraph, heads_table, standalone, tight_closing,
                                             tight_known_heading, tight_list_end, over_subheading)
from kdextract.layout.numbered_items import (in_numbered_run, item_heading, item_value, lists_items, next_topic,
                                             tight_decimal)
from kdextract.layout.lines import COLUMN_GAP, Line, is_sentence_like, looks_like_heading, split_lines
from kdextract.layout.rules import rules
from kdextract.layout.signature_captions import signature_caption
from kdextract.layout.title_lines import case_from_next_line, folded_title, title_continued, title_from_next_line
from kdextract.layout.topic_labels import MIN_LABELS, label_line
from kdextract.models import Section, Source
from kdextract.pattern_cache import compile_re
from kdextract.text.view import TextView

_HEAD_WINDOW = 40  # lines searched for the document title
_LISTED = "sections/listed_subheading"  # a numbered part of a heading's list (see _list_under_heading)


def segment(view: TextView, lines: list[Line] | None = None) -> tuple[Section | None, list[Section]]:
    """The preamble (or None) and the sections of ``view.text``, in reading order; ``lines`` are its ``split_lines``
    where known (segment marks the title lines it takes); a last heading that a cut text stops inside is none."""
    text = view.text
    if lines is None:
        lines = split_lines(text, view.heading_marks)
    body_from = _after_title(lines)
    heads = _headings(lines, body_from)
    heads = heads[:-1] if heads and cut_at_end([h[0] for h in heads[-2:]], text) else heads
    sections = _spans(heads, text)
    return preamble_before(text, sections[0].start if sections else len(text)), sections


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
    """Index of the first line after the document title (0 when there is none).

    The title is a title line ("Protokoll", "Kommundirektörens rapport") or a running header
    that names the kind of document ("TJÄNSTESKRIVELSE Datum (40)"): what comes before it is
    the cover. A title stands above the items and headings: a title word after a § item or a known
    sub-heading is in the body ("Beslutsunderlag" / "Tjänsteskrivelse 2025-03-02").
    """
    seen = 0
    title_anywhere = rules().title_anywhere
    for i, line in enumerate(lines):
        if line.kind == "blank":
            continue
        seen += 1
        if seen > _HEAD_WINDOW or line.kind in ("paragraph", "sub"):
            break
        if line.kind == "title" or (line.page_start and title_anywhere.search(line.text)):
            return i + 1
    return 0


Heading = tuple[Line, int, str, str]


def _headings(lines: list[Line], body_from: int) -> list[Heading]:
    """(line, level, category, rule) for every heading line; a table of contents yields its entries
    where the body does not give the same items."""
    listed = listed_items(lines, body_from)  # "… omfattar tre områden:" over "1. Livsmedel": a list's points
    items = [i for i in range(body_from, len(lines)) if lines[i].kind == "paragraph"
             or lines[i].kind == "agenda" and i not in listed and item_heading(lines, i)]
    decimal = bool(items) and all(lines[i].kind == "agenda" and lines[i].depth > 1 for i in items)
    items = [] if decimal else items  # "4.2 Bärighet" with no "4." above: another text's numbering, no outline
    under = _list_under_heading(lines, body_from, items)
    items = [] if under is not None else items
    entries = [ln for ln in lines[body_from:] if ln.kind == "entry"]
    numbered = len(items) >= 2 or bool(entries) or any(lines[i].strong or _page_top(lines, i) for i in items)
    label_ends = {} if numbered else _topic_labels(lines, body_from)
    labels = len(label_ends)
    parts = set() if numbered else _document_parts(lines, body_from)
    bullet_topics = set() if numbered else _bullet_topics(lines, body_from)
    out: list[Heading] = []
    last_number, in_item, list_context = 0, False, False
    for i in range(body_from, len(lines)):
        line = lines[i]
        if i in listed:
            continue
        if line.kind in ("blank", "entry"):  # a blank ends a list under "…:" set tight (two entries over it)
            list_context = list_context and (line.kind == "entry" or not tight_list_end(lines, i))
            continue
        if line.kind == "agenda" and line.depth > 1:
            if in_item and (standalone(lines, i) or tight_decimal(lines, i, last_number)):
                out.append((line, min(line.depth, out[-1][1] + 1), "subheading", "sections/numbered_subheading"))
            elif decimal and standalone(lines, i, before_only=True) and has_body(lines, i):
                out.append((line, 1, "topic", "sections/decimal_heading"))
            continue
        if line.kind == "agenda" and under is not None:
            if i > under:
                out.append((line, 2, "subheading", _LISTED))
            continue
        if line.kind in ("agenda", "paragraph") and not lists_items(lines, i):
            if line.kind == "agenda":
                n = item_value(line.number)
                if n is not None and (n <= last_number or not numbered
                                      or not (standalone(lines, i) or in_numbered_run(lines, i) or labelled_body(lines, i)
                                              or next_topic(lines, i, n, last_number))):
                    continue
                if n is None and not standalone(lines, i, after_only=True):
                    continue
                last_number = n if n is not None else last_number
            if line.title_start >= line.title_end:
                title_from_next_line(lines, i)
            title_continued(lines, i)
            case_from_next_line(lines, i)
            category = "paragraph" if line.kind == "paragraph" else "agenda_item"
            out.append((line, 1, category, f"sections/{line.kind}"))
            in_item, list_context = True, False
            continue
        if line.kind == "sub" and (in_item or out and not (line.start in parts and _part_of_document(lines, i, out))):
            out.append((line, 2, "subheading", "sections/subheading"))
            list_context = False
            continue
        if line.kind == "sub" and not numbered and (standalone(lines, i, before_only=True)
                                                    or tight_known_heading(lines, i)) and has_body(lines, i):
            out.append((line, 1, "topic", "sections/subheading_topic"))
            continue
        if line.kind == "field" and not numbered and out and enclosure_heading(lines, i):
            out.append((line, 1, "topic", "sections/enclosure_heading"))
            continue
        if line.kind == "field" and not numbered and out and _label_over_prose(lines, i):
            out.append((line, 1, "topic", "sections/label_heading"))  # "Ersättare" over "Vid förfall för …"
            continue
        if line.kind == "text" and line.number is not None and not numbered \
                and standalone(lines, i, before_only=True) and has_body(lines, i):
            out.append((line, 1, "topic", "sections/section_label"))  # "Kontrollmoment 2: Attest" over its text
            continue
        if i in bullet_topics:  # "* Trygghetsvandring" over its points "  - …"
            out.append((line, 1, "topic", "sections/bullet_topic"))
            continue
        if labels >= MIN_LABELS and line.start in label_ends:  # "Ekonomi:" over its paragraph
            line.title_end = label_ends[line.start]
            out.append((line, 1, "topic", "sections/topic_label"))
            continue
        if not looks_like_heading(line) or list_context and line.heading_mark is None or signature_caption(line.text):
            if line.kind in ("text", "list"):
                list_context = line.text.endswith(":") or (list_context and not is_sentence_like(line.text))
            continue
        alone = standalone(lines, i) and (has_body(lines, i) or heads_entries(lines, i)) or tight_closing(lines, i) \
            or not numbered and over_subheading(lines, i)  # "Lokaler" set tight over "Bakgrund" and its text
        if in_entry(lines, i) or not (alone or not numbered and (heads_paragraph(lines, i) or heads_table(lines, i))):
            continue  # (inside numbered items a tight line is the item's own label: "Omröstning", "Yrkanden")
        if numbered or not alone and out and out[-1][1] >= 2 and out[-1][3] != _LISTED:  # a sibling of the subheadings
            if in_item or not numbered:
                out.append((line, 2, "subheading", "sections/inner_heading"))
            continue
        rule = "sections/markdown_heading" if line.heading_mark else "sections/standalone_line"
        out.append((line, 1, "topic", rule))
    _closing_heading(out)
    return _with_contents(out, entries, lines)


#: The glyph of a bulleted topic and the blanks after it.
_TOPIC_BULLET = compile_re(r"[*•▪►●][ \t]+")


def _bullet_topics(lines: list[Line], body_from: int) -> set[int]:
    """Bulleted lines that head the points indented under them, or the dash points right under them (flattened
    text lost the indent), in notes with no numbered items ("* Skolskjutsen" over "  - Bussen kommer sent …"): short, no sentence, after a blank, two or more of them; each titled without its
    bullet."""
    found: dict[int, int] = {}
    for i in range(max(body_from, 1), len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        bullet = _TOPIC_BULLET.match(line.text)
        if bullet is not None and lines[i - 1].kind == "blank" and nxt.kind == "list" \
                and (nxt.indent > line.indent or nxt.text[:1] in "-–") \
                and len(line.text.split()) <= 8 and not is_sentence_like(line.text):
            found[i] = line.start + bullet.end()
    if len(found) < 2:
        return set()
    for i, title_start in found.items():
        lines[i].title_start, lines[i].title_end = title_start, lines[i].end
    return set(found)


def _list_under_heading(lines: list[Line], body_from: int, items: list[int]) -> int | None:
    """The unnumbered heading whose body is the document's one run of numbered items ("Inkomna yttranden" over "1.
    Länsstyrelsen …", "2. Trafikverket …"), where unnumbered headings over prose stand before it and after the run
    ("Samrådets genomförande", "Fortsatt arbete"): the items are its parts, not the document's outline."""
    if len(items) < 2 or any(lines[i].kind != "agenda" for i in items):
        return None
    items = [i for i in range(items[0], len(lines)) if lines[i].kind == "agenda" and lines[i].depth == 1]
    if any(item_value(lines[i].number) != k for k, i in enumerate(items, start=1)):
        return None
    h = items[0] - 1
    while h > body_from and lines[h].kind == "blank":
        h -= 1

    def topic(j: int) -> bool:
        return COLUMN_GAP.search(lines[j].text) is None and topic_heading(lines, j)

    if not (topic(h) and standalone(lines, h)):  # (a blank under it: no table's header row over its rows)
        return None
    before = any(topic(j) for j in range(body_from, h))
    return h if before and any(topic(j) for j in range(items[-1] + 1, len(lines))) else None


def _topic_labels(lines: list[Line], body_from: int) -> dict[int, int]:
    """Start -> title end of each topic label that stands alone over its paragraph ("Ekonomi:", see
    ``layout.topic_labels``)."""
    out: dict[int, int] = {}
    for i in range(body_from, len(lines)):
        line = lines[i]
        if line.kind != "text" or not standalone(lines, i) or not has_body(lines, i):
            continue
        length = label_line(line.text)
        if length is not None:
            out[line.start] = line.start + length
    return out


def _document_parts(lines: list[Line], body_from: int) -> set[int]:
    """Starts of the known sub-headings that occur once in an unnumbered document: a sub-heading under every
    topic ("Diskussion", "Beslut" under each) recurs."""
    seen: dict[str, list[int]] = {}
    for line in lines[body_from:]:
        if line.kind == "sub":
            seen.setdefault(folded_title(line), []).append(line.start)
    return {found[0] for found in seen.values() if len(found) == 1}


def _part_of_document(lines: list[Line], i: int, heads: list[Heading]) -> bool:
    """The lone known sub-heading on line ``i`` heads a part of the document, a sibling of the last top-level
    heading in ``heads`` ("Beslut" between "Lägesbild" and "Uppgifter"): it follows prose under that heading, and
    that heading is a known one too ("Bakgrund" then "Beslut") or a further heading follows (a decision that closes
    the last topic is that topic's). A memo's opening ("Sammanfattning") under the first heading is no part: that
    heading is the memo's subject line."""
    last = heads[-1]
    if last[1] != 1 or len(heads) == 1 and folded_title(lines[i]) in rules().memo_openings:
        return False
    return _after_body(lines, i, last[0]) and (last[0].kind == "sub" or last[3] == "sections/section_label"
                                               or _heading_follows(lines, i))


def _after_body(lines: list[Line], i: int, head: Line) -> bool:
    """Line ``i`` follows prose under the heading line ``head`` (not only blanks)."""
    j = i - 1
    while j >= 0 and lines[j].start > head.start:
        if lines[j].kind not in ("blank", "furniture"):
            return True
        j -= 1
    return False


def _heading_follows(lines: list[Line], i: int) -> bool:
    """A heading stands somewhere after line ``i``: a known sub-heading, a list of enclosures or a short line
    over its body."""
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if line.kind == "sub" or line.kind == "field" and enclosure_heading(lines, j) or looks_like_heading(line) and (
                standalone(lines, j) and has_body(lines, j) or heads_paragraph(lines, j) or heads_table(lines, j)):
            return True
    return False


#: Fewest words of the sentence under a bare form label that make the label its heading.
_PROSE_WORDS = 6


def _label_over_prose(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a bare form label ("Ersättare") after a blank, over a paragraph of running prose ("Vid förfall
    för delegat beslutar …"): a heading, not a form's label over the names or values it lists."""
    if i + 1 >= len(lines) or not standalone(lines, i, before_only=True) or not is_form_label(lines[i].text.strip()):
        return False
    words = lines[i + 1].text.split()
    return lines[i + 1].kind == "text" and len(words) >= _PROSE_WORDS and words[1][:1].islower() \
        and is_sentence_like(lines[i + 1].text)


def _closing_heading(heads: list[Heading]) -> None:
    """The last heading, the first subheading of the last item, that closes the memo ("Åtgärder"): top level."""
    if len(heads) >= 2 and heads[-1][1] == 2 and heads[-2][1] == 1 \
            and folded_title(heads[-1][0]) in rules().closing_headings:
        heads[-1] = (heads[-1][0], 1, "topic", "sections/closing_heading")


def _page_top(lines: list[Line], i: int) -> bool:
    """Line ``i`` is the first of a page (after the page break and its running header)."""
    for prev in reversed(lines[:i]):
        if prev.kind == "blank" and not prev.page_start:
            continue
        return prev.page_start
    return False


def _with_contents(heads: list[Heading], entries: list[Line], lines: list[Line]) -> list[Heading]:
    """Table-of-contents entries for the items the body does not give (matched by number or title), each with the
    rest of a wrapped title and a case number on the lines under it, as an item."""
    if not entries:
        return heads
    numbers = {item_value(h.number) for h, level, _, _ in heads if level == 1} - {None}
    titles = {folded_title(h) for h, level, _, _ in heads if level == 1}
    kept: list[Heading] = []
    at = {id(line): k for k, line in enumerate(lines)}
    for entry in entries:
        if entry.title_start >= entry.title_end or entry.depth > 1:
            continue
        if item_value(entry.number) in numbers or folded_title(entry) in titles:
            continue
        title_continued(lines, at[id(entry)])  # an agenda's entry wrapped over lines, its Dnr under it
        case_from_next_line(lines, at[id(entry)])
        kept.append((entry, 1, "agenda_item", "sections/contents_entry"))
    return sorted([*heads, *kept], key=lambda h: h[0].start)


def _spans(heads: list[Heading], text: str) -> list[Section]:
    text_end = len(text)
    sections: list[Section] = []
    parents: dict[int, str] = {}  # the last section's id at each level
    for k, (line, level, category, rule) in enumerate(heads):
        end = text_end
        for other, other_level, _, _ in heads[k + 1:]:
            if other_level <= level:
                end = other.start
                break
        parents[level] = sid = f"sec-{k + 1}"
        parts = [(line.title_start, line.title_end), *line.title_rest] if line.title_rest else None
        title = " ".join(text[a:b] for a, b in parts or [(line.title_start, line.title_end)]).split()
        sections.append(Section(
            id=sid, title=" ".join(title), title_parts=parts, category=category,
            level=level, parent=parents.get(level - 1), number=line.number,
            case_number=text[line.case[0]:line.case[1]].strip() if line.case else None,
            start=line.start, end=max(end, line.end), title_start=line.title_start, title_end=line.title_end,
            body_start=min(line.end + 1, max(end, line.end)), body_end=max(end, line.end),
            source=Source(method="rule", name=rule, explanation=f"heading line {line.text[:40]!r}"),
        ))
    return sections


def preamble_before(text: str, first: int) -> Section | None:
    """The preamble: the text before the first heading at ``first``, or None where it is blank."""
    if not text[:first].strip():
        return None
    return Section(
        id="sec-0", title="", category="preamble", level=1, parent=None, start=0, end=first,
        title_start=0, title_end=0, body_start=0, body_end=first,
        source=Source(method="rule", name="sections/preamble", explanation="text before the first heading"),
    )
