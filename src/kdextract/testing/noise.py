"""Seeded synthetic OCR noise for Swedish text: test and benchmark OCR repair on clean documents.

The damage follows the confusion table that repair uses (``resources/sv/ocr_confusions.json``),
applied the other way round: å/ä/ö lose their marks or turn into stand-ins ("a", "4", "6",
"é", "d"), look-alike letters swap ("r" -> "t", "m" -> "rn", "e" -> "c", "f" -> "{"), a
letter drops out, a lone "i" becomes "1", and list bullets come out as "e", "¢" or "*".
With ``symbols=True`` signs, party codes, digits and word boundaries are damaged too
(``kdextract.testing.noise_symbols``): "$ 12", "(5)", "2O24-03-05", "kommun styrelsen".

>>> add_ocr_noise("Förslaget går till kommunstyrelsen på måndag.", rate=1.0, seed=1) != \
"Förslaget går till kommunstyrelsen på måndag."
True
>>> add_ocr_noise("Inga fel här.", rate=0.0)
'Inga fel här.'
"""

from __future__ import annotations

import random

from kdextract.pattern_cache import compile_re
from kdextract.testing.noise_symbols import symbol_spans
from kdextract.text.ocr_confusions import Confusion, confusion_table

_WORD = compile_re(r"\p{L}+")
_BULLET = compile_re(r"(?m)^([ \t]*)([-•*–·])(?=[ \t]+\S)")
_LONE_I = compile_re(r"(?<=\p{L}[ \t])i(?=[ \t]\p{L})")
_DIACRITICS = frozenset("åäöÅÄÖé")


def add_ocr_noise(text: str, rate: float = 0.15, seed: int | None = 0, *, symbols: bool = False) -> str:
    """``text`` with OCR-like damage in about ``rate`` (0-1) of its words.

    A damaged word has all its å/ä/ö replaced (as an engine without a Swedish model reads
    them) or, without å/ä/ö, one look-alike confusion or a dropped letter. Line-initial
    bullets and a lone "i" are damaged at the same rate. The same ``seed`` gives the same
    noise; characters are only substituted, inserted or dropped, never moved. ``symbols``
    adds the damage of ``noise_symbols`` on top, leaving the letter damage as it is.
    """
    return apply_spans(text, ocr_noise_spans(text, rate=rate, seed=seed, symbols=symbols))


def ocr_noise_spans(text: str, rate: float = 0.15, seed: int | None = 0, *,
                    symbols: bool = False) -> list[tuple[int, int, str]]:
    """The damage ``add_ocr_noise`` does, as sorted, non-overlapping ``(start, end, new)`` spans of ``text``.

    With ``apply_spans`` and ``map_span`` a benchmark can say where a phrase of the clean
    text ended up in the noisy one.
    """
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must be between 0 and 1, not {rate}")
    rng = random.Random(seed)
    table = confusion_table()
    diacritic = {ch: [c for c in confs if c.kind == "diacritic" and c.seen != c.meant]
                 for ch, confs in table.by_meant.items() if ch in _DIACRITICS}
    letters = [c for c in table.confusions if c.kind == "letter" and c.meant.isalpha()]
    glyphs = sorted(table.bullet_glyphs)
    spans: list[tuple[int, int, str]] = []
    for m in _BULLET.finditer(text):
        if rng.random() < rate:
            spans.append((m.start(2), m.end(2), rng.choice(glyphs)))
    lone = set()
    for m in _LONE_I.finditer(text):
        if rng.random() < rate / 2:
            spans.append((m.start(), m.end(), "1"))
            lone.add(m.start())
    for m in _WORD.finditer(text):
        if m.start() in lone or rng.random() >= rate:
            continue
        w = m.group()
        if any(ch in _DIACRITICS for ch in w):
            new = "".join(_pick(rng, diacritic[ch]).seen if ch in diacritic else ch for ch in w)
        else:
            new = _letter_noise(rng, w, letters)
        if new != w:
            spans.append((m.start(), m.end(), new))
    spans.sort()
    if symbols:
        extra = symbol_spans(text, rate, random.Random(f"{seed}:symbols"), spans)
        spans = sorted(spans + extra)
    return spans


def apply_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with the sorted, non-overlapping ``(start, end, new)`` spans replaced."""
    parts: list[str] = []
    pos = 0
    for start, end, new in spans:
        parts.append(text[pos:start])
        parts.append(new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def map_span(spans: list[tuple[int, int, str]], start: int, end: int) -> tuple[int, int]:
    """Where the clean text's ``[start, end)`` lies in the noisy text (widened to whole damaged spans)."""
    shift_start = shift_end = 0
    new_start, new_end = start, end
    for s, e, new in spans:
        delta = len(new) - (e - s)
        if e <= start:
            shift_start += delta
            shift_end += delta
        elif s < end:
            if s < start:
                new_start = s
            if e > end:
                new_end = e
            shift_end += delta
        else:
            break
    return new_start + shift_start, new_end + shift_end


def _pick(rng: random.Random, confs: list[Confusion]) -> Confusion:
    """A confusion drawn by its noise weight (common ones more often)."""
    weights = [c.weight for c in confs]
    return rng.choices(confs, weights=weights, k=1)[0]


def _letter_noise(rng: random.Random, w: str, letters: list[Confusion]) -> str:
    if len(w) < 3:
        return w
    options = [(i, c) for c in letters for i in _find_all(w, c.meant)]
    if options and rng.random() < 0.85:
        weights = [c.weight for _, c in options]
        i, conf = rng.choices(options, weights=weights, k=1)[0]
        return w[:i] + conf.seen + w[i + len(conf.meant):]
    if len(w) >= 5:  # a thin letter that did not print
        thin = [i for i in range(1, len(w) - 1) if w[i] in "iltr"]
        if thin:
            i = rng.choice(thin)
            return w[:i] + w[i + 1:]
    return w


def _find_all(w: str, sub: str) -> list[int]:
    out = []
    i = w.find(sub)
    while i >= 0:
        out.append(i)
        i = w.find(sub, i + 1)
    return out
