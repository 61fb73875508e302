"""Build the working view: HTML markup of a page saved as text, NFC, line ends, e-mail quote markers, letter-spaced
lines, markdown markup, hyphenation (a flattened line's too, and a title's word cut without a hyphen:
``text.word_breaks``), page furniture.

A page number line becomes a form feed (``\\f``): the page break the layout step reads.

Nothing is lost: every change is a replacement on a ``TextView`` and reported as an edit.

>>> v = normalize("## Rubrik\\n\\nSe [sidan](http://x.se) om kommun-\\nstyrelsen.\\n\\n1 (3)\\n")
>>> v.text
'Rubrik\\n\\nSe sidan om kommunstyrelsen.\\n\\n\\x0c\\n'
>>> v.heading_marks
{0: 2}
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.resources import Pattern, Rules, load_lines
from kdextract.text.fold import fold_key
from kdextract.text.html_markup import html_markup
from kdextract.text.lexicon import load_lexicon
from kdextract.text.spans import Coverage
from kdextract.text.view import Replacement, TextView
from kdextract.text.word_breaks import word_break_edits

_COMBINING = compile_re(r"\P{M}\p{M}+")
_LINE_ENDS = compile_re(r"\r\n?|[\u2028\u2029\x0b\x85]")
_FORM_FEED = compile_re(r"[ \t]*\x0c[ \t]*")
_INVISIBLE = compile_re(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = compile_re(r"[\u00a0\u202f\u2007\u2009\u2002\u2003]")
_MD_HEADING = compile_re(r"(?m)^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
_MD_CLOSING_HASHES = compile_re(r"(?m)[ \t]+#+[ \t]*$")
_MD_LINK = compile_re(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MD_ESCAPE = compile_re(r"\\([\\`*_{}\[\]()#+\-.!|])")
_MD_STRONG = compile_re(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_EM = compile_re(r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]+?)(?<=[^\s*_])\1(?![\w*])")
_STRAY_STARS = compile_re(r"(?m)^[ \t]*(\*{1,3})(?=\p{L})|(?<=\p{L}|[.:!?])(\*{1,3})[ \t]*$")
#: a markdown table: a row of cells between pipes over its delimiter row ("|---|:--:|") and more rows
_MD_TABLE = compile_re(r"(?m)^[ \t]*\|.*\|[ \t]*\n[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*\n"
                          r"(?:[ \t]*\|.*\|[ \t]*(?:\n|$))+")
_MD_TABLE_DELIMITER = compile_re(r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*\n")
_MD_TABLE_PIPE = compile_re(r"(?m)^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$|[ \t]*(?<!\\)\|[ \t]*")
#: a quoted e-mail passage: two or more lines in a row that open with "> " (">> " deeper), markers captured
_QUOTED_LINES = compile_re(r"(?m)^[ \t]*>(?:[ \t]?>)*[^\n]*(?:\n[ \t]*>(?:[ \t]?>)*[^\n]*)+")
_QUOTE_MARKER = compile_re(r"(?m)^[ \t]*>(?:[ \t]?>)*[ \t]?")
#: a line typed letter-spaced, the typewriter's emphasis ("B i d r a g   t i l l   f ö r e n i n g a r"): letters
#: one blank apart, words two or more apart
#: a letter-spaced line; its runs possessive: a run given back leaves a blank before a letter, which neither a word
#: gap nor the line's end reads (a long line of "a a a … (1" gave them back one at a time)
_SPACED_LINE = compile_re(r"(?m)^[ \t]*+[\p{L}\d](?: [\p{L}\d]){2,}+(?:[ ]{2,}+[\p{L}\d](?: [\p{L}\d])*+)*+[ \t]*$")
_SPACED_WORD = compile_re(r"[\p{L}\d](?: [\p{L}\d])*")
_LETTERHEAD_WORDS = frozenset({"kommun", "stad"})
_HYPHENATED = compile_re(r"(?<=\p{Ll}\p{Ll})-[ \t]*\n[ \t]*(?=(\p{Ll}+))")


class NormalizeRules(Rules, file="normalize.json"):
    """Page furniture lines and the conjunctions that keep a line-end hyphen."""

    furniture_lines: list[Pattern]
    hyphen_conjunctions: list[str]
    place_name_endings: list[str]


@lru_cache(maxsize=1)
def _furniture() -> regex.Pattern[str]:
    patterns = NormalizeRules.load().furniture_lines
    return compile_re(r"(?m)^[ \t]*(?:" + "|".join(f"(?:{p})" for p in patterns) + r")[ \t]*$")


@lru_cache(maxsize=1)
def _hyphen_keepers() -> frozenset[str]:
    return frozenset(NormalizeRules.load().hyphen_conjunctions)


def normalize(text: str) -> TextView:
    """The working view of ``text``; its ``edits`` list every change made."""
    view = TextView.identity(text)
    view = view.rewrite(_non_overlapping(html_markup(view.text)))
    view = view.rewrite(_char_fixes(view.text))
    view = view.rewrite(_quote_markers(view.text))
    view = view.rewrite(_letter_spacing(view.text))
    view = _markdown(view)
    view = view.rewrite(_hyphenation(view.text))
    view = view.rewrite(word_break_edits(view.text, _hyphen_keepers()))
    return view.rewrite(_furniture_lines(view.text))


def _char_fixes(text: str) -> list[Replacement]:
    reps: list[Replacement] = []
    for m in _COMBINING.finditer(text):
        nfc = unicodedata.normalize("NFC", m.group())
        if nfc != m.group():
            reps.append((m.start(), m.end(), nfc, "nfc"))
    for pattern, new, reason in ((_LINE_ENDS, "\n", "line end"), (_INVISIBLE, "", "invisible character"),
                                 (_SPACES, " ", "space")):
        reps.extend((m.start(), m.end(), new, reason) for m in pattern.finditer(text))
    reps.extend(_page_breaks(text))
    return _non_overlapping(reps)


def _page_breaks(text: str) -> list[Replacement]:
    """A form feed (a PDF text tool's page break) stays, on a line of its own: the layout step reads the running
    header after it as furniture, not as the first line of the page's text."""
    reps: list[Replacement] = []
    for m in _FORM_FEED.finditer(text):
        before = "" if m.start() == 0 or text[m.start() - 1] in "\r\n" else "\n"
        after = "" if m.end() == len(text) or text[m.end()] in "\r\n" else "\n"
        if before or after or m.end() - m.start() > 1:
            reps.append((m.start(), m.end(), f"{before}\f{after}", "page break"))
    return reps


def _quote_markers(text: str) -> list[Replacement]:
    """The "> " that an e-mail reply puts before each quoted line goes, so that the quoted text reads as its
    own lines (headings, numbered items, labels); a lone ">" leaves a blank line."""
    return [(m.start(), m.end(), "", "e-mail quote marker")
            for block in _QUOTED_LINES.finditer(text)
            for m in _QUOTE_MARKER.finditer(text, block.start(), block.end())]


def _letter_spacing(text: str) -> list[Replacement]:
    """A line typed letter-spaced reads as its words ("S i m s k o l a   1 9 8 9" -> "Simskola 1989"): the blanks
    between letters go and a word gap becomes one blank, where a word of four letters or more is a Swedish word
    or the line in capitals is names (``_names_in_capitals``), so that a row of initials or grades keeps its
    blanks; a letterhead that names a municipality stays, as
    ``records.org_places`` reads it where it is typed ("S Ä F F L E   K O M M U N")."""
    reps: list[Replacement] = []
    for line in _SPACED_LINE.finditer(text):
        words = list(_SPACED_WORD.finditer(text, line.start(), line.end()))
        joined = [w.group().replace(" ", "") for w in words]
        if joined[-1].casefold() in _LETTERHEAD_WORDS or not (any(
                len(w) >= 4 and not w.isdigit() and load_lexicon().known(w.casefold()) for w in joined)
                or _names_in_capitals(joined)):
            continue
        for k, w in enumerate(words):
            reps.extend((i, i + 1, "", "letter spacing") for i in range(w.start() + 1, w.end(), 2))
            if k + 1 < len(words):
                reps.append((w.end(), words[k + 1].start(), " ", "letter spacing"))
    return reps


def _names_in_capitals(words: list[str]) -> bool:
    """Letter-spaced words in capitals that are all given names or place shapes ("STENSVIK", "HALLBERG"), short
    known words between them ("OCH"), one of four letters or more."""
    if not all(w.isalpha() and w.isupper() for w in words):
        return False
    names = [w for w in words if _name_shape(w)]
    return any(len(w) >= 4 for w in names) and all(
        w in names or len(w) <= 3 and load_lexicon().known(w.casefold()) for w in words)


def _name_shape(word: str) -> bool:
    """A given name, or a place name's shape: a word of four letters or more ending in a place-name ending (before
    a genitive -s)."""
    low = word.casefold()
    stems = (low, low[:-1]) if low.endswith("s") else (low,)  # a genitive: "ULFSÄTERS"
    return fold_key(word) in _first_names() or len(low) >= 4 and any(
        stem.endswith(e) and len(stem) > len(e) + 1 for stem in stems for e in NormalizeRules.load().place_name_endings)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """The given names of ``first_names.txt``, folded (the text layer reads the list itself)."""
    return frozenset(fold_key(n) for n in load_lines("first_names.txt"))


def _markdown(view: TextView) -> TextView:
    text = view.text
    headings: dict[int, int] = {}
    reps: list[Replacement] = []
    for m in _MD_HEADING.finditer(text):
        headings[m.start()] = len(m.group(1))
        reps.append((m.start(), m.end(), "", "markdown heading"))
    reps.extend((m.start(), m.end(), "", "markdown heading") for m in _MD_CLOSING_HASHES.finditer(text)
                if _line_start(text, m.start()) in headings)
    for m in _MD_LINK.finditer(text):
        reps.append((m.start(), m.start(1), "", "markdown link"))
        reps.append((m.end(1), m.end(), "", "markdown link"))
    reps.extend((m.start(), m.end(), m.group(1), "markdown escape") for m in _MD_ESCAPE.finditer(text))
    reps.extend(_markdown_tables(text))
    emphasis: list[tuple[int, int]] = []
    taken = Coverage((s, e) for s, e, _, _ in reps)  # every replacement here is non-empty
    for pattern in (_MD_STRONG, _MD_EM):
        for m in pattern.finditer(text):
            marker = m.group(1)
            if taken.overlaps(m.start(), m.end()):
                continue
            reps.append((m.start(), m.start() + len(marker), "", "markdown emphasis"))
            reps.append((m.end() - len(marker), m.end(), "", "markdown emphasis"))
            taken.add(m.start(), m.start() + len(marker))
            taken.add(m.end() - len(marker), m.end())
            emphasis.append((m.start(2), m.end(2)))
            line = _line_start(text, m.start())
            if pattern is _MD_STRONG and text[line:m.start()].strip() == "" and _line_end(text, m.end()) == m.end():
                headings.setdefault(line, 0)
    for m in _STRAY_STARS.finditer(text):
        group = 1 if m.group(1) else 2
        if not taken.overlaps(m.start(group), m.end(group)):
            reps.append((m.start(group), m.end(group), "", "markdown emphasis"))
    # Marks are recorded before the rewrite so that they move with the text.
    return view.with_marks(emphasis, headings).rewrite(_non_overlapping(reps))


def markdown_blocks(view: TextView) -> TextView:
    """``view`` with the markdown headings and tables that a later step put at a line's start read as ``normalize``
    reads them (a flattened document's, ``layout.flat_markdown``): the marks go, each heading recorded."""
    headings = {m.start(): len(m.group(1)) for m in _MD_HEADING.finditer(view.text)}
    reps = [(m.start(), m.end(), "", "markdown heading") for m in _MD_HEADING.finditer(view.text)]
    return view.with_marks((), headings).rewrite(_non_overlapping(reps + _markdown_tables(view.text)))


def _markdown_tables(text: str) -> list[Replacement]:
    """A markdown table as a table laid out with blanks: its delimiter row goes, a pipe between cells becomes a
    column gap and the pipes at a row's ends go ("| Vad | Vem | När |" -> "Vad   Vem   När")."""
    reps: list[Replacement] = []
    for table in _MD_TABLE.finditer(text):
        delimiter = _MD_TABLE_DELIMITER.search(text, table.start(), table.end())
        if delimiter is not None:
            reps.append((delimiter.start(), delimiter.end(), "", "markdown table"))
        for m in _MD_TABLE_PIPE.finditer(text, table.start(), table.end()):
            if delimiter is not None and delimiter.start() <= m.start() < delimiter.end():
                continue
            edge = m.start() == _line_start(text, m.start()) or m.end() == _line_end(text, m.start())
            reps.append((m.start(), m.end(), "" if edge else "   ", "markdown table"))
    return reps


def _hyphenation(text: str) -> list[Replacement]:
    keep = _hyphen_keepers()
    return [(m.start(), m.start(1), "", "hyphenation") for m in _HYPHENATED.finditer(text)
            if m.group(1) not in keep]


def _furniture_lines(text: str) -> list[Replacement]:
    return [(m.start(), m.end(), "\f", "page furniture") for m in _furniture().finditer(text) if m.end() > m.start()]


def _non_overlapping(reps: list[Replacement]) -> list[Replacement]:
    out: list[Replacement] = []
    end = -1
    for rep in sorted(reps, key=lambda r: (r[0], r[1])):
        if rep[0] >= end or rep[0] == rep[1] == end:
            out.append(rep)
            end = max(end, rep[1])
    return out


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
