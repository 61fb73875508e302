"""A closing list that flattened text ran on after a sentence: its heading and each of its rows on a line again.

Notes of a meeting close with an action list, "Åtgärdslista" over rows of three fields that spaced dashes part
("Underlag om taxan – Eva Ek – v. 46"). Flattened, the heading and the rows run on after the last item's text
("… digitalt. Åtgärdslista Underlag om taxan – Eva Ek – v. 46 Avtal – Per Holm – mars 2027 Vid anteckningarna …").
A known closing heading (``closing_headings`` in ``resources/sv/sections.json``) right after a sentence end, with
two or more such rows after it (no sentence ends before a row's last field), opens a paragraph; each row starts
a line: a row ends before the first capital after its second dash's field, and what follows the last row (a signer's label) starts a line too.

>>> t = "Mötet avslutas. Åtgärdslista Taxan – Eva Ek – v. 46 Avtal – Per Holm – mars 2027 Vid pennan Eva Ek"
>>> [(t[p:p + 6], brk) for p, brk in closing_list(t, 0, len(t))]
[('Åtgärd', '\\n\\n'), ('Taxan ', '\\n'), ('Avtal ', '\\n'), ('Vid pe', '\\n')]
"""

from __future__ import annotations

from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re

#: A sentence end and the capital after it: where a closing heading may start.
_AFTER_SENTENCE = compile_re(r"(?<=\p{Ll}[.!?])[ \t]+(?=\p{Lu})")
_TOKEN = compile_re(r"\S+")
#: Most words of a closing heading, and most words of a row's field before its dash.
HEADING_WORDS = 2
FIELD_WORDS = 12
#: Fewest rows of a closing list.
MIN_ROWS = 2
_DASHES = ("–", "-", "—")


def closing_list(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The breaks (position, break) of the closing lists run into ``text[start:end]`` (see the module doc)."""
    out: list[tuple[int, str]] = []
    for m in _AFTER_SENTENCE.finditer(text, start, end):
        if out and m.end() < out[-1][0]:
            continue
        heading = _heading_end(text, m.end(), end)
        rows, after = _rows(text, heading, end) if heading is not None else ([], None)
        if len(rows) >= MIN_ROWS:
            out += [(m.end(), "\n\n"), *((row, "\n") for row in [*rows, *([] if after is None else [after])])]
    return out


def _heading_end(text: str, pos: int, end: int) -> int | None:
    """The end of a known closing heading of at most ``HEADING_WORDS`` words at ``pos``, a capital after it."""
    words = [t for _, t in zip(range(HEADING_WORDS + 1), _TOKEN.finditer(text, pos, end))]
    for n in range(1, min(HEADING_WORDS, len(words) - 1) + 1):
        if " ".join(w.group() for w in words[:n]).casefold() in rules().closing_headings \
                and words[n].group()[:1].isupper():
            return words[n - 1].end()
    return None


def _rows(text: str, pos: int, end: int) -> tuple[list[int], int | None]:
    """The starts of the rows after a closing heading ending at ``pos``, each "what – who – when", and where the
    text after the last one starts (None where none follows)."""
    rows: list[int] = []
    dashes, words, row, when = 0, 0, -1, False
    for tok in _TOKEN.finditer(text, pos, end):
        word = tok.group()
        if dashes == 2 and when and word[:1].isupper():
            rows.append(row)
            row, dashes, words, when = -1, 0, 0, False
        row = tok.start() if row < 0 else row
        if word in _DASHES:
            dashes, words = dashes + 1, 0
            if dashes > 2:
                break
            continue
        words += 1
        when = when or dashes == 2
        if words > FIELD_WORDS or dashes < 2 and len(word) > 3 and word[-1] in ".!?":
            break  # (a sentence's end before the row's last field: prose with dashes, no row)
    if dashes == 2 and when:
        return [*rows, row], None
    return rows, None if row < 0 else row
