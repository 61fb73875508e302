"""The letterhead of a flattened text: its title's row, and its copies that head later pages.

A letterhead in two columns ("Ekby kommun      PROTOKOLL" over "Kommunstyrelsen      2026-05-14") runs, once
flattened, its rows together ("Ekby kommun      PROTOKOLL Kommunstyrelsen      2026-05-14 § 1 …"): the title in
capitals that a column gap sets apart from the issuer ends its row, and the next row starts a line
(``letterhead_title_edits``), so that the issuer stands on its line as on the page.

A scanned report whose pages each open with the letterhead ("Ekby kommun  •" over "Rapport till nämnden
2026-05-14"), with no page counter of a form ``layout.page_counters`` reads ("2(8)", "Sida 2 av 8"), runs, once
flattened, the second page's copy into the text ("… våren 2027. Ekby kommun sid 2 Rapport
till nämnden 2026-05-14 Personal …"). The copy is read by walking the letterhead's first words and the later
words side by side: the same words (folded), a bare page number or "sid 2" the later copy adds, a mark ("•", "|")
the first one holds. Where at least ``MIN_WORDS`` words agree and the copy holds a date or a page number, it is
a running header (``letterhead_repeat_edits``): blanked, a page break before it and the next page's text on a line
of its own, as ``layout.page_counters`` sets its headers apart.

>>> t = "Ekby kommun      PROTOKOLL Kommunstyrelsen      2026-05-14 " + "Text. " * 40
>>> [(t[s:e], new) for s, e, new, _ in letterhead_title_edits(t)]
[(' ', '\\n')]
>>> text = "Ekby kommun Rapport 2026-05-14 Ekonomi " + "Prognosen visar ett plus. " * 9 + \\
...     "Ekby kommun sid 2 Rapport 2026-05-14 Personal Nya tjänster."
>>> [(text[s:e], new) for s, e, new, _ in letterhead_repeat_edits(text)][1:]
[('Ekby kommun sid 2 Rapport 2026-05-14', ''), (' ', '\\n')]
"""

from __future__ import annotations

from kdextract.layout.columns import has_column_gap
from kdextract.layout.pages import FLAT_PAGE
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.text.fold import fold
from kdextract.text.view import Replacement

#: Words of the letterhead read (from the text's start) and most words a copy may add or leave out in a row.
HEAD_WORDS = 16
#: Fewest words a copy shares with the letterhead, in order.
MIN_WORDS = 4

#: Characters of a flattened text's start searched for its title.
TITLE_CHARS = 120

_TOKEN = compile_re(r"\S+")
_LINE = compile_re(r"[^\n]+")
#: A title's word in capitals and one blank, then a capital: the next row of the letterhead.
_TITLE_ROW_END = compile_re(r"\p{Lu}+(?P<gap> )(?=\p{Lu})")
_SPACE = compile_re(r"[ \t]*")
#: A page number a later copy adds: "2", "2(7)", "2/7", or the word before it ("sid", "sida", "s.").
_PAGE_NUMBER = compile_re(r"\d{1,3}(?:\(\d{1,3}\)|/\d{1,3})?")
_PAGE_WORD = compile_re(r"(?i:sid|sida|sidan|s\.|page)")
_DATE = compile_re(r"\d{4}-\d{2}-\d{2}")
#: A mark of a stamp or a margin ("•", "|", "~"): no word.
_MARK = compile_re(r"[^\p{L}\d]+")


def letterhead_title_edits(text: str) -> list[Replacement]:
    """A line break after the title in capitals of a flattened letterhead's first row (see the module doc)."""
    line_end = text.find("\n")
    if (line_end if line_end >= 0 else len(text)) < FLAT_PAGE:
        return []
    m = rules().title_anywhere.search(text, 0, TITLE_CHARS)
    if m is None or not has_column_gap(text[max(0, m.start() - 3):m.start()]) \
            or (row := _TITLE_ROW_END.match(text, m.start())) is None:
        return []
    return [(row.start("gap"), row.end("gap"), "\n", "layout: lost line break")]


def letterhead_repeat_edits(text: str) -> list[Replacement]:
    """Blank each copy of the letterhead inside a flattened line (see the module doc), each a page break."""
    first_line = _LINE.match(text)
    if first_line is None or first_line.end() - first_line.start() < FLAT_PAGE:
        return []
    head = [fold(t.group()) for t in _TOKEN.finditer(text, first_line.start(), first_line.end())][:HEAD_WORDS]
    first = next((w for w in head if not _MARK.fullmatch(w)), None)
    if first is None or len(head) < MIN_WORDS:
        return []
    reps: list[Replacement] = []
    for line in _LINE.finditer(text):
        if line.end() - line.start() < FLAT_PAGE:
            continue
        for tok in _TOKEN.finditer(text, line.start() + 1, line.end()):
            if fold(tok.group()) != first:
                continue
            gap = tok.start()
            while gap > line.start() and text[gap - 1] in " \t":
                gap -= 1
            if gap == line.start() or gap == tok.start() or (reps and gap < reps[-1][1]):
                continue  # (no text before it on its line, or the last copy's edits reach it)
            end = _copy_end(text, tok.start(), line.end(), head)
            if end is None:
                continue
            reps += [(gap, tok.start(), "\n\f", "page break"), (tok.start(), end, "", "running header")]
            after = _SPACE.match(text, end, line.end())
            if after is not None and after.end() > end and after.end() < line.end():
                reps.append((end, after.end(), "\n", "layout: lost line break"))
    return reps


def _copy_end(text: str, pos: int, end: int, head: list[str]) -> int | None:
    """Where the copy of the letterhead ``head`` (folded words) that starts at ``pos`` ends; None where fewer than
    ``MIN_WORDS`` words agree or the copy holds neither a date nor a page number."""
    i, agreed, dated, stop, last = 0, 0, False, pos, ""
    for _, tok in zip(range(2 * HEAD_WORDS), _TOKEN.finditer(text, pos, end)):
        word = fold(tok.group())
        while i < len(head) and head[i] != word and _MARK.fullmatch(head[i]):
            i += 1  # a mark of the first page's letterhead
        if i < len(head) and head[i] == word:
            i, agreed, stop = i + 1, agreed + 1, tok.end()
            dated = dated or _DATE.fullmatch(word) is not None
        elif agreed and (_PAGE_NUMBER.fullmatch(word) or _PAGE_WORD.fullmatch(word)):
            number = _PAGE_NUMBER.fullmatch(word) is not None  # "sid 2": the copy's page number
            dated = dated or number
            if number and (has_column_gap(text, stop, tok.start()) or _PAGE_WORD.fullmatch(last)):
                stop = tok.end()  # the page number that ends the copy ("… 2006-03-14      2")
        else:
            break
        last = word
    return stop if agreed >= MIN_WORDS and dated else None
