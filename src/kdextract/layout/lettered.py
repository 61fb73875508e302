"""Lettered entries run into a line: "3. Anmälan av delegationsbeslut a) Bygglov b) Strandskydd c) …".

An agenda letters its entries ("a) Allmänhetens frågestund", a kungörelse's "Ärenden") or the sub-items of one
item ("3. Delegationsbeslut" over "a) Bygglov", "b) Strandskydd"). Where the line breaks were lost, the markers
still count a, b, c and a capital follows each: every one starts a line (a list line, the body of its item, or an
entry after a contents label), and the title before the first ends there.

>>> t = "3. Anmälan av delegationsbeslut a) Bygglov b) Strandskydd"
>>> [t[k:k + 4] for k in lettered_starts(t, 0, len(t))]
['a) B', 'b) S']
"""

from __future__ import annotations

from kdextract.pattern_cache import compile_re

#: A letter marker after a blank (or at the start) and before a capital.
_LETTER = compile_re(r"(?<![^ \t\n\f])(?P<letter>[a-z])\)[ \t]+(?=\p{Lu})")
#: The fewest markers counting from "a" that make a lettered run.
MIN_RUN = 2


def lettered_starts(text: str, start: int, end: int) -> list[int]:
    """Where each marker of the lettered runs in ``text[start:end]`` begins: markers that count up from "a)"
    one letter at a time, two or more of them (a marker out of turn is no entry)."""
    out: list[int] = []
    run: list[int] = []
    for m in _LETTER.finditer(text, start, end):
        k = ord(m.group("letter")) - ord("a")
        if k == 0:
            out += run if len(run) >= MIN_RUN else []
            run = [m.start()]
        elif k == len(run) and run:
            run.append(m.start())
    return out + (run if len(run) >= MIN_RUN else [])


def marker_at(text: str, pos: int, end: int) -> bool:
    """A letter marker before a capital starts at ``pos`` ("a) Bygglov")."""
    return _LETTER.match(text, pos, end) is not None


def opens_lettered_run(text: str, pos: int, end: int) -> bool:
    """The first lettered run of ``text[pos:end]`` starts at ``pos`` (``lettered_starts(…)[:1] == [pos]``): an
    "a)" there, and a "b)" after it before another "a)"; read up to that marker only, not to ``end``."""
    first = _LETTER.match(text, pos, end)
    if first is None or first.group("letter") != "a":
        return False
    for m in _LETTER.finditer(text, first.end(), end):
        if m.group("letter") in "ab":
            return m.group("letter") == "b"
    return False
