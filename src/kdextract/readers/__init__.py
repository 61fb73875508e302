"""Readers that turn a source (text file, PDF, Word, scan) into text plus page provenance."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

#: A word OCR was unsure of or a reader changed: (start, end, confidence 0-100, what OCR read).
Doubt = tuple[int, int, int, str]


@dataclass(frozen=True)
class SourceText:
    """Text read from a source, with the offsets where each page starts (page 1 at 0).

    A scan read by OCR also says which pages were OCR'd and which words are in doubt;
    ``warnings`` are what the reader could not do or had to repair (OCR left out, mixed
    encodings, invalid bytes, lone surrogates); they reach ``Document.warnings``.
    """

    text: str
    name: str | None = None
    page_starts: tuple[int, ...] = ()
    ocr_pages: tuple[int, ...] = ()
    doubts: tuple[Doubt, ...] = ()
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """1-based page of ``offset``, or None when the source has no pages."""
        if not self.page_starts:
            return None
        return max(1, bisect_right(self.page_starts, offset))

    def ocr_note(self, start: int, end: int) -> str | None:
        """What OCR was unsure of in ``[start, end)``, for a record's explanation; None when nothing."""
        if not self.doubts:
            return None
        k = bisect_left(self.doubts, (start,))
        if k and self.doubts[k - 1][1] > start:
            k -= 1
        notes = []
        while k < len(self.doubts) and self.doubts[k][0] < end:
            s, e, confidence, seen = self.doubts[k]
            read = self.text[s:e]
            notes.append(f"{seen!r} read as {read!r}" if seen != read else f"{read!r} ({confidence}%)")
            k += 1
        return "OCR unsure: " + ", ".join(notes) if notes else None
