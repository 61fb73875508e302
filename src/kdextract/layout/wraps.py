"""Line breaks that PDF text put inside a person's name, joined again in the working view.

Text extracted from a PDF breaks its lines where the page's column ends, so a list of names
that runs over several lines splits one of them: "… Sven Dahl (KD), Karin" / "Malmberg (S),
Olle Nygren (V)". The break goes back to a space where a full line ends in a known given name
and the next line opens with a capitalised word (maybe after a particle: "von Ahlströmer") that ends there as a
name does (a comma, a party in brackets, "och", a full stop before the next name, or the line's end). A capitalised word right after a
lower-case role word ("… och fritidsledaren Amra" / "Begić, …") is a given name there too, known or not.

>>> [(text, reason) for _, _, text, reason in name_wrap_edits(
...     "Närvarande: Anna Berg (S), Per Holm (M), Lisa Ek (C), Karin\\nMalmberg (S), Olle Nygren (V)")]
[(' ', 'layout: name across a line break')]
"""

from __future__ import annotations

import regex

from kdextract.layout.words import is_first_name, is_role
from kdextract.pattern_cache import compile_re
from kdextract.text.view import Replacement

#: Shortest line that a column's end wraps (a shorter one ends where its writer ended it).
WRAPPED_LINE = 50

_NAME = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
#: A nobiliary particle that may open the surname on the next line ("Stina" / "von Segerfalk").
_PARTICLE = r"(?:von|af|van|de|der)"
#: A given name that ends a line, the break, and a capitalised word that ends as a name does.
_WRAP = compile_re(rf"(?<![\p{{L}}\-])(?P<given>{_NAME})[ \t]*\n(?=(?:{_PARTICLE}[ \t]+)?(?P<next>{_NAME})"
                      r"(?:[ \t]*[,(]|[ \t]*$|[ \t]*\.[ \t]+\p{Lu}|[ \t]+(?:och|samt)[ \t]))", regex.MULTILINE)
#: A lower-case word (a role's, "fritidsledaren") right before a word at ``_WRAP``'s start.
_WORD_BEFORE = compile_re(r"(?<![\p{L}\-])\p{Ll}[\p{L}\-]*+[ \t]+$")


def name_wrap_edits(text: str) -> list[Replacement]:
    """A space for each line break inside a wrapped name (see the module's docstring)."""
    edits: list[Replacement] = []
    for m in _WRAP.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if len(text[line_start:m.end("given")].strip()) < WRAPPED_LINE:
            continue
        if is_first_name(m.group("next")):
            continue
        if not is_first_name(m.group("given")) and not _after_role(text, line_start, m.start()):
            continue
        edits.append((m.end("given"), m.end(), " ", "layout: name across a line break"))
    return edits


def _after_role(text: str, line_start: int, start: int) -> bool:
    """The word before ``start`` on its line is a lower-case role word ("fritidsledaren")."""
    m = _WORD_BEFORE.search(text, line_start, start)
    return m is not None and is_role(m.group().strip())
