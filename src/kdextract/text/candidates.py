"""The candidate every finder returns: a span of the text, what it is, the rule behind it, how sure
the rule is and why it matched.

Finders (dates, amounts, organisations, people, projects) subclass it with their own payload
(a value, a name, a role …) and choose among overlapping candidates before they become public
records, whose ``Source`` carries the same ``rule``, ``score`` and ``explanation``.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass


@dataclass(slots=True)
class Candidate:
    """``[start, end)`` in the text a finder searched; the rest is keyword-only.

    >>> Candidate(4, 9, rule="dates/day_month", explanation="day and month name")
    Candidate(start=4, end=9, rule='dates/day_month', kind='', score=1.0, explanation='day and month name')
    """

    start: int
    end: int
    _: KW_ONLY
    rule: str  # rule id ("people/signature") or "model"
    kind: str = ""  # what the span is where a finder tells kinds apart ("clock", "committee" …)
    score: float = 1.0  # confidence in [0, 1]
    explanation: str = ""  # why the rule matched, in words
