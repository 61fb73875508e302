"""A person's name inside the name of a thing named after the person: a school, a street, a foundation ("Karl
Johans skola", "Olof Palmes gata", "Ingrid Bergman-skolan", "Stiftelsen Anna Lindh"): no mention of the person.

>>> names_a_thing("Eva Lunds skola byggs om.", 0, 9), names_a_thing("Eva Lunds förslag bifalls.", 0, 9)
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import org_rules
from kdextract.records.person_names import PeopleRules, organisation_like, place_like
from kdextract.text.fold import fold_key

#: The lower-case word after a name in the genitive ("Palmes gata").
_NEXT_WORD = compile_re(r"[ \t]+(\p{Ll}\p{L}*)")
#: A lower-case compound part joined to the name by a hyphen ("Bergman-skolan").
_HYPHEN_COMPOUND = compile_re(r"-\p{Ll}")
#: The capitalised word right before a name on its line ("Stiftelsen Anna Lindh"), read backwards.
_WORD_BEFORE = compile_re(r"(?r)(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)[ \t]+\Z")


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return tuple(fold_key(w) for w in PeopleRules.load().named_after_heads.words)


@lru_cache(maxsize=1)
def _type_words() -> frozenset[str]:
    return frozenset(org_rules().type_words_in_name.words)


def names_a_thing(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` is part of the name of a thing named after the person: a genitive before a
    street's, a building's or an institution's noun, a hyphen and a lower-case compound part after it, or a capitalised
    type word that opens a body's name before it ("Stiftelsen", "Föreningen")."""
    if _HYPHEN_COMPOUND.match(text, end):
        return True
    nxt = _NEXT_WORD.match(text, end)
    if nxt is not None and text[end - 1:end] == "s":
        word = nxt.group(1)
        if place_like(word) or organisation_like(word) or fold_key(word).endswith(_heads()):
            return True
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1) in _type_words()
