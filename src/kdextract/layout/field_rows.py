"""Form fields run into one line: a project form's, a letter's or a mail's head fields that lost their breaks.

A plan's or a memo's head gives each field a line of its own ("Projekt: …", "Projektägare: …",
"Projektledare: …"); a flattened transcript runs them together, and the first field's value then runs
on into the next label. Three or more fields in a row, each a capitalised label of one word (or two: "Gäller
från:") of a head's, a footer's or a mail's field (``sections.json`` 'field_row_labels') with its colon and a short
value without a sentence end, get back a line each (``layout.reflow``); a place's name before a colon
("För PRO Ekby: Eva Ek") is no field's label. In a flattened line, where a column gap (a tab, two blanks) after the
colon shows the form's column of values, any such label is a field's and two in a row make a row ("… kallas till
sammanträde. När:   onsdag 2 december Var:   Kommunhuset"). A governing document's adoption line ("Fastställd av
kommunfullmäktige 2026-04-22, § 45", ``sections.json`` 'adoption_words') that a flattened head ran in after its
title stands on a line of its own as well.

>>> t = "Dnr 2026/4 Projekt: Ny bro Projektägare: kommunchef Eva Ek Projektledare: Ola Berg, ingenjör"
>>> [t[p:t.index(":", p)] for p in field_rows(t, 0, len(t))]
['Projekt', 'Projektägare', 'Projektledare']
>>> t = "RIKTLINJE FÖR GÅVOR Fastställd av kommunfullmäktige 2026-04-22, § 45 Gäller från: 2026-06-01"
>>> a, b = adoption_line(t, 0, len(t)) or (0, 0)
>>> t[a:b]
'Fastställd av kommunfullmäktige 2026-04-22, § 45'
>>> t = "Välkomna till mötet. När:   tisdag 3 mars kl. 13 Var:\tStora salen Anmälan görs till Eva Ek."
>>> [t[p:t.index(":", p)] for p in field_rows(t, 0, len(t), gapped=True)]
['När', 'Var']
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
#: A column gap after a label's colon: a form's column of values.
_GAP_AFTER = compile_re(r"\t|[ ]{2}")
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


def field_rows(text: str, start: int, end: int, gapped: bool = False) -> list[int]:
    """Where each field of a row of three or more run-in form fields starts on the line
    ``text[start:end]``; with ``gapped`` (a flattened line) also of two or more whose labels each have a column
    gap after the colon, listed or not."""
    found: list[int] = []
    row: list[int] = []
    gaps = 0  # the row's labels with a column gap after the colon
    prev_end = -1
    labels = rules().field_row_labels
    for m in _LABEL.finditer(text, start, end):
        gap = gapped and _GAP_AFTER.match(text, m.end(1) + 1) is not None
        if not gap and m.group(1).casefold() not in labels:
            continue
        if row and (m.start() - prev_end > _VALUE_CHARS or _no_value().search(text, prev_end, m.start())):
            found += row if _row(row, gaps) else []
            row, gaps = [], 0
        row.append(m.start())
        gaps += gap
        prev_end = m.end()
    return found + (row if _row(row, gaps) else [])


def _row(row: list[int], gaps: int) -> bool:
    """The labels ``row`` make a row of fields: three or more, or two or more that each have a column gap."""
    return len(row) >= _ROW_FIELDS or len(row) >= 2 and gaps == len(row)


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
