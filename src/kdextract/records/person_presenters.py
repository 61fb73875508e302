"""An agenda's presenters: the names in the column that a "Föredragande" header opens.

A kallelse sets each item's presenter at the end of the item's line, past a column gap, under a header whose last
cell names the column (``people.json`` ``presenter_headers``), or under that cell alone on its line. A name of two
or three capitalised words in that cell is a person whatever the given name ("Minh Tuan Nguyen"); a role
("Förvaltningschefen") or a common word is none.

>>> text = "FÖREDRAGNINGSLISTA        Föredragande\\n\\n1. Budget 2030        Minh Tuan Nguyen\\n   Förslag.\\n"
>>> [c.name for c in find_presenters(text)]
['Minh Tuan Nguyen']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_first_name, is_role
from kdextract.records.org_places import muni_name
from kdextract.records.person_candidate import PCand
from kdextract.records.person_names import TOKEN, PeopleRules, common_noun, never_name, organisation_like, unit_name
from kdextract.text.lexicon import load_lexicon
from kdextract.text.word_starts import lower_comparable

#: A header line whose last cell, after blanks, names the presenter's column, or that cell on a line of its own
#: (``_wide`` checks the blanks; possessive, so a long run of blanks is read once).
_HEADER = compile_re(r"^(?:[^\n]*?\S(?P<gap>[ \t]++))?(?:" + "|".join(
    map(regex.escape, PeopleRules.load().presenter_headers.words)) + r")[ \t]*+$", regex.IGNORECASE | regex.MULTILINE)
#: The header words, lower-cased: a text without one has no header (a pre-check before ``_HEADER``'s scan).
_HEADER_WORDS = tuple(w.lower() for w in PeopleRules.load().presenter_headers.words)
#: A name of two or three capitalised words that ends a line after the blanks of a cell's gap (``_wide``).
_CELL = compile_re(r"(?<![ \t\n])(?P<gap>[ \t]++)(?P<name>" + TOKEN + r"(?:[ ]" + TOKEN + r"){1,2})[ \t]*+$",
                   regex.MULTILINE)
#: The most lines after the header that the column runs on (an agenda of a dozen items with notes).
_SPAN = 80
#: A place the text names as a municipality ("Ekby kommun", "Ekbys kommun"): a cell that opens with it names the
#: municipality's company or unit ("Ekby Energi"), no person.
_MUNICIPALITY = compile_re(r"(?<![\p{L}-])(\p{Lu}[\p{L}-]+?)s?[ \t]+kommun(?!\p{L})")


def _word_ok(word: str, first: bool) -> bool:
    """A capitalised word that can be part of a name: no form word, role or organisation's word, and a name's first
    word no common word either (unless a given name; a surname may be one: "Lund")."""
    return not ((first and (word.lower() in load_lexicon().common and not is_first_name(word) or common_noun(word)))
                or never_name(word) or is_role(word) or organisation_like(word))


def _wide(gap: str | None) -> bool:
    """Blanks that part a table's cells: a tab or three blanks (none: a header cell on a line of its own)."""
    return gap is None or "\t" in gap or "   " in gap


def find_presenters(text: str) -> Iterator[PCand]:
    """The names in an agenda's presenter column, after its header (none that opens with a municipality's name)."""
    low = lower_comparable(text)
    if low is not None and not any(word in low for word in _HEADER_WORDS):
        return
    pos, places = 0, None
    while (head := _HEADER.search(text, pos)) is not None:
        if not _wide(head.group("gap")):
            pos = head.end()
            continue
        stop = head.end()
        for _ in range(_SPAN):
            nxt = text.find("\n", stop + 1)
            if nxt < 0:
                stop = len(text)
                break
            stop = nxt
        for m in _CELL.finditer(text, head.end(), stop):
            words = m.group("name").split()
            if _wide(m.group("gap")) and m.start() > 0 and all(_word_ok(w, i == 0) for i, w in enumerate(words)):
                places = places if places is not None else {p.casefold() for p in _MUNICIPALITY.findall(text)}
                if words[0].casefold() in places or muni_name(words[0]) is not None or unit_name(words):
                    continue
                yield PCand(m.start("name"), m.end("name"), m.group("name"), rule="people/presenter", score=0.85,
                            explanation="a name in an agenda's presenter column")
        pos = stop
