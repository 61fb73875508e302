"""Readers that turn a source (text file, PDF, Word) into text plus page provenance."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceText:
    """Text read from a source, with the offsets where each page starts (page 1 at 0).

    ``warnings`` name what reading had to repair (mixed encodings, invalid bytes, lone surrogates);
    they are copied into ``Document.warnings``.
    """

    text: str
    name: str | None = None
    page_starts: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """1-based page of ``offset``, or None when the source has no pages."""
        if not self.page_starts:
            return None
        return max(1, bisect_right(self.page_starts, offset))
