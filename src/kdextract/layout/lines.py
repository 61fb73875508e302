"""Lines of the working text, classified by the section rules in ``resources/sv/sections.json``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from kdextract.layout.columns import COLUMN_GAP as COLUMN_GAP
from kdextract.layout.item_documents import body_label_line, labelled_body, mark_documents
from kdextract.layout.item_notes import title_before_notes
from kdextract.layout.items import head_at, presenter_note
from kdextract.layout.pages import EDGE_LINES
from kdextract.layout.presenter_column import bare_presenter, cut_presenters
from kdextract.layout.rules import CompiledSectionRules, rules
from kdextract.layout.title_ends import before_dashed_presenter, bracketed_case, hanging_rest, trailing_case
from kdextract.layout.words import is_first_name, is_role
from kdextract.pattern_cache import compile_re
from kdextract.text.ocr_letters import digits_read_as_letters

LineKind = Literal["blank", "wrapper", "furniture", "contact", "field", "toc", "title", "agenda", "paragraph", "sub",
                   "case", "entry", "list", "text"]


@dataclass
class Line:
    """One line: its stripped content span in the working text and what it looks like."""

    start: int
    end: int
    text: str
    kind: LineKind = "text"
    number: str | None = None
    title_start: int = 0
    title_end: int = 0
    title_rest: list[tuple[int, int]] | None = None  # the rest of a title wrapped beside its row's cells
    heading_mark: int | None = None  # markdown heading level, 0 for a bold-only line
    case: tuple[int, int] | None = None  # span of the case number (Dnr) the line gives
    page_start: bool = False  # the line opens a page (a form feed marks it)
    depth: int = 1  # "4.1 Driftbudget" is an item at depth 2
    strong: bool = False  # an item head the text marks as one: "§", "4.", a committee prefix or a case number
    indent: int = 0  # blanks before the content
    documents: bool = False  # the line lists an item's documents ("Beslutsunderlag: …", ``layout.item_documents``)

    def __copy__(self) -> Line:
        """``copy.copy``'s shallow copy without its generic reduce and rebuild (a fifth of the time)."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new


_BANNER = compile_re(r"^[\p{Lu}\d\W]{25,}$")
_SENTENCE_END = compile_re(r"[.,;]$")
_SENTENCES = compile_re(r"\p{Ll}[.!?][ \t]+\p{Lu}\p{Ll}")  # a sentence's end and the next one's start
_TRAILING_PAGE = compile_re(r"(?:[ \t]*(?:\.{2,}|…+|(?:\.[ \t]){2,})[ \t]*\d{0,3}|[ \t]+\d{1,3})[ \t]*$")
#: A property named last in a title after a comma ("…, carport utan startbesked, Kvarnen 7"): its number no page.
_PROPERTY_END = compile_re(r",[ \t]*\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?[ \t]+\d{1,3}[ \t]*$")
_PRESENTERS = compile_re(r"(?:,[ \t]*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2})+$")
_DIGITS = compile_re(r"\d+")
#: a page number alone in the last column of a line, after a wide gap
_PAGE_NUMBER_COLUMN = compile_re(r"(?:\t|[ ]{3,})[ \t]*\d{1,3}$")
#: A lettered entry of an agenda ("c) Årsredovisning 2025"): its letter and where its title starts.
_LETTERED = compile_re(r"(?P<letter>[a-zåäö])\)[ \t]+(?=\p{Lu})")
#: Most words in the title of an item numbered without "§" or a dot ("13 Rapportering av …").
ITEM_TITLE_WORDS = 30
#: Longest title of a "4." line (a longer one is a numbered paragraph of prose).
MARKED_TITLE_CHARS = 151
#: Fewest pages a running header or footer recurs on (in text without page breaks: fewest copies).
BANNER_REPEATS = 3
#: Longest line taken for an item heading (a title line, not a paragraph of prose).
ITEM_LINE_MAX = 220


def split_lines(text: str, heading_marks: dict[int, int]) -> list[Line]:
    """Every line of ``text`` with its stripped span and its rule-based kind."""
    r = rules()
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        line = Line(pos + lead, pos + lead + len(content), content, page_start=raw.startswith("\f"), indent=lead)
        line.heading_mark = heading_marks.get(pos)
        _classify(text, line, r)
        out.append(line)
        pos += len(raw) + 1
    _mark_repeated_banners(out, r)
    _bare_item_words(out, r)
    mark_documents(out)
    mark_contents(out)
    cut_presenters(text, out)
    return out


def _classify(text: str, line: Line, r: CompiledSectionRules) -> None:
    s = line.text
    line.title_start, line.title_end = line.start, line.end
    if not s:
        line.kind = "blank"
        return
    if line.page_start or (_BANNER.match(s) and " " not in s):
        line.kind = "furniture"
        return
    category = next((c for c in r.order if not (c == "contact" and len(s) >= 100) and r.by_category[c](s)),
                    "field" if r.addressee_alone(s, line.indent) else None)  # "      Tekniska utskottet" in a memo
    if category is not None:
        line.kind = category
        return
    if (dated := r.dated_heading.match(s)) is not None:
        line.title_start = line.start + dated.end()  # "4 maj | Ny förskola": the title follows the bar
        return
    if (label := r.section_label.match(s)) is not None:
        line.title_start = line.start + label.end()  # "Avsnitt 5.2 Statliga servicepunkter": a report's part
        line.number = label.group("number")
        return
    if _item(text, line, r):
        return
    if (lab := r.case_label.match(s)) and (m := r.case.search(s)) is not None \
            and (m.start() <= 12 or s[lab.end() - 1] == ":" and m.start() <= lab.end() + 2):  # "Ärendenummer: …"
        line.kind, line.case = "case", (line.start + m.start(), line.start + m.end())
    elif s[0].isupper() and r.case.fullmatch(s) is not None:  # "RS/2026/0412" alone, without its "Dnr"
        line.kind, line.case = "case", (line.start, line.end)
    elif digits_read_as_letters(s.rstrip(":").strip()).casefold() in r.subheadings:  # OCR's "Förslag ti11 beslut"
        line.kind = "sub"
        line.title_end = line.start + len(s.rstrip(":").rstrip())
    elif r.list_item.match(s) and line.heading_mark is None:
        line.kind = "list"


def _bare_item_words(lines: list[Line], r: CompiledSectionRules) -> None:
    """"Ärende 3" (or "Punkt 3") alone on its line over a title ("Delårsrapport 2026"): one item head, the title
    the next non-blank line, which is consumed; over a date, a label, a sentence or another item it stays text."""
    for i, line in enumerate(lines):
        if line.kind != "text" or (m := r.bare_item_word.fullmatch(line.text)) is None:
            continue
        nxt = next((n for n in lines[i + 1:i + 3] if n.kind != "blank"), None)
        if nxt is None or nxt.kind not in ("text", "sub") or not nxt.text[0].isupper() \
                or len(nxt.text) > MARKED_TITLE_CHARS or is_sentence_like(nxt.text) \
                or r.bare_item_word.match(nxt.text) or r.bare_item_not_title.match(nxt.text):
            continue
        line.kind, line.number, line.strong = "agenda", m.group("n"), True
        line.title_start, line.title_end = nxt.start, nxt.end
        nxt.kind = "furniture"  # consumed as the title


#: Fewest words of a numbered question that is no item heading ("Frågor?" may head one).
QUESTION_WORDS = 4


def _item(text: str, line: Line, r: CompiledSectionRules) -> bool:
    """An item line: "§ 47 Title", "KF § 12 KF/2016:114", "100 Title", "4. Title", "MBN 21/417 Title, Presenter"."""
    s = line.text
    if len(s) > ITEM_LINE_MAX or not (s[0].isdigit() or s[0] == "§" or s[0].isupper()):
        return False
    head = head_at(text, line.start, line.end, line_start=True)
    if head is None:
        return False
    title = text[head.title_start:line.end]
    columns_from = None
    gap = _column_gap(title, r)
    if gap is not None:  # later columns: a presenter, a case number, a time
        columns_from, title = head.title_start + gap[1], title[:gap[0]]
        if not head.marked and r.table_date.search(text, head.title_start + gap[0], line.end):
            return False  # a numbered row of a register that ends in its date, no agenda item
    title = title_before_notes(text, head.title_start, title)  # "… Beslutsunderlag: …", "… - Gicks igenom."
    initials = False  # the title ends in initials ("… familjehem, A.B."): their point is the title's
    if title.endswith(".") and not title.endswith("..") and head.kind == "paragraph":
        initials = "." in title.split()[-1][:-1]
        title = title[:-1]  # "Bun 14 Val av justerare." in flattened text
    wrapped = title.endswith(",") and hanging_rest(text, line.end, head.title_start)  # "…förbund," / "   Eva Ek"
    if title and (not title[0].isupper() and title[0] not in "«\"”'"
                  or is_sentence_like(title[:-1] if wrapped else title, 16 if head.marked else ITEM_TITLE_WORDS)):
        if not (head.marked and head.kind == "paragraph"):
            return False
        title = ""
    if head.kind == "case" and (not title or head.case is None or head.case[0] != line.start):
        return False
    if head.kind == "agenda" and title.endswith("?") and len(title.split()) >= QUESTION_WORDS:
        return False  # "1. Hur lång är väntetiden i dag?": a numbered question of a letter, no agenda item
    if head.marked and head.kind == "agenda" and len(title) > MARKED_TITLE_CHARS:
        return False
    line.kind = "paragraph" if head.kind == "paragraph" else "agenda"
    line.number, line.case = head.number, head.case
    if line.case is None and columns_from is not None and (m := r.case.search(text, columns_from, line.end)):
        line.case = (m.start(), m.end())
    line.strong = head.marked or head.case is not None or head.kind == "paragraph"
    line.depth = head.depth
    line.title_start = head.title_start if title else line.end
    line.title_end = line.end
    if title:
        named = _PROPERTY_END.search(title) or r.numbered_name_end.search(title)  # "…, Kvarnen 7", "… väg 97"
        end = head.title_start + len(title if named else _TRAILING_PAGE.sub("", title))
        if initials and end == head.title_start + len(title):
            end += 1
        if head.kind == "case":
            end -= len(text[head.title_start:end]) - len(_PRESENTERS.sub("", text[head.title_start:end]))
        end = before_dashed_presenter(text, head.title_start, end)
        line.title_end = max(line.title_start, end)
        case = trailing_case().search(text, head.title_start, line.title_end)
        if case is not None and case.start() > head.title_start:  # "… i kvarteret Lotsen Dnr KS 2025/611"
            line.title_end = case.start()
            line.case = line.case or case.span("case")
        if (bracketed := bracketed_case().search(text, head.title_start, line.title_end)) is not None \
                and bracketed.start() > head.title_start:  # "4. Borgen för Ekby Lokaler AB (KS 2026/301)"
            line.title_end, line.case = bracketed.start(), line.case or bracketed.span("case")
        note = text.rfind(" (", head.title_start, line.title_end)
        if note > head.title_start and presenter_note(text, note + 1, line.title_end) == line.title_end:
            line.title_end = note  # "3. Budget (Eva Ek, ekonom, kl. 13.10–13.30)": who presents it, and when
    return True


#: The dashes that a table writes in a cell it leaves empty ("6   Delegationsbeslut      –").
_EMPTY_CELL = "–—-"


def labelled_case(line: Line) -> tuple[int, int] | None:
    """The case number of a form line of its label and a colon ("Dnr: KS 2026/12"), or None."""
    label = rules().case_label.match(line.text)
    rest = line.text[label.end():].lstrip() if label is not None else ""
    return None if not rest or rules().case.fullmatch(rest) is None else (line.end - len(rest), line.end)


def _column_gap(title: str, r: CompiledSectionRules) -> tuple[int, int] | None:
    """The first gap in ``title`` that ends its column: three blanks or a tab, after a word a title may end in (any
    word before a case number, or before a presenter: a role word, a given name and a capital) and before a capital or
    a digit (a presenter, a case number, a time), a dash that fills an empty cell or a page reference ("sid 16–17")."""
    for gap in COLUMN_GAP.finditer(title):
        before, after, then = title[:gap.start()].split(), title[gap.end():gap.end() + 2], title[gap.end():].split()
        presenter = bool(then) and (is_role(then[0])
                                    or len(then) > 1 and is_first_name(then[0]) and then[1][:1].isupper())
        ends = bool(before) and before[-1].casefold() not in r.title_stop_words
        if before and (ends or presenter or r.case.match(title, gap.end())) and (
                after[:1].isupper() or after[:1].isdigit() or after[:1] in _EMPTY_CELL and after[1:].strip() == ""
                or r.page_reference.fullmatch(title.rstrip(), gap.end()) is not None):  # "…   sid 12–15"
            return gap.start(), gap.end()
    return None


def mark_contents(lines: list[Line]) -> None:
    """The entries of a table of contents (after an "Innehållsförteckning"/"Ärendelista" line) become "entry" lines.

    The list ends at page furniture, at a line of prose (two sentences), or where item numbers start again (the
    body after the table) or an item's body label stands right under a numbered line ("Ärenden" over "1. Val av
    justerare" over "Föredragande: …"). Where most entries are numbered, unnumbered lines after the last numbered
    one are notes under the table ("Ärendet utgick"), not entries, and those before the first one the table's head
    (the meeting's time and place, a header row "Ärende   Dnr   Föredragande"). Items lettered "a)", "b)", … are
    entries too (a kungörelse's "Ärenden"), the letter their number; after a numbered entry its sub-items ("3.
    Delegationsbeslut" over "a) Bygglov"). Lines indented under an entry (its "Beslutsunderlag", files, presenter,
    a note) belong to it, as do its documents, case number and presenter however set (``Line.documents``); an
    interleaved members' column ("Eva Ek (M), ordförande") is no end, a paragraph of prose after them is.
    """
    i = 0
    while i < len(lines):
        if lines[i].kind != "toc":
            i += 1
            continue
        seen: list[int] = []
        block: list[Line] = []
        letters: dict[int, int] = {}  # a lettered entry's line start -> where its title starts
        j = i + 1
        misses = 0
        under: int | None = None  # the indent of the numbered entry that indented lines belong to
        while j < len(lines):
            line = lines[j]
            lettered = _LETTERED.match(line.text) if line.kind == "list" else None
            if line.kind == "blank" or block and (line.documents or line.kind == "case" or _member(line.text)
                                                  or body_label_line(line.text.strip())) \
                    or lettered is not None and seen \
                    or under is not None and line.indent > under and line.number is None \
                    and not _LETTERED.match(line.text):
                j += 1
                continue
            if line.kind == "furniture" or len(line.text) > ITEM_LINE_MAX:
                break
            value = _number_value(line.number)
            if line.kind in ("agenda", "paragraph") and value is not None and (
                    seen and value <= seen[-1] or labelled_body(lines, j, documents=False)):
                break  # the body's items: numbers start again, or the item's body under it ("Ärende: …")
            entry = line.kind in ("agenda", "paragraph") or bool(_TRAILING_PAGE.search(line.text)) or (
                line.kind in ("text", "sub", "title") and line.text[:1].isupper() and not is_sentence_like(line.text))
            if lettered is not None and ord(lettered["letter"]) == ord("a") + len(letters) \
                    and not is_sentence_like(line.text[lettered.end():]):
                entry, letters[line.start] = True, line.start + lettered.end()
            if not entry:
                misses += 1
                if misses >= 2 or block and (lines[j - 1].kind == "blank" and _SENTENCE_END.search(line.text)
                                             or _SENTENCES.search(line.text)):
                    break  # two lines that are no entry, or a paragraph of prose (or two sentences) after the list
                j += 1
                continue
            misses = 0
            if value is not None:
                seen.append(value)
            under = line.indent
            block.append(line)
            j += 1
        numbered = [k for k, line in enumerate(block) if line.number or line.start in letters]
        if numbered and 2 * len(numbered) > len(block):
            block = block[numbered[0]:numbered[-1] + 1]
        for line in block:
            line.kind = "entry"
            if line.start in letters:
                line.number, line.title_start = line.text[0], letters[line.start]
            if line.title_start == line.start and line.number is None:
                line.title_end = line.start + len(_TRAILING_PAGE.sub("", line.text))
        i = j


def _member(text: str) -> bool:
    """A member's line ("Eva Ek (M), ordförande"), its label ("Ersättare") or a presenter ("Eva Ek, ekonom")."""
    m, bare = rules().member_line.match(text.strip()), text.strip()
    return m is not None and (m.group("given") is None or is_first_name(m.group("given"))) \
        or bare_presenter(bare, 0, len(bare)) is not None


def _number_value(number: str | None) -> int | None:
    digits = _DIGITS.search(number or "")
    return int(digits.group()) if digits else None


def _mark_repeated_banners(lines: list[Line], r: CompiledSectionRules) -> None:
    """Short lines that repeat on three or more pages (running headers and footers) are page furniture.

    Where the text has page breaks (form feeds), only copies among the first or last lines of a
    page count, each page once; without them, any three copies do. An item-part label after its
    owner ("Arbetsutskottets beslut") recurs once per item, not per page, and is never one.
    """
    candidates = [i for i, line in enumerate(lines) if line.kind in ("text", "title") and len(line.text) < 80
                  and not r.item_part.fullmatch(line.text)]
    if any(line.page_start for line in lines):
        edges = _page_edges(lines)
        candidates = [i for i in candidates if i in edges]
        pages: dict[str, set[int]] = {}
        for i in candidates:
            pages.setdefault(lines[i].text, set()).add(edges[i])
        counts = Counter({text: len(found) for text, found in pages.items()})
    else:
        counts = Counter(_banner_key(lines[i].text) for i in candidates)
    for i in candidates:
        if counts[_banner_key(lines[i].text)] >= BANNER_REPEATS:
            lines[i].kind = "furniture"


def _banner_key(line: str) -> str:
    """A running header's or footer's text without the page number at its right margin ("Ekby kommun      3")."""
    return _PAGE_NUMBER_COLUMN.sub("", line) or line


def _page_edges(lines: list[Line]) -> dict[int, int]:
    """The indices of the first and last ``EDGE_LINES`` non-blank lines of each page, with their page's number."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.page_start:
            pages.append([])
        if line.kind != "blank":
            pages[-1].append(i)
    return {i: n for n, page in enumerate(pages) for i in [*page[:EDGE_LINES], *page[-EDGE_LINES:]]}


#: A presenter's line under an agenda item: a dash, a name and a lower-case title ("– Eva Ek, ekonom").
_PRESENTER_LINE = compile_re(r"[–—-][ \t]*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}"
                                r"[ \t]*,[ \t]*\p{Ll}[\p{L} -]{0,40}")


def is_presenter(line: Line) -> bool:
    """A list line that only names who presents the item above it."""
    return line.kind == "list" and _PRESENTER_LINE.fullmatch(line.text) is not None


def looks_like_heading(line: Line) -> bool:
    """Shape test for an unnumbered heading line (context is checked by the segmenter)."""
    r = rules()
    s = line.text
    if line.kind != "text" or "\t" in s:
        return False
    if line.heading_mark is not None:
        return True
    words = s.split()
    if len(s) > r.max_chars or len(words) > r.max_words:
        return False
    if not (s[0].isupper() or s[0].isdigit()) or s.endswith(":") or (
            _SENTENCE_END.search(s) and not s.endswith(r.title_abbreviation_ends)):
        return False
    if len(words) > 1 and _case_label_end().search(s):
        return False  # "… den 8 april. Dnr": prose whose next line a labelled case number opens in flattened text
    return any(sum(c.isalpha() for c in w) >= 3 for w in words)


@lru_cache(maxsize=1)
def _case_label_end() -> regex.Pattern[str]:
    """A case number's label that ends a line, its number on the next ("Dnr")."""
    return compile_re(r"(?<!\S)(?i:" + rules().case_label.pattern + r")$")


def is_sentence_like(s: str, max_words: int = 16) -> bool:
    """A line that ends like running prose."""
    return bool(_SENTENCE_END.search(s)) or s.endswith(":") or len(s.split()) > max_words
