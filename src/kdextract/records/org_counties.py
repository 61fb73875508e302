"""Bodies named for their county: "Kalmar läns kommunförbund", "Gotlands läns hushållningssällskap".

A county's genitive ("X läns", the place in one or two capitalised words) and a head of ``county_heads`` (or a
compound that ends in one) are one name; the place alone is no municipality there. A Nordic neighbour's public body
is named so too, its place's capitalised name before a lower-case head of ``foreign_public_heads`` ("Innlandet
fylkeskommune", "Narvik kommune", "Tornion kaupunki").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_sentence_start, key_of, lower_word_elsewhere, org_rules
from kdextract.records.org_candidates import FULL_NAME, Cand


@lru_cache(maxsize=1)
def _county_body() -> regex.Pattern[str]:
    heads = sorted(org_rules().county_heads.heads, key=lambda w: (-len(w), w))
    return compile_re(r"(?<![\p{L}\p{N}\-])(?P<place>\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+)?)[ ]+läns[ ]+"
                      r"(?P<head>\p{Ll}*?(?P<end>" + "|".join(heads) + r"))(?P<ending>et|ets|s|en|ens)?(?![\p{L}])",
                      regex.V1)


def find_county_bodies(text: str) -> Iterator[Cand]:
    """"X läns" and a county body's head."""
    heads = org_rules().county_heads.heads
    for m in _county_body().finditer(text):
        form = text[m.start():m.end("head")]
        yield Cand(m.start(), m.end(), m.group(), kind=heads[m.group("end")], key="county:" + key_of(form),
                   form=form, full=FULL_NAME, rule="organisations/county_body", method="rule", score=0.9,
                   explanation=f"the head '{m.group('head')}' after the county's genitive {m.group('place')} läns",
                   genitive=(m.group("ending") or "").endswith("s"))


@lru_cache(maxsize=1)
def _foreign_body() -> regex.Pattern[str]:
    heads = sorted(org_rules().foreign_public_heads.heads, key=lambda w: (-len(w), w))
    return compile_re(r"(?<![\p{L}\p{N}\-])(?P<place>\p{Lu}\p{Ll}+(?:[ ](?:og[ ])?\p{Lu}\p{Ll}+)?)[ ]+"
                      r"(?P<head>" + "|".join(heads) + r")(?![\p{L}])", regex.V1)


def find_foreign_bodies(text: str) -> Iterator[Cand]:
    """A place's name and a Nordic neighbour's head of a public body ("Innlandet fylkeskommune"); a common word
    before the place's name is none of it ("Enligt Narvik kommune", "Även Tornion kaupunki")."""
    rules = org_rules()
    for m in _foreign_body().finditer(text):
        start, place = m.start(), m.group("place")
        first, _, rest = place.partition(" ")
        if rest and rest[:3] != "og " and (first.lower() in rules.company_initial_stopwords or (
                is_sentence_start(text, start) and lower_word_elsewhere(text, first))):
            start, place = m.start() + len(first) + 1, rest
        name = text[start:m.end()]
        yield Cand(start, m.end(), name, kind=rules.foreign_public_heads.heads[m.group("head")],
                   key="foreign:" + key_of(name), form=name, full=FULL_NAME, rule="organisations/foreign_body",
                   method="rule", score=0.9, explanation=f"the head '{m.group('head')}' after the place {place}")
