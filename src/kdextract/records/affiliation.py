"""The role and the organisation in the fields after a listed person's name ("Eva Ek, rektor, Vallaskolan").

Shared by the attendance lists of minutes and the values of a protocol form: the fields are cut at commas and tabs; a
field that is a role title is the role, the first other one (or one wholly in brackets that holds no party of Swedish
politics: "Eva Ek (Region Västerbotten)", "Per Lund (SPF)") the organisation. A capitalised definite form of a title
("Polisen") is the employer. Several people on one line each have the fields up to the next one's name ("Eva Ek,
Polisen, Per Lund, Skatteverket"; "Eva Ek (Polisen) och Per Lund (Region Ekby)").
"""

from __future__ import annotations

import regex

from kdextract.layout.form import protocol_rules
from kdextract.layout.words import is_role, role_base
from kdextract.pattern_cache import compile_re
from kdextract.records.person_names import PeopleRules

_FIELD = compile_re(r"[^,\t]+")
_TRAILING_BRACKET = compile_re(r"\s*\([^)]*\)\s*$")
#: The parties of Swedish politics (rule data); any other acronym in brackets ("(SPF)", "(FUB)") is an organisation.
_PARTIES = "|".join(map(regex.escape, sorted({*PeopleRules.load().parties, *protocol_rules().parties}, key=len,
                                             reverse=True)))
_PARTY = compile_re(r"^\((?i:" + _PARTIES + r")\)$")
#: What opens the fields after a name: a comma or a bracket, after the person's party ("Eva Ek (S), Skatteverket").
_OPENS = compile_re(r"(?:[ \t]*\([ \t]*(?i:" + _PARTIES + r")[ \t]*\))?+[ \t]*(?=[,(])")

Affiliation = tuple[str | None, str | None, tuple[int, int] | None]


def fields_after(text: str, name_end: int, limit: int, line_end: int) -> tuple[int, int] | None:
    """Where the fields of the person whose name ends at ``name_end`` stand: the rest of the line (``line_end``), or
    where the next person's name starts on the same line (``limit``), the fields set off before it: up to the last
    comma ("Eva Ek, Polisen, Per Lund"), or the bracket ("Eva Ek (Polisen) och Per Lund"). None where no comma or
    bracket sets words off after the name."""
    opens = _OPENS.match(text, name_end, limit)
    if opens is None:
        return None
    if line_end <= limit:
        return opens.start(), line_end
    if text[opens.end()] == "(":
        close = text.find(")", opens.end(), limit)
        return None if close < 0 else (opens.start(), close + 1)
    return opens.start(), text.rfind(",", opens.end(), limit)


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


__all__ = ["fields_after", "role_and_org", "titled_body"]
