"""Signers over their titles, one or more side by side in columns: "Eva Ek (S)" or "Eva Ek" over "Ordförande",
"Per Holm      Anna Wik" over "Justerare      Sekreterare" (the layout read by ``layout.signature_rows``)."""

from __future__ import annotations

from collections.abc import Iterator

from kdextract.layout.form import form_label, is_form_label
from kdextract.layout.signature_rows import signer_pairs
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
#: What a line of titles opens with: a capital letter (a cheap test before its cells are read).
_TITLE_START = compile_re(r"[ \t]*\p{Lu}")


def find_titled_signers(text: str) -> Iterator[PCand]:
    """Each name over its title on the line right under it, the cells of both lines paired in order; a title that
    is a signature label gives its role ("Sekreterare"), an adjuster's ("Justerare", "Justerande") none."""
    for s, e in line_spans(text):
        if e - s > 120 or _TITLE_START.match(text, s, e) is None:
            continue
        for (a, b), (ta, tb) in signer_pairs(text, s, e, is_form_label, closed=False):
            party = _PARTY_END.search(text, a, b)
            yield from _signer(text, a, party.start() if party is not None else b, text[ta:tb].rstrip(":"),
                               party is not None)


def _signer(text: str, a: int, b: int, title: str, party: bool) -> Iterator[PCand]:
    tokens = text[a:b].split()
    if not 2 <= len(tokens) <= 4 or NAME_RUN.fullmatch(text, a, b) is None or not _name_ok(tokens, text, strict=False):
        return
    label = form_label(title)
    if NAME_RUN.fullmatch(title) is not None or not (role_fuzzy(title) or label is not None and not party):
        return
    office = _LABEL_ROLES.get(fold_key(title))
    role = None if _NO_OFFICE in (office, label.role if label else None) or (label and not label.role) \
        else (office or title)
    why = "name with a party over its title" if party else "name over its title"
    yield PCand(a, b, text[a:b], rule="people/signature", score=0.9, explanation=why, role=role,
                role_prio=3 if role else 0)
