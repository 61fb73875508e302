"""Bullets in flattened text: each one starts a line that text extraction ran into the one before.

A PDF-to-text transcript that lost its line breaks keeps a list's bullet glyphs ("… i juni. • Ansökan om …");
the glyph is no word of a sentence, so every one stands where a list item's line began. Only the round and
square glyphs count: a dash is a range, a minus or a dash in prose too.

>>> t = "2. Bygget • Arbetet startar i maj. • Kostnaden är 4 mnkr."
>>> [t[k:k + 7] for k in bullet_starts(t, 0, len(t))]
['• Arbet', '• Kostn']
"""

from __future__ import annotations

from kdextract.pattern_cache import compile_re

#: The glyphs that only ever mark a list item.
BULLETS = "•▪►●◦"

_BULLET = compile_re(rf"(?<=[ \t])[{BULLETS}](?=[ \t])")


def bullet_starts(text: str, start: int, end: int) -> list[int]:
    """Where each bullet of ``text[start:end]`` that follows other text on its line stands."""
    return [m.start() for m in _BULLET.finditer(text, start, end)]
