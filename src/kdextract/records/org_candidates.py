"""The organisation candidate every finder yields, and how full a form is."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field

from kdextract.models import OrganisationKind
from kdextract.text.candidates import Candidate

# how full a form is: the canonical name is the fullest form seen
FULL_OFFICIAL = 4   # "Kalix kommun", an expansion of an abbreviation, an owner-named body

FULL_NAME = 3       # a body's definite compound, a gazetteer name

FULL_SHORT = 2      # a bare municipality, a short form

FULL_ABBR = 1       # an abbreviation, an indefinite form

@dataclass(slots=True)
class Cand(Candidate):
    """An organisation mention: its surface ``text``, identity ``key`` and nominative ``form``."""

    text: str
    _: KW_ONLY
    kind: OrganisationKind
    key: str
    form: str                      # nominative surface form (genitive -s removed)
    full: int
    method: str = "rule"           # rule | gazetteer | model
    score: float = 0.9
    canonical: str | None = None   # gazetteer spelling, kept as an alias
    aliases: list[str] = field(default_factory=list)
    head_key: str | None = None    # key of the body part of an owner-named organisation
    link_only: bool = False        # only a mention of an organisation found otherwise
    genitive: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start
