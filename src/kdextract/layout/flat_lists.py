"""Lists run into a flattened line: each entry of a table of contents, or of a lettered list, on a line of its own.

>>> out = Breaks("Ärenden a) Val av justerare b) Budget 2027")
>>> lettered_breaks(out.text, 0, len(out.text), out)
2
>>> sorted(out.at)
[8, 28]
"""

from __future__ import annotations

import regex

from kdextract.layout.columns import has_column_gap
from kdextract.layout.flat_heads import case_after
from kdextract.layout.item_documents import body_label_at, documents_at
from kdextract.layout.items import head_at, title_end
from kdextract.layout.lettered import lettered_starts
from kdextract.layout.line_breaks import Breaks
from kdextract.layout.presenter_column import presenter_cell
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re

_TOKEN = compile_re(r"\S+")
_NEXT_TOKEN = compile_re(r"\s(\S)")
_LEADER = compile_re(r"(?:\.{2,}|…+|(?:\. ){2,})[ \t]*(?P<page>\d{1,3})?(?=[ \t]|$)")
#: Where a leader may start (a lookahead: each position of a run of points is one), and how many characters on
#: from a start that lookahead reads.
_LEADER_START = compile_re(r"(?=\.\.|…|\. \.)")
_LEADER_REACH = 3
_MARKED_NUMBER = compile_re(r"\d{1,3}\.")
#: A year: no item's or page's number ("2.  Årsredovisning 2026   Eva Ek").
_YEAR = compile_re(r"(?:19|20)\d{2}")
#: A section's number in parts in a report's contents ("4.2", "1.3.1"), which the case pattern also reads.
_SUB_NUMBER = compile_re(r"\d{1,2}(?:\.\d{1,2})+\.?")
#: The dash of a month range before a year ("januari–mars 2026").
_RANGE_END = compile_re(r"[-–]")
#: The last word before a position (a contents label before a lettered list).
_LAST_WORD = compile_re(r"(?P<word>\S+)[ \t]*\Z")
#: A marked item number inside a line, a title after it ("… justerare 2. Godkännande …").
_INLINE_NUMBER = compile_re(r"(?:^|(?<=[ \t]))(?P<n>\d{1,2})\.[ \t]+(?=\p{Lu})", regex.MULTILINE)
_LINE_SPAN = compile_re(r"[^\n]*\n?")
#: Longest body label with its value ("Föredragande: ekonomichef Eva Ek") that runs to the next item's number.
PRESENTER_CHARS = 80


def lettered_breaks(text: str, start: int, end: int, out: Breaks) -> int:
    """Each entry of a lettered list run into ``text[start:end]`` on a line of its own (``layout.lettered``), a
    contents label right before the list too ("… webbplats. Ärenden a) Allmänhetens frågestund b) …"), and what
    follows the last entry's title; how many entries."""
    starts = lettered_starts(text, start, end)
    for k, pos in enumerate(starts):
        out.before(pos)
        if k + 1 == len(starts) or text.startswith("a", starts[k + 1]):  # a list's last entry: its title ends it
            title = _NEXT_TOKEN.match(text, pos + 2, end)  # after "a)"
            if title is not None:
                out.after(title_end(text, title.start(1), end), "\n")
        label = _LAST_WORD.search(text, start, pos) if text.startswith("a", pos) else None
        before = text[start:label.start()].rstrip() if label is not None else ""
        if label is not None and rules().by_category["toc"](label.group("word")) and before[-1:] in ("", *".!?:)"):
            out.before(label.start(), "\n\n")
    return len(starts)


def opens_lettered_list(text: str, start: int, end: int) -> bool:
    """A line that opens with an item head or a contents label ("3. Delegationsbeslut a) …", "Ärenden a) …")."""
    first = _TOKEN.match(text, start, end)
    return first is not None and (head_at(text, start, end, line_start=True) is not None
                                  or rules().by_category["toc"](first.group()))


def toc_entries(text: str, start: int, end: int, out: Breaks) -> int:
    """Each entry of a flattened table of contents on a line of its own.

    An entry ends at a leader and its page number ("Information... 3"), before the next item
    number (a page number then an item number: "skolorna 4 12 Information"), or where a title ends;
    an entry whose title ends in a comma keeps the case number after it; the list of an entry's documents
    ("Handlingar: Förslag … Remissammanställning") or a body label's value ("Föredragande: ekonomichef Eva Ek") runs
    to the next number, a body label's only where that number is at most ``PRESENTER_CHARS`` characters on (an
    unnumbered agenda's presenter ends where its title does).
    """
    pos, entries = start, 0
    indent: str | None = None  # the indent of the lines under a row of an agenda's table with a presenter's cell
    while pos < end:
        tok = _TOKEN.search(text, pos, end)
        if tok is None:
            break
        entries += 1
        out.before(tok.start(), "\n")
        case = rules().case.match(text, tok.start(), end)
        if case is not None and case.end() >= tok.end() and _TOKEN.search(text, case.end(), end) is not None \
                and not _SUB_NUMBER.fullmatch(case.group()):  # (not "4.2 Driftbudget … 13": a section's number)
            pos = case.end()  # "RS/2026/0187 Bilaga 4a …": an entry's case number on a line of its own
            continue
        head = head_at(text, tok.start(), end)
        if head is None and tok.group()[0].isupper():  # "Ärende 2  Title": an item word and its number
            worded = head_at(text, tok.start(), end, line_start=True)
            head = worded if worded is not None and (worded.number or "")[:1].isalpha() else None
        t_start = head.title_start if head is not None else tok.start()
        if documents_at(text, tok.start(), end):  # an entry's documents run to the next number
            t_end = _next_number(text, t_start, end, end)
        else:  # a presenter to the next number where that is near, else the title to its end
            t_end = title_end(text, t_start, end)
            presenter = body_label_at(text, tok.start(), end)
            reach = max(t_end, tok.start() + PRESENTER_CHARS + 1) if presenter else t_end
            nxt = _next_number(text, t_start, end, reach)
            t_end = nxt if presenter and nxt - tok.start() <= PRESENTER_CHARS else min(t_end, nxt)
        leader = _leader(text, t_start, t_end + 1, end)
        if leader is not None:
            t_end = leader.end()
        if text[t_start:t_end].rstrip().endswith(",") and (labelled_case := case_after(text, t_end, end)) is not None:
            t_end = labelled_case[1]  # "3. Budget 2027, Dnr KS 2026/12": a comma keeps the title's case number on its line
        if t_end <= tok.start():
            t_end = tok.end()
        if head is None and indent:
            out.before(tok.start(), "\n" + indent)
        else:
            indent = None
            if head is not None and (cell := presenter_cell(text, t_end, end)) is not None \
                    and not has_column_gap(text, cell, cell + 3):  # (no further cell after it)
                out.before(tok.start(), "\n\n")  # "2.  Budget 2027      Eva Ek": a row of an agenda's table, its
                t_end, indent = cell, " " * (t_start - tok.start())  # presenter's cell on its line, what follows
                # set under the title's first letter as on the page (a wrapped title's rest, the item's note)
        pos = t_end
    return entries


def _presented_year(text: str, tok: regex.Match[str], nxt: regex.Match[str] | None, end: int) -> bool:
    """``tok`` is a year that ends an entry's title ("2.  Årsredovisning 2026      Eva Ek"), no case number after it
    ("Plan 2027      BUN 26/0240" is read as before: the year's cell a row of its own, the case number's beside it)."""
    return _YEAR.fullmatch(tok.group()) is not None and (nxt is None or rules().case.match(text, nxt.start(), end) is None)


def _leader(text: str, start: int, last: int, end: int) -> regex.Match[str] | None:
    """The first leader of ``text[start:end]`` ("..... 3") that starts at ``last`` at the latest: only its
    possible starts up to there are tried (sought through the rest of the line from each entry, a long list
    without leaders took the square of its length)."""
    for at in _LEADER_START.finditer(text, start, min(end, last + _LEADER_REACH)):
        if at.start() > last:
            break
        if (leader := _LEADER.match(text, at.start(), end)) is not None:
            return leader
    return None


def _next_number(text: str, start: int, end: int, stop: int) -> int:
    """In a flattened contents list: the end of a page number, or the start of the next item number
    (bare or marked: "3."); digit groups of one number ("22 000 kr") and a year after its month ("oktober 2024")
    are neither. Only numbers that start before ``stop`` are sought (``end`` where none does)."""
    toks = _TOKEN.finditer(text, start, end)  # read lazily: the entry usually ends a few words on
    tok, nxt, after = next(toks, None), next(toks, None), next(toks, None)
    first, prev, prev_start = True, "", start
    while tok is not None and tok.start() < stop:
        word, following = tok.group(), nxt.group() if nxt is not None else ""
        if not first and _MARKED_NUMBER.fullmatch(word) and following[:1].isupper():
            return tok.start()  # "… augusti 3. Ansökan om …"
        if not first and word.isdigit() and following[:1].isupper() and _worded_head(text, prev_start, tok, end):
            return prev_start  # "… för justering | Ärende 2   Fastställande …"
        if not first and word.isdigit() and not _presented_year(text, tok, nxt, end) and _RANGE_END.split(prev.casefold())[-1] not in rules().year_after \
                and prev.casefold() not in rules().not_before_number:  # "Bilaga 5 Förslag …" is no new entry
            if following.isdigit():
                if not (len(word) <= 3 and len(following) == 3 and not (after.group() if after else "")[:1].isupper()):
                    return tok.end()
                # "22 000 kr": one number in digit groups
            elif following[:1].isupper() or not following:
                return tok.start()
        prev_start = tok.start()
        tok, nxt, after, first, prev = nxt, after, next(toks, None), False, word
    return end


def _worded_head(text: str, prev_start: int, number: regex.Match[str], end: int) -> bool:
    """The word before ``number`` and the number make one item head ("Ärende 2")."""
    if prev_start >= number.start() or not text[prev_start:prev_start + 1].isupper():
        return False
    head = head_at(text, prev_start, end, line_start=True)
    return head is not None and head.number_end == number.end()


def numbered_run_breaks(text: str) -> list[int]:
    """The line breaks inside a numbered list that lost its own breaks and kept a ragged wrap: a line holding
    two entries in a row ("1. Val av justerare 2. Godkännande …") and each next line holding the next entry's
    number ("(Dnr BUN 2026/80) 5. Ansökan …"); such a list is one flattened line."""
    out: list[int] = []
    expected, last_break = 0, -1
    for line in _LINE_SPAN.finditer(text):
        numbers = _inline_numbers(text, line.start(), line.end())
        if expected and expected in numbers and last_break >= 0:
            out.append(last_break)
        else:
            pairs = sorted(n for n in numbers if n + 1 in numbers)
            expected = pairs[0] if pairs else 0
        while expected and expected in numbers:
            expected += 1
        last_break = line.end() - 1 if line.group().endswith("\n") else -1
    return out


def holds_numbered_run(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds two numbered entries in a row ("… 3. Budget 2027 4. Skolskjuts …"): a list run
    into one line, however short."""
    numbers = _inline_numbers(text, start, end)
    return any(n + 1 in numbers for n in numbers)


def _inline_numbers(text: str, start: int, end: int) -> set[int]:
    return {int(m.group("n")) for m in _INLINE_NUMBER.finditer(text, start, end)}
