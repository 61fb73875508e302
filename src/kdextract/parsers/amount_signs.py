"""A dash glued to a figure at a line's very start: a list's dash ("Fördelning:" over "-500 kr till föreningen"),
or a minus where the line stands in a column of signed figures ("+1,2 mnkr förskolan" over "-0,8 mnkr
grundskolan"): a run of lines, each opening with a figure, that holds a plus or a true minus (U+2212) beside the
dashed ones."""

from __future__ import annotations

import regex

from kdextract.pattern_cache import compile_re

#: A line opening with a figure, maybe signed (no item number: "1. ", "2) ").
_FIGURE_LINE = compile_re(r"^[ \t]*+(?P<sign>[-+\u2212\u2013]?)\d++(?![.)][ \t])", regex.MULTILINE)
_DASHES = "-\u2013"


def column_minuses(text: str) -> frozenset[int]:
    """The positions of the dashes at a line's start that are minuses: glued to a figure, in a run of lines that
    open with figures, one of them with a plus or a true minus."""
    out: set[int] = set()
    run: list[int] = []  # the dashes' positions in the current run
    signed = False  # the run holds a figure with a plus or a true minus
    next_start = -1  # where a line right after the run's last one starts
    for m in _FIGURE_LINE.finditer(text):
        if m.start() != next_start:
            if signed:
                out.update(run)
            run, signed = [], False
        if m["sign"] and m["sign"] in _DASHES:
            run.append(m.start("sign"))
        elif m["sign"]:
            signed = True
        end = text.find("\n", m.end())
        next_start = len(text) + 1 if end < 0 else end + 1
    if signed:
        out.update(run)
    return frozenset(out)
