"""Month names and units of money damaged by a look-alike letter ("rnars", "apri1", "decernber", "rnnkr",
"rniljoner"): repaired in every document, like ``ocr_numbers.sure_digit_repairs``, since no Swedish word has
such a form and a page read well but for them (too few unknown words for ``ocr.repair``) still needs them.

The words and the look-alikes are ``sure_words`` and ``sure_word_letters`` of ``resources/sv/ocr_confusions.json``.

>>> text = "Byggstart i rnars 2027, avtal från den 1 apri1, totalt 5,3 rniljoner. Marsipan och 1 april."
>>> [(text[s:e], new) for s, e, new, _ in sure_word_repairs(text)]
[('rnars', 'mars'), ('apri1', 'april'), ('rniljoner', 'miljoner')]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.text.ocr_confusions import ConfusionRules
from kdextract.text.view import Replacement


@lru_cache(maxsize=1)
def _damaged_forms() -> dict[str, str]:
    """Each damaged form of a sure word (one look-alike kind undone throughout) -> the word."""
    rules = ConfusionRules.load()
    forms: dict[str, str] = {}
    for word in rules.sure_words:
        for seen, meant in rules.sure_word_letters:
            if meant in word:
                forms[word.replace(meant, seen)] = word
    return forms


@lru_cache(maxsize=1)
def _damaged_word() -> regex.Pattern[str]:
    """A damaged form standing alone as a word, in any case (one scan of the text, not a look-up per word)."""
    forms = sorted(_damaged_forms(), key=lambda w: (-len(w), w))
    return compile_re(r"(?<![\p{L}\p{N}])(?:" + "|".join(map(regex.escape, forms)) + r")(?![\p{L}\p{N}])",
                      regex.IGNORECASE)


def sure_word_repairs(text: str) -> list[Replacement]:
    """Replacements of the sure words' damaged forms in ``text``, sorted (the first letter's case kept)."""
    forms = _damaged_forms()
    found: list[Replacement] = []
    for m in _damaged_word().finditer(text):
        word = forms[m.group().lower()]
        new = word.capitalize() if m.group()[0].isupper() else word
        found.append((m.start(), m.end(), new, f"ocr: {m.group()} -> {new}"))
    return found
