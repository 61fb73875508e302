"""The dates' matching view: ``kdextract.text.fold`` plus the OCR reading of 'å' as '4'.

Every rule runs on this view, so offsets found in it are offsets into the original text.

>>> fold_text("Den 17 Decembet – Vår")
'den 17 decembet - var'
>>> fold_text("Planen för 4ret, p4 mötet")
'planen for aret, pa motet'
>>> fold_text("2026-09-01 -- 2029-08-31")
'2026-09-01 -  2029-08-31'
"""

from __future__ import annotations

from kdextract.pattern_cache import compile_re
from kdextract.text.fold import fold
from kdextract.text.ocr_confusions import ConfusionRules

# OCR reads 'å' as '4' in a few frequent words ("4ret", "p4"); only these, so that "Q4" and "4:e" stay.
_OCR_FOUR = compile_re(ConfusionRules.load().four_for_a.pattern)
# A typed double hyphen between numbers or blanks stands for one dash ("2026-09-01 -- 2029-08-31"):
# the second hyphen reads as a blank, so every "one dash" pattern sees it and the length stays.
_DOUBLE_HYPHEN = compile_re(r"(?<=[\d \t])--(?=[\d \t])")


def fold_text(text: str) -> str:
    """``text`` lower-cased, without diacritics, dashes as '-', same length as ``text``."""
    folded = fold(text)
    if "--" in folded:
        folded = _DOUBLE_HYPHEN.sub("- ", folded)
    if "4r" in folded or "p4" in folded:
        folded = _OCR_FOUR.sub("a", folded)
    return folded
