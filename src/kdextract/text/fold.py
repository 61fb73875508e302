"""Folding text for matching: the one place that lower-cases and strips diacritics.

``fold`` keeps the length of the text (one character for one), so a regex run on the folded
text reports offsets that are valid in the original, and cue patterns written without å/ä/ö
also match OCR output that lost them. ``fold_key`` is for comparing names: it also collapses
white space and may change the length.

>>> fold("Kommundirektören har BESTÄLLT – klart")
'kommundirektoren har bestallt - klart'
>>> fold("till 2040.¹")
'till 2040. '
>>> len(fold("Åsa Ørsted")) == len("Åsa Ørsted")
True
>>> fold_key("  Göteborgs\\n Stad ")
'goteborgs stad'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from kdextract.pattern_cache import compile_re

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SPACES = "\u00a0\u202f\u2009\u2007"
#: Superscript digits: a footnote's marker after a word or a number ("till 2040.¹", "1979²"), no digit of it.
_SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_SPECIAL = {"ø": "o", "Ø": "o", "æ": "a", "Æ": "a", "ß": "s", "ð": "d", "þ": "t", "ł": "l", "Ł": "l",
            "\u2019": "'", "\u2018": "'", "\u201d": '"', "\u201c": '"', "\u00ab": '"', "\u00bb": '"',
            **{c: "-" for c in _DASHES}, **{c: " " for c in _SPACES + _SUPERSCRIPTS}}
_WHITE = compile_re(r"\s+")


def _fold_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    low = c.lower()
    if len(low) != 1:
        low = low[0]
    if low.isascii():
        return low
    base = unicodedata.normalize("NFKD", low)[0]
    return base if base.isprintable() or base.isspace() else low


class _Folds(dict[int, str]):
    """Each character's fold by its code, as ``str.translate`` reads them; a character is folded the
    first time it is met (at most ``_MAX_FOLDS`` kept)."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _MAX_FOLDS:
            self.clear()
        folded = self[code] = _fold_char(chr(code))
        return folded


_MAX_FOLDS = 65_536
_FOLDS = _Folds()


#: A text this long is folded once: the last one is kept with its fold (a document's builders fold it whole), looked
#: up by equality (a hash the string keeps); the two stay alive until the next long text is folded.
LONG_FOLD = 10_000
_LONG_FOLDS: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower case, no diacritics, dashes as '-', a footnote's superscript digit as a blank, same length as ``text``
    (offsets carry over)."""
    long = len(text) >= LONG_FOLD
    if long and (known := _LONG_FOLDS.get(text)) is not None:
        return known
    folded = text.lower()
    if not (folded.isascii() and len(folded) == len(text)):
        folded = _fold_mixed(text)
    if long:
        _LONG_FOLDS.clear()
        _LONG_FOLDS[text] = folded
    return folded


def _fold_mixed(text: str) -> str:
    """``text.translate(_FOLDS)`` for a text with characters outside ASCII: its ASCII letters lower-cased at once
    (``bytes.lower`` leaves the rest), then each other character it holds replaced where its fold is ASCII
    (``translate`` looks up every character of such a text, some three times slower)."""
    folded = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    for ch in set(_NOT_ASCII.findall(text)):
        new = _FOLDS[ord(ch)]
        if new == ch:
            continue
        if not new.isascii():  # it might be replaced again: no shortcut
            return text.translate(_FOLDS)
        folded = folded.replace(ch, new)
    return folded


_NOT_ASCII = compile_re(r"[^\x00-\x7f]")


@lru_cache(maxsize=16384)
def fold_key(s: str) -> str:
    """Case- and diacritic-folded, white space collapsed and trimmed ("Göteborgs  stad" -> "goteborgs stad")."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _WHITE.sub(" ", s).strip()
