"""Known sub-headings ("Beslut", "Bakgrund") run into flattened text, each set on a line of its own (``layout.reflow``)."""

from __future__ import annotations

from kdextract.layout.item_runs import inside
from kdextract.layout.subheading_ends import inline_subheading_at
from kdextract.layout.line_breaks import Breaks
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re

_TOKEN = compile_re(r"\S+")
#: A form field's label with its colon, run into flattened text: "Delegat:", "Beslutsdatum:", "Dnr:".
_FIELD_LABEL = compile_re(r"(?<=[ \t])\p{Lu}[\p{L}-]*(?:[ \t]\p{Ll}+){0,2}:(?=[ \t])")
#: Longest value of a form field (characters) between two labels.
FIELD_VALUE = 80


def subheadings(text: str, start: int, end: int, out: Breaks, keep_out: list[tuple[int, int]] | None = None) -> int:
    """Known sub-headings ("Beslut", "Bakgrund") inside flattened text, each on a line of its own; how many."""
    found = 0
    for tok in _TOKEN.finditer(text, start, end):
        stop = inline_subheading_at(text, tok.start(), end)
        if stop is None:
            continue
        if keep_out and inside(keep_out, tok.start()) and not _opens_body(text, tok.start(), stop):
            continue
        if text[stop - 1] == ":" and _among_fields(text, tok.start(), stop, end):
            out.before(tok.start())  # "Delegat: Eva Ek Förslag till beslut: Avtal tecknas … Beslutsdatum: …"
            continue
        out.before(tok.start(), "\n\n")
        out.after(stop)
        found += 1
    return found


def _among_fields(text: str, pos: int, stop: int, end: int) -> bool:
    """The sub-heading ``text[pos:stop]``, written with its colon, is one field of an entry's form: another label
    with its colon ends a short value right before it or follows its own short value ("Delegat: Eva Ek Förslag till
    beslut: Avtal tecknas med X AB Beslutsdatum: 2024-04-03"); it heads nothing."""
    return _FIELD_LABEL.search(text, max(0, pos - FIELD_VALUE), pos) is not None \
        or _FIELD_LABEL.search(text, stop, min(end, stop + FIELD_VALUE)) is not None


def _opens_body(text: str, pos: int, stop: int) -> bool:
    """The known sub-heading ``text[pos:stop]`` in the tail of a form opens the body all the same: it follows
    a sentence end, or it is a memo's opening heading ("Förslag till beslut" after the subject line)."""
    before = text[max(0, pos - 40):pos].split()
    last = before[-1] if before else ""
    word = last.rstrip(".!?")
    if last != word and len(word) > 2 and "." not in word:
        return True
    return " ".join(text[pos:stop].rstrip(":").casefold().split()) in rules().memo_openings
