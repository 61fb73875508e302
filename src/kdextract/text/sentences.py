"""Rule-based sentence spans for the record builders (no spaCy needed).

Splits at blank lines (not at a page break inside a sentence), at list items (Word's private-use bullets U+F0B7 and U+F0A7 too), before a line
opening with a label ("Gäller från: …"), and after . ! ? when the next word starts a sentence, except after
abbreviations ("bl.a.", "t.ex.", "ca."), initials and a week's "v." ("v. 47").

>>> text = "Mötet hölls bl.a. i Kalix. Nästa möte är den 21 oktober.\\n\\n- punkt ett"
>>> [text[s:e] for s, e in sentence_spans(text)]
['Mötet hölls bl.a. i Kalix.', 'Nästa möte är den 21 oktober.', '- punkt ett']
"""

from __future__ import annotations

from functools import lru_cache

from kdextract.pattern_cache import compile_re
from kdextract.resources import load_lines

_BREAK = compile_re(
    r"\n[ \t]*\n\s*"  # blank line
    r"|\n(?=[ \t]*(?:[-–•*·▪\uf0b7\uf0a7]\s|\d{1,2}[.)]\s|§))"  # a list item or numbered line starts
    r"|(?<=[.!?:][\"”’)]?)\n"  # a line that ends a sentence
    r"|\n(?=\p{Lu}[\p{L}-]*(?:[ \t]+\p{Ll}[\p{L}-]*){0,2}[ \t]*:[ \t]*\S)"  # a line opens with a label: "Gäller från: …"
    r"|(?<=[.!?][\"”’)]?)[ \t]+(?=[\"“”(]?[\p{Lu}\d§])"  # sentence-final punctuation, then a capital
)


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """The abbreviations of ``resources/sv/abbreviations.txt`` (one token each), in file order, once each."""
    return tuple(dict.fromkeys(w for w in load_lines("abbreviations.txt") if not any(c.isspace() for c in w)))


@lru_cache(maxsize=1)
def abbreviation_set() -> frozenset[str]:
    """The abbreviations, case-folded, for lookups."""
    return frozenset(w.casefold() for w in abbreviations())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, whitespace trimmed, in order."""
    abbreviations = abbreviation_set()
    spans: list[tuple[int, int]] = []
    start = 0
    paged = "\f" in text
    for m in _BREAK.finditer(text):
        if m.group().strip(" \t") == "" and (_ends_with_abbreviation(text, m.start(), abbreviations)
                                              or _WEEK.match(text, max(0, m.start() - 2)) is not None):
            continue
        if m.group() == "\n" and _wrapped_after_abbreviation(text, m.start(), abbreviations):
            continue
        if paged and _page_break_in_sentence(text, m.start(), m.end()):
            continue
        _add(text, start, m.start(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


_INITIAL = compile_re(r"\p{Lu}\.")
#: "v." before a week's number ("lämnades in v. 47"): no sentence ends there.
_WEEK = compile_re(r"(?<![\w.])[vV]\.[ \t]+\d{1,2}(?!\d)")


def _page_break_in_sentence(text: str, start: int, end: int) -> bool:
    """The break ``[start, end)``, with the blanks before it (a running header or footer blanked on the line after
    a page break leaves a blank line: "behövt" / "\\f" / "" / "lämna …"), holds a page break inside a sentence."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return "\f" in text[start:end] and _runs_on(text, start, end)


def _runs_on(text: str, start: int, end: int) -> bool:
    """A page break inside a sentence: a word without a closing mark before it, a lower-case word after it."""
    return end < len(text) and text[end].islower() and start > 0 and (text[start - 1].isalnum() or text[start - 1] == ",")


#: A line that goes on with the sentence of the line before: a lower-case word or a number, no list item.
_GOES_ON = compile_re(r"[ \t]*(?:\p{Ll}|\d(?!\d?[.)]\s))")


def _wrapped_after_abbreviation(text: str, pos: int, abbreviations: frozenset[str]) -> bool:
    """The line break at ``pos`` wraps a sentence after an abbreviation ("Anna Berg, tel." / "0501-123 45, …"),
    as the break after it would not split it within a line."""
    line_start = text.rfind("\n", 0, pos) + 1
    word = text[line_start:pos].rsplit(None, 1)[-1:] or [""]
    return (word[0].casefold().lstrip("(\"”") in abbreviations
            and _GOES_ON.match(text, pos + 1) is not None)


def _ends_with_abbreviation(text: str, pos: int, abbreviations: frozenset[str]) -> bool:
    word = text[max(0, text.rfind(" ", 0, pos) + 1):pos].casefold().lstrip("(\"”")
    return word in abbreviations or bool(_INITIAL.fullmatch(text[max(0, pos - 2):pos]))


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + len(chunk) - len(chunk.lstrip())
        spans.append((s, s + len(stripped)))
