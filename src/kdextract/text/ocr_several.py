"""A word with several look-alikes at once ("Kornrnunfu11rnäktige", "farni1jeornsorgen",
"Samhal1sbyggnadsf6rva1tningen"): the repairer's search undoes one confusion after another, cheapest first, and
runs out of its budget before a long word's four or five; here each place of a look-alike ("rn" for "m", "1" for
"l", "0" for "o", "6" for "ö"; ``several_look_alikes`` of ``resources/sv/ocr_confusions.json``) is undone or kept,
every way, and a reading that undoes two or more of them and is a listed word or a compound of two parts is the
word, where it is the only one so near. Lost å/ä/ö are put back after that ("samhallsbyggnads…" ->
"samhällsbyggnads…"). Only for a word the lexicon does not know: no real word is changed.

>>> from kdextract.text.lexicon import load_lexicon
>>> [several_look_alikes(t, load_lexicon()) for t in ("kornrnunfu11rnäktige", "farni1jeornsorgen", "barnen")]
['kommunfullmäktige', 'familjeomsorgen', None]
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from kdextract.text.lexicon import Lexicon
from kdextract.text.ocr_confusions import ConfusionRules
from kdextract.text.ocr_variants import variants

__all__ = ["several_look_alikes"]

#: Most places of look-alikes in one word tried (every subset of them is read: 2 ** 8 readings).
_MAX_PLACES = 8
#: Fewest look-alikes undone together (one alone is the repairer's search's).
_LEAST_UNDONE = 2
#: Shortest last part of a compound reading ("planen", "omsorgen"; not "berg", "ärnas").
_MIN_TAIL = 6


@lru_cache(maxsize=1)
def _look_alikes() -> tuple[tuple[str, str], ...]:
    return tuple((seen, meant) for seen, meant in ConfusionRules.load().several_look_alikes)


def several_look_alikes(low: str, lex: Lexicon) -> str | None:
    """The one listed word or two-part compound that ``low`` (lower case, unknown) reads as with two or more
    look-alikes undone, or None."""
    places: list[tuple[int, str, str]] = []
    for seen, meant in _look_alikes():
        i = low.find(seen)
        while i >= 0:
            places.append((i, seen, meant))
            i = low.find(seen, i + len(seen))
    places.sort()
    if len(places) < _LEAST_UNDONE or len(places) > _MAX_PLACES or lex.known(low):
        return None
    found: dict[str, int] = {}
    for chosen in product((False, True), repeat=len(places)):
        if sum(chosen) < _LEAST_UNDONE:
            continue
        read, pos = [], 0
        for (i, seen, meant), undo in zip(places, chosen):
            if undo:
                read.append(low[pos:i] + meant)
                pos = i + len(seen)
        word = _listed("".join(read) + low[pos:], lex)
        if word is not None:
            found[word] = min(found.get(word, len(places)), sum(chosen))
    if not found:
        return None
    least = min(found.values())
    best = [w for w, n in found.items() if n == least]
    return best[0] if len(best) == 1 else None


def _listed(read: str, lex: Lexicon) -> str | None:
    """``read``, or it with lost å/ä/ö put back, where a listed word or a two-part compound; else None."""
    if not read.isalpha():
        return None
    if _word(read, lex):
        return read
    return next((cand for cand, _, _, _ in variants(read, 0.7, 3, True, insert=False) if _word(cand, lex)), None)


def _word(read: str, lex: Lexicon) -> bool:
    if lex.count(read) > 0 or read in lex.common:
        return True
    parts, tail = lex.analyse(read)
    return parts == 2 and len(tail) >= _MIN_TAIL
