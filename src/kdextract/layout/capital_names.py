"""Names set in capitals at a line's start ("KARIN LIND (S), ordförande", "ANNA BERG" over "Socialchef"), as older
protocols, scans and some letterhead templates write member lists and signatures, are written in title case in the
working view, so the people, attendance and signature rules read them as they read any name; the input keeps its
capitals (offsets and quoted text are the input's).

A line's first two or three words in capitals are a name where the first is a listed given name, no word is a role,
and a bracket (the party) or a comma and a role or a lower-case word follows the name ("KARIN LIND, ordförande"; not
"PER ÅR, TKR"), or the name stands alone on its line next to a role line or another such name line.

>>> [(a, b, new) for a, b, new, _ in capital_name_edits("Beslutande\\nKARIN LIND (S), ordförande\\nPER HOLM (M)\\n")]
[(11, 21, 'Karin Lind'), (38, 46, 'Per Holm')]
"""

from __future__ import annotations

from kdextract.layout.words import is_first_name, is_role
from kdextract.pattern_cache import compile_re
from kdextract.text.view import Replacement

#: Two or three words in capitals opening a line, and what follows them on the line.
_CAPS_NAME = compile_re(r"(?m)^[ \t]*(?P<name>\p{Lu}{2,}(?:-\p{Lu}{2,})?(?:[ ]\p{Lu}{2,}(?:-\p{Lu}{2,})?){1,2})"
                        r"(?P<after>[ \t]*(?:\(|,[ \t]*(?P<next>\p{L}+)|$))")
#: A role line: a role's word first ("Socialchef", "Ordförande", "kommundirektör").
_ROLE_LINE = compile_re(r"[ \t]*(\p{L}+)")


def capital_name_edits(text: str) -> list[Replacement]:
    """Title-case replacements for the names in capitals that open lines of ``text``."""
    found = [m for m in _CAPS_NAME.finditer(text) if _name_words(m.group("name"))
             and (m.group("next") is None or m.group("next").islower() or is_role(m.group("next")))]
    lines = {_line_start(text, m.start()) for m in found}  # the lines a name in capitals opens
    out: list[Replacement] = []
    for m in found:
        if not m.group("after").strip():  # alone on its line: a role line or another name line beside it
            before = _line_start(text, m.start()) - 1
            after = text.find("\n", m.end())
            if not (after >= 0 and (after + 1 in lines or _role_line(text, after + 1))
                    or before > 0 and _line_start(text, before) in lines):
                continue
        out.append((m.start("name"), m.end("name"), m.group("name").title(), "name in capitals"))
    return out


def _name_words(name: str) -> bool:
    """The words in capitals are a name's: a listed given name first, no role word."""
    words = name.title().split()
    return is_first_name(words[0]) and not any(is_role(w) for w in words)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _role_line(text: str, start: int) -> bool:
    """The line at ``start`` opens with a role's word ("Socialchef", "Ordförande")."""
    m = _ROLE_LINE.match(text, start)
    return m is not None and is_role(m.group(1))
