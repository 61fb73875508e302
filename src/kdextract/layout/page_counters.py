"""Running headers that text extraction ran into the page text: found by their page counters, set apart.

When every line break of a document is lost, each page's running header ("Ekby kommun
PROTOKOLL 2024-03-05 2(8)") stands in the middle of the flattened text, between the last
words of one page and the first of the next. Its page counter tells where: counters of one
total ("2(8)", "3(8)" …) that rise through the text. The words just before a counter that
also stand before another counter (and a page number equal to the counter's) are the header.
Where the first page's counter is followed by more of the head ("1(8) Kommunstyrelsen Sammanträdesdatum
2024-03-05"), the same words after a later counter are that header's too. Each header after the first page's (the
letterhead, which stays) is blanked, as
``layout.pages`` blanks the running headers of line-broken text, and becomes a page break (a
line break and a form feed); the page's text starts on a line of its own.

>>> text = "Ekby kommun PROTOKOLL 1(3) Mötet öppnas. " + "Text. " * 30 + "Ekby kommun PROTOKOLL 2(3) Beslut fattas."
>>> edits = inline_header_edits(text)
>>> [text[s:e] for s, e, _, _ in edits], [new for _, _, new, _ in edits] == ["\\n\\f", "", "\\n"]
([' ', 'Ekby kommun PROTOKOLL 2(3)', ' '], True)

A page footer with its counter "Sida 1 av 2" run into flattened text after a sentence end is furniture too, one
page's alone (``inline_footer_edits``): the counter, with the footer's cells before it ("Ekby kommun |
Tjänsteskrivelse |") or a name of a few words, becomes a page break.
A footer led by its counter ("Sida 1 av 2 | Ekby kommun") that cut a sentence or a title, with the next page's
running header after it, is blanked and the cut text joined again (``inline_leading_footer_edits``).

A transcript's bare page numbers, each page opened by its number and the running header that ends in the number
again ("… Justerande 2 Ekby kommun PROTOKOLL 2 § 4 …", "… Underskrift 2 2 § 4 …"), are found the same way when its
pages run on one line (``inline_page_number_edits``): numbers that count up from 1 around one header.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

import regex

from kdextract.layout.pages import FLAT_PAGE
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.text.fold import fold
from kdextract.text.view import Replacement

#: Tokens before a page counter searched for its running header.
HEADER_TOKENS = 8
#: Characters before a page counter searched for its running header.
HEADER_CHARS = 200

_LINE = compile_re(r"[^\n]+")
_TOKEN = compile_re(r"\S+")
_COUNTER = compile_re(r"(?<!\S)(?P<k>\d{1,3})[ \t]?\([ \t]?(?P<n>\d{1,3})[ \t]?\)(?!\S)")
_SPACE = compile_re(r"[ \t]*")
#: A page footer's counter ("Sida 1 av 2", "sida 3/4", "Sida 1 (2)") and what may follow it: the next page's text or the line's end.
_FOOTER_COUNTER = compile_re(r"(?<![\p{L}\d])(?:Sida|SIDA|sida)\.?[ \t]*(?P<k>\d{1,3})[ \t]*"
                             r"(?:(?:av|/)[ \t]*(?P<n>\d{1,3})|\([ \t]*(?P<n>\d{1,3})[ \t]*\))(?=[ \t]*$|[ \t]+[\p{Lu}\d§])")
#: A page footer that opens with its counter, its cells after a bar ("Sida 1 av 2 | Ekby kommun").
_LEADING_FOOTER = compile_re(r"(?<![\p{L}\d])(?:Sida|SIDA)[ \t]*\d{1,3}[ \t]*(?:av|/)[ \t]*\d{1,3}(?=[ \t]*[|•·])")
_FURNITURE_TOKEN = compile_re(r"[ \t]*([|•·]|[^\s|•·]+)")
#: A lower-case word: the sentence or title the page cut goes on.
_GOES_ON = compile_re(r"[ \t]+\p{Ll}")
#: The last sentence end before a footer, and the footer's cells after it.
_SENTENCE_BREAK = compile_re(r"[.!?][ \t]+")
_CELL_BAR = compile_re(r"[ \t]*[|•·][ \t]*")
#: A bare page number, up to ``HEADER_TOKENS`` words of a running header and the number again (or its counter).
_PAGE_PAIR = compile_re(r"(?<!\S)(?P<k>\d{1,3})(?P<head>(?:[ \t]+[^\s\d]\S*){0,8}?)[ \t]+(?P=k)(?:\(\d{1,3}\))?(?!\S)")
#: Longest footer before its counter (characters), and most words of one without bars ("Ekby kommun").
FOOTER_CHARS = 80
FOOTER_WORDS = 4


def inline_header_edits(text: str) -> list[Replacement]:
    """Blank the running headers inside flattened lines, each a page break, the page's text on a new line."""
    counters = _rising_counters(text)
    if len(counters) < 2:
        return []
    windows = [_tokens_before(text, c, counters[i - 1].end() if i else 0) for i, c in enumerate(counters)]
    repeated = Counter(w for window in windows for w in {fold(t.group()) for t in window})
    reps: list[Replacement] = []
    first_tail = _first_page_tail(text, counters[0])
    for counter, window in zip(counters, windows):
        k = counter.group("k")
        if k == "1":
            continue  # the first page's letterhead stays
        start = counter.start()
        for tok in reversed(window):
            if repeated[fold(tok.group())] < 2 and tok.group() != k:
                break
            start = tok.start()
        gap = start
        while gap > 0 and text[gap - 1] in " \t":
            gap -= 1
        if gap == start or text[gap - 1] in "\n\f" or (reps and gap < reps[-1][1]):
            continue  # no text of a page between two counters
        end = _header_tail_end(text, counter, first_tail)
        reps += [(gap, start, "\n\f", "page break"), (start, end, "", "running header")]
        after = _SPACE.match(text, end)
        if after is not None and after.end() > end and after.end() < len(text) \
                and text[after.end()] not in "\n\f":
            reps.append((end, after.end(), "\n", "layout: lost line break"))
    return reps


def _first_page_tail(text: str, counter: regex.Match[str]) -> list[str]:
    """The words (folded) right after the first page's counter, of the same total as ``counter``: in the flattened
    line or in the letterhead lines before it."""
    first = counter if counter.group("k") == "1" else next(
        (m for m in _COUNTER.finditer(text, 0, counter.start()) if m.group("k") == "1"
         and m.group("n") == counter.group("n")), None)
    if first is None:
        return []
    return [fold(t.group()) for t in _TOKEN.finditer(text, first.end(), min(len(text), first.end() + HEADER_CHARS))]


def _tokens_after(text: str, counter: regex.Match[str]) -> list[regex.Match[str]]:
    """The tokens right after a page counter, at most ``HEADER_TOKENS`` of them, on its line."""
    tokens: list[regex.Match[str]] = []
    for tok in _TOKEN.finditer(text, counter.end()):
        if len(tokens) == HEADER_TOKENS or "\n" in text[tokens[-1].end() if tokens else counter.end():tok.start()]:
            break
        tokens.append(tok)
    return tokens


def _header_tail_end(text: str, counter: regex.Match[str], first_tail: list[str]) -> int:
    """Where a running header ends that goes on after its counter as the first page's does ("2(3) Kommunfullmäktige
    Sammanträdesdatum 2024-11-25 § 4 …" after "1(3) Kommunfullmäktige Sammanträdesdatum 2024-11-25 Plats …"): after
    the words both pages show there in the same order, two at least; else at the counter."""
    end, same = counter.end(), 0
    for tok, word in zip(_tokens_after(text, counter), first_tail):
        if fold(tok.group()) != word:
            break
        end, same = tok.end(), same + 1
    return end if same >= 2 else counter.end()


def inline_page_number_edits(text: str) -> list[Replacement]:
    """Blank a flattened transcript's page numbers with the running header between them, each a page break."""
    reps: list[Replacement] = []
    for line in _LINE.finditer(text):
        if line.end() - line.start() < FLAT_PAGE:
            continue
        for page in _page_pairs(text, line.start(), line.end()):
            gap = page.start()
            while text[gap - 1] in " \t":
                gap -= 1
            reps += [(gap, page.start(), "\n\f", "page break"), (page.start(), page.end(), "", "running header")]
            after = _SPACE.match(text, page.end())
            if after is not None and page.end() < after.end() < line.end():
                reps.append((page.end(), after.end(), "\n", "layout: lost line break"))
    return reps


def _page_pairs(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The openings of pages 2, 3 … on one flattened line, each at least a page after the one before, every one with
    the same running header (folded; none at all alike): after page 1's opening pair on the line, or on a
    transcript's first page line, which ``layout.pages`` opened with a form feed. Each opening's next page is the
    first fitting one after it, looked up by header and number (linear in the openings, however many)."""
    first_page = text[start] == "\f" or text[text.rfind("\n", 0, max(0, start - 1)) + 1:start].startswith("\f")
    found = list(_PAGE_PAIR.finditer(text, start, end, overlapped=True))
    keys = [fold(m.group("head")) for m in found]
    follows: dict[tuple[str, int], list[int]] = {}  # (header, page) -> the openings that may follow a page
    for i, m in enumerate(found):
        if not text[m.start() - 2:m.start()].strip().isdigit():
            follows.setdefault((keys[i], int(m.group("k"))), []).append(i)
    starts = {key: [found[i].start() for i in group] for key, group in follows.items()}
    nxt: list[int | None] = []
    for i, m in enumerate(found):
        key = (keys[i], int(m.group("k")) + 1)
        k = bisect_left(starts.get(key, []), m.end() + FLAT_PAGE)
        nxt.append(follows[key][k] if k < len(starts.get(key, [])) else None)
    length = [0] * len(found)
    for i in range(len(found) - 1, -1, -1):
        j = nxt[i]
        length[i] = 1 + (length[j] if j is not None else 0)
    first_key = "2" if first_page else "1"
    best: int | None = None
    for i, m in enumerate(found):
        if m.group("k") != first_key or first_page and m.start() - start < FLAT_PAGE:
            continue
        if best is None or length[i] > length[best]:
            best = i
    pages: list[regex.Match[str]] = []
    at = best
    while at is not None:
        pages.append(found[at])
        at = nxt[at]
    return pages if first_page else pages[1:]  # (page 1's own opening stays: the letterhead)


def _rising_counters(text: str) -> list[regex.Match[str]]:
    """The page counters of flattened lines ("2(8)" …) of the most common total, their pages rising."""
    found: list[regex.Match[str]] = []
    for line in _LINE.finditer(text):
        if line.end() - line.start() >= FLAT_PAGE and text[line.start()] != "\f":
            found += [m for m in _COUNTER.finditer(text, line.start(), line.end())
                      if 1 <= int(m.group("k")) <= int(m.group("n"))]
    if not found:
        return []
    total = Counter(m.group("n") for m in found).most_common(1)[0][0]
    out: list[regex.Match[str]] = []
    for m in found:
        if m.group("n") == total and (not out or int(m.group("k")) > int(out[-1].group("k"))):
            out.append(m)
    return out


def _tokens_before(text: str, counter: regex.Match[str], floor: int) -> list[regex.Match[str]]:
    """Up to ``HEADER_TOKENS`` tokens on the counter's line before it, none before ``floor``."""
    low = max(floor, counter.start() - HEADER_CHARS)
    line_start = max(text.rfind("\n", low, counter.start()), text.rfind("\f", low, counter.start())) + 1
    return list(_TOKEN.finditer(text, max(low, line_start), counter.start()))[-HEADER_TOKENS:]


def inline_footer_edits(text: str) -> list[Replacement]:
    """Blank the page footers with a "Sida k av n" counter inside flattened lines, each a page break."""
    reps: list[Replacement] = []
    for line in _LINE.finditer(text):
        if line.end() - line.start() < FLAT_PAGE or text[line.start()] == "\f":
            continue
        for m in _FOOTER_COUNTER.finditer(text, line.start(), line.end()):
            start = _footer_start(text, max(line.start(), m.start() - FOOTER_CHARS), m.start(), text[m.start()] == "s")
            if start is None or int(m.group("k")) > int(m.group("n")) or start <= line.start():
                continue
            gap = start
            while text[gap - 1] in " \t":
                gap -= 1
            reps += [(gap, start, "\n\f", "page break"), (start, m.end(), "", "page footer")]
            after = _SPACE.match(text, m.end())
            if after is not None and after.end() < line.end():
                reps.append((m.end(), after.end(), "\n", "layout: lost line break"))
    return reps


def inline_leading_footer_edits(text: str) -> list[Replacement]:
    """Blank a page footer that opens with its counter ("Sida 1 av 2 | Ekby kommun"), and the next page's running
    header after it, where both cut a flattened sentence or item title ("… bidrag för Sida 1 av 2 | Ekby kommun
    KALLELSE Nämnden 2026-04-14 upprustning av …"): no sentence end before the counter, a lower-case word after
    the furniture, every word of which (bars aside) stands in the document's letterhead, its first
    ``HEADER_TOKENS`` words. The cut text is joined again by a space."""
    head = {fold(t.group()) for t in list(_TOKEN.finditer(text, 0, min(len(text), HEADER_CHARS)))[:HEADER_TOKENS]}
    reps: list[Replacement] = []
    for m in _LEADING_FOOTER.finditer(text):
        gap = m.start()
        while gap > 0 and text[gap - 1] in " \t":
            gap -= 1
        if gap == m.start() or gap < HEADER_CHARS or text[gap - 1] in ".!?:;\n\f" or (reps and gap < reps[-1][1]):
            continue
        end, words = m.end(), 0
        for _ in range(HEADER_TOKENS + 4):
            tok = _FURNITURE_TOKEN.match(text, end)
            if tok is None or tok.group(1) not in "|•·" and fold(tok.group(1)) not in head:
                break
            end, words = tok.end(), words + (tok.group(1) not in "|•·")
        if words >= 2 and _GOES_ON.match(text, end):
            reps.append((gap, end, "", "page footer and running header"))
    return reps


def _footer_start(text: str, low: int, counter: int, lower: bool) -> int | None:
    """Where the footer before a counter at ``counter`` starts: right after the last sentence end, its cells set
    apart by bars, or a capitalised counter ("Sida", not ``lower``) alone or after a name of at most
    ``FOOTER_WORDS`` capitalised words (or ``footer_name_words``: "Ekby kommun"); None where prose leads it."""
    ends = list(_SENTENCE_BREAK.finditer(text, low, counter))
    if not ends:
        return None
    start = ends[-1].end()
    footer = text[start:counter]
    words = footer.split()
    if words and _CELL_BAR.search(footer) is not None and all(c.strip() for c in _CELL_BAR.split(footer)[:-1]):
        return start
    return start if not lower and len(words) <= FOOTER_WORDS and all(
        w[:1].isupper() or w.casefold() in rules().footer_name_words for w in words) else None
