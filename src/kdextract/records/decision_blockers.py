"""Whether a decision cue's sentence says it is no decision: future, conditional or negated (a blocker among the
three words before the cue), a cleft ("det är Trafikverket som beslutar om …"), a proposal's "att"-clause ("…
föreslog den 2 maj att bidraget beviljas"), a question or a list's lead-in ("Följande beslut har fattats …:").

Each is read in a bounded window before the cue or found by position among the document's proposal verbs, "att"s
and modal verbs, listed once: a long sentence of cues is read in linear time, not once from its start per cue.
"""

from __future__ import annotations

from bisect import bisect_left

from kdextract.pattern_cache import compile_re
from kdextract.records.decision_rules import rules

__all__ = ["Blockers"]

_WORD = compile_re(r"[\w-]+")
_ATT = compile_re(r"\batt\b")
_CLAUSE_END = compile_re(r"[.;:!?]")
#: How far before a cue its three words and a cleft ("det är … som", six words at most) are sought.
_WINDOW = 160


class Blockers:
    """The blocked cues of one (folded) document."""

    def __init__(self, folded: str) -> None:
        r = rules()
        self.folded = folded
        self._verbs = [m.start() for m in r.proposal_verbs.finditer(folded)]
        atts = [m.start() for m in _ATT.finditer(folded)]
        ends = [m.start() for m in _CLAUSE_END.finditer(folded)]
        self._breaks = [m.end() for m in r.relative_clause_breaks.finditer(folded)]
        self._modals = [m.start() for m in r.passive_modals.finditer(folded)]
        # the "att" that opens each verb's clause (none where a clause end comes first), and from each verb the
        # first later one that has such an "att" (an earlier verb's "att" comes no later: it is the first one)
        self._att: list[int | None] = []
        for v in self._verbs:
            k = bisect_left(atts, v)
            a = atts[k] if k < len(atts) else None
            e = bisect_left(ends, v)
            self._att.append(a if a is not None and (e == len(ends) or ends[e] > a) else None)
        self._next = [len(self._verbs)] * (len(self._verbs) + 1)
        for i in range(len(self._verbs) - 1, -1, -1):
            self._next[i] = i if self._att[i] is not None else self._next[i + 1]

    def blocked(self, sent: tuple[int, int], start: int, end: int) -> bool:
        """Future, conditional, negated, a cleft's or a proposal's clause, a question or a list's lead-in."""
        r, folded = rules(), self.folded
        if r.negation.search(folded, start, end):
            return True
        lo = max(sent[0], start - _WINDOW)
        words = _WORD.findall(folded, lo, start)
        if lo > sent[0] and words and (folded[lo - 1].isalnum() or folded[lo - 1] in "_-"):
            words = words[1:]  # (a word the window cuts)
        if r.blockers.search(" ".join(words[-3:])) or r.cleft.search(folded, lo, start) \
                or self._in_proposal(sent[0], start):
            return True
        end = sent[1]
        while end > sent[0] and folded[end - 1].isspace():
            end -= 1
        last = folded[end - 1:end]
        return last == "?" or last == ":" and r.list_lead_in.match(folded, sent[0], end) is not None

    def modal_before(self, sent: tuple[int, int], start: int) -> bool:
        """A modal verb in the sentence before ``start`` ("… kan ett tillägg beviljas"): a possibility."""
        k = bisect_left(self._modals, sent[0])
        return k < len(self._modals) and self._modals[k] < start

    def _in_proposal(self, sent_start: int, start: int) -> bool:
        """``start`` lies in a proposal verb's "att"-clause in its sentence, no relative clause after it ("…
        föreslog att ärendet skulle återremitteras, vilket nämnden beslutade")."""
        k = bisect_left(self._breaks, start + 1) - 1
        lo = max(sent_start, self._breaks[k]) if k >= 0 else sent_start
        i = self._next[bisect_left(self._verbs, lo)]
        if i == len(self._verbs) or self._verbs[i] >= start:
            return False
        att = self._att[i]
        return att is not None and att < start
