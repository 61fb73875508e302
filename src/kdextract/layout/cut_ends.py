"""A heading that the end of a cut extract stops inside.

An extract cut at a fixed length ends where it ends: in the middle of a line, often of a word. A heading on that
last line has lost its tail ("… KS 119 Hyr", "3(8) / 1. Mö"), and a section title never ends in a word fragment.
With nothing after it, the last heading's title is cut where its last word is no word (unknown to the lexicon), a
word no title ends in ("Försäljning av") or a short word that running Swedish hardly writes ("Mö", "Hyr"). A number,
an abbreviation in capitals or of ``abbreviations.txt`` and a common word end a title as they stand ("Budget 2027",
"Frågor till ordf", "Nya mål").
"""

from __future__ import annotations

from collections.abc import Sequence

from kdextract.layout.lines import Line
from kdextract.layout.rules import rules
from kdextract.text.lexicon import load_lexicon
from kdextract.text.sentences import abbreviation_set

#: Longest word at the cut that is a fragment where the lexicon lists it but rarely counts it ("mö", "hyr").
_SHORT_FRAGMENT = 3
#: Most the frequency corpus counts such a short fragment ("hyr" 1; "bo" 2, "val" 3, "väg" 18).
_RARE = 1


def cut_at_end(last: Sequence[Line], text: str) -> bool:
    """The last heading (of the ``last`` one or two) is the last text of ``text`` (nothing but blanks after it) and its title's last word
    is a fragment of a cut or a title stop word. After a bare heading (an agenda's items have no bodies) a rare
    short word ("4. Ny idrottshall med gym") and a name the lexicon lacks ("… från Mälarenergi") end a title whole:
    only a lower-case fragment or stop word ("… privata köket ka") or a title of one rare short word ("Hyr") is
    cut."""
    line, before = last[-1], (last[0] if len(last) > 1 else None)
    if line.title_start >= line.title_end or text[line.title_end:].strip():
        return False
    words = text[line.title_start:line.title_end].split()
    word = words[-1]
    if not word.isalpha() or word.isupper():
        return False  # "Budget 2027", "Sammanträde med KS": a number or an abbreviation ends a title
    folded, lexicon = word.casefold(), load_lexicon()
    if folded in abbreviation_set() or f"{folded}." in abbreviation_set():
        return False  # "Frågor till ordf", "Redovisning i tkr": a listed abbreviation ends a title
    rare = len(word) <= _SHORT_FRAGMENT and lexicon.count(folded) <= _RARE
    cut = folded in rules().title_stop_words or not lexicon.known(folded)
    if before is not None and not text[before.end:line.start].strip():
        return rare and len(words) == 1 or cut and word[:1].islower()
    return cut or rare
