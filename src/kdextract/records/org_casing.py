"""An organisation's name that a letterhead writes in capitals ("ALE KOMMUN", "KOMMUNSTYRELSEN") as running text
writes it: the listed official name where there is one, else a one-word name the lexicon knows capitalised
("KOMMUNSTYRELSEN"); other names (acronyms, several words) as they are.

>>> written_name("KOMMUNSTYRELSEN", None), written_name("ALE KOMMUN", "Ale kommun"), written_name("KSAU", None)
('Kommunstyrelsen', 'Ale kommun', 'KSAU')
"""

from __future__ import annotations

from kdextract.text.lexicon import load_lexicon

#: Words of up to this many letters in a name in capitals stay in capitals, as acronyms do ("AB", "KSAU").
_SHORT = 5


def written_name(form: str, canonical: str | None) -> str:
    """``form`` as running text writes it where it is in capitals (and has a word longer than an acronym)."""
    words = form.split()
    if not form.isupper() or all(len(w) <= _SHORT for w in words):
        return form
    if canonical:
        return canonical
    if len(words) > 1 or len(words[0]) <= _SHORT or not load_lexicon().known(words[0].lower()):
        return form  # ("NORRA DALBYGDENS VATTENFÖRBUND": which words are names the capitals do not tell)
    return words[0].capitalize()
