"""A person candidate: a full-name span that a finder read, with the role and organisation beside it."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from kdextract.text.candidates import Candidate


@dataclass(slots=True)
class PCand(Candidate):
    """A person's ``name`` at a span, with the role and organisation found beside it."""

    name: str
    _: KW_ONLY
    role: str | None = None
    role_prio: int = 0
    org: str | None = None
    org_span: tuple[int, int] | None = None
    strong: bool = True       # a full name found by structure or a given-name check
