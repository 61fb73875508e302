"""Every finder returns the one candidate type: a span with its rule, kind, score and explanation."""

from __future__ import annotations

from dataclasses import fields

import pytest

from kdextract.parsers.amounts import _AmountCandidate
from kdextract.parsers.dates.engine import DateCandidate
from kdextract.records.org_candidates import Cand
from kdextract.records.person_candidate import PCand
from kdextract.records.project_names import ProjectCandidate
from kdextract.text.candidates import Candidate

FINDERS = [DateCandidate, _AmountCandidate, Cand, PCand, ProjectCandidate]
SHARED = ["start", "end", "rule", "kind", "score", "explanation"]


@pytest.mark.parametrize("cls", FINDERS, ids=lambda c: c.__name__)
def test_a_finder_candidate_is_a_slotted_candidate(cls: type[Candidate]) -> None:
    assert issubclass(cls, Candidate)
    assert [f.name for f in fields(cls)][:len(SHARED)] == SHARED
    assert "__dict__" not in dir(cls)  # slots all the way down: no per-instance dict on hot paths


def test_the_provenance_is_keyword_only() -> None:
    c = PCand(3, 12, "Eva Berg", rule="people/signature", score=0.9, explanation="name in a signature block")
    assert (c.start, c.end, c.rule, c.kind, c.score) == (3, 12, "people/signature", "", 0.9)
    with pytest.raises(TypeError):
        Candidate(0, 1, "r")  # type: ignore[call-arg]
