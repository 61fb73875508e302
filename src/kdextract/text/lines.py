"""The lines of a text around given places: the lines that hold offsets, and the nearest lines
before and after it that are not blank (read outwards from the line, not by splitting the text);
and patterns that match at line starts, found through the line breaks.

>>> text = "Justeras\\n\\n  Eva Ek  \\n \\nKommunchef"
>>> start, end = line_at(text, text.index("Ek"))
>>> text[start:end], line_before(text, start), line_after(text, end)
('  Eva Ek  ', 'Justeras', 'Kommunchef')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from kdextract.pattern_cache import compile_re


def line_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each line of ``text[start:end]`` (the first may start mid-line), line breaks left out."""
    stop = len(text) if end is None else end
    while (brk := text.find("\n", start, stop)) >= 0:
        yield start, brk
        start = brk + 1
    yield start, stop


#: A cell of a line set out in columns: words with single blanks (or a tab) between them; two or more blanks end it.
_WORD_CELL = compile_re(r"\S+(?:[ \t]\S+)*")


def word_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` of each cell of the line ``text[start:end]`` (words one blank or a tab apart), in order."""
    return [(m.start(), m.end()) for m in _WORD_CELL.finditer(text, start, end)]


def line_at(text: str, pos: int) -> tuple[int, int]:
    """``[start, end)`` of the line of ``text`` that holds ``pos`` (without its line break)."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def lines_at(text: str, offsets: Iterable[int]) -> Iterator[tuple[int, int]]:
    """The lines of ``text`` that hold ``offsets`` (ascending), each once, in order (each line read once)."""
    end = -1
    for pos in offsets:
        if pos > end:
            start, end = line_at(text, pos)
            yield start, end


def line_before(text: str, start: int) -> str:
    """The nearest line before the line that starts at ``start`` that is not blank, stripped ("" if none)."""
    while start > 0:
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line:
            return line
    return ""


def line_after(text: str, end: int) -> str:
    """The nearest line after the line that ends at ``end`` that is not blank, stripped ("" if none)."""
    while end < len(text):
        start = end + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if line:
            return line
    return ""


class LineStart:
    """A pattern that matches at a line's start and within its line, as ``(?m)^`` + ``body`` would.

    ``regex`` tries a pattern that opens with ``^`` at every character of the text; this one
    scans for the line breaks and matches the text's first line on its own.
    """

    def __init__(self, body: str, flags: int = 0) -> None:
        self._first = compile_re(body, flags | regex.MULTILINE)
        self._after_break = compile_re(r"\n" + body, flags | regex.MULTILINE)

    def match(self, text: str) -> regex.Match[str] | None:
        """The match at the start of ``text``."""
        return self._first.match(text)

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The matches at the starts of the lines of ``text``, in order (their groups as ``(?m)^`` + body gives them;
        those after the first line also hold the line break before them)."""
        first = self._first.match(text)
        if first is not None:
            yield first
        yield from self._after_break.finditer(text)
