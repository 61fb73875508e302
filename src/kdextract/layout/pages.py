"""Page furniture of archive text: hosting-site wrapper lines, transcript page numbers, running headers.

Document-hosting sites and meeting portals wrap the text in lines of their own ("Storlek: px",
"Transkript", "Hoppa över navigering"); PDF-to-text transcripts put each page on one line
that starts with its number ("3 Barn- och utbildningsnämnden PROTOKOLL (6) 27 …"), often
after the running header that the page repeats. These functions return the replacements
that blank the wrapper lines, turn a page number into a form feed (``\\f``, the page break of
PDF text tools) and put the running header on a line of its own, which the line classifier
then treats as furniture. A short line that OCR damaged is a wrapper line where, its look-alike letters in
numbers read as digits, the wrapper patterns match it with any space lost ("Z40kb Laddaner dokument").
Offsets stay exact: every change is a ``TextView`` replacement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.text.fold import fold
from kdextract.text.ocr_numbers import LOOKALIKES
from kdextract.text.required_words import may_match, required_lower
from kdextract.text.view import Replacement
from kdextract.text.word_starts import lower_comparable

#: Shortest page line of a flattened transcript (a page that kept its line breaks is shorter).
FLAT_PAGE = 200
#: Longest line blanked as a whole wrapper line (a cookie banner of a few sentences); a longer line is a flattened
#: page, in which only the wrapper phrases run into it are blanked.
WRAPPER_LINE = 400
#: Most pages a transcript may skip between two page lines (blank pages lose their line).
PAGE_GAP = 10
#: Lines on each side of a page break (and at the text's ends) searched for running headers and footers.
EDGE_LINES = 4
#: Longest line taken for a running header or footer.
EDGE_LINE_CHARS = 100
#: The second item of a list whose first one opens a line ("1  Val av justerare 2  Godkännande …").
_SECOND_ITEM = compile_re(r"[ \t]2\.?[ \t]+\p{Lu}")
#: Most words of a list's first title before its second item's number.
FIRST_TITLE_WORDS = 8
#: A sentence's end inside the text before a "2" (prose, no list's first title).
_SENTENCE_END = compile_re(r"[.!?](?:\s|$)")
#: A page number or counter at the end of a running header ("Protokoll 2", "Kommunstyrelsen 3(8)", "… Sida 2 av 3");
#: never the number after a "§" (an item's own head, "§ 2", that opens a page).
_TRAILING_PAGE = compile_re(r"(?<![§ \t])[ \t]+(?:\d{1,3}[ \t]?(?:\([ \t]?\d{1,3}[ \t]?\))?|\([ \t]?\d{1,3}[ \t]?\)"
                            r"|sida?\.?[ \t]*\d{1,3}(?:[ \t]*(?:av|/)[ \t]*\d{1,3})?)$")
#: Tokens at the top of a page searched for its counter or its running header.
HEADER_TOKENS = 12

_LINE = compile_re(r"[^\n]*")
#: Longest line read as a wrapper line that OCR damaged (spaces lost, letters for digits: "Z40kb Laddaner dokument").
OCR_WRAPPER_LINE = 80
_LOOKALIKES = "".join(sorted(LOOKALIKES))
#: A number OCR printed with look-alike letters ("Z40"): at least as many digits as look-alikes.
_LOOKALIKE_NUMBER = compile_re(rf"(?<![\p{{L}}\p{{N}}])[0-9{_LOOKALIKES}]*[0-9][0-9{_LOOKALIKES}]*")
#: (never the number of a "12 §" item, which some minutes write before the sign)
_PAGE_NUMBER = compile_re(
    r"[ \t]*(?P<n>\d{1,3})(?=[ \t]|$)(?![ \t]*§)(?:[ \t]+(?P=n)(?=[ \t]|$)(?![ \t]*\())?[ \t]*")
_COUNTER = compile_re(r"(?:\d{1,3}[ \t]?)?\([ \t]?\d{1,3}[ \t]?\)|(?i:sida?)\.?[ \t]*\d{1,3}[ \t]*(?:av|/)[ \t]*\d{1,3}")
_LEAD_COUNTER = compile_re(r"[ \t]*(?P<n>\d{1,3})[ \t]?\([ \t]?\d{1,3}[ \t]?\)")
_TOKEN = compile_re(r"\S+")


_BLANKS = compile_re(r"[ \t]*")
#: The gap between the cells of a letterhead line.
_CELL_GAP = compile_re(r"[ \t]{3,}|\t")


def wrapper_edits(text: str) -> list[Replacement]:
    """Blank the lines of hosting-site wrappers (keeping a quoted title; a page marker "(2)" becomes a form feed);
    elsewhere (a line longer than ``WRAPPER_LINE`` is never a wrapper line) the wrapper phrases run into a line,
    each replaced by a line break."""
    pattern = rules().wrapper
    scan = lower_comparable(text)
    words = _inline_words()
    reps: list[Replacement] = []
    for line in _LINE.finditer(text):
        content = line.group().strip()
        if not content:
            continue
        m = pattern.fullmatch(content) if len(content) <= WRAPPER_LINE else None
        if m is None and len(content) <= OCR_WRAPPER_LINE:
            m = rules().ocr_wrapper.fullmatch(_LOOKALIKE_NUMBER.sub(_digits, content))
        if m is None:
            if scan is None or may_match(words, scan[line.start():line.end()]):  # (most lines hold no wrapper phrase)
                reps += _inline_wrapper_edits(text, line.start(), line.end())
            continue
        start = line.start() + line.group().index(content)
        end = start + len(content)
        groups = m.groupdict()
        if groups.get("page") is not None:
            reps.append((start, end, "\f", "page break"))
        elif groups.get("keep") is not None:
            kept = sorted(m.span(g) for g, v in groups.items() if g.startswith("keep") and v is not None)
            bounds = [0] + [x for span in kept for x in span] + [end - start]  # blank around each kept part
            reps += [(start + a, start + b, "\n" if 0 < a and b < end - start else "", "hosting-site wrapper")
                     for a, b in zip(bounds[::2], bounds[1::2])]  # (kept parts apart on lines of their own)
        else:
            reps.append((start, end, "", "hosting-site wrapper"))
    return [r for r in reps if r[0] < r[1] or r[2]]


def _digits(m: regex.Match[str]) -> str:
    """The number ``m`` as printed, its look-alike letters read as digits where digits are the more (same length)."""
    run = m.group()
    digits = sum(c.isdigit() for c in run)
    return "".join(LOOKALIKES.get(c, c) for c in run) if 2 * digits >= len(run) else run


@lru_cache(maxsize=1)
def _inline_words() -> frozenset[str] | None:
    """Lower-cased strings of which every wrapper phrase holds one (``text.required_words``)."""
    return required_lower(rules().inline_wrapper.pattern, regex.IGNORECASE)


def _inline_wrapper_edits(text: str, start: int, end: int) -> list[Replacement]:
    """The wrapper phrases inside a flattened line, each a line break (its "keep" group a line of its own)."""
    reps: list[Replacement] = []
    for m in rules().inline_wrapper.finditer(text, start, end):
        if m.group("keep") is not None:
            reps += [(m.start(), m.start("keep"), "\n", "hosting-site wrapper"),
                     (m.end("keep"), m.end(), "\n", "hosting-site wrapper")]
        else:
            reps.append((m.start(), m.end(), "\n", "hosting-site wrapper"))
    return reps


def _opens_date(text: str, start: int, end: int) -> bool:
    """Whether a month's name follows the number that opens a line: a day ("3 maj 2024"), no page number."""
    tok = _TOKEN.match(text, start, end)
    return tok is not None and tok.group().casefold() in rules().year_after


@dataclass(frozen=True)
class Page:
    """A page of a flattened transcript: its line, page number and the end of its running header."""

    start: int
    end: int
    number: int
    prefix_end: int  # end of the page number (and its repetition) that opens the line; ``start`` if none
    header_end: int | None


def transcript_pages(text: str) -> list[Page]:
    """The page lines of a PDF-to-text transcript, each opened by its page number or counter, numbered 1, 2, 3 …

    Page lines are long (a flattened page) or carry a page counter ("2(8)") near their start.
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    found: list[tuple[int, int, int, int]] = []  # start, end, number, prefix end
    expected = 1
    for start, end in lines:
        counter = _LEAD_COUNTER.match(text, start, end)
        numbered = _PAGE_NUMBER.match(text, start, end)
        if counter is not None and int(counter.group("n")) == expected:
            found.append((start, end, expected, start))
        elif numbered is not None and expected <= int(numbered.group("n")) <= expected + PAGE_GAP \
                and (found or int(numbered.group("n")) == 1) and not _opens_date(text, numbered.end(), end):
            found.append((start, end, int(numbered.group("n")), numbered.end()))
        elif end - start >= FLAT_PAGE and (c := _counter_in_head(text, start, end)) is not None \
                and c == expected:
            found.append((start, end, expected, start))
        else:
            continue
        expected = found[-1][2] + 1
    countered = len(found) >= 2 and all(_counter_in_head(text, p, e) is not None for _, e, _, p in found)
    if not found or not (countered or any(e - s >= FLAT_PAGE for s, e, _, _ in found)):
        return []
    if len(found) == 1 and found[0][3] > found[0][0] and _second_item_follows(text, found[0][3]):
        return []  # "1  Val av justerare 2  Godkännande …": a flattened list's first item, no page of its own
    first_tokens = {fold(t.strip(",.:")) for t in _TOKEN.findall(text, found[0][3], found[0][1])[:15]}
    pages = []
    for start, end, number, prefix_end in found:
        pages.append(Page(start, end, number, prefix_end, _header_end(text, prefix_end, end, number, first_tokens)))
    return pages


def _second_item_follows(text: str, start: int) -> bool:
    """Item 2 of a flattened list follows the one short title at ``start`` ("Val av justerare 2  Godkännande …"):
    no "§", no sentence end and at most ``FIRST_TITLE_WORDS`` words before it, and no label word that makes the "2"
    a count or a reference ("§ 2 Val", "Bilaga 2 Protokoll", "kl. 2 Nämnden")."""
    m = _SECOND_ITEM.search(text, start, start + 120)
    if m is None:
        return False
    title = text[start:m.start()]
    words = title.split()
    return 0 < len(words) <= FIRST_TITLE_WORDS and "§" not in title and _SENTENCE_END.search(title) is None \
        and words[-1].casefold() not in rules().not_before_number


def _counter_in_head(text: str, start: int, end: int) -> int | None:
    for i, tok in enumerate(_TOKEN.finditer(text, start, end)):
        if i >= HEADER_TOKENS:
            return None
        m = _LEAD_COUNTER.match(text, tok.start(), end)
        if m is not None:
            return int(m.group("n"))
    return None


def _header_end(text: str, start: int, end: int, number: int, first_tokens: set[str]) -> int | None:
    """End of the running header at the top of a page: up to its page counter, or the words page 1 also starts with."""
    tokens = list(_TOKEN.finditer(text, start, end))[:HEADER_TOKENS]
    for tok in tokens:
        m = _COUNTER.match(text, tok.start(), end)
        if m is not None and (m.end() == end or text[m.end()].isspace()):
            return m.end()
    if number == 1:
        return None
    last = None
    for tok in tokens[:8]:
        word = fold(tok.group().strip(",.:"))
        if word in first_tokens or word == str(number):
            last = tok.end()
        else:
            break
    return last


def running_header_edits(text: str) -> list[Replacement]:
    """Blank the running headers and footers of line-broken text: short lines beside page breaks (form feeds)
    or at the text's ends that recur at another page edge (a page number aside); a copy on the first page
    stays (the letterhead), unless the line holds a footer's signature label ("Justerandes sign")."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip() or "\f" in m.group()]
    breaks = [i for i, (s, e) in enumerate(lines) if "\f" in text[s:e]]
    if not breaks:
        return []
    near: set[int] = set(range(min(EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - EDGE_LINES), len(lines)))
    for b in breaks:
        near |= {i for i in range(b - EDGE_LINES, b + EDGE_LINES + 1) if 0 <= i < len(lines)}
    r = rules()
    by_key: dict[str, list[int]] = {}
    for i in sorted(near):
        s, e = lines[i]
        content = text[s:e].strip()
        if "\f" in text[s:e] or not content or len(content) > EDGE_LINE_CHARS \
                or content.rstrip(":").casefold() in r.subheadings or r.item_part.fullmatch(content):
            continue
        by_key.setdefault(header_key(content), []).append(i)
        if i < min(EDGE_LINES, breaks[0]):  # a cell of the letterhead that a later page repeats ("Ekby kommun   KALLELSE")
            for cell in _CELL_GAP.split(content)[1:] if _CELL_GAP.search(content) else ():
                by_key.setdefault(header_key(cell), []).append(i)
    pages = len(breaks) + 1
    need = 2 if pages <= 3 else max(2, pages // 2)
    blank: set[int] = set()
    first_break = breaks[0]
    for found in by_key.values():
        if len(found) >= need:
            s, e = lines[found[0]]
            footer = any(label in text[s:e].casefold() for label in r.page_footer_labels)
            blank.update(found[1:] if found[0] < first_break and not footer else found)  # the letterhead stays
    reps: list[Replacement] = []
    for i in sorted(blank):
        s, e = lines[i]
        start = s + len(text[s:e]) - len(text[s:e].lstrip())
        reps.append((start, start + len(text[s:e].strip()), "", "running header"))
    return reps


def header_key(line: str) -> str:
    """A running header or footer line as it recurs on every page: folded, without its page number or counter."""
    return _TRAILING_PAGE.sub("", line.casefold())


def page_edits(text: str) -> list[Replacement]:
    """Page numbers of a flattened transcript as form feeds, and a line break after each running header."""
    reps: list[Replacement] = []
    for page in transcript_pages(text):
        header = page.header_end
        if page.prefix_end > page.start:
            reps.append((page.start, page.prefix_end, "\f" if header else "\f\n", "page number"))
        else:
            reps.append((page.start, page.start, "\f" if header else "\f\n", "page break"))
        if header is not None and header < page.end:
            gap = _BLANKS.match(text, header, page.end)
            assert gap is not None
            reps.append((header, gap.end(), "\n", "running header"))
    return reps
