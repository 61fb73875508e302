"""Signers over their titles, one or more side by side in columns: "Eva Ek (S)" over "Ordförande", "Per Holm (M)
Anna Wik (C)" over "Justerare      Sekreterare", or two or more names without parties ("Eva Ek      Per Holm" over
"Ekonomichef      Kommundirektör")."""

from __future__ import annotations

from collections.abc import Iterator

from kdextract.layout.columns import cells
from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import role_fuzzy
from kdextract.records.person_candidate import PCand
from kdextract.records.person_names import NAME_RUN, PeopleRules
from kdextract.records.person_names import name_ok as _name_ok
from kdextract.text.fold import fold_key
from kdextract.text.lines import line_spans

__all__ = ["find_titled_signers"]

_RULES = PeopleRules.load()
#: A party in brackets at the end of a name's cell ("Eva Ek (S)").
_PARTY_END = compile_re(r"[ ]\((?:" + "|".join(sorted(_RULES.parties, key=lambda w: (-len(w), w))) + r")\)\Z")
#: The role a signature label under a name gives (folded label -> role); an adjuster's label names no office.
_LABEL_ROLES = {fold_key(k): v for k, v in _RULES.signature_labels.items()}
_NO_OFFICE = "justerare"


def find_titled_signers(text: str) -> Iterator[PCand]:
    """Each name over its title on the line right under it, the cells of both lines paired in order: names with
    their parties, or two or more names alone side by side; a title that is a signature label gives its role
    ("Sekreterare"), "Justerare" none."""
    names: list[tuple[int, int]] = []  # the line above: where each cell's name ends (before its party, if any)
    for s, e in line_spans(text):
        row = cells(text, s, e)
        if row and len(names) == len(row):
            for (a, b), (ta, tb) in zip(names, row):
                yield from _signer(text, a, b, text[ta:tb])
        ends = [(a, m.start()) for a, b in row if (m := _PARTY_END.search(text, a, b)) is not None]
        if len(ends) == len(row):
            names = ends
        else:  # "Eva Ek      Per Holm": each cell a whole name
            names = row if len(row) >= 2 and all(NAME_RUN.fullmatch(text, a, b) for a, b in row) else []


def _signer(text: str, a: int, b: int, title: str) -> Iterator[PCand]:
    tokens = text[a:b].split()
    if not 2 <= len(tokens) <= 4 or NAME_RUN.fullmatch(text, a, b) is None or not _name_ok(tokens, text, strict=False):
        return
    if NAME_RUN.fullmatch(title) is not None or not role_fuzzy(title):
        return
    label = _LABEL_ROLES.get(fold_key(title).rstrip(":"))
    role = None if label == _NO_OFFICE else (label or title)
    yield PCand(a, b, text[a:b], rule="people/signature", score=0.9, explanation="name over its title",
                role=role, role_prio=3 if role else 0)
