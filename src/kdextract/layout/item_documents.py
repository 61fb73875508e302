"""An agenda item's documents: the lines under its head that list what the item is decided on.

"Beslutsunderlag: Tjänsteskrivelse 2024-10-22", "Handlingar:" over its list, "Bilaga 3 Karta" (the labels
are ``item_document_labels`` of ``resources/sv/sections.json``) belong to the item's body: no such line is an
entry of an agenda, a section of its own, or a break in a run of numbered items. Run into the item's line
("3. Bidrag till föreningen Beslutsunderlag: Ansökan …") the label ends the title. Such a line, or one that opens
with an ``item_body_labels`` label ("Ärende: …", "Förslag till beslut: …"), right under a numbered line makes it
an item's head (``labelled_body``).

>>> text = "2. Ny taxa för simhallen Beslutsunderlag: Tjänsteskrivelse"
>>> text[:inline_documents(text, 3, len(text))]
'2. Ny taxa för simhallen'
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re

if TYPE_CHECKING:
    from kdextract.layout.lines import Line


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(r"[ \t]+".join(regex.escape(w) for w in label.split()) for label in words)


@lru_cache(maxsize=1)
def _body_label() -> regex.Pattern[str]:
    """A label of an item's body with its colon and a value after it, opening a line ("Ärende: Förvaltningen …")."""
    return compile_re(rf"(?i:(?:{_alternation(rules().item_body_labels)})[ \t]*:[ \t]*\S)")


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a documents label that opens a line, one run into a title after a word), compiled once."""
    r = rules()
    labels, numbered = _alternation(r.item_document_labels), _alternation(r.numbered_document_labels)
    number = r"[ \t]+\d{1,2}(?![\d.,:/-])"
    opening = compile_re(rf"(?i:(?:{labels})[ \t]*(?::|\Z)|(?:{numbered}){number})")
    # run in, the label is capitalised (a title may name "underlag" or "bilaga 2" in lower case) and a capital
    # follows a numbered one ("… delegationsordning Bilaga 6 Delegationsordning med …")
    capital = "|".join(rf"{w[:1].upper()}(?i:{w[1:]})" for w in (_alternation((label,)) for label in r.item_document_labels))
    capital_numbered = "|".join(rf"{w[:1].upper()}(?i:{w[1:]})"
                                for w in (_alternation((label,)) for label in r.numbered_document_labels))
    run_in = compile_re(rf"(?<=\S[ \t]+)(?:(?:{capital})[ \t]*:|(?:{capital_numbered}){number}(?=[ \t]+\p{{Lu}}))")
    return opening, run_in


def body_label_line(text: str) -> bool:
    """The stripped line ``text`` opens with an item's body label and its value ("Föredragande: Eva Ek")."""
    return _body_label().match(text) is not None


def body_label_at(text: str, pos: int, end: int) -> bool:
    """An item's body label and its value begin at ``pos`` ("… justerare |Föredragande: ekonom Eva Ek 3. …")."""
    return _body_label().match(text, pos, end) is not None


def inline_documents(text: str, start: int, end: int) -> int | None:
    """Where a documents label run into ``text[start:end]`` after a word begins (the blanks before it), or None."""
    m = _patterns()[1].search(text, start, end)
    if m is None:
        return None
    return len(text[:m.start()].rstrip(" \t"))


def documents_at(text: str, pos: int, end: int) -> bool:
    """A documents label run into a title after a word begins at ``pos`` ("… föreningen |Bilaga 2 Ansökan …")."""
    return _patterns()[1].match(text, pos, end) is not None


def mark_documents(lines: list[Line]) -> None:
    """Mark the lines that list an item's documents (``Line.documents``): a line that opens with a documents
    label, and under a bare label ("Handlingar:") the lines of its list, up to a blank line or the next item."""
    in_list = False
    for line in lines:
        if line.kind in ("blank", "furniture", "agenda", "paragraph", "entry"):
            in_list = False
            continue
        opening = _patterns()[0].match(line.text)
        if opening is not None:
            line.documents = True
            in_list = opening.end() >= len(line.text.rstrip())
        elif in_list and line.kind in ("text", "list", "field"):
            line.documents = True


def labelled_body(lines: list[Line], i: int, documents: bool = True) -> bool:
    """The line right under line ``i`` (past a case number's line) opens the body of an item: a documents line
    (where ``documents``) or a body label with its value ("2. Delårsrapport" over "Ärende: Förvaltningen …")."""
    j = i + 1
    while j < len(lines) and lines[j].kind == "case":
        j += 1
    return j < len(lines) and (documents and lines[j].documents or _body_label().match(lines[j].text) is not None)

