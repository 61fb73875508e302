"""Surnames with a particle: 'Mariela Fuentes de Ahlgren', 'Ricardo da Silva Montenegro', 'Tariq bin Saleh',
'Ziad al-Khatib'.

A name found before a lower-case particle of a surname (``people.json`` ``name_particles``) goes on over it and the
one or two capitalised words after it; a capitalised word before a patronymic particle ("bin", "ibn") and a name,
or before a name with an article prefix ("al-", "el-"), is a person's name by itself.

>>> [c.name for c in find_particle_names("Kontakt: Tariq bin Saleh och Ziad al-Khatib.")]
['Tariq bin Saleh', 'Ziad al-Khatib']
>>> from kdextract.records.person_candidate import PCand
>>> text = "Förvaltningschef Mariela Fuentes de Ahlgren redovisar."
>>> [c.name for c in with_particles(text, [PCand(17, 32, "Mariela Fuentes", rule="r", score=1.0, explanation="")])]
['Mariela Fuentes de Ahlgren']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_first_name, is_role
from kdextract.records.person_candidate import PCand
from kdextract.records.person_names import TOKEN, PeopleRules, common_noun, never_name
from kdextract.text.lexicon import load_lexicon
from kdextract.text.word_starts import WB_L, WB_R

_RULES = PeopleRules.load().name_particles


def _alternation(words: list[str]) -> str:
    return "|".join(map(regex.escape, sorted(words, key=lambda w: (-len(w), w))))


#: A particle and one or two capitalised words after a name's end, on its line ("… de Ahlgren", "… da Silva Lind").
_PARTICLE_AFTER = compile_re(r"[ ](?:" + _alternation(_RULES.words) + r")[ ](?P<one>" + TOKEN + r")"
                             + r"(?:[ ](?P<two>" + TOKEN + r"))?" + WB_R)
#: A word with an article prefix right after a name's end ("… al-Khatib").
_PREFIXED_AFTER = compile_re(r"[ ](?:" + _alternation(_RULES.prefixes) + r")" + TOKEN + WB_R)
#: A capitalised word and a patronymic particle and name, or a prefixed name, after it ("Tariq bin Saleh").
_PARTICLE_NAME = compile_re(WB_L + r"(?P<given>" + TOKEN + r")[ ](?:(?:" + _alternation(_RULES.patronymic) + r")[ ]"
                            + TOKEN + r"|(?:" + _alternation(_RULES.prefixes) + r")" + TOKEN + r")" + WB_R)


def _plain(word: str) -> bool:
    """A capitalised word that can be part of a name: no common word (unless a given name), form word or role."""
    return not ((word.lower() in load_lexicon().common and not is_first_name(word)) or common_noun(word)
                or never_name(word) or is_role(word))


def find_particle_names(text: str) -> Iterator[PCand]:
    """'Tariq bin Saleh', 'Ziad al-Khatib': the particle is the evidence, so the given name need not be listed."""
    for m in _PARTICLE_NAME.finditer(text):
        if _plain(m.group("given")):
            yield PCand(m.start(), m.end(), m.group(), rule="people/particle", score=0.8,
                        explanation="a name with a surname's particle")


def with_particles(text: str, cands: list[PCand]) -> list[PCand]:
    """The candidates, each that a surname's particle and its capitalised words follow taken on over them (the
    second word only where it can be part of a name: "da Silva Montenegro")."""
    out = []
    for c in cands:
        if (m := _PARTICLE_AFTER.match(text, c.end)) is not None:
            end = m.end("two") if m.group("two") is not None and _plain(m.group("two")) else m.end("one")
            if not _plain(m.group("one")):
                end = c.end
        elif (m := _PREFIXED_AFTER.match(text, c.end)) is not None:
            end = m.end()
        else:
            end = c.end
        out.append(c if end == c.end else replace(c, end=end, name=" ".join(text[c.start:end].split())))
    return out
