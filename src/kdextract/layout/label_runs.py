"""Numbered section labels run into a flattened line ("… i november. Uppdrag 2. Handlingsplan …"), each set apart.

A follow-up of a board's commissions, a control report or a plan heads its parts with a label word and a number
(``section_label``: "Uppdrag 1. Översyn av …", "Kontrollmoment 2: Attest"). Where the line breaks were lost, the
labels stand inside one long line. Three or more of them that each follow a sentence end, with numbers that rise by
one, are the document's parts: each opens a paragraph again, as it did before the text was flattened.

>>> text = "Inledning. Uppdrag 1. Ett Text. Uppdrag 2. Två Text. Uppdrag 3. Tre Text." + " Mer text." * 20
>>> [(s, e, new) for s, e, new, _ in label_run_edits(text)]
[(10, 11, '\\n\\n'), (31, 32, '\\n\\n'), (52, 53, '\\n\\n')]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.pages import FLAT_PAGE
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.text.view import Replacement

_LINE = compile_re(r"[^\n]+")
#: The blanks after a sentence end, before a label.
_AFTER_SENTENCE = compile_re(r"[.!?][ \t]+$")
#: Fewest labels of one run.
MIN_RUN = 3


@lru_cache(maxsize=1)
def _label() -> regex.Pattern[str]:
    """``section_label`` anywhere in a line, not only at its start."""
    return compile_re(rules().section_label.pattern.removeprefix("^"))


def label_run_edits(text: str) -> list[Replacement]:
    """A paragraph break before each label of a run of numbered section labels inside a flattened line."""
    reps: list[Replacement] = []
    for line in _LINE.finditer(text):
        if line.end() - line.start() < FLAT_PAGE:
            continue
        run: list[tuple[int, int]] = []  # (blanks' start, label's start) of the labels in a row
        last = 0  # the number of the run's last label
        for m in _label().finditer(text, line.start(), line.end()):
            before = _AFTER_SENTENCE.search(text, max(line.start(), m.start() - 4), m.start())
            number = m.group("number")
            if before is None or not number.isdigit():
                continue
            if run and int(number) != last + 1:
                reps += _breaks(run)
                run = []
            run.append((before.start() + 1, m.start()))
            last = int(number)
        reps += _breaks(run)
    return reps


def _breaks(run: list[tuple[int, int]]) -> list[Replacement]:
    return [(a, b, "\n\n", "layout: numbered label run into a line") for a, b in run] if len(run) >= MIN_RUN else []


def opens_with_label(text: str, start: int, end: int) -> bool:
    """The line at ``start`` opens with a numbered section label: a structure cue of a flattened line ("Uppdrag 5.
    Title Givet: … Förslag till beslut …", the last part run into the rest of the document)."""
    return _label().match(text, start, end) is not None

