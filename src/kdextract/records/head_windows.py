"""Where the name of a public body can start: among the words right before one of its head words.

The body patterns of ``org_bodies`` end in a head ("…nämnden", "Dalarnas museum", "…kontoret"),
which OCR may have garbled, and have only letters, blanks, hyphens, commas and "&" before it
("Barn- och utbildningsnämnden"). Every head form holds a piece that no OCR letter class
touches ("mnden" of "nämnden"): a plain substring search for those pieces in the lower-cased
text finds every place a head can be, and the patterns need trying only at the word starts
just before those places.

>>> from kdextract.records.name_utils import org_rules
>>> text = "Mötet: Barn- och utbildningsNÄMNDEN, kommunstyrelsen."
>>> [text[s:] for s in HeadWindows(org_rules().body_heads).starts(text) or ()][:2]
['Barn- och utbildningsNÄMNDEN, kommunstyrelsen.', 'och utbildningsNÄMNDEN, kommunstyrelsen.']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import OCR_CLASSES, BodyHead
from kdextract.records.word_index import word_index
from kdextract.text.word_starts import lower_comparable

#: The letters, blanks, hyphens, commas and "&" that may stand before a head in a name, over one line break at most
#: ("kultur- och" / "fritidsnämnden") (read backwards).
_NAME_BEFORE = compile_re(r"(?r)(?:[\p{L} \t\-,&]*+\n)?[\p{L} \t\-,&]*+")


class HeadWindows:
    """The pieces of the head forms that OCR leaves alone (lower case), with where they sit in their forms."""

    def __init__(self, heads: Iterable[BodyHead]) -> None:
        pieces: dict[str, set[int]] = {}
        for head in heads:
            for form in head.forms:
                piece, at = _fixed_piece(form, head.ocr)
                pieces.setdefault(piece, set()).add(at)
        # a piece that starts with another at the same places ("mnden" after "mnd") finds no other head
        self.pieces = {p: at for p, at in pieces.items()
                       if not any(q != p and p.startswith(q) and at <= pieces[q] for q in pieces)}

    def starts(self, text: str) -> list[int] | None:
        """The word starts (ascending) where a name that ends in a head can start in ``text`` (with
        the starts of words that begin with a digit); None where the text has letters whose case
        ``str.lower`` may read otherwise than the regex engine."""
        low = lower_comparable(text)
        if low is None:
            return None
        heads: set[int] = set()
        for piece, offsets in self.pieces.items():
            i = low.find(piece)
            while i >= 0:
                heads.update(i - k for k in offsets)
                i = low.find(piece, i + 1)
        words = word_index(text).starts
        starts: list[int] = []
        taken = 0  # the words before the last head are taken: each stretch of text is read once
        for h in sorted(heads):
            if h <= taken:
                continue
            before = _NAME_BEFORE.match(text, taken, h)  # back to the last head at most
            lo = before.start() if before else h
            starts += words[bisect_left(words, lo):bisect_left(words, h)]
            taken = h
        return starts


def _fixed_piece(form: str, ocr: bool) -> tuple[str, int]:
    """The longest run of ``form`` (before a blank) that ``ocr_pattern`` matches letter for letter,
    lower-cased, and where it starts in the form."""
    best, at, start = "", 0, 0
    for i, ch in enumerate(form + " "):
        if ch == " " or (ocr and ch.lower() in OCR_CLASSES):
            if i - start > len(best):
                best, at = form[start:i], start
            if ch == " ":
                break
            start = i + 1
    if not best:
        raise ValueError(f"head form {form!r} has no letters that OCR leaves alone")
    return best.lower(), at
