"""Words a lost line break ran onto the end of a person's name, cut off again.

Where a document's line breaks were lost, the word that opened the next line follows a name as if it
were a third name ("Eva Ek Ämne: …" in a mail header, "Eva Ek Utdraget bestyrks" under a signature).

>>> from kdextract.records.person_candidate import PCand
>>> text = "Eva Ek (S) yrkar bifall. Justerare Eva Ek Utdraget bestyrks."
>>> found = [PCand(0, 6, "Eva Ek", rule="r", score=1.0, explanation=""),
...          PCand(35, 50, "Eva Ek Utdraget", rule="r", score=1.0, explanation="")]
>>> [c.name for c in without_run_on_words(text, found)]
['Eva Ek', 'Eva Ek']
"""

from __future__ import annotations

from dataclasses import replace

from kdextract.records.name_utils import is_first_name
from kdextract.records.person_candidate import PCand
from kdextract.records.person_names import PeopleRules
from kdextract.text.fold import fold_key
from kdextract.text.lexicon import load_lexicon


def without_run_on_words(text: str, cands: list[PCand]) -> list[PCand]:
    """The candidates with a common word cut from the end of a name of three words or more where a lost line
    break ran it on: a form label ("Eva Ek Ämne: …") or where the rest stands alone elsewhere as a name
    ("Eva Ek Utdraget bestyrks" and "Eva Ek (S)"), but not where the two are listed together ("Jan Nilsson och Jan
    Nilsson Ek": two people)."""
    starts: dict[str, set[int]] = {}
    for c in cands:
        starts.setdefault(fold_key(c.name), set()).add(c.start)
    beside = _listed_beside(text, cands)
    lex = load_lexicon()
    out = []
    for k, c in enumerate(cands):
        words = c.name.split()
        if len(words) >= 3 and c.name.endswith(words[-1]) and not is_first_name(words[-1]) \
                and words[-1].casefold() in lex.common and fold_key(c.name[:-len(words[-1])].rstrip()) not in beside[k]:
            head = c.name[:-len(words[-1])].rstrip()
            alone = starts.get(fold_key(head), set())
            if text.startswith(":", c.end) or len(alone) > 1 or (alone and c.start not in alone):
                c = replace(c, end=c.start + len(text[c.start:c.end][:-len(words[-1])].rstrip()), name=head)
        out.append(c)
    return out


def _listed_beside(text: str, cands: list[PCand]) -> list[set[str]]:
    """For each candidate, the names of the candidates listed right before or after it (see ``listed_together``)."""
    ends: dict[int, set[str]] = {}
    starts: dict[int, set[str]] = {}
    for c in cands:
        ends.setdefault(c.end, set()).add(fold_key(c.name))
        starts.setdefault(c.start, set()).add(fold_key(c.name))
    beside: list[set[str]] = []
    for c in cands:
        near = set()
        for gap in range(_JOIN_CHARS + 1):  # (asked only where a candidate ends or starts)
            if c.start - gap in ends and listed_together(text, c.start - gap, c.start):
                near |= ends[c.start - gap]
            if c.end + gap in starts and listed_together(text, c.end, c.end + gap):
                near |= starts[c.end + gap]
        beside.append(near)
    return beside


#: What joins two people of a list: a comma, or a joining word ("och", "&").
_JOINERS = frozenset({",", *PeopleRules.load().couple_joiners, "samt"})
#: Most characters between two names of a list.
_JOIN_CHARS = 8


def listed_together(text: str, end: int, start: int) -> bool:
    """The name that ends at ``end`` and the one that starts at ``start`` are two people of one list: only a comma
    or a joining word stands between them ("Jan Nilsson och Jan Nilsson Ek", "Eva Ek, Eva Ek Lund")."""
    return 0 <= end <= start and start - end <= _JOIN_CHARS and text[end:start].strip() in _JOINERS
