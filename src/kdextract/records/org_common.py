"""Listed names that the text uses as common nouns ('företagarna i byn' is no mention of Företagarna)."""

from __future__ import annotations

from collections.abc import Iterator

from kdextract.records.name_utils import is_sentence_start
from kdextract.records.org_candidates import FULL_NAME, Cand
from kdextract.records.org_places import find_gazetteer

_KNOWN = "organisations/gazetteer_known"


def _one_word(c: Cand) -> bool:
    return c.rule == _KNOWN and c.full == FULL_NAME and " " not in c.form


def find_listed(text: str) -> Iterator[Cand]:
    """``find_gazetteer``'s mentions, but a one-word name of the known list written in lower case, and one that
    opens a sentence where the text also writes it in lower case (the common noun: 'Fastighetsägarna har fått
    brev' after 'fastighetsägarna i området')."""
    cands = list(find_gazetteer(text))
    lowered = {c.key for c in cands if _one_word(c) and not c.text[:1].isupper()}
    for c in cands:
        if _one_word(c) and c.key in lowered and (not c.text[:1].isupper() or is_sentence_start(text, c.start)):
            continue
        yield c
