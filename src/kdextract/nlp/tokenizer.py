"""Swedish municipal tokenizer exceptions.

Abbreviations such as ``bl.a.``, ``t.ex.``, ``enl.`` or ``fr.o.m.`` must stay single
tokens, and a rule-based sentencizer must not start a new sentence after them.  The
list lives in the data file ``kdextract/resources/sv/abbreviations.txt`` (one per
line) so it can be extended without touching code.

spaCy is only imported by the callers; this module itself imports nothing heavy.
"""

from __future__ import annotations

from typing import Any

from kdextract.text.sentences import abbreviations

__all__ = ["abbreviation_variants", "add_abbreviation_special_cases", "load_abbreviations"]

#: The abbreviations listed in ``resources/sv/abbreviations.txt`` (file order, no duplicates).
load_abbreviations = abbreviations


def abbreviation_variants(abbreviation: str) -> list[str]:
    """The abbreviation plus its sentence-initial capitalised form (``bl.a.`` -> ``Bl.a.``)."""
    variants = [abbreviation]
    if abbreviation[:1].islower():
        variants.append(abbreviation[:1].upper() + abbreviation[1:])
    return variants


def add_abbreviation_special_cases(nlp_or_tokenizer: Any) -> int:
    """Register every abbreviation as a tokenizer special case.

    Accepts a spaCy ``Language`` or a ``Tokenizer``.  Returns the number of special
    cases added.  Idempotent: adding the same special case twice is harmless.  The
    special cases are stored in the tokenizer's rules, so ``nlp.to_disk`` serialises
    them and ``spacy.load`` restores them without importing kdextract.
    """
    from spacy.symbols import ORTH  # lazy: keep ``import kdextract`` fast

    tokenizer = getattr(nlp_or_tokenizer, "tokenizer", nlp_or_tokenizer)
    count = 0
    for abbreviation in load_abbreviations():
        for form in abbreviation_variants(abbreviation):
            tokenizer.add_special_case(form, [{ORTH: form}])
            count += 1
    return count
