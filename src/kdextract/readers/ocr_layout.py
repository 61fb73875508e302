"""Page text from Tesseract's TSV output: real lines, paragraph breaks, form fields and doubtful words.

Tesseract's TSV gives every word with its box, its block/paragraph/line and a confidence.
From that a page becomes text the layout step can read as it reads a text layer:

* one output line per line Tesseract found, words in reading order;
* a blank line where the vertical step to the next line is clearly larger than the page's
  usual line pitch (a new paragraph, a heading);
* a tab where a wide horizontal gap splits a line (a form's label and its value) and before a
  line indented to such a tab stop (the value's continuation lines);
* specks and stray marks dropped and a misread "§" restored (``kdextract.readers.ocr_words``);
* running headers and page numbers dropped (``drop_furniture``).

Words read with a confidence below the threshold, and every word changed on the way, are
kept as doubts: ``(start, end, confidence, what Tesseract read)`` in the page text.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from kdextract.pattern_cache import compile_re
from kdextract.readers import Doubt
from kdextract.readers.ocr_words import Word, clean_words, gap_before
from kdextract.readers.pdf import PAGE_NUMBER

#: Share of the page height at the top and at the bottom where running headers/footers live.
MARGIN_BAND = 0.1
#: Step to the next line (in units of the page's line pitch) from which a blank line is put in.
PARAGRAPH_STEP = 1.55
#: Horizontal gap between words (in line heights) from which it is a tab, not a space.
TAB_GAP = 2.5

_LETTERS = compile_re(r"\p{L}+")


@dataclass
class OcrLine:
    """One line of a page: its text, where it sits, and the doubts inside it (line offsets)."""

    text: str
    y: float
    left: int
    doubts: list[Doubt] = field(default_factory=list)
    indented: bool = False
    top: bool = False
    bottom: bool = False
    new_paragraph: bool = False


def parse_tsv(tsv: str) -> list[Word]:
    """The words of one page of ``tesseract … tsv`` output, in Tesseract's reading order."""
    words = []
    rows = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        if len(row) < 12 or row[0] != "5" or not row[11].strip():
            continue
        left, top, width, height = (int(v) for v in row[6:10])
        words.append(Word(row[11].strip(), left, top, width, height, float(row[10]),
                          (int(row[2]), int(row[3]), int(row[4]))))
    return words


def page_lines(words: Sequence[Word], page_height: int, min_confidence: float) -> list[OcrLine]:
    """The page's lines, with paragraph breaks, tabs, the fixes above and the doubts."""
    grouped: list[list[Word]] = []
    for word in words:
        if grouped and grouped[-1][0].line == word.line:
            grouped[-1].append(word)
        else:
            grouped.append([word])
    if not grouped:
        return []
    unit = statistics.median(w.height for w in words)  # the page's word height: the unit of gaps
    digits = [w.width / len(w.text) for w in words if len(w.text) >= 2 and w.text.isdigit()]
    digit_width = statistics.median(digits) if digits else None
    slope = _skew(grouped)
    lines = [line for g in grouped if (line := _line(g, unit, slope, min_confidence, digit_width)) is not None]
    if not lines:
        return []
    # a column's left edge leans with the skew too: indents are measured square to the text
    xs = sorted(line.left + slope * line.y for line in lines)
    margin = xs[len(xs) // 10]
    for line in lines:
        line.indented = line.left + slope * line.y - margin > TAB_GAP * unit
    pitch = _line_pitch([b.y - a.y for a, b in zip(lines, lines[1:])], 0.6 * unit)
    for prev, line in zip(lines, lines[1:]):
        line.new_paragraph = pitch > 0 and (line.y - prev.y > PARAGRAPH_STEP * pitch or line.y < prev.y)
    for line in lines:
        line.top = line.y < MARGIN_BAND * page_height
        line.bottom = line.y > (1 - MARGIN_BAND) * page_height
    return lines


def _line_pitch(steps: list[float], least: float) -> float:
    """The page's line pitch: the smallest step between lines that recurs (within 15 %), else the median."""
    steps = sorted(step for step in steps if step >= least)
    for k, step in enumerate(steps):
        if k + 1 < len(steps) and steps[k + 1] <= 1.15 * step:
            return step
    return statistics.median(steps) if steps else 0.0


def _skew(lines: list[list[Word]]) -> float:
    """The page's skew as a slope (dy/dx), the median over lines of three words or more."""
    slopes = []
    for words in lines:
        if len(words) >= 3:
            a, b = words[0], words[-1]
            run = (b.left + b.width / 2) - (a.left + a.width / 2)
            if run > 0:
                slopes.append(((b.top + b.height / 2) - (a.top + a.height / 2)) / run)
    return statistics.median(slopes) if slopes else 0.0


def _line(words: list[Word], unit: float, slope: float, min_confidence: float,
          digit_width: float | None) -> OcrLine | None:
    """One line's text from its words, or None when nothing but specks is left."""
    kept = clean_words(words, TAB_GAP * unit, min_confidence, digit_width)
    if not kept:
        return None
    parts: list[str] = []
    doubts: list[Doubt] = []
    pos = 0
    for k, (word, text) in enumerate(kept):
        if k:
            parts.append("\t" if gap_before(kept[k - 1][0], word) > TAB_GAP * unit else " ")
            pos += 1
        parts.append(text)
        if text != word.text or word.confidence < min_confidence:
            doubts.append((pos, pos + len(text), round(word.confidence), word.text))
        pos += len(text)
    # the line's height at x = 0, square to the skew: the median over its words, so one speck does not move it
    y = statistics.median(w.top + w.height / 2 - slope * (w.left + w.width / 2) for w, _ in kept)
    return OcrLine("".join(parts), y, kept[0][0].left, doubts)


def drop_furniture(pages: list[list[OcrLine]]) -> None:
    """Remove page numbers and running headers/footers from OCR'd pages, in place.

    A margin-band line is furniture when it is a page number ("Sida 2 av 5") or when a line
    of about the same letters sits in the margin band of a neighbouring page (OCR reads the
    same header a little differently on every page). The first page's top lines stay: its
    letterhead names the issuer.
    """
    keys = [[_key(line.text) if line.top or line.bottom else "" for line in lines] for lines in pages]
    for i, lines in enumerate(pages):
        near = {k for j in range(max(0, i - 2), min(len(pages), i + 3)) if j != i for k in keys[j] if k}
        pages[i] = [line for line, key in zip(lines, keys[i])
                    if not (key and (PAGE_NUMBER.match(line.text)
                                     or not (i == 0 and line.top) and _recurs(key, near)))]


def _key(text: str) -> str:
    return " ".join(_LETTERS.findall(text.casefold()))


def _recurs(key: str, others: set[str]) -> bool:
    if key in others:
        return True
    return len(key) >= 8 and any(SequenceMatcher(None, key, other).ratio() >= 0.85 for other in others)


def page_text(lines: Sequence[OcrLine]) -> tuple[str, list[Doubt]]:
    """The page's text (lines, blank lines between paragraphs) and its doubts in page offsets."""
    parts: list[str] = []
    doubts: list[Doubt] = []
    pos = 0
    for k, line in enumerate(lines):
        lead = ("\n\n" if line.new_paragraph else "\n") if k else ""
        lead += "\t" if line.indented else ""
        parts.append(lead + line.text)
        pos += len(lead)
        doubts.extend((pos + s, pos + e, c, seen) for s, e, c, seen in line.doubts)
        pos += len(line.text)
    return "".join(parts), doubts
