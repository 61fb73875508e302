"""Entries made only of form fields: a register's blocks of "Label: value" lines ("Ärende: …", "Dnr: …",
"Delegat: …"), each block opened by the same label. A line that stands alone over such a block heads a group
of entries ("Upphandling" over the first "Ärende: …" of its entries), though no prose follows it; a field's own
line that the next line's field goes on from is no heading ("Delegat: Parkchef" where flattened text broke
before it)."""

from __future__ import annotations

from kdextract.layout.lines import Line
from kdextract.pattern_cache import compile_re

__all__ = ["heads_entries", "in_entry"]

#: A form field's line: a short capitalised label of at most four words, its colon and a value.
_FIELD = compile_re(r"(\p{Lu}\p{Ll}*(?:[ \t]\p{Ll}+){0,3}):[ \t]+\S")
#: Fewest field lines in an entry.
_ENTRY_FIELDS = 3


def heads_entries(lines: list[Line], i: int) -> bool:
    """After a blank, the lines under line ``i`` are an entry of form fields whose first label opens another
    entry of the document too (a register's repeated shape, not one form)."""
    if i + 2 >= len(lines) or lines[i + 1].kind != "blank":
        return False
    label = _entry_label(lines, i + 2)
    return label is not None and any(
        j != i + 2 and lines[j - 1].kind == "blank" and _entry_label(lines, j) == label for j in range(1, len(lines)))


def in_entry(lines: list[Line], i: int) -> bool:
    """Line ``i`` is a form field ("Delegat: Parkchef") and the next non-blank line another one."""
    if _FIELD.match(lines[i].text) is None:
        return False
    nxt = next((ln for ln in lines[i + 1:i + 3] if ln.kind != "blank"), None)
    return nxt is not None and _FIELD.match(nxt.text) is not None


def _entry_label(lines: list[Line], j: int) -> str | None:
    """The first label of the entry of form fields at line ``j``, if one starts there."""
    labels = []
    for line in lines[j:j + _ENTRY_FIELDS]:
        m = _FIELD.match(line.text)
        if m is None:
            return None
        labels.append(m.group(1))
    return labels[0].casefold() if len(labels) == _ENTRY_FIELDS else None
