"""A person's name that a wrapped paragraph broke after the given name: "Bolagets revisor Karl" / "Wennström
från revisionsbyrån har …".

A known given name ends a full line of prose (a lower-case word before it), and the next line opens with a
capitalised word that passes the name checks, a lower-case word after it: the two are one name. A surname that is
a common word too ("Berg", "Bolaget") only where the text prints the whole name on one line elsewhere.

>>> text = "Resultatet blev 6 350 tkr och granskningen gjordes av revisorn Eva\\nStrandqvist från byrån i Ekby.\\n"
>>> [c.name for c in find_wrapped(text)]
['Eva Strandqvist']
"""

from __future__ import annotations

from collections.abc import Iterator

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_first_name
from kdextract.records.person_candidate import PCand
from kdextract.records.person_names import TOKEN, name_ok
from kdextract.text.lexicon import load_lexicon

#: Shortest line of prose that a paragraph's wrap ends (a shorter one ends where its writer ended it).
FULL_LINE = 50
#: A given name at a line's end after a lower-case word, and the capitalised word opening the next line before a
#: lower-case one.
_WRAPPED = compile_re(r"(?<=\p{Ll}[ \t]+)(?P<given>" + TOKEN + r")[ \t]*\n[ \t]*(?P<sur>" + TOKEN
                      + r")(?=[ \t]+\p{Ll})")


def find_wrapped(text: str) -> Iterator[PCand]:
    """The names that a wrapped paragraph broke after the given name."""
    for m in _WRAPPED.finditer(text):
        given, sur = m.group("given", "sur")
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.end("given") - line_start < FULL_LINE or not is_first_name(given) or is_first_name(sur) \
                or not name_ok([given, sur], text, strict=True) \
                or sur.lower() in load_lexicon().common and f"{given} {sur}" not in text:
            continue
        yield PCand(m.start(), m.end(), f"{given} {sur}", rule="people/wrapped_name", score=0.8,
                    explanation=f"'{given}' ends a wrapped line of prose, '{sur}' opens the next")
