"""The numbered points of a proposed decision that flattened text ran into one line, set on lines of their own."""

from __future__ import annotations

from kdextract.layout.items import states_a_point
from kdextract.layout.line_breaks import Breaks
from kdextract.pattern_cache import compile_re

#: A point's number before a capital ("2. Kommunfullmäktige …").
_POINT = compile_re(r"(?<![\p{L}\d.,])(\d{1,2})\.[ \t]+(?=\p{Lu})")
_TOKEN = compile_re(r"\S+")


def decision_points(text: str, start: int, end: int, out: Breaks) -> int:
    """The numbered points of a proposed decision after its colon, the first a sentence, the next ones too or opening
    with its subject ("… beslutar följande: 1. Kommunfullmäktige godkänner … 2. Kommunfullmäktige beviljar …"), each
    on a line of its own; how many (two or more)."""
    points: list[int] = []
    subject = ""  # the first point's first word: the next ones may state theirs without a full stop
    for m in _POINT.finditer(text, start, end):
        value = int(m.group(1))
        k = m.start() - 1
        while k > start and text[k] in " \t":
            k -= 1
        word = _TOKEN.match(text, m.end(), end)
        if value == 1 and text[k] == ":":
            points = [m.start()] if states_a_point(text, m.end(), end) else []
            subject = word.group() if word is not None else ""
        elif points and value == len(points) + 1 and (
                word is not None and word.group() == subject or states_a_point(text, m.end(), end)):
            points.append(m.start())
        else:
            continue
        if len(points) == 2:
            out.before(points[0])
        if len(points) >= 2:
            out.before(m.start())
    return len(points) if len(points) >= 2 else 0
