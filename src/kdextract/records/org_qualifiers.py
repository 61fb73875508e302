"""A body's name that goes on with an acronym of what the body is for: "Brukarrådet LSS".

A council or group for one area often carries that area's acronym after its head word as part of
its name ("Brukarrådet LSS", "Pensionärsrådet KPR", "Samverkansgruppen FSG"): the body is named
with it, and "brukarrådet LSS" later in the text is the same body. An acronym that names an
organisation of its own (another candidate starts there) or that opens a § reference ("KS § 12")
is no part of the name.
"""

from __future__ import annotations

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.org_candidates import FULL_NAME, Cand

#: An acronym of two to five capitals one blank after a name (a column gap parts cells), not glued to a word or a dash.
_ACRONYM = compile_re(r" (?P<a>\p{Lu}{2,5})(?![\p{L}\d\-–]|[ \t]*§)", regex.V1)


def acronym_qualified(text: str, c: Cand, taken: frozenset[int]) -> Cand:
    """``c`` with the acronym after it where ``c`` is a body's definite compound not in the genitive
    ("Brukarrådet" + " LSS"); ``taken``: the starts of the other candidates (an acronym found as a name
    of its own stays apart)."""
    if c.rule != "organisations/body_compound" or c.full != FULL_NAME or c.genitive or c.link_only:
        return c
    m = _ACRONYM.match(text, c.end)
    if m is None or m.start("a") in taken:
        return c
    acronym = m.group("a")
    return Cand(c.start, m.end(), text[c.start:m.end()], kind=c.kind, key=f"{c.key}:{acronym.casefold()}",
                form=f"{c.form} {acronym}", full=c.full, rule=c.rule, method=c.method, score=c.score,
                explanation=f"{c.explanation} and the acronym {acronym!r} of what it is for", aliases=list(c.aliases))
