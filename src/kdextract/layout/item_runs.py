"""Runs of item numbers in flattened text: the numbers that count up 1, 2, 3 … make each other items.

``layout.reflow`` reads a flattened line's item heads one by one, each on the evidence of its own form;
a run of them is evidence for all: numbers that count up from 1 are a flattened agenda, marked ones
("1.", "2.", "3.") even in a form's tail, and so are case numbers of one shape that each lead a title, with
no label before them ("KS 24/112 Ny taxa, Eva Ek KS 24/98 Budget, Ola Berg KS 24/120 …").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

from kdextract.layout.items import Head, states_a_point
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re

#: Fewest bare item numbers 1, 2, 3 … in a row that make a flattened agenda; of marked ones ("1.", "2."), each
#: before a capital, no point of a decision.
AGENDA_RUN = 3
MARKED_RUN = 2
#: Fewest case numbers of one shape, each before a title, that make a flattened list of cases.
CASE_RUN = 3
#: Farthest (characters) between two case numbers of one list.
CASE_GAP = 400
_DIGITS = compile_re(r"\d+")


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """``pos`` lies in one of ``spans``."""
    return any(a <= pos < b for a, b in spans)


def agenda_run(text: str, candidates: list[tuple[Head, str]], keep_out: list[tuple[int, int]], end: int) -> set[int]:
    """Where item numbers 1, 2, 3 … (each before a capital) follow one another: ``AGENDA_RUN`` or more bare
    ones outside a form's tail (a flattened agenda, whose items need no sentence end before them), or
    ``MARKED_RUN`` or more marked ones ("1.", "2.": "Ärenden till fullmäktige 1. Årsredovisning 2. Taxa"), no point of a decision among them, in a form's tail too (notes whose head form
    ends right before their items: "Antecknat av: Eva Ek 1. Föregående anteckningar • … 2. Ekonomi • …")."""
    r = rules()

    def bare(head: Head, prev: str) -> bool:
        return not (head.marked or head.prefix or prev.casefold() in r.not_before_number
                    or inside(keep_out, head.start))

    def marked(head: Head, prev: str) -> bool:
        return head.marked and head.number is not None and head.number.isdigit() \
            and not states_a_point(text, head.title_start, end)

    return _runs(candidates, bare, AGENDA_RUN) | _runs(candidates, marked, AGENDA_RUN) \
        | _runs(candidates, marked, MARKED_RUN, tight=True)


def _runs(candidates: list[tuple[Head, str]], eligible: Callable[[Head, str], bool], least: int,
          tight: bool = False) -> set[int]:
    """The starts of the ``eligible`` depth-1 agenda heads that count up 1, 2, 3 … in runs of ``least`` or more
    (``tight``: each head right after the one before among the numbered candidates: "1. Taxa 2. Budget", not an
    item 1 and a decision's point 2 after its point 1)."""
    parent: list[int] = []
    length: list[int] = []
    ends: dict[int, int] = {}  # value -> the candidate that ends the longest run up to it
    numbered = -1  # the last candidate with a number
    for i, (head, prev) in enumerate(candidates):
        parent.append(-1)
        length.append(0)
        value = head.value
        last_numbered, numbered = numbered, i if value is not None else numbered
        if value is None or head.kind != "agenda" or head.depth != 1 or not eligible(head, prev):
            continue
        before = ends.get(value - 1)
        if tight and before != last_numbered:
            before = None
        if before is not None:
            parent[i], length[i] = before, length[before] + 1
        elif value == 1:
            length[i] = 1
        else:
            continue
        if value not in ends or length[ends[value]] <= length[i]:
            ends[value] = i
    runs: set[int] = set()
    for i in range(len(candidates) - 1, -1, -1):
        if length[i] >= least and candidates[i][0].start not in runs:
            j = i
            while j >= 0 and candidates[j][0].start not in runs:
                runs.add(candidates[j][0].start)
                j = parent[j]
    return runs


def case_run(text: str, candidates: list[tuple[Head, str]], keep_out: list[tuple[int, int]]) -> set[int]:
    """The starts of the case-number heads of a list of cases without labels: ``CASE_RUN`` or more in a row,
    outside a form, each before a capitalised title, their numbers of one shape ("KS 24/112", "KS 24/98")
    and at most ``CASE_GAP`` apart."""
    run: list[Head] = []
    shape = ""
    found: set[int] = set()
    for head, _ in candidates:
        if head.kind != "case" or head.case is None or inside(keep_out, head.start) \
                or not text[head.title_start:head.title_start + 1].isupper() \
                or label_before().search(text, max(0, head.start - 30), head.start) is not None:
            continue  # (a labelled one, "Dnr BUN 2024/141", is an item's own number or a list of ``reflow._case_list``)
        own = _DIGITS.sub("9", text[head.case[0]:head.case[1]])
        if run and (own != shape or head.start - run[-1].start > CASE_GAP):
            found |= {h.start for h in run} if len(run) >= CASE_RUN else set()
            run = []
        run.append(head)
        shape = own
    return found | ({h.start for h in run} if len(run) >= CASE_RUN else set())


@lru_cache(maxsize=1)
def label_before() -> regex.Pattern[str]:
    """A case number's label ("Dnr", "Vår beteckning:") right before where the search ends."""
    return compile_re(r"(?i:" + rules().case_label.pattern + r")[ \t]*$")
