"""An organisation's name that a letterhead writes in capitals ("ALE KOMMUN", "KOMMUNSTYRELSEN") as running text
writes it: the listed official name where there is one, else the first word capitalised, the common words after it in
lower case and short words (company forms, acronyms: "AB", "KF") in capitals.

>>> written_name("KOMMUNSTYRELSENS ARBETSUTSKOTT", None), written_name("ALE KOMMUN", "Ale kommun")
('Kommunstyrelsens arbetsutskott', 'Ale kommun')
"""

from __future__ import annotations

from kdextract.text.lexicon import load_lexicon

#: Words of up to this many letters in a name in capitals stay in capitals ("AB", "SKR").
_SHORT = 3


def written_name(form: str, canonical: str | None) -> str:
    """``form`` as running text writes it where it is in capitals (and has a word longer than an acronym)."""
    words = form.split()
    if not form.isupper() or all(len(w) <= _SHORT for w in words):
        return form
    if canonical:
        return canonical
    common = load_lexicon().common
    out = [words[0] if len(words[0]) <= _SHORT else words[0].capitalize()]
    for w in words[1:]:
        low = w.lower()
        out.append(w if len(w) <= _SHORT and low not in common else low if low in common else w.capitalize())
    return " ".join(out)
