"""OCR damage to signs, codes, digits and word boundaries, for ``add_ocr_noise(..., symbols=True)``.

Real scans misread more than letters: the paragraph sign ("§ 12" -> "$ 12", "8 12"), a party
code's capital ("(S)" -> "(5)", "(M)" -> "(IVl)"), a digit inside a number ("2O24-03-05",
"l 250 tkr"); they split a word with a space ("kommun styrelsen"), run two words together
("förslagtill") and break a long word with a hyphen at a line end. What is printed for what
comes from ``symbol_noise`` in ``resources/sv/ocr_confusions.json``.
"""

from __future__ import annotations

import bisect
import random

from kdextract.pattern_cache import compile_re
from kdextract.text.ocr_confusions import ConfusionRules

_SECTION_SIGN = compile_re(r"§")
_CODE = compile_re(r"(?<=\()\p{Lu}{1,2}(?=\))")
_NUMBER = compile_re(r"(?<![\p{L}\p{N}])\d(?:\d|[ \-/:.,]\d)*")
_LONG_WORD = compile_re(r"\p{Ll}{7,}")
_BETWEEN_WORDS = compile_re(r"(?<=\p{Ll}{2}) (?=\p{Ll}{2})")
#: A prose line (for a hyphenated break): long, no column gap, starting neither with "§" nor a number.
_PROSE_LINE = compile_re(r"(?m)^(?![ \t]*[§\d])(?:(?![ \t]{3})[^\n]){60,}$")


def symbol_spans(text: str, rate: float, rng: random.Random,
                 taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans of symbol, digit and word-boundary damage, none overlapping the sorted spans ``taken``."""
    rules = ConfusionRules.load().symbol_noise
    found: list[tuple[int, int, str]] = []
    for m in _SECTION_SIGN.finditer(text):
        if rng.random() < rate:
            found.append((m.start(), m.end(), _draw(rng, rules.section_sign)))
    for m in _CODE.finditer(text):
        options = [i for i, ch in enumerate(m.group()) if ch in rules.code_capitals]
        if options and rng.random() < rate:
            i = m.start() + rng.choice(options)
            found.append((i, i + 1, _draw(rng, rules.code_capitals[text[i]])))
    for m in _NUMBER.finditer(text):
        options = [i for i, ch in enumerate(m.group()) if ch in rules.digits]
        if len(m.group()) >= 2 and options and rng.random() < rate:
            i = m.start() + rng.choice(options)
            found.append((i, i + 1, _draw(rng, rules.digits[text[i]])))
    for m in _LONG_WORD.finditer(text):
        if rng.random() < rate / 4:  # a space inside a word
            i = m.start() + rng.randrange(3, len(m.group()) - 2)
            found.append((i, i + 1, " " + text[i]))
    for m in _BETWEEN_WORDS.finditer(text):
        if rng.random() < rate / 8:  # a space lost between two words
            found.append((m.start(), m.end(), ""))
    for line in _PROSE_LINE.finditer(text):
        words = [w for w in _LONG_WORD.finditer(text, line.start() + 30, line.end()) if len(w.group()) >= 9]
        if words and rng.random() < rate:  # a long word broken at a line end
            w = rng.choice(words)
            i = w.start() + rng.randrange(4, len(w.group()) - 3)
            found.append((i, i + 1, "-\n" + text[i]))
    return _free(sorted(found), taken)


def _draw(rng: random.Random, options: list[tuple[str, float]]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options], k=1)[0]


def _free(found: list[tuple[int, int, str]], taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``found`` without the spans that overlap ``taken`` or an earlier span of ``found``."""
    starts = [s for s, _, _ in taken]
    out: list[tuple[int, int, str]] = []
    end = -1
    for s, e, new in found:
        k = bisect.bisect_right(starts, s)
        if s < end or k and taken[k - 1][1] > s or k < len(taken) and taken[k][0] < e:
            continue
        out.append((s, e, new))
        end = e
    return out
