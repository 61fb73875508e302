"""Bodies named for their county: "Kalmar läns kommunförbund", "Gotlands läns hushållningssällskap".

A county's genitive ("X läns", the place in one or two capitalised words) and a head of ``county_heads`` (or a
compound that ends in one) are one name; the place alone is no municipality there.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import key_of, org_rules
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
