"""Words as Tesseract read them, cleaned of what a scan adds: specks, stray marks, a misread "§".

* lone marks made of dust and specks (``|``, ``'``, ``.``) that Tesseract reads with little
  confidence are dropped, and so are runs of short words of very low confidence set apart
  by wide gaps (specks read as "a", "hg 2") and a dash ending a line;
* a mark stuck to a word by a speck goes: a "." or "'" in front of a lower-case word
  (".vid"), a "." after a number that a lower-case word follows ("185 000. kronor"), and a
  ":" or ";" after a doubtful word. Digits are never changed, added or removed inside a word;
* a lone "1" between two words, read with some doubt and far narrower than the page's digits,
  is the word "i" with a speck on it ("kommunstyrelsen 1 juni" -> "… i juni");
* the paragraph sign, which Tesseract misreads as "&", "$", "$&", "S" or "8", is restored
  where such a mark opens a line or a form field's value before a paragraph number
  ("& 21 Val av justerare" -> "§ 21 …"; '"88 21-26' -> "§§ 21-26"); a real "8" or "S" must
  be doubtful or followed by a number and a capitalised title.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kdextract.pattern_cache import compile_re

#: Marks Tesseract prints for "§" or "§§"; "8" and "S" are also real characters, so they need more evidence.
_SECTION_MARK = compile_re(r"""["'“”]?[&$§S8]{1,2}""")
_AMBIGUOUS_MARKS = frozenset({"8", "88", "S", "SS"})
_NUMBER = compile_re(r"\d{1,4}[.,:]?")
_RANGE = compile_re(r"\d{1,4}[-–—]\d{1,4}[.,:]?|\d{1,4},")
_SPECK = compile_re(r"[|¦'`‘’.,_~:;=^]+")
_LEADING_MARK = compile_re(r"^[.,:;'`‘’]+(?=\p{Ll})")
_NUMBER_DOT = compile_re(r"^\d+\.$")
#: Below this confidence a short word alone between wide gaps is taken for a speck.
NOISE_CONFIDENCE = 60
#: A doubtful lone "1" between words that is narrower than this share of a digit is an "i".
NARROW_ONE = 0.4


@dataclass(frozen=True)
class Word:
    """One word as Tesseract read it: text, box (pixels) and confidence (0-100)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line: tuple[int, int, int]  # block, paragraph, line


def gap_before(prev: Word, word: Word) -> int:
    """Pixels between the end of ``prev`` and the start of ``word``."""
    return word.left - (prev.left + prev.width)


def clean_words(words: Sequence[Word], tab: float, min_confidence: float,
                digit_width: float | None = None) -> list[tuple[Word, str]]:
    """The words of one line worth keeping, each with the text to print for it.

    ``tab``: the gap (pixels) from which words stand apart, as a form's label and value do;
    ``digit_width``: the page's width per digit in numbers, to tell a "1" from a misread "i".
    """
    signs = paragraph_signs(words, tab)
    noise = _noise(words, tab)
    kept = [(k, w) for k, w in enumerate(words) if k in signs or k not in noise]
    out: list[tuple[Word, str]] = []
    for n, (k, word) in enumerate(kept):
        after = kept[n + 1][1] if n + 1 < len(kept) else None
        text = signs.get(k) or _trim(word, after, min_confidence)
        if text == "1" and digit_width and word.width < NARROW_ONE * digit_width and word.confidence < 90 \
                and n and out[-1][1][-1:].islower() and after is not None and after.text[:1].isalpha():
            text = "i"
        out.append((word, text))
    return out


def _noise(words: Sequence[Word], tab: float) -> set[int]:
    """Indexes of the specks: lone marks, a dash ending the line, and runs of short doubtful words set apart."""
    noise = {k for k, w in enumerate(words) if _SPECK.fullmatch(w.text) and w.confidence < 95}
    if len(words) > 1 and words[-1].text in ("-", "–") and gap_before(words[-2], words[-1]) > 0:
        noise.add(len(words) - 1)
    cell: list[int] = []
    for k in range(len(words) + 1):
        if k == len(words) or k and gap_before(words[k - 1], words[k]) > tab:
            if all(len(words[i].text) <= 3 and words[i].confidence < NOISE_CONFIDENCE or i in noise for i in cell):
                noise.update(cell)
            cell = []
        if k < len(words):
            cell.append(k)
    return noise


def _trim(word: Word, after: Word | None, min_confidence: float) -> str:
    """``word``'s text without the marks a speck stuck to it."""
    text = _LEADING_MARK.sub("", word.text)
    if after is not None and after.text[:1].islower() and _NUMBER_DOT.match(text):
        text = text[:-1]
    if word.confidence < min_confidence and len(text) > 1 and text[-1] in ":;" and text[-2].isalpha():
        text = text[:-1]
    return text


def paragraph_signs(words: Sequence[Word], tab: float) -> dict[int, str]:
    """Replacements (by word index) of a misread "§" or "§§" before a paragraph number.

    Only the first word of a line or of a form field's value (after a wide gap) is looked at.
    """
    fixes = {}
    for k in range(len(words) - 1):
        word, number = words[k], words[k + 1].text
        if k and gap_before(words[k - 1], word) <= tab:
            continue
        if not _SECTION_MARK.fullmatch(word.text) or not (_NUMBER.fullmatch(number) or _RANGE.fullmatch(number)):
            continue
        sign = "§§" if _RANGE.fullmatch(number) else "§"
        if word.text.lstrip("\"'“”") in _AMBIGUOUS_MARKS:
            titled = k + 2 < len(words) and words[k + 2].text[:1].isupper()
            if not (word.confidence < 70 or titled):
                continue
        if word.text != sign:
            fixes[k] = sign
    return fixes


