"""Courts named for a place that is no municipality's name as written ("Falu tingsrätt", "Svea hovrätt").

A court's name is its place and its head ("tingsrätt", "förvaltningsrätt", "hovrätt": the heads of kind
``agency`` in ``institutions_after_place``); where the place is a municipality's name, in the nominative or the
genitive, the municipalities' finder reads it (``org_places``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import key_of, org_rules
from kdextract.records.org_candidates import FULL_NAME, Cand
from kdextract.records.org_places import definite_listed, muni_name


@lru_cache(maxsize=1)
def _court() -> regex.Pattern[str]:
    heads = sorted((h for h, kind in org_rules().institutions_after_place.heads.items() if kind == "agency"),
                   key=lambda w: (-len(w), w))
    return compile_re(r"(?<![\p{L}\p{N}\-])(?P<place>\p{Lu}\p{Ll}+)[ ]+(?P<head>" + "|".join(heads) + r")(?![\p{L}])",
                      regex.V1)


def find_courts(text: str) -> Iterator[Cand]:
    """"Falu tingsrätt": a capitalised place word that names no municipality, right before a court's head."""
    for m in _court().finditer(text):
        place = m.group("place")
        if muni_name(place) is not None or muni_name(place[:-1]) is not None and place.endswith("s"):
            continue  # the municipalities' finder reads "Lycksele tingsrätt", "Hässleholms tingsrätt"
        yield Cand(m.start(), m.end(), m.group(), kind="agency", key="inst:" + key_of(m.group()), form=m.group(),
                   full=FULL_NAME, rule="organisations/place_court", method="rule", score=0.9,
                   explanation=f"the court's head '{m.group('head')}' after the place word {place!r}",
                   head_key=definite_listed(m.group("head")))
