"""Form fields run into one line: a project form's, a letter's or a mail's head fields that lost their breaks.

A plan's or a memo's head gives each field a line of its own ("Projekt: …", "Projektägare: …",
"Projektledare: …"); a flattened transcript runs them together, and the first field's value then runs
on into the next label. Three or more fields in a row, each a capitalised label of one word (or two: "Gäller
från:") of a head's, a footer's or a mail's field (``sections.json`` 'field_row_labels') with its colon and a short
value without a sentence end, get back a line each (``layout.reflow``); a place's name before a colon
("För PRO Ekby: Eva Ek") is no field's label. A governing document's adoption line ("Fastställd av
kommunfullmäktige 2026-04-22, § 45", ``sections.json`` 'adoption_words') that a flattened head ran in after its
title stands on a line of its own as well.

>>> t = "Dnr 2026/4 Projekt: Ny bro Projektägare: kommunchef Eva Ek Projektledare: Ola Berg, ingenjör"
>>> [t[p:t.index(":", p)] for p in field_rows(t, 0, len(t))]
['Projekt', 'Projektägare', 'Projektledare']
>>> t = "RIKTLINJE FÖR GÅVOR Fastställd av kommunfullmäktige 2026-04-22, § 45 Gäller från: 2026-06-01"
>>> a, b = adoption_line(t, 0, len(t)) or (0, 0)
>>> t[a:b]
'Fastställd av kommunfullmäktige 2026-04-22, § 45'
>>> t = "Ekonomi: Prognosen visar plus. Personal: Sjukfrånvaron sjunker. Lokaler: Inga nya."
>>> field_rows(t, 0, len(t))
[]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re

#: A field's label: one capitalised word (a hyphen in it), or it and a lower-case word ("Gäller från"), and its colon,
#: a value after it.
_LABEL = compile_re(r"(?<!\S)(\p{Lu}[\p{Ll}-]+(?:[ \t]\p{Ll}+)?):[ \t]+(?=\S)")
#: A sentence end inside a line: what stands before a head's adoption line holds none.
_SENTENCE_BREAK = compile_re(r"[.!?][ \t]")
#: How a column gap before a table's cell ends (``layout.columns.COLUMN_GAP``: a tab or three blanks).
_COLUMN_GAP_ENDS = ("\t", "   ")
#: How far into a line its head's adoption line may start (characters).
HEAD_CHARS = 300
#: The longest value between two labels of a row, and the fewest fields in a row.
_VALUE_CHARS, _ROW_FIELDS = 60, 3


@lru_cache(maxsize=1)
def _no_value() -> regex.Pattern[str]:
    """What ends a field's value as no field's value would: a sentence end (not an abbreviation's point of
    ``field_value_abbreviations``: "kl. 13.00"), a bullet, a section sign."""
    abbreviations = "|".join(regex.escape(w) for w in rules().field_value_abbreviations)
    return compile_re(r"(?<!\p{L})(?!(?i:" + abbreviations + r")\.)\p{L}*?\p{Ll}{2}[.!?](?:\s|$)|[•§]")


def field_rows(text: str, start: int, end: int) -> list[int]:
    """Where each field of a row of three or more run-in form fields starts on the line
    ``text[start:end]``."""
    found: list[int] = []
    row: list[int] = []
    prev_end = -1
    labels = rules().field_row_labels
    for m in _LABEL.finditer(text, start, end):
        if m.group(1).casefold() not in labels:
            continue
        if row and (m.start() - prev_end > _VALUE_CHARS or _no_value().search(text, prev_end, m.start())):
            found += row if len(row) >= _ROW_FIELDS else []
            row = []
        row.append(m.start())
        prev_end = m.end()
    return found + (row if len(row) >= _ROW_FIELDS else [])


def adoption_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the adoption line in the head that opens the line ``text[start:end]`` ("Riktlinje för gåvor
    Fastställd av kommunfullmäktige 2026-04-22, § 45 Gäller från: …"): within its first ``HEAD_CHARS``
    characters, no sentence end before it and no column gap right before it (a table's cell: "1.0       Antagen av
    …", a document history's row); or None."""
    m = rules().adoption_line.search(text, start, min(end, start + HEAD_CHARS))
    if m is None or _SENTENCE_BREAK.search(text, start, m.start()) is not None \
            or text.endswith(_COLUMN_GAP_ENDS, start, m.start()):
        return None
    return m.start(), m.end()
