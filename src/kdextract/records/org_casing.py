"""An organisation's name that a letterhead writes in capitals ("ALE KOMMUN", "KOMMUNSTYRELSEN") as running text
writes it: the listed official name where there is one, else the first word capitalised, the common words after it in
lower case, acronyms ("AB") in capitals; a name with a word the lexicon does not know ("RF-SISU") as it is.

>>> written_name("KOMMUNSTYRELSENS ARBETSUTSKOTT", None), written_name("ALE KOMMUN", "Ale kommun")
('Kommunstyrelsens arbetsutskott', 'Ale kommun')
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
    lex = load_lexicon()
    if any(len(w) > _SHORT and not lex.known(w.lower()) for w in words):
        return form  # a word the lexicon does not know ("RF-SISU", a company's own name): how it is cased is unknown
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if len(w) <= _SHORT and low not in lex.common:
            out.append(w)  # an acronym ("AB", "KF")
        elif i > 0 and (low in lex.common or lex.parts(low) > 1):
            out.append(low)  # a common word or compound after the first ("kommun", "vattenförbund")
        else:
            out.append(w.capitalize())
    return " ".join(out)
