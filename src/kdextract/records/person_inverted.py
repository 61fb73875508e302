"""A person named surname first, the surname in capitals ("KARLSSON Tove, socialchef"), as registers and
attendance lists print them, where a role, a list of people or a label stands around the name (as for an initialled
name: ``person_initials``), or a party in brackets follows it; before a party, a member's given names need not be
listed ("NGUYEN Thi Lan (S)").

>>> [c.name for c in find_surname_first("Ekby kommun: LINDQVIST Eva, socialchef\\n")]
['LINDQVIST Eva']
>>> [c.name for c in find_surname_first("PROTOKOLL Eva Lindqvist, ordförande\\nKOMMUN Eva\\n")]
[]
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_first_name, role_base
from kdextract.records.org_places import gaz_lookup, muni_name
from kdextract.records.person_candidate import PCand
from kdextract.records.person_initials import label_value, role_around
from kdextract.records.person_names import TOKEN, PeopleRules, never_name
from kdextract.text.lexicon import load_lexicon
from kdextract.text.word_starts import WB_L, WB_R

#: A surname in capitals (three letters or more, a double name too) and a given name after it, no capitalised word
#: after that ("KARLSSON Tove" but not "PROTOKOLL Eva Lindqvist").
_SURNAME_FIRST = compile_re(WB_L + r"(?P<sur>\p{Lu}{3,}(?:-\p{Lu}{3,})?)[ ](?P<given>" + TOKEN + r")"
                            + r"(?:[ ](?P<second>" + TOKEN + r"))?" + WB_R + r"(?![ ]\p{Lu})")
#: A party in brackets right after the name ("ÖZTÜRK Cemal (M)"): a member, whatever the given name.
_PARTY_AFTER = compile_re(r"[ ]\((?:" + "|".join(map(regex.escape, PeopleRules.load().parties)) + r")\)")


#: A surname in capitals right before a position, one blank between ("NGUYEN " before "Thi Lan"; read backwards).
_SURNAME_BEFORE = compile_re(r"(?r)(?<![\p{L}\p{N}\-])(\p{Lu}{3,}(?:-\p{Lu}{3,})?)[ ]\Z")


def surname_before(text: str, start: int) -> int | None:
    """Where a surname in capitals right before the given names at ``start`` begins ("NGUYEN Thi Lan (S)", where a
    list read only "Thi Lan"), if one stands there."""
    m = _SURNAME_BEFORE.search(text, max(0, start - 40), start)
    return m.start(1) if m is not None and _surname_ok(m.group(1)) else None


def _surname_ok(sur: str) -> bool:
    """A capitalised word that is no common word, form word, given name, role, place or listed organisation, nor an
    acronym (``_surname_shaped``)."""
    return not (sur.casefold() in load_lexicon().common or never_name(sur) or is_first_name(sur)
                or role_base(sur) is not None or muni_name(sur.capitalize()) is not None
                or gaz_lookup(sur) is not None) and all(map(_surname_shaped, sur.split("-")))


def _surname_shaped(part: str) -> bool:
    """A surname's letters: enough of them with a vowel among them, or a listed name ("SPF", "VMA" are acronyms)."""
    rules = PeopleRules.load()
    word = part.casefold()
    return (len(word) >= rules.surname_min_letters and any(ch in rules.surname_vowels for ch in word)) \
        or word in load_lexicon().names


def find_surname_first(text: str) -> Iterator[PCand]:
    """The names of a surname in capitals and a given name that a role, a list of people or a label stands
    around."""
    for m in _SURNAME_FIRST.finditer(text):
        party = _PARTY_AFTER.match(text, m.end()) is not None
        if not (party or is_first_name(m.group("given")) and m.group("second") is None) \
                or not _surname_ok(m.group("sur")):
            continue  # (two given names, or one not listed, only before a party: "NGUYEN Thi Lan (S)")
        around = role_around(text, m.start(), m.end())
        if around is None and (party or label_value(text, m.start(), m.end())):
            around = None, 0
        if around is None:
            continue
        role, prio = around
        yield PCand(m.start(), m.end(), m.group(), rule="people/surname_first", score=0.8, role=role,
                    role_prio=prio, explanation="a surname in capitals and a given name beside a role, a list of "
                    "people or a label")
