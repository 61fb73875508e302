"""Bodies of several municipalities: a body named for its members ("Överförmyndarnämnden i Ekby och Åby"), a named
group ("Dalakommunerna") and a municipality's compound naming a cooperation ("Sundsvallsregionen")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import WB_L, WB_R, is_first_name, key_of, kind_words, org_rules
from kdextract.records.org_candidates import FULL_NAME, FULL_OFFICIAL, Cand
from kdextract.records.org_places import muni_name
from kdextract.text.fold import fold_key


#: The member municipalities a joint body is named for: "i Ekby och Åby", "i Ekby, Åby och Ösby" (not "i Ekby och
#: Åby kommuner": two bodies).
_MEMBERS = compile_re(r"[ \t]+i[ \t]+(?P<places>\p{Lu}[\p{L}\-]+(?:(?:,[ \t]*|[ \t]+och[ \t]+)\p{Lu}[\p{L}\-]+)+)"
                         r"(?![\p{L}\-]|[ \t]+(?:" + kind_words("municipality", "county") + r"))")
_MEMBER_SPLIT = compile_re(r",[ \t]*|[ \t]+och[ \t]+")


def joint_body(text: str, c: Cand) -> Cand:
    """A capitalised definite body followed by the member municipalities it is named for ("Överförmyndarnämnden i
    Ekby och Åby") as one candidate; any other candidate as it is."""
    m = _MEMBERS.match(text, c.end) if c.rule == "organisations/body_compound" and c.full == FULL_NAME else None
    if m is None or c.genitive or not c.text[:1].isupper() \
            or not all(muni_name(p) for p in _MEMBER_SPLIT.split(m.group("places"))):
        return c
    form = text[c.start:m.end()]
    return Cand(c.start, m.end(), form, kind=c.kind, key=c.key, form=" ".join(form.split()), full=FULL_OFFICIAL,
                rule="organisations/joint_body", method="rule", score=0.9,
                explanation="a body named for its member municipalities")


_KOMMUNERNA = compile_re(WB_L + r"(?P<w>\p{Lu}[\p{L}\-]*?(?:s[ \t]+k|k)ommunerna)(?P<g>s)?" + WB_R)


def find_kommunerna(text: str) -> Iterator[Cand]:
    """'Dalakommunerna', 'Dalarnas kommunerna', 'Kustkommunerna': named groups of municipalities."""
    neg = {fold_key(n) for n in org_rules().kommunerna_negatives}
    for m in _KOMMUNERNA.finditer(text):
        w = m.group("w")
        if fold_key(w) in neg or fold_key(w.split()[0]) in neg:
            continue
        first = w.split()[0]
        if " " in w and (fold_key(first) in {fold_key(s) for s in org_rules().owner_stoplist} or is_first_name(first[:-1])):
            continue
        if " " not in w and len(w) <= len("kommunerna") + 1:
            continue
        yield Cand(m.start(), m.end(), m.group(), kind="cooperation", key="grp:" + key_of(w), form=w,
                   full=FULL_NAME, rule="organisations/kommunerna", method="rule", score=0.8,
                   explanation="named group of municipalities", genitive=bool(m.group("g")))


@lru_cache(maxsize=1)
def _cooperation_re() -> regex.Pattern[str]:
    suffixes = sorted(org_rules().cooperation_suffixes.words, key=len, reverse=True)
    return compile_re(WB_L + r"(?P<place>\p{Lu}\p{L}+?)(?P<suffix>(?i:" + "|".join(map(regex.escape, suffixes)) + r"))"
                         + WB_R + r"(?![-\u2013]\p{L})")


def find_cooperations(text: str) -> Iterator[Cand]:
    """'Sundsvallsregionen', 'Skaraborgsregionens': a municipality's compound that names a cooperation."""
    for m in _cooperation_re().finditer(text):
        place = m.group("place")
        muni = muni_name(place) or (muni_name(place[:-1]) if place.endswith("s") else None)
        if muni is None:
            continue
        suffix = m.group("suffix")
        gen = suffix.endswith("s") and not suffix.endswith("ss")
        form = m.group()[:-1] if gen else m.group()
        yield Cand(m.start(), m.end(), m.group(), kind="cooperation", key="coop:" + key_of(form), form=form,
                   full=FULL_NAME, rule="organisations/cooperation_compound", method="rule", score=0.85,
                   explanation=f"'{muni}' + '{suffix}': a cooperation of municipalities", genitive=gen)
