"""A quoted e-mail passage whose line breaks were lost: each "> " marker inside a line is where a quoted line began.

``text.normalize`` drops the markers that open lines; flattened text keeps them between the words, each a lone ">"
(">>" deeper) between blanks. A line that holds ``QUOTE_RUN`` or more of them, a line of text between two, is a
quoted passage run into one line: each marker and the blanks around it become a line break; the first (the
passage starts), two markers in a row (a quoted blank line) and one before an item head ("> 2. Budget", where the
reply before it ended the quoted paragraph) a blank line.

>>> t = "Eva skrev: > Anteckningar > > 1. Budget > Läget är oförändrat och prognosen håller. Bra! > 2. Lokaler"
>>> [(t[s:e], new) for s, e, new, _ in quote_marker_edits(t)]
[(' > ', '\\n\\n'), (' > > ', '\\n\\n'), (' > ', '\\n'), (' > ', '\\n\\n')]
"""

from __future__ import annotations

from kdextract.layout.items import head_at
from kdextract.pattern_cache import compile_re
from kdextract.text.view import Replacement

#: Fewest lone markers in a line that make it a flattened quoted passage ("> 50 %" alone is a sign in prose).
QUOTE_RUN = 3
#: Characters between two markers that one quoted line of text at least holds (the passage's longest).
QUOTED_LINE = 40

_LINE = compile_re(r"[^\n]+")
#: A run of lone markers between blanks (or before the line's end), from the first blank of the run on.
#: (a ">" before a number that is no item's "2." is a comparison: "andelen > 250 ökade", "kostnaden > 5 000 kr")
_MARKERS = compile_re(r"(?<![ \t])[ \t]++>++(?:[ \t]++>++)*+"
                      r"(?:[ \t]++(?=\S)(?!\d++(?:[ \u00a0]\d{3})*+(?:,\d++)?+(?![\d.)]))|[ \t]*+$)")
_MARKER = compile_re(r">+")
#: The marker that opens a line.
_OPENING = compile_re(r"[ \t]*+>++[ \t]++")


def quote_marker_edits(text: str) -> list[Replacement]:
    """A line break for each run of quote markers inside a line that holds ``QUOTE_RUN`` or more of them."""
    edits: list[Replacement] = []
    for line in _LINE.finditer(text):
        if text.count(">", line.start(), line.end()) < QUOTE_RUN:
            continue
        runs = list(_MARKERS.finditer(text, line.start(), line.end()))
        opening = _OPENING.match(text, line.start(), line.end())
        if sum(len(_MARKER.findall(m.group())) for m in runs) + (opening is not None) < QUOTE_RUN \
                or all(b.start() - a.end() < QUOTED_LINE for a, b in zip(runs, runs[1:])):
            continue  # (a site's breadcrumbs, "Hem > Kommun > Nämnder > Protokoll", quote no line of text)
        if opening is not None:  # ("> 2. Budget > Läget …": a paragraph of quoted lines, the first one's marker)
            edits.append((opening.start(), opening.end(), "", "layout: quoted line run into a line"))
        ends = [m.start() for m in runs[1:]] + [line.end()]  # where each quoted line ends: the next marker
        edits += [(m.start(), m.end(), "\n\n" if k == 0 or len(_MARKER.findall(m.group())) > 1
                   or head_at(text, m.end(), ends[k], line_start=True) is not None else "\n",
                   "layout: quoted line run into a line") for k, m in enumerate(runs) if m.start() > line.start()]
    return edits
