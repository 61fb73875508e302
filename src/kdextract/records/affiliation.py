"""The role and the organisation in the fields after a listed person's name ("Eva Ek, rektor, Vallaskolan").

Shared by the attendance lists of minutes and the values of a protocol form: the fields are cut at commas and tabs; a
field that is a role title is the role, the first other one (or one wholly in brackets that holds no party: "Eva Ek
(Region Västerbotten)") the organisation. A capitalised definite form of a title ("Polisen") is the employer.
"""

from __future__ import annotations

import regex

from kdextract.layout.words import is_role, role_base
from kdextract.pattern_cache import compile_re
from kdextract.records.person_names import PeopleRules

_FIELD = compile_re(r"[^,\t]+")
_TRAILING_BRACKET = compile_re(r"\s*\([^)]*\)\s*$")
_PARTY = compile_re(r"^\((?P<p>" + "|".join(map(regex.escape, PeopleRules.load().parties)) + r")\)$")

Affiliation = tuple[str | None, str | None, tuple[int, int] | None]


def role_and_org(text: str, start: int, end: int) -> Affiliation:
    """The role, the organisation and its span among the fields of ``text[start:end]``."""
    role = org = None
    org_span = None
    for m in _FIELD.finditer(text, start, end):
        part = m.group().strip()
        if not part or _PARTY.match(part):
            continue
        clean = part.strip("() \t") if part[0] == "(" else _TRAILING_BRACKET.sub("", part).strip()
        if clean and role is None and _title(clean):
            role = clean
        elif org is None and clean:
            s = text.find(clean, m.start(), m.end())
            org, org_span = clean, (s, s + len(clean))
    return role, org, org_span


def _title(field: str) -> bool:
    """``field`` is a role title ("rektor", "enhetschef för X")."""
    return not titled_body(field) and (is_role(field) or is_role(field.split()[0]))


def titled_body(field: str) -> bool:
    """``field`` is one capitalised word, the definite form of a title ("Polisen", not "polis" or "Rektor"): a body
    named by its staff's title, the employer of the person before it."""
    base = role_base(field) if " " not in field and field[:1].isupper() else None
    return base is not None and base != field and not field.casefold().endswith("s")


__all__ = ["role_and_org", "titled_body"]
