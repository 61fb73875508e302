"""Digits that OCR printed for look-alike letters inside a word: "1" for "l", "0" for "o".

No Swedish word or name holds a digit between letters, nor a "1" before two or more small letters (an ordinal is
"1a", "1:a"), so such a word whose letter reading is listed is that word: "Ka1mar" is "kalmar", "Enski1t"
"enskilt", "1än" "län". This holds where the repair's caution keeps a capitalised word inside a sentence (a name's
place) from other confusions: a digit there is no letter of a name. Two look-alike letters are read the same way:
a small "l" among capitals is an "I" where the reading is listed ("MlNNESANTECKNINGAR", ``capitals_for_l``), and
an inner capital "I" among small letters an "l" (``inner_i_as_l``: a name as the text prints it elsewhere). A digit
for a name's å/ä/ö between letters is read back where one reading alone changes only the digits
(``marks_for_digits``: "Wikstr6m" is "wikström").

>>> from kdextract.text.lexicon import load_lexicon
>>> [letters_for_digits(t, load_lexicon()) for t in ("Ka1mar", "1än", "3e", "E4", "Bj1x")]
['kalmar', 'län', None, None, None]
"""

from __future__ import annotations

from functools import lru_cache

from kdextract.pattern_cache import compile_re
from kdextract.text.ocr_confusions import ConfusionRules
from kdextract.text.lexicon import Lexicon
from kdextract.text.ocr_variants import variants

__all__ = ["capitals_for_l", "digits_read_as_letters", "inner_i_as_l", "letters_for_digits", "marks_for_digits",
           "zero_for_o"]

#: A digit between two letters: a misread letter, in a name as anywhere.
_INNER_DIGIT = compile_re(r"\p{L}\d+\p{L}")

#: A "1" or "0" between letters, or a "1" that opens a word of small letters.
_DIGIT_FOR_LETTER = compile_re(r"(?<=\p{L})[10](?=\p{L})|\A1(?=\p{Ll}{2,}\Z)")
_LETTER = {"1": "l", "0": "o"}
#: A "0" before a small letter that opens a word of small letters (and look-alike digits): OCR's "O" or "o"
#: ("0skarsson", "01le"; not "000kr").
_OPENING_ZERO = compile_re(r"01?+\p{Ll}[\p{Ll}10]*+")
_AS_LETTERS = str.maketrans(_LETTER)
#: A word of capitals but for small "l"s: OCR's "I" ("MlNNESANTECKNINGAR").
_CAPS_L = compile_re(r"[\p{Lu}l]++")
#: A word whose only inner capitals are "I": OCR's "l" ("tilI", "WibergIund").
_INNER_I = compile_re(r"\p{L}\p{Ll}*+(?:I\p{Ll}*+)++")


#: A word of letters and look-alike digits with two letters or more ("ti11", "F0rslag"; not "10a"), with a digit
#: (its first character that is no letter is one): a word of letters alone reads as itself.
_LETTERS_AND_DIGITS = compile_re(r"(?<![\p{L}\p{N}])(?=\p{L}*+[10])[10]*+\p{L}[10]*+\p{L}[\p{L}10]*+(?![\p{L}\p{N}])")
#: A "1" or "0" beside a letter: every word of ``_LETTERS_AND_DIGITS`` has one. Looked for first, as it is tried
#: only at the digits (the word pattern is tried at every character: a dated line's look-up cost its length).
_DIGIT_BESIDE_LETTER = compile_re(r"[10](?:(?<=\p{L}[10])|(?=\p{L}))")


def digits_read_as_letters(line: str) -> str:
    """``line`` with the "1"s and "0"s of its words read as "l" and "o" ("Förslag ti11 beslut" -> "Förslag till
    beslut"): for a look-up of a short heading in a closed list, where no listed heading holds a digit."""
    if "1" not in line and "0" not in line or _DIGIT_BESIDE_LETTER.search(line) is None:
        return line
    return _LETTERS_AND_DIGITS.sub(lambda m: m.group().translate(_AS_LETTERS), line)


def letters_for_digits(tok: str, lex: Lexicon, surname: bool = False) -> str | None:
    """``tok`` (lower case) with its look-alike digits read as letters, where that reading is a listed word or
    name and no other digit is left; else None. ``surname``: ``tok`` stands after a given name, so a capitalised
    one is a surname, read so listed or not ("Ann-Mari Hå1lberg" -> "hållberg"; no name holds a digit)."""
    if _DIGIT_FOR_LETTER.search(tok) is None:
        return None
    read = _DIGIT_FOR_LETTER.sub(lambda m: _LETTER[m.group()], tok).lower()
    if not read.isalpha():
        return None
    return read if surname and tok[:1].isupper() or lex.count(read) > 0 or read in lex.names else None


def zero_for_o(tok: str, lex: Lexicon, name: bool) -> str | None:
    """``tok``, a "0" before small letters, read with letters for its digits ("0skarsson" -> "Oskarsson",
    "01le" -> "Olle", "0ch" -> "och"): no word opens with a digit before letters. Capitalised where ``name`` (its
    place is a name's, listed or not); small where the reading is a listed word; else None: no "0" opens it, or
    a unit follows a zero ("0kr", "0st": the amount's digit), or the reading is no word ("0x" for "Ox")."""
    if _OPENING_ZERO.fullmatch(tok) is None or tok[1:].lower() in _zero_units():
        return None
    read = "o" + "".join(_LETTER.get(c, c) for c in tok[1:])
    if name:
        return "O" + read[1:]
    return read if lex.count(read) > 0 else None


@lru_cache(maxsize=1)
def _zero_units() -> frozenset[str]:
    return frozenset(ConfusionRules.load().zero_units)


def inner_i_as_l(tok: str) -> str:
    """``tok`` with the inner capital "I"s of a word of small letters read as "l" ("WibergIund" -> "Wiberglund")."""
    return tok[0] + tok[1:].replace("I", "l") if _INNER_I.fullmatch(tok) else tok


def capitals_for_l(tok: str, lex: Lexicon) -> str | None:
    """``tok``, a word of capitals but for small "l"s, with them read as "I" where that reading is a listed word
    ("MlNNESANTECKNINGAR" -> "MINNESANTECKNINGAR", "BEVlS" -> "BEVIS"); else None."""
    if "l" not in tok or sum(c.isupper() for c in tok) < 2 or _CAPS_L.fullmatch(tok) is None:
        return None
    read = tok.replace("l", "I")
    return read if read.lower() in lex else None


def marks_for_digits(tok: str) -> str | None:
    """A name with a digit for its å/ä/ö between letters ("Wikstr6m" -> "wikström"): no name holds a digit, so the
    one reading that changes the digits alone, none else, is the name, listed or not."""
    if not _INNER_DIGIT.search(tok):
        return None
    low = tok.lower()
    found = {cand for cand, _, _, _ in variants(tok, 0.7, 2, True, insert=False)
             if cand.isalpha() and len(cand) == len(low) and all(a == b or a.isdigit() for a, b in zip(low, cand))}
    return found.pop() if len(found) == 1 else None  # (not "Bj4rk": "Bjärk" or "Bjårk")
