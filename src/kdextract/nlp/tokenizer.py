"""Swedish municipal tokenizer exceptions.

Abbreviations such as ``bl.a.``, ``t.ex.``, ``enl.`` or ``fr.o.m.`` must stay single
tokens, and a rule-based sentencizer must not start a new sentence after them.  The
list lives in the data file ``kdextract/resources/sv/abbreviations.txt`` (one per
line) so it can be extended without touching code.

spaCy is only imported by the callers; this module itself imports nothing heavy.
"""

from __future__ import annotations

import pathlib
from typing import TYPE_CHECKING, Any

from kdextract.pattern_cache import preload_std
from kdextract.text.sentences import abbreviations

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["abbreviation_variants", "add_abbreviation_special_cases", "load_abbreviations", "load_pipeline"]

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
    cases (one the tokenizer has already is not added again).  Idempotent.  The
    special cases are stored in the tokenizer's rules, so ``nlp.to_disk`` serialises
    them and ``spacy.load`` restores them without importing kdextract.
    """
    from spacy.symbols import ORTH  # lazy: keep ``import kdextract`` fast

    tokenizer = getattr(nlp_or_tokenizer, "tokenizer", nlp_or_tokenizer)
    rules = getattr(tokenizer, "rules", None) or {}  # (a pipeline saved with them has them all: nothing to add)
    count = 0
    for abbreviation in load_abbreviations():
        for form in abbreviation_variants(abbreviation):
            if rules.get(form) != [{ORTH: form}]:
                tokenizer.add_special_case(form, [{ORTH: form}])
            count += 1
    return count


#: spaCy's registry name of a tokenizer without rules (``load_pipeline`` builds it, then loads the rules).
BARE_TOKENIZER = "kdextract.BareTokenizer.v1"
#: The config of spaCy's standard tokenizer, all of whose rules a pipeline's ``tokenizer`` file sets.
_STANDARD_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}
#: The fields of spaCy's tokenizer file that it compiles with ``compile_std``.
_TOKENIZER_PATTERNS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")


def load_pipeline(path: pathlib.Path, config: Any, disable: list[str]) -> Language:
    """``spacy.load(path, disable=disable)`` for the pipeline directory ``path`` (its ``config.cfg``: ``config``).

    Where the pipeline has spaCy's standard tokenizer and its ``tokenizer`` file, that tokenizer is built
    without rules: loading the file replaces every rule (building spaCy's Swedish rules first costs some
    0.05 s), and the file's affix patterns come from the pattern cache (compiling them costs some 0.2 s).
    ``nlp.config`` still names the standard tokenizer.
    """
    import spacy
    import srsly
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    if config["nlp"].get("tokenizer") != _STANDARD_TOKENIZER or not (path / "tokenizer").is_file():
        return spacy.load(path, disable=disable)
    saved = srsly.msgpack_loads((path / "tokenizer").read_bytes())
    preload_std(saved[key] for key in _TOKENIZER_PATTERNS if isinstance(saved.get(key), str))
    registry.tokenizers.register(BARE_TOKENIZER, func=lambda: lambda nlp: Tokenizer(nlp.vocab))
    nlp = spacy.load(path, disable=disable, config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}})
    restored = nlp.config
    restored["nlp"]["tokenizer"] = dict(_STANDARD_TOKENIZER)
    nlp.config = restored
    return nlp
